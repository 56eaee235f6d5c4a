// Dockerfiles: the image each `FROM` names, with `--platform=` flags dropped, `ARG` defaults
// declared before the first FROM substituted (`$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR:+a}`), and
// `scratch` and earlier stage names skipped. Line continuations (the `escape` directive's
// character, `\` by default) join lines; the line given is where the instruction starts.
// The span of `FROM $BASE` is the ARG default's text: that is where the reference is written.
import { manifestError, type ImageOccurrence, type TextSpan } from './types.js';

interface Instruction {
  line: number;
  text: string;
  /** Each physical line's body (escape dropped) and its offset in the file, to place words. */
  parts: Array<{ offset: number; body: string }>;
}

export function readDockerfile(file: string, text: string): ImageOccurrence[] {
  const found: ImageOccurrence[] = [];
  const args = new Map<string, string | undefined>();
  // Where each ARG default is written: `FROM $BASE` is pinned there (see below).
  const argSpans = new Map<string, TextSpan>();
  const stages = new Set<string>();
  let seenFrom = false;
  for (const ins of instructions(text)) {
    const m = /^(\w+)/.exec(ins.text);
    if (!m) continue;
    const op = m[1].toUpperCase();
    if (op === 'ARG' && !seenFrom) {
      for (const { text: decl, start } of placedWords(ins).slice(1)) {
        const eq = decl.indexOf('=');
        const name = eq < 0 ? decl : decl.slice(0, eq);
        argSpans.delete(name);
        if (eq < 0) {
          args.set(name, undefined);
          continue;
        }
        const written = decl.slice(eq + 1);
        const value = unquote(written);
        args.set(name, value);
        const at = start + eq + 1 + (value === written ? 0 : 1);
        argSpans.set(name, { start: at, end: at + value.length });
      }
      continue;
    }
    if (op !== 'FROM') continue;
    seenFrom = true;
    const placed = placedWords(ins).slice(1);
    const words = placed.filter((w) => !w.text.startsWith('--'));
    if (words.length === 0) throw manifestError(file, ins.line, 'FROM names no image');
    const [raw, as, stage] = words.map((w) => w.text);
    // `FROM $BASE` or `FROM ${BASE}` names the ARG default's text, so that is the reference as
    // written (and what `pin` rewrites); any other use of a variable is not a literal reference.
    const whole = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(raw);
    const span = (whole && argSpans.get(whole[1] ?? whole[2])) ?? {
      start: words[0].start,
      end: words[0].start + raw.length,
    };
    let image: string;
    try {
      image = substitute(raw, args);
    } catch (e: unknown) {
      throw manifestError(file, ins.line, `FROM ${raw}: ${(e as Error).message}`);
    }
    if (image === '') throw manifestError(file, ins.line, `FROM ${raw}: substitutes to nothing`);
    const base = image.toLowerCase();
    const skip = base === 'scratch' || stages.has(base);
    if (as?.toUpperCase() === 'AS' && stage) stages.add(stage.toLowerCase());
    if (!skip) found.push({ image, file, line: ins.line, kind: 'dockerfile', span });
  }
  return found;
}

/** Instructions with continuations joined and comment lines dropped, each with its first line. */
function instructions(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  let escape = '\\';
  // Parser directives: `# key=value` lines at the very top.
  for (const l of lines) {
    const d = /^#\s*(\w+)\s*=\s*(\S+)\s*$/.exec(l);
    if (!d) break;
    if (d[1].toLowerCase() === 'escape') escape = d[2];
  }
  const out: Instruction[] = [];
  let cur: Instruction | undefined;
  let next = 0;
  lines.forEach((raw, i) => {
    const offset = next;
    next += raw.length + (text[offset + raw.length] === '\r' ? 2 : 1);
    const l = raw.trim();
    if (l.startsWith('#')) return; // comments, also inside a continued instruction
    if (cur === undefined && l === '') return;
    let body = raw;
    const continued = body.trimEnd().endsWith(escape);
    if (continued) body = body.trimEnd().slice(0, -escape.length);
    if (cur) {
      cur.text += ` ${body.trim()}`;
      cur.parts.push({ offset, body });
    } else cur = { line: i + 1, text: body.trim(), parts: [{ offset, body }] };
    if (!continued) {
      out.push(cur);
      cur = undefined;
    }
  });
  if (cur) out.push(cur);
  return out;
}

/** The instruction's words (the instruction itself first) with their offsets in the file. */
function placedWords(ins: Instruction): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  for (const p of ins.parts)
    for (const m of p.body.matchAll(/\S+/g)) out.push({ text: m[0], start: p.offset + m.index });
  return out;
}

function unquote(v: string): string {
  return /^(["']).*\1$/s.test(v) ? v.slice(1, -1) : v;
}

function substitute(word: string, args: Map<string, string | undefined>): string {
  return word.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_m, braced?: string, op?: string, arg?: string, bare?: string) => {
      const name = (braced ?? bare) as string;
      const value = args.get(name);
      const unset = value === undefined || (op?.startsWith(':') === true && value === '');
      if (op?.endsWith('-')) return unset ? (arg ?? '') : value;
      if (op?.endsWith('+')) return unset ? '' : (arg ?? '');
      if (!args.has(name)) throw new Error(`ARG ${name} is not declared before the first FROM`);
      if (value === undefined)
        throw new Error(`ARG ${name} has no default (build arguments are not known here)`);
      return value;
    },
  );
}
