// Each built-in condition over statements built here (and real provenance from the shared
// fixtures): passing and failing content, and the expected-vs-actual reason a failure gives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/core/attestations/condition-text.js';
import { checkDeniedPackages } from '../../src/core/attestations/package-conditions.js';
import { parsePackageRule } from '../../src/core/attestations/package-rule.js';
import { checkSlsa } from '../../src/core/attestations/slsa-conditions.js';
import { checkVulnAge, checkVulnSeverity } from '../../src/core/attestations/vuln-conditions.js';
import {
  PREDICATE,
  type Severity,
  type SlsaConditions,
} from '../../src/core/attestations/types.js';
import { readVexStatements, vexDecisions } from '../../src/core/attestations/vuln.js';
import type { InTotoStatement } from '../../src/core/signatures/statement.js';
import { cyclonedx, inTotoStatement, openvex, spdx } from '../helpers/predicates.js';

const DIGEST = 'a'.repeat(64);
const NOW = new Date('2026-03-01T12:00:00Z');
const H = 3600_000;

const statement = (predicateType: string, predicate: unknown): InTotoStatement =>
  inTotoStatement(DIGEST, predicateType, predicate, 'registry.example/app');

function vulnScan(opts: {
  finishedHoursAgo?: number;
  finishedOn?: string;
  result?: unknown;
}): InTotoStatement {
  const finished =
    opts.finishedOn ?? new Date(NOW.getTime() - (opts.finishedHoursAgo ?? 1) * H).toISOString();
  return statement(PREDICATE.cosignVuln, {
    invocation: {
      uri: 'https://github.com/acme/app/actions/runs/1',
      event_id: '1',
      'builder.id': 'gha',
      parameters: null,
    },
    scanner: {
      uri: 'pkg:github/aquasecurity/trivy@0.50.0',
      version: '0.50.0',
      db: { uri: '', version: '' },
      result: 'result' in opts ? opts.result : trivy([]),
    },
    metadata: { scanStartedOn: finished, scanFinishedOn: finished },
  });
}

function trivy(
  vulns: Array<[id: string, severity: string, pkg?: string, version?: string]>,
): unknown {
  return {
    SchemaVersion: 2,
    ArtifactName: 'registry.example/app',
    Results: [
      {
        Target: 'app (debian 12)',
        Vulnerabilities: vulns.map(([VulnerabilityID, Severity, PkgName, InstalledVersion]) => ({
          VulnerabilityID,
          Severity,
          PkgName: PkgName ?? 'openssl',
          InstalledVersion: InstalledVersion ?? '3.0.11',
        })),
      },
    ],
  };
}

/** SARIF as Trivy writes it: severity on the rule (`security-severity` and a tag), level on the result. */
function sarifTrivy(
  vulns: Array<[id: string, score: string | undefined, tag: string, level: string]>,
): unknown {
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'Trivy',
            rules: vulns.map(([id, score, tag]) => ({
              id,
              properties: {
                ...(score ? { 'security-severity': score } : {}),
                tags: ['vulnerability', 'security', tag],
              },
            })),
          },
        },
        results: vulns.map(([id, , , level], i) => ({
          ruleId: id,
          ruleIndex: i,
          level,
          message: { text: id },
        })),
      },
    ],
  };
}

const vex = (statements: unknown[], timestamp?: string): InTotoStatement =>
  statement(PREDICATE.openvex, openvex(statements, { timestamp }));

function vexMap(...docs: InTotoStatement[]): Map<string, string> {
  let seq = 0;
  const all = docs.flatMap((d) => {
    const digests = d.subject.flatMap((s) =>
      Object.entries(s.digest).map(([alg, hex]) => `${alg}:${hex}`),
    );
    const st = readVexStatements(d.predicate, digests, seq);
    seq += st.length;
    return st;
  });
  return vexDecisions(all);
}

/** The verified signing time of a scan finished `hours` before NOW: 30 s after it. */
const signedAfter = (hours: number): Date => new Date(NOW.getTime() - hours * H + 30_000);

describe('checkVulnAge', () => {
  it.each([
    [1, true, 'vuln scan 1h old (limit 48h)'],
    [47.5, true, 'vuln scan 47h30m old (limit 48h)'],
    [48, true, 'vuln scan 48h old (limit 48h)'],
    [73, false, 'vuln scan 73h old, limit 48h'],
    [72, false, 'vuln scan 72h old, limit 48h'],
  ])('a scan %s h old: ok=%s, says %j', (hours, ok, text) => {
    const r = checkVulnAge(vulnScan({ finishedHoursAgo: hours }), 48 * H, NOW, signedAfter(hours));
    expect(r.ok).toBe(ok);
    expect(r.ok ? r.detail : r.reason).toBe(text);
  });

  it.each([
    ['no scanFinishedOn', { finishedOn: undefined, drop: true }, /has no metadata.scanFinishedOn/],
    ['a non-RFC 3339 time', { finishedOn: 'yesterday' }, /'yesterday' is not an RFC 3339 time/],
    ['a date without time', { finishedOn: '2026-03-01' }, /not an RFC 3339 time/],
    ['a scan from tomorrow', { finishedOn: '2026-03-02T12:00:00Z' }, /finished 24h in the future/],
  ])('fails %s', (_name, o, re) => {
    const s = vulnScan({ finishedOn: o.finishedOn ?? 'x' });
    if ('drop' in o)
      delete (s.predicate as { metadata: Record<string, unknown> }).metadata['scanFinishedOn'];
    const r = checkVulnAge(s, 48 * H, NOW, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(re);
  });

  it('tolerates a scanner clock a minute ahead', () => {
    const r = checkVulnAge(vulnScan({ finishedOn: '2026-03-01T12:01:00Z' }), 48 * H, NOW, NOW);
    expect(r).toEqual({ ok: true, detail: 'vuln scan 0s old (limit 48h)' });
  });
});

describe('checkVulnSeverity', () => {
  const high: Severity[] = ['critical', 'high'];
  const cases: Array<
    [name: string, result: unknown, failOn: Severity[], ok: boolean, text: RegExp]
  > = [
    [
      'Trivy JSON without findings',
      trivy([]),
      high,
      true,
      /0 findings in trivy result, none open at or above high/,
    ],
    [
      'Trivy JSON with only medium/low',
      trivy([
        ['CVE-2024-1', 'MEDIUM'],
        ['CVE-2024-2', 'LOW'],
      ]),
      high,
      true,
      /2 findings/,
    ],
    [
      'Trivy JSON with a critical and a high',
      trivy([
        ['CVE-2024-1', 'MEDIUM'],
        ['CVE-2021-44228', 'CRITICAL', 'log4j-core', '2.14.1'],
        ['CVE-2023-44487', 'HIGH', 'golang.org/x/net', '0.7.0'],
      ]),
      high,
      false,
      /^2 findings at or above high: CVE-2021-44228 \(critical, log4j-core@2\.14\.1\), CVE-2023-44487 \(high, golang\.org\/x\/net@0\.7\.0\)$/,
    ],
    [
      'Trivy JSON, threshold critical, a high',
      trivy([['CVE-2023-44487', 'HIGH']]),
      ['critical'],
      true,
      /none open at or above critical/,
    ],
    [
      'Trivy JSON, threshold low catches medium',
      trivy([['CVE-2024-1', 'MEDIUM']]),
      ['critical', 'low'],
      false,
      /1 finding at or above low: CVE-2024-1 \(medium/,
    ],
    [
      'Trivy JSON, UNKNOWN is below low',
      trivy([['CVE-2024-9', 'UNKNOWN']]),
      ['low'],
      true,
      /none open/,
    ],
    [
      'Trivy JSON, unknown listed catches unknown',
      trivy([['CVE-2024-9', 'UNKNOWN']]),
      ['unknown'],
      false,
      /CVE-2024-9 \(unknown/,
    ],
    ['Trivy JSON with Results null', { SchemaVersion: 2, Results: null }, high, true, /0 findings/],
    [
      'SARIF with security-severity 9.8 on the rule',
      sarifTrivy([['CVE-2021-44228', '9.8', 'CRITICAL', 'error']]),
      high,
      false,
      /1 finding at or above high: CVE-2021-44228 \(critical\)/,
    ],
    [
      'SARIF with security-severity 5.3 but level error',
      sarifTrivy([['CVE-2024-5', '5.3', 'MEDIUM', 'error']]),
      high,
      true,
      /1 finding in sarif result/,
    ],
    [
      'SARIF with only a severity tag',
      sarifTrivy([['CVE-2024-6', undefined, 'HIGH', 'warning']]),
      high,
      false,
      /CVE-2024-6 \(high\)/,
    ],
    [
      'SARIF with nothing but level error',
      {
        version: '2.1.0',
        runs: [
          { tool: { driver: { name: 'x' } }, results: [{ ruleId: 'CVE-2024-7', level: 'error' }] },
        ],
      },
      high,
      false,
      /CVE-2024-7 \(high\)/,
    ],
    [
      'SARIF with a note only',
      {
        version: '2.1.0',
        runs: [
          { tool: { driver: { name: 'x' } }, results: [{ ruleId: 'CVE-2024-8', level: 'note' }] },
        ],
      },
      high,
      true,
      /none open/,
    ],
    [
      'SARIF with security-severity on the result',
      {
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'x' } },
            results: [{ ruleId: 'GHSA-1', properties: { 'security-severity': '9.1' } }],
          },
        ],
      },
      ['critical'],
      false,
      /GHSA-1 \(critical\)/,
    ],
    [
      'Grype JSON with a Critical',
      {
        matches: [
          {
            vulnerability: { id: 'CVE-2021-44228', severity: 'Critical' },
            artifact: { name: 'log4j-core', version: '2.14.1' },
          },
        ],
      },
      high,
      false,
      /CVE-2021-44228 \(critical, log4j-core@2\.14\.1\)/,
    ],
    [
      'a result stored as JSON text',
      JSON.stringify(trivy([['CVE-2024-3', 'CRITICAL']])),
      high,
      false,
      /CVE-2024-3 \(critical/,
    ],
    [
      'a result in no format we read',
      { foo: 'bar' },
      high,
      false,
      /result unreadable: scanner.result is neither SARIF, Trivy JSON nor Grype JSON/,
    ],
    [
      'a result that is text, not JSON',
      'all clear',
      high,
      false,
      /result unreadable: scanner.result is a string that is not JSON/,
    ],
    ['no result at all', null, high, false, /result unreadable: scanner.result is empty/],
  ];
  it.each(cases)('%s', (_name, result, failOn, ok, text) => {
    const r = checkVulnSeverity(vulnScan({ result }), failOn);
    expect(r.ok).toBe(ok);
    expect(r.ok ? r.detail : r.reason).toMatch(text);
  });

  it('counts one vulnerability reported twice once, at its highest severity', () => {
    const r = checkVulnSeverity(
      vulnScan({
        result: trivy([
          ['CVE-1', 'HIGH'],
          ['CVE-1', 'CRITICAL'],
        ]),
      }),
      ['high'],
    );
    expect(r).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^1 finding at or above high: CVE-1 \(critical/),
    });
  });

  it('lists ten findings and counts the rest', () => {
    const many = Array.from(
      { length: 13 },
      (_, i) => [`CVE-2024-${100 + i}`, 'HIGH'] as [string, string],
    );
    const r = checkVulnSeverity(vulnScan({ result: trivy(many) }), ['high']);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(/^13 findings at or above high: /);
      expect(r.reason).toMatch(/ and 3 more$/);
    }
  });

  describe('with OpenVEX', () => {
    const scan = vulnScan({
      result: trivy([
        ['CVE-2021-44228', 'CRITICAL'],
        ['CVE-2023-44487', 'HIGH'],
      ]),
    });
    const vexCases: Array<[name: string, vex: Map<string, string>, ok: boolean, text: RegExp]> = [
      [
        'not_affected for both suppresses both',
        vexMap(
          vex([
            {
              vulnerability: { name: 'CVE-2021-44228' },
              status: 'not_affected',
              justification: 'vulnerable_code_not_present',
            },
            { vulnerability: { name: 'CVE-2023-44487' }, status: 'fixed' },
          ]),
        ),
        true,
        /none open at or above high; 2 suppressed by OpenVEX \(CVE-2021-44228, CVE-2023-44487\)/,
      ],
      [
        'not_affected for one leaves the other',
        vexMap(vex([{ vulnerability: { name: 'CVE-2021-44228' }, status: 'not_affected' }])),
        false,
        /^1 finding at or above high: CVE-2023-44487 \(high.*; 1 suppressed by OpenVEX \(CVE-2021-44228\)$/,
      ],
      [
        'under_investigation suppresses nothing',
        vexMap(vex([{ vulnerability: { name: 'CVE-2021-44228' }, status: 'under_investigation' }])),
        false,
        /^2 findings/,
      ],
      [
        'an alias matches (v0.2 aliases)',
        vexMap(
          vex([
            {
              vulnerability: { name: 'GHSA-jfh8-c2jp-5v3q', aliases: ['CVE-2021-44228'] },
              status: 'not_affected',
            },
            { vulnerability: 'CVE-2023-44487', status: 'not_affected' },
          ]),
        ),
        true,
        /2 suppressed/,
      ],
      [
        'a later affected statement overrides an earlier not_affected',
        vexMap(
          vex(
            [
              { vulnerability: { name: 'CVE-2021-44228' }, status: 'not_affected' },
              { vulnerability: { name: 'CVE-2023-44487' }, status: 'fixed' },
            ],
            '2026-01-01T00:00:00Z',
          ),
          vex(
            [
              {
                vulnerability: { name: 'CVE-2021-44228' },
                status: 'affected',
                action_statement: 'upgrade',
              },
            ],
            '2026-02-01T00:00:00Z',
          ),
        ),
        false,
        /^1 finding at or above high: CVE-2021-44228 \(critical/,
      ],
      [
        'a statement for a product with another digest does not apply',
        vexMap(
          vex([
            {
              vulnerability: { name: 'CVE-2021-44228' },
              products: [{ '@id': `pkg:oci/app@sha256%3A${'b'.repeat(64)}` }],
              status: 'not_affected',
            },
            {
              vulnerability: { name: 'CVE-2023-44487' },
              products: [{ '@id': `pkg:oci/app@sha256%3A${DIGEST}` }],
              status: 'not_affected',
            },
          ]),
        ),
        false,
        /^1 finding at or above high: CVE-2021-44228.*1 suppressed by OpenVEX \(CVE-2023-44487\)$/,
      ],
    ];
    it.each(vexCases)('%s', (_name, vex, ok, text) => {
      const r = checkVulnSeverity(scan, ['critical', 'high'], vex);
      expect(r.ok).toBe(ok);
      expect(r.ok ? r.detail : r.reason).toMatch(text);
    });
  });
});

const bom = (components: Array<Record<string, unknown>>): unknown =>
  cyclonedx(components, { version: 1 });
const SPDX_TAG_VALUE = [
  'SPDXVersion: SPDX-2.3',
  'DataLicense: CC0-1.0',
  'SPDXID: SPDXRef-DOCUMENT',
  '',
  'PackageName: log4j-core',
  'SPDXID: SPDXRef-Package-1',
  'PackageVersion: 2.14.1',
  '',
  'PackageName: openssl',
  'PackageVersion: 3.0.11',
].join('\n');

describe('checkDeniedPackages', () => {
  const log4j = [parsePackageRule('log4j-core@<2.17.0')];
  const cases: Array<
    [name: string, type: string, predicate: unknown, rules: string[], ok: boolean, text: RegExp]
  > = [
    [
      'CycloneDX with log4j-core 2.14.1',
      PREDICATE.cyclonedx,
      bom([{ type: 'library', name: 'log4j-core', version: '2.14.1' }]),
      ['log4j-core@<2.17.0'],
      false,
      /^SBOM contains banned package log4j-core@2\.14\.1 \(rule log4j-core@<2\.17\.0\)$/,
    ],
    [
      'CycloneDX with log4j-core 2.17.1',
      PREDICATE.cyclonedx,
      bom([{ name: 'log4j-core', version: '2.17.1' }]),
      ['log4j-core@<2.17.0'],
      true,
      /1 package in SBOM, none banned/,
    ],
    [
      'CycloneDX, exact version rule',
      PREDICATE.cyclonedx,
      bom([{ name: 'log4j-core', version: '2.14.1' }]),
      ['log4j-core@2.14.1'],
      false,
      /^SBOM contains banned package log4j-core@2\.14\.1$/,
    ],
    [
      'CycloneDX, name-only rule',
      PREDICATE.cyclonedx,
      bom([{ name: 'Log4J-Core', version: '2.17.1' }]),
      ['log4j-core'],
      false,
      /banned package Log4J-Core@2\.17\.1/,
    ],
    [
      'CycloneDX nested three deep',
      PREDICATE.cyclonedx,
      bom([
        {
          name: 'app',
          components: [{ name: 'lib', components: [{ name: 'log4j-core', version: '2.0.0' }] }],
        },
      ]),
      ['log4j-core@>=2.0.0 <2.17.0'],
      false,
      /log4j-core@2\.0\.0/,
    ],
    [
      'CycloneDX with group:name rule',
      PREDICATE.cyclonedx,
      bom([{ group: 'org.apache.logging.log4j', name: 'log4j-core', version: '2.14.1' }]),
      ['org.apache.logging.log4j:log4j-core@<2.17.0'],
      false,
      /log4j-core@2\.14\.1/,
    ],
    [
      'CycloneDX metadata.component is checked',
      PREDICATE.cyclonedx,
      {
        bomFormat: 'CycloneDX',
        metadata: { component: { name: 'log4j-core', version: '2.1.0' } },
        components: [],
      },
      ['log4j-core@<2.17.0'],
      false,
      /log4j-core@2\.1\.0/,
    ],
    [
      'CycloneDX without version under a ranged rule',
      PREDICATE.cyclonedx,
      bom([{ name: 'log4j-core' }]),
      ['log4j-core@<2.17.0'],
      false,
      /log4j-core \(no version\)/,
    ],
    [
      'CycloneDX with unorderable version',
      PREDICATE.cyclonedx,
      bom([{ name: 'log4j-core', version: 'latest' }]),
      ['log4j-core@<2.17.0'],
      false,
      /log4j-core@latest \(rule log4j-core@<2\.17\.0, version not comparable with <2\.17\.0\)/,
    ],
    [
      'CycloneDX, two banned packages',
      PREDICATE.cyclonedx,
      bom([
        { name: 'log4j-core', version: '2.14.1' },
        { name: 'xz-utils', version: '5.6.0' },
      ]),
      ['log4j-core@<2.17.0', 'xz-utils@>=5.6.0 <=5.6.1'],
      false,
      /^SBOM contains banned packages log4j-core@2\.14\.1 .*, xz-utils@5\.6\.0/,
    ],
    [
      'SPDX JSON (cosign spdxjson) with log4j-core',
      PREDICATE.spdx,
      spdx([{ name: 'log4j-core', versionInfo: '2.14.1' }]),
      ['log4j-core@<2.17.0'],
      false,
      /log4j-core@2\.14\.1/,
    ],
    [
      'SPDX JSON without it',
      PREDICATE.spdx,
      spdx([{ name: 'openssl', versionInfo: '3.0.11' }]),
      ['log4j-core'],
      true,
      /none banned/,
    ],
    [
      'SPDX tag-value (cosign spdx stores text)',
      PREDICATE.spdx,
      SPDX_TAG_VALUE,
      ['log4j-core@<2.17.0'],
      false,
      /log4j-core@2\.14\.1/,
    ],
    [
      'SPDX JSON as text',
      PREDICATE.spdx,
      JSON.stringify(spdx([{ name: 'log4j-core', versionInfo: '2.14.1' }])),
      ['log4j-core'],
      false,
      /log4j-core@2\.14\.1/,
    ],
    [
      'SPDX in the cosign < 2.0 {Data} wrapper',
      PREDICATE.spdx,
      { Data: spdx([{ name: 'log4j-core', versionInfo: '2.14.1' }]), Timestamp: '' },
      ['log4j-core'],
      false,
      /log4j-core@2\.14\.1/,
    ],
    [
      'SPDX text in the {Data} wrapper',
      PREDICATE.spdx,
      { Data: SPDX_TAG_VALUE },
      ['log4j-core'],
      false,
      /log4j-core@2\.14\.1/,
    ],
    [
      'CycloneDX in the {Data} wrapper',
      PREDICATE.cyclonedx,
      { Data: bom([{ name: 'log4j-core', version: '2.14.1' }]) },
      ['log4j-core'],
      false,
      /log4j-core@2\.14\.1/,
    ],
    [
      'a CycloneDX type holding something else',
      PREDICATE.cyclonedx,
      { hello: 'world' },
      ['log4j-core'],
      false,
      /^SBOM unreadable: CycloneDX predicate is not a CycloneDX JSON document$/,
    ],
    [
      'SPDX text without SPDXVersion',
      PREDICATE.spdx,
      'PackageName: x',
      ['log4j-core'],
      false,
      /SBOM unreadable: SPDX predicate text has no SPDXVersion line/,
    ],
    [
      'SPDX text that is broken JSON',
      PREDICATE.spdx,
      '{"spdxVersion": ',
      ['log4j-core'],
      false,
      /SBOM unreadable: SBOM predicate text looks like JSON but does not parse/,
    ],
    [
      'SPDX JSON text with a duplicate key',
      PREDICATE.spdx,
      '{"spdxVersion":"SPDX-2.3","packages":[],"packages":[{"name":"x"}]}',
      ['log4j-core'],
      false,
      /SBOM unreadable/,
    ],
  ];
  it.each(cases)('%s', (_name, type, predicate, rules, ok, text) => {
    const r = checkDeniedPackages(
      statement(type, predicate),
      rules.map((x) => parsePackageRule(x)),
    );
    expect(r.ok).toBe(ok);
    expect(r.ok ? r.detail : r.reason).toMatch(text);
  });

  it('is not fooled by a package with the banned name as a prefix', () => {
    const r = checkDeniedPackages(
      statement(PREDICATE.cyclonedx, bom([{ name: 'log4j-core-shim', version: '1.0' }])),
      log4j,
    );
    expect(r.ok).toBe(true);
  });
});

const V02 = {
  builder: {
    id: 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml@refs/tags/v1.9.0',
  },
  buildType: 'https://github.com/slsa-framework/slsa-github-generator/container@v1',
  invocation: {
    configSource: {
      uri: 'git+https://github.com/acme/app@refs/heads/main',
      digest: { sha1: '3000999f1ff4cef12f7e00ab8074b8b033f55a9c' },
      entryPoint: '.github/workflows/release.yml',
    },
  },
  materials: [
    {
      uri: 'git+https://github.com/acme/app@refs/heads/main',
      digest: { sha1: '3000999f1ff4cef12f7e00ab8074b8b033f55a9c' },
    },
  ],
};
const V02_MATERIALS_ONLY = {
  builder: { id: 'https://cloudbuild.googleapis.com/GoogleHostedWorker' },
  materials: [
    { uri: 'git+https://github.com/acme/app.git@refs/tags/v1.2.3', digest: { sha1: 'abc' } },
  ],
};

function realProvenance(path: string): InTotoStatement {
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as { dsseEnvelope: { payload: string } };
  return JSON.parse(
    Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'),
  ) as InTotoStatement;
}
const FIX = `${import.meta.dirname}/../fixtures`;
const TELEPORT = realProvenance(
  `${FIX}/teleport-sigstoretest/v2/attestations/blobs/sha256~bc5f4fa5bb3ce15ba1f0a9ee34ab6f22d53c02f0c30049cf465442dd54e0c0b2`,
);
const CLI = realProvenance(
  `${FIX}/cli-cli-attestation/reusable-workflow-attestation.sigstore.json`,
);

describe('checkSlsa', () => {
  const v02 = statement(PREDICATE.slsaV02, V02);
  const cases: Array<
    [name: string, s: InTotoStatement, want: SlsaConditions, ok: boolean, text: RegExp]
  > = [
    [
      'v0.2: builder, repository and ref match',
      v02,
      {
        builderId: {
          regexp: 'https://github\\.com/slsa-framework/slsa-github-generator/.*@refs/tags/v1\\..*',
        },
        sourceRepository: { exact: 'https://github.com/acme/app' },
        sourceRef: { exact: 'refs/heads/main' },
      },
      true,
      /builder https:\/\/github.com\/slsa-framework.*source https:\/\/github.com\/acme\/app@refs\/heads\/main, commit 3000999f/,
    ],
    [
      'v0.2: wrong ref',
      v02,
      { sourceRef: { exact: 'refs/tags/v1.0.0' } },
      false,
      /^SLSA provenance source ref is 'refs\/heads\/main', expected refs\/tags\/v1\.0\.0$/,
    ],
    [
      'v0.2: wrong repository',
      v02,
      { sourceRepository: { exact: 'https://github.com/acme/other' } },
      false,
      /source repository is 'https:\/\/github.com\/acme\/app', expected https:\/\/github.com\/acme\/other/,
    ],
    [
      'v0.2: repository regexp is anchored (no prefix match)',
      v02,
      { sourceRepository: { regexp: 'https://github\\.com/acme/ap' } },
      false,
      /source repository is 'https:\/\/github\.com\/acme\/app', expected \/https:\/\/github\\\.com\/acme\/ap\/$/,
    ],
    [
      'v0.2: materials only, .git stripped',
      statement(PREDICATE.slsaV02, V02_MATERIALS_ONLY),
      {
        sourceRepository: { exact: 'https://github.com/acme/app' },
        sourceRef: { exact: 'refs/tags/v1.2.3' },
      },
      true,
      /source https:\/\/github.com\/acme\/app@refs\/tags\/v1.2.3/,
    ],
    [
      'v0.2: no builder at all',
      statement(PREDICATE.slsaV02, {}),
      { builderId: { exact: 'x' } },
      false,
      /builder id is absent, expected x/,
    ],
    [
      'v1 (teleport, attest-build-provenance): all match',
      TELEPORT,
      {
        builderId: {
          exact:
            'https://github.com/boxofrad/provenance-demo/.github/workflows/build.yaml@refs/heads/main',
        },
        sourceRepository: { exact: 'https://github.com/boxofrad/provenance-demo' },
        sourceRef: { exact: 'refs/heads/main' },
      },
      true,
      /commit 3000999f1ff4cef12f7e00ab8074b8b033f55a9c/,
    ],
    [
      'v1 (teleport): a rollback to another ref fails',
      TELEPORT,
      { sourceRef: { exact: 'refs/tags/v2.0.0' } },
      false,
      /source ref is 'refs\/heads\/main', expected refs\/tags\/v2\.0\.0/,
    ],
    [
      'v1 (cli/cli, reusable workflow): hosted-runner builder id',
      CLI,
      {
        builderId: { exact: 'https://github.com/actions/runner/github-hosted' },
        sourceRepository: { exact: 'https://github.com/malancas/attest-demo' },
      },
      true,
      /builder https:\/\/github.com\/actions\/runner\/github-hosted/,
    ],
    [
      'v1 (cli/cli): another owner fails',
      CLI,
      { sourceRepository: { regexp: 'https://github\\.com/acme/.*' } },
      false,
      /source repository is 'https:\/\/github.com\/malancas\/attest-demo'/,
    ],
    [
      'v1: resolvedDependencies when no workflow parameters',
      statement(PREDICATE.slsaV1, {
        buildDefinition: {
          buildType: 'x',
          externalParameters: {},
          resolvedDependencies: [
            {
              uri: 'git+https://gitlab.com/acme/app@refs/heads/release',
              digest: { gitCommit: 'def' },
            },
          ],
        },
        runDetails: { builder: { id: 'https://gitlab.com/runner' } },
      }),
      {
        sourceRepository: { exact: 'https://gitlab.com/acme/app' },
        sourceRef: { exact: 'refs/heads/release' },
      },
      true,
      /gitlab/,
    ],
    [
      'not provenance at all',
      statement(PREDICATE.spdx, {}),
      { builderId: { exact: 'x' } },
      false,
      /is not SLSA provenance/,
    ],
  ];
  it.each(cases)('%s', (_name, s, want, ok, text) => {
    const r = checkSlsa(s, want);
    expect(r.ok).toBe(ok);
    expect(r.ok ? r.detail : r.reason).toMatch(text);
  });

  it('reports every mismatch at once', () => {
    const r = checkSlsa(TELEPORT, {
      builderId: { exact: 'b' },
      sourceRepository: { exact: 'r' },
      sourceRef: { exact: 'f' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.split('; ')).toHaveLength(3);
  });
});

describe('formatDuration', () => {
  it.each([
    [30_000, '30s'],
    [45 * 60_000, '45m'],
    [48 * H, '48h'],
    [90 * 60_000, '1h30m'],
    [73 * H + 59_000, '73h'],
  ])('%d ms is %s', (ms, s) => expect(formatDuration(ms)).toBe(s));
});
