// Strict JSON for signed payloads: a parser that refuses duplicate object keys, so that the
// bytes we verify and the object we act on cannot be read two ways (parser differentials).

/** Why a strict parse failed; callers turn it into a GateError with their own input name. */
export class StrictJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrictJsonError';
  }
}

const MAX_DEPTH = 64;

/**
 * Parse RFC 8259 JSON, rejecting duplicate keys anywhere in the document, nesting deeper than
 * 64 levels, and anything after the value. Numbers and strings decode as JSON.parse would.
 */
export function parseStrictJson(text: string): unknown {
  const p = new Parser(text);
  p.ws();
  const value = p.value(0);
  p.ws();
  if (p.pos !== text.length) p.fail('unexpected data after the JSON value');
  return value;
}

/** Decode UTF-8 (fatal on invalid sequences) and parse strictly. */
export function parseStrictJsonBytes(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new StrictJsonError('not valid UTF-8');
  }
  return parseStrictJson(text);
}

class Parser {
  pos = 0;
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
    // Find the closing quote, then let JSON.parse decode escapes exactly as it always does.
    const start = this.pos;
    this.pos++;
    while (this.pos < this.s.length) {
      const c = this.s.charCodeAt(this.pos);
      if (c === 0x22) {
        this.pos++;
        try {
          return JSON.parse(this.s.slice(start, this.pos)) as string;
        } catch {
          this.pos = start;
          return this.fail('invalid string');
        }
      }
      if (c === 0x5c) this.pos += 2;
      else if (c < 0x20) this.fail('control character in string');
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
    const seen = new Set<string>();
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
      if (seen.has(key)) {
        this.pos = keyAt;
        this.fail(`duplicate key ${JSON.stringify(key)}`);
      }
      seen.add(key);
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
