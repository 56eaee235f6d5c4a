// Issue 14 item 3 through the shipped bundles: shard reports written by `dist/cli.js verify
// --report` with a summary key or keyless (Fulcio and Rekor from @sigstore/mock) are signed into
// REPORT.sigstore.json; `merge --shard-key | --shard-identity` (and the Action's merge-shard-*
// inputs) verifies each before merging and refuses an edited, foreign or unsigned shard, naming
// the file (CLI exit 2; the Action fails the step). Images live in a real docker-registry.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, writeCosignPrivateKey, writePublicKey } from '../helpers/cosign-keys.js';
import { signedImage, startSigningRegistry, type Image } from '../helpers/images.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli } from '../helpers/run-dist.js';
import {
  identityToken,
  startMockSigstore,
  type MockSigstore,
  writeMockSigningConfig,
} from '../helpers/sigstore-mock-services.js';
import type { Report } from '../../src/core/report.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
const WORKFLOW = 'https://github.com/acme/gate/.github/workflows/deploy.yml@refs/heads/main';
const REPORT_TYPE = 'https://github.com/acme/image-gate/report/v1';

let reg: StartedRegistry;
let mock: MockSigstore;
let dir: string;
let root: string;
let pub: string;
let shardKey: string;
let shardPub: string;
let otherKey: string;
let signingConfig: string;
let mockRoot: string;
let api: Image;
let web: Image;

beforeAll(async () => {
  let ss;
  ({ reg, ss, dir, root } = await startSigningRegistry('shardsig-'));
  const kp = generateKeyPair();
  pub = writePublicKey(dir, kp, 'cosign.pub');
  const shard = generateKeyPair();
  shardPub = writePublicKey(dir, shard, 'shard.pub');
  shardKey = writeCosignPrivateKey(dir, shard, 'shard-pass', { name: 'shard.key' });
  otherKey = writeCosignPrivateKey(dir, generateKeyPair(), 'shard-pass', { name: 'other.key' });
  api = await signedImage({ reg, ss }, 'acme/api', 'v1', { key: kp });
  web = await signedImage({ reg, ss }, 'acme/web', 'v1', { key: kp });
  mock = await startMockSigstore();
  signingConfig = await writeMockSigningConfig(path.join(dir, 'signing_config.json'), mock);
  mockRoot = path.join(dir, 'mock_root.json');
  await writeFile(mockRoot, JSON.stringify(mock.trustedRoot));
}, 120_000);

afterAll(async () => {
  await reg?.stop();
  await mock?.close();
});

/** One shard's run: verifies `image`, writes `report` and signs it (key, or keyless). */
async function shard(report: string, image: Image, signer: 'key' | 'other' | 'keyless' | 'none') {
  const sign =
    signer === 'keyless'
      ? ['--sign-summary', 'keyless']
      : signer === 'none'
        ? []
        : ['--summary-key', signer === 'key' ? shardKey : otherKey];
  const r = await runCli(
    [
      'verify',
      '--trusted-root',
      root,
      '--key',
      pub,
      '--report',
      path.join(dir, report),
      ...(signer === 'none' ? [] : ['--signing-config', signingConfig]),
      ...sign,
      image.ref,
    ],
    signer === 'keyless'
      ? { SIGSTORE_ID_TOKEN: identityToken({ iss: ISSUER, sub: WORKFLOW }) }
      : { COSIGN_PASSWORD: 'shard-pass' },
  );
  expect(r.code, r.stdout + r.stderr).toBe(0);
}

const file = (name: string) => path.join(dir, name);
const mergeKey = (...files: string[]) =>
  runCli(
    [
      'merge',
      '--output',
      'json',
      '--trusted-root',
      mockRoot,
      '--shard-key',
      shardPub,
      ...files.map(file),
    ],
    {},
  );

/** A copy of a signed shard report and its bundle under another name. */
async function copyShard(from: string, to: string): Promise<void> {
  await copyFile(file(from), file(to));
  await copyFile(file(`${from}.sigstore.json`), file(`${to}.sigstore.json`));
}

describe('shard reports signed with a key', () => {
  beforeAll(async () => {
    await shard('api.json', api, 'key');
    await shard('web.json', web, 'key');
    await shard('web-other.json', web, 'other');
    await shard('web-unsigned.json', web, 'none');
  }, 120_000);

  it('signs each report into REPORT.sigstore.json, a DSSE statement over its bytes', async () => {
    const bundle = JSON.parse(await readFile(file('api.json.sigstore.json'), 'utf8')) as {
      dsseEnvelope: { payload: string; payloadType: string };
      verificationMaterial: { tlogEntries: unknown[] };
    };
    expect(bundle.dsseEnvelope.payloadType).toBe('application/vnd.in-toto+json');
    expect(bundle.verificationMaterial.tlogEntries).toHaveLength(1);
    const st = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString()) as {
      subject: Array<{ name: string; digest: { sha256: string } }>;
      predicateType: string;
      predicate: { runId: string; policyDigest: string };
    };
    const { createHash } = await import('node:crypto');
    const bytes = await readFile(file('api.json'));
    expect(st.subject).toEqual([
      { name: 'api.json', digest: { sha256: createHash('sha256').update(bytes).digest('hex') } },
    ]);
    expect(st.predicateType).toBe(REPORT_TYPE);
    const report = JSON.parse(bytes.toString()) as Report;
    expect(st.predicate).toMatchObject({ runId: report.runId, policyDigest: report.policyDigest });
  });

  it('merge --shard-key verifies both and lists each shard, its digest and signer', async () => {
    const r = await mergeKey('api.json', 'web.json');
    expect(r.code, r.stderr).toBe(0);
    const merged = JSON.parse(r.stdout) as Report;
    expect(merged.outcome).toBe('verified');
    expect(merged.shards).toEqual([
      {
        file: file('api.json'),
        digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        signer: expect.stringMatching(/^key .*shard\.pub \(.+\)$/),
      },
      expect.objectContaining({ file: file('web.json') }),
    ]);
  });

  it('a directory of reports and their bundles merges (the bundles are no reports)', async () => {
    await mkdir(file('dl'), { recursive: true });
    await copyShard('api.json', 'dl/api.json');
    await copyShard('web.json', 'dl/web.json');
    const r = await mergeKey('dl');
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Report).shards).toHaveLength(2);
  });

  it.each([
    ['an outcome', '"outcome": "verified"', '"outcome": "verifiex"'],
    ['one byte of whitespace', '\n', '\n '],
    ['an image digest', '"digest": "sha256:', '"digest": "sha256:0'],
  ])(
    'refuses a report edited after signing (%s), naming the file (exit 2)',
    async (_, from, to) => {
      await copyShard('web.json', 'web-edited.json');
      const text = await readFile(file('web-edited.json'), 'utf8');
      expect(text).toContain(from);
      await writeFile(file('web-edited.json'), text.replace(from, to));
      const r = await mergeKey('api.json', 'web-edited.json');
      expect(r.code, r.stdout).toBe(2);
      expect(r.stderr).toContain(`${file('web-edited.json')} was edited after signing`);
    },
  );

  it('refuses a shard signed by another key, naming the file (exit 2)', async () => {
    const r = await mergeKey('api.json', 'web-other.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file('web-other.json')} is not signed by the shard signer`);
  });

  it('refuses an unsigned shard, naming the file (exit 2)', async () => {
    const r = await mergeKey('api.json', 'web-unsigned.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file('web-unsigned.json')} is not signed: no signature bundle`);
  });

  it("refuses a report carrying another report's bundle (exit 2)", async () => {
    await copyFile(file('web.json'), file('swapped.json'));
    await copyFile(file('api.json.sigstore.json'), file('swapped.json.sigstore.json'));
    const r = await mergeKey('api.json', 'swapped.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file('swapped.json')} was edited after signing`);
  });

  it('without --shard-* merges as before, trusting the files (no shards list)', async () => {
    const r = await runCli([
      'merge',
      '--output',
      'json',
      file('api.json'),
      file('web-unsigned.json'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Report).shards).toBeUndefined();
  });

  it.each([
    [['--shard-key', 'k.pub', '--shard-identity', 'x'], /--shard-key \('k.pub'\) excludes/],
    [['--shard-identity', 'x'], /--shard-identity and --shard-oidc-issuer need each other/],
    [['--trusted-root', 'r.json'], /--trusted-root is for verifying shard signatures/],
  ])('refuses merge %j (exit 2)', async (args, message) => {
    const r = await runCli(['merge', ...args, file('api.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('the Action merges with merge-shard-key and fails the step on an edited shard', async () => {
    const ok = await runAction({
      'merge-reports': [file('api.json'), file('web.json')].join('\n'),
      'merge-shard-key': shardPub,
      'trusted-root': mockRoot,
      summary: 'false',
    });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const merged = JSON.parse(
      await readFile(path.join(ok.runnerTemp, 'image-gate-report.json'), 'utf8'),
    ) as Report;
    expect(merged.shards?.map((s) => s.file)).toEqual([file('api.json'), file('web.json')]);
    await copyShard('web.json', 'web-edited2.json');
    const text = await readFile(file('web-edited2.json'), 'utf8');
    await writeFile(
      file('web-edited2.json'),
      text.replace('"verified": true', '"verified": false'),
    );
    const bad = await runAction({
      'merge-reports': [file('api.json'), file('web-edited2.json')].join('\n'),
      'merge-shard-key': shardPub,
      'trusted-root': mockRoot,
      summary: 'false',
    });
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toContain(`${file('web-edited2.json')} was edited after signing`);
  });
});

describe('shard reports signed keyless', () => {
  beforeAll(async () => {
    await shard('k-api.json', api, 'keyless');
    await shard('k-web.json', web, 'keyless');
  }, 120_000);

  const mergeIdentity = (identity: string, ...files: string[]) =>
    runCli([
      'merge',
      '--output',
      'json',
      '--trusted-root',
      mockRoot,
      '--shard-identity',
      identity,
      '--shard-oidc-issuer',
      ISSUER,
      ...files.map(file),
    ]);

  it('merge --shard-identity verifies them and lists the identity as signer', async () => {
    const r = await mergeIdentity(WORKFLOW, 'k-api.json', 'k-web.json');
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Report).shards?.map((s) => s.signer)).toEqual([
      `${WORKFLOW} (${ISSUER})`,
      `${WORKFLOW} (${ISSUER})`,
    ]);
  });

  it('refuses them under a foreign identity, naming the file (exit 2)', async () => {
    const r = await mergeIdentity(
      'https://github.com/evil/fork/.github/workflows/x.yml@refs/heads/main',
      'k-api.json',
      'k-web.json',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file('k-api.json')} is not signed by the shard signer`);
  });

  it('refuses a keyless shard under --shard-key (exit 2)', async () => {
    const r = await mergeKey('api.json', 'k-web.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file('k-web.json')} is not signed by the shard signer`);
  });

  it('the Action merges with merge-shard-identity', async () => {
    const ran = await runAction({
      'merge-reports': [file('k-api.json'), file('k-web.json')].join('\n'),
      'merge-shard-identity': WORKFLOW,
      'merge-shard-oidc-issuer': ISSUER,
      'trusted-root': mockRoot,
      summary: 'false',
    });
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(ran.outputs.verified).toBe('true');
  });
});
