// The flags' (and Action inputs') rule: GateOptions -> one RuleSpec that governs every image, the
// same shape a policy-file entry has, so that both are validated and compiled by one path
// (rule.ts, compile.ts). The front ends have parsed every value; this only arranges them.
import {
  PREDICATE,
  type AttestationConditions,
  type SlsaConditions,
} from '../attestations/types.js';
import { GateError } from '../errors.js';
import type { GateOptions } from '../options.js';
import type { IdentityRule, Matcher } from '../signatures/signer-policy.js';
import { vulnAgeLimit } from './rule.js';
import type { RuleSpec } from './types.js';
import { hasWorkflowPinning, workflowIdentityRule } from './workflow-identity.js';

/** The one rule the options state; `images: ['**']`. */
export function ruleFromOptions(o: GateOptions): RuleSpec {
  const attestations = [...new Set(o.attestations ?? [])];
  const conditions = conditionsFromOptions(o, attestations);
  const asked = attestations.length > 0 || Object.keys(conditions).length > 0;
  const identities = identityRules(o);
  // Attestation signers with nothing to sign: said, not ignored (a forgotten `attestations` would
  // otherwise read as attestations checked), as revocations-key without revocations is.
  if (!asked && hasAttestationSigners(o))
    throw new GateError(
      'USAGE',
      'attestation-key / attestation-certificate-* name who signs the attestations, but no attestation is asked for: give attestations (or max-vuln-age, fail-on-severity, deny-packages, builder-id, provenance-source-*) too, or remove them',
    );
  const attestationSigners = asked && hasAttestationSigners(o);
  const attestationIdentities = attestationSigners ? attestationIdentityRules(o) : undefined;
  const spec: RuleSpec = {
    name: 'options',
    line: 0,
    images: ['**'],
    keys: o.keys,
    identities,
    ...(attestationSigners
      ? { attestationKeys: o.attestationKeys ?? [], attestationIdentities: attestationIdentities! }
      : {}),
    attestations,
    conditions,
    requireSignature: o.requireSignature ?? true,
    ...(o.mode !== undefined ? { mode: o.mode } : {}),
    ...(o.enforceAfter !== undefined ? { enforceAfter: o.enforceAfter } : {}),
  };
  // With require-signature=false and only attestation signers named, they sign the image too.
  if (!spec.requireSignature && attestationSigners && !hasImageSigners(o)) {
    spec.keys = spec.attestationKeys ?? [];
    spec.identities = spec.attestationIdentities ?? [];
  }
  return spec;
}

function conditionsFromOptions(o: GateOptions, types: string[]): AttestationConditions {
  const slsa: SlsaConditions = {
    ...exact('builderId', o.builderId),
    ...exact('sourceRepository', o.provenanceSourceRepository),
    ...exact('sourceRef', o.provenanceSourceRef),
  };
  const maxVulnAgeMs = vulnAgeLimit(o.maxVulnAgeMs, types, o.failOnSeverity, PREDICATE.cosignVuln);
  return {
    ...(maxVulnAgeMs !== undefined ? { maxVulnAgeMs } : {}),
    ...(o.failOnSeverity?.length ? { failOnSeverity: o.failOnSeverity } : {}),
    ...(o.denyPackages?.length ? { denyPackages: o.denyPackages } : {}),
    ...(Object.keys(slsa).length ? { slsa } : {}),
  };
}

function exact<K extends keyof SlsaConditions>(
  key: K,
  v: string | undefined,
): Partial<Record<K, Matcher>> {
  return v === undefined || v === ''
    ? {}
    : ({ [key]: { exact: v } } as Partial<Record<K, Matcher>>);
}

/** The image signers' identities: workflow pinning, or certificate-identity + issuer. */
export function identityRules(o: GateOptions): IdentityRule[] {
  const subject = pick('certificate-identity', o.certificateIdentity, o.certificateIdentityRegexp);
  const issuer = pick(
    'certificate-oidc-issuer',
    o.certificateOidcIssuer,
    o.certificateOidcIssuerRegexp,
  );
  const pinning = {
    ...(o.signerWorkflow !== undefined ? { signerWorkflow: o.signerWorkflow } : {}),
    ...(o.signerRepository !== undefined ? { signerRepository: o.signerRepository } : {}),
    ...(o.sourceRef !== undefined ? { sourceRef: o.sourceRef } : {}),
    ...(o.denySelfHostedRunners !== undefined
      ? { denySelfHostedRunners: o.denySelfHostedRunners }
      : {}),
  };
  if (hasWorkflowPinning(pinning))
    return [
      workflowIdentityRule(pinning, {
        ...(subject ? { subject } : {}),
        ...(issuer ? { issuer } : {}),
      }),
    ];
  return pair(subject, issuer);
}

function attestationIdentityRules(o: GateOptions): IdentityRule[] {
  return pair(
    pick(
      'certificate-identity',
      o.attestationCertificateIdentity,
      o.attestationCertificateIdentityRegexp,
    ),
    pick(
      'certificate-oidc-issuer',
      o.attestationCertificateOidcIssuer,
      o.attestationCertificateOidcIssuerRegexp,
    ),
  );
}

function pair(subject: Matcher | undefined, issuer: Matcher | undefined): IdentityRule[] {
  if (!subject && !issuer) return [];
  // sigstore-js skips an empty identity; we refuse to run rather than accept any signer.
  if (!subject)
    throw new GateError(
      'USAGE',
      'keyless verification needs certificate-identity or certificate-identity-regexp as well as the issuer',
    );
  if (!issuer)
    throw new GateError(
      'USAGE',
      'keyless verification needs certificate-oidc-issuer or certificate-oidc-issuer-regexp as well as the identity',
    );
  return [{ subject, issuer }];
}

function pick(name: string, exact?: string, regexp?: string): Matcher | undefined {
  if (exact !== undefined && exact !== '' && regexp !== undefined && regexp !== '')
    throw new GateError('USAGE', `${name} and ${name}-regexp exclude each other; give one`);
  if (exact !== undefined && exact !== '') return { exact };
  if (regexp !== undefined && regexp !== '') {
    try {
      new RegExp(regexp);
    } catch (e: unknown) {
      throw new GateError(
        'USAGE',
        `${name}-regexp: '${regexp}' is not a valid regular expression`,
        {
          cause: e,
        },
      );
    }
    return { regexp };
  }
  return undefined;
}

/** Whether attestations have signers of their own (else the image's signers sign them too). */
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
