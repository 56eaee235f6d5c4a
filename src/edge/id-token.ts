// The OIDC identity token for keyless summary signing, asked of the GitHub Actions runner the way
// @actions/core getIDToken asks (ACTIONS_ID_TOKEN_REQUEST_URL + `&audience=`, bearer
// ACTIONS_ID_TOKEN_REQUEST_TOKEN, answer `{"value": JWT}`), else taken from SIGSTORE_ID_TOKEN.
import { GateError } from '../core/errors.js';
import type { IdTokenProvider } from '../core/summaries/sign.js';

const MAX_TOKEN_BYTES = 64 * 1024;

/** `{ idToken }` for runGate's hooks when the environment can give a token, else `{}`. */
export function idTokenHook(env: NodeJS.ProcessEnv): { idToken?: IdTokenProvider } {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (url && bearer) return { idToken: (audience) => actionsIdToken(url, bearer, audience) };
  const given = env.SIGSTORE_ID_TOKEN;
  if (given) return { idToken: () => Promise.resolve(given.trim()) };
  return {};
}

export async function actionsIdToken(
  requestUrl: string,
  bearer: string,
  audience: string,
): Promise<string> {
  const url = `${requestUrl}&audience=${encodeURIComponent(audience)}`;
  const what = 'sign-summary keyless: the GitHub Actions OIDC token';
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e: unknown) {
    throw new GateError(
      'NETWORK',
      `${what} could not be fetched: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  const text = (await res.text()).slice(0, MAX_TOKEN_BYTES);
  if (res.status !== 200)
    throw new GateError(
      'AUTH_REFUSED',
      `${what}: the runner answered HTTP ${res.status} (does the job have \`permissions: id-token: write\`?)`,
    );
  let value: unknown;
  try {
    value = (JSON.parse(text) as { value?: unknown }).value;
  } catch (e: unknown) {
    throw new GateError('AUTH_REFUSED', `${what}: the answer is not JSON`, { cause: e });
  }
  if (typeof value !== 'string' || !/^[\w-]+\.[\w-]+\.[\w-]*$/.test(value))
    throw new GateError('AUTH_REFUSED', `${what}: the answer holds no JWT in "value"`);
  return value;
}
