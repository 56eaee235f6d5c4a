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
// The registries of issue 15's last list, read from their sources and documentation (see
// docs/registries.md for the whole of each):
// - A referrers API the registry behind lacks, answered from its `sha256-<hex>` fallback index
//   (the same entries the API would list, distribution-spec "Listing Referrers"), with:
//   - `filter: 'apply'`: `?artifactType=` applied, `OCI-Filters-Applied: artifactType` (the spec;
//     Quay endpoints/v2/referrers.py, Harbor 2.11+); `'ignore'`: all entries, no header (allowed);
//   - `'config-type'`: Harbor before 2.11 (goharbor/harbor src/server/registry/referrers.go at
//     v2.10.0): each entry's artifactType is the manifest's config media type, the filter
//     compares that and the header is set anyway; `size` is the artifact's total size;
//   - `pageSize`: pages of n entries with `Link: <...?last=<digest>&n=...>; rel="next"` (RFC 8288;
//     ACR and distribution's `last`/`n` paging); `linkLoop`: a next link back to the first page;
//   - `nameUnknown`: repositories whose listing answers 404 `NAME_UNKNOWN`, the API not knowing
//     the name (oras-go registry/remote/repository.go reads this as "API status unknown"), and
//     `emptyObject`: `{}` for a subject Harbor before 2.11 has no artifact for.
// - 405 on the referrers endpoint (a router that knows the path but not the method).
// - Amazon ECR's Basic-only auth: `WWW-Authenticate: Basic realm="https://<host>/",service=
//   "ecr.amazonaws.com"` and `AWS:<token>` credentials (docs.aws.amazon.com AmazonECR
//   registry_auth; no token service), an expired token answered 403 DENIED.
// - A token service whose challenge names the scope of the operation (ACR's documented flow,
//   azure.github.io/acr/Token-BasicAuth.html), with one endpoint needing an action beyond pull
//   (ACR's metadata_read, Azure/acr#600); GET with Basic credentials and repeated `scope`, or
//   ACR's OAuth2 refresh-token POST with the scopes joined by spaces.
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
  referrersAnswer?: 400 | 405 | 406 | 'html';
  /** A referrers API served from the fallback tag index (see the header). */
  referrersApi?: {
    filter: 'apply' | 'ignore' | 'config-type';
    pageSize?: number;
    linkLoop?: boolean;
    nameUnknown?: string[];
    emptyObject?: boolean;
  };
  /** ECR: every /v2/ request needs `Authorization: Basic` of these; `expired`: 403 DENIED. */
  basicAuth?: { username: string; password: string; expired?: boolean };
  /**
   * A token service at /oauth2/token (Basic credentials of these, or anonymous when absent):
   * manifests and blobs need `pull`, the referrers endpoint `referrersAction` as well.
   */
  bearerAuth?: {
    username?: string;
    password?: string;
    referrersAction?: string;
    /** The refresh token an OAuth2 POST must carry (a Docker config `identitytoken`). */
    refreshToken?: string;
  };
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
  /** Token requests (bearerAuth), each with the scopes it asked for, in order. */
  tokenRequests: string[][];
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
    if (b.basicAuth && path.startsWith('/v2/')) {
      const want = `Basic ${Buffer.from(`${b.basicAuth.username}:${b.basicAuth.password}`).toString('base64')}`;
      if (req.headers.authorization !== want) {
        answer(
          401,
          {
            'content-type': 'application/json',
            'www-authenticate': `Basic realm="https://${req.headers.host}/",service="ecr.amazonaws.com"`,
          },
          'Not Authorized\n',
        );
        return;
      }
      if (b.basicAuth.expired) {
        answer(
          403,
          { 'content-type': 'application/json' },
          '{"errors":[{"code":"DENIED","message":"Your authorization token has expired. Reauthenticate and try again."}]}',
        );
        return;
      }
    }
    if (b.bearerAuth && path.startsWith('/oauth2/token')) {
      const a = b.bearerAuth;
      const issue = (scopes: string[]): void => {
        state.tokenRequests.push(scopes);
        const token = `rig.${Buffer.from(JSON.stringify(scopes)).toString('base64url')}`;
        answer(
          200,
          { 'content-type': 'application/json' },
          JSON.stringify({ token, expires_in: 300 }),
        );
      };
      const refuse = () =>
        answer(401, { 'content-type': 'application/json' }, '{"errors":[{"code":"UNAUTHORIZED"}]}');
      if (req.method === 'POST') {
        // ACR's refresh-token grant (azure.github.io/acr/AAD-OAuth.html): a form, scopes joined
        // by spaces (RFC 6749 3.3).
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const form = new URLSearchParams(Buffer.concat(chunks).toString());
          if (
            form.get('grant_type') !== 'refresh_token' ||
            a.refreshToken === undefined ||
            form.get('refresh_token') !== a.refreshToken
          )
            answer(400, { 'content-type': 'application/json' }, '{"error":"invalid_grant"}');
          else issue((form.get('scope') ?? '').split(' ').filter(Boolean));
        });
        return;
      }
      const want =
        a.username !== undefined
          ? `Basic ${Buffer.from(`${a.username}:${a.password ?? ''}`).toString('base64')}`
          : undefined;
      if (want !== undefined && req.headers.authorization !== want) {
        refuse();
        return;
      }
      issue(new URL(path, 'http://rig').searchParams.getAll('scope'));
      return;
    }
    if (b.bearerAuth && path.startsWith('/v2/')) {
      const target = /^\/v2\/(.+)\/(manifests|blobs|referrers)\//.exec(path);
      const needed = target
        ? [`repository:${target[1]}:pull`].concat(
            target[2] === 'referrers' && b.bearerAuth.referrersAction
              ? [`repository:${target[1]}:${b.bearerAuth.referrersAction}`]
              : [],
          )
        : [];
      const auth = req.headers.authorization ?? '';
      let have: string[] = [];
      if (auth.startsWith('Bearer rig.')) {
        try {
          have = JSON.parse(Buffer.from(auth.slice(11), 'base64url').toString()) as string[];
        } catch {
          have = [];
        }
      }
      const grants = new Set(
        have.flatMap((sc) => {
          const m = /^repository:(.+):([^:]+)$/.exec(sc);
          return m ? m[2].split(',').map((x) => `repository:${m[1]}:${x}`) : [];
        }),
      );
      const missing = needed.find((n) => !grants.has(n));
      if (!auth.startsWith('Bearer ') || missing !== undefined || target === null) {
        const scope = missing ?? needed[0];
        answer(
          401,
          {
            'content-type': 'application/json',
            'www-authenticate': `Bearer realm="http://${req.headers.host}/oauth2/token",service="rig"${scope ? `,scope="${scope}"` : ''}`,
          },
          '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}',
        );
        return;
      }
    }
    if (b.referrersApi && REFERRERS_PATH.test(path)) {
      serveReferrers(b.referrersApi, path, answer).catch(() => answer(502, {}));
      return;
    }
    if (b.ghcrReferrers && REFERRERS_PATH.test(path)) {
      const m = REFERRERS_PATH.exec(path)!;
      // The Location as GHCR sends it: the repository path-escaped, the digest cut at its colon.
      const loc = `http://127.0.0.1:${packagesPort}/-/v2/packages/container/package/${encodeURIComponent(`${m[1]}/referrers/sha256`)}`;
      answer(303, { location: loc });
      return;
    }
    if (b.referrersAnswer !== undefined && REFERRERS_PATH.test(path)) {
      if (b.referrersAnswer === 405)
        answer(405, { 'content-type': 'text/plain', allow: 'DELETE' }, 'Method Not Allowed\n');
      else if (b.referrersAnswer === 'html')
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
  /** GET from the registry behind, bypassing the behaviours. */
  const upstreamGet = (p: string, accept: string): Promise<{ status: number; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const r = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: 'GET',
          path: p,
          headers: { accept },
          agent,
        },
        (ur) => {
          const chunks: Buffer[] = [];
          ur.on('data', (c: Buffer) => chunks.push(c));
          ur.on('end', () =>
            resolve({ status: ur.statusCode ?? 502, body: Buffer.concat(chunks) }),
          );
        },
      );
      r.on('error', reject);
      r.end();
    });

  type Answer = (status: number, headers: Record<string, string>, body?: string | Buffer) => void;
  const serveReferrers = async (
    api: NonNullable<Behaviour['referrersApi']>,
    path: string,
    answer: Answer,
  ): Promise<void> => {
    const u = new URL(path, 'http://rig');
    const [, repo, digest] = REFERRERS_PATH.exec(u.pathname)!;
    if (api.nameUnknown?.includes(repo)) {
      answer(
        404,
        { 'content-type': 'application/json' },
        '{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}',
      );
      return;
    }
    const indexType = 'application/vnd.oci.image.index.v1+json';
    if (api.emptyObject) {
      answer(200, { 'content-type': indexType }, '{}\n');
      return;
    }
    const tag = await upstreamGet(`/v2/${repo}/manifests/${digest.replace(':', '-')}`, indexType);
    type Entry = { mediaType: string; digest: string; size: number; artifactType?: string };
    let entries: Entry[] =
      tag.status === 200
        ? ((JSON.parse(tag.body.toString()) as { manifests?: Entry[] }).manifests ?? [])
        : [];
    if (api.filter === 'config-type') {
      entries = await Promise.all(
        entries.map(async (e) => {
          const m = await upstreamGet(`/v2/${repo}/manifests/${e.digest}`, e.mediaType);
          const mf = JSON.parse(m.body.toString()) as {
            config: { mediaType: string; size: number };
            layers?: Array<{ size: number }>;
          };
          const total =
            m.body.length + mf.config.size + (mf.layers ?? []).reduce((n, l) => n + l.size, 0);
          return { ...e, artifactType: mf.config.mediaType, size: total };
        }),
      );
    }
    const at = u.searchParams.get('artifactType');
    const headers: Record<string, string> = { 'content-type': indexType };
    if (at !== null && at !== '' && api.filter !== 'ignore') {
      entries = entries.filter((e) => e.artifactType === at);
      headers['oci-filters-applied'] = 'artifactType';
    }
    if (api.pageSize !== undefined) {
      const last = u.searchParams.get('last');
      const from = last === null ? 0 : entries.findIndex((e) => e.digest === last) + 1;
      const page = entries.slice(from, from + api.pageSize);
      if (api.linkLoop || from + api.pageSize < entries.length) {
        const next = new URLSearchParams();
        if (at !== null) next.set('artifactType', at);
        if (!api.linkLoop) next.set('last', page[page.length - 1].digest);
        next.set('n', String(api.pageSize));
        headers.link = `<${u.pathname}?${next.toString()}>; rel="next"`;
      }
      entries = page;
    }
    answer(
      200,
      headers,
      JSON.stringify({ schemaVersion: 2, mediaType: indexType, manifests: entries }),
    );
  };

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  const state: BehaviourProxy = {
    host: `127.0.0.1:${port}`,
    log: [],
    packagesApi: [],
    tokenRequests: [],
    behaviour: {},
    reset(b) {
      state.behaviour = b;
      state.log = [];
      state.packagesApi = [];
      state.tokenRequests = [];
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
