// Verify an s3lo image tag against public keys, the way `s3lo verify` does and with its JSON
// fields: the digest is hashed from the manifest bytes read now, the payload rebuilt from the ref.
import { createHash } from 'node:crypto';
import { GateError, isFailureCode, type FailureCode } from '../errors.js';
import type { SignatureEvidence } from '../types.js';
import { describeValidity, type VerificationKey } from '../trust/key-types.js';
import { decodeSignature, describe, parseS3loRecord, s3loKeyID } from './record.js';
import {
  formatS3loRef,
  manifestKey,
  s3loSigningPayload,
  signatureKey,
  type S3loRef,
} from './reference.js';
import { verifyS3loSignature } from './signature.js';
import { S3LO_LIMITS, type S3loStore } from './object-store.js';

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

export interface S3loVerifyOptions {
  store: S3loStore;
  /** Every key must have a valid signature (default: any one key suffices). */
  requireAllKeys?: boolean;
}

type KeyOutcome =
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
 * Verdicts (unsigned, bad signature, moved tag, malformed record, missing image) come back as a
 * result; a GateError is thrown only when evidence could not be read (auth, network, limits).
 */
export async function verifyS3lo(
  ref: S3loRef,
  keys: VerificationKey[],
  opts: S3loVerifyOptions,
): Promise<S3loResult> {
  if (keys.length === 0) {
    throw new GateError('USAGE', `${ref.raw}: s3lo verification needs at least one public key`);
  }
  const image = formatS3loRef(ref);
  const manifestAt = manifestKey(ref);
  const manifest = await readOrFailure(opts.store, manifestAt, S3LO_LIMITS.manifestBytes);
  if ('failure' in manifest) {
    return {
      verified: false,
      reason: manifest.failure.reason,
      failureCode: manifest.failure.code,
      digest: '',
      evidence: [],
    };
  }
  if (manifest.bytes === undefined) {
    return {
      verified: false,
      reason: `image not found: ${image} (no ${manifestAt} in ${opts.store.name})`,
      failureCode: 'NOT_FOUND',
      digest: '',
      evidence: [],
    };
  }
  const digest = `sha256:${createHash('sha256').update(manifest.bytes).digest('hex')}`;
  if (ref.digest !== undefined && ref.digest !== digest) {
    return {
      verified: false,
      reason: `${image} points to ${digest}, but the reference pins ${ref.digest}`,
      failureCode: 'DIGEST_MISMATCH',
      digest,
      evidence: [],
    };
  }

  const payload = s3loSigningPayload(ref, digest);
  const outcomes: KeyOutcome[] = [];
  for (const key of keys) outcomes.push(await checkKey(ref, key, digest, payload, opts.store));

  const passed = outcomes.filter((o): o is Extract<KeyOutcome, { ok: true }> => o.ok);
  const failed = outcomes.filter((o): o is Extract<KeyOutcome, { ok: false }> => !o.ok);
  const evidence = passed.map((o): SignatureEvidence => ({
    kind: 'key',
    format: 's3lo-record',
    keyRef: o.key.keyRef,
    keyID: o.keyID,
    signedAt: o.signedAt,
  }));
  const ok = opts.requireAllKeys === true ? failed.length === 0 : passed.length > 0;
  if (ok) {
    const first = passed[0];
    return {
      verified: true,
      digest,
      keyRef: first.key.keyRef,
      keyID: first.keyID,
      signedAt: first.signedAt,
      evidence,
    };
  }
  return failureResult(failed, keys.length, digest, evidence);
}

async function checkKey(
  ref: S3loRef,
  key: VerificationKey,
  digest: string,
  payload: Buffer,
  store: S3loStore,
): Promise<KeyOutcome> {
  // Recomputed rather than taken from the key object: this is the name s3lo files records under.
  const keyID = s3loKeyID(key.publicKey);
  const fail = (code: FailureCode, reason: string, signedAt?: string): KeyOutcome => {
    const o: KeyOutcome = { ok: false, key, keyID, code, reason };
    if (signedAt !== undefined) o.signedAt = signedAt;
    return o;
  };
  // A policy window needs a verified time, and a record's signedAt is not signed.
  if (key.validFor)
    return fail(
      'UNTRUSTED_SIGNER',
      `key ${key.keyRef} is trusted only ${describeValidity(key.validFor)}, and an s3lo record carries no verified signing time (its signedAt is not signed)`,
    );
  const read = await readOrFailure(store, signatureKey(ref, keyID), S3LO_LIMITS.recordBytes);
  if ('failure' in read) return fail(read.failure.code, read.failure.reason);
  if (read.bytes === undefined) return fail('UNSIGNED', `no signature found for key ${key.keyRef}`);

  const parsed = parseS3loRecord(read.bytes);
  if (!parsed.ok) return fail(parsed.code, parsed.reason, parsed.signedAt);
  const rec = parsed.record;
  if (rec.digest !== digest) {
    return fail(
      'DIGEST_MISMATCH',
      `manifest changed: signed ${rec.digest}, current ${digest}`,
      rec.signedAt,
    );
  }
  if (rec.keyID !== keyID) {
    return fail(
      'UNTRUSTED_SIGNER',
      `signature record for key ${keyID} names key ID ${describe(rec.keyID)}; it was not made for key ${key.keyRef}`,
      rec.signedAt,
    );
  }
  const signature = decodeSignature(rec.signature);
  if (signature === undefined) {
    return fail(
      'MALFORMED',
      'malformed signature encoding: not canonical standard base64',
      rec.signedAt,
    );
  }
  if (!verifyS3loSignature(key.publicKey, key.keyRef, payload, signature)) {
    return fail(
      'SIGNATURE_INVALID',
      `invalid signature: does not verify with key ${key.keyRef} over the s3lo-signature-v2 payload for ${ref.bucket}/${ref.image}:${ref.tag}@${digest}`,
      rec.signedAt,
    );
  }
  return { ok: true, key, keyID, signedAt: rec.signedAt };
}

/** Store errors with a failure code (bad content in the store) become verdicts; the rest throw. */
async function readOrFailure(
  store: S3loStore,
  key: string,
  maxBytes: number,
): Promise<{ bytes: Uint8Array | undefined } | { failure: { code: FailureCode; reason: string } }> {
  try {
    return { bytes: await store.getObject(key, maxBytes) };
  } catch (e: unknown) {
    if (e instanceof GateError && isFailureCode(e.code))
      return { failure: { code: e.code, reason: e.message } };
    throw e;
  }
}

// One key: s3lo's own reason. Several: keys that had a record speak first, since "unsigned for
// key B" hides the more useful "key A's record is for another manifest".
function failureResult(
  failed: Extract<KeyOutcome, { ok: false }>[],
  keyCount: number,
  digest: string,
  evidence: SignatureEvidence[],
): S3loResult {
  const withRecord = failed.filter((f) => f.code !== 'UNSIGNED');
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
