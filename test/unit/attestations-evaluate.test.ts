// The attestation verdict over verified statements: required types by exact predicate type,
// conditions over every attestation of their type, and the report entries that explain it.
import { describe, expect, it } from 'vitest';
import { parsePackageRule } from '../../src/core/attestations/package-rule.js';
import {
  evaluateAttestations,
  type VerifiedAttestation,
} from '../../src/core/attestations/evaluate.js';
import {
  PREDICATE,
  resolvePredicateType,
  type AttestationConditions,
} from '../../src/core/attestations/types.js';
import type { SignatureEvidence } from '../../src/core/types.js';
import { inTotoStatement } from '../helpers/predicates.js';

const DIGEST = 'c'.repeat(64);
const NOW = new Date('2026-03-01T12:00:00Z');
const H = 3600_000;

const KEYLESS: SignatureEvidence = {
  kind: 'keyless',
  format: 'bundle-referrer',
  identity: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
  issuer: 'https://token.actions.githubusercontent.com',
  signedAt: '2026-03-01T10:00:00.000Z',
  tlog: {
    logIndex: '1',
    integratedTime: '1772359200',
    logID: 'd'.repeat(64),
    uuid: 'e'.repeat(64),
  },
};
const KEYED: SignatureEvidence = {
  kind: 'key',
  format: 'legacy-tag',
  keyRef: 'cosign.pub',
  keyID: '0123456789abcdef',
};

let n = 0;
function att(
  predicateType: string,
  predicate: unknown,
  evidence: SignatureEvidence = KEYLESS,
): VerifiedAttestation {
  const statement = inTotoStatement(DIGEST, predicateType, predicate, 'ghcr.io/acme/app');
  return {
    statement,
    evidence,
    where: `referrer sha256:${String(++n).padStart(64, '0')}`,
    format: evidence.format,
  };
}

/** A vuln scan finished `hoursAgo`, its attestation signed (Rekor) 30 s later unless told otherwise. */
const scan = (
  hoursAgo: number,
  vulns: Array<[string, string]> = [],
  signed: { hoursAgo: number } | 'none' = { hoursAgo: hoursAgo - 30 / 3600 },
): VerifiedAttestation => {
  const t = new Date(NOW.getTime() - hoursAgo * H).toISOString();
  const evidence: SignatureEvidence =
    signed === 'none'
      ? KEYED
      : { ...KEYLESS, signedAt: new Date(NOW.getTime() - signed.hoursAgo * H).toISOString() };
  return att(
    PREDICATE.cosignVuln,
    {
      scanner: {
        uri: 'pkg:github/aquasecurity/trivy',
        version: '0.50.0',
        result: {
          Results: [
            {
              Vulnerabilities: vulns.map(([VulnerabilityID, Severity]) => ({
                VulnerabilityID,
                Severity,
              })),
            },
          ],
        },
      },
      metadata: { scanStartedOn: t, scanFinishedOn: t },
    },
    evidence,
  );
};
const sbom = (name: string, version: string): VerifiedAttestation =>
  att(PREDICATE.cyclonedx, {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    components: [{ name, version }],
  });
const spdx = (name: string, version: string): VerifiedAttestation =>
  att(PREDICATE.spdx, { spdxVersion: 'SPDX-2.3', packages: [{ name, versionInfo: version }] });
const provV1 = (ref: string): VerifiedAttestation =>
  att(PREDICATE.slsaV1, {
    buildDefinition: {
      externalParameters: {
        workflow: {
          repository: 'https://github.com/acme/app',
          ref,
          path: '.github/workflows/release.yml',
        },
      },
    },
    runDetails: { builder: { id: 'https://github.com/actions/runner/github-hosted' } },
  });
const vex = (id: string, status: string): VerifiedAttestation =>
  att('https://openvex.dev/ns/v0.2.0', {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    timestamp: '2026-02-01T00:00:00Z',
    statements: [{ vulnerability: { name: id }, status }],
  });

const req = (
  types: string[],
  conditions: AttestationConditions = {},
): { types: string[]; conditions: AttestationConditions } => ({
  types: types.map((t) => resolvePredicateType(t)),
  conditions,
});

describe('evaluateAttestations: required types', () => {
  const cases: Array<
    [name: string, verified: VerifiedAttestation[], types: string[], ok: boolean, reason?: RegExp]
  > = [
    ['nothing required, nothing found', [], [], true],
    ['SLSA v1 required and present', [provV1('refs/heads/main')], ['slsaprovenance1'], true],
    [
      'SLSA v1 required, only SPDX present',
      [spdx('x', '1')],
      ['slsaprovenance1'],
      false,
      /^no verified SLSA provenance v1 \(https:\/\/slsa\.dev\/provenance\/v1\) attestation \(verified: SPDX SBOM\)$/,
    ],
    [
      'SLSA v1 required, only v0.2 present (a version is a different type)',
      [att(PREDICATE.slsaV02, {})],
      ['slsaprovenance1'],
      false,
      /no verified SLSA provenance v1/,
    ],
    [
      'SLSA v0.2 required via slsaprovenance, v1 present',
      [provV1('refs/heads/main')],
      ['slsaprovenance'],
      false,
      /no verified SLSA provenance v0\.2/,
    ],
    ['spdx required, spdxjson content satisfies (same type)', [spdx('x', '1')], ['spdx'], true],
    [
      'two required, one present',
      [sbom('x', '1')],
      ['cyclonedx', 'vuln'],
      false,
      /^no verified vuln scan \(https:\/\/cosign\.sigstore\.dev\/attestation\/vuln\/v1\) attestation \(verified: CycloneDX SBOM\)$/,
    ],
    [
      'full URI required',
      [att('https://example.com/custom/v1', {})],
      ['https://example.com/custom/v1'],
      true,
    ],
    ['nothing verified at all', [], ['cyclonedx'], false, /\(none verified\)$/],
    [
      'openvex versioned context does not satisfy the exact cosign type',
      [vex('CVE-1', 'fixed')],
      ['openvex'],
      false,
      /no verified OpenVEX/,
    ],
  ];
  it.each(cases)('%s', (_name, verified, types, ok, reason) => {
    const v = evaluateAttestations(verified, req(types), NOW);
    expect(v.ok).toBe(ok);
    if (ok) expect(v.code).toBeUndefined();
    else {
      expect(v.code).toBe('ATTESTATION_MISSING');
      expect(v.reason).toMatch(reason!);
    }
  });

  it('a referrer annotation that claims SLSA does not make an SPDX attestation count', () => {
    // What discovery passes along as a hint never reaches the verdict: only the verified statement does.
    const lying = { ...spdx('x', '1'), predicateTypeHint: PREDICATE.slsaV1 } as VerifiedAttestation;
    const v = evaluateAttestations([lying], req(['slsaprovenance1']), NOW);
    expect(v).toMatchObject({ ok: false, code: 'ATTESTATION_MISSING' });
    expect(v.attestations).toEqual([expect.objectContaining({ predicateType: PREDICATE.spdx })]);
    expect(v.attestations[0].satisfies).toBeUndefined();
  });

  it('reports each attestation with where, by whom and what it satisfied', () => {
    const keyed = att(PREDICATE.cyclonedx, { bomFormat: 'CycloneDX', components: [] }, KEYED);
    const v = evaluateAttestations(
      [provV1('refs/heads/main'), keyed],
      req(['slsaprovenance1', 'cyclonedx']),
      NOW,
    );
    expect(v.ok).toBe(true);
    expect(v.attestations).toEqual([
      {
        predicateType: PREDICATE.slsaV1,
        format: 'bundle-referrer',
        verified: true,
        signer: KEYLESS.identity,
        issuer: KEYLESS.issuer,
        signedAt: KEYLESS.signedAt,
        where: expect.stringMatching(/^referrer sha256:/),
        satisfies: [PREDICATE.slsaV1],
      },
      {
        predicateType: PREDICATE.cyclonedx,
        format: 'legacy-tag',
        verified: true,
        signer: 'cosign.pub',
        where: expect.stringMatching(/^referrer sha256:/),
        satisfies: [PREDICATE.cyclonedx],
      },
    ]);
  });
});

describe('evaluateAttestations: conditions', () => {
  const deny = { denyPackages: [parsePackageRule('log4j-core@<2.17.0')] };
  const cases: Array<
    [
      name: string,
      verified: VerifiedAttestation[],
      types: string[],
      c: AttestationConditions,
      code: string | undefined,
      reason?: RegExp,
    ]
  > = [
    ['fresh scan, limit 48h', [scan(1)], ['vuln'], { maxVulnAgeMs: 48 * H }, undefined],
    [
      '72h-old scan, limit 48h',
      [scan(72)],
      ['vuln'],
      { maxVulnAgeMs: 48 * H },
      'POLICY_VIOLATION',
      /^vuln scan 72h old, limit 48h$/,
    ],
    [
      'an old and a fresh scan: the newest decides freshness',
      [scan(72), scan(1)],
      ['vuln'],
      { maxVulnAgeMs: 48 * H },
      undefined,
    ],
    [
      'an old scan listed after a fresh one: still the newest decides',
      [scan(1), scan(100)],
      ['vuln'],
      { maxVulnAgeMs: 48 * H },
      undefined,
    ],
    [
      'critical finding, fail on critical,high',
      [scan(1, [['CVE-2021-44228', 'CRITICAL']])],
      ['vuln'],
      { failOnSeverity: ['critical', 'high'] },
      'POLICY_VIOLATION',
      /^1 finding at or above high: CVE-2021-44228 \(critical\)$/,
    ],
    [
      'critical finding in an OLD scan still counts',
      [scan(1), scan(30, [['CVE-2021-44228', 'CRITICAL']])],
      ['vuln'],
      { failOnSeverity: ['critical'] },
      'POLICY_VIOLATION',
      /CVE-2021-44228 \(critical\) \(referrer sha256:/,
    ],
    [
      'critical finding marked not_affected by verified OpenVEX',
      [scan(1, [['CVE-2021-44228', 'CRITICAL']]), vex('CVE-2021-44228', 'not_affected')],
      ['vuln'],
      { failOnSeverity: ['critical'] },
      undefined,
    ],
    [
      'OpenVEX for another CVE does not help',
      [scan(1, [['CVE-2021-44228', 'CRITICAL']]), vex('CVE-2099-1', 'not_affected')],
      ['vuln'],
      { failOnSeverity: ['critical'] },
      'POLICY_VIOLATION',
      /CVE-2021-44228/,
    ],
    [
      'age and severity both fail: both reported',
      [scan(73, [['CVE-1', 'HIGH']])],
      ['vuln'],
      { maxVulnAgeMs: 48 * H, failOnSeverity: ['high'] },
      'POLICY_VIOLATION',
      /^vuln scan 73h old, limit 48h; 1 finding at or above high: CVE-1 \(high\)$/,
    ],
    [
      'vuln conditions without any vuln scan',
      [sbom('x', '1')],
      [],
      { maxVulnAgeMs: 48 * H, failOnSeverity: ['high'] },
      'ATTESTATION_MISSING',
      /^no verified vuln scan \(https:\/\/cosign\.sigstore\.dev\/attestation\/vuln\/v1\) to check max-vuln-age and fail-on-severity against$/,
    ],
    [
      'SBOM with banned package',
      [sbom('log4j-core', '2.14.1')],
      ['cyclonedx'],
      deny,
      'POLICY_VIOLATION',
      /^SBOM contains banned package log4j-core@2\.14\.1 \(rule log4j-core@<2\.17\.0\)$/,
    ],
    ['SBOM with fixed version', [sbom('log4j-core', '2.17.1')], ['cyclonedx'], deny, undefined],
    [
      'clean CycloneDX but banned package in SPDX: every SBOM is checked',
      [sbom('log4j-core', '2.17.1'), spdx('log4j-core', '2.14.1')],
      ['cyclonedx'],
      deny,
      'POLICY_VIOLATION',
      /log4j-core@2\.14\.1 .*\(referrer sha256:/,
    ],
    [
      'deny list without any SBOM',
      [scan(1)],
      [],
      deny,
      'ATTESTATION_MISSING',
      /^no verified SBOM \(https:\/\/spdx\.dev\/Document or https:\/\/cyclonedx\.org\/bom\) to check deny-packages against$/,
    ],
    [
      'provenance from the required ref',
      [provV1('refs/heads/main')],
      ['slsaprovenance1'],
      { slsa: { sourceRef: { exact: 'refs/heads/main' } } },
      undefined,
    ],
    [
      'provenance from another ref (rollback)',
      [provV1('refs/heads/old')],
      ['slsaprovenance1'],
      { slsa: { sourceRef: { exact: 'refs/heads/main' } } },
      'POLICY_VIOLATION',
      /^SLSA provenance source ref is 'refs\/heads\/old', expected refs\/heads\/main$/,
    ],
    [
      'SLSA conditions without provenance',
      [sbom('x', '1')],
      [],
      { slsa: { builderId: { exact: 'b' }, sourceRef: { exact: 'r' } } },
      'ATTESTATION_MISSING',
      /to check builder-id, source-ref against$/,
    ],
    [
      'missing type and a violation: missing comes first and decides the code',
      [sbom('log4j-core', '2.14.1')],
      ['slsaprovenance1'],
      deny,
      'ATTESTATION_MISSING',
      /^no verified SLSA provenance v1 .*; SBOM contains banned package log4j-core@2\.14\.1/,
    ],
    ['empty severity list is no condition', [], [], { failOnSeverity: [] }, undefined],
  ];
  it.each(cases)('%s', (_name, verified, types, c, code, reason) => {
    const v = evaluateAttestations(verified, req(types, c), NOW);
    expect(v.ok).toBe(code === undefined);
    expect(v.code).toBe(code);
    if (reason) expect(v.reason).toMatch(reason);
  });

  it('records each check on the attestation it was made on', () => {
    const old = scan(72);
    const fresh = scan(2);
    const v = evaluateAttestations(
      [old, fresh],
      req(['vuln'], { maxVulnAgeMs: 48 * H, failOnSeverity: ['high'] }),
      NOW,
    );
    expect(v.ok).toBe(true);
    expect(v.attestations[0].checks).toEqual([
      { condition: 'max-vuln-age', ok: false, message: 'vuln scan 72h old, limit 48h' },
      {
        condition: 'fail-on-severity',
        ok: true,
        message: '0 findings in trivy result, none open at or above high',
      },
    ]);
    expect(v.attestations[1].checks?.[0]).toEqual({
      condition: 'max-vuln-age',
      ok: true,
      message: 'vuln scan 2h old (limit 48h)',
    });
  });

  it('is pure: the same inputs give the same verdict', () => {
    const input = [scan(1, [['CVE-1', 'HIGH']]), sbom('log4j-core', '2.14.1')];
    const r = req(['vuln'], { failOnSeverity: ['high'], ...deny });
    expect(evaluateAttestations(input, r, NOW)).toEqual(evaluateAttestations(input, r, NOW));
  });
});

describe('evaluateAttestations: deny-packages reads SBOMs under versioned types (review r1)', () => {
  const deny = { denyPackages: [parsePackageRule('log4j-core@<2.17.0')] };
  const log4jSpdx = {
    spdxVersion: 'SPDX-2.3',
    packages: [{ name: 'log4j-core', versionInfo: '2.14.1' }],
  };
  const cleanCdx = { bomFormat: 'CycloneDX', components: [{ name: 'app', version: '1.0.0' }] };
  it.each([
    ['https://spdx.dev/Document/v2.3', log4jSpdx],
    [
      'https://spdx.dev/Document/v3.0',
      {
        '@graph': [
          { type: 'software_Package', name: 'log4j-core', software_packageVersion: '2.14.1' },
        ],
      },
    ],
    [
      'https://cyclonedx.org/bom/v1.5',
      { bomFormat: 'CycloneDX', components: [{ name: 'log4j-core', version: '2.14.1' }] },
    ],
  ])('a banned package in an SBOM of type %s fails, beside a clean cosign SBOM', (type, doc) => {
    const v = evaluateAttestations(
      [att(PREDICATE.cyclonedx, cleanCdx), att(type, doc)],
      { types: [], conditions: deny },
      NOW,
    );
    expect(v.ok).toBe(false);
    expect(v.code).toBe('POLICY_VIOLATION');
    expect(v.reason).toMatch(/banned package log4j-core@2\.14\.1/);
  });
  it('a versioned SPDX SBOM alone is SBOM evidence for deny-packages', () => {
    const v = evaluateAttestations(
      [
        att('https://spdx.dev/Document/v2.3', {
          spdxVersion: 'SPDX-2.3',
          packages: [{ name: 'app', versionInfo: '1.0.0' }],
        }),
      ],
      { types: [], conditions: deny },
      NOW,
    );
    expect(v.ok).toBe(true);
  });
  it('a type that only starts like an SBOM type is no SBOM', () => {
    const v = evaluateAttestations(
      [att('https://spdx.dev/Document/extra', log4jSpdx)],
      { types: [], conditions: deny },
      NOW,
    );
    expect(v.code).toBe('ATTESTATION_MISSING');
  });
});
