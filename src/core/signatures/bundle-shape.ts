// Structural checks on an untrusted Sigstore bundle before any cryptography: known media type,
// bounded lists (sigstore-go's limits), exactly one DSSE signature, no root CA in the chain.
import { X509Certificate } from 'node:crypto';
import { GateError } from '../errors.js';

export const MAX_TLOG_ENTRIES = 32;
export const MAX_TIMESTAMPS = 32;

const MEDIA_TYPES: ReadonlyMap<string, '0.1' | '0.2' | '0.3'> = new Map([
  ['application/vnd.dev.sigstore.bundle+json;version=0.1', '0.1'],
  ['application/vnd.dev.sigstore.bundle+json;version=0.2', '0.2'],
  ['application/vnd.dev.sigstore.bundle+json;version=0.3', '0.3'],
  ['application/vnd.dev.sigstore.bundle.v0.3+json', '0.3'],
] as const);

export interface BundleShape {
  version: '0.1' | '0.2' | '0.3';
  content: 'messageSignature' | 'dsseEnvelope';
  signer: 'key' | 'certificate';
  tlogCount: number;
  /** DSSE only: the envelope as found (payload base64, payloadType). */
  dsse?: { payloadType: string; payload: Buffer };
}

export function checkBundleShape(json: unknown): BundleShape {
  if (!isObject(json)) throw malformed('is not a JSON object');
  const mediaType = json['mediaType'];
  const version = typeof mediaType === 'string' ? MEDIA_TYPES.get(mediaType) : undefined;
  if (version === undefined)
    throw malformed(`has unsupported mediaType ${JSON.stringify(mediaType ?? null)}`);

  const vm = json['verificationMaterial'];
  if (!isObject(vm)) throw malformed('has no verificationMaterial');
  const tlogs = vm['tlogEntries'] ?? [];
  if (!Array.isArray(tlogs)) throw malformed('verificationMaterial.tlogEntries is not a list');
  if (tlogs.length > MAX_TLOG_ENTRIES) {
    throw malformed(`has ${tlogs.length} tlog entries (limit ${MAX_TLOG_ENTRIES})`);
  }
  const tsv = vm['timestampVerificationData'];
  const stamps = isObject(tsv) ? (tsv['rfc3161Timestamps'] ?? []) : [];
  if (!Array.isArray(stamps)) throw malformed('rfc3161Timestamps is not a list');
  if (stamps.length > MAX_TIMESTAMPS)
    throw malformed(`has ${stamps.length} RFC 3161 timestamps (limit ${MAX_TIMESTAMPS})`);

  let signer: BundleShape['signer'];
  if (vm['publicKey'] !== undefined) signer = 'key';
  else if (vm['certificate'] !== undefined) signer = 'certificate';
  else if (vm['x509CertificateChain'] !== undefined) {
    signer = 'certificate';
    checkChain(vm['x509CertificateChain']);
  } else throw malformed('names neither a public key nor a certificate');

  let content: BundleShape['content'];
  let dsse: BundleShape['dsse'];
  if (json['messageSignature'] !== undefined && json['dsseEnvelope'] === undefined)
    content = 'messageSignature';
  else if (json['dsseEnvelope'] !== undefined && json['messageSignature'] === undefined) {
    content = 'dsseEnvelope';
    const env = json['dsseEnvelope'];
    if (!isObject(env)) throw malformed('dsseEnvelope is not an object');
    const sigs = env['signatures'];
    // sigstore-js verifies signatures[0] only; anything but exactly one would leave the rest unchecked.
    if (!Array.isArray(sigs) || sigs.length !== 1) {
      throw malformed(
        `DSSE envelope carries ${Array.isArray(sigs) ? sigs.length : 'no list of'} signatures (exactly 1 required)`,
      );
    }
    const payloadType = env['payloadType'];
    const payload = env['payload'];
    if (typeof payloadType !== 'string' || typeof payload !== 'string' || !isBase64(payload)) {
      throw malformed('DSSE envelope lacks a payloadType or a base64 payload');
    }
    dsse = { payloadType, payload: Buffer.from(payload, 'base64') };
  } else throw malformed('must hold exactly one of messageSignature and dsseEnvelope');

  return { version, content, signer, tlogCount: tlogs.length, ...(dsse ? { dsse } : {}) };
}

/** A chain that ships its own self-signed root would let the bundle bring its own trust. */
function checkChain(chain: unknown): void {
  const certs = isObject(chain) ? chain['certificates'] : undefined;
  if (!Array.isArray(certs) || certs.length === 0)
    throw malformed('has an empty certificate chain');
  for (const [i, c] of certs.entries()) {
    const raw = isObject(c) ? c['rawBytes'] : undefined;
    if (typeof raw !== 'string' || !isBase64(raw))
      throw malformed(`certificate ${i} is not base64 DER`);
    if (i > 0 && isSelfSigned(Buffer.from(raw, 'base64'))) {
      throw new GateError(
        'UNTRUSTED_SIGNER',
        `bundle certificate chain includes a root certificate (entry ${i}); trust comes only from the trusted root`,
      );
    }
  }
}

function isSelfSigned(der: Buffer): boolean {
  try {
    const cert = new X509Certificate(der);
    return cert.issuer === cert.subject && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

function isBase64(s: string): boolean {
  // Padding is optional in the protobuf JSON mapping; stray characters are not.
  return /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 !== 1;
}

function malformed(why: string): GateError {
  return new GateError('MALFORMED', `bundle ${why}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
