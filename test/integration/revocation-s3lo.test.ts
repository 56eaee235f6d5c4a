// s3lo images under a revocation list: a `key` entry revokes the records its key made (an s3lo
// record has no trusted time, so `since` does not spare them), and a `digest` entry the manifest.
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { s3loKeyID } from '../../src/core/s3lo/record.js';
import { parseS3loReference } from '../../src/core/s3lo/reference.js';
import { runCli, type Ran } from '../helpers/run-dist.js';
import {
  localSink,
  makeTestKey,
  pushS3loImage,
  sampleManifest,
  signS3loImage,
} from '../helpers/s3lo.js';

const EXPIRES = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString();
const IMAGE = 'local://store/app:v1';

const release = makeTestKey('ecdsa-p256', 'release.pub');
const backup = makeTestKey('ed25519', 'backup.pub');
let dir: string;
let releasePub: string;
let backupPub: string;
let listKey: string;
let listPub: string;
let digest: string;
let n = 0;

function pem(k: KeyObject, type: 'private' | 'public'): string {
  return type === 'private'
    ? k.export({ type: 'pkcs8', format: 'pem' }).toString()
    : k.export({ type: 'spki', format: 'pem' }).toString();
}

/** A fresh list holding one entry made by `image-gate revoke`. */
async function revoke(...args: string[]): Promise<string> {
  const file = path.join(dir, `list-${++n}.json`);
  const r = await runCli(
    ['revoke', '--list', file, '--key', listKey, '--expires', EXPIRES, ...args],
    {},
    dir,
  );
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return file;
}

function verify(list: string, ...keysAndFlags: string[]): Promise<Ran> {
  return runCli(
    [
      'verify',
      '--output',
      'json',
      '--revocations',
      list,
      '--revocations-key',
      listPub,
      ...keysAndFlags,
      IMAGE,
    ],
    {},
    dir,
  );
}

const result = (r: Ran): Report['results'][number] => (JSON.parse(r.stdout) as Report).results[0];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'revocation-s3lo-'));
  releasePub = path.join(dir, 'release.pub');
  backupPub = path.join(dir, 'backup.pub');
  await writeFile(
    releasePub,
    release.key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  await writeFile(
    backupPub,
    backup.key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  const l = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  listKey = path.join(dir, 'list.key');
  listPub = path.join(dir, 'list.pub');
  await writeFile(listKey, pem(l.privateKey, 'private'));
  await writeFile(listPub, pem(l.publicKey, 'public'));
  const ref = parseS3loReference(IMAGE);
  const manifest = sampleManifest('app');
  const sink = localSink(path.join(dir, 'store'));
  digest = await pushS3loImage(sink, ref, manifest);
  await signS3loImage(sink, ref, manifest, release);
  await signS3loImage(sink, ref, manifest, backup);
}, 60_000);

describe('s3lo key records under a revocation list', () => {
  it('a list revoking another key lets the record verify (the control)', async () => {
    const other = path.join(dir, 'other.pub');
    await writeFile(other, pem(generateKeyPairSync('ed25519').publicKey, 'public'));
    const list = await revoke('--kind', 'key', '--public-key', other, '--reason', 'unrelated');
    const r = await verify(list, '--key', releasePub);
    expect(result(r).outcome).toBe('verified');
    expect(r.code).toBe(0);
  });

  it.each([
    ['by public key file', () => ['--public-key', releasePub]],
    [
      'by SPKI sha256',
      () => ['--key-id', `sha256:${createHash('sha256').update(release.key.spki).digest('hex')}`],
    ],
    [
      'by the 16-hex key ID s3lo files records under',
      () => ['--key-id', s3loKeyID(release.key.publicKey)],
    ],
    [
      'with since in the future (no trusted time in a record)',
      () => ['--public-key', releasePub, '--since', new Date(Date.now() + 3_600_000).toISOString()],
    ],
  ])('a revoked key fails its record with REVOKED (exit 1): %s', async (_, entry) => {
    const list = await revoke('--kind', 'key', ...entry(), '--reason', 'key leaked');
    const r = await verify(list, '--key', releasePub);
    const res = result(r);
    expect(res.outcome).toBe('failed');
    expect(res.code).toBe('REVOKED');
    expect(res.reason).toMatch(
      /signature for key .*release\.pub revoked by entries\[0\] of revocation list .* version 1 .*: key leaked/,
    );
    expect(r.code).toBe(1);
  });

  it('another key whose record is not revoked still verifies; with require-all-keys it fails', async () => {
    const list = await revoke('--kind', 'key', '--public-key', releasePub, '--reason', 'rotated');
    const any = await verify(list, '--key', releasePub, '--key', backupPub);
    expect(result(any).outcome).toBe('verified');
    expect(result(any).keyRef).toContain('backup.pub');
    expect(any.code).toBe(0);
    const all = await verify(list, '--key', backupPub, '--key', releasePub, '--require-all-keys');
    expect(result(all).code).toBe('REVOKED');
    expect(all.code).toBe(1);
  });

  it('a revoked manifest digest fails whatever key signed it', async () => {
    const list = await revoke('--kind', 'digest', '--digest', digest, '--reason', 'bad build');
    const r = await verify(list, '--key', releasePub, '--key', backupPub);
    expect(result(r).code).toBe('REVOKED');
    expect(result(r).reason).toContain(digest);
    expect(r.code).toBe(1);
  });
});
