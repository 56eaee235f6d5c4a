// An s3:// s3lo store read through @aws-sdk/client-s3 with the standard credential chain, the
// way s3lo connects: endpoint override => path style and us-east-1; objects read with a byte cap.
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';

// The AWS SDK is large: load it on the first s3:// read, not at every process start.
const sdk = (): Promise<typeof import('@aws-sdk/client-s3')> => import('@aws-sdk/client-s3');
import { GateError } from '../errors.js';
import { isLoopbackHost } from '../net/addresses.js';
import { assertSafeKey, type S3loStore } from './object-store.js';

export interface S3StoreOptions {
  bucket: string;
  /** Overrides the region from env/profile. Default when nothing is configured: us-east-1. */
  region?: string;
  /** S3-compatible endpoint; default `AWS_ENDPOINT_URL_S3`, then `AWS_ENDPOINT_URL`. */
  endpoint?: string;
  /** Static credentials; default the SDK's chain (env, profile, SSO, web identity, IMDS/ECS). */
  credentials?: S3ClientConfig['credentials'];
  /** Plain http:// to a non-loopback endpoint is refused unless this is set. */
  allowInsecureHttp?: boolean;
  /** Whole-request deadline per object, including retries. Default 60 s. */
  timeoutMs?: number;
  /** SDK attempts per request (retries on 5xx, throttling and network errors). Default 3. */
  maxAttempts?: number;
  /** Environment to read endpoint variables from; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

export class S3S3loStore implements S3loStore {
  readonly name: string;
  private readonly opts: S3StoreOptions;
  private readonly endpoint: string | undefined;
  private client: Promise<S3Client> | undefined;

  constructor(opts: S3StoreOptions) {
    this.opts = opts;
    this.name = `s3://${opts.bucket}`;
    const env = opts.env ?? process.env;
    const endpoint = opts.endpoint ?? env['AWS_ENDPOINT_URL_S3'] ?? env['AWS_ENDPOINT_URL'];
    this.endpoint = endpoint === '' ? undefined : endpoint;
  }

  async getObject(key: string, maxBytes: number): Promise<Uint8Array | undefined> {
    assertSafeKey(key);
    const client = await this.getClient();
    const { GetObjectCommand } = await sdk();
    const timeoutMs = this.opts.timeoutMs ?? 60_000;
    const signal = AbortSignal.timeout(timeoutMs);
    const where = `${this.name}/${key}`;
    try {
      const out = await client.send(new GetObjectCommand({ Bucket: this.opts.bucket, Key: key }), {
        abortSignal: signal,
      });
      if (out.ContentLength !== undefined && out.ContentLength > maxBytes) {
        destroyBody(out.Body);
        throw new GateError(
          'LIMIT_EXCEEDED',
          `${where} is ${out.ContentLength} bytes, limit ${maxBytes}`,
        );
      }
      if (out.Body === undefined) return new Uint8Array();
      // Content-Length is only a hint: count what actually arrives and stop one chunk past the cap.
      const chunks: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of out.Body as AsyncIterable<Uint8Array>) {
        total += chunk.byteLength;
        if (total > maxBytes) {
          destroyBody(out.Body);
          throw new GateError('LIMIT_EXCEEDED', `${where} is larger than ${maxBytes} bytes`);
        }
        chunks.push(chunk);
      }
      return new Uint8Array(Buffer.concat(chunks));
    } catch (e: unknown) {
      if (e instanceof GateError) throw e;
      if (signal.aborted) {
        throw new GateError('TIMEOUT', `${where}: no complete response within ${timeoutMs} ms`, {
          cause: e,
        });
      }
      return mapS3Error(e, where);
    }
  }

  private getClient(): Promise<S3Client> {
    this.client ??= this.makeClient();
    return this.client;
  }

  private async makeClient(): Promise<S3Client> {
    const { S3Client } = await sdk();
    const base: S3ClientConfig = {
      maxAttempts: this.opts.maxAttempts ?? 3,
      requestHandler: {
        connectionTimeout: 10_000,
        requestTimeout: 30_000,
        throwOnRequestTimeout: true,
      },
    };
    if (this.opts.credentials !== undefined) base.credentials = this.opts.credentials;
    if (this.endpoint !== undefined) {
      checkEndpoint(this.endpoint, this.opts.allowInsecureHttp === true);
      // As s3lo does for MinIO/R2/Ceph: path-style addressing and no region discovery.
      return new S3Client({
        ...base,
        endpoint: this.endpoint,
        forcePathStyle: true,
        region: this.opts.region ?? 'us-east-1',
      });
    }
    if (this.opts.region !== undefined) {
      return new S3Client({ ...base, region: this.opts.region, followRegionRedirects: true });
    }
    // Region from env/profile when there is one; otherwise us-east-1, and let S3's redirect tell
    // us the bucket's real region (s3lo asks GetBucketLocation for the same reason).
    const probe = new S3Client({ ...base, followRegionRedirects: true });
    try {
      await probe.config.region();
      return probe;
    } catch {
      probe.destroy();
      return new S3Client({ ...base, region: 'us-east-1', followRegionRedirects: true });
    }
  }
}

function checkEndpoint(endpoint: string, allowInsecureHttp: boolean): void {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch (e: unknown) {
    throw new GateError('USAGE', `S3 endpoint '${endpoint}' is not a URL`, { cause: e });
  }
  if (url.protocol === 'https:') return;
  if (url.protocol !== 'http:') {
    throw new GateError('USAGE', `S3 endpoint '${endpoint}': scheme must be https or http`);
  }
  if (!isLoopbackHost(url.hostname) && !allowInsecureHttp) {
    throw new GateError(
      'INSECURE',
      `S3 endpoint '${endpoint}' uses plain http to a non-loopback host`,
    );
  }
}

function destroyBody(body: unknown): void {
  const destroy = (body as { destroy?: () => void } | undefined)?.destroy;
  if (typeof destroy === 'function') destroy.call(body);
}

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** 404 means "does not exist" (a failure upstream); every other outcome is an exit-2 error. */
function mapS3Error(e: unknown, where: string): undefined {
  const err = (typeof e === 'object' && e !== null ? e : {}) as SdkErrorShape;
  const status = err.$metadata?.httpStatusCode;
  const name = err.name ?? 'Error';
  const detail = `${name}${err.message && err.message !== name ? `: ${err.message}` : ''}`;
  if (status === 404 || name === 'NoSuchKey' || name === 'NoSuchBucket' || name === 'NotFound') {
    return undefined;
  }
  if (status === 401 || status === 403) {
    throw new GateError('AUTH_REFUSED', `${where}: access refused (HTTP ${status}, ${detail})`, {
      cause: e,
    });
  }
  if (name === 'CredentialsProviderError') {
    throw new GateError('AUTH_REFUSED', `${where}: no usable AWS credentials (${detail})`, {
      cause: e,
    });
  }
  if (name === 'TimeoutError' || name === 'AbortError' || err.code === 'ETIMEDOUT') {
    throw new GateError('TIMEOUT', `${where}: ${detail}`, { cause: e });
  }
  if (status !== undefined) {
    throw new GateError('REGISTRY_ERROR', `${where}: HTTP ${status} (${detail})`, { cause: e });
  }
  throw new GateError('NETWORK', `${where}: ${err.code ?? detail}`, { cause: e });
}
