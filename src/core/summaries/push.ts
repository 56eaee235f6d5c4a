// Attaching a signed summary to its image as an OCI 1.1 referrer, the way cosign v3 and
// actions/attest store bundles: an image manifest with `subject`, artifactType and one layer of
// the bundle media type, the empty config; listed in the `sha256-<hex>` tag index too when the
// registry does not take `subject` itself (no OCI-Subject header: no referrers API).
import { createHash } from 'node:crypto';
import { GateError } from '../errors.js';
import type { RepositoryWriter } from '../registry/repository.js';
import { errorDetail } from '../registry/http-errors.js';
import { MAX_MANIFEST_BYTES } from '../registry/limits.js';
import { MANIFEST_ACCEPT, MEDIA_TYPES, type Descriptor } from '../types.js';
import { referrersTag } from '../verify/discovery.js';

const EMPTY = Buffer.from('{}');
const PREDICATE_ANNOTATION = 'dev.sigstore.bundle.predicateType';
const CONTENT_ANNOTATION = 'dev.sigstore.bundle.content';

export interface PushedReferrer {
  /** The referrer manifest's digest. */
  digest: string;
  /** `referrers API` when the registry took `subject`, else `tag index sha256-<hex>`. */
  via: string;
}

export async function pushSummary(
  repo: RepositoryWriter,
  subjectDigest: string,
  bundle: Uint8Array,
  predicateType: string,
  created: string,
): Promise<PushedReferrer> {
  const subject = await subjectDescriptor(repo, subjectDigest);
  await putBlob(repo, EMPTY);
  const layer = await putBlob(repo, bundle);
  const annotations = {
    [CONTENT_ANNOTATION]: 'dsse-envelope',
    [PREDICATE_ANNOTATION]: predicateType,
    'org.opencontainers.image.created': created,
  };
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      artifactType: MEDIA_TYPES.bundleV03,
      config: { mediaType: MEDIA_TYPES.ociEmpty, digest: sha256(EMPTY), size: EMPTY.length },
      layers: [{ mediaType: MEDIA_TYPES.bundleV03, digest: layer, size: bundle.length }],
      subject,
      annotations,
    }),
  );
  const digest = sha256(manifest);
  const res = await putManifest(repo, digest, manifest, MEDIA_TYPES.ociManifest);
  // A registry with the referrers API says it indexed the subject (distribution-spec 1.1).
  if (res.headers.get('oci-subject') === subjectDigest) return { digest, via: 'referrers API' };
  const tag = referrersTag(subjectDigest);
  await addToTagIndex(repo, tag, {
    mediaType: MEDIA_TYPES.ociManifest,
    digest,
    size: manifest.length,
    artifactType: MEDIA_TYPES.bundleV03,
    annotations,
  });
  return { digest, via: `tag index ${tag}` };
}

/** The image manifest as a descriptor (media type and size of the bytes the registry serves). */
async function subjectDescriptor(repo: RepositoryWriter, digest: string): Promise<Descriptor> {
  const what = `manifest ${repo.name}@${digest}`;
  const res = await repo.send({
    method: 'GET',
    pathAndQuery: `/v2/${repo.repository}/manifests/${digest}`,
    headers: { accept: MANIFEST_ACCEPT.join(', ') },
    maxBytes: MAX_MANIFEST_BYTES,
    what,
  });
  expect(res.status, [200], what, res);
  if (sha256(res.body) !== digest)
    throw new GateError('DIGEST_MISMATCH', `${what}: registry returned other bytes`);
  let mediaType = res.headers.get('content-type')?.split(';')[0]?.trim();
  try {
    const m = JSON.parse(Buffer.from(res.body).toString('utf8')) as { mediaType?: unknown };
    if (typeof m.mediaType === 'string') mediaType = m.mediaType;
  } catch {
    // The digest matched what was verified; its media type then comes from the header.
  }
  return { mediaType: mediaType ?? MEDIA_TYPES.ociManifest, digest, size: res.body.length };
}

async function putBlob(repo: RepositoryWriter, bytes: Uint8Array): Promise<string> {
  const digest = sha256(bytes);
  const what = `blob ${repo.name}@${digest}`;
  const head = await repo.send({
    method: 'HEAD',
    pathAndQuery: `/v2/${repo.repository}/blobs/${digest}`,
    headers: {},
    maxBytes: 0,
    what,
  });
  if (head.status === 200) return digest;
  const start = await repo.send({
    method: 'POST',
    pathAndQuery: `/v2/${repo.repository}/blobs/uploads/`,
    headers: { 'content-length': '0' },
    body: new Uint8Array(0),
    maxBytes: 4096,
    what: `upload to ${repo.name}`,
  });
  expect(start.status, [202], `upload to ${repo.name}`, start);
  const location = start.headers.get('location');
  if (!location)
    throw new GateError('REGISTRY_ERROR', `upload to ${repo.name}: the registry gave no Location`);
  const url = new URL(location, repo.origin);
  url.searchParams.set('digest', digest);
  const put = await repo.send({
    method: 'PUT',
    pathAndQuery: url.href,
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.length),
    },
    body: bytes,
    maxBytes: 4096,
    what,
  });
  expect(put.status, [201], what, put);
  return digest;
}

async function putManifest(
  repo: RepositoryWriter,
  reference: string,
  bytes: Uint8Array,
  mediaType: string,
) {
  const what = `manifest ${repo.name}${reference.includes(':') ? '@' : ':'}${reference}`;
  const res = await repo.send({
    method: 'PUT',
    pathAndQuery: `/v2/${repo.repository}/manifests/${reference}`,
    headers: { 'content-type': mediaType, 'content-length': String(bytes.length) },
    body: bytes,
    maxBytes: 4096,
    what,
  });
  expect(res.status, [201], what, res);
  return res;
}

/** The fallback tag's index with the referrer added (an absent or non-index tag starts anew). */
async function addToTagIndex(repo: RepositoryWriter, tag: string, entry: Descriptor) {
  const what = `manifest ${repo.name}:${tag}`;
  const res = await repo.send({
    method: 'GET',
    pathAndQuery: `/v2/${repo.repository}/manifests/${tag}`,
    headers: { accept: MEDIA_TYPES.ociIndex },
    maxBytes: MAX_MANIFEST_BYTES,
    what,
  });
  let manifests: Descriptor[] = [];
  if (res.status === 200) {
    try {
      const index = JSON.parse(Buffer.from(res.body).toString('utf8')) as {
        mediaType?: unknown;
        manifests?: unknown;
      };
      if (index.mediaType === MEDIA_TYPES.ociIndex && Array.isArray(index.manifests))
        manifests = index.manifests as Descriptor[];
    } catch {
      // Per the distribution spec, a fallback tag that is not a valid index is replaced.
    }
  } else expect(res.status, [404], what, res);
  if (manifests.some((m) => m.digest === entry.digest)) return;
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociIndex,
      manifests: [...manifests, entry],
    }),
  );
  await putManifest(repo, tag, index, MEDIA_TYPES.ociIndex);
}

function expect(
  status: number,
  ok: number[],
  what: string,
  res: Parameters<typeof errorDetail>[0],
): void {
  if (!ok.includes(status))
    throw new GateError(
      'REGISTRY_ERROR',
      `${what}: registry answered HTTP ${status}${errorDetail(res)}`,
    );
}

function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
