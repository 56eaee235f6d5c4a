// Self-check of the test Sigstore factory: its output has the exact shapes real cosign writes (compared
// with real fixtures) and verifies with @sigstore/verify against its own trusted root; faults fail.
import crypto, { type KeyObject } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { assertBundleLatest, assertBundleV01, bundleFromJSON } from '@sigstore/bundle';
import { X509Certificate } from '@sigstore/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import {
  PolicyError,
  Verifier,
  type VerificationPolicy,
  VerificationError,
  toSignedEntity,
  toTrustMaterial,
} from '@sigstore/verify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ANNOTATION_BUNDLE,
  ANNOTATION_CERTIFICATE,
  ANNOTATION_CHAIN,
  ANNOTATION_SIGNATURE,
  type KeySigner,
  type LegacySignature,
  type SignedBundle,
  type TestSigstore,
  type TrustedRootJson,
  createTestSigstore,
} from '../helpers/test-sigstore.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const DIGEST = 'sha256:21c76c650023cac8d753af4cb591e6f7450c6e2b499b5751d4a21e26e2fc5012';
const REFERENCE = 'index.docker.io/teleportdan/hello-world';
const OTHER_DIGEST = `sha256:${'ab'.repeat(32)}`;
const GH_ISSUER = 'https://token.actions.githubusercontent.com';
const WORKFLOW = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';

// ------------------------------------------------------------------------------------------------
// A legacy `.sig` layer -> Sigstore bundle v0.1 converter, kept here so this self-check does not
// depend on the verifier being written in src/ (DESIGN.md "Verification approach").

function pemCertificates(pem: string): Buffer[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map(
    (m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64'),
  );
}

function legacyToBundleV01(sig: { payload: Buffer; annotations: Record<string, string> }): unknown {
  const set = JSON.parse(sig.annotations[ANNOTATION_BUNDLE]) as {
    SignedEntryTimestamp: string;
    Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
  };
  const body = JSON.parse(Buffer.from(set.Payload.body, 'base64').toString('utf8')) as {
    kind: string;
    apiVersion: string;
  };
  const certPem = sig.annotations[ANNOTATION_CERTIFICATE];
  const certificates = certPem
    ? [...pemCertificates(certPem), ...pemCertificates(sig.annotations[ANNOTATION_CHAIN] ?? '')]
    : [];
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    verificationMaterial: {
      ...(certPem
        ? {
            x509CertificateChain: {
              certificates: certificates.map((c) => ({ rawBytes: c.toString('base64') })),
            },
          }
        : { publicKey: { hint: '' } }),
      tlogEntries: [
        {
          logIndex: String(set.Payload.logIndex),
          logId: { keyId: Buffer.from(set.Payload.logID, 'hex').toString('base64') },
          kindVersion: { kind: body.kind, version: body.apiVersion },
          integratedTime: String(set.Payload.integratedTime),
          inclusionPromise: { signedEntryTimestamp: set.SignedEntryTimestamp },
          canonicalizedBody: set.Payload.body,
        },
      ],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    messageSignature: {
      messageDigest: {
        algorithm: 'SHA2_256',
        digest: crypto.createHash('sha256').update(sig.payload).digest('base64'),
      },
      signature: sig.annotations[ANNOTATION_SIGNATURE],
    },
  };
}

function trust(root: TrustedRootJson, key?: KeyObject): ReturnType<typeof toTrustMaterial> {
  const parsed = TrustedRoot.fromJSON(root);
  return key
    ? toTrustMaterial(parsed, () => ({ publicKey: key, validFor: () => true }))
    : toTrustMaterial(parsed);
}

function verifyLegacy(
  root: TrustedRootJson,
  sig: LegacySignature,
  opts: { key?: KeyObject; policy?: VerificationPolicy } = {},
): ReturnType<Verifier['verify']> {
  const bundle = bundleFromJSON(legacyToBundleV01(sig));
  assertBundleV01(bundle);
  const verifier = new Verifier(trust(root, opts.key), { ctlogThreshold: opts.key ? 0 : 1 });
  return verifier.verify(toSignedEntity(bundle, sig.payload), opts.policy);
}

function verifyBundle(
  root: TrustedRootJson,
  signed: SignedBundle | SignedBundle['bundle'],
  opts: {
    key?: KeyObject;
    policy?: VerificationPolicy;
    tlogThreshold?: number;
    tsaThreshold?: number;
  } = {},
): ReturnType<Verifier['verify']> {
  const json = 'bundle' in signed ? signed.bundle : signed;
  const bundle = bundleFromJSON(json);
  assertBundleLatest(bundle);
  const verifier = new Verifier(trust(root, opts.key), {
    ctlogThreshold: opts.key ? 0 : 1,
    ...(opts.tlogThreshold === undefined ? {} : { tlogThreshold: opts.tlogThreshold }),
    ...(opts.tsaThreshold === undefined ? {} : { tsaThreshold: opts.tsaThreshold }),
  });
  return verifier.verify(toSignedEntity(bundle), opts.policy);
}

const exact = (s: string): RegExp => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

function verificationCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e: unknown) {
    if (e instanceof VerificationError || e instanceof PolicyError) {
      const cause: unknown = e.cause;
      return `${e.code}: ${e.message}${cause instanceof Error ? ` (${cause.message})` : ''}`;
    }
    if (e instanceof Error) return `${e.name}: ${e.message}`;
    return String(e);
  }
  return 'VERIFIED';
}

/** Recursive key structure of a JSON value, to compare our output's shape with real cosign output. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (value && typeof value === 'object')
    return Object.entries(value).map(([k, v]) => [k, shape(v)]);
  return typeof value;
}

const decodeBody = (b64: string): unknown =>
  JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));

// ------------------------------------------------------------------------------------------------

let ts: TestSigstore;
let key: KeySigner;

beforeAll(async () => {
  ts = await createTestSigstore();
  key = ts.generateKeyPair();
});

describe('trusted root', () => {
  it('lists the Fulcio chain, Rekor and CT keys with logId = sha256(DER SPKI), and a TSA chain', () => {
    const root = ts.trustedRoot;
    expect(root.mediaType).toBe('application/vnd.dev.sigstore.trustedroot+json;version=0.1');
    const rekorKey = Buffer.from(root.tlogs[0].publicKey.rawBytes, 'base64');
    expect(root.tlogs[0].logId.keyId).toBe(
      crypto.createHash('sha256').update(rekorKey).digest('base64'),
    );
    expect(Buffer.from(root.tlogs[0].logId.keyId, 'base64')).toEqual(ts.rekor.logId);
    expect(Buffer.from(root.ctlogs[0].logId.keyId, 'base64')).toEqual(ts.ctLogId);
    expect(root.certificateAuthorities[0].certChain.certificates).toHaveLength(2);
    expect(root.timestampAuthorities[0].certChain.certificates).toHaveLength(2);
    const material = trust(root);
    expect(material.certificateAuthorities[0].certChain[1].isCA).toBe(true);
    expect(material.tlogs[0].validFor.start.getTime()).toBeLessThan(Date.now());
  });

  it('writes trusted_root.json that parses back to the same object', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'test-sigstore-'));
    try {
      const file = await ts.writeTrustedRoot(dir);
      expect(path.basename(file)).toBe('trusted_root.json');
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(ts.trustedRoot);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('legacy .sig layers (cosign v2)', () => {
  it('writes the simple-signing payload byte-for-byte as real cosign does', async () => {
    const real = await readFile(
      path.join(
        FIXTURES,
        'teleport-sigstoretest/v2/simple-signing/blobs/sha256~608c32cf47678ef8e63578597fbb982ddf3b84cb491359e7c6e824b3925a8ce2',
      ),
    );
    const sig = ts.signLegacyKey({ imageDigest: DIGEST, dockerReference: REFERENCE, ...key });
    expect(sig.payload.equals(real)).toBe(true);
    expect(sig.mediaType).toBe('application/vnd.dev.cosign.simplesigning.v1+json');
  });

  it('puts -a annotations into the payload optional field', () => {
    const sig = ts.signLegacyKey({
      imageDigest: DIGEST,
      dockerReference: REFERENCE,
      ...key,
      payloadAnnotations: { env: 'prod' },
    });
    expect(sig.payload.toString()).toMatch(/"optional":\{"env":"prod"\}\}$/);
  });

  it('key-signed layer has the annotations, SET bundle and hashedrekord body shapes of real cosign', async () => {
    const manifest = JSON.parse(
      await readFile(
        path.join(
          FIXTURES,
          'teleport-sigstoretest/v2/simple-signing/manifests/sha256-21c76c650023cac8d753af4cb591e6f7450c6e2b499b5751d4a21e26e2fc5012.sig',
        ),
        'utf8',
      ),
    ) as { layers: { annotations: Record<string, string> }[] };
    const [realKeyless, realKey] = manifest.layers.map((l) => l.annotations) as [
      Record<string, string>,
      Record<string, string>,
    ];
    const sig = ts.signLegacyKey({ imageDigest: DIGEST, dockerReference: REFERENCE, ...key });
    expect(Object.keys(sig.annotations).sort()).toEqual(Object.keys(realKey).sort());
    const ours = JSON.parse(sig.annotations[ANNOTATION_BUNDLE]) as { Payload: { body: string } };
    const theirs = JSON.parse(realKey[ANNOTATION_BUNDLE]) as { Payload: { body: string } };
    expect(shape(ours)).toEqual(shape(theirs));
    expect(shape(decodeBody(ours.Payload.body))).toEqual(shape(decodeBody(theirs.Payload.body)));
    const keyless = ts.signLegacyKeyless({
      imageDigest: DIGEST,
      dockerReference: REFERENCE,
      identity: 'dev@example.com',
      issuer: 'https://accounts.google.com',
    });
    expect(Object.keys(keyless.annotations).sort()).toEqual(Object.keys(realKeyless).sort());
    expect(keyless.annotations[ANNOTATION_CHAIN].endsWith('-----END CERTIFICATE-----')).toBe(true);
  });

  it('key-signed layer verifies with @sigstore/verify through a v0.1 bundle', () => {
    const sig = ts.signLegacyKey({ imageDigest: DIGEST, dockerReference: REFERENCE, ...key });
    const signer = verifyLegacy(ts.trustedRoot, sig, { key: key.publicKey });
    expect(signer.key.export({ type: 'spki', format: 'der' })).toEqual(
      key.publicKey.export({ type: 'spki', format: 'der' }),
    );
    const body = decodeBody(sig.tlogEntry!.canonicalizedBody.toString('base64')) as {
      spec: { signature: { publicKey: { content: string } } };
    };
    expect(Buffer.from(body.spec.signature.publicKey.content, 'base64').toString()).toBe(
      key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
  });

  it('tlog: false leaves only the signature annotation', () => {
    const sig = ts.signLegacyKey({
      imageDigest: DIGEST,
      dockerReference: REFERENCE,
      ...key,
      tlog: false,
    });
    expect(Object.keys(sig.annotations)).toEqual([ANNOTATION_SIGNATURE]);
    expect(
      crypto.verify(
        'sha256',
        sig.payload,
        key.publicKey,
        Buffer.from(sig.annotations[ANNOTATION_SIGNATURE], 'base64'),
      ),
    ).toBe(true);
  });

  it.each([
    ['email', 'dev@example.com', 'https://accounts.google.com'],
    ['URI', WORKFLOW, GH_ISSUER],
  ])(
    'keyless layer (%s SAN) verifies with the exact identity and issuer',
    (_kind, identity, issuer) => {
      const sig = ts.signLegacyKeyless({
        imageDigest: DIGEST,
        dockerReference: REFERENCE,
        identity,
        issuer,
      });
      const signer = verifyLegacy(ts.trustedRoot, sig, {
        policy: { subjectAlternativeName: exact(identity), extensions: { issuer } },
      });
      expect(signer.identity?.subjectAlternativeName).toBe(identity);
      expect(signer.identity?.extensions?.issuer).toBe(issuer);
    },
  );

  it('keyless leaf carries code-signing EKU, issuer v1 (raw) and v2 (UTF8String) and extra Fulcio extensions', () => {
    const sig = ts.signLegacyKeyless({
      imageDigest: DIGEST,
      dockerReference: REFERENCE,
      identity: WORKFLOW,
      issuer: GH_ISSUER,
      extensions: {
        '1.3.6.1.4.1.57264.1.9': WORKFLOW,
        '1.3.6.1.4.1.57264.1.12': 'https://github.com/acme/app',
      },
    });
    const cert = X509Certificate.parse(sig.certificatePem!);
    expect(cert.extension('1.3.6.1.4.1.57264.1.1')!.value.toString()).toBe(GH_ISSUER);
    const v2 = cert.extension('1.3.6.1.4.1.57264.1.8')!.value;
    expect(v2[0]).toBe(0x0c); // UTF8String
    expect(v2.subarray(2).toString()).toBe(GH_ISSUER);
    expect(cert.extension('1.3.6.1.4.1.57264.1.12')!.value.subarray(2).toString()).toBe(
      'https://github.com/acme/app',
    );
    expect(cert.extKeyUsage?.digitalSignature).toBe(true);
    expect(
      cert.extension('2.5.29.37')!.value.includes(Buffer.from('06082b06010505070303', 'hex')),
    ).toBe(true);
    expect(cert.extSCT?.signedCertificateTimestamps).toHaveLength(1);
    expect(cert.subjectAltName).toBe(WORKFLOW);
    const signer = verifyLegacy(ts.trustedRoot, sig, {
      policy: {
        subjectAlternativeName: exact(WORKFLOW),
        oids: [
          {
            oid: { id: [1, 3, 6, 1, 4, 1, 57264, 1, 12] },
            value: v2Utf8('https://github.com/acme/app'),
          },
        ],
      },
    });
    expect(signer.identity?.subjectAlternativeName).toBe(WORKFLOW);
  });
});

function v2Utf8(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  return Buffer.concat([Buffer.from([0x0c, bytes.length]), bytes]);
}

describe('Sigstore bundles (cosign v3)', () => {
  it('cosign sign statement is byte-for-byte what cosign v3 writes (pre-3.0.5 shape without predicate)', async () => {
    const real = JSON.parse(
      await readFile(path.join(FIXTURES, 'sigstore-rs-cosign-v3-sign/bundle_v03.json'), 'utf8'),
    ) as {
      dsseEnvelope: { payload: string };
    };
    const realStatement = Buffer.from(real.dsseEnvelope.payload, 'base64');
    const digest = `sha256:${(JSON.parse(realStatement.toString()) as { subject: { digest: { sha256: string } }[] }).subject[0].digest.sha256}`;
    const signed = ts.signBundle({ imageDigest: digest, signer: key, omitPredicate: true });
    expect(signed.statement.equals(realStatement)).toBe(true);
    const current = ts.signBundle({ imageDigest: digest, signer: key });
    expect(current.statement.toString()).toBe(
      realStatement.toString().replace(/\}$/, ',"predicate":{}}'),
    );
  });

  it('bundle, tlog entry and dsse body have the shapes of a real cosign v3 keyless bundle', async () => {
    const real = JSON.parse(
      await readFile(path.join(FIXTURES, 'sigstore-rs-cosign-v3-sign/bundle_v03.json'), 'utf8'),
    ) as {
      verificationMaterial: { tlogEntries: { canonicalizedBody: string }[] };
    };
    const signed = ts.signBundle({
      imageDigest: DIGEST,
      signer: { identity: WORKFLOW, issuer: GH_ISSUER },
    });
    expect(shape(signed.bundle)).toEqual(shape(real));
    expect(
      shape(decodeBody(signed.bundle.verificationMaterial.tlogEntries[0].canonicalizedBody)),
    ).toEqual(shape(decodeBody(real.verificationMaterial.tlogEntries[0].canonicalizedBody)));
    expect(JSON.parse(signed.bytes.toString())).toEqual(signed.bundle);
  });

  it('cosign attest statement (v0.1) has the key order of a real cosign attest bundle', async () => {
    const real = JSON.parse(
      await readFile(
        path.join(FIXTURES, 'cosign-oci-attestation/oci-attestation.sigstore.json'),
        'utf8',
      ),
    ) as {
      dsseEnvelope: { payload: string };
    };
    const realStatement = JSON.parse(
      Buffer.from(real.dsseEnvelope.payload, 'base64').toString(),
    ) as Record<string, unknown>;
    const signed = ts.signBundle({
      imageDigest: DIGEST,
      signer: key,
      predicateType: 'https://cosign.sigstore.dev/attestation/v1',
      predicate: realStatement['predicate'],
      subjectName: '127.0.0.1:60943/repo',
    });
    expect(shape(JSON.parse(signed.statement.toString()))).toEqual(shape(realStatement));
  });

  it('key-signed bundle validates and verifies with the cosign key hint', () => {
    const signed = ts.signBundle({ imageDigest: DIGEST, signer: key });
    const hint = crypto
      .createHash('sha256')
      .update(key.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64');
    expect(signed.bundle.verificationMaterial.publicKey).toEqual({ hint });
    expect(signed.bundle.dsseEnvelope!.signatures[0]).not.toHaveProperty('keyid');
    const signer = verifyBundle(ts.trustedRoot, signed, { key: key.publicKey });
    expect(signer.identity).toBeUndefined();
  });

  it('keyless bundle verifies with identity, issuer, SCT, SET, inclusion proof and RFC 3161 timestamp', () => {
    const signed = ts.signBundle({
      imageDigest: DIGEST,
      signer: { identity: WORKFLOW, issuer: GH_ISSUER },
    });
    const entry = signed.bundle.verificationMaterial.tlogEntries[0];
    expect(entry.kindVersion).toEqual({ kind: 'dsse', version: '0.0.1' });
    expect(entry.inclusionPromise).toBeDefined();
    expect(entry.inclusionProof!.checkpoint.envelope).toContain(`\u2014 ${ts.rekor.host} `);
    const signer = verifyBundle(ts.trustedRoot, signed, {
      policy: { subjectAlternativeName: exact(WORKFLOW), extensions: { issuer: GH_ISSUER } },
      tsaThreshold: 1,
    });
    expect(signer.identity?.subjectAlternativeName).toBe(WORKFLOW);
  });

  it('the RFC 3161 timestamp alone is a verified timestamp (tlog dropped, tlogThreshold 0)', () => {
    const signed = ts.signBundle({
      imageDigest: DIGEST,
      signer: { identity: 'dev@example.com', issuer: 'https://accounts.google.com' },
      tlog: false,
    });
    expect(signed.bundle.verificationMaterial.tlogEntries).toEqual([]);
    expect(
      verificationCode(() =>
        verifyBundle(ts.trustedRoot, signed, { tlogThreshold: 0, tsaThreshold: 1 }),
      ),
    ).toBe('VERIFIED');
  });

  it('inclusion proofs verify for every entry as the log grows', () => {
    const bundles = Array.from({ length: 7 }, (_, i) =>
      ts.signBundle({ imageDigest: `sha256:${String(i).repeat(64)}`, signer: key, rfc3161: false }),
    );
    const sizes = bundles.map((b) =>
      Number(b.bundle.verificationMaterial.tlogEntries[0].inclusionProof!.treeSize),
    );
    expect(new Set(sizes).size).toBe(7);
    for (const b of bundles) {
      // Drop the SET so only the Merkle proof and checkpoint vouch for inclusion.
      delete b.bundle.verificationMaterial.tlogEntries[0].inclusionPromise;
      expect(
        verificationCode(() =>
          verifyBundle(ts.trustedRoot, b, {
            key: key.publicKey,
            tsaThreshold: 0,
            tlogThreshold: 0,
          }),
        ),
      ).toBe('VERIFIED');
      const entry = bundleFromJSON(b.bundle).verificationMaterial.tlogEntries[0];
      expect(entry.inclusionProof?.hashes.length).toBeGreaterThanOrEqual(0);
    }
  });

  it('signStatementBundle signs an arbitrary statement byte-for-byte', () => {
    const statement = Buffer.from(
      '{"_type":"https://in-toto.io/Statement/v1","subject":[],"predicateType":"x","predicate":{}}',
    );
    const signed = ts.signStatementBundle(statement, key, { rfc3161: false });
    expect(Buffer.from(signed.bundle.dsseEnvelope!.payload, 'base64').equals(statement)).toBe(true);
    expect(
      verificationCode(() => verifyBundle(ts.trustedRoot, signed, { key: key.publicKey })),
    ).toBe('VERIFIED');
  });
});

describe('faults a verifier must reject', () => {
  const other = (): KeySigner => ts.generateKeyPair();
  const keyless = { identity: WORKFLOW, issuer: GH_ISSUER };

  it.each<[string, RegExp, () => string]>([
    [
      'legacy signature by another key',
      /^SIGNATURE_ERROR/,
      () =>
        verificationCode(() =>
          verifyLegacy(
            ts.trustedRoot,
            ts.signLegacyKey({ imageDigest: DIGEST, dockerReference: REFERENCE, ...other() }),
            { key: key.publicKey },
          ),
        ),
    ],
    [
      'legacy SET signed by a Rekor key not in the trusted root',
      /^TLOG_INCLUSION_PROMISE_ERROR/,
      () =>
        verificationCode(() =>
          verifyLegacy(
            ts.trustedRoot,
            ts.signLegacyKey({
              imageDigest: DIGEST,
              dockerReference: REFERENCE,
              ...key,
              rekorKey: 'rogue',
            }),
            { key: key.publicKey },
          ),
        ),
    ],
    [
      'legacy SET copied from another signature',
      /^TLOG_BODY_ERROR: signature mismatch/,
      () => {
        const a = ts.signLegacyKey({ imageDigest: DIGEST, dockerReference: REFERENCE, ...key });
        const b = ts.signLegacyKey({
          imageDigest: OTHER_DIGEST,
          dockerReference: REFERENCE,
          ...key,
        });
        return verificationCode(() =>
          verifyLegacy(
            ts.trustedRoot,
            {
              ...b,
              annotations: {
                ...b.annotations,
                [ANNOTATION_BUNDLE]: a.annotations[ANNOTATION_BUNDLE],
              },
            },
            { key: key.publicKey },
          ),
        );
      },
    ],
    [
      'keyless cert expired before the log integrated the entry',
      /^CERTIFICATE_ERROR.*not valid or expired/,
      () => {
        const signedAt = new Date();
        const certValidity = {
          notBefore: new Date(signedAt.getTime() - 30 * 60_000),
          notAfter: new Date(signedAt.getTime() - 20 * 60_000),
        };
        return verificationCode(() =>
          verifyLegacy(
            ts.trustedRoot,
            ts.signLegacyKeyless({
              imageDigest: DIGEST,
              dockerReference: REFERENCE,
              ...keyless,
              certValidity,
              signedAt,
            }),
          ),
        );
      },
    ],
    [
      'keyless cert from a self-made sigstore-intermediate',
      /^CERTIFICATE_ERROR.*no (valid|trusted) certificate path/,
      () =>
        verificationCode(() =>
          verifyLegacy(
            ts.trustedRoot,
            ts.signLegacyKeyless({
              imageDigest: DIGEST,
              dockerReference: REFERENCE,
              ...keyless,
              ca: 'rogue',
            }),
          ),
        ),
    ],
    [
      'keyless cert with an SCT from an untrusted CT log',
      /^CERTIFICATE_ERROR: SCT verification failed/,
      () =>
        verificationCode(() =>
          verifyLegacy(
            ts.trustedRoot,
            ts.signLegacyKeyless({
              imageDigest: DIGEST,
              dockerReference: REFERENCE,
              ...keyless,
              ctLog: 'rogue',
            }),
          ),
        ),
    ],
    [
      'keyless cert without SCT',
      /^CERTIFICATE_ERROR: expected 1 SCTs, got 0/,
      () =>
        verificationCode(() =>
          verifyLegacy(
            ts.trustedRoot,
            ts.signLegacyKeyless({
              imageDigest: DIGEST,
              dockerReference: REFERENCE,
              ...keyless,
              ctLog: 'none',
            }),
          ),
        ),
    ],
    [
      'keyless identity that differs from the policy',
      /^UNTRUSTED_SIGNER_ERROR/,
      () =>
        verificationCode(() =>
          verifyLegacy(
            ts.trustedRoot,
            ts.signLegacyKeyless({
              imageDigest: DIGEST,
              dockerReference: REFERENCE,
              ...keyless,
              identity: `${WORKFLOW}-evil`,
            }),
            { policy: { subjectAlternativeName: exact(WORKFLOW) } },
          ),
        ),
    ],
    [
      'bundle SET and checkpoint signed by a rogue Rekor key',
      /^TLOG_INCLUSION_PROMISE_ERROR/,
      () =>
        verificationCode(() =>
          verifyBundle(
            ts.trustedRoot,
            ts.signBundle({ imageDigest: DIGEST, signer: key, rekorKey: 'rogue', rfc3161: false }),
            { key: key.publicKey },
          ),
        ),
    ],
    [
      'bundle signed by another key',
      /^SIGNATURE_ERROR/,
      () =>
        verificationCode(() =>
          verifyBundle(
            ts.trustedRoot,
            ts.signBundle({ imageDigest: DIGEST, signer: other(), rfc3161: false }),
            { key: key.publicKey },
          ),
        ),
    ],
    [
      'bundle whose DSSE payload was edited',
      /^TLOG_BODY_ERROR: DSSE payload hash mismatch/,
      () => {
        const signed = ts.signBundle({ imageDigest: DIGEST, signer: key, rfc3161: false });
        const env = signed.bundle.dsseEnvelope!;
        env.payload = Buffer.from(
          Buffer.from(env.payload, 'base64')
            .toString()
            .replace(DIGEST.slice(7), OTHER_DIGEST.slice(7)),
        ).toString('base64');
        return verificationCode(() => verifyBundle(ts.trustedRoot, signed, { key: key.publicKey }));
      },
    ],
    [
      'bundle with a timestamp from a TSA not in the trusted root',
      /^TIMESTAMP_ERROR/,
      () => {
        const signed = ts.signBundle({ imageDigest: DIGEST, signer: key });
        const root: TrustedRootJson = { ...ts.trustedRoot, timestampAuthorities: [] };
        return verificationCode(() => verifyBundle(root, signed, { key: key.publicKey }));
      },
    ],
  ])('rejects %s', (_name, expected, run) => {
    // The expected error names the fault, so a crash or an unrelated failure in the fixture cannot pass.
    expect(run()).toMatch(expected);
  });
});

describe('clock', () => {
  it('a fixed clock in the past yields entries, certs and timestamps at that time that still verify', async () => {
    const at = new Date('2025-03-10T10:32:50Z');
    const past = await createTestSigstore({ now: () => at });
    const legacy = past.signLegacyKeyless({
      imageDigest: DIGEST,
      dockerReference: REFERENCE,
      identity: WORKFLOW,
      issuer: GH_ISSUER,
    });
    expect(legacy.tlogEntry?.integratedTime).toBe(at.getTime() / 1000);
    expect(X509Certificate.parse(legacy.certificatePem!).notBefore.getTime()).toBe(
      at.getTime() - 1000,
    );
    expect(verificationCode(() => verifyLegacy(past.trustedRoot, legacy))).toBe('VERIFIED');
    const bundle = past.signBundle({
      imageDigest: DIGEST,
      signer: { identity: WORKFLOW, issuer: GH_ISSUER },
    });
    expect(
      verificationCode(() => verifyBundle(past.trustedRoot, bundle, { tsaThreshold: 1 })),
    ).toBe('VERIFIED');
    // Another instance's trust root does not vouch for this one's signatures.
    expect(verificationCode(() => verifyBundle(ts.trustedRoot, bundle))).toMatch(
      /^(CERTIFICATE|TLOG|TIMESTAMP)/,
    );
  });
});

describe('speed', () => {
  it('a signing call takes a few milliseconds once the instance exists', () => {
    const start = performance.now();
    for (let i = 0; i < 20; i++) {
      ts.signLegacyKeyless({
        imageDigest: DIGEST,
        dockerReference: REFERENCE,
        ...{ identity: WORKFLOW, issuer: GH_ISSUER },
      });
      ts.signBundle({ imageDigest: DIGEST, signer: { identity: WORKFLOW, issuer: GH_ISSUER } });
    }
    expect((performance.now() - start) / 40).toBeLessThan(25);
  });
});
