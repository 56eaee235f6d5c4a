// OCI image layouts written byte for byte as real tools write them: `cosign save` (through
// go-containerregistry's layout package: MarshalIndent with three spaces, untagged entries
// annotated `kind`) and `oras copy --to-oci-layout -r` (oras-go content/oci: compact index.json,
// referrers listed untagged beside the tagged image, no referrers index).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const EMPTY = 'application/vnd.oci.empty.v1+json';
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
const DSSE = 'application/vnd.dsse.envelope.v1+json';

export const KIND = {
  image: 'dev.cosignproject.cosign/image',
  imageIndex: 'dev.cosignproject.cosign/imageIndex',
  sigs: 'dev.cosignproject.cosign/sigs',
  atts: 'dev.cosignproject.cosign/atts',
} as const;

const sha256 = (b: Uint8Array): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** A manifest and every blob it needs, as bytes. */
export interface Artifact {
  mediaType: string;
  manifest: Buffer;
  digest: string;
  blobs: Buffer[];
}

function artifact(mediaType: string, manifest: object, blobs: Buffer[]): Artifact {
  const bytes = Buffer.from(JSON.stringify(manifest));
  return { mediaType, manifest: bytes, digest: sha256(bytes), blobs };
}

/** Go marshals maps with their keys sorted. */
function goMap(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** go-containerregistry's descriptor field order: mediaType, size, digest, annotations. */
function ggcrDesc(mediaType: string, b: Buffer, annotations?: Record<string, string>): object {
  return {
    mediaType,
    size: b.length,
    digest: sha256(b),
    ...(annotations ? { annotations: goMap(annotations) } : {}),
  };
}

/** A distinct tiny image, as go-containerregistry serialises one (random config and layer). */
export function tinyImage(): Artifact {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      created: '0001-01-01T00:00:00Z',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [] },
      config: { Labels: { nonce: randomBytes(8).toString('hex') } },
    }),
  );
  const layer = randomBytes(64);
  return artifact(
    OCI_MANIFEST,
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: ggcrDesc('application/vnd.oci.image.config.v1+json', config),
      layers: [ggcrDesc('application/vnd.oci.image.layer.v1.tar+gzip', layer)],
    },
    [config, layer],
  );
}

/** An image index over `children`, as go-containerregistry writes one. */
export function imageIndex(children: Artifact[]): Artifact {
  return artifact(
    OCI_INDEX,
    {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: children.map((c) => ({
        ...ggcrDesc(c.mediaType, c.manifest),
        platform: { architecture: 'amd64', os: 'linux' },
      })),
    },
    children.flatMap((c) => [c.manifest, ...c.blobs]),
  );
}

/**
 * cosign's signatures (or attestations) image, the `.sig`/`.att` manifest cosign v2 writes: one
 * layer per signature with its annotations, and go-containerregistry's config for an image built
 * from nothing (empty platform, zero times, the layers as diff_ids).
 */
export function cosignSignaturesImage(
  layers: Array<{ payload: Buffer; annotations: Record<string, string> }>,
  mediaType: 'sigs' | 'atts' = 'sigs',
): Artifact {
  const layerType = mediaType === 'sigs' ? SIMPLE_SIGNING : DSSE;
  const zero = '0001-01-01T00:00:00Z';
  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      created: zero,
      history: layers.map(() => ({ created: zero })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => sha256(l.payload)) },
      config: {},
    }),
  );
  return artifact(
    OCI_MANIFEST,
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: ggcrDesc('application/vnd.oci.image.config.v1+json', config),
      layers: layers.map((l) => ggcrDesc(layerType, l.payload, l.annotations)),
    },
    [config, ...layers.map((l) => l.payload)],
  );
}

/**
 * The referrer cosign v3 writes for a bundle (cosign pkg/oci/remote/write.go WriteReferrer):
 * go-containerregistry's Manifest plus a trailing artifactType, the empty config also carrying
 * the artifactType, annotations sorted, subject last but one.
 */
export function cosignBundleReferrer(
  subject: Artifact,
  bundle: Buffer,
  predicateType = 'https://sigstore.dev/cosign/sign/v1',
  created = '2026-12-01T22:00:00Z',
): Artifact {
  const empty = Buffer.from('{}');
  return artifact(
    OCI_MANIFEST,
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: EMPTY,
        size: empty.length,
        digest: sha256(empty),
        artifactType: BUNDLE,
      },
      layers: [ggcrDesc(BUNDLE, bundle)],
      annotations: goMap({
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': predicateType,
        'org.opencontainers.image.created': created,
      }),
      subject: {
        mediaType: subject.mediaType,
        size: subject.manifest.length,
        digest: subject.digest,
      },
      artifactType: BUNDLE,
    },
    [empty, bundle],
  );
}

async function writeBlobs(dir: string, blobs: Buffer[]): Promise<void> {
  await mkdir(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  for (const b of blobs)
    await writeFile(path.join(dir, 'blobs', 'sha256', sha256(b).slice('sha256:'.length)), b);
}

const allBlobs = (a: Artifact): Buffer[] => [a.manifest, ...a.blobs];

export interface CosignSaveEntry {
  artifact: Artifact;
  kind: string;
  /** Leave the manifest blob out of blobs/ (a broken layout). */
  omitManifest?: boolean;
}

/**
 * `cosign save --dir DIR IMAGE`: layout.Write of an empty index, then AppendImage of the image
 * (kind image or imageIndex), its signatures (kind sigs) and attestations (kind atts), each
 * rewriting index.json with MarshalIndent. With cosign v3 the image's bundle referrers are
 * written as blobs too, but each write starts from an empty index.json again, so they are not
 * listed: `unlisted` are such artifacts.
 */
export async function writeCosignSaveLayout(
  dir: string,
  entries: CosignSaveEntry[],
  unlisted: Artifact[] = [],
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'oci-layout'), '{\n    "imageLayoutVersion": "1.0.0"\n}');
  for (const a of unlisted) await writeBlobs(dir, allBlobs(a));
  for (const e of entries)
    await writeBlobs(dir, e.omitManifest ? e.artifact.blobs : allBlobs(e.artifact));
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: entries.map((e) =>
      ggcrDesc(e.artifact.mediaType, e.artifact.manifest, { kind: e.kind }),
    ),
  };
  await writeFile(path.join(dir, 'index.json'), JSON.stringify(index, null, 3));
}

/**
 * `oras copy --to-oci-layout -r REGISTRY/REPO:TAG DIR:TAG`: the image tagged in index.json, each
 * referrer listed untagged with the descriptor the referrers API gave (artifactType and the
 * manifest's annotations), compact JSON in oras-go's field order; no referrers index.
 */
export async function writeOrasLayout(
  dir: string,
  image: Artifact,
  tag: string,
  referrers: Artifact[],
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  for (const a of [image, ...referrers]) await writeBlobs(dir, allBlobs(a));
  const orasDesc = (a: Artifact, extra: object) => ({
    mediaType: a.mediaType,
    digest: a.digest,
    size: a.manifest.length,
    ...extra,
  });
  const referrerExtra = (a: Artifact) => {
    const m = JSON.parse(a.manifest.toString()) as {
      artifactType?: string;
      annotations?: Record<string, string>;
    };
    return {
      ...(m.annotations ? { annotations: m.annotations } : {}),
      ...(m.artifactType ? { artifactType: m.artifactType } : {}),
    };
  };
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      orasDesc(image, { annotations: { 'org.opencontainers.image.ref.name': tag } }),
      ...referrers.map((r) => orasDesc(r, referrerExtra(r))),
    ],
  };
  await writeFile(path.join(dir, 'index.json'), JSON.stringify(index));
}

/** The path of a blob in a layout, for tampering. */
export const blobPath = (dir: string, digest: string): string =>
  path.join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
