/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- the edits below reach into untyped bundle JSON */
// What a key-signed signature needs in time and log evidence (issue 10 items 11, 13, 17): a key
// without a validity window needs no signing time, a required log entry is proved by its
// inclusion proof or its SET, a given trusted root is used for RFC 3161 timestamps even when the
// log is not required, and an entry from a log the root does not know says the root may be stale.
import { createHash, randomBytes, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyBundleArtifact } from '../../src/core/conformance.js';
import type { SignerPolicy } from '../../src/core/signatures/signer-policy.js';
import {
  createSignatureVerifier,
  type SignatureVerifier,
} from '../../src/core/signatures/verifier.js';
import type { KeyValidity, VerificationKey } from '../../src/core/trust/key-types.js';
import { failure } from '../helpers/expect-failure.js';
import {
  createTestSigstore,
  type KeySigner,
  type SignedBundle,
  type TestSigstore,
} from '../helpers/test-sigstore.js';

const CONF = join(import.meta.dirname, '../fixtures/sigstore-conformance');
const PR402 = join(CONF, 'pr402/intoto-canonical-log-entry');
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const ISSUER = 'https://token.actions.githubusercontent.com';
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const HOUR = 3_600_000;

let ss: TestSigstore;
let other: TestSigstore;
let signer: KeySigner;

beforeAll(async () => {
  [ss, other] = await Promise.all([createTestSigstore(), createTestSigstore()]);
  signer = ss.generateKeyPair();
});

function verificationKey(
  name: string,
  publicKey: KeyObject,
  validFor?: KeyValidity,
): VerificationKey {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyRef: name,
    keyID: createHash('sha256').update(spki).digest('hex').slice(0, 16),
    publicKey,
    spki,
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    algorithm: 'ecdsa',
    ...(validFor ? { validFor } : {}),
  };
}

function keyVerifier(
  p: Partial<SignerPolicy> = {},
  root: object | 'no root' = ss.trustedRoot,
  validFor?: KeyValidity,
): SignatureVerifier {
  return createSignatureVerifier(root === 'no root' ? undefined : root, {
    keys: [verificationKey('k.pub', signer.publicKey, validFor)],
    identities: [],
    requireTlog: true,
    requireSct: true,
    ...p,
  });
}

const sign = (o: Parameters<TestSigstore['signBundle']>[0]['signer'], extra = {}): SignedBundle =>
  ss.signBundle({ imageDigest: DIGEST, signer: o, ...extra });

/** The bundle JSON with every tlog entry's SET removed (an inclusion proof only). */
function proofOnly(b: SignedBundle): any {
  const j = structuredClone(b.bundle) as any;
  for (const e of j.verificationMaterial.tlogEntries) delete e.inclusionPromise;
  return j;
}

describe('item 13: a key-signed entry proved by its inclusion proof alone', () => {
  it.each(['path', 'digest'] as const)(
    'sigstore-conformance PR 402 intoto-canonical-log-entry verifies (%s)',
    async (mode) => {
      const artifact = join(CONF, 'bundle-verify/a.txt');
      const ev = await verifyBundleArtifact({
        bundlePath: join(PR402, 'bundle.sigstore.json'),
        artifact:
          mode === 'path'
            ? artifact
            : `sha256:${createHash('sha256').update(readFileSync(artifact)).digest('hex')}`,
        keyPath: join(PR402, 'key.pub'),
        trustedRootPath: join(PR402, 'trusted_root.json'),
        offline: true,
      });
      expect(ev.kind).toBe('key');
      // Integrated time 0 and no SET: nothing vouches for a time, so none is reported.
      expect(ev.signedAt).toBeUndefined();
      expect(ev.tlog?.logIndex).toBe('0');
    },
  );

  it.each([
    [
      'a Rekor v1 dsse entry without its SET',
      (): any => proofOnly(sign(signer, { rfc3161: false })),
    ],
    [
      'a Rekor v2 hashedrekord entry, no RFC 3161 timestamp',
      (): any => sign(signer, { rfc3161: false, rekorEntry: 'hashedrekord-v2' }).bundle,
    ],
    [
      'a Rekor v2 dsse entry, no RFC 3161 timestamp',
      (): any => sign(signer, { rfc3161: false, rekorEntry: 'dsse-v2' }).bundle,
    ],
  ])('verifies %s when the log is required', (_n, make) => {
    const ev = keyVerifier().verifyBundle(make(), { digest: DIGEST }, 'bundle-referrer');
    expect(ev).toMatchObject({ kind: 'key', keyRef: 'k.pub' });
    expect(ev.signedAt).toBeUndefined();
  });

  it('still reports the time an entry with a SET vouches for', () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 - HOUR);
    const b = sign(signer, { rfc3161: false, signedAt: at });
    expect(
      keyVerifier().verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-referrer').signedAt,
    ).toBe(at.toISOString());
  });

  it.each([
    [
      'no SET and no inclusion proof',
      (j: any) => delete j.verificationMaterial.tlogEntries[0].inclusionProof,
      // A v0.3 bundle must carry the proof: @sigstore/bundle refuses it before any check.
      'MALFORMED',
    ],
    [
      'an inclusion proof with a corrupted root hash',
      (j: any) => {
        const p = j.verificationMaterial.tlogEntries[0].inclusionProof;
        p.rootHash = Buffer.alloc(32, 7).toString('base64');
      },
      'TLOG_INVALID',
    ],
    [
      "an inclusion proof whose tree size is not its checkpoint's",
      (j: any) => {
        const p = j.verificationMaterial.tlogEntries[0].inclusionProof;
        p.treeSize = String(Number(p.treeSize) + 1);
      },
      'TLOG_INVALID',
    ],
    [
      'a checkpoint whose root hash was edited',
      (j: any) => {
        const p = j.verificationMaterial.tlogEntries[0].inclusionProof;
        const lines = p.checkpoint.envelope.split('\n');
        lines[2] = Buffer.alloc(32, 9).toString('base64');
        p.checkpoint.envelope = lines.join('\n');
        p.rootHash = lines[2];
      },
      'TLOG_INVALID',
    ],
    [
      'an inclusion proof of another body',
      (j: any) => {
        const e = j.verificationMaterial.tlogEntries[0];
        const body = JSON.parse(Buffer.from(e.canonicalizedBody, 'base64').toString());
        body.spec.payloadHash.value = 'cd'.repeat(32);
        e.canonicalizedBody = Buffer.from(JSON.stringify(body)).toString('base64');
      },
      'TLOG_INVALID',
    ],
    ['no tlog entry at all', (j: any) => (j.verificationMaterial.tlogEntries = []), 'TLOG_MISSING'],
  ])('rejects a required entry with %s', (_n, edit, code) => {
    const j = proofOnly(sign(signer, { rfc3161: false }));
    edit(j);
    expect(
      failure(() => keyVerifier().verifyBundle(j, { digest: DIGEST }, 'bundle-tag')).code,
    ).toBe(code);
  });

  it('rejects an inclusion proof whose checkpoint a key outside the root signed', () => {
    const j = proofOnly(sign(signer, { rfc3161: false, rekorKey: 'rogue' }));
    expect(
      failure(() => keyVerifier().verifyBundle(j, { digest: DIGEST }, 'bundle-tag')).code,
    ).toBe('TLOG_INVALID');
  });

  it('still needs a verified time for a key with a validity window', () => {
    const v = keyVerifier({}, ss.trustedRoot, { start: new Date(Date.now() - 24 * HOUR) });
    const g = failure(() =>
      v.verifyBundle(proofOnly(sign(signer, { rfc3161: false })), { digest: DIGEST }, 'bundle-tag'),
    );
    expect(g.code).toBe('TLOG_MISSING');
    expect(g.message).toMatch(/no verified signing time/);
  });

  it('still needs a verified time for a certificate', () => {
    const v = createSignatureVerifier(ss.trustedRoot, {
      keys: [],
      identities: [{ subject: { exact: IDENTITY }, issuer: { exact: ISSUER } }],
      requireTlog: true,
      requireSct: true,
    });
    const j = proofOnly(sign({ identity: IDENTITY, issuer: ISSUER }, { rfc3161: false }));
    expect(failure(() => v.verifyBundle(j, { digest: DIGEST }, 'bundle-tag')).code).toBe(
      'TLOG_MISSING',
    );
  });
});

describe('item 11: a given trusted root is used for RFC 3161 timestamps without the log', () => {
  const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 2 * HOUR);
  const noLog = { requireTlog: false };

  it('verifies a key bundle with a TSA timestamp and reports its time', () => {
    const b = sign(signer, { tlog: false, signedAt: at });
    const ev = keyVerifier(noLog).verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-referrer');
    expect(ev).toMatchObject({ kind: 'key', signedAt: at.toISOString() });
  });

  it('checks a key window against that timestamp', () => {
    const b = sign(signer, { tlog: false, signedAt: at });
    const inside = keyVerifier(noLog, ss.trustedRoot, { start: new Date(at.getTime() - HOUR) });
    expect(inside.verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag').kind).toBe('key');
    const after = keyVerifier(noLog, ss.trustedRoot, { start: new Date(at.getTime() + HOUR) });
    expect(failure(() => after.verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag')).code).toBe(
      'UNTRUSTED_SIGNER',
    );
  });

  it('rejects a timestamp from a TSA the given root does not trust', () => {
    const b = other.signBundle({ imageDigest: DIGEST, signer, tlog: false });
    const g = failure(() =>
      keyVerifier(noLog).verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag'),
    );
    expect(g.code).toBe('SIGNATURE_INVALID');
    // The key did sign: the reason is the timestamp, not "no trusted key".
    expect(g.message).toMatch(/timestamp could not be verified/);
    expect(g.message).not.toMatch(/any trusted key/);
    expect(g.message).toMatch(
      /its signer is not a timestamp authority the trusted root knows: the trusted root may be stale/,
    );
  });

  it('rejects a timestamp over another signature', () => {
    const j = structuredClone(sign(signer, { tlog: false }).bundle) as any;
    j.verificationMaterial.timestampVerificationData = sign(signer, {
      tlog: false,
    }).bundle.verificationMaterial.timestampVerificationData;
    // Two signatures by one ECDSA key differ, so the second timestamp covers other bytes.
    const g = failure(() => keyVerifier(noLog).verifyBundle(j, { digest: DIGEST }, 'bundle-tag'));
    expect(g.code).toBe('SIGNATURE_INVALID');
    // A TSA the root knows: not a stale root, a timestamp over something else.
    expect(g.message).not.toMatch(/stale/);
  });

  it('without any root, leaves out what it cannot check and verifies the key signature', () => {
    const b = sign(signer, { signedAt: at });
    const ev = keyVerifier(noLog, 'no root').verifyBundle(
      b.bundle,
      { digest: DIGEST },
      'bundle-tag',
    );
    expect(ev.kind).toBe('key');
    expect(ev.signedAt).toBeUndefined();
    const forged = structuredClone(b.bundle) as any;
    forged.dsseEnvelope.signatures[0].sig = Buffer.from(randomBytes(70)).toString('base64');
    expect(
      failure(() =>
        keyVerifier(noLog, 'no root').verifyBundle(forged, { digest: DIGEST }, 'bundle-tag'),
      ).code,
    ).toBe('SIGNATURE_INVALID');
  });
});

describe('item 17: an entry from a log the trusted root does not know', () => {
  /** The bundle with its log ID replaced by one no trusted root lists. */
  const unknownLog = (b: SignedBundle): any => {
    const j = structuredClone(b.bundle) as any;
    j.verificationMaterial.tlogEntries[0].logId.keyId = randomBytes(32).toString('base64');
    return j;
  };

  it.each([
    ['a key bundle', (): SignedBundle => sign(signer, { rfc3161: false })],
    ['a key bundle with a TSA timestamp', (): SignedBundle => sign(signer)],
    ['a Rekor v2 entry', (): SignedBundle => sign(signer, { rekorEntry: 'hashedrekord-v2' })],
  ])('fails %s when the log is required, saying the root may be stale', (_n, make) => {
    const g = failure(() =>
      keyVerifier().verifyBundle(unknownLog(make()), { digest: DIGEST }, 'bundle-tag'),
    );
    expect(g.code).toBe('TLOG_INVALID');
    expect(g.message).toMatch(
      /which the trusted root does not know: the trusted root may be stale/,
    );
  });

  it('fails a keyless bundle the same way', () => {
    const v = createSignatureVerifier(ss.trustedRoot, {
      keys: [],
      identities: [{ subject: { exact: IDENTITY }, issuer: { exact: ISSUER } }],
      requireTlog: true,
      requireSct: true,
    });
    const g = failure(() =>
      v.verifyBundle(
        unknownLog(sign({ identity: IDENTITY, issuer: ISSUER })),
        { digest: DIGEST },
        'bundle-tag',
      ),
    );
    expect(g.message).toMatch(/trusted root may be stale/);
  });

  it('leaves the entry out when the log is not required, and verifies on the TSA time', () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 - HOUR);
    const ev = keyVerifier({ requireTlog: false }).verifyBundle(
      unknownLog(sign(signer, { signedAt: at })),
      { digest: DIGEST },
      'bundle-tag',
    );
    expect(ev.signedAt).toBe(at.toISOString());
    expect(ev.tlog).toBeUndefined();
  });

  it('names the stale root when leaving it out leaves a certificate with no time', () => {
    const v = createSignatureVerifier(ss.trustedRoot, {
      keys: [],
      identities: [{ subject: { exact: IDENTITY }, issuer: { exact: ISSUER } }],
      requireTlog: false,
      requireSct: true,
    });
    const g = failure(() =>
      v.verifyBundle(
        unknownLog(sign({ identity: IDENTITY, issuer: ISSUER }, { rfc3161: false })),
        { digest: DIGEST },
        'bundle-tag',
      ),
    );
    expect(g.code).toBe('TLOG_MISSING');
    expect(g.message).toMatch(/no trusted signing time .*trusted root may be stale/);
  });

  it('says the root may be stale for an SCT from a CT log it does not know', () => {
    const v = createSignatureVerifier(ss.trustedRoot, {
      keys: [],
      identities: [{ subject: { exact: IDENTITY }, issuer: { exact: ISSUER } }],
      requireTlog: true,
      requireSct: true,
    });
    const b = sign({ identity: IDENTITY, issuer: ISSUER, ctLog: 'rogue' });
    const g = failure(() => v.verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag'));
    expect(g.code).toBe('UNTRUSTED_SIGNER');
    expect(g.message).toMatch(/SCT is from CT log [0-9a-f]+, which the trusted root does not know/);
  });

  it('does not call a known log with a bad SET stale', () => {
    const j = structuredClone(sign(signer, { rfc3161: false, rekorKey: 'rogue' }).bundle) as any;
    const g = failure(() => keyVerifier().verifyBundle(j, { digest: DIGEST }, 'bundle-tag'));
    expect(g.code).toBe('TLOG_INVALID');
    expect(g.message).not.toMatch(/stale/);
  });
});

describe('item 17: a log key past its validFor proves no entry signed after it ended', () => {
  const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 2 * HOUR);
  /** The test root with its Rekor key's validity ending at `end`. */
  const rootEnding = (end: Date | string): object => {
    const r = structuredClone(ss.trustedRoot);
    r.tlogs[0].publicKey.validFor.end = typeof end === 'string' ? end : end.toISOString();
    return r;
  };
  const keyless = (root: object): SignatureVerifier =>
    createSignatureVerifier(root, {
      keys: [],
      identities: [{ subject: { exact: IDENTITY }, issuer: { exact: ISSUER } }],
      requireTlog: true,
      requireSct: true,
    });
  const ended = (): object => rootEnding(new Date(at.getTime() - HOUR));

  it.each([
    [
      'keyless, Rekor v2 hashedrekord',
      () => keyless(ended()),
      () =>
        sign(
          { identity: IDENTITY, issuer: ISSUER },
          { signedAt: at, rekorEntry: 'hashedrekord-v2' },
        ).bundle,
    ],
    [
      'keyless, Rekor v1 dsse without its SET',
      () => keyless(ended()),
      (): object =>
        proofOnly(sign({ identity: IDENTITY, issuer: ISSUER }, { signedAt: at })) as object,
    ],
    [
      'a key with a window, Rekor v2 dsse',
      () => keyVerifier({}, ended(), { start: new Date(at.getTime() - 24 * HOUR) }),
      () => sign(signer, { signedAt: at, rekorEntry: 'dsse-v2' }).bundle,
    ],
    [
      'a key without a window, Rekor v2 hashedrekord',
      () => keyVerifier({}, ended()),
      () => sign(signer, { signedAt: at, rekorEntry: 'hashedrekord-v2' }).bundle,
    ],
    [
      'a key, the log not required',
      () => keyVerifier({ requireTlog: false }, ended()),
      () => sign(signer, { signedAt: at, rekorEntry: 'hashedrekord-v2' }).bundle,
    ],
  ])('rejects %s, timestamped after the log key ended', (_n, verifier, bundle) => {
    const g = failure(() => verifier().verifyBundle(bundle(), { digest: DIGEST }, 'bundle-tag'));
    expect(g.code).toBe('TLOG_INVALID');
    expect(g.message).toMatch(
      /proved by a checkpoint of log [0-9a-f]{64}, whose key the trusted root trusts only until .*, before the signature's timestamp/,
    );
  });

  it('verifies when the log key was still valid at the timestamp', () => {
    const root = rootEnding(new Date(at.getTime() + HOUR));
    const b = sign({ identity: IDENTITY, issuer: ISSUER }, { signedAt: at, rekorEntry: 'dsse-v2' });
    expect(keyless(root).verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag')).toMatchObject({
      kind: 'keyless',
      signedAt: at.toISOString(),
    });
  });

  it('holds an entry with a SET to the log window at its integrated time, as before', () => {
    const g = failure(() =>
      keyVerifier({}, ended()).verifyBundle(
        sign(signer, { signedAt: at, rfc3161: false }).bundle,
        { digest: DIGEST },
        'bundle-tag',
      ),
    );
    expect(g.code).toBe('TLOG_INVALID');
  });

  it('has no time to hold a proof-only entry to without a timestamp (a key without a window)', () => {
    // As sigstore-go: a checkpoint carries no time of its own; nothing is reported as signing time.
    const b = sign(signer, { signedAt: at, rfc3161: false, rekorEntry: 'hashedrekord-v2' });
    const ev = keyVerifier({}, ended()).verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-tag');
    expect(ev.kind).toBe('key');
    expect(ev.signedAt).toBeUndefined();
  });
});
