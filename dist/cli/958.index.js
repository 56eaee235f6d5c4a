export const id = 958;
export const ids = [958];
export const modules = {

/***/ 40332:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gz: () => (/* binding */ ByteBudget),
/* harmony export */   JO: () => (/* binding */ chargeRead),
/* harmony export */   WN: () => (/* binding */ withByteBudget),
/* harmony export */   b1: () => (/* binding */ LIMITS),
/* harmony export */   uh: () => (/* binding */ readFileCapped),
/* harmony export */   vQ: () => (/* binding */ budgetExhausted),
/* harmony export */   zS: () => (/* binding */ nestedBudget)
/* harmony export */ });
/* unused harmony export describeBytes */
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16698);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62807);
// Every size, count and time bound on what the gate reads (SECURITY.md section 5), in one table,
// and the byte budgets: enforced while reading, before parsing, so hostile content cannot exhaust
// memory or time. registry/limits.ts and s3lo's S3LO_LIMITS are named views of this table.



const MiB = 1024 * 1024;
const KiB = 1024;
/**
 * Every limit on attacker-controlled input, with its default:
 *
 * | limit                 | default | applies to                                               |
 * | --------------------- | ------- | -------------------------------------------------------- |
 * | manifestBytes         | 4 MiB   | one manifest, index or referrers page (registry, layout, s3lo) |
 * | payloadBytes          | 4 MiB   | one `.sig` payload or `.att` envelope layer              |
 * | bundleBytes           | 10 MiB  | one Sigstore bundle (referrer layer, GitHub bundle_url)  |
 * | signaturesPerImage    | 100     | candidates judged per digest, across formats             |
 * | layersPerManifest     | 1000    | layers of one signature manifest                         |
 * | imageBytes            | 64 MiB  | all bytes read for one image (see ByteBudget)            |
 * | runBytes              | 1 GiB   | all bytes read for all images of one run                 |
 * | trustedRootBytes      | 4 MiB   | a trusted_root.json file (`--trusted-root`)              |
 * | sbomPackages          | 200000  | components read from one SBOM predicate                  |
 * | vulnFindings          | 100000  | findings read from one vulnerability scan predicate      |
 * | jsonDepth             | 64      | nesting of any strictly parsed JSON (payloads, statements) |
 * | tlogEntriesPerBundle  | 32      | transparency log entries in one bundle (sigstore-go)     |
 * | timestampsPerBundle   | 32      | RFC 3161 timestamps in one bundle (sigstore-go)          |
 * | subjectsPerStatement  | 1024    | subjects of one in-toto statement                        |
 * | digestsPerSubject     | 32      | digests of one in-toto subject                           |
 * | keyFileBytes          | 64 KiB  | a public key file (`--key`)                              |
 * | tokenBytes            | 1 MiB   | a registry token service answer                          |
 * | errorBodyBytes        | 64 KiB  | any error answer (read for its message, the rest cut)    |
 * | referrers             | 1000    | referrers considered per subject, across pages           |
 * | referrerPages         | 20      | referrers pages followed (`Link: rel="next"`)            |
 * | registryRedirects     | 10      | redirect hops per registry request                       |
 * | fetchRedirects        | 5       | redirect hops per net/fetch.ts request (bundle_url, Vault) |
 * | retryAfterMs          | 10 s    | the longest `Retry-After` the registry client sleeps      |
 * | githubPages           | 20      | GitHub attestations API pages followed                   |
 * | githubPageBytes       | 16 MiB  | one GitHub attestations API page (up to 100 bundles)     |
 * | vaultResponseBytes    | 1 MiB   | one Vault transit key answer                             |
 * | s3loRecordBytes       | 1 MiB   | one s3lo signature record                                |
 * | dockerConfigBytes     | 4 MiB   | the Docker config file                                   |
 * | credHelperOutputBytes | 64 KiB  | a docker-credential helper's output                      |
 * | credHelperTimeoutMs   | 15 s    | a docker-credential helper's wall time                   |
 *
 * Per-read caps bound one response; the budgets bound their sum, so that 100 candidates each
 * just under its cap cannot cost 100 times the cap. User files that are not evidence (a policy
 * file, reports given to `merge`) keep their caps beside their parsers.
 */
const LIMITS = {
    manifestBytes: 4 * MiB,
    payloadBytes: 4 * MiB,
    bundleBytes: 10 * MiB,
    /** Signatures or attestations considered per image. */
    signaturesPerImage: 100,
    /** Layers accepted in one signature manifest. */
    layersPerManifest: 1000,
    /**
     * Bytes read for one image: manifests, indexes, referrers lists, signature layers, bundles,
     * attestation blobs, GitHub attestations API pages and bundle_url bodies, s3lo objects, token
     * and error bodies. Six bundles at the 10 MiB cap, or thousands of ordinary signatures.
     */
    imageBytes: 64 * MiB,
    /** Bytes read across all images of one run (tag resolution included). */
    runBytes: 1024 * MiB,
    /** A trusted root names a few dozen keys and certificates: public-good's is under 10 KiB. */
    trustedRootBytes: 4 * MiB,
    /** Components read from one SBOM; more is refused rather than half-checked. */
    sbomPackages: 200_000,
    /** Findings read from one scan; more is refused rather than half-checked. */
    vulnFindings: 100_000,
    jsonDepth: 64,
    tlogEntriesPerBundle: 32,
    timestampsPerBundle: 32,
    subjectsPerStatement: 1024,
    digestsPerSubject: 32,
    keyFileBytes: 64 * KiB,
    // The network (registry client and net/fetch.ts).
    tokenBytes: 1 * MiB,
    /** Error bodies are only read for a message; the rest is discarded. */
    errorBodyBytes: 64 * KiB,
    referrers: 1000,
    referrerPages: 20,
    registryRedirects: 10,
    /** Storage services and Vault standbys use one or two. */
    fetchRedirects: 5,
    /** A longer `Retry-After` ends the retries at once. */
    retryAfterMs: 10_000,
    /** First backoff step; doubles per attempt, with jitter. */
    retryBaseMs: 100,
    /** A server that links page after empty page must not loop us. */
    githubPages: 20,
    githubPageBytes: 16 * MiB,
    vaultResponseBytes: 1 * MiB,
    s3loRecordBytes: 1 * MiB,
    // Local credential sources.
    dockerConfigBytes: 4 * MiB,
    credHelperOutputBytes: 64 * KiB,
    credHelperTimeoutMs: 15_000,
};
/**
 * A byte budget: the bytes read while it is in scope are charged to it and to every budget it
 * is nested in (an image's budget within the run's). Charging past the limit throws
 * LIMIT_EXCEEDED (exit 2): the evidence could not be obtained within bounds.
 */
class ByteBudget {
    what;
    limit;
    parent;
    usedBytes = 0;
    constructor(
    /** For messages: `image registry/app@sha256:\u2026`, `run`. */
    what, limit, parent) {
        this.what = what;
        this.limit = limit;
        this.parent = parent;
        if (!Number.isSafeInteger(limit) || limit < 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('INTERNAL', `byte budget ${limit} is not a byte count`);
    }
    get used() {
        return this.usedBytes;
    }
    get remaining() {
        return Math.max(0, this.limit - this.usedBytes);
    }
    /** Whether this budget, or one it is nested in, has been overspent. */
    get exhausted() {
        return this.usedBytes > this.limit || this.parent?.exhausted === true;
    }
    /** Counts `n` more bytes read for `reading`; throws once the sum passes a limit. */
    charge(n, reading) {
        // The parent first: a run that is out of budget says so, whichever image asked.
        this.parent?.charge(n, reading);
        this.usedBytes += n;
        if (this.usedBytes > this.limit)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('LIMIT_EXCEEDED', `${reading}: byte budget exhausted: ${this.what} read more than ${describeBytes(this.limit)} in all`);
    }
}
function describeBytes(n) {
    if (n >= MiB && n % MiB === 0)
        return `${n / MiB} MiB`;
    if (n >= 1024 && n % 1024 === 0)
        return `${n / 1024} KiB`;
    return `${n} bytes`;
}
// Like the run's deadline, the budget follows the work rather than the call signatures: every
// capped reader (registry transport, GitHub API, OCI layout, s3lo stores) charges the budget of
// the image whose verification caused the read, however many layers of stores lie in between.
const scope = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
/** Runs `work` with `budget` charged for every read inside it (nested in the current one). */
function withByteBudget(budget, work) {
    return scope.run(budget, work);
}
/** A budget nested in the one currently in scope (if any). */
function nestedBudget(what, limit) {
    return new ByteBudget(what, limit, scope.getStore());
}
/**
 * Whether the budget in scope is spent. A LIMIT_EXCEEDED while it is not came from one read's
 * own cap (a response or a layer over its size limit): about that one candidate, not the image.
 */
function budgetExhausted() {
    return scope.getStore()?.exhausted === true;
}
/** Charges `n` bytes just read to the budgets in scope; a no-op outside any. */
function chargeRead(n, reading) {
    scope.getStore()?.charge(n, reading);
}
/**
 * A file's first `maxBytes` bytes, read into a buffer of that size plus one: a file that is
 * larger, grows while read, or never ends (a FIFO, /dev/zero) costs no more. fs errors propagate.
 */
async function readFileCapped(file, maxBytes) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'r');
    try {
        const buffer = Buffer.alloc(maxBytes + 1);
        let length = 0;
        while (length < buffer.length) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
            if (bytesRead === 0)
                break;
            length += bytesRead;
        }
        return { bytes: buffer.subarray(0, Math.min(length, maxBytes)), over: length > maxBytes };
    }
    finally {
        await handle.close();
    }
}
//# sourceMappingURL=limits.js.map

/***/ }),

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

/***/ 11858:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DA: () => (/* binding */ MAX_TOKEN_BYTES),
/* harmony export */   JC: () => (/* binding */ MAX_CRED_HELPER_OUTPUT),
/* harmony export */   Jf: () => (/* binding */ CRED_HELPER_TIMEOUT_MS),
/* harmony export */   LD: () => (/* binding */ MAX_DOCKER_CONFIG_BYTES),
/* harmony export */   NX: () => (/* binding */ MAX_REDIRECTS),
/* harmony export */   OB: () => (/* binding */ MAX_REFERRERS),
/* harmony export */   Qy: () => (/* binding */ MAX_REFERRER_PAGES),
/* harmony export */   TU: () => (/* binding */ DEFAULT_RETRIES),
/* harmony export */   ZJ: () => (/* binding */ MAX_MANIFEST_BYTES),
/* harmony export */   Zc: () => (/* binding */ DEFAULT_REQUEST_TIMEOUT_MS),
/* harmony export */   cz: () => (/* binding */ DEFAULT_MAX_CONNECTIONS_PER_ORIGIN),
/* harmony export */   f5: () => (/* binding */ MAX_ERROR_BODY_BYTES),
/* harmony export */   yL: () => (/* binding */ MAX_RETRY_AFTER_MS)
/* harmony export */ });
/* unused harmony export RETRY_BASE_MS */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40332);
// The registry client's bounds under the names its modules use: a view of the one table in
// src/core/limits.ts (LIMITS), plus the client's defaults for run settings.

/** Manifests and indexes, including referrers pages (containers/image iolimits). */
const MAX_MANIFEST_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.manifestBytes;
const MAX_TOKEN_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.tokenBytes;
const MAX_ERROR_BODY_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.errorBodyBytes;
const MAX_REFERRERS = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.referrers;
const MAX_REFERRER_PAGES = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.referrerPages;
const MAX_REDIRECTS = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.registryRedirects;
const MAX_RETRY_AFTER_MS = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.retryAfterMs;
const RETRY_BASE_MS = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.retryBaseMs;
const CRED_HELPER_TIMEOUT_MS = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.credHelperTimeoutMs;
const MAX_CRED_HELPER_OUTPUT = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.credHelperOutputBytes;
const MAX_DOCKER_CONFIG_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.dockerConfigBytes;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_MAX_CONNECTIONS_PER_ORIGIN = 8;
//# sourceMappingURL=limits.js.map

/***/ }),

/***/ 56086:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RJ: () => (/* binding */ parseStrictJson),
/* harmony export */   U7: () => (/* binding */ StrictJsonError),
/* harmony export */   Zt: () => (/* binding */ goFoldKey),
/* harmony export */   ml: () => (/* binding */ parseStrictJsonBytes),
/* harmony export */   uv: () => (/* binding */ parseCheckedJsonBytes)
/* harmony export */ });
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40332);
// Strict JSON for signed payloads: a parser that refuses duplicate object keys, so that the
// bytes we verify and the object we act on cannot be read two ways (parser differentials).
// "Duplicate" is as Go's encoding/json sees it, since cosign and the cluster-side verifiers
// decode these payloads with it: a struct field matches any key equal under Unicode simple case
// folding (`Docker-Manifest-Digest`, `docker-manifest-dige\u017ft`) and the last one wins, and a
// lone surrogate escape decodes to U+FFFD. A byte order mark, which Go refuses, is refused too.

/** Why a strict parse failed; callers turn it into a GateError with their own input name. */
class StrictJsonError extends Error {
    constructor(message) {
        super(message);
        this.name = 'StrictJsonError';
    }
}
const MAX_DEPTH = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.jsonDepth;
/**
 * Parse RFC 8259 JSON, rejecting keys that collide (exactly or under Go's case folding) anywhere
 * in the document, nesting deeper than 64 levels, a leading BOM, and anything after the value.
 * Numbers and strings decode as JSON.parse would.
 */
function parseStrictJson(text) {
    if (text.charCodeAt(0) === 0xfeff)
        throw new StrictJsonError('starts with a byte order mark (U+FEFF), which Go refuses');
    const p = new Parser(text);
    p.ws();
    const value = p.value(0);
    p.ws();
    if (p.pos !== text.length)
        p.fail('unexpected data after the JSON value');
    return value;
}
// ignoreBOM keeps a BOM in the text, where parseStrictJson refuses it (by default the decoder
// would drop it silently). One decoder for every call: decode() without `stream` starts afresh.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Decode UTF-8 (fatal on invalid sequences) and parse strictly. */
function parseStrictJsonBytes(bytes) {
    return parseStrictJson(decodeUtf8(bytes));
}
function decodeUtf8(bytes) {
    try {
        return UTF8.decode(bytes);
    }
    catch {
        throw new StrictJsonError('not valid UTF-8');
    }
}
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f]/g;
/**
 * Strict JSON, refused as parseStrictJsonBytes refuses it, but the value as JSON.parse builds
 * it: for documents that may be large (a bundle up to its 10 MiB cap), whose strings the strict
 * parser would hand out as slices of the whole text (each then flattened into another copy when
 * read as base64). The strict parse only checks, and its tree is garbage at once.
 */
function parseCheckedJsonBytes(bytes) {
    const text = decodeUtf8(bytes);
    parseStrictJson(text);
    return JSON.parse(text);
}
class Parser {
    s;
    pos = 0;
    /** The next backslash at or after the last string's start (Infinity: none), found once. */
    backslash = -1;
    /** Likewise the next control character (U+0000 to U+001F). */
    control = -1;
    constructor(s) {
        this.s = s;
    }
    fail(why) {
        throw new StrictJsonError(`${why} at offset ${this.pos}`);
    }
    ws() {
        while (this.pos < this.s.length) {
            const c = this.s.charCodeAt(this.pos);
            if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)
                this.pos++;
            else
                break;
        }
    }
    value(depth) {
        if (depth > MAX_DEPTH)
            this.fail('JSON nested too deeply');
        const c = this.s[this.pos];
        switch (c) {
            case '{':
                return this.object(depth);
            case '[':
                return this.array(depth);
            case '"':
                return this.string();
            case 't':
                return this.literal('true', true);
            case 'f':
                return this.literal('false', false);
            case 'n':
                return this.literal('null', null);
            default:
                if (c === '-' || (c !== undefined && c >= '0' && c <= '9'))
                    return this.number();
                return this.fail(c === undefined ? 'unexpected end of JSON' : `unexpected character '${c}'`);
        }
    }
    literal(word, v) {
        if (this.s.startsWith(word, this.pos)) {
            this.pos += word.length;
            return v;
        }
        return this.fail('invalid literal');
    }
    number() {
        const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.pos, this.pos + 400));
        if (!m)
            return this.fail('invalid number');
        this.pos += m[0].length;
        return Number(m[0]);
    }
    string() {
        // Find the closing quote, then let JSON.parse decode escapes exactly as it always does; a
        // string without escapes (no backslash, no control character) is its characters as they are.
        const start = this.pos;
        // Most strings (base64 signatures, digests, names) have no escape: find the closing quote
        // natively, and walk the characters only to refuse a control character.
        const end = this.s.indexOf('"', start + 1);
        if (this.backslash <= start) {
            const b = this.s.indexOf('\\', start + 1);
            this.backslash = b < 0 ? Infinity : b;
        }
        if (end > start && this.backslash > end) {
            if (this.control <= start) {
                CONTROL.lastIndex = start + 1;
                this.control = CONTROL.exec(this.s)?.index ?? Infinity;
            }
            if (this.control < end) {
                this.pos = this.control;
                this.fail('control character in string');
            }
            this.pos = end + 1;
            return this.s.slice(start + 1, end);
        }
        let escaped = false;
        this.pos++;
        while (this.pos < this.s.length) {
            const c = this.s.charCodeAt(this.pos);
            if (c === 0x22) {
                this.pos++;
                if (!escaped)
                    return this.s.slice(start + 1, this.pos - 1);
                try {
                    return JSON.parse(this.s.slice(start, this.pos));
                }
                catch {
                    this.pos = start;
                    return this.fail('invalid string');
                }
            }
            if (c === 0x5c) {
                escaped = true;
                this.pos += 2;
            }
            else if (c < 0x20)
                this.fail('control character in string');
            else
                this.pos++;
        }
        return this.fail('unterminated string');
    }
    array(depth) {
        this.pos++;
        const out = [];
        this.ws();
        if (this.s[this.pos] === ']') {
            this.pos++;
            return out;
        }
        for (;;) {
            this.ws();
            out.push(this.value(depth + 1));
            this.ws();
            const c = this.s[this.pos++];
            if (c === ']')
                return out;
            if (c !== ',')
                this.fail("expected ',' or ']'");
        }
    }
    object(depth) {
        this.pos++;
        // A null-prototype object: keys like "__proto__" stay plain data.
        const out = Object.create(null);
        const seen = new Map();
        this.ws();
        if (this.s[this.pos] === '}') {
            this.pos++;
            return out;
        }
        for (;;) {
            this.ws();
            if (this.s[this.pos] !== '"')
                this.fail('expected a string key');
            const keyAt = this.pos;
            const key = this.string();
            const folded = goFoldKey(key);
            const earlier = seen.get(folded);
            if (earlier !== undefined) {
                this.pos = keyAt;
                this.fail(earlier === key
                    ? `duplicate key ${JSON.stringify(key)}`
                    : `key ${JSON.stringify(key)} collides with ${JSON.stringify(earlier)} (Go matches keys case-insensitively)`);
            }
            seen.set(folded, key);
            this.ws();
            if (this.s[this.pos++] !== ':')
                this.fail("expected ':'");
            this.ws();
            out[key] = this.value(depth + 1);
            this.ws();
            const c = this.s[this.pos++];
            if (c === '}')
                return out;
            if (c !== ',')
                this.fail("expected ',' or '}'");
        }
    }
}
/**
 * A key as Go's encoding/json compares it: lone surrogates as U+FFFD (what Go decodes them to),
 * then each code point folded (lower, upper, lower: one form for each simple case-folding orbit
 * such as k/K/U+212A or s/S/U+017F). Where JavaScript's mappings differ from Go's simple folding
 * (Turkish dotless i) this folds more, which can only refuse more.
 */
function goFoldKey(key) {
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(key))
        return key.toLowerCase();
    let out = '';
    for (const ch of key.replace(/\p{Surrogate}/gu, '\ufffd'))
        out += foldCodePoint(ch);
    return out;
}
function foldCodePoint(ch) {
    let cur = ch;
    for (const step of [
        (c) => c.toLowerCase(),
        (c) => c.toUpperCase(),
        (c) => c.toLowerCase(),
    ]) {
        const next = step(cur);
        // A multi-character mapping (U+00DF to "SS") is full folding, which Go does not do.
        if ([...next].length === 1)
            cur = next;
    }
    return cur;
}
//# sourceMappingURL=strict-json.js.map

/***/ })

};

//# sourceMappingURL=958.index.js.map