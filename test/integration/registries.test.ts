// Harbor before 2.11, Quay, ECR, ACR and Artifactory, as docs/registries.md reads them, through
// the committed CLI against the real docker-registry behind test/helpers/registry-behaviours.ts:
// a referrers API whose artifactType filter matches the config media type (Harbor 2.8-2.10), one
// that filters as the spec says (Quay, Harbor 2.11+) or ignores the filter, Link-header paging
// (ACR, distribution) and a next link that never ends, 404 NAME_UNKNOWN from the API itself (not
// "no API"), Harbor's `{}` listing, ECR's Basic-only auth, and a token service whose challenge
// asks for a scope beyond pull (ACR's documented flow).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { generateKeyPair, writePublicKey, type TestKeyPair } from '../helpers/cosign-keys.js';
import { pushBundleReferrers, pushLegacySignatures } from '../helpers/cosign-push.js';
import {
  attachBundles,
  COSIGN_SIGN,
  randomImage,
  startSigningRegistry,
  type Image,
} from '../helpers/images.js';
import { startBehaviourProxy, type BehaviourProxy } from '../helpers/registry-behaviours.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';
import type { TestSigstore } from '../helpers/test-sigstore.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const OTHER = 'https://github.com/evil/app/.github/workflows/release.yml@refs/heads/main';
const KEYLESS = ['--certificate-identity', IDENTITY, '--certificate-oidc-issuer', ISSUER];
/** Every run here is a handful of images on loopback. */
const BOUND_MS = 20_000;

let reg: StartedRegistry;
let proxy: BehaviourProxy;
let ss: TestSigstore;
let root: string;
let dir: string;
let kp: TestKeyPair;
let pub: string;

beforeAll(async () => {
  ({ reg, ss, dir, root } = await startSigningRegistry('registries-'));
  proxy = await startBehaviourProxy(reg.url);
  kp = generateKeyPair();
  pub = writePublicKey(dir, kp, 'cosign.pub');
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await reg?.stop();
});

async function bundleImages(repo: string, n: number): Promise<Image[]> {
  const imgs: Image[] = [];
  for (let i = 0; i < n; i++) {
    const img = await randomImage(reg, repo, `v${i}`);
    await attachBundles({ reg, ss }, img, { sign: { identity: IDENTITY, issuer: ISSUER } });
    imgs.push(img);
  }
  return imgs;
}

async function keyImages(repo: string, n: number): Promise<Image[]> {
  const out: Image[] = [];
  for (let i = 0; i < n; i++) {
    const img = await randomImage(reg, repo, `v${i}`);
    await pushLegacySignatures(reg.host, repo, img.digest, [
      ss.signLegacyKey({
        imageDigest: img.digest,
        dockerReference: `${proxy.host}/${repo}`,
        ...kp,
      }),
    ]);
    out.push(img);
  }
  return out;
}

/** A Docker config naming `user:password` for the proxy, as `docker login` writes it. */
function dockerConfig(user: string, password: string): string {
  const d = mkdtempSync(path.join(tmpdir(), 'registries-auth-'));
  const auth = Buffer.from(`${user}:${password}`).toString('base64');
  writeFileSync(path.join(d, 'config.json'), JSON.stringify({ auths: { [proxy.host]: { auth } } }));
  return d;
}

async function verify(
  args: string[],
  refs: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; report: Report; ms: number }> {
  const r = await runCli(
    [
      'verify',
      '--output',
      'json',
      '--trusted-root',
      root,
      '--concurrency',
      '1',
      ...args,
      ...refs.map((x) => `${proxy.host}/${x}`),
    ],
    { DOCKER_CONFIG: dockerConfig('nobody', 'unused'), ...env },
  );
  let report: Report;
  try {
    report = JSON.parse(r.stdout) as Report;
  } catch {
    throw new Error(`no JSON report (exit ${r.code}): ${r.stderr}`);
  }
  return { code: r.code, report, ms: r.ms };
}

const referrersAsked = () => proxy.log.filter((r) => r.path.includes('/referrers/'));
const formats = (report: Report) => report.results.map((r) => r.signatures[0]?.format);

describe('the artifactType filter: trusted only to have found something', () => {
  it('Harbor before 2.11 filters by the config type: an empty filtered list is asked again unfiltered, then not filtered again', async () => {
    const repo = 'harbor210/app';
    const imgs = await bundleImages(repo, 3);
    proxy.reset({ referrersApi: { filter: 'config-type' } });
    const { code, report, ms } = await verify(
      KEYLESS,
      imgs.map((_, i) => `${repo}:v${i}`),
    );
    expect(code).toBe(0);
    expect(formats(report)).toEqual(Array(3).fill('bundle-referrer'));
    // Image 0: the filtered list (empty, "OCI-Filters-Applied: artifactType"), then unfiltered;
    // images 1 and 2: unfiltered only.
    const asked = referrersAsked().map((r) => r.path.includes('artifactType='));
    expect(asked).toEqual([true, false, false, false]);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it.each<['apply' | 'ignore', boolean]>([
    ['apply', true],
    ['ignore', true],
  ])(
    'a registry that filters as the spec says (%s) costs one listing per image, the unsigned one too',
    async (filter) => {
      const repo = `filter-${filter}/app`;
      await bundleImages(repo, 2);
      const unsigned = await randomImage(reg, repo, 'unsigned');
      proxy.reset({ referrersApi: { filter } });
      const { code, report, ms } = await verify(KEYLESS, [
        `${repo}:v0`,
        `${repo}:v1`,
        `${repo}:unsigned`,
      ]);
      expect(code).toBe(1);
      expect(report.results.map((r) => [r.outcome, r.code])).toEqual([
        ['verified', undefined],
        ['verified', undefined],
        ['failed', 'UNSIGNED'],
      ]);
      expect(report.results[2].digest).toBe(unsigned.digest);
      expect(formats(report).slice(0, 2)).toEqual(['bundle-referrer', 'bundle-referrer']);
      // A filter seen to find bundles is trusted to have found all: no second listing for the
      // unsigned image. One that ignored the filter listed everything: nothing to ask again.
      expect(referrersAsked()).toHaveLength(3);
      expect(referrersAsked().every((r) => r.path.includes('artifactType='))).toBe(true);
      expect(ms).toBeLessThan(BOUND_MS);
    },
  );

  it("Harbor before 2.11's `{}` for a subject it has no artifact for is no referrers, not a malformed list", async () => {
    const repo = 'harbor210/empty';
    const imgs = await bundleImages(repo, 1);
    proxy.reset({ referrersApi: { filter: 'apply', emptyObject: true } });
    const { code, report } = await verify(KEYLESS, [`${repo}:v0`]);
    expect(code).toBe(1);
    expect(report.results.map((r) => [r.digest, r.code])).toEqual([[imgs[0].digest, 'UNSIGNED']]);
    // Harbor sends `{}` without OCI-Filters-Applied: nothing claimed, nothing asked again.
    expect(referrersAsked()).toHaveLength(1);
  });
});

describe('paging by Link headers (ACR, distribution)', () => {
  it('follows rel="next" to a bundle on the second page', async () => {
    const repo = 'paged/app';
    const img = await randomImage(reg, repo, 'v0');
    // Page 1: a bundle from another identity (does not verify); page 2: the one that does.
    await pushBundleReferrers(reg.host, repo, { digest: img.digest, size: img.size }, [
      {
        bytes: ss.signBundle({
          imageDigest: img.digest,
          signer: { identity: OTHER, issuer: ISSUER },
        }).bytes,
        predicateType: COSIGN_SIGN,
      },
      {
        bytes: ss.signBundle({
          imageDigest: img.digest,
          signer: { identity: IDENTITY, issuer: ISSUER },
        }).bytes,
        predicateType: COSIGN_SIGN,
      },
    ]);
    proxy.reset({ referrersApi: { filter: 'ignore', pageSize: 1 } });
    const { code, report, ms } = await verify(KEYLESS, [`${repo}:v0`]);
    expect(code).toBe(0);
    expect(formats(report)).toEqual(['bundle-referrer']);
    const pages = referrersAsked().map((r) => r.path);
    expect(pages).toHaveLength(2);
    expect(pages[1]).toMatch(/[?&]last=sha256%3A[0-9a-f]{64}/);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a next link that never ends stops at the page limit (exit 2), not a hang', async () => {
    const repo = 'paged/loop';
    const imgs = await bundleImages(repo, 1);
    proxy.reset({ referrersApi: { filter: 'apply', pageSize: 1, linkLoop: true } });
    const { code, report, ms } = await verify(KEYLESS, [`${repo}:v0`]);
    expect(code).toBe(2);
    expect(report.results[0].code).toBe('LIMIT_EXCEEDED');
    expect(report.results[0].reason).toContain(`${imgs[0].digest}: more than 20 pages`);
    expect(referrersAsked()).toHaveLength(20);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('a 404 from the referrers API itself is not "no API"', () => {
  it('404 NAME_UNKNOWN for one repository sends that image to the tag schema only', async () => {
    const [a] = await bundleImages('unknown/a', 1);
    const [b] = await bundleImages('unknown/b', 1);
    proxy.reset({ referrersApi: { filter: 'apply', nameUnknown: ['unknown/a'] } });
    const { code, report, ms } = await verify(KEYLESS, ['unknown/a:v0', 'unknown/b:v0']);
    expect(code).toBe(0);
    expect(report.results.map((r) => r.digest)).toEqual([a.digest, b.digest]);
    // a: the API does not know the name, its fallback tag serves the bundle; b: the API still.
    expect(formats(report)).toEqual(['bundle-tag', 'bundle-referrer']);
    expect(referrersAsked().map((r) => r.status)).toEqual([404, 200]);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('ECR: Basic auth only, AWS:<token>', () => {
  it('sends the Docker config credentials as Basic after one 401, and never looks for a token service', async () => {
    const repo = 'ecr/app';
    const imgs = await keyImages(repo, 3);
    proxy.reset({ basicAuth: { username: 'AWS', password: 'ecr-token-1' } });
    const { code, report, ms } = await verify(
      ['--key', pub],
      imgs.map((_, i) => `${repo}:v${i}`),
      { DOCKER_CONFIG: dockerConfig('AWS', 'ecr-token-1') },
    );
    expect(code).toBe(0);
    expect(report.results.map((r) => r.outcome)).toEqual(Array(3).fill('verified'));
    // One challenge for the run; every later request carries Basic up front.
    expect(proxy.log.filter((r) => r.status === 401)).toHaveLength(1);
    expect(proxy.log.filter((r) => r.path.includes('token'))).toEqual([]);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it.each<[string, NodeJS.ProcessEnv, boolean, RegExp]>([
    ['no credentials', { DOCKER_CONFIG: '' }, false, /requires credentials \(Basic\)/],
    [
      'an expired token (403 DENIED)',
      {},
      true,
      /HTTP 403 \(DENIED: Your authorization token has expired/,
    ],
  ])('with %s: exit 2, AUTH_REFUSED naming the registry', async (_, env, expired, message) => {
    const repo = 'ecr/refused';
    await keyImages(repo, 1);
    proxy.reset({ basicAuth: { username: 'AWS', password: 'ecr-token-2', expired } });
    const { code, report, ms } = await verify(['--key', pub], [`${repo}:v0`], {
      DOCKER_CONFIG: env.DOCKER_CONFIG ?? dockerConfig('AWS', 'ecr-token-2'),
      ...(env.DOCKER_CONFIG === '' ? { HOME: mkdtempSync(path.join(tmpdir(), 'no-home-')) } : {}),
    });
    expect(code).toBe(2);
    expect(report.results[0].code).toBe('AUTH_REFUSED');
    expect(report.results[0].reason).toContain(proxy.host);
    expect(report.results[0].reason).toMatch(message);
    expect(JSON.stringify(report)).not.toContain('ecr-token-2');
    expect(proxy.log.length).toBeLessThanOrEqual(2);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe("a challenge naming a scope beyond pull (ACR's documented flow)", () => {
  it('asks for the challenge scope with its own, once per repository', async () => {
    const repo = 'acr/app';
    const imgs = await bundleImages(repo, 2);
    proxy.reset({
      referrersApi: { filter: 'apply' },
      bearerAuth: { username: 'robot', password: 'acr-secret', referrersAction: 'metadata_read' },
    });
    const { code, report, ms } = await verify(
      KEYLESS,
      imgs.map((_, i) => `${repo}:v${i}`),
      { DOCKER_CONFIG: dockerConfig('robot', 'acr-secret') },
    );
    expect(code).toBe(0);
    expect(formats(report)).toEqual(['bundle-referrer', 'bundle-referrer']);
    // The challenge's scope first, then the one asked for; the wider token serves the rest.
    expect(proxy.tokenRequests).toEqual([
      [`repository:${repo}:pull`],
      [`repository:${repo}:metadata_read`, `repository:${repo}:pull`],
    ]);
    expect(proxy.log.filter((r) => r.status === 401)).toHaveLength(2);
    expect(JSON.stringify(report)).not.toContain('acr-secret');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("joins the scopes with spaces in ACR's OAuth2 refresh-token POST (az acr login)", async () => {
    const repo = 'acr/oauth';
    const imgs = await bundleImages(repo, 1);
    proxy.reset({
      referrersApi: { filter: 'apply' },
      bearerAuth: { refreshToken: 'acr-refresh-token', referrersAction: 'metadata_read' },
    });
    const d = mkdtempSync(path.join(tmpdir(), 'registries-acr-'));
    // As `az acr login` writes it: the <token> user beside the identity token.
    const auth = Buffer.from('00000000-0000-0000-0000-000000000000:').toString('base64');
    writeFileSync(
      path.join(d, 'config.json'),
      JSON.stringify({ auths: { [proxy.host]: { auth, identitytoken: 'acr-refresh-token' } } }),
    );
    const { code, report, ms } = await verify(KEYLESS, [`${repo}:v0`], { DOCKER_CONFIG: d });
    expect(code).toBe(0);
    expect(report.results[0].digest).toBe(imgs[0].digest);
    expect(proxy.tokenRequests).toEqual([
      [`repository:${repo}:pull`],
      [`repository:${repo}:metadata_read`, `repository:${repo}:pull`],
    ]);
    expect(
      proxy.log.filter((r) => r.path.startsWith('/oauth2/token')).map((r) => r.method),
    ).toEqual(['POST', 'POST']);
    expect(JSON.stringify(report)).not.toContain('acr-refresh-token');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it.each([['push'], ['delete'], ['*']])(
    'never asks for %s on a read: the refusal stands (exit 2)',
    async (action) => {
      const repo = `acr/wide-${action === '*' ? 'star' : action}`;
      await bundleImages(repo, 1);
      proxy.reset({
        referrersApi: { filter: 'apply' },
        bearerAuth: { username: 'robot', password: 'acr-secret', referrersAction: action },
      });
      const { code, report, ms } = await verify(KEYLESS, [`${repo}:v0`], {
        DOCKER_CONFIG: dockerConfig('robot', 'acr-secret'),
      });
      expect(code).toBe(2);
      expect(report.results[0].code).toBe('AUTH_REFUSED');
      expect(proxy.tokenRequests.flat().some((s) => s.endsWith(`:${action}`))).toBe(false);
      expect(ms).toBeLessThan(BOUND_MS);
    },
  );
});
