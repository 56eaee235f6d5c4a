// The SLSA provenance condition over one VERIFIED statement: builder ID, source repository and
// source ref (v0.2 or v1) match the policy's matchers.
import { describeMatcher, matches, type Matcher } from '../signatures/signer-policy.js';
import type { InTotoStatement } from '../signatures/statement.js';
import { provenanceFacts } from './slsa.js';
import { PREDICATE, type ConditionResult, type SlsaConditions } from './types.js';

/** Builder ID, source repository and source ref of SLSA provenance (v0.2 or v1) match the policy. */
export function checkSlsa(statement: InTotoStatement, want: SlsaConditions): ConditionResult {
  if (statement.predicateType !== PREDICATE.slsaV02 && statement.predicateType !== PREDICATE.slsaV1)
    return {
      ok: false,
      reason: `predicate type ${statement.predicateType} is not SLSA provenance`,
    };
  const facts = provenanceFacts(statement.predicateType, statement.predicate);
  const checks: Array<[string, Matcher | undefined, string | undefined]> = [
    ['builder id', want.builderId, facts.builderId],
    ['source repository', want.sourceRepository, facts.sourceRepository],
    ['source ref', want.sourceRef, facts.sourceRef],
  ];
  const bad = checks
    .filter(([, m, actual]) => m !== undefined && !matches(m, actual))
    .map(
      ([what, m, actual]) =>
        `${what} is ${actual === undefined ? 'absent' : `'${actual}'`}, expected ${describeMatcher(m!)}`,
    );
  if (bad.length > 0) return { ok: false, reason: `SLSA provenance ${bad.join('; ')}` };
  const seen = [
    facts.builderId && `builder ${facts.builderId}`,
    facts.sourceRepository &&
      `source ${facts.sourceRepository}${facts.sourceRef ? `@${facts.sourceRef}` : ''}`,
    facts.sourceDigest && `commit ${facts.sourceDigest}`,
  ].filter(Boolean);
  return {
    ok: true,
    detail: `SLSA provenance ${seen.join(', ') || '(no builder or source named)'}`,
  };
}
