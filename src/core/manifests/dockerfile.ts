// Dockerfiles: the image each `FROM` names, with `--platform=` flags dropped, `ARG` defaults
// declared before the first FROM substituted (`$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR:+a}`), and
// `scratch` and earlier stage names skipped. Line continuations (the `escape` directive's
// character, `\` by default) join lines with nothing between them, as BuildKit joins them; the
// line given is where the instruction starts. Heredoc bodies are skipped (dockerfile-heredoc.ts).
// The span of `FROM $BASE` is the ARG default's text: that is where the reference is written.
import { heredocWords } from './dockerfile-heredoc.js';
import { GO_LEADING_SPACE, isGoSpace } from './go-space.js';
import { manifestError, type ImageOccurrence, type TextSpan } from './types.js';

interface Instruction {
  line: number;
  /** The line as BuildKit joins it: each physical line's body appended with nothing between. */
  text: string;
  /** Each physical line's body (escape dropped), its offset in the file and its index in text. */
  parts: Array<{ offset: number; body: string; at: number }>;
}

export function readDockerfile(file: string, text: string): ImageOccurrence[] {
  const found: ImageOccurrence[] = [];
  const args = new Map<string, string | undefined>();
  // Where each ARG default is written: `FROM $BASE` is pinned there (see below).
  const argSpans = new Map<string, TextSpan>();
  const stages = new Set<string>();
  const list = instructions(file, text);
  // Every stage name: COPY --from and RUN --mount from= may name any stage (BuildKit looks them
  // up among all stages); what is not a stage is an image the build pulls.
  const allStages = new Set<string>();
  for (const ins of list) {
    const words = placedWords(ins).filter((w) => !w.text.startsWith('--'));
    if (
      words[0]?.text.toUpperCase() === 'FROM' &&
      words[2]?.text.toUpperCase() === 'AS' &&
      words[3]
    )
      allStages.add(words[3].text.toLowerCase());
  }
  /** A reference as written at `start`, ARG defaults substituted; `span` where it is written. */
  const reference = (
    raw: string,
    start: number,
    ins: Instruction,
    what: string,
  ): { image: string; span: TextSpan } => {
    // `FROM $BASE` or `FROM ${BASE}` names the ARG default's text, so that is the reference as
    // written (and what `pin` rewrites); any other use of a variable is not a literal reference.
    const whole = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(raw);
    const span = (whole && argSpans.get(whole[1] ?? whole[2])) ?? fileSpan(ins, start, raw.length);
    let image: string;
    try {
      image = substitute(raw, args);
    } catch (e: unknown) {
      throw manifestError(file, ins.line, `${what}${raw}: ${(e as Error).message}`);
    }
    if (image === '') throw manifestError(file, ins.line, `${what}${raw}: substitutes to nothing`);
    return { image, span };
  };
  /** `--from=` of COPY or a `--mount`: an image unless it names a stage (or a stage's index). */
  const pulled = (raw: string, start: number, ins: Instruction, what: string): void => {
    const { image, span } = reference(raw, start, ins, what);
    const name = image.toLowerCase();
    if (name === 'scratch' || allStages.has(name) || /^\d+$/.test(name)) return;
    found.push({ image, file, line: ins.line, kind: 'dockerfile', span });
  };
  let seenFrom = false;
  for (const ins of list) {
    const op = (placedWords(ins)[0]?.text ?? '').toUpperCase();
    if (op === 'FROM' || op === 'COPY' || op === 'RUN') checkPlainFlags(file, ins, op);
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
        argSpans.set(name, fileSpan(ins, at, value.length));
      }
      continue;
    }
    if (op === 'COPY' || op === 'RUN') {
      // Flags lead the instruction (BuildKit reads none after the first other word).
      const words = placedWords(ins).slice(1);
      const firstArg = words.findIndex((w) => !w.text.startsWith('--'));
      for (const w of firstArg < 0 ? words : words.slice(0, firstArg)) {
        const eq = w.text.indexOf('=');
        if (eq < 0) continue;
        const flag = w.text.slice(2, eq).toLowerCase();
        if (op === 'COPY' && flag === 'from')
          pulled(w.text.slice(eq + 1), w.start + eq + 1, ins, 'COPY --from=');
        if (op === 'RUN' && flag === 'mount') {
          // `type=bind,from=IMAGE,source=…`: comma-separated key=value fields.
          let at = eq + 1;
          for (const field of w.text.slice(eq + 1).split(',')) {
            const m = /^(["']?)from=(.*?)\1$/i.exec(field);
            if (m)
              pulled(m[2], w.start + at + m[1].length + 'from='.length, ins, 'RUN --mount from=');
            at += field.length + 1;
          }
        }
      }
      continue;
    }
    if (op !== 'FROM') continue;
    seenFrom = true;
    const placed = placedWords(ins).slice(1);
    const words = placed.filter((w) => !w.text.startsWith('--'));
    if (words.length === 0) throw manifestError(file, ins.line, 'FROM names no image');
    const [raw, as, stage] = words.map((w) => w.text);
    const { image, span } = reference(raw, words[0].start, ins, 'FROM ');
    const base = image.toLowerCase();
    const skip = base === 'scratch' || stages.has(base);
    if (as?.toUpperCase() === 'AS' && stage) stages.add(stage.toLowerCase());
    if (!skip) found.push({ image, file, line: ins.line, kind: 'dockerfile', span });
  }
  return found;
}

/**
 * The flags that lead FROM, COPY and RUN, written so that splitting at blanks reads them as
 * BuildKit does. BuildKit's extractBuilderFlags (frontend/dockerfile/parser/split_command.go)
 * removes quotes and applies the escape character inside a `--` word, so `--fr\om=IMAGE`,
 * `--mount="target=/a b"` or `--chown=a\ b` is one flag there: read at blanks, a later
 * `--from=` or `--mount=…from=` would be missed, or a FROM's image taken for its stage name.
 * It also tests each byte with Go's unicode.IsSpace, so a UTF-8 byte 0x85 or 0xA0 splits a word
 * there. A flag with a quote, either escape character or a byte that is not printable ASCII is
 * refused (exit 2), never read differently.
 */
function checkPlainFlags(file: string, ins: Instruction, op: string): void {
  for (const w of placedWords(ins).slice(1)) {
    if (!w.text.startsWith('--')) return;
    if (/["'\\`]|[^\x21-\x7e]/.test(w.text))
      throw manifestError(
        file,
        ins.line,
        `${op} flag ${JSON.stringify(w.text.length > 80 ? `${w.text.slice(0, 80)}…` : w.text)} has a quote, an escape character or a non-ASCII byte, which BuildKit reads differently from a plain word: write the flag without them`,
      );
  }
}

/** BuildKit's parser directive (directives.go): `# key=value`, key `[a-zA-Z][a-zA-Z0-9]*`. */
// (The value's trailing blanks are trimmed after matching: `(.+?)\s*$` backtracks
// quadratically in JavaScript on a long run of blanks, where Go's RE2 is linear.)
const DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+)$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
/** Words of an instruction, split as BuildKit's splitCommand and FROM's parser split them. */
const WORD = /[^\t\v\f\r ]+/g;

/**
 * Instructions with continuations joined and comment lines dropped, each with its first line,
 * split as BuildKit's Dockerfile parser splits them (frontend/dockerfile/parser, parser.go
 * `Parse`): a leading byte order mark dropped; parser directives read from the top until the
 * first line that is not a known directive; a line continues when it ends in the escape
 * character followed only by spaces and tabs, unless that character is itself escaped; comment
 * and empty lines inside a continued instruction are skipped. A line this reader joined to the
 * one before while BuildKit starts a new instruction there would hide a FROM from the gate.
 * The bodies of an instruction's heredocs (`RUN <<EOF` … `EOF`, see dockerfile-heredoc.ts) are
 * content, not instructions: `Parse` reads them raw after the instruction, and so does this.
 */
function instructions(file: string, text: string): Instruction[] {
  const lines = text.split('\n');
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const escape = escapeDirective(file, lines, bom);
  const e = escape === '`' ? '`' : '\\\\';
  const continuation = new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`);
  const out: Instruction[] = [];
  let cur: Instruction | undefined;
  let next = 0;
  /**
   * After an instruction whose last line is `last`, skips its heredocs' bodies and terminators
   * as BuildKit's `Parse` does (moby/buildkit frontend/dockerfile/parser/parser.go: each body
   * runs to the first line equal to the heredoc's word, trailing CR/LF dropped and, for `<<-`,
   * leading tabs; one without that line fails the parse, "unterminated heredoc"). Returns the
   * index of the last line consumed.
   */
  const skipHeredocs = (ins: Instruction, last: number): number => {
    const line = ins.text;
    if (line.includes('<<') && line.includes('\ufffd'))
      // Bytes that are not UTF-8 were decoded to U+FFFD; BuildKit reads them byte by byte
      // (flags, terminators), so where a heredoc ends cannot be told from the decoded text.
      throw manifestError(
        file,
        ins.line,
        'a heredoc line with bytes that are not UTF-8 is not read',
      );
    let docs: ReturnType<typeof heredocWords>;
    try {
      docs = heredocWords(line, escape);
    } catch (err: unknown) {
      throw manifestError(
        file,
        ins.line,
        `heredoc: ${(err as Error).message} (BuildKit refuses it)`,
      );
    }
    let j = last;
    for (const doc of docs) {
      for (;;) {
        j++;
        if (j >= lines.length)
          throw manifestError(
            file,
            ins.line,
            `unterminated heredoc <<${doc.chomp ? '-' : ''}${doc.name} (BuildKit refuses it)`,
          );
        next += lines[j].length + 1;
        const candidate = trimNewlineEnd(lines[j]);
        if ((doc.chomp ? candidate.replace(/^\t+/, '') : candidate) === doc.name) break;
      }
    }
    return j;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    let offset = next;
    next += raw.length + 1;
    let line = trimNewlineEnd(raw);
    if (i === 0 && bom) {
      line = line.slice(1);
      offset += 1;
    }
    const lead = cur ? '' : (GO_LEADING_SPACE.exec(line)?.[0] ?? '');
    const trimmed = line.replace(GO_LEADING_SPACE, '');
    // Comments, also inside a continued instruction; empty lines there are skipped too.
    if (trimmed.startsWith('#') || (cur !== undefined && trimmed === '')) continue;
    if (cur === undefined && trimmed === '') continue;
    const m = continuation.exec(line);
    const body = m ? line.slice(0, m.index) + (m[1] ?? '') : line;
    const part = {
      offset: offset + lead.length,
      body: body.slice(lead.length),
      at: cur?.text.length ?? 0,
    };
    if (cur) {
      cur.text += part.body;
      cur.parts.push(part);
    } else cur = { line: i + 1, text: part.body, parts: [part] };
    if (!m) {
      out.push(cur);
      i = skipHeredocs(cur, i);
      cur = undefined;
    }
  }
  // Continued to the end of the file: BuildKit still reads the line, and its heredocs.
  if (cur) {
    out.push(cur);
    skipHeredocs(cur, lines.length - 1);
  }
  return out;
}

/** The escape character the parser directives at the top set (`\\` unless one says otherwise). */
function escapeDirective(file: string, lines: string[], bom: number): string {
  let escape = '\\';
  const seen = new Set<string>();
  for (const [i, raw] of lines.entries()) {
    const line = trimNewlineEnd(i === 0 ? raw.slice(bom) : raw).replace(GO_LEADING_SPACE, '');
    if (!line.startsWith('#')) break;
    const d = DIRECTIVE.exec(line.slice(1).replace(GO_LEADING_SPACE, ''));
    if (!d) break;
    const key = d[1].toLowerCase();
    const value = trimBlanksEnd(d[2]);
    if (!KNOWN_DIRECTIVES.has(key)) break;
    if (seen.has(key))
      throw manifestError(file, i + 1, `only one ${key} parser directive can be used`);
    seen.add(key);
    if (key === 'escape') {
      if (value !== '`' && value !== '\\')
        throw manifestError(file, i + 1, `escape token '${value.slice(0, 20)}' is not \` or \\`);
      escape = value;
    }
  }
  return escape;
}

/** Without trailing CRs and LFs (BuildKit's trimNewline), in linear time. */
function trimNewlineEnd(v: string): string {
  let end = v.length;
  while (end > 0 && (v[end - 1] === '\r' || v[end - 1] === '\n')) end--;
  return v.slice(0, end);
}

/** Without trailing tabs, newlines, form feeds, CRs and spaces (Go's `\s`), in linear time. */
function trimBlanksEnd(v: string): string {
  let end = v.length;
  while (end > 0 && '\t\n\f\r '.includes(v[end - 1])) end--;
  return v.slice(0, end);
}

/**
 * The instruction's words (the instruction itself first), each with its index in `text`: split
 * on BuildKit's joined line (splitCommand trims it with Go's white space, then splits on
 * `[\t\v\f\r ]+`), so `FR\` + `OM evil` is `FROM evil` and `FROM alpine\` + `.evil/x:1` names
 * `alpine.evil/x:1`, as BuildKit reads them. `fileSpan` places an index in the file.
 */
function placedWords(ins: Instruction): Array<{ text: string; start: number }> {
  const lead = GO_LEADING_SPACE.exec(ins.text)?.[0].length ?? 0;
  let end = ins.text.length;
  while (end > lead && isGoSpace(ins.text[end - 1])) end--;
  const out: Array<{ text: string; start: number }> = [];
  for (const m of ins.text.slice(lead, end).matchAll(WORD))
    out.push({ text: m[0], start: lead + m.index });
  return out;
}

/** Where `length` characters of `ins.text` from `from` are in the file (across its lines). */
function fileSpan(ins: Instruction, from: number, length: number): TextSpan {
  const at = (k: number): number => {
    // The last part starting at or before k (a binary search: an instruction may span many lines).
    let lo = 0;
    let hi = ins.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ins.parts[mid].at <= k) lo = mid;
      else hi = mid - 1;
    }
    return ins.parts[lo].offset + (k - ins.parts[lo].at);
  };
  const start = length > 0 || from === 0 ? at(from) : at(from - 1) + 1;
  return { start, end: length > 0 ? at(from + length - 1) + 1 : start };
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
