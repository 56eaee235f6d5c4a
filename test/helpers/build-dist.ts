// Global setup of the integration tier: builds dist/ from the sources in the work tree before
// any test spawns dist/cli.js or dist/index.js, so what is tested is what the sources say. CI
// then checks that the build left dist/ equal to what is committed (.ci/run), and
// test/integration/committed-dist.test.ts runs the committed bundles on their own.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const started = performance.now();
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.stderr.write(
    `build-dist: dist/ rebuilt from src/ in ${Math.round(performance.now() - started)} ms\n`,
  );
}
