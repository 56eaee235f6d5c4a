// What can be checked of the container image and its release without a container engine (issue 12
// item 1): the Dockerfile, .dockerignore and .github/workflows/release.yml, read as files. Each
// check is a pure function returning problems; the real files must have none, and each mutated
// variant must be caught, so a check that cannot fail would show here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
const DOCKERFILE = read('Dockerfile');
const DOCKERIGNORE = read('.dockerignore');
const RELEASE = read('.github/workflows/release.yml');
const PACKAGE = JSON.parse(read('package.json')) as { files: string[] };

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** Dockerfile instructions, continuation lines joined, comments and parser directives dropped. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let s = lines[i].trim();
    if (s === '' || s.startsWith('#')) continue;
    while (s.endsWith('\\') && i + 1 < lines.length)
      s = `${s.slice(0, -1).trimEnd()} ${lines[++i].trim()}`;
    const m = /^(\S+)\s*(.*)$/.exec(s)!;
    out.push({ keyword: m[1].toUpperCase(), args: m[2], line });
  }
  return out;
}

/** The final stage: everything from the last FROM on. */
function finalStage(ins: Instruction[]): Instruction[] {
  const from = ins.map((i) => i.keyword).lastIndexOf('FROM');
  return from < 0 ? [] : ins.slice(from);
}

const NODE24 = /^node:24(?:-[a-z0-9.-]+)?@sha256:[0-9a-f]{64}$/;

function dockerfileProblems(text: string): string[] {
  const ins = instructions(text);
  const problems: string[] = [];
  const stages = new Set<string>();
  for (const i of ins.filter((x) => x.keyword === 'FROM')) {
    const words = i.args.split(/\s+/).filter((w) => !w.startsWith('--platform='));
    const [image, as, name] = words;
    if (!stages.has(image) && !NODE24.test(image))
      problems.push(`line ${i.line}: FROM ${image} is not node:24 pinned by digest`);
    if (as?.toUpperCase() === 'AS' && name) stages.add(name);
  }
  const last = finalStage(ins);
  if (last.length === 0) return [...problems, 'no FROM'];
  if (!NODE24.test(last[0].args.split(/\s+/).filter((w) => !w.startsWith('--'))[0]))
    problems.push('the final stage is not based on node:24');
  const user = last.filter((x) => x.keyword === 'USER').at(-1);
  if (!user) problems.push('no USER in the final stage: it would run as root');
  else {
    const [uid, gid] = user.args.split(':');
    if (!/^\d+$/.test(uid))
      problems.push(`USER ${user.args}: not numeric, so runAsNonRoot cannot check it`);
    else if (Number(uid) === 0 || gid === '0') problems.push(`USER ${user.args} is root`);
  }
  const workdir = last.filter((x) => x.keyword === 'WORKDIR').at(-1);
  if (workdir?.args !== '/work') problems.push(`WORKDIR is ${workdir?.args ?? 'unset'}, not /work`);
  const entrypoint = last.filter((x) => x.keyword === 'ENTRYPOINT').at(-1);
  if (entrypoint?.args !== '["image-gate"]')
    problems.push(`ENTRYPOINT is ${entrypoint?.args ?? 'unset'}, not ["image-gate"]`);
  // USER must come after every RUN: a RUN after it would run as that user, and a USER
  // switched back before ENTRYPOINT would leave the image running as root.
  const userAt = user ? last.indexOf(user) : -1;
  if (user && last.slice(userAt).some((x) => x.keyword === 'RUN'))
    problems.push('a RUN after USER');
  if (!last.some((x) => x.keyword === 'RUN' && /npm install --global .*\.tgz/.test(x.args)))
    problems.push('the final stage does not install the packed tarball');
  return problems;
}

/** The context must be only what the tarball holds: deny all, then re-admit each packed path. */
function dockerignoreProblems(text: string, files: string[]): string[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const problems: string[] = [];
  if (lines[0] !== '*') problems.push('does not start by excluding everything (*)');
  const admitted = new Set(lines.filter((l) => l.startsWith('!')).map((l) => l.slice(1)));
  const needed = ['package.json', 'README.md', ...files.map((f) => f.split('/')[0])];
  for (const n of new Set(needed)) {
    if (!admitted.has(n) && !admitted.has(`${n}/`)) problems.push(`${n} is not admitted`);
  }
  for (const a of admitted) {
    if (/^(src|test|node_modules|scripts|\.git|\.cache)\b/.test(a))
      problems.push(`${a} is admitted`);
  }
  return problems;
}

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push?: { tags?: string[] } };
  permissions: unknown;
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}

/** A workflow value as text; a mapping or list where text belongs reads as empty. */
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function workflowProblems(text: string): string[] {
  let wf: Workflow;
  try {
    wf = parse(text) as Workflow;
  } catch (e) {
    return [`does not parse: ${(e as Error).message}`];
  }
  const problems: string[] = [];
  if (!wf.on?.push?.tags?.length) problems.push('not triggered by a tag push');
  if (JSON.stringify(wf.permissions) !== '{}') problems.push('top-level permissions are not {}');
  const jobs = Object.values(wf.jobs ?? {});
  const job = jobs.find((j) =>
    j.steps.some((s) => s.uses?.startsWith('docker/build-push-action@')),
  );
  if (!job) return [...problems, 'no job uses docker/build-push-action'];
  for (const [perm, level] of [
    ['id-token', 'write'],
    ['packages', 'write'],
    ['attestations', 'write'],
  ]) {
    if (job.permissions?.[perm] !== level) problems.push(`permissions: ${perm} is not ${level}`);
  }
  const steps = job.steps;
  for (const s of steps) {
    if (s.uses && !s.uses.startsWith('./') && !/@[0-9a-f]{40}$/.test(s.uses))
      problems.push(`${s.uses} is not pinned by commit SHA`);
  }
  const at = (pred: (s: Step) => boolean): number => steps.findIndex(pred);
  const buildAt = at((s) => s.uses?.startsWith('docker/build-push-action@') ?? false);
  const build = steps[buildAt];
  const platforms = str(build.with?.platforms).split(/[\s,]+/);
  for (const p of ['linux/amd64', 'linux/arm64'])
    if (!platforms.includes(p)) problems.push(`build does not include ${p}`);
  if (build.with?.push !== true) problems.push('build does not push');
  if (!build.id) return [...problems, 'the build step has no id for its digest'];
  const digest = `\${{ steps.${build.id}.outputs.digest }}`;
  const installAt = at((s) => s.uses?.startsWith('sigstore/cosign-installer@') ?? false);
  const signAt = at((s) => /\bcosign sign\b/.test(s.run ?? ''));
  if (installAt < 0) problems.push('no sigstore/cosign-installer step');
  if (signAt < 0) problems.push('no cosign sign step');
  else {
    const sign = steps[signAt];
    if (!/--yes\b/.test(sign.run!)) problems.push('cosign sign without --yes would wait for input');
    const target = [sign.run!, ...Object.values(sign.env ?? {})].join('\n');
    if (!target.includes(`@${digest}`))
      problems.push('cosign sign does not sign the pushed digest');
    if (/--key\b/.test(sign.run!)) problems.push('cosign sign uses a key, not keyless');
    if (signAt < buildAt || signAt < installAt) problems.push('cosign sign runs before its inputs');
  }
  const attests = steps
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => /^actions\/attest(-build-provenance|-sbom)?@/.test(s.uses ?? ''));
  const provenance = attests.find(({ s }) => !s.with?.['sbom-path'] && !s.with?.predicate);
  const sbom = attests.find(({ s }) => s.with?.['sbom-path']);
  if (!provenance) problems.push('no provenance attestation');
  if (!sbom) problems.push('no SBOM attestation');
  for (const { s, i } of attests) {
    if (s.with?.['subject-digest'] !== digest)
      problems.push(`${s.name ?? s.uses}: not the pushed digest`);
    if (s.with?.['push-to-registry'] !== true)
      problems.push(`${s.name ?? s.uses}: not pushed to the registry, where image-gate reads it`);
    if (i < buildAt) problems.push(`${s.name ?? s.uses}: runs before the build`);
  }
  const gateAt = at((s) => s.uses === './');
  if (gateAt < 0) return [...problems, 'no image-gate step (uses: ./)'];
  const gate = steps[gateAt].with ?? {};
  if (!str(gate.images).includes(`@${digest}`))
    problems.push('image-gate does not verify the pushed digest');
  const workflow = str(gate['signer-workflow']);
  if (workflow !== '${{ github.repository }}/.github/workflows/release.yml@${{ github.ref }}')
    problems.push(
      `signer-workflow ${workflow || 'unset'} is not this release workflow at this ref`,
    );
  for (const banned of [
    'certificate-identity-regexp',
    'insecure-ignore-tlog',
    'insecure-ignore-sct',
  ])
    if (gate[banned] !== undefined) problems.push(`image-gate step sets ${banned}`);
  const types = str(gate.attestations).split(/\s+/);
  for (const t of ['slsaprovenance1', 'cyclonedx'])
    if (!types.includes(t)) problems.push(`image-gate does not require the ${t} attestation`);
  if (gateAt < Math.max(signAt, ...attests.map((a) => a.i)))
    problems.push('image-gate runs before the image is signed and attested');
  return problems;
}

describe('Dockerfile', () => {
  it('has a node:24 base by digest, a non-root USER, WORKDIR /work and ENTRYPOINT image-gate', () => {
    expect(dockerfileProblems(DOCKERFILE)).toEqual([]);
  });

  it('is small enough to read at a glance', () => {
    expect(instructions(DOCKERFILE).length).toBeLessThanOrEqual(15);
  });

  const swap = (from: RegExp, to: string): string => {
    expect(DOCKERFILE).toMatch(from);
    return DOCKERFILE.replace(from, to);
  };
  it.each([
    ['a root USER', () => swap(/^USER .*$/m, 'USER 0:0'), /USER 0:0 is root/],
    ['a named USER', () => swap(/^USER .*$/m, 'USER node'), /not numeric/],
    ['no USER', () => swap(/^USER .*\n/m, ''), /no USER/],
    ['USER before a RUN', () => swap(/^USER .*$/m, 'USER 1000\nRUN true'), /a RUN after USER/],
    ['another WORKDIR', () => swap(/^WORKDIR \/work$/m, 'WORKDIR /app'), /WORKDIR is \/app/],
    [
      'a shell-form ENTRYPOINT',
      () => swap(/^ENTRYPOINT .*$/m, 'ENTRYPOINT image-gate'),
      /ENTRYPOINT/,
    ],
    ['no ENTRYPOINT', () => swap(/^ENTRYPOINT .*\n/m, ''), /ENTRYPOINT is unset/],
    ['a Node 22 base', () => swap(/node:24-slim@/g, 'node:22-slim@'), /not node:24/],
    [
      'a tag without digest',
      () => swap(/node:24-slim@sha256:[0-9a-f]{64}/g, 'node:24-slim'),
      /pinned by digest/,
    ],
    ['a final stage on another base', () => `${DOCKERFILE}\nFROM alpine:3\n`, /not node:24/],
    ['no tarball install', () => swap(/npm install --global/, 'cp -r'), /packed tarball/],
  ])('catches %s', (_name, variant, problem) => {
    expect(dockerfileProblems(variant()).join('\n')).toMatch(problem);
  });
});

describe('.dockerignore', () => {
  it('admits exactly what package.json "files" packs', () => {
    expect(dockerignoreProblems(DOCKERIGNORE, PACKAGE.files)).toEqual([]);
  });

  it.each([
    [
      'no deny-all first line',
      DOCKERIGNORE.replace(/^\*\n/m, ''),
      [...PACKAGE.files],
      /excluding everything/,
    ],
    [
      'a packed path left out',
      DOCKERIGNORE,
      [...PACKAGE.files, 'templates'],
      /templates is not admitted/,
    ],
    ['the sources admitted', `${DOCKERIGNORE}!src/\n`, [...PACKAGE.files], /src\/ is admitted/],
  ])('catches %s', (_name, text, files, problem) => {
    expect(dockerignoreProblems(text, files).join('\n')).toMatch(problem);
  });
});

describe('release workflow', () => {
  it('parses, has the permissions, and signs, attests and gates the pushed digest in order', () => {
    expect(workflowProblems(RELEASE)).toEqual([]);
  });

  const swap = (from: string | RegExp, to: string): string => {
    expect(RELEASE).toMatch(from);
    return RELEASE.replace(from, to);
  };
  it.each([
    ['YAML that does not parse', () => `${RELEASE}\n  bad: [`, /does not parse/],
    [
      'no id-token: write',
      () => swap(/id-token: write/, 'id-token: read'),
      /id-token is not write/,
    ],
    [
      'no packages: write',
      () => swap(/packages: write/, 'packages: read'),
      /packages is not write/,
    ],
    [
      'no attestations: write',
      () => swap(/ {6}attestations: write.*\n/, ''),
      /attestations is not write/,
    ],
    [
      'a broad top-level grant',
      () => swap(/^permissions: \{\}$/m, 'permissions: write-all'),
      /top-level/,
    ],
    [
      'an action pinned by tag',
      () => swap(/sigstore\/cosign-installer@[0-9a-f]{40}/, 'sigstore/cosign-installer@v4'),
      /not pinned/,
    ],
    [
      'one platform',
      () =>
        swap(
          /platforms: linux\/amd64,linux\/arm64\n {10}push/,
          'platforms: linux/amd64\n          push',
        ),
      /linux\/arm64/,
    ],
    [
      'signing by tag',
      () =>
        swap(
          /IMAGE: \$\{\{ steps\.name\.outputs\.image \}\}@\$\{\{ steps\.build\.outputs\.digest \}\}\n/,
          'IMAGE: ${{ steps.name.outputs.image }}:latest\n',
        ),
      /pushed digest/,
    ],
    [
      'signing with a key',
      () => swap(/cosign sign --yes/, 'cosign sign --key cosign.key --yes'),
      /keyless/,
    ],
    [
      'no SBOM attestation',
      () => swap(/sbom-path: sbom\.cdx\.json/, 'predicate-type: https://example.com/x'),
      /no SBOM/,
    ],
    [
      'an attestation kept out of the registry',
      () => swap(/push-to-registry: true/, 'push-to-registry: false'),
      /not pushed to the registry/,
    ],
    [
      'the signer workflow not pinned',
      () => swap(/release\.yml@\$\{\{ github\.ref \}\}/, 'build.yml@${{ github.ref }}'),
      /not this release workflow/,
    ],
    [
      'any ref of the signer workflow',
      () => swap(/release\.yml@\$\{\{ github\.ref \}\}/, 'release.yml'),
      /not this release workflow/,
    ],
    ['no required provenance', () => swap(/ {12}slsaprovenance1\n/, ''), /slsaprovenance1/],
    [
      'the gate on a tag',
      () =>
        swap(
          /images: \$\{\{ steps\.name\.outputs\.image \}\}@\$\{\{ steps\.build\.outputs\.digest \}\}/,
          'images: ${{ steps.name.outputs.image }}:latest',
        ),
      /pushed digest/,
    ],
  ])('catches %s', (_name, variant, problem) => {
    expect(workflowProblems(variant()).join('\n')).toMatch(problem);
  });
});
