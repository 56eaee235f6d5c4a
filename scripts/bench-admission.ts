// What a cluster admission costs with and without verification summaries
// (`npm run bench -- --admission [--images N] [--json]`), issue 14.
//
// Against Debian's docker-registry on loopback: N images, each keyless-signed (a cosign v3 sign
// bundle referrer, test Sigstore) with a keyless SLSA v1 provenance attestation beside it, and a
// policy requiring that attestation. A gate run signs a summary of each (keyless: @sigstore/mock
// Fulcio and Rekor, the identity of a GitHub workflow) and pushes it. Then each image is admitted
// the two ways an admission controller could run image-gate, timed:
//
// - full: `node dist/cli.js verify` with the policy (signature, Rekor, SCT, the attestation);
// - summary: the same with `--accept-summary` and the gate's identity, on its pushed summary;
//
// each as one process per image (a webhook spawning image-gate per admission request; median of
// the N) and as one batch process of all N (per image = wall time / N). Registry requests are the
// report's `stats.registryRequests`. Every summary run must have admitted every image on its
// summary, or the bench fails: it measures only what it says.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Report } from '../src/core/report.js';
import { attachBundles, randomImage } from '../test/helpers/images.js';
import { slsaV1 } from '../test/helpers/predicates.js';
import { startRegistry } from '../test/helpers/registry-process.js';
import { identityToken, startMockSigstore } from '../test/helpers/sigstore-mock-services.js';
import { createTestSigstore } from '../test/helpers/test-sigstore.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const ISSUER = 'https://token.actions.githubusercontent.com';
const SIGNER = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const GATE = 'https://github.com/acme/app/.github/workflows/deploy.yml@refs/heads/main';
const PROVENANCE = 'https://slsa.dev/provenance/v1';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - t0 }));
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d;

export interface AdmissionMode {
  /** One process per image: median wall ms, and median registry requests of one admission. */
  perProcess: { medianMs: number; p90Ms: number; registryRequestsPerImage: number };
  /** One process for all images: its wall ms, that over N, and registry requests over N. */
  batch: { wallMs: number; msPerImage: number; registryRequestsPerImage: number };
}

export interface AdmissionResult {
  images: number;
  cpus: number;
  node: string;
  /** Median wall ms of `node dist/cli.js --version`: what any one-process admission pays first. */
  processStartMs: number;
  full: AdmissionMode;
  summary: AdmissionMode;
}

/** Runs the bench; returns the process exit code (0, or 2 on bad arguments or a wrong run). */
export async function runAdmissionBench(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      admission: { type: 'boolean' },
      images: { type: 'string', default: '20' },
      json: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.images);
  if (!Number.isSafeInteger(n) || n < 1 || n > 500) {
    process.stderr.write(`--images: '${values.images}' is not a whole number 1-500\n`);
    return 2;
  }
  const log = (s: string) => {
    if (!values.json) process.stderr.write(`${s}\n`);
  };
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-admission-'));
  const reg = await startRegistry();
  const mock = await startMockSigstore();
  try {
    const ss = await createTestSigstore();
    // One trusted root: the test Sigstore (image signatures) and the mock (summaries).
    const ours = JSON.parse(await readFile(await ss.writeTrustedRoot(dir), 'utf8')) as Record<
      string,
      unknown[]
    >;
    const root = { ...ours };
    for (const k of ['tlogs', 'certificateAuthorities', 'ctlogs'])
      root[k] = [...(ours[k] ?? []), ...((mock.trustedRoot as Record<string, unknown[]>)[k] ?? [])];
    const rootFile = path.join(dir, 'trusted_root.json');
    await writeFile(rootFile, JSON.stringify(root));
    const service = (url: string) => ({
      url,
      majorApiVersion: 1,
      validFor: { start: '2020-01-01T00:00:00Z' },
    });
    const signingConfig = path.join(dir, 'signing_config.json');
    await writeFile(
      signingConfig,
      JSON.stringify({
        mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
        caUrls: [service(mock.fulcioURL)],
        oidcUrls: [],
        rekorTlogUrls: [service(mock.rekorURL)],
        rekorTlogConfig: { selector: 'ANY' },
        tsaUrls: [],
      }),
    );

    log(`pushing ${n} keyless-signed images with SLSA provenance to ${reg.host}`);
    const refs: string[] = [];
    const signer = { identity: SIGNER, issuer: ISSUER };
    for (let i = 0; i < n; i++) {
      const img = await randomImage(reg, `bench/admission-${i}`, 'v1');
      await attachBundles({ reg, ss }, img, {
        sign: signer,
        attestations: [
          {
            predicateType: PROVENANCE,
            predicate: slsaV1('https://github.com/acme/builder'),
            signer,
          },
        ],
      });
      refs.push(img.ref);
    }
    const policy = [
      '--trusted-root',
      rootFile,
      '--certificate-identity',
      SIGNER,
      '--certificate-oidc-issuer',
      ISSUER,
      '--attestation',
      PROVENANCE,
    ];
    const accept = [
      '--accept-summary',
      '--summary-identity',
      GATE,
      '--summary-oidc-issuer',
      ISSUER,
    ];

    log('gate: verifying the batch and pushing a summary of each image');
    const gate = await cli(
      [
        'verify',
        ...policy,
        '--sign-summary',
        'keyless',
        '--signing-config',
        signingConfig,
        '--summaries-path',
        path.join(dir, 'summaries'),
        '--push-summary',
        '--output',
        'json',
        ...refs,
      ],
      { SIGSTORE_ID_TOKEN: identityToken({ iss: ISSUER, sub: GATE }) },
    );
    const gateReport = JSON.parse(gate.stdout || '{}') as Report;
    if (gate.code !== 0 || gateReport.summaries?.length !== n) {
      process.stderr.write(`the gate run failed (exit ${gate.code}):\n${gate.stderr}\n`);
      return 2;
    }

    /** One verify run; checks every image passed, on a summary exactly when `summary`. */
    const admit = async (
      images: string[],
      summary: boolean,
    ): Promise<Run & { requests: number }> => {
      const r = await cli([
        'verify',
        ...policy,
        ...(summary ? accept : []),
        '--output',
        'json',
        ...images,
      ]);
      const report = JSON.parse(r.stdout || '{}') as Report;
      const wrong = (report.results ?? []).filter(
        (x) => x.outcome !== 'verified' || (x.acceptedSummary !== undefined) !== summary,
      );
      if (r.code !== 0 || wrong.length > 0 || report.results.length !== images.length)
        throw new Error(
          `admission run (${summary ? 'summary' : 'full'}) did not pass as expected: exit ${r.code}, ${wrong.map((x) => `${x.image}: ${x.reason ?? (x.acceptedSummary ? 'on a summary' : 'in full')}`).join('; ')}\n${r.stderr}`,
        );
      return { ...r, requests: report.stats?.registryRequests ?? NaN };
    };

    const measure = async (summary: boolean): Promise<AdmissionMode> => {
      const name = summary ? 'summary' : 'full';
      log(`${name}: ${n} processes, one image each`);
      const one: Array<Run & { requests: number }> = [];
      for (const ref of refs) one.push(await admit([ref], summary));
      log(`${name}: one batch of ${n}`);
      const batch = await admit(refs, summary);
      const ms = one.map((r) => r.ms).sort((a, b) => a - b);
      return {
        perProcess: {
          medianMs: round(median(ms)),
          p90Ms: round(ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.9))]!),
          registryRequestsPerImage: median(one.map((r) => r.requests)),
        },
        batch: {
          wallMs: round(batch.ms),
          msPerImage: round(batch.ms / n),
          registryRequestsPerImage: round(batch.requests / n, 2),
        },
      };
    };
    // Warm the page cache and the registry once, so the first mode is not charged for it.
    await admit([refs[0]!], false);
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) starts.push((await cli(['--version'])).ms);
    const result: AdmissionResult = {
      images: n,
      cpus: cpus().length,
      node: process.version,
      processStartMs: round(median(starts)),
      full: await measure(false),
      summary: await measure(true),
    };
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else process.stdout.write(table(result));
    return 0;
  } catch (e: unknown) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  } finally {
    await mock.close();
    await reg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

function table(r: AdmissionResult): string {
  const row = (name: string, m: AdmissionMode) =>
    `| ${name} | ${m.perProcess.medianMs} | ${m.perProcess.p90Ms} | ${m.perProcess.registryRequestsPerImage} | ${m.batch.wallMs} | ${m.batch.msPerImage} | ${m.batch.registryRequestsPerImage} |\n`;
  return (
    `admission of ${r.images} images (${r.cpus} CPUs, Node ${r.node}), keyless signature + SLSA provenance required\n\n` +
    '| admission | one process per image: median ms | p90 ms | registry requests | one batch: wall ms | ms per image | registry requests per image |\n' +
    '| --- | --- | --- | --- | --- | --- | --- |\n' +
    row('full verification', r.full) +
    row('accept-summary', r.summary) +
    `\nprocess start alone (image-gate --version): median ${r.processStartMs} ms\n`
  );
}
