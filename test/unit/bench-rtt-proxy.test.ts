// The bench's latency proxy (scripts/bench-rtt-proxy.ts): a round trip costs the RTT, a new
// connection one RTT more, and bytes arrive complete and in order.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startRttProxy, type RttProxy } from '../../scripts/bench-rtt-proxy.js';

const RTT = 60;
/** Timers and a loaded 2-core machine: the bound above is loose, the one below is not. */
const SLACK = 40;

let server: Server | undefined;
let proxy: RttProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = proxy = undefined;
});

/** An echo server, or one that answers each connection with `payload` and ends. */
async function startServer(payload?: Buffer): Promise<string> {
  server = createServer((s) => {
    if (payload) s.end(payload);
    else s.pipe(s);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function open(host: string): Promise<Socket> {
  const [h, p] = host.split(':');
  return new Promise((resolve, reject) => {
    const s = connect({ host: h!, port: Number(p) }, () => resolve(s));
    s.on('error', reject);
  });
}

/** Writes `msg` and waits until as many bytes came back; resolves with the elapsed ms. */
function roundTrip(s: Socket, msg: Buffer): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    let got = 0;
    const onData = (d: Buffer) => {
      got += d.length;
      if (got >= msg.length) {
        s.off('data', onData);
        resolve(performance.now() - started);
      }
    };
    s.on('data', onData);
    s.write(msg);
  });
}

describe('bench RTT proxy', () => {
  it('adds one RTT to a round trip on an open connection, and two on a new one', async () => {
    proxy = await startRttProxy(await startServer(), RTT);
    const s = await open(proxy.host);
    const first = await roundTrip(s, Buffer.from('hello'));
    const second = await roundTrip(s, Buffer.from('again'));
    const third = await roundTrip(s, Buffer.from('third'));
    s.destroy();
    expect(first).toBeGreaterThanOrEqual(2 * RTT - 1);
    expect(first).toBeLessThan(2 * RTT + SLACK);
    for (const t of [second, third]) {
      expect(t).toBeGreaterThanOrEqual(RTT - 1);
      expect(t).toBeLessThan(RTT + SLACK);
    }
    expect(proxy.connections()).toBe(1);
  });

  it('delivers a large transfer whole and in order, in both directions', async () => {
    const down = randomBytes(8 * 2 ** 20);
    proxy = await startRttProxy(await startServer(down), 10);
    const s = await open(proxy.host);
    const chunks: Buffer[] = [];
    await new Promise<void>((r) => {
      s.on('data', (d: Buffer) => chunks.push(d));
      s.on('end', () => r());
    });
    s.destroy();
    const got = Buffer.concat(chunks);
    expect(got.length).toBe(down.length);
    expect(createHash('sha256').update(got).digest('hex')).toBe(
      createHash('sha256').update(down).digest('hex'),
    );

    await proxy.close();
    await new Promise<void>((r) => server!.close(() => r()));
    proxy = await startRttProxy(await startServer(), 10);
    const e = await open(proxy.host);
    const up = randomBytes(4 * 2 ** 20);
    const echoed: Buffer[] = [];
    let n = 0;
    const done = new Promise<void>((r) =>
      e.on('data', (d: Buffer) => {
        echoed.push(d);
        if ((n += d.length) >= up.length) r();
      }),
    );
    // Many small writes: each is its own chunk in the proxy's queue.
    for (let i = 0; i < up.length; i += 1000) e.write(up.subarray(i, i + 1000));
    await done;
    e.destroy();
    expect(Buffer.concat(echoed).equals(up)).toBe(true);
  });
});
