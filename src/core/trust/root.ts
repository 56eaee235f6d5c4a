// Loads the Sigstore trusted root (Fulcio CAs, Rekor/CT keys, TSAs) for one run: from a file,
// from the copy embedded in the build (offline), or from the public-good TUF repository.
import { createHash, X509Certificate } from 'node:crypto';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial } from '@sigstore/verify';
// The seed shipped inside @sigstore/tuf: a JSON import, so bundlers inline it and the
// offline root is always the one the library version we ship was released with.
import tufSeeds from '@sigstore/tuf/seeds.json' with { type: 'json' };
import { GateError } from '../errors.js';
import { LIMITS, readFileCapped } from '../limits.js';
import { shownUrl } from '../net/addresses.js';
import {
  cachedTimestampExpiry,
  checkReadable,
  errorText,
  mirrorUnreachable,
  PUBLIC_GOOD_TUF_MIRROR,
} from './tuf-cache.js';

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
  /** The initial TUF root.json for the mirror (the public-good one ships in @sigstore/tuf). */
  tufRootPath?: string;
  /** Where a fallback to cached TUF metadata is told (see `loadFromTuf`). */
  warnings?: string[];
  /**
   * Told the hex SHA-256 of the trusted root file's bytes once read within the cap, before they
   * are validated: the very bytes used (or refused), so the report's digest cannot name a file
   * that changed between two reads.
   */
  onFileRead?: (sha256Hex: string) => void;
  /** Per-request timeout for TUF fetches. Default 5000 ms. */
  fetchTimeoutMs?: number;
  /** TUF fetch retries on network errors. Default 2. */
  fetchRetries?: number;
}

/** The trust options as the flags and inputs name them (GateOptions, RunSettings.trust). */
export interface TrustRootSettings {
  offline: boolean;
  trustedRoot?: string;
  tufCacheDir?: string;
  tufMirror?: string;
  tufRoot?: string;
}

/** Those settings as the loader's options: the one mapping the gate and a verified merge use. */
export function rootLoadOptions(t: TrustRootSettings): LoadTrustedRootOptions {
  return {
    offline: t.offline,
    ...(t.trustedRoot ? { trustedRootPath: t.trustedRoot } : {}),
    ...(t.tufCacheDir ? { cacheDir: t.tufCacheDir } : {}),
    ...(t.tufMirror ? { tufMirrorUrl: t.tufMirror } : {}),
    ...(t.tufRoot ? { tufRootPath: t.tufRoot } : {}),
  };
}

const TRUSTED_ROOT_MEDIA_TYPE =
  /^application\/vnd\.dev\.sigstore\.trustedroot(?:\.v\d+\.\d+)?\+json(?:;version=\d+\.\d+)?$/;

export async function loadTrustedRoot(opts: LoadTrustedRootOptions): Promise<TrustedRootJSON> {
  if (
    (opts.trustedRootPath !== undefined || opts.offline) &&
    (opts.tufMirrorUrl !== undefined || opts.tufRootPath !== undefined)
  )
    throw new GateError(
      'USAGE',
      'tuf-mirror and tuf-root are for a trusted root fetched with TUF; they exclude trusted-root and offline',
    );
  if (opts.trustedRootPath !== undefined)
    return loadFromFile(opts.trustedRootPath, opts.onFileRead);
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

async function loadFromFile(
  path: string,
  onFileRead?: (sha256Hex: string) => void,
): Promise<TrustedRootJSON> {
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
  onFileRead?.(createHash('sha256').update(read.bytes).digest('hex'));
  return validateTrustedRoot(read.bytes.toString('utf8'), path);
}

async function loadFromTuf(opts: LoadTrustedRootOptions): Promise<TrustedRootJSON> {
  const mirror = opts.tufMirrorUrl ?? PUBLIC_GOOD_TUF_MIRROR;
  // A mirror URL may carry a token in its query: messages show it redacted.
  const shownMirror = shownUrl(mirror);
  // Loaded on demand: most runs name a trusted root or use the embedded one, and the TUF
  // client is a sizeable part of process start.
  const { getTrustedRoot } = await import('@sigstore/tuf');
  const fetchRoot = (forceCache: boolean, retries: number): Promise<TrustedRoot> =>
    getTrustedRoot({
      mirrorURL: mirror,
      ...(opts.cacheDir !== undefined ? { cachePath: opts.cacheDir } : {}),
      ...(opts.tufRootPath !== undefined ? { rootPath: opts.tufRootPath } : {}),
      timeout: opts.fetchTimeoutMs ?? 5000,
      retry: { retries },
      forceCache,
    });
  if (opts.tufRootPath !== undefined) await checkReadable(opts.tufRootPath);
  let root: TrustedRoot;
  try {
    root = await fetchRoot(false, opts.fetchRetries ?? 2);
  } catch (e: unknown) {
    // No fallback to the embedded root: an online run that cannot refresh must say so,
    // or a blocked mirror would silently pin users to stale (possibly revoked) keys.
    const why = errorText(e).split(mirror).join(shownMirror);
    const failed = `trusted-root: TUF update from ${shownMirror} failed: ${why}`;
    // A mirror that cannot be reached (down, slow, an HTTP error) leaves the metadata an
    // earlier run verified: tuf-js's forceCache loads it only while the cached timestamp,
    // snapshot and targets verify against the root and none of them (nor the root) has
    // expired, and checks trusted_root.json against its hash. A mirror that answered with
    // metadata that does not verify is refused outright: that is an attack or a broken
    // repository, and must not be hidden behind a warning.
    if (!mirrorUnreachable(e)) throw new GateError('TRUST_ROOT', failed, { cause: e });
    try {
      root = await fetchRoot(true, 0);
    } catch (e2: unknown) {
      throw new GateError(
        'TRUST_ROOT',
        `${failed}; no unexpired cached TUF metadata to fall back on (${errorText(e2).split(mirror).join(shownMirror)})`,
        { cause: e },
      );
    }
    const until = await cachedTimestampExpiry(opts);
    opts.warnings?.push(
      `TUF update from ${shownMirror} failed (${why}); using the TUF metadata an earlier run cached` +
        `${until ? `, verified and valid until ${until}` : ', verified and unexpired'}: ` +
        'keys rotated or revoked since then are not known to this run',
    );
  }
  return validateTrustedRoot(JSON.stringify(TrustedRoot.toJSON(root)), `TUF mirror ${shownMirror}`);
}

/** An error's message with its causes' (tuf-js and fetch put the useful part in a cause). */
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

/** A root whose last key of a kind ends within this long is worth a warning. */
export const TRUSTED_ROOT_WARN_MS = 30 * 24 * 60 * 60 * 1000;

/** How the report names the root a run used. */
export function describeTrustedRootSource(opts: LoadTrustedRootOptions): string {
  if (opts.trustedRootPath !== undefined) return `trusted root ${opts.trustedRootPath}`;
  if (opts.offline) return 'the embedded public-good trusted root';
  return `the trusted root from TUF mirror ${shownUrl(opts.tufMirrorUrl ?? PUBLIC_GOOD_TUF_MIRROR)}`;
}

const SERVICES = [
  ['tlogs', 'transparency log key'],
  ['certificateAuthorities', 'certificate authority'],
  ['timestampAuthorities', 'timestamp authority'],
  ['ctlogs', 'CT log key'],
] as const;

/**
 * Warnings for a root near or past its end: for each kind of service it lists, the last of its
 * keys or CAs to stop being valid (its `validFor.end`, or a certificate's notAfter) within 30
 * days or gone; for the embedded root, also the TUF root metadata it was shipped with. Older
 * signatures still verify against such a root, new ones soon will not, and a rotated key it
 * lacks makes new entries look unknown.
 */
export function trustedRootWarnings(
  root: TrustedRootJSON,
  opts: LoadTrustedRootOptions,
  now: Date = new Date(),
): string[] {
  const source = describeTrustedRootSource(opts);
  const out: string[] = [];
  const horizon = now.getTime() + TRUSTED_ROOT_WARN_MS;
  for (const [field, what] of SERVICES) {
    const entries = root[field] ?? [];
    if (entries.length === 0) continue;
    const last = Math.max(...entries.map(entryEnd));
    if (last >= horizon) continue;
    out.push(expiryText(source, `its last ${what}`, last, now));
  }
  if (opts.trustedRootPath === undefined && opts.offline) {
    const expires = embeddedTufExpiry();
    if (expires !== undefined && expires < horizon)
      out.push(
        expiryText(source, 'the TUF root metadata it was shipped with', expires, now) +
          ': keys rotated since are missing; update image-gate, or use TUF (no offline) or a current trusted-root file',
      );
  }
  return out;
}

function expiryText(source: string, what: string, at: number, now: Date): string {
  const when = new Date(at).toISOString();
  if (at <= now.getTime()) return `${source}: ${what} expired on ${when}`;
  const days = Math.ceil((at - now.getTime()) / (24 * 60 * 60 * 1000));
  return `${source}: ${what} expires on ${when} (in ${days} day${days === 1 ? '' : 's'})`;
}

/** When a root entry stops being usable: its validity end or its chain's first notAfter. */
function entryEnd(entry: unknown): number {
  if (typeof entry !== 'object' || entry === null) return Infinity;
  const e = entry as {
    validFor?: { end?: unknown };
    publicKey?: { validFor?: { end?: unknown } };
    certChain?: { certificates?: unknown };
  };
  let end = Infinity;
  const validEnd = e.validFor?.end ?? e.publicKey?.validFor?.end;
  if (typeof validEnd === 'string') {
    const t = Date.parse(validEnd);
    if (!Number.isNaN(t)) end = t;
  }
  const certs: unknown = e.certChain?.certificates;
  for (const c of Array.isArray(certs) ? (certs as unknown[]) : []) {
    const raw = (c as { rawBytes?: unknown } | null)?.rawBytes;
    if (typeof raw !== 'string') continue;
    try {
      const t = Date.parse(new X509Certificate(Buffer.from(raw, 'base64')).validTo);
      if (!Number.isNaN(t)) end = Math.min(end, t);
    } catch {
      // A certificate that does not parse was refused when the root was loaded.
    }
  }
  return end;
}

/** `signed.expires` of the TUF root.json shipped next to the embedded trusted root. */
function embeddedTufExpiry(): number | undefined {
  const seeds = tufSeeds as unknown as Record<string, Record<string, unknown>>;
  const b64 = seeds[PUBLIC_GOOD_TUF_MIRROR]?.['root.json'];
  if (typeof b64 !== 'string') return undefined;
  try {
    const meta = JSON.parse(Buffer.from(b64, 'base64').toString('utf8')) as {
      signed?: { expires?: unknown };
    };
    const t = typeof meta.signed?.expires === 'string' ? Date.parse(meta.signed.expires) : NaN;
    return Number.isNaN(t) ? undefined : t;
  } catch {
    return undefined;
  }
}
