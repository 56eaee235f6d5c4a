// Cosign legacy `.sig` layers: checks the simple-signing payload against the image digest and
// rewrites the layer's annotations as a Sigstore v0.1 bundle, so one verifier handles both forms.
import { createHash } from 'node:crypto';
import { GateError } from '../errors.js';
import { nodeX509 } from './cert-cache.js';
import { parseStrictJsonBytes, StrictJsonError } from './strict-json.js';

export const ANNOTATION_SIGNATURE = 'dev.cosignproject.cosign/signature';
export const ANNOTATION_CERTIFICATE = 'dev.sigstore.cosign/certificate';
export const ANNOTATION_CHAIN = 'dev.sigstore.cosign/chain';
export const ANNOTATION_BUNDLE = 'dev.sigstore.cosign/bundle';
export const ANNOTATION_TIMESTAMP = 'dev.sigstore.cosign/rfc3161timestamp';
export const SIMPLE_SIGNING_TYPE = 'cosign container image signature';

export interface LegacyLayer {
  payload: Uint8Array;
  annotations: Record<string, string>;
}

/**
 * Strictly parse the simple-signing payload and require that it is a cosign image signature
 * for exactly `imageDigest` (PAYLOAD_MISMATCH otherwise, MALFORMED if it does not parse).
 */
export function checkSimpleSigningPayload(payload: Uint8Array, imageDigest: string): void {
  let json: unknown;
  try {
    json = parseStrictJsonBytes(payload);
  } catch (e: unknown) {
    const why = e instanceof StrictJsonError ? e.message : String(e);
    throw new GateError('MALFORMED', `simple-signing payload is not strict JSON: ${why}`, {
      cause: e,
    });
  }
  const critical = field(json, 'critical');
  const type = field(critical, 'type');
  if (type !== SIMPLE_SIGNING_TYPE) {
    throw new GateError(
      'PAYLOAD_MISMATCH',
      `simple-signing payload critical.type is ${JSON.stringify(type ?? null)}, expected ${JSON.stringify(SIMPLE_SIGNING_TYPE)}`,
    );
  }
  const digest = field(field(critical, 'image'), 'docker-manifest-digest');
  if (digest !== imageDigest) {
    throw new GateError(
      'PAYLOAD_MISMATCH',
      `simple-signing payload signs ${JSON.stringify(digest ?? null)}, not the image digest ${imageDigest}`,
    );
  }
}

/**
 * The payload `cosign sign` writes for `dockerReference@imageDigest` when given no `-a`
 * annotations, byte for byte: Go's encoding/json of cosign's struct (fields in declaration
 * order, no spaces, no trailing newline). The names in a reference need none of the escapes where
 * Go and JSON.stringify differ (`<`, `>`, `&`, U+2028/9).
 */
export function cosignSimpleSigningPayload(dockerReference: string, imageDigest: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': dockerReference },
        image: { 'docker-manifest-digest': imageDigest },
        type: SIMPLE_SIGNING_TYPE,
      },
      optional: null,
    }),
    'utf8',
  );
}

/** The layer as a Sigstore bundle v0.1 (JSON form), messageSignature over the payload. */
export function legacyLayerToBundle(layer: LegacyLayer): Record<string, unknown> {
  const a = layer.annotations;
  const sig = a[ANNOTATION_SIGNATURE];
  if (sig === undefined || sig === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(sig)) {
    throw new GateError(
      'MALFORMED',
      `.sig layer annotation ${ANNOTATION_SIGNATURE} is missing or not base64`,
    );
  }
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    verificationMaterial: legacyVerificationMaterial(a, '.sig layer'),
    messageSignature: {
      messageDigest: {
        algorithm: 'SHA2_256',
        digest: createHash('sha256').update(layer.payload).digest('base64'),
      },
      signature: sig,
    },
  };
}

/**
 * A cosign layer's certificate, SET bundle and RFC 3161 annotations as bundle
 * `verificationMaterial` (JSON form); `what` names the layer kind in messages.
 */
export function legacyVerificationMaterial(
  a: Record<string, string>,
  what: string,
): Record<string, unknown> {
  const verificationMaterial: Record<string, unknown> = {};
  const certPem = a[ANNOTATION_CERTIFICATE];
  if (certPem !== undefined && certPem !== '') {
    // Only the leaf: the chain annotation is unauthenticated, and the CA chain comes from the
    // trusted root. (A chain that carried its own root would only invite confusion.)
    verificationMaterial['x509CertificateChain'] = {
      certificates: [{ rawBytes: pemCertToDer(certPem, what).toString('base64') }],
    };
  } else {
    // The hint is not used to pick a key: the verifier tries the policy's keys.
    verificationMaterial['publicKey'] = { hint: '' };
  }
  verificationMaterial['tlogEntries'] =
    a[ANNOTATION_BUNDLE] !== undefined ? [setToTlogEntry(a[ANNOTATION_BUNDLE], what)] : [];
  const ts = a[ANNOTATION_TIMESTAMP];
  if (ts !== undefined) {
    const signed = field(
      strictAnnotation(ts, ANNOTATION_TIMESTAMP, what),
      'SignedRFC3161Timestamp',
    );
    if (typeof signed !== 'string') {
      throw new GateError(
        'MALFORMED',
        `${what} annotation ${ANNOTATION_TIMESTAMP} has no SignedRFC3161Timestamp`,
      );
    }
    verificationMaterial['timestampVerificationData'] = {
      rfc3161Timestamps: [{ signedTimestamp: signed }],
    };
  }
  return verificationMaterial;
}

/** cosign's `{SignedEntryTimestamp, Payload: {body, integratedTime, logIndex, logID}}` as a tlog entry. */
function setToTlogEntry(text: string, what: string): Record<string, unknown> {
  const json = strictAnnotation(text, ANNOTATION_BUNDLE, what);
  const set = field(json, 'SignedEntryTimestamp');
  const payload = field(json, 'Payload');
  const body = field(payload, 'body');
  const integratedTime = field(payload, 'integratedTime');
  const logIndex = field(payload, 'logIndex');
  const logID = field(payload, 'logID');
  const bad = (why: string): GateError =>
    new GateError('MALFORMED', `${what} annotation ${ANNOTATION_BUNDLE}: ${why}`);
  if (typeof set !== 'string' || set === '') throw bad('no SignedEntryTimestamp');
  if (typeof body !== 'string') throw bad('no Payload.body');
  if (!isNonNegativeInt(integratedTime))
    throw bad(
      `Payload.integratedTime ${JSON.stringify(integratedTime ?? null)} is not a non-negative integer`,
    );
  if (!isNonNegativeInt(logIndex))
    throw bad(`Payload.logIndex ${JSON.stringify(logIndex ?? null)} is not a non-negative integer`);
  if (typeof logID !== 'string' || !/^[a-f0-9]{64}$/.test(logID))
    throw bad('Payload.logID is not 64 hex characters');
  // kind/version come from the body itself; sigstore-js then checks they agree.
  const decoded = Buffer.from(body, 'base64');
  let kind: unknown;
  let version: unknown;
  try {
    const b = parseStrictJsonBytes(decoded);
    kind = field(b, 'kind');
    version = field(b, 'apiVersion');
  } catch (e: unknown) {
    throw new GateError(
      'MALFORMED',
      `${what} annotation ${ANNOTATION_BUNDLE}: Payload.body is not base64 JSON`,
      { cause: e },
    );
  }
  if (typeof kind !== 'string' || typeof version !== 'string')
    throw bad('Payload.body has no kind/apiVersion');
  return {
    logIndex: String(logIndex),
    logId: { keyId: Buffer.from(logID, 'hex').toString('base64') },
    kindVersion: { kind, version },
    integratedTime: String(integratedTime),
    inclusionPromise: { signedEntryTimestamp: set },
    canonicalizedBody: body,
  };
}

function strictAnnotation(text: string, name: string, what: string): unknown {
  try {
    return parseStrictJsonBytes(Buffer.from(text, 'utf8'));
  } catch (e: unknown) {
    const why = e instanceof StrictJsonError ? e.message : String(e);
    throw new GateError('MALFORMED', `${what} annotation ${name} is not strict JSON: ${why}`, {
      cause: e,
    });
  }
}

function pemCertToDer(pem: string, what: string): Buffer {
  const m = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem);
  if (!m)
    throw new GateError(
      'MALFORMED',
      `${what} annotation ${ANNOTATION_CERTIFICATE} is not a PEM certificate`,
    );
  const der = Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
  try {
    nodeX509(der);
  } catch (e: unknown) {
    throw new GateError(
      'MALFORMED',
      `${what} annotation ${ANNOTATION_CERTIFICATE} does not parse as X.509`,
      { cause: e },
    );
  }
  return der;
}

function isNonNegativeInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function field(o: unknown, k: string): unknown {
  return typeof o === 'object' && o !== null && !Array.isArray(o)
    ? (o as Record<string, unknown>)[k]
    : undefined;
}
