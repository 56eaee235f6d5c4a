// GateOptions -> what the attestation flow needs: the required predicate types and conditions,
// and the policy for who may sign attestations (the image's signers unless told otherwise).
import { parsePackageRule } from './attestations/package-rule.js';
import {
  PREDICATE,
  parseSeverity,
  resolvePredicateType,
  type AttestationRequirement,
  type SlsaConditions,
} from './attestations/types.js';
import { GateError } from './errors.js';
import { parseDuration, parseList, type GateOptions } from './options.js';
import type { Matcher } from './policy.js';

export const DEFAULT_MAX_VULN_AGE_MS = 48 * 3_600_000;

/** The requirement, or undefined when the options ask nothing of attestations. */
export function buildAttestationRequirement(o: GateOptions): AttestationRequirement | undefined {
  const types = [
    ...new Set((o.attestations ?? []).map((t) => resolvePredicateType(t, 'attestations'))),
  ];
  const slsa: SlsaConditions = {
    ...exact('builderId', o.builderId),
    ...exact('sourceRepository', o.provenanceSourceRepository),
    ...exact('sourceRef', o.provenanceSourceRef),
  };
  const maxVulnAgeMs =
    o.maxVulnAge !== undefined && o.maxVulnAge !== ''
      ? parseDuration('max-vuln-age', o.maxVulnAge)
      : types.includes(PREDICATE.cosignVuln)
        ? DEFAULT_MAX_VULN_AGE_MS
        : undefined;
  const severities = parseList(o.failOnSeverity ?? '').map((s) => parseSeverity(s));
  const denyPackages = (o.denyPackages ?? []).map((p) => parsePackageRule(p));
  const conditions: AttestationRequirement['conditions'] = {
    ...(maxVulnAgeMs !== undefined ? { maxVulnAgeMs } : {}),
    ...(severities.length ? { failOnSeverity: severities } : {}),
    ...(denyPackages.length ? { denyPackages } : {}),
    ...(Object.keys(slsa).length ? { slsa } : {}),
  };
  if (types.length === 0 && Object.keys(conditions).length === 0) {
    if (o.requireSignature === false)
      throw new GateError(
        'USAGE',
        'require-signature=false needs attestations to check instead (attestations, deny-packages, ...)',
      );
    return undefined;
  }
  return { types, conditions };
}

function exact<K extends keyof SlsaConditions>(
  key: K,
  v: string | undefined,
): Partial<Record<K, Matcher>> {
  return v === undefined || v === ''
    ? {}
    : ({ [key]: { exact: v } } as Partial<Record<K, Matcher>>);
}

/** Whether attestations have signers of their own (else the image's policy signs them too). */
export function hasAttestationSigners(o: GateOptions): boolean {
  return (
    (o.attestationKeys?.length ?? 0) > 0 ||
    [
      o.attestationCertificateIdentity,
      o.attestationCertificateIdentityRegexp,
      o.attestationCertificateOidcIssuer,
      o.attestationCertificateOidcIssuerRegexp,
    ].some((v) => v !== undefined && v !== '')
  );
}

/** Whether the options name any image signer (keys, identity, workflow pinning). */
export function hasImageSigners(o: GateOptions): boolean {
  return (
    o.keys.length > 0 ||
    [
      o.certificateIdentity,
      o.certificateIdentityRegexp,
      o.certificateOidcIssuer,
      o.certificateOidcIssuerRegexp,
      o.signerWorkflow,
      o.signerRepository,
      o.sourceRef,
    ].some((v) => v !== undefined && v !== '') ||
    o.denySelfHostedRunners === true
  );
}

/** The attestation signer options viewed as image-signer options, to reuse one policy builder. */
export function attestationSignerOptions(o: GateOptions): GateOptions {
  const rest = { ...o };
  // The image's signer rules must not leak into the attestation signer policy.
  delete rest.signerWorkflow;
  delete rest.signerRepository;
  delete rest.sourceRef;
  delete rest.denySelfHostedRunners;
  delete rest.certificateIdentity;
  delete rest.certificateIdentityRegexp;
  delete rest.certificateOidcIssuer;
  delete rest.certificateOidcIssuerRegexp;
  return {
    ...rest,
    keys: o.attestationKeys ?? [],
    ...opt('certificateIdentity', o.attestationCertificateIdentity),
    ...opt('certificateIdentityRegexp', o.attestationCertificateIdentityRegexp),
    ...opt('certificateOidcIssuer', o.attestationCertificateOidcIssuer),
    ...opt('certificateOidcIssuerRegexp', o.attestationCertificateOidcIssuerRegexp),
  };
}

function opt<K extends string>(k: K, v: string | undefined): { [P in K]?: string } {
  return v === undefined || v === '' ? {} : ({ [k]: v } as { [P in K]?: string });
}
