import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASN1Obj, crypto as sigCrypto, RFC3161Timestamp, X509Certificate } from '@sigstore/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IdentityRule, SignerPolicy } from '../../src/core/signatures/signer-policy.js';
import {
  LeafCertificate,
  nodeX509,
  TrustedCertificate,
  withTimestampDer,
} from '../../src/core/signatures/cert-cache.js';
import { encodeDer } from '../../src/core/signatures/der.js';
import { checkTlogSigner } from '../../src/core/signatures/tlog-binding.js';
import {
  createSignatureVerifier,
  type SignatureVerifier,
} from '../../src/core/signatures/verifier.js';
import type { VerificationKey } from '../../src/core/trust/key-types.js';
import {
  ANNOTATION_CERTIFICATE,
  createTestSigstore,
  type KeylessSigner,
  type LegacySignature,
  type TestSigstore,
} from '../helpers/test-sigstore.js';
import { failure } from '../helpers/expect-failure.js';
import { createTimestampResponse } from '../helpers/test-sigstore-pki.js';

// The verifier remembers trust-root work (CA and TSA chains, their keys and DER) for the run.
// These tests pin down that a remembered success is never reused for a different leaf, a
// different signing time or another policy, and that a failure is never remembered as a pass.

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const ISSUER = 'https://token.actions.githubusercontent.com';
const SAN = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const OTHER_SAN = 'https://github.com/evil/app/.github/workflows/release.yml@refs/heads/main';
const REF = '127.0.0.1:5000/acme/app';
const DAY_MS = 24 * 60 * 60 * 1000;

let sig: TestSigstore;
const signer: KeylessSigner = { identity: SAN, issuer: ISSUER };
const ID: IdentityRule = { subject: { exact: SAN }, issuer: { exact: ISSUER } };

beforeAll(async () => {
  sig = await createTestSigstore();
});

function verifier(p: Partial<SignerPolicy> = {}): SignatureVerifier {
  return createSignatureVerifier(sig.trustedRoot, {
    keys: [],
    identities: [ID],
    requireTlog: true,
    requireSct: true,
    ...p,
  });
}

function keyless(opts: Partial<KeylessSigner> & { signedAt?: Date } = {}): LegacySignature {
  const { signedAt, ...s } = opts;
  return sig.signLegacyKeyless({
    imageDigest: DIGEST,
    dockerReference: REF,
    ...signer,
    ...s,
    ...(signedAt ? { signedAt } : {}),
  });
}

function check(v: SignatureVerifier, s: LegacySignature) {
  return v.verifyLegacy({ payload: s.payload, annotations: s.annotations }, DIGEST);
}

/** The PEM certificate of `s` with one byte of its CA signature flipped. */
function withBrokenCertSignature(s: LegacySignature): LegacySignature {
  const pem = s.annotations[ANNOTATION_CERTIFICATE]!;
  const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
  der[der.length - 5] ^= 0x01;
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return {
    ...s,
    annotations: {
      ...s.annotations,
      [ANNOTATION_CERTIFICATE]: `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`,
    },
  };
}

describe('verifier with remembered trust-root work', () => {
  it('verifies many leaves in a row, each on its own', () => {
    const v = verifier();
    for (let i = 0; i < 3; i++) expect(check(v, keyless()).identity).toBe(SAN);
  });

  it('rejects a leaf from a look-alike CA after a trusted leaf verified (and still passes the next trusted one)', () => {
    const v = verifier();
    check(v, keyless());
    failure(() => check(v, keyless({ ca: 'rogue' })));
    expect(check(v, keyless()).identity).toBe(SAN);
  });

  it('rejects a leaf whose CA signature is broken after the same chain verified for another leaf', () => {
    const v = verifier();
    const good = keyless();
    check(v, good);
    failure(() => check(v, withBrokenCertSignature(keyless())));
    failure(() => check(v, withBrokenCertSignature(good)));
  });

  it('rejects a signing time outside the CA validity after the chain verified at a valid time', () => {
    const v = verifier();
    check(v, keyless());
    const before = new Date(sig.fulcio.root.notBefore.getTime() - DAY_MS);
    failure(() => check(v, keyless({ signedAt: before })));
  });

  it('rejects a leaf that was not valid at its signing time after a valid one verified', () => {
    const v = verifier();
    check(v, keyless());
    const now = Date.now();
    failure(() =>
      check(
        v,
        keyless({
          certValidity: { notBefore: new Date(now - 2 * DAY_MS), notAfter: new Date(now - DAY_MS) },
        }),
      ),
    );
  });

  it('a leaf one policy accepted is refused by a verifier with another identity', () => {
    const s = keyless();
    expect(check(verifier(), s).identity).toBe(SAN);
    const other = verifier({
      identities: [{ subject: { exact: OTHER_SAN }, issuer: { exact: ISSUER } }],
    });
    const g = failure(() => check(other, s));
    expect(g.message).toContain(SAN);
  });

  it('a key-only policy refuses a keyless leaf the keyless policy accepted', () => {
    const s = keyless();
    check(verifier(), s);
    const pub: KeyObject = sig.generateKeyPair().publicKey;
    const spki = pub.export({ type: 'spki', format: 'der' });
    const key: VerificationKey = {
      keyRef: 'cosign.pub',
      keyID: createHash('sha256').update(spki).digest('hex').slice(0, 16),
      publicKey: pub,
      spki,
      pem: pub.export({ type: 'spki', format: 'pem' }).toString(),
      algorithm: 'ecdsa-p256',
    };
    expect(failure(() => check(verifier({ keys: [key], identities: [] }), s)).code).toBe(
      'UNTRUSTED_SIGNER',
    );
  });
});

describe('TrustedCertificate', () => {
  it('remembers only verdicts between trust-root certificates', () => {
    const root = new TrustedCertificate(parse(sig.fulcio.root.der));
    const inter = new TrustedCertificate(parse(sig.fulcio.intermediate.der));
    expect(inter.verify(root)).toBe(true);
    expect(root.verify()).toBe(true);
    // The intermediate does not sign the root, however often the root verified before.
    expect(root.verify(inter)).toBe(false);
    expect(root.verify(inter)).toBe(false);
    // An issuer that is not trust-root material is checked afresh each time.
    const plainRoot = parse(sig.fulcio.root.der);
    expect(inter.verify(plainRoot)).toBe(true);
    const stranger = parse(keylessLeafDer());
    expect(inter.verify(stranger)).toBe(false);
  });

  it('compares by DER with any certificate object, and hands out copies of its key bytes', () => {
    const root = new TrustedCertificate(parse(sig.fulcio.root.der));
    expect(root.equals(parse(sig.fulcio.root.der))).toBe(true);
    expect(root.equals(parse(sig.fulcio.intermediate.der))).toBe(false);
    const k = root.publicKey;
    k.fill(0);
    expect(root.publicKey.equals(parse(sig.fulcio.root.der).publicKey)).toBe(true);
  });
});

describe('LeafCertificate', () => {
  it('verifies against the issuer it is asked about, not the one it was first checked with', () => {
    const inter = new TrustedCertificate(parse(sig.fulcio.intermediate.der));
    const root = new TrustedCertificate(parse(sig.fulcio.root.der));
    const leaf = new LeafCertificate(parse(keylessLeafDer()));
    expect(leaf.verify(inter)).toBe(true);
    expect(leaf.verify(root)).toBe(false);
    expect(leaf.verify(inter)).toBe(true);
    expect(leaf.verify()).toBe(false);
  });

  it('gives the key bytes sigstore-js gives, a copy each time, for real and test leaves', () => {
    for (const der of [keylessLeafDer(), sig.fulcio.intermediate.der, sig.tsa.leaf.der]) {
      const leaf = new LeafCertificate(parse(der));
      const k = leaf.publicKey;
      expect(k.equals(parse(der).publicKey)).toBe(true);
      k.fill(0);
      expect(leaf.publicKey.equals(parse(der).publicKey)).toBe(true);
    }
  });

  it('a broken leaf fails even when an intact leaf with the same issuer verified first', () => {
    const inter = new TrustedCertificate(parse(sig.fulcio.intermediate.der));
    const der = keylessLeafDer();
    expect(new LeafCertificate(parse(der)).verify(inter)).toBe(true);
    const broken = Buffer.from(der);
    broken[broken.length - 5] ^= 0x01;
    expect(new LeafCertificate(parse(broken)).verify(inter)).toBe(false);
  });
});

function keylessLeafDer(): Buffer {
  return sig.issueCertificate(signer).certificate;
}

function parse(der: Uint8Array): X509Certificate {
  return X509Certificate.parse(Buffer.from(der));
}

describe('encodeDer', () => {
  const publicGood = JSON.parse(
    readFileSync(
      join(import.meta.dirname, '../fixtures/trusted-roots/public-good.trusted_root.json'),
      'utf8',
    ),
  ) as {
    certificateAuthorities: Array<{ certChain: { certificates: Array<{ rawBytes: string }> } }>;
    timestampAuthorities: Array<{ certChain: { certificates: Array<{ rawBytes: string }> } }>;
  };
  const realCerts = [
    ...publicGood.certificateAuthorities,
    ...publicGood.timestampAuthorities,
  ].flatMap((ca) => ca.certChain.certificates.map((c) => Buffer.from(c.rawBytes, 'base64')));

  it('gives the bytes of ASN1Obj.toDER() for real Fulcio/TSA certificates and test leaves', () => {
    const all = [...realCerts, keylessLeafDer(), sig.fulcio.root.der, sig.fulcio.intermediate.der];
    expect(realCerts.length).toBeGreaterThan(3);
    for (const der of all) {
      const c = parse(der);
      expect(encodeDer(c.root).equals(c.root.toDER())).toBe(true);
      expect(encodeDer(c.root).equals(der)).toBe(true);
      expect(encodeDer(c.tbsCertificate).equals(c.tbsCertificate.toDER())).toBe(true);
    }
  });

  it('encodes the tree as it is now: a clone with an extension removed, as the SCT check builds it', () => {
    const der = keylessLeafDer();
    const leaf = new LeafCertificate(parse(der));
    const clone = leaf.clone();
    const reference = parse(der);
    clone.extensions.splice(0, 1);
    reference.extensions.splice(0, 1);
    expect(clone.tbsCertificate.toDER().equals(reference.tbsCertificate.toDER())).toBe(true);
    expect(clone.tbsCertificate.toDER().length).toBeLessThan(leaf.tbsCertificate.toDER().length);
    // The clone is copied from the leaf's tree (no second parse): the leaf and a later clone
    // keep every extension, and the leaf's own encodings are its original bytes.
    const n = parse(der).extensions.length;
    expect(leaf.extensions.length).toBe(n);
    expect(leaf.clone().extensions.length).toBe(n);
    expect(encodeDer(leaf.root).equals(der)).toBe(true);
    expect(leaf.tbsCertificate.toDER().equals(parse(der).tbsCertificate.toDER())).toBe(true);
  });

  it.each([0, 1, 127, 128, 255, 256, 65535, 65536, 70000])(
    'writes a minimal length for %i content bytes, like toDER',
    (n) => {
      // Tags borrowed from parsed objects: the tag class is not exported.
      const octet = ASN1Obj.parseBuffer(Buffer.from([0x04, 0x00])).tag;
      const sequence = ASN1Obj.parseBuffer(Buffer.from([0x30, 0x00])).tag;
      const prim = new ASN1Obj(octet, Buffer.alloc(n, 7), []);
      const seq = new ASN1Obj(sequence, Buffer.alloc(0), [prim, prim]);
      expect(encodeDer(prim).equals(prim.toDER())).toBe(true);
      expect(encodeDer(seq).equals(seq.toDER())).toBe(true);
    },
  );
});

describe('checkTlogSigner key comparison without parsing', () => {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const entry = (keyPem: string) => ({
    logIndex: '7',
    canonicalizedBody: Buffer.from(
      JSON.stringify({
        apiVersion: '0.0.1',
        kind: 'hashedrekord',
        spec: {
          data: { hash: { algorithm: 'sha256', value: 'ab'.repeat(32) } },
          signature: {
            content: 'AAAA',
            publicKey: { content: Buffer.from(keyPem).toString('base64') },
          },
        },
      }),
    ),
  });

  it.each([
    ['the PEM as Node writes it', pem],
    ['the PEM with CRLF line ends', pem.replace(/\n/g, '\r\n')],
  ])('accepts an entry naming the signing key: %s', (_n, p) => {
    expect(() => checkTlogSigner([entry(p)], { kind: 'key', spki })).not.toThrow();
  });

  it.each([
    [
      'another key',
      generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .publicKey.export({ type: 'spki', format: 'pem' })
        .toString(),
    ],
    ['a PEM that is not a key', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'],
    ['a string that is no PEM at all', 'not a pem'],
  ])('rejects an entry naming %s', (_n, p) => {
    expect(() => checkTlogSigner([entry(p)], { kind: 'key', spki })).toThrow(
      expect.objectContaining({ code: 'TLOG_INVALID' }),
    );
  });
});

// CPU round 3: the TSA's KeyObject is made once per trust-root certificate (sigstore-js asked for a
// new one per timestamp), RFC 3161 parts are DER-encoded by encodeDer, and Node's parse of a leaf
// is shared between reading a `.sig` layer and reporting its facts. None of it may let a
// timestamp or a certificate through that the plain path refuses.
describe('RFC 3161 timestamps with the TSA key made once', () => {
  const at = new Date();
  /** A keyless bundle (Rekor v2: the TSA timestamp is its only time) with its timestamp from `tsr`. */
  type BundleJson = {
    verificationMaterial: {
      timestampVerificationData: { rfc3161Timestamps: Array<{ signedTimestamp: string }> };
    };
  };
  function bundleWithTimestamp(tsr?: (signature: Buffer) => Buffer): BundleJson {
    const b = sig.signBundle({
      imageDigest: DIGEST,
      signer,
      signedAt: at,
      rekorEntry: 'hashedrekord-v2',
    });
    const json = JSON.parse(JSON.stringify(b.bundle)) as BundleJson;
    if (tsr)
      json.verificationMaterial.timestampVerificationData.rfc3161Timestamps = [
        { signedTimestamp: tsr(b.signature).toString('base64') },
      ];
    return json;
  }
  const verify = (v: SignatureVerifier, b: BundleJson) =>
    v.verifyBundle(b, { digest: DIGEST }, 'bundle-referrer');

  it('verifies many timestamps in a row with one verifier', () => {
    const v = verifier();
    for (let i = 0; i < 3; i++) expect(verify(v, bundleWithTimestamp()).signedAt).toBeDefined();
  });

  it('refuses a timestamp whose signature is broken, after a good one verified', () => {
    const v = verifier();
    verify(v, bundleWithTimestamp());
    const broken = bundleWithTimestamp((s) => {
      const der = createTimestampResponse(sig.tsa, s, at);
      // The response ends with the SignerInfo's signature OCTET STRING.
      der[der.length - 3] ^= 0x01;
      return der;
    });
    expect(failure(() => verify(v, broken)).message).toMatch(/timestamp/i);
    expect(verify(v, bundleWithTimestamp()).signedAt).toBeDefined();
  });

  it('refuses a timestamp signed by another key under the trusted TSA certificate’s name', () => {
    const v = verifier();
    verify(v, bundleWithTimestamp());
    const rogueKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const rogue = { root: sig.tsa.root, leaf: { ...sig.tsa.leaf, keys: rogueKeys } };
    const forged = bundleWithTimestamp((s) => createTimestampResponse(rogue, s, at));
    expect(failure(() => verify(v, forged)).message).toMatch(/timestamp/i);
  });

  it('refuses a timestamp whose TSTInfo was changed after signing (time moved by a second)', () => {
    const v = verifier();
    verify(v, bundleWithTimestamp());
    const moved = bundleWithTimestamp((s) => {
      const der = createTimestampResponse(sig.tsa, s, at);
      // GeneralizedTime genTime inside the TSTInfo: YYYYMMDDHHMMSS...Z in ASCII.
      const m = /\d{14}(\.\d+)?Z/.exec(der.toString('latin1'));
      expect(m).not.toBeNull();
      const i = m!.index + 13;
      der[i] = der[i] === 0x30 ? 0x31 : 0x30;
      return der;
    });
    expect(failure(() => verify(v, moved)).message).toMatch(/timestamp/i);
  });

  it('withTimestampDer encodes the same bytes as ASN1Obj.toDER, afresh each call', () => {
    const der = createTimestampResponse(sig.tsa, Buffer.from('data'), at);
    const plain = RFC3161Timestamp.parse(Buffer.from(der));
    const fast = withTimestampDer(RFC3161Timestamp.parse(Buffer.from(der)));
    const parts = (t: RFC3161Timestamp) =>
      t as unknown as { signedAttrsObj: ASN1Obj; eContentObj: ASN1Obj };
    const a = parts(fast).signedAttrsObj.toDER();
    expect(a.equals(parts(plain).signedAttrsObj.toDER())).toBe(true);
    a[0] = 0x31;
    expect(parts(fast).signedAttrsObj.toDER()[0]).toBe(0xa0);
    expect(fast.tstInfo.raw.equals(plain.tstInfo.raw)).toBe(true);
    // A token without its parts is left for sigstore-js to refuse.
    const empty = RFC3161Timestamp.parse(Buffer.from('3003020100', 'hex'));
    expect(withTimestampDer(empty)).toBe(empty);
  });

  it('createPublicKey hands out the trust-root key object only for that certificate’s exact SPKI', () => {
    const tsaLeaf = new TrustedCertificate(parse(sig.tsa.leaf.der));
    expect(sigCrypto.createPublicKey(tsaLeaf.publicKey)).toBe(tsaLeaf.keyObject());
    const other = parse(keylessLeafDer()).publicKey;
    const k = sigCrypto.createPublicKey(other);
    expect(k).not.toBe(tsaLeaf.keyObject());
    expect(k.export({ type: 'spki', format: 'der' }).equals(other)).toBe(true);
    // One byte off the trusted SPKI is another key (or none), never the trusted one.
    const near = tsaLeaf.publicKey;
    near[near.length - 1] ^= 0x01;
    let got: KeyObject | undefined;
    try {
      got = sigCrypto.createPublicKey(near);
    } catch {
      got = undefined;
    }
    expect(got).not.toBe(tsaLeaf.keyObject());
  });
});

describe('nodeX509', () => {
  it('gives each DER its own certificate, and the same object for the same bytes', () => {
    const a = keylessLeafDer();
    const b = keylessLeafDer();
    expect(nodeX509(a)).toBe(nodeX509(Buffer.from(a)));
    expect(nodeX509(a).serialNumber).not.toBe(nodeX509(b).serialNumber);
    const broken = Buffer.from(a);
    broken[broken.length - 5] ^= 0x01;
    expect(nodeX509(broken)).not.toBe(nodeX509(a));
    expect(nodeX509(broken).raw.equals(broken)).toBe(true);
    expect(() => nodeX509(Buffer.from('not a certificate'))).toThrow();
  });
});
