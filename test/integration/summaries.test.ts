// Verification summaries end to end through dist/cli.js and dist/index.js against a real
// docker-registry: signed with a cosign key and keyless (Fulcio and Rekor from @sigstore/mock,
// the OIDC token from a fake Actions token endpoint spoken as the runner speaks it), each bundle
// checked by @sigstore/verify itself (not our verification path), and pushed as a referrer that
// the registry lists in the `sha256-<hex>` tag index (docker-registry 2.8 has no referrers API).
import { createServer, type Server } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, writeCosignPrivateKey, writePublicKey } from '../helpers/cosign-keys.js';
import { pushBundleReferrers } from '../helpers/cosign-push.js';
import {
  signedImage,
  signLegacy,
  startSigningRegistry,
  type Image,
  type Signing,
} from '../helpers/images.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli } from '../helpers/run-dist.js';
import {
  identityToken,
  startMockSigstore,
  type MockSigstore,
  writeMockSigningConfig,
  writeMergedRoot,
} from '../helpers/sigstore-mock-services.js';
import type { Report } from '../../src/core/report.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
const WORKFLOW = 'https://github.com/acme/gate/.github/workflows/deploy.yml@refs/heads/main';
const RUNTIME_TOKEN = 'runtime-token-for-oidc';
const VSA = 'https://slsa.dev/verification_summary/v1';
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

let reg: StartedRegistry;
let mock: MockSigstore;
let dir: string;
let root: string;
let pub: string;
let summaryKey: string;
let summaryPub: ReturnType<typeof generateKeyPair>;
let signingConfig: string;
let deadSigningConfig: string;
let signed: Image;
let unsigned: Image;
let pushed: Image;
let signing: Signing;
let kp: ReturnType<typeof generateKeyPair>;
let otherKp: ReturnType<typeof generateKeyPair>;
let bothRoots: string;
let summaryPubFile: string;
let oidc: Server;
let oidcUrl: string;
const oidcRequests: Array<{ url: string; authorization: string | undefined }> = [];

beforeAll(async () => {
  let ss;
  ({ reg, ss, dir, root } = await startSigningRegistry('vsa-'));
  signing = { reg, ss };
  kp = generateKeyPair();
  otherKp = generateKeyPair();
  pub = writePublicKey(dir, kp, 'cosign.pub');
  summaryPub = generateKeyPair();
  summaryPubFile = writePublicKey(dir, summaryPub, 'summary.pub');
  summaryKey = writeCosignPrivateKey(dir, summaryPub, 'vsa-pass', { name: 'summary.key' });
  signed = await signedImage({ reg, ss }, 'acme/app', 'signed', { key: kp });
  unsigned = await signedImage({ reg, ss }, 'acme/app', 'unsigned');
  pushed = await signedImage({ reg, ss }, 'acme/web', 'v1', { key: kp });

  mock = await startMockSigstore();
  signingConfig = await writeMockSigningConfig(path.join(dir, 'signing_config.json'), mock);
  // One trusted root for the image signatures (test Sigstore) and the summaries (the mock).
  bothRoots = await writeMergedRoot(path.join(dir, 'both_roots.json'), root, mock);
  deadSigningConfig = await writeMockSigningConfig(path.join(dir, 'dead_signing_config.json'), {
    fulcioURL: 'http://127.0.0.1:9',
    rekorURL: 'http://127.0.0.1:9',
  });

  // The Actions OIDC endpoint: GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=..., bearer token.
  oidc = createServer((req, res) => {
    oidcRequests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    const u = new URL(req.url ?? '/', 'http://x');
    if (req.headers.authorization?.toLowerCase() !== `bearer ${RUNTIME_TOKEN}`) {
      res.writeHead(401).end('{"message":"bad token"}');
      return;
    }
    const aud = u.searchParams.get('audience') ?? 'none';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ value: identityToken({ iss: ISSUER, sub: WORKFLOW, aud }) }));
  });
  await new Promise<void>((r) => oidc.listen(0, '127.0.0.1', r));
  oidcUrl = `http://127.0.0.1:${(oidc.address() as { port: number }).port}/token?api-version=2.0`;
}, 120_000);

afterAll(async () => {
  await reg?.stop();
  await mock?.close();
  oidc?.closeAllConnections();
  await new Promise<void>((r) => (oidc ? oidc.close(() => r()) : r()));
});

interface Statement {
  _type: string;
  subject: Array<{ name: string; digest: Record<string, string> }>;
  predicateType: string;
  predicate: {
    verifier: { id: string; version: Record<string, string> };
    timeVerified: string;
    resourceUri: string;
    policy: { uri: string; digest: Record<string, string> };
    inputAttestations: Array<{ uri: string; digest: Record<string, string> }>;
    verificationResult: string;
    verifiedLevels: string[];
    slsaVersion: string;
  };
}

/** @sigstore/verify on the bundle file, against the mock's trusted root; returns the statement. */
async function verifyWithSigstoreJs(
  file: string,
  expect: { key: ReturnType<typeof generateKeyPair> } | { san: string; issuer: string },
): Promise<Statement> {
  const json = JSON.parse(await readFile(file, 'utf8')) as unknown;
  const bundle = bundleFromJSON(json);
  const keys =
    'key' in expect
      ? () => ({ publicKey: expect.key.publicKey, validFor: () => true })
      : () => {
          throw new Error('no keys');
        };
  const tm = toTrustMaterial(TrustedRoot.fromJSON(mock.trustedRoot), keys);
  const verifier = new Verifier(tm, {
    tlogThreshold: 1,
    ctlogThreshold: 'key' in expect ? 0 : 1,
    tsaThreshold: 0,
  });
  verifier.verify(
    toSignedEntity(bundle),
    'san' in expect
      ? { subjectAlternativeName: expect.san, extensions: { issuer: expect.issuer } }
      : undefined,
  );
  const env = bundle.content.$case === 'dsseEnvelope' ? bundle.content.dsseEnvelope : undefined;
  if (!env) throw new Error('not a DSSE bundle');
  if (env.payloadType !== 'application/vnd.in-toto+json') throw new Error(env.payloadType);
  return JSON.parse(env.payload.toString('utf8')) as Statement;
}

const hex = (digest: string): string => digest.slice('sha256:'.length);

describe('summaries signed with a cosign key (CLI)', () => {
  let report: Report;
  let code: number | null;
  let outDir: string;
  beforeAll(async () => {
    outDir = path.join(dir, 'cli-summaries');
    const r = await runCli(
      [
        'verify',
        '--output',
        'json',
        '--trusted-root',
        root,
        '--key',
        pub,
        '--summary-key',
        summaryKey,
        '--signing-config',
        signingConfig,
        '--summaries-path',
        outDir,
        signed.ref,
        unsigned.ref,
      ],
      { COSIGN_PASSWORD: 'vsa-pass' },
    );
    code = r.code;
    report = JSON.parse(r.stdout) as Report;
  }, 60_000);

  it('lists one summary per judged image in the report, PASSED and FAILED', () => {
    expect(code).toBe(1);
    expect(report.error).toBeUndefined();
    expect(report.summaries).toEqual([
      expect.objectContaining({
        image: signed.ref,
        digest: signed.digest,
        verificationResult: 'PASSED',
      }),
      expect.objectContaining({
        image: unsigned.ref,
        digest: unsigned.digest,
        verificationResult: 'FAILED',
      }),
    ]);
    for (const s of report.summaries ?? []) expect(path.dirname(s.file)).toBe(outDir);
  });

  it('each bundle verifies with @sigstore/verify under the summary key, and says the verdict', async () => {
    const [pass, fail] = report.summaries ?? [];
    const ok = await verifyWithSigstoreJs(pass!.file, { key: summaryPub });
    expect(ok._type).toBe('https://in-toto.io/Statement/v1');
    expect(ok.predicateType).toBe(VSA);
    expect(ok.subject).toEqual([
      { name: `${reg.host}/acme/app`, digest: { sha256: hex(signed.digest) } },
    ]);
    expect(ok.predicate.verificationResult).toBe('PASSED');
    expect(ok.predicate.resourceUri).toBe(signed.ref);
    expect(ok.predicate.policy.digest).toEqual({ sha256: hex(report.policyDigest) });
    expect(ok.predicate.verifier.version).toEqual({ 'image-gate': report.tool.version });
    expect(ok.predicate.slsaVersion).toBe('1.0');
    expect(ok.predicate.verifiedLevels).toEqual([]);
    // The decision rested on the .sig layer that verified, named by its digest.
    expect(ok.predicate.inputAttestations).toEqual([
      {
        uri: `oci://${reg.host}/acme/app:${signed.digest.replace(':', '-')}.sig`,
        digest: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      },
    ]);
    const bad = await verifyWithSigstoreJs(fail!.file, { key: summaryPub });
    expect(bad.subject[0]!.digest).toEqual({ sha256: hex(unsigned.digest) });
    expect(bad.predicate.verificationResult).toBe('FAILED');
    expect(bad.predicate.verifiedLevels).toEqual(['FAILED']);
    expect(bad.predicate.inputAttestations).toEqual([]);
    await writeFile(path.join(dir, 'example-predicate.json'), JSON.stringify(ok, null, 2));
  });

  it('a bundle does not verify under another key (@sigstore/verify)', async () => {
    const [pass] = report.summaries ?? [];
    await expect(verifyWithSigstoreJs(pass!.file, { key: generateKeyPair() })).rejects.toThrow();
  });

  it('a summary that cannot be signed is the run error, exit 2, said once', async () => {
    const r = await runCli(
      [
        'verify',
        '--trusted-root',
        root,
        '--key',
        pub,
        '--summary-key',
        summaryKey,
        '--signing-config',
        deadSigningConfig,
        '--summaries-path',
        path.join(dir, 'dead'),
        signed.ref,
      ],
      { COSIGN_PASSWORD: 'vsa-pass' },
    );
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr.match(/sign-summary: signing failed/g)).toHaveLength(1);
  });

  it.each([
    [
      ['--sign-summary', 'keyless', '--summary-key', 'k.key'],
      /--sign-summary keyless excludes --summary-key/,
    ],
    [['--push-summary'], /--push-summary needs --sign-summary/],
    [['--sign-summary', 'maybe'], /--sign-summary: 'maybe' is neither keyless nor key/],
    [['--sign-summary', 'keyless'], /--sign-summary needs --summaries-path/],
  ])('refuses %j (exit 2)', async (args, message) => {
    const r = await runCli(['verify', '--key', pub, ...args, signed.ref]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('keyless summaries from the Action, pushed as referrers', () => {
  let ran: Awaited<ReturnType<typeof runAction>>;
  let report: Report;
  beforeAll(async () => {
    ran = await runAction(
      {
        images: pushed.ref,
        key: pub,
        'trusted-root': root,
        'sign-summary': 'keyless',
        'signing-config': signingConfig,
        'push-summary': 'true',
      },
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: oidcUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: RUNTIME_TOKEN,
      },
    );
    report = JSON.parse(
      await readFile(path.join(ran.runnerTemp, 'image-gate-report.json'), 'utf8'),
    ) as Report;
  }, 60_000);

  it('asks the runner for a sigstore-audience token with its bearer token', () => {
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(oidcRequests).toContainEqual({
      url: '/token?api-version=2.0&audience=sigstore',
      authorization: `Bearer ${RUNTIME_TOKEN}`,
    });
    expect(mock.requests).toContain('POST /api/v2/signingCert');
  });

  it('writes the bundle beside the report; @sigstore/verify accepts it for the workflow identity', async () => {
    const [s] = report.summaries ?? [];
    expect(s?.file).toBe(
      path.join(ran.runnerTemp, 'summaries', `1-${pushed.digest.replace(':', '-')}.sigstore.json`),
    );
    const st = await verifyWithSigstoreJs(s!.file, { san: WORKFLOW, issuer: ISSUER });
    expect(st.predicate.verificationResult).toBe('PASSED');
    expect(st.subject[0]!.digest).toEqual({ sha256: hex(pushed.digest) });
    await expect(
      verifyWithSigstoreJs(s!.file, {
        san: 'https://github.com/evil/x/.github/workflows/a.yml@refs/heads/main',
        issuer: ISSUER,
      }),
    ).rejects.toThrow();
  });

  it('attaches it as a referrer listed in the sha256-<hex> tag index', async () => {
    const [s] = report.summaries ?? [];
    expect(s?.referrer?.via).toBe(`tag index ${pushed.digest.replace(':', '-')}`);
    const base = `http://${reg.host}/v2/acme/web/manifests`;
    const index = (await (
      await fetch(`${base}/${pushed.digest.replace(':', '-')}`, {
        headers: { accept: 'application/vnd.oci.image.index.v1+json' },
      })
    ).json()) as { manifests: Array<Record<string, unknown>> };
    expect(index.manifests).toContainEqual(
      expect.objectContaining({
        digest: s?.referrer?.digest,
        artifactType: BUNDLE,
        annotations: expect.objectContaining({
          'dev.sigstore.bundle.predicateType': VSA,
        }) as unknown,
      }),
    );
    const manifest = (await (
      await fetch(`${base}/${s?.referrer?.digest}`, {
        headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
      })
    ).json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      artifactType: BUNDLE,
      subject: { digest: pushed.digest, size: pushed.size },
      config: { mediaType: 'application/vnd.oci.empty.v1+json' },
      layers: [{ mediaType: BUNDLE, size: (await readFile(s!.file)).length }],
    });
  });

  it('image-gate finds the pushed summary as a verified attestation of its image', async () => {
    const both = bothRoots;
    const r = await runCli([
      'verify',
      '--output',
      'json',
      '--trusted-root',
      both,
      '--key',
      pub,
      '--attestation',
      VSA,
      '--attestation-certificate-identity',
      WORKFLOW,
      '--attestation-certificate-oidc-issuer',
      ISSUER,
      pushed.ref,
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout) as Report;
    expect(rep.results[0]?.attestations).toContainEqual(
      expect.objectContaining({ predicateType: VSA, verified: true, format: 'bundle-tag' }),
    );
  });

  it('keyless without an OIDC token fails the step saying how to get one', async () => {
    const r = await runAction({
      images: pushed.ref,
      key: pub,
      'trusted-root': root,
      'sign-summary': 'keyless',
      'signing-config': signingConfig,
    });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/id-token: write/);
  });
});

describe("accept-summary: admitting an image on the gate's own summary", () => {
  let gated: Image;
  let otherImage: Image;
  let keyGated: Image;
  let failing: Image;
  const policyArgs = (): string[] => ['--trusted-root', bothRoots, '--key', pub];
  const keylessAccept = (identity = WORKFLOW): string[] => [
    '--accept-summary',
    '--summary-identity',
    identity,
    '--summary-oidc-issuer',
    ISSUER,
  ];
  const verify = async (args: string[], image: Image) => {
    const r = await runCli(['verify', '--output', 'json', ...args, image.ref]);
    return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
  };

  beforeAll(async () => {
    gated = await signedImage(signing, 'acme/gated', 'v1', { key: kp });
    otherImage = await signedImage(signing, 'acme/gated', 'other');
    keyGated = await signedImage(signing, 'acme/gated', 'key', { key: kp });
    failing = await signedImage(signing, 'acme/gated', 'failing', { key: otherKp });
    // Summaries of the images while their signatures are good, pushed by an earlier gate run.
    const gate = await runCli(
      [
        'verify',
        ...policyArgs(),
        '--sign-summary',
        'keyless',
        '--signing-config',
        signingConfig,
        '--summaries-path',
        path.join(dir, 'accept'),
        '--push-summary',
        gated.ref,
        failing.ref,
      ],
      { SIGSTORE_ID_TOKEN: identityToken({ iss: ISSUER, sub: WORKFLOW }) },
    );
    // `failing` is signed by a key the policy does not trust: its summary says FAILED.
    expect(gate.code, gate.stdout + gate.stderr).toBe(1);
    const keyGate = await runCli(
      [
        'verify',
        ...policyArgs(),
        '--summary-key',
        summaryKey,
        '--signing-config',
        signingConfig,
        '--summaries-path',
        path.join(dir, 'accept-key'),
        '--push-summary',
        keyGated.ref,
      ],
      { COSIGN_PASSWORD: 'vsa-pass' },
    );
    expect(keyGate.code, keyGate.stdout + keyGate.stderr).toBe(0);
    // The gated summary, attached to another image whose own digest it does not name.
    const bundleBytes = await readFile(
      path.join(dir, 'accept', `1-${gated.digest.replace(':', '-')}.sigstore.json`),
    );
    await pushBundleReferrers(reg.host, 'acme/gated', otherImage, [
      { bytes: bundleBytes, predicateType: VSA },
    ]);
    // Now their signatures go bad: full verification fails, so a pass can only be the summary.
    for (const image of [gated, keyGated, otherImage])
      await signLegacy(signing, image, { key: otherKp });
  }, 120_000);

  it('verification in full now fails (the signatures are by another key)', async () => {
    const { code } = await verify(policyArgs(), gated);
    expect(code).toBe(1);
  });

  it('passes on a valid summary by the gate identity, without its signatures', async () => {
    const { code, report } = await verify([...policyArgs(), ...keylessAccept()], gated);
    expect(code).toBe(0);
    const r = report.results[0]!;
    expect(r.acceptedSummary?.where).toMatch(/^summary tag index sha256:/);
    expect(r.signatures).toEqual([
      expect.objectContaining({ kind: 'keyless', identity: WORKFLOW, issuer: ISSUER }),
    ]);
    expect(r.inputs).toEqual([
      {
        uri: expect.stringMatching(/^oci:\/\/.*acme\/gated@sha256:/) as unknown,
        digest: expect.any(String) as unknown,
      },
    ]);
  });

  it('the Action passes on it too (accept-summary inputs)', async () => {
    const ran = await runAction({
      images: gated.ref,
      key: pub,
      'trusted-root': bothRoots,
      'accept-summary': 'true',
      'summary-identity': WORKFLOW,
      'summary-oidc-issuer': ISSUER,
      'summary-max-age': '1h',
    });
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    const report = JSON.parse(
      await readFile(path.join(ran.runnerTemp, 'image-gate-report.json'), 'utf8'),
    ) as Report;
    expect(report.results[0]?.acceptedSummary).toBeDefined();
  });

  describe('with a revocation list', () => {
    let listKey: string;
    let listPub: string;
    /** `image-gate revoke` into a fresh list signed by the list key. */
    const revokeInto = async (name: string, ...args: string[]): Promise<string> => {
      const file = path.join(dir, name);
      const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
      const r = await runCli([
        'revoke',
        '--list',
        file,
        '--key',
        listKey,
        '--expires',
        expires,
        ...args,
      ]);
      expect(r.code, r.stderr).toBe(0);
      return file;
    };
    const withList = (list: string): string[] => [
      '--revocations',
      list,
      '--revocations-key',
      listPub,
    ];

    beforeAll(async () => {
      const { generateKeyPairSync } = await import('node:crypto');
      const k = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      listKey = path.join(dir, 'list.key.pem');
      listPub = path.join(dir, 'list.pub.pem');
      await writeFile(listKey, k.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
      await writeFile(listPub, k.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    });

    it('a revoked digest fails the image although a valid summary of it exists', async () => {
      const list = await revokeInto(
        'digest.json',
        '--kind',
        'digest',
        '--digest',
        gated.digest,
        '--reason',
        'pulled back',
      );
      const { code, report } = await verify(
        [...policyArgs(), ...keylessAccept(), ...withList(list)],
        gated,
      );
      expect(code).toBe(1);
      expect(report.results[0]?.code).toBe('REVOKED');
      expect(report.results[0]?.acceptedSummary).toBeUndefined();
    });

    it('a list revoking signers means summaries are not consulted: the image is verified in full', async () => {
      // Revokes a key that signed nothing here: only its kind matters. The summary would admit
      // `gated`, but a summary cannot show its signatures' signers are unrevoked, so the full
      // verification runs (and fails: the signatures were replaced by another key's).
      const list = await revokeInto(
        'key.json',
        '--kind',
        'key',
        '--key-id',
        `sha256:${'ab'.repeat(32)}`,
        '--reason',
        'retired',
      );
      const { code, report } = await verify(
        [...policyArgs(), ...keylessAccept(), ...withList(list)],
        gated,
      );
      expect(code).toBe(1);
      expect(report.results[0]?.acceptedSummary).toBeUndefined();
      // With a digest-only list of another digest the same summary still admits it.
      const other = await revokeInto(
        'other-digest.json',
        '--kind',
        'digest',
        '--digest',
        `sha256:${'cd'.repeat(32)}`,
        '--reason',
        'another image',
      );
      const admitted = await verify(
        [...policyArgs(), ...keylessAccept(), ...withList(other)],
        gated,
      );
      expect(admitted.code, admitted.stderr).toBe(0);
      expect(admitted.report.results[0]?.acceptedSummary).toBeDefined();
    });
  });

  it('passes on a valid summary by the gate key (summary-key)', async () => {
    const { code, report } = await verify(
      [...policyArgs(), '--accept-summary', '--summary-key', summaryPubFile],
      keyGated,
    );
    expect(code).toBe(0);
    expect(report.results[0]?.acceptedSummary).toBeDefined();
  });

  it.each([
    [
      'signed by another identity',
      () => [
        ...policyArgs(),
        ...keylessAccept('https://github.com/evil/x/.github/workflows/a.yml@refs/heads/main'),
      ],
      () => gated,
      /certificate identity not trusted: expected identity https:\/\/github.com\/evil/,
    ],
    [
      'signed by another key',
      () => [...policyArgs(), '--accept-summary', '--summary-key', pub],
      () => keyGated,
      /signature does not verify with any trusted key/,
    ],
    [
      'for another digest',
      () => [...policyArgs(), ...keylessAccept()],
      () => otherImage,
      /statement subjects \(sha256:[0-9a-f]{64}\) do not include sha256:/,
    ],
    [
      'that says FAILED',
      () => [...policyArgs(), ...keylessAccept()],
      () => failing,
      /verification summary says "FAILED", not PASSED/,
    ],
    [
      'for another policy digest',
      () => [...policyArgs(), '--insecure-ignore-sct', ...keylessAccept()],
      () => gated,
      /is for policy sha256:[0-9a-f]{64}, not this run's/,
    ],
    [
      'older than summary-max-age',
      () => [...policyArgs(), ...keylessAccept(), '--summary-max-age', '1ms'],
      () => gated,
      /older than summary-max-age/,
    ],
  ])(
    'a summary %s is not accepted: the image is verified in full (and fails)',
    async (_what, args, image, why) => {
      const { code, report } = await verify(args(), image());
      expect(code).toBe(1);
      const r = report.results[0]!;
      expect(r.acceptedSummary).toBeUndefined();
      const summaryRejections = (r.rejected ?? []).filter((x) => x.where.startsWith('summary '));
      expect(summaryRejections.map((x) => x.reason).join('\n')).toMatch(why);
    },
  );
});
