// `image-gate verify-bundle` (the sigstore-conformance CLI protocol) through the committed CLI
// bundle on a few shared conformance cases; the full 70 x 2 matrix runs in-process elsewhere.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-dist.js';

const ROOT = path.join(import.meta.dirname, '../fixtures/sigstore-conformance/bundle-verify');
const IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';

/** argv as the conformance harness builds it, with the artifact as a path or as its digest. */
function argv(name: string, mode: 'path' | 'digest'): string[] {
  const dir = path.join(ROOT, name);
  const file = (f: string) => (existsSync(path.join(dir, f)) ? path.join(dir, f) : undefined);
  const artifact = file('artifact') ?? path.join(ROOT, 'a.txt');
  const subject =
    mode === 'path'
      ? artifact
      : `sha256:${createHash('sha256').update(readFileSync(artifact)).digest('hex')}`;
  const key = file('key.pub');
  const root = file('trusted_root.json');
  const read = (f: string, dflt: string) =>
    file(f) ? readFileSync(file(f)!, 'utf8').trim() : dflt;
  return [
    'verify-bundle',
    '--bundle',
    path.join(dir, 'bundle.sigstore.json'),
    ...(key
      ? ['--key', key]
      : [
          '--certificate-identity',
          read('identity', IDENTITY),
          '--certificate-oidc-issuer',
          read('issuer', ISSUER),
        ]),
    ...(root ? ['--trusted-root', root] : ['--offline']),
    subject,
  ];
}

describe('verify-bundle through dist/cli.js', () => {
  it.each([
    ['happy-path-v0.3', 'path'],
    ['happy-path-v0.3', 'digest'],
    ['happy-path-intoto-in-dsse-v3', 'digest'],
    ['managed-key-happy-path', 'path'],
    ['rekor2-timestamp-with-embedded-cert', 'path'],
  ] as const)('%s (%s) verifies (exit 0)', async (name, mode) => {
    const r = await runCli(argv(name, mode));
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^✓ Verified /);
    expect(r.code).toBe(0);
  });

  it.each([
    ['bundle-from-wrong-instance_fail', 'path'],
    ['invalid-ct-key_fail', 'path'],
    ['wrong-hashedrekord-entry_fail', 'digest'],
    ['dsse-mismatch-envelope_fail', 'digest'],
    ['incorrect-public-key_fail', 'path'],
    ['bundle-malformed-json_fail', 'path'],
  ] as const)('%s (%s) is rejected as a supply-chain failure (exit 1)', async (name, mode) => {
    const r = await runCli(argv(name, mode));
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^✗ Verification FAILED for /);
    expect(r.code).toBe(1);
  });

  it('exits 2 for a usage error (no identity, no key)', async () => {
    const r = await runCli(['verify-bundle', '--bundle', 'b.json', 'a.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give --key, or both');
  });
});
