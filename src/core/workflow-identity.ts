// GitHub workflow pinning (the vendor CLI's --signer-workflow and friends): turns signer-workflow,
// signer-repository, source-ref and deny-self-hosted-runners into one anchored IdentityRule.
import { GateError } from './errors.js';
import { escapeRegExp, type IdentityRule, type Matcher } from './policy.js';

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
const GITHUB = 'https://github.com/';

/** Fulcio certificate extensions GitHub Actions tokens fill in (Fulcio docs/oid-info.md). */
export const FULCIO_OIDS = {
  buildSignerUri: '1.3.6.1.4.1.57264.1.9',
  runnerEnvironment: '1.3.6.1.4.1.57264.1.11',
  sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
  sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
} as const;

export interface WorkflowPinning {
  /** `owner/repo/.github/workflows/file.yml@ref`, or without `@ref` for any ref. */
  signerWorkflow?: string;
  /** `owner/repo`: the repository the workflow ran in. */
  signerRepository?: string;
  /** `refs/heads/main`: the ref the workflow ran on. */
  sourceRef?: string;
  denySelfHostedRunners?: boolean;
}

const WORKFLOW_RE =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+\/\.github\/workflows\/[^@\s]+\.ya?ml$/;
const REPOSITORY_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;
// Any GitHub workflow identity: a workflow file in some repository, at some ref.
const ANY_GITHUB_WORKFLOW = `${escapeRegExp(GITHUB)}[^/]+/[^/]+/\\.github/workflows/[^@]+@.+`;

export function hasWorkflowPinning(p: WorkflowPinning): boolean {
  return (
    nonEmpty(p.signerWorkflow) ||
    nonEmpty(p.signerRepository) ||
    nonEmpty(p.sourceRef) ||
    p.denySelfHostedRunners === true
  );
}

/**
 * One IdentityRule from the pinning inputs plus any explicit identity/issuer matchers.
 * signer-workflow derives the identity, so it excludes an explicit identity; the issuer defaults
 * to GitHub Actions' unless one was given. Each input adds the Fulcio extension it names.
 */
export function workflowIdentityRule(
  p: WorkflowPinning,
  explicit: { subject?: Matcher; issuer?: Matcher },
): IdentityRule {
  const extensions: Record<string, Matcher> = {};
  let subject: Matcher | undefined;
  if (nonEmpty(p.signerWorkflow)) {
    if (explicit.subject)
      throw new GateError(
        'USAGE',
        'signer-workflow excludes certificate-identity and certificate-identity-regexp (it derives the identity); give one or the other',
      );
    subject = workflowMatcher(p.signerWorkflow);
    // GitHub sets the build signer URI to the same workflow reference as the SAN.
    extensions[FULCIO_OIDS.buildSignerUri] = subject;
  }
  if (nonEmpty(p.signerRepository)) {
    const repo = p.signerRepository.trim();
    if (!REPOSITORY_RE.test(repo))
      throw new GateError(
        'USAGE',
        `signer-repository: '${p.signerRepository}' is not owner/repo (e.g. acme/app)`,
      );
    extensions[FULCIO_OIDS.sourceRepositoryUri] = { exact: `${GITHUB}${repo}` };
  }
  if (nonEmpty(p.sourceRef)) {
    const ref = p.sourceRef.trim();
    if (!/^refs\/\S+$/.test(ref))
      throw new GateError(
        'USAGE',
        `source-ref: '${p.sourceRef}' is not a full git ref (e.g. refs/heads/main, refs/tags/v1)`,
      );
    extensions[FULCIO_OIDS.sourceRepositoryRef] = { exact: ref };
  }
  if (p.denySelfHostedRunners === true)
    extensions[FULCIO_OIDS.runnerEnvironment] = { exact: 'github-hosted' };

  subject ??= explicit.subject;
  if (subject === undefined) {
    if (!nonEmpty(p.signerRepository))
      throw new GateError(
        'USAGE',
        'source-ref and deny-self-hosted-runners narrow a signer: give signer-workflow, signer-repository or certificate-identity(-regexp) too',
      );
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
export function workflowMatcher(value: string): Matcher {
  const v = value.trim();
  const at = v.indexOf('@');
  const path = at < 0 ? v : v.slice(0, at);
  const ref = at < 0 ? undefined : v.slice(at + 1);
  if (!WORKFLOW_RE.test(path) || (ref !== undefined && !/^\S+$/.test(ref)))
    throw new GateError(
      'USAGE',
      `signer-workflow: '${value}' is not owner/repo/.github/workflows/FILE.yml[@ref] (e.g. acme/app/.github/workflows/release.yml@refs/tags/v1)`,
    );
  if (ref !== undefined) return { exact: `${GITHUB}${path}@${ref}` };
  return { regexp: `${escapeRegExp(`${GITHUB}${path}`)}@.+` };
}

function nonEmpty(s: string | undefined): s is string {
  return s !== undefined && s.trim() !== '';
}
