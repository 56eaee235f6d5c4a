// Minimal OCI content builders shared by the example generator and the e2e seed: tiny images,
// cosign legacy signature manifests, an OCI layout writer and a registry pusher.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const sha256 = (b) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const desc = (mediaType, bytes, extra = {}) => ({
  mediaType,
  digest: sha256(bytes),
  size: bytes.length,
  ...extra,
});

/** A small but real image: one gzip'd empty tar layer and a config naming `label`. */
export function makeImage(label) {
  const layer = gzipSync(Buffer.alloc(1024));
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { 'org.opencontainers.image.title': label } },
      rootfs: { type: 'layers', diff_ids: [sha256(Buffer.alloc(1024))] },
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: desc('application/vnd.oci.image.config.v1+json', config),
      layers: [desc('application/vnd.oci.image.layer.v1.tar+gzip', layer)],
    }),
  );
  return { blobs: [config, layer], manifest, digest: sha256(manifest) };
}

/** The manifest cosign writes at tag `sha256-<hex>.sig`: one simple-signing layer per signature. */
export function makeSignatureManifest(signatures) {
  const config = Buffer.from('{}');
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: desc('application/vnd.oci.image.config.v1+json', config),
      layers: signatures.map((s) =>
        desc('application/vnd.dev.cosign.simplesigning.v1+json', s.payload, {
          annotations: s.annotations,
        }),
      ),
    }),
  );
  return {
    blobs: [config, ...signatures.map((s) => s.payload)],
    manifest,
    digest: sha256(manifest),
  };
}

export function signatureTag(digest) {
  return `${digest.replace(':', '-')}.sig`;
}

/** Writes an OCI image layout: blobs, index.json with ref.name annotations, oci-layout. */
export function writeLayout(dir, entries) {
  mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  const put = (b) => writeFileSync(path.join(dir, 'blobs', 'sha256', sha256(b).slice(7)), b);
  const manifests = [];
  for (const { tag, content } of entries) {
    content.blobs.forEach(put);
    put(content.manifest);
    manifests.push(
      desc('application/vnd.oci.image.manifest.v1+json', content.manifest, {
        annotations: { 'org.opencontainers.image.ref.name': tag },
      }),
    );
  }
  writeFileSync(
    path.join(dir, 'oci-layout'),
    JSON.stringify({ imageLayoutVersion: '1.0.0' }) + '\n',
  );
  writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({ schemaVersion: 2, manifests }, null, 2) + '\n',
  );
}

/** Pushes blobs and a manifest to a registry (plain HTTP; loopback registries in tests and CI). */
export async function push(host, repo, tag, content) {
  for (const b of content.blobs) {
    const start = await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, { method: 'POST' });
    if (start.status !== 202) throw new Error(`upload start: ${start.status}`);
    const loc = new URL(start.headers.get('location'), `http://${host}`);
    loc.searchParams.set('digest', sha256(b));
    const put = await fetch(loc, {
      method: 'PUT',
      body: b,
      headers: { 'content-type': 'application/octet-stream' },
    });
    if (put.status !== 201) throw new Error(`blob put: ${put.status}`);
  }
  const res = await fetch(`http://${host}/v2/${repo}/manifests/${tag}`, {
    method: 'PUT',
    body: content.manifest,
    headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
  });
  if (res.status !== 201) throw new Error(`manifest put: ${res.status} ${await res.text()}`);
}
