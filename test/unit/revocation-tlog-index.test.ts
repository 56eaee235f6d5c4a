// A `tlog` revocation entry names a log entry by log ID and index. The index a bundle writes at
// the top of its entry is not what is authenticated: a SET signs Number(logIndex), so `"0123"`,
// `"123.0"` and `" 123"` verify as 123, and an inclusion proof authenticates its own logIndex,
// never the top-level one (sigstore-js says as much). Whatever spelling or value the bundle
// writes there, a revoked entry must stay revoked.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRevocationList } from '../../src/core/revocation/list.js';
import { revokingVerifier } from '../../src/core/revocation/verifier.js';
import { createSignatureVerifier } from '../../src/core/signatures/verifier.js';
import type { SignerPolicy } from '../../src/core/signatures/signer-policy.js';
import { toVerificationKey } from '../../src/core/trust/keys.js';
import { createTestSigstore, type KeySigner, type TestSigstore } from '../helpers/test-sigstore.js';

const D = `sha256:${'a'.repeat(64)}`;
const IDENTITY = 'release@example.com';
const ISSUER = 'https://oidc.example';

type Entry = { logIndex: string; inclusionProof?: { logIndex: string } };

describe('tlog revocation holds whatever logIndex the bundle writes', () => {
  let ss: TestSigstore;
  let signer: KeySigner;
  beforeAll(async () => {
    ss = await createTestSigstore();
    signer = ss.generateKeyPair();
    // A few entries first, so the index under test is not 0 (which has fewer spellings).
    for (let i = 0; i < 3; i++) ss.signBundle({ imageDigest: D, signer });
  });

  const keyPolicy = (): SignerPolicy => ({
    keys: [toVerificationKey('k.pub', signer.publicKey, 'the key')],
    identities: [],
    requireTlog: true,
    requireSct: true,
  });
  const keylessPolicy = (): SignerPolicy => ({
    keys: [],
    identities: [{ subject: { exact: IDENTITY }, issuer: { exact: ISSUER } }],
    requireTlog: true,
    requireSct: true,
  });
  const listFor = (logID: string, logIndex: string) =>
    parseRevocationList(
      Buffer.from(
        JSON.stringify({
          version: 1,
          issued: '2026-01-01T00:00:00Z',
          expires: '2099-01-01T00:00:00Z',
          entries: [{ kind: 'tlog', logID, logIndex, reason: 'bad run' }],
        }),
      ),
      'list.json',
    );
  const withIndex = (bundle: unknown, logIndex: string): unknown => {
    const b = structuredClone(bundle) as { verificationMaterial: { tlogEntries: Entry[] } };
    b.verificationMaterial.tlogEntries[0].logIndex = logIndex;
    return b;
  };

  const cases: Array<[string, () => unknown, () => SignerPolicy, string[]]> = [
    [
      'keyless, Rekor v1 (SET and proof): respelled indexes the SET still signs',
      () =>
        ss.signBundle({ imageDigest: D, signer: { identity: IDENTITY, issuer: ISSUER } }).bundle,
      keylessPolicy,
      ['0{i}', '{i}.0', ' {i}', '{i}e0'],
    ],
    [
      'key, Rekor v1 (SET and proof): respelled indexes the SET still signs',
      () => ss.signBundle({ imageDigest: D, signer }).bundle,
      keyPolicy,
      ['00{i}', '{i}.000'],
    ],
    [
      'key, Rekor v2 (proof only): any top-level index at all',
      () => ss.signBundle({ imageDigest: D, signer, rekorEntry: 'hashedrekord-v2' }).bundle,
      keyPolicy,
      ['999999', '0', '{i}1'],
    ],
  ];

  it.each(cases)('%s', (_name, make, policy, spellings) => {
    const bundle = make();
    const v = createSignatureVerifier(ss.trustedRoot, policy());
    const ev = v.verifyBundle(bundle, { digest: D }, 'bundle-referrer');
    const index = ev.tlog!.logIndex;
    expect(index).toMatch(/^[1-9]\d*$/);
    const revoked = revokingVerifier(v, listFor(ev.tlog!.logID!, index));
    expect(() => revoked.verifyBundle(bundle, { digest: D }, 'bundle-referrer')).toThrow(
      expect.objectContaining({ code: 'REVOKED' }),
    );
    for (const s of spellings) {
      const edited = withIndex(bundle, s.replaceAll('{i}', index));
      // The edit is invisible to verification...
      expect(v.verifyBundle(edited, { digest: D }, 'bundle-referrer').kind).toBe(ev.kind);
      // ...so it must be invisible to revocation too.
      expect(
        () => revoked.verifyBundle(edited, { digest: D }, 'bundle-referrer'),
        `logIndex ${JSON.stringify(s.replaceAll('{i}', index))}`,
      ).toThrow(expect.objectContaining({ code: 'REVOKED' }));
    }
  });
});
