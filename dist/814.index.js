export const id = 814;
export const ids = [814];
export const modules = {

/***/ 22814:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./build/edge/sanitize.js
var sanitize = __webpack_require__(3217);
;// CONCATENATED MODULE: ./build/render/annotations.js
/** The title of every annotation image-gate writes (`::error title=image-gate::\u2026`). */
const ANNOTATION_TITLE = 'image-gate';
/**
 * The settings that make the run accept less than the default policy, each as a sentence naming
 * the input or policy-file key. Read from the report's `policy` section, so a merged report's
 * shards say the same as a live run.
 */
function weakSettings(report) {
    const p = report.policy;
    const out = [];
    if (!p.requireTlog)
        out.push('insecure-ignore-tlog: signatures are accepted without a Rekor transparency-log entry');
    if (!p.requireSct)
        out.push('insecure-ignore-sct: keyless certificates are accepted without a certificate-transparency SCT');
    if (p.policyFile?.unmatched === 'allow')
        out.push(`unmatched: allow (${p.policyFile.source}): images no rule matches pass without verification`);
    if (p.requireSignature === false)
        out.push('require-signature=false: images may pass on their attestations alone, unsigned');
    for (const r of p.policyFile?.rules ?? [])
        if (r.requireSignature === false)
            out.push(`requireSignature: false (rule ${r.name}): its images may pass on their attestations alone, unsigned`);
    return out;
}
/** A result's first `sources` entry (`{file, line}`), when the result carries a valid one. */
function sourceOf(r) {
    const sources = r.sources;
    const first = Array.isArray(sources) ? sources[0] : undefined;
    if (typeof first !== 'object' || first === null)
        return {};
    const { file, line } = first;
    if (typeof file !== 'string' || file === '')
        return {};
    return {
        file,
        ...(typeof line === 'number' && Number.isSafeInteger(line) && line > 0 ? { line } : {}),
    };
}
/**
 * Errors first (one per failed or errored image, `IMAGE: REASON`), then warnings (images a warn
 * mode let through, weak settings, report warnings). A run that could not start says so once, not
 * once per image with the same reason.
 */
function annotations(report) {
    const errors = [];
    const warnings = [];
    const startError = report.error?.message;
    if (startError !== undefined)
        errors.push({
            level: 'error',
            message: `${report.results.length} image(s) not verified: ${startError}`,
        });
    for (const r of report.results) {
        // A merged report is read from files: the outcome is compared as text, never trusted as a key.
        const outcome = String(r.outcome);
        const level = outcome === 'failed' || outcome === 'error'
            ? 'error'
            : outcome === 'warned'
                ? 'warning'
                : undefined;
        if (level === undefined)
            continue;
        if (startError !== undefined && r.reason === startError)
            continue;
        const reason = r.reason ?? r.code ?? outcome;
        (level === 'error' ? errors : warnings).push({
            level,
            message: `${r.image}: ${reason}`,
            ...sourceOf(r),
        });
    }
    for (const w of weakSettings(report))
        warnings.push({ level: 'warning', message: w });
    for (const w of report.warnings ?? [])
        warnings.push({ level: 'warning', message: w });
    return [...errors, ...warnings];
}
/**
 * The Action's outputs besides `verified`, `report-path`, `digests` and `pinned`: the run's
 * outcome, counts per outcome and the images that did not pass (failed, error, skipped and, in
 * warn mode, warned), each with its code and reason.
 */
function outcomeOutputs(report) {
    const count = (o) => report.results.filter((r) => String(r.outcome) === o).length;
    const failed = report.results
        .filter((r) => !['verified', 'allowed'].includes(String(r.outcome)))
        .map((r) => ({
        image: r.image,
        outcome: String(r.outcome),
        ...(r.digest ? { digest: r.digest } : {}),
        ...(r.code ? { code: r.code } : {}),
        ...(r.reason ? { reason: r.reason } : {}),
    }));
    return {
        outcome: String(report.outcome),
        'verified-count': String(count('verified')),
        'failed-count': String(count('failed')),
        'error-count': String(count('error')),
        'skipped-count': String(count('skipped')),
        failed,
    };
}
//# sourceMappingURL=annotations.js.map
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(62807);
// EXTERNAL MODULE: ./build/core/limits.js
var limits = __webpack_require__(40332);
// EXTERNAL MODULE: ./build/core/attestations/types.js
var attestations_types = __webpack_require__(25129);
// EXTERNAL MODULE: ./build/core/reference.js
var core_reference = __webpack_require__(68687);
// EXTERNAL MODULE: ./build/core/policy/match.js
var match = __webpack_require__(9596);
;// CONCATENATED MODULE: ./build/core/policy/checks.js
// Checks on the compiled policy as a whole, against the images and settings of the run, before
// any I/O: what could never take effect, or would be silently skipped, is refused (exit 2).




function checkRunPolicy(images, policy, settings) {
    // Stores that cannot hold what a rule asks for are refused first, naming their images.
    checkS3loRules(images, policy);
    // Both are checks on signatures; where a rule lets attestations alone decide, they would be
    // silently skipped for an image whose signature is simply removed.
    const optional = policy.rules.find((r) => !r.requireSignature);
    if (optional && (optional.platforms !== undefined || optional.requireAllKeys))
        throw new errors/* GateError */.ue('USAGE', `${optional.platforms !== undefined ? 'platforms' : 'require-all-keys'} checks signatures, so it cannot be combined with require-signature=false`);
    // Checked here, once the policy compiled, so the refused run's report still states it.
    if (settings.githubRepository && !policy.github)
        throw new errors/* GateError */.ue('USAGE', "github-repository needs github-owner (the repository's owner)");
    if (!policy.github)
        return;
    if (!policy.rules.some((r) => r.attestations))
        throw new errors/* GateError */.ue('USAGE', 'github-owner: no attestations are required, so the GitHub attestations API would never be asked');
    if (!settings.githubToken)
        throw new errors/* GateError */.ue('USAGE', 'github-owner: the GitHub attestations API needs github-token');
}
/**
 * s3lo stores hold a tag's manifest and key-signature records, nothing else: no attestations, no
 * Sigstore bundles, no signatures on platform manifests. An s3lo image under a rule that asks for
 * more would pass on its record alone, so the run is refused before any I/O, naming the images and
 * what they cannot meet.
 */
function checkS3loRules(images, policy) {
    const unmet = new Map();
    const add = (what, image) => {
        const list = unmet.get(what) ?? [];
        if (!list.includes(image))
            list.push(image);
        unmet.set(what, list);
    };
    for (const image of images) {
        let ref;
        try {
            ref = (0,core_reference/* parseReference */.F2)(image);
        }
        catch {
            continue; // the batch reports it as REF_INVALID
        }
        if (ref.kind !== 's3lo')
            continue;
        const m = (0,match/* selectRule */.vI)(policy, ref);
        if (!m.rule)
            continue; // unmatched: the policy file's own decision, nothing to skip
        const rule = m.rule;
        const under = policy.file ? ` (rule '${rule.name}')` : '';
        if (rule.platforms !== undefined)
            add("platforms (s3lo signs the tag's manifest only, never platform manifests)", image);
        for (const what of requirementsOf(rule))
            add(`${what}${under}`, image);
        if (!rule.requireSignature)
            add(`require-signature=false${under} (s3lo images are verified by their signature records alone)`, image);
        if (rule.signers.keys.length === 0)
            add(`a key${under}: it names only keyless identities, and s3lo records are signed with keys`, image);
    }
    if (unmet.size === 0)
        return;
    const lines = [...unmet].map(([what, list]) => `${what}: ${list.join(', ')}`);
    throw new errors/* GateError */.ue('USAGE', `s3lo images cannot meet this policy; an s3lo store holds no attestations, only signature records. Unmet: ${lines.join('; ')}`);
}
function requirementsOf(rule) {
    const r = rule.attestations;
    if (!r)
        return [];
    const out = [];
    if (r.types.length)
        out.push(`attestations ${r.types.map(attestations_types/* predicateLabel */.cF).join(', ')}`);
    const c = r.conditions;
    const names = [
        c.maxVulnAgeMs !== undefined && 'max-vuln-age',
        c.failOnSeverity?.length && 'fail-on-severity',
        c.denyPackages?.length && 'deny-packages',
        c.slsa?.builderId && 'builder-id',
        c.slsa?.sourceRepository && 'provenance-source-repository',
        c.slsa?.sourceRef && 'provenance-source-ref',
    ].filter((n) => typeof n === 'string');
    if (names.length)
        out.push(`attestation conditions ${names.join(', ')}`);
    return out;
}
//# sourceMappingURL=checks.js.map
// EXTERNAL MODULE: ./build/core/policy/rule.js
var rule = __webpack_require__(67727);
// EXTERNAL MODULE: ./build/core/signatures/signer-policy.js
var signer_policy = __webpack_require__(23303);
;// CONCATENATED MODULE: ./build/core/policy/workflow-identity.js
// GitHub workflow pinning (the vendor CLI's --signer-workflow and friends): turns signer-workflow,
// signer-repository, source-ref and deny-self-hosted-runners into one anchored IdentityRule.


const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
const GITHUB = 'https://github.com/';
/**
 * Fulcio certificate extensions GitHub Actions tokens fill in (Fulcio docs/oid-info.md). The
 * provider-generic ones (.1.8 onwards) arrived in early 2023; certificates issued before carry
 * only the deprecated GitHub ones (.1.1 - .1.6), which hold the same claims as raw strings.
 */
const FULCIO_OIDS = {
    buildSignerUri: '1.3.6.1.4.1.57264.1.9',
    runnerEnvironment: '1.3.6.1.4.1.57264.1.11',
    sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
    sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
    /** Deprecated: the `repository` claim, `owner/repo`. */
    legacyWorkflowRepository: '1.3.6.1.4.1.57264.1.5',
    /** Deprecated: the `ref` claim, `refs/heads/main`. */
    legacyWorkflowRef: '1.3.6.1.4.1.57264.1.6',
};
const WORKFLOW_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+\/\.github\/workflows\/[^@\s]+\.ya?ml$/;
const REPOSITORY_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;
// Any GitHub workflow identity: a workflow file in some repository, at some ref.
const ANY_GITHUB_WORKFLOW = `${(0,signer_policy/* escapeRegExp */.Nt)(GITHUB)}[^/]+/[^/]+/\\.github/workflows/[^@]+@.+`;
function hasWorkflowPinning(p) {
    return (nonEmpty(p.signerWorkflow) ||
        nonEmpty(p.signerRepository) ||
        nonEmpty(p.sourceRef) ||
        p.denySelfHostedRunners === true);
}
/**
 * One IdentityRule from the pinning inputs plus any explicit identity/issuer matchers.
 * signer-workflow derives the identity, so it excludes an explicit identity; the issuer defaults
 * to GitHub Actions' unless one was given. Each input adds the extension check it names.
 *
 * The SAN is what pins the workflow, as `gh attestation verify` and cosign do: the build signer
 * URI (.1.9) holds the same job_workflow_ref, but certificates issued before 2023 lack it, so it
 * is checked where present (and must then equal the SAN) rather than required.
 */
function workflowIdentityRule(p, explicit) {
    const extensions = [
        {
            name: 'build signer URI',
            carriers: [{ oid: FULCIO_OIDS.buildSignerUri, value: 'san' }],
            optional: true,
        },
    ];
    let subject;
    if (nonEmpty(p.signerWorkflow)) {
        if (explicit.subject)
            throw new errors/* GateError */.ue('USAGE', 'signer-workflow excludes certificate-identity and certificate-identity-regexp (it derives the identity); give one or the other');
        subject = workflowMatcher(p.signerWorkflow);
    }
    // A workflow with `on: workflow_call` in a public repository can be called from any other
    // repository, and its certificate then carries the called workflow as SAN and build signer URI
    // while the run (its checkout, its inputs) is the caller's: the source repository extension
    // names the caller. So signer-workflow alone pins the run to the workflow's own repository,
    // as `gh attestation verify` requires --repo/--owner; a shared builder called from other
    // repositories names them with signer-repository. Derived, the check binds where the
    // certificate records a repository (Fulcio has since 2022), as the build signer URI does.
    const derived = !nonEmpty(p.signerRepository) && nonEmpty(p.signerWorkflow);
    const repository = derived ? workflowRepository(p.signerWorkflow) : p.signerRepository;
    if (nonEmpty(repository)) {
        const repo = repository.trim();
        // The input the value came from is the one named: signer-workflow when derived from it.
        if (!REPOSITORY_RE.test(repo))
            throw new errors/* GateError */.ue('USAGE', derived
                ? `signer-workflow: '${p.signerWorkflow}' does not start with owner/repo (e.g. acme/app)`
                : `signer-repository: '${repository}' is not owner/repo (e.g. acme/app)`);
        extensions.push({
            name: 'source repository',
            carriers: [
                { oid: FULCIO_OIDS.sourceRepositoryUri, value: { exact: `${GITHUB}${repo}` } },
                { oid: FULCIO_OIDS.legacyWorkflowRepository, value: { exact: repo } },
            ],
            ...(derived ? { optional: true } : {}),
        });
    }
    if (nonEmpty(p.sourceRef)) {
        const ref = p.sourceRef.trim();
        if (!/^refs\/\S+$/.test(ref))
            throw new errors/* GateError */.ue('USAGE', `source-ref: '${p.sourceRef}' is not a full git ref (e.g. refs/heads/main, refs/tags/v1)`);
        extensions.push({
            name: 'source ref',
            carriers: [
                { oid: FULCIO_OIDS.sourceRepositoryRef, value: { exact: ref } },
                { oid: FULCIO_OIDS.legacyWorkflowRef, value: { exact: ref } },
            ],
        });
    }
    // No deprecated extension says where the job ran: a certificate without .1.11 cannot pass.
    if (p.denySelfHostedRunners === true)
        extensions.push({
            name: 'runner environment',
            carriers: [{ oid: FULCIO_OIDS.runnerEnvironment, value: { exact: 'github-hosted' } }],
        });
    subject ??= explicit.subject;
    if (subject === undefined) {
        if (!nonEmpty(p.signerRepository))
            throw new errors/* GateError */.ue('USAGE', 'source-ref and deny-self-hosted-runners narrow a signer: give signer-workflow, signer-repository or certificate-identity(-regexp) too');
        // The source repository extension pins where the run happened; any workflow there may sign,
        // including reusable workflows from other repositories that it calls.
        subject = { regexp: ANY_GITHUB_WORKFLOW };
    }
    return {
        subject,
        issuer: explicit.issuer ?? { exact: GITHUB_ACTIONS_ISSUER },
        extensions,
    };
}
/** Exact `https://github.com/<workflow>@<ref>`, or the workflow at any ref (anchored, escaped). */
function workflowMatcher(value) {
    const v = value.trim();
    const at = v.indexOf('@');
    const path = at < 0 ? v : v.slice(0, at);
    const ref = at < 0 ? undefined : v.slice(at + 1);
    if (!WORKFLOW_RE.test(path) || (ref !== undefined && !/^\S+$/.test(ref)))
        throw new errors/* GateError */.ue('USAGE', `signer-workflow: '${value}' is not owner/repo/.github/workflows/FILE.yml[@ref] (e.g. acme/app/.github/workflows/release.yml@refs/tags/v1)`);
    if (ref !== undefined)
        return { exact: `${GITHUB}${path}@${ref}` };
    return { regexp: `${(0,signer_policy/* escapeRegExp */.Nt)(`${GITHUB}${path}`)}@.+` };
}
/** `owner/repo` of `owner/repo/.github/workflows/file.yml[@ref]` (checked by workflowMatcher). */
function workflowRepository(value) {
    return value.trim().split('/').slice(0, 2).join('/');
}
function nonEmpty(s) {
    return s !== undefined && s.trim() !== '';
}
//# sourceMappingURL=workflow-identity.js.map
;// CONCATENATED MODULE: ./build/core/policy/from-options.js
// The flags' (and Action inputs') rule: GateOptions -> one RuleSpec that governs every image, the
// same shape a policy-file entry has, so that both are validated and compiled by one path
// (rule.ts, compile.ts). The front ends have parsed every value; this only arranges them.




/** The one rule the options state; `images: ['**']`. */
function ruleFromOptions(o) {
    const attestations = [...new Set(o.attestations ?? [])];
    const conditions = conditionsFromOptions(o, attestations);
    const asked = attestations.length > 0 || Object.keys(conditions).length > 0;
    const identities = identityRules(o);
    // Attestation signers with nothing to sign: said, not ignored (a forgotten `attestations` would
    // otherwise read as attestations checked), as revocations-key without revocations is.
    if (!asked && hasAttestationSigners(o))
        throw new errors/* GateError */.ue('USAGE', 'attestation-key / attestation-certificate-* name who signs the attestations, but no attestation is asked for: give attestations (or max-vuln-age, fail-on-severity, deny-packages, builder-id, provenance-source-*) too, or remove them');
    const attestationSigners = asked && hasAttestationSigners(o);
    const attestationIdentities = attestationSigners ? attestationIdentityRules(o) : undefined;
    const spec = {
        name: 'options',
        line: 0,
        images: ['**'],
        keys: o.keys,
        identities,
        ...(attestationSigners
            ? { attestationKeys: o.attestationKeys ?? [], attestationIdentities: attestationIdentities }
            : {}),
        attestations,
        conditions,
        requireSignature: o.requireSignature ?? true,
        ...(o.mode !== undefined ? { mode: o.mode } : {}),
        ...(o.enforceAfter !== undefined ? { enforceAfter: o.enforceAfter } : {}),
    };
    // With require-signature=false and only attestation signers named, they sign the image too.
    if (!spec.requireSignature && attestationSigners && !hasImageSigners(o)) {
        spec.keys = spec.attestationKeys ?? [];
        spec.identities = spec.attestationIdentities ?? [];
    }
    return spec;
}
function conditionsFromOptions(o, types) {
    const slsa = {
        ...exact('builderId', o.builderId),
        ...exact('sourceRepository', o.provenanceSourceRepository),
        ...exact('sourceRef', o.provenanceSourceRef),
    };
    const maxVulnAgeMs = (0,rule/* vulnAgeLimit */.e)(o.maxVulnAgeMs, types, o.failOnSeverity, attestations_types/* PREDICATE */.W3.cosignVuln);
    return {
        ...(maxVulnAgeMs !== undefined ? { maxVulnAgeMs } : {}),
        ...(o.failOnSeverity?.length ? { failOnSeverity: o.failOnSeverity } : {}),
        ...(o.denyPackages?.length ? { denyPackages: o.denyPackages } : {}),
        ...(Object.keys(slsa).length ? { slsa } : {}),
    };
}
function exact(key, v) {
    return v === undefined || v === ''
        ? {}
        : { [key]: { exact: v } };
}
/** The image signers' identities: workflow pinning, or certificate-identity + issuer. */
function identityRules(o) {
    const subject = pick('certificate-identity', o.certificateIdentity, o.certificateIdentityRegexp);
    const issuer = pick('certificate-oidc-issuer', o.certificateOidcIssuer, o.certificateOidcIssuerRegexp);
    const pinning = {
        ...(o.signerWorkflow !== undefined ? { signerWorkflow: o.signerWorkflow } : {}),
        ...(o.signerRepository !== undefined ? { signerRepository: o.signerRepository } : {}),
        ...(o.sourceRef !== undefined ? { sourceRef: o.sourceRef } : {}),
        ...(o.denySelfHostedRunners !== undefined
            ? { denySelfHostedRunners: o.denySelfHostedRunners }
            : {}),
    };
    if (hasWorkflowPinning(pinning))
        return [
            workflowIdentityRule(pinning, {
                ...(subject ? { subject } : {}),
                ...(issuer ? { issuer } : {}),
            }),
        ];
    return pair(subject, issuer);
}
function attestationIdentityRules(o) {
    return pair(pick('certificate-identity', o.attestationCertificateIdentity, o.attestationCertificateIdentityRegexp), pick('certificate-oidc-issuer', o.attestationCertificateOidcIssuer, o.attestationCertificateOidcIssuerRegexp));
}
function pair(subject, issuer) {
    if (!subject && !issuer)
        return [];
    // sigstore-js skips an empty identity; we refuse to run rather than accept any signer.
    if (!subject)
        throw new errors/* GateError */.ue('USAGE', 'keyless verification needs certificate-identity or certificate-identity-regexp as well as the issuer');
    if (!issuer)
        throw new errors/* GateError */.ue('USAGE', 'keyless verification needs certificate-oidc-issuer or certificate-oidc-issuer-regexp as well as the identity');
    return [{ subject, issuer }];
}
function pick(name, exact, regexp) {
    if (exact !== undefined && exact !== '' && regexp !== undefined && regexp !== '')
        throw new errors/* GateError */.ue('USAGE', `${name} and ${name}-regexp exclude each other; give one`);
    if (exact !== undefined && exact !== '')
        return { exact };
    if (regexp !== undefined && regexp !== '') {
        try {
            new RegExp(regexp);
        }
        catch (e) {
            throw new errors/* GateError */.ue('USAGE', `${name}-regexp: '${regexp}' is not a valid regular expression`, {
                cause: e,
            });
        }
        return { regexp };
    }
    return undefined;
}
/** Whether attestations have signers of their own (else the image's signers sign them too). */
function hasAttestationSigners(o) {
    return ((o.attestationKeys?.length ?? 0) > 0 ||
        [
            o.attestationCertificateIdentity,
            o.attestationCertificateIdentityRegexp,
            o.attestationCertificateOidcIssuer,
            o.attestationCertificateOidcIssuerRegexp,
        ].some((v) => v !== undefined && v !== ''));
}
/** Whether the options name any image signer (keys, identity, workflow pinning). */
function hasImageSigners(o) {
    return (o.keys.length > 0 ||
        [
            o.certificateIdentity,
            o.certificateIdentityRegexp,
            o.certificateOidcIssuer,
            o.certificateOidcIssuerRegexp,
            o.signerWorkflow,
            o.signerRepository,
            o.sourceRef,
        ].some((v) => v !== undefined && v !== '') ||
        o.denySelfHostedRunners === true);
}
//# sourceMappingURL=from-options.js.map
// EXTERNAL MODULE: ./build/core/policy/mode.js
var policy_mode = __webpack_require__(16054);
// EXTERNAL MODULE: ./build/core/net/addresses.js
var addresses = __webpack_require__(45166);
// EXTERNAL MODULE: ./build/core/net/fetch.js
var net_fetch = __webpack_require__(27670);
// EXTERNAL MODULE: ./build/core/registry/limits.js
var registry_limits = __webpack_require__(11858);
// EXTERNAL MODULE: ./build/core/signatures/strict-json.js
var strict_json = __webpack_require__(56086);
// EXTERNAL MODULE: ./build/core/signatures/verifier.js + 13 modules
var signatures_verifier = __webpack_require__(77368);
// EXTERNAL MODULE: ./build/core/trust/keys.js + 1 modules
var trust_keys = __webpack_require__(36123);
;// CONCATENATED MODULE: ./build/core/revocation/list.js
// The revocation list: its JSON format, read strictly (every problem names the file and the entry
// index), and the pure matching of digests and verified signatures against its entries.


const REVOCATION_KINDS = [
    'digest',
    'key',
    'identity',
    'certificate',
    'tlog',
];
/** A list is a page of JSON, not a data set. */
const MAX_REVOCATION_LIST_BYTES = 1024 * 1024;
const MAX_REVOCATION_ENTRIES = 10_000;
const TOP_FIELDS = ['version', 'issued', 'expires', 'entries'];
const FIELDS = {
    digest: { required: ['digest'], optional: [] },
    key: { required: ['key'], optional: ['since'] },
    identity: { required: ['identity', 'issuer'], optional: ['since'] },
    certificate: { required: [], optional: ['serial', 'issuer', 'fingerprint'] },
    tlog: { required: [], optional: ['logID', 'logIndex', 'uuid'] },
};
/** RFC 3339 with a zone, as the policy file's times. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
function problem(source, where, message) {
    return new errors/* GateError */.ue('REVOCATION_LIST', `revocations ${source}: ${where ? `${where}: ` : ''}${message}`);
}
/**
 * Reads a list strictly: duplicate JSON keys, unknown kinds and fields, malformed digests, keys,
 * serials and dates, `issued` after `expires` and an entry given twice are all refused (exit 2),
 * naming the file and the entry. Expiry against the clock is the loader's check.
 */
function parseRevocationList(bytes, source) {
    if (bytes.length > MAX_REVOCATION_LIST_BYTES)
        throw problem(source, '', `is ${bytes.length} bytes, more than the limit of ${MAX_REVOCATION_LIST_BYTES}`);
    let doc;
    try {
        doc = (0,strict_json/* parseStrictJsonBytes */.ml)(bytes);
    }
    catch (e) {
        const why = e instanceof strict_json/* StrictJsonError */.U7 || e instanceof Error ? e.message : String(e);
        throw problem(source, '', `not valid JSON (${why})`);
    }
    if (!isObject(doc))
        throw problem(source, '', 'expected a JSON object {version, issued, expires, entries}');
    unknownFields(doc, TOP_FIELDS, source, '');
    const version = doc.version;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
        throw problem(source, 'version', `${show(version)} is not a whole number from 1`);
    const issued = date(doc.issued, source, 'issued');
    const expires = date(doc.expires, source, 'expires');
    if (issued.getTime() > expires.getTime())
        throw problem(source, 'issued', `${show(doc.issued)} is after expires ${show(doc.expires)}`);
    if (!Array.isArray(doc.entries))
        throw problem(source, 'entries', 'expected a list');
    if (doc.entries.length > MAX_REVOCATION_ENTRIES)
        throw problem(source, 'entries', `${doc.entries.length} entries, more than the limit of ${MAX_REVOCATION_ENTRIES}`);
    const entries = [];
    const seen = new Map();
    doc.entries.forEach((raw, i) => {
        const e = parseEntry(raw, source, `entries[${i}]`);
        const key = entryKey(e);
        const first = seen.get(key);
        if (first !== undefined)
            throw problem(source, `entries[${i}]`, `revokes ${describeEntry(e)} again (as entries[${first}] does)`);
        seen.set(key, i);
        entries.push(e);
    });
    return { source, version, issued, expires, entries };
}
/** One entry, validated; `where` is `entries[i]`. */
function parseEntry(raw, source, where) {
    if (!isObject(raw))
        throw problem(source, where, 'expected an object with kind and reason');
    const kind = raw.kind;
    if (typeof kind !== 'string' || !REVOCATION_KINDS.includes(kind))
        throw problem(source, `${where}.kind`, `${show(kind)} is not one of ${REVOCATION_KINDS.join(', ')}`);
    const k = kind;
    const spec = FIELDS[k];
    unknownFields(raw, ['kind', 'reason', ...spec.required, ...spec.optional], source, where);
    for (const f of spec.required)
        if (raw[f] === undefined)
            throw problem(source, where, `a ${k} entry needs ${f}`);
    const reason = raw.reason;
    if (typeof reason !== 'string' || reason.trim() === '')
        throw problem(source, `${where}.reason`, 'needs a non-empty text saying why it is revoked');
    const at = (f) => `${where}.${f}`;
    const str = (f) => {
        const v = raw[f];
        if (typeof v !== 'string' || v === '')
            throw problem(source, at(f), `${show(v)} is not a non-empty string`);
        return v;
    };
    const since = raw.since === undefined ? {} : { since: date(raw.since, source, at('since')) };
    switch (k) {
        case 'digest': {
            const digest = str('digest');
            if (!/^sha256:[0-9a-f]{64}$/.test(digest))
                throw problem(source, at('digest'), `${show(digest)} is not sha256:<64 lower-case hex>`);
            return { kind: k, digest, reason };
        }
        case 'key': {
            const key = str('key');
            if (!/^sha256:[0-9a-f]{64}$/.test(key) && !/^[0-9a-f]{16}$/.test(key))
                throw problem(source, at('key'), `${show(key)} is neither sha256:<64 hex> (SHA-256 of the public key's DER SubjectPublicKeyInfo) nor a 16-hex key ID`);
            return { kind: k, key, ...since, reason };
        }
        case 'identity':
            return { kind: k, identity: str('identity'), issuer: str('issuer'), ...since, reason };
        case 'certificate': {
            if (raw.fingerprint !== undefined) {
                if (raw.serial !== undefined || raw.issuer !== undefined)
                    throw problem(source, where, 'give a fingerprint, or a serial and an issuer, not both');
                const fingerprint = str('fingerprint');
                if (!/^sha256:[0-9a-f]{64}$/.test(fingerprint))
                    throw problem(source, at('fingerprint'), `${show(fingerprint)} is not sha256:<64 hex> (SHA-256 of the certificate's DER)`);
                return { kind: k, fingerprint, reason };
            }
            if (raw.serial === undefined || raw.issuer === undefined)
                throw problem(source, where, 'a certificate entry needs a serial and an issuer, or a fingerprint');
            const serial = str('serial');
            if (!/^(?:[0-9a-fA-F]{2}:)*[0-9a-fA-F]+$/.test(serial))
                throw problem(source, at('serial'), `${show(serial)} is not a hexadecimal serial number`);
            return {
                kind: k,
                serial: normaliseSerial(serial),
                issuer: normaliseDn(str('issuer')),
                reason,
            };
        }
        case 'tlog': {
            if (raw.uuid !== undefined) {
                if (raw.logID !== undefined || raw.logIndex !== undefined)
                    throw problem(source, where, 'a tlog entry names a uuid, or a logID and logIndex, not both');
                const uuid = str('uuid');
                if (!/^(?:[0-9a-fA-F]{16})?[0-9a-fA-F]{64}$/.test(uuid))
                    throw problem(source, at('uuid'), `${show(uuid)} is not a Rekor entry UUID (64 hex, or 80 with the tree ID first)`);
                return { kind: k, uuid: uuid.slice(-64).toLowerCase(), reason };
            }
            if (raw.logID === undefined || raw.logIndex === undefined)
                throw problem(source, where, 'a tlog entry needs a uuid, or a logID and a logIndex');
            const logID = str('logID');
            if (!/^[0-9a-f]{64}$/.test(logID))
                throw problem(source, at('logID'), `${show(logID)} is not 64 lower-case hex (the log's key ID)`);
            const idx = raw.logIndex;
            const logIndex = typeof idx === 'number' && Number.isSafeInteger(idx) && idx >= 0
                ? String(idx)
                : typeof idx === 'string' && /^(0|[1-9]\d{0,19})$/.test(idx)
                    ? idx
                    : undefined;
            if (logIndex === undefined)
                throw problem(source, at('logIndex'), `${show(idx)} is not a log index (a whole number)`);
            return { kind: k, logID, logIndex, reason };
        }
    }
}
/** The JSON an entry is written as (the `revoke` command's output). */
function entryJson(e) {
    const out = { ...e };
    if ('since' in e && e.since)
        out.since = e.since.toISOString();
    return out;
}
/** The list as the `revoke` command writes it. */
function listJson(l) {
    return `${JSON.stringify({
        version: l.version,
        issued: l.issued.toISOString(),
        expires: l.expires.toISOString(),
        entries: l.entries.map(entryJson),
    }, null, 2)}\n`;
}
/** What an entry revokes, for reasons: `key sha256:\u2026`, `identity X (issuer Y)`. */
function describeEntry(e) {
    switch (e.kind) {
        case 'digest':
            return `digest ${e.digest}`;
        case 'key':
            return `key ${e.key}${e.since ? ` since ${e.since.toISOString()}` : ''}`;
        case 'identity':
            return `identity ${e.identity} (issuer ${e.issuer})${e.since ? ` since ${e.since.toISOString()}` : ''}`;
        case 'certificate':
            return 'fingerprint' in e
                ? `certificate ${e.fingerprint}`
                : `certificate serial ${e.serial} (issuer ${e.issuer})`;
        case 'tlog':
            return 'uuid' in e ? `tlog entry ${e.uuid}` : `tlog entry ${e.logIndex} of log ${e.logID}`;
    }
}
/** The reason an image fails with: the entry, the list's version and the reason it gives. */
function revokedReason(list, m) {
    if (m.undecided !== undefined)
        return `cannot be told apart from entries[${m.index}] of revocation list ${list.source} version ${list.version} (${describeEntry(m.entry)}): ${m.undecided}`;
    return `revoked by entries[${m.index}] of revocation list ${list.source} version ${list.version} (${describeEntry(m.entry)}): ${m.entry.reason}`;
}
/** The entry revoking this image or platform digest, if any. */
function matchDigest(list, digest) {
    const index = list.entries.findIndex((e) => e.kind === 'digest' && e.digest === digest);
    return index < 0 ? undefined : { entry: list.entries[index], index };
}
/**
 * The first entry revoking this verified signature. A key or identity entry with `since` revokes
 * signatures whose trusted time (`signedAt`: a Rekor SET's integrated time or an RFC 3161
 * timestamp) is at or after it; without a trusted time there is no "before": revoked.
 */
function matchSignature(list, ev) {
    const index = list.entries.findIndex((e) => revokes(e, ev));
    if (index >= 0)
        return { entry: list.entries[index], index };
    // Nothing revokes it outright; a log-wide index the evidence cannot speak to fails closed.
    for (const [i, e] of list.entries.entries()) {
        if (e.kind !== 'tlog' || 'uuid' in e)
            continue;
        const t = boundEntries(ev).find((b) => b.indexInShard && b.logID.toLowerCase() === e.logID);
        if (t)
            return {
                entry: e,
                index: i,
                undecided: `its entry in that log (uuid ${t.uuid}) has no SET, so only its index in a shard of the log (${t.logIndex}) is authenticated, not its index in the log; revoke log entries by uuid`,
            };
    }
    return undefined;
}
function boundEntries(ev) {
    return [...(ev.tlog ? [ev.tlog] : []), ...(ev.tlogEntries ?? [])];
}
function revokes(e, ev) {
    switch (e.kind) {
        case 'digest':
            return false;
        case 'key':
            return keyMatches(e.key, ev) && afterSince(e.since, ev);
        case 'identity':
            return ev.identity === e.identity && ev.issuer === e.issuer && afterSince(e.since, ev);
        case 'certificate': {
            const c = ev.certificate;
            if (!c)
                return false;
            if ('fingerprint' in e)
                return c.sha256 === e.fingerprint.slice('sha256:'.length);
            return normaliseSerial(c.serial) === e.serial && dnKey(c.issuer) === dnKey(e.issuer);
        }
        case 'tlog':
            if ('uuid' in e)
                return boundEntries(ev).some((t) => t.uuid === e.uuid);
            return boundEntries(ev).some((t) => !t.indexInShard && t.logID.toLowerCase() === e.logID && t.logIndex === e.logIndex);
    }
}
function keyMatches(key, ev) {
    if (key.startsWith('sha256:'))
        return ev.keySha256 === key.slice('sha256:'.length);
    return ev.keyID === key || (ev.keySha256?.startsWith(key) ?? false);
}
function afterSince(since, ev) {
    if (since === undefined || ev.signedAt === undefined)
        return true;
    return new Date(ev.signedAt).getTime() >= since.getTime();
}
/** A match key: two entries revoking the same thing are one entry given twice. */
function entryKey(e) {
    const { reason: _reason, ...rest } = e;
    void _reason;
    const what = { ...rest };
    delete what.since;
    // An issuer written in the other RDN order is the same name (dnKey), so the same entry.
    if (e.kind === 'certificate' && typeof what.issuer === 'string')
        what.issuer = dnKey(what.issuer);
    return JSON.stringify(what);
}
/** Lower-case hex without separators or leading zeros (`00:A1:02` is `a102`). */
function normaliseSerial(s) {
    return s
        .replace(/:/g, '')
        .toLowerCase()
        .replace(/^0+(?=.)/, '');
}
/**
 * A name's attributes as a set, for comparing: Node prints an issuer most significant first
 * (`O=sigstore.dev\nCN=sigstore-intermediate`), RFC 4514 (Go's pkix.Name.String, `openssl
 * -nameopt RFC2253`) least significant first, and a revocation entry may be written either way.
 * Split at unescaped `,`, `+` and line breaks; each `TYPE=value` normalised as normaliseDn does.
 */
function dnKey(dn) {
    return dn
        .split(/(?<!\\)[,+\n]/)
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map(normaliseAttribute)
        .sort()
        .join('\n');
}
/** `CN = x,O=y` and `CN=x, O=y` are one name; attribute names compare case-insensitively. */
function normaliseDn(dn) {
    return dn
        .split(/\s*[,\n]\s*/)
        .filter((p) => p !== '')
        .map(normaliseAttribute)
        .join(', ');
}
/** `cn = x` is `CN=x`: the type upper-cased, blanks around `=` and at the ends dropped. */
function normaliseAttribute(p) {
    const eq = p.indexOf('=');
    return eq < 0 ? p.trim() : `${p.slice(0, eq).trim().toUpperCase()}=${p.slice(eq + 1).trim()}`;
}
function date(v, source, where) {
    if (typeof v !== 'string' || !RFC3339.test(v))
        throw problem(source, where, `${show(v)} is not an RFC 3339 time with a zone (2026-01-31T00:00:00Z)`);
    const d = new Date(v);
    const [, mo, dd] = /^\d{4}-(\d{2})-(\d{2})/.exec(v) ?? [];
    // Date() rolls 2026-02-30 over to March: a day that does not exist is refused.
    if (Number.isNaN(d.getTime()) || Number(mo) > 12 || Number(dd) > daysIn(v))
        throw problem(source, where, `${show(v)} is not a real time`);
    return d;
}
function daysIn(v) {
    const y = Number(v.slice(0, 4));
    const m = Number(v.slice(5, 7));
    return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function unknownFields(o, allowed, source, where) {
    const extra = Object.keys(o).filter((k) => !allowed.includes(k));
    if (extra.length)
        throw problem(source, where, `unknown field${extra.length > 1 ? 's' : ''} ${extra.map((x) => JSON.stringify(x)).join(', ')} (expected ${allowed.join(', ')})`);
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function show(v) {
    if (v === undefined)
        return 'missing';
    const s = JSON.stringify(v) ?? typeof v;
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
//# sourceMappingURL=list.js.map
;// CONCATENATED MODULE: ./build/core/revocation/load.js
// Loading the run's revocation list, once, before any image: the list and its Sigstore bundle
// (FILE.sigstore.json, or URL.sigstore.json) read under the network policy's rules, the bundle
// verified over the list's bytes by the core's verifier against the named signer, the list read
// strictly and held to its `expires`. Any failure is REVOCATION_LIST (exit 2): a gate must not
// quietly forget revocations.











const BUNDLE_SUFFIX = '.sigstore.json';
/** The signer options, checked: exactly a key, or an identity with its issuer. */
function revocationsSignerProblem(spec) {
    const keyless = spec.identity !== undefined || spec.issuer !== undefined;
    if (spec.key !== undefined && keyless)
        return 'revocations: give the list signer as revocations-key or as revocations-certificate-identity with revocations-certificate-oidc-issuer, not both';
    if (spec.key === undefined && !keyless)
        return `revocations: ${shownSource(spec.source)} must be signed; name its signer with revocations-key, or revocations-certificate-identity and revocations-certificate-oidc-issuer`;
    if (keyless && (spec.identity === undefined || spec.issuer === undefined))
        return 'revocations: a keyless list signer needs both revocations-certificate-identity and revocations-certificate-oidc-issuer';
    return undefined;
}
async function loadRevocations(spec, opts = {}) {
    // Every message, reason and the report name the list as shown: a URL's user info and query
    // values (a token, a pre-signed URL's signature) are credentials, which never leave.
    const source = shownSource(spec.source);
    try {
        const problem = revocationsSignerProblem(spec);
        if (problem)
            throw new errors/* GateError */.ue('REVOCATION_LIST', problem);
        const policy = await signerPolicy(spec, opts.env);
        // The list first: what is wrong with it is said before what is wrong with its bundle.
        const bytes = await readSource(spec.source, MAX_REVOCATION_LIST_BYTES, 'the list', opts);
        const bundleBytes = await readSource(bundleLocation(spec.source), limits/* LIMITS */.b1.bundleBytes, 'its signature bundle', opts);
        let bundleJson;
        try {
            bundleJson = (0,strict_json/* parseStrictJsonBytes */.ml)(bundleBytes.bytes);
        }
        catch (e) {
            throw fail(source, `signature bundle ${bundleBytes.where} is not JSON (${e.message})`, e);
        }
        const verifier = (0,signatures_verifier.createSignatureVerifier)(opts.root, policy);
        let ev;
        try {
            ev = verifier.verifyBundle(bundleJson, { artifact: bytes.bytes }, 'bundle-tag');
        }
        catch (e) {
            throw fail(source, `the signature does not verify: ${(0,errors/* toGateError */.Vl)(e).message}`, e);
        }
        if (ev.statement !== undefined)
            throw fail(source, `${bundleBytes.where} is an attestation (DSSE), not a message signature over the list`);
        const list = parseRevocationList(bytes.bytes, source);
        const now = opts.now ?? new Date();
        if (list.expires.getTime() <= now.getTime())
            throw fail(source, `version ${list.version} expired at ${list.expires.toISOString()} (now ${now.toISOString()}): publish a fresh list`);
        const signer = ev.kind === 'key'
            ? `key ${ev.keyRef ?? ''} (${ev.keyID ?? ''})`
            : `${ev.identity ?? ''} (${ev.issuer ?? ''})`;
        return {
            list,
            summary: {
                source,
                version: list.version,
                issued: list.issued.toISOString(),
                expires: list.expires.toISOString(),
                entries: list.entries.length,
                signer,
                sha256: `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes.bytes).digest('hex')}`,
            },
        };
    }
    catch (e) {
        const err = (0,errors/* toGateError */.Vl)(e);
        if (err.code === 'REVOCATION_LIST')
            throw err;
        throw fail(source, err.message, e);
    }
}
function fail(source, message, cause) {
    return new errors/* GateError */.ue('REVOCATION_LIST', `revocations ${source}: ${message}`, cause === undefined ? undefined : { cause });
}
async function signerPolicy(spec, env) {
    if (spec.key !== undefined) {
        const key = await (0,trust_keys.loadKey)(spec.key, env ? { env } : {});
        // A key signature needs no log: the list is checked against this key alone (entries a bundle
        // carries are still checked when the run has a trusted root).
        return { keys: [key], identities: [], requireTlog: false, requireSct: false };
    }
    return {
        keys: [],
        identities: [{ subject: { exact: spec.identity ?? '' }, issuer: { exact: spec.issuer ?? '' } }],
        requireTlog: true,
        requireSct: true,
    };
}
/**
 * A list's source as it is shown: a file path as given; a URL without user info, with its query
 * values hidden (redactUrl). Text that looks like a URL but does not parse loses both too.
 */
function shownSource(source) {
    return isUrl(source) ? (0,addresses/* shownUrl */.zA)(source) : source;
}
/** `FILE.sigstore.json` beside a file; the URL's path + `.sigstore.json` (query kept). */
function bundleLocation(source) {
    if (!isUrl(source))
        return `${source}${BUNDLE_SUFFIX}`;
    const u = new URL(source);
    u.pathname += BUNDLE_SUFFIX;
    return u.href;
}
function isUrl(s) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
}
async function readSource(where, maxBytes, what, opts) {
    const shown = shownSource(where);
    if (!isUrl(where)) {
        let read;
        try {
            read = await (0,limits/* readFileCapped */.uh)(external_node_path_.resolve(where), maxBytes);
        }
        catch (e) {
            throw new errors/* GateError */.ue('USAGE', `cannot read ${what} ${where}: ${e.message}`, {
                cause: e,
            });
        }
        if (read.over)
            throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `${what} ${where} is larger than the limit of ${maxBytes} bytes`);
        return { bytes: read.bytes, where };
    }
    let url;
    try {
        url = new URL(where);
    }
    catch (e) {
        throw new errors/* GateError */.ue('USAGE', `${shown} is not a URL`, { cause: e });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new errors/* GateError */.ue('USAGE', `${shown}: only https:// (http:// to loopback) or a file path`);
    const res = await (0,net_fetch/* fetchCapped */.M)({
        url,
        what: `${what} ${shown}`,
        maxBytes,
        timeoutMs: opts.timeoutMs ?? registry_limits/* DEFAULT_REQUEST_TIMEOUT_MS */.Zc,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.redact ? { redact: opts.redact } : {}),
    });
    if (res.status !== 200)
        throw new errors/* GateError */.ue('REGISTRY_ERROR', `${what} ${shown}: HTTP ${res.status}`);
    return { bytes: res.body, where: shown };
}
//# sourceMappingURL=load.js.map
;// CONCATENATED MODULE: ./build/core/policy/compile.js
// GateOptions -> RunPolicy, once per run: the flags' rule or the policy file's rules, each checked
// by the one rule validator and compiled with its keys loaded. Settings that are not policy
// (concurrency, deadline, registries, credentials) are RunSettings (src/core/settings.ts).





async function compileRunPolicy(o, env) {
    const mode = {
        ...(o.mode !== undefined ? { mode: o.mode } : {}),
        ...(o.enforceAfter !== undefined ? { enforceAfter: o.enforceAfter } : {}),
    };
    const run = {
        requireAllKeys: o.requireAllKeys,
        ...(o.platforms !== undefined ? { platforms: o.platforms } : {}),
        tlog: !o.insecureIgnoreTlog,
        sct: !o.insecureIgnoreSct,
        mode,
    };
    const github = o.githubOwner
        ? { owner: o.githubOwner, ...(o.githubRepository ? { repository: o.githubRepository } : {}) }
        : undefined;
    const flagged = revocationsFromOptions(o);
    if (o.policyFile === undefined || o.policyFile === '') {
        const spec = ruleFromOptions(o);
        const problem = (0,rule/* ruleProblems */.b0)(spec, rule/* OPTION_WORDS */.gQ)[0];
        if (problem)
            throw new errors/* GateError */.ue('USAGE', problem.message);
        return {
            rules: [await (0,rule/* compileRule */.mk)(spec, run, env)],
            unmatched: 'fail',
            ...(github ? { github } : {}),
            ...(flagged ? { revocations: flagged } : {}),
        };
    }
    refuseRuleOptions(o);
    // The flags' mode is the default of the file's rules that state none: refused as for the flags.
    const modeWrong = (0,policy_mode/* modeProblem */.n5)(mode, rule/* OPTION_WORDS */.gQ.mode);
    if (modeWrong)
        throw new errors/* GateError */.ue('USAGE', modeWrong);
    // The YAML parser is loaded only for runs that have a policy file.
    const { loadPolicyFile } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(957)]).then(__webpack_require__.bind(__webpack_require__, 85957));
    const file = await loadPolicyFile(o.policyFile);
    const rules = [];
    for (const spec of file.rules)
        rules.push(await (0,rule/* compileRule */.mk)(spec, run, env));
    if (flagged && file.revocations)
        throw new errors/* GateError */.ue('USAGE', `revocations: ${o.policyFile} line ${file.revocations.line} names a revocation list (${shownSource(file.revocations.source)}); remove revocations and revocations-* from the flags or inputs, or from the file`);
    let revocations = flagged;
    if (file.revocations) {
        const { line, ...spec } = file.revocations;
        const problem = revocationsSignerProblem(spec);
        if (problem)
            throw new errors/* GateError */.ue('USAGE', `${o.policyFile} line ${line}: ${problem}`);
        revocations = spec;
    }
    return {
        file,
        rules,
        unmatched: file.unmatched,
        ...(github ? { github } : {}),
        ...(revocations ? { revocations } : {}),
    };
}
/** The revocation options, checked; the signer options without a list are refused too. */
function revocationsFromOptions(o) {
    const signer = {
        ...(o.revocationsKey !== undefined ? { key: o.revocationsKey } : {}),
        ...(o.revocationsIdentity !== undefined ? { identity: o.revocationsIdentity } : {}),
        ...(o.revocationsIssuer !== undefined ? { issuer: o.revocationsIssuer } : {}),
    };
    if (o.revocations === undefined || o.revocations === '') {
        if (Object.keys(signer).length)
            throw new errors/* GateError */.ue('USAGE', 'revocations-key / revocations-certificate-identity / revocations-certificate-oidc-issuer name the signer of a revocation list, but no revocations list is given');
        return undefined;
    }
    const spec = { source: o.revocations, ...signer };
    const problem = revocationsSignerProblem(spec);
    if (problem)
        throw new errors/* GateError */.ue('USAGE', problem);
    return spec;
}
/** A policy file states signers and attestations per image: the flags for them would be ignored. */
function refuseRuleOptions(o) {
    const conflicting = [
        hasImageSigners(o) && 'key / certificate-* / signer-*',
        hasAttestationSigners(o) && 'attestation-key / attestation-certificate-*',
        (o.attestations?.length ?? 0) > 0 && 'attestations',
        o.requireSignature !== undefined && 'require-signature',
        o.maxVulnAgeMs !== undefined && 'max-vuln-age',
        (o.failOnSeverity?.length ?? 0) > 0 && 'fail-on-severity',
        (o.denyPackages?.length ?? 0) > 0 && 'deny-packages',
        o.builderId && 'builder-id',
        o.provenanceSourceRepository && 'provenance-source-repository',
        o.provenanceSourceRef && 'provenance-source-ref',
    ].filter(Boolean);
    if (conflicting.length)
        throw new errors/* GateError */.ue('USAGE', `policy: ${o.policyFile} states the signers and attestations per image; remove ${conflicting.join(', ')}`);
}
//# sourceMappingURL=compile.js.map
// EXTERNAL MODULE: ./build/core/options.js
var core_options = __webpack_require__(91468);
// EXTERNAL MODULE: ./build/core/signatures/identity.js
var identity = __webpack_require__(59956);
;// CONCATENATED MODULE: ./build/core/policy/summary.js





function summarizeRunPolicy(ctx, policy) {
    const first = policy?.rules[0];
    if (!policy?.file) {
        const summary = base(ctx, first?.signers.keys ?? [], first?.signers.identities ?? []);
        if (first?.attestations)
            summary.attestations = {
                types: first.attestations.types,
                conditions: describeConditions(first.attestations.conditions),
                signers: first.attestationSigners
                    ? 'attestation-key / attestation-certificate-*'
                    : 'same as images',
                ...(first.attestationSigners
                    ? {
                        signerKeys: first.attestationSigners.keys.map(summarizeKey),
                        signerIdentities: first.attestationSigners.identities.map(summarizeIdentity),
                    }
                    : {}),
                ...(ctx.github ? { github: githubSourceName(ctx.github) } : {}),
            };
        return summary;
    }
    const file = policy.file;
    return {
        ...base(ctx, policy.rules.flatMap((r) => r.signers.keys), policy.rules.flatMap((r) => r.signers.identities)),
        policyFile: {
            source: file.source,
            unmatched: file.unmatched,
            ...(ctx.github ? { github: githubSourceName(ctx.github) } : {}),
            rules: file.rules.map((r, i) => {
                const rule = policy.rules[i];
                return {
                    name: r.name,
                    images: r.images,
                    keys: (rule?.signers.keys ?? []).map(summarizeKey),
                    ...(rule?.attestationSigners
                        ? { attestationKeys: rule.attestationSigners.keys.map(summarizeKey) }
                        : {}),
                    ...(rule?.signers.identities.length
                        ? { identities: rule.signers.identities.map(summarizeIdentity) }
                        : {}),
                    ...(rule?.attestationSigners?.identities.length
                        ? { attestationIdentities: rule.attestationSigners.identities.map(summarizeIdentity) }
                        : {}),
                    attestations: r.attestations,
                    ...(Object.keys(describeConditions(r.conditions)).length
                        ? { conditions: describeConditions(r.conditions) }
                        : {}),
                    requireSignature: r.requireSignature,
                    ...modeSummary(rule ?? {}),
                };
            }),
        },
    };
}
function base(ctx, keys, identities) {
    return {
        keys: keys.map(summarizeKey),
        identities: identities.map(summarizeIdentity),
        ...(ctx.platforms !== undefined
            ? {
                platforms: ctx.platforms === 'all' ? 'all' : ctx.platforms.map((p) => (0,core_options/* formatPlatform */.Bq)(p)).join(','),
            }
            : {}),
        requireTlog: ctx.tlog,
        requireSct: ctx.sct,
        // Only when set, so reports of runs without them read as before.
        ...(ctx.requireAllKeys ? { requireAllKeys: true } : {}),
        ...(ctx.requireSignature === false && !ctx.policyFile ? { requireSignature: false } : {}),
        // Only in warn mode, so the digest of an enforcing policy is as before; a file's rules say
        // their own (the flags' mode is only their default).
        ...(!ctx.policyFile && ctx.mode ? modeSummary(ctx.mode) : {}),
        // A file by its content too: two roots at one path (staging and production) are two
        // policies, or a summary or shard made under one would count under the other.
        trustRoot: ctx.trustedRoot
            ? `file:${ctx.trustedRoot}${ctx.trustedRootSha256 ? ` (sha256:${ctx.trustedRootSha256})` : ''}`
            : ctx.offline
                ? 'embedded public-good'
                : ctx.tufMirror
                    ? `TUF mirror ${(0,addresses/* shownUrl */.zA)(ctx.tufMirror)}`
                    : 'public-good via TUF',
    };
}
/** `mode: warn` (and `enforceAfter`) for a rule that warns; nothing for one that enforces. */
function modeSummary(m) {
    if (m.mode !== 'warn')
        return {};
    return {
        mode: 'warn',
        ...(m.enforceAfter !== undefined ? { enforceAfter: (0,policy_mode/* formatDay */.im)(m.enforceAfter) } : {}),
    };
}
function summarizeKey(k) {
    return {
        keyRef: k.keyRef,
        keyID: k.keyID,
        ...(k.validFor
            ? {
                validFor: {
                    ...(k.validFor.start ? { start: k.validFor.start.toISOString() } : {}),
                    ...(k.validFor.end ? { end: k.validFor.end.toISOString() } : {}),
                },
            }
            : {}),
    };
}
function summarizeIdentity(i) {
    return {
        subject: summaryMatcher(i.subject),
        issuer: summaryMatcher(i.issuer),
        ...(i.extensions?.length ? { extensions: (0,identity/* describeExtensionChecks */.K4)(i.extensions) } : {}),
    };
}
/** `owner` or `owner/repository`: where the GitHub attestations API is asked, for the report. */
function githubSourceName(g) {
    return g.repository ? `${g.owner}/${g.repository}` : g.owner;
}
function describeConditions(c) {
    const out = {};
    if (c.maxVulnAgeMs !== undefined)
        out['max-vuln-age'] = `${c.maxVulnAgeMs / 3_600_000}h`;
    if (c.failOnSeverity?.length)
        out['fail-on-severity'] = c.failOnSeverity.join(',');
    if (c.denyPackages?.length)
        out['deny-packages'] = c.denyPackages.map((p) => p.raw).join(', ');
    if (c.slsa?.builderId)
        out['builder-id'] = summaryMatcher(c.slsa.builderId);
    if (c.slsa?.sourceRepository)
        out['provenance-source-repository'] = summaryMatcher(c.slsa.sourceRepository);
    if (c.slsa?.sourceRef)
        out['provenance-source-ref'] = summaryMatcher(c.slsa.sourceRef);
    return out;
}
/**
 * A matcher as the policy section (and so its digest) writes it, one way only: a regexp as
 * `/re/`, an exact value as it is unless it starts with `/` or `"` (then JSON-quoted), so the
 * exact value `/x/` and the regexp `x` are two policies, not one.
 */
function summaryMatcher(m) {
    if (!('exact' in m))
        return (0,signer_policy/* describeMatcher */.OT)(m);
    return /^["/]/.test(m.exact) ? JSON.stringify(m.exact) : m.exact;
}
//# sourceMappingURL=summary.js.map
// EXTERNAL MODULE: ./node_modules/undici/lib/api/index.js
var api = __webpack_require__(56615);
// EXTERNAL MODULE: ./node_modules/undici/lib/dispatcher/dispatcher.js
var dispatcher = __webpack_require__(30883);
// EXTERNAL MODULE: ./node_modules/undici/lib/dispatcher/agent.js
var agent = __webpack_require__(57405);
// EXTERNAL MODULE: ./node_modules/undici/lib/dispatcher/env-http-proxy-agent.js
var env_http_proxy_agent = __webpack_require__(53137);
;// CONCATENATED MODULE: ./build/core/registry/undici-parts.js
// The parts of undici the registry client uses, without undici's index: the index also builds
// fetch, WebSocket, EventSource, the cache stores and the mock agents, which cost ~20 ms of
// process start and most of the bundle. What the index does for these parts is done here: the
// request API is mixed into Dispatcher.prototype. Versions are pinned by package-lock.json, and
// the registry test suites exercise every part. Types: undici-internals.d.ts.


Object.assign(dispatcher.prototype, api);


//# sourceMappingURL=undici-parts.js.map
// EXTERNAL MODULE: ./build/core/packed-results.js + 1 modules
var packed_results = __webpack_require__(58324);
;// CONCATENATED MODULE: ./build/core/secrets.js
// One registry of the run's secrets and every form derived from them (Basic base64, URL and
// form encodings, JSON escapes), through which all quoted server text and the report pass.

/** Shorter secrets are not replaced: redacting "ab" would garble every message. */
const MIN_SECRET_LENGTH = 4;
const REDACTED = '***';
const ELLIPSIS = '\u2026';
/**
 * Forms at least this long are also found split by white space, and their first this many
 * characters at the very end of a text (a server cut it there) are redacted too.
 */
const SPLIT_MIN_LENGTH = 8;
/** `f` with any white space (its own too) allowed between its characters. */
function splitPattern(f) {
    return new RegExp([...f.replace(/\s+/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('\\s*'), 'g');
}
class SecretRegistry {
    forms = new Set();
    /** Longest first, so a secret that contains another is replaced whole. */
    sorted = [];
    listeners = [];
    /** Called for every form registered, now and later (the Action passes core.setSecret). */
    onAdd(listener) {
        this.listeners.push(listener);
        for (const f of this.forms)
            listener(f);
    }
    /** A secret (password, token, refresh token) and the encodings a server may quote it in. */
    add(secret) {
        if (!secret)
            return;
        for (const f of encodings(secret))
            this.addForm(f);
    }
    /** A username/password pair: the password, and the `user:pass` base64 a Basic header carries. */
    addCredential(username, password) {
        this.add(password);
        const pair = `${username}:${password}`;
        for (const f of base64Forms(Buffer.from(pair, 'utf8')))
            this.addForm(f);
        // A Basic header of a short password is still a secret as a whole.
        this.addForm(`Basic ${Buffer.from(pair, 'utf8').toString('base64')}`);
    }
    /**
     * Every registered form replaced by `***`: as it is, split by white space (base64 wrapped at
     * 64/76 columns, a value broken over lines), and the start of one that a message cut off with
     * `\u2026` or `...` or at its very end (quote(), error details and servers shorten long text).
     */
    redact(text) {
        let out = text;
        for (const f of this.sorted)
            if (out.includes(f))
                out = out.split(f).join(REDACTED);
        if (/\s/.test(out)) {
            const squeezed = out.replace(/\s+/g, '');
            for (const f of this.sorted)
                if (f.length >= SPLIT_MIN_LENGTH && squeezed.includes(f.replace(/\s+/g, '')))
                    out = out.replace(splitPattern(f), REDACTED);
        }
        for (const f of this.sorted) {
            // Every cut-off start holds the shortest one: most texts are done with after one search.
            if (!out.includes(f.slice(0, MIN_SECRET_LENGTH)))
                continue;
            for (let k = f.length - 1; k >= MIN_SECRET_LENGTH; k--) {
                const head = f.slice(0, k);
                if (!out.includes(head))
                    continue;
                for (const cut of [ELLIPSIS, '...'])
                    if (out.includes(`${head}${cut}`))
                        out = out.split(`${head}${cut}`).join(`${REDACTED}${cut}`);
                if (k >= SPLIT_MIN_LENGTH && out.endsWith(head))
                    out = `${out.slice(0, out.length - k)}${REDACTED}`;
            }
        }
        return out;
    }
    /** A JSON-like value with every string (keys included) redacted; other values as they are. */
    redactDeep(value) {
        if (this.sorted.length === 0)
            return value;
        return this.walk(value);
    }
    walk(v) {
        if (typeof v === 'string')
            return this.redact(v);
        // A batch's packed results stay packed: each is redacted as it is read.
        if ((0,packed_results/* isPacked */.lS)(v))
            return (0,packed_results/* mapResults */.du)(v, (r) => this.walk(r));
        if (Array.isArray(v))
            return v.map((x) => this.walk(x));
        if (typeof v === 'object' && v !== null) {
            const out = {};
            for (const [k, x] of Object.entries(v))
                out[this.redact(k)] = this.walk(x);
            return out;
        }
        return v;
    }
    addForm(f) {
        if (f.length < MIN_SECRET_LENGTH || this.forms.has(f))
            return;
        this.forms.add(f);
        this.sorted = [...this.forms].sort((a, b) => b.length - a.length);
        for (const l of this.listeners)
            l(f);
    }
}
/**
 * The secret as it may be quoted back: raw, URL/form-encoded (upper- and lower-case escapes, and
 * as a URL parser leaves it in a path), JSON-escaped (also ASCII-only and with `\/`), hex in
 * either case, base64 (at each byte alignment inside a longer base64 text).
 */
function encodings(s) {
    const json = JSON.stringify(s).slice(1, -1);
    const asciiJson = json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const url = encodeURIComponent(s);
    const hex = Buffer.from(s, 'utf8').toString('hex');
    return [
        s,
        url,
        lowerEscapes(url),
        new URLSearchParams({ x: s }).toString().slice(2),
        urlPath(s),
        lowerEscapes(urlPath(s)),
        json,
        asciiJson,
        asciiJson.toUpperCase().replace(/\\U/g, '\\u'),
        json.replace(/\//g, '\\/'),
        // Go's encoding/json escapes HTML characters.
        json.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`),
        hex,
        hex.toUpperCase(),
        ...base64Forms(Buffer.from(s, 'utf8')),
        ...shiftedBase64(Buffer.from(s, 'utf8')),
    ];
}
/** `%C3%A9` as `%c3%a9`. */
function lowerEscapes(s) {
    return s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
}
/**
 * What a WHATWG URL parser makes of `s` in an http(s) path: its path percent-encode set, in
 * UTF-8, and `\` read as `/`.
 */
function urlPath(s) {
    return [...s.replace(/\\/g, '/')]
        .map((c) => 
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0020"#<>?`{}\u007f-\u{10ffff}]/u.test(c)
        ? [...Buffer.from(c, 'utf8')]
            .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
            .join('')
        : c)
        .join('');
}
/**
 * The part of base64 that encodes only `b` when `b` sits 1 or 2 bytes into a longer base64
 * text (a JSON document or header block quoted in base64): the groups its neighbours touch are
 * dropped.
 */
function shiftedBase64(b) {
    const out = [];
    for (const shift of [1, 2]) {
        const enc = Buffer.concat([Buffer.alloc(shift), b]).toString('base64');
        const whole = Math.floor((shift + b.length) / 3) * 4;
        const middle = enc.slice(4, whole);
        if (middle.length >= MIN_SECRET_LENGTH * 2)
            out.push(middle);
    }
    return out;
}
/** Standard and URL-safe base64, each with and without padding. */
function base64Forms(b) {
    const std = b.toString('base64');
    const url = b.toString('base64url');
    return [std, std.replace(/=+$/, ''), url, `${url}${'='.repeat((4 - (url.length % 4)) % 4)}`];
}
//# sourceMappingURL=secrets.js.map
// EXTERNAL MODULE: ./build/core/registry/digest.js
var registry_digest = __webpack_require__(81514);
// EXTERNAL MODULE: ./build/core/registry/hosts.js
var hosts = __webpack_require__(83431);
// EXTERNAL MODULE: ./build/core/registry/http-errors.js
var http_errors = __webpack_require__(24576);
;// CONCATENATED MODULE: ./build/core/registry/www-authenticate.js
// Parser for `WWW-Authenticate` challenges (RFC 7235): scheme plus auth-params, quoted strings
// with escapes, several challenges in one header. Unknown schemes are returned, not guessed at.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;
/** All challenges in `header`; malformed tails are dropped rather than half-parsed. */
function parseWwwAuthenticate(header) {
    const out = [];
    let s = header;
    let current;
    const skip = (re) => {
        s = s.replace(re, '');
    };
    skip(/^[\s,]+/);
    while (s.length > 0) {
        const tok = TOKEN.exec(s);
        if (!tok)
            break;
        const name = tok[0];
        const rest = s.slice(name.length);
        const eq = /^\s*=\s*/.exec(rest);
        // `name=` starts a parameter of the current challenge; a bare token starts a new challenge.
        // token68 values (`Basic dXNlcg==`) end in `=` followed by end/comma; treat them as a scheme.
        if (current && eq && !/^\s*=+\s*(,|$)/.test(rest)) {
            s = rest.slice(eq[0].length);
            let value;
            if (s.startsWith('"')) {
                let i = 1;
                value = '';
                for (; i < s.length && s[i] !== '"'; i++) {
                    if (s[i] === '\\' && i + 1 < s.length)
                        i++;
                    value += s[i];
                }
                if (i >= s.length)
                    break; // unterminated quote
                s = s.slice(i + 1);
            }
            else {
                value = (/^[^,\s]*/.exec(s) ?? [''])[0];
                s = s.slice(value.length);
            }
            const key = name.toLowerCase();
            if (!(key in current.params))
                current.params[key] = value;
        }
        else {
            current = { scheme: name.toLowerCase(), params: {} };
            out.push(current);
            s = rest;
            skip(/^\s*[A-Za-z0-9\-._~+/]+=*\s*(?=,|$)/); // token68, unused by registries
        }
        skip(/^[\s,]+/);
    }
    return out;
}
//# sourceMappingURL=www-authenticate.js.map
;// CONCATENATED MODULE: ./build/core/registry/auth.js
// Registry authentication: lazy challenge on the first 401, Basic or Bearer token flow, one
// cached token per registry+scope, realm checks before any credential leaves the process.







/** Tokens live at least this long unless the service says otherwise (distribution token spec). */
const DEFAULT_TOKEN_TTL_S = 60;
/** OAuth2 client_id sent with identity tokens (the spec requires one; registries ignore it). */
const OAUTH_CLIENT_ID = 'image-gate';
const TOKEN_SAFETY_MARGIN_MS = 5_000;
class RegistryAuth {
    transport;
    credentials;
    insecureRegistries;
    secrets;
    log;
    schemes = new Map();
    tokens = new Map();
    inflight = new Map();
    /**
     * Scopes a registry's challenge asked for beyond the one requested, per `apiHost scope`: every
     * later token for that target carries them too (go-containerregistry's bearer transport
     * accumulates them likewise), so the registry asks only once.
     */
    extraScopes = new Map();
    constructor(transport, credentials, insecureRegistries, 
    /** Every credential sent and token received is registered here before it leaves or is used. */
    secrets, log) {
        this.transport = transport;
        this.credentials = credentials;
        this.insecureRegistries = insecureRegistries;
        this.secrets = secrets;
        this.log = log;
    }
    /** Whether a scheme was learnt for the registry (preemptive has something to say). */
    knows(apiHost) {
        return this.schemes.has(apiHost);
    }
    /** Authorization to send up front, once the registry's scheme is known; undefined before that. */
    async preemptive(t) {
        const scheme = this.schemes.get(t.apiHost);
        if (!scheme)
            return undefined;
        if (scheme.kind === 'basic') {
            const c = await this.credentials.resolve(t.registry);
            return c && !c.identityToken ? this.basic(c) : undefined;
        }
        return `Bearer ${await this.token(t, scheme)}`;
    }
    /**
     * The scopes to ask the token service for on `t`'s behalf: those its challenges asked for
     * first (go-containerregistry transport/bearer.go: "Some registries seem to only look at the
     * first scope parameter"), then the one requested.
     */
    scopesOf(t) {
        return [...(this.extraScopes.get(`${t.apiHost} ${t.scope}`) ?? []), t.scope];
    }
    /**
     * Remembers the scopes of a Bearer challenge that `t` lacks (ACR documents taking the scope
     * from the challenge of the operation, azure.github.io/acr/Token-BasicAuth.html; an
     * `insufficient_scope` challenge names it, RFC 6750 3.1). Only actions on `t`'s own repository
     * are taken, and never more than `t` asks for in kind: no `push` for a pull, no `delete` or
     * `*`; any other scope is left out, and the registry's refusal then stands. True if one was new.
     */
    widen(t, challengeScope) {
        if (challengeScope === undefined)
            return false;
        const key = `${t.apiHost} ${t.scope}`;
        const have = this.scopesOf(t);
        const mine = /^repository:(.+):([^:]+)$/.exec(t.scope);
        if (!mine)
            return false;
        const [, repo, actions] = mine;
        const pushing = actions.split(',').includes('push');
        const added = [];
        for (const want of challengeScope.split(' ').filter(Boolean)) {
            if (have.includes(want) || added.includes(want))
                continue;
            const m = /^repository(?:\([a-z0-9]+\))?:(.+):([^:]+)$/.exec(want);
            const wanted = m?.[2].split(',') ?? [];
            if (!m ||
                m[1] !== repo ||
                wanted.some((a) => a === '*' || a === 'delete' || (a === 'push' && !pushing))) {
                this.log(`registry ${t.registry} asked for scope ${(0,registry_digest/* quote */.hD)(want)}: not requested`);
                continue;
            }
            // Already covered: an action list asked for (in any order) holds every action wanted.
            const held = [...have, ...added].flatMap((h) => {
                const x = /^repository(?:\([a-z0-9]+\))?:(.+):([^:]+)$/.exec(h);
                return x && x[1] === repo ? [x[2].split(',')] : [];
            });
            if (held.some((acts) => wanted.every((a) => acts.includes(a))))
                continue;
            added.push(want);
        }
        if (added.length === 0)
            return false;
        this.extraScopes.set(key, [...added, ...(this.extraScopes.get(key) ?? [])]);
        this.log(`registry ${t.registry} asked for scope ${added.join(' ')} too: requesting it`);
        return true;
    }
    /**
     * A 401 arrived. Learn the challenge and return the Authorization to retry with; throws
     * AUTH_REFUSED when there is nothing new to try (no credentials, or they were just refused).
     */
    async onUnauthorized(t, challengeHeader, sent) {
        const { scheme, scope } = this.learn(t, challengeHeader);
        if (scheme.kind === 'basic') {
            const c = await this.credentials.resolve(t.registry);
            if (!c)
                throw new errors/* GateError */.ue('AUTH_REFUSED', `registry ${t.registry} requires credentials (Basic) and none are configured for ${t.registry}`);
            if (c.identityToken)
                throw new errors/* GateError */.ue('AUTH_REFUSED', `registry ${t.registry} asks for Basic credentials, but ${c.source} is an identity token, which only a token service takes`);
            const header = this.basic(c);
            if (sent === header)
                throw new errors/* GateError */.ue('AUTH_REFUSED', `registry ${t.registry} refused the credentials from ${c.source}`);
            return header;
        }
        // The challenge names a scope the token lacks: a token for it too. Otherwise the token we
        // sent was refused (expired, revoked): fetch a fresh one, once.
        if (this.widen(t, scope))
            return `Bearer ${await this.token(t, scheme)}`;
        const rejected = sent?.startsWith('Bearer ') ? sent.slice(7) : undefined;
        return `Bearer ${await this.token(t, scheme, rejected)}`;
    }
    learn(t, header) {
        if (header === null)
            throw new errors/* GateError */.ue('AUTH_REFUSED', `registry ${t.registry} answered 401 without a WWW-Authenticate challenge`);
        const challenges = parseWwwAuthenticate(header);
        const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm !== undefined);
        let scheme;
        if (bearer) {
            const realm = (0,hosts/* assertRealmAllowed */.ar)(bearer.params.realm, t.apiHost, this.insecureRegistries);
            scheme = {
                kind: 'bearer',
                realm,
                ...(bearer.params.service !== undefined ? { service: bearer.params.service } : {}),
            };
        }
        else if (challenges.some((c) => c.scheme === 'basic')) {
            scheme = { kind: 'basic' };
        }
        else {
            throw new errors/* GateError */.ue('AUTH_REFUSED', `registry ${t.registry} asks for an unsupported authentication scheme ${(0,registry_digest/* quote */.hD)(this.secrets.redact(header))}`);
        }
        this.schemes.set(t.apiHost, scheme);
        return {
            scheme,
            ...(bearer?.params.scope !== undefined ? { scope: bearer.params.scope } : {}),
        };
    }
    basic(c) {
        this.secrets.addCredential(c.username, c.password);
        return `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`;
    }
    /** The cached token for the scope, or a new one; `rejected` is a token the registry just refused. */
    token(t, scheme, rejected) {
        const key = `${t.apiHost} ${scheme.realm.href} ${this.scopesOf(t).join(' ')}`;
        const cached = this.tokens.get(key);
        // Concurrent 401s for one expired token must not each throw away the replacement.
        if (cached && cached.value !== rejected && cached.expiresAt > Date.now()) {
            return Promise.resolve(cached.value);
        }
        this.tokens.delete(key);
        let p = this.inflight.get(key);
        if (!p) {
            p = this.fetchToken(t, scheme).then((tok) => {
                this.tokens.set(key, tok);
                this.inflight.delete(key);
                return tok.value;
            }, (e) => {
                this.inflight.delete(key);
                throw e;
            });
            this.inflight.set(key, p);
        }
        return p;
    }
    async fetchToken(t, scheme) {
        const cred = await this.credentials.resolve(t.registry);
        const url = new URL(scheme.realm.href);
        const scopes = this.scopesOf(t);
        const common = {
            maxBytes: registry_limits/* MAX_TOKEN_BYTES */.DA,
            what: `token for ${scopes.join(' ')}`,
            registryHost: t.apiHost,
        };
        let res;
        if (cred?.identityToken) {
            // OAuth2 refresh_token grant (distribution's token spec, oauth.md), as docker and
            // go-containerregistry send it: a form POSTed to the realm, nothing in the URL.
            this.secrets.add(cred.password);
            const form = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: cred.password,
                client_id: OAUTH_CLIENT_ID,
                // OAuth2 joins scopes with spaces in one field (RFC 6749 3.3), as go-containerregistry
                // POSTs them; the GET below repeats the parameter (distribution token spec).
                scope: scopes.join(' '),
                ...(scheme.service !== undefined ? { service: scheme.service } : {}),
            });
            this.log(`token for ${scopes.join(' ')} from ${(0,addresses/* redactUrl */.BO)(url)} (OAuth2, ${cred.source})`);
            res = await this.transport.request({
                ...common,
                url,
                method: 'POST',
                body: form.toString(),
                headers: {
                    accept: 'application/json',
                    'content-type': 'application/x-www-form-urlencoded',
                },
            });
            if (res.status === 404 || res.status === 405)
                throw new errors/* GateError */.ue('AUTH_REFUSED', `token service ${url.host} of registry ${t.registry} does not take OAuth2 POST requests (HTTP ${res.status}), which the identity token from ${cred.source} needs`);
        }
        else {
            if (scheme.service !== undefined)
                url.searchParams.set('service', scheme.service);
            for (const sc of scopes)
                url.searchParams.append('scope', sc);
            this.log(`token for ${scopes.join(' ')} from ${(0,addresses/* redactUrl */.BO)(url)} (${cred ? cred.source : 'anonymous'})`);
            res = await this.transport.request({
                ...common,
                url,
                headers: { accept: 'application/json' },
                ...(cred ? { authorization: this.basic(cred) } : {}),
            });
        }
        // errorDetail redacts the run's secrets: a token service that echoes the secret it was sent
        // must not put it into the report.
        const detail = (0,http_errors/* errorDetail */.m2)(res);
        // OAuth2 answers an unusable refresh token with 400 invalid_grant (RFC 6749 section 5.2).
        if (res.status === 401 || res.status === 403 || (cred?.identityToken && res.status === 400)) {
            throw new errors/* GateError */.ue('AUTH_REFUSED', `token service ${url.host} of registry ${t.registry} refused ${cred ? `the credentials from ${cred.source}` : 'anonymous access'} (HTTP ${res.status}${detail})`);
        }
        if (res.status !== 200) {
            throw new errors/* GateError */.ue('REGISTRY_ERROR', `token service ${url.host} of registry ${t.registry} answered HTTP ${res.status}${detail}`);
        }
        let body;
        try {
            body = JSON.parse(new TextDecoder().decode(res.body));
        }
        catch (e) {
            throw new errors/* GateError */.ue('REGISTRY_ERROR', `token service ${url.host} of registry ${t.registry} sent a response that is not JSON`, { cause: e });
        }
        const o = (typeof body === 'object' && body !== null ? body : {});
        const value = typeof o.token === 'string' && o.token !== '' ? o.token : o.access_token;
        // A token goes into a header: visible ASCII only, so it cannot smuggle header lines.
        if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value)) {
            throw new errors/* GateError */.ue('REGISTRY_ERROR', `token service ${url.host} of registry ${t.registry} sent no usable "token" or "access_token"`);
        }
        this.secrets.add(value);
        // A refresh token the service hands out is as good as the identity token it replaces.
        if (typeof o.refresh_token === 'string')
            this.secrets.add(o.refresh_token);
        const ttl = typeof o.expires_in === 'number' && o.expires_in > 0
            ? Math.max(o.expires_in, DEFAULT_TOKEN_TTL_S)
            : DEFAULT_TOKEN_TTL_S;
        return { value, expiresAt: Date.now() + ttl * 1000 - TOKEN_SAFETY_MARGIN_MS };
    }
}
//# sourceMappingURL=auth.js.map
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./build/core/registry/credentials.js
// Picks registry credentials: explicit inputs, Docker config (auths, credHelpers, credsStore) and
// the GitHub token for ghcr.io only. Matching is by exact host[:port] (@sigstore/oci GHSA-pf56).







const GITHUB_CONTAINER_REGISTRY = 'ghcr.io';
function defaultDockerConfigPath(env = process.env) {
    const dir = env.DOCKER_CONFIG;
    return dir ? (0,external_node_path_.join)(dir, 'config.json') : (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker', 'config.json');
}
/**
 * Does a config key or input (`host`, `https://host`, `https://index.docker.io/v1/`) name exactly
 * `host`? Docker Hub's aliases count as one host; nothing else is fuzzy.
 */
function registryKeyMatches(key, host) {
    const k = (0,hosts/* normalizeHost */.cS)(key);
    const h = (0,hosts/* normalizeHost */.cS)(host);
    if (k === undefined || h === undefined)
        return false;
    if (k === h)
        return true;
    return (0,hosts/* isDockerHub */.gr)(k) && (0,hosts/* isDockerHub */.gr)(h);
}
/** Username/password of the `auths` entry for `host`, if it has any. */
function credentialFromAuths(config, host) {
    for (const [key, entry] of Object.entries(config.auths ?? {})) {
        if (!registryKeyMatches(key, host) || typeof entry !== 'object' || entry === null)
            continue;
        // Docker prefers the identity token to the `auth` username (often `<token>:`) beside it.
        if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
            return {
                username: '<token>',
                password: entry.identitytoken,
                identityToken: true,
                source: `docker config auths[${key}] identitytoken`,
            };
        }
        if (typeof entry.auth === 'string' && entry.auth !== '') {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const i = decoded.indexOf(':');
            if (i > 0)
                return {
                    username: decoded.slice(0, i),
                    password: decoded.slice(i + 1),
                    source: `docker config auths[${key}]`,
                };
        }
        if (typeof entry.username === 'string' &&
            typeof entry.password === 'string' &&
            entry.username !== '') {
            return {
                username: entry.username,
                password: entry.password,
                source: `docker config auths[${key}]`,
            };
        }
    }
    return undefined;
}
/** The credential helper responsible for `host`: `credHelpers[host]`, else `credsStore`. */
function helperFor(config, host) {
    for (const [key, helper] of Object.entries(config.credHelpers ?? {})) {
        if (registryKeyMatches(key, host) && typeof helper === 'string')
            return helper;
    }
    return undefined;
}
/**
 * A Docker config as `docker` itself reads it, refused whole where `docker` refuses it: not JSON,
 * not an object, `auths` or `credHelpers` not an object, an entry or a field of the wrong type, an
 * `auth` that is not base64 of `user:password`, a helper name that is not one. Skipping the bad
 * part would pull anonymously without the credentials it holds. Messages name the file and the
 * key, never a value (it may be a secret).
 */
function parseDockerConfig(text, path) {
    const bad = (why) => new errors/* GateError */.ue('USAGE', `docker config ${path}: ${why}`);
    let v;
    try {
        v = JSON.parse(text);
    }
    catch (e) {
        throw new errors/* GateError */.ue('USAGE', `docker config ${path}: not JSON`, { cause: e });
    }
    if (!isRecord(v))
        throw bad('not a JSON object');
    const cfg = {};
    if (v.auths !== undefined && v.auths !== null) {
        if (!isRecord(v.auths))
            throw bad('auths is not an object');
        for (const [key, entry] of Object.entries(v.auths))
            checkAuthEntry(key, entry, bad);
        cfg.auths = v.auths;
    }
    if (v.credHelpers !== undefined && v.credHelpers !== null) {
        if (!isRecord(v.credHelpers))
            throw bad('credHelpers is not an object');
        for (const [key, helper] of Object.entries(v.credHelpers))
            if (typeof helper !== 'string' || !HELPER_NAME.test(helper))
                throw bad(`credHelpers[${(0,registry_digest/* quote */.hD)(key)}] is not a credential helper name`);
        cfg.credHelpers = v.credHelpers;
    }
    if (v.credsStore !== undefined && v.credsStore !== null && v.credsStore !== '') {
        if (typeof v.credsStore !== 'string' || !HELPER_NAME.test(v.credsStore))
            throw bad('credsStore is not a credential helper name');
        cfg.credsStore = v.credsStore;
    }
    return cfg;
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** `docker-credential-<name>`: a name that cannot leave that prefix (`../../bin/sh`). */
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function checkAuthEntry(key, entry, bad) {
    const at = `auths[${(0,registry_digest/* quote */.hD)(key)}]`;
    if (!isRecord(entry))
        throw bad(`${at} is not an object`);
    for (const field of ['auth', 'username', 'password', 'identitytoken'])
        if (entry[field] !== undefined && entry[field] !== null && typeof entry[field] !== 'string')
            throw bad(`${at}.${field} is not a string`);
    const auth = entry.auth;
    if (typeof auth !== 'string' || auth === '')
        return;
    // As docker's decodeAuth: standard base64 of `user:password`, with a user.
    const decoded = BASE64.test(auth) ? Buffer.from(auth, 'base64').toString('utf8') : '';
    if (decoded.indexOf(':') <= 0)
        throw bad(`${at}.auth is not base64 of user:password`);
}
/** Resolves and caches one credential (or none) per registry host. */
class CredentialResolver {
    opts;
    config;
    cache = new Map();
    runHelper;
    constructor(opts = {}) {
        this.opts = opts;
        this.runHelper = opts.runHelper ?? runCredentialHelper;
    }
    resolve(host) {
        const key = (0,hosts/* normalizeHost */.cS)(host) ?? host;
        let p = this.cache.get(key);
        if (!p) {
            p = this.lookup(key);
            this.cache.set(key, p);
        }
        return p;
    }
    async lookup(host) {
        for (const c of this.opts.credentials ?? []) {
            if (registryKeyMatches(c.registry, host))
                return { username: c.username, password: c.password, source: 'explicit credentials' };
        }
        const config = await this.loadConfig();
        const helper = helperFor(config, host);
        if (helper !== undefined)
            return this.fromHelper(helper, host);
        const fromAuths = credentialFromAuths(config, host);
        if (fromAuths)
            return fromAuths;
        if (config.credsStore !== undefined) {
            const c = await this.fromHelper(config.credsStore, host);
            if (c)
                return c;
        }
        if (this.opts.githubToken && host === GITHUB_CONTAINER_REGISTRY) {
            return {
                username: 'x-access-token',
                password: this.opts.githubToken,
                source: 'GitHub token',
            };
        }
        return undefined;
    }
    async fromHelper(helper, host) {
        if (!HELPER_NAME.test(helper)) {
            throw new errors/* GateError */.ue('USAGE', `docker config: credential helper name ${(0,registry_digest/* quote */.hD)(helper)} is not valid`);
        }
        const serverUrl = (0,hosts/* isDockerHub */.gr)(host) ? hosts/* DOCKER_HUB_CONFIG_KEY */.Mj : host;
        const out = await this.runHelper(helper, serverUrl);
        if (out === undefined)
            return undefined;
        let v;
        try {
            v = JSON.parse(out);
        }
        catch (e) {
            throw new errors/* GateError */.ue('AUTH_REFUSED', `docker-credential-${helper} get ${serverUrl}: output is not JSON`, { cause: e });
        }
        const o = isRecord(v) ? v : {};
        if (typeof o.Username !== 'string' || typeof o.Secret !== 'string' || o.Secret === '') {
            throw new errors/* GateError */.ue('AUTH_REFUSED', `docker-credential-${helper} get ${serverUrl}: output lacks Username/Secret`);
        }
        if (o.Username === '<token>') {
            return {
                username: '<token>',
                password: o.Secret,
                identityToken: true,
                source: `credential helper ${helper} (identity token)`,
            };
        }
        return { username: o.Username, password: o.Secret, source: `credential helper ${helper}` };
    }
    loadConfig() {
        this.config ??= this.opts.dockerConfig
            ? Promise.resolve(this.opts.dockerConfig)
            : loadDockerConfig(this.opts.dockerConfigPath, this.opts.env);
        return this.config;
    }
}
/**
 * Reads and checks the Docker config at `path` (default: $DOCKER_CONFIG/config.json, else
 * ~/.docker/config.json). A default path that does not exist is no config; one given that does
 * not exist, or any that cannot be read or parsed, is a USAGE error naming the file.
 */
async function loadDockerConfig(path, env = process.env) {
    const explicit = path !== undefined;
    const file = path ?? defaultDockerConfigPath(env);
    let text;
    try {
        const buf = await (0,promises_.readFile)(file);
        if (buf.length > registry_limits/* MAX_DOCKER_CONFIG_BYTES */.LD)
            throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `docker config ${file}: larger than ${registry_limits/* MAX_DOCKER_CONFIG_BYTES */.LD} bytes`);
        text = buf.toString('utf8');
    }
    catch (e) {
        if (e instanceof errors/* GateError */.ue)
            throw e;
        if (e.code === 'ENOENT' && !explicit)
            return {};
        throw new errors/* GateError */.ue('USAGE', `docker config ${file}: cannot read (${e.message})`, {
            cause: e,
        });
    }
    // A config that exists but cannot be read or parsed is an error naming the file, as `docker`
    // itself refuses it: skipping it would pull anonymously without the credentials it holds.
    return parseDockerConfig(text, file);
}
/** The real `docker-credential-<helper> get` protocol: server URL on stdin, JSON on stdout. */
async function runCredentialHelper(helper, serverUrl) {
    const bin = `docker-credential-${helper}`;
    // Loaded here: most runs use no helper, and child_process costs a cold start 1-2 ms.
    const { spawn } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 31421, 19));
    return new Promise((resolve, reject) => {
        let child;
        try {
            child = spawn(bin, ['get'], {
                stdio: ['pipe', 'pipe', 'pipe'],
                timeout: registry_limits/* CRED_HELPER_TIMEOUT_MS */.Jf,
            });
        }
        catch (e) {
            reject(new errors/* GateError */.ue('AUTH_REFUSED', `${bin}: cannot start`, { cause: e }));
            return;
        }
        const out = [];
        let size = 0;
        child.stdout.on('data', (b) => {
            size += b.length;
            if (size <= registry_limits/* MAX_CRED_HELPER_OUTPUT */.JC)
                out.push(b);
            else
                child.kill();
        });
        child.stderr.resume();
        child.on('error', (e) => reject(new errors/* GateError */.ue('AUTH_REFUSED', `${bin}: cannot run (${e.message})`, { cause: e })));
        child.on('close', (code) => {
            const text = Buffer.concat(out).toString('utf8');
            if (size > registry_limits/* MAX_CRED_HELPER_OUTPUT */.JC)
                reject(new errors/* GateError */.ue('LIMIT_EXCEEDED', `${bin}: output larger than ${registry_limits/* MAX_CRED_HELPER_OUTPUT */.JC} bytes`));
            else if (code === 0)
                resolve(text);
            else if (/credentials not found/i.test(text))
                resolve(undefined);
            else
                reject(new errors/* GateError */.ue('AUTH_REFUSED', `${bin} get ${serverUrl}: exit code ${code ?? 'signal'}`));
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(serverUrl);
    });
}
//# sourceMappingURL=credentials.js.map
// EXTERNAL MODULE: ./build/core/registry/governor.js
var registry_governor = __webpack_require__(48844);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./build/core/net/retry.js
var retry = __webpack_require__(83360);
// EXTERNAL MODULE: ./build/core/net/redirects.js
var redirects = __webpack_require__(45407);
// EXTERNAL MODULE: ./build/core/net/socket-errors.js
var socket_errors = __webpack_require__(78425);
// EXTERNAL MODULE: ./build/core/net/read.js
var net_read = __webpack_require__(53628);
;// CONCATENATED MODULE: ./build/core/registry/exchange.js







/**
 * undici's own timers, one per connection, re-armed by the parser: `headersTimeout` from the
 * request written to the response headers, `bodyTimeout` between body chunks. No controller,
 * timer or signal of ours per request (issue 15: those cost more CPU than the request itself).
 */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
async function exchange(opts, hop) {
    try {
        // dispatcher.request, not fetch: no WHATWG Request/Response/stream layers per request
        // (about half the client CPU of a registry round trip), and it never follows redirects.
        const res = await opts.dispatcher.request({
            origin: hop.url.origin,
            path: `${hop.url.pathname}${hop.url.search}`,
            method: hop.method,
            headers: hop.headers,
            ...((hop.method === 'POST' || hop.method === 'PUT') && hop.body !== undefined
                ? { body: hop.body }
                : {}),
            // undici closes the connection after a HEAD unless told not to (measured): keep it.
            ...(hop.method === 'HEAD' ? { reset: false } : {}),
            headersTimeout: opts.idleTimeoutMs,
            bodyTimeout: opts.idleTimeoutMs,
            // Only for a dispatcher that does not end at the deadline itself (client.ts): undici adds
            // an abort listener per request.
            ...(opts.signal ? { signal: opts.signal } : {}),
        });
        const status = res.statusCode;
        const headers = headerLookup(res.headers);
        const location = headers.get('location');
        if (redirects/* REDIRECT_STATUSES */.aq.has(status) &&
            location !== null &&
            (hop.method === 'GET' || hop.method === 'HEAD')) {
            await discard(res.body);
            return { status, headers, body: new Uint8Array(0), location };
        }
        if (hop.method === 'HEAD') {
            await discard(res.body);
            return { status, headers, body: new Uint8Array(0) };
        }
        const ok = status >= 200 && status < 300;
        const cap = ok ? hop.maxBytes : registry_limits/* MAX_ERROR_BODY_BYTES */.f5;
        const declared = contentLength(headers.get('content-length'));
        if (ok && declared !== undefined && declared > cap) {
            drop(res.body);
            throw tooLarge(hop);
        }
        if (declared !== undefined && declared <= cap) {
            // The length is known and within the cap (HTTP framing holds the body to it): charge it
            // to the byte budget first, then take the body in one piece, without a stream iterator.
            try {
                (0,limits/* chargeRead */.JO)(declared, hop.what);
            }
            catch (e) {
                drop(res.body);
                throw e;
            }
            return { status, headers, body: await res.body.bytes() };
        }
        const read = await (0,net_read/* readCapped */.E)(res.body, cap, undefined, hop.what);
        if (read.over && ok)
            throw tooLarge(hop);
        return { status, headers, body: read.bytes };
    }
    catch (e) {
        if (!opts.signal?.aborted && TIMEOUT_CODES.has((0,socket_errors/* errorCode */.CA)(e) ?? '')) {
            throw new errors/* GateError */.ue('TIMEOUT', `${hop.what}: registry ${hop.registryHost} sent nothing for ${opts.idleTimeoutMs} ms (${hop.method} ${(0,addresses/* redactUrl */.BO)(hop.url)})`, { cause: e });
        }
        throw e;
    }
}
function tooLarge(hop) {
    return new errors/* GateError */.ue('LIMIT_EXCEEDED', `${hop.what}: response from registry ${hop.registryHost} is larger than ${hop.maxBytes} bytes`);
}
/** A Content-Length as a byte count; absent, repeated or malformed is undefined (read as a stream). */
function contentLength(v) {
    if (v === null || !/^\d{1,15}$/.test(v))
        return undefined;
    return Number(v);
}
/** Closes a body (and its connection) unread; undici then reports an abort nobody needs. */
function drop(body) {
    body.on('error', () => undefined);
    body.destroy();
}
/** Drops a body we do not read; undici keeps the connection when the rest is short. */
async function discard(body) {
    try {
        await body.dump({ limit: registry_limits/* MAX_ERROR_BODY_BYTES */.f5 });
    }
    catch {
        body.destroy();
    }
}
/** Header lookup over undici's lower-cased header object; repeated headers joined like fetch. */
function headerLookup(h) {
    return {
        get(name) {
            const v = h[name.toLowerCase()];
            if (v === undefined)
                return null;
            return Array.isArray(v) ? v.join(', ') : v;
        },
    };
}
//# sourceMappingURL=exchange.js.map
;// CONCATENATED MODULE: ./build/core/registry/http.js
// The registry client's HTTP transport, as layers in the manner of go-containerregistry's
// transport package: `request` retries idempotent requests (retryable statuses and network
// errors, with backoff and Retry-After); `follow` makes one attempt, following redirects hop by
// hop under net/redirects.ts (targets checked, credentials kept on their origin); each hop is
// one `exchange` (exchange.ts: idle timeout, capped body); failures are mapped in http-errors.ts.










/** Statuses worth asking again: overload and gateway trouble, plus 500 (the gate's own contract). */
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
/** A manifest GET: what Docker Hub counts as a pull (a HEAD, a blob or a referrers list is not). */
function isPull(method, url) {
    return method === 'GET' && /^\/v2\/.+\/manifests\/[^/]+$/.test(url.pathname);
}
class HttpTransport {
    opts;
    stats = { requests: 0 };
    constructor(opts) {
        this.opts = opts;
    }
    /**
     * GET/HEAD with retries (POST once); returns the final response unless it is a retryable status
     * after retries.
     */
    async request(req) {
        const once = req.method === 'POST' || req.method === 'PUT';
        const attempts = once ? 1 : 1 + Math.max(1, this.opts.retries);
        const governor = this.opts.governor;
        const host = req.registryHost;
        const stats = governor.statsOf(host);
        for (let attempt = 1;; attempt++) {
            if (attempt > 1)
                stats.retries++;
            // Every attempt waits out the registry's shared backoff and takes a slot in its window.
            const permit = governor.tryAcquire(host) ?? (await governor.acquire(host, req.what));
            let res;
            try {
                res = await this.follow(req);
            }
            catch (e) {
                permit.release('other');
                const err = (0,http_errors/* classifyThrown */.xO)(e, req.what, host, this.opts.signal);
                if (err.code !== 'NETWORK' || (0,socket_errors/* isTlsFailure */.gt)(e) || attempt >= attempts)
                    throw err;
                const wait = (0,retry/* backoff */.J)(attempt);
                this.opts.log?.(`${req.what}: ${err.message}; retry ${attempt}/${attempts - 1} in ${wait} ms`);
                await this.sleep(wait, req);
                continue;
            }
            const onOrigin = res.url.origin === req.url.origin;
            if (onOrigin)
                governor.observe(host, res.headers);
            if (res.status === 429)
                stats.rateLimited++;
            if (res.status === 429 && !onOrigin && req.offOrigin429 === 'return') {
                permit.release('other');
                return res;
            }
            permit.release(res.status === 429 && onOrigin ? 'rateLimited' : res.status < 500 ? 'ok' : 'other');
            if (!RETRY_STATUSES.has(res.status) || once)
                return res;
            const detail = (0,http_errors/* errorDetail */.m2)(res);
            // Docker Hub answers 429 with `ratelimit-remaining: 0` when its pull limit is used up: that
            // lasts the window (hours), so asking again only spends the run.
            const limit = onOrigin && res.status === 429 ? (0,registry_governor/* readRateLimit */.y9)(res.headers) : undefined;
            if (limit && limit.remaining === 0) {
                const window = limit.windowSeconds !== undefined ? ` per ${limit.windowSeconds} s` : '';
                throw new errors/* GateError */.ue('RATE_LIMITED', `${req.what}: registry ${host} answered HTTP 429${detail}: its pull limit${limit.limit !== undefined ? ` of ${limit.limit}` : ''}${window} is used up (0 left${limit.source !== undefined ? ` for ${limit.source}` : ''}). Authenticate to the registry for a higher limit, or verify fewer images per run`);
            }
            if (attempt >= attempts) {
                throw new errors/* GateError */.ue('REGISTRY_ERROR', `${req.what}: registry ${host} answered HTTP ${res.status}${detail} after ${attempts} attempts`);
            }
            const retryAfter = (0,retry/* parseRetryAfter */.m)(res.headers.get('retry-after'));
            if (res.status === 429 || retryAfter !== undefined) {
                // One backoff for the registry, not one per request: every attempt to it waits (acquire).
                governor.pause(host, retryAfter ?? (0,retry/* backoff */.J)(attempt), req.what, `answered HTTP ${res.status}${detail}`);
                this.opts.log?.(`${req.what}: HTTP ${res.status}${detail}; retry ${attempt}/${attempts - 1}`);
                continue;
            }
            const wait = (0,retry/* backoff */.J)(attempt);
            this.opts.log?.(`${req.what}: HTTP ${res.status}${detail}; retry ${attempt}/${attempts - 1} in ${wait} ms`);
            await this.sleep(wait, req);
        }
    }
    /** One attempt, following redirects by hand so that credentials never leave their origin. */
    async follow(req) {
        const method = req.method ?? 'GET';
        const rules = {
            originHost: req.registryHost,
            insecureHosts: this.opts.insecureRegistries,
            owner: `registry ${req.registryHost}`,
            what: req.what,
            maxRedirects: registry_limits/* MAX_REDIRECTS */.NX,
            redact: this.opts.redact,
        };
        const credentials = req.authorization !== undefined ? { authorization: req.authorization } : {};
        const seen = new Set([req.url.href]);
        let url = req.url;
        (0,addresses/* assertTargetAllowed */.AQ)(url, req.registryHost, this.opts.insecureRegistries, 'request');
        const stats = this.opts.governor.statsOf(req.registryHost);
        if (isPull(method, url))
            stats.pulls++;
        for (let hop = 0;; hop++) {
            const started = Date.now();
            this.stats.requests++;
            stats.requests++;
            // Counted while in flight, so close() can wait for none to be left (client.ts).
            let res;
            this.inFlight++;
            try {
                res = await exchange({
                    dispatcher: this.opts.dispatcher,
                    idleTimeoutMs: this.opts.requestTimeoutMs,
                    ...(this.opts.requestSignal ? { signal: this.opts.requestSignal } : {}),
                }, {
                    url,
                    method,
                    headers: (0,redirects/* hopHeaders */.SR)(req.url, url, req.headers ?? {}, credentials),
                    ...(req.body !== undefined ? { body: req.body } : {}),
                    maxBytes: req.maxBytes,
                    what: req.what,
                    registryHost: req.registryHost,
                });
            }
            finally {
                this.settled();
            }
            if (res.location !== undefined) {
                const next = (0,redirects/* redirectTarget */.ET)(url, res.location, rules);
                this.opts.log?.(`${method} ${(0,addresses/* redactUrl */.BO)(url)} \u2192 ${res.status} redirect to ${(0,addresses/* redactUrl */.BO)(next)}`);
                (0,redirects/* countHop */.P)(next, hop, seen, rules);
                url = next;
                continue;
            }
            stats.bytes += res.body.length;
            this.opts.log?.(`${method} ${(0,addresses/* redactUrl */.BO)(url)} \u2192 ${res.status} (${res.body.length} bytes, ${Date.now() - started} ms)`);
            return {
                status: res.status,
                headers: res.headers,
                body: res.body,
                url,
                redact: this.opts.redact,
            };
        }
    }
    /** Resolves once no exchange of this transport is in flight. */
    idle() {
        if (this.inFlight === 0)
            return Promise.resolve();
        return new Promise((resolve) => this.waitingForIdle.push(resolve));
    }
    inFlight = 0;
    waitingForIdle = [];
    settled() {
        if (--this.inFlight > 0 || this.waitingForIdle.length === 0)
            return;
        for (const wake of this.waitingForIdle.splice(0))
            wake();
    }
    async sleep(ms, req) {
        this.opts.governor.statsOf(req.registryHost).waitMs += ms;
        try {
            await (0,external_node_timers_promises_.setTimeout)(ms, undefined, this.opts.signal ? { signal: this.opts.signal } : undefined);
        }
        catch (e) {
            throw new errors/* GateError */.ue('TIMEOUT', `${req.what}: deadline reached while waiting to retry registry ${req.registryHost}`, { cause: e });
        }
    }
}
//# sourceMappingURL=http.js.map
;// CONCATENATED MODULE: ./build/core/registry/client.js












class RegistryClient {
    /** Every HTTP request sent, retries, redirect hops and token requests included. */
    stats;
    /** The run's per-registry state and counters (report `stats.registries`). */
    governor;
    transport;
    auth;
    dispatcher;
    ownsDispatcher;
    insecure;
    referrersApi = new Map();
    constructor(opts = {}) {
        const env = opts.env ?? process.env;
        const insecure = new Set();
        for (const r of opts.insecureRegistries ?? []) {
            const h = (0,hosts/* normalizeHost */.cS)(r);
            if (h === undefined)
                throw new errors/* GateError */.ue('USAGE', `insecure registries: ${(0,registry_digest/* quote */.hD)(r)} is not a host[:port]`);
            insecure.add(h);
        }
        this.insecure = insecure;
        const secrets = opts.secrets ?? new SecretRegistry();
        for (const c of opts.credentials ?? [])
            secrets.addCredential(c.username, c.password);
        if (opts.githubToken)
            secrets.addCredential('x-access-token', opts.githubToken);
        const userLog = opts.log;
        const log = userLog ? (msg) => userLog(secrets.redact(msg)) : () => undefined;
        const redact = (text) => secrets.redact(text);
        const connections = Math.max(1, opts.maxConnectionsPerOrigin ?? registry_limits/* DEFAULT_MAX_CONNECTIONS_PER_ORIGIN */.cz);
        this.ownsDispatcher = opts.dispatcher === undefined;
        const envVar = (name) => env[name] || env[name.toLowerCase()] || undefined;
        const httpProxy = envVar('HTTP_PROXY');
        const httpsProxy = envVar('HTTPS_PROXY');
        // Values come from `env` (not undici's own process.env reads) so tests and the Action agree.
        // No `connect` options with a proxy: undici's ProxyAgent applies them to the target, whose
        // DNS is then the proxy's business.
        this.dispatcher =
            opts.dispatcher ??
                (httpProxy || httpsProxy
                    ? new env_http_proxy_agent({
                        connections,
                        httpProxy: httpProxy ?? '',
                        httpsProxy: httpsProxy ?? '', // like Go and curl: https never falls back to HTTP_PROXY
                        // Like Go's ProxyFromEnvironment: loopback is never proxied (CI service registries).
                        noProxy: [envVar('NO_PROXY'), 'localhost,127.0.0.1,::1'].filter(Boolean).join(','),
                    })
                    : new agent({ connections, connect: { lookup: (0,addresses/* guardedLookup */.rN)() } }));
        const timeout = opts.requestTimeoutMs ?? registry_limits/* DEFAULT_REQUEST_TIMEOUT_MS */.Zc;
        if (!(timeout > 0))
            throw new errors/* GateError */.ue('USAGE', `request timeout: ${timeout} ms is not positive`);
        this.governor = new registry_governor/* RegistryGovernor */.gz({
            concurrency: opts.concurrencyPerRegistry ?? connections,
            ...(opts.deadline !== undefined ? { deadline: opts.deadline } : {}),
            ...(opts.signal ? { signal: opts.signal } : {}),
            log,
        });
        this.transport = new HttpTransport({
            governor: this.governor,
            dispatcher: this.dispatcher,
            requestTimeoutMs: timeout,
            retries: Math.max(1, opts.retries ?? registry_limits/* DEFAULT_RETRIES */.TU),
            ...(opts.signal ? { signal: opts.signal } : {}),
            // A dispatcher of ours ends at the deadline as a whole (below); a given one is not ours to
            // destroy, so each of its requests carries the signal.
            ...(opts.signal && !this.ownsDispatcher ? { requestSignal: opts.signal } : {}),
            insecureRegistries: insecure,
            ...(userLog ? { log } : {}),
            redact,
        });
        this.stats = this.transport.stats;
        if (opts.signal && this.ownsDispatcher)
            this.endAtDeadline(opts.signal);
        const resolver = new CredentialResolver({
            ...(opts.credentials ? { credentials: opts.credentials } : {}),
            ...(opts.dockerConfigPath !== undefined ? { dockerConfigPath: opts.dockerConfigPath } : {}),
            ...(opts.dockerConfig ? { dockerConfig: opts.dockerConfig } : {}),
            ...(opts.githubToken ? { githubToken: opts.githubToken } : {}),
            ...(opts.runCredentialHelper ? { runHelper: opts.runCredentialHelper } : {}),
            env,
            log,
        });
        this.auth = new RegistryAuth(this.transport, resolver, insecure, secrets, log);
    }
    /**
     * Authenticated GETs scoped to one repository (sources/registry.ts `registryStore` makes the
     * content store of it). `registry` is host[:port] as written in the image ref.
     */
    repository(registry, repository) {
        const r = this.scoped(registry, repository, 'pull');
        let referrersApi = this.referrersApi.get(r.origin);
        if (!referrersApi)
            this.referrersApi.set(r.origin, (referrersApi = {}));
        return {
            name: r.name,
            repository: r.repository,
            origin: r.origin,
            referrersApi,
            countsPulls: () => r.countsPulls(),
            get: (pathAndQuery, o) => r.send({
                method: o.method ?? 'GET',
                pathAndQuery,
                headers: { accept: o.accept },
                maxBytes: o.maxBytes,
                what: o.what,
                ...(o.offOrigin429 ? { offOrigin429: o.offOrigin429 } : {}),
            }),
        };
    }
    /**
     * Authenticated requests with push rights on one repository (summaries/push.ts): the same
     * transport, credentials and token cache as reads, with the scope `pull,push`.
     */
    writer(registry, repository) {
        return this.scoped(registry, repository, 'pull,push');
    }
    scoped(registry, repository, actions) {
        const host = (0,hosts/* normalizeHost */.cS)(registry);
        if (host === undefined || host.includes('/'))
            throw new errors/* GateError */.ue('REF_INVALID', `registry ${(0,registry_digest/* quote */.hD)(registry)} is not a host[:port]`);
        // Docker Hub's official images live under library/, which users leave out.
        const repo = (0,hosts/* isDockerHub */.gr)(host) && !repository.includes('/') ? `library/${repository}` : repository;
        if (!(0,registry_digest/* isRepositoryName */.en)(repo))
            throw new errors/* GateError */.ue('REF_INVALID', `repository ${(0,registry_digest/* quote */.hD)(repository)} on ${host} is not a valid repository name`);
        const apiHost = (0,hosts/* apiHostFor */.Qd)(host);
        const scheme = (0,addresses/* isPlainHttpAllowed */.p2)(apiHost, this.insecure) ? 'http' : 'https';
        const origin = `${scheme}://${apiHost}`;
        const target = { registry: host, apiHost, scope: `repository:${repo}:${actions}` };
        return {
            name: `${host}/${repo}`,
            repository: repo,
            origin,
            countsPulls: () => this.governor.countsPulls(apiHost),
            send: async (o) => {
                const url = new URL(o.pathAndQuery, origin);
                if (url.origin !== origin)
                    throw new errors/* GateError */.ue('INTERNAL', `path ${(0,registry_digest/* quote */.hD)(o.pathAndQuery)} leaves ${origin}`);
                const base = {
                    url,
                    method: o.method,
                    headers: o.headers,
                    ...(o.body !== undefined ? { body: o.body } : {}),
                    maxBytes: o.maxBytes,
                    what: o.what,
                    registryHost: apiHost,
                    ...(o.offOrigin429 ? { offOrigin429: o.offOrigin429 } : {}),
                };
                // No await (a promise, a tick) for a registry that asked for no credentials so far.
                let authorization = this.auth.knows(apiHost)
                    ? await this.auth.preemptive(target)
                    : undefined;
                let res = await this.transport.request({
                    ...base,
                    ...(authorization ? { authorization } : {}),
                });
                if (res.status === 401) {
                    authorization = await this.auth.onUnauthorized(target, res.headers.get('www-authenticate'), authorization);
                    res = await this.transport.request({ ...base, authorization });
                }
                if (res.status === 401 || res.status === 403) {
                    throw new errors/* GateError */.ue('AUTH_REFUSED', `${o.what}: registry ${host} refused access (HTTP ${res.status}${(0,http_errors/* errorDetail */.m2)(res)})`);
                }
                return res;
            },
        };
    }
    /**
     * The run's deadline ends every request of ours at once: the dispatcher is destroyed with the
     * signal's reason when it fires, and each request then fails as the deadline (http-errors.ts
     * reads the signal). Not a signal per request: undici adds and removes an abort listener on
     * the shared signal for each one, about 3 % of a key-signed image's CPU (measured, issue 15).
     */
    endAtDeadline(signal) {
        const end = () => {
            this.ended = true;
            this.dispatcher.destroy(signal.reason).catch(() => undefined);
        };
        if (signal.aborted)
            return end();
        signal.addEventListener('abort', end, { once: true });
        this.stopDeadline = () => signal.removeEventListener('abort', end);
    }
    stopDeadline = () => undefined;
    ended = false;
    /**
     * Waits for the requests in flight, then closes the dispatcher. The deadline still ends them
     * while it waits: undici's Agent, once closing, no longer aborts its requests when destroyed
     * (undici 8.12, measured), so it is closed only when none is left.
     */
    async close() {
        if (this.ownsDispatcher && !this.ended)
            await this.transport.idle();
        this.stopDeadline();
        if (!this.ownsDispatcher || this.ended)
            return;
        this.ended = true;
        await this.dispatcher.close();
    }
}
//# sourceMappingURL=client.js.map
// EXTERNAL MODULE: ./build/core/report-finish.js
var report_finish = __webpack_require__(7268);
// EXTERNAL MODULE: ./build/core/summaries/statement.js
var summaries_statement = __webpack_require__(87216);
;// CONCATENATED MODULE: ./build/core/summaries/summaries.js
// A run's verification summaries: one statement per judged image (statement.ts), signed once each
// (sign.ts), written as a bundle file into the summaries directory and, when asked, attached to
// the image as a referrer (push.ts). Any failure here is the run's error (exit 2), said once.





/** Summaries of every judged image, in result order; throws a GateError (the run's error). */
async function produceSummaries(results, run, o, deps) {
    const statements = results.flatMap((r) => {
        const s = (0,summaries_statement/* summaryStatement */.OW)(r, run);
        return s ? [{ result: r, statement: s }] : [];
    });
    if (statements.length === 0)
        return [];
    // Loaded on demand: @sigstore/sign and its HTTP client are for runs that sign summaries.
    const { createSummarySigner } = await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(335), __webpack_require__.e(179), __webpack_require__.e(107)]).then(__webpack_require__.bind(__webpack_require__, 96107));
    const signer = await createSummarySigner(o.signing, {
        env: deps.env,
        ...(deps.idToken ? { idToken: deps.idToken } : {}),
        ...(o.signingConfig ? { signingConfig: o.signingConfig } : {}),
        ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
    });
    try {
        await (0,promises_.mkdir)(o.dir, { recursive: true });
    }
    catch (e) {
        throw new errors/* GateError */.ue('USAGE', `summaries-path: cannot create ${o.dir}: ${message(e)}`, {
            cause: e,
        });
    }
    const records = [];
    for (const [i, { result, statement }] of statements.entries()) {
        const digest = result.digest ?? '';
        const bundle = Buffer.from(`${JSON.stringify(await signer.sign(statement))}\n`);
        const file = external_node_path_.join(o.dir, `${i + 1}-${digest.replace(':', '-')}.sigstore.json`);
        try {
            await (0,promises_.writeFile)(file, bundle);
        }
        catch (e) {
            throw new errors/* GateError */.ue('USAGE', `summaries-path: cannot write ${file}: ${message(e)}`, {
                cause: e,
            });
        }
        const record = {
            image: result.image,
            digest,
            verificationResult: result.outcome === 'verified' ? 'PASSED' : 'FAILED',
            file,
        };
        if (o.push)
            record.referrer = await push(result, bundle, run.timeVerified, deps);
        records.push(record);
    }
    return records;
}
async function push(r, bundle, created, deps) {
    const ref = (0,core_reference/* parseReference */.F2)(r.image);
    if (ref.kind !== 'registry')
        throw new errors/* GateError */.ue('USAGE', `push-summary: ${r.image} is not in a registry; a summary can only be attached to a registry image`);
    try {
        const { pushSummary } = await __webpack_require__.e(/* import() */ 901).then(__webpack_require__.bind(__webpack_require__, 89901));
        const writer = deps.client.writer(ref.registry, ref.repository);
        return await pushSummary(writer, r.digest ?? '', bundle, summaries_statement/* VSA_PREDICATE_TYPE */.cF, created);
    }
    catch (e) {
        const err = (0,errors/* toGateError */.Vl)(e);
        throw new errors/* GateError */.ue(err.code, `push-summary: ${r.image}: ${err.message}`, { cause: e });
    }
}
function message(e) {
    return e instanceof Error ? e.message : String(e);
}
//# sourceMappingURL=summaries.js.map
// EXTERNAL MODULE: ./build/core/shard.js
var shard = __webpack_require__(31998);
;// CONCATENATED MODULE: ./build/core/settings.js
function runSettings(o, env) {
    return {
        images: o.images,
        concurrency: o.concurrency,
        failFast: o.failFast,
        timeoutMs: o.timeoutMs,
        insecureRegistries: o.insecureRegistries,
        registryCredentials: o.registryCredentials,
        ...(o.githubToken ? { githubToken: o.githubToken } : {}),
        githubApiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        trust: {
            offline: o.offline,
            ...(o.trustedRoot ? { trustedRoot: o.trustedRoot } : {}),
            ...(o.tufCacheDir ? { tufCacheDir: o.tufCacheDir } : {}),
            ...(o.tufMirror ? { tufMirror: o.tufMirror } : {}),
            ...(o.tufRoot ? { tufRoot: o.tufRoot } : {}),
        },
    };
}
//# sourceMappingURL=settings.js.map
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./build/core/s3lo/object-store.js
// What an s3lo object store is (an S3 bucket or a local:// directory), as both stores and the
// verifier see it: one bounded read by key, the bounds, and the rule every key must follow.

/** A view of the one table (limits.ts): a manifest may be 4 MiB, a signature record far less. */
const S3LO_LIMITS = {
    manifestBytes: limits/* LIMITS */.b1.manifestBytes,
    recordBytes: limits/* LIMITS */.b1.s3loRecordBytes,
};
/** Object keys built from a parsed reference: relative, slash-separated, no empty/./.. parts. */
function assertSafeKey(key) {
    const parts = key.split('/');
    if (key.startsWith('/') ||
        parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) {
        // Only reachable by a caller bug: references are validated before keys are built.
        throw new Error(`unsafe object key '${key}'`);
    }
}
//# sourceMappingURL=object-store.js.map
;// CONCATENATED MODULE: ./build/core/s3lo/local-store.js
// A local:// s3lo store: objects are files under one root directory. Symlinks are followed only
// while they stay inside the root, so planted links cannot make the verifier read other files.





class LocalS3loStore {
    name;
    root;
    /** `root` as written in the reference (`./store`, `/store`, `store`), resolved against `cwd`. */
    constructor(root, opts) {
        this.name = `local://${root}`;
        this.root = external_node_path_.resolve(opts.cwd, root);
    }
    async getObject(key, maxBytes) {
        assertSafeKey(key);
        const realRoot = await this.resolve(this.root, key);
        if (realRoot === undefined)
            return undefined;
        const real = await this.resolve(external_node_path_.join(this.root, ...key.split('/')), key);
        if (real === undefined)
            return undefined;
        const rel = external_node_path_.relative(realRoot, real);
        if (rel === '' || rel.startsWith('..') || external_node_path_.isAbsolute(rel)) {
            throw new errors/* GateError */.ue('MALFORMED', `${this.name}: ${key} resolves outside the store root (to ${real})`);
        }
        return this.readBounded(real, key, maxBytes);
    }
    async resolve(p, key) {
        try {
            return await (0,promises_.realpath)(p);
        }
        catch (e) {
            return this.mapError(e, key);
        }
    }
    async readBounded(file, key, maxBytes) {
        let handle;
        try {
            // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, so one planted in the
            // store would hang the run (it is refused below as not a regular file; regular files read
            // as before). O_NOFOLLOW: `file` is a realpath, so a symlink here was swapped in since.
            handle = await (0,promises_.open)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK | external_node_fs_.constants.O_NOFOLLOW);
        }
        catch (e) {
            return this.mapError(e, key);
        }
        try {
            const stat = await handle.stat();
            if (!stat.isFile()) {
                throw new errors/* GateError */.ue('MALFORMED', `${this.name}: ${key} is not a regular file`);
            }
            // Read one byte past the limit rather than trusting the size: the file may be growing.
            const buf = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
            let total = 0;
            for (;;) {
                const { bytesRead } = await handle.read(buf, total, buf.length - total, total);
                if (bytesRead === 0)
                    break;
                total += bytesRead;
                if (total > maxBytes) {
                    throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `${this.name}: ${key} is larger than ${maxBytes} bytes`);
                }
                if (total === buf.length)
                    break;
            }
            return new Uint8Array(buf.subarray(0, total));
        }
        catch (e) {
            if (e instanceof errors/* GateError */.ue)
                throw e;
            return this.mapError(e, key);
        }
        finally {
            await handle.close();
        }
    }
    mapError(e, key) {
        const code = e?.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        if (code === 'EACCES' || code === 'EPERM') {
            throw new errors/* GateError */.ue('AUTH_REFUSED', `${this.name}: permission denied reading ${key}`, {
                cause: e,
            });
        }
        if (code === 'ELOOP') {
            throw new errors/* GateError */.ue('MALFORMED', `${this.name}: ${key} is a symlink loop`, { cause: e });
        }
        if (code === 'EISDIR') {
            throw new errors/* GateError */.ue('MALFORMED', `${this.name}: ${key} is not a regular file`, { cause: e });
        }
        const message = e instanceof Error ? e.message : String(e);
        throw new errors/* GateError */.ue('REGISTRY_ERROR', `${this.name}: cannot read ${key}: ${message}`, {
            cause: e,
        });
    }
}
//# sourceMappingURL=local-store.js.map
;// CONCATENATED MODULE: ./build/core/s3lo/s3-store.js
// The AWS SDK is large: load it on the first s3:// read, not at every process start.
const sdk = () => Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 53711, 19));



class S3S3loStore {
    name;
    opts;
    endpoint;
    client;
    constructor(opts) {
        this.opts = opts;
        this.name = `s3://${opts.bucket}`;
        const env = opts.env ?? process.env;
        const endpoint = opts.endpoint ?? env['AWS_ENDPOINT_URL_S3'] ?? env['AWS_ENDPOINT_URL'];
        this.endpoint = endpoint === '' ? undefined : endpoint;
    }
    async getObject(key, maxBytes) {
        assertSafeKey(key);
        const client = await this.getClient();
        const { GetObjectCommand } = await sdk();
        const timeoutMs = this.opts.timeoutMs ?? 60_000;
        const signal = AbortSignal.timeout(timeoutMs);
        const where = `${this.name}/${key}`;
        try {
            const out = await client.send(new GetObjectCommand({ Bucket: this.opts.bucket, Key: key }), {
                abortSignal: signal,
            });
            if (out.ContentLength !== undefined && out.ContentLength > maxBytes) {
                destroyBody(out.Body);
                throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `${where} is ${out.ContentLength} bytes, limit ${maxBytes}`);
            }
            if (out.Body === undefined)
                return new Uint8Array();
            // Content-Length is only a hint: count what actually arrives and stop one chunk past the cap.
            const chunks = [];
            let total = 0;
            for await (const chunk of out.Body) {
                total += chunk.byteLength;
                if (total > maxBytes) {
                    destroyBody(out.Body);
                    throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `${where} is larger than ${maxBytes} bytes`);
                }
                chunks.push(chunk);
            }
            return new Uint8Array(Buffer.concat(chunks));
        }
        catch (e) {
            if (e instanceof errors/* GateError */.ue)
                throw e;
            if (signal.aborted) {
                throw new errors/* GateError */.ue('TIMEOUT', `${where}: no complete response within ${timeoutMs} ms`, {
                    cause: e,
                });
            }
            return mapS3Error(e, where);
        }
    }
    getClient() {
        this.client ??= this.makeClient();
        return this.client;
    }
    async makeClient() {
        const { S3Client } = await sdk();
        const base = {
            maxAttempts: this.opts.maxAttempts ?? 3,
            requestHandler: {
                connectionTimeout: 10_000,
                requestTimeout: 30_000,
                throwOnRequestTimeout: true,
            },
        };
        if (this.opts.credentials !== undefined)
            base.credentials = this.opts.credentials;
        if (this.endpoint !== undefined) {
            checkEndpoint(this.endpoint, this.opts.allowInsecureHttp === true);
            // As s3lo does for MinIO/R2/Ceph: path-style addressing and no region discovery.
            return new S3Client({
                ...base,
                endpoint: this.endpoint,
                forcePathStyle: true,
                region: this.opts.region ?? 'us-east-1',
            });
        }
        if (this.opts.region !== undefined) {
            return new S3Client({ ...base, region: this.opts.region, followRegionRedirects: true });
        }
        // Region from env/profile when there is one; otherwise us-east-1, and let S3's redirect tell
        // us the bucket's real region (s3lo asks GetBucketLocation for the same reason).
        const probe = new S3Client({ ...base, followRegionRedirects: true });
        try {
            await probe.config.region();
            return probe;
        }
        catch {
            probe.destroy();
            return new S3Client({ ...base, region: 'us-east-1', followRegionRedirects: true });
        }
    }
}
function checkEndpoint(endpoint, allowInsecureHttp) {
    let url;
    try {
        url = new URL(endpoint);
    }
    catch (e) {
        throw new errors/* GateError */.ue('USAGE', `S3 endpoint '${endpoint}' is not a URL`, { cause: e });
    }
    if (url.protocol === 'https:')
        return;
    if (url.protocol !== 'http:') {
        throw new errors/* GateError */.ue('USAGE', `S3 endpoint '${endpoint}': scheme must be https or http`);
    }
    if (!(0,addresses/* isLoopbackHost */.cW)(url.hostname) && !allowInsecureHttp) {
        throw new errors/* GateError */.ue('INSECURE', `S3 endpoint '${endpoint}' uses plain http to a non-loopback host`);
    }
}
function destroyBody(body) {
    const destroy = body?.destroy;
    if (typeof destroy === 'function')
        destroy.call(body);
}
/** 404 means "does not exist" (a failure upstream); every other outcome is an exit-2 error. */
function mapS3Error(e, where) {
    const err = (typeof e === 'object' && e !== null ? e : {});
    const status = err.$metadata?.httpStatusCode;
    const name = err.name ?? 'Error';
    const detail = `${name}${err.message && err.message !== name ? `: ${err.message}` : ''}`;
    if (status === 404 || name === 'NoSuchKey' || name === 'NoSuchBucket' || name === 'NotFound') {
        return undefined;
    }
    if (status === 401 || status === 403) {
        throw new errors/* GateError */.ue('AUTH_REFUSED', `${where}: access refused (HTTP ${status}, ${detail})`, {
            cause: e,
        });
    }
    if (name === 'CredentialsProviderError') {
        throw new errors/* GateError */.ue('AUTH_REFUSED', `${where}: no usable AWS credentials (${detail})`, {
            cause: e,
        });
    }
    if (name === 'TimeoutError' || name === 'AbortError' || err.code === 'ETIMEDOUT') {
        throw new errors/* GateError */.ue('TIMEOUT', `${where}: ${detail}`, { cause: e });
    }
    if (status !== undefined) {
        throw new errors/* GateError */.ue('REGISTRY_ERROR', `${where}: HTTP ${status} (${detail})`, { cause: e });
    }
    throw new errors/* GateError */.ue('NETWORK', `${where}: ${err.code ?? detail}`, { cause: e });
}
//# sourceMappingURL=s3-store.js.map
;// CONCATENATED MODULE: ./build/core/s3lo/store.js
// Opens the object store an s3lo reference names (its local:// root or its S3 bucket), metered
// against the byte budget. What a store is lives in object-store.ts, which both stores import.



/** The store a reference names: its local root directory, or its S3 bucket. */
function createS3loStore(ref, opts = {}) {
    const store = ref.scheme === 'local'
        ? new LocalS3loStore(ref.bucket, { cwd: opts.cwd ?? process.cwd() })
        : new S3S3loStore({ ...opts.s3, bucket: ref.bucket });
    return metered(store);
}
/** Every object read counts against the byte budget of the image it is read for (limits.ts). */
function metered(store) {
    return {
        name: store.name,
        async getObject(key, maxBytes) {
            const bytes = await store.getObject(key, maxBytes);
            if (bytes)
                (0,limits/* chargeRead */.JO)(bytes.length, `${store.name}/${key}`);
            return bytes;
        },
    };
}

//# sourceMappingURL=store.js.map
// EXTERNAL MODULE: ./build/core/types.js
var types = __webpack_require__(50559);
;// CONCATENATED MODULE: ./build/core/registry/manifest.js
// Strict parsing of manifests, indexes and descriptors received from any store. Everything here
// is attacker-writable: shape errors are MALFORMED (exit 1), never guessed around.




const INDEX_TYPES = new Set([types/* MEDIA_TYPES */.Z.ociIndex, types/* MEDIA_TYPES */.Z.dockerManifestList]);
const MANIFEST_TYPES = new Set([types/* MEDIA_TYPES */.Z.ociManifest, types/* MEDIA_TYPES */.Z.dockerManifest]);
/** `type/subtype` of a Content-Type header, parameters dropped, lower case; undefined if absent. */
function baseMediaType(contentType) {
    if (contentType === null || contentType === undefined)
        return undefined;
    const t = contentType.split(';')[0].trim().toLowerCase();
    return t === '' ? undefined : t;
}
function isIndexMediaType(mediaType) {
    return INDEX_TYPES.has(mediaType);
}
/**
 * Parses manifest bytes. `contentType` is the transport's claim (HTTP Content-Type, layout
 * descriptor media type); when both it and the document's `mediaType` exist they must agree.
 */
function parseManifest(bytes, contentType, what) {
    const o = parseJsonObject(bytes, what);
    if (o.schemaVersion !== 2) {
        throw new errors/* GateError */.ue('MALFORMED', `${what}: schemaVersion is ${(0,registry_digest/* quote */.hD)(String(o.schemaVersion))}, expected 2`);
    }
    const declared = optString(o.mediaType, `${what}: mediaType`);
    const ct = baseMediaType(contentType);
    if (declared !== undefined && ct !== undefined && declared !== ct) {
        throw new errors/* GateError */.ue('MALFORMED', `${what}: mediaType ${(0,registry_digest/* quote */.hD)(declared)} differs from Content-Type ${(0,registry_digest/* quote */.hD)(ct)}`);
    }
    if (o.manifests !== undefined && (o.layers !== undefined || o.config !== undefined)) {
        throw new errors/* GateError */.ue('MALFORMED', `${what}: has both "manifests" and "layers"/"config" (ambiguous index/manifest)`);
    }
    const mediaType = declared ??
        (ct !== undefined && (INDEX_TYPES.has(ct) || MANIFEST_TYPES.has(ct)) ? ct : undefined) ??
        (o.manifests !== undefined ? types/* MEDIA_TYPES */.Z.ociIndex : types/* MEDIA_TYPES */.Z.ociManifest);
    const m = { schemaVersion: 2, mediaType };
    if (INDEX_TYPES.has(mediaType)) {
        m.manifests = descriptorList(o.manifests, `${what}: manifests`);
    }
    else if (MANIFEST_TYPES.has(mediaType)) {
        m.config = parseDescriptor(o.config, `${what}: config`);
        m.layers = descriptorList(o.layers, `${what}: layers`);
    }
    else {
        throw new errors/* GateError */.ue('MALFORMED', `${what}: unsupported media type ${(0,registry_digest/* quote */.hD)(mediaType)}`);
    }
    const artifactType = optString(o.artifactType, `${what}: artifactType`);
    if (artifactType !== undefined)
        m.artifactType = artifactType;
    if (o.subject !== undefined)
        m.subject = parseDescriptor(o.subject, `${what}: subject`);
    const annotations = optAnnotations(o.annotations, `${what}: annotations`);
    if (annotations)
        m.annotations = annotations;
    return { manifest: m, mediaType };
}
/** An OCI index (e.g. a referrers response), entries validated; count checked before the loop. */
function parseIndex(bytes, what, maxEntries) {
    const o = parseJsonObject(bytes, what);
    const declared = optString(o.mediaType, `${what}: mediaType`);
    if (declared !== undefined && declared !== types/* MEDIA_TYPES */.Z.ociIndex) {
        throw new errors/* GateError */.ue('MALFORMED', `${what}: mediaType ${(0,registry_digest/* quote */.hD)(declared)} is not an OCI index`);
    }
    if (!Array.isArray(o.manifests))
        throw new errors/* GateError */.ue('MALFORMED', `${what}: "manifests" is not a list`);
    if (o.manifests.length > maxEntries) {
        throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `${what}: ${o.manifests.length} entries, more than the limit of ${maxEntries}`);
    }
    return o.manifests.map((d, i) => parseDescriptor(d, `${what}: manifests[${i}]`));
}
function parseDescriptor(v, where) {
    if (!manifest_isObject(v))
        throw new errors/* GateError */.ue('MALFORMED', `${where}: not a descriptor object`);
    goSpelling(v, DESCRIPTOR_FIELDS, where);
    if (manifest_isObject(v.platform))
        goSpelling(v.platform, PLATFORM_FIELDS, `${where}.platform`);
    if (typeof v.mediaType !== 'string' || v.mediaType === '')
        throw new errors/* GateError */.ue('MALFORMED', `${where}.mediaType: missing or not a string`);
    if (typeof v.digest !== 'string')
        throw new errors/* GateError */.ue('MALFORMED', `${where}.digest: missing or not a string`);
    (0,registry_digest/* assertDigest */.V7)(v.digest, 'content', `${where}.digest`);
    if (typeof v.size !== 'number' || !Number.isSafeInteger(v.size) || v.size < 0) {
        throw new errors/* GateError */.ue('MALFORMED', `${where}.size: ${(0,registry_digest/* quote */.hD)(String(v.size))} is not a non-negative integer`);
    }
    const d = { mediaType: v.mediaType, digest: v.digest, size: v.size };
    const artifactType = optString(v.artifactType, `${where}.artifactType`);
    if (artifactType !== undefined)
        d.artifactType = artifactType;
    const annotations = optAnnotations(v.annotations, `${where}.annotations`);
    if (annotations)
        d.annotations = annotations;
    if (v.platform !== undefined) {
        const p = v.platform;
        if (!manifest_isObject(p) || typeof p.os !== 'string' || typeof p.architecture !== 'string') {
            throw new errors/* GateError */.ue('MALFORMED', `${where}.platform: needs string "os" and "architecture"`);
        }
        d.platform = { os: p.os, architecture: p.architecture };
        const variant = optString(p.variant, `${where}.platform.variant`);
        if (variant !== undefined)
            d.platform.variant = variant;
    }
    return d;
}
function descriptorList(v, where) {
    if (!Array.isArray(v))
        throw new errors/* GateError */.ue('MALFORMED', `${where}: missing or not a list`);
    return v.map((d, i) => parseDescriptor(d, `${where}[${i}]`));
}
function parseJsonObject(bytes, what) {
    let v;
    try {
        // Runtimes read this in Go: keys colliding under its case folding, or a BOM, would make
        // them read another document than the one judged here.
        v = (0,strict_json/* parseStrictJsonBytes */.ml)(bytes);
    }
    catch (e) {
        const why = e instanceof Error ? `: ${e.message}` : '';
        throw new errors/* GateError */.ue('MALFORMED', `${what}: not valid JSON${why}`, { cause: e });
    }
    if (!manifest_isObject(v))
        throw new errors/* GateError */.ue('MALFORMED', `${what}: not a JSON object`);
    goSpelling(v, MANIFEST_FIELDS, what);
    return v;
}
const MANIFEST_FIELDS = [
    'schemaVersion',
    'mediaType',
    'artifactType',
    'config',
    'layers',
    'manifests',
    'subject',
    'annotations',
];
const DESCRIPTOR_FIELDS = [
    'mediaType',
    'digest',
    'size',
    'urls',
    'annotations',
    'data',
    'platform',
    'artifactType',
];
const PLATFORM_FIELDS = ['architecture', 'os', 'os.version', 'os.features', 'variant', 'features'];
/**
 * Go's encoding/json fills a struct field from a key in any case ("Platform", "DIGEST"): such a
 * key would be a field to a runtime and unknown here, so it is refused rather than ignored.
 */
function goSpelling(o, fields, where) {
    for (const k of Object.keys(o)) {
        if (fields.includes(k))
            continue;
        const f = fields.find((x) => (0,strict_json/* goFoldKey */.Zt)(x) === (0,strict_json/* goFoldKey */.Zt)(k));
        if (f !== undefined)
            throw new errors/* GateError */.ue('MALFORMED', `${where}: key ${(0,registry_digest/* quote */.hD)(k)} is ${(0,registry_digest/* quote */.hD)(f)} to a Go reader (keys match case-insensitively)`);
    }
}
function manifest_isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function optString(v, where) {
    if (v === undefined)
        return undefined;
    if (typeof v !== 'string')
        throw new errors/* GateError */.ue('MALFORMED', `${where}: not a string`);
    return v;
}
function optAnnotations(v, where) {
    if (v === undefined)
        return undefined;
    if (!manifest_isObject(v))
        throw new errors/* GateError */.ue('MALFORMED', `${where}: not an object`);
    const out = {};
    for (const [k, val] of Object.entries(v)) {
        if (typeof val !== 'string')
            throw new errors/* GateError */.ue('MALFORMED', `${where}[${(0,registry_digest/* quote */.hD)(k)}]: not a string`);
        Object.defineProperty(out, k, {
            value: val,
            enumerable: true,
            writable: true,
            configurable: true,
        });
    }
    return out;
}
//# sourceMappingURL=manifest.js.map
;// CONCATENATED MODULE: ./build/core/sources/oci-layout-index.js
// How the entries of a layout's index.json are read as signature storage: `cosign save`'s
// untagged `kind` entries (image, sigs, atts) and OCI 1.1 referrers listed with a `subject`.


/** The annotation key and values `cosign save` writes (cosign pkg/oci/layout/index.go). */
const COSIGN_KIND = 'kind';
const COSIGN_KINDS = {
    image: 'dev.cosignproject.cosign/image',
    imageIndex: 'dev.cosignproject.cosign/imageIndex',
    sigs: 'dev.cosignproject.cosign/sigs',
    atts: 'dev.cosignproject.cosign/atts',
};
/** Media types an index.json entry may have and still be a manifest that names a subject. */
const MANIFEST_ENTRY_TYPES = new Set([
    types/* MEDIA_TYPES */.Z.ociManifest,
    types/* MEDIA_TYPES */.Z.ociIndex,
    types/* MEDIA_TYPES */.Z.dockerManifest,
    types/* MEDIA_TYPES */.Z.dockerManifestList,
]);
function entryName(desc, i) {
    const kind = desc.annotations?.[COSIGN_KIND];
    return `index.json manifests[${i}] (${kind !== undefined ? `kind ${kind}, ` : ''}${desc.digest})`;
}
/** An entry `cosign save` wrote for the image itself (kind image or imageIndex). */
function isCosignImageEntry(desc) {
    const kind = desc.annotations?.[COSIGN_KIND];
    return kind === COSIGN_KINDS.image || kind === COSIGN_KINDS.imageIndex;
}
const SIGNATURE_TAG = /^(sha256)-([a-f0-9]{64})\.(sig|att)$/;
/**
 * The `cosign save` entry that stands for the tag `sha256-<hex>.sig` (kind sigs) or `.att` (kind
 * atts) of a layout, or undefined when the layout holds none for that digest.
 *
 * cosign writes one image (or image index) per layout, untagged, with at most one sigs and one
 * atts entry beside it, and links them by nothing but sharing the layout. So the entries stand for
 * the tag only when the digest is that of the layout's one image entry; anything else that cannot
 * be told apart (several image entries, several sigs entries, sigs without an image) is MALFORMED,
 * naming the layout and the entries. What the entry holds is still only a candidate: each
 * signature's payload must name the image digest before the verifier accepts it.
 */
function cosignSavedEntry(entries, tag, layout) {
    const m = SIGNATURE_TAG.exec(tag);
    if (!m)
        return undefined;
    const digest = `${m[1]}:${m[2]}`;
    const kind = m[3] === 'sig' ? COSIGN_KINDS.sigs : COSIGN_KINDS.atts;
    const named = entries.map((desc, i) => ({ desc, where: entryName(desc, i) }));
    const images = named.filter((e) => isCosignImageEntry(e.desc));
    const held = named.filter((e) => e.desc.annotations?.[COSIGN_KIND] === kind);
    if (held.length === 0)
        return undefined;
    if (images.length === 0)
        throw new errors/* GateError */.ue('MALFORMED', `${layout}: ${held[0].where} belongs to no ${COSIGN_KINDS.image} or ${COSIGN_KINDS.imageIndex} entry`);
    if (!images.some((e) => e.desc.digest === digest))
        return undefined;
    if (images.length > 1)
        throw new errors/* GateError */.ue('MALFORMED', `${layout}: ${images.length} cosign image entries (${list(images)}): cannot tell which one ${held[0].where} belongs to`);
    if (held.length > 1)
        throw new errors/* GateError */.ue('MALFORMED', `${layout}: ${held.length} entries of kind ${kind} for one image (${list(held)})`);
    return held[0];
}
const list = (es) => es.map((e) => e.where).join(', ');
/**
 * The descriptor a registry's referrers API would list for manifest `m` (OCI distribution spec:
 * artifactType falls back to the config media type, annotations are the manifest's own), built
 * from the manifest read and hashed, never from what index.json claims about it.
 */
function referrerDescriptor(m, mediaType, digest, size) {
    const d = { mediaType, digest, size };
    const artifactType = m.artifactType ?? m.config?.mediaType;
    if (artifactType !== undefined)
        d.artifactType = artifactType;
    if (m.annotations)
        d.annotations = m.annotations;
    return d;
}
//# sourceMappingURL=oci-layout-index.js.map
;// CONCATENATED MODULE: ./build/core/sources/oci-layout.js
// A ContentStore over an OCI image layout directory (index.json + blobs/<alg>/<hex>). Tags are the
// `org.opencontainers.image.ref.name` annotations; every blob read is hashed against its digest.
// Signatures are found as tools write them: `sha256-<hex>.sig` tags, `cosign save`'s `kind`
// entries (oci-layout-index.ts), and OCI 1.1 referrers listed untagged with a `subject` (oras).








const REF_NAME = 'org.opencontainers.image.ref.name';
/** Files of blobs/sha256 looked through for unlisted referrers (a saved image has dozens). */
const UNLISTED_SCAN_FILES = 10_000;
class OciLayoutStore {
    dir;
    name;
    index;
    /** Referrers by subject digest, from the manifests index.json lists; read once per store. */
    referrers;
    constructor(dir) {
        this.dir = dir;
        this.name = `oci-layout://${dir}`;
    }
    async readFileCapped(rel, maxBytes) {
        const file = external_node_path_.join(this.dir, rel);
        let fh;
        try {
            // Only regular files: opening a FIFO planted in the layout would block past any deadline.
            if (!(await (0,promises_.stat)(file)).isFile())
                throw new errors/* GateError */.ue('MALFORMED', `${this.name}: ${rel} is not a regular file`);
            fh = await (0,promises_.open)(file, 'r');
        }
        catch (e) {
            if (e instanceof errors/* GateError */.ue)
                throw e;
            const code = e.code;
            if (code === 'ENOENT')
                return undefined;
            throw new errors/* GateError */.ue('REGISTRY_ERROR', `${this.name}: cannot read ${rel}: ${String(code)}`, {
                cause: e,
            });
        }
        try {
            const st = await fh.stat();
            if (st.size > maxBytes)
                throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `${this.name}: ${rel} is ${st.size} bytes, limit ${maxBytes}`);
            const buf = Buffer.alloc(st.size);
            const { bytesRead } = await fh.read(buf, 0, st.size, 0);
            (0,limits/* chargeRead */.JO)(bytesRead, `${this.name}: ${rel}`);
            return buf.subarray(0, bytesRead);
        }
        finally {
            await fh.close();
        }
    }
    loadIndex() {
        this.index ??= (async () => {
            const bytes = await this.readFileCapped('index.json', limits/* LIMITS */.b1.manifestBytes);
            if (!bytes)
                throw new errors/* GateError */.ue('NOT_FOUND', `${this.name}: no index.json (not an OCI image layout)`);
            return parseIndex(bytes, `${this.name}/index.json`, limits/* LIMITS */.b1.layersPerManifest);
        })();
        return this.index;
    }
    async getManifest(reference) {
        const entries = await this.loadIndex();
        if ((0,core_reference/* isDigest */.Bc)(reference)) {
            const bytes = await this.readBlob(reference, limits/* LIMITS */.b1.manifestBytes);
            if (!bytes)
                return undefined;
            return this.parse('', reference, bytes, `${this.name}@${reference}`);
        }
        const matching = entries
            .map((desc, i) => ({ desc, where: entryName(desc, i) }))
            .filter((e) => e.desc.annotations?.[REF_NAME] === reference);
        if (matching.length > 1)
            throw new errors/* GateError */.ue('MALFORMED', `${this.name}: tag '${reference}' names several manifests`);
        const entry = matching[0] ?? cosignSavedEntry(entries, reference, this.name);
        if (!entry)
            return undefined;
        const found = await this.readEntry(entry);
        if (matching.length === 0 && found.manifest.layers === undefined)
            throw new errors/* GateError */.ue('MALFORMED', `${this.name}: ${entry.where} is an index, not a signature manifest`);
        return found;
    }
    /**
     * OCI 1.1 referrers of `digest`: the manifests index.json lists whose `subject` names it, as
     * `oras copy -r` to a layout leaves them (untagged; oras writes no referrers index), and those
     * `cosign save` leaves unlisted (see unlistedReferrers). Undefined
     * when none is of `artifactType`, so that discovery then looks for the `sha256-<hex>` tag index.
     */
    async getReferrers(digest, artifactType) {
        this.referrers ??= this.scanReferrers().catch((e) => {
            // A scan cut short (by an image's byte budget, say) is not the layout's answer: retry later.
            this.referrers = undefined;
            throw e;
        });
        const listed = (await this.referrers).get(digest) ?? [];
        const all = [...listed, ...(await this.unlistedReferrers(digest))];
        const matching = all.filter((d) => artifactType === undefined || d.artifactType === artifactType);
        return matching.length > 0 ? matching : undefined;
    }
    async scanReferrers() {
        const bySubject = new Map();
        for (const [i, desc] of (await this.loadIndex()).entries()) {
            // Only manifests name a subject; other entries (deprecated artifact manifests, blobs) are skipped.
            if (!MANIFEST_ENTRY_TYPES.has(desc.mediaType))
                continue;
            // Every entry is read: any unreadable one could be a referrer, so it is an error, not skipped.
            const found = await this.readEntry({ desc, where: entryName(desc, i) });
            const subject = found.manifest.subject?.digest;
            if (subject === undefined)
                continue;
            const d = referrerDescriptor(found.manifest, found.mediaType, found.digest, found.bytes.length);
            bySubject.set(subject, [...(bySubject.get(subject) ?? []), d]);
        }
        return bySubject;
    }
    /**
     * `cosign save` of an image cosign v3 signed: its bundle referrers are written to blobs/ but not
     * listed, each write starting from an empty index.json again (cosign's `verify --local-image`
     * scans blobs/sha256 for them). So for the digest of the layout's cosign image entry, and only
     * there, the unlisted blobs that may be manifests (JSON, no larger than a manifest may be) are
     * read, and those whose `subject` is `digest` are its referrers, once their bytes hash to their
     * file name. Other blobs (layers, configs) are passed over.
     */
    async unlistedReferrers(digest) {
        const entries = await this.loadIndex();
        if (!entries.some((d) => isCosignImageEntry(d) && d.digest === digest))
            return [];
        const names = await this.blobNames();
        if (names.length > UNLISTED_SCAN_FILES)
            throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `${this.name}: blobs/sha256 holds ${names.length} files, limit ${UNLISTED_SCAN_FILES} looked through for unlisted referrers`);
        const listed = new Set(entries.map((d) => d.digest));
        const found = [];
        for (const hex of names.filter((n) => /^[a-f0-9]{64}$/.test(n)).sort()) {
            if (listed.has(`sha256:${hex}`))
                continue;
            const rel = external_node_path_.join('blobs', 'sha256', hex);
            if (!(await this.mayBeManifest(rel)))
                continue;
            const bytes = await this.readFileCapped(rel, limits/* LIMITS */.b1.manifestBytes);
            if (!bytes)
                continue;
            let parsed;
            try {
                parsed = parseManifest(bytes, undefined, `${this.name}: ${rel}`);
            }
            catch (e) {
                if (e instanceof errors/* GateError */.ue && e.code === 'MALFORMED')
                    continue; // a config, not a manifest
                throw e;
            }
            if (parsed.manifest.subject?.digest !== digest)
                continue;
            const got = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
            if (got !== `sha256:${hex}`)
                throw new errors/* GateError */.ue('DIGEST_MISMATCH', `${this.name}: unlisted ${rel} names ${digest} as its subject but holds bytes hashing to ${got}`);
            found.push(referrerDescriptor(parsed.manifest, parsed.mediaType, got, bytes.length));
        }
        return found;
    }
    async blobNames() {
        try {
            return await (0,promises_.readdir)(external_node_path_.join(this.dir, 'blobs', 'sha256'));
        }
        catch (e) {
            const code = e.code;
            if (code === 'ENOENT')
                return [];
            throw new errors/* GateError */.ue('REGISTRY_ERROR', `${this.name}: cannot list blobs/sha256: ${code}`, {
                cause: e,
            });
        }
    }
    /** A regular file no larger than LIMITS.manifestBytes whose first byte opens a JSON object. */
    async mayBeManifest(rel) {
        const file = external_node_path_.join(this.dir, rel);
        const st = await (0,promises_.stat)(file).catch(() => undefined);
        if (!st?.isFile() || st.size > limits/* LIMITS */.b1.manifestBytes || st.size === 0)
            return false;
        const fh = await (0,promises_.open)(file, 'r').catch(() => undefined);
        if (!fh)
            return false;
        try {
            const first = Buffer.alloc(1);
            const { bytesRead } = await fh.read(first, 0, 1, 0);
            (0,limits/* chargeRead */.JO)(bytesRead, `${this.name}: ${rel}`);
            return first[0] === 0x7b; // '{': cosign writes its manifests as compact JSON
        }
        finally {
            await fh.close();
        }
    }
    /** The manifest an index.json entry names; every fault names the layout and the entry. */
    async readEntry(entry) {
        const { desc, where } = entry;
        let bytes;
        try {
            bytes = await this.readBlob(desc.digest, limits/* LIMITS */.b1.manifestBytes);
        }
        catch (e) {
            if (!(e instanceof errors/* GateError */.ue))
                throw e;
            const rest = e.message.startsWith(`${this.name}: `)
                ? e.message.slice(this.name.length + 2)
                : e.message;
            throw new errors/* GateError */.ue(e.code, `${this.name}: ${where}: ${rest}`, { cause: e });
        }
        const [alg, hex] = desc.digest.split(':');
        if (!bytes)
            throw new errors/* GateError */.ue('MALFORMED', `${this.name}: ${where}: its manifest blobs/${alg}/${hex} is missing`);
        if (bytes.length !== desc.size)
            throw new errors/* GateError */.ue('MALFORMED', `${this.name}: ${where}: declares ${desc.size} bytes, its manifest has ${bytes.length}`);
        return this.parse(desc.mediaType, desc.digest, bytes, `${this.name}: ${where}`);
    }
    /** `claimed`: the media type index.json gives, which the document must not contradict. */
    parse(claimed, digest, bytes, what) {
        const { manifest, mediaType } = parseManifest(bytes, claimed || undefined, what);
        return { digest, mediaType, bytes, manifest };
    }
    async getBlob(digest, maxBytes) {
        const bytes = await this.readBlob(digest, maxBytes);
        if (!bytes)
            throw new errors/* GateError */.ue('NOT_FOUND', `${this.name}: blob ${digest} not found`);
        return bytes;
    }
    async readBlob(digest, maxBytes) {
        // Digest syntax is checked before it becomes a path: no traversal through a descriptor.
        if (!(0,core_reference/* isDigest */.Bc)(digest))
            throw new errors/* GateError */.ue('MALFORMED', `${this.name}: '${digest}' is not a valid digest`);
        const [alg, hex] = digest.split(':');
        const bytes = await this.readFileCapped(external_node_path_.join('blobs', alg, hex), maxBytes);
        if (!bytes)
            return undefined;
        const got = `${alg}:${(0,external_node_crypto_.createHash)(alg).update(bytes).digest('hex')}`;
        if (got !== digest)
            throw new errors/* GateError */.ue('DIGEST_MISMATCH', `${this.name}: blob ${digest} holds bytes hashing to ${got}`);
        return bytes;
    }
}
//# sourceMappingURL=oci-layout.js.map
;// CONCATENATED MODULE: ./build/core/sources/registry.js
// ContentStore over one registry repository: manifests, blobs and OCI 1.1 referrers, each
// checked against the digest asked for or computed here, under streaming size and count caps.







/** The content store of one repository; `registry` is host[:port] as written in the image ref. */
function registryStore(client, registry, repository) {
    return new RegistryStore(client.repository(registry, repository));
}
class RegistryStore {
    repo;
    name;
    constructor(repo) {
        this.repo = repo;
        this.name = repo.name;
    }
    async getManifest(reference) {
        const byDigest = reference.includes(':');
        const expected = byDigest
            ? (0,registry_digest/* assertDigest */.V7)(reference, 'input', `manifest reference for ${this.name}`)
            : undefined;
        if (!byDigest && !(0,registry_digest/* isTag */.dz)(reference)) {
            throw new errors/* GateError */.ue('USAGE', `manifest reference for ${this.name}: ${(0,registry_digest/* quote */.hD)(reference)} is neither a tag nor a digest`);
        }
        const what = `manifest ${this.name}${byDigest ? '@' : ':'}${reference}`;
        const res = await this.repo.get(`/v2/${this.repo.repository}/manifests/${reference}`, {
            accept: types/* MANIFEST_ACCEPT */.d.join(', '),
            maxBytes: registry_limits/* MAX_MANIFEST_BYTES */.ZJ,
            what,
        });
        if (res.status === 404)
            return undefined;
        this.expectOk(res, what);
        const bytes = res.body;
        let digest;
        if (expected) {
            if (!(0,registry_digest/* digestMatches */.U2)(bytes, expected)) {
                throw new errors/* GateError */.ue('DIGEST_MISMATCH', `${what}: registry returned bytes that hash to ${(0,registry_digest/* computeDigest */.MK)(bytes, expected.algorithm)}`);
            }
            digest = reference;
        }
        else {
            digest = (0,registry_digest/* computeDigest */.MK)(bytes);
        }
        const header = res.headers.get('docker-content-digest');
        if (header !== null) {
            const claimed = (0,registry_digest/* parseDigest */.m)(header.trim());
            // The digest just computed or checked answers a claim in its own algorithm (the usual
            // case): the bytes are hashed once, not again for the header.
            const agrees = claimed !== undefined &&
                (digest.startsWith(`${claimed.algorithm}:`)
                    ? digest === `${claimed.algorithm}:${claimed.hex}`
                    : (0,registry_digest/* digestMatches */.U2)(bytes, claimed));
            if (!agrees) {
                throw new errors/* GateError */.ue('DIGEST_MISMATCH', `${what}: Docker-Content-Digest ${(0,registry_digest/* quote */.hD)(header)} does not match the received bytes (${digest})`);
            }
        }
        const { manifest, mediaType } = parseManifest(bytes, res.headers.get('content-type') ?? undefined, what);
        return { digest, mediaType, bytes, manifest };
    }
    /** Whether the registry counts manifest GETs as pulls (then batch.ts resolves tags by HEAD). */
    countsPulls() {
        return this.repo.countsPulls?.() ?? false;
    }
    /**
     * A tag's digest by HEAD (`Docker-Content-Digest`), which Docker Hub does not count as a pull;
     * undefined when the registry says the tag does not exist. The manifest itself is then fetched
     * by that digest and checked against it (getManifest), once per digest in the run. A HEAD
     * without a well-formed digest header falls back to GET, which hashes what it receives.
     */
    async resolve(tag) {
        if (!(0,registry_digest/* isTag */.dz)(tag))
            throw new errors/* GateError */.ue('USAGE', `manifest reference for ${this.name}: ${(0,registry_digest/* quote */.hD)(tag)} is not a tag`);
        const what = `manifest ${this.name}:${tag}`;
        const res = await this.repo.get(`/v2/${this.repo.repository}/manifests/${tag}`, {
            accept: types/* MANIFEST_ACCEPT */.d.join(', '),
            maxBytes: registry_limits/* MAX_MANIFEST_BYTES */.ZJ,
            what,
            method: 'HEAD',
        });
        if (res.status === 404)
            return undefined;
        this.expectOk(res, what);
        const header = res.headers.get('docker-content-digest')?.trim();
        if (header !== undefined && (0,registry_digest/* parseDigest */.m)(header))
            return { digest: header };
        const fetched = await this.getManifest(tag);
        return fetched ? { digest: fetched.digest, fetched } : undefined;
    }
    async getBlob(digest, maxBytes) {
        const expected = (0,registry_digest/* assertDigest */.V7)(digest, 'content', `blob digest in ${this.name}`);
        if (!Number.isSafeInteger(maxBytes) || maxBytes < 0)
            throw new errors/* GateError */.ue('INTERNAL', `blob size cap ${maxBytes} is not a byte count`);
        const what = `blob ${this.name}@${digest}`;
        const res = await this.repo.get(`/v2/${this.repo.repository}/blobs/${digest}`, {
            accept: '*/*',
            maxBytes,
            what,
        });
        if (res.status === 404)
            throw new errors/* GateError */.ue('NOT_FOUND', `${what}: not found`);
        this.expectOk(res, what);
        if (!(0,registry_digest/* digestMatches */.U2)(res.body, expected)) {
            throw new errors/* GateError */.ue('DIGEST_MISMATCH', `${what}: registry returned bytes that hash to ${(0,registry_digest/* computeDigest */.MK)(res.body, expected.algorithm)}`);
        }
        return res.body;
    }
    async getReferrers(digest, artifactType) {
        (0,registry_digest/* assertDigest */.V7)(digest, 'input', `referrers subject in ${this.name}`);
        const api = this.repo.referrersApi;
        if (!api)
            return this.listReferrers(digest, artifactType);
        while (api.known === undefined && api.probe)
            await api.probe;
        if (api.known === 'absent')
            return undefined;
        if (api.known === 'present')
            return this.listReferrers(digest, artifactType);
        // This call is the probe; an error leaves the question open for the next image.
        let settle = () => undefined;
        api.probe = new Promise((r) => (settle = r));
        try {
            return await this.listReferrers(digest, artifactType);
        }
        finally {
            api.probe = undefined;
            settle();
        }
    }
    /**
     * The referrers of `digest` of `artifactType` (filtered here whatever the registry did), or
     * undefined for "use the tag schema". Records in referrersApi what the answer showed.
     */
    async listReferrers(digest, artifactType) {
        const api = this.repo.referrersApi;
        const ask = artifactType !== undefined && api?.filter !== 'unreliable' ? artifactType : undefined;
        const got = await this.fetchReferrers(digest, ask);
        // A redirect into a rate-limited API settles it for the run; a registry that has shown the
        // API is not taken for one without it by a later odd answer (which still falls back).
        if (got === 'no-api' || got === 'elsewhere') {
            if (api && (got === 'elsewhere' || api.known === undefined))
                api.known = 'absent';
            return undefined;
        }
        // The API exists but does not know this repository or subject (yet): this image falls back
        // to the tag schema, and the registry is not taken for one without the API.
        if (got === 'not-known')
            return undefined;
        if (api)
            api.known = 'present';
        let list = keepReferrers(got.entries, artifactType);
        // A filter the registry says it applied, with nothing left: it may have matched another
        // field (Harbor before 2.11 compares the config media type, which for a cosign bundle is the
        // empty type). Ask once more without it; a filter that hid entries is not used again.
        if (ask !== undefined && got.filtered && list.length === 0 && api?.filter !== 'reliable') {
            const all = await this.fetchReferrers(digest, undefined);
            if (typeof all !== 'string') {
                list = keepReferrers(all.entries, artifactType);
                if (list.length > 0 && api)
                    api.filter = 'unreliable';
            }
        }
        else if (ask !== undefined && got.filtered && list.length > 0 && api) {
            api.filter ??= 'reliable';
        }
        return list;
    }
    async fetchReferrers(digest, artifactType) {
        const what = `referrers of ${this.name}@${digest}`;
        const first = `/v2/${this.repo.repository}/referrers/${digest}`;
        let path = artifactType !== undefined
            ? `${first}?artifactType=${encodeURIComponent(artifactType)}`
            : first;
        const all = [];
        let filtered = true;
        for (let page = 1;; page++) {
            const res = await this.repo.get(path, {
                accept: types/* MEDIA_TYPES */.Z.ociIndex,
                maxBytes: registry_limits/* MAX_MANIFEST_BYTES */.ZJ,
                what,
                offOrigin429: 'return',
            });
            // 404 means "no referrers API" (spec: supporting registries never 404); the caller falls back.
            // Registries without it also answer 400, 405 or 406, or 200 with something that is not an
            // index (a web page): go-containerregistry, which cosign uses, falls back on all of them
            // (pkg/v1/remote/referrers.go; google/go-containerregistry#1962 for the 406).
            // A 404 or 400 whose OCI error names the repository or the subject comes from the API
            // itself (oras-go registry/remote/repository.go reads 404 NAME_UNKNOWN so; Quay answers an
            // unknown subject with 400 MANIFEST_INVALID, endpoints/v2/referrers.py).
            if (page === 1 && NO_REFERRERS_API.has(res.status))
                return ociErrorCodes(res).some((c) => API_ERROR_CODES.has(c)) ? 'not-known' : 'no-api';
            if (page === 1 && res.status === 200 && !isIndexContentType(res))
                return 'no-api';
            // GHCR answers 303 into github.com's packages API, which is heavily rate-limited (429) and
            // is not the registry (artifacthub/hub#4785): the tag schema serves the same referrers, so
            // it is used for this registry for the rest of the run.
            if (res.status === 429 && res.url.origin !== this.repo.origin)
                return 'elsewhere';
            this.expectOk(res, what);
            // Harbor before 2.11 answers `{}` for a subject it does not know (referrers.go at v2.10.0):
            // no entries, which can only leave signatures out.
            const entries = isEmptyObject(res.body)
                ? []
                : parseIndex(res.body, what, registry_limits/* MAX_REFERRERS */.OB - all.length);
            all.push(...entries);
            if (!appliedFilters(res).includes('artifactType'))
                filtered = false;
            const next = nextLink(res.headers.get('link'));
            if (next === undefined)
                break;
            if (page >= registry_limits/* MAX_REFERRER_PAGES */.Qy) {
                throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `${what}: more than ${registry_limits/* MAX_REFERRER_PAGES */.Qy} pages`);
            }
            path = this.sameRepositoryPath(next, first, what);
        }
        return { entries: all, filtered: artifactType !== undefined && filtered };
    }
    expectOk(res, what) {
        if (res.status === 200)
            return;
        throw new errors/* GateError */.ue('REGISTRY_ERROR', `${what}: unexpected HTTP ${res.status}${(0,http_errors/* errorDetail */.m2)(res)}`);
    }
    /** A `Link` next page must stay on the registry and on this subject's referrers path. */
    sameRepositoryPath(link, first, what) {
        let u;
        try {
            u = new URL(link, this.repo.origin + first);
        }
        catch (e) {
            throw new errors/* GateError */.ue('REGISTRY_ERROR', `${what}: next-page link ${(0,registry_digest/* quote */.hD)(link)} is not a URL`, {
                cause: e,
            });
        }
        if (u.origin !== this.repo.origin || u.pathname !== first) {
            throw new errors/* GateError */.ue('REGISTRY_ERROR', `${what}: next-page link ${(0,registry_digest/* quote */.hD)(link)} leaves ${this.repo.origin}${first}`);
        }
        return `${u.pathname}${u.search}`;
    }
}
/** Answers to the referrers endpoint that mean "no referrers API here" (see fetchReferrers). */
const NO_REFERRERS_API = new Set([400, 404, 405, 406]);
/** OCI error codes by which the referrers API itself says it does not know the name or subject. */
const API_ERROR_CODES = new Set(['NAME_UNKNOWN', 'MANIFEST_UNKNOWN', 'MANIFEST_INVALID']);
/**
 * Filter here even when the registry claims it did (OCI-Filters-Applied): the list is
 * unauthenticated. An entry listing the OCI empty config type is kept too: Harbor lists the
 * config media type in place of artifactType (goharbor/harbor#19867), as did cosign's own
 * fallback indexes (sigstore/cosign#4422), and a manifest written with artifactType has the
 * empty config; the caller reads the manifest's own artifactType.
 */
function keepReferrers(all, artifactType) {
    return artifactType === undefined
        ? all
        : all.filter((d) => d.artifactType === artifactType || d.artifactType === types/* MEDIA_TYPES */.Z.ociEmpty);
}
/** The `code`s of an OCI error body (`{"errors":[{"code":\u2026}]}`); none if it is not one. */
function ociErrorCodes(res) {
    if (res.body.length > 64 * 1024)
        return [];
    return (0,http_errors/* ociErrors */.NW)(res.body).flatMap((e) => (typeof e.code === 'string' ? [e.code] : []));
}
/** `OCI-Filters-Applied`, a comma-separated list (distribution-spec "Listing Referrers"). */
function appliedFilters(res) {
    const h = res.headers.get('oci-filters-applied');
    return h === null ? [] : h.split(',').map((f) => f.trim());
}
/** A body that is exactly a JSON object with no members (`{}`, whitespace allowed). */
function isEmptyObject(body) {
    if (body.length > 64)
        return false;
    return /^\s*\{\s*\}\s*$/.test(new TextDecoder().decode(body));
}
function isIndexContentType(res) {
    const ct = res.headers.get('content-type');
    return ct === null || baseMediaType(ct) === types/* MEDIA_TYPES */.Z.ociIndex;
}
/** Target of `rel="next"` in a Link header (RFC 8288), if any. */
function nextLink(header) {
    if (header === null)
        return undefined;
    for (const part of header.split(/,(?=\s*<)/)) {
        const m = /^\s*<([^>]*)>\s*(.*)$/.exec(part);
        if (!m)
            continue;
        if (/(^|;)\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(m[2]))
            return m[1];
    }
    return undefined;
}
//# sourceMappingURL=registry.js.map
// EXTERNAL MODULE: ./build/core/verify/discovery.js
var discovery = __webpack_require__(96192);
;// CONCATENATED MODULE: ./build/core/stores.js





function runStores(registry, env) {
    const layouts = new Map();
    const s3loStores = new Map();
    return {
        storeFor(ref) {
            if (ref.kind === 'registry')
                return registryStore(registry, ref.registry, ref.repository);
            let s = layouts.get(ref.dir);
            if (!s)
                layouts.set(ref.dir, (s = new OciLayoutStore(ref.dir)));
            return s;
        },
        s3lo(ref) {
            const id = `${ref.s3lo.scheme}://${ref.s3lo.bucket}`;
            let store = s3loStores.get(id);
            if (!store)
                s3loStores.set(id, (store = createS3loStore(ref.s3lo, { s3: { env } })));
            return store;
        },
        formatOrder: new discovery/* FormatOrder */.k2(),
    };
}
/** The GitHub attestations API for the run's owner (and repository), with the run's token. */
function githubAttestationSource(github, settings, signal, getOctokit) {
    const token = settings.githubToken;
    // Checked once per run, not per image (checkRunPolicy also refuses a missing token before I/O).
    if (!getOctokit)
        throw new errors/* GateError */.ue('USAGE', 'github-owner: this front end has no GitHub API client');
    if (!token)
        throw new errors/* GateError */.ue('USAGE', 'github-owner: the GitHub attestations API needs github-token');
    const name = github.repository ? `${github.owner}/${github.repository}` : github.owner;
    return async (digest) => {
        // Loaded on first use: most runs never ask GitHub, and Octokit is a large module.
        const { BundleFault, fetchGitHubAttestations } = await __webpack_require__.e(/* import() */ 569).then(__webpack_require__.bind(__webpack_require__, 67569));
        const bundles = await fetchGitHubAttestations({
            owner: github.owner,
            ...(github.repository ? { repository: github.repository } : {}),
            digest,
            token,
            baseUrl: settings.githubApiUrl,
            signal,
            getOctokit,
        });
        return bundles.map((bundle, i) => {
            const where = `GitHub API ${name} #${i}`;
            return bundle instanceof BundleFault ? { error: bundle.error, where } : { bundle, where };
        });
    };
}
//# sourceMappingURL=stores.js.map
// EXTERNAL MODULE: ./build/core/trust/vault.js
var vault = __webpack_require__(91211);
// EXTERNAL MODULE: ./build/core/trust/root.js
var trust_root = __webpack_require__(29703);
// EXTERNAL MODULE: ./build/core/trust/key-types.js
var key_types = __webpack_require__(62236);
;// CONCATENATED MODULE: ./build/core/s3lo/record.js
// s3lo signature records (`manifests/<image>/<tag>/signatures/<keyID>.json`, schema 2) and key IDs.
// Records are attacker-writable: every parse problem is a MALFORMED verdict, never an exception.


/** The only schema s3lo (v3) signs and verifies; version 1 signed the digest alone. */
const S3LO_SCHEMA_VERSION = 2;
const STRING_FIELDS = ['digest', 'keyRef', 'keyID', 'algorithm', 'signature', 'signedAt'];
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/**
 * Decode and shape-check a record. Field names are exact (s3lo writes them so). s3lo reads records
 * with Go's encoding/json, which also takes a key equal to a field name under case folding
 * (`Digest`, `dige\u017ft`) and lets the last one win, and refuses a leading BOM: the strict parser
 * refuses every such collision, duplicates and a BOM, so the two never read different records.
 */
function parseS3loRecord(bytes) {
    const malformed = (what, signedAt) => {
        const r = {
            ok: false,
            code: 'MALFORMED',
            reason: `malformed signature record: ${what}`,
        };
        if (signedAt !== undefined)
            r.signedAt = signedAt;
        return r;
    };
    let value;
    try {
        value = (0,strict_json/* parseStrictJsonBytes */.ml)(bytes);
    }
    catch (e) {
        return malformed(e instanceof Error ? e.message : String(e));
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return malformed('not a JSON object');
    }
    const obj = value;
    const signedAt = typeof obj['signedAt'] === 'string' ? obj['signedAt'] : undefined;
    // Like s3lo: an absent schemaVersion is version 0, and any version but 2 is refused by name.
    const version = obj['schemaVersion'] ?? 0;
    if (typeof version !== 'number' || !Number.isInteger(version)) {
        return malformed(`schemaVersion ${describe(version)} is not an integer`, signedAt);
    }
    if (version !== S3LO_SCHEMA_VERSION) {
        const r = {
            ok: false,
            code: 'MALFORMED',
            reason: `unsupported signature schema version ${version} (this build verifies version ${S3LO_SCHEMA_VERSION}); re-sign the image`,
        };
        if (signedAt !== undefined)
            r.signedAt = signedAt;
        return r;
    }
    for (const field of STRING_FIELDS) {
        if (typeof obj[field] !== 'string') {
            return malformed(`${field} is ${obj[field] === undefined ? 'missing' : `not a string (${describe(obj[field])})`}`, signedAt);
        }
    }
    const record = obj;
    if (!DIGEST.test(record.digest)) {
        return malformed(`digest ${describe(record.digest)} is not sha256:<64 hex>`, signedAt);
    }
    return { ok: true, record };
}
/** Standard base64 with padding, canonical (re-encodes to the same text), else undefined. */
function decodeSignature(text) {
    if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
        return undefined;
    }
    const bytes = Buffer.from(text, 'base64');
    return bytes.toString('base64') === text ? bytes : undefined;
}
/** s3lo's key ID: the first 16 hex characters of sha256(DER SubjectPublicKeyInfo). */
function s3loKeyID(publicKey) {
    const der = publicKey.export({ type: 'spki', format: 'der' });
    return (0,external_node_crypto_.createHash)('sha256').update(der).digest('hex').slice(0, 16);
}
/** The `algorithm` label s3lo writes (informational only; it says ECDSA_SHA_256 for any curve). */
function s3loAlgorithmLabel(publicKey) {
    switch (publicKey.asymmetricKeyType) {
        case 'ec':
            return 'ECDSA_SHA_256';
        case 'rsa':
            return 'RSA_PKCS1_SHA_256';
        default:
            return 'UNKNOWN';
    }
}
/** Attacker-written values in reasons: quoted, one line, bounded. */
function describe(v) {
    const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
    const clipped = text.length > 80 ? `${text.slice(0, 80)}\u2026` : text;
    return JSON.stringify(clipped);
}
//# sourceMappingURL=record.js.map
// EXTERNAL MODULE: ./build/core/s3lo/reference.js
var reference = __webpack_require__(22637);
;// CONCATENATED MODULE: ./build/core/s3lo/ed25519ph.js
// Ed25519ph (RFC 8032 \u00a75.1, pre-hashed with SHA-512, empty context) over edwards25519 in BigInt.
// cosign keys sign Ed25519 as Ed25519ph and node:crypto has no ph mode, so s3lo records need this.

const P = 2n ** 255n - 19n;
/** Order of the prime-order subgroup. */
const ED25519_L = 2n ** 252n + 27742317777372353535851937790883648493n;
// RFC 8032 \u00a75.1's constants as literals: computing them (two 255-bit modular powers) cost 1.5 ms
// of every process's start, s3lo or not. The RFC's test vectors (s3lo-record.test.ts) use both.
/** d = -121665 / 121666 mod p. */
const D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n;
/** sqrt(-1) mod p = 2^((p-1)/4) mod p. */
const SQRT_M1 = 19681161376707505956807079304988542015446066515923890162744021073123829784752n;
const BASE = extended(15112221349535400772501151409588531511454012693041857206046113283949847762202n, 46316835694926478169428394003475163141307993866256225615783033603165251855960n);
const IDENTITY = { X: 0n, Y: 1n, Z: 1n, T: 0n };
/** dom2(phflag = 1, context = ""): the prefix that separates Ed25519ph from pure Ed25519. */
const DOM2_PH = Buffer.concat([
    Buffer.from('SigEd25519 no Ed25519 collisions', 'latin1'),
    Buffer.from([1, 0]),
]);
function mod(a, m = P) {
    const r = a % m;
    return r >= 0n ? r : r + m;
}
function modPow(base, exp, m) {
    let result = 1n;
    let b = mod(base, m);
    let e = exp;
    while (e > 0n) {
        if (e & 1n)
            result = (result * b) % m;
        b = (b * b) % m;
        e >>= 1n;
    }
    return result;
}
function inverse(a) {
    return modPow(a, P - 2n, P);
}
function extended(x, y) {
    return { X: x, Y: y, Z: 1n, T: mod(x * y) };
}
// The RFC 8032 addition law for a = -1 is complete, so it also serves for doubling.
function add(p, q) {
    const a = mod((p.Y - p.X) * (q.Y - q.X));
    const b = mod((p.Y + p.X) * (q.Y + q.X));
    const c = mod(p.T * 2n * D * q.T);
    const d = mod(p.Z * 2n * q.Z);
    const e = b - a;
    const f = d - c;
    const g = d + c;
    const h = b + a;
    return { X: mod(e * f), Y: mod(g * h), Z: mod(f * g), T: mod(e * h) };
}
function negate(p) {
    return { X: mod(-p.X), Y: p.Y, Z: p.Z, T: mod(-p.T) };
}
/** Variable-time: only ever used on public values (verification) or in tests. */
function multiply(p, scalar) {
    let result = IDENTITY;
    let addend = p;
    let k = scalar;
    while (k > 0n) {
        if (k & 1n)
            result = add(result, addend);
        addend = add(addend, addend);
        k >>= 1n;
    }
    return result;
}
function littleEndian(bytes) {
    let n = 0n;
    for (let i = bytes.length - 1; i >= 0; i--)
        n = (n << 8n) | BigInt(bytes[i]);
    return n;
}
function toLittleEndian32(n) {
    const out = Buffer.alloc(32);
    let v = n;
    for (let i = 0; i < 32; i++) {
        out[i] = Number(v & 0xffn);
        v >>= 8n;
    }
    return out;
}
function encodePoint(p) {
    const zInv = inverse(p.Z);
    const x = mod(p.X * zInv);
    const y = mod(p.Y * zInv);
    const out = toLittleEndian32(y);
    out[31] = out[31] | (Number(x & 1n) << 7);
    return out;
}
/** RFC 8032 \u00a75.1.3; undefined for encodings that are not a curve point or not canonical in y. */
function decodePoint(bytes) {
    if (bytes.length !== 32)
        return undefined;
    const copy = Buffer.from(bytes);
    const xSign = (copy[31] >> 7) & 1;
    copy[31] = copy[31] & 0x7f;
    const y = littleEndian(copy);
    if (y >= P)
        return undefined;
    const y2 = mod(y * y);
    const u = mod(y2 - 1n);
    const v = mod(D * y2 + 1n);
    let x = mod(u * modPow(v, 3n, P) * modPow(u * modPow(v, 7n, P), (P - 5n) / 8n, P));
    const vx2 = mod(v * x * x);
    if (vx2 === u) {
        // x is a square root already
    }
    else if (vx2 === mod(-u)) {
        x = mod(x * SQRT_M1);
    }
    else {
        return undefined;
    }
    if (x === 0n && xSign === 1)
        return undefined;
    if (Number(x & 1n) !== xSign)
        x = mod(-x);
    return extended(x, y);
}
function hashToScalar(...parts) {
    const h = (0,external_node_crypto_.createHash)('sha512');
    for (const part of parts)
        h.update(part);
    return mod(littleEndian(h.digest()), ED25519_L);
}
/** Ed25519ph: pure Ed25519 over SHA-512(message), with the dom2 prefix in both hashes. */
function verifyEd25519ph(publicKey, message, signature) {
    if (signature.length !== 64)
        return false;
    const a = decodePoint(publicKey);
    if (a === undefined)
        return false;
    const rBytes = signature.subarray(0, 32);
    const s = littleEndian(signature.subarray(32, 64));
    if (s >= ED25519_L)
        return false; // malleability: RFC 8032 requires S < L
    const prehash = (0,external_node_crypto_.createHash)('sha512').update(message).digest();
    const k = hashToScalar(DOM2_PH, rBytes, publicKey, prehash);
    // [S]B - [k]A must encode to exactly R (cofactorless, as Go's crypto/ed25519 checks).
    const check = add(multiply(BASE, s), multiply(negate(a), k));
    return encodePoint(check).equals(Buffer.from(rBytes));
}
/**
 * Ed25519ph signing from a 32-byte seed. The verifier never signs; this exists so tests can
 * produce records exactly as `s3lo sign` with a cosign Ed25519 key does.
 */
function signEd25519ph(seed, message) {
    if (seed.length !== 32)
        throw new Error(`Ed25519 seed must be 32 bytes, got ${seed.length}`);
    const h = createHash('sha512').update(seed).digest();
    const clamped = Buffer.from(h.subarray(0, 32));
    clamped[0] = clamped[0] & 248;
    clamped[31] = (clamped[31] & 127) | 64;
    const scalar = littleEndian(clamped);
    const publicKey = encodePoint(multiply(BASE, scalar));
    const prehash = createHash('sha512').update(message).digest();
    const r = hashToScalar(DOM2_PH, h.subarray(32), prehash);
    const rBytes = encodePoint(multiply(BASE, r));
    const k = hashToScalar(DOM2_PH, rBytes, publicKey, prehash);
    const s = mod(r + k * scalar, ED25519_L);
    return Buffer.concat([rBytes, toLittleEndian32(s)]);
}
//# sourceMappingURL=ed25519ph.js.map
;// CONCATENATED MODULE: ./build/core/s3lo/signature.js
// The signature schemes `s3lo sign` produces, per key type, and their verification. s3lo signs
// through cosign/sigstore's default signer for the key: the hash follows the curve, Ed25519 is ph.



/**
 * What sigstore's `LoadDefaultSignerVerifier` (used by s3lo `sign` via cosign) does:
 * ECDSA P-256/P-384/P-521 with SHA-256/384/512 and ASN.1 DER signatures; RSA PKCS#1 v1.5 with
 * SHA-256; Ed25519 as Ed25519ph (cosign's default). Pure Ed25519 is also accepted: it is what
 * s3lo's `verify --key <.pub>` checks and what Vault-backed Ed25519 keys produce; RFC 8032's
 * dom2 prefix keeps the two from ever validating each other's signatures.
 */
function s3loSignatureScheme(key, keyRef) {
    switch (key.asymmetricKeyType) {
        case 'ec': {
            const hash = EC_HASH[key.asymmetricKeyDetails?.namedCurve ?? ''];
            if (hash === undefined) {
                throw new errors/* GateError */.ue('USAGE', `key ${keyRef}: curve ${key.asymmetricKeyDetails?.namedCurve ?? 'unknown'} is not used by s3lo (P-256, P-384, P-521)`);
            }
            return `ecdsa-${hash}`;
        }
        case 'rsa':
            return 'rsa-pkcs1v15-sha256';
        case 'ed25519':
            return 'ed25519ph|ed25519';
        default:
            throw new errors/* GateError */.ue('USAGE', `key ${keyRef}: ${key.asymmetricKeyType ?? 'unknown'} keys cannot verify s3lo signatures`);
    }
}
const EC_HASH = {
    prime256v1: 'sha256',
    secp384r1: 'sha384',
    secp521r1: 'sha512',
};
function verifyS3loSignature(key, keyRef, payload, signature) {
    const scheme = s3loSignatureScheme(key, keyRef);
    try {
        if (scheme.startsWith('ecdsa-')) {
            return (0,external_node_crypto_.verify)(scheme.slice('ecdsa-'.length), payload, { key, dsaEncoding: 'der' }, signature);
        }
        if (scheme === 'rsa-pkcs1v15-sha256') {
            return (0,external_node_crypto_.verify)('sha256', payload, key, signature);
        }
        const raw = Buffer.from(key.export({ format: 'jwk' }).x ?? '', 'base64url');
        return verifyEd25519ph(raw, payload, signature) || (0,external_node_crypto_.verify)(null, payload, key, signature);
    }
    catch {
        // OpenSSL throws on some malformed encodings (e.g. bad DER); that is a failed check.
        return false;
    }
}
//# sourceMappingURL=signature.js.map
;// CONCATENATED MODULE: ./build/core/s3lo/verify.js
// Reading an s3lo image tag for verification: the digest is hashed from the manifest bytes read
// now, the payload rebuilt from the reference, each key's record checked (verdict.ts decides).








/**
 * Reads the tag's manifest and each key's signature record. What the store holds (unsigned, bad
 * signature, moved tag, malformed record, missing image) is evidence; a GateError is thrown only
 * when it could not be read (auth, network, limits).
 */
async function gatherS3lo(ref, keys, store) {
    if (keys.length === 0) {
        throw new errors/* GateError */.ue('USAGE', `${ref.raw}: s3lo verification needs at least one public key`);
    }
    const image = (0,reference/* formatS3loRef */.a7)(ref);
    const manifestAt = (0,reference/* manifestKey */.Rn)(ref);
    const manifest = await readOrFailure(store, manifestAt, S3LO_LIMITS.manifestBytes);
    if ('failure' in manifest)
        return { digest: '', failure: manifest.failure, keys: [] };
    if (manifest.bytes === undefined)
        return {
            digest: '',
            failure: {
                code: 'NOT_FOUND',
                reason: `image not found: ${image} (no ${manifestAt} in ${store.name})`,
            },
            keys: [],
        };
    const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(manifest.bytes).digest('hex')}`;
    if (ref.digest !== undefined && ref.digest !== digest)
        return {
            digest,
            failure: {
                code: 'DIGEST_MISMATCH',
                reason: `${image} points to ${digest}, but the reference pins ${ref.digest}`,
            },
            keys: [],
        };
    const payload = (0,reference/* s3loSigningPayload */.r1)(ref, digest);
    const outcomes = [];
    for (const key of keys)
        outcomes.push(await checkKey(ref, key, digest, payload, store));
    return { digest, keys: outcomes };
}
/** Verify an s3lo image tag the way `s3lo verify` does, with its JSON fields. */
async function verifyS3lo(ref, keys, opts) {
    return s3loVerdict(await gatherS3lo(ref, keys, opts.store), opts.requireAllKeys === true);
}
async function checkKey(ref, key, digest, payload, store) {
    // Recomputed rather than taken from the key object: this is the name s3lo files records under.
    const keyID = s3loKeyID(key.publicKey);
    const fail = (code, reason, signedAt) => {
        const o = { ok: false, key, keyID, code, reason };
        if (signedAt !== undefined)
            o.signedAt = signedAt;
        return o;
    };
    // A policy window needs a verified time, and a record's signedAt is not signed.
    if (key.validFor)
        return fail('UNTRUSTED_SIGNER', `key ${key.keyRef} is trusted only ${(0,key_types/* describeValidity */.A)(key.validFor)}, and an s3lo record carries no verified signing time (its signedAt is not signed)`);
    const read = await readOrFailure(store, (0,reference/* signatureKey */.cx)(ref, keyID), S3LO_LIMITS.recordBytes);
    if ('failure' in read)
        return fail(read.failure.code, read.failure.reason);
    if (read.bytes === undefined)
        return fail('UNSIGNED', `no signature found for key ${key.keyRef}`);
    const parsed = parseS3loRecord(read.bytes);
    if (!parsed.ok)
        return fail(parsed.code, parsed.reason, parsed.signedAt);
    const rec = parsed.record;
    if (rec.digest !== digest) {
        return fail('DIGEST_MISMATCH', `manifest changed: signed ${rec.digest}, current ${digest}`, rec.signedAt);
    }
    if (rec.keyID !== keyID) {
        return fail('UNTRUSTED_SIGNER', `signature record for key ${keyID} names key ID ${describe(rec.keyID)}; it was not made for key ${key.keyRef}`, rec.signedAt);
    }
    const signature = decodeSignature(rec.signature);
    if (signature === undefined) {
        return fail('MALFORMED', 'malformed signature encoding: not canonical standard base64', rec.signedAt);
    }
    if (!verifyS3loSignature(key.publicKey, key.keyRef, payload, signature)) {
        return fail('SIGNATURE_INVALID', `invalid signature: does not verify with key ${key.keyRef} over the s3lo-signature-v2 payload for ${ref.bucket}/${ref.image}:${ref.tag}@${digest}`, rec.signedAt);
    }
    return { ok: true, key, keyID, signedAt: rec.signedAt };
}
/** Store errors with a failure code (bad content in the store) become verdicts; the rest throw. */
async function readOrFailure(store, key, maxBytes) {
    try {
        return { bytes: await store.getObject(key, maxBytes) };
    }
    catch (e) {
        if (e instanceof errors/* GateError */.ue && (0,errors/* isFailureCode */.sH)(e.code))
            return { failure: { code: e.code, reason: e.message } };
        throw e;
    }
}
//# sourceMappingURL=verify.js.map
;// CONCATENATED MODULE: ./build/core/attestations/condition-text.js
// How condition results word what they found: counts with plurals, durations, and how many
// items one reason lists before it counts the rest.
/** Items (findings, packages) named in one reason; the rest are counted. */
const LISTED = 10;
/** `73h`, `1h30m`, `45m`, `30s`, `2d`: short, and exact to the minute above one hour. */
function formatDuration(ms) {
    const s = Math.floor(ms / 1000);
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return `${m}m`;
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest === 0 ? `${h}h` : `${h}h${rest}m`;
}
function count(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
//# sourceMappingURL=condition-text.js.map
// EXTERNAL MODULE: ./build/core/attestations/purl.js
var attestations_purl = __webpack_require__(24067);
;// CONCATENATED MODULE: ./build/core/attestations/sbom.js
// Reads the package list out of a verified SBOM predicate: CycloneDX JSON (nested components),
// SPDX 2.x JSON and tag-value, SPDX 3 JSON-LD, bare or in the `{Data: ...}` wrapper cosign used
// before v2.0. Each package keeps every identity the document gives it: name, group and purls.





/** Components read from one SBOM; more than this is refused rather than half-checked. */
const MAX_SBOM_PACKAGES = limits/* LIMITS */.b1.sbomPackages;
/**
 * Packages in an SBOM predicate. Throws MALFORMED when the predicate is not an SBOM we can read:
 * a deny list over an unreadable SBOM must fail, not pass as "nothing banned found".
 */
function sbomPackages(predicateType, predicate) {
    const doc = unwrap(predicate);
    const format = sbomFormat(predicateType);
    if (format === 'cyclonedx') {
        if (sbom_isObject(doc) && (doc['bomFormat'] === 'CycloneDX' || Array.isArray(doc['components'])))
            return cyclonedxPackages(doc);
        throw new errors/* GateError */.ue('MALFORMED', 'CycloneDX predicate is not a CycloneDX JSON document');
    }
    if (format === 'spdx') {
        if (typeof doc === 'string')
            return spdxTagValuePackages(doc);
        // SPDX 2 `packages` and SPDX 3 `@graph` both count when a document carries both.
        if (sbom_isObject(doc) && (typeof doc['spdxVersion'] === 'string' || Array.isArray(doc['packages'])))
            return [
                ...spdxJsonPackages(doc),
                ...(Array.isArray(doc['@graph']) ? spdx3Packages(doc['@graph']) : []),
            ];
        if (sbom_isObject(doc) && Array.isArray(doc['@graph']))
            return spdx3Packages(doc['@graph']);
        throw new errors/* GateError */.ue('MALFORMED', 'SPDX predicate is neither SPDX 2 JSON, SPDX 3 JSON-LD nor SPDX tag-value');
    }
    throw new errors/* GateError */.ue('MALFORMED', `predicate type ${predicateType} is not an SBOM`);
}
/**
 * Which SBOM a predicate type carries: cosign's `https://spdx.dev/Document` and
 * `https://cyclonedx.org/bom`, or their versioned forms (`https://spdx.dev/Document/v2.3`, as
 * GitHub's attest-sbom writes, `https://cyclonedx.org/bom/v1.5`): an SBOM under a versioned type
 * is still a list of what the image holds, and a deny list must read it.
 */
function sbomFormat(predicateType) {
    const base = predicateType.replace(/\/v\d+(?:\.\d+)*$/, '');
    return base === attestations_types/* PREDICATE */.W3.spdx ? 'spdx' : base === attestations_types/* PREDICATE */.W3.cyclonedx ? 'cyclonedx' : undefined;
}
/**
 * cosign < 2.0 wrapped SBOMs as `{Data: <document or its text>, Timestamp}`; cosign `spdx` (not
 * `spdxjson`) stores the document as a string. Either way, get to the document itself.
 */
function unwrap(predicate) {
    let doc = predicate;
    // Only the wrapper itself: `{Data, components}` is read as the document it also is, so a list
    // beside `Data` cannot hide behind an empty one inside it.
    if (sbom_isObject(doc) &&
        'Data' in doc &&
        Object.keys(doc).every((k) => k === 'Data' || k === 'Timestamp'))
        doc = doc['Data'];
    if (typeof doc === 'string') {
        const t = doc.trimStart();
        if (t.startsWith('{')) {
            try {
                // Strict like the statement around it: no second reading of the same bytes.
                return (0,strict_json/* parseStrictJson */.RJ)(t);
            }
            catch (e) {
                throw new errors/* GateError */.ue('MALFORMED', 'SBOM predicate text looks like JSON but does not parse', {
                    cause: e,
                });
            }
        }
    }
    return doc;
}
function cyclonedxPackages(bom) {
    const out = [];
    // Iterative walk: nesting depth is bounded by the strict parser, the count by MAX_SBOM_PACKAGES.
    const stack = [];
    const push = (list) => {
        if (Array.isArray(list))
            for (let i = list.length - 1; i >= 0; i--)
                stack.push(list[i]);
    };
    push(bom['components']);
    // The BOM's own subject can be the banned thing (an SBOM for log4j-core itself).
    const meta = bom['metadata'];
    if (sbom_isObject(meta) && sbom_isObject(meta['component']))
        stack.push(meta['component']);
    while (stack.length > 0) {
        const c = stack.pop();
        if (!sbom_isObject(c))
            continue;
        const p = pkg(c['name'], c['version'], purlsOf([c['purl']], c['name']));
        if (p) {
            if (typeof c['group'] === 'string' && c['group'].trim() !== '')
                p.group = c['group'];
            out.push(p);
            tooMany(out.length);
        }
        push(c['components']);
    }
    return out;
}
function spdxJsonPackages(doc) {
    const pkgs = doc['packages'];
    if (!Array.isArray(pkgs))
        return [];
    tooMany(pkgs.length);
    const out = [];
    for (const p of pkgs) {
        if (!sbom_isObject(p))
            continue;
        // referenceCategory is PACKAGE-MANAGER (2.3) or PACKAGE_MANAGER (2.2); the type decides.
        const locators = Array.isArray(p['externalRefs'])
            ? p['externalRefs']
                .filter(sbom_isObject)
                .filter((r) => typeof r['referenceType'] === 'string' && isPurlType(r['referenceType']))
                .map((r) => r['referenceLocator'])
            : [];
        const found = pkg(p['name'], p['versionInfo'], purlsOf(locators, p['name']));
        if (found)
            out.push(found);
    }
    return out;
}
/**
 * SPDX 3.0 JSON-LD: every `software_Package` element of `@graph`, with `software_packageVersion`,
 * `software_packageUrl` and `externalIdentifier` entries of type `packageUrl`. JSON-LD lets a
 * node's type be a list and a node be written inline where another refers to it (an
 * `SpdxDocument`'s `element`, a relationship's `to`), so every object in the graph is looked at.
 */
function spdx3Packages(graph) {
    tooMany(graph.length);
    const out = [];
    const stack = [...graph].reverse();
    while (stack.length > 0) {
        const e = stack.pop();
        if (Array.isArray(e)) {
            for (let i = e.length - 1; i >= 0; i--)
                stack.push(e[i]);
            continue;
        }
        if (!sbom_isObject(e))
            continue;
        for (const v of Object.values(e).reverse())
            if (typeof v === 'object' && v !== null)
                stack.push(v);
        const type = e['type'] ?? e['@type'];
        const types = Array.isArray(type) ? type : [type];
        if (!types.some((t) => typeof t === 'string' && /(^|[_/:#])Package$/.test(t)))
            continue;
        const ids = Array.isArray(e['externalIdentifier'])
            ? e['externalIdentifier']
                .filter(sbom_isObject)
                .filter((x) => typeof x['externalIdentifierType'] === 'string' &&
                /^(packageUrl|purl)$/i.test(x['externalIdentifierType']))
                .map((x) => x['identifier'])
            : [];
        const locators = [e['software_packageUrl'] ?? e['packageUrl'], ...ids];
        const found = pkg(e['name'], e['software_packageVersion'] ?? e['packageVersion'], purlsOf(locators, e['name']));
        if (found) {
            out.push(found);
            tooMany(out.length);
        }
    }
    return out;
}
/** A package from its declared name and version and its purls; undefined when nothing names it. */
function pkg(name, version, purls) {
    const declared = typeof name === 'string' && name.trim() !== '' ? name : undefined;
    const shown = declared ?? purls[0]?.name;
    if (shown === undefined)
        return undefined;
    return {
        name: shown,
        ...(typeof version === 'string' && version.trim() !== '' ? { version } : {}),
        ...(purls.length > 0 ? { purls } : {}),
    };
}
/**
 * Parsed purls. A purl that does not parse makes the SBOM unreadable: it may be the only place
 * the package's real identity is written, and a deny list must not pass over what it cannot read.
 */
function purlsOf(values, owner) {
    const out = [];
    for (const v of values) {
        if (v === undefined || v === null || v === '')
            continue;
        const who = typeof owner === 'string' ? `package '${owner}'` : 'a package';
        if (typeof v !== 'string')
            throw new errors/* GateError */.ue('MALFORMED', `SBOM ${who} has a purl that is not a string`);
        try {
            out.push((0,attestations_purl/* parsePurl */.$l)(v));
        }
        catch (e) {
            if (!(e instanceof attestations_purl/* PurlError */.eH))
                throw e;
            throw new errors/* GateError */.ue('MALFORMED', `SBOM ${who} has purl '${v}' that does not parse: ${e.message}`);
        }
    }
    return out;
}
function isPurlType(t) {
    return t.trim().toLowerCase() === 'purl';
}
/**
 * SPDX 2.x tag-value: `PackageName:` starts a package; `PackageVersion:` and
 * `ExternalRef: <category> purl <locator>` belong to the last one. A value may be wrapped in
 * `<text>\u2026</text>`, over several lines: what is inside is that value (a `PackageName:` line in a
 * `PackageComment` is no package), and a second `PackageVersion` in one package is refused, as a
 * duplicate JSON key is: one reader must not see 2.14.1 where we see 2.17.1.
 */
function spdxTagValuePackages(text) {
    if (!/^\s*SPDXVersion:/m.test(text))
        throw new errors/* GateError */.ue('MALFORMED', 'SPDX predicate text has no SPDXVersion line');
    const out = [];
    for (const { tag, value } of tagValues(text)) {
        const last = out[out.length - 1];
        if (tag === 'PackageName') {
            out.push({ name: value });
            tooMany(out.length);
        }
        else if (last && tag === 'PackageVersion') {
            if (last.version !== undefined)
                throw new errors/* GateError */.ue('MALFORMED', `SPDX tag-value package '${last.name}' has two PackageVersion lines ('${last.version}', '${value}')`);
            last.version = value;
        }
        else if (last && tag === 'ExternalRef') {
            const [, type, locator] = value.split(/\s+/);
            if (type !== undefined && isPurlType(type))
                (last.purls ??= []).push(...purlsOf([locator ?? ''], last.name));
        }
    }
    return out;
}
/** `Tag: value` pairs of a tag-value document, with `<text>\u2026</text>` values read whole. */
function tagValues(text) {
    const out = [];
    const lines = text.split(/\r?\n|\r/);
    for (let i = 0; i < lines.length; i++) {
        const m = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*:\s*(.*)$/.exec(lines[i]);
        if (!m)
            continue;
        let value = m[2];
        if (/^<text>/i.test(value)) {
            let body = value.slice('<text>'.length);
            while (!/<\/text>/i.test(body) && i + 1 < lines.length)
                body += `\n${lines[++i]}`;
            const close = body.search(/<\/text>/i);
            if (close < 0)
                throw new errors/* GateError */.ue('MALFORMED', `SPDX tag-value: the <text> of ${m[1]} is never closed`);
            value = body.slice(0, close);
        }
        out.push({ tag: m[1], value: value.trim() });
    }
    return out;
}
function tooMany(n) {
    if (n > MAX_SBOM_PACKAGES)
        throw new errors/* GateError */.ue('MALFORMED', `SBOM lists more than ${MAX_SBOM_PACKAGES} packages`);
}
function sbom_isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
//# sourceMappingURL=sbom.js.map
// EXTERNAL MODULE: ./build/core/attestations/version-range.js
var version_range = __webpack_require__(72188);
;// CONCATENATED MODULE: ./build/core/attestations/package-conditions.js




/**
 * Unicode-compatibility folded, invisible format characters (zero-width space and joiners, soft
 * hyphen, BOM) dropped, trimmed, lower-cased: `\uff2cog4j-Core `, `log4j\u200b-core` and
 * `log4j-core` are one name.
 */
function fold(s) {
    return s
        .normalize('NFKC')
        .replace(/[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
        .trim()
        .toLowerCase();
}
/** npm scopes appear with and without their '@' (purl `%40scope`, CycloneDX `group`). */
function foldNamespace(s) {
    return fold(s).replace(/^@/, '');
}
/** PEP 503: runs of '-', '_' and '.' are one separator. */
function pypiName(s) {
    return s.replace(/[-_.]+/g, '-');
}
function identityOf(p) {
    const names = new Set();
    const namespaces = new Set();
    const versions = new Set();
    const declared = fold(p.name);
    names.add(declared);
    // A declared `group:name` (Maven coordinates) or `scope/name`, `host/path/module`.
    const colon = declared.split(':');
    if (colon.length >= 2 && colon[0] !== '' && colon[1] !== '') {
        namespaces.add(foldNamespace(colon[0]));
        names.add(colon[1]);
    }
    const slash = declared.lastIndexOf('/');
    if (slash > 0 && slash < declared.length - 1) {
        namespaces.add(foldNamespace(declared.slice(0, slash)));
        names.add(declared.slice(slash + 1));
    }
    if (p.group !== undefined)
        namespaces.add(foldNamespace(p.group));
    if (p.version !== undefined)
        versions.add(p.version.trim());
    for (const u of p.purls ?? []) {
        names.add(fold(u.name));
        namespaces.add(foldNamespace(u.namespace ?? ''));
        if (u.version !== undefined && u.version.trim() !== '')
            versions.add(u.version.trim());
    }
    const known = p.group !== undefined || (p.purls?.length ?? 0) > 0 || namespaces.size > 0;
    return {
        names: [...names],
        ...(known ? { namespaces: [...namespaces] } : {}),
        versions: [...versions],
        pypi: (p.purls ?? []).some((u) => u.type === 'pypi'),
    };
}
/**
 * Deny if ANY identity matches: the declared name or any purl name, in the declared group, any
 * purl namespace, or a namespace nothing states; at any version the package is listed with.
 */
function matchRule(id, c) {
    const loose = id.pypi || c.rule.type === 'pypi';
    const nameHit = loose
        ? id.names.some((n) => pypiName(n) === pypiName(c.name))
        : id.names.includes(c.name);
    if (!nameHit)
        return undefined;
    const namespaceUnknown = c.namespace !== undefined && id.namespaces === undefined;
    if (c.namespace !== undefined && id.namespaces !== undefined) {
        const want = c.namespace;
        if (!id.namespaces.some((n) => (loose ? pypiName(n) === pypiName(want) : n === want)))
            return undefined;
    }
    // No version listed: a ranged rule must not be dodged by leaving the version out.
    if (c.range === undefined || id.versions.length === 0)
        return {
            comparable: true,
            namespaceUnknown,
            ...(id.versions[0] ? { version: id.versions[0] } : {}),
        };
    let unorderable;
    for (const v of id.versions) {
        const r = (0,version_range/* versionInRange */.rR)(v, c.range);
        if (r === true)
            return { version: v, comparable: true, namespaceUnknown };
        if (r === undefined)
            unorderable ??= v;
    }
    return unorderable !== undefined
        ? { version: unorderable, comparable: false, namespaceUnknown }
        : undefined;
}
/**
 * No SBOM package matches a deny rule. Names compare case-insensitively (after Unicode
 * compatibility folding); a package matches through its declared name and group or through any
 * of its purls, whichever matches. A package whose version is absent or unorderable matches a
 * ranged rule, and one whose namespace nothing states matches a rule that names one: an SBOM
 * that leaves a fact out must not slip past the rule that needs it.
 */
function checkDeniedPackages(statement, rules) {
    let packages;
    try {
        packages = sbomPackages(statement.predicateType, statement.predicate);
    }
    catch (e) {
        return { ok: false, reason: `SBOM unreadable: ${e instanceof Error ? e.message : String(e)}` };
    }
    const compiled = rules.map((r) => ({
        rule: r,
        name: fold(r.name),
        ...(r.namespace !== undefined ? { namespace: foldNamespace(r.namespace) } : {}),
        ...(r.range !== undefined ? { range: (0,version_range/* parseVersionRange */.FG)(r.range) } : {}),
    }));
    const hits = [];
    for (const p of packages) {
        const id = identityOf(p);
        for (const c of compiled) {
            const hit = matchRule(id, c);
            if (!hit)
                continue;
            const shown = hit.version !== undefined ? `${p.name}@${hit.version}` : `${p.name} (no version)`;
            const notes = [];
            if (c.rule.raw !== shown && c.rule.raw !== p.name)
                notes.push(`rule ${c.rule.raw}`);
            if (!hit.comparable)
                notes.push(`version not comparable with ${c.rule.range}`);
            if (hit.version !== undefined && p.version !== undefined && hit.version !== p.version.trim())
                notes.push(`listed as version ${p.version}`);
            if (hit.namespaceUnknown)
                notes.push('the SBOM names no group or purl for it');
            const purl = p.purls?.[0];
            if (purl && (c.namespace !== undefined || !id.names.slice(0, 1).includes(c.name)))
                notes.push(`purl ${(0,attestations_purl/* formatPurl */.dd)(purl)}`);
            hits.push(notes.length > 0 ? `${shown} (${notes.join(', ')})` : shown);
            break;
        }
    }
    const unique = [...new Set(hits)];
    if (unique.length > 0) {
        const shown = unique.slice(0, LISTED).join(', ');
        const more = unique.length > LISTED ? ` and ${unique.length - LISTED} more` : '';
        return {
            ok: false,
            reason: `SBOM contains banned package${unique.length > 1 ? 's' : ''} ${shown}${more}`,
        };
    }
    return { ok: true, detail: `${count(packages.length, 'package')} in SBOM, none banned` };
}
//# sourceMappingURL=package-conditions.js.map
;// CONCATENATED MODULE: ./build/core/attestations/slsa.js
// Reads builder and source facts out of a verified SLSA provenance predicate, v0.2 or v1, into
// one shape so the same builder-id / source-repository / source-ref rules apply to both layouts.

/**
 * v0.2: `builder.id`; source from `invocation.configSource` (`uri` = `git+https://\u2026@refs/\u2026`,
 * `digest.sha1`, `entryPoint`), else the first material. v1: `runDetails.builder.id`; source from
 * `buildDefinition.externalParameters.workflow` (GitHub Actions build type:
 * `{repository, ref, path}`), else the first `resolvedDependencies` entry with a git URI.
 */
function provenanceFacts(predicateType, predicate) {
    const p = obj(predicate);
    if (predicateType === attestations_types/* PREDICATE */.W3.slsaV02) {
        const facts = {};
        const builderId = str(obj(p['builder'])['id']);
        if (builderId)
            facts.builderId = builderId;
        const config = obj(obj(p['invocation'])['configSource']);
        const materials = arr(p['materials']).map(obj);
        const fromConfig = str(config['uri']);
        const source = fromConfig
            ? { uri: fromConfig, digest: obj(config['digest']) }
            : materials.length > 0
                ? { uri: str(materials[0]['uri']), digest: obj(materials[0]['digest']) }
                : undefined;
        if (source?.uri)
            Object.assign(facts, splitGitUri(source.uri));
        const digest = source
            ? (str(source.digest['sha1']) ?? str(source.digest['gitCommit']))
            : undefined;
        if (digest)
            facts.sourceDigest = digest;
        const entry = str(config['entryPoint']);
        if (entry)
            facts.entryPoint = entry;
        return facts;
    }
    if (predicateType === attestations_types/* PREDICATE */.W3.slsaV1) {
        const facts = {};
        const builderId = str(obj(obj(p['runDetails'])['builder'])['id']);
        if (builderId)
            facts.builderId = builderId;
        const def = obj(p['buildDefinition']);
        const workflow = obj(obj(def['externalParameters'])['workflow']);
        const deps = arr(def['resolvedDependencies']).map(obj);
        const gitDep = deps.find((d) => (str(d['uri']) ?? '').startsWith('git+'));
        const repo = str(workflow['repository']);
        if (repo) {
            facts.sourceRepository = normaliseRepo(repo);
            const ref = str(workflow['ref']);
            if (ref)
                facts.sourceRef = ref;
            const path = str(workflow['path']);
            if (path)
                facts.entryPoint = path;
        }
        else if (gitDep)
            Object.assign(facts, splitGitUri(str(gitDep['uri'])));
        const digest = gitDep
            ? (str(obj(gitDep['digest'])['gitCommit']) ?? str(obj(gitDep['digest'])['sha1']))
            : undefined;
        if (digest)
            facts.sourceDigest = digest;
        return facts;
    }
    return {};
}
/** `git+https://github.com/o/r@refs/heads/main` \u2192 repository and ref. */
function splitGitUri(uri) {
    const noScheme = uri.replace(/^git\+/, '');
    // The ref follows the last '@' after the host part (user@host URIs keep theirs).
    const hostStart = noScheme.indexOf('://') + 3;
    const at = noScheme.lastIndexOf('@');
    if (at > hostStart && noScheme.indexOf('/', hostStart) < at) {
        return {
            sourceRepository: normaliseRepo(noScheme.slice(0, at)),
            sourceRef: noScheme.slice(at + 1),
        };
    }
    return { sourceRepository: normaliseRepo(noScheme) };
}
function normaliseRepo(uri) {
    return uri
        .replace(/^git\+/, '')
        .replace(/\.git$/, '')
        .replace(/\/+$/, '');
}
function obj(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v)
        ? v
        : {};
}
function arr(v) {
    return Array.isArray(v) ? v : [];
}
function str(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
//# sourceMappingURL=slsa.js.map
;// CONCATENATED MODULE: ./build/core/attestations/slsa-conditions.js
// The SLSA provenance condition over one VERIFIED statement: builder ID, source repository and
// source ref (v0.2 or v1) match the policy's matchers.



/** Builder ID, source repository and source ref of SLSA provenance (v0.2 or v1) match the policy. */
function checkSlsa(statement, want) {
    if (statement.predicateType !== attestations_types/* PREDICATE */.W3.slsaV02 && statement.predicateType !== attestations_types/* PREDICATE */.W3.slsaV1)
        return {
            ok: false,
            reason: `predicate type ${statement.predicateType} is not SLSA provenance`,
        };
    const facts = provenanceFacts(statement.predicateType, statement.predicate);
    const checks = [
        ['builder id', want.builderId, facts.builderId],
        ['source repository', want.sourceRepository, facts.sourceRepository],
        ['source ref', want.sourceRef, facts.sourceRef],
    ];
    const bad = checks
        .filter(([, m, actual]) => m !== undefined && !(0,signer_policy/* matches */.cK)(m, actual))
        .map(([what, m, actual]) => `${what} is ${actual === undefined ? 'absent' : `'${actual}'`}, expected ${(0,signer_policy/* describeMatcher */.OT)(m)}`);
    if (bad.length > 0)
        return { ok: false, reason: `SLSA provenance ${bad.join('; ')}` };
    const seen = [
        facts.builderId && `builder ${facts.builderId}`,
        facts.sourceRepository &&
            `source ${facts.sourceRepository}${facts.sourceRef ? `@${facts.sourceRef}` : ''}`,
        facts.sourceDigest && `commit ${facts.sourceDigest}`,
    ].filter(Boolean);
    return {
        ok: true,
        detail: `SLSA provenance ${seen.join(', ') || '(no builder or source named)'}`,
    };
}
//# sourceMappingURL=slsa-conditions.js.map
;// CONCATENATED MODULE: ./build/core/attestations/vuln.js
// Reads findings out of a verified cosign vuln predicate (SARIF, Trivy JSON or Grype JSON result)
// and decides which findings verified OpenVEX statements mark not_affected or fixed.


/** Findings read from one scan; more than this is refused rather than half-checked. */
const MAX_FINDINGS = limits/* LIMITS */.b1.vulnFindings;
/** cosign `CosignVulnPredicate`: `{invocation, scanner{uri,version,db,result}, metadata{scanStartedOn,scanFinishedOn}}`. */
function readVulnScan(predicate) {
    const p = vuln_isObject(predicate) ? predicate : {};
    const scanner = vuln_isObject(p['scanner']) ? p['scanner'] : {};
    const metadata = vuln_isObject(p['metadata']) ? p['metadata'] : {};
    const out = {};
    const uri = vuln_str(scanner['uri']);
    const version = vuln_str(scanner['version']);
    if (uri)
        out.scanner = version ? `${uri}@${version}` : uri;
    const finished = vuln_str(metadata['scanFinishedOn']);
    if (finished !== undefined) {
        out.finishedOn = finished;
        // RFC 3339 only: Date.parse alone accepts far looser text ("1", "May 5").
        if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(finished)) {
            const t = Date.parse(finished);
            if (!Number.isNaN(t))
                out.finishedAt = new Date(t);
        }
    }
    let result = scanner['result'];
    if (typeof result === 'string') {
        try {
            result = (0,strict_json/* parseStrictJson */.RJ)(result);
        }
        catch {
            out.resultProblem = 'scanner.result is a string that is not JSON';
            return out;
        }
    }
    try {
        const read = readResult(result);
        if (read) {
            out.findings = read.findings;
            out.resultFormat = read.format;
        }
        else
            out.resultProblem =
                result === undefined || result === null
                    ? 'scanner.result is empty'
                    : 'scanner.result is neither SARIF, Trivy JSON nor Grype JSON';
    }
    catch (e) {
        out.resultProblem = e instanceof Error ? e.message : String(e);
    }
    return out;
}
function readResult(result) {
    if (!vuln_isObject(result))
        return undefined;
    const sarif = Array.isArray(result['runs']);
    const trivy = 'Results' in result && (result['Results'] === null || Array.isArray(result['Results']));
    const grype = Array.isArray(result['matches']);
    // A result that reads as two formats has two answers (an empty SARIF run beside a Trivy
    // critical): which one a reader takes decides the verdict, so it is unreadable.
    if (Number(sarif) + Number(trivy) + Number(grype) > 1)
        throw new Error('scanner.result reads as more than one of SARIF, Trivy JSON and Grype JSON');
    if (sarif)
        return { format: 'sarif', findings: sarifFindings(result) };
    if (trivy)
        return { format: 'trivy', findings: trivyFindings(result) };
    if (grype)
        return { format: 'grype', findings: grypeFindings(result) };
    return undefined;
}
/**
 * SARIF 2.1.0 \u00a73.14.23: a run's `results` absent or null means the tool could not determine
 * them, and an empty array that it found none; a log with no run shows no scan at all. Only
 * findings shown count as none.
 */
function sarifFindings(sarif) {
    const out = [];
    const runs = vuln_arr(sarif['runs']);
    if (runs.length === 0)
        throw new Error('scanner.result is SARIF with no run: no scan is shown');
    for (const [n, run] of runs.entries()) {
        if (!vuln_isObject(run))
            throw new Error(`scanner.result SARIF runs[${n}] is not an object`);
        if (!Array.isArray(run['results']))
            throw new Error(`scanner.result SARIF runs[${n}] has no results array (absent or null: the tool could not determine results)`);
        const tool = vuln_isObject(run['tool']) ? run['tool'] : {};
        const driver = vuln_isObject(tool['driver']) ? tool['driver'] : {};
        const rules = vuln_arr(driver['rules']).filter(vuln_isObject);
        const byId = new Map();
        for (const r of rules)
            if (typeof r['id'] === 'string')
                byId.set(r['id'], r);
        for (const res of vuln_arr(run['results'])) {
            if (!vuln_isObject(res))
                continue;
            const ruleRef = vuln_isObject(res['rule']) ? res['rule'] : {};
            const id = vuln_str(res['ruleId']) ?? vuln_str(ruleRef['id']);
            const index = typeof res['ruleIndex'] === 'number'
                ? res['ruleIndex']
                : typeof ruleRef['index'] === 'number'
                    ? ruleRef['index']
                    : undefined;
            const rule = (id !== undefined ? byId.get(id) : undefined) ??
                (index !== undefined ? rules[index] : undefined);
            out.push({
                id: id ?? vuln_str(rule?.['id']) ?? '(no rule id)',
                severity: sarifSeverity(res, rule),
            });
            capped(out.length);
        }
    }
    return out;
}
/**
 * SARIF has no severity field for vulnerabilities. In order: `security-severity` (a CVSS score, as
 * GitHub code scanning reads it) on the result, then on its rule; a severity word in the rule's
 * tags (Trivy); finally the SARIF level (error\u2192high, warning\u2192medium, note\u2192low), default warning.
 */
function sarifSeverity(res, rule) {
    const props = (o) => o && vuln_isObject(o['properties']) ? o['properties'] : {};
    for (const p of [props(res), props(rule)]) {
        // A score, or a numeric string as GitHub writes it; null or "" is no score (Number() would
        // read either as 0, severity unknown, hiding the rule's own score or tags).
        const v = p['security-severity'];
        const score = typeof v === 'number'
            ? v
            : typeof v === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(v)
                ? Number(v)
                : NaN;
        if (Number.isFinite(score))
            return cvssSeverity(score);
    }
    for (const tag of vuln_arr(props(rule)['tags'])) {
        const s = typeof tag === 'string' ? wordSeverity(tag) : undefined;
        if (s && s !== 'unknown')
            return s;
    }
    const dc = rule && vuln_isObject(rule['defaultConfiguration']) ? rule['defaultConfiguration'] : {};
    const level = vuln_str(res['level']) ?? vuln_str(dc['level']) ?? 'warning';
    return level === 'error'
        ? 'high'
        : level === 'warning'
            ? 'medium'
            : level === 'note'
                ? 'low'
                : 'unknown';
}
function cvssSeverity(score) {
    if (score >= 9)
        return 'critical';
    if (score >= 7)
        return 'high';
    if (score >= 4)
        return 'medium';
    if (score > 0)
        return 'low';
    return 'unknown';
}
function wordSeverity(word) {
    switch (word.trim().toLowerCase()) {
        case 'critical':
            return 'critical';
        case 'high':
            return 'high';
        case 'medium':
        case 'moderate':
            return 'medium';
        case 'low':
            return 'low';
        case 'unknown':
        case 'negligible':
        case 'none':
            return 'unknown';
        default:
            return undefined;
    }
}
function trivyFindings(report) {
    const out = [];
    for (const r of vuln_arr(report['Results'])) {
        if (!vuln_isObject(r))
            continue;
        for (const v of vuln_arr(r['Vulnerabilities'])) {
            if (!vuln_isObject(v))
                continue;
            out.push(finding(vuln_str(v['VulnerabilityID']), vuln_str(v['Severity']), vuln_str(v['PkgName']), vuln_str(v['InstalledVersion'])));
            capped(out.length);
        }
    }
    return out;
}
function grypeFindings(report) {
    const out = [];
    for (const m of vuln_arr(report['matches'])) {
        if (!vuln_isObject(m))
            continue;
        const v = vuln_isObject(m['vulnerability']) ? m['vulnerability'] : {};
        const a = vuln_isObject(m['artifact']) ? m['artifact'] : {};
        out.push(finding(vuln_str(v['id']), vuln_str(v['severity']), vuln_str(a['name']), vuln_str(a['version'])));
        capped(out.length);
    }
    return out;
}
function finding(id, severity, pkg, version) {
    return {
        id: id ?? '(no id)',
        // An unrecognised severity word is treated as unknown, never dropped.
        severity: (severity !== undefined ? wordSeverity(severity) : undefined) ?? 'unknown',
        ...(pkg !== undefined ? { package: pkg } : {}),
        ...(version !== undefined ? { version } : {}),
    };
}
function capped(n) {
    if (n > MAX_FINDINGS)
        throw new Error(`scan lists more than ${MAX_FINDINGS} findings`);
}
/**
 * Statements of one verified OpenVEX document that apply to this image. The attestation's subject
 * already binds the document to the image digest; a statement that lists products carrying digests
 * applies only if one of them is a subject digest of that attestation. `subjects` are
 * `algorithm:hex` digests.
 */
function readVexStatements(predicate, subjects, seqStart = 0, source = {}) {
    const doc = source.doc ?? 0;
    const signed = source.verifiedAt?.getTime();
    const bound = signed !== undefined && !Number.isNaN(signed) ? { bound: signed } : {};
    if (!vuln_isObject(predicate))
        return [];
    const docTime = timeOf(predicate['timestamp']);
    const out = [];
    let seq = seqStart;
    for (const s of vuln_arr(predicate['statements'])) {
        if (!vuln_isObject(s))
            continue;
        const status = vuln_str(s['status']);
        if (!status)
            continue;
        const vuln = s['vulnerability'];
        const ids = [];
        if (typeof vuln === 'string')
            ids.push(vuln);
        else if (vuln_isObject(vuln)) {
            const name = vuln_str(vuln['name']);
            if (name)
                ids.push(name);
            for (const a of vuln_arr(vuln['aliases']))
                if (typeof a === 'string')
                    ids.push(a);
        }
        if (ids.length === 0 || !productsApply(s['products'], subjects))
            continue;
        out.push({ ids, status, time: timeOf(s['timestamp']) || docTime, seq: seq++, doc, ...bound });
    }
    return out;
}
function productsApply(products, subjects) {
    const list = vuln_arr(products);
    // Products named without any digest (a purl without @sha256, a bare name) cannot be bound
    // more tightly than the attestation subject already is. Anything that looks like one (a run
    // of 64 or more hex digits, a hashes map) binds the statement, even if it is malformed.
    if (!list.some(namesDigest))
        return true;
    const named = list.flatMap(productDigests);
    const wanted = subjects.map(parseSubjectDigest);
    return named.some((d) => wanted.some((w) => w !== undefined && w.hex === d.hex && (d.alg === '' || d.alg === w.alg)));
}
/**
 * The digests one OpenVEX product names, as whole tokens: from its `@id` and `identifiers`
 * (purls spell `@sha256%3A<hex>`, image references `@sha256:<hex>`), its `hashes` map
 * (`sha-256`: hex), or the bare string a v0.0.x product is. A digest is the whole hex run: one
 * that merely contains the subject's hex (a longer run, another algorithm's value) names
 * something else. Subcomponents are the packages inside the product, not the product, so their
 * digests do not bind the statement.
 */
function productDigests(product) {
    const texts = [];
    const out = [];
    if (typeof product === 'string')
        texts.push(product);
    else if (vuln_isObject(product)) {
        if (typeof product['@id'] === 'string')
            texts.push(product['@id']);
        const ids = product['identifiers'];
        if (vuln_isObject(ids))
            for (const v of Object.values(ids))
                if (typeof v === 'string')
                    texts.push(v);
        const hashes = product['hashes'];
        if (vuln_isObject(hashes))
            for (const [k, v] of Object.entries(hashes)) {
                if (typeof v !== 'string')
                    continue;
                const alg = k.toLowerCase().replace(/^sha-(256|384|512)$/, 'sha$1');
                out.push({
                    alg: /^sha(256|384|512)$/.test(alg) ? alg : k.toLowerCase(),
                    hex: v.toLowerCase(),
                });
            }
    }
    for (const t of texts)
        for (const m of t.toLowerCase().matchAll(HEX_RUN)) {
            const hex = m[2];
            if (hex.length >= 64)
                out.push({ alg: m[1] ?? '', hex });
        }
    return out;
}
function namesDigest(product) {
    if (typeof product === 'string')
        return LONG_HEX.test(product);
    if (!vuln_isObject(product))
        return false;
    if (product['hashes'] !== undefined)
        return true;
    const ids = product['identifiers'];
    const texts = [product['@id'], ...(vuln_isObject(ids) ? Object.values(ids) : [])];
    return texts.some((t) => typeof t === 'string' && LONG_HEX.test(t));
}
const LONG_HEX = /[a-f0-9]{64}/i;
/** An optional `sha256:`/`sha256%3a` prefix, then a hex run bounded by non-hex characters. */
const HEX_RUN = /(?<![a-z0-9])(?:(sha256|sha384|sha512)(?::|%3a))?([a-f0-9]+)(?![a-z0-9])/g;
function parseSubjectDigest(s) {
    const m = /^(sha256|sha384|sha512):([a-f0-9]+)$/.exec(s.toLowerCase());
    return m ? { alg: m[1], hex: m[2] } : undefined;
}
/**
 * Which findings are suppressed, with the deciding status. Per vulnerability ID the newest
 * applicable statement decides (OpenVEX: later statements supersede earlier ones), so an
 * `affected` issued after a `not_affected` brings the finding back.
 *
 * A timestamp is the signer's claim, so it counts only up to the verified signing time of the
 * attestation carrying it: an old document cannot supersede a newer one by dating itself ahead.
 * Within one document its own order stands (one signature covers it all). Across documents, a
 * suppressing statement whose attestation has no verified time ranks below every other (it cannot
 * show it is newer), and on equal times a non-suppressing statement wins.
 */
function vexDecisions(statements) {
    const bounded = (s) => Math.min(s.time, s.bound ?? Infinity);
    // 1. The last word of each document on each ID.
    const perDoc = new Map();
    for (const s of statements)
        for (const id of s.ids) {
            const key = `${s.doc}\u0000${id.toUpperCase()}`;
            const prev = perDoc.get(key);
            const t = bounded(s);
            if (!prev || t > bounded(prev) || (t === bounded(prev) && s.seq > prev.seq))
                perDoc.set(key, s);
        }
    // 2. The newest of those across documents, by trusted time.
    const rank = (s) => s.bound !== undefined ? bounded(s) : isSuppressing(s.status) ? -Infinity : s.time;
    const latest = new Map();
    for (const [key, s] of perDoc) {
        const id = key.slice(key.indexOf('\u0000') + 1);
        const prev = latest.get(id);
        if (!prev) {
            latest.set(id, s);
            continue;
        }
        const a = rank(s);
        const b = rank(prev);
        const sOpen = !isSuppressing(s.status);
        const prevOpen = !isSuppressing(prev.status);
        if (a > b || (a === b && (sOpen !== prevOpen ? sOpen : s.seq > prev.seq)))
            latest.set(id, s);
    }
    const out = new Map();
    for (const [id, s] of latest)
        out.set(id, s.status);
    return out;
}
function isSuppressing(status) {
    return status === 'not_affected' || status === 'fixed';
}
function timeOf(v) {
    if (typeof v !== 'string')
        return 0;
    const t = Date.parse(v);
    return Number.isNaN(t) ? 0 : t;
}
function vuln_str(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
function vuln_arr(v) {
    return Array.isArray(v) ? v : [];
}
function vuln_isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
//# sourceMappingURL=vuln.js.map
;// CONCATENATED MODULE: ./build/core/attestations/vuln-conditions.js



/** Scanner clocks may run a little ahead of ours; more than this is a scan from the future. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
/**
 * `metadata.scanFinishedOn` at most `maxAgeMs` before `now`. The claim is the signer's word; the
 * verified signing time (Rekor SET or RFC 3161, `verifiedAt`) is not, and a scan cannot have
 * finished after the signature over its result was made. So the age runs from the earlier of the
 * two, a claim later than the verified time (beyond CLOCK_SKEW_MS) fails naming both, and a
 * statement with no verified time at all cannot show that it is fresh.
 */
function checkVulnAge(statement, maxAgeMs, now, verifiedAt) {
    const scan = readVulnScan(statement.predicate);
    if (!scan.finishedAt)
        return {
            ok: false,
            reason: scan.finishedOn === undefined
                ? 'vuln scan has no metadata.scanFinishedOn'
                : `vuln scan metadata.scanFinishedOn '${scan.finishedOn}' is not an RFC 3339 time`,
        };
    const claimed = scan.finishedAt.getTime();
    if (claimed - now.getTime() > CLOCK_SKEW_MS)
        return {
            ok: false,
            reason: `vuln scan finished ${formatDuration(claimed - now.getTime())} in the future (${scan.finishedOn})`,
        };
    if (verifiedAt === undefined || Number.isNaN(verifiedAt.getTime()))
        return {
            ok: false,
            reason: `vuln scan says it finished at ${scan.finishedOn}, but its attestation has no verified signing time (no Rekor entry with a checked SET, no RFC 3161 timestamp), so nothing bounds that claim and it cannot show the scan is fresh`,
        };
    const signed = verifiedAt.getTime();
    if (claimed - signed > CLOCK_SKEW_MS)
        return {
            ok: false,
            reason: `vuln scan claims it finished at ${scan.finishedOn}, ${formatDuration(claimed - signed)} after its attestation's verified signing time ${verifiedAt.toISOString()}: a scan cannot finish after the signature over it`,
        };
    const age = now.getTime() - Math.min(claimed, signed);
    const shown = formatDuration(Math.max(0, age));
    if (age > maxAgeMs)
        return { ok: false, reason: `vuln scan ${shown} old, limit ${formatDuration(maxAgeMs)}` };
    return { ok: true, detail: `vuln scan ${shown} old (limit ${formatDuration(maxAgeMs)})` };
}
/**
 * The time a vuln scan can be trusted to be as fresh as: the earlier of its claim and its
 * attestation's verified signing time; undefined when either is missing.
 */
function trustedScanTime(statement, verifiedAt) {
    const claimed = readVulnScan(statement.predicate).finishedAt?.getTime();
    const signed = verifiedAt?.getTime();
    if (claimed === undefined || signed === undefined || Number.isNaN(signed))
        return undefined;
    return Math.min(claimed, signed);
}
/** A claim later than the verified signing time: the statement contradicts its own signature. */
function scanPostdatesSignature(statement, verifiedAt) {
    const claimed = readVulnScan(statement.predicate).finishedAt?.getTime();
    const signed = verifiedAt?.getTime();
    return claimed !== undefined && signed !== undefined && claimed - signed > CLOCK_SKEW_MS;
}
/**
 * No finding at or above the lowest severity in `failOn`, except findings whose newest verified
 * OpenVEX statement says not_affected or fixed (`vex`: upper-cased vulnerability ID \u2192 status).
 * A result we cannot read fails: "no findings" must be shown, not assumed.
 */
function checkVulnSeverity(statement, failOn, vex = new Map()) {
    if (failOn.length === 0)
        return { ok: true, detail: 'no severity threshold' };
    const threshold = lowest(failOn);
    const scan = readVulnScan(statement.predicate);
    if (!scan.findings)
        return {
            ok: false,
            reason: `vuln scan result unreadable: ${scan.resultProblem ?? 'no result'}`,
        };
    const atOrAbove = dedupe(scan.findings).filter((f) => (0,attestations_types/* severityRank */.qs)(f.severity) >= (0,attestations_types/* severityRank */.qs)(threshold));
    const suppressed = atOrAbove.filter((f) => isSuppressing(vex.get(f.id.toUpperCase())));
    const open = atOrAbove
        .filter((f) => !isSuppressing(vex.get(f.id.toUpperCase())))
        .sort((a, b) => (0,attestations_types/* severityRank */.qs)(b.severity) - (0,attestations_types/* severityRank */.qs)(a.severity) || a.id.localeCompare(b.id));
    const vexNote = suppressed.length > 0
        ? `; ${suppressed.length} suppressed by OpenVEX (${vuln_conditions_list(suppressed, false)})`
        : '';
    if (open.length > 0)
        return {
            ok: false,
            reason: `${count(open.length, 'finding')} at or above ${threshold}: ${vuln_conditions_list(open, true)}${vexNote}`,
        };
    return {
        ok: true,
        detail: `${count(scan.findings.length, 'finding')} in ${scan.resultFormat} result, none open at or above ${threshold}${vexNote}`,
    };
}
function lowest(severities) {
    return severities.reduce((a, b) => ((0,attestations_types/* severityRank */.qs)(b) < (0,attestations_types/* severityRank */.qs)(a) ? b : a));
}
function dedupe(findings) {
    const seen = new Map();
    for (const f of findings) {
        const prev = seen.get(f.id);
        if (!prev || (0,attestations_types/* severityRank */.qs)(f.severity) > (0,attestations_types/* severityRank */.qs)(prev.severity))
            seen.set(f.id, f);
    }
    return [...seen.values()];
}
function vuln_conditions_list(findings, withSeverity) {
    const shown = findings
        .slice(0, LISTED)
        .map((f) => withSeverity
        ? `${f.id} (${f.severity}${f.package ? `, ${f.package}${f.version ? `@${f.version}` : ''}` : ''})`
        : f.id);
    return (shown.join(', ') + (findings.length > LISTED ? ` and ${findings.length - LISTED} more` : ''));
}
//# sourceMappingURL=vuln-conditions.js.map
;// CONCATENATED MODULE: ./build/core/attestations/evaluate.js






const SBOM_TYPES = [attestations_types/* PREDICATE */.W3.spdx, attestations_types/* PREDICATE */.W3.cyclonedx];
const SLSA_TYPES = [attestations_types/* PREDICATE */.W3.slsaV02, attestations_types/* PREDICATE */.W3.slsaV1];
/** cosign writes `https://openvex.dev/ns`; vexctl and others write the versioned context URI. */
function isOpenVexType(t) {
    return t === attestations_types/* PREDICATE */.W3.openvex || t.startsWith(`${attestations_types/* PREDICATE */.W3.openvex}/`);
}
/**
 * Pure: the same inputs give the same verdict. Freshness is judged on the NEWEST vuln scan by
 * trusted time, its claim bounded by its verified signing time (a pipeline re-scans and appends;
 * older scans are superseded, not wrong, but one that postdates its signature is), while severity and every
 * other condition must hold for EVERY verified attestation of its type (an old scan's critical
 * finding still describes these exact bytes unless OpenVEX says otherwise).
 */
function evaluateAttestations(verified, requirements, now, 
/** The image's digest: a VEX product must name THIS image, not any subject of the statement. */
imageDigest) {
    const entries = verified.map((a) => entryFor(a, requirements.types));
    const missing = [];
    const violations = [];
    const present = [...new Set(verified.map((a) => a.statement.predicateType))];
    for (const type of requirements.types) {
        if (verified.some((a) => a.statement.predicateType === type))
            continue;
        const seen = present.length > 0 ? `verified: ${present.map(attestations_types/* predicateLabel */.cF).join(', ')}` : 'none verified';
        missing.push(`no verified ${labelFor(type)} attestation (${seen})`);
    }
    const c = requirements.conditions;
    const indexOf = (types) => verified.flatMap((a, i) => (types.includes(a.statement.predicateType) ? [i] : []));
    const record = (i, condition, r) => {
        (entries[i].checks ??= []).push({ condition, ok: r.ok, message: r.ok ? r.detail : r.reason });
        return r;
    };
    const needEvidence = (label, uris, conditions) => {
        missing.push(`no verified ${label} (${uris.join(' or ')}) to check ${conditions} against`);
    };
    const wantsAge = c.maxVulnAgeMs !== undefined;
    const wantsSeverity = (c.failOnSeverity?.length ?? 0) > 0;
    if (wantsAge || wantsSeverity) {
        const scans = indexOf([attestations_types/* PREDICATE */.W3.cosignVuln]);
        const names = [wantsAge && 'max-vuln-age', wantsSeverity && 'fail-on-severity']
            .filter(Boolean)
            .join(' and ');
        if (scans.length === 0)
            needEvidence('vuln scan', [attestations_types/* PREDICATE */.W3.cosignVuln], names);
        if (scans.length > 0 && wantsAge) {
            const results = scans.map((i) => record(i, 'max-vuln-age', checkVulnAge(verified[i].statement, c.maxVulnAgeMs, now, verifiedAt(verified[i]))));
            const newest = newestScan(scans.map((i) => verified[i]));
            const decisive = results[newest];
            const where = (k) => scans.length > 1 ? ` (${verified[scans[k]].where})` : '';
            if (!decisive.ok)
                violations.push(decisive.reason + where(newest));
            // A scan that claims to postdate its own signature is wrong, not merely superseded.
            scans.forEach((i, k) => {
                const r = results[k];
                if (k !== newest &&
                    !r.ok &&
                    scanPostdatesSignature(verified[i].statement, verifiedAt(verified[i])))
                    violations.push(r.reason + where(k));
            });
        }
        if (scans.length > 0 && wantsSeverity) {
            const vex = vexDecisions(vexStatements(verified, imageDigest));
            for (const i of scans) {
                const r = record(i, 'fail-on-severity', checkVulnSeverity(verified[i].statement, c.failOnSeverity, vex));
                if (!r.ok)
                    violations.push(scans.length > 1 ? `${r.reason} (${verified[i].where})` : r.reason);
            }
        }
    }
    if ((c.denyPackages?.length ?? 0) > 0) {
        // Every verified SBOM counts, under a versioned type too (`https://spdx.dev/Document/v2.3`).
        const sboms = verified.flatMap((a, i) => (sbomFormat(a.statement.predicateType) ? [i] : []));
        if (sboms.length === 0)
            needEvidence('SBOM', SBOM_TYPES, 'deny-packages');
        for (const i of sboms) {
            const r = record(i, 'deny-packages', checkDeniedPackages(verified[i].statement, c.denyPackages));
            if (!r.ok)
                violations.push(sboms.length > 1 ? `${r.reason} (${verified[i].where})` : r.reason);
        }
    }
    const slsa = c.slsa;
    if (slsa && (slsa.builderId || slsa.sourceRepository || slsa.sourceRef)) {
        const provs = indexOf(SLSA_TYPES);
        const names = [
            slsa.builderId && 'builder-id',
            slsa.sourceRepository && 'source-repository',
            slsa.sourceRef && 'source-ref',
        ]
            .filter(Boolean)
            .join(', ');
        if (provs.length === 0)
            needEvidence('SLSA provenance', SLSA_TYPES, names);
        for (const i of provs) {
            const r = record(i, 'slsa', checkSlsa(verified[i].statement, slsa));
            if (!r.ok)
                violations.push(provs.length > 1 ? `${r.reason} (${verified[i].where})` : r.reason);
        }
    }
    if (missing.length === 0 && violations.length === 0)
        return { ok: true, attestations: entries };
    return {
        ok: false,
        reason: [...missing, ...violations].join('; '),
        code: missing.length > 0 ? 'ATTESTATION_MISSING' : 'POLICY_VIOLATION',
        attestations: entries,
    };
}
function entryFor(a, required) {
    const ev = a.evidence;
    const signer = ev.identity ?? ev.keyRef ?? (ev.keyID ? `key ${ev.keyID}` : undefined);
    const satisfies = required.filter((t) => t === a.statement.predicateType);
    return {
        predicateType: a.statement.predicateType,
        format: a.format,
        verified: true,
        ...(signer ? { signer } : {}),
        where: a.where,
        ...(ev.issuer ? { issuer: ev.issuer } : {}),
        ...(ev.signedAt ? { signedAt: ev.signedAt } : {}),
        ...(satisfies.length > 0 ? { satisfies } : {}),
    };
}
function labelFor(type) {
    const label = (0,attestations_types/* predicateLabel */.cF)(type);
    return label === type ? type : `${label} (${type})`;
}
/**
 * Index of the scan that decides freshness: the latest TRUSTED time (its claim, bounded by its
 * verified signing time), so a stale statement cannot make itself the newest by claiming a later
 * `scanFinishedOn`. With no trusted time anywhere, the latest claim, whose check then fails.
 */
function newestScan(scans) {
    let best = -1;
    let bestTime = -Infinity;
    scans.forEach((a, i) => {
        const t = trustedScanTime(a.statement, verifiedAt(a));
        if (t !== undefined && t > bestTime) {
            best = i;
            bestTime = t;
        }
    });
    if (best >= 0)
        return best;
    best = 0;
    scans.forEach((a, i) => {
        const t = readVulnScan(a.statement.predicate).finishedAt?.getTime();
        if (t !== undefined && t > bestTime) {
            best = i;
            bestTime = t;
        }
    });
    return best;
}
/** The attestation's verified signing time (earliest Rekor SET or RFC 3161 time), if it has one. */
function verifiedAt(a) {
    if (a.evidence.signedAt === undefined)
        return undefined;
    const t = new Date(a.evidence.signedAt);
    return Number.isNaN(t.getTime()) ? undefined : t;
}
function vexStatements(verified, imageDigest) {
    const out = [];
    for (const [i, a] of verified.entries()) {
        if (!isOpenVexType(a.statement.predicateType))
            continue;
        // A VEX document may speak of several images; only what it says of this one counts.
        const digests = imageDigest !== undefined
            ? [imageDigest]
            : a.statement.subject.flatMap((s) => Object.entries(s.digest ?? {}).map(([alg, hex]) => `${alg}:${hex}`));
        out.push(...readVexStatements(a.statement.predicate, digests, out.length, {
            doc: i,
            verifiedAt: verifiedAt(a),
        }));
    }
    return out;
}
//# sourceMappingURL=evaluate.js.map
;// CONCATENATED MODULE: ./build/core/s3lo/verdict.js
/**
 * The verdict: any key's valid signature verifies the tag (every key's, with require-all-keys).
 * `failure` is a verdict reached before any key was checked (no manifest, a moved digest).
 */
function verdict_s3loVerdict(e, requireAllKeys) {
    if (e.failure)
        return {
            verified: false,
            reason: e.failure.reason,
            failureCode: e.failure.code,
            digest: e.digest,
            evidence: [],
        };
    const passed = e.keys.filter((o) => o.ok);
    const failed = e.keys.filter((o) => !o.ok);
    const evidence = passed.map((o) => ({
        kind: 'key',
        format: 's3lo-record',
        keyRef: o.key.keyRef,
        keyID: o.keyID,
        signedAt: o.signedAt,
    }));
    const ok = requireAllKeys ? failed.length === 0 : passed.length > 0;
    if (ok) {
        const first = passed[0];
        return {
            verified: true,
            digest: e.digest,
            keyRef: first.key.keyRef,
            keyID: first.keyID,
            signedAt: first.signedAt,
            evidence,
        };
    }
    return failureResult(failed, e.keys.length, e.digest, evidence);
}
// One key: s3lo's own reason. Several: keys that had a record speak first, since "unsigned for
// key B" hides the more useful "key A's record is for another manifest".
function failureResult(failed, keyCount, digest, evidence) {
    // A revoked key's record is the most telling: it is named first (as for registry signatures).
    const withRecord = failed
        .filter((f) => f.code !== 'UNSIGNED')
        .sort((a, b) => Number(b.code === 'REVOKED') - Number(a.code === 'REVOKED'));
    const reported = withRecord.length > 0 ? withRecord : failed;
    const first = reported[0];
    let reason;
    if (keyCount === 1) {
        reason = first.reason;
    }
    else if (withRecord.length === 0 && failed.length === keyCount) {
        reason = `no signature found for any of ${keyCount} keys (${failed.map((f) => f.key.keyRef).join(', ')})`;
    }
    else {
        reason = reported.map((f) => `key ${f.key.keyRef}: ${f.reason}`).join('; ');
    }
    const result = {
        verified: false,
        reason,
        digest,
        keyRef: first.key.keyRef,
        keyID: first.keyID,
        failureCode: first.code,
        evidence,
    };
    if (first.signedAt !== undefined)
        result.signedAt = first.signedAt;
    return result;
}
//# sourceMappingURL=verdict.js.map
;// CONCATENATED MODULE: ./build/core/verify/result.js
// The rule for outcome from code, and the results that carry no verdict on evidence: an image
// whose evidence could not be had (one constructor for a result from an error), one skipped, one
// no rule governs.

/** A failure code is a verdict on evidence (exit 1); any other code is an error (exit 2). */
function outcomeOf(code) {
    return (0,errors/* isFailureCode */.sH)(code) ? 'failed' : 'error';
}
/** The result for an image whose verification threw: never a pass. */
function resultFromError(image, e, durationMs = 0) {
    const err = (0,errors/* toGateError */.Vl)(e);
    return {
        image,
        outcome: outcomeOf(err.code),
        verified: false,
        reason: err.message,
        code: err.code,
        signatures: [],
        attestations: [],
        durationMs,
    };
}
function skippedResult(image, reason) {
    return {
        image,
        outcome: 'skipped',
        verified: false,
        reason,
        signatures: [],
        attestations: [],
        durationMs: 0,
    };
}
/** No policy-file rule matched: a failure, or `allowed` through unverified as the file says. */
function unmatchedResult(image, reason, allowed) {
    return {
        image,
        outcome: allowed ? 'allowed' : 'failed',
        verified: false,
        reason: allowed ? `${reason}; passed without verification` : reason,
        ...(allowed ? {} : { code: 'POLICY_VIOLATION' }),
        signatures: [],
        attestations: [],
        durationMs: 0,
    };
}
//# sourceMappingURL=result.js.map
;// CONCATENATED MODULE: ./build/core/verify/decide.js
// The one decision. Evidence (evidence.ts) and the rule that governs the image (ImagePolicy) ->
// the verdict: outcome, code, reason, and what satisfied the policy. Pure: no I/O, no clock but
// `now`, nothing thrown; every image, platform manifest and s3lo tag is judged here.



// When every candidate is rejected, the reason names the most telling rejection.
// A revoked signature is named first: it would have verified, and the list says why it does not.
const REASON_PRIORITY = [
    'REVOKED',
    'UNTRUSTED_SIGNER',
    'TLOG_MISSING',
    'TLOG_INVALID',
    'SIGNATURE_INVALID',
    'PAYLOAD_MISMATCH',
    'DIGEST_MISMATCH',
    'MALFORMED',
];
function decide(e, policy, now) {
    return e.kind === 's3lo' ? decideS3lo(e, policy) : decideStoreImage(e, policy, now);
}
/**
 * Checks the image digest's signatures (and, with require-all-keys, that every key signed), then
 * the required attestations, then the selected platform manifests of an index, in that order;
 * with require-signature=false verified attestations alone may carry the verdict.
 */
function decideStoreImage(e, policy, now) {
    // A revoked digest fails whatever signs it.
    if (e.revoked !== undefined)
        return {
            outcome: 'failed',
            code: 'REVOKED',
            reason: `image digest ${e.digest} is ${e.revoked}`,
            signatures: [],
            attestations: [],
            rejected: [],
        };
    const sig = decideDigest(e.signatures, policy);
    if ('error' in sig)
        return errorVerdict(sig.error);
    let att;
    if (policy.attestations) {
        const d = decide_decideAttestations(e.attestations ?? { verified: [], rejected: [] }, policy.attestations, now, e.digest);
        if ('error' in d)
            return errorVerdict(d.error);
        att = d;
    }
    // A signature candidate over its own size cap might have been the attestation asked for.
    if (att && !att.ok && e.signatures.unreadable)
        return errorVerdict(e.signatures.unreadable);
    const common = {
        signatures: e.signatures.signatures,
        attestations: att?.attestations ?? [],
        rejected: [...e.signatures.rejected, ...(att?.rejected ?? [])],
    };
    const signatureOptional = !policy.requireSignature && att !== undefined;
    if (att && !att.ok && (sig.ok || signatureOptional)) {
        // What is missing may be missing because the list revoked its signature: say so.
        const revoked = (att.code ?? 'ATTESTATION_MISSING') === 'ATTESTATION_MISSING'
            ? att.rejected.find((r) => r.code === 'REVOKED')
            : undefined;
        return {
            ...common,
            outcome: 'failed',
            code: revoked ? 'REVOKED' : (att.code ?? 'ATTESTATION_MISSING'),
            reason: (att.reason ?? 'attestation policy not met') +
                (revoked ? `; attestation ${revoked.reason}` : ''),
        };
    }
    // Attestations alone carry the verdict: every required one verified and every condition met.
    if (!sig.ok && signatureOptional)
        return { ...common, outcome: 'verified' };
    if (e.platforms && 'error' in e.platforms)
        return errorVerdict(e.platforms.error);
    if (e.platforms)
        return { ...common, ...decidePlatforms(e.platforms, sig, policy, e.digest) };
    if (!sig.ok)
        return {
            ...common,
            outcome: 'failed',
            ...sig.failure,
            ...(e.index && sig.failure.code === 'UNSIGNED' ? { unsignedIndex: true } : {}),
        };
    return { ...common, ...signedBy(sig.signatures) };
}
/** One digest's signatures under the rule: verified, not (and why), or not decidable. */
function decideDigest(ev, policy) {
    if (ev.signatures.length === 0)
        return { ok: false, failure: whyUnsigned(ev) };
    const keys = policy.signers.keys;
    if (policy.requireAllKeys && keys.length > 0) {
        const signed = new Set(ev.signatures.map((s) => s.keyID));
        const missing = keys.filter((k) => !signed.has(k.keyID));
        if (missing.length > 0) {
            // Or it was in the candidate set aside over its size cap: that could not be read.
            if (ev.unreadable)
                return { error: ev.unreadable };
            const revoked = ev.rejected.find((r) => r.code === 'REVOKED');
            return {
                ok: false,
                failure: {
                    code: revoked ? 'REVOKED' : 'UNSIGNED',
                    reason: `require-all-keys: no valid signature by ${missing.map((k) => `${k.keyRef} (${k.keyID})`).join(', ')}` +
                        (revoked ? `; ${revoked.reason}` : ''),
                },
            };
        }
    }
    return { ok: true, signatures: ev.signatures };
}
/** No signature verified: unsigned, or the most telling rejection. */
function whyUnsigned(ev) {
    if (ev.rejected.length === 0) {
        const ignored = ev.found.ignored.length
            ? `; ignored ${ev.found.ignored.map((i) => `${i.where} (${i.why})`).join(', ')}`
            : '';
        return {
            code: 'UNSIGNED',
            reason: `no signatures found (looked in ${ev.found.searched.join(', ')}${ignored})`,
        };
    }
    const top = [...ev.rejected].sort((a, b) => rank(a.code) - rank(b.code))[0];
    const more = ev.rejected.length > 1 ? ` (${ev.rejected.length - 1} more signature(s) rejected)` : '';
    return { code: top.code, reason: `no valid signature: ${top.reason}${more}` };
}
/** The verified attestations against the required types and conditions. */
function decide_decideAttestations(ev, requirement, now, digest) {
    const verdict = evaluateAttestations(ev.verified, requirement, now, digest);
    // A candidate that could not be judged might have met what is missing.
    if (!verdict.ok && ev.unreadable)
        return { error: ev.unreadable };
    return { ...verdict, rejected: ev.rejected };
}
/**
 * `platforms` on an index: the index digest must verify, and so must every selected platform
 * manifest, each on its own signatures (an index signature is not looked through).
 */
function decidePlatforms(pe, index, policy, indexDigest) {
    const platforms = pe.selected.map((p) => {
        const at = { platform: p.platform, digest: p.digest };
        if ('nestedIndex' in p.evidence)
            return {
                ...at,
                outcome: 'failed',
                code: 'MALFORMED',
                reason: `${p.digest} is itself an index: platforms verifies platform manifests, and the manifests a nested index lists would be pulled unverified`,
            };
        if ('error' in p.evidence) {
            const err = p.evidence.error;
            return { ...at, outcome: outcomeOf(err.code), code: err.code, reason: err.message };
        }
        const d = decideDigest(p.evidence, policy);
        if ('error' in d)
            return {
                ...at,
                outcome: outcomeOf(d.error.code),
                code: d.error.code,
                reason: d.error.message,
            };
        if (d.ok)
            return { ...at, outcome: 'verified' };
        return { ...at, outcome: 'failed', code: d.failure.code, reason: d.failure.reason };
    });
    const failed = platforms.filter((p) => p.outcome === 'failed');
    const errored = platforms.filter((p) => p.outcome === 'error');
    const verifiedNames = platforms.filter((p) => p.outcome === 'verified').map((p) => p.platform);
    if (!index.ok) {
        const note = verifiedNames.length
            ? `; platform manifest(s) ${verifiedNames.join(', ')} are signed, but a signature on a platform manifest never verifies the index digest ${indexDigest}`
            : '';
        return {
            platforms,
            outcome: 'failed',
            code: index.failure.code,
            reason: `the index itself is not verified: ${index.failure.reason}${note}`,
        };
    }
    if (pe.missing.length)
        return {
            platforms,
            outcome: 'failed',
            code: 'NOT_FOUND',
            reason: `platforms: ${pe.missing.join(', ')} not in index ${indexDigest} (it has ${pe.available.join(', ') || 'no platform manifests'})`,
        };
    if (pe.selected.length === 0)
        return {
            platforms,
            outcome: 'failed',
            code: 'NOT_FOUND',
            reason: `platforms: index ${indexDigest} lists no platform manifests to verify`,
        };
    const bad = failed[0] ?? errored[0];
    if (bad) {
        const others = failed.length + errored.length - 1;
        return {
            platforms,
            outcome: failed.length ? 'failed' : 'error',
            code: bad.code ?? 'INTERNAL',
            reason: `the index is signed, but platform ${bad.platform} (${bad.digest}) is not verified: ${bad.reason ?? ''}` +
                (others ? ` (${others} more platform(s) not verified)` : ''),
        };
    }
    return { platforms, ...signedBy(index.signatures) };
}
/** s3lo: any key's record verifies the tag, or every key's with require-all-keys. */
function decideS3lo(e, policy) {
    if (e.revoked !== undefined)
        return {
            outcome: 'failed',
            code: 'REVOKED',
            reason: `manifest digest ${e.digest} is ${e.revoked}`,
            signatures: [],
            attestations: [],
            rejected: [],
        };
    const r = verdict_s3loVerdict(e, policy.requireAllKeys);
    return {
        outcome: r.verified ? 'verified' : 'failed',
        ...(!r.verified ? { code: r.failureCode ?? 'SIGNATURE_INVALID' } : {}),
        ...(r.reason !== undefined && !r.verified ? { reason: r.reason } : {}),
        ...(r.keyRef ? { keyRef: r.keyRef } : {}),
        ...(r.keyID ? { keyID: r.keyID } : {}),
        ...(r.signedAt ? { signedAt: r.signedAt } : {}),
        signatures: r.evidence,
        attestations: [],
        rejected: [],
    };
}
function signedBy(signatures) {
    const first = signatures[0];
    return {
        outcome: 'verified',
        ...(first.keyRef ? { keyRef: first.keyRef } : {}),
        ...(first.keyID ? { keyID: first.keyID } : {}),
        ...(first.signedAt ? { signedAt: first.signedAt } : {}),
    };
}
/** Evidence that could not be had within bounds: an error verdict (exit 2), never a pass. */
function errorVerdict(err) {
    return {
        incomplete: true,
        outcome: outcomeOf(err.code),
        code: err.code,
        reason: err.message,
        signatures: [],
        attestations: [],
        rejected: [],
    };
}
function rank(code) {
    const i = REASON_PRIORITY.indexOf(code);
    return i < 0 ? REASON_PRIORITY.length : i;
}
//# sourceMappingURL=decide.js.map
;// CONCATENATED MODULE: ./build/core/verify/judge.js
// Judging candidates: each one verified by the signature verifier, or rejected with a code. A
// crafted candidate is a rejection, never an outage, and never outweighs one that verified.

const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';
/**
 * Why verifying one candidate failed, as the rejection to record. Verification is pure and runs
 * on attacker-made content, so an unexpected throw (INTERNAL) is that candidate failing
 * (MALFORMED), never an outage. A deliberate non-failure code (a size limit) keeps its code: it
 * only decides when no other candidate does (see `deferred` in the callers).
 */
function candidateRejection(e, where) {
    const err = (0,errors/* toGateError */.Vl)(e);
    if (err.code !== 'INTERNAL')
        return err;
    return new errors/* GateError */.ue('MALFORMED', `${where}: cannot be verified: ${err.message}`, { cause: e });
}
/**
 * Verifies each signature candidate: verified evidence, or why it was rejected. When nothing
 * verified and a candidate could not be judged within bounds, that is thrown: the evidence could
 * not be obtained, which is not a verdict.
 */
function judge(found, digest, verifier) {
    const signatures = [];
    const rejected = rejectionsOf(found);
    // A candidate discovery could not read within its own cap weighs like one that could not be
    // judged: nothing, unless no signature verifies.
    let deferred = unreadableLimit(found);
    for (const c of found.candidates) {
        // Attestations are judged by the attestation flow; a referrer whose (unauthenticated) hint
        // names another predicate is not offered as a signature, which can only ever exclude.
        if (c.kind === 'legacy' && c.attestation)
            continue;
        if (c.kind === 'bundle' &&
            c.predicateTypeHint !== undefined &&
            c.predicateTypeHint !== COSIGN_SIGN_PREDICATE)
            continue;
        try {
            const ev = verifyCandidate(c, digest, verifier);
            if (ev)
                signatures.push(ev);
        }
        catch (e) {
            // Recorded, never thrown: a crafted candidate cannot outweigh one that verified.
            const err = candidateRejection(e, c.where);
            if (!(0,errors/* isFailureCode */.sH)(err.code))
                deferred ??= err;
            rejected.push({ where: c.where, code: err.code, reason: err.message });
        }
    }
    if (signatures.length === 0 && deferred)
        throw deferred;
    return { signatures, rejected };
}
/** What discovery itself rejected, as rejections. */
function rejectionsOf(found) {
    return found.rejected.map(({ where, error }) => ({
        where,
        code: error.code,
        reason: error.message,
    }));
}
/** The first candidate discovery set aside for a non-failure reason (its own size cap). */
function unreadableLimit(found) {
    return found.rejected.find((r) => !(0,errors/* isFailureCode */.sH)(r.error.code))?.error;
}
function verifyCandidate(c, digest, verifier) {
    if (c.kind === 'legacy') {
        const ev = verifier.verifyLegacy(c, digest);
        return c.input ? { ...ev, input: c.input } : ev;
    }
    const ev = verifier.verifyBundle(c.bundle, { digest }, c.format);
    const predicateType = ev.statement?.predicateType;
    // A verified attestation of another type is not a signature of the image.
    if (predicateType !== undefined && predicateType !== COSIGN_SIGN_PREDICATE)
        return undefined;
    const evidence = { ...ev, ...(c.input ? { input: c.input } : {}) };
    delete evidence.statement;
    return evidence;
}
//# sourceMappingURL=judge.js.map
;// CONCATENATED MODULE: ./build/core/verify/attestations.js
// Attestations of one image, as evidence: every candidate (referrer/tag-index bundles, legacy
// `.att` layers, GitHub attestations API bundles) verified under the rule's attestation signers.
// Only verified statements go on to the policy (decide.ts); a rejection is recorded, never trusted.




async function gatherAttestations(digest, candidates, verifier, github) {
    const verified = [];
    const rejected = [];
    // A candidate that could not be judged (over a limit) matters only if the policy is not met.
    let unreadable;
    const attempt = (where, format, run, input) => {
        try {
            const { statement, ...evidence } = run();
            // A cosign v3 image signature is a signature, not an attestation about the image.
            if (statement === undefined || statement.predicateType === COSIGN_SIGN_PREDICATE)
                return;
            verified.push({ statement, evidence, where, format, ...(input ? { input } : {}) });
        }
        catch (e) {
            const err = candidateRejection(e, where);
            if (!(0,errors/* isFailureCode */.sH)(err.code))
                unreadable ??= err;
            rejected.push({ where, code: err.code, reason: err.message });
        }
    };
    for (const c of candidates) {
        if (c.kind === 'bundle') {
            attempt(c.where, c.format, () => verifier.verifyBundle(c.bundle, { digest }, c.format), c.input);
        }
        else if (c.attestation) {
            const legacy = verifier.verifyLegacyAttestation?.bind(verifier);
            if (!legacy) {
                rejected.push({
                    where: c.where,
                    code: 'SIGNATURE_INVALID',
                    reason: `${c.where}: legacy .att attestations cannot be verified by this build`,
                });
                continue;
            }
            attempt(c.where, 'legacy-att', () => legacy({ envelope: c.payload, annotations: c.annotations }, digest), c.input);
        }
    }
    if (github) {
        for (const entry of await github(digest))
            attempt(entry.where, 'github-api', () => {
                if ('error' in entry)
                    throw entry.error;
                return verifier.verifyBundle(entry.bundle, { digest }, 'github-api');
            }, 'error' in entry ? undefined : githubInput(entry.where, entry.bundle));
    }
    return { verified, rejected, ...(unreadable ? { unreadable } : {}) };
}
/** A GitHub API bundle arrives inside a JSON answer: named by the digest of its JSON text. */
function githubInput(where, bundle) {
    const hex = (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(bundle)).digest('hex');
    return { uri: where, digest: `sha256:${hex}` };
}
/** Gather and decide the attestations of one digest (for callers without an image around them). */
async function checkAttestations(digest, candidates, plan) {
    const ev = await gatherAttestations(digest, candidates, plan.verifier, plan.github);
    const d = decideAttestations(ev, plan.requirements, plan.now?.() ?? new Date(), digest);
    if ('error' in d)
        throw d.error;
    return d;
}
//# sourceMappingURL=attestations.js.map
;// CONCATENATED MODULE: ./build/core/verify/lookup.js
// The signatures of one manifest digest in one store, as evidence: candidates discovered in each
// format, each verified or rejected. The order formats are looked in, and when looking stops, is
// decided here; what the evidence means is decided in decide.ts.



/**
 * Discover and verify the signatures of one manifest digest in one store.
 *
 * With attestations or require-all-keys every candidate counts, so every format is looked up and
 * any failure to read one is an error. Otherwise one valid signature verifies the digest:
 * candidates are fetched and judged one at a time, format after format, and the first that
 * verifies decides; nothing after it is fetched (so a flood behind a valid signature costs
 * nothing, and one in front of it stops at the byte budget). A format that yields a valid
 * signature decides even when the other could not be read (a registry error, a flood over the
 * limits), as cosign, which looks in one format, would. The `.sig` tag is looked in first (one
 * request for a key-signed image); once an image of a repository verified in one format, later
 * images look in that format first. Without a valid signature the error, if any, is thrown: the
 * evidence could not be obtained.
 */
async function gatherDigest(store, digest, verifier, lookup = {}) {
    const order = lookup.formatOrder;
    if (lookup.withAttestations || lookup.complete) {
        const found = await (0,discovery/* discover */.k4)(store, digest, {
            legacySuffixes: lookup.withAttestations ? ['.sig', '.att'] : ['.sig'],
        });
        const ev = evidence(digest, found, judge(found, digest, verifier));
        remember(order, store, ev.signatures);
        return ev;
    }
    const first = order?.first(store.name) ?? 'legacy';
    const looked = [];
    let failure;
    for (const format of [first, first === 'legacy' ? 'bundle' : 'legacy']) {
        const l = await lookFirstValid(store, digest, verifier, format).catch((e) => {
            failure ??= (0,errors/* toGateError */.Vl)(e);
            return undefined;
        });
        if (l)
            looked.push(l);
        if (l && l.judged.signatures.length > 0)
            break;
    }
    const signatures = looked.flatMap((l) => l.judged.signatures);
    // Without a valid signature, the first failure (in lookup order) is the error.
    if (signatures.length === 0 && failure !== undefined)
        throw failure;
    const found = looked.map((l) => l.found).reduce(discovery/* mergeDiscoveries */.vK, (0,discovery/* emptyDiscovery */.yy)());
    // Each format was within the limit on its own; together they may not be, which only matters
    // when no signature decided.
    if (signatures.length === 0)
        (0,discovery/* checkCount */.wE)(store, digest, found, looked.reduce((n, l) => n + l.read, 0));
    const ev = evidence(digest, found, {
        signatures,
        rejected: looked.flatMap((l) => l.judged.rejected),
    });
    remember(order, store, ev.signatures);
    return ev;
}
function evidence(digest, found, judged) {
    const unreadable = unreadableLimit(found);
    return { digest, found, ...judged, ...(unreadable ? { unreadable } : {}) };
}
/**
 * One format's candidates, each fetched, judged and dropped in turn, until one verifies. Only
 * what was judged is kept (evidence and rejections), never the candidates themselves.
 */
async function lookFirstValid(store, digest, verifier, format) {
    const found = (0,discovery/* emptyDiscovery */.yy)();
    const signatures = [];
    const rejected = [];
    let read = 0;
    // A candidate whose check could not finish (not a failure: e.g. a limit) is kept aside, so a
    // later candidate that verifies still decides; it is the error only if none does.
    let deferred;
    for await (const c of (0,discovery/* eachCandidate */.Hf)(store, digest, { formats: [format] }, found)) {
        read++;
        try {
            const j = judge({ ...(0,discovery/* emptyDiscovery */.yy)(), candidates: [c] }, digest, verifier);
            signatures.push(...j.signatures);
            rejected.push(...j.rejected);
        }
        catch (e) {
            deferred ??= (0,errors/* toGateError */.Vl)(e);
        }
        if (signatures.length > 0)
            break;
    }
    if (signatures.length === 0 && deferred !== undefined)
        throw (0,errors/* toGateError */.Vl)(deferred);
    // With no candidates kept, judging `found` yields just what discovery itself rejected (and
    // throws what it set aside, which only matters when nothing verified).
    const unreadable = signatures.length > 0 ? rejectionsOf(found) : judge(found, digest, verifier).rejected;
    return { found, judged: { signatures, rejected: [...unreadable, ...rejected] }, read };
}
/** The cheaper format wins when both verified: a legacy lookup costs one request less. */
function remember(order, store, signatures) {
    const formats = new Set(signatures.map((s) => (0,discovery/* storageFormat */.pi)(s.format)));
    if (formats.has('legacy'))
        order?.record(store.name, 'legacy');
    else if (formats.has('bundle'))
        order?.record(store.name, 'bundle');
}
//# sourceMappingURL=lookup.js.map
;// CONCATENATED MODULE: ./build/core/revocation/s3lo.js
// s3lo key records under a revocation list: a record that verified with a revoked key no longer
// counts. An s3lo record's signedAt is not signed, so it carries no trusted time: a `key` entry
// revokes it whatever its `since` says (without a time there is no "before").


/** The evidence with each verified record whose key the list revokes turned into a REVOKED one. */
function revokeS3loKeys(ev, list) {
    if (!list || !list.entries.some((e) => e.kind === 'key'))
        return ev;
    const keys = ev.keys.map((o) => {
        if (!o.ok)
            return o;
        const spki = o.key.publicKey.export({ type: 'spki', format: 'der' });
        const m = matchSignature(list, {
            kind: 'key',
            format: 's3lo-record',
            keyRef: o.key.keyRef,
            keyID: o.keyID,
            keySha256: (0,external_node_crypto_.createHash)('sha256').update(spki).digest('hex'),
        });
        if (!m)
            return o;
        return {
            ok: false,
            key: o.key,
            keyID: o.keyID,
            code: 'REVOKED',
            reason: `signature for key ${o.key.keyRef} ${revokedReason(list, m)}`,
            signedAt: o.signedAt,
        };
    });
    return { ...ev, keys };
}
//# sourceMappingURL=s3lo.js.map
;// CONCATENATED MODULE: ./build/core/verify/platforms.js
// Platform manifests of an index: which ones a selection names (matched as a runtime matches
// them), their signatures gathered as evidence, and the note that an unsigned index's platform
// manifests are signed.





/** Each selected platform manifest's signatures (or why they could not be had). */
async function gatherPlatforms(store, entries, selection, verifier, lookup) {
    let chosen;
    try {
        chosen = selectPlatforms(entries, selection);
    }
    catch (e) {
        // Not thrown here: the image's own signatures and attestations are judged first (decide.ts).
        return { error: (0,errors/* toGateError */.Vl)(e) };
    }
    const { selected, missing } = chosen;
    // A runtime looks through a nested index to a manifest whose signature was never asked for.
    const nested = new Set(entries.filter((d) => isIndexMediaType(d.mediaType)).map((d) => d.digest));
    const evidence = await Promise.all(selected.map(async (p) => {
        if (nested.has(p.digest))
            return { ...p, evidence: { nestedIndex: true } };
        try {
            return { ...p, evidence: await gatherDigest(store, p.digest, verifier, lookup) };
        }
        catch (e) {
            return { ...p, evidence: { error: (0,errors/* toGateError */.Vl)(e) } };
        }
    }));
    const available = missing.length
        ? selectPlatforms(entries, 'all').selected.map((p) => p.platform)
        : [];
    return { selected: evidence, missing, available };
}
/** Platform manifests of an index that `sel` asks for, and requested platforms it lacks. */
function selectPlatforms(entries, sel) {
    // buildx lists attestation manifests as platform unknown/unknown: they are not platforms. An
    // annotation saying so is unauthenticated and no runtime reads it, so it excludes nothing.
    const real = entries.filter((d) => d.platform === undefined || runtimePlatform(d.platform).os !== 'unknown');
    if (real.length > limits/* LIMITS */.b1.signaturesPerImage)
        throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `index lists ${real.length} platform manifests, limit ${limits/* LIMITS */.b1.signaturesPerImage}`);
    const entry = (d) => ({
        platform: d.platform ? (0,core_options/* formatPlatform */.Bq)(d.platform) : 'unspecified',
        digest: d.digest,
    });
    // A runtime pulls a manifest listed without a platform when none matches its own.
    if (sel === 'all')
        return { selected: real.map(entry), missing: [] };
    const selected = [];
    const missing = [];
    for (const want of sel) {
        // Matched as a runtime matches them, after normalising both sides: every manifest it could
        // pull for the platform asked for is selected.
        const w = runtimePlatform(want);
        const hits = real.filter((d) => {
            if (d.platform === undefined)
                return false;
            const p = runtimePlatform(d.platform);
            return (p.os === w.os &&
                p.architecture === w.architecture &&
                (want.variant === undefined || p.variant === w.variant));
        });
        if (hits.length === 0)
            missing.push((0,core_options/* formatPlatform */.Bq)(want));
        for (const h of hits)
            if (!selected.some((s) => s.digest === h.digest))
                selected.push(entry(h));
    }
    return { selected, missing };
}
/**
 * A platform as containerd's platforms.Normalize spells it (os and arch lower-cased, architecture
 * aliases and default variants folded), so that matching agrees with what a runtime would pull.
 */
function runtimePlatform(p) {
    const os0 = p.os.toLowerCase();
    const os = os0 === 'macos' ? 'darwin' : os0;
    let architecture = p.architecture.toLowerCase();
    let variant = (p.variant ?? '').toLowerCase();
    switch (architecture) {
        case 'i386':
            architecture = '386';
            variant = '';
            break;
        case 'x86_64':
        case 'x86-64':
        case 'amd64':
            architecture = 'amd64';
            if (variant === 'v1')
                variant = '';
            break;
        case 'aarch64':
        case 'arm64':
            architecture = 'arm64';
            if (variant === '8' || variant === 'v8' || variant === 'v8.0')
                variant = '';
            break;
        case 'armhf':
            architecture = 'arm';
            variant = 'v7';
            break;
        case 'armel':
            architecture = 'arm';
            variant = 'v6';
            break;
        case 'arm':
            if (variant === '' || variant === '7')
                variant = 'v7';
            else if (/^[568]$/.test(variant))
                variant = `v${variant}`;
            break;
    }
    return { os, architecture, variant };
}
const PROBE_PLATFORMS = 16;
/** For an unsigned index: which platform manifests do verify, as a note for the reason. */
async function signedPlatformsNote(store, entries, verifier) {
    let selected;
    try {
        selected = selectPlatforms(entries, 'all').selected.slice(0, PROBE_PLATFORMS);
    }
    catch {
        return '';
    }
    const signed = await Promise.all(selected.map(async (p) => {
        try {
            const ev = await gatherDigest(store, p.digest, verifier);
            return ev.signatures.length > 0 ? p.platform : undefined;
        }
        catch {
            // Only an explanation is at stake here; the verdict is already "failed".
            return undefined;
        }
    }));
    const names = signed.filter((n) => n !== undefined);
    if (names.length === 0)
        return '';
    return `; the index's platform manifest(s) ${names.join(', ')} are signed, but a signature on a platform manifest never verifies the index digest (set platforms to also require them)`;
}
//# sourceMappingURL=platforms.js.map
;// CONCATENATED MODULE: ./build/core/summaries/accept.js
// Admitting an image on a verification summary image-gate signed earlier (accept-summary): a
// bundle referrer of the digest, verified under the trusted gate signer, PASSED, under the same
// policy digest as this run's and younger than the limit. Anything else leaves full verification.






/** Clock skew tolerated for a summary verified "in the future". */
const SKEW_MS = 5 * 60_000;
/** The first summary of `digest` that may stand in for verification, and why others may not. */
async function findAcceptedSummary(store, target, a) {
    const { digest } = target;
    const rejected = [];
    // A summary is the verdict at its timeVerified. max-vuln-age asks how old the newest scan is
    // now, which the summary does not record: a scan 47 h old when a 23 h old summary was made is
    // 70 h old now. Such a rule is verified in full, whatever the summary says.
    const vulnAge = target.rule.attestations?.conditions.maxVulnAgeMs;
    if (vulnAge !== undefined) {
        rejected.push({
            where: 'summaries',
            code: 'POLICY_VIOLATION',
            reason: `verification summaries are not used under a rule with max-vuln-age (${Math.round(vulnAge / 1000)} s): a summary does not record how old the vuln scan it judged was, which keeps ageing after it`,
        });
        return { rejected };
    }
    const log = (0,discovery/* emptyDiscovery */.yy)();
    try {
        for await (const c of (0,discovery/* eachCandidate */.Hf)(store, digest, { formats: ['bundle'], predicateType: summaries_statement/* VSA_PREDICATE_TYPE */.cF }, log)) {
            if (c.kind !== 'bundle' || c.predicateTypeHint !== summaries_statement/* VSA_PREDICATE_TYPE */.cF)
                continue;
            const where = `summary ${c.where}`;
            try {
                const { statement, ...evidence } = a.verifier.verifyBundle(c.bundle, { digest }, c.format);
                const timeVerified = checkSummary(statement, evidence, a);
                checkTarget(statement, target, a);
                return {
                    accepted: { where, timeVerified, evidence, ...(c.input ? { input: c.input } : {}) },
                    rejected,
                };
            }
            catch (e) {
                const err = candidateRejection(e, where);
                rejected.push({ where, code: err.code, reason: err.message });
            }
        }
    }
    catch (e) {
        // Summaries are a shortcut: one that cannot be looked up leaves the full verification.
        const err = (0,errors/* toGateError */.Vl)(e);
        if (!(0,errors/* isFailureCode */.sH)(err.code) && err.code !== 'LIMIT_EXCEEDED')
            throw err;
        rejected.push({ where: 'summaries', code: err.code, reason: err.message });
    }
    return { rejected };
}
/** Why a verified summary cannot stand in here: a POLICY_VIOLATION rejection. */
function refuse(why) {
    throw new errors/* GateError */.ue('POLICY_VIOLATION', `verification summary ${why}`);
}
/** Throws POLICY_VIOLATION naming what makes the verified summary unusable here. */
function checkSummary(statement, evidence, a) {
    if (statement?.predicateType !== summaries_statement/* VSA_PREDICATE_TYPE */.cF)
        refuse(`has predicate type ${JSON.stringify(statement?.predicateType)}`);
    const p = (statement?.predicate ?? {});
    if (p.verificationResult !== 'PASSED')
        refuse(`says ${JSON.stringify(p.verificationResult)}, not PASSED`);
    const policy = (p.policy ?? {});
    const want = a.policyDigest.slice('sha256:'.length);
    const got = policy.digest?.sha256;
    if (got !== want)
        refuse(`is for policy sha256:${String(got)}, not this run's ${a.policyDigest}`);
    const claimed = typeof p.timeVerified === 'string' ? Date.parse(p.timeVerified) : NaN;
    if (Number.isNaN(claimed))
        refuse('has no timeVerified');
    const logged = evidence.signedAt ? Date.parse(evidence.signedAt) : NaN;
    const at = Number.isNaN(logged) ? claimed : Math.min(claimed, logged);
    const now = (a.now?.() ?? new Date()).getTime();
    if (claimed > now + SKEW_MS)
        refuse(`was verified in the future (${String(p.timeVerified)})`);
    if (now - at > a.maxAgeMs)
        refuse(`is ${Math.round((now - at) / 1000)} s old (verified ${new Date(at).toISOString()}), older than summary-max-age ${Math.round(a.maxAgeMs / 1000)} s`);
    return new Date(at).toISOString();
}
/**
 * A summary stands for one repository and one rule: the policy digest covers every rule, and one
 * digest can be pushed (with its summary copied) under another name that another rule governs,
 * e.g. a dev-signed image into a prod repository, or a tag a stricter rule matches. So the signed
 * subject must name this repository, and the reference it judged (`resourceUri`) must be in this
 * repository and fall under the rule this image falls under now.
 */
function checkTarget(statement, t, a) {
    const repo = (0,core_reference/* repositoryName */.aR)(t.ref);
    const hex = t.digest.slice(t.digest.indexOf(':') + 1);
    const subjects = Array.isArray(statement?.subject) ? statement.subject : [];
    if (!subjects.some((s) => s.name === repo && s.digest?.sha256 === hex))
        refuse(`is for ${subjects.map((s) => JSON.stringify(s.name)).join(', ') || 'no subject'}, not ${repo}`);
    const uri = statement?.predicate?.resourceUri;
    let judged;
    try {
        judged = typeof uri === 'string' ? (0,core_reference/* parseReference */.F2)(uri) : undefined;
    }
    catch {
        judged = undefined;
    }
    if (!judged || (0,core_reference/* repositoryName */.aR)(judged) !== repo)
        refuse(`judged resourceUri ${JSON.stringify(uri)}, not an image in ${repo}`);
    const then = (0,match/* selectRule */.vI)(a.policy, judged).rule;
    if (then !== t.rule)
        refuse(`judged ${String(uri)} under ${ruleLabel(a.policy, then)}; ${t.ref.original} falls under ${ruleLabel(a.policy, t.rule)}`);
}
function ruleLabel(policy, rule) {
    if (!rule)
        return 'no rule';
    const i = policy.rules.indexOf(rule);
    return rule.name !== undefined ? `rule ${JSON.stringify(rule.name)}` : `rules[${i}]`;
}
//# sourceMappingURL=accept.js.map
;// CONCATENATED MODULE: ./build/core/verify/image.js
// One image -> one ImageResult: resolve the reference to the digest of the bytes received, gather
// the evidence the rule asks for (signatures, attestations, platform manifests; an s3lo store's
// records), let decide.ts judge it, and explain the verdict in one line.














/**
 * Verify one image under one rule. `resolved` is the manifest already fetched for the reference's
 * tag (batch.ts resolves tags to deduplicate), so resolving costs no second request.
 */
async function verifyImage(ref, rule, stores, resolved) {
    // Everything read for this image, in any store or API, counts against one byte budget
    // (limits.ts), itself within the run's.
    const budget = (0,limits/* nestedBudget */.zS)(`image ${ref.original}`, limits/* LIMITS */.b1.imageBytes);
    const started = performance.now();
    try {
        const result = await (0,limits/* withByteBudget */.WN)(budget, () => ref.kind === 's3lo'
            ? verifyS3loImage(ref, rule, stores)
            : verifyStoreImage(ref, rule, stores, resolved));
        return { ...result, durationMs: ms(started) };
    }
    catch (e) {
        return resultFromError(ref.original, e, ms(started));
    }
}
async function verifyS3loImage(ref, rule, stores) {
    const ev = revokeS3loKeys(await gatherS3lo(ref.s3lo, rule.policy.signers.keys, stores.s3lo(ref)), rule.revocations);
    const revoked = ev.digest ? revokedDigest(rule, ev.digest) : undefined;
    const evidence = { kind: 's3lo', ...ev, ...(revoked ? { revoked } : {}) };
    const v = decide(evidence, rule.policy, now(stores));
    return {
        image: ref.original,
        ...(ev.digest ? { digest: ev.digest } : {}),
        ...(v.outcome === 'verified' && ev.digest ? { pinned: (0,core_reference/* pinnedReference */.ct)(ref, ev.digest) } : {}),
        ...resultFields(v),
    };
}
async function verifyStoreImage(ref, rule, stores, resolved) {
    const store = stores.storeFor(ref);
    const wanted = ref.digest ?? ref.tag;
    if (wanted === undefined)
        throw new errors/* GateError */.ue('REF_INVALID', `image '${ref.original}': name a tag or a digest`);
    const fetched = resolved && (ref.digest === undefined || ref.digest === resolved.digest)
        ? resolved
        : await store.getManifest(wanted);
    if (!fetched)
        throw new errors/* GateError */.ue('NOT_FOUND', `image not found: ${ref.original} (${store.name} has no ${wanted})`);
    // From here on only the digest computed over the bytes received is used.
    const digest = fetched.digest;
    const policy = rule.policy;
    const entries = fetched.manifest.manifests;
    // A revoked digest (the image's, or a manifest its index lists) fails whatever signs it: its
    // signatures are not even looked up.
    const revoked = revokedDigest(rule, digest) ?? (await revokedEntry(rule, store, entries, NESTED_INDEX_DEPTH));
    if (revoked !== undefined) {
        const none = { digest, found: (0,discovery/* emptyDiscovery */.yy)(), signatures: [], rejected: [] };
        const evidence = {
            kind: 'store',
            digest,
            signatures: none,
            index: entries !== undefined,
            revoked,
        };
        return { image: ref.original, digest, ...resultFields(decide(evidence, policy, now(stores))) };
    }
    // accept-summary: the gate's own earlier verdict on these bytes under this policy, if valid.
    let summaryRejections = [];
    // A summary cannot show that the signatures it rested on are still unrevoked (it names them by
    // digest only): with a list revoking keys, identities, certificates or log entries, the image
    // is verified in full. Revoked digests are checked above, before any summary.
    const signerRevocations = rule.revocations?.entries.some((e) => e.kind !== 'digest') === true;
    if (rule.summary && !signerRevocations) {
        const found = await findAcceptedSummary(store, { ref, digest, rule: policy }, rule.summary);
        const a = found.accepted;
        if (a)
            return {
                image: ref.original,
                digest,
                pinned: (0,core_reference/* pinnedReference */.ct)(ref, digest),
                outcome: 'verified',
                verified: true,
                signatures: [a.evidence],
                attestations: [],
                ...(found.rejected.length ? { rejected: found.rejected } : {}),
                ...(a.input ? { inputs: [a.input] } : {}),
                acceptedSummary: { where: a.where, timeVerified: a.timeVerified },
            };
        summaryRejections = found.rejected;
    }
    const lookup = {
        withAttestations: policy.attestations !== undefined,
        // Every key must have signed: the first valid signature may be another key's or keyless.
        complete: policy.requireAllKeys &&
            (policy.signers.keys.length > 1 ||
                (policy.signers.keys.length > 0 && policy.signers.identities.length > 0)),
        ...(stores.formatOrder ? { formatOrder: stores.formatOrder } : {}),
    };
    const signatures = await gatherDigest(store, digest, rule.verifier, lookup);
    const evidence = {
        kind: 'store',
        digest,
        signatures,
        index: entries !== undefined,
        ...(policy.attestations
            ? {
                attestations: await gatherAttestations(digest, signatures.found.candidates, rule.attestationVerifier, rule.github),
            }
            : {}),
        ...(entries !== undefined && policy.platforms !== undefined
            ? {
                platforms: await gatherPlatforms(store, entries, policy.platforms, rule.verifier, {
                    ...lookup,
                    withAttestations: false,
                }),
            }
            : {}),
    };
    const v = decide(evidence, policy, now(stores));
    const attestationInputs = (evidence.attestations?.verified ?? [])
        .filter((a) => policy.attestations?.types.includes(a.statement.predicateType))
        .flatMap((a) => (a.input ? [a.input] : []));
    // The index digest is what is gated. Platform signatures never stand in for it, but saying
    // they exist turns a puzzling "unsigned" into an actionable one.
    if (v.unsignedIndex && entries !== undefined)
        v.reason = (v.reason ?? '') + (await signedPlatformsNote(store, entries, rule.verifier));
    v.rejected.push(...summaryRejections);
    if (v.incomplete)
        return { image: ref.original, ...resultFields(v) };
    return {
        image: ref.original,
        digest,
        pinned: (0,core_reference/* pinnedReference */.ct)(ref, digest),
        ...resultFields(v, attestationInputs),
    };
}
/** Why the run's revocation list revokes this digest, if it does. */
function revokedDigest(rule, digest) {
    const list = rule.revocations;
    const m = list && matchDigest(list, digest);
    return list && m ? revokedReason(list, m) : undefined;
}
/** Indexes inside indexes looked through for revoked manifests (containerd resolves them). */
const NESTED_INDEX_DEPTH = 4;
/**
 * An index listing a revoked manifest is revoked: a runtime may pull that manifest. Listed
 * indexes are looked through too (containerd's image handlers descend into a nested index), so a
 * revoked manifest wrapped in one more index is still found; they are fetched only while the list
 * revokes digests, and their bytes are checked against the digest listed (getManifest).
 */
async function revokedEntry(rule, store, entries, depth) {
    for (const d of entries ?? []) {
        const why = revokedDigest(rule, d.digest);
        if (why !== undefined) {
            const p = d.platform
                ? ` (${d.platform.os}/${d.platform.architecture}${d.platform.variant ? `/${d.platform.variant}` : ''})`
                : '';
            return `an index listing ${d.digest}${p}, which is ${why}`;
        }
    }
    if (!rule.revocations?.entries.some((e) => e.kind === 'digest'))
        return undefined;
    for (const d of entries ?? []) {
        if (!isIndexMediaType(d.mediaType))
            continue;
        if (depth <= 0)
            throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `index ${d.digest} is nested more than ${NESTED_INDEX_DEPTH} deep: its manifests cannot be checked against the revocation list`);
        const nested = await store.getManifest(d.digest);
        if (!nested)
            throw new errors/* GateError */.ue('NOT_FOUND', `nested index ${d.digest} not found: its manifests cannot be checked against the revocation list`);
        const why = await revokedEntry(rule, store, nested.manifest.manifests, depth - 1);
        if (why !== undefined)
            return `an index listing ${d.digest}, ${why}`;
    }
    return undefined;
}
/**
 * The verdict as the report's fields. Each verified signature's `input` (where it was found, the
 * digest of its bytes) moves to `inputs`, with the required attestations' that verified.
 */
function resultFields(v, attestationInputs = []) {
    const inputs = [];
    const signatures = v.signatures.map(({ input, ...s }) => {
        if (input)
            inputs.push(input);
        return s;
    });
    inputs.push(...attestationInputs);
    return {
        outcome: v.outcome,
        verified: v.outcome === 'verified',
        ...(v.code !== undefined && v.outcome !== 'verified' ? { code: v.code } : {}),
        ...(v.reason !== undefined && v.outcome !== 'verified' ? { reason: v.reason } : {}),
        ...(v.keyRef ? { keyRef: v.keyRef } : {}),
        ...(v.keyID ? { keyID: v.keyID } : {}),
        ...(v.signedAt ? { signedAt: v.signedAt } : {}),
        signatures,
        attestations: v.attestations,
        ...(v.rejected.length ? { rejected: v.rejected } : {}),
        ...(v.platforms ? { platforms: v.platforms } : {}),
        ...(inputs.length ? { inputs: uniqueInputs(inputs) } : {}),
    };
}
function uniqueInputs(inputs) {
    const seen = new Set();
    return inputs.filter((i) => {
        const key = `${i.uri} ${i.digest}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
function now(stores) {
    return stores.now?.() ?? new Date();
}
function ms(started) {
    return Math.round(performance.now() - started);
}
//# sourceMappingURL=image.js.map
;// CONCATENATED MODULE: ./build/core/verify/mode.js
// The rule's mode applied to a result, after the verdict: under a rule in warn mode (before its
// enforce-after date) a failed image is `warned`, its code and reason kept; errors stay errors,
// verified stays verified. The one place a mode changes an outcome (batch.ts calls it); renderers
// only show it. Pure: the clock is an argument.

function applyMode(result, rule, now) {
    if (result.outcome !== 'failed' || !(0,policy_mode/* warnsAt */.zi)(rule, now))
        return result;
    return {
        ...result,
        outcome: 'warned',
        verified: false,
        ...(rule.enforceAfter !== undefined ? { enforceAfter: (0,policy_mode/* formatDay */.im)(rule.enforceAfter) } : {}),
    };
}
//# sourceMappingURL=mode.js.map
;// CONCATENATED MODULE: ./build/core/verify/batch.js
// Many images -> results in input order, with bounded concurrency. Tags are resolved to digests
// first, so references with one identity (every spelling of one name) and references to one
// digest are verified once; fail-fast stops scheduling after the first supply-chain failure.







async function verifyBatch(images, engine, opts) {
    // Finished results, packed (packed-results.ts): the batch holds every one until it returns.
    const packed = new packed_results/* PackedResults */.T9(images.length);
    // Keyed by the normalised reference, and by `identity@digest` once a tag is resolved; s3lo
    // images by the reference as given, since its signed payload names the bucket as written.
    // Flat memory: once the image that made an entry has finished, the entry is the index of that
    // image's packed result, not a second copy of it (see `settle`).
    const inflight = new Map();
    // The entries each image made and awaited, while it runs.
    const made = new Map();
    let next = 0;
    let done = 0;
    let stop = false;
    // One clock reading per run: an enforce-after date is crossed between runs, not within one.
    const now = engine.stores.now?.() ?? new Date();
    // Per registry, the identities of images not yet finished: what its pull limit must still cover.
    const pending = new Map();
    // Per identity key (what `keyed` is asked with first), the images not yet finished that may
    // still ask for it: when the last has finished, its entries are dropped (flat memory, issue 15:
    // each held a promise of a whole result). Entries by digest stay: any later tag may resolve there.
    const unfinished = new Map();
    const idKeyOf = new Array(images.length);
    // One string per registry name, not one per image: these arrays live for the whole batch.
    const registryNames = new Map();
    const registryOf = images.map((image, i) => {
        try {
            const ref = (0,core_reference/* parseReference */.F2)(image);
            const id = identityKey(ref);
            // A digest reference's identity is also the key a tag resolving to that digest uses: kept.
            if (ref.kind === 's3lo' || ref.digest === undefined) {
                idKeyOf[i] = id;
                unfinished.set(id, (unfinished.get(id) ?? 0) + 1);
            }
            if (ref.kind !== 'registry')
                return undefined;
            let registry = registryNames.get(ref.registry);
            if (registry === undefined)
                registryNames.set(ref.registry, (registry = ref.registry));
            let m = pending.get(registry);
            if (!m)
                pending.set(registry, (m = new Map()));
            m.set(id, (m.get(id) ?? 0) + 1);
            return { registry, id };
        }
        catch {
            return undefined;
        }
    });
    const prefixes = engine.policy.rules.map((_, n) => `rule${n}|`);
    const finished = (i) => {
        const idKey = idKeyOf[i];
        if (idKey !== undefined) {
            const left = (unfinished.get(idKey) ?? 1) - 1;
            if (left > 0)
                unfinished.set(idKey, left);
            else {
                unfinished.delete(idKey);
                for (const prefix of prefixes)
                    inflight.delete(prefix + idKey);
            }
        }
        const r = registryOf[i];
        const m = r && pending.get(r.registry);
        if (!r || !m)
            return;
        const n = (m.get(r.id) ?? 1) - 1;
        if (n > 0)
            m.set(r.id, n);
        else
            m.delete(r.id);
    };
    const once = (i, key, run) => {
        const got = inflight.get(key);
        if (typeof got === 'number')
            return Promise.resolve(packed.get(got));
        if (got)
            return got;
        const p = run();
        inflight.set(key, p);
        made.get(i)?.push(key);
        return p;
    };
    /**
     * Image `i` has finished and its result is packed: each entry it made now points at that
     * result. Its result is the entry's own with only what each asker sets again (image, identity,
     * rule, durationMs for a tag) and the rule's mode applied (the entry is per rule, and applyMode
     * leaves a result it made as it is), so a later asker gets the same verdict. An entry dropped
     * or replaced meanwhile is left alone, and so is one that rejected.
     */
    const settle = async (i) => {
        const keys = made.get(i) ?? [];
        made.delete(i);
        for (const key of keys) {
            const p = inflight.get(key);
            if (typeof p !== 'object')
                continue;
            const fulfilled = await p.then(() => true, () => false);
            if (fulfilled && inflight.get(key) === p)
                inflight.set(key, i);
        }
    };
    const runOne = async (i) => {
        const image = images[i];
        let ref;
        try {
            ref = (0,core_reference/* parseReference */.F2)(image);
        }
        catch (e) {
            return resultFromError(image, e);
        }
        const identity = (0,core_reference/* referenceIdentity */.w$)(ref);
        // Each image has the rule it matches; deduplication is per rule, since two names for one
        // digest may fall under different rules.
        const m = (0,match/* selectRule */.vI)(engine.policy, ref);
        if (!m.rule) {
            if (!m.allowed && opts.failFast)
                stop = true;
            return { ...unmatchedResult(image, m.reason, m.allowed), identity };
        }
        const rule = m.rule;
        const index = engine.policy.rules.indexOf(rule);
        const prefix = prefixes[index] ?? `rule${index}|`;
        const keyed = (key, run) => once(i, prefix + key, run);
        const ctx = engine.contextFor(rule);
        const budget = engine.pullBudget;
        if (budget && ref.kind === 'registry' && !inflight.has(prefix + identity)) {
            try {
                budget.admit(ref.registry, pending.get(ref.registry)?.size ?? 1);
            }
            catch (e) {
                return { ...resultFromError(image, e), identity };
            }
        }
        const r = await keyed(identityKey(ref), () => verifyDeduped(ref, ctx, engine.stores, keyed));
        // The rule's mode after the verdict (verify/mode.ts): a warned image does not stop the batch.
        const result = applyMode({ ...r, image, identity, ...(engine.policy.file ? { rule: rule.name } : {}) }, rule, now);
        if (result.outcome === 'failed' && opts.failFast)
            stop = true;
        return result;
    };
    const worker = async () => {
        while (next < images.length) {
            const i = next++;
            made.set(i, []);
            const r = stop || opts.signal?.aborted
                ? skippedResult(images[i], stop
                    ? 'skipped after an earlier failure (fail-fast)'
                    : 'deadline reached before this image was verified')
                : await runOne(i);
            finished(i);
            done++;
            packed.set(i, r);
            opts.onResult?.(r, done, images.length);
            await settle(i);
        }
    };
    const n = Math.max(1, Math.min(opts.concurrency, images.length));
    await Promise.all(Array.from({ length: n }, worker));
    if (opts.stats)
        opts.stats.dedupEntries = inflight.size;
    return packed.results;
}
/** The first deduplication key of an image: its identity; s3lo's the reference as given. */
function identityKey(ref) {
    return ref.kind === 's3lo' ? `s3lo ${ref.original}` : (0,core_reference/* referenceIdentity */.w$)(ref);
}
/**
 * Resolves a tag once, then verifies `repository@digest` once however many references name it.
 * The manifest fetched for the tag is handed to verification, so resolving costs no request.
 */
async function verifyDeduped(ref, ctx, stores, once) {
    if (ref.kind === 's3lo')
        return verifyImage(ref, ctx, stores);
    if (ref.digest !== undefined)
        return once(`${ref.identity}@${ref.digest}`, () => verifyImage(ref, ctx, stores));
    if (ref.tag === undefined)
        return verifyImage(ref, ctx, stores);
    const started = performance.now();
    const store = stores.storeFor(ref);
    if (store.resolve && store.countsPulls?.()) {
        // A registry that counts manifest GETs as pulls: the tag by HEAD, then its manifest by digest
        // once per digest in the run (a second tag of one digest costs no pull).
        let head;
        try {
            head = await store.resolve(ref.tag);
        }
        catch (e) {
            return resultFromError(ref.original, e, Math.round(performance.now() - started));
        }
        if (!head) {
            const err = new errors/* GateError */.ue('NOT_FOUND', `image not found: ${ref.original} (${store.name} has no ${ref.tag})`);
            return resultFromError(ref.original, err, Math.round(performance.now() - started));
        }
        const pinned = { ...ref, digest: head.digest };
        const fetched = head.fetched;
        const r = await once(`${ref.identity}@${head.digest}`, () => fetched ? verifyImage(ref, ctx, stores, fetched) : verifyImage(pinned, ctx, stores));
        return { ...r, durationMs: Math.round(performance.now() - started) };
    }
    let fetched;
    try {
        fetched = await store.getManifest(ref.tag);
    }
    catch (e) {
        return resultFromError(ref.original, e, Math.round(performance.now() - started));
    }
    // Not found: verification asks again and words the verdict itself.
    if (!fetched)
        return verifyImage(ref, ctx, stores);
    const resolved = fetched;
    const r = await once(`${ref.identity}@${resolved.digest}`, () => verifyImage(ref, ctx, stores, resolved));
    return { ...r, durationMs: Math.round(performance.now() - started) };
}
//# sourceMappingURL=batch.js.map
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
;// CONCATENATED MODULE: ./build/core/young-generation.js
// Flat memory for long batches (issue 15): V8's young generation doubles whenever the bytes that
// survived scavenges since its last growth exceed its size, so a batch that allocates steadily
// grows it to the maximum (64 MB semi-spaces on Node 24: 128 MB of new space, most of the RSS of a
// 3 000-image run whose live heap is 15-30 MB). The maximum is fixed when the process starts
// (`--max-semi-space-size`), which a GitHub Action's `node24` runtime and an npm bin cannot pass;
// the growth factor is read at each growth, so once the new space has reached the cap it is set
// to 1 and the new space stays there (it may still shrink when the process idles). Measured in docs/benchmarks.md, "Flat memory and the limit".
//
// The old generation (round 2): V8 lets old space grow to 1.5-2x its live size before a full
// collection, and the ArrayBuffers and native objects (socket reads, digests, KeyObjects) of
// responses that outlived two scavenges wait for that collection too: at 10 000 images external
// memory swung 3 -> 50 MB and glibc kept the pages. `--heap-growing-percent` is read at each
// limit computation, so it too can be set at run time; with it the old generation may grow by
// 20 % of its live size or V8's minimum step (16 MB on 64-bit), whichever is larger, before the
// next mark-compact. Measured in docs/benchmarks.md, "Flat memory, round 2".

/** New-space size (both semi-spaces) the batch may grow to: 16 MB, 8 MB semi-spaces. */
const YOUNG_GENERATION_CAP_BYTES = 16 * 2 ** 20;
const CHECK_MS = 25;
/** How much old space may grow over its live size between full collections during a run. */
const OLD_GENERATION_GROWING_PERCENT = 20;
function newSpaceBytes() {
    return (0,external_node_v8_.getHeapSpaceStatistics)().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}
/**
 * Watches the new space (every 25 ms, unref'd) and stops its growth once it reaches `capBytes`,
 * and bounds the old generation's growth (OLD_GENERATION_GROWING_PERCENT) until released;
 * returns the release. The young cap, once reached, stays for the process: the report is
 * rendered after the batch, and a CLI or Action process ends with its run; the old bound is
 * given back (V8's own heuristic, `--heap-growing-percent=0`).
 * Once per process: a second call while one watches returns a no-op.
 */
function capYoungGeneration(capBytes = YOUNG_GENERATION_CAP_BYTES) {
    if (watching)
        return () => undefined;
    watching = true;
    (0,external_node_v8_.setFlagsFromString)(`--heap-growing-percent=${OLD_GENERATION_GROWING_PERCENT}`);
    let capped = false;
    const check = () => {
        if (capped || newSpaceBytes() < capBytes)
            return;
        (0,external_node_v8_.setFlagsFromString)('--semi-space-growth-factor=1');
        capped = true;
    };
    check();
    const timer = setInterval(check, CHECK_MS).unref();
    return () => {
        clearInterval(timer);
        (0,external_node_v8_.setFlagsFromString)('--heap-growing-percent=0');
        watching = false;
    };
}
let watching = false;
//# sourceMappingURL=young-generation.js.map
;// CONCATENATED MODULE: ./build/core/revocation/verifier.js
// A verifier whose verified signatures are checked against the revocation list: a revoked one is
// a rejection with code REVOKED (judge.ts records it), so it no longer counts as evidence for
// image signatures and attestations alike, and the lookup goes on to the next candidate.


function revokingVerifier(inner, list) {
    const check = (what, ev) => {
        const m = matchSignature(list, ev);
        if (m)
            throw new errors/* GateError */.ue('REVOKED', `${what}: signature ${revokedReason(list, m)}`);
        return ev;
    };
    const out = {
        verifyLegacy: (layer, digest) => check('.sig layer', inner.verifyLegacy(layer, digest)),
        verifyBundle: (bundle, subject, format) => check(`bundle (${format})`, inner.verifyBundle(bundle, subject, format)),
    };
    const att = inner.verifyLegacyAttestation?.bind(inner);
    if (att)
        out.verifyLegacyAttestation = (layer, digest) => check('.att layer', att(layer, digest));
    return out;
}
//# sourceMappingURL=verifier.js.map
;// CONCATENATED MODULE: ./build/core/gate.js
// The run: GateOptions -> RunPolicy (compiled once) and RunSettings -> trust material, verifiers
// per rule, stores -> the batch -> Report. Secrets are gathered first and redacted from all output.


























/**
 * Secrets the key sources send (vault.ts, kms.ts) or sign with. COSIGN_PASSWORD is not one: it
 * never leaves the process, and a short one redacted everywhere would garble every report.
 */
const ENV_SECRETS = [
    'VAULT_TOKEN',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    // Keyless summary signing: the runner's token request credential and an OIDC token given.
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'SIGSTORE_ID_TOKEN',
];
async function runGate(o, hooks = {}) {
    const secrets = hooks.secrets ?? new SecretRegistry();
    for (const c of o.registryCredentials)
        secrets.addCredential(c.username, c.password);
    if (o.githubToken)
        secrets.addCredential('x-access-token', o.githubToken);
    // The key sources' own secrets: a Vault or KMS endpoint may quote them back too.
    const env = hooks.env ?? process.env;
    for (const name of ENV_SECRETS)
        secrets.add(env[name]);
    // The Vault CLI's token file is sent like VAULT_TOKEN when that is unset (vault.ts).
    if (!env.VAULT_TOKEN)
        secrets.add(await (0,vault/* vaultTokenFile */.sU)(env));
    // Whatever a server quoted back, nothing leaves the core with a secret in it.
    const redacted = { ...hooks, secrets };
    if (hooks.log) {
        const log = hooks.log;
        redacted.log = (m) => log(secrets.redact(m));
    }
    if (hooks.onResult) {
        const onResult = hooks.onResult;
        redacted.onResult = (r, done, total) => onResult(secrets.redactDeep(r), done, total);
    }
    // The young generation held at 16 MB for the run (young-generation.ts, issue 15 flat memory).
    const release = capYoungGeneration();
    try {
        return secrets.redactDeep(await gate(o, redacted, secrets));
    }
    finally {
        release();
    }
}
async function gate(given, hooks, secrets) {
    const startedAt = new Date().toISOString();
    const env = hooks.env ?? process.env;
    // Images named in files join the batch once per reference, each result with every FILE:LINE.
    const files = await imagesFromFiles(given, env, hooks.readStdin, hooks.files);
    // `shard: I/N` keeps this job's part of the whole list (duplicates collapsed first); an empty
    // whole list is still refused below, an empty part is a shard that verifies nothing.
    const sharded = files.options.shard
        ? (0,shard/* selectShard */.Xm)(files.options.images, files.options.shard)
        : undefined;
    const o = sharded ? { ...files.options, images: sharded.images } : files.options;
    const withSources = (r) => {
        const sources = files.sources.get(r.image);
        return sources ? { ...r, sources } : r;
    };
    if (hooks.onResult) {
        const onResult = hooks.onResult;
        hooks = { ...hooks, onResult: (r, done, total) => onResult(withSources(r), done, total) };
    }
    // One id per run and where it ran, so merge can tell a copied shard from another shard.
    const github = (0,report_finish/* githubRunOf */.oM)(env);
    const run = {
        runId: (0,external_node_crypto_.randomUUID)(),
        ...(github ? { github } : {}),
        ...(sharded ? { shard: sharded.info } : {}),
    };
    const settings = runSettings(o, env);
    const summary = summaryContext(o);
    let policy;
    const deadline = AbortSignal.timeout(settings.timeoutMs);
    let client;
    let warnings = [];
    try {
        if (files.error)
            throw files.error;
        if ((sharded?.info.totalImages ?? settings.images.length) === 0)
            throw new errors/* GateError */.ue('USAGE', `images: no image references given${files.sources.size === 0 && (o.manifests?.length || o.imagesFile) ? ' (the files given name none)' : ''}`);
        policy = await compileRunPolicy(o, env);
        checkRunPolicy(settings.images, policy, { ...settings, githubRepository: o.githubRepository });
        // The report names the root the run verified with: the digest of the very bytes loaded.
        const root = await trustMaterial(settings, policy, o.acceptSummary !== undefined, (hex) => (summary.trustedRootSha256 = hex));
        await addRootDigest(summary);
        const acceptance = o.acceptSummary
            ? await summaryAcceptance(o.acceptSummary, root, (0,report_finish/* policyDigest */.p1)(summarizeRunPolicy(summary, policy)), policy, env)
            : undefined;
        warnings = [...files.warnings, ...root.warnings];
        // Read once, before any image: a bad Docker config is the run's error, said once, not each
        // registry image's. Runs without registry images never read it.
        const dockerConfig = settings.images.some(isRegistryImage)
            ? await loadDockerConfig(undefined, env)
            : undefined;
        // Once per run, before any image: a list that cannot be had or trusted is the run's error.
        const revoked = policy.revocations
            ? await loadRevocations(policy.revocations, {
                ...(root.root ? { root: root.root } : {}),
                env,
                signal: deadline,
                redact: (t) => secrets.redact(t),
            })
            : undefined;
        if (sharded && settings.images.length === 0)
            warnings.push((0,shard/* emptyShardWarning */.wM)(sharded.info));
        client = new RegistryClient({
            env,
            ...(dockerConfig ? { dockerConfig } : {}),
            insecureRegistries: settings.insecureRegistries,
            credentials: settings.registryCredentials,
            ...(settings.githubToken ? { githubToken: settings.githubToken } : {}),
            signal: deadline,
            deadline: Date.now() + settings.timeoutMs,
            maxConnectionsPerOrigin: Math.max(settings.concurrency, 2),
            concurrencyPerRegistry: settings.concurrency,
            ...(hooks.log ? { log: hooks.log } : {}),
            secrets,
        });
        const githubSource = policy.github
            ? githubAttestationSource(policy.github, settings, deadline, hooks.getOctokit)
            : undefined;
        // One context per rule, built once and shared by every image the rule governs.
        const contexts = new Map();
        const contextFor = (rule) => {
            let ctx = contexts.get(rule);
            if (!ctx)
                contexts.set(rule, (ctx = withRevocations(ruleContext(rule, root, githubSource, acceptance), revoked)));
            return ctx;
        };
        const engine = {
            policy,
            contextFor,
            stores: runStores(client, env),
            pullBudget: client.governor,
        };
        // Every image has its byte budget (verify/image.ts), and all of them together this one.
        const results = await (0,limits/* withByteBudget */.WN)(new limits/* ByteBudget */.Gz('run', limits/* LIMITS */.b1.runBytes), () => verifyBatch(settings.images, engine, {
            concurrency: settings.concurrency,
            failFast: settings.failFast,
            signal: deadline,
            ...(hooks.onResult ? { onResult: hooks.onResult } : {}),
        }));
        const policySummary = summarizeRunPolicy(summary, policy);
        const finished = (0,packed_results/* mapResults */.du)(results, withSources);
        // Summaries after every verdict; a failure to sign or push them is the run's error.
        let summaries;
        let summaryError;
        if (o.summaries) {
            try {
                summaries = await produceSummaries(finished, {
                    policyDigest: (0,report_finish/* policyDigest */.p1)(policySummary),
                    ...(o.policyFile ? { policyFile: o.policyFile } : {}),
                    timeVerified: new Date().toISOString(),
                    ...(o.summaries.verifierId ? { verifierId: o.summaries.verifierId } : {}),
                }, o.summaries, {
                    env,
                    client,
                    timeoutMs: settings.timeoutMs,
                    ...(hooks.idToken ? { idToken: redactedToken(hooks.idToken, secrets) } : {}),
                });
            }
            catch (e) {
                const err = (0,errors/* toGateError */.Vl)(e);
                summaryError = { code: err.code, message: err.message };
            }
        }
        return (0,report_finish/* finishReport */.Ux)({
            ...run,
            startedAt,
            policy: policySummary,
            results: finished,
            warnings,
            stats: { registryRequests: client.stats.requests, registries: client.governor.allStats() },
            ...(revoked ? { revocations: revoked.summary } : {}),
            ...(summaryError ? { error: summaryError } : {}),
            ...(summaries ? { summaries } : {}),
        });
    }
    catch (e) {
        const err = (0,errors/* toGateError */.Vl)(e);
        await addRootDigest(summary);
        return (0,report_finish/* finishReport */.Ux)({
            ...run,
            startedAt,
            policy: summarizeRunPolicy(summary, policy),
            error: { code: err.code, message: err.message },
            // The run could not start: every image is an error, whatever the code.
            results: settings.images.map((image) => withSources({ ...resultFromError(image, err), outcome: 'error' })),
            warnings,
        });
    }
    finally {
        await client?.close();
    }
}
/**
 * The options with the images of `manifests` and `imagesFile` added (each distinct reference
 * once, after the ones given), and where each is written. A file that cannot be read or parsed
 * is the run's start error, so every front end reports it the same way (exit 2).
 */
async function imagesFromFiles(o, env, readStdin, read) {
    const none = { options: o, sources: new Map(), warnings: [] };
    if (!o.manifests?.length && o.imagesFile === undefined)
        return none;
    try {
        // The manifest readers and their YAML parser load only for runs that read files.
        const { findImages, groupSources } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(729)]).then(__webpack_require__.bind(__webpack_require__, 41729));
        const found = read && o.imagesFile === undefined
            ? read
            : await findImages({
                paths: o.manifests ?? [],
                lists: o.imagesFile !== undefined ? [o.imagesFile] : [],
                env,
                ...(o.composeEnv ? { composeEnv: o.composeEnv } : {}),
                ...(readStdin ? { readStdin } : {}),
            });
        const { images, sources } = groupSources(found.occurrences, gate_identityKey, o.images);
        return {
            options: { ...o, images },
            sources,
            warnings: found.empty.map((f) => `${f}: no image references found`),
        };
    }
    catch (e) {
        return { ...none, error: (0,errors/* toGateError */.Vl)(e) };
    }
}
/** Does `image` name a registry image (what the Docker config holds credentials for)? */
function isRegistryImage(image) {
    try {
        return (0,core_reference/* parseReference */.F2)(image).kind === 'registry';
    }
    catch {
        return false;
    }
}
/** The normalised reference where it parses (what the batch dedupes by), else the text. */
function gate_identityKey(image) {
    try {
        return (0,core_reference/* referenceIdentity */.w$)((0,core_reference/* parseReference */.F2)(image));
    }
    catch {
        return image;
    }
}
/**
 * s3lo records are plain key signatures: a batch of only s3lo images needs no Sigstore trust
 * material, so it neither fetches nor requires it. A root the user names is always used: a policy
 * that needs no log or time still checks the RFC 3161 timestamps and log entries a bundle carries
 * against it, instead of failing them.
 */
async function trustMaterial(settings, policy, 
/** accept-summary: summaries are verified with their Rekor entries (and keyless certificates). */
forSummaries, 
/** Told the digest of a trusted root file's bytes as they are read (LoadTrustedRootOptions). */
onFileRead) {
    const sigstore = settings.images.some((i) => !(0,core_reference/* isS3loReference */.Tc)(i));
    const t = settings.trust;
    const rootOpts = (0,trust_root.rootLoadOptions)(t);
    // A keyless revocation list is verified against the root even in an s3lo-only run.
    const keylessList = policy.revocations?.identity !== undefined;
    if (!keylessList &&
        (!sigstore || !(t.trustedRoot || forSummaries || policy.rules.some(needsTrustRoot))))
        return { sigstore, warnings: [] };
    // The loader adds a warning when it fell back to cached TUF metadata (mirror unreachable).
    const warnings = [];
    const root = await (0,trust_root.loadTrustedRoot)({ ...rootOpts, warnings, onFileRead });
    warnings.push(...(0,trust_root.trustedRootWarnings)(root, rootOpts));
    return { root, sigstore, warnings };
}
/** Whether verifying under this rule needs Sigstore trust material (a tlog or keyless). */
function needsTrustRoot(rule) {
    return [rule.signers, rule.attestationSigners].some((s) => s !== undefined && (s.identities.length > 0 || rule.tlog || s.keys.some((k) => k.validFor)));
}
/**
 * The accept-summary verifier, built once: the gate's key or identity, Rekor entry required (SCT
 * too for a certificate), whatever the image rules relax; and this run's policy digest.
 */
async function summaryAcceptance(a, trust, digest, policy, env) {
    if (!trust.sigstore)
        return undefined;
    const keys = a.keyRef ? [await (0,trust_keys.loadKey)(a.keyRef, { env })] : [];
    const identities = a.identity !== undefined && a.issuer !== undefined
        ? [{ subject: { exact: a.identity }, issuer: { exact: a.issuer } }]
        : [];
    return {
        verifier: (0,signatures_verifier.createSignatureVerifier)(trust.root, {
            keys,
            identities,
            requireTlog: true,
            requireSct: true,
        }),
        policyDigest: digest,
        policy,
        maxAgeMs: a.maxAgeMs,
    };
}
function ruleContext(rule, trust, github, summary) {
    const log = { requireTlog: rule.tlog, requireSct: rule.sct };
    const verifier = trust.sigstore
        ? (0,signatures_verifier.createSignatureVerifier)(trust.root, { ...rule.signers, ...log })
        : NO_SIGSTORE;
    const attestationVerifier = rule.attestationSigners && trust.sigstore
        ? (0,signatures_verifier.createSignatureVerifier)(trust.root, { ...rule.attestationSigners, ...log })
        : verifier;
    return {
        policy: rule,
        verifier,
        attestationVerifier,
        ...(github && rule.attestations ? { github } : {}),
        ...(summary ? { summary } : {}),
    };
}
/** The rule's verifiers with revoked signatures turned into rejections, and the list itself. */
function withRevocations(ctx, loaded) {
    if (!loaded)
        return ctx;
    const list = loaded.list;
    return {
        ...ctx,
        verifier: revokingVerifier(ctx.verifier, list),
        attestationVerifier: revokingVerifier(ctx.attestationVerifier, list),
        revocations: list,
    };
}
/** What the report's policy section says of a run, even one refused before it compiled. */
function summaryContext(o) {
    return {
        ...(o.platforms !== undefined ? { platforms: o.platforms } : {}),
        tlog: !o.insecureIgnoreTlog,
        sct: !o.insecureIgnoreSct,
        requireAllKeys: o.requireAllKeys,
        ...(o.requireSignature !== undefined ? { requireSignature: o.requireSignature } : {}),
        ...(o.trustedRoot ? { trustedRoot: o.trustedRoot } : {}),
        ...(o.tufMirror ? { tufMirror: o.tufMirror } : {}),
        offline: o.offline,
        ...(o.policyFile ? { policyFile: o.policyFile } : {}),
        mode: (0,policy_mode/* compileMode */.BE)(o),
        ...(o.githubOwner
            ? {
                github: {
                    owner: o.githubOwner,
                    ...(o.githubRepository ? { repository: o.githubRepository } : {}),
                },
            }
            : {}),
    };
}
/**
 * The trusted root file's digest for the policy section of a run that did not load it (refused
 * before, or needing no Sigstore material): read under the loader's cap, so `/dev/zero` or a
 * FIFO cannot stall the run; none when it cannot be read or is over the cap (the load says why).
 * A run that loads the root has it already, from the bytes loaded.
 */
async function addRootDigest(summary) {
    if (summary.trustedRoot === undefined || summary.trustedRootSha256 !== undefined)
        return;
    try {
        const read = await (0,limits/* readFileCapped */.uh)(summary.trustedRoot, limits/* LIMITS */.b1.trustedRootBytes);
        if (!read.over)
            summary.trustedRootSha256 = (0,external_node_crypto_.createHash)('sha256').update(read.bytes).digest('hex');
    }
    catch {
        // Unreadable: the policy section names the path alone.
    }
}
/** Stands in for the Sigstore verifier in s3lo-only batches, where nothing can reach it. */
const NO_SIGSTORE = {
    verifyLegacy() {
        throw new errors/* GateError */.ue('INTERNAL', 'Sigstore verifier used in an s3lo-only run');
    },
    verifyBundle() {
        throw new errors/* GateError */.ue('INTERNAL', 'Sigstore verifier used in an s3lo-only run');
    },
};
/** The OIDC token obtained for keyless signing is a secret like any credential. */
function redactedToken(get, secrets) {
    return async (audience) => {
        const token = await get(audience);
        secrets.add(token);
        return token;
    };
}
//# sourceMappingURL=gate.js.map
;// CONCATENATED MODULE: ./build/edge/octokit.js
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
;// CONCATENATED MODULE: ./build/edge/id-token.js
// The OIDC identity token for keyless summary signing, asked of the GitHub Actions runner the way
// @actions/core getIDToken asks (ACTIONS_ID_TOKEN_REQUEST_URL + `&audience=`, bearer
// ACTIONS_ID_TOKEN_REQUEST_TOKEN, answer `{"value": JWT}`), else taken from SIGSTORE_ID_TOKEN.

const MAX_TOKEN_BYTES = 64 * 1024;
/** `{ idToken }` for runGate's hooks when the environment can give a token, else `{}`. */
function idTokenHook(env) {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (url && bearer)
        return { idToken: (audience) => actionsIdToken(url, bearer, audience) };
    const given = env.SIGSTORE_ID_TOKEN;
    if (given)
        return { idToken: () => Promise.resolve(given.trim()) };
    return {};
}
async function actionsIdToken(requestUrl, bearer, audience) {
    const url = `${requestUrl}&audience=${encodeURIComponent(audience)}`;
    const what = 'sign-summary keyless: the GitHub Actions OIDC token';
    let res;
    try {
        res = await fetch(url, {
            headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
            signal: AbortSignal.timeout(30_000),
        });
    }
    catch (e) {
        throw new errors/* GateError */.ue('NETWORK', `${what} could not be fetched: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    const text = (await res.text()).slice(0, MAX_TOKEN_BYTES);
    if (res.status !== 200)
        throw new errors/* GateError */.ue('AUTH_REFUSED', `${what}: the runner answered HTTP ${res.status} (does the job have \`permissions: id-token: write\`?)`);
    let value;
    try {
        value = JSON.parse(text).value;
    }
    catch (e) {
        throw new errors/* GateError */.ue('AUTH_REFUSED', `${what}: the answer is not JSON`, { cause: e });
    }
    if (typeof value !== 'string' || !/^[\w-]+\.[\w-]+\.[\w-]*$/.test(value))
        throw new errors/* GateError */.ue('AUTH_REFUSED', `${what}: the answer holds no JWT in "value"`);
    return value;
}
//# sourceMappingURL=id-token.js.map
;// CONCATENATED MODULE: ./build/render/json.js
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
;// CONCATENATED MODULE: ./build/edge/report-file.js
// Writing the JSON report to a file piece by piece (render/json.ts reportJsonChunks): the same
// bytes as writeFile(reportJson(report)), without the whole document in memory at once.



/** Writes `report` as JSON to `file`, its directory made first; throws what fs throws. */
async function writeReportFile(file, report) {
    await (0,promises_.mkdir)(external_node_path_.dirname(external_node_path_.resolve(file)), { recursive: true });
    const fh = await (0,promises_.open)(file, 'w');
    try {
        for (const chunk of reportJsonChunks(report))
            await fh.write(chunk);
    }
    finally {
        await fh.close();
    }
}
//# sourceMappingURL=report-file.js.map
;// CONCATENATED MODULE: ./build/render/text.js

/**
 * Every value from the report (image names, registry, signature and certificate text) goes
 * through this before it joins a line: no value can break the line or carry escape sequences.
 */
const f = (v) => (0,sanitize/* escapeControls */.UN)(String(v ?? ''));
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
// EXTERNAL MODULE: ./build/core/attestations/package-rule.js
var package_rule = __webpack_require__(35191);
// EXTERNAL MODULE: ./build/core/shard-spec.js
var shard_spec = __webpack_require__(60568);
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
        o.mode = (0,policy_mode/* parseMode */.Zx)(name, v);
    }),
    both('enforce-after', 'text', 'trust', {
        value: 'YYYY-MM-DD',
        text: 'warn until this day (UTC), enforce from it (implies --mode warn)',
    }, (o, v, name) => {
        o.enforceAfter = (0,policy_mode/* parseEnforceAfter */.a)(name, v);
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
            o.attestations = got.map((t) => (0,attestations_types/* resolvePredicateType */.gJ)(t, name));
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
        const severities = (0,core_options/* parseList */.E1)(v).map((s) => (0,attestations_types/* parseSeverity */.lv)(s, name));
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
;// CONCATENATED MODULE: ./build/action/inputs.js
// Action inputs -> one typed object. The verify options come from the shared table
// (src/edge/options.ts); this file adds the Action's own inputs (images, registry credentials,
// github-token, report-path, summary, merge-reports). `readInputs` takes a getter so tests can
// assert the whole INPUT_* -> ActionInputs mapping.





function readInputs(get, env) {
    const images = (0,core_options/* parseList */.E1)(get('images'));
    const mergeReports = (0,core_options/* parseLines */.Li)(get('merge-reports'));
    const fromFiles = get('manifests').trim() !== '' || get('images-file').trim() !== '';
    if (images.length === 0 && !fromFiles && mergeReports.length === 0)
        throw new errors/* GateError */.ue('USAGE', 'images: no image references given (one per line), no manifests or images-file to read them from, and no merge-reports to merge');
    if ((images.length > 0 || fromFiles) && mergeReports.length > 0)
        throw new errors/* GateError */.ue('USAGE', 'images (or manifests, images-file) and merge-reports exclude each other; give one');
    if (get('shard').trim() !== '' && mergeReports.length > 0)
        throw new errors/* GateError */.ue('USAGE', 'shard and merge-reports exclude each other: the matrix jobs verify their shard, the final job merges them all');
    const bool = (name, dflt) => {
        const v = get(name);
        return v.trim() === '' ? dflt : (0,core_options/* parseBoolean */.yG)(name, v);
    };
    const opt = (name) => {
        const v = get(name).trim();
        return v === '' ? undefined : v;
    };
    const credentials = [];
    // Checked as the CLI's --registry is: a value that is no host would match no registry, and its
    // credentials would silently never be sent.
    const registryInput = opt('registry');
    const registry = registryInput === undefined ? undefined : (0,core_options/* parseRegistryHost */.TZ)('registry', registryInput);
    const username = opt('registry-username');
    const password = opt('registry-password');
    // A host alone names credentials that are not there: said, not ignored (the CLI's --registry too).
    if (registry !== undefined && username === undefined && password === undefined)
        throw new errors/* GateError */.ue('USAGE', `registry: '${registry}' is given without registry-username and registry-password (the credentials it is for)`);
    if (username !== undefined || password !== undefined) {
        if (!registry || !username || !password)
            throw new errors/* GateError */.ue('USAGE', 'registry-username and registry-password need each other and registry (the host they are for)');
        credentials.push({ registry, username, password });
    }
    const runnerTemp = env.RUNNER_TEMP ?? '/tmp';
    const options = baseOptions(images);
    options.tufCacheDir = external_node_path_.join(runnerTemp, 'image-gate', 'tuf');
    for (const spec of VERIFY_OPTIONS) {
        if (spec.input === null)
            continue;
        const raw = get(spec.input);
        if (raw.trim() === '')
            continue;
        const value = inputValue(spec.kind, spec.input, raw);
        // Merge mode verifies no image: an option that would change a verification is refused, not
        // ignored (the CLI's merge has no such flags), as is one that would sign summaries.
        if (mergeReports.length > 0 && !MERGE_READS.has(spec.input) && changesOptions(spec, value))
            throw new errors/* GateError */.ue('USAGE', `${spec.input} is for verifying images, and merge-reports verifies none (the shards did, under the policy their reports record); remove ${spec.input} from the merge step`);
        spec.apply(options, value, spec.input);
    }
    options.registryCredentials = credentials;
    checkCombinations(options, (spec) => spec.input ?? `--${spec.flag}`);
    const token = opt('github-token');
    if (token !== undefined)
        options.githubToken = token;
    const junitPath = opt('junit-path');
    const reportPath = opt('report-path') ?? external_node_path_.join(runnerTemp, 'image-gate-report.json');
    // The JUnit file would replace the JSON report (written first) and void its signature.
    if (junitPath !== undefined && external_node_path_.resolve(junitPath) === external_node_path_.resolve(reportPath))
        throw new errors/* GateError */.ue('USAGE', `junit-path and report-path name one file (${junitPath}): the JUnit XML would replace the JSON report; give two paths`);
    resolveSummaries(options, reportPath, (input) => input);
    const names = {
        key: 'merge-shard-key',
        identity: 'merge-shard-identity',
        issuer: 'merge-shard-oidc-issuer',
    };
    const mergeShardSigner = shardSignerOf({ key: opt(names.key), identity: opt(names.identity), issuer: opt(names.issuer) }, (n) => names[n]);
    if (mergeShardSigner && mergeReports.length === 0)
        throw new errors/* GateError */.ue('USAGE', `${mergeShardSigner.keyRef !== undefined ? names.key : names.identity} is for merge-reports; give it too`);
    return {
        options,
        reportPath,
        ...(junitPath !== undefined ? { junitPath } : {}),
        summary: bool('summary', true),
        mergeReports,
        ...(mergeShardSigner ? { mergeShardSigner } : {}),
    };
}
/** What merge mode reads of the verify options: where the trusted root for shard signatures is. */
const MERGE_READS = new Set(['offline', 'trusted-root', 'tuf-mirror', 'tuf-root']);
/** Does this value set anything a run without it would not have (a default given is nothing)? */
function changesOptions(spec, value) {
    const probe = baseOptions([]);
    spec.apply(probe, value, spec.input ?? '');
    return JSON.stringify(probe) !== JSON.stringify(baseOptions([]));
}
function inputValue(kind, name, raw) {
    switch (kind) {
        case 'switch':
            return (0,core_options/* parseBoolean */.yG)(name, raw);
        case 'text':
            return raw.trim();
        case 'list':
            return (0,core_options/* parseList */.E1)(raw);
        case 'lines':
            return (0,core_options/* parseLines */.Li)(raw);
    }
}
//# sourceMappingURL=inputs.js.map
// EXTERNAL MODULE: ./build/core/trust/tuf-cache.js
var tuf_cache = __webpack_require__(87355);
;// CONCATENATED MODULE: ./build/action/tuf-cache.js
// Keeps the TUF metadata between runs in the runner's tool cache (RUNNER_TOOL_CACHE, which
// persists on self-hosted runners): restored into the run's TUF cache before the gate, saved
// after a run that changed it. The cache is a seed, never a trust anchor: seedTufCache writes
// root.json from our own initial root and the TUF client verifies everything else it takes.
// @actions/tool-cache (with @actions/http-client, io, exec) is loaded only by a run that uses it.




const TUF_TOOL = 'image-gate-tuf';
/** @actions/tool-cache, loaded on first use: a run without TUF never compiles it. */
const toolCache = () => Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(991)]).then(__webpack_require__.bind(__webpack_require__, 95991));
/** The tool cache folder is not per-architecture: metadata is the same everywhere. */
const ARCH = 'any';
/**
 * The tool-cache version of one mirror's metadata. The tool cache wants semver, so the layout
 * version is the release part (bump it if what is saved changes) and the mirror is a pre-release
 * tag: `1.0.0-m` + 16 hex of the SHA-256 of @sigstore/tuf's directory name for the mirror
 * (`m` first, so the tag never reads as a number with a leading zero). One entry per mirror:
 * saving one mirror never rewrites another's.
 */
function tufCacheVersion(mirror) {
    const name = external_node_path_.basename((0,tuf_cache/* tufRepoDir */.RZ)('/', mirror));
    return `1.0.0-m${(0,external_node_crypto_.createHash)('sha256').update(name).digest('hex').slice(0, 16)}`;
}
/** Whether this run fetches its trusted root with TUF (and so can use the cache). */
function usesTuf(o) {
    return o.tufCacheDir !== undefined && !o.offline && o.trustedRoot === undefined;
}
/** Seeds the run's TUF cache from the tool cache; never fails the run (it only seeds). */
async function restoreTufCache(o, env, log) {
    if (!usesTuf(o) || !env.RUNNER_TOOL_CACHE)
        return undefined;
    const from = (await toolCache()).find(TUF_TOOL, tufCacheVersion(o.tufMirror), ARCH);
    if (from === '') {
        log(`TUF cache: nothing in the tool cache for ${o.tufMirror ?? 'the public-good mirror'}`);
        return { restored: undefined };
    }
    try {
        const outcome = await (0,tuf_cache/* seedTufCache */.tt)(rootOpts(o), from);
        log(`TUF cache: ${outcome} from ${from}`);
    }
    catch (e) {
        log(`TUF cache: not seeded from ${from}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { restored: await fingerprint(from) };
}
/**
 * Saves the run's TUF metadata for the next runs, after a run that started (no run error: a
 * failed TUF update may leave half-updated metadata) and whose metadata is complete and differs
 * from what was restored.
 */
async function saveTufCache(o, report, state, log) {
    if (state === undefined || !usesTuf(o) || report.error !== undefined)
        return;
    const repo = (0,tuf_cache/* tufRepoDir */.RZ)(o.tufCacheDir, o.tufMirror);
    const now = await fingerprint(repo);
    if (now === undefined || now === state.restored)
        return;
    try {
        const saved = await (await toolCache()).cacheDir(repo, TUF_TOOL, tufCacheVersion(o.tufMirror), ARCH);
        log(`TUF cache: saved to ${saved}`);
    }
    catch (e) {
        log(`TUF cache: not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
}
function rootOpts(o) {
    return {
        cacheDir: o.tufCacheDir,
        ...(o.tufMirror ? { tufMirrorUrl: o.tufMirror } : {}),
        ...(o.tufRoot ? { tufRootPath: o.tufRoot } : {}),
    };
}
/** A digest of the metadata and trusted root in `dir`, or undefined when one is missing. */
async function fingerprint(dir) {
    const h = (0,external_node_crypto_.createHash)('sha256');
    for (const name of [...tuf_cache/* TUF_SEED_FILES */.Gy, external_node_path_.join('targets', 'trusted_root.json')]) {
        try {
            h.update(name).update(await (0,promises_.readFile)(external_node_path_.join(dir, name)));
        }
        catch {
            return undefined;
        }
    }
    return h.digest('hex');
}
//# sourceMappingURL=tuf-cache.js.map
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
const summary_rank = (o) => (Object.hasOwn(RANK, o) ? RANK[o] : 3);
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
const summary_count = (report, o) => report.results.filter((r) => r.outcome === o).length;
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
        `${summary_count(report, 'failed')} failed`,
        plural(summary_count(report, 'error'), 'error'),
        `${summary_count(report, 'verified')} verified`,
        `${summary_count(report, 'skipped')} skipped`,
    ];
    const warned = summary_count(report, 'warned');
    if (warned)
        parts.splice(1, 0, `${warned} warned`);
    const allowed = summary_count(report, 'allowed');
    if (allowed)
        parts.push(`${allowed} allowed unverified (no policy rule)`);
    const other = report.results.filter((r) => summary_rank(r.outcome) === 3).length;
    if (other)
        parts.push(`${other} with an unknown outcome`);
    const weak = summary_weakSettings(report).map((w) => ` \u00b7 \u26a0\ufe0f ${w}`);
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
function summary_weakSettings(report) {
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
        .sort((a, b) => summary_rank(a.outcome) - summary_rank(b.outcome))
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
        .sort((a, b) => summary_rank(a.outcome) - summary_rank(b.outcome));
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
;// CONCATENATED MODULE: ./build/action/run.js
// The Action's work over an injected toolkit: inputs -> core -> job summary, JSON report,
// outputs, and a failed step naming the first failure. No verdict without a written report.
// What a plain verify does not use (merge, report signing, JUnit, the tool cache, Octokit) is
// loaded only when the inputs ask for it: each is its own chunk of dist/, compiled only then
// (test/integration/action-startup.test.ts).















async function runAction(tk, env) {
    let inputs;
    try {
        inputs = readInputs(tk.getInput, env);
    }
    catch (e) {
        tk.setFailed(`image-gate: ${(0,errors/* toGateError */.Vl)(e).message}`);
        return undefined;
    }
    for (const c of inputs.options.registryCredentials)
        tk.setSecret(c.password);
    if (inputs.options.githubToken)
        tk.setSecret(inputs.options.githubToken);
    // Derived forms (Basic base64, encodings) and tokens obtained during the run are masked too.
    const secrets = new SecretRegistry();
    secrets.onAdd((form) => tk.setSecret(form));
    for (const c of inputs.options.registryCredentials)
        secrets.addCredential(c.username, c.password);
    if (inputs.options.githubToken)
        secrets.addCredential('x-access-token', inputs.options.githubToken);
    let report;
    if (inputs.mergeReports.length > 0) {
        // The final job of a matrix: one summary and one verdict from the shards' reports.
        try {
            const verify = inputs.mergeShardSigner
                ? {
                    signer: inputs.mergeShardSigner,
                    root: (0,trust_root.rootLoadOptions)(inputs.options),
                    env,
                }
                : undefined;
            const { mergeReportFiles } = await __webpack_require__.e(/* import() */ 194).then(__webpack_require__.bind(__webpack_require__, 74194));
            report = secrets.redactDeep(await mergeReportFiles(inputs.mergeReports, verify));
        }
        catch (e) {
            tk.setFailed(`image-gate: ${(0,errors/* toGateError */.Vl)(e).message}`);
            return undefined;
        }
        for (const r of report.results)
            logResult(tk, r);
    }
    else {
        const log = (m) => tk.debug(m);
        const tufCache = await restoreTufCache(inputs.options, env, log);
        report = await runGate(inputs.options, {
            env,
            getOctokit: getOctokit,
            ...idTokenHook(env),
            log,
            onResult: (r) => logResult(tk, r),
            secrets,
        });
        await saveTufCache(inputs.options, report, tufCache, log);
    }
    // Also in the log and on the run's page: the summary may be off, and a merged report's
    // warnings come from files.
    for (const a of annotations(report))
        tk.annotate(a);
    // A file that cannot be written fails the step naming the input, after the outputs are set.
    const unwritten = [];
    const write = async (input, file, text) => {
        try {
            await (0,promises_.mkdir)(external_node_path_.dirname(file), { recursive: true });
            await (0,promises_.writeFile)(file, text);
        }
        catch (e) {
            unwritten.push(`image-gate: ${input}: cannot write ${file}: ${(0,errors/* toGateError */.Vl)(e).message}`);
        }
    };
    // In pieces (edge/report-file.ts): a 10 000-image report is never one string in memory.
    try {
        await writeReportFile(inputs.reportPath, report);
    }
    catch (e) {
        unwritten.push(`image-gate: report-path: cannot write ${inputs.reportPath}: ${(0,errors/* toGateError */.Vl)(e).message}`);
    }
    // With summaries signed, the report is too (REPORT.sigstore.json), for merge-shard-key.
    const sign = inputs.mergeReports.length === 0 && inputs.options.summaries !== undefined
        ? (await __webpack_require__.e(/* import() */ 744).then(__webpack_require__.bind(__webpack_require__, 15744))).reportSigner(inputs.options.summaries, { env, ...idTokenHook(env) })
        : undefined;
    if (sign && !unwritten.length)
        try {
            await sign(inputs.reportPath, report);
        }
        catch (e) {
            unwritten.push(`image-gate: ${(0,errors/* toGateError */.Vl)(e).message}`);
        }
    if (inputs.junitPath !== undefined) {
        const { renderJunit } = await __webpack_require__.e(/* import() */ 813).then(__webpack_require__.bind(__webpack_require__, 82813));
        await write('junit-path', inputs.junitPath, renderJunit(report));
    }
    if (inputs.summary)
        await tk.appendSummary(renderSummary(report));
    // What the outputs need of each verified image, read once (the results are packed).
    const digests = [];
    const pinned = [];
    for (const r of report.results)
        if (r.verified && r.digest) {
            digests.push([r.image, r.digest]);
            if (r.pinned)
                pinned.push(r.pinned);
        }
    tk.setOutput('verified', String(report.verified));
    tk.setOutput('report-path', (0,sanitize/* outputLine */.MI)(inputs.reportPath));
    tk.setOutput('digests', (0,sanitize/* outputJson */.Wd)(Object.fromEntries(digests)));
    tk.setOutput('pinned', (0,sanitize/* outputLines */.jE)(pinned));
    const { failed, ...counts } = outcomeOutputs(report);
    for (const [name, value] of Object.entries(counts))
        tk.setOutput(name, (0,sanitize/* outputLine */.MI)(value));
    tk.setOutput('failed', (0,sanitize/* outputJson */.Wd)(failed));
    const msg = failureMessage(report);
    if (msg)
        tk.setFailed(msg);
    for (const u of unwritten)
        tk.setFailed(u);
    return report;
}
function logResult(tk, r) {
    tk.startGroup(`${r.verified ? '\u2713' : r.outcome === 'warned' ? '\u26a0' : '\u2717'} ${(0,sanitize/* escapeControls */.UN)(r.image)}`);
    tk.info(renderResultText(r));
    for (const rej of r.rejected ?? [])
        tk.info(`  rejected ${(0,sanitize/* escapeControls */.UN)(rej.where)}: ${(0,sanitize/* escapeControls */.UN)(rej.reason)}`);
    tk.endGroup();
}
//# sourceMappingURL=run.js.map
// EXTERNAL MODULE: ./build/action/workflow-commands.js
var workflow_commands = __webpack_require__(51721);
;// CONCATENATED MODULE: ./build/action/main.js
// The Action's work, loaded by the entry (src/action/index.ts) after the compile cache is on:
// binds the runner's workflow commands (./workflow-commands.ts) to runAction. A thrown non-Error
// or an unhandled rejection still fails the step (the entry catches).




// Where text leaves the Action: every log line through the log sanitiser, every output through
// the GITHUB_OUTPUT one (the summary's values are escaped by renderSummary, its only writer).
const toolkit = {
    getInput: (name) => workflow_commands/* getInput */.V4(name),
    setOutput: (name, value) => workflow_commands/* setOutput */.uH(name, (0,sanitize/* outputText */.jO)(value)),
    setFailed: (message) => workflow_commands/* setFailed */.C1((0,sanitize/* logText */.kc)(message)),
    setSecret: (value) => workflow_commands/* setSecret */.Pq(value),
    info: (m) => workflow_commands/* info */.pq((0,sanitize/* logText */.kc)(m)),
    annotate: (a) => (a.level === 'error' ? workflow_commands/* error */.z3 : workflow_commands/* warning */.$e)((0,sanitize/* annotationText */.xr)(a.message), {
        title: ANNOTATION_TITLE,
        ...(a.file !== undefined ? { file: (0,sanitize/* annotationText */.xr)(a.file) } : {}),
        ...(a.line !== undefined ? { startLine: a.line } : {}),
    }),
    debug: (m) => workflow_commands/* debug */.Yz((0,sanitize/* logText */.kc)(m)),
    startGroup: (name) => workflow_commands/* startGroup */.Oh((0,sanitize/* logText */.kc)(name)),
    endGroup: () => workflow_commands/* endGroup */.N4(),
    appendSummary: (markdown) => workflow_commands/* appendSummary */.fe(markdown),
};
/** The whole run; a rejection is the entry's to report (an internal error fails the step). */
async function main() {
    await runAction(toolkit, process.env);
}
//# sourceMappingURL=main.js.map

/***/ }),

/***/ 35191:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ parsePackageRule)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
/* harmony import */ var _purl_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24067);
/* harmony import */ var _version_range_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72188);
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
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W3: () => (/* binding */ PREDICATE),
/* harmony export */   cF: () => (/* binding */ predicateLabel),
/* harmony export */   gJ: () => (/* binding */ resolvePredicateType),
/* harmony export */   lv: () => (/* binding */ parseSeverity),
/* harmony export */   qs: () => (/* binding */ severityRank)
/* harmony export */ });
/* unused harmony exports PREDICATE_SHORT_NAMES, SEVERITIES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
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
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FG: () => (/* binding */ parseVersionRange),
/* harmony export */   rR: () => (/* binding */ versionInRange)
/* harmony export */ });
/* unused harmony exports parseVersion, compareVersions */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
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
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 45166:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ assertTargetAllowed),
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   hC: () => (/* binding */ FORBIDDEN_ADDRESS),
/* harmony export */   p2: () => (/* binding */ isPlainHttpAllowed),
/* harmony export */   rN: () => (/* binding */ guardedLookup),
/* harmony export */   zA: () => (/* binding */ shownUrl)
/* harmony export */ });
/* unused harmony exports hostnameOf, isForbiddenTarget */
/* harmony import */ var node_dns__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40610);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77030);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62807);
// Which addresses the gate may talk to, for every HTTP client it has (registry, GitHub bundle_url,
// Vault, KMS, S3): the one loopback test, plain HTTP only to loopback (or hosts the user listed),
// and never onto loopback, link-local or cloud metadata addresses a remote server names for us
// (oras-go GHSA-xf85), by URL or by DNS answer. Also how a URL is spelt in logs.



const loopback = new node_net__WEBPACK_IMPORTED_MODULE_1__.BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');
const forbidden = new node_net__WEBPACK_IMPORTED_MODULE_1__.BlockList();
forbidden.addSubnet('127.0.0.0', 8, 'ipv4');
forbidden.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, incl. 169.254.169.254 metadata
forbidden.addSubnet('0.0.0.0', 8, 'ipv4'); // "this network": 0.0.0.0 reaches localhost on Linux
forbidden.addAddress('::1', 'ipv6');
forbidden.addAddress('::', 'ipv6');
forbidden.addSubnet('fe80::', 10, 'ipv6'); // link-local
forbidden.addAddress('fd00:ec2::254', 'ipv6'); // AWS IMDS over IPv6
// Addresses no host name may resolve to: a DNS answer cannot be talked past the realm and
// redirect checks (which only see names) onto the cloud metadata service.
const metadata = new node_net__WEBPACK_IMPORTED_MODULE_1__.BlockList();
metadata.addSubnet('169.254.0.0', 16, 'ipv4');
metadata.addSubnet('fe80::', 10, 'ipv6');
metadata.addAddress('fd00:ec2::254', 'ipv6');
/** `code` of the error a guarded lookup fails with. */
const FORBIDDEN_ADDRESS = 'EIMAGEGATE_FORBIDDEN_ADDRESS';
const FORBIDDEN_NAMES = new Set(['localhost', 'metadata.google.internal', 'metadata']);
/** Host name of `host[:port]` (or a URL's `hostname`), without IPv6 brackets or a trailing dot. */
function hostnameOf(hostport) {
    let h = hostport;
    if (h.startsWith('['))
        h = h.slice(1, h.indexOf(']'));
    else if ((h.match(/:/g) ?? []).length === 1)
        h = h.slice(0, h.lastIndexOf(':'));
    return h.replace(/\.$/, '').toLowerCase();
}
function ipKind(h) {
    const v = (0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(h);
    return v === 4 ? 'ipv4' : v === 6 ? 'ipv6' : undefined;
}
/** Answers of isLoopbackHost by its argument: asked on every registry request, of a few hosts. */
const loopbackAnswers = new Map();
/** The one loopback test: `localhost`, `*.localhost`, 127.0.0.0/8 and ::1 (host[:port] or name). */
function isLoopbackHost(hostport) {
    let answer = loopbackAnswers.get(hostport);
    if (answer === undefined) {
        answer = loopbackTest(hostport);
        if (loopbackAnswers.size < 256)
            loopbackAnswers.set(hostport, answer);
    }
    return answer;
}
function loopbackTest(hostport) {
    const h = hostnameOf(hostport);
    if (h === 'localhost' || h.endsWith('.localhost'))
        return true;
    const kind = ipKind(h);
    return kind !== undefined && loopback.check(h, kind);
}
/** Addresses no credential or request may be sent to unless the origin itself is local. */
function isForbiddenTarget(hostport) {
    const h = hostnameOf(hostport);
    if (FORBIDDEN_NAMES.has(h) || h.endsWith('.localhost'))
        return true;
    const kind = ipKind(h);
    if (kind === undefined)
        return false;
    return forbidden.check(h, kind);
}
/** Plain HTTP is only for loopback hosts and hosts the user listed as insecure (exact host[:port]). */
function isPlainHttpAllowed(hostport, insecureHosts) {
    return isLoopbackHost(hostport) || insecureHosts.has(hostport.toLowerCase());
}
/**
 * Decides whether a URL may be requested on behalf of `originHost` (the registry, or the host
 * of the URL a fetch started at): http(s) only, no credentials in the URL, http only to plain-
 * HTTP-allowed hosts, and never to loopback/link-local/metadata addresses unless the origin is
 * local. `what` names the URL in the error (token realm, redirect); `owner` whom it is for.
 */
function assertTargetAllowed(url, originHost, insecureHosts, what, owner = `registry ${originHost}`) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('INSECURE', `${what} ${quote(url.href)} for ${owner}: scheme ${url.protocol} is not allowed`);
    }
    if (url.username !== '' || url.password !== '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('INSECURE', `${what} for ${owner} carries credentials in its URL`);
    }
    if (url.protocol === 'http:' && !isPlainHttpAllowed(url.host, insecureHosts)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('INSECURE', `${what} ${quote(redactUrl(url))} for ${owner} uses plain http; only loopback hosts and insecure-registries may`);
    }
    // The origin's own address is the user's choice; only targets it names for us are checked.
    if (url.host !== originHost && !isLoopbackHost(originHost) && isForbiddenTarget(url.host)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GateError */ .ue('INSECURE', `${what} ${quote(redactUrl(url))} for ${owner} points at a loopback, link-local or metadata address`);
    }
}
/** A value for a message: JSON-quoted, cut at 120 characters. */
function quote(s, max = 120) {
    return JSON.stringify(s.length > max ? `${s.slice(0, max)}\u2026` : s);
}
// Query values that can act as credentials (pre-signed storage URLs) are hidden in logs.
const SAFE_QUERY_KEYS = new Set(['artifacttype', 'service', 'scope', 'n', 'last', 'digest']);
/**
 * A URL the user gave, for a message: through redactUrl when it parses; otherwise with any user
 * info and everything from `?` or `#` cut, since a value that does not parse may still hold them.
 */
function shownUrl(raw) {
    try {
        const url = new URL(raw);
        // Nothing to hide: shown as written (redactUrl would add a path's `/`).
        if (url.username === '' && url.password === '' && url.search === '' && url.hash === '')
            return raw;
        return redactUrl(url);
    }
    catch {
        return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1').replace(/[?#][\s\S]*$/, '');
    }
}
function redactUrl(url) {
    if (url.search === '')
        return `${url.origin}${url.pathname}`;
    const parts = [];
    for (const [k, v] of url.searchParams)
        parts.push(`${k}=${SAFE_QUERY_KEYS.has(k.toLowerCase()) ? v : '***'}`);
    return `${url.origin}${url.pathname}?${parts.join('&')}`;
}
/** A `lookup` for sockets that refuses names resolving to link-local or metadata addresses. */
function guardedLookup(resolve = node_dns__WEBPACK_IMPORTED_MODULE_0__.lookup) {
    return (hostname, options, callback) => {
        resolve(hostname, { ...options, all: true }, (err, addresses) => {
            if (err) {
                callback(err, '', 0);
                return;
            }
            const bad = addresses.find((a) => metadata.check(a.address, a.family === 6 ? 'ipv6' : 'ipv4'));
            if (bad || addresses.length === 0) {
                const e = new Error(bad
                    ? `${hostname} resolves to ${bad.address}, a link-local/metadata address`
                    : `${hostname} has no address`);
                e.code = bad ? FORBIDDEN_ADDRESS : 'ENOTFOUND';
                callback(e, '', 0);
                return;
            }
            if (options.all)
                callback(null, addresses);
            else
                callback(null, addresses[0].address, addresses[0].family);
        });
    };
}
//# sourceMappingURL=addresses.js.map

/***/ }),

/***/ 27670:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ fetchCapped)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40332);
/* harmony import */ var _addresses_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45166);
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53628);
/* harmony import */ var _redirects_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45407);
/* harmony import */ var _socket_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(78425);
// The one HTTP GET for everything that is not a registry (GitHub bundle_url bodies, Vault), with
// the registry transport's rules: https only (plain http only to loopback), redirects followed
// hop by hop (at most LIMITS.fetchRedirects, each target checked by addresses.ts, no https\u2192http,
// no loops), credentials sent only to the origin the request started at, the body read under a
// byte cap (and charged to the byte budget), and one deadline for the whole exchange.






/**
 * GETs (or POSTs) `req.url` under the rules above. Throws INSECURE (a target the rules refuse),
 * REGISTRY_ERROR (too many redirects, a loop, a redirect without a usable Location),
 * LIMIT_EXCEEDED (a 2xx body over the cap, or a spent byte budget), NETWORK, TIMEOUT.
 * Any final status is returned: what it means is the caller's business.
 */
async function fetchCapped(req) {
    const start = req.url;
    const peer = req.peer ?? start.origin;
    const redact = req.redact ?? ((t) => t);
    const rules = {
        originHost: start.host,
        insecureHosts: new Set(),
        owner: peer,
        what: req.what,
        maxRedirects: req.maxRedirects ?? _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .LIMITS */ .b1.fetchRedirects,
        redact,
    };
    // Only loopback may be spoken to over http; the start URL's own address is the caller's choice.
    (0,_addresses_js__WEBPACK_IMPORTED_MODULE_2__/* .assertTargetAllowed */ .AQ)(start, start.host, rules.insecureHosts, 'URL', peer);
    const timeout = AbortSignal.timeout(req.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const seen = new Set([start.href]);
    let url = start;
    try {
        for (let hop = 0;; hop++) {
            const res = await fetch(url, {
                method: req.method ?? 'GET',
                ...(req.body !== undefined ? { body: req.body } : {}),
                redirect: 'manual',
                credentials: 'omit',
                headers: (0,_redirects_js__WEBPACK_IMPORTED_MODULE_4__/* .hopHeaders */ .SR)(start, url, req.headers ?? {}, req.credentials ?? {}),
                signal,
            });
            if (_redirects_js__WEBPACK_IMPORTED_MODULE_4__/* .REDIRECT_STATUSES */ .aq.has(res.status) && req.method !== 'POST') {
                await res.body?.cancel().catch(() => undefined);
                const location = res.headers.get('location');
                if (location === null)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('REGISTRY_ERROR', `${req.what}: ${peer} answered HTTP ${res.status} without a Location`);
                const next = (0,_redirects_js__WEBPACK_IMPORTED_MODULE_4__/* .redirectTarget */ .ET)(url, location, rules);
                (0,_redirects_js__WEBPACK_IMPORTED_MODULE_4__/* .countHop */ .P)(next, hop, seen, rules);
                url = next;
                continue;
            }
            const ok = res.status >= 200 && res.status < 300;
            const cap = ok ? req.maxBytes : _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .LIMITS */ .b1.errorBodyBytes;
            const declared = Number(res.headers.get('content-length') ?? '0');
            if (ok && declared > cap) {
                await res.body?.cancel().catch(() => undefined);
                throw tooLarge(req, peer, `is ${declared} bytes, more`);
            }
            let body = new Uint8Array(0);
            if (res.body) {
                const read = await (0,_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readCapped */ .E)(res.body, cap, undefined, `${req.what} (${(0,_addresses_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(url)})`);
                if (read.over && ok)
                    throw tooLarge(req, peer, 'is larger');
                body = read.bytes;
            }
            return { status: res.status, headers: res.headers, body, url };
        }
    }
    catch (e) {
        if (req.signal?.aborted) {
            if (req.signal.reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue)
                throw req.signal.reason;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('TIMEOUT', `${req.what}: the request to ${peer} was cancelled`, {
                cause: e,
            });
        }
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue)
            throw e;
        if (timeout.aborted)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('TIMEOUT', `${req.what}: ${peer} did not answer within ${req.timeoutMs} ms`, { cause: e });
        const detail = (0,_socket_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorCode */ .CA)(e) ?? (e instanceof Error ? ((0,_socket_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .causeMessage */ .fq)(e) ?? e.message) : String(e));
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('NETWORK', `${req.what}: cannot reach ${peer} (${redact(detail)})`, {
            cause: e,
        });
    }
}
function tooLarge(req, peer, how) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('LIMIT_EXCEEDED', `${req.what}: the answer from ${peer} ${how} than the limit of ${req.maxBytes} bytes`);
}
//# sourceMappingURL=fetch.js.map

/***/ }),

/***/ 53628:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ readCapped)
/* harmony export */ });
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40332);
// The one capped read of a response body, for every HTTP client (registry transport, GitHub API,
// bundle_url, Vault): at most `max` bytes kept, every chunk charged to the byte budget in scope
// (limits.ts), and a longer body cancelled (its connection closed) rather than read to the end.

/**
 * A body's first `max` bytes (plus one chunk to detect overflow). Takes a Node stream or a WHATWG
 * ReadableStream alike: leaving the loop early destroys the one and cancels the other. A charge
 * past the budget ends the read with LIMIT_EXCEEDED; `onChunk` runs before each chunk is kept
 * (the registry transport re-arms its idle timer there).
 */
async function readCapped(body, max, onChunk = () => undefined, what = 'response') {
    const chunks = [];
    let total = 0;
    for await (const chunk of body) {
        onChunk();
        // Throwing here leaves the loop, which destroys or cancels the stream.
        (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .chargeRead */ .JO)(chunk.length, what);
        total += chunk.length;
        if (total > max) {
            const kept = max - (total - chunk.length);
            if (kept > 0)
                chunks.push(chunk.subarray(0, kept));
            return { bytes: concat(chunks, max), over: true };
        }
        chunks.push(chunk);
    }
    return { bytes: concat(chunks, total), over: false };
}
function concat(chunks, size) {
    const out = new Uint8Array(size);
    let off = 0;
    for (const c of chunks) {
        out.set(c, off);
        off += c.length;
    }
    return out.subarray(0, off);
}
//# sourceMappingURL=read.js.map

/***/ }),

/***/ 45407:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ET: () => (/* binding */ redirectTarget),
/* harmony export */   P: () => (/* binding */ countHop),
/* harmony export */   SR: () => (/* binding */ hopHeaders),
/* harmony export */   aq: () => (/* binding */ REDIRECT_STATUSES)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
/* harmony import */ var _addresses_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45166);
// The redirect and credential rules every HTTP client of the gate follows (registry transport and
// net/fetch.ts): redirects are followed by hand, hop by hop; each target is parsed and checked
// (no https\u2192http, addresses.ts target rules), hops are counted and loops refused; credentials
// travel only while the request is on the origin it started at.


const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers a request never carries to another origin, whoever set them. */
const STRIPPED_ACROSS_ORIGINS = ['authorization', 'cookie', 'proxy-authorization'];
/**
 * The headers of one hop: `credentials` (Authorization, X-Vault-Token, \u2026) only while `url` is on
 * the origin of `start`; elsewhere they, and any credential-like header in `headers`, are dropped.
 */
function hopHeaders(start, url, headers, credentials) {
    const out = { ...headers };
    if (url.origin === start.origin)
        return Object.assign(out, credentials);
    for (const k of Object.keys(out))
        if (STRIPPED_ACROSS_ORIGINS.includes(k.toLowerCase()))
            delete out[k];
    return out;
}
/** The URL a `Location` names, relative to `from`, checked against the target rules. */
function redirectTarget(from, location, rules) {
    let next;
    try {
        next = new URL(location, from);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('REGISTRY_ERROR', `${rules.what}: ${rules.owner} redirected to an invalid URL`, { cause: e });
    }
    if (from.protocol === 'https:' && next.protocol !== 'https:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('INSECURE', `${rules.what}: ${rules.owner} redirected from https to ${rules.redact((0,_addresses_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(next))}`);
    }
    try {
        (0,_addresses_js__WEBPACK_IMPORTED_MODULE_1__/* .assertTargetAllowed */ .AQ)(next, rules.originHost, rules.insecureHosts, 'redirect target', rules.owner);
    }
    catch (e) {
        // The refusal quotes the target, whose path may echo a credential the server was sent.
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(e.code, rules.redact(e.message), { cause: e });
        throw e;
    }
    return next;
}
/**
 * Counts hop number `hop` (0 for the first redirect) to `next`: more than `maxRedirects`, or a
 * URL already visited in this request (`seen`, which starts with the first URL), is refused.
 */
function countHop(next, hop, seen, rules) {
    if (hop + 1 > rules.maxRedirects) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('REGISTRY_ERROR', `${rules.what}: more than ${rules.maxRedirects} redirects from ${rules.owner}`);
    }
    if (seen.has(next.href)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('REGISTRY_ERROR', `${rules.what}: redirect loop at ${rules.redact((0,_addresses_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(next))} (${rules.owner})`);
    }
    seen.add(next.href);
}
//# sourceMappingURL=redirects.js.map

/***/ }),

/***/ 83360:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ backoff),
/* harmony export */   m: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40332);
// When to ask again: full-jitter exponential backoff and `Retry-After`, shared by the registry
// transport and the GitHub attestations API client.

/** Full-jitter exponential backoff: 100 ms, 200 ms, 400 ms \u2026 scaled by a random 0.5\u20131. */
function backoff(attempt) {
    const ceiling = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.retryBaseMs * 2 ** Math.min(attempt - 1, 6);
    return Math.round(ceiling * (0.5 + Math.random() / 2));
}
/** `Retry-After` as milliseconds from now (delta-seconds or HTTP-date); undefined when absent/invalid. */
function parseRetryAfter(v, now = Date.now()) {
    if (v === null)
        return undefined;
    const s = v.trim();
    if (/^\d+$/.test(s))
        return Number(s) * 1000;
    // Only an IMF-fixdate-like value: Date.parse would also take '-1' or '1.5'.
    if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(s))
        return undefined;
    const t = Date.parse(s);
    if (Number.isNaN(t))
        return undefined;
    return Math.max(0, t - now);
}
//# sourceMappingURL=retry.js.map

/***/ }),

/***/ 78425:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   fq: () => (/* binding */ causeMessage),
/* harmony export */   gt: () => (/* binding */ isTlsFailure)
/* harmony export */ });
// What a failed connection says about itself: the errno-style code buried in undici's and
// fetch's cause chains, and whether it was a TLS verification failure (never worth a retry).
/** TLS verification failures are not transient: retrying them only delays the verdict. */
const TLS_ERROR = /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_SSL_)/;
/** The first meaningful `code` along `cause` / `errors[0]` (ECONNREFUSED, ENOTFOUND, CERT_\u2026). */
function errorCode(e) {
    let cur = e;
    for (let i = 0; i < 5 && cur !== undefined && cur !== null; i++) {
        const c = cur.code;
        if (typeof c === 'string' && c !== 'UND_ERR_SOCKET')
            return c;
        const errors = cur.errors;
        if (Array.isArray(errors) && errors.length > 0) {
            const inner = errorCode(errors[0]);
            if (inner)
                return inner;
        }
        cur = cur.cause;
    }
    return undefined;
}
/** The message of an error's cause, which says more than `fetch failed`. */
function causeMessage(e) {
    const c = e.cause;
    return c instanceof Error ? c.message : undefined;
}
function isTlsFailure(e) {
    const code = errorCode(e);
    return code !== undefined && TLS_ERROR.test(code);
}
//# sourceMappingURL=socket-errors.js.map

/***/ }),

/***/ 91468:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Li: () => (/* binding */ parseLines),
/* harmony export */   TZ: () => (/* binding */ parseRegistryHost),
/* harmony export */   ZZ: () => (/* binding */ parseTimeout),
/* harmony export */   mw: () => (/* binding */ parseTufMirror),
/* harmony export */   nY: () => (/* binding */ parseConcurrency),
/* harmony export */   qA: () => (/* binding */ parsePlatforms),
/* harmony export */   xj: () => (/* binding */ parseComposeEnv),
/* harmony export */   yG: () => (/* binding */ parseBoolean),
/* harmony export */   zY: () => (/* binding */ DEFAULTS)
/* harmony export */ });
/* unused harmony exports MAX_TIMER_MS, KNOWN_OS, KNOWN_ARCH */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);

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
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T9: () => (/* binding */ PackedResults),
  lS: () => (/* binding */ isPacked),
  du: () => (/* binding */ mapResults),
  eG: () => (/* binding */ packedOutcomes)
});

// UNUSED EXPORTS: packResult, unpackResult

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
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

/***/ 9596:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Si: () => (/* binding */ globNeverMatches),
/* harmony export */   fK: () => (/* binding */ normaliseGlob),
/* harmony export */   vI: () => (/* binding */ selectRule)
/* harmony export */ });
/* unused harmony exports globToRegExp, policyImageName, matchPolicyRule */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68687);
/* harmony import */ var _s3lo_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22637);
// Which policy-file rule governs an image: rule globs normalised like image references, and the
// first rule whose globs match the image's name. No YAML here: a run without a policy file never
// loads the parser (file.ts).



const WILDCARD = /[*?]/;
function badGlob(glob, why) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `'${glob}' ${why}`);
}
/**
 * A rule glob in the form image identities take (src/core/reference.ts), so that a rule written
 * the way people write images matches every spelling of them: `nginx` \u2192
 * `index.docker.io/library/nginx`, `GHCR.IO:443/acme/*` \u2192 `ghcr.io/acme/*`, `127.000.000.001:5000/x`
 * \u2192 `127.0.0.1:5000/x`, `oci-layout://./build//app/` \u2192 `oci-layout://build/app`,
 * `local://./store/**` \u2192 `local://store/**`. A host, layout directory or local root written with
 * wildcards is only lower-cased (hosts) or cleaned (paths). Throws USAGE for a glob that is not one.
 */
function normaliseGlob(glob) {
    if (glob.startsWith('oci-layout://')) {
        const p = glob.slice('oci-layout://'.length);
        if (p === '')
            badGlob(glob, 'names no directory');
        const clean = (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .cleanLayoutPath */ .lB)(p, (why) => badGlob(glob, why));
        return `oci-layout://${WILDCARD.test(clean.split('/')[0]) ? clean : (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .layoutIdentityPath */ .K$)(clean)}`;
    }
    if (glob.startsWith('local://'))
        return normaliseLocalGlob(glob);
    if (glob.startsWith('s3://'))
        return glob;
    const slash = glob.indexOf('/');
    const first = slash < 0 ? glob : glob.slice(0, slash);
    // `nginx*`, `nginx:1.*`: one component is a Docker Hub library name, wildcards or not; only a
    // leading `**` (every image, `**:prod`) spans registries.
    if (WILDCARD.test(first) && slash < 0 && !glob.startsWith('**'))
        return `${_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCKER_HUB */ .Xb}/library/${glob}`;
    // `acme-*/app`: a Docker Hub namespace (docker.io/acme-team/app) or a registry host
    // (acme-evil.example/app)? Read either way, the other would be governed by the wrong rule or
    // by none: refused. Past two components the first is a host (Docker Hub nests no deeper), and
    // a bare `*` or `**` spans registries, as before.
    if (slash >= 0 &&
        WILDCARD.test(first) &&
        !(0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isHostComponent */ .ge)(first) &&
        !/^\*{1,2}$/.test(first) &&
        glob.indexOf('/', slash + 1) < 0)
        badGlob(glob, `is ambiguous: '${first}' may be a registry host or a Docker Hub namespace; write ${_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCKER_HUB */ .Xb}/${glob} for Docker Hub, or the host with a '.' or ':' (e.g. ${first}.example/...)`);
    if (WILDCARD.test(first))
        return slash >= 0 && (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isHostComponent */ .ge)(first) ? lowerHost(glob) : glob;
    if (slash < 0 || !(0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isHostComponent */ .ge)(first))
        return slash < 0 ? `${_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCKER_HUB */ .Xb}/library/${glob}` : `${_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCKER_HUB */ .Xb}/${glob}`;
    // Hosts are canonical as in parseReference, the same normalisation the registry client uses.
    const host = (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalRegistry */ .i7)(first) ?? badGlob(glob, `has a registry host '${first}' that is not valid`);
    const rest = glob.slice(slash + 1);
    if (host === _reference_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCKER_HUB */ .Xb)
        return rest.includes('/') || rest.includes('**')
            ? `${_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCKER_HUB */ .Xb}/${rest}`
            : `${_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCKER_HUB */ .Xb}/library/${rest}`;
    return `${host}/${rest}`;
}
/** `*.ACME.example:443/x` \u2192 `*.acme.example/x`: no wildcard host can mean a case or port 443. */
function lowerHost(glob) {
    const slash = glob.indexOf('/');
    return `${glob
        .slice(0, slash)
        .toLowerCase()
        .replace(/:0*443$/, '')}${glob.slice(slash)}`;
}
/** local:// roots are one path component (s3lo's grammar), spelt as canonicalLocalRoot does. */
function normaliseLocalGlob(glob) {
    const rest = glob.slice('local://'.length);
    const i = rest.indexOf('/', (0,_s3lo_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .localRootPrefix */ .sl)(rest));
    if (i < 0)
        return glob;
    const root = rest.slice(0, i);
    if (WILDCARD.test(root))
        return glob;
    return `local://${(0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalLocalRoot */ .eI)(root)}/${rest.slice(i + 1)}`;
}
/**
 * Why a glob (as written) could never match any image identity, or undefined. Rules that never
 * match are refused: under `unmatched: allow` they would let the images they meant through.
 */
function globNeverMatches(glob) {
    if (glob.startsWith('oci-layout://'))
        return undefined;
    const scheme = /^(s3|local):\/\//.exec(glob);
    const rest = scheme ? glob.slice(scheme[0].length) : glob;
    const segments = rest.split('/');
    // s3lo: bucket/root, then the image path; registry: host (or not), then the repository.
    const path = scheme
        ? segments.slice(1)
        : (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isHostComponent */ .ge)(segments[0]) && segments.length > 1
            ? segments.slice(1)
            : segments;
    if (scheme && scheme[1] === 'local' && /^\.{0,2}$/.test(segments[0]) && segments.length > 1)
        path.shift();
    if (path.some((p) => p === '' || p === '.' || p === '..'))
        return 'has an empty, . or .. path component, which no image name has';
    if (!scheme) {
        const last = path[path.length - 1];
        const repo = [...path.slice(0, -1), last.split(':')[0]];
        if (repo.some((p) => /[A-Z]/.test(p)))
            return 'has upper-case letters in the repository, which image references never have';
    }
    return undefined;
}
/**
 * `*` and `?` stay within one path segment, `**` crosses segments. A glob with no `:tag` in its
 * last segment matches the repository whatever the tag; with one, it matches `repository:tag`.
 */
function globToRegExp(glob) {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') {
            // `a/**/b` also matches `a/b`.
            if (glob[i + 2] === '/') {
                re += '(?:.*/)?';
                i += 2;
            }
            else {
                re += '.*';
                i += 1;
            }
        }
        else if (c === '*')
            re += '[^/]*';
        else if (c === '?')
            re += '[^/]';
        else
            re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}
// Rules are matched once per image; each glob is compiled once per run.
const GLOB_CACHE = new Map();
function compiledGlob(glob) {
    let re = GLOB_CACHE.get(glob);
    if (!re)
        GLOB_CACHE.set(glob, (re = globToRegExp(glob)));
    return re;
}
function globHasTag(glob) {
    return glob.slice(glob.lastIndexOf('/') + 1).includes(':');
}
/**
 * The name rules match against: the image's identity (`registry/repository`, `oci-layout://dir`,
 * `s3://bucket/image`, `local://root/image`, normalised in src/core/reference.ts) and `:tag`.
 */
function policyImageName(ref) {
    const tag = ref.kind === 's3lo' ? ref.s3lo.tag : ref.tag;
    return `${ref.identity}${tag !== undefined ? `:${tag}` : ''}`;
}
/** The first rule whose images match; else the file's `unmatched` decision, with a reason. */
function matchPolicyRule(policy, imageName) {
    const rule = firstMatch(policy.rules, (r) => r.images, imageName);
    return rule ? { rule } : unmatched(policy.source, policy.unmatched, imageName);
}
/** The ImagePolicy that governs an image, or why none does (and whether it may pass anyway). */
function selectRule(run, ref) {
    const name = policyImageName(ref);
    const rule = firstMatch(run.rules, (r) => r.match, name);
    return rule ? { rule } : unmatched(run.file?.source ?? 'the policy', run.unmatched, name);
}
function firstMatch(rules, globsOf, imageName) {
    const tagAt = imageName.lastIndexOf(':');
    const slashAt = imageName.lastIndexOf('/');
    const repoOnly = tagAt > slashAt ? imageName.slice(0, tagAt) : imageName;
    for (const rule of rules) {
        for (const glob of globsOf(rule)) {
            const target = globHasTag(glob) ? imageName : repoOnly;
            if (compiledGlob(glob).test(target))
                return rule;
        }
    }
    return undefined;
}
function unmatched(source, decision, imageName) {
    return {
        rule: undefined,
        allowed: decision === 'allow',
        reason: `no rule in ${source} matches ${imageName}${decision === 'allow' ? ' (unmatched: allow)' : ''}`,
    };
}
//# sourceMappingURL=match.js.map

/***/ }),

/***/ 16054:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ compileMode),
/* harmony export */   ZC: () => (/* binding */ enforceAfterDate),
/* harmony export */   Zx: () => (/* binding */ parseMode),
/* harmony export */   a: () => (/* binding */ parseEnforceAfter),
/* harmony export */   im: () => (/* binding */ formatDay),
/* harmony export */   n5: () => (/* binding */ modeProblem),
/* harmony export */   zi: () => (/* binding */ warnsAt)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
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

/***/ 67727:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b0: () => (/* binding */ ruleProblems),
/* harmony export */   e: () => (/* binding */ vulnAgeLimit),
/* harmony export */   gQ: () => (/* binding */ OPTION_WORDS),
/* harmony export */   mk: () => (/* binding */ compileRule),
/* harmony export */   zT: () => (/* binding */ FILE_WORDS)
/* harmony export */ });
/* unused harmony export DEFAULT_MAX_VULN_AGE_MS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
/* harmony import */ var _trust_keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36123);
/* harmony import */ var _mode_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16054);
// The one rule validator, and the compilation of one checked rule into an ImagePolicy. Both a
// policy-file entry and the flags' rule pass through `ruleProblems`, so a rule that names no
// signer, or lets attestations decide without asking for any, is refused whatever its source.



/** A vuln scan a rule relies on, with no max-vuln-age / maxVulnAge, must be at most this old. */
const DEFAULT_MAX_VULN_AGE_MS = 48 * 3_600_000;
/**
 * The age limit a rule's vuln scans are held to: the one given, else the default whenever the
 * rule relies on a scan, by requiring `vuln` or by judging its findings (fail-on-severity reads
 * only a scan: one from last year with no criticals says nothing of today's).
 */
function vulnAgeLimit(given, types, failOnSeverity, vulnType) {
    if (given !== undefined)
        return given;
    return types.includes(vulnType) || (failOnSeverity?.length ?? 0) > 0
        ? DEFAULT_MAX_VULN_AGE_MS
        : undefined;
}
const FILE_WORDS = {
    noSigner: 'names no signer: give keys or identities',
    attestationSigners: 'names no attestation signer: list keys or identities, or leave the field out to use the image signers',
    signatureOptional: 'requireSignature: false needs attestations or conditions to check instead',
    mode: { mode: 'mode: ', enforceAfter: 'enforceAfter: ' },
};
const OPTION_WORDS = {
    noSigner: 'no trust policy: give key, or certificate-identity and certificate-oidc-issuer, or signer-workflow / signer-repository',
    attestationSigners: 'attestation signers: give attestation-key, or attestation-certificate-identity and attestation-certificate-oidc-issuer',
    signatureOptional: 'require-signature=false needs attestations to check instead (attestations, deny-packages, ...)',
    mode: { mode: 'mode=', enforceAfter: 'enforce-after=' },
};
/** What is wrong with a rule, in the order a reader would fix it; empty when it is sound. */
function ruleProblems(spec, words) {
    const out = [];
    const checks = spec.attestations.length > 0 || Object.keys(spec.conditions).length > 0;
    if (spec.keys.length === 0 && spec.identities.length === 0)
        out.push({ field: 'rule', message: words.noSigner });
    // Naming attestation signers replaces the image's; naming none would trust no attestation.
    if ((spec.attestationKeys !== undefined || spec.attestationIdentities !== undefined) &&
        (spec.attestationKeys?.length ?? 0) === 0 &&
        (spec.attestationIdentities?.length ?? 0) === 0)
        out.push({ field: 'attestationSigners', message: words.attestationSigners });
    if (!spec.requireSignature && !checks)
        out.push({ field: 'rule', message: words.signatureOptional });
    const mode = (0,_mode_js__WEBPACK_IMPORTED_MODULE_2__/* .modeProblem */ .n5)(spec, words.mode);
    if (mode)
        out.push({ field: 'mode', message: mode });
    return out;
}
/** A checked rule with its keys loaded. Keys are loaded once per rule, shared by its images. */
async function compileRule(spec, run, env) {
    // require-all-keys asks each key named to sign: two references to one key (a .pub and its
    // cosign.key, a KMS alias and its ARN) would be one signature where the policy reads two.
    const distinctForAll = (refs, loaded) => {
        const named = new Set(refs).size;
        if (run.requireAllKeys && loaded.length < named)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `require-all-keys: ${named} key references name only ${loaded.length} distinct key(s) (${refs.join(', ')}): one signature would count as several; name each key once`);
        return loaded;
    };
    const signers = async (keys, identities, validity = {}) => ({
        keys: keys.length ? distinctForAll(keys, await (0,_trust_keys_js__WEBPACK_IMPORTED_MODULE_1__.loadKeys)(keys, { env, validity })) : [],
        identities,
    });
    const hasAtt = spec.attestationKeys !== undefined || spec.attestationIdentities !== undefined;
    const asked = spec.attestations.length > 0 || Object.keys(spec.conditions).length > 0;
    const image = await signers(spec.keys, spec.identities, spec.keyValidity);
    // The flags' rule with only attestation signers hands the image the same lists: loaded once.
    const same = spec.attestationKeys === spec.keys && spec.attestationIdentities === spec.identities;
    const attestationSigners = !hasAtt
        ? undefined
        : same
            ? image
            : await signers(spec.attestationKeys ?? [], spec.attestationIdentities ?? [], spec.attestationKeyValidity);
    return {
        name: spec.name,
        match: spec.images,
        signers: image,
        ...(attestationSigners ? { attestationSigners } : {}),
        ...(asked ? { attestations: { types: spec.attestations, conditions: spec.conditions } } : {}),
        requireSignature: spec.requireSignature,
        requireAllKeys: run.requireAllKeys,
        ...(run.platforms !== undefined ? { platforms: run.platforms } : {}),
        tlog: run.tlog,
        sct: run.sct,
        // Only when the rule warns, so an enforcing rule compiles (and reports) as before.
        ...(0,_mode_js__WEBPACK_IMPORTED_MODULE_2__/* .compileMode */ .BE)(spec.mode !== undefined || spec.enforceAfter !== undefined ? spec : (run.mode ?? {})),
    };
}
//# sourceMappingURL=rule.js.map

/***/ }),

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

/***/ 24576:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NW: () => (/* binding */ ociErrors),
/* harmony export */   m2: () => (/* binding */ errorDetail),
/* harmony export */   xO: () => (/* binding */ classifyThrown)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
/* harmony import */ var _net_addresses_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45166);
/* harmony import */ var _net_socket_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(78425);
// Registry failures as GateErrors: a thrown connection error classified (NETWORK ones may be
// retried, a refused address is INSECURE), and the registry's own diagnostic code quoted from an
// OCI error body (`{"errors":[{"code":"MANIFEST_UNKNOWN",\u2026}]}`), redacted and cleaned.



/** Any thrown value from one attempt as a GateError; NETWORK ones are candidates for a retry. */
function classifyThrown(e, what, registryHost, deadline) {
    if (deadline?.aborted) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('TIMEOUT', `${what}: deadline reached while talking to registry ${registryHost}`, { cause: e });
    }
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue)
        return e;
    const code = (0,_net_socket_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorCode */ .CA)(e);
    if (code === _net_addresses_js__WEBPACK_IMPORTED_MODULE_1__/* .FORBIDDEN_ADDRESS */ .hC) {
        const detail = e instanceof Error ? ((0,_net_socket_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .causeMessage */ .fq)(e) ?? e.message) : String(e);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('INSECURE', `${what}: refused to connect for registry ${registryHost}: ${detail}`, { cause: e });
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('NETWORK', `cannot resolve registry host ${registryHost} (${code})`, {
            cause: e,
        });
    }
    if (code === 'ECONNREFUSED') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('NETWORK', `connection to registry ${registryHost} refused (${code})`, {
            cause: e,
        });
    }
    const detail = code ?? (e instanceof Error ? ((0,_net_socket_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .causeMessage */ .fq)(e) ?? e.message) : String(e));
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('NETWORK', `${what}: cannot reach registry ${registryHost} (${detail})`, {
        cause: e,
    });
}
/** The entries of an OCI error body (`{"errors":[{"code":\u2026,"message":\u2026}]}`), in order; none if not one. */
function ociErrors(body) {
    if (body.length === 0)
        return [];
    try {
        const v = JSON.parse(new TextDecoder().decode(body));
        return Array.isArray(v.errors)
            ? v.errors.map((e) => (typeof e === 'object' && e !== null ? e : {}))
            : [];
    }
    catch {
        return []; // not an OCI error body; the status says enough
    }
}
/**
 * ` (CODE: message)` from an OCI error body, with the run's secrets redacted and cleaned for one
 * log line; '' if there is none.
 */
function errorDetail(res) {
    const first = ociErrors(res.body)[0];
    if (first && typeof first.code === 'string') {
        const msg = typeof first.message === 'string' ? `: ${first.message}` : '';
        return ` (${clean(res.redact(`${first.code}${msg}`))})`;
    }
    return '';
}
/** The registry's text is attacker-controlled: no control characters, bounded length. */
function clean(s) {
    // eslint-disable-next-line no-control-regex
    const t = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
    return t.length > 200 ? `${t.slice(0, 200)}\u2026` : t;
}
//# sourceMappingURL=http-errors.js.map

/***/ }),

/***/ 11858:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DA: () => (/* binding */ MAX_TOKEN_BYTES),
/* harmony export */   JC: () => (/* binding */ MAX_CRED_HELPER_OUTPUT),
/* harmony export */   Jf: () => (/* binding */ CRED_HELPER_TIMEOUT_MS),
/* harmony export */   LD: () => (/* binding */ MAX_DOCKER_CONFIG_BYTES),
/* harmony export */   NX: () => (/* binding */ MAX_REDIRECTS),
/* harmony export */   OB: () => (/* binding */ MAX_REFERRERS),
/* harmony export */   Qy: () => (/* binding */ MAX_REFERRER_PAGES),
/* harmony export */   TU: () => (/* binding */ DEFAULT_RETRIES),
/* harmony export */   ZJ: () => (/* binding */ MAX_MANIFEST_BYTES),
/* harmony export */   Zc: () => (/* binding */ DEFAULT_REQUEST_TIMEOUT_MS),
/* harmony export */   cz: () => (/* binding */ DEFAULT_MAX_CONNECTIONS_PER_ORIGIN),
/* harmony export */   f5: () => (/* binding */ MAX_ERROR_BODY_BYTES),
/* harmony export */   yL: () => (/* binding */ MAX_RETRY_AFTER_MS)
/* harmony export */ });
/* unused harmony export RETRY_BASE_MS */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40332);
// The registry client's bounds under the names its modules use: a view of the one table in
// src/core/limits.ts (LIMITS), plus the client's defaults for run settings.

/** Manifests and indexes, including referrers pages (containers/image iolimits). */
const MAX_MANIFEST_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.manifestBytes;
const MAX_TOKEN_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.tokenBytes;
const MAX_ERROR_BODY_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.errorBodyBytes;
const MAX_REFERRERS = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.referrers;
const MAX_REFERRER_PAGES = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.referrerPages;
const MAX_REDIRECTS = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.registryRedirects;
const MAX_RETRY_AFTER_MS = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.retryAfterMs;
const RETRY_BASE_MS = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.retryBaseMs;
const CRED_HELPER_TIMEOUT_MS = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.credHelperTimeoutMs;
const MAX_CRED_HELPER_OUTPUT = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.credHelperOutputBytes;
const MAX_DOCKER_CONFIG_BYTES = _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.dockerConfigBytes;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_MAX_CONNECTIONS_PER_ORIGIN = 8;
//# sourceMappingURL=limits.js.map

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

/***/ 62683:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rq: () => (/* binding */ reportOutcome),
/* harmony export */   iB: () => (/* binding */ overallOutcome)
/* harmony export */ });
/* unused harmony export exitCode */
/* harmony import */ var _packed_results_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58324);
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
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 60568:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ MAX_SHARDS),
/* harmony export */   u: () => (/* binding */ parseShard)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
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

/***/ 91933:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ LeafCertificate),
  z7: () => (/* binding */ nodeX509),
  Kd: () => (/* binding */ withTimestampDer),
  q2: () => (/* binding */ withTrustedCertificates),
  G5: () => (/* binding */ withoutStacks)
});

// UNUSED EXPORTS: TrustedCertificate

// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var dist = __webpack_require__(83917);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./build/core/signatures/asn1-reads.js
// sigstore-js' ASN.1 reading, with the same answers and less allocation: a keyless image
// allocated 335 KB in a batch (sampling heap profile, docs/benchmarks.md "Session 11"), and in a
// batch every scavenge copies the in-flight images' live objects, so allocation costs twice.
// Loaded for its effect by cert-cache.ts, before any certificate is parsed. Each patch keeps the
// method's checks and errors; none remembers anything across certificates.

const original = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).value;
/**
 * sigstore-js finds a certificate's extension by decoding the OID of every extension in turn
 * (`findExtension`, a BigInt per byte), and asks for a dozen extensions per verification: each
 * parsed OID node decodes once here. A node's tag and value are set only by its constructor
 * (neither sigstore-js nor this code reassigns them; a clone gets new nodes), so its OID cannot
 * change after it is read. Remembered per node object (weakly), never by its bytes; a node that
 * is not an OID still throws as before.
 */
const oidOf = new WeakMap();
const decodeOid = original(dist.ASN1Obj.prototype, 'toOID');
dist.ASN1Obj.prototype.toOID = function toOID() {
    let oid = oidOf.get(this);
    if (oid === undefined) {
        oid = decodeOid.call(this);
        oidOf.set(this, oid);
    }
    return oid;
};
/**
 * ByteStream reads a byte as `getBlock(1)[0]`: a Buffer view made for every tag and length byte
 * of every node the parser reads. The same bounds check and error, without the view.
 */
dist.ByteStream.prototype.getUint8 = function getUint8() {
    const s = this;
    if (s.start + 1 > s.view.length)
        throw new Error('request past end of buffer');
    return s.view[s.start++];
};
dist.ByteStream.prototype.getUint16 = function getUint16() {
    const s = this;
    if (s.start + 2 > s.view.length)
        throw new Error('request past end of buffer');
    const v = (s.view[s.start] << 8) | s.view[s.start + 1];
    s.start += 2;
    return v;
};
//# sourceMappingURL=asn1-reads.js.map
;// CONCATENATED MODULE: ./build/core/signatures/der.js
/** Exactly `obj.toDER()`: tag byte, minimal definite length, then the value or the children. */
function encodeDer(obj) {
    // Content sizes in pre-order (the order `write` visits the nodes in): one array per encoding,
    // not a Map entry per node (a certificate has a hundred nodes or more, encoded several times).
    const sizes = [];
    const out = Buffer.allocUnsafe(measure(obj, sizes));
    const cursor = { node: 0 };
    const end = write(obj, out, 0, sizes, cursor);
    if (end !== out.length || cursor.node !== sizes.length)
        throw new Error(`DER encoder wrote ${end} of ${out.length} bytes`);
    return out;
}
/** Records the content size of `o` and of each node below it, in pre-order; returns o's encoded size. */
function measure(o, sizes) {
    const at = sizes.length;
    sizes.push(0);
    let n = 0;
    if (o.subs.length > 0)
        for (const s of o.subs)
            n += measure(s, sizes);
    else
        n = o.value.length;
    sizes[at] = n;
    return 1 + lengthSize(n) + n;
}
function lengthSize(n) {
    if (n < 128)
        return 1;
    let bytes = 0;
    for (let v = n; v > 0; v = Math.floor(v / 256))
        bytes++;
    return 1 + bytes;
}
function write(o, out, at, sizes, cursor) {
    let pos = at;
    out[pos++] = o.tag.toDER();
    const n = sizes[cursor.node++];
    if (n < 128) {
        out[pos++] = n;
    }
    else {
        const len = lengthSize(n) - 1;
        out[pos++] = 0x80 | len;
        for (let i = len - 1; i >= 0; i--)
            out[pos++] = Math.floor(n / 256 ** i) % 256;
    }
    if (o.subs.length > 0)
        for (const s of o.subs)
            pos = write(s, out, pos, sizes, cursor);
    else
        pos += o.value.copy(out, pos);
    return pos;
}
//# sourceMappingURL=der.js.map
;// CONCATENATED MODULE: ./build/core/signatures/cert-cache.js
// Certificates that remember what they already computed: trust-root CA/TSA certificates keep
// their DER, key and the verdict of one trust-root certificate signing another for the whole run;
// a bundle's leaf keeps its own encodings for the one verification it belongs to.




/**
 * sigstore-js re-encodes a certificate to DER on every `equals`, `publicKey` and `verify`, and
 * re-checks the trust root's own chain (intermediate by root, root by itself) for every image and
 * every timestamp. These results depend only on trust-root bytes, fixed for the run, so they are
 * computed once. Nothing that depends on a bundle's leaf, or on a time, is remembered across
 * verifications: validity dates are checked by sigstore-js on every call, and a leaf is never
 * a TrustedCertificate.
 */
class TrustedCertificate extends dist.X509Certificate {
    der;
    spki;
    key;
    /** Signature verdicts keyed by the issuing trusted certificate (`this` for self-signed). */
    verdicts = new Map();
    constructor(cert) {
        super(cert.root);
        this.der = encodeDer(cert.root);
        this.spki = super.publicKey;
        trustedKeys.set(this.spki.toString('latin1'), this);
    }
    get publicKey() {
        // A copy: callers get their own bytes, as they would from a fresh encoding.
        return Buffer.from(this.spki);
    }
    /** The KeyObject for this certificate's SPKI, created once. */
    keyObject() {
        return (this.key ??= createPublicKey(this.spki));
    }
    equals(other) {
        return this.der.equals(derOf(other));
    }
    clone() {
        return cloneOf(this.der);
    }
    verify(issuer) {
        const by = issuer ?? this;
        // Only a trust-root issuer is remembered; anything else (a bundle's certificate posing as
        // the issuer of a root certificate) is checked afresh every time.
        if (!(by instanceof TrustedCertificate))
            return super.verify(issuer);
        let ok = this.verdicts.get(by);
        if (ok === undefined) {
            ok = dist.crypto.verify(encodeDer(this.tbsCertificate), by.keyObject(), this.signatureValue, this.signatureAlgorithm);
            this.verdicts.set(by, ok);
        }
        return ok;
    }
}
/**
 * Trust-root certificates by their SPKI (the whole DER, one character per byte: latin1 is one-to-one and cheaper than base64), for sigCrypto.createPublicKey
 * below. Only TrustedCertificates are put here, never a bundle's certificate.
 */
const trustedKeys = new Map();
const createPublicKey = dist.crypto.createPublicKey;
/**
 * sigstore-js' RFC 3161 check (verify/dist/timestamp/tsa.js) builds the TSA's KeyObject from
 * `leaf.publicKey` for every timestamp it checks; for a trust-root certificate's exact SPKI bytes
 * (the whole DER is the lookup key) this returns the KeyObject that certificate made once. Any
 * other key, including every bundle's, is created afresh as before.
 */
const createPublicKeyOnce = (key, type) => {
    if (Buffer.isBuffer(key) && (type === undefined || type === 'spki') && trustedKeys.size > 0) {
        const known = trustedKeys.get(key.toString('latin1'));
        if (known)
            return known.keyObject();
    }
    return createPublicKey(key, type);
};
dist.crypto.createPublicKey = createPublicKeyOnce;
/**
 * A bundle's leaf certificate for one verification: its DER, TBS bytes and the verdict of each
 * issuer it was checked against are kept on this object only, which lives as long as the one
 * bundle being verified (sigstore-js checks the chain once per timestamp).
 */
class LeafCertificate extends dist.X509Certificate {
    der;
    tbs;
    spki;
    verdicts = new Map();
    constructor(cert) {
        super(cert.root);
        this.der = encodeDer(cert.root);
    }
    get publicKey() {
        return Buffer.from((this.spki ??= spkiOf(this)));
    }
    equals(other) {
        return this.der.equals(derOf(other));
    }
    /**
     * The SCT check's copy, from this certificate's parsed tree rather than a second parse of its
     * DER. sigstore-js edits a clone in one place, the extension list (it splices the SCT
     * extension out): the nodes from the root down to that list, and the list itself, are the
     * copy's own, so the edit leaves this certificate as it was; every other node is shared, and
     * nothing reassigns a node's tag, value or children (asn1-reads.ts relies on that too).
     */
    clone() {
        const c = new dist.X509Certificate(copyToExtensions(this.root));
        const tbs = c.tbsCertificate;
        tbs.toDER = () => encodeDer(tbs);
        return c;
    }
    verify(issuer) {
        const by = issuer ?? this;
        let ok = this.verdicts.get(by);
        if (ok === undefined) {
            const key = by instanceof TrustedCertificate
                ? by.keyObject()
                : dist.crypto.createPublicKey(by === this ? this.publicKey : by.publicKey);
            ok = dist.crypto.verify((this.tbs ??= encodeDer(this.tbsCertificate)), key, this.signatureValue, this.signatureAlgorithm);
            this.verdicts.set(by, ok);
        }
        return ok;
    }
}
/**
 * A plain, independent copy (sigstore-js edits a clone's extensions to rebuild the precertificate
 * for SCTs); its TBS is encoded by encodeDer, from the tree as it is when asked.
 */
function cloneOf(der) {
    const c = dist.X509Certificate.parse(Buffer.from(der));
    const tbs = c.tbsCertificate;
    tbs.toDER = () => encodeDer(tbs);
    return c;
}
/**
 * The DER of a certificate's SubjectPublicKeyInfo: sigstore-js' `publicKey` is that node's
 * ASN1Obj.toDER(), encoded here by encodeDer (the same bytes; where the tree has no such node,
 * both fail alike).
 */
function spkiOf(c) {
    return encodeDer(c.subjectPublicKeyInfoObj);
}
/**
 * A copy of a certificate tree whose path to the extension list is new (root, TBSCertificate,
 * each `[3]` extensions field and the SEQUENCE inside it, with a new children array each) and
 * whose other nodes are the original's.
 */
function copyToExtensions(root) {
    const own = (o, subs) => new dist.ASN1Obj(o.tag, o.value, subs);
    const [tbs, ...rest] = root.subs;
    if (tbs === undefined)
        return own(root, []);
    const tbsSubs = tbs.subs.map((f) => f.tag.isContextSpecific(0x03)
        ? own(f, f.subs.map((seq) => own(seq, [...seq.subs])))
        : f);
    return own(root, [own(tbs, tbsSubs), ...rest]);
}
function derOf(c) {
    return c instanceof TrustedCertificate || c instanceof LeafCertificate ? c.der : c.root.toDER();
}
/** The same CAs and TSAs, their certificates as TrustedCertificates. */
function withTrustedCertificates(m) {
    const wrap = (ca) => ({
        ...ca,
        certChain: ca.certChain.map((c) => new TrustedCertificate(c)),
    });
    return {
        ...m,
        certificateAuthorities: m.certificateAuthorities.map(wrap),
        timestampAuthorities: m.timestampAuthorities.map(wrap),
    };
}
/**
 * sigstore-js re-encodes a timestamp's signed attributes and its TSTInfo through ASN1Obj.toDER
 * (growing buffers at every level) each time it checks them; encodeDer gives the same bytes in
 * one allocation. The tree is the timestamp's own, parsed once from the bundle and not changed
 * after, and each call still encodes afresh (the caller edits the first byte of the result).
 * A timestamp whose structure lacks these parts is left as it is, for sigstore-js to reject.
 */
function withTimestampDer(ts) {
    const parts = ts;
    let nodes;
    try {
        nodes = [parts.signedAttrsObj, parts.eContentObj?.subs[0]?.subs[0]];
    }
    catch {
        return ts;
    }
    for (const n of nodes)
        if (n)
            n.toDER = () => encodeDer(n);
    return ts;
}
/**
 * Runs synchronous sigstore-js parsing or verification with no stack traces on the errors made
 * inside: its ASN.1 parser throws and catches an ASN1ParseError for every OCTET STRING it probes
 * for nested DER, and capturing a stack is most of what such an error costs. Only the messages of
 * sigstore-js' errors are reported (toVerifyGateError), never their stacks. The limit is put back
 * before returning, and no other code runs in between (`fn` is synchronous).
 */
function withoutStacks(fn) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return fn();
    }
    finally {
        Error.stackTraceLimit = limit;
    }
}
/** How many of the newest leaf certificates nodeX509 keeps (about one per image in flight). */
const NODE_X509_KEPT = 64;
const nodeX509s = new Map();
/**
 * Node's X509Certificate for these DER bytes, parsed once while the image is being verified: a
 * cosign `.sig` layer's certificate is parsed by Node when it is read (legacy.ts, to fail early on
 * a bad one) and again for the facts a revocation list names it by (verify-signer.ts). Keyed by
 * the whole DER, and only a parse is kept (Node's object is immutable), never a verdict.
 */
function nodeX509(der) {
    const key = der.toString('latin1');
    let c = nodeX509s.get(key);
    if (c === undefined) {
        c = new external_node_crypto_.X509Certificate(der);
        nodeX509s.set(key, c);
        if (nodeX509s.size > NODE_X509_KEPT)
            nodeX509s.delete(nodeX509s.keys().next().value);
    }
    return c;
}
//# sourceMappingURL=cert-cache.js.map

/***/ }),

/***/ 59956:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K4: () => (/* binding */ describeExtensionChecks),
/* harmony export */   lQ: () => (/* binding */ readCertIdentity),
/* harmony export */   oD: () => (/* binding */ matchIdentity)
/* harmony export */ });
/* unused harmony exports OID_ISSUER_V1, OID_ISSUER_V2 */
/* harmony import */ var _sigstore_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83917);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62807);
/* harmony import */ var _signer_policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23303);
// Keyless signer identity: reads the SAN and Fulcio extensions from a signing certificate
// ourselves and matches them against the policy with anchored matchers (never sigstore-js').



const OID_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
const OID_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const OID_OTHERNAME_SAN = '1.3.6.1.4.1.57264.1.7';
// Fulcio's first extensions (.1.1 - .1.6) hold the raw string as the extension value; every
// later one (.1.8 onwards) holds a DER UTF8String, per Fulcio's docs/oid-info.md.
const RAW_VALUE_OIDS = new Set([1, 2, 3, 4, 5, 6].map((n) => `1.3.6.1.4.1.57264.1.${n}`));
/**
 * Decode the identity from a leaf certificate. Rejects (UNTRUSTED_SIGNER) a certificate that
 * holds an extension twice (RFC 5280 4.2; Go's x509, as cosign reads it, refuses it too), whose
 * v2 issuer is not a string, or whose v1 and v2 issuer extensions disagree: a CA that says two
 * things must not be believed once.
 */
function readCertIdentity(cert) {
    const extensions = new Map();
    const present = new Set();
    for (const ext of cert.extensions) {
        const oid = ext.subs[0]?.toOID();
        const valueObj = ext.subs[ext.subs.length - 1];
        if (oid === undefined || valueObj === undefined)
            continue;
        if (present.has(oid))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', `certificate holds extension ${oid} twice`);
        present.add(oid);
        if (oid === OID_SAN)
            refuseNonAsciiNames(valueObj.value);
        if (oid === OID_EKU)
            refuseOtherUsage(valueObj.value);
        const value = decodeExtensionValue(oid, valueObj.value);
        if (value !== undefined)
            extensions.set(oid, value);
    }
    const v1 = extensions.get(OID_ISSUER_V1);
    const v2 = extensions.get(OID_ISSUER_V2);
    if (present.has(OID_ISSUER_V2) && v2 === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', `certificate issuer extension ${OID_ISSUER_V2} is not a DER string`);
    if (v1 !== undefined && v2 !== undefined && v1 !== v2) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', `certificate issuer extensions disagree: ${OID_ISSUER_V2}=${JSON.stringify(v2)} but ${OID_ISSUER_V1}=${JSON.stringify(v1)}`);
    }
    const sanExt = cert.extSubjectAltName;
    const san = sanExt?.uri ?? sanExt?.rfc822Name ?? sanExt?.otherName(OID_OTHERNAME_SAN);
    return { san, issuer: v2 ?? v1, extensions, present };
}
/**
 * sigstore-js reads the SAN's names with Node's `ascii` decoding, which clears each byte's top
 * bit: `github\xaecom` would read as `github.com` and match a policy naming it. IA5String (email,
 * URI) holds ASCII only, and Fulcio writes its otherName username as ASCII too: a name with a
 * byte from 0x80 is refused rather than read as another name. (Fulcio does not issue such names;
 * a CA of a custom trusted root might.)
 */
function refuseNonAsciiNames(raw) {
    let names;
    try {
        names = _sigstore_core__WEBPACK_IMPORTED_MODULE_0__.ASN1Obj.parseBuffer(Buffer.from(raw)).subs;
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', 'certificate subject alternative name is not DER');
    }
    for (const n of names) {
        // otherName [0], rfc822Name [1], dNSName [2], URI [6]: the names read as text.
        if (![0x00, 0x01, 0x02, 0x06].some((t) => n.tag.isContextSpecific(t)))
            continue;
        const values = n.tag.isContextSpecific(0x00)
            ? (n.subs[1]?.subs ?? []).map((v) => v.value)
            : [n.value];
        for (const v of values)
            if (v.some((b) => b >= 0x80))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', 'certificate subject alternative name holds a byte outside ASCII, which is read as another name');
    }
}
const OID_SAN = '2.5.29.17';
/**
 * A leaf whose extended key usage does not allow code signing (a TLS server certificate from the
 * same CA) signs nothing here. sigstore-js never checks it; cosign and sigstore-go verify the
 * chain for ExtKeyUsageCodeSigning, as Go's x509 reads it: no extension at all, or
 * anyExtendedKeyUsage, allows it. Only a CA of a custom trusted root issues such leaves.
 */
function refuseOtherUsage(raw) {
    let usages;
    try {
        usages = _sigstore_core__WEBPACK_IMPORTED_MODULE_0__.ASN1Obj.parseBuffer(Buffer.from(raw)).subs.map((o) => o.toOID());
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', 'certificate extended key usage is not DER');
    }
    if (!usages.includes(OID_CODE_SIGNING) && !usages.includes(OID_ANY_USAGE))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', `certificate is not for code signing: its extended key usage is ${usages.join(', ') || 'empty'}, without ${OID_CODE_SIGNING}`);
}
const OID_EKU = '2.5.29.37';
const OID_CODE_SIGNING = '1.3.6.1.5.5.7.3.3';
const OID_ANY_USAGE = '2.5.29.37.0';
/** DER tag bytes of the string types an extension value may be: UTF8String, PrintableString, IA5String. */
const STRING_TAGS = new Set([0x0c, 0x13, 0x16]);
function decodeExtensionValue(oid, raw) {
    if (RAW_VALUE_OIDS.has(oid))
        return raw.toString('utf8');
    // Anything else (key usage, SCT list, \u2026) is not text; parsing it only to learn that costs a
    // thrown error per extension per certificate.
    if (raw.length === 0 || !STRING_TAGS.has(raw[0]))
        return undefined;
    try {
        const obj = _sigstore_core__WEBPACK_IMPORTED_MODULE_0__.ASN1Obj.parseBuffer(Buffer.from(raw));
        // UTF8String (12), PrintableString (19), IA5String (22)
        if (!obj.tag.constructed && obj.tag.class === 0 && [12, 19, 22].includes(obj.tag.number)) {
            return obj.value.toString('utf8');
        }
    }
    catch {
        // Not a DER string: an extension we cannot express as text; it can only fail a policy.
    }
    return undefined;
}
/**
 * The first rule the identity satisfies; otherwise UNTRUSTED_SIGNER saying what was expected
 * and what the certificate holds.
 */
function matchIdentity(rules, id) {
    for (const rule of rules) {
        if (!(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .matches */ .cK)(rule.subject, id.san))
            continue;
        if (!(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .matches */ .cK)(rule.issuer, id.issuer))
            continue;
        if ((rule.extensions ?? []).every((c) => checkExtension(c, id) === undefined))
            return rule;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', `certificate identity not trusted: ${mismatch(rules, id)}`);
}
/** Why the certificate fails the check, or undefined when it passes. */
function checkExtension(check, id) {
    let seen = false;
    for (const { oid, value } of check.carriers) {
        const got = id.extensions.get(oid);
        if (got === undefined) {
            if (id.present?.has(oid))
                return `${check.name} extension ${oid} is present but not a string`;
            continue;
        }
        seen = true;
        const ok = value === 'san' ? id.san !== undefined && got === id.san : (0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .matches */ .cK)(value, got);
        if (!ok)
            return `expected ${check.name} extension ${oid}=${describeCarrier(value)}, got ${JSON.stringify(got)}`;
    }
    if (seen || check.optional === true)
        return undefined;
    const oids = check.carriers.map((c) => c.oid).join(' or ');
    return `expected ${check.name} extension ${oids}=${check.carriers.map((c) => describeCarrier(c.value)).join(' / ')}, but the certificate has none`;
}
function describeCarrier(value) {
    return value === 'san' ? 'the SAN' : (0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .describeMatcher */ .OT)(value);
}
function mismatch(rules, id) {
    const got = `got identity ${JSON.stringify(id.san ?? null)} issuer ${JSON.stringify(id.issuer ?? null)}`;
    if (rules.length !== 1) {
        const wanted = rules.map((r) => `${(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .describeMatcher */ .OT)(r.subject)} (${(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .describeMatcher */ .OT)(r.issuer)})`);
        return `${got}; expected one of ${wanted.join(', ')}`;
    }
    const rule = rules[0];
    if (!(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .matches */ .cK)(rule.subject, id.san)) {
        return `expected identity ${(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .describeMatcher */ .OT)(rule.subject)}, ${got}`;
    }
    if (!(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .matches */ .cK)(rule.issuer, id.issuer)) {
        return `expected issuer ${(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .describeMatcher */ .OT)(rule.issuer)}, ${got}`;
    }
    for (const c of rule.extensions ?? []) {
        const why = checkExtension(c, id);
        if (why !== undefined)
            return why;
    }
    return got;
}
/**
 * The report's wording of the checks: OID -> required value. Every carrier present must match;
 * a deprecated one is enough alone where the current one is absent; optional ones only bind
 * where present.
 */
function describeExtensionChecks(checks) {
    const out = {};
    for (const c of checks) {
        const [first] = c.carriers;
        for (const carrier of c.carriers) {
            const note = c.optional === true
                ? ' (where present)'
                : carrier === first
                    ? ''
                    : ` (deprecated OID; enough alone where ${first.oid} is absent)`;
            out[carrier.oid] = `${describeCarrier(carrier.value)}${note}`;
        }
    }
    return out;
}
//# sourceMappingURL=identity.js.map

/***/ }),

/***/ 8429:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IY: () => (/* binding */ checkSimpleSigningPayload),
/* harmony export */   a2: () => (/* binding */ legacyVerificationMaterial),
/* harmony export */   g2: () => (/* binding */ legacyLayerToBundle),
/* harmony export */   vK: () => (/* binding */ cosignSimpleSigningPayload)
/* harmony export */ });
/* unused harmony exports ANNOTATION_SIGNATURE, ANNOTATION_CERTIFICATE, ANNOTATION_CHAIN, ANNOTATION_BUNDLE, ANNOTATION_TIMESTAMP, SIMPLE_SIGNING_TYPE */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62807);
/* harmony import */ var _cert_cache_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91933);
/* harmony import */ var _strict_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56086);
// Cosign legacy `.sig` layers: checks the simple-signing payload against the image digest and
// rewrites the layer's annotations as a Sigstore v0.1 bundle, so one verifier handles both forms.




const ANNOTATION_SIGNATURE = 'dev.cosignproject.cosign/signature';
const ANNOTATION_CERTIFICATE = 'dev.sigstore.cosign/certificate';
const ANNOTATION_CHAIN = 'dev.sigstore.cosign/chain';
const ANNOTATION_BUNDLE = 'dev.sigstore.cosign/bundle';
const ANNOTATION_TIMESTAMP = 'dev.sigstore.cosign/rfc3161timestamp';
const SIMPLE_SIGNING_TYPE = 'cosign container image signature';
/**
 * Strictly parse the simple-signing payload and require that it is a cosign image signature
 * for exactly `imageDigest` (PAYLOAD_MISMATCH otherwise, MALFORMED if it does not parse).
 */
function checkSimpleSigningPayload(payload, imageDigest) {
    let json;
    try {
        json = (0,_strict_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseStrictJsonBytes */ .ml)(payload);
    }
    catch (e) {
        const why = e instanceof _strict_json_js__WEBPACK_IMPORTED_MODULE_3__/* .StrictJsonError */ .U7 ? e.message : String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `simple-signing payload is not strict JSON: ${why}`, {
            cause: e,
        });
    }
    const critical = field(json, 'critical');
    const type = field(critical, 'type');
    if (type !== SIMPLE_SIGNING_TYPE) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('PAYLOAD_MISMATCH', `simple-signing payload critical.type is ${JSON.stringify(type ?? null)}, expected ${JSON.stringify(SIMPLE_SIGNING_TYPE)}`);
    }
    const digest = field(field(critical, 'image'), 'docker-manifest-digest');
    if (digest !== imageDigest) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('PAYLOAD_MISMATCH', `simple-signing payload signs ${JSON.stringify(digest ?? null)}, not the image digest ${imageDigest}`);
    }
}
/**
 * The payload `cosign sign` writes for `dockerReference@imageDigest` when given no `-a`
 * annotations, byte for byte: Go's encoding/json of cosign's struct (fields in declaration
 * order, no spaces, no trailing newline). The names in a reference need none of the escapes where
 * Go and JSON.stringify differ (`<`, `>`, `&`, U+2028/9).
 */
function cosignSimpleSigningPayload(dockerReference, imageDigest) {
    return Buffer.from(JSON.stringify({
        critical: {
            identity: { 'docker-reference': dockerReference },
            image: { 'docker-manifest-digest': imageDigest },
            type: SIMPLE_SIGNING_TYPE,
        },
        optional: null,
    }), 'utf8');
}
/** The layer as a Sigstore bundle v0.1 (JSON form), messageSignature over the payload. */
function legacyLayerToBundle(layer) {
    const a = layer.annotations;
    const sig = a[ANNOTATION_SIGNATURE];
    if (sig === undefined || sig === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(sig)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `.sig layer annotation ${ANNOTATION_SIGNATURE} is missing or not base64`);
    }
    return {
        mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
        verificationMaterial: legacyVerificationMaterial(a, '.sig layer'),
        messageSignature: {
            messageDigest: {
                algorithm: 'SHA2_256',
                digest: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(layer.payload).digest('base64'),
            },
            signature: sig,
        },
    };
}
/**
 * A cosign layer's certificate, SET bundle and RFC 3161 annotations as bundle
 * `verificationMaterial` (JSON form); `what` names the layer kind in messages.
 */
function legacyVerificationMaterial(a, what) {
    const verificationMaterial = {};
    const certPem = a[ANNOTATION_CERTIFICATE];
    if (certPem !== undefined && certPem !== '') {
        // Only the leaf: the chain annotation is unauthenticated, and the CA chain comes from the
        // trusted root. (A chain that carried its own root would only invite confusion.)
        verificationMaterial['x509CertificateChain'] = {
            certificates: [{ rawBytes: pemCertToDer(certPem, what).toString('base64') }],
        };
    }
    else {
        // The hint is not used to pick a key: the verifier tries the policy's keys.
        verificationMaterial['publicKey'] = { hint: '' };
    }
    verificationMaterial['tlogEntries'] =
        a[ANNOTATION_BUNDLE] !== undefined ? [setToTlogEntry(a[ANNOTATION_BUNDLE], what)] : [];
    const ts = a[ANNOTATION_TIMESTAMP];
    if (ts !== undefined) {
        const signed = field(strictAnnotation(ts, ANNOTATION_TIMESTAMP, what), 'SignedRFC3161Timestamp');
        if (typeof signed !== 'string') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `${what} annotation ${ANNOTATION_TIMESTAMP} has no SignedRFC3161Timestamp`);
        }
        verificationMaterial['timestampVerificationData'] = {
            rfc3161Timestamps: [{ signedTimestamp: signed }],
        };
    }
    return verificationMaterial;
}
/** cosign's `{SignedEntryTimestamp, Payload: {body, integratedTime, logIndex, logID}}` as a tlog entry. */
function setToTlogEntry(text, what) {
    const json = strictAnnotation(text, ANNOTATION_BUNDLE, what);
    const set = field(json, 'SignedEntryTimestamp');
    const payload = field(json, 'Payload');
    const body = field(payload, 'body');
    const integratedTime = field(payload, 'integratedTime');
    const logIndex = field(payload, 'logIndex');
    const logID = field(payload, 'logID');
    const bad = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `${what} annotation ${ANNOTATION_BUNDLE}: ${why}`);
    if (typeof set !== 'string' || set === '')
        throw bad('no SignedEntryTimestamp');
    if (typeof body !== 'string')
        throw bad('no Payload.body');
    if (!isNonNegativeInt(integratedTime))
        throw bad(`Payload.integratedTime ${JSON.stringify(integratedTime ?? null)} is not a non-negative integer`);
    if (!isNonNegativeInt(logIndex))
        throw bad(`Payload.logIndex ${JSON.stringify(logIndex ?? null)} is not a non-negative integer`);
    if (typeof logID !== 'string' || !/^[a-f0-9]{64}$/.test(logID))
        throw bad('Payload.logID is not 64 hex characters');
    // kind/version come from the body itself; sigstore-js then checks they agree.
    const decoded = Buffer.from(body, 'base64');
    let kind;
    let version;
    try {
        const b = (0,_strict_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseStrictJsonBytes */ .ml)(decoded);
        kind = field(b, 'kind');
        version = field(b, 'apiVersion');
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `${what} annotation ${ANNOTATION_BUNDLE}: Payload.body is not base64 JSON`, { cause: e });
    }
    if (typeof kind !== 'string' || typeof version !== 'string')
        throw bad('Payload.body has no kind/apiVersion');
    return {
        logIndex: String(logIndex),
        logId: { keyId: Buffer.from(logID, 'hex').toString('base64') },
        kindVersion: { kind, version },
        integratedTime: String(integratedTime),
        inclusionPromise: { signedEntryTimestamp: set },
        canonicalizedBody: body,
    };
}
function strictAnnotation(text, name, what) {
    try {
        return (0,_strict_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseStrictJsonBytes */ .ml)(Buffer.from(text, 'utf8'));
    }
    catch (e) {
        const why = e instanceof _strict_json_js__WEBPACK_IMPORTED_MODULE_3__/* .StrictJsonError */ .U7 ? e.message : String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `${what} annotation ${name} is not strict JSON: ${why}`, {
            cause: e,
        });
    }
}
function pemCertToDer(pem, what) {
    const m = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem);
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `${what} annotation ${ANNOTATION_CERTIFICATE} is not a PEM certificate`);
    const der = Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
    try {
        (0,_cert_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeX509 */ .z7)(der);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `${what} annotation ${ANNOTATION_CERTIFICATE} does not parse as X.509`, { cause: e });
    }
    return der;
}
function isNonNegativeInt(v) {
    return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
function field(o, k) {
    return typeof o === 'object' && o !== null && !Array.isArray(o)
        ? o[k]
        : undefined;
}
//# sourceMappingURL=legacy.js.map

/***/ }),

/***/ 23303:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nt: () => (/* binding */ escapeRegExp),
/* harmony export */   OT: () => (/* binding */ describeMatcher),
/* harmony export */   cK: () => (/* binding */ matches)
/* harmony export */ });
/* unused harmony export matcherToRegExp */
/** Compile a matcher into an anchored RegExp: exact strings are escaped, regexps wrapped. */
function matcherToRegExp(m) {
    if ('exact' in m)
        return new RegExp(`^${escapeRegExp(m.exact)}$`);
    return new RegExp(`^(?:${m.regexp})$`);
}
function matches(m, value) {
    if (value === undefined)
        return false;
    return 'exact' in m ? value === m.exact : matcherToRegExp(m).test(value);
}
function describeMatcher(m) {
    return 'exact' in m ? m.exact : `/${m.regexp}/`;
}
/** Escape every RegExp metacharacter, so a literal can sit inside an anchored pattern. */
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
//# sourceMappingURL=signer-policy.js.map

/***/ }),

/***/ 31893:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   By: () => (/* binding */ parseStatement),
/* harmony export */   Ky: () => (/* binding */ parseSubjectDigest),
/* harmony export */   T4: () => (/* binding */ IN_TOTO_PAYLOAD_TYPE),
/* harmony export */   jj: () => (/* binding */ checkSubject)
/* harmony export */ });
/* unused harmony exports STATEMENT_TYPES, MAX_SUBJECTS, MAX_DIGESTS_PER_SUBJECT */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40332);
/* harmony import */ var _strict_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56086);
// In-toto statements inside DSSE envelopes: the parts sigstore-js leaves to callers (payload
// type, strict statement parsing, size bounds, and binding the subject to the image digest).



const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const STATEMENT_TYPES = [
    'https://in-toto.io/Statement/v0.1',
    'https://in-toto.io/Statement/v1',
];
const MAX_SUBJECTS = _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .LIMITS */ .b1.subjectsPerStatement;
const MAX_DIGESTS_PER_SUBJECT = _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .LIMITS */ .b1.digestsPerSubject;
function parseSubjectDigest(digest) {
    const m = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/.exec(digest);
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `subject digest ${JSON.stringify(digest)} is not sha256:<64 hex> or sha512:<128 hex>`);
    const [algorithm, hex] = digest.split(':');
    return { algorithm, hex };
}
/** Strictly parse and shape-check a DSSE payload as an in-toto statement (before any crypto). */
function parseStatement(payloadType, payload) {
    if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('PAYLOAD_MISMATCH', `DSSE payloadType ${JSON.stringify(payloadType)} is not ${IN_TOTO_PAYLOAD_TYPE}`);
    }
    let json;
    try {
        json = (0,_strict_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseStrictJsonBytes */ .ml)(payload);
    }
    catch (e) {
        const why = e instanceof _strict_json_js__WEBPACK_IMPORTED_MODULE_2__/* .StrictJsonError */ .U7 ? e.message : String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', `in-toto statement is not strict JSON: ${why}`, { cause: e });
    }
    if (!isObject(json))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', 'in-toto statement is not a JSON object');
    const type = json['_type'];
    if (typeof type !== 'string' || !STATEMENT_TYPES.includes(type)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('PAYLOAD_MISMATCH', `in-toto statement _type ${JSON.stringify(type ?? null)} is not Statement v0.1 or v1`);
    }
    const predicateType = json['predicateType'];
    if (typeof predicateType !== 'string' || predicateType === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', 'in-toto statement has no predicateType');
    }
    const subject = json['subject'];
    if (!Array.isArray(subject) || subject.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', 'in-toto statement has no subject list');
    }
    if (subject.length > MAX_SUBJECTS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', `in-toto statement has ${subject.length} subjects (limit ${MAX_SUBJECTS})`);
    }
    subject.forEach((s, i) => {
        if (!isObject(s) || !isObject(s['digest'])) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', `in-toto statement subject ${i} has no digest object`);
        }
        const digests = Object.entries(s['digest']);
        if (digests.length > MAX_DIGESTS_PER_SUBJECT) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', `in-toto statement subject ${i} has ${digests.length} digests (limit ${MAX_DIGESTS_PER_SUBJECT})`);
        }
        for (const [alg, v] of digests) {
            if (typeof v !== 'string')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', `in-toto statement subject ${i} digest ${alg} is not a string`);
        }
        if (s['name'] !== undefined && typeof s['name'] !== 'string') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', `in-toto statement subject ${i} name is not a string`);
        }
    });
    return json;
}
/** PAYLOAD_MISMATCH unless some subject carries exactly this digest. */
function checkSubject(statement, want) {
    const hit = statement.subject.some((s) => s.digest[want.algorithm]?.toLowerCase() === want.hex);
    if (!hit) {
        const names = statement.subject
            .slice(0, 3)
            .map((s) => Object.entries(s.digest)
            .map(([a, v]) => `${a}:${v}`)
            .join('/'))
            .join(', ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('PAYLOAD_MISMATCH', `in-toto statement subjects (${names}${statement.subject.length > 3 ? ', ...' : ''}) do not include ${want.algorithm}:${want.hex}`);
    }
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
//# sourceMappingURL=statement.js.map

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

/***/ 77368:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createSignatureVerifier: () => (/* binding */ createSignatureVerifier)
});

// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(62807);
// EXTERNAL MODULE: ./build/core/limits.js
var limits = __webpack_require__(40332);
// EXTERNAL MODULE: ./build/core/signatures/legacy.js
var legacy = __webpack_require__(8429);
// EXTERNAL MODULE: ./build/core/signatures/strict-json.js
var strict_json = __webpack_require__(56086);
;// CONCATENATED MODULE: ./build/core/signatures/legacy-att.js
// Cosign legacy `.att` layers: strictly parses the DSSE envelope blob and rewrites it, with the
// layer's certificate / SET / timestamp annotations, as a Sigstore v0.1 DSSE bundle.




const ATT_LAYER = '.att layer';
/** Unauthenticated: cosign's hint of the statement's type; only the verified statement counts. */
const ANNOTATION_PREDICATE_TYPE = 'predicateType';
function legacyAttestationToBundle(layer) {
    if (layer.envelope.length > limits/* LIMITS */.b1.payloadBytes) {
        throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `${ATT_LAYER} envelope is ${layer.envelope.length} bytes, limit ${limits/* LIMITS */.b1.payloadBytes}`);
    }
    let json;
    try {
        json = (0,strict_json/* parseStrictJsonBytes */.ml)(layer.envelope);
    }
    catch (e) {
        const why = e instanceof strict_json/* StrictJsonError */.U7 ? e.message : String(e);
        throw malformed(`DSSE envelope is not strict JSON: ${why}`, e);
    }
    if (!isObject(json))
        throw malformed('DSSE envelope is not a JSON object');
    const { payloadType, payload, signatures } = json;
    if (typeof payloadType !== 'string')
        throw malformed('DSSE envelope has no payloadType string');
    if (typeof payload !== 'string' || !isCanonicalBase64(payload)) {
        throw malformed('DSSE envelope payload is not canonical base64');
    }
    // sigstore-js checks signatures[0] only: any other count would leave a signature unexamined.
    if (!Array.isArray(signatures) || signatures.length !== 1) {
        throw malformed(`DSSE envelope carries ${Array.isArray(signatures) ? signatures.length : 'no list of'} signatures (exactly 1 required)`);
    }
    const s = signatures[0];
    const sig = isObject(s) ? s['sig'] : undefined;
    const keyid = isObject(s) ? (s['keyid'] ?? '') : undefined;
    if (typeof sig !== 'string' || sig === '' || !isCanonicalBase64(sig)) {
        throw malformed('DSSE signature is missing or not canonical base64');
    }
    if (typeof keyid !== 'string')
        throw malformed('DSSE signature keyid is not a string');
    return {
        bundle: {
            mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
            verificationMaterial: (0,legacy/* legacyVerificationMaterial */.a2)(layer.annotations, ATT_LAYER),
            dsseEnvelope: { payload, payloadType, signatures: [{ sig, keyid }] },
        },
        payloadType,
        payload: Buffer.from(payload, 'base64'),
        signature: Buffer.from(sig, 'base64'),
    };
}
/** Standard alphabet, padded, and re-encoding gives the same text (one reading only). */
function isCanonicalBase64(s) {
    return (/^[A-Za-z0-9+/]*={0,2}$/.test(s) &&
        s.length % 4 === 0 &&
        Buffer.from(s, 'base64').toString('base64') === s);
}
function malformed(why, cause) {
    return new errors/* GateError */.ue('MALFORMED', `${ATT_LAYER} ${why}`, cause === undefined ? undefined : { cause });
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
//# sourceMappingURL=legacy-att.js.map
// EXTERNAL MODULE: ./build/core/signatures/statement.js
var signatures_statement = __webpack_require__(31893);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var dist = __webpack_require__(19654);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(54187);
// EXTERNAL MODULE: ./build/core/trust/key-types.js
var key_types = __webpack_require__(62236);
// EXTERNAL MODULE: ./build/core/signatures/cert-cache.js + 2 modules
var cert_cache = __webpack_require__(91933);
;// CONCATENATED MODULE: ./build/core/signatures/verifier-set.js
// The sigstore-js Verifiers one run uses, built once from the trusted root and the policy: the
// trust material (entries without a start of validity dropped), a verifier per key, one keyless.





const EMPTY_TRUST = {
    certificateAuthorities: [],
    timestampAuthorities: [],
    tlogs: [],
    ctlogs: [],
};
// tlogThreshold: every entry handed to sigstore-js is verified or throws; the threshold only
// matters when an entry was taken out of its hands (intoto 0.0.1, checked here instead), and
// the presence of an entry is required up front either way.
function makeVerifiers(base, policy, tlogThreshold) {
    // A key without a validity window needs no signing time: a required log entry is proved by
    // its inclusion proof or its SET (tlogThreshold), not by the time it vouches for.
    const keyOpts = { tlogThreshold, ctlogThreshold: 0, timestampThreshold: 0 };
    const keylessOpts = {
        tlogThreshold,
        ctlogThreshold: policy.requireSct ? 1 : 0,
        // A certificate is only meaningful at a vouched-for time (SET or TSA), never "now".
        timestampThreshold: 1,
    };
    return {
        keys: policy.keys.map((key) => ({
            key,
            // The user's key is the only candidate whatever the bundle's hint says. sigstore-js checks
            // its window against every verified time, and passes when there is none, so a key with a
            // window needs one (verifyWithKeys says so before sigstore-js is asked).
            verifier: new verify_dist/* Verifier */.BL({
                ...base,
                publicKey: () => ({
                    publicKey: key.publicKey,
                    validFor: (t) => (0,key_types/* withinValidity */.W)(key.validFor, t),
                }),
            }, key.validFor ? { ...keyOpts, timestampThreshold: 1 } : keyOpts),
        })),
        keyless: new verify_dist/* Verifier */.BL({
            ...base,
            publicKey: () => {
                throw new errors/* GateError */.ue('UNTRUSTED_SIGNER', 'bundle names a public key but the policy trusts only keyless identities');
            },
        }, keylessOpts),
    };
}
function baseTrust(root) {
    try {
        const tr = dist.TrustedRoot.fromJSON(root);
        // A key or CA without a start of validity is malformed; sigstore-js would read it as
        // "valid since the beginning of time". Drop it so nothing can verify against it.
        tr.tlogs = tr.tlogs.filter((t) => t.publicKey?.validFor?.start !== undefined);
        tr.ctlogs = tr.ctlogs.filter((t) => t.publicKey?.validFor?.start !== undefined);
        tr.certificateAuthorities = tr.certificateAuthorities.filter((c) => c.validFor?.start !== undefined);
        tr.timestampAuthorities = tr.timestampAuthorities.filter((c) => c.validFor?.start !== undefined);
        const m = (0,cert_cache/* withTrustedCertificates */.q2)((0,verify_dist/* toTrustMaterial */.jO)(tr));
        return {
            certificateAuthorities: m.certificateAuthorities,
            timestampAuthorities: m.timestampAuthorities,
            tlogs: m.tlogs,
            ctlogs: m.ctlogs,
        };
    }
    catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: cannot build trust material: ${why}`, {
            cause: e,
        });
    }
}
//# sourceMappingURL=verifier-set.js.map
// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(83917);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./build/core/signatures/att-tlog-body.js
// Binds a Rekor entry to the exact `.att` envelope it is attached to. sigstore-js compares only
// signature and payload hash (intoto 0.0.2, dsse 0.0.1) and cannot read intoto 0.0.1 at all.



/** The log entry kinds cosign (v1, v2) logs attestations as. */
const ATTESTATION_ENTRY_KINDS = [
    'intoto/0.0.1',
    'intoto/0.0.2',
    'dsse/0.0.1',
];
/**
 * TLOG_INVALID unless the entry's body records this envelope: its sha256 (cosign compares the
 * same), its payload's sha256, and, where the kind keeps them, its payloadType and its only
 * signature. The signer's key or certificate is bound separately (checkTlogSigner).
 */
function checkAttestationBody(entry, env, what) {
    const fail = (why) => new errors/* GateError */.ue('TLOG_INVALID', `${what}: tlog entry (logIndex ${entry.logIndex}) ${why}`);
    const kv = `${entry.kindVersion?.kind ?? '?'}/${entry.kindVersion?.version ?? '?'}`;
    if (!ATTESTATION_ENTRY_KINDS.includes(kv)) {
        throw fail(`is a ${kv} entry; attestations are logged as ${ATTESTATION_ENTRY_KINDS.join(', ')}`);
    }
    let body;
    try {
        body = (0,strict_json/* parseStrictJsonBytes */.ml)(entry.canonicalizedBody);
    }
    catch (e) {
        throw new errors/* GateError */.ue('TLOG_INVALID', `${what}: tlog entry body is not strict JSON`, {
            cause: e,
        });
    }
    if (get(body, 'kind') !== entry.kindVersion?.kind ||
        get(body, 'apiVersion') !== entry.kindVersion?.version) {
        throw fail(`body is not the ${kv} entry it claims to be`);
    }
    const spec = get(body, 'spec');
    const envelopeHash = sha256(env.bytes);
    const payloadHash = sha256(env.payload);
    const sigB64 = env.signature.toString('base64');
    const wantHash = (h, name, want, of) => {
        if (get(h, 'algorithm') !== 'sha256' || typeof get(h, 'value') !== 'string') {
            throw fail(`has no sha256 ${name}`);
        }
        if (get(h, 'value').toLowerCase() !== want) {
            throw fail(`records ${name} ${String(get(h, 'value'))}, not the sha256 of ${of} (${want})`);
        }
    };
    const oneSignature = (sigs) => {
        if (!Array.isArray(sigs) || sigs.length !== 1) {
            throw fail(`records ${Array.isArray(sigs) ? sigs.length : 'no'} signatures (exactly 1 expected)`);
        }
        return sigs[0];
    };
    switch (kv) {
        case 'intoto/0.0.1':
            wantHash(get(spec, 'content', 'hash'), 'envelope hash', envelopeHash, 'this envelope');
            wantHash(get(spec, 'content', 'payloadHash'), 'payload hash', payloadHash, 'this payload');
            if (typeof get(spec, 'publicKey') !== 'string')
                throw fail('records no public key');
            return;
        case 'intoto/0.0.2': {
            wantHash(get(spec, 'content', 'hash'), 'envelope hash', envelopeHash, 'this envelope');
            wantHash(get(spec, 'content', 'payloadHash'), 'payload hash', payloadHash, 'this payload');
            const recorded = get(spec, 'content', 'envelope', 'payloadType');
            if (recorded !== env.payloadType) {
                throw fail(`records payloadType ${JSON.stringify(recorded ?? null)}, not ${JSON.stringify(env.payloadType)}`);
            }
            const s = oneSignature(get(spec, 'content', 'envelope', 'signatures'));
            // Rekor keeps the envelope's base64 signature string, base64-encoded once more.
            const sig = get(s, 'sig');
            if (typeof sig !== 'string' || Buffer.from(sig, 'base64').toString('utf8') !== sigB64) {
                throw fail('records a different signature');
            }
            if (typeof get(s, 'publicKey') !== 'string')
                throw fail('records no public key');
            return;
        }
        default: {
            // dsse/0.0.1
            wantHash(get(spec, 'envelopeHash'), 'envelope hash', envelopeHash, 'this envelope');
            wantHash(get(spec, 'payloadHash'), 'payload hash', payloadHash, 'this payload');
            const s = oneSignature(get(spec, 'signatures'));
            if (get(s, 'signature') !== sigB64)
                throw fail('records a different signature');
            if (typeof get(s, 'verifier') !== 'string')
                throw fail('records no verifier');
        }
    }
}
function sha256(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
function get(o, ...path) {
    let cur = o;
    for (const k of path) {
        if (typeof cur !== 'object' || cur === null || Array.isArray(cur))
            return undefined;
        cur = cur[k];
    }
    return cur;
}
//# sourceMappingURL=att-tlog-body.js.map
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var bundle_dist = __webpack_require__(61040);
;// CONCATENATED MODULE: ./build/core/signatures/verify-errors.js
// Translates @sigstore/verify and @sigstore/bundle exceptions into our codes, so the report's
// outcome comes from a code and every rejection of attacker-made evidence is a failure (exit 1).



// Why each sigstore code lands where it does:
// - CERTIFICATE_ERROR (no path to a trusted Fulcio CA, expired at the vouched time, missing or
//   untrusted SCT) and PUBLIC_KEY_ERROR mean the signer is not vouched for: UNTRUSTED_SIGNER.
// - TIMESTAMP_ERROR (an RFC 3161 timestamp that does not verify, duplicate timestamps) means the
//   evidence around the signature is forged or broken: SIGNATURE_INVALID. "Too few timestamps"
//   is caught earlier by the caller and reported as TLOG_MISSING.
// - Every TLOG_* code means log evidence is present but does not verify or bind: TLOG_INVALID.
const CODE_MAP = {
    SIGNATURE_ERROR: 'SIGNATURE_INVALID',
    TIMESTAMP_ERROR: 'SIGNATURE_INVALID',
    CERTIFICATE_ERROR: 'UNTRUSTED_SIGNER',
    PUBLIC_KEY_ERROR: 'UNTRUSTED_SIGNER',
    UNTRUSTED_SIGNER_ERROR: 'UNTRUSTED_SIGNER',
    TLOG_ERROR: 'TLOG_INVALID',
    TLOG_BODY_ERROR: 'TLOG_INVALID',
    TLOG_MISSING_INCLUSION_ERROR: 'TLOG_INVALID',
    TLOG_INCLUSION_PROOF_ERROR: 'TLOG_INVALID',
    TLOG_INCLUSION_PROMISE_ERROR: 'TLOG_INVALID',
};
/** `what` names the evidence, e.g. `bundle (bundle-referrer)` or `.sig layer 1`. */
function toVerifyGateError(e, what) {
    if (e instanceof errors/* GateError */.ue)
        return e;
    if (e instanceof verify_dist/* VerificationError */.mk || e instanceof verify_dist/* PolicyError */.pn) {
        const code = CODE_MAP[e.code] ?? 'SIGNATURE_INVALID';
        return new errors/* GateError */.ue(code, `${what}: ${e.message} (${e.code})`, { cause: e });
    }
    if (e instanceof bundle_dist.ValidationError) {
        const fields = e.fields.length ? ` (${e.fields.join(', ')})` : '';
        return new errors/* GateError */.ue('MALFORMED', `${what}: ${e.message}${fields}`, { cause: e });
    }
    // @sigstore/core does not export its error classes; their names are stable API in practice.
    const name = e instanceof Error ? e.constructor.name : '';
    if (/^ASN1/.test(name) || e instanceof SyntaxError) {
        return new errors/* GateError */.ue('MALFORMED', `${what}: does not parse: ${e.message}`, {
            cause: e,
        });
    }
    if (/^RFC3161/.test(name)) {
        return new errors/* GateError */.ue('SIGNATURE_INVALID', `${what}: RFC 3161 timestamp: ${e.message}`, { cause: e });
    }
    // Verification is pure computation over the candidate: whatever else sigstore-js throws on it
    // (e.g. a TypeError on a shape it did not expect) is that candidate failing, never an outage.
    const message = e instanceof Error ? e.message : String(e);
    return new errors/* GateError */.ue('MALFORMED', `${what}: cannot be verified: ${message}`, { cause: e });
}
//# sourceMappingURL=verify-errors.js.map
;// CONCATENATED MODULE: ./build/core/signatures/bundle-shape.js
// Structural checks on an untrusted Sigstore bundle before any cryptography: known media type,
// known fields only, each protobuf oneof set exactly once, bounded lists (sigstore-go's limits),
// exactly one DSSE signature, no root CA in the chain. The signer kind is read from the parsed
// form the verifier goes on to use (@sigstore/bundle), never from our own reading of the JSON.





const MAX_TLOG_ENTRIES = limits/* LIMITS */.b1.tlogEntriesPerBundle;
const MAX_TIMESTAMPS = limits/* LIMITS */.b1.timestampsPerBundle;
const MEDIA_TYPES = new Map([
    ['application/vnd.dev.sigstore.bundle+json;version=0.1', '0.1'],
    ['application/vnd.dev.sigstore.bundle+json;version=0.2', '0.2'],
    ['application/vnd.dev.sigstore.bundle+json;version=0.3', '0.3'],
    ['application/vnd.dev.sigstore.bundle.v0.3+json', '0.3'],
]);
// The protobuf-specs JSON names of each message that holds a oneof, and of the oneof members.
// Any other key (a typo, the proto snake_case spelling sigstore-go would also accept, a field of
// a later schema) is refused: sigstore-js would ignore it and another verifier might not.
const BUNDLE_FIELDS = ['mediaType', 'verificationMaterial', 'messageSignature', 'dsseEnvelope'];
const BUNDLE_CONTENT = ['messageSignature', 'dsseEnvelope'];
const MATERIAL_FIELDS = [
    'publicKey',
    'x509CertificateChain',
    'certificate',
    'tlogEntries',
    'timestampVerificationData',
];
const MATERIAL_CONTENT = ['publicKey', 'x509CertificateChain', 'certificate'];
const MEMBER_FIELDS = {
    publicKey: ['hint'],
    x509CertificateChain: ['certificates'],
    certificate: ['rawBytes'],
    messageSignature: ['messageDigest', 'signature'],
    dsseEnvelope: ['payload', 'payloadType', 'signatures'],
};
function checkBundleShape(json) {
    if (!bundle_shape_isObject(json))
        throw bundle_shape_malformed('is not a JSON object');
    const mediaType = json['mediaType'];
    const version = typeof mediaType === 'string' ? MEDIA_TYPES.get(mediaType) : undefined;
    if (version === undefined)
        throw bundle_shape_malformed(`has unsupported mediaType ${typeof mediaType === 'string' ? JSON.stringify(mediaType.slice(0, 200)) : Array.isArray(mediaType) ? 'list' : typeof mediaType}`);
    const vm = json['verificationMaterial'];
    if (!bundle_shape_isObject(vm))
        throw bundle_shape_malformed('has no verificationMaterial');
    const tlogs = vm['tlogEntries'] ?? [];
    if (!Array.isArray(tlogs))
        throw bundle_shape_malformed('verificationMaterial.tlogEntries is not a list');
    if (tlogs.length > MAX_TLOG_ENTRIES) {
        throw bundle_shape_malformed(`has ${tlogs.length} tlog entries (limit ${MAX_TLOG_ENTRIES})`);
    }
    const tsv = vm['timestampVerificationData'];
    // null is allowed here (sigstore-js 2.x wrote it): not a oneof, so it reads one way only.
    if (tsv !== undefined && tsv !== null && !bundle_shape_isObject(tsv))
        throw bundle_shape_malformed('verificationMaterial.timestampVerificationData is not an object');
    const stamps = bundle_shape_isObject(tsv) ? (tsv['rfc3161Timestamps'] ?? []) : [];
    if (!Array.isArray(stamps))
        throw bundle_shape_malformed('rfc3161Timestamps is not a list');
    if (stamps.length > MAX_TIMESTAMPS)
        throw bundle_shape_malformed(`has ${stamps.length} RFC 3161 timestamps (limit ${MAX_TIMESTAMPS})`);
    if (!tlogs.every(bundle_shape_isObject) || !stamps.every(bundle_shape_isObject))
        throw bundle_shape_malformed('has a tlog entry or RFC 3161 timestamp that is not an object');
    checkFields(json, BUNDLE_FIELDS, 'bundle');
    checkFields(vm, MATERIAL_FIELDS, 'verificationMaterial');
    const material = oneof(vm, MATERIAL_CONTENT, 'verificationMaterial');
    if (material === 'x509CertificateChain')
        checkChain(vm['x509CertificateChain']);
    const content = oneof(json, BUNDLE_CONTENT, 'bundle');
    let dsse;
    if (content === 'dsseEnvelope') {
        const env = json['dsseEnvelope'];
        const sigs = env['signatures'];
        // sigstore-js verifies signatures[0] only; anything but exactly one would leave the rest unchecked.
        if (!Array.isArray(sigs) || sigs.length !== 1) {
            throw bundle_shape_malformed(`DSSE envelope carries ${Array.isArray(sigs) ? sigs.length : 'no list of'} signatures (exactly 1 required)`);
        }
        const payloadType = env['payloadType'];
        const payload = env['payload'];
        if (typeof payloadType !== 'string' || typeof payload !== 'string' || !isBase64(payload)) {
            throw bundle_shape_malformed('DSSE envelope lacks a payloadType or a base64 payload');
        }
        dsse = { payloadType, payload: Buffer.from(payload, 'base64') };
    }
    // The kind comes from the parsed form sigstore-js verifies; the checks above make it the
    // only reading there is, and this one makes sure the two never part.
    let bundle;
    try {
        bundle = (0,bundle_dist.bundleFromJSON)(json);
    }
    catch (e) {
        const g = toVerifyGateError(e, 'bundle');
        throw g.code === 'MALFORMED' ? g : bundle_shape_malformed(`does not parse: ${g.message}`);
    }
    const parsed = bundle.verificationMaterial.content;
    const signer = parsed?.$case === 'publicKey'
        ? 'key'
        : parsed?.$case === 'certificate' || parsed?.$case === 'x509CertificateChain'
            ? 'certificate'
            : undefined;
    if (signer === undefined || parsed?.$case !== material || bundle.content.$case !== content) {
        throw bundle_shape_malformed(`verification material reads as ${parsed?.$case ?? 'nothing'}, not ${material}: refusing an ambiguous bundle`);
    }
    return {
        version,
        content,
        signer,
        tlogCount: tlogs.length,
        ...(dsse ? { dsse } : {}),
        bundle,
    };
}
/** Only `known` keys; a oneof member's own object is held to its fields too. */
function checkFields(o, known, where) {
    for (const k of Object.keys(o)) {
        if (!known.includes(k))
            throw bundle_shape_malformed(`${where} has unknown field ${JSON.stringify(k)} (known: ${known.join(', ')})`);
    }
}
/**
 * The one member of a protobuf oneof that is set. Present with any value counts as set, so
 * `null` next to another member, two members, or none are each refused: protobuf-specs skips
 * `null` and takes the first member it knows, sigstore-go refuses two, and we read neither way.
 */
function oneof(o, members, where) {
    const present = members.filter((m) => Object.prototype.hasOwnProperty.call(o, m));
    if (present.length !== 1) {
        throw bundle_shape_malformed(`${where} must set exactly one of ${members.join(', ')} (found ${present.length ? present.join(', ') : 'none'})`);
    }
    const m = present[0];
    const v = o[m];
    if (!bundle_shape_isObject(v)) {
        throw bundle_shape_malformed(`${where}.${m} is ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v}, not an object`);
    }
    checkFields(v, MEMBER_FIELDS[m] ?? [], `${where}.${m}`);
    return m;
}
/** A chain that ships its own self-signed root would let the bundle bring its own trust. */
function checkChain(chain) {
    const certs = bundle_shape_isObject(chain) ? chain['certificates'] : undefined;
    if (!Array.isArray(certs) || certs.length === 0)
        throw bundle_shape_malformed('has an empty certificate chain');
    for (const [i, c] of certs.entries()) {
        const raw = bundle_shape_isObject(c) ? c['rawBytes'] : undefined;
        if (typeof raw !== 'string' || !isBase64(raw))
            throw bundle_shape_malformed(`certificate ${i} is not base64 DER`);
        if (i > 0 && isSelfSigned(Buffer.from(raw, 'base64'))) {
            throw new errors/* GateError */.ue('UNTRUSTED_SIGNER', `bundle certificate chain includes a root certificate (entry ${i}); trust comes only from the trusted root`);
        }
    }
}
function isSelfSigned(der) {
    try {
        const cert = new external_node_crypto_.X509Certificate(der);
        return cert.issuer === cert.subject && cert.verify(cert.publicKey);
    }
    catch {
        return false;
    }
}
function isBase64(s) {
    // Padding is optional in the protobuf JSON mapping; stray characters are not.
    return /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 !== 1;
}
function bundle_shape_malformed(why) {
    return new errors/* GateError */.ue('MALFORMED', `bundle ${why}`);
}
function bundle_shape_isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
//# sourceMappingURL=bundle-shape.js.map
;// CONCATENATED MODULE: ./build/core/signatures/prehash.js
// Signature verification when only the artifact's digest is known (a bundle checked against
// `sha256:<hex>`): node:crypto can only hash-then-verify, so ECDSA is checked here from the curve.

const P256 = {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    g: {
        x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
        y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
    },
    bits: 256,
};
const P384 = {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffcn,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    g: {
        x: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
        y: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
    },
    bits: 384,
};
const P521 = {
    p: (1n << 521n) - 1n,
    n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
    a: (1n << 521n) - 4n,
    b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
    g: {
        x: 0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
        y: 0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
    },
    bits: 521,
};
const CURVES = { prime256v1: P256, secp384r1: P384, secp521r1: P521 };
/**
 * The hashes a signature by `key` over whole data may have been made with, the key's own first.
 * sigstore-go, cosign and KMS (AWS `ECC_NIST_P384` signs `ECDSA_SHA_384`) hash by the curve:
 * SHA-384 for P-384, SHA-512 for P-521; sigstore-js signs and verifies SHA-256 whatever the
 * curve, so both are signatures over the same bytes by the same key. `null`: the key type fixes
 * its own hash (Ed25519).
 */
function signatureHashes(key) {
    if (key.asymmetricKeyType === 'ec') {
        const curve = key.asymmetricKeyDetails?.namedCurve;
        if (curve === 'secp384r1')
            return ['sha384', 'sha256'];
        if (curve === 'secp521r1')
            return ['sha512', 'sha256'];
        return ['sha256'];
    }
    if (key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448')
        return [null];
    // PKCS#1 v1.5 names its hash inside the signature, so trying each SHA-2 is unambiguous (KMS
    // RSA keys sign RSASSA_PKCS1_V1_5_SHA_256/384/512).
    if (key.asymmetricKeyType === 'rsa')
        return ['sha256', 'sha384', 'sha512'];
    return ['sha256'];
}
/** The SHA-2 hash whose output has `length` bytes (a Rekor digest carries no algorithm of its own). */
function hashForDigestLength(length) {
    return length === 32 ? 'sha256' : length === 48 ? 'sha384' : length === 64 ? 'sha512' : undefined;
}
const DIGEST_INFO_PREFIX = {
    32: '3031300d060960864801650304020105000420',
    48: '3041300d060960864801650304020205000430',
    64: '3051300d060960864801650304020305000440',
};
/**
 * Verify `signature` over a message whose hash is `digest` (sha256/384/512 bytes).
 * Supports ECDSA P-256/P-384/P-521 (DER signatures) and RSA PKCS#1 v1.5; anything else is `false`
 * together with a reason, so the caller can say why rather than report a bad signature.
 */
function verifyPrehashed(key, digest, signature) {
    if (key.asymmetricKeyType === 'ec') {
        const curveName = key.asymmetricKeyDetails?.namedCurve;
        const curve = curveName === undefined ? undefined : CURVES[curveName];
        if (!curve)
            return { ok: false, unsupported: `ECDSA curve ${curveName ?? '?'}` };
        const jwk = key.export({ format: 'jwk' });
        if (!jwk.x || !jwk.y)
            return { ok: false, unsupported: 'EC key without coordinates' };
        const q = { x: b64uToBig(jwk.x), y: b64uToBig(jwk.y) };
        const rs = parseDerSignature(signature);
        if (!rs)
            return { ok: false };
        return { ok: ecdsaVerify(curve, q, digest, rs.r, rs.s) };
    }
    if (key.asymmetricKeyType === 'rsa') {
        const prefix = DIGEST_INFO_PREFIX[digest.length];
        if (!prefix)
            return { ok: false, unsupported: `digest of ${digest.length} bytes` };
        let decoded;
        try {
            decoded = (0,external_node_crypto_.publicDecrypt)({ key, padding: external_node_crypto_.constants.RSA_PKCS1_PADDING }, signature);
        }
        catch {
            return { ok: false };
        }
        const expected = Buffer.concat([Buffer.from(prefix, 'hex'), digest]);
        return { ok: decoded.equals(expected) };
    }
    return {
        ok: false,
        unsupported: `${key.asymmetricKeyType ?? 'unknown'} keys cannot verify a bare digest`,
    };
}
function b64uToBig(s) {
    return BigInt('0x' + (Buffer.from(s, 'base64url').toString('hex') || '0'));
}
/** DER `SEQUENCE { INTEGER r, INTEGER s }`, canonical lengths only. */
function parseDerSignature(sig) {
    const b = Buffer.from(sig);
    if (b.length < 8 || b[0] !== 0x30)
        return undefined;
    let pos = 1;
    const seqLen = readLen();
    if (seqLen === undefined || pos + seqLen !== b.length)
        return undefined;
    const r = readInt();
    const s = readInt();
    if (r === undefined || s === undefined || pos !== b.length)
        return undefined;
    return { r, s };
    function readLen() {
        const first = b[pos++];
        if (first === undefined)
            return undefined;
        if (first < 0x80)
            return first;
        if (first === 0x81) {
            const l = b[pos++];
            return l !== undefined && l >= 0x80 ? l : undefined;
        }
        return undefined;
    }
    function readInt() {
        if (b[pos++] !== 0x02)
            return undefined;
        const len = readLen();
        if (len === undefined || len === 0 || pos + len > b.length)
            return undefined;
        const bytes = b.subarray(pos, pos + len);
        pos += len;
        if ((bytes[0] & 0x80) !== 0)
            return undefined; // negative
        if (len > 1 && bytes[0] === 0 && (bytes[1] & 0x80) === 0)
            return undefined; // non-minimal
        return BigInt('0x' + bytes.toString('hex'));
    }
}
function mod(a, m) {
    const r = a % m;
    return r < 0n ? r + m : r;
}
function inv(a, m) {
    let [oldR, r] = [mod(a, m), m];
    let [oldS, s] = [1n, 0n];
    while (r !== 0n) {
        const q = oldR / r;
        [oldR, r] = [r, oldR - q * r];
        [oldS, s] = [s, oldS - q * s];
    }
    return mod(oldS, m);
}
function onCurve(c, pt) {
    if (pt.x < 0n || pt.x >= c.p || pt.y < 0n || pt.y >= c.p)
        return false;
    return mod(pt.y * pt.y - (pt.x * pt.x * pt.x + c.a * pt.x + c.b), c.p) === 0n;
}
function add(c, p1, p2) {
    if (p1 === null)
        return p2;
    if (p2 === null)
        return p1;
    let lambda;
    if (p1.x === p2.x) {
        if (mod(p1.y + p2.y, c.p) === 0n)
            return null;
        lambda = mod((3n * p1.x * p1.x + c.a) * inv(2n * p1.y, c.p), c.p);
    }
    else {
        lambda = mod((p2.y - p1.y) * inv(p2.x - p1.x, c.p), c.p);
    }
    const x = mod(lambda * lambda - p1.x - p2.x, c.p);
    const y = mod(lambda * (p1.x - x) - p1.y, c.p);
    return { x, y };
}
function mul(c, k, pt) {
    let result = null;
    let addend = pt;
    while (k > 0n) {
        if (k & 1n)
            result = add(c, result, addend);
        addend = add(c, addend, addend);
        k >>= 1n;
    }
    return result;
}
function ecdsaVerify(c, q, digest, r, s) {
    if (!onCurve(c, q))
        return false;
    if (r < 1n || r >= c.n || s < 1n || s >= c.n)
        return false;
    // FIPS 186-4: use the leftmost bits(n) bits of the hash.
    let e = BigInt('0x' + (Buffer.from(digest).toString('hex') || '0'));
    const excess = digest.length * 8 - c.bits;
    if (excess > 0)
        e >>= BigInt(excess);
    const w = inv(s, c.n);
    const u1 = mod(e * w, c.n);
    const u2 = mod(r * w, c.n);
    const x = add(c, mul(c, u1, c.g), mul(c, u2, q));
    if (x === null)
        return false;
    return mod(x.x, c.n) === r;
}
//# sourceMappingURL=prehash.js.map
;// CONCATENATED MODULE: ./build/core/signatures/signature-content.js
// The signature sigstore-js checks, re-pointed where cosign differs from its defaults: the hash
// the key signs with, a signature over a bare digest, RFC 3161 timestamps over other bytes.



/** The same signature, but RFC 3161 timestamps are checked over `signed` instead. */
function timestampedOver(content, signed) {
    return {
        signature: signed,
        compareSignature: (s) => content.compareSignature(s),
        compareDigest: (d) => content.compareDigest(d),
        compareSignedDigest: (d) => content.compareSignedDigest(d),
        verifySignature: (key) => content.verifySignature(key),
    };
}
/**
 * `content` with the signature checked over `signed` under the hash the key signs with (SHA-384
 * for P-384, SHA-512 for P-521; SHA-256 too, which sigstore-js signs with), and a logged digest
 * of the signed bytes (Rekor v2 hashedrekord over the DSSE PAE) compared under the hash its
 * length names: Rekor records the digest the key signed, not a SHA-256.
 */
function keyHashedContent(content, signed, signature, 
/** A DSSE payload, whose logged hash (dsse entries) also follows the digest's length. */
payload) {
    const byLength = (data, d) => {
        const alg = hashForDigestLength(d.length);
        return alg !== undefined && sha(alg, data).equals(d);
    };
    return {
        signature: content.signature,
        compareSignature: (s) => content.compareSignature(s),
        compareDigest: (d) => (payload ? byLength(payload, d) : content.compareDigest(d)),
        compareSignedDigest: (d) => byLength(signed, d),
        verifySignature: (key) => signatureHashes(key).some((alg) => {
            try {
                return (0,external_node_crypto_.verify)(alg, signed, key, signature);
            }
            catch {
                return false;
            }
        }),
    };
}
function digestOnlyContent(signature, digest, what) {
    return {
        signature,
        compareSignature: (s) => s.equals(signature),
        compareDigest: (d) => d.equals(digest),
        compareSignedDigest: (d) => d.equals(digest),
        verifySignature: (key) => {
            const r = verifyPrehashed(key, digest, signature);
            if (r.unsupported) {
                throw new errors/* GateError */.ue('SIGNATURE_INVALID', `${what}: cannot verify from a digest alone: ${r.unsupported}`);
            }
            return r.ok;
        },
    };
}
function sha(alg, data) {
    return (0,external_node_crypto_.createHash)(alg).update(data).digest();
}
//# sourceMappingURL=signature-content.js.map
;// CONCATENATED MODULE: ./build/core/signatures/stale-hints.js

const STALE_HINT = 'the trusted root may be stale (refresh it via TUF, or pass a current --trusted-root)';
/**
 * A timestamp that fails and names a signer (serial and issuer) that no TSA in the root has as
 * its leaf: the root may lack a new TSA, so say so next to the failure.
 */
function tsaStaleHint(g, entity, tsas) {
    if (!/timestamp could not be verified/.test(g.message))
        return g;
    const unknown = entity.timestamps.some((t) => {
        if (t.$case !== 'timestamp-authority')
            return false;
        try {
            const serial = t.timestamp.signerSerialNumber;
            const issuer = t.timestamp.signerIssuer;
            return !tsas.some((ca) => {
                const leaf = ca.certChain[0];
                return leaf !== undefined && leaf.serialNumber.equals(serial) && leaf.issuer.equals(issuer);
            });
        }
        catch {
            return false;
        }
    });
    if (!unknown)
        return g;
    return new errors/* GateError */.ue(g.code, `${g.message}: its signer is not a timestamp authority the trusted root knows: ${STALE_HINT}`, { cause: g });
}
/** The CT log IDs of a certificate's SCTs; none when the extension does not parse. */
function sctLogIds(cert) {
    try {
        return (cert.extSCT?.signedCertificateTimestamps ?? []).map((t) => t.logID);
    }
    catch {
        return [];
    }
}
//# sourceMappingURL=stale-hints.js.map
;// CONCATENATED MODULE: ./build/core/signatures/tlog-checks.js


/**
 * Entries from a log the trusted root does not list cannot be checked at all. Required: a
 * failure saying the root may be stale (a new log shard, a rotated key). Not required: they are
 * left out with the time they claim, and the returned text says so for a later failure.
 */
function dropUnknownLogs(entity, tlogs, required, what) {
    const unknown = entity.tlogEntries.filter((e) => !tlogs.some((t) => t.logID.equals(e.logId.keyId)));
    if (unknown.length === 0)
        return '';
    const ids = [...new Set(unknown.map((e) => e.logId.keyId.toString('hex')))].join(', ');
    const text = `tlog entry (logIndex ${unknown[0].logIndex}) is from log ${ids}, which the trusted root does not know: ${STALE_HINT}`;
    if (required)
        throw new errors/* GateError */.ue('TLOG_INVALID', `${what}: ${text}`);
    entity.tlogEntries = entity.tlogEntries.filter((e) => !unknown.includes(e));
    entity.timestamps = entity.timestamps.filter((t) => t.$case !== 'transparency-log' || !unknown.includes(t.tlogEntry));
    return ` (left out: ${text})`;
}
/**
 * sigstore-js proves inclusion against the checkpoint's size and root and never reads the
 * proof's own `treeSize` and `rootHash`: evidence that contradicts itself is refused here.
 */
function checkProofAgainstCheckpoint(entry, what) {
    const proof = entry.inclusionProof;
    if (!proof?.checkpoint)
        return;
    const note = proof.checkpoint.envelope.split('\n\n')[0] ?? '';
    const [, size, root] = note.split('\n');
    const fail = (field) => new errors/* GateError */.ue('TLOG_INVALID', `${what}: tlog entry (logIndex ${entry.logIndex}) inclusion proof ${field} differs from its checkpoint's`);
    if (size !== undefined && size !== proof.treeSize)
        throw fail(`tree size ${proof.treeSize}`);
    if (root !== undefined && !Buffer.from(root, 'base64').equals(proof.rootHash))
        throw fail('root hash');
}
/**
 * sigstore-js checks a log key's `validFor` only for a SET (at its integrated time), never for
 * the checkpoint that proves an entry without one. That checkpoint was signed once the entry was
 * in the log, so not before the signature was timestamped: a log key whose validity ended before
 * the earliest RFC 3161 time cannot have signed it while trusted. With no such time there is
 * nothing to hold the window to (as in sigstore-go), and no time is reported either.
 */
function checkProofLogsValid(entity, tlogs, what) {
    const times = entity.timestamps.flatMap((t) => t.$case === 'timestamp-authority' ? [t.timestamp.signingTime.getTime()] : []);
    if (times.length === 0)
        return;
    const earliest = Math.min(...times);
    for (const e of entity.tlogEntries) {
        if (e.inclusionPromise !== undefined || e.inclusionProof === undefined)
            continue;
        const logs = tlogs.filter((t) => t.logID.equals(e.logId.keyId));
        // An end that does not parse (NaN) vouches for nothing.
        if (logs.length === 0 || logs.some((t) => t.validFor.end.getTime() >= earliest))
            continue;
        const end = new Date(Math.max(...logs.map((t) => t.validFor.end.getTime())));
        throw new errors/* GateError */.ue('TLOG_INVALID', `${what}: tlog entry (logIndex ${e.logIndex}) is proved by a checkpoint of log ${e.logId.keyId.toString('hex')}, whose key the trusted root trusts only until ${end.toISOString()}, before the signature's timestamp ${new Date(earliest).toISOString()}`);
    }
}
function countTimestampCandidates(entity) {
    return entity.timestamps.filter((t) => t.$case === 'timestamp-authority' || t.tlogEntry.inclusionPromise !== undefined).length;
}
//# sourceMappingURL=tlog-checks.js.map
;// CONCATENATED MODULE: ./build/core/signatures/tlog-set.js
// Offline check of a Rekor v1 signed entry timestamp (SET) for entries sigstore-js cannot take
// (intoto 0.0.1): the trusted log key that was valid at the integrated time signed this entry.


/**
 * TLOG_INVALID unless a log in `tlogs` with this entry's log ID, valid at its integrated time,
 * signed Rekor's canonical `{body, integratedTime, logID, logIndex}` with the entry's SET.
 */
function verifyInclusionPromise(entry, tlogs, what) {
    const set = entry.inclusionPromise?.signedEntryTimestamp;
    if (set === undefined || set.length === 0) {
        throw new errors/* GateError */.ue('TLOG_INVALID', `${what}: tlog entry (logIndex ${entry.logIndex}) has no signed entry timestamp`);
    }
    const at = new Date(Number(entry.integratedTime) * 1000);
    const payload = {
        body: entry.canonicalizedBody.toString('base64'),
        integratedTime: Number(entry.integratedTime),
        logIndex: Number(entry.logIndex),
        logID: entry.logId.keyId.toString('hex'),
    };
    const data = Buffer.from(core_dist.json.canonicalize(payload), 'utf8');
    const ok = tlogs.some((t) => t.logID.equals(entry.logId.keyId) &&
        t.validFor.start <= at &&
        at <= t.validFor.end &&
        core_dist.crypto.verify(data, t.publicKey, set));
    if (!ok) {
        throw new errors/* GateError */.ue('TLOG_INVALID', `${what}: signed entry timestamp of tlog entry (logIndex ${entry.logIndex}, log ${payload.logID}) does not verify with any trusted log key valid at ${at.toISOString()}`);
    }
}
//# sourceMappingURL=tlog-set.js.map
// EXTERNAL MODULE: ./build/core/signatures/identity.js
var signatures_identity = __webpack_require__(59956);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/rekor/v2/index.js
var v2 = __webpack_require__(13835);
;// CONCATENATED MODULE: ./build/core/signatures/tlog-binding.js
// Binds each transparency-log entry to the signer we accepted: the key or certificate recorded
// in the Rekor body must be ours. sigstore-js compares signature and digest only, not the key
// (for Rekor v2 hashedrekord 0.0.2 and dsse 0.0.2 entries either).



/**
 * Throws TLOG_INVALID unless every entry's body names `signer` as its verifier. The verifier is
 * read from the place sigstore-js reads that kind and version from (the Rekor v2 protobuf form
 * through the same parser), and every verifier there must be the signer: a body naming none,
 * or another key in a field this kind does not have, binds nothing.
 */
function checkTlogSigner(entries, signer) {
    entries.forEach((entry, i) => {
        const { kind, verifiers } = bodyVerifiers(entry.canonicalizedBody, i);
        const ok = verifiers.length > 0 &&
            verifiers.every((v) => signer.kind === 'certificate'
                ? (v.cert !== undefined && v.cert.equals(signer.der)) ||
                    (v.cert === undefined && sameKey(v, signer.spki))
                : sameKey(v, signer.spki));
        if (!ok) {
            const what = signer.kind === 'key' ? 'public key' : 'certificate';
            throw new errors/* GateError */.ue('TLOG_INVALID', verifiers.length === 0
                ? `tlog entry ${i} (logIndex ${entry.logIndex ?? '?'}, ${kind}) records no verifier to compare with the ${what} that signed`
                : `tlog entry ${i} (logIndex ${entry.logIndex ?? '?'}, ${kind}) records a different ${what} than the one that signed`);
        }
    });
}
/** Byte-equal SPKI first; otherwise the key as node:crypto normalises it (other encodings). */
function sameKey(v, spki) {
    if (v.rawSpki?.equals(spki) === true)
        return true;
    return v.spki?.()?.equals(spki) === true;
}
function bodyVerifiers(body, i) {
    let json;
    try {
        json = JSON.parse(body.toString('utf8'));
    }
    catch (e) {
        throw new errors/* GateError */.ue('TLOG_INVALID', `tlog entry ${i}: canonicalized body is not JSON`, {
            cause: e,
        });
    }
    const kind = tlog_binding_get(json, 'kind');
    const version = tlog_binding_get(json, 'apiVersion');
    const kv = `${typeof kind === 'string' ? kind : '?'}/${typeof version === 'string' ? version : '?'}`;
    const spec = tlog_binding_get(json, 'spec');
    const pems = [];
    switch (kv) {
        // Rekor v1 kinds hold base64 PEM strings (sigstore-js: verifyTLogBody, version 0.0.1 checks).
        case 'hashedrekord/0.0.1':
            pems.push(tlog_binding_get(spec, 'signature', 'publicKey', 'content'));
            break;
        case 'dsse/0.0.1':
            for (const s of arr(tlog_binding_get(spec, 'signatures')))
                pems.push(tlog_binding_get(s, 'verifier'));
            break;
        case 'intoto/0.0.1':
            pems.push(tlog_binding_get(spec, 'publicKey'));
            break;
        case 'intoto/0.0.2':
            for (const s of arr(tlog_binding_get(spec, 'content', 'envelope', 'signatures')))
                pems.push(tlog_binding_get(s, 'publicKey'));
            break;
        default:
            // sigstore-js reads every other hashedrekord/dsse version as a Rekor v2 Entry.
            if (kind === 'hashedrekord' || kind === 'dsse')
                return { kind: kv, verifiers: v2Verifiers(json, kind, kv, i) };
            return { kind: kv, verifiers: [] };
    }
    return {
        kind: kv,
        verifiers: pems.map((v) => (typeof v === 'string' ? fromBase64Pem(v) : {})),
    };
}
/** Rekor v2 hashedRekordV002 / dsseV002: protobuf Verifier objects with raw DER. */
function v2Verifiers(json, kind, kv, i) {
    let entry;
    try {
        entry = v2.Entry.fromJSON(json);
    }
    catch (e) {
        throw new errors/* GateError */.ue('TLOG_INVALID', `tlog entry ${i}: ${kv} body does not parse`, {
            cause: e,
        });
    }
    const spec = entry.spec?.spec;
    const found = [];
    if (kind === 'hashedrekord' && spec?.$case === 'hashedRekordV002')
        found.push(spec.hashedRekordV002.signature?.verifier);
    if (kind === 'dsse' && spec?.$case === 'dsseV002')
        for (const s of spec.dsseV002.signatures)
            found.push(s.verifier);
    return found.map((v) => {
        const m = v?.verifier;
        if (m?.$case === 'x509Certificate')
            return fromCertDer(m.x509Certificate.rawBytes);
        if (m?.$case === 'publicKey') {
            const raw = m.publicKey.rawBytes;
            let spki = null;
            return { rawSpki: raw, spki: () => (spki === null ? (spki = normaliseSpki(raw)) : spki) };
        }
        return {};
    });
}
/**
 * A Rekor v1 verifier: base64 of PEM. Rekor keeps the first PEM block (Go's pem.Decode) and
 * ignores what follows, so only that block is read, and only when it is a well-formed
 * certificate or public key with canonical base64 right at the start: a certificate after
 * another key (logged under that key) or a block Go would skip never names the signer. A
 * certificate may be followed by its chain.
 */
function fromBase64Pem(b64) {
    const pem = Buffer.from(b64, 'base64').toString('utf8');
    const m = /^\s*-----BEGIN (CERTIFICATE|PUBLIC KEY)-----([A-Za-z0-9+/=\s]*)-----END \1-----/.exec(pem);
    if (!m)
        return {};
    const text = m[2].replace(/\s+/g, '');
    const der = Buffer.from(text, 'base64');
    if (der.length === 0 || der.toString('base64') !== text)
        return {};
    if (m[1] === 'CERTIFICATE')
        return fromCertDer(der);
    if (pem.slice(m[0].length).trim() !== '')
        return {};
    let spki = null;
    return {
        rawSpki: der,
        spki: () => (spki === null ? (spki = normaliseSpki(der)) : spki),
    };
}
/**
 * A keyless signer is matched on the certificate bytes alone, so the certificate is parsed only
 * when a key signer asks for its SPKI; a certificate that does not parse names no key.
 */
function fromCertDer(der) {
    let spki = null;
    return {
        cert: der,
        spki: () => {
            if (spki === null) {
                try {
                    spki = new external_node_crypto_.X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
                }
                catch {
                    spki = undefined;
                }
            }
            return spki;
        },
    };
}
function normaliseSpki(der) {
    try {
        return (0,external_node_crypto_.createPublicKey)({ key: der, format: 'der', type: 'spki' }).export({
            type: 'spki',
            format: 'der',
        });
    }
    catch {
        return undefined;
    }
}
function tlog_binding_get(o, ...path) {
    let cur = o;
    for (const k of path) {
        if (typeof cur !== 'object' || cur === null || Array.isArray(cur))
            return undefined;
        cur = cur[k];
    }
    return cur;
}
function arr(v) {
    return Array.isArray(v) ? v : [];
}
//# sourceMappingURL=tlog-binding.js.map
;// CONCATENATED MODULE: ./build/core/signatures/verify-signer.js
// The cryptography-and-policy step: sigstore-js verifies the entity with each trusted key, or
// keyless against the CAs, then the signer is matched to the policy and bound to its log entries.









function verifyWithKeys(ctx, entity, set, bound, format, what) {
    const { base } = ctx;
    // Never a certificate here: sigstore-js would check it against the CAs and call it our key.
    if (entity.key.$case !== 'public-key')
        throw new errors/* GateError */.ue('UNTRUSTED_SIGNER', `${what} is signed by a certificate, not a key`);
    let firstOther;
    const timed = countTimestampCandidates(entity) > 0;
    for (const { key, verifier } of set.keys) {
        // sigstore-js checks a key's window before its signature: a window is only worth reporting
        // for a key that made this signature, so a windowed key that did not is skipped first.
        if (key.validFor && !madeBy(entity, key))
            continue;
        if (key.validFor && !timed) {
            firstOther ??= new errors/* GateError */.ue('TLOG_MISSING', `${what}: key ${key.keyRef} is trusted only ${(0,key_types/* describeValidity */.A)(key.validFor)}, and the signature has no verified signing time (no Rekor SET, no RFC 3161 timestamp) to check that against`);
            continue;
        }
        try {
            (0,cert_cache/* withoutStacks */.G5)(() => verifier.verify(entity));
        }
        catch (e) {
            const g = tsaStaleHint(toVerifyGateError(e, what), entity, base.timestampAuthorities);
            // A bad timestamp maps to SIGNATURE_INVALID too: when this key did make the signature,
            // that error is the reason, not "no trusted key".
            if (g.code !== 'SIGNATURE_INVALID' || madeBy(entity, key))
                firstOther ??= windowError(g, key, what);
            continue;
        }
        checkTlogSigner(bound, { kind: 'key', spki: key.spki });
        return {
            kind: 'key',
            format,
            keyRef: key.keyRef,
            keyID: key.keyID,
            keySha256: sha256Hex(key.spki),
            ...timeEvidence(entity, bound),
        };
    }
    if (firstOther)
        throw firstOther;
    const ids = set.keys.map((k) => `${k.key.keyRef} (${k.key.keyID})`).join(', ');
    throw new errors/* GateError */.ue('SIGNATURE_INVALID', `${what}: signature does not verify with any trusted key: ${ids}`);
}
function verifyKeyless(ctx, entity, set, bound, format, what) {
    const { policy, base } = ctx;
    if (entity.key.$case !== 'certificate')
        throw new errors/* GateError */.ue('INTERNAL', `${what}: expected a certificate`);
    const cert = entity.key.certificate;
    try {
        (0,cert_cache/* withoutStacks */.G5)(() => set.keyless.verify(entity));
    }
    catch (e) {
        const g = tsaStaleHint(toVerifyGateError(e, what), entity, base.timestampAuthorities);
        const unknownCt = /SCT verification failed/.test(g.message)
            ? sctLogIds(cert).find((id) => !base.ctlogs.some((l) => l.logID.equals(id)))
            : undefined;
        if (unknownCt)
            throw new errors/* GateError */.ue(g.code, `${g.message}: the certificate's SCT is from CT log ${unknownCt.toString('hex')}, which the trusted root does not know: ${STALE_HINT}`, { cause: g });
        throw g;
    }
    const identity = (0,signatures_identity/* readCertIdentity */.lQ)(cert);
    try {
        (0,signatures_identity/* matchIdentity */.oD)(policy.identities, identity);
    }
    catch (e) {
        if (e instanceof errors/* GateError */.ue)
            throw new errors/* GateError */.ue(e.code, `${what}: ${e.message}`, { cause: e });
        throw e;
    }
    const der = cert instanceof cert_cache/* LeafCertificate */.q ? cert.der : cert.root.toDER();
    checkTlogSigner(bound, { kind: 'certificate', der, spki: cert.publicKey });
    return {
        kind: 'keyless',
        format,
        ...(identity.san !== undefined ? { identity: shared(identity.san) } : {}),
        ...(identity.issuer !== undefined ? { issuer: shared(identity.issuer) } : {}),
        keySha256: sha256Hex(cert.publicKey),
        certificate: certificateFacts(der),
        ...timeEvidence(entity, bound),
    };
}
/** Whether `key` made the signature; a check that throws is left to sigstore-js to report. */
function madeBy(entity, key) {
    try {
        return entity.signature.verifySignature(key.publicKey);
    }
    catch {
        return true;
    }
}
/** sigstore-js' "not valid for timestamp" names the time, not why: name the key's window too. */
function windowError(g, key, what) {
    const at = /not valid for timestamp: (\S+?)(?:\s|$)/i.exec(g.message)?.[1];
    if (!key.validFor || g.code !== 'UNTRUSTED_SIGNER' || at === undefined)
        return g;
    return new errors/* GateError */.ue('UNTRUSTED_SIGNER', `${what}: signed at ${at}, when key ${key.keyRef} is not trusted (the policy trusts it ${(0,key_types/* describeValidity */.A)(key.validFor)})`, { cause: g });
}
function sha256Hex(b) {
    return (0,external_node_crypto_.createHash)('sha256').update(b).digest('hex');
}
/** What a revocation list can name a leaf by: serial (hex), issuer DN as Node writes it, SHA-256. */
function certificateFacts(der) {
    const c = (0,cert_cache/* nodeX509 */.z7)(Buffer.from(der.buffer, der.byteOffset, der.byteLength));
    return {
        serial: c.serialNumber.toLowerCase().replace(/^0+(?=.)/, ''),
        issuer: shared(c.issuer.split('\n').join(', ')),
        sha256: sha256Hex(der),
    };
}
/** signedAt = the earliest verified time; tlog = the first entry (tlogEntries the others). */
function timeEvidence(entity, entries) {
    const times = [];
    for (const t of entity.timestamps) {
        if (t.$case === 'timestamp-authority')
            times.push(t.timestamp.signingTime);
        else if (t.tlogEntry.inclusionPromise)
            times.push(new Date(Number(t.tlogEntry.integratedTime) * 1000));
    }
    times.sort((a, b) => a.getTime() - b.getTime());
    const out = {};
    if (times[0])
        out.signedAt = times[0].toISOString();
    const e = entries[0];
    if (e)
        out.tlog = { ...entryFacts(e), integratedTime: e.integratedTime };
    if (entries.length > 1)
        out.tlogEntries = entries.slice(1).map(entryFacts);
    return out;
}
/** What a revocation list can name a bound entry by, each as its evidence authenticates it. */
function entryFacts(e) {
    const index = verifiedLogIndex(e);
    const out = {
        logIndex: index.logIndex,
        logID: e.logId.keyId.toString('hex'),
        uuid: leafHash(e.canonicalizedBody),
    };
    if (index.inShard)
        out.indexInShard = true;
    return out;
}
/**
 * Rekor's entry UUID: the RFC 6962 leaf hash of the canonicalized body, which both the SET and
 * the inclusion proof authenticate, and the same whichever shard holds the entry.
 */
function leafHash(body) {
    return (0,external_node_crypto_.createHash)('sha256').update(LEAF_PREFIX).update(body).digest('hex');
}
const LEAF_PREFIX = new Uint8Array([0]);
/**
 * The index a bound entry is known by, as its evidence authenticates it, in one spelling: a
 * SET signs Number(logIndex) (so `"0123"` and `"123.0"` verify as 123), and an entry proved by
 * its inclusion proof alone has only the proof's index authenticated (the top-level one is the
 * bundle's word). Rekor v1 is sharded: a proof's index counts from the start of the shard's tree,
 * not of the log (the public log's entries differ by more than 100 million), so a v1 entry with
 * no SET is known only by its index in a shard (`inShard`). Rekor v2 bodies (hashedrekord and
 * dsse 0.0.2, which sigstore-js has checked the body against) come from logs whose every shard
 * is a log of its own, so there the proof's index is the log's. Revocation lists match on this,
 * so no respelling or rewrite of the bundle's field, and no SET left out, can unrevoke an entry.
 */
function verifiedLogIndex(e) {
    const fail = () => {
        throw new errors/* GateError */.ue('TLOG_INVALID', `tlog entry logIndex ${JSON.stringify(e.logIndex)} is not a log index`);
    };
    if (e.inclusionPromise !== undefined) {
        const n = Number(e.logIndex);
        return Number.isSafeInteger(n) && n >= 0 ? { logIndex: String(n), inShard: false } : fail();
    }
    if (e.inclusionProof !== undefined) {
        let n;
        try {
            n = BigInt(e.inclusionProof.logIndex);
        }
        catch {
            return fail();
        }
        if (n < 0n)
            return fail();
        const kv = e.kindVersion;
        const v2 = kv?.version === '0.0.2' && (kv.kind === 'hashedrekord' || kv.kind === 'dsse');
        return { logIndex: n.toString(), inShard: !v2 };
    }
    return fail();
}
/**
 * One copy of a signer's identity, issuer and CA name for every result that names it: a batch
 * keeps each result until the report is written, and 10 000 keyless images from one workflow
 * would otherwise hold 10 000 copies of each (issue 15, flat memory). At most SHARED_MAX distinct
 * strings are kept; others are returned as they are.
 */
const SHARED_MAX = 256;
const sharedStrings = new Map();
function shared(s) {
    const known = sharedStrings.get(s);
    if (known !== undefined)
        return known;
    if (sharedStrings.size < SHARED_MAX)
        sharedStrings.set(s, s);
    return s;
}
//# sourceMappingURL=verify-signer.js.map
;// CONCATENATED MODULE: ./build/core/signatures/verify-bundle.js













const HASH_NAMES = {
    [dist.HashAlgorithm.HASH_ALGORITHM_UNSPECIFIED]: 'sha256',
    [dist.HashAlgorithm.SHA2_256]: 'sha256',
    [dist.HashAlgorithm.SHA2_384]: 'sha384',
    [dist.HashAlgorithm.SHA2_512]: 'sha512',
};
function verifyBundleJson(ctx, bundleJson, subject, format, what, att, legacySig = false) {
    const { policy, base, ignoreTlog, verifiers, attVerifiers } = ctx;
    // 1. Structure and bounds, before any cryptography.
    const shape = checkBundleShape(bundleJson);
    let statement;
    if (shape.dsse) {
        statement = (0,signatures_statement/* parseStatement */.By)(shape.dsse.payloadType, shape.dsse.payload);
        const want = 'digest' in subject
            ? subject.digest
            : { algorithm: 'sha256', hex: sha('sha256', subject.artifact).toString('hex') };
        (0,signatures_statement/* checkSubject */.jj)(statement, want);
    }
    if (shape.signer === 'certificate' && policy.identities.length === 0) {
        throw new errors/* GateError */.ue('UNTRUSTED_SIGNER', `${what} is signed by a certificate (keyless) but the policy trusts only keys`);
    }
    if (shape.signer === 'key' && policy.keys.length === 0) {
        throw new errors/* GateError */.ue('UNTRUSTED_SIGNER', `${what} is signed by a public key but the policy trusts only keyless identities`);
    }
    if (policy.requireTlog && shape.tlogCount === 0) {
        throw new errors/* GateError */.ue('TLOG_MISSING', `${what} has no transparency-log entry and the policy requires one`);
    }
    // 2. Parse into sigstore-js' model.
    let bundle;
    let entity;
    try {
        bundle = shape.bundle;
        entity = (0,cert_cache/* withoutStacks */.G5)(() => (0,verify_dist/* toSignedEntity */.DC)(bundle, 'artifact' in subject ? Buffer.from(subject.artifact) : undefined));
    }
    catch (e) {
        throw asMalformed(e, what);
    }
    for (const t of entity.timestamps)
        if (t.$case === 'timestamp-authority')
            (0,cert_cache/* withTimestampDer */.Kd)(t.timestamp);
    if (entity.key.$case === 'certificate')
        entity.key = {
            $case: 'certificate',
            certificate: new cert_cache/* LeafCertificate */.q(entity.key.certificate),
        };
    // Where the bundle names no hash for the signature (DSSE, a cosign `.sig` layer), it is the
    // one the key signs with, as sigstore-go has it; sigstore-js would assume SHA-256.
    if (bundle.content.$case === 'dsseEnvelope') {
        const env = bundle.content.dsseEnvelope;
        entity.signature = keyHashedContent(entity.signature, core_dist.dsse.preAuthEncoding(env.payloadType, env.payload), env.signatures[0]?.sig ?? Buffer.alloc(0), env.payload);
    }
    else if (legacySig && 'artifact' in subject) {
        entity.signature = keyHashedContent(entity.signature, Buffer.from(subject.artifact), bundle.content.messageSignature.signature);
    }
    else if ('artifact' in subject) {
        // sigstore-js checks a message signature under its messageDigest's hash, which an Ed25519
        // key (it signs the message itself) never verifies under: the key's own hash is tried too.
        const own = entity.signature;
        const keyed = keyHashedContent(own, Buffer.from(subject.artifact), bundle.content.messageSignature.signature);
        entity.signature = {
            signature: own.signature,
            compareSignature: (s) => own.compareSignature(s),
            compareDigest: (d) => own.compareDigest(d),
            compareSignedDigest: (d) => own.compareSignedDigest(d),
            verifySignature: (key) => own.verifySignature(key) || keyed.verifySignature(key),
        };
    }
    if (bundle.content.$case === 'messageSignature') {
        const md = bundle.content.messageSignature.messageDigest;
        if ('artifact' in subject) {
            const alg = HASH_NAMES[md.algorithm];
            if (alg === undefined) {
                throw new errors/* GateError */.ue('MALFORMED', `${what}: unsupported messageDigest algorithm ${dist.HashAlgorithm[md.algorithm] ?? md.algorithm}`);
            }
            if (!sha(alg, subject.artifact).equals(md.digest)) {
                throw new errors/* GateError */.ue('DIGEST_MISMATCH', `${what}: messageDigest does not match the ${alg} of the artifact`);
            }
        }
        else {
            const want = subject.digest;
            if (HASH_NAMES[md.algorithm] !== want.algorithm || md.digest.toString('hex') !== want.hex) {
                throw new errors/* GateError */.ue('DIGEST_MISMATCH', `${what}: messageDigest ${md.digest.toString('hex')} does not match ${want.algorithm}:${want.hex}`);
            }
            entity.signature = digestOnlyContent(bundle.content.messageSignature.signature, md.digest, what);
        }
    }
    if (ignoreTlog) {
        // No root: nothing here can be checked, and the policy needs no time (else a root would be
        // required), so log entries and RFC 3161 timestamps are left out rather than failed.
        entity.tlogEntries = [];
        entity.timestamps = [];
    }
    const stale = dropUnknownLogs(entity, base.tlogs, policy.requireTlog, what);
    for (const e of entity.tlogEntries)
        checkProofAgainstCheckpoint(e, what);
    checkProofLogsValid(entity, base.tlogs, what);
    // Only a certificate needs a time to be valid at; a key's window is checked in verifyWithKeys.
    if (shape.signer === 'certificate' && countTimestampCandidates(entity) < 1) {
        throw new errors/* GateError */.ue('TLOG_MISSING', `${what} has no trusted signing time (no Rekor inclusion promise and no RFC 3161 timestamp)${stale}`);
    }
    const bound = entity.tlogEntries;
    let set = verifiers;
    if (att) {
        set = attVerifiers;
        prepareAttestation(ctx, entity, att, what);
    }
    // 3. Cryptography and policy.
    const evidence = shape.signer === 'key'
        ? verifyWithKeys(ctx, entity, set, bound, format, what)
        : verifyKeyless(ctx, entity, set, bound, format, what);
    return statement ? { ...evidence, statement } : evidence;
}
/**
 * The `.att` specifics: bind every log entry to this envelope, check the SETs sigstore-js
 * cannot read (intoto 0.0.1) and take those entries out of its list, and point RFC 3161
 * verification at the envelope bytes, which is what cosign v2 timestamps for attestations.
 */
function prepareAttestation(ctx, entity, att, what) {
    const { base } = ctx;
    const env = {
        bytes: att.envelope,
        payloadType: att.parsed.payloadType,
        payload: att.parsed.payload,
        signature: att.parsed.signature,
    };
    for (const e of entity.tlogEntries)
        checkAttestationBody(e, env, what);
    const own = entity.tlogEntries.filter((e) => e.kindVersion?.kind === 'intoto' && e.kindVersion.version === '0.0.1');
    for (const e of own)
        verifyInclusionPromise(e, base.tlogs, what);
    // Still in entity.timestamps: its integrated time is vouched for by the SET just checked.
    entity.tlogEntries = entity.tlogEntries.filter((e) => !own.includes(e));
    entity.signature = timestampedOver(entity.signature, Buffer.from(att.envelope));
}
function asMalformed(e, what) {
    const g = toVerifyGateError(e, what);
    return g.code === 'INTERNAL'
        ? new errors/* GateError */.ue('MALFORMED', `${what} does not parse: ${e.message}`, { cause: e })
        : g;
}
//# sourceMappingURL=verify-bundle.js.map
;// CONCATENATED MODULE: ./build/core/signatures/verifier.js
// The signature verifier: built once per run from the policy and trusted root (refusing a policy
// nothing could satisfy), with one entry point per signature form; pure and synchronous, no I/O.







function createSignatureVerifier(trustedRoot, policy) {
    if (policy.keys.length === 0 && policy.identities.length === 0) {
        throw new errors/* GateError */.ue('USAGE', 'policy trusts no key and no keyless identity: nothing could ever verify');
    }
    if (trustedRoot === undefined && (policy.identities.length > 0 || policy.requireTlog)) {
        throw new errors/* GateError */.ue('USAGE', 'a Sigstore trusted root is required for keyless identities or a required transparency log');
    }
    const windowed = policy.keys.find((k) => k.validFor);
    if (trustedRoot === undefined && windowed) {
        throw new errors/* GateError */.ue('USAGE', `key ${windowed.keyRef} has a validity window, which is checked against a verified signing time: a Sigstore trusted root is required`);
    }
    const base = trustedRoot === undefined ? EMPTY_TRUST : baseTrust(trustedRoot);
    // Without a root, log entries cannot be checked at all; the policy said they are optional.
    const ignoreTlog = trustedRoot === undefined;
    const ctx = {
        policy,
        base,
        ignoreTlog,
        verifiers: makeVerifiers(base, policy, policy.requireTlog ? 1 : 0),
        attVerifiers: makeVerifiers(base, policy, 0),
    };
    // Each entry point runs on attacker-made content only: whatever it throws that is not already
    // ours (a RangeError from a deeply nested value, a TypeError on an unexpected shape) is that
    // evidence failing (MALFORMED), for every caller alike, never an INTERNAL outage.
    const rejecting = (what, run) => (...a) => {
        try {
            return run(...a);
        }
        catch (e) {
            throw toVerifyGateError(e, what);
        }
    };
    return {
        verifyLegacy: rejecting('.sig layer', (layer, imageDigest) => {
            (0,legacy/* checkSimpleSigningPayload */.IY)(layer.payload, imageDigest);
            const bundle = (0,legacy/* legacyLayerToBundle */.g2)(layer);
            const evidence = verifyBundleJson(ctx, bundle, { artifact: layer.payload }, 'legacy-tag', '.sig layer', undefined, true);
            delete evidence.statement;
            return evidence;
        }),
        verifyBundle: rejecting('bundle', (bundleJson, subject, format) => {
            const s = 'digest' in subject ? { digest: (0,signatures_statement/* parseSubjectDigest */.Ky)(subject.digest) } : subject;
            return verifyBundleJson(ctx, bundleJson, s, format, `bundle (${format})`);
        }),
        verifyLegacyAttestation: rejecting(ATT_LAYER, (layer, imageDigest) => {
            const digest = (0,signatures_statement/* parseSubjectDigest */.Ky)(imageDigest);
            const parsed = legacyAttestationToBundle(layer);
            const { statement, ...evidence } = verifyBundleJson(ctx, parsed.bundle, { digest }, 'legacy-tag', ATT_LAYER, { envelope: layer.envelope, parsed });
            if (statement === undefined)
                throw new errors/* GateError */.ue('INTERNAL', `${ATT_LAYER}: verified without a statement`);
            return { ...evidence, statement };
        }),
    };
}
//# sourceMappingURL=verifier.js.map

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

/***/ }),

/***/ 62236:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ describeValidity),
/* harmony export */   W: () => (/* binding */ withinValidity)
/* harmony export */ });
function withinValidity(v, t) {
    if (v === undefined)
        return true;
    const ms = t.getTime();
    return ((v.start === undefined || ms >= v.start.getTime()) &&
        (v.end === undefined || ms <= v.end.getTime()));
}
function describeValidity(v) {
    const start = v.start ? v.start.toISOString() : 'any time';
    const end = v.end ? v.end.toISOString() : 'any time';
    return `from ${start} to ${end}`;
}
//# sourceMappingURL=key-types.js.map

/***/ }),

/***/ 36123:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  keyIdOf: () => (/* binding */ keyIdOf),
  loadKey: () => (/* binding */ loadKey),
  loadKeys: () => (/* binding */ loadKeys),
  loadPrivateKeyFile: () => (/* binding */ loadPrivateKeyFile),
  toVerificationKey: () => (/* binding */ toVerificationKey)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(62807);
// EXTERNAL MODULE: ./build/core/limits.js
var limits = __webpack_require__(40332);
;// CONCATENATED MODULE: ./build/core/trust/cosign-key.js
// Decrypts cosign's password-protected private key format (go-securesystemslib `encrypted`:
// scrypt-derived key, NaCl secretbox) so a cosign.key file can serve as a verification key.


/** PEM types cosign writes: SIGSTORE since cosign 1.x, COSIGN for keys made before that. */
const COSIGN_PEM_TYPES = [
    'ENCRYPTED SIGSTORE PRIVATE KEY',
    'ENCRYPTED COSIGN PRIVATE KEY',
];
/**
 * The only scrypt parameters go-securesystemslib's `CheckParams` accepts (legacy 2^15, standard
 * 2^16, OWASP 2^17; r=8, p=1). Anything else is refused before any work: an attacker-edited
 * key file must not make us allocate gigabytes or spin for minutes.
 */
const COSIGN_SCRYPT_PARAMS = [
    { N: 32768, r: 8, p: 1 },
    { N: 65536, r: 8, p: 1 },
    { N: 131072, r: 8, p: 1 },
];
const KEY_BYTES = 32;
const NONCE_BYTES = 24;
function unreadable(ref, why, cause) {
    return new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: ${why}`, cause === undefined ? undefined : { cause });
}
function field(obj, name) {
    return typeof obj === 'object' && obj !== null && !Array.isArray(obj)
        ? obj[name]
        : undefined;
}
/** Go encodes []byte in JSON as standard, padded base64. */
function base64Field(ref, value, name) {
    if (typeof value !== 'string' ||
        value.length % 4 !== 0 ||
        !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
        throw unreadable(ref, `cosign key field ${name} is not base64`);
    }
    return Buffer.from(value, 'base64');
}
function scryptAsync(password, salt, params) {
    // scrypt needs 128\u00b7N\u00b7r bytes; node refuses above `maxmem`, so allow exactly what the
    // accepted parameters need (128 MiB at most) with headroom.
    const maxmem = 2 * 128 * params.N * params.r;
    return new Promise((resolve, reject) => {
        (0,external_node_crypto_.scrypt)(password, salt, KEY_BYTES, { ...params, maxmem }, (err, key) => err ? reject(err) : resolve(key));
    });
}
/**
 * Decrypts the body of a cosign encrypted-key PEM block into its PKCS#8 private key.
 * `password` is COSIGN_PASSWORD as found (undefined when unset; "" is a valid password).
 * `ref` names the key in messages.
 */
async function decryptCosignPrivateKey(body, password, ref) {
    let doc;
    try {
        doc = JSON.parse(Buffer.from(body).toString('utf8'));
    }
    catch (e) {
        throw unreadable(ref, 'cosign key body is not JSON', e);
    }
    const kdf = field(doc, 'kdf');
    const cipher = field(doc, 'cipher');
    if (field(kdf, 'name') !== 'scrypt') {
        throw unreadable(ref, `cosign key uses unknown KDF ${JSON.stringify(field(kdf, 'name'))} (expected "scrypt")`);
    }
    if (field(cipher, 'name') !== 'nacl/secretbox') {
        throw unreadable(ref, `cosign key uses unknown cipher ${JSON.stringify(field(cipher, 'name'))} (expected "nacl/secretbox")`);
    }
    const rawParams = field(kdf, 'params');
    const params = { N: field(rawParams, 'N'), r: field(rawParams, 'r'), p: field(rawParams, 'p') };
    const accepted = COSIGN_SCRYPT_PARAMS.find((c) => c.N === params.N && c.r === params.r && c.p === params.p);
    if (!accepted) {
        throw unreadable(ref, `cosign key has unsupported scrypt parameters N=${String(params.N)} r=${String(params.r)} p=${String(params.p)} ` +
            `(accepted: N=${COSIGN_SCRYPT_PARAMS.map((c) => c.N).join('/')}, r=8, p=1)`);
    }
    const salt = base64Field(ref, field(kdf, 'salt'), 'kdf.salt');
    const nonce = base64Field(ref, field(cipher, 'nonce'), 'cipher.nonce');
    const ciphertext = base64Field(ref, field(doc, 'ciphertext'), 'ciphertext');
    if (nonce.length !== NONCE_BYTES) {
        throw unreadable(ref, `cosign key nonce is ${nonce.length} bytes (expected ${NONCE_BYTES})`);
    }
    if (password === undefined) {
        throw unreadable(ref, 'wrong or missing COSIGN_PASSWORD (COSIGN_PASSWORD is not set)');
    }
    const key = await scryptAsync(Buffer.from(password, 'utf8'), salt, accepted);
    // Loaded here, not at the top: only an encrypted cosign.key needs it, and every key-signed
    // verify would otherwise load its 62 KB chunk before its first request.
    const { default: nacl } = await __webpack_require__.e(/* import() */ 668).then(__webpack_require__.t.bind(__webpack_require__, 80668, 19));
    const plaintext = nacl.secretbox.open(ciphertext, nonce, key);
    if (plaintext === null) {
        throw unreadable(ref, 'wrong or missing COSIGN_PASSWORD (decryption failed; or the key file is corrupt)');
    }
    try {
        return (0,external_node_crypto_.createPrivateKey)({ key: Buffer.from(plaintext), format: 'der', type: 'pkcs8' });
    }
    catch (e) {
        throw unreadable(ref, 'decrypted cosign key is not a PKCS#8 private key', e);
    }
    finally {
        plaintext.fill(0);
        key.fill(0);
    }
}
//# sourceMappingURL=cosign-key.js.map
// EXTERNAL MODULE: ./build/core/trust/key-types.js
var key_types = __webpack_require__(62236);
;// CONCATENATED MODULE: ./build/core/trust/keys.js
// Loads verification keys from wherever users keep them (PEM public keys, cosign's encrypted
// private keys, AWS KMS, HashiCorp Vault transit) into one checked VerificationKey each.







/** A key file is a few hundred bytes; anything far larger is not a key and is not read whole. */
const MAX_KEY_FILE_BYTES = limits/* LIMITS */.b1.keyFileBytes;
/** RSA below 2048 bits is breakable; far above 16384 it only makes every verification slow. */
const MIN_RSA_BITS = 2048;
const MAX_RSA_BITS = 16384;
const SUPPORTED = 'a PEM public key file, a cosign.key file, awskms:// or hashivault://';
/** s3lo's key ID: the first 16 hex characters of sha256 over the DER SubjectPublicKeyInfo. */
function keyIdOf(spki) {
    return (0,external_node_crypto_.createHash)('sha256').update(spki).digest('hex').slice(0, 16);
}
/**
 * Checks that `publicKey` is an algorithm cosign verifies with (ECDSA P-256/P-384, RSA \u2265 2048,
 * Ed25519) and wraps it. `source` names where it came from, for messages.
 */
function toVerificationKey(keyRef, publicKey, source) {
    if (publicKey.type !== 'public') {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${keyRef}: ${source} is not a public key`);
    }
    const algorithm = algorithmOf(keyRef, publicKey, source);
    // Go's x509.MarshalPKIXPublicKey (s3lo's key ID input) always writes uncompressed EC points;
    // a JWK round trip makes OpenSSL do the same for a key that arrived compressed.
    const canonical = publicKey.asymmetricKeyType === 'ec'
        ? (0,external_node_crypto_.createPublicKey)({ key: publicKey.export({ format: 'jwk' }), format: 'jwk' })
        : publicKey;
    const spki = canonical.export({ type: 'spki', format: 'der' });
    const pem = canonical.export({ type: 'spki', format: 'pem' }).toString();
    return { keyRef, keyID: keyIdOf(spki), publicKey: canonical, spki, pem, algorithm };
}
function algorithmOf(keyRef, key, source) {
    const details = key.asymmetricKeyDetails ?? {};
    switch (key.asymmetricKeyType) {
        case 'ec':
            if (details.namedCurve === 'prime256v1')
                return 'ecdsa-p256';
            if (details.namedCurve === 'secp384r1')
                return 'ecdsa-p384';
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${keyRef}: ${source} is an EC key on curve ${details.namedCurve ?? 'unknown'}; ` +
                'supported are P-256 and P-384');
        case 'rsa': {
            const bits = details.modulusLength ?? 0;
            if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
                throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${keyRef}: ${source} is a ${bits}-bit RSA key; supported are ${MIN_RSA_BITS} to ${MAX_RSA_BITS} bits`);
            }
            return 'rsa';
        }
        case 'ed25519':
            return 'ed25519';
        default:
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${keyRef}: ${source} is a ${key.asymmetricKeyType ?? 'unknown'} key; ` +
                'supported are ECDSA P-256/P-384, RSA and Ed25519');
    }
}
/**
 * Loads one verification key. `ref` is a file path (PEM public key or cosign encrypted private
 * key, password from COSIGN_PASSWORD), `awskms://[host:port]/<key id|alias/name|arn>` or
 * `hashivault://<name>`. Every failure is a GateError `KEY_UNREADABLE` (or `INSECURE` for a
 * plain-HTTP remote, `TIMEOUT` when `signal` aborts): a key we cannot read is an outage, never
 * a verdict.
 */
async function loadKey(ref, opts = {}) {
    const env = opts.env ?? process.env;
    const { signal } = opts;
    if (ref.trim() === '') {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key: empty key reference (expected ${SUPPORTED})`);
    }
    try {
        signal?.throwIfAborted();
        if (ref.startsWith('awskms://')) {
            // Loaded on demand: the AWS SDK is large and most runs use no KMS key.
            const { fetchAwsKmsPublicKey } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(632), __webpack_require__.e(126)]).then(__webpack_require__.bind(__webpack_require__, 72126));
            const kmsOpts = signal ? { env, signal } : { env };
            return toVerificationKey(ref, await fetchAwsKmsPublicKey(ref, kmsOpts), 'the AWS KMS key');
        }
        if (ref.startsWith('hashivault://')) {
            const { fetchVaultPublicKey } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 91211));
            const vaultOpts = signal ? { env, signal } : { env };
            return toVerificationKey(ref, await fetchVaultPublicKey(ref, vaultOpts), 'the Vault transit key');
        }
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
            const scheme = ref.slice(0, ref.indexOf('://') + 3);
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: unsupported key source ${scheme} (expected ${SUPPORTED})`);
        }
        return await loadKeyFile(ref, external_node_path_.resolve(opts.cwd ?? process.cwd(), ref), env);
    }
    catch (e) {
        if (e instanceof errors/* GateError */.ue)
            throw e;
        if (signal?.aborted) {
            if (signal.reason instanceof errors/* GateError */.ue)
                throw signal.reason;
            throw new errors/* GateError */.ue('TIMEOUT', `key ${ref}: loading was cancelled`, { cause: signal.reason });
        }
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
}
/**
 * Loads every distinct reference once, in parallel. Two references naming the same key (a .pub
 * and its cosign.key, an alias and its ARN) yield it once, under the first reference given.
 * When several fail, the error of the first failing reference in input order is thrown.
 * `validity` (policy files) gives some references a window; one key given two different windows
 * (or a window under one reference and none under another) is refused rather than one dropped.
 */
async function loadKeys(refs, opts = {}) {
    const distinct = [...new Set(refs)];
    const settled = await Promise.allSettled(distinct.map((ref) => loadKey(ref, opts)));
    const keys = [];
    const seen = new Map();
    for (const outcome of settled) {
        if (outcome.status === 'rejected')
            throw outcome.reason;
        // Own entries only: a reference named `constructor` or `__proto__` has no inherited window.
        const window = opts.validity && Object.hasOwn(opts.validity, outcome.value.keyRef)
            ? opts.validity[outcome.value.keyRef]
            : undefined;
        const key = window ? { ...outcome.value, validFor: window } : outcome.value;
        const first = seen.get(key.keyID);
        if (first) {
            if (!sameValidity(first.validFor, key.validFor))
                throw new errors/* GateError */.ue('USAGE', `keys: ${first.keyRef} and ${key.keyRef} are the same key (${key.keyID}) with different validFor windows (${first.validFor ? (0,key_types/* describeValidity */.A)(first.validFor) : 'none'}; ${key.validFor ? (0,key_types/* describeValidity */.A)(key.validFor) : 'none'})`);
            continue;
        }
        seen.set(key.keyID, key);
        keys.push(key);
    }
    return keys;
}
function sameValidity(a, b) {
    return a?.start?.getTime() === b?.start?.getTime() && a?.end?.getTime() === b?.end?.getTime();
}
/**
 * The private half of a signing key held in a file: a cosign encrypted key (COSIGN_PASSWORD) or
 * an unencrypted PEM private key (PKCS#8, SEC1 or PKCS#1). Remote keys (awskms://, hashivault://)
 * sign through trust/signing-key.ts, which calls this for files.
 */
async function loadPrivateKeyFile(ref, opts = {}) {
    const bytes = await readKeyFile(ref, external_node_path_.resolve(opts.cwd ?? process.cwd(), ref));
    const block = singlePemBlock(ref, bytes.toString('latin1'));
    if (block.type === COSIGN_PEM_TYPES[0] || block.type === COSIGN_PEM_TYPES[1])
        return decryptCosignPrivateKey(block.der, (opts.env ?? process.env).COSIGN_PASSWORD, ref);
    const der = Object.hasOwn(PRIVATE_KEY_DER, block.type) ? PRIVATE_KEY_DER[block.type] : undefined;
    if (der) {
        try {
            return (0,external_node_crypto_.createPrivateKey)({ key: block.der, format: 'der', ...der });
        }
        catch (e) {
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: the ${block.type} block does not parse`, {
                cause: e,
            });
        }
    }
    throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: holds a ${block.type}, not a private key to sign with (expected ${COSIGN_PEM_TYPES[0]} or PRIVATE KEY)`);
}
const PRIVATE_KEY_DER = {
    'PRIVATE KEY': { type: 'pkcs8' },
    'EC PRIVATE KEY': { type: 'sec1' },
    'RSA PRIVATE KEY': { type: 'pkcs1' },
};
async function loadKeyFile(ref, file, env) {
    const bytes = await readKeyFile(ref, file);
    const block = singlePemBlock(ref, bytes.toString('latin1'));
    switch (block.type) {
        case 'PUBLIC KEY':
        case 'RSA PUBLIC KEY': {
            let publicKey;
            try {
                const type = block.type === 'PUBLIC KEY' ? 'spki' : 'pkcs1';
                publicKey = (0,external_node_crypto_.createPublicKey)({ key: block.der, format: 'der', type });
            }
            catch (e) {
                throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: the ${block.type} block does not parse as a key`, {
                    cause: e,
                });
            }
            return toVerificationKey(ref, publicKey, 'the public key');
        }
        case COSIGN_PEM_TYPES[0]:
        case COSIGN_PEM_TYPES[1]: {
            const privateKey = await decryptCosignPrivateKey(block.der, env.COSIGN_PASSWORD, ref);
            return toVerificationKey(ref, (0,external_node_crypto_.createPublicKey)(privateKey), 'the cosign private key');
        }
        case 'PRIVATE KEY':
        case 'EC PRIVATE KEY':
        case 'RSA PRIVATE KEY':
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: holds an unencrypted ${block.type}; give its public key instead ` +
                '(e.g. `cosign public-key --key <file>`) or a cosign encrypted key');
        default:
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: unsupported PEM block "${block.type}" (expected PUBLIC KEY or ${COSIGN_PEM_TYPES.join(' / ')})`);
    }
}
async function readKeyFile(ref, file) {
    let handle;
    try {
        handle = await (0,promises_.open)(file, 'r');
        const stat = await handle.stat();
        if (stat.isDirectory())
            throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        if (stat.size > MAX_KEY_FILE_BYTES) {
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: file is ${stat.size} bytes, larger than any key file (limit ${MAX_KEY_FILE_BYTES})`);
        }
        // Read at most limit+1 so a file that grows after stat (or a FIFO) cannot exhaust memory.
        const buffer = Buffer.alloc(MAX_KEY_FILE_BYTES + 1);
        let length = 0;
        for (;;) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
            if (bytesRead === 0)
                break;
            length += bytesRead;
            if (length > MAX_KEY_FILE_BYTES) {
                throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: file is larger than any key file (limit ${MAX_KEY_FILE_BYTES})`);
            }
        }
        return buffer.subarray(0, length);
    }
    catch (e) {
        if (e instanceof errors/* GateError */.ue)
            throw e;
        const code = e.code;
        const why = code === 'ENOENT' || code === 'ENOTDIR'
            ? `key: no file at ${ref}`
            : code === 'EACCES' || code === 'EPERM'
                ? `key: cannot read ${ref} (permission denied)`
                : code === 'EISDIR'
                    ? `key: ${ref} is a directory, not a key file`
                    : `key: cannot read ${ref} (${code ?? (e instanceof Error ? e.message : String(e))})`;
        throw new errors/* GateError */.ue('KEY_UNREADABLE', why, { cause: e });
    }
    finally {
        await handle?.close();
    }
}
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;
/** Exactly one PEM block: a second key in the same file would otherwise be silently ignored. */
function singlePemBlock(ref, text) {
    const blocks = [...text.matchAll(PEM_BLOCK)];
    if (blocks.length === 0) {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: no PEM block found (expected PUBLIC KEY or ${COSIGN_PEM_TYPES.join(' / ')})`);
    }
    if (blocks.length > 1) {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: holds ${blocks.length} PEM blocks; give one key per file (repeat --key for several keys)`);
    }
    const [, type = '', body = '', endType = ''] = blocks[0] ?? [];
    if (type !== endType) {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: PEM block BEGIN ${type} ends with END ${endType}`);
    }
    const compact = body.replace(/\s+/g, '');
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact) ||
        compact === '') {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: the ${type} block is not valid base64`);
    }
    return { type, der: Buffer.from(compact, 'base64') };
}
//# sourceMappingURL=keys.js.map

/***/ }),

/***/ 29703:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TRUSTED_ROOT_WARN_MS: () => (/* binding */ TRUSTED_ROOT_WARN_MS),
/* harmony export */   describeTrustedRootSource: () => (/* binding */ describeTrustedRootSource),
/* harmony export */   embeddedTrustedRoot: () => (/* binding */ embeddedTrustedRoot),
/* harmony export */   loadTrustedRoot: () => (/* binding */ loadTrustedRoot),
/* harmony export */   rootLoadOptions: () => (/* binding */ rootLoadOptions),
/* harmony export */   trustedRootWarnings: () => (/* binding */ trustedRootWarnings),
/* harmony export */   validateTrustedRoot: () => (/* binding */ validateTrustedRoot)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19654);
/* harmony import */ var _sigstore_verify__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54187);
/* harmony import */ var _sigstore_tuf_seeds_json__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8032);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62807);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(40332);
/* harmony import */ var _net_addresses_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(45166);
/* harmony import */ var _tuf_cache_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(87355);
// Loads the Sigstore trusted root (Fulcio CAs, Rekor/CT keys, TSAs) for one run: from a file,
// from the copy embedded in the build (offline), or from the public-good TUF repository.



// The seed shipped inside @sigstore/tuf: a JSON import, so bundlers inline it and the
// offline root is always the one the library version we ship was released with.





/** Those settings as the loader's options: the one mapping the gate and a verified merge use. */
function rootLoadOptions(t) {
    return {
        offline: t.offline,
        ...(t.trustedRoot ? { trustedRootPath: t.trustedRoot } : {}),
        ...(t.tufCacheDir ? { cacheDir: t.tufCacheDir } : {}),
        ...(t.tufMirror ? { tufMirrorUrl: t.tufMirror } : {}),
        ...(t.tufRoot ? { tufRootPath: t.tufRoot } : {}),
    };
}
const TRUSTED_ROOT_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.trustedroot(?:\.v\d+\.\d+)?\+json(?:;version=\d+\.\d+)?$/;
async function loadTrustedRoot(opts) {
    if ((opts.trustedRootPath !== undefined || opts.offline) &&
        (opts.tufMirrorUrl !== undefined || opts.tufRootPath !== undefined))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('USAGE', 'tuf-mirror and tuf-root are for a trusted root fetched with TUF; they exclude trusted-root and offline');
    if (opts.trustedRootPath !== undefined)
        return loadFromFile(opts.trustedRootPath, opts.onFileRead);
    if (opts.offline)
        return embeddedTrustedRoot();
    return loadFromTuf(opts);
}
/** The public-good trusted root that ships inside @sigstore/tuf's seeds (no network). */
function embeddedTrustedRoot() {
    const seeds = _sigstore_tuf_seeds_json__WEBPACK_IMPORTED_MODULE_3__;
    const b64 = seeds[_tuf_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .PUBLIC_GOOD_TUF_MIRROR */ .mv]?.targets?.['trusted_root.json'];
    if (b64 === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('TRUST_ROOT', 'trusted-root: the embedded public-good trusted root is missing from @sigstore/tuf seeds');
    }
    return validateTrustedRoot(Buffer.from(b64, 'base64').toString('utf8'), 'the embedded public-good trusted root');
}
async function loadFromFile(path, onFileRead) {
    let read;
    try {
        read = await (0,_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .readFileCapped */ .uh)(path, _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .LIMITS */ .b1.trustedRootBytes);
    }
    catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('TRUST_ROOT', `trusted-root: cannot read ${path}: ${why}`, { cause: e });
    }
    if (read.over)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('TRUST_ROOT', `trusted-root: ${path} is larger than ${_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .LIMITS */ .b1.trustedRootBytes} bytes, more than any trusted root`);
    onFileRead?.((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(read.bytes).digest('hex'));
    return validateTrustedRoot(read.bytes.toString('utf8'), path);
}
async function loadFromTuf(opts) {
    const mirror = opts.tufMirrorUrl ?? _tuf_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .PUBLIC_GOOD_TUF_MIRROR */ .mv;
    // A mirror URL may carry a token in its query: messages show it redacted.
    const shownMirror = (0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_6__/* .shownUrl */ .zA)(mirror);
    // Loaded on demand: most runs name a trusted root or use the embedded one, and the TUF
    // client is a sizeable part of process start.
    const { getTrustedRoot } = await Promise.all(/* import() */[__webpack_require__.e(335), __webpack_require__.e(694)]).then(__webpack_require__.t.bind(__webpack_require__, 84423, 19));
    const fetchRoot = (forceCache, retries) => getTrustedRoot({
        mirrorURL: mirror,
        ...(opts.cacheDir !== undefined ? { cachePath: opts.cacheDir } : {}),
        ...(opts.tufRootPath !== undefined ? { rootPath: opts.tufRootPath } : {}),
        timeout: opts.fetchTimeoutMs ?? 5000,
        retry: { retries },
        forceCache,
    });
    if (opts.tufRootPath !== undefined)
        await (0,_tuf_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .checkReadable */ .ro)(opts.tufRootPath);
    let root;
    try {
        root = await fetchRoot(false, opts.fetchRetries ?? 2);
    }
    catch (e) {
        // No fallback to the embedded root: an online run that cannot refresh must say so,
        // or a blocked mirror would silently pin users to stale (possibly revoked) keys.
        const why = (0,_tuf_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .errorText */ .kc)(e).split(mirror).join(shownMirror);
        const failed = `trusted-root: TUF update from ${shownMirror} failed: ${why}`;
        // A mirror that cannot be reached (down, slow, an HTTP error) leaves the metadata an
        // earlier run verified: tuf-js's forceCache loads it only while the cached timestamp,
        // snapshot and targets verify against the root and none of them (nor the root) has
        // expired, and checks trusted_root.json against its hash. A mirror that answered with
        // metadata that does not verify is refused outright: that is an attack or a broken
        // repository, and must not be hidden behind a warning.
        if (!(0,_tuf_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .mirrorUnreachable */ .uq)(e))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('TRUST_ROOT', failed, { cause: e });
        try {
            root = await fetchRoot(true, 0);
        }
        catch (e2) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('TRUST_ROOT', `${failed}; no unexpired cached TUF metadata to fall back on (${(0,_tuf_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .errorText */ .kc)(e2).split(mirror).join(shownMirror)})`, { cause: e });
        }
        const until = await (0,_tuf_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .cachedTimestampExpiry */ .Ee)(opts);
        opts.warnings?.push(`TUF update from ${shownMirror} failed (${why}); using the TUF metadata an earlier run cached` +
            `${until ? `, verified and valid until ${until}` : ', verified and unexpired'}: ` +
            'keys rotated or revoked since then are not known to this run');
    }
    return validateTrustedRoot(JSON.stringify(_sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__.TrustedRoot.toJSON(root)), `TUF mirror ${shownMirror}`);
}
/** An error's message with its causes' (tuf-js and fetch put the useful part in a cause). */
/** Parse and check that `text` is a usable trusted root; `source` names it in messages. */
function validateTrustedRoot(text, source) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('TRUST_ROOT', `trusted-root: ${source} is not JSON`, { cause: e });
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('TRUST_ROOT', `trusted-root: ${source} is not a JSON object`);
    }
    const obj = json;
    const mediaType = obj['mediaType'];
    if (typeof mediaType !== 'string' || !TRUSTED_ROOT_MEDIA_TYPE.test(mediaType)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('TRUST_ROOT', `trusted-root: ${source} is not a trusted root (mediaType ${JSON.stringify(mediaType)})`);
    }
    for (const field of ['tlogs', 'certificateAuthorities', 'ctlogs', 'timestampAuthorities']) {
        const v = obj[field];
        if (v !== undefined && !Array.isArray(v)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('TRUST_ROOT', `trusted-root: ${source}: ${field} is not a list`);
        }
    }
    const lists = ['tlogs', 'certificateAuthorities', 'timestampAuthorities'];
    if (lists.every((f) => (obj[f] ?? []).length === 0)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('TRUST_ROOT', `trusted-root: ${source} has no transparency logs, CAs or TSAs`);
    }
    try {
        // Parse every key and certificate now, so a broken root fails at load, not per image.
        (0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_2__/* .toTrustMaterial */ .jO)(_sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__.TrustedRoot.fromJSON(obj));
    }
    catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .GateError */ .ue('TRUST_ROOT', `trusted-root: ${source} does not parse: ${why}`, {
            cause: e,
        });
    }
    return obj;
}
/** A root whose last key of a kind ends within this long is worth a warning. */
const TRUSTED_ROOT_WARN_MS = 30 * 24 * 60 * 60 * 1000;
/** How the report names the root a run used. */
function describeTrustedRootSource(opts) {
    if (opts.trustedRootPath !== undefined)
        return `trusted root ${opts.trustedRootPath}`;
    if (opts.offline)
        return 'the embedded public-good trusted root';
    return `the trusted root from TUF mirror ${(0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_6__/* .shownUrl */ .zA)(opts.tufMirrorUrl ?? _tuf_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .PUBLIC_GOOD_TUF_MIRROR */ .mv)}`;
}
const SERVICES = [
    ['tlogs', 'transparency log key'],
    ['certificateAuthorities', 'certificate authority'],
    ['timestampAuthorities', 'timestamp authority'],
    ['ctlogs', 'CT log key'],
];
/**
 * Warnings for a root near or past its end: for each kind of service it lists, the last of its
 * keys or CAs to stop being valid (its `validFor.end`, or a certificate's notAfter) within 30
 * days or gone; for the embedded root, also the TUF root metadata it was shipped with. Older
 * signatures still verify against such a root, new ones soon will not, and a rotated key it
 * lacks makes new entries look unknown.
 */
function trustedRootWarnings(root, opts, now = new Date()) {
    const source = describeTrustedRootSource(opts);
    const out = [];
    const horizon = now.getTime() + TRUSTED_ROOT_WARN_MS;
    for (const [field, what] of SERVICES) {
        const entries = root[field] ?? [];
        if (entries.length === 0)
            continue;
        const last = Math.max(...entries.map(entryEnd));
        if (last >= horizon)
            continue;
        out.push(expiryText(source, `its last ${what}`, last, now));
    }
    if (opts.trustedRootPath === undefined && opts.offline) {
        const expires = embeddedTufExpiry();
        if (expires !== undefined && expires < horizon)
            out.push(expiryText(source, 'the TUF root metadata it was shipped with', expires, now) +
                ': keys rotated since are missing; update image-gate, or use TUF (no offline) or a current trusted-root file');
    }
    return out;
}
function expiryText(source, what, at, now) {
    const when = new Date(at).toISOString();
    if (at <= now.getTime())
        return `${source}: ${what} expired on ${when}`;
    const days = Math.ceil((at - now.getTime()) / (24 * 60 * 60 * 1000));
    return `${source}: ${what} expires on ${when} (in ${days} day${days === 1 ? '' : 's'})`;
}
/** When a root entry stops being usable: its validity end or its chain's first notAfter. */
function entryEnd(entry) {
    if (typeof entry !== 'object' || entry === null)
        return Infinity;
    const e = entry;
    let end = Infinity;
    const validEnd = e.validFor?.end ?? e.publicKey?.validFor?.end;
    if (typeof validEnd === 'string') {
        const t = Date.parse(validEnd);
        if (!Number.isNaN(t))
            end = t;
    }
    const certs = e.certChain?.certificates;
    for (const c of Array.isArray(certs) ? certs : []) {
        const raw = c?.rawBytes;
        if (typeof raw !== 'string')
            continue;
        try {
            const t = Date.parse(new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(Buffer.from(raw, 'base64')).validTo);
            if (!Number.isNaN(t))
                end = Math.min(end, t);
        }
        catch {
            // A certificate that does not parse was refused when the root was loaded.
        }
    }
    return end;
}
/** `signed.expires` of the TUF root.json shipped next to the embedded trusted root. */
function embeddedTufExpiry() {
    const seeds = _sigstore_tuf_seeds_json__WEBPACK_IMPORTED_MODULE_3__;
    const b64 = seeds[_tuf_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .PUBLIC_GOOD_TUF_MIRROR */ .mv]?.['root.json'];
    if (typeof b64 !== 'string')
        return undefined;
    try {
        const meta = JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
        const t = typeof meta.signed?.expires === 'string' ? Date.parse(meta.signed.expires) : NaN;
        return Number.isNaN(t) ? undefined : t;
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=root.js.map

/***/ }),

/***/ 87355:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ee: () => (/* binding */ cachedTimestampExpiry),
/* harmony export */   Gy: () => (/* binding */ TUF_SEED_FILES),
/* harmony export */   RZ: () => (/* binding */ tufRepoDir),
/* harmony export */   kc: () => (/* binding */ errorText),
/* harmony export */   mv: () => (/* binding */ PUBLIC_GOOD_TUF_MIRROR),
/* harmony export */   ro: () => (/* binding */ checkReadable),
/* harmony export */   tt: () => (/* binding */ seedTufCache),
/* harmony export */   uq: () => (/* binding */ mirrorUnreachable)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _sigstore_tuf_seeds_json__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8032);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62807);
// The TUF metadata cache of one mirror: where @sigstore/tuf keeps it, how a saved copy seeds it
// (never the trust anchor), and how a failed refresh is told apart from bad metadata.




const PUBLIC_GOOD_TUF_MIRROR = 'https://tuf-repo-cdn.sigstore.dev';
function errorText(e, depth = 0) {
    const msg = e instanceof Error ? e.message : String(e);
    const cause = e instanceof Error ? e.cause : undefined;
    return cause instanceof Error && depth < 4 && !msg.includes(cause.message)
        ? `${msg}: ${errorText(cause, depth + 1)}`
        : msg;
}
/**
 * Whether a TUF refresh failed for want of an answer: a connection or DNS error, a timeout, or
 * an HTTP error status. tuf-js wraps snapshot and targets download failures into a message
 * (`Unable to load ... error <Error>`), so those are read from the text it writes.
 */
function mirrorUnreachable(e) {
    for (let c = e, depth = 0; c instanceof Error && depth < 8; c = c.cause, depth++) {
        if (c.name === 'TimeoutError' || c.name === 'AbortError')
            return true;
        if (c instanceof TypeError && c.message === 'fetch failed')
            return true;
        if (typeof c.statusCode === 'number')
            return true;
        if (/^Unable to load (?:snapshot metadata|targets) error (?:TypeError: fetch failed|TimeoutError|AbortError|Error: Failed to download)/.test(c.message))
            return true;
    }
    return false;
}
async function checkReadable(file) {
    try {
        if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file)).isFile())
            throw new Error('not a file');
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue('TRUST_ROOT', `tuf-root: cannot read ${file}: ${errorText(e)}`, {
            cause: e,
        });
    }
}
/** `signed.expires` of the cached timestamp.json, for the fallback warning. */
async function cachedTimestampExpiry(opts) {
    if (opts.cacheDir === undefined)
        return undefined;
    try {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(tufRepoDir(opts.cacheDir, opts.tufMirrorUrl), 'timestamp.json');
        const meta = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'));
        return typeof meta.signed?.expires === 'string' ? meta.signed.expires : undefined;
    }
    catch {
        return undefined;
    }
}
/** The directory in `cacheDir` where @sigstore/tuf keeps one mirror's metadata (its naming). */
function tufRepoDir(cacheDir, mirror = PUBLIC_GOOD_TUF_MIRROR) {
    const url = new URL(mirror);
    return node_path__WEBPACK_IMPORTED_MODULE_1__.join(cacheDir, encodeURIComponent(url.host + url.pathname.replace(/\/$/, '')));
}
/** The files of a TUF cache that seeding copies: everything but the trust anchor. */
const TUF_SEED_FILES = ['timestamp.json', 'snapshot.json', 'targets.json'];
/**
 * Seeds the TUF cache of `opts.cacheDir` for the mirror from `fromDir`, a copy of that mirror's
 * directory saved by an earlier run (the Action keeps one in the runner's tool cache). The
 * seed never supplies the trust anchor: root.json is written from `tufRootPath` or the root
 * shipped in @sigstore/tuf, and only timestamp, snapshot, targets and the target files are
 * copied, so everything taken from the seed must verify against our own root (a root rotated
 * since is fetched again). A cache that already has a root.json (an earlier step of the same
 * job) is `kept` as it is; a mirror without a known initial root is left alone (`no-anchor`).
 */
async function seedTufCache(opts, fromDir) {
    const mirror = opts.tufMirrorUrl ?? PUBLIC_GOOD_TUF_MIRROR;
    const repo = tufRepoDir(opts.cacheDir, mirror);
    const exists = async (p) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(p).then((s) => s.isFile(), () => false);
    if (await exists(node_path__WEBPACK_IMPORTED_MODULE_1__.join(repo, 'root.json')))
        return 'kept';
    let anchor;
    if (opts.tufRootPath !== undefined) {
        await checkReadable(opts.tufRootPath);
        anchor = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(opts.tufRootPath);
    }
    else {
        const seeds = _sigstore_tuf_seeds_json__WEBPACK_IMPORTED_MODULE_2__;
        const b64 = seeds[mirror]?.['root.json'];
        if (b64 === undefined)
            return 'no-anchor';
        anchor = Buffer.from(b64, 'base64');
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(repo, 'targets'), { recursive: true });
    for (const name of TUF_SEED_FILES) {
        if (await exists(node_path__WEBPACK_IMPORTED_MODULE_1__.join(fromDir, name)))
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(fromDir, name), node_path__WEBPACK_IMPORTED_MODULE_1__.join(repo, name));
    }
    const targets = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(fromDir, 'targets')).catch(() => []);
    for (const name of targets) {
        const from = node_path__WEBPACK_IMPORTED_MODULE_1__.join(fromDir, 'targets', name);
        if (await exists(from))
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)(from, node_path__WEBPACK_IMPORTED_MODULE_1__.join(repo, 'targets', name));
    }
    // Last, so a seed that failed half way leaves no root.json and the client seeds itself.
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(repo, 'root.json'), anchor);
    return 'seeded';
}
//# sourceMappingURL=tuf-cache.js.map

/***/ }),

/***/ 91211:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchVaultKey: () => (/* binding */ fetchVaultKey),
/* harmony export */   fetchVaultPublicKey: () => (/* binding */ fetchVaultPublicKey),
/* harmony export */   sU: () => (/* binding */ vaultTokenFile),
/* harmony export */   vaultSign: () => (/* binding */ vaultSign)
/* harmony export */ });
/* unused harmony exports parseVaultRef, publicKeyFromTransitResponse, transitKeyFromResponse */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62807);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(40332);
/* harmony import */ var _net_addresses_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(45166);
/* harmony import */ var _net_fetch_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(27670);
// HashiCorp Vault transit keys named `hashivault://NAME`, with the environment cosign's Vault
// provider reads (VAULT_ADDR, VAULT_TOKEN, TRANSIT_SECRET_ENGINE_PATH): the latest version's
// public key, and transit/sign for what image-gate signs (trust/signing-key.ts).







/** sigstore's hashivault reference grammar: word characters, dots and dashes inside. */
const VAULT_REF = /^hashivault:\/\/(\w(?:[\w.-]*\w)?)$/;
const MOUNT_SEGMENT = /^[\w.-]+$/;
const DEFAULT_TIMEOUT_MS = 30_000;
function unreadable(ref, why, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue('KEY_UNREADABLE', `key ${ref}: ${why}`, cause === undefined ? undefined : { cause });
}
function parseVaultRef(ref) {
    const m = VAULT_REF.exec(ref);
    if (!m?.[1])
        throw unreadable(ref, 'not a Vault reference (expected hashivault://<transit key name>)');
    return m[1];
}
function vaultAddress(ref, env) {
    const addr = env.VAULT_ADDR;
    if (!addr)
        throw unreadable(ref, 'VAULT_ADDR is not set');
    let url;
    try {
        url = new URL(addr);
    }
    catch (e) {
        throw unreadable(ref, `VAULT_ADDR "${(0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_5__/* .shownUrl */ .zA)(addr)}" is not a URL`, e);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw unreadable(ref, `VAULT_ADDR "${(0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_5__/* .shownUrl */ .zA)(addr)}" is not an http(s) URL`);
    }
    // The token would travel in clear and a forged answer would replace the trusted key.
    if (url.protocol === 'http:' && !(0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_5__/* .isLoopbackHost */ .cW)(url.hostname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue('INSECURE', `key ${ref}: VAULT_ADDR ${(0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_5__/* .shownUrl */ .zA)(addr)} is plain HTTP to a non-loopback host (use https)`);
    }
    return url;
}
function transitMount(ref, env) {
    const raw = env.TRANSIT_SECRET_ENGINE_PATH || 'transit';
    const segments = raw.split('/').filter((s) => s !== '');
    if (segments.length === 0 ||
        segments.some((s) => !MOUNT_SEGMENT.test(s) || s === '.' || s === '..')) {
        throw unreadable(ref, `TRANSIT_SECRET_ENGINE_PATH "${raw}" is not a mount path`);
    }
    return segments.join('/');
}
/** The token in ~/.vault-token, as the Vault CLI leaves it after `vault login`, if any. */
async function vaultTokenFile(env) {
    const home = env.HOME ?? env.USERPROFILE;
    if (!home)
        return undefined;
    try {
        const token = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(home, '.vault-token'), 'utf8')).trim();
        return token === '' ? undefined : token;
    }
    catch {
        return undefined;
    }
}
/** VAULT_TOKEN, else ~/.vault-token. */
async function vaultToken(ref, env) {
    if (env.VAULT_TOKEN)
        return env.VAULT_TOKEN;
    const token = await vaultTokenFile(env);
    if (token !== undefined)
        return token;
    throw unreadable(ref, 'VAULT_TOKEN is not set and there is no ~/.vault-token');
}
function obj(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
/** Vault's `errors`, with the token replaced should the server (or a proxy) quote it back. */
function vaultErrors(body, token) {
    try {
        const errors = obj(JSON.parse(body))?.errors;
        if (Array.isArray(errors) && errors.length > 0)
            return `: ${errors.map(String).join('; ').split(token).join('***')}`;
    }
    catch {
        // Not JSON: the status alone says enough.
    }
    return '';
}
/** The public key of the latest version, from Vault's `GET transit/keys/:name` answer. */
function publicKeyFromTransitResponse(ref, body) {
    return transitKeyFromResponse(ref, body).publicKey;
}
function transitKeyFromResponse(ref, body) {
    let doc;
    try {
        doc = JSON.parse(body);
    }
    catch (e) {
        throw unreadable(ref, 'Vault answered with something that is not JSON', e);
    }
    const data = obj(obj(doc)?.data);
    const keys = obj(data?.keys);
    const latest = data?.latest_version;
    if (!data || !keys || typeof latest !== 'number' || !Number.isInteger(latest)) {
        throw unreadable(ref, 'Vault transit answer lacks data.keys / data.latest_version');
    }
    const entry = obj(keys[String(latest)]);
    const type = typeof data.type === 'string' ? data.type : 'unknown';
    const publicKey = entry?.public_key;
    if (typeof publicKey !== 'string' || publicKey === '') {
        throw unreadable(ref, `Vault transit key (type ${type}) has no public key for version ${latest}; it is not an asymmetric signing key`);
    }
    try {
        // Vault returns Ed25519 keys as base64 of the raw 32 bytes, every other type as PEM.
        if (entry?.name === 'ed25519' || type === 'ed25519') {
            const raw = Buffer.from(publicKey, 'base64');
            if (raw.length !== 32)
                throw new Error(`Ed25519 key is ${raw.length} bytes, expected 32`);
            const key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({
                key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
                format: 'jwk',
            });
            return { publicKey: key, version: latest, type };
        }
        return { publicKey: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({ key: publicKey, format: 'pem' }), version: latest, type };
    }
    catch (e) {
        throw unreadable(ref, `Vault transit public key (type ${type}, version ${latest}) does not parse`, e);
    }
}
/**
 * One request to `VAULT_ADDR/v1/<mount>/<op>/<name><suffix>` with the token cosign's provider
 * reads. A redirect is refused naming where it pointed: key material and signatures are taken
 * from VAULT_ADDR's origin only.
 */
async function vaultRequest(ref, opts, op, request = {}) {
    const { env } = opts;
    const name = parseVaultRef(ref);
    const base = vaultAddress(ref, env);
    const mount = transitMount(ref, env);
    const token = await vaultToken(ref, env);
    // fetch would refuse it with a message quoting the whole value.
    if (!/^[\x21-\x7e]+$/.test(token))
        throw unreadable(ref, 'the Vault token holds white space or characters a header cannot carry');
    const url = `${base.origin}${base.pathname.replace(/\/+$/, '')}/v1/${mount}/${op}/${name}${request.suffix ?? ''}`;
    const timeoutSeconds = Number(env.VAULT_CLIENT_TIMEOUT);
    const timeoutMs = timeoutSeconds > 0 ? timeoutSeconds * 1000 : DEFAULT_TIMEOUT_MS;
    const headers = {
        'X-Vault-Request': 'true',
        Accept: 'application/json',
    };
    if (env.VAULT_NAMESPACE)
        headers['X-Vault-Namespace'] = env.VAULT_NAMESPACE;
    if (request.body !== undefined)
        headers['Content-Type'] = 'application/json';
    let res;
    try {
        // net/fetch.ts: a redirect is followed only under the target rules, and X-Vault-Token goes
        // to VAULT_ADDR's origin only, never to the other node or host a redirect names. A POST
        // (sign) is not redirected at all.
        res = await (0,_net_fetch_js__WEBPACK_IMPORTED_MODULE_6__/* .fetchCapped */ .M)({
            url: new URL(url),
            what: `key ${ref}`,
            peer: `Vault at ${base.origin}`,
            headers,
            credentials: { 'X-Vault-Token': token },
            maxBytes: _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.vaultResponseBytes,
            timeoutMs,
            ...(request.body !== undefined ? { method: 'POST', body: request.body } : {}),
            ...(opts.signal ? { signal: opts.signal } : {}),
            redact: (t) => t.split(token).join('***'),
        });
    }
    catch (e) {
        // The caller's deadline and the target rules keep their codes; anything else means the
        // key could not be read.
        if (opts.signal?.aborted || (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue && e.code === 'INSECURE'))
            throw e;
        const message = e instanceof Error ? e.message : String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GateError */ .ue('KEY_UNREADABLE', message, { cause: e });
    }
    const body = new TextDecoder().decode(res.body);
    // A standby node or proxy sent us elsewhere. The token stayed behind (see above), and a key is
    // trust material: it is taken only from VAULT_ADDR's origin, whatever the other host answers.
    if (res.url.origin !== base.origin)
        throw unreadable(ref, `Vault at ${base.origin} redirected to ${(0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_5__/* .redactUrl */ .BO)(res.url).split(token).join('***')} (HTTP ${res.status} there); the key is read from VAULT_ADDR's origin only: set VAULT_ADDR to the active node`);
    if (res.status >= 300 && res.status < 400) {
        const location = res.headers.get('location') ?? '(no Location)';
        throw unreadable(ref, `Vault at ${base.origin} answered HTTP ${res.status} redirecting to ${location.split(token).join('***')}; signing requests are not redirected: set VAULT_ADDR to the active node`);
    }
    return { status: res.status, body, name, mount, errors: vaultErrors(body, token) };
}
async function fetchVaultPublicKey(ref, opts) {
    return (await fetchVaultKey(ref, opts)).publicKey;
}
async function fetchVaultKey(ref, opts) {
    const { status, body, name, mount, errors } = await vaultRequest(ref, opts, 'keys');
    if (status === 200)
        return transitKeyFromResponse(ref, body);
    if (status === 403)
        throw unreadable(ref, `Vault denied reading transit key "${name}" at ${mount} (403${errors})`);
    if (status === 404)
        throw unreadable(ref, `Vault has no transit key "${name}" at mount ${mount} (404)`);
    throw unreadable(ref, `Vault answered ${status} for transit key "${name}"${errors}`);
}
/**
 * `POST transit/sign/:name/sha2-256` (or `transit/sign/:name` for an Ed25519 message) and the
 * signature out of Vault's `vault:vN:<base64>` answer, unchecked against the key.
 */
async function vaultSign(ref, opts, req) {
    const { status, body, name, mount, errors } = await vaultRequest(ref, opts, 'sign', {
        suffix: req.prehashed ? '/sha2-256' : '',
        body: JSON.stringify({
            input: Buffer.from(req.input).toString('base64'),
            prehashed: req.prehashed,
            key_version: req.version,
            signature_algorithm: 'pkcs1v15',
            marshaling_algorithm: 'asn1',
        }),
    });
    if (status === 403)
        throw unreadable(ref, `Vault denied signing with transit key "${name}" at ${mount} (403${errors}); the token needs update on ${mount}/sign/${name}/*`);
    if (status !== 200)
        throw unreadable(ref, `Vault refused to sign with transit key "${name}" at ${mount} (${status}${errors})`);
    let signature;
    try {
        signature = obj(obj(JSON.parse(body))?.data)?.signature;
    }
    catch (e) {
        throw unreadable(ref, 'Vault answered the sign request with something that is not JSON', e);
    }
    if (typeof signature !== 'string')
        throw unreadable(ref, 'Vault answered the sign request without data.signature');
    const m = /^vault:v(\d+):([A-Za-z0-9+/]*={0,2})$/.exec(signature);
    if (!m || (m[2] ?? '').length % 4 !== 0 || m[2] === '')
        throw unreadable(ref, `Vault's signature is not vault:v<N>:<base64> (got ${JSON.stringify(signature.slice(0, 40))})`);
    if (Number(m[1]) !== req.version)
        throw unreadable(ref, `Vault signed with version ${m[1]} of transit key "${name}", not version ${req.version} whose public key was read`);
    return Buffer.from(m[2] ?? '', 'base64');
}
//# sourceMappingURL=vault.js.map

/***/ }),

/***/ 50559:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ MEDIA_TYPES),
/* harmony export */   d: () => (/* binding */ MANIFEST_ACCEPT)
/* harmony export */ });
// Shared data types of the core: OCI descriptors/manifests, the content-store interface that
// every image source implements, and the per-signature evidence the report carries.
const MEDIA_TYPES = {
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    simpleSigning: 'application/vnd.dev.cosign.simplesigning.v1+json',
    dsseEnvelope: 'application/vnd.dsse.envelope.v1+json',
    bundleV03: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    ociEmpty: 'application/vnd.oci.empty.v1+json',
};
const MANIFEST_ACCEPT = [
    MEDIA_TYPES.ociManifest,
    MEDIA_TYPES.ociIndex,
    MEDIA_TYPES.dockerManifest,
    MEDIA_TYPES.dockerManifestList,
];
//# sourceMappingURL=types.js.map

/***/ }),

/***/ 96192:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hf: () => (/* binding */ eachCandidate),
/* harmony export */   LN: () => (/* binding */ referrersTag),
/* harmony export */   k2: () => (/* binding */ FormatOrder),
/* harmony export */   k4: () => (/* binding */ discover),
/* harmony export */   pi: () => (/* binding */ storageFormat),
/* harmony export */   vK: () => (/* binding */ mergeDiscoveries),
/* harmony export */   wE: () => (/* binding */ checkCount),
/* harmony export */   yy: () => (/* binding */ emptyDiscovery)
/* harmony export */ });
/* unused harmony export signatureTag */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62807);
/* harmony import */ var _signatures_legacy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8429);
/* harmony import */ var _signatures_strict_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56086);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(40332);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(50559);
// Finds every signature an image may carry, in both cosign formats and independently for each
// image: legacy `sha256-<hex>.sig` tags, and Sigstore bundles as OCI 1.1 referrers (or the
// `sha256-<hex>` tag-index fallback). Nothing found here is trusted until verified.






/** cosign's `<alg>-<hex>.sig|.att` tag, or undefined where that is no tag (a sha512 digest). */
function signatureTag(digest, suffix) {
    const tag = digest.replace(':', '-') + suffix;
    return TAG.test(tag) ? tag : undefined;
}
/**
 * The distribution spec's Referrers Tag Schema: the algorithm truncated to 32 characters, `-`,
 * the encoded part truncated to 64, characters a tag cannot hold replaced by `-`. A sha256
 * digest's is `sha256-<hex>`; a sha512 digest's keeps the first 64 of its 128 hex digits.
 */
function referrersTag(digest) {
    const colon = digest.indexOf(':');
    const alg = digest.slice(0, colon).slice(0, 32);
    const encoded = digest.slice(colon + 1).slice(0, 64);
    return `${alg}-${encoded}`.replace(/[^a-zA-Z0-9._-]/g, '-');
}
/** A tag as the distribution spec allows it. */
const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
function storageFormat(f) {
    if (f === 'legacy-tag' || f === 'legacy-att')
        return 'legacy';
    if (f === 'bundle-referrer' || f === 'bundle-tag')
        return 'bundle';
    return undefined;
}
/**
 * Run-wide memory of the storage format whose signature last verified in each repository. It
 * only orders the lookups of later images (see verify.ts); it never decides a verdict.
 */
class FormatOrder {
    last = new Map();
    first(store) {
        return this.last.get(store);
    }
    record(store, format) {
        this.last.set(store, format);
    }
}
/**
 * Every candidate of `digest`, fetched and kept: the attestation flow and require-all-keys judge
 * them all. They are read one at a time in lookup order (see eachCandidate) against the image's
 * byte budget; a failure to *obtain* evidence (network, limits) propagates as an error, while
 * unreadable content is recorded as a rejected candidate.
 */
async function discover(store, digest, opts = {}) {
    const result = emptyDiscovery();
    for await (const c of eachCandidate(store, digest, opts, result))
        result.candidates.push(c);
    checkCount(store, digest, result);
    return result;
}
function emptyDiscovery() {
    return { candidates: [], rejected: [], searched: [], ignored: [] };
}
/**
 * The candidates of `digest`, fetched and parsed one at a time, in order: the layers of each
 * legacy tag (`.sig`, then `.att` when asked) in manifest order, then the bundle referrers in the
 * order listed. Nothing is read ahead, so a consumer that has its verdict stops iterating and
 * the rest is never fetched; each candidate can be dropped once judged. Places looked in,
 * rejected and ignored entries are recorded in `log` (its `candidates` are left to the caller).
 * More than LIMITS.signaturesPerImage candidates: LIMIT_EXCEEDED when the next one is reached.
 */
async function* eachCandidate(store, digest, opts, log) {
    const suffixes = opts.legacySuffixes ?? ['.sig'];
    const formats = opts.formats ?? ['legacy', 'bundle'];
    let n = 0;
    const sources = [
        ...(formats.includes('legacy')
            ? suffixes.map((s) => () => legacyCandidates(store, digest, s, log))
            : []),
        ...(formats.includes('bundle')
            ? [() => bundleCandidates(store, digest, log, opts.predicateType)]
            : []),
    ];
    for (const source of sources) {
        for await (const c of source()) {
            if (++n > _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.signaturesPerImage)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('LIMIT_EXCEEDED', `${store.name}@${digest}: more than ${_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.signaturesPerImage} signatures found, limit ${_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.signaturesPerImage}`);
            yield c;
        }
    }
}
/** Lookups of the formats one at a time, as one (the caller applies the count limit). */
function mergeDiscoveries(a, b) {
    return {
        candidates: [...a.candidates, ...b.candidates],
        rejected: [...a.rejected, ...b.rejected],
        searched: [...a.searched, ...b.searched],
        ignored: [...a.ignored, ...b.ignored],
    };
}
/** More candidates than LIMITS.signaturesPerImage: LIMIT_EXCEEDED. */
function checkCount(store, digest, d, n = d.candidates.length) {
    if (n > _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.signaturesPerImage)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('LIMIT_EXCEEDED', `${store.name}@${digest}: ${n} signatures found, limit ${_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.signaturesPerImage}`);
}
async function* legacyCandidates(store, digest, suffix, out) {
    const tag = signatureTag(digest, suffix);
    if (tag === undefined) {
        // cosign cannot write one either (go-containerregistry refuses a tag over 128 characters).
        out.searched.push(`no ${suffix} tag (${digest.slice(0, digest.indexOf(':'))} digests have none)`);
        return;
    }
    out.searched.push(`tag ${tag}`);
    const sig = await store.getManifest(tag);
    if (!sig)
        return;
    const layers = sig.manifest.layers ?? [];
    if (layers.length > _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.layersPerManifest)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('LIMIT_EXCEEDED', `${store.name}:${tag} has ${layers.length} layers, limit ${_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.layersPerManifest}`);
    const wanted = suffix === '.att' ? _types_js__WEBPACK_IMPORTED_MODULE_5__/* .MEDIA_TYPES */ .Z.dsseEnvelope : _types_js__WEBPACK_IMPORTED_MODULE_5__/* .MEDIA_TYPES */ .Z.simpleSigning;
    const usable = layers.filter((l) => l.mediaType === wanted);
    // Layers holding cosign's default payload for this image need no fetch, so they are judged
    // first (the first valid signature decides); the rest follow in manifest order. A `.sig` signed
    // under two names (a mirror, `cosign copy`) or by two signers, one with `-a` annotations, then
    // costs no blob request when a default one verifies. The layer's number stays its place.
    const known = usable.map((l) => (suffix === '.sig' ? knownPayload(store, digest, l) : undefined));
    const order = usable.map((_, i) => i).sort((a, b) => Number(!known[a]) - Number(!known[b]));
    for (const [n, i] of order.entries()) {
        entryLimit(n, `${store.name}:${tag}`);
        const layer = usable[i];
        const where = `${tag} layer ${i}`;
        let payload;
        try {
            payload = known[i] ?? (await fetchLayer(store, layer, _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.payloadBytes, where));
        }
        catch (e) {
            const err = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .toGateError */ .Vl)(e);
            if (!isCandidateFault(err))
                throw err;
            out.rejected.push({ where, error: err });
            continue;
        }
        yield {
            kind: 'legacy',
            attestation: suffix === '.att',
            where,
            payload,
            annotations: layer.annotations ?? {},
            input: { uri: `oci://${store.name}:${tag}`, digest: layer.digest },
        };
    }
}
/**
 * A `.sig` layer whose digest is that of the payload cosign writes by default for this image
 * (`store.name@digest`, no annotations) holds exactly those bytes: SHA-256 proves it as surely as
 * fetching the blob and hashing it would, so the blob is not fetched. Any other layer (signed
 * with `-a` annotations, or under another name, as after `cosign copy`) is fetched as usual.
 * Either way the bytes are then checked and verified alike.
 */
function knownPayload(store, digest, layer) {
    if (!layer.digest.startsWith('sha256:'))
        return undefined;
    const payload = (0,_signatures_legacy_js__WEBPACK_IMPORTED_MODULE_2__/* .cosignSimpleSigningPayload */ .vK)(store.name, digest);
    if (layer.size !== payload.length)
        return undefined;
    const hex = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(payload).digest('hex');
    return layer.digest === `sha256:${hex}` ? payload : undefined;
}
async function* bundleCandidates(store, digest, out, predicateType) {
    let descriptors;
    let format = 'bundle-referrer';
    if (store.getReferrers) {
        out.searched.push('referrers API');
        descriptors = await store.getReferrers(digest, _types_js__WEBPACK_IMPORTED_MODULE_5__/* .MEDIA_TYPES */ .Z.bundleV03);
    }
    if (descriptors === undefined) {
        format = 'bundle-tag';
        const tag = referrersTag(digest);
        out.searched.push(`tag ${tag}`);
        const index = await store.getManifest(tag);
        // GitLab's registry reads `sha256-<hex>` as the digest `sha256:<hex>` and answers with the
        // image itself (oras-project/oras-go#1396): its own entries (an index's platforms) are no
        // referrers. Per the distribution spec, a fallback tag that is not a valid index means "no
        // referrers" too.
        descriptors = index && index.digest !== digest ? (index.manifest.manifests ?? []) : [];
    }
    // An entry listing the OCI empty config type may be a bundle too: Harbor lists a manifest's
    // config media type in place of its artifactType (goharbor/harbor#19867), and cosign's
    // fallback indexes did (sigstore/cosign#4422); readBundle then goes by the manifest's own.
    const bundles = descriptors.filter((d) => (d.artifactType === _types_js__WEBPACK_IMPORTED_MODULE_5__/* .MEDIA_TYPES */ .Z.bundleV03 || d.artifactType === _types_js__WEBPACK_IMPORTED_MODULE_5__/* .MEDIA_TYPES */ .Z.ociEmpty) &&
        (predicateType === undefined ||
            d.annotations?.['dev.sigstore.bundle.predicateType'] === predicateType));
    for (const [i, desc] of bundles.entries()) {
        entryLimit(i, `${format === 'bundle-tag' ? 'tag index' : 'referrers'} of ${store.name}@${digest}`);
        const where = `${format === 'bundle-tag' ? 'tag index' : 'referrer'} ${desc.digest}`;
        let candidate;
        try {
            candidate = await readBundle(store, digest, desc, where, format, out);
        }
        catch (e) {
            const err = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .toGateError */ .Vl)(e);
            if (!isCandidateFault(err))
                throw err;
            out.rejected.push({ where, error: err });
        }
        if (candidate)
            yield candidate;
    }
}
/** One referrer: its manifest, which must name `digest`, and its single bundle layer, parsed. */
async function readBundle(store, digest, desc, where, format, out) {
    const found = await store.getManifest(desc.digest);
    if (!found)
        return undefined;
    const m = found.manifest;
    // The referrers list is unauthenticated: the manifest itself must name this image. One
    // that names another is about another image, so it is skipped, not counted as a bad
    // signature of this one (SECURITY.md 6.30); whatever it carries is never verified here.
    if (m.subject?.digest !== digest) {
        out.ignored.push({
            where,
            why: `its subject is ${m.subject?.digest ?? 'absent'}, not ${digest}`,
        });
        return undefined;
    }
    // Listed under the empty config type: a bundle only if the manifest says so itself.
    if (desc.artifactType !== _types_js__WEBPACK_IMPORTED_MODULE_5__/* .MEDIA_TYPES */ .Z.bundleV03 && m.artifactType !== _types_js__WEBPACK_IMPORTED_MODULE_5__/* .MEDIA_TYPES */ .Z.bundleV03) {
        out.ignored.push({
            where,
            why: `its artifactType is ${m.artifactType ?? 'absent'}, not ${_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MEDIA_TYPES */ .Z.bundleV03}`,
        });
        return undefined;
    }
    const layers = (m.layers ?? []).filter((l) => l.mediaType === _types_js__WEBPACK_IMPORTED_MODULE_5__/* .MEDIA_TYPES */ .Z.bundleV03);
    if (layers.length !== 1 || (m.layers ?? []).length !== 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `${where}: expected exactly one bundle layer`);
    const bytes = await fetchLayer(store, layers[0], _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.bundleBytes, where);
    let bundle;
    try {
        // Strictly, as sigstore-go's protojson reads it for cosign: a key given twice is refused,
        // not read as its last value.
        bundle = (0,_signatures_strict_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCheckedJsonBytes */ .uv)(bytes);
    }
    catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `${where}: bundle is not JSON read one way (${why})`, {
            cause: e,
        });
    }
    const hint = m.annotations?.['dev.sigstore.bundle.predicateType'];
    return {
        kind: 'bundle',
        where,
        format,
        bundle,
        ...(hint ? { predicateTypeHint: hint } : {}),
        input: { uri: `oci://${store.name}@${found.digest}`, digest: found.digest },
    };
}
/**
 * A layer's blob, read no further than its descriptor's size (go-containerregistry checks the
 * size as well as the digest): a layer that declares more than `cap` is not fetched at all, and
 * one that sends more than it declared stops there.
 */
function fetchLayer(store, layer, cap, where) {
    if (layer.size > cap)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('LIMIT_EXCEEDED', `${where}: layer ${layer.digest} declares ${layer.size} bytes, limit ${cap}`);
    return store.getBlob(layer.digest, layer.size);
}
/**
 * Entries are read in order until one decides; reaching entry LIMITS.signaturesPerImage + 1 of
 * one list means none of the first ones did, whatever they were (rejected, ignored, invalid).
 */
function entryLimit(i, list) {
    if (i >= _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.signaturesPerImage)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('LIMIT_EXCEEDED', `${list}: more than ${_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.signaturesPerImage} entries read without a verdict, limit ${_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.signaturesPerImage}`);
}
/**
 * Faults of one attacker-writable candidate: a verdict on it (malformed, wrong digest), or one
 * read over its own cap (a layer declaring more than the limit, a manifest larger than 4 MiB).
 * The latter is recorded as a rejection with its own code: it cannot outweigh a candidate that
 * verifies, and is the error (exit 2) only when none does (see `judge` in verify.ts). A spent
 * byte budget is no candidate's fault and ends the lookup.
 */
function isCandidateFault(e) {
    if (e.code === 'LIMIT_EXCEEDED')
        return !(0,_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .budgetExhausted */ .vQ)();
    return ['MALFORMED', 'DIGEST_MISMATCH', 'NOT_FOUND', 'PAYLOAD_MISMATCH'].includes(e.code);
}
//# sourceMappingURL=discovery.js.map

/***/ })

};

//# sourceMappingURL=814.index.js.map