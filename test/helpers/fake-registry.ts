// A scriptable node:http(s) server for the registry misbehaviours a real registry will not
// produce (wrong bytes, lying headers, redirects, drip-fed bodies), recording what it received.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
}

export type FakeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  seen: SeenRequest[],
) => unknown;

export interface FakeRegistry {
  /** `127.0.0.1:PORT`. */
  host: string;
  port: number;
  /** `http://127.0.0.1:PORT` (or https). */
  origin: string;
  /** Every request, in order. */
  seen: SeenRequest[];
  /** Replace the handler between steps of a test. */
  handle(h: FakeHandler): void;
  close(): Promise<void>;
}

/** Starts a fake on 127.0.0.1; pass `tls` to serve https with that key and certificate. */
export async function startFake(
  handler: FakeHandler,
  tls?: { key: string; cert: string },
): Promise<FakeRegistry> {
  const seen: SeenRequest[] = [];
  let current = handler;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    Promise.resolve(current(req, res, seen)).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(599);
      res.end(String(e));
    });
  };
  const server = tls
    ? createTlsServer({ key: tls.key, cert: tls.cert }, listener)
    : createServer(listener);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    port,
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    seen,
    handle(h) {
      current = h;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A JSON body with the given Content-Type (and optionally a Docker-Content-Digest). */
export function sendJson(
  res: ServerResponse,
  body: string | Uint8Array,
  contentType: string,
  extra: Record<string, string> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': String(bytes.length),
    ...extra,
  });
  res.end(bytes);
}
