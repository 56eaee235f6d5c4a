export const id = 813;
export const ids = [813];
export const modules = {

/***/ 82813:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderJunit: () => (/* binding */ renderJunit)
/* harmony export */ });
/* unused harmony export repositoryOf */
/* harmony import */ var _edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3217);

/**
 * `registry/repository` of a reference: the tag and digest dropped (`ghcr.io/acme/app:v1@sha256:\u2026`
 * is `ghcr.io/acme/app`); `oci-layout://`, `s3://` and `local://` references the same way. The
 * normalised identity is used when the report has it, so spellings of one repository group.
 */
function repositoryOf(r) {
    let ref = r.identity ?? r.image;
    const at = ref.indexOf('@');
    if (at >= 0)
        ref = ref.slice(0, at);
    const colon = ref.lastIndexOf(':');
    if (colon > ref.lastIndexOf('/') && !ref.slice(colon).startsWith('://'))
        ref = ref.slice(0, colon);
    return ref;
}
const seconds = (ms) => (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);
/** RFC 3339 without fraction or zone (UTC), the form the Ant/Jenkins schema's timestamp takes. */
function timestamp(iso) {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 19);
}
function attrs(a) {
    return Object.entries(a)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => ` ${k}="${(0,_edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .xmlText */ .xK)(String(v))}"`)
        .join('');
}
/** The body of a failure, error or skipped element: the evidence a reader needs, one per line. */
function details(r) {
    const lines = [
        ['image', r.image],
        ['digest', r.digest],
        ['outcome', String(r.outcome)],
        ['code', r.code],
        ['rule', r.rule],
        ['reason', r.reason],
    ];
    const out = lines.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${(0,_edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .xmlText */ .xK)(v)}`);
    for (const p of r.platforms ?? [])
        if (p.outcome !== 'verified')
            out.push(`platform ${(0,_edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .xmlText */ .xK)(p.platform)}: ${(0,_edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .xmlText */ .xK)(p.outcome)} ${(0,_edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .xmlText */ .xK)(p.reason ?? '')}`);
    for (const a of r.attestations)
        if (!a.verified)
            out.push(`attestation ${(0,_edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .xmlText */ .xK)(a.predicateType)}: rejected ${(0,_edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .xmlText */ .xK)(a.reason ?? '')}`);
    for (const rej of r.rejected ?? [])
        out.push(`rejected ${(0,_edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .xmlText */ .xK)(rej.where)}: ${(0,_edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .xmlText */ .xK)(rej.code)} ${(0,_edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .xmlText */ .xK)(rej.reason)}`);
    return out.join('\n');
}
/** What a testcase holds after its attributes: nothing when it passed. */
function verdict(r) {
    const message = r.reason ?? String(r.outcome);
    switch (String(r.outcome)) {
        case 'verified':
            return '';
        case 'failed':
            return `<failure${attrs({ message, type: r.code ?? 'FAILED' })}>${details(r)}</failure>`;
        case 'skipped':
            return `<skipped${attrs({ message })}/>`;
        case 'allowed':
            return `<skipped${attrs({ message: `allowed without verification: ${message}` })}/>`;
        case 'warned':
            // Warn mode: the step passes, so the test does; what would have failed is in the output.
            return `<system-out>${details(r)}</system-out>`;
        default:
            // error, and any outcome a merged report's file holds that we do not know: never a pass.
            return `<error${attrs({ message, type: r.code ?? 'ERROR' })}>${details(r)}</error>`;
    }
}
function counts(results) {
    let failures = 0;
    let errors = 0;
    let skipped = 0;
    for (const r of results) {
        const o = String(r.outcome);
        if (o === 'failed')
            failures++;
        else if (o === 'skipped' || o === 'allowed')
            skipped++;
        else if (o !== 'verified' && o !== 'warned')
            errors++;
    }
    return { failures, errors, skipped };
}
function renderJunit(report) {
    const { failures, errors, skipped } = counts(report.results);
    const elapsed = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
    const totals = {
        tests: report.results.length,
        failures,
        errors,
        skipped,
        time: seconds(elapsed),
    };
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites${attrs({ name: report.tool.name, ...totals })}>`,
        `  <testsuite${attrs({ name: report.tool.name, ...totals, timestamp: timestamp(report.startedAt) })}>`,
        '    <properties>',
        ...Object.entries({
            outcome: String(report.outcome),
            runId: report.runId,
            policyDigest: report.policyDigest,
            tool: `${report.tool.name} ${report.tool.version}`,
        }).map(([name, value]) => `      <property${attrs({ name, value })}/>`),
        '    </properties>',
    ];
    for (const r of report.results) {
        const open = `    <testcase${attrs({ name: r.image, classname: repositoryOf(r), time: seconds(r.durationMs) })}`;
        const body = verdict(r);
        lines.push(body === '' ? `${open}/>` : `${open}>${body}</testcase>`);
    }
    if (report.warnings?.length)
        lines.push(`    <system-out>${report.warnings.map((w) => `warning: ${(0,_edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .xmlText */ .xK)(w)}`).join('\n')}</system-out>`);
    if (report.error)
        lines.push(`    <system-err>${(0,_edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .xmlText */ .xK)(report.error.code)}: ${(0,_edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .xmlText */ .xK)(report.error.message)}</system-err>`);
    lines.push('  </testsuite>', '</testsuites>', '');
    return lines.join('\n');
}
//# sourceMappingURL=junit.js.map

/***/ })

};

//# sourceMappingURL=813.index.js.map