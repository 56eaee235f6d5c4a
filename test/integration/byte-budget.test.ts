// Byte budgets (issue 10 item 6) at the readers other than the registry transport: the GitHub
// attestations API (pages and snappy bundle_url bodies, against a server speaking the API) and
// OCI layout directories. Each read inside an image's budget is charged to it, and a list of
// candidates stops at the budget instead of fetching them all at once.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchGitHubAttestations } from '../../src/core/sources/github-attestations.js';
import { discover } from '../../src/core/verify/discovery.js';
import { GateError } from '../../src/core/errors.js';
import { ByteBudget, withByteBudget } from '../../src/core/limits.js';
import { OciLayoutStore } from '../../src/core/sources/oci-layout.js';
import { getOctokit } from '../../src/edge/octokit.js';
import {
  loadCliCliBundles,
  startFakeGitHubApi,
  type FakeGitHubApi,
} from '../helpers/fake-github-api.js';

const TOKEN = 'ghs_test_token_123';
const NPM_SHA512 =
  'sha512:90f223f992e4c88dd068cd2a5fc57f9d2b30798343dd6e38f29c240e04ba090ef831f84490847c4e82b9232c78e8a258463b1e55c0f7469f730265008fa6633f';

let api: FakeGitHubApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e: unknown) {
    expect(e).toBeInstanceOf(GateError);
    return `${(e as GateError).code}: ${(e as GateError).message}`;
  }
  return 'no error';
}

describe('the GitHub attestations API within an image budget', () => {
  const fixtures = loadCliCliBundles();
  // The two real bundles of this digest, and the first again: three bundle_url bodies.
  const real = fixtures.filter((f) => f.digests.includes(NPM_SHA512)).map((f) => f.text);
  const texts = [...real, real[0]!];
  const start = async () => {
    const bundles = new Map([[NPM_SHA512, texts]]);
    api = await startFakeGitHubApi({ token: TOKEN, bundles, repos: ['cli/cli'], bundleUrls: true });
    return api;
  };
  const fetch = (a: FakeGitHubApi) =>
    fetchGitHubAttestations({
      owner: 'cli',
      repository: 'cli',
      digest: NPM_SHA512,
      token: TOKEN,
      baseUrl: a.url,
      getOctokit,
    });

  it('charges the page and every bundle_url body, compressed and expanded', async () => {
    expect(real).toHaveLength(2);
    const a = await start();
    const budget = new ByteBudget('image x', 1024 * 1024);
    const got = await withByteBudget(budget, () => fetch(a));
    expect(got).toHaveLength(3);
    const expanded = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    // At least what the bundles expand to, plus their compressed bodies and the page.
    expect(budget.used).toBeGreaterThan(expanded);
  });

  it('fetches bundle_url bodies one at a time and stops at the budget (LIMIT_EXCEEDED)', async () => {
    const a = await start();
    // Room for the page and one bundle (compressed and expanded), not for two.
    const one = Math.max(...texts.map((t) => Buffer.byteLength(t)));
    const budget = new ByteBudget('image x', 2 * one + 2048);
    expect(await code(withByteBudget(budget, () => fetch(a)))).toMatch(
      /^LIMIT_EXCEEDED: .*byte budget exhausted: image x/,
    );
    // The second one ran out of budget; the third was never asked for (not even late).
    await new Promise((r) => setTimeout(r, 300));
    expect(a.requests.filter((r) => r.path.startsWith('/blobs/'))).toHaveLength(2);
  });
});

describe('OCI layout reads within an image budget', () => {
  const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

  /** A layout whose image has `n` `.sig` layers of `size` bytes each (not valid payloads). */
  async function layout(n: number, size: number): Promise<{ dir: string; image: string }> {
    const dir = await mkdtemp(path.join(tmpdir(), 'budget-layout-'));
    await mkdir(path.join(dir, 'blobs', 'sha256'), { recursive: true });
    const put = async (b: Buffer) => {
      await writeFile(path.join(dir, 'blobs', 'sha256', sha(b)), b);
      return { digest: `sha256:${sha(b)}`, size: b.length };
    };
    const OCI = 'application/vnd.oci.image.manifest.v1+json';
    const config = await put(Buffer.from('{}'));
    const image = await put(
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: OCI,
          config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
          layers: [],
        }),
      ),
    );
    const layers = [];
    for (let i = 0; i < n; i++)
      layers.push({
        mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
        ...(await put(Buffer.alloc(size, 0x30 + i))),
      });
    const sig = await put(
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: OCI,
          config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
          layers,
        }),
      ),
    );
    const index = {
      schemaVersion: 2,
      manifests: [
        { mediaType: OCI, ...image, annotations: { 'org.opencontainers.image.ref.name': 'v1' } },
        {
          mediaType: OCI,
          ...sig,
          annotations: {
            'org.opencontainers.image.ref.name': `sha256-${image.digest.slice(7)}.sig`,
          },
        },
      ],
    };
    await writeFile(path.join(dir, 'index.json'), JSON.stringify(index));
    return { dir, image: image.digest };
  }

  it('charges every file read for the image', async () => {
    const { dir, image } = await layout(3, 1000);
    const budget = new ByteBudget('image x', 1024 * 1024);
    const found = await withByteBudget(budget, () =>
      discover(new OciLayoutStore(dir), image, { formats: ['legacy'] }),
    );
    expect(found.candidates).toHaveLength(3);
    expect(budget.used).toBeGreaterThan(3000);
  });

  it('stops reading layers once the budget is spent (LIMIT_EXCEEDED)', async () => {
    const { dir, image } = await layout(10, 1024 * 1024);
    const budget = new ByteBudget('image x', 3 * 1024 * 1024);
    expect(
      await code(
        withByteBudget(budget, () =>
          discover(new OciLayoutStore(dir), image, { formats: ['legacy'] }),
        ),
      ),
    ).toMatch(/^LIMIT_EXCEEDED: oci-layout:.*byte budget exhausted: image x read more than 3 MiB/);
    expect(budget.used).toBeLessThan(5 * 1024 * 1024);
  });
});
