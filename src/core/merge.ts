// Merging shard reports from a job matrix into one verdict: reads report files (or folders of
// them, as download-artifact leaves them), checks each is an image-gate report, then merges.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { GateError } from './errors.js';
import { mergeReports, REPORT_SCHEMA_VERSION, type Report } from './report.js';

const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** Report files named directly, and every `*.json` in a named directory (sorted, not recursive). */
export async function loadReports(paths: string[]): Promise<Report[]> {
  if (paths.length === 0) throw new GateError('USAGE', 'merge: no report files given');
  const files: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch (e: unknown) {
      throw new GateError('USAGE', `merge: no file or directory at ${p}`, { cause: e });
    }
    if (st.isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.endsWith('.json')).sort();
      if (names.length === 0) throw new GateError('USAGE', `merge: ${p} holds no .json reports`);
      files.push(...names.map((n) => path.join(p, n)));
    } else files.push(p);
  }
  return Promise.all(files.map(readReport));
}

async function readReport(file: string): Promise<Report> {
  const st = await stat(file);
  if (st.size > MAX_REPORT_BYTES)
    throw new GateError('USAGE', `merge: ${file} is ${st.size} bytes, over ${MAX_REPORT_BYTES}`);
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (e: unknown) {
    throw new GateError('USAGE', `merge: ${file} is not JSON`, { cause: e });
  }
  const r = doc as Partial<Report>;
  if (
    typeof doc !== 'object' ||
    doc === null ||
    r.schemaVersion !== REPORT_SCHEMA_VERSION ||
    !Array.isArray(r.results) ||
    typeof r.startedAt !== 'string' ||
    typeof r.finishedAt !== 'string'
  )
    throw new GateError(
      'USAGE',
      `merge: ${file} is not an image-gate report (schemaVersion ${REPORT_SCHEMA_VERSION} with results)`,
    );
  for (const [i, res] of r.results.entries()) {
    if (
      typeof res !== 'object' ||
      res === null ||
      typeof res.image !== 'string' ||
      !['verified', 'failed', 'error', 'skipped', 'allowed'].includes(res.outcome) ||
      typeof res.verified !== 'boolean' ||
      res.verified !== (res.outcome === 'verified')
    )
      throw new GateError('USAGE', `merge: ${file} results[${i}] is not a valid image result`);
  }
  return doc as Report;
}

/** Loads and merges; the merged report is a pure function of the files' contents. */
export async function mergeReportFiles(paths: string[]): Promise<Report> {
  return mergeReports(await loadReports(paths));
}
