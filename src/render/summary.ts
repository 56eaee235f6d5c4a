// The job-summary markdown, as a pure function of the Report. Every string that came from a
// user or a registry is escaped; long reasons fold into <details>.
import type { ImageResult, Report } from '../core/report.js';
import { markdownText } from '../edge/sanitize.js';

const ICON: Record<ImageResult['outcome'], string> = {
  verified: '✅ verified',
  failed: '❌ failed',
  error: '⚠️ error',
  skipped: '⏭️ skipped',
  allowed: '➖ allowed unverified',
  warned: '⚠️ failed (warn mode)',
};

/**
 * Escape for a markdown table cell rendered as GitHub-flavoured HTML: the summary sink's
 * sanitiser (edge/sanitize.ts), applied to every value that is not our own literal text.
 */
export function escapeCell(s: string): string {
  return markdownText(s);
}

/** A merged report is read from files: an outcome we do not know is shown as escaped text. */
function icon(outcome: ImageResult['outcome']): string {
  return Object.hasOwn(ICON, outcome) ? ICON[outcome] : escapeCell(String(outcome));
}

function signer(r: ImageResult): string {
  const s = r.signatures[0];
  if (!s) return '';
  if (s.kind === 'key') return `key ${s.keyRef ?? ''}${s.keyID ? ` (${s.keyID})` : ''}`;
  return `${s.identity ?? ''}${s.issuer ? ` (${s.issuer})` : ''}`;
}

function reasonCell(reason: string | undefined): string {
  if (!reason) return '';
  if (reason.length <= 120) return escapeCell(reason);
  return `<details><summary>${escapeCell(reason.slice(0, 100))}…</summary>${escapeCell(reason)}</details>`;
}

export function renderSummary(report: Report): string {
  const count = (o: string): number => report.results.filter((r) => r.outcome === o).length;
  const head =
    report.outcome === 'verified'
      ? count('allowed') > 0
        ? `✅ ${count('verified')} image(s) verified; ${count('allowed')} allowed without verification (no policy rule)`
        : `✅ All ${report.results.length} image(s) verified`
      : report.outcome === 'warned'
        ? `⚠️ ${count('warned')} of ${report.results.length} image(s) failed under rules in warn mode (not enforced)`
        : report.outcome === 'failed'
          ? `❌ ${count('failed')} of ${report.results.length} image(s) failed verification`
          : `⚠️ Verification could not complete for ${count('error') + count('skipped')} of ${report.results.length} image(s)`;
  const lines = [
    '## image-gate',
    '',
    head,
    '',
    ...(report.warnings ?? []).flatMap((w) => [`> ⚠️ ${escapeCell(w)}`, '']),
    '| Image | Digest | Verdict | Signer | Signed at | Reason |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of report.results) {
    lines.push(
      `| ${escapeCell(r.image)} | ${r.digest ? `<code>${escapeCell(r.digest)}</code>` : ''} | ${icon(r.outcome)} | ${escapeCell(signer(r))} | ${escapeCell(r.signedAt ?? r.signatures[0]?.signedAt ?? '')} | ${reasonCell(r.reason)} |`,
    );
  }
  const withPlatforms = report.results.filter((r) => r.platforms?.length);
  if (withPlatforms.length) {
    lines.push(
      '',
      '| Image | Platform | Digest | Verdict | Reason |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const r of withPlatforms)
      for (const pl of r.platforms!)
        lines.push(
          `| ${escapeCell(r.image)} | ${escapeCell(pl.platform)} | <code>${escapeCell(pl.digest)}</code> | ${icon(pl.outcome)} | ${reasonCell(pl.reason)} |`,
        );
  }
  const withAttestations = report.results.filter((r) => r.attestations.length);
  if (withAttestations.length) {
    lines.push(
      '',
      '<details><summary>Attestations</summary>',
      '',
      '| Image | Type | Found in | Signer | Satisfies | Checks |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const r of withAttestations)
      for (const a of r.attestations) {
        const checks = (a.checks ?? [])
          .map((c) => `${c.ok ? '✅' : '❌'} ${c.condition}: ${c.message}`)
          .join('; ');
        lines.push(
          `| ${escapeCell(r.image)} | ${escapeCell(a.predicateType)} | ${escapeCell(a.where ?? a.format)} | ${escapeCell(a.signer ?? '')} | ${escapeCell((a.satisfies ?? []).join(', '))} | ${reasonCell(checks)} |`,
        );
      }
    lines.push('', '</details>');
  }
  const p = report.policy;
  lines.push('', '<details><summary>Policy</summary>', '');
  for (const k of p.keys) lines.push(`- key ${escapeCell(k.keyRef)} (${escapeCell(k.keyID)})`);
  for (const i of p.identities) {
    const ext = Object.entries(i.extensions ?? {})
      .map(([oid, v]) => `${oid}=${v}`)
      .join(', ');
    lines.push(
      `- identity ${escapeCell(i.subject)}, issuer ${escapeCell(i.issuer)}${ext ? `, extensions ${escapeCell(ext)}` : ''}`,
    );
  }
  if (p.platforms) lines.push(`- platform manifests required: ${escapeCell(p.platforms)}`);
  if (p.attestations) {
    const conds = Object.entries(p.attestations.conditions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(
      `- attestations required: ${escapeCell(p.attestations.types.join(', ') || 'none')}${conds ? `; conditions: ${escapeCell(conds)}` : ''}; signed by ${escapeCell(p.attestations.signers)}`,
    );
  }
  if (p.policyFile)
    lines.push(
      `- policy file ${escapeCell(p.policyFile.source)}: ${p.policyFile.rules.length} rule(s) (${escapeCell(p.policyFile.rules.map((r) => r.name).join(', '))}); unmatched images: ${escapeCell(p.policyFile.unmatched)}`,
    );
  lines.push(
    `- transparency log ${p.requireTlog ? 'required' : 'not required'}; trust root: ${escapeCell(p.trustRoot)}`,
    '',
    '</details>',
    '',
  );
  return lines.join('\n');
}

/** The step-failure message: the first supply-chain failure and the count. */
export function failureMessage(report: Report): string | undefined {
  if (report.outcome === 'verified' || report.outcome === 'warned') return undefined;
  if (report.error) return `image-gate: ${report.error.message}`;
  const failed = report.results.filter((r) => r.outcome === 'failed');
  if (failed.length > 0) {
    const first = failed[0];
    return `image-gate: ${failed.length} of ${report.results.length} image(s) failed verification; first: ${first.image}: ${first.reason ?? ''}`;
  }
  const errored = report.results.filter((r) => r.outcome !== 'verified');
  const first = errored[0];
  return `image-gate: ${errored.length} of ${report.results.length} image(s) could not be verified; first: ${first?.image ?? ''}: ${first?.reason ?? ''}`;
}
