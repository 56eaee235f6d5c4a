// Issue 10 items 3 and 4 through the bundles. A policy file's rules are chosen by the identity an
// image is fetched from, not by how it is spelt: every spelling of a 127.0.0.1 image on a real
// docker-registry, and of an oci-layout directory, falls under the strict rule its canonical name
// does (never under `unmatched: allow` or a lax catch-all), is verified once, and is reported as
// given with its identity. s3lo local:// images under attestation requirements are refused (2).
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { parseS3loReference } from '../../src/core/s3lo/reference.js';
import { signedImage, startSigningRegistry } from '../helpers/images.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli, runNode } from '../helpers/run-dist.js';
import {
  localSink,
  makeTestKey,
  pushS3loImage,
  sampleManifest,
  signS3loImage,
} from '../helpers/s3lo.js';
import type { KeySigner, TestSigstore } from '../helpers/test-sigstore.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');

let reg: StartedRegistry;
let ss: TestSigstore;
let strict: KeySigner;
let lax: KeySigner;
let dir: string;
let root: string;
let port: string;
/** Signed by the lax key only: the strict rule must refuse it under every spelling. */
let laxDigest: string;
/** Signed by the strict key. */
let okDigest: string;

const pem = (k: KeySigner): string =>
  k.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** Spellings of `127.0.0.1:PORT/<repo>` the registry client reaches the same registry by. */
const spellings = (repo: string): string[] => [
  `127.000.000.001:${port}/${repo}`,
  `0x7f.0.0.1:${port}/${repo}`,
  `0177.0.0.1:${port}/${repo}`,
  `127.1:${port}/${repo}`,
  `2130706433:${port}/${repo}`,
  `[::ffff:127.0.0.1]:${port}/${repo}`,
  `[::ffff:7f00:1]:${port}/${repo}`,
];

/** Pushes `repo:v1` signed by `key`; returns its digest. */
const keySignedImage = async (repo: string, key: KeySigner): Promise<string> =>
  (await signedImage({ reg, ss }, repo, 'v1', { key })).digest;

async function policy(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

/** The strict rule for acme/**, then either nothing (`unmatched: allow`) or a lax catch-all. */
const strictPolicy = (glob: string, then: 'allow' | 'lax'): string =>
  `version: 1
unmatched: ${then === 'allow' ? 'allow' : 'fail'}
rules:
  - name: strict
    images: ['${glob}']
    keys: [keys/strict.pub]
${then === 'lax' ? "  - name: lax\n    images: ['**']\n    keys: [keys/lax.pub]\n" : ''}`;

beforeAll(async () => {
  ({ reg, ss, dir, root } = await startSigningRegistry('ref-identity-e2e-'));
  port = reg.host.slice(reg.host.lastIndexOf(':') + 1);
  strict = ss.generateKeyPair();
  lax = ss.generateKeyPair();
  await mkdir(path.join(dir, 'keys'));
  await writeFile(path.join(dir, 'keys', 'strict.pub'), pem(strict));
  await writeFile(path.join(dir, 'keys', 'lax.pub'), pem(lax));
  laxDigest = await keySignedImage('acme/app', lax);
  okDigest = await keySignedImage('acme/ok', strict);
}, 60_000);

afterAll(async () => {
  await reg?.stop();
});

async function cli(
  args: string[],
  cwd?: string,
): Promise<{ code: number | null; report: Report; stderr: string }> {
  const r = await runCli(['verify', '--output', 'json', '--trusted-root', root, ...args], {}, cwd);
  try {
    return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
  } catch {
    throw new Error(`no JSON report (exit ${r.code}): ${r.stderr}`);
  }
}

describe('policy rules by identity through the CLI and the real registry', () => {
  it.each(['allow', 'lax'] as const)(
    'no spelling of a strict image escapes to %s',
    async (then) => {
      const file = await policy(`strict-${then}.yaml`, strictPolicy(`${reg.host}/acme/**`, then));
      const images = [
        ...spellings('acme/app:v1'),
        `127.000.000.001:${port}/acme/app@${laxDigest}`,
        `${reg.host}/acme/app:v1`,
      ];
      const { code, report } = await cli(['--policy', file, ...images]);
      expect(report.results.map((r) => [r.image, r.outcome, r.rule, r.identity])).toEqual(
        images.map((image) => [
          image,
          'failed',
          'strict',
          image.includes('@') ? `${reg.host}/acme/app@${laxDigest}` : `${reg.host}/acme/app:v1`,
        ]),
      );
      expect(code).toBe(1);
    },
  );

  it('verifies every spelling of a strict-signed image once, reporting each as given', async () => {
    const file = await policy('strict-ok.yaml', strictPolicy(`${reg.host}/acme/**`, 'allow'));
    const one = await cli(['--policy', file, `${reg.host}/acme/ok:v1`]);
    const images = [`${reg.host}/acme/ok:v1`, ...spellings('acme/ok:v1')];
    const { code, report } = await cli(['--policy', file, ...images]);
    expect(code).toBe(0);
    expect(report.results.map((r) => [r.image, r.outcome, r.rule, r.pinned])).toEqual(
      images.map((i) => [i, 'verified', 'strict', `${reg.host}/acme/ok@${okDigest}`]),
    );
    // One tag resolution and one verification for all of them.
    expect(report.stats?.registryRequests).toBe(one.report.stats?.registryRequests);
  });

  it.each([
    `127.000.000.001:${'PORT'}/acme/**`,
    `[::ffff:127.0.0.1]:${'PORT'}/acme/**`,
    `0x7f.1:${'PORT'}/acme/*`,
  ])('a glob spelt %s governs the canonical name', async (glob) => {
    const file = await policy('glob.yaml', strictPolicy(glob.replace('PORT', port), 'allow'));
    const { code, report } = await cli(['--policy', file, `${reg.host}/acme/app:v1`]);
    expect(report.results[0]).toMatchObject({ outcome: 'failed', rule: 'strict' });
    expect(code).toBe(1);
  });

  it.each([
    'oci-layout://examples/./layout:signed',
    'oci-layout://examples//layout:signed',
    'oci-layout://examples/layout/:signed',
    'oci-layout://./examples/layout:signed',
    `oci-layout://${EXAMPLES}/layout:signed`,
  ])('the layout %s falls under the rule for oci-layout://examples/layout', async (image) => {
    const file = await policy(
      'layout.yaml',
      `version: 1
rules:
  - name: strict
    images: ['oci-layout://examples/layout']
    keys: [keys/strict.pub]
  - name: lax
    images: ['oci-layout://**']
    keys: [${path.join(EXAMPLES, 'cosign.pub')}]
`,
    );
    // The lax rule's key did sign the example: only the strict rule can fail it.
    const control = await runCli([
      'verify',
      '--output',
      'json',
      '--trusted-root',
      path.join(EXAMPLES, 'trusted_root.json'),
      '--key',
      path.join(EXAMPLES, 'cosign.pub'),
      image,
    ]);
    expect(control.code).toBe(0);
    const r = await runCli([
      'verify',
      '--output',
      'json',
      '--trusted-root',
      path.join(EXAMPLES, 'trusted_root.json'),
      '--policy',
      file,
      image,
    ]);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.results[0]).toMatchObject({
      image,
      identity: 'oci-layout://examples/layout:signed',
      rule: 'strict',
      outcome: 'failed',
    });
    expect(r.code).toBe(1);
  });
});

describe('policy rules by identity through the Action', () => {
  it('fails a respelt image under the strict rule, never allowed unmatched', async () => {
    const file = await policy('action.yaml', strictPolicy(`${reg.host}/acme/**`, 'allow'));
    const image = `127.000.000.001:${port}/acme/app:v1`;
    const r = await runAction({
      images: image,
      policy: file,
      'trusted-root': root,
      summary: 'false',
    });
    expect(r.code).toBe(1);
    expect(r.outputs.verified).toBe('false');
    const report = JSON.parse(await readFile(r.outputs['report-path'], 'utf8')) as Report;
    expect(report.results[0]).toMatchObject({
      image,
      identity: `${reg.host}/acme/app:v1`,
      rule: 'strict',
      outcome: 'failed',
    });
    expect(r.stdout).toContain(image);
    expect(r.stdout).not.toMatch(/passed without verification/);
  });
});

describe('s3lo local:// stores under attestation requirements', () => {
  const signer = makeTestKey('ecdsa-p256', 'release.pub');
  let store: string;
  let pub: string;

  beforeAll(async () => {
    store = await mkdtemp(path.join(tmpdir(), 's3lo-e2e-'));
    pub = path.join(store, 'release.pub');
    await writeFile(pub, signer.key.pem);
    const ref = parseS3loReference('local://store/app:v1');
    const manifest = sampleManifest('app');
    const sink = localSink(path.join(store, 'store'));
    await pushS3loImage(sink, ref, manifest);
    await signS3loImage(sink, ref, manifest, signer);
  });

  it('verifies on the record alone without requirements (the control)', async () => {
    const { code } = await cli(['--key', pub, 'local://store/app:v1'], store);
    expect(code).toBe(0);
  });

  it.each([
    [['--attestation', 'slsaprovenance1'], /attestations SLSA provenance v1/],
    [['--deny-package', 'log4j-core@<2.17.0'], /conditions deny-packages/],
    [
      ['--require-signature=false', '--builder-id', 'https://github.com/x/y'],
      /require-signature=false/,
    ],
  ])('refuses %j with exit 2, naming the images', async (flags, why) => {
    const { code, report } = await cli(
      ['--key', pub, ...flags, 'local://store/app:v1', 'local://./store/app:v1'],
      store,
    );
    expect(code).toBe(2);
    expect(report.error?.code).toBe('USAGE');
    expect(report.error?.message).toMatch(why);
    expect(report.error?.message).toContain('local://store/app:v1, local://./store/app:v1');
  });

  it('refuses an image whose rule, chosen by identity, requires attestations', async () => {
    const file = path.join(store, 'policy.yaml');
    await writeFile(
      file,
      `version: 1
rules:
  - name: prod
    images: ['local://store/**']
    keys: [release.pub]
    attestations: [slsaprovenance1]
  - name: lax
    images: ['**']
    keys: [release.pub]
`,
    );
    const { code, report } = await cli(['--policy', file, 'local://./store/app:v1'], store);
    expect(code).toBe(2);
    expect(report.error?.message).toMatch(
      /attestations SLSA provenance v1 \(rule 'prod'\): local:\/\/\.\/store\/app:v1/,
    );
  });

  it('is refused by the Action too', async () => {
    const r = await runNode(
      [path.join(ROOT, 'dist', 'index.js')],
      {
        INPUT_IMAGES: 'local://store/app:v1',
        INPUT_KEY: pub,
        INPUT_ATTESTATIONS: 'slsaprovenance1',
        INPUT_SUMMARY: 'false',
        RUNNER_TEMP: store,
      },
      store,
    );
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/::error::.*s3lo images cannot meet this policy/);
    expect(r.stdout).toContain('local://store/app:v1');
    expect(r.stdout).not.toContain('::set-output name=verified::true');
  });
});
