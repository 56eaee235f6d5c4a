// Issue 15, the Action's start: a plain verify loads no @actions/* or @octokit/* module (the
// workflow commands are the Action's own, src/action/workflow-commands.ts; merge, report signing,
// JUnit, the tool cache and Octokit load only when the inputs use them), dist/index.js is a small
// entry that loads the rest as chunks beside it from any working directory, and the compile cache
// goes to $RUNNER_TEMP/node-compile-cache without ever failing the run. Module paths are read
// from build/ (tsc's output, what ncc bundles) and chunks from dist/; the integration tier's
// global setup (test/helpers/build-dist.ts) rebuilds both from src/ first, so neither is stale.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOutputFile } from '../helpers/run-dist.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EX = path.join(ROOT, 'examples');
const DIST_ENTRY = path.join(ROOT, 'dist', 'index.js');
const BUILD_ENTRY = path.join(ROOT, 'build', 'action', 'index.js');
const PLAIN = {
  images: `oci-layout://${path.join(EX, 'layout')}:signed`,
  key: path.join(EX, 'cosign.pub'),
  'trusted-root': path.join(EX, 'trusted_root.json'),
  summary: 'true',
};
let dir: string;
let hook: string;

interface Started {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  runnerTemp: string;
  /** Every file the loader loaded, absolute. */
  files: string[];
}

/** `node --import hook ENTRY` as the runner starts it: INPUT_*, GITHUB_OUTPUT, RUNNER_TEMP. */
async function start(
  entry: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  cwd = ROOT,
): Promise<Started> {
  const runnerTemp = await mkdtemp(path.join(dir, 'runner-'));
  const log = path.join(dir, `load-${path.basename(runnerTemp)}.log`);
  await writeFile(path.join(runnerTemp, 'output'), '');
  await writeFile(path.join(runnerTemp, 'summary.md'), '');
  const inputEnv: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(inputs)) inputEnv[`INPUT_${k.toUpperCase()}`] = v;
  const ran = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, ['--import', hook, entry], {
        cwd,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          TMPDIR: dir,
          LOAD_LOG: log,
          GITHUB_OUTPUT: path.join(runnerTemp, 'output'),
          GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary.md'),
          RUNNER_TEMP: runnerTemp,
          ...inputEnv,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    },
  );
  const files = (await readFile(log, 'utf8'))
    .trim()
    .split('\n')
    .map((u) => fileURLToPath(u));
  return {
    ...ran,
    outputs: parseOutputFile(await readFile(path.join(runnerTemp, 'output'), 'utf8')),
    summary: await readFile(path.join(runnerTemp, 'summary.md'), 'utf8'),
    runnerTemp,
    files,
  };
}

const toolkitModules = (files: string[]): string[] =>
  files.filter((f) => /[/\\]node_modules[/\\]@(actions|octokit)[/\\]/.test(f));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'action-startup-'));
  hook = path.join(dir, 'hook.mjs');
  // Records every file module the loader loads (node:module's synchronous hooks).
  await writeFile(
    hook,
    [
      "import { registerHooks } from 'node:module';",
      "import { appendFileSync } from 'node:fs';",
      'registerHooks({ load(url, ctx, next) {',
      "  if (url.startsWith('file:')) appendFileSync(process.env.LOAD_LOG, url + '\\n');",
      '  return next(url, ctx);',
      '} });',
      '',
    ].join('\n'),
  );
});

describe('what a plain verify loads (the sources as built, one file per module)', () => {
  it('no @actions/* and no @octokit/* module, and it verifies', async () => {
    const run = await start(BUILD_ENTRY, PLAIN);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.verified).toBe('true');
    expect(run.summary).toMatch(/image-gate/);
    // The loader did see the run's modules: the core and its node_modules dependencies.
    expect(run.files).toContain(path.join(ROOT, 'build', 'core', 'gate.js'));
    expect(run.files.some((f) => f.includes(`${path.sep}@sigstore${path.sep}`))).toBe(true);
    expect(toolkitModules(run.files)).toEqual([]);
    // Nor the code only other inputs use.
    for (const only of ['core/merge.js', 'render/junit.js', 'core/summaries/report-signature.js'])
      expect(run.files).not.toContain(path.join(ROOT, 'build', only));
  });

  it('the inputs that use them load them: junit-path loads the JUnit renderer', async () => {
    const junit = path.join(dir, 'junit', 'out.xml');
    const run = await start(BUILD_ENTRY, { ...PLAIN, 'junit-path': junit });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.files).toContain(path.join(ROOT, 'build', 'render', 'junit.js'));
    expect(await readFile(junit, 'utf8')).toMatch(/<testsuites?/);
  });

  it('a TUF run on a runner with a tool cache loads @actions/tool-cache (the hook sees it)', async () => {
    const toolCache = await mkdtemp(path.join(dir, 'toolcache-'));
    // Port 9 on loopback refuses: the run fails on the mirror, after the tool cache was asked.
    const run = await start(
      BUILD_ENTRY,
      { images: PLAIN.images, key: PLAIN.key, 'tuf-mirror': 'http://127.0.0.1:9' },
      { RUNNER_TOOL_CACHE: toolCache },
    );
    expect(run.code).toBe(1);
    expect(toolkitModules(run.files).some((f) => f.includes('tool-cache'))).toBe(true);
  });
});

describe('dist/index.js', () => {
  it('is a small entry that loads its chunks from dist/, from any working directory', async () => {
    expect((await stat(DIST_ENTRY)).size).toBeLessThan(100_000);
    const cwd = await mkdtemp(path.join(dir, 'cwd-'));
    const run = await start(DIST_ENTRY, PLAIN, {}, cwd);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.verified).toBe('true');
    expect(run.stdout).toMatch(/^::group::✓ oci-layout:/m);
    const [first, ...chunks] = run.files;
    expect(first).toBe(DIST_ENTRY);
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) expect(path.relative(ROOT, c)).toMatch(/^dist\/\d+\.index\.js$/);
    // None of what was loaded holds @actions/http-client, core's OIDC client or Octokit.
    for (const f of run.files) {
      const text = await readFile(f, 'utf8');
      expect(text, f).not.toMatch(/class HttpClient\b|class OidcClient\b|@octokit\//);
    }
  });

  it('writes the compile cache under $RUNNER_TEMP/node-compile-cache', async () => {
    const run = await start(DIST_ENTRY, PLAIN);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const [version] = await readdir(path.join(run.runnerTemp, 'node-compile-cache'));
    const cached = await readdir(path.join(run.runnerTemp, 'node-compile-cache', version!));
    expect(cached.length).toBeGreaterThan(0);
  });

  it.each([
    ['missing', (t: string) => path.join(t, 'nope', 'deeper')],
    ['a file', (t: string) => path.join(t, 'output')],
    ['on /proc', () => '/proc/image-gate-nope'],
  ])('verifies all the same when RUNNER_TEMP is %s', async (_what, where) => {
    const base = await mkdtemp(path.join(dir, 'bad-temp-'));
    await writeFile(path.join(base, 'output'), '');
    // The report goes where report-path says; only the cache would use RUNNER_TEMP.
    const inputs = { ...PLAIN, 'report-path': path.join(base, 'report.json') };
    const run = await start(DIST_ENTRY, inputs, { RUNNER_TEMP: where(base) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.verified).toBe('true');
  });
});
