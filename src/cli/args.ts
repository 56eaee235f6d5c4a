// argv -> a typed command. `verify` produces the same GateOptions the Action builds from its
// inputs, from the same option table (src/edge/options.ts); bad flags are usage errors (exit 2)
// that name the flag and the value.
import type { ParseArgsOptionsConfig } from 'node:util';
import { GateError } from '../core/errors.js';
import type { GateOptions as Options } from '../core/options.js';
import { parseComposeEnv, parseRegistryHost } from '../core/options.js';
import {
  baseOptions,
  checkCombinations,
  resolveSummaries,
  VERIFY_OPTIONS,
  type OptionValue,
} from '../edge/options.js';
import { parseImages, type ImagesCommand } from './images.js';
import { parseRevoke, type RevokeCommand } from './revoke-args.js';
import { checkReportPath, parseOutputs, type OutputFile, type OutputFormat } from './outputs.js';
import type { PinCommand } from './pin-args.js';
import { nearest } from './suggest.js';
import { parseStrict } from './strict-args.js';
import { shardSignerOf, type ShardSigner } from '../core/summaries/shard-signer.js';

export { HELP, helpText } from './help.js';

export type { OutputFormat };

/** `--output`: what stdout shows, and the FORMAT=PATH files written beside it. */
type OutputChoice = { output: OutputFormat; outputFiles: OutputFile[] };

export type Command =
  | { command: 'help'; topic?: string }
  | { command: 'version' }
  | ({
      command: 'verify';
      options: Options;
      reportPath?: string;
      quiet: boolean;
      verbose: boolean;
      /** `--registry-password-stdin`: the password for this registry and user is on stdin. */
      passwordStdin?: { registry: string; username: string };
      /** `--files`: the arguments were files; when they name no image there is nothing to gate. */
      files?: true;
    } & OutputChoice)
  | ({
      command: 'merge';
      reports: string[];
      reportPath?: string;
      quiet: boolean;
      /** --shard-key | --shard-identity: every report must be signed by this signer. */
      shardSigner?: ShardSigner;
      trustedRoot?: string;
      offline: boolean;
    } & OutputChoice)
  | ImagesCommand
  | PinCommand
  | RevokeCommand
  | {
      command: 'verify-bundle';
      bundle: string;
      artifact: string;
      identity?: string;
      issuer?: string;
      key?: string;
      trustedRoot?: string;
      offline: boolean;
      /** A key-signed bundle without a log entry (a revocation list's) is accepted. */
      ignoreTlog?: boolean;
    };

/** The CLI's own verify flags; every other one comes from the shared table. */
const CLI_VERIFY_FLAGS = {
  output: { type: 'string', short: 'o', multiple: true },
  report: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  registry: { type: 'string' },
  'registry-username': { type: 'string' },
  'registry-password-stdin': { type: 'boolean' },
  'registry-token': { type: 'string' },
  files: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

const VERIFY_FLAGS: ParseArgsOptionsConfig = { ...CLI_VERIFY_FLAGS };
for (const spec of VERIFY_OPTIONS) {
  if (spec.flag === null) continue;
  VERIFY_FLAGS[spec.flag] =
    spec.kind === 'switch'
      ? { type: 'boolean' }
      : { type: 'string', ...(spec.kind === 'text' ? {} : { multiple: true }) };
}

const BUNDLE_FLAGS = {
  bundle: { type: 'string' },
  'certificate-identity': { type: 'string' },
  'certificate-oidc-issuer': { type: 'string' },
  key: { type: 'string' },
  'trusted-root': { type: 'string' },
  offline: { type: 'boolean' },
  'insecure-ignore-tlog': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usage(msg: string, cause?: unknown): GateError {
  return new GateError('USAGE', msg, cause === undefined ? undefined : { cause });
}

const COMMANDS = ['verify', 'verify-bundle', 'merge', 'images', 'pin', 'revoke', 'help', 'version'];

export function parseCommand(argv: string[], env: NodeJS.ProcessEnv = {}): Command {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === 'help' || cmd === '--help' || cmd === '-h')
    return { command: 'help', ...(rest[0] ? { topic: rest[0] } : {}) };
  if (cmd === '--version' || cmd === 'version') return { command: 'version' };
  if (cmd === 'verify') return parseVerify(rest, env);
  if (cmd === 'verify-bundle') return parseVerifyBundle(rest);
  if (cmd === 'merge') return parseMerge(rest);
  if (cmd === 'images') return parseImages(rest);
  if (cmd === 'pin') return parsePin(rest, env);
  if (cmd === 'revoke') return parseRevoke(rest);
  const near = nearest(cmd.replace(/^-+/, ''), COMMANDS);
  throw usage(
    `unknown command '${cmd}'${near ? ` (did you mean ${near}?)` : ' (expected verify, verify-bundle, merge, images, pin or revoke)'}; see image-gate --help`,
  );
}

function parse<T extends ParseArgsOptionsConfig>(command: string, args: string[], options: T) {
  return parseStrict(command, args, options, true);
}

function parseVerify(args: string[], env: NodeJS.ProcessEnv): Command {
  const { values: v, positionals } = parse('verify', args, VERIFY_FLAGS);
  if (v.help) return { command: 'help', topic: 'verify' };
  if (positionals.length === 0 && v.from === undefined && v['images-file'] === undefined)
    throw usage('verify: no image references given (arguments, --from or --images-file)');
  return verifyCommand(v, positionals, env);
}

/** The verify flags' values -> the verify command (`pin` runs the same one over its files). */
function verifyCommand(
  v: Record<string, unknown>,
  positionals: string[],
  env: NodeJS.ProcessEnv,
): Extract<Command, { command: 'verify' }> {
  const outputs = parseOutputs(v.output as string[] | undefined);
  // --files (pre-commit appends the staged files): the arguments are read as --from each.
  const files = v.files === true;
  const options = baseOptions(files ? [] : positionals);
  for (const spec of VERIFY_OPTIONS) {
    if (spec.flag === null) continue;
    const value = v[spec.flag];
    if (value === undefined) continue;
    spec.apply(options, value as OptionValue, `--${spec.flag}`);
  }
  if (files) options.manifests = [...(options.manifests ?? []), ...positionals];
  checkCombinations(options, (spec) => `--${spec.flag}`);
  const passwordStdin = registryCredentials(v, options);
  // One stdin: the password would take the list with it, and the list would read as empty.
  if (passwordStdin && options.imagesFile === '-')
    throw usage(
      "verify: --registry-password-stdin and --images-file - both read stdin; name the list's file",
    );
  if (env.GITHUB_TOKEN) options.githubToken = env.GITHUB_TOKEN;
  const report = v.report as string | undefined;
  checkReportPath(outputs, report);
  resolveSummaries(options, report, (flag) => `--${flag}`);
  return {
    command: 'verify',
    options,
    output: outputs.stdout,
    outputFiles: outputs.files,
    ...(report !== undefined ? { reportPath: report } : {}),
    quiet: v.quiet === true,
    verbose: v.verbose === true,
    ...(passwordStdin ? { passwordStdin } : {}),
    ...(files ? { files } : {}),
  };
}

/**
 * `--registry HOST` with `--registry-token T` or `--registry-username U --registry-password-stdin`:
 * an explicit credential for that host, as the Action's registry inputs give one (the Docker
 * config still serves every other registry). A password on the command line is not offered: it
 * would show in `ps` and shell history.
 */
function registryCredentials(
  v: Record<string, unknown>,
  options: Options,
): { registry: string; username: string } | undefined {
  const host = v.registry as string | undefined;
  const username = v['registry-username'] as string | undefined;
  const token = v['registry-token'] as string | undefined;
  const stdin = v['registry-password-stdin'] === true;
  if (host === undefined && username === undefined && token === undefined && !stdin) return;
  if (token !== undefined && stdin)
    throw usage('verify: --registry-token excludes --registry-password-stdin; give one');
  if (token === undefined && !stdin)
    throw usage(
      `verify: ${username !== undefined ? '--registry-username' : '--registry'} needs --registry-password-stdin or --registry-token`,
    );
  if (host === undefined)
    throw usage(
      `verify: ${token !== undefined ? '--registry-token' : '--registry-password-stdin'} needs --registry HOST (the registry it is for)`,
    );
  const registry = parseRegistryHost('--registry', host);
  if (username === '') throw usage("verify: --registry-username: '' is empty");
  if (token !== undefined) {
    if (token.trim() === '') throw usage("verify: --registry-token: '' is empty");
    options.registryCredentials.push({ registry, username: username ?? 'token', password: token });
    return;
  }
  if (username === undefined)
    throw usage('verify: --registry-password-stdin needs --registry-username');
  return { registry, username };
}

// pin's arguments are its files already: verify's --files has no meaning there.
const PIN_FLAGS: ParseArgsOptionsConfig = Object.fromEntries([
  ...Object.entries(VERIFY_FLAGS).filter(([name]) => name !== 'files'),
  ['check', { type: 'boolean' }],
]);
/** What `pin --check` reads: it verifies nothing, so no trust, registry or run flag applies. */
const CHECK_FLAGS = new Set([
  'check',
  'output',
  'from',
  'images-file',
  'compose-env',
  'quiet',
  'help',
]);

/**
 * `pin [verify flags] PATH...` and `pin --check PATH...`. The paths (and `--from`,
 * `--images-file`) are the files to rewrite; the verify flags say what verifies their images.
 */
function parsePin(args: string[], env: NodeJS.ProcessEnv): Command {
  const { values: v, positionals } = parse('pin', args, PIN_FLAGS);
  if (v.help) return { command: 'help', topic: 'pin' };
  const paths = [...positionals, ...((v.from as string[] | undefined) ?? [])];
  const imagesFile = v['images-file'] as string | undefined;
  if (paths.length === 0 && imagesFile === undefined)
    throw usage('pin: no files, directories or --images-file given');
  const composeEnv =
    v['compose-env'] !== undefined
      ? parseComposeEnv('--compose-env', v['compose-env'] as string[])
      : [];
  if (v.check === true) {
    const extra = Object.keys(v).find((k) => !CHECK_FLAGS.has(k));
    if (extra !== undefined)
      throw usage(
        `pin --check: --${extra} is not used (--check only reads the files: no verification, keys or network)`,
      );
    const outputs = parseOutputs(v.output as string[] | undefined);
    if (outputs.files.length > 0 || (outputs.stdout !== 'text' && outputs.stdout !== 'json'))
      throw usage(
        `pin --check: --output: expected text or json, got '${(v.output as string[]).join(' ')}'`,
      );
    return {
      command: 'pin',
      check: true,
      paths,
      ...(imagesFile !== undefined ? { imagesFile } : {}),
      ...(composeEnv.length > 0 ? { composeEnv } : {}),
      output: outputs.stdout,
    };
  }
  if (imagesFile === '-')
    throw usage(
      "pin: --images-file -: stdin cannot be rewritten; name the list's file (pin --check reads stdin)",
    );
  const verify = verifyCommand(v, [], env);
  if (verify.output !== 'text' && verify.output !== 'json')
    throw usage(
      `pin: --output: '${verify.output}' on stdout is not text or json (stdout lists the rewrites; FORMAT=PATH writes the verify report in any format)`,
    );
  // The files are pin's to read (it rewrites them): the gate is given their references.
  const options = { ...verify.options };
  delete options.manifests;
  delete options.imagesFile;
  delete options.composeEnv;
  return {
    ...verify,
    command: 'pin',
    check: false,
    paths,
    ...(imagesFile !== undefined ? { imagesFile } : {}),
    ...(composeEnv.length > 0 ? { composeEnv } : {}),
    output: verify.output,
    options,
  };
}

const MERGE_FLAGS = {
  output: { type: 'string', short: 'o', multiple: true },
  report: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  'shard-key': { type: 'string' },
  'shard-identity': { type: 'string' },
  'shard-oidc-issuer': { type: 'string' },
  'trusted-root': { type: 'string' },
  offline: { type: 'boolean' },
} as const;

function parseMerge(args: string[]): Command {
  const { values: v, positionals } = parse('merge', args, MERGE_FLAGS);
  if (v.help) return { command: 'help', topic: 'merge' };
  const outputs = parseOutputs(v.output);
  checkReportPath(outputs, v.report);
  if (positionals.length === 0) throw usage('merge: no report files or directories given');
  const flag = { key: '--shard-key', identity: '--shard-identity', issuer: '--shard-oidc-issuer' };
  let shardSigner: ShardSigner | undefined;
  try {
    shardSigner = shardSignerOf(
      { key: v['shard-key'], identity: v['shard-identity'], issuer: v['shard-oidc-issuer'] },
      (n) => flag[n],
    );
  } catch (e: unknown) {
    throw usage(`merge: ${(e as Error).message}`, e);
  }
  const rootFlag =
    v['trusted-root'] !== undefined ? '--trusted-root' : v.offline ? '--offline' : '';
  if (!shardSigner && rootFlag)
    throw usage(
      `merge: ${rootFlag} is for verifying shard signatures; give --shard-key or --shard-identity too`,
    );
  if (v['trusted-root'] !== undefined && v.offline)
    throw usage('merge: --trusted-root excludes --offline; give one');
  return {
    command: 'merge',
    reports: positionals,
    ...(shardSigner ? { shardSigner } : {}),
    ...(v['trusted-root'] !== undefined ? { trustedRoot: v['trusted-root'] } : {}),
    offline: v.offline === true,
    output: outputs.stdout,
    outputFiles: outputs.files,
    ...(v.report !== undefined ? { reportPath: v.report } : {}),
    quiet: v.quiet === true,
  };
}

function parseVerifyBundle(args: string[]): Command {
  const { values: v, positionals } = parse('verify-bundle', args, BUNDLE_FLAGS);
  if (v.help) return { command: 'help', topic: 'verify-bundle' };
  if (!v.bundle) throw usage('verify-bundle: --bundle FILE is required');
  if (positionals.length !== 1)
    throw usage(
      `verify-bundle: expected one artifact path or sha256 digest, got ${positionals.length}`,
    );
  const hasIdentity =
    v['certificate-identity'] !== undefined || v['certificate-oidc-issuer'] !== undefined;
  if (hasIdentity && v.key !== undefined)
    throw usage('verify-bundle: --key excludes --certificate-identity/--certificate-oidc-issuer');
  if (!v.key && (!v['certificate-identity'] || !v['certificate-oidc-issuer']))
    throw usage(
      'verify-bundle: give --key, or both --certificate-identity and --certificate-oidc-issuer',
    );
  return {
    command: 'verify-bundle',
    bundle: v.bundle,
    artifact: positionals[0],
    ...(v['certificate-identity'] ? { identity: v['certificate-identity'] } : {}),
    ...(v['certificate-oidc-issuer'] ? { issuer: v['certificate-oidc-issuer'] } : {}),
    ...(v.key ? { key: v.key } : {}),
    ...(v['trusted-root'] ? { trustedRoot: v['trusted-root'] } : {}),
    offline: v.offline ?? false,
    ...(v['insecure-ignore-tlog'] ? { ignoreTlog: true } : {}),
  };
}
