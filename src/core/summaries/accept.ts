// Admitting an image on a verification summary image-gate signed earlier (accept-summary): a
// bundle referrer of the digest, verified under the trusted gate signer, PASSED, under the same
// policy digest as this run's and younger than the limit. Anything else leaves full verification.
import { isFailureCode, toGateError, GateError } from '../errors.js';
import { selectRule } from '../policy/match.js';
import type { ImagePolicy, RunPolicy } from '../policy/types.js';
import { parseReference, repositoryName, type ImageRef } from '../reference.js';
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
  /** This run's rules: a summary stands only for the rule the image falls under now. */
  policy: RunPolicy;
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

/** What is being admitted: these bytes, by this name, under this rule. */
export interface SummaryTarget {
  ref: ImageRef;
  digest: string;
  rule: ImagePolicy;
}

/** The first summary of `digest` that may stand in for verification, and why others may not. */
export async function findAcceptedSummary(
  store: ContentStore,
  target: SummaryTarget,
  a: SummaryAcceptance,
): Promise<{ accepted?: AcceptedSummary; rejected: Rejection[] }> {
  const { digest } = target;
  const rejected: Rejection[] = [];
  // A summary is the verdict at its timeVerified. max-vuln-age asks how old the newest scan is
  // now, which the summary does not record: a scan 47 h old when a 23 h old summary was made is
  // 70 h old now. Such a rule is verified in full, whatever the summary says.
  const vulnAge = target.rule.attestations?.conditions.maxVulnAgeMs;
  if (vulnAge !== undefined) {
    rejected.push({
      where: 'summaries',
      code: 'POLICY_VIOLATION',
      reason: `verification summaries are not used under a rule with max-vuln-age (${Math.round(vulnAge / 1000)} s): a summary does not record how old the vuln scan it judged was, which keeps ageing after it`,
    });
    return { rejected };
  }
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
        checkTarget(statement, target, a);
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

/** Why a verified summary cannot stand in here: a POLICY_VIOLATION rejection. */
function refuse(why: string): never {
  throw new GateError('POLICY_VIOLATION', `verification summary ${why}`);
}

/** Throws POLICY_VIOLATION naming what makes the verified summary unusable here. */
function checkSummary(
  statement: InTotoStatement | undefined,
  evidence: SignatureEvidence,
  a: SummaryAcceptance,
): string {
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

/**
 * A summary stands for one repository and one rule: the policy digest covers every rule, and one
 * digest can be pushed (with its summary copied) under another name that another rule governs,
 * e.g. a dev-signed image into a prod repository, or a tag a stricter rule matches. So the signed
 * subject must name this repository, and the reference it judged (`resourceUri`) must be in this
 * repository and fall under the rule this image falls under now.
 */
function checkTarget(
  statement: InTotoStatement | undefined,
  t: SummaryTarget,
  a: SummaryAcceptance,
): void {
  const repo = repositoryName(t.ref);
  const hex = t.digest.slice(t.digest.indexOf(':') + 1);
  const subjects = Array.isArray(statement?.subject) ? statement.subject : [];
  if (!subjects.some((s) => s.name === repo && s.digest?.sha256 === hex))
    refuse(
      `is for ${subjects.map((s) => JSON.stringify(s.name)).join(', ') || 'no subject'}, not ${repo}`,
    );
  const uri = (statement?.predicate as { resourceUri?: unknown } | undefined)?.resourceUri;
  let judged: ImageRef | undefined;
  try {
    judged = typeof uri === 'string' ? parseReference(uri) : undefined;
  } catch {
    judged = undefined;
  }
  if (!judged || repositoryName(judged) !== repo)
    refuse(`judged resourceUri ${JSON.stringify(uri)}, not an image in ${repo}`);
  const then = selectRule(a.policy, judged).rule;
  if (then !== t.rule)
    refuse(
      `judged ${String(uri)} under ${ruleLabel(a.policy, then)}; ${t.ref.original} falls under ${ruleLabel(a.policy, t.rule)}`,
    );
}

function ruleLabel(policy: RunPolicy, rule: ImagePolicy | undefined): string {
  if (!rule) return 'no rule';
  const i = policy.rules.indexOf(rule);
  return rule.name !== undefined ? `rule ${JSON.stringify(rule.name)}` : `rules[${i}]`;
}
