export const id = 877;
export const ids = [877];
export const modules = {

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

/***/ 67639:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ revokedReason),
/* harmony export */   ER: () => (/* binding */ parseEntry),
/* harmony export */   OY: () => (/* binding */ describeEntry),
/* harmony export */   TK: () => (/* binding */ MAX_REVOCATION_LIST_BYTES),
/* harmony export */   Yl: () => (/* binding */ matchSignature),
/* harmony export */   gZ: () => (/* binding */ parseRevocationList),
/* harmony export */   mX: () => (/* binding */ matchDigest),
/* harmony export */   n4: () => (/* binding */ listJson)
/* harmony export */ });
/* unused harmony exports REVOCATION_KINDS, MAX_REVOCATION_ENTRIES, entryJson, normaliseSerial, dnKey, normaliseDn */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
/* harmony import */ var _signatures_strict_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56086);
// The revocation list: its JSON format, read strictly (every problem names the file and the entry
// index), and the pure matching of digests and verified signatures against its entries.


const REVOCATION_KINDS = [
    'digest',
    'key',
    'identity',
    'certificate',
    'tlog',
];
/** A list is a page of JSON, not a data set. */
const MAX_REVOCATION_LIST_BYTES = 1024 * 1024;
const MAX_REVOCATION_ENTRIES = 10_000;
const TOP_FIELDS = ['version', 'issued', 'expires', 'entries'];
const FIELDS = {
    digest: { required: ['digest'], optional: [] },
    key: { required: ['key'], optional: ['since'] },
    identity: { required: ['identity', 'issuer'], optional: ['since'] },
    certificate: { required: [], optional: ['serial', 'issuer', 'fingerprint'] },
    tlog: { required: [], optional: ['logID', 'logIndex', 'uuid'] },
};
/** RFC 3339 with a zone, as the policy file's times. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
function problem(source, where, message) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('REVOCATION_LIST', `revocations ${source}: ${where ? `${where}: ` : ''}${message}`);
}
/**
 * Reads a list strictly: duplicate JSON keys, unknown kinds and fields, malformed digests, keys,
 * serials and dates, `issued` after `expires` and an entry given twice are all refused (exit 2),
 * naming the file and the entry. Expiry against the clock is the loader's check.
 */
function parseRevocationList(bytes, source) {
    if (bytes.length > MAX_REVOCATION_LIST_BYTES)
        throw problem(source, '', `is ${bytes.length} bytes, more than the limit of ${MAX_REVOCATION_LIST_BYTES}`);
    let doc;
    try {
        doc = (0,_signatures_strict_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseStrictJsonBytes */ .ml)(bytes);
    }
    catch (e) {
        const why = e instanceof _signatures_strict_json_js__WEBPACK_IMPORTED_MODULE_1__/* .StrictJsonError */ .U7 || e instanceof Error ? e.message : String(e);
        throw problem(source, '', `not valid JSON (${why})`);
    }
    if (!isObject(doc))
        throw problem(source, '', 'expected a JSON object {version, issued, expires, entries}');
    unknownFields(doc, TOP_FIELDS, source, '');
    const version = doc.version;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
        throw problem(source, 'version', `${show(version)} is not a whole number from 1`);
    const issued = date(doc.issued, source, 'issued');
    const expires = date(doc.expires, source, 'expires');
    if (issued.getTime() > expires.getTime())
        throw problem(source, 'issued', `${show(doc.issued)} is after expires ${show(doc.expires)}`);
    if (!Array.isArray(doc.entries))
        throw problem(source, 'entries', 'expected a list');
    if (doc.entries.length > MAX_REVOCATION_ENTRIES)
        throw problem(source, 'entries', `${doc.entries.length} entries, more than the limit of ${MAX_REVOCATION_ENTRIES}`);
    const entries = [];
    const seen = new Map();
    doc.entries.forEach((raw, i) => {
        const e = parseEntry(raw, source, `entries[${i}]`);
        const key = entryKey(e);
        const first = seen.get(key);
        if (first !== undefined)
            throw problem(source, `entries[${i}]`, `revokes ${describeEntry(e)} again (as entries[${first}] does)`);
        seen.set(key, i);
        entries.push(e);
    });
    return { source, version, issued, expires, entries };
}
/** One entry, validated; `where` is `entries[i]`. */
function parseEntry(raw, source, where) {
    if (!isObject(raw))
        throw problem(source, where, 'expected an object with kind and reason');
    const kind = raw.kind;
    if (typeof kind !== 'string' || !REVOCATION_KINDS.includes(kind))
        throw problem(source, `${where}.kind`, `${show(kind)} is not one of ${REVOCATION_KINDS.join(', ')}`);
    const k = kind;
    const spec = FIELDS[k];
    unknownFields(raw, ['kind', 'reason', ...spec.required, ...spec.optional], source, where);
    for (const f of spec.required)
        if (raw[f] === undefined)
            throw problem(source, where, `a ${k} entry needs ${f}`);
    const reason = raw.reason;
    if (typeof reason !== 'string' || reason.trim() === '')
        throw problem(source, `${where}.reason`, 'needs a non-empty text saying why it is revoked');
    const at = (f) => `${where}.${f}`;
    const str = (f) => {
        const v = raw[f];
        if (typeof v !== 'string' || v === '')
            throw problem(source, at(f), `${show(v)} is not a non-empty string`);
        return v;
    };
    const since = raw.since === undefined ? {} : { since: date(raw.since, source, at('since')) };
    switch (k) {
        case 'digest': {
            const digest = str('digest');
            if (!/^sha256:[0-9a-f]{64}$/.test(digest))
                throw problem(source, at('digest'), `${show(digest)} is not sha256:<64 lower-case hex>`);
            return { kind: k, digest, reason };
        }
        case 'key': {
            const key = str('key');
            if (!/^sha256:[0-9a-f]{64}$/.test(key) && !/^[0-9a-f]{16}$/.test(key))
                throw problem(source, at('key'), `${show(key)} is neither sha256:<64 hex> (SHA-256 of the public key's DER SubjectPublicKeyInfo) nor a 16-hex key ID`);
            return { kind: k, key, ...since, reason };
        }
        case 'identity':
            return { kind: k, identity: str('identity'), issuer: str('issuer'), ...since, reason };
        case 'certificate': {
            if (raw.fingerprint !== undefined) {
                if (raw.serial !== undefined || raw.issuer !== undefined)
                    throw problem(source, where, 'give a fingerprint, or a serial and an issuer, not both');
                const fingerprint = str('fingerprint');
                if (!/^sha256:[0-9a-f]{64}$/.test(fingerprint))
                    throw problem(source, at('fingerprint'), `${show(fingerprint)} is not sha256:<64 hex> (SHA-256 of the certificate's DER)`);
                return { kind: k, fingerprint, reason };
            }
            if (raw.serial === undefined || raw.issuer === undefined)
                throw problem(source, where, 'a certificate entry needs a serial and an issuer, or a fingerprint');
            const serial = str('serial');
            if (!/^(?:[0-9a-fA-F]{2}:)*[0-9a-fA-F]+$/.test(serial))
                throw problem(source, at('serial'), `${show(serial)} is not a hexadecimal serial number`);
            return {
                kind: k,
                serial: normaliseSerial(serial),
                issuer: normaliseDn(str('issuer')),
                reason,
            };
        }
        case 'tlog': {
            if (raw.uuid !== undefined) {
                if (raw.logID !== undefined || raw.logIndex !== undefined)
                    throw problem(source, where, 'a tlog entry names a uuid, or a logID and logIndex, not both');
                const uuid = str('uuid');
                if (!/^(?:[0-9a-fA-F]{16})?[0-9a-fA-F]{64}$/.test(uuid))
                    throw problem(source, at('uuid'), `${show(uuid)} is not a Rekor entry UUID (64 hex, or 80 with the tree ID first)`);
                return { kind: k, uuid: uuid.slice(-64).toLowerCase(), reason };
            }
            if (raw.logID === undefined || raw.logIndex === undefined)
                throw problem(source, where, 'a tlog entry needs a uuid, or a logID and a logIndex');
            const logID = str('logID');
            if (!/^[0-9a-f]{64}$/.test(logID))
                throw problem(source, at('logID'), `${show(logID)} is not 64 lower-case hex (the log's key ID)`);
            const idx = raw.logIndex;
            const logIndex = typeof idx === 'number' && Number.isSafeInteger(idx) && idx >= 0
                ? String(idx)
                : typeof idx === 'string' && /^(0|[1-9]\d{0,19})$/.test(idx)
                    ? idx
                    : undefined;
            if (logIndex === undefined)
                throw problem(source, at('logIndex'), `${show(idx)} is not a log index (a whole number)`);
            return { kind: k, logID, logIndex, reason };
        }
    }
}
/** The JSON an entry is written as (the `revoke` command's output). */
function entryJson(e) {
    const out = { ...e };
    if ('since' in e && e.since)
        out.since = e.since.toISOString();
    return out;
}
/** The list as the `revoke` command writes it. */
function listJson(l) {
    return `${JSON.stringify({
        version: l.version,
        issued: l.issued.toISOString(),
        expires: l.expires.toISOString(),
        entries: l.entries.map(entryJson),
    }, null, 2)}\n`;
}
/** What an entry revokes, for reasons: `key sha256:\u2026`, `identity X (issuer Y)`. */
function describeEntry(e) {
    switch (e.kind) {
        case 'digest':
            return `digest ${e.digest}`;
        case 'key':
            return `key ${e.key}${e.since ? ` since ${e.since.toISOString()}` : ''}`;
        case 'identity':
            return `identity ${e.identity} (issuer ${e.issuer})${e.since ? ` since ${e.since.toISOString()}` : ''}`;
        case 'certificate':
            return 'fingerprint' in e
                ? `certificate ${e.fingerprint}`
                : `certificate serial ${e.serial} (issuer ${e.issuer})`;
        case 'tlog':
            return 'uuid' in e ? `tlog entry ${e.uuid}` : `tlog entry ${e.logIndex} of log ${e.logID}`;
    }
}
/** The reason an image fails with: the entry, the list's version and the reason it gives. */
function revokedReason(list, m) {
    if (m.undecided !== undefined)
        return `cannot be told apart from entries[${m.index}] of revocation list ${list.source} version ${list.version} (${describeEntry(m.entry)}): ${m.undecided}`;
    return `revoked by entries[${m.index}] of revocation list ${list.source} version ${list.version} (${describeEntry(m.entry)}): ${m.entry.reason}`;
}
/** The entry revoking this image or platform digest, if any. */
function matchDigest(list, digest) {
    const index = list.entries.findIndex((e) => e.kind === 'digest' && e.digest === digest);
    return index < 0 ? undefined : { entry: list.entries[index], index };
}
/**
 * The first entry revoking this verified signature. A key or identity entry with `since` revokes
 * signatures whose trusted time (`signedAt`: a Rekor SET's integrated time or an RFC 3161
 * timestamp) is at or after it; without a trusted time there is no "before": revoked.
 */
function matchSignature(list, ev) {
    const index = list.entries.findIndex((e) => revokes(e, ev));
    if (index >= 0)
        return { entry: list.entries[index], index };
    // Nothing revokes it outright; a log-wide index the evidence cannot speak to fails closed.
    for (const [i, e] of list.entries.entries()) {
        if (e.kind !== 'tlog' || 'uuid' in e)
            continue;
        const t = boundEntries(ev).find((b) => b.indexInShard && b.logID.toLowerCase() === e.logID);
        if (t)
            return {
                entry: e,
                index: i,
                undecided: `its entry in that log (uuid ${t.uuid}) has no SET, so only its index in a shard of the log (${t.logIndex}) is authenticated, not its index in the log; revoke log entries by uuid`,
            };
    }
    return undefined;
}
function boundEntries(ev) {
    return [...(ev.tlog ? [ev.tlog] : []), ...(ev.tlogEntries ?? [])];
}
function revokes(e, ev) {
    switch (e.kind) {
        case 'digest':
            return false;
        case 'key':
            return keyMatches(e.key, ev) && afterSince(e.since, ev);
        case 'identity':
            return ev.identity === e.identity && ev.issuer === e.issuer && afterSince(e.since, ev);
        case 'certificate': {
            const c = ev.certificate;
            if (!c)
                return false;
            if ('fingerprint' in e)
                return c.sha256 === e.fingerprint.slice('sha256:'.length);
            return normaliseSerial(c.serial) === e.serial && dnKey(c.issuer) === dnKey(e.issuer);
        }
        case 'tlog':
            if ('uuid' in e)
                return boundEntries(ev).some((t) => t.uuid === e.uuid);
            return boundEntries(ev).some((t) => !t.indexInShard && t.logID.toLowerCase() === e.logID && t.logIndex === e.logIndex);
    }
}
function keyMatches(key, ev) {
    if (key.startsWith('sha256:'))
        return ev.keySha256 === key.slice('sha256:'.length);
    return ev.keyID === key || (ev.keySha256?.startsWith(key) ?? false);
}
function afterSince(since, ev) {
    if (since === undefined || ev.signedAt === undefined)
        return true;
    return new Date(ev.signedAt).getTime() >= since.getTime();
}
/** A match key: two entries revoking the same thing are one entry given twice. */
function entryKey(e) {
    const { reason: _reason, ...rest } = e;
    void _reason;
    const what = { ...rest };
    delete what.since;
    // An issuer written in the other RDN order is the same name (dnKey), so the same entry.
    if (e.kind === 'certificate' && typeof what.issuer === 'string')
        what.issuer = dnKey(what.issuer);
    return JSON.stringify(what);
}
/** Lower-case hex without separators or leading zeros (`00:A1:02` is `a102`). */
function normaliseSerial(s) {
    return s
        .replace(/:/g, '')
        .toLowerCase()
        .replace(/^0+(?=.)/, '');
}
/**
 * A name's attributes as a set, for comparing: Node prints an issuer most significant first
 * (`O=sigstore.dev\nCN=sigstore-intermediate`), RFC 4514 (Go's pkix.Name.String, `openssl
 * -nameopt RFC2253`) least significant first, and a revocation entry may be written either way.
 * Split at unescaped `,`, `+` and line breaks; each `TYPE=value` normalised as normaliseDn does.
 */
function dnKey(dn) {
    return dn
        .split(/(?<!\\)[,+\n]/)
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map(normaliseAttribute)
        .sort()
        .join('\n');
}
/** `CN = x,O=y` and `CN=x, O=y` are one name; attribute names compare case-insensitively. */
function normaliseDn(dn) {
    return dn
        .split(/\s*[,\n]\s*/)
        .filter((p) => p !== '')
        .map(normaliseAttribute)
        .join(', ');
}
/** `cn = x` is `CN=x`: the type upper-cased, blanks around `=` and at the ends dropped. */
function normaliseAttribute(p) {
    const eq = p.indexOf('=');
    return eq < 0 ? p.trim() : `${p.slice(0, eq).trim().toUpperCase()}=${p.slice(eq + 1).trim()}`;
}
function date(v, source, where) {
    if (typeof v !== 'string' || !RFC3339.test(v))
        throw problem(source, where, `${show(v)} is not an RFC 3339 time with a zone (2026-01-31T00:00:00Z)`);
    const d = new Date(v);
    const [, mo, dd] = /^\d{4}-(\d{2})-(\d{2})/.exec(v) ?? [];
    // Date() rolls 2026-02-30 over to March: a day that does not exist is refused.
    if (Number.isNaN(d.getTime()) || Number(mo) > 12 || Number(dd) > daysIn(v))
        throw problem(source, where, `${show(v)} is not a real time`);
    return d;
}
function daysIn(v) {
    const y = Number(v.slice(0, 4));
    const m = Number(v.slice(5, 7));
    return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function unknownFields(o, allowed, source, where) {
    const extra = Object.keys(o).filter((k) => !allowed.includes(k));
    if (extra.length)
        throw problem(source, where, `unknown field${extra.length > 1 ? 's' : ''} ${extra.map((x) => JSON.stringify(x)).join(', ')} (expected ${allowed.join(', ')})`);
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function show(v) {
    if (v === undefined)
        return 'missing';
    const s = JSON.stringify(v) ?? typeof v;
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
//# sourceMappingURL=list.js.map

/***/ }),

/***/ 52795:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P_: () => (/* binding */ revocationsSignerProblem),
/* harmony export */   Vt: () => (/* binding */ shownSource),
/* harmony export */   Zf: () => (/* binding */ BUNDLE_SUFFIX),
/* harmony export */   uh: () => (/* binding */ loadRevocations)
/* harmony export */ });
/* unused harmony export bundleLocation */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62807);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40332);
/* harmony import */ var _net_addresses_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45166);
/* harmony import */ var _net_fetch_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(27670);
/* harmony import */ var _registry_limits_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(11858);
/* harmony import */ var _signatures_strict_json_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(56086);
/* harmony import */ var _signatures_verifier_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(77368);
/* harmony import */ var _trust_keys_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(36123);
/* harmony import */ var _list_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(67639);
// Loading the run's revocation list, once, before any image: the list and its Sigstore bundle
// (FILE.sigstore.json, or URL.sigstore.json) read under the network policy's rules, the bundle
// verified over the list's bytes by the core's verifier against the named signer, the list read
// strictly and held to its `expires`. Any failure is REVOCATION_LIST (exit 2): a gate must not
// quietly forget revocations.











const BUNDLE_SUFFIX = '.sigstore.json';
/** The signer options, checked: exactly a key, or an identity with its issuer. */
function revocationsSignerProblem(spec) {
    const keyless = spec.identity !== undefined || spec.issuer !== undefined;
    if (spec.key !== undefined && keyless)
        return 'revocations: give the list signer as revocations-key or as revocations-certificate-identity with revocations-certificate-oidc-issuer, not both';
    if (spec.key === undefined && !keyless)
        return `revocations: ${shownSource(spec.source)} must be signed; name its signer with revocations-key, or revocations-certificate-identity and revocations-certificate-oidc-issuer`;
    if (keyless && (spec.identity === undefined || spec.issuer === undefined))
        return 'revocations: a keyless list signer needs both revocations-certificate-identity and revocations-certificate-oidc-issuer';
    return undefined;
}
async function loadRevocations(spec, opts = {}) {
    // Every message, reason and the report name the list as shown: a URL's user info and query
    // values (a token, a pre-signed URL's signature) are credentials, which never leave.
    const source = shownSource(spec.source);
    try {
        const problem = revocationsSignerProblem(spec);
        if (problem)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('REVOCATION_LIST', problem);
        const policy = await signerPolicy(spec, opts.env);
        // The list first: what is wrong with it is said before what is wrong with its bundle.
        const bytes = await readSource(spec.source, _list_js__WEBPACK_IMPORTED_MODULE_10__/* .MAX_REVOCATION_LIST_BYTES */ .TK, 'the list', opts);
        const bundleBytes = await readSource(bundleLocation(spec.source), _limits_js__WEBPACK_IMPORTED_MODULE_3__/* .LIMITS */ .b1.bundleBytes, 'its signature bundle', opts);
        let bundleJson;
        try {
            bundleJson = (0,_signatures_strict_json_js__WEBPACK_IMPORTED_MODULE_7__/* .parseStrictJsonBytes */ .ml)(bundleBytes.bytes);
        }
        catch (e) {
            throw fail(source, `signature bundle ${bundleBytes.where} is not JSON (${e.message})`, e);
        }
        const verifier = (0,_signatures_verifier_js__WEBPACK_IMPORTED_MODULE_8__.createSignatureVerifier)(opts.root, policy);
        let ev;
        try {
            ev = verifier.verifyBundle(bundleJson, { artifact: bytes.bytes }, 'bundle-tag');
        }
        catch (e) {
            throw fail(source, `the signature does not verify: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .toGateError */ .Vl)(e).message}`, e);
        }
        if (ev.statement !== undefined)
            throw fail(source, `${bundleBytes.where} is an attestation (DSSE), not a message signature over the list`);
        const list = (0,_list_js__WEBPACK_IMPORTED_MODULE_10__/* .parseRevocationList */ .gZ)(bytes.bytes, source);
        const now = opts.now ?? new Date();
        if (list.expires.getTime() <= now.getTime())
            throw fail(source, `version ${list.version} expired at ${list.expires.toISOString()} (now ${now.toISOString()}): publish a fresh list`);
        const signer = ev.kind === 'key'
            ? `key ${ev.keyRef ?? ''} (${ev.keyID ?? ''})`
            : `${ev.identity ?? ''} (${ev.issuer ?? ''})`;
        return {
            list,
            summary: {
                source,
                version: list.version,
                issued: list.issued.toISOString(),
                expires: list.expires.toISOString(),
                entries: list.entries.length,
                signer,
                sha256: `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes.bytes).digest('hex')}`,
            },
        };
    }
    catch (e) {
        const err = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .toGateError */ .Vl)(e);
        if (err.code === 'REVOCATION_LIST')
            throw err;
        throw fail(source, err.message, e);
    }
}
function fail(source, message, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('REVOCATION_LIST', `revocations ${source}: ${message}`, cause === undefined ? undefined : { cause });
}
async function signerPolicy(spec, env) {
    if (spec.key !== undefined) {
        const key = await (0,_trust_keys_js__WEBPACK_IMPORTED_MODULE_9__.loadKey)(spec.key, env ? { env } : {});
        // A key signature needs no log: the list is checked against this key alone (entries a bundle
        // carries are still checked when the run has a trusted root).
        return { keys: [key], identities: [], requireTlog: false, requireSct: false };
    }
    return {
        keys: [],
        identities: [{ subject: { exact: spec.identity ?? '' }, issuer: { exact: spec.issuer ?? '' } }],
        requireTlog: true,
        requireSct: true,
    };
}
/**
 * A list's source as it is shown: a file path as given; a URL without user info, with its query
 * values hidden (redactUrl). Text that looks like a URL but does not parse loses both too.
 */
function shownSource(source) {
    return isUrl(source) ? (0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_4__/* .shownUrl */ .zA)(source) : source;
}
/** `FILE.sigstore.json` beside a file; the URL's path + `.sigstore.json` (query kept). */
function bundleLocation(source) {
    if (!isUrl(source))
        return `${source}${BUNDLE_SUFFIX}`;
    const u = new URL(source);
    u.pathname += BUNDLE_SUFFIX;
    return u.href;
}
function isUrl(s) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
}
async function readSource(where, maxBytes, what, opts) {
    const shown = shownSource(where);
    if (!isUrl(where)) {
        let read;
        try {
            read = await (0,_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .readFileCapped */ .uh)(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(where), maxBytes);
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('USAGE', `cannot read ${what} ${where}: ${e.message}`, {
                cause: e,
            });
        }
        if (read.over)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('LIMIT_EXCEEDED', `${what} ${where} is larger than the limit of ${maxBytes} bytes`);
        return { bytes: read.bytes, where };
    }
    let url;
    try {
        url = new URL(where);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('USAGE', `${shown} is not a URL`, { cause: e });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('USAGE', `${shown}: only https:// (http:// to loopback) or a file path`);
    const res = await (0,_net_fetch_js__WEBPACK_IMPORTED_MODULE_5__/* .fetchCapped */ .M)({
        url,
        what: `${what} ${shown}`,
        maxBytes,
        timeoutMs: opts.timeoutMs ?? _registry_limits_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_REQUEST_TIMEOUT_MS */ .Zc,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.redact ? { redact: opts.redact } : {}),
    });
    if (res.status !== 200)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('REGISTRY_ERROR', `${what} ${shown}: HTTP ${res.status}`);
    return { bytes: res.body, where: shown };
}
//# sourceMappingURL=load.js.map

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

/***/ 50559:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ MEDIA_TYPES),
/* harmony export */   d: () => (/* binding */ MANIFEST_ACCEPT)
/* harmony export */ });
// Shared data types of the core: OCI descriptors/manifests, the content-store interface that
// every image source implements, and the per-signature evidence the report carries.
const MEDIA_TYPES = {
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    simpleSigning: 'application/vnd.dev.cosign.simplesigning.v1+json',
    dsseEnvelope: 'application/vnd.dsse.envelope.v1+json',
    bundleV03: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    ociEmpty: 'application/vnd.oci.empty.v1+json',
};
const MANIFEST_ACCEPT = [
    MEDIA_TYPES.ociManifest,
    MEDIA_TYPES.ociIndex,
    MEDIA_TYPES.dockerManifest,
    MEDIA_TYPES.dockerManifestList,
];
//# sourceMappingURL=types.js.map

/***/ })

};

//# sourceMappingURL=877.index.js.map