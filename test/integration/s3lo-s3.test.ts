import { createServer as httpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { parseS3loReference, signatureKey, type S3loRef } from '../../src/core/s3lo/reference.js';
import { S3S3loStore } from '../../src/core/s3lo/s3-store.js';
import { createS3loStore, S3LO_LIMITS, type S3loStore } from '../../src/core/s3lo/store.js';
import { verifyS3lo } from '../../src/core/s3lo/verify.js';
import {
  S3RVER_CREDENTIALS,
  startErrorS3Server,
  startS3Server,
  type TestS3Server,
} from '../helpers/s3-server.js';
import {
  makeTestKey,
  pushS3loImage,
  s3Sink,
  sampleManifest,
  sha256Digest,
  signS3loImage,
  type TestKey,
  type TestKeyType,
} from '../helpers/s3lo.js';

let s3: TestS3Server;
const ref = (s: string): S3loRef => parseS3loReference(s);
const storeFor = (r: S3loRef, endpoint = s3.endpoint, maxAttempts?: number): S3loStore =>
  createS3loStore(r, {
    s3: {
      endpoint,
      credentials: S3RVER_CREDENTIALS,
      env: {},
      ...(maxAttempts ? { maxAttempts } : {}),
    },
  });
const verify = (r: S3loRef, keys: TestKey[], store: S3loStore = storeFor(r)) =>
  verifyS3lo(
    r,
    keys.map((k) => k.key),
    { store },
  );
const p256 = makeTestKey('ecdsa-p256', 'cosign.pub');

beforeAll(async () => {
  s3 = await startS3Server();
  await s3.createBucket('releases');
  await s3.createBucket('staging');
});
afterAll(async () => {
  await s3?.close();
});

async function signedImage(refText: string, signer: TestKey = p256): Promise<Buffer> {
  const r = ref(refText);
  const manifest = sampleManifest(refText);
  await pushS3loImage(s3Sink(s3.client, r.bucket), r, manifest);
  await signS3loImage(s3Sink(s3.client, r.bucket), r, manifest, signer);
  return manifest;
}

describe('verifyS3lo against a real S3 server (s3rver) through @aws-sdk/client-s3', () => {
  it.each<TestKeyType>(['ecdsa-p256', 'ed25519', 'rsa-2048', 'ecdsa-p384'])(
    'verifies a %s-signed image',
    async (type) => {
      const signer = makeTestKey(type);
      const manifest = await signedImage(`s3://releases/team/app-${type}:v1`, signer);
      const result = await verify(ref(`s3://releases/team/app-${type}:v1`), [signer]);
      expect(result).toMatchObject({
        verified: true,
        digest: sha256Digest(manifest),
        keyID: signer.key.keyID,
      });
      expect(result.signedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    },
  );

  it('takes the endpoint from AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL', async () => {
    await signedImage('s3://releases/env/app:v1');
    const r = ref('s3://releases/env/app:v1');
    for (const env of [
      { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' },
      { AWS_ENDPOINT_URL: s3.endpoint },
    ]) {
      const store = createS3loStore(r, { s3: { credentials: S3RVER_CREDENTIALS, env } });
      expect((await verify(r, [p256], store)).verified).toBe(true);
    }
  });

  it('rejects a manifest and record copied from the staging bucket into releases', async () => {
    const manifest = await signedImage('s3://staging/app:v1');
    const from = ref('s3://staging/app:v1');
    const to = ref('s3://releases/app:v1');
    const rec = await new S3S3loStore({
      bucket: 'staging',
      endpoint: s3.endpoint,
      credentials: S3RVER_CREDENTIALS,
    }).getObject(signatureKey(from, p256.key.keyID), S3LO_LIMITS.recordBytes);
    await pushS3loImage(s3Sink(s3.client, 'releases'), to, manifest);
    await s3Sink(s3.client, 'releases').put(signatureKey(to, p256.key.keyID), rec as Uint8Array);
    expect(await verify(to, [p256])).toMatchObject({
      verified: false,
      failureCode: 'SIGNATURE_INVALID',
    });
    expect((await verify(from, [p256])).verified).toBe(true);
  });

  it('fails NOT_FOUND for a missing tag and for a bucket that does not exist (S3 404)', async () => {
    expect(await verify(ref('s3://releases/nothing:v1'), [p256])).toMatchObject({
      verified: false,
      failureCode: 'NOT_FOUND',
    });
    expect(await verify(ref('s3://no-such-bucket/app:v1'), [p256])).toMatchObject({
      verified: false,
      failureCode: 'NOT_FOUND',
    });
  });

  it('fails UNSIGNED when the record object is absent', async () => {
    const r = ref('s3://releases/unsigned:v1');
    await pushS3loImage(s3Sink(s3.client, 'releases'), r, sampleManifest('unsigned'));
    expect(await verify(r, [p256])).toMatchObject({
      failureCode: 'UNSIGNED',
      reason: 'no signature found for key cosign.pub',
    });
  });

  it('throws LIMIT_EXCEEDED for a manifest larger than 4 MiB', async () => {
    const r = ref('s3://releases/huge:v1');
    await s3Sink(s3.client, 'releases').put(
      'manifests/huge/v1/manifest.json',
      Buffer.alloc(S3LO_LIMITS.manifestBytes + 10, 0x20),
    );
    await expect(verify(r, [p256])).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });
});

describe('S3 errors map to exit class 2', () => {
  it.each([
    [403, 'AccessDenied', 'AUTH_REFUSED', 1],
    [401, 'Unauthorized', 'AUTH_REFUSED', 1],
    [500, 'InternalError', 'REGISTRY_ERROR', 2],
    [503, 'SlowDown', 'REGISTRY_ERROR', 2],
  ])('HTTP %i %s -> %s (attempts: %i)', async (status, code, gateCode, attempts) => {
    const server = await startErrorS3Server(status, code);
    try {
      const r = ref('s3://releases/app:v1');
      const err = await verify(r, [p256], storeFor(r, server.endpoint, 2)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GateError);
      expect((err as GateError).code).toBe(gateCode);
      expect((err as GateError).message).toContain('s3://releases/manifests/app/v1/manifest.json');
      expect((err as GateError).message).toContain(String(status));
      // Auth refusals are not retried; server errors are, up to maxAttempts.
      expect(server.requests).toHaveLength(attempts);
      expect(server.requests[0]?.url.split('?')[0]).toBe(
        '/releases/manifests/app/v1/manifest.json',
      );
      expect(server.requests[0]?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=S3RVER\//);
    } finally {
      await server.close();
    }
  });

  it('a 404 from the error server is "not found", a verdict rather than an error', async () => {
    const server = await startErrorS3Server(404, 'NoSuchKey');
    try {
      const r = ref('s3://releases/app:v1');
      expect(await verify(r, [p256], storeFor(r, server.endpoint))).toMatchObject({
        failureCode: 'NOT_FOUND',
      });
    } finally {
      await server.close();
    }
  });

  it('a refused connection is NETWORK', async () => {
    const port = await closedPort();
    const r = ref('s3://releases/app:v1');
    await expect(
      verify(r, [p256], storeFor(r, `http://127.0.0.1:${port}`, 1)),
    ).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('refuses plain http to a non-loopback endpoint before any request', async () => {
    const r = ref('s3://releases/app:v1');
    await expect(
      verify(r, [p256], storeFor(r, 'http://s3.example.internal:9000')),
    ).rejects.toMatchObject({ code: 'INSECURE' });
  });
});

describe('S3 responses that never end or never come', () => {
  it('stops reading a chunked body (no Content-Length) one chunk past the cap: LIMIT_EXCEEDED', async () => {
    let sent = 0;
    const server = httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = (): void => {
        while (sent < 64 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 64 * 1024 * 1024 && !res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const endpoint = await listen(server);
    try {
      const store = new S3S3loStore({
        bucket: 'releases',
        endpoint,
        credentials: S3RVER_CREDENTIALS,
        maxAttempts: 1,
      });
      await expect(
        store.getObject('manifests/app/v1/signatures/k.json', S3LO_LIMITS.recordBytes),
      ).rejects.toMatchObject({
        code: 'LIMIT_EXCEEDED',
      });
      expect(sent).toBeLessThan(16 * 1024 * 1024);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('gives up on a server that accepts and never answers: TIMEOUT', async () => {
    const server = httpServer(() => {
      /* never respond */
    });
    const endpoint = await listen(server);
    try {
      const store = new S3S3loStore({
        bucket: 'releases',
        endpoint,
        credentials: S3RVER_CREDENTIALS,
        timeoutMs: 300,
        maxAttempts: 1,
      });
      const started = Date.now();
      await expect(store.getObject('manifests/app/v1/manifest.json', 1024)).rejects.toMatchObject({
        code: 'TIMEOUT',
      });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}
