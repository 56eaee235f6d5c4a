// `verify --files` (the pre-commit hook): the files are read once. The check for "these files name
// no image" and the gate share one reading, so the images gated are the ones that check saw.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ findImages: 0 }));
vi.mock('../../src/core/manifests/files.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/manifests/files.js')>();
  return {
    ...real,
    findImages: (...args: Parameters<typeof real.findImages>) => {
      calls.findImages++;
      return real.findImages(...args);
    },
  };
});

const { main } = await import('../../src/cli/main.js');
const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  calls.findImages = 0;
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: {},
    isTTY: false,
  });
  return { code, stdout, stderr, reads: calls.findImages };
}

describe('verify --files reads the files once', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'files-once-'));
  // Port 9 (discard) on loopback: nothing listens, so the gate fails fast with exit 2.
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM 127.0.0.1:9/acme/app:v1\n');
  writeFileSync(
    path.join(dir, 'service.yaml'),
    'apiVersion: v1\nkind: Service\nmetadata: {name: x}\n',
  );
  const key = path.join(ROOT, 'examples', 'cosign.pub');
  const root = path.join(ROOT, 'examples', 'trusted_root.json');

  it('gates what the check read, without reading again', async () => {
    const r = await run([
      'verify',
      '--output',
      'json',
      '--timeout',
      '10s',
      '--trusted-root',
      root,
      '--key',
      key,
      '--files',
      path.join(dir, 'Dockerfile'),
      path.join(dir, 'service.yaml'),
    ]);
    expect(r.reads).toBe(1);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { results: Array<{ image: string }> };
    expect(report.results.map((x) => x.image)).toEqual(['127.0.0.1:9/acme/app:v1']);
  });

  it('files that name no image: one read, exit 0, nothing gated', async () => {
    const r = await run(['verify', '--key', key, '--files', path.join(dir, 'service.yaml')]);
    expect(r.reads).toBe(1);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the files given name no image; nothing to verify');
  });

  it('without --files, --from is read once by the gate itself', async () => {
    const r = await run([
      'verify',
      '--output',
      'json',
      '--timeout',
      '10s',
      '--trusted-root',
      root,
      '--key',
      key,
      '--from',
      path.join(dir, 'Dockerfile'),
    ]);
    expect(r.reads).toBe(1);
    expect(r.code).toBe(2);
  });
});
