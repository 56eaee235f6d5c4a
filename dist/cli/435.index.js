export const id = 435;
export const ids = [435];
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
    /** For messages: `image registry/app@sha256:…`, `run`. */
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

/***/ 74194:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mergeReportFiles: () => (/* binding */ mergeReportFiles)
/* harmony export */ });
/* unused harmony exports loadReports, mergeReports */
/* harmony import */ var _registry_governor_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48844);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62807);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(14486);
/* harmony import */ var _report_finish_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7268);
/* harmony import */ var _report_outcome_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(62683);
/* harmony import */ var _shard_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(31998);
// Merging shard reports from a job matrix into one verdict: reads report files (or folders of
// them, as download-artifact leaves them), checks each is an image-gate report, then merges.









const MAX_REPORT_BYTES = 64 * 1024 * 1024;
/** Report files named directly, and every `*.json` in a named directory (sorted, not recursive). */
async function loadReports(paths) {
    if (paths.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', 'merge: no report files given');
    const files = [];
    for (const p of paths) {
        let st;
        try {
            st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(p);
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: no file or directory at ${p}`, { cause: e });
        }
        if (st.isDirectory()) {
            const names = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(p)).filter((n) => n.endsWith('.json')).sort();
            if (names.length === 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${p} holds no .json reports`);
            files.push(...names.map((n) => node_path__WEBPACK_IMPORTED_MODULE_3__.join(p, n)));
        }
        else
            files.push(p);
    }
    return Promise.all(files.map(async (file) => ({ file, report: await readReport(file) })));
}
const OUTCOMES = ['verified', 'failed', 'error', 'warned'];
const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;
async function readReport(file) {
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(file);
    if (st.size > MAX_REPORT_BYTES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${file} is ${st.size} bytes, over ${MAX_REPORT_BYTES}`);
    let doc;
    try {
        doc = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(file, 'utf8'));
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${file} is not JSON`, { cause: e });
    }
    const r = doc;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !('schemaVersion' in r))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${file} is not an image-gate report (no schemaVersion; expected ${_report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_SCHEMA_VERSION */ .W})`);
    // An older report has no runId or policyDigest: merging it could double-count or mix policies.
    if (r.schemaVersion !== _report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_SCHEMA_VERSION */ .W)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${file} is report schema ${JSON.stringify(r.schemaVersion)}, this image-gate reads and writes ${_report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_SCHEMA_VERSION */ .W} (with runId and policyDigest); re-run that shard with this version`);
    const bad = (what) => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${file} is not a valid image-gate report: ${what}`);
    if (!Array.isArray(r.results))
        throw bad('results is not a list');
    if (typeof r.startedAt !== 'string' || typeof r.finishedAt !== 'string')
        throw bad('startedAt/finishedAt missing');
    if (typeof r.runId !== 'string' || r.runId === '')
        throw bad('runId missing');
    if (typeof r.policyDigest !== 'string' || !DIGEST_RE.test(r.policyDigest))
        throw bad(`policyDigest ${JSON.stringify(r.policyDigest ?? null)} is not sha256:<64 hex>`);
    if (typeof r.policy !== 'object' || r.policy === null || Array.isArray(r.policy))
        throw bad('policy missing');
    if (!OUTCOMES.includes(r.outcome) || typeof r.verified !== 'boolean')
        throw bad('outcome/verified missing');
    if (r.error !== undefined &&
        (typeof r.error !== 'object' ||
            r.error === null ||
            typeof r.error.code !== 'string' ||
            typeof r.error.message !== 'string'))
        throw bad('error is not {code, message}');
    if (r.mergedRunIds !== undefined &&
        (!Array.isArray(r.mergedRunIds) ||
            r.mergedRunIds.length === 0 ||
            !r.mergedRunIds.every((id) => typeof id === 'string' && id !== '')))
        throw bad('mergedRunIds is not a list of run ids');
    if (r.shard !== undefined && !validShard(r.shard))
        throw bad('shard is not {index, count, totalImages, setDigest} with 1 ≤ index ≤ count');
    for (const [i, res] of r.results.entries()) {
        if (typeof res !== 'object' ||
            res === null ||
            typeof res.image !== 'string' ||
            !['verified', 'failed', 'error', 'skipped', 'allowed', 'warned'].includes(res.outcome) ||
            typeof res.verified !== 'boolean' ||
            res.verified !== (res.outcome === 'verified'))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${file} results[${i}] is not a valid image result`);
    }
    return doc;
}
function validShard(s) {
    if (typeof s !== 'object' || s === null || Array.isArray(s))
        return false;
    const { index, count, totalImages, setDigest } = s;
    const whole = (n) => typeof n === 'number' && Number.isSafeInteger(n);
    return (whole(index) &&
        whole(count) &&
        whole(totalImages) &&
        index >= 1 &&
        index <= count &&
        count <= _shard_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_SHARDS */ .hH &&
        totalImages >= 1 &&
        typeof setDigest === 'string' &&
        DIGEST_RE.test(setDigest));
}
/**
 * Loads and merges; the merged report is a pure function of the files' contents (and a fresh
 * run id). Refusals name the files (see mergeReports).
 */
async function mergeReportFiles(paths) {
    const loaded = await loadReports(paths);
    return mergeReports(loaded.map((l) => l.report), loaded.map((l) => l.file));
}
/**
 * Merge shard reports (one per matrix job) into one verdict; a pure function of its inputs.
 * Refuses (USAGE, naming the shards by `names`) shards verified under another policy, of
 * another schema, copies of one run, and an image verified in two shards. The outcome is
 * recomputed from the results; a shard whose stored outcome disagrees with them is refused.
 */
function mergeReports(reports, names = reports.map((_, i) => `report ${i + 1}`)) {
    if (reports.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', 'merge: no reports to merge');
    checkShardSet(reports, names);
    checkShards(reports, names);
    const results = reports.flatMap((r) => r.results);
    const error = reports.find((r) => r.error)?.error;
    const outcome = results.some((r) => r.outcome === 'failed')
        ? 'failed'
        : error
            ? 'error'
            : (0,_report_outcome_js__WEBPACK_IMPORTED_MODULE_8__/* .overallOutcome */ .iB)(results);
    // An empty shard's own warning says to merge; the merged report is that merge.
    const warnings = [
        ...new Set(reports.flatMap((r) => (r.warnings ?? []).filter((w) => !(r.shard && w === (0,_shard_js__WEBPACK_IMPORTED_MODULE_7__/* .emptyShardWarning */ .wM)(r.shard))))),
    ];
    const startedAt = reports.map((r) => r.startedAt).sort()[0];
    const finishedAt = reports
        .map((r) => r.finishedAt)
        .sort()
        .at(-1);
    return {
        schemaVersion: _report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_SCHEMA_VERSION */ .W,
        tool: _report_js__WEBPACK_IMPORTED_MODULE_5__/* .TOOL */ .j,
        runId: (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)(),
        policyDigest: reports[0].policyDigest,
        mergedRunIds: reports.flatMap(runIdsOf),
        startedAt,
        finishedAt,
        policy: reports[0].policy,
        verified: outcome === 'verified',
        outcome,
        ...(error ? { error } : {}),
        ...(warnings.length ? { warnings } : {}),
        ...(reports.some((r) => r.stats)
            ? {
                stats: {
                    registryRequests: reports.reduce((n, r) => n + (r.stats?.registryRequests ?? 0), 0),
                    ...registriesOf(reports),
                },
            }
            : {}),
        results,
    };
}
/** The shards' per-registry counters, summed (registry/governor.ts). */
function registriesOf(reports) {
    const registries = (0,_registry_governor_js__WEBPACK_IMPORTED_MODULE_0__/* .mergeRegistryStats */ .Hu)(reports.map((r) => r.stats?.registries));
    return registries ? { registries } : {};
}
/** The runs a report stands for: its own, or every shard's when it is itself a merge. */
const runIdsOf = (r) => r.mergedRunIds ?? [r.runId];
function checkShards(reports, names) {
    const byRun = new Map();
    const byImage = new Map();
    reports.forEach((r, i) => {
        const name = names[i];
        if (r.schemaVersion !== _report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_SCHEMA_VERSION */ .W)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${name} is report schema ${JSON.stringify(r.schemaVersion)}, this image-gate reads and writes ${_report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_SCHEMA_VERSION */ .W}; re-run that shard with this version`);
        const digest = (0,_report_finish_js__WEBPACK_IMPORTED_MODULE_6__/* .policyDigest */ .p1)(r.policy);
        if (r.policyDigest !== digest)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${name} was edited: its policyDigest ${r.policyDigest} is not the digest of its policy section (${digest})`);
        if (r.policyDigest !== reports[0].policyDigest) {
            const notStarted = [reports[0], r].flatMap((x, j) => x.error ? [`${j === 0 ? names[0] : name} did not start: ${x.error.message}`] : []);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${name} was verified under another policy than ${names[0]} (policyDigest ${r.policyDigest} vs ${reports[0].policyDigest})${notStarted.length ? `; ${notStarted.join('; ')}` : ''}; merge only shards of one run of one policy`);
        }
        // A shard that verified nothing would add nothing to the verdict, where its own run failed;
        // a `shard: I/N` the list gave no image is complete as it is (checkShardSet counts them all).
        if (r.results.length === 0 && !r.shard)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${name} holds no image results${r.error ? ` (it did not start: ${r.error.message})` : ''}; every shard must have verified images`);
        const stated = (0,_report_outcome_js__WEBPACK_IMPORTED_MODULE_8__/* .reportOutcome */ .Rq)(r);
        if (r.outcome !== stated || r.verified !== (stated === 'verified'))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${name} was edited: it says outcome ${JSON.stringify(r.outcome)} (verified ${String(r.verified)}) but its results give ${stated}`);
        for (const id of runIdsOf(r)) {
            const first = byRun.get(id);
            if (first !== undefined)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', first === i
                    ? `merge: ${name} holds run ${id} twice`
                    : names[first] === name
                        ? `merge: ${name} is given twice`
                        : `merge: ${names[first]} and ${name} are the same run (runId ${id}); give each shard once`);
            byRun.set(id, i);
        }
        for (const res of r.results) {
            // By the identity that was fetched, so two spellings of one image are one image.
            const key = res.identity ?? res.image;
            const first = byImage.get(key);
            if (first !== undefined)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', first === name
                    ? `merge: ${name} holds a result for ${JSON.stringify(key)} twice`
                    : `merge: ${first} and ${name} both hold a result for ${JSON.stringify(key)}; each image must be verified in one shard only`);
            byImage.set(key, name);
        }
    });
}
/**
 * Shards cut by `shard: I/N` (src/core/shard.ts) must all be cut from one list: the same count
 * N, set digest and number of images; each index 1..N exactly once; and their results together
 * one per image of the list. Sharded and unsharded reports are not merged together (the
 * unsharded one's images are outside the list's accounting). Refusals name the files.
 */
function checkShardSet(reports, names) {
    const sharded = reports.flatMap((r, i) => r.shard ? [{ shard: r.shard, name: names[i], r }] : []);
    if (sharded.length === 0)
        return;
    if (sharded.length < reports.length) {
        const plain = names.filter((_, i) => !reports[i].shard);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${sharded.map((s) => `${s.name} (shard ${s.shard.index}/${s.shard.count})`).join(', ')} ${sharded.length === 1 ? 'is a shard' : 'are shards'} of a list but ${plain.join(', ')} ${plain.length === 1 ? 'is' : 'are'} not; merge the shards of one list, or only unsharded reports`);
    }
    const first = sharded[0];
    const listOf = (s) => `${s.totalImages} images in ${s.count} shards, set ${s.setDigest}`;
    for (const s of sharded) {
        const a = first.shard;
        const b = s.shard;
        if (a.count !== b.count || a.setDigest !== b.setDigest || a.totalImages !== b.totalImages)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${s.name} is a shard of another list than ${first.name} (${listOf(b)} vs ${listOf(a)}); give every job the same images and the same N`);
    }
    const byIndex = new Map();
    for (const s of sharded) {
        const seen = byIndex.get(s.shard.index);
        if (seen !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', seen === s.name
                ? `merge: ${s.name} is given twice`
                : `merge: ${seen} and ${s.name} are both shard ${s.shard.index}/${s.shard.count}; give each shard once`);
        byIndex.set(s.shard.index, s.name);
    }
    const count = first.shard.count;
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
    if (missing.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing (given: ${sharded.map((s) => `${s.name} = ${s.shard.index}/${count}`).join(', ')}); every shard of the list must be merged`);
    const results = sharded.reduce((n, s) => n + s.r.results.length, 0);
    if (results !== first.shard.totalImages)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: the shards hold ${results} image results but their list has ${first.shard.totalImages} images (${sharded.map((s) => `${s.name}: ${s.r.results.length}`).join(', ')}); a shard was edited or cut by another version`);
}
//# sourceMappingURL=merge.js.map

/***/ })

};

//# sourceMappingURL=435.index.js.map