// The Action's work over an injected toolkit: inputs -> core -> job summary, JSON report,
// outputs, and a failed step naming the first failure. No verdict without a written report.
// What a plain verify does not use (merge, report signing, JUnit, the tool cache, Octokit) is
// loaded only when the inputs ask for it: each is its own chunk of dist/, compiled only then
// (test/integration/action-startup.test.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runGate } from '../core/gate.js';
import { rootLoadOptions } from '../core/trust/root.js';
import { getOctokit } from '../edge/octokit.js';
import { idTokenHook } from '../edge/id-token.js';
import { toGateError } from '../core/errors.js';
import { SecretRegistry } from '../core/secrets.js';
import { escapeControls, outputJson, outputLine, outputLines } from '../edge/sanitize.js';
import type { ImageResult, Report } from '../core/report.js';
import { writeReportFile } from '../edge/report-file.js';
import { renderResultText } from '../render/text.js';
import { readInputs, type InputGetter } from './inputs.js';
import { restoreTufCache, saveTufCache } from './tuf-cache.js';
import { failureMessage, renderSummary } from '../render/summary.js';
import { annotations, outcomeOutputs, type Annotation } from '../render/annotations.js';

export interface Toolkit {
  getInput: InputGetter;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  setSecret(value: string): void;
  info(message: string): void;
  /** An `::error` or `::warning` annotation titled image-gate, at a file and line when known. */
  annotate(a: Annotation): void;
  debug(message: string): void;
  startGroup(name: string): void;
  endGroup(): void;
  appendSummary(markdown: string): Promise<void>;
}

export async function runAction(tk: Toolkit, env: NodeJS.ProcessEnv): Promise<Report | undefined> {
  let inputs;
  try {
    inputs = readInputs(tk.getInput, env);
  } catch (e: unknown) {
    tk.setFailed(`image-gate: ${toGateError(e).message}`);
    return undefined;
  }
  for (const c of inputs.options.registryCredentials) tk.setSecret(c.password);
  if (inputs.options.githubToken) tk.setSecret(inputs.options.githubToken);
  // Derived forms (Basic base64, encodings) and tokens obtained during the run are masked too.
  const secrets = new SecretRegistry();
  secrets.onAdd((form) => tk.setSecret(form));
  for (const c of inputs.options.registryCredentials) secrets.addCredential(c.username, c.password);
  if (inputs.options.githubToken)
    secrets.addCredential('x-access-token', inputs.options.githubToken);

  let report: Report;
  if (inputs.mergeReports.length > 0) {
    // The final job of a matrix: one summary and one verdict from the shards' reports.
    try {
      const verify = inputs.mergeShardSigner
        ? {
            signer: inputs.mergeShardSigner,
            root: rootLoadOptions(inputs.options),
            env,
          }
        : undefined;
      const { mergeReportFiles } = await import('../core/merge.js');
      report = secrets.redactDeep(await mergeReportFiles(inputs.mergeReports, verify));
    } catch (e: unknown) {
      tk.setFailed(`image-gate: ${toGateError(e).message}`);
      return undefined;
    }
    for (const r of report.results) logResult(tk, r);
  } else {
    const log = (m: string): void => tk.debug(m);
    const tufCache = await restoreTufCache(inputs.options, env, log);
    report = await runGate(inputs.options, {
      env,
      getOctokit,
      ...idTokenHook(env),
      log,
      onResult: (r) => logResult(tk, r),
      secrets,
    });
    await saveTufCache(inputs.options, report, tufCache, log);
  }

  // Also in the log and on the run's page: the summary may be off, and a merged report's
  // warnings come from files.
  for (const a of annotations(report)) tk.annotate(a);
  // A file that cannot be written fails the step naming the input, after the outputs are set.
  const unwritten: string[] = [];
  const write = async (input: string, file: string, text: string): Promise<void> => {
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    } catch (e: unknown) {
      unwritten.push(`image-gate: ${input}: cannot write ${file}: ${toGateError(e).message}`);
    }
  };
  // In pieces (edge/report-file.ts): a 10 000-image report is never one string in memory.
  try {
    await writeReportFile(inputs.reportPath, report);
  } catch (e: unknown) {
    unwritten.push(
      `image-gate: report-path: cannot write ${inputs.reportPath}: ${toGateError(e).message}`,
    );
  }
  // With summaries signed, the report is too (REPORT.sigstore.json), for merge-shard-key.
  const sign =
    inputs.mergeReports.length === 0 && inputs.options.summaries !== undefined
      ? (await import('../core/summaries/report-signature.js')).reportSigner(
          inputs.options.summaries,
          { env, ...idTokenHook(env) },
        )
      : undefined;
  if (sign && !unwritten.length)
    try {
      await sign(inputs.reportPath, report);
    } catch (e: unknown) {
      unwritten.push(`image-gate: ${toGateError(e).message}`);
    }
  if (inputs.junitPath !== undefined) {
    const { renderJunit } = await import('../render/junit.js');
    await write('junit-path', inputs.junitPath, renderJunit(report));
  }
  if (inputs.summary) await tk.appendSummary(renderSummary(report));

  // What the outputs need of each verified image, read once (the results are packed).
  const digests: Array<[string, string]> = [];
  const pinned: string[] = [];
  for (const r of report.results)
    if (r.verified && r.digest) {
      digests.push([r.image, r.digest]);
      if (r.pinned) pinned.push(r.pinned);
    }
  tk.setOutput('verified', String(report.verified));
  tk.setOutput('report-path', outputLine(inputs.reportPath));
  tk.setOutput('digests', outputJson(Object.fromEntries(digests)));
  tk.setOutput('pinned', outputLines(pinned));
  const { failed, ...counts } = outcomeOutputs(report);
  for (const [name, value] of Object.entries(counts)) tk.setOutput(name, outputLine(value));
  tk.setOutput('failed', outputJson(failed));

  const msg = failureMessage(report);
  if (msg) tk.setFailed(msg);
  for (const u of unwritten) tk.setFailed(u);
  return report;
}

function logResult(tk: Toolkit, r: ImageResult): void {
  tk.startGroup(
    `${r.verified ? '✓' : r.outcome === 'warned' ? '⚠' : '✗'} ${escapeControls(r.image)}`,
  );
  tk.info(renderResultText(r));
  for (const rej of r.rejected ?? [])
    tk.info(`  rejected ${escapeControls(rej.where)}: ${escapeControls(rej.reason)}`);
  tk.endGroup();
}
