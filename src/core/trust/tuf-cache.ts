// The TUF metadata cache of one mirror: where @sigstore/tuf keeps it, how a saved copy seeds it
// (never the trust anchor), and how a failed refresh is told apart from bad metadata.
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import tufSeeds from '@sigstore/tuf/seeds.json' with { type: 'json' };
import { GateError } from '../errors.js';

export const PUBLIC_GOOD_TUF_MIRROR = 'https://tuf-repo-cdn.sigstore.dev';

/** Which mirror, cached where. */
export interface TufPlace {
  cacheDir?: string;
  /** Defaults to the public-good CDN. */
  tufMirrorUrl?: string;
}

export function errorText(e: unknown, depth = 0): string {
  const msg = e instanceof Error ? e.message : String(e);
  const cause = e instanceof Error ? e.cause : undefined;
  return cause instanceof Error && depth < 4 && !msg.includes(cause.message)
    ? `${msg}: ${errorText(cause, depth + 1)}`
    : msg;
}

/**
 * Whether a TUF refresh failed for want of an answer: a connection or DNS error, a timeout, or
 * an HTTP error status. tuf-js wraps snapshot and targets download failures into a message
 * (`Unable to load ... error <Error>`), so those are read from the text it writes.
 */
export function mirrorUnreachable(e: unknown): boolean {
  for (let c: unknown = e, depth = 0; c instanceof Error && depth < 8; c = c.cause, depth++) {
    if (c.name === 'TimeoutError' || c.name === 'AbortError') return true;
    if (c instanceof TypeError && c.message === 'fetch failed') return true;
    if (typeof (c as { statusCode?: unknown }).statusCode === 'number') return true;
    if (
      /^Unable to load (?:snapshot metadata|targets) error (?:TypeError: fetch failed|TimeoutError|AbortError|Error: Failed to download)/.test(
        c.message,
      )
    )
      return true;
  }
  return false;
}

export async function checkReadable(file: string): Promise<void> {
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch (e: unknown) {
    throw new GateError('TRUST_ROOT', `tuf-root: cannot read ${file}: ${errorText(e)}`, {
      cause: e,
    });
  }
}

/** `signed.expires` of the cached timestamp.json, for the fallback warning. */
export async function cachedTimestampExpiry(opts: TufPlace): Promise<string | undefined> {
  if (opts.cacheDir === undefined) return undefined;
  try {
    const file = path.join(tufRepoDir(opts.cacheDir, opts.tufMirrorUrl), 'timestamp.json');
    const meta = JSON.parse(await readFile(file, 'utf8')) as { signed?: { expires?: unknown } };
    return typeof meta.signed?.expires === 'string' ? meta.signed.expires : undefined;
  } catch {
    return undefined;
  }
}

/** The directory in `cacheDir` where @sigstore/tuf keeps one mirror's metadata (its naming). */
export function tufRepoDir(cacheDir: string, mirror: string = PUBLIC_GOOD_TUF_MIRROR): string {
  const url = new URL(mirror);
  return path.join(cacheDir, encodeURIComponent(url.host + url.pathname.replace(/\/$/, '')));
}

/** The files of a TUF cache that seeding copies: everything but the trust anchor. */
export const TUF_SEED_FILES = ['timestamp.json', 'snapshot.json', 'targets.json'] as const;

export type SeedOutcome = 'seeded' | 'kept' | 'no-anchor';

/**
 * Seeds the TUF cache of `opts.cacheDir` for the mirror from `fromDir`, a copy of that mirror's
 * directory saved by an earlier run (the Action keeps one in the runner's tool cache). The
 * seed never supplies the trust anchor: root.json is written from `tufRootPath` or the root
 * shipped in @sigstore/tuf, and only timestamp, snapshot, targets and the target files are
 * copied, so everything taken from the seed must verify against our own root (a root rotated
 * since is fetched again). A cache that already has a root.json (an earlier step of the same
 * job) is `kept` as it is; a mirror without a known initial root is left alone (`no-anchor`).
 */
export async function seedTufCache(
  opts: TufPlace & { cacheDir: string; tufRootPath?: string },
  fromDir: string,
): Promise<SeedOutcome> {
  const mirror = opts.tufMirrorUrl ?? PUBLIC_GOOD_TUF_MIRROR;
  const repo = tufRepoDir(opts.cacheDir, mirror);
  const exists = async (p: string): Promise<boolean> =>
    stat(p).then(
      (s) => s.isFile(),
      () => false,
    );
  if (await exists(path.join(repo, 'root.json'))) return 'kept';
  let anchor: Buffer;
  if (opts.tufRootPath !== undefined) {
    await checkReadable(opts.tufRootPath);
    anchor = await readFile(opts.tufRootPath);
  } else {
    const seeds = tufSeeds as unknown as Record<string, { 'root.json'?: string }>;
    const b64 = seeds[mirror]?.['root.json'];
    if (b64 === undefined) return 'no-anchor';
    anchor = Buffer.from(b64, 'base64');
  }
  await mkdir(path.join(repo, 'targets'), { recursive: true });
  for (const name of TUF_SEED_FILES) {
    if (await exists(path.join(fromDir, name)))
      await copyFile(path.join(fromDir, name), path.join(repo, name));
  }
  const targets = await readdir(path.join(fromDir, 'targets')).catch(() => [] as string[]);
  for (const name of targets) {
    const from = path.join(fromDir, 'targets', name);
    if (await exists(from)) await copyFile(from, path.join(repo, 'targets', name));
  }
  // Last, so a seed that failed half way leaves no root.json and the client seeds itself.
  await writeFile(path.join(repo, 'root.json'), anchor);
  return 'seeded';
}
