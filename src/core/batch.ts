// Many images -> results in input order, with bounded concurrency. Tags are resolved to digests
// first, so references with one identity (every spelling of one name) and references to one
// digest are verified once; fail-fast stops scheduling after the first supply-chain failure.
import { isFailureCode, toGateError } from './errors.js';
import { parseReference, referenceIdentity, type ImageRef } from './reference.js';
import type { ImageResult } from './report.js';
import type { ContentStore, FetchedManifest } from './types.js';
import { verifyImage, type VerifyContext } from './verify.js';

export interface BatchOptions {
  concurrency: number;
  failFast: boolean;
  /** Called as each image finishes (progress lines, Action log groups). */
  onResult?: (result: ImageResult, done: number, total: number) => void;
  signal?: AbortSignal;
}

type StoreRef = Exclude<ImageRef, { kind: 's3lo' }>;

export async function verifyBatch(
  images: string[],
  ctx: VerifyContext,
  opts: BatchOptions,
): Promise<ImageResult[]> {
  const results: ImageResult[] = new Array<ImageResult>(images.length);
  // Keyed by the normalised reference, and by `identity@digest` once a tag is resolved; s3lo
  // images by the reference as given, since its signed payload names the bucket as written.
  const inflight = new Map<string, Promise<ImageResult>>();
  let next = 0;
  let done = 0;
  let stop = false;

  const once = (key: string, run: () => Promise<ImageResult>): Promise<ImageResult> => {
    let p = inflight.get(key);
    if (!p) inflight.set(key, (p = run()));
    return p;
  };

  const runOne = async (i: number): Promise<void> => {
    const image = images[i];
    let ref: ImageRef;
    try {
      ref = parseReference(image);
    } catch (e: unknown) {
      const err = toGateError(e);
      results[i] = errorResult(image, err.code, err.message);
      return;
    }
    // With a policy file each image has the plan of the rule it matches; deduplication is per
    // plan, since two names for one digest may fall under different rules.
    let plan: { key: string; ctx: VerifyContext; rule?: string } = { key: '', ctx };
    if (ctx.planFor) {
      const chosen = ctx.planFor(ref);
      if ('unmatched' in chosen) {
        results[i] = {
          ...unmatchedResult(image, chosen.unmatched, chosen.allowed),
          identity: referenceIdentity(ref),
        };
        if (!chosen.allowed && opts.failFast) stop = true;
        return;
      }
      plan = { key: `${chosen.key}|`, ctx: chosen.ctx, rule: chosen.rule };
    }
    const keyed = (key: string, run: () => Promise<ImageResult>): Promise<ImageResult> =>
      once(plan.key + key, run);
    const identity = referenceIdentity(ref);
    const r = await keyed(ref.kind === 's3lo' ? `s3lo ${ref.original}` : identity, () =>
      verifyDeduped(ref, plan.ctx, keyed),
    );
    results[i] = {
      ...r,
      image,
      identity,
      ...(plan.rule !== undefined ? { rule: plan.rule } : {}),
    };
    if (r.outcome === 'failed' && opts.failFast) stop = true;
  };

  const worker = async (): Promise<void> => {
    while (next < images.length) {
      const i = next++;
      if (stop || opts.signal?.aborted) {
        results[i] = skipped(
          images[i],
          stop
            ? 'skipped after an earlier failure (fail-fast)'
            : 'deadline reached before this image was verified',
        );
      } else {
        await runOne(i);
      }
      done++;
      opts.onResult?.(results[i], done, images.length);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency, images.length));
  await Promise.all(Array.from({ length: n }, worker));
  return results;
}

/**
 * Resolves a tag once, then verifies `repository@digest` once however many references name it.
 * The manifest fetched for the tag is handed to verification, so resolving costs no request.
 */
async function verifyDeduped(
  ref: ImageRef,
  ctx: VerifyContext,
  once: (key: string, run: () => Promise<ImageResult>) => Promise<ImageResult>,
): Promise<ImageResult> {
  if (ref.kind === 's3lo') return verifyImage(ref, ctx);
  if (ref.digest !== undefined)
    return once(`${ref.identity}@${ref.digest}`, () => verifyImage(ref, ctx));
  if (ref.tag === undefined) return verifyImage(ref, ctx);
  const started = performance.now();
  let fetched: FetchedManifest | undefined;
  try {
    fetched = await ctx.storeFor(ref).getManifest(ref.tag);
  } catch (e: unknown) {
    const err = toGateError(e);
    return {
      image: ref.original,
      outcome: isFailureCode(err.code) ? 'failed' : 'error',
      verified: false,
      reason: err.message,
      code: err.code,
      signatures: [],
      attestations: [],
      durationMs: Math.round(performance.now() - started),
    };
  }
  // Not found: verification asks again and words the verdict itself.
  if (!fetched) return verifyImage(ref, ctx);
  const resolved = fetched;
  const pinned: StoreRef = { ...ref, digest: resolved.digest };
  const pinnedCtx: VerifyContext = {
    ...ctx,
    storeFor: (r) => (r === pinned ? withManifest(ctx.storeFor(r), resolved) : ctx.storeFor(r)),
  };
  const r = await once(`${ref.identity}@${resolved.digest}`, () => verifyImage(pinned, pinnedCtx));
  return { ...r, durationMs: Math.round(performance.now() - started) };
}

/** `store`, except that the manifest already fetched (and hashed) is served from memory once. */
function withManifest(store: ContentStore, m: FetchedManifest): ContentStore {
  let served = false;
  const wrapped: ContentStore = {
    name: store.name,
    getManifest: (reference) => {
      if (!served && reference === m.digest) {
        served = true;
        return Promise.resolve(m);
      }
      return store.getManifest(reference);
    },
    getBlob: (digest, maxBytes) => store.getBlob(digest, maxBytes),
  };
  if (store.getReferrers) {
    const getReferrers = store.getReferrers.bind(store);
    wrapped.getReferrers = (digest, artifactType) => getReferrers(digest, artifactType);
  }
  return wrapped;
}

/** No policy-file rule matched: a failure, or `allowed` through unverified as the file says. */
function unmatchedResult(image: string, reason: string, allowed: boolean): ImageResult {
  return {
    image,
    outcome: allowed ? 'allowed' : 'failed',
    verified: false,
    reason: allowed ? `${reason}; passed without verification` : reason,
    ...(allowed ? {} : { code: 'POLICY_VIOLATION' as const }),
    signatures: [],
    attestations: [],
    durationMs: 0,
  };
}

function errorResult(image: string, code: ImageResult['code'], reason: string): ImageResult {
  return {
    image,
    outcome: code === 'REF_INVALID' || code === 'USAGE' ? 'error' : 'failed',
    verified: false,
    reason,
    ...(code ? { code } : {}),
    signatures: [],
    attestations: [],
    durationMs: 0,
  };
}

function skipped(image: string, reason: string): ImageResult {
  return {
    image,
    outcome: 'skipped',
    verified: false,
    reason,
    signatures: [],
    attestations: [],
    durationMs: 0,
  };
}
