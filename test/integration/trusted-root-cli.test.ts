// The trusted root as the CLI uses it (issue 10 items 11, 17), through dist/cli.js against a real
// docker-registry: a root named with --trusted-root is used for RFC 3161 timestamps even under
// --key --insecure-ignore-tlog, and a root near its end is warned about in the report and text.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { attachBundles, randomImage } from '../helpers/images.js';
import { startRegistry, type StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli } from '../helpers/run-dist.js';
import { createTestSigstore, type KeySigner, type TestSigstore } from '../helpers/test-sigstore.js';

const DAY = 24 * 3_600_000;
let reg: StartedRegistry;
let ss: TestSigstore;
let stranger: TestSigstore;
let dir: string;
let pub: string;
let root: string;
let strangerRoot: string;
let signer: KeySigner;
const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
const refs: Record<string, string> = {};

/** An image whose only signature is a key-signed bundle referrer made by `by`. */
async function bundleSignedImage(
  name: string,
  by: TestSigstore,
  o: { tlog?: boolean; rfc3161?: boolean },
): Promise<void> {
  const img = await randomImage(reg, 'acme/tsa', name);
  await attachBundles({ reg, ss: by }, img, { sign: signer, signOptions: { signedAt: at, ...o } });
  refs[name] = img.ref;
}

beforeAll(async () => {
  reg = await startRegistry();
  [ss, stranger] = await Promise.all([
    createTestSigstore(),
    // A whole Sigstore whose CAs and TSA end in 12 days.
    createTestSigstore({ validUntil: new Date(Date.now() + 12 * DAY) }),
  ]);
  dir = await mkdtemp(path.join(tmpdir(), 'trusted-root-cli-'));
  root = await ss.writeTrustedRoot(dir);
  strangerRoot = await stranger.writeTrustedRoot(dir, 'expiring_root.json');
  signer = ss.generateKeyPair();
  pub = path.join(dir, 'k.pub');
  await writeFile(pub, signer.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  await bundleSignedImage('tsa-only', ss, { tlog: false });
  await bundleSignedImage('tsa-and-log', ss, {});
  await bundleSignedImage('expiring-tsa', stranger, { tlog: false });
}, 120_000);

afterAll(async () => {
  await reg?.stop();
});

const verify = (...args: string[]) =>
  runCli(['verify', '--key', pub, '--insecure-ignore-tlog', ...args]);

describe('item 11: --key --trusted-root --insecure-ignore-tlog uses the given root', () => {
  it.each(['tsa-only', 'tsa-and-log'])(
    'verifies a key bundle with a TSA timestamp (%s) and reports the timestamp',
    async (name) => {
      const r = await verify('--trusted-root', root, '--output', 'json', refs[name]);
      expect(r.stderr).toBe('');
      const report = JSON.parse(r.stdout) as Report;
      expect(report.results[0]).toMatchObject({ outcome: 'verified' });
      expect(report.results[0].signatures[0].signedAt).toBe(at.toISOString());
      expect(report.warnings).toBeUndefined();
      expect(r.code).toBe(0);
    },
  );

  it('rejects the timestamp when the given root does not trust its TSA (exit 1)', async () => {
    const r = await verify('--trusted-root', strangerRoot, refs['tsa-only']);
    expect(r.stdout).toMatch(/Verification FAILED/);
    expect(r.stdout).toMatch(/Reason: .*timestamp/i);
    expect(r.code).toBe(1);
  });
});

describe('the same through dist/index.js (the Action)', () => {
  it('verifies the TSA-timestamped key bundle and shows the root warning in the summary', async () => {
    const ok = await runAction({
      images: refs['tsa-only'],
      key: pub,
      'trusted-root': root,
      'insecure-ignore-tlog': 'true',
    });
    expect(ok.outputs.verified).toBe('true');
    expect(ok.summary).not.toContain('> ⚠️');
    expect(ok.summary).toContain('· ⚠️ insecure-ignore-tlog');
    expect(ok.code).toBe(0);
    const warned = await runAction({
      images: refs['expiring-tsa'],
      key: pub,
      'trusted-root': strangerRoot,
      'insecure-ignore-tlog': 'true',
    });
    expect(warned.outputs.verified).toBe('true');
    expect(warned.summary).toMatch(/> ⚠️ trusted root .*its last timestamp authority expires on/);
    expect(warned.code).toBe(0);
  });

  it('logs the root warning too, one escaped line each, with the summary off', async () => {
    // The root's path is in the warning: a line break in it must not forge a log line.
    const odd = path.join(dir, 'x\n::error::forged\n✓ Verified evil');
    await mkdir(odd);
    const oddRoot = await stranger.writeTrustedRoot(odd, 'expiring_root.json');
    const r = await runAction({
      images: refs['expiring-tsa'],
      key: pub,
      'trusted-root': oddRoot,
      'insecure-ignore-tlog': 'true',
      summary: 'false',
    });
    expect(r.outputs.verified).toBe('true');
    expect(r.summary).toBe('');
    expect(r.stdout).toMatch(
      /^::warning title=image-gate::trusted root .*x\\n::error::forged\\n✓ Verified evil\/expiring_root\.json: its last timestamp authority expires on/m,
    );
    expect(r.stdout).not.toMatch(/^::error::forged/m);
    expect(r.stdout).not.toMatch(/^✓ Verified evil/m);
    expect(r.code).toBe(0);
    const text = await verify('--trusted-root', oddRoot, refs['expiring-tsa']);
    expect(text.stdout).toMatch(/^Warning: trusted root .*x\\n::error::forged\\n✓ Verified evil/m);
    expect(text.stdout).not.toMatch(/^✓ Verified evil/m);
    expect(text.code).toBe(0);
  });
});

describe('item 17: a trusted root near its end is warned about', () => {
  it('verifies, and the JSON report and the text both carry the warning', async () => {
    const json = await verify(
      '--trusted-root',
      strangerRoot,
      '--output',
      'json',
      refs['expiring-tsa'],
    );
    const report = JSON.parse(json.stdout) as Report;
    expect(report.outcome).toBe('verified');
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^trusted root .*expiring_root\\.json: its last timestamp authority expires on .* \\(in 1[12] days\\)$`,
          ),
        ),
        expect.stringMatching(/its last certificate authority expires on/),
      ]),
    );
    expect(json.code).toBe(0);
    const text = await verify('--trusted-root', strangerRoot, refs['expiring-tsa']);
    expect(text.stdout).toMatch(
      /^Warning: trusted root .*its last timestamp authority expires on/m,
    );
    expect(text.code).toBe(0);
  });
});
