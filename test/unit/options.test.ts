import { describe, expect, it } from 'vitest';
import {
  parseBoolean,
  parseConcurrency,
  parseDuration,
  parseList,
} from '../../src/core/options.js';

describe('option parsing', () => {
  it('reads one image per line, ignoring blanks and comments', () => {
    expect(parseList('a:1\n\n  # comment\nb:2 # trailing\n c:3 \n')).toEqual(['a:1', 'b:2', 'c:3']);
  });
  it.each([
    ['90s', 90_000],
    ['5m', 300_000],
    ['48h', 172_800_000],
    ['2d', 172_800_000],
    ['30', 30_000],
  ])('parses duration %s', (v, ms) => expect(parseDuration('timeout', v)).toBe(ms));
  it.each(['', 'soon', '-5m', '0s'])('rejects duration %j naming the input', (v) =>
    expect(() => parseDuration('timeout', v)).toThrow(/^timeout: /),
  );
  it.each(['0', '65', 'x', '1.5'])('rejects concurrency %j', (v) =>
    expect(() => parseConcurrency('concurrency', v)).toThrow(`concurrency: '${v}'`),
  );
  it('rejects a boolean that is neither', () =>
    expect(() => parseBoolean('offline', 'maybe')).toThrow(
      "offline: 'maybe' is not true or false",
    ));
});
