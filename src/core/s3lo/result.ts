// Maps an s3lo verification result onto the report's ImageResult, keeping s3lo's own field
// names and meanings (verified, reason, digest, keyRef, keyID, signedAt).
import { pinnedReference, type S3loImageRef } from '../reference.js';
import type { ImageResult } from '../report.js';
import type { S3loResult } from './verify.js';

export function s3loToResult(
  ref: S3loImageRef,
  r: S3loResult,
): Omit<ImageResult, 'durationMs' | 'image'> {
  return {
    ...(r.digest ? { digest: r.digest } : {}),
    ...(r.verified && r.digest ? { pinned: pinnedReference(ref, r.digest) } : {}),
    outcome: r.verified ? 'verified' : 'failed',
    verified: r.verified,
    ...(r.reason !== undefined && !r.verified ? { reason: r.reason } : {}),
    ...(!r.verified ? { code: r.failureCode ?? 'SIGNATURE_INVALID' } : {}),
    ...(r.keyRef ? { keyRef: r.keyRef } : {}),
    ...(r.keyID ? { keyID: r.keyID } : {}),
    ...(r.signedAt ? { signedAt: r.signedAt } : {}),
    signatures: r.evidence,
    attestations: [],
  };
}
