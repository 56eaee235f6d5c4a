// Flat memory for long batches (issue 15): V8's young generation doubles whenever the bytes that
// survived scavenges since its last growth exceed its size, so a batch that allocates steadily
// grows it to the maximum (64 MB semi-spaces on Node 24: 128 MB of new space, most of the RSS of a
// 3 000-image run whose live heap is 15-30 MB). The maximum is fixed when the process starts
// (`--max-semi-space-size`), which a GitHub Action's `node24` runtime and an npm bin cannot pass;
// the growth factor is read at each growth, so once the new space has reached the cap it is set
// to 1 and the new space stays there (it may still shrink when the process idles). Measured in docs/benchmarks.md, "Flat memory and the limit".
//
// The old generation (round 2): V8 lets old space grow to 1.5-2x its live size before a full
// collection, and the ArrayBuffers and native objects (socket reads, digests, KeyObjects) of
// responses that outlived two scavenges wait for that collection too: at 10 000 images external
// memory swung 3 -> 50 MB and glibc kept the pages. `--heap-growing-percent` is read at each
// limit computation, so it too can be set at run time; with it the old generation may grow by
// 20 % of its live size or V8's minimum step (16 MB on 64-bit), whichever is larger, before the
// next mark-compact. Measured in docs/benchmarks.md, "Flat memory, round 2".
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** New-space size (both semi-spaces) the batch may grow to: 16 MB, 8 MB semi-spaces. */
export const YOUNG_GENERATION_CAP_BYTES = 16 * 2 ** 20;
const CHECK_MS = 25;
/** How much old space may grow over its live size between full collections during a run. */
export const OLD_GENERATION_GROWING_PERCENT = 20;

function newSpaceBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * Watches the new space (every 25 ms, unref'd) and stops its growth once it reaches `capBytes`,
 * and bounds the old generation's growth (OLD_GENERATION_GROWING_PERCENT) until released;
 * returns the release. The young cap, once reached, stays for the process: the report is
 * rendered after the batch, and a CLI or Action process ends with its run; the old bound is
 * given back (V8's own heuristic, `--heap-growing-percent=0`).
 * Once per process: a second call while one watches returns a no-op.
 */
export function capYoungGeneration(capBytes = YOUNG_GENERATION_CAP_BYTES): () => void {
  if (watching) return () => undefined;
  watching = true;
  setFlagsFromString(`--heap-growing-percent=${OLD_GENERATION_GROWING_PERCENT}`);
  let capped = false;
  const check = (): void => {
    if (capped || newSpaceBytes() < capBytes) return;
    setFlagsFromString('--semi-space-growth-factor=1');
    capped = true;
  };
  check();
  const timer = setInterval(check, CHECK_MS).unref();
  return () => {
    clearInterval(timer);
    setFlagsFromString('--heap-growing-percent=0');
    watching = false;
  };
}

let watching = false;
