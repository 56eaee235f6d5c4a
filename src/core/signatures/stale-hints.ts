// Failures that a stale trusted root may explain (a TSA or CT log it does not list yet): the
// hint that says so, added next to the failure rather than replacing it.
import type { SignedEntity, TrustMaterial } from '@sigstore/verify';
import { GateError } from '../errors.js';

export const STALE_HINT =
  'the trusted root may be stale (refresh it via TUF, or pass a current --trusted-root)';

/**
 * A timestamp that fails and names a signer (serial and issuer) that no TSA in the root has as
 * its leaf: the root may lack a new TSA, so say so next to the failure.
 */
export function tsaStaleHint(
  g: GateError,
  entity: SignedEntity,
  tsas: TrustMaterial['timestampAuthorities'],
): GateError {
  if (!/timestamp could not be verified/.test(g.message)) return g;
  const unknown = entity.timestamps.some((t) => {
    if (t.$case !== 'timestamp-authority') return false;
    try {
      const serial = t.timestamp.signerSerialNumber;
      const issuer = t.timestamp.signerIssuer;
      return !tsas.some((ca) => {
        const leaf = ca.certChain[0];
        return leaf !== undefined && leaf.serialNumber.equals(serial) && leaf.issuer.equals(issuer);
      });
    } catch {
      return false;
    }
  });
  if (!unknown) return g;
  return new GateError(
    g.code,
    `${g.message}: its signer is not a timestamp authority the trusted root knows: ${STALE_HINT}`,
    { cause: g },
  );
}

/** The CT log IDs of a certificate's SCTs; none when the extension does not parse. */
export function sctLogIds(cert: {
  extSCT?: { signedCertificateTimestamps: Array<{ logID: Buffer }> };
}): Buffer[] {
  try {
    return (cert.extSCT?.signedCertificateTimestamps ?? []).map((t) => t.logID);
  } catch {
    return [];
  }
}
