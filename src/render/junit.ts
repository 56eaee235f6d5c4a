// The report as JUnit XML, the test-report format Jenkins, GitLab and most CI systems read: one
// testsuite per run, one testcase per image. Every value passes the XML sink (edge/sanitize.ts).
import type { ImageResult, Report } from '../core/report.js';
import { xmlText } from '../edge/sanitize.js';

/**
 * `registry/repository` of a reference: the tag and digest dropped (`ghcr.io/acme/app:v1@sha256:…`
 * is `ghcr.io/acme/app`); `oci-layout://`, `s3://` and `local://` references the same way. The
 * normalised identity is used when the report has it, so spellings of one repository group.
 */
export function repositoryOf(r: Pick<ImageResult, 'image' | 'identity'>): string {
  let ref = r.identity ?? r.image;
  const at = ref.indexOf('@');
  if (at >= 0) ref = ref.slice(0, at);
  const colon = ref.lastIndexOf(':');
  if (colon > ref.lastIndexOf('/') && !ref.slice(colon).startsWith('://'))
    ref = ref.slice(0, colon);
  return ref;
}

const seconds = (ms: number): string => (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);

/** RFC 3339 without fraction or zone (UTC), the form the Ant/Jenkins schema's timestamp takes. */
function timestamp(iso: string): string | undefined {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 19);
}

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('');
}

/** The body of a failure, error or skipped element: the evidence a reader needs, one per line. */
function details(r: ImageResult): string {
  const lines: Array<[string, string | undefined]> = [
    ['image', r.image],
    ['digest', r.digest],
    ['outcome', String(r.outcome)],
    ['code', r.code],
    ['rule', r.rule],
    ['reason', r.reason],
  ];
  const out = lines.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${xmlText(v!)}`);
  for (const p of r.platforms ?? [])
    if (p.outcome !== 'verified')
      out.push(`platform ${xmlText(p.platform)}: ${xmlText(p.outcome)} ${xmlText(p.reason ?? '')}`);
  for (const a of r.attestations)
    if (!a.verified)
      out.push(`attestation ${xmlText(a.predicateType)}: rejected ${xmlText(a.reason ?? '')}`);
  for (const rej of r.rejected ?? [])
    out.push(`rejected ${xmlText(rej.where)}: ${xmlText(rej.code)} ${xmlText(rej.reason)}`);
  return out.join('\n');
}

/** What a testcase holds after its attributes: nothing when it passed. */
function verdict(r: ImageResult): string {
  const message = r.reason ?? String(r.outcome);
  switch (String(r.outcome)) {
    case 'verified':
      return '';
    case 'failed':
      return `<failure${attrs({ message, type: r.code ?? 'FAILED' })}>${details(r)}</failure>`;
    case 'skipped':
      return `<skipped${attrs({ message })}/>`;
    case 'allowed':
      return `<skipped${attrs({ message: `allowed without verification: ${message}` })}/>`;
    case 'warned':
      // Warn mode: the step passes, so the test does; what would have failed is in the output.
      return `<system-out>${details(r)}</system-out>`;
    default:
      // error, and any outcome a merged report's file holds that we do not know: never a pass.
      return `<error${attrs({ message, type: r.code ?? 'ERROR' })}>${details(r)}</error>`;
  }
}

function counts(results: ImageResult[]): { failures: number; errors: number; skipped: number } {
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const r of results) {
    const o = String(r.outcome);
    if (o === 'failed') failures++;
    else if (o === 'skipped' || o === 'allowed') skipped++;
    else if (o !== 'verified' && o !== 'warned') errors++;
  }
  return { failures, errors, skipped };
}

export function renderJunit(report: Report): string {
  const { failures, errors, skipped } = counts(report.results);
  const elapsed = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
  const totals = {
    tests: report.results.length,
    failures,
    errors,
    skipped,
    time: seconds(elapsed),
  };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: report.tool.name, ...totals })}>`,
    `  <testsuite${attrs({ name: report.tool.name, ...totals, timestamp: timestamp(report.startedAt) })}>`,
    '    <properties>',
    ...Object.entries({
      outcome: String(report.outcome),
      runId: report.runId,
      policyDigest: report.policyDigest,
      tool: `${report.tool.name} ${report.tool.version}`,
    }).map(([name, value]) => `      <property${attrs({ name, value })}/>`),
    '    </properties>',
  ];
  for (const r of report.results) {
    const open = `    <testcase${attrs({ name: r.image, classname: repositoryOf(r), time: seconds(r.durationMs) })}`;
    const body = verdict(r);
    lines.push(body === '' ? `${open}/>` : `${open}>${body}</testcase>`);
  }
  if (report.warnings?.length)
    lines.push(
      `    <system-out>${report.warnings.map((w) => `warning: ${xmlText(w)}`).join('\n')}</system-out>`,
    );
  if (report.error)
    lines.push(
      `    <system-err>${xmlText(report.error.code)}: ${xmlText(report.error.message)}</system-err>`,
    );
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
