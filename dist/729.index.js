export const id = 729;
export const ids = [729];
export const modules = {

/***/ 41729:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  findImages: () => (/* binding */ findImages),
  groupSources: () => (/* binding */ groupSources)
});

// UNUSED EXPORTS: decodeText, readFiles

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(62807);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./build/core/manifests/go-space.js
// Go's white space (unicode.IsSpace), which BuildKit and kubectl trim with: JavaScript's `trim`
// differs (it trims U+FEFF and keeps U+0085), and a line one reader trims and the other does not
// is read two ways. One definition for the Dockerfile and YAML readers.
const CLASS = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const ONE = new RegExp(`^[${CLASS}]$`);
/** A run of Go white space at the start of a string. */
const GO_LEADING_SPACE = new RegExp(`^[${CLASS}]+`);
const isGoSpace = (ch) => ch !== undefined && ONE.test(ch);
/** Go's strings.TrimSpace, in linear time (a regular expression backtracks on long blank runs). */
function goTrimSpace(s) {
    let start = 0;
    let end = s.length;
    while (start < end && isGoSpace(s[start]))
        start++;
    while (end > start && isGoSpace(s[end - 1]))
        end--;
    return s.slice(start, end);
}
//# sourceMappingURL=go-space.js.map
;// CONCATENATED MODULE: ./build/core/manifests/dockerfile-heredoc.js
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
//   a bad `${\u2026}`), the line has no heredocs at all;
// - each word matching `^(\d*)<<(-?)\s*([^<]*)$` whose rest lexes to exactly one word is a
//   heredoc named by that word, quotes removed (`<<"EOF"`, `<<'EOF'`, `<<EO"F"` are `EOF`;
//   `<< EOF` is one word to the lexer and a heredoc, `<<- EOF` is two words and not one);
// - the heredocs are read in order, each body running from the line after the instruction (or
//   after the previous terminator) to the first line equal to its name, trailing CR/LF dropped
//   and, for `<<-`, leading tabs; nothing in a body is a comment, a continuation or a directive;
// - a heredoc without its terminator line before the end of the file fails the parse
//   ("unterminated heredoc"), as does a word `heredocFromMatch` cannot lex.

/**
 * `strings.ToLower(word) == target` for an ASCII target, as Go lower-cases: rune by rune, and
 * the only non-ASCII runes whose lower case is ASCII are U+0130 (`i`) and U+212A (`k`).
 */
function goLowerIs(word, target) {
    const runes = Array.from(word);
    if (runes.length !== target.length)
        return false;
    return runes.every((r, i) => {
        const lower = r === '\u0130' ? 'i' : r === '\u212a' ? 'k' : /^[A-Z]$/.test(r) ? r.toLowerCase() : r;
        return lower === target[i];
    });
}
const HEREDOC_COMMANDS = ['add', 'copy', 'run'];
/**
 * The heredocs BuildKit reads after the instruction `line` (as BuildKit joined it), in order.
 * Throws an Error with BuildKit's reason where BuildKit's parse fails on the line.
 */
function heredocWords(line, escape) {
    if (!line.includes('<<') || !canContainHeredoc(line, escape))
        return [];
    let words;
    try {
        words = new ShellLex(true, true).processWords(line);
    }
    catch {
        return []; // heredocsFromLine drops the lexer's error: no words, no heredocs
    }
    const out = [];
    for (const word of words) {
        const doc = parseHeredoc(word);
        if (doc)
            out.push(doc);
    }
    return out;
}
/** parser.go `ParseHeredoc` / `heredocFromMatch`, Go's RE2 `\d` and `\s` being ASCII. */
function parseHeredoc(word) {
    const m = /^([0-9]*)<<(-?)[\t\n\f\r ]*([^<]*)$/.exec(word);
    if (!m || m[3] === '')
        return undefined;
    const rest = m[3];
    const words = new ShellLex(false, false).processWords(rest);
    if (words.length !== 1)
        return undefined;
    const raw = new ShellLex(true, false).processWords(rest);
    if (raw.length !== words.length)
        throw new Error(`internal lexing of heredoc produced inconsistent results: ${rest}`);
    return { name: words[0], chomp: m[2] === '-' };
}
/** `Node.canContainHeredoc` on the node `newNodeFromLine` makes of the line. */
function canContainHeredoc(line, escape) {
    let { cmd, args } = splitCommand(line, escape);
    // ONBUILD's subcommand (parseSubCommand): an empty rest leaves ONBUILD itself.
    if (goLowerIs(cmd, 'onbuild') && args !== '')
        ({ cmd, args } = splitCommand(args, escape));
    if (!HEREDOC_COMMANDS.some((c) => goLowerIs(cmd, c)))
        return false;
    return !isJsonArray(args);
}
/** split_command.go `splitCommand`: the command word and what follows its leading flags. */
function splitCommand(line, escape) {
    const trimmed = goTrimSpace(line);
    const ws = /[\t\v\f\r ]+/.exec(trimmed);
    if (!ws)
        return { cmd: trimmed, args: '' };
    const cmd = trimmed.slice(0, ws.index);
    return { cmd, args: goTrimSpace(afterFlags(trimmed.slice(ws.index + ws[0].length), escape)) };
}
/** Bytes Go's unicode.IsSpace accepts when extractBuilderFlags casts a single byte to a rune. */
const isSpaceByte = (b) => b === 0x20 || (b >= 0x09 && b <= 0x0d) || b === 0x85 || b === 0xa0;
/**
 * split_command.go `extractBuilderFlags`, returning only the rest of the line. It walks UTF-8
 * bytes, so a multi-byte character's 0x85 or 0xA0 byte counts as white space, as it does there.
 */
function afterFlags(line, escape) {
    const b = Buffer.from(line, 'utf8');
    const rest = (pos) => b.subarray(pos).toString('utf8');
    const esc = escape.charCodeAt(0);
    const dash = 0x2d;
    let phase = 'spaces';
    let word = [];
    let quote = 0;
    for (let pos = 0; pos <= b.length; pos++) {
        let ch = pos < b.length ? b[pos] : -1;
        if (phase === 'spaces') {
            if (pos === b.length)
                break;
            if (isSpaceByte(ch))
                continue;
            if (ch !== dash || pos + 1 === b.length || b[pos + 1] !== dash)
                return rest(pos);
            phase = 'word';
        }
        if (pos === b.length)
            break;
        if (phase === 'word') {
            if (isSpaceByte(ch)) {
                phase = 'spaces';
                if (word.length === 2 && word[0] === dash && word[1] === dash)
                    return rest(pos);
                word = [];
                continue;
            }
            if (ch === 0x27 || ch === 0x22) {
                quote = ch;
                phase = 'quote';
                continue;
            }
            if (ch === esc) {
                if (pos + 1 === b.length)
                    continue;
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
function isJsonArray(args) {
    if (!args.startsWith('['))
        return false;
    try {
        const v = JSON.parse(args);
        return Array.isArray(v) && v.every((s) => typeof s === 'string');
    }
    catch {
        return false;
    }
}
const EOF = '';
/**
 * frontend/dockerfile/shell/lex.go `Lex.ProcessWords` with `\` as escape, no variables set and
 * SkipUnsetEnv (every `$\u2026` kept as written), over Go text/scanner's runes (a leading U+FEFF
 * dropped). Ported with its quirk: a nested `${\u2026}` resets the word buffer it shares with the
 * word it is in. Throws where the Go lexer returns an error.
 */
class ShellLex {
    rawQuotes;
    rawEscapesDefault;
    src = [];
    pos = 0;
    buf = '';
    rawEscapes = false;
    constructor(rawQuotes, rawEscapesDefault) {
        this.rawQuotes = rawQuotes;
        this.rawEscapesDefault = rawEscapesDefault;
    }
    processWords(word) {
        this.src = Array.from(word);
        this.pos = this.src[0] === '\ufeff' ? 1 : 0;
        this.rawEscapes = this.rawEscapesDefault;
        return this.processStopOn(EOF, this.rawEscapes).words;
    }
    peek() {
        return this.pos < this.src.length ? this.src[this.pos] : EOF;
    }
    next() {
        return this.pos < this.src.length ? this.src[this.pos++] : EOF;
    }
    processStopOn(stop, rawEscapes) {
        let result = '';
        this.buf = '';
        const w = { words: [], inWord: false };
        const addChar = (ch) => {
            if (isGoSpace(ch)) {
                if (w.inWord && this.buf.length !== 0) {
                    w.words.push(this.buf);
                    this.buf = '';
                    w.inWord = false;
                }
            }
            else {
                this.buf += ch;
                w.inWord = true;
            }
        };
        const addRaw = (s) => {
            this.buf += s;
            w.inWord = true;
        };
        const getWords = () => {
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
                    const tmp = ch === '$'
                        ? this.processDollar()
                        : ch === '<'
                            ? this.processPossibleHeredoc()
                            : ch === "'"
                                ? this.processSingleQuote()
                                : this.processDoubleQuote();
                    result += tmp;
                    if (ch === '$')
                        for (const c of tmp)
                            addChar(c);
                    else
                        addRaw(tmp);
                    continue;
                }
                ch = this.next();
                if (ch === '\\') {
                    if (this.rawEscapes) {
                        addRaw(ch);
                        result += ch;
                    }
                    ch = this.next();
                    if (ch === EOF)
                        break;
                    addRaw(ch);
                }
                else
                    addChar(ch);
                result += ch;
            }
            if (stop !== EOF)
                throw new Error(`unexpected end of statement looking for ${stop}`);
            return { result, words: getWords() };
        }
        finally {
            this.rawEscapes = saved;
        }
    }
    processSingleQuote() {
        let result = '';
        let ch = this.next();
        if (this.rawQuotes)
            result += ch;
        for (;;) {
            ch = this.next();
            if (ch === EOF)
                throw new Error('unexpected end of statement looking for a single quote');
            if (ch === "'")
                return this.rawQuotes ? result + ch : result;
            result += ch;
        }
    }
    processDoubleQuote() {
        let result = '';
        const open = this.next();
        if (this.rawQuotes)
            result += open;
        for (;;) {
            const peek = this.peek();
            if (peek === EOF)
                throw new Error('unexpected end of statement looking for a double quote');
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
                if (this.rawEscapes)
                    result += ch;
                const after = this.peek();
                if (after === EOF)
                    continue;
                if (after === '"' || after === '$' || after === '\\')
                    ch = this.next();
            }
            result += ch;
        }
    }
    processDollar() {
        this.next();
        if (this.peek() !== '{') {
            const name = this.processName();
            return name === '' ? '$' : `$${name}`;
        }
        this.next();
        const first = this.peek();
        if (first === EOF)
            throw new Error("syntax error: missing '}'");
        if (first === '{' || first === '}' || first === ':')
            throw new Error('syntax error: bad substitution');
        const name = this.processName();
        let ch = this.next();
        let chs = ch;
        if (ch === '}')
            return `\${${name}}`;
        if (ch === ':' || ch === '+' || ch === '-' || ch === '?' || ch === '#' || ch === '%') {
            const nullIsUnset = ch === ':';
            if (nullIsUnset) {
                ch = this.next(); // and, as Go's fallthrough, whatever it is
                chs += ch;
            }
            const raw = ch === '#' || ch === '%';
            if (nullIsUnset && raw)
                throw new Error(`unsupported modifier (${chs}) in substitution`);
            const word = this.processStopOn('}', raw).result;
            return `\${${name}${chs}${word}}`;
        }
        if (ch === '/') {
            if (this.peek() === '/')
                this.next();
            const pattern = this.processStopOn('/', true).result;
            const replacement = this.processStopOn('}', true).result;
            return `\${${name}/${pattern}/${replacement}}`;
        }
        throw new Error(`unsupported modifier (${chs}) in substitution`);
    }
    processName() {
        let name = '';
        while (this.peek() !== EOF) {
            const ch = this.peek();
            if (name === '' && /^\p{Nd}$/u.test(ch)) {
                while (this.peek() !== EOF && /^\p{Nd}$/u.test(this.peek()))
                    name += this.next();
                return name;
            }
            if (name === '' && '@*#?-$!0'.includes(ch))
                return this.next();
            if (!/^[\p{L}\p{Nd}_]$/u.test(ch))
                break;
            name += this.next();
        }
        return name;
    }
    processPossibleHeredoc() {
        this.next();
        if (this.peek() !== '<')
            return '<';
        this.next();
        let space = '';
        while (this.peek() === '\t' || this.peek() === '\r' || this.peek() === ' ')
            space += this.next();
        return `<<${space}`;
    }
}
//# sourceMappingURL=dockerfile-heredoc.js.map
;// CONCATENATED MODULE: ./build/core/manifests/types.js
// What a reader finds: one image reference per occurrence, with where it is written, and the
// error a reader throws for a file it cannot read (USAGE, naming the file and the line).

function manifestError(file, line, msg) {
    return new errors/* GateError */.ue('USAGE', `${file}${line !== undefined ? `:${line}` : ''}: ${msg}`);
}
//# sourceMappingURL=types.js.map
;// CONCATENATED MODULE: ./build/core/manifests/dockerfile.js
// Dockerfiles: the image each `FROM` names, with `--platform=` flags dropped, `ARG` defaults
// declared before the first FROM substituted (`$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR:+a}`), and
// `scratch` and earlier stage names skipped. Line continuations (the `escape` directive's
// character, `\` by default) join lines with nothing between them, as BuildKit joins them; the
// line given is where the instruction starts. Heredoc bodies are skipped (dockerfile-heredoc.ts).
// The span of `FROM $BASE` is the ARG default's text: that is where the reference is written.



function readDockerfile(file, text) {
    const found = [];
    const args = new Map();
    // Where each ARG default is written: `FROM $BASE` is pinned there (see below).
    const argSpans = new Map();
    const stages = new Set();
    const list = instructions(file, text);
    // Every stage name: COPY --from and RUN --mount from= may name any stage (BuildKit looks them
    // up among all stages); what is not a stage is an image the build pulls.
    const allStages = new Set();
    for (const ins of list) {
        const words = placedWords(ins).filter((w) => !w.text.startsWith('--'));
        if (words[0]?.text.toUpperCase() === 'FROM' &&
            words[2]?.text.toUpperCase() === 'AS' &&
            words[3])
            allStages.add(words[3].text.toLowerCase());
    }
    /** A reference as written at `start`, ARG defaults substituted; `span` where it is written. */
    const reference = (raw, start, ins, what) => {
        // `FROM $BASE` or `FROM ${BASE}` names the ARG default's text, so that is the reference as
        // written (and what `pin` rewrites); any other use of a variable is not a literal reference.
        const whole = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(raw);
        const span = (whole && argSpans.get(whole[1] ?? whole[2])) ?? fileSpan(ins, start, raw.length);
        let image;
        try {
            image = substitute(raw, args);
        }
        catch (e) {
            throw manifestError(file, ins.line, `${what}${raw}: ${e.message}`);
        }
        if (image === '')
            throw manifestError(file, ins.line, `${what}${raw}: substitutes to nothing`);
        return { image, span };
    };
    /** `--from=` of COPY or a `--mount`: an image unless it names a stage (or a stage's index). */
    const pulled = (raw, start, ins, what) => {
        const { image, span } = reference(raw, start, ins, what);
        const name = image.toLowerCase();
        if (name === 'scratch' || allStages.has(name) || /^\d+$/.test(name))
            return;
        found.push({ image, file, line: ins.line, kind: 'dockerfile', span });
    };
    let seenFrom = false;
    for (const ins of list) {
        const op = (placedWords(ins)[0]?.text ?? '').toUpperCase();
        if (op === 'FROM' || op === 'COPY' || op === 'RUN')
            checkPlainFlags(file, ins, op);
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
                if (eq < 0)
                    continue;
                const flag = w.text.slice(2, eq).toLowerCase();
                if (op === 'COPY' && flag === 'from')
                    pulled(w.text.slice(eq + 1), w.start + eq + 1, ins, 'COPY --from=');
                if (op === 'RUN' && flag === 'mount') {
                    // `type=bind,from=IMAGE,source=\u2026`: comma-separated key=value fields.
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
        if (op !== 'FROM')
            continue;
        seenFrom = true;
        const placed = placedWords(ins).slice(1);
        const words = placed.filter((w) => !w.text.startsWith('--'));
        if (words.length === 0)
            throw manifestError(file, ins.line, 'FROM names no image');
        const [raw, as, stage] = words.map((w) => w.text);
        const { image, span } = reference(raw, words[0].start, ins, 'FROM ');
        const base = image.toLowerCase();
        const skip = base === 'scratch' || stages.has(base);
        if (as?.toUpperCase() === 'AS' && stage)
            stages.add(stage.toLowerCase());
        if (!skip)
            found.push({ image, file, line: ins.line, kind: 'dockerfile', span });
    }
    return found;
}
/**
 * The flags that lead FROM, COPY and RUN, written so that splitting at blanks reads them as
 * BuildKit does. BuildKit's extractBuilderFlags (frontend/dockerfile/parser/split_command.go)
 * removes quotes and applies the escape character inside a `--` word, so `--fr\om=IMAGE`,
 * `--mount="target=/a b"` or `--chown=a\ b` is one flag there: read at blanks, a later
 * `--from=` or `--mount=\u2026from=` would be missed, or a FROM's image taken for its stage name.
 * It also tests each byte with Go's unicode.IsSpace, so a UTF-8 byte 0x85 or 0xA0 splits a word
 * there. A flag with a quote, either escape character or a byte that is not printable ASCII is
 * refused (exit 2), never read differently.
 */
function checkPlainFlags(file, ins, op) {
    for (const w of placedWords(ins).slice(1)) {
        if (!w.text.startsWith('--'))
            return;
        if (/["'\\`]|[^\x21-\x7e]/.test(w.text))
            throw manifestError(file, ins.line, `${op} flag ${JSON.stringify(w.text.length > 80 ? `${w.text.slice(0, 80)}\u2026` : w.text)} has a quote, an escape character or a non-ASCII byte, which BuildKit reads differently from a plain word: write the flag without them`);
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
 * The bodies of an instruction's heredocs (`RUN <<EOF` \u2026 `EOF`, see dockerfile-heredoc.ts) are
 * content, not instructions: `Parse` reads them raw after the instruction, and so does this.
 */
function instructions(file, text) {
    const lines = text.split('\n');
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const escape = escapeDirective(file, lines, bom);
    const e = escape === '`' ? '`' : '\\\\';
    const continuation = new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`);
    const out = [];
    let cur;
    let next = 0;
    /**
     * After an instruction whose last line is `last`, skips its heredocs' bodies and terminators
     * as BuildKit's `Parse` does (moby/buildkit frontend/dockerfile/parser/parser.go: each body
     * runs to the first line equal to the heredoc's word, trailing CR/LF dropped and, for `<<-`,
     * leading tabs; one without that line fails the parse, "unterminated heredoc"). Returns the
     * index of the last line consumed.
     */
    const skipHeredocs = (ins, last) => {
        const line = ins.text;
        if (line.includes('<<') && line.includes('\ufffd'))
            // Bytes that are not UTF-8 were decoded to U+FFFD; BuildKit reads them byte by byte
            // (flags, terminators), so where a heredoc ends cannot be told from the decoded text.
            throw manifestError(file, ins.line, 'a heredoc line with bytes that are not UTF-8 is not read');
        let docs;
        try {
            docs = heredocWords(line, escape);
        }
        catch (err) {
            throw manifestError(file, ins.line, `heredoc: ${err.message} (BuildKit refuses it)`);
        }
        let j = last;
        for (const doc of docs) {
            for (;;) {
                j++;
                if (j >= lines.length)
                    throw manifestError(file, ins.line, `unterminated heredoc <<${doc.chomp ? '-' : ''}${doc.name} (BuildKit refuses it)`);
                next += lines[j].length + 1;
                const candidate = trimNewlineEnd(lines[j]);
                if ((doc.chomp ? candidate.replace(/^\t+/, '') : candidate) === doc.name)
                    break;
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
        if (trimmed.startsWith('#') || (cur !== undefined && trimmed === ''))
            continue;
        if (cur === undefined && trimmed === '')
            continue;
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
        }
        else
            cur = { line: i + 1, text: part.body, parts: [part] };
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
function escapeDirective(file, lines, bom) {
    let escape = '\\';
    const seen = new Set();
    for (const [i, raw] of lines.entries()) {
        const line = trimNewlineEnd(i === 0 ? raw.slice(bom) : raw).replace(GO_LEADING_SPACE, '');
        if (!line.startsWith('#'))
            break;
        const d = DIRECTIVE.exec(line.slice(1).replace(GO_LEADING_SPACE, ''));
        if (!d)
            break;
        const key = d[1].toLowerCase();
        const value = trimBlanksEnd(d[2]);
        if (!KNOWN_DIRECTIVES.has(key))
            break;
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
function trimNewlineEnd(v) {
    let end = v.length;
    while (end > 0 && (v[end - 1] === '\r' || v[end - 1] === '\n'))
        end--;
    return v.slice(0, end);
}
/** Without trailing tabs, newlines, form feeds, CRs and spaces (Go's `\s`), in linear time. */
function trimBlanksEnd(v) {
    let end = v.length;
    while (end > 0 && '\t\n\f\r '.includes(v[end - 1]))
        end--;
    return v.slice(0, end);
}
/**
 * The instruction's words (the instruction itself first), each with its index in `text`: split
 * on BuildKit's joined line (splitCommand trims it with Go's white space, then splits on
 * `[\t\v\f\r ]+`), so `FR\` + `OM evil` is `FROM evil` and `FROM alpine\` + `.evil/x:1` names
 * `alpine.evil/x:1`, as BuildKit reads them. `fileSpan` places an index in the file.
 */
function placedWords(ins) {
    const lead = GO_LEADING_SPACE.exec(ins.text)?.[0].length ?? 0;
    let end = ins.text.length;
    while (end > lead && isGoSpace(ins.text[end - 1]))
        end--;
    const out = [];
    for (const m of ins.text.slice(lead, end).matchAll(WORD))
        out.push({ text: m[0], start: lead + m.index });
    return out;
}
/** Where `length` characters of `ins.text` from `from` are in the file (across its lines). */
function fileSpan(ins, from, length) {
    const at = (k) => {
        // The last part starting at or before k (a binary search: an instruction may span many lines).
        let lo = 0;
        let hi = ins.parts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (ins.parts[mid].at <= k)
                lo = mid;
            else
                hi = mid - 1;
        }
        return ins.parts[lo].offset + (k - ins.parts[lo].at);
    };
    const start = length > 0 || from === 0 ? at(from) : at(from - 1) + 1;
    return { start, end: length > 0 ? at(from + length - 1) + 1 : start };
}
function unquote(v) {
    return /^(["']).*\1$/s.test(v) ? v.slice(1, -1) : v;
}
function substitute(word, args) {
    return word.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, arg, bare) => {
        const name = (braced ?? bare);
        const value = args.get(name);
        const unset = value === undefined || (op?.startsWith(':') === true && value === '');
        if (op?.endsWith('-'))
            return unset ? (arg ?? '') : value;
        if (op?.endsWith('+'))
            return unset ? '' : (arg ?? '');
        if (!args.has(name))
            throw new Error(`ARG ${name} is not declared before the first FROM`);
        if (value === undefined)
            throw new Error(`ARG ${name} has no default (build arguments are not known here)`);
        return value;
    });
}
//# sourceMappingURL=dockerfile.js.map
;// CONCATENATED MODULE: ./build/core/manifests/interpolate.js
// Compose interpolation (compose-spec interpolation.md): `$VAR`, `${VAR}`, `${VAR:-default}`,
// `${VAR-default}`, `${VAR:?err}`, `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}`, defaults that
// nest further expressions, and `$$` for a literal `$`. Compose substitutes an unset variable
// with "" and a warning; a gate must not verify `app:` instead of `app:1.2`, so here an unset
// variable without a default is an error, as are `?` and malformed expressions.
class InterpolationError extends Error {
}
/**
 * A reference reads `name`, which is set in the environment but not named in `compose-env`. A
 * file is untrusted input that chooses which variable it reads (`${NPM_TOKEN}` would send the
 * token to the registry the file names), so only the variables the user names are read. The
 * message names the variable, never its value. `via`: the `.env` line whose value read it.
 */
class EnvNotAllowedError extends InterpolationError {
    variable;
    via;
    constructor(variable, via) {
        super(`${via ? `reads ${via.key} from ${via.file}:${via.line} ('${via.text}'), which ` : ''}reads ${variable} from the environment, which compose-env does not allow; name it in compose-env (--compose-env ${variable}) if the deploy sets it`);
        this.variable = variable;
        this.via = via;
    }
}
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
function interpolate(text, lookup) {
    let out = '';
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c !== '$') {
            out += c;
            i++;
            continue;
        }
        const next = text[i + 1];
        if (next === '$') {
            out += '$';
            i += 2;
        }
        else if (next === '{') {
            const end = closingBrace(text, i + 2);
            if (end < 0)
                throw new InterpolationError(`unterminated '\${' in '${text}'`);
            out += braced(text.slice(i + 2, end), lookup);
            i = end + 1;
        }
        else {
            const m = NAME.exec(text.slice(i + 1));
            if (!m)
                throw new InterpolationError(`invalid interpolation format in '${text}' (a lone '$'; write '$$')`);
            out += required(m[0], lookup);
            i += 1 + m[0].length;
        }
    }
    return out;
}
/** The index of the `}` closing a `${` whose body starts at `from` (nested `${...}` skipped). */
function closingBrace(text, from) {
    let depth = 1;
    for (let j = from; j < text.length; j++) {
        if (text[j] === '$' && text[j + 1] === '$')
            j++;
        else if (text[j] === '$' && text[j + 1] === '{') {
            depth++;
            j++;
        }
        else if (text[j] === '}' && --depth === 0)
            return j;
    }
    return -1;
}
function braced(body, lookup) {
    const m = NAME.exec(body);
    if (!m)
        throw new InterpolationError(`invalid interpolation format '\${${body}}'`);
    const name = m[0];
    const rest = body.slice(name.length);
    if (rest === '')
        return required(name, lookup);
    const op = /^(:?[-?+])/.exec(rest)?.[1];
    if (op === undefined)
        throw new InterpolationError(`invalid interpolation format '\${${body}}'`);
    const arg = rest.slice(op.length);
    const value = lookup(name);
    const unset = op.startsWith(':') ? value === undefined || value === '' : value === undefined;
    switch (op.replace(':', '')) {
        case '-':
            return unset ? interpolate(arg, lookup) : value;
        case '+':
            return unset ? '' : interpolate(arg, lookup);
        default:
            if (unset)
                throw new InterpolationError(`required variable ${name} is ${value === undefined ? 'unset' : 'empty'}${arg ? `: ${interpolate(arg, lookup)}` : ''}`);
            return value;
    }
}
function required(name, lookup) {
    const v = lookup(name);
    if (v === undefined)
        throw new InterpolationError(`variable ${name} is not set and has no default`);
    return v;
}
/**
 * A `.env` file (Compose's env-file syntax): `KEY=VALUE` lines, `export ` allowed, `#` comments
 * (inline ones after a space, or after a closing quote), single quotes literal, double quotes with
 * `\n \t \\ \"` escapes; unquoted and double-quoted values interpolated from what is known so far.
 * With `refused`, a line whose value reads a variable the environment may not give
 * (EnvNotAllowedError) is not an error until something reads its key: the key maps to the
 * refusal (naming `file` and the line), so an unused line does not stop the run.
 */
function parseDotEnv(text, outer, refused) {
    const vars = new Map();
    const lookup = (n) => {
        const v = outer(n);
        if (v !== undefined)
            return v;
        const r = refused?.errors.get(n);
        if (r)
            throw r;
        return vars.get(n);
    };
    const lines = text.split(/\r?\n/);
    for (let n = 0; n < lines.length; n++) {
        const raw = lines[n].trim();
        if (raw === '' || raw.startsWith('#'))
            continue;
        const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(raw);
        if (!m)
            throw new InterpolationError(`.env line ${n + 1}: expected KEY=VALUE`);
        const [, key, rest] = m;
        let value;
        try {
            value = dotEnvValue(rest, lookup);
        }
        catch (e) {
            if (e instanceof InterpolationError && !(e instanceof EnvNotAllowedError))
                throw new InterpolationError(`.env line ${n + 1}: ${e.message}`);
            if (!(e instanceof EnvNotAllowedError) || !refused)
                throw e;
            // The first refusal in a chain is the one to name: the variable the environment gives.
            refused.errors.set(key, e.via
                ? e
                : new EnvNotAllowedError(e.variable, { file: refused.file, line: n + 1, key, text: raw }));
            vars.delete(key);
            continue;
        }
        refused?.errors.delete(key);
        vars.set(key, value);
    }
    return vars;
}
function dotEnvValue(rest, lookup) {
    if (rest.startsWith("'")) {
        const end = closingQuote(rest, "'");
        nothingAfterQuote(rest, end);
        return rest.slice(1, end).replace(/\\'/g, "'");
    }
    if (rest.startsWith('"')) {
        const end = closingQuote(rest, '"');
        nothingAfterQuote(rest, end);
        const body = rest
            .slice(1, end)
            .replace(/\\(["\\nrt$])/g, (_, e) => e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e === '$' ? '$$' : e);
        return interpolate(body, lookup);
    }
    return interpolate(rest.replace(/\s+#.*$/, '').trim(), lookup);
}
/**
 * compose-go's dotenv parser goes on reading after a closing quote (dotenv/parser.go
 * `extractVarValue` returns the rest, and `parse` loops on it), so `TAG="1.0" TAG=evil` sets TAG
 * to `evil` there; anything but blanks and a comment after the quote is refused here.
 */
function nothingAfterQuote(rest, end) {
    const after = rest.slice(end + 1);
    if (!/^\s*(?:#.*)?$/.test(after))
        throw new InterpolationError('text after the closing quote: docker compose reads it as more assignments; write one KEY=VALUE per line');
}
function closingQuote(s, q) {
    for (let i = 1; i < s.length; i++) {
        if (s[i] === '\\')
            i++;
        else if (s[i] === q)
            return i;
    }
    // The line is named by the caller; a .env value may be a secret, so it is never quoted.
    throw new InterpolationError(`unterminated ${q} quote`);
}
//# sourceMappingURL=interpolate.js.map
;// CONCATENATED MODULE: ./build/core/manifests/yaml-nodes.js
// YAML documents as nodes with line numbers: every multi-document stream (Compose, Kubernetes,
// helm template output, JSON) is parsed once here, and aliases and `<<` merge keys are followed
// on the node tree so each value keeps the line where its text is written.



function yaml_nodes_parseYamlStream(file, text) {
    refuseOtherBreaks(file, text);
    const lineCounter = new dist/* LineCounter */.HN();
    // Kubernetes and Compose are YAML 1.2 (JSON is a subset); `<<` is followed below by hand.
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter, prettyErrors: false });
    if (!Array.isArray(docs))
        return { docs: [], line: () => 1, span: () => undefined };
    for (const d of docs) {
        const err = d.errors[0];
        if (err) {
            const at = lineCounter.linePos(err.pos[0]).line;
            throw manifestError(file, at, `not valid YAML or JSON: ${err.message.split('\n')[0]}`);
        }
    }
    refuseHiddenSeparators(file, docs, text);
    const line = (node) => (node.range ? lineCounter.linePos(node.range[0]).line : 1);
    for (const d of docs)
        refuseHiddenKeys(file, d, line);
    return { docs, line, span: (node) => scalarSpan(text, node) };
}
/**
 * Refuses the characters kubectl's and Compose's YAML readers break lines at and this one does
 * not. yaml.v2 (kubectl, through sigs.k8s.io/yaml) and go-yaml v4 (compose-go) keep libyaml's
 * YAML 1.1 line breaks: a lone CR, NEL (U+0085), LS (U+2028) and PS (U+2029) end a line, so one
 * inside a `#` comment starts a line of YAML there, at column 0, which YAML 1.2 reads as comment
 * text: a pod spec or a service hidden from this reader. And a byte order mark after the start
 * (yaml.v2 drops one at each document's start) turned `apiVersion` into another key. None is
 * needed in a manifest (CRLF is read as LF by all of them): refused, naming the line.
 */
function refuseOtherBreaks(file, text) {
    // A byte order mark at the very start is the one every reader skips.
    OTHER_BREAKS.lastIndex = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const at = OTHER_BREAKS.exec(text);
    if (!at)
        return;
    const line = text.slice(0, at.index).split('\n').length;
    const c = at[0].charCodeAt(0);
    const what = c === 0x0d
        ? 'a carriage return not followed by a line feed'
        : c === 0xfeff
            ? 'a byte order mark (U+FEFF) after the start of the file'
            : `U+${c.toString(16).toUpperCase().padStart(4, '0')} (a line break to kubectl and Compose, not to YAML 1.2)`;
    throw manifestError(file, line, `${what}: kubectl and docker compose would read the text around it differently from image-gate; remove it (line ends must be LF or CRLF)`);
}
const OTHER_BREAKS = /\r(?!\n)|[\u0085\u2028\u2029\ufeff]/g;
/**
 * Refuses a line kubectl splits documents at that the YAML parser does not. kubectl reads a stream
 * with apimachinery's YAMLReader (k8s.io/apimachinery/pkg/util/yaml/decoder.go, `YAMLReader.Read`),
 * which cuts at every line starting with `---` whose rest, strings.TrimSpace'd, is empty or starts
 * with `#`, before any YAML is parsed; YAML starts a document only at `---` followed by a blank or
 * the line's end. So `---#` (or `---` and a no-break space) inside a block scalar is text to this
 * reader while kubectl applies what follows as its own documents, unread here. (A `---` line YAML
 * splits at and kubectl does not, such as `--- |`, only makes more documents here, or is an
 * "invalid Yaml document separator" error to kubectl.) Lines end at `\n`, as its LineReader's do.
 */
function refuseHiddenSeparators(file, docs, text) {
    if (!/^---/m.test(text))
        return;
    // Where each document's `---` is: a document's range starts there; the token stream (a second
    // parse) only when a line is not one of those, which a well-formed stream never has.
    const quick = new Set(docs.filter((d) => d.directives.docStart).map((d) => d.range[0]));
    let exact;
    const isStart = (offset) => {
        if (quick.has(offset))
            return true;
        if (!exact) {
            exact = new Set();
            for (const tok of new dist/* Parser */.iX().parse(text))
                if (tok.type === 'document')
                    for (const t of tok.start)
                        if (t.type === 'doc-start')
                            exact.add(t.offset);
        }
        return exact.has(offset);
    };
    let offset = 0;
    let line = 1;
    for (const raw of text.split('\n')) {
        if (raw.startsWith('---') && !isStart(offset)) {
            const rest = goTrimSpace(raw.slice(3));
            if (rest === '' || rest.startsWith('#'))
                throw manifestError(file, line, `kubectl starts a new document at this line (${JSON.stringify(raw.trimEnd())}), YAML does not: what follows would be applied unread; write the separator as "---" alone on its line, or indent the text`);
        }
        offset += raw.length + 1;
        line += 1;
    }
}
const BINARY_TAG = 'tag:yaml.org,2002:binary';
const MERGE_TAG = 'tag:yaml.org,2002:merge';
/** A `<<` key, written plain or quoted, or tagged `!!merge` (whose value here is a symbol). */
function isMergeKey(key) {
    return (0,dist/* isScalar */.jn)(key) && (key.value === '<<' || key.tag === MERGE_TAG);
}
/**
 * Refuses a mapping key the readers would not see as the text kubectl and Compose see. Both
 * decode keys to strings (sigs.k8s.io/yaml YAMLToJSON over gopkg.in/yaml.v2; compose-go over
 * yaml v3/v4): an alias key (`*k :` where `&k image`) is the anchored text and a `!!binary` key
 * the text it encodes, so either spells `image`, `containers` or `services`, and the later pair
 * wins over one written out. The readers match keys by their written value, so such a key is an
 * error naming its line, not a pair skipped. A mapping or list as a key is refused too: neither
 * tool takes one (yaml.v2 fails "invalid map key"), and no reader could say what it names.
 */
function refuseHiddenKeys(file, doc, line) {
    (0,dist/* visit */.YR)(doc, {
        Pair(_, pair) {
            const k = pair.key;
            if (k === null || k === undefined)
                return;
            if ((0,dist/* isAlias */.Vj)(k))
                throw manifestError(file, line(k), `mapping key *${k.source} is an alias: kubectl and Compose read it as the text it names, which may be image, containers or services; write the key out`);
            if ((0,dist/* isMap */.jh)(k) || (0,dist/* isSeq */.oP)(k))
                throw manifestError(file, line(k), 'a mapping or list as a mapping key');
            if (!(0,dist/* isScalar */.jn)(k))
                return;
            // `!!merge` makes the `yaml` package merge whatever the key says; kubectl and Compose merge
            // only `<<` and read any other tagged key as its text (`!!merge image:` is `image`).
            if (k.tag === MERGE_TAG) {
                if (k.source === '<<')
                    return;
                throw manifestError(file, line(k), `mapping key !!merge ${JSON.stringify(k.source)}: kubectl and Compose merge only <<, and read this key as its text, which may be image, containers or services; write the key out without the tag`);
            }
            if (!isPlainScalar(k))
                throw manifestError(file, line(k), `mapping key ${k.tag === BINARY_TAG ? '!!binary ' : ''}is not plain text: kubectl and Compose decode it to the text it encodes, which may be image, containers or services; write the key out`);
        },
    });
}
/**
 * The characters of a scalar's value in the source, blanks trimmed: inside the quotes of a quoted
 * scalar, after the header line of a block scalar (`|`, `>-`), the whole of a plain one. An alias
 * resolves to the anchored scalar, so every alias of it has this one span (after `&anchor`).
 */
function scalarSpan(text, node) {
    if (!(0,dist/* isScalar */.jn)(node) || !node.range)
        return undefined;
    let [start, end] = node.range;
    if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
        start += 1;
        end -= 1;
    }
    else if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
        const nl = text.indexOf('\n', start);
        start = nl < 0 || nl >= end ? end : nl + 1;
    }
    if (end < start)
        return undefined;
    const body = text.slice(start, end);
    const lead = body.length - body.trimStart().length;
    return { start: start + lead, end: start + lead + body.trim().length };
}
/** The node an alias names (aliases of aliases too); any other node as it is. */
function deref(doc, node) {
    let n = node;
    for (let i = 0; (0,dist/* isAlias */.Vj)(n) && i < 64; i++)
        n = n.resolve(doc);
    return (0,dist/* isAlias */.Vj)(n) ? undefined : n;
}
/**
 * The mapping's value for `key` as Compose reads it: its own pair first, then each `<<` merge
 * source in order. compose-go decodes with yaml v3/v4, whose `merge` records the mapping's own
 * keys first so no merged value replaces them, and whose `<<` list applies in order with earlier
 * sources winning (go.yaml.in/yaml decode.go `merge`, `mergedFields`). Kubernetes reads merges
 * in document order instead: see `mapGetInOrder`.
 */
function mapGet(doc, map, key, seen = new Set()) {
    if (seen.has(map))
        return undefined;
    seen.add(map);
    for (const p of map.items)
        if ((0,dist/* isScalar */.jn)(p.key) && p.key.value === key && key !== '<<')
            return deref(doc, p.value);
    for (const p of map.items) {
        if (!isMergeKey(p.key))
            continue;
        const v = deref(doc, p.value);
        const sources = (0,dist/* isSeq */.oP)(v) ? v.items.map((i) => deref(doc, i)) : [v];
        for (const s of sources) {
            if (!(0,dist/* isMap */.jh)(s))
                continue;
            const got = mapGet(doc, s, key, seen);
            if (got !== undefined)
                return got;
        }
    }
    return undefined;
}
/**
 * The mapping's value for `key` as kubectl reads it. sigs.k8s.io/yaml decodes with yaml.v2, whose
 * `mapping` applies the pairs in document order and whose `merge` unmarshals a `<<` source into
 * the same map (gopkg.in/yaml.v2 decode.go, `mapping` and `merge`): whatever sets `key` last wins,
 * written or merged, so `image: good` then `<<: {image: evil}` is evil. Of a `<<` list the
 * earlier sources win (`merge` steps backwards, "earlier nodes take precedence"). Only a plain
 * (or `!!merge`-tagged) `<<` merges (`isMerge`: implicit or the merge tag): a quoted `"<<"` is a
 * key of that name, which the API server drops. Compose reads merges otherwise (see `mapGet`).
 */
function mapGetInOrder(doc, map, key) {
    if (key === '<<')
        return undefined;
    // Each mapping's answer once (a cycle reads as absent): a source merged by many is not re-read.
    const memo = new Map();
    const get = (m) => {
        if (memo.has(m))
            return memo.get(m);
        memo.set(m, undefined);
        let got;
        for (const p of m.items) {
            if (isV2Merge(p.key)) {
                const v = deref(doc, p.value);
                const sources = (0,dist/* isSeq */.oP)(v) ? v.items.map((i) => deref(doc, i)) : [v];
                for (const s of sources.reverse()) {
                    const g = (0,dist/* isMap */.jh)(s) ? get(s) : undefined;
                    if (g !== undefined)
                        got = g;
                }
            }
            else if ((0,dist/* isScalar */.jn)(p.key) && p.key.value === key)
                got = deref(doc, p.value);
        }
        memo.set(m, got);
        return got;
    };
    return get(map);
}
/** A key yaml.v2 merges: `<<` written plain, or tagged `!!merge` (or the non-specific `!`). */
function isV2Merge(key) {
    if (!isMergeKey(key) || !(0,dist/* isScalar */.jn)(key))
        return false;
    if (key.tag === undefined)
        return key.type === 'PLAIN';
    return key.tag === MERGE_TAG || key.tag === '!';
}
/** Every key of a mapping, merge sources included (own keys first). */
function mapKeys(doc, map, seen = new Set()) {
    if (seen.has(map))
        return [];
    seen.add(map);
    const keys = [];
    for (const p of map.items) {
        if (!(0,dist/* isScalar */.jn)(p.key))
            continue;
        if (!isMergeKey(p.key))
            keys.push(String(p.key.value));
        else {
            const v = deref(doc, p.value);
            for (const s of (0,dist/* isSeq */.oP)(v) ? v.items.map((i) => deref(doc, i)) : [v])
                if ((0,dist/* isMap */.jh)(s))
                    keys.push(...mapKeys(doc, s, seen));
        }
    }
    return [...new Set(keys)];
}
/**
 * A scalar whose value is text, a number, a boolean or null, and not tagged `!!binary`: what both
 * tools and this reader read alike. A `!!binary` scalar (a Buffer here) is the text its base64
 * encodes to yaml.v2 and yaml v3, not the base64 written.
 */
function isPlainScalar(node) {
    const v = node.value;
    return (node.tag !== BINARY_TAG &&
        (v === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof v)));
}
/** A scalar's string value, or undefined for anything else (mappings, lists, null). */
function scalarString(node) {
    if (!(0,dist/* isScalar */.jn)(node) || node.value === null || node.value === undefined)
        return undefined;
    const v = node.value;
    if (typeof v === 'string')
        return v;
    // Numbers and booleans (`image: 1` is still text a user wrote); nothing else is a scalar here.
    return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint'
        ? String(v)
        : undefined;
}
//# sourceMappingURL=yaml-nodes.js.map
;// CONCATENATED MODULE: ./build/core/manifests/compose.js
// Docker Compose: `services.*.image` and image volumes' sources, with anchors, aliases and `<<` merge keys followed and
// Compose interpolation applied; a service with only `build:` names no image to verify.





/** The `services` mapping of a document, when it has one and is not a Kubernetes object. */
function composeServices(doc) {
    const root = deref(doc, doc.contents);
    if (!(0,dist/* isMap */.jh)(root) || mapGet(doc, root, 'apiVersion') !== undefined)
        return undefined;
    const services = mapGet(doc, root, 'services');
    return (0,dist/* isMap */.jh)(services) ? services : undefined;
}
/** A Compose document: a `services` mapping, or an `include:` (a file may only include). */
function isComposeDocument(doc) {
    if (composeServices(doc))
        return true;
    const root = deref(doc, doc.contents);
    return ((0,dist/* isMap */.jh)(root) &&
        mapGet(doc, root, 'apiVersion') === undefined &&
        mapGet(doc, root, 'include') !== undefined);
}
/**
 * The text `what` writes at `node`, Compose-interpolated and trimmed, with its line; an error
 * naming the line for anything else (not text, a refused or unset variable, nothing left).
 */
function interpolated(file, parsed, node, what, env) {
    const line = parsed.line(node);
    const raw = scalarString(node);
    if (raw === undefined || raw.trim() === '')
        throw manifestError(file, line, `${what} is not a string`);
    let value;
    try {
        value = interpolate(raw, env).trim();
    }
    catch (e) {
        if (!(e instanceof InterpolationError))
            throw e;
        if (e instanceof EnvNotAllowedError)
            throw manifestError(file, line, `${what} '${raw}' ${e.message}`);
        throw manifestError(file, line, `${what} '${raw}': ${e.message}`);
    }
    if (value === '')
        throw manifestError(file, line, `${what} '${raw}' interpolates to nothing`);
    return { value, line };
}
/**
 * The local Compose files a stream loads, interpolated like the rest of the file: `include:`
 * entries (compose-spec include: a path, or `{path: one or a list}`) and services'
 * `extends: {file: \u2026}`. compose-go (loader/include.go, loader/extends.go) loads their services
 * into the project, so their images are deployed. Refused, naming the line: a remote source
 * (`oci://`, git and HTTP URLs: what is there is not in the repository), and an include with
 * `env_file` or `project_directory` (its variables would not be the ones read here).
 */
function composeLoads(file, parsed, env) {
    const out = [];
    const text = (node, what, kind = 'include') => {
        const { value, line } = interpolated(file, parsed, node, what, env);
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^git@/.test(value))
            throw manifestError(file, line, `${what} '${value}' is remote: what it loads is not in the repository and is not read here; verify --from the output of docker compose config`);
        return { path: value, line, kind };
    };
    for (const doc of parsed.docs) {
        if (!isComposeDocument(doc))
            continue;
        const root = deref(doc, doc.contents);
        if (!(0,dist/* isMap */.jh)(root))
            continue;
        const include = deref(doc, mapGet(doc, root, 'include'));
        if (include !== undefined && include !== null) {
            if (!(0,dist/* isSeq */.oP)(include))
                throw manifestError(file, parsed.line(include), 'include: is not a list');
            for (const item of include.items) {
                const entry = deref(doc, item);
                if (!(0,dist/* isMap */.jh)(entry)) {
                    if (entry)
                        out.push(text(entry, 'include'));
                    continue;
                }
                for (const k of ['env_file', 'project_directory'])
                    if (mapGet(doc, entry, k) !== undefined)
                        throw manifestError(file, parsed.line(entry), `include: ${k} changes the variables the included file is read with, which is not followed here; verify --from the output of docker compose config`);
                const p = deref(doc, mapGet(doc, entry, 'path'));
                if (p === undefined || p === null)
                    throw manifestError(file, parsed.line(entry), 'include: an entry names no path');
                for (const i of (0,dist/* isSeq */.oP)(p) ? p.items : [p]) {
                    const n = deref(doc, i);
                    if (n)
                        out.push(text(n, 'include.path'));
                }
            }
        }
        const services = composeServices(doc);
        if (!services)
            continue;
        for (const name of mapKeys(doc, services)) {
            const service = mapGet(doc, services, name);
            if (!(0,dist/* isMap */.jh)(service))
                continue;
            const ext = deref(doc, mapGet(doc, service, 'extends'));
            const extFile = (0,dist/* isMap */.jh)(ext) ? mapGet(doc, ext, 'file') : undefined;
            if (extFile !== undefined && extFile !== null)
                out.push(text(extFile, `service ${name}: extends.file`, 'extends'));
        }
    }
    return out;
}
function readCompose(file, text, env) {
    return composeImages(file, parseYamlStream(file, text), env);
}
function composeImages(file, parsed, env) {
    const found = [];
    /** A reference `what` writes at `node`, interpolated. */
    const occurrence = (node, what) => {
        const { value: image, line } = interpolated(file, parsed, node, what, env);
        const span = parsed.span(node);
        return { image, file, line, kind: 'compose', ...(span ? { span } : {}) };
    };
    /**
     * What a service's build pulls that no file beside it says. `dockerfile_inline` is the
     * Dockerfile's text (compose-go types.BuildConfig DockerfileInline, passed to BuildKit as the
     * dockerfile): its FROMs and COPY --from images, at the key's line (no span: `pin` rewrites
     * only a reference written whole). `additional_contexts` values `docker-image://REF` are images
     * BuildKit pulls as a named context, which also replace a stage or image of that name.
     */
    const buildImages = (doc, build, what) => {
        const out = [];
        const inline = mapGet(doc, build, 'dockerfile_inline');
        if (inline !== undefined) {
            const o = occurrence(inline, `${what}.dockerfile_inline`);
            let got;
            try {
                got = readDockerfile(file, o.image);
            }
            catch (e) {
                const msg = e instanceof Error ? e.message.replace(/^[^\n]*?:\d+: /, '') : String(e);
                throw manifestError(file, o.line, `${what}.dockerfile_inline: ${msg}`);
            }
            for (const g of got)
                out.push({ image: g.image, file, line: o.line, kind: 'compose' });
            // `build.args` are the build's ARG values (compose-go BuildConfig.Args, passed to BuildKit as
            // build arguments): one the text uses may change a FROM from its default, so the images
            // read above would not be the ones pulled. Refused, not guessed.
            const args = deref(doc, mapGet(doc, build, 'args'));
            const names = (0,dist/* isMap */.jh)(args)
                ? mapKeys(doc, args)
                : (0,dist/* isSeq */.oP)(args)
                    ? args.items.map((i) => String(scalarString(deref(doc, i)) ?? '')
                        .split('=')[0]
                        ?.trim() ?? '')
                    : [];
            const used = names.find((n) => n !== '' && new RegExp(`\\$\\{?${n.replace(/[^A-Za-z0-9_]/g, '\\$&')}\\b`).test(o.image));
            if (used !== undefined)
                throw manifestError(file, o.line, `${what}.dockerfile_inline uses build arg ${used}, which its args: set: the build's images then depend on it; write the image into the Dockerfile or gate the built image`);
        }
        const contexts = deref(doc, mapGet(doc, build, 'additional_contexts'));
        const values = [];
        if ((0,dist/* isMap */.jh)(contexts))
            for (const k of mapKeys(doc, contexts)) {
                const v = mapGet(doc, contexts, k);
                if (v)
                    values.push(v);
            }
        else if ((0,dist/* isSeq */.oP)(contexts))
            for (const i of contexts.items) {
                const v = deref(doc, i);
                if (v)
                    values.push(v);
            }
        for (const v of values) {
            const o = occurrence(v, `${what}.additional_contexts`);
            // The list form is NAME=VALUE; the mapping form is the value alone.
            const value = (0,dist/* isSeq */.oP)(contexts) ? o.image.slice(o.image.indexOf('=') + 1).trim() : o.image;
            const m = /^docker-image:\/\/(.*)$/i.exec(value);
            if (!m)
                continue;
            const ref = (m[1] ?? '').trim();
            if (ref === '')
                throw manifestError(file, o.line, `${what}.additional_contexts: docker-image:// names no image`);
            out.push({ image: ref, file, line: o.line, kind: 'compose' });
        }
        return out;
    };
    for (const doc of parsed.docs) {
        const services = composeServices(doc);
        if (!services)
            continue;
        // Files this one loads (`include:`, `extends.file`) are read by files.ts (composeLoads).
        for (const name of mapKeys(doc, services)) {
            const service = mapGet(doc, services, name);
            if (!(0,dist/* isMap */.jh)(service))
                continue;
            const node = mapGet(doc, service, 'image');
            if (node !== undefined)
                found.push(occurrence(node, `service ${name}: image`));
            const build = mapGet(doc, service, 'build');
            if ((0,dist/* isMap */.jh)(build))
                found.push(...buildImages(doc, build, `service ${name}: build`));
            // Image volumes (`type: image`, `source: IMAGE`): Compose pulls the image and mounts it.
            const volumes = mapGet(doc, service, 'volumes');
            for (const item of (0,dist/* isSeq */.oP)(volumes) ? volumes.items : []) {
                const v = deref(doc, item);
                const type = (0,dist/* isMap */.jh)(v) ? mapGet(doc, v, 'type') : undefined;
                if (!(0,dist/* isMap */.jh)(v) ||
                    type === undefined ||
                    occurrence(type, `service ${name}: volume type`).image !== 'image')
                    continue;
                const source = mapGet(doc, v, 'source');
                if (source === undefined)
                    throw manifestError(file, parsed.line(v), `service ${name}: an image volume names no source`);
                found.push(occurrence(source, `service ${name}: image volume source`));
            }
        }
    }
    return found.sort((a, b) => a.line - b.line);
}
//# sourceMappingURL=compose.js.map
;// CONCATENATED MODULE: ./build/core/manifests/kubernetes.js
// Kubernetes YAML or JSON (multi-document, `kind: List`, helm template output): every pod spec
// wherever it sits, found structurally (a mapping whose `containers` is a list of mappings with
// `image`), so Deployments, CronJobs and custom resources such as Argo Rollouts need no table;
// its containers' images and the images it mounts as volumes. In a Kubernetes object (a document
// with `apiVersion` and `kind`), every other `image` key with a string value is an image too:
// custom resources pull images from fields that are not pod specs (Tekton `steps[].image`, Argo
// Workflows `script.image`, KubeVirt `containerDisk.image`), and a controller pulls what they say.
// Every value is looked up as kubectl decodes it (yaml.v2: `<<` merges apply in document order).



const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];
function readKubernetes(file, text) {
    return kubernetesImages(file, parseYamlStream(file, text));
}
function kubernetesImages(file, parsed) {
    const found = [];
    for (const doc of parsed.docs) {
        // A document that is one scalar is no object kubectl could apply (it refuses it), and is
        // what a Dockerfile or a shell script under another name parses as: refused, never read as
        // a file that names no image.
        const top = deref(doc, doc.contents);
        if ((0,dist/* isScalar */.jn)(top) && top.value !== null && top.value !== '')
            throw manifestError(file, parsed.line(top), 'is a YAML scalar, not a Kubernetes object, a List or a Compose file (a Dockerfile? name it Dockerfile, Dockerfile.NAME or NAME.Dockerfile)');
        walk(doc, doc.contents, new Set(), (node) => {
            for (const list of CONTAINER_LISTS) {
                const seq = mapGetInOrder(doc, node, list);
                if (!(0,dist/* isSeq */.oP)(seq))
                    continue;
                for (const item of seq.items) {
                    const c = deref(doc, item);
                    if (!(0,dist/* isMap */.jh)(c))
                        continue;
                    const img = mapGetInOrder(doc, c, 'image');
                    if (img === undefined)
                        continue;
                    const line = parsed.line(img);
                    if ((0,dist/* isScalar */.jn)(img) && !isPlainScalar(img))
                        throw manifestError(file, line, notTextError(`${list}[].image`, img));
                    const image = scalarString(img)?.trim();
                    if (!image)
                        throw manifestError(file, line, `${list}[].image is not a string`);
                    const span = parsed.span(img);
                    found.push({ image, file, line, kind: 'kubernetes', ...(span ? { span } : {}) });
                }
            }
            // Image volumes (KEP-4639): the kubelet pulls `volumes[].image.reference` and mounts it.
            const volumes = mapGetInOrder(doc, node, 'volumes');
            if (!(0,dist/* isSeq */.oP)(volumes))
                return;
            for (const item of volumes.items) {
                const v = deref(doc, item);
                const source = (0,dist/* isMap */.jh)(v) ? mapGetInOrder(doc, v, 'image') : undefined;
                if (!(0,dist/* isMap */.jh)(source))
                    continue;
                const ref = mapGetInOrder(doc, source, 'reference');
                if (ref === undefined)
                    continue;
                const line = parsed.line(ref);
                if ((0,dist/* isScalar */.jn)(ref) && !isPlainScalar(ref))
                    throw manifestError(file, line, notTextError('volumes[].image.reference', ref));
                const image = scalarString(ref)?.trim();
                if (!image)
                    throw manifestError(file, line, 'volumes[].image.reference is not a string');
                const span = parsed.span(ref);
                found.push({ image, file, line, kind: 'kubernetes', ...(span ? { span } : {}) });
            }
        });
        // anyImage refuses a kustomization, the document's own or one inside a List.
        const root = deref(doc, doc.contents);
        if ((0,dist/* isMap */.jh)(root) && isObject(doc, root))
            anyImage(file, parsed, doc, root, found);
    }
    return found.sort((a, b) => a.line - b.line);
}
/**
 * A kustomization is not what is applied: `kustomize build` (or `kubectl apply -k`) renders its
 * resources, bases and components, then rewrites their images (`images:` newName/newTag/digest),
 * so the images in the files beside it are not the ones deployed. Refused, with how to gate it.
 */
function kustomizationError(file, line) {
    return manifestError(file, line, 'a kustomization: its images: overrides, bases and components change what is deployed, so the files are not what is applied; render it (kustomize build DIR > rendered.yaml) and verify --from rendered.yaml');
}
function notTextError(what, v) {
    const tag = v.tag === BINARY_TAG ? '!!binary' : (v.tag ?? 'a non-text');
    return `${what} is a ${tag} value: kubectl sends the text it decodes to, which this reader cannot check as written; write the reference as a string`;
}
/** Has string `apiVersion` and `kind`: what the API server reads as one object. */
function isObject(doc, map) {
    const str = (k) => {
        const v = mapGetInOrder(doc, map, k);
        return (0,dist/* isScalar */.jn)(v) && typeof v.value === 'string' && v.value !== '';
    };
    return str('apiVersion') && str('kind');
}
const CONFIG_KINDS = new Set(['ConfigMap', 'Secret']);
const CONFIG_DATA = new Set(['data', 'stringData', 'binaryData']);
/**
 * Every `image: <string>` under an object, beyond the pod specs' (each value node once). Not read:
 * `metadata` (labels and annotations are text, not pulled), an object's `status` (what ran, not
 * what is applied) and a ConfigMap's or Secret's data (a key there is a file name). An empty
 * string is an error, not skipped: the field names an image and says none.
 */
function anyImage(file, parsed, doc, root, found) {
    const taken = new Set(found.map((o) => o.span?.start ?? -1));
    const seen = new Set();
    const visit = (raw) => {
        const node = deref(doc, raw);
        if (node === undefined || seen.has(node))
            return;
        seen.add(node);
        if ((0,dist/* isSeq */.oP)(node))
            for (const i of node.items)
                visit(i);
        if (!(0,dist/* isMap */.jh)(node))
            return;
        const object = isObject(doc, node);
        const api = object ? String(mapGetInOrder(doc, node, 'apiVersion')?.toJSON()) : '';
        // A kustomization inside a List is still one (kubectl would reject it; kustomize reads it).
        if (api.startsWith('kustomize.config.k8s.io/'))
            throw kustomizationError(file, parsed.line(node));
        // The core ConfigMap and Secret only: another group's kind of that name is its own schema.
        const config = api === 'v1' && CONFIG_KINDS.has(String(mapGetInOrder(doc, node, 'kind')?.toJSON()));
        for (const k of mapKeys(doc, node)) {
            if (k === 'metadata' || (object && k === 'status') || (config && CONFIG_DATA.has(k)))
                continue;
            const v = mapGetInOrder(doc, node, k);
            // A scalar that is not text: numbers, booleans and null reach the API server as JSON
            // numbers, booleans and null (YAMLToJSON has no schema to coerce them by), which a string
            // field refuses and no controller pulls, so they are not images. Any other scalar (a
            // `!!binary` value, which yaml.v2 decodes to the text it encodes) is sent as a string and
            // may be an image this reader cannot read as written: an error, not skipped.
            if (k === 'image' && (0,dist/* isScalar */.jn)(v) && !isPlainScalar(v))
                throw manifestError(file, parsed.line(v), notTextError('image', v));
            if (k === 'image' && (0,dist/* isScalar */.jn)(v) && typeof v.value === 'string') {
                const line = parsed.line(v);
                const span = parsed.span(v);
                if (span && taken.has(span.start))
                    continue;
                const image = v.value.trim();
                if (!image)
                    throw manifestError(file, line, 'image is an empty string');
                if (span)
                    taken.add(span.start);
                found.push({ image, file, line, kind: 'kubernetes', ...(span ? { span } : {}) });
                continue;
            }
            visit(v);
        }
    };
    visit(root);
}
/** Calls `onPodSpec` for every mapping with a `containers` list of mappings having `image`. */
function walk(doc, raw, seen, onPodSpec) {
    const node = deref(doc, raw);
    if (node === undefined || seen.has(node))
        return;
    seen.add(node);
    if ((0,dist/* isSeq */.oP)(node))
        for (const i of node.items)
            walk(doc, i, seen, onPodSpec);
    if (!(0,dist/* isMap */.jh)(node))
        return;
    const containers = mapGetInOrder(doc, node, 'containers');
    if ((0,dist/* isSeq */.oP)(containers) &&
        containers.items.some((i) => {
            const c = deref(doc, i);
            return (0,dist/* isMap */.jh)(c) && mapGetInOrder(doc, c, 'image') !== undefined;
        })) {
        onPodSpec(node);
        return;
    }
    for (const k of mapKeys(doc, node))
        walk(doc, mapGetInOrder(doc, node, k), seen, onPodSpec);
}
//# sourceMappingURL=kubernetes.js.map
;// CONCATENATED MODULE: ./build/core/manifests/list.js
function readList(file, text) {
    const found = [];
    let offset = 0;
    text.split(/\r?\n/).forEach((raw, i) => {
        const body = raw.replace(/(^|\s)#.*$/, '');
        const image = body.trim();
        const start = offset + body.length - body.trimStart().length;
        if (image !== '')
            found.push({
                image,
                file,
                line: i + 1,
                kind: 'list',
                span: { start, end: start + image.length },
            });
        // The next line starts after this one and its `\n` (or `\r\n`).
        offset += raw.length + (text[offset + raw.length] === '\r' ? 2 : 1);
    });
    return found;
}
//# sourceMappingURL=list.js.map
;// CONCATENATED MODULE: ./build/core/manifests/files.js
// Paths, globs and lists -> image occurrences: which reader reads which file (by name, then by
// content), directories searched (node_modules and .git skipped), `.env` beside a Compose file,
// and `-` for stdin. The readers beside this file are pure; this is their only I/O.










const SKIP_DIRS = new Set(['node_modules', '.git']);
// `docker build -f` takes any name; these are the names people give Dockerfiles (Dockerfile,
// Dockerfile.prod, Dockerfile-prod, Dockerfile_dev, api.Dockerfile, api-dockerfile). A YAML or
// JSON name (`dockerfile.yaml`) is read as YAML: kubectl applies it by its extension.
const DOCKERFILE = /^(?:(?:docker|container)file(?:[._-].+)?|.+[._-](?:docker|container)file)$/i;
const COMPOSE = /^(?:compose|docker-compose.*)\.ya?ml$/i;
const YAML_OR_JSON = /\.(?:ya?ml|json)$/i;
/** The names kustomize reads as a kustomization (it needs no apiVersion or kind inside). */
const KUSTOMIZATION = /^(?:kustomization\.ya?ml|Kustomization)$/;
async function findImages(inputs) {
    const found = { occurrences: [], empty: [] };
    for (const f of await readFiles(inputs)) {
        if (f.occurrences.length === 0)
            found.empty.push(f.file);
        found.occurrences.push(...f.occurrences);
    }
    return found;
}
/** Every file the inputs name, read once, each with its occurrences (one per place written). */
async function readFiles(inputs) {
    const out = [];
    const add = (file, read, text, p) => out.push({
        file,
        text,
        read,
        occurrences: read(text),
        ...(p !== undefined ? { path: p } : {}),
    });
    // Compose files another one loads (`include:`, `extends.file`) are read after the files given,
    // each once (by real path, so a cycle ends), named as the loading file's directory joins them.
    const queue = (await expandPaths(inputs.paths)).map((file) => ({ file, compose: false }));
    const seen = new Set();
    for (let i = 0; i < queue.length; i++) {
        const { file, compose, loader } = queue[i];
        const real = await realPath(file);
        if (seen.has(real))
            continue;
        seen.add(real);
        if (seen.size > MAX_FILES)
            throw new errors/* GateError */.ue('USAGE', `${file}: more than ${MAX_FILES} files to read (include: loops?)`);
        const text = await readText(file, file);
        const reader = await manifestReader(file, text, composeEnvLookup(inputs), compose, loader);
        add(file, reader.read, text, file);
        for (const l of reader.loads)
            queue.push({
                file: external_node_path_.isAbsolute(l.path) ? l.path : external_node_path_.join(external_node_path_.dirname(file), l.path),
                compose: true,
                loader: { kind: l.kind, lookup: reader.lookup },
            });
    }
    for (const list of inputs.lists) {
        const name = list === '-' ? '(stdin)' : list;
        let text;
        try {
            text =
                list === '-'
                    ? await (inputs.readStdin ?? readStdin)()
                    : decodeText(await (0,promises_.readFile)(list), list);
        }
        catch (e) {
            if (e instanceof errors/* GateError */.ue)
                throw e;
            throw new errors/* GateError */.ue('USAGE', `${list}: cannot read: ${(0,errors/* toGateError */.Vl)(e).message}`, { cause: e });
        }
        add(name, (t) => distinct(readList(name, t)), text, list === '-' ? undefined : list);
    }
    return out;
}
/**
 * One per place written: two services aliasing one anchored mapping are one occurrence (one
 * span), while two references written on one line (flow style, minified JSON) stay two.
 */
function distinct(got) {
    const seen = new Set();
    return got.filter((o) => {
        const key = `${o.line} ${o.span?.start ?? ''} ${o.image}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * Occurrences -> the distinct references in first-seen order, and where each is written. Two
 * spellings of one reference (`nginx:1`, `docker.io/library/nginx:1`) are one entry under the
 * first spelling seen (`given` first: the references given as arguments), so one image has one
 * result, as `merge` requires of a shard; `keyOf` says which spellings are one.
 */
function groupSources(occurrences, keyOf = (i) => i, given = []) {
    const spelling = new Map();
    for (const g of given)
        if (!spelling.has(keyOf(g)))
            spelling.set(keyOf(g), g);
    const images = [...given];
    const sources = new Map();
    for (const o of occurrences) {
        const key = keyOf(o.image);
        let image = spelling.get(key);
        if (image === undefined) {
            spelling.set(key, (image = o.image));
            images.push(image);
        }
        const list = sources.get(image) ?? [];
        if (!list.some((s) => s.file === o.file && s.line === o.line))
            list.push({ file: o.file, line: o.line });
        sources.set(image, list);
    }
    return { images: [...new Set(images)], sources };
}
/** Each path as given (a file), the manifests under it (a directory), or what it matches (a glob). */
async function expandPaths(paths) {
    const files = [];
    for (const p of paths) {
        if (/[*?[{]/.test(p)) {
            const matched = [...new Set(await globPaths(p))];
            if (matched.length === 0)
                throw new errors/* GateError */.ue('USAGE', `${p}: matches no file`);
            for (const m of matched.sort())
                files.push(...(await underPath(m, true)));
        }
        else
            files.push(...(await underPath(p, false)));
    }
    return withOverrides([...new Set(await dotEnvsAsCompose(files))]);
}
/**
 * A `.env` named as a file stands for the Compose files beside it: their images are what its
 * variables change (a pre-commit hook is given the staged `.env` alone when only a `TAG=` line
 * changed). compose-go reads the project directory's `.env` whatever the `-f` file is called,
 * so every Compose-named file there counts (`compose.yaml`, `docker-compose.prod.yml`,
 * `compose.staging.yaml`), override files aside: those are read with their base file. None
 * beside it: it names nothing.
 */
async function dotEnvsAsCompose(files) {
    const out = [];
    for (const f of files) {
        if (external_node_path_.basename(f) !== '.env') {
            out.push(f);
            continue;
        }
        const dir = external_node_path_.dirname(f);
        let names;
        try {
            names = (await (0,promises_.readdir)(dir)).sort();
        }
        catch {
            continue;
        }
        for (const name of names) {
            if (!ENV_COMPOSE.test(name) || OVERRIDE_NAMES.includes(name.toLowerCase()))
                continue;
            const c = external_node_path_.join(dir, name);
            if ((await statOf(c))?.isFile())
                out.push(c);
        }
    }
    return out;
}
/** The Compose files a directory's `.env` is read with: compose or docker-compose names. */
const ENV_COMPOSE = /^(?:compose|docker-compose)(?:[._-].*)?\.ya?ml$/i;
/** compose-go's DefaultFileNames and DefaultOverrideFileNames (cli/options.go). */
const DEFAULT_COMPOSE = new Set([
    'compose.yaml',
    'compose.yml',
    'docker-compose.yml',
    'docker-compose.yaml',
]);
const OVERRIDE_NAMES = [
    'compose.override.yml',
    'compose.override.yaml',
    'docker-compose.override.yml',
    'docker-compose.override.yaml',
];
/**
 * Each default-named Compose file followed by the override files beside it. `docker compose up`
 * with no -f loads the first of DefaultFileNames in the directory and then the first of
 * DefaultOverrideFileNames beside it (compose-go cli/options.go, WithDefaultConfigPath), whose
 * `image:` replaces the base file's: the override's images are what is pulled. Every override
 * name that exists is read (a superset of compose's first one), as is each with `-f` given.
 */
async function withOverrides(files) {
    const out = [];
    for (const f of files) {
        out.push(f);
        if (!DEFAULT_COMPOSE.has(external_node_path_.basename(f)))
            continue;
        for (const name of OVERRIDE_NAMES) {
            const o = external_node_path_.join(external_node_path_.dirname(f), name);
            if (!files.includes(o) && !out.includes(o) && (await statOf(o))?.isFile())
                out.push(o);
        }
    }
    return out;
}
/** The path's stat, or undefined where there is nothing to stat. */
async function statOf(p) {
    try {
        return await (0,promises_.stat)(p);
    }
    catch {
        return undefined;
    }
}
/**
 * What a glob matches, dotfiles included. kubectl expands a `-f` pattern with Go's
 * filepath.Glob, whose `*`, `?` and `[...]` match a leading `.` like any character (path/filepath
 * match.go: `*` matches any sequence of non-separator characters), and `kubectl apply -f DIR`
 * reads hidden files; node:fs/promises `glob` has no option to match dotfiles, so a hidden
 * manifest went unread. Here `*`, `?`, `[...]` (`[!...]`, `[^...]`), `{a,b}` and `\\` escapes
 * are one path segment's, and `**` (a segment of its own) any number of segments, as before; a
 * directory named node_modules or .git is neither matched nor searched.
 */
async function globPaths(pattern) {
    const out = [];
    for (const p of expandBraces(pattern)) {
        const absolute = p.startsWith('/');
        const segs = p.split('/').filter((x) => x !== '');
        let i = 0;
        while (i < segs.length && !/[*?[\\]/.test(segs[i] ?? ''))
            i++;
        const base = (absolute ? '/' : '') + segs.slice(0, i).join('/');
        const rest = segs.slice(i);
        if (rest.length === 0) {
            if (await statOf(base))
                out.push(base);
            continue;
        }
        const re = new RegExp(`^${globRegex(rest)}$`);
        const deep = rest.includes('**');
        const walk = async (dir, rel, depth) => {
            let entries;
            try {
                entries = await (0,promises_.readdir)(dir === '' ? '.' : dir, { withFileTypes: true });
            }
            catch {
                return; // not a directory, or unreadable: matches nothing, as Go's Glob
            }
            for (const e of entries) {
                if (SKIP_DIRS.has(e.name))
                    continue;
                const r = rel === '' ? e.name : `${rel}/${e.name}`;
                const full = dir === '' ? e.name : external_node_path_.join(dir, e.name);
                if (re.test(r))
                    out.push(full);
                // Into directories (and, but for `**`, links to them) while the pattern can go deeper.
                const into = e.isDirectory() || (!deep && e.isSymbolicLink());
                if (into && (deep || depth + 1 < rest.length))
                    await walk(full, r, depth + 1);
            }
        };
        await walk(base, '', 0);
    }
    return out;
}
/** `{a,b}` alternatives expanded (nested too); an unmatched brace stays literal. */
function expandBraces(p) {
    let depth = 0;
    let open = -1;
    const commas = [];
    for (let i = 0; i < p.length; i++) {
        const c = p[i];
        if (c === '\\')
            i++;
        else if (c === '{' && depth++ === 0)
            open = i;
        else if (c === ',' && depth === 1)
            commas.push(i);
        else if (c === '}' && depth > 0 && --depth === 0) {
            if (commas.length === 0) {
                commas.length = 0;
                continue;
            }
            const parts = [];
            let from = open + 1;
            for (const at of [...commas, i]) {
                parts.push(p.slice(from, at));
                from = at + 1;
            }
            const head = p.slice(0, open);
            const tail = p.slice(i + 1);
            return parts.flatMap((part) => expandBraces(head + part + tail));
        }
    }
    return [p];
}
/** Segments (braces expanded) -> a regular expression over `/`-joined relative paths. */
function globRegex(segs) {
    let re = '';
    segs.forEach((seg, n) => {
        const last = n === segs.length - 1;
        if (seg === '**') {
            re += last ? '.*' : '(?:[^/]+/)*';
            return;
        }
        for (let i = 0; i < seg.length; i++) {
            const c = seg[i] ?? '';
            if (c === '\\' && i + 1 < seg.length)
                re += escapeRe(seg[++i] ?? '');
            else if (c === '*')
                re += '[^/]*';
            else if (c === '?')
                re += '[^/]';
            else if (c === '[') {
                const end = seg.indexOf(']', i + 2);
                if (end < 0)
                    re += '\\[';
                else {
                    let body = seg.slice(i + 1, end);
                    const negate = body.startsWith('!') || body.startsWith('^');
                    if (negate)
                        body = body.slice(1);
                    re += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, (x) => `\\${x}`)}]`;
                    i = end;
                }
            }
            else
                re += escapeRe(c);
        }
        if (!last)
            re += '/';
    });
    return re;
}
function escapeRe(c) {
    return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
async function underPath(p, fromGlob) {
    let st;
    try {
        st = await (0,promises_.stat)(p);
    }
    catch (e) {
        throw new errors/* GateError */.ue('USAGE', `${p}: no such file or directory`, { cause: e });
    }
    if (!st.isDirectory())
        return [p];
    const out = [];
    const walk = async (dir) => {
        const entries = (await (0,promises_.readdir)(dir, { withFileTypes: true })).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
        for (const e of entries) {
            const full = external_node_path_.join(dir, e.name);
            const named = DOCKERFILE.test(e.name) || YAML_OR_JSON.test(e.name) || KUSTOMIZATION.test(e.name);
            if (e.isDirectory()) {
                if (!SKIP_DIRS.has(e.name))
                    await walk(full);
            }
            else if (e.isFile() && named)
                out.push(full);
            else if (e.isSymbolicLink() && named && (await linksToFile(full)))
                out.push(full);
        }
    };
    await walk(p);
    if (out.length === 0 && !fromGlob)
        throw new errors/* GateError */.ue('USAGE', `${p}: no Compose, Kubernetes or Dockerfile files in this directory`);
    return out;
}
/**
 * A symlinked manifest is read like any other: `kubectl apply -f DIR` filters a directory's
 * entries by name and opens each, following links (a link to a directory is not descended into,
 * by kubectl's walk nor here). A link that leads nowhere cannot be read, which kubectl fails on.
 */
async function linksToFile(file) {
    let st;
    try {
        st = await (0,promises_.stat)(file);
    }
    catch (e) {
        throw new errors/* GateError */.ue('USAGE', `${file}: a symlink to nothing: ${(0,errors/* toGateError */.Vl)(e).message}`, {
            cause: e,
        });
    }
    return st.isFile();
}
async function readText(file, name) {
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(file);
    }
    catch (e) {
        throw new errors/* GateError */.ue('USAGE', `${name}: cannot read: ${(0,errors/* toGateError */.Vl)(e).message}`, { cause: e });
    }
    return decodeText(bytes, name);
}
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/**
 * A file's text, UTF-8 only. kubectl (cli-runtime's BOMOverride) and go-yaml v4 (compose-go)
 * decode UTF-16 by its byte order mark, which a UTF-8 reading turns into no images at all (a
 * PowerShell `kubectl get -o yaml > x.yaml` writes one); invalid UTF-8 would be read with
 * replacement characters. Both are refused, naming the file, as is a NUL (UTF-16 without a mark).
 */
function decodeText(bytes, name) {
    const refuse = (why) => {
        throw new errors/* GateError */.ue('USAGE', `${name}: ${why}; image-gate reads manifests as UTF-8 only: convert it (iconv -f UTF-16 -t UTF-8)`);
    };
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
        refuse('is UTF-16 (little-endian byte order mark)');
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
        refuse('is UTF-16 (big-endian byte order mark)');
    let text = '';
    try {
        text = UTF8.decode(bytes);
    }
    catch {
        refuse('is not valid UTF-8');
    }
    if (text.includes('\0'))
        refuse('holds a NUL character (UTF-16 or binary, not UTF-8 text)');
    return text;
}
/**
 * What Compose interpolation (and a `.env`'s own) reads from the environment: a variable named in
 * `composeEnv`, or none. A variable set but not named is refused (EnvNotAllowedError), not
 * treated as unset: Compose would read it, so a default or the `.env` value would verify another
 * image than the one deployed. An unset variable is undefined, as before.
 */
function composeEnvLookup(inputs) {
    const allowed = new Set(inputs.composeEnv ?? []);
    const env = inputs.env;
    return (n) => {
        const v = Object.hasOwn(env, n) ? env[n] : undefined;
        if (v === undefined)
            return undefined;
        if (!allowed.has(n))
            throw new EnvNotAllowedError(n);
        return v;
    };
}
/** How many files one run reads at most, those `include:` loads counted. */
const MAX_FILES = 10_000;
async function realPath(file) {
    try {
        return await (0,promises_.realpath)(file);
    }
    catch {
        return external_node_path_.resolve(file); // readText says why it cannot be read
    }
}
/**
 * The reader for this file (by name, then by content; `compose` when another Compose file loads
 * it), with its `.env` read once, and the Compose files it loads.
 */
async function manifestReader(file, text, env, loaded = false, loader) {
    const name = external_node_path_.basename(file);
    if (!loaded && DOCKERFILE.test(name) && !YAML_OR_JSON.test(name))
        return { read: (t) => distinct(readDockerfile(file, t)), loads: [] };
    if (!loaded && KUSTOMIZATION.test(name))
        throw kustomizationError(file);
    const parsed = yaml_nodes_parseYamlStream(file, text);
    const compose = loaded || COMPOSE.test(name) || parsed.docs.some((d) => isComposeDocument(d));
    if (!compose)
        return {
            read: (t) => distinct(kubernetesImages(file, t === text ? parsed : yaml_nodes_parseYamlStream(file, t))),
            loads: [],
        };
    // The variables a file is interpolated with, as compose-go gives them: a file given, the
    // environment then its own `.env`; a file another one `include:`s, the includer's variables
    // (environment and `.env` chain), then its own directory's `.env` for the names still unset
    // (loader/include.go: environment.Clone().Merge(envFromFile), and Merge keeps what is set);
    // an `extends.file`, the extending file's variables alone (loader/extends.go: opts.clone()).
    const outer = loader?.lookup ?? env;
    const refused = new Map();
    const dotEnv = loader?.kind === 'extends' ? new Map() : await readDotEnv(file, outer, refused);
    const lookup = (n) => {
        const v = outer(n);
        if (v !== undefined)
            return v;
        const r = refused.get(n);
        if (r)
            throw r;
        return dotEnv.get(n);
    };
    const read = (t) => {
        const p = t === text ? parsed : yaml_nodes_parseYamlStream(file, t);
        // The stream's other documents are read as Kubernetes: `kubectl apply -f` applies each object
        // in a stream whatever else it holds, so one Compose-like document must not hide the rest.
        const others = { ...p, docs: p.docs.filter((d) => !isComposeDocument(d)) };
        return distinct([...composeImages(file, p, lookup), ...kubernetesImages(file, others)].sort((a, b) => a.line - b.line));
    };
    return { read, loads: composeLoads(file, parsed, lookup), lookup };
}
/**
 * The `.env` beside a Compose file (none: no variables from it); the environment wins over it. A
 * key whose value reads a refused variable goes to `refused`, an error only when a reference
 * reads that key.
 */
async function readDotEnv(file, env, refused) {
    const envFile = external_node_path_.join(external_node_path_.dirname(file), '.env');
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(envFile);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return new Map();
        throw new errors/* GateError */.ue('USAGE', `${envFile}: cannot read: ${(0,errors/* toGateError */.Vl)(e).message}`, {
            cause: e,
        });
    }
    const text = decodeText(bytes, envFile);
    // compose-go reads COMPOSE_FILE (split at COMPOSE_PATH_SEPARATOR) from the .env too: cli.WithDotEnv
    // loads it into the environment before WithConfigFileEnv picks the files, so `docker compose up`
    // here loads the files it names, not (only) this one. Which those are is the deploy's to say.
    const lines = text.split(/\r?\n/);
    // Anywhere on a line: compose-go's dotenv parser also reads `exportCOMPOSE_FILE=` and a second
    // assignment after a quoted value on one line (`A="x" COMPOSE_FILE=\u2026`); a mention in a comment
    // is refused too, which only costs rewording it.
    const at = lines.findIndex((l) => /COMPOSE_FILE\s*[=:]/.test(l));
    if (at >= 0)
        throw manifestError(envFile, at + 1, 'sets COMPOSE_FILE: docker compose run in this directory loads the files it names instead of the one given; give those files to --from and set COMPOSE_FILE in the deploy step, not in .env');
    try {
        return parseDotEnv(text, env, { file: envFile, errors: refused });
    }
    catch (e) {
        if (e instanceof InterpolationError)
            throw manifestError(envFile, undefined, e.message);
        throw e;
    }
}
async function readStdin() {
    const chunks = [];
    for await (const c of process.stdin)
        chunks.push(c);
    return Buffer.concat(chunks).toString('utf8');
}
//# sourceMappingURL=files.js.map

/***/ })

};

//# sourceMappingURL=729.index.js.map