// The policy model. A run has one RunPolicy: rules (ImagePolicy) and what happens to an image no
// rule matches. Flags and Action inputs compile to a one-rule policy, a policy file to one rule
// per entry, both through the one rule validator (rule.ts). Compiled once per run (compile.ts):
// keys loaded, globs normalised; nothing below reads an option again.
import type { AttestationConditions, AttestationRequirement } from '../attestations/types.js';
import type { PlatformSelection } from '../options.js';
import type { KeyValidity } from '../trust/key-types.js';
import type { IdentityRule, Signers } from '../signatures/signer-policy.js';
import type { CompiledMode, Mode } from './mode.js';
import type { RevocationsSpec } from '../revocation/load.js';

/**
 * One rule as its source states it, before keys are loaded: what the policy file's entry says, or
 * what the flags and inputs say. Validated by `ruleProblems` (rule.ts) whatever its source.
 */
export interface RuleSpec {
  /** As written, else `rules[<i>]`; `options` for the flags' rule. */
  name: string;
  /** 1-based line of the rule in its file, for reasons. */
  line: number;
  /** Normalised image globs (match.ts); `['**']` for the flags' rule. */
  images: string[];
  /** Key references; plain paths in a policy file resolved against its directory. */
  keys: string[];
  /** Validity windows of some of `keys` (by resolved reference). */
  keyValidity?: Record<string, KeyValidity>;
  identities: IdentityRule[];
  /** Signers of attestations, when not the image's (absent = same as the image). */
  attestationKeys?: string[];
  /** Validity windows of some of `attestationKeys`: each list has its own. */
  attestationKeyValidity?: Record<string, KeyValidity>;
  attestationIdentities?: IdentityRule[];
  /** Required predicate types, resolved to URIs. */
  attestations: string[];
  conditions: AttestationConditions;
  /** false: attestations alone may carry the verdict. Default true. */
  requireSignature: boolean;
  /** As stated (mode.ts); neither stated: the flags' mode for a file rule, else enforce. */
  mode?: Mode;
  /** UTC midnight from which a `warn` rule enforces. */
  enforceAfter?: Date;
}

/** A validated policy file (file.ts). */
export interface PolicyFile {
  /** The file name used in messages. */
  source: string;
  version: 1;
  /** What happens to an image no rule matches. Default `fail`. */
  unmatched: 'fail' | 'allow';
  rules: RuleSpec[];
  /** The run's revocation list and its signer (top-level fields), with the line it is on. */
  revocations?: RevocationsSpec & { line: number };
}

/** Everything that decides one image, compiled. */
export interface ImagePolicy {
  /** `options`, or the policy-file rule's name. */
  name: string;
  /** Normalised image globs this rule governs (`**` for the flags' rule). */
  match: string[];
  /** Who may sign the image. */
  signers: Signers;
  /** Who may sign attestations, when not the image's signers. */
  attestationSigners?: Signers;
  /** Required attestation types and conditions; absent when none are asked for. */
  attestations?: AttestationRequirement;
  /** false: the image may pass on verified attestations alone. */
  requireSignature: boolean;
  /** Every key must have a verified signature (any one suffices otherwise). */
  requireAllKeys: boolean;
  /** For an index: platform manifests that must verify too. */
  platforms?: PlatformSelection;
  /** Require verified transparency-log evidence (insecure-ignore-tlog turns it off). */
  tlog: boolean;
  /** Require an SCT on keyless certificates (insecure-ignore-sct turns it off). */
  sct: boolean;
  /** `warn`: failures are reported as warnings (until `enforceAfter`); absent: enforce. */
  mode?: CompiledMode['mode'];
  enforceAfter?: Date;
}

export interface RunPolicy {
  /** Set when the rules come from a policy file. */
  file?: PolicyFile;
  rules: ImagePolicy[];
  /** An image no rule matches: a failure, or let through unverified (policy file only). */
  unmatched: 'fail' | 'allow';
  /** Also ask the GitHub attestations API for attestations (`github-owner[/github-repository]`). */
  github?: { owner: string; repository?: string };
  /** The revocation list every image is checked against (run-level; flags or the file). */
  revocations?: RevocationsSpec;
}
