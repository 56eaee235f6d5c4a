// Golden files: what a report looks like with the values that differ from run to run fixed, so
// the rest can be compared byte for byte with a committed file (test/golden/).
// Regenerate after an intended change with `npx vitest run <test file> -u` and review the diff.

/** Keys whose values are the run's own (random, or the clock's), and what they become. */
const VOLATILE: Record<string, (v: unknown) => unknown> = {
  runId: () => '<runId>',
  mergedRunIds: (v) => (Array.isArray(v) ? v.map(() => '<runId>') : v),
  startedAt: () => '<startedAt>',
  finishedAt: () => '<finishedAt>',
  durationMs: () => 0,
};

/** A loopback registry's address: its port is picked free per run. */
const LOOPBACK_PORT = /\b(127\.0\.0\.1|localhost):\d+/g;

/**
 * A report (or any JSON value) with its volatile values replaced: `runId` and each of
 * `mergedRunIds` -> `<runId>`, `startedAt`/`finishedAt` -> `<startedAt>`/`<finishedAt>`, every
 * `durationMs` -> 0, and `127.0.0.1:<port>` in any string -> `127.0.0.1:PORT` (`github.runId`,
 * the CI run's, is a `runId` too). Only values change: no key is added, dropped, renamed or
 * moved, so a golden file of the result still fails on any change to the report's fields.
 */
export function normaliseReport<T>(report: T): T {
  return walk(report, undefined) as T;
}

function walk(v: unknown, key: string | undefined): unknown {
  if (key !== undefined && key in VOLATILE) return VOLATILE[key]!(v);
  if (typeof v === 'string') return v.replace(LOOPBACK_PORT, '$1:PORT');
  if (Array.isArray(v)) return v.map((x) => walk(x, undefined));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, k);
    return out;
  }
  return v;
}
