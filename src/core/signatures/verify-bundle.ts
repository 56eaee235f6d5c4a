// One signature's verification in order: structure and bounds, then parsing into sigstore-js'
// model with the checks and re-pointings it needs from us, then cryptography and policy.
import type { Bundle } from '@sigstore/bundle';
import { dsse } from '@sigstore/core';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { toSignedEntity, type SignedEntity } from '@sigstore/verify';
import { GateError } from '../errors.js';
import type { SignatureEvidence, SignatureFormat } from '../types.js';
import { checkAttestationBody } from './att-tlog-body.js';
import { checkBundleShape } from './bundle-shape.js';
import { LeafCertificate, withoutStacks, withTimestampDer } from './cert-cache.js';
import type { ParsedAttestation } from './legacy-att.js';
import { digestOnlyContent, keyHashedContent, sha, timestampedOver } from './signature-content.js';
import {
  checkSubject,
  parseStatement,
  type InTotoStatement,
  type SubjectDigest,
} from './statement.js';
import {
  checkProofAgainstCheckpoint,
  checkProofLogsValid,
  countTimestampCandidates,
  dropUnknownLogs,
} from './tlog-checks.js';
import { verifyInclusionPromise } from './tlog-set.js';
import type { TlogEntries, VerifyContext } from './verifier-set.js';
import { toVerifyGateError } from './verify-errors.js';
import { verifyKeyless, verifyWithKeys } from './verify-signer.js';

const HASH_NAMES: Partial<Record<HashAlgorithm, 'sha256' | 'sha384' | 'sha512'>> = {
  [HashAlgorithm.HASH_ALGORITHM_UNSPECIFIED]: 'sha256',
  [HashAlgorithm.SHA2_256]: 'sha256',
  [HashAlgorithm.SHA2_384]: 'sha384',
  [HashAlgorithm.SHA2_512]: 'sha512',
};

export function verifyBundleJson(
  ctx: VerifyContext,
  bundleJson: unknown,
  subject: { digest: SubjectDigest } | { artifact: Uint8Array },
  format: SignatureFormat,
  what: string,
  att?: { envelope: Uint8Array; parsed: ParsedAttestation },
  legacySig = false,
): SignatureEvidence & { statement?: InTotoStatement } {
  const { policy, base, ignoreTlog, verifiers, attVerifiers } = ctx;
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
    entity = withoutStacks(() =>
      toSignedEntity(bundle, 'artifact' in subject ? Buffer.from(subject.artifact) : undefined),
    );
  } catch (e: unknown) {
    throw asMalformed(e, what);
  }
  for (const t of entity.timestamps)
    if (t.$case === 'timestamp-authority') withTimestampDer(t.timestamp);
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
  } else if ('artifact' in subject) {
    // sigstore-js checks a message signature under its messageDigest's hash, which an Ed25519
    // key (it signs the message itself) never verifies under: the key's own hash is tried too.
    const own = entity.signature;
    const keyed = keyHashedContent(
      own,
      Buffer.from(subject.artifact),
      bundle.content.messageSignature.signature,
    );
    entity.signature = {
      signature: own.signature,
      compareSignature: (s) => own.compareSignature(s),
      compareDigest: (d) => own.compareDigest(d),
      compareSignedDigest: (d) => own.compareSignedDigest(d),
      verifySignature: (key) => own.verifySignature(key) || keyed.verifySignature(key),
    };
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
    prepareAttestation(ctx, entity, att, what);
  }

  // 3. Cryptography and policy.
  const evidence =
    shape.signer === 'key'
      ? verifyWithKeys(ctx, entity, set, bound, format, what)
      : verifyKeyless(ctx, entity, set, bound, format, what);
  return statement ? { ...evidence, statement } : evidence;
}

/**
 * The `.att` specifics: bind every log entry to this envelope, check the SETs sigstore-js
 * cannot read (intoto 0.0.1) and take those entries out of its list, and point RFC 3161
 * verification at the envelope bytes, which is what cosign v2 timestamps for attestations.
 */
function prepareAttestation(
  ctx: VerifyContext,
  entity: SignedEntity,
  att: { envelope: Uint8Array; parsed: ParsedAttestation },
  what: string,
): void {
  const { base } = ctx;
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

function asMalformed(e: unknown, what: string): GateError {
  const g = toVerifyGateError(e, what);
  return g.code === 'INTERNAL'
    ? new GateError('MALFORMED', `${what} does not parse: ${(e as Error).message}`, { cause: e })
    : g;
}
