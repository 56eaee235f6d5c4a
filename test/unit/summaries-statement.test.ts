// The verification summary statement (SLSA VSA v1) of one image result: its fields, PASSED and
// FAILED, the subject, the policy digest taken from the report (never recomputed apart), the
// inputs the verdict rested on, and the conservative build level.
import { describe, expect, it } from 'vitest';
import { PREDICATE } from '../../src/core/attestations/types.js';
import { finishReport, policyDigest } from '../../src/core/report-finish.js';
import { TOOL, type ImageResult, type PolicySummary } from '../../src/core/report.js';
import {
  OPTIONS_POLICY_URI,
  summaryStatement,
  VERIFIER_ID,
  VSA_PREDICATE_TYPE,
  type VsaPredicate,
} from '../../src/core/summaries/statement.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const SIG_LAYER = `sha256:${'cd'.repeat(32)}`;
const policy: PolicySummary = {
  keys: [{ keyRef: 'cosign.pub', keyID: 'k1' }],
  identities: [],
  requireTlog: true,
  requireSct: true,
  trustRoot: 'trusted_root.json',
};

function result(over: Partial<ImageResult> = {}): ImageResult {
  return {
    image: 'ghcr.io/acme/app:v1',
    identity: 'ghcr.io/acme/app:v1',
    digest: DIGEST,
    pinned: `ghcr.io/acme/app@${DIGEST}`,
    outcome: 'verified',
    verified: true,
    signatures: [{ kind: 'key', format: 'legacy-tag', keyRef: 'cosign.pub' }],
    attestations: [],
    inputs: [{ uri: `oci://ghcr.io/acme/app:${DIGEST.replace(':', '-')}.sig`, digest: SIG_LAYER }],
    durationMs: 1,
    ...over,
  };
}

const run = (o: { policyFile?: string } = {}) => ({
  policyDigest: policyDigest(policy),
  timeVerified: '2026-12-02T01:00:00.000Z',
  ...o,
});

const predicateOf = (r: ImageResult, o: { policyFile?: string } = {}): VsaPredicate =>
  summaryStatement(r, run(o))?.predicate as VsaPredicate;

describe('summaryStatement', () => {
  it('is an in-toto Statement v1 of the VSA predicate about the image digest', () => {
    const s = summaryStatement(result(), run());
    expect(s).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      predicateType: VSA_PREDICATE_TYPE,
      subject: [{ name: 'ghcr.io/acme/app', digest: { sha256: 'ab'.repeat(32) } }],
    });
    expect(VSA_PREDICATE_TYPE).toBe('https://slsa.dev/verification_summary/v1');
  });

  it('fills every field the spec names for a verified image', () => {
    expect(predicateOf(result())).toEqual({
      verifier: { id: VERIFIER_ID, version: { [TOOL.name]: TOOL.version } },
      timeVerified: '2026-12-02T01:00:00.000Z',
      resourceUri: 'ghcr.io/acme/app:v1',
      policy: { uri: OPTIONS_POLICY_URI, digest: { sha256: policyDigest(policy).slice(7) } },
      inputAttestations: [
        {
          uri: `oci://ghcr.io/acme/app:${DIGEST.replace(':', '-')}.sig`,
          digest: { sha256: 'cd'.repeat(32) },
        },
      ],
      verificationResult: 'PASSED',
      verifiedLevels: [],
      slsaVersion: '1.0',
    });
  });

  it("records the report's policy digest, the one merge checks shards by", () => {
    const report = finishReport({ startedAt: '', policy, results: [result()] });
    expect(predicateOf(result()).policy.digest).toEqual({
      sha256: report.policyDigest.slice('sha256:'.length),
    });
  });

  it('names the policy file when one decided', () => {
    expect(predicateOf(result(), { policyFile: 'policy.yaml' }).policy.uri).toBe('policy.yaml');
  });

  it.each([
    ['failed', { outcome: 'failed', verified: false, code: 'UNSIGNED' }],
    ['warned (failed under a rule in warn mode)', { outcome: 'warned', verified: false }],
  ] as const)('a %s image is FAILED with no verified level', (_what, over) => {
    const p = predicateOf(result({ ...over, inputs: [] }));
    expect(p.verificationResult).toBe('FAILED');
    expect(p.verifiedLevels).toEqual(['FAILED']);
  });

  it.each([
    ['an error (no verdict)', { outcome: 'error', verified: false, digest: undefined }],
    ['a skipped image', { outcome: 'skipped', verified: false }],
    ['one a policy file let through unverified', { outcome: 'allowed', verified: false }],
    ['one with no digest', { digest: undefined, pinned: undefined }],
  ] as const)('makes no summary of %s', (_what, over) => {
    expect(summaryStatement(result(over as Partial<ImageResult>), run())).toBeUndefined();
  });

  describe('verifiedLevels', () => {
    const provenance = (over: Record<string, unknown> = {}) => ({
      predicateType: PREDICATE.slsaV1,
      format: 'bundle-referrer',
      verified: true,
      satisfies: [PREDICATE.slsaV1],
      checks: [{ condition: 'builderId', ok: true, message: 'ok' }],
      ...over,
    });
    it('SLSA_BUILD_LEVEL_1 when a required SLSA provenance verified and met its conditions', () => {
      expect(predicateOf(result({ attestations: [provenance()] })).verifiedLevels).toEqual([
        'SLSA_BUILD_LEVEL_1',
      ]);
      expect(
        predicateOf(
          result({
            attestations: [
              provenance({ predicateType: PREDICATE.slsaV02, satisfies: [PREDICATE.slsaV02] }),
            ],
          }),
        ).verifiedLevels,
      ).toEqual(['SLSA_BUILD_LEVEL_1']);
    });
    it.each([
      ['not verified', { verified: false }],
      ['not required (satisfies nothing)', { satisfies: [] }],
      ['a condition broken', { checks: [{ condition: 'builderId', ok: false, message: 'x' }] }],
      ['not provenance', { predicateType: PREDICATE.spdx, satisfies: [PREDICATE.spdx] }],
    ])('none when the provenance is %s', (_what, over) => {
      expect(predicateOf(result({ attestations: [provenance(over)] })).verifiedLevels).toEqual([]);
    });
  });
});
