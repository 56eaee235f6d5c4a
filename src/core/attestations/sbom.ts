// Reads the package list out of a verified SBOM predicate: CycloneDX JSON (nested components),
// SPDX JSON and SPDX tag-value, bare or in the `{Data: ...}` wrapper cosign used before v2.0.
import { GateError } from '../errors.js';
import { parseStrictJson } from '../signatures/strict-json.js';
import { PREDICATE } from './types.js';

export interface SbomPackage {
  name: string;
  version?: string;
  /** CycloneDX `group` (Maven groupId, npm scope), so `org.apache.logging.log4j:log4j-core` can match. */
  group?: string;
}

/** Components read from one SBOM; more than this is refused rather than half-checked. */
export const MAX_SBOM_PACKAGES = 200_000;

/**
 * Packages in an SBOM predicate. Throws MALFORMED when the predicate is not an SBOM we can read:
 * a deny list over an unreadable SBOM must fail, not pass as "nothing banned found".
 */
export function sbomPackages(predicateType: string, predicate: unknown): SbomPackage[] {
  const doc = unwrap(predicate);
  if (predicateType === PREDICATE.cyclonedx) {
    if (isObject(doc) && (doc['bomFormat'] === 'CycloneDX' || Array.isArray(doc['components'])))
      return cyclonedxPackages(doc);
    throw new GateError('MALFORMED', 'CycloneDX predicate is not a CycloneDX JSON document');
  }
  if (predicateType === PREDICATE.spdx) {
    if (typeof doc === 'string') return spdxTagValuePackages(doc);
    if (isObject(doc) && (typeof doc['spdxVersion'] === 'string' || Array.isArray(doc['packages'])))
      return spdxJsonPackages(doc);
    throw new GateError('MALFORMED', 'SPDX predicate is neither SPDX JSON nor SPDX tag-value');
  }
  throw new GateError('MALFORMED', `predicate type ${predicateType} is not an SBOM`);
}

/**
 * cosign < 2.0 wrapped SBOMs as `{Data: <document or its text>, Timestamp}`; cosign `spdx` (not
 * `spdxjson`) stores the document as a string. Either way, get to the document itself.
 */
function unwrap(predicate: unknown): unknown {
  let doc = predicate;
  if (isObject(doc) && 'Data' in doc && !('spdxVersion' in doc) && !('bomFormat' in doc))
    doc = doc['Data'];
  if (typeof doc === 'string') {
    const t = doc.trimStart();
    if (t.startsWith('{')) {
      try {
        // Strict like the statement around it: no second reading of the same bytes.
        return parseStrictJson(t);
      } catch (e: unknown) {
        throw new GateError('MALFORMED', 'SBOM predicate text looks like JSON but does not parse', {
          cause: e,
        });
      }
    }
  }
  return doc;
}

function cyclonedxPackages(bom: Record<string, unknown>): SbomPackage[] {
  const out: SbomPackage[] = [];
  // Iterative walk: nesting depth is bounded by the strict parser, the count by MAX_SBOM_PACKAGES.
  const stack: unknown[] = [];
  const push = (list: unknown): void => {
    if (Array.isArray(list)) for (let i = list.length - 1; i >= 0; i--) stack.push(list[i]);
  };
  push(bom['components']);
  // The BOM's own subject can be the banned thing (an SBOM for log4j-core itself).
  const meta = bom['metadata'];
  if (isObject(meta) && isObject(meta['component'])) stack.push(meta['component']);
  while (stack.length > 0) {
    const c = stack.pop();
    if (!isObject(c)) continue;
    if (typeof c['name'] === 'string') {
      out.push({
        name: c['name'],
        ...(typeof c['version'] === 'string' ? { version: c['version'] } : {}),
        ...(typeof c['group'] === 'string' && c['group'] !== '' ? { group: c['group'] } : {}),
      });
      tooMany(out.length);
    }
    push(c['components']);
  }
  return out;
}

function spdxJsonPackages(doc: Record<string, unknown>): SbomPackage[] {
  const pkgs = doc['packages'];
  if (!Array.isArray(pkgs)) return [];
  tooMany(pkgs.length);
  const out: SbomPackage[] = [];
  for (const p of pkgs) {
    if (!isObject(p) || typeof p['name'] !== 'string') continue;
    out.push({
      name: p['name'],
      ...(typeof p['versionInfo'] === 'string' ? { version: p['versionInfo'] } : {}),
    });
  }
  return out;
}

/** SPDX 2.x tag-value: `PackageName:` starts a package, `PackageVersion:` belongs to the last one. */
function spdxTagValuePackages(text: string): SbomPackage[] {
  if (!/^\s*SPDXVersion:/m.test(text))
    throw new GateError('MALFORMED', 'SPDX predicate text has no SPDXVersion line');
  const out: SbomPackage[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(PackageName|PackageVersion):\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    if (m[1] === 'PackageName') {
      out.push({ name: m[2] });
      tooMany(out.length);
    } else if (out.length > 0) out[out.length - 1].version = m[2]!;
  }
  return out;
}

function tooMany(n: number): void {
  if (n > MAX_SBOM_PACKAGES)
    throw new GateError('MALFORMED', `SBOM lists more than ${MAX_SBOM_PACKAGES} packages`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
