// Translates @sigstore/verify and @sigstore/bundle exceptions into our codes, so the report's
// outcome comes from a code and every rejection of attacker-made evidence is a failure (exit 1).
import { ValidationError } from '@sigstore/bundle';
import { PolicyError, VerificationError } from '@sigstore/verify';
import { GateError, type GateErrorCode } from '../errors.js';

// Why each sigstore code lands where it does:
// - CERTIFICATE_ERROR (no path to a trusted Fulcio CA, expired at the vouched time, missing or
//   untrusted SCT) and PUBLIC_KEY_ERROR mean the signer is not vouched for: UNTRUSTED_SIGNER.
// - TIMESTAMP_ERROR (an RFC 3161 timestamp that does not verify, duplicate timestamps) means the
//   evidence around the signature is forged or broken: SIGNATURE_INVALID. "Too few timestamps"
//   is caught earlier by the caller and reported as TLOG_MISSING.
// - Every TLOG_* code means log evidence is present but does not verify or bind: TLOG_INVALID.
const CODE_MAP: Record<string, GateErrorCode> = {
  SIGNATURE_ERROR: 'SIGNATURE_INVALID',
  TIMESTAMP_ERROR: 'SIGNATURE_INVALID',
  CERTIFICATE_ERROR: 'UNTRUSTED_SIGNER',
  PUBLIC_KEY_ERROR: 'UNTRUSTED_SIGNER',
  UNTRUSTED_SIGNER_ERROR: 'UNTRUSTED_SIGNER',
  TLOG_ERROR: 'TLOG_INVALID',
  TLOG_BODY_ERROR: 'TLOG_INVALID',
  TLOG_MISSING_INCLUSION_ERROR: 'TLOG_INVALID',
  TLOG_INCLUSION_PROOF_ERROR: 'TLOG_INVALID',
  TLOG_INCLUSION_PROMISE_ERROR: 'TLOG_INVALID',
};

/** `what` names the evidence, e.g. `bundle (bundle-referrer)` or `.sig layer 1`. */
export function toVerifyGateError(e: unknown, what: string): GateError {
  if (e instanceof GateError) return e;
  if (e instanceof VerificationError || e instanceof PolicyError) {
    const code = CODE_MAP[e.code] ?? 'SIGNATURE_INVALID';
    return new GateError(code, `${what}: ${e.message} (${e.code})`, { cause: e });
  }
  if (e instanceof ValidationError) {
    const fields = e.fields.length ? ` (${e.fields.join(', ')})` : '';
    return new GateError('MALFORMED', `${what}: ${e.message}${fields}`, { cause: e });
  }
  // @sigstore/core does not export its error classes; their names are stable API in practice.
  const name = e instanceof Error ? e.constructor.name : '';
  if (/^ASN1/.test(name) || e instanceof SyntaxError) {
    return new GateError('MALFORMED', `${what}: does not parse: ${(e as Error).message}`, {
      cause: e,
    });
  }
  if (/^RFC3161/.test(name)) {
    return new GateError(
      'SIGNATURE_INVALID',
      `${what}: RFC 3161 timestamp: ${(e as Error).message}`,
      { cause: e },
    );
  }
  // Verification is pure computation over the candidate: whatever else sigstore-js throws on it
  // (e.g. a TypeError on a shape it did not expect) is that candidate failing, never an outage.
  const message = e instanceof Error ? e.message : String(e);
  return new GateError('MALFORMED', `${what}: cannot be verified: ${message}`, { cause: e });
}
