// What a failed connection says about itself: the errno-style code buried in undici's and
// fetch's cause chains, and whether it was a TLS verification failure (never worth a retry).

/** TLS verification failures are not transient: retrying them only delays the verdict. */
const TLS_ERROR =
  /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_SSL_)/;

/** The first meaningful `code` along `cause` / `errors[0]` (ECONNREFUSED, ENOTFOUND, CERT_…). */
export function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur !== undefined && cur !== null; i++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === 'string' && c !== 'UND_ERR_SOCKET') return c;
    const errors = (cur as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      const inner = errorCode(errors[0]);
      if (inner) return inner;
    }
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The message of an error's cause, which says more than `fetch failed`. */
export function causeMessage(e: Error): string | undefined {
  const c = e.cause;
  return c instanceof Error ? c.message : undefined;
}

export function isTlsFailure(e: unknown): boolean {
  const code = errorCode(e);
  return code !== undefined && TLS_ERROR.test(code);
}
