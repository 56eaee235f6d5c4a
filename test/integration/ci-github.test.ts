// Issue 12 item 5, GitHub Actions: docs/ci/github.md run as written. Each workflow is validated
// against SchemaStore's workflow schema (@action-validator/core), then run by the workflow
// emulator (test/helpers/workflow-runner.ts: the image-gate steps are dist/index.js as the
// runner starts it, artifacts pass between jobs) against a real registry holding the doc's
// images: all signed, the deploy runs with the verified digests and the matrix's verdict job
// passes; one unsigned, the deploy step never runs and the verdict job fails naming the image.
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Report } from '../../src/core/report.js';
import { generateKeyPair, writePublicKey } from '../helpers/cosign-keys.js';
import { snippetsOf, writeSnippets } from '../helpers/doc-snippets.js';
import { signedImage, startSigningRegistry, type SigningRegistry } from '../helpers/images.js';
import { registryAvailable } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';
import {
  runWorkflow,
  THIS_ACTION,
  type JobRun,
  type StepRun,
  type WorkflowWorld,
} from '../helpers/workflow-runner.js';

const DOC = 'docs/ci/github.md';
const IMAGES = ['api', 'api-migrations', 'web'];

let s: SigningRegistry;
/** Per namespace: the repository the doc is written into, and each image's digest. */
const worlds: Record<string, { world: WorkflowWorld; digests: Record<string, string> }> = {};

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
const workflows = async () =>
  (await snippetsOf(DOC)).filter((b) => b.file?.startsWith('.github/workflows/'));
const stepsOf = (text: string): Step[] =>
  Object.values((parse(text) as { jobs: Record<string, { steps: Step[] }> }).jobs).flatMap(
    (j) => j.steps,
  );

beforeAll(async () => {
  if (!registryAvailable) return;
  s = await startSigningRegistry('ci-github-');
  const kp = generateKeyPair();
  // `signed`: every image signed by the key; `mixed`: acme/web pushed but never signed.
  for (const ns of ['signed', 'mixed']) {
    const digests: Record<string, string> = {};
    for (const name of IMAGES) {
      const sign = ns === 'signed' || name !== 'web';
      const img = await signedImage(
        s,
        `${ns}/acme/${name}`,
        '1.4.2',
        sign ? { key: kp } : undefined,
      );
      digests[name] = img.digest;
    }
    const repo = path.join(s.dir, ns);
    await writeSnippets('docs/ci/github.md', repo, {
      'ghcr.io/acme/': `${s.reg.host}/${ns}/acme/`,
    });
    writePublicKey(repo, kp, 'cosign.pub');
    // The reader's own deploy script: here it records what it was asked to deploy.
    await writeFile(
      path.join(repo, 'deploy.sh'),
      '#!/bin/sh\nprintf "%s\\n" "$@" > "$RUNNER_TEMP/deployed"\n',
    );
    await chmod(path.join(repo, 'deploy.sh'), 0o755);
    // The public-good trusted root (fetched with TUF) replaced by the test Sigstore's.
    worlds[ns] = { world: { repo, actionInputs: { 'trusted-root': s.root } }, digests };
  }
}, 120_000);

afterAll(async () => {
  await s?.reg.stop();
});

const step = (job: JobRun, id: string): StepRun => {
  const found = job.steps.find((x) => x.id === id);
  if (!found) throw new Error(`no step ${id} in ${job.job}`);
  return found;
};
const named = (job: JobRun, label: RegExp): StepRun => {
  const found = job.steps.find((x) => label.test(x.label));
  if (!found) throw new Error(`no step ${label} in ${job.job}`);
  return found;
};
const ref = (ns: string, name: string) => `${s.reg.host}/${ns}/acme/${name}`;

describe('the workflows of docs/ci/github.md', () => {
  it('are valid workflows (SchemaStore schema), and the validator refuses a broken one', async () => {
    const wfs = await workflows();
    expect(wfs.map((w) => w.file)).toEqual([
      '.github/workflows/deploy.yml',
      '.github/workflows/gate.yml',
    ]);
    for (const w of wfs) expect(validateWorkflow(w.text).errors, w.file).toEqual([]);
    const broken = wfs[0]!.text.replace('runs-on:', 'runs_on:');
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it('pass outputs to run: steps through env:, never ${{ }} inside run:', async () => {
    let runs = 0;
    for (const w of await workflows())
      for (const st of stepsOf(w.text)) {
        if (st.run === undefined) continue;
        runs++;
        expect(st.run, `${w.file}: ${st.run}`).not.toContain('${{');
      }
    expect(runs).toBeGreaterThan(0);
  });

  it('give image-gate only inputs action.yml declares', async () => {
    const declared = Object.keys(
      (
        parse(await readFile(path.resolve(import.meta.dirname, '../../action.yml'), 'utf8')) as {
          inputs: Record<string, unknown>;
        }
      ).inputs,
    );
    for (const w of await workflows())
      for (const st of stepsOf(w.text))
        if (st.uses && THIS_ACTION.test(st.uses))
          for (const k of Object.keys(st.with ?? {}))
            expect(declared, `${w.file}: ${k}`).toContain(k);
  });
});

describe.skipIf(!registryAvailable)('deploy.yml, gated on its manifests', () => {
  it('all signed: deploy.sh gets each verified image pinned by digest; the report is uploaded', async () => {
    const { world, digests } = worlds.signed!;
    const run = await runWorkflow(path.join(world.repo, '.github/workflows/deploy.yml'), world);
    const [job] = run.jobs;
    expect(job!.result).toBe('success');
    const gate = step(job!, 'gate');
    expect(gate.outcome, gate.stdout).toBe('success');
    expect(gate.outputs['verified-count']).toBe('3');
    const deployed = (await readFile(path.join(job!.runnerTemp, 'deployed'), 'utf8'))
      .trim()
      .split('\n');
    expect(deployed.sort()).toEqual(IMAGES.map((n) => `${ref('signed', n)}@${digests[n]}`).sort());
    const report = JSON.parse(
      await readFile(
        path.join(run.artifacts, 'image-gate-report', 'image-gate-report.json'),
        'utf8',
      ),
    ) as Report;
    const api = report.results.find((r) => r.image === `${ref('signed', 'api')}:1.4.2`);
    expect(api?.sources).toEqual([
      { file: 'compose.yaml', line: 5 },
      { file: 'k8s/api.yaml', line: 19 },
    ]);
    expect(
      await readFile(path.join(run.artifacts, 'image-gate-report', 'image-gate.xml'), 'utf8'),
    ).toContain('<testsuite');
  });

  it('one unsigned: the gate fails naming it and its file:line, the deploy never runs, the report is uploaded', async () => {
    const { world } = worlds.mixed!;
    const run = await runWorkflow(path.join(world.repo, '.github/workflows/deploy.yml'), world);
    const [job] = run.jobs;
    expect(job!.result).toBe('failure');
    const gate = step(job!, 'gate');
    expect(gate.outcome).toBe('failure');
    expect(gate.stdout).toContain(
      `::error title=image-gate,file=compose.yaml,line=3::${ref('mixed', 'web')}:1.4.2: no signatures found`,
    );
    expect(gate.outputs['failed-count']).toBe('1');
    expect(named(job!, /^Deploy exactly/).outcome).toBe('skipped');
    expect(named(job!, /upload-artifact/).outcome).toBe('success');
    const report = JSON.parse(
      await readFile(
        path.join(run.artifacts, 'image-gate-report', 'image-gate-report.json'),
        'utf8',
      ),
    ) as Report;
    const web = report.results.find((r) => r.image === `${ref('mixed', 'web')}:1.4.2`);
    expect(web?.outcome).toBe('failed');
    expect(web?.sources).toEqual([{ file: 'compose.yaml', line: 3 }]);
  });
});

describe.skipIf(!registryAvailable)('gate.yml, a matrix and one verdict', () => {
  it('all signed: each shard verifies its images, the verdict merges them and passes', async () => {
    const { world } = worlds.signed!;
    const run = await runWorkflow(path.join(world.repo, '.github/workflows/gate.yml'), world);
    const shards = run.jobs.filter((j) => j.job === 'verify');
    expect(shards.map((j) => [j.matrix?.shard, j.result])).toEqual([
      ['api', 'success'],
      ['web', 'success'],
    ]);
    expect(shards.map((j) => step(j, 'gate').outputs['verified-count'])).toEqual(['2', '1']);
    const verdict = run.jobs.find((j) => j.job === 'verdict')!;
    expect(verdict.result).toBe('success');
    const merged = step(verdict, 'merged');
    expect(merged.outputs).toMatchObject({
      verified: 'true',
      outcome: 'verified',
      'verified-count': '3',
    });
    expect(named(verdict, /^What did not pass/).outcome).toBe('skipped');
  });

  it('one unsigned: its shard still uploads, the verdict fails and lists it; dist/cli.js merge agrees', async () => {
    const { world } = worlds.mixed!;
    const run = await runWorkflow(path.join(world.repo, '.github/workflows/gate.yml'), world);
    const web = run.jobs.find((j) => j.job === 'verify' && j.matrix?.shard === 'web')!;
    expect(step(web, 'gate').outcome).toBe('failure');
    expect(web.result).toBe('success'); // continue-on-error: the verdict job decides
    const verdict = run.jobs.find((j) => j.job === 'verdict')!;
    expect(verdict.result).toBe('failure');
    const merged = step(verdict, 'merged');
    expect(merged.outcome).toBe('failure');
    expect(merged.outputs).toMatchObject({
      verified: 'false',
      outcome: 'failed',
      'failed-count': '1',
    });
    expect(await readFile(path.join(verdict.runnerTemp, 'image-gate.xml'), 'utf8')).toContain(
      '<failure',
    );
    const listed = named(verdict, /^What did not pass/);
    expect(listed.outcome).toBe('success');
    expect(listed.stdout).toMatch(
      new RegExp(`^${ref('mixed', 'web').replace(/[.]/g, '\\.')}:1\\.4\\.2: failed: .+`),
    );
    // The same shard reports, merged by the CLI the doc names for use outside Actions.
    const cli = await runCli(['merge', '--output', 'json', 'reports'], {}, verdict.workspace);
    expect(cli.code).toBe(1);
    expect((JSON.parse(cli.stdout) as Report).outcome).toBe('failed');
  });

  it('a shard that wrote no report fails the verdict, though the reports merged verify', async () => {
    const { world } = worlds.signed!;
    const file = path.join(world.repo, '.github/workflows/empty-shard.yml');
    const text = await readFile(path.join(world.repo, '.github/workflows/gate.yml'), 'utf8');
    const entry = `images: ${ref('signed', 'web')}:1.4.2\n`;
    expect(text).toContain(entry);
    // The web shard's step stops on a usage error (no images) before it writes a report.
    await writeFile(file, text.replace(entry, "images: ''\n"));
    const run = await runWorkflow(file, world);
    const web = run.jobs.find((j) => j.job === 'verify' && j.matrix?.shard === 'web')!;
    expect(step(web, 'gate').stdout).toContain(
      '::error::image-gate: images: no image references given',
    );
    expect(named(web, /upload-artifact/).outcome).toBe('failure');
    expect(web.result).toBe('failure');
    const verdict = run.jobs.find((j) => j.job === 'verdict')!;
    expect(step(verdict, 'merged').outputs).toMatchObject({
      verified: 'true',
      'verified-count': '2',
    });
    const check = named(verdict, /^Every shard reported/);
    expect(check.outcome).toBe('failure');
    expect(check.stdout).toContain(
      '::error::a verify shard failed before its report was uploaded (failure)',
    );
    expect(verdict.result).toBe('failure');
  });

  it('refuses an expression the emulator does not know rather than passing it', async () => {
    const { world } = worlds.signed!;
    const file = path.join(world.repo, '.github/workflows/odd.yml');
    const text = await readFile(path.join(world.repo, '.github/workflows/gate.yml'), 'utf8');
    await writeFile(
      file,
      text.replace('${{ matrix.images }}', '${{ matrix.images || github.event.inputs.images }}'),
    );
    await expect(runWorkflow(file, world)).rejects.toThrow(/unsupported expression/);
  });
});
