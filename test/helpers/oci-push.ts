// Minimal OCI push client for tests: monolithic blob upload, manifest PUT, and a tiny random
// image per call. Speaks Basic and Bearer auth so it works against every startRegistry mode.
import { createHash, randomBytes } from 'node:crypto';

/** A registry to push to: `127.0.0.1:PORT`, or the object startRegistry returns. */
export type PushTarget = string | { host: string; username?: string; password?: string };

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Uploads `bytes` as a blob (POST then PUT ?digest=); returns its digest. */
export async function pushBlob(
  target: PushTarget,
  repo: string,
  bytes: Uint8Array | string,
): Promise<string> {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const digest = sha256(data);
  const t = normalize(target);
  const start = await send(t, repo, 'POST', `/v2/${repo}/blobs/uploads/`, {});
  await expectStatus(start, 202, `start upload to ${repo}`);
  const location = start.headers.get('location');
  if (!location) throw new Error('upload start gave no Location');
  const put = new URL(location, `http://${t.host}`);
  put.searchParams.set('digest', digest);
  const res = await send(t, repo, 'PUT', put.pathname + put.search, {
    body: data,
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(data.length) },
  });
  await expectStatus(res, 201, `upload blob to ${repo}`);
  return digest;
}

/** PUTs a manifest under a tag or digest reference; returns the digest of `bytes`. */
export async function pushManifest(
  target: PushTarget,
  repo: string,
  reference: string,
  bytes: Uint8Array | string,
  mediaType: string = OCI_MANIFEST,
): Promise<string> {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const res = await send(normalize(target), repo, 'PUT', `/v2/${repo}/manifests/${reference}`, {
    body: data,
    headers: { 'content-type': mediaType },
  });
  await expectStatus(res, 201, `put manifest ${repo}:${reference}`);
  return sha256(data);
}

export interface PushedImage {
  digest: string;
  manifestBytes: Uint8Array;
  configDigest: string;
  layerDigest: string;
  layerBytes: Uint8Array;
}

/** A distinct tiny image (random config and layer) under `tag`; returns its digest and bytes. */
export async function pushImage(
  target: PushTarget,
  repo: string,
  tag: string,
  opts: { annotations?: Record<string, string>; layerBytes?: Uint8Array } = {},
): Promise<PushedImage> {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [] },
      nonce: randomBytes(8).toString('hex'),
    }),
  );
  const layerBytes = opts.layerBytes ?? randomBytes(64);
  const configDigest = await pushBlob(target, repo, config);
  const layerDigest = await pushBlob(target, repo, layerBytes);
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: configDigest,
      size: config.length,
    },
    layers: [
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar',
        digest: layerDigest,
        size: layerBytes.length,
      },
    ],
    ...(opts.annotations ? { annotations: opts.annotations } : {}),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  const digest = await pushManifest(target, repo, tag, manifestBytes, OCI_MANIFEST);
  return { digest, manifestBytes, configDigest, layerDigest, layerBytes };
}

interface Target {
  host: string;
  username?: string;
  password?: string;
  authorization?: string;
}

const authCache = new Map<string, string>();

function normalize(target: PushTarget): Target {
  return typeof target === 'string' ? { host: target } : target;
}

/** One request; on 401 answers the challenge (Basic, or Bearer with push+pull scope) and resends. */
async function send(
  t: Target,
  repo: string,
  method: string,
  path: string,
  init: { body?: Uint8Array; headers?: Record<string, string> },
): Promise<Response> {
  const url = `http://${t.host}${path}`;
  const key = `${t.host} ${repo}`;
  const doFetch = (authorization?: string) =>
    fetch(url, {
      method,
      ...(init.body ? { body: init.body } : {}),
      headers: { ...init.headers, ...(authorization ? { authorization } : {}) },
    });
  let res = await doFetch(authCache.get(key));
  if (res.status !== 401) return res;
  await res.arrayBuffer();
  const challenge = res.headers.get('www-authenticate') ?? '';
  if (t.username === undefined || t.password === undefined)
    throw new Error(`${method} ${path}: registry wants auth; pass credentials`);
  const basic = `Basic ${Buffer.from(`${t.username}:${t.password}`).toString('base64')}`;
  let authorization = basic;
  if (/^bearer/i.test(challenge)) {
    const param = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1];
    const realm = new URL(param('realm')!);
    realm.searchParams.set('service', param('service') ?? '');
    realm.searchParams.set('scope', `repository:${repo}:pull,push`);
    const tr = await fetch(realm, { headers: { authorization: basic } });
    if (tr.status !== 200) throw new Error(`token request failed: ${tr.status}`);
    const body = (await tr.json()) as { token?: string; access_token?: string };
    authorization = `Bearer ${body.token ?? body.access_token}`;
  }
  authCache.set(key, authorization);
  res = await doFetch(authorization);
  return res;
}

async function expectStatus(res: Response, status: number, what: string): Promise<void> {
  if (res.status !== status) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  await res.arrayBuffer().catch(() => undefined);
}
