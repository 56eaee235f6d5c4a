/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument,
   @typescript-eslint/no-unsafe-call -- the edits below reach into bundle and trusted-root JSON;
   typing every path would obscure which field each test changes. */
import { createHash, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CeilingError,
  createCeiling,
  type CeilingImage,
  type Check,
  type Get,
} from '../../scripts/bench-ceiling.js';
import { StorageSeeder, type SeededImage } from '../../scripts/bench-seed.js';
import { createSignatureVerifier } from '../../src/core/signatures/verifier.js';
import { toVerificationKey } from '../../src/core/trust/keys.js';
import { toPem } from '../helpers/test-sigstore-der.js';
import {
  createFulcioLeaf,
  createTimestampResponse,
  createTsaLeaf,
  distinguishedName,
  generateKeyPair,
  logIdOf,
  OID,
  spkiDer,
  type CtLog,
  type KeyPair,
} from '../helpers/test-sigstore-pki.js';
import {
  ANNOTATION_BUNDLE,
  ANNOTATION_CERTIFICATE,
  ANNOTATION_SIGNATURE,
  createTestSigstore,
  dsseEntry,
  hashedRekordEntry,
  legacyBundleAnnotation,
  simpleSigningPayload,
  tlogEntryJson,
  type KeylessSigner,
  type LegacySignature,
  type TestSigstore,
  type TrustedRootJson,
} from '../helpers/test-sigstore.js';

// The ceiling (scripts/bench-ceiling.ts) against the gate's own verifier on the same inputs: both
// accept the valid images; for each check a tampered input that the ceiling refuses by that
// check, and accepts with that check alone switched off (so no other check catches it, and
// removing the check fails this file), and that the gate refuses too. Images are written with the
// bench's own seeder into distribution's storage layout and read back from it.

const HOST = 'registry.test:5000';
const REPO = 'ceiling/app';
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';
const SIGNER: KeylessSigner = { identity: IDENTITY, issuer: ISSUER };
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const now = (): number => Math.floor(Date.now() / 1000);

let dir: string;
let ss: TestSigstore;
let seeder: StorageSeeder;
let get: Get;
let kp: { privateKey: KeyObject; publicKey: KeyObject };
/** A CT log whose key this file holds, and the trusted root that lists it instead of ss's. */
let ct: CtLog;
let rootCt: TrustedRootJson;
let n = 0;

/** GET as distribution serves its filesystem storage: tags and digests to blob data. */
function storageGet(storage: string): Get {
  const v2 = path.join(storage, 'docker', 'registry', 'v2');
  const data = (d: string): Buffer =>
    readFileSync(path.join(v2, 'blobs', 'sha256', d.slice(7, 9), d.slice(7), 'data'));
  return (p) => {
    const m = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(p);
    if (!m) throw new Error(`no route for ${p}`);
    const [, repo, kind, ref] = m as unknown as [string, string, string, string];
    const r = path.join(v2, 'repositories', ...repo.split('/'));
    if (kind === 'blobs') {
      readFileSync(path.join(r, '_layers', 'sha256', ref.slice(7), 'link'));
      return Promise.resolve(data(ref));
    }
    const link = ref.startsWith('sha256:')
      ? path.join(r, '_manifests', 'revisions', 'sha256', ref.slice(7), 'link')
      : path.join(r, '_manifests', 'tags', ref, 'current', 'link');
    return Promise.resolve(data(readFileSync(link, 'utf8')));
  };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ceiling-test-'));
  ss = await createTestSigstore();
  seeder = new StorageSeeder(dir);
  get = storageGet(dir);
  kp = ss.generateKeyPair();
  const ctKeys = generateKeyPair('P-256');
  ct = { keys: ctKeys, logId: logIdOf(ctKeys.publicKey) };
  rootCt = rootWith((r) => {
    r.ctlogs[0].publicKey.rawBytes = b64(spkiDer(ctKeys.publicKey));
    r.ctlogs[0].logId.keyId = b64(ct.logId);
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rootWith(edit: (r: any) => void): TrustedRootJson {
  const r = structuredClone(ss.trustedRoot);
  edit(r);
  return r;
}

function image(kind: CeilingImage['kind']): { img: CeilingImage; p: SeededImage } {
  const tag = `t${n++}`;
  return { img: { kind, repo: REPO, tag }, p: seeder.image(REPO, tag) };
}

const dockerRef = `${HOST}/${REPO}`;

/** A key-signed image; `edit` may change the signature before it is stored. */
function keyImage(edit?: (s: LegacySignature, digest: string) => void): CeilingImage {
  const { img, p } = image('key');
  const s = ss.signLegacyKey({ imageDigest: p.digest, dockerReference: dockerRef, ...kp });
  edit?.(s, p.digest);
  seeder.legacySignatures(REPO, p.digest, [s]);
  return img;
}

function keylessImage(
  signer: Partial<KeylessSigner> = {},
  edit?: (s: LegacySignature, digest: string) => void,
): CeilingImage {
  const { img, p } = image('keyless');
  const s = ss.signLegacyKeyless({
    imageDigest: p.digest,
    dockerReference: dockerRef,
    ...SIGNER,
    ...signer,
  });
  edit?.(s, p.digest);
  seeder.legacySignatures(REPO, p.digest, [s]);
  return img;
}

/** Rekor's SET annotation for a body this test writes (a log entry that says what it is told). */
function relog(body: object): string {
  return legacyBundleAnnotation(ss.rekor.append(body, now()));
}

const keyPem = (k: KeyObject): string => k.export({ type: 'spki', format: 'pem' }).toString();

/** A Fulcio-style leaf made here: its issuer name, CT log and extensions can be anything. */
function leaf(
  o: {
    issuerName?: Buffer;
    ct?: CtLog;
    extensions?: Record<string, string>;
    /** Sign the leaf with this key (P-384, as the intermediate's) in the intermediate's name. */
    signWith?: KeyObject;
  } = {},
): {
  certificate: Buffer;
  keys: KeyPair;
} {
  const keys = generateKeyPair('P-256');
  const notBefore = new Date(Date.now() - 1000);
  const inter = ss.fulcio.intermediate;
  const certificate = createFulcioLeaf({
    issuer: {
      subject: o.issuerName ?? inter.subject,
      keys: { privateKey: o.signWith ?? inter.keys.privateKey, publicKey: inter.keys.publicKey },
      subjectKeyId: inter.subjectKeyId,
    },
    publicKey: keys.publicKey,
    san: { uri: IDENTITY },
    extensions: o.extensions ?? { [OID.fulcioIssuerV1]: ISSUER, [OID.fulcioIssuerV2]: ISSUER },
    notBefore,
    notAfter: new Date(notBefore.getTime() + 10 * 60_000),
    ctLog: o.ct ?? ct,
    sctTime: notBefore,
  });
  return { certificate, keys };
}

/** A keyless legacy image signed by `l` (by `signWith` when given, logged under `l`). */
function leafImage(l: ReturnType<typeof leaf>, signWith?: KeyObject): CeilingImage {
  const { img, p } = image('keyless');
  const payload = simpleSigningPayload(p.digest, dockerRef);
  const sig = cryptoSign('sha256', payload, signWith ?? l.keys.privateKey);
  const pem = toPem(l.certificate, 'CERTIFICATE');
  seeder.legacySignatures(REPO, p.digest, [
    {
      payload,
      annotations: {
        [ANNOTATION_SIGNATURE]: b64(sig),
        [ANNOTATION_BUNDLE]: relog(hashedRekordEntry(payload, sig, pem)),
        [ANNOTATION_CERTIFICATE]: pem,
      },
    },
  ]);
  return img;
}

/** A bundle image; `edit` changes the bundle JSON before it is stored. */
function bundleImage(
  signer: Partial<KeylessSigner> = {},
  edit?: (b: any, digest: string) => void,
  opts: { imageDigest?: string; loggedKey?: KeyObject } = {},
): CeilingImage {
  const { img, p } = image('bundle');
  const signed = ss.signBundle({
    imageDigest: opts.imageDigest ?? p.digest,
    signer: { ...SIGNER, ...signer },
    ...(opts.loggedKey ? { loggedKey: opts.loggedKey } : {}),
  });
  const b = structuredClone(signed.bundle) as any;
  edit?.(b, p.digest);
  seeder.bundleReferrers(REPO, p, [{ bytes: Buffer.from(JSON.stringify(b)) }]);
  return img;
}

/** The bundle's DSSE signature replaced by `sig`, logged and timestamped as if it were real. */
function resign(b: any, sig: Buffer, opts: { loggedEnvelope?: any } = {}): void {
  b.dsseEnvelope.signatures[0].sig = b64(sig);
  const pem = toPem(
    Buffer.from(b.verificationMaterial.certificate.rawBytes, 'base64'),
    'CERTIFICATE',
  );
  const entry = ss.rekor.append(dsseEntry(opts.loggedEnvelope ?? b.dsseEnvelope, sig, pem), now());
  b.verificationMaterial.tlogEntries = [tlogEntryJson(entry, 'dsse', '0.0.1')];
  b.verificationMaterial.timestampVerificationData.rfc3161Timestamps = [
    { signedTimestamp: b64(createTimestampResponse(ss.tsa, sig, new Date())) },
  ];
}

const flip = (s: string, at = 10): string => {
  const bytes = Buffer.from(s, 'base64');
  bytes[at < 0 ? bytes.length + at : at]! ^= 0x01;
  return b64(bytes);
};

/** The gate's own verifier on what the registry holds for `img`. */
async function gate(root: TrustedRootJson, img: CeilingImage): Promise<void> {
  const v = createSignatureVerifier(root, {
    keys: [toVerificationKey('k.pub', kp.publicKey, 'test')],
    identities: [{ subject: { exact: IDENTITY }, issuer: { exact: ISSUER } }],
    requireTlog: true,
    requireSct: true,
  });
  const manifest = await get(`/v2/${img.repo}/manifests/${img.tag}`);
  const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
  const tag = digest.replace(':', '-');
  if (img.kind === 'bundle') {
    const index = JSON.parse((await get(`/v2/${REPO}/manifests/${tag}`)).toString());
    const m = JSON.parse(
      (await get(`/v2/${REPO}/manifests/${index.manifests[0].digest}`)).toString(),
    );
    const blob = await get(`/v2/${REPO}/blobs/${m.layers[0].digest}`);
    v.verifyBundle(JSON.parse(blob.toString()), { digest }, 'bundle-tag');
    return;
  }
  const sig = JSON.parse((await get(`/v2/${REPO}/manifests/${tag}.sig`)).toString());
  const layer = sig.layers[0];
  const payload = await get(`/v2/${REPO}/blobs/${layer.digest}`);
  v.verifyLegacy({ payload, annotations: layer.annotations }, digest);
}

function ceiling(root: TrustedRootJson, skip?: Check, alsoSkip: Check[] = []) {
  return createCeiling({
    trustedRoot: root,
    publicKey: kp.publicKey,
    identity: IDENTITY,
    issuer: ISSUER,
    ...(skip ? { skip: new Set([skip, ...alsoSkip]) } : {}),
  });
}

async function accepted(img: CeilingImage, root: TrustedRootJson = ss.trustedRoot): Promise<void> {
  await ceiling(root).verify(img, get, HOST);
  await gate(root, img);
}

/**
 * The ceiling refuses `img` by `check`, accepts it with only that check off, and (unless the
 * case is one the gate settles before its verifier: registry bytes) the gate refuses it too.
 */
async function caughtBy(
  img: CeilingImage,
  check: Check,
  o: { root?: TrustedRootJson; gate?: boolean; alsoSkip?: Check[] } = {},
): Promise<void> {
  const root = o.root ?? ss.trustedRoot;
  const err = await ceiling(root)
    .verify(img, get, HOST)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(err).toBeInstanceOf(CeilingError);
  expect((err as CeilingError).check).toBe(check);
  await ceiling(root, check, o.alsoSkip).verify(img, get, HOST);
  if (o.gate !== false) await expect(gate(root, img)).rejects.toThrow();
}

describe('the ceiling accepts what the gate accepts', () => {
  it('key-signed, payload rebuilt as cosign writes it', () => accepted(keyImage()));
  it('key-signed with -a annotations: payload fetched', async () => {
    const { img, p } = image('key');
    const s = ss.signLegacyKey({
      imageDigest: p.digest,
      dockerReference: dockerRef,
      payloadAnnotations: { run: '42' },
      ...kp,
    });
    seeder.legacySignatures(REPO, p.digest, [s]);
    await accepted(img);
  });
  it('keyless legacy', () => accepted(keylessImage()));
  it('keyless legacy with only the pre-2023 issuer extension', () =>
    accepted(keylessImage({ issuerExtensions: 'legacy' })));
  it('bundle (DSSE, SET, inclusion proof, RFC 3161)', () => accepted(bundleImage()));
  it('a leaf made here, SCT by the CT log of the edited root', () =>
    accepted(leafImage(leaf()), rootCt));
});

describe('key-signed: each check catches its own tampering', () => {
  it('payload-digest: the layer blob is not the bytes its digest names', async () => {
    const { img, p } = image('key');
    const s = ss.signLegacyKey({
      imageDigest: p.digest,
      dockerReference: dockerRef,
      payloadAnnotations: { run: '1' },
      ...kp,
    });
    const hex = createHash('sha256').update(s.payload).digest('hex');
    // Distribution's storage holding other bytes under the digest (a registry that lies): a
    // payload signed and logged in its own right, so that only the digest check is left.
    const lie = ss.signLegacyKey({
      imageDigest: p.digest,
      dockerReference: dockerRef,
      payloadAnnotations: { run: '2' },
      ...kp,
    });
    const other = lie.payload;
    const v2 = path.join(dir, 'docker', 'registry', 'v2');
    mkdirSync(path.join(v2, 'blobs', 'sha256', hex.slice(0, 2), hex), { recursive: true });
    writeFileSync(path.join(v2, 'blobs', 'sha256', hex.slice(0, 2), hex, 'data'), other);
    const layers = path.join(v2, 'repositories', ...REPO.split('/'), '_layers', 'sha256', hex);
    mkdirSync(layers, { recursive: true });
    writeFileSync(path.join(layers, 'link'), `sha256:${hex}`);
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: seeder.blob(REPO, Buffer.from('{}')),
        size: 2,
      },
      layers: [
        {
          mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
          digest: `sha256:${hex}`,
          size: s.payload.length,
          annotations: lie.annotations,
        },
      ],
    };
    seeder.manifest(
      REPO,
      `${p.digest.replace(':', '-')}.sig`,
      Buffer.from(JSON.stringify(manifest)),
    );
    // The gate's registry source refuses a blob whose bytes differ from its digest
    // (src/core/sources/registry.ts, DIGEST_MISMATCH) before the verifier sees it.
    await caughtBy(img, 'payload-digest', { gate: false });
  });
  it('payload-type: a signed payload that is not a cosign image signature', () =>
    caughtBy(
      keyImage((s, digest) => {
        const json = JSON.parse(simpleSigningPayload(digest, dockerRef).toString());
        json.critical.type = 'atomic container signature';
        s.payload = Buffer.from(JSON.stringify(json));
        s.signature = cryptoSign('sha256', s.payload, kp.privateKey);
        s.annotations[ANNOTATION_SIGNATURE] = b64(s.signature);
        s.annotations[ANNOTATION_BUNDLE] = relog(
          hashedRekordEntry(s.payload, s.signature, keyPem(kp.publicKey)),
        );
      }),
      'payload-type',
    ));
  it('payload-subject: a valid signature of another digest', () =>
    caughtBy(
      keyImage((s) => {
        const other = ss.signLegacyKey({
          imageDigest: `sha256:${'ab'.repeat(32)}`,
          dockerReference: dockerRef,
          ...kp,
        });
        Object.assign(s, other);
      }),
      'payload-subject',
    ));
  it('signature: one byte flipped (and logged as it is)', () =>
    caughtBy(
      keyImage((s) => {
        const bad = Buffer.from(flip(b64(s.signature), -3), 'base64');
        s.annotations[ANNOTATION_SIGNATURE] = b64(bad);
        s.annotations[ANNOTATION_BUNDLE] = relog(
          hashedRekordEntry(s.payload, bad, keyPem(kp.publicKey)),
        );
      }),
      'signature',
    ));
  it('signature: made by another key, logged under the trusted one', () =>
    caughtBy(
      keyImage((s) => {
        const bad = cryptoSign('sha256', s.payload, generateKeyPair('P-256').privateKey);
        s.annotations[ANNOTATION_SIGNATURE] = b64(bad);
        s.annotations[ANNOTATION_BUNDLE] = relog(
          hashedRekordEntry(s.payload, bad, keyPem(kp.publicKey)),
        );
      }),
      'signature',
    ));
  it('tlog-present: no Rekor bundle annotation', () =>
    caughtBy(
      keyImage((s) => delete s.annotations[ANNOTATION_BUNDLE]),
      'tlog-present',
    ));
  it('tlog-log: the log key is not valid at the integrated time', () =>
    caughtBy(keyImage(), 'tlog-log', {
      root: rootWith(
        (r) =>
          (r.tlogs[0].publicKey.validFor.end = new Date(Date.now() - 86_400_000).toISOString()),
      ),
    }));
  it('set: the SET is signed by a key that is not the log’s', () =>
    caughtBy(
      keyImage((s, digest) => {
        Object.assign(
          s,
          ss.signLegacyKey({
            imageDigest: digest,
            dockerReference: dockerRef,
            rekorKey: 'rogue',
            ...kp,
          }),
        );
      }),
      'set',
    ));
  it('tlog-body-kind: the entry is of another kind', () =>
    caughtBy(
      keyImage((s) => {
        const body = hashedRekordEntry(s.payload, s.signature, keyPem(kp.publicKey)) as any;
        body.kind = 'rekord';
        s.annotations[ANNOTATION_BUNDLE] = relog(body);
      }),
      'tlog-body-kind',
    ));
  it('tlog-body-signature: the entry logs another signature by the same key', () =>
    caughtBy(
      keyImage((s) => {
        const again = cryptoSign('sha256', s.payload, kp.privateKey);
        s.annotations[ANNOTATION_BUNDLE] = relog(
          hashedRekordEntry(s.payload, again, keyPem(kp.publicKey)),
        );
      }),
      'tlog-body-signature',
    ));
  it('tlog-body-digest: the entry logs this signature over another payload hash', () =>
    caughtBy(
      keyImage((s) => {
        s.annotations[ANNOTATION_BUNDLE] = relog(
          hashedRekordEntry(Buffer.from('other'), s.signature, keyPem(kp.publicKey)),
        );
      }),
      'tlog-body-digest',
    ));
  it('tlog-body-signer: the entry names another key', () =>
    caughtBy(
      keyImage((s) => {
        s.annotations[ANNOTATION_BUNDLE] = relog(
          hashedRekordEntry(s.payload, s.signature, keyPem(generateKeyPair('P-256').publicKey)),
        );
      }),
      'tlog-body-signer',
    ));
});

describe('keyless legacy: each check catches its own tampering', () => {
  it('cert-signature: the leaf names the intermediate but another key signed it', () =>
    caughtBy(leafImage(leaf({ signWith: generateKeyPair('P-384').privateKey })), 'cert-signature', {
      root: rootCt,
    }));
  it('cert-signature: a look-alike CA (its SCT names the look-alike’s key too)', () =>
    caughtBy(keylessImage({ ca: 'rogue' }), 'cert-signature', { alsoSkip: ['sct-signature'] }));
  it('cert-issuer-name: signed by the intermediate’s key but naming another issuer', () =>
    caughtBy(
      leafImage(leaf({ issuerName: distinguishedName('sigstore.dev', 'other-intermediate') })),
      'cert-issuer-name',
      { root: rootCt },
    ));
  it('cert-validity: the leaf expired before the integrated time', () =>
    caughtBy(
      keylessImage({
        certValidity: {
          notBefore: new Date(Date.now() - 3_600_000),
          notAfter: new Date(Date.now() - 3_000_000),
        },
      }),
      'cert-validity',
    ));
  it('ca-validity: the trusted root’s CA is not valid at the integrated time', () =>
    caughtBy(keylessImage(), 'ca-validity', {
      root: rootWith(
        (r) =>
          (r.certificateAuthorities[0].validFor.end = new Date(
            Date.now() - 86_400_000,
          ).toISOString()),
      ),
    }));
  it('sct-present: the leaf has no SCT', () =>
    caughtBy(keylessImage({ ctLog: 'none' }), 'sct-present'));
  it('sct-log: the SCT is from a CT log the root does not list', () =>
    caughtBy(keylessImage({ ctLog: 'rogue' }), 'sct-log'));
  it('sct-signature: the SCT claims the trusted CT log but another key signed it', () =>
    caughtBy(
      leafImage(leaf({ ct: { keys: generateKeyPair('P-256'), logId: ct.logId } })),
      'sct-signature',
      { root: rootCt },
    ));
  it('ext-duplicate: the leaf holds an extension twice', () =>
    caughtBy(
      keylessImage({
        extensions: { '1.3.6.1.4.1.57264.1.9': 'https://a', '1.3.6.1.4.1.57264.1.09': 'https://b' },
      }),
      'ext-duplicate',
    ));
  it('identity-san: another workflow', () =>
    caughtBy(keylessImage({ identity: IDENTITY.replace('release', 'other') }), 'identity-san'));
  it('identity-issuer: another OIDC issuer', () =>
    caughtBy(keylessImage({ issuer: 'https://accounts.google.com' }), 'identity-issuer'));
  it('issuer-agree: the .1.1 and .1.8 issuers disagree', () =>
    caughtBy(
      keylessImage({ extensions: { [OID.fulcioIssuerV1]: 'https://accounts.google.com' } }),
      'issuer-agree',
    ));
  it('signature: made by another key than the leaf’s, logged under the leaf', () =>
    caughtBy(leafImage(leaf(), generateKeyPair('P-256').privateKey), 'signature', {
      root: rootCt,
    }));
  it('tlog-body-signer: the entry names another certificate', () =>
    caughtBy(
      keylessImage({}, (s) => {
        const other = toPem(leaf().certificate, 'CERTIFICATE');
        s.annotations[ANNOTATION_BUNDLE] = relog(hashedRekordEntry(s.payload, s.signature, other));
      }),
      'tlog-body-signer',
    ));
  it('set: the SET is signed by a key that is not the log’s', () =>
    caughtBy(keylessImage({}, undefined), 'set', {
      root: rootWith((r) => {
        // The root lists the log ID with another key: every SET fails, the log is still known.
        r.tlogs[0].publicKey.rawBytes = b64(spkiDer(generateKeyPair('P-256').publicKey));
      }),
    }));
});

describe('bundle: each check catches its own tampering', () => {
  it('referrer-subject: the tag index lists a referrer of another image', async () => {
    const { img, p } = image('bundle');
    const other = image('bundle').p;
    const signed = ss.signBundle({ imageDigest: p.digest, signer: SIGNER });
    const [d] = seeder.bundleReferrers(REPO, other, [{ bytes: signed.bytes }]);
    const entry = {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: d,
      size: 1,
      artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    };
    const index = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [entry],
    };
    seeder.manifest(REPO, p.digest.replace(':', '-'), Buffer.from(JSON.stringify(index)));
    // The gate skips a referrer naming another subject (discovery.ts readBundle): unsigned.
    await caughtBy(img, 'referrer-subject', { gate: false });
  });
  it('blob-digest: the bundle blob is not the bytes its digest names', async () => {
    const { img, p } = image('bundle');
    const signed = ss.signBundle({ imageDigest: p.digest, signer: SIGNER });
    seeder.bundleReferrers(REPO, p, [{ bytes: signed.bytes }]);
    const hex = createHash('sha256').update(signed.bytes).digest('hex');
    const other = ss.signBundle({ imageDigest: p.digest, signer: SIGNER }).bytes;
    writeFileSync(
      path.join(dir, 'docker', 'registry', 'v2', 'blobs', 'sha256', hex.slice(0, 2), hex, 'data'),
      other,
    );
    await caughtBy(img, 'blob-digest', { gate: false });
  });
  it('statement-subject: a valid bundle for another digest', () =>
    caughtBy(
      bundleImage({}, undefined, { imageDigest: `sha256:${'cd'.repeat(32)}` }),
      'statement-subject',
    ));
  it('statement-type: a signed statement that is not in-toto’s', async () => {
    const { img, p } = image('bundle');
    const signed = ss.signStatementBundle(
      {
        _type: 'https://example.com/Statement/v1',
        subject: [{ name: REPO, digest: { sha256: p.digest.slice(7) } }],
        predicateType: 'https://sigstore.dev/cosign/sign/v1',
        predicate: {},
      },
      SIGNER,
    );
    seeder.bundleReferrers(REPO, p, [{ bytes: signed.bytes }]);
    await caughtBy(img, 'statement-type');
  });
  it('tlog-body-kind: the bundle says the entry is another kind than its body', () =>
    caughtBy(
      bundleImage({}, (b) => (b.verificationMaterial.tlogEntries[0].kindVersion.version = '0.0.2')),
      'tlog-body-kind',
    ));
  it('signature: one DSSE byte flipped, logged and timestamped as it is', () =>
    caughtBy(
      bundleImage({}, (b) =>
        resign(b, Buffer.from(flip(b.dsseEnvelope.signatures[0].sig, -3), 'base64')),
      ),
      'signature',
    ));
  it('tlog-present: no tlog entry (the RFC 3161 time alone)', () =>
    caughtBy(
      bundleImage({}, (b) => (b.verificationMaterial.tlogEntries = [])),
      'tlog-present',
    ));
  it('tlog-log: the log key is not valid at the integrated time', () =>
    caughtBy(bundleImage(), 'tlog-log', {
      root: rootWith(
        (r) =>
          (r.tlogs[0].publicKey.validFor.end = new Date(Date.now() - 86_400_000).toISOString()),
      ),
    }));
  it('set: one SET byte flipped', () =>
    caughtBy(
      bundleImage({}, (b) => {
        const p = b.verificationMaterial.tlogEntries[0].inclusionPromise;
        p.signedEntryTimestamp = flip(p.signedEntryTimestamp, -3);
      }),
      'set',
    ));
  it('tlog-body-digest: the entry logs this signature over another payload', () =>
    caughtBy(
      bundleImage({}, (b) =>
        resign(b, Buffer.from(b.dsseEnvelope.signatures[0].sig, 'base64'), {
          loggedEnvelope: { ...b.dsseEnvelope, payload: b64(Buffer.from('{}')) },
        }),
      ),
      'tlog-body-digest',
    ));
  it('tlog-body-signature: the entry logs another signature', () =>
    caughtBy(
      bundleImage({}, (b) => {
        const sig = Buffer.from(b.dsseEnvelope.signatures[0].sig, 'base64');
        // dsseEntry logs the signature it is given: the flipped one, the envelope keeps its own.
        const pem = toPem(
          Buffer.from(b.verificationMaterial.certificate.rawBytes, 'base64'),
          'CERTIFICATE',
        );
        const bad = Buffer.from(flip(b64(sig), -3), 'base64');
        const entry = ss.rekor.append(
          dsseEntry({ ...b.dsseEnvelope, signatures: [{ sig: b64(bad) }] }, bad, pem),
          now(),
        );
        b.verificationMaterial.tlogEntries = [tlogEntryJson(entry, 'dsse', '0.0.1')];
      }),
      'tlog-body-signature',
    ));
  it('tlog-body-signer: the entry names a key, not the leaf', () =>
    caughtBy(
      bundleImage({}, undefined, { loggedKey: generateKeyPair('P-256').publicKey }),
      'tlog-body-signer',
    ));
  it('checkpoint-signature: one checkpoint signature byte flipped', () =>
    caughtBy(
      bundleImage({}, (b) => {
        const proof = b.verificationMaterial.tlogEntries[0].inclusionProof;
        proof.checkpoint.envelope = proof.checkpoint.envelope.replace(
          /(\u2014 \S+ )(\S+)\n/,
          (_: string, head: string, sig: string) => `${head}${flip(sig, -3)}\n`,
        );
      }),
      'checkpoint-signature',
    ));
  it('checkpoint-match: the proof claims another tree size than its checkpoint', () =>
    caughtBy(
      bundleImage({}, (b) => {
        const proof = b.verificationMaterial.tlogEntries[0].inclusionProof;
        proof.treeSize = String(Number(proof.treeSize) + 1);
      }),
      'checkpoint-match',
    ));
  it('inclusion-proof: one path hash flipped', () =>
    caughtBy(
      bundleImage({}, (b) => {
        const proof = b.verificationMaterial.tlogEntries[0].inclusionProof;
        expect(proof.hashes.length).toBeGreaterThan(0);
        proof.hashes[0] = flip(proof.hashes[0]);
      }),
      'inclusion-proof',
    ));
  it('tsa-imprint: the timestamp is over other bytes', () =>
    caughtBy(
      bundleImage({}, (b) => {
        b.verificationMaterial.timestampVerificationData.rfc3161Timestamps = [
          {
            signedTimestamp: b64(createTimestampResponse(ss.tsa, Buffer.from('other'), new Date())),
          },
        ];
      }),
      'tsa-imprint',
    ));
  it('tsa-digest: the TSTInfo changed after signing (its serial)', () =>
    caughtBy(
      bundleImage({}, (b) => {
        const t = b.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0];
        const token = Buffer.from(t.signedTimestamp, 'base64');
        const imprint = createHash('sha256')
          .update(Buffer.from(b.dsseEnvelope.signatures[0].sig, 'base64'))
          .digest();
        const at = token.indexOf(imprint);
        expect(at).toBeGreaterThan(0);
        // messageImprint's hash, then the serial INTEGER: flip its last byte.
        const len = token[at + 33]!;
        token[at + 33 + len]! ^= 0x01;
        t.signedTimestamp = b64(token);
      }),
      'tsa-digest',
    ));
  it('tsa-signature: one byte of the TSA’s signature flipped', () =>
    caughtBy(
      bundleImage({}, (b) => {
        const t = b.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0];
        t.signedTimestamp = flip(t.signedTimestamp, -2);
      }),
      'tsa-signature',
    ));
  it('tsa-authority: the root’s TSA is not valid at the timestamp', () =>
    caughtBy(bundleImage(), 'tsa-authority', {
      root: rootWith(
        (r) =>
          (r.timestampAuthorities[0].validFor.end = new Date(
            Date.now() - 86_400_000,
          ).toISOString()),
      ),
    }));
  it('tsa-validity: the TSA leaf certificate expired before the timestamp', async () => {
    const keys = generateKeyPair('P-256');
    const expired = createTsaLeaf({
      root: ss.tsa.root,
      keys,
      subject: distinguishedName('sigstore.dev', 'sigstore-tsa-expired'),
      notBefore: new Date(Date.now() - 7_200_000),
      notAfter: new Date(Date.now() - 3_600_000),
    });
    const root = rootWith((r) => {
      r.timestampAuthorities[0].certChain.certificates[0].rawBytes = b64(expired.der);
    });
    const img = bundleImage({}, (b) => {
      const sig = Buffer.from(b.dsseEnvelope.signatures[0].sig, 'base64');
      b.verificationMaterial.timestampVerificationData.rfc3161Timestamps = [
        {
          signedTimestamp: b64(
            createTimestampResponse({ root: ss.tsa.root, leaf: expired }, sig, new Date()),
          ),
        },
      ];
    });
    await caughtBy(img, 'tsa-validity', { root });
  });
  it('time-present: neither a SET nor an RFC 3161 timestamp', () =>
    caughtBy(
      bundleImage({}, (b) => {
        delete b.verificationMaterial.tlogEntries[0].inclusionPromise;
        delete b.verificationMaterial.timestampVerificationData;
      }),
      'time-present',
    ));
  it('cert-validity: the leaf expired before the RFC 3161 time (valid at the SET’s)', () =>
    caughtBy(
      bundleImage({}, (b) => {
        const sig = Buffer.from(b.dsseEnvelope.signatures[0].sig, 'base64');
        b.verificationMaterial.timestampVerificationData.rfc3161Timestamps = [
          {
            signedTimestamp: b64(
              createTimestampResponse(ss.tsa, sig, new Date(Date.now() + 3_600_000)),
            ),
          },
        ];
      }),
      'cert-validity',
    ));
  it('identity-san: another workflow', () =>
    caughtBy(bundleImage({ identity: IDENTITY.replace('release', 'other') }), 'identity-san'));
  it('cert-signature: a look-alike CA (its SCT names the look-alike’s key too)', () =>
    caughtBy(bundleImage({ ca: 'rogue' }), 'cert-signature', { alsoSkip: ['sct-signature'] }));
});
