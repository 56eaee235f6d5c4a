// GitHub workflow pinning and SCT enforcement end to end: keyless legacy signatures from the test
// Sigstore, with the Fulcio extensions GitHub Actions tokens produce, pushed to a real
// docker-registry and verified through the committed CLI bundle (SECURITY.md 6 items 2-7, 15).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { signedImage, startSigningRegistry } from '../helpers/images.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli } from '../helpers/run-dist.js';
import type { KeylessSigner, TestSigstore } from '../helpers/test-sigstore.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
const WORKFLOW = 'acme/app/.github/workflows/release.yml';
const REF = 'refs/heads/main';
const OID = {
  buildSigner: '1.3.6.1.4.1.57264.1.9',
  runner: '1.3.6.1.4.1.57264.1.11',
  sourceRepo: '1.3.6.1.4.1.57264.1.12',
  sourceRef: '1.3.6.1.4.1.57264.1.14',
  legacyRepo: '1.3.6.1.4.1.57264.1.5',
  legacyRef: '1.3.6.1.4.1.57264.1.6',
};

/** What Fulcio wrote before the 2023 extensions: issuer .1.1 only, repository and ref .1.5/.1.6. */
function pre2023Signer(o: { repo?: string; ref?: string } = {}): KeylessSigner {
  return {
    identity: `https://github.com/${WORKFLOW}@${REF}`,
    issuer: ISSUER,
    issuerExtensions: 'legacy',
    extensions: { [OID.legacyRepo]: o.repo ?? 'acme/app', [OID.legacyRef]: o.ref ?? REF },
  };
}

/** What Fulcio writes for a run of `workflow@ref` in `repo` on a runner. */
function githubSigner(
  o: { workflow?: string; ref?: string; repo?: string; runner?: string; issuer?: string } = {},
  drop: string[] = [],
): KeylessSigner {
  const san = `https://github.com/${o.workflow ?? WORKFLOW}@${o.ref ?? REF}`;
  const extensions: Record<string, string> = {
    [OID.buildSigner]: san,
    [OID.runner]: o.runner ?? 'github-hosted',
    [OID.sourceRepo]: `https://github.com/${o.repo ?? 'acme/app'}`,
    [OID.sourceRef]: o.ref ?? REF,
  };
  for (const d of drop) delete extensions[d];
  return { identity: san, issuer: o.issuer ?? ISSUER, extensions };
}

const SIGNERS: Record<string, KeylessSigner> = {
  good: githubSigner(),
  tagged: githubSigner({ ref: 'refs/tags/v1' }),
  'other-workflow': githubSigner({ workflow: 'acme/app/.github/workflows/other.yml' }),
  'main-evil': githubSigner({ ref: 'refs/heads/main-evil' }),
  'dot-trick': githubSigner({ workflow: 'acme/app/.github/workflowsXrelease.yml' }),
  'other-repo': githubSigner({ repo: 'evil/app' }),
  'self-hosted': githubSigner({ runner: 'self-hosted' }),
  'no-repo-ext': githubSigner({}, [OID.sourceRepo]),
  'no-signer-ext': githubSigner({}, [OID.buildSigner]),
  'signer-ext-other': {
    ...githubSigner(),
    extensions: {
      ...githubSigner().extensions,
      [OID.buildSigner]: `https://github.com/evil/app/.github/workflows/x.yml@${REF}`,
    },
  },
  'pre-2023': pre2023Signer(),
  'pre-2023-other-repo': pre2023Signer({ repo: 'evil/app' }),
  'pre-2023-other-ref': pre2023Signer({ ref: 'refs/heads/dev' }),
  'issuer-suffix': githubSigner({ issuer: `${ISSUER}.evil` }),
  'no-sct': { ...githubSigner(), ctLog: 'none' },
};

let reg: StartedRegistry;
let ss: TestSigstore;
let root: string;
const ref: Record<string, string> = {};

beforeAll(async () => {
  ({ reg, ss, root } = await startSigningRegistry('keyless-wf-'));
  for (const [name, keyless] of Object.entries(SIGNERS))
    ref[name] = (await signedImage({ reg, ss }, 'acme/app', name, { keyless })).ref;
}, 120_000);

afterAll(async () => {
  await reg?.stop();
});

async function cli(
  args: string[],
  image: string,
): Promise<{ code: number | null; report: Report; stderr: string }> {
  const r = await runCli(['verify', '--output', 'json', '--trusted-root', root, ...args, image]);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

const PIN_ALL = [
  '--signer-workflow',
  `${WORKFLOW}@${REF}`,
  '--signer-repository',
  'acme/app',
  '--source-ref',
  REF,
  '--deny-self-hosted-runners',
];

describe('signer-workflow and friends (CLI bundle, real registry)', () => {
  it('verifies a signature from the pinned workflow, repository, ref and hosted runner', async () => {
    const { code, report } = await cli(PIN_ALL, ref.good);
    expect(report.results[0]).toMatchObject({
      outcome: 'verified',
      signatures: [
        { kind: 'keyless', identity: `https://github.com/${WORKFLOW}@${REF}`, issuer: ISSUER },
      ],
    });
    expect(code).toBe(0);
    expect(report.policy.identities).toEqual([
      {
        subject: `https://github.com/${WORKFLOW}@${REF}`,
        issuer: ISSUER,
        extensions: {
          [OID.buildSigner]: 'the SAN (where present)',
          [OID.sourceRepo]: 'https://github.com/acme/app',
          [OID.legacyRepo]: `acme/app (deprecated OID; enough alone where ${OID.sourceRepo} is absent)`,
          [OID.sourceRef]: REF,
          [OID.legacyRef]: `${REF} (deprecated OID; enough alone where ${OID.sourceRef} is absent)`,
          [OID.runner]: 'github-hosted',
        },
      },
    ]);
  });

  it('accepts any ref of the workflow when signer-workflow has no @ref', async () => {
    for (const name of ['good', 'tagged', 'main-evil']) {
      const { code } = await cli(['--signer-workflow', WORKFLOW], ref[name]);
      expect(code, name).toBe(0);
    }
    const { code } = await cli(['--signer-workflow', WORKFLOW], ref['other-workflow']);
    expect(code).toBe(1);
  });

  it.each([
    [
      'other-workflow',
      PIN_ALL,
      /expected identity https:\/\/github\.com\/acme\/app\/\.github\/workflows\/release\.yml@refs\/heads\/main, got identity "https:\/\/github\.com\/acme\/app\/\.github\/workflows\/other\.yml@refs\/heads\/main"/,
    ],
    [
      'main-evil',
      PIN_ALL,
      /expected identity .*@refs\/heads\/main, got identity ".*@refs\/heads\/main-evil"/,
    ],
    [
      'main-evil',
      ['--signer-workflow', WORKFLOW, '--source-ref', REF],
      /expected source ref extension 1\.3\.6\.1\.4\.1\.57264\.1\.14=refs\/heads\/main, got "refs\/heads\/main-evil"/,
    ],
    ['dot-trick', ['--signer-workflow', WORKFLOW], /expected identity \/.*\//],
    // A reusable workflow called from evil/app: SAN and build signer URI name acme/app's
    // workflow, the source repository the caller (red-team round, issue 15).
    [
      'other-repo',
      ['--signer-workflow', `${WORKFLOW}@${REF}`],
      /expected source repository extension 1\.3\.6\.1\.4\.1\.57264\.1\.12=https:\/\/github\.com\/acme\/app, got "https:\/\/github\.com\/evil\/app"/,
    ],
    [
      'other-repo',
      ['--signer-workflow', WORKFLOW],
      /1\.12=https:\/\/github\.com\/acme\/app, got "https:\/\/github\.com\/evil\/app"/,
    ],
    [
      'pre-2023-other-repo',
      ['--signer-workflow', `${WORKFLOW}@${REF}`],
      /1\.5=acme\/app, got "evil\/app"/,
    ],
    [
      'other-repo',
      PIN_ALL,
      /expected source repository extension 1\.3\.6\.1\.4\.1\.57264\.1\.12=https:\/\/github\.com\/acme\/app, got "https:\/\/github\.com\/evil\/app"/,
    ],
    [
      'self-hosted',
      PIN_ALL,
      /expected runner environment extension 1\.3\.6\.1\.4\.1\.57264\.1\.11=github-hosted, got "self-hosted"/,
    ],
    [
      'no-repo-ext',
      PIN_ALL,
      /expected source repository extension 1\.3\.6\.1\.4\.1\.57264\.1\.12 or 1\.3\.6\.1\.4\.1\.57264\.1\.5=https:\/\/github\.com\/acme\/app \/ acme\/app, but the certificate has none/,
    ],
    [
      'signer-ext-other',
      PIN_ALL,
      /expected build signer URI extension 1\.3\.6\.1\.4\.1\.57264\.1\.9=the SAN, got "https:\/\/github\.com\/evil\/app\/.*x\.yml@refs\/heads\/main"/,
    ],
    [
      'pre-2023',
      PIN_ALL,
      /expected runner environment extension 1\.3\.6\.1\.4\.1\.57264\.1\.11=github-hosted, but the certificate has none/,
    ],
    [
      'pre-2023-other-repo',
      ['--signer-workflow', `${WORKFLOW}@${REF}`, '--signer-repository', 'acme/app'],
      /expected source repository extension 1\.3\.6\.1\.4\.1\.57264\.1\.5=acme\/app, got "evil\/app"/,
    ],
    [
      'pre-2023-other-ref',
      ['--signer-workflow', WORKFLOW, '--source-ref', REF],
      /expected source ref extension 1\.3\.6\.1\.4\.1\.57264\.1\.6=refs\/heads\/main, got "refs\/heads\/dev"/,
    ],
    [
      'issuer-suffix',
      PIN_ALL,
      /expected issuer https:\/\/token\.actions\.githubusercontent\.com, got .*githubusercontent\.com\.evil/,
    ],
  ])('rejects %s (exit 1) saying expected vs actual', async (name, args, reason) => {
    const { code, report } = await cli(args, ref[name]);
    const r = report.results[0];
    expect(r).toMatchObject({ outcome: 'failed', code: 'UNTRUSTED_SIGNER' });
    expect(r.reason).toMatch(reason);
    expect(code).toBe(1);
  });

  // Issue 10 item 12: certificates from before the 2023 Fulcio extensions (no .1.8, .1.9, .1.12).
  it.each<[string, string[]]>([
    ['no-signer-ext', PIN_ALL],
    ['pre-2023', ['--signer-workflow', `${WORKFLOW}@${REF}`]],
    ['pre-2023', ['--signer-workflow', WORKFLOW, '--signer-repository', 'acme/app']],
    ['pre-2023', ['--signer-workflow', `${WORKFLOW}@${REF}`, '--source-ref', REF]],
    ['pre-2023', ['--signer-repository', 'acme/app']],
  ])('verifies %s under %j: the SAN pins the workflow', async (name, args) => {
    const { code, report } = await cli(args, ref[name]);
    expect(report.results[0]).toMatchObject({
      outcome: 'verified',
      signatures: [{ identity: `https://github.com/${WORKFLOW}@${REF}`, issuer: ISSUER }],
    });
    expect(code).toBe(0);
  });

  it('signer-repository alone trusts any workflow run in that repository, and only there', async () => {
    expect((await cli(['--signer-repository', 'acme/app'], ref['other-workflow'])).code).toBe(0);
    expect((await cli(['--signer-repository', 'acme/app'], ref['other-repo'])).code).toBe(1);
  });

  it('narrows an explicit identity with the extension inputs', async () => {
    const id = ['--certificate-identity', `https://github.com/${WORKFLOW}@${REF}`];
    expect((await cli([...id, '--deny-self-hosted-runners'], ref.good)).code).toBe(0);
    expect((await cli([...id, '--deny-self-hosted-runners'], ref['self-hosted'])).code).toBe(1);
  });

  it.each([
    [
      ['--signer-workflow', WORKFLOW, '--certificate-identity', 'x'],
      /signer-workflow excludes certificate-identity/,
    ],
    [
      ['--signer-workflow', 'acme/app/release.yml'],
      /signer-workflow: 'acme\/app\/release.yml' is not owner\/repo/,
    ],
    [['--signer-repository', 'acme'], /signer-repository: 'acme' is not owner\/repo/],
    [
      ['--signer-workflow', WORKFLOW, '--source-ref', 'main'],
      /source-ref: 'main' is not a full git ref/,
    ],
    [
      ['--deny-self-hosted-runners'],
      /give signer-workflow, signer-repository or certificate-identity/,
    ],
  ])('refuses %j before any network I/O (exit 2)', async (args, msg) => {
    const { code, report } = await cli(args, '127.0.0.1:9/acme/app:1');
    expect(code).toBe(2);
    expect(report.error?.message).toMatch(msg);
  });

  it('reads the same inputs in the Action', async () => {
    const run = await runAction({
      images: ref.good,
      'signer-workflow': `${WORKFLOW}@${REF}`,
      'signer-repository': 'acme/app',
      'source-ref': REF,
      'deny-self-hosted-runners': 'true',
      'trusted-root': root,
    });
    expect(run.code).toBe(0);
    const bad = await runAction({
      images: ref['self-hosted'],
      'signer-workflow': `${WORKFLOW}@${REF}`,
      'deny-self-hosted-runners': 'true',
      'trusted-root': root,
    });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      /::error::.*expected runner environment extension 1\.3\.6\.1\.4\.1\.57264\.1\.11=github-hosted/,
    );
    const old = await runAction({
      images: ref['pre-2023'],
      'signer-workflow': `${WORKFLOW}@${REF}`,
      'signer-repository': 'acme/app',
      'trusted-root': root,
    });
    expect(old.code).toBe(0);
    expect(old.outputs.verified).toBe('true');
  });
});

describe('certificate transparency (SCT) for keyless certificates', () => {
  const args = ['--signer-workflow', `${WORKFLOW}@${REF}`];

  it('fails a certificate without an SCT by default (exit 1)', async () => {
    const { code, report } = await cli(args, ref['no-sct']);
    expect(report.results[0]).toMatchObject({ outcome: 'failed', verified: false });
    expect(report.results[0].reason).toMatch(/SCT|certificate transparency|ctlog/i);
    expect(report.policy.requireSct).toBe(true);
    expect(code).toBe(1);
  });

  it('passes it with --insecure-ignore-sct, and says so in the policy', async () => {
    const { code, report } = await cli([...args, '--insecure-ignore-sct'], ref['no-sct']);
    expect(code).toBe(0);
    expect(report.policy.requireSct).toBe(false);
  });
});
