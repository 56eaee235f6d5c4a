// Opens the object store an s3lo reference names (its local:// root or its S3 bucket), metered
// against the byte budget. What a store is lives in object-store.ts, which both stores import.
import { chargeRead } from '../limits.js';
import type { S3loRef } from './reference.js';
import { LocalS3loStore } from './local-store.js';
import type { S3loStore } from './object-store.js';
import { S3S3loStore, type S3StoreOptions } from './s3-store.js';

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

export { S3LO_LIMITS, type S3loStore } from './object-store.js';
