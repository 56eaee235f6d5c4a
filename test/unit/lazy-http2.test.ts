// The build's node:http2 stand-in (scripts/lazy-http2.mjs): undici's destructuring of
// `http2.constants` must load nothing and read node's values, and anything else must load the
// real module and be read from it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http2 from 'node:http2';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EAGER_CONSTANTS,
  HTTP2_EXTERNAL,
  lazyHttp2,
  lazyHttp2Module,
} from '../../scripts/lazy-http2.mjs';

const require = createRequire(import.meta.url);
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'lazy-http2-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The stand-in as the bundle runs it: a module body with ncc's createRequire in scope. */
async function standIn(): Promise<{ exports: typeof http2; loads: string[] }> {
  const file = path.join(tmp, `stand-in-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(
    file,
    [
      'import { createRequire } from "node:module";',
      'export const loads = [];',
      'const __WEBPACK_EXTERNAL_createRequire = (url) => { const r = createRequire(url); return (id) => { loads.push(id); return r(id); }; };',
      'const module = {};',
      lazyHttp2Module(),
      'export default module.exports;',
    ].join('\n'),
  );
  const m = (await import(pathToFileURL(file).href)) as {
    default: typeof http2;
    loads: string[];
  };
  return { exports: m.default, loads: m.loads };
}

describe('the node:http2 stand-in', () => {
  it('lists every constant undici destructures when client-h2.js loads', () => {
    const source = readFileSync(require.resolve('undici/lib/dispatcher/client-h2.js'), 'utf8');
    const block = /const \{\s*constants: \{([^}]*)\}\s*\} = http2/.exec(source);
    expect(block, 'client-h2.js no longer destructures http2.constants this way').not.toBeNull();
    const names = block![1]!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(EAGER_CONSTANTS).toContain(n);
  });

  it("answers those constants with node's values without loading node:http2", async () => {
    const { exports, loads } = await standIn();
    const { constants } = exports;
    for (const name of EAGER_CONSTANTS)
      expect((constants as Record<string, unknown>)[name]).toBe(
        (http2.constants as Record<string, unknown>)[name],
      );
    expect(loads).toEqual([]);
  });

  it('loads node:http2 once for anything else, and reads it from there', async () => {
    const { exports, loads } = await standIn();
    expect(exports.constants.HTTP2_HEADER_COOKIE).toBe(http2.constants.HTTP2_HEADER_COOKIE);
    expect(loads).toEqual(['node:http2']);
    expect(exports.connect).toBe(http2.connect);
    expect(exports.constants.NGHTTP2_CANCEL).toBe(http2.constants.NGHTTP2_CANCEL);
    expect(loads).toEqual(['node:http2']);
  });

  it('replaces the external exactly once, on one line', () => {
    const code = `a\n${HTTP2_EXTERNAL}\nb\n`;
    const out = lazyHttp2(code, 'x.js');
    expect(out).not.toContain(HTTP2_EXTERNAL);
    expect(out.split('\n')).toHaveLength(code.split('\n').length);
  });

  it('fails the build when the external is missing or there twice', () => {
    expect(() => lazyHttp2('a\n', 'x.js')).toThrow(
      /x\.js: expected the node:http2 external once, found it 0 times/,
    );
    expect(() => lazyHttp2(`${HTTP2_EXTERNAL}\n${HTTP2_EXTERNAL}\n`, 'y.js')).toThrow(
      /found it 2 times/,
    );
  });
});
