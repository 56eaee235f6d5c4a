// Finds every signature an image may carry, in both cosign formats and independently for each
// image: legacy `sha256-<hex>.sig` tags, and Sigstore bundles as OCI 1.1 referrers (or the
// `sha256-<hex>` tag-index fallback). Nothing found here is trusted until verified.
import { GateError, toGateError } from './errors.js';
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

export async function discover(
  store: ContentStore,
  digest: string,
  opts: { legacySuffixes?: string[] } = {},
): Promise<Discovery> {
  const result: Discovery = { candidates: [], rejected: [], searched: [], ignored: [] };
  const suffixes = opts.legacySuffixes ?? ['.sig'];
  // Both formats are looked up concurrently; a failure to *obtain* evidence (network, limits)
  // propagates as an error, while unreadable content is recorded as a rejected candidate.
  await Promise.all([
    ...suffixes.map((s) => discoverLegacy(store, digest, s, result)),
    discoverBundles(store, digest, result),
  ]);
  if (result.candidates.length > LIMITS.signaturesPerImage)
    throw new GateError(
      'LIMIT_EXCEEDED',
      `${store.name}@${digest}: ${result.candidates.length} signatures found, limit ${LIMITS.signaturesPerImage}`,
    );
  return result;
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
        const payload = await store.getBlob(layer.digest, LIMITS.payloadBytes);
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
