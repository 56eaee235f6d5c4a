export const id = 715;
export const ids = [715];
export const modules = {

/***/ 68687:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   K$: () => (/* binding */ layoutIdentityPath),
/* harmony export */   Tc: () => (/* binding */ isS3loReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   ct: () => (/* binding */ pinnedReference),
/* harmony export */   eI: () => (/* binding */ canonicalLocalRoot),
/* harmony export */   ge: () => (/* binding */ isHostComponent),
/* harmony export */   i7: () => (/* binding */ canonicalRegistry),
/* harmony export */   lB: () => (/* binding */ cleanLayoutPath),
/* harmony export */   w$: () => (/* binding */ referenceIdentity)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62807);
/* harmony import */ var _registry_hosts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83431);
/* harmony import */ var _s3lo_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22637);
// Parses the image references users write into one typed form: registry references with
// Docker Hub normalisation, oci-layout:// directories, and s3lo's s3:// and local:// stores.
// Each is normalised once, here, to the identity it is fetched from: rules, dedupe and reports use it.




const DOCKER_HUB = 'index.docker.io';
const DIGEST_RE = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const TAG_RE = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST_RE = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;
const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'docker.io', 'registry-1.docker.io']);
function invalid(input, why) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('REF_INVALID', `image '${input}': ${why}`);
}
function checkDigest(input, digest) {
    if (DIGEST_RE.test(digest))
        return digest;
    const m = /^([a-z0-9]+):(.*)$/.exec(digest);
    if (!m)
        return throwInvalid(input, `'${digest}' is not a digest (expected sha256:<64 hex>)`);
    const [, alg, hex] = m;
    if (alg !== 'sha256' && alg !== 'sha512')
        return throwInvalid(input, `digest algorithm '${alg}' is not supported (sha256 or sha512)`);
    const want = alg === 'sha256' ? 64 : 128;
    if (!/^[a-f0-9]*$/.test(hex))
        return throwInvalid(input, `'${digest}' is not a digest (lower-case hex expected)`);
    return throwInvalid(input, `'${digest}' is not a digest (expected ${want} hex characters, got ${hex.length})`);
}
function throwInvalid(input, why) {
    throw invalid(input, why);
}
/** Split `name[:tag][@digest]`, where `name` may itself contain `:` only before its last `/`. */
function splitTagDigest(input, rest) {
    let name = rest;
    let digest;
    const at = name.indexOf('@');
    if (at >= 0) {
        digest = checkDigest(input, name.slice(at + 1));
        name = name.slice(0, at);
    }
    let tag;
    const colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
        tag = name.slice(colon + 1);
        name = name.slice(0, colon);
        if (!TAG_RE.test(tag))
            throwInvalid(input, `tag '${tag}' is not valid`);
    }
    return { name, ...(tag !== undefined ? { tag } : {}), ...(digest ? { digest } : {}) };
}
/** Whether a reference names an s3lo store (`s3://`, `local://`), before it is parsed. */
function isS3loReference(raw) {
    const input = raw.trim();
    return input.startsWith('s3://') || input.startsWith('local://');
}
function parseReference(raw) {
    const input = raw.trim();
    if (input === '')
        throw invalid(raw, 'empty reference');
    if (/\s/.test(input))
        throw invalid(input, 'contains white space');
    if (input.startsWith('oci-layout://'))
        return parseLayout(input);
    if (isS3loReference(input)) {
        const s3lo = (0,_s3lo_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseS3loReference */ .OE)(input);
        return { kind: 's3lo', original: input, identity: s3loIdentity(s3lo), s3lo };
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input))
        throw invalid(input, 'unsupported scheme (use a registry reference, oci-layout://, s3:// or local://)');
    return parseRegistryRef(input);
}
function parseRegistryRef(input) {
    const { name, tag, digest } = splitTagDigest(input, input);
    const slash = name.indexOf('/');
    let registry = DOCKER_HUB;
    let repository = name;
    if (slash >= 0) {
        const first = name.slice(0, slash);
        if (isHostComponent(first)) {
            registry =
                canonicalRegistry(first) ?? throwInvalid(input, `registry host '${first}' is not valid`);
            repository = name.slice(slash + 1);
        }
    }
    if (registry === DOCKER_HUB && !repository.includes('/'))
        repository = `library/${repository}`;
    if (repository === '')
        throw invalid(input, 'repository name is empty');
    for (const part of repository.split('/')) {
        if (!PATH_COMPONENT_RE.test(part))
            throw invalid(input, `repository component '${part}' is not valid (lower-case letters, digits and . _ - separators)`);
    }
    if (repository.length > 255)
        throw invalid(input, 'repository name is longer than 255 characters');
    const ref = {
        kind: 'registry',
        original: input,
        identity: `${registry}/${repository}`,
        registry,
        repository,
    };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    if (tag === undefined && digest === undefined)
        ref.tag = 'latest';
    return ref;
}
function parseLayout(input) {
    const rest = input.slice('oci-layout://'.length);
    if (rest === '')
        throw invalid(input, 'no directory given after oci-layout://');
    let dir = rest;
    let tag;
    let digest;
    const at = dir.lastIndexOf('@');
    if (at >= 0 && /^[a-z0-9]+:/.test(dir.slice(at + 1))) {
        digest = checkDigest(input, dir.slice(at + 1));
        dir = dir.slice(0, at);
    }
    // `dir:tag@digest` as for registry references: the digest is fetched, the tag names the rule.
    const colon = dir.lastIndexOf(':');
    if (colon > dir.lastIndexOf('/')) {
        tag = dir.slice(colon + 1);
        dir = dir.slice(0, colon);
        if (!TAG_RE.test(tag))
            throw invalid(input, `tag '${tag}' is not valid`);
    }
    if (dir === '')
        throw invalid(input, 'no directory given after oci-layout://');
    const clean = cleanLayoutPath(dir, (why) => throwInvalid(input, why));
    // `oci-layout://a/b:c/` would read `a/b:c`, whose name rules would take as `a/b` tagged `c`.
    if (clean.slice(clean.lastIndexOf('/') + 1).includes(':'))
        throw invalid(input, `directory '${clean}' ends in a name with ':', which reads as a tag`);
    const ref = {
        kind: 'oci-layout',
        original: input,
        identity: `oci-layout://${layoutIdentityPath(clean)}`,
        dir: clean,
    };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
/** Whether the first path component of a name is a registry host, as Docker decides it. */
function isHostComponent(first) {
    return (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['));
}
/**
 * `host[:port]` as the registry client connects to it (the same normalizeHost), with every Docker
 * Hub alias as `index.docker.io`; undefined when it is not a host.
 */
function canonicalRegistry(host) {
    if (!HOST_RE.test(host))
        return undefined;
    const h = (0,_registry_hosts_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeHost */ .cS)(host);
    if (h === undefined || h.includes('/'))
        return undefined;
    return DOCKER_HUB_ALIASES.has(h) ? DOCKER_HUB : h;
}
/**
 * `a/./b//c/` \u2192 `a/b/c`. A `..` after a directory name is refused: the OS resolves it after any
 * symlink, so the lexical name would not be the directory read.
 */
function cleanLayoutPath(dir, fail) {
    const parts = dir.split('/');
    let named = false;
    for (const p of parts) {
        if (p === '..' && named)
            fail(`'..' after a directory name in '${dir}' (write the path without it)`);
        if (p !== '' && p !== '.' && p !== '..')
            named = true;
    }
    const clean = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(dir).replace(/(.)\/+$/, '$1');
    return clean === '' ? '.' : clean;
}
/** The directory relative to the working directory when inside it, else absolute. */
function layoutIdentityPath(dir, cwd = process.cwd()) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(cwd, dir);
    const rel = node_path__WEBPACK_IMPORTED_MODULE_0__.relative(cwd, abs);
    if (rel === '')
        return '.';
    return rel.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute(rel) ? abs : rel;
}
/**
 * A local:// root (one path component, as s3lo reads it) in one spelling for the directory it
 * names: `/x` when its parent is `/`, `x` when the working directory, else `../x`.
 */
function canonicalLocalRoot(root, cwd = process.cwd()) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(cwd, root);
    const parent = node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(abs);
    const name = node_path__WEBPACK_IMPORTED_MODULE_0__.basename(abs);
    if (parent === abs)
        return '/';
    if (parent === '/')
        return `/${name}`;
    if (parent === cwd)
        return name;
    if (parent === node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(cwd))
        return `../${name}`;
    return abs;
}
function s3loIdentity(r) {
    const root = r.scheme === 'local' ? canonicalLocalRoot(r.bucket) : r.bucket;
    return `${r.scheme}://${root}/${r.image}`;
}
/** The normalised reference: identity, then the tag and digest as given. */
function referenceIdentity(ref) {
    if (ref.kind === 's3lo')
        return `${ref.identity}:${ref.s3lo.tag}${ref.s3lo.digest ? `@${ref.s3lo.digest}` : ''}`;
    return `${ref.identity}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
/** `registry/repository` (or the layout dir): the part a digest is pinned to. */
function repositoryName(ref) {
    switch (ref.kind) {
        case 'registry':
            return ref.identity;
        case 'oci-layout':
            return `oci-layout://${ref.dir}`;
        case 's3lo':
            return `${ref.s3lo.scheme}://${ref.s3lo.bucket}/${ref.s3lo.image}`;
    }
}
/** The reference pinned to the verified digest, for deploying exactly what was verified. */
function pinnedReference(ref, digest) {
    // s3lo signs tags, so its pinned form keeps the tag: image:tag@digest (checked on read).
    if (ref.kind === 's3lo')
        return `${repositoryName(ref)}:${ref.s3lo.tag}@${digest}`;
    return `${repositoryName(ref)}@${digest}`;
}
function isDigest(s) {
    return DIGEST_RE.test(s);
}
//# sourceMappingURL=reference.js.map

/***/ }),

/***/ 81514:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MK: () => (/* binding */ computeDigest),
/* harmony export */   U2: () => (/* binding */ digestMatches),
/* harmony export */   V7: () => (/* binding */ assertDigest),
/* harmony export */   dz: () => (/* binding */ isTag),
/* harmony export */   en: () => (/* binding */ isRepositoryName),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   m: () => (/* binding */ parseDigest)
/* harmony export */ });
/* unused harmony export isDigest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62807);
// Digest and tag syntax, checked before any of them is put into a URL (CVE-2024-3727), and
// hashing of the exact bytes received so that only computed digests are ever trusted.


const DIGEST_RE = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const TAG_RE = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
// distribution-spec name grammar: lower-case path components joined by `/`.
const REPOSITORY_RE = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
/** `undefined` unless `s` is exactly `sha256:<64 hex>` or `sha512:<128 hex>` in lower case. */
function parseDigest(s) {
    if (!DIGEST_RE.test(s))
        return undefined;
    const i = s.indexOf(':');
    return { algorithm: s.slice(0, i), hex: s.slice(i + 1) };
}
function isDigest(s) {
    return DIGEST_RE.test(s);
}
/**
 * Throws unless `s` is a well-formed digest. `origin` decides the verdict: a bad digest typed by
 * the user is a usage error (2), one read from registry content is malformed evidence (1).
 */
function assertDigest(s, origin, what = 'digest') {
    const d = parseDigest(s);
    if (d)
        return d;
    const code = origin === 'input' ? 'USAGE' : 'MALFORMED';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue(code, `${what}: ${quote(s)} is not a digest (expected sha256:<64 lower-case hex> or sha512:<128 lower-case hex>)`);
}
function isTag(s) {
    return TAG_RE.test(s);
}
function isRepositoryName(s) {
    return s.length <= 255 && REPOSITORY_RE.test(s);
}
/** `algorithm:hex` of `bytes`. */
function computeDigest(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** True when `bytes` hash to `expected` under `expected`'s own algorithm. */
function digestMatches(bytes, expected) {
    return computeDigest(bytes, expected.algorithm) === `${expected.algorithm}:${expected.hex}`;
}
/** A value for messages: quoted, control characters escaped, long values cut. */
function quote(s, max = 120) {
    const cut = s.length > max ? `${s.slice(0, max)}\u2026` : s;
    return JSON.stringify(cut);
}
//# sourceMappingURL=digest.js.map

/***/ }),

/***/ 48844:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hu: () => (/* binding */ mergeRegistryStats),
/* harmony export */   gz: () => (/* binding */ RegistryGovernor),
/* harmony export */   y9: () => (/* binding */ readRateLimit)
/* harmony export */ });
/* unused harmony exports AIMD_INCREASE_EVERY, rateLimitStop, parseRateLimitValue */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62807);
/* harmony import */ var _hosts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83431);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(11858);
// What a run knows of each registry it talks to, in one place: counters for the report, the
// backoff every request to a host waits out after a `Retry-After`, the concurrency window that
// halves on a 429 and grows back (AIMD), and the pull limit a registry advertises
// (`ratelimit-remaining`, Docker Hub). One governor per run, created with the registry client and
// passed down: no module state, so concurrent runs in one process stay apart.




const AIMD_INCREASE_EVERY = 4;
class HostState {
    max;
    stats;
    window;
    inFlight = 0;
    successes = 0;
    /** Bumped on each decrease: 429s to requests sent before it are the same congestion event. */
    epoch = 0;
    backoffUntil = 0;
    /** Why the registry was stopped (a pull limit that the batch would exhaust). */
    stopped;
    waiters = [];
    constructor(max) {
        this.max = max;
        this.window = max;
        this.stats = {
            requests: 0,
            pulls: 0,
            rateLimited: 0,
            retries: 0,
            bytes: 0,
            waitMs: 0,
            concurrency: { start: max, min: max, final: max },
        };
    }
    /** Wakes `n` waiters (one per slot freed); each takes its slot, or queues again, in acquire. */
    wake(n) {
        for (let i = 0; i < n && this.waiters.length > 0; i++)
            this.waiters.shift()();
    }
}
class RegistryGovernor {
    opts;
    hosts = new Map();
    max;
    increaseEvery;
    now;
    log;
    constructor(opts) {
        this.opts = opts;
        this.max = Math.max(1, Math.floor(opts.concurrency));
        this.increaseEvery = Math.max(1, opts.increaseEvery ?? AIMD_INCREASE_EVERY);
        this.now = opts.now ?? Date.now;
        this.log = opts.log ?? (() => undefined);
    }
    state(host) {
        let s = this.hosts.get(host);
        if (!s)
            this.hosts.set(host, (s = new HostState(this.max)));
        return s;
    }
    /** The counters of one registry (created on first use). */
    statsOf(host) {
        return this.state(host).stats;
    }
    /** Every registry's counters, by host, for the report. */
    allStats() {
        const out = {};
        for (const [host, s] of [...this.hosts].sort(([a], [b]) => a.localeCompare(b))) {
            out[host] = {
                ...s.stats,
                concurrency: { ...s.stats.concurrency, final: s.window },
                ...(s.stats.rateLimit ? { rateLimit: { ...s.stats.rateLimit } } : {}),
            };
        }
        return out;
    }
    /** The current window of a registry (for tests and logs). */
    windowOf(host) {
        return this.state(host).window;
    }
    /**
     * Waits out the registry's shared backoff, then for a slot in its window. The slot is held for
     * one attempt (one request and its redirect hops) and handed back with `release`.
     */
    async acquire(host, what) {
        return this.tryAcquire(host) ?? this.acquireWaiting(host, what);
    }
    /**
     * A slot at once when the registry is neither backing off nor at its window (the usual case),
     * without a promise; undefined when the caller must wait (`acquire`). Throws when stopped.
     */
    tryAcquire(host) {
        const s = this.state(host);
        if (s.stopped)
            throw s.stopped;
        if (s.inFlight >= s.window || s.backoffUntil > this.now())
            return undefined;
        s.inFlight++;
        return this.permit(s, host);
    }
    async acquireWaiting(host, what) {
        const s = this.state(host);
        const started = this.now();
        for (;;) {
            if (s.stopped)
                throw s.stopped;
            const wait = s.backoffUntil - this.now();
            if (wait > 0) {
                await this.sleep(wait, host, what);
                continue;
            }
            if (s.inFlight < s.window)
                break;
            await this.queue(s, host, what);
        }
        s.inFlight++;
        s.stats.waitMs += this.now() - started;
        return this.permit(s, host);
    }
    permit(s, host) {
        const epoch = s.epoch;
        let released = false;
        return {
            release: (outcome) => {
                if (released)
                    return;
                released = true;
                s.inFlight--;
                let freed = 1;
                if (outcome === 'rateLimited')
                    this.decrease(s, host, epoch);
                else if (outcome === 'ok' && this.increase(s))
                    freed++;
                s.wake(freed);
            },
        };
    }
    /** Multiplicative decrease, once per congestion event (429s to requests sent before it are one). */
    decrease(s, host, epoch) {
        s.successes = 0;
        if (epoch !== s.epoch)
            return;
        s.epoch++;
        const next = Math.max(1, Math.floor(s.window / 2));
        if (next !== s.window)
            this.log(`registry ${host}: 429, concurrency ${s.window} -> ${next}`);
        s.window = next;
        s.stats.concurrency.min = Math.min(s.stats.concurrency.min, next);
    }
    /** Additive increase: one more slot per `increaseEvery` successes, up to the configured max. */
    increase(s) {
        if (s.window >= this.max)
            return false;
        if (++s.successes < this.increaseEvery)
            return false;
        s.successes = 0;
        s.window++;
        return true;
    }
    /**
     * A `Retry-After` (or the backoff after a 429 without one) for the whole registry: every later
     * attempt to it waits until then. A wait past the run's deadline is an error now (exit 2).
     */
    pause(host, ms, what, why) {
        const s = this.state(host);
        const now = this.now();
        const until = now + ms;
        const deadline = this.opts.deadline;
        if (deadline !== undefined ? until > deadline : ms > _limits_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_RETRY_AFTER_MS */ .yL) {
            const left = deadline !== undefined
                ? `the ${Math.max(0, Math.floor((deadline - now) / 1000))} s left of the run's timeout`
                : `we wait: ${_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_RETRY_AFTER_MS */ .yL / 1000} s`;
            // The wait is the registry's, not this request's: nothing more is sent to it in this run.
            s.stopped = new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('RATE_LIMITED', `${what}: registry ${host} ${why} and asks to wait ${Math.ceil(ms / 1000)} s (more than ${left})`);
            throw s.stopped;
        }
        if (until > s.backoffUntil) {
            s.backoffUntil = until;
            this.log(`registry ${host}: ${why}; all requests to it wait ${ms} ms`);
        }
    }
    /** Records the pull limit a response advertises (malformed headers are ignored with a log line). */
    observe(host, headers) {
        const info = readRateLimit(headers, (m) => this.log(`registry ${host}: ${m}`));
        if (info)
            this.state(host).stats.rateLimit = info;
    }
    /** Docker Hub by name, or a registry that advertised a pull limit in this run. */
    countsPulls(host) {
        return (0,_hosts_js__WEBPACK_IMPORTED_MODULE_2__/* .isDockerHub */ .gr)(host) || this.hosts.get(host)?.stats.rateLimit !== undefined;
    }
    /** The pull limit last advertised by a registry. */
    rateLimitOf(host) {
        return this.state(host).stats.rateLimit;
    }
    /**
     * Before the batch starts an image of `registry` (a name as in a reference; Docker Hub's map to
     * its API host): `needed` is how many pulls the registry must still serve
     * (at least one per image not yet finished). When it advertised fewer, the registry is stopped
     * for the rest of the run and the error says so; nothing more is sent to it.
     */
    admit(registry, needed) {
        const host = (0,_hosts_js__WEBPACK_IMPORTED_MODULE_2__/* .apiHostFor */ .Qd)(registry);
        const s = this.state(host);
        if (s.stopped)
            throw s.stopped;
        const r = s.stats.rateLimit;
        if (!r || needed <= r.remaining)
            return;
        s.stopped = rateLimitStop(host, r, needed);
        throw s.stopped;
    }
    async sleep(ms, host, what) {
        try {
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms, undefined, this.opts.signal ? { signal: this.opts.signal } : undefined);
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('TIMEOUT', `${what}: deadline reached while waiting out registry ${host}'s backoff`, { cause: e });
        }
    }
    queue(s, host, what) {
        const signal = this.opts.signal;
        return new Promise((resolve, reject) => {
            const onAbort = () => {
                const i = s.waiters.indexOf(wake);
                if (i >= 0)
                    s.waiters.splice(i, 1);
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('TIMEOUT', `${what}: deadline reached while waiting for a slot at registry ${host}`));
            };
            const wake = () => {
                signal?.removeEventListener('abort', onAbort);
                resolve();
            };
            if (signal?.aborted)
                return onAbort();
            signal?.addEventListener('abort', onAbort, { once: true });
            s.waiters.push(wake);
        });
    }
}
/** The error of a batch that would run a registry's advertised pull limit dry. */
function rateLimitStop(host, r, needed) {
    const window = r.windowSeconds !== undefined ? ` per ${formatWindow(r.windowSeconds)}` : '';
    const limit = r.limit !== undefined ? ` of ${r.limit}${window}` : window;
    const source = r.source !== undefined ? ` (counted against ${r.source})` : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('RATE_LIMITED', `registry ${host} has ${r.remaining} pulls left${limit}${source}, and the batch needs at least ${needed} more: stopped before running it dry. Authenticate to the registry for a higher limit, verify fewer images per run, or wait for the window to pass`);
}
function formatWindow(s) {
    if (s % 3600 === 0)
        return `${s / 3600} h`;
    if (s % 60 === 0)
        return `${s / 60} min`;
    return `${s} s`;
}
/**
 * One `ratelimit-limit` / `ratelimit-remaining` value: a list of `N` or `N;w=SECONDS` items
 * (Docker Hub: `100;w=21600`; the IETF draft's older form allows several policies, comma
 * separated, and other parameters). Returns the tightest item, or undefined when malformed.
 */
function parseRateLimitValue(v) {
    let best;
    const items = v.split(',');
    if (items.length > 16)
        return undefined;
    for (const item of items) {
        const parts = item.split(';').map((p) => p.trim());
        if (!/^\d{1,12}$/.test(parts[0]))
            return undefined;
        const value = Number(parts[0]);
        let windowSeconds;
        for (const p of parts.slice(1)) {
            const m = /^([A-Za-z][A-Za-z0-9_-]*)=("?)([^";]*)\2$/.exec(p);
            if (!m)
                return undefined;
            if (m[1].toLowerCase() === 'w') {
                if (!/^\d{1,9}$/.test(m[3]) || Number(m[3]) === 0)
                    return undefined;
                windowSeconds = Number(m[3]);
            }
        }
        if (!best || value < best.value)
            best = { value, ...(windowSeconds !== undefined ? { windowSeconds } : {}) };
    }
    return best;
}
/**
 * The pull limit a response advertises: Docker Hub's `ratelimit-limit: 100;w=21600`,
 * `ratelimit-remaining: 76;w=21600` and `docker-ratelimit-source` (docs.docker.com,
 * docker-hub/usage/pulls "View pull rate and limit"; sent on GET and HEAD of a manifest). A
 * malformed value is ignored (logged): the headers only ever stop a run early, never pass one.
 */
function readRateLimit(headers, log = () => undefined) {
    const rem = headers.get('ratelimit-remaining');
    if (rem === null)
        return undefined;
    const remaining = parseRateLimitValue(rem);
    if (!remaining) {
        log(`ignoring malformed ratelimit-remaining ${JSON.stringify(rem.slice(0, 80))}`);
        return undefined;
    }
    const lim = headers.get('ratelimit-limit');
    const limit = lim !== null ? parseRateLimitValue(lim) : undefined;
    if (lim !== null && !limit)
        log(`ignoring malformed ratelimit-limit ${JSON.stringify(lim.slice(0, 80))}`);
    const src = headers.get('docker-ratelimit-source');
    const source = src !== null && /^[\x21-\x7e]{1,100}$/.test(src.trim()) ? src.trim() : undefined;
    const windowSeconds = remaining.windowSeconds ?? limit?.windowSeconds;
    return {
        remaining: remaining.value,
        ...(limit ? { limit: limit.value } : {}),
        ...(windowSeconds !== undefined ? { windowSeconds } : {}),
        ...(source !== undefined ? { source } : {}),
    };
}
/**
 * Per-registry counters of several shards (merge.ts), summed; the window as the lowest start and
 * minimum and the last final; the pull limit with the fewest pulls left. Read defensively: a
 * shard's file is JSON from elsewhere, and a field that is not a count is left out.
 */
function mergeRegistryStats(shards) {
    const out = {};
    const count = (v) => Number.isSafeInteger(v) && v >= 0 ? v : 0;
    for (const shard of shards) {
        if (typeof shard !== 'object' || shard === null)
            continue;
        for (const [host, st] of Object.entries(shard)) {
            if (typeof st !== 'object' || st === null)
                continue;
            const c = (st.concurrency ?? {});
            const prev = Object.hasOwn(out, host) ? out[host] : undefined;
            const next = {
                requests: (prev?.requests ?? 0) + count(st.requests),
                pulls: (prev?.pulls ?? 0) + count(st.pulls),
                rateLimited: (prev?.rateLimited ?? 0) + count(st.rateLimited),
                retries: (prev?.retries ?? 0) + count(st.retries),
                bytes: (prev?.bytes ?? 0) + count(st.bytes),
                waitMs: (prev?.waitMs ?? 0) + count(st.waitMs),
                concurrency: {
                    start: Math.min(prev?.concurrency.start ?? Infinity, count(c.start)),
                    min: Math.min(prev?.concurrency.min ?? Infinity, count(c.min)),
                    final: count(c.final),
                },
            };
            const r = st.rateLimit;
            const best = r &&
                Number.isSafeInteger(r.remaining) &&
                (!prev?.rateLimit || r.remaining < prev.rateLimit.remaining)
                ? r
                : prev?.rateLimit;
            if (best)
                next.rateLimit = best;
            Object.defineProperty(out, host, {
                value: next,
                enumerable: true,
                writable: true,
                configurable: true,
            });
        }
    }
    return Object.keys(out).length > 0 ? out : undefined;
}
//# sourceMappingURL=governor.js.map

/***/ }),

/***/ 83431:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mj: () => (/* binding */ DOCKER_HUB_CONFIG_KEY),
/* harmony export */   Qd: () => (/* binding */ apiHostFor),
/* harmony export */   ar: () => (/* binding */ assertRealmAllowed),
/* harmony export */   cS: () => (/* binding */ normalizeHost),
/* harmony export */   gr: () => (/* binding */ isDockerHub)
/* harmony export */ });
/* unused harmony export DOCKER_HUB_API_HOST */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
/* harmony import */ var _net_addresses_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45166);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81514);
// Which host we talk to for a registry name, over which scheme, and where its token realm may
// point. The address rules themselves (loopback, link-local, metadata) are net/addresses.ts.



const DOCKER_HUB_NAMES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
/** The server URL Docker tools file Docker Hub credentials under. */
const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
/** normalizeHost's answers by input: a batch names a few registries thousands of times. */
const normalized = new Map();
const NORMALIZED_KEPT = 256;
/** `host[:port]` in lower case from a registry name, `https://host/path` URL or config key. */
function normalizeHost(s) {
    // A pure function of the string, so a remembered answer is the same answer (two URL parses
    // and three regular expressions per call, several calls per request).
    if (normalized.has(s))
        return normalized.get(s);
    const h = normalizeHostUncached(s);
    if (normalized.size >= NORMALIZED_KEPT)
        normalized.clear();
    normalized.set(s, h);
    return h;
}
function normalizeHostUncached(s) {
    let v = s.trim();
    if (v === '')
        return undefined;
    const bare = !/^[a-z][a-z0-9+.-]*:\/\//i.test(v);
    if (bare)
        v = `https://${v}`;
    let u;
    try {
        u = new URL(v);
        // A bare loopback name is spoken to over http (isPlainHttpAllowed), so its default port is
        // 80, not 443: `localhost:443` is another server than `localhost`, `localhost:80` the same.
        if (bare && (0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_1__/* .isLoopbackHost */ .cW)(u.host))
            u = new URL(`http://${s.trim()}`);
    }
    catch {
        return undefined;
    }
    if (u.username !== '' || u.password !== '' || u.host === '')
        return undefined;
    // URL drops default ports (https://h:443 \u2192 h) and spells IPs one way (127.000.000.001 \u2192
    // 127.0.0.1, [0:0::1] \u2192 [::1]); an IPv4-mapped IPv6 address is the IPv4 host it reaches.
    const host = u.host.toLowerCase().replace(/\.(?=(:\d+)?$)/, '');
    const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\](:\d+)?$/.exec(host);
    if (!mapped)
        return host;
    const [hi, lo] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}${mapped[3] ?? ''}`;
}
function isDockerHub(host) {
    return DOCKER_HUB_NAMES.has(host);
}
/** The host that serves the API for a registry name: Docker Hub's names map to registry-1. */
function apiHostFor(host) {
    return isDockerHub(host) ? DOCKER_HUB_API_HOST : host;
}
/** The token realm must be https unless the registry itself may use http, and not local/metadata. */
function assertRealmAllowed(realm, registryHost, insecureRegistries) {
    let url;
    try {
        url = new URL(realm);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('INSECURE', `token realm ${(0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(realm)} of registry ${registryHost} is not a URL`, { cause: e });
    }
    if (url.protocol === 'http:' && !(0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainHttpAllowed */ .p2)(registryHost, insecureRegistries)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('INSECURE', `token realm ${(0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(realm)} of https registry ${registryHost} uses plain http`);
    }
    (0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_1__/* .assertTargetAllowed */ .AQ)(url, registryHost, insecureRegistries, 'token realm');
    return url;
}
//# sourceMappingURL=hosts.js.map

/***/ }),

/***/ 7268:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ux: () => (/* binding */ finishReport),
/* harmony export */   dj: () => (/* binding */ canonicalJson),
/* harmony export */   oM: () => (/* binding */ githubRunOf),
/* harmony export */   p1: () => (/* binding */ policyDigest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62807);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14486);
/* harmony import */ var _report_outcome_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62683);
// Finishing a run's report: schema, tool, run id, GitHub run, outcome, and the policy digest
// (sha256 of the canonical JSON of the normalised policy section) that merge checks shards by.




/** The GitHub Actions run a shard ran in, from the runner's environment; undefined elsewhere. */
function githubRunOf(env) {
    if (!env.GITHUB_RUN_ID)
        return undefined;
    return {
        runId: env.GITHUB_RUN_ID,
        ...(env.GITHUB_RUN_ATTEMPT ? { runAttempt: env.GITHUB_RUN_ATTEMPT } : {}),
        ...(env.GITHUB_JOB ? { job: env.GITHUB_JOB } : {}),
    };
}
function finishReport(partial) {
    const outcome = (0,_report_outcome_js__WEBPACK_IMPORTED_MODULE_3__/* .reportOutcome */ .Rq)(partial);
    return {
        schemaVersion: _report_js__WEBPACK_IMPORTED_MODULE_2__/* .REPORT_SCHEMA_VERSION */ .WI,
        tool: _report_js__WEBPACK_IMPORTED_MODULE_2__/* .TOOL */ .js,
        runId: partial.runId ?? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(),
        policyDigest: policyDigest(partial.policy),
        ...(partial.github ? { github: partial.github } : {}),
        ...(partial.shard ? { shard: partial.shard } : {}),
        startedAt: partial.startedAt,
        finishedAt: new Date().toISOString(),
        policy: partial.policy,
        verified: outcome === 'verified',
        outcome,
        ...(partial.error ? { error: partial.error } : {}),
        ...(partial.warnings?.length ? { warnings: partial.warnings } : {}),
        ...(partial.stats ? { stats: partial.stats } : {}),
        ...(partial.revocations ? { revocations: partial.revocations } : {}),
        ...(partial.summaries ? { summaries: partial.summaries } : {}),
        results: partial.results,
    };
}
/**
 * `sha256:` + hex SHA-256 of the canonical JSON of the report's policy section after
 * normalisation: arrays that are sets (keys, identities, attestation types and signers, each
 * rule's keys, identities and attestation types) are sorted by their canonical JSON; every other array keeps its
 * order (policy-file rules and their image patterns are matched first to last). Canonical JSON:
 * object keys sorted by UTF-16 code units at every level, no whitespace, strings and numbers as
 * JSON.stringify writes them, undefined members left out (RFC 8785 for the values a policy holds).
 * The section holds only what was required (keys by reference, key ID and validity, identities
 * and their extension checks, tlog/SCT, require-all-keys, require-signature, trust root,
 * platforms, attestation types, conditions, signers and GitHub source, policy-file rules), never
 * run settings (concurrency, timeout, fail-fast, output, registry credentials), so shards of one
 * policy share the digest and merge can recompute it from the section it sits next to.
 */
function policyDigest(policy) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(canonicalJson(normalisePolicy(policy)))
        .digest('hex')}`;
}
function normalisePolicy(p) {
    // A shard's file is read as JSON: a non-array here is hashed as it stands, never thrown on.
    const set = (xs) => Array.isArray(xs)
        ? xs
            .slice()
            .sort((a, b) => compareCodeUnits(canonicalJson(a), canonicalJson(b)))
        : xs;
    return {
        ...p,
        keys: set(p.keys),
        identities: set(p.identities),
        ...(p.attestations
            ? {
                attestations: {
                    ...p.attestations,
                    types: set(p.attestations.types),
                    signerKeys: set(p.attestations.signerKeys),
                    signerIdentities: set(p.attestations.signerIdentities),
                },
            }
            : {}),
        ...(p.policyFile
            ? {
                policyFile: {
                    ...p.policyFile,
                    rules: p.policyFile.rules.map((r) => ({
                        ...r,
                        keys: set(r.keys),
                        attestationKeys: set(r.attestationKeys),
                        identities: set(r.identities),
                        attestationIdentities: set(r.attestationIdentities),
                        attestations: set(r.attestations),
                    })),
                },
            }
            : {}),
    };
}
const compareCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Canonical JSON (see policyDigest); throws on values JSON cannot hold. */
function canonicalJson(v) {
    if (v === null || typeof v === 'boolean' || typeof v === 'string')
        return JSON.stringify(v);
    if (typeof v === 'number') {
        if (!Number.isFinite(v))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('INTERNAL', `canonical JSON: ${v} is not a JSON number`);
        return JSON.stringify(v);
    }
    if (Array.isArray(v))
        return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
    if (typeof v === 'object') {
        const entries = Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => compareCodeUnits(a, b));
        return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('INTERNAL', `canonical JSON: a ${typeof v} is not JSON`);
}
//# sourceMappingURL=report-finish.js.map

/***/ }),

/***/ 22637:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OE: () => (/* binding */ parseS3loReference),
/* harmony export */   Rn: () => (/* binding */ manifestKey),
/* harmony export */   a7: () => (/* binding */ formatS3loRef),
/* harmony export */   cx: () => (/* binding */ signatureKey),
/* harmony export */   r1: () => (/* binding */ s3loSigningPayload),
/* harmony export */   sl: () => (/* binding */ localRootPrefix)
/* harmony export */ });
/* unused harmony export manifestsPrefix */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
// s3lo image references (`s3://bucket/image:tag`, `local://root/image:tag`), parsed the way
// s3lo's pkg/ref does, plus the object keys and the v2 signing payload derived from them.

const PIN_DIGEST = /^sha256:[0-9a-f]{64}$/;
// s3lo's own digest grammar; anything it accepts but we cannot compare gets a precise message.
const S3LO_DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,128}$/;
// Control characters and whitespace would change the line structure of the signed payload.
const UNSAFE_CHARS = /[\s\p{Cc}]/u;
/**
 * Parse as s3lo's `ref.Parse` does, with the rules its `verify` command adds: a tag is required
 * (s3lo's `requireTag`). One extension: `image:tag@sha256:<hex>` pins the tag to a manifest digest
 * (s3lo itself would read `image:tag` as an image name there); a bare `image@sha256:` is refused,
 * because s3lo signatures are made for tags.
 */
function parseS3loReference(input) {
    const fail = (what) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('REF_INVALID', `${input}: ${what}`);
    };
    let scheme;
    let rest;
    if (input.startsWith('s3://')) {
        scheme = 's3';
        rest = input.slice('s3://'.length);
    }
    else if (input.startsWith('local://')) {
        scheme = 'local';
        rest = input.slice('local://'.length);
    }
    else if (input.startsWith('gs://') || input.startsWith('az://')) {
        return fail(`${input.slice(0, 5)} s3lo stores are not supported (only s3:// and local://)`);
    }
    else {
        return fail('not an s3lo reference (must start with s3:// or local://)');
    }
    if (UNSAFE_CHARS.test(input))
        fail('contains whitespace or control characters');
    const [bucket, imageAndTag] = splitBucketPath(scheme, rest, fail);
    if (bucket === '')
        fail('empty bucket');
    if (imageAndTag === '' || imageAndTag === '/')
        fail('missing image name');
    let namePart = imageAndTag;
    let digest;
    const at = imageAndTag.indexOf('@');
    if (at >= 0) {
        namePart = imageAndTag.slice(0, at);
        digest = imageAndTag.slice(at + 1);
        if (!S3LO_DIGEST.test(digest)) {
            fail(`malformed digest '${digest}' (want sha256:<64 hex chars>)`);
        }
        if (!PIN_DIGEST.test(digest)) {
            fail(`digest '${digest}' cannot be checked (only lower-case sha256:<64 hex chars>)`);
        }
    }
    const colon = namePart.lastIndexOf(':');
    if (colon < 0) {
        fail(digest === undefined
            ? `missing tag (e.g. ${input}:latest)`
            : `a tag is required: s3lo signs tags, so write image:tag@${digest}`);
    }
    const image = namePart.slice(0, colon);
    const tag = namePart.slice(colon + 1);
    if (tag === '')
        fail("empty tag after ':'");
    validateImage(image, fail);
    if (!safeSegment(tag)) {
        fail(`illegal tag '${tag}' (a tag must be a single path segment and cannot be "." or "..")`);
    }
    const ref = { scheme, bucket, image, tag, raw: input };
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
function safeSegment(s) {
    return s !== '' && s !== '.' && s !== '..' && !s.includes('/') && !s.includes('\\');
}
function validateImage(image, fail) {
    if (image === '')
        fail('empty image name');
    for (const part of image.split('/')) {
        if (!safeSegment(part)) {
            fail(`illegal image name '${image}': component '${part}' is not a valid path segment`);
        }
    }
}
/** Length of the `./`, `../` or `/` a local:// storage root starts with (0 for none). */
function localRootPrefix(rest) {
    if (rest.startsWith('./'))
        return 2;
    if (rest.startsWith('../'))
        return 3;
    return rest.startsWith('/') ? 1 : 0;
}
// For local:// the storage root is ONE component; a leading ./, ../ or / is kept with it, so
// local:///var/lib/x/app:t means root "/var" and image "lib/x/app" (s3lo's documented limit).
function splitBucketPath(scheme, rest, fail) {
    if (scheme === 'local') {
        const prefixLen = localRootPrefix(rest);
        if (prefixLen > 0) {
            const i = rest.indexOf('/', prefixLen);
            if (i < 0)
                fail(`missing image path after storage root '${rest}'`);
            return [rest.slice(0, i), rest.slice(i + 1)];
        }
    }
    const i = rest.indexOf('/');
    if (i < 0)
        fail('missing image path');
    return [rest.slice(0, i), rest.slice(i + 1)];
}
/** `manifests/<image>/<tag>/`: where s3lo keeps a tag's manifest and signature records. */
function manifestsPrefix(ref) {
    return `manifests/${ref.image}/${ref.tag}/`;
}
function manifestKey(ref) {
    return `${manifestsPrefix(ref)}manifest.json`;
}
function signatureKey(ref, keyID) {
    return `${manifestsPrefix(ref)}signatures/${keyID}.json`;
}
/** The reference without any digest pin, as s3lo prints it: `s3://bucket/image:tag`. */
function formatS3loRef(ref) {
    return `${ref.scheme}://${ref.bucket}/${ref.image}:${ref.tag}`;
}
/**
 * The bytes an s3lo v2 signature covers. Always built from the reference being verified and the
 * digest of the manifest just read, never from a stored record, so a signature cannot move to
 * another bucket, image or tag, nor survive the tag being pointed at another manifest.
 */
function s3loSigningPayload(ref, digest) {
    return Buffer.from(`s3lo-signature-v2\n${ref.bucket}/${ref.image}:${ref.tag}\n${digest}\n`, 'utf8');
}
//# sourceMappingURL=reference.js.map

/***/ }),

/***/ 31998:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xm: () => (/* binding */ selectShard),
/* harmony export */   hH: () => (/* reexport safe */ _shard_spec_js__WEBPACK_IMPORTED_MODULE_2__.h),
/* harmony export */   wM: () => (/* binding */ emptyShardWarning)
/* harmony export */ });
/* unused harmony exports canonicalReference, shardKey, shardBucket, shardSetDigest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68687);
/* harmony import */ var _shard_spec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60568);
// Deterministic sharding (`shard: I/N`): every matrix job is given the same list (or manifests)
// and keeps the images whose canonical reference hashes into its shard, so no job needs a list
// of its own and merge can check that the shards together are the whole list, once.



/**
 * The reference in one spelling (src/core/reference.ts): Docker Hub names expanded to
 * `index.docker.io/library/\u2026`, the registry lower-cased and its default port dropped, `latest`
 * applied when no tag or digest is given; text that does not parse stands as written (it is
 * one image, an error in whichever shard it falls into).
 */
function canonicalReference(image) {
    try {
        return (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .referenceIdentity */ .w$)((0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(image));
    }
    catch {
        return image;
    }
}
/**
 * What decides the shard: the canonical reference, except that a registry or oci-layout
 * reference with a digest is hashed by `name@digest` alone (the tag does not choose what is
 * fetched, so `app:v1@sha256:x` and `app@sha256:x` share a shard and are verified once). s3lo
 * references keep their tag: s3lo signs tags.
 */
function shardKey(image) {
    let ref;
    try {
        ref = (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(image);
    }
    catch {
        return image;
    }
    if (ref.kind !== 's3lo' && ref.digest !== undefined)
        return `${ref.identity}@${ref.digest}`;
    return (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .referenceIdentity */ .w$)(ref);
}
/**
 * The shard (1..count) a key falls into: SHA-256 of its UTF-8 bytes, the first 8 bytes read as
 * an unsigned big-endian integer, modulo `count`, plus 1. Stable across runs, machines and
 * versions: changing it would split one list differently between jobs of one workflow.
 */
function shardBucket(key, count) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key, 'utf8').digest();
    return Number(h.readBigUInt64BE(0) % BigInt(count)) + 1;
}
/** `sha256:` of the canonical references, sorted by code unit, each followed by `\n`. */
function shardSetDigest(canonical) {
    const sorted = [...canonical].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(sorted.map((c) => `${c}\n`).join(''), 'utf8')
        .digest('hex')}`;
}
/**
 * The images of shard `spec.index`, in list order, and what the report records. Two spellings
 * of one canonical reference are one image (the first spelling kept) before the list is split,
 * so every image is in exactly one shard and the shards' results add up to `totalImages`.
 */
function selectShard(images, spec) {
    const seen = new Set();
    const distinct = [];
    for (const image of images) {
        const c = canonicalReference(image);
        if (seen.has(c))
            continue;
        seen.add(c);
        distinct.push(image);
    }
    return {
        images: distinct.filter((i) => shardBucket(shardKey(i), spec.count) === spec.index),
        info: { ...spec, totalImages: distinct.length, setDigest: shardSetDigest([...seen]) },
    };
}
/** The warning of a shard the list gave no image (merge leaves it out of the merged report). */
function emptyShardWarning(info) {
    return `shard ${info.index}/${info.count}: none of the ${info.totalImages} images of the list falls into this shard; it verified nothing (the merged shards give the verdict)`;
}
//# sourceMappingURL=shard.js.map

/***/ }),

/***/ 87216:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HV: () => (/* binding */ VERIFIER_ID),
/* harmony export */   OW: () => (/* binding */ summaryStatement),
/* harmony export */   cF: () => (/* binding */ VSA_PREDICATE_TYPE),
/* harmony export */   tV: () => (/* binding */ IN_TOTO_STATEMENT_V1)
/* harmony export */ });
/* unused harmony exports OPTIONS_POLICY_URI, summarizable, buildLevels */
/* harmony import */ var _attestations_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25129);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14486);
// A SLSA verification summary (VSA v1) of one judged image, as an in-toto Statement v1: pure, from
// the image's result and the run's policy digest; signing (sign.ts) and pushing (push.ts) are apart.


const VSA_PREDICATE_TYPE = 'https://slsa.dev/verification_summary/v1';
const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
/** `verifier.id`: who verified, image-gate's URI (report.ts TOOL_URI). */
const VERIFIER_ID = _report_js__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_URI */ .qH;
/** `policy.uri` when the policy is the run's options rather than a file. */
const OPTIONS_POLICY_URI = 'urn:image-gate:policy:options';
/**
 * The images a summary is made for: judged (verified, failed or warned) and pinned to a digest.
 * Not an image this run admitted on a summary: it verified nothing, and a new summary stamped
 * with this run's time would restart the age `summary-max-age` holds the last full verification
 * to, run after run (a gate that admits and signs would never verify again).
 */
function summarizable(r) {
    return (r.digest !== undefined &&
        r.pinned !== undefined &&
        r.acceptedSummary === undefined &&
        (r.outcome === 'verified' || r.outcome === 'failed' || r.outcome === 'warned'));
}
/** The statement for one judged image; undefined for one that was not judged (see summarizable). */
function summaryStatement(r, run) {
    if (!summarizable(r))
        return undefined;
    const passed = r.outcome === 'verified';
    const predicate = {
        verifier: { id: run.verifierId ?? VERIFIER_ID, version: { [_report_js__WEBPACK_IMPORTED_MODULE_1__/* .TOOL */ .js.name]: _report_js__WEBPACK_IMPORTED_MODULE_1__/* .TOOL */ .js.version } },
        timeVerified: run.timeVerified,
        resourceUri: r.image,
        policy: { uri: run.policyFile ?? OPTIONS_POLICY_URI, digest: digestSet(run.policyDigest) },
        inputAttestations: (r.inputs ?? []).map((i) => ({ uri: i.uri, digest: digestSet(i.digest) })),
        verificationResult: passed ? 'PASSED' : 'FAILED',
        verifiedLevels: passed ? buildLevels(r) : ['FAILED'],
        slsaVersion: '1.0',
    };
    return {
        _type: IN_TOTO_STATEMENT_V1,
        subject: [{ name: subjectName(r.pinned ?? ''), digest: digestSet(r.digest) }],
        predicateType: VSA_PREDICATE_TYPE,
        predicate,
    };
}
/**
 * The SLSA build level the evidence shows, conservatively: L1 when a required SLSA provenance
 * attestation verified and met its conditions (provenance exists and names these bytes). L2 and
 * L3 are claims about the build platform (hosted; provenance it alone can sign), which the
 * verifier would have to be told to trust a builder for; image-gate has no such setting, so it
 * never claims them.
 */
function buildLevels(r) {
    const slsa = [_attestations_types_js__WEBPACK_IMPORTED_MODULE_0__/* .PREDICATE */ .W3.slsaV1, _attestations_types_js__WEBPACK_IMPORTED_MODULE_0__/* .PREDICATE */ .W3.slsaV02];
    const provenance = r.attestations.some((a) => a.verified &&
        slsa.includes(a.predicateType) &&
        (a.satisfies ?? []).includes(a.predicateType) &&
        (a.checks ?? []).every((c) => c.ok));
    return provenance ? ['SLSA_BUILD_LEVEL_1'] : [];
}
/** `registry/repository` of a pinned `registry/repository@sha256:\u2026` reference. */
function subjectName(pinned) {
    const at = pinned.lastIndexOf('@');
    return at < 0 ? pinned : pinned.slice(0, at);
}
/** `sha256:<hex>` as an in-toto DigestSet. */
function digestSet(digest) {
    const i = digest.indexOf(':');
    return { [digest.slice(0, i)]: digest.slice(i + 1) };
}
//# sourceMappingURL=statement.js.map

/***/ })

};

//# sourceMappingURL=715.index.js.map