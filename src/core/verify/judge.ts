// Judging candidates: each one verified by the signature verifier, or rejected with a code. A
// crafted candidate is a rejection, never an outage, and never outweighs one that verified.
import { GateError, isFailureCode, toGateError, type GateErrorCode } from '../errors.js';
import type { SignatureEvidence } from '../types.js';
import type { CandidateVerifier } from './context.js';
import type { Candidate, Discovery } from './discovery.js';

export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';

export type Rejection = { where: string; code: GateErrorCode; reason: string };

export interface Judged {
  signatures: SignatureEvidence[];
  rejected: Rejection[];
}

/**
 * Why verifying one candidate failed, as the rejection to record. Verification is pure and runs
 * on attacker-made content, so an unexpected throw (INTERNAL) is that candidate failing
 * (MALFORMED), never an outage. A deliberate non-failure code (a size limit) keeps its code: it
 * only decides when no other candidate does (see `deferred` in the callers).
 */
export function candidateRejection(e: unknown, where: string): GateError {
  const err = toGateError(e);
  if (err.code !== 'INTERNAL') return err;
  return new GateError('MALFORMED', `${where}: cannot be verified: ${err.message}`, { cause: e });
}

/**
 * Verifies each signature candidate: verified evidence, or why it was rejected. When nothing
 * verified and a candidate could not be judged within bounds, that is thrown: the evidence could
 * not be obtained, which is not a verdict.
 */
export function judge(found: Discovery, digest: string, verifier: CandidateVerifier): Judged {
  const signatures: SignatureEvidence[] = [];
  const rejected = rejectionsOf(found);
  // A candidate discovery could not read within its own cap weighs like one that could not be
  // judged: nothing, unless no signature verifies.
  let deferred: GateError | undefined = unreadableLimit(found);
  for (const c of found.candidates) {
    // Attestations are judged by the attestation flow; a referrer whose (unauthenticated) hint
    // names another predicate is not offered as a signature, which can only ever exclude.
    if (c.kind === 'legacy' && c.attestation) continue;
    if (
      c.kind === 'bundle' &&
      c.predicateTypeHint !== undefined &&
      c.predicateTypeHint !== COSIGN_SIGN_PREDICATE
    )
      continue;
    try {
      const ev = verifyCandidate(c, digest, verifier);
      if (ev) signatures.push(ev);
    } catch (e: unknown) {
      // Recorded, never thrown: a crafted candidate cannot outweigh one that verified.
      const err = candidateRejection(e, c.where);
      if (!isFailureCode(err.code)) deferred ??= err;
      rejected.push({ where: c.where, code: err.code, reason: err.message });
    }
  }
  if (signatures.length === 0 && deferred) throw deferred;
  return { signatures, rejected };
}

/** What discovery itself rejected, as rejections. */
export function rejectionsOf(found: Discovery): Rejection[] {
  return found.rejected.map(({ where, error }) => ({
    where,
    code: error.code,
    reason: error.message,
  }));
}

/** The first candidate discovery set aside for a non-failure reason (its own size cap). */
export function unreadableLimit(found: Discovery): GateError | undefined {
  return found.rejected.find((r) => !isFailureCode(r.error.code))?.error;
}

function verifyCandidate(
  c: Candidate,
  digest: string,
  verifier: CandidateVerifier,
): SignatureEvidence | undefined {
  if (c.kind === 'legacy') {
    const ev = verifier.verifyLegacy(c, digest);
    return c.input ? { ...ev, input: c.input } : ev;
  }
  const ev = verifier.verifyBundle(c.bundle, { digest }, c.format);
  const predicateType = ev.statement?.predicateType;
  // A verified attestation of another type is not a signature of the image.
  if (predicateType !== undefined && predicateType !== COSIGN_SIGN_PREDICATE) return undefined;
  const evidence = { ...ev, ...(c.input ? { input: c.input } : {}) };
  delete evidence.statement;
  return evidence;
}
