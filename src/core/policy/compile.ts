// GateOptions -> RunPolicy, once per run: the flags' rule or the policy file's rules, each checked
// by the one rule validator and compiled with its keys loaded. Settings that are not policy
// (concurrency, deadline, registries, credentials) are RunSettings (src/core/settings.ts).
import { GateError } from '../errors.js';
import type { GateOptions } from '../options.js';
import { hasAttestationSigners, hasImageSigners, ruleFromOptions } from './from-options.js';
import { modeProblem } from './mode.js';
import { compileRule, OPTION_WORDS, ruleProblems, type RunWideRule } from './rule.js';
import type { RunPolicy } from './types.js';

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
  if (o.policyFile === undefined || o.policyFile === '') {
    const spec = ruleFromOptions(o);
    const problem = ruleProblems(spec, OPTION_WORDS)[0];
    if (problem) throw new GateError('USAGE', problem.message);
    return {
      rules: [await compileRule(spec, run, env)],
      unmatched: 'fail',
      ...(github ? { github } : {}),
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
  return { file, rules, unmatched: file.unmatched, ...(github ? { github } : {}) };
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
