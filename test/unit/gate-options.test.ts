// Option combinations the run refuses before any I/O, because part of the policy would be
// silently skipped: each gives a usage error (exit 2) naming the options.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGate } from '../../src/core/gate.js';
import { PREDICATE } from '../../src/core/attestations/types.js';
import { DEFAULTS, type GateOptions } from '../../src/core/options.js';
import { exitCode } from '../../src/core/report-outcome.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');

function options(over: Partial<GateOptions>): GateOptions {
  return {
    images: ['oci-layout://' + path.join(EXAMPLES, 'layout') + ':signed'],
    keys: [path.join(EXAMPLES, 'cosign.pub')],
    insecureIgnoreTlog: false,
    insecureIgnoreSct: false,
    offline: true,
    trustedRoot: path.join(EXAMPLES, 'trusted_root.json'),
    concurrency: DEFAULTS.concurrency,
    failFast: false,
    insecureRegistries: [],
    registryCredentials: [],
    timeoutMs: 30_000,
    requireAllKeys: false,
    ...over,
  };
}

describe('refused option combinations', () => {
  it.each([
    ['platforms', { platforms: 'all' as const }, /platforms checks signatures/],
    ['require-all-keys', { requireAllKeys: true }, /require-all-keys checks signatures/],
  ])('%s with require-signature=false', async (_name, over, msg) => {
    const report = await runGate(
      options({ ...over, requireSignature: false, attestations: [PREDICATE.slsaV1] }),
    );
    expect(report.error?.code).toBe('USAGE');
    expect(report.error?.message).toMatch(msg);
    expect(exitCode(report.outcome)).toBe(2);
  });

  it('source-ref is not dropped when attestation signers alone decide', async () => {
    const report = await runGate(
      options({
        keys: [],
        requireSignature: false,
        attestations: [PREDICATE.slsaV1],
        attestationKeys: [path.join(EXAMPLES, 'cosign.pub')],
        sourceRef: 'refs/heads/main',
      }),
    );
    expect(report.error?.code).toBe('USAGE');
    expect(report.error?.message).toMatch(/source-ref/);
  });

  it.each([
    [{ githubRepository: 'app' }, /github-repository needs github-owner/],
    [{ githubOwner: 'acme' }, /no attestations are required/],
    [{ githubOwner: 'acme', attestations: [PREDICATE.slsaV1] }, /needs github-token/],
  ])('GitHub API options that could never act: %j', async (over, msg) => {
    const report = await runGate(options(over));
    expect(report.error?.message).toMatch(msg);
    expect(exitCode(report.outcome)).toBe(2);
  });

  it('the example verifies with the same options otherwise (control)', async () => {
    const report = await runGate(options({}));
    expect(report.outcome).toBe('verified');
  });
});

describe('OCI layout reads', () => {
  it('refuses a FIFO planted at a blob path instead of blocking on it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fifo-'));
    try {
      await cp(path.join(EXAMPLES, 'layout'), path.join(dir, 'layout'), { recursive: true });
      const index = JSON.parse(await readFile(path.join(dir, 'layout', 'index.json'), 'utf8')) as {
        manifests: Array<{ digest: string; annotations: Record<string, string> }>;
      };
      const signed = index.manifests.find(
        (m) => m.annotations['org.opencontainers.image.ref.name'] === 'signed',
      )!;
      const blob = path.join(dir, 'layout', 'blobs', 'sha256', signed.digest.slice(7));
      await rm(blob);
      execFileSync('mkfifo', [blob]);
      const started = Date.now();
      const report = await runGate(
        options({ images: [`oci-layout://${path.join(dir, 'layout')}:signed`] }),
      );
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(report.results[0]).toMatchObject({ outcome: 'failed', code: 'MALFORMED' });
      expect(report.results[0]!.reason).toMatch(/not a regular file/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
