// The run: GateOptions -> Policy, trust material, stores -> verified batch -> Report.
// Trust material and keys are loaded once per run and shared by every image.
import { randomUUID } from 'node:crypto';
import { githubAttestationSource } from './github-source.js';
import { verifyBatch, type BatchOptions } from './batch.js';
import { FormatOrder } from './discovery.js';
import { GateError, toGateError } from './errors.js';
import { ByteBudget, LIMITS, withByteBudget } from './limits.js';
import { formatPlatform, type GateOptions } from './options.js';
import type { IdentityRule, Matcher, Policy } from './policy.js';
import { describeMatcher } from './policy.js';
import { isS3loReference, type ImageRef, type S3loImageRef } from './reference.js';
import { buildPlans, checkS3loPlans, needsTrustRoot, type PlanSpec, type Plans } from './plans.js';
import { matchPolicyRule, policyImageName } from './policy-match.js';
import { RegistryClient } from './registry/client.js';
import { SecretRegistry } from './secrets.js';
import {
  finishReport,
  githubRunOf,
  type IdentitySummary,
  type ImageResult,
  type KeySummary,
  type PolicySummary,
  type Report,
} from './report.js';
import { describeExtensionChecks } from './signatures/identity.js';
import { createSignatureVerifier } from './signatures/verifier.js';
import type { OctokitFactory } from './sources/github-attestations.js';
import type { AttestationRequirement } from './attestations/types.js';
import { OciLayoutStore } from './sources/oci-layout.js';
import { registryStore } from './sources/registry.js';
import { s3loToResult } from './s3lo/result.js';
import { createS3loStore, type S3loStore } from './s3lo/store.js';
import { verifyS3lo } from './s3lo/verify.js';
import type { VerificationKey } from './trust/key-types.js';
import { loadKeys } from './trust/keys.js';
import { vaultTokenFile } from './trust/vault.js';
import { loadTrustedRoot, trustedRootWarnings, type TrustedRootJSON } from './trust/root.js';
import type { ContentStore } from './types.js';
import type { VerifyContext } from './verify.js';
import { hasWorkflowPinning, workflowIdentityRule } from './workflow-identity.js';

export interface GateHooks {
  onResult?: BatchOptions['onResult'];
  /** GitHub API client from the front end (the core imports no @actions/* itself). */
  getOctokit?: OctokitFactory;
  log?: (msg: string) => void;
  env?: NodeJS.ProcessEnv;
  /**
   * The run's secrets (configured ones and every derived form and token obtained); the report,
   * results and log lines pass through it. The Action registers each form with core.setSecret.
   */
  secrets?: SecretRegistry;
}

export function buildIdentityRules(o: GateOptions): IdentityRule[] {
  const subject = pick('certificate-identity', o.certificateIdentity, o.certificateIdentityRegexp);
  const issuer = pick(
    'certificate-oidc-issuer',
    o.certificateOidcIssuer,
    o.certificateOidcIssuerRegexp,
  );
  const pinning = {
    ...(o.signerWorkflow !== undefined ? { signerWorkflow: o.signerWorkflow } : {}),
    ...(o.signerRepository !== undefined ? { signerRepository: o.signerRepository } : {}),
    ...(o.sourceRef !== undefined ? { sourceRef: o.sourceRef } : {}),
    ...(o.denySelfHostedRunners !== undefined
      ? { denySelfHostedRunners: o.denySelfHostedRunners }
      : {}),
  };
  if (hasWorkflowPinning(pinning))
    return [
      workflowIdentityRule(pinning, {
        ...(subject ? { subject } : {}),
        ...(issuer ? { issuer } : {}),
      }),
    ];
  if (!subject && !issuer) return [];
  // sigstore-js skips an empty identity; we refuse to run rather than accept any signer.
  if (!subject)
    throw new GateError(
      'USAGE',
      'keyless verification needs certificate-identity or certificate-identity-regexp as well as the issuer',
    );
  if (!issuer)
    throw new GateError(
      'USAGE',
      'keyless verification needs certificate-oidc-issuer or certificate-oidc-issuer-regexp as well as the identity',
    );
  return [{ subject, issuer }];
}

function pick(name: string, exact?: string, regexp?: string): Matcher | undefined {
  if (exact !== undefined && exact !== '' && regexp !== undefined && regexp !== '')
    throw new GateError('USAGE', `${name} and ${name}-regexp exclude each other; give one`);
  if (exact !== undefined && exact !== '') return { exact };
  if (regexp !== undefined && regexp !== '') {
    try {
      new RegExp(regexp);
    } catch (e: unknown) {
      throw new GateError(
        'USAGE',
        `${name}-regexp: '${regexp}' is not a valid regular expression`,
        {
          cause: e,
        },
      );
    }
    return { regexp };
  }
  return undefined;
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
    subject: describeMatcher(i.subject),
    issuer: describeMatcher(i.issuer),
    ...(i.extensions?.length ? { extensions: describeExtensionChecks(i.extensions) } : {}),
  };
}

export function summarizePolicy(o: GateOptions, policy?: Policy): PolicySummary {
  return {
    keys: (policy?.keys ?? []).map(summarizeKey),
    identities: (policy?.identities ?? []).map(summarizeIdentity),
    ...(o.platforms !== undefined
      ? {
          platforms:
            o.platforms === 'all' ? 'all' : o.platforms.map((p) => formatPlatform(p)).join(','),
        }
      : {}),
    requireTlog: !o.insecureIgnoreTlog,
    requireSct: !o.insecureIgnoreSct,
    // Only when set, so reports of runs without them read as before.
    ...(o.requireAllKeys ? { requireAllKeys: true } : {}),
    ...(o.requireSignature === false && !o.policyFile ? { requireSignature: false } : {}),
    trustRoot: o.trustedRoot
      ? `file:${o.trustedRoot}`
      : o.offline
        ? 'embedded public-good'
        : 'public-good via TUF',
  };
}

export async function buildPolicy(o: GateOptions, env: NodeJS.ProcessEnv): Promise<Policy> {
  const identities = buildIdentityRules(o);
  if (o.keys.length === 0 && identities.length === 0)
    throw new GateError(
      'USAGE',
      'no trust policy: give key, or certificate-identity and certificate-oidc-issuer, or signer-workflow / signer-repository',
    );
  const keys = o.keys.length ? await loadKeys(o.keys, { env }) : [];
  return { keys, identities, requireTlog: !o.insecureIgnoreTlog, requireSct: !o.insecureIgnoreSct };
}

/**
 * Secrets the key sources send (vault.ts, kms.ts) or sign with. COSIGN_PASSWORD is not one: it
 * never leaves the process, and a short one redacted everywhere would garble every report.
 */
const ENV_SECRETS = ['VAULT_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];

export async function runGate(o: GateOptions, hooks: GateHooks = {}): Promise<Report> {
  const secrets = hooks.secrets ?? new SecretRegistry();
  for (const c of o.registryCredentials) secrets.addCredential(c.username, c.password);
  if (o.githubToken) secrets.addCredential('x-access-token', o.githubToken);
  // The key sources' own secrets: a Vault or KMS endpoint may quote them back too.
  const env = hooks.env ?? process.env;
  for (const name of ENV_SECRETS) secrets.add(env[name]);
  // The Vault CLI's token file is sent like VAULT_TOKEN when that is unset (vault.ts).
  if (!env.VAULT_TOKEN) secrets.add(await vaultTokenFile(env));
  // Whatever a server quoted back, nothing leaves the core with a secret in it.
  const redacted = { ...hooks, secrets };
  if (hooks.log) {
    const log = hooks.log;
    redacted.log = (m) => log(secrets.redact(m));
  }
  if (hooks.onResult) {
    const onResult = hooks.onResult;
    redacted.onResult = (r, done, total) => onResult(secrets.redactDeep(r), done, total);
  }
  return secrets.redactDeep(await gate(o, redacted, secrets));
}

async function gate(o: GateOptions, hooks: GateHooks, secrets: SecretRegistry): Promise<Report> {
  const startedAt = new Date().toISOString();
  const env = hooks.env ?? process.env;
  // One id per run and where it ran, so merge can tell a copied shard from another shard.
  const github = githubRunOf(env);
  const run = { runId: randomUUID(), ...(github ? { github } : {}) };
  let plans: Plans | undefined;
  const deadline = AbortSignal.timeout(o.timeoutMs);
  let client: RegistryClient | undefined;
  let warnings: string[] = [];
  try {
    if (o.images.length === 0) throw new GateError('USAGE', 'images: no image references given');
    plans = await buildPlans(o, env, buildPolicy);
    checkPlanOptions(o, plans);
    // s3lo records are plain key signatures: a batch of only s3lo images needs no Sigstore
    // trust material, so it neither fetches nor requires it.
    const sigstoreImages = o.images.some((i) => !isS3loReference(i));
    // A root the user names is always used: a policy that needs no log or time still checks the
    // RFC 3161 timestamps and log entries a bundle carries against it, instead of failing them.
    const rootOpts = {
      offline: o.offline,
      ...(o.trustedRoot ? { trustedRootPath: o.trustedRoot } : {}),
      ...(o.tufCacheDir ? { cacheDir: o.tufCacheDir } : {}),
    };
    let root: TrustedRootJSON | undefined;
    if (sigstoreImages && (o.trustedRoot || plans.specs.some(needsTrustRoot))) {
      root = await loadTrustedRoot(rootOpts);
      warnings = trustedRootWarnings(root, rootOpts);
    }
    client = new RegistryClient({
      insecureRegistries: o.insecureRegistries,
      credentials: o.registryCredentials,
      ...(o.githubToken ? { githubToken: o.githubToken } : {}),
      signal: deadline,
      maxConnectionsPerOrigin: Math.max(o.concurrency, 2),
      ...(hooks.log ? { log: hooks.log } : {}),
      secrets,
    });
    const registry = client;
    const layouts = new Map<string, ContentStore>();
    const s3loStores = new Map<string, S3loStore>();
    const github = o.githubOwner
      ? githubAttestationSource(o, env, deadline, hooks.getOctokit)
      : undefined;
    const storeFor = (ref: Exclude<ImageRef, { kind: 's3lo' }>): ContentStore => {
      if (ref.kind === 'registry') return registryStore(registry, ref.registry, ref.repository);
      let s = layouts.get(ref.dir);
      if (!s) layouts.set(ref.dir, (s = new OciLayoutStore(ref.dir)));
      return s;
    };
    const s3loStore = (ref: S3loImageRef): S3loStore => {
      const id = `${ref.s3lo.scheme}://${ref.s3lo.bucket}`;
      let store = s3loStores.get(id);
      if (!store) s3loStores.set(id, (store = createS3loStore(ref.s3lo, { s3: { env } })));
      return store;
    };
    const formatOrder = new FormatOrder();
    // One verifier per plan, built once and shared by every image the plan governs.
    const contextOf = (spec: PlanSpec): VerifyContext => {
      const verifier = sigstoreImages ? createSignatureVerifier(root, spec.policy) : NO_SIGSTORE;
      const attVerifier =
        spec.attPolicy && sigstoreImages ? createSignatureVerifier(root, spec.attPolicy) : verifier;
      return {
        verifier,
        storeFor,
        formatOrder,
        ...(o.platforms !== undefined ? { platforms: o.platforms } : {}),
        ...(spec.requirement
          ? {
              attestations: {
                verifier: attVerifier,
                requirements: spec.requirement,
                ...(github ? { github } : {}),
              },
            }
          : {}),
        requireSignature: spec.requireSignature,
        ...(o.requireAllKeys && spec.policy.keys.length > 1
          ? { requireAllKeys: spec.policy.keys.map(({ keyRef, keyID }) => ({ keyRef, keyID })) }
          : {}),
        async verifyS3lo(ref) {
          const r = await verifyS3lo(ref.s3lo, spec.policy.keys, {
            store: s3loStore(ref),
            requireAllKeys: o.requireAllKeys,
          });
          return s3loToResult(ref, r);
        },
      };
    };
    const contexts = new Map(
      plans.specs.map((spec, i) => [
        spec,
        { key: `plan${i}`, ctx: contextOf(spec), rule: spec.name },
      ]),
    );
    const file = plans.file;
    const ctx: VerifyContext = file
      ? {
          verifier: NO_SIGSTORE,
          storeFor,
          planFor(ref) {
            const m = matchPolicyRule(file.policy, policyImageName(ref));
            if (!m.rule) return { unmatched: m.reason, allowed: m.allowed };
            return contexts.get(file.byRule.get(m.rule)!)!;
          },
        }
      : contexts.get(plans.specs[0])!.ctx;
    // Every image has its byte budget (verify.ts), and all of them together this one.
    const results = await withByteBudget(new ByteBudget('run', LIMITS.runBytes), () =>
      verifyBatch(o.images, ctx, {
        concurrency: o.concurrency,
        failFast: o.failFast,
        signal: deadline,
        ...(hooks.onResult ? { onResult: hooks.onResult } : {}),
      }),
    );
    return finishReport({
      ...run,
      startedAt,
      policy: summarizePlans(o, plans),
      results,
      warnings,
      stats: { registryRequests: client.stats.requests },
    });
  } catch (e: unknown) {
    const err = toGateError(e);
    const results: ImageResult[] = o.images.map((image) => ({
      image,
      outcome: 'error',
      verified: false,
      reason: err.message,
      code: err.code,
      signatures: [],
      attestations: [],
      durationMs: 0,
    }));
    return finishReport({
      ...run,
      startedAt,
      policy: summarizePlans(o, plans),
      error: { code: err.code, message: err.message },
      results,
      warnings,
    });
  } finally {
    await client?.close();
  }
}

/** Options that could never take effect, or would be skipped, are refused before any I/O. */
function checkPlanOptions(o: GateOptions, plans: Plans): void {
  // Stores that cannot hold what a plan asks for are refused first, naming their images.
  checkS3loPlans(o.images, plans, o);
  // Both are checks on signatures; where a plan lets attestations alone decide, they would be
  // silently skipped for an image whose signature is simply removed.
  if (
    plans.specs.some((s) => !s.requireSignature) &&
    (o.platforms !== undefined || o.requireAllKeys)
  )
    throw new GateError(
      'USAGE',
      `${o.platforms !== undefined ? 'platforms' : 'require-all-keys'} checks signatures, so it cannot be combined with require-signature=false`,
    );
  if (o.githubRepository && !o.githubOwner)
    throw new GateError('USAGE', "github-repository needs github-owner (the repository's owner)");
  if (!o.githubOwner) return;
  if (!plans.specs.some((s) => s.requirement))
    throw new GateError(
      'USAGE',
      'github-owner: no attestations are required, so the GitHub attestations API would never be asked',
    );
  if (!o.githubToken)
    throw new GateError('USAGE', 'github-owner: the GitHub attestations API needs github-token');
}

/** The policy section of the report: what was required, with no secrets. */
function summarizePlans(o: GateOptions, plans: Plans | undefined): PolicySummary {
  const first = plans?.specs[0];
  if (!plans?.file) {
    const summary = summarizePolicy(o, first?.policy);
    if (first?.requirement)
      summary.attestations = {
        types: first.requirement.types,
        conditions: describeConditions(first.requirement.conditions),
        signers: first.attPolicy ? 'attestation-key / attestation-certificate-*' : 'same as images',
        ...(first.attPolicy
          ? {
              signerKeys: first.attPolicy.keys.map(summarizeKey),
              signerIdentities: first.attPolicy.identities.map(summarizeIdentity),
            }
          : {}),
        ...(o.githubOwner
          ? {
              github: githubSourceName(o),
            }
          : {}),
      };
    return summary;
  }
  const merged: Policy = {
    keys: plans.specs.flatMap((s) => s.policy.keys),
    identities: plans.specs.flatMap((s) => s.policy.identities),
    requireTlog: !o.insecureIgnoreTlog,
    requireSct: !o.insecureIgnoreSct,
  };
  return {
    ...summarizePolicy(o, merged),
    policyFile: {
      source: plans.file.policy.source,
      unmatched: plans.file.policy.unmatched,
      ...(o.githubOwner ? { github: githubSourceName(o) } : {}),
      rules: plans.file.policy.rules.map((r) => {
        const spec = plans.file!.byRule.get(r);
        return {
          name: r.name,
          images: r.images,
          keys: (spec?.policy.keys ?? []).map(summarizeKey),
          ...(spec?.attPolicy ? { attestationKeys: spec.attPolicy.keys.map(summarizeKey) } : {}),
          ...(spec?.policy.identities.length
            ? { identities: spec.policy.identities.map(summarizeIdentity) }
            : {}),
          ...(spec?.attPolicy?.identities.length
            ? { attestationIdentities: spec.attPolicy.identities.map(summarizeIdentity) }
            : {}),
          attestations: r.attestations,
          ...(Object.keys(describeConditions(r.conditions)).length
            ? { conditions: describeConditions(r.conditions) }
            : {}),
          requireSignature: r.requireSignature,
        };
      }),
    },
  };
}

/** `owner` or `owner/repository`: where the GitHub attestations API is asked, for the report. */
function githubSourceName(o: GateOptions): string {
  return o.githubRepository ? `${o.githubOwner}/${o.githubRepository}` : o.githubOwner!;
}

function describeConditions(c: AttestationRequirement['conditions']): Record<string, string> {
  const out: Record<string, string> = {};
  if (c.maxVulnAgeMs !== undefined) out['max-vuln-age'] = `${c.maxVulnAgeMs / 3_600_000}h`;
  if (c.failOnSeverity?.length) out['fail-on-severity'] = c.failOnSeverity.join(',');
  if (c.denyPackages?.length) out['deny-packages'] = c.denyPackages.map((p) => p.raw).join(', ');
  if (c.slsa?.builderId) out['builder-id'] = describeMatcher(c.slsa.builderId);
  if (c.slsa?.sourceRepository)
    out['provenance-source-repository'] = describeMatcher(c.slsa.sourceRepository);
  if (c.slsa?.sourceRef) out['provenance-source-ref'] = describeMatcher(c.slsa.sourceRef);
  return out;
}

/** Stands in for the Sigstore verifier in s3lo-only batches, where nothing can reach it. */
const NO_SIGSTORE = {
  verifyLegacy(): never {
    throw new GateError('INTERNAL', 'Sigstore verifier used in an s3lo-only run');
  },
  verifyBundle(): never {
    throw new GateError('INTERNAL', 'Sigstore verifier used in an s3lo-only run');
  },
};
