import { describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { legacyAttestationToBundle } from '../../src/core/signatures/legacy-att.js';
import {
  ANNOTATION_BUNDLE,
  ANNOTATION_SIGNATURE,
  checkSimpleSigningPayload,
  legacyLayerToBundle,
} from '../../src/core/signatures/legacy.js';
import { parseStatement } from '../../src/core/signatures/statement.js';
import {
  goFoldKey,
  parseStrictJson,
  parseCheckedJsonBytes,
  parseStrictJsonBytes,
  StrictJsonError,
} from '../../src/core/signatures/strict-json.js';

// Issue 10 item 10: the signed payloads and statements are decoded by Go (cosign, cluster-side
// verifiers), whose encoding/json matches struct fields case-insensitively (Unicode simple
// folding) and keeps the last match. Two keys that Go reads as one are refused, at every level,
// and so is a BOM, which Go refuses while a default TextDecoder drops it.

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const OTHER = `sha256:${'cd'.repeat(32)}`;
const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

function simpleSigning(image: string): string {
  return `{"critical":{"identity":{"docker-reference":"r"},"image":${image},"type":"cosign container image signature"},"optional":null}`;
}

describe('keys that collide the way Go sees them', () => {
  it.each<[string, string, string]>([
    ['ASCII case', 'docker-manifest-digest', 'Docker-Manifest-Digest'],
    ['all upper case', 'type', 'TYPE'],
    ['long s (U+017F) folds to s', 'docker-manifest-digest', 'docker-manifest-dige\u017ft'],
    ['Kelvin sign (U+212A) folds to k', 'kind', '\u212aind'],
    ['final sigma', 'σ', 'ς'],
    ['sharp s and capital sharp s', 'straße', 'STRAẞE'],
    ['escaped spelling of the same key', 'type', '\\u0054ype'],
    ['lone surrogates both decode to U+FFFD in Go', 'a\\ud800', 'a\\udbff'],
  ])('%s: {"%s", "%s"} is refused at the top level and nested', (_name, a, b) => {
    for (const doc of [
      `{"${a}":1,"${b}":2}`,
      `{"x":{"y":[{"${a}":"1"},{"z":{"${b}":"2","${a}":"3"}}]}}`,
      `[{"${b}":null,"${a}":null}]`,
    ]) {
      expect(() => parseStrictJson(doc), doc).toThrow(/collides|duplicate/);
    }
  });

  it.each<[string, string]>([
    ['different letters', 'digest'],
    ['dotted capital I (no simple folding in Go)', 'İ'],
    ['a suffix', 'docker-manifest-digest2'],
  ])('%s: distinct keys still parse', (_name, b) => {
    const v = parseStrictJson(`{"docker-manifest-digest":"a","${b}":"b"}`) as Record<
      string,
      string
    >;
    expect(v['docker-manifest-digest']).toBe('a');
    expect(v[b]).toBe('b');
  });

  it('the same key in sibling objects is not a collision', () => {
    expect(parseStrictJson('[{"a":1},{"A":2}]')).toEqual([{ a: 1 }, { A: 2 }]);
  });

  it('goFoldKey: one form per folding orbit', () => {
    expect(new Set(['k', 'K', '\u212a'].map(goFoldKey)).size).toBe(1);
    expect(new Set(['s', 'S', '\u017f'].map(goFoldKey)).size).toBe(1);
    expect(new Set(['µ', 'μ', 'Μ'].map(goFoldKey)).size).toBe(1);
    expect(goFoldKey('ab')).not.toBe(goFoldKey('ba'));
  });
});

describe('a byte order mark is refused', () => {
  it.each<[string, Buffer]>([
    ['UTF-8 BOM bytes', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('{}')])],
    ['BOM then whitespace', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(' \n{}')])],
  ])('%s', (_name, bytes) => {
    expect(() => parseStrictJsonBytes(bytes)).toThrow(/byte order mark/);
  });
  it('a BOM in text form', () => {
    expect(() => parseStrictJson('\ufeff{"a":1}')).toThrow(/byte order mark/);
  });
  it('U+FEFF inside a string value is plain data', () => {
    expect(parseStrictJsonBytes(utf8('{"a":"\ufeff"}'))).toEqual({ a: '\ufeff' });
  });
});

describe('every signed-payload reader refuses them', () => {
  it.each<[string, string]>([
    [
      'both spellings of docker-manifest-digest',
      simpleSigning(`{"docker-manifest-digest":"${DIGEST}","Docker-Manifest-Digest":"${OTHER}"}`),
    ],
    [
      'the other spelling first',
      simpleSigning(`{"Docker-Manifest-Digest":"${OTHER}","docker-manifest-digest":"${DIGEST}"}`),
    ],
    [
      'a long-s spelling',
      simpleSigning(
        `{"docker-manifest-digest":"${DIGEST}","docker-manifest-dige\u017ft":"${OTHER}"}`,
      ),
    ],
    [
      'Critical next to critical',
      `${simpleSigning(`{"docker-manifest-digest":"${DIGEST}"}`).slice(0, -1)},"Critical":{}}`,
    ],
    [
      'in optional',
      simpleSigning(`{"docker-manifest-digest":"${DIGEST}"}`).replace(
        '"optional":null',
        '"optional":{"a":"1","A":"2"}',
      ),
    ],
  ])('simple-signing payload: %s', (_name, text) => {
    // The unedited payload (no collision) is accepted, so only the collision refuses.
    expect(() =>
      checkSimpleSigningPayload(
        utf8(simpleSigning(`{"docker-manifest-digest":"${DIGEST}"}`)),
        DIGEST,
      ),
    ).not.toThrow();
    let err: unknown;
    try {
      checkSimpleSigningPayload(utf8(text), DIGEST);
    } catch (e: unknown) {
      err = e;
    }
    expect(err).toBeInstanceOf(GateError);
    expect((err as GateError).code).toBe('MALFORMED');
    expect((err as GateError).message).toMatch(/collides/);
  });

  it('simple-signing payload with a BOM', () => {
    const payload = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      utf8(simpleSigning(`{"docker-manifest-digest":"${DIGEST}"}`)),
    ]);
    expect(() => checkSimpleSigningPayload(payload, DIGEST)).toThrow(/byte order mark/);
  });

  const statement = (subject: string, extra = ''): Buffer =>
    utf8(
      `{"_type":"https://in-toto.io/Statement/v1","subject":${subject},"predicateType":"https://example.com/p","predicate":{}${extra}}`,
    );
  const subj = `[{"name":"x","digest":{"sha256":"${'ab'.repeat(32)}"}}]`;

  it.each<[string, Buffer]>([
    [
      'Subject next to subject',
      statement(subj, `,"Subject":[{"digest":{"sha256":"${'cd'.repeat(32)}"}}]`),
    ],
    ['PredicateType next to predicateType', statement(subj, ',"PredicateType":"https://evil"')],
    ['_TYPE next to _type', statement(subj, ',"_TYPE":"x"')],
    [
      'SHA256 next to sha256 in a digest',
      statement(`[{"digest":{"sha256":"${'ab'.repeat(32)}","SHA256":"${'cd'.repeat(32)}"}}]`),
    ],
    [
      'collision deep in the predicate',
      utf8(
        statement(subj)
          .toString()
          .replace('"predicate":{}', '"predicate":{"a":{"b":[{"buildType":1,"BuildType":2}]}}'),
      ),
    ],
    ['a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), statement(subj)])],
  ])('in-toto statement: %s', (_name, bytes) => {
    expect(() => parseStatement('application/vnd.in-toto+json', statement(subj))).not.toThrow();
    expect(() => parseStatement('application/vnd.in-toto+json', bytes)).toThrow(
      /collides|byte order mark/,
    );
  });

  it('legacy .att envelope: PayloadType / Signatures next to their lower-case spelling', () => {
    const payload = Buffer.from(statement(subj)).toString('base64');
    const sig = Buffer.from('sig').toString('base64');
    const ok = `{"payloadType":"application/vnd.in-toto+json","payload":"${payload}","signatures":[{"keyid":"","sig":"${sig}"}]}`;
    expect(() => legacyAttestationToBundle({ envelope: utf8(ok), annotations: {} })).not.toThrow();
    for (const bad of [
      ok.replace('{"payloadType"', '{"PayloadType":"text/plain","payloadType"'),
      ok.replace('"signatures"', '"Signatures":[],"signatures"'),
      ok.replace('"keyid":""', '"keyid":"","KeyID":"x"'),
    ]) {
      expect(() => legacyAttestationToBundle({ envelope: utf8(bad), annotations: {} })).toThrow(
        /collides/,
      );
    }
  });

  it('legacy .sig SET annotation: Payload next to payload', () => {
    const layer = (bundle: string) => ({
      payload: utf8('{}'),
      annotations: { [ANNOTATION_SIGNATURE]: 'AAAA', [ANNOTATION_BUNDLE]: bundle },
    });
    const body = Buffer.from('{"kind":"hashedrekord","apiVersion":"0.0.1"}').toString('base64');
    const p = `{"body":"${body}","integratedTime":1,"logIndex":1,"logID":"${'a'.repeat(64)}"}`;
    const ok = `{"SignedEntryTimestamp":"AAAA","Payload":${p}}`;
    expect(() => legacyLayerToBundle(layer(ok))).not.toThrow();
    for (const bad of [
      `{"SignedEntryTimestamp":"AAAA","Payload":${p},"payload":${p}}`,
      `{"SignedEntryTimestamp":"AAAA","signedEntryTimestamp":"BBBB","Payload":${p}}`,
      ok.replace('"integratedTime":1', '"integratedTime":1,"IntegratedTime":2'),
    ]) {
      expect(() => legacyLayerToBundle(layer(bad))).toThrow(/collides/);
    }
  });
});

// CPU round 3: strings without escapes are sliced, not JSON.parse'd, and one TextDecoder serves
// every call. The decoded values must stay exactly JSON.parse's.
describe('strict JSON fast paths', () => {
  it('decodes strings with and without escapes exactly as JSON.parse', () => {
    const strings = [
      '',
      'plain',
      'caf\u00e9 \u{1f600}',
      'lone \ud800 surrogate',
      'quote " and backslash \\',
      'tab\tnewline\n',
      '\u2028\u2029',
      'unicode escape \u0041',
    ];
    for (const s of strings) {
      const text = JSON.stringify({ k: s, [s === '' ? 'e' : s]: [s] });
      expect(parseStrictJson(text)).toEqual(JSON.parse(text));
    }
    // Raw (unescaped) non-ASCII and an escaped form of the same characters.
    const raw = '{"a":"\u00e9\u{1f600}","b":"\\u00e9\\ud83d\\ude00"}';
    expect(parseStrictJson(raw)).toEqual({ a: '\u00e9\u{1f600}', b: '\u00e9\u{1f600}' });
    // A raw control character is still refused on the fast path.
    expect(() => parseStrictJson('{"a":"x\u0001y"}')).toThrow(/control character/);
    // An escaped quote does not end the string early.
    expect(parseStrictJson('{"a":"x\\"y"}')).toEqual({ a: 'x"y' });
  });

  it('reads every document JSON.parse reads, and refuses what it refuses (generated)', () => {
    // The string fast path finds quotes, backslashes and control characters by searching ahead
    // once; documents mixing them in every order must read exactly as JSON.parse reads them.
    const pieces = [
      'a',
      'é',
      '\\"',
      '\\\\',
      '\\n',
      '\\u0041',
      '\u0001',
      '\n',
      '\t',
      '"',
      '\\',
      'zz',
    ];
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const str = (): string => {
      let out = '';
      for (let i = rnd(5); i > 0; i--) out += pieces[rnd(pieces.length)];
      return out;
    };
    let accepted = 0;
    let refused = 0;
    for (let n = 0; n < 3000; n++) {
      const members = Array.from({ length: 1 + rnd(4) }, (_, i) => `"k${i}${str()}":"${str()}"`);
      const text = `{${members.join(rnd(2) ? ',' : ',\n ')}}`;
      let want: unknown;
      try {
        want = JSON.parse(text);
      } catch {
        expect(() => parseStrictJson(text), text).toThrow(StrictJsonError);
        refused++;
        continue;
      }
      // Keys that collide are refused by design; compare only documents without such keys.
      const keys = Object.keys(want as object);
      if (new Set(keys.map((k) => goFoldKey(k))).size !== members.length) continue;
      expect(parseStrictJson(text), text).toEqual(want);
      accepted++;
    }
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });

  it('parseCheckedJsonBytes refuses what the strict parser refuses and builds what JSON.parse builds', () => {
    const bytes = (t: string) => Buffer.from(t, 'utf8');
    expect(() => parseCheckedJsonBytes(bytes('{"a":1,"a":1}'))).toThrow(/duplicate key "a"/);
    expect(() => parseCheckedJsonBytes(bytes('{"Digest":1,"digest":2}'))).toThrow(/collides/);
    expect(() => parseCheckedJsonBytes(Uint8Array.of(0x7b, 0xff, 0x7d))).toThrow(/UTF-8/);
    const text = '{"x":{"__proto__":{"p":1},"y":["\\u0041",2.5e3,null]}}';
    const got = parseCheckedJsonBytes(bytes(text)) as { x: Record<string, unknown> };
    expect(got).toEqual(JSON.parse(text));
    expect(Object.hasOwn(got.x, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['p']).toBeUndefined();
  });

  it('the shared decoder starts afresh after invalid UTF-8', () => {
    // A truncated multi-byte sequence, then a valid document: no state carries over.
    expect(() => parseStrictJsonBytes(Uint8Array.of(0x22, 0xe2, 0x82))).toThrow(/UTF-8/);
    expect(parseStrictJsonBytes(Buffer.from('{"a":"\u20ac"}'))).toEqual({ a: '\u20ac' });
    expect(() => parseStrictJsonBytes(Buffer.from('\ufeff{}'))).toThrow(/byte order mark/);
  });
});
