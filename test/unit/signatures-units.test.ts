import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from '@sigstore/core';
import { describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import {
  matchIdentity,
  OID_ISSUER_V1,
  OID_ISSUER_V2,
  readCertIdentity,
} from '../../src/core/signatures/identity.js';
import { parseStrictJson, StrictJsonError } from '../../src/core/signatures/strict-json.js';
import { checkTlogSigner } from '../../src/core/signatures/tlog-binding.js';

const FIX = join(import.meta.dirname, '../fixtures');
const kw = JSON.parse(
  readFileSync(join(FIX, 'sigstore-rs-cosign-v3-sign/bundle_v03.json'), 'utf8'),
) as {
  verificationMaterial: { certificate: { rawBytes: string } };
};
const kwDer = Buffer.from(kw.verificationMaterial.certificate.rawBytes, 'base64');
const GHA = 'https://token.actions.githubusercontent.com';

describe('parseStrictJson', () => {
  it.each([['{"a":1,"b":[true,false,null,"x\\u00e9"],"c":{"d":-1.5e3}}'], ['[]'], ['  "s"  ']])(
    'parses %s exactly like JSON.parse',
    (text) => {
      expect(parseStrictJson(text)).toEqual(JSON.parse(text));
    },
  );

  it.each([
    ['a duplicate top-level key', '{"a":1,"a":2}'],
    ['a duplicate nested key', '{"x":{"b":1,"b":1}}'],
    ['a duplicate written with an escape', '{"a":1,"\\u0061":2}'],
    ['trailing data', '{"a":1} {}'],
    ['a trailing comma', '{"a":1,}'],
    ['a raw control character in a string', '"a\u0001"'],
    ['a leading zero', '01'],
    ['deep nesting', '['.repeat(100) + ']'.repeat(100)],
  ])('rejects %s', (_n, text) => {
    expect(() => parseStrictJson(text)).toThrow(StrictJsonError);
  });

  it('keeps "__proto__" as plain data', () => {
    const v = parseStrictJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(v)).toEqual(['__proto__']);
  });
});

describe('readCertIdentity', () => {
  it('reads SAN, the v2 issuer and Fulcio extensions from a real certificate', () => {
    const id = readCertIdentity(X509Certificate.parse(kwDer));
    expect(id.san).toBe(
      'https://github.com/kubewarden/kubewarden-controller/.github/workflows/release.yml@refs/tags/v1.34.0',
    );
    expect(id.issuer).toBe(GHA);
    expect(id.extensions.get(OID_ISSUER_V1)).toBe(GHA);
    expect(id.extensions.get(OID_ISSUER_V2)).toBe(GHA);
    expect(id.extensions.get('1.3.6.1.4.1.57264.1.12')).toBe(
      'https://github.com/kubewarden/kubewarden-controller',
    );
  });

  it('6: rejects a certificate whose v1 and v2 issuer extensions disagree', () => {
    // Edit the raw v1 value (OCTET STRING of 43 bytes) in place; the v2 value stays.
    const at = kwDer.indexOf(Buffer.from(GHA));
    expect(kwDer.subarray(at - 2, at)).toEqual(Buffer.from([0x04, GHA.length]));
    const edited = Buffer.from(kwDer);
    Buffer.from(`${GHA.slice(0, -3)}evi`).copy(edited, at);
    let err: unknown;
    try {
      readCertIdentity(X509Certificate.parse(edited));
    } catch (e: unknown) {
      err = e;
    }
    expect(err).toBeInstanceOf(GateError);
    expect((err as GateError).code).toBe('UNTRUSTED_SIGNER');
    expect((err as GateError).message).toMatch(/disagree/);
  });

  it('names expected and actual values when no rule matches', () => {
    const id = readCertIdentity(X509Certificate.parse(kwDer));
    expect(() =>
      matchIdentity(
        [{ subject: { exact: id.san! }, issuer: { exact: 'https://example.com' } }],
        id,
      ),
    ).toThrow(
      /expected issuer https:\/\/example\.com, got identity .* issuer "https:\/\/token\.actions\.githubusercontent\.com"/,
    );
  });
});

describe('checkTlogSigner', () => {
  // teleport layer 1: hashedrekord 0.0.1 body carrying the signer's public key.
  const manifest = JSON.parse(
    readFileSync(
      join(
        FIX,
        'teleport-sigstoretest/v2/simple-signing/manifests/sha256-21c76c650023cac8d753af4cb591e6f7450c6e2b499b5751d4a21e26e2fc5012.sig',
      ),
      'utf8',
    ),
  ) as { layers: { annotations: Record<string, string> }[] };
  const body = (i: number) => {
    const set = JSON.parse(manifest.layers[i].annotations['dev.sigstore.cosign/bundle']) as {
      Payload: { body: string };
    };
    return { canonicalizedBody: Buffer.from(set.Payload.body, 'base64'), logIndex: String(i) };
  };
  const signerSpki = createPublicKey(
    readFileSync(join(FIX, 'teleport-sigstoretest/key-based-signer.pub.pem')),
  ).export({ type: 'spki', format: 'der' });

  it('accepts the entry that records the signing key', () => {
    expect(() => checkTlogSigner([body(1)], { kind: 'key', spki: signerSpki })).not.toThrow();
  });

  it('9: rejects an entry that records another key (sigstore-js does not compare keys)', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
      type: 'spki',
      format: 'der',
    });
    expect(() => checkTlogSigner([body(1)], { kind: 'key', spki: other })).toThrow(
      expect.objectContaining({ code: 'TLOG_INVALID' }),
    );
  });

  it('binds a keyless entry to the exact leaf certificate', () => {
    const pem = manifest.layers[0].annotations['dev.sigstore.cosign/certificate'];
    const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    const spki = createPublicKey(pem).export({ type: 'spki', format: 'der' });
    expect(() => checkTlogSigner([body(0)], { kind: 'certificate', der, spki })).not.toThrow();
    expect(() => checkTlogSigner([body(0)], { kind: 'certificate', der: kwDer, spki })).toThrow(
      expect.objectContaining({ code: 'TLOG_INVALID' }),
    );
    // A certificate entry never stands in for a key-mode signer, nor a key entry for a certificate.
    expect(() => checkTlogSigner([body(1)], { kind: 'certificate', der, spki })).toThrow(
      expect.objectContaining({ code: 'TLOG_INVALID' }),
    );
  });
});
