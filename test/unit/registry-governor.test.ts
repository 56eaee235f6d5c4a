// The run's per-registry state (src/core/registry/governor.ts): AIMD concurrency, the shared
// backoff, the pull-limit stop, header parsing, and summing shards' counters.
import { describe, expect, it } from 'vitest';
import {
  mergeRegistryStats,
  parseRateLimitValue,
  rateLimitStop,
  readRateLimit,
  RegistryGovernor,
  type RegistryStats,
} from '../../src/core/registry/governor.js';

const headers = (h: Record<string, string>) => ({
  get: (name: string) => h[name.toLowerCase()] ?? null,
});

describe('AIMD concurrency window', () => {
  it('starts at the configured concurrency and halves on a 429, down to 1', async () => {
    const g = new RegistryGovernor({ concurrency: 8 });
    expect(g.windowOf('r')).toBe(8);
    for (const expected of [4, 2, 1, 1]) {
      const p = await g.acquire('r', 'x');
      p.release('rateLimited');
      expect(g.windowOf('r')).toBe(expected);
    }
    expect(g.allStats().r.concurrency).toEqual({ start: 8, min: 1, final: 1 });
  });

  it('halves once per congestion event: 429s to requests sent before the decrease are one', async () => {
    const g = new RegistryGovernor({ concurrency: 8 });
    const permits = await Promise.all(Array.from({ length: 6 }, () => g.acquire('r', 'x')));
    for (const p of permits) p.release('rateLimited');
    expect(g.windowOf('r')).toBe(4);
    // A request sent after the decrease that meets a 429 is a new event.
    (await g.acquire('r', 'x')).release('rateLimited');
    expect(g.windowOf('r')).toBe(2);
  });

  it.each([
    [1, 8],
    [4, 8],
    [2, 3],
  ])('grows by one per %i successes up to the maximum of %i', async (every, max) => {
    const g = new RegistryGovernor({ concurrency: max, increaseEvery: every });
    for (let i = 0; i < 5; i++) (await g.acquire('r', 'x')).release('rateLimited');
    expect(g.windowOf('r')).toBe(1);
    const seen: number[] = [];
    for (let i = 0; i < every * (max + 2); i++) {
      (await g.acquire('r', 'x')).release('ok');
      seen.push(g.windowOf('r'));
    }
    expect(seen.at(-1)).toBe(max);
    expect(Math.max(...seen)).toBe(max);
    // Exactly one step per `every` successes.
    expect(seen[every - 1]).toBe(2);
    if (every > 1) expect(seen[every - 2]).toBe(1);
  });

  it('an error that is not a 429 neither shrinks nor grows the window', async () => {
    const g = new RegistryGovernor({ concurrency: 4, increaseEvery: 1 });
    (await g.acquire('r', 'x')).release('rateLimited');
    for (let i = 0; i < 5; i++) (await g.acquire('r', 'x')).release('other');
    expect(g.windowOf('r')).toBe(2);
  });

  it('holds requests beyond the window until a slot frees, per registry', async () => {
    const g = new RegistryGovernor({ concurrency: 2 });
    const a = await g.acquire('r', 'x');
    await g.acquire('r', 'x');
    let third = false;
    const p = g.acquire('r', 'x').then((permit) => ((third = true), permit));
    // Another registry is not held up by this one's window.
    await g.acquire('other', 'x');
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false);
    a.release('ok');
    await p;
    expect(third).toBe(true);
  });

  it('keeps registries and runs apart', async () => {
    const g1 = new RegistryGovernor({ concurrency: 4 });
    const g2 = new RegistryGovernor({ concurrency: 4 });
    (await g1.acquire('r', 'x')).release('rateLimited');
    expect(g1.windowOf('r')).toBe(2);
    expect(g1.windowOf('s')).toBe(4);
    expect(g2.windowOf('r')).toBe(4);
  });
});

describe('shared backoff', () => {
  it('delays every request to the registry until Retry-After has passed, and counts the wait', async () => {
    const g = new RegistryGovernor({ concurrency: 4 });
    g.pause('r', 300, 'manifest a', 'answered HTTP 429');
    const t0 = Date.now();
    const done = await Promise.all(
      [1, 2, 3].map(async () => {
        const p = await g.acquire('r', 'manifest b');
        p.release('ok');
        return Date.now() - t0;
      }),
    );
    for (const ms of done) expect(ms).toBeGreaterThanOrEqual(280);
    // Another registry is not delayed.
    const t1 = Date.now();
    (await g.acquire('s', 'x')).release('ok');
    expect(Date.now() - t1).toBeLessThan(100);
    expect(g.statsOf('r').waitMs).toBeGreaterThanOrEqual(3 * 280);
  });

  it('a later, shorter pause does not cut an earlier, longer one', async () => {
    const g = new RegistryGovernor({ concurrency: 1 });
    g.pause('r', 300, 'x', 'answered HTTP 429');
    g.pause('r', 10, 'x', 'answered HTTP 429');
    const t0 = Date.now();
    (await g.acquire('r', 'x')).release('ok');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
  });

  it('a wait past the deadline is RATE_LIMITED now, naming registry and wait, and stops the registry', async () => {
    let now = 1_000_000;
    const g = new RegistryGovernor({ concurrency: 2, deadline: now + 30_000, now: () => now });
    expect(() => g.pause('r', 120_000, 'manifest a:v1', 'answered HTTP 429')).toThrow(
      expect.objectContaining({
        code: 'RATE_LIMITED',
        message:
          "manifest a:v1: registry r answered HTTP 429 and asks to wait 120 s (more than the 30 s left of the run's timeout)",
      }),
    );
    now += 1;
    await expect(g.acquire('r', 'x')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(() => g.pause('r', 29_000, 'x', 'y')).not.toThrow();
  });

  it('without a deadline, waits longer than the cap are refused', () => {
    const g = new RegistryGovernor({ concurrency: 1 });
    expect(() => g.pause('r', 86_400_000, 'x', 'answered HTTP 429')).toThrow(/86400 s/);
  });

  it('a deadline reached while waiting is TIMEOUT', async () => {
    const g = new RegistryGovernor({ concurrency: 1, signal: AbortSignal.timeout(50) });
    g.pause('r', 5_000, 'x', 'answered HTTP 429');
    await expect(g.acquire('r', 'x')).rejects.toMatchObject({ code: 'TIMEOUT' });
    const h = new RegistryGovernor({ concurrency: 1, signal: AbortSignal.timeout(50) });
    await h.acquire('r', 'x');
    await expect(h.acquire('r', 'x')).rejects.toMatchObject({ code: 'TIMEOUT' });
  });
});

describe('pull limits', () => {
  it('admits while the advertised pulls cover the images left, then stops the registry', () => {
    const g = new RegistryGovernor({ concurrency: 1 });
    g.admit('r', 1000); // nothing advertised yet: no stop
    g.observe(
      'r',
      headers({ 'ratelimit-remaining': '3;w=21600', 'ratelimit-limit': '100;w=21600' }),
    );
    g.admit('r', 3);
    expect(() => g.admit('r', 4)).toThrow(
      expect.objectContaining({
        code: 'RATE_LIMITED',
        message: expect.stringContaining(
          'registry r has 3 pulls left of 100 per 6 h, and the batch needs at least 4 more',
        ),
      }),
    );
    // Stopped for the rest of the run, whatever is asked later.
    expect(() => g.admit('r', 1)).toThrow(/3 pulls left/);
  });

  it("maps Docker Hub's names to its API host", () => {
    const g = new RegistryGovernor({ concurrency: 1 });
    g.observe('registry-1.docker.io', headers({ 'ratelimit-remaining': '0;w=21600' }));
    expect(() => g.admit('index.docker.io', 1)).toThrow(
      /registry-1\.docker\.io has 0 pulls left per 6 h/,
    );
    expect(g.countsPulls('registry-1.docker.io')).toBe(true);
    expect(g.countsPulls('ghcr.io')).toBe(false);
  });

  it('the message names the window, the source and what to do', () => {
    expect(
      rateLimitStop(
        'registry-1.docker.io',
        { remaining: 5, limit: 100, windowSeconds: 3600, source: '192.0.2.1' },
        12,
      ).message,
    ).toBe(
      'registry registry-1.docker.io has 5 pulls left of 100 per 1 h (counted against 192.0.2.1), and the batch needs at least 12 more: stopped before running it dry. Authenticate to the registry for a higher limit, verify fewer images per run, or wait for the window to pass',
    );
  });
});

describe('ratelimit headers', () => {
  it.each([
    ['76;w=21600', { value: 76, windowSeconds: 21600 }],
    ['100', { value: 100 }],
    [' 7 ; w=60 ', { value: 7, windowSeconds: 60 }],
    ['76;w="21600"', { value: 76, windowSeconds: 21600 }],
    ['76;w=21600;comment="pulls"', { value: 76, windowSeconds: 21600 }],
    ['500;w=86400, 76;w=21600', { value: 76, windowSeconds: 21600 }],
    ['0;w=21600', { value: 0, windowSeconds: 21600 }],
  ])('reads %j', (v, expected) => expect(parseRateLimitValue(v)).toEqual(expected));

  it.each([
    '',
    '-1;w=21600',
    '1.5;w=21600',
    'lots',
    '76;w=',
    '76;w=0',
    '76;w=abc',
    '76;;',
    '76 w=21600',
    '1e3',
    '0x10',
    '9999999999999999',
    '76,',
    Array(20).fill('1').join(','),
  ])('ignores %j', (v) => expect(parseRateLimitValue(v)).toBeUndefined());

  it("reads Docker Hub's three headers", () => {
    expect(
      readRateLimit(
        headers({
          'ratelimit-limit': '100;w=21600',
          'ratelimit-remaining': '76;w=21600',
          'docker-ratelimit-source': '192.0.2.1',
        }),
      ),
    ).toEqual({ limit: 100, remaining: 76, windowSeconds: 21600, source: '192.0.2.1' });
  });

  it('no remaining header: no limit, whatever else is there', () => {
    expect(readRateLimit(headers({ 'ratelimit-limit': '100;w=21600' }))).toBeUndefined();
  });

  it('a malformed value is ignored with a debug line, never thrown', () => {
    const log: string[] = [];
    expect(
      readRateLimit(headers({ 'ratelimit-remaining': 'soon\u001b[2J' }), (m) => log.push(m)),
    ).toBeUndefined();
    expect(log).toEqual([
      expect.stringMatching(/^ignoring malformed ratelimit-remaining "soon\\u001b\[2J"$/),
    ]);
    // A bad limit or source is dropped, the remaining count still read.
    const r = readRateLimit(
      headers({
        'ratelimit-remaining': '5',
        'ratelimit-limit': 'x',
        'docker-ratelimit-source': 'a b\u0000',
      }),
      (m) => log.push(m),
    );
    expect(r).toEqual({ remaining: 5 });
    expect(log.at(-1)).toMatch(/malformed ratelimit-limit/);
  });

  it('a malformed header on a response changes nothing the governor knew', () => {
    const g = new RegistryGovernor({ concurrency: 1 });
    g.observe('r', headers({ 'ratelimit-remaining': '10' }));
    g.observe('r', headers({ 'ratelimit-remaining': '-3' }));
    expect(g.rateLimitOf('r')).toEqual({ remaining: 10 });
  });
});

describe('shards', () => {
  const st = (o: Partial<RegistryStats>): RegistryStats => ({
    requests: 1,
    pulls: 1,
    rateLimited: 0,
    retries: 0,
    bytes: 10,
    waitMs: 0,
    concurrency: { start: 8, min: 8, final: 8 },
    ...o,
  });

  it('sums counters per registry and keeps the tightest pull limit', () => {
    expect(
      mergeRegistryStats([
        { a: st({ pulls: 2, rateLimit: { remaining: 50 } }) },
        undefined,
        {
          a: st({ concurrency: { start: 4, min: 1, final: 3 }, rateLimit: { remaining: 20 } }),
          b: st({}),
        },
      ]),
    ).toEqual({
      a: st({
        requests: 2,
        pulls: 3,
        bytes: 20,
        concurrency: { start: 4, min: 1, final: 3 },
        rateLimit: { remaining: 20 },
      }),
      b: st({}),
    });
  });

  it('reads shards defensively', () => {
    const bad = { a: { requests: -1, pulls: 'x', concurrency: null } } as unknown as Record<
      string,
      RegistryStats
    >;
    expect(mergeRegistryStats([bad])).toEqual({
      a: {
        requests: 0,
        pulls: 0,
        rateLimited: 0,
        retries: 0,
        bytes: 0,
        waitMs: 0,
        concurrency: { start: 0, min: 0, final: 0 },
      },
    });
    expect(mergeRegistryStats([undefined])).toBeUndefined();
    const proto = JSON.parse('{"__proto__": {"requests": 1}}') as Record<string, RegistryStats>;
    const merged = mergeRegistryStats([proto])!;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });
});

describe('tryAcquire: a slot without a promise when nothing waits (issue 15 item 3)', () => {
  it('hands out slots up to the window, then leaves the caller to acquire', async () => {
    const g = new RegistryGovernor({ concurrency: 2 });
    const a = g.tryAcquire('r');
    const b = g.tryAcquire('r');
    expect(a && b).toBeTruthy();
    expect(g.tryAcquire('r')).toBeUndefined();
    let got = false;
    const waiting = g.acquire('r', 'x').then((p) => ((got = true), p));
    await Promise.resolve();
    expect(got).toBe(false);
    a!.release('ok');
    (await waiting).release('ok');
    b!.release('ok');
    expect(g.tryAcquire('r')).toBeDefined();
  });

  it('gives no slot while the registry backs off, and throws once it is stopped', () => {
    let now = 1_000;
    const g = new RegistryGovernor({ concurrency: 2, now: () => now });
    g.pause('r', 300, 'x', 'answered HTTP 429');
    expect(g.tryAcquire('r')).toBeUndefined();
    now += 301;
    g.tryAcquire('r')!.release('ok');
    g.observe('r', headers({ 'ratelimit-remaining': '1;w=21600' }));
    expect(() => g.admit('r', 5)).toThrow(/pulls left/);
    expect(() => g.tryAcquire('r')).toThrow(/pulls left/);
  });

  it('a 429 on a slot taken at once still halves the window', () => {
    const g = new RegistryGovernor({ concurrency: 8 });
    g.tryAcquire('r')!.release('rateLimited');
    expect(g.windowOf('r')).toBe(4);
  });
});
