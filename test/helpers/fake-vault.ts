// A loopback HashiCorp Vault answering `GET /v1/<mount>/keys/<name>` the way the transit engine
// does (PEM public keys, raw base64 Ed25519, per-version map) and `POST /v1/<mount>/sign/<name>
// [/<hash>]` (prehashed or not, pkcs1v15 or pss, asn1 or jws, `vault:vN:` signatures), 403
// without the right token.
import {
  createHash,
  createPublicKey,
  randomBytes,
  randomUUID,
  sign as cryptoSign,
  type KeyObject,
} from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signDigest } from './prehash-sign.js';

export interface FakeVaultOptions {
  token?: string;
  /** Transit mount path; default `transit`. */
  mount?: string;
}

export interface FakeVaultRequest {
  method: string;
  path: string;
  token: string | undefined;
  namespace: string | undefined;
  status: number;
  /** A POST's JSON body. */
  body?: Record<string, unknown>;
}

export interface FakeVaultKeyOptions {
  /** Versions before the latest: public keys, or private keys to sign with `key_version`. */
  olderVersions?: KeyObject[];
  /** What the latest version signs with; default the private key `addKey` was given. */
  privateKey?: KeyObject;
  /** Applied to every signature before it is returned (a Vault answering garbage). */
  tamper?: (signature: Buffer) => Buffer;
}

export interface FakeVault {
  /** http://127.0.0.1:PORT, for VAULT_ADDR. */
  url: string;
  token: string;
  mount: string;
  /** VAULT_ADDR and VAULT_TOKEN for this fake. */
  env: Record<string, string>;
  /**
   * Adds a transit key whose latest version is `key` (public: read only; private: it signs too),
   * after any `olderVersions`.
   */
  addKey(name: string, key: KeyObject, opts?: FakeVaultKeyOptions): void;
  /** While true, the token may read keys but transit/sign answers 403 (a read-only policy). */
  setSignDenied(denied: boolean): void;
  /** Adds a symmetric (aes256-gcm96) key, whose versions carry no public key. */
  addSymmetricKey(name: string): void;
  requests: FakeVaultRequest[];
  close(): Promise<void>;
}

function vaultType(key: KeyObject): { type: string; name: string } {
  const d = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'ec': {
      const curve =
        d.namedCurve === 'secp384r1' ? 'p384' : d.namedCurve === 'secp521r1' ? 'p521' : 'p256';
      return { type: `ecdsa-${curve}`, name: `P-${curve.slice(1)}` };
    }
    case 'rsa':
      return { type: `rsa-${d.modulusLength ?? 2048}`, name: `rsa-${d.modulusLength ?? 2048}` };
    case 'ed25519':
      return { type: 'ed25519', name: 'ed25519' };
    default:
      return { type: 'unknown', name: 'unknown' };
  }
}

/** An ASN.1 ECDSA signature as JWS wants it: r and s, each `size` bytes, concatenated. */
function derToRaw(der: Buffer, size: number): Buffer {
  let pos = 2 + (der[1] === 0x81 ? 1 : 0);
  const parts: Buffer[] = [];
  for (let i = 0; i < 2; i++) {
    const len = der[pos + 1] ?? 0;
    const int = der.subarray(pos + 2, pos + 2 + len);
    pos += 2 + len;
    const trimmed = int[0] === 0 ? int.subarray(1) : int;
    parts.push(Buffer.concat([Buffer.alloc(size - trimmed.length), trimmed]));
  }
  return Buffer.concat(parts);
}

function publicKeyField(key: KeyObject): string {
  if (key.asymmetricKeyType === 'ed25519') {
    const jwk = key.export({ format: 'jwk' });
    return Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
  }
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

export async function startFakeVault(opts: FakeVaultOptions = {}): Promise<FakeVault> {
  const token = opts.token ?? `hvs.${randomBytes(12).toString('hex')}`;
  const mount = opts.mount ?? 'transit';
  const keys = new Map<string, Record<string, unknown>>();
  const requests: FakeVaultRequest[] = [];

  const send = (res: ServerResponse, status: number, payload: unknown): void => {
    res
      .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(JSON.stringify(payload));
  };

  const signers = new Map<
    string,
    { versions: Array<KeyObject | undefined>; tamper?: (signature: Buffer) => Buffer }
  >();
  let signDenied = false;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });

  function handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const given = req.headers['x-vault-token'] as string | undefined;
    let body: Record<string, unknown> | undefined;
    if (req.method === 'POST') {
      try {
        body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        body = undefined;
      }
    }
    const record = (status: number): void => {
      requests.push({
        method: req.method ?? '',
        path,
        token: given,
        namespace: req.headers['x-vault-namespace'] as string | undefined,
        status,
        ...(body ? { body } : {}),
      });
    };
    const error = (status: number, ...errors: string[]): void => {
      record(status);
      send(res, status, { errors });
    };
    if (given !== token) return error(403, 'permission denied');
    const signPrefix = `/v1/${mount}/sign/`;
    if (req.method === 'POST' && path.startsWith(signPrefix)) {
      if (signDenied) return error(403, '1 error occurred:\n\t* permission denied\n\n');
      if (!body) return error(400, 'failed to parse JSON input');
      const [name = '', urlHash] = path.slice(signPrefix.length).split('/');
      const data = keys.get(name);
      if (!data) return error(400, 'signing key not found');
      if (data.supports_signing !== true)
        return error(400, `key type ${String(data.type)} does not support signing`);
      const result = transitSign(
        name,
        String(data.type),
        Number(data.latest_version),
        urlHash,
        body,
      );
      if ('error' in result) return error(400, result.error);
      record(200);
      return send(res, 200, {
        request_id: randomUUID(),
        lease_id: '',
        renewable: false,
        lease_duration: 0,
        data: { signature: result.signature, key_version: result.version },
        wrap_info: null,
        warnings: null,
        auth: null,
        mount_type: 'transit',
      });
    }
    const prefix = `/v1/${mount}/keys/`;
    const data =
      req.method === 'GET' && path.startsWith(prefix)
        ? keys.get(path.slice(prefix.length))
        : undefined;
    if (!data) return error(404);
    record(200);
    send(res, 200, {
      request_id: randomUUID(),
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data,
      wrap_info: null,
      warnings: null,
      auth: null,
      mount_type: 'transit',
    });
  }

  const HASHES: Record<string, 'sha256' | 'sha384' | 'sha512'> = {
    'sha2-256': 'sha256',
    'sha2-384': 'sha384',
    'sha2-512': 'sha512',
  };

  /** transit/sign as the engine does it; `{ error }` is a 400 with that message. */
  function transitSign(
    name: string,
    type: string,
    latest: number,
    urlHash: string | undefined,
    body: Record<string, unknown>,
  ): { signature: string; version: number } | { error: string } {
    const hashName =
      urlHash ?? (typeof body.hash_algorithm === 'string' ? body.hash_algorithm : 'sha2-256');
    const hash = HASHES[hashName];
    if (!hash) return { error: `unsupported hash algorithm ${hashName}` };
    const requested = body.key_version === undefined ? 0 : Number(body.key_version);
    if (!Number.isInteger(requested) || requested < 0 || requested > latest)
      return { error: `invalid key version ${String(body.key_version)}` };
    const version = requested === 0 ? latest : requested;
    const signer = signers.get(name);
    const privateKey = signer?.versions[version - 1];
    if (!privateKey)
      return { error: `the fake holds no private key for ${name} version ${version}` };
    if (typeof body.input !== 'string') return { error: 'missing input to process' };
    const input = Buffer.from(body.input, 'base64');
    const prehashed = body.prehashed === true;
    const algorithm =
      typeof body.signature_algorithm === 'string' ? body.signature_algorithm : 'pss';
    const marshaling =
      typeof body.marshaling_algorithm === 'string' ? body.marshaling_algorithm : 'asn1';
    if (marshaling !== 'asn1' && marshaling !== 'jws')
      return { error: `invalid marshaling type ${marshaling}` };
    let signature: Buffer;
    if (type === 'ed25519') {
      if (prehashed) return { error: 'ed25519 keys do not support prehashed input' };
      signature = cryptoSign(null, input, privateKey);
    } else {
      const digest = prehashed ? input : createHash(hash).update(input).digest();
      if (type.startsWith('rsa')) {
        if (algorithm !== 'pss' && algorithm !== 'pkcs1v15')
          return { error: `unsupported rsa signature algorithm ${algorithm}` };
        if (digest.length !== createHash(hash).digest().length)
          return { error: 'crypto/rsa: input must be hashed with given hash' };
        signature = signDigest(privateKey, hash, digest, algorithm === 'pss');
      } else {
        signature = signDigest(privateKey, hash, digest);
        if (marshaling === 'jws') signature = derToRaw(signature, type === 'ecdsa-p384' ? 48 : 32);
      }
    }
    if (signer?.tamper) signature = signer.tamper(signature);
    const encoded =
      marshaling === 'jws' ? signature.toString('base64url') : signature.toString('base64');
    return { signature: `vault:v${version}:${encoded}`, version };
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const common = (
    name: string,
    type: string,
    latest: number,
    keysMap: Record<string, unknown>,
    asymmetric: boolean,
  ) => ({
    allow_plaintext_backup: false,
    auto_rotate_period: 0,
    deletion_allowed: false,
    derived: false,
    exportable: false,
    imported_key: false,
    keys: keysMap,
    latest_version: latest,
    min_available_version: 0,
    min_decryption_version: 1,
    min_encryption_version: 0,
    name,
    supports_decryption: !asymmetric || type.startsWith('rsa'),
    supports_derivation: !asymmetric,
    supports_encryption: !asymmetric || type.startsWith('rsa'),
    supports_signing: asymmetric,
    type,
  });

  return {
    url,
    token,
    mount,
    env: { VAULT_ADDR: url, VAULT_TOKEN: token },
    addKey(name, given, o = {}) {
      const all = [...(o.olderVersions ?? []), given];
      const versions = all.map((k) => (k.type === 'private' ? createPublicKey(k) : k));
      const publicKey = versions.at(-1) ?? given;
      const privates = all.map((k) => (k.type === 'private' ? k : undefined));
      if (o.privateKey) privates[privates.length - 1] = o.privateKey;
      signers.set(name, { versions: privates, ...(o.tamper ? { tamper: o.tamper } : {}) });
      const keysMap: Record<string, unknown> = {};
      versions.forEach((k, i) => {
        keysMap[String(i + 1)] = {
          certificate_chain: '',
          creation_time: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
          name: vaultType(k).name,
          public_key: publicKeyField(k),
        };
      });
      keys.set(name, common(name, vaultType(publicKey).type, versions.length, keysMap, true));
    },
    addSymmetricKey(name) {
      keys.set(name, common(name, 'aes256-gcm96', 1, { '1': 1735689600 }, false));
    },
    setSignDenied(d) {
      signDenied = d;
    },
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
