// Rewrites a bundle chunk so that its source text is pure ASCII, and shifts its source map to
// match. Why: Node reads an ES module's source as UTF-8 and V8 keeps it as a one-byte string only
// when every character is Latin-1; one non-ASCII character anywhere (a comment's dash, a "≥" in a
// message) makes the whole chunk a two-byte string that costs more to decode, hash and parse. On
// this project's cold start (dist/cli.js verify, 21 runs) that was 193 ms vs 177 ms to the first
// request (docs/benchmarks.md, session 13).
//
// The rewrite is done on acorn's parse, never on the raw text alone: every non-ASCII code unit
// must sit in a comment, a string literal, an untagged template, a regular expression literal or
// an identifier, where `\uXXXX` (or `\u{X}` in an identifier) means the same character; anything
// else (a tagged template, whose raw text a tag can read; a line continuation by U+2028/2029)
// fails the build instead of changing what the code does. The output is parsed again and every
// string value, template value and identifier name compared with the input's.
import { parse } from 'acorn';

const PARSE = { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true };

/** Every node of an acorn tree, in source order. */
function nodes(tree) {
  const out = [];
  const visit = (n) => {
    if (Array.isArray(n)) {
      for (const c of n) if (c !== null) visit(c);
      return;
    }
    out.push(n);
    for (const [k, v] of Object.entries(n)) {
      // A Literal's value is a string, number or RegExp, never a node.
      if (k === 'regex' || (k === 'value' && n.type === 'Literal')) continue;
      if (v !== null && typeof v === 'object' && (Array.isArray(v) || typeof v.type === 'string'))
        visit(v);
    }
  };
  visit(tree);
  return out;
}

/** What a parse says the code means, in the terms the rewrite must keep. */
function meaning(tree) {
  const out = [];
  for (const n of nodes(tree)) {
    if (n.type === 'Literal' && typeof n.value === 'string') out.push(`s:${n.value}`);
    else if (n.type === 'Literal' && n.regex) out.push(`r:${n.regex.flags}`);
    else if (n.type === 'TemplateElement') out.push(`t:${n.value.cooked}`);
    else if (n.type === 'Identifier' || n.type === 'PrivateIdentifier') out.push(`i:${n.name}`);
  }
  return out;
}

const hex4 = (u) => `\\u${u.toString(16).padStart(4, '0')}`;

/**
 * @param {string} code a chunk's text
 * @param {string} name the chunk's name, for errors
 * @returns {{ code: string, shifts: Map<number, Array<[number, number]>> }} the ASCII text and, per
 *   0-based line, the [column, added length] of each rewrite, in order
 */
export function asciiCode(code, name) {
  if (!/[^\x00-\x7f]/.test(code)) return { code, shifts: new Map() };
  if (/[\u2028\u2029]/.test(code)) {
    // They end lines for a source map's reader; escaping them would move every later line.
    throw new Error(`${name}: U+2028/U+2029 in the bundle; ascii-bundle.mjs does not rewrite them`);
  }
  const comments = [];
  const tree = parse(code, { ...PARSE, onComment: comments });
  /** [start, end, kind] of every place a non-ASCII character may be rewritten. */
  const spans = comments.map((c) => [c.start, c.end, 'comment']);
  const all = nodes(tree);
  const tagged = new Set();
  for (const n of all) if (n.type === 'TaggedTemplateExpression') tagged.add(n.quasi);
  for (const n of all) {
    if (n.type === 'Literal' && typeof n.value === 'string') spans.push([n.start, n.end, 'string']);
    else if (n.type === 'Literal' && n.regex) spans.push([n.start, n.end, 'regex']);
    else if (n.type === 'TemplateLiteral')
      for (const q of n.quasis) spans.push([q.start, q.end, tagged.has(n) ? 'tagged' : 'string']);
    else if (n.type === 'Identifier' || n.type === 'PrivateIdentifier')
      spans.push([n.start, n.end, 'ident']);
  }
  spans.sort((a, b) => a[0] - b[0]);

  const parts = [];
  const shifts = new Map();
  let line = 0;
  let lineStart = 0;
  let copied = 0;
  let s = 0;
  for (let i = 0; i < code.length; i++) {
    const u = code.charCodeAt(i);
    if (u === 10) {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (u < 0x80) continue;
    while (s < spans.length && spans[s][1] <= i) s++;
    const span = spans[s];
    if (!span || span[0] > i) {
      throw new Error(
        `${name}: non-ASCII U+${u.toString(16)} at ${i} outside any literal or comment`,
      );
    }
    const kind = span[2];
    if (kind === 'tagged') {
      throw new Error(`${name}: non-ASCII in a tagged template at ${i}; its raw text would change`);
    }
    let from = i;
    let to = i + 1;
    let text;
    if (kind === 'ident') {
      const cp = code.codePointAt(i);
      to = i + (cp > 0xffff ? 2 : 1);
      text = `\\u{${cp.toString(16)}}`;
    } else {
      text = hex4(u);
      let backslashes = 0;
      while (code.charCodeAt(i - 1 - backslashes) === 92) backslashes++;
      // `\é` in a string or a regular expression is é itself: the escape replaces both.
      if (kind !== 'comment' && backslashes % 2 === 1) from = i - 1;
    }
    parts.push(code.slice(copied, from), text);
    const at = from - lineStart;
    if (!shifts.has(line)) shifts.set(line, []);
    shifts.get(line).push([at, text.length - (to - from)]);
    copied = to;
    i = to - 1;
  }
  parts.push(code.slice(copied));
  const out = parts.join('');
  if (/[^\x00-\x7f]/.test(out)) throw new Error(`${name}: still not ASCII after the rewrite`);
  const before = meaning(tree);
  const after = meaning(parse(out, PARSE));
  if (before.length !== after.length || before.some((m, k) => m !== after[k])) {
    throw new Error(`${name}: the ASCII rewrite changed a literal or a name`);
  }
  return { code: out, shifts };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlqDecodeFirst(seg) {
  let value = 0;
  let shift = 0;
  let k = 0;
  for (;;) {
    const d = B64.indexOf(seg[k++]);
    if (d < 0) throw new Error(`source map: bad VLQ in '${seg}'`);
    value += (d & 31) << shift;
    shift += 5;
    if (!(d & 32)) break;
  }
  return [value & 1 ? -(value >>> 1) : value >>> 1, seg.slice(k)];
}

function vlqEncode(n) {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let s = '';
  do {
    let d = v & 31;
    v >>>= 5;
    if (v) d |= 32;
    s += B64[d];
  } while (v);
  return s;
}

/**
 * Moves a source map's generated columns to where asciiCode put the code. Only the first field of
 * each segment (the generated column, relative within its line) changes; the other fields are
 * relative to the previous segment's and stay as they are.
 */
export function shiftMap(mapJson, shifts) {
  if (shifts.size === 0) return mapJson;
  const map = JSON.parse(mapJson);
  map.mappings = map.mappings
    .split(';')
    .map((lineText, line) => {
      const moves = shifts.get(line);
      if (!moves || lineText === '') return lineText;
      let col = 0;
      let outPrev = 0;
      return lineText
        .split(',')
        .map((seg) => {
          const [rel, rest] = vlqDecodeFirst(seg);
          col += rel;
          let moved = col;
          for (const [at, added] of moves) if (at < col) moved += added;
          const enc = vlqEncode(moved - outPrev) + rest;
          outPrev = moved;
          return enc;
        })
        .join(',');
    })
    .join(';');
  return JSON.stringify(map);
}
