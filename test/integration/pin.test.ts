// Issue 12 item 4, `image-gate pin` through dist/cli.js against a real registry: signed images in
// Compose, Kubernetes, Dockerfile and list files are pinned to the digests verified (an index to
// its own digest), the rest of each file byte for byte as it was, and `images` then reads the
// pins; one unsigned image, or one reference that cannot be pinned in place, means no file
// changes at all; a reference already pinned is verified by its digest; --check's exit codes.
import {
  chmod,
  mkdir,
  readdir,
  readFile,
  readlink,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, writePublicKey } from '../helpers/cosign-keys.js';
import {
  descriptor,
  pushIndex,
  randomImage,
  signedImage,
  signLegacy,
  startSigningRegistry,
  type SigningRegistry,
} from '../helpers/images.js';
import { runCli } from '../helpers/run-dist.js';

let s: SigningRegistry;
let pub: string;
let kp: ReturnType<typeof generateKeyPair>;
const img: Record<string, { ref: string; digest: string }> = {};

beforeAll(async () => {
  s = await startSigningRegistry('pin-');
  kp = generateKeyPair();
  pub = writePublicKey(s.dir, kp, 'cosign.pub');
  for (const [name, tag] of [
    ['app/web', '1.0'],
    ['app/worker', '2.0'],
    ['app/base', '3'],
    ['app/tool', '4'],
  ])
    img[name] = await signedImage(s, name, tag, { key: kp });
  img['app/unsigned'] = await signedImage(s, 'app/unsigned', '1.0');
  const amd = await randomImage(s.reg, 'app/multi', 'amd64');
  const arm = await randomImage(s.reg, 'app/multi', 'arm64');
  const index = await pushIndex(s.reg, 'app/multi', '1', [
    descriptor(amd, { os: 'linux', architecture: 'amd64' }),
    descriptor(arm, { os: 'linux', architecture: 'arm64' }),
  ]);
  await signLegacy(s, index, { key: kp });
  img['app/multi'] = index;
}, 120_000);

afterAll(async () => {
  await s?.reg.stop();
});

const gate = (): string[] => ['--key', pub, '--trusted-root', s.root];
const at = (name: string) => `${img[name].ref}@${img[name].digest}`;

/** A fresh directory under the test's, with `files` written. */
async function workdir(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(s.dir, name);
  await mkdir(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) await writeFile(path.join(dir, f), text);
  return dir;
}

async function bytes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir)).sort())
    out[f] = (await readFile(path.join(dir, f))).toString('base64');
  return out;
}

const compose = () =>
  [
    '# deployed by CI',
    'x-web: &web',
    `  image: "${img['app/web'].ref}"   # the web tier`,
    'services:',
    '  web:',
    '    <<: *web',
    '  worker: {image: ' + `'${img['app/worker'].ref}'` + ', restart: always}',
    '  multi:',
    `    image: ${img['app/multi'].ref}`,
    '',
  ].join('\r\n');

const k8s = () =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    `        - image: ${img['app/web'].ref} # same image, other file`,
    '---',
    `{"kind": "Pod", "spec": {"containers": [{"image": "${img['app/worker'].ref}"}]}}`,
    '',
  ].join('\n');

const dockerfile = () =>
  [
    `ARG TOOL="${img['app/tool'].ref}"`,
    `FROM --platform=$BUILDPLATFORM ${img['app/base'].ref} AS build`,
    'RUN make',
    'FROM ${TOOL}',
    'COPY --from=build /out /out',
    '',
  ].join('\n');

describe('image-gate pin', () => {
  it('pins every reference to its verified digest, keeping the rest of each file and its mode', async () => {
    const dir = await workdir('all-signed', {
      'compose.yaml': compose(),
      'deploy.yaml': k8s(),
      Dockerfile: dockerfile(),
      'images.txt': `# list\n${img['app/tool'].ref}  # tool\n`,
    });
    await chmod(path.join(dir, 'compose.yaml'), 0o640);
    const r = await runCli(
      [
        'pin',
        ...gate(),
        'compose.yaml',
        'deploy.yaml',
        'Dockerfile',
        '--images-file',
        'images.txt',
      ],
      {},
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pin = (name: string) => `${img[name].ref} -> ${at(name)}`;
    expect(r.stdout).toBe(
      [
        `compose.yaml:3: ${pin('app/web')}`,
        `compose.yaml:7: ${pin('app/worker')}`,
        `compose.yaml:9: ${pin('app/multi')}`,
        `deploy.yaml:7: ${pin('app/web')}`,
        `deploy.yaml:9: ${pin('app/worker')}`,
        `Dockerfile:1: ${pin('app/tool')}`, // the ARG default FROM $\{TOOL} names
        `Dockerfile:2: ${pin('app/base')}`,
        `images.txt:2: ${pin('app/tool')}`,
        'pin: 8 references pinned in 4 files; 5 images verified',
        '',
      ].join('\n'),
    );
    const pinned = (text: string) => {
      for (const name of Object.keys(img)) text = text.split(img[name].ref).join(at(name));
      return text;
    };
    expect(await readFile(path.join(dir, 'compose.yaml'), 'utf8')).toBe(pinned(compose()));
    expect(await readFile(path.join(dir, 'deploy.yaml'), 'utf8')).toBe(pinned(k8s()));
    expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toBe(pinned(dockerfile()));
    expect(await readFile(path.join(dir, 'images.txt'), 'utf8')).toBe(
      `# list\n${at('app/tool')}  # tool\n`,
    );
    expect((await stat(path.join(dir, 'compose.yaml'))).mode & 0o777).toBe(0o640);
    // No temporary file is left beside them.
    expect((await readdir(dir)).sort()).toEqual([
      'Dockerfile',
      'compose.yaml',
      'deploy.yaml',
      'images.txt',
    ]);

    // `images` reads the pins back: each names the digest verified (the index's own for multi).
    const listed = await runCli(['images', '-o', 'json', 'compose.yaml', 'deploy.yaml'], {}, dir);
    const images = (JSON.parse(listed.stdout) as { images: Array<{ image: string }> }).images;
    expect(images.map((i) => i.image)).toEqual([
      at('app/web'),
      at('app/worker'),
      at('app/multi'),
      at('app/web'),
      at('app/worker'),
    ]);

    // Pinned: --check passes, and pin again verifies by digest and writes nothing.
    const before = await bytes(dir);
    const check = await runCli(['pin', '--check', '.', '--images-file', 'images.txt'], {}, dir);
    expect([check.code, check.stdout]).toEqual([0, '']);
    const again = await runCli(['pin', ...gate(), '.'], {}, dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      'pin: every reference is already pinned (7 references); nothing written\n',
    );
    expect(await bytes(dir)).toEqual(before);
  });

  it('writes nothing at all when one image in the files is unsigned (exit 1)', async () => {
    const dir = await workdir('one-unsigned', {
      'compose.yaml': compose(),
      'deploy.yaml': k8s().replace(img['app/worker'].ref, img['app/unsigned'].ref),
    });
    const before = await bytes(dir);
    const r = await runCli(['pin', ...gate(), 'compose.yaml', 'deploy.yaml'], {}, dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `deploy.yaml:9: ✗ Verification FAILED for ${img['app/unsigned'].ref}`,
    );
    expect(r.stderr).toContain('image-gate: pin: nothing written: 1 of 4 images not verified');
    expect(await bytes(dir)).toEqual(before);
    const json = await runCli(['pin', ...gate(), '-o', 'json', '.'], {}, dir);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout) as { written: boolean; rewrites: unknown[] };
    expect([doc.written, doc.rewrites]).toEqual([false, []]);
    expect(await bytes(dir)).toEqual(before);
  });

  it('pins nothing under --mode warn when an image only warned (exit 1, though verify exits 0)', async () => {
    const dir = await workdir('warn-mode', {
      'compose.yaml': `services:\n  a:\n    image: ${img['app/web'].ref}\n  b:\n    image: ${img['app/unsigned'].ref}\n`,
    });
    const before = await bytes(dir);
    const verify = await runCli(
      ['verify', ...gate(), '--mode', 'warn', '--from', 'compose.yaml'],
      {},
      dir,
    );
    expect(verify.code).toBe(0);
    const r = await runCli(['pin', ...gate(), '--mode', 'warn', 'compose.yaml'], {}, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `pin: nothing written: 1 of 2 images not verified (${img['app/unsigned'].ref}: warned)`,
    );
    expect(await bytes(dir)).toEqual(before);
  });

  it('writes nothing when the run cannot start (a missing key: exit 2)', async () => {
    const dir = await workdir('no-key', { 'compose.yaml': compose() });
    const before = await bytes(dir);
    const r = await runCli(
      ['pin', '--key', 'nope.pub', '--trusted-root', s.root, 'compose.yaml'],
      {},
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.pub');
    expect(r.stderr).toContain('pin: nothing written');
    expect(await bytes(dir)).toEqual(before);
  });

  it('refuses an interpolated reference before verifying or writing anything (exit 2)', async () => {
    const dir = await workdir('interpolated', {
      'compose.yaml': `services:\n  web:\n    image: ${img['app/web'].ref}\n  tagged:\n    image: ${s.reg.host}/app/worker:\${TAG:-2.0}\n`,
      Dockerfile: `ARG REG=${s.reg.host}\nFROM \${REG}/app/base:3\n`,
    });
    const before = await bytes(dir);
    const r = await runCli(['pin', ...gate(), '.'], {}, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `compose.yaml:5: '${s.reg.host}/app/worker:\${TAG:-2.0}' cannot be pinned in place: it is interpolated (reads as '${img['app/worker'].ref}')`,
    );
    expect(r.stderr).toContain(
      "image-gate: Dockerfile:2: '${REG}/app/base:3' cannot be pinned in place",
    );
    expect(r.stderr).toContain(
      'pin: 2 references cannot be pinned in place; nothing verified or written',
    );
    expect(r.stdout).not.toContain('Verified');
    expect(await bytes(dir)).toEqual(before);
  });

  it('verifies a pinned reference by its digest, even when its tag has moved, and leaves it', async () => {
    const first = await signedImage(s, 'app/moving', '1', { key: kp });
    await signedImage(s, 'app/moving', '1', { key: kp }); // the tag now names another image
    const ref = `${first.ref}@${first.digest}`;
    const dir = await workdir('moved-tag', {
      'compose.yaml': `services:\n  a:\n    image: ${ref}\n`,
    });
    const before = await bytes(dir);
    const r = await runCli(['pin', ...gate(), '-o', 'json', 'compose.yaml'], {}, dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      written: boolean;
      unchanged: Array<{ image: string }>;
      report: { results: Array<{ digest: string }> };
    };
    expect(doc.written).toBe(false);
    expect(doc.unchanged.map((u) => u.image)).toEqual([ref]);
    expect(doc.report.results[0].digest).toBe(first.digest);
    expect(await bytes(dir)).toEqual(before);
  });

  it('rewrites the target of a symbolic link, which stays a link', async () => {
    const dir = await workdir('linked', {
      'real.yaml': `services:\n  a:\n    image: ${img['app/web'].ref}\n`,
    });
    await symlink('real.yaml', path.join(dir, 'compose.yaml'));
    const r = await runCli(['pin', ...gate(), 'compose.yaml'], {}, dir);
    expect(r.code).toBe(0);
    expect(await readFile(path.join(dir, 'real.yaml'), 'utf8')).toBe(
      `services:\n  a:\n    image: ${at('app/web')}\n`,
    );
    expect(await readlink(path.join(dir, 'compose.yaml'))).toBe('real.yaml');
  });

  it('--output json lists the rewrites', async () => {
    const dir = await workdir('json', { Dockerfile: dockerfile() });
    const r = await runCli(['pin', ...gate(), '--output', 'json', 'Dockerfile'], {}, dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { written: boolean; rewrites: unknown[] };
    expect(doc.written).toBe(true);
    expect(doc.rewrites).toEqual([
      {
        file: 'Dockerfile',
        line: 1,
        kind: 'dockerfile',
        from: img['app/tool'].ref,
        to: at('app/tool'),
        digest: img['app/tool'].digest,
      },
      {
        file: 'Dockerfile',
        line: 2,
        kind: 'dockerfile',
        from: img['app/base'].ref,
        to: at('app/base'),
        digest: img['app/base'].digest,
      },
    ]);
  });
});

describe('image-gate pin --check', () => {
  it('lists each unpinned reference (exit 1), needing no key or registry', async () => {
    const dir = await workdir('check', {
      'compose.yaml': `services:\n  a:\n    image: ${at('app/web')}\n  b:\n    image: "nginx:1.25"\n`,
      Dockerfile: 'FROM alpine:3 AS x\nFROM x\n',
    });
    const r = await runCli(['pin', '--check', 'compose.yaml', 'Dockerfile'], {}, dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'compose.yaml:5: nginx:1.25 is not pinned by digest\nDockerfile:1: alpine:3 is not pinned by digest\n',
    );
    expect(r.stderr).toContain('2 of 3 references not pinned by digest');
    const json = await runCli(['pin', '--check', '-o', 'json', 'compose.yaml'], {}, dir);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      references: 2,
      unpinned: [{ image: 'nginx:1.25', file: 'compose.yaml', line: 5, kind: 'compose' }],
    });
  });

  it('passes (exit 0) when every reference is pinned, and a file with none', async () => {
    const dir = await workdir('check-ok', {
      'compose.yaml': `services:\n  a:\n    image: ${at('app/web')}\n`,
      'config.yaml': 'apiVersion: v1\nkind: ConfigMap\n',
    });
    const r = await runCli(['pin', '--check', 'compose.yaml', 'config.yaml'], {}, dir);
    expect([r.code, r.stdout]).toEqual([0, '']);
  });

  it.each([
    [
      'a file that does not parse',
      { 'broken.yaml': 'services:\n  a: [\n' },
      'broken.yaml',
      /broken\.yaml:\d+: not valid YAML/,
    ],
    ['a missing file', {}, 'missing.yaml', /missing\.yaml: no such file/],
    [
      'an invalid reference',
      { 'compose.yaml': 'services:\n  a:\n    image: Not_Valid:1\n' },
      'compose.yaml',
      /compose\.yaml:3: image 'Not_Valid:1'/,
    ],
  ])('exits 2 for %s, naming it', async (_, files, arg, msg) => {
    const dir = await workdir(`check-bad-${arg}`, files);
    const r = await runCli(['pin', '--check', arg], {}, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
  });
});
