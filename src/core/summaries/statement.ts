// A SLSA verification summary (VSA v1) of one judged image, as an in-toto Statement v1: pure, from
// the image's result and the run's policy digest; signing (sign.ts) and pushing (push.ts) are apart.
import { PREDICATE } from '../attestations/types.js';
import { TOOL, TOOL_URI, type ImageResult } from '../report.js';
import type { InTotoStatement } from '../signatures/statement.js';

export const VSA_PREDICATE_TYPE = 'https://slsa.dev/verification_summary/v1';
export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
/** `verifier.id`: who verified, image-gate's URI (report.ts TOOL_URI). */
export const VERIFIER_ID = TOOL_URI;
/** `policy.uri` when the policy is the run's options rather than a file. */
export const OPTIONS_POLICY_URI = 'urn:image-gate:policy:options';

export type VerificationResult = 'PASSED' | 'FAILED';

export interface VsaPredicate {
  verifier: { id: string; version: Record<string, string> };
  timeVerified: string;
  resourceUri: string;
  policy: { uri: string; digest: Record<string, string> };
  inputAttestations: Array<{ uri: string; digest: Record<string, string> }>;
  verificationResult: VerificationResult;
  verifiedLevels: string[];
  slsaVersion: '1.0';
}

export interface SummaryRun {
  /** The report's `policyDigest` (`sha256:<hex>`): the same digest, never recomputed apart. */
  policyDigest: string;
  /** The policy file as given, when there is one. */
  policyFile?: string;
  /** When the verdicts were reached (RFC 3339). */
  timeVerified: string;
  verifierId?: string;
}

/**
 * The images a summary is made for: judged (verified, failed or warned) and pinned to a digest.
 * Not an image this run admitted on a summary: it verified nothing, and a new summary stamped
 * with this run's time would restart the age `summary-max-age` holds the last full verification
 * to, run after run (a gate that admits and signs would never verify again).
 */
export function summarizable(r: ImageResult): r is ImageResult & { digest: string } {
  return (
    r.digest !== undefined &&
    r.pinned !== undefined &&
    r.acceptedSummary === undefined &&
    (r.outcome === 'verified' || r.outcome === 'failed' || r.outcome === 'warned')
  );
}

/** The statement for one judged image; undefined for one that was not judged (see summarizable). */
export function summaryStatement(r: ImageResult, run: SummaryRun): InTotoStatement | undefined {
  if (!summarizable(r)) return undefined;
  const passed = r.outcome === 'verified';
  const predicate: VsaPredicate = {
    verifier: { id: run.verifierId ?? VERIFIER_ID, version: { [TOOL.name]: TOOL.version } },
    timeVerified: run.timeVerified,
    resourceUri: r.image,
    policy: { uri: run.policyFile ?? OPTIONS_POLICY_URI, digest: digestSet(run.policyDigest) },
    inputAttestations: (r.inputs ?? []).map((i) => ({ uri: i.uri, digest: digestSet(i.digest) })),
    verificationResult: passed ? 'PASSED' : 'FAILED',
    verifiedLevels: passed ? buildLevels(r) : ['FAILED'],
    slsaVersion: '1.0',
  };
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: [{ name: subjectName(r.pinned ?? ''), digest: digestSet(r.digest) }],
    predicateType: VSA_PREDICATE_TYPE,
    predicate,
  };
}

/**
 * The SLSA build level the evidence shows, conservatively: L1 when a required SLSA provenance
 * attestation verified and met its conditions (provenance exists and names these bytes). L2 and
 * L3 are claims about the build platform (hosted; provenance it alone can sign), which the
 * verifier would have to be told to trust a builder for; image-gate has no such setting, so it
 * never claims them.
 */
export function buildLevels(r: ImageResult): string[] {
  const slsa: readonly string[] = [PREDICATE.slsaV1, PREDICATE.slsaV02];
  const provenance = r.attestations.some(
    (a) =>
      a.verified &&
      slsa.includes(a.predicateType) &&
      (a.satisfies ?? []).includes(a.predicateType) &&
      (a.checks ?? []).every((c) => c.ok),
  );
  return provenance ? ['SLSA_BUILD_LEVEL_1'] : [];
}

/** `registry/repository` of a pinned `registry/repository@sha256:…` reference. */
function subjectName(pinned: string): string {
  const at = pinned.lastIndexOf('@');
  return at < 0 ? pinned : pinned.slice(0, at);
}

/** `sha256:<hex>` as an in-toto DigestSet. */
function digestSet(digest: string): Record<string, string> {
  const i = digest.indexOf(':');
  return { [digest.slice(0, i)]: digest.slice(i + 1) };
}
