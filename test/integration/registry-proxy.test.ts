// HTTP(S)_PROXY and NO_PROXY as the client reads them from its `env` option: proxied requests
// reach the proxy in absolute form; NO_PROXY hosts and loopback go direct.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/core/registry/client.js';
import { registryStore } from '../../src/core/sources/registry.js';
import { MEDIA_TYPES } from '../../src/core/types.js';
import { sendJson, startFake, type FakeRegistry } from '../helpers/fake-registry.js';
import { sha256 } from '../helpers/oci-push.js';

const manifest = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256('c'), size: 1 },
    layers: [],
  }),
);
let tmp: string;
let proxy: FakeRegistry;
let registry: FakeRegistry;
const clients: RegistryClient[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'image-gate-proxy-'));
  await writeFile(join(tmp, 'empty.json'), '{}');
  // A forward proxy for plain http answers absolute-form requests itself.
  proxy = await startFake((_q, res) => sendJson(res, manifest, MEDIA_TYPES.ociManifest));
  registry = await startFake((_q, res) => sendJson(res, manifest, MEDIA_TYPES.ociManifest));
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  proxy.seen.length = 0;
  registry.seen.length = 0;
});
afterAll(async () => {
  await proxy.close();
  await registry.close();
  await rm(tmp, { recursive: true, force: true });
});

function client(env: NodeJS.ProcessEnv, insecure: string[] = []): RegistryClient {
  const c = new RegistryClient({
    env,
    insecureRegistries: insecure,
    dockerConfigPath: join(tmp, 'empty.json'),
  });
  clients.push(c);
  return c;
}

describe('proxy environment', () => {
  it('sends requests for a remote registry through HTTP_PROXY', async () => {
    const c = client({ HTTP_PROXY: proxy.origin }, ['registry.test:5000']);
    expect((await registryStore(c, 'registry.test:5000', 'app').getManifest('v1'))?.digest).toBe(
      sha256(manifest),
    );
    expect(proxy.seen[0].url).toBe('http://registry.test:5000/v2/app/manifests/v1');
  });

  it('reads the lower-case variable too', async () => {
    const c = client({ http_proxy: proxy.origin }, ['registry.test:5000']);
    await registryStore(c, 'registry.test:5000', 'app').getManifest('v1');
    expect(proxy.seen).toHaveLength(1);
  });

  it('never proxies a loopback registry', async () => {
    const c = client({ HTTP_PROXY: proxy.origin, NO_PROXY: 'example.com' });
    await registryStore(c, registry.host, 'app').getManifest('v1');
    expect(proxy.seen).toHaveLength(0);
    expect(registry.seen).toHaveLength(1);
  });

  it('goes direct for a host listed in NO_PROXY', async () => {
    const c = client({ HTTP_PROXY: proxy.origin, NO_PROXY: 'nxdomain.invalid' }, [
      'nxdomain.invalid',
    ]);
    await expect(
      registryStore(c, 'nxdomain.invalid', 'app').getManifest('v1'),
    ).rejects.toMatchObject({
      code: 'NETWORK',
    });
    expect(proxy.seen).toHaveLength(0);
  });
});
