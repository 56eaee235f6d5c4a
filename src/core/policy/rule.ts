// The one rule validator, and the compilation of one checked rule into an ImagePolicy. Both a
// policy-file entry and the flags' rule pass through `ruleProblems`, so a rule that names no
// signer, or lets attestations decide without asking for any, is refused whatever its source.
import { GateError } from '../errors.js';
import { loadKeys } from '../trust/keys.js';
import type { Signers } from '../signatures/signer-policy.js';
import type { VerificationKey } from '../trust/key-types.js';
import type { PlatformSelection } from '../options.js';
import { compileMode, modeProblem, type ModeStated } from './mode.js';
import type { ImagePolicy, RuleSpec } from './types.js';

/** A vuln scan a rule relies on, with no max-vuln-age / maxVulnAge, must be at most this old. */
export const DEFAULT_MAX_VULN_AGE_MS = 48 * 3_600_000;

/**
 * The age limit a rule's vuln scans are held to: the one given, else the default whenever the
 * rule relies on a scan, by requiring `vuln` or by judging its findings (fail-on-severity reads
 * only a scan: one from last year with no criticals says nothing of today's).
 */
export function vulnAgeLimit(
  given: number | undefined,
  types: readonly string[],
  failOnSeverity: readonly string[] | undefined,
  vulnType: string,
): number | undefined {
  if (given !== undefined) return given;
  return types.includes(vulnType) || (failOnSeverity?.length ?? 0) > 0
    ? DEFAULT_MAX_VULN_AGE_MS
    : undefined;
}

/** The words a source uses for the fields a problem is about. */
export interface RuleWords {
  /** Prefix of the no-signer problem, and what to give instead. */
  noSigner: string;
  /** Where the rule says attestation signers, for their problem. */
  attestationSigners: string;
  /** How the source spells require-signature=false, and what it needs instead. */
  signatureOptional: string;
  /** How the source spells the mode fields before a value (mode.ts `modeProblem`). */
  mode: { mode: string; enforceAfter: string };
}

export const FILE_WORDS: RuleWords = {
  noSigner: 'names no signer: give keys or identities',
  attestationSigners:
    'names no attestation signer: list keys or identities, or leave the field out to use the image signers',
  signatureOptional: 'requireSignature: false needs attestations or conditions to check instead',
  mode: { mode: 'mode: ', enforceAfter: 'enforceAfter: ' },
};

export const OPTION_WORDS: RuleWords = {
  noSigner:
    'no trust policy: give key, or certificate-identity and certificate-oidc-issuer, or signer-workflow / signer-repository',
  attestationSigners:
    'attestation signers: give attestation-key, or attestation-certificate-identity and attestation-certificate-oidc-issuer',
  signatureOptional:
    'require-signature=false needs attestations to check instead (attestations, deny-packages, ...)',
  mode: { mode: 'mode=', enforceAfter: 'enforce-after=' },
};

export type RuleProblemField = 'rule' | 'attestationSigners' | 'mode';

/** What is wrong with a rule, in the order a reader would fix it; empty when it is sound. */
export function ruleProblems(
  spec: RuleSpec,
  words: RuleWords,
): Array<{ field: RuleProblemField; message: string }> {
  const out: Array<{ field: RuleProblemField; message: string }> = [];
  const checks = spec.attestations.length > 0 || Object.keys(spec.conditions).length > 0;
  if (spec.keys.length === 0 && spec.identities.length === 0)
    out.push({ field: 'rule', message: words.noSigner });
  // Naming attestation signers replaces the image's; naming none would trust no attestation.
  if (
    (spec.attestationKeys !== undefined || spec.attestationIdentities !== undefined) &&
    (spec.attestationKeys?.length ?? 0) === 0 &&
    (spec.attestationIdentities?.length ?? 0) === 0
  )
    out.push({ field: 'attestationSigners', message: words.attestationSigners });
  if (!spec.requireSignature && !checks)
    out.push({ field: 'rule', message: words.signatureOptional });
  const mode = modeProblem(spec, words.mode);
  if (mode) out.push({ field: 'mode', message: mode });
  return out;
}

/** The run-wide settings every rule carries (flags and inputs; a policy file does not set them). */
export interface RunWideRule {
  requireAllKeys: boolean;
  platforms?: PlatformSelection;
  tlog: boolean;
  sct: boolean;
  /** The flags' mode: the default for a rule that states neither mode nor enforceAfter. */
  mode?: ModeStated;
}

/** A checked rule with its keys loaded. Keys are loaded once per rule, shared by its images. */
export async function compileRule(
  spec: RuleSpec,
  run: RunWideRule,
  env: NodeJS.ProcessEnv,
): Promise<ImagePolicy> {
  // require-all-keys asks each key named to sign: two references to one key (a .pub and its
  // cosign.key, a KMS alias and its ARN) would be one signature where the policy reads two.
  const distinctForAll = (refs: string[], loaded: VerificationKey[]): VerificationKey[] => {
    const named = new Set(refs).size;
    if (run.requireAllKeys && loaded.length < named)
      throw new GateError(
        'USAGE',
        `require-all-keys: ${named} key references name only ${loaded.length} distinct key(s) (${refs.join(', ')}): one signature would count as several; name each key once`,
      );
    return loaded;
  };
  const signers = async (
    keys: string[],
    identities: Signers['identities'],
    validity: RuleSpec['keyValidity'] = {},
  ): Promise<Signers> => ({
    keys: keys.length ? distinctForAll(keys, await loadKeys(keys, { env, validity })) : [],
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
      : await signers(
          spec.attestationKeys ?? [],
          spec.attestationIdentities ?? [],
          spec.attestationKeyValidity,
        );
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
    ...compileMode(
      spec.mode !== undefined || spec.enforceAfter !== undefined ? spec : (run.mode ?? {}),
    ),
  };
}
