// One assertion shared by the signature tests: the call must throw a GateError whose code is a
// supply-chain failure (exit 1), never an infrastructure error or a pass.
import { expect } from 'vitest';
import { GateError, isFailureCode } from '../../src/core/errors.js';

export function failure(fn: () => unknown): GateError {
  let err: unknown;
  try {
    fn();
  } catch (e: unknown) {
    err = e;
  }
  expect(err, 'must be rejected').toBeInstanceOf(GateError);
  const g = err as GateError;
  expect(isFailureCode(g.code), `${g.code}: ${g.message}`).toBe(true);
  return g;
}
