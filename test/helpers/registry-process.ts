// Starts Debian's docker-registry (distribution 2.8) on a free loopback port with a temp storage
// dir, optionally behind htpasswd or real token auth (with an in-test token issuer), for tests.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createPrivateKey, randomBytes, sign } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REGISTRY_BIN = '/usr/bin/docker-registry';

export type RegistryAuthMode = 'none' | 'htpasswd' | 'token';

export interface StartedRegistry {
  /** `127.0.0.1:PORT`, what an image reference starts with. */
  host: string;
  /** `http://127.0.0.1:PORT`. */
  url: string;
  auth: RegistryAuthMode;
  /** Valid credentials for htpasswd/token modes (pull+push); undefined for 'none'. */
  username?: string;
  password?: string;
  /**
   * Token mode: the issuer's realm URL, every request it received, and the identity token (an
   * OAuth2 refresh token, as in a Docker config's `identitytoken`) it accepts on POST.
   */
  token?: { realm: string; service: string; requests: TokenRequest[]; identityToken: string };
  storageDir: string;
  stop(): Promise<void>;
}

export interface TokenRequest {
  method: string;
  scope: string | null;
  service: string | null;
  /** The Authorization header the issuer received, if any. */
  authorization: string | undefined;
  /** POST (OAuth2): the form fields received. */
  form?: Record<string, string>;
}

/** Whether bcrypt for htpasswd can be made here (perl's crypt(3) via libxcrypt). */
export function canMakeBcrypt(): boolean {
  try {
    return bcrypt('probe').startsWith('$2');
  } catch {
    return false;
  }
}

/** Whether docker-registry is installed; integration tests skip (with a reason) when not. */
export const registryAvailable = existsSync(REGISTRY_BIN);

/**
 * Starts a registry. `auth: 'htpasswd'` uses bcrypt from perl's crypt(3); `'token'` runs a
 * token issuer on another loopback port signing ES256 JWTs with a throwaway self-signed cert.
 */
export async function startRegistry(
  opts: { auth?: RegistryAuthMode } = {},
): Promise<StartedRegistry> {
  const auth = opts.auth ?? 'none';
  const dir = await mkdtemp(join(tmpdir(), 'image-gate-registry-'));
  const storageDir = join(dir, 'storage');
  const username = 'tester';
  const password = randomBytes(9).toString('base64url');
  let authYaml = '';
  let issuer:
    | {
        server: Server;
        realm: string;
        service: string;
        requests: TokenRequest[];
        identityToken: string;
      }
    | undefined;
  try {
    if (auth === 'htpasswd') {
      await writeFile(join(dir, 'htpasswd'), `${username}:${bcrypt(password)}\n`);
      authYaml = `auth:\n  htpasswd:\n    realm: image-gate-test\n    path: ${join(dir, 'htpasswd')}\n`;
    } else if (auth === 'token') {
      issuer = await startTokenIssuer(dir, username, password);
      authYaml =
        `auth:\n  token:\n    realm: ${issuer.realm}\n    service: ${issuer.service}\n` +
        `    issuer: image-gate-test-issuer\n    rootcertbundle: ${join(dir, 'token-cert.pem')}\n`;
    }
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const config = join(dir, 'config.yml');
      await writeFile(
        config,
        `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\n` +
          `storage:\n  filesystem:\n    rootdirectory: ${storageDir}\n  cache:\n    blobdescriptor: inmemory\n  delete:\n    enabled: true\n` +
          `http:\n  addr: 127.0.0.1:${port}\n  secret: ${randomBytes(16).toString('hex')}\n${authYaml}`,
      );
      const child = spawn(REGISTRY_BIN, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => {
        if (stderr.length < 8192) stderr += b.toString();
      });
      const url = `http://127.0.0.1:${port}`;
      const ready = await waitReady(url, child);
      if (!ready) {
        await kill(child);
        if (attempt < 3) continue; // the port was taken between probe and bind
        throw new Error(`docker-registry did not start: ${stderr.slice(0, 2000)}`);
      }
      const tokenIssuer = issuer;
      return {
        host: `127.0.0.1:${port}`,
        url,
        auth,
        ...(auth !== 'none' ? { username, password } : {}),
        ...(tokenIssuer
          ? {
              token: {
                realm: tokenIssuer.realm,
                service: tokenIssuer.service,
                requests: tokenIssuer.requests,
                identityToken: tokenIssuer.identityToken,
              },
            }
          : {}),
        storageDir,
        async stop() {
          await kill(child);
          if (tokenIssuer) await new Promise<void>((r) => tokenIssuer.server.close(() => r()));
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
  } catch (e: unknown) {
    if (issuer) issuer.server.close();
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

async function waitReady(url: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(`${url}/v2/`);
      await res.arrayBuffer();
      if (res.status === 200 || res.status === 401) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** bcrypt through perl's crypt(3): Debian's libxcrypt supports `$2b$`. Cost 5 keeps tests fast. */
function bcrypt(password: string): string {
  const salt = randomBytes(16)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '.')
    .slice(0, 22);
  const out = execFileSync(
    'perl',
    // `--`: a base64url password can start with `-`, which perl would take for a switch.
    ['-e', 'print crypt($ARGV[0], $ARGV[1])', '--', password, `$2b$05$${salt}`],
    { encoding: 'utf8' },
  );
  if (!out.startsWith('$2b$05$')) throw new Error('crypt(3) here has no bcrypt');
  return out;
}

/** A token issuer speaking distribution's token protocol: Basic creds in, signed JWT out. */
async function startTokenIssuer(dir: string, username: string, password: string) {
  const keyPath = join(dir, 'token-key.pem');
  const certPath = join(dir, 'token-cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-subj',
      '/CN=image-gate test token issuer',
      '-days',
      '2',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  const key = createPrivateKey(await readFile(keyPath));
  const certDer = pemToDer(await readFile(certPath, 'utf8'));
  const service = 'image-gate-test-registry';
  const requests: TokenRequest[] = [];
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const identityToken = randomBytes(24).toString('base64url');
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  // GET: Basic credentials in, JWT out (token.md). POST: the OAuth2 refresh_token grant
  // (oauth.md): grant_type, refresh_token, client_id and service in a form, no Authorization.
  const answer = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const oauth = req.method === 'POST';
    const form = oauth ? Object.fromEntries(new URLSearchParams(body)) : undefined;
    const scope = oauth ? (form!.scope ?? null) : u.searchParams.get('scope');
    requests.push({
      method: req.method ?? '',
      scope,
      service: oauth ? (form!.service ?? null) : u.searchParams.get('service'),
      authorization: req.headers.authorization,
      ...(form ? { form } : {}),
    });
    if (oauth) {
      const f = form!;
      const ok =
        req.headers['content-type'] === 'application/x-www-form-urlencoded' &&
        f.grant_type === 'refresh_token' &&
        f.refresh_token === identityToken &&
        f.service === service &&
        (f.client_id ?? '') !== '';
      if (!ok) {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_grant"}');
        return;
      }
    } else if (req.headers.authorization !== expected) {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end('{"errors":[{"code":"UNAUTHORIZED"}]}');
      return;
    }
    const access = (scope ?? '')
      .split(' ')
      .filter(Boolean)
      .map((s) => {
        const [type, ...rest] = s.split(':');
        const actions = rest.pop() ?? '';
        return { type, name: rest.join(':'), actions: actions.split(',') };
      });
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'ES256', x5c: [certDer.toString('base64')] };
    const claims = {
      iss: 'image-gate-test-issuer',
      sub: username,
      aud: service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomBytes(8).toString('hex'),
      access,
    };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const sig = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
    const token = `${input}.${sig.toString('base64url')}`;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(
        JSON.stringify(
          oauth
            ? { access_token: token, expires_in: 300, scope: scope ?? '' }
            : { token, expires_in: 300 },
        ),
      );
  };
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return { server, realm: `http://127.0.0.1:${port}/token`, service, requests, identityToken };
}

function b64url(s: string): string {
  return Buffer.from(s).toString('base64url');
}

function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}
