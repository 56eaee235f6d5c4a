// A commit that changes only the `.env` beside a Compose file that is not default-named
// (`docker-compose.prod.yml`, which the hook's `files:` pattern takes and image-gate reads as
// Compose, with that `.env`) must be refused by the pre-commit `image-gate` hook when the image
// it now names is unsigned: `docker compose -f docker-compose.prod.yml up` reads the `.env` of its
// project directory, so the deploy changes. (The session 15 review found the hook passed it.)
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, writePublicKey } from '../helpers/cosign-keys.js';
import { signedImage, startSigningRegistry, type SigningRegistry } from '../helpers/images.js';
import { preCommitAvailable, preCommitWorld, type PreCommitWorld } from '../helpers/pre-commit.js';
import { registryAvailable } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';

let s: SigningRegistry;
let w: PreCommitWorld;

beforeAll(async () => {
  if (!registryAvailable || !preCommitAvailable) return;
  s = await startSigningRegistry('pre-commit-env-');
  const kp = generateKeyPair();
  await signedImage(s, 'acme/api', '1.4.2', { key: kp });
  await signedImage(s, 'acme/web', '1.4.2'); // pushed, never signed
  w = await preCommitWorld('v0.1.0');
  await writeFile(
    path.join(w.repo, '.pre-commit-config.yaml'),
    `repos:\n  - repo: ${w.hooksRepo}\n    rev: v0.1.0\n    hooks:\n      - id: image-gate\n` +
      `        args: [--key, cosign.pub, --trusted-root, ${JSON.stringify(s.root)}]\n`,
  );
  writePublicKey(w.repo, kp, 'cosign.pub');
  w.install();
}, 120_000);

afterAll(async () => {
  await s?.reg.stop();
});

describe.skipIf(!registryAvailable || !preCommitAvailable)('pre-commit: .env only staged', () => {
  it('the CLI itself reads deploy/docker-compose.prod.yml with the .env beside it', async () => {
    await mkdir(path.join(w.repo, 'deploy'), { recursive: true });
    await writeFile(
      path.join(w.repo, 'deploy', 'docker-compose.prod.yml'),
      `services:\n  app:\n    image: ${s.reg.host}/acme/\${APP}:1.4.2\n`,
    );
    await writeFile(path.join(w.repo, 'deploy', '.env'), 'APP=web\n');
    const r = await runCli(
      ['images', path.join(w.repo, 'deploy', 'docker-compose.prod.yml')],
      {},
      w.repo,
    );
    expect(r.stdout).toContain(`${s.reg.host}/acme/web:1.4.2`);
  });

  it('a commit changing only the .env of docker-compose.prod.yml to an unsigned image is refused', async () => {
    await writeFile(path.join(w.repo, 'deploy', '.env'), 'APP=api\n');
    const ok = w.commit('prod app, signed');
    expect(ok.code, ok.out).toBe(0);
    const before = w.commits();
    // Only the .env is staged; the image docker-compose.prod.yml now names is unsigned.
    await writeFile(path.join(w.repo, 'deploy', '.env'), 'APP=web\n');
    const r = w.commit('switch prod to web');
    expect(r.out, r.out).toContain(`✗ Verification FAILED for ${s.reg.host}/acme/web:1.4.2`);
    expect(r.code, r.out).not.toBe(0);
    expect(w.commits()).toBe(before);
  });
});
