// Attestation vocabulary: predicate-type short names exactly as cosign maps them, and the
// requirement/condition types a policy states about attestations.
import { GateError } from '../errors.js';
import type { Matcher } from '../signatures/signer-policy.js';
import type { AttestationEvidence } from '../report.js';

/** Predicate type URIs (cosign `pkg/cosign/attestation`, in-toto-golang `in_toto`). */
export const PREDICATE = {
  cosignCustom: 'https://cosign.sigstore.dev/attestation/v1',
  cosignVuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
  slsaV02: 'https://slsa.dev/provenance/v0.2',
  slsaV1: 'https://slsa.dev/provenance/v1',
  spdx: 'https://spdx.dev/Document',
  cyclonedx: 'https://cyclonedx.org/bom',
  link: 'https://in-toto.io/Link/v1',
  openvex: 'https://openvex.dev/ns',
} as const;

/**
 * cosign's `--type` short names (cmd/cosign/cli/options/predicate.go, cosign v3). `slsaprovenance`
 * is v0.2 (cosign never moved it to v1); `spdx` and `spdxjson` differ only in how cosign wraps the
 * document, not in the type.
 */
export const PREDICATE_SHORT_NAMES: Readonly<Record<string, string>> = {
  custom: PREDICATE.cosignCustom,
  slsaprovenance: PREDICATE.slsaV02,
  slsaprovenance02: PREDICATE.slsaV02,
  slsaprovenance1: PREDICATE.slsaV1,
  spdx: PREDICATE.spdx,
  spdxjson: PREDICATE.spdx,
  cyclonedx: PREDICATE.cyclonedx,
  link: PREDICATE.link,
  vuln: PREDICATE.cosignVuln,
  openvex: PREDICATE.openvex,
};

/**
 * A short name or an absolute URI, as a predicate-type URI. Unlike cosign, which accepts any
 * string `url.ParseRequestURI` takes (so a typo such as `/sbom` becomes a type nothing carries),
 * only absolute http(s) URIs pass: a requirement that can never be met should fail at startup.
 */
export function resolvePredicateType(nameOrUri: string, input = 'attestation type'): string {
  const s = nameOrUri.trim();
  const short = PREDICATE_SHORT_NAMES[s];
  if (short !== undefined) return short;
  if (/^https?:\/\/[^\s/]+\/\S*$/.test(s)) return s;
  const known = Object.keys(PREDICATE_SHORT_NAMES).join(', ');
  throw new GateError(
    'USAGE',
    `${input}: '${nameOrUri}' is not a known predicate type (short names: ${known}; or a full https:// URI)`,
  );
}

/** The short name cosign users know a URI by, for messages; the URI itself when there is none. */
export function predicateLabel(uri: string): string {
  switch (uri) {
    case PREDICATE.slsaV02:
      return 'SLSA provenance v0.2';
    case PREDICATE.slsaV1:
      return 'SLSA provenance v1';
    case PREDICATE.spdx:
      return 'SPDX SBOM';
    case PREDICATE.cyclonedx:
      return 'CycloneDX SBOM';
    case PREDICATE.cosignVuln:
      return 'vuln scan';
    case PREDICATE.openvex:
      return 'OpenVEX';
    default:
      return uri;
  }
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'] as const;
/** Scanner severities, highest first. `unknown` covers unrated, negligible and none. */
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

export function parseSeverity(value: string, input = 'fail-on-severity'): Severity {
  const s = value.trim().toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(s)) return s as Severity;
  throw new GateError(
    'USAGE',
    `${input}: '${value}' is not a severity (one of ${SEVERITIES.join(', ')})`,
  );
}

/**
 * A banned package, optionally limited to versions in a range: `log4j-core@<2.17.0`,
 * `org.apache.logging.log4j:log4j-core@<2.17.0`, `@scope/name@1.2.3`,
 * `pkg:maven/org.apache.logging.log4j/log4j-core@<2.17.0` (docs/policy.md says how each matches).
 */
export interface PackageRule {
  /** As written, for messages. */
  raw: string;
  /** The package name alone: `log4j-core`, never `group:log4j-core`. */
  name: string;
  /** Maven groupId, npm scope (`@scope`), Go module path; absent = any namespace. */
  namespace?: string;
  /** purl type of a `pkg:` rule (lower-cased); it selects name normalisation, never excludes. */
  type?: string;
  /** Semver-style range (`<2.17.0`, `>=2.0.0 <2.17.0`, `2.14.1`, `a || b`); absent = any version. */
  range?: string;
}

export interface SlsaConditions {
  builderId?: Matcher;
  /** Source repository URI, normalised to `https://host/owner/repo` (no `git+`, no `@ref`). */
  sourceRepository?: Matcher;
  /** Git ref the build ran from, e.g. `refs/heads/main` or `refs/tags/v1.2.3`. */
  sourceRef?: Matcher;
}

export interface AttestationConditions {
  /** The newest verified vuln scan must have finished at most this long before `now`. */
  maxVulnAgeMs?: number;
  /** No finding at or above the LOWEST severity listed (`[critical, high]` = high and above). */
  failOnSeverity?: Severity[];
  denyPackages?: PackageRule[];
  slsa?: SlsaConditions;
}

export interface AttestationRequirement {
  /** Resolved predicate-type URIs, each needing at least one verified attestation of exactly that type. */
  types: string[];
  conditions: AttestationConditions;
}

/** One condition's verdict over one statement: expected vs actual when it fails. */
export type ConditionResult = { ok: true; detail: string } | { ok: false; reason: string };

/**
 * What evaluate.ts reports per verified attestation. Extends the report's AttestationEvidence with
 * optional fields proposed for report.ts (where it was found, what it satisfied, each check).
 */
export interface AttestationReportEntry extends AttestationEvidence {
  where?: string;
  issuer?: string;
  signedAt?: string;
  /** Required predicate types this attestation satisfied. */
  satisfies?: string[];
  /** Condition checks applied to it, in order. */
  checks?: Array<{ condition: string; ok: boolean; message: string }>;
}
