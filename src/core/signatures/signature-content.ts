// The signature sigstore-js checks, re-pointed where cosign differs from its defaults: the hash
// the key signs with, a signature over a bare digest, RFC 3161 timestamps over other bytes.
import { createHash, verify as cryptoVerify } from 'node:crypto';
import type { SignedEntity } from '@sigstore/verify';
import { GateError } from '../errors.js';
import { hashForDigestLength, signatureHashes, verifyPrehashed } from './prehash.js';

export type SignatureContent = SignedEntity['signature'];

/** The same signature, but RFC 3161 timestamps are checked over `signed` instead. */
export function timestampedOver(content: SignatureContent, signed: Buffer): SignatureContent {
  return {
    signature: signed,
    compareSignature: (s) => content.compareSignature(s),
    compareDigest: (d) => content.compareDigest(d),
    compareSignedDigest: (d) => content.compareSignedDigest(d),
    verifySignature: (key) => content.verifySignature(key),
  };
}

/**
 * `content` with the signature checked over `signed` under the hash the key signs with (SHA-384
 * for P-384, SHA-512 for P-521; SHA-256 too, which sigstore-js signs with), and a logged digest
 * of the signed bytes (Rekor v2 hashedrekord over the DSSE PAE) compared under the hash its
 * length names: Rekor records the digest the key signed, not a SHA-256.
 */
export function keyHashedContent(
  content: SignatureContent,
  signed: Buffer,
  signature: Buffer,
  /** A DSSE payload, whose logged hash (dsse entries) also follows the digest's length. */
  payload?: Buffer,
): SignatureContent {
  const byLength = (data: Buffer, d: Buffer): boolean => {
    const alg = hashForDigestLength(d.length);
    return alg !== undefined && sha(alg, data).equals(d);
  };
  return {
    signature: content.signature,
    compareSignature: (s) => content.compareSignature(s),
    compareDigest: (d) => (payload ? byLength(payload, d) : content.compareDigest(d)),
    compareSignedDigest: (d) => byLength(signed, d),
    verifySignature: (key) =>
      signatureHashes(key).some((alg) => {
        try {
          return cryptoVerify(alg, signed, key, signature);
        } catch {
          return false;
        }
      }),
  };
}

export function digestOnlyContent(
  signature: Buffer,
  digest: Buffer,
  what: string,
): SignatureContent {
  return {
    signature,
    compareSignature: (s) => s.equals(signature),
    compareDigest: (d) => d.equals(digest),
    compareSignedDigest: (d) => d.equals(digest),
    verifySignature: (key) => {
      const r = verifyPrehashed(key, digest, signature);
      if (r.unsupported) {
        throw new GateError(
          'SIGNATURE_INVALID',
          `${what}: cannot verify from a digest alone: ${r.unsupported}`,
        );
      }
      return r.ok;
    },
  };
}

export function sha(alg: 'sha256' | 'sha384' | 'sha512', data: Uint8Array): Buffer {
  return createHash(alg).update(data).digest();
}
