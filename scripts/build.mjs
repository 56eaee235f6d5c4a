// Builds the two committed bundles: tsc compiles src/ to build/, then ncc bundles
// build/action/index.js -> dist/index.js and build/cli/index.js -> dist/cli.js (unminified,
// with source maps so dist diffs stay reviewable).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ncc from '@vercel/ncc';

const root = path.resolve(import.meta.dirname, '..');
rmSync(path.join(root, 'build'), { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});

const entries = [
  { input: 'build/action/index.js', output: 'index.js' },
  { input: 'build/cli/index.js', output: 'cli.js' },
];
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
mkdirSync(path.join(root, 'dist'), { recursive: true });
for (const { input, output } of entries) {
  const { code, map, assets } = await ncc(path.join(root, input), {
    minify: false,
    sourceMap: true,
    sourceMapRegister: false,
    quiet: true,
    target: 'es2023',
  });
  const body = code.replace(/\/\/# sourceMappingURL=.*$/m, `//# sourceMappingURL=${output}.map`);
  writeFileSync(path.join(root, 'dist', output), body);
  if (map) writeFileSync(path.join(root, 'dist', `${output}.map`), map);
  for (const [name, asset] of Object.entries(assets ?? {})) {
    const dest = path.join(root, "dist", name);
    mkdirSync(path.dirname(dest), { recursive: true });
    writeFileSync(dest, asset.source);
  }
}
chmodSync(path.join(root, 'dist', 'cli.js'), 0o755);
console.log('built dist/index.js and dist/cli.js');
