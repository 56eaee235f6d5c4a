// The signature verifier: built once per run from the policy and trusted root (refusing a policy
// nothing could satisfy), with one entry point per signature form; pure and synchronous, no I/O.
import { GateError } from '../errors.js';
import type { SignerPolicy } from './signer-policy.js';
import type { SignatureEvidence, SignatureFormat } from '../types.js';
import { ATT_LAYER, legacyAttestationToBundle, type LegacyAttestationLayer } from './legacy-att.js';
import { checkSimpleSigningPayload, legacyLayerToBundle, type LegacyLayer } from './legacy.js';
import { parseSubjectDigest, type InTotoStatement } from './statement.js';
import { baseTrust, EMPTY_TRUST, makeVerifiers, type VerifyContext } from './verifier-set.js';
import { verifyBundleJson } from './verify-bundle.js';
import { toVerifyGateError } from './verify-errors.js';

export type BundleSubject = { digest: string } | { artifact: Uint8Array };

export interface SignatureVerifier {
  /** A cosign `.sig` layer (simple-signing payload + annotations) for `imageDigest`. */
  verifyLegacy(layer: LegacyLayer, imageDigest: string): SignatureEvidence;
  /** A Sigstore bundle (v0.1-v0.3; message signature or DSSE) for a digest or artifact bytes. */
  verifyBundle(
    bundleJson: unknown,
    subject: BundleSubject,
    format: SignatureFormat,
  ): SignatureEvidence & { statement?: InTotoStatement };
  /**
   * A cosign legacy `.att` layer (DSSE envelope blob + annotations) whose in-toto statement
   * names `imageDigest`; the returned statement is the verified one, never the annotation.
   */
  verifyLegacyAttestation(
    layer: LegacyAttestationLayer,
    imageDigest: string,
  ): SignatureEvidence & { statement: InTotoStatement };
}

export function createSignatureVerifier(
  trustedRoot: object | undefined,
  policy: SignerPolicy,
): SignatureVerifier {
  if (policy.keys.length === 0 && policy.identities.length === 0) {
    throw new GateError(
      'USAGE',
      'policy trusts no key and no keyless identity: nothing could ever verify',
    );
  }
  if (trustedRoot === undefined && (policy.identities.length > 0 || policy.requireTlog)) {
    throw new GateError(
      'USAGE',
      'a Sigstore trusted root is required for keyless identities or a required transparency log',
    );
  }
  const windowed = policy.keys.find((k) => k.validFor);
  if (trustedRoot === undefined && windowed) {
    throw new GateError(
      'USAGE',
      `key ${windowed.keyRef} has a validity window, which is checked against a verified signing time: a Sigstore trusted root is required`,
    );
  }
  const base = trustedRoot === undefined ? EMPTY_TRUST : baseTrust(trustedRoot);
  // Without a root, log entries cannot be checked at all; the policy said they are optional.
  const ignoreTlog = trustedRoot === undefined;

  const ctx: VerifyContext = {
    policy,
    base,
    ignoreTlog,
    verifiers: makeVerifiers(base, policy, policy.requireTlog ? 1 : 0),
    attVerifiers: makeVerifiers(base, policy, 0),
  };

  // Each entry point runs on attacker-made content only: whatever it throws that is not already
  // ours (a RangeError from a deeply nested value, a TypeError on an unexpected shape) is that
  // evidence failing (MALFORMED), for every caller alike, never an INTERNAL outage.
  const rejecting =
    <A extends unknown[], R>(what: string, run: (...a: A) => R) =>
    (...a: A): R => {
      try {
        return run(...a);
      } catch (e: unknown) {
        throw toVerifyGateError(e, what);
      }
    };
  return {
    verifyLegacy: rejecting('.sig layer', (layer: LegacyLayer, imageDigest: string) => {
      checkSimpleSigningPayload(layer.payload, imageDigest);
      const bundle = legacyLayerToBundle(layer);
      const evidence = verifyBundleJson(
        ctx,
        bundle,
        { artifact: layer.payload },
        'legacy-tag',
        '.sig layer',
        undefined,
        true,
      );
      delete evidence.statement;
      return evidence;
    }),
    verifyBundle: rejecting(
      'bundle',
      (bundleJson: unknown, subject: BundleSubject, format: SignatureFormat) => {
        const s = 'digest' in subject ? { digest: parseSubjectDigest(subject.digest) } : subject;
        return verifyBundleJson(ctx, bundleJson, s, format, `bundle (${format})`);
      },
    ),
    verifyLegacyAttestation: rejecting(
      ATT_LAYER,
      (layer: LegacyAttestationLayer, imageDigest: string) => {
        const digest = parseSubjectDigest(imageDigest);
        const parsed = legacyAttestationToBundle(layer);
        const { statement, ...evidence } = verifyBundleJson(
          ctx,
          parsed.bundle,
          { digest },
          'legacy-tag',
          ATT_LAYER,
          { envelope: layer.envelope, parsed },
        );
        if (statement === undefined)
          throw new GateError('INTERNAL', `${ATT_LAYER}: verified without a statement`);
        return { ...evidence, statement };
      },
    ),
  };
}
