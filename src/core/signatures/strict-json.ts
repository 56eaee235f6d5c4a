// Strict JSON for signed payloads: a parser that refuses duplicate object keys, so that the
// bytes we verify and the object we act on cannot be read two ways (parser differentials).
// "Duplicate" is as Go's encoding/json sees it, since cosign and the cluster-side verifiers
// decode these payloads with it: a struct field matches any key equal under Unicode simple case
// folding (`Docker-Manifest-Digest`, `docker-manifest-digeſt`) and the last one wins, and a
// lone surrogate escape decodes to U+FFFD. A byte order mark, which Go refuses, is refused too.
import { LIMITS } from '../limits.js';

/** Why a strict parse failed; callers turn it into a GateError with their own input name. */
export class StrictJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrictJsonError';
  }
}

const MAX_DEPTH = LIMITS.jsonDepth;

/**
 * Parse RFC 8259 JSON, rejecting keys that collide (exactly or under Go's case folding) anywhere
 * in the document, nesting deeper than 64 levels, a leading BOM, and anything after the value.
 * Numbers and strings decode as JSON.parse would.
 */
export function parseStrictJson(text: string): unknown {
  if (text.charCodeAt(0) === 0xfeff)
    throw new StrictJsonError('starts with a byte order mark (U+FEFF), which Go refuses');
  const p = new Parser(text);
  p.ws();
  const value = p.value(0);
  p.ws();
  if (p.pos !== text.length) p.fail('unexpected data after the JSON value');
  return value;
}

// ignoreBOM keeps a BOM in the text, where parseStrictJson refuses it (by default the decoder
// would drop it silently). One decoder for every call: decode() without `stream` starts afresh.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode UTF-8 (fatal on invalid sequences) and parse strictly. */
export function parseStrictJsonBytes(bytes: Uint8Array): unknown {
  return parseStrictJson(decodeUtf8(bytes));
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new StrictJsonError('not valid UTF-8');
  }
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f]/g;

/**
 * Strict JSON, refused as parseStrictJsonBytes refuses it, but the value as JSON.parse builds
 * it: for documents that may be large (a bundle up to its 10 MiB cap), whose strings the strict
 * parser would hand out as slices of the whole text (each then flattened into another copy when
 * read as base64). The strict parse only checks, and its tree is garbage at once.
 */
export function parseCheckedJsonBytes(bytes: Uint8Array): unknown {
  const text = decodeUtf8(bytes);
  parseStrictJson(text);
  return JSON.parse(text) as unknown;
}

class Parser {
  pos = 0;
  /** The next backslash at or after the last string's start (Infinity: none), found once. */
  private backslash = -1;
  /** Likewise the next control character (U+0000 to U+001F). */
  private control = -1;
  constructor(private readonly s: string) {}

  fail(why: string): never {
    throw new StrictJsonError(`${why} at offset ${this.pos}`);
  }

  ws(): void {
    while (this.pos < this.s.length) {
      const c = this.s.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else break;
    }
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail('JSON nested too deeply');
    const c = this.s[this.pos];
    switch (c) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
        return this.fail(
          c === undefined ? 'unexpected end of JSON' : `unexpected character '${c}'`,
        );
    }
  }

  literal<T>(word: string, v: T): T {
    if (this.s.startsWith(word, this.pos)) {
      this.pos += word.length;
      return v;
    }
    return this.fail('invalid literal');
  }

  number(): number {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      this.s.slice(this.pos, this.pos + 400),
    );
    if (!m) return this.fail('invalid number');
    this.pos += m[0].length;
    return Number(m[0]);
  }

  string(): string {
    // Find the closing quote, then let JSON.parse decode escapes exactly as it always does; a
    // string without escapes (no backslash, no control character) is its characters as they are.
    const start = this.pos;
    // Most strings (base64 signatures, digests, names) have no escape: find the closing quote
    // natively, and walk the characters only to refuse a control character.
    const end = this.s.indexOf('"', start + 1);
    if (this.backslash <= start) {
      const b = this.s.indexOf('\\', start + 1);
      this.backslash = b < 0 ? Infinity : b;
    }
    if (end > start && this.backslash > end) {
      if (this.control <= start) {
        CONTROL.lastIndex = start + 1;
        this.control = CONTROL.exec(this.s)?.index ?? Infinity;
      }
      if (this.control < end) {
        this.pos = this.control;
        this.fail('control character in string');
      }
      this.pos = end + 1;
      return this.s.slice(start + 1, end);
    }
    let escaped = false;
    this.pos++;
    while (this.pos < this.s.length) {
      const c = this.s.charCodeAt(this.pos);
      if (c === 0x22) {
        this.pos++;
        if (!escaped) return this.s.slice(start + 1, this.pos - 1);
        try {
          return JSON.parse(this.s.slice(start, this.pos)) as string;
        } catch {
          this.pos = start;
          return this.fail('invalid string');
        }
      }
      if (c === 0x5c) {
        escaped = true;
        this.pos += 2;
      } else if (c < 0x20) this.fail('control character in string');
      else this.pos++;
    }
    return this.fail('unterminated string');
  }

  array(depth: number): unknown[] {
    this.pos++;
    const out: unknown[] = [];
    this.ws();
    if (this.s[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.pos++];
      if (c === ']') return out;
      if (c !== ',') this.fail("expected ',' or ']'");
    }
  }

  object(depth: number): Record<string, unknown> {
    this.pos++;
    // A null-prototype object: keys like "__proto__" stay plain data.
    const out = Object.create(null) as Record<string, unknown>;
    const seen = new Map<string, string>();
    this.ws();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.pos] !== '"') this.fail('expected a string key');
      const keyAt = this.pos;
      const key = this.string();
      const folded = goFoldKey(key);
      const earlier = seen.get(folded);
      if (earlier !== undefined) {
        this.pos = keyAt;
        this.fail(
          earlier === key
            ? `duplicate key ${JSON.stringify(key)}`
            : `key ${JSON.stringify(key)} collides with ${JSON.stringify(earlier)} (Go matches keys case-insensitively)`,
        );
      }
      seen.set(folded, key);
      this.ws();
      if (this.s[this.pos++] !== ':') this.fail("expected ':'");
      this.ws();
      out[key] = this.value(depth + 1);
      this.ws();
      const c = this.s[this.pos++];
      if (c === '}') return out;
      if (c !== ',') this.fail("expected ',' or '}'");
    }
  }
}

/**
 * A key as Go's encoding/json compares it: lone surrogates as U+FFFD (what Go decodes them to),
 * then each code point folded (lower, upper, lower: one form for each simple case-folding orbit
 * such as k/K/U+212A or s/S/U+017F). Where JavaScript's mappings differ from Go's simple folding
 * (Turkish dotless i) this folds more, which can only refuse more.
 */
export function goFoldKey(key: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(key)) return key.toLowerCase();
  let out = '';
  for (const ch of key.replace(/\p{Surrogate}/gu, '\ufffd')) out += foldCodePoint(ch);
  return out;
}

function foldCodePoint(ch: string): string {
  let cur = ch;
  for (const step of [
    (c: string) => c.toLowerCase(),
    (c: string) => c.toUpperCase(),
    (c: string) => c.toLowerCase(),
  ]) {
    const next = step(cur);
    // A multi-character mapping (U+00DF to "SS") is full folding, which Go does not do.
    if ([...next].length === 1) cur = next;
  }
  return cur;
}
