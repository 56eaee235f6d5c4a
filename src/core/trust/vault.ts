// Fetches the latest public key of a HashiCorp Vault transit key named `hashivault://NAME`, with
// the environment cosign's Vault provider reads (VAULT_ADDR, VAULT_TOKEN, TRANSIT_SECRET_ENGINE_PATH).
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GateError } from '../errors.js';
import { isLoopbackHost, redactUrl } from '../registry/hosts.js';

export interface VaultOptions {
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

/** sigstore's hashivault reference grammar: word characters, dots and dashes inside. */
const VAULT_REF = /^hashivault:\/\/(\w(?:[\w.-]*\w)?)$/;
const MOUNT_SEGMENT = /^[\w.-]+$/;
const MAX_RESPONSE_BYTES = 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

function unreadable(ref: string, why: string, cause?: unknown): GateError {
  return new GateError(
    'KEY_UNREADABLE',
    `key ${ref}: ${why}`,
    cause === undefined ? undefined : { cause },
  );
}

export function parseVaultRef(ref: string): string {
  const m = VAULT_REF.exec(ref);
  if (!m?.[1])
    throw unreadable(ref, 'not a Vault reference (expected hashivault://<transit key name>)');
  return m[1];
}

function vaultAddress(ref: string, env: NodeJS.ProcessEnv): URL {
  const addr = env.VAULT_ADDR;
  if (!addr) throw unreadable(ref, 'VAULT_ADDR is not set');
  let url: URL;
  try {
    url = new URL(addr);
  } catch (e: unknown) {
    throw unreadable(ref, `VAULT_ADDR "${addr}" is not a URL`, e);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw unreadable(ref, `VAULT_ADDR "${addr}" is not an http(s) URL`);
  }
  // The token would travel in clear and a forged answer would replace the trusted key.
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new GateError(
      'INSECURE',
      `key ${ref}: VAULT_ADDR ${addr} is plain HTTP to a non-loopback host (use https)`,
    );
  }
  return url;
}

function transitMount(ref: string, env: NodeJS.ProcessEnv): string {
  const raw = env.TRANSIT_SECRET_ENGINE_PATH || 'transit';
  const segments = raw.split('/').filter((s) => s !== '');
  if (
    segments.length === 0 ||
    segments.some((s) => !MOUNT_SEGMENT.test(s) || s === '.' || s === '..')
  ) {
    throw unreadable(ref, `TRANSIT_SECRET_ENGINE_PATH "${raw}" is not a mount path`);
  }
  return segments.join('/');
}

/** The token in ~/.vault-token, as the Vault CLI leaves it after `vault login`, if any. */
export async function vaultTokenFile(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const home = env.HOME ?? env.USERPROFILE;
  if (!home) return undefined;
  try {
    const token = (await readFile(path.join(home, '.vault-token'), 'utf8')).trim();
    return token === '' ? undefined : token;
  } catch {
    return undefined;
  }
}

/** VAULT_TOKEN, else ~/.vault-token. */
async function vaultToken(ref: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (env.VAULT_TOKEN) return env.VAULT_TOKEN;
  const token = await vaultTokenFile(env);
  if (token !== undefined) return token;
  throw unreadable(ref, 'VAULT_TOKEN is not set and there is no ~/.vault-token');
}

async function readCapped(ref: string, res: Response): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_RESPONSE_BYTES)
    throw unreadable(ref, `Vault response is ${declared} bytes (limit ${MAX_RESPONSE_BYTES})`);
  if (!res.body) return '';
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_RESPONSE_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw unreadable(ref, `Vault response exceeds ${MAX_RESPONSE_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Vault's `errors`, with the token replaced should the server (or a proxy) quote it back. */
function vaultErrors(body: string, token: string): string {
  try {
    const errors = obj(JSON.parse(body))?.errors;
    if (Array.isArray(errors) && errors.length > 0)
      return `: ${errors.map(String).join('; ').split(token).join('***')}`;
  } catch {
    // Not JSON: the status alone says enough.
  }
  return '';
}

/** The public key of the latest version, from Vault's `GET transit/keys/:name` answer. */
export function publicKeyFromTransitResponse(ref: string, body: string): KeyObject {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e: unknown) {
    throw unreadable(ref, 'Vault answered with something that is not JSON', e);
  }
  const data = obj(obj(doc)?.data);
  const keys = obj(data?.keys);
  const latest = data?.latest_version;
  if (!data || !keys || typeof latest !== 'number' || !Number.isInteger(latest)) {
    throw unreadable(ref, 'Vault transit answer lacks data.keys / data.latest_version');
  }
  const entry = obj(keys[String(latest)]);
  const type = typeof data.type === 'string' ? data.type : 'unknown';
  const publicKey = entry?.public_key;
  if (typeof publicKey !== 'string' || publicKey === '') {
    throw unreadable(
      ref,
      `Vault transit key (type ${type}) has no public key for version ${latest}; it is not an asymmetric signing key`,
    );
  }
  try {
    // Vault returns Ed25519 keys as base64 of the raw 32 bytes, every other type as PEM.
    if (entry?.name === 'ed25519' || type === 'ed25519') {
      const raw = Buffer.from(publicKey, 'base64');
      if (raw.length !== 32) throw new Error(`Ed25519 key is ${raw.length} bytes, expected 32`);
      return createPublicKey({
        key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
        format: 'jwk',
      });
    }
    return createPublicKey({ key: publicKey, format: 'pem' });
  } catch (e: unknown) {
    throw unreadable(
      ref,
      `Vault transit public key (type ${type}, version ${latest}) does not parse`,
      e,
    );
  }
}

export async function fetchVaultPublicKey(ref: string, opts: VaultOptions): Promise<KeyObject> {
  const { env } = opts;
  const name = parseVaultRef(ref);
  const base = vaultAddress(ref, env);
  const mount = transitMount(ref, env);
  const token = await vaultToken(ref, env);
  // fetch would refuse it with a message quoting the whole value.
  if (!/^[\x21-\x7e]+$/.test(token))
    throw unreadable(ref, 'the Vault token holds white space or characters a header cannot carry');
  const url = `${base.origin}${base.pathname.replace(/\/+$/, '')}/v1/${mount}/keys/${name}`;

  const timeoutSeconds = Number(env.VAULT_CLIENT_TIMEOUT);
  const timeoutMs = timeoutSeconds > 0 ? timeoutSeconds * 1000 : DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    'X-Vault-Token': token,
    'X-Vault-Request': 'true',
    Accept: 'application/json',
  };
  if (env.VAULT_NAMESPACE) headers['X-Vault-Namespace'] = env.VAULT_NAMESPACE;

  let res: Response;
  let body: string;
  try {
    // Redirects are not followed: fetch would carry X-Vault-Token to wherever they point.
    res = await fetch(url, { headers, redirect: 'manual', signal });
    body = await readCapped(ref, res);
  } catch (e: unknown) {
    if (e instanceof GateError) throw e;
    if (opts.signal?.aborted) {
      if (opts.signal.reason instanceof GateError) throw opts.signal.reason;
      throw new GateError('TIMEOUT', `key ${ref}: Vault request was cancelled`, {
        cause: opts.signal.reason,
      });
    }
    if (timeout.aborted)
      throw unreadable(ref, `Vault at ${base.origin} did not answer within ${timeoutMs} ms`, e);
    const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
    const why =
      typeof cause?.code === 'string' ? cause.code : e instanceof Error ? e.message : String(e);
    throw unreadable(ref, `cannot reach Vault at ${base.origin} (${why})`, e);
  }

  if (res.status === 200) return publicKeyFromTransitResponse(ref, body);
  if (res.status >= 300 && res.status < 400) {
    throw unreadable(
      ref,
      `Vault at ${base.origin} redirected (${res.status} to ${redirectTarget(res, new URL(url), token)}); set VAULT_ADDR to the active node`,
    );
  }
  if (res.status === 403)
    throw unreadable(
      ref,
      `Vault denied reading transit key "${name}" at ${mount} (403${vaultErrors(body, token)})`,
    );
  if (res.status === 404)
    throw unreadable(ref, `Vault has no transit key "${name}" at mount ${mount} (404)`);
  throw unreadable(
    ref,
    `Vault answered ${res.status} for transit key "${name}"${vaultErrors(body, token)}`,
  );
}

/** Where a redirect pointed, for the message: its URL without credentials or query values. */
function redirectTarget(res: Response, from: URL, token: string): string {
  const location = res.headers.get('location');
  if (location === null) return '?';
  try {
    return redactUrl(new URL(location, from)).split(token).join('***');
  } catch {
    return 'a Location that is not a URL';
  }
}
