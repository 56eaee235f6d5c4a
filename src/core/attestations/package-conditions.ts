// The deny-packages condition over one VERIFIED SBOM: every identity a package is known by
// (folded names, namespaces, purls, versions) matched against the deny rules.
import type { InTotoStatement } from '../signatures/statement.js';
import { count, LISTED } from './condition-text.js';
import { formatPurl } from './purl.js';
import { sbomPackages, type SbomPackage } from './sbom.js';
import type { ConditionResult, PackageRule } from './types.js';
import { parseVersionRange, versionInRange, type VersionRange } from './version-range.js';

/** Every name, namespace and version one SBOM package is known by. */
interface Identity {
  names: string[];
  /** Undefined when nothing in the SBOM says which namespace the package is in. */
  namespaces?: string[];
  versions: string[];
  pypi: boolean;
}

/**
 * Unicode-compatibility folded, invisible format characters (zero-width space and joiners, soft
 * hyphen, BOM) dropped, trimmed, lower-cased: `Ｌog4j-Core `, `log4j\u200b-core` and
 * `log4j-core` are one name.
 */
function fold(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
    .trim()
    .toLowerCase();
}

/** npm scopes appear with and without their '@' (purl `%40scope`, CycloneDX `group`). */
function foldNamespace(s: string): string {
  return fold(s).replace(/^@/, '');
}

/** PEP 503: runs of '-', '_' and '.' are one separator. */
function pypiName(s: string): string {
  return s.replace(/[-_.]+/g, '-');
}

function identityOf(p: SbomPackage): Identity {
  const names = new Set<string>();
  const namespaces = new Set<string>();
  const versions = new Set<string>();
  const declared = fold(p.name);
  names.add(declared);
  // A declared `group:name` (Maven coordinates) or `scope/name`, `host/path/module`.
  const colon = declared.split(':');
  if (colon.length >= 2 && colon[0] !== '' && colon[1] !== '') {
    namespaces.add(foldNamespace(colon[0]));
    names.add(colon[1]);
  }
  const slash = declared.lastIndexOf('/');
  if (slash > 0 && slash < declared.length - 1) {
    namespaces.add(foldNamespace(declared.slice(0, slash)));
    names.add(declared.slice(slash + 1));
  }
  if (p.group !== undefined) namespaces.add(foldNamespace(p.group));
  if (p.version !== undefined) versions.add(p.version.trim());
  for (const u of p.purls ?? []) {
    names.add(fold(u.name));
    namespaces.add(foldNamespace(u.namespace ?? ''));
    if (u.version !== undefined && u.version.trim() !== '') versions.add(u.version.trim());
  }
  const known = p.group !== undefined || (p.purls?.length ?? 0) > 0 || namespaces.size > 0;
  return {
    names: [...names],
    ...(known ? { namespaces: [...namespaces] } : {}),
    versions: [...versions],
    pypi: (p.purls ?? []).some((u) => u.type === 'pypi'),
  };
}

interface CompiledRule {
  rule: PackageRule;
  name: string;
  namespace?: string;
  range?: VersionRange;
}

type RuleHit = { version?: string; comparable: boolean; namespaceUnknown: boolean };

/**
 * Deny if ANY identity matches: the declared name or any purl name, in the declared group, any
 * purl namespace, or a namespace nothing states; at any version the package is listed with.
 */
function matchRule(id: Identity, c: CompiledRule): RuleHit | undefined {
  const loose = id.pypi || c.rule.type === 'pypi';
  const nameHit = loose
    ? id.names.some((n) => pypiName(n) === pypiName(c.name))
    : id.names.includes(c.name);
  if (!nameHit) return undefined;
  const namespaceUnknown = c.namespace !== undefined && id.namespaces === undefined;
  if (c.namespace !== undefined && id.namespaces !== undefined) {
    const want = c.namespace;
    if (!id.namespaces.some((n) => (loose ? pypiName(n) === pypiName(want) : n === want)))
      return undefined;
  }
  // No version listed: a ranged rule must not be dodged by leaving the version out.
  if (c.range === undefined || id.versions.length === 0)
    return {
      comparable: true,
      namespaceUnknown,
      ...(id.versions[0] ? { version: id.versions[0] } : {}),
    };
  let unorderable: string | undefined;
  for (const v of id.versions) {
    const r = versionInRange(v, c.range);
    if (r === true) return { version: v, comparable: true, namespaceUnknown };
    if (r === undefined) unorderable ??= v;
  }
  return unorderable !== undefined
    ? { version: unorderable, comparable: false, namespaceUnknown }
    : undefined;
}

/**
 * No SBOM package matches a deny rule. Names compare case-insensitively (after Unicode
 * compatibility folding); a package matches through its declared name and group or through any
 * of its purls, whichever matches. A package whose version is absent or unorderable matches a
 * ranged rule, and one whose namespace nothing states matches a rule that names one: an SBOM
 * that leaves a fact out must not slip past the rule that needs it.
 */
export function checkDeniedPackages(
  statement: InTotoStatement,
  rules: PackageRule[],
): ConditionResult {
  let packages: SbomPackage[];
  try {
    packages = sbomPackages(statement.predicateType, statement.predicate);
  } catch (e: unknown) {
    return { ok: false, reason: `SBOM unreadable: ${e instanceof Error ? e.message : String(e)}` };
  }
  const compiled: CompiledRule[] = rules.map((r) => ({
    rule: r,
    name: fold(r.name),
    ...(r.namespace !== undefined ? { namespace: foldNamespace(r.namespace) } : {}),
    ...(r.range !== undefined ? { range: parseVersionRange(r.range) } : {}),
  }));
  const hits: string[] = [];
  for (const p of packages) {
    const id = identityOf(p);
    for (const c of compiled) {
      const hit = matchRule(id, c);
      if (!hit) continue;
      const shown =
        hit.version !== undefined ? `${p.name}@${hit.version}` : `${p.name} (no version)`;
      const notes: string[] = [];
      if (c.rule.raw !== shown && c.rule.raw !== p.name) notes.push(`rule ${c.rule.raw}`);
      if (!hit.comparable) notes.push(`version not comparable with ${c.rule.range}`);
      if (hit.version !== undefined && p.version !== undefined && hit.version !== p.version.trim())
        notes.push(`listed as version ${p.version}`);
      if (hit.namespaceUnknown) notes.push('the SBOM names no group or purl for it');
      const purl = p.purls?.[0];
      if (purl && (c.namespace !== undefined || !id.names.slice(0, 1).includes(c.name)))
        notes.push(`purl ${formatPurl(purl)}`);
      hits.push(notes.length > 0 ? `${shown} (${notes.join(', ')})` : shown);
      break;
    }
  }
  const unique = [...new Set(hits)];
  if (unique.length > 0) {
    const shown = unique.slice(0, LISTED).join(', ');
    const more = unique.length > LISTED ? ` and ${unique.length - LISTED} more` : '';
    return {
      ok: false,
      reason: `SBOM contains banned package${unique.length > 1 ? 's' : ''} ${shown}${more}`,
    };
  }
  return { ok: true, detail: `${count(packages.length, 'package')} in SBOM, none banned` };
}
