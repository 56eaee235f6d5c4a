// One registry of the run's secrets and every form derived from them (Basic base64, URL and
// form encodings, JSON escapes), through which all quoted server text and the report pass.
import { isPacked, mapResults } from './packed-results.js';
import type { ImageResult } from './report.js';

/** Shorter secrets are not replaced: redacting "ab" would garble every message. */
export const MIN_SECRET_LENGTH = 4;

export const REDACTED = '***';
const ELLIPSIS = '…';
/**
 * Forms at least this long are also found split by white space, and their first this many
 * characters at the very end of a text (a server cut it there) are redacted too.
 */
const SPLIT_MIN_LENGTH = 8;

/** `f` with any white space (its own too) allowed between its characters. */
function splitPattern(f: string): RegExp {
  return new RegExp(
    [...f.replace(/\s+/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('\\s*'),
    'g',
  );
}

export class SecretRegistry {
  private readonly forms = new Set<string>();
  /** Longest first, so a secret that contains another is replaced whole. */
  private sorted: string[] = [];
  private readonly listeners: Array<(form: string) => void> = [];

  /** Called for every form registered, now and later (the Action passes core.setSecret). */
  onAdd(listener: (form: string) => void): void {
    this.listeners.push(listener);
    for (const f of this.forms) listener(f);
  }

  /** A secret (password, token, refresh token) and the encodings a server may quote it in. */
  add(secret: string | undefined): void {
    if (!secret) return;
    for (const f of encodings(secret)) this.addForm(f);
  }

  /** A username/password pair: the password, and the `user:pass` base64 a Basic header carries. */
  addCredential(username: string, password: string): void {
    this.add(password);
    const pair = `${username}:${password}`;
    for (const f of base64Forms(Buffer.from(pair, 'utf8'))) this.addForm(f);
    // A Basic header of a short password is still a secret as a whole.
    this.addForm(`Basic ${Buffer.from(pair, 'utf8').toString('base64')}`);
  }

  /**
   * Every registered form replaced by `***`: as it is, split by white space (base64 wrapped at
   * 64/76 columns, a value broken over lines), and the start of one that a message cut off with
   * `…` or `...` or at its very end (quote(), error details and servers shorten long text).
   */
  redact(text: string): string {
    let out = text;
    for (const f of this.sorted) if (out.includes(f)) out = out.split(f).join(REDACTED);
    if (/\s/.test(out)) {
      const squeezed = out.replace(/\s+/g, '');
      for (const f of this.sorted)
        if (f.length >= SPLIT_MIN_LENGTH && squeezed.includes(f.replace(/\s+/g, '')))
          out = out.replace(splitPattern(f), REDACTED);
    }
    for (const f of this.sorted) {
      // Every cut-off start holds the shortest one: most texts are done with after one search.
      if (!out.includes(f.slice(0, MIN_SECRET_LENGTH))) continue;
      for (let k = f.length - 1; k >= MIN_SECRET_LENGTH; k--) {
        const head = f.slice(0, k);
        if (!out.includes(head)) continue;
        for (const cut of [ELLIPSIS, '...'])
          if (out.includes(`${head}${cut}`))
            out = out.split(`${head}${cut}`).join(`${REDACTED}${cut}`);
        if (k >= SPLIT_MIN_LENGTH && out.endsWith(head))
          out = `${out.slice(0, out.length - k)}${REDACTED}`;
      }
    }
    return out;
  }

  /** A JSON-like value with every string (keys included) redacted; other values as they are. */
  redactDeep<T>(value: T): T {
    if (this.sorted.length === 0) return value;
    return this.walk(value) as T;
  }

  private walk(v: unknown): unknown {
    if (typeof v === 'string') return this.redact(v);
    // A batch's packed results stay packed: each is redacted as it is read.
    if (isPacked(v)) return mapResults(v as ImageResult[], (r) => this.walk(r) as ImageResult);
    if (Array.isArray(v)) return v.map((x) => this.walk(x));
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[this.redact(k)] = this.walk(x);
      return out;
    }
    return v;
  }

  private addForm(f: string): void {
    if (f.length < MIN_SECRET_LENGTH || this.forms.has(f)) return;
    this.forms.add(f);
    this.sorted = [...this.forms].sort((a, b) => b.length - a.length);
    for (const l of this.listeners) l(f);
  }
}

/**
 * The secret as it may be quoted back: raw, URL/form-encoded (upper- and lower-case escapes, and
 * as a URL parser leaves it in a path), JSON-escaped (also ASCII-only and with `\/`), hex in
 * either case, base64 (at each byte alignment inside a longer base64 text).
 */
function encodings(s: string): string[] {
  const json = JSON.stringify(s).slice(1, -1);
  const asciiJson = json.replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const url = encodeURIComponent(s);
  const hex = Buffer.from(s, 'utf8').toString('hex');
  return [
    s,
    url,
    lowerEscapes(url),
    new URLSearchParams({ x: s }).toString().slice(2),
    urlPath(s),
    lowerEscapes(urlPath(s)),
    json,
    asciiJson,
    asciiJson.toUpperCase().replace(/\\U/g, '\\u'),
    json.replace(/\//g, '\\/'),
    // Go's encoding/json escapes HTML characters.
    json.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`),
    hex,
    hex.toUpperCase(),
    ...base64Forms(Buffer.from(s, 'utf8')),
    ...shiftedBase64(Buffer.from(s, 'utf8')),
  ];
}

/** `%C3%A9` as `%c3%a9`. */
function lowerEscapes(s: string): string {
  return s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
}

/**
 * What a WHATWG URL parser makes of `s` in an http(s) path: its path percent-encode set, in
 * UTF-8, and `\` read as `/`.
 */
function urlPath(s: string): string {
  return [...s.replace(/\\/g, '/')]
    .map((c) =>
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0020"#<>?`{}\u007f-\u{10ffff}]/u.test(c)
        ? [...Buffer.from(c, 'utf8')]
            .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
            .join('')
        : c,
    )
    .join('');
}

/**
 * The part of base64 that encodes only `b` when `b` sits 1 or 2 bytes into a longer base64
 * text (a JSON document or header block quoted in base64): the groups its neighbours touch are
 * dropped.
 */
function shiftedBase64(b: Buffer): string[] {
  const out: string[] = [];
  for (const shift of [1, 2]) {
    const enc = Buffer.concat([Buffer.alloc(shift), b]).toString('base64');
    const whole = Math.floor((shift + b.length) / 3) * 4;
    const middle = enc.slice(4, whole);
    if (middle.length >= MIN_SECRET_LENGTH * 2) out.push(middle);
  }
  return out;
}

/** Standard and URL-safe base64, each with and without padding. */
function base64Forms(b: Buffer): string[] {
  const std = b.toString('base64');
  const url = b.toString('base64url');
  return [std, std.replace(/=+$/, ''), url, `${url}${'='.repeat((4 - (url.length % 4)) % 4)}`];
}
