// The registry client: one dispatcher, credential resolver and token cache per run, handing out
// a repository-scoped GET per repository. Auth happens lazily on the first 401 of each registry.
import type { Dispatcher } from 'undici';
import { Agent, EnvHttpProxyAgent } from './undici-parts.js';
import { GateError } from '../errors.js';
import { SecretRegistry } from '../secrets.js';
import { RegistryAuth } from './auth.js';
import {
  CredentialResolver,
  type CredentialHelperRunner,
  type DockerConfig,
  type ExplicitCredential,
} from './credentials.js';
import { isRepositoryName, quote } from './digest.js';
import { guardedLookup, isPlainHttpAllowed } from '../net/addresses.js';
import { apiHostFor, isDockerHub, normalizeHost } from './hosts.js';
import { RegistryGovernor } from './governor.js';
import { HttpTransport } from './http.js';
import { errorDetail } from './http-errors.js';
import type { ReferrersApiState, RepositoryGetter, RepositoryWriter } from './repository.js';
import {
  DEFAULT_MAX_CONNECTIONS_PER_ORIGIN,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_RETRIES,
} from './limits.js';

export interface RegistryClientOptions {
  /** host[:port] entries that may be spoken to over plain HTTP (loopback always may). */
  insecureRegistries?: string[];
  /** Default: $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
  dockerConfigPath?: string;
  /** The Docker config, already read (the gate reads it once, at the run's start). */
  dockerConfig?: DockerConfig;
  /** Explicit credentials (Action inputs); they win over the Docker config. */
  credentials?: ExplicitCredential[];
  /** Sent only to host `ghcr.io` exactly. */
  githubToken?: string;
  /** Idle timeout per request: for the response headers and between body chunks. Default 30 s. */
  requestTimeoutMs?: number;
  /** Retries after the first attempt for network errors, 429, 500, 502-504. Default 2, at least 1. */
  retries?: number;
  /** The run's overall deadline; aborting it fails pending requests with TIMEOUT. */
  signal?: AbortSignal;
  /** Keep-alive connections per origin. Default 8. */
  maxConnectionsPerOrigin?: number;
  /**
   * Requests in flight per registry at the start and at most (the AIMD window halves on a 429
   * and grows back). Default: maxConnectionsPerOrigin.
   */
  concurrencyPerRegistry?: number;
  /** The run's deadline (epoch ms): a Retry-After past it fails at once (RATE_LIMITED). */
  deadline?: number;
  /** Debug lines; secrets the client knows of are replaced by `***`. */
  log?: (msg: string) => void;
  /**
   * The run's secrets: the client registers every credential it uses and every token it
   * obtains here, and redacts quoted server text with it. Default: a registry of its own.
   */
  secrets?: SecretRegistry;
  /** Test seam: a dispatcher to use instead of our own (the client then does not close it). */
  dispatcher?: Dispatcher;
  /** Test seam: replaces `docker-credential-<name> get`. */
  runCredentialHelper?: CredentialHelperRunner;
  /** Environment for proxy and DOCKER_CONFIG lookup. Default process.env. */
  env?: NodeJS.ProcessEnv;
}

export class RegistryClient {
  /** Every HTTP request sent, retries, redirect hops and token requests included. */
  readonly stats: { requests: number };
  /** The run's per-registry state and counters (report `stats.registries`). */
  readonly governor: RegistryGovernor;
  private readonly transport: HttpTransport;
  private readonly auth: RegistryAuth;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly insecure: ReadonlySet<string>;
  private readonly referrersApi = new Map<string, ReferrersApiState>();

  constructor(opts: RegistryClientOptions = {}) {
    const env = opts.env ?? process.env;
    const insecure = new Set<string>();
    for (const r of opts.insecureRegistries ?? []) {
      const h = normalizeHost(r);
      if (h === undefined)
        throw new GateError('USAGE', `insecure registries: ${quote(r)} is not a host[:port]`);
      insecure.add(h);
    }
    this.insecure = insecure;
    const secrets = opts.secrets ?? new SecretRegistry();
    for (const c of opts.credentials ?? []) secrets.addCredential(c.username, c.password);
    if (opts.githubToken) secrets.addCredential('x-access-token', opts.githubToken);
    const userLog = opts.log;
    const log = userLog ? (msg: string) => userLog(secrets.redact(msg)) : () => undefined;
    const redact = (text: string) => secrets.redact(text);

    const connections = Math.max(
      1,
      opts.maxConnectionsPerOrigin ?? DEFAULT_MAX_CONNECTIONS_PER_ORIGIN,
    );
    this.ownsDispatcher = opts.dispatcher === undefined;
    const envVar = (name: string) => env[name] || env[name.toLowerCase()] || undefined;
    const httpProxy = envVar('HTTP_PROXY');
    const httpsProxy = envVar('HTTPS_PROXY');
    // Values come from `env` (not undici's own process.env reads) so tests and the Action agree.
    // No `connect` options with a proxy: undici's ProxyAgent applies them to the target, whose
    // DNS is then the proxy's business.
    this.dispatcher =
      opts.dispatcher ??
      (httpProxy || httpsProxy
        ? new EnvHttpProxyAgent({
            connections,
            httpProxy: httpProxy ?? '',
            httpsProxy: httpsProxy ?? '', // like Go and curl: https never falls back to HTTP_PROXY
            // Like Go's ProxyFromEnvironment: loopback is never proxied (CI service registries).
            noProxy: [envVar('NO_PROXY'), 'localhost,127.0.0.1,::1'].filter(Boolean).join(','),
          })
        : new Agent({ connections, connect: { lookup: guardedLookup() } }));
    const timeout = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    if (!(timeout > 0))
      throw new GateError('USAGE', `request timeout: ${timeout} ms is not positive`);
    this.governor = new RegistryGovernor({
      concurrency: opts.concurrencyPerRegistry ?? connections,
      ...(opts.deadline !== undefined ? { deadline: opts.deadline } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      log,
    });
    this.transport = new HttpTransport({
      governor: this.governor,
      dispatcher: this.dispatcher,
      requestTimeoutMs: timeout,
      retries: Math.max(1, opts.retries ?? DEFAULT_RETRIES),
      ...(opts.signal ? { signal: opts.signal } : {}),
      // A dispatcher of ours ends at the deadline as a whole (below); a given one is not ours to
      // destroy, so each of its requests carries the signal.
      ...(opts.signal && !this.ownsDispatcher ? { requestSignal: opts.signal } : {}),
      insecureRegistries: insecure,
      ...(userLog ? { log } : {}),
      redact,
    });
    this.stats = this.transport.stats;
    if (opts.signal && this.ownsDispatcher) this.endAtDeadline(opts.signal);
    const resolver = new CredentialResolver({
      ...(opts.credentials ? { credentials: opts.credentials } : {}),
      ...(opts.dockerConfigPath !== undefined ? { dockerConfigPath: opts.dockerConfigPath } : {}),
      ...(opts.dockerConfig ? { dockerConfig: opts.dockerConfig } : {}),
      ...(opts.githubToken ? { githubToken: opts.githubToken } : {}),
      ...(opts.runCredentialHelper ? { runHelper: opts.runCredentialHelper } : {}),
      env,
      log,
    });
    this.auth = new RegistryAuth(this.transport, resolver, insecure, secrets, log);
  }

  /**
   * Authenticated GETs scoped to one repository (sources/registry.ts `registryStore` makes the
   * content store of it). `registry` is host[:port] as written in the image ref.
   */
  repository(registry: string, repository: string): RepositoryGetter {
    const r = this.scoped(registry, repository, 'pull');
    let referrersApi = this.referrersApi.get(r.origin);
    if (!referrersApi) this.referrersApi.set(r.origin, (referrersApi = {}));
    return {
      name: r.name,
      repository: r.repository,
      origin: r.origin,
      referrersApi,
      countsPulls: () => r.countsPulls(),
      get: (pathAndQuery, o) =>
        r.send({
          method: o.method ?? 'GET',
          pathAndQuery,
          headers: { accept: o.accept },
          maxBytes: o.maxBytes,
          what: o.what,
          ...(o.offOrigin429 ? { offOrigin429: o.offOrigin429 } : {}),
        }),
    };
  }

  /**
   * Authenticated requests with push rights on one repository (summaries/push.ts): the same
   * transport, credentials and token cache as reads, with the scope `pull,push`.
   */
  writer(registry: string, repository: string): RepositoryWriter {
    return this.scoped(registry, repository, 'pull,push');
  }

  private scoped(
    registry: string,
    repository: string,
    actions: string,
  ): RepositoryWriter & { countsPulls(): boolean } {
    const host = normalizeHost(registry);
    if (host === undefined || host.includes('/'))
      throw new GateError('REF_INVALID', `registry ${quote(registry)} is not a host[:port]`);
    // Docker Hub's official images live under library/, which users leave out.
    const repo =
      isDockerHub(host) && !repository.includes('/') ? `library/${repository}` : repository;
    if (!isRepositoryName(repo))
      throw new GateError(
        'REF_INVALID',
        `repository ${quote(repository)} on ${host} is not a valid repository name`,
      );
    const apiHost = apiHostFor(host);
    const scheme = isPlainHttpAllowed(apiHost, this.insecure) ? 'http' : 'https';
    const origin = `${scheme}://${apiHost}`;
    const target = { registry: host, apiHost, scope: `repository:${repo}:${actions}` };
    return {
      name: `${host}/${repo}`,
      repository: repo,
      origin,
      countsPulls: () => this.governor.countsPulls(apiHost),
      send: async (o) => {
        const url = new URL(o.pathAndQuery, origin);
        if (url.origin !== origin)
          throw new GateError('INTERNAL', `path ${quote(o.pathAndQuery)} leaves ${origin}`);
        const base = {
          url,
          method: o.method,
          headers: o.headers,
          ...(o.body !== undefined ? { body: o.body } : {}),
          maxBytes: o.maxBytes,
          what: o.what,
          registryHost: apiHost,
          ...(o.offOrigin429 ? { offOrigin429: o.offOrigin429 } : {}),
        };
        // No await (a promise, a tick) for a registry that asked for no credentials so far.
        let authorization = this.auth.knows(apiHost)
          ? await this.auth.preemptive(target)
          : undefined;
        let res = await this.transport.request({
          ...base,
          ...(authorization ? { authorization } : {}),
        });
        if (res.status === 401) {
          authorization = await this.auth.onUnauthorized(
            target,
            res.headers.get('www-authenticate'),
            authorization,
          );
          res = await this.transport.request({ ...base, authorization });
        }
        if (res.status === 401 || res.status === 403) {
          throw new GateError(
            'AUTH_REFUSED',
            `${o.what}: registry ${host} refused access (HTTP ${res.status}${errorDetail(res)})`,
          );
        }
        return res;
      },
    };
  }

  /**
   * The run's deadline ends every request of ours at once: the dispatcher is destroyed with the
   * signal's reason when it fires, and each request then fails as the deadline (http-errors.ts
   * reads the signal). Not a signal per request: undici adds and removes an abort listener on
   * the shared signal for each one, about 3 % of a key-signed image's CPU (measured, issue 15).
   */
  private endAtDeadline(signal: AbortSignal): void {
    const end = (): void => {
      this.ended = true;
      this.dispatcher.destroy(signal.reason as Error).catch(() => undefined);
    };
    if (signal.aborted) return end();
    signal.addEventListener('abort', end, { once: true });
    this.stopDeadline = () => signal.removeEventListener('abort', end);
  }

  private stopDeadline = (): void => undefined;
  private ended = false;

  /**
   * Waits for the requests in flight, then closes the dispatcher. The deadline still ends them
   * while it waits: undici's Agent, once closing, no longer aborts its requests when destroyed
   * (undici 8.12, measured), so it is closed only when none is left.
   */
  async close(): Promise<void> {
    if (this.ownsDispatcher && !this.ended) await this.transport.idle();
    this.stopDeadline();
    if (!this.ownsDispatcher || this.ended) return;
    this.ended = true;
    await this.dispatcher.close();
  }
}

export type { ReferrersApiState, RepositoryGetter, RepositoryWriter } from './repository.js';
