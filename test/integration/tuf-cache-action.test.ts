// The TUF metadata kept between Action runs in the runner's tool cache (issue 11), through
// dist/index.js and dist/cli.js against a real TUF repository on loopback that counts the
// requests it answers: the first run fetches everything and saves it, a later run (fresh
// RUNNER_TEMP, as every job has) seeds from the tool cache and fetches less, a run with the
// mirror down still verifies from the cache with a warning, and expired or tampered cached
// metadata with the mirror down is an error, never a pass.
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { TUF_TOOL, tufCacheVersion } from '../../src/action/tuf-cache.js';
import { runAction, runCli, type ActionRun } from '../helpers/run-dist.js';
import { startTufRepo, type TufRepo } from '../helpers/tuf-repo.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DAY = 24 * 3_600_000;
const IMAGE = 'oci-layout://examples/layout:signed';
let repo: TufRepo;
let rootFile: string;

beforeAll(async () => {
  repo = await startTufRepo(await readFile(path.join(ROOT, 'examples/trusted_root.json')));
  rootFile = path.join(await mkdtemp(path.join(tmpdir(), 'tuf-root-')), 'root.json');
  await writeFile(rootFile, repo.rootJson);
});
afterAll(async () => {
  await repo.close();
});

function gate(toolCache: string | undefined): Promise<ActionRun> {
  return runAction(
    { images: IMAGE, key: 'examples/cosign.pub', 'tuf-mirror': repo.url, 'tuf-root': rootFile },
    toolCache ? { RUNNER_TOOL_CACHE: toolCache } : {},
  );
}

async function report(run: ActionRun): Promise<Report> {
  return JSON.parse(await readFile(run.outputs['report-path']!, 'utf8')) as Report;
}

function entry(toolCache: string): string {
  return path.join(toolCache, TUF_TOOL, tufCacheVersion(repo.url), 'any');
}

async function withMirrorDown<T>(work: () => Promise<T>): Promise<T> {
  await repo.down();
  try {
    return await work();
  } finally {
    await repo.up();
  }
}

/** A tool cache filled by one run of the Action. */
async function filledToolCache(): Promise<string> {
  const toolCache = await mkdtemp(path.join(tmpdir(), 'toolcache-'));
  const first = await gate(toolCache);
  expect(first.code, first.stdout + first.stderr).toBe(0);
  return toolCache;
}

describe('the Action keeps TUF metadata in the tool cache', () => {
  it('run 1 fetches 5 and saves; run 2 (fresh RUNNER_TEMP) seeds and fetches 2; run 3 with the mirror down fetches 0 and passes with a warning', async () => {
    const toolCache = await mkdtemp(path.join(tmpdir(), 'toolcache-'));
    repo.resetCount();
    const first = await gate(toolCache);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs.verified).toBe('true');
    const firstCount = repo.requests.length;
    expect(repo.requests).toEqual([
      '/2.root.json',
      '/timestamp.json',
      '/1.snapshot.json',
      '/1.targets.json',
      expect.stringMatching(/^\/targets\/[0-9a-f]{64}\.trusted_root\.json$/),
    ]);
    expect((await readdir(entry(toolCache))).sort()).toEqual([
      'root.json',
      'snapshot.json',
      'targets',
      'targets.json',
      'timestamp.json',
    ]);
    expect((await report(first)).policy.trustRoot).toBe(`TUF mirror ${repo.url}`);

    repo.resetCount();
    const second = await gate(toolCache);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.runnerTemp).not.toBe(first.runnerTemp);
    expect(repo.requests).toEqual(['/2.root.json', '/timestamp.json']);
    expect(repo.requests.length).toBeLessThan(firstCount);
    expect((await report(second)).warnings ?? []).toEqual([]);

    repo.resetCount();
    const third = await withMirrorDown(() => gate(toolCache));
    expect(third.code, third.stdout + third.stderr).toBe(0);
    expect(third.outputs.verified).toBe('true');
    expect(repo.requests).toEqual([]);
    const warnings = (await report(third)).warnings ?? [];
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(
        `^TUF update from ${repo.url.replace(/[.]/g, '\\.')} failed .*using the TUF metadata an earlier run cached, verified and valid until `,
      ),
    );
    expect(third.stdout).toContain(
      `::warning title=image-gate::TUF update from ${repo.url} failed`,
    );
  });

  it('without a tool cache (RUNNER_TOOL_CACHE unset) every run fetches everything, and the mirror down fails the step', async () => {
    repo.resetCount();
    const first = await gate(undefined);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(repo.requests).toHaveLength(5);
    repo.resetCount();
    expect((await gate(undefined)).code).toBe(0);
    expect(repo.requests).toHaveLength(5);
    const down = await withMirrorDown(() => gate(undefined));
    expect(down.code).toBe(1);
    expect(down.outputs.verified).toBe('false');
    const r = await report(down);
    expect(r.outcome).toBe('error');
    expect(r.error?.code).toBe('TRUST_ROOT');
  });

  it.each([
    [
      'an expired cached timestamp',
      'timestamp.json',
      () => repo.timestampExpiring(new Date(Date.now() - DAY)),
    ],
    [
      'a cached trusted_root.json that targets does not name',
      path.join('targets', 'trusted_root.json'),
      async () =>
        Buffer.from(
          await readFile(
            path.join(ROOT, 'test/fixtures/trusted-roots/public-good.trusted_root.json'),
            'utf8',
          ),
        ),
    ],
  ])(
    'with the mirror down, %s in the tool cache fails the step (TRUST_ROOT), never a pass',
    async (_what, file, bytes) => {
      const toolCache = await filledToolCache();
      await writeFile(path.join(entry(toolCache), file), await bytes());
      const down = await withMirrorDown(() => gate(toolCache));
      expect(down.code).toBe(1);
      expect(down.outputs.verified).toBe('false');
      const r = await report(down);
      expect(r.outcome).toBe('error');
      expect(r.error?.code).toBe('TRUST_ROOT');
      expect(r.error?.message).toMatch(/no unexpired cached TUF metadata/);
    },
  );

  it('a tampered tool cache is repaired from the mirror when it is up, and saved again', async () => {
    const toolCache = await filledToolCache();
    const ts = path.join(entry(toolCache), 'timestamp.json');
    await writeFile(ts, repo.timestampExpiring(new Date(Date.now() - DAY), 2));
    // The repository has moved on since (as it does every few days): timestamp version 10.
    repo.publishTimestamp(10);
    repo.resetCount();
    const run = await gate(toolCache);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(repo.requests).toEqual(['/2.root.json', '/timestamp.json']);
    const saved = JSON.parse(await readFile(ts, 'utf8')) as { signed: { version: number } };
    expect(saved.signed.version).toBe(10);
  });
});

describe('the CLI falls back on its --tuf-cache directory the same way', () => {
  const args = (cache: string): string[] => [
    'verify',
    '--key',
    'examples/cosign.pub',
    '--tuf-mirror',
    repo.url,
    '--tuf-root',
    rootFile,
    '--tuf-cache',
    cache,
    '--output',
    'json',
    IMAGE,
  ];

  it('exit 0 with a warning from a good cache, exit 2 from an expired one, with the mirror down', async () => {
    const cache = await mkdtemp(path.join(tmpdir(), 'tuf-cli-'));
    expect((await runCli(args(cache))).code).toBe(0);
    const expired = await mkdtemp(path.join(tmpdir(), 'tuf-cli-'));
    await cp(cache, expired, { recursive: true });
    const [repoDir] = await readdir(expired);
    await writeFile(
      path.join(expired, repoDir!, 'timestamp.json'),
      repo.timestampExpiring(new Date(Date.now() - DAY)),
    );
    await withMirrorDown(async () => {
      const ok = await runCli(args(cache));
      expect(ok.code, ok.stdout + ok.stderr).toBe(0);
      expect((JSON.parse(ok.stdout) as Report).warnings?.[0]).toMatch(/^TUF update from .* failed/);
      const bad = await runCli(args(expired));
      expect(bad.code, bad.stdout + bad.stderr).toBe(2);
      expect((JSON.parse(bad.stdout) as Report).error?.code).toBe('TRUST_ROOT');
    });
  });

  it('a tuf-mirror that is not an http(s) URL is a usage error naming it', async () => {
    const r = await runCli([
      'verify',
      '--key',
      'examples/cosign.pub',
      '--tuf-mirror',
      'ftp://x',
      IMAGE,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--tuf-mirror: 'ftp://x' is not an http(s) URL");
  });
});
