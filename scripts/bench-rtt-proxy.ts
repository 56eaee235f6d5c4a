// A loopback TCP proxy that adds network latency, for `npm run bench -- --rtt 30ms`.
//
// How it models latency (the constant-delay link of netem's `delay`, Linux tc-netem(8), split
// evenly between the two directions): every chunk read from one side is written to the other
// RTT/2 after it arrived, so a request and its answer cost one RTT on top of the server's time.
// Each direction is one FIFO queue drained by one timer, and since every chunk waits the same
// time the release times never go backwards: bytes are never reordered, and an end-of-stream is
// delivered after the last chunk before it. A new connection also costs a round trip before its
// first byte can travel (TCP's SYN / SYN-ACK), so the client's first bytes leave no earlier than
// one RTT after accept, then take their RTT/2. Bandwidth is not limited and nothing is lost;
// that is the whole model.
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export interface RttProxy {
  /** `127.0.0.1:PORT`, to use as the registry host. */
  host: string;
  port: number;
  /** Connections accepted so far (each cost a simulated handshake). */
  connections(): number;
  close(): Promise<void>;
}

/** One direction of the link: chunks leave `delayMs` after arrival, in order, not before `notBefore`. */
function delayedPipe(from: Socket, to: Socket, delayMs: number, notBefore: number): void {
  const queue: Array<{ at: number; chunk: Buffer | null }> = [];
  let timer: NodeJS.Timeout | undefined;
  const drain = (): void => {
    timer = undefined;
    const now = performance.now();
    while (queue.length > 0 && queue[0]!.at <= now + 0.5) {
      const { chunk } = queue.shift()!;
      if (chunk === null) to.end();
      else if (!to.destroyed) to.write(chunk);
    }
    if (queue.length > 0) timer = setTimeout(drain, Math.max(0, queue[0]!.at - performance.now()));
  };
  const push = (chunk: Buffer | null): void => {
    const last = queue.at(-1)?.at ?? 0;
    queue.push({ at: Math.max(performance.now() + delayMs, notBefore, last), chunk });
    timer ??= setTimeout(drain, Math.max(0, queue[0]!.at - performance.now()));
  };
  from.on('data', (d: Buffer) => push(d));
  from.on('end', () => push(null));
}

/** Starts the proxy in front of `target` (`host:port`); `rttMs` is the round trip it adds. */
export async function startRttProxy(target: string, rttMs: number): Promise<RttProxy> {
  const i = target.lastIndexOf(':');
  const targetHost = target.slice(0, i);
  const targetPort = Number(target.slice(i + 1));
  const half = rttMs / 2;
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer({ allowHalfOpen: true }, (client) => {
    accepted++;
    const acceptedAt = performance.now();
    const upstream = connect({ host: targetHost, port: targetPort, allowHalfOpen: true });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.setNoDelay(true);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    // Client -> server: held for the handshake's round trip, then RTT/2 like every chunk.
    delayedPipe(client, upstream, half, acceptedAt + rttMs + half);
    delayedPipe(upstream, client, half, 0);
    const closeBoth = () => {
      if (client.destroyed && upstream.destroyed) return;
      if (client.writableFinished && upstream.writableFinished) {
        client.destroy();
        upstream.destroy();
      }
    };
    client.on('finish', closeBoth);
    upstream.on('finish', closeBoth);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    port,
    connections: () => accepted,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
