// Issue 10 item 5, crash paths and the CLI inside a workflow step: an exception thrown from a callback (uncaught) or a rejection
// nobody awaits must reach stderr and the Actions log through the sinks' sanitisers, with the
// exit code of an internal error, never Node's raw report of message and stack.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startFake, type FakeRegistry } from '../helpers/fake-registry.js';
import { runAction, runCli } from '../helpers/run-dist.js';

const HOSTILE = 'boom\n::warning::spoofed\u001b]8;;https://evil.example\u0007x\u2028##[error]y';
let preloads: Record<'uncaught' | 'rejection', string>;
let key: string;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'crash-'));
  const write = async (name: string, code: string) => {
    const file = path.join(dir, name);
    await writeFile(file, code);
    return file;
  };
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  key = await write('cosign.pub', publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // Fires once the bundle has registered its handlers and while the run is still going.
  preloads = {
    uncaught: await write(
      'uncaught.cjs',
      `setTimeout(() => { throw new Error(${JSON.stringify(HOSTILE)}); }, 400);`,
    ),
    rejection: await write(
      'rejection.cjs',
      `setTimeout(() => { Promise.reject(new Error(${JSON.stringify(HOSTILE)})); }, 400);`,
    ),
  };
});

function expectNothingRaw(text: string): void {
  expect(text).not.toMatch(/^\s*::warning::/m);
  expect(text).not.toContain('##[');
  expect(text).not.toContain('\u001b');
  expect(text).not.toContain('\u2028');
  expect(text).not.toMatch(/^\s+at /m); // no stack trace
}

describe.each(['uncaught', 'rejection'] as const)('a crash by an %s exception', (kind) => {
  it('CLI: one escaped line on stderr, exit 2', async () => {
    // A registry that never answers keeps the run going while the timer fires.
    const run = await runCli(['verify', '--key', key, '--timeout', '5s', '10.255.255.1/a/b:c'], {
      NODE_OPTIONS: `--require=${preloads[kind]}`,
    });
    expect(run.stderr).toContain('image-gate: internal error: boom\\n::warning::spoofed');
    expectNothingRaw(run.stderr);
    expectNothingRaw(run.stdout);
    expect(run.code).toBe(2);
  });

  it('Action: a failed step with the message escaped, nothing raw on stdout or stderr', async () => {
    const run = await runAction(
      { images: '10.255.255.1/a/b:c', key, timeout: '5s' },
      { NODE_OPTIONS: `--require=${preloads[kind]}` },
    );
    expect(run.stdout).toContain('::error::image-gate: internal error: boom');
    expectNothingRaw(run.stdout.replace(/^::error::.*$/m, ''));
    expectNothingRaw(run.stderr);
    expect(run.code).toBe(1);
  });
});

describe('the CLI in a workflow step (the runner reads its output for commands)', () => {
  const TEXT = 'denied ##[error]forged ##[add-mask]verified \u2028::warning::w';
  let fake: FakeRegistry;

  beforeAll(async () => {
    fake = await startFake((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'DENIED', message: TEXT }] }));
    });
    return () => fake.close();
  });

  it.each([['text'], ['json']])('--output %s: no ##[ anywhere, no line a command', async (o) => {
    const run = await runCli([
      'verify',
      '--offline',
      '--key',
      key,
      '--output',
      o,
      `${fake.host}/acme/app:1`,
    ]);
    expect(run.code).toBe(2);
    for (const out of [run.stdout, run.stderr]) {
      expect(out).not.toContain('##[');
      for (const line of out.split('\n')) expect(line.trimStart()).not.toMatch(/^::/);
    }
    if (o === 'json') {
      // Still the same JSON: the escape is a JSON escape inside the string.
      const report = JSON.parse(run.stdout) as { results: Array<{ reason: string }> };
      expect(report.results[0].reason).toContain(TEXT);
    } else expect(run.stdout).toContain('denied ##\\u005berror]forged');
  });
});
