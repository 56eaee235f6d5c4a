// The committed bundles, as a user's checkout of the Action has them: the files of dist/ at
// HEAD (not the work tree, which the integration tier rebuilds), copied with the example into a
// directory that has no node_modules, package.json or sources. Both entry points must run there.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOutputFile, runNode } from '../helpers/run-dist.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'committed-dist-'));
  // git archive writes what HEAD holds, byte for byte; a fresh clone's work tree is the same.
  const tar = execFileSync('git', ['archive', '--format=tar', 'HEAD', 'dist', 'examples'], {
    cwd: ROOT,
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
});

describe('the committed dist/ alone', () => {
  it('has no node_modules, package.json or sources beside it', async () => {
    expect((await readdir(dir)).sort()).toEqual(['dist', 'examples']);
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
  });

  it('runs the CLI on the built-in example: one verified, one unsigned, exit 1', async () => {
    const ran = await runNode(
      [
        'dist/cli.js',
        'verify',
        '--trusted-root',
        'examples/trusted_root.json',
        '--key',
        'examples/cosign.pub',
        'oci-layout://examples/layout:signed',
        'oci-layout://examples/layout:unsigned',
      ],
      {},
      dir,
    );
    expect(ran.stderr).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND/);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(/✓.*layout:signed/);
    expect(ran.stdout).toMatch(/✗.*layout:unsigned/);
  });

  it('runs the Action the way the runner does, with INPUT_* and the runner files', async () => {
    const temp = await mkdtemp(path.join(tmpdir(), 'committed-runner-'));
    const output = path.join(temp, 'output');
    const summary = path.join(temp, 'summary.md');
    await writeFile(output, '');
    await writeFile(summary, '');
    const ran = await runNode(
      ['dist/index.js'],
      {
        INPUT_IMAGES: 'oci-layout://examples/layout:signed',
        INPUT_KEY: 'examples/cosign.pub',
        'INPUT_TRUSTED-ROOT': 'examples/trusted_root.json',
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        RUNNER_TEMP: temp,
      },
      dir,
    );
    expect(ran.stderr).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND/);
    expect(ran.code).toBe(0);
    const outputs = parseOutputFile(await readFile(output, 'utf8'));
    expect(outputs.verified).toBe('true');
    expect(outputs.pinned).toMatch(/layout@sha256:[0-9a-f]{64}/);
    expect(await readFile(summary, 'utf8')).toContain('layout:signed');
  });
});
