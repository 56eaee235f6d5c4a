// Structural checks on an untrusted Sigstore bundle before any cryptography: known media type,
// known fields only, each protobuf oneof set exactly once, bounded lists (sigstore-go's limits),
// exactly one DSSE signature, no root CA in the chain. The signer kind is read from the parsed
// form the verifier goes on to use (@sigstore/bundle), never from our own reading of the JSON.
import { X509Certificate } from 'node:crypto';
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { GateError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { toVerifyGateError } from './verify-errors.js';

export const MAX_TLOG_ENTRIES = LIMITS.tlogEntriesPerBundle;
export const MAX_TIMESTAMPS = LIMITS.timestampsPerBundle;

const MEDIA_TYPES: ReadonlyMap<string, '0.1' | '0.2' | '0.3'> = new Map([
  ['application/vnd.dev.sigstore.bundle+json;version=0.1', '0.1'],
  ['application/vnd.dev.sigstore.bundle+json;version=0.2', '0.2'],
  ['application/vnd.dev.sigstore.bundle+json;version=0.3', '0.3'],
  ['application/vnd.dev.sigstore.bundle.v0.3+json', '0.3'],
] as const);

// The protobuf-specs JSON names of each message that holds a oneof, and of the oneof members.
// Any other key (a typo, the proto snake_case spelling sigstore-go would also accept, a field of
// a later schema) is refused: sigstore-js would ignore it and another verifier might not.
const BUNDLE_FIELDS = ['mediaType', 'verificationMaterial', 'messageSignature', 'dsseEnvelope'];
const BUNDLE_CONTENT = ['messageSignature', 'dsseEnvelope'] as const;
const MATERIAL_FIELDS = [
  'publicKey',
  'x509CertificateChain',
  'certificate',
  'tlogEntries',
  'timestampVerificationData',
];
const MATERIAL_CONTENT = ['publicKey', 'x509CertificateChain', 'certificate'] as const;
const MEMBER_FIELDS: Record<string, readonly string[]> = {
  publicKey: ['hint'],
  x509CertificateChain: ['certificates'],
  certificate: ['rawBytes'],
  messageSignature: ['messageDigest', 'signature'],
  dsseEnvelope: ['payload', 'payloadType', 'signatures'],
};

export interface BundleShape {
  version: '0.1' | '0.2' | '0.3';
  content: 'messageSignature' | 'dsseEnvelope';
  /** From the parsed bundle's `verificationMaterial.content.$case`, the form sigstore-js verifies. */
  signer: 'key' | 'certificate';
  tlogCount: number;
  /** DSSE only: the envelope as found (payload base64, payloadType). */
  dsse?: { payloadType: string; payload: Buffer };
  /** The bundle as @sigstore/bundle parsed it: verify this, not the JSON. */
  bundle: Bundle;
}

export function checkBundleShape(json: unknown): BundleShape {
  if (!isObject(json)) throw malformed('is not a JSON object');
  const mediaType = json['mediaType'];
  const version = typeof mediaType === 'string' ? MEDIA_TYPES.get(mediaType) : undefined;
  if (version === undefined)
    throw malformed(
      `has unsupported mediaType ${typeof mediaType === 'string' ? JSON.stringify(mediaType.slice(0, 200)) : Array.isArray(mediaType) ? 'list' : typeof mediaType}`,
    );

  const vm = json['verificationMaterial'];
  if (!isObject(vm)) throw malformed('has no verificationMaterial');
  const tlogs = vm['tlogEntries'] ?? [];
  if (!Array.isArray(tlogs)) throw malformed('verificationMaterial.tlogEntries is not a list');
  if (tlogs.length > MAX_TLOG_ENTRIES) {
    throw malformed(`has ${tlogs.length} tlog entries (limit ${MAX_TLOG_ENTRIES})`);
  }
  const tsv = vm['timestampVerificationData'];
  // null is allowed here (sigstore-js 2.x wrote it): not a oneof, so it reads one way only.
  if (tsv !== undefined && tsv !== null && !isObject(tsv))
    throw malformed('verificationMaterial.timestampVerificationData is not an object');
  const stamps = isObject(tsv) ? (tsv['rfc3161Timestamps'] ?? []) : [];
  if (!Array.isArray(stamps)) throw malformed('rfc3161Timestamps is not a list');
  if (stamps.length > MAX_TIMESTAMPS)
    throw malformed(`has ${stamps.length} RFC 3161 timestamps (limit ${MAX_TIMESTAMPS})`);
  if (!tlogs.every(isObject) || !stamps.every(isObject))
    throw malformed('has a tlog entry or RFC 3161 timestamp that is not an object');

  checkFields(json, BUNDLE_FIELDS, 'bundle');
  checkFields(vm, MATERIAL_FIELDS, 'verificationMaterial');
  const material = oneof(vm, MATERIAL_CONTENT, 'verificationMaterial');
  if (material === 'x509CertificateChain') checkChain(vm['x509CertificateChain']);
  const content = oneof(json, BUNDLE_CONTENT, 'bundle');

  let dsse: BundleShape['dsse'];
  if (content === 'dsseEnvelope') {
    const env = json['dsseEnvelope'] as Record<string, unknown>;
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
  }

  // The kind comes from the parsed form sigstore-js verifies; the checks above make it the
  // only reading there is, and this one makes sure the two never part.
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(json);
  } catch (e: unknown) {
    const g = toVerifyGateError(e, 'bundle');
    throw g.code === 'MALFORMED' ? g : malformed(`does not parse: ${g.message}`);
  }
  const parsed = bundle.verificationMaterial.content;
  const signer: BundleShape['signer'] | undefined =
    parsed?.$case === 'publicKey'
      ? 'key'
      : parsed?.$case === 'certificate' || parsed?.$case === 'x509CertificateChain'
        ? 'certificate'
        : undefined;
  if (signer === undefined || parsed?.$case !== material || bundle.content.$case !== content) {
    throw malformed(
      `verification material reads as ${parsed?.$case ?? 'nothing'}, not ${material}: refusing an ambiguous bundle`,
    );
  }
  return {
    version,
    content,
    signer,
    tlogCount: tlogs.length,
    ...(dsse ? { dsse } : {}),
    bundle,
  };
}

/** Only `known` keys; a oneof member's own object is held to its fields too. */
function checkFields(o: Record<string, unknown>, known: readonly string[], where: string): void {
  for (const k of Object.keys(o)) {
    if (!known.includes(k))
      throw malformed(
        `${where} has unknown field ${JSON.stringify(k)} (known: ${known.join(', ')})`,
      );
  }
}

/**
 * The one member of a protobuf oneof that is set. Present with any value counts as set, so
 * `null` next to another member, two members, or none are each refused: protobuf-specs skips
 * `null` and takes the first member it knows, sigstore-go refuses two, and we read neither way.
 */
function oneof<K extends string>(
  o: Record<string, unknown>,
  members: readonly K[],
  where: string,
): K {
  const present = members.filter((m) => Object.prototype.hasOwnProperty.call(o, m));
  if (present.length !== 1) {
    throw malformed(
      `${where} must set exactly one of ${members.join(', ')} (found ${present.length ? present.join(', ') : 'none'})`,
    );
  }
  const m = present[0];
  const v = o[m];
  if (!isObject(v)) {
    throw malformed(
      `${where}.${m} is ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v}, not an object`,
    );
  }
  checkFields(v, MEMBER_FIELDS[m] ?? [], `${where}.${m}`);
  return m;
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
