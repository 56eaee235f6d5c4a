/* eslint-disable @typescript-eslint/no-explicit-any -- the edits below reach into untyped bundle
   JSON; typing every path would obscure which field each test changes. */
import { createHash, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAttestations } from '../../src/core/verify/attestations.js';
import type { BundleCandidate } from '../../src/core/verify/discovery.js';
import { GateError } from '../../src/core/errors.js';
import type { IdentityRule, SignerPolicy } from '../../src/core/signatures/signer-policy.js';
import { checkBundleShape } from '../../src/core/signatures/bundle-shape.js';
import {
  ANNOTATION_BUNDLE,
  ANNOTATION_CERTIFICATE,
  ANNOTATION_SIGNATURE,
} from '../../src/core/signatures/legacy.js';
import {
  createSignatureVerifier,
  type SignatureVerifier,
} from '../../src/core/signatures/verifier.js';
import { toVerifyGateError } from '../../src/core/signatures/verify-errors.js';
import { toVerificationKey } from '../../src/core/trust/keys.js';
import type { VerificationKey } from '../../src/core/trust/key-types.js';
import {
  createTestSigstore,
  hashedRekordEntry,
  legacyBundleAnnotation,
  tlogEntryJson,
  type KeySigner,
  type KeylessSigner,
  type LegacySignature,
  type TestSigstore,
} from '../helpers/test-sigstore.js';

// Issue 10 items 1, 2 and 16: the signer kind of a bundle is the one @sigstore/bundle parses
// (which is what sigstore-js verifies), every oneof is set exactly once, a certificate under a
// key-only rule fails as such, anything sigstore-js throws on a candidate is a rejection of that
// candidate (never INTERNAL), and a signature that carries some other key or certificate than the
// one that verifies (the cosign GHSA-fx35-mq7g-6g98 class) is refused.

const FIX = join(import.meta.dirname, '../fixtures');
const fixture = (p: string): Record<string, any> =>
  JSON.parse(readFileSync(join(FIX, p), 'utf8')) as Record<string, any>;
const certBundle = fixture('sigstore-rs-cosign-v3-sign/bundle_v03.json');
const keyBundle = fixture(
  'sigstore-conformance/bundle-verify/managed-key-happy-path/bundle.sigstore.json',
);
const chainBundle = fixture(
  'sigstore-conformance/bundle-verify/happy-path-v0.1/bundle.sigstore.json',
);

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const REF = '127.0.0.1:5000/acme/app';
const EVIL: KeylessSigner = { identity: 'mallory@evil.example', issuer: 'https://evil.example' };
const GOOD_ID: IdentityRule = {
  subject: { exact: 'release@acme.example' },
  issuer: { exact: 'https://accounts.acme.example' },
};
const OTHER_PREDICATE = 'https://slsa.dev/provenance/v1';

function code(run: () => unknown): string {
  try {
    run();
  } catch (e: unknown) {
    expect(e).toBeInstanceOf(GateError);
    return `${(e as GateError).code}: ${(e as GateError).message}`;
  }
  return 'accepted';
}

describe('checkBundleShape: each oneof is set exactly once, and read as sigstore-js reads it', () => {
  it('the unedited bundles: the kind is the parsed one', () => {
    expect(checkBundleShape(certBundle).signer).toBe('certificate');
    expect(checkBundleShape(chainBundle).signer).toBe('certificate');
    expect(checkBundleShape(keyBundle).signer).toBe('key');
    expect(checkBundleShape(keyBundle).bundle.verificationMaterial.content?.$case).toBe(
      'publicKey',
    );
  });

  const vm = (b: Record<string, any>) => b.verificationMaterial as Record<string, any>;
  it.each<[string, Record<string, any>, (b: Record<string, any>) => void, RegExp]>([
    [
      '"publicKey": null before a certificate',
      certBundle,
      (b) => (b.verificationMaterial = { publicKey: null, ...vm(b) }),
      /exactly one of publicKey, x509CertificateChain, certificate \(found publicKey, certificate\)/,
    ],
    [
      '"publicKey": null after a certificate',
      certBundle,
      (b) => (vm(b).publicKey = null),
      /found publicKey, certificate/,
    ],
    [
      '"certificate": null next to a public key',
      keyBundle,
      (b) => (vm(b).certificate = null),
      /found publicKey, certificate/,
    ],
    [
      '"x509CertificateChain": null next to a certificate',
      certBundle,
      (b) => (vm(b).x509CertificateChain = null),
      /found x509CertificateChain, certificate/,
    ],
    [
      'a public key and a certificate',
      certBundle,
      (b) => (vm(b).publicKey = { hint: 'x' }),
      /found publicKey, certificate/,
    ],
    [
      'a certificate and a chain',
      certBundle,
      (b) => (vm(b).x509CertificateChain = { certificates: [vm(b).certificate] }),
      /found x509CertificateChain, certificate/,
    ],
    ['neither key nor certificate', certBundle, (b) => delete vm(b).certificate, /found none/],
    [
      'only "certificate": null',
      certBundle,
      (b) => (vm(b).certificate = null),
      /certificate is null/,
    ],
    [
      'a public key that is a string',
      keyBundle,
      (b) => (vm(b).publicKey = 'k.pub'),
      /publicKey is string, not an object/,
    ],
    [
      'a certificate that is a list',
      certBundle,
      (b) => {
        vm(b).certificate = [vm(b).certificate];
      },
      /certificate is a list/,
    ],
    [
      'public_key (proto spelling, which sigstore-go reads)',
      certBundle,
      (b) => (vm(b).public_key = { hint: 'x' }),
      /unknown field "public_key"/,
    ],
    [
      'x509_certificate_chain',
      certBundle,
      (b) => (vm(b).x509_certificate_chain = { certificates: [] }),
      /unknown field "x509_certificate_chain"/,
    ],
    [
      'a misspelt member',
      certBundle,
      (b) => (vm(b).publicKeys = { hint: 'x' }),
      /unknown field "publicKeys"/,
    ],
    [
      'a public key carrying its own key bytes',
      keyBundle,
      (b) => (vm(b).publicKey = { hint: 'x', rawBytes: 'AAAA' }),
      /publicKey has unknown field "rawBytes"/,
    ],
    [
      'a certificate member with a second field',
      certBundle,
      (b) => (vm(b).certificate.publicKey = { hint: 'x' }),
      /certificate has unknown field "publicKey"/,
    ],
    [
      '"messageSignature": null next to a DSSE envelope',
      certBundle,
      (b) => (b.messageSignature = null),
      /found messageSignature, dsseEnvelope/,
    ],
    [
      'both a message signature and a DSSE envelope',
      keyBundle,
      (b) => {
        b.dsseEnvelope = certBundle.dsseEnvelope;
      },
      /found messageSignature, dsseEnvelope/,
    ],
    ['neither content', keyBundle, (b) => delete b.messageSignature, /found none/],
    [
      'dsse_envelope at the top level',
      keyBundle,
      (b) => (b.dsse_envelope = {}),
      /bundle has unknown field "dsse_envelope"/,
    ],
    [
      'an envelope with an extra field',
      certBundle,
      (b) => (b.dsseEnvelope.Signatures = []),
      /dsseEnvelope has unknown field "Signatures"/,
    ],
    [
      'timestampVerificationData that is not an object',
      keyBundle,
      (b) => (vm(b).timestampVerificationData = 5),
      /timestampVerificationData is not an object/,
    ],
    [
      'a null tlog entry',
      keyBundle,
      (b) => (vm(b).tlogEntries = [null]),
      /tlog entry .* not an object/,
    ],
  ])('%s is refused as MALFORMED', (_name, base, edit, why) => {
    const b = structuredClone(base);
    edit(b);
    const got = code(() => checkBundleShape(b));
    expect(got).toMatch(/^MALFORMED: /);
    expect(got).toMatch(why);
  });
});

let sig: TestSigstore;
let trusted: KeySigner;
let attacker: KeySigner;
let trustedKey: VerificationKey;
beforeAll(async () => {
  sig = await createTestSigstore();
  trusted = sig.generateKeyPair();
  attacker = sig.generateKeyPair();
  trustedKey = toVerificationKey('k.pub', trusted.publicKey, 'test');
});

function verifier(p: Partial<SignerPolicy>): SignatureVerifier {
  return createSignatureVerifier(sig.trustedRoot, {
    keys: [trustedKey],
    identities: [],
    requireTlog: false,
    requireSct: false,
    ...p,
  });
}

/** A Fulcio-certified bundle for EVIL, TSA-timestamped, with `edit` applied to its material. */
function keylessBundle(
  predicateType: string,
  edit: (vm: Record<string, any>) => Record<string, any>,
  opts: { rfc3161?: boolean; tlog?: boolean } = {},
): Record<string, any> {
  const b = structuredClone(
    sig.signBundle({
      imageDigest: DIGEST,
      signer: EVIL,
      predicateType,
      tlog: opts.tlog ?? false,
      rfc3161: opts.rfc3161 ?? true,
    }).bundle,
  ) as Record<string, any>;
  b.verificationMaterial = edit(b.verificationMaterial as Record<string, any>);
  return b;
}

describe('item 1: a certificate is never taken for the trusted key', () => {
  const kinds: Array<[string, string]> = [
    ['image signature', 'https://sigstore.dev/cosign/sign/v1'],
    ['attestation', OTHER_PREDICATE],
  ];
  const edits: Array<[string, (vm: Record<string, any>) => Record<string, any>]> = [
    ['"publicKey": null first', (vm) => ({ publicKey: null, ...vm })],
    ['"publicKey": null last', (vm) => ({ ...vm, publicKey: null })],
    ['"publicKey": {} next to the certificate', (vm) => ({ publicKey: {}, ...vm })],
  ];
  for (const [kind, predicateType] of kinds) {
    for (const [name, edit] of edits) {
      it(`${kind}, ${name}: refused under a key-only policy, with a TSA time and without one`, () => {
        for (const rfc3161 of [true, false]) {
          const b = keylessBundle(predicateType, edit, { rfc3161 });
          for (const v of [
            verifier({}),
            // A keyless rule for someone else does not make EVIL's certificate "the key" either.
            verifier({ identities: [GOOD_ID] }),
          ]) {
            const got = code(() => v.verifyBundle(b, { digest: DIGEST }, 'bundle-referrer'));
            expect(got).toMatch(/^MALFORMED: bundle verificationMaterial must set exactly one/);
          }
        }
      });
    }

    it(`${kind}: a plain certificate under a key-only rule fails with that reason`, () => {
      const b = keylessBundle(predicateType, (vm) => vm);
      expect(code(() => verifier({}).verifyBundle(b, { digest: DIGEST }, 'bundle-referrer'))).toBe(
        'UNTRUSTED_SIGNER: bundle (bundle-referrer) is signed by a certificate (keyless) but the policy trusts only keys',
      );
      // And under a keyless rule for someone else, as an identity mismatch (not as the key).
      expect(
        code(() =>
          verifier({ identities: [GOOD_ID] }).verifyBundle(
            b,
            { digest: DIGEST },
            'bundle-referrer',
          ),
        ),
      ).toMatch(/^UNTRUSTED_SIGNER: bundle \(bundle-referrer\): .*mallory@evil\.example/);
    });

    it(`${kind}: the key-signed bundle still verifies as the key`, () => {
      const b = sig.signBundle({ imageDigest: DIGEST, signer: trusted, predicateType }).bundle;
      const ev = verifier({}).verifyBundle(b, { digest: DIGEST }, 'bundle-referrer');
      expect(ev).toMatchObject({ kind: 'key', keyRef: 'k.pub' });
    });
  }
});

describe('item 2: what sigstore-js throws on a candidate is a rejection, never INTERNAL', () => {
  // A key bundle whose RFC 3161 entry is an empty object: sigstore-js throws a RangeError on it.
  const crashing = (): Record<string, any> => {
    const b = structuredClone(
      sig.signBundle({ imageDigest: DIGEST, signer: trusted }).bundle,
    ) as Record<string, any>;
    b.verificationMaterial.timestampVerificationData = { rfc3161Timestamps: [{}] };
    return b;
  };
  // A key bundle whose entry, SET and all from the trusted log, has a body with "spec": null:
  // every check of ours passes and sigstore-js throws a TypeError inside Verifier.verify.
  const loggedCrash = (predicateType?: string): Record<string, any> => {
    const b = structuredClone(
      sig.signBundle({
        imageDigest: DIGEST,
        signer: trusted,
        tlog: false,
        ...(predicateType ? { predicateType } : {}),
      }).bundle,
    ) as Record<string, any>;
    const entry = sig.rekor.append(
      { apiVersion: '0.0.1', kind: 'dsse', spec: null },
      Math.floor(Date.now() / 1000),
    );
    b.verificationMaterial.tlogEntries = [tlogEntryJson(entry, 'dsse', '0.0.1')];
    return b;
  };

  it('a bundle sigstore-js throws on while verifying is MALFORMED', () => {
    expect(
      code(() => verifier({}).verifyBundle(loggedCrash(), { digest: DIGEST }, 'bundle-referrer')),
    ).toMatch(
      /^MALFORMED: bundle \(bundle-referrer\): cannot be verified: Cannot read properties of null/,
    );
  });

  it('a bundle sigstore-js throws on while parsing is MALFORMED too', () => {
    expect(
      code(() => verifier({}).verifyBundle(crashing(), { digest: DIGEST }, 'bundle-referrer')),
    ).toMatch(/^MALFORMED: bundle \(bundle-referrer\)/);
  });

  it.each<[string, unknown]>([
    [
      "TypeError (reading 'clone')",
      new TypeError("Cannot read properties of undefined (reading 'clone')"),
    ],
    ['RangeError', new RangeError('request past end of buffer')],
    ['a thrown string', 'boom'],
  ])('toVerifyGateError: %s is MALFORMED', (_name, e) => {
    const g = toVerifyGateError(e, 'bundle (bundle-referrer)');
    expect(g.code).toBe('MALFORMED');
    expect(g.message).toMatch(/^bundle \(bundle-referrer\): cannot be verified: /);
  });

  it('attestations: a crashing candidate is recorded under rejected and does not outweigh a verified one', async () => {
    const good = sig.signBundle({
      imageDigest: DIGEST,
      signer: trusted,
      predicateType: OTHER_PREDICATE,
    }).bundle;
    const bad = loggedCrash(OTHER_PREDICATE);
    const cands = (bundles: unknown[]): BundleCandidate[] =>
      bundles.map((bundle, i) => ({
        kind: 'bundle',
        where: `referrer ${i}`,
        format: 'bundle-referrer',
        bundle,
      }));
    const plan = {
      verifier: verifier({}),
      requirements: { types: [OTHER_PREDICATE], conditions: {} },
    };
    for (const order of [
      [bad, good],
      [good, bad],
    ]) {
      const out = await checkAttestations(DIGEST, cands(order), plan);
      expect(out.ok).toBe(true);
      expect(out.rejected).toEqual([
        {
          where: `referrer ${order.indexOf(bad)}`,
          code: 'MALFORMED',
          reason: expect.stringMatching(/cannot be verified/),
        },
      ]);
    }
    // Alone, it is a failure verdict (exit 1), not an error.
    const alone = await checkAttestations(DIGEST, cands([bad]), plan);
    expect(alone).toMatchObject({ ok: false, code: 'ATTESTATION_MISSING' });
    expect(alone.rejected.map((r) => r.code)).toEqual(['MALFORMED']);
  });
});

describe('item 16 (cosign GHSA-fx35-mq7g-6g98 class): the key or certificate a signature carries is not what verifies it', () => {
  const legacy = (v: SignatureVerifier, s: LegacySignature) =>
    code(() => v.verifyLegacy({ payload: s.payload, annotations: s.annotations }, DIGEST));
  const pem = (k: KeySigner) => k.publicKey.export({ type: 'spki', format: 'pem' }).toString();

  it('.sig signed by the attacker, whose certificate annotation is the attacker public key', () => {
    const s = sig.signLegacyKey({ imageDigest: DIGEST, dockerReference: REF, ...attacker });
    s.annotations[ANNOTATION_CERTIFICATE] = pem(attacker);
    for (const v of [
      verifier({}),
      verifier({ identities: [GOOD_ID] }),
      verifier({ keys: [], identities: [GOOD_ID] }),
    ])
      expect(legacy(v, s)).toMatch(
        /^MALFORMED: .sig layer annotation dev.sigstore.cosign\/certificate is not a PEM certificate/,
      );
  });

  it('.sig signed by the attacker with no certificate: the trusted key is the only candidate', () => {
    const s = sig.signLegacyKey({ imageDigest: DIGEST, dockerReference: REF, ...attacker });
    expect(legacy(verifier({}), s)).toMatch(
      /^SIGNATURE_INVALID: .*does not verify with any trusted key: k\.pub/,
    );
    expect(legacy(verifier({ keys: [], identities: [GOOD_ID] }), s)).toMatch(
      /^UNTRUSTED_SIGNER: .*public key but the policy trusts only keyless/,
    );
  });

  it('.sig signed by the attacker with a certificate from a CA the root does not hold', () => {
    const s = sig.signLegacyKeyless({
      imageDigest: DIGEST,
      dockerReference: REF,
      ...EVIL,
      ca: 'rogue',
    });
    expect(legacy(verifier({ identities: [GOOD_ID] }), s)).toMatch(/^UNTRUSTED_SIGNER: /);
    expect(legacy(verifier({}), s)).toMatch(
      /^UNTRUSTED_SIGNER: .*certificate \(keyless\) but the policy trusts only keys/,
    );
  });

  it('.sig signed by the trusted key but carrying an unrelated Fulcio certificate', () => {
    const s = sig.signLegacyKey({ imageDigest: DIGEST, dockerReference: REF, ...trusted });
    const other = sig.signLegacyKeyless({ imageDigest: DIGEST, dockerReference: REF, ...EVIL });
    s.annotations[ANNOTATION_CERTIFICATE] = other.certificatePem!;
    // Read as keyless (what it claims), where the certificate's key did not sign: never as k.pub.
    expect(legacy(verifier({}), s)).toMatch(/^UNTRUSTED_SIGNER: .*signed by a certificate/);
    expect(
      legacy(
        verifier({
          identities: [{ subject: { exact: EVIL.identity }, issuer: { exact: EVIL.issuer } }],
        }),
        s,
      ),
    ).toMatch(/^(SIGNATURE_INVALID|TLOG_INVALID): /);
  });

  it('.sig signed by the trusted key whose Rekor entry names the attacker key', () => {
    const s = sig.signLegacyKey({
      imageDigest: DIGEST,
      dockerReference: REF,
      ...trusted,
      tlog: false,
    });
    const entry = sig.rekor.append(
      hashedRekordEntry(s.payload, s.signature, pem(attacker)),
      Math.floor(Date.now() / 1000),
    );
    s.annotations[ANNOTATION_BUNDLE] = legacyBundleAnnotation(entry);
    expect(legacy(verifier({}), s)).toMatch(/^TLOG_INVALID: /);
    expect(legacy(verifier({ requireTlog: true }), s)).toMatch(/^TLOG_INVALID: /);
  });

  it('bundle signed by the attacker whose key hint names the trusted key', () => {
    const b = structuredClone(
      sig.signBundle({ imageDigest: DIGEST, signer: attacker }).bundle,
    ) as Record<string, any>;
    const trustedHint = createHash('sha256').update(trustedKey.spki).digest('base64');
    b.verificationMaterial.publicKey = { hint: trustedHint };
    expect(code(() => verifier({}).verifyBundle(b, { digest: DIGEST }, 'bundle-referrer'))).toMatch(
      /^(SIGNATURE_INVALID|TLOG_INVALID): /,
    );
  });

  it('.sig whose payload, signed by the trusted key, holds both digest spellings', () => {
    // The parser differential of item 10 as a whole signature: one digest for us, another for Go.
    const payload = Buffer.from(
      `{"critical":{"identity":{"docker-reference":"${REF}"},"image":{"Docker-Manifest-Digest":"sha256:${'cd'.repeat(32)}","docker-manifest-digest":"${DIGEST}"},"type":"cosign container image signature"},"optional":null}`,
    );
    const signature = sign('sha256', payload, trusted.privateKey);
    const s = { payload, annotations: { [ANNOTATION_SIGNATURE]: signature.toString('base64') } };
    expect(code(() => verifier({}).verifyLegacy(s, DIGEST))).toMatch(/^MALFORMED: .*collides/);
  });
});
