// Issue 12, images from files, through dist/cli.js and dist/index.js against a real registry: a
// Compose file and a Kubernetes manifest naming a signed image (twice) and an unsigned one. The
// signed one is verified once and reported with both places it is written; the unsigned one
// fails with its FILE:LINE:; a file that does not parse is exit 2 naming it.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { signedImage, startSigningRegistry, type SigningRegistry } from '../helpers/images.js';
import { runAction, runCli } from '../helpers/run-dist.js';

let s: SigningRegistry;
let signed: string;
let unsigned: string;
let keyFile: string;

beforeAll(async () => {
  s = await startSigningRegistry('images-from-files-');
  const key = s.ss.generateKeyPair();
  keyFile = path.join(s.dir, 'cosign.pub');
  await writeFile(keyFile, key.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  signed = (await signedImage(s, 'app/signed', '1.0', { key })).ref;
  unsigned = (await signedImage(s, 'app/unsigned', '1.0')).ref;
  const host = s.reg.host;
  // The host comes from the .env beside the Compose file, the tag from a default.
  await writeFile(path.join(s.dir, '.env'), `REGISTRY=${host}\n`);
  await writeFile(
    path.join(s.dir, 'compose.yaml'),
    [
      'x-app: &app',
      '  image: ${REGISTRY}/app/signed:${TAG:-1.0}',
      'services:',
      '  web:',
      '    <<: *app',
      '  db:',
      `    image: \${REGISTRY}/app/unsigned:1.0`,
      '  local:',
      '    build: .',
      '',
    ].join('\n'),
  );
  await writeFile(
    path.join(s.dir, 'deploy.yaml'),
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      `        - image: ${signed}`,
      '',
    ].join('\n'),
  );
  await writeFile(path.join(s.dir, 'ok-compose.yml'), `services:\n  web:\n    image: ${signed}\n`);
  await writeFile(path.join(s.dir, 'broken.yaml'), 'services:\n  web: [\n');
}, 60_000);

afterAll(async () => {
  await s?.reg.stop();
});

const verifyArgs = (): string[] => ['verify', '--key', keyFile, '--trusted-root', s.root];

describe('image-gate images', () => {
  it('lists one FILE:LINE: REF per occurrence, files named as given', async () => {
    const r = await runCli(['images', 'compose.yaml', 'deploy.yaml'], {}, s.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `compose.yaml:2: ${signed}\ncompose.yaml:7: ${unsigned}\ndeploy.yaml:7: ${signed}\n`,
    );
  });

  it('prints JSON with image, file, line and kind', async () => {
    const r = await runCli(['images', '--output', 'json', 'deploy.yaml'], {}, s.dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      images: [{ image: signed, file: 'deploy.yaml', line: 7, kind: 'kubernetes' }],
    });
  });

  it('refuses a file that does not parse (exit 2), naming it', async () => {
    const r = await runCli(['images', 'broken.yaml'], {}, s.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:\d+: not valid YAML or JSON/);
  });

  it('refuses a reference that cannot be interpolated, naming file and line', async () => {
    await writeFile(path.join(s.dir, 'unset.yaml'), 'services:\n  a:\n    image: x:${NOPE}\n');
    const r = await runCli(['images', 'unset.yaml'], {}, s.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unset.yaml:3: service a: ');
    expect(r.stderr).toContain('NOPE is not set');
  });
});

describe('--images-file -', () => {
  it('reads the list from stdin', () => {
    const r = spawnSync(
      process.execPath,
      [path.resolve('dist/cli.js'), 'images', '--images-file', '-'],
      { input: `# from a pipe\n${signed}\n`, encoding: 'utf8', cwd: s.dir },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`(stdin):2: ${signed}\n`);
  });
});

describe('image-gate verify --from', () => {
  it('verifies the signed image once with every source; the unsigned one fails with FILE:LINE:', async () => {
    const json = await runCli(
      [...verifyArgs(), '--output', 'json', '--from', 'compose.yaml', '--from', 'deploy.yaml'],
      {},
      s.dir,
    );
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as Report;
    expect(
      report.results.map((r) => ({ image: r.image, outcome: r.outcome, sources: r.sources })),
    ).toEqual([
      {
        image: signed,
        outcome: 'verified',
        sources: [
          { file: 'compose.yaml', line: 2 },
          { file: 'deploy.yaml', line: 7 },
        ],
      },
      { image: unsigned, outcome: 'failed', sources: [{ file: 'compose.yaml', line: 7 }] },
    ]);
    const text = await runCli([...verifyArgs(), '--from', 'compose.yaml'], {}, s.dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`compose.yaml:7: ✗ Verification FAILED for ${unsigned}\n`);
    expect(text.stdout).toContain(`✓ Verified ${signed}\n`);
    expect(text.stdout).toContain('  Source: compose.yaml:2\n');
  });

  it('passes (exit 0) when every image the files name is signed; a directory is searched', async () => {
    const r = await runCli([...verifyArgs(), '--from', 'ok-compose.yml'], {}, s.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // The directory holds the unsigned image's compose.yaml and a broken file: exit 2 first.
    const dir = await runCli([...verifyArgs(), '--from', '.'], {}, s.dir);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toContain('broken.yaml');
  });

  it('joins images-file and argument images, and refuses a file that does not parse', async () => {
    await writeFile(path.join(s.dir, 'list.txt'), `# deployed\n${unsigned}\n`);
    const r = await runCli(
      [...verifyArgs(), '--output', 'json', '--images-file', 'list.txt', signed],
      {},
      s.dir,
    );
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.results.map((x) => [x.image, x.outcome, x.sources])).toEqual([
      [signed, 'verified', undefined],
      [unsigned, 'failed', [{ file: 'list.txt', line: 2 }]],
    ]);
    // An argument and a file naming one image: one result, with the file's source.
    await writeFile(path.join(s.dir, 'empty.yaml'), 'apiVersion: v1\nkind: ConfigMap\n');
    const one = await runCli(
      [
        ...verifyArgs(),
        '--output',
        'json',
        '--from',
        'deploy.yaml',
        '--from',
        'empty.yaml',
        signed,
      ],
      {},
      s.dir,
    );
    expect(one.code).toBe(0);
    const oneReport = JSON.parse(one.stdout) as Report;
    expect(oneReport.results.map((x) => [x.image, x.sources])).toEqual([
      [signed, [{ file: 'deploy.yaml', line: 7 }]],
    ]);
    expect(oneReport.warnings).toContain('empty.yaml: no image references found');
    const bad = await runCli([...verifyArgs(), '--from', 'broken.yaml'], {}, s.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/broken\.yaml:\d+: not valid YAML or JSON/);
  });

  it('the Action reads manifests globs into the report with sources', async () => {
    const run = await runAction({
      manifests: `${s.dir}/compose.yaml\n${s.dir}/deploy*.yaml`,
      key: keyFile,
      'trusted-root': s.root,
      summary: 'false',
    });
    const report = JSON.parse(
      await readFile(path.join(run.runnerTemp, 'image-gate-report.json'), 'utf8'),
    ) as Report;
    expect(run.code).toBe(1);
    expect(report.results.map((r) => [r.outcome, r.sources])).toEqual([
      [
        'verified',
        [
          { file: path.join(s.dir, 'compose.yaml'), line: 2 },
          { file: path.join(s.dir, 'deploy.yaml'), line: 7 },
        ],
      ],
      ['failed', [{ file: path.join(s.dir, 'compose.yaml'), line: 7 }]],
    ]);
  });
});
