// Small pure pieces of the registry transport: Retry-After, backoff, Link pagination, and the
// DNS guard that keeps host names from resolving onto link-local/metadata addresses.
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_ADDRESS, guardedLookup } from '../../src/core/net/addresses.js';
import { backoff, parseRetryAfter } from '../../src/core/net/retry.js';
import { nextLink } from '../../src/core/sources/registry.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['1', 1000],
    ['0', 0],
    [' 120 ', 120_000],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
  ])('reads %j as %i ms', (v, ms) => expect(parseRetryAfter(v, now)).toBe(ms));
  it.each([null, '', 'soon', '-1', '1.5'])('ignores %j', (v) =>
    expect(parseRetryAfter(v, now)).toBeUndefined(),
  );
});

describe('backoff', () => {
  it('grows exponentially from about 100 ms with jitter, and is capped', () => {
    for (let i = 0; i < 50; i++) {
      const b1 = backoff(1);
      expect(b1).toBeGreaterThanOrEqual(50);
      expect(b1).toBeLessThanOrEqual(100);
      const b3 = backoff(3);
      expect(b3).toBeGreaterThanOrEqual(200);
      expect(b3).toBeLessThanOrEqual(400);
      expect(backoff(40)).toBeLessThanOrEqual(6400);
    }
  });
});

describe('nextLink', () => {
  it.each([
    ['</v2/a/referrers/x?last=1>; rel="next"', '/v2/a/referrers/x?last=1'],
    ['</p2>; rel=next', '/p2'],
    ['</prev>; rel="prev", </p2>; rel="next"', '/p2'],
    ['</p2>; title="a, b"; rel="next"', '/p2'],
    ['</p2>; rel="prev next"', '/p2'],
  ])('finds the next page in %j', (header, target) => expect(nextLink(header)).toBe(target));
  it.each([null, '', '</p2>; rel="prev"', '</p2>; rel="nextpage"', 'garbage'])(
    'finds none in %j',
    (header) => expect(nextLink(header)).toBeUndefined(),
  );
});

describe('guardedLookup', () => {
  const resolver =
    (addresses: LookupAddress[]) =>
    (
      _h: string,
      _o: { all: true },
      cb: (err: NodeJS.ErrnoException | null, a: LookupAddress[]) => void,
    ) =>
      cb(null, addresses);
  const run = (addresses: LookupAddress[], all: boolean) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      guardedLookup(resolver(addresses))('host.test', { all }, (err, address) =>
        resolve({ err, address }),
      ),
    );

  it.each([
    ['the metadata address', [{ address: '169.254.169.254', family: 4 }]],
    [
      'link-local among good ones',
      [
        { address: '10.0.0.1', family: 4 },
        { address: 'fe80::1', family: 6 },
      ],
    ],
    ['AWS IPv6 IMDS', [{ address: 'fd00:ec2::254', family: 6 }]],
  ])('refuses a name resolving to %s', async (_n, addresses) => {
    const { err } = await run(addresses, true);
    expect(err?.code).toBe(FORBIDDEN_ADDRESS);
  });

  it('passes ordinary and loopback answers in both callback shapes', async () => {
    const addrs = [
      { address: '127.0.0.1', family: 4 },
      { address: '10.1.2.3', family: 4 },
    ];
    expect((await run(addrs, true)).address).toEqual(addrs);
    expect((await run(addrs, false)).address).toBe('127.0.0.1');
  });
});
