// Registry authentication: lazy challenge on the first 401, Basic or Bearer token flow, one
// cached token per registry+scope, realm checks before any credential leaves the process.
import { GateError } from '../errors.js';
import type { SecretRegistry } from '../secrets.js';
import type { Credential, CredentialResolver } from './credentials.js';
import { quote } from './digest.js';
import { redactUrl } from '../net/addresses.js';
import { assertRealmAllowed } from './hosts.js';
import type { HttpResponse, HttpTransport } from './http.js';
import { errorDetail } from './http-errors.js';
import { MAX_TOKEN_BYTES } from './limits.js';
import { parseWwwAuthenticate } from './www-authenticate.js';

type Scheme = { kind: 'basic' } | { kind: 'bearer'; realm: URL; service?: string };

interface CachedToken {
  value: string;
  expiresAt: number;
}

/** Tokens live at least this long unless the service says otherwise (distribution token spec). */
const DEFAULT_TOKEN_TTL_S = 60;
/** OAuth2 client_id sent with identity tokens (the spec requires one; registries ignore it). */
const OAUTH_CLIENT_ID = 'image-gate';
const TOKEN_SAFETY_MARGIN_MS = 5_000;

export interface AuthTarget {
  /** host[:port] the user named (credential lookup). */
  registry: string;
  /** host[:port] the API lives on (realm and redirect checks). */
  apiHost: string;
  scope: string;
}

export class RegistryAuth {
  private readonly schemes = new Map<string, Scheme>();
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<string>>();
  /**
   * Scopes a registry's challenge asked for beyond the one requested, per `apiHost scope`: every
   * later token for that target carries them too (go-containerregistry's bearer transport
   * accumulates them likewise), so the registry asks only once.
   */
  private readonly extraScopes = new Map<string, string[]>();

  constructor(
    private readonly transport: HttpTransport,
    private readonly credentials: CredentialResolver,
    private readonly insecureRegistries: ReadonlySet<string>,
    /** Every credential sent and token received is registered here before it leaves or is used. */
    private readonly secrets: SecretRegistry,
    private readonly log: (msg: string) => void,
  ) {}

  /** Whether a scheme was learnt for the registry (preemptive has something to say). */
  knows(apiHost: string): boolean {
    return this.schemes.has(apiHost);
  }

  /** Authorization to send up front, once the registry's scheme is known; undefined before that. */
  async preemptive(t: AuthTarget): Promise<string | undefined> {
    const scheme = this.schemes.get(t.apiHost);
    if (!scheme) return undefined;
    if (scheme.kind === 'basic') {
      const c = await this.credentials.resolve(t.registry);
      return c && !c.identityToken ? this.basic(c) : undefined;
    }
    return `Bearer ${await this.token(t, scheme)}`;
  }

  /**
   * The scopes to ask the token service for on `t`'s behalf: those its challenges asked for
   * first (go-containerregistry transport/bearer.go: "Some registries seem to only look at the
   * first scope parameter"), then the one requested.
   */
  private scopesOf(t: AuthTarget): string[] {
    return [...(this.extraScopes.get(`${t.apiHost} ${t.scope}`) ?? []), t.scope];
  }

  /**
   * Remembers the scopes of a Bearer challenge that `t` lacks (ACR documents taking the scope
   * from the challenge of the operation, azure.github.io/acr/Token-BasicAuth.html; an
   * `insufficient_scope` challenge names it, RFC 6750 3.1). Only actions on `t`'s own repository
   * are taken, and never more than `t` asks for in kind: no `push` for a pull, no `delete` or
   * `*`; any other scope is left out, and the registry's refusal then stands. True if one was new.
   */
  private widen(t: AuthTarget, challengeScope: string | undefined): boolean {
    if (challengeScope === undefined) return false;
    const key = `${t.apiHost} ${t.scope}`;
    const have = this.scopesOf(t);
    const mine = /^repository:(.+):([^:]+)$/.exec(t.scope);
    if (!mine) return false;
    const [, repo, actions] = mine;
    const pushing = actions.split(',').includes('push');
    const added: string[] = [];
    for (const want of challengeScope.split(' ').filter(Boolean)) {
      if (have.includes(want) || added.includes(want)) continue;
      const m = /^repository(?:\([a-z0-9]+\))?:(.+):([^:]+)$/.exec(want);
      const wanted = m?.[2].split(',') ?? [];
      if (
        !m ||
        m[1] !== repo ||
        wanted.some((a) => a === '*' || a === 'delete' || (a === 'push' && !pushing))
      ) {
        this.log(`registry ${t.registry} asked for scope ${quote(want)}: not requested`);
        continue;
      }
      // Already covered: an action list asked for (in any order) holds every action wanted.
      const held = [...have, ...added].flatMap((h) => {
        const x = /^repository(?:\([a-z0-9]+\))?:(.+):([^:]+)$/.exec(h);
        return x && x[1] === repo ? [x[2].split(',')] : [];
      });
      if (held.some((acts) => wanted.every((a) => acts.includes(a)))) continue;
      added.push(want);
    }
    if (added.length === 0) return false;
    this.extraScopes.set(key, [...added, ...(this.extraScopes.get(key) ?? [])]);
    this.log(`registry ${t.registry} asked for scope ${added.join(' ')} too: requesting it`);
    return true;
  }

  /**
   * A 401 arrived. Learn the challenge and return the Authorization to retry with; throws
   * AUTH_REFUSED when there is nothing new to try (no credentials, or they were just refused).
   */
  async onUnauthorized(
    t: AuthTarget,
    challengeHeader: string | null,
    sent: string | undefined,
  ): Promise<string> {
    const { scheme, scope } = this.learn(t, challengeHeader);
    if (scheme.kind === 'basic') {
      const c = await this.credentials.resolve(t.registry);
      if (!c)
        throw new GateError(
          'AUTH_REFUSED',
          `registry ${t.registry} requires credentials (Basic) and none are configured for ${t.registry}`,
        );
      if (c.identityToken)
        throw new GateError(
          'AUTH_REFUSED',
          `registry ${t.registry} asks for Basic credentials, but ${c.source} is an identity token, which only a token service takes`,
        );
      const header = this.basic(c);
      if (sent === header)
        throw new GateError(
          'AUTH_REFUSED',
          `registry ${t.registry} refused the credentials from ${c.source}`,
        );
      return header;
    }
    // The challenge names a scope the token lacks: a token for it too. Otherwise the token we
    // sent was refused (expired, revoked): fetch a fresh one, once.
    if (this.widen(t, scope)) return `Bearer ${await this.token(t, scheme)}`;
    const rejected = sent?.startsWith('Bearer ') ? sent.slice(7) : undefined;
    return `Bearer ${await this.token(t, scheme, rejected)}`;
  }

  private learn(t: AuthTarget, header: string | null): { scheme: Scheme; scope?: string } {
    if (header === null)
      throw new GateError(
        'AUTH_REFUSED',
        `registry ${t.registry} answered 401 without a WWW-Authenticate challenge`,
      );
    const challenges = parseWwwAuthenticate(header);
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm !== undefined);
    let scheme: Scheme;
    if (bearer) {
      const realm = assertRealmAllowed(bearer.params.realm, t.apiHost, this.insecureRegistries);
      scheme = {
        kind: 'bearer',
        realm,
        ...(bearer.params.service !== undefined ? { service: bearer.params.service } : {}),
      };
    } else if (challenges.some((c) => c.scheme === 'basic')) {
      scheme = { kind: 'basic' };
    } else {
      throw new GateError(
        'AUTH_REFUSED',
        `registry ${t.registry} asks for an unsupported authentication scheme ${quote(this.secrets.redact(header))}`,
      );
    }
    this.schemes.set(t.apiHost, scheme);
    return {
      scheme,
      ...(bearer?.params.scope !== undefined ? { scope: bearer.params.scope } : {}),
    };
  }

  private basic(c: Credential): string {
    this.secrets.addCredential(c.username, c.password);
    return `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`;
  }

  /** The cached token for the scope, or a new one; `rejected` is a token the registry just refused. */
  private token(
    t: AuthTarget,
    scheme: Scheme & { kind: 'bearer' },
    rejected?: string,
  ): Promise<string> {
    const key = `${t.apiHost} ${scheme.realm.href} ${this.scopesOf(t).join(' ')}`;
    const cached = this.tokens.get(key);
    // Concurrent 401s for one expired token must not each throw away the replacement.
    if (cached && cached.value !== rejected && cached.expiresAt > Date.now()) {
      return Promise.resolve(cached.value);
    }
    this.tokens.delete(key);
    let p = this.inflight.get(key);
    if (!p) {
      p = this.fetchToken(t, scheme).then(
        (tok) => {
          this.tokens.set(key, tok);
          this.inflight.delete(key);
          return tok.value;
        },
        (e: unknown) => {
          this.inflight.delete(key);
          throw e;
        },
      );
      this.inflight.set(key, p);
    }
    return p;
  }

  private async fetchToken(
    t: AuthTarget,
    scheme: Scheme & { kind: 'bearer' },
  ): Promise<CachedToken> {
    const cred = await this.credentials.resolve(t.registry);
    const url = new URL(scheme.realm.href);
    const scopes = this.scopesOf(t);
    const common = {
      maxBytes: MAX_TOKEN_BYTES,
      what: `token for ${scopes.join(' ')}`,
      registryHost: t.apiHost,
    };
    let res: HttpResponse;
    if (cred?.identityToken) {
      // OAuth2 refresh_token grant (distribution's token spec, oauth.md), as docker and
      // go-containerregistry send it: a form POSTed to the realm, nothing in the URL.
      this.secrets.add(cred.password);
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: cred.password,
        client_id: OAUTH_CLIENT_ID,
        // OAuth2 joins scopes with spaces in one field (RFC 6749 3.3), as go-containerregistry
        // POSTs them; the GET below repeats the parameter (distribution token spec).
        scope: scopes.join(' '),
        ...(scheme.service !== undefined ? { service: scheme.service } : {}),
      });
      this.log(`token for ${scopes.join(' ')} from ${redactUrl(url)} (OAuth2, ${cred.source})`);
      res = await this.transport.request({
        ...common,
        url,
        method: 'POST',
        body: form.toString(),
        headers: {
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
        },
      });
      if (res.status === 404 || res.status === 405)
        throw new GateError(
          'AUTH_REFUSED',
          `token service ${url.host} of registry ${t.registry} does not take OAuth2 POST requests (HTTP ${res.status}), which the identity token from ${cred.source} needs`,
        );
    } else {
      if (scheme.service !== undefined) url.searchParams.set('service', scheme.service);
      for (const sc of scopes) url.searchParams.append('scope', sc);
      this.log(
        `token for ${scopes.join(' ')} from ${redactUrl(url)} (${cred ? cred.source : 'anonymous'})`,
      );
      res = await this.transport.request({
        ...common,
        url,
        headers: { accept: 'application/json' },
        ...(cred ? { authorization: this.basic(cred) } : {}),
      });
    }
    // errorDetail redacts the run's secrets: a token service that echoes the secret it was sent
    // must not put it into the report.
    const detail = errorDetail(res);
    // OAuth2 answers an unusable refresh token with 400 invalid_grant (RFC 6749 section 5.2).
    if (res.status === 401 || res.status === 403 || (cred?.identityToken && res.status === 400)) {
      throw new GateError(
        'AUTH_REFUSED',
        `token service ${url.host} of registry ${t.registry} refused ${cred ? `the credentials from ${cred.source}` : 'anonymous access'} (HTTP ${res.status}${detail})`,
      );
    }
    if (res.status !== 200) {
      throw new GateError(
        'REGISTRY_ERROR',
        `token service ${url.host} of registry ${t.registry} answered HTTP ${res.status}${detail}`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(res.body));
    } catch (e: unknown) {
      throw new GateError(
        'REGISTRY_ERROR',
        `token service ${url.host} of registry ${t.registry} sent a response that is not JSON`,
        { cause: e },
      );
    }
    const o = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const value = typeof o.token === 'string' && o.token !== '' ? o.token : o.access_token;
    // A token goes into a header: visible ASCII only, so it cannot smuggle header lines.
    if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value)) {
      throw new GateError(
        'REGISTRY_ERROR',
        `token service ${url.host} of registry ${t.registry} sent no usable "token" or "access_token"`,
      );
    }
    this.secrets.add(value);
    // A refresh token the service hands out is as good as the identity token it replaces.
    if (typeof o.refresh_token === 'string') this.secrets.add(o.refresh_token);
    const ttl =
      typeof o.expires_in === 'number' && o.expires_in > 0
        ? Math.max(o.expires_in, DEFAULT_TOKEN_TTL_S)
        : DEFAULT_TOKEN_TTL_S;
    return { value, expiresAt: Date.now() + ttl * 1000 - TOKEN_SAFETY_MARGIN_MS };
  }
}
