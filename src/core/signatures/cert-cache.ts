// Certificates that remember what they already computed: trust-root CA/TSA certificates keep
// their DER, key and the verdict of one trust-root certificate signing another for the whole run;
// a bundle's leaf keeps its own encodings for the one verification it belongs to.
import { crypto as sigCrypto, X509Certificate } from '@sigstore/core';
import type { KeyObject } from 'node:crypto';
import type { TrustMaterial } from '@sigstore/verify';
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
  }

  override get publicKey(): Buffer {
    // A copy: callers get their own bytes, as they would from a fresh encoding.
    return Buffer.from(this.spki);
  }

  /** The KeyObject for this certificate's SPKI, created once. */
  keyObject(): KeyObject {
    return (this.key ??= sigCrypto.createPublicKey(this.spki));
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
    return Buffer.from((this.spki ??= super.publicKey));
  }

  override equals(other: X509Certificate): boolean {
    return this.der.equals(derOf(other));
  }

  override clone(): X509Certificate {
    return cloneOf(this.der);
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
