// The tool-cache key of the TUF metadata: semver the tool cache accepts as an exact version,
// one per mirror, the same for spellings @sigstore/tuf keeps in one directory.
import { isExplicitVersion } from '@actions/tool-cache';
import { describe, expect, it } from 'vitest';
import { tufCacheVersion } from '../../src/action/tuf-cache.js';
import { PUBLIC_GOOD_TUF_MIRROR } from '../../src/core/trust/tuf-cache.js';

describe('tufCacheVersion', () => {
  const mirrors = [
    undefined,
    'https://tuf.example',
    'https://tuf.example/repo',
    'http://127.0.0.1:8080',
    'https://tuf.example:8443/a/b',
  ];

  it.each(mirrors)('%s gives an exact semver version with the layout as release', (m) => {
    const v = tufCacheVersion(m);
    expect(v).toMatch(/^1\.0\.0-m[0-9a-f]{16}$/);
    expect(isExplicitVersion(v)).toBe(true);
  });

  it('differs per mirror, and the default is the public-good mirror', () => {
    const versions = mirrors.map(tufCacheVersion);
    expect(new Set(versions).size).toBe(mirrors.length);
    expect(tufCacheVersion(PUBLIC_GOOD_TUF_MIRROR)).toBe(tufCacheVersion(undefined));
    expect(tufCacheVersion('https://tuf.example/repo/')).toBe(
      tufCacheVersion('https://tuf.example/repo'),
    );
  });
});
