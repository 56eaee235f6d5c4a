// How the entries of a layout's index.json are read as signature storage: `cosign save`'s
// untagged `kind` entries (image, sigs, atts) and OCI 1.1 referrers listed with a `subject`.
import { GateError } from '../errors.js';
import { MEDIA_TYPES, type Descriptor, type Manifest } from '../types.js';

/** The annotation key and values `cosign save` writes (cosign pkg/oci/layout/index.go). */
export const COSIGN_KIND = 'kind';
export const COSIGN_KINDS = {
  image: 'dev.cosignproject.cosign/image',
  imageIndex: 'dev.cosignproject.cosign/imageIndex',
  sigs: 'dev.cosignproject.cosign/sigs',
  atts: 'dev.cosignproject.cosign/atts',
} as const;

/** Media types an index.json entry may have and still be a manifest that names a subject. */
export const MANIFEST_ENTRY_TYPES: ReadonlySet<string> = new Set([
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerManifest,
  MEDIA_TYPES.dockerManifestList,
]);

/** One index.json entry and how messages name it: `index.json manifests[2] (kind …, sha256:…)`. */
export interface LayoutEntry {
  desc: Descriptor;
  where: string;
}

export function entryName(desc: Descriptor, i: number): string {
  const kind = desc.annotations?.[COSIGN_KIND];
  return `index.json manifests[${i}] (${kind !== undefined ? `kind ${kind}, ` : ''}${desc.digest})`;
}

/** An entry `cosign save` wrote for the image itself (kind image or imageIndex). */
export function isCosignImageEntry(desc: Descriptor): boolean {
  const kind = desc.annotations?.[COSIGN_KIND];
  return kind === COSIGN_KINDS.image || kind === COSIGN_KINDS.imageIndex;
}

const SIGNATURE_TAG = /^(sha256)-([a-f0-9]{64})\.(sig|att)$/;

/**
 * The `cosign save` entry that stands for the tag `sha256-<hex>.sig` (kind sigs) or `.att` (kind
 * atts) of a layout, or undefined when the layout holds none for that digest.
 *
 * cosign writes one image (or image index) per layout, untagged, with at most one sigs and one
 * atts entry beside it, and links them by nothing but sharing the layout. So the entries stand for
 * the tag only when the digest is that of the layout's one image entry; anything else that cannot
 * be told apart (several image entries, several sigs entries, sigs without an image) is MALFORMED,
 * naming the layout and the entries. What the entry holds is still only a candidate: each
 * signature's payload must name the image digest before the verifier accepts it.
 */
export function cosignSavedEntry(
  entries: readonly Descriptor[],
  tag: string,
  layout: string,
): LayoutEntry | undefined {
  const m = SIGNATURE_TAG.exec(tag);
  if (!m) return undefined;
  const digest = `${m[1]}:${m[2]}`;
  const kind = m[3] === 'sig' ? COSIGN_KINDS.sigs : COSIGN_KINDS.atts;
  const named = entries.map((desc, i) => ({ desc, where: entryName(desc, i) }));
  const images = named.filter((e) => isCosignImageEntry(e.desc));
  const held = named.filter((e) => e.desc.annotations?.[COSIGN_KIND] === kind);
  if (held.length === 0) return undefined;
  if (images.length === 0)
    throw new GateError(
      'MALFORMED',
      `${layout}: ${held[0].where} belongs to no ${COSIGN_KINDS.image} or ${COSIGN_KINDS.imageIndex} entry`,
    );
  if (!images.some((e) => e.desc.digest === digest)) return undefined;
  if (images.length > 1)
    throw new GateError(
      'MALFORMED',
      `${layout}: ${images.length} cosign image entries (${list(images)}): cannot tell which one ${held[0].where} belongs to`,
    );
  if (held.length > 1)
    throw new GateError(
      'MALFORMED',
      `${layout}: ${held.length} entries of kind ${kind} for one image (${list(held)})`,
    );
  return held[0];
}

const list = (es: LayoutEntry[]): string => es.map((e) => e.where).join(', ');

/**
 * The descriptor a registry's referrers API would list for manifest `m` (OCI distribution spec:
 * artifactType falls back to the config media type, annotations are the manifest's own), built
 * from the manifest read and hashed, never from what index.json claims about it.
 */
export function referrerDescriptor(
  m: Manifest,
  mediaType: string,
  digest: string,
  size: number,
): Descriptor {
  const d: Descriptor = { mediaType, digest, size };
  const artifactType = m.artifactType ?? m.config?.mediaType;
  if (artifactType !== undefined) d.artifactType = artifactType;
  if (m.annotations) d.annotations = m.annotations;
  return d;
}
