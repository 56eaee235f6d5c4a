// One registry of the run's secrets and every form derived from them (Basic base64, URL and
// form encodings, JSON escapes), through which all quoted server text and the report pass.
/** Shorter secrets are not replaced: redacting "ab" would garble every message. */
export const MIN_SECRET_LENGTH = 4;

export const REDACTED = '***';
const ELLIPSIS = '…';

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
   * Every registered form replaced by `***`; so is the start of one that a message cut off
   * with `…` (quote() and error details shorten long server text before we see it).
   */
  redact(text: string): string {
    let out = text;
    for (const f of this.sorted) if (out.includes(f)) out = out.split(f).join(REDACTED);
    if (out.includes(ELLIPSIS)) {
      for (const f of this.sorted)
        for (let k = f.length - 1; k >= MIN_SECRET_LENGTH; k--) {
          const cut = `${f.slice(0, k)}${ELLIPSIS}`;
          if (out.includes(cut)) out = out.split(cut).join(`${REDACTED}${ELLIPSIS}`);
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

/** The secret as it may be quoted back: raw, URL/form-encoded, JSON-escaped, hex, base64. */
function encodings(s: string): string[] {
  const json = JSON.stringify(s).slice(1, -1);
  return [
    s,
    encodeURIComponent(s),
    new URLSearchParams({ x: s }).toString().slice(2),
    json,
    Buffer.from(s, 'utf8').toString('hex'),
    ...base64Forms(Buffer.from(s, 'utf8')),
  ];
}

/** Standard and URL-safe base64, each with and without padding. */
function base64Forms(b: Buffer): string[] {
  const std = b.toString('base64');
  const url = b.toString('base64url');
  return [std, std.replace(/=+$/, ''), url, `${url}${'='.repeat((4 - (url.length % 4)) % 4)}`];
}
