// Issue 10 item 7, the key sources' secrets: a Vault or KMS endpoint that quotes back the token
// it was sent (VAULT_TOKEN, ~/.vault-token, AWS_SESSION_TOKEN), through dist/cli.js and
// dist/index.js: no secret in stdout, stderr, the JSON report, the job summary or the outputs,
// and the Action masks the environment's secrets.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, runCli } from '../helpers/run-dist.js';

let echo: Server;
let url: string;

beforeAll(async () => {
  // Answers every request with an error quoting the credential headers it got, Vault style
  // (`errors`) and AWS JSON 1.1 style (`__type` and `message`).
  echo = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const vault = req.headers['x-vault-token'];
      if (typeof vault === 'string') {
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [`permission denied for token ${vault}`] }));
        return;
      }
      res.writeHead(400, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-errortype': 'AccessDeniedException',
      });
      res.end(
        JSON.stringify({
          __type: 'AccessDeniedException',
          message: `session ${String(req.headers['x-amz-security-token'])} is not allowed`,
        }),
      );
    });
  });
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => echo.close(() => r()));
});

const withoutMasks = (stdout: string): string =>
  stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

const IMAGE = '127.0.0.1:9/acme/app:v1';

interface Case {
  name: string;
  key: string;
  env: () => Promise<NodeJS.ProcessEnv>;
  secret: string;
  /** What the reason still says, so the test sees the server was reached. */
  says: string;
}

const VAULT_TOKEN = `hvs.${randomBytes(12).toString('hex')}`;
const FILE_TOKEN = `hvs.${randomBytes(12).toString('hex')}`;
const SESSION = `FwoGZX${randomBytes(24).toString('base64url')}`;
const TWO_LINE = `hvs.${randomBytes(6).toString('hex')}\n${randomBytes(6).toString('hex')}`;

const CASES: Case[] = [
  {
    name: 'a Vault quoting VAULT_TOKEN',
    key: 'hashivault://signer',
    env: () => Promise.resolve({ VAULT_ADDR: url, VAULT_TOKEN }),
    secret: VAULT_TOKEN,
    says: 'permission denied for token ***',
  },
  {
    name: 'a Vault quoting the token of ~/.vault-token',
    key: 'hashivault://signer',
    env: async () => {
      const home = await mkdtemp(path.join(tmpdir(), 'vault-home-'));
      await writeFile(path.join(home, '.vault-token'), `${FILE_TOKEN}\n`);
      return { VAULT_ADDR: url, HOME: home };
    },
    secret: FILE_TOKEN,
    says: 'permission denied for token ***',
  },
  {
    name: 'a VAULT_TOKEN no header can carry (fetch would quote it whole)',
    key: 'hashivault://signer',
    env: () => Promise.resolve({ VAULT_ADDR: url, VAULT_TOKEN: TWO_LINE }),
    secret: TWO_LINE.split('\n')[1],
    says: 'Vault token',
  },
  {
    name: 'a KMS endpoint quoting AWS_SESSION_TOKEN',
    key: 'awskms:///alias/signer',
    env: () =>
      Promise.resolve({
        AWS_ENDPOINT_URL_KMS: url,
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE12',
        AWS_SECRET_ACCESS_KEY: randomBytes(20).toString('base64'),
        AWS_SESSION_TOKEN: SESSION,
        AWS_MAX_ATTEMPTS: '1',
      }),
    secret: SESSION,
    says: 'AccessDeniedException',
  },
];

describe('key sources that echo their secrets', () => {
  it('the echo server really quotes the Vault token (the test can fail)', async () => {
    const res = await fetch(`${url}/v1/transit/keys/x`, { headers: { 'x-vault-token': 'abc' } });
    expect(await res.text()).toContain('abc');
  });

  it.each(CASES)('CLI, $name: text, JSON and --report carry no secret', async (c) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'key-echo-cli-'));
    const reportPath = path.join(dir, 'report.json');
    const env = await c.env();
    const text = await runCli(['verify', '--key', c.key, '--report', reportPath, IMAGE], env);
    const json = await runCli(['verify', '--key', c.key, '--output', 'json', IMAGE], env);
    expect(text.code).toBe(2);
    const report = await readFile(reportPath, 'utf8');
    expect(report).toContain(c.says);
    for (const t of [text.stdout, text.stderr, json.stdout, json.stderr, report])
      expect(t).not.toContain(c.secret);
  });

  it.each(CASES)('Action, $name: log, summary, report and outputs carry no secret', async (c) => {
    const run = await runAction({ images: IMAGE, key: c.key }, await c.env());
    expect(run.code).toBe(1);
    const report = await readFile(run.outputs['report-path'], 'utf8');
    expect(report).toContain(c.says);
    for (const t of [withoutMasks(run.stdout), run.stderr, run.summary, report])
      expect(t).not.toContain(c.secret);
    expect(JSON.stringify(run.outputs)).not.toContain(c.secret);
    if (c.secret === VAULT_TOKEN || c.secret === SESSION)
      expect(run.stdout).toContain(`::add-mask::${c.secret}`);
  });
});
