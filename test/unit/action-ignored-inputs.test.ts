// An Action input that would be ignored is an error naming it, as the CLI refuses the flag:
// verify options in merge mode (merge-reports verifies no image; `image-gate merge --key` is an
// unknown flag), and a registry host without the credentials it is for.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { VERIFY_OPTIONS } from '../../src/edge/options.js';

type Inputs = Record<string, { description?: string; default?: string }>;
let action: Inputs;
beforeAll(async () => {
  action = (parse(await readFile('action.yml', 'utf8')) as { inputs: Inputs }).inputs;
});

const read = (given: Record<string, string>) => () =>
  readInputs((n) => given[n] ?? '', { RUNNER_TEMP: '/tmp/runner' });

/** The value action.yml gives as its example; a switch is turned on. */
function example(name: string): string {
  const d = action[name]?.description ?? '';
  if (/Type: boolean/.test(d)) return 'true';
  const m = /Example: `([^`]*)`/.exec(d);
  if (!m) throw new Error(`action.yml: no example for ${name}`);
  return m[1].replace(/\$\{\{[^}]*\}\}/g, 'x');
}

/** What merge mode itself uses: the trusted root its shard signatures are verified against. */
const ROOT = new Set(['offline', 'trusted-root', 'tuf-mirror', 'tuf-root']);
const verifyInputs = VERIFY_OPTIONS.flatMap((o) => (o.input === null ? [] : [o.input]));

describe('merge mode refuses the verify inputs it would ignore', () => {
  it.each(verifyInputs.filter((n) => !ROOT.has(n)))('%s', (name) => {
    let message = '';
    try {
      read({ 'merge-reports': 'reports', [name]: example(name) })();
    } catch (e: unknown) {
      message = (e as Error).message;
    }
    // Named with merge-reports (manifests, images-file and shard have their own wording).
    expect(message).toContain(name);
    expect(message).toContain('merge-reports');
  });

  it('takes the defaults action.yml fills in, and the trusted-root inputs', () => {
    const defaults: Record<string, string> = {};
    for (const name of verifyInputs) {
      const d = action[name]?.default;
      if (d !== undefined && d !== '') defaults[name] = d;
    }
    expect(Object.keys(defaults).length).toBeGreaterThan(3);
    expect(read({ 'merge-reports': 'reports', ...defaults })).not.toThrow();
    for (const name of ROOT)
      expect(
        read({ 'merge-reports': 'reports', 'merge-shard-key': 's.pub', [name]: example(name) }),
      ).not.toThrow();
  });

  it('still reads every verify input with images', () => {
    for (const name of verifyInputs.filter((n) => !ROOT.has(n)))
      expect(() => {
        try {
          read({ images: 'nginx:1', [name]: example(name) })();
        } catch (e: unknown) {
          // A companion input missing is another error, never this one.
          expect(String(e)).not.toMatch(/merge-reports verifies none/);
        }
      }).not.toThrow();
  });
});

describe('registry without credentials', () => {
  it.each(['ghcr.io', 'registry.example.com:5000'])('%s alone is refused', (host) => {
    expect(read({ images: 'nginx:1', registry: host })).toThrow(
      new RegExp(`^registry: '${host}' is given without registry-username and registry-password`),
    );
  });
  it('with both it is a credential', () => {
    const got = read({
      images: 'nginx:1',
      registry: 'ghcr.io',
      'registry-username': 'u',
      'registry-password': 'p',
    })();
    expect(got.options.registryCredentials).toEqual([
      { registry: 'ghcr.io', username: 'u', password: 'p' },
    ]);
  });
});
