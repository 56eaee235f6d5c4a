// Digest and tag syntax, checked before any of them is put into a URL (CVE-2024-3727), and
// hashing of the exact bytes received so that only computed digests are ever trusted.
import { createHash } from 'node:crypto';
import { GateError } from '../errors.js';

export type DigestAlgorithm = 'sha256' | 'sha512';

export interface ParsedDigest {
  algorithm: DigestAlgorithm;
  hex: string;
}

const DIGEST_RE = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const TAG_RE = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
// distribution-spec name grammar: lower-case path components joined by `/`.
const REPOSITORY_RE =
  /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;

/** `undefined` unless `s` is exactly `sha256:<64 hex>` or `sha512:<128 hex>` in lower case. */
export function parseDigest(s: string): ParsedDigest | undefined {
  if (!DIGEST_RE.test(s)) return undefined;
  const i = s.indexOf(':');
  return { algorithm: s.slice(0, i) as DigestAlgorithm, hex: s.slice(i + 1) };
}

export function isDigest(s: string): boolean {
  return DIGEST_RE.test(s);
}

/**
 * Throws unless `s` is a well-formed digest. `origin` decides the verdict: a bad digest typed by
 * the user is a usage error (2), one read from registry content is malformed evidence (1).
 */
export function assertDigest(
  s: string,
  origin: 'input' | 'content',
  what = 'digest',
): ParsedDigest {
  const d = parseDigest(s);
  if (d) return d;
  const code = origin === 'input' ? 'USAGE' : 'MALFORMED';
  throw new GateError(
    code,
    `${what}: ${quote(s)} is not a digest (expected sha256:<64 lower-case hex> or sha512:<128 lower-case hex>)`,
  );
}

export function isTag(s: string): boolean {
  return TAG_RE.test(s);
}

export function isRepositoryName(s: string): boolean {
  return s.length <= 255 && REPOSITORY_RE.test(s);
}

/** `algorithm:hex` of `bytes`. */
export function computeDigest(bytes: Uint8Array, algorithm: DigestAlgorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** True when `bytes` hash to `expected` under `expected`'s own algorithm. */
export function digestMatches(bytes: Uint8Array, expected: ParsedDigest): boolean {
  return computeDigest(bytes, expected.algorithm) === `${expected.algorithm}:${expected.hex}`;
}

/** A value for messages: quoted, control characters escaped, long values cut. */
export function quote(s: string, max = 120): string {
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  return JSON.stringify(cut);
}
