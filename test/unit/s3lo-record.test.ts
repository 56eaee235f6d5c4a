import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signEd25519ph, verifyEd25519ph } from '../../src/core/s3lo/ed25519ph.js';
import { decodeSignature, parseS3loRecord, s3loKeyID } from '../../src/core/s3lo/record.js';
import { verifyS3loSignature } from '../../src/core/s3lo/signature.js';
import {
  encodeS3loRecord,
  makeTestKey,
  s3loRawSignature,
  type TestKeyType,
} from '../helpers/s3lo.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const enc = (v: unknown): Uint8Array => Buffer.from(JSON.stringify(v));
const good = {
  schemaVersion: 2,
  digest: DIGEST,
  keyRef: 'cosign.key',
  keyID: '0123456789abcdef',
  algorithm: 'ECDSA_SHA_256',
  signature: 'AAAA',
  signedAt: '2026-05-08T05:13:20Z',
};

describe('s3lo key ID', () => {
  it('is the first 16 hex chars of sha256 over the DER SPKI, as openssl computes it', () => {
    const k = makeTestKey('ecdsa-p256');
    const dir = mkdtempSync(path.join(tmpdir(), 's3lo-keyid-'));
    writeFileSync(path.join(dir, 'k.pub'), k.key.pem);
    const der = execFileSync('openssl', [
      'pkey',
      '-pubin',
      '-in',
      path.join(dir, 'k.pub'),
      '-outform',
      'DER',
    ]);
    expect(s3loKeyID(k.key.publicKey)).toBe(
      createHash('sha256').update(der).digest('hex').slice(0, 16),
    );
    expect(s3loKeyID(k.key.publicKey)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('record encoding', () => {
  it('writes the fields in Go struct order with Go string escaping', () => {
    const bytes = encodeS3loRecord({ ...good, keyRef: 'a<b>&c' });
    expect(bytes.toString()).toBe(
      `{"schemaVersion":2,"digest":"${DIGEST}","keyRef":"a\\u003cb\\u003e\\u0026c","keyID":"0123456789abcdef",` +
        `"algorithm":"ECDSA_SHA_256","signature":"AAAA","signedAt":"2026-05-08T05:13:20Z"}`,
    );
    expect(parseS3loRecord(bytes)).toEqual({ ok: true, record: { ...good, keyRef: 'a<b>&c' } });
  });
});

describe('parseS3loRecord', () => {
  it.each([
    ['not JSON', Buffer.from('{"schemaVersion":2,'), 'malformed signature record: '],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0x7d]), 'malformed signature record: '],
    ['a JSON array', enc([good]), 'not a JSON object'],
    ['null', enc(null), 'not a JSON object'],
    [
      'schema 1 (digest-only payload)',
      enc({ ...good, schemaVersion: 1, payload: 'x' }),
      'unsupported signature schema version 1 (this build verifies version 2); re-sign the image',
    ],
    [
      'no schemaVersion (Go reads 0)',
      enc({ ...good, schemaVersion: undefined }),
      'unsupported signature schema version 0',
    ],
    [
      'schemaVersion as a string',
      enc({ ...good, schemaVersion: '2' }),
      'schemaVersion "2" is not an integer',
    ],
    ['schemaVersion 2.5', enc({ ...good, schemaVersion: 2.5 }), 'is not an integer'],
    ['digest missing', enc({ ...good, digest: undefined }), 'digest is missing'],
    ['signature as a number', enc({ ...good, signature: 7 }), 'signature is not a string'],
    ['keyID as an object', enc({ ...good, keyID: { a: 1 } }), 'keyID is not a string'],
    [
      'digest not sha256',
      enc({ ...good, digest: 'md5:abcd' }),
      'digest "md5:abcd" is not sha256:<64 hex>',
    ],
    ['digest upper case', enc({ ...good, digest: DIGEST.toUpperCase() }), 'is not sha256:<64 hex>'],
  ])('fails as MALFORMED on %s', (_name, bytes, reason) => {
    const r = parseS3loRecord(bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('MALFORMED');
    expect(r.reason).toContain(reason);
  });

  it('clips and quotes attacker-written values in reasons', () => {
    const r = parseS3loRecord(enc({ ...good, digest: `x\n${'y'.repeat(500)}` }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).not.toContain('\n');
    expect(r.reason.length).toBeLessThan(200);
  });

  it('ignores unknown fields, like Go', () => {
    expect(parseS3loRecord(enc({ ...good, extra: true })).ok).toBe(true);
  });

  // s3lo decodes records with Go's encoding/json: a key equal to a field name under Unicode
  // simple case folding sets that field too, and the last one wins; a leading BOM is refused.
  // JSON.parse would read the first spelling, so each of these is refused rather than read two ways.
  const record = (extra: string, prefix = ''): Uint8Array =>
    Buffer.from(`${prefix}${JSON.stringify(good).slice(0, -1)}${extra}}`);
  it.each([
    ['Digest after digest', `,"Digest":"sha256:${'cd'.repeat(32)}"`, 'collides with "digest"'],
    ['SIGNATURE after signature', ',"SIGNATURE":"AAAA"', 'collides with "signature"'],
    ['keyid after keyID', ',"keyid":"fedcba9876543210"', 'collides with "keyID"'],
    ['schemaversion after schemaVersion', ',"schemaversion":1', 'collides with "schemaVersion"'],
    ['digeſt (U+017F) after digest', ',"digeſt":"x"', 'collides with "digest"'],
    ['U+212A (Kelvin sign) spelling of keyID', ',"\u212AeyID":"x"', 'collides with "keyID"'],
  ])('fails as MALFORMED on %s, which Go would read differently', (_name, extra, reason) => {
    const r = parseS3loRecord(record(extra));
    expect(r).toMatchObject({ ok: false, code: 'MALFORMED' });
    if (r.ok) return;
    expect(r.reason).toMatch(/^malformed signature record: /);
    expect(r.reason).toContain(reason);
  });

  // Go reads these as JSON.parse does, but no record s3lo writes has them: one reading, as for
  // manifests and signed payloads.
  it.each([
    ['an exact duplicate digest', `,"digest":"${DIGEST}"`, 'duplicate key "digest"'],
    ['a nested duplicate in an unknown field', ',"extra":{"a":1,"A":2}', 'collides with "a"'],
  ])('fails as MALFORMED on %s too', (_name, extra, reason) => {
    const r = parseS3loRecord(record(extra));
    expect(r).toMatchObject({ ok: false, code: 'MALFORMED' });
    if (r.ok) return;
    expect(r.reason).toContain(reason);
  });

  it('fails as MALFORMED on a leading byte order mark, which Go refuses', () => {
    const r = parseS3loRecord(record('', '\ufeff'));
    expect(r).toMatchObject({ ok: false, code: 'MALFORMED' });
    if (r.ok) return;
    expect(r.reason).toContain('byte order mark');
  });

  it('keeps a __proto__ member as plain data, not a prototype', () => {
    const r = parseS3loRecord(record(',"__proto__":{"digest":"sha256:x"}'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record.digest).toBe(DIGEST);
  });
});

describe('decodeSignature', () => {
  it.each([
    ['', undefined],
    ['AAA', undefined],
    ['AA==', Buffer.from([0])],
    ['AB==', undefined], // non-zero padding bits: not canonical
    ['AA-_', undefined], // base64url alphabet
    ['AA\nAA==', undefined],
    ['AAAA', Buffer.from([0, 0, 0])],
  ])('decodes %j strictly', (text, want) => {
    expect(decodeSignature(text)).toEqual(want);
  });
});

describe('Ed25519ph', () => {
  // RFC 8032 §7.3, TEST abc.
  const seed = Buffer.from(
    '833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42',
    'hex',
  );
  const pub = Buffer.from(
    'ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf',
    'hex',
  );
  const sig = Buffer.from(
    '98a70222f0b8121aa9d30f813d683f809e462b469c7ff87639499bb94e6dae41' +
      '31f85042463c2a355a2003d062adf5aaa10b8c61e636062aaad11c2a26083406',
    'hex',
  );

  it('matches the RFC 8032 test vector', () => {
    expect(signEd25519ph(seed, Buffer.from('abc'))).toEqual(sig);
    expect(verifyEd25519ph(pub, Buffer.from('abc'), sig)).toBe(true);
  });

  it.each([
    ['another message', pub, Buffer.from('abd'), sig],
    [
      'a flipped R bit',
      pub,
      Buffer.from('abc'),
      Buffer.from(sig.map((b, i) => (i === 0 ? b ^ 1 : b))),
    ],
    ['S + L (malleated)', pub, Buffer.from('abc'), malleate(sig)],
    ['a short signature', pub, Buffer.from('abc'), sig.subarray(0, 63)],
    ['a public key off the curve', Buffer.alloc(32, 0xff), Buffer.from('abc'), sig],
  ])('rejects %s', (_name, key, msg, signature) => {
    expect(verifyEd25519ph(key, msg, signature)).toBe(false);
  });
});

function malleate(sig: Buffer): Buffer {
  const L = 2n ** 252n + 27742317777372353535851937790883648493n;
  let s = 0n;
  for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(sig[i]);
  s += L;
  const out = Buffer.from(sig);
  for (let i = 32; i < 64; i++) {
    out[i] = Number(s & 0xffn);
    s >>= 8n;
  }
  return out;
}

describe('verifyS3loSignature: the scheme s3lo sign uses for each key type', () => {
  const payload = Buffer.from(`s3lo-signature-v2\nb/app:v1\n${DIGEST}\n`);
  it.each<TestKeyType>(['ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521', 'rsa-2048', 'ed25519'])(
    'verifies %s',
    (type) => {
      const k = makeTestKey(type);
      const sig = s3loRawSignature(k, payload);
      expect(verifyS3loSignature(k.key.publicKey, k.key.keyRef, payload, sig)).toBe(true);
      expect(
        verifyS3loSignature(
          k.key.publicKey,
          k.key.keyRef,
          Buffer.concat([payload, Buffer.from('x')]),
          sig,
        ),
      ).toBe(false);
      expect(verifyS3loSignature(makeTestKey(type).key.publicKey, k.key.keyRef, payload, sig)).toBe(
        false,
      );
    },
  );

  it('also accepts pure Ed25519 (what s3lo verify --key <.pub> checks)', () => {
    const k = makeTestKey('ed25519');
    const sig = s3loRawSignature(k, payload, { pureEd25519: true });
    expect(verifyS3loSignature(k.key.publicKey, k.key.keyRef, payload, sig)).toBe(true);
  });

  it('uses the curve hash for P-384: a SHA-256 signature does not verify', async () => {
    const { sign } = await import('node:crypto');
    const k = makeTestKey('ecdsa-p384');
    const sig = sign('sha256', payload, { key: k.privateKey, dsaEncoding: 'der' });
    expect(verifyS3loSignature(k.key.publicKey, k.key.keyRef, payload, sig)).toBe(false);
  });

  it('refuses ECDSA signatures in P1363 (raw r||s) encoding', async () => {
    const { sign } = await import('node:crypto');
    const k = makeTestKey('ecdsa-p256');
    const sig = sign('sha256', payload, { key: k.privateKey, dsaEncoding: 'ieee-p1363' });
    expect(verifyS3loSignature(k.key.publicKey, k.key.keyRef, payload, sig)).toBe(false);
  });

  it('refuses a key type s3lo cannot sign with, as a usage error', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { publicKey } = generateKeyPairSync('ed448');
    expect(() => verifyS3loSignature(publicKey, 'ed448.pub', payload, Buffer.alloc(114))).toThrow(
      expect.objectContaining({ code: 'USAGE' }),
    );
  });
});
