// SECURITY.md section 6, items 26-44 and 47, end to end: the committed CLI bundle against a proxy
// that serves a real docker-registry's signed content and injects one fault per case. Every case
// asserts the exit class, the wall time of the process and its peak RSS.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { generateKeyPair, writePublicKey } from '../helpers/cosign-keys.js';
import { pushLegacySignatures } from '../helpers/cosign-push.js';
import { startFake, type FakeRegistry } from '../helpers/fake-registry.js';
import { startFloodRegistry, type FloodRegistry } from '../helpers/flood-registry.js';
import { pushImage, sha256 } from '../helpers/oci-push.js';
import { startSigningRegistry } from '../helpers/images.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runNode } from '../helpers/run-dist.js';
import type { TestSigstore } from '../helpers/test-sigstore.js';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const RSS_HOOK =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nFAULTS_MAXRSS_KB="+process.resourceUsage().maxRSS+"\\n"))';
/** Node and the bundle alone take ~120 MB; hostile input must not add much to that. */
const MAX_RSS_MB = 260;
const OCI = 'application/vnd.oci.image.manifest.v1+json';
const USER = 'gate';
const PASSWORD = 'pa55-w0rd-for-proxy';

interface Upstream {
  status: number;
  headers: Headers;
  body: Buffer;
}
/** Returns true when it answered the request itself; false forwards it to the real registry. */
type Fault = (
  req: IncomingMessage,
  res: ServerResponse,
  upstream: () => Promise<Upstream>,
) => boolean | Promise<boolean>;

let reg: StartedRegistry;
let proxy: { host: string; server: Server };
let fault: Fault = () => false;
let requireAuth = false;
const seen: Array<{ url: string; authorization?: string }> = [];
const extra: FakeRegistry[] = [];
let dir: string;
let root: string;
let pub: string;
let noCreds: string;
let withCreds: string;
let digest: string;
let sigLayerDigest: string;
let ss: TestSigstore;
let kp: ReturnType<typeof generateKeyPair>;

const sigTag = () => `${digest.replace(':', '-')}.sig`;
const ref = (tag = 'signed') => `${proxy.host}/acme/app:${tag}`;

async function forward(req: IncomingMessage): Promise<Upstream> {
  const r = await fetch(`${reg.url}${req.url}`, {
    method: req.method,
    headers: { accept: req.headers.accept ?? '*/*' },
  });
  return { status: r.status, headers: r.headers, body: Buffer.from(await r.arrayBuffer()) };
}

function send(res: ServerResponse, u: Upstream, overrides: Record<string, string | null> = {}) {
  const h: Record<string, string> = {};
  for (const k of ['content-type', 'docker-content-digest', 'www-authenticate', 'location']) {
    const v = u.headers.get(k);
    if (v !== null) h[k] = v;
  }
  for (const [k, v] of Object.entries(overrides)) {
    if (v === null) delete h[k];
    else h[k] = v;
  }
  res.writeHead(u.status, { ...h, 'content-length': String(u.body.length) }).end(u.body);
}

beforeAll(async () => {
  ({ reg, ss, dir, root } = await startSigningRegistry('faults-cli-'));
  kp = generateKeyPair();
  pub = writePublicKey(dir, kp);
  const p = await pushImage(reg.host, 'acme/app', 'signed');
  digest = p.digest;
  // Signed under the registry's own name: the gate sees the proxy's, so it fetches the payload
  // blob (a default payload under its own name would be known by digest), which items 26 and 36
  // need. `unsigned` has no signature at all.
  await pushImage(reg.host, 'acme/app', 'unsigned');
  const sig = ss.signLegacyKey({
    imageDigest: digest,
    dockerReference: `${reg.host}/acme/app`,
    privateKey: kp.privateKey,
    publicKey: kp.publicKey,
  });
  sigLayerDigest = sha256(sig.payload);
  await pushLegacySignatures(reg.host, 'acme/app', digest, [sig]);

  const server = createServer((req, res) => {
    seen.push({
      url: req.url ?? '',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
    if (requireAuth && req.headers.authorization !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="faults"' }).end();
      return;
    }
    const up = () => forward(req);
    Promise.resolve(fault(req, res, up))
      .then(async (handled) => {
        if (!handled) send(res, await up());
      })
      .catch(() => res.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  proxy = { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, server };

  noCreds = await mkdtemp(path.join(dir, 'docker-empty-'));
  await writeFile(path.join(noCreds, 'config.json'), '{}');
  withCreds = await mkdtemp(path.join(dir, 'docker-creds-'));
  const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
  await writeFile(
    path.join(withCreds, 'config.json'),
    JSON.stringify({ auths: { [proxy.host]: { auth } } }),
  );
}, 120_000);

afterEach(async () => {
  fault = () => false;
  requireAuth = false;
  seen.length = 0;
  await Promise.all(extra.splice(0).map((f) => f.close()));
});

afterAll(async () => {
  if (proxy) {
    proxy.server.closeAllConnections();
    await new Promise<void>((r) => proxy.server.close(() => r()));
  }
  await reg?.stop();
});

interface Run {
  code: number | null;
  ms: number;
  rssMb: number;
  report: Report | undefined;
  stderr: string;
}

async function gate(images: string[], flags: string[] = [], dockerConfig = noCreds): Promise<Run> {
  const r = await runNode(
    [
      '--import',
      RSS_HOOK,
      CLI,
      'verify',
      '--output',
      'json',
      '--trusted-root',
      root,
      '--key',
      pub,
      ...flags,
      ...images,
    ],
    { DOCKER_CONFIG: dockerConfig },
  );
  const m = /FAULTS_MAXRSS_KB=(\d+)/.exec(r.stderr);
  let report: Report | undefined;
  try {
    report = JSON.parse(r.stdout) as Report;
  } catch {
    report = undefined;
  }
  return {
    code: r.code,
    ms: r.ms,
    rssMb: m ? Number(m[1]) / 1024 : Infinity,
    report,
    stderr: r.stderr,
  };
}

function expectBounded(r: Run, maxMs: number): void {
  expect(r.ms).toBeLessThan(maxMs);
  expect(r.rssMb).toBeLessThan(MAX_RSS_MB);
}

const isManifest = (req: IncomingMessage, reference: string) =>
  req.url === `/v2/acme/app/manifests/${reference}`;
const isBlob = (req: IncomingMessage, d: string) => req.url === `/v2/acme/app/blobs/${d}`;

/** Sends `size` bytes in 64 KiB chunks, or forever when size is Infinity, until the client goes. */
function stream(res: ServerResponse, size: number, headers: Record<string, string>): void {
  res.writeHead(200, headers);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = () => {
    while (sent < size && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => (sent = size));
  pump();
}

describe('the proxy itself', () => {
  it('passes a validly signed image through untouched (exit 0)', async () => {
    const r = await gate([ref()]);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'verified', digest });
    expect(r.code).toBe(0);
    expectBounded(r, 10_000);
  });
});

describe('integrity (items 26-29, 47)', () => {
  it.each<[string, number, string, () => string, Fault]>([
    [
      '26: a manifest asked for by digest arrives as other bytes',
      1,
      'DIGEST_MISMATCH',
      () => `${proxy.host}/acme/app@${digest}`,
      (req, res, up) => {
        if (!isManifest(req, digest)) return false;
        return up().then(
          (u) => (
            send(
              res,
              { ...u, body: Buffer.concat([u.body, Buffer.from(' ')]) },
              { 'docker-content-digest': null },
            ),
            true
          ),
        );
      },
    ],
    [
      '26: the signature layer blob arrives as other bytes',
      1,
      'DIGEST_MISMATCH',
      () => ref(),
      (req, res, up) => {
        if (!isBlob(req, sigLayerDigest)) return false;
        return up().then(
          (u) => (
            send(res, { ...u, body: Buffer.from(u.body.toString().replace('cosign', 'COSIGN')) }),
            true
          ),
        );
      },
    ],
    [
      '27/28: Docker-Content-Digest lies about the tag manifest',
      1,
      'DIGEST_MISMATCH',
      () => ref(),
      (req, res, up) => {
        if (!isManifest(req, 'signed')) return false;
        return up().then(
          (u) => (send(res, u, { 'docker-content-digest': sha256('something else') }), true),
        );
      },
    ],
    [
      '29: mediaType differs from Content-Type',
      1,
      'MALFORMED',
      () => ref(),
      (req, res, up) => {
        if (!isManifest(req, 'signed')) return false;
        return up().then(
          (u) => (
            send(res, u, { 'content-type': 'application/vnd.oci.image.index.v1+json' }),
            true
          ),
        );
      },
    ],
    [
      '47: the tag serves the same manifest re-serialised (another digest, no signature)',
      1,
      'UNSIGNED',
      () => ref(),
      (req, res, up) => {
        if (!isManifest(req, 'signed')) return false;
        return up().then((u) => {
          const re = Buffer.from(JSON.stringify(JSON.parse(u.body.toString()), null, 2));
          send(res, { ...u, body: re }, { 'docker-content-digest': null });
          return true;
        });
      },
    ],
  ])('%s -> exit %i (%s)', async (_name, exit, code, image, f) => {
    fault = f;
    const r = await gate([image()]);
    expect(r.report?.results[0]).toMatchObject({ verified: false, code });
    expect(r.code).toBe(exit);
    expectBounded(r, 10_000);
  });

  it('27: an absent Docker-Content-Digest is computed instead (exit 0)', async () => {
    fault = (req, res, up) => {
      if (!isManifest(req, 'signed')) return false;
      return up().then((u) => (send(res, u, { 'docker-content-digest': null }), true));
    };
    const r = await gate([ref()]);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'verified', digest });
    expect(r.code).toBe(0);
  });
});

describe('counts and sizes (items 33, 34)', () => {
  const layer = (i: number) => ({
    mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
    digest: `sha256:${i.toString(16).padStart(64, '0')}`,
    size: 1,
  });
  /** 10 000 bundle referrers for any subject, all of them over the cap. */
  const referrersFlood: Fault = (req, res) => {
    if (!req.url?.startsWith('/v2/acme/app/referrers/')) return false;
    const idx = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: Array.from({ length: 10_000 }, (_, i) => ({
        ...layer(i),
        mediaType: OCI,
        artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      })),
    };
    res
      .writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' })
      .end(JSON.stringify(idx));
    return true;
  };
  it.each<[string, Fault, string?]>([
    [
      '33: a .sig manifest with 10 000 layers',
      (req, res) => {
        if (!isManifest(req, sigTag())) return false;
        const m = {
          schemaVersion: 2,
          mediaType: OCI,
          config: layer(0),
          layers: Array.from({ length: 10_000 }, (_, i) => layer(i)),
        };
        res.writeHead(200, { 'content-type': OCI }).end(JSON.stringify(m));
        return true;
      },
    ],
    ['33: a referrers response with 10 000 entries (and no .sig)', referrersFlood, 'unsigned'],
    [
      '34: a 5 MiB tag manifest',
      (req, res) => {
        if (!isManifest(req, 'signed')) return false;
        stream(res, 5 * 1024 * 1024, { 'content-type': OCI });
        return true;
      },
    ],
    [
      '34: a chunked manifest body that never ends',
      (req, res) => {
        if (!isManifest(req, 'signed')) return false;
        stream(res, Infinity, { 'content-type': OCI });
        return true;
      },
    ],
    [
      '34: an endless signature blob',
      (req, res) => {
        if (!isBlob(req, sigLayerDigest)) return false;
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 0x41);
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
        return true;
      },
    ],
  ])('%s stops at the cap (exit 2, LIMIT_EXCEEDED) within time and memory', async (_n, f, tag) => {
    fault = f;
    const r = await gate([ref(tag)]);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'error', code: 'LIMIT_EXCEEDED' });
    expect(r.code).toBe(2);
    expectBounded(r, 15_000);
  });

  it('33: a referrers flood next to a valid .sig does not block it (exit 0), within time and memory', async () => {
    // One valid signature decides; the format it is not in is not needed (docs/design.md).
    fault = referrersFlood;
    const r = await gate([ref()]);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'verified', digest });
    expect(r.code).toBe(0);
    expectBounded(r, 15_000);
  });
});

describe('redirects and credentials (items 36-38)', () => {
  it('36: a blob redirected to another host arrives there without Authorization (exit 0)', async () => {
    const storage = await startFake(async (_req, res) => {
      const u = await fetch(`${reg.url}/v2/acme/app/blobs/${sigLayerDigest}`);
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from(await u.arrayBuffer()));
    });
    extra.push(storage);
    requireAuth = true;
    fault = (req, res) => {
      if (!isBlob(req, sigLayerDigest)) return false;
      res.writeHead(307, { location: `${storage.origin}/bucket/sig?X-Amz-Signature=s3cr3t` }).end();
      return true;
    };
    const r = await gate([ref()], [], withCreds);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'verified' });
    expect(r.code).toBe(0);
    expect(seen.some((s) => s.authorization?.startsWith('Basic '))).toBe(true);
    expect(storage.seen).toHaveLength(1);
    expect(storage.seen[0].headers.authorization).toBeUndefined();
    expect(storage.seen[0].headers.cookie).toBeUndefined();
    expect(r.stderr).not.toContain(PASSWORD);
    expectBounded(r, 10_000);
  });

  it.each([
    ['37: a redirect loop A -> B -> A', (n: number) => `/v2/acme/app/blobs/loop?hop=${n % 2}`],
    ['37: more than 10 hops', (n: number) => `/v2/acme/app/blobs/hop?n=${n + 1}`],
  ])('%s aborts (exit 2)', async (_n, next) => {
    let hops = 0;
    fault = (req, res) => {
      if (
        !isBlob(req, sigLayerDigest) &&
        !req.url?.includes('/blobs/loop') &&
        !req.url?.includes('/blobs/hop')
      )
        return false;
      res.writeHead(302, { location: next(hops++) }).end();
      return true;
    };
    const r = await gate([ref()]);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'error', code: 'REGISTRY_ERROR' });
    expect(r.report?.results[0]!.reason).toMatch(/redirect/);
    expect(r.code).toBe(2);
    expect(hops).toBeLessThanOrEqual(3 * 11);
    expectBounded(r, 10_000);
  });

  it.each([
    ['a file: URL', 'file:///etc/passwd'],
    ['a URL with credentials in it', 'http://user:pw@127.0.0.1:1/token'],
    ['not a URL', 'not a url'],
  ])(
    '38: a token realm that is %s is refused before any credential leaves (exit 2)',
    async (_n, realm) => {
      fault = (_req, res) => {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="x"` }).end();
        return true;
      };
      const r = await gate([ref()], [], withCreds);
      expect(r.report?.results[0]).toMatchObject({ outcome: 'error', code: 'INSECURE' });
      expect(r.code).toBe(2);
      expect(seen.every((s) => s.authorization === undefined)).toBe(true);
      expectBounded(r, 10_000);
    },
  );
});

describe('overload, outages and the network (items 41, 42)', () => {
  it('41: 429 with Retry-After: 1, then 200 -> waits and passes (exit 0)', async () => {
    let first = true;
    fault = (req, res) => {
      if (!isManifest(req, 'signed') || !first) return false;
      first = false;
      res.writeHead(429, { 'retry-after': '1' }).end();
      return true;
    };
    const started = Date.now();
    const r = await gate([ref()]);
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expectBounded(r, 10_000);
  });

  it.each([
    ['41: 429 forever without Retry-After', 429, {}, 'REGISTRY_ERROR'],
    // Longer than the run's timeout: RATE_LIMITED at once (issue 15).
    ['41: 429 asking for a day', 429, { 'retry-after': '86400' }, 'RATE_LIMITED'],
    ['a 500 storm', 500, {}, 'REGISTRY_ERROR'],
    ['a 503 storm', 503, { 'retry-after': '0' }, 'REGISTRY_ERROR'],
  ])('%s gives up within budget (exit 2)', async (_n, status, headers, code) => {
    fault = (_req, res) => {
      res
        .writeHead(status, headers)
        .end('{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}');
      return true;
    };
    const r = await gate([ref(), ref('other')]);
    expect(r.report?.results.map((x) => [x.outcome, x.code])).toEqual([
      ['error', code],
      ['error', code],
    ]);
    expect(r.code).toBe(2);
    // Two images x at most three attempts each; no retry loop.
    expect(seen.length).toBeLessThanOrEqual(6);
    expectBounded(r, 10_000);
  });

  it('42: headers, then one byte every 2 s -> the overall deadline ends it (exit 2, TIMEOUT)', async () => {
    const timers: NodeJS.Timeout[] = [];
    fault = (req, res) => {
      if (!isManifest(req, 'signed')) return false;
      res.writeHead(200, { 'content-type': OCI });
      res.write('{');
      timers.push(setInterval(() => res.destroyed || res.write(' '), 2000));
      return true;
    };
    try {
      const r = await gate([ref()], ['--timeout', '3s']);
      expect(r.report?.results[0]).toMatchObject({ outcome: 'error', code: 'TIMEOUT' });
      expect(r.code).toBe(2);
      expectBounded(r, 9_000);
    } finally {
      timers.forEach(clearInterval);
    }
  });

  it('42: connection reset on every signature request -> bounded retries, then exit 2 (NETWORK)', async () => {
    let resets = 0;
    fault = (req) => {
      if (!isManifest(req, sigTag())) return false;
      resets++;
      req.socket.destroy();
      return true;
    };
    const r = await gate([ref()]);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'error', code: 'NETWORK' });
    expect(r.code).toBe(2);
    expect(resets).toBe(3);
    expectBounded(r, 10_000);
  });

  it('42: one connection reset is retried and the image passes (exit 0)', async () => {
    let resets = 0;
    fault = (req) => {
      if (!isManifest(req, sigTag()) || resets > 0) return false;
      resets++;
      req.socket.destroy();
      return true;
    };
    const r = await gate([ref()]);
    expect(r.code).toBe(0);
    expect(resets).toBe(1);
  });

  it.each([
    ['42: DNS failure', 'no-such-registry.invalid/acme/app:1', /no-such-registry\.invalid/],
    ['42: connection refused', '127.0.0.1:9/acme/app:1', /127\.0\.0\.1:9/],
  ])('%s -> exit 2 (NETWORK) naming the registry', async (_n, image, msg) => {
    const r = await gate([image]);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'error', code: 'NETWORK' });
    expect(r.report?.results[0]!.reason).toMatch(msg);
    expect(r.code).toBe(2);
    expectBounded(r, 15_000);
  });
});

describe('content that could crash a parser (item 44)', () => {
  const annotationsCases: Array<[string, Record<string, unknown>]> = [
    ['a null bundle annotation', { 'dev.sigstore.cosign/bundle': 'null' }],
    ['a numeric bundle annotation', { 'dev.sigstore.cosign/bundle': '42' }],
    [
      'a bundle annotation with an array Payload',
      { 'dev.sigstore.cosign/bundle': '{"SignedEntryTimestamp":"AA==","Payload":[]}' },
    ],
    [
      'a certificate annotation that is not PEM',
      {
        'dev.sigstore.cosign/certificate':
          '-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----',
      },
    ],
    ['an empty signature', { 'dev.cosignproject.cosign/signature': '' }],
  ];
  it.each(annotationsCases)(
    'a .sig layer with %s never passes (exit 1 or 2, with a reason)',
    async (_n, ann) => {
      fault = (req, res, up) => {
        if (!isManifest(req, sigTag())) return false;
        return up().then((u) => {
          const m = JSON.parse(u.body.toString()) as {
            layers: Array<{ annotations: Record<string, unknown> }>;
          };
          Object.assign(m.layers[0].annotations, ann);
          send(
            res,
            { ...u, body: Buffer.from(JSON.stringify(m)) },
            { 'docker-content-digest': null },
          );
          return true;
        });
      };
      const r = await gate([ref()]);
      expect(r.report?.results[0]!.verified).toBe(false);
      expect(r.report?.results[0]!.reason).toBeTruthy();
      expect([1, 2]).toContain(r.code);
      // An exception that is not a verdict must surface as exit 2, never as a quiet rejection.
      if (r.report?.results[0]!.code === 'INTERNAL') expect(r.code).toBe(2);
      expectBounded(r, 10_000);
    },
  );
});

describe('byte budgets: a flood of referrers just under the bundle cap (issue 10 item 6)', () => {
  /** What the brief allows one image, or eight at once, to cost: the whole process's peak RSS. */
  const FLOOD_RSS_MB = 512;
  const MiB = 1024 * 1024;
  const REPO = 'flood/app';
  let flood: FloodRegistry;

  beforeAll(async () => {
    flood = await startFloodRegistry();
  });
  afterAll(async () => {
    await flood?.close();
  });

  /** A bundle signed by the trusted key for `image`, as `cosign sign` (v3) pushes it. */
  const validBundle = (image: string): Buffer =>
    ss.signBundle({ imageDigest: image, signer: kp }).bytes;

  /**
   * Referrer bundles just under the 10 MiB cap: the valid bundle's shape with a statement about
   * `image` padded to fill the cap, so each one parses and is then rejected by the verifier. Each
   * differs from the others in its trailing whitespace (still JSON), so none is a copy.
   */
  function floodOf(image: string, count: number): void {
    const shape = JSON.parse(validBundle(image).toString()) as {
      dsseEnvelope: { payload: string };
    };
    const target = 10 * MiB - 4096;
    shape.dsseEnvelope.payload = '@PAYLOAD@';
    const json = JSON.stringify(shape);
    const b64Length = target - json.length;
    const head = JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: `${flood.host}/${REPO}`, digest: { sha256: image.slice(7) } }],
      predicateType: 'https://sigstore.dev/cosign/sign/v1',
      predicate: { pad: '' },
    });
    const statementLength = Math.floor(b64Length / 4) * 3;
    const statement = head.replace(
      '"pad":""',
      `"pad":"${'x'.repeat(statementLength - head.length)}"`,
    );
    const [before, after] = json.split('@PAYLOAD@') as [string, string];
    const prefix = Buffer.from(before + Buffer.from(statement).toString('base64') + after);
    flood.addFlood(REPO, { digest: image, size: 0 }, count, prefix, (i) =>
      Buffer.from(' '.repeat(i + 1)),
    );
  }

  let n = 0;
  /** A fresh image in the flood registry, its referrers built by `setup`. */
  function image(setup: (subject: { digest: string; size: number }) => void): string {
    const tag = `t${n++}`;
    const subject = flood.putImage(REPO, tag);
    setup(subject);
    return `${flood.host}/${REPO}:${tag}`;
  }
  const valid = (s: { digest: string; size: number }) =>
    flood.addBundleReferrer(REPO, s, validBundle(s.digest));
  const blobGets = (from: number) =>
    flood.seen.slice(from).filter((p) => p.includes('/blobs/')).length;

  function expectFloodBounded(r: Run, maxMs: number): void {
    expect(r.rssMb).toBeLessThan(FLOOD_RSS_MB);
    expect(r.ms).toBeLessThan(maxMs);
  }

  it('a valid bundle listed first decides before the 100 behind it are fetched (exit 0)', async () => {
    const img = image((s) => {
      valid(s);
      floodOf(s.digest, 100);
    });
    const from = flood.seen.length;
    const sent = flood.blobBytesSent();
    const r = await gate([img]);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'verified' });
    expect(r.report?.results[0]!.signatures.map((x) => x.format)).toEqual(['bundle-referrer']);
    expect(r.code).toBe(0);
    expect(blobGets(from)).toBe(1);
    expect(flood.blobBytesSent() - sent).toBeLessThan(MiB);
    expectFloodBounded(r, 15_000);
  });

  it('a few floods in front of the valid bundle fit in the budget and are rejected (exit 0)', async () => {
    const img = image((s) => {
      floodOf(s.digest, 3);
      valid(s);
      floodOf(s.digest, 50);
    });
    const from = flood.seen.length;
    const r = await gate([img]);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'verified' });
    expect(r.report?.results[0]!.rejected).toHaveLength(3);
    expect(r.code).toBe(0);
    expect(blobGets(from)).toBe(4);
    expectFloodBounded(r, 30_000);
  });

  it.each([
    [
      '100 floods in front of the valid bundle',
      (s: { digest: string; size: number }) => {
        floodOf(s.digest, 100);
        valid(s);
      },
    ],
    [
      '100 floods and nothing else',
      (s: { digest: string; size: number }) => floodOf(s.digest, 100),
    ],
  ])(
    '%s: the image budget runs out before a decision (exit 2, LIMIT_EXCEEDED)',
    async (_n, setup) => {
      const img = image(setup);
      const from = flood.seen.length;
      const r = await gate([img]);
      expect(r.report?.results[0]).toMatchObject({ outcome: 'error', code: 'LIMIT_EXCEEDED' });
      expect(r.report?.results[0]!.reason).toMatch(
        /byte budget exhausted: image .* read more than 64 MiB/,
      );
      expect(r.code).toBe(2);
      // 64 MiB is six bundles and part of a seventh; nothing after the budget is asked for.
      expect(blobGets(from)).toBeLessThanOrEqual(7);
      expectFloodBounded(r, 30_000);
    },
  );

  it('a valid .sig next to a referrers flood: the flood is never looked at (exit 0)', async () => {
    const img = image((s) => {
      floodOf(s.digest, 100);
      const sig = ss.signLegacyKey({
        imageDigest: s.digest,
        dockerReference: `${flood.host}/${REPO}`,
        privateKey: kp.privateKey,
        publicKey: kp.publicKey,
      });
      flood.putLegacySignatures(REPO, s.digest, [sig]);
    });
    const from = flood.seen.length;
    const r = await gate([img]);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'verified' });
    expect(r.code).toBe(0);
    expect(flood.seen.slice(from).filter((p) => p.includes('/referrers/'))).toEqual([]);
    expectFloodBounded(r, 15_000);
  });

  it('with an attestation required every candidate counts, within the budget (exit 2, LIMIT_EXCEEDED)', async () => {
    const img = image((s) => {
      valid(s);
      floodOf(s.digest, 100);
    });
    const r = await gate([img], ['--attestation', 'slsaprovenance']);
    expect(r.report?.results[0]).toMatchObject({ outcome: 'error', code: 'LIMIT_EXCEEDED' });
    expect(r.code).toBe(2);
    expectFloodBounded(r, 30_000);
  });

  it('ten images at concurrency 8, eight behind floods: each stops at its budget, the process under 512 MiB', async () => {
    const floods = Array.from({ length: 8 }, () =>
      image((s) => {
        floodOf(s.digest, 100);
        valid(s);
      }),
    );
    const fine = image((s) => {
      valid(s);
      floodOf(s.digest, 100);
    });
    const plain = image(valid);
    const r = await gate([...floods, fine, plain], ['--concurrency', '8']);
    expect(r.report?.results.map((x) => [x.outcome, x.code])).toEqual([
      ...floods.map(() => ['error', 'LIMIT_EXCEEDED']),
      ['verified', undefined],
      ['verified', undefined],
    ]);
    expect(r.code).toBe(2);
    expectFloodBounded(r, 90_000);
  }, 120_000);
});
