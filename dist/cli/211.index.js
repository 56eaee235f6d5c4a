export const id = 211;
export const ids = [211];
export const modules = {

/***/ 1211:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchVaultPublicKey: () => (/* binding */ fetchVaultPublicKey)
/* harmony export */ });
/* unused harmony exports parseVaultRef, publicKeyFromTransitResponse */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2807);
// Fetches the latest public key of a HashiCorp Vault transit key named `hashivault://NAME`, with
// the environment cosign's Vault provider reads (VAULT_ADDR, VAULT_TOKEN, TRANSIT_SECRET_ENGINE_PATH).




/** sigstore's hashivault reference grammar: word characters, dots and dashes inside. */
const VAULT_REF = /^hashivault:\/\/(\w(?:[\w.-]*\w)?)$/;
const MOUNT_SEGMENT = /^[\w.-]+$/;
const MAX_RESPONSE_BYTES = 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
function unreadable(ref, why, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue('KEY_UNREADABLE', `key ${ref}: ${why}`, cause === undefined ? undefined : { cause });
}
function parseVaultRef(ref) {
    const m = VAULT_REF.exec(ref);
    if (!m?.[1])
        throw unreadable(ref, 'not a Vault reference (expected hashivault://<transit key name>)');
    return m[1];
}
function vaultAddress(ref, env) {
    const addr = env.VAULT_ADDR;
    if (!addr)
        throw unreadable(ref, 'VAULT_ADDR is not set');
    let url;
    try {
        url = new URL(addr);
    }
    catch (e) {
        throw unreadable(ref, `VAULT_ADDR "${addr}" is not a URL`, e);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw unreadable(ref, `VAULT_ADDR "${addr}" is not an http(s) URL`);
    }
    // The token would travel in clear and a forged answer would replace the trusted key.
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue('INSECURE', `key ${ref}: VAULT_ADDR ${addr} is plain HTTP to a non-loopback host (use https)`);
    }
    return url;
}
function transitMount(ref, env) {
    const raw = env.TRANSIT_SECRET_ENGINE_PATH || 'transit';
    const segments = raw.split('/').filter((s) => s !== '');
    if (segments.length === 0 ||
        segments.some((s) => !MOUNT_SEGMENT.test(s) || s === '.' || s === '..')) {
        throw unreadable(ref, `TRANSIT_SECRET_ENGINE_PATH "${raw}" is not a mount path`);
    }
    return segments.join('/');
}
/** VAULT_TOKEN, else ~/.vault-token as the Vault CLI leaves it after `vault login`. */
async function vaultToken(ref, env) {
    if (env.VAULT_TOKEN)
        return env.VAULT_TOKEN;
    const home = env.HOME ?? env.USERPROFILE;
    if (home) {
        try {
            const token = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(home, '.vault-token'), 'utf8')).trim();
            if (token !== '')
                return token;
        }
        catch {
            // No token file: the message below says what to set.
        }
    }
    throw unreadable(ref, 'VAULT_TOKEN is not set and there is no ~/.vault-token');
}
async function readCapped(ref, res) {
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > MAX_RESPONSE_BYTES)
        throw unreadable(ref, `Vault response is ${declared} bytes (limit ${MAX_RESPONSE_BYTES})`);
    if (!res.body)
        return '';
    const reader = res.body.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        total += value.length;
        if (total > MAX_RESPONSE_BYTES) {
            await reader.cancel().catch(() => undefined);
            throw unreadable(ref, `Vault response exceeds ${MAX_RESPONSE_BYTES} bytes`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
}
function obj(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
/** Vault's `errors`, with the token replaced should the server (or a proxy) quote it back. */
function vaultErrors(body, token) {
    try {
        const errors = obj(JSON.parse(body))?.errors;
        if (Array.isArray(errors) && errors.length > 0)
            return `: ${errors.map(String).join('; ').split(token).join('***')}`;
    }
    catch {
        // Not JSON: the status alone says enough.
    }
    return '';
}
/** The public key of the latest version, from Vault's `GET transit/keys/:name` answer. */
function publicKeyFromTransitResponse(ref, body) {
    let doc;
    try {
        doc = JSON.parse(body);
    }
    catch (e) {
        throw unreadable(ref, 'Vault answered with something that is not JSON', e);
    }
    const data = obj(obj(doc)?.data);
    const keys = obj(data?.keys);
    const latest = data?.latest_version;
    if (!data || !keys || typeof latest !== 'number' || !Number.isInteger(latest)) {
        throw unreadable(ref, 'Vault transit answer lacks data.keys / data.latest_version');
    }
    const entry = obj(keys[String(latest)]);
    const type = typeof data.type === 'string' ? data.type : 'unknown';
    const publicKey = entry?.public_key;
    if (typeof publicKey !== 'string' || publicKey === '') {
        throw unreadable(ref, `Vault transit key (type ${type}) has no public key for version ${latest}; it is not an asymmetric signing key`);
    }
    try {
        // Vault returns Ed25519 keys as base64 of the raw 32 bytes, every other type as PEM.
        if (entry?.name === 'ed25519' || type === 'ed25519') {
            const raw = Buffer.from(publicKey, 'base64');
            if (raw.length !== 32)
                throw new Error(`Ed25519 key is ${raw.length} bytes, expected 32`);
            return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({
                key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
                format: 'jwk',
            });
        }
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({ key: publicKey, format: 'pem' });
    }
    catch (e) {
        throw unreadable(ref, `Vault transit public key (type ${type}, version ${latest}) does not parse`, e);
    }
}
async function fetchVaultPublicKey(ref, opts) {
    const { env } = opts;
    const name = parseVaultRef(ref);
    const base = vaultAddress(ref, env);
    const mount = transitMount(ref, env);
    const token = await vaultToken(ref, env);
    // fetch would refuse it with a message quoting the whole value.
    if (!/^[\x21-\x7e]+$/.test(token))
        throw unreadable(ref, 'the Vault token holds white space or characters a header cannot carry');
    const url = `${base.origin}${base.pathname.replace(/\/+$/, '')}/v1/${mount}/keys/${name}`;
    const timeoutSeconds = Number(env.VAULT_CLIENT_TIMEOUT);
    const timeoutMs = timeoutSeconds > 0 ? timeoutSeconds * 1000 : DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const headers = {
        'X-Vault-Token': token,
        'X-Vault-Request': 'true',
        Accept: 'application/json',
    };
    if (env.VAULT_NAMESPACE)
        headers['X-Vault-Namespace'] = env.VAULT_NAMESPACE;
    let res;
    let body;
    try {
        // Redirects are not followed: fetch would carry X-Vault-Token to wherever they point.
        res = await fetch(url, { headers, redirect: 'manual', signal });
        body = await readCapped(ref, res);
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue)
            throw e;
        if (opts.signal?.aborted) {
            if (opts.signal.reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue)
                throw opts.signal.reason;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue('TIMEOUT', `key ${ref}: Vault request was cancelled`, {
                cause: opts.signal.reason,
            });
        }
        if (timeout.aborted)
            throw unreadable(ref, `Vault at ${base.origin} did not answer within ${timeoutMs} ms`, e);
        const cause = e.cause;
        const why = typeof cause?.code === 'string' ? cause.code : e instanceof Error ? e.message : String(e);
        throw unreadable(ref, `cannot reach Vault at ${base.origin} (${why})`, e);
    }
    if (res.status === 200)
        return publicKeyFromTransitResponse(ref, body);
    if (res.status >= 300 && res.status < 400) {
        throw unreadable(ref, `Vault at ${base.origin} redirected (${res.status} to ${res.headers.get('location') ?? '?'}); set VAULT_ADDR to the active node`);
    }
    if (res.status === 403)
        throw unreadable(ref, `Vault denied reading transit key "${name}" at ${mount} (403${vaultErrors(body, token)})`);
    if (res.status === 404)
        throw unreadable(ref, `Vault has no transit key "${name}" at mount ${mount} (404)`);
    throw unreadable(ref, `Vault answered ${res.status} for transit key "${name}"${vaultErrors(body, token)}`);
}
//# sourceMappingURL=vault.js.map

/***/ })

};

//# sourceMappingURL=211.index.js.map