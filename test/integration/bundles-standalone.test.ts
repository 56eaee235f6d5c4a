// The committed bundles must run with no node_modules at all, as the Actions runner runs
// dist/index.js and as `npx`-less users run dist/cli.js: copy dist/ and the example elsewhere.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-dist.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'standalone-'));
  await cp(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  await cp(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
});

describe('committed bundles without node_modules', () => {
  it('dist/cli.js verifies the built-in example: one signed, one unsigned', async () => {
    const r = await runNode(
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
    expect(r.stderr).not.toMatch(/Cannot find (module|package)/);
    expect(r.stdout).toContain('✓ Verified oci-layout://examples/layout:signed');
    expect(r.stdout).toContain('✗ Verification FAILED for oci-layout://examples/layout:unsigned');
    expect(r.code).toBe(1);
  });

  it('dist/index.js runs as the Action and verifies the signed example', async () => {
    const r = await runNode(
      ['dist/index.js'],
      {
        INPUT_IMAGES: 'oci-layout://examples/layout:signed',
        INPUT_KEY: 'examples/cosign.pub',
        'INPUT_TRUSTED-ROOT': 'examples/trusted_root.json',
        INPUT_SUMMARY: 'false',
        RUNNER_TEMP: dir,
      },
      dir,
    );
    expect(r.stdout).not.toContain('::error::');
    // Without GITHUB_OUTPUT, @actions/core falls back to the workflow-command form.
    expect(r.stdout).toContain('::set-output name=verified::true');
    expect(r.stdout).toContain('::set-output name=pinned::oci-layout://examples/layout@sha256:');
    expect(r.code).toBe(0);
  });

  it('dist/cli.js answers --version and verify --help', async () => {
    const v = await runNode(['dist/cli.js', '--version'], {}, dir);
    expect(v.stdout).toMatch(/^image-gate \d+\.\d+\.\d+/);
    expect(v.code).toBe(0);
    const h = await runNode(['dist/cli.js', 'verify', '--help'], {}, dir);
    expect(h.stdout).toContain('--certificate-identity-regexp');
  });

  // The machine's own Node (20 here and in CI; the tests run on a fetched Node 24).
  const systemNode = '/usr/bin/node';
  const systemMajor = existsSync(systemNode)
    ? Number(execFileSync(systemNode, ['-p', 'process.versions.node.split(".")[0]']).toString())
    : 24;
  it.skipIf(systemMajor >= 24)(
    'dist/cli.js on a Node older than 24 says what it needs and exits 2',
    async () => {
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const c = spawn(systemNode, ['dist/cli.js', '--version'], { cwd: dir });
        let stderr = '';
        c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        c.on('error', reject);
        c.on('close', (code) => resolve({ code, stderr }));
      });
      expect(r.stderr).toContain('image-gate: needs Node.js 24 or later, and this is v');
      expect(r.stderr).not.toContain('TypeError');
      expect(r.code).toBe(2);
    },
  );

  it('merges shard reports into one verdict, in the CLI and in the Action', async () => {
    const shard = (tag: string, file: string) =>
      runNode(
        [
          'dist/cli.js',
          'verify',
          '--trusted-root',
          'examples/trusted_root.json',
          '--key',
          'examples/cosign.pub',
          '--report',
          file,
          `oci-layout://examples/layout:${tag}`,
        ],
        {},
        dir,
      );
    expect((await shard('signed', 'shard-a.json')).code).toBe(0);
    expect((await shard('unsigned', 'shard-b.json')).code).toBe(1);
    const merged = await runNode(
      ['dist/cli.js', 'merge', '--output', 'json', 'shard-a.json', 'shard-b.json'],
      {},
      dir,
    );
    expect(merged.code).toBe(1);
    const report = JSON.parse(merged.stdout) as {
      outcome: string;
      results: Array<{ image: string }>;
    };
    expect(report.outcome).toBe('failed');
    expect(report.results.map((r) => r.image)).toEqual([
      'oci-layout://examples/layout:signed',
      'oci-layout://examples/layout:unsigned',
    ]);
    const action = await runNode(
      ['dist/index.js'],
      {
        'INPUT_MERGE-REPORTS': 'shard-a.json\nshard-b.json',
        INPUT_SUMMARY: 'false',
        RUNNER_TEMP: dir,
      },
      dir,
    );
    expect(action.code).toBe(1);
    expect(action.stdout).toContain(
      '::error::image-gate: 1 of 2 image(s) failed verification; first: oci-layout://examples/layout:unsigned',
    );
  });
});
