// The policy section of the report: what the run required, worded for people and hashed into the
// report's policyDigest. No secrets: keys appear by reference and ID only.
import type { AttestationRequirement } from '../attestations/types.js';
import { formatPlatform, type PlatformSelection } from '../options.js';
import type { IdentitySummary, KeySummary, PolicySummary } from '../report.js';
import { describeExtensionChecks } from '../signatures/identity.js';
import type { VerificationKey } from '../trust/key-types.js';
import { describeMatcher, type IdentityRule, type Matcher } from '../signatures/signer-policy.js';
import { shownUrl } from '../net/addresses.js';
import { formatDay, type CompiledMode } from './mode.js';
import type { ImagePolicy, RunPolicy } from './types.js';

/** What the summary needs besides the compiled policy (and what a refused run still knows). */
export interface SummaryContext {
  platforms?: PlatformSelection;
  tlog: boolean;
  sct: boolean;
  requireAllKeys: boolean;
  /** The flags' `require-signature`, as given (a policy file states it per rule). */
  requireSignature?: boolean;
  trustedRoot?: string;
  /** Hex SHA-256 of the trusted root file's bytes, when it could be read. */
  trustedRootSha256?: string;
  tufMirror?: string;
  offline: boolean;
  policyFile?: string;
  github?: { owner: string; repository?: string };
  /** The flags' mode, compiled (absent: enforce). */
  mode?: CompiledMode;
}

export function summarizeRunPolicy(
  ctx: SummaryContext,
  policy: RunPolicy | undefined,
): PolicySummary {
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
    ...base(
      ctx,
      policy.rules.flatMap((r) => r.signers.keys),
      policy.rules.flatMap((r) => r.signers.identities),
    ),
    policyFile: {
      source: file.source,
      unmatched: file.unmatched,
      ...(ctx.github ? { github: githubSourceName(ctx.github) } : {}),
      rules: file.rules.map((r, i) => {
        const rule: ImagePolicy | undefined = policy.rules[i];
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

function base(
  ctx: SummaryContext,
  keys: VerificationKey[],
  identities: IdentityRule[],
): PolicySummary {
  return {
    keys: keys.map(summarizeKey),
    identities: identities.map(summarizeIdentity),
    ...(ctx.platforms !== undefined
      ? {
          platforms:
            ctx.platforms === 'all' ? 'all' : ctx.platforms.map((p) => formatPlatform(p)).join(','),
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
          ? `TUF mirror ${shownUrl(ctx.tufMirror)}`
          : 'public-good via TUF',
  };
}

/** `mode: warn` (and `enforceAfter`) for a rule that warns; nothing for one that enforces. */
function modeSummary(m: CompiledMode): { mode?: 'warn'; enforceAfter?: string } {
  if (m.mode !== 'warn') return {};
  return {
    mode: 'warn',
    ...(m.enforceAfter !== undefined ? { enforceAfter: formatDay(m.enforceAfter) } : {}),
  };
}

function summarizeKey(k: VerificationKey): KeySummary {
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

function summarizeIdentity(i: IdentityRule): IdentitySummary {
  return {
    subject: summaryMatcher(i.subject),
    issuer: summaryMatcher(i.issuer),
    ...(i.extensions?.length ? { extensions: describeExtensionChecks(i.extensions) } : {}),
  };
}

/** `owner` or `owner/repository`: where the GitHub attestations API is asked, for the report. */
function githubSourceName(g: { owner: string; repository?: string }): string {
  return g.repository ? `${g.owner}/${g.repository}` : g.owner;
}

function describeConditions(c: AttestationRequirement['conditions']): Record<string, string> {
  const out: Record<string, string> = {};
  if (c.maxVulnAgeMs !== undefined) out['max-vuln-age'] = `${c.maxVulnAgeMs / 3_600_000}h`;
  if (c.failOnSeverity?.length) out['fail-on-severity'] = c.failOnSeverity.join(',');
  if (c.denyPackages?.length) out['deny-packages'] = c.denyPackages.map((p) => p.raw).join(', ');
  if (c.slsa?.builderId) out['builder-id'] = summaryMatcher(c.slsa.builderId);
  if (c.slsa?.sourceRepository)
    out['provenance-source-repository'] = summaryMatcher(c.slsa.sourceRepository);
  if (c.slsa?.sourceRef) out['provenance-source-ref'] = summaryMatcher(c.slsa.sourceRef);
  return out;
}

/**
 * A matcher as the policy section (and so its digest) writes it, one way only: a regexp as
 * `/re/`, an exact value as it is unless it starts with `/` or `"` (then JSON-quoted), so the
 * exact value `/x/` and the regexp `x` are two policies, not one.
 */
function summaryMatcher(m: Matcher): string {
  if (!('exact' in m)) return describeMatcher(m);
  return /^["/]/.test(m.exact) ? JSON.stringify(m.exact) : m.exact;
}
