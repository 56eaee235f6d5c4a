// `image-gate help TOPIC`: a topic is looked up among the help texts' own entries only, so names
// Object.prototype holds (`__proto__`, `constructor`, `toString`) print the main help, never
// "[object Object]" or function source.
import { describe, expect, it } from 'vitest';
import { HELP, helpText } from '../../src/cli/args.js';
import { main } from '../../src/cli/main.js';

async function help(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: {},
    isTTY: false,
  });
  return { code, stdout, stderr };
}

const INHERITED = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];

describe('help topics', () => {
  it.each(INHERITED)('prints the main help for %s, a name only Object.prototype has', async (t) => {
    expect(helpText(t)).toBe(HELP.main);
    const r = await help(['help', t]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${HELP.main}\n`);
    expect(r.stdout).not.toMatch(/\[object Object\]|\[native code\]|function /);
    expect(r.stderr).toBe('');
  });

  it.each([
    ['verify', 'verify'],
    ['verify-bundle', 'verify-bundle'],
    ['main', 'main'],
  ])('prints the %s help for its topic', async (topic, key) => {
    expect(helpText(topic)).toBe(HELP[key]);
    expect((await help(['help', topic])).stdout).toBe(`${HELP[key]}\n`);
  });

  it.each([[undefined], ['no-such-topic'], ['']])('prints the main help for topic %s', (topic) => {
    expect(helpText(topic)).toBe(HELP.main);
  });

  it('prints the verify help for verify --help', async () => {
    expect((await help(['verify', '--help'])).stdout).toBe(`${HELP.verify}\n`);
  });
});
