// CLI progress on stderr (issue 5, item 3): plain lines when stderr is not a terminal, a running
// count on one line when it is; stdout keeps only the result. Runs main() over the committed
// example layout (one signed, one unsigned image).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EX = path.join(ROOT, 'examples');

async function run(isTTY: boolean, images: string[]) {
  let stdout = '';
  let stderr = '';
  const writes: string[] = [];
  const code = await main(
    [
      'verify',
      '--output',
      'json',
      '--trusted-root',
      path.join(EX, 'trusted_root.json'),
      '--key',
      path.join(EX, 'cosign.pub'),
      ...images,
    ],
    {
      stdout: (s) => (stdout += s),
      stderr: (s) => {
        writes.push(s);
        stderr += s;
      },
      env: {},
      isTTY,
    },
  );
  return { code, stdout, stderr, writes };
}

const signed = `oci-layout://${path.join(EX, 'layout')}:signed`;
const unsigned = `oci-layout://${path.join(EX, 'layout')}:unsigned`;

describe('CLI progress', () => {
  it('prints one plain line per finished image when stderr is not a terminal', async () => {
    const r = await run(false, [signed, unsigned, signed]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => /^\[(\d)\/3\] /.exec(l)?.[1])).toEqual(['1', '2', '3']);
    expect(lines.filter((l) => l.includes(`failed ${unsigned}`))).toHaveLength(1);
    expect(lines.filter((l) => l.includes(`verified ${signed}`))).toHaveLength(2);
    // stdout is the report alone.
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'failed' });
    // Lines that finish together go out in one write, never one per image.
    expect(r.writes.length).toBeLessThan(3);
  });

  it('keeps a running count on one line on a terminal, cleared before the final lines', async () => {
    const r = await run(true, [signed, unsigned]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain(signed);
    // The last count, then the line erased (issue 13): no count left among the results.
    expect(r.stderr.endsWith('\r[2/2] 1 failed\r\x1b[2K')).toBe(true);
    expect(r.stderr).not.toContain('\n');
  });

  it('prints no progress for a single image', async () => {
    const r = await run(false, [signed]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
