// The Report: the JSON audit artifact and `--output json`, and the one place that maps
// outcomes to exit codes. Reports are self-contained so shards from a job matrix can be merged.
import { createHash, randomUUID } from 'node:crypto';
import { GateError, type GateErrorCode } from './errors.js';
import type { SignatureEvidence } from './types.js';

/** 2: `runId` and `policyDigest` added, so `merge` can refuse duplicates and mixed policies. */
export const REPORT_SCHEMA_VERSION = 2;

export type Outcome = 'verified' | 'failed' | 'error';
/**
 * `skipped`: not verified after a fail-fast stop or the deadline (the run is not green);
 * `allowed`: a policy file's `unmatched: allow` let it through unverified (the run may be green).
 */
export type ImageOutcome = Outcome | 'skipped' | 'allowed';

export interface AttestationEvidence {
  predicateType: string;
  format: string;
  verified: boolean;
  signer?: string;
  reason?: string;
  /** Where it was found: `referrer sha256:…`, `sha256-….att layer 0`, `GitHub API …`. */
  where?: string;
  issuer?: string;
  signedAt?: string;
  /** Required predicate types this attestation satisfied. */
  satisfies?: string[];
  /** Condition checks applied to it, in order, with expected vs actual when failed. */
  checks?: Array<{ condition: string; ok: boolean; message: string }>;
}

export interface ImageResult {
  /** The reference as given. */
  image: string;
  /**
   * The reference normalised to what is fetched (src/core/reference.ts): what policy rules
   * matched and deduplication used, e.g. `ghcr.io/acme/app:v1` for `GHCR.IO:443/acme/app:v1`.
   */
  identity?: string;
  /** The verified digest (sha256 over bytes received), when the image was found. */
  digest?: string;
  /** `repo@digest`, for deploying exactly what was verified. */
  pinned?: string;
  outcome: ImageOutcome;
  verified: boolean;
  /** Why not, in one line; absent when verified. */
  reason?: string;
  code?: GateErrorCode;
  // s3lo's field names with s3lo's meanings: the signature that made the verdict.
  keyRef?: string;
  keyID?: string;
  signedAt?: string;
  signatures: SignatureEvidence[];
  attestations: AttestationEvidence[];
  /** The policy-file rule that decided this image, when a policy file was used. */
  rule?: string;
  /** Per-candidate rejections, for audit (where, code, message). */
  rejected?: Array<{ where: string; code: GateErrorCode; reason: string }>;
  /** Index images with `platforms` requested: the verdict on each selected platform manifest. */
  platforms?: PlatformResult[];
  durationMs: number;
}

export interface PlatformResult {
  /** `os/arch[/variant]` as the index declares it. */
  platform: string;
  digest: string;
  outcome: 'verified' | 'failed' | 'error';
  reason?: string;
  code?: GateErrorCode;
}

export interface PolicySummary {
  /** validFor: the times the policy trusts the key for (RFC 3339), when limited. */
  keys: KeySummary[];
  identities: IdentitySummary[];
  /** `all` or the `os/arch` list each index's platform manifests must also verify for. */
  platforms?: string;
  requireTlog: boolean;
  requireSct: boolean;
  /** Set (true) when every key must have signed (`require-all-keys`). */
  requireAllKeys?: boolean;
  /** Set (false) when attestations alone may decide (`require-signature: false`, no policy file). */
  requireSignature?: boolean;
  trustRoot: string;
  /** Required attestations and their conditions, when any. */
  attestations?: {
    types: string[];
    conditions: Record<string, string>;
    signers: string;
    /** The attestation signers, when they are not the image signers. */
    signerKeys?: KeySummary[];
    signerIdentities?: IdentitySummary[];
    /** `owner` or `owner/repo` whose GitHub attestations API was asked. */
    github?: string;
  };
  /** Set when a policy file decided per image; keys/identities above are all its rules'. */
  policyFile?: {
    source: string;
    unmatched: 'fail' | 'allow';
    /** Where attestations are also fetched from (github-owner[/github-repository]). */
    github?: string;
    rules: Array<{
      name: string;
      images: string[];
      /** The rule's image signers' keys, and its attestation signers' when they differ. */
      keys: KeySummary[];
      attestationKeys?: KeySummary[];
      identities?: IdentitySummary[];
      attestationIdentities?: IdentitySummary[];
      attestations: string[];
      /** The rule's attestation conditions, worded as in `attestations.conditions`. */
      conditions?: Record<string, string>;
      requireSignature: boolean;
    }>;
  };
}

export interface IdentitySummary {
  subject: string;
  issuer: string;
  /** Fulcio extension OID -> required value (exact, or /regexp/), as the checks word it. */
  extensions?: Record<string, string>;
}

export interface KeySummary {
  keyRef: string;
  keyID: string;
  validFor?: { start?: string; end?: string };
}

export interface Report {
  schemaVersion: number;
  tool: { name: string; version: string };
  /** Random (UUID v4), one per run: two reports with the same id are copies of one run. */
  runId: string;
  /** `sha256:<hex>` of the `policy` section, normalised (see policyDigest). */
  policyDigest: string;
  /** Where the run happened, when it ran in GitHub Actions (GITHUB_RUN_ID, ..._ATTEMPT, GITHUB_JOB). */
  github?: { runId?: string; runAttempt?: string; job?: string };
  /** A merged report: the run ids of every shard in it (so merging it again cannot double-count). */
  mergedRunIds?: string[];
  startedAt: string;
  finishedAt: string;
  policy: PolicySummary;
  verified: boolean;
  outcome: Outcome;
  /** Set when the run could not start (bad key, trust root unavailable): every image is `error`. */
  error?: { code: GateErrorCode; message: string };
  /** Things to act on that did not change the verdict (a trusted root near or past its end). */
  warnings?: string[];
  /** HTTP requests sent to registries during the run (for audits of cost and the benchmark). */
  stats?: { registryRequests: number };
  results: ImageResult[];
}

export const TOOL = { name: 'image-gate', version: '0.1.0' };

/** A batch fails if any image failed; else errors if any image errored or was skipped; images a policy file allows unverified do not block it. */
export function overallOutcome(results: ImageResult[]): Outcome {
  if (results.some((r) => r.outcome === 'failed')) return 'failed';
  if (results.some((r) => r.outcome === 'error')) return 'error';
  if (results.length === 0) return 'error';
  if (results.some((r) => r.outcome === 'skipped')) return 'error';
  return 'verified';
}

export function exitCode(outcome: Outcome): 0 | 1 | 2 {
  return outcome === 'verified' ? 0 : outcome === 'failed' ? 1 : 2;
}

/** The GitHub Actions run a shard ran in, from the runner's environment; undefined elsewhere. */
export function githubRunOf(env: NodeJS.ProcessEnv): Report['github'] {
  if (!env.GITHUB_RUN_ID) return undefined;
  return {
    runId: env.GITHUB_RUN_ID,
    ...(env.GITHUB_RUN_ATTEMPT ? { runAttempt: env.GITHUB_RUN_ATTEMPT } : {}),
    ...(env.GITHUB_JOB ? { job: env.GITHUB_JOB } : {}),
  };
}

/** The report's outcome from its results and start error alone (never from a stored field). */
export function reportOutcome(r: Pick<Report, 'results' | 'error'>): Outcome {
  if (r.error) return r.results.some((x) => x.outcome === 'failed') ? 'failed' : 'error';
  return overallOutcome(r.results);
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
    startedAt: partial.startedAt,
    finishedAt: new Date().toISOString(),
    policy: partial.policy,
    verified: outcome === 'verified',
    outcome,
    ...(partial.error ? { error: partial.error } : {}),
    ...(partial.warnings?.length ? { warnings: partial.warnings } : {}),
    ...(partial.stats ? { stats: partial.stats } : {}),
    results: partial.results,
  };
}

/**
 * Merge shard reports (one per matrix job) into one verdict; a pure function of its inputs.
 * Refuses (USAGE, naming the shards by `names`) shards verified under another policy, of
 * another schema, copies of one run, and an image verified in two shards. The outcome is
 * recomputed from the results; a shard whose stored outcome disagrees with them is refused.
 */
export function mergeReports(
  reports: Report[],
  names: string[] = reports.map((_, i) => `report ${i + 1}`),
): Report {
  if (reports.length === 0) throw new GateError('USAGE', 'merge: no reports to merge');
  checkShards(reports, names);
  const results = reports.flatMap((r) => r.results);
  const error = reports.find((r) => r.error)?.error;
  const outcome = results.some((r) => r.outcome === 'failed')
    ? 'failed'
    : error
      ? 'error'
      : overallOutcome(results);
  const warnings = [...new Set(reports.flatMap((r) => r.warnings ?? []))];
  const startedAt = reports.map((r) => r.startedAt).sort()[0];
  const finishedAt = reports
    .map((r) => r.finishedAt)
    .sort()
    .at(-1)!;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: TOOL,
    runId: randomUUID(),
    policyDigest: reports[0].policyDigest,
    mergedRunIds: reports.flatMap(runIdsOf),
    startedAt,
    finishedAt,
    policy: reports[0].policy,
    verified: outcome === 'verified',
    outcome,
    ...(error ? { error } : {}),
    ...(warnings.length ? { warnings } : {}),
    ...(reports.some((r) => r.stats)
      ? {
          stats: {
            registryRequests: reports.reduce((n, r) => n + (r.stats?.registryRequests ?? 0), 0),
          },
        }
      : {}),
    results,
  };
}

/** The runs a report stands for: its own, or every shard's when it is itself a merge. */
const runIdsOf = (r: Report): string[] => r.mergedRunIds ?? [r.runId];

function checkShards(reports: Report[], names: string[]): void {
  const byRun = new Map<string, number>();
  const byImage = new Map<string, string>();
  reports.forEach((r, i) => {
    const name = names[i];
    if (r.schemaVersion !== REPORT_SCHEMA_VERSION)
      throw new GateError(
        'USAGE',
        `merge: ${name} is report schema ${JSON.stringify(r.schemaVersion)}, this image-gate reads and writes ${REPORT_SCHEMA_VERSION}; re-run that shard with this version`,
      );
    const digest = policyDigest(r.policy);
    if (r.policyDigest !== digest)
      throw new GateError(
        'USAGE',
        `merge: ${name} was edited: its policyDigest ${r.policyDigest} is not the digest of its policy section (${digest})`,
      );
    if (r.policyDigest !== reports[0].policyDigest) {
      const notStarted = [reports[0], r].flatMap((x, j) =>
        x.error ? [`${j === 0 ? names[0] : name} did not start: ${x.error.message}`] : [],
      );
      throw new GateError(
        'USAGE',
        `merge: ${name} was verified under another policy than ${names[0]} (policyDigest ${r.policyDigest} vs ${reports[0].policyDigest})${notStarted.length ? `; ${notStarted.join('; ')}` : ''}; merge only shards of one run of one policy`,
      );
    }
    // A shard that verified nothing would add nothing to the verdict, where its own run failed.
    if (r.results.length === 0)
      throw new GateError(
        'USAGE',
        `merge: ${name} holds no image results${r.error ? ` (it did not start: ${r.error.message})` : ''}; every shard must have verified images`,
      );
    const stated = reportOutcome(r);
    if (r.outcome !== stated || r.verified !== (stated === 'verified'))
      throw new GateError(
        'USAGE',
        `merge: ${name} was edited: it says outcome ${JSON.stringify(r.outcome)} (verified ${String(r.verified)}) but its results give ${stated}`,
      );
    for (const id of runIdsOf(r)) {
      const first = byRun.get(id);
      if (first !== undefined)
        throw new GateError(
          'USAGE',
          first === i
            ? `merge: ${name} holds run ${id} twice`
            : names[first] === name
              ? `merge: ${name} is given twice`
              : `merge: ${names[first]} and ${name} are the same run (runId ${id}); give each shard once`,
        );
      byRun.set(id, i);
    }
    for (const res of r.results) {
      // By the identity that was fetched, so two spellings of one image are one image.
      const key = res.identity ?? res.image;
      const first = byImage.get(key);
      if (first !== undefined)
        throw new GateError(
          'USAGE',
          first === name
            ? `merge: ${name} holds a result for ${JSON.stringify(key)} twice`
            : `merge: ${first} and ${name} both hold a result for ${JSON.stringify(key)}; each image must be verified in one shard only`,
        );
      byImage.set(key, name);
    }
  });
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
