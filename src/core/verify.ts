// One image -> one ImageResult: resolve the reference to the digest of the bytes received,
// discover signatures in every format, verify each, and explain the verdict in one line.
import { discover, type Candidate } from './discovery.js';
import { GateError, isFailureCode, toGateError, type GateErrorCode } from './errors.js';
import { pinnedReference, type ImageRef } from './reference.js';
import type { ImageResult } from './report.js';
import type { ContentStore, SignatureEvidence, SignatureFormat } from './types.js';

export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';

/** What verify.ts needs of the signature verifier (src/core/signatures/verifier.ts). */
export interface CandidateVerifier {
  verifyLegacy(
    layer: { payload: Uint8Array; annotations: Record<string, string> },
    imageDigest: string,
  ): SignatureEvidence;
  verifyBundle(
    bundle: unknown,
    subject: { digest: string },
    format: SignatureFormat,
  ): SignatureEvidence & { statement?: { predicateType?: string } };
}

export interface VerifyContext {
  verifier: CandidateVerifier;
  storeFor(ref: Exclude<ImageRef, { kind: 's3lo' }>): ContentStore;
  verifyS3lo?(
    ref: Extract<ImageRef, { kind: 's3lo' }>,
  ): Promise<Omit<ImageResult, 'durationMs' | 'image'>>;
}

// When every candidate is rejected, the reason names the most telling rejection.
const REASON_PRIORITY: GateErrorCode[] = [
  'UNTRUSTED_SIGNER',
  'TLOG_MISSING',
  'TLOG_INVALID',
  'SIGNATURE_INVALID',
  'PAYLOAD_MISMATCH',
  'DIGEST_MISMATCH',
  'MALFORMED',
];

export async function verifyImage(ref: ImageRef, ctx: VerifyContext): Promise<ImageResult> {
  const started = performance.now();
  const base = { image: ref.original, signatures: [], attestations: [] };
  try {
    if (ref.kind === 's3lo') {
      if (!ctx.verifyS3lo)
        throw new GateError('USAGE', `image '${ref.original}': s3lo references are not enabled`);
      const r = await ctx.verifyS3lo(ref);
      return { ...r, image: ref.original, durationMs: ms(started) };
    }
    const result = await verifyStoreImage(ref, ctx);
    return { ...result, durationMs: ms(started) };
  } catch (e: unknown) {
    const err = toGateError(e);
    return {
      ...base,
      outcome: isFailureCode(err.code) ? 'failed' : 'error',
      verified: false,
      reason: err.message,
      code: err.code,
      durationMs: ms(started),
    };
  }
}

async function verifyStoreImage(
  ref: Exclude<ImageRef, { kind: 's3lo' }>,
  ctx: VerifyContext,
): Promise<Omit<ImageResult, 'durationMs'>> {
  const store = ctx.storeFor(ref);
  const wanted = ref.digest ?? ref.tag;
  if (wanted === undefined)
    throw new GateError('REF_INVALID', `image '${ref.original}': name a tag or a digest`);
  const fetched = await store.getManifest(wanted);
  if (!fetched)
    throw new GateError(
      'NOT_FOUND',
      `image not found: ${ref.original} (${store.name} has no ${wanted})`,
    );
  // From here on only the digest computed over the bytes received is used.
  const digest = fetched.digest;
  const found = await discover(store, digest);
  const signatures: SignatureEvidence[] = [];
  const rejected = found.rejected.map(({ where, error }) => ({
    where,
    code: error.code,
    reason: error.message,
  }));
  for (const c of found.candidates) {
    try {
      const ev = verifyCandidate(c, digest, ctx.verifier);
      if (ev) signatures.push(ev);
    } catch (e: unknown) {
      const err = toGateError(e);
      // A crash inside verification is an outage, never a quiet rejection of one candidate.
      if (!isFailureCode(err.code)) throw err;
      rejected.push({ where: c.where, code: err.code, reason: err.message });
    }
  }
  const common = {
    image: ref.original,
    digest,
    pinned: pinnedReference(ref, digest),
    signatures,
    attestations: [],
    ...(rejected.length ? { rejected } : {}),
  };
  if (signatures.length > 0) {
    const first = signatures[0]!;
    return {
      ...common,
      outcome: 'verified',
      verified: true,
      ...(first.keyRef ? { keyRef: first.keyRef } : {}),
      ...(first.keyID ? { keyID: first.keyID } : {}),
      ...(first.signedAt ? { signedAt: first.signedAt } : {}),
    };
  }
  if (rejected.length === 0) {
    return {
      ...common,
      outcome: 'failed',
      verified: false,
      code: 'UNSIGNED',
      reason: `no signatures found (looked in ${found.searched.join(', ')})`,
    };
  }
  const ranked = [...rejected].sort((a, b) => rank(a.code) - rank(b.code));
  const top = ranked[0]!;
  const more = rejected.length > 1 ? ` (${rejected.length - 1} more signature(s) rejected)` : '';
  return {
    ...common,
    outcome: 'failed',
    verified: false,
    code: top.code,
    reason: `no valid signature: ${top.reason}${more}`,
  };
}

function verifyCandidate(
  c: Candidate,
  digest: string,
  verifier: CandidateVerifier,
): SignatureEvidence | undefined {
  if (c.kind === 'legacy') return verifier.verifyLegacy(c, digest);
  const ev = verifier.verifyBundle(c.bundle, { digest }, c.format);
  const predicateType = ev.statement?.predicateType;
  // A verified attestation of another type is not a signature of the image.
  if (predicateType !== undefined && predicateType !== COSIGN_SIGN_PREDICATE) return undefined;
  const { statement: _statement, ...evidence } = ev;
  return evidence;
}

function rank(code: GateErrorCode): number {
  const i = REASON_PRIORITY.indexOf(code);
  return i < 0 ? REASON_PRIORITY.length : i;
}

function ms(started: number): number {
  return Math.round(performance.now() - started);
}
