// OpenVEX statements bind to the image through their products' digests: whole digests only,
// of the right algorithm, from the product itself (not its subcomponents).
import { describe, expect, it } from 'vitest';
import { readVexStatements } from '../../src/core/attestations/vuln.js';

const HEX = '3f'.repeat(32);
const SUBJECT = `sha256:${HEX}`;
const OTHER = '7c'.repeat(32);

const applies = (products: unknown, subjects = [SUBJECT]): boolean =>
  readVexStatements(
    { statements: [{ vulnerability: { name: 'CVE-1' }, status: 'not_affected', products }] },
    subjects,
  ).length === 1;

describe('OpenVEX product binding', () => {
  it.each<[string, unknown]>([
    ['an OCI purl with the digest', [{ '@id': `pkg:oci/app@sha256%3A${HEX}?tag=1` }]],
    ['an upper-case digest', [{ '@id': `pkg:oci/app@SHA256%3A${HEX.toUpperCase()}` }]],
    ['an image reference', [{ '@id': `ghcr.io/acme/app@sha256:${HEX}` }]],
    [
      'a purl in identifiers',
      [{ '@id': 'x', identifiers: { purl: `pkg:oci/app@sha256%3A${HEX}` } }],
    ],
    ['the sha-256 hash', [{ '@id': 'app', hashes: { 'sha-256': HEX } }]],
    ['a v0.0.x string product', [`pkg:oci/app@sha256%3A${HEX}`]],
    ['a bare hex run', [{ '@id': `urn:image:${HEX}` }]],
    [
      'one of several products',
      [{ '@id': `pkg:oci/a@sha256%3A${OTHER}` }, { '@id': `pkg:oci/b@sha256%3A${HEX}` }],
    ],
    ['no products', undefined],
    ['products without digests', [{ '@id': 'pkg:oci/app' }, 'pkg:oci/app?tag=v1']],
    [
      'a product without a digest, whose subcomponents have one',
      [{ '@id': 'pkg:oci/app', subcomponents: [{ '@id': `pkg:apk/x@sha256%3A${OTHER}` }] }],
    ],
  ])('applies: %s', (_name, products) => {
    expect(applies(products)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['another digest', [{ '@id': `pkg:oci/app@sha256%3A${OTHER}` }]],
    [
      'a longer hex run that contains the digest',
      [{ '@id': `pkg:oci/app@sha512%3A${HEX}${OTHER}` }],
    ],
    ['a hex run that ends with the digest', [{ '@id': `pkg:oci/app@sha256%3A${OTHER}${HEX}` }]],
    ['the digest inside a longer token', [{ '@id': `pkg:oci/app@sha256%3A${HEX}z` }]],
    ['the digest as another algorithm', [{ '@id': `pkg:oci/app@sha512%3A${HEX}` }]],
    ['a sha-512 hash holding the digest', [{ '@id': 'app', hashes: { 'sha-512': HEX } }]],
    ['a hash of another value', [{ '@id': 'app', hashes: { 'sha-256': OTHER } }]],
    ['a hash that contains the digest', [{ '@id': 'app', hashes: { 'sha-256': `${HEX}00` } }]],
    [
      'the digest only in a subcomponent',
      [
        {
          '@id': `pkg:oci/app@sha256%3A${OTHER}`,
          subcomponents: [{ '@id': `pkg:oci/x@sha256%3A${HEX}` }],
        },
      ],
    ],
    [
      'the digest only in a field that names no product',
      [{ '@id': `pkg:oci/app@sha256%3A${OTHER}`, note: HEX }],
    ],
  ])('does not apply: %s', (_name, products) => {
    expect(applies(products)).toBe(false);
  });

  it('matches a subject of another algorithm only by that algorithm', () => {
    const h384 = 'ab'.repeat(48);
    expect(applies([{ '@id': `x@sha384:${h384}` }], [`sha384:${h384}`])).toBe(true);
    expect(applies([{ '@id': `x@sha256:${HEX}` }], [`sha384:${HEX}`])).toBe(false);
  });

  it('never applies a digest-bound statement to a subject that is not a digest', () => {
    expect(applies([{ '@id': `pkg:oci/app@sha256%3A${HEX}` }], [HEX])).toBe(false);
  });
});
