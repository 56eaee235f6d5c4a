export const id = 948;
export const ids = [948,773];
export const modules = {

/***/ 87567:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPin: () => (/* binding */ runPin)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(62807);
// EXTERNAL MODULE: ./build/core/gate.js + 50 modules
var gate = __webpack_require__(86559);
// EXTERNAL MODULE: ./build/core/manifests/files.js + 9 modules
var manifests_files = __webpack_require__(41729);
// EXTERNAL MODULE: ./build/core/reference.js
var reference = __webpack_require__(68687);
;// CONCATENATED MODULE: ./build/core/manifests/pin.js
// `pin`: rewriting each reference a file spells literally to `NAME:TAG@DIGEST`, in place, the
// rest of the text byte for byte as it was. Pure: texts, occurrences and verified digests in, edits out.


/**
 * The digest a reference is pinned to, or undefined when it names only a tag. A reference that
 * does not parse is an error naming it (REF_INVALID), never "unpinned" or "pinned".
 */
function pinnedDigest(image) {
    const ref = (0,reference/* parseReference */.F2)(image);
    return ref.kind === 's3lo' ? ref.s3lo.digest : ref.digest;
}
/** The key two spellings of one reference share (`nginx:1`, `docker.io/library/nginx:1`). */
function referenceKey(image) {
    try {
        return (0,reference/* referenceIdentity */.w$)((0,reference/* parseReference */.F2)(image));
    }
    catch {
        return image;
    }
}
/**
 * References that need a digest but are not written out literally: interpolated (`${TAG}`),
 * substituted (`FROM $BASE`), escaped or folded. Rewriting the text would pin something other
 * than what was read, and skipping them would leave them unpinned, so `pin` refuses them.
 */
function unpinnable(f) {
    const out = [];
    for (const o of f.occurrences) {
        if (pinnedDigest(o.image) !== undefined)
            continue;
        const written = o.span ? f.text.slice(o.span.start, o.span.end) : undefined;
        if (written === o.image)
            continue;
        const why = written === undefined
            ? 'its text could not be placed in the file'
            : /\$/.test(written)
                ? `it is interpolated (reads as '${o.image}'); write the reference out, or pin the value where it is set`
                : `the file spells it differently (escapes or folded lines: reads as '${o.image}')`;
        out.push({
            file: o.file,
            line: o.line,
            message: `'${written ?? o.image}' cannot be pinned in place: ${why}`,
        });
    }
    return out;
}
/**
 * The edits that pin a file's references to the digests verified for them (`verified` by
 * reference, as `referenceKey` spells it): `image` -> `image@digest`. A reference already pinned
 * is verified by its digest (a tag beside it is not resolved), so it is left; one whose digest is
 * not the verified one is a problem. Each span is edited once (every alias of an anchor shares it).
 */
function planPins(f, verified) {
    const edits = [];
    const unchanged = [];
    const problems = [];
    const spans = new Set();
    for (const o of f.occurrences) {
        const digest = verified(o.image);
        const at = { file: o.file, line: o.line };
        if (digest === undefined) {
            problems.push({ ...at, message: `'${o.image}' has no verified digest` });
            continue;
        }
        const pinned = pinnedDigest(o.image);
        if (pinned !== undefined) {
            if (pinned === digest)
                unchanged.push(o);
            else
                problems.push({
                    ...at,
                    message: `'${o.image}' is pinned to ${pinned}, but ${digest} was verified for it`,
                });
            continue;
        }
        if (!o.span || f.text.slice(o.span.start, o.span.end) !== o.image) {
            problems.push({ ...at, message: `'${o.image}' cannot be pinned in place` });
            continue;
        }
        if (spans.has(o.span.start))
            continue;
        spans.add(o.span.start);
        edits.push({
            file: o.file,
            // Where the text changes: a block scalar's content line, an ARG default's line.
            line: lineAt(f.text, o.span.start),
            kind: o.kind,
            span: o.span,
            from: o.image,
            to: `${o.image}@${digest}`,
            digest,
        });
    }
    // In the order of the text (`FROM $ARG` is edited at the ARG line above it).
    edits.sort((a, b) => a.span.start - b.span.start);
    return { edits, unchanged, problems };
}
function lineAt(text, offset) {
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1))
        n++;
    return n;
}
/** The text with each edit's span replaced (spans are disjoint; applied from the end). */
function applyEdits(text, edits) {
    let out = text;
    for (const e of [...edits].sort((a, b) => b.span.start - a.span.start))
        out = out.slice(0, e.span.start) + e.to + out.slice(e.span.end);
    return out;
}
/**
 * The rewritten text read back with the file's own reader must name the same references in the
 * same places, each edited one as its pin and every one pinned; else nothing is written (a
 * rewrite that changed the document's structure, or left a reference unpinned, is a bug).
 */
function checkReadBack(f, text, edits) {
    const fail = (why) => {
        throw new errors/* GateError */.ue('USAGE', `${f.file}: the pinned text would not read back: ${why}`);
    };
    let again;
    try {
        again = f.read(text);
    }
    catch (e) {
        return fail(e instanceof Error ? e.message : String(e));
    }
    const to = new Map(edits.map((e) => [e.span.start, e.to]));
    if (again.length !== f.occurrences.length)
        fail(`${again.length} references instead of ${f.occurrences.length}`);
    f.occurrences.forEach((o, i) => {
        const want = (o.span && to.get(o.span.start)) ?? o.image;
        const got = again[i];
        if (got.image !== want || got.line !== o.line)
            fail(`line ${got.line} reads '${got.image}', expected '${want}' on line ${o.line}`);
        if (pinnedDigest(got.image) === undefined)
            fail(`line ${got.line}: '${got.image}' is unpinned`);
    });
}
//# sourceMappingURL=pin.js.map
// EXTERNAL MODULE: ./build/core/report.js
var core_report = __webpack_require__(14486);
// EXTERNAL MODULE: ./build/core/report-outcome.js
var report_outcome = __webpack_require__(62683);
// EXTERNAL MODULE: ./build/edge/octokit.js
var octokit = __webpack_require__(65773);
// EXTERNAL MODULE: ./build/edge/sanitize.js
var sanitize = __webpack_require__(3217);
// EXTERNAL MODULE: ./build/render/json.js
var json = __webpack_require__(77199);
// EXTERNAL MODULE: ./build/render/text.js
var render_text = __webpack_require__(99822);
// EXTERNAL MODULE: ./build/cli/outputs.js + 2 modules
var outputs = __webpack_require__(16030);
;// CONCATENATED MODULE: ./build/cli/pin.js
// `image-gate pin`: verify the images the files name, then, only when every one verified, rewrite
// each reference in place to NAME:TAG@DIGEST; `--check` lists references not pinned by digest.














async function runPin(cmd, io) {
    const usageError = (err, problems = []) => {
        if (cmd.output === 'json')
            io.stdout(pin_json({
                error: { code: err.code, message: err.message },
                ...(problems.length > 0 ? { problems } : {}),
                tool: core_report/* TOOL */.js,
            }));
        for (const p of problems)
            io.stderr(`image-gate: ${(0,sanitize/* escapeControls */.UN)(p.file)}:${p.line}: ${(0,sanitize/* escapeControls */.UN)(p.message)}\n`);
        io.stderr(`image-gate: ${(0,sanitize/* escapeControls */.UN)(err.message)}\n`);
        return 2;
    };
    let files;
    try {
        files = await (0,manifests_files/* readFiles */.U)({
            paths: cmd.paths,
            lists: cmd.imagesFile !== undefined ? [cmd.imagesFile] : [],
            env: io.env,
            ...(cmd.composeEnv ? { composeEnv: cmd.composeEnv } : {}),
            ...(io.readStdin ? { readStdin: io.readStdin } : {}),
        });
        files = await distinctFiles(files);
        // Every reference must parse: one that does not is neither pinned nor unpinned.
        for (const o of files.flatMap((f) => f.occurrences)) {
            try {
                pinnedDigest(o.image);
            }
            catch (e) {
                throw new errors/* GateError */.ue('USAGE', `${o.file}:${o.line}: ${(0,errors/* toGateError */.Vl)(e).message}`, {
                    cause: e,
                });
            }
        }
    }
    catch (e) {
        return usageError((0,errors/* toGateError */.Vl)(e));
    }
    for (const f of files)
        if (f.occurrences.length === 0)
            io.stderr(`image-gate: ${(0,sanitize/* escapeControls */.UN)(f.file)}: no image references found\n`);
    const all = files.flatMap((f) => f.occurrences);
    if (cmd.check)
        return check(all, cmd.output, io);
    if (all.length === 0)
        return usageError(new errors/* GateError */.ue('USAGE', 'pin: the files given name no image references'));
    const refused = files.flatMap(unpinnable);
    if (refused.length > 0)
        return usageError(new errors/* GateError */.ue('USAGE', `pin: ${refused.length} reference${refused.length === 1 ? '' : 's'} cannot be pinned in place; nothing verified or written`), refused);
    // The bytes each file to rewrite had when read: a rewrite keeps every other byte, so a file
    // that does not survive a UTF-8 round trip cannot be rewritten as text.
    const original = new Map();
    try {
        for (const f of files) {
            if (f.occurrences.every((o) => pinnedDigest(o.image) !== undefined))
                continue;
            const bytes = await (0,promises_.readFile)(f.path);
            if (!Buffer.from(f.text, 'utf8').equals(bytes))
                throw new errors/* GateError */.ue('USAGE', `${f.file}: not UTF-8 text; cannot rewrite it in place`);
            original.set(f, bytes);
        }
    }
    catch (e) {
        return usageError((0,errors/* toGateError */.Vl)(e));
    }
    if (cmd.passwordStdin) {
        const password = ((await io.readStdin?.()) ?? '').replace(/\r?\n$/, '');
        if (password === '')
            return usageError(new errors/* GateError */.ue('USAGE', 'pin: --registry-password-stdin: stdin is empty'));
        cmd.options.registryCredentials.push({ ...cmd.passwordStdin, password });
    }
    const { images, sources } = (0,manifests_files.groupSources)(all, referenceKey);
    const gated = await (0,gate.runGate)({ ...cmd.options, images }, {
        env: io.env,
        getOctokit: octokit.getOctokit,
        ...(cmd.verbose ? { log: (m) => io.stderr(`debug: ${(0,sanitize/* escapeControls */.UN)(m)}\n`) } : {}),
    });
    const report = {
        ...gated,
        results: gated.results.map((r) => {
            const s = sources.get(r.image);
            return s ? { ...r, sources: s } : r;
        }),
    };
    try {
        if (cmd.reportPath)
            await writeReport(cmd.reportPath, report);
        await (0,outputs/* writeOutputFiles */.kF)(report, cmd.outputFiles);
    }
    catch (e) {
        return usageError((0,errors/* toGateError */.Vl)(e));
    }
    const notVerified = report.results.filter((r) => r.outcome !== 'verified' || !r.digest);
    if (report.error || notVerified.length > 0 || report.results.length === 0) {
        // As verify says it, then why nothing was written. A green verdict that is not `verified`
        // (warn mode, an allowed image) pins nothing either: pin writes only what was verified.
        const code = (0,report_outcome/* exitCode */.I$)(report.outcome) || 1;
        const why = report.error
            ? report.error.message
            : `${notVerified.length} of ${report.results.length} image${report.results.length === 1 ? '' : 's'} not verified (${notVerified.map((r) => `${r.image}: ${r.outcome}`).join(', ')})`;
        if (cmd.output === 'json')
            io.stdout(pin_json({ written: false, rewrites: [], unchanged: [], report: reportDoc(report) }));
        else
            io.stdout((0,render_text/* renderReportText */.Uv)(report, { quiet: cmd.quiet }));
        io.stderr(`image-gate: pin: nothing written: ${(0,sanitize/* escapeControls */.UN)(why)}\n`);
        return code;
    }
    const digests = new Map(report.results.map((r) => [referenceKey(r.image), r.digest]));
    const verified = (image) => digests.get(referenceKey(image));
    const plans = files.map((f) => ({ f, ...planPins(f, verified) }));
    const problems = plans.flatMap((p) => p.problems);
    if (problems.length > 0) {
        if (cmd.output === 'json')
            io.stdout(pin_json({ written: false, rewrites: [], unchanged: [], problems, report: reportDoc(report) }));
        for (const p of problems)
            io.stderr(`image-gate: ${(0,sanitize/* escapeControls */.UN)(p.file)}:${p.line}: ${(0,sanitize/* escapeControls */.UN)(p.message)}\n`);
        io.stderr('image-gate: pin: nothing written\n');
        return 1;
    }
    let written;
    try {
        written = plans
            .filter((p) => p.edits.length > 0)
            .map(({ f, edits }) => {
            const text = applyEdits(f.text, edits);
            checkReadBack(f, text, edits);
            return { f, text };
        });
        await replaceAll(written, original);
    }
    catch (e) {
        return usageError((0,errors/* toGateError */.Vl)(e));
    }
    const edits = plans.flatMap((p) => p.edits);
    const unchanged = plans.flatMap((p) => p.unchanged);
    if (cmd.output === 'json')
        io.stdout(pin_json({
            written: written.length > 0,
            rewrites: edits.map(({ file, line: at, kind, from, to, digest }) => ({
                file,
                line: at,
                kind,
                from,
                to,
                digest,
            })),
            unchanged: unchanged.map(({ image, file, line: at, kind }) => ({
                image,
                file,
                line: at,
                kind,
            })),
            report: reportDoc(report),
        }));
    else {
        for (const e of edits)
            io.stdout(`${(0,sanitize/* escapeControls */.UN)(e.file)}:${e.line}: ${(0,sanitize/* escapeControls */.UN)(e.from)} -> ${(0,sanitize/* escapeControls */.UN)(e.to)}\n`);
        const n = (k, what) => `${k} ${what}${k === 1 ? '' : 's'}`;
        io.stdout(edits.length === 0
            ? `pin: every reference is already pinned (${n(unchanged.length, 'reference')}); nothing written\n`
            : `pin: ${n(edits.length, 'reference')} pinned in ${n(written.length, 'file')}${unchanged.length > 0 ? ` (${unchanged.length} already pinned)` : ''}; ${n(report.results.length, 'image')} verified\n`);
    }
    return 0;
}
/** `pin --check`: every reference not pinned by digest; exit 1 if any. */
function check(all, output, io) {
    const unpinned = all.filter((o) => pinnedDigest(o.image) === undefined);
    if (output === 'json')
        io.stdout(pin_json({
            references: all.length,
            unpinned: unpinned.map(({ image, file, line: at, kind }) => ({
                image,
                file,
                line: at,
                kind,
            })),
        }));
    else
        for (const o of unpinned)
            io.stdout(`${(0,sanitize/* escapeControls */.UN)(o.file)}:${o.line}: ${(0,sanitize/* escapeControls */.UN)(o.image)} is not pinned by digest\n`);
    if (unpinned.length === 0)
        return 0;
    io.stderr(`image-gate: pin --check: ${unpinned.length} of ${all.length} references not pinned by digest (image-gate pin pins them to verified digests)\n`);
    return 1;
}
/** One entry per file on disk: `a.yaml` and `./a.yaml` (or a link to it) are one file to rewrite. */
async function distinctFiles(files) {
    const seen = new Set();
    const out = [];
    for (const f of files) {
        const key = f.path === undefined ? f.file : await (0,promises_.realpath)(f.path);
        if (!seen.has(key))
            out.push(f);
        seen.add(key);
    }
    return out;
}
/**
 * Each file replaced by its pinned text: every new text is first written beside its file (same
 * mode), and only when all are written and no file changed since it was read are they renamed
 * over the files, so a failure leaves every file as it was. A symbolic link keeps pointing at
 * its (rewritten) target.
 */
async function replaceAll(written, original) {
    const staged = [];
    try {
        for (const { f, text } of written) {
            const target = await (0,promises_.realpath)(f.path);
            const now = await (0,promises_.readFile)(target);
            if (!now.equals(original.get(f)))
                throw new errors/* GateError */.ue('USAGE', `${f.file}: changed while pinning; nothing written`);
            const mode = (await (0,promises_.stat)(target)).mode & 0o7777;
            const tmp = external_node_path_.join(external_node_path_.dirname(target), `.${external_node_path_.basename(target)}.image-gate-pin-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
            const h = await (0,promises_.open)(tmp, 'wx', mode);
            staged.push({ tmp, target });
            try {
                await h.writeFile(text, 'utf8');
                // The umask may have narrowed the mode open() was given.
                await h.chmod(mode);
                await h.sync();
            }
            finally {
                await h.close();
            }
        }
        for (const s of staged)
            await (0,promises_.rename)(s.tmp, s.target);
    }
    catch (e) {
        await Promise.all(staged.map((s) => (0,promises_.rm)(s.tmp, { force: true })));
        if (e instanceof errors/* GateError */.ue)
            throw e;
        throw new errors/* GateError */.ue('USAGE', `pin: cannot write: ${(0,errors/* toGateError */.Vl)(e).message}`, { cause: e });
    }
}
async function writeReport(file, report) {
    try {
        await (0,promises_.mkdir)(external_node_path_.dirname(file), { recursive: true });
        await (0,promises_.writeFile)(file, (0,json/* reportJson */.l4)(report));
    }
    catch (e) {
        throw new errors/* GateError */.ue('USAGE', `--report: cannot write ${file}: ${(0,errors/* toGateError */.Vl)(e).message}`, {
            cause: e,
        });
    }
}
function reportDoc(report) {
    return JSON.parse((0,json/* reportJson */.l4)(report));
}
function pin_json(doc) {
    return `${JSON.stringify(doc, null, 2)}\n`;
}
//# sourceMappingURL=pin.js.map

/***/ }),

/***/ 65773:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getOctokit: () => (/* binding */ getOctokit)
/* harmony export */ });
/**
 * Octokit's own logger writes to the console, past the sinks' sanitisers: its deprecation
 * warning quotes the server's `Sunset` and `Link` headers raw (`##[` reaches the Actions log as
 * a command). What the core needs from an answer it reports itself.
 */
const SILENT = { debug() { }, info() { }, warn() { }, error() { } };
const getOctokit = (token, options) => {
    const client = __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 92413)).then((m) => m.getOctokit(token, { ...options, log: SILENT, request: { log: SILENT } }));
    return {
        request: async (route, params) => (await client).request(route, params),
    };
};
//# sourceMappingURL=octokit.js.map

/***/ })

};

//# sourceMappingURL=948.index.js.map