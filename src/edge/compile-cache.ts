// Imported first by the CLI's entry (src/cli/index.ts), before anything it loads: Node's on-disk
// compile cache (Node 22.1+) for the chunks the CLI loads on demand, so a later run reads V8's
// code cache instead of compiling them again. The directory is Node's default: NODE_COMPILE_CACHE
// (Node itself enables that one at start), else <tmpdir>/node-compile-cache;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off. A cache is never a reason for the CLI to fail: a
// directory that cannot be made or written leaves it off, and any throw is swallowed.
import { mkdirSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

try {
  if (!process.env.NODE_COMPILE_CACHE && !process.env.NODE_DISABLE_COMPILE_CACHE) {
    const dir = path.join(tmpdir(), 'node-compile-cache');
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
  // No cache: the CLI runs as it does without one.
}
