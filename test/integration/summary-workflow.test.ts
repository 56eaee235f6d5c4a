// Issue 14, "Done when": the README's two-job workflow (`gate` signs a verification summary of
// each image keyless and pushes it; `admit` accepts the images on those summaries), taken from
// the README and run by the workflow emulator through `node dist/index.js`, against a real
// docker-registry holding keyless-signed images. Fulcio and Rekor are @sigstore/mock's, serving a
// certificate for the workflow as Fulcio does for a GitHub token (SAN = https://github.com/ +
// job_workflow_ref); the token comes from a fake Actions OIDC endpoint spoken as GitHub speaks it
// (GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=sigstore, `Authorization: Bearer
// $ACTIONS_ID_TOKEN_REQUEST_TOKEN`, answer `{"value": JWT}`), which the emulator gives only to the
// job with `permissions: id-token: write`. Every registry request goes through a counting proxy,
// so the admit job is seen not to fetch a signature.
import { createServer, request as httpRequest, type Server } from 'node:http';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { TOOL_URI, type Report } from '../../src/core/report.js';
import { snippet } from '../helpers/doc-snippets.js';
import {
  randomImage,
  signLegacy,
  signedImage,
  type Image,
  type Signing,
} from '../helpers/images.js';
import { pushManifest } from '../helpers/oci-push.js';
import {
  registryAvailable,
  startRegistry,
  type StartedRegistry,
} from '../helpers/registry-process.js';
import {
  githubWorkflowSan,
  identityToken,
  startMockSigstore,
  type MockSigstore,
  writeMockSigningConfig,
  writeMergedRoot,
} from '../helpers/sigstore-mock-services.js';
import { createTestSigstore, type KeylessSigner } from '../helpers/test-sigstore.js';
import { runWorkflow, type JobRun, type WorkflowRun } from '../helpers/workflow-runner.js';

const DOC = 'README.md';
const FILE = '.github/workflows/deploy.yml';
const ISSUER = 'https://token.actions.githubusercontent.com';
/** The repository the README's workflow lives in, and the branch it runs on. */
const REPO = 'acme/app';
const REF = 'refs/heads/main';
const RUNTIME_TOKEN = 'ghs_runtime-token-of-the-job';
const VSA = 'https://slsa.dev/verification_summary/v1';
const BUILD_SIGNER_OID = '1.3.6.1.4.1.57264.1.9';
const SIG_PATH = /^\/v2\/.+\/manifests\/sha256-[0-9a-f]{64}\.sig$/;

/** The docs' example statement: a snippet `file=` this name, and where this test writes its own. */
const EXAMPLE_FILE = 'examples/vsa-statement.json';
const EXAMPLE_OUT = path.join(tmpdir(), 'image-gate-vsa-statement.json');

/** Every field of a JSON value as a sorted path list (`a.b`, `a.list[]`), values ignored. */
function fieldPaths(v: unknown, at = ''): string[] {
  const out = new Set<string>();
  const walk = (x: unknown, p: string): void => {
    if (Array.isArray(x)) {
      if (x.length > 0) out.add(`${p}[]`);
      for (const e of x) walk(e, `${p}[]`);
    } else if (typeof x === 'object' && x !== null)
      for (const [k, e] of Object.entries(x)) {
        const q = p ? `${p}.${k}` : k;
        out.add(q);
        walk(e, q);
      }
  };
  walk(v, at);
  return [...out].sort();
}

/** What Fulcio writes for a run of `workflow` (`owner/repo/.github/workflows/F@ref`). */
function workflowSigner(workflow: string): KeylessSigner {
  const san = `https://github.com/${workflow}`;
  return {
    identity: san,
    issuer: ISSUER,
    extensions: { [BUILD_SIGNER_OID]: san, '1.3.6.1.4.1.57264.1.11': 'github-hosted' },
  };
}

interface Logged {
  method: string;
  path: string;
  at: number;
}

/** A transparent proxy that keeps the Host header (so upload Locations name it) and logs. */
async function countingProxy(
  reg: StartedRegistry,
): Promise<{ host: string; log: Logged[]; close(): Promise<void> }> {
  const target = new URL(reg.url);
  const log: Logged[] = [];
  const server: Server = createServer((req, res) => {
    log.push({ method: req.method ?? '', path: req.url ?? '', at: Date.now() });
    const up = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (ur) => {
        res.writeHead(ur.statusCode ?? 502, ur.headers);
        ur.pipe(res);
      },
    );
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    host: `127.0.0.1:${(server.address() as { port: number }).port}`,
    log,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

let reg: StartedRegistry;
let proxy: Awaited<ReturnType<typeof countingProxy>>;
let mock: MockSigstore;
let oidc: Server;
let dir: string;
let signing: Signing;
let readme: string;
let world: Parameters<typeof runWorkflow>[1];
const images: Record<string, Image> = {};
const tokenRequests: Array<{ url: string; authorization: string | undefined; at: number }> = [];
/** The identity of the README's workflow file as Fulcio certifies it. */
const GATE_IDENTITY = `https://github.com/${REPO}/${FILE}@${REF}`;
/** The workflow that signs the images (the README's signer-workflow). */
const RELEASE = 'acme/release/.github/workflows/build.yml@refs/heads/main';

beforeAll(async () => {
  if (!registryAvailable) return;
  reg = await startRegistry();
  proxy = await countingProxy(reg);
  dir = await mkdtemp(path.join(tmpdir(), 'summary-workflow-'));
  const ss = await createTestSigstore();
  signing = { reg: { host: proxy.host }, ss };
  mock = await startMockSigstore({ san: githubWorkflowSan });

  // One trusted root: the test Sigstore that signed the images and the mock that signs summaries.
  const rootFile = await writeMergedRoot(
    path.join(dir, 'trusted_root.json'),
    await ss.writeTrustedRoot(dir),
    mock,
  );
  const signingConfig = await writeMockSigningConfig(path.join(dir, 'signing_config.json'), mock);

  // The Actions OIDC endpoint: the claims a token for a push to main of acme/app has.
  oidc = createServer((req, res) => {
    tokenRequests.push({
      url: req.url ?? '',
      authorization: req.headers.authorization,
      at: Date.now(),
    });
    const u = new URL(req.url ?? '/', 'http://x');
    if (req.headers.authorization?.toLowerCase() !== `bearer ${RUNTIME_TOKEN}`.toLowerCase()) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Bad token"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        value: identityToken({
          iss: ISSUER,
          aud: u.searchParams.get('audience') ?? 'https://github.com/acme',
          sub: `repo:${REPO}:ref:${REF}`,
          repository: REPO,
          repository_owner: 'acme',
          ref: REF,
          sha: 'a'.repeat(40),
          workflow: 'deploy',
          event_name: 'push',
          job_workflow_ref: `${REPO}/${FILE}@${REF}`,
          runner_environment: 'github-hosted',
        }),
      }),
    );
  });
  await new Promise<void>((r) => oidc.listen(0, '127.0.0.1', r));
  const oidcPort = (oidc.address() as { port: number }).port;

  for (const name of ['api', 'web'])
    images[name] = await signedImage(signing, `acme/${name}`, '1.4.2', {
      keyless: workflowSigner(RELEASE),
    });

  readme = (await snippet(DOC, FILE)).text;
  const repoDir = path.join(dir, 'repo');
  await mkdir(repoDir);
  world = {
    repo: repoDir,
    // What a reader's runner has and the README leaves to the defaults: the public-good trusted
    // root and signing config, here the test Sigstore's and the mock's.
    actionInputs: { 'trusted-root': rootFile },
    jobInputs: { gate: { 'signing-config': signingConfig } },
    idToken: {
      url: `http://127.0.0.1:${oidcPort}/_apis/distributedtask/hubs/Actions/plans/p/jobs/j/idtoken?api-version=2.0`,
      token: RUNTIME_TOKEN,
    },
  };
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await reg?.stop();
  await mock?.close();
  oidc?.closeAllConnections();
  await new Promise<void>((r) => (oidc ? oidc.close(() => r()) : r()));
});

/** The README's workflow with the registry filled in, edited by `edit`, run by the emulator. */
async function runReadme(
  name: string,
  edit?: (wf: { jobs: Record<string, Record<string, unknown>> }) => void,
): Promise<WorkflowRun> {
  let text = readme.split('ghcr.io/acme/').join(`${proxy.host}/acme/`);
  if (edit) {
    const wf = parse(text) as { jobs: Record<string, Record<string, unknown>> };
    edit(wf);
    text = stringify(wf);
  }
  const file = path.join(dir, `${name}.yml`);
  await writeFile(file, text);
  return runWorkflow(file, world);
}

/** Only the admit job (the gate ran earlier), its image-gate inputs changed by `set`. */
const admitOnly =
  (set: Record<string, string> = {}) =>
  (wf: { jobs: Record<string, Record<string, unknown>> }) => {
    const admit = wf.jobs.admit!;
    delete admit.needs;
    const step = (admit.steps as Array<{ with: Record<string, string> }>)[0]!;
    Object.assign(step.with, set);
    wf.jobs = { admit };
  };

const jobOf = (run: WorkflowRun, id: string): JobRun => {
  const j = run.jobs.find((x) => x.job === id);
  if (!j) throw new Error(`no job ${id}`);
  return j;
};

async function reportOf(job: JobRun): Promise<Report> {
  return JSON.parse(
    await readFile(path.join(job.runnerTemp, 'image-gate-report.json'), 'utf8'),
  ) as Report;
}

const during = (job: JobRun): Logged[] =>
  proxy.log.filter((l) => l.at >= job.startedAt && l.at <= job.endedAt);

describe("the README's summary workflow", () => {
  it('is a valid workflow (SchemaStore schema) that pins the identity of its own file', () => {
    expect(validateWorkflow(readme).errors).toEqual([]);
    const wf = parse(readme) as {
      jobs: Record<string, { steps: Array<{ with?: Record<string, unknown> }> }>;
    };
    expect(Object.keys(wf.jobs)).toEqual(['gate', 'admit']);
    expect(wf.jobs.admit!.steps[0]!.with?.['summary-identity']).toBe(GATE_IDENTITY);
  });
});

describe.skipIf(!registryAvailable)("the README's summary workflow, run", () => {
  let run: WorkflowRun;
  let gate: JobRun;
  let admit: JobRun;
  let gateReport: Report;
  let admitReport: Report;

  beforeAll(async () => {
    run = await runReadme('deploy');
    gate = jobOf(run, 'gate');
    admit = jobOf(run, 'admit');
    gateReport = await reportOf(gate);
    admitReport = await reportOf(admit);
  }, 180_000);

  it('gate passes, signing with a token asked for as the runner asks, in that job only', () => {
    const s = gate.steps[0]!;
    expect(gate.result, s.stdout + s.stderr).toBe('success');
    expect(s.code).toBe(0);
    expect(tokenRequests.length).toBeGreaterThanOrEqual(1);
    for (const t of tokenRequests) {
      expect(t.url).toMatch(/\/idtoken\?api-version=2\.0&audience=sigstore$/);
      expect(t.authorization).toBe(`Bearer ${RUNTIME_TOKEN}`);
    }
    expect(mock.requests).toContain('POST /api/v2/signingCert');
  });

  it('gate pushes one summary per image, each found as a referrer of its image', async () => {
    const summaries = gateReport.summaries ?? [];
    expect(summaries.map((s) => [s.digest, s.verificationResult])).toEqual([
      [images.api!.digest, 'PASSED'],
      [images.web!.digest, 'PASSED'],
    ]);
    for (const s of summaries) {
      const image = Object.values(images).find((i) => i.digest === s.digest)!;
      // docker-registry 2.8 has no referrers API: the referrer is listed in the tag index.
      const res = await fetch(
        `${reg.url}/v2/${image.repo}/manifests/${image.digest.replace(':', '-')}`,
        { headers: { accept: 'application/vnd.oci.image.index.v1+json' } },
      );
      const index = (await res.json()) as { manifests: Array<Record<string, unknown>> };
      const listed = index.manifests.filter(
        (m) =>
          (m.annotations as Record<string, string> | undefined)?.[
            'dev.sigstore.bundle.predicateType'
          ] === VSA,
      );
      expect(listed.map((m) => m.digest)).toEqual([s.referrer?.digest]);
    }
  });

  it("the docs' example statements have the fields the gate's summary has", async () => {
    const bundle = JSON.parse(await readFile(gateReport.summaries![0]!.file, 'utf8')) as {
      dsseEnvelope: { payload: string; payloadType: string };
    };
    expect(bundle.dsseEnvelope.payloadType).toBe('application/vnd.in-toto+json');
    const statement = JSON.parse(
      Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'),
    ) as { predicate: { verifier: { id: string } } };
    // The example in the docs is this one, from a run of this test (npx vitest run this file).
    await writeFile(EXAMPLE_OUT, `${JSON.stringify(statement, null, 2)}\n`);
    expect(statement.predicate.verifier.id).toBe(TOOL_URI);
    for (const doc of ['docs/summaries.md', 'docs/admission.md']) {
      const example = JSON.parse((await snippet(doc, EXAMPLE_FILE)).text) as unknown;
      expect(fieldPaths(example), doc).toEqual(fieldPaths(statement));
      expect((example as typeof statement).predicate.verifier.id, doc).toBe(TOOL_URI);
    }
  });

  it('the field comparison sees a field missing or added', () => {
    const a = { p: { x: 1, list: [{ u: 1 }] } };
    expect(fieldPaths(a)).toEqual(['p', 'p.list', 'p.list[]', 'p.list[].u', 'p.x']);
    expect(fieldPaths({ p: { x: 1, list: [{ u: 1, v: 2 }] } })).not.toEqual(fieldPaths(a));
    expect(fieldPaths({ p: { list: [{ u: 1 }] } })).not.toEqual(fieldPaths(a));
  });

  it('admit passes on the summaries, without fetching a signature', () => {
    const s = admit.steps[0]!;
    expect(admit.result, s.stdout + s.stderr).toBe('success');
    expect(s.code).toBe(0);
    for (const r of admitReport.results) {
      expect(r.outcome).toBe('verified');
      expect(r.acceptedSummary?.where).toMatch(/^summary tag index sha256:/);
      expect(r.signatures).toEqual([
        expect.objectContaining({ kind: 'keyless', identity: GATE_IDENTITY, issuer: ISSUER }),
      ]);
    }
    // The gate read each image's .sig tag; the admit job read none.
    const sigReads = (job: JobRun) => during(job).filter((l) => SIG_PATH.test(l.path)).length;
    expect(sigReads(gate)).toBeGreaterThanOrEqual(2);
    expect(sigReads(admit)).toBe(0);
    expect(during(admit).length).toBeGreaterThan(0);
  });

  it('admit asked for no OIDC token (it has no id-token permission)', () => {
    expect(tokenRequests.length).toBeGreaterThan(0);
    for (const t of tokenRequests) {
      expect(t.at).toBeGreaterThanOrEqual(gate.startedAt);
      expect(t.at).toBeLessThanOrEqual(gate.endedAt);
    }
  });

  describe('once full verification can no longer pass (signatures replaced by another signer)', () => {
    beforeAll(async () => {
      for (const image of Object.values(images))
        await signLegacy(signing, image, {
          keyless: workflowSigner('evil/fork/.github/workflows/build.yml@refs/heads/main'),
        });
    });

    it('the README admit job still passes: only the summaries admit the images', async () => {
      const r = await runReadme('admit-only', admitOnly());
      const job = jobOf(r, 'admit');
      expect(job.result, job.steps[0]!.stdout).toBe('success');
      for (const x of (await reportOf(job)).results) expect(x.acceptedSummary).toBeDefined();
    }, 120_000);

    /** Runs the changed admit job; it must fail (exit 1), each image verified in full. */
    async function admitFails(name: string, set: Record<string, string>) {
      const r = await runReadme(name, admitOnly(set));
      const job = jobOf(r, 'admit');
      const step = job.steps[0]!;
      expect(job.result).toBe('failure');
      expect(step.code, step.stdout + step.stderr).toBe(1);
      const report = await reportOf(job);
      expect(report.outcome).toBe('failed');
      return report;
    }

    it('summary-identity naming another workflow: refused, verified in full, fails', async () => {
      const other = `https://github.com/${REPO}/.github/workflows/other.yml@${REF}`;
      const report = await admitFails('other-identity', { 'summary-identity': other });
      for (const x of report.results) {
        expect(x.acceptedSummary).toBeUndefined();
        expect(x.outcome).toBe('failed');
        expect(x.reason).toMatch(/evil\/fork/);
        const why = (x.rejected ?? []).filter((j) => j.where.startsWith('summary '));
        expect(why.map((j) => j.reason).join('\n')).toMatch(
          /certificate identity not trusted: expected identity https:\/\/github.com\/acme\/app\/.github\/workflows\/other.yml/,
        );
      }
    }, 120_000);

    it('another policy (signer-workflow pinned to a tag): refused for its digest, fails', async () => {
      const report = await admitFails('other-policy', {
        'signer-workflow': 'acme/release/.github/workflows/build.yml@refs/tags/v1',
      });
      for (const x of report.results) {
        expect(x.acceptedSummary).toBeUndefined();
        expect(x.outcome).toBe('failed');
        const why = (x.rejected ?? []).filter((j) => j.where.startsWith('summary '));
        expect(why.map((j) => j.reason).join('\n')).toMatch(
          new RegExp(`is for policy ${admitReport.policyDigest}, not this run's`),
        );
      }
      expect(report.policyDigest).not.toBe(admitReport.policyDigest);
    }, 120_000);

    it('an image re-tagged to an unsigned digest: no summary of it, verified in full, fails', async () => {
      const swapped = await randomImage(signing.reg, 'acme/api', 'swap');
      const api = images.api!;
      await pushManifest(proxy.host, 'acme/api', '1.4.2', swapped.pushed.manifestBytes);
      try {
        const report = await admitFails('retagged', {});
        const [a, w] = report.results;
        expect(a?.digest).toBe(swapped.digest);
        expect(a?.acceptedSummary).toBeUndefined();
        expect(a?.code).toBe('UNSIGNED');
        expect(a?.reason).toMatch(/no signatures found/);
        // web's summary still admits it.
        expect(w?.acceptedSummary).toBeDefined();
      } finally {
        await pushManifest(proxy.host, 'acme/api', '1.4.2', api.pushed.manifestBytes);
      }
    }, 120_000);
  });
});
