import { createHash, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import type { IdentityRule, SignerPolicy } from '../../src/core/signatures/signer-policy.js';
import {
  createSignatureVerifier,
  type SignatureVerifier,
} from '../../src/core/signatures/verifier.js';
import type { VerificationKey } from '../../src/core/trust/key-types.js';
import { embeddedTrustedRoot } from '../../src/core/trust/root.js';
import { createTimestampResponse } from '../helpers/test-sigstore-pki.js';
import {
  ANNOTATION_BUNDLE,
  createTestSigstore,
  cosignEnvelopeBytes,
  dsseEntry,
  hashedRekordEntry,
  intotoV001Entry,
  intotoV002Entry,
  legacyBundleAnnotation,
  type KeylessSigner,
  type KeySigner,
  type LegacyAttestation,
  type LegacyAttRekorKind,
  type TestSigstore,
} from '../helpers/test-sigstore.js';
import { failure } from '../helpers/expect-failure.js';

// Cosign legacy `.att` layers (DSSE envelope blob + annotations) through verifyLegacyAttestation:
// each Rekor entry kind cosign writes, the DSSE/in-toto rules, and the binding of the log entry
// to this envelope and this signer. A real cosign layer verifies offline against public-good.

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const OTHER_DIGEST = `sha256:${'cd'.repeat(32)}`;
const SLSA = 'https://slsa.dev/provenance/v0.2';
const SPDX = 'https://spdx.dev/Document';
const ISSUER = 'https://token.actions.githubusercontent.com';
const SAN = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const TIMESTAMP = 'dev.sigstore.cosign/rfc3161timestamp';
const KINDS: LegacyAttRekorKind[] = ['dsse', 'intoto-0.0.1', 'intoto-0.0.2'];

let sig: TestSigstore;
let key: KeySigner;
let otherKey: KeySigner;
const keyless: KeylessSigner = { identity: SAN, issuer: ISSUER };
const ID: IdentityRule = { subject: { exact: SAN }, issuer: { exact: ISSUER } };

beforeAll(async () => {
  sig = await createTestSigstore();
  key = sig.generateKeyPair();
  otherKey = sig.generateKeyPair();
});

function vk(publicKey: KeyObject): VerificationKey {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyRef: 'cosign.pub',
    keyID: createHash('sha256').update(spki).digest('hex').slice(0, 16),
    publicKey,
    spki,
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    algorithm: 'ecdsa-p256',
  };
}

function verifier(p: Partial<SignerPolicy> = {}): SignatureVerifier {
  return createSignatureVerifier(sig.trustedRoot, {
    keys: [vk(key.publicKey)],
    identities: [ID],
    requireTlog: true,
    requireSct: true,
    ...p,
  });
}

const layer = (a: Pick<LegacyAttestation, 'envelope' | 'annotations'>) => ({
  envelope: a.envelope,
  annotations: a.annotations,
});

/** An envelope blob with `signatures` replaced (cosign's field order kept). */
function envelopeWith(a: LegacyAttestation, signatures: unknown[]): Buffer {
  const env = JSON.parse(a.envelope.toString('utf8')) as Record<string, unknown>;
  return Buffer.from(JSON.stringify({ ...env, signatures }));
}

/** A log entry of `kind` for `a`'s exact envelope, but naming `verifierPem` as the signer. */
function bodyFor(a: LegacyAttestation, kind: LegacyAttRekorKind, verifierPem: string): object {
  const env = JSON.parse(a.envelope.toString('utf8')) as { payloadType: string };
  if (kind === 'intoto-0.0.1') return intotoV001Entry(a.envelope, a.statement, verifierPem);
  if (kind === 'intoto-0.0.2')
    return intotoV002Entry(a.envelope, env.payloadType, a.statement, a.signature, verifierPem);
  return dsseEntry(
    {
      payloadType: env.payloadType,
      payload: a.statement.toString('base64'),
      signatures: [{ keyid: '', sig: a.signature.toString('base64') }],
    },
    a.signature,
    verifierPem,
    a.envelope,
  );
}

function withEntry(a: LegacyAttestation, proposed: object): Record<string, string> {
  const entry = sig.rekor.append(proposed, Math.floor(Date.now() / 1000));
  return { ...a.annotations, [ANNOTATION_BUNDLE]: legacyBundleAnnotation(entry) };
}

describe('cosign .att layers verify', () => {
  it.each(KINDS)('key-signed, logged as %s: statement, key and log entry', (rekorKind) => {
    const a = sig.signLegacyAttestation({
      imageDigest: DIGEST,
      signer: key,
      predicateType: SLSA,
      predicate: { builder: { id: 'b' } },
      rekorKind,
    });
    const ev = verifier().verifyLegacyAttestation(layer(a), DIGEST);
    expect(ev).toMatchObject({ kind: 'key', format: 'legacy-tag', keyRef: 'cosign.pub' });
    expect(ev.statement.predicateType).toBe(SLSA);
    expect(ev.statement.predicate).toEqual({ builder: { id: 'b' } });
    expect(ev.tlog?.logIndex).toBe(String(a.tlogEntry?.logIndex));
    expect(ev.signedAt).toBe(new Date(a.tlogEntry!.integratedTime * 1000).toISOString());
  });

  it.each(KINDS)(
    'keyless, logged as %s: identity from the certificate, time from the SET',
    (rekorKind) => {
      const a = sig.signLegacyAttestation({ imageDigest: DIGEST, signer: keyless, rekorKind });
      expect(a.annotations['dev.sigstore.cosign/certificate']).toMatch(
        /^-----BEGIN CERTIFICATE-----/,
      );
      expect(a.annotations['dev.sigstore.cosign/chain']).toContain('-----END CERTIFICATE-----');
      const ev = verifier({ keys: [] }).verifyLegacyAttestation(layer(a), DIGEST);
      expect(ev).toMatchObject({ kind: 'keyless', identity: SAN, issuer: ISSUER });
      expect(ev.tlog?.logID).toBe(sig.rekor.logId.toString('hex'));
    },
  );

  it('keyless with a certificate long expired now: the intoto 0.0.1 SET time is what counts', () => {
    const signedAt = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    const a = sig.signLegacyAttestation({
      imageDigest: DIGEST,
      signer: keyless,
      rekorKind: 'intoto-0.0.1',
      signedAt,
    });
    const ev = verifier({ keys: [] }).verifyLegacyAttestation(layer(a), DIGEST);
    expect(ev.signedAt).toBe(new Date(Math.floor(signedAt.getTime() / 1000) * 1000).toISOString());
  });

  it('an RFC 3161 timestamp over the envelope blob (cosign attest --timestamp-server-url) alone dates a keyless signature', () => {
    const a = sig.signLegacyAttestation({
      imageDigest: DIGEST,
      signer: keyless,
      tlog: false,
      rfc3161: true,
    });
    const v = verifier({ keys: [], requireTlog: false });
    const ev = v.verifyLegacyAttestation(layer(a), DIGEST);
    expect(ev.kind).toBe('keyless');
    expect(ev.tlog).toBeUndefined();
    // A timestamp over the DSSE signature (what bundles carry) is not what cosign v2 wrote here.
    const overSig = createTimestampResponse(sig.tsa, a.signature, new Date());
    const annotations = {
      ...a.annotations,
      [TIMESTAMP]: JSON.stringify({ SignedRFC3161Timestamp: overSig.toString('base64') }),
    };
    const g = failure(() =>
      v.verifyLegacyAttestation({ envelope: a.envelope, annotations }, DIGEST),
    );
    expect(g.code).toBe('SIGNATURE_INVALID');
  });

  it('key-signed without a log entry passes when the policy does not require one', () => {
    const a = sig.signLegacyAttestation({ imageDigest: DIGEST, signer: key, tlog: false });
    expect(a.annotations[ANNOTATION_BUNDLE]).toBeUndefined();
    const ev = verifier({ requireTlog: false }).verifyLegacyAttestation(layer(a), DIGEST);
    expect(ev.tlog).toBeUndefined();
  });

  it('the predicateType annotation is only a hint: the verified statement type is returned', () => {
    const a = sig.signLegacyAttestation({
      imageDigest: DIGEST,
      signer: key,
      predicateType: SPDX,
      predicateTypeAnnotation: SLSA,
    });
    expect(a.annotations['predicateType']).toBe(SLSA);
    const ev = verifier().verifyLegacyAttestation(layer(a), DIGEST);
    expect(ev.statement.predicateType).toBe(SPDX);
  });

  it('writes the envelope blob byte for byte as cosign (Go json.Marshal, empty keyid)', () => {
    const a = sig.signLegacyAttestation({ imageDigest: DIGEST, signer: key });
    expect(a.mediaType).toBe('application/vnd.dsse.envelope.v1+json');
    expect(a.envelope.toString('utf8')).toBe(
      `{"payloadType":"application/vnd.in-toto+json","payload":"${a.statement.toString('base64')}","signatures":[{"keyid":"","sig":"${a.signature.toString('base64')}"}]}`,
    );
    expect(a.annotations['dev.cosignproject.cosign/signature']).toBe('');
    const body = JSON.parse(a.tlogEntry!.canonicalizedBody.toString('utf8')) as {
      spec: { envelopeHash: { value: string } };
    };
    expect(body.spec.envelopeHash.value).toBe(
      createHash('sha256').update(a.envelope).digest('hex'),
    );
  });
});

describe('cosign .att layers are rejected', () => {
  const cases: Array<{
    name: string;
    make: () => { layer: ReturnType<typeof layer>; policy?: Partial<SignerPolicy> };
    code: string;
    message?: RegExp;
  }> = [
    {
      name: 'statement subject is another image digest (SECURITY 19)',
      make: () => ({
        layer: layer(sig.signLegacyAttestation({ imageDigest: OTHER_DIGEST, signer: key })),
      }),
      code: 'PAYLOAD_MISMATCH',
      message: /do not include sha256:abab/,
    },
    {
      name: 'payloadType application/json (SECURITY 22)',
      make: () => ({
        layer: layer(
          sig.signLegacyAttestation({
            imageDigest: DIGEST,
            signer: key,
            payloadType: 'application/json',
          }),
        ),
      }),
      code: 'PAYLOAD_MISMATCH',
      message: /payloadType "application\/json"/,
    },
    {
      name: 'two signatures in the envelope, the first invalid (SECURITY 23)',
      make: () => {
        const a = sig.signLegacyAttestation({ imageDigest: DIGEST, signer: key });
        const bogus = Buffer.alloc(70, 1).toString('base64');
        const env = envelopeWith(a, [
          { keyid: '', sig: bogus },
          { keyid: '', sig: a.signature.toString('base64') },
        ]);
        return { layer: { envelope: env, annotations: a.annotations } };
      },
      code: 'MALFORMED',
      message: /2 signatures \(exactly 1 required\)/,
    },
    {
      name: 'zero signatures in the envelope (SECURITY 23)',
      make: () => {
        const a = sig.signLegacyAttestation({ imageDigest: DIGEST, signer: key });
        return { layer: { envelope: envelopeWith(a, []), annotations: a.annotations } };
      },
      code: 'MALFORMED',
      message: /0 signatures/,
    },
    {
      name: 'duplicate predicateType keys in the statement (SECURITY 24)',
      make: () => ({
        layer: layer(
          sig.signLegacyAttestation({
            imageDigest: DIGEST,
            signer: key,
            statement: Buffer.from(
              `{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"${SPDX}","predicateType":"${SLSA}","subject":[{"name":"r","digest":{"sha256":"${'ab'.repeat(32)}"}}],"predicate":{}}`,
            ),
          }),
        ),
      }),
      code: 'MALFORMED',
      message: /duplicate/i,
    },
    {
      name: 'duplicate subject keys in the statement (SECURITY 24)',
      make: () => ({
        layer: layer(
          sig.signLegacyAttestation({
            imageDigest: DIGEST,
            signer: key,
            statement: Buffer.from(
              `{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"${SPDX}","subject":[{"name":"r","digest":{"sha256":"${'cd'.repeat(32)}"}}],"subject":[{"name":"r","digest":{"sha256":"${'ab'.repeat(32)}"}}],"predicate":{}}`,
            ),
          }),
        ),
      }),
      code: 'MALFORMED',
      message: /duplicate/i,
    },
    {
      name: 'statement _type that is not in-toto v0.1/v1 (SECURITY 21)',
      make: () => ({
        layer: layer(
          sig.signLegacyAttestation({
            imageDigest: DIGEST,
            signer: key,
            statement: {
              _type: 'https://example.com/Statement/v9',
              predicateType: SPDX,
              subject: [{ name: 'r', digest: { sha256: 'ab'.repeat(32) } }],
            },
          }),
        ),
      }),
      code: 'PAYLOAD_MISMATCH',
    },
    {
      name: 'no log entry while the policy requires one',
      make: () => ({
        layer: layer(sig.signLegacyAttestation({ imageDigest: DIGEST, signer: key, tlog: false })),
      }),
      code: 'TLOG_MISSING',
    },
    {
      name: 'keyless without a log entry or timestamp: no trusted signing time',
      make: () => ({
        layer: layer(
          sig.signLegacyAttestation({ imageDigest: DIGEST, signer: keyless, tlog: false }),
        ),
        policy: { keys: [], requireTlog: false },
      }),
      code: 'TLOG_MISSING',
    },
    {
      name: 'payload edited after signing (no log entry to catch it)',
      make: () => {
        const a = sig.signLegacyAttestation({
          imageDigest: DIGEST,
          signer: key,
          tlog: false,
          predicateType: SPDX,
        });
        const edited = Buffer.from(a.statement.toString('utf8').replace(SPDX, SLSA));
        return {
          layer: {
            envelope: cosignEnvelopeBytes('application/vnd.in-toto+json', edited, a.signature),
            annotations: a.annotations,
          },
          policy: { requireTlog: false },
        };
      },
      code: 'SIGNATURE_INVALID',
    },
    {
      name: 'signed by a key the policy does not trust',
      make: () => ({
        layer: layer(sig.signLegacyAttestation({ imageDigest: DIGEST, signer: otherKey })),
      }),
      code: 'SIGNATURE_INVALID',
      message: /any trusted key/,
    },
    {
      name: 'keyless, signed by another identity than the required one',
      make: () => ({
        layer: layer(
          sig.signLegacyAttestation({
            imageDigest: DIGEST,
            signer: {
              identity: 'https://github.com/evil/app/.github/workflows/x.yml@refs/heads/main',
              issuer: ISSUER,
            },
          }),
        ),
        policy: { keys: [] },
      }),
      code: 'UNTRUSTED_SIGNER',
      message: /expected identity/,
    },
    {
      name: 'a hashedrekord entry attached to an attestation',
      make: () => {
        const a = sig.signLegacyAttestation({ imageDigest: DIGEST, signer: key });
        const pem = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
        return {
          layer: {
            envelope: a.envelope,
            annotations: withEntry(a, hashedRekordEntry(a.envelope, a.signature, pem)),
          },
        };
      },
      code: 'TLOG_INVALID',
      message: /hashedrekord\/0\.0\.1 entry/,
    },
    {
      name: 'envelope with a duplicate key',
      make: () => {
        const a = sig.signLegacyAttestation({ imageDigest: DIGEST, signer: key });
        const text = a.envelope.toString('utf8');
        return {
          layer: {
            envelope: Buffer.from(text.replace('{', '{"payloadType":"x",')),
            annotations: a.annotations,
          },
        };
      },
      code: 'MALFORMED',
      message: /not strict JSON/,
    },
  ];

  it.each(cases)('$name -> $code', ({ make, code, message }) => {
    const { layer: l, policy } = make();
    const g = failure(() => verifier(policy).verifyLegacyAttestation(l, DIGEST));
    expect(g.code, g.message).toBe(code);
    if (message) expect(g.message).toMatch(message);
  });

  it.each(KINDS)(
    '%s: the SET and body of another attestation by the same key do not bind',
    (rekorKind) => {
      const a = sig.signLegacyAttestation({
        imageDigest: DIGEST,
        signer: key,
        predicateType: SPDX,
        rekorKind,
      });
      const b = sig.signLegacyAttestation({
        imageDigest: DIGEST,
        signer: key,
        predicateType: SLSA,
        rekorKind,
      });
      const v = verifier();
      expect(v.verifyLegacyAttestation(layer(a), DIGEST).statement.predicateType).toBe(SPDX);
      const swapped = { ...a.annotations, [ANNOTATION_BUNDLE]: b.annotations[ANNOTATION_BUNDLE] };
      const g = failure(() =>
        v.verifyLegacyAttestation({ envelope: a.envelope, annotations: swapped }, DIGEST),
      );
      expect(g.code).toBe('TLOG_INVALID');
      expect(g.message).toMatch(/envelope hash/);
    },
  );

  it.each(KINDS)('%s: a body naming another key than the signer does not bind', (rekorKind) => {
    const a = sig.signLegacyAttestation({
      imageDigest: DIGEST,
      signer: key,
      rekorKind,
      tlog: false,
    });
    const otherPem = otherKey.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const ownPem = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const v = verifier();
    // The same body with the signer's own key verifies: only the key differs below.
    expect(
      v.verifyLegacyAttestation(
        { envelope: a.envelope, annotations: withEntry(a, bodyFor(a, rekorKind, ownPem)) },
        DIGEST,
      ).kind,
    ).toBe('key');
    const g = failure(() =>
      v.verifyLegacyAttestation(
        { envelope: a.envelope, annotations: withEntry(a, bodyFor(a, rekorKind, otherPem)) },
        DIGEST,
      ),
    );
    expect(g.code).toBe('TLOG_INVALID');
    expect(g.message).toMatch(/different public key/);
  });

  it.each(KINDS)('%s keyless: a body naming another certificate does not bind', (rekorKind) => {
    const a = sig.signLegacyAttestation({ imageDigest: DIGEST, signer: keyless, rekorKind });
    const b = sig.signLegacyAttestation({ imageDigest: DIGEST, signer: keyless, rekorKind });
    const g = failure(() =>
      verifier({ keys: [] }).verifyLegacyAttestation(
        {
          envelope: a.envelope,
          annotations: withEntry(a, bodyFor(a, rekorKind, b.certificatePem!)),
        },
        DIGEST,
      ),
    );
    expect(g.code).toBe('TLOG_INVALID');
    expect(g.message).toMatch(/different certificate/);
  });

  it.each(KINDS)('%s: a SET signed by a key outside the trusted root', (rekorKind) => {
    const a = sig.signLegacyAttestation({
      imageDigest: DIGEST,
      signer: key,
      rekorKind,
      rekorKey: 'rogue',
    });
    const g = failure(() => verifier().verifyLegacyAttestation(layer(a), DIGEST));
    expect(g.code).toBe('TLOG_INVALID');
  });

  it('intoto 0.0.2: a body recording another payloadType does not bind', () => {
    const a = sig.signLegacyAttestation({ imageDigest: DIGEST, signer: key, tlog: false });
    const pem = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const body = intotoV002Entry(a.envelope, 'application/json', a.statement, a.signature, pem);
    const g = failure(() =>
      verifier().verifyLegacyAttestation(
        { envelope: a.envelope, annotations: withEntry(a, body) },
        DIGEST,
      ),
    );
    expect(g.code).toBe('TLOG_INVALID');
    expect(g.message).toMatch(/payloadType/);
  });

  it('an envelope above the payload limit is refused before parsing (limit exceeded, exit 2)', () => {
    const a = sig.signLegacyAttestation({ imageDigest: DIGEST, signer: key });
    const big = Buffer.concat([a.envelope, Buffer.alloc(4 * 1024 * 1024, 0x20)]);
    let err: unknown;
    try {
      verifier().verifyLegacyAttestation({ envelope: big, annotations: a.annotations }, DIGEST);
    } catch (e: unknown) {
      err = e;
    }
    expect((err as GateError).code).toBe('LIMIT_EXCEEDED');
  });
});

describe('a real cosign .att layer (distroless/static vuln attestation, public-good Sigstore)', () => {
  const FIX = join(import.meta.dirname, '../fixtures/cosign-legacy-att-distroless');
  const envelope = readFileSync(join(FIX, 'envelope.json'));
  const annotations = JSON.parse(readFileSync(join(FIX, 'annotations.json'), 'utf8')) as Record<
    string,
    string
  >;
  const IMAGE = 'sha256:a1e82f6a5f6dfc735165d3442e7cc5a615f72abac3db19452481f5f3c90fbfa8';
  const DISTROLESS_SAN =
    'https://github.com/distroless/static/.github/workflows/release.yaml@refs/heads/main';
  const DISTROLESS: IdentityRule = {
    subject: {
      exact: DISTROLESS_SAN,
    },
    issuer: { exact: ISSUER },
  };
  const real = (identities: IdentityRule[]): SignatureVerifier =>
    createSignatureVerifier(embeddedTrustedRoot(), {
      keys: [],
      identities,
      requireTlog: true,
      requireSct: true,
    });

  it('is the blob whose sha256 the intoto 0.0.1 entry records', () => {
    const set = JSON.parse(annotations[ANNOTATION_BUNDLE]) as { Payload: { body: string } };
    const body = JSON.parse(Buffer.from(set.Payload.body, 'base64').toString('utf8')) as {
      apiVersion: string;
      kind: string;
      spec: { content: { hash: { value: string } } };
    };
    expect(`${body.kind}/${body.apiVersion}`).toBe('intoto/0.0.1');
    expect(body.spec.content.hash.value).toBe(createHash('sha256').update(envelope).digest('hex'));
  });

  it('has the same Rekor body and annotation shape as the factory writes for intoto 0.0.1', () => {
    const paths = (v: unknown, at = ''): string[] =>
      typeof v === 'object' && v !== null
        ? Object.entries(v).flatMap(([k, x]) => paths(x, `${at}/${k}`))
        : [at];
    const bodyOf = (a: Record<string, string>): unknown =>
      JSON.parse(
        Buffer.from(
          (JSON.parse(a[ANNOTATION_BUNDLE]) as { Payload: { body: string } }).Payload.body,
          'base64',
        ).toString('utf8'),
      );
    const made = sig.signLegacyAttestation({
      imageDigest: DIGEST,
      signer: keyless,
      rekorKind: 'intoto-0.0.1',
    });
    expect(paths(bodyOf(made.annotations))).toEqual(paths(bodyOf(annotations)));
    expect(paths(JSON.parse(made.annotations[ANNOTATION_BUNDLE]))).toEqual(
      paths(JSON.parse(annotations[ANNOTATION_BUNDLE])),
    );
    // Real cosign also writes a predicateType annotation; the upstream test data left it out.
    expect(Object.keys(made.annotations).sort()).toEqual(
      [...Object.keys(annotations), 'predicateType'].sort(),
    );
  });

  it('verifies offline: Fulcio certificate with SCT, Rekor SET, statement for the image', () => {
    const ev = real([DISTROLESS]).verifyLegacyAttestation({ envelope, annotations }, IMAGE);
    expect(ev).toMatchObject({
      kind: 'keyless',
      format: 'legacy-tag',
      identity: DISTROLESS_SAN,
      issuer: ISSUER,
      signedAt: '2022-07-29T02:28:49.000Z',
      tlog: {
        logIndex: '3059470',
        logID: 'c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d',
      },
    });
    expect(ev.statement.predicateType).toBe('cosign.sigstore.dev/attestation/vuln/v1');
    expect(ev.statement._type).toBe('https://in-toto.io/Statement/v0.1');
  });

  it('is rejected for another identity, another image, and in its later edited form', () => {
    const other: IdentityRule = { subject: { exact: SAN }, issuer: { exact: ISSUER } };
    expect(
      failure(() => real([other]).verifyLegacyAttestation({ envelope, annotations }, IMAGE)).code,
    ).toBe('UNTRUSTED_SIGNER');
    expect(
      failure(() => real([DISTROLESS]).verifyLegacyAttestation({ envelope, annotations }, DIGEST))
        .code,
    ).toBe('PAYLOAD_MISMATCH');
    // Upstream later rewrote the predicateType inside this payload; the SET still covers the old body.
    const edited = readFileSync(join(FIX, 'envelope-edited-upstream.json'));
    const g = failure(() =>
      real([DISTROLESS]).verifyLegacyAttestation({ envelope: edited, annotations }, IMAGE),
    );
    expect(g.code).toBe('TLOG_INVALID');
    expect(g.message).toMatch(/envelope hash/);
  });
});
