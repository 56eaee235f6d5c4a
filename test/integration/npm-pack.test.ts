// The npm package as a newcomer gets it (issue 12 item 1): `npm pack` of this checkout, then
// `npm install -g ./image-gate-*.tgz` into an empty prefix, offline and with an empty npm cache,
// so an install that needed any other package would fail here. The `image-gate` it puts on PATH
// must run from a directory that has only the example in it.
import { spawn } from 'node:child_process';
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ran } from '../helpers/run-dist.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

interface PackedFile {
  path: string;
  size: number;
}
interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: PackedFile[];
}
interface Installed {
  added: number;
  add: { name: string }[];
}

let temp: string;
let prefix: string;
let packed: Packed;
let installed: Installed;
let installLog: Ran;
/** PATH with Node 24 (this test's node) first and nothing from the checkout on it. */
let basePath: string;
/** A minimal environment: no npm_config_* from an outer `npm test`, a private HOME and cache. */
let env: NodeJS.ProcessEnv;

function run(
  cmd: string,
  args: string[],
  cwd: string,
  extra: NodeJS.ProcessEnv = {},
): Promise<Ran> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...env, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

function onInstalledPath(): NodeJS.ProcessEnv {
  return { PATH: `${path.join(prefix, 'bin')}${path.delimiter}${basePath}` };
}

beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'npm-pack-'));
  prefix = path.join(temp, 'prefix');
  const home = path.join(temp, 'home');
  await mkdir(home);
  basePath = [path.dirname(process.execPath), process.env.PATH ?? ''].join(path.delimiter);
  env = {
    PATH: basePath,
    HOME: home,
    npm_config_cache: path.join(temp, 'npm-cache'),
    npm_config_userconfig: path.join(home, '.npmrc'),
    npm_config_update_notifier: 'false',
  };
  const pack = await run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', temp],
    ROOT,
  );
  expect(pack.stderr).not.toMatch(/ERR!/);
  expect(pack.code).toBe(0);
  [packed] = JSON.parse(pack.stdout) as Packed[];
  installLog = await run(
    'npm',
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      '--offline',
      '--no-audit',
      '--no-fund',
      '--json',
      path.join(temp, packed.filename),
    ],
    temp,
  );
  expect(installLog.stderr).not.toMatch(/ERR!/);
  expect(installLog.code).toBe(0);
  installed = JSON.parse(installLog.stdout) as Installed;
  // Where a user runs it: a directory with the example and nothing of this checkout.
  await cp(path.join(ROOT, 'examples'), path.join(temp, 'work', 'examples'), { recursive: true });
}, 180_000);

describe('npm pack', () => {
  it('packs what runs and the docs, and nothing else', () => {
    const files = packed.files.map((f) => f.path).sort();
    for (const needed of [
      'package.json',
      'README.md',
      'action.yml',
      'dist/cli.js',
      'dist/cli/index.js',
      'dist/index.js',
      'dist/package.json',
      'schema/policy.schema.json',
      'docs/design.md',
    ]) {
      expect(files).toContain(needed);
    }
    const allowed = /^(package\.json|README\.md|LICENSE|action\.yml|(dist|schema|docs)\/.+)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    for (const refused of [/^src\//, /^test\//, /^node_modules\//, /^scripts\//, /^examples\//]) {
      expect(files.filter((f) => refused.test(f))).toEqual([]);
    }
    // Source maps do not run (the bundles do not register them) and would double the download.
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(packed.entryCount).toBe(files.length);
  });

  it('declares no runtime dependencies: everything is in the bundles', async () => {
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.private).toBeUndefined();
    for (const field of [
      'dependencies',
      'optionalDependencies',
      'peerDependencies',
      'bundleDependencies',
      'bundledDependencies',
    ]) {
      expect(manifest[field], field).toBeUndefined();
    }
    expect(manifest.bin).toEqual({ 'image-gate': 'dist/cli.js' });
    expect(manifest.engines).toEqual({ node: '>=24' });
  });
});

describe('README', () => {
  it('says how to run this version without a clone in its first screen', async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const firstScreen = (await readFile(path.join(ROOT, 'README.md'), 'utf8'))
      .split('\n')
      .slice(0, 40)
      .join('\n');
    expect(firstScreen).toContain(`npx image-gate@${version} verify `);
    expect(firstScreen).toContain(`npm install -g image-gate@${version}`);
    expect(firstScreen).toMatch(
      new RegExp(`docker run .*/image-gate:${version.replaceAll('.', '\\.')} verify `),
    );
  });
});

describe('npm install -g of the tarball', () => {
  it('adds exactly one package, image-gate, with no node_modules of its own', async () => {
    expect(installed.added).toBe(1);
    expect(installed.add.map((p) => p.name)).toEqual(['image-gate']);
    const lib = path.join(prefix, 'lib', 'node_modules');
    expect(await readdir(lib)).toEqual(['image-gate']);
    expect(await readdir(path.join(lib, 'image-gate'))).not.toContain('node_modules');
  });

  it('links image-gate on PATH to the packed dist/cli.js', async () => {
    const bin = path.join(prefix, 'bin', 'image-gate');
    expect((await lstat(bin)).isSymbolicLink()).toBe(true);
    expect(path.resolve(path.dirname(bin), await readlink(bin))).toBe(
      path.join(prefix, 'lib', 'node_modules', 'image-gate', 'dist', 'cli.js'),
    );
  });

  it('prints the packed version', async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const ran = await run('image-gate', ['--version'], temp, onInstalledPath());
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout.trim()).toBe(`image-gate ${version}`);
  });

  it('prints verify --help', async () => {
    const ran = await run('image-gate', ['verify', '--help'], temp, onInstalledPath());
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^Usage: image-gate verify /);
    expect(ran.stdout).toContain('--trusted-root');
  });

  it('verifies the signed example (exit 0) and refuses the unsigned one (exit 1)', async () => {
    const work = path.join(temp, 'work');
    const trust = ['--trusted-root', 'examples/trusted_root.json', '--key', 'examples/cosign.pub'];
    const good = await run(
      'image-gate',
      ['verify', ...trust, 'oci-layout://examples/layout:signed'],
      work,
      onInstalledPath(),
    );
    expect(good.stderr).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND/);
    expect(good.stdout).toMatch(/✓ Verified oci-layout:\/\/examples\/layout:signed/);
    expect(good.code).toBe(0);
    const both = await run(
      'image-gate',
      [
        'verify',
        ...trust,
        'oci-layout://examples/layout:signed',
        'oci-layout://examples/layout:unsigned',
      ],
      work,
      onInstalledPath(),
    );
    expect(both.stdout).toMatch(/✓ Verified oci-layout:\/\/examples\/layout:signed/);
    expect(both.stdout).toMatch(
      /✗ Verification FAILED for oci-layout:\/\/examples\/layout:unsigned/,
    );
    expect(both.code).toBe(1);
  });
});
