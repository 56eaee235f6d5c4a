// Review of the middle-floor rebuild (issue 11): behaviour the rebuild must keep, through
// dist/cli.js. Platform selection over its limit is judged only once the ladder reaches platforms
// (a missing attestation still fails first, exit 1, as at 5364a0a), and a refused
// github-repository still reports the compiled policy (the policyDigest of the refused run).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { generateKeyPair, writePublicKey, type TestKeyPair } from '../helpers/cosign-keys.js';
import {
  cosignSignaturesImage,
  imageIndex,
  KIND,
  tinyImage,
  writeCosignSaveLayout,
  type Artifact,
} from '../helpers/oci-layout-tools.js';
import { runCli } from '../helpers/run-dist.js';
import { createTestSigstore, type TestSigstore } from '../helpers/test-sigstore.js';

let ss: TestSigstore;
let work: string;
let root: string;
let kp: TestKeyPair;
let pub: string;
let otherPub: string;
/** An index listing more platform manifests than LIMITS.signaturesPerImage (100), key-signed. */
let bigIndex: string;
/** The same index, unsigned. */
let bigUnsigned: string;

const signatures = (image: Artifact): Artifact => {
  const s = ss.signLegacyKey({
    imageDigest: image.digest,
    dockerReference: 'registry.example/app',
    privateKey: kp.privateKey,
    publicKey: kp.publicKey,
  });
  return cosignSignaturesImage([{ payload: s.payload, annotations: s.annotations }]);
};

beforeAll(async () => {
  ss = await createTestSigstore();
  work = await mkdtemp(path.join(tmpdir(), 'review-drift-'));
  root = await ss.writeTrustedRoot(work);
  kp = generateKeyPair();
  pub = writePublicKey(work, kp, 'cosign.pub');
  otherPub = writePublicKey(work, generateKeyPair(), 'other.pub');
  const index = imageIndex(Array.from({ length: 101 }, () => tinyImage()));
  const signed = path.join(work, 'signed');
  await writeCosignSaveLayout(signed, [
    { artifact: index, kind: KIND.imageIndex },
    { artifact: signatures(index), kind: KIND.sigs },
  ]);
  bigIndex = `oci-layout://${signed}@${index.digest}`;
  const unsigned = path.join(work, 'unsigned');
  await writeCosignSaveLayout(unsigned, [{ artifact: index, kind: KIND.imageIndex }]);
  bigUnsigned = `oci-layout://${unsigned}@${index.digest}`;
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function verify(args: string[]): Promise<{ code: number | null; report: Report }> {
  const ran = await runCli(['verify', '--output', 'json', '--trusted-root', root, ...args]);
  try {
    return { code: ran.code, report: JSON.parse(ran.stdout) as Report };
  } catch {
    throw new Error(`no JSON report (exit ${ran.code}): ${ran.stderr}`);
  }
}

describe('platforms over the limit are judged where the ladder reaches them', () => {
  it.each([
    ['a missing attestation', () => ['--key', pub]],
    ['a missing attestation, two keys', () => ['--key', pub, '--key', otherPub]],
  ])('a signed index with %s fails on it (exit 1), not on platform selection', async (_, keys) => {
    const { code, report } = await verify([
      ...keys(),
      '--attestation',
      'custom',
      '--platforms',
      'all',
      bigIndex,
    ]);
    const r = report.results[0];
    expect(r.code).toBe('ATTESTATION_MISSING');
    expect(r.outcome).toBe('failed');
    expect(code).toBe(1);
    expect(r.digest).toBeDefined();
  });

  it.each([
    ['signed, no attestations asked', () => ['--key', pub, bigIndex]],
    [
      'unsigned, an attestation asked',
      () => ['--key', pub, '--attestation', 'custom', bigUnsigned],
    ],
    [
      'not signed by every key (require-all-keys), an attestation asked',
      () => [
        '--key',
        pub,
        '--key',
        otherPub,
        '--require-all-keys',
        '--attestation',
        'custom',
        bigIndex,
      ],
    ],
  ])('an index %s still errors on platform selection (exit 2)', async (_, args) => {
    const { code, report } = await verify([...args(), '--platforms', 'all']);
    const r = report.results[0];
    expect(r.code).toBe('LIMIT_EXCEEDED');
    expect(r.outcome).toBe('error');
    expect(r.digest).toBeUndefined();
    expect(code).toBe(2);
  });
});

describe('a refused github-repository reports the policy it compiled', () => {
  it.each([
    ['one key', () => ['--key', pub]],
    [
      'two keys and an attestation',
      () => ['--key', pub, '--key', otherPub, '--attestation', 'custom'],
    ],
  ])('with %s', async (_, signers) => {
    const image = `oci-layout://${work}/none:latest`;
    const refused = await verify([...signers(), '--github-repository', 'app', image]);
    expect(refused.code).toBe(2);
    expect(refused.report.error?.message).toContain('github-repository needs github-owner');
    // The same options without the refused one: the same policy section and digest.
    const plain = await verify([...signers(), image]);
    expect(refused.report.policy.keys.length).toBeGreaterThan(0);
    expect(refused.report.policy).toEqual(plain.report.policy);
    expect(refused.report.policyDigest).toBe(plain.report.policyDigest);
  });
});
