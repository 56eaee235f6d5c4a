// Platform manifests of an index: which ones a selection names (matched as a runtime matches
// them), their signatures gathered as evidence, and the note that an unsigned index's platform
// manifests are signed.
import { GateError, toGateError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { formatPlatform, type PlatformSelection } from '../options.js';
import { isIndexMediaType } from '../registry/manifest.js';
import type { ContentStore, Descriptor } from '../types.js';
import type { CandidateVerifier } from './context.js';
import type { PlatformsEvidence } from './evidence.js';
import { gatherDigest, type DigestLookup } from './lookup.js';

type PlatformEntry = { platform: string; digest: string };

/** Each selected platform manifest's signatures (or why they could not be had). */
export async function gatherPlatforms(
  store: ContentStore,
  entries: Descriptor[],
  selection: PlatformSelection,
  verifier: CandidateVerifier,
  lookup: DigestLookup,
): Promise<PlatformsEvidence | { error: GateError }> {
  let chosen: ReturnType<typeof selectPlatforms>;
  try {
    chosen = selectPlatforms(entries, selection);
  } catch (e: unknown) {
    // Not thrown here: the image's own signatures and attestations are judged first (decide.ts).
    return { error: toGateError(e) };
  }
  const { selected, missing } = chosen;
  // A runtime looks through a nested index to a manifest whose signature was never asked for.
  const nested = new Set(entries.filter((d) => isIndexMediaType(d.mediaType)).map((d) => d.digest));
  const evidence = await Promise.all(
    selected.map(async (p) => {
      if (nested.has(p.digest)) return { ...p, evidence: { nestedIndex: true as const } };
      try {
        return { ...p, evidence: await gatherDigest(store, p.digest, verifier, lookup) };
      } catch (e: unknown) {
        return { ...p, evidence: { error: toGateError(e) } };
      }
    }),
  );
  const available = missing.length
    ? selectPlatforms(entries, 'all').selected.map((p) => p.platform)
    : [];
  return { selected: evidence, missing, available };
}

/** Platform manifests of an index that `sel` asks for, and requested platforms it lacks. */
export function selectPlatforms(
  entries: Descriptor[],
  sel: PlatformSelection,
): { selected: PlatformEntry[]; missing: string[] } {
  // buildx lists attestation manifests as platform unknown/unknown: they are not platforms. An
  // annotation saying so is unauthenticated and no runtime reads it, so it excludes nothing.
  const real = entries.filter(
    (d) => d.platform === undefined || runtimePlatform(d.platform).os !== 'unknown',
  );
  if (real.length > LIMITS.signaturesPerImage)
    throw new GateError(
      'LIMIT_EXCEEDED',
      `index lists ${real.length} platform manifests, limit ${LIMITS.signaturesPerImage}`,
    );
  const entry = (d: Descriptor): PlatformEntry => ({
    platform: d.platform ? formatPlatform(d.platform) : 'unspecified',
    digest: d.digest,
  });
  // A runtime pulls a manifest listed without a platform when none matches its own.
  if (sel === 'all') return { selected: real.map(entry), missing: [] };
  const selected: PlatformEntry[] = [];
  const missing: string[] = [];
  for (const want of sel) {
    // Matched as a runtime matches them, after normalising both sides: every manifest it could
    // pull for the platform asked for is selected.
    const w = runtimePlatform(want);
    const hits = real.filter((d) => {
      if (d.platform === undefined) return false;
      const p = runtimePlatform(d.platform);
      return (
        p.os === w.os &&
        p.architecture === w.architecture &&
        (want.variant === undefined || p.variant === w.variant)
      );
    });
    if (hits.length === 0) missing.push(formatPlatform(want));
    for (const h of hits) if (!selected.some((s) => s.digest === h.digest)) selected.push(entry(h));
  }
  return { selected, missing };
}

/**
 * A platform as containerd's platforms.Normalize spells it (os and arch lower-cased, architecture
 * aliases and default variants folded), so that matching agrees with what a runtime would pull.
 */
export function runtimePlatform(p: { os: string; architecture: string; variant?: string }): {
  os: string;
  architecture: string;
  variant: string;
} {
  const os0 = p.os.toLowerCase();
  const os = os0 === 'macos' ? 'darwin' : os0;
  let architecture = p.architecture.toLowerCase();
  let variant = (p.variant ?? '').toLowerCase();
  switch (architecture) {
    case 'i386':
      architecture = '386';
      variant = '';
      break;
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      architecture = 'amd64';
      if (variant === 'v1') variant = '';
      break;
    case 'aarch64':
    case 'arm64':
      architecture = 'arm64';
      if (variant === '8' || variant === 'v8' || variant === 'v8.0') variant = '';
      break;
    case 'armhf':
      architecture = 'arm';
      variant = 'v7';
      break;
    case 'armel':
      architecture = 'arm';
      variant = 'v6';
      break;
    case 'arm':
      if (variant === '' || variant === '7') variant = 'v7';
      else if (/^[568]$/.test(variant)) variant = `v${variant}`;
      break;
  }
  return { os, architecture, variant };
}

const PROBE_PLATFORMS = 16;

/** For an unsigned index: which platform manifests do verify, as a note for the reason. */
export async function signedPlatformsNote(
  store: ContentStore,
  entries: Descriptor[],
  verifier: CandidateVerifier,
): Promise<string> {
  let selected: PlatformEntry[];
  try {
    selected = selectPlatforms(entries, 'all').selected.slice(0, PROBE_PLATFORMS);
  } catch {
    return '';
  }
  const signed = await Promise.all(
    selected.map(async (p) => {
      try {
        const ev = await gatherDigest(store, p.digest, verifier);
        return ev.signatures.length > 0 ? p.platform : undefined;
      } catch {
        // Only an explanation is at stake here; the verdict is already "failed".
        return undefined;
      }
    }),
  );
  const names = signed.filter((n): n is string => n !== undefined);
  if (names.length === 0) return '';
  return `; the index's platform manifest(s) ${names.join(', ')} are signed, but a signature on a platform manifest never verifies the index digest (set platforms to also require them)`;
}
