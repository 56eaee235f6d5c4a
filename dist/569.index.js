export const id = 569;
export const ids = [569];
export const modules = {

/***/ 67569:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BundleFault: () => (/* binding */ BundleFault),
  fetchGitHubAttestations: () => (/* binding */ fetchGitHubAttestations)
});

// UNUSED EXPORTS: MAX_BUNDLE_REDIRECTS, MAX_PAGES, MAX_PAGE_BYTES, fetchWithoutCredentials, nextLink

// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(62807);
;// CONCATENATED MODULE: ./build/core/attestations/snappy.js
// Snappy block-format decompression, for bundles GitHub serves at `bundle_url` (gh CLI decodes
// them with golang/snappy `Decode`). Bounded: the declared length is checked before allocating.

/**
 * Decode one Snappy block: a varint uncompressed length, then literal and copy elements.
 * Throws MALFORMED on any inconsistency and LIMIT_EXCEEDED when the output would pass `maxBytes`.
 */
function snappyDecode(input, maxBytes, what = 'snappy data') {
    let pos = 0;
    const bad = (why) => {
        throw new errors/* GateError */.ue('MALFORMED', `${what}: not valid snappy (${why} at byte ${pos})`);
    };
    // Uncompressed length: little-endian base-128 varint, at most 32 bits.
    let length = 0;
    for (let shift = 0;; shift += 7) {
        if (pos >= input.length || shift > 28)
            bad('bad length header');
        const b = input[pos++];
        length += (b & 0x7f) * 2 ** shift;
        if ((b & 0x80) === 0)
            break;
    }
    if (length > maxBytes)
        throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `${what}: decompresses to ${length} bytes, limit ${maxBytes}`);
    const out = new Uint8Array(length);
    let o = 0;
    while (pos < input.length) {
        const tag = input[pos++];
        const kind = tag & 3;
        if (kind === 0) {
            let len = tag >>> 2;
            if (len >= 60) {
                const extra = len - 59;
                if (pos + extra > input.length)
                    bad('truncated literal length');
                len = 0;
                for (let i = 0; i < extra; i++)
                    len += input[pos++] * 2 ** (8 * i);
            }
            len += 1;
            if (pos + len > input.length)
                bad('truncated literal');
            if (o + len > length)
                bad('literal past declared length');
            out.set(input.subarray(pos, pos + len), o);
            pos += len;
            o += len;
            continue;
        }
        let len;
        let offset;
        if (kind === 1) {
            if (pos + 1 > input.length)
                bad('truncated copy');
            len = 4 + ((tag >>> 2) & 7);
            offset = ((tag >>> 5) << 8) | input[pos++];
        }
        else if (kind === 2) {
            if (pos + 2 > input.length)
                bad('truncated copy');
            len = 1 + (tag >>> 2);
            offset = input[pos] | (input[pos + 1] << 8);
            pos += 2;
        }
        else {
            if (pos + 4 > input.length)
                bad('truncated copy');
            len = 1 + (tag >>> 2);
            offset =
                (input[pos] | (input[pos + 1] << 8) | (input[pos + 2] << 16)) + input[pos + 3] * 2 ** 24;
            pos += 4;
        }
        if (offset === 0 || offset > o)
            bad('copy offset outside the output');
        if (o + len > length)
            bad('copy past declared length');
        // Byte by byte: a copy may overlap its own output (offset < len), which repeats a pattern.
        for (let i = 0; i < len; i++, o++)
            out[o] = out[o - offset];
    }
    if (o !== length)
        bad(`output is ${o} bytes, header said ${length}`);
    return out;
}
//# sourceMappingURL=snappy.js.map
// EXTERNAL MODULE: ./build/core/limits.js
var limits = __webpack_require__(40332);
// EXTERNAL MODULE: ./build/core/net/addresses.js
var addresses = __webpack_require__(45166);
// EXTERNAL MODULE: ./build/core/net/fetch.js
var fetch = __webpack_require__(27670);
// EXTERNAL MODULE: ./build/core/net/read.js
var read = __webpack_require__(53628);
// EXTERNAL MODULE: ./build/core/net/retry.js
var retry = __webpack_require__(83360);
;// CONCATENATED MODULE: ./build/core/sources/github-attestations.js
// A source of evidence: the attestation bundles GitHub holds for one digest, from its attestations
// API (repository or organisation endpoint), paginated and bounded; the token goes to the
// configured API origin only, bundle_url bodies are fetched without it (net/fetch.ts rules).
// One client in one file (about 360 lines): paging, per-entry faults and the bundle_url fetch share
// their bounds and error wording.







/** Pages followed before giving up: a server that links page after empty page must not loop us. */
const MAX_PAGES = limits/* LIMITS */.b1.githubPages;
/** One page of up to 100 bundles. */
const MAX_PAGE_BYTES = limits/* LIMITS */.b1.githubPageBytes;
/** For one bundle_url, its redirects and body included, unless the request says otherwise. */
const BUNDLE_URL_TIMEOUT_MS = 30_000;
const RETRIES = 2;
const OWNER_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO_RE = /^[A-Za-z0-9._-]{1,100}$/;
const DIGEST_RE = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
/**
 * The bundles (parsed JSON, unverified) GitHub holds for `digest`, in API order; `[]` on 404.
 * An entry without a usable bundle is returned as `null` so the verifier rejects it in place
 * (its index still names it); one whose bundle_url served something unusable (not snappy or
 * JSON, over its cap, a refused redirect, an HTTP error) as a BundleFault with the reason. 401/403 \u2192 AUTH_REFUSED; network \u2192 NETWORK; 5xx \u2192 REGISTRY_ERROR.
 */
async function fetchGitHubAttestations(req) {
    const max = Math.min(req.maxAttestations ?? limits/* LIMITS */.b1.signaturesPerImage, limits/* LIMITS */.b1.signaturesPerImage);
    if (!OWNER_RE.test(req.owner))
        throw new errors/* GateError */.ue('USAGE', `github-owner: '${req.owner}' is not a GitHub user or organisation name`);
    if (req.repository !== undefined && !REPO_RE.test(req.repository))
        throw new errors/* GateError */.ue('USAGE', `github-repository: '${req.repository}' is not a repository name`);
    if (!DIGEST_RE.test(req.digest))
        throw new errors/* GateError */.ue('USAGE', `GitHub attestations: '${req.digest}' is not a sha256/sha512 digest`);
    const base = apiBase(req.baseUrl);
    const octokit = req.getOctokit(req.token, {
        baseUrl: base.href.replace(/\/$/, ''),
    });
    const what = req.repository
        ? `GitHub attestations for ${req.owner}/${req.repository}`
        : `GitHub attestations for ${req.owner}`;
    const route = req.repository
        ? 'GET /repos/{owner}/{repo}/attestations/{subject_digest}'
        : 'GET /orgs/{org}/attestations/{subject_digest}';
    const params = req.repository ? { owner: req.owner, repo: req.repository } : { org: req.owner };
    const entries = [];
    let page = await getPage(octokit, route, { ...params, subject_digest: req.digest, per_page: 100 }, req, what, true);
    if (page === undefined)
        return [];
    const firstPath = new URL(page.url).pathname;
    for (let n = 1;; n++) {
        entries.push(...page.attestations);
        if (entries.length > max)
            throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `${what}@${req.digest}: more than ${max} attestations, limit ${max}`);
        if (page.next === undefined)
            break;
        if (n >= MAX_PAGES)
            throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `${what}@${req.digest}: more than ${MAX_PAGES} pages`);
        // The token follows a Link only to the same API origin and endpoint.
        const next = new URL(page.next, page.url);
        if (next.origin !== base.origin || next.pathname !== firstPath)
            throw new errors/* GateError */.ue('REGISTRY_ERROR', `${what}: next-page link ${(0,addresses/* redactUrl */.BO)(next)} leaves ${base.origin}${firstPath}; not following it with the token`);
        const got = await getPage(octokit, `GET ${next.href}`, {}, req, what, false);
        if (got === undefined)
            throw new errors/* GateError */.ue('REGISTRY_ERROR', `${what}: page ${n + 1} is gone (HTTP 404)`);
        page = got;
    }
    // One bundle_url at a time: each may be 10 MiB once decompressed, and the image's byte budget
    // (limits.ts) should stop the list before a hundred of them are in memory at once.
    const bundles = [];
    for (const [i, e] of entries.entries()) {
        try {
            bundles.push(await bundleOf(e, i, req, what));
        }
        catch (err) {
            // What one entry's bundle_url served is about that entry: a rejection in its place, which
            // never outweighs another entry that verifies. The run's reach (network, a spent byte
            // budget, a timeout) is not about the entry and ends the lookup.
            const g = err instanceof errors/* GateError */.ue ? err : undefined;
            if (g === undefined || !isEntryFault(g))
                throw err;
            bundles.push(new BundleFault(g));
        }
    }
    return bundles;
}
/** An entry whose bundle could not be had: rejected in place, with this reason. */
class BundleFault {
    error;
    constructor(error) {
        this.error = error;
    }
}
function isEntryFault(e) {
    if (e.code === 'LIMIT_EXCEEDED')
        return !(0,limits/* budgetExhausted */.vQ)();
    return e.code === 'MALFORMED' || e.code === 'INSECURE' || e.code === 'REGISTRY_ERROR';
}
async function getPage(octokit, route, params, req, what, first) {
    for (let attempt = 0;; attempt++) {
        try {
            const res = await octokit.request(route, {
                ...params,
                // Read the body ourselves, with a cap, instead of letting Octokit buffer any size.
                request: { parseSuccessResponseBody: false, ...(req.signal ? { signal: req.signal } : {}) },
            });
            return await parsePage(res, what);
        }
        catch (e) {
            if (e instanceof errors/* GateError */.ue)
                throw e;
            const status = httpStatus(e);
            if (status === 404 && first)
                return undefined;
            const err = classify(e, status, what, req.baseUrl);
            const retryable = err.code === 'NETWORK' ||
                (err.code === 'REGISTRY_ERROR' && status !== undefined && status >= 500);
            if (!retryable || attempt >= RETRIES || req.signal?.aborted)
                throw err;
            await new Promise((r) => setTimeout(r, (0,retry/* backoff */.J)(attempt + 1)));
        }
    }
}
async function parsePage(res, what) {
    let bytes;
    const data = res.data;
    if (data instanceof ReadableStream) {
        const got = await (0,read/* readCapped */.E)(data, MAX_PAGE_BYTES, undefined, what);
        if (got.over)
            throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `${what}: response larger than ${MAX_PAGE_BYTES} bytes`);
        bytes = got.bytes;
    }
    else if (typeof data === 'string')
        bytes = new TextEncoder().encode(data);
    else if (data === null || data === undefined)
        bytes = new Uint8Array();
    else
        bytes = new TextEncoder().encode(JSON.stringify(data));
    // A body some other client already read counts against the image's byte budget all the same.
    if (!(data instanceof ReadableStream))
        (0,limits/* chargeRead */.JO)(bytes.length, what);
    let json;
    try {
        json = JSON.parse(new TextDecoder().decode(bytes));
    }
    catch (e) {
        throw new errors/* GateError */.ue('REGISTRY_ERROR', `${what}: the API answered something that is not JSON`, {
            cause: e,
        });
    }
    const list = isObject(json) ? json['attestations'] : undefined;
    if (!Array.isArray(list))
        throw new errors/* GateError */.ue('REGISTRY_ERROR', `${what}: the API answer has no attestations list`);
    const link = res.headers['link'];
    const next = typeof link === 'string' ? nextLink(link) : undefined;
    return { attestations: list, url: res.url, ...(next !== undefined ? { next } : {}) };
}
/** `<url>; rel="next"` from an RFC 8288 Link header (GitHub's cursor pagination). */
function nextLink(header) {
    for (const part of header.split(/,(?=\s*<)/)) {
        const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
        if (m && /(?:^|;)\s*rel="?(?:[^";]*\s)?next(?:\s[^";]*)?"?\s*(?:;|$)/.test(m[2]))
            return m[1];
    }
    return undefined;
}
async function bundleOf(entry, i, req, what) {
    if (!isObject(entry))
        return null;
    if (isObject(entry['bundle']))
        return entry['bundle'];
    const url = entry['bundle_url'];
    if (typeof url !== 'string' || url === '')
        return null;
    let target;
    try {
        target = new URL(url);
    }
    catch {
        return null;
    }
    // Blob storage is another origin: it gets no token, and no plain HTTP outside tests.
    const compressed = await fetchWithoutCredentials(target, req.signal, req.bundleUrlTimeoutMs);
    const json = snappyDecode(compressed, limits/* LIMITS */.b1.bundleBytes, `${what} #${i} bundle_url`);
    // What it expands to is held too: it counts against the byte budget as well as what arrived.
    (0,limits/* chargeRead */.JO)(json.length, `${what} #${i} bundle_url (decompressed)`);
    try {
        return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
    }
    catch (e) {
        throw new errors/* GateError */.ue('MALFORMED', `${what} #${i}: bundle_url content is not JSON`, { cause: e });
    }
}
/** Redirects a bundle_url may take before it is refused (storage services use one or two). */
const MAX_BUNDLE_REDIRECTS = limits/* LIMITS */.b1.fetchRedirects;
/**
 * GETs a bundle_url body with no credentials, under net/fetch.ts's rules (https only, redirects
 * checked hop by hop, at most MAX_BUNDLE_REDIRECTS, capped at LIMITS.bundleBytes). Anything but
 * 200 is REGISTRY_ERROR: the entry is rejected in its place.
 */
async function fetchWithoutCredentials(start, signal, timeoutMs = BUNDLE_URL_TIMEOUT_MS) {
    const what = `bundle_url ${(0,addresses/* redactUrl */.BO)(start)}`;
    const res = await (0,fetch/* fetchCapped */.M)({
        url: start,
        what,
        maxBytes: limits/* LIMITS */.b1.bundleBytes,
        timeoutMs,
        ...(signal ? { signal } : {}),
    });
    if (res.status !== 200)
        throw new errors/* GateError */.ue('REGISTRY_ERROR', `${what}: ${(0,addresses/* redactUrl */.BO)(res.url)} answered HTTP ${res.status}`);
    return res.body;
}
function apiBase(raw) {
    let u;
    try {
        u = new URL(raw);
    }
    catch {
        throw new errors/* GateError */.ue('USAGE', `GITHUB_API_URL: '${raw}' is not a URL`);
    }
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && (0,addresses/* isLoopbackHost */.cW)(u.host)))
        throw new errors/* GateError */.ue('INSECURE', `GITHUB_API_URL: '${raw}' is not https; the token would travel in clear`);
    if (u.username || u.password || u.search || u.hash)
        throw new errors/* GateError */.ue('USAGE', `GITHUB_API_URL: '${(0,addresses/* redactUrl */.BO)(u)}' must be a plain API root`);
    return u;
}
function httpStatus(e) {
    if (!isObject(e))
        return undefined;
    // Octokit reports a failed fetch as status 500 without a response; only a response has a status.
    if (!('response' in e) || e['response'] === undefined)
        return undefined;
    return typeof e['status'] === 'number' ? e['status'] : undefined;
}
function classify(e, status, what, baseUrl) {
    const message = e instanceof Error ? e.message : String(e);
    const host = (() => {
        try {
            return new URL(baseUrl).host;
        }
        catch {
            return baseUrl;
        }
    })();
    if (status === undefined) {
        const aborted = isObject(e) &&
            (e['name'] === 'AbortError' ||
                (e instanceof Error && isObject(e.cause) && e.cause['name'] === 'AbortError'));
        return new errors/* GateError */.ue(aborted ? 'TIMEOUT' : 'NETWORK', `${what}: ${host} unreachable: ${message}`, { cause: e });
    }
    if (status === 401 || status === 403) {
        const headers = isObject(e) && isObject(e['response']) && isObject(e['response']['headers'])
            ? e['response']['headers']
            : {};
        if (status === 403 && headers['x-ratelimit-remaining'] === '0')
            return new errors/* GateError */.ue('REGISTRY_ERROR', `${what}: ${host} rate limit exhausted (HTTP 403)`, {
                cause: e,
            });
        return new errors/* GateError */.ue('AUTH_REFUSED', `${what}: ${host} refused github-token (HTTP ${status}: ${message})`, { cause: e });
    }
    return new errors/* GateError */.ue('REGISTRY_ERROR', `${what}: ${host} answered HTTP ${status}: ${message}`, {
        cause: e,
    });
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
//# sourceMappingURL=github-attestations.js.map

/***/ })

};

//# sourceMappingURL=569.index.js.map