// Manifests and indexes are read by runtimes in Go (containerd, Docker), whose encoding/json
// matches object keys case-insensitively and keeps the last match. A key spelt twice under Go's
// folding ("manifests" and "Manifests", "digest" and "Digest") would make us read one document
// and the runtime another: refused as MALFORMED, before anything is judged on it.
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/core/registry/manifest.js';
import { MEDIA_TYPES } from '../../src/core/types.js';

const hex = (c: string) => c.repeat(64);
const desc = (c: string, extra = '') =>
  `{"mediaType":"${MEDIA_TYPES.ociManifest}","digest":"sha256:${hex(c)}","size":1,"platform":{"os":"linux","architecture":"amd64"}${extra}}`;
const parse = (json: string) =>
  parseManifest(new TextEncoder().encode(json), MEDIA_TYPES.ociIndex, 'index x');

describe('manifest keys colliding under Go case folding', () => {
  it.each([
    ['Manifests', `{"schemaVersion":2,"manifests":[${desc('a')}],"Manifests":[${desc('b')}]}`],
    ['MANIFESTS', `{"schemaVersion":2,"manifests":[${desc('a')}],"MANIFESTS":[${desc('b')}]}`],
    ['Digest', `{"schemaVersion":2,"manifests":[${desc('a', `,"Digest":"sha256:${hex('b')}"`)}]}`],
    [
      'Platform',
      `{"schemaVersion":2,"manifests":[${desc('a', ',"Platform":{"os":"linux","architecture":"arm64"}')}]}`,
    ],
    [
      'exact duplicate',
      `{"schemaVersion":2,"manifests":[${desc('a')}],"manifests":[${desc('b')}]}`,
    ],
  ])('%s is refused', (_, json) => {
    expect(() => parse(json)).toThrow(expect.objectContaining({ code: 'MALFORMED' }));
  });

  // Alone, a mis-cased key is still the field to Go: a descriptor whose only platform is spelt
  // "Platform" is linux/arm64 to a runtime and platform-less here.
  it.each([
    [
      'Platform',
      `{"schemaVersion":2,"manifests":[${desc('a')},{"mediaType":"${MEDIA_TYPES.ociManifest}","digest":"sha256:${hex('b')}","size":1,"Platform":{"os":"linux","architecture":"arm64"}}]}`,
    ],
    [
      'OS',
      `{"schemaVersion":2,"manifests":[{"mediaType":"${MEDIA_TYPES.ociManifest}","digest":"sha256:${hex('b')}","size":1,"platform":{"os":"linux","OS":"windows","architecture":"amd64"}}]}`,
    ],
    ['Manifests', `{"schemaVersion":2,"Manifests":[${desc('a')}],"manifests":[]}`],
  ])('a lone %s key is refused', (_, json) => {
    expect(() => parse(json)).toThrow(expect.objectContaining({ code: 'MALFORMED' }));
  });

  it('a byte order mark is refused (Go refuses it)', () => {
    expect(() => parse(`\ufeff{"schemaVersion":2,"manifests":[${desc('a')}]}`)).toThrow(
      expect.objectContaining({ code: 'MALFORMED' }),
    );
  });

  it('a plain index still parses', () => {
    const { manifest } = parse(`{"schemaVersion":2,"manifests":[${desc('a')}]}`);
    expect(manifest.manifests?.[0].digest).toBe(`sha256:${hex('a')}`);
  });
});
