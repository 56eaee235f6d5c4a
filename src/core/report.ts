// The Report: the shape of the JSON audit artifact and `--output json` (schema, per-image results,
// the policy section). Reports are self-contained so shards from a job matrix can be merged.
import type { GateErrorCode } from './errors.js';
import type { ShardInfo } from './shard.js';
import type { RegistryStats } from './registry/governor.js';
import type { EvidenceInput, SignatureEvidence } from './types.js';

/** 2: `runId` and `policyDigest` added, so `merge` can refuse duplicates and mixed policies. */
export const REPORT_SCHEMA_VERSION = 2;

/** `warned`: failures only under rules in warn mode (audit mode); exits 0 like `verified`. */
export type Outcome = 'verified' | 'failed' | 'error' | 'warned';
/**
 * `skipped`: not verified after a fail-fast stop or the deadline (the run is not green);
 * `allowed`: a policy file's `unmatched: allow` let it through unverified (the run may be green);
 * `warned`: failed under a rule in warn mode (code and reason kept; the run may be green).
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
  /** `warned` under a rule that enforces from this day (YYYY-MM-DD, UTC). */
  enforceAfter?: string;
  /** Per-candidate rejections, for audit (where, code, message). */
  rejected?: Array<{ where: string; code: GateErrorCode; reason: string }>;
  /** Where the reference is written, when it was read from files (`--from`, `manifests`). */
  sources?: Array<{ file: string; line: number }>;
  /** Index images with `platforms` requested: the verdict on each selected platform manifest. */
  platforms?: PlatformResult[];
  /**
   * What the verdict rested on, by digest: each verified signature and required attestation that
   * verified, where it was found (`oci://repo@sha256:…`, `oci://repo:sha256-….sig`) and the
   * sha256 of its bytes (a verification summary's `inputAttestations`).
   */
  inputs?: EvidenceInput[];
  /**
   * accept-summary: passed on image-gate's own signed summary of this digest under this policy
   * (its signature is in `signatures`); the image's signatures were not fetched again.
   */
  acceptedSummary?: { where: string; timeVerified: string };
  durationMs: number;
}

/** The revocation list a run loaded and verified: where, which version, who signed, its bytes. */
export interface RevocationListSummary {
  source: string;
  version: number;
  issued: string;
  expires: string;
  entries: number;
  /** `key REF (KEYID)` or `IDENTITY (ISSUER)`. */
  signer: string;
  /** `sha256:` of the list's bytes as verified. */
  sha256: string;
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
  /** The flags' rule in warn mode (absent: enforce), and the day it enforces from, if any. */
  mode?: 'warn';
  enforceAfter?: string;
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
      /** Set only when the rule warns (absent: enforce), as for the flags' rule above. */
      mode?: 'warn';
      enforceAfter?: string;
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
  /**
   * A run with `shard: I/N`: which shard, of how many, and the whole list it was cut from
   * (its distinct images and their set digest), so merge can check the shards are complete.
   */
  shard?: ShardInfo;
  startedAt: string;
  finishedAt: string;
  policy: PolicySummary;
  verified: boolean;
  outcome: Outcome;
  /** Set when the run could not start (bad key, trust root unavailable): every image is `error`. */
  error?: { code: GateErrorCode; message: string };
  /** Things to act on that did not change the verdict (a trusted root near or past its end). */
  warnings?: string[];
  /**
   * HTTP requests sent to registries during the run (for audits of cost and the benchmark), and
   * per registry API host: requests, pulls (manifest GETs), 429s, retries, bytes, time waiting,
   * the concurrency window and the pull limit it advertised.
   */
  stats?: { registryRequests: number; registries?: Record<string, RegistryStats> };
  /** The revocation list the run checked (docs/revocation.md), when it was given one. */
  revocations?: RevocationListSummary;
  /** Signed verification summaries (SLSA VSA v1), one per judged image, when asked for. */
  summaries?: SummaryRecord[];
  /** A merge with --shard-key/--shard-identity: each shard report, its sha256 and who signed it. */
  shards?: ShardRecord[];
  results: ImageResult[];
}

export interface ShardRecord {
  file: string;
  /** `sha256:<hex>` of the report file's bytes, as its signature covers them. */
  digest: string;
  /** `key <keyID>` or `<identity> (<issuer>)`. */
  signer: string;
}

export interface SummaryRecord {
  image: string;
  digest: string;
  verificationResult: 'PASSED' | 'FAILED';
  /** The Sigstore bundle (v0.3, DSSE) written for it. */
  file: string;
  /** Where it was attached (push-summary): the referrer's digest and how it is listed. */
  referrer?: { digest: string; via: string };
}

/**
 * Who image-gate is, in one place: its name and version (package.json's), written into every
 * report as `tool`, and its URI (the repository the Action is used from, `uses:
 * acme/image-gate@…`), a verification summary's `verifier.id`. test/unit/tool-identity.test.ts
 * holds them to package.json (and its `homepage`/`repository` when it names one) and the README.
 */
export const TOOL = { name: 'image-gate', version: '0.1.0' };
export const TOOL_URI = 'https://github.com/acme/image-gate';
