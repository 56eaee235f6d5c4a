// Byte formats cosign writes, reproduced exactly: simple-signing payload, in-toto statements, DSSE,
// Rekor v1 entry bodies, the legacy `dev.sigstore.cosign/bundle` annotation and Sigstore bundle JSON.
import crypto from 'node:crypto';
import { json } from '@sigstore/core';
import type { RekorEntry } from './test-sigstore-rekor.js';

export const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const ANNOTATION_SIGNATURE = 'dev.cosignproject.cosign/signature';
export const ANNOTATION_BUNDLE = 'dev.sigstore.cosign/bundle';
export const ANNOTATION_CERTIFICATE = 'dev.sigstore.cosign/certificate';
export const ANNOTATION_CHAIN = 'dev.sigstore.cosign/chain';
export const BUNDLE_V03_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
export const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const STATEMENT_V01 = 'https://in-toto.io/Statement/v0.1';
export const STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';

const DIGEST_RE = /^(sha256|sha512):([a-f0-9]+)$/;

export function splitDigest(digest: string): { algorithm: string; hex: string } {
  const m = DIGEST_RE.exec(digest);
  if (!m) throw new Error(`imageDigest: '${digest}' is not 'sha256:<hex>' or 'sha512:<hex>'`);
  return { algorithm: m[1], hex: m[2] };
}

/**
 * cosign's simple-signing payload (sigstore/sigstore pkg/signature/payload): Go json.Marshal of
 * {critical{identity, image, type}, optional}, compact, no trailing newline; optional is null when
 * no annotations were given.
 */
export function simpleSigningPayload(
  imageDigest: string,
  dockerReference: string,
  optional?: Record<string, unknown>,
): Buffer {
  splitDigest(imageDigest);
  const body = {
    critical: {
      identity: { 'docker-reference': dockerReference },
      image: { 'docker-manifest-digest': imageDigest },
      type: 'cosign container image signature',
    },
    optional: optional ?? null,
  };
  return Buffer.from(JSON.stringify(body), 'utf8');
}

export interface StatementOptions {
  imageDigest: string;
  predicateType: string;
  /** undefined: `{}` (cosign >= 3.0.5 sign); omitPredicate drops the field (cosign < 3.0.5 sign). */
  predicate?: unknown;
  omitPredicate?: boolean;
  statementType: 'v0.1' | 'v1';
  /** in-toto subject name: cosign attest puts the repository here; cosign sign (v1) puts none. */
  subjectName?: string;
}

/**
 * In-toto statement in the key order each cosign path emits: v1 via protojson (field order
 * _type, subject, predicateType, predicate; subject annotations `{}`), v0.1 via in-toto-golang
 * structs (_type, predicateType, subject{name, digest}, predicate).
 */
export function statementPayload(opts: StatementOptions): Buffer {
  const { algorithm, hex } = splitDigest(opts.imageDigest);
  const digest = { [algorithm]: hex };
  let statement: Record<string, unknown>;
  if (opts.statementType === 'v1') {
    const subject =
      opts.subjectName === undefined
        ? { digest, annotations: {} }
        : { name: opts.subjectName, digest, annotations: {} };
    statement = { _type: STATEMENT_V1, subject: [subject], predicateType: opts.predicateType };
  } else {
    statement = {
      _type: STATEMENT_V01,
      predicateType: opts.predicateType,
      subject: [{ name: opts.subjectName ?? '', digest }],
    };
  }
  if (!opts.omitPredicate)
    statement['predicate'] = opts.predicate === undefined ? {} : opts.predicate;
  return Buffer.from(JSON.stringify(statement), 'utf8');
}

/** DSSE pre-authentication encoding (DSSE v1 protocol). */
export function preAuthEncoding(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
    type,
    Buffer.from(` ${payload.length} `, 'utf8'),
    payload,
  ]);
}

const sha256Hex = (data: Uint8Array): string =>
  crypto.createHash('sha256').update(data).digest('hex');

/** Rekor hashedrekord 0.0.1 proposed entry, as cosign uploads it (the log canonicalizes it). */
export function hashedRekordEntry(payload: Buffer, signature: Buffer, verifierPem: string): object {
  return {
    apiVersion: '0.0.1',
    kind: 'hashedrekord',
    spec: {
      data: { hash: { algorithm: 'sha256', value: sha256Hex(payload) } },
      signature: {
        content: signature.toString('base64'),
        publicKey: { content: Buffer.from(verifierPem, 'utf8').toString('base64') },
      },
    },
  };
}

export interface SerializedEnvelopeJson {
  payload: string;
  payloadType: string;
  signatures: { sig: string; keyid?: string }[];
}

/**
 * Rekor dsse 0.0.1 entry body. envelopeHash is sha256 of the canonical envelope JSON, which is what
 * sigstore-go (cosign v3) submits (checked on the sigstore-rs cosign v3 fixture); older cosign v2
 * `--new-bundle-format` submitted `{"payloadType","payload","signatures":[{"keyid":"","sig"}]}` instead.
 */
export function dsseEntry(
  envelope: SerializedEnvelopeJson,
  signature: Buffer,
  verifierPem: string,
  /** The exact bytes uploaded, when not the canonical JSON (cosign v2 `attest` uploads the `.att` blob). */
  envelopeBytes?: Buffer,
): object {
  return {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: {
        algorithm: 'sha256',
        value: sha256Hex(envelopeBytes ?? Buffer.from(json.canonicalize(envelope), 'utf8')),
      },
      payloadHash: {
        algorithm: 'sha256',
        value: sha256Hex(Buffer.from(envelope.payload, 'base64')),
      },
      signatures: [
        {
          signature: signature.toString('base64'),
          verifier: Buffer.from(verifierPem, 'utf8').toString('base64'),
        },
      ],
    },
  };
}

export const DSSE_ENVELOPE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
export const ANNOTATION_RFC3161_TIMESTAMP = 'dev.sigstore.cosign/rfc3161timestamp';
export const ANNOTATION_PREDICATE_TYPE = 'predicateType';

/**
 * The `.att` layer blob as cosign v2 writes it: Go json.Marshal of go-securesystemslib's Envelope
 * (field order payloadType, payload, signatures; `keyid` always present, empty).
 */
export function cosignEnvelopeBytes(
  payloadType: string,
  payload: Buffer,
  signature: Buffer,
): Buffer {
  return Buffer.from(
    JSON.stringify({
      payloadType,
      payload: payload.toString('base64'),
      signatures: [{ keyid: '', sig: signature.toString('base64') }],
    }),
    'utf8',
  );
}

/**
 * Rekor intoto 0.0.1 entry as the log stores it (rekor pkg/types/intoto/v0.0.1 Canonicalize): the
 * sha256 of the envelope bytes as uploaded, of the decoded payload, and the verifier PEM.
 */
export function intotoV001Entry(
  envelopeBytes: Buffer,
  payload: Buffer,
  verifierPem: string,
): object {
  return {
    apiVersion: '0.0.1',
    kind: 'intoto',
    spec: {
      content: {
        hash: { algorithm: 'sha256', value: sha256Hex(envelopeBytes) },
        payloadHash: { algorithm: 'sha256', value: sha256Hex(payload) },
      },
      publicKey: Buffer.from(verifierPem, 'utf8').toString('base64'),
    },
  };
}

/**
 * Rekor intoto 0.0.2 entry as stored (rekor pkg/types/intoto/v0.0.2): payload dropped, each
 * signature's base64 text base64-encoded again, verifier PEM per signature, empty keyid omitted.
 */
export function intotoV002Entry(
  envelopeBytes: Buffer,
  payloadType: string,
  payload: Buffer,
  signature: Buffer,
  verifierPem: string,
): object {
  return {
    apiVersion: '0.0.2',
    kind: 'intoto',
    spec: {
      content: {
        envelope: {
          payloadType,
          signatures: [
            {
              publicKey: Buffer.from(verifierPem, 'utf8').toString('base64'),
              sig: Buffer.from(signature.toString('base64'), 'utf8').toString('base64'),
            },
          ],
        },
        hash: { algorithm: 'sha256', value: sha256Hex(envelopeBytes) },
        payloadHash: { algorithm: 'sha256', value: sha256Hex(payload) },
      },
    },
  };
}

/** cosign's `dev.sigstore.cosign/bundle` annotation (cosign pkg/cosign/bundle RekorBundle), field order kept. */
export function legacyBundleAnnotation(entry: RekorEntry): string {
  return JSON.stringify({
    SignedEntryTimestamp: entry.signedEntryTimestamp.toString('base64'),
    Payload: {
      body: entry.canonicalizedBody.toString('base64'),
      integratedTime: entry.integratedTime,
      logIndex: entry.logIndex,
      logID: entry.logId.toString('hex'),
    },
  });
}

/** Sigstore bundle v0.3 JSON as cosign writes it (protojson: empty fields such as DSSE keyid omitted). */
export interface TlogEntryJson {
  logIndex: string;
  logId: { keyId: string };
  kindVersion: { kind: string; version: string };
  integratedTime: string;
  inclusionPromise?: { signedEntryTimestamp: string };
  inclusionProof?: {
    logIndex: string;
    rootHash: string;
    treeSize: string;
    hashes: string[];
    checkpoint: { envelope: string };
  };
  canonicalizedBody: string;
}

export interface BundleJson {
  mediaType: string;
  verificationMaterial: {
    certificate?: { rawBytes: string };
    publicKey?: { hint: string };
    x509CertificateChain?: { certificates: { rawBytes: string }[] };
    tlogEntries: TlogEntryJson[];
    timestampVerificationData?: { rfc3161Timestamps: { signedTimestamp: string }[] };
  };
  dsseEnvelope?: SerializedEnvelopeJson;
  messageSignature?: { messageDigest: { algorithm: string; digest: string }; signature: string };
}

/** A Rekor v1 entry as a bundle tlogEntries[] item (protojson field order). */
export function tlogEntryJson(entry: RekorEntry, kind: string, version: string): TlogEntryJson {
  return {
    logIndex: String(entry.logIndex),
    logId: { keyId: entry.logId.toString('base64') },
    kindVersion: { kind, version },
    integratedTime: String(entry.integratedTime),
    inclusionPromise: { signedEntryTimestamp: entry.signedEntryTimestamp.toString('base64') },
    inclusionProof: {
      logIndex: String(entry.inclusionProof.logIndex),
      rootHash: entry.inclusionProof.rootHash.toString('base64'),
      treeSize: String(entry.inclusionProof.treeSize),
      hashes: entry.inclusionProof.hashes.map((h) => h.toString('base64')),
      checkpoint: { envelope: entry.inclusionProof.checkpoint },
    },
    canonicalizedBody: entry.canonicalizedBody.toString('base64'),
  };
}

/** A Rekor v2 (rekor-tiles) protobuf Verifier as JSON: raw SPKI or certificate DER. */
export type RekorV2VerifierJson =
  | { publicKey: { rawBytes: string }; keyDetails: string }
  | { x509Certificate: { rawBytes: string }; keyDetails: string };

/** `keyDetails` as the protobuf-specs enum spells it for an ECDSA key of this curve. */
export function keyDetailsFor(key: crypto.KeyObject): string {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (curve === 'secp384r1') return 'PKIX_ECDSA_P384_SHA_384';
  if (curve === 'secp521r1') return 'PKIX_ECDSA_P521_SHA_512';
  return 'PKIX_ECDSA_P256_SHA_256';
}

const V2_HASH: Record<string, string> = {
  sha256: 'SHA2_256',
  sha384: 'SHA2_384',
  sha512: 'SHA2_512',
};

/**
 * Rekor v2 hashedrekord 0.0.2 entry body: the digest of the signed bytes (for DSSE, the PAE)
 * under the signing hash, the raw signature and the verifier (rekor-tiles pkg/types/hashedrekord).
 */
export function hashedRekordV2Entry(
  signed: Buffer,
  hash: 'sha256' | 'sha384' | 'sha512',
  signature: Buffer,
  verifier: RekorV2VerifierJson,
): object {
  return {
    apiVersion: '0.0.2',
    kind: 'hashedrekord',
    spec: {
      hashedRekordV002: {
        data: {
          algorithm: V2_HASH[hash],
          digest: crypto.createHash(hash).update(signed).digest('base64'),
        },
        signature: { content: signature.toString('base64'), verifier },
      },
    },
  };
}

/** Rekor v2 dsse 0.0.2 entry body: the payload's sha256 and each signature with its verifier. */
export function dsseV2Entry(
  payload: Buffer,
  signature: Buffer,
  verifier: RekorV2VerifierJson,
): object {
  return {
    apiVersion: '0.0.2',
    kind: 'dsse',
    spec: {
      dsseV002: {
        payloadHash: {
          algorithm: 'SHA2_256',
          digest: crypto.createHash('sha256').update(payload).digest('base64'),
        },
        signatures: [{ content: signature.toString('base64'), verifier }],
      },
    },
  };
}
