// Benchmark (`npm run bench [-- --images N --json --rtt 30ms]`): pushes N signed images to Debian's
// docker-registry, then measures the batch, the one-process-per-image loop and cold start in one
// run; with --rtt also the key-signed batch through a proxy that adds that round-trip time
// (scripts/bench-rtt-proxy.ts), and with --sweep that batch direct and at --rtt per concurrency.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateKeyPair, writePublicKey } from '../test/helpers/cosign-keys.js';
import { pushBundleReferrers, pushLegacySignatures } from '../test/helpers/cosign-push.js';
import { pushImage } from '../test/helpers/oci-push.js';
import { startRegistry, type StartedRegistry } from '../test/helpers/registry-process.js';
import { createTestSigstore } from '../test/helpers/test-sigstore.js';
import type { Report } from '../src/core/report.js';
import { DEFAULTS, parseConcurrency, parseDuration } from '../src/core/options.js';
import { startRttProxy, type RttProxy } from './bench-rtt-proxy.js';
import { StorageSeeder } from './bench-seed.js';
import { fractionOfLimit, pullsPerImage } from './bench-fields.js';
import { measureLimit } from './bench-limit.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const ACTION = path.join(ROOT, 'dist', 'index.js');
const ISSUER = 'https://token.actions.githubusercontent.com';
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
/**
 * Prints the child's peak RSS, CPU time and the peak of each memory pool (sampled every 50 ms;
 * with --expose-gc also the heap left after a full collection at exit) when it exits; pipes
 * are synchronous on Linux, so the line arrives.
 */
const RSS_HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    [
      'const peak={heapUsed:0,heapTotal:0,external:0,arrayBuffers:0};',
      'const sample=()=>{const m=process.memoryUsage();for(const k in peak)if(m[k]>peak[k])peak[k]=m[k]};',
      'setInterval(sample,50).unref();',
      'process.on("exit",()=>{sample();const c=process.cpuUsage();',
      'let after;if(globalThis.gc){globalThis.gc();after=process.memoryUsage().heapUsed}',
      'process.stderr.write("\\nBENCH_MAXRSS_KB="+process.resourceUsage().maxRSS+" BENCH_CPU_US="+(c.user+c.system)+" BENCH_MEM="+JSON.stringify({...peak,heapAfterGc:after})+"\\n")})',
    ].join(''),
  );

type Kind = 'key' | 'keyless' | 'bundle';
const KINDS: Kind[] = ['key', 'keyless', 'bundle'];
const REPO: Record<Kind, string> = {
  key: 'bench/key',
  keyless: 'bench/keyless',
  bundle: 'bench/bundle',
};

interface BenchImage {
  kind: Kind;
  repo: string;
  /** `repo:tag`, without the registry host (the host differs between direct and proxied runs). */
  path: string;
  /** Set when pushed: the image manifest digest and, for key-signed images, the `.sig` layer blob. */
  digest?: string;
  sigBlob?: string;
}

interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  maxRssKb?: number;
  /** user + system CPU of the child, ms. */
  cpuMs?: number;
  /** Peak of each process.memoryUsage() pool (bytes), and heapUsed after a forced GC at exit. */
  mem?: Record<string, number | undefined>;
}

// `--admission`: what a cluster admission costs with and without summaries, instead of the rest.
if (process.argv.includes('--admission'))
  process.exit(
    await (await import('./bench-admission.js')).runAdmissionBench(process.argv.slice(2)),
  );

const { values: argv } = parseArgs({
  options: {
    images: { type: 'string', default: '500' },
    json: { type: 'boolean', default: false },
    sample: { type: 'string', default: '20' },
    /** The gate's --concurrency; default: none passed, so the gate's own default is measured. */
    concurrency: { type: 'string' },
    /** Round-trip time the proxy adds to the key-signed batch at RTT (e.g. 30ms). */
    rtt: { type: 'string' },
    /**
     * Comma-separated concurrencies: only the key-signed batch, direct and (with --rtt) through
     * the proxy, each --repeat times, interleaved; prints the medians and skips the rest. All N
     * images are then key-signed.
     */
    sweep: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    'cold-runs': { type: 'string', default: '7' },
    /** Write V8 CPU profiles of the batch processes here (node --cpu-prof). */
    profile: { type: 'string' },
    /** Also measure the registry's CPU per request for each kind of request a key-signed image needs. */
    'registry-cost': { type: 'boolean', default: false },
    /** Extra node flags for the batch processes, space-separated (experiments, e.g. V8 heap flags). */
    'node-flags': { type: 'string', default: '' },
    /**
     * How the images get into the registry: `storage` writes its filesystem storage directly
     * (scripts/bench-seed.ts, seconds for 10 000), `push` uploads over HTTP as cosign would.
     */
    seed: { type: 'string', default: 'storage' },
    /** Also measure the previous limit, stock sigstore-js per image (`limitSigstoreJs`). */
    'limit-sigstore-js': { type: 'boolean', default: false },
    /**
     * Memory experiments: run the mixed batch only and print its peak RSS, memory peaks, CPU and
     * wall time (one JSON line), skipping the per-kind batches, limits, latency and cold starts.
     */
    'mixed-only': { type: 'boolean', default: false },
  },
});
const N = positiveInt('--images', argv.images);
const SAMPLE = Math.min(positiveInt('--sample', argv.sample), N);
const CONCURRENCY =
  argv.concurrency === undefined ? undefined : parseConcurrency('--concurrency', argv.concurrency);
const RTT_MS = argv.rtt === undefined ? undefined : parseDuration('--rtt', argv.rtt);
const SWEEP = argv.sweep?.split(',').map((c) => parseConcurrency('--sweep', c));
const REPEAT = positiveInt('--repeat', argv.repeat);
const COLD_RUNS = positiveInt('--cold-runs', argv['cold-runs']);
if (argv.seed !== 'storage' && argv.seed !== 'push')
  throw new Error(`--seed: '${argv.seed}' is not storage or push`);
const CLOCK_TICKS =
  Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

function positiveInt(name: string, v: string | undefined): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`${name}: '${v}' is not a positive integer`);
  return n;
}

function log(msg: string): void {
  process.stderr.write(`bench: ${msg}\n`);
}

/** Runs `node ...args` and measures its wall time; with `rss`, also its peak RSS. */
function runChild(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; rss?: boolean } = {},
): Promise<ChildRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...(opts.rss ? ['--expose-gc', '--import', RSS_HOOK] : []),
        ...(opts.rss && argv.profile ? ['--cpu-prof', '--cpu-prof-dir', argv.profile] : []),
        ...(opts.rss ? (argv['node-flags'] ?? '').split(' ').filter(Boolean) : []),
        ...args,
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...opts.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString();
      const m = /BENCH_MAXRSS_KB=(\d+) BENCH_CPU_US=(\d+) BENCH_MEM=(\{.*\})/.exec(stderr);
      resolve({
        code,
        stdout: Buffer.concat(out).toString(),
        stderr,
        wallMs: performance.now() - started,
        ...(m
          ? {
              maxRssKb: Number(m[1]),
              cpuMs: Number(m[2]) / 1000,
              mem: JSON.parse(m[3]) as Record<string, number>,
            }
          : {}),
      });
    });
  });
}

/** A registry that records when its first request arrived and answers 404 to everything. */
async function startFirstRequestProbe(): Promise<{
  host: string;
  firstAt(): number | undefined;
  reset(): void;
  close(): Promise<void>;
}> {
  let first: number | undefined;
  const server = createServer((_req, res) => {
    first ??= performance.now();
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    firstAt: () => first,
    reset: () => (first = undefined),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The registry's pid: the process whose command line names its config file. */
async function registryPid(storageDir: string): Promise<number> {
  const config = path.join(path.dirname(storageDir), 'config.yml');
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.split('\0').includes(config)) return Number(entry);
    } catch {
      // the process is gone
    }
  }
  throw new Error(`no process serves ${config}`);
}

/** user + system CPU of `pid` so far, ms (/proc/<pid>/stat fields 14 and 15, in clock ticks). */
async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/**
 * The registry's own CPU per request, for each request a key-signed legacy image can cost (tag
 * manifest, `.sig` manifest, then the payload blob and the absent tag index, which the gate now
 * skips), sent by a bare undici client (8 connections, no verification).
 */
async function registryCost(
  url: string,
  pid: number,
  images: BenchImage[],
): Promise<Array<[string, number]>> {
  const { Agent: UndiciAgent } = await import('undici');
  const agent = new UndiciAgent({ connections: 8 });
  const key = images.filter((i) => i.kind === 'key' && i.digest && i.sigBlob);
  const tag = (i: BenchImage) => i.digest!.replace(':', '-');
  const kinds: Array<[string, (i: BenchImage) => string]> = [
    ['manifest by tag', (i) => `/v2/${i.repo}/manifests/${i.path.split(':')[1]}`],
    ['manifest by .sig tag', (i) => `/v2/${i.repo}/manifests/${tag(i)}.sig`],
    ['.sig layer blob', (i) => `/v2/${i.repo}/blobs/${i.sigBlob}`],
    ['absent tag (404)', (i) => `/v2/${i.repo}/manifests/${tag(i)}`],
  ];
  const out: Array<[string, number]> = [];
  try {
    for (const [name, pathOf] of kinds) {
      const n = Math.max(600, key.length);
      let next = 0;
      const before = await processCpuMs(pid);
      await pool(Array.from({ length: 8 }), 8, async () => {
        while (next < n) {
          const img = key[next++ % key.length]!;
          const r = await agent.request({
            origin: url,
            path: pathOf(img),
            method: 'GET',
            headers: { accept: 'application/vnd.oci.image.manifest.v1+json, */*' },
          });
          await r.body.arrayBuffer();
        }
      });
      out.push([name, ((await processCpuMs(pid)) - before) / n]);
    }
  } finally {
    await agent.close();
  }
  return out;
}

async function pool<T>(items: T[], width: number, fn: (t: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function median(xs: number[]): number {
  return percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

async function main(): Promise<void> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'image-gate-bench-'));
  let reg: StartedRegistry | undefined;
  const closers: Array<() => Promise<void>> = [];
  try {
    reg = await startRegistry();
    const ss = await createTestSigstore();
    const trustedRoot = await ss.writeTrustedRoot(tmp);
    const kp = generateKeyPair();
    const pub = writePublicKey(tmp, kp, 'cosign.pub');
    const host = reg.host;
    const regPid = await registryPid(reg.storageDir);
    let proxy: RttProxy | undefined;
    if (RTT_MS !== undefined) {
      proxy = await startRttProxy(host, RTT_MS);
      closers.push(proxy.close);
    }

    // A sweep measures the key-signed batch only: all N images are key-signed, in four
    // repositories so that they push in four lanes.
    const images: BenchImage[] = Array.from({ length: N }, (_, i) => {
      const kind = SWEEP ? 'key' : KINDS[i % KINDS.length]!;
      const repo = SWEEP ? `${REPO.key}${i % 4}` : REPO[kind];
      return { kind, repo, path: `${repo}:img-${i}` };
    });
    log(
      `${argv.seed === 'push' ? 'pushing' : 'writing into the registry storage'} ${N} signed images (key legacy, keyless legacy, bundle via tag index)…`,
    );
    const pushStarted = performance.now();
    const seeder = argv.seed === 'storage' ? new StorageSeeder(reg.storageDir) : undefined;
    // One lane per repository: distribution 2.8 races concurrent uploads of one blob (the shared
    // `{}` config) into one repository.
    const indexed = images.map((img, i) => ({ img, i }));
    const lanes = [...new Set(images.map((i) => i.repo))];
    await pool(lanes, lanes.length, async (repo) => {
      for (const { img, i } of indexed.filter((x) => x.img.repo === repo)) await pushOne(img, i);
    });
    async function pushOne(img: BenchImage, i: number): Promise<void> {
      const repo = img.repo;
      const p = seeder
        ? seeder.image(repo, `img-${i}`)
        : await pushImage(host, repo, `img-${i}`).then((x) => ({
            digest: x.digest,
            size: x.manifestBytes.length,
          }));
      img.digest = p.digest;
      const dockerReference = `${host}/${repo}`;
      if (img.kind === 'key') {
        const sign = (name: string) =>
          ss.signLegacyKey({
            imageDigest: p.digest,
            dockerReference: `${name}/${repo}`,
            privateKey: kp.privateKey,
            publicKey: kp.publicKey,
          });
        const sig = sign(host);
        img.sigBlob = `sha256:${createHash('sha256').update(sig.payload).digest('hex')}`;
        // Through the --rtt proxy the gate sees the registry under the proxy's address, and
        // cosign's default payload names the address it was signed under. Signed under both
        // names (as a mirrored image is), each run finds its default payload and fetches no
        // blob, as a user who pulls by the name they signed under does: 2 requests per image.
        const sigs = proxy ? [sig, sign(proxy.host)] : [sig];
        if (seeder) seeder.legacySignatures(repo, p.digest, sigs);
        else await pushLegacySignatures(host, repo, p.digest, sigs);
      } else if (img.kind === 'keyless') {
        const sig = ss.signLegacyKeyless({
          imageDigest: p.digest,
          dockerReference,
          identity: IDENTITY,
          issuer: ISSUER,
        });
        if (seeder) seeder.legacySignatures(repo, p.digest, [sig]);
        else await pushLegacySignatures(host, repo, p.digest, [sig]);
      } else {
        const b = ss.signBundle({
          imageDigest: p.digest,
          signer: { identity: IDENTITY, issuer: ISSUER },
        });
        const bundles = [{ bytes: b.bytes, predicateType: 'https://sigstore.dev/cosign/sign/v1' }];
        if (seeder) seeder.bundleReferrers(repo, p, bundles);
        else await pushBundleReferrers(host, repo, p, bundles);
      }
    }
    log(`pushed in ${round((performance.now() - pushStarted) / 1000)} s`);

    const policyAll = [
      '--trusted-root',
      trustedRoot,
      '--key',
      pub,
      '--certificate-identity',
      IDENTITY,
      '--certificate-oidc-issuer',
      ISSUER,
    ];
    const policyKey = ['--trusted-root', trustedRoot, '--key', pub];
    const policyKeyless = [
      '--trusted-root',
      trustedRoot,
      '--certificate-identity',
      IDENTITY,
      '--certificate-oidc-issuer',
      ISSUER,
    ];
    const refs = (h: string, list: BenchImage[]) => list.map((i) => `${h}/${i.path}`);
    const batch = async (policy: string[], list: string[], concurrency = CONCURRENCY) => {
      const regBefore = await processCpuMs(regPid);
      const r = await runChild(
        [
          CLI,
          'verify',
          '--output',
          'json',
          // A 10 000-image batch on a loaded machine outlasts the default 5 minutes.
          '--timeout',
          '60m',
          ...(concurrency === undefined ? [] : ['--concurrency', String(concurrency)]),
          ...policy,
          ...list,
        ],
        { rss: true },
      );
      let report: Report;
      try {
        report = JSON.parse(r.stdout) as Report;
      } catch {
        throw new Error(`batch gave no JSON report (exit ${r.code}): ${r.stderr.slice(-4000)}`);
      }
      if (r.code !== 0) {
        const bad = report.results.find((x) => x.outcome !== 'verified');
        throw new Error(`batch exited ${r.code}: ${bad?.image}: ${bad?.reason}`);
      }
      const inRunMs = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
      const registryCpuMs = (await processCpuMs(regPid)) - regBefore;
      return { ...r, report, inRunMs, registryCpuMs };
    };

    // Warm the registry's own caches so the first measured run is not paying for them.
    log('warm-up batch…');
    await batch(policyAll, refs(host, images.slice(0, Math.min(N, 60))));

    const byKind = (k: Kind | 'keylessAll') =>
      images.filter((i) => (k === 'keylessAll' ? i.kind !== 'key' : i.kind === k));
    const rate = (n: number, ms: number) => (n * 1000) / ms;
    // The key-signed batch through the proxy: the gate sees the registry at the proxy's port.
    const keyAtRtt = async (concurrency = CONCURRENCY) => {
      const before = proxy!.connections();
      const run = await batch(policyKey, refs(proxy!.host, byKind('key')), concurrency);
      // The governor's window (AIMD): its lowest point in the run, to show it did not cap the batch.
      const windows = Object.values(run.report.stats?.registries ?? {}).map((r) => r.concurrency);
      return {
        ...run,
        connections: proxy!.connections() - before,
        window: windows.length ? Math.min(...windows.map((w) => w.min)) : NaN,
      };
    };
    if (SWEEP) {
      const keys = byKind('key').length;
      const rows: Array<Record<string, number | Record<string, number>>> = [];
      for (const c of SWEEP) {
        const direct: number[] = [];
        const atRtt: number[] = [];
        let connections = 0;
        let window = NaN;
        let requests = NaN;
        // CPU per image of each process at --rtt: the gate, the registry, and the proxy (this
        // process, which does nothing else while a batch runs), to show which one the batch waits on.
        const cpu = {
          directGate: [] as number[],
          directRegistry: [] as number[],
          gate: [] as number[],
          registry: [] as number[],
          proxy: [] as number[],
        };
        for (let i = 0; i < REPEAT; i++) {
          log(`sweep: concurrency ${c}, run ${i + 1}/${REPEAT}…`);
          const d = await batch(policyKey, refs(host, byKind('key')), c);
          direct.push(rate(keys, d.wallMs));
          cpu.directGate.push((d.cpuMs ?? NaN) / keys);
          cpu.directRegistry.push(d.registryCpuMs / keys);
          if (proxy) {
            const own = process.cpuUsage();
            const r = await keyAtRtt(c);
            const spent = process.cpuUsage(own);
            atRtt.push(rate(keys, r.wallMs));
            cpu.gate.push((r.cpuMs ?? NaN) / keys);
            cpu.registry.push(r.registryCpuMs / keys);
            cpu.proxy.push((spent.user + spent.system) / 1000 / keys);
            connections = r.connections;
            requests = (r.report.stats?.registryRequests ?? NaN) / keys;
            window = Math.min(r.window, Number.isNaN(window) ? Infinity : window);
          }
        }
        rows.push({
          concurrency: c,
          direct: round(median(direct)),
          directMin: round(Math.min(...direct)),
          directMax: round(Math.max(...direct)),
          directCpuMsPerImage: {
            gate: round(median(cpu.directGate), 2),
            registry: round(median(cpu.directRegistry), 2),
          },
          ...(proxy
            ? {
                atRtt: round(median(atRtt)),
                atRttMin: round(Math.min(...atRtt)),
                atRttMax: round(Math.max(...atRtt)),
                connections,
                windowMin: window,
                requestsPerImage: round(requests, 2),
                cpuMsPerImage: {
                  gate: round(median(cpu.gate), 2),
                  registry: round(median(cpu.registry), 2),
                  proxy: round(median(cpu.proxy), 2),
                },
              }
            : {}),
        });
        log(`sweep: ${JSON.stringify(rows.at(-1))}`);
      }
      process.stdout.write(
        `${JSON.stringify({ images: N, keySigned: keys, rttMs: RTT_MS, repeat: REPEAT, sweep: rows })}\n`,
      );
      return;
    }

    log(`mixed batch of ${N} (direct)…`);
    const mixed = await batch(policyAll, refs(host, images));
    const durations = mixed.report.results.map((r) => r.durationMs).sort((a, b) => a - b);
    if (argv['mixed-only']) {
      process.stdout.write(
        `${JSON.stringify({
          images: N,
          peakRssMb: round((mixed.maxRssKb ?? 0) / 1024),
          mem: mixed.mem,
          cpuS: round((mixed.cpuMs ?? 0) / 1000, 2),
          wallS: round(mixed.wallMs / 1000, 2),
          load: loadavg().map((l) => round(l, 2)),
        })}\n`,
      );
      return;
    }

    // The limit: a bare client (scripts/bench-limit.ts) over the same images, registry and
    // concurrency, with the minimum requests and the ceiling's checks (scripts/bench-ceiling.ts),
    // run right after the gate's batch of that kind so that both see the same load.
    const limitOf = (kind: Kind) => {
      log(`limit: bare client (ceiling) over the ${kind} images…`);
      return measureLimit(
        byKind(kind).map((i) => ({ kind: i.kind, repo: i.repo, tag: i.path.split(':')[1]! })),
        {
          url: reg!.url,
          trustedRootFile: trustedRoot,
          publicKeyFile: pub,
          identity: IDENTITY,
          issuer: ISSUER,
          concurrency: CONCURRENCY ?? DEFAULTS.concurrency,
          sigstoreJs: argv['limit-sigstore-js'],
        },
      );
    };
    log('key-signed batch…');
    const keyRun = await batch(policyKey, refs(host, byKind('key')));
    const keyLimit = await limitOf('key');
    log('keyless batch (legacy)…');
    const keylessRun = await batch(policyKeyless, refs(host, byKind('keyless')));
    const keylessLimit = await limitOf('keyless');
    log('bundle batch…');
    const bundleRun = await batch(policyKeyless, refs(host, byKind('bundle')));
    const bundleLimit = await limitOf('bundle');
    const parts = [keyLimit, keylessLimit, bundleLimit];
    const limitRaw = {
      limit: Object.assign({}, ...parts.map((l) => l.limit)) as Partial<Record<Kind, number>>,
      cpuMsPerImage: Object.assign({}, ...parts.map((l) => l.cpuMsPerImage)) as Partial<
        Record<Kind, number>
      >,
      limitSigstoreJs: argv['limit-sigstore-js']
        ? (Object.assign({}, ...parts.map((l) => l.limitSigstoreJs)) as Partial<
            Record<Kind, number>
          >)
        : undefined,
    };
    let rttRun: Awaited<ReturnType<typeof keyAtRtt>> | undefined;
    if (proxy) {
      log(`key-signed batch at ${RTT_MS} ms RTT…`);
      rttRun = await keyAtRtt();
    }

    // The gate counts every HTTP request it sends (tokens, retries and redirect hops included);
    // test/integration/lookup-order.test.ts checks that count against a proxy's.
    const requestsOf = (run: typeof mixed, n: number) =>
      (run.report.stats?.registryRequests ?? NaN) / n;
    const requestsPerImage = requestsOf(mixed, N);
    // Manifest GETs, what Docker Hub counts as pulls (report stats.registries, issue 15).
    const pullsOf = (run: typeof mixed, n: number) => pullsPerImage(run.report, n);

    log(`per-process loop over ${SAMPLE} images…`);
    const sample = images.filter((_, i) => i % Math.max(1, Math.floor(N / SAMPLE)) === 0);
    const sampleRefs = refs(host, sample.slice(0, SAMPLE));
    // The vendor docs' pattern: one CLI process per image, in a shell loop.
    const loopScript = `for r in "$@"; do "${process.execPath}" "${CLI}" verify ${policyAll
      .map((a) => `'${a}'`)
      .join(' ')} "$r" >/dev/null || exit 1; done`;
    const loopStarted = performance.now();
    const loop = await new Promise<number | null>((resolve, reject) => {
      const c = spawn('sh', ['-c', loopScript, 'sh', ...sampleRefs], {
        cwd: ROOT,
        stdio: 'ignore',
      });
      c.on('error', reject);
      c.on('close', resolve);
    });
    const loopMs = performance.now() - loopStarted;
    if (loop !== 0) throw new Error(`per-process loop exited ${loop}`);
    const loopPerImage = loopMs / sampleRefs.length;
    const batchPerImage = mixed.wallMs / N;

    log('cold start…');
    const probe = await startFirstRequestProbe();
    closers.push(probe.close);
    const cold = async (args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> => {
      const xs: number[] = [];
      for (let i = 0; i < COLD_RUNS; i++) {
        probe.reset();
        const started = performance.now();
        await runChild(args, { env });
        const first = probe.firstAt();
        if (first === undefined) throw new Error(`cold start: ${args.join(' ')} sent no request`);
        xs.push(first - started);
      }
      return median(xs);
    };
    const coldRef = `${probe.host}/cold/app:1`;
    const coldCli = await cold([CLI, 'verify', ...policyKey, coldRef]);
    const runnerTemp = await mkdtemp(path.join(tmp, 'runner-'));
    await writeFile(path.join(runnerTemp, 'out'), '');
    await writeFile(path.join(runnerTemp, 'summary'), '');
    const coldAction = await cold([ACTION], {
      INPUT_IMAGES: coldRef,
      INPUT_KEY: pub,
      'INPUT_TRUSTED-ROOT': trustedRoot,
      INPUT_SUMMARY: 'false',
      GITHUB_OUTPUT: path.join(runnerTemp, 'out'),
      GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary'),
      RUNNER_TEMP: runnerTemp,
    });

    const regCost = argv['registry-cost'] ? await registryCost(reg.url, regPid, images) : undefined;
    // Per kind, process start to exit, as the limit's loop is timed from its first request.
    const imagesPerSecond = {
      key: round(rate(byKind('key').length, keyRun.wallMs)),
      keyless: round(rate(byKind('keyless').length, keylessRun.wallMs)),
      bundle: round(rate(byKind('bundle').length, bundleRun.wallMs)),
    };
    const rounded = (r: Partial<Record<Kind, number>>, digits = 1) =>
      Object.fromEntries(
        KINDS.flatMap((k) => (r[k] === undefined ? [] : [[k, round(r[k], digits)]])),
      ) as Partial<Record<Kind, number>>;
    const limit = rounded(limitRaw.limit);
    // CPU per image per kind: the gate's process over its batch, the ceiling's over its loop.
    const gateCpu: Record<Kind, number> = {
      key: (keyRun.cpuMs ?? NaN) / byKind('key').length,
      keyless: (keylessRun.cpuMs ?? NaN) / byKind('keyless').length,
      bundle: (bundleRun.cpuMs ?? NaN) / byKind('bundle').length,
    };
    const cpuMsPerImage = Object.fromEntries(
      KINDS.map((k) => [
        k,
        {
          gate: round(gateCpu[k], 2),
          ...(limitRaw.cpuMsPerImage[k] === undefined
            ? {}
            : { ceiling: round(limitRaw.cpuMsPerImage[k], 2) }),
        },
      ]),
    );
    const result = {
      images: N,
      imagesPerSecond,
      limit,
      fractionOfLimit: fractionOfLimit(imagesPerSecond, limitRaw.limit),
      cpuMsPerImage,
      // The same fraction in CPU time (ceiling ms / gate ms per image): what the gate would reach
      // of the ceiling were both CPU-bound, and steadier than the rates on a shared machine.
      cpuFractionOfLimit: Object.fromEntries(
        KINDS.flatMap((k) => {
          const c = limitRaw.cpuMsPerImage[k];
          return c === undefined || !(gateCpu[k] > 0) ? [] : [[k, round(c / gateCpu[k], 2)]];
        }),
      ),
      ...(limitRaw.limitSigstoreJs
        ? {
            limitSigstoreJs: rounded(limitRaw.limitSigstoreJs),
            fractionOfLimitSigstoreJs: fractionOfLimit(imagesPerSecond, limitRaw.limitSigstoreJs),
          }
        : {}),
      p95Ms: percentile(durations, 95),
      requestsPerImage: round(requestsPerImage, 2),
      pullsPerImage: pullsOf(mixed, N),
      peakRssMb: round((mixed.maxRssKb ?? 0) / 1024),
      coldStartMs: { cli: Math.round(coldCli), action: Math.round(coldAction) },
      speedupVsProcessLoop: round(loopPerImage / batchPerImage),
      // The key-signed batch through the latency proxy (--rtt).
      ...(rttRun
        ? {
            rtt: {
              rttMs: RTT_MS!,
              // The key-signed third of N; the issue's 1000-image figure is `--sweep 32` at N=1000.
              images: byKind('key').length,
              imagesPerSecond: round(rate(byKind('key').length, rttRun.wallMs)),
              requestsPerImage: round(
                (rttRun.report.stats?.registryRequests ?? NaN) / byKind('key').length,
                2,
              ),
            },
          }
        : {}),
    };
    // Where the CPU went: the gate process and the registry share this machine's cores.
    const cores = cpus().length;
    const cpuRow = (label: string, run: typeof mixed, n: number): [string, string, string] => {
      const gate = (run.cpuMs ?? 0) / n;
      const regMs = run.registryCpuMs / n;
      return [
        `CPU per image, ${label}: gate / registry`,
        `${round(gate, 2)} / ${round(regMs, 2)} ms (ceiling ${round((cores * 1000) / (gate + regMs))}/s on ${cores} cores)`,
        '',
      ];
    };
    const mb = (b: number | undefined) => (b === undefined ? '?' : `${round(b / 2 ** 20)}`);
    const mem = mixed.mem ?? {};
    const detail: Array<[string, string, string]> = [
      cpuRow('mixed', mixed, N),
      cpuRow('key-signed', keyRun, byKind('key').length),
      cpuRow('keyless legacy', keylessRun, byKind('keyless').length),
      cpuRow('bundle', bundleRun, byKind('bundle').length),
      [
        'mixed batch memory peaks: heapUsed / heapTotal / external / arrayBuffers',
        `${mb(mem.heapUsed)} / ${mb(mem.heapTotal)} / ${mb(mem.external)} / ${mb(mem.arrayBuffers)} MB`,
        '',
      ],
      ['mixed batch heapUsed after a forced GC at exit', `${mb(mem.heapAfterGc)} MB`, ''],
      [
        'HTTP requests per image: mixed / key-signed / keyless / bundle batch',
        [
          requestsPerImage,
          requestsOf(keyRun, byKind('key').length),
          requestsOf(keylessRun, byKind('keyless').length),
          requestsOf(bundleRun, byKind('bundle').length),
        ]
          .map((r) => round(r, 2))
          .join(' / '),
        '',
      ],
    ];
    if (regCost) {
      // A key-signed image now needs the first two; the blob and the 404 were the other two.
      const sum = regCost.slice(0, 2).reduce((a, [, ms]) => a + ms, 0);
      detail.push([
        'registry CPU per request (bare client): ' + regCost.map(([k]) => k).join(' / '),
        `${regCost.map(([, ms]) => round(ms, 2)).join(' / ')} ms; a key-signed image needs the first two = ${round(sum, 2)} ms (≤ ${round((cores * 1000) / sum)}/s on ${cores} cores with a gate that costs nothing)`,
        '',
      ]);
    }
    if (argv.json) {
      for (const [a, b] of detail) log(`${a}: ${b}`);
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    const rows: Array<[string, string, string]> = [
      [
        'machine',
        `${cpus().length} cores, ${cpus()[0]?.model ?? '?'}, Node ${process.version}`,
        '',
      ],
      [
        'images (key / keyless legacy / bundle)',
        `${N} (${byKind('key').length} / ${byKind('keyless').length} / ${byKind('bundle').length})`,
        '',
      ],
      [
        'concurrency',
        CONCURRENCY === undefined ? `gate default (${DEFAULTS.concurrency})` : String(CONCURRENCY),
        '',
      ],
      ['batch wall time, mixed (process start to exit)', `${Math.round(mixed.wallMs)} ms`, ''],
      ['batch in-run time, mixed (report startedAt→finishedAt)', `${mixed.inRunMs} ms`, ''],
      [
        'images/s, mixed',
        `${round(rate(N, mixed.wallMs))} (in-run ${round(rate(N, mixed.inRunMs))})`,
        '',
      ],
      [
        'images/s, key-signed',
        `${result.imagesPerSecond.key} (in-run ${round(rate(byKind('key').length, keyRun.inRunMs))})`,
        '≥ 200',
      ],
      [
        'images/s, keyless (legacy)',
        `${result.imagesPerSecond.keyless} (in-run ${round(rate(byKind('keyless').length, keylessRun.inRunMs))})`,
        '',
      ],
      [
        'images/s, bundle',
        `${result.imagesPerSecond.bundle} (in-run ${round(rate(byKind('bundle').length, bundleRun.inRunMs))})`,
        '',
      ],
      [
        'limit, images/s (bare client, ceiling): key / keyless / bundle',
        `${limit.key ?? '?'} / ${limit.keyless ?? '?'} / ${limit.bundle ?? '?'}`,
        '',
      ],
      [
        'fraction of the limit: key / keyless / bundle',
        `${result.fractionOfLimit.key ?? '?'} / ${result.fractionOfLimit.keyless ?? '?'} / ${result.fractionOfLimit.bundle ?? '?'}`,
        '≥ 0.8 each',
      ],
      [
        'CPU ms per image, gate / ceiling: key / keyless / bundle',
        KINDS.map(
          (k) => `${cpuMsPerImage[k]?.gate ?? '?'} / ${cpuMsPerImage[k]?.ceiling ?? '?'}`,
        ).join(', '),
        '',
      ],
      ...(rttRun && result.rtt
        ? [
            [
              `images/s, key-signed at ${result.rtt.rttMs} ms RTT (proxy)`,
              `${result.rtt.imagesPerSecond} (in-run ${round(rate(byKind('key').length, rttRun.inRunMs))}; ${rttRun.connections} connections, window ≥ ${rttRun.window})`,
              '≥ 200',
            ] as [string, string, string],
          ]
        : []),
      ['per image p50 / p95 (durationMs)', `${percentile(durations, 50)} / ${result.p95Ms} ms`, ''],
      ['HTTP requests per image, mixed', String(result.requestsPerImage), '≤ 4'],
      ['  of which pulls (manifest GETs)', String(result.pullsPerImage), ''],
      [
        '  key-signed / keyless / bundle batch',
        `${round(requestsOf(keyRun, byKind('key').length), 2)} / ${round(requestsOf(keylessRun, byKind('keyless').length), 2)} / ${round(requestsOf(bundleRun, byKind('bundle').length), 2)}`,
        '',
      ],
      ['peak RSS, mixed batch', `${result.peakRssMb} MB`, '< 160 MB at N=10 000'],
      ...detail,
      [
        'per-process loop, per image',
        `${Math.round(loopPerImage)} ms (${sampleRefs.length} images)`,
        '',
      ],
      ['batch, per image', `${round(batchPerImage, 2)} ms`, ''],
      ['speedup batch vs loop (per image)', `${result.speedupVsProcessLoop}x`, '≥ 10x'],
      [
        'cold start to first request, dist/cli.js (median)',
        `${result.coldStartMs.cli} ms`,
        '< 300 ms',
      ],
      [
        'cold start to first request, dist/index.js (median)',
        `${result.coldStartMs.action} ms`,
        '< 300 ms',
      ],
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    process.stdout.write(`| ${'measure'.padEnd(w0)} | ${'result'.padEnd(w1)} | target |\n`);
    process.stdout.write(`| ${'-'.repeat(w0)} | ${'-'.repeat(w1)} | ------ |\n`);
    for (const [a, b, c] of rows)
      process.stdout.write(`| ${a.padEnd(w0)} | ${b.padEnd(w1)} | ${c} |\n`);
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
  } finally {
    for (const c of closers) await c().catch(() => undefined);
    await reg?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
