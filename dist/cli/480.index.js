export const id = 480;
export const ids = [480];
export const modules = {

/***/ 32035:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyBundleArtifact: () => (/* binding */ verifyBundleArtifact)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62807);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40332);
/* harmony import */ var _signatures_verifier_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77368);
/* harmony import */ var _trust_keys_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(36123);
/* harmony import */ var _trust_root_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(53798);
// sigstore-conformance `verify-bundle`: one bundle against one artifact (a file, or a bare
// `sha256:` digest) with an exact identity+issuer or a public key, through our one verifier.







const MAX_BUNDLE_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_3__/* .LIMITS */ .b1.bundleBytes;
async function verifyBundleArtifact(opts) {
    const policy = await policyFor(opts);
    const subject = await readSubject(opts.artifact);
    const bundleJson = await readBundle(opts.bundlePath);
    const root = await (0,_trust_root_js__WEBPACK_IMPORTED_MODULE_6__.loadTrustedRoot)({
        ...(opts.trustedRootPath !== undefined ? { trustedRootPath: opts.trustedRootPath } : {}),
        ...(opts.offline !== undefined ? { offline: opts.offline } : {}),
    });
    const verifier = (0,_signatures_verifier_js__WEBPACK_IMPORTED_MODULE_4__.createSignatureVerifier)(root, policy);
    const evidence = verifier.verifyBundle(bundleJson, subject, 'bundle-tag');
    delete evidence.statement;
    return evidence;
}
async function policyFor(opts) {
    const base = { requireTlog: opts.requireTlog ?? true, requireSct: true };
    if (opts.keyPath !== undefined) {
        if (opts.identity !== undefined || opts.issuer !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('USAGE', 'verify-bundle: --key excludes --certificate-identity/--certificate-oidc-issuer');
        }
        return { ...base, keys: [await (0,_trust_keys_js__WEBPACK_IMPORTED_MODULE_5__.loadKey)(opts.keyPath)], identities: [] };
    }
    if (!opts.identity || !opts.issuer) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('USAGE', 'verify-bundle: keyless verification needs both --certificate-identity and --certificate-oidc-issuer (or --key)');
    }
    return {
        ...base,
        keys: [],
        identities: [{ subject: { exact: opts.identity }, issuer: { exact: opts.issuer } }],
    };
}
async function readSubject(artifact) {
    // The conformance rule: a digest-shaped argument is a digest unless a file by that name exists.
    if (/^sha256:[a-f0-9]{64}$/.test(artifact) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(artifact))
        return { digest: artifact };
    try {
        return { artifact: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(artifact) };
    }
    catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('USAGE', `verify-bundle: cannot read artifact ${artifact}: ${why}`, {
            cause: e,
        });
    }
}
async function readBundle(path) {
    let bytes;
    try {
        const read = await (0,_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .readFileCapped */ .uh)(path, MAX_BUNDLE_BYTES);
        if (read.over)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('LIMIT_EXCEEDED', `verify-bundle: bundle ${path} is larger than ${MAX_BUNDLE_BYTES} bytes (limit ${MAX_BUNDLE_BYTES})`);
        bytes = read.bytes;
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue)
            throw e;
        const why = e instanceof Error ? e.message : String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('USAGE', `verify-bundle: cannot read bundle ${path}: ${why}`, { cause: e });
    }
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch (e) {
        // The bundle is evidence an attacker can write: not parsing is a verdict, not an outage.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('MALFORMED', `verify-bundle: bundle ${path} is not JSON`, { cause: e });
    }
}
//# sourceMappingURL=conformance.js.map

/***/ }),

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

/***/ }),

/***/ 36123:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  keyIdOf: () => (/* binding */ keyIdOf),
  loadKey: () => (/* binding */ loadKey),
  loadKeys: () => (/* binding */ loadKeys),
  loadPrivateKeyFile: () => (/* binding */ loadPrivateKeyFile),
  toVerificationKey: () => (/* binding */ toVerificationKey)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(62807);
// EXTERNAL MODULE: ./build/core/limits.js
var limits = __webpack_require__(40332);
;// CONCATENATED MODULE: ./build/core/trust/cosign-key.js
// Decrypts cosign's password-protected private key format (go-securesystemslib `encrypted`:
// scrypt-derived key, NaCl secretbox) so a cosign.key file can serve as a verification key.


/** PEM types cosign writes: SIGSTORE since cosign 1.x, COSIGN for keys made before that. */
const COSIGN_PEM_TYPES = [
    'ENCRYPTED SIGSTORE PRIVATE KEY',
    'ENCRYPTED COSIGN PRIVATE KEY',
];
/**
 * The only scrypt parameters go-securesystemslib's `CheckParams` accepts (legacy 2^15, standard
 * 2^16, OWASP 2^17; r=8, p=1). Anything else is refused before any work: an attacker-edited
 * key file must not make us allocate gigabytes or spin for minutes.
 */
const COSIGN_SCRYPT_PARAMS = [
    { N: 32768, r: 8, p: 1 },
    { N: 65536, r: 8, p: 1 },
    { N: 131072, r: 8, p: 1 },
];
const KEY_BYTES = 32;
const NONCE_BYTES = 24;
function unreadable(ref, why, cause) {
    return new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: ${why}`, cause === undefined ? undefined : { cause });
}
function field(obj, name) {
    return typeof obj === 'object' && obj !== null && !Array.isArray(obj)
        ? obj[name]
        : undefined;
}
/** Go encodes []byte in JSON as standard, padded base64. */
function base64Field(ref, value, name) {
    if (typeof value !== 'string' ||
        value.length % 4 !== 0 ||
        !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
        throw unreadable(ref, `cosign key field ${name} is not base64`);
    }
    return Buffer.from(value, 'base64');
}
function scryptAsync(password, salt, params) {
    // scrypt needs 128\u00b7N\u00b7r bytes; node refuses above `maxmem`, so allow exactly what the
    // accepted parameters need (128 MiB at most) with headroom.
    const maxmem = 2 * 128 * params.N * params.r;
    return new Promise((resolve, reject) => {
        (0,external_node_crypto_.scrypt)(password, salt, KEY_BYTES, { ...params, maxmem }, (err, key) => err ? reject(err) : resolve(key));
    });
}
/**
 * Decrypts the body of a cosign encrypted-key PEM block into its PKCS#8 private key.
 * `password` is COSIGN_PASSWORD as found (undefined when unset; "" is a valid password).
 * `ref` names the key in messages.
 */
async function decryptCosignPrivateKey(body, password, ref) {
    let doc;
    try {
        doc = JSON.parse(Buffer.from(body).toString('utf8'));
    }
    catch (e) {
        throw unreadable(ref, 'cosign key body is not JSON', e);
    }
    const kdf = field(doc, 'kdf');
    const cipher = field(doc, 'cipher');
    if (field(kdf, 'name') !== 'scrypt') {
        throw unreadable(ref, `cosign key uses unknown KDF ${JSON.stringify(field(kdf, 'name'))} (expected "scrypt")`);
    }
    if (field(cipher, 'name') !== 'nacl/secretbox') {
        throw unreadable(ref, `cosign key uses unknown cipher ${JSON.stringify(field(cipher, 'name'))} (expected "nacl/secretbox")`);
    }
    const rawParams = field(kdf, 'params');
    const params = { N: field(rawParams, 'N'), r: field(rawParams, 'r'), p: field(rawParams, 'p') };
    const accepted = COSIGN_SCRYPT_PARAMS.find((c) => c.N === params.N && c.r === params.r && c.p === params.p);
    if (!accepted) {
        throw unreadable(ref, `cosign key has unsupported scrypt parameters N=${String(params.N)} r=${String(params.r)} p=${String(params.p)} ` +
            `(accepted: N=${COSIGN_SCRYPT_PARAMS.map((c) => c.N).join('/')}, r=8, p=1)`);
    }
    const salt = base64Field(ref, field(kdf, 'salt'), 'kdf.salt');
    const nonce = base64Field(ref, field(cipher, 'nonce'), 'cipher.nonce');
    const ciphertext = base64Field(ref, field(doc, 'ciphertext'), 'ciphertext');
    if (nonce.length !== NONCE_BYTES) {
        throw unreadable(ref, `cosign key nonce is ${nonce.length} bytes (expected ${NONCE_BYTES})`);
    }
    if (password === undefined) {
        throw unreadable(ref, 'wrong or missing COSIGN_PASSWORD (COSIGN_PASSWORD is not set)');
    }
    const key = await scryptAsync(Buffer.from(password, 'utf8'), salt, accepted);
    // Loaded here, not at the top: only an encrypted cosign.key needs it, and every key-signed
    // verify would otherwise load its 62 KB chunk before its first request.
    const { default: nacl } = await __webpack_require__.e(/* import() */ 668).then(__webpack_require__.t.bind(__webpack_require__, 80668, 19));
    const plaintext = nacl.secretbox.open(ciphertext, nonce, key);
    if (plaintext === null) {
        throw unreadable(ref, 'wrong or missing COSIGN_PASSWORD (decryption failed; or the key file is corrupt)');
    }
    try {
        return (0,external_node_crypto_.createPrivateKey)({ key: Buffer.from(plaintext), format: 'der', type: 'pkcs8' });
    }
    catch (e) {
        throw unreadable(ref, 'decrypted cosign key is not a PKCS#8 private key', e);
    }
    finally {
        plaintext.fill(0);
        key.fill(0);
    }
}
//# sourceMappingURL=cosign-key.js.map
// EXTERNAL MODULE: ./build/core/trust/key-types.js
var key_types = __webpack_require__(62236);
;// CONCATENATED MODULE: ./build/core/trust/keys.js
// Loads verification keys from wherever users keep them (PEM public keys, cosign's encrypted
// private keys, AWS KMS, HashiCorp Vault transit) into one checked VerificationKey each.







/** A key file is a few hundred bytes; anything far larger is not a key and is not read whole. */
const MAX_KEY_FILE_BYTES = limits/* LIMITS */.b1.keyFileBytes;
/** RSA below 2048 bits is breakable; far above 16384 it only makes every verification slow. */
const MIN_RSA_BITS = 2048;
const MAX_RSA_BITS = 16384;
const SUPPORTED = 'a PEM public key file, a cosign.key file, awskms:// or hashivault://';
/** s3lo's key ID: the first 16 hex characters of sha256 over the DER SubjectPublicKeyInfo. */
function keyIdOf(spki) {
    return (0,external_node_crypto_.createHash)('sha256').update(spki).digest('hex').slice(0, 16);
}
/**
 * Checks that `publicKey` is an algorithm cosign verifies with (ECDSA P-256/P-384, RSA \u2265 2048,
 * Ed25519) and wraps it. `source` names where it came from, for messages.
 */
function toVerificationKey(keyRef, publicKey, source) {
    if (publicKey.type !== 'public') {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${keyRef}: ${source} is not a public key`);
    }
    const algorithm = algorithmOf(keyRef, publicKey, source);
    // Go's x509.MarshalPKIXPublicKey (s3lo's key ID input) always writes uncompressed EC points;
    // a JWK round trip makes OpenSSL do the same for a key that arrived compressed.
    const canonical = publicKey.asymmetricKeyType === 'ec'
        ? (0,external_node_crypto_.createPublicKey)({ key: publicKey.export({ format: 'jwk' }), format: 'jwk' })
        : publicKey;
    const spki = canonical.export({ type: 'spki', format: 'der' });
    const pem = canonical.export({ type: 'spki', format: 'pem' }).toString();
    return { keyRef, keyID: keyIdOf(spki), publicKey: canonical, spki, pem, algorithm };
}
function algorithmOf(keyRef, key, source) {
    const details = key.asymmetricKeyDetails ?? {};
    switch (key.asymmetricKeyType) {
        case 'ec':
            if (details.namedCurve === 'prime256v1')
                return 'ecdsa-p256';
            if (details.namedCurve === 'secp384r1')
                return 'ecdsa-p384';
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${keyRef}: ${source} is an EC key on curve ${details.namedCurve ?? 'unknown'}; ` +
                'supported are P-256 and P-384');
        case 'rsa': {
            const bits = details.modulusLength ?? 0;
            if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
                throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${keyRef}: ${source} is a ${bits}-bit RSA key; supported are ${MIN_RSA_BITS} to ${MAX_RSA_BITS} bits`);
            }
            return 'rsa';
        }
        case 'ed25519':
            return 'ed25519';
        default:
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${keyRef}: ${source} is a ${key.asymmetricKeyType ?? 'unknown'} key; ` +
                'supported are ECDSA P-256/P-384, RSA and Ed25519');
    }
}
/**
 * Loads one verification key. `ref` is a file path (PEM public key or cosign encrypted private
 * key, password from COSIGN_PASSWORD), `awskms://[host:port]/<key id|alias/name|arn>` or
 * `hashivault://<name>`. Every failure is a GateError `KEY_UNREADABLE` (or `INSECURE` for a
 * plain-HTTP remote, `TIMEOUT` when `signal` aborts): a key we cannot read is an outage, never
 * a verdict.
 */
async function loadKey(ref, opts = {}) {
    const env = opts.env ?? process.env;
    const { signal } = opts;
    if (ref.trim() === '') {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key: empty key reference (expected ${SUPPORTED})`);
    }
    try {
        signal?.throwIfAborted();
        if (ref.startsWith('awskms://')) {
            // Loaded on demand: the AWS SDK is large and most runs use no KMS key.
            const { fetchAwsKmsPublicKey } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(632), __webpack_require__.e(126)]).then(__webpack_require__.bind(__webpack_require__, 72126));
            const kmsOpts = signal ? { env, signal } : { env };
            return toVerificationKey(ref, await fetchAwsKmsPublicKey(ref, kmsOpts), 'the AWS KMS key');
        }
        if (ref.startsWith('hashivault://')) {
            const { fetchVaultPublicKey } = await __webpack_require__.e(/* import() */ 211).then(__webpack_require__.bind(__webpack_require__, 91211));
            const vaultOpts = signal ? { env, signal } : { env };
            return toVerificationKey(ref, await fetchVaultPublicKey(ref, vaultOpts), 'the Vault transit key');
        }
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
            const scheme = ref.slice(0, ref.indexOf('://') + 3);
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: unsupported key source ${scheme} (expected ${SUPPORTED})`);
        }
        return await loadKeyFile(ref, external_node_path_.resolve(opts.cwd ?? process.cwd(), ref), env);
    }
    catch (e) {
        if (e instanceof errors/* GateError */.ue)
            throw e;
        if (signal?.aborted) {
            if (signal.reason instanceof errors/* GateError */.ue)
                throw signal.reason;
            throw new errors/* GateError */.ue('TIMEOUT', `key ${ref}: loading was cancelled`, { cause: signal.reason });
        }
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
}
/**
 * Loads every distinct reference once, in parallel. Two references naming the same key (a .pub
 * and its cosign.key, an alias and its ARN) yield it once, under the first reference given.
 * When several fail, the error of the first failing reference in input order is thrown.
 * `validity` (policy files) gives some references a window; one key given two different windows
 * (or a window under one reference and none under another) is refused rather than one dropped.
 */
async function loadKeys(refs, opts = {}) {
    const distinct = [...new Set(refs)];
    const settled = await Promise.allSettled(distinct.map((ref) => loadKey(ref, opts)));
    const keys = [];
    const seen = new Map();
    for (const outcome of settled) {
        if (outcome.status === 'rejected')
            throw outcome.reason;
        // Own entries only: a reference named `constructor` or `__proto__` has no inherited window.
        const window = opts.validity && Object.hasOwn(opts.validity, outcome.value.keyRef)
            ? opts.validity[outcome.value.keyRef]
            : undefined;
        const key = window ? { ...outcome.value, validFor: window } : outcome.value;
        const first = seen.get(key.keyID);
        if (first) {
            if (!sameValidity(first.validFor, key.validFor))
                throw new errors/* GateError */.ue('USAGE', `keys: ${first.keyRef} and ${key.keyRef} are the same key (${key.keyID}) with different validFor windows (${first.validFor ? (0,key_types/* describeValidity */.A)(first.validFor) : 'none'}; ${key.validFor ? (0,key_types/* describeValidity */.A)(key.validFor) : 'none'})`);
            continue;
        }
        seen.set(key.keyID, key);
        keys.push(key);
    }
    return keys;
}
function sameValidity(a, b) {
    return a?.start?.getTime() === b?.start?.getTime() && a?.end?.getTime() === b?.end?.getTime();
}
/**
 * The private half of a signing key held in a file: a cosign encrypted key (COSIGN_PASSWORD) or
 * an unencrypted PEM private key (PKCS#8, SEC1 or PKCS#1). Remote keys (awskms://, hashivault://)
 * sign through trust/signing-key.ts, which calls this for files.
 */
async function loadPrivateKeyFile(ref, opts = {}) {
    const bytes = await readKeyFile(ref, external_node_path_.resolve(opts.cwd ?? process.cwd(), ref));
    const block = singlePemBlock(ref, bytes.toString('latin1'));
    if (block.type === COSIGN_PEM_TYPES[0] || block.type === COSIGN_PEM_TYPES[1])
        return decryptCosignPrivateKey(block.der, (opts.env ?? process.env).COSIGN_PASSWORD, ref);
    const der = Object.hasOwn(PRIVATE_KEY_DER, block.type) ? PRIVATE_KEY_DER[block.type] : undefined;
    if (der) {
        try {
            return (0,external_node_crypto_.createPrivateKey)({ key: block.der, format: 'der', ...der });
        }
        catch (e) {
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: the ${block.type} block does not parse`, {
                cause: e,
            });
        }
    }
    throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: holds a ${block.type}, not a private key to sign with (expected ${COSIGN_PEM_TYPES[0]} or PRIVATE KEY)`);
}
const PRIVATE_KEY_DER = {
    'PRIVATE KEY': { type: 'pkcs8' },
    'EC PRIVATE KEY': { type: 'sec1' },
    'RSA PRIVATE KEY': { type: 'pkcs1' },
};
async function loadKeyFile(ref, file, env) {
    const bytes = await readKeyFile(ref, file);
    const block = singlePemBlock(ref, bytes.toString('latin1'));
    switch (block.type) {
        case 'PUBLIC KEY':
        case 'RSA PUBLIC KEY': {
            let publicKey;
            try {
                const type = block.type === 'PUBLIC KEY' ? 'spki' : 'pkcs1';
                publicKey = (0,external_node_crypto_.createPublicKey)({ key: block.der, format: 'der', type });
            }
            catch (e) {
                throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: the ${block.type} block does not parse as a key`, {
                    cause: e,
                });
            }
            return toVerificationKey(ref, publicKey, 'the public key');
        }
        case COSIGN_PEM_TYPES[0]:
        case COSIGN_PEM_TYPES[1]: {
            const privateKey = await decryptCosignPrivateKey(block.der, env.COSIGN_PASSWORD, ref);
            return toVerificationKey(ref, (0,external_node_crypto_.createPublicKey)(privateKey), 'the cosign private key');
        }
        case 'PRIVATE KEY':
        case 'EC PRIVATE KEY':
        case 'RSA PRIVATE KEY':
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: holds an unencrypted ${block.type}; give its public key instead ` +
                '(e.g. `cosign public-key --key <file>`) or a cosign encrypted key');
        default:
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: unsupported PEM block "${block.type}" (expected PUBLIC KEY or ${COSIGN_PEM_TYPES.join(' / ')})`);
    }
}
async function readKeyFile(ref, file) {
    let handle;
    try {
        handle = await (0,promises_.open)(file, 'r');
        const stat = await handle.stat();
        if (stat.isDirectory())
            throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        if (stat.size > MAX_KEY_FILE_BYTES) {
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: file is ${stat.size} bytes, larger than any key file (limit ${MAX_KEY_FILE_BYTES})`);
        }
        // Read at most limit+1 so a file that grows after stat (or a FIFO) cannot exhaust memory.
        const buffer = Buffer.alloc(MAX_KEY_FILE_BYTES + 1);
        let length = 0;
        for (;;) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
            if (bytesRead === 0)
                break;
            length += bytesRead;
            if (length > MAX_KEY_FILE_BYTES) {
                throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: file is larger than any key file (limit ${MAX_KEY_FILE_BYTES})`);
            }
        }
        return buffer.subarray(0, length);
    }
    catch (e) {
        if (e instanceof errors/* GateError */.ue)
            throw e;
        const code = e.code;
        const why = code === 'ENOENT' || code === 'ENOTDIR'
            ? `key: no file at ${ref}`
            : code === 'EACCES' || code === 'EPERM'
                ? `key: cannot read ${ref} (permission denied)`
                : code === 'EISDIR'
                    ? `key: ${ref} is a directory, not a key file`
                    : `key: cannot read ${ref} (${code ?? (e instanceof Error ? e.message : String(e))})`;
        throw new errors/* GateError */.ue('KEY_UNREADABLE', why, { cause: e });
    }
    finally {
        await handle?.close();
    }
}
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;
/** Exactly one PEM block: a second key in the same file would otherwise be silently ignored. */
function singlePemBlock(ref, text) {
    const blocks = [...text.matchAll(PEM_BLOCK)];
    if (blocks.length === 0) {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: no PEM block found (expected PUBLIC KEY or ${COSIGN_PEM_TYPES.join(' / ')})`);
    }
    if (blocks.length > 1) {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: holds ${blocks.length} PEM blocks; give one key per file (repeat --key for several keys)`);
    }
    const [, type = '', body = '', endType = ''] = blocks[0] ?? [];
    if (type !== endType) {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: PEM block BEGIN ${type} ends with END ${endType}`);
    }
    const compact = body.replace(/\s+/g, '');
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact) ||
        compact === '') {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: the ${type} block is not valid base64`);
    }
    return { type, der: Buffer.from(compact, 'base64') };
}
//# sourceMappingURL=keys.js.map

/***/ }),

/***/ 53798:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TRUSTED_ROOT_WARN_MS: () => (/* binding */ TRUSTED_ROOT_WARN_MS),
  describeTrustedRootSource: () => (/* binding */ describeTrustedRootSource),
  embeddedTrustedRoot: () => (/* binding */ embeddedTrustedRoot),
  loadTrustedRoot: () => (/* binding */ loadTrustedRoot),
  rootLoadOptions: () => (/* binding */ rootLoadOptions),
  trustedRootWarnings: () => (/* binding */ trustedRootWarnings),
  validateTrustedRoot: () => (/* binding */ validateTrustedRoot)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var dist = __webpack_require__(19654);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(54187);
// EXTERNAL MODULE: ./node_modules/@sigstore/tuf/seeds.json
var tuf_seeds = __webpack_require__(8032);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(62807);
// EXTERNAL MODULE: ./build/core/limits.js
var limits = __webpack_require__(40332);
// EXTERNAL MODULE: ./build/core/net/addresses.js
var addresses = __webpack_require__(45166);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./build/core/trust/tuf-cache.js
// The TUF metadata cache of one mirror: where @sigstore/tuf keeps it, how a saved copy seeds it
// (never the trust anchor), and how a failed refresh is told apart from bad metadata.




const PUBLIC_GOOD_TUF_MIRROR = 'https://tuf-repo-cdn.sigstore.dev';
function errorText(e, depth = 0) {
    const msg = e instanceof Error ? e.message : String(e);
    const cause = e instanceof Error ? e.cause : undefined;
    return cause instanceof Error && depth < 4 && !msg.includes(cause.message)
        ? `${msg}: ${errorText(cause, depth + 1)}`
        : msg;
}
/**
 * Whether a TUF refresh failed for want of an answer: a connection or DNS error, a timeout, or
 * an HTTP error status. tuf-js wraps snapshot and targets download failures into a message
 * (`Unable to load ... error <Error>`), so those are read from the text it writes.
 */
function mirrorUnreachable(e) {
    for (let c = e, depth = 0; c instanceof Error && depth < 8; c = c.cause, depth++) {
        if (c.name === 'TimeoutError' || c.name === 'AbortError')
            return true;
        if (c instanceof TypeError && c.message === 'fetch failed')
            return true;
        if (typeof c.statusCode === 'number')
            return true;
        if (/^Unable to load (?:snapshot metadata|targets) error (?:TypeError: fetch failed|TimeoutError|AbortError|Error: Failed to download)/.test(c.message))
            return true;
    }
    return false;
}
async function checkReadable(file) {
    try {
        if (!(await (0,promises_.stat)(file)).isFile())
            throw new Error('not a file');
    }
    catch (e) {
        throw new errors/* GateError */.ue('TRUST_ROOT', `tuf-root: cannot read ${file}: ${errorText(e)}`, {
            cause: e,
        });
    }
}
/** `signed.expires` of the cached timestamp.json, for the fallback warning. */
async function cachedTimestampExpiry(opts) {
    if (opts.cacheDir === undefined)
        return undefined;
    try {
        const file = external_node_path_.join(tufRepoDir(opts.cacheDir, opts.tufMirrorUrl), 'timestamp.json');
        const meta = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        return typeof meta.signed?.expires === 'string' ? meta.signed.expires : undefined;
    }
    catch {
        return undefined;
    }
}
/** The directory in `cacheDir` where @sigstore/tuf keeps one mirror's metadata (its naming). */
function tufRepoDir(cacheDir, mirror = PUBLIC_GOOD_TUF_MIRROR) {
    const url = new URL(mirror);
    return external_node_path_.join(cacheDir, encodeURIComponent(url.host + url.pathname.replace(/\/$/, '')));
}
/** The files of a TUF cache that seeding copies: everything but the trust anchor. */
const TUF_SEED_FILES = (/* unused pure expression or super */ null && (['timestamp.json', 'snapshot.json', 'targets.json']));
/**
 * Seeds the TUF cache of `opts.cacheDir` for the mirror from `fromDir`, a copy of that mirror's
 * directory saved by an earlier run (the Action keeps one in the runner's tool cache). The
 * seed never supplies the trust anchor: root.json is written from `tufRootPath` or the root
 * shipped in @sigstore/tuf, and only timestamp, snapshot, targets and the target files are
 * copied, so everything taken from the seed must verify against our own root (a root rotated
 * since is fetched again). A cache that already has a root.json (an earlier step of the same
 * job) is `kept` as it is; a mirror without a known initial root is left alone (`no-anchor`).
 */
async function seedTufCache(opts, fromDir) {
    const mirror = opts.tufMirrorUrl ?? PUBLIC_GOOD_TUF_MIRROR;
    const repo = tufRepoDir(opts.cacheDir, mirror);
    const exists = async (p) => stat(p).then((s) => s.isFile(), () => false);
    if (await exists(path.join(repo, 'root.json')))
        return 'kept';
    let anchor;
    if (opts.tufRootPath !== undefined) {
        await checkReadable(opts.tufRootPath);
        anchor = await readFile(opts.tufRootPath);
    }
    else {
        const seeds = tufSeeds;
        const b64 = seeds[mirror]?.['root.json'];
        if (b64 === undefined)
            return 'no-anchor';
        anchor = Buffer.from(b64, 'base64');
    }
    await mkdir(path.join(repo, 'targets'), { recursive: true });
    for (const name of TUF_SEED_FILES) {
        if (await exists(path.join(fromDir, name)))
            await copyFile(path.join(fromDir, name), path.join(repo, name));
    }
    const targets = await readdir(path.join(fromDir, 'targets')).catch(() => []);
    for (const name of targets) {
        const from = path.join(fromDir, 'targets', name);
        if (await exists(from))
            await copyFile(from, path.join(repo, 'targets', name));
    }
    // Last, so a seed that failed half way leaves no root.json and the client seeds itself.
    await writeFile(path.join(repo, 'root.json'), anchor);
    return 'seeded';
}
//# sourceMappingURL=tuf-cache.js.map
;// CONCATENATED MODULE: ./build/core/trust/root.js
// Loads the Sigstore trusted root (Fulcio CAs, Rekor/CT keys, TSAs) for one run: from a file,
// from the copy embedded in the build (offline), or from the public-good TUF repository.



// The seed shipped inside @sigstore/tuf: a JSON import, so bundlers inline it and the
// offline root is always the one the library version we ship was released with.





/** Those settings as the loader's options: the one mapping the gate and a verified merge use. */
function rootLoadOptions(t) {
    return {
        offline: t.offline,
        ...(t.trustedRoot ? { trustedRootPath: t.trustedRoot } : {}),
        ...(t.tufCacheDir ? { cacheDir: t.tufCacheDir } : {}),
        ...(t.tufMirror ? { tufMirrorUrl: t.tufMirror } : {}),
        ...(t.tufRoot ? { tufRootPath: t.tufRoot } : {}),
    };
}
const TRUSTED_ROOT_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.trustedroot(?:\.v\d+\.\d+)?\+json(?:;version=\d+\.\d+)?$/;
async function loadTrustedRoot(opts) {
    if ((opts.trustedRootPath !== undefined || opts.offline) &&
        (opts.tufMirrorUrl !== undefined || opts.tufRootPath !== undefined))
        throw new errors/* GateError */.ue('USAGE', 'tuf-mirror and tuf-root are for a trusted root fetched with TUF; they exclude trusted-root and offline');
    if (opts.trustedRootPath !== undefined)
        return loadFromFile(opts.trustedRootPath, opts.onFileRead);
    if (opts.offline)
        return embeddedTrustedRoot();
    return loadFromTuf(opts);
}
/** The public-good trusted root that ships inside @sigstore/tuf's seeds (no network). */
function embeddedTrustedRoot() {
    const seeds = tuf_seeds;
    const b64 = seeds[PUBLIC_GOOD_TUF_MIRROR]?.targets?.['trusted_root.json'];
    if (b64 === undefined) {
        throw new errors/* GateError */.ue('TRUST_ROOT', 'trusted-root: the embedded public-good trusted root is missing from @sigstore/tuf seeds');
    }
    return validateTrustedRoot(Buffer.from(b64, 'base64').toString('utf8'), 'the embedded public-good trusted root');
}
async function loadFromFile(path, onFileRead) {
    let read;
    try {
        read = await (0,limits/* readFileCapped */.uh)(path, limits/* LIMITS */.b1.trustedRootBytes);
    }
    catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: cannot read ${path}: ${why}`, { cause: e });
    }
    if (read.over)
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: ${path} is larger than ${limits/* LIMITS */.b1.trustedRootBytes} bytes, more than any trusted root`);
    onFileRead?.((0,external_node_crypto_.createHash)('sha256').update(read.bytes).digest('hex'));
    return validateTrustedRoot(read.bytes.toString('utf8'), path);
}
async function loadFromTuf(opts) {
    const mirror = opts.tufMirrorUrl ?? PUBLIC_GOOD_TUF_MIRROR;
    // A mirror URL may carry a token in its query: messages show it redacted.
    const shownMirror = (0,addresses/* shownUrl */.zA)(mirror);
    // Loaded on demand: most runs name a trusted root or use the embedded one, and the TUF
    // client is a sizeable part of process start.
    const { getTrustedRoot } = await Promise.all(/* import() */[__webpack_require__.e(335), __webpack_require__.e(694)]).then(__webpack_require__.t.bind(__webpack_require__, 84423, 19));
    const fetchRoot = (forceCache, retries) => getTrustedRoot({
        mirrorURL: mirror,
        ...(opts.cacheDir !== undefined ? { cachePath: opts.cacheDir } : {}),
        ...(opts.tufRootPath !== undefined ? { rootPath: opts.tufRootPath } : {}),
        timeout: opts.fetchTimeoutMs ?? 5000,
        retry: { retries },
        forceCache,
    });
    if (opts.tufRootPath !== undefined)
        await checkReadable(opts.tufRootPath);
    let root;
    try {
        root = await fetchRoot(false, opts.fetchRetries ?? 2);
    }
    catch (e) {
        // No fallback to the embedded root: an online run that cannot refresh must say so,
        // or a blocked mirror would silently pin users to stale (possibly revoked) keys.
        const why = errorText(e).split(mirror).join(shownMirror);
        const failed = `trusted-root: TUF update from ${shownMirror} failed: ${why}`;
        // A mirror that cannot be reached (down, slow, an HTTP error) leaves the metadata an
        // earlier run verified: tuf-js's forceCache loads it only while the cached timestamp,
        // snapshot and targets verify against the root and none of them (nor the root) has
        // expired, and checks trusted_root.json against its hash. A mirror that answered with
        // metadata that does not verify is refused outright: that is an attack or a broken
        // repository, and must not be hidden behind a warning.
        if (!mirrorUnreachable(e))
            throw new errors/* GateError */.ue('TRUST_ROOT', failed, { cause: e });
        try {
            root = await fetchRoot(true, 0);
        }
        catch (e2) {
            throw new errors/* GateError */.ue('TRUST_ROOT', `${failed}; no unexpired cached TUF metadata to fall back on (${errorText(e2).split(mirror).join(shownMirror)})`, { cause: e });
        }
        const until = await cachedTimestampExpiry(opts);
        opts.warnings?.push(`TUF update from ${shownMirror} failed (${why}); using the TUF metadata an earlier run cached` +
            `${until ? `, verified and valid until ${until}` : ', verified and unexpired'}: ` +
            'keys rotated or revoked since then are not known to this run');
    }
    return validateTrustedRoot(JSON.stringify(dist.TrustedRoot.toJSON(root)), `TUF mirror ${shownMirror}`);
}
/** An error's message with its causes' (tuf-js and fetch put the useful part in a cause). */
/** Parse and check that `text` is a usable trusted root; `source` names it in messages. */
function validateTrustedRoot(text, source) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (e) {
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: ${source} is not JSON`, { cause: e });
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: ${source} is not a JSON object`);
    }
    const obj = json;
    const mediaType = obj['mediaType'];
    if (typeof mediaType !== 'string' || !TRUSTED_ROOT_MEDIA_TYPE.test(mediaType)) {
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: ${source} is not a trusted root (mediaType ${JSON.stringify(mediaType)})`);
    }
    for (const field of ['tlogs', 'certificateAuthorities', 'ctlogs', 'timestampAuthorities']) {
        const v = obj[field];
        if (v !== undefined && !Array.isArray(v)) {
            throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: ${source}: ${field} is not a list`);
        }
    }
    const lists = ['tlogs', 'certificateAuthorities', 'timestampAuthorities'];
    if (lists.every((f) => (obj[f] ?? []).length === 0)) {
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: ${source} has no transparency logs, CAs or TSAs`);
    }
    try {
        // Parse every key and certificate now, so a broken root fails at load, not per image.
        (0,verify_dist/* toTrustMaterial */.jO)(dist.TrustedRoot.fromJSON(obj));
    }
    catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: ${source} does not parse: ${why}`, {
            cause: e,
        });
    }
    return obj;
}
/** A root whose last key of a kind ends within this long is worth a warning. */
const TRUSTED_ROOT_WARN_MS = 30 * 24 * 60 * 60 * 1000;
/** How the report names the root a run used. */
function describeTrustedRootSource(opts) {
    if (opts.trustedRootPath !== undefined)
        return `trusted root ${opts.trustedRootPath}`;
    if (opts.offline)
        return 'the embedded public-good trusted root';
    return `the trusted root from TUF mirror ${(0,addresses/* shownUrl */.zA)(opts.tufMirrorUrl ?? PUBLIC_GOOD_TUF_MIRROR)}`;
}
const SERVICES = [
    ['tlogs', 'transparency log key'],
    ['certificateAuthorities', 'certificate authority'],
    ['timestampAuthorities', 'timestamp authority'],
    ['ctlogs', 'CT log key'],
];
/**
 * Warnings for a root near or past its end: for each kind of service it lists, the last of its
 * keys or CAs to stop being valid (its `validFor.end`, or a certificate's notAfter) within 30
 * days or gone; for the embedded root, also the TUF root metadata it was shipped with. Older
 * signatures still verify against such a root, new ones soon will not, and a rotated key it
 * lacks makes new entries look unknown.
 */
function trustedRootWarnings(root, opts, now = new Date()) {
    const source = describeTrustedRootSource(opts);
    const out = [];
    const horizon = now.getTime() + TRUSTED_ROOT_WARN_MS;
    for (const [field, what] of SERVICES) {
        const entries = root[field] ?? [];
        if (entries.length === 0)
            continue;
        const last = Math.max(...entries.map(entryEnd));
        if (last >= horizon)
            continue;
        out.push(expiryText(source, `its last ${what}`, last, now));
    }
    if (opts.trustedRootPath === undefined && opts.offline) {
        const expires = embeddedTufExpiry();
        if (expires !== undefined && expires < horizon)
            out.push(expiryText(source, 'the TUF root metadata it was shipped with', expires, now) +
                ': keys rotated since are missing; update image-gate, or use TUF (no offline) or a current trusted-root file');
    }
    return out;
}
function expiryText(source, what, at, now) {
    const when = new Date(at).toISOString();
    if (at <= now.getTime())
        return `${source}: ${what} expired on ${when}`;
    const days = Math.ceil((at - now.getTime()) / (24 * 60 * 60 * 1000));
    return `${source}: ${what} expires on ${when} (in ${days} day${days === 1 ? '' : 's'})`;
}
/** When a root entry stops being usable: its validity end or its chain's first notAfter. */
function entryEnd(entry) {
    if (typeof entry !== 'object' || entry === null)
        return Infinity;
    const e = entry;
    let end = Infinity;
    const validEnd = e.validFor?.end ?? e.publicKey?.validFor?.end;
    if (typeof validEnd === 'string') {
        const t = Date.parse(validEnd);
        if (!Number.isNaN(t))
            end = t;
    }
    const certs = e.certChain?.certificates;
    for (const c of Array.isArray(certs) ? certs : []) {
        const raw = c?.rawBytes;
        if (typeof raw !== 'string')
            continue;
        try {
            const t = Date.parse(new external_node_crypto_.X509Certificate(Buffer.from(raw, 'base64')).validTo);
            if (!Number.isNaN(t))
                end = Math.min(end, t);
        }
        catch {
            // A certificate that does not parse was refused when the root was loaded.
        }
    }
    return end;
}
/** `signed.expires` of the TUF root.json shipped next to the embedded trusted root. */
function embeddedTufExpiry() {
    const seeds = tuf_seeds;
    const b64 = seeds[PUBLIC_GOOD_TUF_MIRROR]?.['root.json'];
    if (typeof b64 !== 'string')
        return undefined;
    try {
        const meta = JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
        const t = typeof meta.signed?.expires === 'string' ? Date.parse(meta.signed.expires) : NaN;
        return Number.isNaN(t) ? undefined : t;
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=root.js.map

/***/ })

};

//# sourceMappingURL=480.index.js.map