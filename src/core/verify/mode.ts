// The rule's mode applied to a result, after the verdict: under a rule in warn mode (before its
// enforce-after date) a failed image is `warned`, its code and reason kept; errors stay errors,
// verified stays verified. The one place a mode changes an outcome (batch.ts calls it); renderers
// only show it. Pure: the clock is an argument.
import { formatDay, warnsAt } from '../policy/mode.js';
import type { ImagePolicy } from '../policy/types.js';
import type { ImageResult } from '../report.js';

export function applyMode(result: ImageResult, rule: ImagePolicy, now: Date): ImageResult {
  if (result.outcome !== 'failed' || !warnsAt(rule, now)) return result;
  return {
    ...result,
    outcome: 'warned',
    verified: false,
    ...(rule.enforceAfter !== undefined ? { enforceAfter: formatDay(rule.enforceAfter) } : {}),
  };
}
