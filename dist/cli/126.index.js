export const id = 126;
export const ids = [126];
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

/***/ 72126:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsKmsSignDigest: () => (/* binding */ awsKmsSignDigest),
/* harmony export */   fetchAwsKmsKey: () => (/* binding */ fetchAwsKmsKey),
/* harmony export */   fetchAwsKmsPublicKey: () => (/* binding */ fetchAwsKmsPublicKey)
/* harmony export */ });
/* unused harmony export parseAwsKmsRef */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92632);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62807);
/* harmony import */ var _net_addresses_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45166);
// AWS KMS signing keys named by cosign's `awskms://` reference grammar, through the AWS SDK's
// standard credential chain: the public half (GetPublicKey), and Sign over a digest for the
// summaries, shard reports and revocation lists image-gate signs (trust/signing-key.ts).




// The grammar of sigstore's pkg/signature/kms/aws (key ID, key ARN, alias name, alias ARN, each
// with an optional endpoint); alias names restricted to the characters AWS allows.
const UUID = '(?:mrk-)?[A-Fa-f0-9]{8}-?[A-Fa-f0-9]{4}-?[A-Fa-f0-9]{4}-?[A-Fa-f0-9]{4}-?[A-Fa-f0-9]{12}';
const ARN = 'arn:aws(?:-[a-z]+)*:kms:([a-z0-9-]+):\\d{12}:';
const ALIAS = 'alias/[A-Za-z0-9/_-]+';
const KMS_REF = new RegExp(`^awskms://([^/]*)/((?:${ARN})?(?:key/${UUID}|${ALIAS})|${UUID}|${ALIAS})$`);
const DEFAULT_MAX_ATTEMPTS = 3;
const CONNECT_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 30_000;
function unreadable(ref, why, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('KEY_UNREADABLE', `key ${ref}: ${why}`, cause === undefined ? undefined : { cause });
}
function parseAwsKmsRef(ref) {
    const m = KMS_REF.exec(ref);
    if (!m) {
        throw unreadable(ref, 'not an AWS KMS reference (expected awskms:///<key-id|alias/NAME|key or alias ARN>, or awskms://HOST:PORT/...)');
    }
    const [, endpoint = '', keyId = '', region] = m;
    // A key ID with a stray `key/` prefix (no ARN) is not a KMS identifier.
    if (keyId.startsWith('key/'))
        throw unreadable(ref, `"${keyId}" is neither a key ID, an alias nor an ARN`);
    const parsed = { keyId };
    if (endpoint !== '')
        parsed.endpoint = endpoint;
    if (region !== undefined)
        parsed.region = region;
    return parsed;
}
/** The endpoint URL for a reference's `host:port`: plain HTTP only to loopback emulators. */
function endpointFromRef(ref, hostPort) {
    let url;
    try {
        url = new URL(`https://${hostPort}`);
    }
    catch (e) {
        throw unreadable(ref, `endpoint "${hostPort}" is not host[:port]`, e);
    }
    if (url.host !== hostPort.toLowerCase() || url.username !== '' || url.password !== '') {
        throw unreadable(ref, `endpoint "${hostPort}" is not host[:port]`);
    }
    // cosign always dials https://; local emulators (LocalStack, moto, tests) also speak plain
    // HTTP, and on loopback there is no network to protect.
    return (0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopbackHost */ .cW)(url.hostname) ? `http://${url.host}` : `https://${url.host}`;
}
/** AWS_ENDPOINT_URL_KMS / AWS_ENDPOINT_URL, refused when they would send requests in clear. */
function endpointFromEnv(ref, env) {
    if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true')
        return undefined;
    const name = env.AWS_ENDPOINT_URL_KMS
        ? 'AWS_ENDPOINT_URL_KMS'
        : env.AWS_ENDPOINT_URL
            ? 'AWS_ENDPOINT_URL'
            : '';
    if (name === '')
        return undefined;
    const value = env[name] ?? '';
    let url;
    try {
        url = new URL(value);
    }
    catch (e) {
        throw unreadable(ref, `${name} "${value}" is not a URL`, e);
    }
    if (url.protocol === 'http:' && !(0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopbackHost */ .cW)(url.hostname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('INSECURE', `key ${ref}: ${name} ${value} is plain HTTP to a non-loopback host; a forged answer would replace the key (use https)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw unreadable(ref, `${name} "${value}" is not an http(s) URL`);
    }
    return value;
}
function maxAttemptsFrom(env) {
    const n = Number(env.AWS_MAX_ATTEMPTS);
    return Number.isInteger(n) && n >= 1 && n <= 10 ? n : DEFAULT_MAX_ATTEMPTS;
}
/** AWS error code or the network error code, for a one-line reason. */
function awsErrorCode(e) {
    if (typeof e !== 'object' || e === null)
        return String(e);
    const err = e;
    for (const c of [err.Code, err.code, err.name]) {
        if (typeof c === 'string' && c !== '' && c !== 'Error')
            return c;
    }
    return 'Error';
}
/** A KMS client for `ref`, configured as cosign's (endpoint, region, credentials from `env`). */
function kmsClientFor(ref, env) {
    const parsed = parseAwsKmsRef(ref);
    const config = {
        maxAttempts: maxAttemptsFrom(env),
        requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
    };
    const endpoint = parsed.endpoint
        ? endpointFromRef(ref, parsed.endpoint)
        : endpointFromEnv(ref, env);
    if (endpoint)
        config.endpoint = endpoint;
    const region = parsed.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    if (region)
        config.region = region;
    if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
        config.credentials = {
            accessKeyId: env.AWS_ACCESS_KEY_ID,
            secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
            ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
        };
    }
    else if (env.AWS_PROFILE) {
        config.profile = env.AWS_PROFILE;
    }
    return { client: new _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_3__/* .KMSClient */ .pgq(config), keyId: parsed.keyId };
}
/** One KMS call on a fresh client; every SDK failure becomes KEY_UNREADABLE naming `ref`. */
async function withKms(ref, opts, operation, call) {
    const { env, signal } = opts;
    const { client, keyId } = kmsClientFor(ref, env);
    try {
        return await call(client, keyId, signal ? { abortSignal: signal } : {});
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue)
            throw e;
        if (signal?.aborted) {
            if (signal.reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue)
                throw signal.reason;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('TIMEOUT', `key ${ref}: AWS KMS request was cancelled`, {
                cause: signal.reason,
            });
        }
        const message = e instanceof Error ? e.message : String(e);
        if (/region is missing/i.test(message)) {
            throw unreadable(ref, 'no AWS region: use a key ARN, or set AWS_REGION (or a region in the AWS profile)', e);
        }
        throw unreadable(ref, `AWS KMS ${operation} failed: ${awsErrorCode(e)}: ${message}`, e);
    }
    finally {
        client.destroy();
    }
}
async function fetchAwsKmsKey(ref, opts) {
    return withKms(ref, opts, 'GetPublicKey', async (client, keyId, abort) => {
        const out = await client.send(new _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_3__/* .GetPublicKeyCommand */ .QSA({ KeyId: keyId }), abort);
        if (out.KeyUsage !== undefined && out.KeyUsage !== 'SIGN_VERIFY') {
            throw unreadable(ref, `AWS KMS key ${out.KeyId ?? keyId} is not a signing key (KeyUsage ${out.KeyUsage})`);
        }
        if (!(out.PublicKey instanceof Uint8Array) || out.PublicKey.length === 0) {
            throw unreadable(ref, 'AWS KMS returned no public key');
        }
        let publicKey;
        try {
            publicKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({ key: Buffer.from(out.PublicKey), format: 'der', type: 'spki' });
        }
        catch (e) {
            throw unreadable(ref, `AWS KMS returned a public key that does not parse (KeySpec ${out.KeySpec ?? '?'})`, e);
        }
        return {
            publicKey,
            keyArn: out.KeyId ?? keyId,
            keySpec: out.KeySpec ?? '?',
            signingAlgorithms: [...(out.SigningAlgorithms ?? [])],
        };
    });
}
async function fetchAwsKmsPublicKey(ref, opts) {
    return (await fetchAwsKmsKey(ref, opts)).publicKey;
}
/**
 * KMS `Sign` over a digest the caller computed (MessageType DIGEST, as cosign signs), with
 * `algorithm` (one the key lists). Returns the signature as KMS gives it, unchecked.
 */
async function awsKmsSignDigest(ref, opts, digest, algorithm) {
    return withKms(ref, opts, 'Sign', async (client, keyId, abort) => {
        const out = await client.send(new _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_3__/* .SignCommand */ .fJE({
            KeyId: keyId,
            Message: digest,
            MessageType: 'DIGEST',
            SigningAlgorithm: algorithm,
        }), abort);
        if (!(out.Signature instanceof Uint8Array) || out.Signature.length === 0)
            throw unreadable(ref, 'AWS KMS Sign returned no signature');
        if (out.SigningAlgorithm !== undefined && out.SigningAlgorithm !== algorithm)
            throw unreadable(ref, `AWS KMS Sign answered with algorithm ${out.SigningAlgorithm}, not the ${algorithm} asked for`);
        return Buffer.from(out.Signature);
    });
}
//# sourceMappingURL=kms.js.map

/***/ })

};

//# sourceMappingURL=126.index.js.map