// HashiCorp Vault transit keys named `hashivault://NAME`, with the environment cosign's Vault
// provider reads (VAULT_ADDR, VAULT_TOKEN, TRANSIT_SECRET_ENGINE_PATH): the latest version's
// public key, and transit/sign for what image-gate signs (trust/signing-key.ts).
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GateError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { isLoopbackHost, redactUrl, shownUrl } from '../net/addresses.js';
import { fetchCapped, type FetchResponse } from '../net/fetch.js';

export interface VaultOptions {
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

/** sigstore's hashivault reference grammar: word characters, dots and dashes inside. */
const VAULT_REF = /^hashivault:\/\/(\w(?:[\w.-]*\w)?)$/;
const MOUNT_SEGMENT = /^[\w.-]+$/;
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
    throw unreadable(ref, `VAULT_ADDR "${shownUrl(addr)}" is not a URL`, e);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw unreadable(ref, `VAULT_ADDR "${shownUrl(addr)}" is not an http(s) URL`);
  }
  // The token would travel in clear and a forged answer would replace the trusted key.
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new GateError(
      'INSECURE',
      `key ${ref}: VAULT_ADDR ${shownUrl(addr)} is plain HTTP to a non-loopback host (use https)`,
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

/** A transit key's latest version and its public key, as `GET transit/keys/:name` lists it. */
export interface TransitKey {
  publicKey: KeyObject;
  version: number;
  /** Vault's key type, e.g. `ecdsa-p256`, `rsa-2048`, `ed25519`. */
  type: string;
}

/** The public key of the latest version, from Vault's `GET transit/keys/:name` answer. */
export function publicKeyFromTransitResponse(ref: string, body: string): KeyObject {
  return transitKeyFromResponse(ref, body).publicKey;
}

export function transitKeyFromResponse(ref: string, body: string): TransitKey {
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
      const key = createPublicKey({
        key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
        format: 'jwk',
      });
      return { publicKey: key, version: latest, type };
    }
    return { publicKey: createPublicKey({ key: publicKey, format: 'pem' }), version: latest, type };
  } catch (e: unknown) {
    throw unreadable(
      ref,
      `Vault transit public key (type ${type}, version ${latest}) does not parse`,
      e,
    );
  }
}

interface VaultAnswer {
  status: number;
  body: string;
  name: string;
  mount: string;
  /** Vault's `errors`, redacted, as `: a; b` (empty when none). */
  errors: string;
}

/**
 * One request to `VAULT_ADDR/v1/<mount>/<op>/<name><suffix>` with the token cosign's provider
 * reads. A redirect is refused naming where it pointed: key material and signatures are taken
 * from VAULT_ADDR's origin only.
 */
async function vaultRequest(
  ref: string,
  opts: VaultOptions,
  op: 'keys' | 'sign',
  request: { suffix?: string; body?: string } = {},
): Promise<VaultAnswer> {
  const { env } = opts;
  const name = parseVaultRef(ref);
  const base = vaultAddress(ref, env);
  const mount = transitMount(ref, env);
  const token = await vaultToken(ref, env);
  // fetch would refuse it with a message quoting the whole value.
  if (!/^[\x21-\x7e]+$/.test(token))
    throw unreadable(ref, 'the Vault token holds white space or characters a header cannot carry');
  const url = `${base.origin}${base.pathname.replace(/\/+$/, '')}/v1/${mount}/${op}/${name}${request.suffix ?? ''}`;

  const timeoutSeconds = Number(env.VAULT_CLIENT_TIMEOUT);
  const timeoutMs = timeoutSeconds > 0 ? timeoutSeconds * 1000 : DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = {
    'X-Vault-Request': 'true',
    Accept: 'application/json',
  };
  if (env.VAULT_NAMESPACE) headers['X-Vault-Namespace'] = env.VAULT_NAMESPACE;
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';

  let res: FetchResponse;
  try {
    // net/fetch.ts: a redirect is followed only under the target rules, and X-Vault-Token goes
    // to VAULT_ADDR's origin only, never to the other node or host a redirect names. A POST
    // (sign) is not redirected at all.
    res = await fetchCapped({
      url: new URL(url),
      what: `key ${ref}`,
      peer: `Vault at ${base.origin}`,
      headers,
      credentials: { 'X-Vault-Token': token },
      maxBytes: LIMITS.vaultResponseBytes,
      timeoutMs,
      ...(request.body !== undefined ? { method: 'POST' as const, body: request.body } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      redact: (t) => t.split(token).join('***'),
    });
  } catch (e: unknown) {
    // The caller's deadline and the target rules keep their codes; anything else means the
    // key could not be read.
    if (opts.signal?.aborted || (e instanceof GateError && e.code === 'INSECURE')) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new GateError('KEY_UNREADABLE', message, { cause: e });
  }
  const body = new TextDecoder().decode(res.body);
  // A standby node or proxy sent us elsewhere. The token stayed behind (see above), and a key is
  // trust material: it is taken only from VAULT_ADDR's origin, whatever the other host answers.
  if (res.url.origin !== base.origin)
    throw unreadable(
      ref,
      `Vault at ${base.origin} redirected to ${redactUrl(res.url).split(token).join('***')} (HTTP ${res.status} there); the key is read from VAULT_ADDR's origin only: set VAULT_ADDR to the active node`,
    );
  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.get('location') ?? '(no Location)';
    throw unreadable(
      ref,
      `Vault at ${base.origin} answered HTTP ${res.status} redirecting to ${location.split(token).join('***')}; signing requests are not redirected: set VAULT_ADDR to the active node`,
    );
  }
  return { status: res.status, body, name, mount, errors: vaultErrors(body, token) };
}

export async function fetchVaultPublicKey(ref: string, opts: VaultOptions): Promise<KeyObject> {
  return (await fetchVaultKey(ref, opts)).publicKey;
}

export async function fetchVaultKey(ref: string, opts: VaultOptions): Promise<TransitKey> {
  const { status, body, name, mount, errors } = await vaultRequest(ref, opts, 'keys');
  if (status === 200) return transitKeyFromResponse(ref, body);
  if (status === 403)
    throw unreadable(ref, `Vault denied reading transit key "${name}" at ${mount} (403${errors})`);
  if (status === 404)
    throw unreadable(ref, `Vault has no transit key "${name}" at mount ${mount} (404)`);
  throw unreadable(ref, `Vault answered ${status} for transit key "${name}"${errors}`);
}

/** What transit/sign is asked for: cosign's parameters (PKCS#1 v1.5 for RSA, ASN.1 ECDSA). */
export interface TransitSignRequest {
  /** The SHA-256 digest (prehashed), or for Ed25519 the message itself. */
  input: Uint8Array;
  prehashed: boolean;
  /** The key version whose public key the caller holds; the signature must be by it. */
  version: number;
}

/**
 * `POST transit/sign/:name/sha2-256` (or `transit/sign/:name` for an Ed25519 message) and the
 * signature out of Vault's `vault:vN:<base64>` answer, unchecked against the key.
 */
export async function vaultSign(
  ref: string,
  opts: VaultOptions,
  req: TransitSignRequest,
): Promise<Buffer> {
  const { status, body, name, mount, errors } = await vaultRequest(ref, opts, 'sign', {
    suffix: req.prehashed ? '/sha2-256' : '',
    body: JSON.stringify({
      input: Buffer.from(req.input).toString('base64'),
      prehashed: req.prehashed,
      key_version: req.version,
      signature_algorithm: 'pkcs1v15',
      marshaling_algorithm: 'asn1',
    }),
  });
  if (status === 403)
    throw unreadable(
      ref,
      `Vault denied signing with transit key "${name}" at ${mount} (403${errors}); the token needs update on ${mount}/sign/${name}/*`,
    );
  if (status !== 200)
    throw unreadable(
      ref,
      `Vault refused to sign with transit key "${name}" at ${mount} (${status}${errors})`,
    );
  let signature: unknown;
  try {
    signature = obj(obj(JSON.parse(body))?.data)?.signature;
  } catch (e: unknown) {
    throw unreadable(ref, 'Vault answered the sign request with something that is not JSON', e);
  }
  if (typeof signature !== 'string')
    throw unreadable(ref, 'Vault answered the sign request without data.signature');
  const m = /^vault:v(\d+):([A-Za-z0-9+/]*={0,2})$/.exec(signature);
  if (!m || (m[2] ?? '').length % 4 !== 0 || m[2] === '')
    throw unreadable(
      ref,
      `Vault's signature is not vault:v<N>:<base64> (got ${JSON.stringify(signature.slice(0, 40))})`,
    );
  if (Number(m[1]) !== req.version)
    throw unreadable(
      ref,
      `Vault signed with version ${m[1]} of transit key "${name}", not version ${req.version} whose public key was read`,
    );
  return Buffer.from(m[2] ?? '', 'base64');
}
