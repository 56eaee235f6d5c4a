// The client against "remote" https registries: a scripted TLS server reached through a
// connector that routes every host name to it, so non-loopback rules can be exercised here.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { Agent, type buildConnector } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, type RegistryClientOptions } from '../../src/core/registry/client.js';
import { registryStore } from '../../src/core/sources/registry.js';
import { MEDIA_TYPES } from '../../src/core/types.js';
import { sendJson, startFake, type FakeRegistry } from '../helpers/fake-registry.js';
import { sha256 } from '../helpers/oci-push.js';

const NAMES = [
  'registry.test',
  'auth.test',
  'ghcr.io',
  'ghcr.io.evil.com',
  'registry-1.docker.io',
  'storage.test',
];
let tmp: string;
let tls: { key: string; cert: string };
let server: FakeRegistry;
let plain: FakeRegistry;
let dispatcher: Agent;
const unresolvable = new Set(['nxdomain.test']);
const clients: RegistryClient[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'image-gate-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=registry.test',
      '-addext',
      `subjectAltName=${NAMES.map((n) => `DNS:${n}`).join(',')}`,
      '-keyout',
      join(tmp, 'key.pem'),
      '-out',
      join(tmp, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  tls = {
    key: await readFile(join(tmp, 'key.pem'), 'utf8'),
    cert: await readFile(join(tmp, 'cert.pem'), 'utf8'),
  };
  server = await startFake((_q, res) => res.writeHead(500).end(), tls);
  plain = await startFake((_q, res) => res.writeHead(500).end());
  // Every https host lands on the TLS fake (certificate still verified against our CA); every
  // http host on the plain fake; names in `unresolvable` fail like DNS would.
  const connector: buildConnector.connector = (opts, cb) => {
    if (unresolvable.has(opts.hostname)) {
      cb(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${opts.hostname}`), { code: 'ENOTFOUND' }),
        null,
      );
      return;
    }
    const https = opts.protocol === 'https:';
    const socket = https
      ? tlsConnect({
          host: '127.0.0.1',
          port: server.port,
          servername: opts.servername ?? opts.hostname,
          ca: tls.cert,
        })
      : netConnect({ host: '127.0.0.1', port: plain.port });
    socket.once(https ? 'secureConnect' : 'connect', () => cb(null, socket));
    socket.once('error', (e: Error) => cb(e, null));
  };
  dispatcher = new Agent({ connect: connector });
  await writeFile(join(tmp, 'empty.json'), '{}');
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  server.seen.length = 0;
  plain.seen.length = 0;
});
afterAll(async () => {
  await dispatcher.close();
  await server.close();
  await plain.close();
  await rm(tmp, { recursive: true, force: true });
});

function client(opts: RegistryClientOptions = {}): RegistryClient {
  const c = new RegistryClient({ dispatcher, dockerConfigPath: join(tmp, 'empty.json'), ...opts });
  clients.push(c);
  return c;
}
const manifest = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256('c'), size: 1 },
    layers: [],
  }),
);

describe('https registries', () => {
  it('speaks https to a non-loopback registry and verifies its certificate', async () => {
    server.handle((_q, res) => sendJson(res, manifest, MEDIA_TYPES.ociManifest));
    expect((await registryStore(client(), 'registry.test', 'app').getManifest('v1'))?.digest).toBe(
      sha256(manifest),
    );
    expect(server.seen[0].headers.host).toBe('registry.test');
  });

  it('fails with NETWORK when the certificate is not trusted, without retrying', async () => {
    const strict = new Agent({
      connect: {
        lookup: (_h, o, cb) =>
          o.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4),
      },
    });
    try {
      const c = new RegistryClient({
        dispatcher: strict,
        dockerConfigPath: join(tmp, 'empty.json'),
      });
      await expect(
        registryStore(c, `registry.test:${server.port}`, 'app').getManifest('v1'),
      ).rejects.toMatchObject({ code: 'NETWORK' });
      expect(c.stats.requests).toBe(1);
    } finally {
      await strict.close();
    }
  });

  it('maps Docker Hub names to registry-1.docker.io and adds library/', async () => {
    server.handle((_q, res) => sendJson(res, manifest, MEDIA_TYPES.ociManifest));
    await registryStore(client(), 'docker.io', 'nginx').getManifest('latest');
    expect(server.seen[0]).toMatchObject({
      url: '/v2/library/nginx/manifests/latest',
      headers: { host: 'registry-1.docker.io' },
    });
  });

  it('uses plain http for a registry listed as insecure', async () => {
    plain.handle((_q, res) => sendJson(res, manifest, MEDIA_TYPES.ociManifest));
    await registryStore(
      client({ insecureRegistries: ['registry.test:5000'] }),
      'registry.test:5000',
      'app',
    ).getManifest('v1');
    expect(plain.seen).toHaveLength(1);
    expect(server.seen).toHaveLength(0);
  });

  it('maps a DNS failure to NETWORK naming the registry', async () => {
    await expect(
      registryStore(client(), 'nxdomain.test', 'app').getManifest('v1'),
    ).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringContaining('cannot resolve registry host nxdomain.test'),
    });
  });
});

describe('redirect rules for a remote registry', () => {
  it('refuses an https → http downgrade', async () => {
    server.handle((_q, res) => res.writeHead(307, { location: 'http://storage.test/blob' }).end());
    await expect(
      registryStore(client(), 'registry.test', 'app').getBlob(sha256('b'), 10),
    ).rejects.toMatchObject({ code: 'INSECURE' });
    expect(plain.seen).toHaveLength(0);
  });

  it.each([
    'https://127.0.0.1/blob',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/x',
    'https://localhost/x',
  ])('refuses a redirect to %s', async (location) => {
    server.handle((_q, res) => res.writeHead(302, { location }).end());
    const c = client();
    await expect(
      registryStore(c, 'registry.test', 'app').getBlob(sha256('b'), 10),
    ).rejects.toMatchObject({
      code: 'INSECURE',
    });
    expect(c.stats.requests).toBe(1);
  });

  it('follows a redirect to another https host without Authorization', async () => {
    const blob = Buffer.from('stored');
    server.handle((req, res) => {
      if (req.headers.host === 'storage.test') res.end(blob);
      else if (!req.headers.authorization)
        res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end();
      else res.writeHead(307, { location: 'https://storage.test/blob' }).end();
    });
    const c = client({
      credentials: [{ registry: 'registry.test', username: 'u', password: 'p' }],
    });
    await registryStore(c, 'registry.test', 'app').getBlob(sha256(blob), 100);
    const storageReq = server.seen.find((s) => s.headers.host === 'storage.test')!;
    expect(storageReq.headers.authorization).toBeUndefined();
  });
});

describe('token realm rules', () => {
  it.each([
    ['the metadata address', 'https://169.254.169.254/token'],
    ['loopback', 'https://127.0.0.1/token'],
    ['plain http', 'http://auth.test/token'],
  ])('refuses a realm on %s before sending credentials', async (_n, realm) => {
    server.handle((_q, res) =>
      res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="s"` }).end(),
    );
    const c = client({
      credentials: [{ registry: 'registry.test', username: 'u', password: 'secret' }],
    });
    await expect(registryStore(c, 'registry.test', 'app').getManifest('v1')).rejects.toMatchObject({
      code: 'INSECURE',
    });
    expect(server.seen).toHaveLength(1);
    expect(plain.seen).toHaveLength(0);
    expect(c.stats.requests).toBe(1);
  });

  it('refuses the metadata realm of an insecure (plain http) registry that is not loopback', async () => {
    plain.handle((_q, res) =>
      res
        .writeHead(401, { 'www-authenticate': 'Bearer realm="http://169.254.169.254/token"' })
        .end(),
    );
    const c = client({
      insecureRegistries: ['registry.test:5000'],
      credentials: [{ registry: 'registry.test:5000', username: 'u', password: 'p' }],
    });
    await expect(
      registryStore(c, 'registry.test:5000', 'app').getManifest('v1'),
    ).rejects.toMatchObject({
      code: 'INSECURE',
    });
    expect(plain.seen).toHaveLength(1);
  });

  it('sends Basic credentials to an https realm on another host, and the token only to the registry', async () => {
    server.handle((req, res) => {
      if (req.headers.host === 'auth.test')
        sendJson(res, '{"token":"tok-123"}', 'application/json');
      else if (req.headers.authorization === 'Bearer tok-123')
        sendJson(res, manifest, MEDIA_TYPES.ociManifest);
      else
        res
          .writeHead(401, {
            'www-authenticate': 'Bearer realm="https://auth.test/token",service="registry.test"',
          })
          .end();
    });
    const c = client({
      credentials: [{ registry: 'registry.test', username: 'u', password: 'p' }],
    });
    await registryStore(c, 'registry.test', 'app').getManifest('v1');
    const [first, token, second] = server.seen;
    expect(first.headers.authorization).toBeUndefined();
    expect(token).toMatchObject({
      headers: {
        host: 'auth.test',
        authorization: `Basic ${Buffer.from('u:p').toString('base64')}`,
      },
    });
    expect(second).toMatchObject({
      headers: { host: 'registry.test', authorization: 'Bearer tok-123' },
    });
  });
});

describe('GitHub token scoping', () => {
  const challengeBasic = (
    req: { headers: { authorization?: string } },
    res: import('node:http').ServerResponse,
  ) => {
    if (!req.headers.authorization)
      res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end();
    else sendJson(res, manifest, MEDIA_TYPES.ociManifest);
  };

  it('sends the GitHub token to ghcr.io', async () => {
    server.handle(challengeBasic);
    await registryStore(client({ githubToken: 'ghs_abcdef' }), 'ghcr.io', 'acme/app').getManifest(
      'v1',
    );
    expect(server.seen[1].headers.authorization).toBe(
      `Basic ${Buffer.from('x-access-token:ghs_abcdef').toString('base64')}`,
    );
  });

  it.each(['ghcr.io.evil.com', 'registry.test'])(
    'never sends the GitHub token to %s',
    async (host) => {
      server.handle(challengeBasic);
      await expect(
        registryStore(client({ githubToken: 'ghs_abcdef' }), host, 'acme/app').getManifest('v1'),
      ).rejects.toMatchObject({ code: 'AUTH_REFUSED' });
      expect(server.seen).toHaveLength(1);
      expect(JSON.stringify(server.seen)).not.toContain(
        Buffer.from('x-access-token:ghs_abcdef').toString('base64'),
      );
    },
  );
});
