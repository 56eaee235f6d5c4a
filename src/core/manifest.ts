// Parsing of manifest/index bytes that came from a store: attacker-writable content, so any
// shape problem is a MALFORMED failure (exit 1), never an infrastructure error.
import { GateError } from './errors.js';
import type { Manifest } from './types.js';

export function parseManifestBytes(bytes: Uint8Array, where: string): Manifest {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e: unknown) {
    throw new GateError('MALFORMED', `${where}: manifest is not JSON`, { cause: e });
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new GateError('MALFORMED', `${where}: manifest is not a JSON object`);
  const m = doc as Manifest;
  if (m.schemaVersion !== 2)
    throw new GateError('MALFORMED', `${where}: schemaVersion is ${String(m.schemaVersion)}, expected 2`);
  if (m.manifests !== undefined && (m.layers !== undefined || m.config !== undefined))
    throw new GateError('MALFORMED', `${where}: has both manifests and layers/config`);
  for (const list of [m.manifests, m.layers]) {
    if (list !== undefined && !Array.isArray(list))
      throw new GateError('MALFORMED', `${where}: manifests/layers is not a list`);
    for (const d of list ?? []) {
      if (typeof d !== 'object' || d === null || typeof d.digest !== 'string' || typeof d.mediaType !== 'string')
        throw new GateError('MALFORMED', `${where}: descriptor without digest or mediaType`);
    }
  }
  return m;
}

export function isIndex(m: Manifest, mediaType: string): boolean {
  return (
    m.manifests !== undefined ||
    mediaType === 'application/vnd.oci.image.index.v1+json' ||
    mediaType === 'application/vnd.docker.distribution.manifest.list.v2+json'
  );
}
