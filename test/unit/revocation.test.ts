// Revocation lists (issue 14 item 4): the list read strictly, every kind matched against real
// verified evidence (test Sigstore signatures through the core's verifier), `since` before and
// after the trusted time, the verdict (REVOKED outranks every other rejection), the list loaded
// and verified from files (expired, unsigned, another key, tampered), the bundle `revoke` writes
// verified by @sigstore/verify itself, and the policy file's run-level fields.
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { beforeAll, describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { compileRunPolicy } from '../../src/core/policy/compile.js';
import { parsePolicyFile } from '../../src/core/policy/file.js';
import {
  matchDigest,
  matchSignature,
  parseRevocationList,
  type RevocationList,
} from '../../src/core/revocation/list.js';
import { bundleLocation, loadRevocations } from '../../src/core/revocation/load.js';
import { revoke, signedBundle } from '../../src/core/revocation/sign.js';
import { revokingVerifier } from '../../src/core/revocation/verifier.js';
import { createSignatureVerifier } from '../../src/core/signatures/verifier.js';
import { toVerificationKey } from '../../src/core/trust/keys.js';
import type { SignatureEvidence } from '../../src/core/types.js';
import { decide } from '../../src/core/verify/decide.js';
import { emptyDiscovery } from '../../src/core/verify/discovery.js';
import { gateOptions } from '../helpers/gate-options.js';
import { createTestSigstore, type KeySigner, type TestSigstore } from '../helpers/test-sigstore.js';

const FILE = 'list.json';
const ISSUED = '2026-11-01T00:00:00Z';
const EXPIRES = '2027-11-01T00:00:00Z';
const D = `sha256:${'a'.repeat(64)}`;
const IDENTITY = 'release@example.com';
const ISSUER = 'https://oidc.example';
const HOUR = 3_600_000;

const bytes = (doc: unknown): Buffer => Buffer.from(JSON.stringify(doc));
const list = (entries: unknown[], over: Record<string, unknown> = {}): Buffer =>
  bytes({ version: 1, issued: ISSUED, expires: EXPIRES, entries, ...over });
const parse = (entries: unknown[], over: Record<string, unknown> = {}): RevocationList =>
  parseRevocationList(list(entries, over), FILE);

function refusal(run: () => unknown): GateError {
  try {
    run();
  } catch (e: unknown) {
    expect(e).toBeInstanceOf(GateError);
    return e as GateError;
  }
  throw new Error('expected a refusal');
}

describe('parseRevocationList refuses what it cannot read exactly (exit 2, file and entry named)', () => {
  const ok = { kind: 'digest', digest: D, reason: 'r' };
  it.each<[string, Buffer, RegExp]>([
    ['not JSON', Buffer.from('{'), /list\.json: not valid JSON/],
    ['a duplicate JSON key', Buffer.from(`{"version":1,"version":2}`), /not valid JSON/],
    ['an unknown top-level field', list([], { extra: 1 }), /unknown field "extra"/],
    ['version 0', list([], { version: 0 }), /version: 0 is not a whole number/],
    ['a version that is text', list([], { version: '1' }), /version: "1"/],
    ['a date without a zone', list([], { issued: '2026-11-01T00:00:00' }), /issued: .* RFC 3339/],
    ['a day that does not exist', list([], { expires: '2027-02-30T00:00:00Z' }), /not a real time/],
    [
      'issued after expires',
      list([], { issued: EXPIRES, expires: ISSUED }),
      /issued: .* is after expires/,
    ],
    ['entries not a list', list([], { entries: {} }), /entries: expected a list/],
    [
      'an unknown kind',
      list([{ kind: 'image', reason: 'r' }]),
      /entries\[0\]\.kind: "image" is not one of digest, key/,
    ],
    ['an unknown entry field', list([{ ...ok, note: 'x' }]), /entries\[0\]: unknown field "note"/],
    [
      'since on a digest entry',
      list([{ ...ok, since: ISSUED }]),
      /entries\[0\]: unknown field "since"/,
    ],
    [
      'no reason',
      list([{ kind: 'digest', digest: D }]),
      /entries\[0\]\.reason: needs a non-empty text/,
    ],
    ['a blank reason', list([{ ...ok, reason: '  ' }]), /entries\[0\]\.reason/],
    [
      'a short digest',
      list([ok, { ...ok, digest: 'sha256:abc' }]),
      /entries\[1\]\.digest: "sha256:abc" is not/,
    ],
    ['an upper-case digest', list([{ ...ok, digest: D.toUpperCase() }]), /entries\[0\]\.digest/],
    [
      'a key that is neither form',
      list([{ kind: 'key', key: 'abc', reason: 'r' }]),
      /entries\[0\]\.key: "abc" is neither/,
    ],
    [
      'a bad since',
      list([{ kind: 'key', key: 'a'.repeat(16), since: 'yesterday', reason: 'r' }]),
      /entries\[0\]\.since/,
    ],
    [
      'an identity without issuer',
      list([{ kind: 'identity', identity: IDENTITY, reason: 'r' }]),
      /entries\[0\]: a identity entry needs issuer/,
    ],
    [
      'a certificate with both forms',
      list([{ kind: 'certificate', fingerprint: D, serial: '01', issuer: 'CN=x', reason: 'r' }]),
      /not both/,
    ],
    [
      'a certificate with a serial alone',
      list([{ kind: 'certificate', serial: '01', reason: 'r' }]),
      /needs a serial and an issuer/,
    ],
    [
      'a serial that is not hex',
      list([{ kind: 'certificate', serial: 'xyz', issuer: 'CN=x', reason: 'r' }]),
      /entries\[0\]\.serial/,
    ],
    [
      'a negative log index',
      list([{ kind: 'tlog', logID: 'a'.repeat(64), logIndex: -1, reason: 'r' }]),
      /entries\[0\]\.logIndex/,
    ],
    [
      'a short log ID',
      list([{ kind: 'tlog', logID: 'abc', logIndex: 1, reason: 'r' }]),
      /entries\[0\]\.logID/,
    ],
    [
      'a tlog entry with a uuid and an index',
      list([
        { kind: 'tlog', uuid: 'a'.repeat(64), logID: 'a'.repeat(64), logIndex: 1, reason: 'r' },
      ]),
      /entries\[0\]: a tlog entry names a uuid, or a logID and logIndex, not both/,
    ],
    [
      'a tlog entry with a log ID alone',
      list([{ kind: 'tlog', logID: 'a'.repeat(64), reason: 'r' }]),
      /entries\[0\]: a tlog entry needs a uuid, or a logID and a logIndex/,
    ],
    [
      'a uuid of 63 hex',
      list([{ kind: 'tlog', uuid: 'a'.repeat(63), reason: 'r' }]),
      /entries\[0\]\.uuid: "a{63}" is not a Rekor entry UUID/,
    ],
    [
      'a uuid that is not hex',
      list([{ kind: 'tlog', uuid: 'g'.repeat(64), reason: 'r' }]),
      /entries\[0\]\.uuid/,
    ],
    [
      'one uuid twice, once with its tree ID',
      list([
        { kind: 'tlog', uuid: 'a'.repeat(64), reason: 'r' },
        { kind: 'tlog', uuid: `${'1'.repeat(16)}${'A'.repeat(64)}`, reason: 'again' },
      ]),
      /entries\[1\]: revokes tlog entry a{64} again \(as entries\[0\] does\)/,
    ],
    [
      'the same digest twice',
      list([ok, { ...ok, reason: 'again' }]),
      /entries\[1\]: revokes digest .* again \(as entries\[0\] does\)/,
    ],
    [
      'one key twice with different since',
      list([
        { kind: 'key', key: 'a'.repeat(16), reason: 'r' },
        { kind: 'key', key: 'a'.repeat(16), since: ISSUED, reason: 'r' },
      ]),
      /entries\[1\]: revokes key/,
    ],
    [
      'one serial twice in two spellings',
      list([
        { kind: 'certificate', serial: '0A:0B', issuer: 'CN=x, O=y', reason: 'r' },
        { kind: 'certificate', serial: 'a0b', issuer: 'cn = x,O = y', reason: 'r' },
      ]),
      /entries\[1\]: revokes certificate serial a0b/,
    ],
    [
      'one serial twice, the issuer in the other RDN order',
      list([
        { kind: 'certificate', serial: '0A:0B', issuer: 'O=y, CN=x', reason: 'r' },
        { kind: 'certificate', serial: 'a0b', issuer: 'CN=x,O=y', reason: 'r' },
      ]),
      /entries\[1\]: revokes certificate serial a0b/,
    ],
  ])('%s', (_name, b, want) => {
    const err = refusal(() => parseRevocationList(b, FILE));
    expect(err.code).toBe('REVOCATION_LIST');
    expect(err.message).toMatch(/^revocations list\.json: /);
    expect(err.message).toMatch(want);
  });

  it('reads every kind, with log indexes as numbers or text', () => {
    const l = parse([
      { kind: 'digest', digest: D, reason: 'bad build' },
      { kind: 'key', key: `sha256:${'b'.repeat(64)}`, since: ISSUED, reason: 'leaked' },
      { kind: 'identity', identity: IDENTITY, issuer: ISSUER, reason: 'taken over' },
      { kind: 'certificate', serial: '00:AB', issuer: 'CN = x , O=y', reason: 'mis-issued' },
      { kind: 'certificate', fingerprint: `sha256:${'c'.repeat(64)}`, reason: 'mis-issued' },
      { kind: 'tlog', logID: 'd'.repeat(64), logIndex: 42, reason: 'stolen token' },
      { kind: 'tlog', logID: 'd'.repeat(64), logIndex: '43', reason: 'stolen token' },
    ]);
    expect(l.entries).toHaveLength(7);
    expect(l.entries[1]).toMatchObject({ since: new Date(ISSUED) });
    expect(l.entries[3]).toMatchObject({ serial: 'ab', issuer: 'CN=x, O=y' });
    expect(l.entries[5]).toMatchObject({ logIndex: '42' });
    expect(matchDigest(l, D)).toMatchObject({ index: 0 });
    expect(matchDigest(l, `sha256:${'e'.repeat(64)}`)).toBeUndefined();
  });
});

describe('matchSignature', () => {
  const key = `sha256:${'b'.repeat(64)}`;
  const ev = (over: Partial<SignatureEvidence> = {}): SignatureEvidence => ({
    kind: 'key',
    format: 'legacy-tag',
    keyID: 'b'.repeat(16),
    keySha256: 'b'.repeat(64),
    signedAt: '2026-11-15T00:00:00.000Z',
    ...over,
  });
  const keyless = (over: Partial<SignatureEvidence> = {}): SignatureEvidence =>
    ev({
      kind: 'keyless',
      identity: IDENTITY,
      issuer: ISSUER,
      certificate: {
        serial: 'ab01',
        issuer: 'O=sigstore.dev, CN=sigstore-intermediate',
        sha256: 'c'.repeat(64),
      },
      tlog: { logIndex: '7', integratedTime: '1', logID: 'd'.repeat(64), uuid: 'f'.repeat(64) },
      ...over,
    });
  const one = (e: Record<string, unknown>) => parse([{ reason: 'r', ...e }]);

  it.each<[string, Record<string, unknown>, SignatureEvidence, boolean]>([
    ['a key by SPKI sha256', { kind: 'key', key }, ev(), true],
    ['a key by key ID', { kind: 'key', key: 'b'.repeat(16) }, ev(), true],
    [
      'a key ID from the SPKI hash alone',
      { kind: 'key', key: 'b'.repeat(16) },
      ev({ keyID: undefined }),
      true,
    ],
    ['another key', { kind: 'key', key: `sha256:${'f'.repeat(64)}` }, ev(), false],
    [
      'a key since before the signing time',
      { kind: 'key', key, since: '2026-11-14T00:00:00Z' },
      ev(),
      true,
    ],
    [
      'a key since exactly the signing time',
      { kind: 'key', key, since: '2026-11-15T00:00:00Z' },
      ev(),
      true,
    ],
    [
      'a key since after the signing time',
      { kind: 'key', key, since: '2026-11-15T00:00:01Z' },
      ev(),
      false,
    ],
    [
      'a key since, and no trusted time',
      { kind: 'key', key, since: '2026-11-20T00:00:00Z' },
      ev({ signedAt: undefined }),
      true,
    ],
    ['an identity', { kind: 'identity', identity: IDENTITY, issuer: ISSUER }, keyless(), true],
    [
      'an identity under another issuer',
      { kind: 'identity', identity: IDENTITY, issuer: 'https://other' },
      keyless(),
      false,
    ],
    [
      'an identity with another case',
      { kind: 'identity', identity: IDENTITY.toUpperCase(), issuer: ISSUER },
      keyless(),
      false,
    ],
    [
      'an identity since after',
      { kind: 'identity', identity: IDENTITY, issuer: ISSUER, since: '2026-12-01T00:00:00Z' },
      keyless(),
      false,
    ],
    [
      'an identity since before',
      { kind: 'identity', identity: IDENTITY, issuer: ISSUER, since: '2026-01-01T00:00:00Z' },
      keyless(),
      true,
    ],
    ['a keyless signer by its key', { kind: 'key', key }, keyless(), true],
    [
      'a certificate by serial, colons and leading zeros',
      {
        kind: 'certificate',
        serial: '00:AB:01',
        issuer: 'O = sigstore.dev, CN = sigstore-intermediate',
      },
      keyless(),
      true,
    ],
    [
      // Review: Go's pkix.Name.String() and openssl -nameopt RFC2253 print the least
      // significant attribute first; Node prints the most significant first.
      'a certificate by serial, issuer written in RFC 4514 order',
      { kind: 'certificate', serial: 'ab01', issuer: 'CN=sigstore-intermediate,O=sigstore.dev' },
      keyless(),
      true,
    ],
    [
      'a certificate serial under an issuer with one attribute more',
      {
        kind: 'certificate',
        serial: 'ab01',
        issuer: 'CN=sigstore-intermediate,O=sigstore.dev,C=US',
      },
      keyless(),
      false,
    ],
    [
      'a certificate serial under another issuer',
      { kind: 'certificate', serial: 'ab01', issuer: 'CN=other' },
      keyless(),
      false,
    ],
    [
      'a certificate by fingerprint',
      { kind: 'certificate', fingerprint: `sha256:${'c'.repeat(64)}` },
      keyless(),
      true,
    ],
    [
      'a certificate entry against a key signature',
      { kind: 'certificate', fingerprint: `sha256:${'c'.repeat(64)}` },
      ev(),
      false,
    ],
    ['a log entry', { kind: 'tlog', logID: 'd'.repeat(64), logIndex: 7 }, keyless(), true],
    [
      'another index of that log',
      { kind: 'tlog', logID: 'd'.repeat(64), logIndex: 8 },
      keyless(),
      false,
    ],
    [
      'a second bound log entry',
      { kind: 'tlog', logID: 'e'.repeat(64), logIndex: 9 },
      keyless({ tlogEntries: [{ logIndex: '9', logID: 'e'.repeat(64), uuid: '9'.repeat(64) }] }),
      true,
    ],
    ['a log entry by uuid', { kind: 'tlog', uuid: 'f'.repeat(64) }, keyless(), true],
    [
      'a log entry by uuid with its tree ID',
      { kind: 'tlog', uuid: `${'0'.repeat(15)}1${'F'.repeat(64)}` },
      keyless(),
      true,
    ],
    ['another uuid', { kind: 'tlog', uuid: 'e'.repeat(64) }, keyless(), false],
    [
      'a second bound entry by uuid',
      { kind: 'tlog', uuid: '9'.repeat(64) },
      keyless({ tlogEntries: [{ logIndex: '9', logID: 'e'.repeat(64), uuid: '9'.repeat(64) }] }),
      true,
    ],
    ['a digest entry never matches a signature', { kind: 'digest', digest: D }, ev(), false],
  ])('%s: %s', (_name, entry, evidence, revoked) => {
    expect(matchSignature(one(entry), evidence) !== undefined).toBe(revoked);
  });
});

describe('revoked signatures through the real verifier, and the verdict', () => {
  let ss: TestSigstore;
  let signer: KeySigner;
  const at = new Date(Math.floor(Date.now() / 1000) * 1000 - HOUR);
  beforeAll(async () => {
    ss = await createTestSigstore();
    signer = ss.generateKeyPair();
  });
  const policy = (keyless: boolean) => ({
    keys: keyless ? [] : [toVerificationKey('k.pub', signer.publicKey, 'the key')],
    identities: keyless ? [{ subject: { exact: IDENTITY }, issuer: { exact: ISSUER } }] : [],
    requireTlog: true,
    requireSct: true,
  });
  const spkiHash = () =>
    createHash('sha256')
      .update(signer.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex');

  it('a key-signed bundle: revoked from before its time, valid when revoked after it', () => {
    const b = ss.signBundle({ imageDigest: D, signer, signedAt: at });
    const v = createSignatureVerifier(ss.trustedRoot, policy(false));
    const ev = v.verifyBundle(b.bundle, { digest: D }, 'bundle-referrer');
    expect(ev.keySha256).toBe(spkiHash());
    expect(ev.signedAt).toBe(at.toISOString());
    const before = parse([
      {
        kind: 'key',
        key: `sha256:${spkiHash()}`,
        since: new Date(at.getTime() - 1000).toISOString(),
        reason: 'leaked',
      },
    ]);
    const err = refusal(() =>
      revokingVerifier(v, before).verifyBundle(b.bundle, { digest: D }, 'bundle-referrer'),
    );
    expect(err.code).toBe('REVOKED');
    expect(err.message).toMatch(
      /revoked by entries\[0\] of revocation list list\.json version 1 \(key sha256:[0-9a-f]{64} since .*\): leaked/,
    );
    const after = parse([
      {
        kind: 'key',
        key: `sha256:${spkiHash()}`,
        since: new Date(at.getTime() + 1000).toISOString(),
        reason: 'leaked',
      },
    ]);
    expect(
      revokingVerifier(v, after).verifyBundle(b.bundle, { digest: D }, 'bundle-referrer').kind,
    ).toBe('key');
  });

  it('a keyless .sig: identity, certificate and log entry each revoke it', () => {
    const sig = ss.signLegacyKeyless({
      imageDigest: D,
      dockerReference: 'r.example/app',
      identity: IDENTITY,
      issuer: ISSUER,
      signedAt: at,
    });
    const layer = { payload: sig.payload, annotations: sig.annotations };
    const v = createSignatureVerifier(ss.trustedRoot, policy(true));
    const ev = v.verifyLegacy(layer, D);
    expect(ev.certificate?.issuer).toMatch(/CN=/);
    for (const entry of [
      { kind: 'identity', identity: IDENTITY, issuer: ISSUER },
      { kind: 'certificate', serial: ev.certificate!.serial, issuer: ev.certificate!.issuer },
      { kind: 'certificate', fingerprint: `sha256:${ev.certificate!.sha256}` },
      { kind: 'tlog', logID: ev.tlog!.logID, logIndex: ev.tlog!.logIndex },
    ]) {
      const err = refusal(() =>
        revokingVerifier(v, parse([{ ...entry, reason: 'r' }])).verifyLegacy(layer, D),
      );
      expect(err.code).toBe('REVOKED');
    }
    expect(
      revokingVerifier(
        v,
        parse([{ kind: 'identity', identity: 'other@example.com', issuer: ISSUER, reason: 'r' }]),
      ).verifyLegacy(layer, D).identity,
    ).toBe(IDENTITY);
  });

  const rule = {
    name: 'options',
    match: ['**'],
    signers: { keys: [], identities: [] },
    requireSignature: true,
    requireAllKeys: false,
    tlog: true,
    sct: true,
  };
  const digestEvidence = (
    rejected: Array<{ where: string; code: 'REVOKED' | 'UNTRUSTED_SIGNER'; reason: string }>,
  ) => ({
    digest: D,
    found: emptyDiscovery(),
    signatures: [],
    rejected,
  });

  it('REVOKED outranks an untrusted signer among the rejections', () => {
    const v = decide(
      {
        kind: 'store',
        digest: D,
        index: false,
        signatures: digestEvidence([
          { where: 'a', code: 'UNTRUSTED_SIGNER', reason: 'someone else' },
          { where: 'b', code: 'REVOKED', reason: 'b: signature revoked by entries[0] ...: leaked' },
        ]),
      },
      rule,
      new Date(),
    );
    expect(v).toMatchObject({ outcome: 'failed', code: 'REVOKED' });
    expect(v.reason).toMatch(/^no valid signature: b: signature revoked .*leaked \(1 more/);
  });

  it('a required attestation whose only signature is revoked fails with REVOKED', () => {
    const v = decide(
      {
        kind: 'store',
        digest: D,
        index: false,
        signatures: { ...digestEvidence([]), signatures: [{ kind: 'key', format: 'legacy-tag' }] },
        attestations: {
          verified: [],
          rejected: [
            {
              where: 'referrer r1',
              code: 'REVOKED',
              reason: 'referrer r1: signature revoked by entries[0] ...: leaked',
            },
          ],
        },
      },
      { ...rule, attestations: { types: ['https://slsa.dev/provenance/v1'], conditions: {} } },
      new Date(),
    );
    expect(v).toMatchObject({ outcome: 'failed', code: 'REVOKED' });
    expect(v.reason).toMatch(/; attestation referrer r1: signature revoked .*leaked$/);
  });

  it('require-all-keys with one key revoked fails with REVOKED', () => {
    const k = (id: string) => ({ keyRef: `${id}.pub`, keyID: id }) as never;
    const v = decide(
      {
        kind: 'store',
        digest: D,
        index: false,
        signatures: {
          ...digestEvidence([
            { where: 'b', code: 'REVOKED', reason: 'b: signature revoked: leaked' },
          ]),
          signatures: [{ kind: 'key', format: 'legacy-tag', keyID: 'k1' }],
        },
      },
      { ...rule, requireAllKeys: true, signers: { keys: [k('k1'), k('k2')], identities: [] } },
      new Date(),
    );
    expect(v).toMatchObject({ outcome: 'failed', code: 'REVOKED' });
    expect(v.reason).toMatch(/no valid signature by k2\.pub \(k2\); b: signature revoked: leaked/);
  });

  it('a revoked digest fails even beside a valid signature', () => {
    const v = decide(
      {
        kind: 'store',
        digest: D,
        index: false,
        revoked: 'revoked by entries[2] of revocation list l version 4 (digest x): bad',
        signatures: { ...digestEvidence([]), signatures: [{ kind: 'key', format: 'legacy-tag' }] },
      },
      rule,
      new Date(),
    );
    expect(v).toMatchObject({ outcome: 'failed', code: 'REVOKED' });
    expect(v.reason).toBe(
      `image digest ${D} is revoked by entries[2] of revocation list l version 4 (digest x): bad`,
    );
  });
});

describe('loadRevocations and revoke, from files', () => {
  let dir: string;
  let listKey: KeyObject;
  let listPub: string;
  let other: KeyObject;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'revocation-unit-'));
    const l = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    listKey = l.privateKey;
    listPub = path.join(dir, 'list.pub');
    await writeFile(listPub, l.publicKey.export({ type: 'spki', format: 'pem' }));
    await writeFile(
      path.join(dir, 'list.key'),
      l.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  });
  async function write(name: string, b: Buffer, by: KeyObject | undefined): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, b);
    if (by) {
      const spki = createPublicKey(by).export({ type: 'spki', format: 'der' });
      await writeFile(`${file}.sigstore.json`, JSON.stringify(signedBundle(b, by, spki)));
    }
    return file;
  }
  const entries = [{ kind: 'digest', digest: D, reason: 'bad build' }];

  it('a signed, current list loads with its summary', async () => {
    const file = await write('good.json', list(entries, { version: 5 }), listKey);
    const got = await loadRevocations(
      { source: file, key: listPub },
      { now: new Date('2026-12-01T00:00:00Z') },
    );
    expect(got.list.version).toBe(5);
    expect(got.summary).toMatchObject({
      source: file,
      version: 5,
      entries: 1,
      issued: '2026-11-01T00:00:00.000Z',
    });
    expect(got.summary.sha256).toBe(
      `sha256:${createHash('sha256')
        .update(list(entries, { version: 5 }))
        .digest('hex')}`,
    );
    expect(got.summary.signer).toContain(listPub);
  });

  it.each<[string, () => Promise<string>, RegExp]>([
    [
      'expired',
      () => write('expired.json', list(entries, { expires: '2026-11-30T00:00:00Z' }), listKey),
      /version 1 expired at 2026-11-30/,
    ],
    [
      'unsigned',
      () => write('unsigned.json', list(entries), undefined),
      /cannot read its signature bundle .*unsigned\.json\.sigstore\.json/,
    ],
    [
      'signed by another key',
      () => write('other.json', list(entries), other),
      /the signature does not verify/,
    ],
    [
      'changed after signing',
      async () => {
        const file = await write('tampered.json', list(entries), listKey);
        await writeFile(file, list([]));
        return file;
      },
      /the signature does not verify/,
    ],
    ['missing', () => Promise.resolve(path.join(dir, 'nope.json')), /cannot read the list/],
  ])('%s: REVOCATION_LIST', async (_name, make, want) => {
    const file = await make();
    const e = await loadRevocations(
      { source: file, key: listPub },
      { now: new Date('2026-12-01T00:00:00Z') },
    ).then(
      () => undefined,
      (x: unknown) => x as GateError,
    );
    expect(e?.code).toBe('REVOCATION_LIST');
    expect(e?.message).toMatch(
      new RegExp(`^revocations ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `),
    );
    expect(e?.message).toMatch(want);
  });

  it('refuses a list without a signer, or with both kinds of signer', async () => {
    for (const spec of [
      { source: 'x' },
      { source: 'x', key: listPub, identity: IDENTITY, issuer: ISSUER },
      { source: 'x', identity: IDENTITY },
    ]) {
      const e = await loadRevocations(spec).catch((x: unknown) => x as GateError);
      expect((e as GateError).code).toBe('REVOCATION_LIST');
    }
  });

  it('the bundle beside a URL keeps its query', () => {
    expect(bundleLocation('https://r.example/l.json?v=2')).toBe(
      'https://r.example/l.json.sigstore.json?v=2',
    );
    expect(bundleLocation('lists/l.json')).toBe('lists/l.json.sigstore.json');
  });

  it('revoke writes a list and a bundle that @sigstore/verify itself accepts', async () => {
    const file = path.join(dir, 'made.json');
    const now = new Date('2026-12-01T00:00:00Z');
    const r1 = await revoke({
      list: file,
      key: path.join(dir, 'list.key'),
      entry: { kind: 'digest', digest: D, reason: 'bad' },
      expires: new Date(EXPIRES),
      now,
    });
    expect(r1.version).toBe(1);
    const r2 = await revoke({
      list: file,
      key: path.join(dir, 'list.key'),
      entry: { kind: 'identity', identity: IDENTITY, issuer: ISSUER, reason: 'gone' },
      now,
    });
    expect(r2.version).toBe(2);
    const text = await readFile(file);
    const l = parseRevocationList(text, file);
    expect(l).toMatchObject({ version: 2, expires: new Date(EXPIRES), issued: now });
    expect(l.entries.map((e) => e.kind)).toEqual(['digest', 'identity']);
    // sigstore-js' own verifier, with the list key as the only trust material (no log).
    const bundle = bundleFromJSON(JSON.parse(await readFile(`${file}.sigstore.json`, 'utf8')));
    const pubKey = createPublicKey(listKey);
    const hint = createHash('sha256')
      .update(pubKey.export({ type: 'spki', format: 'der' }))
      .digest('base64');
    const trust = toTrustMaterial(
      {
        mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
        tlogs: [],
        certificateAuthorities: [],
        ctlogs: [],
        timestampAuthorities: [],
      },
      (h: string) => {
        expect(h).toBe(hint);
        return { publicKey: pubKey, validFor: () => true };
      },
    );
    const verifier = new Verifier(trust, {
      tlogThreshold: 0,
      ctlogThreshold: 0,
      timestampThreshold: 0,
    });
    expect(() => verifier.verify(toSignedEntity(bundle, text))).not.toThrow();
    expect(() =>
      verifier.verify(toSignedEntity(bundle, Buffer.concat([text, Buffer.from(' ')]))),
    ).toThrow();
    // And a duplicate is refused, naming it, leaving the files as they were.
    await expect(
      revoke({
        list: file,
        key: path.join(dir, 'list.key'),
        entry: { kind: 'digest', digest: D, reason: 'again' },
        now,
      }),
    ).rejects.toThrow(/revokes digest .* again/);
    expect(await readFile(file)).toEqual(text);
  });

  it('revoke refuses a new list without --expires and an expiry in the past', async () => {
    const key = path.join(dir, 'list.key');
    const entry = { kind: 'digest', digest: D, reason: 'r' };
    await expect(revoke({ list: path.join(dir, 'new1.json'), key, entry })).rejects.toThrow(
      /give --expires/,
    );
    await expect(
      revoke({
        list: path.join(dir, 'new2.json'),
        key,
        entry,
        expires: new Date(Date.now() - 1000),
      }),
    ).rejects.toThrow(/past/);
  });
});

describe('the policy file: revocations are run-level', () => {
  it('reads the top-level fields, relative paths from the file', () => {
    const f = parsePolicyFile(
      'version: 1\nrevocations: lists/r.json\nrevocationsKey: keys/r.pub\nrules:\n  - images: ["**"]\n    keys: [k.pub]\n',
      'p.yaml',
      '/etc/gate',
    );
    expect(f.revocations).toEqual({
      source: '/etc/gate/lists/r.json',
      key: '/etc/gate/keys/r.pub',
      line: 2,
    });
    const url = parsePolicyFile(
      'version: 1\nrevocations: https://r.example/l.json\nrevocationsIdentity: a@b\nrevocationsIssuer: https://i\nrules:\n  - images: ["**"]\n    keys: [k.pub]\n',
      'p.yaml',
      '/etc/gate',
    );
    expect(url.revocations).toMatchObject({
      source: 'https://r.example/l.json',
      identity: 'a@b',
      issuer: 'https://i',
    });
  });

  it.each<[string, string, RegExp]>([
    [
      'inside a rule',
      'version: 1\nrules:\n  - images: ["**"]\n    keys: [k.pub]\n    revocations: r.json\n',
      /line 5: rules\[0\]\.revocations: the revocation list is run-level/,
    ],
    [
      'a signer without a list',
      'version: 1\nrevocationsKey: r.pub\nrules:\n  - images: ["**"]\n    keys: [k.pub]\n',
      /line 2: revocationsKey: names the signer of a revocation list, but no revocations/,
    ],
    [
      'an empty list name',
      'version: 1\nrevocations: ""\nrules:\n  - images: ["**"]\n    keys: [k.pub]\n',
      /revocations: must be a non-empty string/,
    ],
  ])('refuses %s', (_name, yaml, want) => {
    expect(() => parsePolicyFile(yaml, 'p.yaml')).toThrow(want);
  });

  it('compile refuses a list in both the flags and the file, and a list without a signer', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'revocation-policy-'));
    const pub = path.join(dir, 'k.pub');
    await writeFile(
      pub,
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
        type: 'spki',
        format: 'pem',
      }),
    );
    const file = path.join(dir, 'p.yaml');
    await writeFile(
      file,
      `version: 1\nrevocations: r.json\nrevocationsKey: ${pub}\nrules:\n  - images: ["**"]\n    keys: [${pub}]\n`,
    );
    await expect(
      compileRunPolicy(
        gateOptions({ policyFile: file, revocations: 'x.json', revocationsKey: pub }),
        {},
      ),
    ).rejects.toThrow(/names a revocation list .*remove revocations/);
    const compiled = await compileRunPolicy(gateOptions({ policyFile: file }), {});
    expect(compiled.revocations).toEqual({ source: path.join(dir, 'r.json'), key: pub });
    await expect(
      compileRunPolicy(gateOptions({ keys: [pub], revocations: 'x.json' }), {}),
    ).rejects.toThrow(/must be signed/);
    await expect(
      compileRunPolicy(gateOptions({ keys: [pub], revocationsKey: pub }), {}),
    ).rejects.toThrow(/no revocations list is given/);
    const flags = await compileRunPolicy(
      gateOptions({ keys: [pub], revocations: 'x.json', revocationsKey: pub }),
      {},
    );
    expect(flags.revocations).toEqual({ source: 'x.json', key: pub });
  });
});
