export const id = 744;
export const ids = [744];
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

/***/ 15744:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   REPORT_BUNDLE_SUFFIX: () => (/* binding */ REPORT_BUNDLE_SUFFIX),
/* harmony export */   REPORT_PREDICATE_TYPE: () => (/* binding */ REPORT_PREDICATE_TYPE),
/* harmony export */   reportBundlePath: () => (/* binding */ reportBundlePath),
/* harmony export */   reportSigner: () => (/* binding */ reportSigner),
/* harmony export */   reportStatement: () => (/* binding */ reportStatement),
/* harmony export */   reportStatementProblem: () => (/* binding */ reportStatementProblem),
/* harmony export */   shardSignerPolicy: () => (/* binding */ shardSignerPolicy),
/* harmony export */   signReportFile: () => (/* binding */ signReportFile),
/* harmony export */   verifyReportSignature: () => (/* binding */ verifyReportSignature)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62807);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(40332);
/* harmony import */ var _signatures_strict_json_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56086);
/* harmony import */ var _statement_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(87216);
// A shard's report, signed: an in-toto Statement whose one subject is the report file's exact
// bytes (sha256), predicate type REPORT_PREDICATE_TYPE, DSSE-signed by the summaries' signer into
// FILE.sigstore.json beside it. `merge --shard-key | --shard-identity` verifies each shard's
// bundle under that signer and refuses an unsigned, foreign or edited report, naming the file.







/** Our own predicate type: "this file is an image-gate report, as the run wrote it". */
const REPORT_PREDICATE_TYPE = `${_statement_js__WEBPACK_IMPORTED_MODULE_6__/* .VERIFIER_ID */ .HV}/report/v1`;
/** The bundle of `report.json` is `report.json.sigstore.json`, as for a revocation list. */
const REPORT_BUNDLE_SUFFIX = '.sigstore.json';
const reportBundlePath = (file) => `${file}${REPORT_BUNDLE_SUFFIX}`;
const sha256Hex = (bytes) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
/** The statement over a report file's bytes (pure). */
function reportStatement(bytes, name, report) {
    const predicate = {
        runId: report.runId,
        policyDigest: report.policyDigest,
        outcome: report.outcome,
        ...(report.shard ? { shard: report.shard } : {}),
    };
    return {
        _type: _statement_js__WEBPACK_IMPORTED_MODULE_6__/* .IN_TOTO_STATEMENT_V1 */ .tV,
        subject: [{ name, digest: { sha256: sha256Hex(bytes) } }],
        predicateType: REPORT_PREDICATE_TYPE,
        predicate,
    };
}
/**
 * What makes `statement` no signature of exactly these report bytes, or undefined (pure). The
 * subject name is not compared: download-artifact may leave the shards under other names.
 */
function reportStatementProblem(statement, bytes) {
    if (statement === undefined)
        return 'its bundle is a message signature, not a signed statement';
    if (statement._type !== _statement_js__WEBPACK_IMPORTED_MODULE_6__/* .IN_TOTO_STATEMENT_V1 */ .tV)
        return `its signed statement is of type ${JSON.stringify(statement._type)}, not ${_statement_js__WEBPACK_IMPORTED_MODULE_6__/* .IN_TOTO_STATEMENT_V1 */ .tV}`;
    if (statement.predicateType !== REPORT_PREDICATE_TYPE)
        return `its signed statement has predicate type ${JSON.stringify(statement.predicateType)}, not ${REPORT_PREDICATE_TYPE} (it signs something else than a report)`;
    const subjects = Array.isArray(statement.subject) ? statement.subject : [];
    if (subjects.length !== 1)
        return `its signed statement names ${subjects.length} subjects; a report signature names the report alone`;
    const signed = subjects[0]?.digest?.sha256;
    const actual = sha256Hex(bytes);
    if (signed !== actual)
        return `was edited after signing: its bytes have sha256:${actual} but the signature covers sha256:${String(signed)}`;
    return undefined;
}
/**
 * Signs the report file as written (its bytes read back, so the signature covers exactly what is
 * on disk) with the summaries' signer; returns the bundle's path. Failures are USAGE or NETWORK.
 */
async function signReportFile(file, report, signing, deps) {
    let bytes;
    try {
        bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue('USAGE', `sign-summary: cannot read the report ${file} back to sign it`, {
            cause: e,
        });
    }
    const { createSummarySigner } = await Promise.all(/* import() */[__webpack_require__.e(104), __webpack_require__.e(335), __webpack_require__.e(179), __webpack_require__.e(780)]).then(__webpack_require__.bind(__webpack_require__, 56780));
    const signer = await createSummarySigner(signing, deps);
    const bundle = await signer.sign(reportStatement(bytes, node_path__WEBPACK_IMPORTED_MODULE_2__.basename(file), report));
    const out = reportBundlePath(file);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(out, `${JSON.stringify(bundle)}\n`);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue('USAGE', `sign-summary: cannot write ${out}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .toGateError */ .Vl)(e).message}`, {
            cause: e,
        });
    }
    return out;
}
/** The verifier policy for shard reports: the one signer, its Rekor entry always required. */
function shardSignerPolicy(s, key) {
    return {
        keys: key ? [key] : [],
        identities: s.identity !== undefined && s.issuer !== undefined
            ? [{ subject: { exact: s.identity }, issuer: { exact: s.issuer } }]
            : [],
        requireTlog: true,
        requireSct: true,
    };
}
/**
 * Verifies `file`'s bundle over `bytes` under `verifier`: exit-2 refusals (USAGE) naming the file
 * for a missing or unreadable bundle, another signer, a bad log entry, another predicate type and
 * bytes changed after signing. Returns the record the merged report lists.
 */
async function verifyReportSignature(file, bytes, verifier) {
    const refuse = (why, cause) => new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue('USAGE', `merge: ${file} ${why}`, cause === undefined ? undefined : { cause });
    const bundleFile = reportBundlePath(file);
    let raw;
    try {
        raw = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(bundleFile);
    }
    catch (e) {
        throw refuse(`is not signed: no signature bundle ${bundleFile} (sign shard reports with sign-summary or summary-key)`, e);
    }
    if (raw.length > _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.bundleBytes)
        throw refuse(`has a signature bundle ${bundleFile} over ${_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.bundleBytes} bytes`);
    let json;
    try {
        json = (0,_signatures_strict_json_js__WEBPACK_IMPORTED_MODULE_5__/* .parseStrictJsonBytes */ .ml)(raw);
    }
    catch (e) {
        throw refuse(`has a signature bundle ${bundleFile} that is not JSON`, e);
    }
    // The claimed statement first, only to say plainly what is wrong (an edit, another predicate);
    // the verified one below is what counts.
    const claimed = unverifiedStatement(json);
    const early = claimed ? reportStatementProblem(claimed, bytes) : undefined;
    if (early)
        throw refuse(early);
    let ev;
    try {
        ev = verifier.verifyBundle(json, { digest: `sha256:${sha256Hex(bytes)}` }, 'bundle-tag');
    }
    catch (e) {
        throw refuse(`is not signed by the shard signer: ${bundleFile} does not verify: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .toGateError */ .Vl)(e).message}`, e);
    }
    const problem = reportStatementProblem(ev.statement, bytes);
    if (problem)
        throw refuse(problem);
    return {
        file,
        digest: `sha256:${sha256Hex(bytes)}`,
        signer: ev.kind === 'key'
            ? `key ${ev.keyRef ?? ''} (${ev.keyID ?? ''})`
            : `${ev.identity ?? ''} (${ev.issuer ?? ''})`,
    };
}
/** The DSSE payload of a bundle as JSON, unverified; undefined when it has none or is not JSON. */
function unverifiedStatement(bundle) {
    const env = bundle?.dsseEnvelope;
    if (typeof env?.payload !== 'string')
        return undefined;
    try {
        const s = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8'));
        return typeof s === 'object' && s !== null ? s : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The report signer of a run, when it signs summaries: both front ends call it on the report file
 * they wrote. A run that could not start (report.error) has nothing a merge could use; unsigned.
 */
function reportSigner(summaries, deps) {
    if (!summaries)
        return undefined;
    return (file, report) => report.error
        ? Promise.resolve(undefined)
        : signReportFile(file, report, summaries.signing, {
            ...deps,
            ...(summaries.signingConfig ? { signingConfig: summaries.signingConfig } : {}),
        });
}
//# sourceMappingURL=report-signature.js.map

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

//# sourceMappingURL=744.index.js.map