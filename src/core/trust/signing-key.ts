// The keys image-gate signs with (verification summaries, shard reports, revocation lists): a
// key file, an AWS KMS key or a Vault transit key, behind one SigningKey that knows its public
// half and signs bytes. Every signature is checked against that public half before it is handed
// out: a remote signer answering with another key's (or no valid) signature is an outage naming
// the key, never a bundle that does not verify.
import {
  createHash,
  createPublicKey,
  sign as cryptoSign,
  verify as cryptoVerify,
} from 'node:crypto';
import type { SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import { GateError } from '../errors.js';
import type { VerificationKey } from './key-types.js';
import { loadPrivateKeyFile, toVerificationKey, type LoadKeyOptions } from './keys.js';

export type SigningKeyKind = 'file' | 'awskms' | 'hashivault';

export interface SigningKey {
  /** As the user gave it: a path, `awskms://…/alias/x`, `hashivault://name`. */
  readonly keyRef: string;
  readonly kind: SigningKeyKind;
  /** The public half, checked as a verification key is (algorithm, size). */
  readonly key: VerificationKey;
  /** The hash the message is signed under; null: Ed25519, which signs the message itself. */
  readonly hash: 'sha256' | 'sha384' | null;
  /** A signature over `message` (DER for ECDSA), verified against `key` before it is returned. */
  sign(message: Uint8Array): Promise<Buffer>;
}

const SUPPORTED = 'a cosign.key or PEM private key file, awskms:// or hashivault://';

/** What KMS is asked to sign with, per key algorithm: what cosign and every verifier check. */
const KMS_ALGORITHMS: Record<
  string,
  { algorithm: SigningAlgorithmSpec; hash: 'sha256' | 'sha384' }
> = {
  'ecdsa-p256': { algorithm: 'ECDSA_SHA_256', hash: 'sha256' },
  // KMS signs P-384 keys with SHA-384 only; image-gate, cosign and sigstore-go verify it.
  'ecdsa-p384': { algorithm: 'ECDSA_SHA_384', hash: 'sha384' },
  // PKCS#1 v1.5: what cosign's RSA verifiers (and sigstore-js) check; PSS would not verify there.
  rsa: { algorithm: 'RSASSA_PKCS1_V1_5_SHA_256', hash: 'sha256' },
};

/**
 * Loads the signing key `ref`: a key file (cosign.key with COSIGN_PASSWORD, or PEM PKCS#8 / SEC1
 * / PKCS#1), `awskms://[host:port]/<key id|alias/NAME|ARN>` (GetPublicKey, then Sign over the
 * digest) or `hashivault://NAME` (the latest version's public key, then transit/sign). Failures
 * are GateErrors naming `ref` (KEY_UNREADABLE; INSECURE for plain HTTP to a remote host).
 */
export async function loadSigner(ref: string, opts: LoadKeyOptions = {}): Promise<SigningKey> {
  const env = opts.env ?? process.env;
  const remote = opts.signal ? { env, signal: opts.signal } : { env };
  if (ref.trim() === '')
    throw new GateError(
      'KEY_UNREADABLE',
      `key: empty signing key reference (expected ${SUPPORTED})`,
    );
  if (ref.startsWith('awskms://')) {
    const { awsKmsSignDigest, fetchAwsKmsKey } = await import('./kms.js');
    const kms = await fetchAwsKmsKey(ref, remote);
    const key = toVerificationKey(ref, kms.publicKey, 'the AWS KMS key');
    const how = Object.hasOwn(KMS_ALGORITHMS, key.algorithm)
      ? KMS_ALGORITHMS[key.algorithm]
      : undefined;
    if (!how)
      throw new GateError(
        'KEY_UNREADABLE',
        `key ${ref}: AWS KMS key ${kms.keyArn} (KeySpec ${kms.keySpec}) cannot sign here: KMS signs ${key.algorithm} keys only over raw messages of at most 4096 bytes; use an ECC_NIST_P256, ECC_NIST_P384 or RSA key`,
      );
    if (kms.signingAlgorithms.length > 0 && !kms.signingAlgorithms.includes(how.algorithm))
      throw new GateError(
        'KEY_UNREADABLE',
        `key ${ref}: AWS KMS key ${kms.keyArn} (KeySpec ${kms.keySpec}) lists signing algorithms ${kms.signingAlgorithms.join(', ')}, not ${how.algorithm}, which verifiers check`,
      );
    const hash = how.hash;
    return checked(ref, 'awskms', key, hash, 'AWS KMS', (m) =>
      awsKmsSignDigest(ref, remote, createHash(hash).update(m).digest(), how.algorithm),
    );
  }
  if (ref.startsWith('hashivault://')) {
    const { fetchVaultKey, vaultSign } = await import('./vault.js');
    const transit = await fetchVaultKey(ref, remote);
    const key = toVerificationKey(ref, transit.publicKey, 'the Vault transit key');
    // cosign's defaults: SHA-256 prehashed for ECDSA and RSA (PKCS#1 v1.5), Ed25519 over the
    // message itself.
    const ed25519 = key.algorithm === 'ed25519';
    return checked(ref, 'hashivault', key, ed25519 ? null : 'sha256', 'Vault', (m) =>
      vaultSign(ref, remote, {
        input: ed25519 ? m : createHash('sha256').update(m).digest(),
        prehashed: !ed25519,
        version: transit.version,
      }),
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
    const scheme = ref.slice(0, ref.indexOf('://') + 3);
    throw new GateError(
      'KEY_UNREADABLE',
      `key ${ref}: unsupported signing key source ${scheme} (expected ${SUPPORTED})`,
    );
  }
  const privateKey = await loadPrivateKeyFile(ref, { env, ...(opts.cwd ? { cwd: opts.cwd } : {}) });
  const key = toVerificationKey(ref, createPublicKey(privateKey), 'the private key');
  // Ed25519 signs the message itself; ECDSA and RSA sign its SHA-256 (cosign's defaults).
  const hash = key.algorithm === 'ed25519' ? null : 'sha256';
  return checked(ref, 'file', key, hash, 'the key file', (m) =>
    Promise.resolve(cryptoSign(hash, m, privateKey)),
  );
}

function checked(
  keyRef: string,
  kind: SigningKeyKind,
  key: VerificationKey,
  hash: SigningKey['hash'],
  signer: string,
  raw: (message: Uint8Array) => Promise<Buffer>,
): SigningKey {
  return {
    keyRef,
    kind,
    key,
    hash,
    async sign(message) {
      let signature: Buffer;
      try {
        signature = await raw(message);
      } catch (e: unknown) {
        if (e instanceof GateError) throw e;
        throw new GateError(
          'KEY_UNREADABLE',
          `key ${keyRef}: signing failed: ${e instanceof Error ? e.message : String(e)}`,
          { cause: e },
        );
      }
      let ok: boolean;
      try {
        ok = cryptoVerify(hash, message, key.publicKey, signature);
      } catch {
        ok = false;
      }
      if (!ok)
        throw new GateError(
          'KEY_UNREADABLE',
          `key ${keyRef}: ${signer} returned a signature that does not verify with the key's public key (key ID ${key.keyID}); it signed with another key or answered garbage, and nothing was signed`,
        );
      return signature;
    },
  };
}
