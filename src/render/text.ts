// Text rendering of a Report for terminals and logs, in the style of cosign/s3lo:
// a ✓/✗ headline per image, then digest, signer, signed-at and the reason.
import type { ImageResult, Report } from '../core/report.js';
import { escapeControls } from '../edge/sanitize.js';

/**
 * Every value from the report (image names, registry, signature and certificate text) goes
 * through this before it joins a line: no value can break the line or carry escape sequences.
 */
const f = (v: string | number | undefined): string => escapeControls(String(v ?? ''));

export function renderResultText(r: ImageResult): string {
  const lines: string[] = [];
  if (r.outcome === 'verified') lines.push(`✓ Verified ${f(r.image)}`);
  else if (r.outcome === 'failed') lines.push(`✗ Verification FAILED for ${f(r.image)}`);
  else if (r.outcome === 'skipped') lines.push(`- Skipped ${f(r.image)}`);
  else if (r.outcome === 'allowed') lines.push(`- Allowed without verification: ${f(r.image)}`);
  else if (r.outcome === 'warned')
    lines.push(
      `⚠ Verification failed for ${f(r.image)} (warn mode: not enforced${r.enforceAfter ? ` until ${f(r.enforceAfter)}` : ''})`,
    );
  else lines.push(`✗ Verification ERROR for ${f(r.image)}`);
  // Read from files: a failure's headline once per place it is written (FILE:LINE: as compilers
  // print, so editors jump there); a pass lists where it is written.
  const at = (r.sources ?? []).map((s) => `${f(s.file)}:${f(s.line)}`);
  if (at.length > 0) {
    if (r.outcome === 'failed' || r.outcome === 'error')
      lines.splice(0, 1, ...at.map((a) => `${a}: ${lines[0]}`));
    else lines.push(...at.map((a) => `  Source: ${a}`));
  }
  if (r.digest) lines.push(`  Digest: ${f(r.digest)}`);
  if (r.rule !== undefined) lines.push(`  Rule:   ${f(r.rule)}`);
  const sig = r.signatures[0];
  if (sig) {
    if (sig.signedAt) lines.push(`  Signed: ${f(sig.signedAt)}`);
    if (sig.kind === 'key')
      lines.push(`  Key:    ${f(sig.keyRef)}${sig.keyID ? ` (${f(sig.keyID)})` : ''}`);
    else lines.push(`  Signer: ${f(sig.identity ?? '?')} (issuer ${f(sig.issuer ?? '?')})`);
    if (sig.tlog) lines.push(`  Rekor:  log index ${f(sig.tlog.logIndex)}`);
    if (r.signatures.length > 1) lines.push(`  (${r.signatures.length} valid signatures)`);
  }
  for (const p of r.platforms ?? [])
    lines.push(
      `  Platform ${f(p.platform)}: ${p.outcome === 'verified' ? '✓' : '✗'} ${f(p.outcome)} (${f(p.digest)})${p.reason ? ` ${f(p.reason)}` : ''}`,
    );
  for (const a of r.attestations)
    lines.push(
      `  Attestation ${f(a.predicateType)}: ${a.verified ? 'verified' : `rejected (${f(a.reason)})`}`,
    );
  if (r.reason) lines.push(`  Reason: ${f(r.reason)}`);
  return lines.join('\n');
}

export function renderReportText(report: Report): string {
  const parts = report.results.map(renderResultText);
  for (const w of report.warnings ?? []) parts.push(`Warning: ${f(w)}`);
  parts.push(countsLine(report));
  return parts.join('\n') + '\n';
}

export function countsLine(report: Report): string {
  const count = (o: string): number => report.results.filter((r) => r.outcome === o).length;
  const skipped = count('skipped');
  const allowed = count('allowed');
  const warned = count('warned');
  return (
    `${report.results.length} image(s): ${count('verified')} verified, ${count('failed')} failed, ` +
    `${count('error')} error(s)${skipped ? `, ${skipped} skipped` : ''}` +
    `${allowed ? `, ${allowed} allowed without verification` : ''}` +
    `${warned ? `, ${warned} failed in warn mode (not enforced)` : ''}`
  );
}
