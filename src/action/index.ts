// Entry point of dist/index.js (runs.using: node24). Small on purpose: it turns Node's compile
// cache on (../edge/compile-cache.ts, first) and then loads the Action itself (./main.ts, its own
// chunks), so what the Action compiles is cached for the job's later steps; the runner cannot
// pass Node flags. Any throw, rejection or failure to load still fails the step, sanitised.
import '../edge/compile-cache.js';
import { logText } from '../edge/sanitize.js';
import { setFailed } from './workflow-commands.js';

// An uncaught throw from a callback would otherwise get Node's own report on stderr, raw, where
// the runner reads workflow commands too.
const internalError = (e: unknown): void =>
  setFailed(logText(`image-gate: internal error: ${e instanceof Error ? e.message : String(e)}`));
const crash = (e: unknown): never => {
  internalError(e);
  process.exit(1);
};
process.on('unhandledRejection', crash);
process.on('uncaughtException', crash);

import('./main.js').then((m) => m.main()).catch(internalError);
