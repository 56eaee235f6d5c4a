// Imported first by both entries (src/cli/index.ts, src/action/index.ts), before anything they
// load: Node's on-disk compile cache (Node 22.1+) for the chunks loaded after it, so a later run
// reads V8's code cache instead of compiling them again. The directory: NODE_COMPILE_CACHE (Node
// itself enables that one at start); else, on an Actions runner, $RUNNER_TEMP/node-compile-cache
// (the runner user's own directory, kept for the whole job, so every later step that runs
// image-gate starts warm; never a world-writable /tmp another user could have planted); else
// <tmpdir>/node-compile-cache. NODE_DISABLE_COMPILE_CACHE=1 turns it off. A cache is never a
// reason to fail: a directory that cannot be made or written leaves it off, and any throw is
// swallowed.
import { mkdirSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

try {
  if (!process.env.NODE_COMPILE_CACHE && !process.env.NODE_DISABLE_COMPILE_CACHE) {
    const dir = path.join(process.env.RUNNER_TEMP || tmpdir(), 'node-compile-cache');
    // Made here without `recursive`: Node's recursive mkdir never returns where a file system
    // answers ENOENT under an existing parent (TMPDIR=/proc/x hangs `node` in Node 24.22).
    try {
      mkdirSync(dir);
    } catch (e: unknown) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    module.enableCompileCache?.(dir);
  }
} catch {
  // No cache: the program runs as it does without one.
}
