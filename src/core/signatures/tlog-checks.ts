// Log-entry checks sigstore-js leaves to us: entries from logs the root does not know, proofs
// contradicting their checkpoint, checkpoints by an expired log key; and signing-time candidates.
import type { SignedEntity, TrustMaterial } from '@sigstore/verify';
import { GateError } from '../errors.js';
import { STALE_HINT } from './stale-hints.js';
import type { TlogEntries } from './verifier-set.js';

/**
 * Entries from a log the trusted root does not list cannot be checked at all. Required: a
 * failure saying the root may be stale (a new log shard, a rotated key). Not required: they are
 * left out with the time they claim, and the returned text says so for a later failure.
 */
export function dropUnknownLogs(
  entity: SignedEntity,
  tlogs: TrustMaterial['tlogs'],
  required: boolean,
  what: string,
): string {
  const unknown = entity.tlogEntries.filter(
    (e) => !tlogs.some((t) => t.logID.equals(e.logId.keyId)),
  );
  if (unknown.length === 0) return '';
  const ids = [...new Set(unknown.map((e) => e.logId.keyId.toString('hex')))].join(', ');
  const text = `tlog entry (logIndex ${unknown[0].logIndex}) is from log ${ids}, which the trusted root does not know: ${STALE_HINT}`;
  if (required) throw new GateError('TLOG_INVALID', `${what}: ${text}`);
  entity.tlogEntries = entity.tlogEntries.filter((e) => !unknown.includes(e));
  entity.timestamps = entity.timestamps.filter(
    (t) => t.$case !== 'transparency-log' || !unknown.includes(t.tlogEntry),
  );
  return ` (left out: ${text})`;
}

/**
 * sigstore-js proves inclusion against the checkpoint's size and root and never reads the
 * proof's own `treeSize` and `rootHash`: evidence that contradicts itself is refused here.
 */
export function checkProofAgainstCheckpoint(entry: TlogEntries[number], what: string): void {
  const proof = entry.inclusionProof;
  if (!proof?.checkpoint) return;
  const note = proof.checkpoint.envelope.split('\n\n')[0] ?? '';
  const [, size, root] = note.split('\n');
  const fail = (field: string): GateError =>
    new GateError(
      'TLOG_INVALID',
      `${what}: tlog entry (logIndex ${entry.logIndex}) inclusion proof ${field} differs from its checkpoint's`,
    );
  if (size !== undefined && size !== proof.treeSize) throw fail(`tree size ${proof.treeSize}`);
  if (root !== undefined && !Buffer.from(root, 'base64').equals(proof.rootHash))
    throw fail('root hash');
}

/**
 * sigstore-js checks a log key's `validFor` only for a SET (at its integrated time), never for
 * the checkpoint that proves an entry without one. That checkpoint was signed once the entry was
 * in the log, so not before the signature was timestamped: a log key whose validity ended before
 * the earliest RFC 3161 time cannot have signed it while trusted. With no such time there is
 * nothing to hold the window to (as in sigstore-go), and no time is reported either.
 */
export function checkProofLogsValid(
  entity: SignedEntity,
  tlogs: TrustMaterial['tlogs'],
  what: string,
): void {
  const times = entity.timestamps.flatMap((t) =>
    t.$case === 'timestamp-authority' ? [t.timestamp.signingTime.getTime()] : [],
  );
  if (times.length === 0) return;
  const earliest = Math.min(...times);
  for (const e of entity.tlogEntries) {
    if (e.inclusionPromise !== undefined || e.inclusionProof === undefined) continue;
    const logs = tlogs.filter((t) => t.logID.equals(e.logId.keyId));
    // An end that does not parse (NaN) vouches for nothing.
    if (logs.length === 0 || logs.some((t) => t.validFor.end.getTime() >= earliest)) continue;
    const end = new Date(Math.max(...logs.map((t) => t.validFor.end.getTime())));
    throw new GateError(
      'TLOG_INVALID',
      `${what}: tlog entry (logIndex ${e.logIndex}) is proved by a checkpoint of log ${e.logId.keyId.toString('hex')}, whose key the trusted root trusts only until ${end.toISOString()}, before the signature's timestamp ${new Date(earliest).toISOString()}`,
    );
  }
}

export function countTimestampCandidates(entity: SignedEntity): number {
  return entity.timestamps.filter(
    (t) => t.$case === 'timestamp-authority' || t.tlogEntry.inclusionPromise !== undefined,
  ).length;
}
