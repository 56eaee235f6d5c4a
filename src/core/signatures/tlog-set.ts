// Offline check of a Rekor v1 signed entry timestamp (SET) for entries sigstore-js cannot take
// (intoto 0.0.1): the trusted log key that was valid at the integrated time signed this entry.
import { crypto as sigCrypto, json } from '@sigstore/core';
import type { TrustMaterial } from '@sigstore/verify';
import { GateError } from '../errors.js';

/** The parts of a bundle tlog entry (@sigstore/bundle model) that the SET covers. */
export interface SetEntry {
  logIndex: string;
  logId: { keyId: Buffer };
  integratedTime: string;
  inclusionPromise?: { signedEntryTimestamp: Buffer };
  canonicalizedBody: Buffer;
}

/**
 * TLOG_INVALID unless a log in `tlogs` with this entry's log ID, valid at its integrated time,
 * signed Rekor's canonical `{body, integratedTime, logID, logIndex}` with the entry's SET.
 */
export function verifyInclusionPromise(
  entry: SetEntry,
  tlogs: TrustMaterial['tlogs'],
  what: string,
): void {
  const set = entry.inclusionPromise?.signedEntryTimestamp;
  if (set === undefined || set.length === 0) {
    throw new GateError(
      'TLOG_INVALID',
      `${what}: tlog entry (logIndex ${entry.logIndex}) has no signed entry timestamp`,
    );
  }
  const at = new Date(Number(entry.integratedTime) * 1000);
  const payload = {
    body: entry.canonicalizedBody.toString('base64'),
    integratedTime: Number(entry.integratedTime),
    logIndex: Number(entry.logIndex),
    logID: entry.logId.keyId.toString('hex'),
  };
  const data = Buffer.from(json.canonicalize(payload), 'utf8');
  const ok = tlogs.some(
    (t) =>
      t.logID.equals(entry.logId.keyId) &&
      t.validFor.start <= at &&
      at <= t.validFor.end &&
      sigCrypto.verify(data, t.publicKey, set),
  );
  if (!ok) {
    throw new GateError(
      'TLOG_INVALID',
      `${what}: signed entry timestamp of tlog entry (logIndex ${entry.logIndex}, log ${payload.logID}) does not verify with any trusted log key valid at ${at.toISOString()}`,
    );
  }
}
