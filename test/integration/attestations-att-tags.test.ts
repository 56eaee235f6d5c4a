// Legacy cosign `.att` attestations end to end: DSSE envelope layers at `sha256-<hex>.att` in a
// real docker-registry, signed by the test Sigstore (key and keyless; Rekor dsse, intoto 0.0.1
// and 0.0.2 entries) and judged through the CLI bundle; then the real distroless `.att` layer,
// whose image manifest is not available, through discover() + checkAttestations() in-process.
import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAttestations } from '../../src/core/verify/attestations.js';
import { GateError } from '../../src/core/errors.js';
import { PREDICATE } from '../../src/core/attestations/types.js';
import { discover } from '../../src/core/verify/discovery.js';
import type { IdentityRule } from '../../src/core/signatures/signer-policy.js';
import { RegistryClient } from '../../src/core/registry/client.js';
import { registryStore } from '../../src/core/sources/registry.js';
import type { Report } from '../../src/core/report.js';
import { createSignatureVerifier } from '../../src/core/signatures/verifier.js';
import { loadTrustedRoot } from '../../src/core/trust/root.js';
import {
  pushLegacyAttestations,
  pushLegacySignatures,
  sigTag,
  type AttestationLayer,
} from '../helpers/cosign-push.js';
import { pushImage } from '../helpers/oci-push.js';
import {
  ago,
  cosignVuln,
  cyclonedx as cyclonedxBom,
  openvex as openvexDocument,
  spdx as spdxDocument,
} from '../helpers/predicates.js';
import { startRegistry, type StartedRegistry } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';
import {
  createTestSigstore,
  type KeySigner,
  type LegacyAttRekorKind,
  type TestSigstore,
} from '../helpers/test-sigstore.js';

const REPO = 'acme/att';
const ISSUER = 'https://token.actions.githubusercontent.com';
const BUILDER = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const HOUR = 3_600_000;

let reg: StartedRegistry;
let ss: TestSigstore;
let root: string;
let pub: string;
let key: KeySigner;
let stranger: KeySigner;
/** name -> reference and digest of each image pushed. */
const img: Record<string, { ref: string; digest: string }> = {};

const cyclonedx = (components: Array<[string, string]>) => cyclonedxBom(components);
const spdx = (packages: Array<[string, string]>) =>
  spdxDocument(packages.map(([name, versionInfo]) => ({ name, versionInfo })));
/** cosign's vuln predicate around a Trivy JSON result, finished `ageMs` ago. */
const vuln = (ageMs: number, severities: string[] = []) => cosignVuln(ago(ageMs), severities, 1000);
/** OpenVEX (as vexctl writes it): CVE-2024-1000 not_affected in the image with `digest`. */
const openvex = (digest: string) =>
  openvexDocument(
    [
      {
        vulnerability: { name: 'CVE-2024-1000' },
        products: [{ '@id': `pkg:oci/app@sha256%3A${digest.slice('sha256:'.length)}` }],
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
      },
    ],
    {
      id: 'https://openvex.dev/docs/public/vex-1',
      author: 'acme security',
      timestamp: new Date(Date.now() - HOUR).toISOString(),
    },
  );

interface AttSpec {
  predicateType: string;
  /** The predicate, or a function of the image digest that makes it. */
  predicate: unknown;
  signer?: 'key' | 'keyless' | 'stranger';
  rekorKind?: LegacyAttRekorKind;
  /** The statement's subject digest; default the image's own. */
  subject?: string;
  /** Further subjects after the first (one statement about several images). */
  alsoAbout?: string[];
}

/**
 * An image signed (legacy `.sig`) by `sign`, or unsigned, with the given attestations as the
 * layers of its `.att` manifest, in order.
 */
async function imageWith(
  name: string,
  sign: 'key' | 'keyless' | 'none',
  atts: AttSpec[],
): Promise<void> {
  const pushed = await pushImage(reg.host, REPO, name);
  const digest = pushed.digest;
  const dockerReference = `${reg.host}/${REPO}`;
  if (sign === 'key')
    await pushLegacySignatures(reg.host, REPO, digest, [
      ss.signLegacyKey({ imageDigest: digest, dockerReference, ...key }),
    ]);
  if (sign === 'keyless')
    await pushLegacySignatures(reg.host, REPO, digest, [
      ss.signLegacyKeyless({
        imageDigest: digest,
        dockerReference,
        identity: BUILDER,
        issuer: ISSUER,
      }),
    ]);
  const layers: AttestationLayer[] = atts.map((a) => {
    const signer =
      a.signer === 'stranger'
        ? stranger
        : (a.signer ?? sign) === 'keyless'
          ? { identity: BUILDER, issuer: ISSUER }
          : key;
    const predicate: unknown =
      typeof a.predicate === 'function'
        ? (a.predicate as (d: string) => unknown)(digest)
        : a.predicate;
    const subjects = [a.subject ?? digest, ...(a.alsoAbout ?? [])];
    const att = ss.signLegacyAttestation({
      imageDigest: subjects[0],
      signer,
      predicateType: a.predicateType,
      predicate,
      subjectName: dockerReference,
      rekorKind: a.rekorKind ?? 'dsse',
      ...(a.alsoAbout
        ? {
            statement: {
              _type: 'https://in-toto.io/Statement/v0.1',
              predicateType: a.predicateType,
              subject: subjects.map((d) => ({
                name: dockerReference,
                digest: { sha256: d.slice('sha256:'.length) },
              })),
              predicate,
            },
          }
        : {}),
    });
    return { envelope: att.envelope, annotations: att.annotations };
  });
  if (layers.length) await pushLegacyAttestations(reg.host, REPO, digest, layers);
  img[name] = { ref: `${reg.host}/${REPO}:${name}`, digest };
}

beforeAll(async () => {
  reg = await startRegistry();
  ss = await createTestSigstore();
  const dir = await mkdtemp(path.join(tmpdir(), 'att-tags-'));
  root = await ss.writeTrustedRoot(dir);
  key = ss.generateKeyPair();
  stranger = ss.generateKeyPair();
  pub = path.join(dir, 'cosign.pub');
  await writeFile(pub, key.publicKey.export({ type: 'spki', format: 'pem' }).toString());

  // One .att manifest, two layers: an SBOM (dsse entry) and a fresh scan (intoto 0.0.1 entry).
  await imageWith('key-sbom-scan', 'key', [
    {
      predicateType: PREDICATE.cyclonedx,
      predicate: cyclonedx([
        ['express', '4.19.2'],
        ['log4j-core', '2.14.1'],
      ]),
    },
    { predicateType: PREDICATE.cosignVuln, predicate: vuln(HOUR), rekorKind: 'intoto-0.0.1' },
  ]);
  await imageWith('keyless-spdx-intoto1', 'keyless', [
    {
      predicateType: PREDICATE.spdx,
      predicate: spdx([['xz-utils', '5.6.1']]),
      rekorKind: 'intoto-0.0.1',
    },
  ]);
  await imageWith('keyless-fresh-intoto2', 'keyless', [
    { predicateType: PREDICATE.cosignVuln, predicate: vuln(HOUR), rekorKind: 'intoto-0.0.2' },
  ]);
  await imageWith('keyless-stale', 'keyless', [
    { predicateType: PREDICATE.cosignVuln, predicate: vuln(73 * HOUR) },
  ]);
  // A valid attestation about another image, stored under this image's .att tag.
  await imageWith('other-subject', 'key', [
    {
      predicateType: PREDICATE.cyclonedx,
      predicate: cyclonedx([]),
      subject: `sha256:${'e'.repeat(64)}`,
    },
  ]);
  await imageWith('untrusted-key', 'key', [
    { predicateType: PREDICATE.cyclonedx, predicate: cyclonedx([]), signer: 'stranger' },
  ]);
  // A critical finding, and OpenVEX saying not_affected: about this image, about another image
  // named in the same VEX document, or signed by a key the policy does not trust.
  const OTHER_IMAGE = `sha256:${'b'.repeat(64)}`;
  const vexLayers = (product: 'self' | 'other', signer?: 'stranger'): AttSpec[] => [
    { predicateType: PREDICATE.cosignVuln, predicate: vuln(HOUR, ['CRITICAL']) },
    {
      predicateType: PREDICATE.openvex,
      predicate: (self: string) => openvex(product === 'self' ? self : OTHER_IMAGE),
      alsoAbout: [OTHER_IMAGE],
      ...(signer ? { signer } : {}),
    },
  ];
  await imageWith('vex-self', 'key', vexLayers('self'));
  await imageWith('vex-other', 'key', vexLayers('other'));
  await imageWith('vex-untrusted', 'key', vexLayers('self', 'stranger'));
  // attest-only: no .sig, only an .att (dsse entry), keyless.
  await imageWith('att-only', 'none', [
    { predicateType: PREDICATE.cyclonedx, predicate: cyclonedx([['left-pad', '1.3.0']]) },
  ]);
}, 60_000);

afterAll(async () => {
  await reg?.stop();
});

async function verify(args: string[]): Promise<{ code: number | null; report: Report }> {
  const r = await runCli(['verify', '--output', 'json', '--trusted-root', root, ...args]);
  let report: Report;
  try {
    report = JSON.parse(r.stdout) as Report;
  } catch {
    throw new Error(`no JSON report (exit ${r.code}): ${r.stderr}`);
  }
  return { code: r.code, report };
}

const keyArgs = (): string[] => ['--key', pub];
const keylessArgs = (): string[] => [
  '--certificate-identity',
  BUILDER,
  '--certificate-oidc-issuer',
  ISSUER,
];

describe('.att attestations through the CLI', () => {
  it('writes the cosign layout: one DSSE envelope layer per attestation at sha256-<hex>.att', async () => {
    const { digest } = img['key-sbom-scan'];
    const res = await fetch(`${reg.url}/v2/${REPO}/manifests/${sigTag(digest, '.att')}`, {
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    const m = (await res.json()) as {
      config: { size: number };
      layers: Array<{ mediaType: string; annotations: Record<string, string> }>;
    };
    expect(m.layers.map((l) => l.mediaType)).toEqual([
      'application/vnd.dsse.envelope.v1+json',
      'application/vnd.dsse.envelope.v1+json',
    ]);
    expect(m.layers.map((l) => l.annotations.predicateType)).toEqual([
      PREDICATE.cyclonedx,
      PREDICATE.cosignVuln,
    ]);
    expect(m.layers[0].annotations['dev.cosignproject.cosign/signature']).toBe('');
  });

  it('verifies key-signed SBOM and scan layers (dsse and intoto 0.0.1 entries) and reports each', async () => {
    const { code, report } = await verify([
      ...keyArgs(),
      '--attestation',
      'cyclonedx',
      '--attestation',
      'vuln',
      '--deny-package',
      'xz-utils',
      img['key-sbom-scan'].ref,
    ]);
    const r = report.results[0];
    expect(r.reason).toBeUndefined();
    expect(code).toBe(0);
    expect(r).toMatchObject({ outcome: 'verified', digest: img['key-sbom-scan'].digest });
    const tag = sigTag(img['key-sbom-scan'].digest, '.att');
    const byType = new Map(r.attestations.map((a) => [a.predicateType, a]));
    expect(byType.get(PREDICATE.cyclonedx)).toMatchObject({
      format: 'legacy-att',
      verified: true,
      where: `${tag} layer 0`,
      signer: pub,
      satisfies: [PREDICATE.cyclonedx],
      checks: [{ condition: 'deny-packages', ok: true }],
    });
    expect(byType.get(PREDICATE.cosignVuln)).toMatchObject({
      format: 'legacy-att',
      where: `${tag} layer 1`,
      satisfies: [PREDICATE.cosignVuln],
      checks: [{ condition: 'max-vuln-age', ok: true }],
    });
    expect(byType.get(PREDICATE.cosignVuln)?.checks?.[0].message).toMatch(/1h|60m/);
    expect(r.rejected).toBeUndefined();
  });

  it('fails the same image on its SBOM holding a banned package, naming the package', async () => {
    const { code, report } = await verify([
      ...keyArgs(),
      '--attestation',
      'cyclonedx',
      '--deny-package',
      'log4j-core@<2.17.0',
      img['key-sbom-scan'].ref,
    ]);
    const r = report.results[0];
    expect(code).toBe(1);
    expect(r).toMatchObject({ outcome: 'failed', code: 'POLICY_VIOLATION' });
    expect(r.reason).toMatch(/SBOM contains banned package log4j-core@2\.14\.1/);
    const sbom = r.attestations.find((a) => a.predicateType === PREDICATE.cyclonedx);
    expect(sbom?.checks).toEqual([
      {
        condition: 'deny-packages',
        ok: false,
        message: expect.stringMatching(/log4j-core@2\.14\.1/),
      },
    ]);
  });

  it('verifies a keyless SPDX .att logged as intoto 0.0.1 and denies its package by range', async () => {
    const pass = await verify([
      ...keylessArgs(),
      '--attestation',
      'spdxjson',
      img['keyless-spdx-intoto1'].ref,
    ]);
    expect(pass.code).toBe(0);
    expect(pass.report.results[0].attestations[0]).toMatchObject({
      predicateType: PREDICATE.spdx,
      signer: BUILDER,
      issuer: ISSUER,
      satisfies: [PREDICATE.spdx],
    });
    const fail = await verify([
      ...keylessArgs(),
      '--deny-package',
      'xz-utils@>=5.6.0 <=5.6.1',
      img['keyless-spdx-intoto1'].ref,
    ]);
    expect(fail.code).toBe(1);
    expect(fail.report.results[0].reason).toMatch(/banned package xz-utils@5\.6\.1/);
  });

  it.each([
    ['keyless-fresh-intoto2', [] as string[], 0, undefined],
    ['keyless-stale', [] as string[], 1, /vuln scan 73h old, limit 48h/],
    ['keyless-stale', ['--max-vuln-age', '4d'], 0, undefined],
    [
      'keyless-fresh-intoto2',
      ['--max-vuln-age', '30m'],
      1,
      /vuln scan 1h old, limit 0\.5h|limit 30m/,
    ],
  ])('judges the scan age of %s with %j: exit %d', async (name, extra, exit, reason) => {
    const { code, report } = await verify([
      ...keylessArgs(),
      '--attestation',
      'vuln',
      ...extra,
      img[name].ref,
    ]);
    expect(code).toBe(exit);
    const r = report.results[0];
    if (reason) {
      expect(r).toMatchObject({ code: 'POLICY_VIOLATION' });
      expect(r.reason).toMatch(reason);
      expect(r.attestations[0].checks?.[0]).toMatchObject({ condition: 'max-vuln-age', ok: false });
    } else {
      expect(r.attestations[0]).toMatchObject({ format: 'legacy-att', verified: true });
    }
  });

  it.each([
    ['other-subject', 'PAYLOAD_MISMATCH', /statement subjects \(sha256:e{64}\) do not include/],
    ['untrusted-key', 'SIGNATURE_INVALID', /does not verify with any trusted key/],
  ])(
    'does not count the .att of %s: ATTESTATION_MISSING, the layer rejected as %s',
    async (name, rejectedCode, why) => {
      const { code, report } = await verify([
        ...keyArgs(),
        '--attestation',
        'cyclonedx',
        img[name].ref,
      ]);
      const r = report.results[0];
      expect(code).toBe(1);
      expect(r).toMatchObject({ outcome: 'failed', code: 'ATTESTATION_MISSING', attestations: [] });
      expect(r.reason).toMatch(/no verified CycloneDX SBOM/);
      expect(r.rejected).toEqual([
        {
          where: `${sigTag(img[name].digest, '.att')} layer 0`,
          code: rejectedCode,
          reason: expect.stringMatching(why),
        },
      ]);
    },
  );

  const vexArgs = (): string[] => [
    ...keyArgs(),
    '--attestation',
    'vuln',
    '--attestation',
    'openvex',
    '--fail-on-severity',
    'critical',
  ];

  it('lets a verified OpenVEX not_affected statement for this image silence a critical finding', async () => {
    const { code, report } = await verify([...vexArgs(), img['vex-self'].ref]);
    expect(report.results[0].reason).toBeUndefined();
    expect(code).toBe(0);
    const scan = report.results[0].attestations.find(
      (a) => a.predicateType === PREDICATE.cosignVuln,
    );
    expect(scan?.checks).toEqual([
      expect.objectContaining({ condition: 'max-vuln-age', ok: true }),
      expect.objectContaining({ condition: 'fail-on-severity', ok: true }),
    ]);
  });

  it('does not honour OpenVEX signed by a key the policy does not trust', async () => {
    const { code, report } = await verify([
      ...keyArgs(),
      '--attestation',
      'vuln',
      '--fail-on-severity',
      'critical',
      img['vex-untrusted'].ref,
    ]);
    expect(code).toBe(1);
    expect(report.results[0]).toMatchObject({ code: 'POLICY_VIOLATION' });
    expect(report.results[0].reason).toMatch(/CVE-2024-1000 \(critical/);
    expect(report.results[0].rejected).toEqual([
      expect.objectContaining({
        where: `${sigTag(img['vex-untrusted'].digest, '.att')} layer 1`,
        code: 'SIGNATURE_INVALID',
      }),
    ]);
  });

  // docs/policy.md: "A statement whose products carry digests applies only if one is the
  // attested image's digest." One VEX document about two images must not let the statement
  // about the other image silence this image's finding.
  it("does not let an OpenVEX statement about another image silence this image's finding", async () => {
    const { code, report } = await verify([...vexArgs(), img['vex-other'].ref]);
    expect(report.results[0]).toMatchObject({ outcome: 'failed', code: 'POLICY_VIOLATION' });
    expect(report.results[0].reason).toMatch(/CVE-2024-1000 \(critical/);
    expect(code).toBe(1);
  });

  it('passes an image with only an .att when --require-signature=false, and not otherwise', async () => {
    const args = [...keyArgs(), '--attestation', 'cyclonedx', img['att-only'].ref];
    const alone = await verify(['--require-signature=false', ...args]);
    expect(alone.code).toBe(0);
    expect(alone.report.results[0]).toMatchObject({
      outcome: 'verified',
      signatures: [],
      attestations: [{ predicateType: PREDICATE.cyclonedx, format: 'legacy-att' }],
    });
    const strict = await verify(args);
    expect(strict.code).toBe(1);
    expect(strict.report.results[0]).toMatchObject({ code: 'UNSIGNED' });
  });
});

describe('the real distroless .att layer (public-good Sigstore, image manifest not available)', () => {
  const FIX = path.resolve(import.meta.dirname, '../fixtures/cosign-legacy-att-distroless');
  const IMAGE = 'sha256:a1e82f6a5f6dfc735165d3442e7cc5a615f72abac3db19452481f5f3c90fbfa8';
  const OTHER = `sha256:${'b'.repeat(64)}`;
  const SAN = 'https://github.com/distroless/static/.github/workflows/release.yaml@refs/heads/main';
  // The statement's type as cosign wrote it in 2022: no scheme.
  const OLD_VULN = 'cosign.sigstore.dev/attestation/vuln/v1';
  const DISTROLESS: IdentityRule = { subject: { exact: SAN }, issuer: { exact: ISSUER } };
  let client: RegistryClient;

  beforeAll(async () => {
    const annotations = JSON.parse(
      await readFile(path.join(FIX, 'annotations.json'), 'utf8'),
    ) as Record<string, string>;
    const layer = { envelope: await readFile(path.join(FIX, 'envelope.json')), annotations };
    const edited = {
      envelope: await readFile(path.join(FIX, 'envelope-edited-upstream.json')),
      annotations,
    };
    // The .att tag of the real image digest, as ghcr.io held it; the same layer copied onto
    // another digest's tag; and the envelope as upstream later edited it.
    await pushLegacyAttestations(reg.host, 'distroless/static', IMAGE, [layer]);
    await pushLegacyAttestations(reg.host, 'distroless/static', OTHER, [layer]);
    await pushLegacyAttestations(reg.host, 'distroless/edited', IMAGE, [edited]);
    client = new RegistryClient({});
  });
  afterAll(async () => {
    await client?.close();
  });

  const plan = async (identities: IdentityRule[], types: string[], maxVulnAgeMs?: number) => ({
    verifier: createSignatureVerifier(await loadTrustedRoot({ offline: true }), {
      keys: [],
      identities,
      requireTlog: true,
      requireSct: true,
    }),
    requirements: {
      types,
      conditions: maxVulnAgeMs === undefined ? {} : { maxVulnAgeMs },
    },
    now: () => new Date('2022-07-29T03:00:00Z'),
  });

  it('is discovered at sha256-<hex>.att and verifies offline under the release workflow identity', async () => {
    const store = registryStore(client, reg.host, 'distroless/static');
    const found = await discover(store, IMAGE, { legacySuffixes: ['.sig', '.att'] });
    expect(found.candidates).toHaveLength(1);
    expect(found.candidates[0]).toMatchObject({
      kind: 'legacy',
      attestation: true,
      where: `${sigTag(IMAGE, '.att')} layer 0`,
    });
    const out = await checkAttestations(
      IMAGE,
      found.candidates,
      await plan([DISTROLESS], [OLD_VULN]),
    );
    expect(out.rejected).toEqual([]);
    expect(out.ok).toBe(true);
    expect(out.attestations).toEqual([
      {
        predicateType: OLD_VULN,
        format: 'legacy-att',
        verified: true,
        signer: SAN,
        where: `${sigTag(IMAGE, '.att')} layer 0`,
        issuer: ISSUER,
        signedAt: '2022-07-29T02:28:49.000Z',
        satisfies: [OLD_VULN],
      },
    ]);
  });

  it('does not satisfy cosign `vuln` (https://…) nor give max-vuln-age evidence: the type is not the same', async () => {
    const store = registryStore(client, reg.host, 'distroless/static');
    const found = await discover(store, IMAGE, { legacySuffixes: ['.att'] });
    const out = await checkAttestations(
      IMAGE,
      found.candidates,
      await plan([DISTROLESS], [PREDICATE.cosignVuln], 48 * HOUR),
    );
    expect(out).toMatchObject({ ok: false, code: 'ATTESTATION_MISSING' });
    expect(out.reason).toMatch(
      /no verified vuln scan \(https:\/\/cosign\.sigstore\.dev\/attestation\/vuln\/v1\) attestation \(verified: cosign\.sigstore\.dev\/attestation\/vuln\/v1\)/,
    );
    expect(out.reason).toMatch(/to check max-vuln-age against/);
  });

  it.each([
    ['MALFORMED', 'bundle_url content is not JSON'],
    ['LIMIT_EXCEEDED', 'bundle_url: larger than 10485760 bytes'],
    ['INSECURE', 'bundle_url redirect points at a metadata address'],
  ] as const)(
    'records a GitHub API entry whose bundle could not be had (%s) as a rejection beside the valid .att',
    async (code, message) => {
      const store = registryStore(client, reg.host, 'distroless/static');
      const found = await discover(store, IMAGE, { legacySuffixes: ['.att'] });
      const where = 'GitHub API distroless #0';
      const out = await checkAttestations(IMAGE, found.candidates, {
        ...(await plan([DISTROLESS], [OLD_VULN])),
        github: () => Promise.resolve([{ error: new GateError(code, message), where }]),
      });
      expect(out.ok).toBe(true);
      expect(out.rejected).toEqual([{ where, code, reason: message }]);
    },
  );

  it('is rejected under another identity', async () => {
    const store = registryStore(client, reg.host, 'distroless/static');
    const found = await discover(store, IMAGE, { legacySuffixes: ['.att'] });
    const other: IdentityRule = { subject: { exact: BUILDER }, issuer: { exact: ISSUER } };
    const out = await checkAttestations(IMAGE, found.candidates, await plan([other], [OLD_VULN]));
    expect(out).toMatchObject({ ok: false, code: 'ATTESTATION_MISSING', attestations: [] });
    expect(out.rejected).toEqual([
      {
        where: `${sigTag(IMAGE, '.att')} layer 0`,
        code: 'UNTRUSTED_SIGNER',
        reason: expect.any(String),
      },
    ]);
  });

  it('is rejected when copied onto another digest', async () => {
    const store = registryStore(client, reg.host, 'distroless/static');
    const found = await discover(store, OTHER, { legacySuffixes: ['.att'] });
    const out = await checkAttestations(
      OTHER,
      found.candidates,
      await plan([DISTROLESS], [OLD_VULN]),
    );
    expect(out).toMatchObject({ ok: false, code: 'ATTESTATION_MISSING', attestations: [] });
    expect(out.rejected).toEqual([
      {
        where: `${sigTag(OTHER, '.att')} layer 0`,
        code: 'PAYLOAD_MISMATCH',
        reason: `in-toto statement subjects (${IMAGE}) do not include ${OTHER}`,
      },
    ]);
  });

  it('is rejected in the form upstream later edited: the log entry covers the old envelope', async () => {
    const store = registryStore(client, reg.host, 'distroless/edited');
    const found = await discover(store, IMAGE, { legacySuffixes: ['.att'] });
    const out = await checkAttestations(
      IMAGE,
      found.candidates,
      await plan([DISTROLESS], [PREDICATE.cosignVuln]),
    );
    expect(out).toMatchObject({ ok: false, code: 'ATTESTATION_MISSING', attestations: [] });
    expect(out.rejected).toEqual([
      expect.objectContaining({
        code: 'TLOG_INVALID',
        reason: expect.stringMatching(/envelope hash/),
      }),
    ]);
  });
});
