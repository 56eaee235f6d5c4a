// `platforms` selects the platform manifests of an index that must verify. A runtime (containerd,
// Docker) normalises a descriptor's platform before matching it (os lower-cased, x86_64 → amd64,
// aarch64 → arm64, arm64/v8 → arm64) and pulls a descriptor with no platform when nothing else
// matches; an unauthenticated annotation does not stop it pulling a real platform. Every
// manifest a runtime could pull for a requested platform must be selected, or it escapes the check.
import { describe, expect, it } from 'vitest';
import { parsePlatforms } from '../../src/core/options.js';
import type { Descriptor } from '../../src/core/types.js';
import { selectPlatforms } from '../../src/core/verify/platforms.js';

const d = (n: number, platform?: Descriptor['platform'], annotations?: Record<string, string>) =>
  ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: `sha256:${String(n).repeat(64).slice(0, 64)}`,
    size: 1,
    ...(platform ? { platform } : {}),
    ...(annotations ? { annotations } : {}),
  }) as Descriptor;

const good = d(1, { os: 'linux', architecture: 'amd64' });
const sel = (entries: Descriptor[], value: string) =>
  selectPlatforms(entries, parsePlatforms('platforms', value)!).selected.map((s) => s.digest);

describe('selectPlatforms selects what a runtime would pull', () => {
  it.each([
    ['upper-case os', { os: 'Linux', architecture: 'amd64' }, 'linux/amd64'],
    ['x86_64 alias', { os: 'linux', architecture: 'x86_64' }, 'linux/amd64'],
    ['x86-64 alias', { os: 'linux', architecture: 'x86-64' }, 'linux/amd64'],
    ['upper-case arch', { os: 'linux', architecture: 'AMD64' }, 'linux/amd64'],
    ['aarch64 alias', { os: 'linux', architecture: 'aarch64' }, 'linux/arm64'],
    ['arm64 v8 asked, none listed', { os: 'linux', architecture: 'arm64' }, 'linux/arm64/v8'],
    ['armhf alias', { os: 'linux', architecture: 'armhf' }, 'linux/arm/v7'],
    ['arm variant 7', { os: 'linux', architecture: 'arm', variant: '7' }, 'linux/arm/v7'],
  ])('%s is selected', (_, platform, want) => {
    const evil = d(2, platform);
    expect(sel([evil, good, d(3, { os: 'linux', architecture: 'arm64' })], want)).toContain(
      evil.digest,
    );
  });

  it('an attestation-manifest annotation does not hide a real platform', () => {
    const evil = d(
      2,
      { os: 'linux', architecture: 'amd64' },
      {
        'vnd.docker.reference.type': 'attestation-manifest',
      },
    );
    expect(sel([evil, good], 'linux/amd64')).toContain(evil.digest);
    expect(sel([evil, good], 'all')).toContain(evil.digest);
  });

  it('all selects a manifest listed without a platform', () => {
    const evil = d(2);
    expect(sel([good, evil], 'all')).toContain(evil.digest);
  });

  it('buildx attestation manifests (unknown/unknown) are still not platforms', () => {
    const att = d(
      2,
      { os: 'unknown', architecture: 'unknown' },
      {
        'vnd.docker.reference.type': 'attestation-manifest',
      },
    );
    expect(sel([good, att], 'all')).toEqual([good.digest]);
  });

  it('does not select another architecture', () => {
    expect(sel([good, d(2, { os: 'linux', architecture: 'arm64' })], 'linux/amd64')).toEqual([
      good.digest,
    ]);
  });
});
