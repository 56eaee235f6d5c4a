// One image -> one ImageResult: resolve the reference to the digest of the bytes received, gather
// the evidence the rule asks for (signatures, attestations, platform manifests; an s3lo store's
// records), let decide.ts judge it, and explain the verdict in one line.
import { GateError } from '../errors.js';
import { LIMITS, nestedBudget, withByteBudget } from '../limits.js';
import { pinnedReference, type ImageRef, type S3loImageRef } from '../reference.js';
import type { ImageResult } from '../report.js';
import { gatherS3lo } from '../s3lo/verify.js';
import type { ContentStore, EvidenceInput, FetchedManifest } from '../types.js';
import { gatherAttestations } from './attestations.js';
import type { RuleContext, Stores } from './context.js';
import { decide, type Verdict } from './decide.js';
import type { ImageEvidence, StoreImageEvidence } from './evidence.js';
import { emptyDiscovery } from './discovery.js';
import { gatherDigest, type DigestLookup } from './lookup.js';
import { matchDigest, revokedReason } from '../revocation/list.js';
import { gatherPlatforms, signedPlatformsNote } from './platforms.js';
import { resultFromError } from './result.js';
import type { Rejection } from './judge.js';
import { findAcceptedSummary } from '../summaries/accept.js';

type StoreRef = Exclude<ImageRef, { kind: 's3lo' }>;

/**
 * Verify one image under one rule. `resolved` is the manifest already fetched for the reference's
 * tag (batch.ts resolves tags to deduplicate), so resolving costs no second request.
 */
export async function verifyImage(
  ref: ImageRef,
  rule: RuleContext,
  stores: Stores,
  resolved?: FetchedManifest,
): Promise<ImageResult> {
  // Everything read for this image, in any store or API, counts against one byte budget
  // (limits.ts), itself within the run's.
  const budget = nestedBudget(`image ${ref.original}`, LIMITS.imageBytes);
  const started = performance.now();
  try {
    const result = await withByteBudget(budget, () =>
      ref.kind === 's3lo'
        ? verifyS3loImage(ref, rule, stores)
        : verifyStoreImage(ref, rule, stores, resolved),
    );
    return { ...result, durationMs: ms(started) };
  } catch (e: unknown) {
    return resultFromError(ref.original, e, ms(started));
  }
}

async function verifyS3loImage(
  ref: S3loImageRef,
  rule: RuleContext,
  stores: Stores,
): Promise<Omit<ImageResult, 'durationMs'>> {
  const ev = await gatherS3lo(ref.s3lo, rule.policy.signers.keys, stores.s3lo(ref));
  const revoked = ev.digest ? revokedDigest(rule, ev.digest) : undefined;
  const evidence: ImageEvidence = { kind: 's3lo', ...ev, ...(revoked ? { revoked } : {}) };
  const v = decide(evidence, rule.policy, now(stores));
  return {
    image: ref.original,
    ...(ev.digest ? { digest: ev.digest } : {}),
    ...(v.outcome === 'verified' && ev.digest ? { pinned: pinnedReference(ref, ev.digest) } : {}),
    ...resultFields(v),
  };
}

async function verifyStoreImage(
  ref: StoreRef,
  rule: RuleContext,
  stores: Stores,
  resolved: FetchedManifest | undefined,
): Promise<Omit<ImageResult, 'durationMs'>> {
  const store = stores.storeFor(ref);
  const wanted = ref.digest ?? ref.tag;
  if (wanted === undefined)
    throw new GateError('REF_INVALID', `image '${ref.original}': name a tag or a digest`);
  const policy = rule.policy;
  const manifest = async (): Promise<FetchedManifest> => {
    const got =
      resolved && (ref.digest === undefined || ref.digest === resolved.digest)
        ? resolved
        : await store.getManifest(wanted);
    if (!got)
      throw new GateError(
        'NOT_FOUND',
        `image not found: ${ref.original} (${store.name} has no ${wanted})`,
      );
    return got;
  };
  // A digest reference whose verdict needs nothing from the manifest goes straight to its
  // signatures, as cosign does (docs/design.md "Lean request path"): the manifest is fetched
  // only when the image does not verify, so every failure reads as it did.
  let fetched: FetchedManifest | undefined;
  if (ref.digest !== undefined && !resolved && manifestNotNeeded(rule)) {
    const lean = await verifyDigestOnly(ref, ref.digest, rule, stores).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    if ('result' in lean && lean.result.outcome === 'verified') return lean.result;
    // Not verified (or not decidable): the manifest decides how the failure reads (not found,
    // an integrity failure first, as before). For an image manifest the verdict stands as it
    // is; an index is judged again in full (its platforms' signatures are named in the reason).
    fetched = await manifest();
    if ('error' in lean) throw lean.error;
    if (fetched.manifest.manifests === undefined) return lean.result;
  }
  fetched ??= await manifest();
  // From here on only the digest computed over the bytes received is used.
  const digest = fetched.digest;
  const entries = fetched.manifest.manifests;
  // A revoked digest (the image's, or a manifest its index lists) fails whatever signs it: its
  // signatures are not even looked up.
  const revoked = revokedDigest(rule, digest) ?? revokedEntry(rule, entries);
  if (revoked !== undefined) {
    const none = { digest, found: emptyDiscovery(), signatures: [], rejected: [] };
    const evidence: StoreImageEvidence = {
      kind: 'store',
      digest,
      signatures: none,
      index: entries !== undefined,
      revoked,
    };
    return { image: ref.original, digest, ...resultFields(decide(evidence, policy, now(stores))) };
  }
  const summary = await acceptedSummary(ref, digest, rule, store);
  if (summary.result) return summary.result;
  const summaryRejections = summary.rejected;
  const lookup: DigestLookup = {
    withAttestations: policy.attestations !== undefined,
    complete: policy.requireAllKeys && policy.signers.keys.length > 1,
    ...(stores.formatOrder ? { formatOrder: stores.formatOrder } : {}),
  };
  const signatures = await gatherDigest(store, digest, rule.verifier, lookup);
  const evidence: StoreImageEvidence = {
    kind: 'store',
    digest,
    signatures,
    index: entries !== undefined,
    ...(policy.attestations
      ? {
          attestations: await gatherAttestations(
            digest,
            signatures.found.candidates,
            rule.attestationVerifier,
            rule.github,
          ),
        }
      : {}),
    ...(entries !== undefined && policy.platforms !== undefined
      ? {
          platforms: await gatherPlatforms(store, entries, policy.platforms, rule.verifier, {
            ...lookup,
            withAttestations: false,
          }),
        }
      : {}),
  };
  const v = decide(evidence, policy, now(stores));
  const attestationInputs = (evidence.attestations?.verified ?? [])
    .filter((a) => policy.attestations?.types.includes(a.statement.predicateType))
    .flatMap((a) => (a.input ? [a.input] : []));
  // The index digest is what is gated. Platform signatures never stand in for it, but saying
  // they exist turns a puzzling "unsigned" into an actionable one.
  if (v.unsignedIndex && entries !== undefined)
    v.reason = (v.reason ?? '') + (await signedPlatformsNote(store, entries, rule.verifier));
  v.rejected.push(...summaryRejections);
  if (v.incomplete) return { image: ref.original, ...resultFields(v) };
  return {
    image: ref.original,
    digest,
    pinned: pinnedReference(ref, digest),
    ...resultFields(v, attestationInputs),
  };
}

/**
 * Whether the rule's verdict on a digest can be reached without its manifest: no platforms to
 * select from an index, no attestations, and no revoked digests (an index listing one fails).
 */
function manifestNotNeeded(rule: RuleContext): boolean {
  const p = rule.policy;
  return (
    p.platforms === undefined &&
    p.attestations === undefined &&
    rule.revocations?.entries.some((e) => e.kind === 'digest') !== true
  );
}

/**
 * The verdict on a digest from its signatures alone (see manifestNotNeeded): the signed payload
 * names the digest, so the manifest's bytes prove nothing more; a runtime pulling by this digest
 * checks them itself.
 */
async function verifyDigestOnly(
  ref: StoreRef,
  digest: string,
  rule: RuleContext,
  stores: Stores,
): Promise<Omit<ImageResult, 'durationMs'>> {
  const store = stores.storeFor(ref);
  const policy = rule.policy;
  const summary = await acceptedSummary(ref, digest, rule, store);
  if (summary.result) return summary.result;
  const lookup: DigestLookup = {
    complete: policy.requireAllKeys && policy.signers.keys.length > 1,
    ...(stores.formatOrder ? { formatOrder: stores.formatOrder } : {}),
  };
  const signatures = await gatherDigest(store, digest, rule.verifier, lookup);
  const evidence: StoreImageEvidence = { kind: 'store', digest, signatures, index: false };
  const v = decide(evidence, policy, now(stores));
  v.rejected.push(...summary.rejected);
  // The same fields as verifyStoreImage gives a manifest that is not an index.
  if (v.incomplete) return { image: ref.original, ...resultFields(v) };
  return { image: ref.original, digest, pinned: pinnedReference(ref, digest), ...resultFields(v) };
}

/**
 * accept-summary: the gate's own earlier verdict on these bytes under this policy, if valid, as
 * the image's result; otherwise what was rejected on the way.
 */
async function acceptedSummary(
  ref: StoreRef,
  digest: string,
  rule: RuleContext,
  store: ContentStore,
): Promise<{ result?: Omit<ImageResult, 'durationMs'>; rejected: Rejection[] }> {
  // A summary cannot show that the signatures it rested on are still unrevoked (it names them by
  // digest only): with a list revoking keys, identities, certificates or log entries, the image
  // is verified in full. Revoked digests are checked before any summary.
  const signerRevocations = rule.revocations?.entries.some((e) => e.kind !== 'digest') === true;
  if (!rule.summary || signerRevocations) return { rejected: [] };
  const found = await findAcceptedSummary(store, digest, rule.summary);
  const a = found.accepted;
  if (!a) return { rejected: found.rejected };
  return {
    rejected: [],
    result: {
      image: ref.original,
      digest,
      pinned: pinnedReference(ref, digest),
      outcome: 'verified',
      verified: true,
      signatures: [a.evidence],
      attestations: [],
      ...(found.rejected.length ? { rejected: found.rejected } : {}),
      ...(a.input ? { inputs: [a.input] } : {}),
      acceptedSummary: { where: a.where, timeVerified: a.timeVerified },
    },
  };
}

/** Why the run's revocation list revokes this digest, if it does. */
function revokedDigest(rule: RuleContext, digest: string): string | undefined {
  const list = rule.revocations;
  const m = list && matchDigest(list, digest);
  return list && m ? revokedReason(list, m) : undefined;
}

/** An index listing a revoked manifest is revoked: a runtime may pull that manifest. */
function revokedEntry(
  rule: RuleContext,
  entries: FetchedManifest['manifest']['manifests'],
): string | undefined {
  for (const d of entries ?? []) {
    const why = revokedDigest(rule, d.digest);
    if (why !== undefined) {
      const p = d.platform
        ? ` (${d.platform.os}/${d.platform.architecture}${d.platform.variant ? `/${d.platform.variant}` : ''})`
        : '';
      return `an index listing ${d.digest}${p}, which is ${why}`;
    }
  }
  return undefined;
}

/**
 * The verdict as the report's fields. Each verified signature's `input` (where it was found, the
 * digest of its bytes) moves to `inputs`, with the required attestations' that verified.
 */
function resultFields(
  v: Verdict,
  attestationInputs: EvidenceInput[] = [],
): Omit<ImageResult, 'image' | 'durationMs'> {
  const inputs: EvidenceInput[] = [];
  const signatures = v.signatures.map(({ input, ...s }) => {
    if (input) inputs.push(input);
    return s;
  });
  inputs.push(...attestationInputs);
  return {
    outcome: v.outcome,
    verified: v.outcome === 'verified',
    ...(v.code !== undefined && v.outcome !== 'verified' ? { code: v.code } : {}),
    ...(v.reason !== undefined && v.outcome !== 'verified' ? { reason: v.reason } : {}),
    ...(v.keyRef ? { keyRef: v.keyRef } : {}),
    ...(v.keyID ? { keyID: v.keyID } : {}),
    ...(v.signedAt ? { signedAt: v.signedAt } : {}),
    signatures,
    attestations: v.attestations,
    ...(v.rejected.length ? { rejected: v.rejected } : {}),
    ...(v.platforms ? { platforms: v.platforms } : {}),
    ...(inputs.length ? { inputs: uniqueInputs(inputs) } : {}),
  };
}

function uniqueInputs(inputs: EvidenceInput[]): EvidenceInput[] {
  const seen = new Set<string>();
  return inputs.filter((i) => {
    const key = `${i.uri} ${i.digest}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function now(stores: Stores): Date {
  return stores.now?.() ?? new Date();
}

function ms(started: number): number {
  return Math.round(performance.now() - started);
}
