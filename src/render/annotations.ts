// What the Action says beside the summary: one annotation per image that did not pass, one per
// weak setting and report warning, and the step outputs a workflow branches on. Pure functions of
// the Report; the sinks (edge/sanitize.ts, the toolkit binding) escape the text.
import type { ImageResult, Report } from '../core/report.js';

export interface Annotation {
  level: 'error' | 'warning';
  message: string;
  /** Where the image reference was written (a manifest), when the result says so. */
  file?: string;
  line?: number;
}

/** The title of every annotation image-gate writes (`::error title=image-gate::…`). */
export const ANNOTATION_TITLE = 'image-gate';

/**
 * The settings that make the run accept less than the default policy, each as a sentence naming
 * the input or policy-file key. Read from the report's `policy` section, so a merged report's
 * shards say the same as a live run.
 */
export function weakSettings(report: Report): string[] {
  const p = report.policy;
  const out: string[] = [];
  if (!p.requireTlog)
    out.push(
      'insecure-ignore-tlog: signatures are accepted without a Rekor transparency-log entry',
    );
  if (!p.requireSct)
    out.push(
      'insecure-ignore-sct: keyless certificates are accepted without a certificate-transparency SCT',
    );
  if (p.policyFile?.unmatched === 'allow')
    out.push(
      `unmatched: allow (${p.policyFile.source}): images no rule matches pass without verification`,
    );
  if (p.requireSignature === false)
    out.push('require-signature=false: images may pass on their attestations alone, unsigned');
  for (const r of p.policyFile?.rules ?? [])
    if (r.requireSignature === false)
      out.push(
        `requireSignature: false (rule ${r.name}): its images may pass on their attestations alone, unsigned`,
      );
  return out;
}

/** A result's first `sources` entry (`{file, line}`), when the result carries a valid one. */
function sourceOf(r: ImageResult): { file?: string; line?: number } {
  const sources = (r as { sources?: unknown }).sources;
  const first: unknown = Array.isArray(sources) ? sources[0] : undefined;
  if (typeof first !== 'object' || first === null) return {};
  const { file, line } = first as { file?: unknown; line?: unknown };
  if (typeof file !== 'string' || file === '') return {};
  return {
    file,
    ...(typeof line === 'number' && Number.isSafeInteger(line) && line > 0 ? { line } : {}),
  };
}

/**
 * Errors first (one per failed or errored image, `IMAGE: REASON`), then warnings (images a warn
 * mode let through, weak settings, report warnings). A run that could not start says so once, not
 * once per image with the same reason.
 */
export function annotations(report: Report): Annotation[] {
  const errors: Annotation[] = [];
  const warnings: Annotation[] = [];
  const startError = report.error?.message;
  if (startError !== undefined)
    errors.push({
      level: 'error',
      message: `${report.results.length} image(s) not verified: ${startError}`,
    });
  for (const r of report.results) {
    // A merged report is read from files: the outcome is compared as text, never trusted as a key.
    const outcome = String(r.outcome);
    const level =
      outcome === 'failed' || outcome === 'error'
        ? 'error'
        : outcome === 'warned'
          ? 'warning'
          : undefined;
    if (level === undefined) continue;
    if (startError !== undefined && r.reason === startError) continue;
    const reason = r.reason ?? r.code ?? outcome;
    (level === 'error' ? errors : warnings).push({
      level,
      message: `${r.image}: ${reason}`,
      ...sourceOf(r),
    });
  }
  for (const w of weakSettings(report)) warnings.push({ level: 'warning', message: w });
  for (const w of report.warnings ?? []) warnings.push({ level: 'warning', message: w });
  return [...errors, ...warnings];
}

/** One entry of the `failed` output: an image that did not pass and why. */
export interface FailedEntry {
  image: string;
  outcome: string;
  digest?: string;
  code?: string;
  reason?: string;
}

/**
 * The Action's outputs besides `verified`, `report-path`, `digests` and `pinned`: the run's
 * outcome, counts per outcome and the images that did not pass (failed, error, skipped and, in
 * warn mode, warned), each with its code and reason.
 */
export function outcomeOutputs(report: Report): {
  outcome: string;
  'verified-count': string;
  'failed-count': string;
  'error-count': string;
  'skipped-count': string;
  failed: FailedEntry[];
} {
  const count = (o: string): number => report.results.filter((r) => String(r.outcome) === o).length;
  const failed: FailedEntry[] = report.results
    .filter((r) => !['verified', 'allowed'].includes(String(r.outcome)))
    .map((r) => ({
      image: r.image,
      outcome: String(r.outcome),
      ...(r.digest ? { digest: r.digest } : {}),
      ...(r.code ? { code: r.code } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
    }));
  return {
    outcome: String(report.outcome),
    'verified-count': String(count('verified')),
    'failed-count': String(count('failed')),
    'error-count': String(count('error')),
    'skipped-count': String(count('skipped')),
    failed,
  };
}
