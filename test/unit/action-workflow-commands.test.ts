// The Action's own workflow-command writer (src/action/workflow-commands.ts) against @actions/core
// itself: the same calls, in the same environment, give the same bytes on stdout, in
// GITHUB_OUTPUT and in GITHUB_STEP_SUMMARY (the heredoc delimiter is random in both: each
// `ghadelimiter_<uuid>` is compared as a placeholder, after checking it is a fresh UUID).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as wf from '../../src/action/workflow-commands.js';

type Api = typeof wf;
const coreApi: Api = {
  issueCommand: () => {
    throw new Error('not compared');
  },
  getInput: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  setFailed: (m) => core.setFailed(m),
  setSecret: (s) => core.setSecret(s),
  error: (m, p) => core.error(m, p),
  warning: (m, p) => core.warning(m, p),
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  startGroup: (n) => core.startGroup(n),
  endGroup: () => core.endGroup(),
  appendSummary: async (md) => {
    // core's summary is one object per process that keeps the first file it resolved; each run
    // here has its own file (the Action appends once, to one file).
    (core.summary as unknown as { _filePath?: string })._filePath = undefined;
    await core.summary.emptyBuffer().addRaw(md, true).write();
  },
};

let dir: string;
const savedEnv = { ...process.env };
const savedExit = process.exitCode;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'wf-'));
});
afterEach(async () => {
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
  process.exitCode = savedExit;
  await rm(dir, { recursive: true, force: true });
});

interface Seen {
  stdout: string;
  output: string;
  summary: string;
  exitCode: typeof process.exitCode;
  threw?: string;
  returned?: unknown;
}

const UUID = /ghadelimiter_([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})/g;

/** Runs `calls` on `api` with fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, capturing stdout. */
async function seen(
  api: Api,
  calls: (api: Api) => unknown,
  env: Record<string, string | undefined> = {},
  files = true,
): Promise<Seen> {
  const run = await mkdtemp(path.join(dir, 'run-'));
  const out = path.join(run, 'output');
  const sum = path.join(run, 'summary.md');
  if (files) {
    await writeFile(out, 'before\n');
    await writeFile(sum, '# before\n');
  }
  process.env.GITHUB_OUTPUT = out;
  process.env.GITHUB_STEP_SUMMARY = sum;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.exitCode = undefined;
  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  let threw: string | undefined;
  let returned: unknown;
  try {
    returned = await calls(api);
  } catch (e: unknown) {
    threw = e instanceof Error ? e.message.replaceAll(run, '<run>') : String(e);
  } finally {
    process.stdout.write = write;
  }
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  const read = (f: string) => readFile(f, 'utf8').catch(() => '<absent>');
  return {
    stdout,
    output: await read(out),
    summary: await read(sum),
    exitCode,
    ...(threw !== undefined ? { threw } : {}),
    ...(returned !== undefined ? { returned } : {}),
  };
}

/** Both sides' delimiters are fresh UUIDs, one per output; then compared as placeholders. */
function placeholders(s: Seen): Seen {
  const ids = [...s.output.matchAll(UUID)].map((m) => m[1]);
  // Each heredoc names its delimiter twice (open, close); no two outputs share one.
  expect(new Set(ids).size).toBe(ids.length / 2);
  return { ...s, output: s.output.replace(UUID, 'ghadelimiter_<uuid>') };
}

async function same(
  calls: (api: Api) => unknown,
  env: Record<string, string | undefined> = {},
  files = true,
): Promise<Seen> {
  const ours = placeholders(await seen(wf, calls, env, files));
  const theirs = placeholders(await seen(coreApi, calls, env, files));
  expect(ours).toEqual(theirs);
  return ours;
}

const AWKWARD = 'a%b\r\nc:d,e\n%0A::f\u001b[31m\u2028 ✓ ##[error]x';

describe('workflow commands, byte for byte as @actions/core', () => {
  it('info writes the line as given', async () => {
    const s = await same((a) => {
      a.info('plain');
      a.info(AWKWARD);
      a.info('');
    });
    expect(s.stdout).toBe(`plain\n${AWKWARD}\n\n`);
  });

  it('debug escapes %, CR and LF in the message', async () => {
    const s = await same((a) => a.debug(AWKWARD));
    expect(s.stdout).toBe('::debug::a%25b%0D%0Ac:d,e%0A%250A::f\u001b[31m\u2028 ✓ ##[error]x\n');
  });

  it('error and warning without properties', async () => {
    const s = await same((a) => {
      a.error('bad\nthing');
      a.warning('careful');
    });
    expect(s.stdout).toBe('::error::bad%0Athing\n::warning::careful\n');
  });

  it('annotation properties: title, file, startLine as line; : and , escaped in values', async () => {
    const s = await same((a) => {
      a.error('m', { title: 'image-gate', file: 'deploy/k8s:a,b.yaml', startLine: 12 });
      a.warning('m', { title: 'T%1\n2' });
      a.warning('m', { file: 'x.yaml', startLine: 3, endLine: 4, startColumn: 5, endColumn: 6 });
    });
    expect(s.stdout.split('\n')[0]).toBe(
      '::error title=image-gate,file=deploy/k8s%3Aa%2Cb.yaml,line=12::m',
    );
  });

  it('empty or zero properties are left out, a property list of only those keeps its space', async () => {
    const s = await same((a) => {
      a.warning('m', { title: '', file: undefined, startLine: 0 });
      a.error('m', { title: 'only' });
    });
    expect(s.stdout).toBe('::warning ::m\n::error title=only::m\n');
  });

  it('setSecret is ::add-mask:: with the secret escaped', async () => {
    const s = await same((a) => {
      a.setSecret('hunter2');
      a.setSecret('multi\nline%');
    });
    expect(s.stdout).toBe('::add-mask::hunter2\n::add-mask::multi%0Aline%25\n');
  });

  it('groups', async () => {
    const s = await same((a) => {
      a.startGroup('✓ ghcr.io/a/b:1 %\n');
      a.info('inside');
      a.endGroup();
    });
    expect(s.stdout).toBe('::group::✓ ghcr.io/a/b:1 %25%0A\ninside\n::endgroup::\n');
  });

  it('setFailed sets exit code 1 and writes ::error::', async () => {
    const s = await same((a) => a.setFailed('image-gate: 2 of 3 images failed\nsee log'));
    expect(s.exitCode).toBe(1);
    expect(s.stdout).toBe('::error::image-gate: 2 of 3 images failed%0Asee log\n');
  });

  it('setOutput appends heredocs to GITHUB_OUTPUT, nothing on stdout', async () => {
    const s = await same((a) => {
      a.setOutput('verified', 'true');
      a.setOutput('pinned', 'ghcr.io/a/b@sha256:1\nghcr.io/a/c@sha256:2');
      a.setOutput('empty', '');
      a.setOutput('injection', 'x\nverified=false\n%0A');
    });
    expect(s.stdout).toBe('');
    expect(s.output).toBe(
      'before\n' +
        'verified<<ghadelimiter_<uuid>\ntrue\nghadelimiter_<uuid>\n' +
        'pinned<<ghadelimiter_<uuid>\nghcr.io/a/b@sha256:1\nghcr.io/a/c@sha256:2\nghadelimiter_<uuid>\n' +
        'empty<<ghadelimiter_<uuid>\n\nghadelimiter_<uuid>\n' +
        'injection<<ghadelimiter_<uuid>\nx\nverified=false\n%0A\nghadelimiter_<uuid>\n',
    );
  });

  it('setOutput without GITHUB_OUTPUT falls back to the ::set-output command', async () => {
    const s = await same((a) => a.setOutput('digests', '{"a":"b,c:d"}\n%'), {
      GITHUB_OUTPUT: '',
    });
    expect(s.stdout).toBe('\n::set-output name=digests::{"a":"b,c:d"}%0A%25\n');
  });

  it('setOutput to a GITHUB_OUTPUT file that is not there throws the same error', async () => {
    const s = await same((a) => a.setOutput('verified', 'true'), {}, false);
    expect(s.threw).toBe('Missing file at path: <run>/output');
  });

  it('the summary is appended with a newline', async () => {
    const s = await same(async (a) => {
      await a.appendSummary('## image-gate\n\n| a | b |\n');
      await a.appendSummary('second');
    });
    expect(s.summary).toBe('# before\n## image-gate\n\n| a | b |\n\nsecond\n');
    expect(s.stdout).toBe('');
  });

  it('the summary without GITHUB_STEP_SUMMARY fails the same way', async () => {
    const s = await same((a) => a.appendSummary('x'), { GITHUB_STEP_SUMMARY: undefined });
    expect(s.threw).toMatch(/^Unable to find environment variable for \$GITHUB_STEP_SUMMARY/);
  });

  it('a summary file that cannot be accessed fails the same way', async () => {
    const s = await same((a) => a.appendSummary('x'), {}, false);
    expect(s.threw).toBe(
      "Unable to access summary file: '<run>/summary.md'. Check if the file has correct read/write permissions.",
    );
  });

  it('getInput: INPUT_<NAME> upper-cased, spaces as _, trimmed, empty when unset', async () => {
    const s = await same(
      (a) => [
        a.getInput('images'),
        a.getInput('trusted-root'),
        a.getInput('my input'),
        a.getInput('nope'),
      ],
      {
        INPUT_IMAGES: '  ghcr.io/a/b:1\n\n',
        'INPUT_TRUSTED-ROOT': '\troot.json ',
        INPUT_MY_INPUT: 'v',
      },
    );
    expect(s.returned).toEqual(['ghcr.io/a/b:1', 'root.json', 'v', '']);
  });
});
