// What an s3lo object store is (an S3 bucket or a local:// directory), as both stores and the
// verifier see it: one bounded read by key, the bounds, and the rule every key must follow.
import { LIMITS } from '../limits.js';

/** A view of the one table (limits.ts): a manifest may be 4 MiB, a signature record far less. */
export const S3LO_LIMITS = {
  manifestBytes: LIMITS.manifestBytes,
  recordBytes: LIMITS.s3loRecordBytes,
} as const;

export interface S3loStore {
  /** For messages: `s3://bucket` or `local://./store`. */
  readonly name: string;
  /**
   * The object's bytes; `undefined` when the store says it does not exist. Throws GateError:
   * LIMIT_EXCEEDED past `maxBytes`, AUTH_REFUSED, NETWORK, TIMEOUT, REGISTRY_ERROR (exit 2), or
   * MALFORMED when the store's own content is unusable (e.g. a symlink out of a local root).
   */
  getObject(key: string, maxBytes: number): Promise<Uint8Array | undefined>;
}

/** Object keys built from a parsed reference: relative, slash-separated, no empty/./.. parts. */
export function assertSafeKey(key: string): void {
  const parts = key.split('/');
  if (
    key.startsWith('/') ||
    parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))
  ) {
    // Only reachable by a caller bug: references are validated before keys are built.
    throw new Error(`unsafe object key '${key}'`);
  }
}
