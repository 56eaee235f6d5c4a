// Attaches signatures to images in a real registry the way cosign stores them: legacy
// `sha256-<hex>.sig` manifests with one simple-signing layer per signature, and Sigstore bundles
// as OCI 1.1 referrers reachable through the `sha256-<hex>` tag-index fallback.
import { pushBlob, pushManifest, sha256, type PushTarget } from './oci-push.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const EMPTY = 'application/vnd.oci.empty.v1+json';

export interface SignatureLayer {
  payload: Uint8Array;
  annotations: Record<string, string>;
}

export const sigTag = (digest: string, suffix = '.sig'): string =>
  digest.replace(':', '-') + suffix;

/** Writes the `.sig` manifest for `digest` holding `layers` (replacing any earlier one). */
export async function pushLegacySignatures(
  target: PushTarget,
  repo: string,
  digest: string,
  layers: SignatureLayer[],
): Promise<string> {
  const config = Buffer.from('{}');
  await pushBlob(target, repo, config);
  const descs = [];
  for (const l of layers) {
    await pushBlob(target, repo, l.payload);
    descs.push({
      mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
      digest: sha256(l.payload),
      size: l.payload.length,
      annotations: l.annotations,
    });
  }
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: sha256(config),
      size: config.length,
    },
    layers: descs,
  };
  return pushManifest(target, repo, sigTag(digest), JSON.stringify(manifest), OCI_MANIFEST);
}

export interface Subject {
  digest: string;
  size: number;
  mediaType?: string;
}

/**
 * Pushes a bundle referrer manifest (artifactType and single layer of the bundle media type, with
 * `subject`), then lists every referrer given in the `sha256-<hex>` fallback tag index.
 */
export async function pushBundleReferrers(
  target: PushTarget,
  repo: string,
  subject: Subject,
  bundles: Array<{ bytes: Uint8Array; predicateType?: string; subjectOverride?: Subject }>,
): Promise<string[]> {
  const empty = Buffer.from('{}');
  await pushBlob(target, repo, empty);
  const entries = [];
  const digests = [];
  for (const b of bundles) {
    await pushBlob(target, repo, b.bytes);
    const s = b.subjectOverride ?? subject;
    const annotations: Record<string, string> = { 'dev.sigstore.bundle.content': 'dsse-envelope' };
    if (b.predicateType) annotations['dev.sigstore.bundle.predicateType'] = b.predicateType;
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: BUNDLE,
        config: { mediaType: EMPTY, digest: sha256(empty), size: empty.length, data: 'e30=' },
        layers: [{ mediaType: BUNDLE, digest: sha256(b.bytes), size: b.bytes.length }],
        subject: { mediaType: s.mediaType ?? OCI_MANIFEST, digest: s.digest, size: s.size },
        annotations,
      }),
    );
    const d = await pushManifest(target, repo, sha256(manifest), manifest, OCI_MANIFEST);
    digests.push(d);
    entries.push({
      mediaType: OCI_MANIFEST,
      digest: d,
      size: manifest.length,
      artifactType: BUNDLE,
      annotations,
    });
  }
  const index = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: entries };
  await pushManifest(target, repo, sigTag(subject.digest, ''), JSON.stringify(index), OCI_INDEX);
  return digests;
}

export interface AttestationLayer {
  /** The DSSE envelope blob, exactly as cosign uploads it. */
  envelope: Uint8Array;
  annotations: Record<string, string>;
}

/**
 * Writes the legacy `sha256-<hex>.att` manifest for `digest` as cosign v2 `attest` does: one
 * `application/vnd.dsse.envelope.v1+json` layer per attestation, and go-containerregistry's
 * config for an image built from nothing (empty platform, zero times, the layers as diff_ids).
 */
export async function pushLegacyAttestations(
  target: PushTarget,
  repo: string,
  digest: string,
  layers: AttestationLayer[],
): Promise<string> {
  const descs = [];
  for (const l of layers) {
    await pushBlob(target, repo, l.envelope);
    descs.push({
      mediaType: 'application/vnd.dsse.envelope.v1+json',
      digest: sha256(l.envelope),
      size: l.envelope.length,
      annotations: l.annotations,
    });
  }
  const zero = '0001-01-01T00:00:00Z';
  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      created: zero,
      history: descs.map(() => ({ created: zero })),
      os: '',
      rootfs: { type: 'layers', diff_ids: descs.map((d) => d.digest) },
      config: {},
    }),
  );
  await pushBlob(target, repo, config);
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: sha256(config),
      size: config.length,
    },
    layers: descs,
  };
  return pushManifest(target, repo, sigTag(digest, '.att'), JSON.stringify(manifest), OCI_MANIFEST);
}
