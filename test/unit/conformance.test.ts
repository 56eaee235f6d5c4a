import { createHash, createPublicKey } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBundleArtifact } from '../../src/core/conformance.js';
import { GateError, isFailureCode } from '../../src/core/errors.js';

// The shared sigstore-conformance `bundle-verify` vectors, run the way the suite runs them:
// once with the artifact file and once with only its sha256 digest. The `_fail` suffix alone
// decides the expected outcome.
const ROOT = join(import.meta.dirname, '../fixtures/sigstore-conformance/bundle-verify');
const DEFAULT_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com';

const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function optional(dir: string, file: string): string | undefined {
  const p = join(dir, file);
  return existsSync(p) ? p : undefined;
}

function parses(pemPath: string): boolean {
  try {
    createPublicKey(readFileSync(pemPath));
    return true;
  } catch {
    return false;
  }
}

function caseOptions(name: string, mode: 'path' | 'digest') {
  const dir = join(ROOT, name);
  const artifactPath = optional(dir, 'artifact') ?? join(ROOT, 'a.txt');
  const artifact =
    mode === 'path'
      ? artifactPath
      : `sha256:${createHash('sha256').update(readFileSync(artifactPath)).digest('hex')}`;
  const key = optional(dir, 'key.pub');
  const trustedRoot = optional(dir, 'trusted_root.json');
  const identityFile = optional(dir, 'identity');
  const issuerFile = optional(dir, 'issuer');
  return {
    bundlePath: join(dir, 'bundle.sigstore.json'),
    artifact,
    offline: true,
    ...(trustedRoot ? { trustedRootPath: trustedRoot } : {}),
    ...(key
      ? { keyPath: key }
      : {
          identity: identityFile ? readFileSync(identityFile, 'utf8').trim() : DEFAULT_IDENTITY,
          issuer: issuerFile ? readFileSync(issuerFile, 'utf8').trim() : DEFAULT_ISSUER,
        }),
  };
}

describe('sigstore-conformance bundle-verify', () => {
  it('finds all 70 cases, 21 that must verify and 49 that must be rejected', () => {
    expect(cases).toHaveLength(70);
    expect(cases.filter((c) => !c.endsWith('_fail'))).toHaveLength(21);
  });

  const table = cases.flatMap((name) =>
    (['path', 'digest'] as const).map((mode) => [name, mode] as const),
  );

  it.each(table.filter(([n]) => !n.endsWith('_fail')))('%s (%s) verifies', async (name, mode) => {
    await expect(verifyBundleArtifact(caseOptions(name, mode))).resolves.toMatchObject({
      kind: expect.stringMatching(/^(key|keyless)$/),
    });
  });

  it.each(table.filter(([n]) => n.endsWith('_fail')))(
    '%s (%s) is rejected as a failure',
    async (name, mode) => {
      const err = await verifyBundleArtifact(caseOptions(name, mode)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, 'verification must not succeed').toBeInstanceOf(GateError);
      const g = err as GateError;
      // DESIGN.md: an unreadable key file is a usage error (exit 2), not a verdict. A case whose
      // own key.pub does not even parse (managed-key-wrong-key_fail) is therefore rejected with
      // KEY_UNREADABLE; every other rejection must be a failure code (exit 1).
      const key = optional(join(ROOT, name), 'key.pub');
      if (key !== undefined && !parses(key)) {
        expect(g.code).toBe('KEY_UNREADABLE');
        expect(g.message).toContain(key);
      } else {
        expect(isFailureCode(g.code), `${g.code}: ${g.message}`).toBe(true);
      }
    },
  );
});
