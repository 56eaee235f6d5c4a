// s3lo signature records (`manifests/<image>/<tag>/signatures/<keyID>.json`, schema 2) and key IDs.
// Records are attacker-writable: every parse problem is a MALFORMED verdict, never an exception.
import { createHash, type KeyObject } from 'node:crypto';
import type { FailureCode } from '../errors.js';
import { parseStrictJsonBytes } from '../signatures/strict-json.js';

/** The only schema s3lo (v3) signs and verifies; version 1 signed the digest alone. */
export const S3LO_SCHEMA_VERSION = 2;

/** The JSON s3lo's `sign` writes (Go struct SignatureRecord, `json.Marshal`, field order kept). */
export interface S3loRecord {
  schemaVersion: number;
  digest: string;
  keyRef: string;
  keyID: string;
  algorithm: string;
  /** Standard base64 (with padding) of the raw signature bytes. */
  signature: string;
  /** RFC 3339, UTC, whole seconds. Not covered by the signature. */
  signedAt: string;
}

export type RecordParse =
  | { ok: true; record: S3loRecord }
  | { ok: false; code: FailureCode; reason: string; signedAt?: string };

const STRING_FIELDS = ['digest', 'keyRef', 'keyID', 'algorithm', 'signature', 'signedAt'] as const;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * Decode and shape-check a record. Field names are exact (s3lo writes them so). s3lo reads records
 * with Go's encoding/json, which also takes a key equal to a field name under case folding
 * (`Digest`, `digeſt`) and lets the last one win, and refuses a leading BOM: the strict parser
 * refuses every such collision, duplicates and a BOM, so the two never read different records.
 */
export function parseS3loRecord(bytes: Uint8Array): RecordParse {
  const malformed = (what: string, signedAt?: string): RecordParse => {
    const r: RecordParse = {
      ok: false,
      code: 'MALFORMED',
      reason: `malformed signature record: ${what}`,
    };
    if (signedAt !== undefined) r.signedAt = signedAt;
    return r;
  };
  let value: unknown;
  try {
    value = parseStrictJsonBytes(bytes);
  } catch (e: unknown) {
    return malformed(e instanceof Error ? e.message : String(e));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return malformed('not a JSON object');
  }
  const obj = value as Record<string, unknown>;
  const signedAt = typeof obj['signedAt'] === 'string' ? obj['signedAt'] : undefined;

  // Like s3lo: an absent schemaVersion is version 0, and any version but 2 is refused by name.
  const version = obj['schemaVersion'] ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return malformed(`schemaVersion ${describe(version)} is not an integer`, signedAt);
  }
  if (version !== S3LO_SCHEMA_VERSION) {
    const r: RecordParse = {
      ok: false,
      code: 'MALFORMED',
      reason: `unsupported signature schema version ${version} (this build verifies version ${S3LO_SCHEMA_VERSION}); re-sign the image`,
    };
    if (signedAt !== undefined) r.signedAt = signedAt;
    return r;
  }
  for (const field of STRING_FIELDS) {
    if (typeof obj[field] !== 'string') {
      return malformed(
        `${field} is ${obj[field] === undefined ? 'missing' : `not a string (${describe(obj[field])})`}`,
        signedAt,
      );
    }
  }
  const record = obj as unknown as S3loRecord;
  if (!DIGEST.test(record.digest)) {
    return malformed(`digest ${describe(record.digest)} is not sha256:<64 hex>`, signedAt);
  }
  return { ok: true, record };
}

/** Standard base64 with padding, canonical (re-encodes to the same text), else undefined. */
export function decodeSignature(text: string): Buffer | undefined {
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    return undefined;
  }
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** s3lo's key ID: the first 16 hex characters of sha256(DER SubjectPublicKeyInfo). */
export function s3loKeyID(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** The `algorithm` label s3lo writes (informational only; it says ECDSA_SHA_256 for any curve). */
export function s3loAlgorithmLabel(publicKey: KeyObject): string {
  switch (publicKey.asymmetricKeyType) {
    case 'ec':
      return 'ECDSA_SHA_256';
    case 'rsa':
      return 'RSA_PKCS1_SHA_256';
    default:
      return 'UNKNOWN';
  }
}

/** Attacker-written values in reasons: quoted, one line, bounded. */
export function describe(v: unknown): string {
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  const clipped = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return JSON.stringify(clipped);
}
