// Attestation policy end to end through the CLI bundle against a real docker-registry: the real
// `cosign attest` bundle from test/fixtures pushed with its exact subject image, and SBOM,
// vuln-scan and provenance attestations made by the test Sigstore, with every condition failing
// on content that breaks it and passing on content that meets it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushBundleReferrers } from '../helpers/cosign-push.js';
import { attachBundles, randomImage, startSigningRegistry } from '../helpers/images.js';
import { pushBlob, pushManifest } from '../helpers/oci-push.js';
import { ACME_WORKFLOW, ago, cosignVuln, cyclonedx, slsaV1 } from '../helpers/predicates.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';
import type { TestSigstore } from '../helpers/test-sigstore.js';
import type { Report } from '../../src/core/report.js';

const FIX = path.resolve(import.meta.dirname, '../fixtures/cosign-oci-attestation');
const ISSUER = 'https://token.actions.githubusercontent.com';
const BUILDER = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const SCANNER = 'https://github.com/acme/app/.github/workflows/scan.yml@refs/heads/main';

let reg: StartedRegistry;
let ss: TestSigstore;
let root: string;
const refs: Record<string, string> = {};
const HOUR = 3_600_000;

/** An image with a cosign v3 sign bundle and the given attestation bundles as referrers. */
async function imageWith(
  name: string,
  atts: Array<{
    predicateType: string;
    predicate: unknown;
    identity?: string;
    hint?: string;
    subject?: string;
  }>,
): Promise<void> {
  const img = await randomImage(reg, 'acme/app', name);
  await attachBundles({ reg, ss }, img, {
    sign: { identity: BUILDER, issuer: ISSUER },
    attestations: atts.map(({ identity, ...a }) => ({
      ...a,
      signer: { identity: identity ?? SCANNER, issuer: ISSUER },
    })),
  });
  refs[name] = img.ref;
}

const RELEASE_WORKFLOW = { ...ACME_WORKFLOW, path: '.github/workflows/release.yml' };

beforeAll(async () => {
  ({ reg, ss, root } = await startSigningRegistry('att-'));

  // The real `cosign attest` output and the exact bytes of the image it was made for.
  const manifest = await readFile(path.join(FIX, 'subject/manifest.json'));
  await pushBlob(reg.host, 'real/cosign', await readFile(path.join(FIX, 'subject/config.json')));
  const digest = await pushManifest(
    reg.host,
    'real/cosign',
    'v1',
    manifest,
    'application/vnd.docker.distribution.manifest.v2+json',
  );
  const bundle = await readFile(path.join(FIX, 'oci-attestation.sigstore.json'));
  await pushBundleReferrers(
    reg.host,
    'real/cosign',
    {
      digest,
      size: manifest.length,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    },
    [
      {
        bytes: Buffer.from(JSON.stringify(JSON.parse(bundle.toString()))),
        predicateType: 'https://cosign.sigstore.dev/attestation/v1',
      },
    ],
  );
  refs.real = `${reg.host}/real/cosign:v1`;

  await imageWith('clean', [
    {
      predicateType: 'https://cyclonedx.org/bom',
      predicate: cyclonedx([
        ['express', '4.19.2'],
        ['log4j-core', '2.17.1'],
      ]),
    },
    {
      predicateType: 'https://cosign.sigstore.dev/attestation/vuln/v1',
      predicate: cosignVuln(ago(HOUR), ['LOW']),
    },
    {
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: slsaV1('https://github.com/actions/runner/github-hosted', RELEASE_WORKFLOW),
      identity: BUILDER,
    },
  ]);
  await imageWith('log4shell', [
    {
      predicateType: 'https://cyclonedx.org/bom',
      predicate: cyclonedx([['log4j-core', '2.14.1']]),
    },
  ]);
  await imageWith('stale-scan', [
    {
      predicateType: 'https://cosign.sigstore.dev/attestation/vuln/v1',
      predicate: cosignVuln(ago(72 * HOUR)),
    },
  ]);
  await imageWith('critical', [
    {
      predicateType: 'https://cosign.sigstore.dev/attestation/vuln/v1',
      predicate: cosignVuln(ago(HOUR), ['CRITICAL', 'LOW']),
    },
  ]);
  // The referrer annotation claims SLSA; the verified statement is an SBOM.
  await imageWith('lying-hint', [
    {
      predicateType: 'https://cyclonedx.org/bom',
      predicate: cyclonedx([]),
      hint: 'https://slsa.dev/provenance/v1',
    },
  ]);
  await imageWith('other-signer', [
    {
      predicateType: 'https://cyclonedx.org/bom',
      predicate: cyclonedx([]),
      identity: 'https://github.com/evil/app/.github/workflows/x.yml@refs/heads/main',
    },
  ]);
  await imageWith('other-subject', [
    {
      predicateType: 'https://cyclonedx.org/bom',
      predicate: cyclonedx([]),
      subject: 'sha256:' + 'e'.repeat(64),
    },
  ]);
}, 120_000);

afterAll(async () => {
  await reg?.stop();
});

async function verify(args: string[]): Promise<{ code: number | null; report: Report }> {
  const r = await runCli(['verify', '--output', 'json', ...args]);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

const keyless = (): string[] => [
  '--trusted-root',
  root,
  '--certificate-identity',
  BUILDER,
  '--certificate-oidc-issuer',
  ISSUER,
  '--attestation-certificate-identity-regexp',
  'https://github\\.com/acme/app/\\.github/workflows/(scan|release)\\.yml@refs/heads/main',
  '--attestation-certificate-oidc-issuer',
  ISSUER,
];

describe('real cosign attest bundle', () => {
  it('verifies offline with the right identity and type, on attestations alone', async () => {
    const { code, report } = await verify([
      '--offline',
      '--require-signature=false',
      '--certificate-identity',
      'cody@soyland.com',
      '--certificate-oidc-issuer',
      'https://github.com/login/oauth',
      '--attestation',
      'custom',
      refs.real,
    ]);
    expect(report.results[0]).toMatchObject({
      outcome: 'verified',
      digest: 'sha256:732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4',
    });
    expect(report.results[0].attestations[0]).toMatchObject({
      predicateType: 'https://cosign.sigstore.dev/attestation/v1',
      verified: true,
    });
    expect(code).toBe(0);
  });

  it('fails when a type the bundle does not carry is required', async () => {
    const { code, report } = await verify([
      '--offline',
      '--require-signature=false',
      '--certificate-identity',
      'cody@soyland.com',
      '--certificate-oidc-issuer',
      'https://github.com/login/oauth',
      '--attestation',
      'slsaprovenance1',
      refs.real,
    ]);
    expect(code).toBe(1);
    expect(report.results[0]).toMatchObject({ code: 'ATTESTATION_MISSING' });
  });

  it('fails with another identity', async () => {
    const { code } = await verify([
      '--offline',
      '--require-signature=false',
      '--certificate-identity',
      'someone@else.com',
      '--certificate-oidc-issuer',
      'https://github.com/login/oauth',
      '--attestation',
      'custom',
      refs.real,
    ]);
    expect(code).toBe(1);
  });
});

describe('attestation conditions', () => {
  it('passes an image whose SBOM, fresh clean scan and provenance meet every condition', async () => {
    const { code, report } = await verify([
      ...keyless(),
      '--attestation',
      'cyclonedx',
      '--attestation',
      'vuln',
      '--attestation',
      'slsaprovenance1',
      '--fail-on-severity',
      'critical,high',
      '--deny-package',
      'log4j-core@<2.17.0',
      '--builder-id',
      'https://github.com/actions/runner/github-hosted',
      refs.clean,
    ]);
    expect(report.results[0].reason).toBeUndefined();
    expect(code).toBe(0);
    expect(report.results[0].attestations.map((a) => a.predicateType).sort()).toEqual([
      'https://cosign.sigstore.dev/attestation/vuln/v1',
      'https://cyclonedx.org/bom',
      'https://slsa.dev/provenance/v1',
    ]);
    expect(report.policy.attestations?.conditions).toMatchObject({ 'max-vuln-age': '48h' });
  });

  it.each([
    [
      'log4shell',
      ['--attestation', 'cyclonedx', '--deny-package', 'log4j-core@<2.17.0'],
      'POLICY_VIOLATION',
      /banned package log4j-core@2\.14\.1/,
    ],
    ['stale-scan', ['--attestation', 'vuln'], 'POLICY_VIOLATION', /7[12]h old, limit 48h/],
    [
      'critical',
      ['--attestation', 'vuln', '--fail-on-severity', 'critical,high'],
      'POLICY_VIOLATION',
      /CVE-2024-0000/,
    ],
    [
      'lying-hint',
      ['--attestation', 'slsaprovenance1'],
      'ATTESTATION_MISSING',
      /SLSA provenance v1/,
    ],
    ['other-signer', ['--attestation', 'cyclonedx'], 'ATTESTATION_MISSING', /cyclonedx|CycloneDX/i],
    [
      'other-subject',
      ['--attestation', 'cyclonedx'],
      'ATTESTATION_MISSING',
      /cyclonedx|CycloneDX/i,
    ],
    [
      'clean',
      ['--attestation', 'vuln', '--max-vuln-age', '30m'],
      'POLICY_VIOLATION',
      /limit 0\.5h|limit 30m/,
    ],
    [
      'clean',
      ['--attestation', 'slsaprovenance1', '--builder-id', 'https://evil.example/builder'],
      'POLICY_VIOLATION',
      /evil\.example/,
    ],
  ])('fails %s with %s', async (name, args, code, reason) => {
    const r = await verify([...keyless(), ...args, refs[name]]);
    expect(r.report.results[0]).toMatchObject({ outcome: 'failed', code });
    expect(r.report.results[0].reason).toMatch(reason);
    expect(r.code).toBe(1);
    // The attestation that did not count is on record with why.
    const rejectedCodes = (r.report.results[0].rejected ?? []).map((x) => x.code);
    if (name === 'other-signer') expect(rejectedCodes).toContain('UNTRUSTED_SIGNER');
    if (name === 'other-subject') expect(rejectedCodes).toContain('PAYLOAD_MISMATCH');
  });

  it('rejects an unknown attestation type before any network I/O (exit 2)', async () => {
    const r = await runCli(['verify', ...keyless(), '--attestation', 'sbom', refs.clean]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^image-gate: --attestation: 'sbom' is not a known predicate type/);
  });
});
