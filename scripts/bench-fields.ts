// The benchmark's computed fields (issue 15), kept pure so test/unit/bench-fields.test.ts can
// check them: the gate's rate as a fraction of the bare client's limit, and pulls per image.

export type BenchKind = 'key' | 'keyless' | 'bundle';

/**
 * imagesPerSecond / limit for each kind both give, rounded to 2 digits; a kind without a limit,
 * or with a limit that is not a positive finite rate, is left out rather than divided by.
 */
export function fractionOfLimit(
  imagesPerSecond: Partial<Record<BenchKind, number>>,
  limit: Partial<Record<BenchKind, number>>,
): Partial<Record<BenchKind, number>> {
  const out: Partial<Record<BenchKind, number>> = {};
  for (const kind of ['key', 'keyless', 'bundle'] as const) {
    const rate = imagesPerSecond[kind];
    const max = limit[kind];
    if (rate === undefined || max === undefined || !Number.isFinite(rate)) continue;
    if (!(max > 0) || !Number.isFinite(max)) continue;
    out[kind] = Math.round((rate / max) * 100) / 100;
  }
  return out;
}

/** What the benchmark reads of a report: the per-registry stats (registry/governor.ts). */
export interface StatsOfReport {
  stats?: { registries?: Record<string, { pulls?: unknown }> };
}

/**
 * Manifest GETs (what Docker Hub counts as pulls) per image over every registry in the report's
 * stats.registries. Throws when the report has no per-registry stats or a count is not a
 * non-negative integer: a benchmark field is never made up from a missing number.
 */
export function pullsPerImage(report: StatsOfReport, images: number): number {
  if (!Number.isSafeInteger(images) || images < 1)
    throw new Error(`pullsPerImage: ${images} is not a positive image count`);
  const registries = report.stats?.registries;
  if (registries === undefined || Object.keys(registries).length === 0)
    throw new Error('pullsPerImage: the report has no stats.registries');
  let pulls = 0;
  for (const [host, r] of Object.entries(registries)) {
    if (!Number.isSafeInteger(r.pulls) || (r.pulls as number) < 0)
      throw new Error(
        `pullsPerImage: stats.registries[${host}].pulls is ${JSON.stringify(r.pulls)}`,
      );
    pulls += r.pulls as number;
  }
  return Math.round((pulls / images) * 100) / 100;
}
