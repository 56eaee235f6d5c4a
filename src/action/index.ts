// Entry point of dist/index.js (runs.using: node24): binds @actions/core to runAction.
// A thrown non-Error or an unhandled rejection still fails the step.
import * as core from '@actions/core';
import { annotationText, logText, outputText } from '../edge/sanitize.js';
import { ANNOTATION_TITLE } from '../render/annotations.js';
import { runAction, type Toolkit } from './run.js';

// Where text leaves the Action: every log line through the log sanitiser, every output through
// the GITHUB_OUTPUT one (the summary's values are escaped by renderSummary, its only writer).
const toolkit: Toolkit = {
  getInput: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, outputText(value)),
  setFailed: (message) => core.setFailed(logText(message)),
  setSecret: (value) => core.setSecret(value),
  info: (m) => core.info(logText(m)),
  annotate: (a) =>
    (a.level === 'error' ? core.error : core.warning)(annotationText(a.message), {
      title: ANNOTATION_TITLE,
      ...(a.file !== undefined ? { file: annotationText(a.file) } : {}),
      ...(a.line !== undefined ? { startLine: a.line } : {}),
    }),
  debug: (m) => core.debug(logText(m)),
  startGroup: (name) => core.startGroup(logText(name)),
  endGroup: () => core.endGroup(),
  appendSummary: async (markdown) => {
    await core.summary.addRaw(markdown, true).write();
  },
};

// An uncaught throw from a callback would otherwise get Node's own report on stderr, raw, where
// the runner reads workflow commands too.
const crash = (e: unknown): never => {
  core.setFailed(
    logText(`image-gate: internal error: ${e instanceof Error ? e.message : String(e)}`),
  );
  process.exit(1);
};
process.on('unhandledRejection', crash);
process.on('uncaughtException', crash);

runAction(toolkit, process.env).catch((e: unknown) => {
  core.setFailed(
    logText(`image-gate: internal error: ${e instanceof Error ? e.message : String(e)}`),
  );
});
