export const id = 744;
export const ids = [744];
export const modules = {

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
    const { createSummarySigner } = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(335), __webpack_require__.e(179), __webpack_require__.e(107)]).then(__webpack_require__.bind(__webpack_require__, 96107));
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

//# sourceMappingURL=744.index.js.map