// The rule for outcome from code, and the results that carry no verdict on evidence: an image
// whose evidence could not be had (one constructor for a result from an error), one skipped, one
// no rule governs.
import { isFailureCode, toGateError, type GateErrorCode } from '../errors.js';
import type { ImageResult } from '../report.js';

/** A failure code is a verdict on evidence (exit 1); any other code is an error (exit 2). */
export function outcomeOf(code: GateErrorCode): 'failed' | 'error' {
  return isFailureCode(code) ? 'failed' : 'error';
}

/** The result for an image whose verification threw: never a pass. */
export function resultFromError(image: string, e: unknown, durationMs = 0): ImageResult {
  const err = toGateError(e);
  return {
    image,
    outcome: outcomeOf(err.code),
    verified: false,
    reason: err.message,
    code: err.code,
    signatures: [],
    attestations: [],
    durationMs,
  };
}

export function skippedResult(image: string, reason: string): ImageResult {
  return {
    image,
    outcome: 'skipped',
    verified: false,
    reason,
    signatures: [],
    attestations: [],
    durationMs: 0,
  };
}

/** No policy-file rule matched: a failure, or `allowed` through unverified as the file says. */
export function unmatchedResult(image: string, reason: string, allowed: boolean): ImageResult {
  return {
    image,
    outcome: allowed ? 'allowed' : 'failed',
    verified: false,
    reason: allowed ? `${reason}; passed without verification` : reason,
    ...(allowed ? {} : { code: 'POLICY_VIOLATION' as const }),
    signatures: [],
    attestations: [],
    durationMs: 0,
  };
}
