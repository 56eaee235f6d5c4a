// A small in-memory OCI distribution server (node:http) with the OCI 1.1 referrers API, which
// Debian's distribution 2.8 lacks: manifests, blobs, and `GET /v2/<name>/referrers/<digest>`.
//
// Referrers are computed from stored manifests' `subject`, as the spec says. Knobs make it behave
// like the registries a client must survive: ignore the artifactType filter, claim a filter it did
// not apply, answer 404 (no API), or list extra entries that are not referrers at all.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

export interface ReferrersServerOptions {
  /**
   * How `?artifactType=` is treated: `apply` filters and sets `OCI-Filters-Applied` (spec),
   * `ignore` returns everything without the header (spec-allowed), `lie` returns everything but
   * still sets the header (non-conformant; a client must filter anyway).
   */
  filter?: 'apply' | 'ignore' | 'lie';
  /** false: answer 404 on the referrers endpoint, like a registry without the API. */
  referrersApi?: boolean;
}

export interface ServedDescriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

interface StoredManifest {
  bytes: Buffer;
  mediaType: string;
}

interface Repo {
  manifests: Map<string, StoredManifest>;
  tags: Map<string, string>;
  blobs: Map<string, Buffer>;
  /** Entries appended to a subject's referrers list regardless of any manifest's subject. */
  extraReferrers: Map<string, ServedDescriptor[]>;
}

export interface SeenRequest {
  method: string;
  url: string;
}

export interface ReferrersServer {
  /** `127.0.0.1:PORT`: an image reference's registry part. */
  host: string;
  seen: SeenRequest[];
  options: ReferrersServerOptions;
  putBlob(repo: string, bytes: Uint8Array | string): ServedDescriptor;
  /** Stores manifest bytes under their digest (and `tag`, if given); returns the descriptor. */
  putManifest(
    repo: string,
    bytes: Uint8Array | string,
    opts?: { tag?: string; mediaType?: string },
  ): ServedDescriptor;
  /** Makes the referrers list of `subject` also show `entry` (a lying or sloppy registry). */
  addReferrerEntry(repo: string, subject: string, entry: ServedDescriptor): void;
  /**
   * Loads a directory laid out as `manifests/<tag or digest>` and `blobs/<digest>`, with `~`
   * standing for `:` in file names (the teleport fixture's layout); `referrers/` is not loaded,
   * since this server computes referrers from the manifests it holds.
   */
  loadDirectory(repo: string, dir: string): void;
  close(): Promise<void>;
}

export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export async function startReferrersServer(
  options: ReferrersServerOptions = {},
): Promise<ReferrersServer> {
  const repos = new Map<string, Repo>();
  const seen: SeenRequest[] = [];
  const repoOf = (name: string): Repo => {
    let r = repos.get(name);
    if (!r) {
      r = { manifests: new Map(), tags: new Map(), blobs: new Map(), extraReferrers: new Map() };
      repos.set(name, r);
    }
    return r;
  };

  const putBlob = (repo: string, data: Uint8Array | string): ServedDescriptor => {
    const bytes = Buffer.from(data);
    const digest = sha256(bytes);
    repoOf(repo).blobs.set(digest, bytes);
    return { mediaType: 'application/octet-stream', digest, size: bytes.length };
  };

  const putManifest = (
    repo: string,
    data: Uint8Array | string,
    opts: { tag?: string; mediaType?: string } = {},
  ): ServedDescriptor => {
    const bytes = Buffer.from(data);
    const digest = sha256(bytes);
    const parsed = JSON.parse(bytes.toString('utf8')) as { mediaType?: string };
    const mediaType = opts.mediaType ?? parsed.mediaType ?? OCI_MANIFEST;
    const r = repoOf(repo);
    r.manifests.set(digest, { bytes, mediaType });
    if (opts.tag !== undefined) r.tags.set(opts.tag, digest);
    return { mediaType, digest, size: bytes.length };
  };

  const referrersOf = (r: Repo, subject: string): ServedDescriptor[] => {
    const out: ServedDescriptor[] = [];
    for (const [digest, m] of r.manifests) {
      let doc: {
        subject?: { digest?: string };
        artifactType?: string;
        config?: { mediaType?: string };
        annotations?: Record<string, string>;
      };
      try {
        doc = JSON.parse(m.bytes.toString('utf8')) as typeof doc;
      } catch {
        continue;
      }
      if (doc.subject?.digest !== subject) continue;
      // Spec: artifactType, else the config media type.
      const artifactType = doc.artifactType ?? doc.config?.mediaType;
      out.push({
        mediaType: m.mediaType,
        digest,
        size: m.bytes.length,
        ...(artifactType !== undefined ? { artifactType } : {}),
        ...(doc.annotations ? { annotations: doc.annotations } : {}),
      });
    }
    return [...out, ...(r.extraReferrers.get(subject) ?? [])];
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({ method: req.method ?? '', url: req.url ?? '' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return error(res, 405, 'UNSUPPORTED');
    if (url.pathname === '/v2/' || url.pathname === '/v2')
      return json(res, 200, '{}', 'application/json');
    const m = /^\/v2\/(.+)\/(manifests|blobs|referrers)\/([^/]+)$/.exec(url.pathname);
    if (!m) return error(res, 404, 'NAME_UNKNOWN');
    const [, name, kind, ref] = m as unknown as [string, string, string, string];
    const r = repos.get(name);
    if (kind === 'referrers') {
      if (options.referrersApi === false) return error(res, 404, 'NOT_FOUND');
      if (!/^sha256:[a-f0-9]{64}$/.test(ref)) return error(res, 400, 'DIGEST_INVALID');
      let list = r ? referrersOf(r, ref) : [];
      const wanted = url.searchParams.get('artifactType');
      const headers: Record<string, string> = {};
      const mode = options.filter ?? 'apply';
      if (wanted !== null && mode !== 'ignore') headers['oci-filters-applied'] = 'artifactType';
      if (wanted !== null && mode === 'apply') list = list.filter((d) => d.artifactType === wanted);
      const body = JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: list });
      return json(res, 200, body, OCI_INDEX, headers, req.method === 'HEAD');
    }
    if (!r) return error(res, 404, 'NAME_UNKNOWN');
    if (kind === 'blobs') {
      const blob = r.blobs.get(ref);
      if (!blob) return error(res, 404, 'BLOB_UNKNOWN');
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(blob.length),
        'docker-content-digest': ref,
      });
      res.end(req.method === 'HEAD' ? undefined : blob);
      return;
    }
    const digest = ref.includes(':') ? ref : r.tags.get(ref);
    const man = digest !== undefined ? r.manifests.get(digest) : undefined;
    if (!man || digest === undefined) return error(res, 404, 'MANIFEST_UNKNOWN');
    return json(
      res,
      200,
      man.bytes,
      man.mediaType,
      { 'docker-content-digest': digest },
      req.method === 'HEAD',
    );
  };

  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;

  return {
    host: `127.0.0.1:${port}`,
    seen,
    options,
    putBlob,
    putManifest,
    addReferrerEntry(repo, subject, entry) {
      const r = repoOf(repo);
      r.extraReferrers.set(subject, [...(r.extraReferrers.get(subject) ?? []), entry]);
    },
    loadDirectory(repo, dir) {
      for (const f of readdirSync(path.join(dir, 'blobs'))) {
        const bytes = readFileSync(path.join(dir, 'blobs', f));
        const d = putBlob(repo, bytes);
        if (d.digest !== f.replace('~', ':'))
          throw new Error(`${dir}/blobs/${f} hashes to ${d.digest}`);
      }
      for (const f of readdirSync(path.join(dir, 'manifests'))) {
        const bytes = readFileSync(path.join(dir, 'manifests', f));
        const name = f.replace('~', ':');
        putManifest(repo, bytes, name.startsWith('sha256:') ? {} : { tag: name });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  headers: Record<string, string> = {},
  head = false,
): void {
  const bytes = Buffer.from(body);
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': String(bytes.length),
    ...headers,
  });
  res.end(head ? undefined : bytes);
}

function error(res: ServerResponse, status: number, code: string): void {
  json(
    res,
    status,
    JSON.stringify({ errors: [{ code, message: code.toLowerCase().replace('_', ' ') }] }),
    'application/json',
  );
}
