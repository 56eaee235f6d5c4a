// Writing the JSON report to a file piece by piece (render/json.ts reportJsonChunks): the same
// bytes as writeFile(reportJson(report)), without the whole document in memory at once.
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../core/report.js';
import { reportJsonChunks } from '../render/json.js';

/** Writes `report` as JSON to `file`, its directory made first; throws what fs throws. */
export async function writeReportFile(file: string, report: Report): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const fh = await open(file, 'w');
  try {
    for (const chunk of reportJsonChunks(report)) await fh.write(chunk);
  } finally {
    await fh.close();
  }
}
