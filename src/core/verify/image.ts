// One image -> one ImageResult: resolve the reference to the digest of the bytes received, gather
// the evidence the rule asks for (signatures, attestations, platform manifests; an s3lo store's
// records), let decide.ts judge it, and explain the verdict in one line.
import { GateError } from '../errors.js';
import { LIMITS, nestedBudget, withByteBudget } from '../limits.js';
import { pinnedReference, type ImageRef, type S3loImageRef } from '../reference.js';
import type { ImageResult } from '../report.js';
import { gatherS3lo } from '../s3lo/verify.js';
import type { ContentStore, EvidenceInput, FetchedManifest } from '../types.js';
import { isIndexMediaType } from '../registry/manifest.js';
import { gatherAttestations } from './attestations.js';
import type { RuleContext, Stores } from './context.js';
import { decide, type Verdict } from './decide.js';
import type { ImageEvidence, StoreImageEvidence } from './evidence.js';
import { emptyDiscovery } from './discovery.js';
import { gatherDigest, type DigestLookup } from './lookup.js';
import { matchDigest, revokedReason } from '../revocation/list.js';
import { revokeS3loKeys } from '../revocation/s3lo.js';
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
  const ev = revokeS3loKeys(
    await gatherS3lo(ref.s3lo, rule.policy.signers.keys, stores.s3lo(ref)),
    rule.revocations,
  );
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
  const fetched =
    resolved && (ref.digest === undefined || ref.digest === resolved.digest)
      ? resolved
      : await store.getManifest(wanted);
  if (!fetched)
    throw new GateError(
      'NOT_FOUND',
      `image not found: ${ref.original} (${store.name} has no ${wanted})`,
    );
  // From here on only the digest computed over the bytes received is used.
  const digest = fetched.digest;
  const policy = rule.policy;
  const entries = fetched.manifest.manifests;
  // A revoked digest (the image's, or a manifest its index lists) fails whatever signs it: its
  // signatures are not even looked up.
  const revoked =
    revokedDigest(rule, digest) ?? (await revokedEntry(rule, store, entries, NESTED_INDEX_DEPTH));
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
  // accept-summary: the gate's own earlier verdict on these bytes under this policy, if valid.
  let summaryRejections: Rejection[] = [];
  // A summary cannot show that the signatures it rested on are still unrevoked (it names them by
  // digest only): with a list revoking keys, identities, certificates or log entries, the image
  // is verified in full. Revoked digests are checked above, before any summary.
  const signerRevocations = rule.revocations?.entries.some((e) => e.kind !== 'digest') === true;
  if (rule.summary && !signerRevocations) {
    const found = await findAcceptedSummary(store, { ref, digest, rule: policy }, rule.summary);
    const a = found.accepted;
    if (a)
      return {
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
      };
    summaryRejections = found.rejected;
  }
  const lookup: DigestLookup = {
    withAttestations: policy.attestations !== undefined,
    // Every key must have signed: the first valid signature may be another key's or keyless.
    complete:
      policy.requireAllKeys &&
      (policy.signers.keys.length > 1 ||
        (policy.signers.keys.length > 0 && policy.signers.identities.length > 0)),
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

/** Why the run's revocation list revokes this digest, if it does. */
function revokedDigest(rule: RuleContext, digest: string): string | undefined {
  const list = rule.revocations;
  const m = list && matchDigest(list, digest);
  return list && m ? revokedReason(list, m) : undefined;
}

/** Indexes inside indexes looked through for revoked manifests (containerd resolves them). */
const NESTED_INDEX_DEPTH = 4;

/**
 * An index listing a revoked manifest is revoked: a runtime may pull that manifest. Listed
 * indexes are looked through too (containerd's image handlers descend into a nested index), so a
 * revoked manifest wrapped in one more index is still found; they are fetched only while the list
 * revokes digests, and their bytes are checked against the digest listed (getManifest).
 */
async function revokedEntry(
  rule: RuleContext,
  store: ContentStore,
  entries: FetchedManifest['manifest']['manifests'],
  depth: number,
): Promise<string | undefined> {
  for (const d of entries ?? []) {
    const why = revokedDigest(rule, d.digest);
    if (why !== undefined) {
      const p = d.platform
        ? ` (${d.platform.os}/${d.platform.architecture}${d.platform.variant ? `/${d.platform.variant}` : ''})`
        : '';
      return `an index listing ${d.digest}${p}, which is ${why}`;
    }
  }
  if (!rule.revocations?.entries.some((e) => e.kind === 'digest')) return undefined;
  for (const d of entries ?? []) {
    if (!isIndexMediaType(d.mediaType)) continue;
    if (depth <= 0)
      throw new GateError(
        'LIMIT_EXCEEDED',
        `index ${d.digest} is nested more than ${NESTED_INDEX_DEPTH} deep: its manifests cannot be checked against the revocation list`,
      );
    const nested = await store.getManifest(d.digest);
    if (!nested)
      throw new GateError(
        'NOT_FOUND',
        `nested index ${d.digest} not found: its manifests cannot be checked against the revocation list`,
      );
    const why = await revokedEntry(rule, store, nested.manifest.manifests, depth - 1);
    if (why !== undefined) return `an index listing ${d.digest}, ${why}`;
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
