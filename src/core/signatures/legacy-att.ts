// Cosign legacy `.att` layers: strictly parses the DSSE envelope blob and rewrites it, with the
// layer's certificate / SET / timestamp annotations, as a Sigstore v0.1 DSSE bundle.
import { GateError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { legacyVerificationMaterial } from './legacy.js';
import { parseStrictJsonBytes, StrictJsonError } from './strict-json.js';

export const ATT_LAYER = '.att layer';
/** Unauthenticated: cosign's hint of the statement's type; only the verified statement counts. */
export const ANNOTATION_PREDICATE_TYPE = 'predicateType';

export interface LegacyAttestationLayer {
  /** The layer blob: a DSSE envelope, byte for byte as stored. */
  envelope: Uint8Array;
  annotations: Record<string, string>;
}

export interface ParsedAttestation {
  bundle: Record<string, unknown>;
  payloadType: string;
  payload: Buffer;
  signature: Buffer;
}

export function legacyAttestationToBundle(layer: LegacyAttestationLayer): ParsedAttestation {
  if (layer.envelope.length > LIMITS.payloadBytes) {
    throw new GateError(
      'LIMIT_EXCEEDED',
      `${ATT_LAYER} envelope is ${layer.envelope.length} bytes, limit ${LIMITS.payloadBytes}`,
    );
  }
  let json: unknown;
  try {
    json = parseStrictJsonBytes(layer.envelope);
  } catch (e: unknown) {
    const why = e instanceof StrictJsonError ? e.message : String(e);
    throw malformed(`DSSE envelope is not strict JSON: ${why}`, e);
  }
  if (!isObject(json)) throw malformed('DSSE envelope is not a JSON object');
  const { payloadType, payload, signatures } = json;
  if (typeof payloadType !== 'string') throw malformed('DSSE envelope has no payloadType string');
  if (typeof payload !== 'string' || !isCanonicalBase64(payload)) {
    throw malformed('DSSE envelope payload is not canonical base64');
  }
  // sigstore-js checks signatures[0] only: any other count would leave a signature unexamined.
  if (!Array.isArray(signatures) || signatures.length !== 1) {
    throw malformed(
      `DSSE envelope carries ${Array.isArray(signatures) ? signatures.length : 'no list of'} signatures (exactly 1 required)`,
    );
  }
  const s: unknown = signatures[0];
  const sig = isObject(s) ? s['sig'] : undefined;
  const keyid = isObject(s) ? (s['keyid'] ?? '') : undefined;
  if (typeof sig !== 'string' || sig === '' || !isCanonicalBase64(sig)) {
    throw malformed('DSSE signature is missing or not canonical base64');
  }
  if (typeof keyid !== 'string') throw malformed('DSSE signature keyid is not a string');
  return {
    bundle: {
      mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
      verificationMaterial: legacyVerificationMaterial(layer.annotations, ATT_LAYER),
      dsseEnvelope: { payload, payloadType, signatures: [{ sig, keyid }] },
    },
    payloadType,
    payload: Buffer.from(payload, 'base64'),
    signature: Buffer.from(sig, 'base64'),
  };
}

/** Standard alphabet, padded, and re-encoding gives the same text (one reading only). */
function isCanonicalBase64(s: string): boolean {
  return (
    /^[A-Za-z0-9+/]*={0,2}$/.test(s) &&
    s.length % 4 === 0 &&
    Buffer.from(s, 'base64').toString('base64') === s
  );
}

function malformed(why: string, cause?: unknown): GateError {
  return new GateError(
    'MALFORMED',
    `${ATT_LAYER} ${why}`,
    cause === undefined ? undefined : { cause },
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
