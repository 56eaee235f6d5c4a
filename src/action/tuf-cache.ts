// Keeps the TUF metadata between runs in the runner's tool cache (RUNNER_TOOL_CACHE, which
// persists on self-hosted runners): restored into the run's TUF cache before the gate, saved
// after a run that changed it. The cache is a seed, never a trust anchor: seedTufCache writes
// root.json from our own initial root and the TUF client verifies everything else it takes.
// @actions/tool-cache (with @actions/http-client, io, exec) is loaded only by a run that uses it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GateOptions } from '../core/options.js';
import type { Report } from '../core/report.js';
import { seedTufCache, TUF_SEED_FILES, tufRepoDir } from '../core/trust/tuf-cache.js';

export const TUF_TOOL = 'image-gate-tuf';
/** @actions/tool-cache, loaded on first use: a run without TUF never compiles it. */
const toolCache = (): Promise<typeof import('@actions/tool-cache')> =>
  import('@actions/tool-cache');

/** The tool cache folder is not per-architecture: metadata is the same everywhere. */
const ARCH = 'any';

/**
 * The tool-cache version of one mirror's metadata. The tool cache wants semver, so the layout
 * version is the release part (bump it if what is saved changes) and the mirror is a pre-release
 * tag: `1.0.0-m` + 16 hex of the SHA-256 of @sigstore/tuf's directory name for the mirror
 * (`m` first, so the tag never reads as a number with a leading zero). One entry per mirror:
 * saving one mirror never rewrites another's.
 */
export function tufCacheVersion(mirror: string | undefined): string {
  const name = path.basename(tufRepoDir('/', mirror));
  return `1.0.0-m${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}

/** Whether this run fetches its trusted root with TUF (and so can use the cache). */
function usesTuf(o: GateOptions): o is GateOptions & { tufCacheDir: string } {
  return o.tufCacheDir !== undefined && !o.offline && o.trustedRoot === undefined;
}

export interface TufCacheState {
  /** The saved entry's files as restored, to save again only what the run changed. */
  restored: string | undefined;
}

/** Seeds the run's TUF cache from the tool cache; never fails the run (it only seeds). */
export async function restoreTufCache(
  o: GateOptions,
  env: NodeJS.ProcessEnv,
  log: (m: string) => void,
): Promise<TufCacheState | undefined> {
  if (!usesTuf(o) || !env.RUNNER_TOOL_CACHE) return undefined;
  const from = (await toolCache()).find(TUF_TOOL, tufCacheVersion(o.tufMirror), ARCH);
  if (from === '') {
    log(`TUF cache: nothing in the tool cache for ${o.tufMirror ?? 'the public-good mirror'}`);
    return { restored: undefined };
  }
  try {
    const outcome = await seedTufCache(rootOpts(o), from);
    log(`TUF cache: ${outcome} from ${from}`);
  } catch (e: unknown) {
    log(`TUF cache: not seeded from ${from}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { restored: await fingerprint(from) };
}

/**
 * Saves the run's TUF metadata for the next runs, after a run that started (no run error: a
 * failed TUF update may leave half-updated metadata) and whose metadata is complete and differs
 * from what was restored.
 */
export async function saveTufCache(
  o: GateOptions,
  report: Report,
  state: TufCacheState | undefined,
  log: (m: string) => void,
): Promise<void> {
  if (state === undefined || !usesTuf(o) || report.error !== undefined) return;
  const repo = tufRepoDir(o.tufCacheDir, o.tufMirror);
  const now = await fingerprint(repo);
  if (now === undefined || now === state.restored) return;
  try {
    const saved = await (
      await toolCache()
    ).cacheDir(repo, TUF_TOOL, tufCacheVersion(o.tufMirror), ARCH);
    log(`TUF cache: saved to ${saved}`);
  } catch (e: unknown) {
    log(`TUF cache: not saved: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function rootOpts(o: GateOptions & { tufCacheDir: string }) {
  return {
    cacheDir: o.tufCacheDir,
    ...(o.tufMirror ? { tufMirrorUrl: o.tufMirror } : {}),
    ...(o.tufRoot ? { tufRootPath: o.tufRoot } : {}),
  };
}

/** A digest of the metadata and trusted root in `dir`, or undefined when one is missing. */
async function fingerprint(dir: string): Promise<string | undefined> {
  const h = createHash('sha256');
  for (const name of [...TUF_SEED_FILES, path.join('targets', 'trusted_root.json')]) {
    try {
      h.update(name).update(await readFile(path.join(dir, name)));
    } catch {
      return undefined;
    }
  }
  return h.digest('hex');
}
