// argv -> a typed command. `verify` produces the same GateOptions the Action builds from its
// inputs, from the same option table (src/edge/options.ts); bad flags are usage errors (exit 2)
// that name the flag and the value.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { GateError } from '../core/errors.js';
import type { GateOptions } from '../core/options.js';
import { baseOptions, VERIFY_OPTIONS, verifyHelp, type OptionValue } from '../edge/options.js';
import { IMAGES_HELP, parseImages, type ImagesCommand } from './images.js';
import { parseOutputs, type OutputFile, type OutputFormat } from './outputs.js';

export type { OutputFormat };

/** `--output`: what stdout shows, and the FORMAT=PATH files written beside it. */
type OutputChoice = { output: OutputFormat; outputFiles: OutputFile[] };

export type Command =
  | { command: 'help'; topic?: string }
  | { command: 'version' }
  | ({ command: 'verify'; options: GateOptions; reportPath?: string } & OutputChoice)
  | ({ command: 'merge'; reports: string[]; reportPath?: string } & OutputChoice)
  | ImagesCommand
  | {
      command: 'verify-bundle';
      bundle: string;
      artifact: string;
      identity?: string;
      issuer?: string;
      key?: string;
      trustedRoot?: string;
      offline: boolean;
    };

/** The CLI's own verify flags; every other one comes from the shared table. */
const CLI_VERIFY_FLAGS = {
  output: { type: 'string', short: 'o', multiple: true },
  report: { type: 'string' },
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
  help: { type: 'boolean', short: 'h' },
} as const;

function usage(msg: string, cause?: unknown): GateError {
  return new GateError('USAGE', msg, cause === undefined ? undefined : { cause });
}

export function parseCommand(argv: string[], env: NodeJS.ProcessEnv = {}): Command {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === 'help' || cmd === '--help' || cmd === '-h')
    return { command: 'help', ...(rest[0] ? { topic: rest[0] } : {}) };
  if (cmd === '--version' || cmd === 'version') return { command: 'version' };
  if (cmd === 'verify') return parseVerify(rest, env);
  if (cmd === 'verify-bundle') return parseVerifyBundle(rest);
  if (cmd === 'merge') return parseMerge(rest);
  if (cmd === 'images') return parseImages(rest);
  throw usage(
    `unknown command '${cmd}' (expected verify, verify-bundle, merge or images; see image-gate --help)`,
  );
}

function parse<T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e: unknown) {
    throw usage(e instanceof Error ? e.message : String(e), e);
  }
}

function parseVerify(args: string[], env: NodeJS.ProcessEnv): Command {
  const { values: v, positionals } = parse(args, VERIFY_FLAGS);
  if (v.help) return { command: 'help', topic: 'verify' };
  const outputs = parseOutputs(v.output as string[] | undefined);
  if (positionals.length === 0 && v.from === undefined && v['images-file'] === undefined)
    throw usage('verify: no image references given (arguments, --from or --images-file)');
  const options = baseOptions(positionals);
  for (const spec of VERIFY_OPTIONS) {
    if (spec.flag === null) continue;
    const value = v[spec.flag];
    if (value === undefined) continue;
    spec.apply(options, value as OptionValue, `--${spec.flag}`);
  }
  if (env.GITHUB_TOKEN) options.githubToken = env.GITHUB_TOKEN;
  const report = v.report as string | undefined;
  return {
    command: 'verify',
    options,
    output: outputs.stdout,
    outputFiles: outputs.files,
    ...(report !== undefined ? { reportPath: report } : {}),
  };
}

const MERGE_FLAGS = {
  output: { type: 'string', short: 'o', multiple: true },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseMerge(args: string[]): Command {
  const { values: v, positionals } = parse(args, MERGE_FLAGS);
  if (v.help) return { command: 'help', topic: 'main' };
  const outputs = parseOutputs(v.output);
  if (positionals.length === 0) throw usage('merge: no report files or directories given');
  return {
    command: 'merge',
    reports: positionals,
    output: outputs.stdout,
    outputFiles: outputs.files,
    ...(v.report !== undefined ? { reportPath: v.report } : {}),
  };
}

function parseVerifyBundle(args: string[]): Command {
  const { values: v, positionals } = parse(args, BUNDLE_FLAGS);
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
  };
}

export const HELP: Record<string, string> = {
  main: `image-gate: verify container image signatures, transparency-log entries and attestations

Usage:
  image-gate verify [options] <image>...
  image-gate verify-bundle --bundle FILE (--certificate-identity I --certificate-oidc-issuer U | --key K) [--trusted-root F] <file|sha256:digest>
  image-gate merge [--output FORMAT[=PATH]]... [--report FILE] <report.json|dir>...
                                     merge shard reports of a job matrix into one verdict
  image-gate images [--output text|json] [--images-file FILE|-] <file|dir>...
                                     list the image references in Compose, Kubernetes,
                                     Dockerfile and list files (verify them: verify --from)
  image-gate --version

Images: registry references (ghcr.io/org/app:1.2, nginx@sha256:...), oci-layout://DIR[:tag|@digest],
s3://bucket/image:tag, local://root/image:tag.

Exit codes: 0 every image verified; 1 supply-chain failure (unsigned, wrong signer, bad signature,
missing tlog entry, image not found); 2 infrastructure or usage error.

Run 'image-gate verify --help' for the verify options.`,
  verify: `Usage: image-gate verify [options] <image>...

${verifyHelp([
  [
    '--output FORMAT[=PATH]',
    'text, json, junit or markdown on stdout (default text);\nFORMAT=PATH writes a file too; repeatable',
  ],
  ['--report FILE', 'also write the JSON report to FILE'],
])}`,
};
HELP['verify-bundle'] = HELP.main!;
HELP.images = IMAGES_HELP;

/**
 * The text `image-gate help TOPIC` prints: the topic's own entry only (never one inherited from
 * Object.prototype, such as `__proto__` or `constructor`), else the main help.
 */
export function helpText(topic: string | undefined): string {
  return topic !== undefined && Object.hasOwn(HELP, topic) ? HELP[topic] : HELP.main;
}
