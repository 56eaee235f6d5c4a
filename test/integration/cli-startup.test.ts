// Issue 15 item 3, the CLI's start through dist/cli.js: --version, help and usage errors load only
// the small entry chunk (the core, its registry client and Sigstore load with the command that
// needs them); the compile cache is written to <tmpdir>/node-compile-cache and never stops the
// CLI, whatever TMPDIR is (missing, a file, or on /proc, where Node's own recursive mkdir spins).
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const EX = path.join(ROOT, 'examples');
const VERIFY = [
  'verify',
  '--trusted-root',
  path.join(EX, 'trusted_root.json'),
  '--key',
  path.join(EX, 'cosign.pub'),
  `oci-layout://${path.join(EX, 'layout')}:signed`,
];
let dir: string;
let hook: string;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** `node [pre] dist/cli.js args` with only `env` (and PATH, HOME); killed after `ms`. */
function run(args: string[], env: NodeJS.ProcessEnv = {}, pre: string[] = [], ms = 30_000) {
  return new Promise<Ran>((resolve, reject) => {
    const child = spawn(process.execPath, [...pre, CLI, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: dir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, ms);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** The JavaScript files the CLI loaded for `args`, and their bytes together. */
async function loaded(args: string[]): Promise<{ files: string[]; bytes: number; ran: Ran }> {
  const log = path.join(dir, `load-${Math.random().toString(36).slice(2)}.log`);
  const ran = await run(args, { LOAD_LOG: log }, ['--import', hook]);
  const files = (await readFile(log, 'utf8'))
    .trim()
    .split('\n')
    .map((u) => fileURLToPath(u));
  let bytes = 0;
  for (const f of files) bytes += (await stat(f)).size;
  return { files: files.map((f) => path.relative(ROOT, f)), bytes, ran };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cli-startup-'));
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

describe('what the CLI loads', () => {
  it.each([
    ['--version', ['--version'], 0],
    ['help', ['help'], 0],
    ['verify --help', ['verify', '--help'], 0],
    ['a usage error', ['verify'], 2],
    ['an unknown flag', ['verify', '--nope', 'x'], 2],
  ])('%s loads the entry chunk only (under 400 KB)', async (_what, args, code) => {
    const { files, bytes, ran } = await loaded(args);
    expect(ran.code).toBe(code);
    expect(files).toEqual(['dist/cli.js', 'dist/cli/index.js']);
    expect(bytes).toBeLessThan(400_000);
  });

  it('verify loads the core chunks beside the entry, and verifies', async () => {
    const { files, bytes, ran } = await loaded(VERIFY);
    expect(ran.stdout).toMatch(/^✓ Verified oci-layout:/);
    expect(ran.code).toBe(0);
    expect(files.length).toBeGreaterThan(2);
    for (const f of files.slice(2)) expect(f).toMatch(/^dist\/cli\/\d+\.index\.js$/);
    expect(bytes).toBeGreaterThan(1_000_000);
  });
});

describe('the compile cache', () => {
  it('is written under <tmpdir>/node-compile-cache and read by the next run', async () => {
    const t = await mkdtemp(path.join(dir, 'tmp-'));
    const first = await run(VERIFY, { TMPDIR: t });
    expect(first.code).toBe(0);
    const [version] = await readdir(path.join(t, 'node-compile-cache'));
    expect((await readdir(path.join(t, 'node-compile-cache', version!))).length).toBeGreaterThan(0);
    const again = await run(VERIFY, { TMPDIR: t, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(
      /V8 code cache for ESM file:\S+dist\/cli\/\d+\.index\.js was accepted/,
    );
  });

  it.each([
    ['missing', () => path.join(dir, 'no', 'such', 'dir')],
    ['a file', () => path.join(dir, 'hook.mjs')],
    ['on /proc (Node spins in its recursive mkdir there)', () => '/proc/image-gate-no-such-dir'],
    ['/proc itself', () => '/proc'],
  ])('a TMPDIR that is %s leaves it off; the CLI runs as before', async (_what, tmp) => {
    const version = await run(['--version'], { TMPDIR: tmp() }, [], 20_000);
    expect(version.timedOut).toBe(false);
    expect([version.code, version.stdout, version.stderr]).toEqual([0, 'image-gate 0.1.0\n', '']);
    const verified = await run(VERIFY, { TMPDIR: tmp() }, [], 20_000);
    expect(verified.timedOut).toBe(false);
    expect(verified.code).toBe(0);
    expect(verified.stderr).toBe('');
  });

  it('NODE_DISABLE_COMPILE_CACHE=1 turns it off', async () => {
    const t = await mkdtemp(path.join(dir, 'tmp-'));
    const r = await run(VERIFY, { TMPDIR: t, NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(r.code).toBe(0);
    await expect(readdir(path.join(t, 'node-compile-cache'))).rejects.toThrow(/ENOENT/);
  });
});
