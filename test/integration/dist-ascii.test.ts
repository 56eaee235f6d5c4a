// The bundles as built (this tier's globalSetup builds dist/ first): every chunk's text is ASCII,
// so Node and V8 keep each as a one-byte string (scripts/ascii-bundle.mjs says why), and each
// source map still points a rewritten line's code at its source.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve(import.meta.dirname, '../../dist');
const chunks = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.js'))
  .sort();

describe('dist/ chunks', () => {
  it('are all there to check', () => {
    expect(chunks).toContain('index.js');
    expect(chunks).toContain(path.join('cli', 'index.js'));
    expect(chunks.length).toBeGreaterThan(10);
  });
  for (const f of chunks) {
    it(`${f} is ASCII`, () => {
      const bytes = readFileSync(path.join(DIST, f));
      const at = bytes.findIndex((b) => b > 0x7f);
      expect(at === -1 ? 'ascii' : `byte 0x${bytes[at]!.toString(16)} at ${at}`).toBe('ascii');
    });
  }
});
