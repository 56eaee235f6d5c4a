// Strict parsing of manifests, indexes and descriptors received from any store. Everything here
// is attacker-writable: shape errors are MALFORMED (exit 1), never guessed around.
import { GateError } from '../errors.js';
import { MEDIA_TYPES, type Descriptor, type Manifest } from '../types.js';
import { goFoldKey, parseStrictJsonBytes } from '../signatures/strict-json.js';
import { assertDigest, quote } from './digest.js';

const INDEX_TYPES = new Set<string>([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerManifestList]);
const MANIFEST_TYPES = new Set<string>([MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest]);

/** `type/subtype` of a Content-Type header, parameters dropped, lower case; undefined if absent. */
export function baseMediaType(contentType: string | null | undefined): string | undefined {
  if (contentType === null || contentType === undefined) return undefined;
  const t = contentType.split(';')[0].trim().toLowerCase();
  return t === '' ? undefined : t;
}

export function isIndexMediaType(mediaType: string): boolean {
  return INDEX_TYPES.has(mediaType);
}

/**
 * Parses manifest bytes. `contentType` is the transport's claim (HTTP Content-Type, layout
 * descriptor media type); when both it and the document's `mediaType` exist they must agree.
 */
export function parseManifest(
  bytes: Uint8Array,
  contentType: string | undefined,
  what: string,
): { manifest: Manifest; mediaType: string } {
  const o = parseJsonObject(bytes, what);
  if (o.schemaVersion !== 2) {
    throw new GateError(
      'MALFORMED',
      `${what}: schemaVersion is ${quote(String(o.schemaVersion))}, expected 2`,
    );
  }
  const declared = optString(o.mediaType, `${what}: mediaType`);
  const ct = baseMediaType(contentType);
  if (declared !== undefined && ct !== undefined && declared !== ct) {
    throw new GateError(
      'MALFORMED',
      `${what}: mediaType ${quote(declared)} differs from Content-Type ${quote(ct)}`,
    );
  }
  if (o.manifests !== undefined && (o.layers !== undefined || o.config !== undefined)) {
    throw new GateError(
      'MALFORMED',
      `${what}: has both "manifests" and "layers"/"config" (ambiguous index/manifest)`,
    );
  }
  const mediaType =
    declared ??
    (ct !== undefined && (INDEX_TYPES.has(ct) || MANIFEST_TYPES.has(ct)) ? ct : undefined) ??
    (o.manifests !== undefined ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest);
  const m: Manifest = { schemaVersion: 2, mediaType };
  if (INDEX_TYPES.has(mediaType)) {
    m.manifests = descriptorList(o.manifests, `${what}: manifests`);
  } else if (MANIFEST_TYPES.has(mediaType)) {
    m.config = parseDescriptor(o.config, `${what}: config`);
    m.layers = descriptorList(o.layers, `${what}: layers`);
  } else {
    throw new GateError('MALFORMED', `${what}: unsupported media type ${quote(mediaType)}`);
  }
  const artifactType = optString(o.artifactType, `${what}: artifactType`);
  if (artifactType !== undefined) m.artifactType = artifactType;
  if (o.subject !== undefined) m.subject = parseDescriptor(o.subject, `${what}: subject`);
  const annotations = optAnnotations(o.annotations, `${what}: annotations`);
  if (annotations) m.annotations = annotations;
  return { manifest: m, mediaType };
}

/** An OCI index (e.g. a referrers response), entries validated; count checked before the loop. */
export function parseIndex(bytes: Uint8Array, what: string, maxEntries: number): Descriptor[] {
  const o = parseJsonObject(bytes, what);
  const declared = optString(o.mediaType, `${what}: mediaType`);
  if (declared !== undefined && declared !== MEDIA_TYPES.ociIndex) {
    throw new GateError('MALFORMED', `${what}: mediaType ${quote(declared)} is not an OCI index`);
  }
  if (!Array.isArray(o.manifests))
    throw new GateError('MALFORMED', `${what}: "manifests" is not a list`);
  if (o.manifests.length > maxEntries) {
    throw new GateError(
      'LIMIT_EXCEEDED',
      `${what}: ${o.manifests.length} entries, more than the limit of ${maxEntries}`,
    );
  }
  return o.manifests.map((d: unknown, i: number) => parseDescriptor(d, `${what}: manifests[${i}]`));
}

export function parseDescriptor(v: unknown, where: string): Descriptor {
  if (!isObject(v)) throw new GateError('MALFORMED', `${where}: not a descriptor object`);
  goSpelling(v, DESCRIPTOR_FIELDS, where);
  if (isObject(v.platform)) goSpelling(v.platform, PLATFORM_FIELDS, `${where}.platform`);
  if (typeof v.mediaType !== 'string' || v.mediaType === '')
    throw new GateError('MALFORMED', `${where}.mediaType: missing or not a string`);
  if (typeof v.digest !== 'string')
    throw new GateError('MALFORMED', `${where}.digest: missing or not a string`);
  assertDigest(v.digest, 'content', `${where}.digest`);
  if (typeof v.size !== 'number' || !Number.isSafeInteger(v.size) || v.size < 0) {
    throw new GateError(
      'MALFORMED',
      `${where}.size: ${quote(String(v.size))} is not a non-negative integer`,
    );
  }
  const d: Descriptor = { mediaType: v.mediaType, digest: v.digest, size: v.size };
  const artifactType = optString(v.artifactType, `${where}.artifactType`);
  if (artifactType !== undefined) d.artifactType = artifactType;
  const annotations = optAnnotations(v.annotations, `${where}.annotations`);
  if (annotations) d.annotations = annotations;
  if (v.platform !== undefined) {
    const p = v.platform;
    if (!isObject(p) || typeof p.os !== 'string' || typeof p.architecture !== 'string') {
      throw new GateError('MALFORMED', `${where}.platform: needs string "os" and "architecture"`);
    }
    d.platform = { os: p.os, architecture: p.architecture };
    const variant = optString(p.variant, `${where}.platform.variant`);
    if (variant !== undefined) d.platform.variant = variant;
  }
  return d;
}

function descriptorList(v: unknown, where: string): Descriptor[] {
  if (!Array.isArray(v)) throw new GateError('MALFORMED', `${where}: missing or not a list`);
  return v.map((d: unknown, i: number) => parseDescriptor(d, `${where}[${i}]`));
}

function parseJsonObject(bytes: Uint8Array, what: string): Record<string, unknown> {
  let v: unknown;
  try {
    // Runtimes read this in Go: keys colliding under its case folding, or a BOM, would make
    // them read another document than the one judged here.
    v = parseStrictJsonBytes(bytes);
  } catch (e: unknown) {
    const why = e instanceof Error ? `: ${e.message}` : '';
    throw new GateError('MALFORMED', `${what}: not valid JSON${why}`, { cause: e });
  }
  if (!isObject(v)) throw new GateError('MALFORMED', `${what}: not a JSON object`);
  goSpelling(v, MANIFEST_FIELDS, what);
  return v;
}

const MANIFEST_FIELDS = [
  'schemaVersion',
  'mediaType',
  'artifactType',
  'config',
  'layers',
  'manifests',
  'subject',
  'annotations',
];
const DESCRIPTOR_FIELDS = [
  'mediaType',
  'digest',
  'size',
  'urls',
  'annotations',
  'data',
  'platform',
  'artifactType',
];
const PLATFORM_FIELDS = ['architecture', 'os', 'os.version', 'os.features', 'variant', 'features'];

/**
 * Go's encoding/json fills a struct field from a key in any case ("Platform", "DIGEST"): such a
 * key would be a field to a runtime and unknown here, so it is refused rather than ignored.
 */
function goSpelling(o: Record<string, unknown>, fields: string[], where: string): void {
  for (const k of Object.keys(o)) {
    if (fields.includes(k)) continue;
    const f = fields.find((x) => goFoldKey(x) === goFoldKey(k));
    if (f !== undefined)
      throw new GateError(
        'MALFORMED',
        `${where}: key ${quote(k)} is ${quote(f)} to a Go reader (keys match case-insensitively)`,
      );
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optString(v: unknown, where: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new GateError('MALFORMED', `${where}: not a string`);
  return v;
}

function optAnnotations(v: unknown, where: string): Record<string, string> | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) throw new GateError('MALFORMED', `${where}: not an object`);
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val !== 'string')
      throw new GateError('MALFORMED', `${where}[${quote(k)}]: not a string`);
    Object.defineProperty(out, k, {
      value: val,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
