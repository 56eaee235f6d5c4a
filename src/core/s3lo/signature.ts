// The signature schemes `s3lo sign` produces, per key type, and their verification. s3lo signs
// through cosign/sigstore's default signer for the key: the hash follows the curve, Ed25519 is ph.
import { verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { GateError } from '../errors.js';
import { verifyEd25519ph } from './ed25519ph.js';

/**
 * What sigstore's `LoadDefaultSignerVerifier` (used by s3lo `sign` via cosign) does:
 * ECDSA P-256/P-384/P-521 with SHA-256/384/512 and ASN.1 DER signatures; RSA PKCS#1 v1.5 with
 * SHA-256; Ed25519 as Ed25519ph (cosign's default). Pure Ed25519 is also accepted: it is what
 * s3lo's `verify --key <.pub>` checks and what Vault-backed Ed25519 keys produce; RFC 8032's
 * dom2 prefix keeps the two from ever validating each other's signatures.
 */
export function s3loSignatureScheme(key: KeyObject, keyRef: string): string {
  switch (key.asymmetricKeyType) {
    case 'ec': {
      const hash = EC_HASH[key.asymmetricKeyDetails?.namedCurve ?? ''];
      if (hash === undefined) {
        throw new GateError(
          'USAGE',
          `key ${keyRef}: curve ${key.asymmetricKeyDetails?.namedCurve ?? 'unknown'} is not used by s3lo (P-256, P-384, P-521)`,
        );
      }
      return `ecdsa-${hash}`;
    }
    case 'rsa':
      return 'rsa-pkcs1v15-sha256';
    case 'ed25519':
      return 'ed25519ph|ed25519';
    default:
      throw new GateError(
        'USAGE',
        `key ${keyRef}: ${key.asymmetricKeyType ?? 'unknown'} keys cannot verify s3lo signatures`,
      );
  }
}

const EC_HASH: Record<string, string> = {
  prime256v1: 'sha256',
  secp384r1: 'sha384',
  secp521r1: 'sha512',
};

export function verifyS3loSignature(
  key: KeyObject,
  keyRef: string,
  payload: Uint8Array,
  signature: Uint8Array,
): boolean {
  const scheme = s3loSignatureScheme(key, keyRef);
  try {
    if (scheme.startsWith('ecdsa-')) {
      return cryptoVerify(
        scheme.slice('ecdsa-'.length),
        payload,
        { key, dsaEncoding: 'der' },
        signature,
      );
    }
    if (scheme === 'rsa-pkcs1v15-sha256') {
      return cryptoVerify('sha256', payload, key, signature);
    }
    const raw = Buffer.from(key.export({ format: 'jwk' }).x ?? '', 'base64url');
    return verifyEd25519ph(raw, payload, signature) || cryptoVerify(null, payload, key, signature);
  } catch {
    // OpenSSL throws on some malformed encodings (e.g. bad DER); that is a failed check.
    return false;
  }
}
