// Many images -> results in input order, with bounded concurrency. Identical references are
// verified once; fail-fast stops scheduling after the first supply-chain failure.
import { parseReference, type ImageRef } from './reference.js';
import { toGateError } from './errors.js';
import type { ImageResult } from './report.js';
import { verifyImage, type VerifyContext } from './verify.js';

export interface BatchOptions {
  concurrency: number;
  failFast: boolean;
  /** Called as each image finishes (progress lines, Action log groups). */
  onResult?: (result: ImageResult, done: number, total: number) => void;
  signal?: AbortSignal;
}

export async function verifyBatch(
  images: string[],
  ctx: VerifyContext,
  opts: BatchOptions,
): Promise<ImageResult[]> {
  const results: ImageResult[] = new Array<ImageResult>(images.length);
  const inflight = new Map<string, Promise<ImageResult>>();
  let next = 0;
  let done = 0;
  let stop = false;

  const runOne = async (i: number): Promise<void> => {
    const image = images[i]!;
    let ref: ImageRef;
    try {
      ref = parseReference(image);
    } catch (e: unknown) {
      const err = toGateError(e);
      results[i] = errorResult(image, err.code, err.message);
      return;
    }
    let p = inflight.get(image);
    if (!p) {
      p = verifyImage(ref, ctx);
      inflight.set(image, p);
    }
    const r = await p;
    results[i] = { ...r, image };
    if (r.outcome === 'failed' && opts.failFast) stop = true;
  };

  const worker = async (): Promise<void> => {
    while (next < images.length) {
      const i = next++;
      if (stop || opts.signal?.aborted) {
        results[i] = skipped(
          images[i]!,
          stop
            ? 'skipped after an earlier failure (fail-fast)'
            : 'deadline reached before this image was verified',
        );
      } else {
        await runOne(i);
      }
      done++;
      opts.onResult?.(results[i]!, done, images.length);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency, images.length));
  await Promise.all(Array.from({ length: n }, worker));
  return results;
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
