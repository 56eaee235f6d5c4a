// The built-in attestation conditions as pure functions over one VERIFIED in-toto statement:
// vuln-scan age and severity (with OpenVEX), SBOM deny list, SLSA builder and source.
import { GateError } from '../errors.js';
import { describeMatcher, matches, type Matcher } from '../policy.js';
import type { InTotoStatement } from '../signatures/statement.js';
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
import { parseVersionRange, versionInRange } from './version-range.js';
import { isSuppressing, readVulnScan, type Finding } from './vuln.js';

/** Scanner clocks may run a little ahead of ours; more than this is a scan from the future. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Findings named in one reason; the rest are counted. */
const LISTED = 10;

/** `metadata.scanFinishedOn` at most `maxAgeMs` before `now`. */
export function checkVulnAge(
  statement: InTotoStatement,
  maxAgeMs: number,
  now: Date,
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
  const age = now.getTime() - scan.finishedAt.getTime();
  if (age < -CLOCK_SKEW_MS)
    return {
      ok: false,
      reason: `vuln scan finished ${formatDuration(-age)} in the future (${scan.finishedOn})`,
    };
  const shown = formatDuration(Math.max(0, age));
  if (age > maxAgeMs)
    return { ok: false, reason: `vuln scan ${shown} old, limit ${formatDuration(maxAgeMs)}` };
  return { ok: true, detail: `vuln scan ${shown} old (limit ${formatDuration(maxAgeMs)})` };
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

/** `log4j-core`, `log4j-core@2.14.1`, `log4j-core@<2.17.0`, `@scope/pkg@>=1 <2`. */
export function parsePackageRule(raw: string, input = 'deny-packages'): PackageRule {
  const s = raw.trim();
  // A leading '@' belongs to an npm scope, not to a version.
  const at = s.indexOf('@', 1);
  const name = at < 0 ? s : s.slice(0, at);
  const range = at < 0 ? undefined : s.slice(at + 1).trim();
  if (name === '' || /\s/.test(name))
    throw new GateError('USAGE', `${input}: '${raw}' is not name[@range]`);
  if (range !== undefined) {
    if (range === '')
      throw new GateError('USAGE', `${input}: '${raw}' has an empty version range after '@'`);
    parseVersionRange(range, `${input}: '${raw}'`);
  }
  return { raw: s, name, ...(range !== undefined ? { range } : {}) };
}

/**
 * No SBOM package matches a deny rule. Names compare case-insensitively against the package name
 * and `group:name` / `group/name`. A package whose version is absent or unorderable matches a
 * ranged rule: an SBOM that hides the version must not slip past the range.
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
  const compiled = rules.map((r) => ({
    rule: r,
    name: r.name.toLowerCase(),
    range: r.range !== undefined ? parseVersionRange(r.range) : undefined,
  }));
  const hits: string[] = [];
  for (const p of packages) {
    const names = [
      p.name,
      ...(p.group ? [`${p.group}:${p.name}`, `${p.group}/${p.name}`] : []),
    ].map((n) => n.toLowerCase());
    for (const c of compiled) {
      if (!names.includes(c.name)) continue;
      const inRange =
        c.range === undefined
          ? true
          : p.version === undefined
            ? undefined
            : versionInRange(p.version, c.range);
      if (inRange === false) continue;
      const shown = p.version !== undefined ? `${p.name}@${p.version}` : `${p.name} (no version)`;
      const why =
        inRange === undefined && c.range !== undefined
          ? `, version not comparable with ${c.rule.range}`
          : '';
      const ruleNote =
        c.rule.raw !== `${p.name}@${p.version}` && c.rule.raw !== p.name
          ? ` (rule ${c.rule.raw}${why})`
          : '';
      hits.push(`${shown}${ruleNote}`);
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
