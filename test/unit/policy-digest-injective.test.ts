// Two policies that differ must have two digests (accept-summary and merge trust the digest to
// say "the same policy"). Review leads: the trusted root was named by its path alone, so a
// staging root and the production root at one path were one policy; and an exact identity `/x/`
// was written as the regexp `x` is.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRunPolicy } from '../../src/core/policy/compile.js';
import { summarizeRunPolicy, type SummaryContext } from '../../src/core/policy/summary.js';
import type { Report } from '../../src/core/report.js';
import { policyDigest } from '../../src/core/report-finish.js';
import { gateOptions } from '../helpers/gate-options.js';
import { runCli } from '../helpers/run-dist.js';

const ctx: SummaryContext = { tlog: true, sct: true, requireAllKeys: false, offline: true };
const ISSUER = 'https://token.actions.githubusercontent.com';

describe('the policy digest tells apart what the policy section used to write alike', () => {
  it('an exact identity that looks like a regexp, and that regexp', async () => {
    const digestOf = async (o: Parameters<typeof gateOptions>[0]) =>
      policyDigest(summarizeRunPolicy(ctx, await compileRunPolicy(gateOptions(o), {})));
    const exact = await digestOf({ certificateIdentity: '/x/', certificateOidcIssuer: ISSUER });
    const regexp = await digestOf({
      certificateIdentityRegexp: 'x',
      certificateOidcIssuer: ISSUER,
    });
    const quoted = await digestOf({
      certificateIdentity: '"/x/"',
      certificateOidcIssuer: ISSUER,
    });
    expect(new Set([exact, regexp, quoted]).size).toBe(3);
    // An ordinary identity is written as it always was.
    const plain = summarizeRunPolicy(
      ctx,
      await compileRunPolicy(
        gateOptions({ certificateIdentity: 'release@acme.example', certificateOidcIssuer: ISSUER }),
        {},
      ),
    );
    expect(plain.identities[0]).toMatchObject({ subject: 'release@acme.example', issuer: ISSUER });
  });

  it('two trusted roots at one path are two policies; the same root twice is one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ig-root-digest-'));
    const root = path.join(dir, 'trusted_root.json');
    const run = async (): Promise<string> => {
      const r = await runCli([
        'verify',
        '--output',
        'json',
        '--trusted-root',
        root,
        '--key',
        'examples/cosign.pub',
        'oci-layout://examples/layout:signed',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout) as Report;
      expect(report.policy.trustRoot).toMatch(
        /^file:.*trusted_root\.json \(sha256:[0-9a-f]{64}\)$/,
      );
      return report.policyDigest!;
    };
    await copyFile('examples/trusted_root.json', root);
    const first = await run();
    expect(await run()).toBe(first);
    // The same trust material written another way is other bytes: another root file.
    const json = JSON.parse(await readFile(root, 'utf8')) as unknown;
    await writeFile(root, JSON.stringify(json, null, 4));
    expect(await run()).not.toBe(first);
  });

  it('the digest is of the bytes the run verified with, though the file changes under it', async () => {
    // A FIFO answers each open with what its writer writes next: the first read gets bytes that
    // are no trusted root, the next a root. Only the root can verify anything, so a run that
    // passes must name the root's digest, never that of an earlier read of the same path.
    const dir = await mkdtemp(path.join(tmpdir(), 'ig-root-fifo-'));
    const fifo = path.join(dir, 'trusted_root.json');
    execFileSync('mkfifo', [fifo]);
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    await writeFile(a, 'not a trusted root\n');
    await copyFile('examples/trusted_root.json', b);
    const sha = async (f: string) =>
      createHash('sha256')
        .update(await readFile(f))
        .digest('hex');
    // Whichever reads first gets a; b waits until that reader has closed.
    // Its own process group, so the cat still waiting for a second reader goes with it.
    const writer = spawn(
      'sh',
      ['-c', 'cat "$1" > "$3"; sleep 0.5; cat "$2" > "$3"', 'sh', a, b, fifo],
      { stdio: 'ignore', detached: true },
    );
    try {
      const r = await runCli([
        'verify',
        '--output',
        'json',
        '--trusted-root',
        fifo,
        '--key',
        'examples/cosign.pub',
        'oci-layout://examples/layout:signed',
      ]);
      // A gate that reads the path once gets the non-root and refuses the run: also right.
      if (r.code === 2) expect(r.stderr + r.stdout).toMatch(/trusted-root/);
      else {
        expect(r.code, r.stderr).toBe(0);
        const report = JSON.parse(r.stdout) as Report;
        expect(report.policy.trustRoot).toBe(`file:${fifo} (sha256:${await sha(b)})`);
      }
    } finally {
      process.kill(-writer.pid!, 'SIGKILL');
    }
  });

  it('a trusted root that never ends is refused at the cap, not read into memory', async () => {
    // The policy section's digest once read the whole file before the capped loader did:
    // /dev/zero took the process to gigabytes and never answered.
    const r = await runCli(
      [
        'verify',
        '--output',
        'json',
        '--trusted-root',
        '/dev/zero',
        '--key',
        'examples/cosign.pub',
        'oci-layout://examples/layout:signed',
      ],
      {},
    );
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/trusted-root: \/dev\/zero is larger than 4194304 bytes/);
    const report = JSON.parse(r.stdout) as Report;
    // Over the cap: the path alone, no digest of some prefix of it.
    expect(report.policy.trustRoot).toBe('file:/dev/zero');
  }, 20_000);
});
