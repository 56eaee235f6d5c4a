// Remote verification keys end to end: the real @aws-sdk/client-kms against a SigV4-checking
// KMS fake, and Vault transit over HTTP, including every way fetching the key can fail.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { loadKey, loadKeys } from '../../src/core/trust/keys.js';
import { generateKeyPair, type KeyAlgorithm, type TestKeyPair } from '../helpers/cosign-keys.js';
import { startFakeKms, type FakeKms } from '../helpers/fake-kms.js';
import { startFakeVault, type FakeVault } from '../helpers/fake-vault.js';

async function rejection(p: Promise<unknown>): Promise<GateError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof GateError)) throw new Error(`expected a GateError, got ${String(e)}`);
  return e;
}

function keyIdOf(kp: TestKeyPair): string {
  return createHash('sha256')
    .update(kp.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A TCP server that accepts connections and never answers. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const s: NetServer = createNetServer((sock) => {
    sockets.add(sock);
    sock.on('error', () => undefined);
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return {
    port: (s.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((r) => {
        for (const sock of sockets) sock.destroy();
        s.close(() => r());
      }),
  };
}

describe('AWS KMS keys through the real AWS SDK', () => {
  let kms: FakeKms;
  const keys = new Map<KeyAlgorithm, { kp: TestKeyPair; keyId: string; arn: string }>();

  beforeAll(async () => {
    kms = await startFakeKms();
    for (const alg of ['ecdsa-p256', 'ecdsa-p384', 'rsa', 'ed25519'] as const) {
      const kp = generateKeyPair(alg);
      keys.set(alg, { kp, ...kms.addKey(kp.publicKey, { aliases: [`signer-${alg}`] }) });
    }
  });
  afterAll(() => kms.close());

  const p256 = () => keys.get('ecdsa-p256')!;

  it.each<[KeyAlgorithm]>([['ecdsa-p256'], ['ecdsa-p384'], ['rsa'], ['ed25519']])(
    'loads a %s key by alias through an awskms://HOST:PORT endpoint',
    async (alg) => {
      const { kp } = keys.get(alg)!;
      const ref = `awskms://${kms.hostPort}/alias/signer-${alg}`;
      const key = await loadKey(ref, { env: kms.env });
      expect(key.keyRef).toBe(ref);
      expect(key.algorithm).toBe(alg);
      expect(key.keyID).toBe(keyIdOf(kp));
      expect(key.publicKey.equals(kp.publicKey)).toBe(true);
      expect(kms.requests.at(-1)).toEqual({
        target: 'TrentService.GetPublicKey',
        keyId: `alias/signer-${alg}`,
        status: 200,
      });
    },
  );

  it('loads a key by ARN via AWS_ENDPOINT_URL_KMS, taking the region from the ARN', async () => {
    const { arn, kp } = p256();
    const env = { ...kms.env, AWS_REGION: 'eu-west-3', AWS_ENDPOINT_URL_KMS: kms.url };
    const key = await loadKey(`awskms:///${arn}`, { env });
    expect(key.keyID).toBe(keyIdOf(kp));
    expect(kms.requests.at(-1)?.keyId).toBe(arn);
  });

  it('loads a key by bare key ID, an alias ARN, and with AWS_DEFAULT_REGION and AWS_ENDPOINT_URL', async () => {
    const { keyId, kp } = p256();
    const env = {
      AWS_ACCESS_KEY_ID: kms.accessKeyId,
      AWS_SECRET_ACCESS_KEY: kms.secretAccessKey,
      AWS_DEFAULT_REGION: kms.region,
      AWS_ENDPOINT_URL: kms.url,
    };
    expect((await loadKey(`awskms:///${keyId}`, { env })).keyID).toBe(keyIdOf(kp));
    const aliasArn = `arn:aws:kms:${kms.region}:${kms.accountId}:alias/signer-ecdsa-p256`;
    expect((await loadKey(`awskms:///${aliasArn}`, { env })).keyID).toBe(keyIdOf(kp));
  });

  it('loads each distinct reference once and keeps one key when alias and ARN name the same key', async () => {
    const before = kms.requests.length;
    const alias = `awskms://${kms.hostPort}/alias/signer-ecdsa-p256`;
    const arn = `awskms://${kms.hostPort}/${p256().arn}`;
    const loaded = await loadKeys([alias, alias, arn, alias], { env: kms.env });
    expect(loaded.map((k) => k.keyRef)).toEqual([alias]);
    expect(kms.requests.length - before).toBe(2);
  });

  it('reports an unknown alias as KEY_UNREADABLE with the reference and NotFoundException', async () => {
    const ref = `awskms://${kms.hostPort}/alias/does-not-exist`;
    const e = await rejection(loadKey(ref, { env: kms.env }));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toContain(`key ${ref}: AWS KMS GetPublicKey failed: NotFoundException`);
  });

  it('reports a denied GetPublicKey as KEY_UNREADABLE with AccessDeniedException', async () => {
    kms.setDeny(true);
    try {
      const ref = `awskms://${kms.hostPort}/alias/signer-ecdsa-p256`;
      const e = await rejection(loadKey(ref, { env: kms.env }));
      expect(e.code).toBe('KEY_UNREADABLE');
      expect(e.message).toContain(`key ${ref}: AWS KMS GetPublicKey failed: AccessDeniedException`);
      expect(e.message).toContain('kms:GetPublicKey');
    } finally {
      kms.setDeny(false);
    }
  });

  it('is refused by the fake when the request is signed with the wrong secret (SigV4 checked for real)', async () => {
    const ref = `awskms://${kms.hostPort}/alias/signer-ecdsa-p256`;
    const e = await rejection(
      loadKey(ref, { env: { ...kms.env, AWS_SECRET_ACCESS_KEY: 'not-the-secret' } }),
    );
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toContain('InvalidSignatureException');
  });

  it('is refused by the fake for an unknown access key', async () => {
    const ref = `awskms://${kms.hostPort}/alias/signer-ecdsa-p256`;
    const e = await rejection(
      loadKey(ref, { env: { ...kms.env, AWS_ACCESS_KEY_ID: 'AKIAUNKNOWN000000000' } }),
    );
    expect(e.message).toContain('UnrecognizedClientException');
  });

  it('refuses a KMS key that is not a signing key', async () => {
    kms.addKey(generateKeyPair('rsa').publicKey, {
      aliases: ['encryption-only'],
      keyUsage: 'ENCRYPT_DECRYPT',
    });
    const e = await rejection(
      loadKey(`awskms://${kms.hostPort}/alias/encryption-only`, { env: kms.env }),
    );
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toMatch(/is not a signing key \(KeyUsage ENCRYPT_DECRYPT\)/);
  });

  it('reports an unreachable endpoint as KEY_UNREADABLE quickly, with the network error', async () => {
    const port = await closedPort();
    const ref = `awskms://127.0.0.1:${port}/alias/x`;
    const started = performance.now();
    const e = await rejection(loadKey(ref, { env: kms.env }));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toContain(`key ${ref}: AWS KMS GetPublicKey failed: ECONNREFUSED`);
  });

  // The SDK itself falls back to process.env.AWS_REGION and ~/.aws/config, outside opts.env.
  it.skipIf(Boolean(process.env.AWS_REGION))(
    'says a region is needed when neither the reference nor the environment names one',
    async () => {
      const env = {
        AWS_ACCESS_KEY_ID: kms.accessKeyId,
        AWS_SECRET_ACCESS_KEY: kms.secretAccessKey,
      };
      const e = await rejection(
        loadKey(`awskms://${kms.hostPort}/alias/signer-ecdsa-p256`, { env }),
      );
      expect(e.code).toBe('KEY_UNREADABLE');
      expect(e.message).toMatch(/no AWS region: use a key ARN, or set AWS_REGION/);
    },
  );

  it('honours AWS_MAX_ATTEMPTS=1 against an unreachable endpoint', async () => {
    const port = await closedPort();
    const started = performance.now();
    const e = await rejection(
      loadKey(`awskms://127.0.0.1:${port}/alias/x`, { env: { ...kms.env, AWS_MAX_ATTEMPTS: '1' } }),
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(e.code).toBe('KEY_UNREADABLE');
  });

  it('turns an abort while KMS hangs into TIMEOUT', async () => {
    const silent = await silentServer();
    try {
      const signal = AbortSignal.timeout(200);
      const started = performance.now();
      const e = await rejection(
        loadKey(`awskms://127.0.0.1:${silent.port}/alias/x`, { env: kms.env, signal }),
      );
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(e.code).toBe('TIMEOUT');
    } finally {
      await silent.close();
    }
  });

  it('refuses a plain-HTTP AWS_ENDPOINT_URL_KMS to a non-loopback host as INSECURE, sending nothing', async () => {
    const before = kms.requests.length;
    const e = await rejection(
      loadKey('awskms:///alias/signer-ecdsa-p256', {
        env: { ...kms.env, AWS_ENDPOINT_URL_KMS: 'http://kms.example.com' },
      }),
    );
    expect(e.code).toBe('INSECURE');
    expect(e.message).toContain('AWS_ENDPOINT_URL_KMS http://kms.example.com is plain HTTP');
    expect(kms.requests.length).toBe(before);
  });

  it.each([
    ['awskms://alias/x'],
    ['awskms:///missingalias'],
    ['awskms:///1234abcd-12ab-YYYY-56ef-1234567890ab'],
    ['awskms:///key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['awskms:///arn:aws:kms:us-east-1:123:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['awskms://user@host:1/alias/x'],
  ])('refuses the malformed reference %s before any request', async (ref) => {
    const before = kms.requests.length;
    const e = await rejection(loadKey(ref, { env: kms.env }));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toContain(`key ${ref}:`);
    expect(kms.requests.length).toBe(before);
  });
});

describe('Vault transit keys', () => {
  let vault: FakeVault;
  const keys = new Map<KeyAlgorithm, TestKeyPair>();
  let home: string;

  beforeAll(async () => {
    vault = await startFakeVault();
    for (const alg of ['ecdsa-p256', 'ecdsa-p384', 'rsa', 'ed25519'] as const) {
      const kp = generateKeyPair(alg);
      keys.set(alg, kp);
      vault.addKey(`signer-${alg}`, kp.publicKey);
    }
    home = mkdtempSync(path.join(tmpdir(), 'vault-home-'));
  });
  afterAll(async () => {
    await vault.close();
    rmSync(home, { recursive: true, force: true });
  });

  it.each<[KeyAlgorithm]>([['ecdsa-p256'], ['ecdsa-p384'], ['rsa'], ['ed25519']])(
    'loads the latest %s public key with VAULT_ADDR and VAULT_TOKEN',
    async (alg) => {
      const kp = keys.get(alg)!;
      const ref = `hashivault://signer-${alg}`;
      const key = await loadKey(ref, { env: vault.env });
      expect(key.keyRef).toBe(ref);
      expect(key.algorithm).toBe(alg);
      expect(key.keyID).toBe(keyIdOf(kp));
      expect(vault.requests.at(-1)).toMatchObject({
        method: 'GET',
        path: `/v1/transit/keys/signer-${alg}`,
        token: vault.token,
        status: 200,
      });
    },
  );

  it('uses the latest version of a rotated key', async () => {
    const old = generateKeyPair();
    const current = generateKeyPair();
    vault.addKey('rotated', current.publicKey, {
      olderVersions: [old.publicKey, generateKeyPair().publicKey],
    });
    expect((await loadKey('hashivault://rotated', { env: vault.env })).keyID).toBe(
      keyIdOf(current),
    );
  });

  it('honours TRANSIT_SECRET_ENGINE_PATH and VAULT_NAMESPACE', async () => {
    const custom = await startFakeVault({ mount: 'team/transit' });
    try {
      const kp = generateKeyPair();
      custom.addKey('release', kp.publicKey);
      const env = {
        ...custom.env,
        TRANSIT_SECRET_ENGINE_PATH: '/team/transit/',
        VAULT_NAMESPACE: 'ns1',
      };
      expect((await loadKey('hashivault://release', { env })).keyID).toBe(keyIdOf(kp));
      expect(custom.requests.at(-1)).toMatchObject({
        path: '/v1/team/transit/keys/release',
        namespace: 'ns1',
      });
    } finally {
      await custom.close();
    }
  });

  it('reads the token from ~/.vault-token when VAULT_TOKEN is unset', async () => {
    writeFileSync(path.join(home, '.vault-token'), `${vault.token}\n`);
    const key = await loadKey('hashivault://signer-ed25519', {
      env: { VAULT_ADDR: vault.url, HOME: home },
    });
    expect(key.keyID).toBe(keyIdOf(keys.get('ed25519')!));
  });

  it("reports a wrong token (403) as KEY_UNREADABLE with Vault's reason", async () => {
    const e = await rejection(
      loadKey('hashivault://signer-ecdsa-p256', {
        env: { ...vault.env, VAULT_TOKEN: 'hvs.wrong' },
      }),
    );
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toBe(
      'key hashivault://signer-ecdsa-p256: Vault denied reading transit key "signer-ecdsa-p256" at transit (403: permission denied)',
    );
  });

  it('reports an unknown key (404) as KEY_UNREADABLE', async () => {
    const e = await rejection(loadKey('hashivault://nope', { env: vault.env }));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toBe(
      'key hashivault://nope: Vault has no transit key "nope" at mount transit (404)',
    );
  });

  it('reports an unreachable Vault as KEY_UNREADABLE naming the address', async () => {
    const port = await closedPort();
    const e = await rejection(
      loadKey('hashivault://k', {
        env: { VAULT_ADDR: `http://127.0.0.1:${port}`, VAULT_TOKEN: 't' },
      }),
    );
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toBe(
      `key hashivault://k: cannot reach Vault at http://127.0.0.1:${port} (ECONNREFUSED)`,
    );
  });

  it('gives up on a Vault that never answers after VAULT_CLIENT_TIMEOUT', async () => {
    const silent = await silentServer();
    try {
      const env = {
        VAULT_ADDR: `http://127.0.0.1:${silent.port}`,
        VAULT_TOKEN: 't',
        VAULT_CLIENT_TIMEOUT: '0.3',
      };
      const e = await rejection(loadKey('hashivault://k', { env }));
      expect(e.code).toBe('KEY_UNREADABLE');
      expect(e.message).toMatch(/did not answer within 300 ms/);
    } finally {
      await silent.close();
    }
  });

  it('refuses a symmetric transit key, which has no public key', async () => {
    vault.addSymmetricKey('aes');
    const e = await rejection(loadKey('hashivault://aes', { env: vault.env }));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toMatch(/type aes256-gcm96\) has no public key for version 1/);
  });

  it('follows a redirect to another host without the token, and takes no key from there', async () => {
    const seen: (string | undefined)[] = [];
    const target: Server = createServer((req, res) => {
      seen.push(req.headers['x-vault-token'] as string | undefined);
      res.end('{}');
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    const targetPort = (target.address() as AddressInfo).port;
    const redirector: Server = createServer((req, res) => {
      res.writeHead(307, { location: `http://localhost:${targetPort}${req.url ?? '/'}` }).end();
    });
    await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
    try {
      const env = {
        VAULT_ADDR: `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`,
        VAULT_TOKEN: 'secret',
      };
      const e = await rejection(loadKey('hashivault://k', { env }));
      expect(e.code).toBe('KEY_UNREADABLE');
      expect(e.message).toMatch(
        /redirected to http:\/\/localhost:\d+\/v1\/transit\/keys\/k \(HTTP 200 there\); the key is read from VAULT_ADDR's origin only/,
      );
      expect(seen).toEqual([undefined]);
    } finally {
      await new Promise<void>((r) => redirector.close(() => r()));
      await new Promise<void>((r) => target.close(() => r()));
    }
  });

  it.each<[string, Record<string, string>, string, RegExp]>([
    ['VAULT_ADDR unset', { VAULT_TOKEN: 't' }, 'hashivault://k', /VAULT_ADDR is not set/],
    [
      'no token anywhere',
      { VAULT_ADDR: 'http://127.0.0.1:1', HOME: '/nonexistent' },
      'hashivault://k',
      /VAULT_TOKEN is not set and there is no ~\/\.vault-token/,
    ],
    [
      'VAULT_ADDR not a URL',
      { VAULT_ADDR: 'vault:8200', VAULT_TOKEN: 't' },
      'hashivault://k',
      /VAULT_ADDR "vault:8200" is not an http\(s\) URL/,
    ],
    [
      'a path-traversing key name',
      { VAULT_ADDR: 'http://127.0.0.1:1', VAULT_TOKEN: 't' },
      'hashivault://../sys/seal',
      /not a Vault reference/,
    ],
    [
      'a key name with a slash',
      { VAULT_ADDR: 'http://127.0.0.1:1', VAULT_TOKEN: 't' },
      'hashivault://a/b',
      /not a Vault reference/,
    ],
    [
      'a traversing mount path',
      {
        VAULT_ADDR: 'http://127.0.0.1:1',
        VAULT_TOKEN: 't',
        TRANSIT_SECRET_ENGINE_PATH: 'transit/../sys',
      },
      'hashivault://k',
      /TRANSIT_SECRET_ENGINE_PATH "transit\/\.\.\/sys" is not a mount path/,
    ],
  ])('refuses %s as KEY_UNREADABLE before any request', async (_name, env, ref, why) => {
    const before = vault.requests.length;
    const e = await rejection(loadKey(ref, { env }));
    expect(e.code).toBe('KEY_UNREADABLE');
    expect(e.message).toMatch(why);
    expect(vault.requests.length).toBe(before);
  });

  it('refuses plain HTTP to a non-loopback Vault as INSECURE', async () => {
    const e = await rejection(
      loadKey('hashivault://k', {
        env: { VAULT_ADDR: 'http://vault.example.com:8200', VAULT_TOKEN: 't' },
      }),
    );
    expect(e.code).toBe('INSECURE');
    expect(e.message).toContain('VAULT_ADDR http://vault.example.com:8200 is plain HTTP');
  });
});
