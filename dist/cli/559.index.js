export const id = 559;
export const ids = [559];
export const modules = {

/***/ 86559:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runGate: () => (/* binding */ runGate)
});

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
// EXTERNAL MODULE: ./build/core/revocation/load.js
var load = __webpack_require__(52795);
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
        throw new errors/* GateError */.ue('USAGE', `revocations: ${o.policyFile} line ${file.revocations.line} names a revocation list (${(0,load/* shownSource */.Vt)(file.revocations.source)}); remove revocations and revocations-* from the flags or inputs, or from the file`);
    let revocations = flagged;
    if (file.revocations) {
        const { line, ...spec } = file.revocations;
        const problem = (0,load/* revocationsSignerProblem */.P_)(spec);
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
    const problem = (0,load/* revocationsSignerProblem */.P_)(spec);
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
var options = __webpack_require__(91468);
// EXTERNAL MODULE: ./build/core/signatures/identity.js
var identity = __webpack_require__(59956);
// EXTERNAL MODULE: ./build/core/net/addresses.js
var addresses = __webpack_require__(45166);
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
                platforms: ctx.platforms === 'all' ? 'all' : ctx.platforms.map((p) => (0,options/* formatPlatform */.Bq)(p)).join(','),
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
// EXTERNAL MODULE: ./build/core/registry/limits.js
var registry_limits = __webpack_require__(11858);
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
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
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
    const { createSummarySigner } = await Promise.all(/* import() */[__webpack_require__.e(335), __webpack_require__.e(179), __webpack_require__.e(399)]).then(__webpack_require__.bind(__webpack_require__, 56780));
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
// EXTERNAL MODULE: ./build/core/trust/keys.js + 1 modules
var trust_keys = __webpack_require__(36123);
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
// EXTERNAL MODULE: ./build/core/signatures/verifier.js + 13 modules
var signatures_verifier = __webpack_require__(77368);
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
// EXTERNAL MODULE: ./build/core/signatures/strict-json.js
var strict_json = __webpack_require__(56086);
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
    if (!isObject(v))
        throw new errors/* GateError */.ue('MALFORMED', `${where}: not a descriptor object`);
    goSpelling(v, DESCRIPTOR_FIELDS, where);
    if (isObject(v.platform))
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
        if (!isObject(p) || typeof p.os !== 'string' || typeof p.architecture !== 'string') {
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
    if (!isObject(v))
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
function isObject(v) {
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
    if (!isObject(v))
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
// EXTERNAL MODULE: ./build/core/trust/root.js + 1 modules
var trust_root = __webpack_require__(53798);
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
// EXTERNAL MODULE: ./build/core/revocation/list.js
var revocation_list = __webpack_require__(67639);
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
        const m = (0,revocation_list/* matchSignature */.Yl)(list, {
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
            reason: `signature for key ${o.key.keyRef} ${(0,revocation_list/* revokedReason */.B)(list, m)}`,
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
        platform: d.platform ? (0,options/* formatPlatform */.Bq)(d.platform) : 'unspecified',
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
            missing.push((0,options/* formatPlatform */.Bq)(want));
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
    const m = list && (0,revocation_list/* matchDigest */.mX)(list, digest);
    return list && m ? (0,revocation_list/* revokedReason */.B)(list, m) : undefined;
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
        const m = (0,revocation_list/* matchSignature */.Yl)(list, ev);
        if (m)
            throw new errors/* GateError */.ue('REVOKED', `${what}: signature ${(0,revocation_list/* revokedReason */.B)(list, m)}`);
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
            ? await (0,load/* loadRevocations */.uh)(policy.revocations, {
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

/***/ 53798:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TRUSTED_ROOT_WARN_MS: () => (/* binding */ TRUSTED_ROOT_WARN_MS),
  describeTrustedRootSource: () => (/* binding */ describeTrustedRootSource),
  embeddedTrustedRoot: () => (/* binding */ embeddedTrustedRoot),
  loadTrustedRoot: () => (/* binding */ loadTrustedRoot),
  rootLoadOptions: () => (/* binding */ rootLoadOptions),
  trustedRootWarnings: () => (/* binding */ trustedRootWarnings),
  validateTrustedRoot: () => (/* binding */ validateTrustedRoot)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var dist = __webpack_require__(19654);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(54187);
// EXTERNAL MODULE: ./node_modules/@sigstore/tuf/seeds.json
var tuf_seeds = __webpack_require__(8032);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(62807);
// EXTERNAL MODULE: ./build/core/limits.js
var limits = __webpack_require__(40332);
// EXTERNAL MODULE: ./build/core/net/addresses.js
var addresses = __webpack_require__(45166);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./build/core/trust/tuf-cache.js
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
        if (!(await (0,promises_.stat)(file)).isFile())
            throw new Error('not a file');
    }
    catch (e) {
        throw new errors/* GateError */.ue('TRUST_ROOT', `tuf-root: cannot read ${file}: ${errorText(e)}`, {
            cause: e,
        });
    }
}
/** `signed.expires` of the cached timestamp.json, for the fallback warning. */
async function cachedTimestampExpiry(opts) {
    if (opts.cacheDir === undefined)
        return undefined;
    try {
        const file = external_node_path_.join(tufRepoDir(opts.cacheDir, opts.tufMirrorUrl), 'timestamp.json');
        const meta = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        return typeof meta.signed?.expires === 'string' ? meta.signed.expires : undefined;
    }
    catch {
        return undefined;
    }
}
/** The directory in `cacheDir` where @sigstore/tuf keeps one mirror's metadata (its naming). */
function tufRepoDir(cacheDir, mirror = PUBLIC_GOOD_TUF_MIRROR) {
    const url = new URL(mirror);
    return external_node_path_.join(cacheDir, encodeURIComponent(url.host + url.pathname.replace(/\/$/, '')));
}
/** The files of a TUF cache that seeding copies: everything but the trust anchor. */
const TUF_SEED_FILES = (/* unused pure expression or super */ null && (['timestamp.json', 'snapshot.json', 'targets.json']));
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
    const exists = async (p) => stat(p).then((s) => s.isFile(), () => false);
    if (await exists(path.join(repo, 'root.json')))
        return 'kept';
    let anchor;
    if (opts.tufRootPath !== undefined) {
        await checkReadable(opts.tufRootPath);
        anchor = await readFile(opts.tufRootPath);
    }
    else {
        const seeds = tufSeeds;
        const b64 = seeds[mirror]?.['root.json'];
        if (b64 === undefined)
            return 'no-anchor';
        anchor = Buffer.from(b64, 'base64');
    }
    await mkdir(path.join(repo, 'targets'), { recursive: true });
    for (const name of TUF_SEED_FILES) {
        if (await exists(path.join(fromDir, name)))
            await copyFile(path.join(fromDir, name), path.join(repo, name));
    }
    const targets = await readdir(path.join(fromDir, 'targets')).catch(() => []);
    for (const name of targets) {
        const from = path.join(fromDir, 'targets', name);
        if (await exists(from))
            await copyFile(from, path.join(repo, 'targets', name));
    }
    // Last, so a seed that failed half way leaves no root.json and the client seeds itself.
    await writeFile(path.join(repo, 'root.json'), anchor);
    return 'seeded';
}
//# sourceMappingURL=tuf-cache.js.map
;// CONCATENATED MODULE: ./build/core/trust/root.js
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
        throw new errors/* GateError */.ue('USAGE', 'tuf-mirror and tuf-root are for a trusted root fetched with TUF; they exclude trusted-root and offline');
    if (opts.trustedRootPath !== undefined)
        return loadFromFile(opts.trustedRootPath, opts.onFileRead);
    if (opts.offline)
        return embeddedTrustedRoot();
    return loadFromTuf(opts);
}
/** The public-good trusted root that ships inside @sigstore/tuf's seeds (no network). */
function embeddedTrustedRoot() {
    const seeds = tuf_seeds;
    const b64 = seeds[PUBLIC_GOOD_TUF_MIRROR]?.targets?.['trusted_root.json'];
    if (b64 === undefined) {
        throw new errors/* GateError */.ue('TRUST_ROOT', 'trusted-root: the embedded public-good trusted root is missing from @sigstore/tuf seeds');
    }
    return validateTrustedRoot(Buffer.from(b64, 'base64').toString('utf8'), 'the embedded public-good trusted root');
}
async function loadFromFile(path, onFileRead) {
    let read;
    try {
        read = await (0,limits/* readFileCapped */.uh)(path, limits/* LIMITS */.b1.trustedRootBytes);
    }
    catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: cannot read ${path}: ${why}`, { cause: e });
    }
    if (read.over)
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: ${path} is larger than ${limits/* LIMITS */.b1.trustedRootBytes} bytes, more than any trusted root`);
    onFileRead?.((0,external_node_crypto_.createHash)('sha256').update(read.bytes).digest('hex'));
    return validateTrustedRoot(read.bytes.toString('utf8'), path);
}
async function loadFromTuf(opts) {
    const mirror = opts.tufMirrorUrl ?? PUBLIC_GOOD_TUF_MIRROR;
    // A mirror URL may carry a token in its query: messages show it redacted.
    const shownMirror = (0,addresses/* shownUrl */.zA)(mirror);
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
        await checkReadable(opts.tufRootPath);
    let root;
    try {
        root = await fetchRoot(false, opts.fetchRetries ?? 2);
    }
    catch (e) {
        // No fallback to the embedded root: an online run that cannot refresh must say so,
        // or a blocked mirror would silently pin users to stale (possibly revoked) keys.
        const why = errorText(e).split(mirror).join(shownMirror);
        const failed = `trusted-root: TUF update from ${shownMirror} failed: ${why}`;
        // A mirror that cannot be reached (down, slow, an HTTP error) leaves the metadata an
        // earlier run verified: tuf-js's forceCache loads it only while the cached timestamp,
        // snapshot and targets verify against the root and none of them (nor the root) has
        // expired, and checks trusted_root.json against its hash. A mirror that answered with
        // metadata that does not verify is refused outright: that is an attack or a broken
        // repository, and must not be hidden behind a warning.
        if (!mirrorUnreachable(e))
            throw new errors/* GateError */.ue('TRUST_ROOT', failed, { cause: e });
        try {
            root = await fetchRoot(true, 0);
        }
        catch (e2) {
            throw new errors/* GateError */.ue('TRUST_ROOT', `${failed}; no unexpired cached TUF metadata to fall back on (${errorText(e2).split(mirror).join(shownMirror)})`, { cause: e });
        }
        const until = await cachedTimestampExpiry(opts);
        opts.warnings?.push(`TUF update from ${shownMirror} failed (${why}); using the TUF metadata an earlier run cached` +
            `${until ? `, verified and valid until ${until}` : ', verified and unexpired'}: ` +
            'keys rotated or revoked since then are not known to this run');
    }
    return validateTrustedRoot(JSON.stringify(dist.TrustedRoot.toJSON(root)), `TUF mirror ${shownMirror}`);
}
/** An error's message with its causes' (tuf-js and fetch put the useful part in a cause). */
/** Parse and check that `text` is a usable trusted root; `source` names it in messages. */
function validateTrustedRoot(text, source) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (e) {
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: ${source} is not JSON`, { cause: e });
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: ${source} is not a JSON object`);
    }
    const obj = json;
    const mediaType = obj['mediaType'];
    if (typeof mediaType !== 'string' || !TRUSTED_ROOT_MEDIA_TYPE.test(mediaType)) {
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: ${source} is not a trusted root (mediaType ${JSON.stringify(mediaType)})`);
    }
    for (const field of ['tlogs', 'certificateAuthorities', 'ctlogs', 'timestampAuthorities']) {
        const v = obj[field];
        if (v !== undefined && !Array.isArray(v)) {
            throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: ${source}: ${field} is not a list`);
        }
    }
    const lists = ['tlogs', 'certificateAuthorities', 'timestampAuthorities'];
    if (lists.every((f) => (obj[f] ?? []).length === 0)) {
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: ${source} has no transparency logs, CAs or TSAs`);
    }
    try {
        // Parse every key and certificate now, so a broken root fails at load, not per image.
        (0,verify_dist/* toTrustMaterial */.jO)(dist.TrustedRoot.fromJSON(obj));
    }
    catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: ${source} does not parse: ${why}`, {
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
    return `the trusted root from TUF mirror ${(0,addresses/* shownUrl */.zA)(opts.tufMirrorUrl ?? PUBLIC_GOOD_TUF_MIRROR)}`;
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
            const t = Date.parse(new external_node_crypto_.X509Certificate(Buffer.from(raw, 'base64')).validTo);
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
    const seeds = tuf_seeds;
    const b64 = seeds[PUBLIC_GOOD_TUF_MIRROR]?.['root.json'];
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

//# sourceMappingURL=559.index.js.map