// Digest, tag and repository syntax: what may ever be put into a registry URL.
import { describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import {
  assertDigest,
  computeDigest,
  digestMatches,
  isRepositoryName,
  isTag,
  parseDigest,
} from '../../src/core/registry/digest.js';

const HEX64 = 'a'.repeat(64);

describe('parseDigest', () => {
  it.each([
    ['sha256 with 64 lower-case hex', `sha256:${HEX64}`],
    ['sha512 with 128 lower-case hex', `sha512:${'0'.repeat(128)}`],
  ])('accepts %s', (_name, d) => {
    expect(parseDigest(d)).toEqual({ algorithm: d.split(':')[0], hex: d.split(':')[1] });
  });

  it.each([
    ['a path traversal', 'sha256:../../v2/x/manifests/y'],
    ['upper-case hex', `sha256:${'A'.repeat(64)}`],
    ['63 hex characters', `sha256:${'a'.repeat(63)}`],
    ['65 hex characters', `sha256:${'a'.repeat(65)}`],
    ['an unknown algorithm', `md5:${'a'.repeat(32)}`],
    ['sha384', `sha384:${'a'.repeat(96)}`],
    ['a query string after valid hex', `sha256:${HEX64}?a=b`],
    ['a trailing newline', `sha256:${HEX64}\n`],
    ['a leading space', ` sha256:${HEX64}`],
    ['an upper-case algorithm', `SHA256:${HEX64}`],
    ['sha512 with 64 hex', `sha512:${HEX64}`],
    ['an empty string', ''],
    ['a slash in the hex', `sha256:${'a'.repeat(32)}/${'a'.repeat(31)}`],
  ])('rejects %s', (_name, d) => {
    expect(parseDigest(d)).toBeUndefined();
  });
});

describe('assertDigest', () => {
  it('blames the user for a bad digest typed as input (USAGE)', () => {
    expect(() => assertDigest('sha256:12', 'input', 'images line 3')).toThrow(
      expect.objectContaining({
        code: 'USAGE',
        message: expect.stringContaining('images line 3: "sha256:12"'),
      }),
    );
  });
  it('calls a bad digest read from registry content malformed evidence (MALFORMED)', () => {
    try {
      assertDigest('md5:x', 'content');
      expect.unreachable();
    } catch (e: unknown) {
      expect(e).toBeInstanceOf(GateError);
      expect((e as GateError).code).toBe('MALFORMED');
    }
  });
});

describe('computeDigest / digestMatches', () => {
  it('hashes the exact bytes, so re-serialised JSON is another digest', () => {
    const a = new TextEncoder().encode('{"a":1,"b":2}');
    const b = new TextEncoder().encode('{"b":2,"a":1}');
    expect(computeDigest(a)).toBe(
      'sha256:' + '43258cff783fe7036d8a43033f830adfc60ec037382473548ac742b888292777',
    );
    expect(computeDigest(b)).not.toBe(computeDigest(a));
    expect(digestMatches(a, parseDigest(computeDigest(a))!)).toBe(true);
    expect(digestMatches(b, parseDigest(computeDigest(a))!)).toBe(false);
  });
  it('checks sha512 digests with sha512', () => {
    const bytes = new TextEncoder().encode('x');
    expect(digestMatches(bytes, parseDigest(computeDigest(bytes, 'sha512'))!)).toBe(true);
  });
});

describe('tags and repository names', () => {
  it.each(['latest', 'v1.2.3', '_x', 'A-b_c.d', 'a'.repeat(128)])('accepts tag %s', (t) =>
    expect(isTag(t)).toBe(true),
  );
  it.each(['', '-x', '.x', 'a'.repeat(129), 'a/b', 'a:b', 'a@b', '../x', 'a?b'])(
    'rejects tag %j',
    (t) => expect(isTag(t)).toBe(false),
  );
  it.each(['app', 'team/app', 'a.b/c_d/e--f', 'a__b'])('accepts repository %s', (r) =>
    expect(isRepositoryName(r)).toBe(true),
  );
  it.each(['App', 'team//app', '/app', 'app/', '../app', 'a/../b', 'a?b', 'a b', 'a___b'])(
    'rejects repository %j',
    (r) => expect(isRepositoryName(r)).toBe(false),
  );
});
