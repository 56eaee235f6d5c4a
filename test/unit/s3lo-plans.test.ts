// Issue 10 item 3: an s3lo store holds a tag's manifest and key-signature records only, so an s3lo
// image under a plan that asks for more (attestations, conditions, require-signature=false,
// platforms, keyless signers) is refused before any I/O (exit 2) naming the images and what they
// cannot meet, from options and from policy-file rules. Each refusal is paired with the same store
// passing without the requirement: the record alone would otherwise have carried the verdict.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePackageRule } from '../../src/core/attestations/package-rule.js';
import { PREDICATE } from '../../src/core/attestations/types.js';
import { runGate } from '../../src/core/gate.js';
import { DEFAULTS, type GateOptions } from '../../src/core/options.js';
import type { Report } from '../../src/core/report.js';
import { exitCode } from '../../src/core/report-outcome.js';
import { parseS3loReference } from '../../src/core/s3lo/reference.js';
import {
  localSink,
  makeTestKey,
  pushS3loImage,
  sampleManifest,
  signS3loImage,
} from '../helpers/s3lo.js';

const signer = makeTestKey('ecdsa-p256', 'release.pub');
const IMAGES = ['local://store/app:v1', 'local://./store/team/api:v2'];
let dir: string;
let keyPath: string;
let before: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 's3lo-plans-'));
  keyPath = path.join(dir, 'release.pub');
  await writeFile(keyPath, signer.key.pem);
  for (const image of IMAGES) {
    const ref = parseS3loReference(image);
    const manifest = sampleManifest(image);
    const sink = localSink(path.join(dir, ref.bucket));
    await pushS3loImage(sink, ref, manifest);
    await signS3loImage(sink, ref, manifest, signer);
  }
  // local:// roots are relative to the working directory, as in s3lo (the forks pool allows it).
  before = process.cwd();
  process.chdir(dir);
});
afterAll(async () => {
  process.chdir(before);
  await rm(dir, { recursive: true, force: true });
});

function options(over: Partial<GateOptions>): GateOptions {
  return {
    images: IMAGES,
    keys: [keyPath],
    insecureIgnoreTlog: false,
    insecureIgnoreSct: false,
    offline: true,
    concurrency: DEFAULTS.concurrency,
    failFast: false,
    insecureRegistries: [],
    registryCredentials: [],
    timeoutMs: 30_000,
    requireAllKeys: false,
    ...over,
  };
}

function expectRefused(report: Report, ...parts: RegExp[]): void {
  expect(report.error?.code).toBe('USAGE');
  expect(exitCode(report.outcome)).toBe(2);
  for (const p of parts) expect(report.error?.message).toMatch(p);
  expect(report.results.every((r) => r.outcome === 'error' && !r.verified)).toBe(true);
  // Nothing was read: the refusal comes before verification.
  expect(report.results.every((r) => r.signatures.length === 0)).toBe(true);
}

describe('s3lo images under options they cannot meet', () => {
  it('verify on their records with a key alone (the control)', async () => {
    const report = await runGate(options({}));
    expect(report.results.map((r) => r.outcome)).toEqual(['verified', 'verified']);
    expect(exitCode(report.outcome)).toBe(0);
  });

  it.each<[string, Partial<GateOptions>, RegExp]>([
    ['an attestation', { attestations: [PREDICATE.slsaV1] }, /attestations SLSA provenance v1/],
    [
      'several attestations',
      { attestations: [PREDICATE.cosignVuln, PREDICATE.cyclonedx] },
      /attestations vuln scan, CycloneDX SBOM/,
    ],
    // The 48 h default age comes with it (a scan judged is held to an age).
    [
      'fail-on-severity alone',
      { failOnSeverity: ['critical'] },
      /conditions max-vuln-age, fail-on-severity/,
    ],
    ['max-vuln-age alone', { maxVulnAgeMs: 24 * 3_600_000 }, /conditions max-vuln-age/],
    [
      'deny-packages alone',
      { denyPackages: [parsePackageRule('log4j-core@<2.17.0')] },
      /conditions deny-packages/,
    ],
    ['builder-id alone', { builderId: 'https://github.com/x/y' }, /conditions builder-id/],
    [
      'provenance source fields',
      {
        provenanceSourceRepository: 'https://github.com/acme/app',
        provenanceSourceRef: 'refs/heads/main',
      },
      /provenance-source-repository, provenance-source-ref/,
    ],
    [
      'require-signature=false with provenance fields',
      { requireSignature: false, builderId: 'https://github.com/x/y' },
      /require-signature=false/,
    ],
    [
      'require-signature=false with attestation signers of their own',
      {
        keys: [],
        requireSignature: false,
        attestations: [PREDICATE.slsaV1],
        attestationKeys: ['KEY'],
      },
      /require-signature=false/,
    ],
    ['platforms', { platforms: 'all' }, /platforms/],
    [
      'keyless signers only',
      {
        keys: [],
        certificateIdentity: 'https://github.com/acme/app/.github/workflows/r.yml@refs/heads/main',
        certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
      },
      /names only keyless identities/,
    ],
    [
      'a signer workflow only',
      { keys: [], signerWorkflow: 'acme/app/.github/workflows/release.yml' },
      /names only keyless identities/,
    ],
  ])('refuses %s up front, naming every s3lo image', async (_what, over, why) => {
    const o = options(over);
    if (o.attestationKeys) o.attestationKeys = [keyPath];
    const report = await runGate(o);
    expectRefused(report, why, /local:\/\/store\/app:v1/, /local:\/\/\.\/store\/team\/api:v2/);
  });

  it('names only the s3lo images of a mixed batch', async () => {
    const report = await runGate(
      options({
        images: ['ghcr.io/acme/app:v1', ...IMAGES],
        attestations: [PREDICATE.slsaV1],
      }),
    );
    expectRefused(report, /attestations SLSA provenance v1: local:\/\/store\/app:v1, local:/);
    expect(report.error?.message).not.toContain('ghcr.io');
  });

  it('with a windowed key, fails (never passes) on the unsigned signedAt', async () => {
    const policy = path.join(dir, 'windowed.yaml');
    await writeFile(
      policy,
      `version: 1\nrules:\n  - images: ['local://store/**']\n    keys:\n      - key: release.pub\n        validFor: { end: 2999-01-01T00:00:00Z }\n`,
    );
    const report = await runGate(options({ keys: [], images: [IMAGES[0]], policyFile: policy }));
    expect(report.results[0]).toMatchObject({ outcome: 'failed', code: 'UNTRUSTED_SIGNER' });
    expect(exitCode(report.outcome)).toBe(1);
  });
});

describe('s3lo images under policy-file rules they cannot meet', () => {
  const rules = (first: string): string =>
    `version: 1\nunmatched: fail\nrules:\n${first}  - name: lax\n    images: ['**']\n    keys: [release.pub]\n`;

  it.each([
    [
      'attestations',
      `  - name: prod\n    images: ['local://store/**']\n    keys: [release.pub]\n    attestations: [slsaprovenance1]\n`,
      /attestations SLSA provenance v1 \(rule 'prod'\)/,
    ],
    [
      'conditions',
      `  - name: prod\n    images: ['local://store/**']\n    keys: [release.pub]\n    conditions: { builderId: 'https://github.com/x/y' }\n`,
      /conditions builder-id \(rule 'prod'\)/,
    ],
    [
      'requireSignature: false',
      `  - name: prod\n    images: ['local://store/**']\n    keys: [release.pub]\n    requireSignature: false\n    attestations: [vuln]\n`,
      /require-signature=false \(rule 'prod'\)/,
    ],
    [
      'keyless identities only',
      `  - name: prod\n    images: ['local://store/**']\n    identities:\n      - subject: https://github.com/acme/app/.github/workflows/r.yml@refs/heads/main\n        issuer: https://token.actions.githubusercontent.com\n`,
      /a key \(rule 'prod'\)/,
    ],
    [
      'a rule chosen by another spelling of the store',
      `  - name: prod\n    images: ['local://./store/**']\n    keys: [release.pub]\n    attestations: [slsaprovenance1]\n`,
      /\(rule 'prod'\)/,
    ],
  ])('refuses an s3lo image whose rule requires %s', async (_what, rule, why) => {
    const policy = path.join(dir, 'policy.yaml');
    await writeFile(policy, rules(rule));
    const report = await runGate(options({ keys: [], policyFile: policy }));
    expectRefused(report, why, /local:\/\/store\/app:v1/, /local:\/\/\.\/store\/team\/api:v2/);
  });

  it('verifies the same images under the lax rule alone (the control)', async () => {
    const policy = path.join(dir, 'lax.yaml');
    await writeFile(policy, rules(''));
    const report = await runGate(options({ keys: [], policyFile: policy }));
    expect(report.results.map((r) => [r.outcome, r.rule])).toEqual([
      ['verified', 'lax'],
      ['verified', 'lax'],
    ]);
  });
});
