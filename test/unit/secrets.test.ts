// The run's secret registry (core/secrets.ts): every configured secret and every form derived
// from it is redacted wherever a server may quote it back, and announced to the Action's masking.
import { describe, expect, it } from 'vitest';
import { errorDetail } from '../../src/core/registry/http-errors.js';
import { REDACTED, SecretRegistry } from '../../src/core/secrets.js';

const USER = 'robot$ci';
const PASS = 'p@ss w/rd:"x"\\+%é';
const pair = `${USER}:${PASS}`;
const b64 = Buffer.from(pair).toString('base64');

/** [form, how a server could quote the credential] */
const ECHOES: Array<[string, string]> = [
  ['raw password', PASS],
  ['Basic header', `Basic ${b64}`],
  ['base64 of user:pass', b64],
  ['base64 without padding', b64.replace(/=+$/, '')],
  ['base64url of user:pass', Buffer.from(pair).toString('base64url')],
  ['URL-encoded password', encodeURIComponent(PASS)],
  ['form-encoded password', new URLSearchParams({ p: PASS }).toString().slice(2)],
  ['JSON-escaped password', JSON.stringify(PASS).slice(1, -1)],
  ['base64 of the password', Buffer.from(PASS).toString('base64')],
  ['hex of the password', Buffer.from(PASS).toString('hex')],
];

describe('SecretRegistry', () => {
  it.each(ECHOES)('redacts the %s', (_n, form) => {
    const s = new SecretRegistry();
    s.addCredential(USER, PASS);
    const out = s.redact(`denied: you sent ${form} (twice: ${form})`);
    expect(out).toBe(`denied: you sent ${REDACTED} (twice: ${REDACTED})`);
    expect(out).not.toContain(PASS);
  });

  it.each([
    ['a bearer token', 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', (t: string) => `Bearer ${t}`],
    ['an identity (refresh) token', 'rt_0123456789abcdef', (t: string) => `refresh_token=${t}`],
    [
      'a GitHub token, URL-encoded',
      'ghs_abc/def+ghi=',
      (t: string) => `token=${encodeURIComponent(t)}`,
    ],
  ])('redacts %s in any quoting', (_n, token, quoteIt) => {
    const s = new SecretRegistry();
    s.add(token);
    expect(s.redact(`server said: ${quoteIt(token)}`)).not.toContain(token);
    expect(s.redact(`server said: ${quoteIt(token)}`)).toContain(REDACTED);
  });

  it('replaces a secret that contains another one whole (longest first)', () => {
    const s = new SecretRegistry();
    s.add('abcd');
    s.add('xxabcdyy');
    expect(s.redact('[xxabcdyy] [abcd]')).toBe(`[${REDACTED}] [${REDACTED}]`);
  });

  it('leaves very short secrets in the text but still redacts the Basic form of them', () => {
    const s = new SecretRegistry();
    s.addCredential('u', 'pw');
    const basic = Buffer.from('u:pw').toString('base64');
    expect(s.redact('pw is fine')).toBe('pw is fine');
    expect(s.redact(`Basic ${basic}`)).not.toContain(basic);
  });

  it('redacts every string of a report, keys included, and keeps other values', () => {
    const s = new SecretRegistry();
    s.addCredential(USER, PASS);
    const report = {
      n: 3,
      ok: false,
      none: null,
      results: [{ reason: `HTTP 401 (${b64})`, tags: [PASS, 'x'] }],
      [PASS]: 'key',
    };
    const out = s.redactDeep(report);
    expect(JSON.stringify(out)).not.toContain(PASS);
    expect(JSON.stringify(out)).not.toContain(b64);
    expect(out).toMatchObject({ n: 3, ok: false, none: null });
    expect(out.results[0].tags).toEqual([REDACTED, 'x']);
  });

  it('announces every form to a listener, those added before it too', () => {
    const s = new SecretRegistry();
    s.addCredential(USER, PASS);
    const seen: string[] = [];
    s.onAdd((f) => seen.push(f));
    s.add('tok_later_123');
    for (const [, form] of ECHOES) if (form !== `Basic ${b64}`) expect(seen).toContain(form);
    expect(seen).toContain(`Basic ${b64}`);
    expect(seen).toContain('tok_later_123');
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.each([4, 9, 20])('redacts the first %d characters of a form cut off with …', (k) => {
    const s = new SecretRegistry();
    s.add('tok_0123456789abcdefghij');
    expect(s.redact(`link "${'tok_0123456789abcdefghij'.slice(0, k)}…"`)).toBe('link "***…"');
  });

  it('ignores undefined and empty secrets', () => {
    const s = new SecretRegistry();
    s.add(undefined);
    s.add('');
    expect(s.redact('nothing to hide')).toBe('nothing to hide');
  });
});

/** A long token whose base64 wraps, and forms a careless server transforms further. */
const LONG = `ghp_${'A1b2C3d4E5'.repeat(4)}`;
const longPair = Buffer.from(`x-access-token:${LONG}`).toString('base64');

/** [what, the credential as a server transformed it] — none of these is one of the forms above. */
const TRANSFORMED: Array<[string, string]> = [
  ['upper-case hex of the password', Buffer.from(PASS).toString('hex').toUpperCase()],
  [
    'URL escapes in lower case',
    encodeURIComponent(PASS).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  ],
  [
    'the password as a URL parser leaves it in a path',
    new URL(`http://h/${PASS}`).pathname.slice(1),
  ],
  ['ASCII-only JSON (\\u00e9)', JSON.stringify(PASS).slice(1, -1).replace('é', '\\u00e9')],
  ['JSON with \\/', JSON.stringify(PASS).slice(1, -1).replace('/', '\\/')],
  ['the password split over two lines', `${PASS.slice(0, 6)}\n${PASS.slice(6)}`],
  ['base64 of user:pass wrapped at 4 columns', b64.replace(/(.{4})/g, '$1\r\n')],
  ['the password cut off with ...', `${PASS.slice(0, 9)}...`],
  ['base64 of user:pass cut off at the end of the text', b64.slice(0, 12)],
  [
    'base64 of a JSON document holding the password (1 byte in)',
    Buffer.from(`{"pw":"${PASS}"}`).toString('base64'),
  ],
  [
    'base64 of the password 2 bytes into a longer text',
    Buffer.from(`ab${PASS}!`).toString('base64'),
  ],
];

describe('SecretRegistry against transformed echoes', () => {
  it.each(TRANSFORMED)('redacts %s', (_n, echo) => {
    const s = new SecretRegistry();
    s.addCredential(USER, PASS);
    const out = s.redact(`denied: you sent ${echo}`);
    expect(out).toContain(REDACTED);
    expect(out).not.toContain(echo);
    expect(out.replace(/\s+/g, '')).not.toContain(PASS.replace(/\s+/g, ''));
  });

  it('redacts base64 of a long token wrapped at 76 columns (MIME) and 64 (PEM)', () => {
    const s = new SecretRegistry();
    s.addCredential('x-access-token', LONG);
    for (const width of [76, 64]) {
      const wrapped = longPair.replace(new RegExp(`(.{${width}})`, 'g'), '$1\r\n');
      expect(wrapped).toContain('\n');
      const out = s.redact(`echo:\n${wrapped}\nend`);
      expect(out.replace(/\s+/g, '')).not.toContain(longPair.slice(0, 40));
      expect(out).toContain('end');
    }
  });

  it('keeps ordinary text that merely shares a short start with a secret', () => {
    const s = new SecretRegistry();
    s.add('hunter2-very-secret');
    expect(s.redact('the hunt is on')).toBe('the hunt is on');
    expect(s.redact('manifest unknown')).toBe('manifest unknown');
  });
});

describe('errorDetail, where the registry client quotes an OCI error body', () => {
  it.each(ECHOES)('quotes it with the %s redacted, before cleaning and cutting', (_n, form) => {
    const s = new SecretRegistry();
    s.addCredential(USER, PASS);
    const message = `${'x'.repeat(170)} you sent ${form}\n`;
    const body = new TextEncoder().encode(
      JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message }] }),
    );
    const detail = errorDetail({ body, redact: (t) => s.redact(t) });
    expect(detail).toMatch(/^ \(UNAUTHORIZED: x+ you sent \*\*\*/);
    expect(detail).not.toContain(form.slice(0, 5));
  });
});
