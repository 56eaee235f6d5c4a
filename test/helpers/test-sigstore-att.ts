// cosign v2 `attest` (legacy storage) for the test Sigstore: a DSSE envelope layer for the
// `sha256-<hex>.att` tag with exactly the annotations and Rekor entry kinds cosign writes.
import crypto, { type KeyObject } from 'node:crypto';
import {
  ANNOTATION_BUNDLE,
  ANNOTATION_CERTIFICATE,
  ANNOTATION_CHAIN,
  ANNOTATION_PREDICATE_TYPE,
  ANNOTATION_RFC3161_TIMESTAMP,
  ANNOTATION_SIGNATURE,
  DSSE_ENVELOPE_MEDIA_TYPE,
  INTOTO_PAYLOAD_TYPE,
  cosignEnvelopeBytes,
  dsseEntry,
  intotoV001Entry,
  intotoV002Entry,
  legacyBundleAnnotation,
  preAuthEncoding,
  statementPayload,
} from './test-sigstore-formats.js';
import { type KeyPair, type Tsa, createTimestampResponse } from './test-sigstore-pki.js';
import type { RekorEntry } from './test-sigstore-rekor.js';

/** How the entry is logged: cosign 1.x-2.3 intoto 0.0.1, >= 2.4 dsse (default), 0.0.2 by other clients. */
export type LegacyAttRekorKind = 'intoto-0.0.1' | 'intoto-0.0.2' | 'dsse';

interface KeySignerLike {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface LegacyAttestationOptions<S> {
  imageDigest: string;
  signer: S;
  /** The exact statement (object: JSON.stringify; Buffer: as is). Default: built from predicateType. */
  statement?: object | Buffer;
  /** Default `https://cosign.sigstore.dev/attestation/v1` (cosign's `custom`). */
  predicateType?: string;
  predicate?: unknown;
  /** in-toto subject name; cosign attest writes the repository. Default `registry.test/app`. */
  subjectName?: string;
  /** The `predicateType` layer annotation; default: the statement's type (override to make it lie). */
  predicateTypeAnnotation?: string;
  payloadType?: string;
  /** Upload to the log and attach the SET annotation (cosign default; keyless always logs). */
  tlog?: boolean;
  rekorKind?: LegacyAttRekorKind;
  /** `--timestamp-server-url`: an RFC 3161 timestamp over the whole envelope blob. */
  rfc3161?: boolean;
  signedAt?: Date;
  rekorKey?: 'trusted' | 'rogue';
  /** Signing hash; default sha256 (cosign file keys). KMS P-384 keys sign SHA-384. */
  hash?: 'sha256' | 'sha384' | 'sha512';
}

export interface LegacyAttestation {
  mediaType: typeof DSSE_ENVELOPE_MEDIA_TYPE;
  /** The layer blob. */
  envelope: Buffer;
  annotations: Record<string, string>;
  statement: Buffer;
  signature: Buffer;
  tlogEntry?: RekorEntry;
  certificatePem?: string;
}

/** What the instance lends: its clock, log, Fulcio and TSA. */
export interface AttSigningContext {
  now: () => Date;
  append: (proposed: object, signedAt: Date, rekorKey?: 'trusted' | 'rogue') => RekorEntry;
  /** A leaf for the keyless signer at signedAt, its key, and cosign's chain annotation text. */
  issue: (signedAt: Date) => { certificatePem: string; keys: KeyPair; chainPem: string };
  tsa: Tsa;
}

export const COSIGN_CUSTOM_PREDICATE = 'https://cosign.sigstore.dev/attestation/v1';

export function signLegacyAttestationWith<S>(
  o: LegacyAttestationOptions<S>,
  ctx: AttSigningContext,
  isKey: (s: S) => s is S & KeySignerLike,
): LegacyAttestation {
  const signedAt = o.signedAt ?? ctx.now();
  const predicateType = o.predicateType ?? COSIGN_CUSTOM_PREDICATE;
  const statement = Buffer.isBuffer(o.statement)
    ? o.statement
    : o.statement !== undefined
      ? Buffer.from(JSON.stringify(o.statement), 'utf8')
      : statementPayload({
          imageDigest: o.imageDigest,
          predicateType,
          predicate: o.predicate,
          statementType: 'v0.1',
          subjectName: o.subjectName ?? 'registry.test/app',
        });
  const payloadType = o.payloadType ?? INTOTO_PAYLOAD_TYPE;

  let privateKey: KeyObject;
  let verifierPem: string;
  let keyless: { certificatePem: string; chainPem: string } | undefined;
  if (isKey(o.signer)) {
    privateKey = o.signer.privateKey;
    verifierPem = o.signer.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  } else {
    const issued = ctx.issue(signedAt);
    privateKey = issued.keys.privateKey;
    verifierPem = issued.certificatePem;
    keyless = { certificatePem: issued.certificatePem, chainPem: issued.chainPem };
  }
  const signature = crypto.sign(
    o.hash ?? 'sha256',
    preAuthEncoding(payloadType, statement),
    privateKey,
  );
  const envelope = cosignEnvelopeBytes(payloadType, statement, signature);

  // static.NewAttestation always sets the signature annotation, empty for attestations.
  const annotations: Record<string, string> = { [ANNOTATION_SIGNATURE]: '' };
  const result: LegacyAttestation = {
    mediaType: DSSE_ENVELOPE_MEDIA_TYPE,
    envelope,
    annotations,
    statement,
    signature,
  };
  if (o.tlog ?? true) {
    const kind = o.rekorKind ?? 'dsse';
    const proposed =
      kind === 'intoto-0.0.1'
        ? intotoV001Entry(envelope, statement, verifierPem)
        : kind === 'intoto-0.0.2'
          ? intotoV002Entry(envelope, payloadType, statement, signature, verifierPem)
          : dsseEntry(
              {
                payloadType,
                payload: statement.toString('base64'),
                signatures: [{ keyid: '', sig: signature.toString('base64') }],
              },
              signature,
              verifierPem,
              envelope,
            );
    const entry = ctx.append(proposed, signedAt, o.rekorKey);
    annotations[ANNOTATION_BUNDLE] = legacyBundleAnnotation(entry);
    result.tlogEntry = entry;
  }
  if (keyless) {
    annotations[ANNOTATION_CERTIFICATE] = keyless.certificatePem;
    annotations[ANNOTATION_CHAIN] = keyless.chainPem;
    result.certificatePem = keyless.certificatePem;
  }
  if (o.rfc3161) {
    // Legacy attest timestamps the envelope blob, not the DSSE signature (cosign attest.go).
    const tsr = createTimestampResponse(ctx.tsa, envelope, signedAt);
    annotations[ANNOTATION_RFC3161_TIMESTAMP] = JSON.stringify({
      SignedRFC3161Timestamp: tsr.toString('base64'),
    });
  }
  annotations[ANNOTATION_PREDICATE_TYPE] =
    o.predicateTypeAnnotation ?? statementType(statement, predicateType);
  return result;
}

function statementType(statement: Buffer, fallback: string): string {
  try {
    const t = (JSON.parse(statement.toString('utf8')) as { predicateType?: unknown }).predicateType;
    return typeof t === 'string' ? t : fallback;
  } catch {
    return fallback;
  }
}
