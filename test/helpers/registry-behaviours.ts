// A proxy in front of the real docker-registry that speaks the behaviours of hosted registries a
// client must survive, each written from the registry's own documentation or a public report:
//
// - Docker Hub pull limit (docs.docker.com, docker-hub/usage/pulls, "View pull rate and limit";
//   docker/docs#20788 and the download-rate-limit page before it): manifest responses, GET and
//   HEAD alike, carry `ratelimit-limit: 100;w=21600`, `ratelimit-remaining: 76;w=21600` and
//   `docker-ratelimit-source: 192.0.2.1`; a GET of a manifest counts as a pull, a HEAD does not
//   (containers/image#1078 moved to HEAD for this reason). Over the limit, the manifest GET
//   answers 429 with "You have reached your pull rate limit...".
// - A 429 storm with `Retry-After` (RFC 9110 10.2.3): every request in a window answers 429.
// - GHCR's referrers endpoint answers 303 into github.com's packages API, which truncates the
//   digest and is heavily rate-limited, answering 429 (artifacthub/hub#4785); the referrers tag
//   schema serves the same bundles.
// - GitLab's registry (registry.gitlab.com) has no referrers API (404) and reads the fallback tag
//   `sha256-<hex>` as the digest `sha256:<hex>`, answering with the subject manifest itself
//   (oras-project/oras-go#1396).
//
// - Registries without the referrers API answering 400 or 406 instead of 404, or 200 with a page
//   that is not an index: go-containerregistry falls back to the tag schema on each
//   (pkg/v1/remote/referrers.go; google/go-containerregistry#1962 for a 406).
// - Harbor lists a referrer's config media type in place of its artifactType
//   (goharbor/harbor#19867), as cosign's own fallback indexes did (sigstore/cosign#4422) and GHCR's
//   show (NVIDIA/aicr#1957): a cosign bundle appears as `application/vnd.oci.empty.v1+json`.
//
// Every request is logged with its method, path, arrival time and the requests in flight then.
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface PullLimit {
  limit: number;
  remaining: number;
  /** Seconds; Docker Hub's is 21600 (6 h). */
  window: number;
  source: string;
}

export interface Behaviour {
  /** Docker Hub's headers and pull counting on every manifest response. */
  pullLimit?: PullLimit;
  /** Override the headers' text (malformed variants); `remaining` still counts down. */
  rawRemainingHeader?: string;
  /** A 429 storm: starts at the request numbered `after` (0-based) and lasts `seconds`. */
  storm?: { after: number; seconds: number; retryAfter?: string };
  /** GHCR: the referrers endpoint answers 303 into a rate-limited API (429). */
  ghcrReferrers?: boolean;
  /** GitLab: `manifests/sha256-<hex>` is answered as `manifests/sha256:<hex>`. */
  gitlabDigestTags?: boolean;
  /** The referrers endpoint answers this instead (a registry without the API). */
  referrersAnswer?: 400 | 406 | 'html';
  /** Fallback tag indexes list each entry's artifactType as the empty config type (Harbor). */
  configTypeInIndex?: boolean;
  /** Each answer is held this long, so concurrency shows as requests in flight. */
  delayMs?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  /** ms since the proxy started. */
  at: number;
  /** Requests in flight at the proxy when this one arrived (itself included). */
  inFlight: number;
  status?: number;
}

export interface BehaviourProxy {
  host: string;
  log: LoggedRequest[];
  /** Requests that reached the "github.com packages API" behind GHCR's 303. */
  packagesApi: LoggedRequest[];
  behaviour: Behaviour;
  /** When the storm's first 429 was sent (ms since start), if it began. */
  stormStartedAt?: number;
  /** Replaces the behaviour and clears the logs. */
  reset(b: Behaviour): void;
  now(): number;
  close(): Promise<void>;
}

const MANIFEST_PATH = /^\/v2\/(.+)\/manifests\/([^/?]+)$/;
const REFERRERS_PATH = /^\/v2\/(.+)\/referrers\/([^/?]+)/;

export async function startBehaviourProxy(upstream: string): Promise<BehaviourProxy> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  const t0 = performance.now();
  const now = () => Math.round(performance.now() - t0);
  let inFlight = 0;
  let count = 0;

  const packages: Server = createServer((req, res) => {
    state.packagesApi.push({
      method: req.method ?? '',
      path: req.url ?? '',
      at: now(),
      inFlight: 0,
    });
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '60' });
    res.end('{"message":"API rate limit exceeded"}');
  });
  await new Promise<void>((r) => packages.listen(0, '127.0.0.1', () => r()));
  const packagesPort = (packages.address() as AddressInfo).port;

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const b = state.behaviour;
    const entry: LoggedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      at: now(),
      inFlight: ++inFlight,
    };
    state.log.push(entry);
    const n = count++;
    res.on('close', () => inFlight--);
    const answer = (
      status: number,
      headers: Record<string, string>,
      body: string | Buffer = '',
    ): void => {
      entry.status = status;
      const send = () =>
        res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : body);
      if (b.delayMs) setTimeout(send, b.delayMs);
      else send();
    };
    // The storm: every request inside its window is refused, whatever it asks for.
    if (b.storm && n >= b.storm.after) {
      state.stormStartedAt ??= now();
      if (now() - state.stormStartedAt < b.storm.seconds * 1000) {
        answer(
          429,
          {
            'content-type': 'application/json',
            'retry-after': b.storm.retryAfter ?? String(b.storm.seconds),
          },
          '{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}',
        );
        return;
      }
    }
    let path = req.url ?? '/';
    const manifest = MANIFEST_PATH.exec(path.split('?')[0]);
    if (b.ghcrReferrers && REFERRERS_PATH.test(path)) {
      const m = REFERRERS_PATH.exec(path)!;
      // The Location as GHCR sends it: the repository path-escaped, the digest cut at its colon.
      const loc = `http://127.0.0.1:${packagesPort}/-/v2/packages/container/package/${encodeURIComponent(`${m[1]}/referrers/sha256`)}`;
      answer(303, { location: loc });
      return;
    }
    if (b.referrersAnswer !== undefined && REFERRERS_PATH.test(path)) {
      if (b.referrersAnswer === 'html')
        answer(200, { 'content-type': 'text/html' }, '<html></html>');
      else
        answer(
          b.referrersAnswer,
          { 'content-type': 'application/json' },
          '{"errors":[{"code":"UNSUPPORTED","message":"unknown endpoint"}]}',
        );
      return;
    }
    if (b.gitlabDigestTags && manifest && /^sha256-[0-9a-f]{64}$/.test(manifest[2])) {
      path = `/v2/${manifest[1]}/manifests/${manifest[2].replace('-', ':')}`;
    }
    const limitHeaders: Record<string, string> = {};
    const lim = b.pullLimit;
    if (lim && manifest) {
      if (req.method === 'GET') {
        if (lim.remaining <= 0) {
          answer(
            429,
            {
              'content-type': 'application/json',
              'ratelimit-limit': `${lim.limit};w=${lim.window}`,
              'ratelimit-remaining': `0;w=${lim.window}`,
              'docker-ratelimit-source': lim.source,
            },
            '{"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limits"}]}',
          );
          return;
        }
        lim.remaining--;
      }
      limitHeaders['ratelimit-limit'] = `${lim.limit};w=${lim.window}`;
      limitHeaders['ratelimit-remaining'] =
        b.rawRemainingHeader ?? `${lim.remaining};w=${lim.window}`;
      limitHeaders['docker-ratelimit-source'] = lim.source;
    }
    const up = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      (ur) => {
        const chunks: Buffer[] = [];
        ur.on('data', (c: Buffer) => chunks.push(c));
        ur.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(ur.headers))
            if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          let body = Buffer.concat(chunks);
          if (
            b.configTypeInIndex &&
            manifest &&
            /^sha256-[0-9a-f]{64}$/.test(manifest[2]) &&
            ur.statusCode === 200 &&
            req.method === 'GET'
          ) {
            const index = JSON.parse(body.toString()) as {
              manifests?: Array<{ artifactType?: string }>;
            };
            for (const m of index.manifests ?? [])
              m.artifactType = 'application/vnd.oci.empty.v1+json';
            body = Buffer.from(JSON.stringify(index));
            headers['docker-content-digest'] =
              `sha256:${createHash('sha256').update(body).digest('hex')}`;
            headers['content-length'] = String(body.length);
            delete headers.etag;
          }
          answer(ur.statusCode ?? 502, { ...headers, ...limitHeaders }, body);
        });
      },
    );
    up.on('error', () => answer(502, {}));
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  const state: BehaviourProxy = {
    host: `127.0.0.1:${port}`,
    log: [],
    packagesApi: [],
    behaviour: {},
    reset(b) {
      state.behaviour = b;
      state.log = [];
      state.packagesApi = [];
      state.stormStartedAt = undefined;
      count = 0;
    },
    now,
    close: () =>
      new Promise<void>((r) => {
        agent.destroy();
        packages.closeAllConnections();
        packages.close();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  return state;
}

/** The log as `METHOD path` lines. */
export function lines(log: LoggedRequest[]): string[] {
  return log.map((r) => `${r.method} ${r.path}`);
}
