import { describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import {
  formatS3loRef,
  manifestKey,
  parseS3loReference,
  s3loSigningPayload,
  signatureKey,
} from '../../src/core/s3lo/reference.js';

const HEX = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('parseS3loReference', () => {
  it.each([
    [
      's3://my-bucket/myapp:v1.0',
      { scheme: 's3', bucket: 'my-bucket', image: 'myapp', tag: 'v1.0' },
    ],
    [
      's3://my-bucket/org/team/myapp:v1.0-rc.1_build',
      { scheme: 's3', bucket: 'my-bucket', image: 'org/team/myapp', tag: 'v1.0-rc.1_build' },
    ],
    [
      's3://bucket/app.with.dots:tag.with.dots',
      { scheme: 's3', bucket: 'bucket', image: 'app.with.dots', tag: 'tag.with.dots' },
    ],
    // The last ':' splits, as in s3lo: an image name may itself contain ':'.
    ['s3://bucket/a:b:c', { scheme: 's3', bucket: 'bucket', image: 'a:b', tag: 'c' }],
    [
      'local://mystore/myapp:v1.0',
      { scheme: 'local', bucket: 'mystore', image: 'myapp', tag: 'v1.0' },
    ],
    [
      'local://./my-store/org/myapp:v1.0',
      { scheme: 'local', bucket: './my-store', image: 'org/myapp', tag: 'v1.0' },
    ],
    [
      'local://../store/myapp:v1.0',
      { scheme: 'local', bucket: '../store', image: 'myapp', tag: 'v1.0' },
    ],
    [
      'local:///store/myapp:v1.0',
      { scheme: 'local', bucket: '/store', image: 'myapp', tag: 'v1.0' },
    ],
    // s3lo's documented limit: the local root is ONE component, even for absolute paths.
    [
      'local:///var/lib/store/img:t',
      { scheme: 'local', bucket: '/var', image: 'lib/store/img', tag: 't' },
    ],
  ])('parses %s as s3lo does', (input, want) => {
    expect(parseS3loReference(input)).toEqual({ ...want, raw: input });
  });

  it('accepts image:tag@sha256 as a tag pinned to a manifest digest', () => {
    expect(parseS3loReference(`s3://b/org/app:v1@sha256:${HEX}`)).toEqual({
      scheme: 's3',
      bucket: 'b',
      image: 'org/app',
      tag: 'v1',
      digest: `sha256:${HEX}`,
      raw: `s3://b/org/app:v1@sha256:${HEX}`,
    });
  });

  it.each([
    // s3lo's own traversal corpus (pkg/ref/parse_test.go TestParse_RejectsTraversal).
    ['s3://bucket/app:..', 'illegal tag'],
    ['s3://bucket/app:.', 'illegal tag'],
    ['s3://bucket/../app:v1', "component '..'"],
    ['s3://bucket/..:v1', "component '..'"],
    ['s3://bucket/org/../app:v1', "component '..'"],
    ['s3://bucket/org/./app:v1', "component '.'"],
    ['local://./store/app:..', 'illegal tag'],
    ['local://./store/../app:v1', "component '..'"],
    ['local://./s/../x:t', "component '..'"],
    ['s3://b/../x:t', "component '..'"],
    ['s3://bucket/app:v1/../../etc', 'illegal tag'],
    ['s3://bucket/app:.wh.x/..', 'illegal tag'],
    ['s3://bucket/org//app:v1', "component ''"],
    ['s3://bucket/app:a\\b', 'illegal tag'],
    // Shape.
    ['s3://my-bucket/myapp:', 'empty tag'],
    ['s3:///myapp:v1.0', 'empty bucket'],
    ['s3://my-bucket/', 'missing image name'],
    ['s3://my-bucket', 'missing image path'],
    ['local://./store', 'missing image path after storage root'],
    ['http://my-bucket/myapp:v1.0', 'must start with s3:// or local://'],
    ['gs://my-bucket/myapp:v1.0', 'not supported'],
    ['az://container/myapp:v1.0', 'not supported'],
    // A tag is required for verification (s3lo's requireTag); a bare digest names no tag.
    ['s3://my-bucket/myapp', 'missing tag'],
    [`s3://my-bucket/myapp@sha256:${HEX}`, 'a tag is required'],
    // Digests (s3lo's TestParse_RejectsMalformedDigest, plus what we cannot compare).
    ['s3://bucket/app:v1@deadbeef', 'malformed digest'],
    ['s3://bucket/app:v1@sha256:', 'malformed digest'],
    ['s3://bucket/app:v1@sha256:xyz', 'malformed digest'],
    ['s3://bucket/app:v1@:abc', 'malformed digest'],
    ['s3://bucket/app:v1@sha256:../../etc/passwd', 'malformed digest'],
    [`s3://bucket/app:v1@sha256:${HEX.toUpperCase()}`, 'cannot be checked'],
    [`s3://bucket/app:v1@sha512:${HEX}${HEX}`, 'cannot be checked'],
    // Characters that would change the payload's line structure.
    ['s3://bucket/app:v1\nsha256:abc', 'control characters'],
    ['s3://bucket/app :v1', 'whitespace'],
  ])('refuses %j (%s)', (input, what) => {
    let err: unknown;
    try {
      parseS3loReference(input);
    } catch (e: unknown) {
      err = e;
    }
    expect(err).toBeInstanceOf(GateError);
    expect((err as GateError).code).toBe('REF_INVALID');
    expect((err as GateError).message.startsWith(`${input}: `)).toBe(true);
    expect((err as GateError).message).toContain(what);
  });
});

describe('s3lo keys and payload', () => {
  it('places the manifest and records under manifests/<image>/<tag>/', () => {
    const ref = parseS3loReference('s3://b/org/app:v1');
    expect(manifestKey(ref)).toBe('manifests/org/app/v1/manifest.json');
    expect(signatureKey(ref, '0123456789abcdef')).toBe(
      'manifests/org/app/v1/signatures/0123456789abcdef.json',
    );
    expect(formatS3loRef(parseS3loReference(`s3://b/org/app:v1@sha256:${HEX}`))).toBe(
      's3://b/org/app:v1',
    );
  });

  it.each([
    ['s3://my-bucket/org/app:v1', `s3lo-signature-v2\nmy-bucket/org/app:v1\nsha256:${HEX}\n`],
    // The local root goes into the payload exactly as written, like s3lo's SigningPayload(parsed.Bucket…).
    ['local://./store/app:v1', `s3lo-signature-v2\n./store/app:v1\nsha256:${HEX}\n`],
    ['local:///store/app:v1', `s3lo-signature-v2\n/store/app:v1\nsha256:${HEX}\n`],
    // A pin does not enter the payload: s3lo signs bucket/image:tag and the digest.
    [`s3://b/app:v1@sha256:${HEX}`, `s3lo-signature-v2\nb/app:v1\nsha256:${HEX}\n`],
  ])('builds the v2 payload for %s', (input, want) => {
    expect(s3loSigningPayload(parseS3loReference(input), `sha256:${HEX}`).toString('utf8')).toBe(
      want,
    );
  });
});
