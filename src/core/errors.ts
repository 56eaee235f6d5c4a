// Typed errors for the whole core. The report's outcome and reason come from `code`,
// never from parsing messages: a code decides whether a failure is a verdict or an outage.

/** Evidence was obtained and it is bad or missing: a supply-chain failure (exit 1). */
export type FailureCode =
  | 'NOT_FOUND' // image, tag or repository does not exist
  | 'UNSIGNED' // no signature of any kind was found
  | 'DIGEST_MISMATCH' // bytes received do not hash to what was asked for / claimed
  | 'MALFORMED' // attacker-writable content (manifest, layer, bundle, record) did not parse
  | 'PAYLOAD_MISMATCH' // signed payload names another image or is not a cosign signature
  | 'SIGNATURE_INVALID' // cryptographic check failed
  | 'UNTRUSTED_SIGNER' // valid signature, but not by a key/identity the policy trusts
  | 'TLOG_MISSING' // transparency-log evidence required but absent
  | 'TLOG_INVALID' // transparency-log evidence present but does not verify or bind
  | 'ATTESTATION_MISSING' // required attestation type absent
  | 'POLICY_VIOLATION' // attestation content breaks a policy condition
  | 'REVOKED'; // the image digest, or every signature that would have verified, is revoked

/** Evidence could not be obtained, or the request itself is wrong: infrastructure/usage (exit 2). */
export type ErrorCode =
  | 'USAGE' // bad flags or inputs
  | 'REF_INVALID' // image reference does not parse
  | 'KEY_UNREADABLE' // key file missing, unparsable, wrong password, KMS unreachable
  | 'TRUST_ROOT' // trusted root could not be loaded / TUF unreachable
  | 'NETWORK' // connection refused, reset, DNS
  | 'TIMEOUT'
  | 'REGISTRY_ERROR' // 5xx after retries, unexpected status
  | 'AUTH_REFUSED' // 401/403 from registry or token service
  | 'RATE_LIMITED' // a registry's pull limit or Retry-After would outlast the run
  | 'LIMIT_EXCEEDED' // size or count limit hit
  | 'REVOCATION_LIST' // the revocation list is unreachable, unsigned, wrongly signed, expired or bad
  | 'INSECURE' // plain HTTP to a non-loopback registry, bad redirect or realm
  | 'INTERNAL'; // unexpected exception: never a pass

export type GateErrorCode = FailureCode | ErrorCode;

const FAILURE_CODES: ReadonlySet<string> = new Set<FailureCode>([
  'NOT_FOUND',
  'UNSIGNED',
  'DIGEST_MISMATCH',
  'MALFORMED',
  'PAYLOAD_MISMATCH',
  'SIGNATURE_INVALID',
  'UNTRUSTED_SIGNER',
  'TLOG_MISSING',
  'TLOG_INVALID',
  'ATTESTATION_MISSING',
  'POLICY_VIOLATION',
  'REVOKED',
]);

export class GateError extends Error {
  readonly code: GateErrorCode;
  constructor(code: GateErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GateError';
    this.code = code;
  }
}

export function isFailureCode(code: GateErrorCode): code is FailureCode {
  return FAILURE_CODES.has(code);
}

/** Any thrown value as a GateError; unknown exceptions become INTERNAL (exit 2, never a pass). */
export function toGateError(e: unknown): GateError {
  if (e instanceof GateError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new GateError('INTERNAL', `unexpected error: ${message}`, { cause: e });
}
