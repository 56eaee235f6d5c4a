// The Vault key source's secrets stay in: a redirect's Location (followed or refused under
// net/fetch.ts rules) is quoted without its credentials, query values or the token, and a token from ~/.vault-token is a run secret (redacted, and
// handed to the Action's setSecret through the registry) just as VAULT_TOKEN is.
import { createServer, type Server } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../../src/core/gate.js';
import { baseOptions } from '../../src/edge/options.js';
import { SecretRegistry } from '../../src/core/secrets.js';
import { fetchVaultPublicKey } from '../../src/core/trust/vault.js';

const TOKEN = 'hvs.CAESIfileTokenOfTheVaultCli0123456789';
let server: Server;
let addr: string;
let location = '';

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(307, { location }).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  addr = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('a Vault redirect', () => {
  it.each([
    [
      'userinfo',
      () => 'https://admin:s3cretPw@vault-2.internal:8200/v1/transit/keys/k',
      /carries credentials in its URL/,
    ],
    [
      'a token in the query',
      () => `http://vault-2.internal/v1/x?token=${TOKEN}&X-Vault-Token=abc`,
      /uses plain http/,
    ],
    ['the token in the path', () => `http://vault-2.internal/${TOKEN}/v1/x`, /uses plain http/],
    [
      'a relative Location carrying the token',
      () => `/v1/sys/${TOKEN}?sig=abcdef`,
      /redirect loop at http:\/\/127\.0\.0\.1:\d+\/v1\/sys\/\*\*\*\?sig=\*\*\*/,
    ],
    [
      'the token in the path on another origin',
      () => `${addr.replace('127.0.0.1', 'localhost')}/${TOKEN}/v1/x`,
      /redirect loop at http:\/\/localhost:\d+\/\*\*\*\/v1\/x/,
    ],
  ])('is quoted without %s', async (_what, loc, why) => {
    location = loc();
    const err = await fetchVaultPublicKey('hashivault://k', {
      env: { VAULT_ADDR: addr, VAULT_TOKEN: TOKEN },
    }).then(
      () => new Error('resolved'),
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(why);
    for (const secret of [TOKEN, 's3cretPw', 'abcdef', 'abc&'])
      expect(err.message).not.toContain(secret);
  });

  it('names a Location that is not a URL as such', async () => {
    location = 'http://[not-a-host';
    const err = await fetchVaultPublicKey('hashivault://k', {
      env: { VAULT_ADDR: addr, VAULT_TOKEN: TOKEN },
    }).then(
      () => new Error('resolved'),
      (e: unknown) => e as Error,
    );
    expect(err.message).toMatch(/redirected to an invalid URL/);
  });
});

describe('~/.vault-token', () => {
  it('is a secret of the run when VAULT_TOKEN is unset, and only then', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'vault-home-'));
    await writeFile(path.join(home, '.vault-token'), `${TOKEN}\n`);
    const root = path.resolve(import.meta.dirname, '..', '..');
    const o = {
      ...baseOptions([`oci-layout://${root}/examples/layout:signed`]),
      keys: [path.join(root, 'examples/cosign.pub')],
      trustedRoot: path.join(root, 'examples/trusted_root.json'),
    };
    const fromFile = new SecretRegistry();
    const masked: string[] = [];
    fromFile.onAdd((f) => masked.push(f));
    await runGate(o, { env: { HOME: home }, secrets: fromFile });
    expect(fromFile.redact(`token ${TOKEN} here`)).not.toContain(TOKEN);
    expect(masked).toContain(TOKEN);

    const fromEnv = new SecretRegistry();
    await runGate(o, {
      env: { HOME: home, VAULT_TOKEN: 'hvs.other-token-in-env-0000' },
      secrets: fromEnv,
    });
    // The file is not what would be sent, so it is not read as a secret.
    expect(fromEnv.redact(TOKEN)).toBe(TOKEN);
  });
});
