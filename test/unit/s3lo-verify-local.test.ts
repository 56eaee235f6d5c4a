import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import {
  manifestKey,
  parseS3loReference,
  signatureKey,
  type S3loRef,
} from '../../src/core/s3lo/reference.js';
import { createS3loStore, S3LO_LIMITS } from '../../src/core/s3lo/store.js';
import { verifyS3lo } from '../../src/core/s3lo/verify.js';
import {
  encodeS3loRecord,
  localSink,
  makeTestKey,
  pushS3loImage,
  s3loSignRecord,
  sampleManifest,
  sha256Digest,
  signS3loImage,
  type ObjectSink,
  type TestKey,
  type TestKeyType,
} from '../helpers/s3lo.js';

let cwd: string;
let sink: ObjectSink; // the local:// root "store" under cwd
const p256 = makeTestKey('ecdsa-p256', 'cosign.pub');
const other = makeTestKey('ecdsa-p256', 'other.pub');

beforeEach(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 's3lo-local-'));
  sink = localSink(path.join(cwd, 'store'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const ref = (s: string): S3loRef => parseS3loReference(s);
const verify = (r: S3loRef, keys: TestKey[], requireAllKeys = false) =>
  verifyS3lo(
    r,
    keys.map((k) => k.key),
    { store: createS3loStore(r, { cwd }), requireAllKeys },
  );
const file = (key: string) => path.join(cwd, 'store', ...key.split('/'));

/** Push and sign like `s3lo push` + `s3lo sign`; returns the manifest bytes. */
async function signedImage(
  refText: string,
  signer: TestKey = p256,
  seed = refText,
): Promise<Buffer> {
  const manifest = sampleManifest(seed);
  await pushS3loImage(sink, ref(refText), manifest);
  await signS3loImage(sink, ref(refText), manifest, signer, {
    signedAt: new Date('2026-05-08T05:13:20.123Z'),
  });
  return manifest;
}

describe('verifyS3lo on a local:// store: images signed as s3lo sign does', () => {
  it.each<TestKeyType>(['ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521', 'rsa-2048', 'ed25519'])(
    'verifies a %s signature with s3lo verify JSON fields',
    async (type) => {
      const signer = makeTestKey(type, `${type}.pub`);
      const manifest = await signedImage('local://store/org/app:v1', signer);
      const result = await verify(ref('local://store/org/app:v1'), [signer]);
      expect(result).toEqual({
        verified: true,
        digest: sha256Digest(manifest),
        keyRef: `${type}.pub`,
        keyID: signer.key.keyID,
        signedAt: '2026-05-08T05:13:20Z',
        evidence: [
          {
            kind: 'key',
            format: 's3lo-record',
            keyRef: `${type}.pub`,
            keyID: signer.key.keyID,
            signedAt: '2026-05-08T05:13:20Z',
          },
        ],
      });
    },
  );

  it('verifies a ./-rooted store, whose payload carries the root as written', async () => {
    const manifest = sampleManifest('dot');
    const dotRef = ref('local://./store/app:v1');
    await pushS3loImage(sink, dotRef, manifest);
    await signS3loImage(sink, dotRef, manifest, p256);
    expect((await verify(dotRef, [p256])).verified).toBe(true);
    // Same directory, other spelling: s3lo's payload differs, so the signature does not carry over.
    const plain = await verify(ref('local://store/app:v1'), [p256]);
    expect(plain).toMatchObject({ verified: false, failureCode: 'SIGNATURE_INVALID' });
  });

  it('passes a pinned reference whose digest is the tag’s manifest', async () => {
    const manifest = await signedImage('local://store/app:v1');
    const result = await verify(ref(`local://store/app:v1@${sha256Digest(manifest)}`), [p256]);
    expect(result.verified).toBe(true);
  });
});

describe('verifyS3lo on a local:// store: what must fail (exit 1)', () => {
  it('fails NOT_FOUND when the tag has no manifest, or the root does not exist', async () => {
    await signedImage('local://store/app:v1');
    expect(await verify(ref('local://store/app:v2'), [p256])).toEqual({
      verified: false,
      reason:
        'image not found: local://store/app:v2 (no manifests/app/v2/manifest.json in local://store)',
      failureCode: 'NOT_FOUND',
      digest: '',
      evidence: [],
    });
    expect(await verify(ref('local://nostore/app:v1'), [p256])).toMatchObject({
      verified: false,
      failureCode: 'NOT_FOUND',
    });
  });

  it('fails UNSIGNED with s3lo’s wording when there is no record for the key', async () => {
    const manifest = sampleManifest('u');
    await pushS3loImage(sink, ref('local://store/app:v1'), manifest);
    expect(await verify(ref('local://store/app:v1'), [p256])).toEqual({
      verified: false,
      reason: 'no signature found for key cosign.pub',
      failureCode: 'UNSIGNED',
      digest: sha256Digest(manifest),
      keyRef: 'cosign.pub',
      keyID: p256.key.keyID,
      evidence: [],
    });
  });

  it('fails UNSIGNED when only another key signed (its record is filed under its own key ID)', async () => {
    await signedImage('local://store/app:v1', other);
    expect(await verify(ref('local://store/app:v1'), [p256])).toMatchObject({
      verified: false,
      failureCode: 'UNSIGNED',
      reason: 'no signature found for key cosign.pub',
    });
  });

  it.each([
    ['another tag', 'local://store/app:v1', 'local://store/app:prod'],
    ['another image', 'local://store/app:v1', 'local://store/other/app:v1'],
    ['another bucket (local root)', 'local://store/app:v1', 'local://store2/app:v1'],
  ])('rejects a manifest and record transplanted to %s', async (_what, from, to) => {
    const manifest = await signedImage(from);
    const rec = await readFile(file(signatureKey(ref(from), p256.key.keyID)));
    const target = to.startsWith('local://store2/') ? localSink(path.join(cwd, 'store2')) : sink;
    await pushS3loImage(target, ref(to), manifest);
    await target.put(signatureKey(ref(to), p256.key.keyID), rec);
    const result = await verify(ref(to), [p256]);
    expect(result).toMatchObject({
      verified: false,
      failureCode: 'SIGNATURE_INVALID',
      digest: sha256Digest(manifest),
    });
    expect(result.reason).toMatch(/^invalid signature: /);
    // The source location still verifies: the bytes are intact, only the place changed.
    expect((await verify(ref(from), [p256])).verified).toBe(true);
  });

  it('rejects a tag rolled back to an older signed manifest while the newer record stays', async () => {
    const r = ref('local://store/app:v1');
    const old = await signedImage('local://store/app:v1', p256, 'release-1');
    const oldRecord = await readFile(file(signatureKey(r, p256.key.keyID)));
    const current = await signedImage('local://store/app:v1', p256, 'release-2');
    await pushS3loImage(sink, r, old); // attacker restores the old manifest only
    expect(await verify(r, [p256])).toMatchObject({
      verified: false,
      failureCode: 'DIGEST_MISMATCH',
      reason: `manifest changed: signed ${sha256Digest(current)}, current ${sha256Digest(old)}`,
      digest: sha256Digest(old),
    });
    // Restoring the old record too is a genuine old signature for this tag: only a pin catches it.
    await sink.put(signatureKey(r, p256.key.keyID), oldRecord);
    expect((await verify(r, [p256])).verified).toBe(true);
    expect(
      await verify(ref(`local://store/app:v1@${sha256Digest(current)}`), [p256]),
    ).toMatchObject({
      verified: false,
      failureCode: 'DIGEST_MISMATCH',
      reason: `local://store/app:v1 points to ${sha256Digest(old)}, but the reference pins ${sha256Digest(current)}`,
    });
  });

  // A genuine record with a key added that s3lo's Go decoder (case-insensitive field match, last
  // one wins; BOM refused) reads as a different record, one s3lo refuses: refused here too.
  it.each([
    [
      'Digest naming another manifest',
      (t: string) => t.replace(/}$/, `,"Digest":"sha256:${'cd'.repeat(32)}"}`),
    ],
    ['SIGNATURE holding another signature', (t: string) => t.replace(/}$/, ',"SIGNATURE":"AAAA"}')],
    ['schemaversion 1', (t: string) => t.replace(/}$/, ',"schemaversion":1}')],
    [
      'ſignature (U+017F) holding another signature',
      (t: string) => t.replace(/}$/, ',"ſignature":"AAAA"}'),
    ],
    ['a leading byte order mark', (t: string) => `\ufeff${t}`],
  ])('rejects a signed record that Go reads differently: %s', async (_name, tamper) => {
    const r = ref('local://store/app:v1');
    await signedImage('local://store/app:v1');
    const at = signatureKey(r, p256.key.keyID);
    const genuine = (await readFile(file(at))).toString('utf8');
    expect((await verify(r, [p256])).verified).toBe(true);
    await sink.put(at, Buffer.from(tamper(genuine)));
    const result = await verify(r, [p256]);
    expect(result).toMatchObject({ verified: false, failureCode: 'MALFORMED' });
    expect(result.reason).toMatch(/^malformed signature record: /);
  });

  it('rejects a record filed under our key ID but signed by another key (key ID collision attempt)', async () => {
    const r = ref('local://store/app:v1');
    const manifest = sampleManifest('c');
    await pushS3loImage(sink, r, manifest);
    const forged = s3loSignRecord(r, manifest, other);
    // Claims our key ID in the body too: only the signature check can catch it.
    const claimsOurs = encodeS3loRecord({ ...forged.record, keyID: p256.key.keyID });
    await sink.put(signatureKey(r, p256.key.keyID), claimsOurs);
    expect(await verify(r, [p256])).toMatchObject({
      verified: false,
      failureCode: 'SIGNATURE_INVALID',
    });
    // Honest about its own key ID: refused before any crypto.
    await sink.put(signatureKey(r, p256.key.keyID), forged.bytes);
    const result = await verify(r, [p256]);
    expect(result).toMatchObject({
      verified: false,
      failureCode: 'UNTRUSTED_SIGNER',
      keyID: p256.key.keyID,
    });
    expect(result.reason).toContain(`names key ID "${other.key.keyID}"`);
  });

  it.each<[string, (rec: Record<string, unknown>) => string | Buffer, string, string]>([
    [
      'schema 1 record',
      (rec) => JSON.stringify({ ...rec, schemaVersion: 1, payload: 'x' }),
      'MALFORMED',
      'unsupported signature schema version 1 (this build verifies version 2); re-sign the image',
    ],
    [
      'record that is not JSON',
      () => '{"schemaVersion": 2, "digest": ',
      'MALFORMED',
      'malformed signature record: ',
    ],
    [
      'record with a numeric signature',
      (rec) => JSON.stringify({ ...rec, signature: 12 }),
      'MALFORMED',
      'signature is not a string',
    ],
    [
      'signature not base64',
      (rec) => JSON.stringify({ ...rec, signature: '!!!!' }),
      'MALFORMED',
      'malformed signature encoding',
    ],
    ['empty file', () => '', 'MALFORMED', 'malformed signature record: '],
    [
      'tampered signature',
      (rec) => JSON.stringify({ ...rec, signature: flipLastByte(rec['signature'] as string) }),
      'SIGNATURE_INVALID',
      'invalid signature: ',
    ],
    [
      'signature from another key pasted in',
      (rec) => JSON.stringify({ ...rec, signature: otherSignature() }),
      'SIGNATURE_INVALID',
      'invalid signature: ',
    ],
  ])('fails on a %s', async (_name, mutate, code, reason) => {
    const r = ref('local://store/app:v1');
    await signedImage('local://store/app:v1');
    const key = signatureKey(r, p256.key.keyID);
    const rec = JSON.parse((await readFile(file(key))).toString()) as Record<string, unknown>;
    await sink.put(key, mutate(rec));
    const result = await verify(r, [p256]);
    expect(result).toMatchObject({ verified: false, failureCode: code, keyRef: 'cosign.pub' });
    expect(result.reason).toContain(reason);
  });

  it('rejects a record or manifest reached through a symlink that leaves the root', async () => {
    const r = ref('local://store/app:v1');
    await signedImage('local://store/app:v1');
    const outside = path.join(cwd, 'outside.json');
    await writeFile(outside, await readFile(file(signatureKey(r, p256.key.keyID))));
    await rm(file(signatureKey(r, p256.key.keyID)));
    await symlink(outside, file(signatureKey(r, p256.key.keyID)));
    const result = await verify(r, [p256]);
    expect(result).toMatchObject({ verified: false, failureCode: 'MALFORMED' });
    expect(result.reason).toContain('resolves outside the store root');

    await rm(file(manifestKey(r)));
    await symlink('/etc/hostname', file(manifestKey(r)));
    expect(await verify(r, [p256])).toMatchObject({
      verified: false,
      failureCode: 'MALFORMED',
      digest: '',
    });
  });

  it('follows symlinks that stay inside the root, and a root that is itself a symlink', async () => {
    const r = ref('local://store/app:v1');
    const manifest = await signedImage('local://store/app:v1');
    await writeFile(path.join(cwd, 'store', 'm.json'), manifest);
    await rm(file(manifestKey(r)));
    await symlink('../../../m.json', file(manifestKey(r)));
    expect((await verify(r, [p256])).verified).toBe(true);
    await symlink(path.join(cwd, 'store'), path.join(cwd, 'linked'));
    const linked = ref('local://linked/app:v1');
    await signS3loImage(sink, linked, manifest, p256); // its payload names "linked"
    expect((await verify(linked, [p256])).verified).toBe(true);
  });

  it('refuses a FIFO where the manifest or a record should be, without waiting for a writer', async () => {
    // Red team: open(2) of a FIFO for reading blocks until something opens it for writing, so a
    // store writer who plants one would hang the gate (a libuv thread and the run) for good.
    const r = ref('local://store/app:v1');
    await signedImage('local://store/app:v1');
    const record = file(signatureKey(r, p256.key.keyID));
    await rm(record);
    execFileSync('mkfifo', [record]);
    const started = performance.now();
    const result = await verify(r, [p256]);
    expect(result).toMatchObject({ verified: false, failureCode: 'MALFORMED' });
    expect(result.reason).toContain('is not a regular file');
    await rm(file(manifestKey(r)));
    execFileSync('mkfifo', [file(manifestKey(r))]);
    expect(await verify(r, [p256])).toMatchObject({ verified: false, failureCode: 'MALFORMED' });
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 10_000);

  it('treats a directory where the manifest should be as malformed content', async () => {
    const r = ref('local://store/app:v1');
    await mkdir(file(manifestKey(r)), { recursive: true });
    expect(await verify(r, [p256])).toMatchObject({ verified: false, failureCode: 'MALFORMED' });
  });
});

describe('verifyS3lo on a local:// store: several keys', () => {
  it('passes when any one key verifies, reporting that key and evidence for each verified key', async () => {
    await signedImage('local://store/app:v1', other);
    const result = await verify(ref('local://store/app:v1'), [p256, other]);
    expect(result).toMatchObject({ verified: true, keyRef: 'other.pub', keyID: other.key.keyID });
    expect(result.evidence.map((e) => e.keyRef)).toEqual(['other.pub']);
  });

  it('fails under requireAllKeys when one key has not signed', async () => {
    await signedImage('local://store/app:v1', other);
    const result = await verify(ref('local://store/app:v1'), [p256, other], true);
    expect(result).toMatchObject({
      verified: false,
      failureCode: 'UNSIGNED',
      keyRef: 'cosign.pub',
      reason: 'key cosign.pub: no signature found for key cosign.pub',
    });
    expect(result.evidence.map((e) => e.keyRef)).toEqual(['other.pub']);
  });

  it('passes under requireAllKeys when every key signed', async () => {
    const manifest = await signedImage('local://store/app:v1', other);
    await signS3loImage(sink, ref('local://store/app:v1'), manifest, p256);
    const result = await verify(ref('local://store/app:v1'), [p256, other], true);
    expect(result.verified).toBe(true);
    expect(result.evidence).toHaveLength(2);
  });

  it('reports a bad record before a merely missing one', async () => {
    const r = ref('local://store/app:v1');
    await signedImage('local://store/app:v1', other);
    await sink.put(signatureKey(r, other.key.keyID), '[]');
    const result = await verify(r, [p256, other]);
    expect(result).toMatchObject({
      verified: false,
      failureCode: 'MALFORMED',
      keyRef: 'other.pub',
    });
    expect(result.reason).toBe('key other.pub: malformed signature record: not a JSON object');
  });

  it('names every key when none has a record', async () => {
    await pushS3loImage(sink, ref('local://store/app:v1'), sampleManifest('n'));
    expect(await verify(ref('local://store/app:v1'), [p256, other])).toMatchObject({
      failureCode: 'UNSIGNED',
      reason: 'no signature found for any of 2 keys (cosign.pub, other.pub)',
    });
  });
});

describe('verifyS3lo on a local:// store: errors (exit 2)', () => {
  it('throws LIMIT_EXCEEDED for a record over 1 MiB and a manifest over 4 MiB', async () => {
    const r = ref('local://store/app:v1');
    await signedImage('local://store/app:v1');
    await sink.put(
      signatureKey(r, p256.key.keyID),
      Buffer.alloc(S3LO_LIMITS.recordBytes + 1, 0x20),
    );
    await expect(verify(r, [p256])).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    await sink.put(manifestKey(r), Buffer.alloc(S3LO_LIMITS.manifestBytes + 1, 0x20));
    await expect(verify(r, [p256])).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it.skipIf(process.getuid?.() === 0)(
    'throws AUTH_REFUSED when the record is unreadable',
    async () => {
      const r = ref('local://store/app:v1');
      await signedImage('local://store/app:v1');
      const { chmod } = await import('node:fs/promises');
      await chmod(file(signatureKey(r, p256.key.keyID)), 0o000);
      await expect(verify(r, [p256])).rejects.toMatchObject({ code: 'AUTH_REFUSED' });
    },
  );

  it('never verifies with a key the policy trusts only for a time span (a record has no verified time)', async () => {
    await signedImage('local://store/org/app:v1');
    const windowed = { ...p256.key, validFor: { start: new Date('2020-01-01T00:00:00Z') } };
    const r = await verifyS3lo(ref('local://store/org/app:v1'), [windowed], {
      store: createS3loStore(ref('local://store/org/app:v1'), { cwd }),
    });
    expect(r).toMatchObject({ verified: false, failureCode: 'UNTRUSTED_SIGNER' });
    expect(r.reason).toContain('carries no verified signing time');
    // The same key without a window verifies the same record.
    expect((await verify(ref('local://store/org/app:v1'), [p256])).verified).toBe(true);
  });

  it('refuses to run without keys', async () => {
    await expect(verify(ref('local://store/app:v1'), [])).rejects.toBeInstanceOf(GateError);
    await expect(verify(ref('local://store/app:v1'), [])).rejects.toMatchObject({ code: 'USAGE' });
  });
});

function flipLastByte(b64: string): string {
  const bytes = Buffer.from(b64, 'base64');
  bytes[bytes.length - 1] = bytes[bytes.length - 1] ^ 0x01;
  return bytes.toString('base64');
}

function otherSignature(): string {
  return s3loSignRecord(ref('local://store/app:v1'), sampleManifest('local://store/app:v1'), other)
    .record.signature;
}
