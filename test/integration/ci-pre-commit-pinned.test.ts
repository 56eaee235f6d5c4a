// Issue 12 item 5, pre-commit's `image-gate-pinned` hook (`image-gate pin --check`) as
// docs/ci/pre-commit.md shows it: a commit naming an image by tag is refused with the line the doc
// quotes; the same image pinned by its digest (and signed) is committed.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, writePublicKey } from '../helpers/cosign-keys.js';
import { snippet, writeSnippets } from '../helpers/doc-snippets.js';
import { signedImage, startSigningRegistry, type SigningRegistry } from '../helpers/images.js';
import { preCommitAvailable, preCommitWorld, type PreCommitWorld } from '../helpers/pre-commit.js';
import { registryAvailable } from '../helpers/registry-process.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

let s: SigningRegistry;
let w: PreCommitWorld;
let digest: string;

describe.skipIf(!registryAvailable || !preCommitAvailable)(
  'docs/ci/pre-commit.md, image-gate-pinned with git commit',
  () => {
    beforeAll(async () => {
      s = await startSigningRegistry('ci-pre-commit-pinned-');
      const kp = generateKeyPair();
      digest = (await signedImage(s, 'acme/api', '1.4.2', { key: kp })).digest;
      w = await preCommitWorld('v0.1.0');
      const replace = {
        'https://github.com/acme/image-gate': w.hooksRepo,
        'ghcr.io/acme/': `${s.reg.host}/acme/`,
        '[--key, cosign.pub]': `[--key, cosign.pub, --trusted-root, ${JSON.stringify(s.root)}]`,
      };
      await writeSnippets('docs/ci/pre-commit.md', w.repo, replace);
      let config = (await snippet('docs/ci/pre-commit.md', 'pinned.pre-commit-config.yaml')).text;
      for (const [from, to] of Object.entries(replace)) config = config.split(from).join(to);
      await writeFile(path.join(w.repo, '.pre-commit-config.yaml'), config);
      writePublicKey(w.repo, kp, 'cosign.pub');
      w.install();
    }, 120_000);

    afterAll(async () => {
      await s?.reg.stop();
    });

    it('refuses the doc compose.yaml (a tag), then commits it pinned by digest', async () => {
      const r = w.commit('api by tag');
      const quoted = /\(`(compose\.yaml:\d+: [^`]+ is not pinned by digest)`\)/.exec(
        await readFile(path.join(ROOT, 'docs/ci/pre-commit.md'), 'utf8'),
      )?.[1];
      expect(quoted).toBe('compose.yaml:3: ghcr.io/acme/api:1.4.2 is not pinned by digest');
      expect(r.out).toContain(quoted!.replace('ghcr.io/acme/', `${s.reg.host}/acme/`));
      expect(r.out).toMatch(/image-gate pin --check\.+Failed/);
      expect(r.code).not.toBe(0);
      expect(w.commits()).toBe(0);

      const compose = path.join(w.repo, 'compose.yaml');
      const text = await readFile(compose, 'utf8');
      await writeFile(compose, text.replace(':1.4.2', `@${digest}`));
      const ok = w.commit('api by digest');
      expect(ok.out).toMatch(/image-gate verify\.+Passed/);
      expect(ok.out).toMatch(/image-gate pin --check\.+Passed/);
      expect(ok.code, ok.out).toBe(0);
      expect(w.commits()).toBe(1);
    });
  },
);
