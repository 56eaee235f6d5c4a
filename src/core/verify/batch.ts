// Many images -> results in input order, with bounded concurrency. Tags are resolved to digests
// first, so references with one identity (every spelling of one name) and references to one
// digest are verified once; fail-fast stops scheduling after the first supply-chain failure.
import { GateError } from '../errors.js';
import type { ImagePolicy, RunPolicy } from '../policy/types.js';
import { selectRule } from '../policy/match.js';
import { parseReference, referenceIdentity, type ImageRef } from '../reference.js';
import { PackedResults } from '../packed-results.js';
import type { ImageResult } from '../report.js';
import type { FetchedManifest } from '../types.js';
import type { RuleContext, Stores } from './context.js';
import { verifyImage } from './image.js';
import { applyMode } from './mode.js';
import { resultFromError, skippedResult, unmatchedResult } from './result.js';

export interface BatchOptions {
  concurrency: number;
  failFast: boolean;
  /** Called as each image finishes (progress lines, Action log groups). */
  onResult?: (result: ImageResult, done: number, total: number) => void;
  signal?: AbortSignal;
  /** Filled when the batch ends: the deduplication entries it still held (issue 15, flat memory). */
  stats?: { dedupEntries?: number };
}

/** The compiled policy, a context per rule (built once), and the run's stores. */
export interface BatchEngine {
  policy: RunPolicy;
  contextFor(rule: ImagePolicy): RuleContext;
  stores: Stores;
  /** The registries' advertised pull limits (registry/governor.ts), checked before each image. */
  pullBudget?: PullBudget;
}

/** What the batch asks of the registries' pull limits before it starts an image. */
export interface PullBudget {
  /**
   * Throws (RATE_LIMITED) when `registry` advertised fewer pulls left than `needed`, the images
   * of it not yet finished (each needs at least one manifest GET); the registry then stays stopped.
   */
  admit(registry: string, needed: number): void;
}

export async function verifyBatch(
  images: string[],
  engine: BatchEngine,
  opts: BatchOptions,
): Promise<ImageResult[]> {
  // Finished results, packed (packed-results.ts): the batch holds every one until it returns.
  const packed = new PackedResults(images.length);
  // Keyed by the normalised reference, and by `identity@digest` once a tag is resolved; s3lo
  // images by the reference as given, since its signed payload names the bucket as written.
  // Flat memory: once the image that made an entry has finished, the entry is the index of that
  // image's packed result, not a second copy of it (see `settle`).
  const inflight = new Map<string, Promise<ImageResult> | number>();
  // The entries each image made and awaited, while it runs.
  const made = new Map<number, string[]>();
  let next = 0;
  let done = 0;
  let stop = false;
  // One clock reading per run: an enforce-after date is crossed between runs, not within one.
  const now = engine.stores.now?.() ?? new Date();

  // Per registry, the identities of images not yet finished: what its pull limit must still cover.
  const pending = new Map<string, Map<string, number>>();
  // Per identity key (what `keyed` is asked with first), the images not yet finished that may
  // still ask for it: when the last has finished, its entries are dropped (flat memory, issue 15:
  // each held a promise of a whole result). Entries by digest stay: any later tag may resolve there.
  const unfinished = new Map<string, number>();
  const idKeyOf: Array<string | undefined> = new Array<string | undefined>(images.length);
  // One string per registry name, not one per image: these arrays live for the whole batch.
  const registryNames = new Map<string, string>();
  const registryOf = images.map((image, i) => {
    try {
      const ref = parseReference(image);
      const id = identityKey(ref);
      // A digest reference's identity is also the key a tag resolving to that digest uses: kept.
      if (ref.kind === 's3lo' || ref.digest === undefined) {
        idKeyOf[i] = id;
        unfinished.set(id, (unfinished.get(id) ?? 0) + 1);
      }
      if (ref.kind !== 'registry') return undefined;
      let registry = registryNames.get(ref.registry);
      if (registry === undefined) registryNames.set(ref.registry, (registry = ref.registry));
      let m = pending.get(registry);
      if (!m) pending.set(registry, (m = new Map<string, number>()));
      m.set(id, (m.get(id) ?? 0) + 1);
      return { registry, id };
    } catch {
      return undefined;
    }
  });
  const prefixes = engine.policy.rules.map((_, n) => `rule${n}|`);
  const finished = (i: number): void => {
    const idKey = idKeyOf[i];
    if (idKey !== undefined) {
      const left = (unfinished.get(idKey) ?? 1) - 1;
      if (left > 0) unfinished.set(idKey, left);
      else {
        unfinished.delete(idKey);
        for (const prefix of prefixes) inflight.delete(prefix + idKey);
      }
    }
    const r = registryOf[i];
    const m = r && pending.get(r.registry);
    if (!r || !m) return;
    const n = (m.get(r.id) ?? 1) - 1;
    if (n > 0) m.set(r.id, n);
    else m.delete(r.id);
  };

  const once = (i: number, key: string, run: () => Promise<ImageResult>): Promise<ImageResult> => {
    const got = inflight.get(key);
    if (typeof got === 'number') return Promise.resolve(packed.get(got));
    if (got) return got;
    const p = run();
    inflight.set(key, p);
    made.get(i)?.push(key);
    return p;
  };
  /**
   * Image `i` has finished and its result is packed: each entry it made now points at that
   * result. Its result is the entry's own with only what each asker sets again (image, identity,
   * rule, durationMs for a tag) and the rule's mode applied (the entry is per rule, and applyMode
   * leaves a result it made as it is), so a later asker gets the same verdict. An entry dropped
   * or replaced meanwhile is left alone, and so is one that rejected.
   */
  const settle = async (i: number): Promise<void> => {
    const keys = made.get(i) ?? [];
    made.delete(i);
    for (const key of keys) {
      const p = inflight.get(key);
      if (typeof p !== 'object') continue;
      const fulfilled = await p.then(
        () => true,
        () => false,
      );
      if (fulfilled && inflight.get(key) === p) inflight.set(key, i);
    }
  };

  const runOne = async (i: number): Promise<ImageResult> => {
    const image = images[i];
    let ref: ImageRef;
    try {
      ref = parseReference(image);
    } catch (e: unknown) {
      return resultFromError(image, e);
    }
    const identity = referenceIdentity(ref);
    // Each image has the rule it matches; deduplication is per rule, since two names for one
    // digest may fall under different rules.
    const m = selectRule(engine.policy, ref);
    if (!m.rule) {
      if (!m.allowed && opts.failFast) stop = true;
      return { ...unmatchedResult(image, m.reason, m.allowed), identity };
    }
    const rule = m.rule;
    const index = engine.policy.rules.indexOf(rule);
    const prefix = prefixes[index] ?? `rule${index}|`;
    const keyed = (key: string, run: () => Promise<ImageResult>): Promise<ImageResult> =>
      once(i, prefix + key, run);
    const ctx = engine.contextFor(rule);
    const budget = engine.pullBudget;
    if (budget && ref.kind === 'registry' && !inflight.has(prefix + identity)) {
      try {
        budget.admit(ref.registry, pending.get(ref.registry)?.size ?? 1);
      } catch (e: unknown) {
        return { ...resultFromError(image, e), identity };
      }
    }
    const r = await keyed(identityKey(ref), () => verifyDeduped(ref, ctx, engine.stores, keyed));
    // The rule's mode after the verdict (verify/mode.ts): a warned image does not stop the batch.
    const result = applyMode(
      { ...r, image, identity, ...(engine.policy.file ? { rule: rule.name } : {}) },
      rule,
      now,
    );
    if (result.outcome === 'failed' && opts.failFast) stop = true;
    return result;
  };

  const worker = async (): Promise<void> => {
    while (next < images.length) {
      const i = next++;
      made.set(i, []);
      const r =
        stop || opts.signal?.aborted
          ? skippedResult(
              images[i],
              stop
                ? 'skipped after an earlier failure (fail-fast)'
                : 'deadline reached before this image was verified',
            )
          : await runOne(i);
      finished(i);
      done++;
      packed.set(i, r);
      opts.onResult?.(r, done, images.length);
      await settle(i);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency, images.length));
  await Promise.all(Array.from({ length: n }, worker));
  if (opts.stats) opts.stats.dedupEntries = inflight.size;
  return packed.results;
}

/** The first deduplication key of an image: its identity; s3lo's the reference as given. */
function identityKey(ref: ImageRef): string {
  return ref.kind === 's3lo' ? `s3lo ${ref.original}` : referenceIdentity(ref);
}

/**
 * Resolves a tag once, then verifies `repository@digest` once however many references name it.
 * The manifest fetched for the tag is handed to verification, so resolving costs no request.
 */
async function verifyDeduped(
  ref: ImageRef,
  ctx: RuleContext,
  stores: Stores,
  once: (key: string, run: () => Promise<ImageResult>) => Promise<ImageResult>,
): Promise<ImageResult> {
  if (ref.kind === 's3lo') return verifyImage(ref, ctx, stores);
  if (ref.digest !== undefined)
    return once(`${ref.identity}@${ref.digest}`, () => verifyImage(ref, ctx, stores));
  if (ref.tag === undefined) return verifyImage(ref, ctx, stores);
  const started = performance.now();
  const store = stores.storeFor(ref);
  if (store.resolve && store.countsPulls?.()) {
    // A registry that counts manifest GETs as pulls: the tag by HEAD, then its manifest by digest
    // once per digest in the run (a second tag of one digest costs no pull).
    let head: { digest: string; fetched?: FetchedManifest } | undefined;
    try {
      head = await store.resolve(ref.tag);
    } catch (e: unknown) {
      return resultFromError(ref.original, e, Math.round(performance.now() - started));
    }
    if (!head) {
      const err = new GateError(
        'NOT_FOUND',
        `image not found: ${ref.original} (${store.name} has no ${ref.tag})`,
      );
      return resultFromError(ref.original, err, Math.round(performance.now() - started));
    }
    const pinned: ImageRef = { ...ref, digest: head.digest };
    const fetched = head.fetched;
    const r = await once(`${ref.identity}@${head.digest}`, () =>
      fetched ? verifyImage(ref, ctx, stores, fetched) : verifyImage(pinned, ctx, stores),
    );
    return { ...r, durationMs: Math.round(performance.now() - started) };
  }
  let fetched: FetchedManifest | undefined;
  try {
    fetched = await store.getManifest(ref.tag);
  } catch (e: unknown) {
    return resultFromError(ref.original, e, Math.round(performance.now() - started));
  }
  // Not found: verification asks again and words the verdict itself.
  if (!fetched) return verifyImage(ref, ctx, stores);
  const resolved = fetched;
  const r = await once(`${ref.identity}@${resolved.digest}`, () =>
    verifyImage(ref, ctx, stores, resolved),
  );
  return { ...r, durationMs: Math.round(performance.now() - started) };
}
