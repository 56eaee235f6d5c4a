// argv -> a typed command. `verify` produces the same GateOptions the Action builds from its
// inputs; bad flags are usage errors (exit 2) that name the flag and the value.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { GateError } from '../core/errors.js';
import {
  DEFAULTS,
  parseBoolean,
  parseConcurrency,
  parseDuration,
  parsePlatforms,
  type GateOptions,
  type PlatformSelection,
} from '../core/options.js';

export type OutputFormat = 'text' | 'json';

export type Command =
  | { command: 'help'; topic?: string }
  | { command: 'version' }
  | { command: 'verify'; options: GateOptions; output: OutputFormat; reportPath?: string }
  | { command: 'merge'; reports: string[]; output: OutputFormat; reportPath?: string }
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

const VERIFY_FLAGS = {
  key: { type: 'string', multiple: true },
  'certificate-identity': { type: 'string' },
  'certificate-identity-regexp': { type: 'string' },
  'certificate-oidc-issuer': { type: 'string' },
  'certificate-oidc-issuer-regexp': { type: 'string' },
  'signer-workflow': { type: 'string' },
  'signer-repository': { type: 'string' },
  'source-ref': { type: 'string' },
  'deny-self-hosted-runners': { type: 'boolean' },
  platforms: { type: 'string' },
  'insecure-ignore-tlog': { type: 'boolean' },
  'insecure-ignore-sct': { type: 'boolean' },
  offline: { type: 'boolean' },
  'trusted-root': { type: 'string' },
  'tuf-cache': { type: 'string' },
  output: { type: 'string', short: 'o' },
  report: { type: 'string' },
  concurrency: { type: 'string' },
  'fail-fast': { type: 'boolean' },
  'insecure-registry': { type: 'string', multiple: true },
  timeout: { type: 'string' },
  'require-all-keys': { type: 'boolean' },
  attestation: { type: 'string', multiple: true },
  'require-signature': { type: 'string' },
  'max-vuln-age': { type: 'string' },
  'fail-on-severity': { type: 'string' },
  'deny-package': { type: 'string', multiple: true },
  'builder-id': { type: 'string' },
  'provenance-source-repository': { type: 'string' },
  'provenance-source-ref': { type: 'string' },
  'attestation-key': { type: 'string', multiple: true },
  'attestation-certificate-identity': { type: 'string' },
  'attestation-certificate-identity-regexp': { type: 'string' },
  'attestation-certificate-oidc-issuer': { type: 'string' },
  'attestation-certificate-oidc-issuer-regexp': { type: 'string' },
  'github-owner': { type: 'string' },
  'github-repository': { type: 'string' },
  policy: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

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
  throw usage(
    `unknown command '${cmd}' (expected verify, verify-bundle or merge; see image-gate --help)`,
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
  const output = v.output ?? 'text';
  if (output !== 'text' && output !== 'json')
    throw usage(`--output: '${output}' is not text or json`);
  if (positionals.length === 0) throw usage('verify: no image references given');
  const options: GateOptions = {
    images: positionals,
    keys: v.key ?? [],
    ...(v['certificate-identity'] !== undefined
      ? { certificateIdentity: v['certificate-identity'] }
      : {}),
    ...(v['certificate-identity-regexp'] !== undefined
      ? { certificateIdentityRegexp: v['certificate-identity-regexp'] }
      : {}),
    ...(v['certificate-oidc-issuer'] !== undefined
      ? { certificateOidcIssuer: v['certificate-oidc-issuer'] }
      : {}),
    ...(v['certificate-oidc-issuer-regexp'] !== undefined
      ? { certificateOidcIssuerRegexp: v['certificate-oidc-issuer-regexp'] }
      : {}),
    ...(v['signer-workflow'] !== undefined ? { signerWorkflow: v['signer-workflow'] } : {}),
    ...(v['signer-repository'] !== undefined ? { signerRepository: v['signer-repository'] } : {}),
    ...(v['source-ref'] !== undefined ? { sourceRef: v['source-ref'] } : {}),
    ...(v['deny-self-hosted-runners'] ? { denySelfHostedRunners: true } : {}),
    ...platformsOption(v.platforms),
    insecureIgnoreTlog: v['insecure-ignore-tlog'] ?? false,
    insecureIgnoreSct: v['insecure-ignore-sct'] ?? false,
    offline: v.offline ?? false,
    ...(v['trusted-root'] !== undefined ? { trustedRoot: v['trusted-root'] } : {}),
    ...(v['tuf-cache'] !== undefined ? { tufCacheDir: v['tuf-cache'] } : {}),
    concurrency:
      v.concurrency !== undefined
        ? parseConcurrency('--concurrency', v.concurrency)
        : DEFAULTS.concurrency,
    failFast: v['fail-fast'] ?? false,
    insecureRegistries: v['insecure-registry'] ?? [],
    registryCredentials: [],
    ...(env.GITHUB_TOKEN ? { githubToken: env.GITHUB_TOKEN } : {}),
    timeoutMs: v.timeout !== undefined ? parseDuration('--timeout', v.timeout) : DEFAULTS.timeoutMs,
    requireAllKeys: v['require-all-keys'] ?? false,
    ...(v.attestation ? { attestations: v.attestation } : {}),
    ...(v['require-signature'] !== undefined
      ? { requireSignature: parseBoolean('--require-signature', v['require-signature']) }
      : {}),
    ...pick('maxVulnAge', v['max-vuln-age']),
    ...pick('failOnSeverity', v['fail-on-severity']),
    ...(v['deny-package'] ? { denyPackages: v['deny-package'] } : {}),
    ...pick('builderId', v['builder-id']),
    ...pick('provenanceSourceRepository', v['provenance-source-repository']),
    ...pick('provenanceSourceRef', v['provenance-source-ref']),
    ...(v['attestation-key'] ? { attestationKeys: v['attestation-key'] } : {}),
    ...pick('attestationCertificateIdentity', v['attestation-certificate-identity']),
    ...pick('attestationCertificateIdentityRegexp', v['attestation-certificate-identity-regexp']),
    ...pick('attestationCertificateOidcIssuer', v['attestation-certificate-oidc-issuer']),
    ...pick(
      'attestationCertificateOidcIssuerRegexp',
      v['attestation-certificate-oidc-issuer-regexp'],
    ),
    ...pick('githubOwner', v['github-owner']),
    ...pick('githubRepository', v['github-repository']),
    ...pick('policyFile', v.policy),
  };
  return {
    command: 'verify',
    options,
    output,
    ...(v.report !== undefined ? { reportPath: v.report } : {}),
  };
}

function pick<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: string });
}

function platformsOption(value: string | undefined): { platforms?: PlatformSelection } {
  if (value === undefined) return {};
  const platforms = parsePlatforms('--platforms', value);
  if (platforms === undefined) throw usage(`--platforms: '${value}' names no platform`);
  return { platforms };
}

const MERGE_FLAGS = {
  output: { type: 'string', short: 'o' },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseMerge(args: string[]): Command {
  const { values: v, positionals } = parse(args, MERGE_FLAGS);
  if (v.help) return { command: 'help', topic: 'main' };
  const output = v.output ?? 'text';
  if (output !== 'text' && output !== 'json')
    throw usage(`--output: '${output}' is not text or json`);
  if (positionals.length === 0) throw usage('merge: no report files or directories given');
  return {
    command: 'merge',
    reports: positionals,
    output,
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
  image-gate merge [--output text|json] [--report FILE] <report.json|dir>...
                                     merge shard reports of a job matrix into one verdict
  image-gate --version

Images: registry references (ghcr.io/org/app:1.2, nginx@sha256:...), oci-layout://DIR[:tag|@digest],
s3://bucket/image:tag, local://root/image:tag.

Exit codes: 0 every image verified; 1 supply-chain failure (unsigned, wrong signer, bad signature,
missing tlog entry, image not found); 2 infrastructure or usage error.

Run 'image-gate verify --help' for the verify options.`,
  verify: `Usage: image-gate verify [options] <image>...

Trust (give keys, or an identity and an issuer, or both; or a policy file):
  --policy FILE                      per-image rules in YAML (docs/policy.md); excludes the signer
                                     and attestation options below
  --key REF                          public key (PEM), cosign.key (COSIGN_PASSWORD), awskms:///..., hashivault://...; repeatable, any may sign
  --certificate-identity S           keyless: certificate SAN, exact match
  --certificate-identity-regexp RE   keyless: SAN regexp, matched against the WHOLE value (anchored)
  --certificate-oidc-issuer S        keyless: OIDC issuer, exact match
  --certificate-oidc-issuer-regexp RE  keyless: issuer regexp (anchored)
  --signer-workflow W                GitHub: owner/repo/.github/workflows/F.yml@REF (or no @REF: any ref); derives
                                     the identity and issuer; excludes --certificate-identity(-regexp)
  --signer-repository OWNER/REPO     GitHub: the repository the signing workflow ran in
  --source-ref REF                   GitHub: the ref it ran on, e.g. refs/heads/main
  --deny-self-hosted-runners         GitHub: the signing job must have run on a GitHub-hosted runner
  --insecure-ignore-tlog             do not require a Rekor transparency-log entry
  --insecure-ignore-sct              do not require a certificate transparency SCT
  --offline                          use the public-good trusted root embedded in image-gate; no network for trust material
  --trusted-root FILE                use this trusted_root.json (private Sigstore deployments)
  --tuf-cache DIR                    TUF metadata cache directory (online mode)
  --require-all-keys                 every --key must have signed (default: any one)
  --platforms all|LIST               for an index, also require each platform manifest (all, or e.g.
                                     linux/amd64,linux/arm64) to verify on its own signatures

Attestations (in-toto statements in Sigstore bundles, legacy .att tags, the GitHub attestations API):
  --attestation TYPE                 require a verified attestation of TYPE: slsaprovenance, slsaprovenance1,
                                     spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a URI; repeatable
  --require-signature=false          let an image pass on its required attestations alone (default true)
  --max-vuln-age D                   newest vuln scan at most D old (default 48h when vuln is required)
  --fail-on-severity LIST            no vuln finding at or above the lowest listed severity (e.g. critical,high)
  --deny-package NAME[@RANGE]        fail if the SBOM contains the package (e.g. log4j-core@<2.17.0); repeatable
  --builder-id S                     SLSA provenance builder ID, exact
  --provenance-source-repository S   SLSA provenance source repository, exact (https://github.com/owner/repo)
  --provenance-source-ref S          SLSA provenance source ref, exact (refs/heads/main)
  --attestation-key REF              attestation signer key, when attestations are signed by another key; repeatable
  --attestation-certificate-identity[-regexp] S, --attestation-certificate-oidc-issuer[-regexp] S
                                     keyless attestation signer, when it differs from the image signer
  --github-owner O [--github-repository R]  also fetch attestations from the GitHub attestations API
                                     (token from GITHUB_TOKEN; host from GITHUB_API_URL)

Run:
  --output text|json                 json prints the report on stdout (default text)
  --report FILE                      also write the JSON report to FILE
  --concurrency N                    images verified at once, 1-64 (default 8)
  --fail-fast                        stop scheduling after the first supply-chain failure
  --timeout D                        overall deadline, e.g. 90s, 5m (default 5m)
  --insecure-registry HOST           allow plain HTTP to HOST (loopback is always allowed); repeatable`,
};
HELP['verify-bundle'] = HELP.main!;
