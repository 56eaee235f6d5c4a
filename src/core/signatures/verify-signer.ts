// The cryptography-and-policy step: sigstore-js verifies the entity with each trusted key, or
// keyless against the CAs, then the signer is matched to the policy and bound to its log entries.
import { createHash } from 'node:crypto';
import type { SignedEntity } from '@sigstore/verify';
import { GateError } from '../errors.js';
import { describeValidity, type VerificationKey } from '../trust/key-types.js';
import type { SignatureEvidence, SignatureFormat } from '../types.js';
import { LeafCertificate, nodeX509, withoutStacks } from './cert-cache.js';
import { matchIdentity, readCertIdentity } from './identity.js';
import { sctLogIds, STALE_HINT, tsaStaleHint } from './stale-hints.js';
import { checkTlogSigner } from './tlog-binding.js';
import { countTimestampCandidates } from './tlog-checks.js';
import type { TlogEntries, VerifierSet, VerifyContext } from './verifier-set.js';
import { toVerifyGateError } from './verify-errors.js';

export function verifyWithKeys(
  ctx: VerifyContext,
  entity: SignedEntity,
  set: VerifierSet,
  bound: TlogEntries,
  format: SignatureFormat,
  what: string,
): SignatureEvidence {
  const { base } = ctx;
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
      withoutStacks(() => verifier.verify(entity));
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
      keySha256: sha256Hex(key.spki),
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

export function verifyKeyless(
  ctx: VerifyContext,
  entity: SignedEntity,
  set: VerifierSet,
  bound: TlogEntries,
  format: SignatureFormat,
  what: string,
): SignatureEvidence {
  const { policy, base } = ctx;
  if (entity.key.$case !== 'certificate')
    throw new GateError('INTERNAL', `${what}: expected a certificate`);
  const cert = entity.key.certificate;
  try {
    withoutStacks(() => set.keyless.verify(entity));
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
    if (e instanceof GateError) throw new GateError(e.code, `${what}: ${e.message}`, { cause: e });
    throw e;
  }
  const der = cert instanceof LeafCertificate ? cert.der : cert.root.toDER();
  checkTlogSigner(bound, { kind: 'certificate', der, spki: cert.publicKey });
  return {
    kind: 'keyless',
    format,
    ...(identity.san !== undefined ? { identity: shared(identity.san) } : {}),
    ...(identity.issuer !== undefined ? { issuer: shared(identity.issuer) } : {}),
    keySha256: sha256Hex(cert.publicKey),
    certificate: certificateFacts(der),
    ...timeEvidence(entity, bound),
  };
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

function sha256Hex(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

/** What a revocation list can name a leaf by: serial (hex), issuer DN as Node writes it, SHA-256. */
function certificateFacts(der: Uint8Array): NonNullable<SignatureEvidence['certificate']> {
  const c = nodeX509(Buffer.from(der.buffer, der.byteOffset, der.byteLength));
  return {
    serial: c.serialNumber.toLowerCase().replace(/^0+(?=.)/, ''),
    issuer: shared(c.issuer.split('\n').join(', ')),
    sha256: sha256Hex(der),
  };
}

/** signedAt = the earliest verified time; tlog = the first entry (tlogEntries the others). */
function timeEvidence(
  entity: SignedEntity,
  entries: TlogEntries,
): Pick<SignatureEvidence, 'signedAt' | 'tlog' | 'tlogEntries'> {
  const times: Date[] = [];
  for (const t of entity.timestamps) {
    if (t.$case === 'timestamp-authority') times.push(t.timestamp.signingTime);
    else if (t.tlogEntry.inclusionPromise)
      times.push(new Date(Number(t.tlogEntry.integratedTime) * 1000));
  }
  times.sort((a, b) => a.getTime() - b.getTime());
  const out: Pick<SignatureEvidence, 'signedAt' | 'tlog' | 'tlogEntries'> = {};
  if (times[0]) out.signedAt = times[0].toISOString();
  const e = entries[0];
  if (e) out.tlog = { ...entryFacts(e), integratedTime: e.integratedTime };
  if (entries.length > 1) out.tlogEntries = entries.slice(1).map(entryFacts);
  return out;
}

type EntryFacts = NonNullable<SignatureEvidence['tlogEntries']>[number];

/** What a revocation list can name a bound entry by, each as its evidence authenticates it. */
function entryFacts(e: TlogEntries[number]): EntryFacts {
  const index = verifiedLogIndex(e);
  const out: EntryFacts = {
    logIndex: index.logIndex,
    logID: e.logId.keyId.toString('hex'),
    uuid: leafHash(e.canonicalizedBody),
  };
  if (index.inShard) out.indexInShard = true;
  return out;
}

/**
 * Rekor's entry UUID: the RFC 6962 leaf hash of the canonicalized body, which both the SET and
 * the inclusion proof authenticate, and the same whichever shard holds the entry.
 */
function leafHash(body: Uint8Array): string {
  return createHash('sha256').update(LEAF_PREFIX).update(body).digest('hex');
}
const LEAF_PREFIX = new Uint8Array([0]);

/**
 * The index a bound entry is known by, as its evidence authenticates it, in one spelling: a
 * SET signs Number(logIndex) (so `"0123"` and `"123.0"` verify as 123), and an entry proved by
 * its inclusion proof alone has only the proof's index authenticated (the top-level one is the
 * bundle's word). Rekor v1 is sharded: a proof's index counts from the start of the shard's tree,
 * not of the log (the public log's entries differ by more than 100 million), so a v1 entry with
 * no SET is known only by its index in a shard (`inShard`). Rekor v2 bodies (hashedrekord and
 * dsse 0.0.2, which sigstore-js has checked the body against) come from logs whose every shard
 * is a log of its own, so there the proof's index is the log's. Revocation lists match on this,
 * so no respelling or rewrite of the bundle's field, and no SET left out, can unrevoke an entry.
 */
function verifiedLogIndex(e: TlogEntries[number]): { logIndex: string; inShard: boolean } {
  const fail = (): never => {
    throw new GateError(
      'TLOG_INVALID',
      `tlog entry logIndex ${JSON.stringify(e.logIndex)} is not a log index`,
    );
  };
  if (e.inclusionPromise !== undefined) {
    const n = Number(e.logIndex);
    return Number.isSafeInteger(n) && n >= 0 ? { logIndex: String(n), inShard: false } : fail();
  }
  if (e.inclusionProof !== undefined) {
    let n: bigint;
    try {
      n = BigInt(e.inclusionProof.logIndex);
    } catch {
      return fail();
    }
    if (n < 0n) return fail();
    const kv = e.kindVersion;
    const v2 = kv?.version === '0.0.2' && (kv.kind === 'hashedrekord' || kv.kind === 'dsse');
    return { logIndex: n.toString(), inShard: !v2 };
  }
  return fail();
}

/**
 * One copy of a signer's identity, issuer and CA name for every result that names it: a batch
 * keeps each result until the report is written, and 10 000 keyless images from one workflow
 * would otherwise hold 10 000 copies of each (issue 15, flat memory). At most SHARED_MAX distinct
 * strings are kept; others are returned as they are.
 */
const SHARED_MAX = 256;
const sharedStrings = new Map<string, string>();
function shared(s: string): string {
  const known = sharedStrings.get(s);
  if (known !== undefined) return known;
  if (sharedStrings.size < SHARED_MAX) sharedStrings.set(s, s);
  return s;
}
