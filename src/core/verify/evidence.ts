// What the stores yielded for one image, before anything is decided: signatures of a digest,
// verified attestations, the platform manifests of an index, an s3lo store's key records. Every
// piece is verified or rejected with a code; decide.ts alone says what it amounts to.
import type { FailureCode, GateError } from '../errors.js';
import type { VerifiedAttestation } from '../attestations/evaluate.js';
import type { S3loKeyOutcome } from '../s3lo/verdict.js';
import type { SignatureEvidence } from '../types.js';
import type { Discovery } from './discovery.js';
import type { Rejection } from './judge.js';

export interface DigestEvidence {
  digest: string;
  /** Where was looked, what was found (candidates kept only when every one counts). */
  found: Discovery;
  signatures: SignatureEvidence[];
  rejected: Rejection[];
  /** A candidate set aside over its own size cap: it may have been the one asked for. */
  unreadable?: GateError;
}

export interface AttestationEvidence {
  /** Attestations whose signature verified under the rule's attestation signers. */
  verified: VerifiedAttestation[];
  rejected: Rejection[];
  /** A candidate that could not be judged within bounds (decides only if the policy is unmet). */
  unreadable?: GateError;
}

/** One platform manifest of an index the rule selected. */
export interface PlatformEvidence {
  platform: string;
  digest: string;
  /** Its signatures, or why they could not be had, or that it is itself an index. */
  evidence: DigestEvidence | { error: GateError } | { nestedIndex: true };
}

export interface PlatformsEvidence {
  selected: PlatformEvidence[];
  /** Requested platforms the index lacks. */
  missing: string[];
  /** Every platform the index lists, for the reason when some are missing. */
  available: string[];
}

/** A registry or OCI-layout image. */
export interface StoreImageEvidence {
  kind: 'store';
  digest: string;
  /** The image digest's own signatures (an index's, for an index). */
  signatures: DigestEvidence;
  /** Present when the rule asks for attestations. */
  attestations?: AttestationEvidence;
  /**
   * Present when the image is an index and the rule asks for platforms; an error when its
   * platforms could not be selected (over the limit), which decides only once they are reached.
   */
  platforms?: PlatformsEvidence | { error: GateError };
  /** Whether the image is an index (its platform signatures never stand in for its own). */
  index: boolean;
  /** Why the revocation list revokes the image digest: it then fails whatever signs it. */
  revoked?: string;
}

/** An s3lo image: the manifest read now and each key's signature record. */
export interface S3loImageEvidence {
  kind: 's3lo';
  /** sha256 of the manifest bytes read now; '' when there is none. */
  digest: string;
  /** The manifest could not be had, or does not match the reference: a verdict already. */
  failure?: { code: FailureCode; reason: string };
  keys: S3loKeyOutcome[];
  /** Why the revocation list revokes the manifest digest. */
  revoked?: string;
}

export type ImageEvidence = StoreImageEvidence | S3loImageEvidence;
