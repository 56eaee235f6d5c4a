// Text rendering of a Report for terminals and logs, in the style of cosign/s3lo:
// a ✓/✗ headline per image, then digest, signer, signed-at and the reason.
import type { ImageResult, Report } from '../core/report.js';

export function renderResultText(r: ImageResult): string {
  const lines: string[] = [];
  if (r.outcome === 'verified') lines.push(`✓ Verified ${r.image}`);
  else if (r.outcome === 'failed') lines.push(`✗ Verification FAILED for ${r.image}`);
  else if (r.outcome === 'skipped') lines.push(`- Skipped ${r.image}`);
  else if (r.outcome === 'allowed') lines.push(`- Allowed without verification: ${r.image}`);
  else lines.push(`✗ Verification ERROR for ${r.image}`);
  if (r.digest) lines.push(`  Digest: ${r.digest}`);
  if (r.rule !== undefined) lines.push(`  Rule:   ${r.rule}`);
  const sig = r.signatures[0];
  if (sig) {
    if (sig.signedAt) lines.push(`  Signed: ${sig.signedAt}`);
    if (sig.kind === 'key')
      lines.push(`  Key:    ${sig.keyRef ?? ''}${sig.keyID ? ` (${sig.keyID})` : ''}`);
    else lines.push(`  Signer: ${sig.identity ?? '?'} (issuer ${sig.issuer ?? '?'})`);
    if (sig.tlog) lines.push(`  Rekor:  log index ${sig.tlog.logIndex}`);
    if (r.signatures.length > 1) lines.push(`  (${r.signatures.length} valid signatures)`);
  }
  for (const p of r.platforms ?? [])
    lines.push(
      `  Platform ${p.platform}: ${p.outcome === 'verified' ? '✓' : '✗'} ${p.outcome} (${p.digest})${p.reason ? ` ${p.reason}` : ''}`,
    );
  for (const a of r.attestations)
    lines.push(
      `  Attestation ${a.predicateType}: ${a.verified ? 'verified' : `rejected (${a.reason ?? ''})`}`,
    );
  if (r.reason) lines.push(`  Reason: ${r.reason}`);
  return lines.join('\n');
}

export function renderReportText(report: Report): string {
  const parts = report.results.map(renderResultText);
  for (const w of report.warnings ?? []) parts.push(`Warning: ${w}`);
  parts.push(countsLine(report));
  return parts.join('\n') + '\n';
}

export function countsLine(report: Report): string {
  const count = (o: string): number => report.results.filter((r) => r.outcome === o).length;
  const skipped = count('skipped');
  const allowed = count('allowed');
  return (
    `${report.results.length} image(s): ${count('verified')} verified, ${count('failed')} failed, ` +
    `${count('error')} error(s)${skipped ? `, ${skipped} skipped` : ''}` +
    `${allowed ? `, ${allowed} allowed without verification` : ''}`
  );
}
