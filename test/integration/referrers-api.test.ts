// The OCI 1.1 referrers API path, which distribution 2.8 lacks: the committed CLI bundle against
// an in-memory spec-conformant server (test/helpers/referrers-server.ts) serving test-Sigstore
// images, plus the real teleport fixture served over HTTP and discovered in-process.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, type Candidate } from '../../src/core/verify/discovery.js';
import type { Report } from '../../src/core/report.js';
import { RegistryClient } from '../../src/core/registry/client.js';
import { registryStore } from '../../src/core/sources/registry.js';
import { createSignatureVerifier } from '../../src/core/signatures/verifier.js';
import { loadKey } from '../../src/core/trust/keys.js';
import { embeddedTrustedRoot } from '../../src/core/trust/root.js';
import { workflowIdentityRule } from '../../src/core/policy/workflow-identity.js';
import {
  startReferrersServer,
  type ReferrersServer,
  type ServedDescriptor,
} from '../helpers/referrers-server.js';
import { runCli } from '../helpers/run-dist.js';
import { createTestSigstore, type TestSigstore } from '../helpers/test-sigstore.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const COSIGN_SIGN = 'https://sigstore.dev/cosign/sign/v1';
const REPO = 'acme/app';

let ss: TestSigstore;
let root: string;
let srv: ReferrersServer;
let counter = 0;

beforeAll(async () => {
  ss = await createTestSigstore();
  root = await ss.writeTrustedRoot(await mkdtemp(path.join(tmpdir(), 'referrers-')));
  srv = await startReferrersServer();
}, 60_000);

afterAll(async () => {
  await srv?.close();
});

/** A distinct tiny image under `tag`. */
function addImage(s: ReferrersServer, tag: string): ServedDescriptor {
  const config = s.putBlob(REPO, JSON.stringify({ os: 'linux', n: counter++ }));
  const layer = s.putBlob(REPO, `layer ${tag} ${counter}`);
  return s.putManifest(
    REPO,
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { ...config, mediaType: 'application/vnd.oci.image.config.v1+json' },
      layers: [{ ...layer, mediaType: 'application/vnd.oci.image.layer.v1.tar' }],
    }),
    { tag },
  );
}

/** A referrer manifest the way cosign v3 writes one: one layer, empty config, `subject`. */
function referrerManifest(
  s: ReferrersServer,
  subject: ServedDescriptor,
  layerBytes: Uint8Array,
  opts: { artifactType?: string; layerMediaType?: string } = {},
): ServedDescriptor {
  const empty = s.putBlob(REPO, '{}');
  const layer = s.putBlob(REPO, layerBytes);
  return s.putManifest(
    REPO,
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: opts.artifactType ?? BUNDLE,
      config: { ...empty, mediaType: 'application/vnd.oci.empty.v1+json' },
      layers: [{ ...layer, mediaType: opts.layerMediaType ?? BUNDLE }],
      subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
      annotations: {
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': COSIGN_SIGN,
      },
    }),
  );
}

function bundleFor(digest: string): Buffer {
  return ss.signBundle({ imageDigest: digest, signer: { identity: IDENTITY, issuer: ISSUER } })
    .bytes;
}

async function verify(ref: string): Promise<{ code: number | null; report: Report }> {
  const r = await runCli([
    'verify',
    '--output',
    'json',
    '--trusted-root',
    root,
    '--certificate-identity',
    IDENTITY,
    '--certificate-oidc-issuer',
    ISSUER,
    ref,
  ]);
  expect(r.stdout, r.stderr).not.toBe('');
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

const manifestGets = (s: ReferrersServer, ref: string): number =>
  s.seen.filter((q) => q.method === 'GET' && q.url === `/v2/${REPO}/manifests/${ref}`).length;

describe('cosign v3 bundles through the referrers API (CLI bundle)', () => {
  it('verifies a bundle found via the API and reports it as bundle-referrer', async () => {
    const img = addImage(srv, 'signed');
    referrerManifest(srv, img, bundleFor(img.digest));
    const { code, report } = await verify(`${srv.host}/${REPO}:signed`);
    expect(report.results[0]).toMatchObject({
      outcome: 'verified',
      digest: img.digest,
      signatures: [{ kind: 'keyless', format: 'bundle-referrer', identity: IDENTITY }],
    });
    expect(code).toBe(0);
    // The API answered, so the sha256-<hex> tag-index fallback was never asked for.
    expect(manifestGets(srv, img.digest.replace(':', '-'))).toBe(0);
    expect(
      srv.seen.some(
        (q) =>
          q.url ===
          `/v2/${REPO}/referrers/${img.digest}?artifactType=${encodeURIComponent(BUNDLE)}`,
      ),
    ).toBe(true);
  });

  it.each(['ignore', 'lie'] as const)(
    'never counts unrelated artifacts when the registry does not filter (filter %s)',
    async (mode) => {
      srv.options.filter = mode;
      try {
        const img = addImage(srv, `noise-${mode}`);
        // An SBOM, and an artifact of another type whose single layer IS a valid bundle for this
        // image: only the client-side artifactType filter keeps the latter out.
        const sbom = referrerManifest(srv, img, Buffer.from('{"spdxVersion":"SPDX-2.3"}'), {
          artifactType: 'application/spdx+json',
          layerMediaType: 'application/spdx+json',
        });
        const other = referrerManifest(srv, img, bundleFor(img.digest), {
          artifactType: 'application/vnd.example.not-a-signature',
        });
        const { code, report } = await verify(`${srv.host}/${REPO}:noise-${mode}`);
        expect(report.results[0]).toMatchObject({ outcome: 'failed', code: 'UNSIGNED' });
        expect(code).toBe(1);
        // Filtered on the list: the unrelated manifests were not even fetched.
        expect(manifestGets(srv, sbom.digest) + manifestGets(srv, other.digest)).toBe(0);

        // The same noise next to a real cosign v3 bundle: exactly that one signature counts.
        referrerManifest(srv, img, bundleFor(img.digest));
        const again = await verify(`${srv.host}/${REPO}:noise-${mode}`);
        expect(again.code).toBe(0);
        expect(again.report.results[0].signatures).toHaveLength(1);
      } finally {
        srv.options.filter = 'apply';
      }
    },
  );

  it('ignores a listed referrer whose manifest subject is another digest (unsigned)', async () => {
    const a = addImage(srv, 'subject-a');
    const b = addImage(srv, 'subject-b');
    // A bundle that really signs B, in a manifest whose subject is A, listed under B by a
    // lying registry: the manifest is about A, so it is no evidence for B.
    const stray = referrerManifest(srv, a, bundleFor(b.digest));
    srv.addReferrerEntry(REPO, b.digest, { ...stray, artifactType: BUNDLE });
    const { code, report } = await verify(`${srv.host}/${REPO}:subject-b`);
    const r = report.results[0];
    expect(r).toMatchObject({ outcome: 'failed', code: 'UNSIGNED', signatures: [] });
    expect(r.reason).toContain(`its subject is ${a.digest}, not ${b.digest}`);
    expect(r.rejected).toBeUndefined();
    expect(code).toBe(1);
  });

  it('rejects a bundle whose signed statement names another digest', async () => {
    const a = addImage(srv, 'statement-a');
    const b = addImage(srv, 'statement-b');
    referrerManifest(srv, b, bundleFor(a.digest));
    const { code, report } = await verify(`${srv.host}/${REPO}:statement-b`);
    const r = report.results[0];
    expect(r).toMatchObject({ outcome: 'failed', code: 'PAYLOAD_MISMATCH' });
    expect(r.reason).toContain(`do not include sha256:${b.digest.slice(7)}`);
    expect(code).toBe(1);
  });

  it('falls back to the sha256-<hex> tag index when the API answers 404', async () => {
    const noApi = await startReferrersServer({ referrersApi: false });
    try {
      const img = addImage(noApi, 'fallback');
      const ref = referrerManifest(noApi, img, bundleFor(img.digest));
      noApi.putManifest(
        REPO,
        JSON.stringify({
          schemaVersion: 2,
          mediaType: OCI_INDEX,
          manifests: [{ ...ref, artifactType: BUNDLE }],
        }),
        { tag: img.digest.replace(':', '-') },
      );
      const { code, report } = await verify(`${noApi.host}/${REPO}:fallback`);
      expect(report.results[0].signatures[0]).toMatchObject({ format: 'bundle-tag' });
      expect(code).toBe(0);
    } finally {
      await noApi.close();
    }
  });
});

// The real teleport data: only signature material exists, not the signed image manifests, so
// the CLI (which must fetch the image first) cannot be pointed at it; discovery and verification
// run in-process over HTTP against the served copy instead.
describe('real teleport fixture served through the referrers server', () => {
  const FIXTURE = path.join(import.meta.dirname, '../fixtures/teleport-sigstoretest');
  const HELLO = 'sha256:21c76c650023cac8d753af4cb591e6f7450c6e2b499b5751d4a21e26e2fc5012';
  const PROVENANCE = 'sha256:32c91fcdf8b41ef78cf63e7be080a366597fd5a748480f5d2a6dc0cff5203807';
  let fx: ReferrersServer;
  let client: RegistryClient;

  beforeAll(async () => {
    fx = await startReferrersServer();
    fx.loadDirectory('teleportdan/hello-world', path.join(FIXTURE, 'v2/simple-signing'));
    fx.loadDirectory('boxofrad/provenance-demo', path.join(FIXTURE, 'v2/attestations'));
    client = new RegistryClient({});
  });
  afterAll(async () => {
    await client?.close();
    await fx?.close();
  });

  const legacy = (cs: Candidate[]) =>
    cs.filter((c): c is Extract<Candidate, { kind: 'legacy' }> => c.kind === 'legacy');

  it('discovers both .sig layers and verifies the keyless one (daniel.upton, Google)', async () => {
    const found = await discover(registryStore(client, fx.host, 'teleportdan/hello-world'), HELLO);
    const layers = legacy(found.candidates).sort((x, y) => x.where.localeCompare(y.where));
    expect(layers.map((l) => l.where)).toEqual([
      `sha256-${HELLO.slice(7)}.sig layer 0`,
      `sha256-${HELLO.slice(7)}.sig layer 1`,
    ]);
    expect(found.searched).toContain('referrers API');
    const verifier = createSignatureVerifier(embeddedTrustedRoot(), {
      keys: [],
      identities: [
        {
          subject: { exact: 'daniel.upton@goteleport.com' },
          issuer: { exact: 'https://accounts.google.com' },
        },
      ],
      requireTlog: true,
      requireSct: true,
    });
    expect(verifier.verifyLegacy(layers[0], HELLO)).toMatchObject({
      kind: 'keyless',
      format: 'legacy-tag',
      identity: 'daniel.upton@goteleport.com',
      issuer: 'https://accounts.google.com',
      signedAt: '2025-03-10T10:32:50.000Z',
    });
    // The key layer is not a keyless signature; the policy trusts no key.
    expect(() => verifier.verifyLegacy(layers[1], HELLO)).toThrow(/trusts only keyless/);
  });

  it('verifies the key-based .sig layer with the extracted public key', async () => {
    const found = await discover(registryStore(client, fx.host, 'teleportdan/hello-world'), HELLO);
    const layers = legacy(found.candidates).sort((x, y) => x.where.localeCompare(y.where));
    const key = await loadKey(path.join(FIXTURE, 'key-based-signer.pub.pem'));
    const verifier = createSignatureVerifier(embeddedTrustedRoot(), {
      keys: [key],
      identities: [],
      requireTlog: true,
      requireSct: true,
    });
    expect(verifier.verifyLegacy(layers[1], HELLO)).toMatchObject({
      kind: 'key',
      keyID: key.keyID,
      tlog: { logIndex: '180367881' },
    });
  });

  it('finds the attest-build-provenance bundle via the API and pins its real GitHub workflow', async () => {
    const found = await discover(
      registryStore(client, fx.host, 'boxofrad/provenance-demo'),
      PROVENANCE,
    );
    expect(found.candidates).toHaveLength(1);
    const c = found.candidates[0];
    expect(c).toMatchObject({
      kind: 'bundle',
      format: 'bundle-referrer',
      predicateTypeHint: 'https://slsa.dev/provenance/v1',
    });
    if (c.kind !== 'bundle') throw new Error('unreachable');
    const pinned = (p: Parameters<typeof workflowIdentityRule>[0]) =>
      createSignatureVerifier(embeddedTrustedRoot(), {
        keys: [],
        identities: [workflowIdentityRule(p, {})],
        requireTlog: true,
        requireSct: true,
      });
    const good = pinned({
      signerWorkflow: 'boxofrad/provenance-demo/.github/workflows/build.yaml@refs/heads/main',
      signerRepository: 'boxofrad/provenance-demo',
      sourceRef: 'refs/heads/main',
      denySelfHostedRunners: true,
    }).verifyBundle(c.bundle, { digest: PROVENANCE }, 'bundle-referrer');
    expect(good).toMatchObject({
      identity:
        'https://github.com/boxofrad/provenance-demo/.github/workflows/build.yaml@refs/heads/main',
      statement: { predicateType: 'https://slsa.dev/provenance/v1' },
    });
    expect(() =>
      pinned({
        signerWorkflow: 'boxofrad/provenance-demo/.github/workflows/build.yaml@refs/heads/mai',
      }).verifyBundle(c.bundle, { digest: PROVENANCE }, 'bundle-referrer'),
    ).toThrow(/expected identity/);
    expect(() =>
      pinned({ signerRepository: 'boxofrad/provenance-demo-fork' }).verifyBundle(
        c.bundle,
        { digest: PROVENANCE },
        'bundle-referrer',
      ),
    ).toThrow(
      /expected source repository extension 1\.3\.6\.1\.4\.1\.57264\.1\.12=https:\/\/github\.com\/boxofrad\/provenance-demo-fork, got "https:\/\/github\.com\/boxofrad\/provenance-demo"/,
    );
  });

  it('refuses to verify the image through the CLI: its manifest is not in the registry', async () => {
    const r = await runCli([
      'verify',
      '--output',
      'json',
      '--offline',
      '--certificate-identity',
      'daniel.upton@goteleport.com',
      '--certificate-oidc-issuer',
      'https://accounts.google.com',
      `${fx.host}/teleportdan/hello-world@${HELLO}`,
    ]);
    // Signatures for a digest do not make an image: without its manifest there is nothing to gate.
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Report).results[0]).toMatchObject({ code: 'NOT_FOUND' });
  });
});
