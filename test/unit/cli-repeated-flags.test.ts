// A CLI flag that takes one value, given twice with two values: parseArgs kept the last and
// dropped the first silently (`--mode enforce ... --mode warn` ran in warn mode). Every such flag
// of every command is refused, naming it (and both values, unless they are secrets).
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { VERIFY_OPTIONS } from '../../src/edge/options.js';

const IMAGE = 'ghcr.io/acme/app:1';

const refusal = (argv: string[]): string => {
  try {
    parseCommand(argv);
  } catch (e: unknown) {
    return (e as Error).message;
  }
  return '';
};

describe('a one-value flag given twice is refused', () => {
  const textFlags = VERIFY_OPTIONS.flatMap((o) =>
    o.flag !== null && o.kind === 'text' ? [o.flag] : [],
  );
  it.each([...textFlags, 'report', 'registry'])('verify --%s', (flag) => {
    const msg = refusal(['verify', `--${flag}`, 'a', `--${flag}`, 'b', '--key', 'k.pub', IMAGE]);
    expect(msg).toBe(
      `verify: --${flag} is given twice ('a', 'b') and takes one value; give it once; see image-gate verify --help`,
    );
  });

  it.each<[string, string[]]>([
    ['merge', ['merge', '--report', 'a.json', '--report', 'b.json', 'r.json']],
    ['verify-bundle', ['verify-bundle', '--bundle', 'a', '--bundle', 'b', '--key', 'k', 'f']],
    ['images', ['images', '--images-file', 'a', '--images-file', 'b']],
    ['pin', ['pin', '--mode', 'enforce', '--mode', 'warn', '--key', 'k', 'Dockerfile']],
  ])('%s', (command, argv) => {
    expect(refusal(argv)).toMatch(new RegExp(`^${command}: --[a-z-]+ is given twice \\('`));
  });

  it('never quotes a registry token', () => {
    const msg = refusal([
      'verify',
      '--registry',
      'ghcr.io',
      '--registry-token',
      'ghp_first0000',
      '--registry-token',
      'ghp_second000',
      IMAGE,
    ]);
    expect(msg).toMatch(/^verify: --registry-token is given twice and takes one value/);
    expect(msg).not.toContain('ghp_');
  });

  it('the same value twice, and repeatable flags, are still read', () => {
    const cmd = parseCommand([
      'verify',
      '--mode',
      'warn',
      '--mode',
      'warn',
      '--key',
      'a.pub',
      '--key',
      'b.pub',
      IMAGE,
    ]);
    expect(cmd).toMatchObject({ options: { mode: 'warn', keys: ['a.pub', 'b.pub'] } });
  });
});
