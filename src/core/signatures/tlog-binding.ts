// Binds each transparency-log entry to the signer we accepted: the key or certificate recorded
// in the Rekor body must be ours. sigstore-js compares signature and digest only, not the key
// (for Rekor v2 hashedrekord 0.0.2 and dsse 0.0.2 entries either).
import { createPublicKey, X509Certificate as NodeX509 } from 'node:crypto';
import { Entry, type Verifier } from '@sigstore/protobuf-specs/rekor/v2';
import { GateError } from '../errors.js';

/** Who signed, as DER: the leaf certificate (keyless) or the public key's SPKI (key). */
export type SignerMaterial =
  { kind: 'certificate'; der: Buffer; spki: Buffer } | { kind: 'key'; spki: Buffer };

interface BodyVerifier {
  cert?: Buffer;
  /** The DER inside a `PUBLIC KEY` PEM as written: equal bytes are the same key, no parsing. */
  rawSpki?: Buffer;
  /** The key as SPKI DER; for a certificate, parsed only when a key signer needs it. */
  spki?: () => Buffer | undefined;
}

/**
 * Throws TLOG_INVALID unless every entry's body names `signer` as its verifier. The verifier is
 * read from the place sigstore-js reads that kind and version from (the Rekor v2 protobuf form
 * through the same parser), and every verifier there must be the signer: a body naming none,
 * or another key in a field this kind does not have, binds nothing.
 */
export function checkTlogSigner(
  entries: ReadonlyArray<{ canonicalizedBody: Buffer; logIndex?: string }>,
  signer: SignerMaterial,
): void {
  entries.forEach((entry, i) => {
    const { kind, verifiers } = bodyVerifiers(entry.canonicalizedBody, i);
    const ok =
      verifiers.length > 0 &&
      verifiers.every((v) =>
        signer.kind === 'certificate'
          ? (v.cert !== undefined && v.cert.equals(signer.der)) ||
            (v.cert === undefined && sameKey(v, signer.spki))
          : sameKey(v, signer.spki),
      );
    if (!ok) {
      const what = signer.kind === 'key' ? 'public key' : 'certificate';
      throw new GateError(
        'TLOG_INVALID',
        verifiers.length === 0
          ? `tlog entry ${i} (logIndex ${entry.logIndex ?? '?'}, ${kind}) records no verifier to compare with the ${what} that signed`
          : `tlog entry ${i} (logIndex ${entry.logIndex ?? '?'}, ${kind}) records a different ${what} than the one that signed`,
      );
    }
  });
}

/** Byte-equal SPKI first; otherwise the key as node:crypto normalises it (other encodings). */
function sameKey(v: BodyVerifier, spki: Buffer): boolean {
  if (v.rawSpki?.equals(spki) === true) return true;
  return v.spki?.()?.equals(spki) === true;
}

function bodyVerifiers(body: Buffer, i: number): { kind: string; verifiers: BodyVerifier[] } {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (e: unknown) {
    throw new GateError('TLOG_INVALID', `tlog entry ${i}: canonicalized body is not JSON`, {
      cause: e,
    });
  }
  const kind = get(json, 'kind');
  const version = get(json, 'apiVersion');
  const kv = `${typeof kind === 'string' ? kind : '?'}/${typeof version === 'string' ? version : '?'}`;
  const spec = get(json, 'spec');
  const pems: unknown[] = [];
  switch (kv) {
    // Rekor v1 kinds hold base64 PEM strings (sigstore-js: verifyTLogBody, version 0.0.1 checks).
    case 'hashedrekord/0.0.1':
      pems.push(get(spec, 'signature', 'publicKey', 'content'));
      break;
    case 'dsse/0.0.1':
      for (const s of arr(get(spec, 'signatures'))) pems.push(get(s, 'verifier'));
      break;
    case 'intoto/0.0.1':
      pems.push(get(spec, 'publicKey'));
      break;
    case 'intoto/0.0.2':
      for (const s of arr(get(spec, 'content', 'envelope', 'signatures')))
        pems.push(get(s, 'publicKey'));
      break;
    default:
      // sigstore-js reads every other hashedrekord/dsse version as a Rekor v2 Entry.
      if (kind === 'hashedrekord' || kind === 'dsse')
        return { kind: kv, verifiers: v2Verifiers(json, kind, kv, i) };
      return { kind: kv, verifiers: [] };
  }
  return {
    kind: kv,
    verifiers: pems.map((v) => (typeof v === 'string' ? fromBase64Pem(v) : {})),
  };
}

/** Rekor v2 hashedRekordV002 / dsseV002: protobuf Verifier objects with raw DER. */
function v2Verifiers(json: unknown, kind: string, kv: string, i: number): BodyVerifier[] {
  let entry: Entry;
  try {
    entry = Entry.fromJSON(json);
  } catch (e: unknown) {
    throw new GateError('TLOG_INVALID', `tlog entry ${i}: ${kv} body does not parse`, {
      cause: e,
    });
  }
  const spec = entry.spec?.spec;
  const found: Array<Verifier | undefined> = [];
  if (kind === 'hashedrekord' && spec?.$case === 'hashedRekordV002')
    found.push(spec.hashedRekordV002.signature?.verifier);
  if (kind === 'dsse' && spec?.$case === 'dsseV002')
    for (const s of spec.dsseV002.signatures) found.push(s.verifier);
  return found.map((v) => {
    const m = v?.verifier;
    if (m?.$case === 'x509Certificate') return fromCertDer(m.x509Certificate.rawBytes);
    if (m?.$case === 'publicKey') {
      const raw = m.publicKey.rawBytes;
      let spki: Buffer | undefined | null = null;
      return { rawSpki: raw, spki: () => (spki === null ? (spki = normaliseSpki(raw)) : spki) };
    }
    return {};
  });
}

/**
 * A Rekor v1 verifier: base64 of PEM. Rekor keeps the first PEM block (Go's pem.Decode) and
 * ignores what follows, so only that block is read, and only when it is a well-formed
 * certificate or public key with canonical base64 right at the start: a certificate after
 * another key (logged under that key) or a block Go would skip never names the signer. A
 * certificate may be followed by its chain.
 */
function fromBase64Pem(b64: string): BodyVerifier {
  const pem = Buffer.from(b64, 'base64').toString('utf8');
  const m = /^\s*-----BEGIN (CERTIFICATE|PUBLIC KEY)-----([A-Za-z0-9+/=\s]*)-----END \1-----/.exec(
    pem,
  );
  if (!m) return {};
  const text = m[2].replace(/\s+/g, '');
  const der = Buffer.from(text, 'base64');
  if (der.length === 0 || der.toString('base64') !== text) return {};
  if (m[1] === 'CERTIFICATE') return fromCertDer(der);
  if (pem.slice(m[0].length).trim() !== '') return {};
  let spki: Buffer | undefined | null = null;
  return {
    rawSpki: der,
    spki: () => (spki === null ? (spki = normaliseSpki(der)) : spki),
  };
}

/**
 * A keyless signer is matched on the certificate bytes alone, so the certificate is parsed only
 * when a key signer asks for its SPKI; a certificate that does not parse names no key.
 */
function fromCertDer(der: Buffer): BodyVerifier {
  let spki: Buffer | undefined | null = null;
  return {
    cert: der,
    spki: () => {
      if (spki === null) {
        try {
          spki = new NodeX509(der).publicKey.export({ type: 'spki', format: 'der' });
        } catch {
          spki = undefined;
        }
      }
      return spki;
    },
  };
}

function normaliseSpki(der: Buffer): Buffer | undefined {
  try {
    return createPublicKey({ key: der, format: 'der', type: 'spki' }).export({
      type: 'spki',
      format: 'der',
    });
  } catch {
    return undefined;
  }
}

function get(o: unknown, ...path: string[]): unknown {
  let cur = o;
  for (const k of path) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
