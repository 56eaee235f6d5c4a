// GitHub workflow pinning (the vendor CLI's --signer-workflow and friends): turns signer-workflow,
// signer-repository, source-ref and deny-self-hosted-runners into one anchored IdentityRule.
import { GateError } from '../errors.js';
import {
  escapeRegExp,
  type ExtensionCheck,
  type IdentityRule,
  type Matcher,
} from '../signatures/signer-policy.js';

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
const GITHUB = 'https://github.com/';

/**
 * Fulcio certificate extensions GitHub Actions tokens fill in (Fulcio docs/oid-info.md). The
 * provider-generic ones (.1.8 onwards) arrived in early 2023; certificates issued before carry
 * only the deprecated GitHub ones (.1.1 - .1.6), which hold the same claims as raw strings.
 */
export const FULCIO_OIDS = {
  buildSignerUri: '1.3.6.1.4.1.57264.1.9',
  runnerEnvironment: '1.3.6.1.4.1.57264.1.11',
  sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
  sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
  /** Deprecated: the `repository` claim, `owner/repo`. */
  legacyWorkflowRepository: '1.3.6.1.4.1.57264.1.5',
  /** Deprecated: the `ref` claim, `refs/heads/main`. */
  legacyWorkflowRef: '1.3.6.1.4.1.57264.1.6',
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
 * to GitHub Actions' unless one was given. Each input adds the extension check it names.
 *
 * The SAN is what pins the workflow, as `gh attestation verify` and cosign do: the build signer
 * URI (.1.9) holds the same job_workflow_ref, but certificates issued before 2023 lack it, so it
 * is checked where present (and must then equal the SAN) rather than required.
 */
export function workflowIdentityRule(
  p: WorkflowPinning,
  explicit: { subject?: Matcher; issuer?: Matcher },
): IdentityRule {
  const extensions: ExtensionCheck[] = [
    {
      name: 'build signer URI',
      carriers: [{ oid: FULCIO_OIDS.buildSignerUri, value: 'san' }],
      optional: true,
    },
  ];
  let subject: Matcher | undefined;
  if (nonEmpty(p.signerWorkflow)) {
    if (explicit.subject)
      throw new GateError(
        'USAGE',
        'signer-workflow excludes certificate-identity and certificate-identity-regexp (it derives the identity); give one or the other',
      );
    subject = workflowMatcher(p.signerWorkflow);
  }
  // A workflow with `on: workflow_call` in a public repository can be called from any other
  // repository, and its certificate then carries the called workflow as SAN and build signer URI
  // while the run (its checkout, its inputs) is the caller's: the source repository extension
  // names the caller. So signer-workflow alone pins the run to the workflow's own repository,
  // as `gh attestation verify` requires --repo/--owner; a shared builder called from other
  // repositories names them with signer-repository. Derived, the check binds where the
  // certificate records a repository (Fulcio has since 2022), as the build signer URI does.
  const derived = !nonEmpty(p.signerRepository) && nonEmpty(p.signerWorkflow);
  const repository = derived ? workflowRepository(p.signerWorkflow!) : p.signerRepository;
  if (nonEmpty(repository)) {
    const repo = repository.trim();
    // The input the value came from is the one named: signer-workflow when derived from it.
    if (!REPOSITORY_RE.test(repo))
      throw new GateError(
        'USAGE',
        derived
          ? `signer-workflow: '${p.signerWorkflow}' does not start with owner/repo (e.g. acme/app)`
          : `signer-repository: '${repository}' is not owner/repo (e.g. acme/app)`,
      );
    extensions.push({
      name: 'source repository',
      carriers: [
        { oid: FULCIO_OIDS.sourceRepositoryUri, value: { exact: `${GITHUB}${repo}` } },
        { oid: FULCIO_OIDS.legacyWorkflowRepository, value: { exact: repo } },
      ],
      ...(derived ? { optional: true } : {}),
    });
  }
  if (nonEmpty(p.sourceRef)) {
    const ref = p.sourceRef.trim();
    if (!/^refs\/\S+$/.test(ref))
      throw new GateError(
        'USAGE',
        `source-ref: '${p.sourceRef}' is not a full git ref (e.g. refs/heads/main, refs/tags/v1)`,
      );
    extensions.push({
      name: 'source ref',
      carriers: [
        { oid: FULCIO_OIDS.sourceRepositoryRef, value: { exact: ref } },
        { oid: FULCIO_OIDS.legacyWorkflowRef, value: { exact: ref } },
      ],
    });
  }
  // No deprecated extension says where the job ran: a certificate without .1.11 cannot pass.
  if (p.denySelfHostedRunners === true)
    extensions.push({
      name: 'runner environment',
      carriers: [{ oid: FULCIO_OIDS.runnerEnvironment, value: { exact: 'github-hosted' } }],
    });

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

/** `owner/repo` of `owner/repo/.github/workflows/file.yml[@ref]` (checked by workflowMatcher). */
function workflowRepository(value: string): string {
  return value.trim().split('/').slice(0, 2).join('/');
}

function nonEmpty(s: string | undefined): s is string {
  return s !== undefined && s.trim() !== '';
}
