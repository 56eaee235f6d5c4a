// The terminal, log and output sinks skip the line-by-line pass for text it would not change
// (src/edge/sanitize.ts, SINK_CHANGES). Differential: on random text over the characters each
// sink treats specially, every sink gives exactly what the line-by-line pass gives.
import { describe, expect, it } from 'vitest';
import { logText, outputText, terminalText } from '../../src/edge/sanitize.js';

// The line-by-line pass as it was written before the fast path, kept here as the reference.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
const esc = (c: string) =>
  c === '\n'
    ? '\\n'
    : c === '\r'
      ? '\\r'
      : c === '\t'
        ? '\\t'
        : [...Array(c.length).keys()]
            .map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`)
            .join('');
const controls = (s: string) => s.replace(INVISIBLE, esc);
const noCommands = (l: string) => l.replace(/##\[/g, '##\\u005b').replace(/^(\s*):/, '$1\\u003a');
const byLine = (s: string, f: (l: string) => string) => s.split('\n').map(f).join('\n');
const ref = {
  terminal: (s: string) => {
    const line = (l: string) => noCommands(controls(l));
    return s.startsWith('\r') ? `\r${byLine(s.slice(1), line)}` : byLine(s, line);
  },
  log: (s: string) => byLine(s, (l) => noCommands(controls(l))),
  output: (s: string) => byLine(s, controls),
};

// Plain text, the blanks \s matches, controls (C0, C1, DEL), format characters, separators,
// lone and paired surrogates, and the workflow-command characters.
const ALPHABET = [
  'a',
  'Z',
  '0',
  '{',
  '"',
  ' ',
  ' ',
  '\n',
  '\n',
  ':',
  ':',
  '#',
  '#',
  '[',
  '\r',
  '\t',
  '\v',
  '\f',
  '\u0000',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u00a0',
  '\u1680',
  '\u2003',
  '\u202f',
  '\u3000',
  '\ufeff',
  '\u200b',
  '\u202e',
  '\u2066',
  '\u2028',
  '\u2029',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  'é',
  '\u{e0041}',
];

function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => (x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

describe('sink fast path', () => {
  it('gives what the line-by-line pass gives, on 20 000 random texts per sink', () => {
    const r = rng(42);
    let unchanged = 0;
    for (let i = 0; i < 20000; i++) {
      const n = Math.floor(r() * 12);
      let s = '';
      // Mostly plain text, so that the fast path is taken often too.
      const plain = r() < 0.5;
      for (let j = 0; j < n; j++)
        s +=
          plain && r() < 0.8
            ? 'ab {":}'[Math.floor(r() * 7)]!
            : ALPHABET[Math.floor(r() * ALPHABET.length)]!;
      expect(terminalText(s)).toBe(ref.terminal(s));
      expect(logText(s)).toBe(ref.log(s));
      expect(outputText(s)).toBe(ref.output(s));
      if (ref.terminal(s) === s) unchanged++;
    }
    expect(unchanged).toBeGreaterThan(2000);
  });

  it('still escapes what matters deep inside a long text', () => {
    const json = `${'{"image": "r.example/app:1"},\n'.repeat(5000)}`;
    expect(terminalText(json)).toBe(json);
    for (const bad of [
      '\u001b[31m',
      '\n  ::add-mask::x',
      '##[error]x',
      '\r',
      '\u202e',
      '\n\u3000:x',
    ])
      expect(terminalText(json + bad + json)).toBe(ref.terminal(json + bad + json));
  });
});
