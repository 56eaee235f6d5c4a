// Images pinned by a sha512 digest (OCI allows it; the conformance suite's OCI_DATA_SHA512): the
// places their signatures can be must be tags a registry can hold. cosign's `<alg>-<hex>.sig`
// is 139 characters for sha512, more than a tag may have, so there is none to look up; the
// referrers tag schema truncates the encoded part to 64 characters (distribution-spec spec.md,
// "Referrers Tag Schema"). Review finding: both were requested as built, refused as USAGE by the
// gate's own store (exit 2), and an image with attestations could not be looked up at all.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toGateError } from '../../src/core/errors.js';
import type { HttpResponse } from '../../src/core/registry/http.js';
import type { RepositoryGetter } from '../../src/core/registry/repository.js';
import { RegistryStore } from '../../src/core/sources/registry.js';
import type { CandidateVerifier } from '../../src/core/verify/context.js';
import { referrersTag, signatureTag } from '../../src/core/verify/discovery.js';
import { gatherDigest } from '../../src/core/verify/lookup.js';

const manifest = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: `sha256:${'a'.repeat(64)}`,
      size: 2,
    },
    layers: [],
  }),
);
const DIGEST = `sha512:${createHash('sha512').update(manifest).digest('hex')}`;

function res(status: number, body: Uint8Array = new Uint8Array(), ct?: string): HttpResponse {
  const h = new Headers(ct ? { 'content-type': ct } : {});
  return {
    status,
    headers: { get: (n: string) => h.get(n) } as HttpResponse['headers'],
    body,
    url: new URL('https://registry.example/'),
    redact: (t) => t,
  };
}

function registry(referrersApi: boolean): { repo: RepositoryGetter; requests: string[] } {
  const requests: string[] = [];
  const repo: RepositoryGetter = {
    name: 'registry.example/acme/app',
    repository: 'acme/app',
    origin: 'https://registry.example',
    referrersApi: {},
    get: (path) => {
      requests.push(path);
      if (path === `/v2/acme/app/manifests/${DIGEST}`)
        return Promise.resolve(res(200, manifest, 'application/vnd.oci.image.manifest.v1+json'));
      if (referrersApi && path.startsWith(`/v2/acme/app/referrers/${DIGEST}`))
        return Promise.resolve(
          res(
            200,
            Buffer.from(
              JSON.stringify({
                schemaVersion: 2,
                mediaType: 'application/vnd.oci.image.index.v1+json',
                manifests: [],
              }),
            ),
            'application/vnd.oci.image.index.v1+json',
          ),
        );
      return Promise.resolve(res(404)); // no tags: the image is unsigned
    },
  };
  return { repo, requests };
}

const verifier: CandidateVerifier = {
  verifyLegacy: () => {
    throw new Error('no candidates expected');
  },
  verifyBundle: () => {
    throw new Error('no candidates expected');
  },
};

describe('tags for a digest', () => {
  it('the referrers tag schema, as the spec tabulates it', () => {
    expect(referrersTag(`sha256:${'a'.repeat(64)}`)).toBe(`sha256-${'a'.repeat(64)}`);
    expect(referrersTag(`sha512:${'a'.repeat(128)}`)).toBe(`sha512-${'a'.repeat(64)}`);
    expect(
      referrersTag(
        'test+algorithm+using+algorithm+separators+and+lots+of+characters+to+excercise+overall+truncation:alsoSome=InTheEncodedSectionToShowHyphenReplacementAndLotsAndLotsOfCharactersToExcerciseEncodedTruncation',
      ),
    ).toBe(
      'test-algorithm-using-algorithm-s-alsoSome-InTheEncodedSectionToShowHyphenReplacementAndLotsAndLot',
    );
  });

  it("cosign's .sig/.att tags exist for sha256 only", () => {
    expect(signatureTag(`sha256:${'b'.repeat(64)}`, '.sig')).toBe(`sha256-${'b'.repeat(64)}.sig`);
    expect(signatureTag(`sha512:${'b'.repeat(128)}`, '.sig')).toBeUndefined();
    expect(signatureTag(`sha512:${'b'.repeat(128)}`, '.att')).toBeUndefined();
  });
});

describe('an unsigned image pinned by sha512', () => {
  it.each([
    ['signatures', false, false],
    ['signatures and attestations', true, false],
    ['signatures, through the referrers API', false, true],
    ['signatures and attestations, through the referrers API', true, true],
  ])('%s: UNSIGNED (exit 1), the places searched named', async (_name, withAttestations, api) => {
    const { repo, requests } = registry(api);
    const store = new RegistryStore(repo);
    expect((await store.getManifest(DIGEST))?.digest).toBe(DIGEST);
    let got: string;
    try {
      const ev = await gatherDigest(store, DIGEST, verifier, { withAttestations });
      got = ev.signatures.length ? 'verified' : 'unsigned';
      expect(ev.found.searched.join('; ')).toMatch(/no \.sig tag \(sha512 digests have none\)/);
    } catch (e: unknown) {
      got = `${toGateError(e).code}: ${toGateError(e).message}`;
    }
    expect(got).toBe('unsigned');
    // No request names a tag longer than a registry allows.
    for (const r of requests) {
      const last = r.split('/').pop()!;
      if (!last.includes(':')) expect(last.length, r).toBeLessThanOrEqual(128);
    }
    if (!api) expect(requests).toContain(`/v2/acme/app/manifests/sha512-${DIGEST.slice(7, 71)}`);
  });
});
