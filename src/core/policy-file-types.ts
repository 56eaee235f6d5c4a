// The shape of a validated policy file (src/core/policy-file.ts reads and checks the YAML;
// src/core/policy-match.ts picks the rule for an image). Types only, so both can import them.
import type { AttestationConditions } from './attestations/types.js';
import type { IdentityRule } from './policy.js';
import type { KeyValidity } from './trust/key-types.js';

export interface PolicyFileRule {
  /** As written, else `rules[<i>]`. */
  name: string;
  /** 1-based line of the rule, for reasons. */
  line: number;
  images: string[];
  /** Key references; plain paths resolved against the policy file's directory. */
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
}

export interface PolicyFile {
  /** The file name used in messages. */
  source: string;
  version: 1;
  /** What happens to an image no rule matches. Default `fail`. */
  unmatched: 'fail' | 'allow';
  rules: PolicyFileRule[];
}
