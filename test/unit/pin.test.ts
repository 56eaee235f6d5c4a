// Issue 12 item 4, the rewrite `pin` makes: on a corpus of Compose (anchors, aliases, quotes, block
// and flow styles), Kubernetes (multi-document YAML, JSON), Dockerfiles and lists, LF and CRLF,
// each reference becomes REF@DIGEST and every other byte stays; references that are not written
// out literally are refused; the rewritten text is read back by the file's own reader.
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpText, parseCommand } from '../../src/cli/args.js';
import { readFiles, type ReadFile } from '../../src/core/manifests/files.js';
import {
  applyEdits,
  checkReadBack,
  pinnedDigest,
  planPins,
  referenceKey,
  unpinnable,
} from '../../src/core/manifests/pin.js';

/** A digest per reference (as `referenceKey` spells it), as a verify run would give one. */
const digestFor = (image: string): string =>
  `sha256:${createHash('sha256').update(referenceKey(image)).digest('hex')}`;
const D = (image: string) => `@${digestFor(image)}`;
const PINNED = `ghcr.io/acme/proxy:2@sha256:${'a'.repeat(64)}`;

async function fileOf(name: string, text: string, env: NodeJS.ProcessEnv = {}): Promise<ReadFile> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pin-unit-'));
  const file = path.join(dir, name);
  await writeFile(file, text);
  const list = name.endsWith('.txt');
  const [f] = await readFiles({ paths: list ? [] : [file], lists: list ? [file] : [], env });
  return f;
}

/** The file pinned to `digestFor` (already-pinned references verified by their own digest). */
function pin(f: ReadFile): string {
  const verified = (image: string) => pinnedDigest(image) ?? digestFor(image);
  expect(unpinnable(f)).toEqual([]);
  const plan = planPins(f, verified);
  expect(plan.problems).toEqual([]);
  const text = applyEdits(f.text, plan.edits);
  checkReadBack(f, text, plan.edits);
  return text;
}

const COMPOSE = [
  '# the stack',
  'x-base: &base',
  '  image: &img "nginx:1.25"   # quoted and anchored',
  '  restart: always',
  'services:',
  '  web:',
  '    <<: *base',
  '  worker:',
  '    image: *img',
  '  cache: {image: \'redis:7\', ports: ["6379"]}   # flow mapping',
  '  db:',
  '    image: |',
  '      postgres:16',
  '  api:',
  '    image: ghcr.io/acme/api:1.0',
  '  proxy:',
  `    image: ${PINNED}   # already pinned`,
  '',
].join('\n');

const COMPOSE_PINNED = [
  '# the stack',
  'x-base: &base',
  `  image: &img "nginx:1.25${D('nginx:1.25')}"   # quoted and anchored`,
  '  restart: always',
  'services:',
  '  web:',
  '    <<: *base',
  '  worker:',
  '    image: *img',
  `  cache: {image: 'redis:7${D('redis:7')}', ports: ["6379"]}   # flow mapping`,
  '  db:',
  '    image: |',
  `      postgres:16${D('postgres:16')}`,
  '  api:',
  `    image: ghcr.io/acme/api:1.0${D('ghcr.io/acme/api:1.0')}`,
  '  proxy:',
  `    image: ${PINNED}   # already pinned`,
  '',
].join('\n');

const K8S = [
  '# two documents',
  'apiVersion: v1',
  'kind: Pod',
  'spec:',
  '  initContainers:',
  '    - name: init',
  "      image: 'busybox:1.36'",
  '  containers:',
  '    - name: app # the app',
  '      image: registry.example:5000/team/app:v2',
  '---',
  'apiVersion: batch/v1',
  'kind: CronJob',
  'spec:',
  '  jobTemplate:',
  '    spec:',
  '      template:',
  '        spec:',
  '          containers: [{name: c, image: alpine}]',
  '',
].join('\n');

const K8S_PINNED = K8S.replace("'busybox:1.36'", `'busybox:1.36${D('busybox:1.36')}'`)
  .replace('team/app:v2', `team/app:v2${D('registry.example:5000/team/app:v2')}`)
  .replace('image: alpine}', `image: alpine${D('alpine')}}`);

const DOCKERFILE = [
  '# syntax=docker/dockerfile:1',
  'ARG GO=1.22',
  'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build',
  'RUN go build ./...',
  '# a comment between stages',
  'FROM \\',
  '  # inside the continuation',
  '  gcr.io/distroless/static:nonroot \\',
  '  AS run',
  'COPY --from=build /app /app',
  'FROM build AS again',
  'FROM scratch',
  '',
].join('\n');

const DOCKERFILE_PINNED = DOCKERFILE.replace(
  'golang:1.22-alpine',
  `golang:1.22-alpine${D('golang:1.22-alpine')}`,
).replace('static:nonroot', `static:nonroot${D('gcr.io/distroless/static:nonroot')}`);

const LIST = ['# images', 'nginx:1.25   # web', '', '  redis:7', PINNED, ''].join('\n');
const LIST_PINNED = [
  '# images',
  `nginx:1.25${D('nginx:1.25')}   # web`,
  '',
  `  redis:7${D('redis:7')}`,
  PINNED,
  '',
].join('\n');

const crlf = (s: string) => s.replace(/\n/g, '\r\n');

describe('pin rewrites only the reference text', () => {
  it.each([
    ['compose.yaml', COMPOSE, COMPOSE_PINNED],
    ['compose.yaml (CRLF)', crlf(COMPOSE), crlf(COMPOSE_PINNED)],
    ['deploy.yaml', K8S, K8S_PINNED],
    ['deploy.yaml (CRLF)', crlf(K8S), crlf(K8S_PINNED)],
    ['Dockerfile', DOCKERFILE, DOCKERFILE_PINNED],
    ['Dockerfile (CRLF)', crlf(DOCKERFILE), crlf(DOCKERFILE_PINNED)],
    ['images.txt', LIST, LIST_PINNED],
    ['images.txt (CRLF)', crlf(LIST), crlf(LIST_PINNED)],
  ])('%s', async (name, text, want) => {
    const f = await fileOf(name.replace(/ \(CRLF\)$/, ''), text);
    expect(pin(f)).toBe(want);
  });

  it('rewrites an anchored scalar once, however many aliases name it', async () => {
    const f = await fileOf('compose.yaml', COMPOSE);
    const plan = planPins(f, digestFor);
    expect(plan.edits.filter((e) => e.from === 'nginx:1.25')).toHaveLength(1);
    expect(plan.edits.map((e) => [e.line, e.from])).toEqual([
      [3, 'nginx:1.25'],
      [10, 'redis:7'],
      [13, 'postgres:16'], // where the text changes: the block scalar's content line
      [15, 'ghcr.io/acme/api:1.0'],
    ]);
  });

  it('keeps JSON strings quoted, and pins two references written on one line', async () => {
    const json = `{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"image":"nginx:1"},{"name":"b","image":"nginx:1"}]}}\n`;
    const f = await fileOf('pod.json', json);
    expect(f.occurrences).toHaveLength(2);
    const out = pin(f);
    expect(out).toBe(json.split('"nginx:1"').join(`"nginx:1${D('nginx:1')}"`));
    expect(JSON.parse(out)).toBeTruthy();
  });

  it('keeps a pretty-printed JSON manifest byte for byte apart from the pins', async () => {
    const doc = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      spec: { template: { spec: { containers: [{ name: 'a', image: 'ghcr.io/o/a:1' }] } } },
    };
    const json = `${JSON.stringify(doc, null, 4)}\n`;
    const out = pin(await fileOf('deploy.json', json));
    doc.spec.template.spec.containers[0].image = `ghcr.io/o/a:1${D('ghcr.io/o/a:1')}`;
    expect(out).toBe(`${JSON.stringify(doc, null, 4)}\n`);
  });

  it('pins `FROM $ARG` at the ARG default, once for every FROM naming it', async () => {
    const text = [
      'ARG BASE="ghcr.io/acme/base:1"',
      'ARG TOOL=alpine:3 OTHER=x',
      'FROM ${BASE} AS build',
      'FROM $TOOL',
      'FROM $BASE',
      '',
    ].join('\n');
    const f = await fileOf('Dockerfile', text);
    expect(f.occurrences.map((o) => [o.line, o.image])).toEqual([
      [3, 'ghcr.io/acme/base:1'],
      [4, 'alpine:3'],
      [5, 'ghcr.io/acme/base:1'],
    ]);
    expect(pin(f)).toBe(
      text
        .replace('base:1"', `base:1${D('ghcr.io/acme/base:1')}"`)
        .replace('alpine:3 ', `alpine:3${D('alpine:3')} `),
    );
    expect(planPins(f, digestFor).edits.map((e) => [e.line, e.from])).toEqual([
      [1, 'ghcr.io/acme/base:1'],
      [2, 'alpine:3'],
    ]);
  });

  it('spells the reference as written, not normalised', async () => {
    const f = await fileOf('compose.yaml', 'services:\n  a:\n    image: nginx\n');
    expect(planPins(f, digestFor).edits[0].to).toBe(`nginx${D('nginx')}`);
  });

  it('leaves a file whose references are all pinned as it is', async () => {
    const f = await fileOf('compose.yaml', `services:\n  a:\n    image: "${PINNED}"\n`);
    const plan = planPins(f, () => `sha256:${'a'.repeat(64)}`);
    expect(plan.edits).toEqual([]);
    expect(plan.unchanged.map((o) => o.image)).toEqual([PINNED]);
  });
});

describe('pin refuses what it cannot pin in place', () => {
  it.each([
    [
      'Compose interpolation',
      'compose.yaml',
      'services:\n  a:\n    image: ghcr.io/acme/app:${TAG:-1.0}\n',
      "compose.yaml:3: 'ghcr.io/acme/app:${TAG:-1.0}' cannot be pinned in place: it is interpolated (reads as 'ghcr.io/acme/app:1.0')",
    ],
    [
      'a Dockerfile ARG with a default in FROM',
      'Dockerfile',
      'ARG BASE=alpine:3\nFROM ${BASE:-alpine:3} AS x\n',
      "Dockerfile:2: '${BASE:-alpine:3}' cannot be pinned in place: it is interpolated (reads as 'alpine:3')",
    ],
    [
      'a Dockerfile ARG as part of the reference',
      'Dockerfile',
      'ARG REG=ghcr.io\nFROM ${REG}/acme/app:1\n',
      "Dockerfile:2: '${REG}/acme/app:1' cannot be pinned in place: it is interpolated",
    ],
    [
      'a bare $ARG',
      'Dockerfile',
      'ARG TAG=3\nFROM alpine:$TAG\n',
      "Dockerfile:2: 'alpine:$TAG' cannot be pinned in place: it is interpolated",
    ],
    [
      'a YAML escape',
      'deploy.yaml',
      'kind: Pod\nspec:\n  containers:\n    - image: "nginx\\x3a1"\n',
      "deploy.yaml:4: 'nginx\\x3a1' cannot be pinned in place: the file spells it differently",
    ],
  ])('%s', async (_, name, text, message) => {
    const f = await fileOf(name, text);
    const got = unpinnable(f).map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(message);
    // planPins never edits it either.
    expect(planPins(f, digestFor).edits).toEqual([]);
  });

  it('lets an interpolated reference that is already pinned be', async () => {
    const f = await fileOf(
      'compose.yaml',
      `services:\n  a:\n    image: \${REG:-ghcr.io}/acme/app@sha256:${'b'.repeat(64)}\n`,
    );
    expect(unpinnable(f)).toEqual([]);
    const plan = planPins(f, () => `sha256:${'b'.repeat(64)}`);
    expect([plan.edits, plan.problems]).toEqual([[], []]);
  });

  it('fails a reference pinned to another digest than the one verified', async () => {
    const f = await fileOf('compose.yaml', `services:\n  a:\n    image: ${PINNED}\n`);
    const plan = planPins(f, () => `sha256:${'c'.repeat(64)}`);
    expect(plan.problems).toEqual([
      expect.objectContaining({
        line: 3,
        message: `'${PINNED}' is pinned to sha256:${'a'.repeat(64)}, but sha256:${'c'.repeat(64)} was verified for it`,
      }),
    ]);
    expect(plan.edits).toEqual([]);
  });

  it('fails a reference with no verified digest', async () => {
    const f = await fileOf('compose.yaml', 'services:\n  a:\n    image: nginx:1\n');
    expect(planPins(f, () => undefined).problems[0].message).toBe(
      "'nginx:1' has no verified digest",
    );
  });

  it('refuses a rewrite that would not read back as the pins', async () => {
    const f = await fileOf('compose.yaml', 'services:\n  a:\n    image: nginx:1\n');
    const plan = planPins(f, digestFor);
    // A span that misses the reference's text: the read-back check catches it.
    const wrong = plan.edits.map((e) => ({
      ...e,
      span: { start: e.span.start, end: e.span.start },
    }));
    expect(() => checkReadBack(f, applyEdits(f.text, wrong), wrong)).toThrow(
      /would not read back: line 3 reads 'nginx:1@sha256:[0-9a-f]{64}nginx:1'/,
    );
  });
});

describe('pin on the command line', () => {
  it('reads the verify options, and keeps the files for itself', () => {
    const cmd = parseCommand(['pin', '--key', 'k.pub', '--from', 'b.yaml', 'a.yaml', '-o', 'json']);
    expect(cmd).toMatchObject({ command: 'pin', check: false, paths: ['a.yaml', 'b.yaml'] });
    if (cmd.command !== 'pin' || cmd.check) throw new Error('not pin');
    expect(cmd.output).toBe('json');
    expect(cmd.options.keys).toEqual(['k.pub']);
    // The gate is given the files' references, never the files (pin reads them once).
    expect([cmd.options.manifests, cmd.options.imagesFile, cmd.options.images]).toEqual([
      undefined,
      undefined,
      [],
    ]);
  });

  it('--check needs no key', () => {
    expect(parseCommand(['pin', '--check', 'Dockerfile'])).toEqual({
      command: 'pin',
      check: true,
      paths: ['Dockerfile'],
      output: 'text',
    });
  });

  it.each([
    [
      ['pin', '--chek', 'a.yaml'],
      'pin: unknown flag --chek (did you mean --check?); see image-gate pin --help',
    ],
    [['pin', '--key', 'k'], 'pin: no files, directories or --images-file given'],
    [['pin', '--check', '--key', 'k', 'a.yaml'], 'pin --check: --key is not used'],
    [
      ['pin', '--check', '-o', 'junit', 'a.yaml'],
      "pin --check: --output: expected text or json, got 'junit'",
    ],
    [
      ['pin', '--key', 'k', '-o', 'markdown', 'a.yaml'],
      "pin: --output: 'markdown' on stdout is not text or json",
    ],
    [
      ['pin', '--key', 'k', '--images-file', '-'],
      'pin: --images-file -: stdin cannot be rewritten',
    ],
    [['pni', 'a.yaml'], "unknown command 'pni' (did you mean pin?)"],
  ])('refuses %j', (argv, msg) => {
    expect(() => parseCommand(argv)).toThrow(msg);
  });

  it('has its own help, and the overview names it', () => {
    expect(parseCommand(['pin', '--help'])).toEqual({ command: 'help', topic: 'pin' });
    expect(helpText('pin')).toMatch(/^Usage: image-gate pin /);
    expect(helpText('pin')).toContain('--check');
    expect(helpText(undefined)).toContain('image-gate pin [options]');
  });
});
