// The object store an s3lo image lives in (an S3 bucket or a local:// directory), reduced to the
// one operation verification needs: read a small object by key, bounded in size.
import { chargeRead } from '../limits.js';
import type { S3loRef } from './reference.js';
import { LocalS3loStore } from './local-store.js';
import { S3S3loStore, type S3StoreOptions } from './s3-store.js';

/** Bounds from containers/image iolimits: a manifest may be 4 MiB, a signature record far less. */
export const S3LO_LIMITS = {
  manifestBytes: 4 * 1024 * 1024,
  recordBytes: 1024 * 1024,
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

export interface S3loStoreOptions {
  /** Directory that relative local:// roots resolve against; default `process.cwd()`. */
  cwd?: string;
  s3?: Omit<S3StoreOptions, 'bucket'>;
}

/** The store a reference names: its local root directory, or its S3 bucket. */
export function createS3loStore(ref: S3loRef, opts: S3loStoreOptions = {}): S3loStore {
  const store =
    ref.scheme === 'local'
      ? new LocalS3loStore(ref.bucket, { cwd: opts.cwd ?? process.cwd() })
      : new S3S3loStore({ ...opts.s3, bucket: ref.bucket });
  return metered(store);
}

/** Every object read counts against the byte budget of the image it is read for (limits.ts). */
function metered(store: S3loStore): S3loStore {
  return {
    name: store.name,
    async getObject(key, maxBytes) {
      const bytes = await store.getObject(key, maxBytes);
      if (bytes) chargeRead(bytes.length, `${store.name}/${key}`);
      return bytes;
    },
  };
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
