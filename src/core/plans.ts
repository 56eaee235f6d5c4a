// Verification plans: who may sign images and attestations, which attestations are required
// and on what conditions. One plan from the options, or one per rule of a policy file; keys are
// loaded once per plan and shared by every image it governs.
import {
  attestationSignerOptions,
  buildAttestationRequirement,
  hasAttestationSigners,
  hasImageSigners,
} from './attestation-policy.js';
import { predicateLabel, type AttestationRequirement } from './attestations/types.js';
import { GateError } from './errors.js';
import type { GateOptions } from './options.js';
import type { IdentityRule, Policy } from './policy.js';
import type { PolicyFile, PolicyFileRule } from './policy-file.js';
import { matchPolicyRule, policyImageName } from './policy-match.js';
import { parseReference } from './reference.js';
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

/** The plan that governs an image: the options plan, its policy-file rule's, or none (unmatched). */
export function planForImage(
  plans: Plans,
  ref: ReturnType<typeof parseReference>,
): PlanSpec | undefined {
  if (!plans.file) return plans.specs[0];
  const m = matchPolicyRule(plans.file.policy, policyImageName(ref));
  return m.rule ? plans.file.byRule.get(m.rule) : undefined;
}

/**
 * s3lo stores hold a tag's manifest and key-signature records, nothing else: no attestations, no
 * Sigstore bundles, no signatures on platform manifests. An s3lo image under a plan that asks for
 * more would pass on its record alone, so the run is refused before any I/O, naming the images and
 * what they cannot meet. `platforms` and `require-all-keys` come from the run; the rest per plan.
 */
export function checkS3loPlans(
  images: string[],
  plans: Plans,
  run: Pick<GateOptions, 'platforms'>,
): void {
  const unmet = new Map<string, string[]>();
  const add = (what: string, image: string): void => {
    const list = unmet.get(what) ?? [];
    if (!list.includes(image)) list.push(image);
    unmet.set(what, list);
  };
  for (const image of images) {
    let ref;
    try {
      ref = parseReference(image);
    } catch {
      continue; // the batch reports it as REF_INVALID
    }
    if (ref.kind !== 's3lo') continue;
    const spec = planForImage(plans, ref);
    if (!spec) continue; // unmatched: the policy file's own decision, nothing to skip
    const under = plans.file ? ` (rule '${spec.name}')` : '';
    if (run.platforms !== undefined)
      add("platforms (s3lo signs the tag's manifest only, never platform manifests)", image);
    for (const what of requirementsOf(spec)) add(`${what}${under}`, image);
    if (!spec.requireSignature)
      add(
        `require-signature=false${under} (s3lo images are verified by their signature records alone)`,
        image,
      );
    if (spec.policy.keys.length === 0)
      add(
        `a key${under}: it names only keyless identities, and s3lo records are signed with keys`,
        image,
      );
  }
  if (unmet.size === 0) return;
  const lines = [...unmet].map(([what, list]) => `${what}: ${list.join(', ')}`);
  throw new GateError(
    'USAGE',
    `s3lo images cannot meet this policy; an s3lo store holds no attestations, only signature records. Unmet: ${lines.join('; ')}`,
  );
}

function requirementsOf(spec: PlanSpec): string[] {
  const r = spec.requirement;
  if (!r) return [];
  const out: string[] = [];
  if (r.types.length) out.push(`attestations ${r.types.map(predicateLabel).join(', ')}`);
  const c = r.conditions;
  const names = [
    c.maxVulnAgeMs !== undefined && 'max-vuln-age',
    c.failOnSeverity?.length && 'fail-on-severity',
    c.denyPackages?.length && 'deny-packages',
    c.slsa?.builderId && 'builder-id',
    c.slsa?.sourceRepository && 'provenance-source-repository',
    c.slsa?.sourceRef && 'provenance-source-ref',
  ].filter((n): n is string => typeof n === 'string');
  if (names.length) out.push(`attestation conditions ${names.join(', ')}`);
  return out;
}
