// The Action's side of the runner's protocol, written here instead of taken from @actions/core:
// core's entry also loads @actions/http-client and a second undici (for getIDToken), about 1 MB
// the Action compiled at every start and never used. Byte for byte what @actions/core 3.0.1
// writes (node_modules/@actions/core/lib: core.js, command.js, file-command.js, summary.js;
// test/unit/action-workflow-commands.test.ts runs both on the same calls): `::name k=v,k=v::msg`
// on stdout with core's escapes, outputs to the GITHUB_OUTPUT file in the heredoc form with a
// random delimiter, the job summary appended to GITHUB_STEP_SUMMARY. Values are the callers':
// they pass every text through its sink's sanitiser (src/edge/sanitize.ts) first.
import { randomUUID } from 'node:crypto';
import { constants, appendFileSync, existsSync } from 'node:fs';
import { access, appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

/** Where an annotation points, as @actions/core's AnnotationProperties. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

type Properties = Record<string, string | number | undefined>;

/** core's toCommandValue for the strings and numbers the Action passes. */
const commandValue = (v: string | number | undefined): string =>
  v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);

const escapeData = (s: string | number | undefined): string =>
  commandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

const escapeProperty = (s: string | number): string =>
  commandValue(s)
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/:/g, '%3A')
    .replace(/,/g, '%2C');

/** `::command k=v,...::message` and EOL on stdout; empty properties are left out, as core does. */
export function issueCommand(command: string, properties: Properties, message: string): void {
  let s = `::${command || 'missing.command'}`;
  const given = Object.entries(properties).filter(([, v]) => Boolean(v)) as [
    string,
    string | number,
  ][];
  if (Object.keys(properties).length > 0) {
    s += ' ';
    s += given.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
  }
  process.stdout.write(`${s}::${escapeData(message)}${EOL}`);
}

/** core's getInput: INPUT_<NAME, spaces as _, upper case>, trimmed, '' when unset. */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

/** core's setOutput: the GITHUB_OUTPUT file when there is one, else the old stdout command. */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT || '';
  if (file) return appendFileCommand(file, keyValueMessage(name, value));
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, value);
}

/** core's issueFileCommand: the runner made the file; a missing one is an error, not a create. */
function appendFileCommand(file: string, message: string): void {
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${message}${EOL}`, { encoding: 'utf8' });
}

/** `name<<ghadelimiter_UUID`, the value, the delimiter: safe for any value without it. */
function keyValueMessage(key: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (key.includes(delimiter))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (value.includes(delimiter))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  return `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}`;
}

/** core's setFailed: the step fails (exit code 1) and the message is an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

/** core's toCommandProperties: startLine is sent as `line`, startColumn as `col`. */
function annotationProperties(p: AnnotationProperties): Properties {
  if (Object.keys(p).length === 0) return {};
  return {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn,
  };
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', annotationProperties(properties), message);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', annotationProperties(properties), message);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function startGroup(name: string): void {
  issueCommand('group', {}, name);
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '');
}

/** core's `summary.addRaw(markdown, true).write()`: appended with EOL, same errors. */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file)
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    );
  try {
    await access(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(
      `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`,
    );
  }
  await appendFile(file, markdown + EOL, { encoding: 'utf8' });
}
