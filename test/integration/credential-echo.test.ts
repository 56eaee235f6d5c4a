// Issue 10 item 7: a registry or token service that quotes the credential back in a 401/403
// body. The real docker-registry in htpasswd mode behind a proxy that echoes the Authorization
// it was sent, and a fake token flow echoing the Bearer token, refresh token and Basic form,
// through dist/cli.js and dist/index.js: no secret in any form in stdout, stderr, the JSON
// report, the job summary, the log or GITHUB_OUTPUT; the Action masks every derived form.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, writePublicKey } from '../helpers/cosign-keys.js';
import { startFake, type FakeRegistry } from '../helpers/fake-registry.js';
import { pushImage } from '../helpers/oci-push.js';
import { startRegistry, type StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli, type Ran } from '../helpers/run-dist.js';
import { createTestSigstore } from '../helpers/test-sigstore.js';

const REPO = 'acme/app';
/** A configured secret with characters whose encodings differ from it. */
const WRONG_PASSWORD = `wrong ${randomBytes(6).toString('hex')}+/:"%é`;
const USER = 'tester';

/** Every form a server may quote a credential in. */
function forms(user: string, secret: string): string[] {
  const pair = Buffer.from(`${user}:${secret}`).toString('base64');
  return [
    secret,
    pair,
    pair.replace(/=+$/, ''),
    encodeURIComponent(secret),
    new URLSearchParams({ x: secret }).toString().slice(2),
  ];
}

/** The OCI error body a careless server writes: everything it received, in several encodings. */
function echoBody(authorization: string, extra = ''): string {
  const [scheme, value = ''] = authorization.split(' ');
  const decoded = scheme === 'Basic' ? Buffer.from(value, 'base64').toString('utf8') : value;
  const secret = decoded.slice(decoded.indexOf(':') + 1);
  return JSON.stringify({
    errors: [
      {
        code: 'UNAUTHORIZED',
        message:
          `you sent "${authorization}" (${decoded}); secret ${secret}, ` +
          `url ${encodeURIComponent(secret)}, form ${new URLSearchParams({ p: secret }).toString()}${extra}`,
      },
    ],
  });
}

let reg: StartedRegistry;
let proxy: Server;
let proxyHost: string;
let root: string;
let pub: string;
let dockerConfig: string;

beforeAll(async () => {
  reg = await startRegistry({ auth: 'htpasswd' });
  await pushImage(reg, REPO, 'v1');
  const ss = await createTestSigstore();
  const dir = await mkdtemp(path.join(tmpdir(), 'cred-echo-'));
  root = await ss.writeTrustedRoot(dir);
  pub = writePublicKey(dir, generateKeyPair(), 'cosign.pub');
  // Forwards to the real registry; a refused request gets its Authorization quoted back.
  proxy = createServer((req, res) => {
    void (async () => {
      const up = await fetch(`${reg.url}${req.url}`, {
        method: req.method,
        headers: Object.fromEntries(
          Object.entries(req.headers).filter(
            (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host',
          ),
        ),
      });
      const body = Buffer.from(await up.arrayBuffer());
      const headers: Record<string, string> = {};
      up.headers.forEach((v, k) => {
        if (k !== 'content-length' && k !== 'transfer-encoding') headers[k] = v;
      });
      const auth = req.headers.authorization;
      if ((up.status === 401 || up.status === 403) && auth) {
        res.writeHead(up.status, { ...headers, 'content-type': 'application/json' });
        res.end(echoBody(auth));
        return;
      }
      res.writeHead(up.status, headers);
      res.end(body);
    })().catch((e: unknown) => {
      res.writeHead(599);
      res.end(String(e));
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  proxyHost = `127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const cfgDir = path.join(dir, 'docker');
  await mkdir(cfgDir);
  await writeFile(
    path.join(cfgDir, 'config.json'),
    JSON.stringify({
      auths: {
        [proxyHost]: { auth: Buffer.from(`${USER}:${WRONG_PASSWORD}`).toString('base64') },
      },
    }),
  );
  dockerConfig = cfgDir;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
  await reg?.stop();
});

/** The log without the runner's own masking commands (which must carry the secrets). */
const withoutMasks = (stdout: string): string =>
  stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

function expectNoSecret(texts: string[], secrets: string[]): void {
  for (const t of texts) for (const s of secrets) expect(t).not.toContain(s);
}

async function cliRun(ref: string, env: NodeJS.ProcessEnv, extra: string[] = []): Promise<Ran> {
  return runCli(['verify', '--trusted-root', root, '--key', pub, ...extra, ref], env);
}

describe('real htpasswd registry behind a proxy that echoes Authorization', () => {
  const ref = () => `${proxyHost}/${REPO}:v1`;

  it('the proxy really echoes the credential (the test can fail)', async () => {
    const res = await fetch(`http://${proxyHost}/v2/`, {
      headers: { authorization: `Basic ${Buffer.from(`${USER}:x-y`).toString('base64')}` },
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('x-y');
  });

  it('CLI (docker config): text, JSON and --report carry *** instead of any form', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cred-echo-cli-'));
    const reportPath = path.join(dir, 'report.json');
    const text = await cliRun(ref(), { DOCKER_CONFIG: dockerConfig }, ['--report', reportPath]);
    const json = await cliRun(ref(), { DOCKER_CONFIG: dockerConfig }, ['--output', 'json']);
    expect(text.code).toBe(2);
    expect(json.code).toBe(2);
    expect(text.stdout).toContain('refused access (HTTP 401 (UNAUTHORIZED: you sent "***"');
    expectNoSecret(
      [text.stdout, text.stderr, json.stdout, json.stderr, await readFile(reportPath, 'utf8')],
      forms(USER, WRONG_PASSWORD),
    );
  });

  it('Action (inputs): log, summary, report and outputs carry ***; every form is masked', async () => {
    const run = await runAction({
      images: ref(),
      key: pub,
      'trusted-root': root,
      registry: proxyHost,
      'registry-username': USER,
      'registry-password': WRONG_PASSWORD,
    });
    expect(run.code).toBe(1);
    expect(run.summary).toContain('&#42;&#42;&#42;'); // *** as the summary escapes it
    const report = await readFile(run.outputs['report-path'], 'utf8');
    expectNoSecret(
      [withoutMasks(run.stdout), run.stderr, run.summary, report, JSON.stringify(run.outputs)],
      forms(USER, WRONG_PASSWORD),
    );
    const masked = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length));
    const b64 = Buffer.from(`${USER}:${WRONG_PASSWORD}`).toString('base64');
    expect(masked).toContain(b64);
    expect(masked).toContain(`Basic ${b64}`);
  });
});

describe('token flow that echoes the Bearer token, the refresh token and Basic', () => {
  const PASSWORD = `right-${randomBytes(8).toString('hex')}`;
  const TOKEN = `tok.${randomBytes(16).toString('base64url')}`;
  const REFRESH = `rt-${randomBytes(16).toString('hex')}`;
  let fake: FakeRegistry;
  let tokenServiceEchoes = false;

  beforeAll(async () => {
    fake = await startFake((req, res) => {
      const auth = req.headers.authorization;
      if (req.url?.startsWith('/token')) {
        if (tokenServiceEchoes) {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(echoBody(auth ?? 'none'));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ token: TOKEN, refresh_token: REFRESH, expires_in: 300 }));
        return;
      }
      if (!auth) {
        res.writeHead(401, {
          'www-authenticate': `Bearer realm="http://${fake.host}/token",service="fake"`,
          'content-type': 'application/json',
        });
        res.end('{"errors":[{"code":"UNAUTHORIZED","message":"login"}]}');
        return;
      }
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(echoBody(auth, `; refresh ${REFRESH}`));
    });
  });

  afterAll(async () => {
    await fake?.close();
  });

  const secrets = () => [TOKEN, REFRESH, ...forms(USER, PASSWORD)];

  it.each([
    ['the registry echoes the Bearer token it was sent', false],
    ['the token service echoes the Basic credentials it was sent', true],
  ])('%s: Action log, summary and report carry ***', async (_n, echoAtTokenService) => {
    tokenServiceEchoes = echoAtTokenService;
    const run = await runAction({
      images: `${fake.host}/${REPO}:v1`,
      key: pub,
      'trusted-root': root,
      registry: fake.host,
      'registry-username': USER,
      'registry-password': PASSWORD,
    });
    expect(run.code).toBe(1);
    expect(run.summary).toContain('&#42;&#42;&#42;'); // *** as the summary escapes it
    const report = await readFile(run.outputs['report-path'], 'utf8');
    expectNoSecret(
      [withoutMasks(run.stdout), run.stderr, run.summary, report, JSON.stringify(run.outputs)],
      secrets(),
    );
    if (!echoAtTokenService) {
      // Tokens obtained during the run are masked in the log too.
      expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
      expect(run.stdout).toContain(`::add-mask::${REFRESH}`);
    }
  });

  it('CLI with an identity token: the refresh token the POST carried is redacted', async () => {
    tokenServiceEchoes = true;
    const dir = await mkdtemp(path.join(tmpdir(), 'cred-echo-id-'));
    const identityToken = `idt-${randomBytes(12).toString('hex')}`;
    await writeFile(
      path.join(dir, 'config.json'),
      JSON.stringify({ auths: { [fake.host]: { identitytoken: identityToken } } }),
    );
    // The token service answers a POST too; it quotes what it got (the form, not a header).
    fake.handle((req, res) => {
      if (req.url?.startsWith('/token')) {
        let body = '';
        req.on('data', (b: Buffer) => (body += b.toString()));
        req.on('end', () => {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ code: 'DENIED', message: `bad grant: ${body}` }] }));
        });
        return;
      }
      res.writeHead(401, {
        'www-authenticate': `Bearer realm="http://${fake.host}/token",service="fake"`,
      });
      res.end();
    });
    const run = await cliRun(`${fake.host}/${REPO}:v1`, { DOCKER_CONFIG: dir }, [
      '--output',
      'json',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('bad grant');
    expectNoSecret([run.stdout, run.stderr], [identityToken]);
  });
});
