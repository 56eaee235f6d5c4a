// Certificates that remember what they already computed: trust-root CA/TSA certificates keep
// their DER, key and the verdict of one trust-root certificate signing another for the whole run;
// a bundle's leaf keeps its own encodings for the one verification it belongs to.
import {
  ASN1Obj,
  crypto as sigCrypto,
  X509Certificate,
  type RFC3161Timestamp,
} from '@sigstore/core';
import { X509Certificate as NodeX509, type KeyObject } from 'node:crypto';
import type { TrustMaterial } from '@sigstore/verify';
import './asn1-reads.js';
import { encodeDer } from './der.js';

type CertAuthority = TrustMaterial['certificateAuthorities'][number];

/**
 * sigstore-js re-encodes a certificate to DER on every `equals`, `publicKey` and `verify`, and
 * re-checks the trust root's own chain (intermediate by root, root by itself) for every image and
 * every timestamp. These results depend only on trust-root bytes, fixed for the run, so they are
 * computed once. Nothing that depends on a bundle's leaf, or on a time, is remembered across
 * verifications: validity dates are checked by sigstore-js on every call, and a leaf is never
 * a TrustedCertificate.
 */
export class TrustedCertificate extends X509Certificate {
  readonly der: Buffer;
  private readonly spki: Buffer;
  private key?: KeyObject;
  /** Signature verdicts keyed by the issuing trusted certificate (`this` for self-signed). */
  private readonly verdicts = new Map<TrustedCertificate, boolean>();

  constructor(cert: X509Certificate) {
    super(cert.root);
    this.der = encodeDer(cert.root);
    this.spki = super.publicKey;
    trustedKeys.set(this.spki.toString('latin1'), this);
  }

  override get publicKey(): Buffer {
    // A copy: callers get their own bytes, as they would from a fresh encoding.
    return Buffer.from(this.spki);
  }

  /** The KeyObject for this certificate's SPKI, created once. */
  keyObject(): KeyObject {
    return (this.key ??= createPublicKey(this.spki));
  }

  override equals(other: X509Certificate): boolean {
    return this.der.equals(derOf(other));
  }

  override clone(): X509Certificate {
    return cloneOf(this.der);
  }

  override verify(issuer?: X509Certificate): boolean {
    const by = issuer ?? this;
    // Only a trust-root issuer is remembered; anything else (a bundle's certificate posing as
    // the issuer of a root certificate) is checked afresh every time.
    if (!(by instanceof TrustedCertificate)) return super.verify(issuer);
    let ok = this.verdicts.get(by);
    if (ok === undefined) {
      ok = sigCrypto.verify(
        encodeDer(this.tbsCertificate),
        by.keyObject(),
        this.signatureValue,
        this.signatureAlgorithm,
      );
      this.verdicts.set(by, ok);
    }
    return ok;
  }
}

/**
 * Trust-root certificates by their SPKI (the whole DER, one character per byte: latin1 is one-to-one and cheaper than base64), for sigCrypto.createPublicKey
 * below. Only TrustedCertificates are put here, never a bundle's certificate.
 */
const trustedKeys = new Map<string, TrustedCertificate>();

type CreatePublicKey = typeof sigCrypto.createPublicKey;
const createPublicKey: CreatePublicKey = sigCrypto.createPublicKey;
/**
 * sigstore-js' RFC 3161 check (verify/dist/timestamp/tsa.js) builds the TSA's KeyObject from
 * `leaf.publicKey` for every timestamp it checks; for a trust-root certificate's exact SPKI bytes
 * (the whole DER is the lookup key) this returns the KeyObject that certificate made once. Any
 * other key, including every bundle's, is created afresh as before.
 */
const createPublicKeyOnce: CreatePublicKey = (key, type) => {
  if (Buffer.isBuffer(key) && (type === undefined || type === 'spki') && trustedKeys.size > 0) {
    const known = trustedKeys.get(key.toString('latin1'));
    if (known) return known.keyObject();
  }
  return createPublicKey(key, type);
};
(sigCrypto as { createPublicKey: CreatePublicKey }).createPublicKey = createPublicKeyOnce;

/**
 * A bundle's leaf certificate for one verification: its DER, TBS bytes and the verdict of each
 * issuer it was checked against are kept on this object only, which lives as long as the one
 * bundle being verified (sigstore-js checks the chain once per timestamp).
 */
export class LeafCertificate extends X509Certificate {
  readonly der: Buffer;
  private tbs?: Buffer;
  private spki?: Buffer;
  private readonly verdicts = new Map<X509Certificate, boolean>();

  constructor(cert: X509Certificate) {
    super(cert.root);
    this.der = encodeDer(cert.root);
  }

  override get publicKey(): Buffer {
    return Buffer.from((this.spki ??= spkiOf(this)));
  }

  override equals(other: X509Certificate): boolean {
    return this.der.equals(derOf(other));
  }

  /**
   * The SCT check's copy, from this certificate's parsed tree rather than a second parse of its
   * DER. sigstore-js edits a clone in one place, the extension list (it splices the SCT
   * extension out): the nodes from the root down to that list, and the list itself, are the
   * copy's own, so the edit leaves this certificate as it was; every other node is shared, and
   * nothing reassigns a node's tag, value or children (asn1-reads.ts relies on that too).
   */
  override clone(): X509Certificate {
    const c = new X509Certificate(copyToExtensions(this.root));
    const tbs = c.tbsCertificate;
    tbs.toDER = () => encodeDer(tbs);
    return c;
  }

  override verify(issuer?: X509Certificate): boolean {
    const by = issuer ?? this;
    let ok = this.verdicts.get(by);
    if (ok === undefined) {
      const key =
        by instanceof TrustedCertificate
          ? by.keyObject()
          : sigCrypto.createPublicKey(by === this ? this.publicKey : by.publicKey);
      ok = sigCrypto.verify(
        (this.tbs ??= encodeDer(this.tbsCertificate)),
        key,
        this.signatureValue,
        this.signatureAlgorithm,
      );
      this.verdicts.set(by, ok);
    }
    return ok;
  }
}

/**
 * A plain, independent copy (sigstore-js edits a clone's extensions to rebuild the precertificate
 * for SCTs); its TBS is encoded by encodeDer, from the tree as it is when asked.
 */
function cloneOf(der: Buffer): X509Certificate {
  const c = X509Certificate.parse(Buffer.from(der));
  const tbs = c.tbsCertificate;
  tbs.toDER = () => encodeDer(tbs);
  return c;
}

/**
 * The DER of a certificate's SubjectPublicKeyInfo: sigstore-js' `publicKey` is that node's
 * ASN1Obj.toDER(), encoded here by encodeDer (the same bytes; where the tree has no such node,
 * both fail alike).
 */
function spkiOf(c: X509Certificate): Buffer {
  return encodeDer((c as unknown as { subjectPublicKeyInfoObj: ASN1Obj }).subjectPublicKeyInfoObj);
}

/**
 * A copy of a certificate tree whose path to the extension list is new (root, TBSCertificate,
 * each `[3]` extensions field and the SEQUENCE inside it, with a new children array each) and
 * whose other nodes are the original's.
 */
function copyToExtensions(root: ASN1Obj): ASN1Obj {
  const own = (o: ASN1Obj, subs: ASN1Obj[]) => new ASN1Obj(o.tag, o.value, subs);
  const [tbs, ...rest] = root.subs;
  if (tbs === undefined) return own(root, []);
  const tbsSubs = tbs.subs.map((f) =>
    f.tag.isContextSpecific(0x03)
      ? own(
          f,
          f.subs.map((seq) => own(seq, [...seq.subs])),
        )
      : f,
  );
  return own(root, [own(tbs, tbsSubs), ...rest]);
}

function derOf(c: X509Certificate): Buffer {
  return c instanceof TrustedCertificate || c instanceof LeafCertificate ? c.der : c.root.toDER();
}

/** The same CAs and TSAs, their certificates as TrustedCertificates. */
export function withTrustedCertificates<
  T extends Pick<TrustMaterial, 'certificateAuthorities' | 'timestampAuthorities'>,
>(m: T): T {
  const wrap = (ca: CertAuthority): CertAuthority => ({
    ...ca,
    certChain: ca.certChain.map((c) => new TrustedCertificate(c)),
  });
  return {
    ...m,
    certificateAuthorities: m.certificateAuthorities.map(wrap),
    timestampAuthorities: m.timestampAuthorities.map(wrap),
  };
}

/**
 * sigstore-js re-encodes a timestamp's signed attributes and its TSTInfo through ASN1Obj.toDER
 * (growing buffers at every level) each time it checks them; encodeDer gives the same bytes in
 * one allocation. The tree is the timestamp's own, parsed once from the bundle and not changed
 * after, and each call still encodes afresh (the caller edits the first byte of the result).
 * A timestamp whose structure lacks these parts is left as it is, for sigstore-js to reject.
 */
export function withTimestampDer(ts: RFC3161Timestamp): RFC3161Timestamp {
  const parts = ts as unknown as {
    signedAttrsObj?: ASN1Obj;
    eContentObj?: ASN1Obj;
  };
  let nodes: Array<ASN1Obj | undefined>;
  try {
    nodes = [parts.signedAttrsObj, parts.eContentObj?.subs[0]?.subs[0]];
  } catch {
    return ts;
  }
  for (const n of nodes) if (n) n.toDER = () => encodeDer(n);
  return ts;
}

/**
 * Runs synchronous sigstore-js parsing or verification with no stack traces on the errors made
 * inside: its ASN.1 parser throws and catches an ASN1ParseError for every OCTET STRING it probes
 * for nested DER, and capturing a stack is most of what such an error costs. Only the messages of
 * sigstore-js' errors are reported (toVerifyGateError), never their stacks. The limit is put back
 * before returning, and no other code runs in between (`fn` is synchronous).
 */
export function withoutStacks<T>(fn: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return fn();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** How many of the newest leaf certificates nodeX509 keeps (about one per image in flight). */
const NODE_X509_KEPT = 64;
const nodeX509s = new Map<string, NodeX509>();

/**
 * Node's X509Certificate for these DER bytes, parsed once while the image is being verified: a
 * cosign `.sig` layer's certificate is parsed by Node when it is read (legacy.ts, to fail early on
 * a bad one) and again for the facts a revocation list names it by (verify-signer.ts). Keyed by
 * the whole DER, and only a parse is kept (Node's object is immutable), never a verdict.
 */
export function nodeX509(der: Buffer): NodeX509 {
  const key = der.toString('latin1');
  let c = nodeX509s.get(key);
  if (c === undefined) {
    c = new NodeX509(der);
    nodeX509s.set(key, c);
    if (nodeX509s.size > NODE_X509_KEPT) nodeX509s.delete(nodeX509s.keys().next().value!);
  }
  return c;
}
