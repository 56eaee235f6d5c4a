// Binds each transparency-log entry to the signer we accepted: the key or certificate recorded
// in the Rekor body must be ours. sigstore-js compares signature and digest only, not the key.
import { createPublicKey, X509Certificate as NodeX509 } from 'node:crypto';
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

/** Throws TLOG_INVALID unless every entry's body names `signer` as its verifier. */
export function checkTlogSigner(
  entries: ReadonlyArray<{ canonicalizedBody: Buffer; logIndex?: string }>,
  signer: SignerMaterial,
): void {
  entries.forEach((entry, i) => {
    const verifiers = bodyVerifiers(entry.canonicalizedBody, i);
    const ok = verifiers.some((v) =>
      signer.kind === 'certificate'
        ? (v.cert !== undefined && v.cert.equals(signer.der)) ||
          (v.cert === undefined && sameKey(v, signer.spki))
        : sameKey(v, signer.spki),
    );
    if (!ok) {
      throw new GateError(
        'TLOG_INVALID',
        `tlog entry ${i} (logIndex ${entry.logIndex ?? '?'}) records a different ${signer.kind === 'key' ? 'public key' : 'certificate'} than the one that signed`,
      );
    }
  });
}

/** Byte-equal SPKI first; otherwise the key as node:crypto normalises it (other encodings). */
function sameKey(v: BodyVerifier, spki: Buffer): boolean {
  if (v.rawSpki?.equals(spki) === true) return true;
  return v.spki?.()?.equals(spki) === true;
}

function bodyVerifiers(body: Buffer, i: number): BodyVerifier[] {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (e: unknown) {
    throw new GateError('TLOG_INVALID', `tlog entry ${i}: canonicalized body is not JSON`, {
      cause: e,
    });
  }
  const spec = get(json, 'spec');
  const found: unknown[] = [];
  // Rekor v1: hashedrekord 0.0.1, dsse 0.0.1, intoto 0.0.1/0.0.2 hold base64 PEM strings.
  found.push(get(spec, 'signature', 'publicKey', 'content'));
  for (const s of arr(get(spec, 'signatures'))) found.push(get(s, 'verifier'));
  found.push(get(spec, 'publicKey'));
  for (const s of arr(get(spec, 'content', 'envelope', 'signatures')))
    found.push(get(s, 'publicKey'));
  const out: BodyVerifier[] = found.flatMap((v) =>
    typeof v === 'string' ? [fromBase64Pem(v)] : [],
  );
  // Rekor v2: hashedRekordV002 / dsseV002 hold protobuf Verifier objects with raw DER.
  const v2: unknown[] = [get(spec, 'hashedRekordV002', 'signature', 'verifier')];
  for (const s of arr(get(spec, 'dsseV002', 'signatures'))) v2.push(get(s, 'verifier'));
  for (const v of v2) {
    const cert = get(v, 'x509Certificate', 'rawBytes');
    const key = get(v, 'publicKey', 'rawBytes');
    if (typeof cert === 'string') out.push(fromCertDer(Buffer.from(cert, 'base64')));
    if (typeof key === 'string') {
      const raw = Buffer.from(key, 'base64');
      let spki: Buffer | undefined | null = null;
      out.push({ rawSpki: raw, spki: () => (spki === null ? (spki = normaliseSpki(raw)) : spki) });
    }
  }
  return out.filter((v) => v.cert !== undefined || v.spki !== undefined);
}

function fromBase64Pem(b64: string): BodyVerifier {
  const pem = Buffer.from(b64, 'base64').toString('utf8');
  if (pem.includes('-----BEGIN CERTIFICATE-----')) {
    const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
    return m ? fromCertDer(Buffer.from(m[1].replace(/\s+/g, ''), 'base64')) : {};
  }
  const m = /^\s*-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]*)-----END PUBLIC KEY-----\s*$/.exec(
    pem,
  );
  const rawSpki = m ? Buffer.from(m[1].replace(/\s+/g, ''), 'base64') : undefined;
  let spki: Buffer | undefined | null = null;
  return {
    ...(rawSpki ? { rawSpki } : {}),
    spki: () => {
      if (spki === null) {
        try {
          spki = createPublicKey(pem).export({ type: 'spki', format: 'der' });
        } catch {
          spki = undefined;
        }
      }
      return spki;
    },
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
