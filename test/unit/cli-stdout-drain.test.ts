// Issue 15 (flat memory): `--output json` hands stdout one piece of the report at a time and waits
// for it to drain before making the next. A pipe is asynchronous in Node, so writing every piece
// at once left the whole report queued in stdout's buffer while a slow reader caught up (+33 MB
// at 10 000 images in the bench).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EX = path.join(ROOT, 'examples');
const TRUST = ['--trusted-root', path.join(EX, 'trusted_root.json')];
const KEY = [...TRUST, '--key', path.join(EX, 'cosign.pub')];
const signed = `oci-layout://${path.join(EX, 'layout')}:signed`;

describe('--output json and a slow stdout', () => {
  it('writes the next piece only after the last one drained', async () => {
    const images = Array.from({ length: 120 }, () => signed);
    const writes: string[] = [];
    const events: string[] = [];
    let pending = 0;
    const code = await main(['verify', ...KEY, '--output', 'json', ...images], {
      stdout: (s) => {
        // A write while an earlier one has not drained is what the fix forbids.
        events.push(pending > 0 ? 'write-before-drain' : 'write');
        writes.push(s);
        pending++;
      },
      stderr: () => {},
      env: {},
      isTTY: false,
      drain: () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            pending = 0;
            events.push('drained');
            resolve();
          }, 1),
        ),
    });
    expect(code).toBe(0);
    const report = JSON.parse(writes.join('')) as { results: unknown[] };
    expect(report.results.length).toBe(120);
    // More than one piece, so the order of writes and drains says something.
    expect(writes.length).toBeGreaterThan(2);
    expect(events).not.toContain('write-before-drain');
    expect(events.filter((e) => e === 'drained').length).toBe(writes.length);
  });

  it('still prints the whole report when stdout has no drain (a string sink)', async () => {
    let out = '';
    const code = await main(['verify', ...KEY, '--output', 'json', signed, signed], {
      stdout: (s) => (out += s),
      stderr: () => {},
      env: {},
      isTTY: false,
    });
    expect(code).toBe(0);
    expect((JSON.parse(out) as { results: unknown[] }).results.length).toBe(2);
  });
});
