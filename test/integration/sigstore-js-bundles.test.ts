// Bundles made by sigstore-js itself, verified by our path (dist/cli.js verify-bundle): `sigstore`
// sign() and @sigstore/sign's DSSE builder with FulcioSigner and RekorWitness, against Fulcio and
// Rekor from @sigstore/mock served over HTTP on loopback, with a trusted root of the mock's CA,
// CT log and transparency-log keys. The refusals (another signer, another issuer, another
// artifact, another Sigstore's root) must fail where the matching bundle passes.
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleToJSON } from '@sigstore/bundle';
import { DSSEBundleBuilder, FulcioSigner, RekorWitness } from '@sigstore/sign';
import { sign } from 'sigstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-dist.js';
import {
  identityToken,
  startMockSigstore,
  type MockSigstore,
} from '../helpers/sigstore-mock-services.js';

const SIGNER = 'release@example.com';
const ISSUER = 'https://oidc.example';
const token = identityToken({ iss: ISSUER, sub: SIGNER, email: SIGNER, email_verified: true });

let mock: MockSigstore;
let other: MockSigstore;
let dir: string;
let rootFile: string;
let otherRootFile: string;
let artifact: string;
let blobBundle: string;
let dsseBundle: string;
let imageDigest: string;

beforeAll(async () => {
  mock = await startMockSigstore();
  other = await startMockSigstore();
  dir = await mkdtemp(path.join(tmpdir(), 'sigstore-js-'));
  rootFile = path.join(dir, 'trusted_root.json');
  otherRootFile = path.join(dir, 'other_trusted_root.json');
  await writeFile(rootFile, JSON.stringify(mock.trustedRoot));
  await writeFile(otherRootFile, JSON.stringify(other.trustedRoot));

  // A blob signed with `sigstore` (message signature, hashedrekord entry).
  artifact = path.join(dir, 'artifact.txt');
  await writeFile(artifact, 'release 1.2.3\n');
  const blob = await sign(Buffer.from('release 1.2.3\n'), {
    fulcioURL: mock.fulcioURL,
    rekorURL: mock.rekorURL,
    identityToken: token,
  });
  blobBundle = path.join(dir, 'blob.sigstore.json');
  await writeFile(blobBundle, JSON.stringify(blob));

  // An in-toto statement about an image digest, as a DSSE bundle from @sigstore/sign's parts.
  imageDigest = `sha256:${createHash('sha256').update('an image manifest').digest('hex')}`;
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'registry.example/app', digest: { sha256: imageDigest.slice(7) } }],
    predicateType: 'https://example.com/verification-summary/v1',
    predicate: { verified: true },
  };
  const builder = new DSSEBundleBuilder({
    signer: new FulcioSigner({
      fulcioBaseURL: mock.fulcioURL,
      identityProvider: { getToken: () => Promise.resolve(token) },
    }),
    // intoto: the mock logs a proposed entry as it is, which for intoto is the body Rekor stores;
    // for dsse it is not (Rekor stores signatures and hashes, not the proposed content), and our
    // verifier rightly refuses such a body.
    witnesses: [new RekorWitness({ rekorBaseURL: mock.rekorURL, entryType: 'intoto' })],
  });
  const dsse = await builder.create({
    data: Buffer.from(JSON.stringify(statement)),
    type: 'application/vnd.in-toto+json',
  });
  dsseBundle = path.join(dir, 'dsse.sigstore.json');
  // The builder returns the protobuf object; a bundle file is its JSON form.
  await writeFile(dsseBundle, JSON.stringify(bundleToJSON(dsse)));
});
afterAll(async () => {
  await mock?.close();
  await other?.close();
});

function verifyBundle(
  bundle: string,
  subject: string,
  o: { root?: string; san?: string; iss?: string } = {},
) {
  return runCli([
    'verify-bundle',
    '--bundle',
    bundle,
    '--certificate-identity',
    o.san ?? SIGNER,
    '--certificate-oidc-issuer',
    o.iss ?? ISSUER,
    '--trusted-root',
    o.root ?? rootFile,
    subject,
  ]);
}

describe('bundles made by sigstore-js against @sigstore/mock Fulcio and Rekor', () => {
  it('the mock services were really called over HTTP', () => {
    expect(mock.requests).toEqual(
      expect.arrayContaining(['POST /api/v2/signingCert', 'POST /api/v1/log/entries']),
    );
    expect(mock.requests.filter((r) => r === 'POST /api/v2/signingCert')).toHaveLength(2);
  });

  it.each([
    ['a blob signed by sigstore sign()', () => blobBundle, () => artifact],
    [
      'a blob, given by its digest',
      () => blobBundle,
      () => `sha256:${createHash('sha256').update('release 1.2.3\n').digest('hex')}`,
    ],
    [
      'a DSSE statement from @sigstore/sign, for the image digest it names',
      () => dsseBundle,
      () => imageDigest,
    ],
  ])('%s verifies (exit 0)', async (_what, bundle, subject) => {
    const r = await verifyBundle(bundle(), subject());
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`signer ${SIGNER}`);
  });

  it.each([
    ['another signer identity', () => ({ san: 'someone@example.com' })],
    ['another issuer', () => ({ iss: 'https://other-oidc.example' })],
    ["another Sigstore's trusted root", () => ({ root: otherRootFile })],
  ])('a blob bundle checked against %s fails (exit 1)', async (_what, o) => {
    const r = await verifyBundle(blobBundle, artifact, o());
    expect(r.code, r.stdout + r.stderr).toBe(1);
  });

  it('a blob bundle checked against another artifact fails (exit 1)', async () => {
    const otherArtifact = path.join(dir, 'other.txt');
    await writeFile(otherArtifact, 'release 1.2.4\n');
    const r = await verifyBundle(blobBundle, otherArtifact);
    expect(r.code, r.stdout + r.stderr).toBe(1);
  });

  it('a DSSE bundle checked against another image digest fails (exit 1)', async () => {
    const r = await verifyBundle(dsseBundle, `sha256:${'0'.repeat(64)}`);
    expect(r.code, r.stdout + r.stderr).toBe(1);
  });
});
