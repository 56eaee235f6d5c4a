// X.509 and RFC 3161 building blocks of the test Sigstore: CA, Fulcio-style leaf, CT log SCTs and a
// timestamp authority, all signed with node:crypto so every byte (and every fault) is under test control.
import crypto, { type KeyObject } from 'node:crypto';
import {
  bitString,
  bool,
  explicit,
  generalizedTime,
  implicitPrimitive,
  integer,
  octetString,
  oid,
  printableString,
  retag,
  seq,
  setOf,
  time,
  utf8String,
} from './test-sigstore-der.js';

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  sha256: '2.16.840.1.101.3.4.2.1',
  organization: '2.5.4.10',
  commonName: '2.5.4.3',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  sctList: '1.3.6.1.4.1.11129.2.4.2',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  attrContentType: '1.2.840.113549.1.9.3',
  attrMessageDigest: '1.2.840.113549.1.9.4',
  attrSigningCertificateV2: '1.2.840.113549.1.9.16.2.47',
  fulcioIssuerV1: '1.3.6.1.4.1.57264.1.1',
  fulcioIssuerV2: '1.3.6.1.4.1.57264.1.8',
} as const;

export function generateKeyPair(curve: 'P-256' | 'P-384' | 'P-521' = 'P-256'): KeyPair {
  return crypto.generateKeyPairSync('ec', { namedCurve: curve });
}

export async function generateKeyPairAsync(curve: 'P-256' | 'P-384' = 'P-256'): Promise<KeyPair> {
  return new Promise((resolve, reject) => {
    crypto.generateKeyPair('ec', { namedCurve: curve }, (err, publicKey, privateKey) => {
      if (err) reject(err);
      else resolve({ publicKey, privateKey });
    });
  });
}

export const spkiDer = (key: KeyObject): Buffer => key.export({ type: 'spki', format: 'der' });

/** Distinguished name with O and CN, as Fulcio's and the Sigstore TSA's CA names are built. */
export function distinguishedName(organization: string, commonName: string): Buffer {
  const rdn = (type: string, value: string): Buffer =>
    setOf(seq(oid(type), printableString(value)));
  return seq(rdn(OID.organization, organization), rdn(OID.commonName, commonName));
}

export function extension(extOid: string, critical: boolean, value: Buffer): Buffer {
  return critical
    ? seq(oid(extOid), bool(true), octetString(value))
    : seq(oid(extOid), octetString(value));
}

/** A certificate plus what issuing from it needs. */
export interface IssuedCert {
  der: Buffer;
  keys: KeyPair;
  subject: Buffer;
  serial: Buffer;
  subjectKeyId: Buffer;
  notBefore: Date;
  notAfter: Date;
}

export interface Issuer {
  subject: Buffer;
  keys: KeyPair;
  subjectKeyId: Buffer;
}

/** The hash and AlgorithmIdentifier an ECDSA key of this curve signs with (P-384 -> SHA-384). */
function signatureAlgorithm(key: KeyObject): { hash: string; algId: Buffer } {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (curve === 'secp384r1') return { hash: 'sha384', algId: seq(oid(OID.ecdsaWithSha384)) };
  return { hash: 'sha256', algId: seq(oid(OID.ecdsaWithSha256)) };
}

export const randomSerial = (): Buffer => {
  const bytes = crypto.randomBytes(20);
  bytes[0] = bytes[0] & 0x7f;
  return bytes;
};

export const keyIdentifier = (key: KeyObject): Buffer =>
  crypto.createHash('sha1').update(spkiDer(key)).digest();

export interface CertificateRequest {
  subject: Buffer;
  publicKey: KeyObject;
  /** undefined means self-signed with `selfKeys`. */
  issuer?: Issuer;
  selfKeys?: KeyPair;
  notBefore: Date;
  notAfter: Date;
  extensions: Buffer[];
  serial?: Buffer;
  /** Called with the TBS certificate without SCTs; returns one more extension to append (RFC 6962 3.1). */
  precertificateHook?: (tbsWithoutSct: Buffer, issuerSpki: Buffer) => Buffer;
}

function tbsCertificate(
  req: CertificateRequest,
  issuerName: Buffer,
  algId: Buffer,
  serial: Buffer,
  extensions: Buffer[],
): Buffer {
  return seq(
    explicit(0, integer(2)),
    integer(serial),
    algId,
    issuerName,
    seq(time(req.notBefore), time(req.notAfter)),
    req.subject,
    spkiDer(req.publicKey),
    explicit(3, seq(...extensions)),
  );
}

export function createCertificate(req: CertificateRequest): Buffer {
  const signer = req.issuer?.keys ?? req.selfKeys;
  if (!signer) throw new Error('createCertificate: need an issuer or selfKeys');
  const issuerName = req.issuer?.subject ?? req.subject;
  const { hash, algId } = signatureAlgorithm(signer.privateKey);
  const serial = req.serial ?? randomSerial();
  let extensions = req.extensions;
  if (req.precertificateHook) {
    const precert = tbsCertificate(req, issuerName, algId, serial, extensions);
    extensions = [...extensions, req.precertificateHook(precert, spkiDer(signer.publicKey))];
  }
  const tbs = tbsCertificate(req, issuerName, algId, serial, extensions);
  const signature = crypto.sign(hash, tbs, signer.privateKey);
  return seq(tbs, algId, bitString(signature));
}

/** A CA certificate (root when issuer is omitted) with the extensions Fulcio's CAs carry. */
export function createCa(opts: {
  subject: Buffer;
  keys: KeyPair;
  issuer?: Issuer;
  notBefore: Date;
  notAfter: Date;
  pathLen?: number;
  codeSigningEku?: boolean;
}): IssuedCert {
  const ski = keyIdentifier(opts.keys.publicKey);
  const serial = randomSerial();
  const basic =
    opts.pathLen === undefined ? seq(bool(true)) : seq(bool(true), integer(opts.pathLen));
  const extensions = [
    extension(OID.keyUsage, true, bitString(Buffer.from([0x06]), 1)),
    ...(opts.codeSigningEku ? [extension(OID.extKeyUsage, false, seq(oid(OID.codeSigning)))] : []),
    extension(OID.basicConstraints, true, basic),
    extension(OID.subjectKeyId, false, octetString(ski)),
    extension(
      OID.authorityKeyId,
      false,
      seq(implicitPrimitive(0, opts.issuer?.subjectKeyId ?? ski)),
    ),
  ];
  const der = createCertificate({
    subject: opts.subject,
    publicKey: opts.keys.publicKey,
    ...(opts.issuer ? { issuer: opts.issuer } : { selfKeys: opts.keys }),
    notBefore: opts.notBefore,
    notAfter: opts.notAfter,
    extensions,
    serial,
  });
  return {
    der,
    keys: opts.keys,
    subject: opts.subject,
    serial,
    subjectKeyId: ski,
    notBefore: opts.notBefore,
    notAfter: opts.notAfter,
  };
}

// ---------------------------------------------------------------------------------------------
// Certificate Transparency (RFC 6962): one SCT over the precertificate TBS.

export interface CtLog {
  keys: KeyPair;
  logId: Buffer;
}

export const logIdOf = (key: KeyObject): Buffer =>
  crypto.createHash('sha256').update(spkiDer(key)).digest();

function uint(value: number | bigint, bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  let v = BigInt(value);
  for (let i = bytes - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** The SCT list extension for a precertificate, signed by `log` at `when`. */
export function sctExtension(
  log: CtLog,
  when: Date,
  tbsWithoutSct: Buffer,
  issuerSpki: Buffer,
): Buffer {
  const timestamp = uint(when.getTime(), 8);
  const issuerKeyHash = crypto.createHash('sha256').update(issuerSpki).digest();
  const signed = Buffer.concat([
    Buffer.from([0, 0]), // v1, certificate_timestamp
    timestamp,
    uint(1, 2), // precert_entry
    issuerKeyHash,
    uint(tbsWithoutSct.length, 3),
    tbsWithoutSct,
    uint(0, 2), // no CT extensions
  ]);
  const signature = crypto.sign('sha256', signed, log.keys.privateKey);
  const sct = Buffer.concat([
    Buffer.from([0]),
    log.logId,
    timestamp,
    uint(0, 2),
    Buffer.from([4, 3]), // sha256, ecdsa
    uint(signature.length, 2),
    signature,
  ]);
  const list = Buffer.concat([uint(sct.length + 2, 2), uint(sct.length, 2), sct]);
  return extension(OID.sctList, false, octetString(list));
}

// ---------------------------------------------------------------------------------------------
// Fulcio-style leaf.

export type SubjectAltName = { email: string } | { uri: string };

/** Fulcio's 1.3.6.1.4.1.57264.1.2-.6 are raw strings; .1.1 too; .1.8 onwards DER UTF8String. */
export function fulcioExtensionValue(extOid: string, value: string): Buffer {
  const prefix = '1.3.6.1.4.1.57264.1.';
  if (extOid.startsWith(prefix)) {
    const arc = Number(extOid.slice(prefix.length));
    if (arc >= 1 && arc <= 6) return Buffer.from(value, 'utf8');
  }
  return utf8String(value);
}

function compareOids(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export function createFulcioLeaf(opts: {
  issuer: Issuer;
  publicKey: KeyObject;
  san: SubjectAltName;
  /** OID -> value; the OIDC issuer is passed here as both .1.1 and .1.8 by the caller. */
  extensions: Record<string, string>;
  notBefore: Date;
  notAfter: Date;
  ctLog?: CtLog;
  sctTime?: Date;
  /** Extended key usages (dotted OIDs); default code signing; [] leaves the extension out. */
  extKeyUsage?: string[];
}): Buffer {
  const eku = opts.extKeyUsage ?? [OID.codeSigning];
  const san =
    'email' in opts.san
      ? implicitPrimitive(1, Buffer.from(opts.san.email, 'utf8'))
      : implicitPrimitive(6, Buffer.from(opts.san.uri, 'utf8'));
  const fulcioExts = Object.entries(opts.extensions)
    .sort(([a], [b]) => compareOids(a, b))
    .map(([extOid, value]) => extension(extOid, false, fulcioExtensionValue(extOid, value)));
  const extensions = [
    extension(OID.keyUsage, true, bitString(Buffer.from([0x80]), 7)),
    ...(eku.length ? [extension(OID.extKeyUsage, false, seq(...eku.map((o) => oid(o))))] : []),
    extension(OID.subjectKeyId, false, octetString(keyIdentifier(opts.publicKey))),
    extension(OID.authorityKeyId, false, seq(implicitPrimitive(0, opts.issuer.subjectKeyId))),
    extension(OID.subjectAltName, true, seq(san)),
    ...fulcioExts,
  ];
  const ctLog = opts.ctLog;
  return createCertificate({
    subject: seq(), // Fulcio leaves have an empty subject; the identity is in the SAN
    publicKey: opts.publicKey,
    issuer: opts.issuer,
    notBefore: opts.notBefore,
    notAfter: opts.notAfter,
    extensions,
    ...(ctLog
      ? {
          precertificateHook: (tbs: Buffer, issuerSpki: Buffer) =>
            sctExtension(ctLog, opts.sctTime ?? opts.notBefore, tbs, issuerSpki),
        }
      : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// RFC 3161 timestamp authority: a TimeStampResp (status + token), which is what Sigstore bundles
// carry in rfc3161Timestamps[].signedTimestamp.

export interface Tsa {
  root: IssuedCert;
  leaf: IssuedCert;
}

export function createTsaLeaf(opts: {
  root: IssuedCert;
  keys: KeyPair;
  subject: Buffer;
  notBefore: Date;
  notAfter: Date;
}): IssuedCert {
  const serial = randomSerial();
  const ski = keyIdentifier(opts.keys.publicKey);
  const der = createCertificate({
    subject: opts.subject,
    publicKey: opts.keys.publicKey,
    issuer: opts.root,
    notBefore: opts.notBefore,
    notAfter: opts.notAfter,
    serial,
    extensions: [
      extension(OID.keyUsage, true, bitString(Buffer.from([0x80]), 7)),
      extension(OID.extKeyUsage, true, seq(oid(OID.timeStamping))),
      extension(OID.subjectKeyId, false, octetString(ski)),
      extension(OID.authorityKeyId, false, seq(implicitPrimitive(0, opts.root.subjectKeyId))),
    ],
  });
  return {
    der,
    keys: opts.keys,
    subject: opts.subject,
    serial,
    subjectKeyId: ski,
    notBefore: opts.notBefore,
    notAfter: opts.notAfter,
  };
}

const TSA_POLICY = '1.3.6.1.4.1.57264.2';

export function createTimestampResponse(tsa: Tsa, data: Uint8Array, genTime: Date): Buffer {
  const sha256 = seq(oid(OID.sha256));
  const tstInfo = seq(
    integer(1),
    oid(TSA_POLICY),
    seq(sha256, octetString(crypto.createHash('sha256').update(data).digest())),
    integer(randomSerial()),
    generalizedTime(genTime),
    integer(crypto.randomBytes(8)), // nonce, as cosign requests one
  );
  const attribute = (type: string, value: Buffer): Buffer => seq(oid(type), setOf(value));
  const signedAttrsSet = setOf(
    attribute(OID.attrContentType, oid(OID.tstInfo)),
    attribute(
      OID.attrMessageDigest,
      octetString(crypto.createHash('sha256').update(tstInfo).digest()),
    ),
    attribute(
      OID.attrSigningCertificateV2,
      seq(seq(seq(octetString(crypto.createHash('sha256').update(tsa.leaf.der).digest())))),
    ),
  );
  // CMS signs the DER of the attributes as a SET, then stores them as [0] IMPLICIT (RFC 5652 5.4).
  const signature = crypto.sign('sha256', signedAttrsSet, tsa.leaf.keys.privateKey);
  const signerInfo = seq(
    integer(1),
    seq(tsa.root.subject, integer(tsa.leaf.serial)),
    sha256,
    retag(signedAttrsSet, 0xa0),
    seq(oid(OID.ecdsaWithSha256)),
    octetString(signature),
  );
  const signedData = seq(
    integer(3),
    setOf(sha256),
    seq(oid(OID.tstInfo), explicit(0, octetString(tstInfo))),
    setOf(signerInfo),
  );
  const token = seq(oid(OID.signedData), explicit(0, signedData));
  return seq(seq(integer(0)), token);
}
