// Credentials written into a URL input (user info, a token or pre-signed signature in the query)
// never reach a message, a result's reason or the report: the revocation list's source (flag,
// input or policy file) and the TUF mirror. Review round (edges): both were echoed verbatim.
import { generateKeyPairSync, createPublicKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { parseTufMirror } from '../../src/core/options.js';
import { loadRevocations, shownSource } from '../../src/core/revocation/load.js';
import { signedBundle } from '../../src/core/revocation/sign.js';
import { readInputs } from '../../src/action/inputs.js';
import { parseCommand } from '../../src/cli/args.js';
import { describeTrustedRootSource, loadTrustedRoot } from '../../src/core/trust/root.js';
import { fetchVaultPublicKey } from '../../src/core/trust/vault.js';

const SECRETS = ['hunter2pass', 'glpat-SECRETTOKEN123', 'AMZSIGNATURE0123'];
const noSecret = (text: string): void => {
  for (const s of SECRETS) expect(text).not.toContain(s);
};

describe('a revocation list URL with credentials', () => {
  let server: Server;
  let base: string;
  let pub: string;
  const D = `sha256:${'b'.repeat(64)}`;
  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'url-credentials-'));
    const k = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    pub = path.join(dir, 'list.pub');
    await writeFile(pub, k.publicKey.export({ type: 'spki', format: 'pem' }));
    const spki = createPublicKey(k.privateKey).export({ type: 'spki', format: 'der' });
    const list = (expires: string) =>
      Buffer.from(
        JSON.stringify({
          version: 3,
          issued: '2026-01-01T00:00:00Z',
          expires,
          entries: [{ kind: 'digest', digest: D, reason: 'bad' }],
        }),
      );
    const files: Record<string, Buffer> = {
      '/good.json': list('2999-01-01T00:00:00Z'),
      '/expired.json': list('2026-01-02T00:00:00Z'),
      '/bad.json': Buffer.from('{'),
    };
    for (const [p, b] of Object.entries({ ...files }))
      files[`${p}.sigstore.json`] = Buffer.from(
        JSON.stringify(signedBundle(b, k.privateKey, spki)),
      );
    server = createServer((req, res) => {
      const body = files[new URL(req.url ?? '/', 'http://x').pathname];
      res.writeHead(body ? 200 : 404).end(body ?? 'no');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const query = '?private_token=glpat-SECRETTOKEN123&X-Amz-Signature=AMZSIGNATURE0123';

  it('the report names the list without its query values', async () => {
    const got = await loadRevocations({ source: `${base}/good.json${query}`, key: pub });
    noSecret(JSON.stringify(got.summary));
    noSecret(got.list.source);
    expect(got.summary.source).toBe(`${base}/good.json?private_token=***&X-Amz-Signature=***`);
  });

  it.each([
    ['user info', (b: string) => `${b.replace('http://', 'http://deploy:hunter2pass@')}/good.json`],
    ['a token in the query, 404', (b: string) => `${b}/missing.json${query}`],
    ['a token in the query, not JSON', (b: string) => `${b}/bad.json${query}`],
    ['a token in the query, expired', (b: string) => `${b}/expired.json${query}`],
    ['a token in the query, no signer', (b: string) => `${b}/good.json${query}`],
    ['a URL that does not parse', () => `https://deploy:hunter2pass@[::1/l.json${query}`],
  ])('%s: refused, the credential not quoted', async (name, make) => {
    const spec = name.includes('no signer')
      ? { source: make(base) }
      : { source: make(base), key: pub };
    const e = await loadRevocations(spec).then(
      () => undefined,
      (x: unknown) => x as GateError,
    );
    expect(e).toBeInstanceOf(GateError);
    expect(e?.code).toBe('REVOCATION_LIST');
    noSecret(e?.message ?? '');
    expect(e?.message).toMatch(/^revocations[: ]/);
  });

  it('a file path is shown as given', () => {
    expect(shownSource('lists/r.json')).toBe('lists/r.json');
  });
});

describe('a TUF mirror URL with credentials is refused without quoting them', () => {
  const url = 'https://deploy:hunter2pass@tuf.example/repo';
  it('the parser', () => {
    let e: unknown;
    try {
      parseTufMirror('tuf-mirror', url);
    } catch (x: unknown) {
      e = x;
    }
    expect(e).toBeInstanceOf(GateError);
    expect((e as GateError).message).toMatch(/^tuf-mirror: .*tuf\.example.*credentials/);
    noSecret((e as GateError).message);
  });
  it('the Action input and the CLI flag', () => {
    const inputs: Record<string, string> = { images: 'nginx:1', 'tuf-mirror': url, key: 'k.pub' };
    expect(() => readInputs((n) => inputs[n] ?? '', {})).toThrow(/tuf-mirror: .*credentials/);
    expect(() => parseCommand(['verify', '--tuf-mirror', url, '--key', 'k', 'nginx:1'])).toThrow(
      /--tuf-mirror: .*credentials/,
    );
  });
});

describe('a TUF mirror with a token in its query, and VAULT_ADDR with credentials', () => {
  const query = '?private_token=glpat-SECRETTOKEN123';
  it('a mirror that cannot be reached: the failure names it without the token', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'url-credentials-tuf-'));
    const tufMirrorUrl = `http://127.0.0.1:9/repo${query}`;
    const e = await loadTrustedRoot({ tufMirrorUrl, cacheDir, fetchRetries: 0 }).then(
      () => undefined,
      (x: unknown) => x as GateError,
    );
    expect(e).toBeInstanceOf(GateError);
    expect(e?.message).toContain('http://127.0.0.1:9/repo?private_token=***');
    noSecret(e?.message ?? '');
    noSecret(describeTrustedRootSource({ tufMirrorUrl }));
  });

  it.each([
    ['user info over plain HTTP to another host', 'http://deploy:hunter2pass@vault.example:8200'],
    ['user info in a URL that does not parse', 'https://deploy:hunter2pass@[::1:8200'],
    ['a token in the query of a non-http URL', `ftp://vault.example/${query}`],
  ])('%s: refused, the credential not quoted', async (_name, addr) => {
    const e = await fetchVaultPublicKey('hashivault://signer', {
      env: { VAULT_ADDR: addr, VAULT_TOKEN: 'hvs.x' },
    }).then(
      () => undefined,
      (x: unknown) => x as GateError,
    );
    expect(e).toBeInstanceOf(GateError);
    expect(e?.message).toContain('VAULT_ADDR');
    noSecret(e?.message ?? '');
  });
});
