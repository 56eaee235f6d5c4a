// Who may sign: keys, keyless identities (with the Fulcio extension facts they must attest), and
// the matchers identities are written in. The signature verifier takes a SignerPolicy.
import type { VerificationKey } from '../trust/key-types.js';

/** A string matched exactly, or a regular expression matched against the WHOLE value. */
export type Matcher = { exact: string } | { regexp: string };

export interface IdentityRule {
  /** Certificate SAN (email, URI). */
  subject: Matcher;
  /** OIDC issuer (Fulcio extension 1.3.6.1.4.1.57264.1.8, falling back to .1). */
  issuer: Matcher;
  /** Further facts the certificate's Fulcio extensions must attest, each checked on its own. */
  extensions?: ExtensionCheck[];
}

/**
 * One fact (source repository, ref, ...) that Fulcio writes under one or more OIDs: the current
 * one and, for certificates issued before 2023, a deprecated GitHub-only one. Every carrier the
 * certificate holds must match; at least one must be present unless `optional`.
 */
export interface ExtensionCheck {
  /** What the fact is, for messages: `source repository`. */
  name: string;
  /** Newest first. `value: 'san'`: the extension must equal the certificate's SAN exactly. */
  carriers: Array<{ oid: string; value: Matcher | 'san' }>;
  /** A certificate holding none of the carriers passes (the SAN already pins the fact). */
  optional?: boolean;
}

/** Who may sign, with keys loaded. */
export interface Signers {
  /** Any of these keys may sign (key mode). */
  keys: VerificationKey[];
  /** Any of these identities may sign (keyless mode). */
  identities: IdentityRule[];
}

/** What the signature verifier checks a signature against: signers and the log evidence asked for. */
export interface SignerPolicy extends Signers {
  /** Require a verified Rekor entry (SET or inclusion proof) for every signature. Default true. */
  requireTlog: boolean;
  /** Require an SCT for keyless certificates. Default true. */
  requireSct: boolean;
}

/** Compile a matcher into an anchored RegExp: exact strings are escaped, regexps wrapped. */
export function matcherToRegExp(m: Matcher): RegExp {
  if ('exact' in m) return new RegExp(`^${escapeRegExp(m.exact)}$`);
  return new RegExp(`^(?:${m.regexp})$`);
}

export function matches(m: Matcher, value: string | undefined): boolean {
  if (value === undefined) return false;
  return 'exact' in m ? value === m.exact : matcherToRegExp(m).test(value);
}

export function describeMatcher(m: Matcher): string {
  return 'exact' in m ? m.exact : `/${m.regexp}/`;
}

/** Escape every RegExp metacharacter, so a literal can sit inside an anchored pattern. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
