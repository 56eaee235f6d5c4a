// Verification plans: who may sign images and attestations, which attestations are required
// and on what conditions. One plan from the options, or one per rule of a policy file; keys are
// loaded once per plan and shared by every image it governs.
import {
  attestationSignerOptions,
  buildAttestationRequirement,
  hasAttestationSigners,
  hasImageSigners,
} from './attestation-policy.js';
import type { AttestationRequirement } from './attestations/types.js';
import { GateError } from './errors.js';
import type { GateOptions } from './options.js';
import type { IdentityRule, Policy } from './policy.js';
import type { PolicyFile, PolicyFileRule } from './policy-file.js';
import { loadKeys } from './trust/keys.js';
import type { KeyValidity } from './trust/key-types.js';

export interface PlanSpec {
  /** `options`, or the policy-file rule's name. */
  name: string;
  /** Who may sign the image. */
  policy: Policy;
  /** Who may sign attestations, when not the image's signers. */
  attPolicy?: Policy;
  requirement?: AttestationRequirement;
  requireSignature: boolean;
}

export interface Plans {
  specs: PlanSpec[];
  /** Set when the plans come from a policy file: rule -> spec. */
  file?: { policy: PolicyFile; byRule: Map<PolicyFileRule, PlanSpec> };
}

type BuildPolicy = (o: GateOptions, env: NodeJS.ProcessEnv) => Promise<Policy>;

export async function buildPlans(
  o: GateOptions,
  env: NodeJS.ProcessEnv,
  buildPolicy: BuildPolicy,
): Promise<Plans> {
  if (o.policyFile === undefined || o.policyFile === '')
    return { specs: [await planFromOptions(o, env, buildPolicy)] };
  const conflicting = [
    hasImageSigners(o) && 'key / certificate-* / signer-*',
    hasAttestationSigners(o) && 'attestation-key / attestation-certificate-*',
    (o.attestations?.length ?? 0) > 0 && 'attestations',
    o.requireSignature !== undefined && 'require-signature',
    o.maxVulnAge && 'max-vuln-age',
    o.failOnSeverity && 'fail-on-severity',
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
  // The YAML parser is loaded only for runs that have a policy file.
  const { loadPolicyFile } = await import('./policy-file.js');
  const file = await loadPolicyFile(o.policyFile);
  const byRule = new Map<PolicyFileRule, PlanSpec>();
  const tlog = { requireTlog: !o.insecureIgnoreTlog, requireSct: !o.insecureIgnoreSct };
  const policyOf = async (
    keys: string[],
    identities: IdentityRule[],
    validity: Record<string, KeyValidity> = {},
  ): Promise<Policy> => ({
    keys: keys.length ? await loadKeys(keys, { env, validity }) : [],
    identities,
    ...tlog,
  });
  for (const rule of file.rules) {
    const hasAtt = rule.attestationKeys !== undefined || rule.attestationIdentities !== undefined;
    const types = rule.attestations;
    const requirement =
      types.length || Object.keys(rule.conditions).length
        ? { types, conditions: rule.conditions }
        : undefined;
    const spec: PlanSpec = {
      name: rule.name,
      policy: await policyOf(rule.keys, rule.identities, rule.keyValidity),
      ...(hasAtt
        ? {
            attPolicy: await policyOf(
              rule.attestationKeys ?? [],
              rule.attestationIdentities ?? [],
              rule.attestationKeyValidity,
            ),
          }
        : {}),
      ...(requirement ? { requirement } : {}),
      requireSignature: rule.requireSignature,
    };
    byRule.set(rule, spec);
  }
  return { specs: [...byRule.values()], file: { policy: file, byRule } };
}

async function planFromOptions(
  o: GateOptions,
  env: NodeJS.ProcessEnv,
  buildPolicy: BuildPolicy,
): Promise<PlanSpec> {
  const requirement = buildAttestationRequirement(o);
  const attPolicy =
    requirement && hasAttestationSigners(o)
      ? await buildPolicy(attestationSignerOptions(o), env)
      : undefined;
  // With require-signature=false and only attestation signers named, they are the policy.
  const policy =
    o.requireSignature === false && attPolicy && !hasImageSigners(o)
      ? attPolicy
      : await buildPolicy(o, env);
  return {
    name: 'options',
    policy,
    ...(attPolicy ? { attPolicy } : {}),
    ...(requirement ? { requirement } : {}),
    requireSignature: o.requireSignature ?? true,
  };
}

/** Whether verifying under this plan needs Sigstore trust material (a tlog or keyless). */
export function needsTrustRoot(spec: PlanSpec): boolean {
  return [spec.policy, spec.attPolicy].some(
    (p) =>
      p !== undefined &&
      (p.identities.length > 0 || p.requireTlog || p.keys.some((k) => k.validFor)),
  );
}
