/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call -- the edits below reach deep into
   untyped bundle JSON; typing every path would obscure which field each test changes. */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IdentityRule, SignerPolicy } from '../../src/core/signatures/signer-policy.js';
import { createSignatureVerifier } from '../../src/core/signatures/verifier.js';
import type { VerificationKey } from '../../src/core/trust/key-types.js';
import { embeddedTrustedRoot } from '../../src/core/trust/root.js';
import { failure } from '../helpers/expect-failure.js';

// Real Sigstore bundles (cosign v3 sign, cosign attest, attest-build-provenance, npm provenance)
// verified offline against the public-good root, and the SECURITY.md section 6 negatives that can
// be expressed on them. Every edit test also shows the unedited bundle verifying.
const FIX = join(import.meta.dirname, '../fixtures');
const root = embeddedTrustedRoot();
const json = (p: string): Record<string, any> =>
  JSON.parse(readFileSync(join(FIX, p), 'utf8')) as Record<string, any>;
const clone = <T>(v: T): T => structuredClone(v);

const KW_DIGEST = 'sha256:c811d58de79c92f03214e63aa339484e488d694ae8a6283b5f3f17a9faf50172';
const KW_SAN =
  'https://github.com/kubewarden/kubewarden-controller/.github/workflows/release.yml@refs/tags/v1.34.0';
const GHA = 'https://token.actions.githubusercontent.com';
const KW: IdentityRule = { subject: { exact: KW_SAN }, issuer: { exact: GHA } };
const kwBundle = json('sigstore-rs-cosign-v3-sign/bundle_v03.json');

const OCI_MANIFEST = readFileSync(join(FIX, 'cosign-oci-attestation/subject/manifest.json'));
const OCI_DIGEST = `sha256:${createHash('sha256').update(OCI_MANIFEST).digest('hex')}`;
const CODY: IdentityRule = {
  subject: { exact: 'cody@soyland.com' },
  issuer: { exact: 'https://github.com/login/oauth' },
};
const ociBundle = json('cosign-oci-attestation/oci-attestation.sigstore.json');

function policy(p: Partial<SignerPolicy>): SignerPolicy {
  return { keys: [], identities: [], requireTlog: true, requireSct: true, ...p };
}
const kwVerifier = createSignatureVerifier(root, policy({ identities: [KW] }));

/** The bundle with its DSSE statement rewritten by `edit` (text in, text out). */
function withPayload(
  bundle: Record<string, any>,
  edit: (statement: string) => string,
): Record<string, any> {
  const b = clone(bundle);
  const text = Buffer.from(b.dsseEnvelope.payload as string, 'base64').toString('utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  b.dsseEnvelope.payload = Buffer.from(edited).toString('base64');
  return b;
}

describe('real DSSE bundles verify offline', () => {
  it('cosign v3 sign: in-toto v1 statement for the image digest, signer is the release workflow', () => {
    const ev = kwVerifier.verifyBundle(kwBundle, { digest: KW_DIGEST }, 'bundle-referrer');
    expect(ev).toMatchObject({
      kind: 'keyless',
      format: 'bundle-referrer',
      identity: KW_SAN,
      issuer: GHA,
      tlog: { logIndex: '1261105807' },
    });
    expect(ev.signedAt?.slice(0, 16)).toBe('2026-04-09T07:23');
    expect(ev.statement?.predicateType).toBe('https://sigstore.dev/cosign/sign/v1');
    expect(ev.statement?._type).toBe('https://in-toto.io/Statement/v1');
  });

  it('cosign attest: in-toto v0.1 statement whose subject is the sha256 of the exact manifest bytes', () => {
    const v = createSignatureVerifier(root, policy({ identities: [CODY] }));
    const ev = v.verifyBundle(ociBundle, { digest: OCI_DIGEST }, 'bundle-referrer');
    expect(ev).toMatchObject({
      kind: 'keyless',
      identity: 'cody@soyland.com',
      issuer: 'https://github.com/login/oauth',
    });
    expect(ev.statement?.predicateType).toBe('https://cosign.sigstore.dev/attestation/v1');
    // The same subject given as the artifact bytes.
    expect(v.verifyBundle(ociBundle, { artifact: OCI_MANIFEST }, 'bundle-tag').identity).toBe(
      'cody@soyland.com',
    );
  });

  it('attest-build-provenance referrer bundle (teleport fixture), SLSA v1', () => {
    const bundle = JSON.parse(
      readFileSync(
        join(
          FIX,
          'teleport-sigstoretest/v2/attestations/blobs/sha256~bc5f4fa5bb3ce15ba1f0a9ee34ab6f22d53c02f0c30049cf465442dd54e0c0b2',
        ),
        'utf8',
      ),
    ) as unknown;
    const v = createSignatureVerifier(
      root,
      policy({
        identities: [
          {
            subject: {
              regexp:
                'https://github\\.com/boxofrad/provenance-demo/\\.github/workflows/.+@refs/heads/main',
            },
            issuer: { exact: GHA },
          },
        ],
      }),
    );
    const ev = v.verifyBundle(
      bundle,
      { digest: 'sha256:32c91fcdf8b41ef78cf63e7be080a366597fd5a748480f5d2a6dc0cff5203807' },
      'bundle-referrer',
    );
    expect(ev.statement?.predicateType).toBe('https://slsa.dev/provenance/v1');
  });

  it('npm provenance with a sha512 subject (v0.3 and v0.1 forms), and a sha256 that is not the subject', () => {
    const sha512 =
      'sha512:90f223f992e4c88dd068cd2a5fc57f9d2b30798343dd6e38f29c240e04ba090ef831f84490847c4e82b9232c78e8a258463b1e55c0f7469f730265008fa6633f';
    const v = createSignatureVerifier(
      root,
      policy({
        identities: [
          {
            subject: { regexp: 'https://github\\.com/sigstore/sigstore-js/\\.github/workflows/.+' },
            issuer: { exact: GHA },
          },
        ],
      }),
    );
    for (const f of ['sigstore-js-2.1.0-bundle.json', 'sigstore-js-2.1.0-bundle-v0.1.json']) {
      expect(
        v.verifyBundle(json(`cli-cli-attestation/${f}`), { digest: sha512 }, 'bundle-tag').kind,
      ).toBe('keyless');
      expect(
        failure(() =>
          v.verifyBundle(
            json(`cli-cli-attestation/${f}`),
            { digest: `sha256:${'0'.repeat(64)}` },
            'bundle-tag',
          ),
        ).code,
      ).toBe('PAYLOAD_MISMATCH');
    }
  });

  it("rejects cli/cli's invalid-signature bundle (its DSSE payload is not even a statement)", () => {
    const v = createSignatureVerifier(
      root,
      policy({ identities: [{ subject: { regexp: '.*' }, issuer: { regexp: '.*' } }] }),
    );
    const b = json('cli-cli-attestation/sigstoreBundle-invalid-signature.json');
    const payload = Buffer.from(b.dsseEnvelope.payload as string, 'base64');
    const g = failure(() => v.verifyBundle(b, { artifact: payload }, 'bundle-tag'));
    expect(g.code).toBe('PAYLOAD_MISMATCH');
    expect(g.message).toMatch(/payloadType/);
  });
});

describe('SECURITY.md section 6 on real bundles', () => {
  // 19: valid signature, but the statement is about another image.
  it.each([
    ['cosign v3 sign', kwBundle, KW],
    ['cosign attest', ociBundle, CODY],
  ] as const)(
    '19: %s bundle checked against another digest is a payload mismatch',
    (_n, bundle, rule) => {
      const v = createSignatureVerifier(root, policy({ identities: [rule] }));
      const g = failure(() =>
        v.verifyBundle(bundle, { digest: `sha256:${'1'.repeat(64)}` }, 'bundle-referrer'),
      );
      expect(g.code).toBe('PAYLOAD_MISMATCH');
      expect(g.message).toContain('1'.repeat(64));
    },
  );

  // 2-4: identities are exact or anchored; sigstore-js alone would take a string as an unanchored RegExp.
  it.each<[string, string, IdentityRule['subject']]>([
    ['2: exact identity that is a prefix of the SAN', 'prefix', { exact: KW_SAN.slice(0, -2) }],
    [
      '2: RegExp that matches only a prefix',
      'prefix',
      {
        regexp:
          'https://github\\.com/kubewarden/kubewarden-controller/\\.github/workflows/release\\.yml@refs/tags/v1',
      },
    ],
    [
      '3: exact identity with "." where the SAN has "/"',
      'metachar',
      {
        exact: KW_SAN.replace(
          'kubewarden/kubewarden-controller',
          'kubewarden.kubewarden-controller',
        ),
      },
    ],
    [
      '4: exact identity contained in the SAN',
      'substring',
      { exact: KW_SAN.replace('https://', '') },
    ],
    [
      '4: RegExp contained in the SAN',
      'substring',
      { regexp: 'kubewarden-controller/\\.github/workflows/release\\.yml@refs/tags/v1\\.34\\.0' },
    ],
  ])('%s is rejected', (_n, _kind, subject) => {
    const pattern = 'exact' in subject ? subject.exact : subject.regexp;
    // What sigstore-js' own policy check (`san.match(string)`) would have done:
    expect(KW_SAN.match(pattern)).not.toBeNull();
    const v = createSignatureVerifier(
      root,
      policy({ identities: [{ subject, issuer: { exact: GHA } }] }),
    );
    const g = failure(() => v.verifyBundle(kwBundle, { digest: KW_DIGEST }, 'bundle-referrer'));
    expect(g.code).toBe('UNTRUSTED_SIGNER');
    expect(g.message).toContain(KW_SAN);
  });

  // 6: issuer is exact; and a policy on further Fulcio extensions by OID (7).
  const required = (oid: string, exact: string) => ({
    name: oid,
    carriers: [{ oid, value: { exact } }],
  });
  it.each<[string, Partial<IdentityRule>]>([
    ['6: issuer prefix', { issuer: { exact: 'https://token.actions.githubusercontent.co' } }],
    ['6: issuer with a suffix', { issuer: { exact: `${GHA}.evil` } }],
    [
      '7: source repository URI (1.12) of another repo',
      {
        extensions: [required('1.3.6.1.4.1.57264.1.12', 'https://github.com/kubewarden/other')],
      },
    ],
    [
      '7: an extension the certificate does not have',
      {
        extensions: [
          { name: 'x', carriers: [{ oid: '1.3.6.1.4.1.57264.1.99', value: { regexp: '.*' } }] },
        ],
      },
    ],
  ])('%s is rejected', (_n, change) => {
    const v = createSignatureVerifier(root, policy({ identities: [{ ...KW, ...change }] }));
    expect(
      failure(() => v.verifyBundle(kwBundle, { digest: KW_DIGEST }, 'bundle-referrer')).code,
    ).toBe('UNTRUSTED_SIGNER');
  });

  it('7: extensions that match (v2 DER-encoded and v1 raw) are accepted', () => {
    const v = createSignatureVerifier(
      root,
      policy({
        identities: [
          {
            ...KW,
            extensions: [
              required(
                '1.3.6.1.4.1.57264.1.12',
                'https://github.com/kubewarden/kubewarden-controller',
              ),
              required('1.3.6.1.4.1.57264.1.14', 'refs/tags/v1.34.0'),
              required('1.3.6.1.4.1.57264.1.2', 'push'),
            ],
          },
        ],
      }),
    );
    expect(v.verifyBundle(kwBundle, { digest: KW_DIGEST }, 'bundle-referrer').identity).toBe(
      KW_SAN,
    );
  });

  // 9: a valid tlog entry, but for another signature/artifact.
  it('9: a tlog entry lifted from another bundle is rejected', () => {
    const b = clone(kwBundle);
    b.verificationMaterial.tlogEntries = clone(ociBundle.verificationMaterial.tlogEntries);
    // Its integrated time also lies outside this certificate's life, which may be noticed first.
    expect(['TLOG_INVALID', 'UNTRUSTED_SIGNER']).toContain(
      failure(() => kwVerifier.verifyBundle(b, { digest: KW_DIGEST }, 'bundle-referrer')).code,
    );
  });

  // 11: one entry counted twice.
  it('11: two copies of the same tlog entry are rejected', () => {
    const b = clone(kwBundle);
    b.verificationMaterial.tlogEntries.push(clone(b.verificationMaterial.tlogEntries[0]));
    // sigstore-js sees the duplicate first as a duplicate timestamp, then as a duplicate entry.
    const g = failure(() => kwVerifier.verifyBundle(b, { digest: KW_DIGEST }, 'bundle-referrer'));
    expect(g.message).toMatch(/duplicate/);
  });

  // 12: bounds are checked before any cryptography.
  it.each([
    [
      '33 tlog entries',
      (b: Record<string, any>) => {
        b.verificationMaterial.tlogEntries = Array(33).fill(b.verificationMaterial.tlogEntries[0]);
      },
      /33 tlog entries \(limit 32\)/,
      (b: Record<string, any>) => {
        b.verificationMaterial.tlogEntries = Array(32).fill(b.verificationMaterial.tlogEntries[0]);
      },
    ],
    [
      '33 RFC 3161 timestamps',
      (b: Record<string, any>) => {
        const t = b.verificationMaterial.timestampVerificationData.rfc3161Timestamps;
        b.verificationMaterial.timestampVerificationData.rfc3161Timestamps = Array(33).fill(t[0]);
      },
      /33 RFC 3161 timestamps \(limit 32\)/,
      (b: Record<string, any>) => {
        const t = b.verificationMaterial.timestampVerificationData.rfc3161Timestamps;
        b.verificationMaterial.timestampVerificationData.rfc3161Timestamps = Array(32).fill(t[0]);
      },
    ],
  ])('12: a bundle with %s is malformed', (_n, edit, message, atLimit) => {
    const over = clone(kwBundle);
    edit(over);
    const g = failure(() =>
      kwVerifier.verifyBundle(over, { digest: KW_DIGEST }, 'bundle-referrer'),
    );
    expect(g.code).toBe('MALFORMED');
    expect(g.message).toMatch(message);
    // At the limit the bundle gets past the bound (and fails later, on duplicates).
    const at = clone(kwBundle);
    atLimit(at);
    expect(
      failure(() => kwVerifier.verifyBundle(at, { digest: KW_DIGEST }, 'bundle-referrer')).message,
    ).not.toMatch(/limit/);
  });

  const subject = (i: number) => ({
    digest: {
      sha256: i === 0 ? KW_DIGEST.slice(7) : createHash('sha256').update(String(i)).digest('hex'),
    },
  });
  it.each([
    ['1025 subjects', 1025, 1, /1025 subjects \(limit 1024\)/],
    ['1024 subjects', 1024, 1, undefined],
    ['33 digests in one subject', 1, 33, /33 digests \(limit 32\)/],
    ['32 digests in one subject', 1, 32, undefined],
  ] as const)('12: a statement with %s', (_n, subjects, digests, limitMessage) => {
    const b = withPayload(kwBundle, (text) => {
      const st = JSON.parse(text) as Record<string, unknown>;
      st.subject = Array.from({ length: subjects }, (_, i) => {
        const s = subject(i);
        for (let d = 1; d < digests; d++) (s.digest as Record<string, string>)[`alg${d}`] = 'ff';
        return s;
      });
      return JSON.stringify(st);
    });
    const g = failure(() => kwVerifier.verifyBundle(b, { digest: KW_DIGEST }, 'bundle-referrer'));
    if (limitMessage) {
      expect(g.code).toBe('MALFORMED');
      expect(g.message).toMatch(limitMessage);
    } else {
      // Within bounds the edit is caught by the cryptography instead.
      expect(g.message).not.toMatch(/limit/);
      expect(g.code).toBe('TLOG_INVALID');
    }
  });

  // 21, 22, 24: statement shape, payload type and strict JSON, all before the signature check.
  it.each([
    [
      '21: a payload that is not JSON',
      (t: string) => t.slice(0, -1),
      'MALFORMED',
      /not strict JSON/,
    ],
    [
      '21: a statement without predicateType',
      (t: string) => t.replace('"predicateType"', '"predicateTypo"'),
      'MALFORMED',
      /no predicateType/,
    ],
    [
      '21: a statement whose _type is not in-toto',
      (t: string) =>
        t.replace('https://in-toto.io/Statement/v1', 'https://in-toto.io/Statement/v9'),
      'PAYLOAD_MISMATCH',
      /_type/,
    ],
    [
      '24: a duplicate predicateType key',
      (t: string) => t.replace('{', '{"predicateType":"https://slsa.dev/provenance/v1",'),
      'MALFORMED',
      /duplicate key "predicateType"/,
    ],
    [
      '24: a duplicate subject key',
      (t: string) => t.replace('{', `{"subject":[{"digest":{"sha256":"${KW_DIGEST.slice(7)}"}}],`),
      'MALFORMED',
      /duplicate key "subject"/,
    ],
  ] as const)('%s is rejected', (_n, edit, code, message) => {
    const g = failure(() =>
      kwVerifier.verifyBundle(
        withPayload(kwBundle, edit),
        { digest: KW_DIGEST },
        'bundle-referrer',
      ),
    );
    expect(g.code).toBe(code);
    expect(g.message).toMatch(message);
  });

  it('22: a DSSE payloadType other than in-toto is rejected', () => {
    const b = clone(kwBundle);
    b.dsseEnvelope.payloadType = 'application/json';
    const g = failure(() => kwVerifier.verifyBundle(b, { digest: KW_DIGEST }, 'bundle-referrer'));
    expect(g.code).toBe('PAYLOAD_MISMATCH');
    expect(g.message).toContain('application/json');
  });

  // 23: sigstore-js reads only signatures[0].
  it.each([
    [
      'two signatures (an untrusted one first)',
      (b: Record<string, any>) => {
        b.dsseEnvelope.signatures.unshift({
          sig: Buffer.alloc(70, 1).toString('base64'),
          keyid: '',
        });
      },
    ],
    [
      'two signatures (the valid one first)',
      (b: Record<string, any>) => {
        b.dsseEnvelope.signatures.push({ sig: Buffer.alloc(70, 1).toString('base64'), keyid: '' });
      },
    ],
    [
      'zero signatures',
      (b: Record<string, any>) => {
        b.dsseEnvelope.signatures = [];
      },
    ],
  ])('23: an envelope with %s is rejected', (_n, edit) => {
    const b = clone(kwBundle);
    edit(b);
    const g = failure(() => kwVerifier.verifyBundle(b, { digest: KW_DIGEST }, 'bundle-referrer'));
    expect(g.code).toBe('MALFORMED');
    expect(g.message).toMatch(/exactly 1 required/);
  });

  // 18: key mode against keyless evidence and vice versa.
  it('18: a keyless bundle is not accepted when only keys are trusted', () => {
    const spki = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const der = spki.export({ type: 'spki', format: 'der' });
    const key: VerificationKey = {
      keyRef: 'k.pub',
      keyID: createHash('sha256').update(der).digest('hex').slice(0, 16),
      publicKey: spki,
      spki: der,
      pem: '',
      algorithm: 'ecdsa-p256',
    };
    const v = createSignatureVerifier(root, policy({ keys: [key] }));
    expect(
      failure(() => v.verifyBundle(kwBundle, { digest: KW_DIGEST }, 'bundle-referrer')).code,
    ).toBe('UNTRUSTED_SIGNER');
  });

  it('rejects a malformed bundle as a failure, not an error', () => {
    for (const bad of [
      null,
      'x',
      { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' },
      {
        ...clone(kwBundle),
        dsseEnvelope: { payload: '!!', payloadType: 'x', signatures: [{ sig: '' }] },
      },
    ]) {
      expect(
        failure(() => kwVerifier.verifyBundle(bad, { digest: KW_DIGEST }, 'bundle-referrer')).code,
      ).toBe('MALFORMED');
    }
  });

  it('treats a malformed subject digest from the caller as a usage error', () => {
    expect(() =>
      kwVerifier.verifyBundle(kwBundle, { digest: 'sha256:ABC' }, 'bundle-referrer'),
    ).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});
