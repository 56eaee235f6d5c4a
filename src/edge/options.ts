// The one table of verify options. The Action's input reader (src/action/inputs.ts), the CLI's
// flags and its `verify --help` text (src/cli/args.ts) are all made from it, so an option cannot
// exist in one front end and be forgotten in the other, and every value is parsed the same way.
// Names differ only where each front end's convention asks (a repeatable `--attestation` flag is
// the Action's `attestations` list); the error for a bad value names what the user wrote
// (`concurrency: ...` in the Action, `--concurrency: ...` in the CLI).
// The file is long because it is a table (one entry per option); its logic is the few small
// functions around it.
import {
  DEFAULTS,
  parseBoolean,
  parseConcurrency,
  parseDuration,
  parseTimeout,
  parseComposeEnv,
  parseList,
  parsePlatforms,
  parseRegistryHost,
  parseTufMirror,
  type GateOptions,
} from '../core/options.js';
import { parsePackageRule } from '../core/attestations/package-rule.js';
import { parseSeverity, resolvePredicateType } from '../core/attestations/types.js';
import path from 'node:path';
import { GateError } from '../core/errors.js';
import { parseEnforceAfter, parseMode } from '../core/policy/mode.js';
import { parseShard } from '../core/shard-spec.js';

/**
 * - `switch`: a CLI flag without a value; an Action input `true`/`false`.
 * - `text`: one value.
 * - `list`: a repeatable CLI flag; an Action input with one item per line or comma.
 * - `lines`: a repeatable CLI flag; an Action input with one item per line (items may hold commas).
 */
export type OptionKind = 'switch' | 'text' | 'list' | 'lines';

export type OptionGroup = 'trust' | 'attestations' | 'summaries' | 'run';

/** What a front end read for one option: a switch's state, one text, or the items of a list. */
export type OptionValue = boolean | string | string[];

export interface VerifyOption {
  /** The Action input's name, or null where the Action has no such input. */
  input: string | null;
  /** The CLI flag's name (without `--`), or null where the CLI has no such flag. */
  flag: string | null;
  kind: OptionKind;
  group: OptionGroup;
  /** The CLI help line: the value's placeholder (if any) and the description. */
  help: { value?: string; text: string };
  /** Writes the value into the options; `name` is the input or flag as the user spelt it. */
  apply(o: GateOptions, value: OptionValue, name: string): void;
}

type StringField = {
  [K in keyof GateOptions]-?: GateOptions[K] extends string | undefined
    ? string extends GateOptions[K]
      ? K
      : never
    : never;
}[keyof GateOptions];
type BooleanField = {
  [K in keyof GateOptions]-?: GateOptions[K] extends boolean | undefined ? K : never;
}[keyof GateOptions];
type ListField = {
  [K in keyof GateOptions]-?: string[] extends NonNullable<GateOptions[K]> ? K : never;
}[keyof GateOptions];

function text(field: StringField): VerifyOption['apply'] {
  return (o, v) => {
    o[field] = v as string;
  };
}
function items(field: ListField): VerifyOption['apply'] {
  return (o, v) => {
    const got = v as string[];
    if (got.length > 0) o[field] = got;
  };
}
/** A switch that is only written when on (the options then carry no `false` for it). */
function on(field: BooleanField): VerifyOption['apply'] {
  return (o, v) => {
    if (v === true) o[field] = true;
  };
}
/** A switch the options always carry (see `baseOptions`). */
function state(field: BooleanField): VerifyOption['apply'] {
  return (o, v) => {
    o[field] = v as boolean;
  };
}

function opt(
  input: string | null,
  flag: string | null,
  kind: OptionKind,
  group: OptionGroup,
  help: VerifyOption['help'],
  apply: VerifyOption['apply'],
): VerifyOption {
  return { input, flag, kind, group, help, apply };
}

/** Same name in both front ends. */
function both(
  name: string,
  kind: OptionKind,
  group: OptionGroup,
  help: VerifyOption['help'],
  apply: VerifyOption['apply'],
): VerifyOption {
  return opt(name, name, kind, group, help, apply);
}

export const VERIFY_OPTIONS: readonly VerifyOption[] = [
  // Trust
  both(
    'policy',
    'text',
    'trust',
    {
      value: 'FILE',
      text: 'per-image rules in YAML (docs/policy.md); excludes the signer\nand attestation options below',
    },
    text('policyFile'),
  ),
  both(
    'mode',
    'text',
    'trust',
    {
      value: 'enforce|warn',
      text: 'warn: failures are reported as warnings, exit 0 (audit mode); errors\nstay errors; with --policy, the default of rules that state no mode',
    },
    (o, v, name) => {
      o.mode = parseMode(name, v as string);
    },
  ),
  both(
    'enforce-after',
    'text',
    'trust',
    {
      value: 'YYYY-MM-DD',
      text: 'warn until this day (UTC), enforce from it (implies --mode warn)',
    },
    (o, v, name) => {
      o.enforceAfter = parseEnforceAfter(name, v as string);
    },
  ),
  both(
    'revocations',
    'text',
    'trust',
    {
      value: 'FILE|URL',
      text: 'signed revocation list (docs/revocation.md), its bundle beside it as\nFILE.sigstore.json; a revoked digest or signer fails with REVOKED',
    },
    text('revocations'),
  ),
  both(
    'revocations-key',
    'text',
    'trust',
    { value: 'REF', text: 'the key that must have signed the revocation list' },
    text('revocationsKey'),
  ),
  both(
    'revocations-certificate-identity',
    'text',
    'trust',
    { value: 'S', text: 'keyless: certificate SAN of the list signer, exact match' },
    text('revocationsIdentity'),
  ),
  both(
    'revocations-certificate-oidc-issuer',
    'text',
    'trust',
    { value: 'S', text: 'keyless: OIDC issuer of the list signer, exact match' },
    text('revocationsIssuer'),
  ),
  both(
    'key',
    'list',
    'trust',
    {
      value: 'REF',
      text: 'public key (PEM), cosign.key (COSIGN_PASSWORD), awskms:///..., hashivault://...; repeatable, any may sign',
    },
    (o, v) => {
      o.keys = v as string[];
    },
  ),
  both(
    'certificate-identity',
    'text',
    'trust',
    { value: 'S', text: 'keyless: certificate SAN, exact match' },
    text('certificateIdentity'),
  ),
  both(
    'certificate-identity-regexp',
    'text',
    'trust',
    { value: 'RE', text: 'keyless: SAN regexp, matched against the WHOLE value (anchored)' },
    text('certificateIdentityRegexp'),
  ),
  both(
    'certificate-oidc-issuer',
    'text',
    'trust',
    { value: 'S', text: 'keyless: OIDC issuer, exact match' },
    text('certificateOidcIssuer'),
  ),
  both(
    'certificate-oidc-issuer-regexp',
    'text',
    'trust',
    { value: 'RE', text: 'keyless: issuer regexp (anchored)' },
    text('certificateOidcIssuerRegexp'),
  ),
  both(
    'signer-workflow',
    'text',
    'trust',
    {
      value: 'W',
      text: 'GitHub: owner/repo/.github/workflows/F.yml@REF (or no @REF: any ref); derives\nthe identity and issuer; excludes --certificate-identity(-regexp)',
    },
    text('signerWorkflow'),
  ),
  both(
    'signer-repository',
    'text',
    'trust',
    { value: 'OWNER/REPO', text: 'GitHub: the repository the signing workflow ran in' },
    text('signerRepository'),
  ),
  both(
    'source-ref',
    'text',
    'trust',
    { value: 'REF', text: 'GitHub: the ref it ran on, e.g. refs/heads/main' },
    text('sourceRef'),
  ),
  both(
    'deny-self-hosted-runners',
    'switch',
    'trust',
    { text: 'GitHub: the signing job must have run on a GitHub-hosted runner' },
    on('denySelfHostedRunners'),
  ),
  both(
    'insecure-ignore-tlog',
    'switch',
    'trust',
    { text: 'do not require a Rekor transparency-log entry' },
    state('insecureIgnoreTlog'),
  ),
  both(
    'insecure-ignore-sct',
    'switch',
    'trust',
    { text: 'do not require a certificate transparency SCT' },
    state('insecureIgnoreSct'),
  ),
  both(
    'offline',
    'switch',
    'trust',
    {
      text: 'use the public-good trusted root embedded in image-gate; no network for trust material',
    },
    state('offline'),
  ),
  both(
    'trusted-root',
    'text',
    'trust',
    { value: 'FILE', text: 'use this trusted_root.json (private Sigstore deployments)' },
    text('trustedRoot'),
  ),
  opt(
    null,
    'tuf-cache',
    'text',
    'trust',
    {
      value: 'DIR',
      text: 'TUF metadata cache directory (online mode; the Action uses RUNNER_TEMP)',
    },
    text('tufCacheDir'),
  ),
  both(
    'tuf-mirror',
    'text',
    'trust',
    { value: 'URL', text: 'TUF repository for the trusted root (default: the public-good CDN)' },
    (o, v, name) => {
      o.tufMirror = parseTufMirror(name, v as string);
    },
  ),
  both(
    'tuf-root',
    'text',
    'trust',
    { value: 'FILE', text: 'initial TUF root.json for --tuf-mirror (public-good: built in)' },
    text('tufRoot'),
  ),
  both(
    'require-all-keys',
    'switch',
    'trust',
    { text: 'every --key must have signed (default: any one)' },
    state('requireAllKeys'),
  ),
  both(
    'platforms',
    'text',
    'trust',
    {
      value: 'all|LIST',
      text: 'for an index, also require each platform manifest (all, or e.g.\nlinux/amd64,linux/arm64) to verify on its own signatures',
    },
    (o, v, name) => {
      const platforms = parsePlatforms(name, v as string);
      if (platforms === undefined)
        throw new GateError('USAGE', `${name}: '${v as string}' names no platform`);
      o.platforms = platforms;
    },
  ),
  // Attestations
  opt(
    'attestations',
    'attestation',
    'list',
    'attestations',
    {
      value: 'TYPE',
      text: 'require a verified attestation of TYPE: slsaprovenance, slsaprovenance1,\nspdx, spdxjson, cyclonedx, vuln, openvex, custom, or a URI; repeatable',
    },
    (o, v, name) => {
      const got = v as string[];
      if (got.length > 0) o.attestations = got.map((t) => resolvePredicateType(t, name));
    },
  ),
  both(
    'require-signature',
    'text',
    'attestations',
    {
      value: 'BOOL',
      text: 'false: let an image pass on its required attestations alone (default true)',
    },
    (o, v, name) => {
      o.requireSignature = parseBoolean(name, v as string);
    },
  ),
  both(
    'max-vuln-age',
    'text',
    'attestations',
    {
      value: 'D',
      text: 'newest vuln scan at most D old (default 48h when vuln is required or fail-on-severity is set)',
    },
    (o, v, name) => {
      if (v !== '') o.maxVulnAgeMs = parseDuration(name, v as string);
    },
  ),
  both(
    'fail-on-severity',
    'text',
    'attestations',
    {
      value: 'LIST',
      text: 'no vuln finding at or above the lowest listed severity (e.g. critical,high)',
    },
    (o, v, name) => {
      const severities = parseList(v as string).map((s) => parseSeverity(s, name));
      if (severities.length > 0) o.failOnSeverity = severities;
    },
  ),
  opt(
    'deny-packages',
    'deny-package',
    'lines',
    'attestations',
    {
      value: 'NAME[@RANGE]',
      text: 'fail if the SBOM contains the package (e.g. log4j-core@<2.17.0); repeatable',
    },
    (o, v, name) => {
      const got = v as string[];
      if (got.length > 0) o.denyPackages = got.map((p) => parsePackageRule(p, name));
    },
  ),
  both(
    'builder-id',
    'text',
    'attestations',
    { value: 'S', text: 'SLSA provenance builder ID, exact' },
    text('builderId'),
  ),
  both(
    'provenance-source-repository',
    'text',
    'attestations',
    {
      value: 'S',
      text: 'SLSA provenance source repository, exact (https://github.com/owner/repo)',
    },
    text('provenanceSourceRepository'),
  ),
  both(
    'provenance-source-ref',
    'text',
    'attestations',
    { value: 'S', text: 'SLSA provenance source ref, exact (refs/heads/main)' },
    text('provenanceSourceRef'),
  ),
  both(
    'attestation-key',
    'list',
    'attestations',
    {
      value: 'REF',
      text: 'attestation signer key, when attestations are signed by another key; repeatable',
    },
    items('attestationKeys'),
  ),
  both(
    'attestation-certificate-identity',
    'text',
    'attestations',
    {
      value: 'S',
      text: 'keyless attestation signer SAN, exact, when it differs from the image signer',
    },
    text('attestationCertificateIdentity'),
  ),
  both(
    'attestation-certificate-identity-regexp',
    'text',
    'attestations',
    { value: 'RE', text: 'keyless attestation signer SAN regexp (anchored)' },
    text('attestationCertificateIdentityRegexp'),
  ),
  both(
    'attestation-certificate-oidc-issuer',
    'text',
    'attestations',
    { value: 'S', text: 'keyless attestation signer OIDC issuer, exact' },
    text('attestationCertificateOidcIssuer'),
  ),
  both(
    'attestation-certificate-oidc-issuer-regexp',
    'text',
    'attestations',
    { value: 'RE', text: 'keyless attestation signer issuer regexp (anchored)' },
    text('attestationCertificateOidcIssuerRegexp'),
  ),
  both(
    'github-owner',
    'text',
    'attestations',
    {
      value: 'O',
      text: 'also fetch attestations from the GitHub attestations API\n(token from GITHUB_TOKEN; host from GITHUB_API_URL)',
    },
    text('githubOwner'),
  ),
  both(
    'github-repository',
    'text',
    'attestations',
    { value: 'R', text: 'with --github-owner: that repository of the owner only' },
    text('githubRepository'),
  ),
  // Run
  both(
    'concurrency',
    'text',
    'run',
    { value: 'N', text: `images verified at once, 1-64 (default ${DEFAULTS.concurrency})` },
    (o, v, name) => {
      o.concurrency = parseConcurrency(name, v as string);
    },
  ),
  both(
    'fail-fast',
    'switch',
    'run',
    { text: 'stop scheduling after the first supply-chain failure' },
    state('failFast'),
  ),
  both(
    'timeout',
    'text',
    'run',
    { value: 'D', text: 'overall deadline, e.g. 90s, 5m (default 5m)' },
    (o, v, name) => {
      o.timeoutMs = parseTimeout(name, v as string);
    },
  ),
  opt(
    'manifests',
    'from',
    'lines',
    'run',
    {
      value: 'PATH',
      text: 'also verify the images a Compose, Kubernetes or Dockerfile file names (a directory\nis searched, a glob expanded); repeatable; results carry their FILE:LINE sources',
    },
    items('manifests'),
  ),
  both(
    'compose-env',
    'list',
    'run',
    {
      value: 'NAME',
      text: 'environment variables Compose ${VAR} interpolation may read (NAME,NAME or\nrepeated); a file reading any other variable set in the environment is an error',
    },
    (o, v, name) => {
      const names = parseComposeEnv(name, v as string[]);
      if (names.length > 0) o.composeEnv = names;
    },
  ),
  both(
    'images-file',
    'text',
    'run',
    {
      value: 'FILE|-',
      text: 'also verify the references listed in FILE (- for stdin), one per line',
    },
    text('imagesFile'),
  ),
  both(
    'shard',
    'text',
    'run',
    {
      value: 'I/N',
      text: 'verify only the images whose reference hashes into shard I of N (1-based:\na matrix of 1/3, 2/3, 3/3 over one list); merge then checks all N are there',
    },
    (o, v, name) => {
      o.shard = parseShard(name, v as string);
    },
  ),
  // Verification summaries
  both(
    'sign-summary',
    'text',
    'summaries',
    {
      value: 'keyless|key',
      text: 'sign a SLSA verification summary of every judged image: keyless (Fulcio;\nin Actions `permissions: id-token: write`), or key (--summary-key)',
    },
    (o, v, name) => {
      const s = (v as string).trim();
      if (s !== 'keyless' && s !== 'key')
        throw new GateError('USAGE', `${name}: '${s}' is neither keyless nor key`);
      (o.summaryInputs ??= {}).sign = s;
    },
  ),
  both(
    'summary-key',
    'text',
    'summaries',
    {
      value: 'REF',
      text: 'key to sign summaries with: cosign.key (COSIGN_PASSWORD), awskms://,\nhashivault://; implies key',
    },
    (o, v) => {
      (o.summaryInputs ??= {}).key = v as string;
    },
  ),
  both(
    'summaries-path',
    'text',
    'summaries',
    {
      value: 'DIR',
      text: 'where the summary bundles are written (default: beside the report, summaries/)',
    },
    (o, v) => {
      (o.summaryInputs ??= {}).path = v as string;
    },
  ),
  both(
    'push-summary',
    'switch',
    'summaries',
    { text: 'attach each summary to its image as an OCI 1.1 referrer (needs push rights)' },
    (o, v) => {
      if (v === true) (o.summaryInputs ??= {}).push = true;
    },
  ),
  both(
    'signing-config',
    'text',
    'summaries',
    {
      value: 'FILE',
      text: 'signing_config.json naming Fulcio, Rekor (and a TSA) for summaries\n(default: public-good Sigstore)',
    },
    (o, v) => {
      (o.summaryInputs ??= {}).signingConfig = v as string;
    },
  ),
  both(
    'accept-summary',
    'switch',
    'summaries',
    {
      text: 'pass an image on a valid summary of its digest by the gate signer below (PASSED,\nthis policy digest, younger than --summary-max-age) without fetching its\nsignatures again; otherwise verify it in full',
    },
    (o, v) => {
      if (v === true) (o.summaryInputs ??= {}).accept = true;
    },
  ),
  both(
    'summary-identity',
    'text',
    'summaries',
    { value: 'S', text: 'accept-summary: the gate signer certificate SAN, exact' },
    (o, v) => {
      (o.summaryInputs ??= {}).identity = v as string;
    },
  ),
  both(
    'summary-oidc-issuer',
    'text',
    'summaries',
    { value: 'S', text: 'accept-summary: the gate signer OIDC issuer, exact' },
    (o, v) => {
      (o.summaryInputs ??= {}).issuer = v as string;
    },
  ),
  both(
    'summary-max-age',
    'text',
    'summaries',
    { value: 'D', text: 'accept-summary: the oldest summary accepted (default 24h)' },
    (o, v, name) => {
      (o.summaryInputs ??= {}).maxAgeMs = parseDuration(name, v as string);
    },
  ),
  opt(
    'insecure-registries',
    'insecure-registry',
    'list',
    'run',
    { value: 'HOST', text: 'allow plain HTTP to HOST (loopback is always allowed); repeatable' },
    (o, v, name) => {
      o.insecureRegistries = (v as string[]).map((h) => parseRegistryHost(name, h));
    },
  ),
];

/**
 * Options that cannot go together, checked once every option is read, in either front end:
 * `spell` turns a table entry into what the user wrote (`--offline`, or the input `offline`).
 */
export function checkCombinations(o: GateOptions, spell: (spec: VerifyOption) => string): void {
  const name = (flag: string): string => {
    const spec = VERIFY_OPTIONS.find((s) => s.flag === flag);
    return spec ? spell(spec) : flag;
  };
  if (o.offline) {
    const given = (
      [
        ['trusted-root', o.trustedRoot],
        ['tuf-mirror', o.tufMirror],
        ['tuf-root', o.tufRoot],
      ] as const
    ).filter(([, v]) => v !== undefined);
    for (const [flag, v] of given)
      throw new GateError(
        'USAGE',
        `${name('offline')} uses the trusted root built into image-gate; it excludes ${name(flag)} ('${v}'): give one or the other`,
      );
  }
}

/**
 * The summary options as given -> `o.summaries`: the signer (keyless, or `summary-key`; one of
 * them), the directory (`summaries-path`, else `summaries/` beside the report, else refused).
 * Options without `sign-summary` or `summary-key` are refused rather than ignored.
 */
export function resolveSummaries(
  o: GateOptions,
  reportPath: string | undefined,
  spell: (flag: string) => string,
): void {
  const s = o.summaryInputs;
  delete o.summaryInputs;
  if (!s) return;
  resolveAcceptance(o, s, spell);
  // summary-key alone signs; with accept-summary it names the signer to accept.
  const sign = s.sign ?? (s.key !== undefined && !s.accept ? 'key' : undefined);
  if (sign === undefined && s.accept) {
    const given = [
      ['summaries-path', s.path],
      ['push-summary', s.push],
      ['signing-config', s.signingConfig],
    ].find(([, v]) => v !== undefined);
    if (!given) return;
  }
  if (sign === undefined) {
    const given = [
      ['summaries-path', s.path],
      ['push-summary', s.push],
      ['signing-config', s.signingConfig],
    ].find(([, v]) => v !== undefined);
    throw new GateError(
      'USAGE',
      `${spell(String(given?.[0]))} needs ${spell('sign-summary')} (keyless or key) to make summaries`,
    );
  }
  if (sign === 'keyless' && s.key !== undefined)
    throw new GateError(
      'USAGE',
      `${spell('sign-summary')} keyless excludes ${spell('summary-key')} ('${s.key}'): give one signer`,
    );
  if (sign === 'key' && (s.key === undefined || s.key.trim() === ''))
    throw new GateError('USAGE', `${spell('sign-summary')} key needs ${spell('summary-key')}`);
  const dir =
    s.path ?? (reportPath !== undefined ? path.join(path.dirname(reportPath), 'summaries') : '');
  if (dir === '')
    throw new GateError(
      'USAGE',
      `${spell('sign-summary')} needs ${spell('summaries-path')} (or a report to write them beside)`,
    );
  o.summaries = {
    signing: sign === 'keyless' ? { kind: 'keyless' } : { kind: 'key', keyRef: s.key ?? '' },
    dir,
    push: s.push === true,
    ...(s.signingConfig !== undefined ? { signingConfig: s.signingConfig } : {}),
  };
}

/** accept-summary and its signer (identity + issuer, or summary-key) and age limit. */
function resolveAcceptance(
  o: GateOptions,
  s: NonNullable<GateOptions['summaryInputs']>,
  spell: (flag: string) => string,
): void {
  if (!s.accept) {
    const given = (
      [
        ['summary-identity', s.identity],
        ['summary-oidc-issuer', s.issuer],
        ['summary-max-age', s.maxAgeMs],
      ] as const
    ).find(([, v]) => v !== undefined);
    if (given)
      throw new GateError(
        'USAGE',
        `${spell(given[0])} is for ${spell('accept-summary')}; give it too`,
      );
    return;
  }
  const keyless = s.identity !== undefined || s.issuer !== undefined;
  if (keyless && (s.identity === undefined || s.issuer === undefined))
    throw new GateError(
      'USAGE',
      `${spell('accept-summary')}: ${spell('summary-identity')} and ${spell('summary-oidc-issuer')} need each other`,
    );
  if (!keyless && s.key === undefined)
    throw new GateError(
      'USAGE',
      `${spell('accept-summary')} needs the gate signer: ${spell('summary-identity')} with ${spell('summary-oidc-issuer')}, or ${spell('summary-key')}`,
    );
  o.acceptSummary = {
    ...(s.identity !== undefined ? { identity: s.identity } : {}),
    ...(s.issuer !== undefined ? { issuer: s.issuer } : {}),
    ...(!keyless && s.key !== undefined ? { keyRef: s.key } : {}),
    maxAgeMs: s.maxAgeMs ?? DEFAULT_SUMMARY_MAX_AGE_MS,
  };
}

const DEFAULT_SUMMARY_MAX_AGE_MS = 24 * 60 * 60_000;

/** The options every run carries before any input or flag is read. */
export function baseOptions(images: string[]): GateOptions {
  return {
    images,
    keys: [],
    insecureIgnoreTlog: false,
    insecureIgnoreSct: false,
    offline: false,
    concurrency: DEFAULTS.concurrency,
    failFast: false,
    insecureRegistries: [],
    registryCredentials: [],
    timeoutMs: DEFAULTS.timeoutMs,
    requireAllKeys: false,
  };
}

const GROUP_TITLES: Record<OptionGroup, string> = {
  trust: 'Trust (give keys, or an identity and an issuer, or both; or a policy file):',
  attestations:
    'Attestations (in-toto statements in Sigstore bundles, legacy .att tags, the GitHub attestations API):',
  summaries: 'Verification summaries (SLSA VSA v1, Sigstore bundles; docs/summaries.md):',
  run: 'Run:',
};

const HELP_COLUMN = 37;

/** The CLI's `verify --help` option sections, from the table plus the CLI's own run flags. */
export function verifyHelp(extraRun: Array<[string, string]>): string {
  const sections: string[] = [];
  for (const group of Object.keys(GROUP_TITLES) as OptionGroup[]) {
    const rows: Array<[string, string]> = VERIFY_OPTIONS.filter(
      (o) => o.group === group && o.flag !== null,
    ).map((o) => [`--${o.flag}${o.help.value ? ` ${o.help.value}` : ''}`, o.help.text]);
    if (group === 'run') rows.unshift(...extraRun);
    sections.push([GROUP_TITLES[group], ...rows.map(([l, t]) => helpRow(l, t))].join('\n'));
  }
  return sections.join('\n\n');
}

function helpRow(left: string, text: string): string {
  const [first, ...more] = text.split('\n');
  const head = `  ${left}`;
  const lead =
    head.length < HELP_COLUMN - 1
      ? `${head.padEnd(HELP_COLUMN)}${first}`
      : `${head}\n${' '.repeat(HELP_COLUMN)}${first}`;
  return [lead, ...more.map((m) => `${' '.repeat(HELP_COLUMN)}${m}`)].join('\n');
}
