// The report as a JSON document: what `--output json` prints, `--report FILE` and the Action's
// report-path write. One serialisation, so the three cannot drift apart.
import type { Report } from '../core/report.js';

export function reportJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
