// Picks registry credentials: explicit inputs, Docker config (auths, credHelpers, credsStore) and
// the GitHub token for ghcr.io only. Matching is by exact host[:port] (@sigstore/oci GHSA-pf56).
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { GateError } from '../errors.js';
import { quote } from './digest.js';
import { DOCKER_HUB_CONFIG_KEY, isDockerHub, normalizeHost } from './hosts.js';
import {
  CRED_HELPER_TIMEOUT_MS,
  MAX_CRED_HELPER_OUTPUT,
  MAX_DOCKER_CONFIG_BYTES,
} from './limits.js';

export interface Credential {
  username: string;
  /** The password, or with `identityToken` the OAuth2 refresh token. */
  password: string;
  /**
   * An identity token (Docker config `identitytoken`, or a credential helper's `<token>` user, as
   * `az acr login` writes): exchanged at the registry's token service by an OAuth2
   * refresh_token grant, never sent as Basic credentials.
   */
  identityToken?: boolean;
  /** Where it came from, for debug lines (never the secret). */
  source: string;
}

export interface ExplicitCredential {
  registry: string;
  username: string;
  password: string;
}

interface AuthEntry {
  auth?: unknown;
  username?: unknown;
  password?: unknown;
  identitytoken?: unknown;
}

export interface DockerConfig {
  auths?: Record<string, AuthEntry>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** Runs `docker-credential-<helper> get` with `serverUrl` on stdin; stdout, or undefined if not found. */
export type CredentialHelperRunner = (
  helper: string,
  serverUrl: string,
) => Promise<string | undefined>;

export interface CredentialOptions {
  credentials?: ExplicitCredential[];
  /** Default: $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
  dockerConfigPath?: string;
  /**
   * The Docker config, already read (`loadDockerConfig`): the run reads it once at its start, so
   * a bad one is the run's error, said once, not every image's. Wins over `dockerConfigPath`.
   */
  dockerConfig?: DockerConfig;
  /** Used for host `ghcr.io` exactly, nowhere else. */
  githubToken?: string;
  env?: NodeJS.ProcessEnv;
  runHelper?: CredentialHelperRunner;
  log?: (msg: string) => void;
}

export const GITHUB_CONTAINER_REGISTRY = 'ghcr.io';

export function defaultDockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.DOCKER_CONFIG;
  return dir ? join(dir, 'config.json') : join(homedir(), '.docker', 'config.json');
}

/**
 * Does a config key or input (`host`, `https://host`, `https://index.docker.io/v1/`) name exactly
 * `host`? Docker Hub's aliases count as one host; nothing else is fuzzy.
 */
export function registryKeyMatches(key: string, host: string): boolean {
  const k = normalizeHost(key);
  const h = normalizeHost(host);
  if (k === undefined || h === undefined) return false;
  if (k === h) return true;
  return isDockerHub(k) && isDockerHub(h);
}

/** Username/password of the `auths` entry for `host`, if it has any. */
export function credentialFromAuths(config: DockerConfig, host: string): Credential | undefined {
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    if (!registryKeyMatches(key, host) || typeof entry !== 'object' || entry === null) continue;
    // Docker prefers the identity token to the `auth` username (often `<token>:`) beside it.
    if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
      return {
        username: '<token>',
        password: entry.identitytoken,
        identityToken: true,
        source: `docker config auths[${key}] identitytoken`,
      };
    }
    if (typeof entry.auth === 'string' && entry.auth !== '') {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      if (i > 0)
        return {
          username: decoded.slice(0, i),
          password: decoded.slice(i + 1),
          source: `docker config auths[${key}]`,
        };
    }
    if (
      typeof entry.username === 'string' &&
      typeof entry.password === 'string' &&
      entry.username !== ''
    ) {
      return {
        username: entry.username,
        password: entry.password,
        source: `docker config auths[${key}]`,
      };
    }
  }
  return undefined;
}

/** The credential helper responsible for `host`: `credHelpers[host]`, else `credsStore`. */
export function helperFor(config: DockerConfig, host: string): string | undefined {
  for (const [key, helper] of Object.entries(config.credHelpers ?? {})) {
    if (registryKeyMatches(key, host) && typeof helper === 'string') return helper;
  }
  return undefined;
}

/**
 * A Docker config as `docker` itself reads it, refused whole where `docker` refuses it: not JSON,
 * not an object, `auths` or `credHelpers` not an object, an entry or a field of the wrong type, an
 * `auth` that is not base64 of `user:password`, a helper name that is not one. Skipping the bad
 * part would pull anonymously without the credentials it holds. Messages name the file and the
 * key, never a value (it may be a secret).
 */
export function parseDockerConfig(text: string, path: string): DockerConfig {
  const bad = (why: string) => new GateError('USAGE', `docker config ${path}: ${why}`);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e: unknown) {
    throw new GateError('USAGE', `docker config ${path}: not JSON`, { cause: e });
  }
  if (!isRecord(v)) throw bad('not a JSON object');
  const cfg: DockerConfig = {};
  if (v.auths !== undefined && v.auths !== null) {
    if (!isRecord(v.auths)) throw bad('auths is not an object');
    for (const [key, entry] of Object.entries(v.auths)) checkAuthEntry(key, entry, bad);
    cfg.auths = v.auths as Record<string, AuthEntry>;
  }
  if (v.credHelpers !== undefined && v.credHelpers !== null) {
    if (!isRecord(v.credHelpers)) throw bad('credHelpers is not an object');
    for (const [key, helper] of Object.entries(v.credHelpers))
      if (typeof helper !== 'string' || !HELPER_NAME.test(helper))
        throw bad(`credHelpers[${quote(key)}] is not a credential helper name`);
    cfg.credHelpers = v.credHelpers as Record<string, string>;
  }
  if (v.credsStore !== undefined && v.credsStore !== null && v.credsStore !== '') {
    if (typeof v.credsStore !== 'string' || !HELPER_NAME.test(v.credsStore))
      throw bad('credsStore is not a credential helper name');
    cfg.credsStore = v.credsStore;
  }
  return cfg;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `docker-credential-<name>`: a name that cannot leave that prefix (`../../bin/sh`). */
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function checkAuthEntry(key: string, entry: unknown, bad: (why: string) => GateError): void {
  const at = `auths[${quote(key)}]`;
  if (!isRecord(entry)) throw bad(`${at} is not an object`);
  for (const field of ['auth', 'username', 'password', 'identitytoken'])
    if (entry[field] !== undefined && entry[field] !== null && typeof entry[field] !== 'string')
      throw bad(`${at}.${field} is not a string`);
  const auth = entry.auth;
  if (typeof auth !== 'string' || auth === '') return;
  // As docker's decodeAuth: standard base64 of `user:password`, with a user.
  const decoded = BASE64.test(auth) ? Buffer.from(auth, 'base64').toString('utf8') : '';
  if (decoded.indexOf(':') <= 0) throw bad(`${at}.auth is not base64 of user:password`);
}

/** Resolves and caches one credential (or none) per registry host. */
export class CredentialResolver {
  private config: Promise<DockerConfig> | undefined;
  private readonly cache = new Map<string, Promise<Credential | undefined>>();
  private readonly runHelper: CredentialHelperRunner;

  constructor(private readonly opts: CredentialOptions = {}) {
    this.runHelper = opts.runHelper ?? runCredentialHelper;
  }

  resolve(host: string): Promise<Credential | undefined> {
    const key = normalizeHost(host) ?? host;
    let p = this.cache.get(key);
    if (!p) {
      p = this.lookup(key);
      this.cache.set(key, p);
    }
    return p;
  }

  private async lookup(host: string): Promise<Credential | undefined> {
    for (const c of this.opts.credentials ?? []) {
      if (registryKeyMatches(c.registry, host))
        return { username: c.username, password: c.password, source: 'explicit credentials' };
    }
    const config = await this.loadConfig();
    const helper = helperFor(config, host);
    if (helper !== undefined) return this.fromHelper(helper, host);
    const fromAuths = credentialFromAuths(config, host);
    if (fromAuths) return fromAuths;
    if (config.credsStore !== undefined) {
      const c = await this.fromHelper(config.credsStore, host);
      if (c) return c;
    }
    if (this.opts.githubToken && host === GITHUB_CONTAINER_REGISTRY) {
      return {
        username: 'x-access-token',
        password: this.opts.githubToken,
        source: 'GitHub token',
      };
    }
    return undefined;
  }

  private async fromHelper(helper: string, host: string): Promise<Credential | undefined> {
    if (!HELPER_NAME.test(helper)) {
      throw new GateError(
        'USAGE',
        `docker config: credential helper name ${quote(helper)} is not valid`,
      );
    }
    const serverUrl = isDockerHub(host) ? DOCKER_HUB_CONFIG_KEY : host;
    const out = await this.runHelper(helper, serverUrl);
    if (out === undefined) return undefined;
    let v: unknown;
    try {
      v = JSON.parse(out);
    } catch (e: unknown) {
      throw new GateError(
        'AUTH_REFUSED',
        `docker-credential-${helper} get ${serverUrl}: output is not JSON`,
        { cause: e },
      );
    }
    const o = isRecord(v) ? v : {};
    if (typeof o.Username !== 'string' || typeof o.Secret !== 'string' || o.Secret === '') {
      throw new GateError(
        'AUTH_REFUSED',
        `docker-credential-${helper} get ${serverUrl}: output lacks Username/Secret`,
      );
    }
    if (o.Username === '<token>') {
      return {
        username: '<token>',
        password: o.Secret,
        identityToken: true,
        source: `credential helper ${helper} (identity token)`,
      };
    }
    return { username: o.Username, password: o.Secret, source: `credential helper ${helper}` };
  }

  private loadConfig(): Promise<DockerConfig> {
    this.config ??= this.opts.dockerConfig
      ? Promise.resolve(this.opts.dockerConfig)
      : loadDockerConfig(this.opts.dockerConfigPath, this.opts.env);
    return this.config;
  }
}

/**
 * Reads and checks the Docker config at `path` (default: $DOCKER_CONFIG/config.json, else
 * ~/.docker/config.json). A default path that does not exist is no config; one given that does
 * not exist, or any that cannot be read or parsed, is a USAGE error naming the file.
 */
export async function loadDockerConfig(
  path?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DockerConfig> {
  const explicit = path !== undefined;
  const file = path ?? defaultDockerConfigPath(env);
  let text: string;
  try {
    const buf = await readFile(file);
    if (buf.length > MAX_DOCKER_CONFIG_BYTES)
      throw new GateError(
        'LIMIT_EXCEEDED',
        `docker config ${file}: larger than ${MAX_DOCKER_CONFIG_BYTES} bytes`,
      );
    text = buf.toString('utf8');
  } catch (e: unknown) {
    if (e instanceof GateError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !explicit) return {};
    throw new GateError('USAGE', `docker config ${file}: cannot read (${(e as Error).message})`, {
      cause: e,
    });
  }
  // A config that exists but cannot be read or parsed is an error naming the file, as `docker`
  // itself refuses it: skipping it would pull anonymously without the credentials it holds.
  return parseDockerConfig(text, file);
}

/** The real `docker-credential-<helper> get` protocol: server URL on stdin, JSON on stdout. */
export async function runCredentialHelper(
  helper: string,
  serverUrl: string,
): Promise<string | undefined> {
  const bin = `docker-credential-${helper}`;
  // Loaded here: most runs use no helper, and child_process costs a cold start 1-2 ms.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(bin, ['get'], {
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: CRED_HELPER_TIMEOUT_MS,
      });
    } catch (e: unknown) {
      reject(new GateError('AUTH_REFUSED', `${bin}: cannot start`, { cause: e }));
      return;
    }
    const out: Buffer[] = [];
    let size = 0;
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size <= MAX_CRED_HELPER_OUTPUT) out.push(b);
      else child.kill();
    });
    child.stderr.resume();
    child.on('error', (e: Error) =>
      reject(new GateError('AUTH_REFUSED', `${bin}: cannot run (${e.message})`, { cause: e })),
    );
    child.on('close', (code: number | null) => {
      const text = Buffer.concat(out).toString('utf8');
      if (size > MAX_CRED_HELPER_OUTPUT)
        reject(
          new GateError(
            'LIMIT_EXCEEDED',
            `${bin}: output larger than ${MAX_CRED_HELPER_OUTPUT} bytes`,
          ),
        );
      else if (code === 0) resolve(text);
      else if (/credentials not found/i.test(text)) resolve(undefined);
      else
        reject(
          new GateError('AUTH_REFUSED', `${bin} get ${serverUrl}: exit code ${code ?? 'signal'}`),
        );
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(serverUrl);
  });
}
