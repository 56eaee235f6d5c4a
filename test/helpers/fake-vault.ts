// A loopback HashiCorp Vault answering `GET /v1/<mount>/keys/<name>` the way the transit engine
// does (PEM public keys, raw base64 Ed25519, per-version map), 403 without the right token.
import { randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
}

export interface FakeVault {
  /** http://127.0.0.1:PORT, for VAULT_ADDR. */
  url: string;
  token: string;
  mount: string;
  /** VAULT_ADDR and VAULT_TOKEN for this fake. */
  env: Record<string, string>;
  /** Adds a transit key whose latest version is `publicKey`, after any `olderVersions`. */
  addKey(name: string, publicKey: KeyObject, opts?: { olderVersions?: KeyObject[] }): void;
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

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const given = req.headers['x-vault-token'] as string | undefined;
    const record = (status: number): void => {
      requests.push({
        method: req.method ?? '',
        path,
        token: given,
        namespace: req.headers['x-vault-namespace'] as string | undefined,
        status,
      });
    };
    if (given !== token) {
      record(403);
      return send(res, 403, { errors: ['permission denied'] });
    }
    const prefix = `/v1/${mount}/keys/`;
    const data =
      req.method === 'GET' && path.startsWith(prefix)
        ? keys.get(path.slice(prefix.length))
        : undefined;
    if (!data) {
      record(404);
      return send(res, 404, { errors: [] });
    }
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
  });
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
    addKey(name, publicKey, o = {}) {
      const versions = [...(o.olderVersions ?? []), publicKey];
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
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
