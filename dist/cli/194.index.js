export const id = 194;
export const ids = [194];
export const modules = {

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
/* harmony import */ var _report_outcome_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(62683);
/* harmony import */ var _shard_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(31998);
/* harmony import */ var _summaries_report_signature_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(15744);
// Merging shard reports from a job matrix into one verdict: reads report files (or folders of
// them, as download-artifact leaves them), checks each is an image-gate report, then merges.










const MAX_REPORT_BYTES = 64 * 1024 * 1024;
/** Report files named directly, and every `*.json` in a named directory (sorted, not recursive). */
async function loadReports(paths) {
    return (await readReportFiles(paths)).map(parseLoaded);
}
const parseLoaded = (f) => ({
    ...f,
    report: parseReport(f.file, f.bytes),
});
/** The report files' bytes, unparsed (a signature is checked before a report is read). */
async function readReportFiles(paths) {
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
            // A shard's signature bundle (report.json.sigstore.json) sits beside it; it is no report.
            const names = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(p))
                .filter((n) => n.endsWith('.json') && !n.endsWith(_summaries_report_signature_js__WEBPACK_IMPORTED_MODULE_9__.REPORT_BUNDLE_SUFFIX))
                .sort();
            if (names.length === 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${p} holds no .json reports`);
            files.push(...names.map((n) => node_path__WEBPACK_IMPORTED_MODULE_3__.join(p, n)));
        }
        else
            files.push(p);
    }
    return Promise.all(files.map(readReportBytes));
}
const OUTCOMES = ['verified', 'failed', 'error', 'warned'];
const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;
async function readReportBytes(file) {
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(file);
    if (st.size > MAX_REPORT_BYTES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${file} is ${st.size} bytes, over ${MAX_REPORT_BYTES}`);
    return { file, bytes: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(file) };
}
function parseReport(file, bytes) {
    let doc;
    try {
        doc = JSON.parse(bytes.toString('utf8'));
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${file} is not JSON`, { cause: e });
    }
    const r = doc;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !('schemaVersion' in r))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${file} is not an image-gate report (no schemaVersion; expected ${_report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_SCHEMA_VERSION */ .WI})`);
    // An older report has no runId or policyDigest: merging it could double-count or mix policies.
    if (r.schemaVersion !== _report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_SCHEMA_VERSION */ .WI)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${file} is report schema ${JSON.stringify(r.schemaVersion)}, this image-gate reads and writes ${_report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_SCHEMA_VERSION */ .WI} (with runId and policyDigest); re-run that shard with this version`);
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
    if (r.revocations !== undefined && !validRevocations(r.revocations))
        throw bad('revocations is not {source, version, issued, expires, entries, signer, sha256}');
    if (r.summaries !== undefined &&
        (!Array.isArray(r.summaries) || !r.summaries.every(validSummaryRecord)))
        throw bad('summaries is not a list of {image, digest, verificationResult, file}');
    if (r.shard !== undefined && !validShard(r.shard))
        throw bad('shard is not {index, count, totalImages, setDigest} with 1 \u2264 index \u2264 count');
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
function validRevocations(v) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        return false;
    const l = v;
    return (['source', 'issued', 'expires', 'signer', 'sha256'].every((k) => typeof l[k] === 'string') &&
        Number.isSafeInteger(l.version) &&
        Number.isSafeInteger(l.entries) &&
        DIGEST_RE.test(l.sha256));
}
function validSummaryRecord(v) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        return false;
    const s = v;
    const ref = s.referrer;
    return (typeof s.image === 'string' &&
        typeof s.digest === 'string' &&
        DIGEST_RE.test(s.digest) &&
        (s.verificationResult === 'PASSED' || s.verificationResult === 'FAILED') &&
        typeof s.file === 'string' &&
        (ref === undefined ||
            (typeof ref === 'object' &&
                ref !== null &&
                typeof ref.digest === 'string' &&
                typeof ref.via === 'string')));
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
        count <= _shard_js__WEBPACK_IMPORTED_MODULE_8__/* .MAX_SHARDS */ .hH &&
        totalImages >= 1 &&
        typeof setDigest === 'string' &&
        DIGEST_RE.test(setDigest));
}
/**
 * Loads and merges; the merged report is a pure function of the files' contents (and a fresh
 * run id). Refusals name the files (see mergeReports).
 */
async function mergeReportFiles(paths, verify) {
    const files = await readReportFiles(paths);
    // Signatures first: an edited shard is said to be edited, whatever its edit broke.
    const shards = verify ? await verifyShards(files, verify) : undefined;
    const loaded = files.map(parseLoaded);
    const merged = mergeReports(loaded.map((l) => l.report), loaded.map((l) => l.file));
    return shards ? withShards(merged, shards) : merged;
}
/** `shards` placed before `results`, so the list stays at the end of the document. */
function withShards(r, shards) {
    const { results, ...rest } = r;
    return { ...rest, shards, results };
}
/** Every shard's signature, verified under the one signer before anything is merged. */
async function verifyShards(loaded, v) {
    const [{ verifyReportSignature, shardSignerPolicy }, { createSignatureVerifier }, keys, root] = await Promise.all([
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 15744)),
        Promise.all(/* import() */[__webpack_require__.e(104), __webpack_require__.e(187), __webpack_require__.e(368), __webpack_require__.e(40)]).then(__webpack_require__.bind(__webpack_require__, 77368)),
        __webpack_require__.e(/* import() */ 123).then(__webpack_require__.bind(__webpack_require__, 36123)),
        Promise.all(/* import() */[__webpack_require__.e(104), __webpack_require__.e(187), __webpack_require__.e(798)]).then(__webpack_require__.bind(__webpack_require__, 53798)),
    ]);
    const key = v.signer.keyRef ? await keys.loadKey(v.signer.keyRef, { env: v.env }) : undefined;
    const trusted = await root.loadTrustedRoot(v.root);
    const verifier = createSignatureVerifier(trusted, shardSignerPolicy(v.signer, key));
    const records = [];
    for (const l of loaded)
        records.push(await verifyReportSignature(l.file, l.bytes, verifier));
    return records;
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
    const githubRun = checkGithubRun(reports, names);
    const revocations = mergeRevocations(reports, names);
    const summaries = mergeSummaries(reports);
    const results = reports.flatMap((r) => r.results);
    const error = reports.find((r) => r.error)?.error;
    const outcome = results.some((r) => r.outcome === 'failed')
        ? 'failed'
        : error
            ? 'error'
            : (0,_report_outcome_js__WEBPACK_IMPORTED_MODULE_7__/* .overallOutcome */ .iB)(results);
    // An empty shard's own warning says to merge; the merged report is that merge.
    const warnings = [
        ...new Set(reports.flatMap((r) => (r.warnings ?? []).filter((w) => !(r.shard && w === (0,_shard_js__WEBPACK_IMPORTED_MODULE_8__/* .emptyShardWarning */ .wM)(r.shard))))),
    ];
    const startedAt = reports.map((r) => r.startedAt).sort()[0];
    const finishedAt = reports
        .map((r) => r.finishedAt)
        .sort()
        .at(-1);
    return {
        schemaVersion: _report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_SCHEMA_VERSION */ .WI,
        tool: _report_js__WEBPACK_IMPORTED_MODULE_5__/* .TOOL */ .js,
        runId: (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)(),
        policyDigest: reports[0].policyDigest,
        mergedRunIds: reports.flatMap(runIdsOf),
        ...(githubRun !== undefined ? { github: { runId: githubRun } } : {}),
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
        ...(revocations ? { revocations } : {}),
        ...(summaries ? { summaries } : {}),
        results,
    };
}
/**
 * The one revocation list every shard checked (a merged verdict says its images were checked
 * against it). Refused, naming both files: shards that checked lists of other versions or bytes,
 * and shards of which some checked a list and others none.
 */
function mergeRevocations(reports, names) {
    const i = reports.findIndex((r) => r.revocations);
    if (i < 0)
        return undefined;
    const first = reports[i].revocations;
    const listOf = (l) => `revocation list ${l.source} version ${l.version} (${l.sha256}, signed by ${l.signer})`;
    reports.forEach((r, j) => {
        const l = r.revocations;
        if (!l)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${names[i]} checked ${listOf(first)} but ${names[j]} checked no revocation list; every shard must check the same list`);
        if (l.version !== first.version)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${names[i]} checked ${listOf(first)} but ${names[j]} checked version ${l.version} (${l.sha256}); re-run the shards against one list`);
        if (l.sha256 !== first.sha256 || l.source !== first.source || l.signer !== first.signer)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${names[i]} checked ${listOf(first)} but ${names[j]} checked another list of the same version: ${listOf(l)}; re-run the shards against one list`);
    });
    return first;
}
/** Every shard's summaries, in shard order (each image is in one shard; copies appear once). */
function mergeSummaries(reports) {
    if (!reports.some((r) => r.summaries))
        return undefined;
    const seen = new Set();
    return reports
        .flatMap((r) => r.summaries ?? [])
        .filter((s) => {
        const key = (0,_report_finish_js__WEBPACK_IMPORTED_MODULE_6__/* .canonicalJson */ .dj)(s);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
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
        if (r.schemaVersion !== _report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_SCHEMA_VERSION */ .WI)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${name} is report schema ${JSON.stringify(r.schemaVersion)}, this image-gate reads and writes ${_report_js__WEBPACK_IMPORTED_MODULE_5__/* .REPORT_SCHEMA_VERSION */ .WI}; re-run that shard with this version`);
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
        const stated = (0,_report_outcome_js__WEBPACK_IMPORTED_MODULE_7__/* .reportOutcome */ .Rq)(r);
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
 * Every shard ran in one GitHub Actions workflow run (`github.runId`, which a signed shard's
 * signature covers), or none ran in Actions. A signed shard is otherwise as good next week as
 * today: a passing shard report of an earlier run of the same policy and image list, put in place
 * of today's failing one, merged into a pass (the tags it verified may have moved since). Jobs
 * re-run in a later attempt keep the run id, so attempts may mix.
 */
function checkGithubRun(reports, names) {
    const first = reports[0].github?.runId;
    const ran = (id) => id === undefined ? 'ran outside GitHub Actions' : `ran in workflow run ${id}`;
    reports.forEach((r, i) => {
        const id = r.github?.runId;
        if (id !== first)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', `merge: ${names[0]} ${ran(first)} but ${names[i]} ${ran(id)}; merge only the shards of one run`);
    });
    return first;
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

/***/ })

};

//# sourceMappingURL=194.index.js.map