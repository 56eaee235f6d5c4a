// Seeding the benchmark's registry by writing distribution's filesystem storage directly: the
// same blobs, manifests and tags the push helpers (test/helpers/oci-push.ts, cosign-push.ts)
// upload, at a few file writes per object instead of 10-14 HTTP requests per image. 10 000
// images push over HTTP in about 15 minutes on a loaded 2-core machine; written here, in seconds.
//
// Layout (distribution 2.8, registry/storage/paths.go): blob bytes at
// `blobs/sha256/<2 hex>/<hex>/data`; a blob in a repository is the link
// `repositories/<repo>/_layers/sha256/<hex>/link`, a manifest the link
// `_manifests/revisions/sha256/<hex>/link`, a tag `_manifests/tags/<tag>/current/link` plus
// `tags/<tag>/index/sha256/<hex>/link`; every link holds `sha256:<hex>`. The registry reads these
// on each request (its in-memory cache holds only descriptors it has looked up), so files written
// before the first request are served as if pushed.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const EMPTY = 'application/vnd.oci.empty.v1+json';

const sha256 = (b: Uint8Array): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const sigTag = (digest: string, suffix: string): string => digest.replace(':', '-') + suffix;

export interface SeededImage {
  digest: string;
  size: number;
}

export class StorageSeeder {
  private readonly v2: string;
  private readonly blobs = new Set<string>();
  private readonly links = new Set<string>();

  constructor(storageDir: string) {
    this.v2 = path.join(storageDir, 'docker', 'registry', 'v2');
  }

  private link(file: string, digest: string): void {
    if (this.links.has(file)) return;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, digest);
    this.links.add(file);
  }

  private data(bytes: Uint8Array): string {
    const digest = sha256(bytes);
    if (!this.blobs.has(digest)) {
      const hex = digest.slice(7);
      const dir = path.join(this.v2, 'blobs', 'sha256', hex.slice(0, 2), hex);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'data'), bytes);
      this.blobs.add(digest);
    }
    return digest;
  }

  /** A blob in `repo` (what a monolithic upload leaves behind). */
  blob(repo: string, bytes: Uint8Array): string {
    const digest = this.data(bytes);
    this.link(path.join(this.repo(repo), '_layers', 'sha256', digest.slice(7), 'link'), digest);
    return digest;
  }

  /** A manifest PUT to `repo` under `tag` (or by digest when `tag` is undefined). */
  manifest(repo: string, tag: string | undefined, bytes: Uint8Array): string {
    const digest = this.data(bytes);
    const hex = digest.slice(7);
    const m = path.join(this.repo(repo), '_manifests');
    this.link(path.join(m, 'revisions', 'sha256', hex, 'link'), digest);
    if (tag !== undefined) {
      this.link(path.join(m, 'tags', tag, 'current', 'link'), digest);
      this.link(path.join(m, 'tags', tag, 'index', 'sha256', hex, 'link'), digest);
    }
    return digest;
  }

  private repo(repo: string): string {
    return path.join(this.v2, 'repositories', ...repo.split('/'));
  }

  /** As pushImage: a distinct tiny image (random config and layer) under `tag`. */
  image(repo: string, tag: string): SeededImage {
    const config = Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: [] },
        nonce: randomBytes(8).toString('hex'),
      }),
    );
    const layer = randomBytes(64);
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: this.blob(repo, config),
          size: config.length,
        },
        layers: [
          {
            mediaType: 'application/vnd.oci.image.layer.v1.tar',
            digest: this.blob(repo, layer),
            size: layer.length,
          },
        ],
      }),
    );
    return { digest: this.manifest(repo, tag, manifest), size: manifest.length };
  }

  /** As pushLegacySignatures: the `sha256-<hex>.sig` manifest, one simple-signing layer each. */
  legacySignatures(
    repo: string,
    digest: string,
    layers: Array<{ payload: Uint8Array; annotations: Record<string, string> }>,
  ): string {
    const config = Buffer.from('{}');
    const manifest = {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: this.blob(repo, config),
        size: config.length,
      },
      layers: layers.map((l) => ({
        mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
        digest: this.blob(repo, l.payload),
        size: l.payload.length,
        annotations: l.annotations,
      })),
    };
    return this.manifest(repo, sigTag(digest, '.sig'), Buffer.from(JSON.stringify(manifest)));
  }

  /** As pushBundleReferrers: bundle referrer manifests listed in the `sha256-<hex>` tag index. */
  bundleReferrers(
    repo: string,
    subject: SeededImage,
    bundles: Array<{ bytes: Uint8Array; predicateType?: string }>,
  ): string[] {
    const empty = Buffer.from('{}');
    const emptyDigest = this.blob(repo, empty);
    const entries = [];
    const digests = [];
    for (const b of bundles) {
      const annotations: Record<string, string> = {
        'dev.sigstore.bundle.content': 'dsse-envelope',
      };
      if (b.predicateType) annotations['dev.sigstore.bundle.predicateType'] = b.predicateType;
      const manifest = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: OCI_MANIFEST,
          artifactType: BUNDLE,
          config: { mediaType: EMPTY, digest: emptyDigest, size: empty.length, data: 'e30=' },
          layers: [{ mediaType: BUNDLE, digest: this.blob(repo, b.bytes), size: b.bytes.length }],
          subject: { mediaType: OCI_MANIFEST, digest: subject.digest, size: subject.size },
          annotations,
        }),
      );
      const d = this.manifest(repo, undefined, manifest);
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
    this.manifest(repo, sigTag(subject.digest, ''), Buffer.from(JSON.stringify(index)));
    return digests;
  }
}
