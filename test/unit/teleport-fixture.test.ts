import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IdentityRule, SignerPolicy } from '../../src/core/signatures/signer-policy.js';
import { createSignatureVerifier } from '../../src/core/signatures/verifier.js';
import type { VerificationKey } from '../../src/core/trust/key-types.js';
import { embeddedTrustedRoot } from '../../src/core/trust/root.js';
import { discover } from '../../src/core/verify/discovery.js';
import { cosignSimpleSigningPayload } from '../../src/core/signatures/legacy.js';
import type { ContentStore, Manifest } from '../../src/core/types.js';
import { failure } from '../helpers/expect-failure.js';

// A real cosign legacy `.sig` manifest (teleport's sigstore test data): layer 0 is keyless
// (Fulcio + Rekor SET), layer 1 is signed with a plain key. Verified offline, public-good root.
const DIR = join(import.meta.dirname, '../fixtures/teleport-sigstoretest');
const IMAGE_DIGEST = 'sha256:21c76c650023cac8d753af4cb591e6f7450c6e2b499b5751d4a21e26e2fc5012';
const manifest = JSON.parse(
  readFileSync(
    join(DIR, `v2/simple-signing/manifests/sha256-${IMAGE_DIGEST.slice(7)}.sig`),
    'utf8',
  ),
) as Manifest;
const payload = readFileSync(
  join(
    DIR,
    'v2/simple-signing/blobs/sha256~608c32cf47678ef8e63578597fbb982ddf3b84cb491359e7c6e824b3925a8ce2',
  ),
);
const layers = manifest.layers!.map((l) => ({ payload, annotations: { ...l.annotations! } }));
const root = embeddedTrustedRoot();

function toKey(keyRef: string, publicKey: KeyObject): VerificationKey {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyRef,
    keyID: createHash('sha256').update(spki).digest('hex').slice(0, 16),
    publicKey,
    spki,
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    algorithm: 'ecdsa-p256',
  };
}
const signerKey = toKey(
  'key-based-signer.pub.pem',
  createPublicKey(readFileSync(join(DIR, 'key-based-signer.pub.pem'))),
);
const otherKey = toKey('other.pub', generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey);
const DANIEL: IdentityRule = {
  subject: { exact: 'daniel.upton@goteleport.com' },
  issuer: { exact: 'https://accounts.google.com' },
};

function policy(p: Partial<SignerPolicy>): SignerPolicy {
  return { keys: [], identities: [], requireTlog: true, requireSct: true, ...p };
}

function withoutSet(annotations: Record<string, string>): Record<string, string> {
  const copy = { ...annotations };
  delete copy['dev.sigstore.cosign/bundle'];
  return copy;
}

describe('teleport legacy .sig manifest', () => {
  it('has the two layers the README describes, both over the same payload', () => {
    expect(manifest.layers).toHaveLength(2);
    expect(createHash('sha256').update(payload).digest('hex')).toBe(
      manifest.layers![0].digest.slice(7),
    );
  });

  it('verifies layer 0 keyless: SAN, issuer, signing time and Rekor entry', () => {
    const v = createSignatureVerifier(root, policy({ identities: [DANIEL] }));
    expect(v.verifyLegacy(layers[0], IMAGE_DIGEST)).toEqual({
      kind: 'keyless',
      format: 'legacy-tag',
      identity: 'daniel.upton@goteleport.com',
      issuer: 'https://accounts.google.com',
      signedAt: '2025-03-10T10:32:50.000Z',
      tlog: {
        logIndex: '179659750',
        integratedTime: '1741602770',
        logID: expect.stringMatching(/^c0d23d6a/),
        // Rekor's entry UUID: the RFC 6962 leaf hash of the entry's body.
        uuid: 'fb2fc02b951562e500b34919555d5a5de19518c2382ad547540d5e1b296b9794',
      },
      // What a revocation list can name it by (issue 14): the leaf's key, serial, issuer, DER hash.
      keySha256: '38c0bf80141ca3d75f84f19ab3a326cf4a8962d208069acca6fe83260308064e',
      certificate: {
        serial: 'd475f710888cdb27a8b5288220b5168c5eefd63',
        issuer: 'O=sigstore.dev, CN=sigstore-intermediate',
        sha256: 'e73ff4375ae366c4290fc001c15e2578804e31024293711348b546354f8a9162',
      },
    });
  });

  it('verifies layer 1 with the signer public key and reports its key ID', () => {
    const v = createSignatureVerifier(root, policy({ keys: [otherKey, signerKey] }));
    const ev = v.verifyLegacy(layers[1], IMAGE_DIGEST);
    expect(ev).toMatchObject({
      kind: 'key',
      format: 'legacy-tag',
      keyRef: signerKey.keyRef,
      keyID: signerKey.keyID,
    });
    expect(ev.tlog?.logIndex).toBe('180367881');
  });

  it('verifies both layers with one verifier that trusts the key and the identity', () => {
    const v = createSignatureVerifier(root, policy({ keys: [signerKey], identities: [DANIEL] }));
    expect(layers.map((l) => v.verifyLegacy(l, IMAGE_DIGEST).kind)).toEqual(['keyless', 'key']);
  });

  it('rejects layer 1 under a key the signer did not use', () => {
    const g = failure(() =>
      createSignatureVerifier(root, policy({ keys: [otherKey] })).verifyLegacy(
        layers[1],
        IMAGE_DIGEST,
      ),
    );
    expect(g.code).toBe('SIGNATURE_INVALID');
    expect(g.message).toContain(otherKey.keyID);
  });

  it('rejects the key-signed layer when only identities are trusted, and the keyless one when only keys are', () => {
    expect(
      failure(() =>
        createSignatureVerifier(root, policy({ identities: [DANIEL] })).verifyLegacy(
          layers[1],
          IMAGE_DIGEST,
        ),
      ).code,
    ).toBe('UNTRUSTED_SIGNER');
    expect(
      failure(() =>
        createSignatureVerifier(root, policy({ keys: [signerKey] })).verifyLegacy(
          layers[0],
          IMAGE_DIGEST,
        ),
      ).code,
    ).toBe('UNTRUSTED_SIGNER');
  });

  it.each<[string, IdentityRule]>([
    ['another email', { ...DANIEL, subject: { exact: 'someone.else@goteleport.com' } }],
    ['another issuer', { ...DANIEL, issuer: { exact: 'https://github.com/login/oauth' } }],
    ['an issuer prefix', { ...DANIEL, issuer: { exact: 'https://accounts.google.co' } }],
    [
      'an exact identity that only matches as a RegExp',
      { ...DANIEL, subject: { exact: '.*@goteleport\\.com' } },
    ],
    [
      'a RegExp that matches only a substring (anchored)',
      { ...DANIEL, subject: { regexp: 'upton@goteleport' } },
    ],
    [
      'a RegExp prefix whose dots are wildcards',
      { ...DANIEL, subject: { regexp: 'daniel.upton@goteleport.co' } },
    ],
  ])('rejects layer 0 for %s', (_name, rule) => {
    const g = failure(() =>
      createSignatureVerifier(root, policy({ identities: [rule] })).verifyLegacy(
        layers[0],
        IMAGE_DIGEST,
      ),
    );
    expect(g.code).toBe('UNTRUSTED_SIGNER');
    expect(g.message).toContain('daniel.upton@goteleport.com');
  });

  it('accepts layer 0 for an anchored RegExp over the whole SAN', () => {
    const v = createSignatureVerifier(
      root,
      policy({ identities: [{ ...DANIEL, subject: { regexp: '.*@goteleport\\.com' } }] }),
    );
    expect(v.verifyLegacy(layers[0], IMAGE_DIGEST).identity).toBe('daniel.upton@goteleport.com');
  });

  it('rejects a payload checked against another image digest', () => {
    const v = createSignatureVerifier(root, policy({ keys: [signerKey], identities: [DANIEL] }));
    const other = `sha256:${'ab'.repeat(32)}`;
    for (const layer of layers) {
      const g = failure(() => v.verifyLegacy(layer, other));
      expect(g.code).toBe('PAYLOAD_MISMATCH');
      expect(g.message).toContain(other);
    }
  });

  it.each([
    [
      'another critical.type',
      (p: string) =>
        p.replace('cosign container image signature', 'cosign container image signaturX'),
      'PAYLOAD_MISMATCH',
    ],
    [
      'a duplicate critical key',
      (p: string) => p.replace('{"critical":{', '{"critical":{"type":"x",'),
      'MALFORMED',
    ],
    [
      'a retargeted docker-reference (bytes no longer signed)',
      (p: string) => p.replace('teleportdan/hello-world', 'teleportdan/hello-worle'),
      undefined,
    ],
  ] as const)('rejects a payload edited to have %s', (_n, edit, code) => {
    const v = createSignatureVerifier(root, policy({ keys: [signerKey], identities: [DANIEL] }));
    const edited = Buffer.from(edit(payload.toString('utf8')));
    expect(edited.equals(payload)).toBe(false);
    for (const layer of layers) {
      const g = failure(() => v.verifyLegacy({ ...layer, payload: edited }, IMAGE_DIGEST));
      if (code) expect(g.code).toBe(code);
    }
  });

  it('rejects a layer whose Rekor SET was swapped in from the other layer', () => {
    const v = createSignatureVerifier(root, policy({ keys: [signerKey], identities: [DANIEL] }));
    const b0 = layers[0].annotations['dev.sigstore.cosign/bundle'];
    const b1 = layers[1].annotations['dev.sigstore.cosign/bundle'];
    const g0 = failure(() =>
      v.verifyLegacy(
        { payload, annotations: { ...layers[0].annotations, 'dev.sigstore.cosign/bundle': b1 } },
        IMAGE_DIGEST,
      ),
    );
    const g1 = failure(() =>
      v.verifyLegacy(
        { payload, annotations: { ...layers[1].annotations, 'dev.sigstore.cosign/bundle': b0 } },
        IMAGE_DIGEST,
      ),
    );
    // Layer 0's certificate lived ten minutes; the other SET vouches for a time outside it,
    // which is caught (certificate check) before the body comparison would be.
    expect(['TLOG_INVALID', 'UNTRUSTED_SIGNER']).toContain(g0.code);
    expect(g1.code).toBe('TLOG_INVALID');
  });

  it('rejects a signature annotation copied from the other layer', () => {
    const v = createSignatureVerifier(root, policy({ keys: [signerKey], identities: [DANIEL] }));
    const sig0 = layers[0].annotations['dev.cosignproject.cosign/signature'];
    const g = failure(() =>
      v.verifyLegacy(
        {
          payload,
          annotations: { ...layers[1].annotations, 'dev.cosignproject.cosign/signature': sig0 },
        },
        IMAGE_DIGEST,
      ),
    );
    expect(['TLOG_INVALID', 'SIGNATURE_INVALID']).toContain(g.code);
  });

  it('requires the Rekor bundle annotation when the tlog is required, and not with insecure-ignore-tlog', () => {
    const noSet = withoutSet(layers[1].annotations);
    const strict = createSignatureVerifier(root, policy({ keys: [signerKey] }));
    expect(
      failure(() => strict.verifyLegacy({ payload, annotations: noSet }, IMAGE_DIGEST)).code,
    ).toBe('TLOG_MISSING');
    const relaxed = createSignatureVerifier(
      root,
      policy({ keys: [signerKey], requireTlog: false }),
    );
    expect(relaxed.verifyLegacy({ payload, annotations: noSet }, IMAGE_DIGEST)).toMatchObject({
      kind: 'key',
      keyID: signerKey.keyID,
    });
    // Without any trusted root (key mode, tlog not required) the SET cannot be checked and is ignored.
    const rootless = createSignatureVerifier(
      undefined,
      policy({ keys: [signerKey], requireTlog: false }),
    );
    expect(rootless.verifyLegacy(layers[1], IMAGE_DIGEST)).toMatchObject({ kind: 'key' });
    expect(rootless.verifyLegacy({ payload, annotations: noSet }, IMAGE_DIGEST)).toMatchObject({
      kind: 'key',
    });
  });

  it('still needs a vouched-for time for the keyless layer when the tlog is not required', () => {
    const noSet = withoutSet(layers[0].annotations);
    const relaxed = createSignatureVerifier(
      root,
      policy({ identities: [DANIEL], requireTlog: false }),
    );
    expect(relaxed.verifyLegacy(layers[0], IMAGE_DIGEST).kind).toBe('keyless');
    expect(
      failure(() => relaxed.verifyLegacy({ payload, annotations: noSet }, IMAGE_DIGEST)).code,
    ).toBe('TLOG_MISSING');
  });

  it('refuses to build a verifier that trusts nobody, or keyless without a trusted root', () => {
    expect(() => createSignatureVerifier(root, policy({}))).toThrow(
      expect.objectContaining({ code: 'USAGE' }),
    );
    expect(() => createSignatureVerifier(undefined, policy({ identities: [DANIEL] }))).toThrow(
      expect.objectContaining({ code: 'USAGE' }),
    );
    expect(() => createSignatureVerifier(undefined, policy({ keys: [signerKey] }))).toThrow(
      expect.objectContaining({ code: 'USAGE' }),
    );
  });
});

describe("cosign's default payload, known without fetching it", () => {
  /** The fixture's `.sig` manifest and payload blob as a repository named `name`. */
  function store(name: string): ContentStore & { blobReads: string[] } {
    const blobReads: string[] = [];
    const bytes = Buffer.from(JSON.stringify(manifest));
    return {
      name,
      blobReads,
      getManifest: (reference) =>
        Promise.resolve(
          reference === `sha256-${IMAGE_DIGEST.slice(7)}.sig`
            ? { digest: IMAGE_DIGEST, mediaType: 'x', bytes, manifest }
            : undefined,
        ),
      getBlob: (digest) => {
        blobReads.push(digest);
        return Promise.resolve(payload);
      },
    };
  }

  it('builds the exact bytes cosign wrote for index.docker.io/teleportdan/hello-world', () => {
    const built = cosignSimpleSigningPayload(
      'index.docker.io/teleportdan/hello-world',
      IMAGE_DIGEST,
    );
    expect(built.equals(payload)).toBe(true);
  });

  it('does not fetch the payload of a repository with that name, and both layers still verify', async () => {
    const s = store('index.docker.io/teleportdan/hello-world');
    const found = await discover(s, IMAGE_DIGEST, { formats: ['legacy'] });
    expect(s.blobReads).toEqual([]);
    expect(found.candidates).toHaveLength(2);
    const v = createSignatureVerifier(root, policy({ keys: [signerKey], identities: [DANIEL] }));
    for (const c of found.candidates) {
      expect(c.kind).toBe('legacy');
      if (c.kind === 'legacy') expect(v.verifyLegacy(c, IMAGE_DIGEST).format).toBe('legacy-tag');
    }
  });

  it('fetches it under any other name (a copy keeps the name it was signed under)', async () => {
    const s = store('ghcr.io/mirror/hello-world');
    const found = await discover(s, IMAGE_DIGEST, { formats: ['legacy'] });
    expect(s.blobReads).toEqual([manifest.layers![0].digest, manifest.layers![1].digest]);
    expect(found.candidates).toHaveLength(2);
  });
});
