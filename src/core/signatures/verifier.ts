// Verifies one signature (legacy `.sig` / `.att` layer or Sigstore bundle) against the run's
// policy and trust material. Built once per run; pure and synchronous per call, no I/O.
import { createHash, verify as cryptoVerify } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import { dsse } from '@sigstore/core';
import { HashAlgorithm, TrustedRoot } from '@sigstore/protobuf-specs';
import {
  toSignedEntity,
  toTrustMaterial,
  Verifier,
  type SignedEntity,
  type TrustMaterial,
} from '@sigstore/verify';
import { GateError } from '../errors.js';
import type { SignerPolicy } from '../policy/signers.js';
import { describeValidity, withinValidity, type VerificationKey } from '../trust/key-types.js';
import type { SignatureEvidence, SignatureFormat } from '../types.js';
import { checkAttestationBody } from './att-tlog-body.js';
import { checkBundleShape } from './bundle-shape.js';
import { LeafCertificate, withTrustedCertificates } from './cert-cache.js';
import { matchIdentity, readCertIdentity } from './identity.js';
import {
  ATT_LAYER,
  legacyAttestationToBundle,
  type LegacyAttestationLayer,
  type ParsedAttestation,
} from './legacy-att.js';
import { checkSimpleSigningPayload, legacyLayerToBundle, type LegacyLayer } from './legacy.js';
import { hashForDigestLength, signatureHashes, verifyPrehashed } from './prehash.js';
import {
  checkSubject,
  parseStatement,
  parseSubjectDigest,
  type InTotoStatement,
  type SubjectDigest,
} from './statement.js';
import { checkTlogSigner } from './tlog-binding.js';
import { verifyInclusionPromise } from './tlog-set.js';
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

type SignatureContent = SignedEntity['signature'];

const HASH_NAMES: Partial<Record<HashAlgorithm, 'sha256' | 'sha384' | 'sha512'>> = {
  [HashAlgorithm.HASH_ALGORITHM_UNSPECIFIED]: 'sha256',
  [HashAlgorithm.SHA2_256]: 'sha256',
  [HashAlgorithm.SHA2_384]: 'sha384',
  [HashAlgorithm.SHA2_512]: 'sha512',
};
type VerifierOptions = ConstructorParameters<typeof Verifier>[1];

interface KeyVerifier {
  key: VerificationKey;
  verifier: Verifier;
}

interface VerifierSet {
  keys: KeyVerifier[];
  keyless: Verifier;
}

type TlogEntries = SignedEntity['tlogEntries'];

const EMPTY_TRUST: Omit<TrustMaterial, 'publicKey'> = {
  certificateAuthorities: [],
  timestampAuthorities: [],
  tlogs: [],
  ctlogs: [],
};

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

  // tlogThreshold: every entry handed to sigstore-js is verified or throws; the threshold only
  // matters when an entry was taken out of its hands (intoto 0.0.1, checked here instead), and
  // the presence of an entry is required up front either way.
  const makeVerifiers = (tlogThreshold: number): VerifierSet => {
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
  };
  const verifiers = makeVerifiers(policy.requireTlog ? 1 : 0);
  const attVerifiers = makeVerifiers(0);

  function verify(
    bundleJson: unknown,
    subject: { digest: SubjectDigest } | { artifact: Uint8Array },
    format: SignatureFormat,
    what: string,
    att?: { envelope: Uint8Array; parsed: ParsedAttestation },
    legacySig = false,
  ): SignatureEvidence & { statement?: InTotoStatement } {
    // 1. Structure and bounds, before any cryptography.
    const shape = checkBundleShape(bundleJson);
    let statement: InTotoStatement | undefined;
    if (shape.dsse) {
      statement = parseStatement(shape.dsse.payloadType, shape.dsse.payload);
      const want: SubjectDigest =
        'digest' in subject
          ? subject.digest
          : { algorithm: 'sha256', hex: sha('sha256', subject.artifact).toString('hex') };
      checkSubject(statement, want);
    }
    if (shape.signer === 'certificate' && policy.identities.length === 0) {
      throw new GateError(
        'UNTRUSTED_SIGNER',
        `${what} is signed by a certificate (keyless) but the policy trusts only keys`,
      );
    }
    if (shape.signer === 'key' && policy.keys.length === 0) {
      throw new GateError(
        'UNTRUSTED_SIGNER',
        `${what} is signed by a public key but the policy trusts only keyless identities`,
      );
    }
    if (policy.requireTlog && shape.tlogCount === 0) {
      throw new GateError(
        'TLOG_MISSING',
        `${what} has no transparency-log entry and the policy requires one`,
      );
    }

    // 2. Parse into sigstore-js' model.
    let bundle: Bundle;
    let entity: SignedEntity;
    try {
      bundle = shape.bundle;
      entity = toSignedEntity(
        bundle,
        'artifact' in subject ? Buffer.from(subject.artifact) : undefined,
      );
    } catch (e: unknown) {
      throw asMalformed(e, what);
    }
    if (entity.key.$case === 'certificate')
      entity.key = {
        $case: 'certificate',
        certificate: new LeafCertificate(entity.key.certificate),
      };
    // Where the bundle names no hash for the signature (DSSE, a cosign `.sig` layer), it is the
    // one the key signs with, as sigstore-go has it; sigstore-js would assume SHA-256.
    if (bundle.content.$case === 'dsseEnvelope') {
      const env = bundle.content.dsseEnvelope;
      entity.signature = keyHashedContent(
        entity.signature,
        dsse.preAuthEncoding(env.payloadType, env.payload),
        env.signatures[0]?.sig ?? Buffer.alloc(0),
        env.payload,
      );
    } else if (legacySig && 'artifact' in subject) {
      entity.signature = keyHashedContent(
        entity.signature,
        Buffer.from(subject.artifact),
        bundle.content.messageSignature.signature,
      );
    }
    if (bundle.content.$case === 'messageSignature') {
      const md = bundle.content.messageSignature.messageDigest;
      if ('artifact' in subject) {
        const alg = HASH_NAMES[md.algorithm];
        if (alg === undefined) {
          throw new GateError(
            'MALFORMED',
            `${what}: unsupported messageDigest algorithm ${HashAlgorithm[md.algorithm] ?? md.algorithm}`,
          );
        }
        if (!sha(alg, subject.artifact).equals(md.digest)) {
          throw new GateError(
            'DIGEST_MISMATCH',
            `${what}: messageDigest does not match the ${alg} of the artifact`,
          );
        }
      } else {
        const want = subject.digest;
        if (HASH_NAMES[md.algorithm] !== want.algorithm || md.digest.toString('hex') !== want.hex) {
          throw new GateError(
            'DIGEST_MISMATCH',
            `${what}: messageDigest ${md.digest.toString('hex')} does not match ${want.algorithm}:${want.hex}`,
          );
        }
        entity.signature = digestOnlyContent(
          bundle.content.messageSignature.signature,
          md.digest,
          what,
        );
      }
    }
    if (ignoreTlog) {
      // No root: nothing here can be checked, and the policy needs no time (else a root would be
      // required), so log entries and RFC 3161 timestamps are left out rather than failed.
      entity.tlogEntries = [];
      entity.timestamps = [];
    }
    const stale = dropUnknownLogs(entity, base.tlogs, policy.requireTlog, what);
    for (const e of entity.tlogEntries) checkProofAgainstCheckpoint(e, what);
    checkProofLogsValid(entity, base.tlogs, what);
    // Only a certificate needs a time to be valid at; a key's window is checked in verifyWithKeys.
    if (shape.signer === 'certificate' && countTimestampCandidates(entity) < 1) {
      throw new GateError(
        'TLOG_MISSING',
        `${what} has no trusted signing time (no Rekor inclusion promise and no RFC 3161 timestamp)${stale}`,
      );
    }
    const bound: TlogEntries = entity.tlogEntries;
    let set = verifiers;
    if (att) {
      set = attVerifiers;
      prepareAttestation(entity, att, what);
    }

    // 3. Cryptography and policy.
    const evidence =
      shape.signer === 'key'
        ? verifyWithKeys(entity, set, bound, format, what)
        : verifyKeyless(entity, set, bound, format, what);
    return statement ? { ...evidence, statement } : evidence;
  }

  /**
   * The `.att` specifics: bind every log entry to this envelope, check the SETs sigstore-js
   * cannot read (intoto 0.0.1) and take those entries out of its list, and point RFC 3161
   * verification at the envelope bytes, which is what cosign v2 timestamps for attestations.
   */
  function prepareAttestation(
    entity: SignedEntity,
    att: { envelope: Uint8Array; parsed: ParsedAttestation },
    what: string,
  ): void {
    const env = {
      bytes: att.envelope,
      payloadType: att.parsed.payloadType,
      payload: att.parsed.payload,
      signature: att.parsed.signature,
    };
    for (const e of entity.tlogEntries) checkAttestationBody(e, env, what);
    const own = entity.tlogEntries.filter(
      (e) => e.kindVersion?.kind === 'intoto' && e.kindVersion.version === '0.0.1',
    );
    for (const e of own) verifyInclusionPromise(e, base.tlogs, what);
    // Still in entity.timestamps: its integrated time is vouched for by the SET just checked.
    entity.tlogEntries = entity.tlogEntries.filter((e) => !own.includes(e));
    entity.signature = timestampedOver(entity.signature, Buffer.from(att.envelope));
  }

  function verifyWithKeys(
    entity: SignedEntity,
    set: VerifierSet,
    bound: TlogEntries,
    format: SignatureFormat,
    what: string,
  ): SignatureEvidence {
    // Never a certificate here: sigstore-js would check it against the CAs and call it our key.
    if (entity.key.$case !== 'public-key')
      throw new GateError('UNTRUSTED_SIGNER', `${what} is signed by a certificate, not a key`);
    let firstOther: GateError | undefined;
    const timed = countTimestampCandidates(entity) > 0;
    for (const { key, verifier } of set.keys) {
      // sigstore-js checks a key's window before its signature: a window is only worth reporting
      // for a key that made this signature, so a windowed key that did not is skipped first.
      if (key.validFor && !madeBy(entity, key)) continue;
      if (key.validFor && !timed) {
        firstOther ??= new GateError(
          'TLOG_MISSING',
          `${what}: key ${key.keyRef} is trusted only ${describeValidity(key.validFor)}, and the signature has no verified signing time (no Rekor SET, no RFC 3161 timestamp) to check that against`,
        );
        continue;
      }
      try {
        verifier.verify(entity);
      } catch (e: unknown) {
        const g = tsaStaleHint(toVerifyGateError(e, what), entity, base.timestampAuthorities);
        // A bad timestamp maps to SIGNATURE_INVALID too: when this key did make the signature,
        // that error is the reason, not "no trusted key".
        if (g.code !== 'SIGNATURE_INVALID' || madeBy(entity, key))
          firstOther ??= windowError(g, key, what);
        continue;
      }
      checkTlogSigner(bound, { kind: 'key', spki: key.spki });
      return {
        kind: 'key',
        format,
        keyRef: key.keyRef,
        keyID: key.keyID,
        ...timeEvidence(entity, bound),
      };
    }
    if (firstOther) throw firstOther;
    const ids = set.keys.map((k) => `${k.key.keyRef} (${k.key.keyID})`).join(', ');
    throw new GateError(
      'SIGNATURE_INVALID',
      `${what}: signature does not verify with any trusted key: ${ids}`,
    );
  }

  function verifyKeyless(
    entity: SignedEntity,
    set: VerifierSet,
    bound: TlogEntries,
    format: SignatureFormat,
    what: string,
  ): SignatureEvidence {
    if (entity.key.$case !== 'certificate')
      throw new GateError('INTERNAL', `${what}: expected a certificate`);
    const cert = entity.key.certificate;
    try {
      set.keyless.verify(entity);
    } catch (e: unknown) {
      const g = tsaStaleHint(toVerifyGateError(e, what), entity, base.timestampAuthorities);
      const unknownCt = /SCT verification failed/.test(g.message)
        ? sctLogIds(cert).find((id) => !base.ctlogs.some((l) => l.logID.equals(id)))
        : undefined;
      if (unknownCt)
        throw new GateError(
          g.code,
          `${g.message}: the certificate's SCT is from CT log ${unknownCt.toString('hex')}, which the trusted root does not know: ${STALE_HINT}`,
          { cause: g },
        );
      throw g;
    }
    const identity = readCertIdentity(cert);
    try {
      matchIdentity(policy.identities, identity);
    } catch (e: unknown) {
      if (e instanceof GateError)
        throw new GateError(e.code, `${what}: ${e.message}`, { cause: e });
      throw e;
    }
    checkTlogSigner(bound, {
      kind: 'certificate',
      der: cert instanceof LeafCertificate ? cert.der : cert.root.toDER(),
      spki: cert.publicKey,
    });
    return {
      kind: 'keyless',
      format,
      ...(identity.san !== undefined ? { identity: identity.san } : {}),
      ...(identity.issuer !== undefined ? { issuer: identity.issuer } : {}),
      ...timeEvidence(entity, bound),
    };
  }

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
      const evidence = verify(
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
        return verify(bundleJson, s, format, `bundle (${format})`);
      },
    ),
    verifyLegacyAttestation: rejecting(
      ATT_LAYER,
      (layer: LegacyAttestationLayer, imageDigest: string) => {
        const digest = parseSubjectDigest(imageDigest);
        const parsed = legacyAttestationToBundle(layer);
        const { statement, ...evidence } = verify(
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

function baseTrust(root: object): Omit<TrustMaterial, 'publicKey'> {
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

const STALE_HINT =
  'the trusted root may be stale (refresh it via TUF, or pass a current --trusted-root)';

/**
 * Entries from a log the trusted root does not list cannot be checked at all. Required: a
 * failure saying the root may be stale (a new log shard, a rotated key). Not required: they are
 * left out with the time they claim, and the returned text says so for a later failure.
 */
function dropUnknownLogs(
  entity: SignedEntity,
  tlogs: TrustMaterial['tlogs'],
  required: boolean,
  what: string,
): string {
  const unknown = entity.tlogEntries.filter(
    (e) => !tlogs.some((t) => t.logID.equals(e.logId.keyId)),
  );
  if (unknown.length === 0) return '';
  const ids = [...new Set(unknown.map((e) => e.logId.keyId.toString('hex')))].join(', ');
  const text = `tlog entry (logIndex ${unknown[0].logIndex}) is from log ${ids}, which the trusted root does not know: ${STALE_HINT}`;
  if (required) throw new GateError('TLOG_INVALID', `${what}: ${text}`);
  entity.tlogEntries = entity.tlogEntries.filter((e) => !unknown.includes(e));
  entity.timestamps = entity.timestamps.filter(
    (t) => t.$case !== 'transparency-log' || !unknown.includes(t.tlogEntry),
  );
  return ` (left out: ${text})`;
}

/**
 * sigstore-js proves inclusion against the checkpoint's size and root and never reads the
 * proof's own `treeSize` and `rootHash`: evidence that contradicts itself is refused here.
 */
function checkProofAgainstCheckpoint(entry: TlogEntries[number], what: string): void {
  const proof = entry.inclusionProof;
  if (!proof?.checkpoint) return;
  const note = proof.checkpoint.envelope.split('\n\n')[0] ?? '';
  const [, size, root] = note.split('\n');
  const fail = (field: string): GateError =>
    new GateError(
      'TLOG_INVALID',
      `${what}: tlog entry (logIndex ${entry.logIndex}) inclusion proof ${field} differs from its checkpoint's`,
    );
  if (size !== undefined && size !== proof.treeSize) throw fail(`tree size ${proof.treeSize}`);
  if (root !== undefined && !Buffer.from(root, 'base64').equals(proof.rootHash))
    throw fail('root hash');
}

/**
 * sigstore-js checks a log key's `validFor` only for a SET (at its integrated time), never for
 * the checkpoint that proves an entry without one. That checkpoint was signed once the entry was
 * in the log, so not before the signature was timestamped: a log key whose validity ended before
 * the earliest RFC 3161 time cannot have signed it while trusted. With no such time there is
 * nothing to hold the window to (as in sigstore-go), and no time is reported either.
 */
function checkProofLogsValid(
  entity: SignedEntity,
  tlogs: TrustMaterial['tlogs'],
  what: string,
): void {
  const times = entity.timestamps.flatMap((t) =>
    t.$case === 'timestamp-authority' ? [t.timestamp.signingTime.getTime()] : [],
  );
  if (times.length === 0) return;
  const earliest = Math.min(...times);
  for (const e of entity.tlogEntries) {
    if (e.inclusionPromise !== undefined || e.inclusionProof === undefined) continue;
    const logs = tlogs.filter((t) => t.logID.equals(e.logId.keyId));
    // An end that does not parse (NaN) vouches for nothing.
    if (logs.length === 0 || logs.some((t) => t.validFor.end.getTime() >= earliest)) continue;
    const end = new Date(Math.max(...logs.map((t) => t.validFor.end.getTime())));
    throw new GateError(
      'TLOG_INVALID',
      `${what}: tlog entry (logIndex ${e.logIndex}) is proved by a checkpoint of log ${e.logId.keyId.toString('hex')}, whose key the trusted root trusts only until ${end.toISOString()}, before the signature's timestamp ${new Date(earliest).toISOString()}`,
    );
  }
}

/**
 * A timestamp that fails and names a signer (serial and issuer) that no TSA in the root has as
 * its leaf: the root may lack a new TSA, so say so next to the failure.
 */
function tsaStaleHint(
  g: GateError,
  entity: SignedEntity,
  tsas: TrustMaterial['timestampAuthorities'],
): GateError {
  if (!/timestamp could not be verified/.test(g.message)) return g;
  const unknown = entity.timestamps.some((t) => {
    if (t.$case !== 'timestamp-authority') return false;
    try {
      const serial = t.timestamp.signerSerialNumber;
      const issuer = t.timestamp.signerIssuer;
      return !tsas.some((ca) => {
        const leaf = ca.certChain[0];
        return leaf !== undefined && leaf.serialNumber.equals(serial) && leaf.issuer.equals(issuer);
      });
    } catch {
      return false;
    }
  });
  if (!unknown) return g;
  return new GateError(
    g.code,
    `${g.message}: its signer is not a timestamp authority the trusted root knows: ${STALE_HINT}`,
    { cause: g },
  );
}

/** The CT log IDs of a certificate's SCTs; none when the extension does not parse. */
function sctLogIds(cert: {
  extSCT?: { signedCertificateTimestamps: Array<{ logID: Buffer }> };
}): Buffer[] {
  try {
    return (cert.extSCT?.signedCertificateTimestamps ?? []).map((t) => t.logID);
  } catch {
    return [];
  }
}

function countTimestampCandidates(entity: SignedEntity): number {
  return entity.timestamps.filter(
    (t) => t.$case === 'timestamp-authority' || t.tlogEntry.inclusionPromise !== undefined,
  ).length;
}

/** Whether `key` made the signature; a check that throws is left to sigstore-js to report. */
function madeBy(entity: SignedEntity, key: VerificationKey): boolean {
  try {
    return entity.signature.verifySignature(key.publicKey);
  } catch {
    return true;
  }
}

/** sigstore-js' "not valid for timestamp" names the time, not why: name the key's window too. */
function windowError(g: GateError, key: VerificationKey, what: string): GateError {
  const at = /not valid for timestamp: (\S+?)(?:\s|$)/i.exec(g.message)?.[1];
  if (!key.validFor || g.code !== 'UNTRUSTED_SIGNER' || at === undefined) return g;
  return new GateError(
    'UNTRUSTED_SIGNER',
    `${what}: signed at ${at}, when key ${key.keyRef} is not trusted (the policy trusts it ${describeValidity(key.validFor)})`,
    { cause: g },
  );
}

/** signedAt = the earliest verified time; tlog = the first entry. */
function timeEvidence(
  entity: SignedEntity,
  entries: TlogEntries,
): Pick<SignatureEvidence, 'signedAt' | 'tlog'> {
  const times: Date[] = [];
  for (const t of entity.timestamps) {
    if (t.$case === 'timestamp-authority') times.push(t.timestamp.signingTime);
    else if (t.tlogEntry.inclusionPromise)
      times.push(new Date(Number(t.tlogEntry.integratedTime) * 1000));
  }
  times.sort((a, b) => a.getTime() - b.getTime());
  const out: Pick<SignatureEvidence, 'signedAt' | 'tlog'> = {};
  if (times[0]) out.signedAt = times[0].toISOString();
  const e = entries[0];
  if (e)
    out.tlog = {
      logIndex: e.logIndex,
      integratedTime: e.integratedTime,
      logID: e.logId.keyId.toString('hex'),
    };
  return out;
}

/** The same signature, but RFC 3161 timestamps are checked over `signed` instead. */
function timestampedOver(content: SignatureContent, signed: Buffer): SignatureContent {
  return {
    signature: signed,
    compareSignature: (s) => content.compareSignature(s),
    compareDigest: (d) => content.compareDigest(d),
    compareSignedDigest: (d) => content.compareSignedDigest(d),
    verifySignature: (key) => content.verifySignature(key),
  };
}

/**
 * `content` with the signature checked over `signed` under the hash the key signs with (SHA-384
 * for P-384, SHA-512 for P-521; SHA-256 too, which sigstore-js signs with), and a logged digest
 * of the signed bytes (Rekor v2 hashedrekord over the DSSE PAE) compared under the hash its
 * length names: Rekor records the digest the key signed, not a SHA-256.
 */
function keyHashedContent(
  content: SignatureContent,
  signed: Buffer,
  signature: Buffer,
  /** A DSSE payload, whose logged hash (dsse entries) also follows the digest's length. */
  payload?: Buffer,
): SignatureContent {
  const byLength = (data: Buffer, d: Buffer): boolean => {
    const alg = hashForDigestLength(d.length);
    return alg !== undefined && sha(alg, data).equals(d);
  };
  return {
    signature: content.signature,
    compareSignature: (s) => content.compareSignature(s),
    compareDigest: (d) => (payload ? byLength(payload, d) : content.compareDigest(d)),
    compareSignedDigest: (d) => byLength(signed, d),
    verifySignature: (key) =>
      signatureHashes(key).some((alg) => {
        try {
          return cryptoVerify(alg, signed, key, signature);
        } catch {
          return false;
        }
      }),
  };
}

function digestOnlyContent(signature: Buffer, digest: Buffer, what: string): SignatureContent {
  return {
    signature,
    compareSignature: (s) => s.equals(signature),
    compareDigest: (d) => d.equals(digest),
    compareSignedDigest: (d) => d.equals(digest),
    verifySignature: (key) => {
      const r = verifyPrehashed(key, digest, signature);
      if (r.unsupported) {
        throw new GateError(
          'SIGNATURE_INVALID',
          `${what}: cannot verify from a digest alone: ${r.unsupported}`,
        );
      }
      return r.ok;
    },
  };
}

function sha(alg: 'sha256' | 'sha384' | 'sha512', data: Uint8Array): Buffer {
  return createHash(alg).update(data).digest();
}

function asMalformed(e: unknown, what: string): GateError {
  const g = toVerifyGateError(e, what);
  return g.code === 'INTERNAL'
    ? new GateError('MALFORMED', `${what} does not parse: ${(e as Error).message}`, { cause: e })
    : g;
}
