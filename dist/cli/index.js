#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 72250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 85675:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http2");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

let real; const load = () => (real ??= __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2")); const known = {"HTTP2_HEADER_AUTHORITY":":authority","HTTP2_HEADER_METHOD":":method","HTTP2_HEADER_PATH":":path","HTTP2_HEADER_SCHEME":":scheme","HTTP2_HEADER_CONTENT_LENGTH":"content-length","HTTP2_HEADER_EXPECT":"expect","HTTP2_HEADER_STATUS":":status","HTTP2_HEADER_PROTOCOL":":protocol","NGHTTP2_NO_ERROR":0,"NGHTTP2_REFUSED_STREAM":7}; const constants = new Proxy({}, { get: (_, k) => (Object.hasOwn(known, k) ? known[k] : load().constants[k]) }); module.exports = new Proxy({}, { get: (_, k) => (k === "constants" ? constants : load()[k]) });

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 80099:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 37830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 58500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 78877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 16460:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers/promises");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 16030:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  _d: () => (/* binding */ checkReportPath),
  Q8: () => (/* binding */ parseOutputs),
  C8: () => (/* binding */ renderOutput),
  kF: () => (/* binding */ writeOutputFiles)
});

// UNUSED EXPORTS: OUTPUT_FORMATS

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __nccwpck_require__(62807);
// EXTERNAL MODULE: ./build/render/json.js
var json = __nccwpck_require__(77199);
// EXTERNAL MODULE: ./build/edge/report-file.js
var report_file = __nccwpck_require__(86295);
// EXTERNAL MODULE: ./build/edge/sanitize.js
var sanitize = __nccwpck_require__(3217);
;// CONCATENATED MODULE: ./build/render/junit.js

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
        .map(([k, v]) => ` ${k}="${(0,sanitize/* xmlText */.xK)(String(v))}"`)
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
    const out = lines.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${(0,sanitize/* xmlText */.xK)(v)}`);
    for (const p of r.platforms ?? [])
        if (p.outcome !== 'verified')
            out.push(`platform ${(0,sanitize/* xmlText */.xK)(p.platform)}: ${(0,sanitize/* xmlText */.xK)(p.outcome)} ${(0,sanitize/* xmlText */.xK)(p.reason ?? '')}`);
    for (const a of r.attestations)
        if (!a.verified)
            out.push(`attestation ${(0,sanitize/* xmlText */.xK)(a.predicateType)}: rejected ${(0,sanitize/* xmlText */.xK)(a.reason ?? '')}`);
    for (const rej of r.rejected ?? [])
        out.push(`rejected ${(0,sanitize/* xmlText */.xK)(rej.where)}: ${(0,sanitize/* xmlText */.xK)(rej.code)} ${(0,sanitize/* xmlText */.xK)(rej.reason)}`);
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
        lines.push(`    <system-out>${report.warnings.map((w) => `warning: ${(0,sanitize/* xmlText */.xK)(w)}`).join('\n')}</system-out>`);
    if (report.error)
        lines.push(`    <system-err>${(0,sanitize/* xmlText */.xK)(report.error.code)}: ${(0,sanitize/* xmlText */.xK)(report.error.message)}</system-err>`);
    lines.push('  </testsuite>', '</testsuites>', '');
    return lines.join('\n');
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./build/render/summary.js

/** GitHub refuses a step summary over 1 MiB (the whole upload, not a part of it). */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** More verified images than this are folded into a `<details>`. */
const FOLD_VERIFIED_OVER = 20;
/** Below the limit by a margin, for a runner that counts differently or appends a newline. */
const DEFAULT_MAX_BYTES = SUMMARY_LIMIT_BYTES - 32 * 1024;
/** The verdict cell: the emoji and the word kept on one line. */
const ICON = {
    verified: '\u2705&nbsp;verified',
    failed: '\u274c&nbsp;failed',
    // An audit-mode (`mode: warn`) failure: reported, not enforced.
    warned: '\u26a0\ufe0f&nbsp;warned',
    error: '\u2757&nbsp;error',
    skipped: '\u23ed\ufe0f&nbsp;skipped',
    allowed: '\u2796&nbsp;allowed unverified',
};
/** Order of the rows: what needs acting on first. An outcome we do not know sits after errors. */
const RANK = {
    failed: 0,
    warned: 1,
    error: 2,
    skipped: 4,
    allowed: 5,
    verified: 6,
};
const rank = (o) => (Object.hasOwn(RANK, o) ? RANK[o] : 3);
/**
 * Escape for a markdown table cell rendered as GitHub-flavoured HTML: the summary sink's
 * sanitiser (edge/sanitize.ts), applied to every value that is not our own literal text.
 */
function escapeCell(s) {
    return (0,sanitize/* markdownText */.p7)(s);
}
/**
 * A table cell's value that may be one long token (a reference, an identity URL, a digest in a
 * reason): escaped, then `<wbr>` after each `/` and every 24 characters without a space, so a table cell
 * can wrap it instead of pushing the columns after it off the 1012 px pane (a table is sized by
its cells' longest unbreakable runs; paragraphs and lists wrap long words by GitHub's CSS). Entities are kept
 * whole; the only tag added is `<wbr>`.
 */
function breakable(s) {
    let out = '';
    let run = 0;
    for (const [u] of escapeCell(s).matchAll(/<wbr>|&#?[0-9a-z]+;|[\s\S]/giu)) {
        out += u;
        if (u === '<wbr>' || u === '-' || /^\s$/u.test(u))
            run = 0;
        else if (u === '/' || ++run >= 24) {
            out += '<wbr>';
            run = 0;
        }
    }
    // `https://` breaks once, not between its slashes.
    return out.replace(/\/<wbr>(?=\/)/g, '/');
}
/** The outcome's emoji alone, where the word is said next to it. */
function mark(outcome) {
    return Object.hasOwn(ICON, outcome) ? ICON[outcome].split('&nbsp;')[0] : '\u2754';
}
/** A merged report is read from files: an outcome we do not know is shown as escaped text. */
function icon(outcome) {
    return Object.hasOwn(ICON, outcome) ? ICON[outcome] : `\u2754&nbsp;${escapeCell(outcome)}`;
}
/**
 * `sha256:0bfc18e5\u2026` with the whole digest in the title (and in the JSON report); a value that is
 * not an `alg:hex` digest (a hand-edited shard report) is shown whole.
 */
function shortDigest(digest) {
    if (!digest)
        return '';
    const m = /^([a-z0-9]+):([0-9a-f]{12,})$/.exec(digest);
    if (!m)
        return breakable(digest);
    return `<code title="${(0,sanitize/* markdownAttribute */.Ce)(digest)}">${escapeCell(`${m[1]}:${m[2].slice(0, 8)}`)}\u2026</code>`;
}
function signer(r) {
    const s = r.signatures[0];
    if (!s)
        return '';
    if (s.kind === 'key')
        return `key ${s.keyRef ?? ''}${s.keyID ? ` (${s.keyID})` : ''}`;
    return `${s.identity ?? ''}${s.issuer ? ` (${s.issuer})` : ''}`;
}
/** RFC 3339 as `2026-01-02 03:04:05Z` (it can wrap at the space); anything else as given. */
function when(t) {
    if (!t)
        return '';
    const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d+)?Z$/.exec(t);
    return m ? `${m[1]} ${m[2]}Z` : breakable(t);
}
/** The reason in full, always visible; the deciding policy-file rule under it. */
function reasonCell(r) {
    const reason = r.reason ? breakable(r.reason) : '';
    return r.rule !== undefined ? `${reason}<br><sub>rule ${breakable(r.rule)}</sub>` : reason;
}
const count = (report, o) => report.results.filter((r) => r.outcome === o).length;
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
// ---- headline -------------------------------------------------------------------------------
const VERDICT = {
    verified: '\u2705 Verified',
    failed: '\u274c Failed',
    error: '\u2757 Error',
    warned: '\u26a0\ufe0f Warned (audit mode)',
};
/** `**\u274c Failed:** 6 failed \u00b7 1 error \u00b7 2 verified \u00b7 0 skipped, of 9 images \u00b7 \u26a0\ufe0f \u2026` */
function headline(report) {
    const o = String(report.outcome);
    const verdict = Object.hasOwn(VERDICT, o) ? VERDICT[o] : `\u2754 ${escapeCell(o)}`;
    const parts = [
        `${count(report, 'failed')} failed`,
        plural(count(report, 'error'), 'error'),
        `${count(report, 'verified')} verified`,
        `${count(report, 'skipped')} skipped`,
    ];
    const warned = count(report, 'warned');
    if (warned)
        parts.splice(1, 0, `${warned} warned`);
    const allowed = count(report, 'allowed');
    if (allowed)
        parts.push(`${allowed} allowed unverified (no policy rule)`);
    const other = report.results.filter((r) => rank(r.outcome) === 3).length;
    if (other)
        parts.push(`${other} with an unknown outcome`);
    const weak = weakSettings(report).map((w) => ` \u00b7 \u26a0\ufe0f ${w}`);
    return `**${verdict}:** ${parts.join(' \u00b7 ')}, of ${plural(report.results.length, 'image')}${weak.join('')}`;
}
/**
 * Audit mode (issue 13, `mode: warn` and `enforce-after`), read defensively: the report's types
 * gain these fields with that work, and a merged report is read from files. Undefined when every
 * rule is enforced.
 */
function auditMode(report) {
    const p = report.policy;
    const until = typeof p.enforceAfter === 'string' ? ` until ${escapeCell(p.enforceAfter)}` : '';
    if (p.mode === 'warn')
        return `audit mode (mode: warn${until}): failures do not fail the step`;
    const rules = (p.policyFile?.rules ?? []).filter((r) => r.mode === 'warn');
    if (rules.length)
        return `audit mode (mode: warn) for ${plural(rules.length, 'rule')}: ${escapeCell(rules.map((r) => r.name).join(', '))}`;
    if (String(report.outcome) === 'warned' ||
        report.results.some((r) => String(r.outcome) === 'warned'))
        return 'audit mode: failures reported as warnings';
    return undefined;
}
/** The settings that weaken the gate, each worded as the input or policy key that set it. */
function weakSettings(report) {
    const p = report.policy;
    const weak = [];
    if (!p.requireTlog)
        weak.push('insecure-ignore-tlog');
    if (!p.requireSct)
        weak.push('insecure-ignore-sct');
    if (p.policyFile?.unmatched === 'allow')
        weak.push('unmatched: allow');
    const optional = (p.policyFile?.rules ?? []).filter((r) => !r.requireSignature);
    if (p.requireSignature === false)
        weak.push('require-signature=false');
    else if (optional.length)
        weak.push(`require-signature=false in ${plural(optional.length, 'rule')} (${escapeCell(optional.map((r) => r.name).join(', '))})`);
    const audit = auditMode(report);
    if (audit)
        weak.push(audit);
    return weak;
}
/** A list in one line: the first few, then how many more. */
function few(items, max = 3) {
    const shown = items.slice(0, max).map(escapeCell).join(', ');
    return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
/** What the policy asks, in one line; the whole of it is in the Policy details below. */
function policyLine(p) {
    const parts = [];
    if (p.policyFile)
        parts.push(`policy file ${escapeCell(p.policyFile.source)} (${plural(p.policyFile.rules.length, 'rule')}; unmatched images ${p.policyFile.unmatched === 'allow' ? 'allowed' : 'fail'})`);
    if (p.keys.length)
        parts.push(`${p.keys.length === 1 ? 'key' : `${p.keys.length} keys`} ${few(p.keys.map((k) => k.keyRef))}`);
    if (p.identities.length)
        parts.push(`${p.identities.length === 1 ? 'identity' : `${p.identities.length} identities`} ${few(p.identities.map((i) => `${i.subject} (${i.issuer})`), 1)}`);
    if (p.requireSignature === false)
        parts.push('signature optional');
    if (p.requireAllKeys)
        parts.push('every key must sign');
    if (p.attestations?.types.length)
        parts.push(`attestations ${few(p.attestations.types)}`);
    if (p.platforms)
        parts.push(`platforms ${escapeCell(p.platforms)}`);
    parts.push(p.requireTlog ? 'Rekor entry required' : 'Rekor entry not required');
    if (!p.requireSct)
        parts.push('SCT not required');
    parts.push(`trust root ${escapeCell(p.trustRoot)}`);
    return `**Policy:** ${parts.join(' \u00b7 ')}`;
}
function policyDetails(p) {
    const lines = [];
    for (const k of p.keys)
        lines.push(`- key ${escapeCell(k.keyRef)} (${escapeCell(k.keyID)})`);
    for (const i of p.identities) {
        const ext = Object.entries(i.extensions ?? {})
            .map(([oid, v]) => `${oid}=${v}`)
            .join(', ');
        lines.push(`- identity ${escapeCell(i.subject)}, issuer ${escapeCell(i.issuer)}${ext ? `, extensions ${escapeCell(ext)}` : ''}`);
    }
    if (p.platforms)
        lines.push(`- platform manifests required: ${escapeCell(p.platforms)}`);
    if (p.attestations) {
        const conds = Object.entries(p.attestations.conditions)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ');
        lines.push(`- attestations required: ${escapeCell(p.attestations.types.join(', ') || 'none')}${conds ? `; conditions: ${escapeCell(conds)}` : ''}; signed by ${escapeCell(p.attestations.signers)}`);
    }
    if (p.policyFile) {
        lines.push(`- policy file ${escapeCell(p.policyFile.source)}: ${plural(p.policyFile.rules.length, 'rule')}; unmatched images: ${escapeCell(p.policyFile.unmatched)}`);
        for (const r of p.policyFile.rules)
            lines.push(`  - rule ${escapeCell(r.name)}: ${escapeCell(r.images.join(', '))}${r.requireSignature ? '' : ' (signature optional)'}`);
    }
    lines.push(`- transparency log ${p.requireTlog ? 'required' : 'not required'}; SCT ${p.requireSct ? 'required' : 'not required'}; trust root: ${escapeCell(p.trustRoot)}`);
    return lines;
}
// ---- rows -----------------------------------------------------------------------------------
const PROBLEM_HEAD = ['| Verdict | Image | Reason | Digest |', '| --- | --- | --- | --- |'];
const VERIFIED_HEAD = [
    '| Verdict | Image | Digest | Signer | Signed at |',
    '| --- | --- | --- | --- | --- |',
];
const PLATFORM_HEAD = [
    '| Verdict | Image | Platform | Reason | Digest |',
    '| --- | --- | --- | --- | --- |',
];
function problemRow(r) {
    return `| ${icon(r.outcome)} | ${breakable(r.image)} | ${reasonCell(r)} | ${shortDigest(r.digest)} |`;
}
function verifiedRow(r) {
    return `| ${icon(r.outcome)} | ${breakable(r.image)} | ${shortDigest(r.digest)} | ${breakable(signer(r))} | ${when(r.signedAt ?? r.signatures[0]?.signedAt)} |`;
}
function platformRows(r) {
    return [...(r.platforms ?? [])]
        .sort((a, b) => rank(a.outcome) - rank(b.outcome))
        .map((pl) => `| ${icon(pl.outcome)} | ${breakable(r.image)} | ${breakable(pl.platform)} | ${reasonCell(pl)} | ${shortDigest(pl.digest)} |`);
}
function attestationItem(a) {
    const parts = [`${a.verified ? '\u2705' : '\u274c'} ${escapeCell(a.predicateType)}`];
    parts.push(`found in ${escapeCell(a.where ?? a.format)}`);
    if (a.signer)
        parts.push(`signed by ${escapeCell(a.signer)}`);
    if (a.satisfies?.length)
        parts.push(`satisfies ${escapeCell(a.satisfies.join(', '))}`);
    if (a.reason)
        parts.push(escapeCell(a.reason));
    const checks = (a.checks ?? []).map((c) => `${c.ok ? '\u2705' : '\u274c'} ${escapeCell(c.condition)}: ${escapeCell(c.message)}`);
    if (checks.length)
        parts.push(`checks: ${checks.join('; ')}`);
    return `- ${parts.join(' \u00b7 ')}`;
}
/** One image's attestations, folded in its own `<details>` inside the Attestations one. */
function attestationBlock(r) {
    const ok = r.attestations.filter((a) => a.verified).length;
    return [
        `<details><summary>${mark(r.outcome)} ${escapeCell(r.image)}: ${ok} of ${plural(r.attestations.length, 'attestation')} verified</summary>`,
        '',
        ...r.attestations.map(attestationItem),
        '',
        '</details>',
        '',
    ];
}
const lineBytes = (lines) => lines.reduce((n, l) => n + Buffer.byteLength(l, 'utf8') + 1, 0);
function group(items) {
    return { items, keep: items.length };
}
/**
 * Keep as many items as fit in `budget` bytes, dropping from the end of each group in turn (the
 * first group loses its items first, and the next is touched only once the first is empty).
 */
function fit(groups, budget) {
    const sizes = groups.map((g) => g.items.map(lineBytes));
    let total = sizes.flat().reduce((a, b) => a + b, 0);
    for (const [gi, g] of groups.entries()) {
        if (total <= budget)
            return;
        const s = sizes[gi];
        while (g.keep > 0 && total > budget)
            total -= s[--g.keep];
    }
}
function notShown(g, what) {
    const n = g.items.length - g.keep;
    return n > 0
        ? [
            '',
            `_${n} more ${what} not shown: the job summary is limited to 1 MiB; the JSON report has every result._`,
        ]
        : [];
}
// ---- the summary ----------------------------------------------------------------------------
function renderSummary(report, options = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    // Stable sort: within an outcome, the input order. The verified images are made into their
    // rows as they are read, not held (a batch's results are packed: packed-results.ts).
    const problems = report.results
        .filter((r) => r.outcome !== 'verified')
        .sort((a, b) => rank(a.outcome) - rank(b.outcome));
    const verified = { rows: [], platforms: [] };
    const attOfVerified = [];
    for (const r of report.results) {
        if (r.outcome !== 'verified')
            continue;
        verified.rows.push([verifiedRow(r)]);
        for (const l of platformRows(r))
            verified.platforms.push([l]);
        if (r.attestations.length)
            attOfVerified.push(attestationBlock(r));
    }
    const head = [
        '## image-gate',
        '',
        headline(report),
        '',
        policyLine(report.policy),
        '',
        ...(report.error
            ? [
                `> \u2757 The run could not start: ${escapeCell(report.error.code)}: ${escapeCell(report.error.message)}`,
                '',
            ]
            : []),
        ...(report.warnings ?? []).flatMap((w) => [`> \u26a0\ufe0f ${escapeCell(w)}`, '']),
    ];
    const rows = {
        problems: group(problems.map((r) => [problemRow(r)])),
        verified: group(verified.rows),
        platformsOfProblems: group(problems.flatMap((r) => platformRows(r).map((l) => [l]))),
        platformsOfVerified: group(verified.platforms),
        attOfProblems: group(problems.filter((r) => r.attestations.length).map(attestationBlock)),
        attOfVerified: group(attOfVerified),
        policy: group(policyDetails(report.policy).map((l) => [l])),
    };
    // Headings, table heads, folds and notes: a bound on everything that is not an item.
    const reserve = 4096;
    fit([
        rows.attOfVerified,
        rows.platformsOfVerified,
        rows.verified,
        rows.policy,
        rows.attOfProblems,
        rows.platformsOfProblems,
        rows.problems,
    ], maxBytes - lineBytes(head) - reserve);
    const kept = (g) => g.items.slice(0, g.keep).flat();
    const lines = [...head];
    if (problems.length)
        lines.push(`### Not verified (${problems.length})`, '', ...(rows.problems.keep ? [...PROBLEM_HEAD, ...kept(rows.problems)] : []), ...notShown(rows.problems, 'image(s) not verified'), '');
    if (verified.rows.length) {
        const table = [
            ...(rows.verified.keep ? [...VERIFIED_HEAD, ...kept(rows.verified)] : []),
            ...notShown(rows.verified, 'verified image(s)'),
        ];
        if (verified.rows.length > FOLD_VERIFIED_OVER)
            lines.push(`<details><summary><b>\u2705 Verified (${verified.rows.length})</b></summary>`, '', ...table, '', '</details>', '');
        else
            lines.push(`### Verified (${verified.rows.length})`, '', ...table, '');
    }
    const platformTotal = rows.platformsOfProblems.items.length + rows.platformsOfVerified.items.length;
    if (platformTotal) {
        const anyBad = report.results.some((r) => r.platforms?.some((p) => p.outcome !== 'verified'));
        const shown = [...kept(rows.platformsOfProblems), ...kept(rows.platformsOfVerified)];
        lines.push(`<details${anyBad ? ' open' : ''}><summary>Platform manifests (${platformTotal})</summary>`, '', ...(shown.length ? [...PLATFORM_HEAD, ...shown] : []), ...notShown(rows.platformsOfProblems, 'platform row(s) of images not verified'), ...notShown(rows.platformsOfVerified, 'platform row(s) of verified images'), '', '</details>', '');
    }
    const attTotal = rows.attOfProblems.items.length + rows.attOfVerified.items.length;
    if (attTotal) {
        lines.push(`<details><summary>Attestations (${plural(attTotal, 'image')})</summary>`, '', ...kept(rows.attOfProblems), ...kept(rows.attOfVerified), ...notShown(rows.attOfProblems, "unverified image(s)' attestations"), ...notShown(rows.attOfVerified, "verified image(s)' attestations"), ...(rows.attOfProblems.keep + rows.attOfVerified.keep < attTotal ? [''] : []), '</details>', '');
    }
    lines.push('<details><summary>Policy</summary>', '', ...kept(rows.policy), ...notShown(rows.policy, 'policy line(s)'), '', '</details>', '');
    return lines.join('\n');
}
/** The step-failure message: the first supply-chain failure and the count. */
function failureMessage(report) {
    // A warned run (audit mode) reports its failures but does not fail the step.
    if (report.outcome === 'verified' || report.outcome === 'warned')
        return undefined;
    if (report.error)
        return `image-gate: ${report.error.message}`;
    const failed = report.results.filter((r) => r.outcome === 'failed');
    if (failed.length > 0) {
        const first = failed[0];
        return `image-gate: ${failed.length} of ${report.results.length} image(s) failed verification; first: ${first.image}: ${first.reason ?? ''}`;
    }
    const errored = report.results.filter((r) => r.outcome !== 'verified' && r.outcome !== 'warned');
    const first = errored[0];
    return `image-gate: ${errored.length} of ${report.results.length} image(s) could not be verified; first: ${first?.image ?? ''}: ${first?.reason ?? ''}`;
}
//# sourceMappingURL=summary.js.map
// EXTERNAL MODULE: ./build/render/text.js
var render_text = __nccwpck_require__(99822);
;// CONCATENATED MODULE: ./build/cli/outputs.js
// `--output`: which renderings of the report the CLI writes, and where. One plain FORMAT goes to
// stdout (as before); FORMAT=PATH, repeatable, writes files too, as Conforma's `ec validate image`.








const OUTPUT_FORMATS = ['text', 'json', 'junit', 'markdown'];
function isFormat(s) {
    return OUTPUT_FORMATS.includes(s);
}
function usage(msg) {
    return new errors/* GateError */.ue('USAGE', `--output: ${msg}`);
}
/**
 * The `--output` values as given (each `FORMAT` or `FORMAT=PATH`). Refused: an unknown format,
 * an empty path, two plain formats (stdout shows one), and two renderings into one file.
 */
function parseOutputs(values) {
    let stdout;
    const files = [];
    const expected = `expected ${OUTPUT_FORMATS.join(', ')}, or FORMAT=PATH`;
    for (const value of values ?? []) {
        const eq = value.indexOf('=');
        const format = eq < 0 ? value : value.slice(0, eq);
        if (!isFormat(format))
            throw usage(`'${value}' is not a format (${expected})`);
        if (eq < 0) {
            if (stdout !== undefined)
                throw usage(`'${stdout}' and '${format}' both go to stdout; give one, and FORMAT=PATH for the others`);
            stdout = format;
            continue;
        }
        const file = value.slice(eq + 1);
        if (file === '')
            throw usage(`'${value}' names no file (expected ${format}=PATH)`);
        const clash = files.find((f) => external_node_path_.resolve(f.path) === external_node_path_.resolve(file));
        if (clash)
            throw usage(`'${clash.format}=${clash.path}' and '${value}' write the same file`);
        files.push({ format, path: file });
    }
    return { stdout: stdout ?? 'text', files };
}
/**
 * `--report FILE` beside the FORMAT=PATH files: another rendering into the report's file would
 * replace the JSON report (and void its signature) after it is written. Refused, as two
 * renderings into one file are; `json=FILE` is the report itself and writes nothing else.
 */
function checkReportPath(outputs, report) {
    if (report === undefined)
        return;
    const clash = outputs.files.find((f) => f.format !== 'json' && external_node_path_.resolve(f.path) === external_node_path_.resolve(report));
    if (clash)
        throw usage(`'${clash.format}=${clash.path}' and --report ${report} write the same file`);
}
/** The report in one format: the same renderers the Action's summary, report and JUnit use. */
function renderOutput(report, format) {
    switch (format) {
        case 'text':
            return (0,render_text/* renderReportText */.Uv)(report);
        case 'json':
            return (0,json/* reportJson */.l4)(report);
        case 'junit':
            return renderJunit(report);
        case 'markdown':
            return renderSummary(report);
    }
}
/**
 * Writes each FORMAT=PATH file (its directory created, as the Action does). The first that cannot
 * be written is an error naming it; the caller exits 2.
 */
async function writeOutputFiles(report, files) {
    for (const f of files) {
        try {
            if (f.format === 'json')
                await (0,report_file/* writeReportFile */.a)(f.path, report);
            else {
                await (0,promises_.mkdir)(external_node_path_.dirname(external_node_path_.resolve(f.path)), { recursive: true });
                await (0,promises_.writeFile)(f.path, renderOutput(report, f.format));
            }
        }
        catch (e) {
            const why = e instanceof Error ? e.message : String(e);
            throw new errors/* GateError */.ue('USAGE', `--output ${f.format}=${f.path}: cannot write: ${why}`, {
                cause: e,
            });
        }
    }
}
//# sourceMappingURL=outputs.js.map

/***/ }),

/***/ 35191:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ parsePackageRule)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(62807);
/* harmony import */ var _purl_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(24067);
/* harmony import */ var _version_range_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(72188);
// A `deny-packages` rule as the user writes it (name, group:name or purl, with an optional
// version range), parsed into a PackageRule; anything else is a usage error naming the value.



const RULE_FORMS = 'name[@range], group:name[@range] or pkg:type/namespace/name[@range]';
/**
 * `log4j-core`, `log4j-core@<2.17.0`, `org.apache.logging.log4j:log4j-core@<2.17.0`,
 * `@scope/pkg@>=1 <2`, `github.com/foo/bar@<1.2.3`, `pkg:maven/org.apache.logging.log4j/log4j-core@<2.17.0`,
 * `pkg:npm/%40scope/pkg@<1`. Anything else is a usage error naming the value.
 */
function parsePackageRule(raw, input = 'deny-packages') {
    const s = raw.trim();
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u001f\u007f-\u009f]/g;
    // The value is named in the message, with control characters spelled out rather than sent.
    const shown = raw.replace(control, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const bad = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${input}: '${shown}' ${why}`);
    if (s === '')
        throw bad(`is empty (expected ${RULE_FORMS})`);
    if (s.search(control) >= 0)
        throw bad('contains a control character');
    let name;
    let namespace;
    let type;
    let range;
    if (/^pkg:/i.test(s)) {
        let p;
        try {
            p = (0,_purl_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePurl */ .$l)(s);
        }
        catch (e) {
            if (e instanceof _purl_js__WEBPACK_IMPORTED_MODULE_2__/* .PurlError */ .eH)
                throw bad(`is not a package URL: ${e.message}`);
            throw e;
        }
        ({ name, namespace, type, version: range } = p);
        if (/\s/.test(name) || (namespace !== undefined && /\s/.test(namespace)))
            throw bad('has white space in its namespace or name');
    }
    else {
        // A leading '@' belongs to an npm scope, not to a version.
        const at = s.indexOf('@', 1);
        const spec = at < 0 ? s : s.slice(0, at);
        range = at < 0 ? undefined : s.slice(at + 1);
        if (spec === '' || /\s/.test(spec))
            throw bad(`is not ${RULE_FORMS}`);
        const parts = spec.split(':');
        if (parts.length > 2)
            throw bad(`has more than one ':' (write Maven coordinates as group:artifact@version, e.g. org.apache.logging.log4j:log4j-core@2.14.1)`);
        const slash = spec.lastIndexOf('/');
        if (parts.length === 2) {
            // Maven coordinates: neither groupId nor artifactId holds a '/'.
            if (spec.includes('/'))
                throw bad(`is not ${RULE_FORMS}`);
            [namespace, name] = parts;
        }
        else if (slash >= 0)
            [namespace, name] = [spec.slice(0, slash), spec.slice(slash + 1)];
        else
            name = spec;
        if (name === '' || (namespace !== undefined && namespace.split('/').some((x) => x === '')))
            throw bad(`is not ${RULE_FORMS}`);
    }
    if (range !== undefined) {
        range = range.trim();
        if (range === '')
            throw bad(`has an empty version range after '@'`);
        (0,_version_range_js__WEBPACK_IMPORTED_MODULE_1__/* .parseVersionRange */ .FG)(range, `${input}: '${raw}'`);
    }
    return {
        raw: s,
        name,
        ...(namespace !== undefined ? { namespace } : {}),
        ...(type !== undefined ? { type } : {}),
        ...(range !== undefined ? { range } : {}),
    };
}
//# sourceMappingURL=package-rule.js.map

/***/ }),

/***/ 24067:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ parsePurl),
/* harmony export */   dd: () => (/* binding */ formatPurl),
/* harmony export */   eH: () => (/* binding */ PurlError)
/* harmony export */ });
// Package URLs (github.com/package-url/purl-spec), parsed the way the spec's "how to parse" reads
// them: for SBOM identities and for `pkg:` deny rules, so both sides reduce to the same parts.
class PurlError extends Error {
}
const TYPE_RE = /^[a-z.+-][a-z0-9.+-]*$/;
const QUALIFIER_KEY_RE = /^[a-z.\-_][a-z0-9.\-_]*$/;
/**
 * Parse `pkg:type/namespace/name@version?qualifiers#subpath`. Throws PurlError naming the
 * problem: a scheme other than `pkg`, a bad type, no name, or broken percent-encoding.
 * The `@` that starts the version is the last one whose tail has no '/', so an unencoded npm
 * scope (`pkg:npm/@angular/core`) still reads as a namespace.
 */
function parsePurl(text) {
    let rest = text.trim();
    let subpath;
    const hash = rest.lastIndexOf('#');
    if (hash >= 0) {
        const segs = rest
            .slice(hash + 1)
            .split('/')
            .filter((s) => s !== '' && s !== '.' && s !== '..')
            .map((s) => decode(s, 'subpath'));
        if (segs.length > 0)
            subpath = segs.join('/');
        rest = rest.slice(0, hash);
    }
    const qualifiers = {};
    const q = rest.lastIndexOf('?');
    if (q >= 0) {
        for (const pair of rest.slice(q + 1).split('&')) {
            if (pair === '')
                continue;
            const eq = pair.indexOf('=');
            const key = (eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
            const value = eq < 0 ? '' : decode(pair.slice(eq + 1), `qualifier ${key}`);
            if (!QUALIFIER_KEY_RE.test(key))
                throw new PurlError(`qualifier key '${key}' is not valid`);
            // A key without a value is the same as no key (spec).
            if (value !== '')
                qualifiers[key] = value;
        }
        rest = rest.slice(0, q);
    }
    const colon = rest.indexOf(':');
    if (colon < 0 || rest.slice(0, colon).toLowerCase() !== 'pkg')
        throw new PurlError(`scheme is not 'pkg:'`);
    // `pkg://type/...` and `pkg:/type/...` mean `pkg:type/...`; a trailing '/' means nothing.
    rest = rest
        .slice(colon + 1)
        .replace(/^\/+/, '')
        .replace(/\/+$/, '');
    const slash = rest.indexOf('/');
    if (slash < 0)
        throw new PurlError(rest === '' ? 'no type' : 'no name after the type');
    const type = rest.slice(0, slash).toLowerCase();
    if (!TYPE_RE.test(type))
        throw new PurlError(`type '${type}' is not valid`);
    rest = rest.slice(slash + 1);
    let version;
    const at = rest.lastIndexOf('@');
    if (at >= 0 && !rest.slice(at + 1).includes('/')) {
        version = decode(rest.slice(at + 1), 'version');
        rest = rest.slice(0, at);
    }
    const segments = rest.split('/');
    const name = decode(segments.pop() ?? '', 'name');
    if (name === '')
        throw new PurlError('no name');
    const ns = segments.filter((s) => s !== '').map((s) => decode(s, 'namespace'));
    return {
        type,
        ...(ns.length > 0 ? { namespace: ns.join('/') } : {}),
        name,
        ...(version !== undefined ? { version } : {}),
        qualifiers,
        ...(subpath !== undefined ? { subpath } : {}),
    };
}
/** `pkg:type/namespace/name@version`, for messages (qualifiers and subpath left out). */
function formatPurl(p) {
    const enc = (s) => encodeURIComponent(s).replace(/%3A/gi, ':');
    const ns = p.namespace ? `${p.namespace.split('/').map(enc).join('/')}/` : '';
    return `pkg:${p.type}/${ns}${enc(p.name)}${p.version !== undefined ? `@${p.version}` : ''}`;
}
function decode(s, part) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        throw new PurlError(`${part} '${s}' has broken percent-encoding`);
    }
}
//# sourceMappingURL=purl.js.map

/***/ }),

/***/ 25129:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W3: () => (/* binding */ PREDICATE),
/* harmony export */   cF: () => (/* binding */ predicateLabel),
/* harmony export */   gJ: () => (/* binding */ resolvePredicateType),
/* harmony export */   lv: () => (/* binding */ parseSeverity),
/* harmony export */   qs: () => (/* binding */ severityRank)
/* harmony export */ });
/* unused harmony exports PREDICATE_SHORT_NAMES, SEVERITIES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(62807);
// Attestation vocabulary: predicate-type short names exactly as cosign maps them, and the
// requirement/condition types a policy states about attestations.

/** Predicate type URIs (cosign `pkg/cosign/attestation`, in-toto-golang `in_toto`). */
const PREDICATE = {
    cosignCustom: 'https://cosign.sigstore.dev/attestation/v1',
    cosignVuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
    slsaV02: 'https://slsa.dev/provenance/v0.2',
    slsaV1: 'https://slsa.dev/provenance/v1',
    spdx: 'https://spdx.dev/Document',
    cyclonedx: 'https://cyclonedx.org/bom',
    link: 'https://in-toto.io/Link/v1',
    openvex: 'https://openvex.dev/ns',
};
/**
 * cosign's `--type` short names (cmd/cosign/cli/options/predicate.go, cosign v3). `slsaprovenance`
 * is v0.2 (cosign never moved it to v1); `spdx` and `spdxjson` differ only in how cosign wraps the
 * document, not in the type.
 */
const PREDICATE_SHORT_NAMES = {
    custom: PREDICATE.cosignCustom,
    slsaprovenance: PREDICATE.slsaV02,
    slsaprovenance02: PREDICATE.slsaV02,
    slsaprovenance1: PREDICATE.slsaV1,
    spdx: PREDICATE.spdx,
    spdxjson: PREDICATE.spdx,
    cyclonedx: PREDICATE.cyclonedx,
    link: PREDICATE.link,
    vuln: PREDICATE.cosignVuln,
    openvex: PREDICATE.openvex,
};
/**
 * A short name or an absolute URI, as a predicate-type URI. Unlike cosign, which accepts any
 * string `url.ParseRequestURI` takes (so a typo such as `/sbom` becomes a type nothing carries),
 * only absolute http(s) URIs pass: a requirement that can never be met should fail at startup.
 */
function resolvePredicateType(nameOrUri, input = 'attestation type') {
    const s = nameOrUri.trim();
    const short = PREDICATE_SHORT_NAMES[s];
    if (short !== undefined)
        return short;
    if (/^https?:\/\/[^\s/]+\/\S*$/.test(s))
        return s;
    const known = Object.keys(PREDICATE_SHORT_NAMES).join(', ');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${input}: '${nameOrUri}' is not a known predicate type (short names: ${known}; or a full https:// URI)`);
}
/** The short name cosign users know a URI by, for messages; the URI itself when there is none. */
function predicateLabel(uri) {
    switch (uri) {
        case PREDICATE.slsaV02:
            return 'SLSA provenance v0.2';
        case PREDICATE.slsaV1:
            return 'SLSA provenance v1';
        case PREDICATE.spdx:
            return 'SPDX SBOM';
        case PREDICATE.cyclonedx:
            return 'CycloneDX SBOM';
        case PREDICATE.cosignVuln:
            return 'vuln scan';
        case PREDICATE.openvex:
            return 'OpenVEX';
        default:
            return uri;
    }
}
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'];
function severityRank(s) {
    return SEVERITIES.length - SEVERITIES.indexOf(s);
}
function parseSeverity(value, input = 'fail-on-severity') {
    const s = value.trim().toLowerCase();
    if (SEVERITIES.includes(s))
        return s;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${input}: '${value}' is not a severity (one of ${SEVERITIES.join(', ')})`);
}
//# sourceMappingURL=types.js.map

/***/ }),

/***/ 72188:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FG: () => (/* binding */ parseVersionRange),
/* harmony export */   rR: () => (/* binding */ versionInRange)
/* harmony export */ });
/* unused harmony exports parseVersion, compareVersions */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(62807);
// A small, lenient semver-style version comparer and range matcher for SBOM deny rules:
// enough for `<2.17.0`, `>=2.0.0 <2.17.0`, `2.14.1` and `a || b` over real-world version strings.

const COMPARATOR_RE = /^(<=|>=|<|>|=)?\s*v?(\S+)$/;
function parseVersionRange(raw, input = 'version range') {
    const alternatives = raw.split('||').map((alt) => {
        const parts = alt.trim().split(/\s+/).filter(Boolean);
        if (parts.length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${input}: '${raw}' has an empty alternative`);
        return mergeOperators(parts).map((p) => {
            const m = COMPARATOR_RE.exec(p);
            const version = m ? parseVersion(m[2]) : undefined;
            // Caret, tilde and x-ranges are npm shorthands we do not expand: refuse rather than guess.
            const wild = (r) => r === 'x' || r === '*';
            if (!m || !version || [version, version.suffixed].some((v) => v?.release.some(wild)))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${input}: '${p}'${p === raw.trim() ? '' : ` in '${raw}'`} is not a comparator (use <, <=, >, >=, = or a bare version)`);
            return { op: (m[1] ?? '='), version };
        });
    });
    return { raw, alternatives };
}
/** `>= 2.0.0` written with a space: glue a lone operator to the version after it. */
function mergeOperators(parts) {
    const out = [];
    for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        if (/^(<=|>=|<|>|=)$/.test(p) && i + 1 < parts.length)
            out.push(p + parts[++i]);
        else
            out.push(p);
    }
    return out;
}
/**
 * Parse `1.2.3`, `2.14`, `1.2.3-rc.1+build`, `2.17.0.Final` (= 2.17.0), `2.17.0-rc1`,
 * `1:2.3-4` (Debian epoch dropped), `2.3~rc1`. Anything after `-` or `~` is a pre-release and
 * sorts before the release, so `<2.17.0` also catches `2.17.0-rc1`, `2.17.0-SNAPSHOT` and a
 * Debian `2.17.0-1`. Letters inside the release (`3.1rc1`, `1.1.1k`) are read two ways, kept in
 * `suffixed`: a pre-release (PEP 440 `3.1rc1` < 3.1) and a suffix after the number (OpenSSL
 * `1.1.1k` > 1.1.1); a deny rule matches if either reading is in its range. A `-` followed by a
 * digit is also read as a distro package's revision of the release before it (Debian's
 * `5.6.0-0.2` and Fedora's `5.6.0-1.fc40` package xz 5.6.0), a third reading: so
 * `>=5.6.0 <=5.6.1` and `5.6.1` ban the distros' builds of those releases too.
 * Returns undefined when the string does not start with a number or holds anything but digits,
 * letters and `. _ - ~` (`2 .14.1`, `2.14,1`): such versions cannot be ordered.
 */
function parseVersion(raw) {
    // Fullwidth digits and invisible format characters must not make a version unequal to itself.
    let s = raw
        .normalize('NFKC')
        .replace(/[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
        .trim()
        .replace(/^v/i, '');
    s = s.replace(/^\d+:/, '').replace(/\+.*$/, '');
    if (!/^\d/.test(s))
        return undefined;
    const cut = s.search(/[-~]/);
    const main = cut < 0 ? s : s.slice(0, cut);
    const pre = cut < 0 ? '' : s.slice(cut + 1);
    // A word compares above every number, so junk read as a word would lift a version out of `<`.
    if (!/^[0-9a-z]+(?:[._][0-9a-z]+)*$/i.test(main) || !/^[0-9a-z._~-]*$/i.test(pre))
        return undefined;
    const ident = (x) => (/^\d+$/.test(x) ? Number(x) : x.toLowerCase());
    // `rc1`, `rc.1`, `rc-1` are one pre-release, and `rc10` sorts after `rc9`; `1k` is 1 then k.
    const runs = (x, sep) => x
        .split(sep)
        .flatMap((y) => y.match(/\d+|[^\d]+/g) ?? [])
        .map(ident);
    const release = runs(main, /[._]/);
    // Maven (and Spring, JBoss) spell the release itself `2.17.0.Final`, `2.17.0.RELEASE`, `-GA`.
    while (release.length > 1 && isReleaseWord(release[release.length - 1]))
        release.pop();
    const preParts = runs(pre, /[.~_-]/);
    const preRelease = preParts.length === 1 && isReleaseWord(preParts[0]) ? [] : preParts;
    const revision = s[cut] === '-' && /^\d/.test(pre) ? { release, pre: [] } : undefined;
    const word = release.findIndex((x) => typeof x === 'string');
    if (word < 0)
        return { release, pre: preRelease, ...(revision ? { revision } : {}) };
    return {
        release: release.slice(0, word),
        pre: [...release.slice(word), ...preRelease],
        suffixed: { release, pre: preRelease },
        ...(revision ? { revision } : {}),
    };
}
function isReleaseWord(x) {
    return x === 'final' || x === 'ga' || x === 'release';
}
function compareIdent(a, b) {
    if (a === b)
        return 0;
    if (a === undefined)
        return typeof b === 'number' && b === 0 ? 0 : -1;
    if (b === undefined)
        return typeof a === 'number' && a === 0 ? 0 : 1;
    if (typeof a === 'number' && typeof b === 'number')
        return a < b ? -1 : 1;
    // Numbers sort before words, as in semver pre-release precedence.
    if (typeof a === 'number')
        return -1;
    if (typeof b === 'number')
        return 1;
    return a < b ? -1 : 1;
}
function compareVersions(a, b) {
    const n = Math.max(a.release.length, b.release.length);
    for (let i = 0; i < n; i++) {
        const c = compareIdent(a.release[i], b.release[i]);
        if (c !== 0)
            return c;
    }
    if (a.pre.length === 0 && b.pre.length === 0)
        return 0;
    if (a.pre.length === 0)
        return 1;
    if (b.pre.length === 0)
        return -1;
    const m = Math.max(a.pre.length, b.pre.length);
    for (let i = 0; i < m; i++) {
        if (a.pre[i] === undefined)
            return -1;
        if (b.pre[i] === undefined)
            return 1;
        const c = compareIdent(a.pre[i], b.pre[i]);
        if (c !== 0)
            return c;
    }
    return 0;
}
/**
 * Does `version` fall in `range`? An unorderable version (`latest`, `git-abc123`) is reported as
 * `undefined` so the caller can decide; deny lists treat it as a match (fail closed).
 */
function versionInRange(version, range) {
    const v = parseVersion(version);
    if (!v)
        return undefined;
    const as = (p, mode) => mode === 'suffixed' ? (p.suffixed ?? p) : mode === 'revision' ? (p.revision ?? p) : p;
    // Both sides in one reading; in range if any reading puts it there (deny lists fail closed).
    return ['plain', 'suffixed', 'revision'].some((mode) => range.alternatives.some((all) => all.every(({ op, version: bound }) => {
        const c = compareVersions(as(v, mode), as(bound, mode));
        switch (op) {
            case '<':
                return c < 0;
            case '<=':
                return c <= 0;
            case '>':
                return c > 0;
            case '>=':
                return c >= 0;
            case '=':
                return c === 0;
        }
    })));
}
//# sourceMappingURL=version-range.js.map

/***/ }),

/***/ 62807:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Vl: () => (/* binding */ toGateError),
/* harmony export */   sH: () => (/* binding */ isFailureCode),
/* harmony export */   ue: () => (/* binding */ GateError)
/* harmony export */ });
// Typed errors for the whole core. The report's outcome and reason come from `code`,
// never from parsing messages: a code decides whether a failure is a verdict or an outage.
const FAILURE_CODES = new Set([
    'NOT_FOUND',
    'UNSIGNED',
    'DIGEST_MISMATCH',
    'MALFORMED',
    'PAYLOAD_MISMATCH',
    'SIGNATURE_INVALID',
    'UNTRUSTED_SIGNER',
    'TLOG_MISSING',
    'TLOG_INVALID',
    'ATTESTATION_MISSING',
    'POLICY_VIOLATION',
    'REVOKED',
]);
class GateError extends Error {
    code;
    constructor(code, message, options) {
        super(message, options);
        this.name = 'GateError';
        this.code = code;
    }
}
function isFailureCode(code) {
    return FAILURE_CODES.has(code);
}
/** Any thrown value as a GateError; unknown exceptions become INTERNAL (exit 2, never a pass). */
function toGateError(e) {
    if (e instanceof GateError)
        return e;
    const message = e instanceof Error ? e.message : String(e);
    return new GateError('INTERNAL', `unexpected error: ${message}`, { cause: e });
}
//# sourceMappingURL=errors.js.map

/***/ }),

/***/ 91468:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   TZ: () => (/* binding */ parseRegistryHost),
/* harmony export */   ZZ: () => (/* binding */ parseTimeout),
/* harmony export */   mw: () => (/* binding */ parseTufMirror),
/* harmony export */   nY: () => (/* binding */ parseConcurrency),
/* harmony export */   qA: () => (/* binding */ parsePlatforms),
/* harmony export */   xj: () => (/* binding */ parseComposeEnv),
/* harmony export */   yG: () => (/* binding */ parseBoolean),
/* harmony export */   zY: () => (/* binding */ DEFAULTS)
/* harmony export */ });
/* unused harmony exports MAX_TIMER_MS, parseLines, KNOWN_OS, KNOWN_ARCH */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(62807);

const DEFAULTS = {
    concurrency: 32,
    timeoutMs: 5 * 60_000,
};
function parseConcurrency(name, value) {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > 64)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${value}' is not a whole number from 1 to 64`);
    return n;
}
/**
 * `500ms`, `30s`, `5m`, `48h`, `2d`. A number without a unit is refused: `--timeout 5` could mean
 * seconds or minutes and `maxVulnAge: 48` hours or seconds, so neither is guessed.
 */
function parseDuration(name, value) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value);
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${value}' is not a duration (e.g. 90s, 5m, 48h)`);
    if (m[2] === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${value}' has no unit (write ${m[1]}s, ${m[1]}m or ${m[1]}h; units: ms, s, m, h, d)`);
    const n = Number(m[1]);
    const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]];
    const v = n * factor;
    if (v <= 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${value}' must be more than zero`);
    return v;
}
/** The longest delay a Node timer keeps: a longer one fires after 1 ms (TimeoutOverflowWarning). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * A duration a timer waits (the run's deadline): one past what a Node timer can hold would end
 * the run at once, every image skipped as past its deadline, so it is refused naming the value.
 */
function parseTimeout(name, value) {
    const ms = parseDuration(name, value);
    if (ms > MAX_TIMER_MS)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${value}' is longer than the longest deadline this runtime can keep (${MAX_TIMER_MS} ms, about 24.8 days)`);
    return ms;
}
/**
 * A registry as `host` or `host:port` (an IPv6 address in brackets), the form image references
 * and Docker's `insecure-registries` use: no scheme, path, user or query.
 */
function parseRegistryHost(name, value) {
    const v = value.trim();
    const host = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d{1,5}))?$/.exec(v);
    if (!host || (host[1] !== undefined && (Number(host[1]) < 1 || Number(host[1]) > 65535)))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${value}' is not a registry host (expected host or host:port, without scheme or path, e.g. registry.lan:5000)`);
    return v;
}
/** A TUF mirror: an http(s) URL without query or fragment; a trailing slash is dropped. */
function parseTufMirror(name, value) {
    let url;
    try {
        url = new URL(value.trim());
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${value}' is not a URL`);
    }
    // Never echoed: the password is a credential. A TUF client (fetch) cannot send it anyway.
    if (url.username !== '' || url.password !== '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${url.protocol}//***@${url.host}${url.pathname}' carries credentials in the URL, which are not sent and would show in the report; give a mirror that needs none`);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${value}' is not an http(s) URL without query or fragment`);
    return url.href.replace(/\/+$/, '');
}
/**
 * A yes/no value. An empty one is neither: read as false it would turn off what its default has
 * on (`require-signature`). Front ends that take "empty" as "not given" check that first.
 */
function parseBoolean(name, value) {
    const v = value.trim().toLowerCase();
    if (['true', 'yes', '1', 'on'].includes(v))
        return true;
    if (['false', 'no', '0', 'off'].includes(v))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${value}' is not true or false`);
}
/** One item per line; blank lines and `#` comments ignored; commas also separate. */
function parseList(value) {
    return value
        .split('\n')
        .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
        .flatMap((l) => l.split(/[,\s]+/))
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/**
 * `compose-env`: variable names, each item also split at commas (`--compose-env A,B`); a name
 * that is not a Compose variable name is an error naming the input and the name.
 */
function parseComposeEnv(name, items) {
    const names = items.flatMap((i) => i.split(/[,\s]+/)).filter((n) => n !== '');
    for (const n of names)
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${n}' is not an environment variable name`);
    return [...new Set(names)];
}
/** One item per line, blank lines and `#` comments ignored; spaces inside an item are kept. */
function parseLines(value) {
    return value
        .split('\n')
        .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
        .filter((l) => l !== '');
}
const PLATFORM_PART = /^[a-z0-9][a-z0-9._-]*$/;
/** Go's known GOOS values (go/build/syslist.go), which OCI image indexes use for `os`. */
const KNOWN_OS = new Set('aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos'.split(' '));
/** Go's known GOARCH values (go/build/syslist.go), which OCI image indexes use for `architecture`. */
const KNOWN_ARCH = new Set('386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm'.split(' '));
/**
 * `all`, or a comma/newline-separated list of `os/arch[/variant]` (e.g. `linux/amd64,linux/arm64/v8`).
 * An empty value means "not requested".
 */
function parsePlatforms(name, value) {
    const items = parseList(value);
    if (items.length === 0)
        return undefined;
    if (items.includes('all')) {
        if (items.length > 1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: 'all' cannot be combined with a list ('${value}')`);
        return 'all';
    }
    return items.map((item) => {
        const parts = item.split('/');
        if (parts.length < 2 || parts.length > 3 || !parts.every((p) => PLATFORM_PART.test(p)))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${item}' is not a platform (expected os/arch or os/arch/variant, e.g. linux/amd64, or all)`);
        const [os, architecture, variant] = parts;
        if (!KNOWN_OS.has(os))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${item}': '${os}' is not an OCI/Go operating system (e.g. linux, windows, darwin, freebsd)`);
        if (!KNOWN_ARCH.has(architecture))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${item}': '${architecture}' is not an OCI/Go architecture (e.g. amd64, arm64, arm, 386, ppc64le, s390x, riscv64)`);
        return { os, architecture, ...(variant !== undefined ? { variant } : {}) };
    });
}
function formatPlatform(p) {
    return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}
//# sourceMappingURL=options.js.map

/***/ }),

/***/ 58324:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  T9: () => (/* binding */ PackedResults),
  lS: () => (/* binding */ isPacked),
  du: () => (/* binding */ mapResults),
  eG: () => (/* binding */ packedOutcomes)
});

// UNUSED EXPORTS: packResult, unpackResult

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
;// CONCATENATED MODULE: ./build/core/result-spool.js
// Where a batch's packed results live (issue 15, flat memory): the first SPOOL_AFTER_BYTES of
// result text in memory, and past that each verified result's text in a temporary file, read back
// when the report is written. A 10 000-image run held about 13 MB of result text on the heap,
// which old space had to grow around for the whole run; on disk it costs one write per 64 KB and,
// read back in order, one read per 64 KB.
//
// Only verified results go to the file. A result that failed or errored can quote a registry's
// error text, in which a secret it echoed may wait to be redacted when the result is read
// (SecretRegistry.redactDeep): that text stays in memory. The file is private (a 0700 directory
// made for it, the file 0600), unlinked as soon as it is open where the system allows it (else at
// exit), and closed when the list is collected. If it cannot be made or written, the texts stay
// in memory, as they did before: the spool saves memory, it never fails a run.



/** Result text kept in memory before verified results go to the spool file (UTF-16 code units). */
const SPOOL_AFTER_CHARS = 2 * 2 ** 20;
/** Bytes written to, and read back from, the spool file at a time. */
const BLOCK_BYTES = 64 * 1024;
const closer = new FinalizationRegistry((f) => closeSpool(f));
const atExit = new Set();
let exitHooked = false;
function closeSpool(f) {
    try {
        (0,external_node_fs_.closeSync)(f.fd);
    }
    catch {
        // already closed
    }
    if (f.path !== undefined) {
        try {
            (0,external_node_fs_.unlinkSync)(f.path);
            if (f.dir !== undefined)
                (0,external_node_fs_.rmdirSync)(f.dir);
        }
        catch {
            // gone already
        }
    }
    atExit.delete(f);
}
function openSpool() {
    let dir;
    try {
        dir = (0,external_node_fs_.mkdtempSync)(external_node_path_.join((0,external_node_os_.tmpdir)(), 'image-gate-results-'));
        const file = external_node_path_.join(dir, 'results');
        const fd = (0,external_node_fs_.openSync)(file, 'wx+', 0o600);
        try {
            (0,external_node_fs_.unlinkSync)(file);
            (0,external_node_fs_.rmdirSync)(dir);
            return { fd };
        }
        catch {
            // Windows keeps an open file's name: remove it at exit instead.
            const f = { fd, path: file, dir };
            atExit.add(f);
            if (!exitHooked) {
                exitHooked = true;
                process.once('exit', () => {
                    for (const x of [...atExit])
                        closeSpool(x);
                });
            }
            return f;
        }
    }
    catch {
        if (dir !== undefined)
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        return undefined;
    }
}
/**
 * `length` slots of result text, each set once. `set(i, text, spoolable)` keeps the text in
 * memory until SPOOL_AFTER_CHARS (or `memoryChars`) have been kept, and past that writes a
 * spoolable one to the spool file; `get(i)` returns the text as it was set.
 */
class ResultTexts {
    length;
    memoryLimit;
    inMemory;
    /** Per slot: the text's byte offset in the file, or -1. */
    offsets;
    sizes;
    memoryChars = 0;
    file;
    /** False once the file could not be made or written: everything stays in memory. */
    spooling = true;
    /** Bytes in the file, and the texts not written yet (they follow at `written`). */
    written = 0;
    pending = [];
    pendingBytes = 0;
    /** The last block read back, and the file offset it starts at. */
    block;
    blockAt = 0;
    constructor(length, memoryLimit = SPOOL_AFTER_CHARS) {
        this.length = length;
        this.memoryLimit = memoryLimit;
        this.inMemory = new Array(length);
        this.offsets = new Float64Array(length).fill(-1);
        this.sizes = new Uint32Array(length);
    }
    set(i, text, spoolable) {
        if (!spoolable ||
            !this.spooling ||
            this.memoryChars + text.length <= this.memoryLimit ||
            !this.ensureFile()) {
            this.inMemory[i] = text;
            this.memoryChars += text.length;
            return;
        }
        const bytes = Buffer.from(text, 'utf8');
        this.offsets[i] = this.written + this.pendingBytes;
        this.sizes[i] = bytes.length;
        this.pending.push(bytes);
        this.pendingBytes += bytes.length;
        if (this.pendingBytes >= BLOCK_BYTES)
            this.flush();
    }
    has(i) {
        return this.inMemory[i] !== undefined || this.offsets[i] >= 0;
    }
    get(i) {
        const t = this.inMemory[i];
        if (t !== undefined)
            return t;
        const at = this.offsets[i];
        if (at < 0)
            return undefined;
        const size = this.sizes[i];
        if (at + size > this.written) {
            this.flush();
            // A failed write put the pending texts back in memory.
            const back = this.inMemory[i];
            if (back !== undefined)
                return back;
        }
        if (this.block === undefined ||
            at < this.blockAt ||
            at + size > this.blockAt + this.block.length) {
            const want = Math.max(size, BLOCK_BYTES);
            const buf = Buffer.allocUnsafe(Math.min(want, this.written - at));
            let got = 0;
            while (got < buf.length) {
                const n = (0,external_node_fs_.readSync)(this.file.fd, buf, got, buf.length - got, at + got);
                if (n === 0)
                    throw new Error(`result spool: read ${got} of ${buf.length} bytes at ${at}`);
                got += n;
            }
            this.block = buf;
            this.blockAt = at;
        }
        const from = at - this.blockAt;
        return this.block.toString('utf8', from, from + size);
    }
    /** How many texts are in the file (for tests and the report's stats). */
    get spooled() {
        let n = 0;
        for (const o of this.offsets)
            if (o >= 0)
                n++;
        return n;
    }
    ensureFile() {
        if (this.file !== undefined)
            return true;
        this.file = openSpool();
        if (this.file === undefined) {
            this.spooling = false;
            return false;
        }
        closer.register(this, this.file);
        return true;
    }
    /** Writes the pending texts; a failed write keeps them (and every later one) in memory. */
    flush() {
        if (this.pendingBytes === 0)
            return;
        const data = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
        let done = 0;
        try {
            while (done < data.length)
                done += (0,external_node_fs_.writeSync)(this.file.fd, data, done, data.length - done, this.written + done);
        }
        catch {
            this.unspoolPending();
            this.spooling = false;
            return;
        }
        this.written += data.length;
        this.pending = [];
        this.pendingBytes = 0;
    }
    /** The pending texts back into memory, after a write failed. */
    unspoolPending() {
        for (let i = 0; i < this.length; i++) {
            const at = this.offsets[i];
            if (at < this.written)
                continue;
            let rel = at - this.written;
            for (const b of this.pending) {
                if (rel < b.length) {
                    this.inMemory[i] = b.toString('utf8');
                    break;
                }
                rel -= b.length;
            }
            this.offsets[i] = -1;
        }
        this.pending = [];
        this.pendingBytes = 0;
    }
}
//# sourceMappingURL=result-spool.js.map
;// CONCATENATED MODULE: ./build/core/packed-results.js

const PACKED = Symbol('packed results');
/** One result as text: what a packed list or a deduplication entry holds. */
function packResult(r) {
    return JSON.stringify(r);
}
function unpackResult(text) {
    return JSON.parse(text);
}
/** A list of `length` slots, each set once with `set`, read through `results`. */
class PackedResults {
    texts;
    outcomes;
    /** `memoryChars`: result text kept in memory before verified ones are spooled (result-spool.ts). */
    constructor(length, memoryChars) {
        this.texts = new ResultTexts(length, memoryChars);
        this.outcomes = new Array(length);
    }
    set(i, r) {
        // Only a verified result may go to the spool file: another can quote a registry's error
        // text, whose echoed secrets are redacted when it is read, so it stays in memory.
        this.texts.set(i, packResult(r), r.outcome === 'verified');
        this.outcomes[i] = r.outcome;
    }
    /** How many results are in the spool file. */
    get spooled() {
        return this.texts.spooled;
    }
    /** Slot `i` parsed (a fresh copy), as it was set. */
    get(i) {
        const t = this.texts.get(i);
        if (t === undefined)
            throw new RangeError(`packed result ${i} is not set`);
        return unpackResult(t);
    }
    /** The results as a read-only array (a slot never set reads as undefined). */
    get results() {
        return view({ texts: this.texts, outcomes: this.outcomes, read: (r) => r });
    }
}
/**
 * The outcome of each result of a packed list, as the batch decided it, without parsing any
 * result (a batch's verdict is computed several times: report, exit code, summary); undefined
 * for any other array. The functions a packed view applies as results are read (sources,
 * redaction) leave the verdict as decided.
 */
function packedOutcomes(list) {
    return typeof list === 'object' && list !== null ? packedOf(list)?.outcomes : undefined;
}
/** Whether `list` is a packed list's view. */
function isPacked(list) {
    return typeof list === 'object' && list !== null && packedOf(list) !== undefined;
}
/**
 * `list.map(f)` without holding the results: for a packed list, a packed view that applies `f`
 * to each result as it is read (so `f` must be pure: it may run once per read); for any other
 * array, `list.map(f)`.
 */
function mapResults(list, f) {
    const p = packedOf(list);
    if (!p)
        return list.map((r) => f(r));
    const read = p.read;
    return view({ texts: p.texts, outcomes: p.outcomes, read: (r) => f(read(r)) });
}
function packedOf(list) {
    return list[PACKED];
}
function index(p, length) {
    if (typeof p !== 'string')
        return undefined;
    const n = Number(p);
    return Number.isInteger(n) && n >= 0 && n < length && String(n) === p ? n : undefined;
}
function view(packed) {
    const { texts, read } = packed;
    const at = (i) => {
        const t = texts.get(i);
        return t === undefined ? undefined : read(unpackResult(t));
    };
    const readOnly = () => {
        throw new TypeError('a finished batch result list is read-only');
    };
    // The target is an empty array (so Array.isArray holds) whose length the traps report.
    return new Proxy([], {
        get(target, p, receiver) {
            if (p === PACKED)
                return packed;
            if (p === 'length')
                return texts.length;
            const i = index(p, texts.length);
            if (i !== undefined)
                return at(i);
            return Reflect.get(target, p, receiver);
        },
        has(target, p) {
            if (p === PACKED)
                return true;
            const i = index(p, texts.length);
            return i !== undefined ? texts.has(i) : Reflect.has(target, p);
        },
        ownKeys() {
            const keys = [];
            for (let i = 0; i < texts.length; i++)
                if (texts.has(i))
                    keys.push(String(i));
            keys.push('length');
            return keys;
        },
        getOwnPropertyDescriptor(target, p) {
            if (p === 'length')
                return { ...Reflect.getOwnPropertyDescriptor(target, p), value: texts.length };
            const i = index(p, texts.length);
            if (i === undefined || !texts.has(i))
                return undefined;
            return { value: at(i), writable: false, enumerable: true, configurable: true };
        },
        set: readOnly,
        defineProperty: readOnly,
        deleteProperty: readOnly,
    });
}
//# sourceMappingURL=packed-results.js.map

/***/ }),

/***/ 16054:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ compileMode),
/* harmony export */   ZC: () => (/* binding */ enforceAfterDate),
/* harmony export */   Zx: () => (/* binding */ parseMode),
/* harmony export */   a: () => (/* binding */ parseEnforceAfter),
/* harmony export */   im: () => (/* binding */ formatDay),
/* harmony export */   n5: () => (/* binding */ modeProblem),
/* harmony export */   zi: () => (/* binding */ warnsAt)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(62807);
// Audit mode, for rolling a gate out: a rule in `warn` mode reports its failures as warnings (the
// run exits 0) until its `enforce-after` date, if it has one, and enforces from that date on.
// Stated by the flags and Action inputs (`mode`, `enforce-after`) and per policy-file rule
// (`mode`, `enforceAfter`); applied after the verdict by verify/mode.ts.

/** `enforce` or `warn`, exactly. */
function parseMode(name, value) {
    const v = value.trim();
    if (v === 'enforce' || v === 'warn')
        return v;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${value}' is not enforce or warn`);
}
/** A day `YYYY-MM-DD` that exists, as UTC midnight; anything else (times, 2027-02-30) refused. */
function parseEnforceAfter(name, value) {
    const d = enforceAfterDate(value);
    if (d === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${value}' is not a date YYYY-MM-DD (UTC; the rule warns before it and enforces from it)`);
    return d;
}
/** The date a `YYYY-MM-DD` names, or undefined when it is not one (or names no real day). */
function enforceAfterDate(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
        return undefined;
    const d = new Date(`${value}T00:00:00.000Z`);
    // Date rolls 2027-02-30 over to March; a day that does not exist does not round-trip.
    if (Number.isNaN(d.getTime()) || formatDay(d) !== value)
        return undefined;
    return d;
}
/** `YYYY-MM-DD` of a UTC midnight. */
function formatDay(d) {
    return d.toISOString().slice(0, 10);
}
/**
 * Why a stated mode cannot be compiled: `enforce` with an enforce-after date says both "enforce
 * now" and "warn until then". `words` spell the two fields as the source does (`mode=`,
 * `enforce-after=` for flags and inputs; `mode: `, `enforceAfter: ` in a policy file).
 */
function modeProblem(s, words) {
    if (s.mode === 'enforce' && s.enforceAfter !== undefined)
        return `${words.mode}enforce and ${words.enforceAfter}${formatDay(s.enforceAfter)} exclude each other (${words.enforceAfter.replace(/[=:] ?$/, '')} warns until that date, then enforces); leave out ${words.mode}enforce or write ${words.mode}warn`;
    return undefined;
}
/** The compiled mode: warn (until enforceAfter when given) when stated, else nothing (enforce). */
function compileMode(s) {
    if (s.mode === 'enforce' || (s.mode === undefined && s.enforceAfter === undefined))
        return {};
    return {
        mode: 'warn',
        ...(s.enforceAfter !== undefined ? { enforceAfter: s.enforceAfter } : {}),
    };
}
/** Whether a rule in this mode reports failures as warnings at `now`. */
function warnsAt(m, now) {
    return (m.mode === 'warn' && (m.enforceAfter === undefined || now.getTime() < m.enforceAfter.getTime()));
}
//# sourceMappingURL=mode.js.map

/***/ }),

/***/ 62683:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I$: () => (/* binding */ exitCode),
/* harmony export */   Rq: () => (/* binding */ reportOutcome),
/* harmony export */   iB: () => (/* binding */ overallOutcome)
/* harmony export */ });
/* harmony import */ var _packed_results_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(58324);
// Outcomes: a batch's from its image results, a report's from its results and start error, and
// the one place that maps an outcome to the exit code (0 verified or warned, 1 failed, 2 error).

/** A batch fails if any image failed; else errors if any image errored or was skipped; images a policy file allows unverified do not block it. */
function overallOutcome(results) {
    // A packed list keeps its outcomes beside the texts: no result is parsed for the verdict.
    const outcomes = (0,_packed_results_js__WEBPACK_IMPORTED_MODULE_0__/* .packedOutcomes */ .eG)(results) ?? results.map((r) => r.outcome);
    // A slot never set (a batch cut short) is no verdict: an error, never a pass.
    if (outcomes.includes('failed'))
        return 'failed';
    if (outcomes.includes('error') || outcomes.includes(undefined))
        return 'error';
    if (outcomes.length === 0)
        return 'error';
    if (outcomes.includes('skipped'))
        return 'error';
    // Failures under rules in warn mode (verify/mode.ts): green, but not `verified`.
    if (outcomes.includes('warned'))
        return 'warned';
    return 'verified';
}
function exitCode(outcome) {
    return outcome === 'verified' || outcome === 'warned' ? 0 : outcome === 'failed' ? 1 : 2;
}
/** The report's outcome from its results and start error alone (never from a stored field). */
function reportOutcome(r) {
    if (r.error)
        return r.results.some((x) => x.outcome === 'failed') ? 'failed' : 'error';
    // A shard the list gave no image verified nothing and passes: the verdict is merge's.
    if (r.shard && r.results.length === 0)
        return 'verified';
    return overallOutcome(r.results);
}
//# sourceMappingURL=report-outcome.js.map

/***/ }),

/***/ 14486:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   WI: () => (/* binding */ REPORT_SCHEMA_VERSION),
/* harmony export */   js: () => (/* binding */ TOOL),
/* harmony export */   qH: () => (/* binding */ TOOL_URI)
/* harmony export */ });
/** 2: `runId` and `policyDigest` added, so `merge` can refuse duplicates and mixed policies. */
const REPORT_SCHEMA_VERSION = 2;
/**
 * Who image-gate is, in one place: its name and version (package.json's), written into every
 * report as `tool`, and its URI (the repository the Action is used from, `uses:
 * acme/image-gate@\u2026`), a verification summary's `verifier.id`. test/unit/tool-identity.test.ts
 * holds them to package.json (and its `homepage`/`repository` when it names one) and the README.
 */
const TOOL = { name: 'image-gate', version: '0.1.0' };
const TOOL_URI = 'https://github.com/acme/image-gate';
//# sourceMappingURL=report.js.map

/***/ }),

/***/ 60568:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ MAX_SHARDS),
/* harmony export */   u: () => (/* binding */ parseShard)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(62807);
// `shard: I/N` as the front ends parse it, apart from the hashing in shard.ts: the option table
// (src/edge/options.ts) loads with every CLI start, and this needs neither node:crypto nor the
// reference parser.

/** Most shards a list is split into: GitHub's limit of jobs in one matrix. */
const MAX_SHARDS = 256;
/**
 * `I/N` with 1 \u2264 I \u2264 N \u2264 MAX_SHARDS, decimal without sign, leading zeros or spaces; anything else
 * (`0/3`, `4/3`, `1/0`, `a/b`, `1/3/4`, ` 1/3`) is a usage error naming `name` and the value.
 */
function parseShard(name, value) {
    const m = /^([1-9][0-9]{0,2})\/([1-9][0-9]{0,2})$/.exec(value);
    const bad = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `${name}: '${value}' ${why} (expected I/N, e.g. 1/3 for the first of 3 shards)`);
    if (!m)
        throw bad('is not a shard');
    const index = Number(m[1]);
    const count = Number(m[2]);
    if (count > MAX_SHARDS)
        throw bad(`has more than ${MAX_SHARDS} shards`);
    if (index > count)
        throw bad(`names shard ${index} of only ${count}`);
    return { index, count };
}
//# sourceMappingURL=shard-spec.js.map

/***/ }),

/***/ 86295:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ writeReportFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(76760);
/* harmony import */ var _render_json_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(77199);
// Writing the JSON report to a file piece by piece (render/json.ts reportJsonChunks): the same
// bytes as writeFile(reportJson(report)), without the whole document in memory at once.



/** Writes `report` as JSON to `file`, its directory made first; throws what fs throws. */
async function writeReportFile(file, report) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(file)), { recursive: true });
    const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'w');
    try {
        for (const chunk of (0,_render_json_js__WEBPACK_IMPORTED_MODULE_2__/* .reportJsonChunks */ .hT)(report))
            await fh.write(chunk);
    }
    finally {
        await fh.close();
    }
}
//# sourceMappingURL=report-file.js.map

/***/ }),

/***/ 3217:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ce: () => (/* binding */ markdownAttribute),
/* harmony export */   UN: () => (/* binding */ escapeControls),
/* harmony export */   eR: () => (/* binding */ terminalText),
/* harmony export */   p7: () => (/* binding */ markdownText),
/* harmony export */   xK: () => (/* binding */ xmlText)
/* harmony export */ });
/* unused harmony exports logText, annotationText, outputLine, outputText, outputLines, outputJson */
// One sanitiser per place text leaves the program: terminal, Actions log, Markdown job summary,
// GITHUB_OUTPUT. Registry, file and signature strings are data and must never act as commands.
/**
 * Characters that move the cursor, start escape sequences, reorder or hide text: C0 and C1
 * controls and DEL (ESC/CSI/OSC live here), format characters (bidi overrides and isolates,
 * zero-width characters, BOM), line and paragraph separators, and lone surrogates.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/**
 * The visible escape of one such character: `\n`, `\r`, `\t`, else `\uXXXX` per UTF-16 unit
 * (JSON-compatible; tag characters such as U+E0041 become a surrogate pair of escapes).
 */
function escapeChar(c) {
    if (c === '\n')
        return '\\n';
    if (c === '\r')
        return '\\r';
    if (c === '\t')
        return '\\t';
    let out = '';
    for (let i = 0; i < c.length; i++)
        out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
}
/**
 * One value for one line: every control, format and separator character shown as an escape, so
 * a value can neither break a line nor hide or restyle what follows. Renderers apply it to each
 * interpolated field; the sinks below apply it to each line of whole messages.
 */
function escapeControls(s) {
    return s.replace(INVISIBLE, escapeChar);
}
/**
 * Whatever the terminal and log sinks change: a control other than LF, a format, separator or
 * surrogate character (escapeControls), `##[`, or a line whose first non-blank is `:`
 * (noCommands; its `\s` is, after escapeControls, only the space separators \p{Zs}). Text with
 * none of these leaves both sinks as it came, so it is not split into lines at all: a JSON report
 * of 10 000 results is one such string.
 */
const SINK_CHANGES = /[^\P{Cc}\n]|[\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|##\[|(?:^|\n)\p{Zs}*:/u;
/** Each line of `s` escaped; the line breaks themselves kept. */
function byLine(s, line) {
    if (!SINK_CHANGES.test(s))
        return s;
    return s.split('\n').map(line).join('\n');
}
// ---- terminal (CLI stdout and stderr) ----------------------------------------------------------
/**
 * Text for a terminal: line breaks kept, everything else a terminal would interpret (ESC/CSI/OSC,
 * lone CR, C1, bidi) escaped. One leading CR is kept: the progress counter's own overwrite.
 * The CLI also runs in workflow steps, whose output the runner reads for commands: no line can
 * be one (as for logText). JSON stays valid and equal: its strings never hold a raw control, the
 * escapes used are JSON escapes, and `[` or `:` escaped only ever sit inside a string.
 */
function terminalText(s) {
    const line = (l) => noCommands(escapeControls(l));
    if (s.startsWith('\r'))
        return `\r${byLine(s.slice(1), line)}`;
    return byLine(s, line);
}
/**
 * One escaped line that the runner cannot take as a workflow command: it does when the line
 * starts with `::` after leading blanks (`::add-mask::`, `::stop-commands::`, `::warning::`) and
 * when `##[` (the older syntax) appears anywhere.
 */
function noCommands(line) {
    return line.replace(/##\[/g, '##\\u005b').replace(/^(\s*):/, '$1\\u003a');
}
// ---- GitHub Actions log (core.info, debug, warning, error, setFailed, group titles) -----------
/**
 * Text for the Actions log: as for a terminal, and no line can be a workflow command. The runner
 * takes a line as a command when it starts with `::` after leading blanks (`::add-mask::`,
 * `::stop-commands::`, `::warning::`) and recognises `##[` (the older syntax) anywhere.
 */
function logText(s) {
    return byLine(s, (line) => noCommands(escapeControls(line)));
}
/**
 * An annotation's message or property (`::error title=\u2026,file=\u2026::MESSAGE`): one line, every
 * control escaped, and no command syntax of its own. The toolkit then percent-encodes what the
 * command format needs (`%`, and `:` `,` in properties).
 */
function annotationText(s) {
    return noCommands(escapeControls(s));
}
// ---- Markdown/HTML job summary ------------------------------------------------------------------
/**
 * Ends the text node after the character that would start or join an autolink. GitHub's
 * cmark-gfm finds email autolinks after parsing, in text nodes merged with their decoded
 * entities (`cmark_consolidate_text_nodes`), so `log4j-core&#64;2.14.1` still became a mailto
 * link; and @mentions are found in the HTML's text. `<wbr>` is an inline HTML node (it splits the
 * text there, and GitHub's sanitiser keeps it), shows nothing and is not copied.
 */
const AUTOLINK_BREAK = '<wbr>';
const MARKDOWN_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '|': '&#124;',
    '`': '&#96;',
    '[': '&#91;',
    ']': '&#93;',
    '*': '&#42;',
    _: '&#95;',
    '~': '&#126;',
    '\\': '&#92;',
    $: '&#36;',
    // Email autolinks and @mentions: an entity alone is not enough (see AUTOLINK_BREAK).
    '@': `&#64;${AUTOLINK_BREAK}`,
};
/**
 * One value inside a Markdown table cell or an HTML element of the job summary: HTML and the
 * Markdown-active characters as entities (no tags, links, images, code spans, emphasis, strike,
 * math, mentions, backslash escapes, pipes that end a cell); GFM autolinks broken (the `@`, the
 * `:` of `scheme://`, `mailto:`, `xmpp:`, the `.` of `www.`, each as an entity followed by
 * `<wbr>`); controls escaped visibly. Characters that only act at a line start (`#`, `-`, `>`)
 * need nothing: a value never starts a line. `<wbr>` is the only tag it ever writes.
 */
function markdownText(s) {
    return escapeControls(s)
        .replace(/[&<>|`[\]*_~\\$@]/g, (c) => MARKDOWN_ENTITIES[c])
        .replace(/:(?=\/\/)|(?<=\b(?:mailto|xmpp)):/gi, `&#58;${AUTOLINK_BREAK}`)
        .replace(/(?<=\bwww)\./gi, `&#46;${AUTOLINK_BREAK}`);
}
/**
 * One value inside a double-quoted HTML attribute of the job summary (a `title`): controls
 * escaped visibly, then every character but letters, digits, space and `,-/+=` as a numeric
 * entity, so it can end neither the attribute, the tag, nor the table cell (`|`).
 */
function markdownAttribute(s) {
    return escapeControls(s).replace(/[^A-Za-z0-9 ,\-/+=]/gu, (c) => `&#${c.codePointAt(0)};`);
}
// ---- XML (JUnit) -------------------------------------------------------------------------------
const XML_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&apos;',
};
/**
 * One value in XML text or a quoted attribute: the five markup characters as entities, and every
 * character XML 1.0 forbids (C0 but TAB/LF/CR, lone surrogates, U+FFFE, U+FFFF) or a report
 * viewer would act on (C1, bidi, separators, and TAB/LF/CR too, which attributes would normalise
 * away) shown as a visible escape, so the document parses and the text reads as it was.
 */
function xmlText(s) {
    return escapeControls(s)
        .replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
        .replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}
// ---- GITHUB_OUTPUT ----------------------------------------------------------------------------
/**
 * A step output value: one line (no break, no CR, no control) so it can neither end the runner's
 * heredoc early nor add a line a consumer reads as another value.
 */
function outputLine(s) {
    return escapeControls(s);
}
/**
 * Any step output as it is handed to the runner: its lines kept, each line escaped. The last
 * guard at the toolkit binding; values are built with the three functions around it.
 */
function outputText(s) {
    return byLine(s, escapeControls);
}
/** An output that is a list, one item a line: each item an `outputLine`. */
function outputLines(items) {
    return items.map(outputLine).join('\n');
}
/**
 * A JSON output: JSON.stringify already escapes C0; C1, format characters and U+2028/2029 are
 * escaped too, so the text is one line of ASCII-safe JSON with the same value.
 */
function outputJson(v) {
    return escapeControls(JSON.stringify(v));
}
//# sourceMappingURL=sanitize.js.map

/***/ }),

/***/ 77199:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   hT: () => (/* binding */ reportJsonChunks),
/* harmony export */   l4: () => (/* binding */ reportJson)
/* harmony export */ });
/* unused harmony export REPORT_CHUNK_CHARS */
function reportJson(report) {
    return JSON.stringify(report, null, 2) + '\n';
}
/** Pieces of about this many characters (whole lines) from reportJsonChunks. */
const REPORT_CHUNK_CHARS = 64 * 1024;
/**
 * reportJson(report) in pieces of whole lines, about `chunkChars` each, whose concatenation is
 * exactly reportJson(report): the results are serialised one at a time, so writing a 10 000-image
 * report (14 MB of JSON) never holds the whole document, nor a sanitised copy of it, at once
 * (issue 15, flat memory). Members keep their order; those JSON.stringify leaves out (undefined)
 * are left out here too.
 */
function* reportJsonChunks(report, chunkChars = REPORT_CHUNK_CHARS) {
    let pending = '';
    const flush = function* (force) {
        if (pending !== '' && (force || pending.length >= chunkChars)) {
            yield pending;
            pending = '';
        }
    };
    const members = Object.entries(report).filter(([, v]) => v !== undefined);
    if (members.length === 0) {
        yield '{}\n';
        return;
    }
    pending += '{\n';
    for (const [i, [key, value]] of members.entries()) {
        pending += `  ${JSON.stringify(key)}: `;
        if (key === 'results' && Array.isArray(value) && value.length > 0) {
            pending += '[\n';
            for (const [j, r] of value.entries()) {
                const item = r === undefined ? 'null' : JSON.stringify(r, null, 2);
                // Cut after whole lines only: the terminal sanitiser works line by line.
                pending += `    ${item.replace(/\n/g, '\n    ')}${j < value.length - 1 ? ',' : ''}\n`;
                yield* flush(false);
            }
            pending += '  ]';
        }
        else
            pending += JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
        pending += i < members.length - 1 ? ',\n' : '\n';
    }
    pending += '}\n';
    yield* flush(true);
}
//# sourceMappingURL=json.js.map

/***/ }),

/***/ 99822:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Oi: () => (/* binding */ useColour),
/* harmony export */   QK: () => (/* binding */ colourText),
/* harmony export */   Uv: () => (/* binding */ renderReportText)
/* harmony export */ });
/* unused harmony exports renderResultText, RECAP_AFTER, countsLine */
/* harmony import */ var _edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3217);

/**
 * Every value from the report (image names, registry, signature and certificate text) goes
 * through this before it joins a line: no value can break the line or carry escape sequences.
 */
const f = (v) => (0,_edge_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeControls */ .UN)(String(v ?? ''));
function renderResultText(r) {
    const lines = [];
    if (r.outcome === 'verified')
        lines.push(`\u2713 Verified ${f(r.image)}`);
    else if (r.outcome === 'failed')
        lines.push(`\u2717 Verification FAILED for ${f(r.image)}`);
    else if (r.outcome === 'skipped')
        lines.push(`- Skipped ${f(r.image)}`);
    else if (r.outcome === 'allowed')
        lines.push(`- Allowed without verification: ${f(r.image)}`);
    else if (r.outcome === 'warned')
        lines.push(`\u26a0 Verification failed for ${f(r.image)} (warn mode: not enforced${r.enforceAfter ? ` until ${f(r.enforceAfter)}` : ''})`);
    else
        lines.push(`\u2717 Verification ERROR for ${f(r.image)}`);
    // Read from files: a failure's headline once per place it is written (FILE:LINE: as compilers
    // print, so editors jump there); a pass lists where it is written.
    const at = (r.sources ?? []).map((s) => `${f(s.file)}:${f(s.line)}`);
    if (at.length > 0) {
        if (r.outcome === 'failed' || r.outcome === 'error')
            lines.splice(0, 1, ...at.map((a) => `${a}: ${lines[0]}`));
        else
            lines.push(...at.map((a) => `  Source: ${a}`));
    }
    if (r.digest)
        lines.push(`  Digest: ${f(r.digest)}`);
    if (r.rule !== undefined)
        lines.push(`  Rule:   ${f(r.rule)}`);
    const sig = r.signatures[0];
    if (sig) {
        if (sig.signedAt)
            lines.push(`  Signed: ${f(sig.signedAt)}`);
        if (sig.kind === 'key')
            lines.push(`  Key:    ${f(sig.keyRef)}${sig.keyID ? ` (${f(sig.keyID)})` : ''}`);
        else
            lines.push(`  Signer: ${f(sig.identity ?? '?')} (issuer ${f(sig.issuer ?? '?')})`);
        if (sig.tlog)
            lines.push(`  Rekor:  log index ${f(sig.tlog.logIndex)}${sig.tlog.indexInShard ? ' (in its shard; no SET)' : ''}`);
        if (r.signatures.length > 1)
            lines.push(`  (${r.signatures.length} valid signatures)`);
    }
    for (const p of r.platforms ?? [])
        lines.push(`  Platform ${f(p.platform)}: ${p.outcome === 'verified' ? '\u2713' : '\u2717'} ${f(p.outcome)} (${f(p.digest)})${p.reason ? ` ${f(p.reason)}` : ''}`);
    for (const a of r.attestations)
        lines.push(`  Attestation ${f(a.predicateType)}: ${a.verified ? 'verified' : `rejected (${f(a.reason)})`}`);
    if (r.reason)
        lines.push(`  Reason: ${f(r.reason)}`);
    return lines.join('\n');
}
/** After a batch longer than this, the failures are listed again at the end. */
const RECAP_AFTER = 20;
const isBad = (r) => r.outcome === 'failed' || r.outcome === 'error';
function renderReportText(report, opts = {}) {
    // A run-level error (a missing key, a bad root) is every image's reason: the front end says it
    // once, so each image shows only its headline.
    const runError = report.error?.message;
    const shown = opts.quiet ? report.results.filter(isBad) : report.results;
    const parts = shown.map((r) => runError !== undefined && r.reason === runError
        ? `\u2717 Not verified: ${f(r.image)}`
        : renderResultText(r));
    for (const w of report.warnings ?? [])
        parts.push(`Warning: ${f(w)}`);
    const bad = report.results.filter(isBad);
    if (report.results.length > RECAP_AFTER && bad.length > 0 && runError === undefined) {
        parts.push(`Failed or errored (${bad.length} of ${report.results.length}):`);
        for (const r of bad)
            parts.push(`  \u2717 ${f(r.image)}: ${f(r.reason ?? r.outcome)}`);
    }
    if (!opts.quiet || bad.length > 0)
        parts.push(countsLine(report));
    return parts.length === 0 ? '' : parts.join('\n') + '\n';
}
/**
 * Colour for a terminal, as most CLIs read the environment: FORCE_COLOR (any value but `0` or
 * `false`) turns it on, else NO_COLOR (any non-empty value) off, else on when stdout is a terminal.
 */
function useColour(env, isTTY) {
    const force = env.FORCE_COLOR;
    if (force !== undefined && force !== '')
        return force !== '0' && force !== 'false';
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    return isTTY;
}
const SGR = {
    red: '\x1b[31m',
    green: '\x1b[32m',
    yellow: '\x1b[33m',
    bold: '\x1b[1m',
    reset: '\x1b[0m',
};
/**
 * The headlines of already sanitised text in colour: verified green, failed red, errors yellow,
 * the counts line bold. Only the fixed words this renderer writes are matched.
 */
function colourText(text) {
    return text
        .split('\n')
        .map((l) => {
        if (l.startsWith('\u2713 Verified '))
            return `${SGR.green}${l}${SGR.reset}`;
        if (l.startsWith('\u2717 Verification FAILED ') || l.startsWith('  \u2717 '))
            return `${SGR.red}${l}${SGR.reset}`;
        if (l.startsWith('\u2717 Verification ERROR ') ||
            l.startsWith('\u2717 Not verified: ') ||
            l.startsWith('Error: '))
            return `${SGR.yellow}${l}${SGR.reset}`;
        if (l.startsWith('Warning: '))
            return `${SGR.yellow}${l}${SGR.reset}`;
        if (/^\d+ image\(s\): /.test(l))
            return `${SGR.bold}${l}${SGR.reset}`;
        return l;
    })
        .join('\n');
}
function countsLine(report) {
    const count = (o) => report.results.filter((r) => r.outcome === o).length;
    const skipped = count('skipped');
    const allowed = count('allowed');
    const warned = count('warned');
    return (`${report.results.length} image(s): ${count('verified')} verified, ${count('failed')} failed, ` +
        `${count('error')} error(s)${skipped ? `, ${skipped} skipped` : ''}` +
        `${allowed ? `, ${allowed} allowed without verification` : ''}` +
        `${warned ? `, ${warned} failed in warn mode (not enforced)` : ''}`);
}
//# sourceMappingURL=text.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
;// CONCATENATED MODULE: ./build/edge/compile-cache.js
// Imported first by both entries (src/cli/index.ts, src/action/index.ts), before anything they
// load: Node's on-disk compile cache (Node 22.1+) for the chunks loaded after it, so a later run
// reads V8's code cache instead of compiling them again. The directory: NODE_COMPILE_CACHE (Node
// itself enables that one at start); else, on an Actions runner, $RUNNER_TEMP/node-compile-cache
// (the runner user's own directory, kept for the whole job, so every later step that runs
// image-gate starts warm; never a world-writable /tmp another user could have planted); else
// <tmpdir>/node-compile-cache. NODE_DISABLE_COMPILE_CACHE=1 turns it off. A cache is never a
// reason to fail: a directory that cannot be made or written leaves it off, and any throw is
// swallowed.




try {
    if (!process.env.NODE_COMPILE_CACHE && !process.env.NODE_DISABLE_COMPILE_CACHE) {
        const dir = external_node_path_.join(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'node-compile-cache');
        // Made here without `recursive`: Node's recursive mkdir never returns where a file system
        // answers ENOENT under an existing parent (TMPDIR=/proc/x hangs `node` in Node 24.22).
        try {
            (0,external_node_fs_.mkdirSync)(dir);
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
        }
        external_node_module_namespaceObject.enableCompileCache?.(dir);
    }
}
catch {
    // No cache: the program runs as it does without one.
}
//# sourceMappingURL=compile-cache.js.map
// EXTERNAL MODULE: ./build/edge/sanitize.js
var sanitize = __nccwpck_require__(3217);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __nccwpck_require__(62807);
// EXTERNAL MODULE: ./build/core/report.js
var report = __nccwpck_require__(14486);
// EXTERNAL MODULE: ./build/core/report-outcome.js
var report_outcome = __nccwpck_require__(62683);
// EXTERNAL MODULE: ./build/core/options.js
var core_options = __nccwpck_require__(91468);
// EXTERNAL MODULE: ./build/core/attestations/package-rule.js
var package_rule = __nccwpck_require__(35191);
// EXTERNAL MODULE: ./build/core/attestations/types.js
var types = __nccwpck_require__(25129);
// EXTERNAL MODULE: ./build/core/policy/mode.js
var mode = __nccwpck_require__(16054);
// EXTERNAL MODULE: ./build/core/shard-spec.js
var shard_spec = __nccwpck_require__(60568);
;// CONCATENATED MODULE: ./build/edge/options.js
// The one table of verify options. The Action's input reader (src/action/inputs.ts), the CLI's
// flags and its `verify --help` text (src/cli/args.ts) are all made from it, so an option cannot
// exist in one front end and be forgotten in the other, and every value is parsed the same way.
// Names differ only where each front end's convention asks (a repeatable `--attestation` flag is
// the Action's `attestations` list); the error for a bad value names what the user wrote
// (`concurrency: ...` in the Action, `--concurrency: ...` in the CLI).
// The file is long because it is a table (one entry per option); its logic is the few small
// functions around it.







function options_text(field) {
    return (o, v) => {
        o[field] = v;
    };
}
function items(field) {
    return (o, v) => {
        const got = v;
        if (got.length > 0)
            o[field] = got;
    };
}
/** A switch that is only written when on (the options then carry no `false` for it). */
function on(field) {
    return (o, v) => {
        if (v === true)
            o[field] = true;
    };
}
/** A switch the options always carry (see `baseOptions`). */
function state(field) {
    return (o, v) => {
        o[field] = v;
    };
}
function opt(input, flag, kind, group, help, apply) {
    return { input, flag, kind, group, help, apply };
}
/** Same name in both front ends. */
function both(name, kind, group, help, apply) {
    return opt(name, name, kind, group, help, apply);
}
const VERIFY_OPTIONS = [
    // Trust
    both('policy', 'text', 'trust', {
        value: 'FILE',
        text: 'per-image rules in YAML (docs/policy.md); excludes the signer\nand attestation options below',
    }, options_text('policyFile')),
    both('mode', 'text', 'trust', {
        value: 'enforce|warn',
        text: 'warn: failures are reported as warnings, exit 0 (audit mode); errors\nstay errors; with --policy, the default of rules that state no mode',
    }, (o, v, name) => {
        o.mode = (0,mode/* parseMode */.Zx)(name, v);
    }),
    both('enforce-after', 'text', 'trust', {
        value: 'YYYY-MM-DD',
        text: 'warn until this day (UTC), enforce from it (implies --mode warn)',
    }, (o, v, name) => {
        o.enforceAfter = (0,mode/* parseEnforceAfter */.a)(name, v);
    }),
    both('revocations', 'text', 'trust', {
        value: 'FILE|URL',
        text: 'signed revocation list (docs/revocation.md), its bundle beside it as\nFILE.sigstore.json; a revoked digest or signer fails with REVOKED',
    }, options_text('revocations')),
    both('revocations-key', 'text', 'trust', { value: 'REF', text: 'the key that must have signed the revocation list' }, options_text('revocationsKey')),
    both('revocations-certificate-identity', 'text', 'trust', { value: 'S', text: 'keyless: certificate SAN of the list signer, exact match' }, options_text('revocationsIdentity')),
    both('revocations-certificate-oidc-issuer', 'text', 'trust', { value: 'S', text: 'keyless: OIDC issuer of the list signer, exact match' }, options_text('revocationsIssuer')),
    both('key', 'list', 'trust', {
        value: 'REF',
        text: 'public key (PEM), cosign.key (COSIGN_PASSWORD), awskms:///..., hashivault://...; repeatable, any may sign',
    }, (o, v) => {
        o.keys = v;
    }),
    both('certificate-identity', 'text', 'trust', { value: 'S', text: 'keyless: certificate SAN, exact match' }, options_text('certificateIdentity')),
    both('certificate-identity-regexp', 'text', 'trust', { value: 'RE', text: 'keyless: SAN regexp, matched against the WHOLE value (anchored)' }, options_text('certificateIdentityRegexp')),
    both('certificate-oidc-issuer', 'text', 'trust', { value: 'S', text: 'keyless: OIDC issuer, exact match' }, options_text('certificateOidcIssuer')),
    both('certificate-oidc-issuer-regexp', 'text', 'trust', { value: 'RE', text: 'keyless: issuer regexp (anchored)' }, options_text('certificateOidcIssuerRegexp')),
    both('signer-workflow', 'text', 'trust', {
        value: 'W',
        text: 'GitHub: owner/repo/.github/workflows/F.yml@REF (or no @REF: any ref); derives\nthe identity and issuer; excludes --certificate-identity(-regexp)',
    }, options_text('signerWorkflow')),
    both('signer-repository', 'text', 'trust', { value: 'OWNER/REPO', text: 'GitHub: the repository the signing workflow ran in' }, options_text('signerRepository')),
    both('source-ref', 'text', 'trust', { value: 'REF', text: 'GitHub: the ref it ran on, e.g. refs/heads/main' }, options_text('sourceRef')),
    both('deny-self-hosted-runners', 'switch', 'trust', { text: 'GitHub: the signing job must have run on a GitHub-hosted runner' }, on('denySelfHostedRunners')),
    both('insecure-ignore-tlog', 'switch', 'trust', { text: 'do not require a Rekor transparency-log entry' }, state('insecureIgnoreTlog')),
    both('insecure-ignore-sct', 'switch', 'trust', { text: 'do not require a certificate transparency SCT' }, state('insecureIgnoreSct')),
    both('offline', 'switch', 'trust', {
        text: 'use the public-good trusted root embedded in image-gate; no network for trust material',
    }, state('offline')),
    both('trusted-root', 'text', 'trust', { value: 'FILE', text: 'use this trusted_root.json (private Sigstore deployments)' }, options_text('trustedRoot')),
    opt(null, 'tuf-cache', 'text', 'trust', {
        value: 'DIR',
        text: 'TUF metadata cache directory (online mode; the Action uses RUNNER_TEMP)',
    }, options_text('tufCacheDir')),
    both('tuf-mirror', 'text', 'trust', { value: 'URL', text: 'TUF repository for the trusted root (default: the public-good CDN)' }, (o, v, name) => {
        o.tufMirror = (0,core_options/* parseTufMirror */.mw)(name, v);
    }),
    both('tuf-root', 'text', 'trust', { value: 'FILE', text: 'initial TUF root.json for --tuf-mirror (public-good: built in)' }, options_text('tufRoot')),
    both('require-all-keys', 'switch', 'trust', { text: 'every --key must have signed (default: any one)' }, state('requireAllKeys')),
    both('platforms', 'text', 'trust', {
        value: 'all|LIST',
        text: 'for an index, also require each platform manifest (all, or e.g.\nlinux/amd64,linux/arm64) to verify on its own signatures',
    }, (o, v, name) => {
        const platforms = (0,core_options/* parsePlatforms */.qA)(name, v);
        if (platforms === undefined)
            throw new errors/* GateError */.ue('USAGE', `${name}: '${v}' names no platform`);
        o.platforms = platforms;
    }),
    // Attestations
    opt('attestations', 'attestation', 'list', 'attestations', {
        value: 'TYPE',
        text: 'require a verified attestation of TYPE: slsaprovenance, slsaprovenance1,\nspdx, spdxjson, cyclonedx, vuln, openvex, custom, or a URI; repeatable',
    }, (o, v, name) => {
        const got = v;
        if (got.length > 0)
            o.attestations = got.map((t) => (0,types/* resolvePredicateType */.gJ)(t, name));
    }),
    both('require-signature', 'text', 'attestations', {
        value: 'BOOL',
        text: 'false: let an image pass on its required attestations alone (default true)',
    }, (o, v, name) => {
        o.requireSignature = (0,core_options/* parseBoolean */.yG)(name, v);
    }),
    both('max-vuln-age', 'text', 'attestations', {
        value: 'D',
        text: 'newest vuln scan at most D old (default 48h when vuln is required or fail-on-severity is set)',
    }, (o, v, name) => {
        if (v !== '')
            o.maxVulnAgeMs = (0,core_options/* parseDuration */.E9)(name, v);
    }),
    both('fail-on-severity', 'text', 'attestations', {
        value: 'LIST',
        text: 'no vuln finding at or above the lowest listed severity (e.g. critical,high)',
    }, (o, v, name) => {
        const severities = (0,core_options/* parseList */.E1)(v).map((s) => (0,types/* parseSeverity */.lv)(s, name));
        if (severities.length > 0)
            o.failOnSeverity = severities;
    }),
    opt('deny-packages', 'deny-package', 'lines', 'attestations', {
        value: 'NAME[@RANGE]',
        text: 'fail if the SBOM contains the package (e.g. log4j-core@<2.17.0); repeatable',
    }, (o, v, name) => {
        const got = v;
        if (got.length > 0)
            o.denyPackages = got.map((p) => (0,package_rule/* parsePackageRule */.i)(p, name));
    }),
    both('builder-id', 'text', 'attestations', { value: 'S', text: 'SLSA provenance builder ID, exact' }, options_text('builderId')),
    both('provenance-source-repository', 'text', 'attestations', {
        value: 'S',
        text: 'SLSA provenance source repository, exact (https://github.com/owner/repo)',
    }, options_text('provenanceSourceRepository')),
    both('provenance-source-ref', 'text', 'attestations', { value: 'S', text: 'SLSA provenance source ref, exact (refs/heads/main)' }, options_text('provenanceSourceRef')),
    both('attestation-key', 'list', 'attestations', {
        value: 'REF',
        text: 'attestation signer key, when attestations are signed by another key; repeatable',
    }, items('attestationKeys')),
    both('attestation-certificate-identity', 'text', 'attestations', {
        value: 'S',
        text: 'keyless attestation signer SAN, exact, when it differs from the image signer',
    }, options_text('attestationCertificateIdentity')),
    both('attestation-certificate-identity-regexp', 'text', 'attestations', { value: 'RE', text: 'keyless attestation signer SAN regexp (anchored)' }, options_text('attestationCertificateIdentityRegexp')),
    both('attestation-certificate-oidc-issuer', 'text', 'attestations', { value: 'S', text: 'keyless attestation signer OIDC issuer, exact' }, options_text('attestationCertificateOidcIssuer')),
    both('attestation-certificate-oidc-issuer-regexp', 'text', 'attestations', { value: 'RE', text: 'keyless attestation signer issuer regexp (anchored)' }, options_text('attestationCertificateOidcIssuerRegexp')),
    both('github-owner', 'text', 'attestations', {
        value: 'O',
        text: 'also fetch attestations from the GitHub attestations API\n(token from GITHUB_TOKEN; host from GITHUB_API_URL)',
    }, options_text('githubOwner')),
    both('github-repository', 'text', 'attestations', { value: 'R', text: 'with --github-owner: that repository of the owner only' }, options_text('githubRepository')),
    // Run
    both('concurrency', 'text', 'run', { value: 'N', text: `images verified at once, 1-64 (default ${core_options/* DEFAULTS */.zY.concurrency})` }, (o, v, name) => {
        o.concurrency = (0,core_options/* parseConcurrency */.nY)(name, v);
    }),
    both('fail-fast', 'switch', 'run', { text: 'stop scheduling after the first supply-chain failure' }, state('failFast')),
    both('timeout', 'text', 'run', { value: 'D', text: 'overall deadline, e.g. 90s, 5m (default 5m)' }, (o, v, name) => {
        o.timeoutMs = (0,core_options/* parseTimeout */.ZZ)(name, v);
    }),
    opt('manifests', 'from', 'lines', 'run', {
        value: 'PATH',
        text: 'also verify the images a Compose, Kubernetes or Dockerfile file names (a directory\nis searched, a glob expanded); repeatable; results carry their FILE:LINE sources',
    }, items('manifests')),
    both('compose-env', 'list', 'run', {
        value: 'NAME',
        text: 'environment variables Compose ${VAR} interpolation may read (NAME,NAME or\nrepeated); a file reading any other variable set in the environment is an error',
    }, (o, v, name) => {
        const names = (0,core_options/* parseComposeEnv */.xj)(name, v);
        if (names.length > 0)
            o.composeEnv = names;
    }),
    both('images-file', 'text', 'run', {
        value: 'FILE|-',
        text: 'also verify the references listed in FILE (- for stdin), one per line',
    }, options_text('imagesFile')),
    both('shard', 'text', 'run', {
        value: 'I/N',
        text: 'verify only the images whose reference hashes into shard I of N (1-based:\na matrix of 1/3, 2/3, 3/3 over one list); merge then checks all N are there',
    }, (o, v, name) => {
        o.shard = (0,shard_spec/* parseShard */.u)(name, v);
    }),
    // Verification summaries
    both('sign-summary', 'text', 'summaries', {
        value: 'keyless|key',
        text: 'sign a SLSA verification summary of every judged image: keyless (Fulcio;\nin Actions `permissions: id-token: write`), or key (--summary-key)',
    }, (o, v, name) => {
        const s = v.trim();
        if (s !== 'keyless' && s !== 'key')
            throw new errors/* GateError */.ue('USAGE', `${name}: '${s}' is neither keyless nor key`);
        (o.summaryInputs ??= {}).sign = s;
    }),
    both('summary-key', 'text', 'summaries', {
        value: 'REF',
        text: 'key to sign summaries with: cosign.key (COSIGN_PASSWORD), awskms://,\nhashivault://; implies key',
    }, (o, v) => {
        (o.summaryInputs ??= {}).key = v;
    }),
    both('summaries-path', 'text', 'summaries', {
        value: 'DIR',
        text: 'where the summary bundles are written (default: beside the report, summaries/)',
    }, (o, v) => {
        (o.summaryInputs ??= {}).path = v;
    }),
    both('push-summary', 'switch', 'summaries', { text: 'attach each summary to its image as an OCI 1.1 referrer (needs push rights)' }, (o, v) => {
        if (v === true)
            (o.summaryInputs ??= {}).push = true;
    }),
    both('signing-config', 'text', 'summaries', {
        value: 'FILE',
        text: 'signing_config.json naming Fulcio, Rekor (and a TSA) for summaries\n(default: public-good Sigstore)',
    }, (o, v) => {
        (o.summaryInputs ??= {}).signingConfig = v;
    }),
    both('accept-summary', 'switch', 'summaries', {
        text: 'pass an image on a valid summary of its digest by the gate signer below (PASSED,\nthis policy digest, younger than --summary-max-age) without fetching its\nsignatures again; otherwise verify it in full',
    }, (o, v) => {
        if (v === true)
            (o.summaryInputs ??= {}).accept = true;
    }),
    both('summary-identity', 'text', 'summaries', { value: 'S', text: 'accept-summary: the gate signer certificate SAN, exact' }, (o, v) => {
        (o.summaryInputs ??= {}).identity = v;
    }),
    both('summary-oidc-issuer', 'text', 'summaries', { value: 'S', text: 'accept-summary: the gate signer OIDC issuer, exact' }, (o, v) => {
        (o.summaryInputs ??= {}).issuer = v;
    }),
    both('summary-max-age', 'text', 'summaries', { value: 'D', text: 'accept-summary: the oldest summary accepted (default 24h)' }, (o, v, name) => {
        (o.summaryInputs ??= {}).maxAgeMs = (0,core_options/* parseDuration */.E9)(name, v);
    }),
    opt('insecure-registries', 'insecure-registry', 'list', 'run', { value: 'HOST', text: 'allow plain HTTP to HOST (loopback is always allowed); repeatable' }, (o, v, name) => {
        o.insecureRegistries = v.map((h) => (0,core_options/* parseRegistryHost */.TZ)(name, h));
    }),
];
/**
 * Options that cannot go together, checked once every option is read, in either front end:
 * `spell` turns a table entry into what the user wrote (`--offline`, or the input `offline`).
 */
function checkCombinations(o, spell) {
    const name = (flag) => {
        const spec = VERIFY_OPTIONS.find((s) => s.flag === flag);
        return spec ? spell(spec) : flag;
    };
    if (o.offline) {
        const given = [
            ['trusted-root', o.trustedRoot],
            ['tuf-mirror', o.tufMirror],
            ['tuf-root', o.tufRoot],
        ].filter(([, v]) => v !== undefined);
        for (const [flag, v] of given)
            throw new errors/* GateError */.ue('USAGE', `${name('offline')} uses the trusted root built into image-gate; it excludes ${name(flag)} ('${v}'): give one or the other`);
    }
}
/**
 * The summary options as given -> `o.summaries`: the signer (keyless, or `summary-key`; one of
 * them), the directory (`summaries-path`, else `summaries/` beside the report, else refused).
 * Options without `sign-summary` or `summary-key` are refused rather than ignored.
 */
function resolveSummaries(o, reportPath, spell) {
    const s = o.summaryInputs;
    delete o.summaryInputs;
    if (!s)
        return;
    resolveAcceptance(o, s, spell);
    // summary-key alone signs; with accept-summary it names the signer to accept.
    const sign = s.sign ?? (s.key !== undefined && !s.accept ? 'key' : undefined);
    if (sign === undefined && s.accept) {
        const given = [
            ['summaries-path', s.path],
            ['push-summary', s.push],
            ['signing-config', s.signingConfig],
        ].find(([, v]) => v !== undefined);
        if (!given)
            return;
    }
    if (sign === undefined) {
        const given = [
            ['summaries-path', s.path],
            ['push-summary', s.push],
            ['signing-config', s.signingConfig],
        ].find(([, v]) => v !== undefined);
        throw new errors/* GateError */.ue('USAGE', `${spell(String(given?.[0]))} needs ${spell('sign-summary')} (keyless or key) to make summaries`);
    }
    if (sign === 'keyless' && s.key !== undefined)
        throw new errors/* GateError */.ue('USAGE', `${spell('sign-summary')} keyless excludes ${spell('summary-key')} ('${s.key}'): give one signer`);
    if (sign === 'key' && (s.key === undefined || s.key.trim() === ''))
        throw new errors/* GateError */.ue('USAGE', `${spell('sign-summary')} key needs ${spell('summary-key')}`);
    const dir = s.path ?? (reportPath !== undefined ? external_node_path_.join(external_node_path_.dirname(reportPath), 'summaries') : '');
    if (dir === '')
        throw new errors/* GateError */.ue('USAGE', `${spell('sign-summary')} needs ${spell('summaries-path')} (or a report to write them beside)`);
    o.summaries = {
        signing: sign === 'keyless' ? { kind: 'keyless' } : { kind: 'key', keyRef: s.key ?? '' },
        dir,
        push: s.push === true,
        ...(s.signingConfig !== undefined ? { signingConfig: s.signingConfig } : {}),
    };
}
/** accept-summary and its signer (identity + issuer, or summary-key) and age limit. */
function resolveAcceptance(o, s, spell) {
    if (!s.accept) {
        const given = [
            ['summary-identity', s.identity],
            ['summary-oidc-issuer', s.issuer],
            ['summary-max-age', s.maxAgeMs],
        ].find(([, v]) => v !== undefined);
        if (given)
            throw new errors/* GateError */.ue('USAGE', `${spell(given[0])} is for ${spell('accept-summary')}; give it too`);
        return;
    }
    const keyless = s.identity !== undefined || s.issuer !== undefined;
    if (keyless && (s.identity === undefined || s.issuer === undefined))
        throw new errors/* GateError */.ue('USAGE', `${spell('accept-summary')}: ${spell('summary-identity')} and ${spell('summary-oidc-issuer')} need each other`);
    if (!keyless && s.key === undefined)
        throw new errors/* GateError */.ue('USAGE', `${spell('accept-summary')} needs the gate signer: ${spell('summary-identity')} with ${spell('summary-oidc-issuer')}, or ${spell('summary-key')}`);
    o.acceptSummary = {
        ...(s.identity !== undefined ? { identity: s.identity } : {}),
        ...(s.issuer !== undefined ? { issuer: s.issuer } : {}),
        ...(!keyless && s.key !== undefined ? { keyRef: s.key } : {}),
        maxAgeMs: s.maxAgeMs ?? DEFAULT_SUMMARY_MAX_AGE_MS,
    };
}
const DEFAULT_SUMMARY_MAX_AGE_MS = 24 * 60 * 60_000;
/** The options every run carries before any input or flag is read. */
function baseOptions(images) {
    return {
        images,
        keys: [],
        insecureIgnoreTlog: false,
        insecureIgnoreSct: false,
        offline: false,
        concurrency: core_options/* DEFAULTS */.zY.concurrency,
        failFast: false,
        insecureRegistries: [],
        registryCredentials: [],
        timeoutMs: core_options/* DEFAULTS */.zY.timeoutMs,
        requireAllKeys: false,
    };
}
const GROUP_TITLES = {
    trust: 'Trust (give keys, or an identity and an issuer, or both; or a policy file):',
    attestations: 'Attestations (in-toto statements in Sigstore bundles, legacy .att tags, the GitHub attestations API):',
    summaries: 'Verification summaries (SLSA VSA v1, Sigstore bundles; docs/summaries.md):',
    run: 'Run:',
};
const HELP_COLUMN = 37;
/** The CLI's `verify --help` option sections, from the table plus the CLI's own run flags. */
function verifyHelp(extraRun) {
    const sections = [];
    for (const group of Object.keys(GROUP_TITLES)) {
        const rows = VERIFY_OPTIONS.filter((o) => o.group === group && o.flag !== null).map((o) => [`--${o.flag}${o.help.value ? ` ${o.help.value}` : ''}`, o.help.text]);
        if (group === 'run')
            rows.unshift(...extraRun);
        sections.push([GROUP_TITLES[group], ...rows.map(([l, t]) => helpRow(l, t))].join('\n'));
    }
    return sections.join('\n\n');
}
function helpRow(left, text) {
    const [first, ...more] = text.split('\n');
    const head = `  ${left}`;
    const lead = head.length < HELP_COLUMN - 1
        ? `${head.padEnd(HELP_COLUMN)}${first}`
        : `${head}\n${' '.repeat(HELP_COLUMN)}${first}`;
    return [lead, ...more.map((m) => `${' '.repeat(HELP_COLUMN)}${m}`)].join('\n');
}
//# sourceMappingURL=options.js.map
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(57975);
;// CONCATENATED MODULE: ./build/cli/suggest.js
// "Did you mean ...?": the nearest known name to one the user mistyped, by edit distance, so a
// usage error points at the flag or command meant instead of only saying what is wrong.
/** Levenshtein distance (insert, delete, substitute; a swap of neighbours counts as one). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.length][b.length];
}
/**
 * The known name nearest to `typed`: within a third of its length (at least 2 edits), or one the
 * typed text is the start or a whole `-`-separated part of (`--identity` -> `--certificate-identity`),
 * the first of those in `known` order.
 * Undefined when nothing is close, rather than a guess.
 */
function nearest(typed, known) {
    const t = typed.toLowerCase();
    let best;
    for (const name of known) {
        const d = editDistance(t, name);
        if (best === undefined || d < best.d)
            best = { name, d };
    }
    if (best && best.d <= Math.max(2, Math.floor(t.length / 3)))
        return best.name;
    const part = known.filter((k) => k.startsWith(t) || k.split('-').includes(t));
    // Several contain it: the one with the fewest `-` parts (the plainest name:
    // `certificate-identity`, not `revocations-certificate-identity`), then the first in `known`,
    // which lists the main names first (`certificate-identity` before `summary-identity`).
    const parts = (k) => k.split('-').length;
    return part.reduce((a, k) => (a === undefined || parts(k) < parts(a) ? k : a), undefined);
}
//# sourceMappingURL=suggest.js.map
;// CONCATENATED MODULE: ./build/cli/strict-args.js
// parseArgs in strict mode for every subcommand, its errors reworded: the flag as written, the
// nearest known flag for an unknown one, and where the command's help is. parseArgs's own text
// (with its hint about `--` and positionals) never reaches the user.



/** Flags whose values are secrets: never quoted. */
const SECRET_FLAGS = new Set(['registry-token']);
function parseStrict(command, args, options, allowPositionals) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args, options, allowPositionals, strict: true, tokens: true });
    }
    catch (e) {
        throw new errors/* GateError */.ue('USAGE', `${command}: ${flagProblem(e, options)}; see image-gate ${command} --help`, { cause: e });
    }
    // A flag of one value given again with another: parseArgs keeps the last and drops the first
    // without a word (`--mode enforce ... --mode warn`). Refused, naming both values.
    const seen = new Map();
    for (const t of parsed.tokens) {
        if (t.kind !== 'option' || t.value === undefined)
            continue;
        // An empty value (`--builder-id ""`, an unset `$VAR`) is never "not given": the check the
        // flag names would silently not be made, or a switch-like text read as false. Refused; the
        // Action reads an empty input as not given because the runner sets every input it declares.
        if (t.value.trim() === '')
            throw new errors/* GateError */.ue('USAGE', `${command}: --${t.name}: '${SECRET_FLAGS.has(t.name) ? '' : t.value}' is empty; give a value or leave the flag out; see image-gate ${command} --help`);
        const spec = options[t.name];
        if (spec?.type !== 'string' || spec.multiple === true)
            continue;
        const first = seen.get(t.name);
        if (first !== undefined && first !== t.value)
            throw new errors/* GateError */.ue('USAGE', `${command}: --${t.name} is given twice${SECRET_FLAGS.has(t.name) ? '' : ` ('${first}', '${t.value}')`} and takes one value; give it once; see image-gate ${command} --help`);
        seen.set(t.name, t.value);
    }
    const { values, positionals } = parsed;
    return { values, positionals };
}
function flagProblem(e, options) {
    const msg = e instanceof Error ? e.message : String(e);
    const code = e.code;
    // The quoted option, e.g. 'Unknown option '--foo'' or 'Option '-q, --quiet' does not ...'.
    const quoted = /'(-[^']*)'/.exec(msg)?.[1] ?? '';
    const names = quoted.match(/--?[A-Za-z0-9][\w-]*/g) ?? ['?'];
    const flag = names.find((n) => n.startsWith('--')) ?? names[0];
    const long = flag.startsWith('--') ? flag.slice(2) : undefined;
    const spec = long !== undefined ? options[long] : undefined;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
        const near = nearest(flag.replace(/^-+/, ''), Object.keys(options));
        return `unknown flag ${flag}${near ? ` (did you mean --${near}?)` : ''}`;
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
        if (spec?.type === 'boolean')
            return `${flag} is a switch and takes no value`;
        return `${flag} needs a value`;
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
        const arg = /'([^']*)'/.exec(msg)?.[1];
        return `unexpected argument${arg !== undefined ? ` '${arg}'` : ''} (this command takes flags only)`;
    }
    return msg;
}
//# sourceMappingURL=strict-args.js.map
;// CONCATENATED MODULE: ./build/cli/images.js
// `image-gate images`: every image reference the given Compose, Kubernetes, Dockerfile and list
// files name, one line (or JSON entry) per occurrence, as `verify --from` would verify them.




const IMAGES_HELP = `Usage: image-gate images [--output text|json] [--images-file FILE|-]
                         [--compose-env NAME[,NAME]] PATH...

Lists every image reference in the files: Docker Compose (services.*.image, with \${VAR}
interpolation from a .env beside the file and the environment variables --compose-env names;
a reference reading any other variable set in the environment is exit 2), Kubernetes YAML or JSON (every
pod spec's containers, initContainers and ephemeralContainers; helm template output), Dockerfiles
(FROM, ARG defaults substituted) and plain lists (--images-file). A directory is searched
(node_modules and .git skipped). Text: FILE:LINE: REF per occurrence; JSON:
{"images":[{"image","file","line","kind"}]}. Exit 2 for a file that cannot be read or parsed.`;
function parseImages(args) {
    const parsed = parseStrict('images', args, {
        output: { type: 'string', short: 'o' },
        'images-file': { type: 'string' },
        'compose-env': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
    }, true);
    const { values: v, positionals } = parsed;
    if (v.help)
        return { command: 'help', topic: 'images' };
    const output = v.output ?? 'text';
    if (output !== 'text' && output !== 'json')
        throw new errors/* GateError */.ue('USAGE', `--output: '${output}' is not text or json`);
    if (positionals.length === 0 && v['images-file'] === undefined)
        throw new errors/* GateError */.ue('USAGE', 'images: no files, directories or --images-file given');
    const composeEnv = v['compose-env'] !== undefined ? (0,core_options/* parseComposeEnv */.xj)('--compose-env', v['compose-env']) : [];
    return {
        command: 'images',
        paths: positionals,
        ...(v['images-file'] !== undefined ? { imagesFile: v['images-file'] } : {}),
        ...(composeEnv.length > 0 ? { composeEnv } : {}),
        output,
    };
}
async function runImages(cmd, io) {
    let found;
    try {
        // The readers (and the YAML parser) load only when files are read.
        const { findImages } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(729)]).then(__nccwpck_require__.bind(__nccwpck_require__, 41729));
        found = await findImages({
            paths: cmd.paths,
            lists: cmd.imagesFile !== undefined ? [cmd.imagesFile] : [],
            env: io.env,
            ...(cmd.composeEnv ? { composeEnv: cmd.composeEnv } : {}),
        });
    }
    catch (e) {
        io.stderr(`image-gate: ${(0,sanitize/* escapeControls */.UN)((0,errors/* toGateError */.Vl)(e).message)}\n`);
        return 2;
    }
    for (const f of found.empty)
        io.stderr(`image-gate: ${(0,sanitize/* escapeControls */.UN)(f)}: no image references found\n`);
    if (cmd.output === 'json')
        io.stdout(`${JSON.stringify({ images: found.occurrences.map(({ image, file, line, kind }) => ({ image, file, line, kind })) }, null, 2)}\n`);
    else
        for (const o of found.occurrences)
            io.stdout(`${(0,sanitize/* escapeControls */.UN)(o.file)}:${o.line}: ${(0,sanitize/* escapeControls */.UN)(o.image)}\n`);
    return 0;
}
//# sourceMappingURL=images.js.map
;// CONCATENATED MODULE: ./build/cli/revoke-args.js
// `image-gate revoke`'s arguments and help, apart from its run so `--help` and argument errors
// load no signing or key code.


const REVOKE_HELP = `Usage: image-gate revoke --list FILE --kind KIND [entry options] --reason TEXT --key KEY [--expires TIME]

Adds one entry to the revocation list FILE (created when missing; then --expires is required),
bumps its version, sets issued to now, keeps expires unless --expires is given, writes FILE
atomically and signs it into FILE.sigstore.json (a Sigstore bundle v0.3, message signature,
no log entry). An existing FILE.sigstore.json must verify with KEY first. See docs/revocation.md.

  --kind digest        --digest sha256:HEX
  --kind key           --key-id sha256:HEX | KEYID16 | --public-key FILE   [--since TIME]
  --kind identity      --identity SAN --issuer URL                        [--since TIME]
  --kind certificate   --serial HEX --issuer DN | --fingerprint sha256:HEX
  --kind tlog          --log-id HEX --log-index N | --uuid HEX (Rekor's entry UUID)
  --reason TEXT        why (required; shown in every failure it causes)
  --key KEY            the list's signer: cosign.key (COSIGN_PASSWORD), a PEM private key,
                       awskms://[HOST:PORT]/alias/NAME (AWS_*) or hashivault://NAME (VAULT_*)
  --expires TIME       RFC 3339, e.g. 2027-01-01T00:00:00Z
Exit codes: 0 written and signed; 2 usage error, unreadable key or list, or a list that does
not verify with KEY.`;
const OPTIONS = {
    list: { type: 'string' },
    kind: { type: 'string' },
    digest: { type: 'string' },
    'key-id': { type: 'string' },
    'public-key': { type: 'string' },
    identity: { type: 'string' },
    issuer: { type: 'string' },
    serial: { type: 'string' },
    fingerprint: { type: 'string' },
    'log-id': { type: 'string' },
    'log-index': { type: 'string' },
    uuid: { type: 'string' },
    since: { type: 'string' },
    reason: { type: 'string' },
    key: { type: 'string' },
    expires: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
};
/** Which flags each kind takes (and which entry field they fill). */
const KIND_FLAGS = {
    digest: [['digest', 'digest']],
    key: [
        ['key-id', 'key'],
        ['public-key', 'key'],
        ['since', 'since'],
    ],
    identity: [
        ['identity', 'identity'],
        ['issuer', 'issuer'],
        ['since', 'since'],
    ],
    certificate: [
        ['serial', 'serial'],
        ['issuer', 'issuer'],
        ['fingerprint', 'fingerprint'],
    ],
    tlog: [
        ['log-id', 'logID'],
        ['log-index', 'logIndex'],
        ['uuid', 'uuid'],
    ],
};
function parseRevoke(args) {
    const parsed = parseStrict('revoke', args, OPTIONS, false);
    const v = parsed.values;
    if (v.help)
        return { command: 'help', topic: 'revoke' };
    const need = (f) => {
        const x = v[f];
        if (typeof x !== 'string' || x === '')
            throw new errors/* GateError */.ue('USAGE', `revoke: --${f} is required`);
        return x;
    };
    const list = need('list');
    const key = need('key');
    const kind = need('kind');
    const flags = KIND_FLAGS[kind];
    if (!flags)
        throw new errors/* GateError */.ue('USAGE', `revoke: --kind '${kind}' is not one of ${Object.keys(KIND_FLAGS).join(', ')}`);
    const known = new Set(flags.map(([f]) => f));
    const stray = Object.keys(KIND_FLAGS)
        .flatMap((k) => KIND_FLAGS[k] ?? [])
        .map(([f]) => f)
        .find((f) => v[f] !== undefined && !known.has(f));
    if (stray)
        throw new errors/* GateError */.ue('USAGE', `revoke: --${stray} does not apply to --kind ${kind}`);
    if (v['key-id'] !== undefined && v['public-key'] !== undefined)
        throw new errors/* GateError */.ue('USAGE', 'revoke: give --key-id or --public-key, not both');
    const entry = { kind, reason: need('reason') };
    for (const [flag, field] of flags)
        if (flag !== 'public-key' && typeof v[flag] === 'string')
            entry[field] = v[flag];
    let expires;
    if (typeof v.expires === 'string') {
        expires = new Date(v.expires);
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v.expires) ||
            Number.isNaN(expires.getTime()))
            throw new errors/* GateError */.ue('USAGE', `revoke: --expires '${v.expires}' is not an RFC 3339 time (2027-01-01T00:00:00Z)`);
    }
    return {
        command: 'revoke',
        list,
        key,
        entry,
        ...(typeof v['public-key'] === 'string' ? { publicKey: v['public-key'] } : {}),
        ...(expires ? { expires } : {}),
    };
}
//# sourceMappingURL=revoke-args.js.map
// EXTERNAL MODULE: ./build/cli/outputs.js + 2 modules
var cli_outputs = __nccwpck_require__(16030);
;// CONCATENATED MODULE: ./build/core/summaries/shard-signer.js
// Who must have signed the shard reports a merge reads (merge --shard-key | --shard-identity):
// kept apart from report-signature.ts so the CLI's argument parser loads only this.

/**
 * The shard signer as given, checked (`spell` names the flag or input): a key, or an identity
 * with its issuer; undefined when none is given (merge then trusts the files).
 */
function shardSignerOf(given, spell) {
    const { key, identity, issuer } = given;
    const keyless = identity !== undefined || issuer !== undefined;
    if (key !== undefined && keyless)
        throw new errors/* GateError */.ue('USAGE', `${spell('key')} ('${key}') excludes ${spell('identity')}/${spell('issuer')}: give one shard signer`);
    if (keyless && (identity === undefined || issuer === undefined))
        throw new errors/* GateError */.ue('USAGE', `${spell('identity')} and ${spell('issuer')} need each other`);
    if (key !== undefined)
        return { keyRef: key };
    if (identity !== undefined && issuer !== undefined)
        return { identity, issuer };
    return undefined;
}
//# sourceMappingURL=shard-signer.js.map
;// CONCATENATED MODULE: ./build/cli/pin-args.js
const PIN_HELP = `Usage: image-gate pin [verify options] PATH...
       image-gate pin --check [--output text|json] [--images-file FILE|-] PATH...

Verifies every image the files name (Compose, Kubernetes, Dockerfile; --images-file lists), as
'verify --from PATH' does, with the same options (image-gate verify --help). Only when every
image verified, rewrites each reference in place to NAME:TAG@sha256:DIGEST, the digest verified
(an index's own digest for a multi-arch image), the reference spelled as written. Nothing else in
the file changes: quotes, comments, anchors, line endings and the file mode are kept, and each
file is replaced atomically. A reference already pinned is verified by its digest and left as it
is. If any image is not verified, no file is written (exit 1, or 2 for an error).

A Dockerfile FROM $BASE (or \${BASE}) is pinned where it is written: at its ARG BASE=
default. A reference that is not written out literally (Compose \${VAR} interpolation, a FROM
that builds the name from ARGs such as \${REG}/app:1, YAML escapes) cannot be pinned in place:
pin refuses the run naming FILE:LINE and the text, before verifying or writing anything
(exit 2). Pin the value where it is set.

Prints FILE:LINE: OLD -> NEW per rewrite and a summary; --output json prints
{"written","rewrites":[{"file","line","kind","from","to","digest"}],"unchanged","report"}.
FORMAT=PATH and --report write the verify report.

  --check                            no verification, keys or network: print FILE:LINE: REF is
                                     not pinned by digest for every such reference; exit 1 if
                                     any, 0 if none (the pre-commit hook image-gate-pinned)

Exit codes: 0 pinned (or, with --check, every reference pinned); 1 an image not verified, or
with --check a reference not pinned; 2 a usage error, or a file that cannot be read, parsed or
pinned in place.`;
//# sourceMappingURL=pin-args.js.map
;// CONCATENATED MODULE: ./build/cli/help.js
// The CLI's help texts: one per command (`image-gate COMMAND --help`, `image-gate help COMMAND`)
// and the overview. The verify options come from the shared option table (src/edge/options.ts).




const CLI_RUN_HELP = [
    [
        '--output FORMAT[=PATH]',
        'text, json, junit or markdown on stdout (default text);\nFORMAT=PATH writes a file too; repeatable',
    ],
    ['--report FILE', 'also write the JSON report to FILE (its directory is created)'],
    [
        '--files',
        'the arguments are files to read images from (as --from each), not image\nreferences; files that name no image pass (for pre-commit hooks)',
    ],
    ['-q, --quiet', 'print only the images that failed or errored (and run errors)'],
    ['--verbose', 'also print the HTTP trace (the lines the Action writes to its debug log)'],
    ['--registry HOST', 'the registry host the --registry-* credentials below are for'],
    ['--registry-username U', 'username for --registry (with --registry-password-stdin or -token)'],
    ['--registry-password-stdin', 'read the password for --registry from stdin'],
    [
        '--registry-token T',
        'a token for --registry, sent as the password (user: --registry-username,\nelse "token"); the Docker config is used for every other registry',
    ],
];
const EXIT_CODES = `Exit codes: 0 every image verified; 1 supply-chain failure (unsigned, wrong signer, bad signature,
missing tlog entry, image not found); 2 infrastructure or usage error.`;
const HELP = {
    main: `image-gate: verify container image signatures, transparency-log entries and attestations

Usage:
  image-gate verify [options] <image>...
  image-gate verify-bundle --bundle FILE (--certificate-identity I --certificate-oidc-issuer U | --key K) [--trusted-root F] <file|sha256:digest>
  image-gate merge [--output FORMAT[=PATH]]... [--report FILE] <report.json|dir>...
                                     merge shard reports of a job matrix into one verdict
  image-gate images [--output text|json] [--images-file FILE|-] <file|dir>...
                                     list the image references in Compose, Kubernetes,
                                     Dockerfile and list files (verify them: verify --from)
  image-gate pin [options] <file|dir>...
                                     verify the images the files name, then rewrite each
                                     reference to NAME:TAG@DIGEST (--check: list unpinned ones)
  image-gate revoke --list FILE --kind KIND ... --reason TEXT --key KEY
                                     add an entry to a revocation list and sign it
  image-gate --version

Images: registry references (ghcr.io/org/app:1.2, nginx@sha256:...), oci-layout://DIR[:tag|@digest],
s3://bucket/image:tag, local://root/image:tag.

${EXIT_CODES}

Run 'image-gate COMMAND --help' for a command's options (verify, verify-bundle, merge, images, pin, revoke).`,
    verify: `Usage: image-gate verify [options] <image>...

${verifyHelp(CLI_RUN_HELP)}

Colour: on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on (FORCE_COLOR=0 off).
${EXIT_CODES}`,
    'verify-bundle': `Usage: image-gate verify-bundle --bundle FILE (--certificate-identity I --certificate-oidc-issuer U | --key K) [options] <file|sha256:digest>

Verifies a standalone Sigstore bundle (cosign sign-blob --bundle, actions/attest) for a file or
a sha256 digest.

  --bundle FILE                      the Sigstore bundle (JSON), required
  --certificate-identity S           keyless: certificate SAN, exact match
  --certificate-oidc-issuer S        keyless: OIDC issuer, exact match
  --key REF                          a public key instead of an identity
  --trusted-root FILE                use this trusted_root.json (private Sigstore deployments)
  --offline                          use the trusted root built into image-gate
  --insecure-ignore-tlog             do not require a Rekor entry (a key-signed revocation list)

${EXIT_CODES}`,
    merge: `Usage: image-gate merge [options] <report.json|dir>...

Merges the JSON reports of a job matrix's shards (files, or directories of *.json) into one
report and verdict; a shard missing, repeated or from another policy is an error, and so,
for verify --shard I/N runs, is an index 1..N missing or given twice, or a shard of another list.

  --output FORMAT[=PATH]             text, json, junit or markdown on stdout (default text);
                                     FORMAT=PATH writes a file too; repeatable
  --report FILE                      also write the merged JSON report to FILE
  -q, --quiet                        print only the images that failed or errored
  --shard-key KEY                    refuse any report not signed by KEY (its FILE.sigstore.json,
                                     from verify --summary-key --report FILE); without --shard-*
                                     the files are trusted as given
  --shard-identity S                 ... or signed keyless by the certificate SAN S (exact)
  --shard-oidc-issuer S              the OIDC issuer of --shard-identity (exact)
  --trusted-root FILE                the trusted_root.json the shard bundles verify against
  --offline                          use the trusted root built into image-gate (default: TUF)

${EXIT_CODES}`,
    images: IMAGES_HELP,
    pin: PIN_HELP,
    revoke: REVOKE_HELP,
};
/**
 * The text `image-gate help TOPIC` prints: the topic's own entry only (never one inherited from
 * Object.prototype, such as `__proto__` or `constructor`), else the main help.
 */
function helpText(topic) {
    return topic !== undefined && Object.hasOwn(HELP, topic) ? HELP[topic] : HELP.main;
}
//# sourceMappingURL=help.js.map
;// CONCATENATED MODULE: ./build/cli/args.js










/** The CLI's own verify flags; every other one comes from the shared table. */
const CLI_VERIFY_FLAGS = {
    output: { type: 'string', short: 'o', multiple: true },
    report: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    verbose: { type: 'boolean' },
    registry: { type: 'string' },
    'registry-username': { type: 'string' },
    'registry-password-stdin': { type: 'boolean' },
    'registry-token': { type: 'string' },
    files: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
};
const VERIFY_FLAGS = { ...CLI_VERIFY_FLAGS };
for (const spec of VERIFY_OPTIONS) {
    if (spec.flag === null)
        continue;
    VERIFY_FLAGS[spec.flag] =
        spec.kind === 'switch'
            ? { type: 'boolean' }
            : { type: 'string', ...(spec.kind === 'text' ? {} : { multiple: true }) };
}
const BUNDLE_FLAGS = {
    bundle: { type: 'string' },
    'certificate-identity': { type: 'string' },
    'certificate-oidc-issuer': { type: 'string' },
    key: { type: 'string' },
    'trusted-root': { type: 'string' },
    offline: { type: 'boolean' },
    'insecure-ignore-tlog': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
};
function usage(msg, cause) {
    return new errors/* GateError */.ue('USAGE', msg, cause === undefined ? undefined : { cause });
}
const COMMANDS = ['verify', 'verify-bundle', 'merge', 'images', 'pin', 'revoke', 'help', 'version'];
function parseCommand(argv, env = {}) {
    const [cmd, ...rest] = argv;
    if (cmd === undefined || cmd === 'help' || cmd === '--help' || cmd === '-h')
        return { command: 'help', ...(rest[0] ? { topic: rest[0] } : {}) };
    if (cmd === '--version' || cmd === 'version')
        return { command: 'version' };
    if (cmd === 'verify')
        return parseVerify(rest, env);
    if (cmd === 'verify-bundle')
        return parseVerifyBundle(rest);
    if (cmd === 'merge')
        return parseMerge(rest);
    if (cmd === 'images')
        return parseImages(rest);
    if (cmd === 'pin')
        return parsePin(rest, env);
    if (cmd === 'revoke')
        return parseRevoke(rest);
    const near = nearest(cmd.replace(/^-+/, ''), COMMANDS);
    throw usage(`unknown command '${cmd}'${near ? ` (did you mean ${near}?)` : ' (expected verify, verify-bundle, merge, images, pin or revoke)'}; see image-gate --help`);
}
function parse(command, args, options) {
    return parseStrict(command, args, options, true);
}
function parseVerify(args, env) {
    const { values: v, positionals } = parse('verify', args, VERIFY_FLAGS);
    if (v.help)
        return { command: 'help', topic: 'verify' };
    if (positionals.length === 0 && v.from === undefined && v['images-file'] === undefined)
        throw usage('verify: no image references given (arguments, --from or --images-file)');
    return verifyCommand(v, positionals, env);
}
/** The verify flags' values -> the verify command (`pin` runs the same one over its files). */
function verifyCommand(v, positionals, env) {
    const outputs = (0,cli_outputs/* parseOutputs */.Q8)(v.output);
    // --files (pre-commit appends the staged files): the arguments are read as --from each.
    const files = v.files === true;
    const options = baseOptions(files ? [] : positionals);
    for (const spec of VERIFY_OPTIONS) {
        if (spec.flag === null)
            continue;
        const value = v[spec.flag];
        if (value === undefined)
            continue;
        spec.apply(options, value, `--${spec.flag}`);
    }
    if (files)
        options.manifests = [...(options.manifests ?? []), ...positionals];
    checkCombinations(options, (spec) => `--${spec.flag}`);
    const passwordStdin = registryCredentials(v, options);
    // One stdin: the password would take the list with it, and the list would read as empty.
    if (passwordStdin && options.imagesFile === '-')
        throw usage("verify: --registry-password-stdin and --images-file - both read stdin; name the list's file");
    if (env.GITHUB_TOKEN)
        options.githubToken = env.GITHUB_TOKEN;
    const report = v.report;
    (0,cli_outputs/* checkReportPath */._d)(outputs, report);
    resolveSummaries(options, report, (flag) => `--${flag}`);
    return {
        command: 'verify',
        options,
        output: outputs.stdout,
        outputFiles: outputs.files,
        ...(report !== undefined ? { reportPath: report } : {}),
        quiet: v.quiet === true,
        verbose: v.verbose === true,
        ...(passwordStdin ? { passwordStdin } : {}),
        ...(files ? { files } : {}),
    };
}
/**
 * `--registry HOST` with `--registry-token T` or `--registry-username U --registry-password-stdin`:
 * an explicit credential for that host, as the Action's registry inputs give one (the Docker
 * config still serves every other registry). A password on the command line is not offered: it
 * would show in `ps` and shell history.
 */
function registryCredentials(v, options) {
    const host = v.registry;
    const username = v['registry-username'];
    const token = v['registry-token'];
    const stdin = v['registry-password-stdin'] === true;
    if (host === undefined && username === undefined && token === undefined && !stdin)
        return;
    if (token !== undefined && stdin)
        throw usage('verify: --registry-token excludes --registry-password-stdin; give one');
    if (token === undefined && !stdin)
        throw usage(`verify: ${username !== undefined ? '--registry-username' : '--registry'} needs --registry-password-stdin or --registry-token`);
    if (host === undefined)
        throw usage(`verify: ${token !== undefined ? '--registry-token' : '--registry-password-stdin'} needs --registry HOST (the registry it is for)`);
    const registry = (0,core_options/* parseRegistryHost */.TZ)('--registry', host);
    if (username === '')
        throw usage("verify: --registry-username: '' is empty");
    if (token !== undefined) {
        if (token.trim() === '')
            throw usage("verify: --registry-token: '' is empty");
        options.registryCredentials.push({ registry, username: username ?? 'token', password: token });
        return;
    }
    if (username === undefined)
        throw usage('verify: --registry-password-stdin needs --registry-username');
    return { registry, username };
}
// pin's arguments are its files already: verify's --files has no meaning there.
const PIN_FLAGS = Object.fromEntries([
    ...Object.entries(VERIFY_FLAGS).filter(([name]) => name !== 'files'),
    ['check', { type: 'boolean' }],
]);
/** What `pin --check` reads: it verifies nothing, so no trust, registry or run flag applies. */
const CHECK_FLAGS = new Set([
    'check',
    'output',
    'from',
    'images-file',
    'compose-env',
    'quiet',
    'help',
]);
/**
 * `pin [verify flags] PATH...` and `pin --check PATH...`. The paths (and `--from`,
 * `--images-file`) are the files to rewrite; the verify flags say what verifies their images.
 */
function parsePin(args, env) {
    const { values: v, positionals } = parse('pin', args, PIN_FLAGS);
    if (v.help)
        return { command: 'help', topic: 'pin' };
    const paths = [...positionals, ...(v.from ?? [])];
    const imagesFile = v['images-file'];
    if (paths.length === 0 && imagesFile === undefined)
        throw usage('pin: no files, directories or --images-file given');
    const composeEnv = v['compose-env'] !== undefined
        ? (0,core_options/* parseComposeEnv */.xj)('--compose-env', v['compose-env'])
        : [];
    if (v.check === true) {
        const extra = Object.keys(v).find((k) => !CHECK_FLAGS.has(k));
        if (extra !== undefined)
            throw usage(`pin --check: --${extra} is not used (--check only reads the files: no verification, keys or network)`);
        const outputs = (0,cli_outputs/* parseOutputs */.Q8)(v.output);
        if (outputs.files.length > 0 || (outputs.stdout !== 'text' && outputs.stdout !== 'json'))
            throw usage(`pin --check: --output: expected text or json, got '${v.output.join(' ')}'`);
        return {
            command: 'pin',
            check: true,
            paths,
            ...(imagesFile !== undefined ? { imagesFile } : {}),
            ...(composeEnv.length > 0 ? { composeEnv } : {}),
            output: outputs.stdout,
        };
    }
    if (imagesFile === '-')
        throw usage("pin: --images-file -: stdin cannot be rewritten; name the list's file (pin --check reads stdin)");
    const verify = verifyCommand(v, [], env);
    if (verify.output !== 'text' && verify.output !== 'json')
        throw usage(`pin: --output: '${verify.output}' on stdout is not text or json (stdout lists the rewrites; FORMAT=PATH writes the verify report in any format)`);
    // The files are pin's to read (it rewrites them): the gate is given their references.
    const options = { ...verify.options };
    delete options.manifests;
    delete options.imagesFile;
    delete options.composeEnv;
    return {
        ...verify,
        command: 'pin',
        check: false,
        paths,
        ...(imagesFile !== undefined ? { imagesFile } : {}),
        ...(composeEnv.length > 0 ? { composeEnv } : {}),
        output: verify.output,
        options,
    };
}
const MERGE_FLAGS = {
    output: { type: 'string', short: 'o', multiple: true },
    report: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
    'shard-key': { type: 'string' },
    'shard-identity': { type: 'string' },
    'shard-oidc-issuer': { type: 'string' },
    'trusted-root': { type: 'string' },
    offline: { type: 'boolean' },
};
function parseMerge(args) {
    const { values: v, positionals } = parse('merge', args, MERGE_FLAGS);
    if (v.help)
        return { command: 'help', topic: 'merge' };
    const outputs = (0,cli_outputs/* parseOutputs */.Q8)(v.output);
    (0,cli_outputs/* checkReportPath */._d)(outputs, v.report);
    if (positionals.length === 0)
        throw usage('merge: no report files or directories given');
    const flag = { key: '--shard-key', identity: '--shard-identity', issuer: '--shard-oidc-issuer' };
    let shardSigner;
    try {
        shardSigner = shardSignerOf({ key: v['shard-key'], identity: v['shard-identity'], issuer: v['shard-oidc-issuer'] }, (n) => flag[n]);
    }
    catch (e) {
        throw usage(`merge: ${e.message}`, e);
    }
    const rootFlag = v['trusted-root'] !== undefined ? '--trusted-root' : v.offline ? '--offline' : '';
    if (!shardSigner && rootFlag)
        throw usage(`merge: ${rootFlag} is for verifying shard signatures; give --shard-key or --shard-identity too`);
    if (v['trusted-root'] !== undefined && v.offline)
        throw usage('merge: --trusted-root excludes --offline; give one');
    return {
        command: 'merge',
        reports: positionals,
        ...(shardSigner ? { shardSigner } : {}),
        ...(v['trusted-root'] !== undefined ? { trustedRoot: v['trusted-root'] } : {}),
        offline: v.offline === true,
        output: outputs.stdout,
        outputFiles: outputs.files,
        ...(v.report !== undefined ? { reportPath: v.report } : {}),
        quiet: v.quiet === true,
    };
}
function parseVerifyBundle(args) {
    const { values: v, positionals } = parse('verify-bundle', args, BUNDLE_FLAGS);
    if (v.help)
        return { command: 'help', topic: 'verify-bundle' };
    if (!v.bundle)
        throw usage('verify-bundle: --bundle FILE is required');
    if (positionals.length !== 1)
        throw usage(`verify-bundle: expected one artifact path or sha256 digest, got ${positionals.length}`);
    const hasIdentity = v['certificate-identity'] !== undefined || v['certificate-oidc-issuer'] !== undefined;
    if (hasIdentity && v.key !== undefined)
        throw usage('verify-bundle: --key excludes --certificate-identity/--certificate-oidc-issuer');
    if (!v.key && (!v['certificate-identity'] || !v['certificate-oidc-issuer']))
        throw usage('verify-bundle: give --key, or both --certificate-identity and --certificate-oidc-issuer');
    return {
        command: 'verify-bundle',
        bundle: v.bundle,
        artifact: positionals[0],
        ...(v['certificate-identity'] ? { identity: v['certificate-identity'] } : {}),
        ...(v['certificate-oidc-issuer'] ? { issuer: v['certificate-oidc-issuer'] } : {}),
        ...(v.key ? { key: v.key } : {}),
        ...(v['trusted-root'] ? { trustedRoot: v['trusted-root'] } : {}),
        offline: v.offline ?? false,
        ...(v['insecure-ignore-tlog'] ? { ignoreTlog: true } : {}),
    };
}
//# sourceMappingURL=args.js.map
// EXTERNAL MODULE: ./build/render/json.js
var json = __nccwpck_require__(77199);
// EXTERNAL MODULE: ./build/edge/report-file.js
var report_file = __nccwpck_require__(86295);
// EXTERNAL MODULE: ./build/render/text.js
var render_text = __nccwpck_require__(99822);
;// CONCATENATED MODULE: ./build/cli/main.js
// The CLI edge: argv -> core -> text or JSON on stdout, exit 0/1/2. Any unexpected
// exception ends as exit 2 with a message, never 0.










async function main(argv, raw) {
    // Every write passes the terminal sanitiser; values inside a line are escaped with `line()`
    // where they are interpolated, so they cannot add lines either.
    const io = {
        ...raw,
        stdout: (s) => raw.stdout((0,sanitize/* terminalText */.eR)(s)),
        stderr: (s) => raw.stderr((0,sanitize/* terminalText */.eR)(s)),
    };
    const colour = (0,render_text/* useColour */.Oi)(io.env, raw.stdoutTTY ?? raw.isTTY);
    let cmd;
    try {
        cmd = parseCommand(argv, io.env);
    }
    catch (e) {
        // A usage error is a result too: with --output json it is a JSON document on stdout, shaped
        // like a report's `error` field, so a pipeline parsing stdout never meets plain text.
        const err = (0,errors/* toGateError */.Vl)(e);
        if (jsonRequested(argv))
            io.stdout(errorJson(err));
        io.stderr(`image-gate: ${(0,sanitize/* escapeControls */.UN)(err.message)}\n`);
        return 2;
    }
    switch (cmd.command) {
        case 'help':
            io.stdout(`${helpText(cmd.topic)}\n`);
            return 0;
        case 'version':
            io.stdout(`${report/* TOOL */.js.name} ${report/* TOOL */.js.version}\n`);
            return 0;
        case 'verify-bundle': {
            try {
                const { verifyBundleArtifact } = await Promise.all(/* import() */[__nccwpck_require__.e(104), __nccwpck_require__.e(187), __nccwpck_require__.e(243), __nccwpck_require__.e(368), __nccwpck_require__.e(480)]).then(__nccwpck_require__.bind(__nccwpck_require__, 32035));
                const ev = await verifyBundleArtifact({
                    bundlePath: cmd.bundle,
                    artifact: cmd.artifact,
                    ...(cmd.identity ? { identity: cmd.identity } : {}),
                    ...(cmd.issuer ? { issuer: cmd.issuer } : {}),
                    ...(cmd.key ? { keyPath: cmd.key } : {}),
                    ...(cmd.trustedRoot ? { trustedRootPath: cmd.trustedRoot } : {}),
                    offline: cmd.offline,
                    ...(cmd.ignoreTlog ? { requireTlog: false } : {}),
                });
                io.stdout(`\u2713 Verified ${(0,sanitize/* escapeControls */.UN)(cmd.artifact)}${ev.identity ? ` (signer ${(0,sanitize/* escapeControls */.UN)(ev.identity)})` : ''}\n`);
                return 0;
            }
            catch (e) {
                const err = (0,errors/* toGateError */.Vl)(e);
                // FAILED is a verdict about the artifact (exit 1); a missing bundle file, a bad key or
                // root is an ERROR (exit 2): nothing was verified either way.
                const failed = (0,errors/* isFailureCode */.sH)(err.code);
                io.stderr(`\u2717 Verification ${failed ? 'FAILED' : 'ERROR'} for ${(0,sanitize/* escapeControls */.UN)(cmd.artifact)}: ${(0,sanitize/* escapeControls */.UN)(err.message)}\n`);
                return failed ? 1 : 2;
            }
        }
        case 'verify': {
            if (cmd.passwordStdin) {
                const password = ((await io.readStdin?.()) ?? '').replace(/\r?\n$/, '');
                if (password === '') {
                    const err = new errors/* GateError */.ue('USAGE', 'verify: --registry-password-stdin: stdin is empty');
                    if (cmd.output === 'json')
                        io.stdout(errorJson(err));
                    io.stderr(`image-gate: ${(0,sanitize/* escapeControls */.UN)(err.message)}\n`);
                    return 2;
                }
                cmd.options.registryCredentials.push({ ...cmd.passwordStdin, password });
            }
            // --files from a pre-commit hook: every staged file the hook's pattern matches is given,
            // and a Service or a ConfigMap names no image. Nothing to gate is then no reason to refuse
            // the commit; a file that does not parse is left to the gate (exit 2, naming it).
            let files;
            if (cmd.files && cmd.options.images.length === 0 && cmd.options.imagesFile === undefined) {
                const { findImages } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(729)]).then(__nccwpck_require__.bind(__nccwpck_require__, 41729));
                files = await findImages({
                    paths: cmd.options.manifests ?? [],
                    lists: [],
                    env: io.env,
                    ...(cmd.options.composeEnv ? { composeEnv: cmd.options.composeEnv } : {}),
                }).catch(() => undefined);
                if (files?.occurrences.length === 0) {
                    io.stderr('image-gate: the files given name no image; nothing to verify\n');
                    return 0;
                }
            }
            let failures = 0;
            const progress = coalesced(io.stderr, io.isTTY);
            let counted = false;
            let report;
            // The core (registry client, Sigstore) loads only for the commands that use it, so
            // --version, help and usage errors start without it (issue 15 item 3).
            const [{ runGate }, { getOctokit }, { idTokenHook }] = await Promise.all([
                Promise.all(/* import() */[__nccwpck_require__.e(104), __nccwpck_require__.e(187), __nccwpck_require__.e(561), __nccwpck_require__.e(368), __nccwpck_require__.e(958), __nccwpck_require__.e(877), __nccwpck_require__.e(715), __nccwpck_require__.e(559)]).then(__nccwpck_require__.bind(__nccwpck_require__, 86559)),
                __nccwpck_require__.e(/* import() */ 773).then(__nccwpck_require__.bind(__nccwpck_require__, 65773)),
                __nccwpck_require__.e(/* import() */ 567).then(__nccwpck_require__.bind(__nccwpck_require__, 63567)),
            ]);
            try {
                report = await runGate(cmd.options, {
                    env: io.env,
                    ...(files ? { files } : {}),
                    getOctokit,
                    ...idTokenHook(io.env),
                    // --verbose: the lines the Action writes to its debug log (HTTP requests, TUF cache).
                    ...(cmd.verbose ? { log: (m) => progress.line(`debug: ${(0,sanitize/* escapeControls */.UN)(m)}\n`) } : {}),
                    onResult: (r, done, total) => {
                        // Progress goes to stderr so stdout stays the result (text or JSON): a running count
                        // on a terminal, one plain line per finished image otherwise.
                        if (r.outcome === 'failed' || r.outcome === 'error')
                            failures++;
                        if (total < 2 || cmd.quiet)
                            return;
                        if (io.isTTY) {
                            counted = true;
                            progress.write(`\r[${done}/${total}] ${failures} failed`);
                        }
                        else
                            progress.write(`[${done}/${total}] ${(0,sanitize/* escapeControls */.UN)(r.outcome)} ${(0,sanitize/* escapeControls */.UN)(r.image)}\n`);
                    },
                });
            }
            finally {
                progress.flush();
                // The count line is erased before the results, so it never sits among the final lines.
                if (counted)
                    raw.stderr('\r\x1b[2K');
            }
            const { reportSigner } = await __nccwpck_require__.e(/* import() */ 744).then(__nccwpck_require__.bind(__nccwpck_require__, 15744));
            const sign = reportSigner(cmd.options.summaries, { env: io.env, ...idTokenHook(io.env) });
            return emit(report, cmd, io, raw, colour, sign);
        }
        case 'images':
            return runImages(cmd, io);
        case 'pin':
            return (await Promise.all(/* import() */[__nccwpck_require__.e(104), __nccwpck_require__.e(187), __nccwpck_require__.e(815), __nccwpck_require__.e(561), __nccwpck_require__.e(368), __nccwpck_require__.e(958), __nccwpck_require__.e(877), __nccwpck_require__.e(715), __nccwpck_require__.e(559), __nccwpck_require__.e(729), __nccwpck_require__.e(948)]).then(__nccwpck_require__.bind(__nccwpck_require__, 87567))).runPin(cmd, io);
        case 'revoke':
            return (await Promise.all(/* import() */[__nccwpck_require__.e(104), __nccwpck_require__.e(187), __nccwpck_require__.e(368), __nccwpck_require__.e(958), __nccwpck_require__.e(877), __nccwpck_require__.e(749)]).then(__nccwpck_require__.bind(__nccwpck_require__, 16454))).runRevoke(cmd, io);
        case 'merge': {
            let report;
            try {
                const { mergeReportFiles } = await Promise.all(/* import() */[__nccwpck_require__.e(958), __nccwpck_require__.e(715), __nccwpck_require__.e(194)]).then(__nccwpck_require__.bind(__nccwpck_require__, 74194));
                report = await mergeReportFiles(cmd.reports, cmd.shardSigner
                    ? {
                        signer: cmd.shardSigner,
                        root: {
                            offline: cmd.offline,
                            ...(cmd.trustedRoot ? { trustedRootPath: cmd.trustedRoot } : {}),
                        },
                        env: io.env,
                    }
                    : undefined);
            }
            catch (e) {
                const err = (0,errors/* toGateError */.Vl)(e);
                if (cmd.output === 'json')
                    io.stdout(errorJson(err));
                io.stderr(`image-gate: ${(0,sanitize/* escapeControls */.UN)(err.message)}\n`);
                return 2;
            }
            return emit(report, cmd, io, raw, colour);
        }
    }
}
/**
 * Progress text, written at most every PROGRESS_MS: one write per burst of finished images
 * rather than one per image (each write to a pipe is a system call). On a terminal only the
 * newest `\r` count matters, so it replaces what is pending.
 */
const PROGRESS_MS = 100;
function coalesced(write, overwrite) {
    let pending = '';
    let timer;
    const flush = () => {
        clearTimeout(timer);
        timer = undefined;
        if (pending === '')
            return;
        const s = pending;
        pending = '';
        write(s);
    };
    return {
        write(s) {
            pending = overwrite && !pending.endsWith('\n') ? s : pending + s;
            timer ??= setTimeout(flush, PROGRESS_MS).unref();
        },
        /** A whole line (a --verbose trace line): on a terminal it first ends a pending count. */
        line(s) {
            const count = overwrite && pending !== '' && !pending.endsWith('\n') ? `${pending}\n` : '';
            pending = '';
            clearTimeout(timer);
            timer = undefined;
            write(count + s);
        },
        flush,
    };
}
/** Writes --report, prints text or JSON, and returns the exit code of the report's outcome. */
async function emit(report, cmd, io, raw, colour, sign) {
    if (cmd.reportPath) {
        try {
            // As the Action's report-path does: the directory is made when it is not there yet.
            await (0,report_file/* writeReportFile */.a)(cmd.reportPath, report);
        }
        catch (e) {
            io.stderr(`image-gate: --report: cannot write ${(0,sanitize/* escapeControls */.UN)(cmd.reportPath)}: ${(0,sanitize/* escapeControls */.UN)((0,errors/* toGateError */.Vl)(e).message)}\n`);
            return 2;
        }
        // With summaries signed, the report is too (FILE.sigstore.json), for merge --shard-key.
        if (sign)
            try {
                await sign(cmd.reportPath, report);
            }
            catch (e) {
                io.stderr(`image-gate: ${(0,sanitize/* escapeControls */.UN)((0,errors/* toGateError */.Vl)(e).message)}\n`);
                return 2;
            }
    }
    try {
        await (0,cli_outputs/* writeOutputFiles */.kF)(report, cmd.outputFiles);
    }
    catch (e) {
        io.stderr(`image-gate: ${(0,sanitize/* escapeControls */.UN)((0,errors/* toGateError */.Vl)(e).message)}\n`);
        return 2;
    }
    if (cmd.output === 'text') {
        // A run-level error (a missing key, a bad root) is said once here; the text below does not
        // repeat it under every image.
        if (report.error)
            io.stderr(`image-gate: ${(0,sanitize/* escapeControls */.UN)(report.error.message)}\n`);
        const text = (0,sanitize/* terminalText */.eR)((0,render_text/* renderReportText */.Uv)(report, { quiet: cmd.quiet }));
        // Colour is added after the sanitiser, around text it has already made safe.
        raw.stdout(colour ? (0,render_text/* colourText */.QK)(text) : text);
    }
    else if (cmd.output === 'json') {
        // In whole-line pieces, each taken by stdout before the next is made: a 10 000-image report
        // is never one string here, nor queued whole in stdout's buffer (issue 15).
        for (const chunk of (0,json/* reportJsonChunks */.hT)(report)) {
            io.stdout(chunk);
            await raw.drain?.();
        }
    }
    else
        io.stdout((0,cli_outputs/* renderOutput */.C8)(report, cmd.output));
    return (0,report_outcome/* exitCode */.I$)(report.outcome);
}
/** Does argv ask for JSON on stdout (`--output json`, `-o json`, `--output=json`, `-ojson`)? */
function jsonRequested(argv) {
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--')
            break;
        if ((a === '--output' || a === '-o') && argv[i + 1] === 'json')
            return true;
        if (a === '--output=json' || a === '-ojson')
            return true;
    }
    return false;
}
/** A usage or run error as a JSON document: the report's `error` field and the tool. */
function errorJson(err) {
    return (JSON.stringify({ error: { code: err.code, message: err.message }, tool: report/* TOOL */.js }, null, 2) + '\n');
}
//# sourceMappingURL=main.js.map
;// CONCATENATED MODULE: ./build/cli/index.js
// Entry point of dist/cli.js: runs main() and turns every outcome, including a crash or an
// unhandled rejection, into an exit code. A crash must never look like success.
// First, so the compile cache is on before the chunks below load.



// A throw from a callback (uncaught) would otherwise get Node's own report: the raw message
// and stack on stderr, past the terminal sanitiser, and exit code 1 (a supply-chain failure).
const internalError = (e) => {
    process.stderr.write((0,sanitize/* terminalText */.eR)(`image-gate: internal error: ${(0,sanitize/* escapeControls */.UN)(e instanceof Error ? e.message : String(e))}\n`));
};
const crash = (e) => {
    internalError(e);
    process.exit(2);
};
process.on('unhandledRejection', crash);
process.on('uncaughtException', crash);
/** Resolves when stdout's buffer has drained (or stdout closed or failed: nothing more to wait for). */
const drainStdout = () => new Promise((resolve) => {
    const out = process.stdout;
    if (!out.writableNeedDrain)
        return resolve();
    const done = () => {
        out.off('drain', done).off('close', done).off('error', done);
        resolve();
    };
    out.on('drain', done).on('close', done).on('error', done);
});
main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    drain: drainStdout,
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    stdoutTTY: Boolean(process.stdout.isTTY),
    readStdin: async () => {
        const chunks = [];
        for await (const c of process.stdin)
            chunks.push(c);
        return Buffer.concat(chunks).toString('utf8');
    },
}).then((code) => {
    process.exitCode = code;
}, (e) => {
    internalError(e);
    process.exitCode = 2;
});
//# sourceMappingURL=index.js.map

//# sourceMappingURL=index.js.map