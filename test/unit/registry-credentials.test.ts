// Credential selection: exact host[:port] only (GHSA-pf56), Docker Hub aliases, helpers, and the
// GitHub token for ghcr.io and nowhere else.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CredentialResolver,
  loadDockerConfig,
  parseDockerConfig,
  registryKeyMatches,
  runCredentialHelper,
} from '../../src/core/registry/credentials.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'image-gate-creds-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

async function configFile(config: unknown): Promise<string> {
  const p = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(p, JSON.stringify(config));
  return p;
}

describe('registryKeyMatches', () => {
  it.each([
    ['ghcr.io', 'ghcr.io', true],
    ['https://ghcr.io', 'ghcr.io', true],
    ['https://ghcr.io/v2/', 'ghcr.io', true],
    ['GHCR.IO', 'ghcr.io', true],
    ['ghcr.io.evil.com', 'ghcr.io', false],
    ['evil-ghcr.io', 'ghcr.io', false],
    ['https://ghcr.io.evil.com/', 'ghcr.io', false],
    ['ghcr.io:443', 'ghcr.io', true],
    ['localhost:5000', 'localhost:5000', true],
    ['localhost:5001', 'localhost:5000', false],
    ['localhost', 'localhost:5000', false],
    ['https://index.docker.io/v1/', 'docker.io', true],
    ['https://index.docker.io/v1/', 'registry-1.docker.io', true],
    ['docker.io', 'index.docker.io', true],
    ['https://user@ghcr.io', 'ghcr.io', false],
    ['', 'ghcr.io', false],
  ])('key %j names host %j: %s', (key, host, expected) => {
    expect(registryKeyMatches(key, host)).toBe(expected);
  });
});

describe('CredentialResolver', () => {
  it('selects no credential for ghcr.io when the config only has look-alike hosts', async () => {
    const path = await configFile({
      auths: {
        'ghcr.io.evil.com': { auth: b64('evil:one') },
        'evil-ghcr.io': { auth: b64('evil:two') },
        'https://ghcr.io.evil.com/v2/': { auth: b64('evil:three') },
      },
    });
    expect(
      await new CredentialResolver({ dockerConfigPath: path }).resolve('ghcr.io'),
    ).toBeUndefined();
  });

  it('reads auths entries written as host, https://host and user/password fields', async () => {
    const path = await configFile({
      auths: {
        'https://registry.example.com': { auth: b64('alice:pa:ss') },
        'other.example.com:5000': { username: 'bob', password: 'pw' },
        'https://index.docker.io/v1/': { auth: b64('hub:token') },
      },
    });
    const r = new CredentialResolver({ dockerConfigPath: path });
    expect(await r.resolve('registry.example.com')).toMatchObject({
      username: 'alice',
      password: 'pa:ss',
    });
    expect(await r.resolve('other.example.com:5000')).toMatchObject({
      username: 'bob',
      password: 'pw',
    });
    expect(await r.resolve('other.example.com')).toBeUndefined();
    expect(await r.resolve('docker.io')).toMatchObject({ username: 'hub', password: 'token' });
  });

  it('prefers explicit credentials over the docker config', async () => {
    const path = await configFile({ auths: { 'ghcr.io': { auth: b64('cfg:cfg') } } });
    const r = new CredentialResolver({
      dockerConfigPath: path,
      credentials: [{ registry: 'https://ghcr.io', username: 'in', password: 'put' }],
    });
    expect(await r.resolve('ghcr.io')).toMatchObject({
      username: 'in',
      password: 'put',
      source: 'explicit credentials',
    });
  });

  it('uses the GitHub token for ghcr.io exactly and for no other host', async () => {
    const path = await configFile({});
    const r = new CredentialResolver({ dockerConfigPath: path, githubToken: 'ghs_secret' });
    expect(await r.resolve('ghcr.io')).toMatchObject({ password: 'ghs_secret' });
    for (const host of [
      'ghcr.io.evil.com',
      'evil-ghcr.io',
      'docker.pkg.github.com',
      'ghcr.io:8443',
      'registry.example.com',
    ]) {
      expect(await r.resolve(host), host).toBeUndefined();
    }
  });

  it('asks credHelpers[host] first, then credsStore, passing the server URL', async () => {
    const calls: string[] = [];
    const path = await configFile({
      credHelpers: { 'registry.example.com': 'special' },
      credsStore: 'desktop',
      auths: { 'https://index.docker.io/v1/': {} },
    });
    const r = new CredentialResolver({
      dockerConfigPath: path,
      runHelper: (helper, url) => {
        calls.push(`${helper} ${url}`);
        return Promise.resolve(
          helper === 'special' ? JSON.stringify({ Username: 'sp', Secret: 'one' }) : undefined,
        );
      },
    });
    expect(await r.resolve('registry.example.com')).toMatchObject({
      username: 'sp',
      password: 'one',
    });
    expect(await r.resolve('docker.io')).toBeUndefined();
    expect(calls).toEqual(['special registry.example.com', 'desktop https://index.docker.io/v1/']);
  });

  it('treats a missing default config as no config but a missing explicit path as a usage error', async () => {
    const none = new CredentialResolver({ env: { DOCKER_CONFIG: join(dir, 'nope') } });
    expect(await none.resolve('ghcr.io')).toBeUndefined();
    const explicit = new CredentialResolver({ dockerConfigPath: join(dir, 'nope.json') });
    await expect(explicit.resolve('ghcr.io')).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('rejects a credential helper name that could escape the docker-credential- prefix', async () => {
    const path = await configFile({ credsStore: '../../bin/sh' });
    await expect(
      new CredentialResolver({ dockerConfigPath: path }).resolve('x.example'),
    ).rejects.toMatchObject({ code: 'USAGE' });
  });
});

// A config `docker` refuses is refused whole (not skipped, which would pull anonymously), with
// the file and the key named and no value quoted; one it reads is read.
describe('parseDockerConfig', () => {
  const P = '/home/u/.docker/config.json';
  it.each([
    ['not JSON', '{"auths": {', 'not JSON'],
    ['a JSON array', '[]', 'not a JSON object'],
    ['a JSON string', '"auths"', 'not a JSON object'],
    ['auths a string', '{"auths": "ghcr.io"}', 'auths is not an object'],
    ['auths a list', '{"auths": [{"auth": "dTpw"}]}', 'auths is not an object'],
    [
      'an auths entry a string',
      '{"auths": {"ghcr.io": "dTpw"}}',
      'auths["ghcr.io"] is not an object',
    ],
    [
      'auth not base64',
      '{"auths": {"ghcr.io": {"auth": "%%%s3cr3t"}}}',
      'auths["ghcr.io"].auth is not base64 of user:password',
    ],
    [
      'auth base64 without a colon',
      `{"auths": {"ghcr.io": {"auth": "${b64('s3cr3t')}"}}}`,
      '.auth is not base64 of user:password',
    ],
    [
      'auth base64 with no user',
      `{"auths": {"ghcr.io": {"auth": "${b64(':s3cr3t')}"}}}`,
      '.auth is not base64 of user:password',
    ],
    [
      'auth unpadded base64',
      `{"auths": {"ghcr.io": {"auth": "${b64('u:s3cr3t').replace(/=+$/, '')}"}}}`,
      '.auth is not base64',
    ],
    [
      'auth a number',
      '{"auths": {"ghcr.io": {"auth": 42}}}',
      'auths["ghcr.io"].auth is not a string',
    ],
    [
      'password a number',
      '{"auths": {"h:5000": {"username": "u", "password": 1}}}',
      'auths["h:5000"].password is not a string',
    ],
    ['credHelpers a list', '{"credHelpers": ["ecr-login"]}', 'credHelpers is not an object'],
    [
      'a credHelpers value a number',
      '{"credHelpers": {"ghcr.io": 1}}',
      'credHelpers["ghcr.io"] is not a credential helper name',
    ],
    [
      'a credHelpers value a path',
      '{"credHelpers": {"ghcr.io": "../../bin/sh"}}',
      'credHelpers["ghcr.io"] is not a credential helper name',
    ],
    [
      'credsStore a path',
      '{"credsStore": "../../bin/sh"}',
      'credsStore is not a credential helper name',
    ],
    ['credsStore an object', '{"credsStore": {}}', 'credsStore is not a credential helper name'],
  ])('refuses %s, naming the file and the key', (_name, text, said) => {
    let err: unknown;
    try {
      parseDockerConfig(text, P);
    } catch (e: unknown) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'USAGE' });
    const message = (err as Error).message;
    expect(message).toContain(`docker config ${P}: `);
    expect(message).toContain(said);
    expect(message).not.toContain('s3cr3t');
  });

  it('reads what docker reads: padded auth, extra fields, empty and null parts', () => {
    const cfg = parseDockerConfig(
      JSON.stringify({
        auths: {
          'ghcr.io': { auth: b64('u:p'), email: 'u@example.com' },
          'https://index.docker.io/v1/': {},
          'quay.io': { auth: '', identitytoken: 'tok' },
          'h:5000': { username: 'u', password: 'p', auth: null },
        },
        credHelpers: { 'x.example': 'ecr-login' },
        credsStore: '',
        psFormat: 'table',
        HttpHeaders: { 'User-Agent': 'x' },
      }),
      P,
    );
    expect(Object.keys(cfg.auths ?? {})).toHaveLength(4);
    expect(cfg.credHelpers).toEqual({ 'x.example': 'ecr-login' });
    expect(cfg.credsStore).toBeUndefined();
    expect(parseDockerConfig('{"auths": null, "credHelpers": null}', P)).toEqual({});
  });
});

describe('loadDockerConfig', () => {
  it('is no config when the default file is missing, an error naming it otherwise', async () => {
    expect(await loadDockerConfig(undefined, { DOCKER_CONFIG: join(dir, 'nope') })).toEqual({});
    await expect(loadDockerConfig(join(dir, 'nope.json'))).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringContaining(join(dir, 'nope.json')) as string,
    });
    // DOCKER_CONFIG naming a file (config.json under it cannot exist) or config.json a directory.
    const file = await configFile({});
    await expect(loadDockerConfig(undefined, { DOCKER_CONFIG: file })).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringContaining(
        `docker config ${join(file, 'config.json')}: cannot read`,
      ) as string,
    });
    const asDir = join(dir, 'dir-config');
    await mkdir(join(asDir, 'config.json'), { recursive: true });
    await expect(loadDockerConfig(undefined, { DOCKER_CONFIG: asDir })).rejects.toMatchObject({
      message: expect.stringContaining(
        `docker config ${join(asDir, 'config.json')}: cannot read`,
      ) as string,
    });
  });

  it.skipIf(process.getuid?.() === 0)(
    'refuses a config it may not read (not as root)',
    async () => {
      const p = await configFile({});
      await chmod(p, 0o000);
      await expect(loadDockerConfig(p)).rejects.toMatchObject({
        code: 'USAGE',
        message: expect.stringContaining(`docker config ${p}: cannot read`) as string,
      });
    },
  );
});

describe('runCredentialHelper (real docker-credential-* protocol)', () => {
  it('sends the server URL on stdin and reads Username/Secret; "not found" means none', async () => {
    const bin = join(dir, 'bin');
    await import('node:fs/promises').then((fs) => fs.mkdir(bin, { recursive: true }));
    const script = join(bin, 'docker-credential-imagegatetest');
    await writeFile(
      script,
      '#!/bin/sh\nread url\nif [ "$1" = get ] && [ "$url" = registry.example.com ]; then echo \'{"ServerURL":"registry.example.com","Username":"u","Secret":"s3cret"}\'; exit 0; fi\necho "credentials not found in native keychain"; exit 1\n',
    );
    await chmod(script, 0o755);
    const oldPath = process.env.PATH;
    process.env.PATH = `${bin}:${oldPath ?? ''}`;
    try {
      expect(
        JSON.parse((await runCredentialHelper('imagegatetest', 'registry.example.com'))!),
      ).toMatchObject({ Secret: 's3cret' });
      expect(await runCredentialHelper('imagegatetest', 'other.example.com')).toBeUndefined();
      await expect(runCredentialHelper('doesnotexist', 'x')).rejects.toMatchObject({
        code: 'AUTH_REFUSED',
      });
    } finally {
      process.env.PATH = oldPath;
    }
  });
});
