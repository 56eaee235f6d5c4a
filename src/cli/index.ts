#!/usr/bin/env node
// Entry point of dist/cli.js: runs main() and turns every outcome, including a crash or an
// unhandled rejection, into an exit code. A crash must never look like success.
import { terminalText } from '../edge/sanitize.js';
import { main } from './main.js';

process.on('unhandledRejection', (e) => {
  process.stderr.write(
    terminalText(`image-gate: internal error: ${e instanceof Error ? e.message : String(e)}\n`),
  );
  process.exit(2);
});

main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(
      terminalText(`image-gate: internal error: ${e instanceof Error ? e.message : String(e)}\n`),
    );
    process.exitCode = 2;
  },
);
