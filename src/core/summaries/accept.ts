// Admitting an image on a verification summary image-gate signed earlier (accept-summary): a
// bundle referrer of the digest, verified under the trusted gate signer, PASSED, under the same
// policy digest as this run's and younger than the limit. Anything else leaves full verification.
import { isFailureCode, toGateError, GateError } from '../errors.js';
import type { InTotoStatement } from '../signatures/statement.js';
import type { ContentStore, EvidenceInput, SignatureEvidence } from '../types.js';
import type { CandidateVerifier } from '../verify/context.js';
import { eachCandidate, emptyDiscovery } from '../verify/discovery.js';
import { candidateRejection, type Rejection } from '../verify/judge.js';
import { VSA_PREDICATE_TYPE } from './statement.js';

/** Clock skew tolerated for a summary verified "in the future". */
const SKEW_MS = 5 * 60_000;

export interface SummaryAcceptance {
  /** Verifies bundles under the trusted gate identity or key (tlog required). */
  verifier: Pick<CandidateVerifier, 'verifyBundle'>;
  /** This run's policy digest (`sha256:<hex>`): a summary must record the same. */
  policyDigest: string;
  maxAgeMs: number;
  now?: () => Date;
}

export interface AcceptedSummary {
  /** Where the summary was found (`tag index sha256:…`, `referrer sha256:…`). */
  where: string;
  /** When the earlier run verified the image (the earlier of its claim and its log time). */
  timeVerified: string;
  evidence: SignatureEvidence;
  input?: EvidenceInput;
}

/** The first summary of `digest` that may stand in for verification, and why others may not. */
export async function findAcceptedSummary(
  store: ContentStore,
  digest: string,
  a: SummaryAcceptance,
): Promise<{ accepted?: AcceptedSummary; rejected: Rejection[] }> {
  const rejected: Rejection[] = [];
  const log = emptyDiscovery();
  try {
    for await (const c of eachCandidate(
      store,
      digest,
      { formats: ['bundle'], predicateType: VSA_PREDICATE_TYPE },
      log,
    )) {
      if (c.kind !== 'bundle' || c.predicateTypeHint !== VSA_PREDICATE_TYPE) continue;
      const where = `summary ${c.where}`;
      try {
        const { statement, ...evidence } = a.verifier.verifyBundle(c.bundle, { digest }, c.format);
        const timeVerified = checkSummary(statement, evidence, a);
        return {
          accepted: { where, timeVerified, evidence, ...(c.input ? { input: c.input } : {}) },
          rejected,
        };
      } catch (e: unknown) {
        const err = candidateRejection(e, where);
        rejected.push({ where, code: err.code, reason: err.message });
      }
    }
  } catch (e: unknown) {
    // Summaries are a shortcut: one that cannot be looked up leaves the full verification.
    const err = toGateError(e);
    if (!isFailureCode(err.code) && err.code !== 'LIMIT_EXCEEDED') throw err;
    rejected.push({ where: 'summaries', code: err.code, reason: err.message });
  }
  return { rejected };
}

/** Throws POLICY_VIOLATION naming what makes the verified summary unusable here. */
function checkSummary(
  statement: InTotoStatement | undefined,
  evidence: SignatureEvidence,
  a: SummaryAcceptance,
): string {
  const refuse = (why: string): never => {
    throw new GateError('POLICY_VIOLATION', `verification summary ${why}`);
  };
  if (statement?.predicateType !== VSA_PREDICATE_TYPE)
    refuse(`has predicate type ${JSON.stringify(statement?.predicateType)}`);
  const p = (statement?.predicate ?? {}) as Record<string, unknown>;
  if (p.verificationResult !== 'PASSED')
    refuse(`says ${JSON.stringify(p.verificationResult)}, not PASSED`);
  const policy = (p.policy ?? {}) as { digest?: Record<string, unknown> };
  const want = a.policyDigest.slice('sha256:'.length);
  const got = policy.digest?.sha256;
  if (got !== want) refuse(`is for policy sha256:${String(got)}, not this run's ${a.policyDigest}`);
  const claimed = typeof p.timeVerified === 'string' ? Date.parse(p.timeVerified) : NaN;
  if (Number.isNaN(claimed)) refuse('has no timeVerified');
  const logged = evidence.signedAt ? Date.parse(evidence.signedAt) : NaN;
  const at = Number.isNaN(logged) ? claimed : Math.min(claimed, logged);
  const now = (a.now?.() ?? new Date()).getTime();
  if (claimed > now + SKEW_MS) refuse(`was verified in the future (${String(p.timeVerified)})`);
  if (now - at > a.maxAgeMs)
    refuse(
      `is ${Math.round((now - at) / 1000)} s old (verified ${new Date(at).toISOString()}), older than summary-max-age ${Math.round(a.maxAgeMs / 1000)} s`,
    );
  return new Date(at).toISOString();
}
