// S3-protocol servers on 127.0.0.1 for tests: s3rver (a real S3 implementation, in-process) for
// stored content, and a tiny node:http server that answers every request with one S3 XML error.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

// s3rver ships no type declarations; these are the parts used here (s3rver 3.7 API).
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (opts: {
  port: number;
  address: string;
  directory: string;
  silent: boolean;
}) => S3rverInstance;

async function loadS3rver(): Promise<S3rverConstructor> {
  const specifier: string = 's3rver';
  const mod = (await import(specifier)) as { default: S3rverConstructor };
  return mod.default;
}

/** s3rver's fixed credentials; SigV4 signatures are checked with them. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface TestS3Server {
  endpoint: string;
  /** An SDK client for writing fixtures (path style, s3rver credentials). */
  client: S3Client;
  createBucket(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startS3Server(): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), 's3rver-'));
  const S3rver = await loadS3rver();
  const server = new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
  });
  return {
    endpoint,
    client,
    async createBucket(name) {
      await client.send(new CreateBucketCommand({ Bucket: name }));
    },
    async close() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export interface ErrorS3Server {
  endpoint: string;
  /** Requests seen, for asserting retries and what was asked for. */
  requests: { method: string; url: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

/** Answers every request with `status` and an S3 `<Error><Code>` body, as AWS does. */
export async function startErrorS3Server(
  status: number,
  code: string,
  message = code,
): Promise<ErrorS3Server> {
  const requests: ErrorS3Server['requests'] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization,
    });
    req.resume();
    const body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
      `<RequestId>TESTREQUEST</RequestId><HostId>test</HostId></Error>`;
    res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': 'TESTREQUEST' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
