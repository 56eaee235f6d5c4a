// The pieces of the GitHub client that need no server: Snappy decoding of bundle_url bodies
// (literals, overlapping copies, hostile headers) and Link-header parsing.
import { describe, expect, it } from 'vitest';
import { nextLink } from '../../src/core/sources/github-attestations.js';
import { snappyDecode } from '../../src/core/attestations/snappy.js';
import { GateError } from '../../src/core/errors.js';
import { snappyEncodeLiterals } from '../helpers/fake-github-api.js';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('snappyDecode', () => {
  it('round-trips literal-only data, short and longer than one 64 KiB literal', () => {
    for (const s of ['a', 'hello, world', 'x'.repeat(70_000)]) {
      expect(text(snappyDecode(snappyEncodeLiterals(new TextEncoder().encode(s)), 1 << 20))).toBe(
        s,
      );
    }
  });

  it('expands copies, including a copy that overlaps its own output', () => {
    // "abc" literal, then copy-1 of length 6 at offset 3 -> "abcabcabc".
    const block = Uint8Array.from([9, (3 - 1) << 2, 97, 98, 99, ((6 - 4) << 2) | 1, 3]);
    expect(text(snappyDecode(block, 100))).toBe('abcabcabc');
    // copy-2: length 4 at offset 3 (two-byte offset).
    const block2 = Uint8Array.from([7, (3 - 1) << 2, 120, 121, 122, ((4 - 1) << 2) | 2, 3, 0]);
    expect(text(snappyDecode(block2, 100))).toBe('xyzxyzx');
  });

  it.each([
    [
      'a declared length over the cap',
      Uint8Array.from([0xff, 0xff, 0xff, 0x7f]),
      'LIMIT_EXCEEDED',
      /decompresses to \d+ bytes, limit 1000/,
    ],
    ['a truncated literal', Uint8Array.from([5, 4 << 2, 97]), 'MALFORMED', /truncated literal/],
    [
      'a copy before any output',
      Uint8Array.from([4, ((4 - 4) << 2) | 1, 1]),
      'MALFORMED',
      /copy offset outside the output/,
    ],
    [
      'output shorter than declared',
      Uint8Array.from([5, 0, 97]),
      'MALFORMED',
      /output is 1 bytes, header said 5/,
    ],
    [
      'a literal past the declared length',
      Uint8Array.from([1, 1 << 2, 97, 98]),
      'MALFORMED',
      /literal past declared length/,
    ],
    [
      'an endless length varint',
      Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]),
      'MALFORMED',
      /bad length header/,
    ],
  ])('refuses %s', (_name, block, code, message) => {
    try {
      snappyDecode(block, 1000);
      expect.unreachable();
    } catch (e: unknown) {
      expect(e).toBeInstanceOf(GateError);
      expect((e as GateError).code).toBe(code);
      expect((e as GateError).message).toMatch(message);
    }
  });
});

describe('nextLink', () => {
  it.each([
    ['<https://api.github.com/x?after=A>; rel="next"', 'https://api.github.com/x?after=A'],
    [
      '<https://a/p?before=B>; rel="prev", <https://a/p?after=C>; rel="next"',
      'https://a/p?after=C',
    ],
    ['<https://a/p?after=C>; rel=next', 'https://a/p?after=C'],
    ['<https://a/p?x=1,2>; rel="next"', 'https://a/p?x=1,2'],
    ['<https://a/p>; rel="prev"', undefined],
    ['<https://a/p>; rel="nextish"', undefined],
    ['', undefined],
  ])('%j -> %j', (header, want) => {
    expect(nextLink(header)).toBe(want);
  });
});
