// `image-gate verify` (dist/cli.js) over OCI layouts as real tools write them (issue 11 item 5):
// `cosign save` layouts (untagged `kind` entries; with cosign v3, bundle referrers left unlisted
// in blobs/) and `oras copy --to-oci-layout -r` layouts (referrers listed with a subject). Signed
// with a cosign key through a private Sigstore; the refusals must each fail with exit 1.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageResult, Report } from '../../src/core/report.js';
import { generateKeyPair, writePublicKey, type TestKeyPair } from '../helpers/cosign-keys.js';
import {
  blobPath,
  cosignBundleReferrer,
  cosignSignaturesImage,
  imageIndex,
  KIND,
  tinyImage,
  writeCosignSaveLayout,
  writeOrasLayout,
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
let n = 0;

beforeAll(async () => {
  ss = await createTestSigstore();
  work = await mkdtemp(path.join(tmpdir(), 'layout-tools-cli-'));
  root = await ss.writeTrustedRoot(work);
  kp = generateKeyPair();
  pub = writePublicKey(work, kp, 'cosign.pub');
  otherPub = writePublicKey(work, generateKeyPair(), 'other.pub');
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const fresh = (): string => path.join(work, `layout-${++n}`);

/** cosign sign --key: the `.sig` layer of `image` (payload naming the registry it was signed in). */
const signatures = (image: Artifact): Artifact => {
  const s = ss.signLegacyKey({
    imageDigest: image.digest,
    dockerReference: 'registry.example/app',
    privateKey: kp.privateKey,
    publicKey: kp.publicKey,
  });
  return cosignSignaturesImage([{ payload: s.payload, annotations: s.annotations }]);
};

/** cosign v3 sign --key: the bundle referrer of `image`. */
const bundleReferrer = (image: Artifact): Artifact =>
  cosignBundleReferrer(
    image,
    ss.signBundle({
      imageDigest: image.digest,
      signer: { privateKey: kp.privateKey, publicKey: kp.publicKey },
    }).bytes,
  );

/** cosign attest --key --type custom: the `.att` layer about `subject`. */
const attestations = (subject: Artifact): Artifact => {
  const a = ss.signLegacyAttestation({
    imageDigest: subject.digest,
    signer: { privateKey: kp.privateKey, publicKey: kp.publicKey },
    predicate: { built: 'in CI' },
    subjectName: 'registry.example/app',
  });
  return cosignSignaturesImage([{ payload: a.envelope, annotations: a.annotations }], 'atts');
};

async function verify(
  image: string,
  key = pub,
  extra: string[] = [],
): Promise<{ code: number | null; r: ImageResult }> {
  const ran = await runCli([
    'verify',
    '--output',
    'json',
    '--trusted-root',
    root,
    '--key',
    key,
    ...extra,
    image,
  ]);
  let report: Report;
  try {
    report = JSON.parse(ran.stdout) as Report;
  } catch {
    throw new Error(`no JSON report (exit ${ran.code}): ${ran.stderr}`);
  }
  expect(report.results).toHaveLength(1);
  return { code: ran.code, r: report.results[0] };
}

describe('layouts that verify', () => {
  it.each([
    ['an image', KIND.image, () => tinyImage()],
    ['an image index', KIND.imageIndex, () => imageIndex([tinyImage(), tinyImage()])],
  ])('a cosign save layout of %s signed with a key', async (_, kind, make) => {
    const dir = fresh();
    const image = make();
    await writeCosignSaveLayout(dir, [
      { artifact: image, kind },
      { artifact: signatures(image), kind: KIND.sigs },
    ]);
    const { code, r } = await verify(`oci-layout://${dir}@${image.digest}`);
    expect(r.reason).toBeUndefined();
    expect(code).toBe(0);
    expect(r.signatures.map((s) => [s.kind, s.format])).toEqual([['key', 'legacy-tag']]);
  });

  it('a cosign save layout of a cosign v3 image, its bundle referrer unlisted in blobs/', async () => {
    const dir = fresh();
    const image = tinyImage();
    await writeCosignSaveLayout(
      dir,
      [{ artifact: image, kind: KIND.image }],
      [bundleReferrer(image)],
    );
    const { code, r } = await verify(`oci-layout://${dir}@${image.digest}`);
    expect(r.reason).toBeUndefined();
    expect(code).toBe(0);
    expect(r.signatures.map((s) => s.format)).toEqual(['bundle-referrer']);
  });

  it.each([
    ['by tag', () => ':v1'],
    ['by digest', (d: string) => `@${d}`],
  ])('an oras copy -r layout with a bundle referrer, %s', async (_, suffix) => {
    const dir = fresh();
    const image = tinyImage();
    const other = tinyImage();
    await writeOrasLayout(dir, image, 'v1', [bundleReferrer(other), bundleReferrer(image)]);
    const { code, r } = await verify(`oci-layout://${dir}${suffix(image.digest)}`);
    expect(r.reason).toBeUndefined();
    expect(code).toBe(0);
    expect(r.digest).toBe(image.digest);
    expect(r.signatures.map((s) => s.format)).toEqual(['bundle-referrer']);
  });
});

describe('cosign save layouts with attestations (kind atts)', () => {
  it.each([
    ['about the image: verifies', (img: Artifact) => img, 0, undefined],
    ['about another image: ATTESTATION_MISSING', () => tinyImage(), 1, 'ATTESTATION_MISSING'],
  ])('an atts entry %s', async (_, about, exit, code) => {
    const dir = fresh();
    const image = tinyImage();
    await writeCosignSaveLayout(dir, [
      { artifact: image, kind: KIND.image },
      { artifact: signatures(image), kind: KIND.sigs },
      { artifact: attestations(about(image)), kind: KIND.atts },
    ]);
    const { code: got, r } = await verify(`oci-layout://${dir}@${image.digest}`, pub, [
      '--attestation',
      'custom',
    ]);
    expect(r.code).toBe(code);
    expect(got).toBe(exit);
    if (exit === 0) expect(r.attestations.map((a) => a.format)).toEqual(['legacy-att']);
  });
});

describe('layouts that are refused (exit 1)', () => {
  // [what, build the layout (returns the reference), code, reason, key (default: the signer's)]
  const cases: Array<[string, (dir: string) => Promise<string>, string, RegExp, boolean?]> = [
    [
      'a cosign save layout with no signatures',
      async (dir) => {
        const image = tinyImage();
        await writeCosignSaveLayout(dir, [{ artifact: image, kind: KIND.image }]);
        return `oci-layout://${dir}@${image.digest}`;
      },
      'UNSIGNED',
      /no signature/i,
    ],
    [
      'a cosign save layout whose sigs entry signs another image',
      async (dir) => {
        const image = tinyImage();
        await writeCosignSaveLayout(dir, [
          { artifact: image, kind: KIND.image },
          { artifact: signatures(tinyImage()), kind: KIND.sigs },
        ]);
        return `oci-layout://${dir}@${image.digest}`;
      },
      'PAYLOAD_MISMATCH',
      /not the image digest/,
    ],
    [
      'a cosign save layout whose sigs manifest blob is tampered with',
      async (dir) => {
        const image = tinyImage();
        const sigs = signatures(image);
        await writeCosignSaveLayout(dir, [
          { artifact: image, kind: KIND.image },
          { artifact: sigs, kind: KIND.sigs },
        ]);
        await writeFile(blobPath(dir, sigs.digest), `${sigs.manifest.toString()}\n`);
        return `oci-layout://${dir}@${image.digest}`;
      },
      'DIGEST_MISMATCH',
      /index\.json manifests\[1\] \(kind dev\.cosignproject\.cosign\/sigs, sha256:[0-9a-f]{64}\): blob sha256:[0-9a-f]{64} holds bytes hashing to/,
    ],
    [
      'a cosign save layout whose sigs entry points at a missing blob',
      async (dir) => {
        const image = tinyImage();
        await writeCosignSaveLayout(dir, [
          { artifact: image, kind: KIND.image },
          { artifact: signatures(image), kind: KIND.sigs, omitManifest: true },
        ]);
        return `oci-layout://${dir}@${image.digest}`;
      },
      'MALFORMED',
      /index\.json manifests\[1\] \(kind dev\.cosignproject\.cosign\/sigs, sha256:[0-9a-f]{64}\): its manifest blobs\/sha256\/[0-9a-f]{64} is missing/,
    ],
    [
      'a cosign save layout with two images and one sigs entry',
      async (dir) => {
        const image = tinyImage();
        await writeCosignSaveLayout(dir, [
          { artifact: image, kind: KIND.image },
          { artifact: signatures(image), kind: KIND.sigs },
          { artifact: tinyImage(), kind: KIND.image },
        ]);
        return `oci-layout://${dir}@${image.digest}`;
      },
      'MALFORMED',
      /2 cosign image entries .*: cannot tell which one index\.json manifests\[1\]/,
    ],
    [
      'a cosign save layout signed by another key',
      async (dir) => {
        const image = tinyImage();
        await writeCosignSaveLayout(dir, [
          { artifact: image, kind: KIND.image },
          { artifact: signatures(image), kind: KIND.sigs },
        ]);
        return `oci-layout://${dir}@${image.digest}`;
      },
      'SIGNATURE_INVALID',
      /./,
      true,
    ],
    [
      'an oras layout whose only referrer names another image',
      async (dir) => {
        const image = tinyImage();
        await writeOrasLayout(dir, image, 'v1', [bundleReferrer(tinyImage())]);
        return `oci-layout://${dir}:v1`;
      },
      'UNSIGNED',
      /no signature/i,
    ],
    [
      'an oras layout whose bundle blob is tampered with',
      async (dir) => {
        const image = tinyImage();
        const ref = bundleReferrer(image);
        await writeOrasLayout(dir, image, 'v1', [ref]);
        const layer = (JSON.parse(ref.manifest.toString()) as { layers: Array<{ digest: string }> })
          .layers[0].digest;
        // Same length: a longer file would be refused as over its declared size (LIMIT_EXCEEDED).
        const tampered = Buffer.from(ref.blobs[1]);
        tampered[tampered.length - 2] ^= 1;
        await writeFile(blobPath(dir, layer), tampered);
        return `oci-layout://${dir}:v1`;
      },
      'DIGEST_MISMATCH',
      /holds bytes hashing to/,
    ],
    [
      'an oras layout whose referrer entry points at a missing blob',
      async (dir) => {
        const image = tinyImage();
        const ref = bundleReferrer(image);
        await writeOrasLayout(dir, image, 'v1', [ref]);
        await rm(blobPath(dir, ref.digest));
        return `oci-layout://${dir}:v1`;
      },
      'MALFORMED',
      /index\.json manifests\[1\] \(sha256:[0-9a-f]{64}\): its manifest blobs\/sha256\/[0-9a-f]{64} is missing/,
    ],
  ];

  it.each(cases)('%s', async (_, build, code, reason, otherKey) => {
    const dir = fresh();
    const { code: exit, r } = await verify(await build(dir), otherKey ? otherPub : pub);
    expect(exit).toBe(1);
    expect(r.verified).toBe(false);
    expect(r.outcome).toBe('failed');
    const said = `${r.code}: ${r.reason} ${JSON.stringify(r.rejected ?? [])}`;
    expect(said).toMatch(new RegExp(`^${code}: `));
    expect(said).toMatch(reason);
  });
});
