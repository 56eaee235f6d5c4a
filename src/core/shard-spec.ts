// `shard: I/N` as the front ends parse it, apart from the hashing in shard.ts: the option table
// (src/edge/options.ts) loads with every CLI start, and this needs neither node:crypto nor the
// reference parser.
import { GateError } from './errors.js';

/** `I/N` as given: this job is shard `index` (1-based, as `matrix.shard: [1, 2, 3]`) of `count`. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** Most shards a list is split into: GitHub's limit of jobs in one matrix. */
export const MAX_SHARDS = 256;

/**
 * `I/N` with 1 ≤ I ≤ N ≤ MAX_SHARDS, decimal without sign, leading zeros or spaces; anything else
 * (`0/3`, `4/3`, `1/0`, `a/b`, `1/3/4`, ` 1/3`) is a usage error naming `name` and the value.
 */
export function parseShard(name: string, value: string): ShardSpec {
  const m = /^([1-9][0-9]{0,2})\/([1-9][0-9]{0,2})$/.exec(value);
  const bad = (why: string): GateError =>
    new GateError(
      'USAGE',
      `${name}: '${value}' ${why} (expected I/N, e.g. 1/3 for the first of 3 shards)`,
    );
  if (!m) throw bad('is not a shard');
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count > MAX_SHARDS) throw bad(`has more than ${MAX_SHARDS} shards`);
  if (index > count) throw bad(`names shard ${index} of only ${count}`);
  return { index, count };
}
