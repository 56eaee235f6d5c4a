// Issue 10 items 2 and 6: a candidate over its own size cap (a bundle layer declaring more than
// 10 MiB, a referrer manifest over 4 MiB, a `.sig` layer declaring more than 4 MiB) is attacker
// content like any other. It is set aside as a rejection, never outweighs a signature or
// attestation that verifies (exit 0), and is the error (exit 2, LIMIT_EXCEEDED) only when nothing
// verifies. Through dist/cli.js against a registry serving crafted content.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { generateKeyPair, writePublicKey } from '../helpers/cosign-keys.js';
import { sha256, startFloodRegistry, type FloodRegistry } from '../helpers/flood-registry.js';
import { runNode } from '../helpers/run-dist.js';
import { createTestSigstore, type TestSigstore } from '../helpers/test-sigstore.js';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const MiB = 1024 * 1024;
const REPO = 'caps/app';

let flood: FloodRegistry;
let ss: TestSigstore;
let kp: ReturnType<typeof generateKeyPair>;
let root: string;
let pub: string;

beforeAll(async () => {
  flood = await startFloodRegistry();
  ss = await createTestSigstore();
  const dir = await mkdtemp(path.join(tmpdir(), 'candidate-caps-'));
  root = await ss.writeTrustedRoot(dir);
  kp = generateKeyPair();
  pub = writePublicKey(dir, kp);
}, 60_000);

afterAll(async () => {
  await flood?.close();
});

async function gate(image: string, flags: string[] = []) {
  const r = await runNode([
    CLI,
    'verify',
    '--output',
    'json',
    '--trusted-root',
    root,
    '--key',
    pub,
    ...flags,
    image,
  ]);
  let report: Report | undefined;
  try {
    report = JSON.parse(r.stdout) as Report;
  } catch {
    report = undefined;
  }
  return { code: r.code, report, stderr: r.stderr };
}

type Subject = { digest: string; size: number };
let n = 0;
function image(setup: (s: Subject) => void): string {
  const tag = `t${n++}`;
  const s = flood.putImage(REPO, tag);
  setup(s);
  return `${flood.host}/${REPO}:${tag}`;
}

const validBundle = (s: Subject) =>
  flood.addBundleReferrer(REPO, s, ss.signBundle({ imageDigest: s.digest, signer: kp }).bytes);
const validSig = (s: Subject) =>
  ss.signLegacyKey({
    imageDigest: s.digest,
    dockerReference: `${flood.host}/${REPO}`,
    privateKey: kp.privateKey,
    publicKey: kp.publicKey,
  });
/** A bundle layer that declares 11 MiB: never fetched, over the 10 MiB bundle cap. */
const declaresTooMuch = (s: Subject) =>
  flood.addReferrerDescriptor(REPO, s, { digest: sha256(`big ${n}`), size: 11 * MiB });
/** A referrer manifest of just over 4 MiB (the manifest cap). */
const hugeManifest = (s: Subject) =>
  flood.addReferrerDescriptor(REPO, s, { digest: sha256(`m ${n}`), size: 10 }, 4 * MiB + 1);

describe('a candidate over its own size cap is a rejection, not the verdict', () => {
  it.each([
    ['a bundle layer declaring 11 MiB', declaresTooMuch],
    ['a referrer manifest over 4 MiB', hugeManifest],
  ])('%s listed before a valid bundle: the valid one decides (exit 0)', async (_n, crafted) => {
    const img = image((s) => {
      crafted(s);
      validBundle(s);
    });
    const r = await gate(img);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'verified' });
    expect(r.report?.results[0]!.rejected?.map((x) => x.code)).toEqual(['LIMIT_EXCEEDED']);
    expect(r.code).toBe(0);
  });

  it.each([
    ['declaring 5 MiB (never fetched)', 5 * MiB],
    ['declaring fewer bytes than its blob holds (read stops at the declared size)', 4],
  ])(
    'a .sig layer %s before a valid .sig layer: the valid one decides (exit 0)',
    async (_n, declared) => {
      const img = image((s) => {
        const sig = validSig(s);
        const other = Buffer.from(`{"not":"fetched ${n}"}`);
        flood.putLegacySignatures(REPO, s.digest, [
          { payload: other, annotations: {}, declaredSize: declared },
          sig,
        ]);
      });
      const r = await gate(img);
      expect(r.report?.results[0]).toMatchObject({ outcome: 'verified' });
      expect(r.report?.results[0]!.signatures.map((x) => x.format)).toEqual(['legacy-tag']);
      expect(r.code).toBe(0);
    },
  );

  it('with require-all-keys too: the oversized candidate does not hide the valid one (exit 0)', async () => {
    const img = image((s) => {
      declaresTooMuch(s);
      validBundle(s);
    });
    const r = await gate(img, ['--require-all-keys']);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'verified' });
    expect(r.code).toBe(0);
  });

  it('with an attestation required: a valid attestation behind the oversized one counts (exit 0)', async () => {
    const img = image((s) => {
      declaresTooMuch(s);
      hugeManifest(s);
      validBundle(s);
      flood.addBundleReferrer(
        REPO,
        s,
        ss.signBundle({
          imageDigest: s.digest,
          signer: kp,
          predicateType: 'https://slsa.dev/provenance/v1',
          predicate: { buildDefinition: { buildType: 'x' }, runDetails: {} },
        }).bytes,
      );
    });
    const r = await gate(img, ['--attestation', 'https://slsa.dev/provenance/v1']);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'verified' });
    expect(r.code).toBe(0);
  });

  it.each([
    ['nothing else', (s: Subject) => declaresTooMuch(s)],
    [
      'an invalid signature',
      (s: Subject) => {
        hugeManifest(s);
        const other = generateKeyPair();
        flood.addBundleReferrer(
          REPO,
          s,
          ss.signBundle({ imageDigest: s.digest, signer: other }).bytes,
        );
      },
    ],
  ])('an oversized candidate and %s: LIMIT_EXCEEDED (exit 2)', async (_n, setup) => {
    const r = await gate(image(setup));
    expect(r.report?.results[0]).toMatchObject({ outcome: 'error', code: 'LIMIT_EXCEEDED' });
    expect(r.code).toBe(2);
  });

  it('with an attestation required and none valid: LIMIT_EXCEEDED (exit 2), not a quiet miss', async () => {
    const img = image((s) => {
      validBundle(s);
      declaresTooMuch(s);
    });
    const r = await gate(img, ['--attestation', 'https://slsa.dev/provenance/v1']);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'error', code: 'LIMIT_EXCEEDED' });
    expect(r.code).toBe(2);
  });
});
