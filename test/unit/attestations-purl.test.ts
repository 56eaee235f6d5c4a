// SBOM deny rules by every identity an SBOM gives a package: purls (CycloneDX `purl`, SPDX 2
// `externalRefs`, SPDX 3 `packageUrl`), Maven group:name, npm scopes, and plain names, in the
// documents syft and trivy write (CycloneDX 1.5, SPDX 2.3 JSON and tag-value, SPDX 3 JSON-LD).
import { describe, expect, it } from 'vitest';
import { checkDeniedPackages } from '../../src/core/attestations/package-conditions.js';
import { parsePackageRule } from '../../src/core/attestations/package-rule.js';
import { formatPurl, parsePurl, PurlError } from '../../src/core/attestations/purl.js';
import { sbomPackages } from '../../src/core/attestations/sbom.js';
import { PREDICATE } from '../../src/core/attestations/types.js';
import type { InTotoStatement } from '../../src/core/signatures/statement.js';
import { inTotoStatement } from '../helpers/predicates.js';

const IMAGE = 'd'.repeat(64);

const statement = (predicateType: string, predicate: unknown): InTotoStatement =>
  inTotoStatement(IMAGE, predicateType, predicate, 'ghcr.io/acme/app');

/** A CycloneDX 1.5 BOM as syft 1.x writes it for a container image. */
function cyclonedx(components: Array<Record<string, unknown>>): InTotoStatement {
  return statement(PREDICATE.cyclonedx, {
    $schema: 'http://cyclonedx.org/schema/bom-1.5.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: 'urn:uuid:6f1c7e4e-4b0a-4f43-9d68-5c3a8e0b9a11',
    version: 1,
    metadata: {
      timestamp: '2026-02-28T10:00:00Z',
      tools: {
        components: [{ type: 'application', author: 'anchore', name: 'syft', version: '1.4.1' }],
      },
      component: {
        'bom-ref': 'a1b2c3',
        type: 'container',
        name: 'ghcr.io/acme/app',
        version: `sha256:${IMAGE}`,
      },
    },
    components: components.map((c, i) => ({
      'bom-ref': `ref-${i}`,
      type: 'library',
      licenses: [{ license: { id: 'Apache-2.0' } }],
      properties: [{ name: 'syft:package:type', value: 'java-archive' }],
      ...c,
    })),
  });
}

/** An SPDX 2.3 JSON document as syft writes it (`cosign attest --type spdxjson`). */
function spdx(
  packages: Array<Record<string, unknown>>,
  purlCategory = 'PACKAGE-MANAGER',
): InTotoStatement {
  return statement(PREDICATE.spdx, {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'ghcr.io/acme/app',
    documentNamespace: 'https://anchore.com/syft/image/ghcr.io/acme/app-5d7c1f0e',
    creationInfo: {
      licenseListVersion: '3.23',
      creators: ['Organization: Anchore, Inc', 'Tool: syft-1.4.1'],
      created: '2026-02-28T10:00:00Z',
    },
    packages: packages.map((p, i) => {
      const { purl, ...rest } = p;
      return {
        SPDXID: `SPDXRef-Package-java-archive-${i}`,
        supplier: 'NOASSERTION',
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'Apache-2.0',
        copyrightText: 'NOASSERTION',
        externalRefs: [
          {
            referenceCategory: 'SECURITY',
            referenceType: 'cpe23Type',
            referenceLocator: 'cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*',
          },
          ...(purl !== undefined
            ? [{ referenceCategory: purlCategory, referenceType: 'purl', referenceLocator: purl }]
            : []),
        ],
        ...rest,
      };
    }),
    relationships: [
      {
        spdxElementId: 'SPDXRef-DOCUMENT',
        relationshipType: 'DESCRIBES',
        relatedSpdxElement: 'SPDXRef-Package-java-archive-0',
      },
    ],
  });
}

/** SPDX 2.3 tag-value (`cosign attest --type spdx` stores the text). */
function spdxTagValue(pkg: { name: string; version?: string; purl?: string }): InTotoStatement {
  return statement(
    PREDICATE.spdx,
    [
      'SPDXVersion: SPDX-2.3',
      'DataLicense: CC0-1.0',
      'SPDXID: SPDXRef-DOCUMENT',
      'DocumentName: ghcr.io/acme/app',
      'Creator: Tool: trivy-0.50.0',
      '',
      '##### Package: ' + pkg.name,
      '',
      `PackageName: ${pkg.name}`,
      'SPDXID: SPDXRef-Package-1',
      ...(pkg.version ? [`PackageVersion: ${pkg.version}`] : []),
      'PackageDownloadLocation: NOASSERTION',
      'ExternalRef: SECURITY cpe23Type cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*',
      ...(pkg.purl ? [`ExternalRef: PACKAGE-MANAGER purl ${pkg.purl}`] : []),
      '',
    ].join('\n'),
  );
}

/** SPDX 3.0.1 JSON-LD. */
function spdx3(pkg: Record<string, unknown>): InTotoStatement {
  return statement(PREDICATE.spdx, {
    '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
    '@graph': [
      {
        type: 'CreationInfo',
        '@id': '_:creationinfo',
        specVersion: '3.0.1',
        created: '2026-02-28T10:00:00Z',
      },
      { type: 'SpdxDocument', spdxId: 'urn:spdx.dev:doc', creationInfo: '_:creationinfo' },
      {
        type: 'software_Package',
        spdxId: 'urn:spdx.dev:pkg-1',
        creationInfo: '_:creationinfo',
        ...pkg,
      },
    ],
  });
}

const LOG4J_PURL = 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1';
const RULES = {
  group: 'org.apache.logging.log4j:log4j-core@<2.17.0',
  purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@<2.17.0',
  plain: 'log4j-core@<2.17.0',
} as const;
type Form = keyof typeof RULES;
const ALL: Form[] = ['group', 'purl', 'plain'];

describe('parsePurl (purl-spec how-to-parse)', () => {
  it.each([
    [
      'pkg:maven/org.apache.commons/io@1.3.4',
      { type: 'maven', namespace: 'org.apache.commons', name: 'io', version: '1.3.4' },
    ],
    [
      'pkg:npm/%40angular/animation@12.3.1',
      { type: 'npm', namespace: '@angular', name: 'animation' },
    ],
    ['pkg:npm/@angular/animation', { type: 'npm', namespace: '@angular', name: 'animation' }],
    [
      'pkg:golang/google.golang.org/genproto#googleapis/api/annotations',
      { namespace: 'google.golang.org', name: 'genproto', subpath: 'googleapis/api/annotations' },
    ],
    [
      'pkg:golang/github.com/golang/protobuf@v1.4.3',
      { namespace: 'github.com/golang', name: 'protobuf', version: 'v1.4.3' },
    ],
    [
      'pkg:docker/customer/dockerimage@sha256%3A244fd47e07d10?repository_url=gcr.io',
      { version: 'sha256:244fd47e07d10', qualifiers: { repository_url: 'gcr.io' } },
    ],
    [
      'pkg:GITHUB/package-url/purl-spec@244fd47e07d1004#everybody/loves/dogs',
      { type: 'github', name: 'purl-spec', subpath: 'everybody/loves/dogs' },
    ],
    [
      'pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie',
      { version: '7.50.3-1', qualifiers: { arch: 'i386', distro: 'jessie' } },
    ],
    [
      'pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?Classifier=sources&repository_url=repo.spring.io%2Frelease',
      { qualifiers: { classifier: 'sources', repository_url: 'repo.spring.io/release' } },
    ],
    ['pkg://maven/org.apache/name/', { type: 'maven', namespace: 'org.apache', name: 'name' }],
    ['PKG:maven//org.apache//name', { namespace: 'org.apache', name: 'name' }],
    ['pkg:generic/x#/../a/./b/', { name: 'x', subpath: 'a/b' }],
    ['pkg:maven/g/log4j%2Dcore@2.14.1?type=', { name: 'log4j-core', qualifiers: {} }],
  ])('reads %s', (text, want) => {
    expect(parsePurl(text)).toMatchObject(want);
  });

  it.each([
    ['maven/org.apache/name', /scheme is not 'pkg:'/],
    ['http://maven/org.apache/name', /scheme is not 'pkg:'/],
    ['pkg:', /no type/],
    ['pkg:maven', /no name after the type/],
    ['pkg:maven/', /no name after the type/],
    ['pkg:ma ven/a/b', /type 'ma ven' is not valid/],
    ['pkg:1maven/a/b', /type '1maven' is not valid/],
    ['pkg:maven/a/%E0%A4%A', /name '%E0%A4%A' has broken percent-encoding/],
    ['pkg:maven/a%zz/b', /namespace 'a%zz' has broken percent-encoding/],
    ['pkg:maven/a/b@1%', /version '1%' has broken percent-encoding/],
    ['pkg:maven/a/b?k%y=v', /qualifier key 'k%y' is not valid/],
  ])('refuses %s', (text, re) => {
    expect(() => parsePurl(text)).toThrow(PurlError);
    expect(() => parsePurl(text)).toThrow(re);
  });

  it('formats the identity back without qualifiers', () => {
    expect(formatPurl(parsePurl('pkg:npm/%40angular/core@11.0.4?x=1#y'))).toBe(
      'pkg:npm/%40angular/core@11.0.4',
    );
    expect(formatPurl(parsePurl(`${LOG4J_PURL}?type=jar`))).toBe(LOG4J_PURL);
  });
});

describe('sbomPackages reads every identity', () => {
  it('CycloneDX: name, group, version and purl, nested and in metadata.component', () => {
    const s = cyclonedx([
      {
        name: 'app',
        components: [{ purl: LOG4J_PURL }],
      },
    ]);
    const pkgs = sbomPackages(s.predicateType, s.predicate);
    expect(pkgs.map((p) => p.name).sort()).toEqual(['app', 'ghcr.io/acme/app', 'log4j-core']);
    expect(pkgs.find((p) => p.name === 'log4j-core')?.purls?.[0]).toMatchObject({
      namespace: 'org.apache.logging.log4j',
      version: '2.14.1',
    });
  });

  it('SPDX 2.3: purl externalRefs, whatever the category spelling', () => {
    for (const cat of ['PACKAGE-MANAGER', 'PACKAGE_MANAGER', 'package-manager']) {
      const s = spdx([{ name: 'log4j-core', versionInfo: '2.14.1', purl: LOG4J_PURL }], cat);
      const [p] = sbomPackages(s.predicateType, s.predicate);
      expect(p.purls?.map(formatPurl)).toEqual([LOG4J_PURL]);
    }
  });

  it('ignores other external refs (cpe23Type) rather than parsing them as purls', () => {
    const s = spdx([{ name: 'log4j-core', versionInfo: '2.14.1' }]);
    expect(sbomPackages(s.predicateType, s.predicate)[0].purls).toBeUndefined();
  });
});

describe('checkDeniedPackages: Maven coordinates and purls', () => {
  const cases: Array<[name: string, sbom: InTotoStatement, denied: Form[], text?: RegExp]> = [
    [
      'SPDX 2.3 listing log4j-core 2.14.1 with the group only in its purl (issue 10 item 8)',
      spdx([{ name: 'log4j-core', versionInfo: '2.14.1', purl: LOG4J_PURL }]),
      ALL,
      /banned package log4j-core@2\.14\.1 \(rule .*purl pkg:maven\/org\.apache\.logging\.log4j\/log4j-core@2\.14\.1\)/,
    ],
    [
      'CycloneDX component with the purl but no group (issue 10 item 8)',
      cyclonedx([{ name: 'log4j-core', version: '2.14.1', purl: LOG4J_PURL }]),
      ALL,
    ],
    [
      'CycloneDX component with group and no purl',
      cyclonedx([{ group: 'org.apache.logging.log4j', name: 'log4j-core', version: '2.14.1' }]),
      ALL,
    ],
    [
      'a component named otherwise than its purl: the purl name counts too',
      cyclonedx([{ name: 'app-logging', version: '2.14.1', purl: LOG4J_PURL }]),
      ALL,
      /app-logging@2\.14\.1 \(rule .*, purl pkg:maven\/org\.apache\.logging\.log4j\/log4j-core/,
    ],
    [
      'a component named log4j-core with a purl for another artifact of the group: the name counts',
      cyclonedx([
        {
          name: 'log4j-core',
          version: '2.14.1',
          purl: 'pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1',
        },
      ]),
      ALL,
    ],
    [
      'a component with only a purl, nested two deep, no name at all',
      cyclonedx([{ name: 'app', components: [{ components: [{ purl: LOG4J_PURL }] }] }]),
      ALL,
    ],
    [
      'case differences in type, namespace, name',
      cyclonedx([
        {
          name: 'LOG4J-CORE',
          version: '2.14.1',
          purl: 'pkg:MAVEN/Org.Apache.Logging.Log4j/Log4J-Core@2.14.1',
        },
      ]),
      ALL,
    ],
    [
      'a percent-encoded purl name',
      cyclonedx([
        {
          name: 'x',
          version: '2.14.1',
          purl: 'pkg:maven/org%2Eapache.logging.log4j/log4j%2Dcore@2.14.1',
        },
      ]),
      ALL,
    ],
    [
      'Unicode compatibility forms of the name (fullwidth letters)',
      cyclonedx([
        { group: 'org.apache.logging.log4j', name: 'ｌｏｇ４ｊ-core', version: '2.14.1' },
      ]),
      ALL,
    ],
    [
      'invisible characters inside the name (zero-width space, soft hyphen)',
      cyclonedx([
        { group: 'org.apache.logging.log4j', name: 'log4j\u200b-co\u00adre', version: '2.14.1' },
      ]),
      ALL,
    ],
    [
      'an SPDX 2 document that also carries an SPDX 3 @graph: both are read',
      statement(PREDICATE.spdx, {
        ...(spdx([{ name: 'openssl', versionInfo: '3.0.11' }]).predicate as object),
        '@graph': [{ type: 'software_Package', name: 'x', software_packageUrl: LOG4J_PURL }],
      }),
      ALL,
    ],
    [
      'the version only in the purl, with qualifiers and a subpath after it',
      cyclonedx([
        { name: 'log4j-core', purl: `${LOG4J_PURL}?type=jar&classifier=sources#META-INF` },
      ]),
      ALL,
      /log4j-core@2\.14\.1/,
    ],
    [
      'a fixed version declared, the vulnerable one in the purl: either counts',
      cyclonedx([{ name: 'log4j-core', version: '2.17.1', purl: LOG4J_PURL }]),
      ALL,
      /log4j-core@2\.14\.1 \(.*listed as version 2\.17\.1/,
    ],
    [
      'a Maven release candidate before the fix',
      spdx([
        {
          name: 'log4j-core',
          versionInfo: '2.17.0-rc1',
          purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.17.0-rc1',
        },
      ]),
      ALL,
    ],
    [
      'pkg:// with slashes after the scheme',
      spdx([
        {
          name: 'log4j-core',
          versionInfo: '2.14.1',
          purl: 'pkg://maven/org.apache.logging.log4j/log4j-core@2.14.1',
        },
      ]),
      ALL,
    ],
    [
      'SPDX 2.2 spelling PACKAGE_MANAGER',
      spdx([{ name: 'core', versionInfo: '2.14.1', purl: LOG4J_PURL }], 'PACKAGE_MANAGER'),
      ALL,
    ],
    [
      'SPDX tag-value with the purl in an ExternalRef line, named otherwise',
      spdxTagValue({ name: 'app.jar', version: '2.14.1', purl: LOG4J_PURL }),
      ALL,
    ],
    [
      'SPDX declared name written as Maven coordinates',
      spdx([{ name: 'org.apache.logging.log4j:log4j-core', versionInfo: '2.14.1' }]),
      ALL,
    ],
    [
      'SPDX 3.0 JSON-LD software_Package with packageUrl',
      spdx3({
        name: 'log4j-core',
        software_packageVersion: '2.14.1',
        software_packageUrl: LOG4J_PURL,
      }),
      ALL,
    ],
    [
      'SPDX 3.0 JSON-LD with the purl only as an external identifier',
      spdx3({
        name: 'jar',
        externalIdentifier: [
          {
            type: 'ExternalIdentifier',
            externalIdentifierType: 'packageUrl',
            identifier: LOG4J_PURL,
          },
        ],
      }),
      ALL,
    ],
    [
      'no group and no purl: nothing says which group, so a grouped rule matches by name',
      cyclonedx([{ name: 'log4j-core', version: '2.14.1' }]),
      ALL,
      /the SBOM names no group or purl for it/,
    ],
    // Not banned
    [
      'the fixed version',
      cyclonedx([
        {
          name: 'log4j-core',
          version: '2.17.1',
          purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1',
        },
      ]),
      [],
    ],
    [
      'the fix spelled 2.17.0.Final',
      cyclonedx([
        { group: 'org.apache.logging.log4j', name: 'log4j-core', version: '2.17.0.Final' },
      ]),
      [],
    ],
    [
      'another artifact of the group',
      spdx([
        {
          name: 'log4j-api',
          versionInfo: '2.14.1',
          purl: 'pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1',
        },
      ]),
      [],
    ],
    [
      'the same artifact id in another group: only the plain name rule bans it',
      cyclonedx([
        {
          group: 'org.example.fork',
          name: 'log4j-core',
          version: '2.14.1',
          purl: 'pkg:maven/org.example.fork/log4j-core@2.14.1',
        },
      ]),
      ['plain'],
    ],
    [
      'an npm package of that name, whose purl says it has no namespace',
      cyclonedx([{ name: 'log4j-core', version: '2.14.1', purl: 'pkg:npm/log4j-core@2.14.1' }]),
      ['plain'],
    ],
    [
      'a longer name with the banned one as prefix',
      cyclonedx([
        {
          name: 'log4j-core-shim',
          version: '1.0',
          purl: 'pkg:maven/org.apache.logging.log4j/log4j-core-shim@1.0',
        },
      ]),
      [],
    ],
  ];

  for (const form of ALL) {
    it.each(cases)(`%s (rule ${RULES[form]})`, (_name, sbom, denied, text) => {
      const r = checkDeniedPackages(sbom, [parsePackageRule(RULES[form])]);
      expect(r.ok).toBe(!denied.includes(form));
      if (!r.ok && text && form === 'purl') expect(r.reason).toMatch(text);
      if (!r.ok) expect(r.reason).toMatch(/^SBOM contains banned package /);
    });
  }

  it('an SBOM whose purl does not parse is unreadable, naming the purl', () => {
    const r = checkDeniedPackages(
      cyclonedx([
        { name: 'x', version: '1', purl: 'pkg:maven/org.apache.logging.log4j/log4j%E0core@2.14.1' },
      ]),
      [parsePackageRule(RULES.purl)],
    );
    expect(r).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^SBOM unreadable: SBOM package 'x' has purl 'pkg:maven\/org\.apache\.logging\.log4j\/log4j%E0core@2\.14\.1' that does not parse: name .* broken percent-encoding$/,
      ),
    });
  });

  it.each([
    [
      'a purl without the pkg: scheme',
      spdx([
        { name: 'x', versionInfo: '1', purl: 'maven/org.apache.logging.log4j/log4j-core@2.14.1' },
      ]),
      /scheme is not 'pkg:'/,
    ],
    [
      'a purl that is not a string',
      cyclonedx([{ name: 'x', purl: 42 }]),
      /has a purl that is not a string/,
    ],
    [
      'a tag-value purl with no name',
      spdxTagValue({ name: 'x', purl: 'pkg:maven' }),
      /no name after the type/,
    ],
  ])('%s makes the SBOM unreadable', (_n, sbom, re) => {
    const r = checkDeniedPackages(sbom, [parsePackageRule(RULES.plain)]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(re);
  });
});

describe('checkDeniedPackages: npm scopes, PyPI names, Go modules', () => {
  const cases: Array<[name: string, sbom: InTotoStatement, rule: string, denied: boolean]> = [
    [
      'npm scope in purl, rule as purl',
      cyclonedx([
        {
          group: '@angular',
          name: 'core',
          version: '11.0.4',
          purl: 'pkg:npm/%40angular/core@11.0.4',
        },
      ]),
      'pkg:npm/%40angular/core@<11.0.5',
      true,
    ],
    [
      'npm scope in purl, rule as @scope/name',
      cyclonedx([{ name: 'core', version: '11.0.4', purl: 'pkg:npm/%40angular/core@11.0.4' }]),
      '@angular/core@<11.0.5',
      true,
    ],
    [
      'npm group written without its @',
      cyclonedx([{ group: 'angular', name: 'core', version: '11.0.4' }]),
      'pkg:npm/@angular/core@<11.0.5',
      true,
    ],
    [
      'SPDX npm name @scope/name, no purl',
      spdx([{ name: '@angular/core', versionInfo: '11.0.4' }]),
      'pkg:npm/%40angular/core@<11.0.5',
      true,
    ],
    [
      'another scope',
      cyclonedx([
        {
          group: '@angularx',
          name: 'core',
          version: '11.0.4',
          purl: 'pkg:npm/%40angularx/core@11.0.4',
        },
      ]),
      '@angular/core',
      false,
    ],
    [
      'fixed npm version',
      cyclonedx([
        {
          group: '@angular',
          name: 'core',
          version: '11.0.5',
          purl: 'pkg:npm/%40angular/core@11.0.5',
        },
      ]),
      '@angular/core@<11.0.5',
      false,
    ],
    [
      'PyPI name normalisation (PEP 503)',
      cyclonedx([
        { name: 'typing_extensions', version: '4.0.0', purl: 'pkg:pypi/typing-extensions@4.0.0' },
      ]),
      'pkg:pypi/Typing.Extensions@<4.1',
      true,
    ],
    [
      'PyPI name case',
      spdx([{ name: 'Django', versionInfo: '4.1', purl: 'pkg:pypi/django@4.1' }]),
      'pkg:pypi/DJANGO@<4.2',
      true,
    ],
    [
      'Go module by path, v-prefixed version',
      cyclonedx([
        {
          name: 'github.com/golang/protobuf',
          version: 'v1.4.3',
          purl: 'pkg:golang/github.com/golang/protobuf@v1.4.3',
        },
      ]),
      'github.com/golang/protobuf@<1.5.0',
      true,
    ],
    [
      'Go module by purl rule',
      cyclonedx([
        {
          name: 'github.com/golang/protobuf',
          version: 'v1.4.3',
          purl: 'pkg:golang/github.com/golang/protobuf@v1.4.3',
        },
      ]),
      'pkg:golang/github.com/golang/protobuf@<1.5.0',
      true,
    ],
    [
      'Go module at a fixed version',
      cyclonedx([
        {
          name: 'github.com/golang/protobuf',
          version: 'v1.5.2',
          purl: 'pkg:golang/github.com/golang/protobuf@v1.5.2',
        },
      ]),
      'github.com/golang/protobuf@<1.5.0',
      false,
    ],
    [
      'Debian package, plain name',
      spdx([
        {
          name: 'xz-utils',
          versionInfo: '5.6.0-0.2',
          purl: 'pkg:deb/debian/xz-utils@5.6.0-0.2?arch=amd64&distro=debian-12',
        },
      ]),
      'xz-utils@>=5.6.0-0 <=5.6.1',
      true,
    ],
  ];
  it.each(cases)('%s', (_name, sbom, rule, denied) => {
    const r = checkDeniedPackages(sbom, [parsePackageRule(rule)]);
    expect(r.ok).toBe(!denied);
  });
});

describe('checkDeniedPackages: evasions by spelling and placement (review r1, issue 10 item 8)', () => {
  const cases: Array<[name: string, sbom: InTotoStatement, rule: string, denied: boolean]> = [
    [
      'PyPI pre-release 3.1rc1 is below 3.2.0',
      cyclonedx([{ name: 'django', version: '3.1rc1', purl: 'pkg:pypi/django@3.1rc1' }]),
      'django@<3.2.0',
      true,
    ],
    [
      'PyPI pre-release 3.2rc1 is below 3.2.0',
      cyclonedx([{ name: 'django', version: '3.2rc1' }]),
      'django@<3.2.0',
      true,
    ],
    [
      'PyPI 3.2.1rc1 is above 3.2.0 either way',
      cyclonedx([{ name: 'django', version: '3.2.1rc1' }]),
      'django@<3.2.0',
      false,
    ],
    [
      'OpenSSL letter release 1.1.1k is below 1.1.2',
      spdx([{ name: 'openssl', versionInfo: '1.1.1k', purl: 'pkg:deb/debian/openssl@1.1.1k' }]),
      'openssl@<1.1.2',
      true,
    ],
    [
      'OpenSSL 1.1.1 is below 1.1.1l',
      spdx([{ name: 'openssl', versionInfo: '1.1.1' }]),
      'openssl@<1.1.1l',
      true,
    ],
    [
      'OpenSSL 1.1.1w is outside >=1.1.1 <1.1.1l',
      spdx([{ name: 'openssl', versionInfo: '1.1.1w' }]),
      'openssl@>=1.1.1 <1.1.1l',
      false,
    ],
    [
      'a space inside the version cannot lift it out of the range',
      cyclonedx([{ name: 'log4j-core', version: '2 .14.1' }]),
      RULES.plain,
      true,
    ],
    [
      'punctuation inside the version cannot lift it out of the range',
      cyclonedx([{ name: 'log4j-core', version: '2.14,1' }]),
      RULES.plain,
      true,
    ],
    [
      'SPDX 3 package whose JSON-LD type is a list',
      statement(PREDICATE.spdx, {
        '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
        '@graph': [
          { type: ['software_Package'], name: 'log4j-core', software_packageVersion: '2.14.1' },
        ],
      }),
      RULES.plain,
      true,
    ],
    [
      'SPDX 3 package written inline in the document element list',
      statement(PREDICATE.spdx, {
        '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
        '@graph': [
          {
            type: 'SpdxDocument',
            element: [{ type: 'software_Package', name: 'x', software_packageUrl: LOG4J_PURL }],
          },
        ],
      }),
      RULES.group,
      true,
    ],
    [
      'SPDX 3 package inline as a relationship target',
      statement(PREDICATE.spdx, {
        '@graph': [
          {
            type: 'Relationship',
            relationshipType: 'contains',
            from: 'urn:spdx.dev:doc',
            to: [{ '@type': 'software_Package', name: 'log4j-core', packageVersion: '2.14.1' }],
          },
        ],
      }),
      RULES.plain,
      true,
    ],
    [
      'CycloneDX components beside an empty legacy Data wrapper',
      statement(PREDICATE.cyclonedx, {
        Data: { bomFormat: 'CycloneDX', components: [] },
        components: [{ name: 'log4j-core', version: '2.14.1' }],
      }),
      RULES.plain,
      true,
    ],
  ];
  it.each(cases)('%s', (_name, sbom, rule, denied) => {
    const r = checkDeniedPackages(sbom, [parsePackageRule(rule)]);
    expect(r.ok).toBe(!denied);
  });

  it('a Data wrapper with other keys beside it is not an SBOM we read through', () => {
    const r = checkDeniedPackages(
      statement(PREDICATE.cyclonedx, {
        Data: { bomFormat: 'CycloneDX', components: [{ name: 'log4j-core', version: '2.14.1' }] },
        note: 'x',
      }),
      [parsePackageRule(RULES.plain)],
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(/SBOM unreadable/);
  });

  it('the legacy {Data, Timestamp} wrapper is still read', () => {
    const r = checkDeniedPackages(
      statement(PREDICATE.cyclonedx, {
        Data: { bomFormat: 'CycloneDX', components: [{ name: 'log4j-core', version: '2.14.1' }] },
        Timestamp: '2026-02-28T10:00:00Z',
      }),
      [parsePackageRule(RULES.plain)],
    );
    expect(r.ok ? '' : r.reason).toMatch(/log4j-core@2\.14\.1/);
  });
});

describe('SPDX tag-value <text> values and repeated tags (review r1, issue 10 item 8)', () => {
  const tv = (...lines: string[]): InTotoStatement =>
    statement(
      PREDICATE.spdx,
      ['SPDXVersion: SPDX-2.3', 'DataLicense: CC0-1.0', ...lines].join('\n'),
    );
  const check = (sbom: InTotoStatement): ReturnType<typeof checkDeniedPackages> =>
    checkDeniedPackages(sbom, [parsePackageRule(RULES.plain)]);

  it.each([
    [
      'a name in <text> on one line',
      tv('PackageName: <text>log4j-core</text>', 'PackageVersion: 2.14.1'),
    ],
    [
      'a name in <text> over lines',
      tv('PackageName: <text>', 'log4j-core', '</text>', 'PackageVersion: 2.14.1'),
    ],
    ['a version in <text>', tv('PackageName: log4j-core', 'PackageVersion: <text>2.14.1</text>')],
    [
      'a safe PackageVersion inside a comment after the real one',
      tv(
        'PackageName: log4j-core',
        'PackageVersion: 2.14.1',
        'PackageComment: <text>',
        'PackageVersion: 2.17.1',
        '</text>',
      ),
    ],
    [
      'a package named in a comment does not take the next lines',
      tv(
        'PackageName: log4j-core',
        'PackageComment: <text>PackageName: decoy',
        '</text>',
        'PackageVersion: 2.14.1',
      ),
    ],
  ])('bans log4j-core 2.14.1 given %s', (_name, sbom) => {
    const r = check(sbom);
    expect(r.ok ? '' : r.reason).toMatch(/banned package log4j-core@2\.14\.1/);
  });

  it('refuses a package with two PackageVersion lines, naming both', () => {
    const r = check(
      tv('PackageName: log4j-core', 'PackageVersion: 2.14.1', 'PackageVersion: 2.17.1'),
    );
    expect(r.ok ? '' : r.reason).toMatch(
      /SBOM unreadable: .*two PackageVersion lines \('2\.14\.1', '2\.17\.1'\)/,
    );
  });

  it('refuses a <text> that is never closed', () => {
    const r = check(
      tv('PackageName: log4j-core', 'PackageComment: <text>open', 'PackageVersion: 2.14.1'),
    );
    expect(r.ok ? '' : r.reason).toMatch(
      /SBOM unreadable: .*<text> of PackageComment is never closed/,
    );
  });
});
