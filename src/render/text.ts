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
    if (sig.tlog)
      lines.push(
        `  Rekor:  log index ${f(sig.tlog.logIndex)}${sig.tlog.indexInShard ? ' (in its shard; no SET)' : ''}`,
      );
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

/** After a batch longer than this, the failures are listed again at the end. */
export const RECAP_AFTER = 20;

export interface TextOptions {
  /** Only the images that failed or errored, and no counts line when there are none. */
  quiet?: boolean;
}

const isBad = (r: ImageResult): boolean => r.outcome === 'failed' || r.outcome === 'error';

export function renderReportText(report: Report, opts: TextOptions = {}): string {
  // A run-level error (a missing key, a bad root) is every image's reason: the front end says it
  // once, so each image shows only its headline.
  const runError = report.error?.message;
  const shown = opts.quiet ? report.results.filter(isBad) : report.results;
  const parts = shown.map((r) =>
    runError !== undefined && r.reason === runError
      ? `✗ Not verified: ${f(r.image)}`
      : renderResultText(r),
  );
  for (const w of report.warnings ?? []) parts.push(`Warning: ${f(w)}`);
  const bad = report.results.filter(isBad);
  if (report.results.length > RECAP_AFTER && bad.length > 0 && runError === undefined) {
    parts.push(`Failed or errored (${bad.length} of ${report.results.length}):`);
    for (const r of bad) parts.push(`  ✗ ${f(r.image)}: ${f(r.reason ?? r.outcome)}`);
  }
  if (!opts.quiet || bad.length > 0) parts.push(countsLine(report));
  return parts.length === 0 ? '' : parts.join('\n') + '\n';
}

/**
 * Colour for a terminal, as most CLIs read the environment: FORCE_COLOR (any value but `0` or
 * `false`) turns it on, else NO_COLOR (any non-empty value) off, else on when stdout is a terminal.
 */
export function useColour(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

const SGR = {
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
};

/**
 * The headlines of already sanitised text in colour: verified green, failed red, errors yellow,
 * the counts line bold. Only the fixed words this renderer writes are matched.
 */
export function colourText(text: string): string {
  return text
    .split('\n')
    .map((l) => {
      if (l.startsWith('✓ Verified ')) return `${SGR.green}${l}${SGR.reset}`;
      if (l.startsWith('✗ Verification FAILED ') || l.startsWith('  ✗ '))
        return `${SGR.red}${l}${SGR.reset}`;
      if (
        l.startsWith('✗ Verification ERROR ') ||
        l.startsWith('✗ Not verified: ') ||
        l.startsWith('Error: ')
      )
        return `${SGR.yellow}${l}${SGR.reset}`;
      if (l.startsWith('Warning: ')) return `${SGR.yellow}${l}${SGR.reset}`;
      if (/^\d+ image\(s\): /.test(l)) return `${SGR.bold}${l}${SGR.reset}`;
      return l;
    })
    .join('\n');
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
