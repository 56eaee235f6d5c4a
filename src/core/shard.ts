// Deterministic sharding (`shard: I/N`): every matrix job is given the same list (or manifests)
// and keeps the images whose canonical reference hashes into its shard, so no job needs a list
// of its own and merge can check that the shards together are the whole list, once.
import { createHash } from 'node:crypto';
import { parseReference, referenceIdentity } from './reference.js';
import type { ShardSpec } from './shard-spec.js';

export { MAX_SHARDS, parseShard, type ShardSpec } from './shard-spec.js';

/** What a sharded report records, so merge can tell the shards of one list apart from others. */
export interface ShardInfo extends ShardSpec {
  /** Distinct images in the whole list, before sharding. */
  totalImages: number;
  /** `sha256:` of the whole list's canonical references, sorted, one per line (see shardSetDigest). */
  setDigest: string;
}

/**
 * The reference in one spelling (src/core/reference.ts): Docker Hub names expanded to
 * `index.docker.io/library/…`, the registry lower-cased and its default port dropped, `latest`
 * applied when no tag or digest is given; text that does not parse stands as written (it is
 * one image, an error in whichever shard it falls into).
 */
export function canonicalReference(image: string): string {
  try {
    return referenceIdentity(parseReference(image));
  } catch {
    return image;
  }
}

/**
 * What decides the shard: the canonical reference, except that a registry or oci-layout
 * reference with a digest is hashed by `name@digest` alone (the tag does not choose what is
 * fetched, so `app:v1@sha256:x` and `app@sha256:x` share a shard and are verified once). s3lo
 * references keep their tag: s3lo signs tags.
 */
export function shardKey(image: string): string {
  let ref;
  try {
    ref = parseReference(image);
  } catch {
    return image;
  }
  if (ref.kind !== 's3lo' && ref.digest !== undefined) return `${ref.identity}@${ref.digest}`;
  return referenceIdentity(ref);
}

/**
 * The shard (1..count) a key falls into: SHA-256 of its UTF-8 bytes, the first 8 bytes read as
 * an unsigned big-endian integer, modulo `count`, plus 1. Stable across runs, machines and
 * versions: changing it would split one list differently between jobs of one workflow.
 */
export function shardBucket(key: string, count: number): number {
  const h = createHash('sha256').update(key, 'utf8').digest();
  return Number(h.readBigUInt64BE(0) % BigInt(count)) + 1;
}

/** `sha256:` of the canonical references, sorted by code unit, each followed by `\n`. */
export function shardSetDigest(canonical: string[]): string {
  const sorted = [...canonical].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `sha256:${createHash('sha256')
    .update(sorted.map((c) => `${c}\n`).join(''), 'utf8')
    .digest('hex')}`;
}

/**
 * The images of shard `spec.index`, in list order, and what the report records. Two spellings
 * of one canonical reference are one image (the first spelling kept) before the list is split,
 * so every image is in exactly one shard and the shards' results add up to `totalImages`.
 */
export function selectShard(
  images: string[],
  spec: ShardSpec,
): { images: string[]; info: ShardInfo } {
  const seen = new Set<string>();
  const distinct: string[] = [];
  for (const image of images) {
    const c = canonicalReference(image);
    if (seen.has(c)) continue;
    seen.add(c);
    distinct.push(image);
  }
  return {
    images: distinct.filter((i) => shardBucket(shardKey(i), spec.count) === spec.index),
    info: { ...spec, totalImages: distinct.length, setDigest: shardSetDigest([...seen]) },
  };
}

/** The warning of a shard the list gave no image (merge leaves it out of the merged report). */
export function emptyShardWarning(info: ShardInfo): string {
  return `shard ${info.index}/${info.count}: none of the ${info.totalImages} images of the list falls into this shard; it verified nothing (the merged shards give the verdict)`;
}
