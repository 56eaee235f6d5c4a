// Issue 12 item 5, pre-commit: docs/ci/pre-commit.md run as written. Debian's pre-commit clones
// a hooks repository holding this worktree's .pre-commit-hooks.yaml (tagged as the doc's `rev:`),
// the doc's .pre-commit-config.yaml and compose.yaml are committed in a user repository, and
// `git commit` runs the `image-gate` hook against a real registry: a signed image is committed,
// an unsigned one (in Compose or a Dockerfile) refuses the commit and nothing is committed.
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateKeyPair, writePublicKey } from '../helpers/cosign-keys.js';
import { writeSnippets } from '../helpers/doc-snippets.js';
import { signedImage, startSigningRegistry, type SigningRegistry } from '../helpers/images.js';
import { preCommitAvailable, preCommitWorld, type PreCommitWorld } from '../helpers/pre-commit.js';
import { registryAvailable } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';

const DOC = 'docs/ci/pre-commit.md';
const ROOT = path.resolve(import.meta.dirname, '..', '..');

let s: SigningRegistry;
let w: PreCommitWorld;

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude?: string;
  pass_filenames?: boolean;
  require_serial?: boolean;
}

beforeAll(async () => {
  if (!registryAvailable || !preCommitAvailable) return;
  s = await startSigningRegistry('ci-pre-commit-');
  const kp = generateKeyPair();
  writePublicKey(s.dir, kp, 'cosign.pub');
  await signedImage(s, 'acme/api', '1.4.2', { key: kp });
  await signedImage(s, 'acme/web', '1.4.2'); // pushed, never signed
  w = await preCommitWorld('v0.1.0');
  // The doc as a reader fills it in: this registry for ghcr.io, the hooks repository cloned from
  // a path, and the test Sigstore's trusted root beside the doc's key (the public-good root would
  // be fetched with TUF).
  await writeSnippets('docs/ci/pre-commit.md', w.repo, {
    'https://github.com/acme/image-gate': w.hooksRepo,
    'ghcr.io/acme/': `${s.reg.host}/acme/`,
    '[--key, cosign.pub]': `[--key, cosign.pub, --trusted-root, ${JSON.stringify(s.root)}]`,
  });
  writePublicKey(w.repo, kp, 'cosign.pub');
  w.install();
}, 120_000);

afterAll(async () => {
  await s?.reg.stop();
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares image-gate (verify --files) and image-gate-pinned (pin --check) as system hooks', async () => {
    const hooks = parse(
      await readFile(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'),
    ) as Hook[];
    expect(
      hooks.map((h) => [h.id, h.entry, h.language, h.pass_filenames, h.require_serial]),
    ).toEqual([
      ['image-gate', 'image-gate verify --files', 'system', true, true],
      ['image-gate-pinned', 'image-gate pin --check', 'system', true, true],
    ]);
  });

  it.each([
    ['compose.yaml', true],
    ['deploy/docker-compose.prod.yml', true],
    ['k8s/app.yaml', true],
    ['Dockerfile', true],
    ['images/api/Dockerfile.release', true],
    ['build/app.dockerfile', true],
    ['Containerfile', true],
    ['chart/templates/deployment.yaml', false],
    ['README.md', false],
    ['package.json', false],
    ['Dockerfile.md/notes.txt', false],
    ['api.Dockerfile', true],
    ['Dockerfile-prod', true],
    ['images/Dockerfile_dev', true],
    ['api-dockerfile', true],
    ['Dockerfiles/readme.txt', false],
    ['dockerfile', true],
    ['COMPOSE.YAML', true],
    ['.env', true],
    ['deploy/.env', true],
    ['prod.env', false],
    ['.envrc', false],
  ])('the files pattern takes %s: %s', async (file, taken) => {
    const hooks = parse(
      await readFile(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'),
    ) as Hook[];
    for (const h of hooks) {
      // pre-commit matches with Python's re.search, which these patterns share with JavaScript.
      // `(?i)` (Python's inline flag, which pre-commit passes on) is JavaScript's `i`.
      const re = (p: string) =>
        p.startsWith('(?i)') ? new RegExp(p.slice(4), 'i') : new RegExp(p);
      const got = re(h.files).test(file) && !re(h.exclude ?? '$^').test(file);
      expect(got, `${h.id} ${file}`).toBe(taken);
    }
  });
});

describe.skipIf(!registryAvailable || !preCommitAvailable)(
  'docs/ci/pre-commit.md with git commit',
  () => {
    it('commits the doc compose.yaml: its image is signed by the key in args', () => {
      const r = w.commit('deploy api 1.4.2');
      expect(r.out).toMatch(/image-gate verify\.+Passed/);
      expect(r.code, r.out).toBe(0);
      expect(w.commits()).toBe(1);
    });

    it('refuses a commit adding an unsigned image in Compose, naming file and line; nothing is committed', async () => {
      await appendFile(
        path.join(w.repo, 'compose.yaml'),
        `  web:\n    image: ${s.reg.host}/acme/web:1.4.2\n`,
      );
      const r = w.commit('add web');
      expect(r.out).toMatch(/image-gate verify\.+Failed/);
      // The line the doc quotes, as this registry prints it.
      const quoted = /\(`(compose\.yaml:\d+: ✗ Verification FAILED for [^`]+)`\)/.exec(
        await readFile(path.join(ROOT, DOC), 'utf8'),
      )?.[1];
      expect(quoted).toBe('compose.yaml:7: ✗ Verification FAILED for ghcr.io/acme/web:1.4.2');
      expect(r.out).toContain(quoted!.replace('ghcr.io/acme/', `${s.reg.host}/acme/`));
      expect(r.code).not.toBe(0);
      expect(w.commits()).toBe(1);
      expect(w.git('status', '--porcelain').out).toContain('compose.yaml');
      w.git('reset', '-q');
      w.git('checkout', '--', 'compose.yaml');
    });

    it('refuses a commit adding a Dockerfile FROM an unsigned image', async () => {
      await writeFile(path.join(w.repo, 'Dockerfile'), `FROM ${s.reg.host}/acme/web:1.4.2\n`);
      const r = w.commit('add Dockerfile');
      expect(r.code).not.toBe(0);
      expect(r.out).toContain(
        `Dockerfile:1: ✗ Verification FAILED for ${s.reg.host}/acme/web:1.4.2`,
      );
      expect(w.commits()).toBe(1);
      w.git('reset', '-q');
      await writeFile(path.join(w.repo, 'Dockerfile'), `FROM ${s.reg.host}/acme/api:1.4.2\n`);
      const ok = w.commit('Dockerfile from the signed image');
      expect(ok.code, ok.out).toBe(0);
      expect(w.commits()).toBe(2);
    });

    it('passes a commit whose YAML names no image (a ConfigMap, a workflow)', async () => {
      await writeFile(
        path.join(w.repo, 'config.yaml'),
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  LOG: debug\n',
      );
      const r = w.commit('config');
      expect(r.out).toMatch(/image-gate verify\.+Passed/);
      expect(r.code, r.out).toBe(0);
      expect(w.commits()).toBe(3);
    });

    it('refuses a commit with a staged YAML file that does not parse (exit 2)', async () => {
      await writeFile(path.join(w.repo, 'broken.yaml'), 'services:\n  web: [\n');
      const r = w.commit('broken');
      expect(r.code).not.toBe(0);
      expect(r.out).toMatch(/broken\.yaml:\d+: not valid YAML or JSON/);
      expect(w.commits()).toBe(3);
      w.git('reset', '-q');
      w.git('clean', '-fq', 'broken.yaml');
    });

    it('a commit changing only a .env verifies the Compose file beside it', async () => {
      await mkdir(path.join(w.repo, 'envapp'), { recursive: true });
      await writeFile(
        path.join(w.repo, 'envapp', 'compose.yaml'),
        `services:\n  app:\n    image: ${s.reg.host}/acme/\${APP}:1.4.2\n`,
      );
      await writeFile(path.join(w.repo, 'envapp', '.env'), 'APP=api\n');
      const ok = w.commit('env app');
      expect(ok.code, ok.out).toBe(0);
      expect(w.commits()).toBe(4);
      // Only the .env is staged: the image it selects is unsigned.
      await writeFile(path.join(w.repo, 'envapp', '.env'), 'APP=web\n');
      const r = w.commit('switch to web');
      expect(r.out).toMatch(/image-gate verify\.+Failed/);
      expect(r.out).toContain(`✗ Verification FAILED for ${s.reg.host}/acme/web:1.4.2`);
      expect(r.code).not.toBe(0);
      expect(w.commits()).toBe(4);
      w.git('reset', '-q', '--hard', 'HEAD~1');
      expect(w.commits()).toBe(3);
    });

    it('refuses every commit naming an image when args give no signer', async () => {
      const config = path.join(w.repo, '.pre-commit-config.yaml');
      const withArgs = await readFile(config, 'utf8');
      await writeFile(config, withArgs.replace(/^ +args: .*\n/m, ''));
      await appendFile(path.join(w.repo, 'compose.yaml'), '# touched\n');
      const r = w.commit('no signer');
      expect(r.code).not.toBe(0);
      expect(r.out).toContain('image-gate: no trust policy: give key');
      expect(r.out).toMatch(/image-gate verify\.+Failed/);
      expect(w.commits()).toBe(3);
      w.git('reset', '-q');
      await writeFile(config, withArgs);
      w.git('checkout', '--', 'compose.yaml');
    });
  },
);

describe.skipIf(!registryAvailable)('verify --files through dist/cli.js', () => {
  it('reads the arguments as files; files that name no image pass with a message', async () => {
    await writeFile(
      path.join(s.dir, 'svc.yaml'),
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n',
    );
    const r = await runCli(['verify', '--files', '--key', 'cosign.pub', 'svc.yaml'], {}, s.dir);
    expect(r.stderr).toBe('image-gate: the files given name no image; nothing to verify\n');
    expect(r.code).toBe(0);
  });

  it('without --files the same arguments are image references', async () => {
    const r = await runCli(
      ['verify', '--key', 'cosign.pub', '--trusted-root', s.root, 'svc.yaml'],
      {},
      s.dir,
    );
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('svc.yaml');
  });

  it('a file that names no image still fails next to one whose image is unsigned', async () => {
    await writeFile(
      path.join(s.dir, 'web.yaml'),
      `services:\n  web:\n    image: ${s.reg.host}/acme/web:1.4.2\n`,
    );
    const r = await runCli(
      [
        'verify',
        '--files',
        '--key',
        'cosign.pub',
        '--trusted-root',
        s.root,
        'svc.yaml',
        'web.yaml',
      ],
      {},
      s.dir,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `web.yaml:3: ✗ Verification FAILED for ${s.reg.host}/acme/web:1.4.2`,
    );
  });
});
