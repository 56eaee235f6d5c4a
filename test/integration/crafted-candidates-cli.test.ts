/* eslint-disable @typescript-eslint/no-explicit-any -- the crafted bundles edit untyped JSON */
// Issue 10 items 1 and 2 at the edges, through dist/cli.js and dist/index.js against a real
// docker-registry: a referrer bundle whose verification material says `"publicKey": null` next to
// a Fulcio certificate is never "signed by k.pub" (image signatures and attestations; CLI, Action
// and policy file), and a crafted referrer that makes sigstore-js throw is a rejected candidate
// (recorded under `rejected`): next to a valid .sig the image still verifies (exit 0), alone it
// fails (exit 1), never an error (exit 2).
import { sign } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { pushBundleReferrers } from '../helpers/cosign-push.js';
import { signedImage, startSigningRegistry, type Image } from '../helpers/images.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli } from '../helpers/run-dist.js';
import {
  tlogEntryJson,
  type KeylessSigner,
  type KeySigner,
  type TestSigstore,
} from '../helpers/test-sigstore.js';

const REPO = 'acme/app';
const OTHER_REPO = 'acme/keyless';
const COSIGN_SIGN = 'https://sigstore.dev/cosign/sign/v1';
const SLSA1 = 'https://slsa.dev/provenance/v1';
const EVIL: KeylessSigner = { identity: 'mallory@evil.example', issuer: 'https://evil.example' };
const GOOD = {
  identity: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
  issuer: 'https://token.actions.githubusercontent.com',
};

let reg: StartedRegistry;
let ss: TestSigstore;
let key: KeySigner;
let key2: KeySigner;
let pub2: string;
let dir: string;
let root: string;
let pub: string;
const img: Record<string, { ref: string; digest: string }> = {};

/** EVIL's Fulcio-certified bundle with `"publicKey": null` in front of the certificate. */
function nullKeyBundle(digest: string, predicateType: string, rfc3161: boolean): Buffer {
  const b = structuredClone(
    ss.signBundle({ imageDigest: digest, signer: EVIL, predicateType, tlog: false, rfc3161 })
      .bundle,
  ) as Record<string, any>;
  b.verificationMaterial = { publicKey: null, ...b.verificationMaterial };
  return Buffer.from(JSON.stringify(b));
}

/** A key bundle whose RFC 3161 entry is `{}`: sigstore-js throws a RangeError verifying it. */
function crashingBundle(digest: string): Buffer {
  const b = structuredClone(ss.signBundle({ imageDigest: digest, signer: key }).bundle) as Record<
    string,
    any
  >;
  b.verificationMaterial.timestampVerificationData = { rfc3161Timestamps: [{}] };
  return Buffer.from(JSON.stringify(b));
}

/**
 * A key bundle whose log entry (SET and all, from the trusted test log) has a body with
 * `"spec": null`: sigstore-js throws a TypeError deep inside verification, after every check of
 * ours has passed. It stands for any throw on attacker-made content we did not foresee.
 */
function loggedCrashBundle(digest: string): Buffer {
  const b = structuredClone(
    ss.signBundle({ imageDigest: digest, signer: key, tlog: false }).bundle,
  ) as Record<string, any>;
  const entry = ss.rekor.append(
    { apiVersion: '0.0.1', kind: 'dsse', spec: null },
    Math.floor(Date.now() / 1000),
  );
  b.verificationMaterial.tlogEntries = [tlogEntryJson(entry, 'dsse', '0.0.1')];
  return Buffer.from(JSON.stringify(b));
}

/**
 * A valid key bundle with its `mediaType` key written twice (the same value): JSON.parse takes
 * the last, sigstore-go's protojson (cosign) refuses the bundle.
 */
function duplicateKeyBundle(digest: string): Buffer {
  const text = JSON.stringify(ss.signBundle({ imageDigest: digest, signer: key }).bundle);
  const m = /^\{("mediaType":"[^"]+"),/.exec(text);
  if (!m) throw new Error('bundle JSON does not start with its mediaType');
  return Buffer.from(`{${m[1]},${text.slice(1)}`);
}

async function make(name: string, sig: boolean | 'both keys'): Promise<Image> {
  const by = sig === 'both keys' ? [{ key }, { key: key2 }] : sig ? { key } : undefined;
  const p = await signedImage({ reg, ss }, REPO, name, by);
  img[name] = { ref: p.ref, digest: p.digest };
  return p;
}

beforeAll(async () => {
  ({ reg, ss, dir, root } = await startSigningRegistry('crafted-'));
  key = ss.generateKeyPair();
  key2 = ss.generateKeyPair();
  pub = path.join(dir, 'k.pub');
  await writeFile(pub, key.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  pub2 = path.join(dir, 'k2.pub');
  await writeFile(pub2, key2.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // Referrers need the image digest: push the image first, then its referrers.
  const withReferrers = async (
    name: string,
    sig: boolean | 'both keys',
    referrers: (digest: string) => Array<{ bytes: Buffer; predicateType: string }>,
  ): Promise<void> => {
    const p = await make(name, sig);
    await pushBundleReferrers(
      reg.host,
      REPO,
      { digest: p.digest, size: p.size },
      referrers(p.digest),
    );
  };
  await withReferrers('sig-and-crash', true, (d) => [
    { bytes: crashingBundle(d), predicateType: COSIGN_SIGN },
  ]);
  await withReferrers('sig-and-null-key', true, (d) => [
    // No timestamps: sigstore-js used to throw "reading 'clone'" on this one.
    { bytes: nullKeyBundle(d, COSIGN_SIGN, false), predicateType: COSIGN_SIGN },
    { bytes: nullKeyBundle(d, COSIGN_SIGN, true), predicateType: COSIGN_SIGN },
  ]);
  await withReferrers('sig-and-logged-crash', true, (d) => [
    { bytes: loggedCrashBundle(d), predicateType: COSIGN_SIGN },
  ]);
  await withReferrers('sigs-and-logged-crash', 'both keys', (d) => [
    { bytes: loggedCrashBundle(d), predicateType: COSIGN_SIGN },
  ]);
  await withReferrers('logged-crash-only', false, (d) => [
    { bytes: loggedCrashBundle(d), predicateType: COSIGN_SIGN },
  ]);
  await withReferrers('crash-only', false, (d) => [
    { bytes: crashingBundle(d), predicateType: COSIGN_SIGN },
  ]);
  await withReferrers('null-key', false, (d) => [
    { bytes: nullKeyBundle(d, COSIGN_SIGN, true), predicateType: COSIGN_SIGN },
  ]);
  await withReferrers('duplicate-key-only', false, (d) => [
    { bytes: duplicateKeyBundle(d), predicateType: COSIGN_SIGN },
  ]);
  await withReferrers('null-key-att', true, (d) => [
    { bytes: nullKeyBundle(d, SLSA1, true), predicateType: SLSA1 },
  ]);
}, 120_000);

afterAll(async () => {
  await reg?.stop();
});

async function cli(args: string[]): Promise<{ code: number | null; report: Report }> {
  const r = await runCli(['verify', '--output', 'json', '--trusted-root', root, ...args]);
  expect(r.stdout, r.stderr).not.toBe('');
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

const rejectedCodes = (report: Report): string[] =>
  (report.results[0]?.rejected ?? []).map((r) => r.code);

describe('a bundle with a key given twice is refused, as cosign refuses it', () => {
  it('alone: exit 1 (MALFORMED), naming the duplicate key', async () => {
    const { code, report } = await cli(['--key', pub, img['duplicate-key-only'].ref]);
    expect(report.results[0]).toMatchObject({ outcome: 'failed', code: 'MALFORMED' });
    expect(report.results[0].rejected).toEqual([
      expect.objectContaining({
        code: 'MALFORMED',
        reason: expect.stringMatching(/duplicate key "mediaType"/),
      }),
    ]);
    expect(code).toBe(1);
  });
});

describe('item 2: a crafted referrer is a rejected candidate, never exit 2', () => {
  for (const extra of [[], ['--require-all-keys'], ['--insecure-ignore-tlog']]) {
    it(`valid .sig + a referrer sigstore-js throws on: exit 0 (${extra.join(' ') || 'defaults'})`, async () => {
      const { code, report } = await cli(['--key', pub, ...extra, img['sig-and-crash'].ref]);
      expect(report.results[0]).toMatchObject({ outcome: 'verified', keyRef: pub });
      expect(code).toBe(0);
      // With one format looked up at a time the referrer may not be looked at; if it is, it is
      // recorded as rejected, never as an error.
      for (const c of rejectedCodes(report)) expect(c).toBe('MALFORMED');
    });

    it(`valid .sig + "publicKey": null referrers (with and without a TSA time): exit 0 (${extra.join(' ') || 'defaults'})`, async () => {
      const { code, report } = await cli(['--key', pub, ...extra, img['sig-and-null-key'].ref]);
      expect(report.results[0]).toMatchObject({ outcome: 'verified', keyRef: pub });
      expect(code).toBe(0);
      for (const c of rejectedCodes(report)) expect(c).toBe('MALFORMED');
    });
  }

  it('valid .sig + crafted referrer, every candidate judged (require-all-keys): the referrer is under rejected', async () => {
    const { code, report } = await cli([
      '--key',
      pub,
      '--key',
      pub2,
      '--require-all-keys',
      img['sigs-and-logged-crash'].ref,
    ]);
    expect(code).toBe(0);
    expect(report.results[0].rejected).toEqual([
      expect.objectContaining({
        code: 'MALFORMED',
        reason: expect.stringMatching(/cannot be verified/),
      }),
    ]);
  });

  for (const extra of [[], ['--require-all-keys']]) {
    it(`valid .sig + a referrer that throws inside sigstore-js verification: exit 0 (${extra.join(' ') || 'defaults'})`, async () => {
      const { code, report } = await cli(['--key', pub, ...extra, img['sig-and-logged-crash'].ref]);
      expect(report.results[0]).toMatchObject({ outcome: 'verified', keyRef: pub });
      expect(code).toBe(0);
      for (const c of rejectedCodes(report)) expect(c).toBe('MALFORMED');
    });
  }

  it('the referrer that throws inside verification, alone: exit 1 (MALFORMED)', async () => {
    for (const extra of [[], ['--require-all-keys']]) {
      const { code, report } = await cli(['--key', pub, ...extra, img['logged-crash-only'].ref]);
      expect(report.results[0]).toMatchObject({ outcome: 'failed', code: 'MALFORMED' });
      expect(report.results[0].reason).toMatch(
        /cannot be verified: Cannot read properties of null/,
      );
      expect(code).toBe(1);
    }
  });

  it('the crafted referrer alone: exit 1 (MALFORMED), not exit 2', async () => {
    for (const extra of [[], ['--require-all-keys']]) {
      const { code, report } = await cli(['--key', pub, ...extra, img['crash-only'].ref]);
      expect(report.results[0]).toMatchObject({ outcome: 'failed', code: 'MALFORMED' });
      expect(code).toBe(1);
    }
  });
});

describe('item 1: a certificate next to "publicKey": null is never the trusted key', () => {
  it('CLI, key + keyless rule (trusted root loaded), tlog not required: exit 1', async () => {
    const { code, report } = await cli([
      '--key',
      pub,
      '--certificate-identity',
      GOOD.identity,
      '--certificate-oidc-issuer',
      GOOD.issuer,
      '--insecure-ignore-tlog',
      img['null-key'].ref,
    ]);
    expect(report.results[0]).toMatchObject({ outcome: 'failed', code: 'MALFORMED' });
    expect(report.results[0].reason).toMatch(/must set exactly one of publicKey/);
    expect(report.results[0].keyRef).toBeUndefined();
    expect(code).toBe(1);
  });

  it('Action, the same inputs: exit 1, verified=false', async () => {
    const run = await runAction({
      images: img['null-key'].ref,
      key: pub,
      'certificate-identity': GOOD.identity,
      'certificate-oidc-issuer': GOOD.issuer,
      'insecure-ignore-tlog': 'true',
      'trusted-root': root,
    });
    expect(run.outputs.verified).toBe('false');
    expect(run.code).toBe(1);
    const report = JSON.parse(await readFile(run.outputs['report-path'], 'utf8')) as Report;
    expect(report.results[0]).toMatchObject({ outcome: 'failed', code: 'MALFORMED' });
  });

  it('policy file, a key-only rule while another rule is keyless: exit 1; the valid .sig still passes', async () => {
    const policy = path.join(dir, 'policy.yaml');
    await writeFile(
      policy,
      [
        'version: 1',
        'rules:',
        '  - name: keyed',
        `    images: ['${reg.host}/${REPO}']`,
        `    keys: [${JSON.stringify(pub)}]`,
        '  - name: keyless elsewhere',
        `    images: ['${reg.host}/${OTHER_REPO}']`,
        '    identities:',
        `      - subject: ${GOOD.identity}`,
        `        issuer: ${GOOD.issuer}`,
        '',
      ].join('\n'),
    );
    const bad = await cli(['--policy', policy, '--insecure-ignore-tlog', img['null-key'].ref]);
    expect(bad.report.results[0]).toMatchObject({ outcome: 'failed', code: 'MALFORMED' });
    expect(bad.code).toBe(1);
    const good = await cli([
      '--policy',
      policy,
      '--insecure-ignore-tlog',
      img['sig-and-null-key'].ref,
    ]);
    expect(good.report.results[0]).toMatchObject({ outcome: 'verified' });
    expect(good.code).toBe(0);
  });

  it('attestations: a "publicKey": null provenance is not an attestation by the key', async () => {
    const { code, report } = await cli([
      '--key',
      pub,
      '--certificate-identity',
      GOOD.identity,
      '--certificate-oidc-issuer',
      GOOD.issuer,
      '--insecure-ignore-tlog',
      '--attestation',
      'slsaprovenance1',
      img['null-key-att'].ref,
    ]);
    expect(report.results[0]).toMatchObject({ outcome: 'failed', code: 'ATTESTATION_MISSING' });
    expect(report.results[0].attestations).toEqual([]);
    expect(rejectedCodes(report)).toContain('MALFORMED');
    expect(code).toBe(1);
  });
});

describe('item 16 (cosign GHSA-fx35-mq7g-6g98 class) at the verify-bundle edge', () => {
  // cosign's old `--bundle` file ({base64Signature, cert, rekorBundle}) whose `cert` is the
  // attacker's own public key: the advisory's shape. It is not a Sigstore bundle, and the key in
  // it is never a verification key.
  it('a legacy cosign bundle carrying its own public key is refused (exit 1) under a key and under an identity', async () => {
    const attacker = ss.generateKeyPair();
    const artifact = path.join(dir, 'artifact.txt');
    await writeFile(artifact, 'release bits\n');
    const signature = sign('sha256', await readFile(artifact), attacker.privateKey);
    const legacy = path.join(dir, 'legacy.bundle');
    await writeFile(
      legacy,
      JSON.stringify({
        base64Signature: signature.toString('base64'),
        cert: Buffer.from(
          attacker.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        ).toString('base64'),
        rekorBundle: null,
      }),
    );
    for (const signer of [
      ['--key', pub],
      ['--certificate-identity', GOOD.identity, '--certificate-oidc-issuer', GOOD.issuer],
    ]) {
      const r = await runCli([
        'verify-bundle',
        '--bundle',
        legacy,
        ...signer,
        '--trusted-root',
        root,
        artifact,
      ]);
      expect(r.stdout).not.toMatch(/Verified/);
      expect(r.stderr).toMatch(/mediaType/);
      expect(r.code).toBe(1);
    }
  });
});
