// Time claims inside an attestation are bounded by its verified signing time (Rekor SET or
// RFC 3161): a vuln scan's `scanFinishedOn` and an OpenVEX statement's `timestamp` can never be
// later than the signature over them, and without a verified time they cannot show freshness.
import { describe, expect, it } from 'vitest';
import { checkVulnAge } from '../../src/core/attestations/vuln-conditions.js';
import {
  evaluateAttestations,
  type VerifiedAttestation,
} from '../../src/core/attestations/evaluate.js';
import { PREDICATE, type AttestationConditions } from '../../src/core/attestations/types.js';
import type { InTotoStatement } from '../../src/core/signatures/statement.js';
import { inTotoStatement } from '../helpers/predicates.js';
import type { SignatureEvidence } from '../../src/core/types.js';

const DIGEST = 'e'.repeat(64);
const NOW = new Date('2026-03-01T12:00:00Z');
const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;
const ago = (ms: number): Date => new Date(NOW.getTime() - ms);

const statement = (predicateType: string, predicate: unknown): InTotoStatement =>
  inTotoStatement(DIGEST, predicateType, predicate, 'ghcr.io/acme/app');

function trivyScan(finishedOn: string, vulns: string[] = []): InTotoStatement {
  return statement(PREDICATE.cosignVuln, {
    invocation: { uri: 'https://github.com/acme/app/actions/runs/7', event_id: '7' },
    scanner: {
      uri: 'pkg:github/aquasecurity/trivy@0.50.0',
      version: '0.50.0',
      db: { uri: '', version: '' },
      result: {
        SchemaVersion: 2,
        ArtifactName: 'ghcr.io/acme/app',
        Results: [
          {
            Target: 'ghcr.io/acme/app (debian 12.5)',
            Vulnerabilities: vulns.map((id) => ({
              VulnerabilityID: id,
              PkgName: 'openssl',
              InstalledVersion: '3.0.11-1~deb12u2',
              Severity: 'CRITICAL',
            })),
          },
        ],
      },
    },
    metadata: { scanStartedOn: finishedOn, scanFinishedOn: finishedOn },
  });
}

/** Keyless evidence with a Rekor time, or key evidence with no verified time at all. */
function evidence(signedAt: Date | undefined): SignatureEvidence {
  return signedAt === undefined
    ? { kind: 'key', format: 'bundle-referrer', keyRef: 'cosign.pub', keyID: 'ab12' }
    : {
        kind: 'keyless',
        format: 'bundle-referrer',
        identity: 'https://github.com/acme/app/.github/workflows/scan.yml@refs/heads/main',
        issuer: 'https://token.actions.githubusercontent.com',
        signedAt: signedAt.toISOString(),
        tlog: {
          logIndex: '9',
          integratedTime: String(Math.floor(signedAt.getTime() / 1000)),
          logID: 'd'.repeat(64),
          uuid: 'e'.repeat(64),
        },
      };
}

let n = 0;
function att(s: InTotoStatement, signedAt: Date | undefined): VerifiedAttestation {
  return {
    statement: s,
    evidence: evidence(signedAt),
    where: `referrer sha256:${String(++n).padStart(64, '0')}`,
    format: 'bundle-referrer',
  };
}

const scanAtt = (finished: Date, signedAt: Date | undefined, vulns: string[] = []) =>
  att(trivyScan(finished.toISOString(), vulns), signedAt);

function vexAtt(
  status: string,
  timestamp: Date,
  signedAt: Date | undefined,
  id = 'CVE-2024-0727',
): VerifiedAttestation {
  return att(
    statement('https://openvex.dev/ns/v0.2.0', {
      '@context': 'https://openvex.dev/ns/v0.2.0',
      '@id': `https://acme.example/vex/${++n}`,
      author: 'security@acme.example',
      timestamp: timestamp.toISOString(),
      version: 1,
      statements: [
        {
          vulnerability: { name: id },
          products: [{ '@id': `pkg:oci/app@sha256%3A${DIGEST}` }],
          status,
          ...(status === 'not_affected'
            ? { justification: 'vulnerable_code_not_in_execute_path' }
            : {}),
        },
      ],
    }),
    signedAt,
  );
}

describe('checkVulnAge bounds the claim by the verified signing time', () => {
  const cases: Array<
    [name: string, finished: Date, signed: Date | undefined, ok: boolean, text: RegExp]
  > = [
    [
      'a scan claiming 1 h inside a statement signed 20 days ago (issue 10 item 9)',
      ago(H),
      ago(20 * D),
      false,
      /^vuln scan claims it finished at 2026-03-01T11:00:00\.000Z, 479h after its attestation's verified signing time 2026-02-09T12:00:00\.000Z: a scan cannot finish after the signature over it$/,
    ],
    ['a scan claiming 1 h, signed 30 s later', ago(H), ago(H - 30_000), true, /^vuln scan 1h old/],
    [
      'a claim 10 minutes after the signature',
      ago(H),
      ago(H + 10 * MIN),
      false,
      /10m after its attestation's verified signing time 2026-03-01T10:50:00\.000Z/,
    ],
    [
      'a claim 47 h after a signature 48 h 10 m old, limit 48 h',
      ago(70 * MIN),
      ago(48 * H + 10 * MIN),
      false,
      /claims it finished at .* after its attestation's verified signing time/,
    ],
    [
      'a claim 4 minutes after the signature (clock skew): the age runs from the signature',
      ago(47 * H + 56 * MIN),
      ago(48 * H + 1 * MIN),
      false,
      /^vuln scan 48h1m old, limit 48h$/,
    ],
    [
      'a claim 1 s after the signature (Rekor times are whole seconds)',
      ago(H - 1000),
      ago(H),
      true,
      /^vuln scan 1h old \(limit 48h\)$/,
    ],
    ['claim and signature at the same instant', ago(2 * H), ago(2 * H), true, /2h old/],
    [
      'an honest scan 72 h old signed 1 h ago: the claim decides',
      ago(72 * H),
      ago(H),
      false,
      /^vuln scan 72h old, limit 48h$/,
    ],
    [
      'no verified signing time (key, no tlog, no TSA)',
      ago(H),
      undefined,
      false,
      /^vuln scan says it finished at 2026-03-01T11:00:00\.000Z, but its attestation has no verified signing time .* cannot show the scan is fresh$/,
    ],
    [
      'an unparseable verified time counts as none',
      ago(H),
      new Date('garbage'),
      false,
      /no verified signing time/,
    ],
  ];
  it.each(cases)('%s', (_name, finished, signed, ok, text) => {
    const r = checkVulnAge(trivyScan(finished.toISOString()), 48 * H, NOW, signed);
    expect(r.ok).toBe(ok);
    expect(r.ok ? r.detail : r.reason).toMatch(text);
  });

  it('still refuses a scan from the future before anything else', () => {
    const r = checkVulnAge(trivyScan('2026-03-02T12:00:00Z'), 48 * H, NOW, NOW);
    expect(r).toEqual({
      ok: false,
      reason: 'vuln scan finished 24h in the future (2026-03-02T12:00:00Z)',
    });
  });
});

describe('evaluateAttestations: freshness across scans uses trusted times', () => {
  const age: AttestationConditions = { maxVulnAgeMs: 48 * H };
  const req = (c: AttestationConditions) => ({ types: [PREDICATE.cosignVuln], conditions: c });
  const cases: Array<
    [name: string, verified: VerifiedAttestation[], ok: boolean, reason?: RegExp]
  > = [
    [
      'one scan claiming 1 h, signed 20 days ago',
      [scanAtt(ago(H), ago(20 * D))],
      false,
      /^vuln scan claims it finished at .*verified signing time 2026-02-09T12:00:00\.000Z/,
    ],
    [
      'a stale honest scan and a stale statement that claims to be fresh',
      [scanAtt(ago(72 * H), ago(72 * H)), scanAtt(ago(H), ago(72 * H - 1000))],
      false,
      /claims it finished at .*after its attestation's verified signing time/,
    ],
    [
      'a stale honest scan and a fresh claim with no verified time: the verified one decides',
      [scanAtt(ago(72 * H), ago(72 * H)), scanAtt(ago(H), undefined)],
      false,
      /^vuln scan 72h old, limit 48h \(referrer sha256:/,
    ],
    [
      'a fresh verified scan beside an unverified one: fresh wins',
      [scanAtt(ago(2 * H), ago(2 * H)), scanAtt(ago(H), undefined)],
      true,
    ],
    [
      'a fresh verified scan beside an old statement that lies about its time: the lie fails',
      [scanAtt(ago(2 * H), ago(2 * H)), scanAtt(ago(30 * MIN), ago(20 * D))],
      false,
      /^vuln scan claims it finished at .*2026-02-09T12:00:00\.000Z.*\(referrer sha256:/,
    ],
    [
      'only scans without a verified time',
      [scanAtt(ago(H), undefined), scanAtt(ago(2 * H), undefined)],
      false,
      /has no verified signing time/,
    ],
    [
      'two honest scans, old and fresh',
      [scanAtt(ago(72 * H), ago(72 * H)), scanAtt(ago(H), ago(H))],
      true,
    ],
  ];
  it.each(cases)('%s', (_name, verified, ok, reason) => {
    const v = evaluateAttestations(verified, req(age), NOW, `sha256:${DIGEST}`);
    expect(v.ok).toBe(ok);
    if (reason) expect(v.reason).toMatch(reason);
    if (!ok) expect(v.code).toBe('POLICY_VIOLATION');
  });

  it('records the failing check on the attestation that made the false claim', () => {
    const v = evaluateAttestations([scanAtt(ago(H), ago(20 * D))], req(age), NOW);
    expect(v.attestations[0].checks?.[0]).toMatchObject({
      condition: 'max-vuln-age',
      ok: false,
      message: expect.stringMatching(/2026-03-01T11:00:00\.000Z.*2026-02-09T12:00:00\.000Z/),
    });
  });
});

describe('evaluateAttestations: OpenVEX timestamps are bounded by the verified time', () => {
  const sev = {
    types: [PREDICATE.cosignVuln],
    conditions: { failOnSeverity: ['critical' as const] },
  };
  const scan = (): VerifiedAttestation => scanAtt(ago(H), ago(H - 30_000), ['CVE-2024-0727']);
  const cases: Array<[name: string, vex: VerifiedAttestation[], suppressed: boolean]> = [
    [
      'an old not_affected dated ahead of its signature does not supersede a newer affected',
      [vexAtt('not_affected', NOW, ago(20 * D)), vexAtt('affected', ago(D), ago(D))],
      false,
    ],
    [
      'the same, listed the other way round',
      [vexAtt('affected', ago(D), ago(D)), vexAtt('not_affected', NOW, ago(20 * D))],
      false,
    ],
    [
      'a not_affected without a verified time cannot supersede a verified affected',
      [vexAtt('affected', ago(D), ago(D)), vexAtt('not_affected', ago(MIN), undefined)],
      false,
    ],
    [
      'a verified not_affected signed after the affected does supersede it',
      [vexAtt('affected', ago(D), ago(D)), vexAtt('not_affected', ago(2 * H), ago(2 * H))],
      true,
    ],
    [
      'an affected dated ahead of its signature loses to a later verified not_affected',
      [vexAtt('affected', NOW, ago(D)), vexAtt('not_affected', ago(2 * H), ago(2 * H))],
      true,
    ],
    [
      'a lone not_affected without a verified time still speaks',
      [vexAtt('not_affected', ago(D), undefined)],
      true,
    ],
    [
      'equal trusted times across documents: the finding stays open',
      [vexAtt('not_affected', ago(D), ago(D)), vexAtt('affected', ago(D), ago(D))],
      false,
    ],
  ];
  it.each(cases)('%s', (_name, vex, suppressed) => {
    const v = evaluateAttestations([scan(), ...vex], sev, NOW, `sha256:${DIGEST}`);
    expect(v.ok).toBe(suppressed);
    if (!suppressed) expect(v.reason).toMatch(/CVE-2024-0727 \(critical/);
  });

  it("keeps a document's own order when it has no verified time", () => {
    const doc = att(
      statement(PREDICATE.openvex, {
        '@context': 'https://openvex.dev/ns/v0.2.0',
        timestamp: ago(D).toISOString(),
        statements: [
          {
            vulnerability: { name: 'CVE-2024-0727' },
            status: 'under_investigation',
            timestamp: ago(3 * D).toISOString(),
          },
          {
            vulnerability: { name: 'CVE-2024-0727' },
            status: 'not_affected',
            timestamp: ago(D).toISOString(),
          },
        ],
      }),
      undefined,
    );
    expect(evaluateAttestations([scan(), doc], sev, NOW, `sha256:${DIGEST}`).ok).toBe(true);
  });
});
