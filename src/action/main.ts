// The Action's work, loaded by the entry (src/action/index.ts) after the compile cache is on:
// binds the runner's workflow commands (./workflow-commands.ts) to runAction. A thrown non-Error
// or an unhandled rejection still fails the step (the entry catches).
import { annotationText, logText, outputText } from '../edge/sanitize.js';
import { ANNOTATION_TITLE } from '../render/annotations.js';
import { runAction, type Toolkit } from './run.js';
import * as wf from './workflow-commands.js';

// Where text leaves the Action: every log line through the log sanitiser, every output through
// the GITHUB_OUTPUT one (the summary's values are escaped by renderSummary, its only writer).
const toolkit: Toolkit = {
  getInput: (name) => wf.getInput(name),
  setOutput: (name, value) => wf.setOutput(name, outputText(value)),
  setFailed: (message) => wf.setFailed(logText(message)),
  setSecret: (value) => wf.setSecret(value),
  info: (m) => wf.info(logText(m)),
  annotate: (a) =>
    (a.level === 'error' ? wf.error : wf.warning)(annotationText(a.message), {
      title: ANNOTATION_TITLE,
      ...(a.file !== undefined ? { file: annotationText(a.file) } : {}),
      ...(a.line !== undefined ? { startLine: a.line } : {}),
    }),
  debug: (m) => wf.debug(logText(m)),
  startGroup: (name) => wf.startGroup(logText(name)),
  endGroup: () => wf.endGroup(),
  appendSummary: (markdown) => wf.appendSummary(markdown),
};

/** The whole run; a rejection is the entry's to report (an internal error fails the step). */
export async function main(): Promise<void> {
  await runAction(toolkit, process.env);
}
