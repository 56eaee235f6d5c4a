// Action inputs -> one typed object. Only this file knows input names; `readInputs` takes a
// getter so tests can assert the whole INPUT_* -> ActionInputs mapping.
import path from 'node:path';
import { GateError } from '../core/errors.js';
import {
  DEFAULTS,
  parseBoolean,
  parseConcurrency,
  parseDuration,
  parseLines,
  parseList,
  parsePlatforms,
  type GateOptions,
  type PlatformSelection,
  type RegistryCredential,
} from '../core/options.js';

export interface ActionInputs {
  options: GateOptions;
  reportPath: string;
  summary: boolean;
  /** Merge mode: shard reports (files or folders) to merge instead of verifying images. */
  mergeReports: string[];
}

export type InputGetter = (name: string) => string;

export function readInputs(get: InputGetter, env: NodeJS.ProcessEnv): ActionInputs {
  const images = parseList(get('images'));
  const mergeReports = parseLines(get('merge-reports'));
  if (images.length === 0 && mergeReports.length === 0)
    throw new GateError(
      'USAGE',
      'images: no image references given (one per line), and no merge-reports to merge',
    );
  if (images.length > 0 && mergeReports.length > 0)
    throw new GateError('USAGE', 'images and merge-reports exclude each other; give one');
  const bool = (name: string, dflt: boolean): boolean => {
    const v = get(name);
    return v.trim() === '' ? dflt : parseBoolean(name, v);
  };
  const opt = (name: string): string | undefined => {
    const v = get(name).trim();
    return v === '' ? undefined : v;
  };
  const credentials: RegistryCredential[] = [];
  const registry = opt('registry');
  const username = opt('registry-username');
  const password = opt('registry-password');
  if (username !== undefined || password !== undefined) {
    if (!registry || !username || !password)
      throw new GateError(
        'USAGE',
        'registry-username and registry-password need each other and registry (the host they are for)',
      );
    credentials.push({ registry, username, password });
  }
  const runnerTemp = env.RUNNER_TEMP ?? '/tmp';
  const trustedRoot = opt('trusted-root');
  const options: GateOptions = {
    images,
    keys: parseList(get('key')),
    ...optional('certificateIdentity', opt('certificate-identity')),
    ...optional('certificateIdentityRegexp', opt('certificate-identity-regexp')),
    ...optional('certificateOidcIssuer', opt('certificate-oidc-issuer')),
    ...optional('certificateOidcIssuerRegexp', opt('certificate-oidc-issuer-regexp')),
    ...optional('signerWorkflow', opt('signer-workflow')),
    ...optional('signerRepository', opt('signer-repository')),
    ...optional('sourceRef', opt('source-ref')),
    ...(bool('deny-self-hosted-runners', false) ? { denySelfHostedRunners: true } : {}),
    ...platformsInput(get('platforms')),
    insecureIgnoreTlog: bool('insecure-ignore-tlog', false),
    insecureIgnoreSct: bool('insecure-ignore-sct', false),
    offline: bool('offline', false),
    ...optional('trustedRoot', trustedRoot),
    tufCacheDir: path.join(runnerTemp, 'image-gate', 'tuf'),
    concurrency: opt('concurrency')
      ? parseConcurrency('concurrency', get('concurrency'))
      : DEFAULTS.concurrency,
    failFast: bool('fail-fast', false),
    insecureRegistries: parseList(get('insecure-registries')),
    registryCredentials: credentials,
    ...optional('githubToken', opt('github-token')),
    timeoutMs: opt('timeout') ? parseDuration('timeout', get('timeout')) : DEFAULTS.timeoutMs,
    requireAllKeys: bool('require-all-keys', false),
    ...list('attestations', parseList(get('attestations'))),
    ...(opt('require-signature') !== undefined
      ? { requireSignature: bool('require-signature', true) }
      : {}),
    ...optional('maxVulnAge', opt('max-vuln-age')),
    ...optional('failOnSeverity', opt('fail-on-severity')),
    ...list('denyPackages', parseLines(get('deny-packages'))),
    ...optional('builderId', opt('builder-id')),
    ...optional('provenanceSourceRepository', opt('provenance-source-repository')),
    ...optional('provenanceSourceRef', opt('provenance-source-ref')),
    ...list('attestationKeys', parseList(get('attestation-key'))),
    ...optional('attestationCertificateIdentity', opt('attestation-certificate-identity')),
    ...optional(
      'attestationCertificateIdentityRegexp',
      opt('attestation-certificate-identity-regexp'),
    ),
    ...optional('attestationCertificateOidcIssuer', opt('attestation-certificate-oidc-issuer')),
    ...optional(
      'attestationCertificateOidcIssuerRegexp',
      opt('attestation-certificate-oidc-issuer-regexp'),
    ),
    ...optional('githubOwner', opt('github-owner')),
    ...optional('githubRepository', opt('github-repository')),
    ...optional('policyFile', opt('policy')),
  };
  return {
    options,
    reportPath: opt('report-path') ?? path.join(runnerTemp, 'image-gate-report.json'),
    summary: bool('summary', true),
    mergeReports,
  };
}

function list<K extends string>(key: K, items: string[]): { [P in K]?: string[] } {
  return items.length === 0 ? {} : ({ [key]: items } as { [P in K]?: string[] });
}

function platformsInput(value: string): { platforms?: PlatformSelection } {
  const platforms = parsePlatforms('platforms', value);
  return platforms === undefined ? {} : { platforms };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: string });
}
