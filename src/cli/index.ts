#!/usr/bin/env node
// Entry point of dist/cli.js: runs main() and turns every outcome, including a crash or an
// unhandled rejection, into an exit code. A crash must never look like success.
// First, so the compile cache is on before the chunks below load.
import '../edge/compile-cache.js';
import { escapeControls, terminalText } from '../edge/sanitize.js';
import { main } from './main.js';

// A throw from a callback (uncaught) would otherwise get Node's own report: the raw message
// and stack on stderr, past the terminal sanitiser, and exit code 1 (a supply-chain failure).
const internalError = (e: unknown): void => {
  process.stderr.write(
    terminalText(
      `image-gate: internal error: ${escapeControls(e instanceof Error ? e.message : String(e))}\n`,
    ),
  );
};
const crash = (e: unknown): never => {
  internalError(e);
  process.exit(2);
};
process.on('unhandledRejection', crash);
process.on('uncaughtException', crash);

/** Resolves when stdout's buffer has drained (or stdout closed or failed: nothing more to wait for). */
const drainStdout = (): Promise<void> =>
  new Promise((resolve) => {
    const out = process.stdout;
    if (!out.writableNeedDrain) return resolve();
    const done = (): void => {
      out.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    out.on('drain', done).on('close', done).on('error', done);
  });

main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  drain: drainStdout,
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  stdoutTTY: Boolean(process.stdout.isTTY),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    internalError(e);
    process.exitCode = 2;
  },
);
