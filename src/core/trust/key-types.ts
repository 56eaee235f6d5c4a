// The shape of a verification key once loaded, whatever it came from (PEM, cosign key, KMS,
// Vault). Only public material lives here; `keyRef` is what the user wrote, never a secret.
import type { KeyObject } from 'node:crypto';

export interface VerificationKey {
  /** As the user gave it: a path, `awskms:///alias/x`, `hashivault://name`. */
  keyRef: string;
  /** s3lo-compatible key ID: first 16 hex chars of sha256(DER SubjectPublicKeyInfo). */
  keyID: string;
  publicKey: KeyObject;
  /** DER SubjectPublicKeyInfo, for comparisons with keys found in tlog bodies. */
  spki: Buffer;
  /** PEM of the public key. */
  pem: string;
  /** e.g. 'ecdsa-p256', 'ecdsa-p384', 'rsa', 'ed25519'. */
  algorithm: string;
}
