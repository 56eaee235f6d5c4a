// Registry failures as GateErrors: a thrown connection error classified (NETWORK ones may be
// retried, a refused address is INSECURE), and the registry's own diagnostic code quoted from an
// OCI error body (`{"errors":[{"code":"MANIFEST_UNKNOWN",…}]}`), redacted and cleaned.
import { GateError } from '../errors.js';
import { FORBIDDEN_ADDRESS } from '../net/addresses.js';
import { causeMessage, errorCode } from '../net/socket-errors.js';

/** Any thrown value from one attempt as a GateError; NETWORK ones are candidates for a retry. */
export function classifyThrown(
  e: unknown,
  what: string,
  registryHost: string,
  deadline?: AbortSignal,
): GateError {
  if (deadline?.aborted) {
    return new GateError(
      'TIMEOUT',
      `${what}: deadline reached while talking to registry ${registryHost}`,
      { cause: e },
    );
  }
  if (e instanceof GateError) return e;
  const code = errorCode(e);
  if (code === FORBIDDEN_ADDRESS) {
    const detail = e instanceof Error ? (causeMessage(e) ?? e.message) : String(e);
    return new GateError(
      'INSECURE',
      `${what}: refused to connect for registry ${registryHost}: ${detail}`,
      { cause: e },
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new GateError('NETWORK', `cannot resolve registry host ${registryHost} (${code})`, {
      cause: e,
    });
  }
  if (code === 'ECONNREFUSED') {
    return new GateError('NETWORK', `connection to registry ${registryHost} refused (${code})`, {
      cause: e,
    });
  }
  const detail = code ?? (e instanceof Error ? (causeMessage(e) ?? e.message) : String(e));
  return new GateError('NETWORK', `${what}: cannot reach registry ${registryHost} (${detail})`, {
    cause: e,
  });
}

/** The entries of an OCI error body (`{"errors":[{"code":…,"message":…}]}`), in order; none if not one. */
export function ociErrors(body: Uint8Array): Array<{ code?: unknown; message?: unknown }> {
  if (body.length === 0) return [];
  try {
    const v = JSON.parse(new TextDecoder().decode(body)) as { errors?: unknown };
    return Array.isArray(v.errors)
      ? v.errors.map((e: unknown) => (typeof e === 'object' && e !== null ? e : {}))
      : [];
  } catch {
    return []; // not an OCI error body; the status says enough
  }
}

/**
 * ` (CODE: message)` from an OCI error body, with the run's secrets redacted and cleaned for one
 * log line; '' if there is none.
 */
export function errorDetail(res: { body: Uint8Array; redact: (text: string) => string }): string {
  const first = ociErrors(res.body)[0];
  if (first && typeof first.code === 'string') {
    const msg = typeof first.message === 'string' ? `: ${first.message}` : '';
    return ` (${clean(res.redact(`${first.code}${msg}`))})`;
  }
  return '';
}

/** The registry's text is attacker-controlled: no control characters, bounded length. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  const t = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return t.length > 200 ? `${t.slice(0, 200)}…` : t;
}
