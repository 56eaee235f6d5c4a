// Loading the run's revocation list, once, before any image: the list and its Sigstore bundle
// (FILE.sigstore.json, or URL.sigstore.json) read under the network policy's rules, the bundle
// verified over the list's bytes by the core's verifier against the named signer, the list read
// strictly and held to its `expires`. Any failure is REVOCATION_LIST (exit 2): a gate must not
// quietly forget revocations.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { GateError, toGateError } from '../errors.js';
import { LIMITS, readFileCapped } from '../limits.js';
import { shownUrl } from '../net/addresses.js';
import { fetchCapped } from '../net/fetch.js';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../registry/limits.js';
import type { RevocationListSummary } from '../report.js';
import type { SignerPolicy } from '../signatures/signer-policy.js';
import { parseStrictJsonBytes } from '../signatures/strict-json.js';
import { createSignatureVerifier } from '../signatures/verifier.js';
import { loadKey } from '../trust/keys.js';
import type { TrustedRootJSON } from '../trust/root.js';
import { MAX_REVOCATION_LIST_BYTES, parseRevocationList, type RevocationList } from './list.js';

/** Where the list is and who must have signed it (exactly one of key, identity + issuer). */
export interface RevocationsSpec {
  /** A file path or an http(s) URL. */
  source: string;
  key?: string;
  identity?: string;
  issuer?: string;
}

export const BUNDLE_SUFFIX = '.sigstore.json';

export interface LoadRevocationsOptions {
  /** The run's trusted root: required for a keyless signer, used for a key's log entries. */
  root?: TrustedRootJSON;
  env?: NodeJS.ProcessEnv;
  /** The run's deadline. */
  signal?: AbortSignal;
  now?: Date;
  /** Per request (default: the registry client's, 30 s). */
  timeoutMs?: number;
  redact?: (text: string) => string;
}

export interface LoadedRevocations {
  list: RevocationList;
  summary: RevocationListSummary;
}

/** The signer options, checked: exactly a key, or an identity with its issuer. */
export function revocationsSignerProblem(spec: RevocationsSpec): string | undefined {
  const keyless = spec.identity !== undefined || spec.issuer !== undefined;
  if (spec.key !== undefined && keyless)
    return 'revocations: give the list signer as revocations-key or as revocations-certificate-identity with revocations-certificate-oidc-issuer, not both';
  if (spec.key === undefined && !keyless)
    return `revocations: ${shownSource(spec.source)} must be signed; name its signer with revocations-key, or revocations-certificate-identity and revocations-certificate-oidc-issuer`;
  if (keyless && (spec.identity === undefined || spec.issuer === undefined))
    return 'revocations: a keyless list signer needs both revocations-certificate-identity and revocations-certificate-oidc-issuer';
  return undefined;
}

export async function loadRevocations(
  spec: RevocationsSpec,
  opts: LoadRevocationsOptions = {},
): Promise<LoadedRevocations> {
  // Every message, reason and the report name the list as shown: a URL's user info and query
  // values (a token, a pre-signed URL's signature) are credentials, which never leave.
  const source = shownSource(spec.source);
  try {
    const problem = revocationsSignerProblem(spec);
    if (problem) throw new GateError('REVOCATION_LIST', problem);
    const policy = await signerPolicy(spec, opts.env);
    // The list first: what is wrong with it is said before what is wrong with its bundle.
    const bytes = await readSource(spec.source, MAX_REVOCATION_LIST_BYTES, 'the list', opts);
    const bundleBytes = await readSource(
      bundleLocation(spec.source),
      LIMITS.bundleBytes,
      'its signature bundle',
      opts,
    );
    let bundleJson: unknown;
    try {
      bundleJson = parseStrictJsonBytes(bundleBytes.bytes);
    } catch (e: unknown) {
      throw fail(
        source,
        `signature bundle ${bundleBytes.where} is not JSON (${(e as Error).message})`,
        e,
      );
    }
    const verifier = createSignatureVerifier(opts.root, policy);
    let ev;
    try {
      ev = verifier.verifyBundle(bundleJson, { artifact: bytes.bytes }, 'bundle-tag');
    } catch (e: unknown) {
      throw fail(source, `the signature does not verify: ${toGateError(e).message}`, e);
    }
    if (ev.statement !== undefined)
      throw fail(
        source,
        `${bundleBytes.where} is an attestation (DSSE), not a message signature over the list`,
      );
    const list = parseRevocationList(bytes.bytes, source);
    const now = opts.now ?? new Date();
    if (list.expires.getTime() <= now.getTime())
      throw fail(
        source,
        `version ${list.version} expired at ${list.expires.toISOString()} (now ${now.toISOString()}): publish a fresh list`,
      );
    const signer =
      ev.kind === 'key'
        ? `key ${ev.keyRef ?? ''} (${ev.keyID ?? ''})`
        : `${ev.identity ?? ''} (${ev.issuer ?? ''})`;
    return {
      list,
      summary: {
        source,
        version: list.version,
        issued: list.issued.toISOString(),
        expires: list.expires.toISOString(),
        entries: list.entries.length,
        signer,
        sha256: `sha256:${createHash('sha256').update(bytes.bytes).digest('hex')}`,
      },
    };
  } catch (e: unknown) {
    const err = toGateError(e);
    if (err.code === 'REVOCATION_LIST') throw err;
    throw fail(source, err.message, e);
  }
}

function fail(source: string, message: string, cause?: unknown): GateError {
  return new GateError(
    'REVOCATION_LIST',
    `revocations ${source}: ${message}`,
    cause === undefined ? undefined : { cause },
  );
}

async function signerPolicy(
  spec: RevocationsSpec,
  env: NodeJS.ProcessEnv | undefined,
): Promise<SignerPolicy> {
  if (spec.key !== undefined) {
    const key = await loadKey(spec.key, env ? { env } : {});
    // A key signature needs no log: the list is checked against this key alone (entries a bundle
    // carries are still checked when the run has a trusted root).
    return { keys: [key], identities: [], requireTlog: false, requireSct: false };
  }
  return {
    keys: [],
    identities: [{ subject: { exact: spec.identity ?? '' }, issuer: { exact: spec.issuer ?? '' } }],
    requireTlog: true,
    requireSct: true,
  };
}

/**
 * A list's source as it is shown: a file path as given; a URL without user info, with its query
 * values hidden (redactUrl). Text that looks like a URL but does not parse loses both too.
 */
export function shownSource(source: string): string {
  return isUrl(source) ? shownUrl(source) : source;
}

/** `FILE.sigstore.json` beside a file; the URL's path + `.sigstore.json` (query kept). */
export function bundleLocation(source: string): string {
  if (!isUrl(source)) return `${source}${BUNDLE_SUFFIX}`;
  const u = new URL(source);
  u.pathname += BUNDLE_SUFFIX;
  return u.href;
}

function isUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
}

async function readSource(
  where: string,
  maxBytes: number,
  what: string,
  opts: LoadRevocationsOptions,
): Promise<{ bytes: Uint8Array; where: string }> {
  const shown = shownSource(where);
  if (!isUrl(where)) {
    let read;
    try {
      read = await readFileCapped(path.resolve(where), maxBytes);
    } catch (e: unknown) {
      throw new GateError('USAGE', `cannot read ${what} ${where}: ${(e as Error).message}`, {
        cause: e,
      });
    }
    if (read.over)
      throw new GateError(
        'LIMIT_EXCEEDED',
        `${what} ${where} is larger than the limit of ${maxBytes} bytes`,
      );
    return { bytes: read.bytes, where };
  }
  let url: URL;
  try {
    url = new URL(where);
  } catch (e: unknown) {
    throw new GateError('USAGE', `${shown} is not a URL`, { cause: e });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new GateError('USAGE', `${shown}: only https:// (http:// to loopback) or a file path`);
  const res = await fetchCapped({
    url,
    what: `${what} ${shown}`,
    maxBytes,
    timeoutMs: opts.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.redact ? { redact: opts.redact } : {}),
  });
  if (res.status !== 200)
    throw new GateError('REGISTRY_ERROR', `${what} ${shown}: HTTP ${res.status}`);
  return { bytes: res.body, where: shown };
}
