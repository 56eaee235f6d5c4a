// A certificate SAN holding bytes outside ASCII: sigstore-js decodes the names with Node's
// `ascii` encoding, which clears each byte's top bit, so the name matched is not the name the CA
// wrote (0xAE reads as '.': `github\xaecom` as `github.com`). IA5String names are ASCII by
// definition and Fulcio writes ASCII only; such a certificate is refused, whatever the policy.
// Review lead (signature core round). Also the leaf's extended key usage, which sigstore-js
// never checks.
import { beforeAll, describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { createSignatureVerifier } from '../../src/core/signatures/verifier.js';
import { createTestSigstore, type TestSigstore } from '../helpers/test-sigstore.js';

const D = `sha256:${'c'.repeat(64)}`;
const ISSUER = 'https://token.actions.githubusercontent.com';
let ss: TestSigstore;
beforeAll(async () => {
  ss = await createTestSigstore();
});

const policy = (subject: { exact: string } | { regexp: string }) => ({
  keys: [],
  identities: [{ subject, issuer: { exact: ISSUER } }],
  requireTlog: true,
  requireSct: true,
});

function verdict(
  identity: string,
  subject: { exact: string } | { regexp: string },
  extKeyUsage?: string[],
): string {
  const b = ss.signBundle({
    imageDigest: D,
    signer: { identity, issuer: ISSUER, ...(extKeyUsage ? { extKeyUsage } : {}) },
  });
  try {
    const ev = createSignatureVerifier(ss.trustedRoot, policy(subject)).verifyBundle(
      b.bundle,
      { digest: D },
      'bundle-referrer',
    );
    return `verified as ${ev.identity}`;
  } catch (e: unknown) {
    expect(e).toBeInstanceOf(GateError);
    return `${(e as GateError).code}: ${(e as GateError).message}`;
  }
}

describe('SAN bytes outside ASCII', () => {
  const WORKFLOW = (owner: string) =>
    `https://github.com/${owner}/app/.github/workflows/release.yml@refs/heads/main`;

  it.each([
    ['a URI SAN', WORKFLOW('acm\u00e9')],
    ['an email SAN', 'release@acm\u00e9.example'],
  ])('%s is refused, even by a regexp that its top-bit-cleared reading matches', (_n, id) => {
    const got = verdict(id, { regexp: '.*' });
    expect(got).toMatch(/^UNTRUSTED_SIGNER: .*byte outside ASCII/);
  });

  it('an ASCII SAN verifies as before', () => {
    expect(verdict(WORKFLOW('acme'), { exact: WORKFLOW('acme') })).toBe(
      `verified as ${WORKFLOW('acme')}`,
    );
  });
});

describe("the leaf's extended key usage, as Go's x509 reads it for cosign", () => {
  const ID = 'release@acme.example';
  it.each([
    [
      'TLS server auth only',
      ['1.3.6.1.5.5.7.3.1'],
      /not for code signing: .*1\.3\.6\.1\.5\.5\.7\.3\.1/,
    ],
    [
      'time stamping and e-mail',
      ['1.3.6.1.5.5.7.3.8', '1.3.6.1.5.5.7.3.4'],
      /not for code signing/,
    ],
  ])('%s: refused', (_n, eku, why) => {
    const got = verdict(ID, { exact: ID }, eku);
    expect(got).toMatch(/^UNTRUSTED_SIGNER: /);
    expect(got).toMatch(why);
  });
  it.each([
    ['code signing', ['1.3.6.1.5.5.7.3.3']],
    ['code signing beside server auth', ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.3']],
    ['any extended key usage', ['2.5.29.37.0']],
    ['no extension (any usage, to Go)', []],
  ])('%s: verifies', (_n, eku) => {
    expect(verdict(ID, { exact: ID }, eku)).toBe(`verified as ${ID}`);
  });
});
