// Hosted registries' behaviours, through the committed CLI against the real docker-registry
// behind test/helpers/registry-behaviours.ts (which cites where each behaviour is documented):
// Docker Hub's pull limit (GETs count, HEADs do not; stop before running it dry), a 429 storm
// with Retry-After (one backoff per registry, the window halves and grows back), GHCR's referrers
// 303 into a rate-limited API (tag schema for the rest of the run), and GitLab's fallback tag
// that resolves to the image itself (no referrers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import type { RegistryStats } from '../../src/core/registry/governor.js';
import { generateKeyPair, writePublicKey, type TestKeyPair } from '../helpers/cosign-keys.js';
import { pushLegacySignatures, sigTag } from '../helpers/cosign-push.js';
import {
  attachBundles,
  pushIndex,
  randomImage,
  startSigningRegistry,
  type Image,
} from '../helpers/images.js';
import { pushManifest } from '../helpers/oci-push.js';
import { lines, startBehaviourProxy, type BehaviourProxy } from '../helpers/registry-behaviours.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';
import type { TestSigstore } from '../helpers/test-sigstore.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';

let reg: StartedRegistry;
let proxy: BehaviourProxy;
let ss: TestSigstore;
let root: string;
let kp: TestKeyPair;
let pub: string;

beforeAll(async () => {
  let dir: string;
  ({ reg, ss, dir, root } = await startSigningRegistry('registry-behaviours-'));
  proxy = await startBehaviourProxy(reg.url);
  kp = generateKeyPair();
  pub = writePublicKey(dir, kp, 'cosign.pub');
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await reg?.stop();
});

/** `n` key-signed images `repo:v0..`, pushed straight to the registry (the proxy log stays clean). */
async function signedImages(repo: string, n: number): Promise<Image[]> {
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

async function verify(
  args: string[],
  refs: string[],
): Promise<{ code: number | null; report: Report; stderr: string; ms: number }> {
  const r = await runCli([
    'verify',
    '--output',
    'json',
    '--trusted-root',
    root,
    ...args,
    ...refs.map((x) => `${proxy.host}/${x}`),
  ]);
  let report: Report;
  try {
    report = JSON.parse(r.stdout) as Report;
  } catch {
    throw new Error(`no JSON report (exit ${r.code}): ${r.stderr}`);
  }
  return { code: r.code, report, stderr: r.stderr, ms: r.ms };
}

const statsOf = (report: Report): RegistryStats => report.stats!.registries![proxy.host];
const manifestGets = () =>
  proxy.log.filter((r) => r.method === 'GET' && r.path.includes('/manifests/'));

describe('Docker Hub: manifest GETs are pulls, HEADs are not', () => {
  it('resolves tags by HEAD once the registry shows a limit, and counts pulls per registry', async () => {
    const repo = 'hub/counts';
    const imgs = await signedImages(repo, 4);
    await randomImage(reg, repo, 'unused');
    // v0-alias names v0's digest: a second tag of one digest costs a HEAD, not a pull.
    await pushManifest(reg.host, repo, 'v0-alias', imgs[0].pushed.manifestBytes);
    proxy.reset({ pullLimit: { limit: 100, remaining: 90, window: 21600, source: '192.0.2.1' } });
    const refs = [...imgs.map((_, i) => `${repo}:v${i}`), `${repo}:v0-alias`];
    const { code, report } = await verify(['--key', pub, '--concurrency', '1'], refs);
    expect(code).toBe(0);
    expect(report.results.map((r) => r.outcome)).toEqual(Array(5).fill('verified'));
    const d = (i: number) => imgs[i].digest;
    // The first answer shows the limit; from then on a tag is a HEAD, then its manifest by digest.
    expect(lines(proxy.log)).toEqual([
      `GET /v2/${repo}/manifests/v0`,
      `GET /v2/${repo}/manifests/${sigTag(d(0))}`,
      ...[1, 2, 3].flatMap((i) => [
        `HEAD /v2/${repo}/manifests/v${i}`,
        `GET /v2/${repo}/manifests/${d(i)}`,
        `GET /v2/${repo}/manifests/${sigTag(d(i))}`,
      ]),
      `HEAD /v2/${repo}/manifests/v0-alias`,
    ]);
    const st = statsOf(report);
    expect(st.pulls).toBe(manifestGets().length);
    expect(st.pulls).toBe(8);
    expect(st.requests).toBe(proxy.log.length);
    expect(st.rateLimit).toEqual({
      limit: 100,
      remaining: 82,
      windowSeconds: 21600,
      source: '192.0.2.1',
    });
    expect(report.stats?.registryRequests).toBe(proxy.log.length);
  });

  it.each([
    // remaining, images, verified before the stop, requests sent in all
    [3, 6, 1, 2],
    [2, 3, 1, 2],
    [5, 4, 2, 5],
  ])(
    'with %i pulls left, a batch of %i stops before running it dry (exit 2, RATE_LIMITED)',
    async (remaining, n, verifiedCount, requests) => {
      const repo = `hub/stop-${remaining}-${n}`;
      await signedImages(repo, n);
      proxy.reset({ pullLimit: { limit: 100, remaining, window: 21600, source: '192.0.2.1' } });
      const { code, report, stderr } = await verify(
        ['--key', pub, '--concurrency', '1'],
        Array.from({ length: n }, (_, i) => `${repo}:v${i}`),
      );
      expect(code).toBe(2);
      const outcomes = report.results.map((r) => r.outcome);
      expect(outcomes.slice(0, verifiedCount)).toEqual(Array(verifiedCount).fill('verified'));
      const stopped = report.results.slice(verifiedCount);
      expect(stopped.map((r) => r.code)).toEqual(Array(n - verifiedCount).fill('RATE_LIMITED'));
      const reason = stopped[0].reason!;
      expect(reason).toContain(`registry ${proxy.host}`);
      expect(reason).toMatch(/has \d+ pulls left of 100 per 6 h \(counted against 192\.0\.2\.1\)/);
      expect(reason).toContain(`needs at least ${n - verifiedCount} more`);
      expect(reason).toMatch(/Authenticate/);
      expect(stderr + JSON.stringify(report)).not.toContain('undefined');
      // Nothing was sent for the stopped images: every request belongs to the verified ones,
      // and the limit was never run dry (no 429).
      const stoppedRepos = stopped.map((_, i) => `/manifests/v${verifiedCount + i}`);
      expect(proxy.log.filter((r) => stoppedRepos.some((p) => r.path.endsWith(p)))).toEqual([]);
      expect(proxy.log.filter((r) => r.status === 429)).toEqual([]);
      expect(proxy.log).toHaveLength(requests);
      expect(statsOf(report).pulls).toBe(manifestGets().length);
    },
  );

  it('a 429 with ratelimit-remaining: 0 is the limit used up: no retries (exit 2)', async () => {
    const repo = 'hub/spent';
    await signedImages(repo, 2);
    proxy.reset({ pullLimit: { limit: 100, remaining: 0, window: 21600, source: '192.0.2.1' } });
    const { code, report } = await verify(
      ['--key', pub, '--concurrency', '1'],
      [`${repo}:v0`, `${repo}:v1`],
    );
    expect(code).toBe(2);
    expect(report.results.map((r) => r.code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect(report.results[0].reason).toMatch(
      /pull limit of 100 per 21600 s is used up \(0 left for 192\.0\.2\.1\)/,
    );
    // One GET for the first image; the second is stopped before it sends anything.
    expect(lines(proxy.log)).toEqual([`GET /v2/${repo}/manifests/v0`]);
    expect(statsOf(report)).toMatchObject({ pulls: 1, rateLimited: 1, retries: 0 });
  });

  it('ignores malformed limit headers (no stop, no pass of its own)', async () => {
    const repo = 'hub/malformed';
    await signedImages(repo, 3);
    for (const raw of ['-1;w=21600', 'lots', '76;w=', '1.5;w=21600', '']) {
      proxy.reset({
        pullLimit: { limit: 100, remaining: 50, window: 21600, source: '192.0.2.1' },
        rawRemainingHeader: raw,
      });
      const { code, report } = await verify(
        ['--key', pub, '--concurrency', '1'],
        [`${repo}:v0`, `${repo}:v1`, `${repo}:v2`],
      );
      expect(code, raw).toBe(0);
      expect(statsOf(report).rateLimit, raw).toBeUndefined();
      // No limit seen: tags are GETs, as on any registry.
      expect(
        proxy.log.filter((r) => r.method === 'HEAD'),
        raw,
      ).toEqual([]);
    }
  });
});

describe('429 storms: one backoff per registry, AIMD concurrency', () => {
  it('waits out Retry-After once for the whole registry, halves its window and grows it back', async () => {
    const repo = 'storm/aimd';
    const n = 16;
    await signedImages(repo, n);
    proxy.reset({ storm: { after: 6, seconds: 2 }, delayMs: 40 });
    const { code, report, ms } = await verify(
      ['--key', pub, '--concurrency', '4'],
      Array.from({ length: n }, (_, i) => `${repo}:v${i}`),
    );
    expect(code).toBe(0);
    expect(report.results.every((r) => r.outcome === 'verified')).toBe(true);
    const t = proxy.stormStartedAt!;
    expect(t).toBeDefined();
    // Requests already on their way when the first 429 went out arrive within a few ms; after
    // that nothing reaches the registry until Retry-After has passed.
    const during = proxy.log.filter((r) => r.at > t + 300 && r.at < t + 1900);
    expect(during).toEqual([]);
    const before = proxy.log.filter((r) => r.at < t);
    const after = proxy.log.filter((r) => r.at >= t + 2000);
    expect(Math.max(...before.map((r) => r.inFlight))).toBeLessThanOrEqual(4);
    // Right after the storm the window is at most 2 (4 halved once per congestion event) ...
    expect(Math.max(...after.slice(0, 4).map((r) => r.inFlight))).toBeLessThanOrEqual(2);
    const st = statsOf(report);
    expect(st.concurrency.start).toBe(4);
    expect(st.concurrency.min).toBe(2);
    // ... and grows back by one per 4 successes, up to the configured 4.
    expect(st.concurrency.final).toBe(4);
    expect(Math.max(...after.slice(8, 16).map((r) => r.inFlight))).toBeGreaterThan(2);
    expect(st.rateLimited).toBe(proxy.log.filter((r) => r.status === 429).length);
    expect(st.rateLimited).toBeGreaterThanOrEqual(1);
    expect(st.retries).toBe(st.rateLimited);
    expect(st.waitMs).toBeGreaterThanOrEqual(1500);
    expect(st.bytes).toBeGreaterThan(0);
    expect(ms).toBeLessThan(20_000);
  });

  it('a Retry-After longer than the run has left fails at once, naming the registry and the wait', async () => {
    const repo = 'storm/long';
    await signedImages(repo, 3);
    proxy.reset({ storm: { after: 0, seconds: 600, retryAfter: '120' } });
    const { code, report, ms } = await verify(
      ['--key', pub, '--concurrency', '1', '--timeout', '30s'],
      [`${repo}:v0`, `${repo}:v1`, `${repo}:v2`],
    );
    expect(code).toBe(2);
    expect(report.results.map((r) => r.code)).toEqual(Array(3).fill('RATE_LIMITED'));
    expect(report.results[0].reason).toMatch(
      new RegExp(
        `registry ${proxy.host.replaceAll('.', '\\.')} answered HTTP 429.*asks to wait 120 s \\(more than the \\d+ s left of the run's timeout\\)`,
      ),
    );
    // The registry is stopped: one request, not one per image.
    expect(proxy.log).toHaveLength(1);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('GHCR: referrers 303 into a rate-limited API', () => {
  it('falls back to the tag schema for the rest of the run after the first 303 -> 429', async () => {
    const repo = 'ghcr/bundles';
    const imgs: Image[] = [];
    for (let i = 0; i < 3; i++) {
      const img = await randomImage(reg, repo, `v${i}`);
      await attachBundles({ reg, ss }, img, { sign: { identity: IDENTITY, issuer: ISSUER } });
      imgs.push(img);
    }
    proxy.reset({ ghcrReferrers: true });
    const { code, report } = await verify(
      [
        '--certificate-identity',
        IDENTITY,
        '--certificate-oidc-issuer',
        ISSUER,
        '--concurrency',
        '2',
      ],
      imgs.map((_, i) => `${repo}:v${i}`),
    );
    expect(code).toBe(0);
    expect(report.results.map((r) => r.signatures[0]?.format)).toEqual(Array(3).fill('bundle-tag'));
    // One 303 and one 429 for the whole run; the later images never ask the referrers API.
    expect(proxy.log.filter((r) => r.path.includes('/referrers/'))).toHaveLength(1);
    expect(proxy.packagesApi).toHaveLength(1);
    expect(proxy.packagesApi[0].path).toMatch(
      /\/-\/v2\/packages\/container\/package\/ghcr%2Fbundles%2Freferrers%2Fsha256$/,
    );
    // The API's 429 is not the registry's: no backoff, no halving, no retry.
    const st = statsOf(report);
    expect(st).toMatchObject({ rateLimited: 1, retries: 0, concurrency: { start: 2, min: 2 } });
  });
});

describe('GitLab: the fallback tag resolves to the image itself', () => {
  it('reads it as no referrers, not as the referrers list', async () => {
    const repo = 'gitlab/self';
    const child = await randomImage(reg, repo, 'child');
    // An index whose entry carries a bundle artifactType: read as a referrers list, it would
    // send the client after that entry as if it were a signature.
    const index = await pushIndex(reg, repo, 'multi', [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: child.digest,
        size: child.size,
        artifactType: BUNDLE_V03,
      },
    ]);
    const signed = (await signedImages('gitlab/signed', 1))[0];
    proxy.reset({ gitlabDigestTags: true });
    const { code, report } = await verify(
      ['--key', pub, '--concurrency', '1'],
      [`${repo}:multi`, 'gitlab/signed:v0'],
    );
    expect(code).toBe(1);
    expect(report.results.map((r) => [r.outcome, r.code])).toEqual([
      ['failed', 'UNSIGNED'],
      ['verified', undefined],
    ]);
    expect(report.results[0].reason).toContain(`tag ${sigTag(index.digest, '')}`);
    // The fallback tag was read (and answered with the index itself) ...
    expect(lines(proxy.log)).toContain(`GET /v2/${repo}/manifests/${sigTag(index.digest, '')}`);
    // ... and its entry was not taken for a referrer.
    expect(lines(proxy.log)).not.toContain(`GET /v2/${repo}/manifests/${child.digest}`);
    expect(signed.digest).toBe(report.results[1].digest);
  });
});

describe('registries without the referrers API, and Harbor listing the config type', () => {
  async function bundleImages(repo: string, n: number): Promise<Image[]> {
    const imgs: Image[] = [];
    for (let i = 0; i < n; i++) {
      const img = await randomImage(reg, repo, `v${i}`);
      await attachBundles({ reg, ss }, img, { sign: { identity: IDENTITY, issuer: ISSUER } });
      imgs.push(img);
    }
    return imgs;
  }
  const keyless = ['--certificate-identity', IDENTITY, '--certificate-oidc-issuer', ISSUER];

  it.each<[400 | 406 | 'html']>([[400], [406], ['html']])(
    'a referrers endpoint answering %s is no referrers API: the tag schema, learnt once',
    async (answer) => {
      const repo = `noapi/r${answer}`;
      const imgs = await bundleImages(repo, 3);
      proxy.reset({ referrersAnswer: answer });
      const { code, report } = await verify(
        [...keyless, '--concurrency', '1'],
        imgs.map((_, i) => `${repo}:v${i}`),
      );
      expect(code).toBe(0);
      expect(report.results.map((r) => r.signatures[0]?.format)).toEqual(
        Array(3).fill('bundle-tag'),
      );
      expect(proxy.log.filter((r) => r.path.includes('/referrers/'))).toHaveLength(1);
    },
  );

  it('a bundle listed under the empty config type is still found, by its manifest artifactType', async () => {
    const repo = 'harbor/config-type';
    const imgs = await bundleImages(repo, 2);
    proxy.reset({ configTypeInIndex: true });
    const { code, report } = await verify(
      [...keyless, '--concurrency', '1'],
      imgs.map((_, i) => `${repo}:v${i}`),
    );
    expect(code).toBe(0);
    expect(report.results.map((r) => r.outcome)).toEqual(['verified', 'verified']);
    // The index the client read did list the empty type.
    expect(lines(proxy.log)).toContain(`GET /v2/${repo}/manifests/${sigTag(imgs[0].digest, '')}`);
  });
});
