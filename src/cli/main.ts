// The CLI edge: argv -> core -> text or JSON on stdout, exit 0/1/2. Any unexpected
// exception ends as exit 2 with a message, never 0.
import { GateError, isFailureCode, toGateError } from '../core/errors.js';
import { TOOL, type Report } from '../core/report.js';
import { exitCode } from '../core/report-outcome.js';
import type { FoundImages } from '../core/manifests/files.js';
import { helpText, parseCommand } from './args.js';
import { runImages } from './images.js';
import { reportJsonChunks } from '../render/json.js';
import { writeReportFile } from '../edge/report-file.js';
import { renderOutput, writeOutputFiles, type OutputFile, type OutputFormat } from './outputs.js';
import { colourText, renderReportText, useColour } from '../render/text.js';
import { escapeControls as line, terminalText } from '../edge/sanitize.js';

export async function main(
  argv: string[],
  raw: {
    stdout: (s: string) => void;
    stderr: (s: string) => void;
    env: NodeJS.ProcessEnv;
    /** Whether stderr is a terminal (the progress line). */
    isTTY: boolean;
    /** Whether stdout is a terminal (colour); default: as stderr. */
    stdoutTTY?: boolean;
    /** All of stdin, for --registry-password-stdin. */
    readStdin?: () => Promise<string>;
    /**
     * Resolves once stdout has taken what was written (a pipe is asynchronous in Node: without
     * waiting, a slow reader left the whole JSON report queued in memory, +33 MB at 10 000 images).
     */
    drain?: () => Promise<void>;
  },
): Promise<number> {
  // Every write passes the terminal sanitiser; values inside a line are escaped with `line()`
  // where they are interpolated, so they cannot add lines either.
  const io = {
    ...raw,
    stdout: (s: string) => raw.stdout(terminalText(s)),
    stderr: (s: string) => raw.stderr(terminalText(s)),
  };
  const colour = useColour(io.env, raw.stdoutTTY ?? raw.isTTY);
  let cmd;
  try {
    cmd = parseCommand(argv, io.env);
  } catch (e: unknown) {
    // A usage error is a result too: with --output json it is a JSON document on stdout, shaped
    // like a report's `error` field, so a pipeline parsing stdout never meets plain text.
    const err = toGateError(e);
    if (jsonRequested(argv)) io.stdout(errorJson(err));
    io.stderr(`image-gate: ${line(err.message)}\n`);
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
        const { verifyBundleArtifact } = await import('../core/conformance.js');
        const ev = await verifyBundleArtifact({
          bundlePath: cmd.bundle,
          artifact: cmd.artifact,
          ...(cmd.identity ? { identity: cmd.identity } : {}),
          ...(cmd.issuer ? { issuer: cmd.issuer } : {}),
          ...(cmd.key ? { keyPath: cmd.key } : {}),
          ...(cmd.trustedRoot ? { trustedRootPath: cmd.trustedRoot } : {}),
          offline: cmd.offline,
          ...(cmd.ignoreTlog ? { requireTlog: false } : {}),
        });
        io.stdout(
          `✓ Verified ${line(cmd.artifact)}${ev.identity ? ` (signer ${line(ev.identity)})` : ''}\n`,
        );
        return 0;
      } catch (e: unknown) {
        const err = toGateError(e);
        // FAILED is a verdict about the artifact (exit 1); a missing bundle file, a bad key or
        // root is an ERROR (exit 2): nothing was verified either way.
        const failed = isFailureCode(err.code);
        io.stderr(
          `✗ Verification ${failed ? 'FAILED' : 'ERROR'} for ${line(cmd.artifact)}: ${line(err.message)}\n`,
        );
        return failed ? 1 : 2;
      }
    }
    case 'verify': {
      if (cmd.passwordStdin) {
        const password = ((await io.readStdin?.()) ?? '').replace(/\r?\n$/, '');
        if (password === '') {
          const err = new GateError('USAGE', 'verify: --registry-password-stdin: stdin is empty');
          if (cmd.output === 'json') io.stdout(errorJson(err));
          io.stderr(`image-gate: ${line(err.message)}\n`);
          return 2;
        }
        cmd.options.registryCredentials.push({ ...cmd.passwordStdin, password });
      }
      // --files from a pre-commit hook: every staged file the hook's pattern matches is given,
      // and a Service or a ConfigMap names no image. Nothing to gate is then no reason to refuse
      // the commit; a file that does not parse is left to the gate (exit 2, naming it).
      let files: FoundImages | undefined;
      if (cmd.files && cmd.options.images.length === 0 && cmd.options.imagesFile === undefined) {
        const { findImages } = await import('../core/manifests/files.js');
        files = await findImages({
          paths: cmd.options.manifests ?? [],
          lists: [],
          env: io.env,
          ...(cmd.options.composeEnv ? { composeEnv: cmd.options.composeEnv } : {}),
        }).catch(() => undefined);
        if (files?.occurrences.length === 0) {
          io.stderr('image-gate: the files given name no image; nothing to verify\n');
          return 0;
        }
      }
      let failures = 0;
      const progress = coalesced(io.stderr, io.isTTY);
      let counted = false;
      let report: Report;
      // The core (registry client, Sigstore) loads only for the commands that use it, so
      // --version, help and usage errors start without it (issue 15 item 3).
      const [{ runGate }, { getOctokit }, { idTokenHook }] = await Promise.all([
        import('../core/gate.js'),
        import('../edge/octokit.js'),
        import('../edge/id-token.js'),
      ]);
      try {
        report = await runGate(cmd.options, {
          env: io.env,
          ...(files ? { files } : {}),
          getOctokit,
          ...idTokenHook(io.env),
          // --verbose: the lines the Action writes to its debug log (HTTP requests, TUF cache).
          ...(cmd.verbose ? { log: (m: string) => progress.line(`debug: ${line(m)}\n`) } : {}),
          onResult: (r, done, total) => {
            // Progress goes to stderr so stdout stays the result (text or JSON): a running count
            // on a terminal, one plain line per finished image otherwise.
            if (r.outcome === 'failed' || r.outcome === 'error') failures++;
            if (total < 2 || cmd.quiet) return;
            if (io.isTTY) {
              counted = true;
              progress.write(`\r[${done}/${total}] ${failures} failed`);
            } else progress.write(`[${done}/${total}] ${line(r.outcome)} ${line(r.image)}\n`);
          },
        });
      } finally {
        progress.flush();
        // The count line is erased before the results, so it never sits among the final lines.
        if (counted) raw.stderr('\r\x1b[2K');
      }
      const { reportSigner } = await import('../core/summaries/report-signature.js');
      const sign = reportSigner(cmd.options.summaries, { env: io.env, ...idTokenHook(io.env) });
      return emit(report, cmd, io, raw, colour, sign);
    }
    case 'images':
      return runImages(cmd, io);
    case 'pin':
      return (await import('./pin.js')).runPin(cmd, io);
    case 'revoke':
      return (await import('./revoke.js')).runRevoke(cmd, io);
    case 'merge': {
      let report: Report;
      try {
        const { mergeReportFiles } = await import('../core/merge.js');
        report = await mergeReportFiles(
          cmd.reports,
          cmd.shardSigner
            ? {
                signer: cmd.shardSigner,
                root: {
                  offline: cmd.offline,
                  ...(cmd.trustedRoot ? { trustedRootPath: cmd.trustedRoot } : {}),
                },
                env: io.env,
              }
            : undefined,
        );
      } catch (e: unknown) {
        const err = toGateError(e);
        if (cmd.output === 'json') io.stdout(errorJson(err));
        io.stderr(`image-gate: ${line(err.message)}\n`);
        return 2;
      }
      return emit(report, cmd, io, raw, colour);
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
): { write(s: string): void; line(s: string): void; flush(): void } {
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
    /** A whole line (a --verbose trace line): on a terminal it first ends a pending count. */
    line(s) {
      const count = overwrite && pending !== '' && !pending.endsWith('\n') ? `${pending}\n` : '';
      pending = '';
      clearTimeout(timer);
      timer = undefined;
      write(count + s);
    },
    flush,
  };
}

/** Writes --report, prints text or JSON, and returns the exit code of the report's outcome. */
async function emit(
  report: Report,
  cmd: { output: OutputFormat; outputFiles: OutputFile[]; reportPath?: string; quiet: boolean },
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
  raw: { stdout: (s: string) => void; drain?: () => Promise<void> },
  colour: boolean,
  sign?: (file: string, report: Report) => Promise<unknown>,
): Promise<number> {
  if (cmd.reportPath) {
    try {
      // As the Action's report-path does: the directory is made when it is not there yet.
      await writeReportFile(cmd.reportPath, report);
    } catch (e: unknown) {
      io.stderr(
        `image-gate: --report: cannot write ${line(cmd.reportPath)}: ${line(toGateError(e).message)}\n`,
      );
      return 2;
    }
    // With summaries signed, the report is too (FILE.sigstore.json), for merge --shard-key.
    if (sign)
      try {
        await sign(cmd.reportPath, report);
      } catch (e: unknown) {
        io.stderr(`image-gate: ${line(toGateError(e).message)}\n`);
        return 2;
      }
  }
  try {
    await writeOutputFiles(report, cmd.outputFiles);
  } catch (e: unknown) {
    io.stderr(`image-gate: ${line(toGateError(e).message)}\n`);
    return 2;
  }
  if (cmd.output === 'text') {
    // A run-level error (a missing key, a bad root) is said once here; the text below does not
    // repeat it under every image.
    if (report.error) io.stderr(`image-gate: ${line(report.error.message)}\n`);
    const text = terminalText(renderReportText(report, { quiet: cmd.quiet }));
    // Colour is added after the sanitiser, around text it has already made safe.
    raw.stdout(colour ? colourText(text) : text);
  } else if (cmd.output === 'json') {
    // In whole-line pieces, each taken by stdout before the next is made: a 10 000-image report
    // is never one string here, nor queued whole in stdout's buffer (issue 15).
    for (const chunk of reportJsonChunks(report)) {
      io.stdout(chunk);
      await raw.drain?.();
    }
  } else io.stdout(renderOutput(report, cmd.output));
  return exitCode(report.outcome);
}

/** Does argv ask for JSON on stdout (`--output json`, `-o json`, `--output=json`, `-ojson`)? */
function jsonRequested(argv: string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if ((a === '--output' || a === '-o') && argv[i + 1] === 'json') return true;
    if (a === '--output=json' || a === '-ojson') return true;
  }
  return false;
}

/** A usage or run error as a JSON document: the report's `error` field and the tool. */
function errorJson(err: GateError): string {
  return (
    JSON.stringify({ error: { code: err.code, message: err.message }, tool: TOOL }, null, 2) + '\n'
  );
}
