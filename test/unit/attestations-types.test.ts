// Predicate-type short names, severities, package rules and the version-range comparer behind
// the deny list: the vocabulary a policy is written in.
import { describe, expect, it } from 'vitest';
import { parsePackageRule } from '../../src/core/attestations/conditions.js';
import {
  parseSeverity,
  PREDICATE_SHORT_NAMES,
  resolvePredicateType,
} from '../../src/core/attestations/types.js';
import { parseVersionRange, versionInRange } from '../../src/core/attestations/version-range.js';
import { GateError } from '../../src/core/errors.js';

describe('resolvePredicateType', () => {
  it.each([
    ['slsaprovenance', 'https://slsa.dev/provenance/v0.2'],
    ['slsaprovenance02', 'https://slsa.dev/provenance/v0.2'],
    ['slsaprovenance1', 'https://slsa.dev/provenance/v1'],
    ['spdx', 'https://spdx.dev/Document'],
    ['spdxjson', 'https://spdx.dev/Document'],
    ['cyclonedx', 'https://cyclonedx.org/bom'],
    ['vuln', 'https://cosign.sigstore.dev/attestation/vuln/v1'],
    ['openvex', 'https://openvex.dev/ns'],
    ['custom', 'https://cosign.sigstore.dev/attestation/v1'],
    ['link', 'https://in-toto.io/Link/v1'],
    ['https://example.com/my-predicate/v1', 'https://example.com/my-predicate/v1'],
    ['  vuln  ', 'https://cosign.sigstore.dev/attestation/vuln/v1'],
  ])('maps %s to %s as cosign does', (name, uri) => {
    expect(resolvePredicateType(name)).toBe(uri);
  });

  it('knows exactly cosign v3 short names', () => {
    expect(Object.keys(PREDICATE_SHORT_NAMES).sort()).toEqual(
      [
        'custom',
        'cyclonedx',
        'link',
        'openvex',
        'slsaprovenance',
        'slsaprovenance02',
        'slsaprovenance1',
        'spdx',
        'spdxjson',
        'vuln',
      ].sort(),
    );
  });

  it.each(['sbom', 'SLSAprovenance', 'cyclonedxxml', '/sbom', 'urn:x', 'https://', ''])(
    'refuses %j with a usage error naming the value and the known names',
    (bad) => {
      try {
        resolvePredicateType(bad, 'attestations line 2');
        expect.unreachable();
      } catch (e: unknown) {
        expect(e).toBeInstanceOf(GateError);
        expect((e as GateError).code).toBe('USAGE');
        expect((e as GateError).message).toContain(`attestations line 2: '${bad}'`);
        expect((e as GateError).message).toContain('slsaprovenance1');
      }
    },
  );
});

describe('parseSeverity', () => {
  it.each([
    ['CRITICAL', 'critical'],
    ['high', 'high'],
    [' Medium ', 'medium'],
    ['low', 'low'],
    ['unknown', 'unknown'],
  ])('reads %j', (s, want) => expect(parseSeverity(s)).toBe(want));
  it('refuses a word that is not a severity', () => {
    expect(() => parseSeverity('severe')).toThrow(/'severe' is not a severity/);
  });
});

describe('parsePackageRule', () => {
  it.each([
    ['log4j-core', { name: 'log4j-core' }],
    ['log4j-core@2.14.1', { name: 'log4j-core', range: '2.14.1' }],
    ['log4j-core@<2.17.0', { name: 'log4j-core', range: '<2.17.0' }],
    ['log4j-core@>=2.0.0 <2.17.0', { name: 'log4j-core', range: '>=2.0.0 <2.17.0' }],
    ['@scope/pkg', { name: '@scope/pkg' }],
    ['@scope/pkg@<1.0.0', { name: '@scope/pkg', range: '<1.0.0' }],
    [
      'org.apache.logging.log4j:log4j-core@<2.17.0',
      { name: 'org.apache.logging.log4j:log4j-core', range: '<2.17.0' },
    ],
  ])('parses %j', (raw, want) => {
    expect(parsePackageRule(raw)).toMatchObject(want);
  });
  it.each([
    ['log4j-core@', /empty version range/],
    ['log4j core', /not name\[@range\]/],
    ['log4j-core@^2.0.0', /not a comparator/],
    ['log4j-core@2.x', /not a comparator/],
    ['log4j-core@<2 ||', /empty alternative/],
  ])('refuses %j', (raw, re) => {
    expect(() => parsePackageRule(raw)).toThrow(re);
  });
});

describe('versionInRange', () => {
  it.each([
    ['2.14.1', '<2.17.0', true],
    ['2.17.0', '<2.17.0', false],
    ['2.17.1', '<2.17.0', false],
    ['2.14.1', '2.14.1', true],
    ['2.14', '2.14.0', true],
    ['2.14.2', '2.14.1', false],
    ['1.9.9', '>=2.0.0 <2.17.0', false],
    ['2.0.0', '>=2.0.0 <2.17.0', true],
    ['2.16.9', '>= 2.0.0 < 2.17.0', true],
    ['2.10.0', '>2.9.0', true],
    ['2.17.0-rc1', '<2.17.0', true],
    ['2.17.0.Final', '>=2.17.0', true],
    ['v1.2.3', '=1.2.3', true],
    ['1:2.4-1', '>=2.3', true],
    ['1.0.0', '<0.5 || >=1.0.0', true],
    ['0.7.0', '<0.5 || >=1.0.0', false],
  ])('%s in %s is %s', (v, r, want) => {
    expect(versionInRange(v, parseVersionRange(r))).toBe(want);
  });
  it('reports an unorderable version as undefined, for the caller to fail closed', () => {
    expect(versionInRange('latest', parseVersionRange('<2.17.0'))).toBeUndefined();
  });
});
