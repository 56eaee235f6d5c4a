// GateOptions: what the user asked for, as both front ends produce it (Action inputs, CLI argv)
// with every value already parsed (src/edge/options.ts), and the parsers they share. The core
// reads it once, at the top of a run, into a RunPolicy (policy/compile.ts) and RunSettings
// (settings.ts); nothing below that sees it.
import type { PackageRule, Severity } from './attestations/types.js';
import { GateError } from './errors.js';
import type { ShardSpec } from './shard-spec.js';
import type { SummaryOptions } from './summaries/summaries.js';

export interface RegistryCredential {
  registry: string;
  username: string;
  password: string;
}

export interface GateOptions {
  images: string[];
  /** Key references: PEM path, cosign.key, awskms://, hashivault://. */
  keys: string[];
  certificateIdentity?: string;
  certificateIdentityRegexp?: string;
  certificateOidcIssuer?: string;
  certificateOidcIssuerRegexp?: string;
  /** GitHub workflow pinning (src/core/policy/workflow-identity.ts): `owner/repo/.github/workflows/f.yml[@ref]`. */
  signerWorkflow?: string;
  /** `owner/repo` the workflow ran in (Fulcio source repository URI). */
  signerRepository?: string;
  /** `refs/heads/main`, `refs/tags/v1`: the ref the workflow ran on (Fulcio source repository ref). */
  sourceRef?: string;
  /** Require Fulcio runner environment `github-hosted`. */
  denySelfHostedRunners?: boolean;
  /** When the image is an index: also require these platform manifests to verify. */
  platforms?: PlatformSelection;
  insecureIgnoreTlog: boolean;
  insecureIgnoreSct: boolean;
  offline: boolean;
  trustedRoot?: string;
  /** Where TUF metadata is cached (online mode). */
  tufCacheDir?: string;
  /** TUF repository to fetch the trusted root from (default: the public-good CDN). */
  tufMirror?: string;
  /** The initial TUF root.json for `tufMirror` (the public-good one ships with image-gate). */
  tufRoot?: string;
  concurrency: number;
  failFast: boolean;
  insecureRegistries: string[];
  registryCredentials: RegistryCredential[];
  githubToken?: string;
  /** Overall deadline for the batch, in ms. */
  timeoutMs: number;
  requireAllKeys: boolean;
  /** Required attestation predicate types, resolved to URIs. */
  attestations?: string[];
  /** false: an image may pass on verified attestations alone. Default true. */
  requireSignature?: boolean;
  /** Newest vuln scan at most this old, in ms (48 h by default when `vuln` is required). */
  maxVulnAgeMs?: number;
  /** No finding at or above the lowest listed severity. */
  failOnSeverity?: Severity[];
  /** Banned SBOM packages, `name` or `name@range`. */
  denyPackages?: PackageRule[];
  /** SLSA provenance builder ID that must match exactly. */
  builderId?: string;
  /** SLSA provenance source repository (`https://github.com/owner/repo`) that must match exactly. */
  provenanceSourceRepository?: string;
  /** SLSA provenance source ref (`refs/heads/main`) that must match exactly. */
  provenanceSourceRef?: string;
  /** Attestation signers, when they differ from the image's (default: the image's keys/identity). */
  attestationKeys?: string[];
  attestationCertificateIdentity?: string;
  attestationCertificateIdentityRegexp?: string;
  attestationCertificateOidcIssuer?: string;
  attestationCertificateOidcIssuerRegexp?: string;
  /** GitHub attestations API: `/orgs/{owner}` or `/repos/{owner}/{repo}` (with githubRepository). */
  githubOwner?: string;
  githubRepository?: string;
  /** A YAML policy file with per-image rules (docs/policy.md); excludes the signer options. */
  policyFile?: string;
  /** `warn`: failures are reported as warnings, exit 0 (policy/mode.ts); a file rule may differ. */
  mode?: 'enforce' | 'warn';
  /** UTC midnight from which `warn` turns into enforce (mode warn implied). */
  enforceAfter?: Date;
  /** Compose, Kubernetes and Dockerfile files, directories or globs whose images join `images`. */
  manifests?: string[];
  /** A plain list of references, one per line (`-`: stdin), whose images join `images`. */
  imagesFile?: string;
  /**
   * The environment variables Compose interpolation of `manifests` may read (`compose-env`);
   * a reference reading any other variable set in the environment is refused (exit 2).
   */
  composeEnv?: string[];
  /** A signed revocation list (docs/revocation.md): a file path or an http(s) URL. */
  revocations?: string;
  /** Who must have signed it: a key reference, or an exact identity and OIDC issuer. */
  revocationsKey?: string;
  revocationsIdentity?: string;
  revocationsIssuer?: string;
  /** `shard: I/N`: verify only the images of the list that hash into shard I of N (shard.ts). */
  shard?: ShardSpec;
  /** Sign a verification summary (SLSA VSA v1) of every judged image (src/core/summaries/). */
  summaries?: SummaryOptions;
  /**
   * The summary options as given (`sign-summary`, `summary-key`, `summaries-path`,
   * `push-summary`, `signing-config`); each front end resolves them into `summaries` with
   * `resolveSummaries` (src/edge/options.ts), which knows where its report goes.
   */
  summaryInputs?: {
    sign?: 'keyless' | 'key';
    key?: string;
    path?: string;
    push?: boolean;
    signingConfig?: string;
    accept?: boolean;
    identity?: string;
    issuer?: string;
    maxAgeMs?: number;
  };
  /** accept-summary: admit an image on a valid summary by this signer (src/core/summaries/accept.ts). */
  acceptSummary?: {
    keyRef?: string;
    identity?: string;
    issuer?: string;
    maxAgeMs: number;
  };
}

/** `all` platform manifests of an index, or the listed `os/arch[/variant]` ones. */
export type PlatformSelection = 'all' | PlatformSpec[];

export interface PlatformSpec {
  os: string;
  architecture: string;
  variant?: string;
}

export const DEFAULTS = {
  concurrency: 32,
  timeoutMs: 5 * 60_000,
} as const;

export function parseConcurrency(name: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > 64)
    throw new GateError('USAGE', `${name}: '${value}' is not a whole number from 1 to 64`);
  return n;
}

/**
 * `500ms`, `30s`, `5m`, `48h`, `2d`. A number without a unit is refused: `--timeout 5` could mean
 * seconds or minutes and `maxVulnAge: 48` hours or seconds, so neither is guessed.
 */
export function parseDuration(name: string, value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value);
  if (!m) throw new GateError('USAGE', `${name}: '${value}' is not a duration (e.g. 90s, 5m, 48h)`);
  if (m[2] === undefined)
    throw new GateError(
      'USAGE',
      `${name}: '${value}' has no unit (write ${m[1]}s, ${m[1]}m or ${m[1]}h; units: ms, s, m, h, d)`,
    );
  const n = Number(m[1]);
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
  const v = n * factor;
  if (v <= 0) throw new GateError('USAGE', `${name}: '${value}' must be more than zero`);
  return v;
}

/** The longest delay a Node timer keeps: a longer one fires after 1 ms (TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A duration a timer waits (the run's deadline): one past what a Node timer can hold would end
 * the run at once, every image skipped as past its deadline, so it is refused naming the value.
 */
export function parseTimeout(name: string, value: string): number {
  const ms = parseDuration(name, value);
  if (ms > MAX_TIMER_MS)
    throw new GateError(
      'USAGE',
      `${name}: '${value}' is longer than the longest deadline this runtime can keep (${MAX_TIMER_MS} ms, about 24.8 days)`,
    );
  return ms;
}

/**
 * A registry as `host` or `host:port` (an IPv6 address in brackets), the form image references
 * and Docker's `insecure-registries` use: no scheme, path, user or query.
 */
export function parseRegistryHost(name: string, value: string): string {
  const v = value.trim();
  const host =
    /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d{1,5}))?$/.exec(v);
  if (!host || (host[1] !== undefined && (Number(host[1]) < 1 || Number(host[1]) > 65535)))
    throw new GateError(
      'USAGE',
      `${name}: '${value}' is not a registry host (expected host or host:port, without scheme or path, e.g. registry.lan:5000)`,
    );
  return v;
}

/** A TUF mirror: an http(s) URL without query or fragment; a trailing slash is dropped. */
export function parseTufMirror(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new GateError('USAGE', `${name}: '${value}' is not a URL`);
  }
  // Never echoed: the password is a credential. A TUF client (fetch) cannot send it anyway.
  if (url.username !== '' || url.password !== '')
    throw new GateError(
      'USAGE',
      `${name}: '${url.protocol}//***@${url.host}${url.pathname}' carries credentials in the URL, which are not sent and would show in the report; give a mirror that needs none`,
    );
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash)
    throw new GateError(
      'USAGE',
      `${name}: '${value}' is not an http(s) URL without query or fragment`,
    );
  return url.href.replace(/\/+$/, '');
}

/**
 * A yes/no value. An empty one is neither: read as false it would turn off what its default has
 * on (`require-signature`). Front ends that take "empty" as "not given" check that first.
 */
export function parseBoolean(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new GateError('USAGE', `${name}: '${value}' is not true or false`);
}

/** One item per line; blank lines and `#` comments ignored; commas also separate. */
export function parseList(value: string): string[] {
  return value
    .split('\n')
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .flatMap((l) => l.split(/[,\s]+/))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * `compose-env`: variable names, each item also split at commas (`--compose-env A,B`); a name
 * that is not a Compose variable name is an error naming the input and the name.
 */
export function parseComposeEnv(name: string, items: string[]): string[] {
  const names = items.flatMap((i) => i.split(/[,\s]+/)).filter((n) => n !== '');
  for (const n of names)
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n))
      throw new GateError('USAGE', `${name}: '${n}' is not an environment variable name`);
  return [...new Set(names)];
}

/** One item per line, blank lines and `#` comments ignored; spaces inside an item are kept. */
export function parseLines(value: string): string[] {
  return value
    .split('\n')
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter((l) => l !== '');
}

const PLATFORM_PART = /^[a-z0-9][a-z0-9._-]*$/;

/** Go's known GOOS values (go/build/syslist.go), which OCI image indexes use for `os`. */
export const KNOWN_OS: ReadonlySet<string> = new Set(
  'aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos'.split(
    ' ',
  ),
);

/** Go's known GOARCH values (go/build/syslist.go), which OCI image indexes use for `architecture`. */
export const KNOWN_ARCH: ReadonlySet<string> = new Set(
  '386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm'.split(
    ' ',
  ),
);

/**
 * `all`, or a comma/newline-separated list of `os/arch[/variant]` (e.g. `linux/amd64,linux/arm64/v8`).
 * An empty value means "not requested".
 */
export function parsePlatforms(name: string, value: string): PlatformSelection | undefined {
  const items = parseList(value);
  if (items.length === 0) return undefined;
  if (items.includes('all')) {
    if (items.length > 1)
      throw new GateError('USAGE', `${name}: 'all' cannot be combined with a list ('${value}')`);
    return 'all';
  }
  return items.map((item) => {
    const parts = item.split('/');
    if (parts.length < 2 || parts.length > 3 || !parts.every((p) => PLATFORM_PART.test(p)))
      throw new GateError(
        'USAGE',
        `${name}: '${item}' is not a platform (expected os/arch or os/arch/variant, e.g. linux/amd64, or all)`,
      );
    const [os, architecture, variant] = parts as [string, string, string | undefined];
    if (!KNOWN_OS.has(os))
      throw new GateError(
        'USAGE',
        `${name}: '${item}': '${os}' is not an OCI/Go operating system (e.g. linux, windows, darwin, freebsd)`,
      );
    if (!KNOWN_ARCH.has(architecture))
      throw new GateError(
        'USAGE',
        `${name}: '${item}': '${architecture}' is not an OCI/Go architecture (e.g. amd64, arm64, arm, 386, ppc64le, s390x, riscv64)`,
      );
    return { os, architecture, ...(variant !== undefined ? { variant } : {}) };
  });
}

export function formatPlatform(p: PlatformSpec): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}
