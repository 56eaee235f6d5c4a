// The s3lo verdict over what an s3lo store yielded (the manifest read now and each key's signature
// record), with s3lo's own field names and meanings. Pure: s3lo/verify.ts reads, this decides.
import type { FailureCode } from '../errors.js';
import type { SignatureEvidence } from '../types.js';
import type { VerificationKey } from '../trust/key-types.js';

/** s3lo's `verify --output json` fields (same names and meanings), plus our code and evidence. */
export interface S3loResult {
  verified: boolean;
  /** Why not, one line; set only when `verified` is false. */
  reason?: string;
  /** sha256 of the manifest bytes read now; '' when there is no manifest. */
  digest: string;
  /** The key that verified, or the one the reason is about. */
  keyRef?: string;
  keyID?: string;
  /** From the record; not covered by the signature. */
  signedAt?: string;
  failureCode?: FailureCode;
  /** One entry per key whose signature verified. */
  evidence: SignatureEvidence[];
}

/** One key's signature record: verified, or why not. */
export type S3loKeyOutcome =
  | { ok: true; key: VerificationKey; keyID: string; signedAt: string }
  | {
      ok: false;
      key: VerificationKey;
      keyID: string;
      code: FailureCode;
      reason: string;
      signedAt?: string;
    };

/**
 * The verdict: any key's valid signature verifies the tag (every key's, with require-all-keys).
 * `failure` is a verdict reached before any key was checked (no manifest, a moved digest).
 */
export function s3loVerdict(
  e: {
    digest: string;
    failure?: { code: FailureCode; reason: string };
    keys: S3loKeyOutcome[];
  },
  requireAllKeys: boolean,
): S3loResult {
  if (e.failure)
    return {
      verified: false,
      reason: e.failure.reason,
      failureCode: e.failure.code,
      digest: e.digest,
      evidence: [],
    };
  const passed = e.keys.filter((o): o is Extract<S3loKeyOutcome, { ok: true }> => o.ok);
  const failed = e.keys.filter((o): o is Extract<S3loKeyOutcome, { ok: false }> => !o.ok);
  const evidence = passed.map((o): SignatureEvidence => ({
    kind: 'key',
    format: 's3lo-record',
    keyRef: o.key.keyRef,
    keyID: o.keyID,
    signedAt: o.signedAt,
  }));
  const ok = requireAllKeys ? failed.length === 0 : passed.length > 0;
  if (ok) {
    const first = passed[0];
    return {
      verified: true,
      digest: e.digest,
      keyRef: first.key.keyRef,
      keyID: first.keyID,
      signedAt: first.signedAt,
      evidence,
    };
  }
  return failureResult(failed, e.keys.length, e.digest, evidence);
}

// One key: s3lo's own reason. Several: keys that had a record speak first, since "unsigned for
// key B" hides the more useful "key A's record is for another manifest".
function failureResult(
  failed: Extract<S3loKeyOutcome, { ok: false }>[],
  keyCount: number,
  digest: string,
  evidence: SignatureEvidence[],
): S3loResult {
  // A revoked key's record is the most telling: it is named first (as for registry signatures).
  const withRecord = failed
    .filter((f) => f.code !== 'UNSIGNED')
    .sort((a, b) => Number(b.code === 'REVOKED') - Number(a.code === 'REVOKED'));
  const reported = withRecord.length > 0 ? withRecord : failed;
  const first = reported[0];
  let reason: string;
  if (keyCount === 1) {
    reason = first.reason;
  } else if (withRecord.length === 0 && failed.length === keyCount) {
    reason = `no signature found for any of ${keyCount} keys (${failed.map((f) => f.key.keyRef).join(', ')})`;
  } else {
    reason = reported.map((f) => `key ${f.key.keyRef}: ${f.reason}`).join('; ');
  }
  const result: S3loResult = {
    verified: false,
    reason,
    digest,
    keyRef: first.key.keyRef,
    keyID: first.keyID,
    failureCode: first.code,
    evidence,
  };
  if (first.signedAt !== undefined) result.signedAt = first.signedAt;
  return result;
}
