// Reading an s3lo image tag for verification: the digest is hashed from the manifest bytes read
// now, the payload rebuilt from the reference, each key's record checked (verdict.ts decides).
import { createHash } from 'node:crypto';
import { GateError, isFailureCode, type FailureCode } from '../errors.js';
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
import { s3loVerdict, type S3loKeyOutcome, type S3loResult } from './verdict.js';

export type { S3loResult } from './verdict.js';

export interface S3loVerifyOptions {
  store: S3loStore;
  /** Every key must have a valid signature (default: any one key suffices). */
  requireAllKeys?: boolean;
}

/** What an s3lo store holds for one tag and these keys: the s3lo verdict's evidence. */
export interface S3loEvidence {
  digest: string;
  failure?: { code: FailureCode; reason: string };
  keys: S3loKeyOutcome[];
}

/**
 * Reads the tag's manifest and each key's signature record. What the store holds (unsigned, bad
 * signature, moved tag, malformed record, missing image) is evidence; a GateError is thrown only
 * when it could not be read (auth, network, limits).
 */
export async function gatherS3lo(
  ref: S3loRef,
  keys: VerificationKey[],
  store: S3loStore,
): Promise<S3loEvidence> {
  if (keys.length === 0) {
    throw new GateError('USAGE', `${ref.raw}: s3lo verification needs at least one public key`);
  }
  const image = formatS3loRef(ref);
  const manifestAt = manifestKey(ref);
  const manifest = await readOrFailure(store, manifestAt, S3LO_LIMITS.manifestBytes);
  if ('failure' in manifest) return { digest: '', failure: manifest.failure, keys: [] };
  if (manifest.bytes === undefined)
    return {
      digest: '',
      failure: {
        code: 'NOT_FOUND',
        reason: `image not found: ${image} (no ${manifestAt} in ${store.name})`,
      },
      keys: [],
    };
  const digest = `sha256:${createHash('sha256').update(manifest.bytes).digest('hex')}`;
  if (ref.digest !== undefined && ref.digest !== digest)
    return {
      digest,
      failure: {
        code: 'DIGEST_MISMATCH',
        reason: `${image} points to ${digest}, but the reference pins ${ref.digest}`,
      },
      keys: [],
    };
  const payload = s3loSigningPayload(ref, digest);
  const outcomes: S3loKeyOutcome[] = [];
  for (const key of keys) outcomes.push(await checkKey(ref, key, digest, payload, store));
  return { digest, keys: outcomes };
}

/** Verify an s3lo image tag the way `s3lo verify` does, with its JSON fields. */
export async function verifyS3lo(
  ref: S3loRef,
  keys: VerificationKey[],
  opts: S3loVerifyOptions,
): Promise<S3loResult> {
  return s3loVerdict(await gatherS3lo(ref, keys, opts.store), opts.requireAllKeys === true);
}

async function checkKey(
  ref: S3loRef,
  key: VerificationKey,
  digest: string,
  payload: Buffer,
  store: S3loStore,
): Promise<S3loKeyOutcome> {
  // Recomputed rather than taken from the key object: this is the name s3lo files records under.
  const keyID = s3loKeyID(key.publicKey);
  const fail = (code: FailureCode, reason: string, signedAt?: string): S3loKeyOutcome => {
    const o: S3loKeyOutcome = { ok: false, key, keyID, code, reason };
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
