// Audit mode, for rolling a gate out: a rule in `warn` mode reports its failures as warnings (the
// run exits 0) until its `enforce-after` date, if it has one, and enforces from that date on.
// Stated by the flags and Action inputs (`mode`, `enforce-after`) and per policy-file rule
// (`mode`, `enforceAfter`); applied after the verdict by verify/mode.ts.
import { GateError } from '../errors.js';

export type Mode = 'enforce' | 'warn';

/** What a source states of a rule's mode (nothing stated: enforce). */
export interface ModeStated {
  mode?: Mode;
  /** UTC midnight of the day enforcement starts. */
  enforceAfter?: Date;
}

/** The mode as an ImagePolicy carries it: present only when the rule warns (for a while). */
export interface CompiledMode {
  mode?: 'warn';
  enforceAfter?: Date;
}

/** `enforce` or `warn`, exactly. */
export function parseMode(name: string, value: string): Mode {
  const v = value.trim();
  if (v === 'enforce' || v === 'warn') return v;
  throw new GateError('USAGE', `${name}: '${value}' is not enforce or warn`);
}

/** A day `YYYY-MM-DD` that exists, as UTC midnight; anything else (times, 2027-02-30) refused. */
export function parseEnforceAfter(name: string, value: string): Date {
  const d = enforceAfterDate(value);
  if (d === undefined)
    throw new GateError(
      'USAGE',
      `${name}: '${value}' is not a date YYYY-MM-DD (UTC; the rule warns before it and enforces from it)`,
    );
  return d;
}

/** The date a `YYYY-MM-DD` names, or undefined when it is not one (or names no real day). */
export function enforceAfterDate(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00.000Z`);
  // Date rolls 2027-02-30 over to March; a day that does not exist does not round-trip.
  if (Number.isNaN(d.getTime()) || formatDay(d) !== value) return undefined;
  return d;
}

/** `YYYY-MM-DD` of a UTC midnight. */
export function formatDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Why a stated mode cannot be compiled: `enforce` with an enforce-after date says both "enforce
 * now" and "warn until then". `words` spell the two fields as the source does (`mode=`,
 * `enforce-after=` for flags and inputs; `mode: `, `enforceAfter: ` in a policy file).
 */
export function modeProblem(
  s: ModeStated,
  words: { mode: string; enforceAfter: string },
): string | undefined {
  if (s.mode === 'enforce' && s.enforceAfter !== undefined)
    return `${words.mode}enforce and ${words.enforceAfter}${formatDay(s.enforceAfter)} exclude each other (${words.enforceAfter.replace(/[=:] ?$/, '')} warns until that date, then enforces); leave out ${words.mode}enforce or write ${words.mode}warn`;
  return undefined;
}

/** The compiled mode: warn (until enforceAfter when given) when stated, else nothing (enforce). */
export function compileMode(s: ModeStated): CompiledMode {
  if (s.mode === 'enforce' || (s.mode === undefined && s.enforceAfter === undefined)) return {};
  return {
    mode: 'warn',
    ...(s.enforceAfter !== undefined ? { enforceAfter: s.enforceAfter } : {}),
  };
}

/** Whether a rule in this mode reports failures as warnings at `now`. */
export function warnsAt(m: CompiledMode, now: Date): boolean {
  return (
    m.mode === 'warn' && (m.enforceAfter === undefined || now.getTime() < m.enforceAfter.getTime())
  );
}
