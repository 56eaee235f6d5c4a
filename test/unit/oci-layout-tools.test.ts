// OciLayoutStore over layouts as real tools write them (issue 11 item 5): `cosign save`'s untagged
// `kind` entries stand for the image's `sha256-<hex>.sig`/`.att` tags only where the binding is
// unambiguous, and OCI 1.1 referrers listed with a `subject` (oras copy -r) answer getReferrers.
// Every fault of an entry names the layout and the entry.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discover, referrersTag, signatureTag } from '../../src/core/verify/discovery.js';
import { GateError } from '../../src/core/errors.js';
import { cosignSimpleSigningPayload } from '../../src/core/signatures/legacy.js';
import { OciLayoutStore } from '../../src/core/sources/oci-layout.js';
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

const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'layout-tools-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sigsFor = (image: Artifact, name = 'registry.example/app'): Artifact =>
  cosignSignaturesImage([
    { payload: cosignSimpleSigningPayload(name, image.digest), annotations: { k: 'v' } },
  ]);
const attsFor = (): Artifact =>
  cosignSignaturesImage([{ payload: Buffer.from('{"payloadType":"x"}'), annotations: {} }], 'atts');

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e: unknown) {
    expect(e).toBeInstanceOf(GateError);
    return `${(e as GateError).code}: ${(e as GateError).message}`;
  }
  return 'no error';
}

const sha = (b: Uint8Array): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('cosign save layouts: kind entries stand for the signature tags', () => {
  it.each([
    ['an image', KIND.image, () => tinyImage()],
    ['an image index', KIND.imageIndex, () => imageIndex([tinyImage(), tinyImage()])],
  ])('finds the sigs and atts of %s', async (_, kind, make) => {
    const image = make();
    const sigs = sigsFor(image);
    const atts = attsFor();
    await writeCosignSaveLayout(dir, [
      { artifact: image, kind },
      { artifact: sigs, kind: KIND.sigs },
      { artifact: atts, kind: KIND.atts },
    ]);
    const store = new OciLayoutStore(dir);
    expect((await store.getManifest(image.digest))?.digest).toBe(image.digest);
    expect((await store.getManifest(signatureTag(image.digest, '.sig')!))?.digest).toBe(
      sigs.digest,
    );
    expect((await store.getManifest(signatureTag(image.digest, '.att')!))?.digest).toBe(
      atts.digest,
    );
    const found = await discover(store, image.digest, { legacySuffixes: ['.sig', '.att'] });
    expect(found.candidates.map((c) => c.kind === 'legacy' && c.attestation)).toEqual([
      false,
      true,
    ]);
    expect(found.rejected).toEqual([]);
  });

  it.each([
    ['no sigs entry (unsigned)', (img: Artifact) => [{ artifact: img, kind: KIND.image }]],
    [
      'the sigs of the layout image, asked for another digest',
      (img: Artifact) => [
        { artifact: tinyImage(), kind: KIND.image },
        { artifact: sigsFor(img), kind: KIND.sigs },
      ],
    ],
  ])('has no signature tag for %s', async (_, entries) => {
    const image = tinyImage();
    await writeCosignSaveLayout(dir, entries(image));
    const store = new OciLayoutStore(dir);
    expect(await store.getManifest(signatureTag(image.digest, '.sig')!)).toBeUndefined();
    const found = await discover(store, image.digest);
    expect(found.candidates).toEqual([]);
  });

  it('an index.json tag of the same name is read before the kind entries', async () => {
    const image = tinyImage();
    const tagged = sigsFor(image, 'tagged.example/app');
    await writeCosignSaveLayout(dir, [
      { artifact: image, kind: KIND.image },
      { artifact: sigsFor(image), kind: KIND.sigs },
      { artifact: tagged, kind: 'other' },
    ]);
    const index = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as {
      manifests: Array<{ annotations: Record<string, string> }>;
    };
    index.manifests[2].annotations = {
      'org.opencontainers.image.ref.name': signatureTag(image.digest, '.sig')!,
    };
    await writeFile(path.join(dir, 'index.json'), JSON.stringify(index));
    const got = await new OciLayoutStore(dir).getManifest(signatureTag(image.digest, '.sig')!);
    expect(got?.digest).toBe(tagged.digest);
  });

  describe('entries that cannot be bound or read are MALFORMED, naming layout and entry', () => {
    const image = tinyImage();
    const other = tinyImage();
    const sigs = sigsFor(image);
    const entry = (i: number, kind: string, digest: string) =>
      esc(`index.json manifests[${i}] (kind ${kind}, ${digest})`);
    it.each([
      [
        'two image entries',
        () => [
          { artifact: image, kind: KIND.image },
          { artifact: sigs, kind: KIND.sigs },
          { artifact: other, kind: KIND.image },
        ],
        `MALFORMED: oci-layout://.*: 2 cosign image entries \\(${entry(0, KIND.image, image.digest)}, ${entry(2, KIND.image, other.digest)}\\): cannot tell which one ${entry(1, KIND.sigs, sigs.digest)} belongs to`,
      ],
      [
        'two sigs entries',
        () => [
          { artifact: image, kind: KIND.image },
          { artifact: sigs, kind: KIND.sigs },
          { artifact: sigsFor(image, 'b.example/app'), kind: KIND.sigs },
        ],
        `MALFORMED: oci-layout://.*: 2 entries of kind ${esc(KIND.sigs)} for one image \\(${entry(1, KIND.sigs, sigs.digest)}, `,
      ],
      [
        'sigs with no image entry',
        () => [{ artifact: sigs, kind: KIND.sigs }],
        `MALFORMED: oci-layout://.*: ${entry(0, KIND.sigs, sigs.digest)} belongs to no ${esc(KIND.image)} or ${esc(KIND.imageIndex)} entry`,
      ],
      [
        'a sigs entry whose manifest is missing',
        () => [
          { artifact: image, kind: KIND.image },
          { artifact: sigs, kind: KIND.sigs, omitManifest: true },
        ],
        `MALFORMED: oci-layout://.*: ${entry(1, KIND.sigs, sigs.digest)}: its manifest blobs/sha256/${sigs.digest.slice(7)} is missing`,
      ],
      [
        'a sigs entry that is an image index',
        () => [
          { artifact: image, kind: KIND.image },
          { artifact: imageIndex([image]), kind: KIND.sigs },
        ],
        `MALFORMED: oci-layout://.*: ${entry(1, KIND.sigs, imageIndex([image]).digest)} is an index, not a signature manifest`,
      ],
    ])('%s', async (_, entries, expected) => {
      await writeCosignSaveLayout(dir, entries());
      const store = new OciLayoutStore(dir);
      expect(await failure(store.getManifest(signatureTag(image.digest, '.sig')!))).toMatch(
        new RegExp(`^${expected}`),
      );
      // Through discovery the fault is the image's error, never an empty (or passing) lookup.
      expect(await failure(discover(store, image.digest))).toMatch(new RegExp(`^${expected}`));
    });

    it('a tampered sigs manifest is DIGEST_MISMATCH naming the entry', async () => {
      await writeCosignSaveLayout(dir, [
        { artifact: image, kind: KIND.image },
        { artifact: sigs, kind: KIND.sigs },
      ]);
      await writeFile(blobPath(dir, sigs.digest), Buffer.from(sigs.manifest.toString() + ' '));
      expect(
        await failure(new OciLayoutStore(dir).getManifest(signatureTag(image.digest, '.sig')!)),
      ).toMatch(
        new RegExp(
          `^DIGEST_MISMATCH: oci-layout://.*: ${entry(1, KIND.sigs, sigs.digest)}: blob ${sigs.digest} holds bytes hashing to sha256:`,
        ),
      );
    });

    it('an entry declaring another size is MALFORMED', async () => {
      await writeCosignSaveLayout(dir, [
        { artifact: image, kind: KIND.image },
        { artifact: sigs, kind: KIND.sigs },
      ]);
      const text = await readFile(path.join(dir, 'index.json'), 'utf8');
      const size = `"size": ${sigs.manifest.length},`;
      await writeFile(path.join(dir, 'index.json'), text.replace(size, '"size": 3,'));
      expect(
        await failure(new OciLayoutStore(dir).getManifest(signatureTag(image.digest, '.sig')!)),
      ).toMatch(
        `${entry(1, KIND.sigs, sigs.digest).replace(/\\/g, '')}: declares 3 bytes, its manifest has ${sigs.manifest.length}`,
      );
    });
  });
});

describe('OCI 1.1 referrers listed in index.json (oras copy -r)', () => {
  const bundle = (n: number) => Buffer.from(JSON.stringify({ mediaType: BUNDLE, n }));

  it('lists the referrers of each image, described from the manifests themselves', async () => {
    const a = tinyImage();
    const b = tinyImage();
    const ra = cosignBundleReferrer(a, bundle(1));
    const rb = [cosignBundleReferrer(b, bundle(2)), cosignBundleReferrer(b, bundle(3))];
    await writeOrasLayout(dir, a, 'a', [ra, ...rb]);
    const store = new OciLayoutStore(dir);
    expect(await store.getReferrers(a.digest, BUNDLE)).toEqual([
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: ra.digest,
        size: ra.manifest.length,
        artifactType: BUNDLE,
        annotations: {
          'dev.sigstore.bundle.content': 'dsse-envelope',
          'dev.sigstore.bundle.predicateType': 'https://sigstore.dev/cosign/sign/v1',
          'org.opencontainers.image.created': '2026-12-01T22:00:00Z',
        },
      },
    ]);
    expect((await store.getReferrers(b.digest))?.map((d) => d.digest)).toEqual(
      rb.map((r) => r.digest),
    );
    const found = await discover(store, b.digest, { formats: ['bundle'] });
    expect(found.candidates.map((c) => c.kind === 'bundle' && c.format)).toEqual([
      'bundle-referrer',
      'bundle-referrer',
    ]);
  });

  it.each([
    ['no referrers at all', (_a: Artifact) => [cosignBundleReferrer(tinyImage(), bundle(1))]],
    ['referrers of another artifact type', (a: Artifact) => [otherType(a)]],
  ])('answers undefined for %s, so the tag fallback is looked in', async (_, refs) => {
    const a = tinyImage();
    await writeOrasLayout(dir, a, 'a', refs(a));
    expect(await new OciLayoutStore(dir).getReferrers(a.digest, BUNDLE)).toBeUndefined();
  });

  it('takes the artifact type from the manifest, not from what index.json says of it', async () => {
    const a = tinyImage();
    const sbom = otherType(a);
    await writeOrasLayout(dir, a, 'a', [sbom]);
    const text = await readFile(path.join(dir, 'index.json'), 'utf8');
    await writeFile(
      path.join(dir, 'index.json'),
      text.replace('"artifactType":"application/spdx+json"', `"artifactType":"${BUNDLE}"`),
    );
    expect(await new OciLayoutStore(dir).getReferrers(a.digest, BUNDLE)).toBeUndefined();
  });

  it.each([
    [
      'missing',
      async (r: Artifact) => rm(blobPath(dir, r.digest)),
      (r: Artifact) =>
        `^MALFORMED: oci-layout://.*: index.json manifests\\[1\\] \\(${r.digest}\\): its manifest blobs/sha256/${r.digest.slice(7)} is missing`,
    ],
    [
      'tampered',
      async (r: Artifact) =>
        writeFile(blobPath(dir, r.digest), Buffer.from(r.manifest.toString() + '\n')),
      (r: Artifact) =>
        `^DIGEST_MISMATCH: oci-layout://.*: index.json manifests\\[1\\] \\(${r.digest}\\): blob ${r.digest} holds bytes hashing to`,
    ],
    [
      'not a manifest',
      async (r: Artifact) => {
        const text = await readFile(path.join(dir, 'index.json'), 'utf8');
        const junk = Buffer.from('[]');
        await writeFile(blobPath(dir, r.digest), junk);
        const d = sha(junk);
        await writeFile(blobPath(dir, d), junk);
        await writeFile(
          path.join(dir, 'index.json'),
          text.replace(r.digest, d).replace(`"size":${r.manifest.length}`, '"size":2'),
        );
      },
      () => `^MALFORMED: oci-layout://.*: index.json manifests\\[1\\] \\(sha256:[0-9a-f]{64}\\)`,
    ],
  ])('a listed entry whose manifest is %s is an error naming it', async (_, spoil, expected) => {
    const a = tinyImage();
    const r = cosignBundleReferrer(a, bundle(1));
    await writeOrasLayout(dir, a, 'a', [r]);
    await spoil(r);
    const store = new OciLayoutStore(dir);
    expect(await failure(store.getReferrers(a.digest, BUNDLE))).toMatch(new RegExp(expected(r)));
    expect(await failure(discover(store, a.digest, { formats: ['bundle'] }))).toMatch(
      new RegExp(expected(r)),
    );
  });

  it('a layout without listed referrers still has its sha256-<hex> tag index read', async () => {
    const a = tinyImage();
    const r = cosignBundleReferrer(a, bundle(1));
    await writeOrasLayout(dir, a, 'a', [r]);
    // As `crane pull --format=oci` of a cosign v3 image signed without the referrers API: the
    // referrer reached only through the fallback tag, not listed on its own.
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: r.mediaType,
            digest: r.digest,
            size: r.manifest.length,
            artifactType: BUNDLE,
          },
        ],
      }),
    );
    await writeFile(blobPath(dir, sha(index)), index);
    const text = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as {
      manifests: object[];
    };
    text.manifests[1] = {
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: sha(index),
      size: index.length,
      annotations: { 'org.opencontainers.image.ref.name': referrersTag(a.digest) },
    };
    await writeFile(path.join(dir, 'index.json'), JSON.stringify(text));
    const store = new OciLayoutStore(dir);
    expect(await store.getReferrers(a.digest, BUNDLE)).toBeUndefined();
    const found = await discover(store, a.digest, { formats: ['bundle'] });
    expect(found.candidates.map((c) => c.kind === 'bundle' && c.format)).toEqual(['bundle-tag']);
  });

  it('a referrer naming another image is not listed for this one', async () => {
    const a = tinyImage();
    const other = tinyImage();
    await writeOrasLayout(dir, a, 'a', [cosignBundleReferrer(other, bundle(1))]);
    const found = await discover(new OciLayoutStore(dir), a.digest, { formats: ['bundle'] });
    expect(found.candidates).toEqual([]);
  });
});

/** An SPDX referrer of `a` (oras attach --artifact-type application/spdx+json). */
function otherType(a: Artifact): Artifact {
  const r = cosignBundleReferrer(a, Buffer.from('{}'));
  const m = JSON.parse(r.manifest.toString()) as Record<string, unknown>;
  m.artifactType = 'application/spdx+json';
  const bytes = Buffer.from(JSON.stringify(m));
  return { ...r, manifest: bytes, digest: sha(bytes) };
}

describe('cosign save of a cosign v3 image: bundle referrers left unlisted in blobs/', () => {
  const bundle = (n: number) => Buffer.from(JSON.stringify({ mediaType: BUNDLE, n }));

  it('finds the referrers whose subject is the cosign image entry, skipping layers and configs', async () => {
    const image = tinyImage();
    const refs = [cosignBundleReferrer(image, bundle(1)), cosignBundleReferrer(image, bundle(2))];
    const stranger = cosignBundleReferrer(tinyImage(), bundle(3));
    await writeCosignSaveLayout(dir, [{ artifact: image, kind: KIND.image }], [...refs, stranger]);
    const store = new OciLayoutStore(dir);
    const listed = await store.getReferrers(image.digest, BUNDLE);
    expect(listed?.map((d) => d.digest).sort()).toEqual(refs.map((r) => r.digest).sort());
    const found = await discover(store, image.digest, { formats: ['bundle'] });
    expect(found.candidates).toHaveLength(2);
    expect(
      found.candidates.every((c) => c.kind === 'bundle' && c.format === 'bundle-referrer'),
    ).toBe(true);
  });

  it.each([
    ['an oras layout (no cosign image entry)', 'oras'],
    ['a digest that is not the cosign image entry', 'other'],
  ])('does not look through blobs/ for %s', async (_, variant) => {
    const image = tinyImage();
    const r = cosignBundleReferrer(image, bundle(1));
    if (variant === 'oras') {
      await writeOrasLayout(dir, image, 'v1', []);
      await writeFile(blobPath(dir, r.digest), r.manifest); // in blobs/, not in index.json
    } else {
      await writeCosignSaveLayout(dir, [{ artifact: tinyImage(), kind: KIND.image }], [r]);
    }
    expect(await new OciLayoutStore(dir).getReferrers(image.digest, BUNDLE)).toBeUndefined();
  });

  it('a tampered unlisted referrer of the image is DIGEST_MISMATCH naming the blob', async () => {
    const image = tinyImage();
    const r = cosignBundleReferrer(image, bundle(1));
    await writeCosignSaveLayout(dir, [{ artifact: image, kind: KIND.image }], [r]);
    await writeFile(blobPath(dir, r.digest), r.manifest.toString().replace('dsse-envelope', 'x'));
    expect(await failure(new OciLayoutStore(dir).getReferrers(image.digest, BUNDLE))).toMatch(
      new RegExp(
        `^DIGEST_MISMATCH: oci-layout://.*: unlisted blobs/sha256/${r.digest.slice(7)} names ${image.digest} as its subject but holds bytes hashing to sha256:`,
      ),
    );
  });
});
