// Action inputs -> one typed object. The verify options come from the shared table
// (src/edge/options.ts); this file adds the Action's own inputs (images, registry credentials,
// github-token, report-path, summary, merge-reports). `readInputs` takes a getter so tests can
// assert the whole INPUT_* -> ActionInputs mapping.
import path from 'node:path';
import { GateError } from '../core/errors.js';
import { shardSignerOf, type ShardSigner } from '../core/summaries/shard-signer.js';
import {
  parseBoolean,
  parseLines,
  parseList,
  parseRegistryHost,
  type GateOptions,
  type RegistryCredential,
} from '../core/options.js';
import {
  baseOptions,
  checkCombinations,
  resolveSummaries,
  VERIFY_OPTIONS,
  type OptionKind,
  type OptionValue,
  type VerifyOption,
} from '../edge/options.js';

export interface ActionInputs {
  options: GateOptions;
  reportPath: string;
  /** Where to write the JUnit XML rendering of the report, when asked (`junit-path`). */
  junitPath?: string;
  summary: boolean;
  /** Merge mode: shard reports (files or folders) to merge instead of verifying images. */
  mergeReports: string[];
  /** merge-shard-key | merge-shard-identity: every shard report must be signed by this signer. */
  mergeShardSigner?: ShardSigner;
}

export type InputGetter = (name: string) => string;

export function readInputs(get: InputGetter, env: NodeJS.ProcessEnv): ActionInputs {
  const images = parseList(get('images'));
  const mergeReports = parseLines(get('merge-reports'));
  const fromFiles = get('manifests').trim() !== '' || get('images-file').trim() !== '';
  if (images.length === 0 && !fromFiles && mergeReports.length === 0)
    throw new GateError(
      'USAGE',
      'images: no image references given (one per line), no manifests or images-file to read them from, and no merge-reports to merge',
    );
  if ((images.length > 0 || fromFiles) && mergeReports.length > 0)
    throw new GateError(
      'USAGE',
      'images (or manifests, images-file) and merge-reports exclude each other; give one',
    );
  if (get('shard').trim() !== '' && mergeReports.length > 0)
    throw new GateError(
      'USAGE',
      'shard and merge-reports exclude each other: the matrix jobs verify their shard, the final job merges them all',
    );
  const bool = (name: string, dflt: boolean): boolean => {
    const v = get(name);
    return v.trim() === '' ? dflt : parseBoolean(name, v);
  };
  const opt = (name: string): string | undefined => {
    const v = get(name).trim();
    return v === '' ? undefined : v;
  };
  const credentials: RegistryCredential[] = [];
  // Checked as the CLI's --registry is: a value that is no host would match no registry, and its
  // credentials would silently never be sent.
  const registryInput = opt('registry');
  const registry =
    registryInput === undefined ? undefined : parseRegistryHost('registry', registryInput);
  const username = opt('registry-username');
  const password = opt('registry-password');
  // A host alone names credentials that are not there: said, not ignored (the CLI's --registry too).
  if (registry !== undefined && username === undefined && password === undefined)
    throw new GateError(
      'USAGE',
      `registry: '${registry}' is given without registry-username and registry-password (the credentials it is for)`,
    );
  if (username !== undefined || password !== undefined) {
    if (!registry || !username || !password)
      throw new GateError(
        'USAGE',
        'registry-username and registry-password need each other and registry (the host they are for)',
      );
    credentials.push({ registry, username, password });
  }
  const runnerTemp = env.RUNNER_TEMP ?? '/tmp';
  const options = baseOptions(images);
  options.tufCacheDir = path.join(runnerTemp, 'image-gate', 'tuf');
  for (const spec of VERIFY_OPTIONS) {
    if (spec.input === null) continue;
    const raw = get(spec.input);
    if (raw.trim() === '') continue;
    const value = inputValue(spec.kind, spec.input, raw);
    // Merge mode verifies no image: an option that would change a verification is refused, not
    // ignored (the CLI's merge has no such flags), as is one that would sign summaries.
    if (mergeReports.length > 0 && !MERGE_READS.has(spec.input) && changesOptions(spec, value))
      throw new GateError(
        'USAGE',
        `${spec.input} is for verifying images, and merge-reports verifies none (the shards did, under the policy their reports record); remove ${spec.input} from the merge step`,
      );
    spec.apply(options, value, spec.input);
  }
  options.registryCredentials = credentials;
  checkCombinations(options, (spec) => spec.input ?? `--${spec.flag}`);
  const token = opt('github-token');
  if (token !== undefined) options.githubToken = token;
  const junitPath = opt('junit-path');
  const reportPath = opt('report-path') ?? path.join(runnerTemp, 'image-gate-report.json');
  // The JUnit file would replace the JSON report (written first) and void its signature.
  if (junitPath !== undefined && path.resolve(junitPath) === path.resolve(reportPath))
    throw new GateError(
      'USAGE',
      `junit-path and report-path name one file (${junitPath}): the JUnit XML would replace the JSON report; give two paths`,
    );
  resolveSummaries(options, reportPath, (input) => input);
  const names = {
    key: 'merge-shard-key',
    identity: 'merge-shard-identity',
    issuer: 'merge-shard-oidc-issuer',
  } as const;
  const mergeShardSigner = shardSignerOf(
    { key: opt(names.key), identity: opt(names.identity), issuer: opt(names.issuer) },
    (n) => names[n],
  );
  if (mergeShardSigner && mergeReports.length === 0)
    throw new GateError(
      'USAGE',
      `${mergeShardSigner.keyRef !== undefined ? names.key : names.identity} is for merge-reports; give it too`,
    );
  return {
    options,
    reportPath,
    ...(junitPath !== undefined ? { junitPath } : {}),
    summary: bool('summary', true),
    mergeReports,
    ...(mergeShardSigner ? { mergeShardSigner } : {}),
  };
}

/** What merge mode reads of the verify options: where the trusted root for shard signatures is. */
const MERGE_READS = new Set(['offline', 'trusted-root', 'tuf-mirror', 'tuf-root']);

/** Does this value set anything a run without it would not have (a default given is nothing)? */
function changesOptions(spec: VerifyOption, value: OptionValue): boolean {
  const probe = baseOptions([]);
  spec.apply(probe, value, spec.input ?? '');
  return JSON.stringify(probe) !== JSON.stringify(baseOptions([]));
}

function inputValue(kind: OptionKind, name: string, raw: string): OptionValue {
  switch (kind) {
    case 'switch':
      return parseBoolean(name, raw);
    case 'text':
      return raw.trim();
    case 'list':
      return parseList(raw);
    case 'lines':
      return parseLines(raw);
  }
}
