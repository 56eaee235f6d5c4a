// The vuln-scan conditions over one VERIFIED statement: the scan's age (bounded by its verified
// signing time) and no open finding at or above a severity (OpenVEX statements may suppress).
import type { InTotoStatement } from '../signatures/statement.js';
import { count, formatDuration, LISTED } from './condition-text.js';
import { severityRank, type ConditionResult, type Severity } from './types.js';
import { isSuppressing, readVulnScan, type Finding } from './vuln.js';

/** Scanner clocks may run a little ahead of ours; more than this is a scan from the future. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

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
