// Finishing a run's report: schema, tool, run id, GitHub run, outcome, and the policy digest
// (sha256 of the canonical JSON of the normalised policy section) that merge checks shards by.
import { createHash, randomUUID } from 'node:crypto';
import { GateError } from './errors.js';
import { REPORT_SCHEMA_VERSION, TOOL, type PolicySummary, type Report } from './report.js';
import { reportOutcome } from './report-outcome.js';

/** The GitHub Actions run a shard ran in, from the runner's environment; undefined elsewhere. */
export function githubRunOf(env: NodeJS.ProcessEnv): Report['github'] {
  if (!env.GITHUB_RUN_ID) return undefined;
  return {
    runId: env.GITHUB_RUN_ID,
    ...(env.GITHUB_RUN_ATTEMPT ? { runAttempt: env.GITHUB_RUN_ATTEMPT } : {}),
    ...(env.GITHUB_JOB ? { job: env.GITHUB_JOB } : {}),
  };
}

export function finishReport(
  partial: Omit<
    Report,
    'verified' | 'outcome' | 'finishedAt' | 'schemaVersion' | 'tool' | 'policyDigest' | 'runId'
  > & { runId?: string },
): Report {
  const outcome = reportOutcome(partial);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: TOOL,
    runId: partial.runId ?? randomUUID(),
    policyDigest: policyDigest(partial.policy),
    ...(partial.github ? { github: partial.github } : {}),
    ...(partial.shard ? { shard: partial.shard } : {}),
    startedAt: partial.startedAt,
    finishedAt: new Date().toISOString(),
    policy: partial.policy,
    verified: outcome === 'verified',
    outcome,
    ...(partial.error ? { error: partial.error } : {}),
    ...(partial.warnings?.length ? { warnings: partial.warnings } : {}),
    ...(partial.stats ? { stats: partial.stats } : {}),
    ...(partial.revocations ? { revocations: partial.revocations } : {}),
    ...(partial.summaries ? { summaries: partial.summaries } : {}),
    results: partial.results,
  };
}

/**
 * `sha256:` + hex SHA-256 of the canonical JSON of the report's policy section after
 * normalisation: arrays that are sets (keys, identities, attestation types and signers, each
 * rule's keys, identities and attestation types) are sorted by their canonical JSON; every other array keeps its
 * order (policy-file rules and their image patterns are matched first to last). Canonical JSON:
 * object keys sorted by UTF-16 code units at every level, no whitespace, strings and numbers as
 * JSON.stringify writes them, undefined members left out (RFC 8785 for the values a policy holds).
 * The section holds only what was required (keys by reference, key ID and validity, identities
 * and their extension checks, tlog/SCT, require-all-keys, require-signature, trust root,
 * platforms, attestation types, conditions, signers and GitHub source, policy-file rules), never
 * run settings (concurrency, timeout, fail-fast, output, registry credentials), so shards of one
 * policy share the digest and merge can recompute it from the section it sits next to.
 */
export function policyDigest(policy: PolicySummary): string {
  return `sha256:${createHash('sha256')
    .update(canonicalJson(normalisePolicy(policy)))
    .digest('hex')}`;
}

function normalisePolicy(p: PolicySummary): unknown {
  // A shard's file is read as JSON: a non-array here is hashed as it stands, never thrown on.
  const set = (xs: unknown): unknown =>
    Array.isArray(xs)
      ? (xs as unknown[])
          .slice()
          .sort((a, b) => compareCodeUnits(canonicalJson(a), canonicalJson(b)))
      : xs;
  return {
    ...p,
    keys: set(p.keys),
    identities: set(p.identities),
    ...(p.attestations
      ? {
          attestations: {
            ...p.attestations,
            types: set(p.attestations.types),
            signerKeys: set(p.attestations.signerKeys),
            signerIdentities: set(p.attestations.signerIdentities),
          },
        }
      : {}),
    ...(p.policyFile
      ? {
          policyFile: {
            ...p.policyFile,
            rules: p.policyFile.rules.map((r) => ({
              ...r,
              keys: set(r.keys),
              attestationKeys: set(r.attestationKeys),
              identities: set(r.identities),
              attestationIdentities: set(r.attestationIdentities),
              attestations: set(r.attestations),
            })),
          },
        }
      : {}),
  };
}

const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Canonical JSON (see policyDigest); throws on values JSON cannot hold. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v))
      throw new GateError('INTERNAL', `canonical JSON: ${v} is not a JSON number`);
    return JSON.stringify(v);
  }
  if (Array.isArray(v))
    return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => compareCodeUnits(a, b));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  throw new GateError('INTERNAL', `canonical JSON: a ${typeof v} is not JSON`);
}
