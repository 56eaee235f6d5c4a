// What verifying an image needs besides the image: the rule that governs it (compiled policy),
// the verifiers built for that rule, and the run's stores. Built once per run (gate.ts).
import type { ImagePolicy } from '../policy/types.js';
import type { RevocationList } from '../revocation/list.js';
import type { ImageRef, S3loImageRef } from '../reference.js';
import type { S3loStore } from '../s3lo/store.js';
import type { InTotoStatement } from '../signatures/statement.js';
import type { ContentStore, SignatureEvidence, SignatureFormat } from '../types.js';
import type { FormatOrder } from './discovery.js';
import type { SummaryAcceptance } from '../summaries/accept.js';

/** What image verification needs of the signature verifier (src/core/signatures/verifier.ts). */
export interface CandidateVerifier {
  verifyLegacy(
    layer: { payload: Uint8Array; annotations: Record<string, string> },
    imageDigest: string,
  ): SignatureEvidence;
  verifyBundle(
    bundle: unknown,
    subject: { digest: string },
    format: SignatureFormat,
  ): SignatureEvidence & { statement?: InTotoStatement };
  verifyLegacyAttestation?(
    layer: { envelope: Uint8Array; annotations: Record<string, string> },
    imageDigest: string,
  ): SignatureEvidence & { statement: InTotoStatement };
}

/** Each GitHub API entry's bundle (unverified), or why the entry's bundle could not be had. */
export type GitHubAttestationSource = (
  digest: string,
) => Promise<Array<{ bundle: unknown; where: string } | { error: Error; where: string }>>;

/** One rule, ready to judge images: its policy and the verifiers made for its signers. */
export interface RuleContext {
  policy: ImagePolicy;
  /** Verifies image signatures under the rule's signers. */
  verifier: CandidateVerifier;
  /** Verifies attestations under the rule's attestation signers (the image's when not named). */
  attestationVerifier: CandidateVerifier;
  /** The GitHub attestations API, when the run asks it. */
  github?: GitHubAttestationSource;
  /** The run's verified revocation list (its signature checks are already in the verifiers). */
  revocations?: RevocationList;
  /** accept-summary: a valid summary by the gate's signer stands in for verification. */
  summary?: SummaryAcceptance;
}

/** Where images live, shared by every image of the run. */
export interface Stores {
  storeFor(ref: Exclude<ImageRef, { kind: 's3lo' }>): ContentStore;
  s3lo(ref: S3loImageRef): S3loStore;
  /** Run-wide: which signature format to look up first in a repository (lookup.ts). */
  formatOrder?: FormatOrder;
  /** The clock conditions are judged against (vuln scan age). */
  now?: () => Date;
}
