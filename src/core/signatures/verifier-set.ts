// The sigstore-js Verifiers one run uses, built once from the trusted root and the policy: the
// trust material (entries without a start of validity dropped), a verifier per key, one keyless.
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, Verifier, type SignedEntity, type TrustMaterial } from '@sigstore/verify';
import { GateError } from '../errors.js';
import type { SignerPolicy } from './signer-policy.js';
import { withinValidity, type VerificationKey } from '../trust/key-types.js';
import { withTrustedCertificates } from './cert-cache.js';

type VerifierOptions = ConstructorParameters<typeof Verifier>[1];

export interface KeyVerifier {
  key: VerificationKey;
  verifier: Verifier;
}

export interface VerifierSet {
  keys: KeyVerifier[];
  keyless: Verifier;
}

export type TlogEntries = SignedEntity['tlogEntries'];

export type BaseTrust = Omit<TrustMaterial, 'publicKey'>;

export const EMPTY_TRUST: BaseTrust = {
  certificateAuthorities: [],
  timestampAuthorities: [],
  tlogs: [],
  ctlogs: [],
};

/** What every verification in a run shares: the policy, its trust material and its verifiers. */
export interface VerifyContext {
  policy: SignerPolicy;
  base: BaseTrust;
  /** No trusted root: log entries and timestamps cannot be checked, and are left out. */
  ignoreTlog: boolean;
  verifiers: VerifierSet;
  /** For `.att` layers, whose intoto 0.0.1 entries are checked outside sigstore-js. */
  attVerifiers: VerifierSet;
}

// tlogThreshold: every entry handed to sigstore-js is verified or throws; the threshold only
// matters when an entry was taken out of its hands (intoto 0.0.1, checked here instead), and
// the presence of an entry is required up front either way.
export function makeVerifiers(
  base: BaseTrust,
  policy: SignerPolicy,
  tlogThreshold: number,
): VerifierSet {
  // A key without a validity window needs no signing time: a required log entry is proved by
  // its inclusion proof or its SET (tlogThreshold), not by the time it vouches for.
  const keyOpts: VerifierOptions = { tlogThreshold, ctlogThreshold: 0, timestampThreshold: 0 };
  const keylessOpts: VerifierOptions = {
    tlogThreshold,
    ctlogThreshold: policy.requireSct ? 1 : 0,
    // A certificate is only meaningful at a vouched-for time (SET or TSA), never "now".
    timestampThreshold: 1,
  };
  return {
    keys: policy.keys.map((key) => ({
      key,
      // The user's key is the only candidate whatever the bundle's hint says. sigstore-js checks
      // its window against every verified time, and passes when there is none, so a key with a
      // window needs one (verifyWithKeys says so before sigstore-js is asked).
      verifier: new Verifier(
        {
          ...base,
          publicKey: () => ({
            publicKey: key.publicKey,
            validFor: (t: Date) => withinValidity(key.validFor, t),
          }),
        },
        key.validFor ? { ...keyOpts, timestampThreshold: 1 } : keyOpts,
      ),
    })),
    keyless: new Verifier(
      {
        ...base,
        publicKey: () => {
          throw new GateError(
            'UNTRUSTED_SIGNER',
            'bundle names a public key but the policy trusts only keyless identities',
          );
        },
      },
      keylessOpts,
    ),
  };
}

export function baseTrust(root: object): BaseTrust {
  try {
    const tr = TrustedRoot.fromJSON(root);
    // A key or CA without a start of validity is malformed; sigstore-js would read it as
    // "valid since the beginning of time". Drop it so nothing can verify against it.
    tr.tlogs = tr.tlogs.filter((t) => t.publicKey?.validFor?.start !== undefined);
    tr.ctlogs = tr.ctlogs.filter((t) => t.publicKey?.validFor?.start !== undefined);
    tr.certificateAuthorities = tr.certificateAuthorities.filter(
      (c) => c.validFor?.start !== undefined,
    );
    tr.timestampAuthorities = tr.timestampAuthorities.filter(
      (c) => c.validFor?.start !== undefined,
    );
    const m = withTrustedCertificates(toTrustMaterial(tr));
    return {
      certificateAuthorities: m.certificateAuthorities,
      timestampAuthorities: m.timestampAuthorities,
      tlogs: m.tlogs,
      ctlogs: m.ctlogs,
    };
  } catch (e: unknown) {
    const why = e instanceof Error ? e.message : String(e);
    throw new GateError('TRUST_ROOT', `trusted-root: cannot build trust material: ${why}`, {
      cause: e,
    });
  }
}
