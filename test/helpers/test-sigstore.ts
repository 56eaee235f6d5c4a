// Test fixture factory: a private Sigstore (Fulcio CA, Rekor v1 log, CT log, TSA) and signers that
// write exactly what cosign v2 (legacy .sig layers) and cosign v3 (Sigstore bundle v0.3) write.
//
// Every return value is a plain object or Buffer: negative tests edit them (swap a signature, drop an
// inclusion promise) or use the fault options (`rekorKey: 'rogue'`, `ca: 'rogue'`, `ctLog`, `certValidity`).
import crypto, { type KeyObject } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type LegacyAttestation,
  type LegacyAttestationOptions,
  signLegacyAttestationWith,
} from './test-sigstore-att.js';
import { toPem } from './test-sigstore-der.js';
import {
  ANNOTATION_BUNDLE,
  ANNOTATION_CERTIFICATE,
  ANNOTATION_CHAIN,
  ANNOTATION_SIGNATURE,
  BUNDLE_V03_MEDIA_TYPE,
  COSIGN_SIGN_PREDICATE,
  INTOTO_PAYLOAD_TYPE,
  SIMPLE_SIGNING_MEDIA_TYPE,
  type BundleJson,
  type SerializedEnvelopeJson,
  dsseEntry,
  dsseV2Entry,
  hashedRekordEntry,
  hashedRekordV2Entry,
  keyDetailsFor,
  legacyBundleAnnotation,
  preAuthEncoding,
  simpleSigningPayload,
  statementPayload,
  tlogEntryJson,
} from './test-sigstore-formats.js';
import {
  type CtLog,
  type IssuedCert,
  type KeyPair,
  OID,
  type SubjectAltName,
  type Tsa,
  createCa,
  createFulcioLeaf,
  createTimestampResponse,
  createTsaLeaf,
  distinguishedName,
  generateKeyPair,
  generateKeyPairAsync,
  logIdOf,
  spkiDer,
} from './test-sigstore-pki.js';
import { type RekorEntry, TestRekorLog } from './test-sigstore-rekor.js';

export * from './test-sigstore-formats.js';
export { COSIGN_CUSTOM_PREDICATE, type LegacyAttRekorKind } from './test-sigstore-att.js';
export type { KeyPair, LegacyAttestation, RekorEntry };

const DAY_MS = 24 * 60 * 60 * 1000;
const FULCIO_CERT_LIFETIME_MS = 10 * 60 * 1000;

export interface TestSigstoreOptions {
  /** Clock for log integration, certificates, SCTs and timestamps. Default: the real clock. */
  now?: () => Date;
  /** Start of every CA/key validity window (and of trusted root `validFor`). Default: now - 365 days. */
  validFrom?: Date;
  /** End of the CA certificates' validity. Default: now + 10 years. */
  validUntil?: Date;
  /** Host names used in base URLs and the checkpoint origin. */
  rekorHost?: string;
  /**
   * Rekor v1 sharding: entries' log-wide index (what SETs sign) is this plus their index in the
   * active shard's tree (what inclusion proofs carry). Default 0: one shard.
   */
  rekorShardOffset?: number;
}

/** `trusted_root.json` as the Sigstore protobuf-specs JSON mapping spells it. */
export interface TrustedRootJson {
  mediaType: string;
  tlogs: TransparencyLogJson[];
  certificateAuthorities: CertificateAuthorityJson[];
  ctlogs: TransparencyLogJson[];
  timestampAuthorities: CertificateAuthorityJson[];
}
export interface TransparencyLogJson {
  baseUrl: string;
  hashAlgorithm: 'SHA2_256';
  publicKey: {
    rawBytes: string;
    keyDetails: 'PKIX_ECDSA_P256_SHA_256';
    validFor: { start: string; end?: string };
  };
  logId: { keyId: string };
}
export interface CertificateAuthorityJson {
  subject: { organization: string; commonName: string };
  uri: string;
  certChain: { certificates: { rawBytes: string }[] };
  validFor: { start: string; end?: string };
}

/** Faults and times every signing call accepts. */
export interface SigningOptions {
  /** The time the log (and TSA) vouch for. Default: the instance clock. */
  signedAt?: Date;
  /** 'rogue': SET and checkpoint signed by a key not in the trusted root, still claiming the trusted log ID. */
  rekorKey?: 'trusted' | 'rogue';
  /**
   * Hash the signature is made with. Default sha256 (cosign file keys, sigstore-js); sigstore-go
   * and KMS keys hash by the curve (AWS `ECC_NIST_P384` signs `ECDSA_SHA_384`).
   */
  hash?: 'sha256' | 'sha384' | 'sha512';
}

/** A Fulcio identity: SAN (email when it looks like one, else URI) plus OIDC issuer and extra extensions. */
export interface KeylessSigner {
  identity: string;
  issuer: string;
  /** Extra Fulcio extensions, OID -> value (e.g. '1.3.6.1.4.1.57264.1.9': build signer URI). */
  extensions?: Record<string, string>;
  /** 'legacy': only the deprecated issuer extension .1.1, as Fulcio wrote before 2023. Default both. */
  issuerExtensions?: 'both' | 'legacy';
  /** Leaf validity; default: 10 minutes from 1 s before signedAt, as Fulcio issues it. */
  certValidity?: { notBefore: Date; notAfter: Date };
  /** 'rogue': chain to a self-made "sigstore-intermediate" that is not in the trusted root. */
  ca?: 'trusted' | 'rogue';
  /** 'rogue': SCT from a CT log not in the trusted root; 'none': no SCT extension. */
  ctLog?: 'trusted' | 'rogue' | 'none';
  /** The leaf's extended key usages (dotted OIDs); default code signing, as Fulcio; [] leaves it out. */
  extKeyUsage?: string[];
}

export interface KeySigner {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface LegacySignature {
  mediaType: typeof SIMPLE_SIGNING_MEDIA_TYPE;
  /** The layer blob: cosign's simple-signing payload. */
  payload: Buffer;
  /** The layer annotations exactly as cosign sets them. */
  annotations: Record<string, string>;
  /** Raw ECDSA DER signature over the payload. */
  signature: Buffer;
  tlogEntry?: RekorEntry;
  certificatePem?: string;
  chainPem?: string;
}

export interface LegacyKeyOptions extends SigningOptions, KeySigner {
  imageDigest: string;
  dockerReference: string;
  /** Upload to the log and attach the SET bundle annotation (cosign default). */
  tlog?: boolean;
  /** `cosign sign -a k=v` annotations: they go into the payload's `optional`. */
  payloadAnnotations?: Record<string, string>;
}

export interface LegacyKeylessOptions extends SigningOptions, KeylessSigner {
  imageDigest: string;
  dockerReference: string;
  payloadAnnotations?: Record<string, string>;
}

export interface BundleOptions extends SigningOptions {
  /** Add an RFC 3161 timestamp from the test TSA over the signature (public-good cosign v3 does). */
  rfc3161?: boolean;
  /** Upload to the log (cosign default). */
  tlog?: boolean;
  /** DSSE payloadType; change it only for negative tests. */
  payloadType?: string;
  /**
   * How the log records it: Rekor v1 dsse 0.0.1 (default, with SET and inclusion proof), or a
   * Rekor v2 entry (integrated time 0, inclusion proof only) of kind hashedrekord 0.0.2 over the
   * PAE or dsse 0.0.2.
   */
  rekorEntry?: 'dsse-v1' | 'hashedrekord-v2' | 'dsse-v2';
  /** Record this key as the entry's verifier instead of the signer's (negative tests). */
  loggedKey?: KeyObject;
}

export interface SignBundleOptions extends BundleOptions {
  imageDigest: string;
  signer: KeySigner | KeylessSigner;
  predicateType?: string;
  /** Default `{}`; see omitPredicate for the cosign < 3.0.5 sign shape. */
  predicate?: unknown;
  omitPredicate?: boolean;
  /** Default v1 for the cosign sign predicate, v0.1 otherwise (what `cosign attest` writes). */
  statementType?: 'v0.1' | 'v1';
  /** in-toto subject name; cosign attest writes the repository (e.g. `127.0.0.1:5000/repo`). */
  subjectName?: string;
}

export interface SignedBundle {
  bundle: BundleJson;
  /** Compact JSON, what cosign pushes as the referrer layer. */
  bytes: Buffer;
  statement: Buffer;
  signature: Buffer;
  tlogEntry?: RekorEntry;
  certificatePem?: string;
}

export interface TestSigstore {
  trustedRoot: TrustedRootJson;
  writeTrustedRoot(dir: string, fileName?: string): Promise<string>;
  /** The log itself, for inspection (size, logId). */
  rekor: TestRekorLog;
  fulcio: { root: IssuedCert; intermediate: IssuedCert; chainPem: string };
  ctLogId: Buffer;
  tsa: Tsa;
  /** A fresh key pair: P-256 as `cosign generate-key-pair` makes, or P-384/P-521 as KMS keys are. */
  generateKeyPair(curve?: 'P-256' | 'P-384' | 'P-521'): KeySigner;
  /** A Fulcio-style leaf and its ephemeral key, without signing anything. */
  issueCertificate(
    signer: KeylessSigner,
    signedAt?: Date,
  ): { certificate: Buffer; keys: KeyPair; chain: Buffer[] };
  signLegacyKey(opts: LegacyKeyOptions): LegacySignature;
  signLegacyKeyless(opts: LegacyKeylessOptions): LegacySignature;
  /** cosign v2 `attest` with legacy storage: the `sha256-<hex>.att` layer blob and annotations. */
  signLegacyAttestation(
    opts: LegacyAttestationOptions<KeySigner | KeylessSigner>,
  ): LegacyAttestation;
  signBundle(opts: SignBundleOptions): SignedBundle;
  /** Any in-toto statement (object serialized with JSON.stringify, or exact bytes) as a v0.3 DSSE bundle. */
  signStatementBundle(
    statement: object | Buffer,
    signer: KeySigner | KeylessSigner,
    opts?: BundleOptions,
  ): SignedBundle;
}

const b64 = (data: Uint8Array): string => Buffer.from(data).toString('base64');
const iso = (date: Date): string => date.toISOString();
const isKeySigner = (s: KeySigner | KeylessSigner): s is KeySigner => 'privateKey' in s;
const EMAIL_RE = /^[^@\s:/]+@[^@\s:/]+$/;

export function sanFor(identity: string): SubjectAltName {
  return EMAIL_RE.test(identity) ? { email: identity } : { uri: identity };
}

/** Build a whole private Sigstore. Keys and CA certificates are made once here; signing calls are cheap. */
export async function createTestSigstore(opts: TestSigstoreOptions = {}): Promise<TestSigstore> {
  const now = opts.now ?? ((): Date => new Date());
  const created = now();
  const validFrom = opts.validFrom ?? new Date(created.getTime() - 365 * DAY_MS);
  const validUntil = opts.validUntil ?? new Date(created.getTime() + 3650 * DAY_MS);
  const rekorHost = opts.rekorHost ?? 'rekor.image-gate.test';

  // Key generation is the only slow part; do it once, in parallel, off the main thread.
  const [
    rootKeys,
    intKeys,
    rogueRootKeys,
    rogueIntKeys,
    rekorKeys,
    rogueRekorKeys,
    ctKeys,
    rogueCtKeys,
    tsaRootKeys,
    tsaLeafKeys,
  ] = await Promise.all([
    generateKeyPairAsync('P-384'),
    generateKeyPairAsync('P-384'),
    generateKeyPairAsync('P-384'),
    generateKeyPairAsync('P-384'),
    generateKeyPairAsync('P-256'),
    generateKeyPairAsync('P-256'),
    generateKeyPairAsync('P-256'),
    generateKeyPairAsync('P-256'),
    generateKeyPairAsync('P-384'),
    generateKeyPairAsync('P-256'),
  ]);

  const makeFulcio = (
    org: string,
    keys: [KeyPair, KeyPair],
  ): { root: IssuedCert; intermediate: IssuedCert } => {
    const root = createCa({
      subject: distinguishedName(org, 'sigstore'),
      keys: keys[0],
      notBefore: validFrom,
      notAfter: validUntil,
      pathLen: 1,
    });
    const intermediate = createCa({
      subject: distinguishedName(org, 'sigstore-intermediate'),
      keys: keys[1],
      issuer: root,
      notBefore: validFrom,
      notAfter: validUntil,
      pathLen: 0,
      codeSigningEku: true,
    });
    return { root, intermediate };
  };
  // The rogue CA copies the trusted CA's names: only the keys differ, as in an impersonation attempt.
  const fulcio = makeFulcio('sigstore.dev', [rootKeys, intKeys]);
  const rogueFulcio = makeFulcio('sigstore.dev', [rogueRootKeys, rogueIntKeys]);
  const chainPem = (f: typeof fulcio): string =>
    (toPem(f.intermediate.der, 'CERTIFICATE') + toPem(f.root.der, 'CERTIFICATE')).replace(
      /\n$/,
      '',
    );

  const rekor = new TestRekorLog({
    keys: rekorKeys,
    host: rekorHost,
    ...(opts.rekorShardOffset === undefined ? {} : { shardOffset: opts.rekorShardOffset }),
  });

  const ctLog: CtLog = { keys: ctKeys, logId: logIdOf(ctKeys.publicKey) };
  const rogueCtLog: CtLog = { keys: rogueCtKeys, logId: logIdOf(rogueCtKeys.publicKey) };

  const tsaRoot = createCa({
    subject: distinguishedName('sigstore.dev', 'sigstore-tsa-selfsigned'),
    keys: tsaRootKeys,
    notBefore: validFrom,
    notAfter: validUntil,
  });
  const tsa: Tsa = {
    root: tsaRoot,
    leaf: createTsaLeaf({
      root: tsaRoot,
      keys: tsaLeafKeys,
      subject: distinguishedName('sigstore.dev', 'sigstore-tsa'),
      notBefore: validFrom,
      notAfter: validUntil,
    }),
  };

  const logJson = (baseUrl: string, key: KeyObject): TransparencyLogJson => ({
    baseUrl,
    hashAlgorithm: 'SHA2_256',
    publicKey: {
      rawBytes: b64(spkiDer(key)),
      keyDetails: 'PKIX_ECDSA_P256_SHA_256',
      validFor: { start: iso(validFrom) },
    },
    logId: { keyId: b64(logIdOf(key)) },
  });
  const trustedRoot: TrustedRootJson = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [logJson(`https://${rekorHost}`, rekorKeys.publicKey)],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.dev', commonName: 'sigstore' },
        uri: 'https://fulcio.image-gate.test',
        certChain: {
          certificates: [
            { rawBytes: b64(fulcio.intermediate.der) },
            { rawBytes: b64(fulcio.root.der) },
          ],
        },
        validFor: { start: iso(validFrom) },
      },
    ],
    ctlogs: [logJson('https://ctfe.image-gate.test/test', ctLog.keys.publicKey)],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.dev', commonName: 'sigstore-tsa-selfsigned' },
        uri: 'https://timestamp.image-gate.test/api/v1/timestamp',
        certChain: {
          certificates: [{ rawBytes: b64(tsa.leaf.der) }, { rawBytes: b64(tsa.root.der) }],
        },
        validFor: { start: iso(validFrom) },
      },
    ],
  };

  const appendToLog = (proposed: object, signedAt: Date, o: SigningOptions): RekorEntry =>
    rekor.append(
      proposed,
      Math.floor(signedAt.getTime() / 1000),
      o.rekorKey === 'rogue' ? { signWith: rogueRekorKeys } : undefined,
    );

  const issueCertificate = (
    signer: KeylessSigner,
    signedAt: Date = now(),
  ): { certificate: Buffer; keys: KeyPair; chain: Buffer[] } => {
    const ca = signer.ca === 'rogue' ? rogueFulcio : fulcio;
    const keys = generateKeyPair('P-256');
    const notBefore = signer.certValidity?.notBefore ?? new Date(signedAt.getTime() - 1000);
    const notAfter =
      signer.certValidity?.notAfter ?? new Date(notBefore.getTime() + FULCIO_CERT_LIFETIME_MS);
    const extensions: Record<string, string> = {
      [OID.fulcioIssuerV1]: signer.issuer,
      ...(signer.issuerExtensions === 'legacy' ? {} : { [OID.fulcioIssuerV2]: signer.issuer }),
      ...signer.extensions,
    };
    const ct = signer.ctLog === 'none' ? undefined : signer.ctLog === 'rogue' ? rogueCtLog : ctLog;
    const certificate = createFulcioLeaf({
      issuer: ca.intermediate,
      publicKey: keys.publicKey,
      san: sanFor(signer.identity),
      extensions,
      notBefore,
      notAfter,
      ...(ct ? { ctLog: ct, sctTime: notBefore } : {}),
      ...(signer.extKeyUsage ? { extKeyUsage: signer.extKeyUsage } : {}),
    });
    return { certificate, keys, chain: [ca.intermediate.der, ca.root.der] };
  };

  const signLegacy = (
    o: SigningOptions & {
      imageDigest: string;
      dockerReference: string;
      payloadAnnotations?: Record<string, string>;
    },
    privateKey: KeyObject,
    verifierPem: string,
    tlog: boolean,
  ): LegacySignature => {
    const payload = simpleSigningPayload(o.imageDigest, o.dockerReference, o.payloadAnnotations);
    const signature = crypto.sign(o.hash ?? 'sha256', payload, privateKey);
    const annotations: Record<string, string> = { [ANNOTATION_SIGNATURE]: b64(signature) };
    const result: LegacySignature = {
      mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
      payload,
      annotations,
      signature,
    };
    if (tlog) {
      const entry = appendToLog(
        hashedRekordEntry(payload, signature, verifierPem),
        o.signedAt ?? now(),
        o,
      );
      annotations[ANNOTATION_BUNDLE] = legacyBundleAnnotation(entry);
      result.tlogEntry = entry;
    }
    return result;
  };

  const signLegacyKey = (o: LegacyKeyOptions): LegacySignature => {
    const pem = o.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    return signLegacy(o, o.privateKey, pem, o.tlog ?? true);
  };

  const signLegacyKeyless = (o: LegacyKeylessOptions): LegacySignature => {
    const signedAt = o.signedAt ?? now();
    const { certificate, keys, chain } = issueCertificate(o, signedAt);
    const certificatePem = toPem(certificate, 'CERTIFICATE');
    const chainPemText = chain
      .map((c) => toPem(c, 'CERTIFICATE'))
      .join('')
      .replace(/\n$/, '');
    const result = signLegacy({ ...o, signedAt }, keys.privateKey, certificatePem, true);
    // cosign writes signature, bundle, certificate, chain; order is irrelevant to JSON consumers but kept.
    const { [ANNOTATION_SIGNATURE]: sig, [ANNOTATION_BUNDLE]: bundle } = result.annotations;
    result.annotations = {
      [ANNOTATION_SIGNATURE]: sig,
      [ANNOTATION_BUNDLE]: bundle,
      [ANNOTATION_CERTIFICATE]: certificatePem,
      [ANNOTATION_CHAIN]: chainPemText,
    };
    return { ...result, certificatePem, chainPem: chainPemText };
  };

  const signStatementBundle = (
    statement: object | Buffer,
    signer: KeySigner | KeylessSigner,
    o: BundleOptions = {},
  ): SignedBundle => {
    const signedAt = o.signedAt ?? now();
    const payload = Buffer.isBuffer(statement)
      ? statement
      : Buffer.from(JSON.stringify(statement), 'utf8');
    const payloadType = o.payloadType ?? INTOTO_PAYLOAD_TYPE;
    let privateKey: KeyObject;
    let verifierPem: string;
    let certificate: Buffer | undefined;
    let publicKeyDer: Buffer | undefined;
    if (isKeySigner(signer)) {
      privateKey = signer.privateKey;
      verifierPem = signer.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      publicKeyDer = spkiDer(signer.publicKey);
    } else {
      const issued = issueCertificate(signer, signedAt);
      privateKey = issued.keys.privateKey;
      certificate = issued.certificate;
      verifierPem = toPem(certificate, 'CERTIFICATE');
    }
    const hash = o.hash ?? 'sha256';
    const pae = preAuthEncoding(payloadType, payload);
    const signature = crypto.sign(hash, pae, privateKey);
    const envelope: SerializedEnvelopeJson = {
      payload: b64(payload),
      payloadType,
      signatures: [{ sig: b64(signature) }],
    };

    const bundle: BundleJson = {
      mediaType: BUNDLE_V03_MEDIA_TYPE,
      verificationMaterial: {
        // cosign's key hint: base64 of sha256 over the PKIX public key (cosign internal/key/svkeypair.go).
        ...(certificate
          ? { certificate: { rawBytes: b64(certificate) } }
          : {
              publicKey: { hint: b64(crypto.createHash('sha256').update(publicKeyDer!).digest()) },
            }),
        tlogEntries: [],
      },
      dsseEnvelope: envelope,
    };
    const result: SignedBundle = { bundle, bytes: Buffer.alloc(0), statement: payload, signature };
    if (certificate) result.certificatePem = verifierPem;
    const rekorEntry = o.rekorEntry ?? 'dsse-v1';
    if ((o.tlog ?? true) && rekorEntry === 'dsse-v1') {
      const pem = o.loggedKey
        ? o.loggedKey.export({ type: 'spki', format: 'pem' }).toString()
        : verifierPem;
      const entry = appendToLog(dsseEntry(envelope, signature, pem), signedAt, o);
      bundle.verificationMaterial.tlogEntries.push(tlogEntryJson(entry, 'dsse', '0.0.1'));
      result.tlogEntry = entry;
    } else if (o.tlog ?? true) {
      const verifierKey = o.loggedKey ?? (isKeySigner(signer) ? signer.publicKey : undefined);
      const verifier = verifierKey
        ? {
            publicKey: { rawBytes: b64(spkiDer(verifierKey)) },
            keyDetails: keyDetailsFor(verifierKey),
          }
        : {
            x509Certificate: { rawBytes: b64(certificate!) },
            keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          };
      const body =
        rekorEntry === 'hashedrekord-v2'
          ? hashedRekordV2Entry(pae, hash, signature, verifier)
          : dsseV2Entry(payload, signature, verifier);
      // Rekor v2 vouches for no time: integrated time 0, no SET; the TSA gives the time.
      const entry = appendToLog(body, new Date(0), o);
      const json = tlogEntryJson(
        entry,
        rekorEntry === 'hashedrekord-v2' ? 'hashedrekord' : 'dsse',
        '0.0.2',
      );
      delete json.inclusionPromise;
      bundle.verificationMaterial.tlogEntries.push(json);
      result.tlogEntry = entry;
    }
    if (o.rfc3161 ?? true) {
      bundle.verificationMaterial.timestampVerificationData = {
        rfc3161Timestamps: [
          { signedTimestamp: b64(createTimestampResponse(tsa, signature, signedAt)) },
        ],
      };
    }
    result.bytes = Buffer.from(JSON.stringify(bundle), 'utf8');
    return result;
  };

  const signBundle = (o: SignBundleOptions): SignedBundle => {
    const predicateType = o.predicateType ?? COSIGN_SIGN_PREDICATE;
    const statement = statementPayload({
      imageDigest: o.imageDigest,
      predicateType,
      predicate: o.predicate,
      omitPredicate: o.omitPredicate ?? false,
      statementType: o.statementType ?? (predicateType === COSIGN_SIGN_PREDICATE ? 'v1' : 'v0.1'),
      ...(o.subjectName === undefined ? {} : { subjectName: o.subjectName }),
    });
    return signStatementBundle(statement, o.signer, o);
  };

  return {
    trustedRoot,
    async writeTrustedRoot(dir: string, fileName = 'trusted_root.json'): Promise<string> {
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, fileName);
      await writeFile(file, JSON.stringify(trustedRoot, null, 2) + '\n');
      return file;
    },
    rekor,
    fulcio: { ...fulcio, chainPem: chainPem(fulcio) },
    ctLogId: ctLog.logId,
    tsa,
    generateKeyPair: (curve = 'P-256') => generateKeyPair(curve),
    issueCertificate,
    signLegacyKey,
    signLegacyKeyless,
    signLegacyAttestation: (o) =>
      signLegacyAttestationWith(
        o,
        {
          now,
          append: (proposed, signedAt, rekorKey) =>
            appendToLog(proposed, signedAt, rekorKey ? { rekorKey } : {}),
          issue: (signedAt) => {
            const signer = o.signer as KeylessSigner;
            const { certificate, keys, chain } = issueCertificate(signer, signedAt);
            return {
              certificatePem: toPem(certificate, 'CERTIFICATE'),
              keys,
              chainPem: chain
                .map((c) => toPem(c, 'CERTIFICATE'))
                .join('')
                .replace(/\n$/, ''),
            };
          },
          tsa,
        },
        isKeySigner,
      ),
    signBundle,
    signStatementBundle,
  };
}
