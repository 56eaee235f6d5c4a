// The GitHub attestations API inside the attestation flow: real cli/cli bundles served by a local
// server speaking the API, fetched through @actions/github's Octokit, verified offline against the
// public-good root and judged by the policy; and `--github-owner` through the CLI bundle, where
// the token must reach the API server and nothing else.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkAttestations, type AttestationPlan } from '../../src/core/verify/attestations.js';
import { PREDICATE, type AttestationConditions } from '../../src/core/attestations/types.js';
import { runSettings } from '../../src/core/settings.js';
import { githubAttestationSource } from '../../src/core/stores.js';
import type { GateOptions } from '../../src/core/options.js';
import type { IdentityRule } from '../../src/core/signatures/signer-policy.js';
import type { Report } from '../../src/core/report.js';
import { createSignatureVerifier } from '../../src/core/signatures/verifier.js';
import { loadTrustedRoot } from '../../src/core/trust/root.js';
import { getOctokit } from '../../src/edge/octokit.js';
import { pushLegacySignatures } from '../helpers/cosign-push.js';
import {
  loadCliCliBundles,
  startFakeGitHubApi,
  type FakeGitHubApi,
  type FakeGitHubApiOptions,
} from '../helpers/fake-github-api.js';
import { pushImage } from '../helpers/oci-push.js';
import { canMakeBcrypt, startRegistry, type StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli } from '../helpers/run-dist.js';
import { createTestSigstore } from '../helpers/test-sigstore.js';

const TOKEN = 'ghs_flow_token_9f8e7d';
const ISSUER = 'https://token.actions.githubusercontent.com';
const BUILDER = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
/** The reusable workflow that signed reusable-workflow-attestation.sigstore.json (its SAN). */
const REUSABLE =
  'https://github.com/github/artifact-attestations-workflows/.github/workflows/attest.yml@09b495c3f12c7881b3cc17209a327792065c1a1d';
const WHEEL = 'sha256:49a3aa6075e0f49f82843e74b5baa614ad2a588e6675612bf108a0a008c5ac25';
const NPM_SIGNER =
  'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main';
const NPM_SHA512 =
  'sha512:90f223f992e4c88dd068cd2a5fc57f9d2b30798343dd6e38f29c240e04ba090ef831f84490847c4e82b9232c78e8a258463b1e55c0f7469f730265008fa6633f';
/** Signed by GitHub's own Sigstore instance: not verifiable with the public-good root. */
const GITHUB_INSTANCE_WHL =
  'sha256:ae57936def59bc4c75edd3a837d89bcefc6d3a5e31d55a6fa7a71624f92c3c3b';

const FIXTURES = loadCliCliBundles();
const text = (file: string): string => FIXTURES.find((f) => f.file === file)!.text;

function byDigest(): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const f of FIXTURES) for (const d of f.digests) m.set(d, [...(m.get(d) ?? []), f.text]);
  return m;
}

const options = (o: Partial<GateOptions>): GateOptions => ({
  images: [],
  keys: [],
  insecureIgnoreTlog: false,
  insecureIgnoreSct: false,
  offline: true,
  concurrency: 1,
  failFast: false,
  insecureRegistries: [],
  registryCredentials: [],
  timeoutMs: 20_000,
  requireAllKeys: false,
  githubToken: TOKEN,
  ...o,
});

const identity = (subject: string, issuer = ISSUER): IdentityRule => ({
  subject: { exact: subject },
  issuer: { exact: issuer },
});

describe('GitHub attestations API in the attestation flow (real cli/cli bundles, offline public-good root)', () => {
  let api: FakeGitHubApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  async function start(o: Partial<FakeGitHubApiOptions> = {}): Promise<FakeGitHubApi> {
    api = await startFakeGitHubApi({
      token: TOKEN,
      bundles: byDigest(),
      repos: ['malancas/attest-demo', 'sigstore/sigstore-js'],
      orgs: ['malancas'],
      ...o,
    });
    return api;
  }

  async function plan(
    a: FakeGitHubApi,
    who: IdentityRule[],
    types: string[],
    conditions: AttestationConditions = {},
    source: Partial<GateOptions> = { githubOwner: 'malancas', githubRepository: 'attest-demo' },
  ): Promise<AttestationPlan> {
    return {
      verifier: createSignatureVerifier(await loadTrustedRoot({ offline: true }), {
        keys: [],
        identities: who,
        requireTlog: true,
        requireSct: true,
      }),
      requirements: { types, conditions },
      github: githubAttestationSource(
        {
          owner: source.githubOwner!,
          ...(source.githubRepository ? { repository: source.githubRepository } : {}),
        },
        runSettings(options(source), { GITHUB_API_URL: a.url }),
        AbortSignal.timeout(20_000),
        getOctokit,
      ),
    };
  }

  const provenance: AttestationConditions = {
    slsa: {
      builderId: { exact: 'https://github.com/actions/runner/github-hosted' },
      sourceRepository: { exact: 'https://github.com/malancas/attest-demo' },
      sourceRef: { exact: 'refs/heads/main' },
    },
  };

  it('verifies the reusable-workflow provenance: slsaprovenance1 satisfied, SLSA conditions checked', async () => {
    const a = await start();
    const out = await checkAttestations(
      WHEEL,
      [],
      await plan(a, [identity(REUSABLE)], [PREDICATE.slsaV1], provenance),
    );
    expect(out.reason).toBeUndefined();
    expect(out.ok).toBe(true);
    expect(out.rejected).toEqual([]);
    expect(out.attestations).toEqual([
      {
        predicateType: PREDICATE.slsaV1,
        format: 'github-api',
        verified: true,
        signer: REUSABLE,
        where: 'GitHub API malancas/attest-demo #0',
        issuer: ISSUER,
        signedAt: expect.stringMatching(/^2024-05-/),
        satisfies: [PREDICATE.slsaV1],
        checks: [{ condition: 'slsa', ok: true, message: expect.any(String) }],
      },
    ]);
    expect(a.requests).toEqual([
      {
        method: 'GET',
        path: `/api/v3/repos/malancas/attest-demo/attestations/${encodeURIComponent(WHEEL)}?per_page=100`,
        authorization: `token ${TOKEN}`,
      },
    ]);
  });

  it.each([
    [
      'the caller workflow of the same repository',
      identity(
        'https://github.com/malancas/attest-demo/.github/workflows/shared.yml@refs/heads/main',
      ),
    ],
    [
      'the reusable workflow at another commit',
      identity(REUSABLE.replace(/@[0-9a-f]+$/, '@refs/heads/main')),
    ],
    [
      'the right workflow from another issuer',
      identity(REUSABLE, 'https://token.actions.githubusercontent.com/acme'),
    ],
  ])(
    'does not count it for %s: ATTESTATION_MISSING, the bundle rejected as UNTRUSTED_SIGNER',
    async (_n, who) => {
      const a = await start();
      const out = await checkAttestations(WHEEL, [], await plan(a, [who], [PREDICATE.slsaV1]));
      expect(out).toMatchObject({ ok: false, code: 'ATTESTATION_MISSING', attestations: [] });
      expect(out.reason).toMatch(
        /no verified SLSA provenance v1 \(https:\/\/slsa\.dev\/provenance\/v1\) attestation \(none verified\)/,
      );
      expect(out.rejected).toEqual([
        {
          where: 'GitHub API malancas/attest-demo #0',
          code: 'UNTRUSTED_SIGNER',
          reason: expect.any(String),
        },
      ]);
    },
  );

  it('fails a provenance condition with expected vs actual', async () => {
    const a = await start();
    const out = await checkAttestations(
      WHEEL,
      [],
      await plan(a, [identity(REUSABLE)], [PREDICATE.slsaV1], {
        slsa: { sourceRef: { exact: 'refs/tags/v1.0.0' } },
      }),
    );
    expect(out).toMatchObject({ ok: false, code: 'POLICY_VIOLATION' });
    expect(out.reason).toMatch(/source ref is 'refs\/heads\/main', expected refs\/tags\/v1\.0\.0/);
    expect(out.attestations[0].checks).toEqual([
      { condition: 'slsa', ok: false, message: out.reason },
    ]);
  });

  it('never lets a verified attestation of another type satisfy a requirement', async () => {
    const a = await start();
    const out = await checkAttestations(
      WHEEL,
      [],
      await plan(a, [identity(REUSABLE)], [PREDICATE.slsaV02]),
    );
    expect(out).toMatchObject({ ok: false, code: 'ATTESTATION_MISSING' });
    expect(out.reason).toMatch(/verified: SLSA provenance v1/);
    expect(out.attestations).toHaveLength(1);
    expect(out.attestations[0].satisfies).toBeUndefined();
  });

  it('asks the organisation endpoint without a repository, and reads snappy bundle_url bodies', async () => {
    const a = await start({ bundleUrls: true });
    const out = await checkAttestations(
      WHEEL,
      [],
      await plan(a, [identity(REUSABLE)], [PREDICATE.slsaV1], {}, { githubOwner: 'malancas' }),
    );
    expect(out.ok).toBe(true);
    expect(out.attestations[0].where).toBe('GitHub API malancas #0');
    expect(a.requests.map((r) => [r.path.replace(/\?.*/, ''), r.authorization])).toEqual([
      [`/api/v3/orgs/malancas/attestations/${encodeURIComponent(WHEEL)}`, `token ${TOKEN}`],
      ['/blobs/0', undefined],
    ]);
  });

  it('verifies both npm provenance bundles (v0.3 and v0.1, Rekor intoto 0.0.2) for a sha512 subject', async () => {
    const a = await start();
    const out = await checkAttestations(
      NPM_SHA512,
      [],
      await plan(
        a,
        [identity(NPM_SIGNER)],
        [PREDICATE.slsaV1],
        {},
        {
          githubOwner: 'sigstore',
          githubRepository: 'sigstore-js',
        },
      ),
    );
    expect(out.rejected).toEqual([]);
    expect(out.ok).toBe(true);
    expect(out.attestations.map((x) => [x.where, x.signer])).toEqual([
      ['GitHub API sigstore/sigstore-js #0', NPM_SIGNER],
      ['GitHub API sigstore/sigstore-js #1', NPM_SIGNER],
    ]);
  });

  it('rejects a bad bundle in place and still counts the good one beside it', async () => {
    const a = await start({
      bundles: new Map([
        [
          WHEEL,
          [
            text('sigstoreBundle-invalid-signature.json'),
            text('reusable-workflow-attestation.sigstore.json'),
          ],
        ],
      ]),
    });
    const out = await checkAttestations(
      WHEEL,
      [],
      await plan(a, [identity(REUSABLE)], [PREDICATE.slsaV1]),
    );
    expect(out.ok).toBe(true);
    expect(out.attestations.map((x) => x.where)).toEqual(['GitHub API malancas/attest-demo #1']);
    expect(out.rejected).toHaveLength(1);
    expect(out.rejected[0].where).toBe('GitHub API malancas/attest-demo #0');
  });

  it("rejects a bundle from GitHub's own Sigstore instance under the public-good root", async () => {
    const a = await start({ repos: ['malancas/attest-demo'] });
    const out = await checkAttestations(
      GITHUB_INSTANCE_WHL,
      [],
      await plan(a, [identity(REUSABLE)], [PREDICATE.slsaV1]),
    );
    expect(out).toMatchObject({ ok: false, code: 'ATTESTATION_MISSING', attestations: [] });
    expect(out.rejected.length).toBeGreaterThan(0);
    expect(out.rejected.every((r) => r.where.startsWith('GitHub API malancas/attest-demo #'))).toBe(
      true,
    );
  });

  it('treats a digest GitHub holds nothing for as no attestations (404), asking once', async () => {
    const a = await start();
    const none = `sha256:${'0'.repeat(64)}`;
    const out = await checkAttestations(
      none,
      [],
      await plan(a, [identity(REUSABLE)], [PREDICATE.slsaV1]),
    );
    expect(out).toMatchObject({ ok: false, code: 'ATTESTATION_MISSING', rejected: [] });
    expect(a.requests).toHaveLength(1);
  });
});

describe.skipIf(!canMakeBcrypt())('--github-owner through the CLI', () => {
  let reg: StartedRegistry;
  let api: FakeGitHubApi;
  let front: Recorder;
  let dockerConfig: string;
  let root: string;
  let pub: string;
  let image: { ref: string; digest: string };
  let attested: { ref: string; digest: string };

  beforeAll(async () => {
    // htpasswd: the registry gets an Authorization header of its own, which must not be the token.
    reg = await startRegistry({ auth: 'htpasswd' });
    const ss = await createTestSigstore();
    const dir = await mkdtemp(path.join(tmpdir(), 'gh-flow-'));
    root = await ss.writeTrustedRoot(dir);
    const key = ss.generateKeyPair();
    pub = path.join(dir, 'cosign.pub');
    await writeFile(pub, key.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const pushed = await pushImage(reg, 'acme/app', 'v1');
    await pushLegacySignatures(reg, 'acme/app', pushed.digest, [
      ss.signLegacyKey({
        imageDigest: pushed.digest,
        dockerReference: `${reg.host}/acme/app`,
        ...key,
      }),
    ]);
    // The CLI reaches the registry through this recorder, so every header it sends is seen.
    front = await recordingProxy(reg.host);
    dockerConfig = path.join(dir, 'docker');
    await mkdir(dockerConfig);
    const auth = Buffer.from(`${reg.username}:${reg.password}`).toString('base64');
    await writeFile(
      path.join(dockerConfig, 'config.json'),
      JSON.stringify({ auths: { [front.host]: { auth } } }),
    );
    image = { ref: `${front.host}/acme/app:v1`, digest: pushed.digest };
    // A second image whose provenance lives only in GitHub: a keyless DSSE bundle, as
    // actions/attest-build-provenance stores it, from the test Sigstore.
    const v2 = await pushImage(reg, 'acme/app', 'v2');
    await pushLegacySignatures(reg, 'acme/app', v2.digest, [
      ss.signLegacyKey({ imageDigest: v2.digest, dockerReference: `${reg.host}/acme/app`, ...key }),
    ]);
    attested = { ref: `${front.host}/acme/app:v2`, digest: v2.digest };
    const provenance = ss.signStatementBundle(
      {
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: `${reg.host}/acme/app`, digest: { sha256: v2.digest.slice(7) } }],
        predicateType: PREDICATE.slsaV1,
        predicate: {
          buildDefinition: {
            buildType: 'https://actions.github.io/buildtypes/workflow/v1',
            externalParameters: {
              workflow: { ref: 'refs/heads/main', repository: 'https://github.com/acme/app' },
            },
          },
          runDetails: { builder: { id: 'https://github.com/actions/runner/github-hosted' } },
        },
      },
      { identity: BUILDER, issuer: ISSUER },
    );
    const bundles = byDigest();
    bundles.set(v2.digest, [provenance.bytes.toString('utf8')]);
    api = await startFakeGitHubApi({
      token: TOKEN,
      bundles,
      repos: ['acme/app'],
      orgs: ['acme'],
    });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    front?.server.closeAllConnections();
    await new Promise<void>((r) => (front ? front.server.close(() => r()) : r()));
    await reg?.stop();
  });

  afterEach(() => {
    api.requests.length = 0;
    front.seen.length = 0;
  });

  const cli = async (
    args: string[],
    env: NodeJS.ProcessEnv,
    ref = image.ref,
  ): Promise<{ code: number | null; report: Report; stderr: string }> => {
    const r = await runCli(
      ['verify', '--output', 'json', '--trusted-root', root, '--key', pub, ...args, ref],
      { GITHUB_API_URL: api.url, DOCKER_CONFIG: dockerConfig, ...env },
    );
    return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
  };

  it('asks the API for the image digest; nothing there is ATTESTATION_MISSING; the token goes only to the API', async () => {
    const { code, report } = await cli(
      ['--attestation', 'slsaprovenance1', '--github-owner', 'acme', '--github-repository', 'app'],
      { GITHUB_TOKEN: TOKEN },
    );
    const r = report.results[0];
    expect(r).toMatchObject({
      outcome: 'failed',
      code: 'ATTESTATION_MISSING',
      digest: image.digest,
      attestations: [],
    });
    expect(r.signatures).toHaveLength(1);
    expect(r.reason).toMatch(/no verified SLSA provenance v1/);
    expect(code).toBe(1);
    expect(api.requests).toEqual([
      {
        method: 'GET',
        path: `/api/v3/repos/acme/app/attestations/${encodeURIComponent(image.digest)}?per_page=100`,
        authorization: `token ${TOKEN}`,
      },
    ]);
    // The registry was asked with its own credentials; no header of any request held the token.
    const basic = `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`;
    expect(front.seen.map((q) => q.authorization)).toContain(basic);
    expect(front.seen.filter((q) => q.headers.includes(TOKEN.slice(4)))).toEqual([]);
  });

  const fromGitHub = [
    '--attestation',
    'slsaprovenance1',
    '--builder-id',
    'https://github.com/actions/runner/github-hosted',
    '--attestation-certificate-identity',
    BUILDER,
    '--attestation-certificate-oidc-issuer',
    ISSUER,
    '--github-owner',
    'acme',
    '--github-repository',
    'app',
  ];

  it('passes an image whose provenance GitHub holds, signed by the attestation identity', async () => {
    const { code, report } = await cli(fromGitHub, { GITHUB_TOKEN: TOKEN }, attested.ref);
    const r = report.results[0];
    expect(r.reason).toBeUndefined();
    expect(code).toBe(0);
    expect(r.attestations).toEqual([
      {
        predicateType: PREDICATE.slsaV1,
        format: 'github-api',
        verified: true,
        signer: BUILDER,
        where: 'GitHub API acme/app #0',
        issuer: ISSUER,
        signedAt: expect.any(String),
        satisfies: [PREDICATE.slsaV1],
        checks: [{ condition: 'slsa', ok: true, message: expect.any(String) }],
      },
    ]);
    expect(api.requests.map((q) => q.path)).toEqual([
      `/api/v3/repos/acme/app/attestations/${encodeURIComponent(attested.digest)}?per_page=100`,
    ]);
  });

  it('does not count that provenance for another attestation identity', async () => {
    const other = fromGitHub.map((a) => (a === BUILDER ? BUILDER.replace('acme', 'evil') : a));
    const { code, report } = await cli(other, { GITHUB_TOKEN: TOKEN }, attested.ref);
    expect(code).toBe(1);
    expect(report.results[0]).toMatchObject({ code: 'ATTESTATION_MISSING', attestations: [] });
    expect(report.results[0].rejected).toEqual([
      expect.objectContaining({ where: 'GitHub API acme/app #0', code: 'UNTRUSTED_SIGNER' }),
    ]);
  });

  it('passes the same image through the Action, with the token masked and sent only to the API', async () => {
    const run = await runAction(
      {
        images: attested.ref,
        key: pub,
        'trusted-root': root,
        attestations: 'slsaprovenance1',
        'attestation-certificate-identity': BUILDER,
        'attestation-certificate-oidc-issuer': ISSUER,
        'github-owner': 'acme',
        'github-repository': 'app',
        'github-token': TOKEN,
      },
      { GITHUB_API_URL: api.url, DOCKER_CONFIG: dockerConfig },
    );
    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.code).toBe(0);
    expect(run.outputs.verified).toBe('true');
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(run.stdout.replaceAll(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN);
    expect(api.requests.map((q) => q.authorization)).toEqual([`token ${TOKEN}`]);
    expect(front.seen.filter((q) => q.headers.includes(TOKEN.slice(4)))).toEqual([]);
  });

  it('serves a policy file rule too: its required provenance comes from GitHub', async () => {
    const file = path.join(path.dirname(pub), 'policy.yaml');
    await writeFile(
      file,
      [
        'version: 1',
        'rules:',
        '  - name: acme',
        `    images: ['${front.host}/acme/**']`,
        '    keys: [cosign.pub]',
        '    attestations: [slsaprovenance1]',
        '    attestationIdentities:',
        `      - subject: ${BUILDER}`,
        `        issuer: ${ISSUER}`,
        '',
      ].join('\n'),
    );
    const r = await runCli(
      [
        'verify',
        '--output',
        'json',
        '--trusted-root',
        root,
        '--policy',
        file,
        '--github-owner',
        'acme',
        '--github-repository',
        'app',
        attested.ref,
        image.ref,
      ],
      { GITHUB_API_URL: api.url, DOCKER_CONFIG: dockerConfig, GITHUB_TOKEN: TOKEN },
    );
    const report = JSON.parse(r.stdout) as Report;
    expect(report.results.map((x) => [x.outcome, x.code])).toEqual([
      ['verified', undefined],
      ['failed', 'ATTESTATION_MISSING'],
    ]);
    expect(report.results[0].attestations[0]).toMatchObject({
      format: 'github-api',
      where: 'GitHub API acme/app #0',
      signer: BUILDER,
    });
    // The source is part of the policy, so a shard run without it has another policyDigest.
    expect(report.policy.policyFile?.github).toBe('acme/app');
    expect(r.code).toBe(1);
    expect(api.requests.map((q) => q.path).sort()).toEqual(
      [attested.digest, image.digest]
        .map((d) => `/api/v3/repos/acme/app/attestations/${encodeURIComponent(d)}?per_page=100`)
        .sort(),
    );
  });

  it('uses the organisation endpoint when only --github-owner is given', async () => {
    const { code } = await cli(['--attestation', 'slsaprovenance1', '--github-owner', 'acme'], {
      GITHUB_TOKEN: TOKEN,
    });
    expect(code).toBe(1);
    expect(api.requests.map((q) => q.path)).toEqual([
      `/api/v3/orgs/acme/attestations/${encodeURIComponent(image.digest)}?per_page=100`,
    ]);
  });

  it.each([
    [
      'no GITHUB_TOKEN',
      {},
      'USAGE',
      /github-owner: the GitHub attestations API needs github-token/,
      0,
    ],
    [
      'a token the API refuses',
      { GITHUB_TOKEN: 'ghs_wrong' },
      'AUTH_REFUSED',
      /refused github-token \(HTTP 401/,
      1,
    ],
  ])('is an error (exit 2), not a verdict, with %s', async (_n, env, errCode, message, asked) => {
    const { code, report } = await cli(
      ['--attestation', 'slsaprovenance1', '--github-owner', 'acme', '--github-repository', 'app'],
      env,
    );
    expect(code).toBe(2);
    expect(report.results[0]).toMatchObject({ outcome: 'error', code: errCode });
    expect(report.results[0].reason).toMatch(message);
    expect(api.requests).toHaveLength(asked);
  });
});

interface Recorder {
  server: Server;
  host: string;
  seen: Array<{ authorization?: string; headers: string }>;
}

/** A reverse proxy to `target` that records every request's headers. */
async function recordingProxy(target: string): Promise<Recorder> {
  const seen: Recorder['seen'] = [];
  const [hostname, port] = target.split(':');
  const server = createServer((req, res) => {
    seen.push({
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      headers: JSON.stringify(req.rawHeaders),
    });
    const up = request(
      { hostname, port: Number(port), method: req.method, path: req.url, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, host: `127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}
