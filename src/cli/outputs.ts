// `--output`: which renderings of the report the CLI writes, and where. One plain FORMAT goes to
// stdout (as before); FORMAT=PATH, repeatable, writes files too, as Conforma's `ec validate image`.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GateError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { reportJson } from '../render/json.js';
import { writeReportFile } from '../edge/report-file.js';
import { renderJunit } from '../render/junit.js';
import { renderSummary } from '../render/summary.js';
import { renderReportText } from '../render/text.js';

export const OUTPUT_FORMATS = ['text', 'json', 'junit', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface OutputFile {
  format: OutputFormat;
  path: string;
}

export interface Outputs {
  /** What stdout shows: the one plain FORMAT given, else text. */
  stdout: OutputFormat;
  files: OutputFile[];
}

function isFormat(s: string): s is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(s);
}

function usage(msg: string): GateError {
  return new GateError('USAGE', `--output: ${msg}`);
}

/**
 * The `--output` values as given (each `FORMAT` or `FORMAT=PATH`). Refused: an unknown format,
 * an empty path, two plain formats (stdout shows one), and two renderings into one file.
 */
export function parseOutputs(values: readonly string[] | undefined): Outputs {
  let stdout: OutputFormat | undefined;
  const files: OutputFile[] = [];
  const expected = `expected ${OUTPUT_FORMATS.join(', ')}, or FORMAT=PATH`;
  for (const value of values ?? []) {
    const eq = value.indexOf('=');
    const format = eq < 0 ? value : value.slice(0, eq);
    if (!isFormat(format)) throw usage(`'${value}' is not a format (${expected})`);
    if (eq < 0) {
      if (stdout !== undefined)
        throw usage(
          `'${stdout}' and '${format}' both go to stdout; give one, and FORMAT=PATH for the others`,
        );
      stdout = format;
      continue;
    }
    const file = value.slice(eq + 1);
    if (file === '') throw usage(`'${value}' names no file (expected ${format}=PATH)`);
    const clash = files.find((f) => path.resolve(f.path) === path.resolve(file));
    if (clash) throw usage(`'${clash.format}=${clash.path}' and '${value}' write the same file`);
    files.push({ format, path: file });
  }
  return { stdout: stdout ?? 'text', files };
}

/**
 * `--report FILE` beside the FORMAT=PATH files: another rendering into the report's file would
 * replace the JSON report (and void its signature) after it is written. Refused, as two
 * renderings into one file are; `json=FILE` is the report itself and writes nothing else.
 */
export function checkReportPath(outputs: Outputs, report: string | undefined): void {
  if (report === undefined) return;
  const clash = outputs.files.find(
    (f) => f.format !== 'json' && path.resolve(f.path) === path.resolve(report),
  );
  if (clash)
    throw usage(`'${clash.format}=${clash.path}' and --report ${report} write the same file`);
}

/** The report in one format: the same renderers the Action's summary, report and JUnit use. */
export function renderOutput(report: Report, format: OutputFormat): string {
  switch (format) {
    case 'text':
      return renderReportText(report);
    case 'json':
      return reportJson(report);
    case 'junit':
      return renderJunit(report);
    case 'markdown':
      return renderSummary(report);
  }
}

/**
 * Writes each FORMAT=PATH file (its directory created, as the Action does). The first that cannot
 * be written is an error naming it; the caller exits 2.
 */
export async function writeOutputFiles(
  report: Report,
  files: readonly OutputFile[],
): Promise<void> {
  for (const f of files) {
    try {
      if (f.format === 'json') await writeReportFile(f.path, report);
      else {
        await mkdir(path.dirname(path.resolve(f.path)), { recursive: true });
        await writeFile(f.path, renderOutput(report, f.format));
      }
    } catch (e: unknown) {
      const why = e instanceof Error ? e.message : String(e);
      throw new GateError('USAGE', `--output ${f.format}=${f.path}: cannot write: ${why}`, {
        cause: e,
      });
    }
  }
}
