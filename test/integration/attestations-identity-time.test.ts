// Issue 10 items 8 and 9 end to end through dist/cli.js against a real docker-registry, with
// attestations signed here by the test Sigstore: SBOM deny rules by purl and Maven coordinates
// (SPDX 2.3 and CycloneDX 1.5 as syft writes them), and a vuln scan whose claimed finish time is
// later than the verified Rekor time of the statement carrying it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachBundles, randomImage, startSigningRegistry } from '../helpers/images.js';
import { cosignVuln, cyclonedx, spdx } from '../helpers/predicates.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';
import type { TestSigstore } from '../helpers/test-sigstore.js';
import type { Report } from '../../src/core/report.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
const SIGNER = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REPO = 'acme/app';

let reg: StartedRegistry;
let ss: TestSigstore;
let root: string;
const refs: Record<string, string> = {};

/** An SPDX 2.3 document as syft writes it, with one log4j-core package of `version`. */
const spdxLog4j = (version: string): unknown =>
  spdx(
    [
      {
        name: 'log4j-core',
        SPDXID: 'SPDXRef-Package-java-archive-1',
        versionInfo: version,
        filesAnalyzed: false,
        cpe: `cpe:2.3:a:apache:log4j:${version}:*:*:*:*:*:*:*`,
        purl: `${LOG4J}@${version}`,
      },
    ],
    { name: 'ghcr.io/acme/app', creator: 'syft-1.4.1' },
  );

/** A CycloneDX 1.5 BOM as syft writes it, with one library `component`. */
const cdx = (component: Record<string, unknown>): unknown =>
  cyclonedx([{ type: 'library', ...component }], { version: 1, image: 'ghcr.io/acme/app' });

/** An image with a keyless sign bundle and attestation bundles, each logged at `signedAt`. */
async function imageWith(
  name: string,
  atts: Array<{ predicateType: string; predicate: unknown; signedAt?: Date }>,
): Promise<void> {
  const img = await randomImage(reg, REPO, name);
  const signer = { identity: SIGNER, issuer: ISSUER };
  await attachBundles({ reg, ss }, img, {
    sign: signer,
    attestations: atts.map((a) => ({ ...a, signer, subjectName: `${reg.host}/${REPO}` })),
  });
  refs[name] = img.ref;
}

const SPDX_T = 'https://spdx.dev/Document';
const CDX_T = 'https://cyclonedx.org/bom';
const VULN_T = 'https://cosign.sigstore.dev/attestation/vuln/v1';
const LOG4J = 'pkg:maven/org.apache.logging.log4j/log4j-core';

beforeAll(async () => {
  ({ reg, ss, root } = await startSigningRegistry('att-idt-'));
  const now = Date.now();
  await imageWith('spdx-purl', [{ predicateType: SPDX_T, predicate: spdxLog4j('2.14.1') }]);
  await imageWith('spdx-fixed', [{ predicateType: SPDX_T, predicate: spdxLog4j('2.17.1') }]);
  await imageWith('cdx-purl-no-group', [
    {
      predicateType: CDX_T,
      predicate: cdx({ name: 'log4j-core', version: '2.14.1', purl: `${LOG4J}@2.14.1` }),
    },
  ]);
  await imageWith('cdx-renamed', [
    {
      predicateType: CDX_T,
      predicate: cdx({ name: 'logging', purl: `${LOG4J}@2.17.0-rc1?type=jar` }),
    },
  ]);
  // Signed (logged) 20 days ago, claiming the scan finished an hour ago.
  await imageWith('scan-after-signature', [
    {
      predicateType: VULN_T,
      predicate: cosignVuln(new Date(now - HOUR)),
      signedAt: new Date(now - 20 * DAY),
    },
  ]);
  await imageWith('scan-honest', [
    {
      predicateType: VULN_T,
      predicate: cosignVuln(new Date(now - HOUR)),
      signedAt: new Date(now - HOUR + 30_000),
    },
  ]);
}, 120_000);

afterAll(async () => {
  await reg?.stop();
});

async function verify(args: string[]): Promise<{ code: number | null; report: Report }> {
  const r = await runCli([
    'verify',
    '--output',
    'json',
    '--trusted-root',
    root,
    '--certificate-identity',
    SIGNER,
    '--certificate-oidc-issuer',
    ISSUER,
    ...args,
  ]);
  try {
    return { code: r.code, report: JSON.parse(r.stdout) as Report };
  } catch {
    throw new Error(`no JSON report (exit ${r.code}): ${r.stderr}`);
  }
}

describe('deny-packages by purl and Maven coordinates (issue 10 item 8)', () => {
  const rules = [
    'org.apache.logging.log4j:log4j-core@<2.17.0',
    'pkg:maven/org.apache.logging.log4j/log4j-core@<2.17.0',
    'PKG:MAVEN/org.apache.logging.log4j/log4j%2Dcore@%3C2.17.0',
    'log4j-core@<2.17.0',
  ];
  const images: Array<[string, number, RegExp?]> = [
    ['spdx-purl', 1, /banned package log4j-core@2\.14\.1/],
    ['cdx-purl-no-group', 1, /banned package log4j-core@2\.14\.1/],
    [
      'cdx-renamed',
      1,
      /banned package logging@2\.17\.0-rc1 .*purl pkg:maven\/org\.apache\.logging\.log4j\/log4j-core/,
    ],
    ['spdx-fixed', 0],
  ];
  for (const rule of rules)
    it.each(images)(`%s under '${rule}': exit %d`, async (name, exit, reason) => {
      const { code, report } = await verify(['--deny-package', rule, refs[name]]);
      const r = report.results[0];
      if (reason) {
        expect(r).toMatchObject({ outcome: 'failed', code: 'POLICY_VIOLATION' });
        expect(r.reason).toMatch(reason);
        expect(r.attestations[0].checks?.[0]).toMatchObject({
          condition: 'deny-packages',
          ok: false,
        });
      } else expect(r.reason).toBeUndefined();
      expect(code).toBe(exit);
    });

  it.each([
    ['org.apache.logging.log4j:log4j-core:2.14.1', /more than one ':'/],
    [
      'pkg:maven/org.apache.logging.log4j/log4j%ZZcore@<2.17.0',
      /is not a package URL: name .* broken percent-encoding/,
    ],
    ['pkg:maven/org.apache.logging.log4j/log4j-core@^2.17.0', /not a comparator/],
  ])('refuses the deny entry %j as a usage error naming it (exit 2)', async (rule, re) => {
    // The front end parses the flag: refused before any run, naming the flag and the entry.
    const r = await runCli(['verify', '--key', 'k.pub', '--deny-package', rule, refs['spdx-purl']]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^image-gate: --deny-package: /);
    expect(r.stderr).toContain(`'${rule}'`);
    expect(r.stderr).toMatch(re);
  });
});

describe('max-vuln-age is bounded by the verified signing time (issue 10 item 9)', () => {
  it('fails a scan claiming 1 h inside a statement logged 20 days ago, naming both times', async () => {
    const { code, report } = await verify(['--attestation', 'vuln', refs['scan-after-signature']]);
    const r = report.results[0];
    expect(r).toMatchObject({ outcome: 'failed', code: 'POLICY_VIOLATION' });
    const signedAt = r.attestations[0].signedAt!;
    expect(Date.now() - Date.parse(signedAt)).toBeGreaterThan(19 * DAY);
    expect(r.reason).toMatch(
      /^vuln scan claims it finished at \S+Z, 4\d\dh(\d+m)? after its attestation's verified signing time \S+Z/,
    );
    expect(r.reason).toContain(signedAt);
    expect(code).toBe(1);
  });

  it('passes the same scan signed right after it finished', async () => {
    const { code, report } = await verify(['--attestation', 'vuln', refs['scan-honest']]);
    expect(report.results[0].reason).toBeUndefined();
    expect(report.results[0].attestations[0].checks?.[0]).toMatchObject({
      condition: 'max-vuln-age',
      ok: true,
      message: expect.stringMatching(/^vuln scan (59m|1h|1h\d+m) old \(limit 48h\)$/),
    });
    expect(code).toBe(0);
  });
});
