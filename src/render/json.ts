// The report as a JSON document: what `--output json` prints, `--report FILE` and the Action's
// report-path write. One serialisation, so the three cannot drift apart.
import type { Report } from '../core/report.js';

export function reportJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Pieces of about this many characters (whole lines) from reportJsonChunks. */
export const REPORT_CHUNK_CHARS = 64 * 1024;

/**
 * reportJson(report) in pieces of whole lines, about `chunkChars` each, whose concatenation is
 * exactly reportJson(report): the results are serialised one at a time, so writing a 10 000-image
 * report (14 MB of JSON) never holds the whole document, nor a sanitised copy of it, at once
 * (issue 15, flat memory). Members keep their order; those JSON.stringify leaves out (undefined)
 * are left out here too.
 */
export function* reportJsonChunks(
  report: Report,
  chunkChars = REPORT_CHUNK_CHARS,
): Generator<string> {
  let pending = '';
  const flush = function* (force: boolean): Generator<string> {
    if (pending !== '' && (force || pending.length >= chunkChars)) {
      yield pending;
      pending = '';
    }
  };
  const members = Object.entries(report).filter(([, v]) => v !== undefined);
  if (members.length === 0) {
    yield '{}\n';
    return;
  }
  pending += '{\n';
  for (const [i, [key, value]] of members.entries()) {
    pending += `  ${JSON.stringify(key)}: `;
    if (key === 'results' && Array.isArray(value) && value.length > 0) {
      pending += '[\n';
      for (const [j, r] of (value as unknown[]).entries()) {
        const item = r === undefined ? 'null' : JSON.stringify(r, null, 2);
        // Cut after whole lines only: the terminal sanitiser works line by line.
        pending += `    ${item.replace(/\n/g, '\n    ')}${j < value.length - 1 ? ',' : ''}\n`;
        yield* flush(false);
      }
      pending += '  ]';
    } else pending += JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    pending += i < members.length - 1 ? ',\n' : '\n';
  }
  pending += '}\n';
  yield* flush(true);
}
