// The CLI edge: argv -> core -> text or JSON on stdout, exit 0/1/2. Any unexpected
// exception ends as exit 2 with a message, never 0.
import { writeFile } from 'node:fs/promises';
import { verifyBundleArtifact } from '../core/conformance.js';
import { isFailureCode, toGateError } from '../core/errors.js';
import { runGate } from '../core/gate.js';
import { getOctokit } from '../edge/octokit.js';
import { mergeReportFiles } from '../core/merge.js';
import { TOOL, type Report } from '../core/report.js';
import { exitCode } from '../core/report-outcome.js';
import { helpText, parseCommand } from './args.js';
import { runImages } from './images.js';
import { reportJson } from '../render/json.js';
import { renderOutput, writeOutputFiles, type OutputFile, type OutputFormat } from './outputs.js';
import { escapeControls as line, terminalText } from '../edge/sanitize.js';

export async function main(
  argv: string[],
  raw: {
    stdout: (s: string) => void;
    stderr: (s: string) => void;
    env: NodeJS.ProcessEnv;
    isTTY: boolean;
  },
): Promise<number> {
  // Every write passes the terminal sanitiser; values inside a line are escaped with `line()`
  // where they are interpolated, so they cannot add lines either.
  const io = {
    ...raw,
    stdout: (s: string) => raw.stdout(terminalText(s)),
    stderr: (s: string) => raw.stderr(terminalText(s)),
  };
  let cmd;
  try {
    cmd = parseCommand(argv, io.env);
  } catch (e: unknown) {
    io.stderr(`image-gate: ${line(toGateError(e).message)}\n`);
    return 2;
  }
  switch (cmd.command) {
    case 'help':
      io.stdout(`${helpText(cmd.topic)}\n`);
      return 0;
    case 'version':
      io.stdout(`${TOOL.name} ${TOOL.version}\n`);
      return 0;
    case 'verify-bundle': {
      try {
        const ev = await verifyBundleArtifact({
          bundlePath: cmd.bundle,
          artifact: cmd.artifact,
          ...(cmd.identity ? { identity: cmd.identity } : {}),
          ...(cmd.issuer ? { issuer: cmd.issuer } : {}),
          ...(cmd.key ? { keyPath: cmd.key } : {}),
          ...(cmd.trustedRoot ? { trustedRootPath: cmd.trustedRoot } : {}),
          offline: cmd.offline,
        });
        io.stdout(
          `✓ Verified ${line(cmd.artifact)}${ev.identity ? ` (signer ${line(ev.identity)})` : ''}\n`,
        );
        return 0;
      } catch (e: unknown) {
        const err = toGateError(e);
        io.stderr(`✗ Verification FAILED for ${line(cmd.artifact)}: ${line(err.message)}\n`);
        return isFailureCode(err.code) ? 1 : 2;
      }
    }
    case 'verify': {
      let failures = 0;
      const progress = coalesced(io.stderr, io.isTTY);
      let report: Report;
      try {
        report = await runGate(cmd.options, {
          env: io.env,
          getOctokit,
          onResult: (r, done, total) => {
            // Progress goes to stderr so stdout stays the result (text or JSON): a running count
            // on a terminal, one plain line per finished image otherwise.
            if (r.outcome === 'failed' || r.outcome === 'error') failures++;
            if (total < 2) return;
            if (io.isTTY)
              progress.write(
                `\r[${done}/${total}] ${failures} failed${done === total ? '\n' : ''}`,
              );
            else progress.write(`[${done}/${total}] ${line(r.outcome)} ${line(r.image)}\n`);
          },
        });
      } finally {
        progress.flush();
      }
      return emit(report, cmd, io);
    }
    case 'images':
      return runImages(cmd, io);
    case 'merge': {
      let report: Report;
      try {
        report = await mergeReportFiles(cmd.reports);
      } catch (e: unknown) {
        io.stderr(`image-gate: ${line(toGateError(e).message)}\n`);
        return 2;
      }
      return emit(report, cmd, io);
    }
  }
}

/**
 * Progress text, written at most every PROGRESS_MS: one write per burst of finished images
 * rather than one per image (each write to a pipe is a system call). On a terminal only the
 * newest `\r` count matters, so it replaces what is pending.
 */
const PROGRESS_MS = 100;

function coalesced(
  write: (s: string) => void,
  overwrite: boolean,
): { write(s: string): void; flush(): void } {
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending === '') return;
    const s = pending;
    pending = '';
    write(s);
  };
  return {
    write(s) {
      pending = overwrite && !pending.endsWith('\n') ? s : pending + s;
      timer ??= setTimeout(flush, PROGRESS_MS).unref();
    },
    flush,
  };
}

/** Writes --report, prints text or JSON, and returns the exit code of the report's outcome. */
async function emit(
  report: Report,
  cmd: { output: OutputFormat; outputFiles: OutputFile[]; reportPath?: string },
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
): Promise<number> {
  if (cmd.reportPath) {
    try {
      await writeFile(cmd.reportPath, reportJson(report));
    } catch (e: unknown) {
      io.stderr(
        `image-gate: --report: cannot write ${line(cmd.reportPath)}: ${line(toGateError(e).message)}\n`,
      );
      return 2;
    }
  }
  try {
    await writeOutputFiles(report, cmd.outputFiles);
  } catch (e: unknown) {
    io.stderr(`image-gate: ${line(toGateError(e).message)}\n`);
    return 2;
  }
  if (cmd.output === 'text' && report.error)
    io.stderr(`image-gate: ${line(report.error.message)}\n`);
  io.stdout(renderOutput(report, cmd.output));
  return exitCode(report.outcome);
}
