// One image -> one ImageResult: resolve the reference to the digest of the bytes received,
// discover signatures in every format, verify each (and, on request, each platform manifest of an
// index), and explain the verdict in one line.
import {
  candidateRejection,
  checkAttestations,
  COSIGN_SIGN_PREDICATE,
  type AttestationPlan,
} from './attestation-flow.js';
import {
  checkCount,
  discover,
  eachCandidate,
  emptyDiscovery,
  mergeDiscoveries,
  storageFormat,
  type Candidate,
  type Discovery,
  type FormatOrder,
  type StorageFormat,
} from './discovery.js';
import { GateError, isFailureCode, toGateError, type GateErrorCode } from './errors.js';
import { LIMITS, nestedBudget, withByteBudget } from './limits.js';
import { formatPlatform, type PlatformSelection } from './options.js';
import { pinnedReference, type ImageRef } from './reference.js';
import { isIndexMediaType } from './registry/manifest.js';
import type { ImageResult, PlatformResult } from './report.js';
import type { ContentStore, Descriptor, SignatureEvidence, SignatureFormat } from './types.js';

/** What verify.ts needs of the signature verifier (src/core/signatures/verifier.ts). */
export interface CandidateVerifier {
  verifyLegacy(
    layer: { payload: Uint8Array; annotations: Record<string, string> },
    imageDigest: string,
  ): SignatureEvidence;
  verifyBundle(
    bundle: unknown,
    subject: { digest: string },
    format: SignatureFormat,
  ): SignatureEvidence & { statement?: { predicateType?: string } };
}

export interface VerifyContext {
  verifier: CandidateVerifier;
  storeFor(ref: Exclude<ImageRef, { kind: 's3lo' }>): ContentStore;
  verifyS3lo?(
    ref: Extract<ImageRef, { kind: 's3lo' }>,
  ): Promise<Omit<ImageResult, 'durationMs' | 'image'>>;
  /** Index images: platform manifests that must verify as well as the index digest. */
  platforms?: PlatformSelection;
  /** Required attestations and their conditions; absent when the policy asks for none. */
  attestations?: AttestationPlan;
  /** false: the image may pass on verified attestations alone (default true). */
  requireSignature?: boolean;
  /** require-all-keys: every one of these keys must have a verified signature. */
  requireAllKeys?: Array<{ keyRef: string; keyID: string }>;
  /** Run-wide: which signature format to look up first in a repository (verifyDigest). */
  formatOrder?: FormatOrder;
  /**
   * Policy file: the plan (context) for this image, keyed for deduplication, or why no rule
   * applies. Absent when one plan governs every image.
   */
  planFor?(
    ref: ImageRef,
  ): { key: string; ctx: VerifyContext; rule: string } | { unmatched: string; allowed: boolean };
}

// When every candidate is rejected, the reason names the most telling rejection.
const REASON_PRIORITY: GateErrorCode[] = [
  'UNTRUSTED_SIGNER',
  'TLOG_MISSING',
  'TLOG_INVALID',
  'SIGNATURE_INVALID',
  'PAYLOAD_MISMATCH',
  'DIGEST_MISMATCH',
  'MALFORMED',
];

export async function verifyImage(ref: ImageRef, ctx: VerifyContext): Promise<ImageResult> {
  // Everything read for this image, in any store or API, counts against one byte budget
  // (limits.ts), itself within the run's.
  const budget = nestedBudget(`image ${ref.original}`, LIMITS.imageBytes);
  return withByteBudget(budget, () => verifyImageWithin(ref, ctx));
}

async function verifyImageWithin(ref: ImageRef, ctx: VerifyContext): Promise<ImageResult> {
  const started = performance.now();
  const base = { image: ref.original, signatures: [], attestations: [] };
  try {
    if (ref.kind === 's3lo') {
      if (!ctx.verifyS3lo)
        throw new GateError('USAGE', `image '${ref.original}': s3lo references are not enabled`);
      const r = await ctx.verifyS3lo(ref);
      return { ...r, image: ref.original, durationMs: ms(started) };
    }
    const result = await verifyStoreImage(ref, ctx);
    return { ...result, durationMs: ms(started) };
  } catch (e: unknown) {
    const err = toGateError(e);
    return {
      ...base,
      outcome: isFailureCode(err.code) ? 'failed' : 'error',
      verified: false,
      reason: err.message,
      code: err.code,
      durationMs: ms(started),
    };
  }
}

async function verifyStoreImage(
  ref: Exclude<ImageRef, { kind: 's3lo' }>,
  ctx: VerifyContext,
): Promise<Omit<ImageResult, 'durationMs'>> {
  const store = ctx.storeFor(ref);
  const wanted = ref.digest ?? ref.tag;
  if (wanted === undefined)
    throw new GateError('REF_INVALID', `image '${ref.original}': name a tag or a digest`);
  const fetched = await store.getManifest(wanted);
  if (!fetched)
    throw new GateError(
      'NOT_FOUND',
      `image not found: ${ref.original} (${store.name} has no ${wanted})`,
    );
  // From here on only the digest computed over the bytes received is used.
  const digest = fetched.digest;
  const v = await verifyDigest(
    store,
    digest,
    ctx.verifier,
    lookupFor(ctx, ctx.attestations !== undefined),
  );
  requireEveryKey(v, ctx.requireAllKeys);
  const att = ctx.attestations
    ? await checkAttestations(digest, v.found.candidates, ctx.attestations)
    : undefined;
  // A candidate over its own size cap might have been the attestation asked for.
  const setAside = att && !att.ok ? unreadableLimit(v.found) : undefined;
  if (setAside) throw setAside;
  const rejected = [...v.rejected, ...(att?.rejected ?? [])];
  const common = {
    image: ref.original,
    digest,
    pinned: pinnedReference(ref, digest),
    signatures: v.signatures,
    attestations: att?.attestations ?? [],
    ...(rejected.length ? { rejected } : {}),
  };
  const signatureOptional = ctx.requireSignature === false && att !== undefined;
  if (att && !att.ok && (!v.failure || signatureOptional)) {
    return {
      ...common,
      outcome: 'failed',
      verified: false,
      code: att.code ?? 'ATTESTATION_MISSING',
      reason: att.reason ?? 'attestation policy not met',
    };
  }
  if (v.failure && signatureOptional) {
    // Attestations alone carry the verdict: every required one verified and every condition met.
    return { ...common, outcome: 'verified', verified: true };
  }
  const entries = fetched.manifest.manifests;
  if (entries !== undefined && ctx.platforms !== undefined) {
    return { ...common, ...(await verifyPlatforms(store, digest, entries, ctx, v)) };
  }
  if (v.failure) {
    // The index digest is what is gated. Platform signatures never stand in for it, but saying
    // they exist turns a puzzling "unsigned" into an actionable one.
    const note =
      entries !== undefined && v.failure.code === 'UNSIGNED'
        ? await signedPlatformsNote(store, entries, ctx.verifier)
        : '';
    return {
      ...common,
      outcome: 'failed',
      verified: false,
      ...v.failure,
      reason: v.failure.reason + note,
    };
  }
  return { ...common, ...verifiedFields(v.signatures) };
}

interface DigestVerdict {
  found: Discovery;
  signatures: SignatureEvidence[];
  rejected: Array<{ where: string; code: GateErrorCode; reason: string }>;
  /** Why no signature verified; absent when one did. */
  failure?: { code: GateErrorCode; reason: string };
}

interface DigestLookup {
  /** Look up `.att` tags too: the attestation flow judges what they hold. */
  withAttestations?: boolean;
  /** Every signature counts (require-all-keys): never stop at the first format that verifies. */
  complete?: boolean;
  formatOrder?: FormatOrder;
}

function lookupFor(ctx: VerifyContext, withAttestations: boolean): DigestLookup {
  return {
    withAttestations,
    complete: (ctx.requireAllKeys?.length ?? 0) > 0,
    ...(ctx.formatOrder ? { formatOrder: ctx.formatOrder } : {}),
  };
}

/**
 * Discover and verify the signatures of one manifest digest in one store.
 *
 * With attestations or require-all-keys every candidate counts, so every format is looked up and
 * any failure to read one is an error. Otherwise one valid signature verifies the digest:
 * candidates are fetched and judged one at a time, format after format, and the first that
 * verifies decides; nothing after it is fetched (so a flood behind a valid signature costs
 * nothing, and one in front of it stops at the byte budget). A format that yields a valid
 * signature decides even when the other could not be read (a registry error, a flood over the
 * limits), as cosign, which looks in one format, would. The `.sig` tag is looked in first (one
 * request for a key-signed image); once an image of a repository verified in one format, later
 * images look in that format first. Without a valid signature the verdict, or the error, is the
 * same in either order.
 */
async function verifyDigest(
  store: ContentStore,
  digest: string,
  verifier: CandidateVerifier,
  lookup: DigestLookup = {},
): Promise<DigestVerdict> {
  const order = lookup.formatOrder;
  if (lookup.withAttestations || lookup.complete) {
    const found = await discover(store, digest, {
      legacySuffixes: lookup.withAttestations ? ['.sig', '.att'] : ['.sig'],
    });
    const v = verdict(found, judge(found, digest, verifier));
    remember(order, store, v.signatures);
    return v;
  }
  const first = order?.first(store.name) ?? 'legacy';
  const looked: Looked[] = [];
  let failure: GateError | undefined;
  for (const format of [first, first === 'legacy' ? 'bundle' : 'legacy'] as const) {
    const l = await lookFirstValid(store, digest, verifier, format).catch((e: unknown) => {
      failure ??= toGateError(e);
      return undefined;
    });
    if (l) looked.push(l);
    if (l && l.judged.signatures.length > 0) break;
  }
  const signatures = looked.flatMap((l) => l.judged.signatures);
  // Without a valid signature, the first failure (in lookup order) is the error.
  if (signatures.length === 0 && failure !== undefined) throw failure;
  const found = looked.map((l) => l.found).reduce(mergeDiscoveries, emptyDiscovery());
  // Each format was within the limit on its own; together they may not be, which only matters
  // when no signature decided.
  if (signatures.length === 0)
    checkCount(
      store,
      digest,
      found,
      looked.reduce((n, l) => n + l.read, 0),
    );
  const v = verdict(found, { signatures, rejected: looked.flatMap((l) => l.judged.rejected) });
  remember(order, store, v.signatures);
  return v;
}

/**
 * One format's candidates, each fetched, judged and dropped in turn, until one verifies. Only
 * what was judged is kept (evidence and rejections), never the candidates themselves.
 */
async function lookFirstValid(
  store: ContentStore,
  digest: string,
  verifier: CandidateVerifier,
  format: StorageFormat,
): Promise<Looked> {
  const found = emptyDiscovery();
  const signatures: SignatureEvidence[] = [];
  const rejected: Judged['rejected'] = [];
  let read = 0;
  // A candidate whose check could not finish (not a failure: e.g. a limit) is kept aside, so a
  // later candidate that verifies still decides; it is the error only if none does.
  let deferred: GateError | undefined;
  for await (const c of eachCandidate(store, digest, { formats: [format] }, found)) {
    read++;
    try {
      const j = judge({ ...emptyDiscovery(), candidates: [c] }, digest, verifier);
      signatures.push(...j.signatures);
      rejected.push(...j.rejected);
    } catch (e: unknown) {
      deferred ??= toGateError(e);
    }
    if (signatures.length > 0) break;
  }
  if (signatures.length === 0 && deferred !== undefined) throw toGateError(deferred);
  // With no candidates kept, judging `found` yields just what discovery itself rejected (and
  // throws what it set aside, which only matters when nothing verified).
  const unreadable =
    signatures.length > 0 ? rejectionsOf(found) : judge(found, digest, verifier).rejected;
  return { found, judged: { signatures, rejected: [...unreadable, ...rejected] }, read };
}

interface Looked {
  found: Discovery;
  judged: Judged;
  /** Candidates judged (they are not kept in `found`). */
  read: number;
}

/** The cheaper format wins when both verified: a legacy lookup costs one request less. */
function remember(
  order: FormatOrder | undefined,
  store: ContentStore,
  signatures: SignatureEvidence[],
): void {
  const formats = new Set(signatures.map((s) => storageFormat(s.format)));
  if (formats.has('legacy')) order?.record(store.name, 'legacy');
  else if (formats.has('bundle')) order?.record(store.name, 'bundle');
}

type Judged = Pick<DigestVerdict, 'signatures' | 'rejected'>;

/** Verifies each signature candidate: verified evidence, or why it was rejected. */
function judge(found: Discovery, digest: string, verifier: CandidateVerifier): Judged {
  const signatures: SignatureEvidence[] = [];
  const rejected = rejectionsOf(found);
  // A candidate discovery could not read within its own cap weighs like one that could not be
  // judged: nothing, unless no signature verifies.
  let deferred: GateError | undefined = unreadableLimit(found);
  for (const c of found.candidates) {
    // Attestations are judged by the attestation flow; a referrer whose (unauthenticated) hint
    // names another predicate is not offered as a signature, which can only ever exclude.
    if (c.kind === 'legacy' && c.attestation) continue;
    if (
      c.kind === 'bundle' &&
      c.predicateTypeHint !== undefined &&
      c.predicateTypeHint !== COSIGN_SIGN_PREDICATE
    )
      continue;
    try {
      const ev = verifyCandidate(c, digest, verifier);
      if (ev) signatures.push(ev);
    } catch (e: unknown) {
      // Recorded, never thrown: a crafted candidate cannot outweigh one that verified.
      const err = candidateRejection(e, c.where);
      if (!isFailureCode(err.code)) deferred ??= err;
      rejected.push({ where: c.where, code: err.code, reason: err.message });
    }
  }
  if (signatures.length === 0 && deferred) throw deferred;
  return { signatures, rejected };
}

/** What discovery itself rejected, as rejections. */
function rejectionsOf(found: Discovery): Judged['rejected'] {
  return found.rejected.map(({ where, error }) => ({
    where,
    code: error.code,
    reason: error.message,
  }));
}

/** The first candidate discovery set aside for a non-failure reason (its own size cap). */
function unreadableLimit(found: Discovery): GateError | undefined {
  return found.rejected.find((r) => !isFailureCode(r.error.code))?.error;
}

function verdict(found: Discovery, { signatures, rejected }: Judged): DigestVerdict {
  if (signatures.length > 0) return { found, signatures, rejected };
  if (rejected.length === 0) {
    const ignored = found.ignored.length
      ? `; ignored ${found.ignored.map((i) => `${i.where} (${i.why})`).join(', ')}`
      : '';
    return {
      found,
      signatures,
      rejected,
      failure: {
        code: 'UNSIGNED',
        reason: `no signatures found (looked in ${found.searched.join(', ')}${ignored})`,
      },
    };
  }
  const ranked = [...rejected].sort((a, b) => rank(a.code) - rank(b.code));
  const top = ranked[0];
  const more = rejected.length > 1 ? ` (${rejected.length - 1} more signature(s) rejected)` : '';
  return {
    found,
    signatures,
    rejected,
    failure: { code: top.code, reason: `no valid signature: ${top.reason}${more}` },
  };
}

/** require-all-keys: a digest signed by only some of the keys is not verified. */
function requireEveryKey(v: DigestVerdict, keys: VerifyContext['requireAllKeys']): void {
  if (!keys?.length || v.failure) return;
  const signed = new Set(v.signatures.map((s) => s.keyID));
  const missing = keys.filter((k) => !signed.has(k.keyID));
  if (missing.length === 0) return;
  // Or it was in the candidate set aside over its size cap: that could not be read, not a verdict.
  const setAside = unreadableLimit(v.found);
  if (setAside) throw setAside;
  v.failure = {
    code: 'UNSIGNED',
    reason: `require-all-keys: no valid signature by ${missing.map((k) => `${k.keyRef} (${k.keyID})`).join(', ')}`,
  };
}

function verifiedFields(
  signatures: SignatureEvidence[],
): Pick<ImageResult, 'outcome' | 'verified' | 'keyRef' | 'keyID' | 'signedAt'> {
  const first = signatures[0];
  return {
    outcome: 'verified',
    verified: true,
    ...(first.keyRef ? { keyRef: first.keyRef } : {}),
    ...(first.keyID ? { keyID: first.keyID } : {}),
    ...(first.signedAt ? { signedAt: first.signedAt } : {}),
  };
}

type PlatformEntry = { platform: string; digest: string };

/**
 * `platforms` on an index: the index digest must verify, and so must every selected platform
 * manifest, each on its own signatures (an index signature is not looked through).
 */
async function verifyPlatforms(
  store: ContentStore,
  indexDigest: string,
  entries: Descriptor[],
  ctx: VerifyContext,
  index: DigestVerdict,
): Promise<Omit<ImageResult, 'image' | 'durationMs' | 'signatures' | 'attestations'>> {
  const { selected, missing } = selectPlatforms(entries, ctx.platforms!);
  // A runtime looks through a nested index to a manifest whose signature was never asked for.
  const nested = new Set(entries.filter((d) => isIndexMediaType(d.mediaType)).map((d) => d.digest));
  const platforms: PlatformResult[] = await Promise.all(
    selected.map(async (p): Promise<PlatformResult> => {
      if (nested.has(p.digest))
        return {
          ...p,
          outcome: 'failed',
          code: 'MALFORMED',
          reason: `${p.digest} is itself an index: platforms verifies platform manifests, and the manifests a nested index lists would be pulled unverified`,
        };
      try {
        const v = await verifyDigest(store, p.digest, ctx.verifier, lookupFor(ctx, false));
        requireEveryKey(v, ctx.requireAllKeys);
        if (!v.failure) return { ...p, outcome: 'verified' };
        return { ...p, outcome: 'failed', code: v.failure.code, reason: v.failure.reason };
      } catch (e: unknown) {
        const err = toGateError(e);
        const outcome = isFailureCode(err.code) ? 'failed' : 'error';
        return { ...p, outcome, code: err.code, reason: err.message };
      }
    }),
  );
  const failed = platforms.filter((p) => p.outcome === 'failed');
  const errored = platforms.filter((p) => p.outcome === 'error');
  const verifiedNames = platforms.filter((p) => p.outcome === 'verified').map((p) => p.platform);
  const base = { platforms };
  if (index.failure) {
    const note = verifiedNames.length
      ? `; platform manifest(s) ${verifiedNames.join(', ')} are signed, but a signature on a platform manifest never verifies the index digest ${indexDigest}`
      : '';
    return {
      ...base,
      outcome: 'failed',
      verified: false,
      code: index.failure.code,
      reason: `the index itself is not verified: ${index.failure.reason}${note}`,
    };
  }
  if (missing.length) {
    const have = selectPlatforms(entries, 'all').selected.map((p) => p.platform);
    return {
      ...base,
      outcome: 'failed',
      verified: false,
      code: 'NOT_FOUND',
      reason: `platforms: ${missing.join(', ')} not in index ${indexDigest} (it has ${have.join(', ') || 'no platform manifests'})`,
    };
  }
  if (selected.length === 0)
    return {
      ...base,
      outcome: 'failed',
      verified: false,
      code: 'NOT_FOUND',
      reason: `platforms: index ${indexDigest} lists no platform manifests to verify`,
    };
  const bad = failed[0] ?? errored[0];
  if (bad) {
    const others = failed.length + errored.length - 1;
    return {
      ...base,
      outcome: failed.length ? 'failed' : 'error',
      verified: false,
      code: bad.code ?? 'INTERNAL',
      reason:
        `the index is signed, but platform ${bad.platform} (${bad.digest}) is not verified: ${bad.reason ?? ''}` +
        (others ? ` (${others} more platform(s) not verified)` : ''),
    };
  }
  return { ...base, ...verifiedFields(index.signatures) };
}

/** Platform manifests of an index that `sel` asks for, and requested platforms it lacks. */
export function selectPlatforms(
  entries: Descriptor[],
  sel: PlatformSelection,
): { selected: PlatformEntry[]; missing: string[] } {
  // buildx lists attestation manifests as platform unknown/unknown: they are not platforms. An
  // annotation saying so is unauthenticated and no runtime reads it, so it excludes nothing.
  const real = entries.filter(
    (d) => d.platform === undefined || runtimePlatform(d.platform).os !== 'unknown',
  );
  if (real.length > LIMITS.signaturesPerImage)
    throw new GateError(
      'LIMIT_EXCEEDED',
      `index lists ${real.length} platform manifests, limit ${LIMITS.signaturesPerImage}`,
    );
  const entry = (d: Descriptor): PlatformEntry => ({
    platform: d.platform ? formatPlatform(d.platform) : 'unspecified',
    digest: d.digest,
  });
  // A runtime pulls a manifest listed without a platform when none matches its own.
  if (sel === 'all') return { selected: real.map(entry), missing: [] };
  const selected: PlatformEntry[] = [];
  const missing: string[] = [];
  for (const want of sel) {
    // Matched as a runtime matches them, after normalising both sides: every manifest it could
    // pull for the platform asked for is selected.
    const w = runtimePlatform(want);
    const hits = real.filter((d) => {
      if (d.platform === undefined) return false;
      const p = runtimePlatform(d.platform);
      return (
        p.os === w.os &&
        p.architecture === w.architecture &&
        (want.variant === undefined || p.variant === w.variant)
      );
    });
    if (hits.length === 0) missing.push(formatPlatform(want));
    for (const h of hits) if (!selected.some((s) => s.digest === h.digest)) selected.push(entry(h));
  }
  return { selected, missing };
}

/**
 * A platform as containerd's platforms.Normalize spells it (os and arch lower-cased, architecture
 * aliases and default variants folded), so that matching agrees with what a runtime would pull.
 */
export function runtimePlatform(p: { os: string; architecture: string; variant?: string }): {
  os: string;
  architecture: string;
  variant: string;
} {
  const os0 = p.os.toLowerCase();
  const os = os0 === 'macos' ? 'darwin' : os0;
  let architecture = p.architecture.toLowerCase();
  let variant = (p.variant ?? '').toLowerCase();
  switch (architecture) {
    case 'i386':
      architecture = '386';
      variant = '';
      break;
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      architecture = 'amd64';
      if (variant === 'v1') variant = '';
      break;
    case 'aarch64':
    case 'arm64':
      architecture = 'arm64';
      if (variant === '8' || variant === 'v8' || variant === 'v8.0') variant = '';
      break;
    case 'armhf':
      architecture = 'arm';
      variant = 'v7';
      break;
    case 'armel':
      architecture = 'arm';
      variant = 'v6';
      break;
    case 'arm':
      if (variant === '' || variant === '7') variant = 'v7';
      else if (/^[568]$/.test(variant)) variant = `v${variant}`;
      break;
  }
  return { os, architecture, variant };
}

const PROBE_PLATFORMS = 16;

/** For an unsigned index: which platform manifests do verify, as a note for the reason. */
async function signedPlatformsNote(
  store: ContentStore,
  entries: Descriptor[],
  verifier: CandidateVerifier,
): Promise<string> {
  let selected: PlatformEntry[];
  try {
    selected = selectPlatforms(entries, 'all').selected.slice(0, PROBE_PLATFORMS);
  } catch {
    return '';
  }
  const signed = await Promise.all(
    selected.map(async (p) => {
      try {
        return (await verifyDigest(store, p.digest, verifier)).failure ? undefined : p.platform;
      } catch {
        // Only an explanation is at stake here; the verdict is already "failed".
        return undefined;
      }
    }),
  );
  const names = signed.filter((n): n is string => n !== undefined);
  if (names.length === 0) return '';
  return `; the index's platform manifest(s) ${names.join(', ')} are signed, but a signature on a platform manifest never verifies the index digest (set platforms to also require them)`;
}

function verifyCandidate(
  c: Candidate,
  digest: string,
  verifier: CandidateVerifier,
): SignatureEvidence | undefined {
  if (c.kind === 'legacy') return verifier.verifyLegacy(c, digest);
  const ev = verifier.verifyBundle(c.bundle, { digest }, c.format);
  const predicateType = ev.statement?.predicateType;
  // A verified attestation of another type is not a signature of the image.
  if (predicateType !== undefined && predicateType !== COSIGN_SIGN_PREDICATE) return undefined;
  const evidence = { ...ev };
  delete evidence.statement;
  return evidence;
}

function rank(code: GateErrorCode): number {
  const i = REASON_PRIORITY.indexOf(code);
  return i < 0 ? REASON_PRIORITY.length : i;
}

function ms(started: number): number {
  return Math.round(performance.now() - started);
}
