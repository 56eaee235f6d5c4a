// Finds every signature an image may carry, in both cosign formats and independently for each
// image: legacy `sha256-<hex>.sig` tags, and Sigstore bundles as OCI 1.1 referrers (or the
// `sha256-<hex>` tag-index fallback). Nothing found here is trusted until verified.
import { createHash } from 'node:crypto';
import { GateError, toGateError } from '../errors.js';
import { cosignSimpleSigningPayload } from '../signatures/legacy.js';
import { parseCheckedJsonBytes } from '../signatures/strict-json.js';
import { budgetExhausted, LIMITS } from '../limits.js';
import {
  MEDIA_TYPES,
  type ContentStore,
  type Descriptor,
  type EvidenceInput,
  type SignatureFormat,
} from '../types.js';

export interface LegacyCandidate {
  kind: 'legacy';
  /** `.att` layers hold DSSE attestations; `.sig` layers hold simple-signing signatures. */
  attestation: boolean;
  /** Where it was found, for reasons: `<tag> layer <n>`. */
  where: string;
  payload: Uint8Array;
  annotations: Record<string, string>;
  /** What a verdict resting on it names it by (a verification summary's inputAttestations). */
  input?: EvidenceInput;
}

export interface BundleCandidate {
  kind: 'bundle';
  where: string;
  format: Extract<SignatureFormat, 'bundle-referrer' | 'bundle-tag'>;
  bundle: unknown;
  /** Unauthenticated hint from the referrer annotation; only the verified statement counts. */
  predicateTypeHint?: string;
  /** The referrer manifest holding the bundle (see LegacyCandidate.input). */
  input?: EvidenceInput;
}

export type Candidate = LegacyCandidate | BundleCandidate;

export interface Discovery {
  candidates: Candidate[];
  /** Candidates that could not even be read (malformed layer, bad digest): reported, never trusted. */
  rejected: Array<{ where: string; error: GateError }>;
  /** Places looked in, for the "unsigned" reason. */
  searched: string[];
  /** Entries that are not evidence about this image at all (a referrer naming another subject). */
  ignored: Array<{ where: string; why: string }>;
}

/** cosign's `<alg>-<hex>.sig|.att` tag, or undefined where that is no tag (a sha512 digest). */
export function signatureTag(digest: string, suffix: string): string | undefined {
  const tag = digest.replace(':', '-') + suffix;
  return TAG.test(tag) ? tag : undefined;
}

/**
 * The distribution spec's Referrers Tag Schema: the algorithm truncated to 32 characters, `-`,
 * the encoded part truncated to 64, characters a tag cannot hold replaced by `-`. A sha256
 * digest's is `sha256-<hex>`; a sha512 digest's keeps the first 64 of its 128 hex digits.
 */
export function referrersTag(digest: string): string {
  const colon = digest.indexOf(':');
  const alg = digest.slice(0, colon).slice(0, 32);
  const encoded = digest.slice(colon + 1).slice(0, 64);
  return `${alg}-${encoded}`.replace(/[^a-zA-Z0-9._-]/g, '-');
}

/** A tag as the distribution spec allows it. */
const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;

/** The two places a signature can be stored: `sha256-<hex>.sig|.att` tags, or bundle referrers. */
export type StorageFormat = 'legacy' | 'bundle';

export function storageFormat(f: SignatureFormat): StorageFormat | undefined {
  if (f === 'legacy-tag' || f === 'legacy-att') return 'legacy';
  if (f === 'bundle-referrer' || f === 'bundle-tag') return 'bundle';
  return undefined;
}

/**
 * Run-wide memory of the storage format whose signature last verified in each repository. It
 * only orders the lookups of later images (see verify.ts); it never decides a verdict.
 */
export class FormatOrder {
  private readonly last = new Map<string, StorageFormat>();

  first(store: string): StorageFormat | undefined {
    return this.last.get(store);
  }

  record(store: string, format: StorageFormat): void {
    this.last.set(store, format);
  }
}

export interface LookupOptions {
  legacySuffixes?: string[];
  formats?: readonly StorageFormat[];
  /**
   * Bundles only of this predicate type, by the list entry's (unauthenticated) annotation, so
   * the others are not even fetched; it can only leave candidates out (accept-summary).
   */
  predicateType?: string;
}

/**
 * Every candidate of `digest`, fetched and kept: the attestation flow and require-all-keys judge
 * them all. They are read one at a time in lookup order (see eachCandidate) against the image's
 * byte budget; a failure to *obtain* evidence (network, limits) propagates as an error, while
 * unreadable content is recorded as a rejected candidate.
 */
export async function discover(
  store: ContentStore,
  digest: string,
  opts: LookupOptions = {},
): Promise<Discovery> {
  const result = emptyDiscovery();
  for await (const c of eachCandidate(store, digest, opts, result)) result.candidates.push(c);
  checkCount(store, digest, result);
  return result;
}

export function emptyDiscovery(): Discovery {
  return { candidates: [], rejected: [], searched: [], ignored: [] };
}

/**
 * The candidates of `digest`, fetched and parsed one at a time, in order: the layers of each
 * legacy tag (`.sig`, then `.att` when asked) in manifest order, then the bundle referrers in the
 * order listed. Nothing is read ahead, so a consumer that has its verdict stops iterating and
 * the rest is never fetched; each candidate can be dropped once judged. Places looked in,
 * rejected and ignored entries are recorded in `log` (its `candidates` are left to the caller).
 * More than LIMITS.signaturesPerImage candidates: LIMIT_EXCEEDED when the next one is reached.
 */
export async function* eachCandidate(
  store: ContentStore,
  digest: string,
  opts: LookupOptions,
  log: Discovery,
): AsyncGenerator<Candidate, void, undefined> {
  const suffixes = opts.legacySuffixes ?? ['.sig'];
  const formats = opts.formats ?? ['legacy', 'bundle'];
  let n = 0;
  const sources: Array<() => AsyncGenerator<Candidate, void, undefined>> = [
    ...(formats.includes('legacy')
      ? suffixes.map((s) => () => legacyCandidates(store, digest, s, log))
      : []),
    ...(formats.includes('bundle')
      ? [() => bundleCandidates(store, digest, log, opts.predicateType)]
      : []),
  ];
  for (const source of sources) {
    for await (const c of source()) {
      if (++n > LIMITS.signaturesPerImage)
        throw new GateError(
          'LIMIT_EXCEEDED',
          `${store.name}@${digest}: more than ${LIMITS.signaturesPerImage} signatures found, limit ${LIMITS.signaturesPerImage}`,
        );
      yield c;
    }
  }
}

/** Lookups of the formats one at a time, as one (the caller applies the count limit). */
export function mergeDiscoveries(a: Discovery, b: Discovery): Discovery {
  return {
    candidates: [...a.candidates, ...b.candidates],
    rejected: [...a.rejected, ...b.rejected],
    searched: [...a.searched, ...b.searched],
    ignored: [...a.ignored, ...b.ignored],
  };
}

/** More candidates than LIMITS.signaturesPerImage: LIMIT_EXCEEDED. */
export function checkCount(
  store: ContentStore,
  digest: string,
  d: Discovery,
  n = d.candidates.length,
): void {
  if (n > LIMITS.signaturesPerImage)
    throw new GateError(
      'LIMIT_EXCEEDED',
      `${store.name}@${digest}: ${n} signatures found, limit ${LIMITS.signaturesPerImage}`,
    );
}

async function* legacyCandidates(
  store: ContentStore,
  digest: string,
  suffix: string,
  out: Discovery,
): AsyncGenerator<LegacyCandidate, void, undefined> {
  const tag = signatureTag(digest, suffix);
  if (tag === undefined) {
    // cosign cannot write one either (go-containerregistry refuses a tag over 128 characters).
    out.searched.push(
      `no ${suffix} tag (${digest.slice(0, digest.indexOf(':'))} digests have none)`,
    );
    return;
  }
  out.searched.push(`tag ${tag}`);
  const sig = await store.getManifest(tag);
  if (!sig) return;
  const layers = sig.manifest.layers ?? [];
  if (layers.length > LIMITS.layersPerManifest)
    throw new GateError(
      'LIMIT_EXCEEDED',
      `${store.name}:${tag} has ${layers.length} layers, limit ${LIMITS.layersPerManifest}`,
    );
  const wanted = suffix === '.att' ? MEDIA_TYPES.dsseEnvelope : MEDIA_TYPES.simpleSigning;
  const usable = layers.filter((l) => l.mediaType === wanted);
  // Layers holding cosign's default payload for this image need no fetch, so they are judged
  // first (the first valid signature decides); the rest follow in manifest order. A `.sig` signed
  // under two names (a mirror, `cosign copy`) or by two signers, one with `-a` annotations, then
  // costs no blob request when a default one verifies. The layer's number stays its place.
  const known = usable.map((l) => (suffix === '.sig' ? knownPayload(store, digest, l) : undefined));
  const order = usable.map((_, i) => i).sort((a, b) => Number(!known[a]) - Number(!known[b]));
  for (const [n, i] of order.entries()) {
    entryLimit(n, `${store.name}:${tag}`);
    const layer = usable[i];
    const where = `${tag} layer ${i}`;
    let payload: Uint8Array;
    try {
      payload = known[i] ?? (await fetchLayer(store, layer, LIMITS.payloadBytes, where));
    } catch (e: unknown) {
      const err = toGateError(e);
      if (!isCandidateFault(err)) throw err;
      out.rejected.push({ where, error: err });
      continue;
    }
    yield {
      kind: 'legacy',
      attestation: suffix === '.att',
      where,
      payload,
      annotations: layer.annotations ?? {},
      input: { uri: `oci://${store.name}:${tag}`, digest: layer.digest },
    };
  }
}

/**
 * A `.sig` layer whose digest is that of the payload cosign writes by default for this image
 * (`store.name@digest`, no annotations) holds exactly those bytes: SHA-256 proves it as surely as
 * fetching the blob and hashing it would, so the blob is not fetched. Any other layer (signed
 * with `-a` annotations, or under another name, as after `cosign copy`) is fetched as usual.
 * Either way the bytes are then checked and verified alike.
 */
function knownPayload(store: ContentStore, digest: string, layer: Descriptor): Buffer | undefined {
  if (!layer.digest.startsWith('sha256:')) return undefined;
  const payload = cosignSimpleSigningPayload(store.name, digest);
  if (layer.size !== payload.length) return undefined;
  const hex = createHash('sha256').update(payload).digest('hex');
  return layer.digest === `sha256:${hex}` ? payload : undefined;
}

async function* bundleCandidates(
  store: ContentStore,
  digest: string,
  out: Discovery,
  predicateType?: string,
): AsyncGenerator<BundleCandidate, void, undefined> {
  let descriptors: Descriptor[] | undefined;
  let format: BundleCandidate['format'] = 'bundle-referrer';
  if (store.getReferrers) {
    out.searched.push('referrers API');
    descriptors = await store.getReferrers(digest, MEDIA_TYPES.bundleV03);
  }
  if (descriptors === undefined) {
    format = 'bundle-tag';
    const tag = referrersTag(digest);
    out.searched.push(`tag ${tag}`);
    const index = await store.getManifest(tag);
    // GitLab's registry reads `sha256-<hex>` as the digest `sha256:<hex>` and answers with the
    // image itself (oras-project/oras-go#1396): its own entries (an index's platforms) are no
    // referrers. Per the distribution spec, a fallback tag that is not a valid index means "no
    // referrers" too.
    descriptors = index && index.digest !== digest ? (index.manifest.manifests ?? []) : [];
  }
  // An entry listing the OCI empty config type may be a bundle too: Harbor lists a manifest's
  // config media type in place of its artifactType (goharbor/harbor#19867), and cosign's
  // fallback indexes did (sigstore/cosign#4422); readBundle then goes by the manifest's own.
  const bundles = descriptors.filter(
    (d) =>
      (d.artifactType === MEDIA_TYPES.bundleV03 || d.artifactType === MEDIA_TYPES.ociEmpty) &&
      (predicateType === undefined ||
        d.annotations?.['dev.sigstore.bundle.predicateType'] === predicateType),
  );
  for (const [i, desc] of bundles.entries()) {
    entryLimit(
      i,
      `${format === 'bundle-tag' ? 'tag index' : 'referrers'} of ${store.name}@${digest}`,
    );
    const where = `${format === 'bundle-tag' ? 'tag index' : 'referrer'} ${desc.digest}`;
    let candidate: BundleCandidate | undefined;
    try {
      candidate = await readBundle(store, digest, desc, where, format, out);
    } catch (e: unknown) {
      const err = toGateError(e);
      if (!isCandidateFault(err)) throw err;
      out.rejected.push({ where, error: err });
    }
    if (candidate) yield candidate;
  }
}

/** One referrer: its manifest, which must name `digest`, and its single bundle layer, parsed. */
async function readBundle(
  store: ContentStore,
  digest: string,
  desc: Descriptor,
  where: string,
  format: BundleCandidate['format'],
  out: Discovery,
): Promise<BundleCandidate | undefined> {
  const found = await store.getManifest(desc.digest);
  if (!found) return undefined;
  const m = found.manifest;
  // The referrers list is unauthenticated: the manifest itself must name this image. One
  // that names another is about another image, so it is skipped, not counted as a bad
  // signature of this one (SECURITY.md 6.30); whatever it carries is never verified here.
  if (m.subject?.digest !== digest) {
    out.ignored.push({
      where,
      why: `its subject is ${m.subject?.digest ?? 'absent'}, not ${digest}`,
    });
    return undefined;
  }
  // Listed under the empty config type: a bundle only if the manifest says so itself.
  if (desc.artifactType !== MEDIA_TYPES.bundleV03 && m.artifactType !== MEDIA_TYPES.bundleV03) {
    out.ignored.push({
      where,
      why: `its artifactType is ${m.artifactType ?? 'absent'}, not ${MEDIA_TYPES.bundleV03}`,
    });
    return undefined;
  }
  const layers = (m.layers ?? []).filter((l) => l.mediaType === MEDIA_TYPES.bundleV03);
  if (layers.length !== 1 || (m.layers ?? []).length !== 1)
    throw new GateError('MALFORMED', `${where}: expected exactly one bundle layer`);
  const bytes = await fetchLayer(store, layers[0], LIMITS.bundleBytes, where);
  let bundle: unknown;
  try {
    // Strictly, as sigstore-go's protojson reads it for cosign: a key given twice is refused,
    // not read as its last value.
    bundle = parseCheckedJsonBytes(bytes);
  } catch (e: unknown) {
    const why = e instanceof Error ? e.message : String(e);
    throw new GateError('MALFORMED', `${where}: bundle is not JSON read one way (${why})`, {
      cause: e,
    });
  }
  const hint = m.annotations?.['dev.sigstore.bundle.predicateType'];
  return {
    kind: 'bundle',
    where,
    format,
    bundle,
    ...(hint ? { predicateTypeHint: hint } : {}),
    input: { uri: `oci://${store.name}@${found.digest}`, digest: found.digest },
  };
}

/**
 * A layer's blob, read no further than its descriptor's size (go-containerregistry checks the
 * size as well as the digest): a layer that declares more than `cap` is not fetched at all, and
 * one that sends more than it declared stops there.
 */
function fetchLayer(
  store: ContentStore,
  layer: Descriptor,
  cap: number,
  where: string,
): Promise<Uint8Array> {
  if (layer.size > cap)
    throw new GateError(
      'LIMIT_EXCEEDED',
      `${where}: layer ${layer.digest} declares ${layer.size} bytes, limit ${cap}`,
    );
  return store.getBlob(layer.digest, layer.size);
}

/**
 * Entries are read in order until one decides; reaching entry LIMITS.signaturesPerImage + 1 of
 * one list means none of the first ones did, whatever they were (rejected, ignored, invalid).
 */
function entryLimit(i: number, list: string): void {
  if (i >= LIMITS.signaturesPerImage)
    throw new GateError(
      'LIMIT_EXCEEDED',
      `${list}: more than ${LIMITS.signaturesPerImage} entries read without a verdict, limit ${LIMITS.signaturesPerImage}`,
    );
}

/**
 * Faults of one attacker-writable candidate: a verdict on it (malformed, wrong digest), or one
 * read over its own cap (a layer declaring more than the limit, a manifest larger than 4 MiB).
 * The latter is recorded as a rejection with its own code: it cannot outweigh a candidate that
 * verifies, and is the error (exit 2) only when none does (see `judge` in verify.ts). A spent
 * byte budget is no candidate's fault and ends the lookup.
 */
function isCandidateFault(e: GateError): boolean {
  if (e.code === 'LIMIT_EXCEEDED') return !budgetExhausted();
  return ['MALFORMED', 'DIGEST_MISMATCH', 'NOT_FOUND', 'PAYLOAD_MISMATCH'].includes(e.code);
}
