// Issue 12, the GitLab pattern (docs/ci/gitlab.md), run for real: every snippet of the doc is
// written into a scratch git project with the component (templates/image-gate.yml) and run by
// gitlab-ci-local's shell executor, isolated (a job sees only committed files, and only its
// declared artifacts come back), against real registries. The one translation is the include's
// ref: the doc pins a release (`image-gate@v0.1.0`), the test includes the component from its
// own project at the pipeline's commit, as GitLab documents for testing a component. Signed
// images: the gate passes and `deploy` runs. An unsigned one: the gate fails, the JUnit report
// (the merge request's test report) has a failure naming it and the reason, and `deploy` never
// starts. Also: the project registry's job-token login, and a keyless GitLab pipeline identity.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import type { Report } from '../../src/core/report.js';
import { pushLegacySignatures } from '../helpers/cosign-push.js';
import { writeSnippets } from '../helpers/doc-snippets.js';
import {
  signedImage,
  signLegacy,
  startSigningRegistry,
  type Image,
  type SigningRegistry,
} from '../helpers/images.js';
import { pushImage } from '../helpers/oci-push.js';
import { startRegistry, type StartedRegistry } from '../helpers/registry-process.js';
import { xmllint, xpath } from '../helpers/xmllint.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const GCL = path.join(ROOT, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js');
const VERSION = (
  JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

let s: SigningRegistry;
let project: string;
let bin: string;
let signed: string;
let unsigned: string;
/** acme/shop's own image, tagged with the commit's short SHA as the keyless example checks it. */
let keyless: Image;
/** The project's own registry (GitLab's speaks token auth), and a signed image only it holds. */
let gitlabRegistry: StartedRegistry;
let privateRef: string;

interface Pipeline {
  code: number | null;
  out: string;
}

/**
 * gitlab-ci-local in `project`, every job on the shell executor, image-gate and kubectl from
 * `bin`. The JSON-schema check of the pipeline (GitLab's own schema) runs once, in --preview.
 */
function pipeline(...args: string[]): Promise<Pipeline> {
  const schema = args.includes('--preview') ? [] : ['--no-json-schema-validation'];
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        GCL,
        '--force-shell-executor',
        '--shell-isolation',
        '--no-color',
        '--max-job-name-padding',
        '0',
        ...schema,
        ...args,
      ],
      {
        cwd: project,
        env: {
          PATH: `${bin}:${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`,
          HOME: s.dir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

function git(...args: string[]): void {
  const r = spawnSync('git', args, { cwd: project, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

beforeAll(async () => {
  s = await startSigningRegistry('ci-gitlab-');
  const key = s.ss.generateKeyPair();
  signed = (await signedImage(s, 'acme/shop/api', '1.4.2', { key })).ref;
  unsigned = (await signedImage(s, 'acme/shop/worker', '1.4.2')).ref;
  gitlabRegistry = await startRegistry({ auth: 'token' });
  const login = {
    host: gitlabRegistry.host,
    username: gitlabRegistry.username!,
    password: gitlabRegistry.password!,
  };
  const pushed = await pushImage(login, 'acme/shop/private', '1.4.2');
  const sig = s.ss.signLegacyKey({
    imageDigest: pushed.digest,
    dockerReference: `${gitlabRegistry.host}/acme/shop/private`,
    ...key,
  });
  await pushLegacySignatures(login, 'acme/shop/private', pushed.digest, [sig]);
  privateRef = `${gitlabRegistry.host}/acme/shop/private:1.4.2`;

  project = path.join(s.dir, 'project');
  await mkdir(path.join(project, 'templates'), { recursive: true });
  const snippets = await writeSnippets('docs/ci/gitlab.md', project, {
    'registry.gitlab.com': s.reg.host,
    [`acme/image-gate/image-gate@v${VERSION}`]: '$CI_PROJECT_PATH/image-gate@$CI_COMMIT_SHA',
  });
  // Each snippet is run below; a new one needs a run of its own here.
  expect(snippets.map((x) => x.file).sort()).toEqual([
    '.gitlab-ci.yml',
    'deploy/api.yaml',
    'keyless.gitlab-ci.yml',
  ]);
  for (const f of ['.gitlab-ci.yml', 'keyless.gitlab-ci.yml'])
    expect(await readFile(path.join(project, f), 'utf8')).toContain(
      '$CI_PROJECT_PATH/image-gate@$CI_COMMIT_SHA',
    );
  await copyFile(
    path.join(ROOT, 'templates', 'image-gate.yml'),
    path.join(project, 'templates', 'image-gate.yml'),
  );
  await writeFile(
    path.join(project, 'cosign.pub'),
    key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'ci-gitlab test');
  git('config', 'user.email', 'ci-gitlab@example.com');
  git('add', '-A');
  git('commit', '-q', '-m', 'init');
  // The component's own project: `$CI_PROJECT_PATH` is acme/image-gate, so the include is local.
  git('remote', 'add', 'origin', 'https://gitlab.com/acme/image-gate.git');
  git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
  const shortSha = spawnSync('git', ['rev-parse', '--short=8', 'HEAD'], { cwd: project })
    .stdout.toString()
    .trim();
  keyless = await signedImage(s, 'acme/shop/api', shortSha);

  // The shell executor ignores `image:`: the job finds image-gate (this checkout's dist/cli.js)
  // and kubectl (which records what it was asked to apply) on PATH.
  bin = path.join(s.dir, 'bin');
  await mkdir(bin);
  await writeFile(
    path.join(bin, 'image-gate'),
    `#!/bin/sh\nexec '${process.execPath}' '${path.join(ROOT, 'dist', 'cli.js')}' "$@"\n`,
  );
  await writeFile(
    path.join(bin, 'kubectl'),
    `#!/bin/sh\necho "kubectl $*" >> '${path.join(s.dir, 'kubectl.log')}'\n`,
  );
  await chmod(path.join(bin, 'image-gate'), 0o755);
  await chmod(path.join(bin, 'kubectl'), 0o755);
}, 60_000);

afterAll(async () => {
  await s?.reg.stop();
  await gitlabRegistry?.stop();
});

const SHOP_MAIN = 'https://gitlab.com/acme/shop//.gitlab-ci.yml@refs/heads/main';
const GITLAB_ISSUER = 'https://gitlab.com';

/** The test's private Sigstore, passed the way a private deployment's users would: `args`. */
const trustArgs = (): string => `args=--trusted-root ${s.root}`;

async function clean(): Promise<void> {
  await rm(path.join(s.dir, 'kubectl.log'), { force: true });
  await rm(path.join(project, '.gitlab-ci-local'), { recursive: true, force: true });
  for (const f of ['image-gate-junit.xml', 'image-gate-report.json'])
    await rm(path.join(project, f), { force: true });
}

/**
 * An artifact the image-gate job exported, as GitLab would upload it: with --shell-isolation the
 * job runs in a copy of the project and only `artifacts:` (on the `when:` they state) come back.
 */
const artifact = (name: string): Promise<string> =>
  readFile(path.join(project, '.gitlab-ci-local', 'artifacts', 'image-gate', name), 'utf8');

describe('the component file', () => {
  it('templates/gitlab/image-gate.yml is templates/image-gate.yml, byte for byte', async () => {
    expect(await readFile(path.join(ROOT, 'templates', 'gitlab', 'image-gate.yml'), 'utf8')).toBe(
      await readFile(path.join(ROOT, 'templates', 'image-gate.yml'), 'utf8'),
    );
  });

  it('has a spec header, and defaults to the release image of this version', async () => {
    const docs = parseAllDocuments(
      await readFile(path.join(ROOT, 'templates', 'image-gate.yml'), 'utf8'),
    );
    expect(docs).toHaveLength(2);
    const header = docs[0]!.toJS() as {
      spec: { inputs: Record<string, { default?: unknown }> };
    };
    expect(header.spec.inputs.image?.default).toBe(`ghcr.io/acme/image-gate:${VERSION}`);
    // Every input has a default: the include names only what it needs.
    for (const [name, input] of Object.entries(header.spec.inputs))
      expect(input.default, name).toBeTypeOf('string');
  });
});

describe('docs/ci/gitlab.md under gitlab-ci-local', { timeout: 120_000 }, () => {
  it('the merged job runs the image-gate image with an empty entrypoint and keeps both reports', async () => {
    const r = await pipeline('--preview');
    expect(r.code, r.out).toBe(0);
    const merged = parseYaml(r.out.slice(r.out.indexOf('---'))) as Record<string, unknown>;
    const job = merged['image-gate'] as {
      stage: string;
      image: { name: string; entrypoint: string[] };
      artifacts: { when: string; paths: string[]; reports: { junit: string } };
    };
    expect(job.stage).toBe('test');
    expect(job.image).toEqual({ name: `ghcr.io/acme/image-gate:${VERSION}`, entrypoint: [''] });
    expect(job.artifacts).toEqual({
      when: 'always',
      paths: ['image-gate-report.json', 'image-gate-junit.xml'],
      reports: { junit: 'image-gate-junit.xml' },
    });
    expect((merged.deploy as { needs: unknown[] }).needs).toMatchObject([{ job: 'image-gate' }]);
  });

  it('signed images: the gate passes and deploy runs', async () => {
    await clean();
    const r = await pipeline('--input', trustArgs());
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`✓ Verified ${signed}`);
    expect(await readFile(path.join(s.dir, 'kubectl.log'), 'utf8')).toBe(
      'kubectl apply -f deploy/\n',
    );
    const junit = await artifact('image-gate-junit.xml');
    expect(xpath(junit, 'count(//testcase)')).toBe('1');
    expect(xpath(junit, 'count(//failure)')).toBe('0');
    expect(xpath(junit, 'string(//testcase/@name)')).toBe(signed);
    const report = JSON.parse(await artifact('image-gate-report.json')) as Report;
    expect(report.outcome).toBe('verified');
  });

  it("an image in the project's registry: the job logs in with the job token, on stdin", async () => {
    await clean();
    const { username, password, token } = gitlabRegistry;
    const before = token!.requests.length;
    const r = await pipeline(
      '--input',
      trustArgs(),
      '--input',
      `images=${privateRef}`,
      '--variable',
      `CI_REGISTRY=${gitlabRegistry.host}`,
      '--variable',
      `CI_REGISTRY_USER=${username!}`,
      '--variable',
      `CI_REGISTRY_PASSWORD=${password!}`,
    );
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`✓ Verified ${privateRef}`);
    expect(r.out).toContain(`✓ Verified ${signed}`);
    expect(r.out).not.toContain(password!);
    const basic = `Basic ${Buffer.from(`${username!}:${password!}`).toString('base64')}`;
    // The gate's own token requests (the test's pushes came before): the job's login, to pull.
    const asked = token!.requests.slice(before);
    expect(asked.length).toBeGreaterThan(0);
    for (const q of asked) {
      expect(q.authorization).toBe(basic);
      expect(q.scope).toBe('repository:acme/shop/private:pull');
    }
  });

  it('an unsigned image: the gate fails, JUnit names it and why, deploy does not run', async () => {
    await clean();
    const worker = path.join(project, 'deploy', 'worker.yaml');
    await writeFile(
      worker,
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: worker\nspec:\n' +
        `  containers:\n    - name: worker\n      image: ${unsigned}\n`,
    );
    // Committed, as a pipeline sees only the commit (the isolated job gets the tracked files).
    git('add', worker);
    git('commit', '-q', '-m', 'add the worker');
    try {
      const r = await pipeline('--input', trustArgs());
      expect(r.code, r.out).not.toBe(0);
      expect(r.out).toContain(`✗ Verification FAILED for ${unsigned}`);
      expect(r.out).toMatch(/FAIL\s+image-gate/);
      // deploy never started: no log line of it, and kubectl was never called.
      expect(r.out).not.toMatch(/^deploy\b/m);
      expect(existsSync(path.join(s.dir, 'kubectl.log'))).toBe(false);
      // The artifacts are kept on failure (`when: always`): the JUnit report GitLab shows.
      const junit = await artifact('image-gate-junit.xml');
      expect(xmllint(junit).messages).toMatch(/validates/);
      expect(xpath(junit, 'count(//testcase)')).toBe('2');
      expect(xpath(junit, 'count(//failure)')).toBe('1');
      expect(xpath(junit, `string(//testcase[@name="${unsigned}"]/failure/@message)`)).toMatch(
        /no signatures? found/i,
      );
      expect(xpath(junit, `count(//testcase[@name="${signed}"]/failure)`)).toBe('0');
      const report = JSON.parse(await artifact('image-gate-report.json')) as Report;
      expect(report.results.map((x) => [x.image, x.outcome])).toEqual([
        [signed, 'verified'],
        [unsigned, 'failed'],
      ]);
    } finally {
      // Back to the first commit: the keyless image is tagged with its short SHA.
      git('reset', '-q', '--hard', 'HEAD~1');
    }
  });

  describe('keyless.gitlab-ci.yml: a GitLab pipeline identity, images from CI/CD variables', () => {
    const run = (): Promise<Pipeline> =>
      pipeline(
        '--file',
        'keyless.gitlab-ci.yml',
        '--variable',
        `CI_REGISTRY_IMAGE=${s.reg.host}/acme/shop`,
        '--input',
        trustArgs(),
      );

    it("signed by acme/shop's main pipeline: verified", async () => {
      await clean();
      await signLegacy(s, keyless, { keyless: { identity: SHOP_MAIN, issuer: GITLAB_ISSUER } });
      const r = await run();
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain(`✓ Verified ${keyless.ref}`);
      const junit = await artifact('image-gate-junit.xml');
      expect(xpath(junit, 'string(//testcase/@name)')).toBe(keyless.ref);
      expect(xpath(junit, 'count(//failure)')).toBe('0');
    });

    it('signed by a pipeline of another branch: the gate fails, naming the identity', async () => {
      await clean();
      const feature = SHOP_MAIN.replace('refs/heads/main', 'refs/heads/feature');
      await signLegacy(s, keyless, { keyless: { identity: feature, issuer: GITLAB_ISSUER } });
      const r = await run();
      expect(r.code, r.out).not.toBe(0);
      expect(r.out).toContain(`✗ Verification FAILED for ${keyless.ref}`);
      const junit = await artifact('image-gate-junit.xml');
      expect(xpath(junit, 'string(//testcase/failure/@message)')).toContain(feature);
    });
  });
});
