// The bundles' node:http2 stand-in (scripts/lazy-http2.mjs), as built: a plain-HTTP run never
// loads node:http2 (nor node:tls), and a registry that negotiates h2 over TLS is still spoken to
// over HTTP/2 through it.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createSecureServer, type Http2SecureServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, runCli } from '../helpers/run-dist.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const KEY = path.join(ROOT, 'examples/cosign.pub');
const ROOT_FILE = path.join(ROOT, 'examples/trusted_root.json');
const NOT_FOUND = '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}';
/** Prints the builtins a process loaded, at its exit, on stderr. */
const LOADED_HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    'process.on("exit",()=>process.stderr.write("\\nLOADED="+process.moduleLoadList.filter(m=>m.startsWith("NativeModule ")).map(m=>m.slice(13)).join(",")+"\\n"))',
  );
const loaded = (stderr: string): string[] =>
  (/LOADED=(.*)/.exec(stderr)?.[1] ?? '').split(',').filter(Boolean);

let tmp: string;
let plain: Server;
let plainHost: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'dist-http2-'));
  plain = createHttpServer((_req, res) => {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(NOT_FOUND);
  });
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  plainHost = `127.0.0.1:${(plain.address() as AddressInfo).port}`;
});
afterAll(async () => {
  plain.closeAllConnections();
  await new Promise((r) => plain.close(r));
  await rm(tmp, { recursive: true, force: true });
});

describe('node:http2 in the bundles', () => {
  it('is not loaded by a plain-HTTP run of dist/cli.js, nor is node:tls', async () => {
    const ran = await runCli(
      ['verify', '--trusted-root', ROOT_FILE, '--key', KEY, `${plainHost}/app:1`],
      {
        NODE_OPTIONS: `--import=${LOADED_HOOK}`,
      },
    );
    expect(ran.stderr).toContain('LOADED=');
    // The request was made and answered: the image is reported missing, a failure (exit 1).
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(/image not found/);
    const mods = loaded(ran.stderr);
    expect(mods).toContain('http');
    expect(mods).not.toContain('http2');
    expect(mods).not.toContain('tls');
  });

  it('is not loaded by a plain-HTTP run of the Action (dist/index.js)', async () => {
    const ran = await runAction(
      { images: `${plainHost}/app:1`, key: KEY, 'trusted-root': ROOT_FILE, summary: 'false' },
      { NODE_OPTIONS: `--import=${LOADED_HOOK}` },
    );
    expect(ran.code).toBe(1);
    const mods = loaded(ran.stderr);
    expect(mods).toContain('http');
    expect(mods).not.toContain('http2');
  });

  // A registry is spoken to over https unless it is loopback (or listed insecure), so the h2
  // server listens on one of this machine's own non-loopback addresses.
  const address = Object.values(networkInterfaces())
    .flat()
    .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;
  it.skipIf(address === undefined)(
    'still speaks HTTP/2 to a TLS registry that negotiates h2',
    async () => {
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
          '-days',
          '2',
          '-subj',
          '/CN=h2.test',
          '-addext',
          `subjectAltName=IP:${address}`,
          '-keyout',
          path.join(tmp, 'key.pem'),
          '-out',
          path.join(tmp, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const versions: string[] = [];
      const server: Http2SecureServer = createSecureServer(
        {
          key: await readFile(path.join(tmp, 'key.pem')),
          cert: await readFile(path.join(tmp, 'cert.pem')),
          allowHTTP1: true,
        },
        (req, res) => {
          versions.push(`${req.httpVersion} ${req.method} ${req.url}`);
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(NOT_FOUND);
        },
      );
      await new Promise<void>((r) => server.listen(0, address, r));
      const host = `${address}:${(server.address() as AddressInfo).port}`;
      await writeFile(path.join(tmp, 'ca.pem'), await readFile(path.join(tmp, 'cert.pem')));
      try {
        const ran = await runCli(
          ['verify', '--trusted-root', ROOT_FILE, '--key', KEY, `${host}/app:1`],
          {
            NODE_EXTRA_CA_CERTS: path.join(tmp, 'ca.pem'),
            NODE_OPTIONS: `--import=${LOADED_HOOK}`,
          },
        );
        expect(ran.stdout).toMatch(/image not found/);
        expect(ran.code).toBe(1);
        expect(versions.length).toBeGreaterThan(0);
        expect(versions.every((v) => v.startsWith('2.0 GET /v2/app/manifests/1'))).toBe(true);
        expect(loaded(ran.stderr)).toContain('http2');
      } finally {
        server.close();
      }
    },
  );
});
