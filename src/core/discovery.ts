// Finds every signature an image may carry, in both cosign formats and independently for each
// image: legacy `sha256-<hex>.sig` tags, and Sigstore bundles as OCI 1.1 referrers (or the
// `sha256-<hex>` tag-index fallback). Nothing found here is trusted until verified.
import { createHash } from 'node:crypto';
import { GateError, toGateError } from './errors.js';
import { cosignSimpleSigningPayload } from './signatures/legacy.js';
import { LIMITS } from './limits.js';
import { MEDIA_TYPES, type ContentStore, type Descriptor, type SignatureFormat } from './types.js';

export interface LegacyCandidate {
  kind: 'legacy';
  /** `.att` layers hold DSSE attestations; `.sig` layers hold simple-signing signatures. */
  attestation: boolean;
  /** Where it was found, for reasons: `<tag> layer <n>`. */
  where: string;
  payload: Uint8Array;
  annotations: Record<string, string>;
}

export interface BundleCandidate {
  kind: 'bundle';
  where: string;
  format: Extract<SignatureFormat, 'bundle-referrer' | 'bundle-tag'>;
  bundle: unknown;
  /** Unauthenticated hint from the referrer annotation; only the verified statement counts. */
  predicateTypeHint?: string;
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

export function signatureTag(digest: string, suffix: string): string {
  return digest.replace(':', '-') + suffix;
}

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

export async function discover(
  store: ContentStore,
  digest: string,
  opts: { legacySuffixes?: string[]; formats?: readonly StorageFormat[] } = {},
): Promise<Discovery> {
  const result: Discovery = { candidates: [], rejected: [], searched: [], ignored: [] };
  const suffixes = opts.legacySuffixes ?? ['.sig'];
  const formats = opts.formats ?? ['legacy', 'bundle'];
  // The formats asked for are looked up concurrently; a failure to *obtain* evidence (network,
  // limits) propagates as an error, while unreadable content is recorded as a rejected candidate.
  await Promise.all([
    ...(formats.includes('legacy')
      ? suffixes.map((s) => discoverLegacy(store, digest, s, result))
      : []),
    ...(formats.includes('bundle') ? [discoverBundles(store, digest, result)] : []),
  ]);
  checkCount(store, digest, result);
  return result;
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
export function checkCount(store: ContentStore, digest: string, d: Discovery): void {
  if (d.candidates.length > LIMITS.signaturesPerImage)
    throw new GateError(
      'LIMIT_EXCEEDED',
      `${store.name}@${digest}: ${d.candidates.length} signatures found, limit ${LIMITS.signaturesPerImage}`,
    );
}

async function discoverLegacy(
  store: ContentStore,
  digest: string,
  suffix: string,
  out: Discovery,
): Promise<void> {
  const tag = signatureTag(digest, suffix);
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
  const usable = layers
    .filter((l) => l.mediaType === wanted)
    .slice(0, LIMITS.signaturesPerImage + 1);
  await Promise.all(
    usable.map(async (layer, i) => {
      const where = `${tag} layer ${i}`;
      try {
        const payload =
          (suffix === '.sig' ? knownPayload(store, digest, layer) : undefined) ??
          (await store.getBlob(layer.digest, LIMITS.payloadBytes));
        out.candidates.push({
          kind: 'legacy',
          attestation: suffix === '.att',
          where,
          payload,
          annotations: layer.annotations ?? {},
        });
      } catch (e: unknown) {
        const err = toGateError(e);
        if (!isContentFault(err)) throw err;
        out.rejected.push({ where, error: err });
      }
    }),
  );
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

async function discoverBundles(store: ContentStore, digest: string, out: Discovery): Promise<void> {
  let descriptors: Descriptor[] | undefined;
  let format: BundleCandidate['format'] = 'bundle-referrer';
  if (store.getReferrers) {
    out.searched.push('referrers API');
    descriptors = await store.getReferrers(digest, MEDIA_TYPES.bundleV03);
  }
  if (descriptors === undefined) {
    format = 'bundle-tag';
    const tag = signatureTag(digest, '');
    out.searched.push(`tag ${tag}`);
    const index = await store.getManifest(tag);
    // Per the distribution spec, a fallback tag that is not a valid index means "no referrers".
    descriptors = index?.manifest.manifests ?? [];
  }
  const bundles = descriptors
    .filter((d) => d.artifactType === MEDIA_TYPES.bundleV03)
    .slice(0, LIMITS.signaturesPerImage + 1);
  await Promise.all(
    bundles.map(async (desc) => {
      const where = `${format === 'bundle-tag' ? 'tag index' : 'referrer'} ${desc.digest}`;
      try {
        const found = await store.getManifest(desc.digest);
        if (!found) return;
        const m = found.manifest;
        // The referrers list is unauthenticated: the manifest itself must name this image. One
        // that names another is about another image, so it is skipped, not counted as a bad
        // signature of this one (SECURITY.md 6.30); whatever it carries is never verified here.
        if (m.subject?.digest !== digest) {
          out.ignored.push({
            where,
            why: `its subject is ${m.subject?.digest ?? 'absent'}, not ${digest}`,
          });
          return;
        }
        const layers = (m.layers ?? []).filter((l) => l.mediaType === MEDIA_TYPES.bundleV03);
        if (layers.length !== 1 || (m.layers ?? []).length !== 1)
          throw new GateError('MALFORMED', `${where}: expected exactly one bundle layer`);
        const bytes = await store.getBlob(layers[0].digest, LIMITS.bundleBytes);
        let bundle: unknown;
        try {
          bundle = JSON.parse(Buffer.from(bytes).toString('utf8'));
        } catch (e: unknown) {
          throw new GateError('MALFORMED', `${where}: bundle is not JSON`, { cause: e });
        }
        const hint = m.annotations?.['dev.sigstore.bundle.predicateType'];
        out.candidates.push({
          kind: 'bundle',
          where,
          format,
          bundle,
          ...(hint ? { predicateTypeHint: hint } : {}),
        });
      } catch (e: unknown) {
        const err = toGateError(e);
        if (!isContentFault(err)) throw err;
        out.rejected.push({ where, error: err });
      }
    }),
  );
}

/** Faults in attacker-writable content: a verdict on that candidate, not an outage. */
function isContentFault(e: GateError): boolean {
  return ['MALFORMED', 'DIGEST_MISMATCH', 'NOT_FOUND', 'PAYLOAD_MISMATCH'].includes(e.code);
}
