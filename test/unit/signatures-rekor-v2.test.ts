/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument -- edits reach into untyped bundle JSON */
// What sigstore-js 4.1.3 leaves to callers (issue 10 items 14, 15): it never compares a Rekor v2
// entry's verifier with the bundle's signer, and it checks DSSE signatures and PAE digests with
// SHA-256 whatever the key, where sigstore-go, cosign and KMS keys hash by the curve.
import { createHash, generateKeyPairSync, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SignerPolicy } from '../../src/core/signatures/signer-policy.js';
import { verifyPrehashed } from '../../src/core/signatures/prehash.js';
import { checkTlogSigner } from '../../src/core/signatures/tlog-binding.js';
import { createSignatureVerifier } from '../../src/core/signatures/verifier.js';
import type { VerificationKey } from '../../src/core/trust/key-types.js';
import { failure } from '../helpers/expect-failure.js';
import {
  createTestSigstore,
  dsseV2Entry,
  hashedRekordV2Entry,
  keyDetailsFor,
  type KeySigner,
  type TestSigstore,
} from '../helpers/test-sigstore.js';

const DIGEST = `sha256:${'ef'.repeat(32)}`;
const REF = '127.0.0.1:5000/acme/app';
const ISSUER = 'https://token.actions.githubusercontent.com';
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';

let ss: TestSigstore;
beforeAll(async () => {
  ss = await createTestSigstore();
});

function vkey(publicKey: KeyObject): VerificationKey {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyRef: 'kms.pub',
    keyID: createHash('sha256').update(spki).digest('hex').slice(0, 16),
    publicKey,
    spki,
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    algorithm: 'ecdsa',
  };
}

const policy = (keys: KeyObject[], p: Partial<SignerPolicy> = {}): SignerPolicy => ({
  keys: keys.map(vkey),
  identities: [],
  requireTlog: true,
  requireSct: true,
  ...p,
});
const keyVerifier = (k: KeySigner, p: Partial<SignerPolicy> = {}) =>
  createSignatureVerifier(ss.trustedRoot, policy([k.publicKey], p));
const keylessVerifier = () =>
  createSignatureVerifier(ss.trustedRoot, {
    keys: [],
    identities: [{ subject: { exact: IDENTITY }, issuer: { exact: ISSUER } }],
    requireTlog: true,
    requireSct: true,
  });

const spkiB64 = (k: KeyObject) => k.export({ type: 'spki', format: 'der' }).toString('base64');
const body = (o: object) => ({ logIndex: '3', canonicalizedBody: Buffer.from(JSON.stringify(o)) });

describe('item 14: a Rekor v2 entry must record the signer that signed', () => {
  const signer = (): KeySigner => ss.generateKeyPair();

  it.each(['hashedrekord-v2', 'dsse-v2'] as const)(
    'accepts a %s entry recording the signing key',
    (kind) => {
      const k = signer();
      const b = ss.signBundle({ imageDigest: DIGEST, signer: k, rekorEntry: kind });
      expect(keyVerifier(k).verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag').kind).toBe(
        'key',
      );
    },
  );

  it.each(['hashedrekord-v2', 'dsse-v2'] as const)(
    'rejects a %s entry whose verifier is another key',
    (kind) => {
      const k = signer();
      const b = ss.signBundle({
        imageDigest: DIGEST,
        signer: k,
        rekorEntry: kind,
        loggedKey: signer().publicKey,
      });
      const g = failure(() =>
        keyVerifier(k).verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag'),
      );
      expect(g.code).toBe('TLOG_INVALID');
      expect(g.message).toMatch(/records a different public key/);
    },
  );

  it.each(['hashedrekord-v2', 'dsse-v2'] as const)(
    'rejects a keyless bundle whose %s entry records a key, not its certificate',
    (kind) => {
      const b = ss.signBundle({
        imageDigest: DIGEST,
        signer: { identity: IDENTITY, issuer: ISSUER },
        rekorEntry: kind,
        loggedKey: signer().publicKey,
      });
      expect(
        failure(() => keylessVerifier().verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag'))
          .code,
      ).toBe('TLOG_INVALID');
    },
  );

  it('accepts a keyless bundle whose v2 entry records its certificate', () => {
    const b = ss.signBundle({
      imageDigest: DIGEST,
      signer: { identity: IDENTITY, issuer: ISSUER },
      rekorEntry: 'hashedrekord-v2',
    });
    expect(keylessVerifier().verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag').kind).toBe(
      'keyless',
    );
  });

  describe('reads the verifier where sigstore-js reads the body', () => {
    const ours = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const theirs = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const spki = ours.export({ type: 'spki', format: 'der' });
    const v2 = (k: KeyObject) => ({
      publicKey: { rawBytes: spkiB64(k) },
      keyDetails: keyDetailsFor(k),
    });
    const pemB64 = (k: KeyObject) =>
      Buffer.from(k.export({ type: 'spki', format: 'pem' }).toString()).toString('base64');
    const sig = Buffer.alloc(8, 1);

    it.each([
      ['a v2 hashedrekord naming our key', hashedRekordV2Entry(sig, 'sha256', sig, v2(ours))],
      ['a v2 dsse naming our key', dsseV2Entry(sig, sig, v2(ours))],
    ])('accepts %s', (_n, b) => {
      expect(() => checkTlogSigner([body(b)], { kind: 'key', spki })).not.toThrow();
    });

    const bothV2 = {
      ...(hashedRekordV2Entry(sig, 'sha256', sig, v2(theirs)) as any),
    };
    bothV2.spec.dsseV002 = (dsseV2Entry(sig, sig, v2(ours)) as any).spec.dsseV002;
    const v1Extra = {
      apiVersion: '0.0.1',
      kind: 'hashedrekord',
      spec: {
        data: { hash: { algorithm: 'sha256', value: 'ab'.repeat(32) } },
        signature: { content: 'AAAA', publicKey: { content: pemB64(theirs) } },
        // Not a hashedrekord field: it must not stand in for the verifier.
        publicKey: pemB64(ours),
      },
    };
    const dsseTwo = {
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: {
        signatures: [
          { signature: 'AAAA', verifier: pemB64(ours) },
          { signature: 'AAAA', verifier: pemB64(theirs) },
        ],
      },
    };
    const emptyKey = hashedRekordV2Entry(sig, 'sha256', sig, {
      publicKey: { rawBytes: '' },
      keyDetails: 'PKIX_ECDSA_P256_SHA_256',
    });
    const kindSwap = {
      apiVersion: '0.0.2',
      kind: 'hashedrekord',
      spec: { dsseV002: (dsseV2Entry(sig, sig, v2(ours)) as any).spec.dsseV002 },
    };
    const unknownKind = { apiVersion: '0.0.1', kind: 'rekord', spec: { publicKey: pemB64(ours) } };

    it.each([
      ['a v2 hashedrekord naming another key', hashedRekordV2Entry(sig, 'sha256', sig, v2(theirs))],
      ['a v2 dsse naming another key', dsseV2Entry(sig, sig, v2(theirs))],
      ['a v2 body with both specs, the one sigstore-js reads naming another key', bothV2],
      ['a v1 hashedrekord with our key only in a field it does not have', v1Extra],
      ['a dsse entry with a second signature by another key', dsseTwo],
      ['a v2 verifier with empty key bytes', emptyKey],
      ['a v2 hashedrekord body holding a dsse spec', kindSwap],
      ['a kind sigstore-js does not verify', unknownKind],
    ])('rejects %s', (_n, b) => {
      expect(() => checkTlogSigner([body(b)], { kind: 'key', spki })).toThrow(
        expect.objectContaining({ code: 'TLOG_INVALID' }),
      );
    });
  });
});

describe('item 14 sibling: a Rekor v1 PEM verifier is read as Rekor reads it (its first block)', () => {
  // Rekor keeps the first PEM block of a v1 body's verifier and ignores what follows: a body
  // whose first block is another key, followed by a certificate carrying ours, was logged under
  // that other key and binds nothing to ours.
  const theirs = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
  const theirPem = theirs.export({ type: 'spki', format: 'pem' }).toString();
  const sig = Buffer.alloc(8, 1);
  const hashedrekord = (pem: string) => ({
    apiVersion: '0.0.1',
    kind: 'hashedrekord',
    spec: {
      data: { hash: { algorithm: 'sha256', value: 'ab'.repeat(32) } },
      signature: { content: sig.toString('base64'), publicKey: { content: b64(pem) } },
    },
  });
  const dsse = (pem: string) => ({
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: { signatures: [{ signature: sig.toString('base64'), verifier: b64(pem) }] },
  });
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const certPem = (der: Buffer) =>
    `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
  let leaf: { der: Buffer; spki: Buffer; chain: Buffer[] };
  beforeAll(() => {
    const c = ss.issueCertificate({ identity: IDENTITY, issuer: ISSUER });
    leaf = {
      der: c.certificate,
      spki: c.keys.publicKey.export({ type: 'spki', format: 'der' }),
      chain: c.chain,
    };
  });
  const asKey = () => ({ kind: 'key' as const, spki: leaf.spki });
  const asCert = () => ({ kind: 'certificate' as const, der: leaf.der, spki: leaf.spki });

  it.each([
    ['hashedrekord 0.0.1, a key signer', hashedrekord, asKey],
    ['hashedrekord 0.0.1, a certificate signer', hashedrekord, asCert],
    ['dsse 0.0.1, a key signer', dsse, asKey],
    ['dsse 0.0.1, a certificate signer', dsse, asCert],
  ])('rejects %s: another key first, then a certificate of ours', (_n, make, who) => {
    const b = make(theirPem + certPem(leaf.der));
    expect(() => checkTlogSigner([body(b)], who())).toThrow(
      expect.objectContaining({ code: 'TLOG_INVALID' }),
    );
  });

  it.each([
    ['text before it', (c: string) => `junk\n${c}`],
    ['a PEM header', (c: string) => c.replace('\n', '\nProc-Type: 4,ENCRYPTED\n\n')],
    ['base64 that is not canonical', (c: string) => c.replace('\n-----END', '=\n-----END')],
  ])('rejects a certificate block with %s', (_n, edit) => {
    const b = hashedrekord(edit(certPem(leaf.der)));
    expect(() => checkTlogSigner([body(b)], asCert())).toThrow(
      expect.objectContaining({ code: 'TLOG_INVALID' }),
    );
  });

  it.each([
    ['the leaf alone', () => certPem(leaf.der)],
    ['the leaf followed by its chain', () => certPem(leaf.der) + leaf.chain.map(certPem).join('')],
  ])('accepts a certificate signer with %s', (_n, pem) => {
    expect(() => checkTlogSigner([body(hashedrekord(pem()))], asCert())).not.toThrow();
    expect(() => checkTlogSigner([body(dsse(pem()))], asKey())).not.toThrow();
  });
});

describe('item 15: DSSE signed with the hash of the key (P-384 as AWS KMS ECC_NIST_P384 signs)', () => {
  const cases = [
    ['P-384', 'sha384'],
    ['P-384', 'sha256'],
    ['P-521', 'sha512'],
    ['P-256', 'sha256'],
  ] as const;

  it.each(cases)('%s key, %s signature, Rekor v1 dsse entry: verifies', (curve, hash) => {
    const k = ss.generateKeyPair(curve);
    const b = ss.signBundle({ imageDigest: DIGEST, signer: k, hash });
    expect(keyVerifier(k).verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag').kind).toBe(
      'key',
    );
  });

  it.each(cases)(
    '%s key, %s signature, Rekor v2 hashedrekord over the PAE: verifies',
    (curve, hash) => {
      const k = ss.generateKeyPair(curve);
      const b = ss.signBundle({
        imageDigest: DIGEST,
        signer: k,
        hash,
        rekorEntry: 'hashedrekord-v2',
      });
      expect(keyVerifier(k).verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag').kind).toBe(
        'key',
      );
    },
  );

  it.each(['sha256', 'sha384', 'sha512'] as const)(
    'RSA key (as KMS RSASSA_PKCS1_V1_5_SHA_*), %s signature: verifies',
    (hash) => {
      const k = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const b = ss.signBundle({ imageDigest: DIGEST, signer: k, hash });
      expect(keyVerifier(k).verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag').kind).toBe(
        'key',
      );
    },
  );

  it.each(['P-384', 'P-521'] as const)('%s key, Rekor v2 dsse entry: verifies', (curve) => {
    const k = ss.generateKeyPair(curve);
    const hash = curve === 'P-384' ? 'sha384' : 'sha512';
    const b = ss.signBundle({ imageDigest: DIGEST, signer: k, hash, rekorEntry: 'dsse-v2' });
    expect(keyVerifier(k).verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag').kind).toBe(
      'key',
    );
  });

  it('P-384 / SHA-384 legacy .sig layer without a log entry: verifies', () => {
    const k = ss.generateKeyPair('P-384');
    const sig = ss.signLegacyKey({
      imageDigest: DIGEST,
      dockerReference: REF,
      ...k,
      tlog: false,
      hash: 'sha384',
    });
    expect(keyVerifier(k, { requireTlog: false }).verifyLegacy(sig, DIGEST).kind).toBe('key');
  });

  it('P-384 / SHA-384 legacy .att attestation: verifies', () => {
    const k = ss.generateKeyPair('P-384');
    const att = ss.signLegacyAttestation({ imageDigest: DIGEST, signer: k, hash: 'sha384' });
    const layer = { envelope: att.envelope, annotations: att.annotations };
    expect(keyVerifier(k).verifyLegacyAttestation(layer, DIGEST).kind).toBe('key');
  });

  it('rejects a P-384 signature by another key as a bad signature', () => {
    const k = ss.generateKeyPair('P-384');
    const b = ss.signBundle({
      imageDigest: DIGEST,
      signer: ss.generateKeyPair('P-384'),
      hash: 'sha384',
    });
    expect(
      failure(() => keyVerifier(k).verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag')).code,
    ).toBe('SIGNATURE_INVALID');
  });

  it('rejects a payload edited after signing with SHA-384', () => {
    const k = ss.generateKeyPair('P-384');
    const b = structuredClone(
      ss.signBundle({ imageDigest: DIGEST, signer: k, hash: 'sha384' }).bundle,
    ) as any;
    const text = Buffer.from(b.dsseEnvelope.payload, 'base64').toString();
    b.dsseEnvelope.payload = Buffer.from(
      text.replace('"predicate":{}', '"predicate":{"x":1}'),
    ).toString('base64');
    expect(
      failure(() => keyVerifier(k).verifyBundle(b, { digest: DIGEST }, 'bundle-tag')).code,
    ).toMatch(/SIGNATURE_INVALID|TLOG_INVALID/);
  });

  it.each([
    ['the SHA-384 of another PAE', (pae: Buffer) => Buffer.concat([pae, Buffer.from(' ')])],
    ['a digest truncated to 40 bytes', (pae: Buffer) => pae],
  ])('rejects a Rekor v2 hashedrekord entry recording %s', (name, other) => {
    const k = ss.generateKeyPair('P-384');
    const b = ss.signBundle({
      imageDigest: DIGEST,
      signer: k,
      hash: 'sha384',
      rekorEntry: 'hashedrekord-v2',
    });
    const j = structuredClone(b.bundle) as any;
    const e = j.verificationMaterial.tlogEntries[0];
    const bodyJson = JSON.parse(Buffer.from(e.canonicalizedBody, 'base64').toString());
    const pae = Buffer.from('x');
    const d = createHash('sha384').update(other(pae)).digest();
    bodyJson.spec.hashedRekordV002.data.digest = (
      name.includes('40') ? d.subarray(0, 40) : d
    ).toString('base64');
    e.canonicalizedBody = Buffer.from(JSON.stringify(bodyJson)).toString('base64');
    expect(
      failure(() => keyVerifier(k).verifyBundle(j, { digest: DIGEST }, 'bundle-tag')).code,
    ).toBe('TLOG_INVALID');
  });

  it('verifies a P-521 signature from a digest alone (conformance digest mode)', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-521' });
    const data = Buffer.from('artifact');
    const signature = cryptoSign('sha512', data, privateKey);
    const digest = createHash('sha512').update(data).digest();
    expect(verifyPrehashed(publicKey, digest, signature)).toEqual({ ok: true });
    const other = createHash('sha512').update('other').digest();
    expect(verifyPrehashed(publicKey, other, signature)).toEqual({ ok: false });
  });
});
