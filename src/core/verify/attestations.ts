// Attestations of one image, as evidence: every candidate (referrer/tag-index bundles, legacy
// `.att` layers, GitHub attestations API bundles) verified under the rule's attestation signers.
// Only verified statements go on to the policy (decide.ts); a rejection is recorded, never trusted.
import { createHash } from 'node:crypto';
import type { AttestationRequirement } from '../attestations/types.js';
import type { EvidenceInput } from '../types.js';
import { isFailureCode, type GateError } from '../errors.js';
import type { InTotoStatement } from '../signatures/statement.js';
import type { VerifiedAttestation } from '../attestations/evaluate.js';
import type { CandidateVerifier, GitHubAttestationSource } from './context.js';
import { decideAttestations, type AttestationOutcome } from './decide.js';
import type { BundleCandidate, LegacyCandidate } from './discovery.js';
import type { AttestationEvidence } from './evidence.js';
import { candidateRejection, COSIGN_SIGN_PREDICATE, type Rejection } from './judge.js';

export type AttestationVerifier = Pick<
  CandidateVerifier,
  'verifyBundle' | 'verifyLegacyAttestation'
>;

export async function gatherAttestations(
  digest: string,
  candidates: Array<LegacyCandidate | BundleCandidate>,
  verifier: AttestationVerifier,
  github?: GitHubAttestationSource,
): Promise<AttestationEvidence> {
  const verified: VerifiedAttestation[] = [];
  const rejected: Rejection[] = [];
  // A candidate that could not be judged (over a limit) matters only if the policy is not met.
  let unreadable: GateError | undefined;
  const attempt = (
    where: string,
    format: string,
    run: () => VerifiedAttestation['evidence'] & { statement?: InTotoStatement },
    input?: EvidenceInput,
  ): void => {
    try {
      const { statement, ...evidence } = run();
      // A cosign v3 image signature is a signature, not an attestation about the image.
      if (statement === undefined || statement.predicateType === COSIGN_SIGN_PREDICATE) return;
      verified.push({ statement, evidence, where, format, ...(input ? { input } : {}) });
    } catch (e: unknown) {
      const err = candidateRejection(e, where);
      if (!isFailureCode(err.code)) unreadable ??= err;
      rejected.push({ where, code: err.code, reason: err.message });
    }
  };
  for (const c of candidates) {
    if (c.kind === 'bundle') {
      attempt(
        c.where,
        c.format,
        () => verifier.verifyBundle(c.bundle, { digest }, c.format),
        c.input,
      );
    } else if (c.attestation) {
      const legacy = verifier.verifyLegacyAttestation?.bind(verifier);
      if (!legacy) {
        rejected.push({
          where: c.where,
          code: 'SIGNATURE_INVALID',
          reason: `${c.where}: legacy .att attestations cannot be verified by this build`,
        });
        continue;
      }
      attempt(
        c.where,
        'legacy-att',
        () => legacy({ envelope: c.payload, annotations: c.annotations }, digest),
        c.input,
      );
    }
  }
  if (github) {
    for (const entry of await github(digest))
      attempt(
        entry.where,
        'github-api',
        () => {
          if ('error' in entry) throw entry.error;
          return verifier.verifyBundle(entry.bundle, { digest }, 'github-api');
        },
        'error' in entry ? undefined : githubInput(entry.where, entry.bundle),
      );
  }
  return { verified, rejected, ...(unreadable ? { unreadable } : {}) };
}

/** A GitHub API bundle arrives inside a JSON answer: named by the digest of its JSON text. */
function githubInput(where: string, bundle: unknown): EvidenceInput {
  const hex = createHash('sha256').update(JSON.stringify(bundle)).digest('hex');
  return { uri: where, digest: `sha256:${hex}` };
}

/** The attestation side of one image on its own: gathered, then decided. */
export interface AttestationPlan {
  verifier: AttestationVerifier;
  requirements: AttestationRequirement;
  github?: GitHubAttestationSource;
  now?: () => Date;
}

/** Gather and decide the attestations of one digest (for callers without an image around them). */
export async function checkAttestations(
  digest: string,
  candidates: Array<LegacyCandidate | BundleCandidate>,
  plan: AttestationPlan,
): Promise<AttestationOutcome> {
  const ev = await gatherAttestations(digest, candidates, plan.verifier, plan.github);
  const d = decideAttestations(ev, plan.requirements, plan.now?.() ?? new Date(), digest);
  if ('error' in d) throw d.error;
  return d;
}
