// Reads the package list out of a verified SBOM predicate: CycloneDX JSON (nested components),
// SPDX 2.x JSON and tag-value, SPDX 3 JSON-LD, bare or in the `{Data: ...}` wrapper cosign used
// before v2.0. Each package keeps every identity the document gives it: name, group and purls.
import { GateError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { parseStrictJson } from '../signatures/strict-json.js';
import { parsePurl, PurlError, type Purl } from './purl.js';
import { PREDICATE } from './types.js';

export interface SbomPackage {
  /** As the document names it; a component with only a purl is named by the purl's name. */
  name: string;
  version?: string;
  /** CycloneDX `group` (Maven groupId, npm scope), so `org.apache.logging.log4j:log4j-core` can match. */
  group?: string;
  /** CycloneDX `purl`, SPDX 2 `externalRefs` of type purl, SPDX 3 `packageUrl` / external identifiers. */
  purls?: Purl[];
}

/** Components read from one SBOM; more than this is refused rather than half-checked. */
export const MAX_SBOM_PACKAGES = LIMITS.sbomPackages;

/**
 * Packages in an SBOM predicate. Throws MALFORMED when the predicate is not an SBOM we can read:
 * a deny list over an unreadable SBOM must fail, not pass as "nothing banned found".
 */
export function sbomPackages(predicateType: string, predicate: unknown): SbomPackage[] {
  const doc = unwrap(predicate);
  const format = sbomFormat(predicateType);
  if (format === 'cyclonedx') {
    if (isObject(doc) && (doc['bomFormat'] === 'CycloneDX' || Array.isArray(doc['components'])))
      return cyclonedxPackages(doc);
    throw new GateError('MALFORMED', 'CycloneDX predicate is not a CycloneDX JSON document');
  }
  if (format === 'spdx') {
    if (typeof doc === 'string') return spdxTagValuePackages(doc);
    // SPDX 2 `packages` and SPDX 3 `@graph` both count when a document carries both.
    if (isObject(doc) && (typeof doc['spdxVersion'] === 'string' || Array.isArray(doc['packages'])))
      return [
        ...spdxJsonPackages(doc),
        ...(Array.isArray(doc['@graph']) ? spdx3Packages(doc['@graph']) : []),
      ];
    if (isObject(doc) && Array.isArray(doc['@graph'])) return spdx3Packages(doc['@graph']);
    throw new GateError(
      'MALFORMED',
      'SPDX predicate is neither SPDX 2 JSON, SPDX 3 JSON-LD nor SPDX tag-value',
    );
  }
  throw new GateError('MALFORMED', `predicate type ${predicateType} is not an SBOM`);
}

/**
 * Which SBOM a predicate type carries: cosign's `https://spdx.dev/Document` and
 * `https://cyclonedx.org/bom`, or their versioned forms (`https://spdx.dev/Document/v2.3`, as
 * GitHub's attest-sbom writes, `https://cyclonedx.org/bom/v1.5`): an SBOM under a versioned type
 * is still a list of what the image holds, and a deny list must read it.
 */
export function sbomFormat(predicateType: string): 'spdx' | 'cyclonedx' | undefined {
  const base = predicateType.replace(/\/v\d+(?:\.\d+)*$/, '');
  return base === PREDICATE.spdx ? 'spdx' : base === PREDICATE.cyclonedx ? 'cyclonedx' : undefined;
}

/**
 * cosign < 2.0 wrapped SBOMs as `{Data: <document or its text>, Timestamp}`; cosign `spdx` (not
 * `spdxjson`) stores the document as a string. Either way, get to the document itself.
 */
function unwrap(predicate: unknown): unknown {
  let doc = predicate;
  // Only the wrapper itself: `{Data, components}` is read as the document it also is, so a list
  // beside `Data` cannot hide behind an empty one inside it.
  if (
    isObject(doc) &&
    'Data' in doc &&
    Object.keys(doc).every((k) => k === 'Data' || k === 'Timestamp')
  )
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
    const p = pkg(c['name'], c['version'], purlsOf([c['purl']], c['name']));
    if (p) {
      if (typeof c['group'] === 'string' && c['group'].trim() !== '') p.group = c['group'];
      out.push(p);
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
    if (!isObject(p)) continue;
    // referenceCategory is PACKAGE-MANAGER (2.3) or PACKAGE_MANAGER (2.2); the type decides.
    const locators = Array.isArray(p['externalRefs'])
      ? p['externalRefs']
          .filter(isObject)
          .filter((r) => typeof r['referenceType'] === 'string' && isPurlType(r['referenceType']))
          .map((r) => r['referenceLocator'])
      : [];
    const found = pkg(p['name'], p['versionInfo'], purlsOf(locators, p['name']));
    if (found) out.push(found);
  }
  return out;
}

/**
 * SPDX 3.0 JSON-LD: every `software_Package` element of `@graph`, with `software_packageVersion`,
 * `software_packageUrl` and `externalIdentifier` entries of type `packageUrl`. JSON-LD lets a
 * node's type be a list and a node be written inline where another refers to it (an
 * `SpdxDocument`'s `element`, a relationship's `to`), so every object in the graph is looked at.
 */
function spdx3Packages(graph: unknown[]): SbomPackage[] {
  tooMany(graph.length);
  const out: SbomPackage[] = [];
  const stack: unknown[] = [...graph].reverse();
  while (stack.length > 0) {
    const e = stack.pop();
    if (Array.isArray(e)) {
      for (let i = e.length - 1; i >= 0; i--) stack.push(e[i]);
      continue;
    }
    if (!isObject(e)) continue;
    for (const v of Object.values(e).reverse())
      if (typeof v === 'object' && v !== null) stack.push(v);
    const type = e['type'] ?? e['@type'];
    const types = Array.isArray(type) ? type : [type];
    if (!types.some((t) => typeof t === 'string' && /(^|[_/:#])Package$/.test(t))) continue;
    const ids = Array.isArray(e['externalIdentifier'])
      ? e['externalIdentifier']
          .filter(isObject)
          .filter(
            (x) =>
              typeof x['externalIdentifierType'] === 'string' &&
              /^(packageUrl|purl)$/i.test(x['externalIdentifierType']),
          )
          .map((x) => x['identifier'])
      : [];
    const locators = [e['software_packageUrl'] ?? e['packageUrl'], ...ids];
    const found = pkg(
      e['name'],
      e['software_packageVersion'] ?? e['packageVersion'],
      purlsOf(locators, e['name']),
    );
    if (found) {
      out.push(found);
      tooMany(out.length);
    }
  }
  return out;
}

/** A package from its declared name and version and its purls; undefined when nothing names it. */
function pkg(name: unknown, version: unknown, purls: Purl[]): SbomPackage | undefined {
  const declared = typeof name === 'string' && name.trim() !== '' ? name : undefined;
  const shown = declared ?? purls[0]?.name;
  if (shown === undefined) return undefined;
  return {
    name: shown,
    ...(typeof version === 'string' && version.trim() !== '' ? { version } : {}),
    ...(purls.length > 0 ? { purls } : {}),
  };
}

/**
 * Parsed purls. A purl that does not parse makes the SBOM unreadable: it may be the only place
 * the package's real identity is written, and a deny list must not pass over what it cannot read.
 */
function purlsOf(values: unknown[], owner: unknown): Purl[] {
  const out: Purl[] = [];
  for (const v of values) {
    if (v === undefined || v === null || v === '') continue;
    const who = typeof owner === 'string' ? `package '${owner}'` : 'a package';
    if (typeof v !== 'string')
      throw new GateError('MALFORMED', `SBOM ${who} has a purl that is not a string`);
    try {
      out.push(parsePurl(v));
    } catch (e: unknown) {
      if (!(e instanceof PurlError)) throw e;
      throw new GateError(
        'MALFORMED',
        `SBOM ${who} has purl '${v}' that does not parse: ${e.message}`,
      );
    }
  }
  return out;
}

function isPurlType(t: string): boolean {
  return t.trim().toLowerCase() === 'purl';
}

/**
 * SPDX 2.x tag-value: `PackageName:` starts a package; `PackageVersion:` and
 * `ExternalRef: <category> purl <locator>` belong to the last one. A value may be wrapped in
 * `<text>…</text>`, over several lines: what is inside is that value (a `PackageName:` line in a
 * `PackageComment` is no package), and a second `PackageVersion` in one package is refused, as a
 * duplicate JSON key is: one reader must not see 2.14.1 where we see 2.17.1.
 */
function spdxTagValuePackages(text: string): SbomPackage[] {
  if (!/^\s*SPDXVersion:/m.test(text))
    throw new GateError('MALFORMED', 'SPDX predicate text has no SPDXVersion line');
  const out: SbomPackage[] = [];
  for (const { tag, value } of tagValues(text)) {
    const last = out[out.length - 1];
    if (tag === 'PackageName') {
      out.push({ name: value });
      tooMany(out.length);
    } else if (last && tag === 'PackageVersion') {
      if (last.version !== undefined)
        throw new GateError(
          'MALFORMED',
          `SPDX tag-value package '${last.name}' has two PackageVersion lines ('${last.version}', '${value}')`,
        );
      last.version = value;
    } else if (last && tag === 'ExternalRef') {
      const [, type, locator] = value.split(/\s+/);
      if (type !== undefined && isPurlType(type))
        (last.purls ??= []).push(...purlsOf([locator ?? ''], last.name));
    }
  }
  return out;
}

/** `Tag: value` pairs of a tag-value document, with `<text>…</text>` values read whole. */
function tagValues(text: string): Array<{ tag: string; value: string }> {
  const out: Array<{ tag: string; value: string }> = [];
  const lines = text.split(/\r?\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*:\s*(.*)$/.exec(lines[i]);
    if (!m) continue;
    let value = m[2];
    if (/^<text>/i.test(value)) {
      let body = value.slice('<text>'.length);
      while (!/<\/text>/i.test(body) && i + 1 < lines.length) body += `\n${lines[++i]}`;
      const close = body.search(/<\/text>/i);
      if (close < 0)
        throw new GateError('MALFORMED', `SPDX tag-value: the <text> of ${m[1]} is never closed`);
      value = body.slice(0, close);
    }
    out.push({ tag: m[1], value: value.trim() });
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
