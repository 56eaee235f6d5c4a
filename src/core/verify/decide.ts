// The one decision. Evidence (evidence.ts) and the rule that governs the image (ImagePolicy) ->
// the verdict: outcome, code, reason, and what satisfied the policy. Pure: no I/O, no clock but
// `now`, nothing thrown; every image, platform manifest and s3lo tag is judged here.
import { evaluateAttestations } from '../attestations/evaluate.js';
import type { AttestationRequirement } from '../attestations/types.js';
import type { GateError, GateErrorCode } from '../errors.js';
import type { ImagePolicy } from '../policy/types.js';
import type { AttestationEvidence as ReportAttestation, PlatformResult } from '../report.js';
import { s3loVerdict } from '../s3lo/verdict.js';
import type { SignatureEvidence } from '../types.js';
import type {
  AttestationEvidence,
  DigestEvidence,
  ImageEvidence,
  PlatformsEvidence,
  S3loImageEvidence,
  StoreImageEvidence,
} from './evidence.js';
import type { Rejection } from './judge.js';
import { outcomeOf } from './result.js';

export interface Verdict {
  outcome: 'verified' | 'failed' | 'error';
  code?: GateErrorCode;
  reason?: string;
  /** The signature that carried the verdict (s3lo's field names). */
  keyRef?: string;
  keyID?: string;
  signedAt?: string;
  /** Signatures that verified. */
  signatures: SignatureEvidence[];
  /** Attestations judged, each with the conditions it met or broke. */
  attestations: ReportAttestation[];
  rejected: Rejection[];
  platforms?: PlatformResult[];
  /** The image is an index whose own signature is missing (its platforms may be signed). */
  unsignedIndex?: boolean;
  /** The evidence was incomplete (an error verdict): the result names no digest. */
  incomplete?: boolean;
}

// When every candidate is rejected, the reason names the most telling rejection.
// A revoked signature is named first: it would have verified, and the list says why it does not.
const REASON_PRIORITY: GateErrorCode[] = [
  'REVOKED',
  'UNTRUSTED_SIGNER',
  'TLOG_MISSING',
  'TLOG_INVALID',
  'SIGNATURE_INVALID',
  'PAYLOAD_MISMATCH',
  'DIGEST_MISMATCH',
  'MALFORMED',
];

export function decide(e: ImageEvidence, policy: ImagePolicy, now: Date): Verdict {
  return e.kind === 's3lo' ? decideS3lo(e, policy) : decideStoreImage(e, policy, now);
}

/**
 * Checks the image digest's signatures (and, with require-all-keys, that every key signed), then
 * the required attestations, then the selected platform manifests of an index, in that order;
 * with require-signature=false verified attestations alone may carry the verdict.
 */
function decideStoreImage(e: StoreImageEvidence, policy: ImagePolicy, now: Date): Verdict {
  // A revoked digest fails whatever signs it.
  if (e.revoked !== undefined)
    return {
      outcome: 'failed',
      code: 'REVOKED',
      reason: `image digest ${e.digest} is ${e.revoked}`,
      signatures: [],
      attestations: [],
      rejected: [],
    };
  const sig = decideDigest(e.signatures, policy);
  if ('error' in sig) return errorVerdict(sig.error);
  let att: AttestationOutcome | undefined;
  if (policy.attestations) {
    const d = decideAttestations(
      e.attestations ?? { verified: [], rejected: [] },
      policy.attestations,
      now,
      e.digest,
    );
    if ('error' in d) return errorVerdict(d.error);
    att = d;
  }
  // A signature candidate over its own size cap might have been the attestation asked for.
  if (att && !att.ok && e.signatures.unreadable) return errorVerdict(e.signatures.unreadable);
  const common = {
    signatures: e.signatures.signatures,
    attestations: att?.attestations ?? [],
    rejected: [...e.signatures.rejected, ...(att?.rejected ?? [])],
  };
  const signatureOptional = !policy.requireSignature && att !== undefined;
  if (att && !att.ok && (sig.ok || signatureOptional)) {
    // What is missing may be missing because the list revoked its signature: say so.
    const revoked =
      (att.code ?? 'ATTESTATION_MISSING') === 'ATTESTATION_MISSING'
        ? att.rejected.find((r) => r.code === 'REVOKED')
        : undefined;
    return {
      ...common,
      outcome: 'failed',
      code: revoked ? 'REVOKED' : (att.code ?? 'ATTESTATION_MISSING'),
      reason:
        (att.reason ?? 'attestation policy not met') +
        (revoked ? `; attestation ${revoked.reason}` : ''),
    };
  }
  // Attestations alone carry the verdict: every required one verified and every condition met.
  if (!sig.ok && signatureOptional) return { ...common, outcome: 'verified' };
  if (e.platforms && 'error' in e.platforms) return errorVerdict(e.platforms.error);
  if (e.platforms) return { ...common, ...decidePlatforms(e.platforms, sig, policy, e.digest) };
  if (!sig.ok)
    return {
      ...common,
      outcome: 'failed',
      ...sig.failure,
      ...(e.index && sig.failure.code === 'UNSIGNED' ? { unsignedIndex: true } : {}),
    };
  return { ...common, ...signedBy(sig.signatures) };
}

type DigestDecision =
  | { ok: true; signatures: SignatureEvidence[] }
  | { ok: false; failure: { code: GateErrorCode; reason: string } }
  | { error: GateError };

/** One digest's signatures under the rule: verified, not (and why), or not decidable. */
export function decideDigest(ev: DigestEvidence, policy: ImagePolicy): DigestDecision {
  if (ev.signatures.length === 0) return { ok: false, failure: whyUnsigned(ev) };
  const keys = policy.signers.keys;
  if (policy.requireAllKeys && keys.length > 0) {
    const signed = new Set(ev.signatures.map((s) => s.keyID));
    const missing = keys.filter((k) => !signed.has(k.keyID));
    if (missing.length > 0) {
      // Or it was in the candidate set aside over its size cap: that could not be read.
      if (ev.unreadable) return { error: ev.unreadable };
      const revoked = ev.rejected.find((r) => r.code === 'REVOKED');
      return {
        ok: false,
        failure: {
          code: revoked ? 'REVOKED' : 'UNSIGNED',
          reason:
            `require-all-keys: no valid signature by ${missing.map((k) => `${k.keyRef} (${k.keyID})`).join(', ')}` +
            (revoked ? `; ${revoked.reason}` : ''),
        },
      };
    }
  }
  return { ok: true, signatures: ev.signatures };
}

/** No signature verified: unsigned, or the most telling rejection. */
function whyUnsigned(ev: DigestEvidence): { code: GateErrorCode; reason: string } {
  if (ev.rejected.length === 0) {
    const ignored = ev.found.ignored.length
      ? `; ignored ${ev.found.ignored.map((i) => `${i.where} (${i.why})`).join(', ')}`
      : '';
    return {
      code: 'UNSIGNED',
      reason: `no signatures found (looked in ${ev.found.searched.join(', ')}${ignored})`,
    };
  }
  const top = [...ev.rejected].sort((a, b) => rank(a.code) - rank(b.code))[0];
  const more =
    ev.rejected.length > 1 ? ` (${ev.rejected.length - 1} more signature(s) rejected)` : '';
  return { code: top.code, reason: `no valid signature: ${top.reason}${more}` };
}

export interface AttestationOutcome {
  ok: boolean;
  code?: 'ATTESTATION_MISSING' | 'POLICY_VIOLATION';
  reason?: string;
  attestations: ReportAttestation[];
  rejected: Rejection[];
}

export type AttestationDecision = AttestationOutcome | { error: GateError };

/** The verified attestations against the required types and conditions. */
export function decideAttestations(
  ev: AttestationEvidence,
  requirement: AttestationRequirement,
  now: Date,
  digest: string,
): AttestationDecision {
  const verdict = evaluateAttestations(ev.verified, requirement, now, digest);
  // A candidate that could not be judged might have met what is missing.
  if (!verdict.ok && ev.unreadable) return { error: ev.unreadable };
  return { ...verdict, rejected: ev.rejected };
}

/**
 * `platforms` on an index: the index digest must verify, and so must every selected platform
 * manifest, each on its own signatures (an index signature is not looked through).
 */
function decidePlatforms(
  pe: PlatformsEvidence,
  index: Exclude<DigestDecision, { error: GateError }>,
  policy: ImagePolicy,
  indexDigest: string,
): Omit<Verdict, 'signatures' | 'attestations' | 'rejected'> {
  const platforms: PlatformResult[] = pe.selected.map((p): PlatformResult => {
    const at = { platform: p.platform, digest: p.digest };
    if ('nestedIndex' in p.evidence)
      return {
        ...at,
        outcome: 'failed',
        code: 'MALFORMED',
        reason: `${p.digest} is itself an index: platforms verifies platform manifests, and the manifests a nested index lists would be pulled unverified`,
      };
    if ('error' in p.evidence) {
      const err = p.evidence.error;
      return { ...at, outcome: outcomeOf(err.code), code: err.code, reason: err.message };
    }
    const d = decideDigest(p.evidence, policy);
    if ('error' in d)
      return {
        ...at,
        outcome: outcomeOf(d.error.code),
        code: d.error.code,
        reason: d.error.message,
      };
    if (d.ok) return { ...at, outcome: 'verified' };
    return { ...at, outcome: 'failed', code: d.failure.code, reason: d.failure.reason };
  });
  const failed = platforms.filter((p) => p.outcome === 'failed');
  const errored = platforms.filter((p) => p.outcome === 'error');
  const verifiedNames = platforms.filter((p) => p.outcome === 'verified').map((p) => p.platform);
  if (!index.ok) {
    const note = verifiedNames.length
      ? `; platform manifest(s) ${verifiedNames.join(', ')} are signed, but a signature on a platform manifest never verifies the index digest ${indexDigest}`
      : '';
    return {
      platforms,
      outcome: 'failed',
      code: index.failure.code,
      reason: `the index itself is not verified: ${index.failure.reason}${note}`,
    };
  }
  if (pe.missing.length)
    return {
      platforms,
      outcome: 'failed',
      code: 'NOT_FOUND',
      reason: `platforms: ${pe.missing.join(', ')} not in index ${indexDigest} (it has ${pe.available.join(', ') || 'no platform manifests'})`,
    };
  if (pe.selected.length === 0)
    return {
      platforms,
      outcome: 'failed',
      code: 'NOT_FOUND',
      reason: `platforms: index ${indexDigest} lists no platform manifests to verify`,
    };
  const bad = failed[0] ?? errored[0];
  if (bad) {
    const others = failed.length + errored.length - 1;
    return {
      platforms,
      outcome: failed.length ? 'failed' : 'error',
      code: bad.code ?? 'INTERNAL',
      reason:
        `the index is signed, but platform ${bad.platform} (${bad.digest}) is not verified: ${bad.reason ?? ''}` +
        (others ? ` (${others} more platform(s) not verified)` : ''),
    };
  }
  return { platforms, ...signedBy(index.signatures) };
}

/** s3lo: any key's record verifies the tag, or every key's with require-all-keys. */
function decideS3lo(e: S3loImageEvidence, policy: ImagePolicy): Verdict {
  if (e.revoked !== undefined)
    return {
      outcome: 'failed',
      code: 'REVOKED',
      reason: `manifest digest ${e.digest} is ${e.revoked}`,
      signatures: [],
      attestations: [],
      rejected: [],
    };
  const r = s3loVerdict(e, policy.requireAllKeys);
  return {
    outcome: r.verified ? 'verified' : 'failed',
    ...(!r.verified ? { code: r.failureCode ?? 'SIGNATURE_INVALID' } : {}),
    ...(r.reason !== undefined && !r.verified ? { reason: r.reason } : {}),
    ...(r.keyRef ? { keyRef: r.keyRef } : {}),
    ...(r.keyID ? { keyID: r.keyID } : {}),
    ...(r.signedAt ? { signedAt: r.signedAt } : {}),
    signatures: r.evidence,
    attestations: [],
    rejected: [],
  };
}

function signedBy(
  signatures: SignatureEvidence[],
): Pick<Verdict, 'outcome' | 'keyRef' | 'keyID' | 'signedAt'> {
  const first = signatures[0];
  return {
    outcome: 'verified',
    ...(first.keyRef ? { keyRef: first.keyRef } : {}),
    ...(first.keyID ? { keyID: first.keyID } : {}),
    ...(first.signedAt ? { signedAt: first.signedAt } : {}),
  };
}

/** Evidence that could not be had within bounds: an error verdict (exit 2), never a pass. */
function errorVerdict(err: GateError): Verdict {
  return {
    incomplete: true,
    outcome: outcomeOf(err.code),
    code: err.code,
    reason: err.message,
    signatures: [],
    attestations: [],
    rejected: [],
  };
}

function rank(code: GateErrorCode): number {
  const i = REASON_PRIORITY.indexOf(code);
  return i < 0 ? REASON_PRIORITY.length : i;
}
