// RegistryClient against a real docker-registry (distribution 2.8) process: resolution, pinning,
// blobs, not-found, no referrers API, and Basic and token authentication.
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/core/registry/client.js';
import { registryStore } from '../../src/core/sources/registry.js';
import { startFake } from '../helpers/fake-registry.js';
import { pushBlob, pushImage, pushManifest, sha256 } from '../helpers/oci-push.js';
import {
  canMakeBcrypt,
  registryAvailable,
  startRegistry,
  type StartedRegistry,
} from '../helpers/registry-process.js';

const clients: RegistryClient[] = [];
function client(opts: ConstructorParameters<typeof RegistryClient>[0] = {}): RegistryClient {
  // An empty docker config keeps the developer's own ~/.docker out of the tests.
  const c = new RegistryClient({ dockerConfigPath: emptyConfig, ...opts });
  clients.push(c);
  return c;
}
let emptyConfig: string;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'image-gate-regtest-'));
  emptyConfig = join(tmp, 'empty.json');
  await writeFile(emptyConfig, '{}');
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await rm(tmp, { recursive: true, force: true });
});

describe.skipIf(!registryAvailable)('registry without auth', () => {
  let reg: StartedRegistry;
  beforeAll(async () => {
    reg = await startRegistry();
  });
  afterAll(async () => {
    await reg.stop();
  });

  it('resolves a tag to the digest of the bytes received', async () => {
    const img = await pushImage(reg, 'team/app', 'v1');
    const got = await registryStore(client(), reg.host, 'team/app').getManifest('v1');
    expect(got?.digest).toBe(img.digest);
    expect(got?.digest).toBe(sha256(got!.bytes));
    expect(Buffer.from(got!.bytes).equals(Buffer.from(img.manifestBytes))).toBe(true);
    expect(got?.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(got?.manifest.layers?.[0]?.digest).toBe(img.layerDigest);
  });

  it('pins the digest a tag had when it was read, even after the tag moves', async () => {
    const first = await pushImage(reg, 'team/moving', 'latest');
    const store = registryStore(client(), reg.host, 'team/moving');
    const pinned = (await store.getManifest('latest'))!.digest;
    const second = await pushImage(reg, 'team/moving', 'latest');
    expect(pinned).toBe(first.digest);
    expect((await store.getManifest(pinned))!.digest).toBe(first.digest);
    expect((await store.getManifest('latest'))!.digest).toBe(second.digest);
  });

  it('fetches a manifest by digest and an index with its media type', async () => {
    const a = await pushImage(reg, 'team/multi', 'a');
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: a.digest,
            size: a.manifestBytes.length,
            platform: { os: 'linux', architecture: 'amd64' },
          },
        ],
      }),
    );
    const indexDigest = await pushManifest(
      reg,
      'team/multi',
      'idx',
      index,
      'application/vnd.oci.image.index.v1+json',
    );
    const got = await registryStore(client(), reg.host, 'team/multi').getManifest(indexDigest);
    expect(got?.digest).toBe(indexDigest);
    expect(got?.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(got?.manifest.manifests?.[0]).toMatchObject({
      digest: a.digest,
      platform: { os: 'linux', architecture: 'amd64' },
    });
  });

  it('fetches a blob and checks it against its digest and size cap', async () => {
    const bytes = Buffer.from('hello blob');
    const digest = await pushBlob(reg, 'team/blobs', bytes);
    const store = registryStore(client(), reg.host, 'team/blobs');
    expect(Buffer.from(await store.getBlob(digest, 1024)).toString()).toBe('hello blob');
    await expect(store.getBlob(digest, 5)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('reports an unknown blob as NOT_FOUND', async () => {
    const store = registryStore(client(), reg.host, 'team/blobs');
    await expect(store.getBlob(sha256('never pushed'), 1024)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('returns undefined for an unknown tag, an unknown digest and an unknown repository', async () => {
    await pushImage(reg, 'team/known', 'v1');
    const c = client();
    expect(await registryStore(c, reg.host, 'team/known').getManifest('nope')).toBeUndefined();
    expect(
      await registryStore(c, reg.host, 'team/known').getManifest(sha256('nothing')),
    ).toBeUndefined();
    expect(await registryStore(c, reg.host, 'team/unknown-repo').getManifest('v1')).toBeUndefined();
  });

  it('reports "no referrers API" (undefined) on distribution 2.8, which answers 404', async () => {
    const img = await pushImage(reg, 'team/refs', 'v1');
    const store = registryStore(client(), reg.host, 'team/refs');
    expect(await store.getReferrers!(img.digest)).toBeUndefined();
    expect(
      await store.getReferrers!(img.digest, 'application/vnd.dev.sigstore.bundle.v0.3+json'),
    ).toBeUndefined();
  });

  it('counts every request it sends', async () => {
    const img = await pushImage(reg, 'team/count', 'v1');
    const c = client();
    const store = registryStore(c, reg.host, 'team/count');
    await store.getManifest('v1');
    await store.getBlob(img.configDigest, 4096);
    expect(c.stats.requests).toBe(2);
  });

  it('rejects an invalid repository name before any request', () => {
    const c = client();
    expect(() => registryStore(c, reg.host, 'Team/App')).toThrow(
      expect.objectContaining({ code: 'REF_INVALID' }),
    );
    expect(() => registryStore(c, reg.host, '../x')).toThrow(
      expect.objectContaining({ code: 'REF_INVALID' }),
    );
    expect(c.stats.requests).toBe(0);
  });
});

describe.skipIf(!registryAvailable || !canMakeBcrypt())(
  'registry with htpasswd (Basic) auth',
  () => {
    let reg: StartedRegistry;
    beforeAll(async () => {
      reg = await startRegistry({ auth: 'htpasswd' });
    });
    afterAll(async () => {
      await reg.stop();
    });

    it('answers the Basic challenge with explicit credentials, then sends them up front', async () => {
      const img = await pushImage(reg, 'private/app', 'v1');
      const c = client({
        credentials: [{ registry: reg.host, username: reg.username!, password: reg.password! }],
      });
      const store = registryStore(c, reg.host, 'private/app');
      expect((await store.getManifest('v1'))?.digest).toBe(img.digest);
      expect(c.stats.requests).toBe(2); // 401, then 200
      await store.getBlob(img.layerDigest, 1024);
      expect(c.stats.requests).toBe(3); // no second challenge
    });

    it('finds credentials in a docker config auths entry written as http://host', async () => {
      const img = await pushImage(reg, 'private/cfg', 'v1');
      const path = join(tmp, 'basic.json');
      await writeFile(
        path,
        JSON.stringify({
          auths: {
            [`http://${reg.host}`]: {
              auth: Buffer.from(`${reg.username}:${reg.password}`).toString('base64'),
            },
          },
        }),
      );
      const got = await registryStore(
        client({ dockerConfigPath: path }),
        reg.host,
        'private/cfg',
      ).getManifest('v1');
      expect(got?.digest).toBe(img.digest);
    });

    it('fails with AUTH_REFUSED without credentials, and with wrong ones, without retrying', async () => {
      await pushImage(reg, 'private/denied', 'v1');
      const anon = client();
      await expect(
        registryStore(anon, reg.host, 'private/denied').getManifest('v1'),
      ).rejects.toMatchObject({
        code: 'AUTH_REFUSED',
      });
      expect(anon.stats.requests).toBe(1);
      const wrong = client({
        credentials: [{ registry: reg.host, username: reg.username!, password: 'wrong' }],
      });
      await expect(
        registryStore(wrong, reg.host, 'private/denied').getManifest('v1'),
      ).rejects.toMatchObject({ code: 'AUTH_REFUSED' });
      expect(wrong.stats.requests).toBe(2);
    });

    it('refuses to send an identity token as Basic credentials', async () => {
      await pushImage(reg, 'private/idtoken', 'v1');
      const path = join(tmp, 'basic-identitytoken.json');
      await writeFile(path, JSON.stringify({ auths: { [reg.host]: { identitytoken: 'secret' } } }));
      const c = client({ dockerConfigPath: path });
      await expect(
        registryStore(c, reg.host, 'private/idtoken').getManifest('v1'),
      ).rejects.toMatchObject({
        code: 'AUTH_REFUSED',
        message: expect.stringContaining('is an identity token, which only a token service takes'),
      });
      expect(c.stats.requests).toBe(1);
    });

    it('does not send credentials filed under a look-alike host', async () => {
      await pushImage(reg, 'private/lookalike', 'v1');
      const path = join(tmp, 'lookalike.json');
      const auth = Buffer.from(`${reg.username}:${reg.password}`).toString('base64');
      await writeFile(
        path,
        JSON.stringify({
          auths: { [`${reg.host}.evil.com`]: { auth }, [`evil-${reg.host}`]: { auth } },
        }),
      );
      await expect(
        registryStore(
          client({ dockerConfigPath: path }),
          reg.host,
          'private/lookalike',
        ).getManifest('v1'),
      ).rejects.toMatchObject({
        code: 'AUTH_REFUSED',
      });
    });
  },
);

describe.skipIf(!registryAvailable)('registry with token auth (real auth: token mode)', () => {
  let reg: StartedRegistry;
  beforeAll(async () => {
    reg = await startRegistry({ auth: 'token' });
  });
  afterAll(async () => {
    await reg.stop();
  });

  it('fetches one pull-scoped token with Basic credentials and reuses it', async () => {
    const img = await pushImage(reg, 'tok/app', 'v1');
    const before = reg.token!.requests.length;
    const logs: string[] = [];
    const c = client({
      credentials: [{ registry: reg.host, username: reg.username!, password: reg.password! }],
      log: (m) => logs.push(m),
    });
    const store = registryStore(c, reg.host, 'tok/app');
    expect((await store.getManifest('v1'))?.digest).toBe(img.digest);
    await store.getManifest(img.digest);
    await store.getBlob(img.layerDigest, 1024);
    const mine = reg.token!.requests.slice(before);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      scope: 'repository:tok/app:pull',
      service: reg.token!.service,
    });
    expect(mine[0].authorization).toBe(
      `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`,
    );
    expect(c.stats.requests).toBe(5); // 401, token, 200, 200, 200
    const joined = logs.join('\n');
    expect(joined).not.toContain(reg.password);
    expect(joined).toContain('token for repository:tok/app:pull');
  });

  it('asks for a token per repository scope, but learns the realm only once', async () => {
    await pushImage(reg, 'tok/one', 'v1');
    await pushImage(reg, 'tok/two', 'v1');
    const c = client({
      credentials: [{ registry: reg.host, username: reg.username!, password: reg.password! }],
    });
    await registryStore(c, reg.host, 'tok/one').getManifest('v1');
    await registryStore(c, reg.host, 'tok/two').getManifest('v1');
    expect(c.stats.requests).toBe(5); // 401, token, 200; token, 200
  });

  it('exchanges a Docker config identitytoken by an OAuth2 POST, and never sends it as Basic', async () => {
    const img = await pushImage(reg, 'tok/oauth', 'v1');
    const path = join(tmp, 'identitytoken.json');
    // As `az acr login` writes it: an `auth` with the <token> user beside the identity token.
    const auth = Buffer.from('00000000-0000-0000-0000-000000000000:').toString('base64');
    await writeFile(
      path,
      JSON.stringify({ auths: { [reg.host]: { auth, identitytoken: reg.token!.identityToken } } }),
    );
    const before = reg.token!.requests.length;
    const logs: string[] = [];
    const c = client({ dockerConfigPath: path, log: (m) => logs.push(m) });
    const store = registryStore(c, reg.host, 'tok/oauth');
    expect((await store.getManifest('v1'))?.digest).toBe(img.digest);
    await store.getBlob(img.layerDigest, 1024);
    const mine = reg.token!.requests.slice(before);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      method: 'POST',
      authorization: undefined,
      form: {
        grant_type: 'refresh_token',
        refresh_token: reg.token!.identityToken,
        client_id: 'image-gate',
        service: reg.token!.service,
        scope: 'repository:tok/oauth:pull',
      },
    });
    expect(logs.join('\n')).not.toContain(reg.token!.identityToken);
  });

  it('takes an identity token from a credential helper (<token> user) the same way', async () => {
    const img = await pushImage(reg, 'tok/helper', 'v1');
    const path = join(tmp, 'helper.json');
    await writeFile(path, JSON.stringify({ credHelpers: { [reg.host]: 'acr' } }));
    const c = client({
      dockerConfigPath: path,
      runCredentialHelper: (helper) =>
        Promise.resolve(
          helper === 'acr'
            ? JSON.stringify({ Username: '<token>', Secret: reg.token!.identityToken })
            : undefined,
        ),
    });
    expect((await registryStore(c, reg.host, 'tok/helper').getManifest('v1'))?.digest).toBe(
      img.digest,
    );
    expect(reg.token!.requests.at(-1)).toMatchObject({ method: 'POST' });
  });

  it('maps an identity token the token service refuses (400 invalid_grant) to AUTH_REFUSED, once', async () => {
    await pushImage(reg, 'tok/badgrant', 'v1');
    const path = join(tmp, 'bad-identitytoken.json');
    await writeFile(path, JSON.stringify({ auths: { [reg.host]: { identitytoken: 'revoked' } } }));
    const before = reg.token!.requests.length;
    await expect(
      registryStore(client({ dockerConfigPath: path }), reg.host, 'tok/badgrant').getManifest('v1'),
    ).rejects.toMatchObject({
      code: 'AUTH_REFUSED',
      message: expect.stringContaining('identitytoken'),
    });
    // A POST is never retried.
    expect(reg.token!.requests.slice(before)).toHaveLength(1);
  });

  it('keeps a secret the token service echoes back out of the error', async () => {
    const echo = await startFake((req, res) => {
      if (req.url?.startsWith('/v2/')) {
        res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="http://${echo.host}/token",service="echo"`,
          })
          .end();
        return;
      }
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const sent = new URLSearchParams(body).get('refresh_token') ?? '';
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ code: 'DENIED', message: `bad token ${sent}` }] }));
      });
    });
    try {
      const path = join(tmp, 'echo.json');
      await writeFile(
        path,
        JSON.stringify({ auths: { [echo.host]: { identitytoken: 'sekrit-refresh' } } }),
      );
      const err = await registryStore(
        client({ dockerConfigPath: path, insecureRegistries: [echo.host] }),
        echo.host,
        'x/y',
      )
        .getManifest('v1')
        .then(
          () => undefined,
          (e: unknown) => e as Error,
        );
      expect(err?.message).toContain('bad token ***');
      expect(err?.message).not.toContain('sekrit-refresh');
    } finally {
      await echo.close();
    }
  });

  it('never follows a redirect answered to the identity-token POST (SECURITY 36-38)', async () => {
    const elsewhere = await startFake((_req, res) => res.writeHead(200).end('{"token":"x"}'));
    const reg2 = await startFake((req, res) => {
      if (req.url?.startsWith('/v2/'))
        res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="http://${reg2.host}/token",service="r"`,
          })
          .end();
      else res.writeHead(307, { location: `http://${elsewhere.host}/token` }).end();
    });
    try {
      const path = join(tmp, 'redirect-identitytoken.json');
      await writeFile(
        path,
        JSON.stringify({ auths: { [reg2.host]: { identitytoken: 'refresh-me' } } }),
      );
      await expect(
        registryStore(
          client({ dockerConfigPath: path, insecureRegistries: [reg2.host, elsewhere.host] }),
          reg2.host,
          'x/y',
        ).getManifest('v1'),
      ).rejects.toMatchObject({ code: 'REGISTRY_ERROR', message: expect.stringContaining('307') });
      expect(reg2.seen.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(elsewhere.seen).toEqual([]);
    } finally {
      await reg2.close();
      await elsewhere.close();
    }
  });

  it('maps a refused token request to AUTH_REFUSED', async () => {
    await pushImage(reg, 'tok/denied', 'v1');
    const c = client({
      credentials: [{ registry: reg.host, username: reg.username!, password: 'wrong' }],
    });
    await expect(registryStore(c, reg.host, 'tok/denied').getManifest('v1')).rejects.toMatchObject({
      code: 'AUTH_REFUSED',
      message: expect.stringContaining('explicit credentials'),
    });
  });
});
