// accept-summary admits only what a summary judged: the same repository under the same rule.
// The policy digest covers every rule, and one digest can be pushed under another name (its
// summary copied beside it) that a stricter rule governs: a dev-signed image copied into the prod
// repository, or the same repository under a tag a stricter rule matches. Each must be verified
// in full (and fail), while the name the summary judged still passes on it.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, writeCosignPrivateKey, writePublicKey } from '../helpers/cosign-keys.js';
import { pushBundleReferrers } from '../helpers/cosign-push.js';
import { signedImage, startSigningRegistry, type Image, type Signing } from '../helpers/images.js';
import { pushManifest } from '../helpers/oci-push.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';
import {
  startMockSigstore,
  type MockSigstore,
  writeMockSigningConfig,
  writeMergedRoot,
} from '../helpers/sigstore-mock-services.js';
import type { Report } from '../../src/core/report.js';

const VSA = 'https://slsa.dev/verification_summary/v1';

let reg: StartedRegistry;
let mock: MockSigstore;
let dir: string;
let signing: Signing;
let bothRoots: string;
let policy: string;
let summaryKey: string;
let summaryPub: string;
let signingConfig: string;
let dev: Image;
let app: Image;

/** Blobs of `from` mounted into `to`, then the manifest bytes put there under `tag`. */
async function copyImage(image: Image, to: string, tag: string): Promise<Image> {
  for (const d of [image.pushed.configDigest, image.pushed.layerDigest]) {
    const res = await fetch(
      `http://${reg.host}/v2/${to}/blobs/uploads/?mount=${d}&from=${image.repo}`,
      { method: 'POST' },
    );
    expect(res.status).toBe(201);
  }
  await pushManifest(reg.host, to, tag, image.pushed.manifestBytes);
  return { ...image, repo: to, tag, ref: `${reg.host}/${to}:${tag}` };
}

/** The summary bundle an earlier gate run wrote for `digest`. */
async function summaryOf(sub: string, digest: string): Promise<Buffer> {
  const d = path.join(dir, sub);
  const name = (await readdir(d)).find((f) =>
    f.endsWith(`${digest.replace(':', '-')}.sigstore.json`),
  );
  expect(name).toBeDefined();
  return readFile(path.join(d, name ?? ''));
}

const reasons = (r: Report['results'][number]): string =>
  (r.rejected ?? []).map((x) => x.reason).join('\n');

const accept = async (image: Image) => {
  const r = await runCli([
    'verify',
    '--output',
    'json',
    '--trusted-root',
    bothRoots,
    '--policy',
    policy,
    '--accept-summary',
    '--summary-key',
    summaryPub,
    image.ref,
  ]);
  return {
    code: r.code,
    result: (JSON.parse(r.stdout) as Report).results[0]!,
    out: r.stdout + r.stderr,
  };
};

beforeAll(async () => {
  let ss;
  ({ reg, ss, dir } = await startSigningRegistry('vsa-scope-'));
  signing = { reg, ss };
  const root = path.join(dir, 'trusted_root.json');
  const devKp = generateKeyPair();
  const prodKp = generateKeyPair();
  writePublicKey(dir, devKp, 'dev.pub');
  writePublicKey(dir, prodKp, 'prod.pub');
  const gateKp = generateKeyPair();
  summaryPub = writePublicKey(dir, gateKp, 'gate.pub');
  summaryKey = writeCosignPrivateKey(dir, gateKp, 'gate-pass', { name: 'gate.key' });
  mock = await startMockSigstore();
  signingConfig = await writeMockSigningConfig(path.join(dir, 'signing_config.json'), mock);
  bothRoots = await writeMergedRoot(path.join(dir, 'both_roots.json'), root, mock);
  // prod repositories and prod-* tags need the prod key; everything else under acme the dev key.
  policy = path.join(dir, 'policy.yaml');
  await writeFile(
    policy,
    [
      'version: 1',
      'rules:',
      '  - name: prod',
      `    images: ['${reg.host}/acme/prod/**', '${reg.host}/acme/app:prod-*']`,
      '    keys: [prod.pub]',
      '  - name: dev',
      `    images: ['${reg.host}/acme/**']`,
      '    keys: [dev.pub]',
      '',
    ].join('\n'),
  );
  dev = await signedImage(signing, 'acme/dev/web', 'v1', { key: devKp });
  app = await signedImage(signing, 'acme/app', 'dev-1', { key: devKp });
  // The gate judges both under the dev rule and pushes PASSED summaries beside them.
  const gate = await runCli(
    [
      'verify',
      '--trusted-root',
      bothRoots,
      '--policy',
      policy,
      '--summary-key',
      summaryKey,
      '--signing-config',
      signingConfig,
      '--summaries-path',
      path.join(dir, 'summaries'),
      '--push-summary',
      dev.ref,
      app.ref,
    ],
    { COSIGN_PASSWORD: 'gate-pass' },
  );
  expect(gate.code, gate.stdout + gate.stderr).toBe(0);
}, 180_000);

afterAll(async () => {
  await reg?.stop();
  await mock?.close();
});

describe('a summary stands only for the repository and rule it judged', () => {
  it('the names it judged pass on it (the control)', async () => {
    for (const image of [dev, app]) {
      const { code, result, out } = await accept(image);
      expect(code, out).toBe(0);
      expect(result.acceptedSummary?.where).toMatch(/^summary /);
    }
  });

  it('the same digest copied into a repository another rule governs, summary and all', async () => {
    const prod = await copyImage(dev, 'acme/prod/web', 'v1');
    await pushBundleReferrers(reg.host, prod.repo, prod, [
      { bytes: await summaryOf('summaries', dev.digest), predicateType: VSA },
    ]);
    const { code, result } = await accept(prod);
    expect(result.acceptedSummary).toBeUndefined();
    expect(result.outcome).toBe('failed');
    expect(reasons(result)).toMatch(
      /verification summary is for "[^"]*acme\/dev\/web", not [^"]*acme\/prod\/web/,
    );
    expect(code).toBe(1);
  });

  it('the same digest copied into another repository the same rule governs is not admitted either', async () => {
    const other = await copyImage(dev, 'acme/other', 'v1');
    await pushBundleReferrers(reg.host, other.repo, other, [
      { bytes: await summaryOf('summaries', dev.digest), predicateType: VSA },
    ]);
    const { result } = await accept(other);
    expect(result.acceptedSummary).toBeUndefined();
    expect(reasons(result)).toMatch(/not [^"]*acme\/other/);
  });

  it('the same repository and digest under a tag a stricter rule matches', async () => {
    const prodTag = await copyImage(app, 'acme/app', 'prod-1');
    const { code, result } = await accept(prodTag);
    expect(result.acceptedSummary).toBeUndefined();
    expect(result.outcome).toBe('failed');
    expect(reasons(result)).toMatch(
      /judged [^ ]*acme\/app:dev-1 under rule "dev"; [^ ]*acme\/app:prod-1 falls under rule "prod"/,
    );
    expect(code).toBe(1);
  });
});
