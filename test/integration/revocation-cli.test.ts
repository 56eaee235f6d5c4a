// Revocation lists (issue 14 item 4) through dist/cli.js and dist/index.js against a real
// docker-registry, the lists made and signed by `image-gate revoke` and served from a file and by
// a real node:http server on loopback: a revoked key, identity, digest, certificate and log entry
// fail with REVOKED naming the entry, the list version and its reason; a `since` after the
// signing time lets the signature stand; a list that is expired, unsigned, signed by another
// key, changed after signing, unreachable, 404 or oversized stops the run (exit 2, said once).
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from 'sigstore';
import type { Report } from '../../src/core/report.js';
import { loadRevocations } from '../../src/core/revocation/load.js';
import { identityToken, startMockSigstore } from '../helpers/sigstore-mock-services.js';
import { signedBundle } from '../../src/core/revocation/sign.js';
import {
  OCI_INDEX,
  descriptor,
  pushIndex,
  randomImage,
  signLegacy,
  signedImage,
  startSigningRegistry,
  type Image,
  type SigningRegistry,
} from '../helpers/images.js';
import { runAction, runCli, type Ran } from '../helpers/run-dist.js';
import type { KeySigner } from '../helpers/test-sigstore.js';

const IDENTITY = 'release@example.com';
const ISSUER = 'https://oidc.example';
const HOUR = 3_600_000;
// Signed an hour ago, on a whole second (the log's integrated time).
const at = new Date(Math.floor(Date.now() / 1000) * 1000 - HOUR);
const EXPIRES = new Date(Date.now() + 30 * 24 * HOUR).toISOString();

let s: SigningRegistry;
let signer: KeySigner;
let pub: string;
/** The list signer's private key (PKCS#8 PEM) and public key, and another key's. */
let listKey: string;
let listPub: string;
let otherKey: KeyObject;
let keyImg: Image;
let keylessImg: Image;
let server: Server;
let base: string;
let lists: string;
let closedPort: number;

function pem(k: KeyObject, type: 'private' | 'public'): string {
  return type === 'private'
    ? k.export({ type: 'pkcs8', format: 'pem' }).toString()
    : k.export({ type: 'spki', format: 'pem' }).toString();
}

/** `image-gate revoke` into lists/NAME (a fresh list expiring in 30 days). */
async function revoke(name: string, ...args: string[]): Promise<string> {
  const file = path.join(lists, name);
  const r = await runCli([
    'revoke',
    '--list',
    file,
    '--key',
    listKey,
    '--expires',
    EXPIRES,
    ...args,
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return file;
}

const verifyKey = (list: string, ...more: string[]): Promise<Ran> =>
  runCli([
    'verify',
    '--key',
    pub,
    '--trusted-root',
    s.root,
    '--revocations',
    list,
    '--revocations-key',
    listPub,
    ...more,
  ]);

const verifyKeyless = (list: string, ...more: string[]): Promise<Ran> =>
  runCli([
    'verify',
    '--certificate-identity',
    IDENTITY,
    '--certificate-oidc-issuer',
    ISSUER,
    '--trusted-root',
    s.root,
    '--revocations',
    list,
    '--revocations-key',
    listPub,
    ...more,
  ]);

function json(r: Ran): Report {
  return JSON.parse(r.stdout) as Report;
}

/** The first run's report of an image, for the facts a list names (serial, log entry). */
async function evidenceOf(img: Image): Promise<Report['results'][number]['signatures'][number]> {
  const r = await runCli([
    'verify',
    '--certificate-identity',
    IDENTITY,
    '--certificate-oidc-issuer',
    ISSUER,
    '--trusted-root',
    s.root,
    '--output',
    'json',
    img.ref,
  ]);
  expect(r.code).toBe(0);
  return json(r).results[0].signatures[0];
}

beforeAll(async () => {
  s = await startSigningRegistry('revocation-cli-');
  signer = s.ss.generateKeyPair();
  pub = path.join(s.dir, 'cosign.pub');
  await writeFile(pub, pem(signer.publicKey, 'public'));
  const l = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  listKey = path.join(s.dir, 'list.key');
  listPub = path.join(s.dir, 'list.pub');
  await writeFile(listKey, pem(l.privateKey, 'private'));
  await writeFile(listPub, pem(l.publicKey, 'public'));
  otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  lists = path.join(s.dir, 'lists');
  await mkdir(lists);
  [keyImg, keylessImg] = await Promise.all([
    signedImage(s, 'acme/app', 'key', { key: signer, options: { signedAt: at } }),
    signedImage(s, 'acme/app', 'keyless', {
      keyless: { identity: IDENTITY, issuer: ISSUER },
      options: { signedAt: at },
    }),
  ]);
  // Files under lists/ by name; /big is 2 MiB, anything missing is a 404.
  server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    if (name === 'big') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(Buffer.alloc(2 << 20, 0x20));
      return;
    }
    readFile(path.join(lists, path.basename(name))).then(
      (b) => res.writeHead(200, { 'content-type': 'application/json' }).end(b),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  // A port nothing listens on.
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
}, 180_000);

afterAll(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await s?.reg.stop();
});

/** exit 1, REVOKED, the reason naming the entry, the version and the reason given. */
function expectRevoked(r: Ran, what: RegExp, reason: string, version = 1): void {
  const res = json(r).results[0];
  expect(res.outcome).toBe('failed');
  expect(res.code).toBe('REVOKED');
  expect(res.reason).toMatch(what);
  expect(res.reason).toContain(`version ${version}`);
  expect(res.reason).toContain(`: ${reason}`);
  expect(r.code).toBe(1);
}

describe('revoked evidence fails with REVOKED (exit 1)', () => {
  it('a list naming nothing this image has lets it pass and is recorded in the report', async () => {
    const list = await revoke(
      'unrelated',
      '--kind',
      'digest',
      '--digest',
      `sha256:${'b'.repeat(64)}`,
      '--reason',
      'old build',
    );
    const r = await verifyKey(list, '--output', 'json', keyImg.ref);
    expect(r.stderr).toBe('');
    const report = json(r);
    expect(report.results[0].outcome).toBe('verified');
    expect(report.revocations).toMatchObject({ source: list, version: 1, entries: 1 });
    expect(report.revocations?.sha256).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(report.revocations?.signer).toContain(listPub);
    expect(r.code).toBe(0);
  });

  it('a revoked key (by public key file, no since)', async () => {
    const list = await revoke(
      'key',
      '--kind',
      'key',
      '--public-key',
      pub,
      '--reason',
      'key leaked',
    );
    const r = await verifyKey(list, '--output', 'json', keyImg.ref);
    expectRevoked(
      r,
      /entries\[0\] of revocation list .* \(key sha256:[0-9a-f]{64}\)/,
      'key leaked',
    );
    const text = await verifyKey(list, keyImg.ref);
    expect(text.stdout).toMatch(/Verification FAILED/);
    expect(text.stdout).toMatch(/revoked by entries\[0\] .*: key leaked/);
    expect(text.code).toBe(1);
    // The bundle revoke wrote verifies with verify-bundle (a key signature needs no log entry).
    const vb = await runCli([
      'verify-bundle',
      '--bundle',
      `${list}.sigstore.json`,
      '--key',
      listPub,
      '--offline',
      '--insecure-ignore-tlog',
      list,
    ]);
    expect(vb.stdout).toMatch(/^✓ Verified /);
    expect(vb.code).toBe(0);
    const wrong = await runCli([
      'verify-bundle',
      '--bundle',
      `${list}.sigstore.json`,
      '--key',
      pub,
      '--offline',
      '--insecure-ignore-tlog',
      list,
    ]);
    expect(wrong.code).toBe(1);
  });

  it('a revoked key by its 16-hex key ID, since before the signing time', async () => {
    const first = json(
      await verifyKey(path.join(lists, 'unrelated'), '--output', 'json', keyImg.ref),
    );
    const keyID = first.results[0].keyID ?? '';
    const since = new Date(at.getTime() - HOUR).toISOString();
    const list = await revoke(
      'key-since',
      '--kind',
      'key',
      '--key-id',
      keyID,
      '--since',
      since,
      '--reason',
      'rotated',
    );
    expectRevoked(
      await verifyKey(list, '--output', 'json', keyImg.ref),
      new RegExp(`key ${keyID} since`),
      'rotated',
    );
  });

  it('a key revoked since after the signing time still verifies what it signed before', async () => {
    const since = new Date(at.getTime() + 60_000).toISOString();
    const list = await revoke(
      'key-later',
      '--kind',
      'key',
      '--public-key',
      pub,
      '--since',
      since,
      '--reason',
      'rotated',
    );
    const r = await verifyKey(list, '--output', 'json', keyImg.ref);
    expect(json(r).results[0].outcome).toBe('verified');
    expect(r.code).toBe(0);
  });

  it('a revoked digest fails whatever signs it', async () => {
    const list = await revoke(
      'digest',
      '--kind',
      'digest',
      '--digest',
      keyImg.digest,
      '--reason',
      'CVE-2026-0001 build',
    );
    expectRevoked(
      await verifyKey(list, '--output', 'json', keyImg.ref),
      new RegExp(`image digest ${keyImg.digest} is revoked by entries\\[0\\]`),
      'CVE-2026-0001 build',
    );
  });

  // Red-team round (issue 15): containerd descends into an index listed by an index, so a
  // revoked manifest one index further down is pulled as well; only direct entries were checked.
  it('a signed index whose nested index lists a revoked manifest', async () => {
    const m = await randomImage(s.reg, 'acme/nested', 'm');
    const inner = await pushIndex(s.reg, 'acme/nested', 'inner', [
      descriptor(m, { os: 'linux', architecture: 'amd64' }),
    ]);
    const outer = await pushIndex(s.reg, 'acme/nested', 'outer', [
      { mediaType: OCI_INDEX, digest: inner.digest, size: inner.size },
    ]);
    await signLegacy(s, outer, { key: signer });
    const list = await revoke(
      'nested',
      '--kind',
      'digest',
      '--digest',
      m.digest,
      '--reason',
      'CVE-2026-0002 build',
    );
    expectRevoked(
      await verifyKey(list, '--output', 'json', outer.ref),
      new RegExp(
        `image digest ${outer.digest} is an index listing ${inner.digest}, an index listing ${m.digest} \\(linux/amd64\\), which is revoked by entries\\[0\\]`,
      ),
      'CVE-2026-0002 build',
    );
    // A list revoking only another digest lets the index verify.
    const other = await revoke(
      'nested-other',
      '--kind',
      'digest',
      '--digest',
      `sha256:${'d'.repeat(64)}`,
      '--reason',
      'unrelated',
    );
    expect((await verifyKey(other, outer.ref)).code).toBe(0);
  });

  it('a revoked identity (keyless), and one revoked only after the signing time', async () => {
    const list = await revoke(
      'identity',
      '--kind',
      'identity',
      '--identity',
      IDENTITY,
      '--issuer',
      ISSUER,
      '--reason',
      'account taken over',
    );
    expectRevoked(
      await verifyKeyless(list, '--output', 'json', keylessImg.ref),
      new RegExp(`identity ${IDENTITY} \\(issuer ${ISSUER}\\)`),
      'account taken over',
    );
    const since = new Date(at.getTime() + 60_000).toISOString();
    const later = await revoke(
      'identity-later',
      '--kind',
      'identity',
      '--identity',
      IDENTITY,
      '--issuer',
      ISSUER,
      '--since',
      since,
      '--reason',
      'account taken over',
    );
    const r = await verifyKeyless(later, '--output', 'json', keylessImg.ref);
    expect(json(r).results[0].outcome).toBe('verified');
    expect(r.code).toBe(0);
  });

  it('a revoked certificate, by serial and issuer and by fingerprint', async () => {
    const ev = await evidenceOf(keylessImg);
    expect(ev.certificate?.serial).toMatch(/^[0-9a-f]+$/);
    const bySerial = await revoke(
      'cert-serial',
      '--kind',
      'certificate',
      '--serial',
      ev.certificate!.serial,
      '--issuer',
      ev.certificate!.issuer,
      '--reason',
      'mis-issued',
    );
    expectRevoked(
      await verifyKeyless(bySerial, '--output', 'json', keylessImg.ref),
      /certificate serial/,
      'mis-issued',
    );
    const byPrint = await revoke(
      'cert-print',
      '--kind',
      'certificate',
      '--fingerprint',
      `sha256:${ev.certificate!.sha256}`,
      '--reason',
      'mis-issued',
    );
    expectRevoked(
      await verifyKeyless(byPrint, '--output', 'json', keylessImg.ref),
      /certificate sha256:/,
      'mis-issued',
    );
  });

  it('a revoked transparency-log entry', async () => {
    const ev = await evidenceOf(keylessImg);
    const list = await revoke(
      'tlog',
      '--kind',
      'tlog',
      '--log-id',
      ev.tlog!.logID!,
      '--log-index',
      ev.tlog!.logIndex,
      '--reason',
      'logged by a stolen token',
    );
    expectRevoked(
      await verifyKeyless(list, '--output', 'json', keylessImg.ref),
      /tlog entry \d+ of log [0-9a-f]{64}/,
      'logged by a stolen token',
    );
    // Rekor's entry UUID, as the report shows it and `rekor-cli get --uuid` takes it.
    expect(ev.tlog!.uuid).toMatch(/^[0-9a-f]{64}$/);
    const byUuid = await revoke(
      'tlog-uuid',
      '--kind',
      'tlog',
      '--uuid',
      ev.tlog!.uuid,
      '--reason',
      'logged by a stolen token',
    );
    expectRevoked(
      await verifyKeyless(byUuid, '--output', 'json', keylessImg.ref),
      new RegExp(`tlog entry ${ev.tlog!.uuid}\\)`),
      'logged by a stolen token',
    );
  });

  it('the same list served over HTTP (its bundle at URL.sigstore.json), CLI and Action', async () => {
    await revoke('served', '--kind', 'key', '--public-key', pub, '--reason', 'key leaked');
    const url = `${base}/served`;
    expectRevoked(
      await verifyKey(url, '--output', 'json', keyImg.ref),
      /key sha256:/,
      'key leaked',
    );
    const a = await runAction({
      images: keyImg.ref,
      key: pub,
      'trusted-root': s.root,
      revocations: url,
      'revocations-key': listPub,
    });
    expect(a.code).toBe(1);
    expect(a.outputs['failed']).toContain('REVOKED');
    expect(a.stdout).toContain('key leaked');
  });

  it('a second entry bumps the version the reason names', async () => {
    const list = await revoke(
      'two',
      '--kind',
      'digest',
      '--digest',
      `sha256:${'c'.repeat(64)}`,
      '--reason',
      'old',
    );
    const r = await runCli([
      'revoke',
      '--list',
      list,
      '--key',
      listKey,
      '--kind',
      'key',
      '--public-key',
      pub,
      '--reason',
      'key leaked',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('version 2');
    expectRevoked(
      await verifyKey(list, '--output', 'json', keyImg.ref),
      /entries\[1\]/,
      'key leaked',
      2,
    );
  });

  it('a policy file names the list at the top level; inside a rule it is refused', async () => {
    await revoke('policy', '--kind', 'key', '--public-key', pub, '--reason', 'key leaked');
    const file = path.join(s.dir, 'policy.yaml');
    await writeFile(
      file,
      `version: 1\nrevocations: ${base}/policy\nrevocationsKey: ${listPub}\nrules:\n  - images: "**"\n    keys: ${pub}\n`,
    );
    const r = await runCli([
      'verify',
      '--policy',
      file,
      '--trusted-root',
      s.root,
      '--output',
      'json',
      keyImg.ref,
    ]);
    expectRevoked(r, /key sha256:/, 'key leaked');
    const inRule = path.join(s.dir, 'policy-rule.yaml');
    await writeFile(
      inRule,
      `version: 1\nrules:\n  - images: "**"\n    keys: ${pub}\n    revocations: ${base}/policy\n`,
    );
    const bad = await runCli(['verify', '--policy', inRule, keyImg.ref]);
    expect(bad.stderr).toMatch(/rules\[0\]\.revocations: the revocation list is run-level/);
    expect(bad.code).toBe(2);
  });
});

describe('a list that cannot be trusted stops the run (exit 2, said once)', () => {
  /** A hand-made list signed by `key` (for what `revoke` refuses to write). */
  async function handMade(
    name: string,
    doc: object,
    key: KeyObject | undefined,
    tamper = false,
  ): Promise<string> {
    const file = path.join(lists, name);
    const bytes = Buffer.from(JSON.stringify(doc));
    await writeFile(file, tamper ? Buffer.from(JSON.stringify({ ...doc, entries: [] })) : bytes);
    if (key) {
      const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
      await writeFile(`${file}.sigstore.json`, JSON.stringify(signedBundle(bytes, key, spki)));
    }
    return file;
  }
  const listPrivate = async (): Promise<KeyObject> => createPrivateKey(await readFile(listKey));
  const entries = [{ kind: 'digest', digest: `sha256:${'d'.repeat(64)}`, reason: 'old' }];
  const issued = new Date(Date.now() - 10 * 24 * HOUR).toISOString();

  const cases: Array<[string, () => Promise<string>, RegExp]> = [
    [
      'past its expires',
      async () =>
        handMade(
          'expired',
          { version: 3, issued, expires: new Date(Date.now() - HOUR).toISOString(), entries },
          await listPrivate(),
        ),
      /version 3 expired at/,
    ],
    [
      'unsigned (no bundle beside it)',
      async () =>
        handMade('unsigned', { version: 1, issued, expires: EXPIRES, entries }, undefined),
      /cannot read its signature bundle/,
    ],
    [
      'signed by another key',
      async () =>
        handMade('other-key', { version: 1, issued, expires: EXPIRES, entries }, otherKey),
      /the signature does not verify/,
    ],
    [
      'changed after signing',
      async () =>
        handMade(
          'tampered',
          { version: 1, issued, expires: EXPIRES, entries },
          await listPrivate(),
          true,
        ),
      /the signature does not verify/,
    ],
    [
      'an unreachable URL',
      () => Promise.resolve(`http://127.0.0.1:${closedPort}/list.json`),
      /cannot reach/,
    ],
    ['a URL that answers 404', () => Promise.resolve(`${base}/no-such-list`), /HTTP 404/],
    [
      'a URL whose answer is over the size limit',
      () => Promise.resolve(`${base}/big`),
      /limit of \d+ bytes/,
    ],
    [
      'a served list signed by another key',
      async () => {
        await handMade('served-other', { version: 1, issued, expires: EXPIRES, entries }, otherKey);
        return `${base}/served-other`;
      },
      /the signature does not verify/,
    ],
  ];

  it.each(cases)('%s', async (_name, make, why) => {
    const list = await make();
    const r = await verifyKey(list, keyImg.ref);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(why);
    expect(r.stderr).toContain(`revocations ${list}`);
    // Said once: the one stderr line; each image only says it was not verified.
    expect((r.stdout + r.stderr).split(`revocations ${list}`).length - 1).toBe(1);
    const j = await verifyKey(list, '--output', 'json', keyImg.ref);
    expect(json(j).error?.code).toBe('REVOCATION_LIST');
    expect(j.code).toBe(2);
  });

  it('the Action fails its step on an expired list', async () => {
    const list = path.join(lists, 'expired');
    const a = await runAction({
      images: keyImg.ref,
      key: pub,
      'trusted-root': s.root,
      revocations: list,
      'revocations-key': listPub,
    });
    expect(a.code).not.toBe(0);
    expect(a.stdout).toMatch(/expired at/);
  });

  it('revoke refuses to sign again a list changed since it was signed', async () => {
    const list = await revoke(
      'resign',
      '--kind',
      'digest',
      '--digest',
      `sha256:${'e'.repeat(64)}`,
      '--reason',
      'old',
    );
    const text = await readFile(list, 'utf8');
    await writeFile(list, text.replace('"old"', '"edited"'));
    const r = await runCli([
      'revoke',
      '--list',
      list,
      '--key',
      listKey,
      '--kind',
      'digest',
      '--digest',
      `sha256:${'f'.repeat(64)}`,
      '--reason',
      'x',
    ]);
    expect(r.stderr).toMatch(/does not verify against .*not signing it again/);
    expect(r.code).toBe(2);
  });
});

describe('a keyless list (sigstore-js sign() against @sigstore/mock Fulcio and Rekor)', () => {
  it('loads under the signer identity and issuer, and not under another', async () => {
    const mock = await startMockSigstore();
    try {
      const signerId = 'security@example.com';
      const iss = 'https://oidc.example';
      const doc = Buffer.from(
        JSON.stringify({
          version: 7,
          issued: new Date().toISOString(),
          expires: EXPIRES,
          entries: [],
        }),
      );
      const bundle = await sign(doc, {
        fulcioURL: mock.fulcioURL,
        rekorURL: mock.rekorURL,
        identityToken: identityToken({ iss, sub: signerId, email: signerId, email_verified: true }),
      });
      const file = path.join(lists, 'keyless.json');
      await writeFile(file, doc);
      await writeFile(`${file}.sigstore.json`, JSON.stringify(bundle));
      const root = mock.trustedRoot as never;
      const got = await loadRevocations(
        { source: file, identity: signerId, issuer: iss },
        { root },
      );
      expect(got.summary).toMatchObject({ version: 7, signer: `${signerId} (${iss})` });
      const e = await loadRevocations(
        { source: file, identity: 'other@example.com', issuer: iss },
        { root },
      ).catch((x: unknown) => x as Error & { code?: string });
      expect(e).toMatchObject({ code: 'REVOCATION_LIST' });
      expect((e as Error).message).toMatch(/does not verify/);
    } finally {
      await mock.close();
    }
  });
});
