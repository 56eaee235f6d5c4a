// Fulcio and Rekor from @sigstore/mock (the sigstore-js project's own service mocks), served over
// real HTTP on loopback instead of through nock, and the trusted root that matches them: its CA
// certificate, its CT log key and its transparency-log key. With `sigstore`'s sign() pointed at
// these, a test gets a bundle made by sigstore-js itself, end to end.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  rekorHandler,
  type HandlerFn,
} from '@sigstore/mock';

export interface MockSigstore {
  fulcioURL: string;
  rekorURL: string;
  /** trusted_root.json (protobuf-specs JSON) for this CA, CT log and transparency log. */
  trustedRoot: Record<string, unknown>;
  /** Requests answered, by path. */
  requests: string[];
  close(): Promise<void>;
}

function p256() {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

/** An unsigned JWT with these claims: the mock Fulcio decodes it without checking a signature. */
export function identityToken(claims: Record<string, unknown>): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ aud: 'sigstore', ...claims })}.`;
}

/**
 * Fulcio's rule for GitHub Actions tokens: the certificate's SAN is the job's workflow,
 * `https://github.com/` + the `job_workflow_ref` claim (the token's `sub` is
 * `repo:OWNER/REPO:ref:REF`, which Fulcio does not put in the SAN).
 */
export const githubWorkflowSan = (claims: Record<string, unknown>): string | undefined =>
  typeof claims.job_workflow_ref === 'string'
    ? `https://github.com/${claims.job_workflow_ref}`
    : undefined;

const SAN_CLAIM = 'x-mock-san';

/**
 * `san`: the SAN the mock Fulcio gives a token's certificate, from its claims (default: the
 * `sub` claim, @sigstore/mock's own rule); see githubWorkflowSan.
 */
export async function startMockSigstore(
  opts: { san?: (claims: Record<string, unknown>) => string | undefined } = {},
): Promise<MockSigstore> {
  const requests: string[] = [];
  const routes = new Map<string, HandlerFn>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const p = new URL(req.url ?? '/', 'http://x').pathname;
      requests.push(`${req.method} ${p}`);
      const fn = req.method === 'POST' ? routes.get(p) : undefined;
      if (!fn) {
        res.writeHead(404).end();
        return;
      }
      fn(Buffer.concat(chunks).toString('utf8')).then(
        ({ statusCode, response, contentType }) => {
          res.writeHead(statusCode, { 'content-type': contentType ?? 'text/plain' });
          res.end(typeof response === 'string' ? response : Buffer.from(response.buffer));
        },
        (e: unknown) => res.writeHead(500).end(String(e)),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  const ctLog = await initializeCTLog(p256());
  const ca = await initializeCA(p256(), ctLog);
  const tlog = await initializeTLog(url, p256());
  const fulcio = fulcioHandler(
    ca,
    opts.san ? { strict: true, subjectClaim: SAN_CLAIM } : { strict: true },
  );
  if (opts.san) {
    // The mock reads the SAN from one claim: put the derived one there before it decodes.
    const inner = fulcio.fn;
    const san = opts.san;
    fulcio.fn = (body: string) => {
      const json = JSON.parse(body) as { credentials: { oidcIdentityToken: string } };
      const [h, p, sig] = json.credentials.oidcIdentityToken.split('.');
      const claims = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as Record<
        string,
        unknown
      >;
      const value = san(claims);
      if (value !== undefined) claims[SAN_CLAIM] = value;
      const p2 = Buffer.from(JSON.stringify(claims)).toString('base64url');
      json.credentials.oidcIdentityToken = [h, p2, sig ?? ''].join('.');
      return inner(JSON.stringify(json));
    };
  }
  const rekor = rekorHandler(tlog, { strict: true });
  routes.set(fulcio.path, fulcio.fn);
  routes.set(rekor.path, rekor.fn);

  const start = new Date(Date.now() - 60_000).toISOString();
  const b64 = (b: ArrayBufferView): string =>
    Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: url,
        hashAlgorithm: 'SHA2_256',
        publicKey: {
          rawBytes: tlog.publicKey.toString('base64'),
          keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          validFor: { start },
        },
        logId: { keyId: createHash('sha256').update(tlog.publicKey).digest('base64') },
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: url,
        certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
        validFor: { start },
      },
    ],
    ctlogs: [
      {
        baseUrl: url,
        hashAlgorithm: 'SHA2_256',
        publicKey: {
          rawBytes: ctLog.publicKey.toString('base64'),
          keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          validFor: { start },
        },
        logId: { keyId: b64(ctLog.logID) },
      },
    ],
    timestampAuthorities: [],
  };
  return {
    fulcioURL: url,
    rekorURL: url,
    trustedRoot,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A signing_config.json (v0.2) naming these Fulcio and Rekor (the mock's), written to `file`. */
export async function writeMockSigningConfig(
  file: string,
  mock: Pick<MockSigstore, 'fulcioURL' | 'rekorURL'>,
): Promise<string> {
  const service = (url: string) => ({
    url,
    majorApiVersion: 1,
    validFor: { start: '2020-01-01T00:00:00Z' },
  });
  await writeFile(
    file,
    JSON.stringify({
      mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
      caUrls: [service(mock.fulcioURL)],
      oidcUrls: [],
      rekorTlogUrls: [service(mock.rekorURL)],
      rekorTlogConfig: { selector: 'ANY' },
      tsaUrls: [],
    }),
  );
  return file;
}

/**
 * One trusted root trusting both the root at `rootFile` (e.g. the test Sigstore that signed the
 * images) and the mock (that signs summaries), written to `file`.
 */
export async function writeMergedRoot(
  file: string,
  rootFile: string,
  mock: MockSigstore,
): Promise<string> {
  const ours = JSON.parse(await readFile(rootFile, 'utf8')) as Record<string, unknown[]>;
  const theirs = mock.trustedRoot as Record<string, unknown[]>;
  const merged = { ...ours };
  for (const k of ['tlogs', 'certificateAuthorities', 'ctlogs'])
    merged[k] = [...(ours[k] ?? []), ...(theirs[k] ?? [])];
  await writeFile(file, JSON.stringify(merged));
  return file;
}
