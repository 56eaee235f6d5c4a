export const id = 322;
export const ids = [322];
export const modules = {

/***/ 16454:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRevoke: () => (/* binding */ runRevoke)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(62807);
// EXTERNAL MODULE: ./build/core/revocation/list.js
var revocation_list = __webpack_require__(67639);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./build/core/types.js
var types = __webpack_require__(50559);
// EXTERNAL MODULE: ./build/core/trust/cosign-key.js
var cosign_key = __webpack_require__(68350);
// EXTERNAL MODULE: ./build/core/trust/keys.js
var keys = __webpack_require__(59979);
// EXTERNAL MODULE: ./build/core/signatures/verifier.js + 15 modules
var signatures_verifier = __webpack_require__(93389);
// EXTERNAL MODULE: ./build/core/signatures/strict-json.js
var strict_json = __webpack_require__(56086);
// EXTERNAL MODULE: ./build/core/revocation/load.js
var load = __webpack_require__(52795);
;// CONCATENATED MODULE: ./build/core/revocation/sign.js
// `image-gate revoke`: one entry added to a list file (version bumped, `issued` now, `expires`
// kept or replaced), the file written atomically, and FILE.sigstore.json beside it: a Sigstore
// bundle v0.3 with a message signature over the file's bytes, signed with a private key (a
// cosign.key or a PEM PKCS#8/SEC1 key). A key-signed list needs no log entry (docs/revocation.md).










async function revoke(req) {
    const env = req.env ?? process.env;
    const now = req.now ?? new Date();
    const privateKey = await loadPrivateKey(req.key, env);
    const publicKey = (0,external_node_crypto_.createPublicKey)(privateKey);
    const verificationKey = (0,keys/* toVerificationKey */.Wt)(req.key, publicKey, 'the private key');
    const current = await readCurrent(req.list, verificationKey);
    const entry = (0,revocation_list/* parseEntry */.ER)(req.entry, req.list, 'the new entry');
    const expires = req.expires ?? current?.expires;
    if (expires === undefined)
        throw new errors/* GateError */.ue('USAGE', `revoke: ${req.list} does not exist yet; give --expires for the new list`);
    if (expires.getTime() <= now.getTime())
        throw new errors/* GateError */.ue('USAGE', `revoke: the list would expire at ${expires.toISOString()}, which is past; give a later --expires`);
    const next = {
        version: (current?.version ?? 0) + 1,
        issued: now,
        expires,
        entries: [...(current?.entries ?? []), entry],
    };
    const text = (0,revocation_list/* listJson */.n4)(next);
    const bytes = Buffer.from(text, 'utf8');
    // The result must read back as a list: an entry given twice is refused here, naming it.
    (0,revocation_list/* parseRevocationList */.gZ)(bytes, req.list);
    const bundle = signedBundle(bytes, privateKey, verificationKey.spki);
    const bundlePath = `${req.list}${load/* BUNDLE_SUFFIX */.Zf}`;
    await writeAtomically(req.list, bytes, bundlePath, Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`));
    return {
        list: req.list,
        bundle: bundlePath,
        version: next.version,
        entry,
        sha256: `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`,
        keyID: verificationKey.keyID,
    };
}
/** The bundle cosign sign-blob --bundle writes for a key, without a log entry. */
function signedBundle(bytes, key, spki) {
    const digest = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest();
    const alg = key.asymmetricKeyType === 'ed25519' ? null : 'sha256';
    const signature = (0,external_node_crypto_.sign)(alg, bytes, key);
    return {
        mediaType: types/* MEDIA_TYPES */.Z.bundleV03,
        verificationMaterial: {
            publicKey: { hint: (0,external_node_crypto_.createHash)('sha256').update(spki).digest('base64') },
            tlogEntries: [],
            timestampVerificationData: { rfc3161Timestamps: [] },
        },
        messageSignature: {
            messageDigest: { algorithm: 'SHA2_256', digest: digest.toString('base64') },
            signature: signature.toString('base64'),
        },
    };
}
/**
 * The list as it is now, or undefined when the file does not exist. When its bundle exists it
 * must verify with the signing key: a list changed since it was signed is not signed again.
 */
async function readCurrent(list, key) {
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(list);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw new errors/* GateError */.ue('USAGE', `revoke: cannot read ${list}: ${e.message}`, {
            cause: e,
        });
    }
    const parsed = (0,revocation_list/* parseRevocationList */.gZ)(bytes, list);
    const bundlePath = `${list}${load/* BUNDLE_SUFFIX */.Zf}`;
    let bundleBytes;
    try {
        bundleBytes = await (0,promises_.readFile)(bundlePath);
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            throw new errors/* GateError */.ue('USAGE', `revoke: cannot read ${bundlePath}: ${e.message}`, {
                cause: e,
            });
    }
    if (bundleBytes !== undefined) {
        try {
            const verifier = (0,signatures_verifier/* createSignatureVerifier */.P)(undefined, {
                keys: [key],
                identities: [],
                requireTlog: false,
                requireSct: false,
            });
            verifier.verifyBundle((0,strict_json/* parseStrictJsonBytes */.ml)(bundleBytes), { artifact: bytes }, 'bundle-tag');
        }
        catch (e) {
            throw new errors/* GateError */.ue('REVOCATION_LIST', `revoke: ${list} does not verify against ${bundlePath} with this key (${(0,errors/* toGateError */.Vl)(e).message}): it was changed since it was signed, or signed by another key; not signing it again`, { cause: e });
        }
    }
    return parsed;
}
async function loadPrivateKey(ref, env) {
    let text;
    try {
        text = await (0,promises_.readFile)(ref, 'latin1');
    }
    catch (e) {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `revoke: --key ${ref}: ${e.message}`, {
            cause: e,
        });
    }
    const m = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
    if (!m)
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `revoke: --key ${ref}: no PEM private key found`);
    const type = m[1] ?? '';
    try {
        if (cosign_key/* COSIGN_PEM_TYPES */.jB.includes(type))
            return await (0,cosign_key/* decryptCosignPrivateKey */.dP)(Buffer.from((m[2] ?? '').replace(/\s+/g, ''), 'base64'), env.COSIGN_PASSWORD, ref);
        if (type === 'PRIVATE KEY' || type === 'EC PRIVATE KEY' || type === 'RSA PRIVATE KEY')
            return (0,external_node_crypto_.createPrivateKey)(m[0]);
    }
    catch (e) {
        if (e instanceof errors/* GateError */.ue)
            throw e;
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `revoke: --key ${ref}: ${e.message}`, {
            cause: e,
        });
    }
    throw new errors/* GateError */.ue('KEY_UNREADABLE', `revoke: --key ${ref}: a ${type} block is not a private key (expected a cosign.key or a PEM PRIVATE KEY)`);
}
/** Both files written beside themselves and renamed into place, the list first. */
async function writeAtomically(list, bytes, bundlePath, bundle) {
    const tag = `.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
    const mode = await (0,promises_.stat)(list).then((s) => s.mode & 0o777, () => 0o644);
    await (0,promises_.writeFile)(`${list}${tag}`, bytes, { mode, flag: 'wx' });
    await (0,promises_.writeFile)(`${bundlePath}${tag}`, bundle, { mode, flag: 'wx' });
    await (0,promises_.rename)(`${list}${tag}`, list);
    await (0,promises_.rename)(`${bundlePath}${tag}`, bundlePath);
}
//# sourceMappingURL=sign.js.map
// EXTERNAL MODULE: ./build/edge/sanitize.js
var sanitize = __webpack_require__(3217);
;// CONCATENATED MODULE: ./build/cli/revoke.js
// `image-gate revoke`: add one entry to a revocation list file and sign it (core/revocation/sign.ts).






async function runRevoke(cmd, io) {
    try {
        const entry = { ...cmd.entry };
        if (cmd.publicKey !== undefined) {
            const k = await (0,keys/* loadKey */.cv)(cmd.publicKey, { env: io.env });
            entry.key = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(k.spki).digest('hex')}`;
        }
        const r = await revoke({
            list: cmd.list,
            entry,
            key: cmd.key,
            env: io.env,
            ...(cmd.expires ? { expires: cmd.expires } : {}),
        });
        io.stdout(`✓ ${(0,sanitize/* escapeControls */.UN)(r.list)} version ${r.version}: revoked ${(0,sanitize/* escapeControls */.UN)((0,revocation_list/* describeEntry */.OY)(r.entry))}; signed with key ${r.keyID} into ${(0,sanitize/* escapeControls */.UN)(r.bundle)} (${r.sha256})\n`);
        return 0;
    }
    catch (e) {
        io.stderr(`image-gate: ${(0,sanitize/* escapeControls */.UN)((0,errors/* toGateError */.Vl)(e).message)}\n`);
        return 2;
    }
}
//# sourceMappingURL=revoke.js.map

/***/ }),

/***/ 45166:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ assertTargetAllowed),
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   hC: () => (/* binding */ FORBIDDEN_ADDRESS),
/* harmony export */   p2: () => (/* binding */ isPlainHttpAllowed),
/* harmony export */   rN: () => (/* binding */ guardedLookup)
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
/** The one loopback test: `localhost`, `*.localhost`, 127.0.0.0/8 and ::1 (host[:port] or name). */
function isLoopbackHost(hostport) {
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
    return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}
// Query values that can act as credentials (pre-signed storage URLs) are hidden in logs.
const SAFE_QUERY_KEYS = new Set(['artifacttype', 'service', 'scope', 'n', 'last', 'digest']);
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

/***/ })

};

//# sourceMappingURL=322.index.js.map