// A verifier whose verified signatures are checked against the revocation list: a revoked one is
// a rejection with code REVOKED (judge.ts records it), so it no longer counts as evidence for
// image signatures and attestations alike, and the lookup goes on to the next candidate.
import { GateError } from '../errors.js';
import type { SignatureEvidence } from '../types.js';
import type { CandidateVerifier } from '../verify/context.js';
import { matchSignature, revokedReason, type RevocationList } from './list.js';

export function revokingVerifier(
  inner: CandidateVerifier,
  list: RevocationList,
): CandidateVerifier {
  const check = <E extends SignatureEvidence>(what: string, ev: E): E => {
    const m = matchSignature(list, ev);
    if (m) throw new GateError('REVOKED', `${what}: signature ${revokedReason(list, m)}`);
    return ev;
  };
  const out: CandidateVerifier = {
    verifyLegacy: (layer, digest) => check('.sig layer', inner.verifyLegacy(layer, digest)),
    verifyBundle: (bundle, subject, format) =>
      check(`bundle (${format})`, inner.verifyBundle(bundle, subject, format)),
  };
  const att = inner.verifyLegacyAttestation?.bind(inner);
  if (att) out.verifyLegacyAttestation = (layer, digest) => check('.att layer', att(layer, digest));
  return out;
}
