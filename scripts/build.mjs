// Builds the two committed bundles: tsc compiles src/ to build/, then ncc bundles
// build/action/index.js -> dist/index.js and build/cli/index.js -> dist/cli/index.js, each with
// its own lazily loaded chunks (KMS, Vault) beside it so the two bundles' chunks cannot collide;
// dist/cli.js is the CLI's executable entry. Unminified, with source maps, so diffs stay reviewable.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ncc from '@vercel/ncc';
import { asciiCode, shiftMap } from './ascii-bundle.mjs';
import { lazyHttp2 } from './lazy-http2.mjs';

const root = path.resolve(import.meta.dirname, '..');
rmSync(path.join(root, 'build'), { recursive: true, force: true });
execFileSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

const entries = [
  { input: 'build/action/index.js', outDir: 'dist' },
  { input: 'build/cli/index.js', outDir: 'dist/cli' },
];
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
mkdirSync(path.join(root, 'dist'), { recursive: true });
for (const { input, outDir } of entries) {
  const output = 'index.js';
  mkdirSync(path.join(root, outDir), { recursive: true });
  const { code, map, assets } = await ncc(path.join(root, input), {
    minify: false,
    sourceMap: true,
    sourceMapRegister: false,
    quiet: true,
    target: 'es2023',
  });
  // node:http2 loaded on first use, not at start (scripts/lazy-http2.mjs says why).
  const lazy = lazyHttp2(code, path.join(outDir, output));
  const files = new Map([
    [output, lazy.replace(/\/\/# sourceMappingURL=.*$/m, `//# sourceMappingURL=${output}.map`)],
  ]);
  if (map) files.set(`${output}.map`, map);
  // Assets after: ncc's own index.js.map asset counts the shebang line that `map` leaves out.
  for (const [name, asset] of Object.entries(assets ?? {})) files.set(name, asset.source);
  // Every chunk as pure ASCII, its map shifted to match (scripts/ascii-bundle.mjs says why).
  for (const [name, text] of files) {
    if (!name.endsWith('.js')) continue;
    const { code: ascii, shifts } = asciiCode(String(text), path.join(outDir, name));
    files.set(name, ascii);
    const mapName = `${name}.map`;
    if (files.has(mapName)) files.set(mapName, shiftMap(String(files.get(mapName)), shifts));
  }
  for (const [name, text] of files) {
    const dest = path.join(root, outDir, name);
    mkdirSync(path.dirname(dest), { recursive: true });
    writeFileSync(dest, text);
  }
}
writeFileSync(
  path.join(root, 'dist', 'cli.js'),
  [
    '#!/usr/bin/env node',
    '// The image-gate CLI (package.json bin); the bundle is dist/cli/index.js. An older Node fails',
    '// inside the bundle with a TypeError, so say what is needed instead (package.json engines).',
    "const major = Number(process.versions.node.split('.')[0]);",
    'if (major < 24) {',
    '  process.stderr.write(',
    '    `image-gate: needs Node.js 24 or later, and this is ${process.version} (${process.execPath})\\n`,',
    '  );',
    '  process.exit(2);',
    '}',
    "await import('./cli/index.js');",
    '',
  ].join('\n'),
);
chmodSync(path.join(root, 'dist', 'cli.js'), 0o755);
console.log('built dist/index.js and dist/cli.js');
