// Shared data types of the core: OCI descriptors/manifests, the content-store interface that
// every image source implements, and the per-signature evidence the report carries.

export const MEDIA_TYPES = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  simpleSigning: 'application/vnd.dev.cosign.simplesigning.v1+json',
  dsseEnvelope: 'application/vnd.dsse.envelope.v1+json',
  bundleV03: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  ociEmpty: 'application/vnd.oci.empty.v1+json',
} as const;

export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerManifest,
  MEDIA_TYPES.dockerManifestList,
];

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
  platform?: { os: string; architecture: string; variant?: string };
}

/** An OCI/Docker manifest or index, as parsed; `raw` keeps the exact bytes that were hashed. */
export interface Manifest {
  schemaVersion: number;
  mediaType?: string;
  artifactType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export interface FetchedManifest {
  /** sha256 over the exact bytes received: the only digest we ever trust. */
  digest: string;
  mediaType: string;
  bytes: Uint8Array;
  manifest: Manifest;
}

/**
 * A place images live: a registry repository, an OCI layout directory, an s3lo store.
 * Implementations verify every digest they are asked for against the bytes they return.
 */
export interface ContentStore {
  /** Human name for messages, e.g. `registry.example.com/team/app`. */
  readonly name: string;
  /** Manifest by tag or digest; `undefined` when the store says it does not exist. */
  getManifest(reference: string): Promise<FetchedManifest | undefined>;
  /** Blob by digest, at most `maxBytes`; the returned bytes hash to `digest`. */
  getBlob(digest: string, maxBytes: number): Promise<Uint8Array>;
  /**
   * OCI 1.1 referrers of `digest`; `undefined` when the store has no referrers API
   * (the caller then falls back to the `sha256-<hex>` tag schema).
   */
  getReferrers?(digest: string, artifactType?: string): Promise<Descriptor[] | undefined>;
  /**
   * A tag's digest without its manifest bytes (HEAD), for registries that count pulls; with the
   * manifest when the store had to GET it after all (no usable digest header).
   */
  resolve?(tag: string): Promise<{ digest: string; fetched?: FetchedManifest } | undefined>;
  /** Whether manifest GETs count against a pull limit here (then tags are resolved by HEAD). */
  countsPulls?(): boolean;
}

/** Which storage scheme a signature was found in. */
export type SignatureFormat =
  'legacy-tag' | 'legacy-att' | 'bundle-referrer' | 'bundle-tag' | 'github-api' | 's3lo-record';

/** A bound transparency-log entry, each field as its evidence authenticates it. */
export interface TlogEvidence {
  /** The entry's index in the log (a SET's), or in its shard's tree when `indexInShard`. */
  logIndex: string;
  logID: string;
  /** Rekor's entry UUID: hex SHA-256 of 0x00 and the canonicalized body (RFC 6962 leaf hash). */
  uuid: string;
  /** A Rekor v1 entry proved without a SET: `logIndex` counts from the start of its shard. */
  indexInShard?: true;
}

/** One verified signature, as it appears in the report. */
export interface SignatureEvidence {
  kind: 'key' | 'keyless';
  format: SignatureFormat;
  keyRef?: string;
  keyID?: string;
  identity?: string;
  issuer?: string;
  signedAt?: string;
  tlog?: TlogEvidence & { integratedTime: string };
  /** The other bound log entries, when there are more than one (revocation matches every one). */
  tlogEntries?: TlogEvidence[];
  /** Hex SHA-256 of the verifying key's DER SubjectPublicKeyInfo (the certificate's key, keyless). */
  keySha256?: string;
  /** The keyless leaf: serial (hex), issuer DN, and hex SHA-256 of its DER. */
  certificate?: { serial: string; issuer: string; sha256: string };
  /** Where it was found and the digest of its bytes; moved to ImageResult.inputs, never reported here. */
  input?: EvidenceInput;
}

/** Where a piece of evidence lives and the digest of its bytes (`sha256:<hex>`). */
export interface EvidenceInput {
  uri: string;
  digest: string;
}
