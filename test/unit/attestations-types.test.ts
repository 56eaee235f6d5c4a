// Predicate-type short names, severities, package rules and the version-range comparer behind
// the deny list: the vocabulary a policy is written in.
import { describe, expect, it } from 'vitest';
import { parsePackageRule } from '../../src/core/attestations/package-rule.js';
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
    ['  log4j-core  ', { raw: 'log4j-core', name: 'log4j-core' }],
    ['log4j-core@2.14.1', { name: 'log4j-core', range: '2.14.1' }],
    ['log4j-core@<2.17.0', { name: 'log4j-core', range: '<2.17.0' }],
    ['log4j-core@>=2.0.0 <2.17.0', { name: 'log4j-core', range: '>=2.0.0 <2.17.0' }],
    ['@scope/pkg', { name: 'pkg', namespace: '@scope' }],
    ['@scope/pkg@<1.0.0', { name: 'pkg', namespace: '@scope', range: '<1.0.0' }],
    [
      'org.apache.logging.log4j:log4j-core@<2.17.0',
      { name: 'log4j-core', namespace: 'org.apache.logging.log4j', range: '<2.17.0' },
    ],
    [
      'github.com/golang/protobuf@<1.5.0',
      { name: 'protobuf', namespace: 'github.com/golang', range: '<1.5.0' },
    ],
    [
      'pkg:maven/org.apache.logging.log4j/log4j-core@<2.17.0',
      {
        type: 'maven',
        namespace: 'org.apache.logging.log4j',
        name: 'log4j-core',
        range: '<2.17.0',
      },
    ],
    [
      'PKG:Maven/org.apache.logging.log4j/log4j-core',
      { type: 'maven', namespace: 'org.apache.logging.log4j', name: 'log4j-core' },
    ],
    [
      'pkg://maven/org.apache.logging.log4j/log4j-core@%3C2.17.0',
      {
        type: 'maven',
        namespace: 'org.apache.logging.log4j',
        name: 'log4j-core',
        range: '<2.17.0',
      },
    ],
    [
      'pkg:maven/org.apache.logging.log4j/log4j-core@>=2.0.0 <2.17.0?type=jar#sub',
      { namespace: 'org.apache.logging.log4j', name: 'log4j-core', range: '>=2.0.0 <2.17.0' },
    ],
    ['pkg:npm/%40angular/core@<11.0.5', { type: 'npm', namespace: '@angular', name: 'core' }],
    ['pkg:npm/@angular/core', { type: 'npm', namespace: '@angular', name: 'core' }],
    ['pkg:npm/lodash@<4.17.21', { type: 'npm', name: 'lodash', range: '<4.17.21' }],
    ['pkg:pypi/Django@<4.2', { type: 'pypi', name: 'Django', range: '<4.2' }],
  ])('parses %j', (raw, want) => {
    const r = parsePackageRule(raw);
    expect(r).toMatchObject(want);
    if (!('namespace' in want)) expect(r.namespace).toBeUndefined();
  });
  it.each([
    ['log4j-core@', /empty version range/],
    ['log4j core', /not name\[@range\], group:name\[@range\] or pkg:type/],
    ['', /is empty/],
    ['   ', /is empty/],
    ['log4j-core@^2.0.0', /not a comparator/],
    ['log4j-core@2.x', /not a comparator/],
    // Comma-separated (pip, npm-ish) and Maven ranges are not ours: refused, not half-read (r1).
    ['log4j-core@>=2.0.0,<2.17.0', /'>=2\.0\.0,<2\.17\.0' is not a comparator/],
    ['log4j-core@[2.0,2.17)', /not a comparator/],
    ['log4j-core@<2.17.0;', /not a comparator/],
    ['log4j-core@2.1x', /not a comparator/],
    ['log4j-core@<2 ||', /empty alternative/],
    ['org.apache.logging.log4j:log4j-core:2.14.1', /more than one ':'.*group:artifact@version/],
    [':log4j-core', /is not name\[@range\]/],
    ['org.apache.logging.log4j:', /is not name\[@range\]/],
    ['@scope/', /is not name\[@range\]/],
    ['a//b', /is not name\[@range\]/],
    ['log4j-core\u0000', /control character/],
    ['log4j-core\u001b[31m', /control character/],
    ['pkg:maven', /not a package URL: no name after the type|not a package URL/],
    ['pkg:maven/', /not a package URL/],
    ['pkg:9maven/g/n', /not a package URL: type '9maven' is not valid/],
    [
      'pkg:maven/g/log4j%ZZcore',
      /not a package URL: name 'log4j%ZZcore' has broken percent-encoding/,
    ],
    ['pkg:maven/g/n@', /empty version range/],
    ['pkg:maven/g/n@^2', /not a comparator/],
    ['pkg:maven/g/log4j core', /white space/],
    ['purl:maven/g/n', /is not name\[@range\]/],
  ])('refuses %j as a usage error naming it', (raw, re) => {
    let err: unknown;
    try {
      parsePackageRule(raw, 'deny-packages');
    } catch (e: unknown) {
      err = e;
    }
    expect(err).toBeInstanceOf(GateError);
    expect((err as GateError).code).toBe('USAGE');
    expect((err as GateError).message).toMatch(re);
    const shown = raw.replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u001f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    expect((err as GateError).message).toContain(`deny-packages: '${shown}'`);
    // eslint-disable-next-line no-control-regex
    expect((err as GateError).message).not.toMatch(/[\u0000-\u001f]/);
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
    // Maven spellings
    ['2.17.0.Final', '2.17.0', true],
    ['2.17.0.RELEASE', '<2.17.0', false],
    ['2.17.0-GA', '=2.17.0', true],
    ['2.17.0-rc1', '>=2.17.0-beta9', true],
    ['2.17.0-rc9', '<2.17.0-rc10', true],
    ['2.17.0-rc.1', '=2.17.0-rc1', true],
    ['2.17.0-SNAPSHOT', '<2.17.0', true],
    ['2.0-beta9', '>=2.0-beta9 <2.17.0', true],
    ['2.0-alpha1', '>=2.0-beta9 <2.17.0', false],
    ['2.14.1', '>=2.0-beta9 <2.17.0', true],
    ['2.15.0', '<2.15.0 || >=2.16.0 <2.17.0', false],
    ['2.12.2', '<2.12.2', false],
    ['2.3.1', '>=2.0-beta9 <2.3.2', true],
    // Spellings that must not make a version unequal to itself
    ['2.14.1\u200b', '=2.14.1', true],
    ['\ufeff2.14.1', '2.14.1', true],
    ['２.１４.１', '2.14.1', true],
    [' V2.14.1 ', '2.14.1', true],
    // Letters in the release: a pre-release (PEP 440) or a later letter release (OpenSSL)
    ['3.1rc1', '<3.2.0', true],
    ['3.2rc1', '<3.2.0', true],
    ['3.2.1rc1', '<3.2.0', false],
    ['1.1.1k', '<1.1.2', true],
    ['1.1.1k', '<1.1.1l', true],
    ['1.1.1', '<1.1.1l', true],
    ['1.1.1w', '>=1.1.1 <1.1.1l', false],
    ['1.1.1k', '=1.1.1k', true],
    ['2.14.1~rc1', '<2.14.1', true],
    ['5.6.0-0.2', '>=5.6.0-0 <=5.6.1', true],
    // A distro package's revision (`-` then a digit) is also the release it packages: Debian's
    // and Fedora's builds of the backdoored xz 5.6.0/5.6.1 under the rule written without `-0`.
    ['5.6.0-0.2', '>=5.6.0 <=5.6.1', true],
    ['5.6.0-1.fc40', '>=5.6.0 <=5.6.1', true],
    ['5.6.1-1', '5.6.1', true],
    ['5.6.1-1', '>=5.6.0 <=5.6.1', true],
    ['5.6.2-1', '>=5.6.0 <=5.6.1', false],
    ['5.4.5-0.3', '>=5.6.0 <=5.6.1', false],
    ['2.17.0-1', '<2.17.0', true],
    ['2.17.0-1', '>=2.17.0', true],
    ['2.17.0-rc1', '>=2.17.0', false],
    ['2.17.0~1', '=2.17.0', false],
  ])('%s in %s is %s', (v, r, want) => {
    expect(versionInRange(v, parseVersionRange(r))).toBe(want);
  });
  it('reports an unorderable version as undefined, for the caller to fail closed', () => {
    expect(versionInRange('latest', parseVersionRange('<2.17.0'))).toBeUndefined();
    // Junk inside a version would otherwise compare as a word, above every number.
    for (const v of ['2 .14.1', '2.14,1', '2.14.1!', '2.14/1'])
      expect(versionInRange(v, parseVersionRange('<2.17.0')), v).toBeUndefined();
  });
});
