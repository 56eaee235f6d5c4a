// Loads verification keys from wherever users keep them (PEM public keys, cosign's encrypted
// private keys, AWS KMS, HashiCorp Vault transit) into one checked VerificationKey each.
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { GateError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { COSIGN_PEM_TYPES, decryptCosignPrivateKey } from './cosign-key.js';
import { describeValidity, type KeyValidity, type VerificationKey } from './key-types.js';

export interface LoadKeyOptions {
  /** Where COSIGN_PASSWORD, AWS_* and VAULT_* are read from; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Base for relative key paths; default process.cwd(). */
  cwd?: string;
  signal?: AbortSignal;
}

/** A key file is a few hundred bytes; anything far larger is not a key and is not read whole. */
const MAX_KEY_FILE_BYTES = LIMITS.keyFileBytes;

/** RSA below 2048 bits is breakable; far above 16384 it only makes every verification slow. */
const MIN_RSA_BITS = 2048;
const MAX_RSA_BITS = 16384;

const SUPPORTED = 'a PEM public key file, a cosign.key file, awskms:// or hashivault://';

/** s3lo's key ID: the first 16 hex characters of sha256 over the DER SubjectPublicKeyInfo. */
export function keyIdOf(spki: Uint8Array): string {
  return createHash('sha256').update(spki).digest('hex').slice(0, 16);
}

/**
 * Checks that `publicKey` is an algorithm cosign verifies with (ECDSA P-256/P-384, RSA ≥ 2048,
 * Ed25519) and wraps it. `source` names where it came from, for messages.
 */
export function toVerificationKey(
  keyRef: string,
  publicKey: KeyObject,
  source: string,
): VerificationKey {
  if (publicKey.type !== 'public') {
    throw new GateError('KEY_UNREADABLE', `key ${keyRef}: ${source} is not a public key`);
  }
  const algorithm = algorithmOf(keyRef, publicKey, source);
  // Go's x509.MarshalPKIXPublicKey (s3lo's key ID input) always writes uncompressed EC points;
  // a JWK round trip makes OpenSSL do the same for a key that arrived compressed.
  const canonical =
    publicKey.asymmetricKeyType === 'ec'
      ? createPublicKey({ key: publicKey.export({ format: 'jwk' }), format: 'jwk' })
      : publicKey;
  const spki = canonical.export({ type: 'spki', format: 'der' });
  const pem = canonical.export({ type: 'spki', format: 'pem' }).toString();
  return { keyRef, keyID: keyIdOf(spki), publicKey: canonical, spki, pem, algorithm };
}

function algorithmOf(keyRef: string, key: KeyObject, source: string): string {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'ec':
      if (details.namedCurve === 'prime256v1') return 'ecdsa-p256';
      if (details.namedCurve === 'secp384r1') return 'ecdsa-p384';
      throw new GateError(
        'KEY_UNREADABLE',
        `key ${keyRef}: ${source} is an EC key on curve ${details.namedCurve ?? 'unknown'}; ` +
          'supported are P-256 and P-384',
      );
    case 'rsa': {
      const bits = details.modulusLength ?? 0;
      if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
        throw new GateError(
          'KEY_UNREADABLE',
          `key ${keyRef}: ${source} is a ${bits}-bit RSA key; supported are ${MIN_RSA_BITS} to ${MAX_RSA_BITS} bits`,
        );
      }
      return 'rsa';
    }
    case 'ed25519':
      return 'ed25519';
    default:
      throw new GateError(
        'KEY_UNREADABLE',
        `key ${keyRef}: ${source} is a ${key.asymmetricKeyType ?? 'unknown'} key; ` +
          'supported are ECDSA P-256/P-384, RSA and Ed25519',
      );
  }
}

/**
 * Loads one verification key. `ref` is a file path (PEM public key or cosign encrypted private
 * key, password from COSIGN_PASSWORD), `awskms://[host:port]/<key id|alias/name|arn>` or
 * `hashivault://<name>`. Every failure is a GateError `KEY_UNREADABLE` (or `INSECURE` for a
 * plain-HTTP remote, `TIMEOUT` when `signal` aborts): a key we cannot read is an outage, never
 * a verdict.
 */
export async function loadKey(ref: string, opts: LoadKeyOptions = {}): Promise<VerificationKey> {
  const env = opts.env ?? process.env;
  const { signal } = opts;
  if (ref.trim() === '') {
    throw new GateError('KEY_UNREADABLE', `key: empty key reference (expected ${SUPPORTED})`);
  }
  try {
    signal?.throwIfAborted();
    if (ref.startsWith('awskms://')) {
      // Loaded on demand: the AWS SDK is large and most runs use no KMS key.
      const { fetchAwsKmsPublicKey } = await import('./kms.js');
      const kmsOpts = signal ? { env, signal } : { env };
      return toVerificationKey(ref, await fetchAwsKmsPublicKey(ref, kmsOpts), 'the AWS KMS key');
    }
    if (ref.startsWith('hashivault://')) {
      const { fetchVaultPublicKey } = await import('./vault.js');
      const vaultOpts = signal ? { env, signal } : { env };
      return toVerificationKey(
        ref,
        await fetchVaultPublicKey(ref, vaultOpts),
        'the Vault transit key',
      );
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
      const scheme = ref.slice(0, ref.indexOf('://') + 3);
      throw new GateError(
        'KEY_UNREADABLE',
        `key ${ref}: unsupported key source ${scheme} (expected ${SUPPORTED})`,
      );
    }
    return await loadKeyFile(ref, path.resolve(opts.cwd ?? process.cwd(), ref), env);
  } catch (e: unknown) {
    if (e instanceof GateError) throw e;
    if (signal?.aborted) {
      if (signal.reason instanceof GateError) throw signal.reason;
      throw new GateError('TIMEOUT', `key ${ref}: loading was cancelled`, { cause: signal.reason });
    }
    throw new GateError(
      'KEY_UNREADABLE',
      `key ${ref}: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
}

/**
 * Loads every distinct reference once, in parallel. Two references naming the same key (a .pub
 * and its cosign.key, an alias and its ARN) yield it once, under the first reference given.
 * When several fail, the error of the first failing reference in input order is thrown.
 * `validity` (policy files) gives some references a window; one key given two different windows
 * (or a window under one reference and none under another) is refused rather than one dropped.
 */
export async function loadKeys(
  refs: readonly string[],
  opts: LoadKeyOptions & { validity?: Readonly<Record<string, KeyValidity>> } = {},
): Promise<VerificationKey[]> {
  const distinct = [...new Set(refs)];
  const settled = await Promise.allSettled(distinct.map((ref) => loadKey(ref, opts)));
  const keys: VerificationKey[] = [];
  const seen = new Map<string, VerificationKey>();
  for (const outcome of settled) {
    if (outcome.status === 'rejected') throw outcome.reason;
    // Own entries only: a reference named `constructor` or `__proto__` has no inherited window.
    const window =
      opts.validity && Object.hasOwn(opts.validity, outcome.value.keyRef)
        ? opts.validity[outcome.value.keyRef]
        : undefined;
    const key = window ? { ...outcome.value, validFor: window } : outcome.value;
    const first = seen.get(key.keyID);
    if (first) {
      if (!sameValidity(first.validFor, key.validFor))
        throw new GateError(
          'USAGE',
          `keys: ${first.keyRef} and ${key.keyRef} are the same key (${key.keyID}) with different validFor windows (${first.validFor ? describeValidity(first.validFor) : 'none'}; ${key.validFor ? describeValidity(key.validFor) : 'none'})`,
        );
      continue;
    }
    seen.set(key.keyID, key);
    keys.push(key);
  }
  return keys;
}

function sameValidity(a: KeyValidity | undefined, b: KeyValidity | undefined): boolean {
  return a?.start?.getTime() === b?.start?.getTime() && a?.end?.getTime() === b?.end?.getTime();
}

/**
 * The private half of a signing key held in a file: a cosign encrypted key (COSIGN_PASSWORD) or
 * an unencrypted PEM private key (PKCS#8, SEC1 or PKCS#1). Remote keys (awskms://, hashivault://)
 * sign through trust/signing-key.ts, which calls this for files.
 */
export async function loadPrivateKeyFile(
  ref: string,
  opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<KeyObject> {
  const bytes = await readKeyFile(ref, path.resolve(opts.cwd ?? process.cwd(), ref));
  const block = singlePemBlock(ref, bytes.toString('latin1'));
  if (block.type === COSIGN_PEM_TYPES[0] || block.type === COSIGN_PEM_TYPES[1])
    return decryptCosignPrivateKey(block.der, (opts.env ?? process.env).COSIGN_PASSWORD, ref);
  const der = Object.hasOwn(PRIVATE_KEY_DER, block.type) ? PRIVATE_KEY_DER[block.type] : undefined;
  if (der) {
    try {
      return createPrivateKey({ key: block.der, format: 'der', ...der });
    } catch (e: unknown) {
      throw new GateError('KEY_UNREADABLE', `key ${ref}: the ${block.type} block does not parse`, {
        cause: e,
      });
    }
  }
  throw new GateError(
    'KEY_UNREADABLE',
    `key ${ref}: holds a ${block.type}, not a private key to sign with (expected ${COSIGN_PEM_TYPES[0]} or PRIVATE KEY)`,
  );
}

const PRIVATE_KEY_DER: Record<string, { type: 'pkcs8' | 'sec1' | 'pkcs1' }> = {
  'PRIVATE KEY': { type: 'pkcs8' },
  'EC PRIVATE KEY': { type: 'sec1' },
  'RSA PRIVATE KEY': { type: 'pkcs1' },
};

async function loadKeyFile(
  ref: string,
  file: string,
  env: NodeJS.ProcessEnv,
): Promise<VerificationKey> {
  const bytes = await readKeyFile(ref, file);
  const block = singlePemBlock(ref, bytes.toString('latin1'));
  switch (block.type) {
    case 'PUBLIC KEY':
    case 'RSA PUBLIC KEY': {
      let publicKey: KeyObject;
      try {
        const type = block.type === 'PUBLIC KEY' ? 'spki' : 'pkcs1';
        publicKey = createPublicKey({ key: block.der, format: 'der', type });
      } catch (e: unknown) {
        throw new GateError(
          'KEY_UNREADABLE',
          `key ${ref}: the ${block.type} block does not parse as a key`,
          {
            cause: e,
          },
        );
      }
      return toVerificationKey(ref, publicKey, 'the public key');
    }
    case COSIGN_PEM_TYPES[0]:
    case COSIGN_PEM_TYPES[1]: {
      const privateKey = await decryptCosignPrivateKey(block.der, env.COSIGN_PASSWORD, ref);
      return toVerificationKey(ref, createPublicKey(privateKey), 'the cosign private key');
    }
    case 'PRIVATE KEY':
    case 'EC PRIVATE KEY':
    case 'RSA PRIVATE KEY':
      throw new GateError(
        'KEY_UNREADABLE',
        `key ${ref}: holds an unencrypted ${block.type}; give its public key instead ` +
          '(e.g. `cosign public-key --key <file>`) or a cosign encrypted key',
      );
    default:
      throw new GateError(
        'KEY_UNREADABLE',
        `key ${ref}: unsupported PEM block "${block.type}" (expected PUBLIC KEY or ${COSIGN_PEM_TYPES.join(' / ')})`,
      );
  }
}

async function readKeyFile(ref: string, file: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stat.size > MAX_KEY_FILE_BYTES) {
      throw new GateError(
        'KEY_UNREADABLE',
        `key ${ref}: file is ${stat.size} bytes, larger than any key file (limit ${MAX_KEY_FILE_BYTES})`,
      );
    }
    // Read at most limit+1 so a file that grows after stat (or a FIFO) cannot exhaust memory.
    const buffer = Buffer.alloc(MAX_KEY_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_KEY_FILE_BYTES) {
        throw new GateError(
          'KEY_UNREADABLE',
          `key ${ref}: file is larger than any key file (limit ${MAX_KEY_FILE_BYTES})`,
        );
      }
    }
    return buffer.subarray(0, length);
  } catch (e: unknown) {
    if (e instanceof GateError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? `key: no file at ${ref}`
        : code === 'EACCES' || code === 'EPERM'
          ? `key: cannot read ${ref} (permission denied)`
          : code === 'EISDIR'
            ? `key: ${ref} is a directory, not a key file`
            : `key: cannot read ${ref} (${code ?? (e instanceof Error ? e.message : String(e))})`;
    throw new GateError('KEY_UNREADABLE', why, { cause: e });
  } finally {
    await handle?.close();
  }
}

interface PemBlock {
  type: string;
  der: Buffer;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;

/** Exactly one PEM block: a second key in the same file would otherwise be silently ignored. */
function singlePemBlock(ref: string, text: string): PemBlock {
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length === 0) {
    throw new GateError(
      'KEY_UNREADABLE',
      `key ${ref}: no PEM block found (expected PUBLIC KEY or ${COSIGN_PEM_TYPES.join(' / ')})`,
    );
  }
  if (blocks.length > 1) {
    throw new GateError(
      'KEY_UNREADABLE',
      `key ${ref}: holds ${blocks.length} PEM blocks; give one key per file (repeat --key for several keys)`,
    );
  }
  const [, type = '', body = '', endType = ''] = blocks[0] ?? [];
  if (type !== endType) {
    throw new GateError(
      'KEY_UNREADABLE',
      `key ${ref}: PEM block BEGIN ${type} ends with END ${endType}`,
    );
  }
  const compact = body.replace(/\s+/g, '');
  if (
    !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact) ||
    compact === ''
  ) {
    throw new GateError('KEY_UNREADABLE', `key ${ref}: the ${type} block is not valid base64`);
  }
  return { type, der: Buffer.from(compact, 'base64') };
}
