// In-memory Rekor v1 log for the test Sigstore: appends canonicalized entry bodies to an RFC 6962
// Merkle tree and returns what Rekor returns (SET, inclusion proof, signed checkpoint).
import crypto from 'node:crypto';
import { json } from '@sigstore/core';
import { type KeyPair, logIdOf } from './test-sigstore-pki.js';

const leafHash = (body: Buffer): Buffer =>
  crypto
    .createHash('sha256')
    .update(Buffer.from([0]))
    .update(body)
    .digest();
const nodeHash = (left: Buffer, right: Buffer): Buffer =>
  crypto
    .createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();

/** Largest power of two strictly below n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * RFC 6962 2.1 tree hash of leaves[lo, hi). A complete subtree (a power of two of leaves) never
 * changes once its leaves are in, so its hash is kept in `memo`: an append costs O(log n) hashes
 * instead of O(n), and a log of 10 000 entries (the benchmark's) builds in seconds.
 */
function treeHash(leaves: Buffer[], lo: number, hi: number, memo: Map<string, Buffer>): Buffer {
  const n = hi - lo;
  if (n === 1) return leaves[lo];
  const complete = (n & (n - 1)) === 0;
  const key = `${lo}/${n}`;
  const known = complete ? memo.get(key) : undefined;
  if (known) return known;
  const k = split(n);
  const h = nodeHash(treeHash(leaves, lo, lo + k, memo), treeHash(leaves, lo + k, hi, memo));
  if (complete) memo.set(key, h);
  return h;
}

/** RFC 6962 2.1.1 audit path of leaves[lo, hi), lowest level first (as sigstore-js and Rekor). */
function auditPath(
  index: number,
  leaves: Buffer[],
  lo: number,
  hi: number,
  memo: Map<string, Buffer>,
): Buffer[] {
  if (hi - lo <= 1) return [];
  const k = split(hi - lo);
  return index < lo + k
    ? [...auditPath(index, leaves, lo, lo + k, memo), treeHash(leaves, lo + k, hi, memo)]
    : [...auditPath(index, leaves, lo + k, hi, memo), treeHash(leaves, lo, lo + k, memo)];
}

/** What Rekor v1 returns for one entry, in the shapes bundles and cosign's SET annotation need. */
export interface RekorEntry {
  canonicalizedBody: Buffer;
  integratedTime: number;
  logIndex: number;
  logId: Buffer;
  signedEntryTimestamp: Buffer;
  inclusionProof: {
    logIndex: number;
    treeSize: number;
    rootHash: Buffer;
    hashes: Buffer[];
    checkpoint: string;
  };
}

export interface RekorLogOptions {
  /** Key that signs SETs and checkpoints. */
  keys: KeyPair;
  /** Host part of the log's base URL: names the checkpoint origin and signature line. */
  host: string;
  /**
   * The active shard's first log-wide index (Rekor's sharding: the log index an entry is given,
   * and its SET signs, is the shard's offset plus its index in the shard's tree, which is what
   * its inclusion proof carries). Default 0.
   */
  shardOffset?: number;
}

export class TestRekorLog {
  readonly logId: Buffer;
  readonly host: string;
  private readonly keys: KeyPair;
  private readonly shardOffset: number;
  private readonly treeId = crypto.randomInt(2 ** 47);
  private readonly leaves: Buffer[] = [];
  private readonly memo = new Map<string, Buffer>();

  constructor(opts: RekorLogOptions) {
    this.keys = opts.keys;
    this.host = opts.host;
    this.shardOffset = opts.shardOffset ?? 0;
    this.logId = logIdOf(opts.keys.publicKey);
  }

  get size(): number {
    return this.leaves.length;
  }

  /**
   * Append a proposed entry (Rekor canonicalizes it) at `integratedTime` (seconds).
   * `signWith`/`logId` let a test forge an entry signed by a key that is not this log's.
   */
  append(
    proposed: object,
    integratedTime: number,
    fault?: { signWith?: KeyPair; logId?: Buffer },
  ): RekorEntry {
    const body = Buffer.from(json.canonicalize(proposed), 'utf8');
    const treeIndex = this.leaves.length;
    const logIndex = this.shardOffset + treeIndex;
    this.leaves.push(leafHash(body));
    const signer = fault?.signWith ?? this.keys;
    const logId = fault?.logId ?? this.logId;
    // Rekor's SET: the log key over canonical JSON of these four fields (rekor pkg/api/entries.go).
    const setPayload = {
      body: body.toString('base64'),
      integratedTime,
      logID: logId.toString('hex'),
      logIndex,
    };
    const signedEntryTimestamp = crypto.sign(
      'sha256',
      Buffer.from(json.canonicalize(setPayload), 'utf8'),
      signer.privateKey,
    );
    const treeSize = this.leaves.length;
    const rootHash = treeHash(this.leaves, 0, treeSize, this.memo);
    const note = `${this.host} - ${this.treeId}\n${treeSize}\n${rootHash.toString('base64')}\n`;
    const noteSig = crypto.sign('sha256', Buffer.from(note, 'utf8'), signer.privateKey);
    const checkpoint = `${note}\n\u2014 ${this.host} ${Buffer.concat([logId.subarray(0, 4), noteSig]).toString('base64')}\n`;
    return {
      canonicalizedBody: body,
      integratedTime,
      logIndex,
      logId,
      signedEntryTimestamp,
      inclusionProof: {
        logIndex: treeIndex,
        treeSize,
        rootHash,
        hashes: auditPath(treeIndex, this.leaves, 0, treeSize, this.memo),
        checkpoint,
      },
    };
  }
}
