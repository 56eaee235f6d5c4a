import { describe, expect, it } from 'vitest';
import { fractionOfLimit, pullsPerImage } from '../../scripts/bench-fields.js';

describe('bench fractionOfLimit', () => {
  it('divides each kind by its limit, two digits', () => {
    expect(
      fractionOfLimit(
        { key: 250, keyless: 150, bundle: 90 },
        { key: 300, keyless: 200, bundle: 90 },
      ),
    ).toEqual({ key: 0.83, keyless: 0.75, bundle: 1 });
  });
  it('can exceed 1 when the gate beats the bare client', () => {
    expect(fractionOfLimit({ key: 330 }, { key: 300 })).toEqual({ key: 1.1 });
  });
  it('leaves out kinds without a usable limit or rate', () => {
    expect(
      fractionOfLimit(
        { key: 100, keyless: 100, bundle: Number.NaN },
        { key: 0, keyless: Number.POSITIVE_INFINITY, bundle: 50 },
      ),
    ).toEqual({});
    expect(fractionOfLimit({ key: 100 }, {})).toEqual({});
    expect(fractionOfLimit({}, { key: 100 })).toEqual({});
    expect(fractionOfLimit({ key: 100 }, { key: -5 })).toEqual({});
  });
});

describe('bench pullsPerImage', () => {
  const stats = (registries: Record<string, { pulls?: unknown }>) => ({ stats: { registries } });
  it('sums pulls over registries per image', () => {
    expect(pullsPerImage(stats({ a: { pulls: 2000 } }), 1000)).toBe(2);
    expect(pullsPerImage(stats({ a: { pulls: 1000 }, b: { pulls: 1337 } }), 1000)).toBe(2.34);
    expect(pullsPerImage(stats({ a: { pulls: 0 } }), 3)).toBe(0);
  });
  it('refuses a report without per-registry stats', () => {
    expect(() => pullsPerImage({}, 10)).toThrow(/no stats.registries/);
    expect(() => pullsPerImage({ stats: {} }, 10)).toThrow(/no stats.registries/);
    expect(() => pullsPerImage(stats({}), 10)).toThrow(/no stats.registries/);
  });
  it('refuses counts that are not non-negative integers, naming the registry', () => {
    expect(() => pullsPerImage(stats({ h: { pulls: '3' } }), 10)).toThrow(/\[h\]\.pulls is "3"/);
    expect(() => pullsPerImage(stats({ h: { pulls: -1 } }), 10)).toThrow(/is -1/);
    expect(() => pullsPerImage(stats({ h: {} }), 10)).toThrow(/is undefined/);
    expect(() => pullsPerImage(stats({ h: { pulls: 1.5 } }), 10)).toThrow(/is 1.5/);
  });
  it('refuses a bad image count', () => {
    expect(() => pullsPerImage(stats({ a: { pulls: 1 } }), 0)).toThrow(/positive image count/);
  });
});
