// Outcomes: a batch's from its image results, a report's from its results and start error, and
// the one place that maps an outcome to the exit code (0 verified or warned, 1 failed, 2 error).
import { packedOutcomes } from './packed-results.js';
import type { ImageResult, Outcome, Report } from './report.js';

/** A batch fails if any image failed; else errors if any image errored or was skipped; images a policy file allows unverified do not block it. */
export function overallOutcome(results: ImageResult[]): Outcome {
  // A packed list keeps its outcomes beside the texts: no result is parsed for the verdict.
  const outcomes: ReadonlyArray<ImageResult['outcome'] | undefined> =
    packedOutcomes(results) ?? results.map((r) => r.outcome);
  // A slot never set (a batch cut short) is no verdict: an error, never a pass.
  if (outcomes.includes('failed')) return 'failed';
  if (outcomes.includes('error') || outcomes.includes(undefined)) return 'error';
  if (outcomes.length === 0) return 'error';
  if (outcomes.includes('skipped')) return 'error';
  // Failures under rules in warn mode (verify/mode.ts): green, but not `verified`.
  if (outcomes.includes('warned')) return 'warned';
  return 'verified';
}

export function exitCode(outcome: Outcome): 0 | 1 | 2 {
  return outcome === 'verified' || outcome === 'warned' ? 0 : outcome === 'failed' ? 1 : 2;
}

/** The report's outcome from its results and start error alone (never from a stored field). */
export function reportOutcome(r: Pick<Report, 'results' | 'error' | 'shard'>): Outcome {
  if (r.error) return r.results.some((x) => x.outcome === 'failed') ? 'failed' : 'error';
  // A shard the list gave no image verified nothing and passes: the verdict is merge's.
  if (r.shard && r.results.length === 0) return 'verified';
  return overallOutcome(r.results);
}
