// Key validity windows (SECURITY.md item 18): a key the policy trusts only for a time span counts
// only for signatures whose verified signing time (Rekor integrated time, RFC 3161 timestamp)
// falls inside it, and a signature with no verified time never passes such a key.
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import type { SignerPolicy } from '../../src/core/signatures/signer-policy.js';
import {
  createSignatureVerifier,
  type SignatureVerifier,
} from '../../src/core/signatures/verifier.js';
import type { KeyValidity, VerificationKey } from '../../src/core/trust/key-types.js';
import { failure } from '../helpers/expect-failure.js';
import { createTestSigstore, type TestSigstore } from '../helpers/test-sigstore.js';

const DIGEST = `sha256:${'cd'.repeat(32)}`;
const REF = '127.0.0.1:5000/acme/app';
const HOUR = 60 * 60 * 1000;
const T = new Date(Math.floor(Date.now() / 1000) * 1000 - 24 * HOUR);

let ss: TestSigstore;
const retired = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const current = generateKeyPairSync('ec', { namedCurve: 'P-256' });

beforeAll(async () => {
  ss = await createTestSigstore();
});

function key(name: string, kp: { publicKey: KeyObject }, validFor?: KeyValidity): VerificationKey {
  const spki = kp.publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyRef: name,
    keyID: createHash('sha256').update(spki).digest('hex').slice(0, 16),
    publicKey: kp.publicKey,
    spki,
    pem: kp.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    algorithm: 'ecdsa-p256',
    ...(validFor ? { validFor } : {}),
  };
}

function verifier(keys: VerificationKey[], p: Partial<SignerPolicy> = {}): SignatureVerifier {
  return createSignatureVerifier(ss.trustedRoot, {
    keys,
    identities: [],
    requireTlog: true,
    requireSct: true,
    ...p,
  });
}

const legacy = (kp: typeof retired, o: { signedAt?: Date; tlog?: boolean } = {}) =>
  ss.signLegacyKey({ imageDigest: DIGEST, dockerReference: REF, ...kp, signedAt: T, ...o });

const around = (from: number, to: number): KeyValidity => ({
  start: new Date(T.getTime() + from),
  end: new Date(T.getTime() + to),
});

describe('key validity windows', () => {
  it('accepts a signature logged inside the window and reports when it was made', () => {
    const ev = verifier([key('retired.pub', retired, around(-HOUR, HOUR))]).verifyLegacy(
      legacy(retired),
      DIGEST,
    );
    expect(ev.keyRef).toBe('retired.pub');
    expect(ev.signedAt).toBe(T.toISOString());
  });

  it('rejects a signature logged after the window ended, naming the time and the window', () => {
    const g = failure(() =>
      verifier([key('retired.pub', retired, { end: new Date(T.getTime() - HOUR) })]).verifyLegacy(
        legacy(retired),
        DIGEST,
      ),
    );
    expect(g.code).toBe('UNTRUSTED_SIGNER');
    expect(g.message).toContain(
      `signed at ${T.toISOString()}, when key retired.pub is not trusted`,
    );
    expect(g.message).toContain(`to ${new Date(T.getTime() - HOUR).toISOString()}`);
  });

  it('rejects a signature logged before the window starts', () => {
    const g = failure(() =>
      verifier([key('next.pub', retired, { start: new Date(T.getTime() + HOUR) })]).verifyLegacy(
        legacy(retired),
        DIGEST,
      ),
    );
    expect(g.code).toBe('UNTRUSTED_SIGNER');
  });

  it('never passes a windowed key on a signature without a verified time, even with the tlog optional', () => {
    const unlogged = legacy(retired, { tlog: false });
    const open = verifier([key('retired.pub', retired)], { requireTlog: false });
    // Without a window the same signature verifies: the window is what needs the time.
    expect(open.verifyLegacy(unlogged, DIGEST).keyRef).toBe('retired.pub');
    const g = failure(() =>
      verifier([key('retired.pub', retired, around(-HOUR, HOUR))], {
        requireTlog: false,
      }).verifyLegacy(unlogged, DIGEST),
    );
    expect(g.code).toBe('TLOG_MISSING');
    expect(g.message).toContain('no verified signing time');
  });

  it('lets a rotated-in key verify while the retired one is refused for a late signature', () => {
    const v = verifier([
      key('retired.pub', retired, { end: new Date(T.getTime() - HOUR) }),
      key('current.pub', current, { start: new Date(T.getTime() - HOUR) }),
    ]);
    expect(v.verifyLegacy(legacy(current), DIGEST).keyRef).toBe('current.pub');
    expect(failure(() => v.verifyLegacy(legacy(retired), DIGEST)).code).toBe('UNTRUSTED_SIGNER');
  });

  it('blames a window only on the key that made the signature', () => {
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const v = verifier([key('retired.pub', retired, { end: new Date(T.getTime() - HOUR) })]);
    // Logged after retired.pub's end, but not made by it: not signed by any trusted key.
    const late = failure(() => v.verifyLegacy(legacy(stranger), DIGEST));
    expect(late.code).toBe('SIGNATURE_INVALID');
    expect(late.message).not.toContain('not trusted');
    // Unlogged and not made by it: the missing time is not the reason either.
    const untimed = failure(() =>
      verifier([key('retired.pub', retired, around(-HOUR, HOUR))], {
        requireTlog: false,
      }).verifyLegacy(legacy(stranger, { tlog: false }), DIGEST),
    );
    expect(untimed.code).toBe('SIGNATURE_INVALID');
  });

  it('applies to key-signed Sigstore bundles too', () => {
    const b = ss.signBundle({ imageDigest: DIGEST, signer: retired, signedAt: T });
    const inside = verifier([key('retired.pub', retired, around(-HOUR, HOUR))]);
    expect(inside.verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-referrer').keyRef).toBe(
      'retired.pub',
    );
    const after = verifier([key('retired.pub', retired, around(HOUR, 2 * HOUR))]);
    expect(
      failure(() => after.verifyBundle(b.bundle, { digest: DIGEST }, 'bundle-referrer')).code,
    ).toBe('UNTRUSTED_SIGNER');
  });

  it('refuses to build a verifier for a windowed key without a trusted root (no time could be checked)', () => {
    let err: unknown;
    try {
      createSignatureVerifier(undefined, {
        keys: [key('retired.pub', retired, around(-HOUR, HOUR))],
        identities: [],
        requireTlog: false,
        requireSct: false,
      });
    } catch (e: unknown) {
      err = e;
    }
    expect(err).toBeInstanceOf(GateError);
    expect((err as GateError).code).toBe('USAGE');
    expect((err as GateError).message).toContain('retired.pub has a validity window');
  });
});
