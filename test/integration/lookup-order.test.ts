// How many requests a signed image costs, seen from the registry's side: the committed CLI against
// a real docker-registry behind a pass-through proxy that logs every request. Covers the payload
// that is not fetched when it hashes to the layer digest (cosign's default payload), the format
// learned per repository (looked up first; the other only when it yields no valid signature), and
// the cases where every format must still be looked up.
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { generateKeyPair, writePublicKey, type TestKeyPair } from '../helpers/cosign-keys.js';
import { pushLegacySignatures, sigTag } from '../helpers/cosign-push.js';
import { attachBundles, randomImage, startSigningRegistry, type Image } from '../helpers/images.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';
import type { KeylessSigner, KeySigner, TestSigstore } from '../helpers/test-sigstore.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const OTHER_IDENTITY = 'https://github.com/evil/app/.github/workflows/release.yml@refs/heads/main';

let reg: StartedRegistry;
let proxy: { host: string; log: string[]; fail: RegExp[]; close(): Promise<void> };
let ss: TestSigstore;
let root: string;
let kp: TestKeyPair;
let kp2: TestKeyPair;
let pub: string;
let pub2: string;

/** Every request that reaches the registry, as `METHOD path`. */
async function startLoggingProxy(
  upstream: string,
): Promise<{ host: string; log: string[]; fail: RegExp[]; close(): Promise<void> }> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  const log: string[] = [];
  const fail: RegExp[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    log.push(`${req.method} ${req.url}`);
    if (fail.some((re) => re.test(req.url ?? ''))) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"errors":[{"code":"UNKNOWN","message":"injected"}]}');
      return;
    }
    const up = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      (ur) => {
        res.writeHead(ur.statusCode ?? 502, ur.headers);
        ur.pipe(res);
      },
    );
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    log,
    fail,
    close: () =>
      new Promise<void>((r) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

beforeAll(async () => {
  let dir: string;
  ({ reg, ss, dir, root } = await startSigningRegistry('lookup-order-'));
  proxy = await startLoggingProxy(reg.url);
  kp = generateKeyPair();
  kp2 = generateKeyPair();
  pub = writePublicKey(dir, kp, 'cosign.pub');
  pub2 = writePublicKey(dir, kp2, 'second.pub');
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await reg?.stop();
});

const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Pushes a distinct image to `repo:tag` (straight to the registry, so the proxy log stays clean). */
const image = (repo: string, tag: string): Promise<Image> => randomImage(reg, repo, tag);

/** A key-signed `.sig`; the payload names the repository as the gate will see it (via the proxy). */
function legacyKey(
  repo: string,
  digest: string,
  opts: { keys?: TestKeyPair; name?: string; annotations?: Record<string, string> } = {},
) {
  return ss.signLegacyKey({
    imageDigest: digest,
    dockerReference: opts.name ?? `${proxy.host}/${repo}`,
    ...(opts.keys ?? kp),
    ...(opts.annotations ? { payloadAnnotations: opts.annotations } : {}),
  });
}

/** A cosign v3 sign bundle referrer of `image` by `signer`. */
async function bundle(image: Image, signer: KeySigner | KeylessSigner): Promise<void> {
  await attachBundles({ reg, ss }, image, { sign: signer });
}

/** Runs the CLI over `refs` one at a time (so the order is the input order); returns the log. */
async function verify(
  args: string[],
  refs: string[],
): Promise<{ code: number | null; report: Report; requests: string[] }> {
  const from = proxy.log.length;
  const r = await runCli([
    'verify',
    '--output',
    'json',
    '--concurrency',
    '1',
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
  return { code: r.code, report, requests: proxy.log.slice(from) };
}

const keyless = { identity: IDENTITY, issuer: ISSUER };
const keylessArgs = ['--certificate-identity', IDENTITY, '--certificate-oidc-issuer', ISSUER];

describe('requests per signed image, counted by a proxy in front of a real registry', () => {
  it('key-signed images cost two requests each, the first one too', async () => {
    const repo = 'order/key';
    const refs: string[] = [];
    for (let i = 0; i < 5; i++) {
      const img = await image(repo, `v${i}`);
      await pushLegacySignatures(reg.host, repo, img.digest, [legacyKey(repo, img.digest)]);
      refs.push(`${repo}:v${i}`);
    }
    const { code, report, requests } = await verify(['--key', pub], refs);
    expect(code).toBe(0);
    expect(report.results.map((r) => r.outcome)).toEqual(Array(5).fill('verified'));
    // No payload blob is fetched: each hashes to its layer digest as cosign's default payload.
    expect(requests.filter((r) => r.includes('/blobs/'))).toEqual([]);
    // The .sig tag is looked in first and its valid signature decides: the bundle format is never
    // asked, not even for the first image. Tag + .sig manifest per image, no more.
    expect(requests).toEqual(
      report.results.flatMap((r, i) => [
        `GET /v2/${repo}/manifests/v${i}`,
        `GET /v2/${repo}/manifests/${sigTag(r.digest!)}`,
      ]),
    );
    // The gate's own count (what `npm run bench` reports) is what the registry saw.
    expect(report.stats?.registryRequests).toBe(requests.length);
  });

  it('bundle-signed images cost four once the repository has shown its format', async () => {
    const repo = 'order/bundle';
    const refs: string[] = [];
    for (let i = 0; i < 4; i++) {
      const img = await image(repo, `v${i}`);
      await bundle(img, keyless);
      refs.push(`${repo}:v${i}`);
    }
    const { code, report, requests } = await verify(keylessArgs, refs);
    expect(code).toBe(0);
    expect(report.results.map((r) => r.signatures[0]?.format)).toEqual(Array(4).fill('bundle-tag'));
    // 6 for the first (its .sig probe and the referrers API answer 404), then 4 each: tag, tag
    // index, referrer manifest, bundle blob; never a .sig probe.
    expect(requests).toHaveLength(6 + 3 * 4);
    const sigProbes = requests.filter((r) => r.endsWith('.sig'));
    expect(sigProbes).toEqual([`GET /v2/${repo}/manifests/${sigTag(report.results[0].digest!)}`]);
    expect(report.stats?.registryRequests).toBe(requests.length);
  });

  it('fetches the payload when it is not the default one: annotations, or another name', async () => {
    const repo = 'order/fetched';
    const a = await image(repo, 'annotated');
    await pushLegacySignatures(reg.host, repo, a.digest, [
      legacyKey(repo, a.digest, { annotations: { env: 'prod' } }),
    ]);
    const b = await image(repo, 'copied');
    await pushLegacySignatures(reg.host, repo, b.digest, [
      legacyKey(repo, b.digest, { name: 'registry.example/elsewhere/app' }),
    ]);
    const { code, report, requests } = await verify(
      ['--key', pub],
      [`${repo}:annotated`, `${repo}:copied`],
    );
    expect(code).toBe(0);
    expect(report.results.map((r) => r.outcome)).toEqual(['verified', 'verified']);
    expect(requests.filter((r) => r.includes('/blobs/'))).toHaveLength(2);
  });

  it('judges the default-payload layers of a .sig first, and still reads the rest when they fail', async () => {
    const repo = 'order/layers';
    // Layer 0 under another name (a mirror's signature), layer 1 annotated, layer 2 the default
    // payload: the default one verifies without any blob being fetched.
    const a = await image(repo, 'mirrored');
    const aDefault = legacyKey(repo, a.digest);
    await pushLegacySignatures(reg.host, repo, a.digest, [
      legacyKey(repo, a.digest, { name: 'registry.example/elsewhere/app' }),
      legacyKey(repo, a.digest, { annotations: { env: 'prod' } }),
      aDefault,
    ]);
    const first = await verify(['--key', pub], [`${repo}:mirrored`]);
    expect(first.code).toBe(0);
    expect(first.requests.filter((r) => r.includes('/blobs/'))).toEqual([]);
    // The signature that decided is the default one (the report names its layer by digest).
    expect(first.report.results[0].inputs?.map((i) => i.digest)).toEqual([
      sha256(aDefault.payload),
    ]);

    // The default layer is signed by another key: it is judged first and fails, then the fetched
    // layer signed by the trusted key decides.
    const b = await image(repo, 'second-key');
    const bAnnotated = legacyKey(repo, b.digest, { annotations: { env: 'prod' } });
    await pushLegacySignatures(reg.host, repo, b.digest, [
      bAnnotated,
      legacyKey(repo, b.digest, { keys: kp2 }),
    ]);
    const second = await verify(['--key', pub], [`${repo}:second-key`]);
    expect(second.code).toBe(0);
    expect(second.report.results[0].inputs?.map((i) => i.digest)).toEqual([
      sha256(bAnnotated.payload),
    ]);
    expect(second.requests.filter((r) => r.includes('/blobs/'))).toHaveLength(1);
    // Neither layer verifies under a third key: both are judged and the image fails.
    const third = await verify(['--key', pub2], [`${repo}:mirrored`]);
    expect(third.report.results[0].outcome).toBe('failed');
    expect(third.code).toBe(1);
    expect(third.requests.filter((r) => r.includes('/blobs/'))).toHaveLength(2);
  });

  it('a payload edited after signing is fetched, and fails', async () => {
    const repo = 'order/edited';
    const img = await image(repo, 'v1');
    const sig = legacyKey(repo, img.digest);
    sig.payload = Buffer.from(
      sig.payload.toString().replace('"optional":null', '"optional":{"x":"y"}'),
    );
    await pushLegacySignatures(reg.host, repo, img.digest, [sig]);
    const { code, report, requests } = await verify(['--key', pub], [`${repo}:v1`]);
    expect(code).toBe(1);
    expect(report.results[0].outcome).toBe('failed');
    // The Rekor entry records the signed payload's hash, so the log check is the first to object.
    expect(report.results[0].code).toBe('TLOG_INVALID');
    expect(requests.filter((r) => r.includes('/blobs/'))).toHaveLength(1);
  });
});

describe('the learned format orders lookups but never decides', () => {
  it('falls back to the other format, keeps what it rejected, and says where it looked', async () => {
    const repo = 'order/mixed';
    const legacyOnly = await image(repo, 'legacy');
    await pushLegacySignatures(reg.host, repo, legacyOnly.digest, [
      ss.signLegacyKeyless({
        imageDigest: legacyOnly.digest,
        dockerReference: `${proxy.host}/${repo}`,
        ...keyless,
      }),
    ]);
    const bundleOnly = await image(repo, 'bundle');
    await bundle(bundleOnly, keyless);
    // After `bundle` the hint is "bundle": this one's bundle names another signer; its .sig is good.
    const badBundle = await image(repo, 'bad-bundle');
    await bundle(badBundle, { identity: OTHER_IDENTITY, issuer: ISSUER });
    await pushLegacySignatures(reg.host, repo, badBundle.digest, [
      ss.signLegacyKeyless({
        imageDigest: badBundle.digest,
        dockerReference: `${proxy.host}/${repo}`,
        ...keyless,
      }),
    ]);
    const unsigned = await image(repo, 'unsigned');
    const { code, report, requests } = await verify(keylessArgs, [
      `${repo}:legacy`,
      `${repo}:bundle`,
      `${repo}:bad-bundle`,
      `${repo}:unsigned`,
    ]);
    expect(code).toBe(1);
    const [r1, r2, r3, r4] = report.results;
    expect(r1.signatures.map((s) => s.format)).toEqual(['legacy-tag']);
    // Hint "legacy" from r1: the .sig probe misses, the bundle is then found and verifies.
    expect(r2.outcome).toBe('verified');
    expect(r2.signatures.map((s) => s.format)).toEqual(['bundle-tag']);
    const r2Requests = requests.filter((r) => r.includes(bundleOnly.digest.slice(7)));
    expect(r2Requests[0]).toBe(`GET /v2/${repo}/manifests/${sigTag(bundleOnly.digest)}`);
    // Hint "bundle" from r2: the bundle is rejected, the .sig then verifies; the rejection stays.
    expect(r3.outcome).toBe('verified');
    expect(r3.signatures.map((s) => s.format)).toEqual(['legacy-tag']);
    expect(r3.rejected?.map((x) => x.code)).toEqual(['UNTRUSTED_SIGNER']);
    // Nothing anywhere: both places were looked in, and the reason names them.
    expect(r4.outcome).toBe('failed');
    expect(r4.code).toBe('UNSIGNED');
    expect(r4.reason).toContain(`tag ${sigTag(unsigned.digest)}`);
    expect(r4.reason).toContain(`tag ${sigTag(unsigned.digest, '')}`);
  });

  it('lets a valid signature decide when the other format cannot be read, first image or not', async () => {
    const repo = 'order/outage';
    for (const tag of ['a', 'b']) {
      const img = await image(repo, tag);
      await pushLegacySignatures(reg.host, repo, img.digest, [legacyKey(repo, img.digest)]);
    }
    await image(repo, 'unsigned');
    // Every tag-index lookup in this repository fails: the bundle format cannot be read.
    proxy.fail.push(new RegExp(`^/v2/${repo}/manifests/sha256-[0-9a-f]{64}$`));
    try {
      const alone = await verify(['--key', pub], [`${repo}:a`]);
      expect(alone.code).toBe(0);
      const batch = await verify(['--key', pub], [`${repo}:a`, `${repo}:b`, `${repo}:unsigned`]);
      expect(batch.report.results.map((r) => r.outcome)).toEqual(['verified', 'verified', 'error']);
      // Without a valid signature, not being able to look is an outage, never a verdict.
      expect(batch.code).toBe(2);
      expect(batch.report.results[2].reason).toContain('500');
    } finally {
      proxy.fail.length = 0;
    }
  });

  it('tries the other format when the learned one cannot be read', async () => {
    const repo = 'order/learned-outage';
    const a = await image(repo, 'a');
    await pushLegacySignatures(reg.host, repo, a.digest, [legacyKey(repo, a.digest)]);
    // Only a bundle, and its .sig lookup fails: after `a` the hint is "legacy".
    const b = await image(repo, 'b');
    await bundle(b, kp);
    proxy.fail.push(new RegExp(`/manifests/${sigTag(b.digest).replace('.', '\\.')}$`));
    try {
      const alone = await verify(['--key', pub], [`${repo}:b`]);
      expect(alone.code).toBe(0);
      const after = await verify(['--key', pub], [`${repo}:a`, `${repo}:b`]);
      expect(after.report.results.map((r) => r.outcome)).toEqual(['verified', 'verified']);
      expect(after.code).toBe(0);
    } finally {
      proxy.fail.length = 0;
    }
  });

  it('with require-all-keys every format is looked up, whatever the repository has shown', async () => {
    const repo = 'order/all-keys';
    const refs: string[] = [];
    const digests: string[] = [];
    for (const tag of ['a', 'b', 'c']) {
      const img = await image(repo, tag);
      // The first key signs in the legacy format, the second as a bundle.
      await pushLegacySignatures(reg.host, repo, img.digest, [legacyKey(repo, img.digest)]);
      if (tag !== 'c') await bundle(img, kp2);
      refs.push(`${repo}:${tag}`);
      digests.push(img.digest);
    }
    const { code, report, requests } = await verify(
      ['--key', pub, '--key', pub2, '--require-all-keys'],
      refs,
    );
    expect(report.results.map((r) => r.outcome)).toEqual(['verified', 'verified', 'failed']);
    expect(code).toBe(1);
    expect(report.results[2].reason).toContain('require-all-keys');
    for (const d of digests)
      expect(requests).toContain(`GET /v2/${repo}/manifests/${sigTag(d, '')}`);
  });
});
