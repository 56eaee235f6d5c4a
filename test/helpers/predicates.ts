// Shared predicate factories: the in-toto statement around a predicate and the predicates the
// tests attest (CycloneDX and SPDX SBOMs, cosign's vuln scan, SLSA v1 provenance, OpenVEX), each
// with parameters for what a test varies. One copy of each, so a format change is made once.
import type { InTotoStatement } from '../../src/core/signatures/statement.js';

/** An in-toto v1 statement of `predicate` about `digest` (`sha256:<hex>` or bare hex). */
export function inTotoStatement(
  digest: string,
  predicateType: string,
  predicate: unknown,
  subjectName = 'app',
): InTotoStatement {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: subjectName, digest: { sha256: digest.replace(/^sha256:/, '') } }],
    predicateType,
    predicate,
  };
}

/** A component: `[name, version]` (a `library`), or the component object exactly as given. */
export type CycloneDxComponent = [name: string, version: string] | Record<string, unknown>;

/**
 * A CycloneDX 1.5 BOM. `version` sets the BOM's version field; `image` adds the metadata
 * component (the container the BOM describes) as syft writes it.
 */
export function cyclonedx(
  components: CycloneDxComponent[],
  opts: { version?: number; image?: string } = {},
): Record<string, unknown> {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    ...(opts.version !== undefined ? { version: opts.version } : {}),
    ...(opts.image !== undefined
      ? { metadata: { component: { type: 'container', name: opts.image } } }
      : {}),
    components: components.map((c) =>
      Array.isArray(c) ? { type: 'library', name: c[0], version: c[1] } : c,
    ),
  };
}

/** An SPDX 2.3 package; `purl` and `cpe` become its externalRefs, anything else is kept as given. */
export interface SpdxPackage {
  name: string;
  versionInfo?: string;
  purl?: string;
  cpe?: string;
  [field: string]: unknown;
}

/**
 * An SPDX 2.3 JSON document (`cosign attest --type spdxjson`). Packages get `SPDXRef-Package-<i>`
 * unless they carry their own SPDXID. `creator` (e.g. `syft-1.4.1`) adds the namespace and
 * creationInfo syft writes, created now.
 */
export function spdx(
  packages: SpdxPackage[],
  opts: { name?: string; creator?: string } = {},
): Record<string, unknown> {
  const name = opts.name ?? 'app';
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name,
    ...(opts.creator
      ? {
          documentNamespace: `https://anchore.com/syft/image/${name}-1`,
          creationInfo: { creators: [`Tool: ${opts.creator}`], created: new Date().toISOString() },
        }
      : {}),
    packages: packages.map(({ purl, cpe, ...p }, i) => {
      const refs = [
        ...(cpe
          ? [{ referenceCategory: 'SECURITY', referenceType: 'cpe23Type', referenceLocator: cpe }]
          : []),
        ...(purl
          ? [
              {
                referenceCategory: 'PACKAGE-MANAGER',
                referenceType: 'purl',
                referenceLocator: purl,
              },
            ]
          : []),
      ];
      return {
        SPDXID: `SPDXRef-Package-${i}`,
        downloadLocation: 'NOASSERTION',
        ...p,
        ...(refs.length ? { externalRefs: refs } : {}),
      };
    }),
  };
}

/** `ms` milliseconds before now. */
export const ago = (ms: number): Date => new Date(Date.now() - ms);

/**
 * cosign's vuln predicate (`cosign attest --type vuln`) around a Trivy JSON result: the scan
 * started a minute before `finishedOn`; one openssl finding per entry of `severities`, with ids
 * `CVE-2024-NNNN` counting from `firstCve`.
 */
export function cosignVuln(
  finishedOn: Date,
  severities: string[] = [],
  firstCve = 0,
): Record<string, unknown> {
  return {
    invocation: { uri: 'https://github.com/acme/app/actions/runs/1' },
    scanner: {
      uri: 'pkg:github/aquasecurity/trivy@0.50.0',
      version: '0.50.0',
      result: {
        SchemaVersion: 2,
        Results: [
          {
            Target: 'app',
            Vulnerabilities: severities.map((s, i) => ({
              VulnerabilityID: `CVE-2024-${String(firstCve + i).padStart(4, '0')}`,
              PkgName: 'openssl',
              Severity: s,
            })),
          },
        ],
      },
    },
    metadata: {
      scanStartedOn: new Date(finishedOn.getTime() - 60_000).toISOString(),
      scanFinishedOn: finishedOn.toISOString(),
    },
  };
}

/** The GitHub workflow acme/app's provenance names by default. */
export const ACME_WORKFLOW = { ref: 'refs/heads/main', repository: 'https://github.com/acme/app' };

/** SLSA v1 provenance from a GitHub Actions workflow (`buildType` workflow/v1) by `builderId`. */
export function slsaV1(
  builderId: string,
  workflow: Record<string, string> = ACME_WORKFLOW,
): Record<string, unknown> {
  return {
    buildDefinition: {
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      externalParameters: { workflow },
    },
    runDetails: { builder: { id: builderId } },
  };
}

/** An OpenVEX 0.2.0 document (as vexctl writes it) holding `statements`. */
export function openvex(
  statements: unknown[],
  opts: { timestamp?: string; id?: string; author?: string } = {},
): Record<string, unknown> {
  return {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': opts.id ?? 'https://openvex.dev/docs/example/vex-1',
    author: opts.author ?? 'security@acme.example',
    timestamp: opts.timestamp ?? '2026-02-01T00:00:00Z',
    version: 1,
    statements,
  };
}
