// The run: GateOptions -> RunPolicy (compiled once) and RunSettings -> trust material, verifiers
// per rule, stores -> the batch -> Report. Secrets are gathered first and redacted from all output.
import { createHash, randomUUID } from 'node:crypto';
import type { OctokitFactory } from './sources/github-attestations.js';
import { GateError, toGateError } from './errors.js';
import { ByteBudget, LIMITS, readFileCapped, withByteBudget } from './limits.js';
import type { GateOptions } from './options.js';
import { checkRunPolicy } from './policy/checks.js';
import { compileRunPolicy } from './policy/compile.js';
import { compileMode } from './policy/mode.js';
import { summarizeRunPolicy, type SummaryContext } from './policy/summary.js';
import type { ImagePolicy, RunPolicy } from './policy/types.js';
import { isS3loReference, parseReference, referenceIdentity } from './reference.js';
import { RegistryClient } from './registry/client.js';
import { loadDockerConfig } from './registry/credentials.js';
import { mapResults } from './packed-results.js';
import { finishReport, githubRunOf, policyDigest } from './report-finish.js';
import type { Report, SummaryRecord } from './report.js';
import type { IdTokenProvider } from './summaries/sign.js';
import { produceSummaries } from './summaries/summaries.js';
import type { SummaryAcceptance } from './summaries/accept.js';
import { loadKey } from './trust/keys.js';
import { SecretRegistry } from './secrets.js';
import { emptyShardWarning, selectShard } from './shard.js';
import { runSettings, type RunSettings } from './settings.js';
import { createSignatureVerifier } from './signatures/verifier.js';
import { githubAttestationSource, runStores } from './stores.js';
import { vaultTokenFile } from './trust/vault.js';
import type { ImageSource } from './manifests/types.js';
import type { FoundImages } from './manifests/files.js';
import type { ImageResult } from './report.js';
import {
  loadTrustedRoot,
  rootLoadOptions,
  trustedRootWarnings,
  type TrustedRootJSON,
} from './trust/root.js';
import { verifyBatch, type BatchOptions } from './verify/batch.js';
import { capYoungGeneration } from './young-generation.js';
import type { CandidateVerifier, RuleContext } from './verify/context.js';
import { resultFromError } from './verify/result.js';
import { loadRevocations, type LoadedRevocations } from './revocation/load.js';
import { revokingVerifier } from './revocation/verifier.js';

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
  /** What `--images-file -` reads (default: process.stdin). */
  readStdin?: () => Promise<string>;
  /** An OIDC token for keyless summary signing (the Action's from the runner; see edge/id-token.ts). */
  idToken?: IdTokenProvider;
  /**
   * What the front end already read of `manifests` (the CLI's `--files` check, with no images
   * file): gated as read, so the files are parsed once and the images gated are the ones seen.
   */
  files?: FoundImages;
}

/**
 * Secrets the key sources send (vault.ts, kms.ts) or sign with. COSIGN_PASSWORD is not one: it
 * never leaves the process, and a short one redacted everywhere would garble every report.
 */
const ENV_SECRETS = [
  'VAULT_TOKEN',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  // Keyless summary signing: the runner's token request credential and an OIDC token given.
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'SIGSTORE_ID_TOKEN',
];

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
  // The young generation held at 16 MB for the run (young-generation.ts, issue 15 flat memory).
  const release = capYoungGeneration();
  try {
    return secrets.redactDeep(await gate(o, redacted, secrets));
  } finally {
    release();
  }
}

async function gate(
  given: GateOptions,
  hooks: GateHooks,
  secrets: SecretRegistry,
): Promise<Report> {
  const startedAt = new Date().toISOString();
  const env = hooks.env ?? process.env;
  // Images named in files join the batch once per reference, each result with every FILE:LINE.
  const files = await imagesFromFiles(given, env, hooks.readStdin, hooks.files);
  // `shard: I/N` keeps this job's part of the whole list (duplicates collapsed first); an empty
  // whole list is still refused below, an empty part is a shard that verifies nothing.
  const sharded = files.options.shard
    ? selectShard(files.options.images, files.options.shard)
    : undefined;
  const o = sharded ? { ...files.options, images: sharded.images } : files.options;
  const withSources = (r: ImageResult): ImageResult => {
    const sources = files.sources.get(r.image);
    return sources ? { ...r, sources } : r;
  };
  if (hooks.onResult) {
    const onResult = hooks.onResult;
    hooks = { ...hooks, onResult: (r, done, total) => onResult(withSources(r), done, total) };
  }
  // One id per run and where it ran, so merge can tell a copied shard from another shard.
  const github = githubRunOf(env);
  const run = {
    runId: randomUUID(),
    ...(github ? { github } : {}),
    ...(sharded ? { shard: sharded.info } : {}),
  };
  const settings = runSettings(o, env);
  const summary = summaryContext(o);
  let policy: RunPolicy | undefined;
  const deadline = AbortSignal.timeout(settings.timeoutMs);
  let client: RegistryClient | undefined;
  let warnings: string[] = [];
  try {
    if (files.error) throw files.error;
    if ((sharded?.info.totalImages ?? settings.images.length) === 0)
      throw new GateError(
        'USAGE',
        `images: no image references given${files.sources.size === 0 && (o.manifests?.length || o.imagesFile) ? ' (the files given name none)' : ''}`,
      );
    policy = await compileRunPolicy(o, env);
    checkRunPolicy(settings.images, policy, { ...settings, githubRepository: o.githubRepository });
    // The report names the root the run verified with: the digest of the very bytes loaded.
    const root = await trustMaterial(
      settings,
      policy,
      o.acceptSummary !== undefined,
      (hex) => (summary.trustedRootSha256 = hex),
    );
    await addRootDigest(summary);
    const acceptance = o.acceptSummary
      ? await summaryAcceptance(
          o.acceptSummary,
          root,
          policyDigest(summarizeRunPolicy(summary, policy)),
          policy,
          env,
        )
      : undefined;
    warnings = [...files.warnings, ...root.warnings];
    // Read once, before any image: a bad Docker config is the run's error, said once, not each
    // registry image's. Runs without registry images never read it.
    const dockerConfig = settings.images.some(isRegistryImage)
      ? await loadDockerConfig(undefined, env)
      : undefined;
    // Once per run, before any image: a list that cannot be had or trusted is the run's error.
    const revoked = policy.revocations
      ? await loadRevocations(policy.revocations, {
          ...(root.root ? { root: root.root } : {}),
          env,
          signal: deadline,
          redact: (t) => secrets.redact(t),
        })
      : undefined;
    if (sharded && settings.images.length === 0) warnings.push(emptyShardWarning(sharded.info));
    client = new RegistryClient({
      env,
      ...(dockerConfig ? { dockerConfig } : {}),
      insecureRegistries: settings.insecureRegistries,
      credentials: settings.registryCredentials,
      ...(settings.githubToken ? { githubToken: settings.githubToken } : {}),
      signal: deadline,
      deadline: Date.now() + settings.timeoutMs,
      maxConnectionsPerOrigin: Math.max(settings.concurrency, 2),
      concurrencyPerRegistry: settings.concurrency,
      ...(hooks.log ? { log: hooks.log } : {}),
      secrets,
    });
    const githubSource = policy.github
      ? githubAttestationSource(policy.github, settings, deadline, hooks.getOctokit)
      : undefined;
    // One context per rule, built once and shared by every image the rule governs.
    const contexts = new Map<ImagePolicy, RuleContext>();
    const contextFor = (rule: ImagePolicy): RuleContext => {
      let ctx = contexts.get(rule);
      if (!ctx)
        contexts.set(
          rule,
          (ctx = withRevocations(ruleContext(rule, root, githubSource, acceptance), revoked)),
        );
      return ctx;
    };
    const engine = {
      policy,
      contextFor,
      stores: runStores(client, env),
      pullBudget: client.governor,
    };
    // Every image has its byte budget (verify/image.ts), and all of them together this one.
    const results = await withByteBudget(new ByteBudget('run', LIMITS.runBytes), () =>
      verifyBatch(settings.images, engine, {
        concurrency: settings.concurrency,
        failFast: settings.failFast,
        signal: deadline,
        ...(hooks.onResult ? { onResult: hooks.onResult } : {}),
      }),
    );
    const policySummary = summarizeRunPolicy(summary, policy);
    const finished = mapResults(results, withSources);
    // Summaries after every verdict; a failure to sign or push them is the run's error.
    let summaries: SummaryRecord[] | undefined;
    let summaryError: { code: GateError['code']; message: string } | undefined;
    if (o.summaries) {
      try {
        summaries = await produceSummaries(
          finished,
          {
            policyDigest: policyDigest(policySummary),
            ...(o.policyFile ? { policyFile: o.policyFile } : {}),
            timeVerified: new Date().toISOString(),
            ...(o.summaries.verifierId ? { verifierId: o.summaries.verifierId } : {}),
          },
          o.summaries,
          {
            env,
            client,
            timeoutMs: settings.timeoutMs,
            ...(hooks.idToken ? { idToken: redactedToken(hooks.idToken, secrets) } : {}),
          },
        );
      } catch (e: unknown) {
        const err = toGateError(e);
        summaryError = { code: err.code, message: err.message };
      }
    }
    return finishReport({
      ...run,
      startedAt,
      policy: policySummary,
      results: finished,
      warnings,
      stats: { registryRequests: client.stats.requests, registries: client.governor.allStats() },
      ...(revoked ? { revocations: revoked.summary } : {}),
      ...(summaryError ? { error: summaryError } : {}),
      ...(summaries ? { summaries } : {}),
    });
  } catch (e: unknown) {
    const err = toGateError(e);
    await addRootDigest(summary);
    return finishReport({
      ...run,
      startedAt,
      policy: summarizeRunPolicy(summary, policy),
      error: { code: err.code, message: err.message },
      // The run could not start: every image is an error, whatever the code.
      results: settings.images.map((image) =>
        withSources({ ...resultFromError(image, err), outcome: 'error' }),
      ),
      warnings,
    });
  } finally {
    await client?.close();
  }
}

/**
 * The options with the images of `manifests` and `imagesFile` added (each distinct reference
 * once, after the ones given), and where each is written. A file that cannot be read or parsed
 * is the run's start error, so every front end reports it the same way (exit 2).
 */
async function imagesFromFiles(
  o: GateOptions,
  env: NodeJS.ProcessEnv,
  readStdin: (() => Promise<string>) | undefined,
  read: FoundImages | undefined,
): Promise<{
  options: GateOptions;
  sources: Map<string, ImageSource[]>;
  warnings: string[];
  error?: GateError;
}> {
  const none = { options: o, sources: new Map<string, ImageSource[]>(), warnings: [] };
  if (!o.manifests?.length && o.imagesFile === undefined) return none;
  try {
    // The manifest readers and their YAML parser load only for runs that read files.
    const { findImages, groupSources } = await import('./manifests/files.js');
    const found =
      read && o.imagesFile === undefined
        ? read
        : await findImages({
            paths: o.manifests ?? [],
            lists: o.imagesFile !== undefined ? [o.imagesFile] : [],
            env,
            ...(o.composeEnv ? { composeEnv: o.composeEnv } : {}),
            ...(readStdin ? { readStdin } : {}),
          });
    const { images, sources } = groupSources(found.occurrences, identityKey, o.images);
    return {
      options: { ...o, images },
      sources,
      warnings: found.empty.map((f) => `${f}: no image references found`),
    };
  } catch (e: unknown) {
    return { ...none, error: toGateError(e) };
  }
}

/** Does `image` name a registry image (what the Docker config holds credentials for)? */
function isRegistryImage(image: string): boolean {
  try {
    return parseReference(image).kind === 'registry';
  } catch {
    return false;
  }
}

/** The normalised reference where it parses (what the batch dedupes by), else the text. */
function identityKey(image: string): string {
  try {
    return referenceIdentity(parseReference(image));
  } catch {
    return image;
  }
}

interface TrustMaterial {
  /** Absent in s3lo-only runs and runs whose policy needs no Sigstore material. */
  root?: TrustedRootJSON;
  /** False when every image is s3lo: no Sigstore verifier can be reached. */
  sigstore: boolean;
  warnings: string[];
}

/**
 * s3lo records are plain key signatures: a batch of only s3lo images needs no Sigstore trust
 * material, so it neither fetches nor requires it. A root the user names is always used: a policy
 * that needs no log or time still checks the RFC 3161 timestamps and log entries a bundle carries
 * against it, instead of failing them.
 */
async function trustMaterial(
  settings: RunSettings,
  policy: RunPolicy,
  /** accept-summary: summaries are verified with their Rekor entries (and keyless certificates). */
  forSummaries: boolean,
  /** Told the digest of a trusted root file's bytes as they are read (LoadTrustedRootOptions). */
  onFileRead: (sha256Hex: string) => void,
): Promise<TrustMaterial> {
  const sigstore = settings.images.some((i) => !isS3loReference(i));
  const t = settings.trust;
  const rootOpts = rootLoadOptions(t);
  // A keyless revocation list is verified against the root even in an s3lo-only run.
  const keylessList = policy.revocations?.identity !== undefined;
  if (
    !keylessList &&
    (!sigstore || !(t.trustedRoot || forSummaries || policy.rules.some(needsTrustRoot)))
  )
    return { sigstore, warnings: [] };
  // The loader adds a warning when it fell back to cached TUF metadata (mirror unreachable).
  const warnings: string[] = [];
  const root = await loadTrustedRoot({ ...rootOpts, warnings, onFileRead });
  warnings.push(...trustedRootWarnings(root, rootOpts));
  return { root, sigstore, warnings };
}

/** Whether verifying under this rule needs Sigstore trust material (a tlog or keyless). */
function needsTrustRoot(rule: ImagePolicy): boolean {
  return [rule.signers, rule.attestationSigners].some(
    (s) =>
      s !== undefined && (s.identities.length > 0 || rule.tlog || s.keys.some((k) => k.validFor)),
  );
}

/**
 * The accept-summary verifier, built once: the gate's key or identity, Rekor entry required (SCT
 * too for a certificate), whatever the image rules relax; and this run's policy digest.
 */
async function summaryAcceptance(
  a: NonNullable<GateOptions['acceptSummary']>,
  trust: TrustMaterial,
  digest: string,
  policy: RunPolicy,
  env: NodeJS.ProcessEnv,
): Promise<SummaryAcceptance | undefined> {
  if (!trust.sigstore) return undefined;
  const keys = a.keyRef ? [await loadKey(a.keyRef, { env })] : [];
  const identities =
    a.identity !== undefined && a.issuer !== undefined
      ? [{ subject: { exact: a.identity }, issuer: { exact: a.issuer } }]
      : [];
  return {
    verifier: createSignatureVerifier(trust.root, {
      keys,
      identities,
      requireTlog: true,
      requireSct: true,
    }),
    policyDigest: digest,
    policy,
    maxAgeMs: a.maxAgeMs,
  };
}

function ruleContext(
  rule: ImagePolicy,
  trust: TrustMaterial,
  github: RuleContext['github'],
  summary?: SummaryAcceptance,
): RuleContext {
  const log = { requireTlog: rule.tlog, requireSct: rule.sct };
  const verifier = trust.sigstore
    ? createSignatureVerifier(trust.root, { ...rule.signers, ...log })
    : NO_SIGSTORE;
  const attestationVerifier =
    rule.attestationSigners && trust.sigstore
      ? createSignatureVerifier(trust.root, { ...rule.attestationSigners, ...log })
      : verifier;
  return {
    policy: rule,
    verifier,
    attestationVerifier,
    ...(github && rule.attestations ? { github } : {}),
    ...(summary ? { summary } : {}),
  };
}

/** The rule's verifiers with revoked signatures turned into rejections, and the list itself. */
function withRevocations(ctx: RuleContext, loaded: LoadedRevocations | undefined): RuleContext {
  if (!loaded) return ctx;
  const list = loaded.list;
  return {
    ...ctx,
    verifier: revokingVerifier(ctx.verifier, list),
    attestationVerifier: revokingVerifier(ctx.attestationVerifier, list),
    revocations: list,
  };
}

/** What the report's policy section says of a run, even one refused before it compiled. */
function summaryContext(o: GateOptions): SummaryContext {
  return {
    ...(o.platforms !== undefined ? { platforms: o.platforms } : {}),
    tlog: !o.insecureIgnoreTlog,
    sct: !o.insecureIgnoreSct,
    requireAllKeys: o.requireAllKeys,
    ...(o.requireSignature !== undefined ? { requireSignature: o.requireSignature } : {}),
    ...(o.trustedRoot ? { trustedRoot: o.trustedRoot } : {}),
    ...(o.tufMirror ? { tufMirror: o.tufMirror } : {}),
    offline: o.offline,
    ...(o.policyFile ? { policyFile: o.policyFile } : {}),
    mode: compileMode(o),
    ...(o.githubOwner
      ? {
          github: {
            owner: o.githubOwner,
            ...(o.githubRepository ? { repository: o.githubRepository } : {}),
          },
        }
      : {}),
  };
}

/**
 * The trusted root file's digest for the policy section of a run that did not load it (refused
 * before, or needing no Sigstore material): read under the loader's cap, so `/dev/zero` or a
 * FIFO cannot stall the run; none when it cannot be read or is over the cap (the load says why).
 * A run that loads the root has it already, from the bytes loaded.
 */
async function addRootDigest(summary: SummaryContext): Promise<void> {
  if (summary.trustedRoot === undefined || summary.trustedRootSha256 !== undefined) return;
  try {
    const read = await readFileCapped(summary.trustedRoot, LIMITS.trustedRootBytes);
    if (!read.over)
      summary.trustedRootSha256 = createHash('sha256').update(read.bytes).digest('hex');
  } catch {
    // Unreadable: the policy section names the path alone.
  }
}

/** Stands in for the Sigstore verifier in s3lo-only batches, where nothing can reach it. */
const NO_SIGSTORE: CandidateVerifier = {
  verifyLegacy(): never {
    throw new GateError('INTERNAL', 'Sigstore verifier used in an s3lo-only run');
  },
  verifyBundle(): never {
    throw new GateError('INTERNAL', 'Sigstore verifier used in an s3lo-only run');
  },
};

/** The OIDC token obtained for keyless signing is a secret like any credential. */
function redactedToken(get: IdTokenProvider, secrets: SecretRegistry): IdTokenProvider {
  return async (audience) => {
    const token = await get(audience);
    secrets.add(token);
    return token;
  };
}
