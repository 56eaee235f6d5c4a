// Attestation signers given with nothing to sign (no attestations, no attestation condition) were
// read and dropped: a run with `attestation-key` but a forgotten `attestations` verified the image
// signature only, and its policy section did not say attestation-key had been set aside. Refused,
// as revocations-key without revocations and summary-identity without accept-summary are.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREDICATE } from '../../src/core/attestations/types.js';
import { compileRunPolicy } from '../../src/core/policy/compile.js';
import { exitCode } from '../../src/core/report-outcome.js';
import { runGate } from '../../src/core/gate.js';
import { baseOptions } from '../../src/edge/options.js';
import type { GateOptions } from '../../src/core/options.js';

const KEY = path.resolve(
  'test/fixtures/sigstore-conformance/bundle-verify/managed-key-happy-path/key.pub',
);
const options = (over: Partial<GateOptions>): GateOptions => ({
  ...baseOptions(['ghcr.io/acme/app:1']),
  keys: [KEY],
  ...over,
});

const SIGNERS: Array<[string, Partial<GateOptions>]> = [
  ['attestation-key', { attestationKeys: [KEY] }],
  ['attestation-certificate-identity', { attestationCertificateIdentity: 'a@example.com' }],
  ['attestation-certificate-identity-regexp', { attestationCertificateIdentityRegexp: '.*' }],
  ['attestation-certificate-oidc-issuer', { attestationCertificateOidcIssuer: 'https://i' }],
  ['attestation-certificate-oidc-issuer-regexp', { attestationCertificateOidcIssuerRegexp: '.*' }],
];

describe('attestation signers without attestations', () => {
  it.each(SIGNERS)('%s alone is refused', async (_name, over) => {
    await expect(compileRunPolicy(options(over), {})).rejects.toThrow(
      /^attestation-key \/ attestation-certificate-\* name who signs the attestations, but no attestation is asked for/,
    );
  });

  it('the run says so before any I/O (exit 2)', async () => {
    const report = await runGate(options({ attestationKeys: [KEY] }), { env: {} });
    expect(report.error?.code).toBe('USAGE');
    expect(report.error?.message).toMatch(/no attestation is asked for/);
    expect(exitCode(report.outcome)).toBe(2);
  });

  it.each<[string, Partial<GateOptions>]>([
    ['attestations', { attestations: [PREDICATE.slsaV1] }],
    ['a condition', { builderId: 'https://github.com/acme/builder' }],
  ])('with %s they are read', async (_what, asked) => {
    const policy = await compileRunPolicy(options({ attestationKeys: [KEY], ...asked }), {});
    expect(policy.rules[0].attestationSigners?.keys).toHaveLength(1);
  });
});
