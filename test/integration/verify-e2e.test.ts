// End to end through the committed bundles against a real docker-registry process: the CLI and
// the Action (as the runner runs it) over key-signed, keyless and bundle-signed images, and the
// foundation's negative cases. Signatures come from the test Sigstore (real formats, real crypto).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, writeCosignPrivateKey, writePublicKey } from '../helpers/cosign-keys.js';
import { pushLegacySignatures } from '../helpers/cosign-push.js';
import {
  attachBundles,
  signedImage,
  startSigningRegistry,
  type Image,
  type LegacySigner,
} from '../helpers/images.js';
import { pushManifest } from '../helpers/oci-push.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli } from '../helpers/run-dist.js';
import type { TestSigstore } from '../helpers/test-sigstore.js';
import type { Report } from '../../src/core/report.js';

let reg: StartedRegistry;
let ss: TestSigstore;
let dir: string;
let root: string;
let pub: string;
let otherPub: string;
let encKey: string;
const img: Record<string, { ref: string; digest: string }> = {};
const ISSUER = 'https://token.actions.githubusercontent.com';
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';

beforeAll(async () => {
  ({ reg, ss, dir, root } = await startSigningRegistry('e2e-'));
  const kp = generateKeyPair();
  const other = generateKeyPair();
  pub = writePublicKey(dir, kp, 'cosign.pub');
  otherPub = writePublicKey(dir, other, 'other.pub');
  encKey = writeCosignPrivateKey(dir, kp, 's3cret');
  const repo = 'acme/app';
  const host = reg.host;
  /** Pushes `repo:name`, signs its `.sig` tag when `by` is given, and records it in `img`. */
  const make = async (name: string, by?: LegacySigner | LegacySigner[]): Promise<Image> => {
    const p = await signedImage({ reg, ss }, repo, name, by);
    img[name] = { ref: p.ref, digest: p.digest };
    return p;
  };
  const legacyKey = (
    digest: string,
    opts: Partial<Parameters<TestSigstore['signLegacyKey']>[0]> = {},
  ) =>
    ss.signLegacyKey({ imageDigest: digest, dockerReference: `${host}/${repo}`, ...kp, ...opts });

  const signed = await make('signed', { key: kp });
  await make('keyless', { keyless: { identity: IDENTITY, issuer: ISSUER } });
  await attachBundles({ reg, ss }, await make('bundle'), {
    sign: { identity: IDENTITY, issuer: ISSUER },
  });

  await make('unsigned');

  await make('wrongkey', { key: other });

  // The valid signature of `signed`, copied onto another image's .sig tag.
  const copied = await make('copied');
  await pushLegacySignatures(host, repo, copied.digest, [legacyKey(signed.digest)]);

  const tampered = await make('tampered');
  const t = legacyKey(tampered.digest);
  t.payload = Buffer.from(t.payload.toString().replace('"optional":null', '"optional":{"x":"y"}'));
  await pushLegacySignatures(host, repo, tampered.digest, [t]);

  const notCosign = await make('notcosign');
  const n = legacyKey(notCosign.digest);
  // Re-sign a payload whose type is not a cosign container image signature.
  const { sign } = await import('node:crypto');
  const badPayload = Buffer.from(
    n.payload.toString().replace('cosign container image signature', 'something else'),
  );
  const nsig = ss.signLegacyKey({
    imageDigest: notCosign.digest,
    dockerReference: `${host}/${repo}`,
    ...kp,
  });
  nsig.payload = badPayload;
  nsig.annotations['dev.cosignproject.cosign/signature'] = sign(
    'sha256',
    badPayload,
    kp.privateKey,
  ).toString('base64');
  await pushLegacySignatures(host, repo, notCosign.digest, [nsig]);

  const setSwap = await make('setswap');
  const s1 = legacyKey(setSwap.digest);
  const s2 = legacyKey(signed.digest);
  s1.annotations['dev.sigstore.cosign/bundle'] = s2.annotations['dev.sigstore.cosign/bundle']!;
  await pushLegacySignatures(host, repo, setSwap.digest, [s1]);

  await make('twokeys', [{ key: kp }, { key: other }]);

  await make('notlog', { key: kp, options: { tlog: false } });
}, 120_000);

afterAll(async () => {
  await reg?.stop();
});

const keyArgs = (): string[] => ['--trusted-root', root, '--key', pub];

async function cliJson(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; report: Report; stderr: string }> {
  const r = await runCli(['verify', '--output', 'json', ...args], env);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

describe('CLI against a real registry', () => {
  it('verifies a key-signed legacy signature with its Rekor SET and pins the digest', async () => {
    const { code, report } = await cliJson([...keyArgs(), img.signed.ref]);
    expect(code).toBe(0);
    const r = report.results[0];
    expect(r).toMatchObject({
      outcome: 'verified',
      verified: true,
      digest: img.signed.digest,
      pinned: `${reg.host}/acme/app@${img.signed.digest}`,
      keyRef: pub,
    });
    expect(r.keyID).toMatch(/^[0-9a-f]{16}$/);
    expect(r.signatures[0]).toMatchObject({
      kind: 'key',
      format: 'legacy-tag',
      tlog: { logIndex: expect.any(String) },
    });
    expect(Date.parse(r.signedAt!)).toBeGreaterThan(Date.now() - 3_600_000);
  });

  it('derives the public key from an encrypted cosign private key', async () => {
    const { code } = await cliJson(['--trusted-root', root, '--key', encKey, img.signed.ref], {
      COSIGN_PASSWORD: 's3cret',
    });
    expect(code).toBe(0);
  });

  it('verifies keyless legacy and cosign v3 bundle signatures with an exact identity', async () => {
    const { code, report } = await cliJson([
      '--trusted-root',
      root,
      '--certificate-identity',
      IDENTITY,
      '--certificate-oidc-issuer',
      ISSUER,
      img.keyless.ref,
      img.bundle.ref,
    ]);
    expect(report.results.map((r) => [r.outcome, r.signatures[0]?.format, r.reason])).toEqual([
      ['verified', 'legacy-tag', undefined],
      ['verified', 'bundle-tag', undefined],
    ]);
    expect(code).toBe(0);
    expect(report.results[0].signatures[0]).toMatchObject({
      kind: 'keyless',
      identity: IDENTITY,
      issuer: ISSUER,
    });
  });

  it('rejects a keyless signature whose identity only matches as an unanchored pattern', async () => {
    const { code, report } = await cliJson([
      '--trusted-root',
      root,
      '--certificate-identity-regexp',
      'acme/app',
      '--certificate-oidc-issuer',
      ISSUER,
      img.keyless.ref,
    ]);
    expect(code).toBe(1);
    expect(report.results[0].code).toBe('UNTRUSTED_SIGNER');
  });

  it.each([
    ['wrongkey', 'SIGNATURE_INVALID'],
    ['copied', 'PAYLOAD_MISMATCH'],
    ['tampered', 'TLOG_INVALID'],
    ['notcosign', 'PAYLOAD_MISMATCH'],
    ['setswap', 'TLOG_INVALID'],
    ['notlog', 'TLOG_MISSING'],
    ['unsigned', 'UNSIGNED'],
  ])('fails %s as a supply-chain failure (%s, exit 1)', async (name, code) => {
    const r = await cliJson([...keyArgs(), img[name].ref]);
    expect(r.code).toBe(1);
    expect(r.report.results[0]).toMatchObject({
      outcome: 'failed',
      verified: false,
      code,
      digest: img[name].digest,
    });
    expect(r.report.results[0].reason).toBeTruthy();
  });

  it('passes the unlogged signature only when the tlog requirement is switched off', async () => {
    const r = await cliJson(['--insecure-ignore-tlog', '--key', pub, img.notlog.ref]);
    expect(r.code).toBe(0);
  });

  it.each([
    ['unknown tag', (h: string) => `${h}/acme/app:nope`],
    ['unknown repository', (h: string) => `${h}/acme/ghost:1`],
  ])('fails an %s as not found (exit 1)', async (_what, ref) => {
    const r = await cliJson([...keyArgs(), ref(reg.host)]);
    expect(r.code).toBe(1);
    expect(r.report.results[0]).toMatchObject({ outcome: 'failed', code: 'NOT_FOUND' });
  });

  it('reports every image of a mixed batch and exits 1 for the failure', async () => {
    const r = await runCli([
      'verify',
      ...keyArgs(),
      img.signed.ref,
      img.unsigned.ref,
      img.signed.ref,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`✓ Verified ${img.signed.ref}`);
    expect(r.stdout).toContain(`✗ Verification FAILED for ${img.unsigned.ref}`);
    expect(r.stdout).toContain('3 image(s): 2 verified, 1 failed, 0 error(s)');
  });

  it.each([
    [
      'an unreadable key file',
      ['--trusted-root', 'ROOT', '--key', '/nonexistent/cosign.pub'],
      {},
      /no file at \/nonexistent\/cosign.pub/,
    ],
    [
      'a wrong COSIGN_PASSWORD',
      ['--trusted-root', 'ROOT', '--key', 'ENC'],
      { COSIGN_PASSWORD: 'nope' },
      /COSIGN_PASSWORD/,
    ],
    ['connection refused', ['--trusted-root', 'ROOT', '--key', 'PUB'], {}, /127\.0\.0\.1:9/],
  ])('exits 2 for %s', async (what, args, env, msg) => {
    const fixed = args.map((a) =>
      a === 'ROOT' ? root : a === 'ENC' ? encKey : a === 'PUB' ? pub : a,
    );
    const ref = what === 'connection refused' ? '127.0.0.1:9/acme/app:1' : img.signed.ref;
    const r = await cliJson([...fixed, ref], env);
    expect(r.code).toBe(2);
    expect(r.report.outcome).toBe('error');
    expect(r.report.results[0].reason).toMatch(msg);
  });

  it('with --require-all-keys, passes only an image every key has signed', async () => {
    const both = ['--trusted-root', root, '--key', pub, '--key', otherPub, '--require-all-keys'];
    const ok = await cliJson([...both, img.twokeys!.ref]);
    expect(ok.code).toBe(0);
    expect(ok.report.results[0]!.signatures).toHaveLength(2);
    const one = await cliJson([...both, img.signed!.ref]);
    expect(one.code).toBe(1);
    expect(one.report.results[0]).toMatchObject({ code: 'UNSIGNED' });
    expect(one.report.results[0]!.reason).toContain('require-all-keys: no valid signature by');
    expect(one.report.results[0]!.reason).toContain(otherPub);
    // Without the flag, any one trusted key suffices.
    const any = await cliJson([
      '--trusted-root',
      root,
      '--key',
      pub,
      '--key',
      otherPub,
      img.signed!.ref,
    ]);
    expect(any.code).toBe(0);
  });

  it('writes the same report to --report as to stdout', async () => {
    const file = path.join(dir, 'report.json');
    const r = await runCli([
      'verify',
      '--output',
      'json',
      '--report',
      file,
      ...keyArgs(),
      img.signed.ref,
    ]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(JSON.parse(r.stdout));
  });
});

describe('Action (node dist/index.js, as the runner runs it)', () => {
  it('verifies, writes summary, report and outputs, and passes', async () => {
    const run = await runAction({
      images: `${img.signed.ref}\n# a comment\n\n${img.bundle.ref}\n`,
      key: pub,
      'certificate-identity': IDENTITY,
      'certificate-oidc-issuer': ISSUER,
      'trusted-root': root,
    });
    expect(run.code).toBe(0);
    expect(run.outputs.verified).toBe('true');
    expect(JSON.parse(run.outputs.digests)).toEqual({
      [img.signed.ref]: img.signed.digest,
      [img.bundle.ref]: img.bundle.digest,
    });
    expect(run.outputs.pinned.split('\n')).toEqual([
      `${reg.host}/acme/app@${img.signed.digest}`,
      `${reg.host}/acme/app@${img.bundle.digest}`,
    ]);
    expect(run.outputs['report-path']).toBe(path.join(run.runnerTemp, 'image-gate-report.json'));
    const report = JSON.parse(await readFile(run.outputs['report-path'], 'utf8')) as Report;
    expect(report).toMatchObject({ schemaVersion: 2, outcome: 'verified', verified: true });
    expect(run.summary).toContain(
      '**✅ Verified:** 0 failed · 0 errors · 2 verified · 0 skipped, of 2 images',
    );
    expect(run.summary).toContain(`title="sha256&#58;${img.signed.digest.slice(7)}"`);
    expect(run.stdout).toContain(`::group::✓ ${img.signed.ref}`);
  });

  it('verifies every image, then fails the step naming the first failure and the count', async () => {
    const run = await runAction({
      images: [img.unsigned.ref, img.signed.ref, img.wrongkey.ref].join('\n'),
      key: pub,
      'trusted-root': root,
    });
    expect(run.code).toBe(1);
    expect(run.outputs.verified).toBe('false');
    expect(JSON.parse(run.outputs.digests)).toEqual({ [img.signed.ref]: img.signed.digest });
    expect(run.stdout).toContain(
      `::error::image-gate: 2 of 3 image(s) failed verification; first: ${img.unsigned.ref}`,
    );
    expect(run.summary).toContain(
      '**❌ Failed:** 2 failed · 0 errors · 1 verified · 0 skipped, of 3 images',
    );
    const report = JSON.parse(await readFile(run.outputs['report-path'], 'utf8')) as Report;
    expect(report.results.map((r) => r.outcome)).toEqual(['failed', 'verified', 'failed']);
  });

  it('fails the step on bad input, naming the input', async () => {
    const run = await runAction({ images: img.signed.ref, key: pub, concurrency: 'lots' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error::image-gate: concurrency: 'lots' is not a whole number from 1 to 64",
    );
  });

  it('marks the rest skipped with fail-fast', async () => {
    const run = await runAction({
      images: [img.unsigned.ref, img.signed.ref, img.keyless.ref].join('\n'),
      key: pub,
      'trusted-root': root,
      'fail-fast': 'true',
      concurrency: '1',
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(await readFile(run.outputs['report-path'], 'utf8')) as Report;
    expect(report.results.map((r) => r.outcome)).toEqual(['failed', 'skipped', 'skipped']);
  });

  it('survives a registry that serves other bytes for a digest (never a pass)', async () => {
    // Re-push the signed image's manifest bytes with whitespace added: a different digest that
    // must not inherit the signature (SECURITY.md 47).
    const res = await fetch(`${reg.url}/v2/acme/app/manifests/signed`, {
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    const bytes = Buffer.from(new Uint8Array(await res.arrayBuffer()));
    const reserialised = Buffer.concat([bytes, Buffer.from('\n')]);
    await pushManifest(reg.host, 'acme/app', 'reserialised', reserialised);
    const run = await runAction({
      images: `${reg.host}/acme/app:reserialised`,
      key: pub,
      'trusted-root': root,
    });
    expect(run.code).toBe(1);
    expect(run.outputs.verified).toBe('false');
    const report = JSON.parse(await readFile(run.outputs['report-path'], 'utf8')) as Report;
    expect(report.results[0].digest).not.toBe(img.signed.digest);
  });
});
