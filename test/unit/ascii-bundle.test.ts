// The build's ASCII rewrite (scripts/ascii-bundle.mjs): the rewritten chunk must mean exactly what
// the input meant, wherever the non-ASCII character sits, and anything it cannot rewrite safely
// must fail the build rather than change the code.
import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { asciiCode, shiftMap } from '../../scripts/ascii-bundle.mjs';

/** A function body as module text: `(function () { BODY });`. */
const wrap = (body: string): string => `(function () { ${body} });`;
/** Calls the function a wrapped body's text defines and returns what it returns. */
const run = (code: string): unknown => (runInThisContext(code) as () => unknown)();
const isAscii = (s: string): boolean => [...s].every((c) => c.codePointAt(0)! < 0x80);

describe('asciiCode', () => {
  const cases: Array<[string, string]> = [
    ['a string', 'return "≥ 48 h — ok";'],
    ['a single-quoted string with an astral character', "return 'x😀y';"],
    ['an identity escape of a non-ASCII character', 'return "a\\é" + "\\\\é";'],
    ['an untagged template', 'const n = 2; return `${n} ≤ ${n + 1} → 😀`;'],
    ['a regular expression without flags', 'return /[é-ü]+/.exec("aéüz")[0];'],
    ['a u-flag regular expression with an astral class', 'return /^[😀]$/u.test("😀");'],
    ['a v-flag regular expression', 'return /^[\\p{L}--[é]]+$/v.test("aé");'],
    ['a non-u regular expression with an astral character', 'return /😀/.test("x😀");'],
    ['an identifier', 'const café = 3; const 𝑥 = 4; return café + 𝑥;'],
    [
      'an object key and a property',
      'const o = { naïve: 1, "clé": 2 }; return o.naïve + o["clé"];',
    ],
  ];
  for (const [what, body] of cases) {
    it(`keeps the meaning of ${what}`, () => {
      const { code } = asciiCode(wrap(body), 'case.js');
      expect(isAscii(code)).toBe(true);
      expect(run(code)).toEqual(run(wrap(body)));
    });
  }

  it('rewrites comments and leaves pure ASCII untouched', () => {
    const ascii = wrap('const a = 1; // plain\nreturn a;');
    expect(asciiCode(ascii, 'a.js').code).toBe(ascii);
    const { code } = asciiCode(wrap('// a “quoted” note\nreturn 1; /* ≥ */'), 'c.js');
    expect(isAscii(code)).toBe(true);
    expect(run(code)).toBe(1);
  });

  it('refuses a tagged template, whose raw text a tag can read', () => {
    expect(() => asciiCode('String.raw`é`;', 'tagged.js')).toThrow(/tagged.js: .*tagged template/);
  });

  it('refuses U+2028, which ends a line for a source map', () => {
    expect(() => asciiCode('const s = "a\u2028b";', 'ls.js')).toThrow(/ls.js: U\+2028/);
  });
});

describe('shiftMap', () => {
  it('moves generated columns after each rewrite on its line, and only those', () => {
    // Line 0: segments at columns 0 and 10; line 1: a segment at column 4.
    const map = JSON.stringify({
      version: 3,
      sources: ['a'],
      names: [],
      mappings: 'AAAA,UAAU;IACA',
    });
    // A rewrite at column 5 of line 0 that adds 5 characters.
    const out = JSON.parse(shiftMap(map, new Map([[0, [[5, 5]]]]))) as { mappings: string };
    // Column 0 stays; column 10 becomes 15 (relative 15: "e"); line 1 unchanged.
    expect(out.mappings).toBe('AAAA,eAAU;IACA');
  });
});
