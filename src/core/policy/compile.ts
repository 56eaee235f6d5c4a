// GateOptions -> RunPolicy, once per run: the flags' rule or the policy file's rules, each checked
// by the one rule validator and compiled with its keys loaded. Settings that are not policy
// (concurrency, deadline, registries, credentials) are RunSettings (src/core/settings.ts).
import { GateError } from '../errors.js';
import type { GateOptions } from '../options.js';
import { hasAttestationSigners, hasImageSigners, ruleFromOptions } from './from-options.js';
import { modeProblem } from './mode.js';
import { compileRule, OPTION_WORDS, ruleProblems, type RunWideRule } from './rule.js';
import type { RunPolicy } from './types.js';
import { revocationsSignerProblem, shownSource, type RevocationsSpec } from '../revocation/load.js';

export async function compileRunPolicy(o: GateOptions, env: NodeJS.ProcessEnv): Promise<RunPolicy> {
  const mode = {
    ...(o.mode !== undefined ? { mode: o.mode } : {}),
    ...(o.enforceAfter !== undefined ? { enforceAfter: o.enforceAfter } : {}),
  };
  const run: RunWideRule = {
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
    const problem = ruleProblems(spec, OPTION_WORDS)[0];
    if (problem) throw new GateError('USAGE', problem.message);
    return {
      rules: [await compileRule(spec, run, env)],
      unmatched: 'fail',
      ...(github ? { github } : {}),
      ...(flagged ? { revocations: flagged } : {}),
    };
  }
  refuseRuleOptions(o);
  // The flags' mode is the default of the file's rules that state none: refused as for the flags.
  const modeWrong = modeProblem(mode, OPTION_WORDS.mode);
  if (modeWrong) throw new GateError('USAGE', modeWrong);
  // The YAML parser is loaded only for runs that have a policy file.
  const { loadPolicyFile } = await import('./file.js');
  const file = await loadPolicyFile(o.policyFile);
  const rules = [];
  for (const spec of file.rules) rules.push(await compileRule(spec, run, env));
  if (flagged && file.revocations)
    throw new GateError(
      'USAGE',
      `revocations: ${o.policyFile} line ${file.revocations.line} names a revocation list (${shownSource(file.revocations.source)}); remove revocations and revocations-* from the flags or inputs, or from the file`,
    );
  let revocations: RevocationsSpec | undefined = flagged;
  if (file.revocations) {
    const { line, ...spec } = file.revocations;
    const problem = revocationsSignerProblem(spec);
    if (problem) throw new GateError('USAGE', `${o.policyFile} line ${line}: ${problem}`);
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
function revocationsFromOptions(o: GateOptions): RevocationsSpec | undefined {
  const signer = {
    ...(o.revocationsKey !== undefined ? { key: o.revocationsKey } : {}),
    ...(o.revocationsIdentity !== undefined ? { identity: o.revocationsIdentity } : {}),
    ...(o.revocationsIssuer !== undefined ? { issuer: o.revocationsIssuer } : {}),
  };
  if (o.revocations === undefined || o.revocations === '') {
    if (Object.keys(signer).length)
      throw new GateError(
        'USAGE',
        'revocations-key / revocations-certificate-identity / revocations-certificate-oidc-issuer name the signer of a revocation list, but no revocations list is given',
      );
    return undefined;
  }
  const spec = { source: o.revocations, ...signer };
  const problem = revocationsSignerProblem(spec);
  if (problem) throw new GateError('USAGE', problem);
  return spec;
}

/** A policy file states signers and attestations per image: the flags for them would be ignored. */
function refuseRuleOptions(o: GateOptions): void {
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
    throw new GateError(
      'USAGE',
      `policy: ${o.policyFile} states the signers and attestations per image; remove ${conflicting.join(', ')}`,
    );
}
