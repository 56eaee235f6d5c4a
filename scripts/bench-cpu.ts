// CPU per image per kind, A/B (`tsx scripts/bench-cpu.ts --images 1000 --rounds 3 --dist
// dist --dist /tmp/base/dist [--profile DIR]`): seeds N images of each kind (key-signed legacy,
// keyless legacy, bundle) into Debian's docker-registry once (scripts/bench-seed.ts), then runs
// `<dist>/cli.js verify --output json` over each kind's batch for every --dist, interleaved per
// round (with --parallel, all dists' batches of a kind at once, so that they share the load), and
// prints the user+system CPU of each batch process divided by N (median over rounds).
// CPU time, not wall time: the machine is shared, and CPU time moves far less with load.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateKeyPair, writePublicKey } from '../test/helpers/cosign-keys.js';
import { startRegistry } from '../test/helpers/registry-process.js';
import { createTestSigstore } from '../test/helpers/test-sigstore.js';
import { StorageSeeder } from './bench-seed.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    'process.on("exit",()=>{const c=process.cpuUsage();process.stderr.write("\\nBENCH_CPU_US="+(c.user+c.system)+" BENCH_SYS_US="+c.system+"\\n")})',
  );

const { values: argv } = parseArgs({
  options: {
    images: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    dist: { type: 'string', multiple: true, default: ['dist'] },
    kinds: { type: 'string', default: 'key,keyless,bundle' },
    profile: { type: 'string' },
    /**
     * Run every --dist's batch of a kind at the same time (the same images), so that all of them share whatever else loads the machine in that minute.
     */
    parallel: { type: 'boolean', default: false },
  },
});
const N = Number(argv.images);
const ROUNDS = Number(argv.rounds);
const KINDS = argv.kinds.split(',') as Array<'key' | 'keyless' | 'bundle'>;

function run(
  args: string[],
): Promise<{ code: number | null; cpuMs: number; sysMs: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const err: Buffer[] = [];
    c.stderr.on('data', (d: Buffer) => err.push(d));
    c.on('error', reject);
    c.on('close', (code) => {
      const stderr = Buffer.concat(err).toString();
      const m = /BENCH_CPU_US=(\d+) BENCH_SYS_US=(\d+)/.exec(stderr);
      resolve({
        code,
        cpuMs: m ? Number(m[1]) / 1000 : NaN,
        sysMs: m ? Number(m[2]) / 1000 : NaN,
        stderr,
      });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

const tmp = await mkdtemp(path.join(tmpdir(), 'image-gate-bench-cpu-'));
const reg = await startRegistry();
try {
  const ss = await createTestSigstore();
  const trustedRoot = await ss.writeTrustedRoot(tmp);
  const kp = generateKeyPair();
  const pub = writePublicKey(tmp, kp, 'cosign.pub');
  const seeder = new StorageSeeder(reg.storageDir);
  const refs: Record<string, string[]> = { key: [], keyless: [], bundle: [] };
  for (const kind of KINDS) {
    const repo = `bench/${kind}`;
    for (let i = 0; i < N; i++) {
      const p = seeder.image(repo, `img-${i}`);
      if (kind === 'key') {
        const sig = ss.signLegacyKey({
          imageDigest: p.digest,
          dockerReference: `${reg.host}/${repo}`,
          privateKey: kp.privateKey,
          publicKey: kp.publicKey,
        });
        seeder.legacySignatures(repo, p.digest, [sig]);
      } else if (kind === 'keyless') {
        const sig = ss.signLegacyKeyless({
          imageDigest: p.digest,
          dockerReference: `${reg.host}/${repo}`,
          identity: IDENTITY,
          issuer: ISSUER,
        });
        seeder.legacySignatures(repo, p.digest, [sig]);
      } else {
        const b = ss.signBundle({
          imageDigest: p.digest,
          signer: { identity: IDENTITY, issuer: ISSUER },
        });
        seeder.bundleReferrers(repo, p, [
          { bytes: b.bytes, predicateType: 'https://sigstore.dev/cosign/sign/v1' },
        ]);
      }
      refs[kind]!.push(`${reg.host}/${repo}:img-${i}`);
    }
  }
  const policy = {
    key: ['--trusted-root', trustedRoot, '--key', pub],
    keyless: [
      '--trusted-root',
      trustedRoot,
      '--certificate-identity',
      IDENTITY,
      '--certificate-oidc-issuer',
      ISSUER,
    ],
  };
  const results: Record<string, Record<string, number[]>> = {};
  const measure = async (dist: string, kind: (typeof KINDS)[number], r: number) => {
    const prof =
      argv.profile && r > 0
        ? [
            '--cpu-prof',
            '--cpu-prof-dir',
            path.join(argv.profile, `${path.basename(path.resolve(dist))}-${kind}`),
          ]
        : [];
    const batch = async (list: string[], flags: string[]) => {
      const out = await run([
        '--import',
        HOOK,
        ...flags,
        path.join(dist, 'cli.js'),
        'verify',
        '--output',
        'json',
        '--timeout',
        '60m',
        ...(kind === 'key' ? policy.key : policy.keyless),
        ...list,
      ]);
      if (out.code !== 0)
        throw new Error(`${dist} ${kind}: exit ${out.code}: ${out.stderr.slice(0, 1500)}`);
      return out;
    };
    const out = await batch(refs[kind]!, prof);
    // Round 0 warms the registry and the page cache; not counted.
    if (r === 0) return;
    // One image: the process's fixed cost (start-up, trust root, report), to subtract.
    const one = await batch(refs[kind]!.slice(0, 1), []);
    const by = (results[dist] ??= {});
    (by[kind] ??= []).push(out.cpuMs / N);
    (by[`${kind}Sys`] ??= []).push(out.sysMs / N);
    (by[`${kind}Fixed`] ??= []).push(one.cpuMs);
    (by[`${kind}Marginal`] ??= []).push((out.cpuMs - one.cpuMs) / (N - 1));
    process.stderr.write(
      `round ${r} ${dist} ${kind}: ${(out.cpuMs / N).toFixed(3)} ms/img (sys ${(out.sysMs / N).toFixed(3)}; load ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim()})\n`,
    );
  };
  for (let r = 0; r < ROUNDS + 1; r++) {
    for (const kind of KINDS) {
      if (argv.parallel) await Promise.all(argv.dist.map((d) => measure(d, kind, r)));
      else for (const d of argv.dist) await measure(d, kind, r);
    }
  }
  const summary = Object.fromEntries(
    Object.entries(results).map(([d, byKind]) => [
      d,
      Object.fromEntries(
        Object.entries(byKind).map(([k, xs]) => [
          k,
          { median: +median(xs).toFixed(3), runs: xs.map((x) => +x.toFixed(3)) },
        ]),
      ),
    ]),
  );
  // Per round, each later --dist against the first, batch by batch (the two ran minutes apart at
  // most, so a load that drifts over the run cancels out of the ratio better than out of medians).
  const [first, ...others] = argv.dist;
  const ratios = Object.fromEntries(
    others.map((d) => [
      d,
      Object.fromEntries(
        KINDS.map((k) => {
          const a = results[first!]![k]!;
          const b = results[d]![k]!;
          return [k, +median(b.map((x, i) => x / a[i]!)).toFixed(3)];
        }),
      ),
    ]),
  );
  process.stdout.write(
    `${JSON.stringify({ images: N, rounds: ROUNDS, cpuMsPerImage: summary, ratioToFirst: ratios })}\n`,
  );
} finally {
  await reg.stop();
  await rm(tmp, { recursive: true, force: true });
}
