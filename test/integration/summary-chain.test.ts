// A run that admits on a summary and also signs summaries must not re-issue one for an image it
// only admitted: the new summary would carry this run's time, and each such run would restart
// the age summary-max-age counts from the last full verification, so an image whose signature
// was replaced since would stay admitted for ever. Review finding (stores round); real registry,
// real key signatures, Rekor from @sigstore/mock, through dist/cli.js.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, writeCosignPrivateKey, writePublicKey } from '../helpers/cosign-keys.js';
import {
  signedImage,
  signLegacy,
  startSigningRegistry,
  type Image,
  type Signing,
} from '../helpers/images.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';
import {
  startMockSigstore,
  type MockSigstore,
  writeMockSigningConfig,
  writeMergedRoot,
} from '../helpers/sigstore-mock-services.js';
import type { Report } from '../../src/core/report.js';

let reg: StartedRegistry;
let mock: MockSigstore;
let dir: string;
let signing: Signing;
let bothRoots: string;
let devPub: string;
let gateKey: string;
let gatePub: string;
let signingConfig: string;
let app: Image;
const ENV = { COSIGN_PASSWORD: 'gate-pass' };

beforeAll(async () => {
  let ss;
  ({ reg, ss, dir } = await startSigningRegistry('summary-chain-'));
  signing = { reg, ss };
  const root = path.join(dir, 'trusted_root.json');
  const devKp = generateKeyPair();
  devPub = writePublicKey(dir, devKp, 'dev.pub');
  const gateKp = generateKeyPair();
  gatePub = writePublicKey(dir, gateKp, 'gate.pub');
  gateKey = writeCosignPrivateKey(dir, gateKp, 'gate-pass', { name: 'gate.key' });
  mock = await startMockSigstore();
  signingConfig = await writeMockSigningConfig(path.join(dir, 'signing_config.json'), mock);
  bothRoots = await writeMergedRoot(path.join(dir, 'both_roots.json'), root, mock);
  app = await signedImage(signing, 'acme/app', 'v1', { key: devKp });
}, 180_000);

afterAll(async () => {
  await reg?.stop();
  await mock?.close();
});

const base = () => ['verify', '--output', 'json', '--trusted-root', bothRoots, '--key', devPub];
const files = async (d: string): Promise<string[]> => (existsSync(d) ? readdir(d) : []);

describe('a summary is never made of a summary', () => {
  it('an image admitted on a summary gets no new one; one verified in full does', async () => {
    const run1 = await runCli(
      [
        ...base(),
        '--summary-key',
        gateKey,
        '--signing-config',
        signingConfig,
        '--summaries-path',
        path.join(dir, 's1'),
        '--push-summary',
        app.ref,
      ],
      ENV,
    );
    expect(run1.code, run1.stdout + run1.stderr).toBe(0);
    expect(await files(path.join(dir, 's1'))).toHaveLength(1);

    // The image's signature is then replaced by a foreign one: full verification fails now.
    await signLegacy(signing, app, { key: generateKeyPair() });
    expect((await runCli(base().concat(app.ref))).code).toBe(1);

    // Admits on run 1's summary and signs summaries: nothing new is signed or pushed for it.
    const run2 = await runCli(
      [
        ...base(),
        '--accept-summary',
        '--summary-key',
        gateKey,
        '--sign-summary',
        'key',
        '--signing-config',
        signingConfig,
        '--summaries-path',
        path.join(dir, 's2'),
        '--push-summary',
        app.ref,
      ],
      ENV,
    );
    expect(run2.code, run2.stdout + run2.stderr).toBe(0);
    const r2 = (JSON.parse(run2.stdout) as Report).results[0]!;
    expect(r2.acceptedSummary).toBeDefined();
    expect(await files(path.join(dir, 's2'))).toEqual([]);

    // So a later run admitting on summaries finds only run 1's, still with run 1's time.
    const run3 = await runCli([...base(), '--accept-summary', '--summary-key', gatePub, app.ref]);
    const r3 = (JSON.parse(run3.stdout) as Report).results[0]!;
    expect(r3.acceptedSummary?.timeVerified).toBe(r2.acceptedSummary?.timeVerified);
  }, 180_000);
});
