export const id = 957;
export const ids = [957];
export const modules = {

/***/ 85957:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadPolicyFile: () => (/* binding */ loadPolicyFile)
});

// UNUSED EXPORTS: MAX_POLICY_FILE_BYTES, MAX_RULES, POLICY_FILE_VERSION, PolicyFileError, parsePolicyFile

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./build/core/attestations/types.js
var types = __webpack_require__(25129);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(62807);
// EXTERNAL MODULE: ./build/core/attestations/package-rule.js
var package_rule = __webpack_require__(35191);
// EXTERNAL MODULE: ./build/core/options.js
var options = __webpack_require__(91468);
;// CONCATENATED MODULE: ./build/core/policy/file-validator.js
// Reading the YAML nodes of a policy file into typed values, collecting every problem with its
// line and field (file.ts walks the document; this knows strings, lists, keys, times, matchers,
// identities and conditions).





const IDENTITY_KEYS = ['subject', 'subjectRegExp', 'issuer', 'issuerRegExp'];
const CONDITION_KEYS = [
    'maxVulnAge',
    'failOnSeverity',
    'denyPackages',
    'builderId',
    'builderIdRegExp',
    'sourceRepository',
    'sourceRepositoryRegExp',
    'sourceRef',
    'sourceRefRegExp',
];
/**
 * Date.parse rolls 2026-02-30 over to March and T24:00 to the next day; a policy time must name a
 * day and a time of day that exist.
 */
function realDay(iso) {
    const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
    const [hh, mm, ss] = iso.slice(11, 19).split(':').map(Number);
    return (d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() && hh <= 23 && mm <= 59 && ss <= 59);
}
function itemNode(seq, i) {
    return (0,dist/* isSeq */.oP)(seq) ? seq.items[i] : undefined;
}
class Validator {
    problems;
    lineOf;
    constructor(problems, lineOf) {
        this.problems = problems;
        this.lineOf = lineOf;
    }
    count() {
        return this.problems.length;
    }
    problem(line, field, message) {
        this.problems.push({ line, field, message });
    }
    get(items, key) {
        return items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === key);
    }
    unknownKeys(items, known, at) {
        for (const p of items) {
            const k = (0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : '?';
            if (!known.includes(k))
                this.problem(this.lineOf(p.key), at ? `${at}.${k}` : k, `unknown field (expected one of ${known.join(', ')})`);
        }
    }
    string(node, field) {
        if ((0,dist/* isScalar */.jn)(node) && typeof node.value === 'string' && node.value.trim() !== '')
            return node.value.trim();
        this.problem(this.lineOf(node), field, 'must be a non-empty string');
        return undefined;
    }
    /** A list of strings; a single string is taken as a one-item list. */
    stringList(node, field, opts = {}) {
        if (node === undefined || node === null || ((0,dist/* isScalar */.jn)(node) && node.value === null)) {
            if (opts.required)
                this.problem(opts.line ?? 1, field, node === undefined ? 'missing' : 'has no value: list at least one, or leave it out');
            return [];
        }
        if ((0,dist/* isScalar */.jn)(node)) {
            const s = this.string(node, field);
            return s === undefined ? [] : [s];
        }
        if (!(0,dist/* isSeq */.oP)(node)) {
            this.problem(this.lineOf(node), field, 'must be a list of strings');
            return [];
        }
        if (opts.required && node.items.length === 0)
            this.problem(this.lineOf(node), field, 'must not be empty');
        const out = [];
        node.items.forEach((item, i) => {
            const s = this.string(item, `${field}[${i}]`);
            if (s !== undefined)
                out.push(s);
        });
        return out;
    }
    /**
     * Keys: a reference, or `{key: <reference>, validFor: {start, end}}` for a key trusted only
     * for signatures made within that window (RFC 3339 times; either bound may be left out).
     */
    keyList(node, field) {
        if (!(0,dist/* isSeq */.oP)(node))
            return this.stringList(node, field).map((ref) => ({ ref }));
        const out = [];
        const seen = new Set();
        node.items.forEach((item, i) => {
            const at = `${field}[${i}]`;
            let entry;
            if (!(0,dist/* isMap */.jh)(item)) {
                const ref = this.string(item, at);
                if (ref !== undefined)
                    entry = { ref };
            }
            else {
                this.unknownKeys(item.items, ['key', 'validFor'], at);
                const keyPair = this.get(item.items, 'key');
                const ref = keyPair ? this.string(keyPair.value, `${at}.key`) : undefined;
                if (!keyPair)
                    this.problem(this.lineOf(item), at, 'missing key (the key reference)');
                const vf = this.get(item.items, 'validFor');
                const validFor = vf ? this.validity(vf.value, `${at}.validFor`) : undefined;
                if (!vf)
                    this.problem(this.lineOf(item), at, 'a key given as a mapping needs validFor');
                if (ref !== undefined && validFor !== undefined)
                    entry = { ref, validFor };
            }
            if (entry === undefined)
                return;
            if (seen.has(entry.ref)) {
                this.problem(this.lineOf(item), at, `'${entry.ref}' is listed twice`);
                return;
            }
            seen.add(entry.ref);
            out.push(entry);
        });
        return out;
    }
    validity(node, field) {
        if (!(0,dist/* isMap */.jh)(node)) {
            this.problem(this.lineOf(node), field, 'must be a mapping with start and/or end');
            return undefined;
        }
        this.unknownKeys(node.items, ['start', 'end'], field);
        const out = {};
        let ok = true;
        for (const bound of ['start', 'end']) {
            const pair = this.get(node.items, bound);
            if (!pair)
                continue;
            const t = this.time(pair.value, `${field}.${bound}`);
            if (t === undefined)
                ok = false;
            else
                out[bound] = t;
        }
        if (!ok)
            return undefined;
        if (out.start === undefined && out.end === undefined) {
            this.problem(this.lineOf(node), field, 'needs start, end or both');
            return undefined;
        }
        if (out.start && out.end && out.start.getTime() >= out.end.getTime()) {
            this.problem(this.lineOf(node), field, `start ${out.start.toISOString()} is not before end ${out.end.toISOString()}`);
            return undefined;
        }
        return out;
    }
    /** An RFC 3339 date-time with a time zone, e.g. `2026-01-01T00:00:00Z`. */
    time(node, field) {
        const raw = (0,dist/* isScalar */.jn)(node)
            ? node.value instanceof Date
                ? node.value.toISOString()
                : node.value
            : undefined;
        if (typeof raw === 'string' &&
            /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(raw) &&
            !Number.isNaN(Date.parse(raw)) &&
            realDay(raw))
            return new Date(raw);
        this.problem(this.lineOf(node), field, `${JSON.stringify(raw ?? null)} is not an RFC 3339 time with a zone (e.g. 2026-01-01T00:00:00Z)`);
        return undefined;
    }
    matcher(items, key, field) {
        const exact = this.get(items, key);
        const re = this.get(items, `${key}RegExp`);
        if (exact && re) {
            this.problem(this.lineOf(re.key), `${field}.${key}RegExp`, `give ${key} or ${key}RegExp, not both`);
            return undefined;
        }
        if (exact) {
            const s = this.string(exact.value, `${field}.${key}`);
            return s === undefined ? undefined : { exact: s };
        }
        if (re) {
            const s = this.string(re.value, `${field}.${key}RegExp`);
            if (s === undefined)
                return undefined;
            try {
                // The value on its own first: one that only compiles inside the anchoring wrapper (such
                // as `a)|(.*`, which closes the wrapper's group and opens an unanchored alternative, so
                // ^(?:a)|(.*)$ matches every value) is not a regular expression. A value that compiles
                // on its own has balanced groups, so the wrapper anchors all of it.
                new RegExp(s);
                new RegExp(`^(?:${s})$`);
            }
            catch (e) {
                this.problem(this.lineOf(re.value), `${field}.${key}RegExp`, `'${s}' is not a regular expression: ${e instanceof Error ? e.message : String(e)}`);
                return undefined;
            }
            return { regexp: s };
        }
        return undefined;
    }
    identities(node, field) {
        if (node === undefined)
            return [];
        if (!(0,dist/* isSeq */.oP)(node)) {
            this.problem(this.lineOf(node), field, 'must be a list of {subject|subjectRegExp, issuer|issuerRegExp}');
            return [];
        }
        const out = [];
        node.items.forEach((item, i) => {
            const at = `${field}[${i}]`;
            if (!(0,dist/* isMap */.jh)(item)) {
                this.problem(this.lineOf(item), at, 'must be a mapping with subject and issuer');
                return;
            }
            this.unknownKeys(item.items, IDENTITY_KEYS, at);
            const subject = this.matcher(item.items, 'subject', at);
            const issuer = this.matcher(item.items, 'issuer', at);
            // Keyless without both is "anyone with a certificate": sigstore-js would skip the check.
            if (!this.get(item.items, 'subject') && !this.get(item.items, 'subjectRegExp'))
                this.problem(this.lineOf(item), at, 'needs subject or subjectRegExp');
            if (!this.get(item.items, 'issuer') && !this.get(item.items, 'issuerRegExp'))
                this.problem(this.lineOf(item), at, 'needs issuer or issuerRegExp');
            if (subject && issuer)
                out.push({ subject, issuer });
        });
        return out;
    }
    conditions(node, field) {
        const out = {};
        if (node === undefined)
            return out;
        if (!(0,dist/* isMap */.jh)(node)) {
            this.problem(this.lineOf(node), field, 'must be a mapping');
            return out;
        }
        this.unknownKeys(node.items, CONDITION_KEYS, field);
        const age = this.get(node.items, 'maxVulnAge');
        if (age) {
            const raw = (0,dist/* isScalar */.jn)(age.value) ? age.value.value : undefined;
            const s = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
            try {
                if (s === undefined)
                    throw new errors/* GateError */.ue('USAGE', 'must be a duration');
                out.maxVulnAgeMs = (0,options/* parseDuration */.E9)('maxVulnAge', s);
            }
            catch {
                this.problem(this.lineOf(age.value), `${field}.maxVulnAge`, `'${s ?? ''}' is not a duration (e.g. 48h, 2d, 90m)`);
            }
        }
        const sevPair = this.get(node.items, 'failOnSeverity');
        if (sevPair) {
            // A field written with no value asks for nothing: refused, not read as no condition.
            const list = this.stringList(sevPair.value, `${field}.failOnSeverity`, {
                required: true,
                line: this.lineOf(sevPair.key),
            }).flatMap((s) => s.split(','));
            const sev = list.flatMap((s) => {
                try {
                    return [(0,types/* parseSeverity */.lv)(s)];
                }
                catch {
                    this.problem(this.lineOf(sevPair.value), `${field}.failOnSeverity`, `'${s.trim()}' is not a severity (critical, high, medium, low, unknown)`);
                    return [];
                }
            });
            if (sev.length > 0)
                out.failOnSeverity = sev;
        }
        const denyPair = this.get(node.items, 'denyPackages');
        if (denyPair) {
            const rules = this.stringList(denyPair.value, `${field}.denyPackages`, {
                required: true,
                line: this.lineOf(denyPair.key),
            }).flatMap((raw, i) => {
                try {
                    return [(0,package_rule/* parsePackageRule */.i)(raw, `${field}.denyPackages[${i}]`)];
                }
                catch (e) {
                    const why = e instanceof Error ? e.message.replace(/^[^:]*: /, '') : String(e);
                    this.problem(this.lineOf(itemNode(denyPair.value, i) ?? denyPair.value), `${field}.denyPackages[${i}]`, why);
                    return [];
                }
            });
            if (rules.length > 0)
                out.denyPackages = rules;
        }
        const slsa = {};
        for (const k of ['builderId', 'sourceRepository', 'sourceRef']) {
            const m = this.matcher(node.items, k, field);
            if (m)
                slsa[k] = m;
        }
        if (Object.keys(slsa).length > 0)
            out.slsa = slsa;
        return out;
    }
}
//# sourceMappingURL=file-validator.js.map
// EXTERNAL MODULE: ./build/core/policy/match.js
var match = __webpack_require__(9596);
// EXTERNAL MODULE: ./build/core/policy/mode.js
var policy_mode = __webpack_require__(16054);
// EXTERNAL MODULE: ./build/core/policy/rule.js
var rule = __webpack_require__(67727);
;// CONCATENATED MODULE: ./build/core/policy/file.js
// The YAML policy file: per-image rules (signers, required attestations, conditions), validated
// with errors that name the line and field; the first rule whose image globs match decides.









const POLICY_FILE_VERSION = 1;
/** A policy is a page of YAML, not a data set. */
const MAX_POLICY_FILE_BYTES = 1024 * 1024;
const MAX_RULES = 1000;
/** A policy file that does not validate: USAGE (exit 2), with every problem found. */
class PolicyFileError extends errors/* GateError */.ue {
    problems;
    constructor(source, problems) {
        super('USAGE', problems
            .map((p) => `${source} line ${p.line}: ${p.field ? `${p.field}: ` : ''}${p.message}`)
            .join('\n'));
        this.name = 'PolicyFileError';
        this.problems = problems;
    }
}
/** Run-level revocation fields (docs/revocation.md): the list, and who must have signed it. */
const REVOCATION_KEYS = [
    'revocations',
    'revocationsKey',
    'revocationsIdentity',
    'revocationsIssuer',
];
const TOP_KEYS = ['version', 'rules', 'unmatched', ...REVOCATION_KEYS];
const RULE_KEYS = [
    'name',
    'images',
    'keys',
    'identities',
    'attestationKeys',
    'attestationIdentities',
    'attestations',
    'conditions',
    'requireSignature',
    'mode',
    'enforceAfter',
];
/** Read and validate a policy file; key paths in it are relative to its directory. */
async function loadPolicyFile(file) {
    let text;
    try {
        const st = await (0,promises_.stat)(file);
        if (st.size > MAX_POLICY_FILE_BYTES)
            throw new errors/* GateError */.ue('USAGE', `policy: ${file} is ${st.size} bytes, limit ${MAX_POLICY_FILE_BYTES}`);
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        if (e instanceof errors/* GateError */.ue)
            throw e;
        throw new errors/* GateError */.ue('USAGE', `policy: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, {
            cause: e,
        });
    }
    return parsePolicyFile(text, external_node_path_.basename(file), external_node_path_.dirname(external_node_path_.resolve(file)));
}
/** Validate policy YAML. `baseDir` resolves relative key paths; without it they stay as written. */
function parsePolicyFile(text, source = 'policy.yaml', baseDir) {
    const lc = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
    const lineOf = (n) => n?.range ? lc.linePos(n.range[0]).line : 1;
    if (doc.errors.length > 0)
        throw new PolicyFileError(source, doc.errors.map((e) => ({
            line: e.linePos?.[0].line ?? lc.linePos(e.pos[0]).line,
            field: '',
            message: e.message.split('\n')[0],
        })));
    const problems = [];
    const v = new Validator(problems, lineOf);
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root)) {
        throw new PolicyFileError(source, [
            {
                line: lineOf(root),
                field: '',
                message: 'expected a mapping with version and rules',
            },
        ]);
    }
    v.unknownKeys(root.items, TOP_KEYS, '');
    const version = v.get(root.items, 'version');
    if (!version)
        v.problem(1, 'version', `missing; write 'version: ${POLICY_FILE_VERSION}'`);
    else if (!(0,dist/* isScalar */.jn)(version.value) || version.value.value !== POLICY_FILE_VERSION)
        v.problem(lineOf(version.value), 'version', `must be ${POLICY_FILE_VERSION}`);
    let unmatched = 'fail';
    const um = v.get(root.items, 'unmatched');
    if (um) {
        const s = v.string(um.value, 'unmatched');
        if (s === 'fail' || s === 'allow')
            unmatched = s;
        else if (s !== undefined)
            v.problem(lineOf(um.value), 'unmatched', `'${s}' is not fail or allow`);
    }
    const revocations = parseRevocations(v, root.items, baseDir);
    const rules = [];
    const rulesPair = v.get(root.items, 'rules');
    if (!rulesPair)
        v.problem(1, 'rules', 'missing; a policy needs at least one rule');
    else if (!(0,dist/* isSeq */.oP)(rulesPair.value) || rulesPair.value.items.length === 0)
        v.problem(lineOf(rulesPair.value), 'rules', 'must be a non-empty list');
    else if (rulesPair.value.items.length > MAX_RULES)
        v.problem(lineOf(rulesPair.value), 'rules', `${rulesPair.value.items.length} rules, limit ${MAX_RULES}`);
    else
        rulesPair.value.items.forEach((item, i) => {
            const rule = parseRule(v, item, `rules[${i}]`, baseDir);
            if (rule)
                rules.push(rule);
        });
    if (problems.length > 0)
        throw new PolicyFileError(source, problems);
    return { source, version: 1, unmatched, rules, ...(revocations ? { revocations } : {}) };
}
/** The top-level revocation fields; a relative list path or key follows the policy file. */
function parseRevocations(v, items, baseDir) {
    const str = (k) => {
        const pair = v.get(items, k);
        return pair ? v.string(pair.value, k) : undefined;
    };
    const list = str('revocations');
    const key = str('revocationsKey');
    const identity = str('revocationsIdentity');
    const issuer = str('revocationsIssuer');
    if (list === undefined) {
        const stray = REVOCATION_KEYS.slice(1).find((k) => v.get(items, k));
        if (stray)
            v.problem(v.lineOf(v.get(items, stray).key), stray, 'names the signer of a revocation list, but no revocations list is given');
        return undefined;
    }
    const line = v.lineOf(v.get(items, 'revocations').key);
    return {
        source: list.includes('://') ? list : resolveKeyRef(list, baseDir),
        ...(key !== undefined ? { key: resolveKeyRef(key, baseDir) } : {}),
        ...(identity !== undefined ? { identity } : {}),
        ...(issuer !== undefined ? { issuer } : {}),
        line,
    };
}
function parseRule(v, node, at, baseDir) {
    const line = v.lineOf(node);
    if (!(0,dist/* isMap */.jh)(node)) {
        v.problem(line, at, 'must be a mapping (images, keys or identities, ...)');
        return undefined;
    }
    const before = v.count();
    // One list per run: a rule cannot have its own (it would read as revoking only for some images).
    for (const p of node.items) {
        const k = (0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : '';
        if (REVOCATION_KEYS.includes(k))
            v.problem(v.lineOf(p.key), `${at}.${k}`, 'the revocation list is run-level: move it to the top of the policy file, beside rules');
    }
    v.unknownKeys(node.items.filter((p) => !REVOCATION_KEYS.includes((0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : '')), RULE_KEYS, at);
    const field = (k) => v.get(node.items, k);
    const name = field('name') ? v.string(field('name').value, `${at}.name`) : undefined;
    const images = v.stringList(field('images')?.value, `${at}.images`, { required: true, line });
    const normalisedImages = [];
    images.forEach((g, i) => {
        // A lone `*` stays within one path segment, and no normalised name has only one.
        const neverMatches = !g.includes('/') && /^[*?]+$/.test(g) && g !== '**';
        let why = !/^[A-Za-z0-9*?[\]._:/-]+$/.test(g) || g.includes('***')
            ? 'is not an image glob (rules match registry/repository[:tag]; digests cannot be matched)'
            : neverMatches
                ? 'can never match a normalised image name (write ** for every image)'
                : (0,match/* globNeverMatches */.Si)(g);
        if (!why) {
            try {
                normalisedImages.push((0,match/* normaliseGlob */.fK)(g));
            }
            catch (e) {
                why = e instanceof Error ? e.message.replace(/^'[^']*' /, '') : String(e);
            }
        }
        if (why)
            v.problem(v.lineOf(itemNode(field('images').value, i)), `${at}.images[${i}]`, `'${g}' ${why}`);
    });
    const keyValidity = {};
    const attestationKeyValidity = {};
    const keyList = (node, f, windows) => v.keyList(node, f).map(({ ref, validFor }) => {
        const resolved = resolveKeyRef(ref, baseDir);
        if (validFor)
            windows[resolved] = validFor;
        return resolved;
    });
    const keys = keyList(field('keys')?.value, `${at}.keys`, keyValidity);
    const identities = v.identities(field('identities')?.value, `${at}.identities`);
    const attKeysPair = field('attestationKeys');
    const attIdsPair = field('attestationIdentities');
    const attestationKeys = attKeysPair
        ? keyList(attKeysPair.value, `${at}.attestationKeys`, attestationKeyValidity)
        : undefined;
    const attestationIdentities = attIdsPair
        ? v.identities(attIdsPair.value, `${at}.attestationIdentities`)
        : undefined;
    const attestations = [];
    const attPair = field('attestations');
    const attNode = attPair?.value;
    // `attestations:` with no value or `[]` asks for nothing: refused, not read as no requirement.
    const attOpts = attPair ? { required: true, line: v.lineOf(attPair.key) } : {};
    v.stringList(attNode, `${at}.attestations`, attOpts).forEach((t, i) => {
        try {
            attestations.push((0,types/* resolvePredicateType */.gJ)(t));
        }
        catch {
            v.problem(v.lineOf(itemNode(attNode, i)), `${at}.attestations[${i}]`, `'${t}' is not a known predicate type`);
        }
    });
    const conditions = v.conditions(field('conditions')?.value, `${at}.conditions`);
    const ageLimit = (0,rule/* vulnAgeLimit */.e)(conditions.maxVulnAgeMs, attestations, conditions.failOnSeverity, types/* PREDICATE */.W3.cosignVuln);
    if (ageLimit !== undefined)
        conditions.maxVulnAgeMs = ageLimit;
    let requireSignature = true;
    const rs = field('requireSignature');
    if (rs) {
        if ((0,dist/* isScalar */.jn)(rs.value) && typeof rs.value.value === 'boolean')
            requireSignature = rs.value.value;
        else
            v.problem(v.lineOf(rs.value), `${at}.requireSignature`, 'must be true or false');
    }
    const modePair = field('mode');
    let mode;
    if (modePair) {
        const raw = (0,dist/* isScalar */.jn)(modePair.value) ? modePair.value.value : undefined;
        if (raw === 'enforce' || raw === 'warn')
            mode = raw;
        else
            v.problem(v.lineOf(modePair.value), `${at}.mode`, `${JSON.stringify(raw ?? null)} is not enforce or warn`);
    }
    const eaPair = field('enforceAfter');
    let enforceAfter;
    if (eaPair) {
        const raw = (0,dist/* isScalar */.jn)(eaPair.value) ? eaPair.value.value : undefined;
        enforceAfter = typeof raw === 'string' ? (0,policy_mode/* enforceAfterDate */.ZC)(raw) : undefined;
        if (enforceAfter === undefined)
            v.problem(v.lineOf(eaPair.value), `${at}.enforceAfter`, `${JSON.stringify(raw instanceof Date ? raw.toISOString() : (raw ?? null))} is not a date YYYY-MM-DD (UTC; the rule warns before it and enforces from it)`);
    }
    const spec = {
        name: name ?? at,
        line,
        images: normalisedImages,
        keys,
        ...(Object.keys(keyValidity).length ? { keyValidity } : {}),
        identities,
        ...(attestationKeys ? { attestationKeys } : {}),
        ...(Object.keys(attestationKeyValidity).length ? { attestationKeyValidity } : {}),
        ...(attestationIdentities ? { attestationIdentities } : {}),
        attestations: [...new Set(attestations)],
        conditions,
        requireSignature,
        ...(mode !== undefined ? { mode } : {}),
        ...(enforceAfter !== undefined ? { enforceAfter } : {}),
    };
    // The checks every rule passes, whatever its source (rule.ts).
    for (const p of (0,rule/* ruleProblems */.b0)(spec, rule/* FILE_WORDS */.zT)) {
        const attPair = attKeysPair ?? attIdsPair;
        if (p.field === 'mode' && modePair)
            v.problem(v.lineOf(modePair.key), `${at}.mode`, p.message);
        else if (p.field === 'attestationSigners' && attPair)
            v.problem(v.lineOf(attPair.key), `${at}.${attKeysPair ? 'attestationKeys' : 'attestationIdentities'}`, p.message);
        else
            v.problem(line, at, p.message);
    }
    return v.count() > before ? undefined : spec;
}
/** Plain relative paths follow the policy file; `scheme://` references and absolute paths do not. */
function resolveKeyRef(ref, baseDir) {
    if (baseDir === undefined || ref.includes('://') || external_node_path_.isAbsolute(ref))
        return ref;
    return external_node_path_.join(baseDir, ref);
}
//# sourceMappingURL=file.js.map

/***/ })

};

//# sourceMappingURL=957.index.js.map