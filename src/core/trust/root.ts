// Loads the Sigstore trusted root (Fulcio CAs, Rekor/CT keys, TSAs) for one run: from a file,
// from the copy embedded in the build (offline), or from the public-good TUF repository.
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial } from '@sigstore/verify';
// The seed shipped inside @sigstore/tuf: a JSON import, so bundlers inline it and the
// offline root is always the one the library version we ship was released with.
import tufSeeds from '@sigstore/tuf/seeds.json' with { type: 'json' };
import { GateError } from '../errors.js';
import { LIMITS, readFileCapped } from '../limits.js';

export const PUBLIC_GOOD_TUF_MIRROR = 'https://tuf-repo-cdn.sigstore.dev';

/** A trusted_root.json document as plain JSON (the protobuf-specs JSON mapping). */
export interface TrustedRootJSON {
  mediaType: string;
  tlogs?: unknown[];
  certificateAuthorities?: unknown[];
  ctlogs?: unknown[];
  timestampAuthorities?: unknown[];
  [field: string]: unknown;
}

export interface LoadTrustedRootOptions {
  /** Use the public-good root embedded in the build; never touch the network. */
  offline?: boolean;
  /** A trusted_root.json file; wins over `offline` and TUF. */
  trustedRootPath?: string;
  /** TUF metadata cache directory (online mode). */
  cacheDir?: string;
  /** TUF repository; defaults to the public-good CDN. */
  tufMirrorUrl?: string;
  /** Per-request timeout for TUF fetches. Default 5000 ms. */
  fetchTimeoutMs?: number;
  /** TUF fetch retries on network errors. Default 2. */
  fetchRetries?: number;
}

const TRUSTED_ROOT_MEDIA_TYPE =
  /^application\/vnd\.dev\.sigstore\.trustedroot(?:\.v\d+\.\d+)?\+json(?:;version=\d+\.\d+)?$/;

export async function loadTrustedRoot(opts: LoadTrustedRootOptions): Promise<TrustedRootJSON> {
  if (opts.trustedRootPath !== undefined) return loadFromFile(opts.trustedRootPath);
  if (opts.offline) return embeddedTrustedRoot();
  return loadFromTuf(opts);
}

/** The public-good trusted root that ships inside @sigstore/tuf's seeds (no network). */
export function embeddedTrustedRoot(): TrustedRootJSON {
  const seeds = tufSeeds as unknown as Record<string, { targets?: Record<string, string> }>;
  const b64 = seeds[PUBLIC_GOOD_TUF_MIRROR]?.targets?.['trusted_root.json'];
  if (b64 === undefined) {
    throw new GateError(
      'TRUST_ROOT',
      'trusted-root: the embedded public-good trusted root is missing from @sigstore/tuf seeds',
    );
  }
  return validateTrustedRoot(
    Buffer.from(b64, 'base64').toString('utf8'),
    'the embedded public-good trusted root',
  );
}

async function loadFromFile(path: string): Promise<TrustedRootJSON> {
  let read: { bytes: Buffer; over: boolean };
  try {
    read = await readFileCapped(path, LIMITS.trustedRootBytes);
  } catch (e: unknown) {
    const why = e instanceof Error ? e.message : String(e);
    throw new GateError('TRUST_ROOT', `trusted-root: cannot read ${path}: ${why}`, { cause: e });
  }
  if (read.over)
    throw new GateError(
      'TRUST_ROOT',
      `trusted-root: ${path} is larger than ${LIMITS.trustedRootBytes} bytes, more than any trusted root`,
    );
  return validateTrustedRoot(read.bytes.toString('utf8'), path);
}

async function loadFromTuf(opts: LoadTrustedRootOptions): Promise<TrustedRootJSON> {
  const mirror = opts.tufMirrorUrl ?? PUBLIC_GOOD_TUF_MIRROR;
  let root: TrustedRoot;
  try {
    // Loaded on demand: most runs name a trusted root or use the embedded one, and the TUF
    // client is a sizeable part of process start.
    const { getTrustedRoot } = await import('@sigstore/tuf');
    root = await getTrustedRoot({
      mirrorURL: mirror,
      ...(opts.cacheDir !== undefined ? { cachePath: opts.cacheDir } : {}),
      timeout: opts.fetchTimeoutMs ?? 5000,
      retry: { retries: opts.fetchRetries ?? 2 },
    });
  } catch (e: unknown) {
    // No fallback to the embedded root: an online run that cannot refresh must say so,
    // or a blocked mirror would silently pin users to stale (possibly revoked) keys.
    const why = e instanceof Error ? e.message : String(e);
    throw new GateError('TRUST_ROOT', `trusted-root: TUF update from ${mirror} failed: ${why}`, {
      cause: e,
    });
  }
  return validateTrustedRoot(JSON.stringify(TrustedRoot.toJSON(root)), `TUF mirror ${mirror}`);
}

/** Parse and check that `text` is a usable trusted root; `source` names it in messages. */
export function validateTrustedRoot(text: string, source: string): TrustedRootJSON {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e: unknown) {
    throw new GateError('TRUST_ROOT', `trusted-root: ${source} is not JSON`, { cause: e });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new GateError('TRUST_ROOT', `trusted-root: ${source} is not a JSON object`);
  }
  const obj = json as Record<string, unknown>;
  const mediaType = obj['mediaType'];
  if (typeof mediaType !== 'string' || !TRUSTED_ROOT_MEDIA_TYPE.test(mediaType)) {
    throw new GateError(
      'TRUST_ROOT',
      `trusted-root: ${source} is not a trusted root (mediaType ${JSON.stringify(mediaType)})`,
    );
  }
  for (const field of ['tlogs', 'certificateAuthorities', 'ctlogs', 'timestampAuthorities']) {
    const v = obj[field];
    if (v !== undefined && !Array.isArray(v)) {
      throw new GateError('TRUST_ROOT', `trusted-root: ${source}: ${field} is not a list`);
    }
  }
  const lists = ['tlogs', 'certificateAuthorities', 'timestampAuthorities'];
  if (lists.every((f) => ((obj[f] as unknown[] | undefined) ?? []).length === 0)) {
    throw new GateError(
      'TRUST_ROOT',
      `trusted-root: ${source} has no transparency logs, CAs or TSAs`,
    );
  }
  try {
    // Parse every key and certificate now, so a broken root fails at load, not per image.
    toTrustMaterial(TrustedRoot.fromJSON(obj));
  } catch (e: unknown) {
    const why = e instanceof Error ? e.message : String(e);
    throw new GateError('TRUST_ROOT', `trusted-root: ${source} does not parse: ${why}`, {
      cause: e,
    });
  }
  return obj as TrustedRootJSON;
}
