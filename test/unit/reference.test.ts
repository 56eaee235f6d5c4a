import { describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { parseReference, pinnedReference } from '../../src/core/reference.js';

const D = 'sha256:' + 'a'.repeat(64);

describe('parseReference', () => {
  it.each([
    ['nginx', { registry: 'index.docker.io', repository: 'library/nginx', tag: 'latest' }],
    ['nginx:1.27', { registry: 'index.docker.io', repository: 'library/nginx', tag: '1.27' }],
    [
      'docker.io/bitnami/redis:7',
      { registry: 'index.docker.io', repository: 'bitnami/redis', tag: '7' },
    ],
    ['ghcr.io/acme/app:v1', { registry: 'ghcr.io', repository: 'acme/app', tag: 'v1' }],
    [
      'localhost:5000/team/app',
      { registry: 'localhost:5000', repository: 'team/app', tag: 'latest' },
    ],
    ['127.0.0.1:5000/a/b/c:t', { registry: '127.0.0.1:5000', repository: 'a/b/c', tag: 't' }],
    [`ghcr.io/acme/app@${D}`, { registry: 'ghcr.io', repository: 'acme/app', digest: D }],
    [
      `ghcr.io/acme/app:v1@${D}`,
      { registry: 'ghcr.io', repository: 'acme/app', tag: 'v1', digest: D },
    ],
    ['acme/app', { registry: 'index.docker.io', repository: 'acme/app', tag: 'latest' }],
  ])('parses %s', (input, want) => {
    const ref = parseReference(input);
    expect(ref.kind).toBe('registry');
    expect(ref).toMatchObject(want);
    if (!('digest' in want)) expect(ref).not.toHaveProperty('digest');
  });

  it.each([
    ['', /empty/],
    ['ghcr.io/Acme/app', /component 'Acme'/],
    ['ghcr.io/acme/app:bad tag', /white space/],
    ['ghcr.io/acme/app@sha256:12', /expected 64 hex characters, got 2/],
    ['ghcr.io/acme/app@sha256:' + 'A'.repeat(64), /lower-case hex/],
    ['ghcr.io/acme/app@md5:' + 'a'.repeat(32), /algorithm 'md5'/],
    ['ghcr.io/acme/app@sha256:../../v2/x', /not a digest/],
    ['ghcr.io/acme/app:-x', /tag '-x'/],
    ['ftp://x/y', /unsupported scheme/],
    ['oci-layout://', /no directory/],
  ])('rejects %j naming the input', (input, why) => {
    let err: unknown;
    try {
      parseReference(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GateError);
    expect((err as GateError).code).toBe('REF_INVALID');
    expect((err as GateError).message).toMatch(why);
  });

  it.each([
    ['oci-layout://examples/layout:signed', { dir: 'examples/layout', tag: 'signed' }],
    ['oci-layout:///abs/dir', { dir: '/abs/dir' }],
    [`oci-layout://./x@${D}`, { dir: 'x', digest: D }],
  ])('parses layout reference %s', (input, want) => {
    const ref = parseReference(input);
    expect(ref.kind).toBe('oci-layout');
    expect(ref).toMatchObject(want);
  });

  it('parses s3lo references with the s3lo grammar', () => {
    const ref = parseReference('s3://bucket/team/app:v1');
    expect(ref).toMatchObject({
      kind: 's3lo',
      s3lo: { scheme: 's3', bucket: 'bucket', image: 'team/app', tag: 'v1' },
    });
    expect(pinnedReference(ref, D)).toBe(`s3://bucket/team/app:v1@${D}`);
    expect(() => parseReference('local://./s/../x:t')).toThrow(GateError);
  });

  it('pins to registry/repository@digest', () => {
    expect(pinnedReference(parseReference('nginx:1'), D)).toBe(
      `index.docker.io/library/nginx@${D}`,
    );
    expect(pinnedReference(parseReference(`ghcr.io/a/b:1@${D}`), D)).toBe(`ghcr.io/a/b@${D}`);
  });
});
