// Issue 10 item 2: whatever a crafted bundle makes the verifier throw is a rejection of that
// bundle (a failure code, exit 1), at the verifier itself, so every caller (registry candidates,
// GitHub attestations, `verify-bundle`) gets one: never a bare RangeError/TypeError (INTERNAL,
// exit 2). Deeply nested JSON in a field that an error message quotes is the classic case.
import { beforeAll, describe, expect, it } from 'vitest';
import { GateError, isFailureCode } from '../../src/core/errors.js';
import { createSignatureVerifier } from '../../src/core/signatures/verifier.js';
import { toVerificationKey } from '../../src/core/trust/keys.js';
import { createTestSigstore, type TestSigstore } from '../helpers/test-sigstore.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
/** JSON.parse reads this fine; JSON.stringify (and any recursive walk) overflows the stack. */
const deep = (): unknown => JSON.parse('['.repeat(200_000) + ']'.repeat(200_000));

let sig: TestSigstore;
beforeAll(async () => {
  sig = await createTestSigstore();
});

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (e: unknown) {
    return e;
  }
  return undefined;
}

describe('a crafted bundle that makes the verifier throw is rejected with a failure code', () => {
  const cases: Array<[string, (b: Record<string, unknown>) => void]> = [
    ['a deeply nested mediaType', (b) => (b['mediaType'] = deep())],
    [
      'a deeply nested DSSE payloadType',
      (b) => ((b['dsseEnvelope'] as Record<string, unknown>)['payloadType'] = deep()),
    ],
    [
      'a deeply nested signature list',
      (b) => ((b['dsseEnvelope'] as Record<string, unknown>)['signatures'] = [deep()]),
    ],
  ];
  it.each(cases)('%s', (_n, edit) => {
    const kp = sig.generateKeyPair();
    const v = createSignatureVerifier(sig.trustedRoot, {
      keys: [toVerificationKey('k.pub', kp.publicKey, 'test')],
      identities: [],
      requireTlog: false,
      requireSct: false,
    });
    const bundle = JSON.parse(
      sig.signBundle({ imageDigest: DIGEST, signer: kp }).bytes.toString(),
    ) as Record<string, unknown>;
    edit(bundle);
    const e = caught(() => v.verifyBundle(bundle, { digest: DIGEST }, 'bundle-referrer'));
    expect(e).toBeInstanceOf(GateError);
    expect(isFailureCode((e as GateError).code)).toBe(true);
  });
});
