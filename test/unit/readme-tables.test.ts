// Issue 13 item 7: the README's Inputs and Outputs tables are action.yml's (scripts/readme-tables.mjs
// writes them; `npm run readme`), every input has a type and a real example (one readInputs
// accepts), and every workflow snippet hands outputs to `run:` through `env:`, never `${{ }}`
// inside the script. Reads the README and action.yml independently of the script.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { readInputs } from '../../src/action/inputs.js';
import { VERIFY_OPTIONS } from '../../src/edge/options.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'readme-tables.mjs');
const TYPES = [
  'boolean',
  'integer',
  'duration',
  'date',
  'string',
  'regexp',
  'url',
  'path',
  'list',
  'lines',
  'json',
];
const TRAILER = /\s*Type: ([a-z]+)\. Example: `([^`]+)`\.$/;

interface Entry {
  description?: string;
  default?: string;
}
const action = parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, Entry>;
  outputs: Record<string, Entry>;
};
const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');

function meta(name: string, e: Entry): { type: string; example: string; prose: string } {
  const m = TRAILER.exec(e.description ?? '');
  if (!m) throw new Error(`${name}: no "Type: T. Example: \`E\`." at the end of its description`);
  return { type: m[1], example: m[2], prose: (e.description ?? '').slice(0, m.index).trim() };
}

/** The table rows between `<!-- which:start -->` and `<!-- which:end -->`, split into cells. */
function tableRows(text: string, which: string): string[][] {
  const a = text.indexOf(`<!-- ${which}:start -->`);
  const b = text.indexOf(`<!-- ${which}:end -->`);
  expect(a, `${which}:start marker`).toBeGreaterThanOrEqual(0);
  expect(b, `${which}:end marker`).toBeGreaterThan(a);
  return text
    .slice(a, b)
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .slice(2) // header and rule
    .map((l) =>
      l
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((c) => c.replaceAll('\\|', '|')),
    );
}

const unquote = (c: string) => (c.startsWith('`') && c.endsWith('`') ? c.slice(1, -1) : c);

function check(readmePath: string): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, '--check', readmePath], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, stderr: r.stderr };
}

describe('README tables', () => {
  it('are what scripts/readme-tables.mjs makes of action.yml', () => {
    const r = check(path.join(ROOT, 'README.md'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each([
    ['a row dropped', (t: string) => t.replace(/^\| `timeout` \|.*\n/m, '')],
    [
      'an extra row',
      (t: string) => t.replace('<!-- inputs:end -->', '| `retries` | integer | | `3` | x |\n$&'),
    ],
    [
      'a default changed',
      (t: string) =>
        t.replace('| `concurrency` | integer | `32` |', '| `concurrency` | integer | `4` |'),
    ],
    [
      'an output example changed',
      (t: string) =>
        t.replace('| `verified` | boolean | `true` |', '| `verified` | boolean | `yes` |'),
    ],
  ])('--check fails on a README with %s', async (_name, change) => {
    const changed = change(readme);
    expect(changed).not.toBe(readme);
    const dir = await mkdtemp(path.join(tmpdir(), 'readme-tables-'));
    const file = path.join(dir, 'README.md');
    await writeFile(file, changed);
    const r = check(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('run npm run readme');
  });

  it('list every input of action.yml once, in its order, with its type, default and example', () => {
    const rows = tableRows(readme, 'inputs');
    expect(rows.map((r) => unquote(r[0]))).toEqual(Object.keys(action.inputs));
    for (const row of rows) {
      const name = unquote(row[0]);
      const e = action.inputs[name];
      const m = meta(name, e);
      expect(row, name).toHaveLength(5);
      expect(row[1], name).toBe(m.type);
      expect(unquote(row[2]), name).toBe(e.default ?? '');
      expect(unquote(row[3]), name).toBe(m.example);
      expect(row[4], name).toBe(m.prose.replaceAll('\n', ' '));
    }
  });

  it('list every output of action.yml once, in its order, with its type and example', () => {
    const rows = tableRows(readme, 'outputs');
    expect(rows.map((r) => unquote(r[0]))).toEqual(Object.keys(action.outputs));
    for (const row of rows) {
      const name = unquote(row[0]);
      const m = meta(name, action.outputs[name]);
      expect(row, name).toHaveLength(4);
      expect(row[1], name).toBe(m.type);
      expect(unquote(row[2]), name).toBe(m.example);
    }
  });
});

describe('action.yml types and examples', () => {
  it('every input and output names a known type and an example', () => {
    for (const [name, e] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) {
      const m = meta(name, e);
      expect(TYPES, name).toContain(m.type);
      expect(m.example.trim(), name).not.toBe('');
      expect(m.prose, name).not.toBe('');
    }
  });

  it("a type says how the Action reads the input (the option table's kind)", () => {
    const WANT = { switch: 'boolean', list: 'list', lines: 'lines' } as const;
    for (const spec of VERIFY_OPTIONS) {
      if (spec.input === null || spec.kind === 'text') continue;
      expect(meta(spec.input, action.inputs[spec.input]).type, spec.input).toBe(WANT[spec.kind]);
    }
    // Read by src/action/inputs.ts itself: images with parseList, merge-reports with parseLines.
    expect(meta('images', action.inputs.images).type).toBe('list');
    expect(meta('merge-reports', action.inputs['merge-reports']).type).toBe('lines');
    expect(meta('summary', action.inputs.summary).type).toBe('boolean');
  });

  // The inputs an example needs beside it to be read at all.
  const COMPANIONS: Record<string, Record<string, string>> = {
    registry: { 'registry-username': 'u', 'registry-password': 'p' },
    'registry-username': { registry: 'registry.example.com', 'registry-password': 'p' },
    'registry-password': { registry: 'registry.example.com', 'registry-username': 'u' },
    // Summary options mean something only with summaries made or accepted.
    'summaries-path': { 'sign-summary': 'keyless' },
    'push-summary': { 'sign-summary': 'keyless' },
    'signing-config': { 'sign-summary': 'keyless' },
    'accept-summary': { 'summary-key': 'gate.pub' },
    'summary-identity': {
      'accept-summary': 'true',
      'summary-oidc-issuer': 'https://token.actions.githubusercontent.com',
    },
    'summary-oidc-issuer': {
      'accept-summary': 'true',
      'summary-identity': 'https://github.com/acme/app/.github/workflows/gate.yml@refs/heads/main',
    },
    'summary-max-age': { 'accept-summary': 'true', 'summary-key': 'gate.pub' },
    'merge-shard-key': { 'merge-reports': 'reports' },
    'merge-shard-identity': { 'merge-reports': 'reports', 'merge-shard-oidc-issuer': 'https://x' },
    'merge-shard-oidc-issuer': { 'merge-reports': 'reports', 'merge-shard-identity': 'x' },
  };

  it.each(Object.keys(action.inputs))('the example of %s is read by the Action', (name) => {
    const { type, example } = meta(name, action.inputs[name]);
    const given: Record<string, string> = {
      ...(name === 'merge-reports' || COMPANIONS[name]?.['merge-reports']
        ? {}
        : { images: 'ghcr.io/acme/api:1.4.2' }),
      ...COMPANIONS[name],
      [name]: example,
    };
    const read = readInputs((n) => given[n] ?? '', { RUNNER_TEMP: '/tmp/runner' });
    expect(read.options).toBeDefined();
    if (type === 'boolean') expect(['true', 'false'], name).toContain(example);
    if (type === 'integer') expect(example, name).toMatch(/^\d+$/);
    if (type === 'date') expect(example, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (type === 'url') expect(() => new URL(example), name).not.toThrow();
    if (type === 'regexp') expect(() => new RegExp(example), name).not.toThrow();
  });

  it.each(Object.keys(action.outputs))('the example of output %s has its type', (name) => {
    const { type, example } = meta(name, action.outputs[name]);
    if (type === 'boolean') expect(['true', 'false']).toContain(example);
    if (type === 'integer') expect(example).toMatch(/^\d+$/);
    if (type === 'json') expect(() => JSON.parse(example) as unknown).not.toThrow();
  });
});

/** Every ```yaml block of the README, as text. */
function yamlBlocks(text: string): string[] {
  return [...text.matchAll(/^```ya?ml[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

/** Every `run:` value in a parsed YAML value. */
function runs(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(runs);
  if (typeof v !== 'object' || v === null) return [];
  return Object.entries(v).flatMap(([k, x]) =>
    k === 'run' && typeof x === 'string' ? [x] : runs(x),
  );
}

/** A workflow of one job `gate` with this permission line and this action input. */
function job(permission: string, input: string): string {
  return [
    'jobs:',
    '  gate:',
    '    permissions:',
    `      ${permission}`,
    '    steps:',
    '      - uses: acme/image-gate@v0',
    '        with:',
    `          ${input}`,
    '',
  ].join('\n');
}

/**
 * Where a YAML block asks for `id-token` wrongly: only a job whose image-gate step signs
 * summaries keyless (`sign-summary: keyless`, the one use of an OIDC token) may hold it, as
 * `write` in its own `permissions`; anywhere else (a workflow's top level, a verifying job, a key
 * signer, outside a permissions block) is a problem.
 */
function idTokenProblems(text: string): string[] {
  const problems: string[] = [];
  for (const d of parseAllDocuments(text)) {
    const doc = d.toJS() as unknown;
    const allowed = new Set<unknown>();
    const jobs =
      typeof doc === 'object' && doc !== null && 'jobs' in doc
        ? ((doc as { jobs: Record<string, unknown> }).jobs ?? {})
        : {};
    for (const [id, j] of Object.entries(jobs)) {
      const { permissions, steps } = (j ?? {}) as {
        permissions?: Record<string, unknown>;
        steps?: Array<{ uses?: string; with?: Record<string, unknown> }>;
      };
      if (!permissions || !('id-token' in permissions)) continue;
      const keyless = (steps ?? []).some(
        (st) => /\/image-gate@/.test(st.uses ?? '') && st.with?.['sign-summary'] === 'keyless',
      );
      if (!keyless) problems.push(`job ${id}: id-token without sign-summary: keyless`);
      else if (permissions['id-token'] !== 'write')
        problems.push(`job ${id}: id-token: ${String(permissions['id-token'])}, not write`);
      allowed.add(permissions);
    }
    // Every other id-token key, wherever it sits, is a problem.
    const visit = (v: unknown, where: string): void => {
      if (Array.isArray(v)) return v.forEach((x, i) => visit(x, `${where}[${i}]`));
      if (typeof v !== 'object' || v === null) return;
      if ('id-token' in v && !allowed.has(v)) problems.push(`${where}: id-token`);
      for (const [k, x] of Object.entries(v)) visit(x, `${where}.${k}`);
    };
    visit(doc, '$');
  }
  return problems;
}

describe('README workflow snippets', () => {
  const blocks = yamlBlocks(readme);

  it('there are some, and each parses as YAML', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const b of blocks) {
      for (const doc of parseAllDocuments(b))
        expect(
          doc.errors.map((e) => e.message),
          b.slice(0, 80),
        ).toEqual([]);
    }
  });

  it('hand outputs to run: steps through env:, never ${{ }} inside a script', () => {
    const scripts = blocks.flatMap((b) => parseAllDocuments(b).flatMap((d) => runs(d.toJS())));
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const s of scripts) expect(s, s).not.toContain('${{');
  });

  it('the Usage workflow asks only for the permissions the Action uses, each explained', () => {
    const usage = readme.slice(readme.indexOf('## Usage'), readme.indexOf('## Inputs'));
    const first = parse(yamlBlocks(usage)[0]) as { permissions: Record<string, string> };
    expect(first.permissions).toEqual({ contents: 'read', packages: 'read' });
    for (const p of ['contents: read', 'packages: read', 'attestations: read'])
      expect(usage).toContain(`- \`${p}\`: `);
    for (const b of blocks) expect(idTokenProblems(b), b.slice(0, 80)).toEqual([]);
  });

  it('asks for id-token: write only in the job that signs summaries keyless, and there', () => {
    const signing = blocks.filter((b) => /^\s*sign-summary: keyless\b/m.test(b));
    expect(signing.length).toBeGreaterThanOrEqual(1);
    for (const b of signing) expect(b).toMatch(/^\s*id-token: write\b/m);
  });

  it.each([
    ['at the top of a workflow', 'permissions:\n  id-token: write\njobs: {}\n'],
    ['in a job that only verifies', job('id-token: write', 'images: a:1')],
    ['as read in the signing job', job('id-token: read', 'sign-summary: keyless')],
    ['in a job signing with a key', job('id-token: write', 'summary-key: gate.key')],
    ['outside permissions', 'steps:\n  - run: echo\n    env:\n      id-token: write\n'],
    ['in a bare permissions block', 'permissions:\n  id-token: write\n'],
  ])('the id-token check refuses id-token %s', (_what, text) => {
    expect(idTokenProblems(text)).not.toEqual([]);
  });

  it('the id-token check accepts id-token: write in a keyless signing job', () => {
    expect(idTokenProblems(job('id-token: write', 'sign-summary: keyless'))).toEqual([]);
  });

  it('the check sees a ${{ }} pasted into a run: script', () => {
    const bad = 'steps:\n  - run: echo ${{ steps.gate.outputs.pinned }}\n';
    expect(yamlBlocks('```yaml\n' + bad + '```\n').flatMap((b) => runs(parse(b)))).toEqual([
      'echo ${{ steps.gate.outputs.pinned }}',
    ]);
  });
});

describe('README first screen', () => {
  it('starts with the two set-up commands', () => {
    expect(readme.split('\n').slice(0, 4)).toEqual([
      '```sh',
      'bash scripts/example.sh   # verify the built-in example: one signed, one unsigned image (expect ✓, ✗, exit 1)',
      "bash scripts/test.sh      # run every test (gets Node 24, npm deps and Debian's docker-registry, xmllint, chromium if missing)",
      '```',
    ]);
  });

  it('gates a Compose file in one command, with npx, npm install -g and docker run', () => {
    const first = readme.split('\n').slice(0, 40).join('\n');
    expect(first).toMatch(/^npx image-gate@\S+ verify --key cosign\.pub --from compose\.yaml$/m);
    expect(first).toMatch(
      /^npm install -g image-gate@\S+ && image-gate verify --key cosign\.pub --from compose\.yaml$/m,
    );
    expect(first).toMatch(/^docker run .* verify --key cosign\.pub --from compose\.yaml$/m);
  });
});
