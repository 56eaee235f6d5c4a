// The built-in attestation conditions as pure functions over one VERIFIED in-toto statement:
// vuln-scan age and severity (with OpenVEX), SBOM deny list, SLSA builder and source.
import { GateError } from '../errors.js';
import { describeMatcher, matches, type Matcher } from '../policy/signers.js';
import type { InTotoStatement } from '../signatures/statement.js';
import { formatPurl, parsePurl, PurlError, type Purl } from './purl.js';
import { sbomPackages, type SbomPackage } from './sbom.js';
import { provenanceFacts } from './slsa.js';
import {
  PREDICATE,
  severityRank,
  type ConditionResult,
  type PackageRule,
  type Severity,
  type SlsaConditions,
} from './types.js';
import { parseVersionRange, versionInRange, type VersionRange } from './version-range.js';
import { isSuppressing, readVulnScan, type Finding } from './vuln.js';

/** Scanner clocks may run a little ahead of ours; more than this is a scan from the future. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Findings named in one reason; the rest are counted. */
const LISTED = 10;

/**
 * `metadata.scanFinishedOn` at most `maxAgeMs` before `now`. The claim is the signer's word; the
 * verified signing time (Rekor SET or RFC 3161, `verifiedAt`) is not, and a scan cannot have
 * finished after the signature over its result was made. So the age runs from the earlier of the
 * two, a claim later than the verified time (beyond CLOCK_SKEW_MS) fails naming both, and a
 * statement with no verified time at all cannot show that it is fresh.
 */
export function checkVulnAge(
  statement: InTotoStatement,
  maxAgeMs: number,
  now: Date,
  verifiedAt: Date | undefined,
): ConditionResult {
  const scan = readVulnScan(statement.predicate);
  if (!scan.finishedAt)
    return {
      ok: false,
      reason:
        scan.finishedOn === undefined
          ? 'vuln scan has no metadata.scanFinishedOn'
          : `vuln scan metadata.scanFinishedOn '${scan.finishedOn}' is not an RFC 3339 time`,
    };
  const claimed = scan.finishedAt.getTime();
  if (claimed - now.getTime() > CLOCK_SKEW_MS)
    return {
      ok: false,
      reason: `vuln scan finished ${formatDuration(claimed - now.getTime())} in the future (${scan.finishedOn})`,
    };
  if (verifiedAt === undefined || Number.isNaN(verifiedAt.getTime()))
    return {
      ok: false,
      reason: `vuln scan says it finished at ${scan.finishedOn}, but its attestation has no verified signing time (no Rekor entry with a checked SET, no RFC 3161 timestamp), so nothing bounds that claim and it cannot show the scan is fresh`,
    };
  const signed = verifiedAt.getTime();
  if (claimed - signed > CLOCK_SKEW_MS)
    return {
      ok: false,
      reason: `vuln scan claims it finished at ${scan.finishedOn}, ${formatDuration(claimed - signed)} after its attestation's verified signing time ${verifiedAt.toISOString()}: a scan cannot finish after the signature over it`,
    };
  const age = now.getTime() - Math.min(claimed, signed);
  const shown = formatDuration(Math.max(0, age));
  if (age > maxAgeMs)
    return { ok: false, reason: `vuln scan ${shown} old, limit ${formatDuration(maxAgeMs)}` };
  return { ok: true, detail: `vuln scan ${shown} old (limit ${formatDuration(maxAgeMs)})` };
}

/**
 * The time a vuln scan can be trusted to be as fresh as: the earlier of its claim and its
 * attestation's verified signing time; undefined when either is missing.
 */
export function trustedScanTime(
  statement: InTotoStatement,
  verifiedAt: Date | undefined,
): number | undefined {
  const claimed = readVulnScan(statement.predicate).finishedAt?.getTime();
  const signed = verifiedAt?.getTime();
  if (claimed === undefined || signed === undefined || Number.isNaN(signed)) return undefined;
  return Math.min(claimed, signed);
}

/** A claim later than the verified signing time: the statement contradicts its own signature. */
export function scanPostdatesSignature(
  statement: InTotoStatement,
  verifiedAt: Date | undefined,
): boolean {
  const claimed = readVulnScan(statement.predicate).finishedAt?.getTime();
  const signed = verifiedAt?.getTime();
  return claimed !== undefined && signed !== undefined && claimed - signed > CLOCK_SKEW_MS;
}

/**
 * No finding at or above the lowest severity in `failOn`, except findings whose newest verified
 * OpenVEX statement says not_affected or fixed (`vex`: upper-cased vulnerability ID → status).
 * A result we cannot read fails: "no findings" must be shown, not assumed.
 */
export function checkVulnSeverity(
  statement: InTotoStatement,
  failOn: Severity[],
  vex: ReadonlyMap<string, string> = new Map(),
): ConditionResult {
  if (failOn.length === 0) return { ok: true, detail: 'no severity threshold' };
  const threshold = lowest(failOn);
  const scan = readVulnScan(statement.predicate);
  if (!scan.findings)
    return {
      ok: false,
      reason: `vuln scan result unreadable: ${scan.resultProblem ?? 'no result'}`,
    };
  const atOrAbove = dedupe(scan.findings).filter(
    (f) => severityRank(f.severity) >= severityRank(threshold),
  );
  const suppressed = atOrAbove.filter((f) => isSuppressing(vex.get(f.id.toUpperCase())));
  const open = atOrAbove
    .filter((f) => !isSuppressing(vex.get(f.id.toUpperCase())))
    .sort(
      (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id),
    );
  const vexNote =
    suppressed.length > 0
      ? `; ${suppressed.length} suppressed by OpenVEX (${list(suppressed, false)})`
      : '';
  if (open.length > 0)
    return {
      ok: false,
      reason: `${count(open.length, 'finding')} at or above ${threshold}: ${list(open, true)}${vexNote}`,
    };
  return {
    ok: true,
    detail: `${count(scan.findings.length, 'finding')} in ${scan.resultFormat} result, none open at or above ${threshold}${vexNote}`,
  };
}

const RULE_FORMS = 'name[@range], group:name[@range] or pkg:type/namespace/name[@range]';

/**
 * `log4j-core`, `log4j-core@<2.17.0`, `org.apache.logging.log4j:log4j-core@<2.17.0`,
 * `@scope/pkg@>=1 <2`, `github.com/foo/bar@<1.2.3`, `pkg:maven/org.apache.logging.log4j/log4j-core@<2.17.0`,
 * `pkg:npm/%40scope/pkg@<1`. Anything else is a usage error naming the value.
 */
export function parsePackageRule(raw: string, input = 'deny-packages'): PackageRule {
  const s = raw.trim();
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f-\u009f]/g;
  // The value is named in the message, with control characters spelled out rather than sent.
  const shown = raw.replace(control, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const bad = (why: string): GateError => new GateError('USAGE', `${input}: '${shown}' ${why}`);
  if (s === '') throw bad(`is empty (expected ${RULE_FORMS})`);
  if (s.search(control) >= 0) throw bad('contains a control character');
  let name: string;
  let namespace: string | undefined;
  let type: string | undefined;
  let range: string | undefined;
  if (/^pkg:/i.test(s)) {
    let p: Purl;
    try {
      p = parsePurl(s);
    } catch (e: unknown) {
      if (e instanceof PurlError) throw bad(`is not a package URL: ${e.message}`);
      throw e;
    }
    ({ name, namespace, type, version: range } = p);
    if (/\s/.test(name) || (namespace !== undefined && /\s/.test(namespace)))
      throw bad('has white space in its namespace or name');
  } else {
    // A leading '@' belongs to an npm scope, not to a version.
    const at = s.indexOf('@', 1);
    const spec = at < 0 ? s : s.slice(0, at);
    range = at < 0 ? undefined : s.slice(at + 1);
    if (spec === '' || /\s/.test(spec)) throw bad(`is not ${RULE_FORMS}`);
    const parts = spec.split(':');
    if (parts.length > 2)
      throw bad(
        `has more than one ':' (write Maven coordinates as group:artifact@version, e.g. org.apache.logging.log4j:log4j-core@2.14.1)`,
      );
    const slash = spec.lastIndexOf('/');
    if (parts.length === 2) {
      // Maven coordinates: neither groupId nor artifactId holds a '/'.
      if (spec.includes('/')) throw bad(`is not ${RULE_FORMS}`);
      [namespace, name] = parts as [string, string];
    } else if (slash >= 0) [namespace, name] = [spec.slice(0, slash), spec.slice(slash + 1)];
    else name = spec;
    if (name === '' || (namespace !== undefined && namespace.split('/').some((x) => x === '')))
      throw bad(`is not ${RULE_FORMS}`);
  }
  if (range !== undefined) {
    range = range.trim();
    if (range === '') throw bad(`has an empty version range after '@'`);
    parseVersionRange(range, `${input}: '${raw}'`);
  }
  return {
    raw: s,
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(type !== undefined ? { type } : {}),
    ...(range !== undefined ? { range } : {}),
  };
}

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

/** Builder ID, source repository and source ref of SLSA provenance (v0.2 or v1) match the policy. */
export function checkSlsa(statement: InTotoStatement, want: SlsaConditions): ConditionResult {
  if (statement.predicateType !== PREDICATE.slsaV02 && statement.predicateType !== PREDICATE.slsaV1)
    return {
      ok: false,
      reason: `predicate type ${statement.predicateType} is not SLSA provenance`,
    };
  const facts = provenanceFacts(statement.predicateType, statement.predicate);
  const checks: Array<[string, Matcher | undefined, string | undefined]> = [
    ['builder id', want.builderId, facts.builderId],
    ['source repository', want.sourceRepository, facts.sourceRepository],
    ['source ref', want.sourceRef, facts.sourceRef],
  ];
  const bad = checks
    .filter(([, m, actual]) => m !== undefined && !matches(m, actual))
    .map(
      ([what, m, actual]) =>
        `${what} is ${actual === undefined ? 'absent' : `'${actual}'`}, expected ${describeMatcher(m!)}`,
    );
  if (bad.length > 0) return { ok: false, reason: `SLSA provenance ${bad.join('; ')}` };
  const seen = [
    facts.builderId && `builder ${facts.builderId}`,
    facts.sourceRepository &&
      `source ${facts.sourceRepository}${facts.sourceRef ? `@${facts.sourceRef}` : ''}`,
    facts.sourceDigest && `commit ${facts.sourceDigest}`,
  ].filter(Boolean);
  return {
    ok: true,
    detail: `SLSA provenance ${seen.join(', ') || '(no builder or source named)'}`,
  };
}

/** `73h`, `1h30m`, `45m`, `30s`, `2d`: short, and exact to the minute above one hour. */
export function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest === 0 ? `${h}h` : `${h}h${rest}m`;
}

function lowest(severities: Severity[]): Severity {
  return severities.reduce((a, b) => (severityRank(b) < severityRank(a) ? b : a));
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of findings) {
    const prev = seen.get(f.id);
    if (!prev || severityRank(f.severity) > severityRank(prev.severity)) seen.set(f.id, f);
  }
  return [...seen.values()];
}

function list(findings: Finding[], withSeverity: boolean): string {
  const shown = findings
    .slice(0, LISTED)
    .map((f) =>
      withSeverity
        ? `${f.id} (${f.severity}${f.package ? `, ${f.package}${f.version ? `@${f.version}` : ''}` : ''})`
        : f.id,
    );
  return (
    shown.join(', ') + (findings.length > LISTED ? ` and ${findings.length - LISTED} more` : '')
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
