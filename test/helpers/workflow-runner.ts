// Runs a GitHub Actions workflow file the way the runner would, for the parts the docs use, so a
// doc's workflow is executed rather than read: jobs in `needs` order, matrices expanded, `if:`
// (always(), success(), failure()), `continue-on-error`, `${{ }}` in `with:` and `env:` (matrix,
// runner.temp, github.workspace, steps.*.outputs.*, needs.*.result), steps
// that use this action (dist/index.js with INPUT_* from action.yml's defaults and `with:`),
// actions/checkout, upload-artifact and download-artifact (a local artifact store), and `run:`
// steps in bash as the runner starts them; a job with `permissions: id-token: write` gets the OIDC
// token request variables, as on GitHub. Anything else (another action, an expression or a key
// it does not know) throws: an unhandled construct must fail the test, never pass unrun.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { parseOutputFile } from './run-dist.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

type Status = 'success' | 'failure' | 'skipped';
type Matrix = Record<string, unknown>;

export interface StepRun {
  id?: string;
  label: string;
  uses?: string;
  outcome: Status;
  conclusion: Status;
  code?: number | null;
  outputs: Record<string, string>;
  stdout: string;
  stderr: string;
  /** The INPUT_* given, for steps that use this action. */
  inputs?: Record<string, string>;
}

export interface JobRun {
  job: string;
  matrix?: Matrix;
  result: Status;
  steps: StepRun[];
  workspace: string;
  runnerTemp: string;
  /** Date.now() when its first step started and its last step ended (0 when skipped). */
  startedAt: number;
  endedAt: number;
}

export interface WorkflowWorld {
  /** The repository's files, copied into a job's workspace by actions/checkout. */
  repo: string;
  /** Inputs added to every step that uses this action, unless its `with:` sets them. */
  actionInputs?: Record<string, string>;
  /** Environment every process gets (PATH, HOME are passed through). */
  env?: NodeJS.ProcessEnv;
  /** Inputs added to the action's steps of one job (by job id), unless `with:` sets them. */
  jobInputs?: Record<string, Record<string, string>>;
  /**
   * The Actions OIDC token endpoint: as on GitHub, only a job with `permissions: id-token: write`
   * gets ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN.
   */
  idToken?: { url: string; token: string };
}

export interface WorkflowRun {
  jobs: JobRun[];
  /** Where uploaded artifacts are: one folder per artifact name. */
  artifacts: string;
}

interface StepDef {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: string;
  'continue-on-error'?: boolean;
}

interface JobDef {
  needs?: string | string[];
  permissions?: Record<string, string> | string;
  if?: string;
  strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, unknown> };
  steps: StepDef[];
}

const JOB_KEYS = new Set(['name', 'runs-on', 'needs', 'if', 'strategy', 'steps', 'permissions']);
const STEP_KEYS = new Set(['id', 'name', 'uses', 'run', 'with', 'env', 'if', 'continue-on-error']);
/** `<owner>/image-gate@<ref>`: this action, as the docs write it. */
export const THIS_ACTION = /^[A-Za-z0-9_.-]+\/image-gate@\S+$/;

interface Context {
  job: string;
  /** The job's own environment (the OIDC request variables when it may have a token). */
  jobEnv: NodeJS.ProcessEnv;
  matrix?: Matrix;
  runnerTemp: string;
  workspace: string;
  steps: Map<string, StepRun>;
  /** The result of each job this one needs. */
  needs: Record<string, Status>;
}

/** `${{ expr }}` for the contexts the docs use; any other expression throws. */
function evaluate(expr: string, ctx: Context): string {
  const e = expr.trim();
  let m: RegExpExecArray | null;
  if ((m = /^matrix\.([A-Za-z_][\w-]*)$/.exec(e))) {
    if (!ctx.matrix || !(m[1]! in ctx.matrix))
      throw new Error(`workflow-runner: ${e}: no such matrix value`);
    return String(ctx.matrix[m[1]!]);
  }
  if ((m = /^needs\.([A-Za-z_][\w-]*)\.result$/.exec(e))) {
    const result = ctx.needs[m[1]!];
    if (!result) throw new Error(`workflow-runner: ${e}: the job does not need ${m[1]}`);
    return result;
  }
  if (e === 'runner.temp') return ctx.runnerTemp;
  if (e === 'github.workspace') return ctx.workspace;
  if ((m = /^steps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)$/.exec(e))) {
    const step = ctx.steps.get(m[1]!);
    if (!step) throw new Error(`workflow-runner: ${e}: no step with id ${m[1]} ran before`);
    return step.outputs[m[2]!] ?? '';
  }
  throw new Error(`workflow-runner: unsupported expression \${{ ${e} }}`);
}

export function expand(value: unknown, ctx: Context): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.replace(/\$\{\{(.*?)\}\}/g, (_all, expr: string) => evaluate(expr, ctx));
}

/** An `if:` of a step or job: always(), success(), failure(); bare or inside `${{ }}`. */
function condition(raw: string | undefined, failed: boolean): boolean {
  if (raw === undefined) return !failed;
  const c = raw
    .trim()
    .replace(/^\$\{\{(.*)\}\}$/s, '$1')
    .trim();
  if (c === 'always()') return true;
  if (c === 'success()') return !failed;
  if (c === 'failure()') return failed;
  throw new Error(`workflow-runner: unsupported if: ${raw}`);
}

/** The matrix's combinations: the product of its axes, then each `include` entry. */
function combinations(matrix: Record<string, unknown> | undefined): Array<Matrix | undefined> {
  if (!matrix) return [undefined];
  const { include, ...axes } = matrix;
  if ('exclude' in axes) throw new Error('workflow-runner: matrix exclude is not supported');
  let out: Matrix[] = [{}];
  for (const [k, values] of Object.entries(axes)) {
    if (!Array.isArray(values)) throw new Error(`workflow-runner: matrix.${k} is not a list`);
    out = out.flatMap((o) => values.map((v) => ({ ...o, [k]: v as unknown })));
  }
  if (Object.keys(axes).length === 0) out = [];
  if (include !== undefined) {
    if (!Array.isArray(include)) throw new Error('workflow-runner: matrix include is not a list');
    // The docs' matrices are include-only; merging an include into axis combinations is not done.
    if (out.length > 0) throw new Error('workflow-runner: include with axes is not supported');
    out = include as Matrix[];
  }
  return out;
}

function topoOrder(jobs: Record<string, JobDef>): string[] {
  const order: string[] = [];
  const visit = (id: string, seen: string[]) => {
    if (order.includes(id)) return;
    if (seen.includes(id)) throw new Error(`workflow-runner: needs cycle at ${id}`);
    const job = jobs[id];
    if (!job) throw new Error(`workflow-runner: needs names unknown job ${id}`);
    for (const n of needsOf(job)) visit(n, [...seen, id]);
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id, []);
  return order;
}

const needsOf = (job: JobDef): string[] =>
  job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];

function runProcess(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface ActionInput {
  default?: string;
}

async function actionInputs(): Promise<Record<string, ActionInput>> {
  const action = parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, ActionInput>;
  };
  return action.inputs;
}

/** Runs every job of the workflow file; returns each job run (one per matrix combination). */
export async function runWorkflow(file: string, world: WorkflowWorld): Promise<WorkflowRun> {
  const wf = parse(await readFile(file, 'utf8')) as { jobs: Record<string, JobDef> };
  const base = await mkdtemp(path.join(tmpdir(), 'workflow-'));
  const artifacts = path.join(base, 'artifacts');
  await mkdir(artifacts);
  const inputs = await actionInputs();
  const results = new Map<string, Status>();
  const runs: JobRun[] = [];
  let n = 0;
  for (const id of topoOrder(wf.jobs)) {
    const job = wf.jobs[id]!;
    for (const k of Object.keys(job))
      if (!JOB_KEYS.has(k)) throw new Error(`workflow-runner: job ${id}: unsupported key ${k}`);
    const needsFailed = needsOf(job).some((d) => results.get(d) !== 'success');
    const instances: JobRun[] = [];
    for (const matrix of combinations(job.strategy?.matrix)) {
      const dir = path.join(base, `job-${++n}`);
      const workspace = path.join(dir, 'workspace');
      const runnerTemp = path.join(dir, 'temp');
      await mkdir(workspace, { recursive: true });
      await mkdir(runnerTemp);
      await writeFile(path.join(runnerTemp, 'summary.md'), '');
      const run: JobRun = {
        job: id,
        ...(matrix ? { matrix } : {}),
        result: 'skipped',
        steps: [],
        workspace,
        runnerTemp,
        startedAt: 0,
        endedAt: 0,
      };
      instances.push(run);
      if (!condition(job.if, needsFailed)) continue;
      const idToken =
        typeof job.permissions === 'object' && job.permissions['id-token'] === 'write'
          ? world.idToken
          : undefined;
      const ctx: Context = {
        job: id,
        jobEnv: idToken
          ? {
              ACTIONS_ID_TOKEN_REQUEST_URL: idToken.url,
              ACTIONS_ID_TOKEN_REQUEST_TOKEN: idToken.token,
            }
          : {},
        ...(matrix ? { matrix } : {}),
        runnerTemp,
        workspace,
        steps: new Map(),
        needs: Object.fromEntries(needsOf(job).map((d) => [d, results.get(d)!])),
      };
      let failed = false;
      run.startedAt = Date.now();
      for (const step of job.steps) {
        const s = await runStep(step, ctx, failed, { world, artifacts, inputs });
        run.steps.push(s);
        if (step.id) ctx.steps.set(step.id, s);
        if (s.conclusion === 'failure') failed = true;
      }
      run.endedAt = Date.now();
      run.result = failed ? 'failure' : 'success';
    }
    runs.push(...instances);
    const ran = instances.filter((r) => r.result !== 'skipped');
    results.set(
      id,
      ran.length === 0
        ? 'skipped'
        : ran.some((r) => r.result === 'failure')
          ? 'failure'
          : 'success',
    );
  }
  return { jobs: runs, artifacts };
}

async function runStep(
  step: StepDef,
  ctx: Context,
  failed: boolean,
  w: { world: WorkflowWorld; artifacts: string; inputs: Record<string, ActionInput> },
): Promise<StepRun> {
  for (const k of Object.keys(step))
    if (!STEP_KEYS.has(k)) throw new Error(`workflow-runner: step key ${k} is not supported`);
  const label = step.name ?? step.uses ?? step.run ?? '?';
  const s: StepRun = {
    ...(step.id ? { id: step.id } : {}),
    label,
    ...(step.uses ? { uses: step.uses } : {}),
    outcome: 'skipped',
    conclusion: 'skipped',
    outputs: {},
    stdout: '',
    stderr: '',
  };
  if (!condition(step.if, failed)) return s;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...w.world.env,
    ...ctx.jobEnv,
  };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, ctx);
  const withs: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.with ?? {})) withs[k] = expand(v, ctx);
  let ok: boolean;
  if (step.run !== undefined) {
    if (step.uses) throw new Error('workflow-runner: a step has both run and uses');
    if (step.run.includes('${{'))
      throw new Error(`workflow-runner: \${{ }} inside run: (${label}); pass it through env:`);
    const script = path.join(ctx.runnerTemp, `step-${Math.random().toString(36).slice(2)}.sh`);
    await writeFile(script, step.run);
    const r = await runProcess(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', script],
      ctx.workspace,
      { ...env, RUNNER_TEMP: ctx.runnerTemp, GITHUB_WORKSPACE: ctx.workspace },
    );
    Object.assign(s, { code: r.code, stdout: r.stdout, stderr: r.stderr });
    ok = r.code === 0;
  } else if (step.uses && THIS_ACTION.test(step.uses)) {
    ok = await runThisAction(s, withs, env, ctx, w);
  } else if (step.uses?.startsWith('actions/checkout@')) {
    expectWith(step, withs, ['persist-credentials']);
    await cp(w.world.repo, ctx.workspace, { recursive: true });
    ok = true;
  } else if (step.uses?.startsWith('actions/upload-artifact@')) {
    expectWith(step, withs, ['name', 'path', 'if-no-files-found']);
    ok = await upload(s, withs, ctx, w.artifacts);
  } else if (step.uses?.startsWith('actions/download-artifact@')) {
    expectWith(step, withs, ['pattern', 'path', 'merge-multiple']);
    ok = await download(withs, ctx, w.artifacts);
  } else throw new Error(`workflow-runner: no emulation for ${step.uses ?? label}`);
  s.outcome = ok ? 'success' : 'failure';
  s.conclusion = ok || step['continue-on-error'] === true ? 'success' : 'failure';
  return s;
}

function expectWith(step: StepDef, withs: Record<string, string>, known: string[]): void {
  for (const k of Object.keys(withs))
    if (!known.includes(k))
      throw new Error(`workflow-runner: ${step.uses}: input ${k} not emulated`);
}

async function runThisAction(
  s: StepRun,
  withs: Record<string, string>,
  env: NodeJS.ProcessEnv,
  ctx: Context,
  w: { world: WorkflowWorld; inputs: Record<string, ActionInput> },
): Promise<boolean> {
  const given: Record<string, string> = {};
  // The runner sets every declared input: its default unless `with:` gives it.
  for (const [name, spec] of Object.entries(w.inputs))
    given[name] = name === 'github-token' ? '' : (spec.default ?? '');
  const added = { ...w.world.actionInputs, ...w.world.jobInputs?.[ctx.job] };
  for (const [k, v] of Object.entries(added)) if (!(k in withs)) given[k] = v;
  for (const [k, v] of Object.entries(withs)) {
    if (!(k in w.inputs)) throw new Error(`workflow-runner: image-gate has no input ${k}`);
    given[k] = v;
  }
  const outputFile = path.join(ctx.runnerTemp, `output-${Math.random().toString(36).slice(2)}`);
  await writeFile(outputFile, '');
  const inputEnv: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(given)) inputEnv[`INPUT_${k.toUpperCase()}`] = v;
  const r = await runProcess(
    process.execPath,
    [path.join(ROOT, 'dist', 'index.js')],
    ctx.workspace,
    {
      ...env,
      ...inputEnv,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: path.join(ctx.runnerTemp, 'summary.md'),
      RUNNER_TEMP: ctx.runnerTemp,
      GITHUB_WORKSPACE: ctx.workspace,
    },
  );
  Object.assign(s, {
    code: r.code,
    stdout: r.stdout,
    stderr: r.stderr,
    inputs: given,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
  });
  return r.code === 0;
}

async function upload(
  s: StepRun,
  withs: Record<string, string>,
  ctx: Context,
  artifacts: string,
): Promise<boolean> {
  const name = withs.name ?? 'artifact';
  const dest = path.join(artifacts, name);
  if (await exists(dest)) {
    s.stderr = `an artifact named ${name} was already uploaded in this run`;
    return false;
  }
  await mkdir(dest);
  const paths = (withs.path ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  let found = 0;
  for (const p of paths) {
    const abs = path.resolve(ctx.workspace, p);
    if (!(await exists(abs))) continue; // if-no-files-found: warn
    await cp(abs, path.join(dest, path.basename(abs)), { recursive: true });
    found++;
  }
  if (found > 0) return true;
  s.stderr = `No files were found with the provided path: ${withs.path}`;
  // if-no-files-found: warn (the default) and ignore pass the step; error fails it.
  const mode = withs['if-no-files-found'] ?? 'warn';
  if (!['warn', 'ignore', 'error'].includes(mode))
    throw new Error(`workflow-runner: if-no-files-found: ${mode}`);
  return mode !== 'error';
}

async function download(
  withs: Record<string, string>,
  ctx: Context,
  artifacts: string,
): Promise<boolean> {
  const pattern = new RegExp(
    `^${(withs.pattern ?? '*').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`,
  );
  const dest = path.resolve(ctx.workspace, withs.path ?? '.');
  const merge = withs['merge-multiple'] === 'true';
  for (const name of await readdir(artifacts)) {
    if (!pattern.test(name)) continue;
    await cp(path.join(artifacts, name), merge ? dest : path.join(dest, name), {
      recursive: true,
    });
  }
  return true;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}
