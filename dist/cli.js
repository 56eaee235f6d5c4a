#!/usr/bin/env node
// The image-gate CLI (package.json bin); the bundle is dist/cli/index.js. An older Node fails
// inside the bundle with a TypeError, so say what is needed instead (package.json engines).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `image-gate: needs Node.js 24 or later, and this is ${process.version} (${process.execPath})\n`,
  );
  process.exit(2);
}
await import('./cli/index.js');
