// Entry point of dist/index.js (runs.using: node24): binds @actions/core to runAction.
// A thrown non-Error or an unhandled rejection still fails the step.
import * as core from '@actions/core';
import { runAction, type Toolkit } from './run.js';

const toolkit: Toolkit = {
  getInput: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  setFailed: (message) => core.setFailed(message),
  setSecret: (value) => core.setSecret(value),
  info: (m) => core.info(m),
  debug: (m) => core.debug(m),
  startGroup: (name) => core.startGroup(name),
  endGroup: () => core.endGroup(),
  appendSummary: async (markdown) => {
    await core.summary.addRaw(markdown, true).write();
  },
};

process.on('unhandledRejection', (e) => {
  core.setFailed(`image-gate: internal error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

runAction(toolkit, process.env).catch((e: unknown) => {
  core.setFailed(`image-gate: internal error: ${e instanceof Error ? e.message : String(e)}`);
});
