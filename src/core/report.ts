// The Report: the JSON audit artifact and `--output json`, and the one place that maps
// outcomes to exit codes. Reports are self-contained so shards from a job matrix can be merged.
import type { GateErrorCode } from './errors.js';
import type { SignatureEvidence } from './types.js';

export const REPORT_SCHEMA_VERSION = 1;

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
  /** `extensions`: Fulcio extension OID -> required value (exact, or /regexp/). */
  identities: Array<{ subject: string; issuer: string; extensions?: Record<string, string> }>;
  /** `all` or the `os/arch` list each index's platform manifests must also verify for. */
  platforms?: string;
  requireTlog: boolean;
  requireSct: boolean;
  trustRoot: string;
  /** Required attestations and their conditions, when any. */
  attestations?: { types: string[]; conditions: Record<string, string>; signers: string };
  /** Set when a policy file decided per image; keys/identities above are all its rules'. */
  policyFile?: {
    source: string;
    unmatched: 'fail' | 'allow';
    rules: Array<{
      name: string;
      images: string[];
      /** The rule's image signers' keys, and its attestation signers' when they differ. */
      keys: KeySummary[];
      attestationKeys?: KeySummary[];
      attestations: string[];
      requireSignature: boolean;
    }>;
  };
}

export interface KeySummary {
  keyRef: string;
  keyID: string;
  validFor?: { start?: string; end?: string };
}

export interface Report {
  schemaVersion: number;
  tool: { name: string; version: string };
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

export function finishReport(
  partial: Omit<Report, 'verified' | 'outcome' | 'finishedAt' | 'schemaVersion' | 'tool'>,
): Report {
  const outcome = partial.error
    ? partial.results.some((r) => r.outcome === 'failed')
      ? 'failed'
      : 'error'
    : overallOutcome(partial.results);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: TOOL,
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

/** Merge shard reports (one per matrix job) into one verdict; a pure function of its inputs. */
export function mergeReports(reports: Report[]): Report {
  if (reports.length === 0) throw new Error('no reports to merge');
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
