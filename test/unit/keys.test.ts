// loadKey/loadKeys for PEM public-key files: every supported algorithm, every refusal, file
// errors, and the s3lo key ID computed independently of the code under test.
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { keyIdOf, loadKey, loadKeys } from '../../src/core/trust/keys.js';
import {
  generateKeyPair,
  toPem,
  writeCosignPrivateKey,
  writePublicKey,
  type KeyAlgorithm,
} from '../helpers/cosign-keys.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'keys-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function writeFile(content: string | Buffer): string {
  const file = path.join(dir, `k${++counter}.pem`);
  writeFileSync(file, content);
  return file;
}

async function rejection(p: Promise<unknown>): Promise<GateError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof GateError)) throw new Error(`expected a GateError, got ${String(e)}`);
  return e;
}

// A P-256 key made with openssl; its key ID computed by
// `openssl pkey -pubin -outform DER | sha256sum | cut -c1-16`, outside this code base.
const OPENSSL_P256_PEM = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEUit1ZkXmmw4o3wdZLLZDzWjZo2RZ
reMH1aWXvnd2gRzU/kY5ftVm+BMrJrxSEJkQU9JlINQ43Kh8Jg6FMFCF4Q==
-----END PUBLIC KEY-----
`;
const OPENSSL_P256_KEYID = '8da108c9d499baee';
// The same key with a compressed point (`openssl ec -pubout -conv_form compressed`).
const OPENSSL_P256_COMPRESSED_PEM = `-----BEGIN PUBLIC KEY-----
MDkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDIgADUit1ZkXmmw4o3wdZLLZDzWjZo2RZ
reMH1aWXvnd2gRw=
-----END PUBLIC KEY-----
`;

describe('loadKey with PEM public key files', () => {
  it.each<[KeyAlgorithm]>([['ecdsa-p256'], ['ecdsa-p384'], ['rsa'], ['ed25519']])(
    'loads a %s public key with its algorithm, SPKI, PEM and s3lo key ID',
    async (alg) => {
      const kp = generateKeyPair(alg);
      const file = writePublicKey(dir, kp, `${alg}.pub`);
      const key = await loadKey(file);

      const spki = kp.publicKey.export({ type: 'spki', format: 'der' });
      expect(key.keyRef).toBe(file);
      expect(key.algorithm).toBe(alg);
      expect(key.spki.equals(spki)).toBe(true);
      expect(key.keyID).toBe(createHash('sha256').update(spki).digest('hex').slice(0, 16));
      expect(key.keyID).toMatch(/^[0-9a-f]{16}$/);
      expect(key.publicKey.equals(kp.publicKey)).toBe(true);
      expect(key.pem).toBe(kp.publicPem);
    },
  );

  it('computes the same key ID as openssl + sha256sum over the DER SubjectPublicKeyInfo', async () => {
    const key = await loadKey(writeFile(OPENSSL_P256_PEM));
    expect(key.keyID).toBe(OPENSSL_P256_KEYID);
    expect(keyIdOf(key.spki)).toBe(OPENSSL_P256_KEYID);
  });

  it('gives a compressed-point EC key the key ID of its uncompressed form, as s3lo (Go) does', async () => {
    const key = await loadKey(writeFile(OPENSSL_P256_COMPRESSED_PEM));
    expect(key.keyID).toBe(OPENSSL_P256_KEYID);
    expect(key.spki.length).toBe(91);
  });

  it('accepts CRLF line endings and text around the PEM block', async () => {
    const text = `comment line\r\n${OPENSSL_P256_PEM.replace(/\n/g, '\r\n')}trailing\r\n`;
    expect((await loadKey(writeFile(text))).keyID).toBe(OPENSSL_P256_KEYID);
  });

  it('accepts a PKCS#1 "RSA PUBLIC KEY" block as cosign does', async () => {
    const kp = generateKeyPair('rsa');
    const file = writeFile(kp.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString());
    const key = await loadKey(file);
    expect(key.algorithm).toBe('rsa');
    expect(key.keyID).toBe(kp.keyID);
  });

  it('resolves a relative path against opts.cwd and reports it as given', async () => {
    const sub = path.join(dir, 'rel');
    mkdirSync(sub, { recursive: true });
    const kp = generateKeyPair();
    writePublicKey(sub, kp, 'cosign.pub');
    const key = await loadKey('./cosign.pub', { cwd: sub });
    expect(key.keyRef).toBe('./cosign.pub');
    expect(key.keyID).toBe(kp.keyID);
  });

  const pem = (k: { export(o: { type: 'spki'; format: 'pem' }): string | Buffer }): string =>
    k.export({ type: 'spki', format: 'pem' }).toString();

  it.each<[string, () => string, RegExp]>([
    [
      'an EC key on P-521',
      () => pem(generateKeyPairSync('ec', { namedCurve: 'P-521' }).publicKey),
      /curve secp521r1; supported are P-256 and P-384/,
    ],
    [
      'an EC key on secp256k1',
      () => pem(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey),
      /curve secp256k1/,
    ],
    [
      'a 1024-bit RSA key',
      () => pem(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey),
      /1024-bit RSA key; supported are 2048/,
    ],
    ['an Ed448 key', () => pem(generateKeyPairSync('ed448').publicKey), /ed448 key; supported are/],
    ['an X25519 key', () => pem(generateKeyPairSync('x25519').publicKey), /x25519 key/],
    [
      'an unencrypted PKCS#8 private key',
      () => generateKeyPair().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      /unencrypted PRIVATE KEY; give its public key/,
    ],
    [
      'an unencrypted SEC1 EC private key',
      () => generateKeyPair().privateKey.export({ type: 'sec1', format: 'pem' }).toString(),
      /unencrypted EC PRIVATE KEY/,
    ],
    [
      'a certificate',
      () => toPem('CERTIFICATE', Buffer.from('not really')),
      /unsupported PEM block "CERTIFICATE"/,
    ],
    [
      'two public keys in one file',
      () => generateKeyPair().publicPem + generateKeyPair().publicPem,
      /holds 2 PEM blocks; give one key per file/,
    ],
    [
      'no PEM block at all',
      () => 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI user@host\n',
      /no PEM block found/,
    ],
    ['an empty file', () => '', /no PEM block found/],
    [
      'a body that is not base64',
      () => '-----BEGIN PUBLIC KEY-----\nnot*base64!\n-----END PUBLIC KEY-----\n',
      /not valid base64/,
    ],
    [
      'a PUBLIC KEY block that is not DER',
      () => toPem('PUBLIC KEY', Buffer.from('garbage bytes here')),
      /PUBLIC KEY block does not parse/,
    ],
    [
      'BEGIN and END types that differ',
      () => OPENSSL_P256_PEM.replace('END PUBLIC KEY', 'END PRIVATE KEY'),
      /BEGIN PUBLIC KEY ends with END PRIVATE KEY/,
    ],
  ])('refuses %s with KEY_UNREADABLE naming the file', async (_name, make, why) => {
    const file = writeFile(make());
    const e = await rejection(loadKey(file));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toContain(file);
    expect(e.message).toMatch(why);
  });

  it('refuses a DSA key', async () => {
    const dsa = generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 }).publicKey;
    const e = await rejection(loadKey(writeFile(pem(dsa))));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toMatch(/dsa key/);
  });

  it('refuses a file far larger than any key without reading it whole', async () => {
    const file = writeFile(Buffer.alloc(200 * 1024, 0x41));
    const e = await rejection(loadKey(file));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toMatch(/larger than any key file/);
  });
});

describe('loadKey file and reference errors', () => {
  it('says there is no file, naming the path as the user wrote it', async () => {
    const e = await rejection(loadKey('./cosign.pub', { cwd: dir }));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toBe('key: no file at ./cosign.pub');
    expect((e.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('says the path is a directory', async () => {
    const e = await rejection(loadKey(dir));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toBe(`key: ${dir} is a directory, not a key file`);
  });

  it.skipIf(process.getuid?.() === 0)(
    'says permission was denied for an unreadable file',
    async () => {
      const file = writeFile(OPENSSL_P256_PEM);
      chmodSync(file, 0o000);
      const e = await rejection(loadKey(file));
      expect(e.code).toBe('KEY_UNREADABLE');
      expect(e.message).toBe(`key: cannot read ${file} (permission denied)`);
    },
  );

  it.each([[''], ['   ']])('refuses an empty reference %j', async (ref) => {
    const e = await rejection(loadKey(ref));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toMatch(/^key: empty key reference/);
  });

  it.each([
    ['gcpkms://projects/p/locations/l/keyRings/r/cryptoKeys/k'],
    ['azurekms://vault.example/key'],
    ['https://example.com/cosign.pub'],
  ])('refuses the unsupported key source %s rather than reading it as a path', async (ref) => {
    const e = await rejection(loadKey(ref));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toContain(`key ${ref}: unsupported key source`);
  });

  it('turns an already-aborted signal into TIMEOUT without touching the file system', async () => {
    const e = await rejection(loadKey(path.join(dir, 'nope.pub'), { signal: AbortSignal.abort() }));
    expect(e.code).toBe('TIMEOUT');
  });
});

describe('loadKeys', () => {
  it('returns an empty list for no references', async () => {
    expect(await loadKeys([])).toEqual([]);
  });

  it('loads several keys in input order and drops repeats of the same reference', async () => {
    const a = generateKeyPair('ecdsa-p256');
    const b = generateKeyPair('ed25519');
    const fa = writePublicKey(dir, a, 'a.pub');
    const fb = writePublicKey(dir, b, 'b.pub');
    const keys = await loadKeys([fa, fb, fa]);
    expect(keys.map((k) => k.keyID)).toEqual([a.keyID, b.keyID]);
    expect(keys.map((k) => k.keyRef)).toEqual([fa, fb]);
  });

  it('keeps one key when two references hold the same key (a .pub and its cosign.key)', async () => {
    const kp = generateKeyPair();
    const pub = writePublicKey(dir, kp, 'same.pub');
    const priv = writeCosignPrivateKey(dir, kp, 'pw', { name: 'same.key' });
    const keys = await loadKeys([pub, priv], { env: { COSIGN_PASSWORD: 'pw' } });
    expect(keys).toHaveLength(1);
    expect(keys[0]?.keyRef).toBe(pub);
    expect(keys[0]?.keyID).toBe(kp.keyID);
  });

  it('attaches policy windows, and refuses one key given two different windows', async () => {
    const kp = generateKeyPair();
    const pub = writePublicKey(dir, kp, 'windowed.pub');
    const priv = writeCosignPrivateKey(dir, kp, 'pw', { name: 'windowed.key' });
    const env = { COSIGN_PASSWORD: 'pw' };
    const w1 = { end: new Date('2026-01-01T00:00:00Z') };
    const w2 = { end: new Date('2027-01-01T00:00:00Z') };
    const same = await loadKeys([pub, priv], { env, validity: { [pub]: w1, [priv]: { ...w1 } } });
    expect(same).toHaveLength(1);
    expect(same[0]?.validFor).toEqual(w1);
    const e = await rejection(loadKeys([pub, priv], { env, validity: { [pub]: w1, [priv]: w2 } }));
    expect(e.code).toBe('USAGE');
    expect(e.message).toContain(`${pub} and ${priv} are the same key (${kp.keyID})`);
    // A window under one reference and none under the other would silently drop one of them.
    const half = await rejection(loadKeys([pub, priv], { env, validity: { [priv]: w2 } }));
    expect(half.code).toBe('USAGE');
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'gives a key named %s no window inherited from Object.prototype',
    async (name) => {
      const kp = generateKeyPair();
      const sub = mkdtempSync(path.join(dir, 'proto-'));
      writePublicKey(sub, kp, name);
      const other = { end: new Date('2026-01-01T00:00:00Z') };
      const windows: Array<Record<string, { end: Date }>> = [{}, { 'other.pub': other }];
      for (const validity of windows) {
        const keys = await loadKeys([name], { cwd: sub, validity });
        expect(keys.map((k) => k.keyRef)).toEqual([name]);
        expect(keys[0]?.validFor).toBeUndefined();
      }
    },
  );

  it('fails with the first failing reference in input order', async () => {
    const good = writePublicKey(dir, generateKeyPair(), 'good.pub');
    const e = await rejection(loadKeys([good, './missing-1.pub', './missing-2.pub'], { cwd: dir }));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toBe('key: no file at ./missing-1.pub');
  });

  it('accepts a key built from raw JWK material like any other', async () => {
    // Guards the EC normalisation path for keys that never were PEM.
    const kp = generateKeyPair('ecdsa-p384');
    const viaJwk = createPublicKey({ key: kp.publicKey.export({ format: 'jwk' }), format: 'jwk' });
    const file = writeFile(viaJwk.export({ type: 'spki', format: 'pem' }).toString());
    expect((await loadKey(file)).keyID).toBe(kp.keyID);
  });
});
