// stdin can be read once: with --registry-password-stdin and --images-file - the password took
// the whole list (and was then redacted as a secret everywhere), and the list read as empty, so
// its images were silently not verified beside the ones given as arguments.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { main } from '../../src/cli/main.js';

const ARGS = ['--registry', 'ghcr.io', '--registry-username', 'u', '--registry-password-stdin'];

describe('--registry-password-stdin with --images-file -', () => {
  it.each([
    ['verify', ['verify', '--key', 'k.pub', ...ARGS, '--images-file', '-', 'nginx:1']],
    ['verify, list first', ['verify', '--images-file', '-', ...ARGS, '--key', 'k.pub']],
  ])('%s is refused', (_what, argv) => {
    expect(() => parseCommand(argv)).toThrow(
      /^verify: --registry-password-stdin and --images-file - both read stdin/,
    );
  });

  it('the CLI exits 2 without reading stdin', async () => {
    let read = false;
    const err: string[] = [];
    const code = await main(['verify', '--key', 'k.pub', ...ARGS, '--images-file', '-', 'a:1'], {
      stdout: () => {},
      stderr: (s) => err.push(s),
      env: {},
      isTTY: false,
      readStdin: () => {
        read = true;
        return Promise.resolve('pw\n');
      },
    });
    expect(code).toBe(2);
    expect(read).toBe(false);
    expect(err.join('')).toMatch(/both read stdin/);
  });

  it('either alone is read', () => {
    expect(() => parseCommand(['verify', '--key', 'k', ...ARGS, 'nginx:1'])).not.toThrow();
    expect(() => parseCommand(['verify', '--key', 'k', '--images-file', '-'])).not.toThrow();
  });
});
