export const id = 211;
export const ids = [211];
export const modules = {

/***/ 45166:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ assertTargetAllowed),
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   hC: () => (/* binding */ FORBIDDEN_ADDRESS),
/* harmony export */   p2: () => (/* binding */ isPlainHttpAllowed),
/* harmony export */   rN: () => (/* binding */ guardedLookup),
/* harmony export */   zA: () => (/* binding */ shownUrl)
/* harmony export */ });
/* unused harmony exports hostnameOf, isForbiddenTarget */
/* harmony import */ var node_dns__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40610);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77030);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62807);
// Which addresses the gate may talk to, for every HTTP client it has (registry, GitHub bundle_url,
// Vault, KMS, S3): the one loopback test, plain HTTP only to loopback (or hosts the user listed),
// and never onto loopback, link-local or cloud metadata addresses a remote server names for us
// (oras-go GHSA-xf85), by URL or by DNS answer. Also how a URL is spelt in logs.



const loopback = new node_net__WEBPACK_IMPORTED_MODULE_1__.BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');
const forbidden = new node_net__WEBPACK_IMPORTED_MODULE_1__.BlockList();
forbidden.addSubnet('127.0.0.0', 8, 'ipv4');
forbidden.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, incl. 169.254.169.254 metadata
forbidden.addSubnet('0.0.0.0', 8, 'ipv4'); // "this network": 0.0.0.0 reaches localhost on Linux
forbidden.addAddress('::1', 'ipv6');
forbidden.addAddress('::', 'ipv6');
forbidden.addSubnet('fe80::', 10, 'ipv6'); // link-local
forbidden.addAddress('fd00:ec2::254', 'ipv6'); // AWS IMDS over IPv6
// Addresses no host name may resolve to: a DNS answer cannot be talked past the realm and
// redirect checks (which only see names) onto the cloud metadata service.
const metadata = new node_net__WEBPACK_IMPORTED_MODULE_1__.BlockList();
metadata.addSubnet('169.254.0.0', 16, 'ipv4');
metadata.addSubnet('fe80::', 10, 'ipv6');
metadata.addAddress('fd00:ec2::254', 'ipv6');
/** `code` of the error a guarded lookup fails with. */
const FORBIDDEN_ADDRESS = 'EIMAGEGATE_FORBIDDEN_ADDRESS';
const FORBIDDEN_NAMES = new Set(['localhost', 'metadata.google.internal', 'metadata']);
/** Host name of `host[:port]` (or a URL's `hostname`), without IPv6 brackets or a trailing dot. */
function hostnameOf(hostport) {
    let h = hostport;
    if (h.startsWith('['))
        h = h.slice(1, h.indexOf(']'));
    else if ((h.match(/:/g) ?? []).length === 1)
        h = h.slice(0, h.lastIndexOf(':'));
    return h.replace(/\.$/, '').toLowerCase();
}
function ipKind(h) {
    const v = (0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(h);
    return v === 4 ? 'ipv4' : v === 6 ? 'ipv6' : undefined;
}
/** Answers of isLoopbackHost by its argument: asked on every registry request, of a few hosts. */
const loopbackAnswers = new Map();
/** The one loopback test: `localhost`, `*.localhost`, 127.0.0.0/8 and ::1 (host[:port] or name). */
function isLoopbackHost(hostport) {
    let answer = loopbackAnswers.get(hostport);
    if (answer === undefined) {
        answer = loopbackTest(hostport);
        if (loopbackAnswers.size < 256)
            loopbackAnswers.set(hostport, answer);
    }
    return answer;
}
function loopbackTest(hostport) {
    const h = hostnameOf(hostport);
    if (h === 'localhost' || h.endsWith('.localhost'))
        return true;
    const kind = ipKind(h);
    return kind !== undefined && loopback.check(h, kind);
}
/** Addresses no credential or request may be sent to unless the origin itself is local. */
function isForbiddenTarget(hostport) {
    const h = hostnameOf(hostport);
    if (FORBIDDEN_NAMES.has(h) || h.endsWith('.localhost'))
        return true;
    const kind = ipKind(h);
    if (kind === undefined)
        return false;
    return forbidden.check(h, kind);
}
/** Plain HTTP is only for loopback hosts and hosts the user listed as insecure (exact host[:port]). */
function isPlainHttpAllowed(hostport, insecureHosts) {
    return isLoopbackHost(hostport) || insecureHosts.has(hostport.toLowerCase());
}
/**
 * Decides whether a URL may be requested on behalf of `originHost` (the registry, or the host
 * of the URL a fetch started at): http(s) only, no credentials in the URL, http only to plain-
 * HTTP-allowed hosts, and never to loopback/link-local/metadata addresses unless the origin is
 * local. `what` names the URL in the error (token realm, redirect); `owner` whom it is for.
 */
function assertTargetAllowed(url, originHost, insecureHosts, what, owner = `registry ${originHost}`) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('INSECURE', `${what} ${quote(url.href)} for ${owner}: scheme ${url.protocol} is not allowed`);
    }
    if (url.username !== '' || url.password !== '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('INSECURE', `${what} for ${owner} carries credentials in its URL`);
    }
    if (url.protocol === 'http:' && !isPlainHttpAllowed(url.host, insecureHosts)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('INSECURE', `${what} ${quote(redactUrl(url))} for ${owner} uses plain http; only loopback hosts and insecure-registries may`);
    }
    // The origin's own address is the user's choice; only targets it names for us are checked.
    if (url.host !== originHost && !isLoopbackHost(originHost) && isForbiddenTarget(url.host)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('INSECURE', `${what} ${quote(redactUrl(url))} for ${owner} points at a loopback, link-local or metadata address`);
    }
}
/** A value for a message: JSON-quoted, cut at 120 characters. */
function quote(s, max = 120) {
    return JSON.stringify(s.length > max ? `${s.slice(0, max)}\u2026` : s);
}
// Query values that can act as credentials (pre-signed storage URLs) are hidden in logs.
const SAFE_QUERY_KEYS = new Set(['artifacttype', 'service', 'scope', 'n', 'last', 'digest']);
/**
 * A URL the user gave, for a message: through redactUrl when it parses; otherwise with any user
 * info and everything from `?` or `#` cut, since a value that does not parse may still hold them.
 */
function shownUrl(raw) {
    try {
        const url = new URL(raw);
        // Nothing to hide: shown as written (redactUrl would add a path's `/`).
        if (url.username === '' && url.password === '' && url.search === '' && url.hash === '')
            return raw;
        return redactUrl(url);
    }
    catch {
        return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1').replace(/[?#][\s\S]*$/, '');
    }
}
function redactUrl(url) {
    if (url.search === '')
        return `${url.origin}${url.pathname}`;
    const parts = [];
    for (const [k, v] of url.searchParams)
        parts.push(`${k}=${SAFE_QUERY_KEYS.has(k.toLowerCase()) ? v : '***'}`);
    return `${url.origin}${url.pathname}?${parts.join('&')}`;
}
/** A `lookup` for sockets that refuses names resolving to link-local or metadata addresses. */
function guardedLookup(resolve = node_dns__WEBPACK_IMPORTED_MODULE_0__.lookup) {
    return (hostname, options, callback) => {
        resolve(hostname, { ...options, all: true }, (err, addresses) => {
            if (err) {
                callback(err, '', 0);
                return;
            }
            const bad = addresses.find((a) => metadata.check(a.address, a.family === 6 ? 'ipv6' : 'ipv4'));
            if (bad || addresses.length === 0) {
                const e = new Error(bad
                    ? `${hostname} resolves to ${bad.address}, a link-local/metadata address`
                    : `${hostname} has no address`);
                e.code = bad ? FORBIDDEN_ADDRESS : 'ENOTFOUND';
                callback(e, '', 0);
                return;
            }
            if (options.all)
                callback(null, addresses);
            else
                callback(null, addresses[0].address, addresses[0].family);
        });
    };
}
//# sourceMappingURL=addresses.js.map

/***/ }),

/***/ 27670:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ fetchCapped)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40332);
/* harmony import */ var _addresses_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45166);
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53628);
/* harmony import */ var _redirects_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45407);
/* harmony import */ var _socket_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(78425);
// The one HTTP GET for everything that is not a registry (GitHub bundle_url bodies, Vault), with
// the registry transport's rules: https only (plain http only to loopback), redirects followed
// hop by hop (at most LIMITS.fetchRedirects, each target checked by addresses.ts, no https\u2192http,
// no loops), credentials sent only to the origin the request started at, the body read under a
// byte cap (and charged to the byte budget), and one deadline for the whole exchange.






/**
 * GETs (or POSTs) `req.url` under the rules above. Throws INSECURE (a target the rules refuse),
 * REGISTRY_ERROR (too many redirects, a loop, a redirect without a usable Location),
 * LIMIT_EXCEEDED (a 2xx body over the cap, or a spent byte budget), NETWORK, TIMEOUT.
 * Any final status is returned: what it means is the caller's business.
 */
async function fetchCapped(req) {
    const start = req.url;
    const peer = req.peer ?? start.origin;
    const redact = req.redact ?? ((t) => t);
    const rules = {
        originHost: start.host,
        insecureHosts: new Set(),
        owner: peer,
        what: req.what,
        maxRedirects: req.maxRedirects ?? _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .LIMITS */ .b1.fetchRedirects,
        redact,
    };
    // Only loopback may be spoken to over http; the start URL's own address is the caller's choice.
    (0,_addresses_js__WEBPACK_IMPORTED_MODULE_2__/* .assertTargetAllowed */ .AQ)(start, start.host, rules.insecureHosts, 'URL', peer);
    const timeout = AbortSignal.timeout(req.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const seen = new Set([start.href]);
    let url = start;
    try {
        for (let hop = 0;; hop++) {
            const res = await fetch(url, {
                method: req.method ?? 'GET',
                ...(req.body !== undefined ? { body: req.body } : {}),
                redirect: 'manual',
                credentials: 'omit',
                headers: (0,_redirects_js__WEBPACK_IMPORTED_MODULE_4__/* .hopHeaders */ .SR)(start, url, req.headers ?? {}, req.credentials ?? {}),
                signal,
            });
            if (_redirects_js__WEBPACK_IMPORTED_MODULE_4__/* .REDIRECT_STATUSES */ .aq.has(res.status) && req.method !== 'POST') {
                await res.body?.cancel().catch(() => undefined);
                const location = res.headers.get('location');
                if (location === null)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('REGISTRY_ERROR', `${req.what}: ${peer} answered HTTP ${res.status} without a Location`);
                const next = (0,_redirects_js__WEBPACK_IMPORTED_MODULE_4__/* .redirectTarget */ .ET)(url, location, rules);
                (0,_redirects_js__WEBPACK_IMPORTED_MODULE_4__/* .countHop */ .P)(next, hop, seen, rules);
                url = next;
                continue;
            }
            const ok = res.status >= 200 && res.status < 300;
            const cap = ok ? req.maxBytes : _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .LIMITS */ .b1.errorBodyBytes;
            const declared = Number(res.headers.get('content-length') ?? '0');
            if (ok && declared > cap) {
                await res.body?.cancel().catch(() => undefined);
                throw tooLarge(req, peer, `is ${declared} bytes, more`);
            }
            let body = new Uint8Array(0);
            if (res.body) {
                const read = await (0,_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readCapped */ .E)(res.body, cap, undefined, `${req.what} (${(0,_addresses_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(url)})`);
                if (read.over && ok)
                    throw tooLarge(req, peer, 'is larger');
                body = read.bytes;
            }
            return { status: res.status, headers: res.headers, body, url };
        }
    }
    catch (e) {
        if (req.signal?.aborted) {
            if (req.signal.reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue)
                throw req.signal.reason;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('TIMEOUT', `${req.what}: the request to ${peer} was cancelled`, {
                cause: e,
            });
        }
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue)
            throw e;
        if (timeout.aborted)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('TIMEOUT', `${req.what}: ${peer} did not answer within ${req.timeoutMs} ms`, { cause: e });
        const detail = (0,_socket_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .CA)(e) ?? (e instanceof Error ? ((0,_socket_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .causeMessage */ .fq)(e) ?? e.message) : String(e));
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('NETWORK', `${req.what}: cannot reach ${peer} (${redact(detail)})`, {
            cause: e,
        });
    }
}
function tooLarge(req, peer, how) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('LIMIT_EXCEEDED', `${req.what}: the answer from ${peer} ${how} than the limit of ${req.maxBytes} bytes`);
}
//# sourceMappingURL=fetch.js.map

/***/ }),

/***/ 53628:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ readCapped)
/* harmony export */ });
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40332);
// The one capped read of a response body, for every HTTP client (registry transport, GitHub API,
// bundle_url, Vault): at most `max` bytes kept, every chunk charged to the byte budget in scope
// (limits.ts), and a longer body cancelled (its connection closed) rather than read to the end.

/**
 * A body's first `max` bytes (plus one chunk to detect overflow). Takes a Node stream or a WHATWG
 * ReadableStream alike: leaving the loop early destroys the one and cancels the other. A charge
 * past the budget ends the read with LIMIT_EXCEEDED; `onChunk` runs before each chunk is kept
 * (the registry transport re-arms its idle timer there).
 */
async function readCapped(body, max, onChunk = () => undefined, what = 'response') {
    const chunks = [];
    let total = 0;
    for await (const chunk of body) {
        onChunk();
        // Throwing here leaves the loop, which destroys or cancels the stream.
        (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .chargeRead */ .JO)(chunk.length, what);
        total += chunk.length;
        if (total > max) {
            const kept = max - (total - chunk.length);
            if (kept > 0)
                chunks.push(chunk.subarray(0, kept));
            return { bytes: concat(chunks, max), over: true };
        }
        chunks.push(chunk);
    }
    return { bytes: concat(chunks, total), over: false };
}
function concat(chunks, size) {
    const out = new Uint8Array(size);
    let off = 0;
    for (const c of chunks) {
        out.set(c, off);
        off += c.length;
    }
    return out.subarray(0, off);
}
//# sourceMappingURL=read.js.map

/***/ }),

/***/ 45407:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ET: () => (/* binding */ redirectTarget),
/* harmony export */   P: () => (/* binding */ countHop),
/* harmony export */   SR: () => (/* binding */ hopHeaders),
/* harmony export */   aq: () => (/* binding */ REDIRECT_STATUSES)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
/* harmony import */ var _addresses_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45166);
// The redirect and credential rules every HTTP client of the gate follows (registry transport and
// net/fetch.ts): redirects are followed by hand, hop by hop; each target is parsed and checked
// (no https\u2192http, addresses.ts target rules), hops are counted and loops refused; credentials
// travel only while the request is on the origin it started at.


const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers a request never carries to another origin, whoever set them. */
const STRIPPED_ACROSS_ORIGINS = ['authorization', 'cookie', 'proxy-authorization'];
/**
 * The headers of one hop: `credentials` (Authorization, X-Vault-Token, \u2026) only while `url` is on
 * the origin of `start`; elsewhere they, and any credential-like header in `headers`, are dropped.
 */
function hopHeaders(start, url, headers, credentials) {
    const out = { ...headers };
    if (url.origin === start.origin)
        return Object.assign(out, credentials);
    for (const k of Object.keys(out))
        if (STRIPPED_ACROSS_ORIGINS.includes(k.toLowerCase()))
            delete out[k];
    return out;
}
/** The URL a `Location` names, relative to `from`, checked against the target rules. */
function redirectTarget(from, location, rules) {
    let next;
    try {
        next = new URL(location, from);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('REGISTRY_ERROR', `${rules.what}: ${rules.owner} redirected to an invalid URL`, { cause: e });
    }
    if (from.protocol === 'https:' && next.protocol !== 'https:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('INSECURE', `${rules.what}: ${rules.owner} redirected from https to ${rules.redact((0,_addresses_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(next))}`);
    }
    try {
        (0,_addresses_js__WEBPACK_IMPORTED_MODULE_1__/* .assertTargetAllowed */ .AQ)(next, rules.originHost, rules.insecureHosts, 'redirect target', rules.owner);
    }
    catch (e) {
        // The refusal quotes the target, whose path may echo a credential the server was sent.
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(e.code, rules.redact(e.message), { cause: e });
        throw e;
    }
    return next;
}
/**
 * Counts hop number `hop` (0 for the first redirect) to `next`: more than `maxRedirects`, or a
 * URL already visited in this request (`seen`, which starts with the first URL), is refused.
 */
function countHop(next, hop, seen, rules) {
    if (hop + 1 > rules.maxRedirects) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('REGISTRY_ERROR', `${rules.what}: more than ${rules.maxRedirects} redirects from ${rules.owner}`);
    }
    if (seen.has(next.href)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('REGISTRY_ERROR', `${rules.what}: redirect loop at ${rules.redact((0,_addresses_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(next))} (${rules.owner})`);
    }
    seen.add(next.href);
}
//# sourceMappingURL=redirects.js.map

/***/ }),

/***/ 78425:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   fq: () => (/* binding */ causeMessage),
/* harmony export */   gt: () => (/* binding */ isTlsFailure)
/* harmony export */ });
// What a failed connection says about itself: the errno-style code buried in undici's and
// fetch's cause chains, and whether it was a TLS verification failure (never worth a retry).
/** TLS verification failures are not transient: retrying them only delays the verdict. */
const TLS_ERROR = /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_SSL_)/;
/** The first meaningful `code` along `cause` / `errors[0]` (ECONNREFUSED, ENOTFOUND, CERT_\u2026). */
function errorCode(e) {
    let cur = e;
    for (let i = 0; i < 5 && cur !== undefined && cur !== null; i++) {
        const c = cur.code;
        if (typeof c === 'string' && c !== 'UND_ERR_SOCKET')
            return c;
        const errors = cur.errors;
        if (Array.isArray(errors) && errors.length > 0) {
            const inner = errorCode(errors[0]);
            if (inner)
                return inner;
        }
        cur = cur.cause;
    }
    return undefined;
}
/** The message of an error's cause, which says more than `fetch failed`. */
function causeMessage(e) {
    const c = e.cause;
    return c instanceof Error ? c.message : undefined;
}
function isTlsFailure(e) {
    const code = errorCode(e);
    return code !== undefined && TLS_ERROR.test(code);
}
//# sourceMappingURL=socket-errors.js.map

/***/ }),

/***/ 91211:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchVaultKey: () => (/* binding */ fetchVaultKey),
/* harmony export */   fetchVaultPublicKey: () => (/* binding */ fetchVaultPublicKey),
/* harmony export */   sU: () => (/* binding */ vaultTokenFile),
/* harmony export */   vaultSign: () => (/* binding */ vaultSign)
/* harmony export */ });
/* unused harmony exports parseVaultRef, publicKeyFromTransitResponse, transitKeyFromResponse */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62807);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(40332);
/* harmony import */ var _net_addresses_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(45166);
/* harmony import */ var _net_fetch_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(27670);
// HashiCorp Vault transit keys named `hashivault://NAME`, with the environment cosign's Vault
// provider reads (VAULT_ADDR, VAULT_TOKEN, TRANSIT_SECRET_ENGINE_PATH): the latest version's
// public key, and transit/sign for what image-gate signs (trust/signing-key.ts).







/** sigstore's hashivault reference grammar: word characters, dots and dashes inside. */
const VAULT_REF = /^hashivault:\/\/(\w(?:[\w.-]*\w)?)$/;
const MOUNT_SEGMENT = /^[\w.-]+$/;
const DEFAULT_TIMEOUT_MS = 30_000;
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
        throw unreadable(ref, `VAULT_ADDR "${(0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_5__/* .shownUrl */ .zA)(addr)}" is not a URL`, e);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw unreadable(ref, `VAULT_ADDR "${(0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_5__/* .shownUrl */ .zA)(addr)}" is not an http(s) URL`);
    }
    // The token would travel in clear and a forged answer would replace the trusted key.
    if (url.protocol === 'http:' && !(0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_5__/* .isLoopbackHost */ .cW)(url.hostname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue('INSECURE', `key ${ref}: VAULT_ADDR ${(0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_5__/* .shownUrl */ .zA)(addr)} is plain HTTP to a non-loopback host (use https)`);
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
/** The token in ~/.vault-token, as the Vault CLI leaves it after `vault login`, if any. */
async function vaultTokenFile(env) {
    const home = env.HOME ?? env.USERPROFILE;
    if (!home)
        return undefined;
    try {
        const token = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(home, '.vault-token'), 'utf8')).trim();
        return token === '' ? undefined : token;
    }
    catch {
        return undefined;
    }
}
/** VAULT_TOKEN, else ~/.vault-token. */
async function vaultToken(ref, env) {
    if (env.VAULT_TOKEN)
        return env.VAULT_TOKEN;
    const token = await vaultTokenFile(env);
    if (token !== undefined)
        return token;
    throw unreadable(ref, 'VAULT_TOKEN is not set and there is no ~/.vault-token');
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
    return transitKeyFromResponse(ref, body).publicKey;
}
function transitKeyFromResponse(ref, body) {
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
            const key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({
                key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
                format: 'jwk',
            });
            return { publicKey: key, version: latest, type };
        }
        return { publicKey: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({ key: publicKey, format: 'pem' }), version: latest, type };
    }
    catch (e) {
        throw unreadable(ref, `Vault transit public key (type ${type}, version ${latest}) does not parse`, e);
    }
}
/**
 * One request to `VAULT_ADDR/v1/<mount>/<op>/<name><suffix>` with the token cosign's provider
 * reads. A redirect is refused naming where it pointed: key material and signatures are taken
 * from VAULT_ADDR's origin only.
 */
async function vaultRequest(ref, opts, op, request = {}) {
    const { env } = opts;
    const name = parseVaultRef(ref);
    const base = vaultAddress(ref, env);
    const mount = transitMount(ref, env);
    const token = await vaultToken(ref, env);
    // fetch would refuse it with a message quoting the whole value.
    if (!/^[\x21-\x7e]+$/.test(token))
        throw unreadable(ref, 'the Vault token holds white space or characters a header cannot carry');
    const url = `${base.origin}${base.pathname.replace(/\/+$/, '')}/v1/${mount}/${op}/${name}${request.suffix ?? ''}`;
    const timeoutSeconds = Number(env.VAULT_CLIENT_TIMEOUT);
    const timeoutMs = timeoutSeconds > 0 ? timeoutSeconds * 1000 : DEFAULT_TIMEOUT_MS;
    const headers = {
        'X-Vault-Request': 'true',
        Accept: 'application/json',
    };
    if (env.VAULT_NAMESPACE)
        headers['X-Vault-Namespace'] = env.VAULT_NAMESPACE;
    if (request.body !== undefined)
        headers['Content-Type'] = 'application/json';
    let res;
    try {
        // net/fetch.ts: a redirect is followed only under the target rules, and X-Vault-Token goes
        // to VAULT_ADDR's origin only, never to the other node or host a redirect names. A POST
        // (sign) is not redirected at all.
        res = await (0,_net_fetch_js__WEBPACK_IMPORTED_MODULE_6__/* .fetchCapped */ .M)({
            url: new URL(url),
            what: `key ${ref}`,
            peer: `Vault at ${base.origin}`,
            headers,
            credentials: { 'X-Vault-Token': token },
            maxBytes: _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.vaultResponseBytes,
            timeoutMs,
            ...(request.body !== undefined ? { method: 'POST', body: request.body } : {}),
            ...(opts.signal ? { signal: opts.signal } : {}),
            redact: (t) => t.split(token).join('***'),
        });
    }
    catch (e) {
        // The caller's deadline and the target rules keep their codes; anything else means the
        // key could not be read.
        if (opts.signal?.aborted || (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue && e.code === 'INSECURE'))
            throw e;
        const message = e instanceof Error ? e.message : String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue('KEY_UNREADABLE', message, { cause: e });
    }
    const body = new TextDecoder().decode(res.body);
    // A standby node or proxy sent us elsewhere. The token stayed behind (see above), and a key is
    // trust material: it is taken only from VAULT_ADDR's origin, whatever the other host answers.
    if (res.url.origin !== base.origin)
        throw unreadable(ref, `Vault at ${base.origin} redirected to ${(0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_5__/* .redactUrl */ .BO)(res.url).split(token).join('***')} (HTTP ${res.status} there); the key is read from VAULT_ADDR's origin only: set VAULT_ADDR to the active node`);
    if (res.status >= 300 && res.status < 400) {
        const location = res.headers.get('location') ?? '(no Location)';
        throw unreadable(ref, `Vault at ${base.origin} answered HTTP ${res.status} redirecting to ${location.split(token).join('***')}; signing requests are not redirected: set VAULT_ADDR to the active node`);
    }
    return { status: res.status, body, name, mount, errors: vaultErrors(body, token) };
}
async function fetchVaultPublicKey(ref, opts) {
    return (await fetchVaultKey(ref, opts)).publicKey;
}
async function fetchVaultKey(ref, opts) {
    const { status, body, name, mount, errors } = await vaultRequest(ref, opts, 'keys');
    if (status === 200)
        return transitKeyFromResponse(ref, body);
    if (status === 403)
        throw unreadable(ref, `Vault denied reading transit key "${name}" at ${mount} (403${errors})`);
    if (status === 404)
        throw unreadable(ref, `Vault has no transit key "${name}" at mount ${mount} (404)`);
    throw unreadable(ref, `Vault answered ${status} for transit key "${name}"${errors}`);
}
/**
 * `POST transit/sign/:name/sha2-256` (or `transit/sign/:name` for an Ed25519 message) and the
 * signature out of Vault's `vault:vN:<base64>` answer, unchecked against the key.
 */
async function vaultSign(ref, opts, req) {
    const { status, body, name, mount, errors } = await vaultRequest(ref, opts, 'sign', {
        suffix: req.prehashed ? '/sha2-256' : '',
        body: JSON.stringify({
            input: Buffer.from(req.input).toString('base64'),
            prehashed: req.prehashed,
            key_version: req.version,
            signature_algorithm: 'pkcs1v15',
            marshaling_algorithm: 'asn1',
        }),
    });
    if (status === 403)
        throw unreadable(ref, `Vault denied signing with transit key "${name}" at ${mount} (403${errors}); the token needs update on ${mount}/sign/${name}/*`);
    if (status !== 200)
        throw unreadable(ref, `Vault refused to sign with transit key "${name}" at ${mount} (${status}${errors})`);
    let signature;
    try {
        signature = obj(obj(JSON.parse(body))?.data)?.signature;
    }
    catch (e) {
        throw unreadable(ref, 'Vault answered the sign request with something that is not JSON', e);
    }
    if (typeof signature !== 'string')
        throw unreadable(ref, 'Vault answered the sign request without data.signature');
    const m = /^vault:v(\d+):([A-Za-z0-9+/]*={0,2})$/.exec(signature);
    if (!m || (m[2] ?? '').length % 4 !== 0 || m[2] === '')
        throw unreadable(ref, `Vault's signature is not vault:v<N>:<base64> (got ${JSON.stringify(signature.slice(0, 40))})`);
    if (Number(m[1]) !== req.version)
        throw unreadable(ref, `Vault signed with version ${m[1]} of transit key "${name}", not version ${req.version} whose public key was read`);
    return Buffer.from(m[2] ?? '', 'base64');
}
//# sourceMappingURL=vault.js.map

/***/ })

};

//# sourceMappingURL=211.index.js.map