// Which heredocs BuildKit reads on a Dockerfile instruction, ported from moby/buildkit
// frontend/dockerfile/parser/parser.go (`Parse`, `Node.canContainHeredoc`, `heredocsFromLine`,
// `ParseHeredoc`, `heredocFromMatch`), split_command.go (`splitCommand`, `extractBuilderFlags`),
// line_parsers.go (`parseJSON`, `parseSubCommand`) and frontend/dockerfile/shell/lex.go (the
// word splitter both heredoc passes use). The lines after such an instruction, up to each
// heredoc's terminator, are file or script content, never instructions: reading them as
// instructions let a stage name written in a heredoc shadow a real FROM, and a terminator that
// looks like a comment join the next real FROM to the body's last line.
//
// The rules, as BuildKit has them:
// - only RUN, COPY and ADD (also as `ONBUILD RUN|COPY|ADD`), and not in their JSON form, and only
//   when the joined line (continuations already joined, as the instruction was read) holds `<<`;
// - the whole line is split into words by BuildKit's shell lexer with `\` as its escape whatever
//   the escape directive says, quotes and escapes kept; if that lexer fails (an unbalanced quote,
//   a bad `${…}`), the line has no heredocs at all;
// - each word matching `^(\d*)<<(-?)\s*([^<]*)$` whose rest lexes to exactly one word is a
//   heredoc named by that word, quotes removed (`<<"EOF"`, `<<'EOF'`, `<<EO"F"` are `EOF`;
//   `<< EOF` is one word to the lexer and a heredoc, `<<- EOF` is two words and not one);
// - the heredocs are read in order, each body running from the line after the instruction (or
//   after the previous terminator) to the first line equal to its name, trailing CR/LF dropped
//   and, for `<<-`, leading tabs; nothing in a body is a comment, a continuation or a directive;
// - a heredoc without its terminator line before the end of the file fails the parse
//   ("unterminated heredoc"), as does a word `heredocFromMatch` cannot lex.

import { goTrimSpace, isGoSpace } from './go-space.js';

/** A heredoc BuildKit reads on an instruction: its terminator and whether `<<-` strips tabs. */
export interface HeredocWord {
  name: string;
  chomp: boolean;
}

/**
 * `strings.ToLower(word) == target` for an ASCII target, as Go lower-cases: rune by rune, and
 * the only non-ASCII runes whose lower case is ASCII are U+0130 (`i`) and U+212A (`k`).
 */
function goLowerIs(word: string, target: string): boolean {
  const runes = Array.from(word);
  if (runes.length !== target.length) return false;
  return runes.every((r, i) => {
    const lower =
      r === '\u0130' ? 'i' : r === '\u212a' ? 'k' : /^[A-Z]$/.test(r) ? r.toLowerCase() : r;
    return lower === target[i];
  });
}

const HEREDOC_COMMANDS = ['add', 'copy', 'run'];

/**
 * The heredocs BuildKit reads after the instruction `line` (as BuildKit joined it), in order.
 * Throws an Error with BuildKit's reason where BuildKit's parse fails on the line.
 */
export function heredocWords(line: string, escape: string): HeredocWord[] {
  if (!line.includes('<<') || !canContainHeredoc(line, escape)) return [];
  let words: string[];
  try {
    words = new ShellLex(true, true).processWords(line);
  } catch {
    return []; // heredocsFromLine drops the lexer's error: no words, no heredocs
  }
  const out: HeredocWord[] = [];
  for (const word of words) {
    const doc = parseHeredoc(word);
    if (doc) out.push(doc);
  }
  return out;
}

/** parser.go `ParseHeredoc` / `heredocFromMatch`, Go's RE2 `\d` and `\s` being ASCII. */
function parseHeredoc(word: string): HeredocWord | undefined {
  const m = /^([0-9]*)<<(-?)[\t\n\f\r ]*([^<]*)$/.exec(word);
  if (!m || m[3] === '') return undefined;
  const rest = m[3];
  const words = new ShellLex(false, false).processWords(rest);
  if (words.length !== 1) return undefined;
  const raw = new ShellLex(true, false).processWords(rest);
  if (raw.length !== words.length)
    throw new Error(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  return { name: words[0], chomp: m[2] === '-' };
}

/** `Node.canContainHeredoc` on the node `newNodeFromLine` makes of the line. */
function canContainHeredoc(line: string, escape: string): boolean {
  let { cmd, args } = splitCommand(line, escape);
  // ONBUILD's subcommand (parseSubCommand): an empty rest leaves ONBUILD itself.
  if (goLowerIs(cmd, 'onbuild') && args !== '') ({ cmd, args } = splitCommand(args, escape));
  if (!HEREDOC_COMMANDS.some((c) => goLowerIs(cmd, c))) return false;
  return !isJsonArray(args);
}

/** split_command.go `splitCommand`: the command word and what follows its leading flags. */
function splitCommand(line: string, escape: string): { cmd: string; args: string } {
  const trimmed = goTrimSpace(line);
  const ws = /[\t\v\f\r ]+/.exec(trimmed);
  if (!ws) return { cmd: trimmed, args: '' };
  const cmd = trimmed.slice(0, ws.index);
  return { cmd, args: goTrimSpace(afterFlags(trimmed.slice(ws.index + ws[0].length), escape)) };
}

/** Bytes Go's unicode.IsSpace accepts when extractBuilderFlags casts a single byte to a rune. */
const isSpaceByte = (b: number): boolean =>
  b === 0x20 || (b >= 0x09 && b <= 0x0d) || b === 0x85 || b === 0xa0;

/**
 * split_command.go `extractBuilderFlags`, returning only the rest of the line. It walks UTF-8
 * bytes, so a multi-byte character's 0x85 or 0xA0 byte counts as white space, as it does there.
 */
function afterFlags(line: string, escape: string): string {
  const b = Buffer.from(line, 'utf8');
  const rest = (pos: number): string => b.subarray(pos).toString('utf8');
  const esc = escape.charCodeAt(0);
  const dash = 0x2d;
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word: number[] = [];
  let quote = 0;
  for (let pos = 0; pos <= b.length; pos++) {
    let ch = pos < b.length ? b[pos] : -1;
    if (phase === 'spaces') {
      if (pos === b.length) break;
      if (isSpaceByte(ch)) continue;
      if (ch !== dash || pos + 1 === b.length || b[pos + 1] !== dash) return rest(pos);
      phase = 'word';
    }
    if (pos === b.length) break;
    if (phase === 'word') {
      if (isSpaceByte(ch)) {
        phase = 'spaces';
        if (word.length === 2 && word[0] === dash && word[1] === dash) return rest(pos);
        word = [];
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        quote = ch;
        phase = 'quote';
        continue;
      }
      if (ch === esc) {
        if (pos + 1 === b.length) continue;
        ch = b[++pos];
      }
      word.push(ch);
      continue;
    }
    if (ch === quote) {
      phase = 'word';
      continue;
    }
    if (ch === esc) {
      if (pos + 1 === b.length) {
        phase = 'word';
        continue;
      }
      ch = b[++pos];
    }
    word.push(ch);
  }
  return '';
}

/** line_parsers.go `parseJSON` succeeding: a JSON array of strings. */
function isJsonArray(args: string): boolean {
  if (!args.startsWith('[')) return false;
  try {
    const v: unknown = JSON.parse(args);
    return Array.isArray(v) && v.every((s) => typeof s === 'string');
  } catch {
    return false;
  }
}

const EOF = '';

/**
 * frontend/dockerfile/shell/lex.go `Lex.ProcessWords` with `\` as escape, no variables set and
 * SkipUnsetEnv (every `$…` kept as written), over Go text/scanner's runes (a leading U+FEFF
 * dropped). Ported with its quirk: a nested `${…}` resets the word buffer it shares with the
 * word it is in. Throws where the Go lexer returns an error.
 */
class ShellLex {
  private src: string[] = [];
  private pos = 0;
  private buf = '';
  private rawEscapes = false;
  constructor(
    private readonly rawQuotes: boolean,
    private readonly rawEscapesDefault: boolean,
  ) {}

  processWords(word: string): string[] {
    this.src = Array.from(word);
    this.pos = this.src[0] === '\ufeff' ? 1 : 0;
    this.rawEscapes = this.rawEscapesDefault;
    return this.processStopOn(EOF, this.rawEscapes).words;
  }

  private peek(): string {
    return this.pos < this.src.length ? this.src[this.pos] : EOF;
  }

  private next(): string {
    return this.pos < this.src.length ? this.src[this.pos++] : EOF;
  }

  private processStopOn(stop: string, rawEscapes: boolean): { result: string; words: string[] } {
    let result = '';
    this.buf = '';
    const w = { words: [] as string[], inWord: false };
    const addChar = (ch: string): void => {
      if (isGoSpace(ch)) {
        if (w.inWord && this.buf.length !== 0) {
          w.words.push(this.buf);
          this.buf = '';
          w.inWord = false;
        }
      } else {
        this.buf += ch;
        w.inWord = true;
      }
    };
    const addRaw = (s: string): void => {
      this.buf += s;
      w.inWord = true;
    };
    const getWords = (): string[] => {
      if (this.buf.length > 0) {
        w.words.push(this.buf);
        this.buf = '';
        w.inWord = false;
      }
      return w.words;
    };
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      while (this.peek() !== EOF) {
        let ch = this.peek();
        if (stop !== EOF && ch === stop) {
          this.next();
          return { result, words: getWords() };
        }
        if (ch === '$' || ch === '<' || ch === "'" || ch === '"') {
          const tmp =
            ch === '$'
              ? this.processDollar()
              : ch === '<'
                ? this.processPossibleHeredoc()
                : ch === "'"
                  ? this.processSingleQuote()
                  : this.processDoubleQuote();
          result += tmp;
          if (ch === '$') for (const c of tmp) addChar(c);
          else addRaw(tmp);
          continue;
        }
        ch = this.next();
        if (ch === '\\') {
          if (this.rawEscapes) {
            addRaw(ch);
            result += ch;
          }
          ch = this.next();
          if (ch === EOF) break;
          addRaw(ch);
        } else addChar(ch);
        result += ch;
      }
      if (stop !== EOF) throw new Error(`unexpected end of statement looking for ${stop}`);
      return { result, words: getWords() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  private processSingleQuote(): string {
    let result = '';
    let ch = this.next();
    if (this.rawQuotes) result += ch;
    for (;;) {
      ch = this.next();
      if (ch === EOF) throw new Error('unexpected end of statement looking for a single quote');
      if (ch === "'") return this.rawQuotes ? result + ch : result;
      result += ch;
    }
  }

  private processDoubleQuote(): string {
    let result = '';
    const open = this.next();
    if (this.rawQuotes) result += open;
    for (;;) {
      const peek = this.peek();
      if (peek === EOF) throw new Error('unexpected end of statement looking for a double quote');
      if (peek === '"') {
        const ch = this.next();
        return this.rawQuotes ? result + ch : result;
      }
      if (peek === '$') {
        result += this.processDollar();
        continue;
      }
      let ch = this.next();
      if (ch === '\\') {
        if (this.rawEscapes) result += ch;
        const after = this.peek();
        if (after === EOF) continue;
        if (after === '"' || after === '$' || after === '\\') ch = this.next();
      }
      result += ch;
    }
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      return name === '' ? '$' : `$${name}`;
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new Error("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':')
      throw new Error('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    let chs = ch;
    if (ch === '}') return `\${${name}}`;
    if (ch === ':' || ch === '+' || ch === '-' || ch === '?' || ch === '#' || ch === '%') {
      const nullIsUnset = ch === ':';
      if (nullIsUnset) {
        ch = this.next(); // and, as Go's fallthrough, whatever it is
        chs += ch;
      }
      const raw = ch === '#' || ch === '%';
      if (nullIsUnset && raw) throw new Error(`unsupported modifier (${chs}) in substitution`);
      const word = this.processStopOn('}', raw).result;
      return `\${${name}${chs}${word}}`;
    }
    if (ch === '/') {
      if (this.peek() === '/') this.next();
      const pattern = this.processStopOn('/', true).result;
      const replacement = this.processStopOn('}', true).result;
      return `\${${name}/${pattern}/${replacement}}`;
    }
    throw new Error(`unsupported modifier (${chs}) in substitution`);
  }

  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name === '' && /^\p{Nd}$/u.test(ch)) {
        while (this.peek() !== EOF && /^\p{Nd}$/u.test(this.peek())) name += this.next();
        return name;
      }
      if (name === '' && '@*#?-$!0'.includes(ch)) return this.next();
      if (!/^[\p{L}\p{Nd}_]$/u.test(ch)) break;
      name += this.next();
    }
    return name;
  }

  private processPossibleHeredoc(): string {
    this.next();
    if (this.peek() !== '<') return '<';
    this.next();
    let space = '';
    while (this.peek() === '\t' || this.peek() === '\r' || this.peek() === ' ')
      space += this.next();
    return `<<${space}`;
  }
}
