// GateOptions: the one typed object both front ends produce (Action inputs, CLI argv) and the
// core consumes. Validation here names the input and the bad value.
import { GateError } from './errors.js';

export interface RegistryCredential {
  registry: string;
  username: string;
  password: string;
}

export interface GateOptions {
  images: string[];
  /** Key references: PEM path, cosign.key, awskms://, hashivault://. */
  keys: string[];
  certificateIdentity?: string;
  certificateIdentityRegexp?: string;
  certificateOidcIssuer?: string;
  certificateOidcIssuerRegexp?: string;
  insecureIgnoreTlog: boolean;
  insecureIgnoreSct: boolean;
  offline: boolean;
  trustedRoot?: string;
  /** Where TUF metadata is cached (online mode). */
  tufCacheDir?: string;
  concurrency: number;
  failFast: boolean;
  insecureRegistries: string[];
  registryCredentials: RegistryCredential[];
  githubToken?: string;
  /** Overall deadline for the batch, in ms. */
  timeoutMs: number;
  requireAllKeys: boolean;
}

export const DEFAULTS = {
  concurrency: 8,
  timeoutMs: 5 * 60_000,
} as const;

export function parseConcurrency(name: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > 64)
    throw new GateError('USAGE', `${name}: '${value}' is not a whole number from 1 to 64`);
  return n;
}

/** `30s`, `5m`, `48h`, `2d`, or plain seconds. */
export function parseDuration(name: string, value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value);
  if (!m) throw new GateError('USAGE', `${name}: '${value}' is not a duration (e.g. 90s, 5m, 48h)`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit]!;
  const v = n * factor;
  if (v <= 0) throw new GateError('USAGE', `${name}: '${value}' must be more than zero`);
  return v;
}

export function parseBoolean(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off', ''].includes(v)) return false;
  throw new GateError('USAGE', `${name}: '${value}' is not true or false`);
}

/** One item per line; blank lines and `#` comments ignored; commas also separate. */
export function parseList(value: string): string[] {
  return value
    .split('\n')
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .flatMap((l) => l.split(/[,\s]+/))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
