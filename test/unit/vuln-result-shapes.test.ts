// Vulnerability results that show no scan, or two answers, are unreadable, never "no findings"
// (session 15 review): SARIF 2.1.0 §3.14.23 reads a run's absent or null `results` as "could not
// determine", a log with no run shows nothing, and a result that reads as two formats has two
// verdicts. A null or empty `security-severity` is no score, not a score of 0.
import { describe, expect, it } from 'vitest';
import { checkVulnSeverity } from '../../src/core/attestations/vuln-conditions.js';
import { PREDICATE } from '../../src/core/attestations/types.js';
import type { InTotoStatement } from '../../src/core/signatures/statement.js';
import { inTotoStatement } from '../helpers/predicates.js';

const DIGEST = 'a'.repeat(64);
const st = (t: string, p: unknown): InTotoStatement =>
  inTotoStatement(DIGEST, t, p, 'registry.example/app');

const scan = (result: unknown): InTotoStatement =>
  st(PREDICATE.cosignVuln, {
    scanner: { uri: 'pkg:github/aquasecurity/trivy', version: '0.50.0', result },
    metadata: { scanFinishedOn: '2026-03-01T11:00:00Z' },
  });

const CRIT = {
  Results: [
    { Target: 'x', Vulnerabilities: [{ VulnerabilityID: 'CVE-2021-44228', Severity: 'CRITICAL' }] },
  ],
};

describe('vuln results that show no scan or two answers', () => {
  it('SARIF run with results: null (SARIF 2.1.0 §3.14.23: the tool could not determine results) must not pass', () => {
    const r = checkVulnSeverity(
      scan({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Trivy' } }, results: null }] }),
      ['critical', 'high'],
    );
    expect(r.ok).toBe(false);
  });

  it('SARIF with no run at all (runs: []) must not pass', () => {
    const r = checkVulnSeverity(scan({ version: '2.1.0', runs: [] }), ['critical', 'high']);
    expect(r.ok).toBe(false);
  });

  it('a result that is both SARIF (empty) and Trivy (a critical) must not pass on the SARIF reading', () => {
    const r = checkVulnSeverity(scan({ runs: [], ...CRIT }), ['critical', 'high']);
    expect(r.ok).toBe(false);
  });

  it('Trivy Results: null beside Grype matches with a critical must not pass', () => {
    const r = checkVulnSeverity(
      scan({
        Results: null,
        matches: [
          {
            vulnerability: { id: 'CVE-2021-44228', severity: 'Critical' },
            artifact: { name: 'log4j-core' },
          },
        ],
      }),
      ['critical', 'high'],
    );
    expect(r.ok).toBe(false);
  });
});

describe('SARIF security-severity', () => {
  it.each([null, ''])('security-severity %j on the result hides a CRITICAL/error rule', (v) => {
    const r = checkVulnSeverity(
      scan({
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'Trivy',
                rules: [
                  {
                    id: 'CVE-2021-44228',
                    defaultConfiguration: { level: 'error' },
                    properties: {
                      tags: ['vulnerability', 'CRITICAL'],
                      'security-severity': '10.0',
                    },
                  },
                ],
              },
            },
            results: [
              {
                ruleId: 'CVE-2021-44228',
                ruleIndex: 0,
                level: 'error',
                properties: { 'security-severity': v },
              },
            ],
          },
        ],
      }),
      ['critical', 'high'],
    );
    expect(r.ok).toBe(false);
  });
});

describe('vuln results still read as before', () => {
  const sarif = (results: unknown[], rules: unknown[] = []) =>
    scan({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Trivy', rules } }, results }] });
  it('a SARIF run with an empty results array is a scan with no findings', () => {
    expect(checkVulnSeverity(sarif([]), ['critical', 'high']).ok).toBe(true);
  });
  it.each([
    ['9.8', false],
    [9.8, false],
    [' 7.0 ', false],
    ['3.1', true],
  ])('security-severity %j decides by its score', (v, ok) => {
    expect(
      checkVulnSeverity(
        sarif([{ ruleId: 'CVE-1', level: 'note', properties: { 'security-severity': v } }]),
        ['critical', 'high'],
      ).ok,
    ).toBe(ok);
  });
  it('a Trivy report with Results: null alone is a scan with no findings (as Trivy writes it)', () => {
    expect(checkVulnSeverity(scan({ Results: null }), ['critical', 'high']).ok).toBe(true);
  });
  it('names why a result is unreadable', () => {
    const r = checkVulnSeverity(scan({ runs: [], ...CRIT }), ['critical', 'high']);
    expect(JSON.stringify(r)).toMatch(/more than one of SARIF, Trivy JSON and Grype JSON/);
    const n = checkVulnSeverity(scan({ version: '2.1.0', runs: [{ results: null }] }), [
      'critical',
    ]);
    expect(JSON.stringify(n)).toMatch(/runs\[0\] has no results array/);
  });
});
