// s3lo key records under a revocation list: a record that verified with a revoked key no longer
// counts. An s3lo record's signedAt is not signed, so it carries no trusted time: a `key` entry
// revokes it whatever its `since` says (without a time there is no "before").
import { createHash } from 'node:crypto';
import type { S3loEvidence } from '../s3lo/verify.js';
import type { S3loKeyOutcome } from '../s3lo/verdict.js';
import { matchSignature, revokedReason, type RevocationList } from './list.js';

/** The evidence with each verified record whose key the list revokes turned into a REVOKED one. */
export function revokeS3loKeys(ev: S3loEvidence, list: RevocationList | undefined): S3loEvidence {
  if (!list || !list.entries.some((e) => e.kind === 'key')) return ev;
  const keys = ev.keys.map((o): S3loKeyOutcome => {
    if (!o.ok) return o;
    const spki = o.key.publicKey.export({ type: 'spki', format: 'der' });
    const m = matchSignature(list, {
      kind: 'key',
      format: 's3lo-record',
      keyRef: o.key.keyRef,
      keyID: o.keyID,
      keySha256: createHash('sha256').update(spki).digest('hex'),
    });
    if (!m) return o;
    return {
      ok: false,
      key: o.key,
      keyID: o.keyID,
      code: 'REVOKED',
      reason: `signature for key ${o.key.keyRef} ${revokedReason(list, m)}`,
      signedAt: o.signedAt,
    };
  });
  return { ...ev, keys };
}
