// GateOptions for tests that call the core directly: what every run carries (the edges'
// baseOptions), offline, with a short deadline, and the fields a test sets. One policy-file writer.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GateOptions } from '../../src/core/options.js';
import { baseOptions } from '../../src/edge/options.js';

export function gateOptions(over: Partial<GateOptions> = {}): GateOptions {
  return { ...baseOptions(['reg.example/app:v1']), offline: true, timeoutMs: 30_000, ...over };
}

/** Writes `yaml` as a new policy file in `dir` and returns its path. */
export async function writePolicyFile(dir: string, yaml: string): Promise<string> {
  const file = path.join(dir, `p${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, yaml);
  return file;
}
