// Attestations of one image: verify every candidate (referrer/tag-index bundles, legacy `.att`
// layers, GitHub attestations API bundles) under the attestation signer policy, then let the
// attestation policy judge the verified statements. Unverified evidence never reaches the policy.
import type { BundleCandidate, LegacyCandidate } from './discovery.js';
import { GateError, isFailureCode, toGateError, type GateErrorCode } from './errors.js';
import {
  evaluateAttestations,
  type AttestationVerdict,
  type VerifiedAttestation,
} from './attestations/evaluate.js';
import type { AttestationRequirement } from './attestations/types.js';
import type { InTotoStatement } from './signatures/statement.js';
import type { SignatureEvidence, SignatureFormat } from './types.js';

/** The verifier calls this flow needs (src/core/signatures/verifier.ts). */
export interface AttestationVerifier {
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

/** Fetches attestation bundles for a digest from the GitHub attestations API. */
/** Each entry's bundle (unverified), or why the entry's bundle could not be had. */
export type GitHubAttestationSource = (
  digest: string,
) => Promise<Array<{ bundle: unknown; where: string } | { error: Error; where: string }>>;

export interface AttestationPlan {
  verifier: AttestationVerifier;
  requirements: AttestationRequirement;
  github?: GitHubAttestationSource;
  now?: () => Date;
}

export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';

export interface AttestationOutcome extends AttestationVerdict {
  rejected: Array<{ where: string; code: GateErrorCode; reason: string }>;
}

/**
 * Why verifying one candidate failed, as the rejection to record. Verification is pure and runs
 * on attacker-made content, so an unexpected throw (INTERNAL) is that candidate failing
 * (MALFORMED), never an outage. A deliberate non-failure code (a size limit) keeps its code: it
 * only decides when no other candidate does (see `deferred` in the callers).
 */
export function candidateRejection(e: unknown, where: string): GateError {
  const err = toGateError(e);
  if (err.code !== 'INTERNAL') return err;
  return new GateError('MALFORMED', `${where}: cannot be verified: ${err.message}`, { cause: e });
}

export async function checkAttestations(
  digest: string,
  candidates: Array<LegacyCandidate | BundleCandidate>,
  plan: AttestationPlan,
): Promise<AttestationOutcome> {
  const verified: VerifiedAttestation[] = [];
  const rejected: AttestationOutcome['rejected'] = [];
  // A candidate that could not be judged (over a limit) matters only if the policy is not met.
  let deferred: GateError | undefined;
  const attempt = (
    where: string,
    format: string,
    run: () => VerifiedAttestation['evidence'] & { statement?: InTotoStatement },
  ): void => {
    try {
      const ev = run();
      const { statement, ...evidence } = ev;
      // A cosign v3 image signature is a signature, not an attestation about the image.
      if (statement === undefined || statement.predicateType === COSIGN_SIGN_PREDICATE) return;
      verified.push({ statement, evidence, where, format });
    } catch (e: unknown) {
      const err = candidateRejection(e, where);
      if (!isFailureCode(err.code)) deferred ??= err;
      rejected.push({ where, code: err.code, reason: err.message });
    }
  };
  for (const c of candidates) {
    if (c.kind === 'bundle') {
      attempt(c.where, c.format, () => plan.verifier.verifyBundle(c.bundle, { digest }, c.format));
    } else if (c.attestation) {
      const v = plan.verifier;
      if (!v.verifyLegacyAttestation) {
        rejected.push({
          where: c.where,
          code: 'SIGNATURE_INVALID',
          reason: `${c.where}: legacy .att attestations cannot be verified by this build`,
        });
        continue;
      }
      attempt(c.where, 'legacy-att', () =>
        v.verifyLegacyAttestation!({ envelope: c.payload, annotations: c.annotations }, digest),
      );
    }
  }
  if (plan.github) {
    for (const entry of await plan.github(digest))
      attempt(entry.where, 'github-api', () => {
        if ('error' in entry) throw entry.error;
        return plan.verifier.verifyBundle(entry.bundle, { digest }, 'github-api');
      });
  }
  const verdict = evaluateAttestations(
    verified,
    plan.requirements,
    plan.now?.() ?? new Date(),
    digest,
  );
  if (!verdict.ok && deferred) throw deferred;
  return { ...verdict, rejected };
}
