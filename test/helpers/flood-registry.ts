// An OCI distribution server whose signature floods are generated on the fly: any number of
// bundle referrers, each a distinct blob just under the 10 MiB bundle cap, built from one shared
// prefix (hashed once) and a short per-blob suffix, so the test process holds ~10 MiB however
// many gigabytes it serves. Next to them: real image manifests, `.sig` manifests and bundles.
import { createHash, type Hash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const EMPTY = 'application/vnd.oci.empty.v1+json';
const EMPTY_BLOB = Buffer.from('{}');

export const sha256 = (b: Uint8Array | string): string =>
  `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** A blob served as `prefix` + `suffix`; the prefix is shared by every blob of one flood. */
interface SplitBlob {
  prefix: Buffer;
  suffix: Buffer;
}

export interface FloodRegistry {
  /** `127.0.0.1:PORT`. */
  host: string;
  /** `GET` paths served, in order. */
  seen: string[];
  /** Bytes of blob bodies sent (what the client was offered). */
  blobBytesSent(): number;
  /** A distinct image manifest under `repo:tag`; returns its digest and size. */
  putImage(repo: string, tag: string): { digest: string; size: number };
  /** A `.sig` tag for `subject` with these simple-signing layers. */
  putLegacySignatures(
    repo: string,
    subject: string,
    layers: Array<{ payload: Buffer; annotations: Record<string, string>; declaredSize?: number }>,
  ): void;
  /**
   * A referrer of `subject` whose one bundle layer is this descriptor, as declared (the blob need
   * not exist); `pad` bytes of annotation make the referrer manifest itself that much larger.
   */
  addReferrerDescriptor(
    repo: string,
    subject: { digest: string; size: number },
    layer: { digest: string; size: number },
    pad?: number,
  ): void;
  /** A referrer of `subject` holding `bundle`; listed after those added before it. */
  addBundleReferrer(repo: string, subject: { digest: string; size: number }, bundle: Buffer): void;
  /**
   * `count` referrers of `subject`, each a distinct bundle of `prefix` + a suffix made by
   * `suffix(i)`; listed after those added before.
   */
  addFlood(
    repo: string,
    subject: { digest: string; size: number },
    count: number,
    prefix: Buffer,
    suffix: (i: number) => Buffer,
  ): void;
  close(): Promise<void>;
}

export async function startFloodRegistry(): Promise<FloodRegistry> {
  const manifests = new Map<string, { bytes: Buffer; mediaType: string }>();
  const blobs = new Map<string, Buffer | SplitBlob>();
  const referrers = new Map<string, object[]>();
  const seen: string[] = [];
  let blobBytes = 0;
  let images = 0;

  const putManifest = (repo: string, bytes: Buffer, mediaType: string, tag?: string): string => {
    const digest = sha256(bytes);
    manifests.set(`${repo}@${digest}`, { bytes, mediaType });
    if (tag !== undefined) manifests.set(`${repo}:${tag}`, { bytes, mediaType });
    return digest;
  };

  const referrerManifest = (
    repo: string,
    subject: { digest: string; size: number },
    layer: { digest: string; size: number },
    pad = 0,
  ): void => {
    const annotations = {
      'dev.sigstore.bundle.predicateType': 'https://sigstore.dev/cosign/sign/v1',
      ...(pad > 0 ? { pad: 'x'.repeat(pad) } : {}),
    };
    const bytes = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: BUNDLE,
        config: { mediaType: EMPTY, digest: sha256(EMPTY_BLOB), size: 2 },
        layers: [{ mediaType: BUNDLE, ...layer }],
        subject: { mediaType: OCI_MANIFEST, ...subject },
        annotations,
      }),
    );
    const digest = putManifest(repo, bytes, OCI_MANIFEST);
    const key = `${repo}@${subject.digest}`;
    const list = referrers.get(key) ?? [];
    list.push({
      mediaType: OCI_MANIFEST,
      digest,
      size: bytes.length,
      artifactType: BUNDLE,
      annotations: {
        'dev.sigstore.bundle.predicateType': annotations['dev.sigstore.bundle.predicateType'],
      },
    });
    referrers.set(key, list);
  };

  const send = (res: ServerResponse, status: number, body: Buffer, type: string): void => {
    res.writeHead(status, { 'content-type': type, 'content-length': String(body.length) });
    res.end(body);
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(url.pathname);
    if (url.pathname === '/v2/' || url.pathname === '/v2')
      return send(res, 200, Buffer.from('{}'), 'application/json');
    const m = /^\/v2\/(.+)\/(manifests|blobs|referrers)\/([^/]+)$/.exec(url.pathname);
    const notFound = () =>
      send(res, 404, Buffer.from('{"errors":[{"code":"NOT_FOUND"}]}'), 'application/json');
    if (!m) return notFound();
    const [, repo, kind, ref] = m as unknown as [string, string, string, string];
    if (kind === 'manifests') {
      const found = manifests.get(`${repo}${ref.includes(':') ? '@' : ':'}${ref}`);
      if (!found) return notFound();
      return send(res, 200, found.bytes, found.mediaType);
    }
    if (kind === 'referrers') {
      const list = referrers.get(`${repo}@${ref}`) ?? [];
      const index = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: list };
      return send(res, 200, Buffer.from(JSON.stringify(index)), OCI_INDEX);
    }
    const blob = blobs.get(ref);
    if (!blob) return notFound();
    if (Buffer.isBuffer(blob)) {
      blobBytes += blob.length;
      return send(res, 200, blob, 'application/octet-stream');
    }
    const size = blob.prefix.length + blob.suffix.length;
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(size),
    });
    // Counted as written: a client that stops reading closes the connection and the rest is moot.
    let sent = 0;
    const chunk = 256 * 1024;
    const pump = (): void => {
      while (sent < blob.prefix.length && !res.destroyed) {
        const part = blob.prefix.subarray(sent, sent + chunk);
        sent += part.length;
        blobBytes += part.length;
        if (!res.write(part)) {
          res.once('drain', pump);
          return;
        }
      }
      if (res.destroyed) return;
      blobBytes += blob.suffix.length;
      res.end(blob.suffix);
    };
    pump();
  };

  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;

  return {
    host: `127.0.0.1:${port}`,
    seen,
    blobBytesSent: () => blobBytes,
    putImage(repo, tag) {
      const n = images++;
      const layer = Buffer.from(`layer of image ${n}`);
      const bytes = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: OCI_MANIFEST,
          config: {
            mediaType: 'application/vnd.oci.image.config.v1+json',
            digest: sha256(`config ${n}`),
            size: 9,
          },
          layers: [
            {
              mediaType: 'application/vnd.oci.image.layer.v1.tar',
              digest: sha256(layer),
              size: layer.length,
            },
          ],
        }),
      );
      return { digest: putManifest(repo, bytes, OCI_MANIFEST, tag), size: bytes.length };
    },
    putLegacySignatures(repo, subject, layers) {
      const descs = layers.map((l) => {
        blobs.set(sha256(l.payload), l.payload);
        return {
          mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
          digest: sha256(l.payload),
          size: l.declaredSize ?? l.payload.length,
          annotations: l.annotations,
        };
      });
      const bytes = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: OCI_MANIFEST,
          config: {
            mediaType: 'application/vnd.oci.image.config.v1+json',
            digest: sha256(EMPTY_BLOB),
            size: 2,
          },
          layers: descs,
        }),
      );
      putManifest(repo, bytes, OCI_MANIFEST, `${subject.replace(':', '-')}.sig`);
    },
    addBundleReferrer(repo, subject, bundle) {
      blobs.set(sha256(bundle), bundle);
      referrerManifest(repo, subject, { digest: sha256(bundle), size: bundle.length });
    },
    addReferrerDescriptor(repo, subject, layer, pad) {
      referrerManifest(repo, subject, layer, pad);
    },
    addFlood(repo, subject, count, prefix, suffix) {
      const hashed: Hash = createHash('sha256').update(prefix);
      for (let i = 0; i < count; i++) {
        const tail = suffix(i);
        const digest = `sha256:${hashed.copy().update(tail).digest('hex')}`;
        blobs.set(digest, { prefix, suffix: tail });
        referrerManifest(repo, subject, { digest, size: prefix.length + tail.length });
      }
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
