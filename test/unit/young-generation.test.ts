// The run's V8 heap bounds (issue 15, flat memory): the old generation's growth bounded for the
// run and given back after it, the young generation capped once it reaches its cap.
import { afterEach, describe, expect, it, vi } from 'vitest';

const flags: string[] = [];
let newSpace = 0;
vi.mock('node:v8', () => ({
  setFlagsFromString: (f: string) => flags.push(f),
  getHeapSpaceStatistics: () => [{ space_name: 'new_space', space_size: newSpace }],
}));

// The unit project shares one module registry across files (isolate: false): another file may
// have loaded the module with the real node:v8 already, so load a fresh copy under the mock.
vi.resetModules();
const { capYoungGeneration, OLD_GENERATION_GROWING_PERCENT, YOUNG_GENERATION_CAP_BYTES } =
  await import('../../src/core/young-generation.js');

afterEach(() => {
  flags.length = 0;
  newSpace = 0;
});

describe('capYoungGeneration', () => {
  it('bounds old-space growth for the run and restores V8 heuristic on release', () => {
    const release = capYoungGeneration();
    expect(flags).toEqual([`--heap-growing-percent=${OLD_GENERATION_GROWING_PERCENT}`]);
    release();
    expect(flags.at(-1)).toBe('--heap-growing-percent=0');
    expect(flags).not.toContain('--semi-space-growth-factor=1');
  });

  it('caps the new space once it has reached the cap', () => {
    newSpace = YOUNG_GENERATION_CAP_BYTES;
    const release = capYoungGeneration();
    expect(flags).toContain('--semi-space-growth-factor=1');
    release();
  });

  it('is once per process: a second call while one runs changes nothing', () => {
    const release = capYoungGeneration();
    const inner = capYoungGeneration();
    inner();
    expect(flags).toEqual([`--heap-growing-percent=${OLD_GENERATION_GROWING_PERCENT}`]);
    release();
  });
});
