// Revoking a log entry when the log is sharded (Rekor v1): a SET signs the entry's log-wide index,
// an inclusion proof carries only its index in the shard's tree, and the two differ by the
// shard's offset (more than 100 million on the public log; see the real bundles below). A bundle
// whose SET is left out must not escape a revocation of its log-wide index, and a revocation by
// Rekor's entry UUID (the leaf hash) must match whichever proof the bundle carries.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyBundleArtifact } from '../../src/core/conformance.js';
import { GateError } from '../../src/core/errors.js';
import {
  matchSignature,
  parseRevocationList,
  revokedReason,
  type RevocationList,
} from '../../src/core/revocation/list.js';
import { revokingVerifier } from '../../src/core/revocation/verifier.js';
import { createSignatureVerifier } from '../../src/core/signatures/verifier.js';
import { toVerificationKey } from '../../src/core/trust/keys.js';
import type { SignatureEvidence } from '../../src/core/types.js';
import {
  createTestSigstore,
  type BundleJson,
  type KeySigner,
  type TestSigstore,
} from '../helpers/test-sigstore.js';

const D = `sha256:${'a'.repeat(64)}`;
const IDENTITY = 'release@example.com';
const ISSUER = 'https://oidc.example';
const OFFSET = 121_000_000;

const list = (entries: unknown[]): RevocationList =>
  parseRevocationList(
    Buffer.from(
      JSON.stringify({
        version: 3,
        issued: '2026-11-01T00:00:00Z',
        expires: '2027-11-01T00:00:00Z',
        entries: entries.map((e) => ({ reason: 'stolen token', ...(e as object) })),
      }),
    ),
    'revocations.json',
  );

function refusal(run: () => unknown): GateError {
  try {
    run();
  } catch (e: unknown) {
    expect(e).toBeInstanceOf(GateError);
    return e as GateError;
  }
  throw new Error('expected a refusal');
}

const withoutSets = (b: BundleJson): BundleJson => {
  const copy = structuredClone(b) as unknown as {
    verificationMaterial: { tlogEntries: Array<Record<string, unknown>> };
  };
  for (const e of copy.verificationMaterial.tlogEntries) delete e.inclusionPromise;
  return copy as unknown as BundleJson;
};

const leafHash = (bodyB64: string): string =>
  createHash('sha256')
    .update(Buffer.concat([Buffer.from([0]), Buffer.from(bodyB64, 'base64')]))
    .digest('hex');

describe('a sharded Rekor v1 log: the test log gives the entries the indices Rekor does', () => {
  let ss: TestSigstore;
  let signer: KeySigner;
  beforeAll(async () => {
    ss = await createTestSigstore({ rekorShardOffset: OFFSET });
    signer = ss.generateKeyPair();
  });
  const keyPolicy = () => ({
    keys: [toVerificationKey('k.pub', signer.publicKey, 'the key')],
    identities: [],
    requireTlog: true,
    requireSct: true,
  });
  const keylessPolicy = {
    keys: [],
    identities: [{ subject: { exact: IDENTITY }, issuer: { exact: ISSUER } }],
    requireTlog: true,
    requireSct: true,
  };

  it.each(['key', 'keyless'] as const)(
    'a %s bundle with its SET: the log-wide index is the evidence, and revokes it',
    (kind) => {
      const b =
        kind === 'key'
          ? ss.signBundle({ imageDigest: D, signer, rfc3161: false })
          : ss.signBundle({ imageDigest: D, signer: { identity: IDENTITY, issuer: ISSUER } });
      const v = createSignatureVerifier(
        ss.trustedRoot,
        kind === 'key' ? keyPolicy() : keylessPolicy,
      );
      const ev = v.verifyBundle(b.bundle, { digest: D }, 'bundle-referrer');
      const entry = b.bundle.verificationMaterial.tlogEntries[0]!;
      expect(Number(entry.logIndex)).toBeGreaterThanOrEqual(OFFSET);
      expect(ev.tlog?.logIndex).toBe(entry.logIndex);
      expect(ev.tlog?.indexInShard).toBeUndefined();
      expect(ev.tlog?.uuid).toBe(leafHash(entry.canonicalizedBody));
      const byIndex = list([{ kind: 'tlog', logID: ev.tlog!.logID, logIndex: entry.logIndex }]);
      const err = refusal(() =>
        revokingVerifier(v, byIndex).verifyBundle(b.bundle, { digest: D }, 'bundle-referrer'),
      );
      expect(err.code).toBe('REVOKED');
      expect(err.message).toContain(`revoked by entries[0]`);
      // The shard's index names another entry of the log: it revokes nothing here.
      const shardIndex = list([
        {
          kind: 'tlog',
          logID: ev.tlog!.logID,
          logIndex: entry.inclusionProof!.logIndex,
        },
      ]);
      expect(matchSignature(shardIndex, ev)).toBeUndefined();
    },
  );

  it.each(['key', 'keyless'] as const)(
    'a %s bundle stripped of its SET cannot escape a revocation of its log-wide index',
    (kind) => {
      const signed =
        kind === 'key'
          ? ss.signBundle({ imageDigest: D, signer, rfc3161: false })
          : ss.signBundle({ imageDigest: D, signer: { identity: IDENTITY, issuer: ISSUER } });
      const b = withoutSets(signed.bundle);
      const v = createSignatureVerifier(
        ss.trustedRoot,
        kind === 'key' ? keyPolicy() : keylessPolicy,
      );
      // Still a valid bundle (a key needs no time; keyless has its RFC 3161 timestamp) ...
      const ev = v.verifyBundle(b, { digest: D }, 'bundle-referrer');
      const entry = signed.bundle.verificationMaterial.tlogEntries[0]!;
      expect(ev.tlog?.logIndex).toBe(entry.inclusionProof!.logIndex);
      expect(ev.tlog?.indexInShard).toBe(true);
      // ... but its log-wide index is the bundle's word alone, so an entry revoking that fails
      // it closed, and the reason says why and what to revoke by instead.
      const byIndex = list([
        { kind: 'digest', digest: `sha256:${'b'.repeat(64)}` },
        { kind: 'tlog', logID: ev.tlog!.logID, logIndex: entry.logIndex },
      ]);
      const err = refusal(() =>
        revokingVerifier(v, byIndex).verifyBundle(b, { digest: D }, 'bundle-referrer'),
      );
      expect(err.code).toBe('REVOKED');
      expect(err.message).toContain('cannot be told apart from entries[1]');
      expect(err.message).toContain(
        `index in a shard of the log (${entry.inclusionProof!.logIndex})`,
      );
      expect(err.message).toContain(`uuid ${leafHash(entry.canonicalizedBody)}`);
      // Another log's index says nothing about this entry.
      const otherLog = list([{ kind: 'tlog', logID: 'c'.repeat(64), logIndex: entry.logIndex }]);
      expect(
        revokingVerifier(v, otherLog).verifyBundle(b, { digest: D }, 'bundle-referrer').kind,
      ).toBe(kind);
    },
  );

  it('a uuid revokes the entry with or without its SET, and only that entry', () => {
    const signed = ss.signBundle({ imageDigest: D, signer, rfc3161: false });
    const other = ss.signBundle({ imageDigest: D, signer, rfc3161: false });
    const v = createSignatureVerifier(ss.trustedRoot, keyPolicy());
    const uuid = leafHash(signed.bundle.verificationMaterial.tlogEntries[0]!.canonicalizedBody);
    const treeId =
      signed.bundle.verificationMaterial.tlogEntries[0]!.inclusionProof!.checkpoint.envelope.split(
        '\n',
      )[0]!.split(' - ')[1]!;
    const entryId = BigInt(treeId).toString(16).padStart(16, '0') + uuid;
    for (const l of [list([{ kind: 'tlog', uuid }]), list([{ kind: 'tlog', uuid: entryId }])]) {
      for (const b of [signed.bundle, withoutSets(signed.bundle)]) {
        const err = refusal(() =>
          revokingVerifier(v, l).verifyBundle(b, { digest: D }, 'bundle-referrer'),
        );
        expect(err.code).toBe('REVOKED');
        expect(err.message).toContain(`(tlog entry ${uuid})`);
      }
      expect(
        revokingVerifier(v, l).verifyBundle(
          withoutSets(other.bundle),
          { digest: D },
          'bundle-referrer',
        ).kind,
      ).toBe('key');
    }
  });

  it('a Rekor v2 entry (no SETs, each shard a log of its own) is known by its proof index', () => {
    const signed = ss.signBundle({
      imageDigest: D,
      signer: { identity: IDENTITY, issuer: ISSUER },
      rekorEntry: 'hashedrekord-v2',
    });
    const v = createSignatureVerifier(ss.trustedRoot, keylessPolicy);
    const ev = v.verifyBundle(signed.bundle, { digest: D }, 'bundle-referrer');
    const proofIndex = signed.bundle.verificationMaterial.tlogEntries[0]!.inclusionProof!.logIndex;
    expect(ev.tlog?.indexInShard).toBeUndefined();
    expect(ev.tlog?.logIndex).toBe(proofIndex);
    const err = refusal(() =>
      revokingVerifier(
        v,
        list([{ kind: 'tlog', logID: ev.tlog!.logID, logIndex: proofIndex }]),
      ).verifyBundle(signed.bundle, { digest: D }, 'bundle-referrer'),
    );
    expect(err.message).toContain('revoked by entries[0]');
  });
});

describe('real bundles from the public Rekor v1 log', () => {
  // A key-signed bundle from sigstore-conformance (managed-key-happy-path): logIndex 771488337,
  // its inclusion proof's index 649584075.
  const dir = path.join(
    import.meta.dirname,
    '../fixtures/sigstore-conformance/bundle-verify/managed-key-happy-path',
  );
  const artifact = path.join(
    import.meta.dirname,
    '../fixtures/sigstore-conformance/bundle-verify/a.txt',
  );

  async function verify(stripSet: boolean): Promise<SignatureEvidence> {
    const raw = JSON.parse(await readFile(path.join(dir, 'bundle.sigstore.json'), 'utf8')) as {
      verificationMaterial: { tlogEntries: Array<Record<string, unknown>> };
    };
    if (stripSet) for (const e of raw.verificationMaterial.tlogEntries) delete e.inclusionPromise;
    const tmp = await mkdtemp(path.join(tmpdir(), 'ig-shard-'));
    const bundlePath = path.join(tmp, 'bundle.json');
    await writeFile(bundlePath, JSON.stringify(raw));
    return verifyBundleArtifact({
      bundlePath,
      artifact,
      keyPath: path.join(dir, 'key.pub'),
      offline: true,
    });
  }

  it('with the SET: the log-wide index; without it: the shard index, flagged', async () => {
    const withSet = await verify(false);
    const stripped = await verify(true);
    expect(withSet.tlog).toMatchObject({ logIndex: '771488337' });
    expect(withSet.tlog?.indexInShard).toBeUndefined();
    expect(stripped.tlog).toMatchObject({ logIndex: '649584075', indexInShard: true });
    expect(stripped.tlog?.uuid).toBe(withSet.tlog?.uuid);
    const l = list([{ kind: 'tlog', logID: withSet.tlog!.logID, logIndex: 771488337 }]);
    expect(revokedReason(l, matchSignature(l, withSet)!)).toMatch(/^revoked by entries\[0\]/);
    expect(revokedReason(l, matchSignature(l, stripped)!)).toMatch(
      /^cannot be told apart from entries\[0\] .*index in a shard of the log \(649584075\)/,
    );
    const byUuid = list([{ kind: 'tlog', uuid: withSet.tlog!.uuid }]);
    expect(matchSignature(byUuid, withSet)?.undecided).toBeUndefined();
    expect(matchSignature(byUuid, stripped)?.undecided).toBeUndefined();
    expect(matchSignature(byUuid, stripped)?.index).toBe(0);
  });
});
