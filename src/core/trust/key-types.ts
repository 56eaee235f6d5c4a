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
  /**
   * When signatures by this key are accepted (a policy file's `validFor`): the signature's
   * verified signing time (Rekor integrated time, RFC 3161 timestamp) must fall inside.
   */
  validFor?: KeyValidity;
}

/** Either bound may be open; both are inclusive. */
export interface KeyValidity {
  start?: Date;
  end?: Date;
}

export function withinValidity(v: KeyValidity | undefined, t: Date): boolean {
  if (v === undefined) return true;
  const ms = t.getTime();
  return (
    (v.start === undefined || ms >= v.start.getTime()) &&
    (v.end === undefined || ms <= v.end.getTime())
  );
}

export function describeValidity(v: KeyValidity): string {
  const start = v.start ? v.start.toISOString() : 'any time';
  const end = v.end ? v.end.toISOString() : 'any time';
  return `from ${start} to ${end}`;
}
