// Shared image factories for integration tests, built from registry-process, oci-push,
// cosign-push and test-sigstore: a real registry with a test Sigstore and its trusted root (how
// the integration files' beforeAll blocks start), and random images pushed and signed the ways
// cosign stores signatures: a `.sig` tag signed with a key or keyless, and Sigstore bundle
// referrers (a cosign v3 sign bundle and attestation bundles).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pushBundleReferrers, pushLegacySignatures } from './cosign-push.js';
import { pushImage, pushManifest, type PushedImage } from './oci-push.js';
import { inTotoStatement } from './predicates.js';
import { startRegistry, type StartedRegistry } from './registry-process.js';
import {
  createTestSigstore,
  type BundleOptions,
  type KeylessSigner,
  type KeySigner,
  type LegacyKeylessOptions,
  type LegacyKeyOptions,
  type TestSigstore,
} from './test-sigstore.js';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

/** The predicate type of cosign v3's sign bundle (`cosign sign --new-bundle-format`). */
export const COSIGN_SIGN = 'https://sigstore.dev/cosign/sign/v1';

/** A registry and the Sigstore that signs for it: what the factories below push to and sign with. */
export interface Signing {
  reg: Pick<StartedRegistry, 'host'>;
  ss: TestSigstore;
}

export interface SigningRegistry extends Signing {
  reg: StartedRegistry;
  /** A fresh temporary directory holding `root` (and whatever keys the test writes). */
  dir: string;
  /** The test Sigstore's trusted_root.json in `dir`, for `--trusted-root`. */
  root: string;
}

/**
 * Starts a real docker-registry and a test Sigstore, and writes its trusted root into a fresh
 * temporary directory named `<prefix>…`. Stop it with `reg.stop()`.
 */
export async function startSigningRegistry(prefix: string): Promise<SigningRegistry> {
  const reg = await startRegistry();
  try {
    const ss = await createTestSigstore();
    const dir = await mkdtemp(path.join(tmpdir(), prefix));
    return { reg, ss, dir, root: await ss.writeTrustedRoot(dir) };
  } catch (e) {
    await reg.stop();
    throw e;
  }
}

/** A pushed image: where it is and what it is. */
export interface Image {
  repo: string;
  tag: string;
  /** `127.0.0.1:PORT/repo:tag`. */
  ref: string;
  digest: string;
  /** Its manifest's length, for a referrer's subject descriptor. */
  size: number;
  pushed: PushedImage;
}

/** Pushes a distinct random image as `repo:tag`. */
export async function randomImage(
  reg: Pick<StartedRegistry, 'host'>,
  repo: string,
  tag: string,
  opts: Parameters<typeof pushImage>[3] = {},
): Promise<Image> {
  const pushed = await pushImage(reg.host, repo, tag, opts);
  return {
    repo,
    tag,
    ref: `${reg.host}/${repo}:${tag}`,
    digest: pushed.digest,
    size: pushed.manifestBytes.length,
    pushed,
  };
}

/** `image`'s entry in an index (an OCI image manifest), with `platform` when given. */
export function descriptor(
  image: { digest: string; size: number },
  platform?: Record<string, string>,
): { mediaType: string; digest: string; size: number; platform?: Record<string, string> } {
  return {
    mediaType: OCI_MANIFEST,
    digest: image.digest,
    size: image.size,
    ...(platform ? { platform } : {}),
  };
}

/** Pushes an OCI image index holding `manifests` (entries exactly as given) as `repo:tag`. */
export async function pushIndex(
  reg: Pick<StartedRegistry, 'host'>,
  repo: string,
  tag: string,
  manifests: unknown[],
): Promise<Omit<Image, 'pushed'> & { bytes: Buffer }> {
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }));
  const digest = await pushManifest(reg.host, repo, tag, bytes, OCI_INDEX);
  return { repo, tag, ref: `${reg.host}/${repo}:${tag}`, digest, size: bytes.length, bytes };
}

/** How a `.sig` tag is signed: `cosign sign --key` or keyless, with options of test-sigstore. */
export type LegacySigner =
  | { key: KeySigner; options?: Partial<LegacyKeyOptions> }
  | { keyless: KeylessSigner; options?: Partial<LegacyKeylessOptions> };

/**
 * Writes the `.sig` manifest of `image` (in `image.repo`) with one signature by each of `by`, in
 * order, over the docker reference `host/repo`; replaces any earlier one.
 */
export async function signLegacy(
  s: Signing,
  image: { repo: string; digest: string },
  by: LegacySigner | LegacySigner[],
): Promise<void> {
  const base = { imageDigest: image.digest, dockerReference: `${s.reg.host}/${image.repo}` };
  const sigs = (Array.isArray(by) ? by : [by]).map((b) =>
    'key' in b
      ? s.ss.signLegacyKey({ ...base, ...b.key, ...b.options })
      : s.ss.signLegacyKeyless({ ...base, ...b.keyless, ...b.options }),
  );
  await pushLegacySignatures(s.reg.host, image.repo, image.digest, sigs);
}

/** Pushes a random `repo:tag` and, unless `by` is undefined, signs its `.sig` tag. */
export async function signedImage(
  s: Signing,
  repo: string,
  tag: string,
  by?: LegacySigner | LegacySigner[],
): Promise<Image> {
  const image = await randomImage(s.reg, repo, tag);
  if (by) await signLegacy(s, image, by);
  return image;
}

/** An attestation to attach as a bundle referrer. */
export interface AttestationSpec {
  predicateType: string;
  predicate: unknown;
  signer: KeySigner | KeylessSigner;
  /** The referrer's predicateType annotation, when it should differ from the statement's. */
  hint?: string;
  /** The statement's subject digest, when it should not be the image's. */
  subject?: string;
  /** The statement's subject name; default `app`. */
  subjectName?: string;
  /** The time the log (and TSA) vouch for. */
  signedAt?: Date;
}

/**
 * Pushes Sigstore bundles for `image` as OCI referrers (one `sha256-<hex>` fallback index): a
 * cosign v3 sign bundle by `sign` (with `signOptions`), then one bundle per attestation.
 * Returns the referrer manifests' digests.
 */
export async function attachBundles(
  s: Signing,
  image: { repo: string; digest: string; size: number },
  o: {
    sign?: KeySigner | KeylessSigner;
    signOptions?: BundleOptions;
    attestations?: AttestationSpec[];
  },
): Promise<string[]> {
  const bundles: Array<{ bytes: Uint8Array; predicateType: string }> = [];
  if (o.sign)
    bundles.push({
      bytes: s.ss.signBundle({ imageDigest: image.digest, signer: o.sign, ...o.signOptions }).bytes,
      predicateType: COSIGN_SIGN,
    });
  for (const a of o.attestations ?? []) {
    const statement = inTotoStatement(
      a.subject ?? image.digest,
      a.predicateType,
      a.predicate,
      a.subjectName,
    );
    const b = s.ss.signStatementBundle(
      statement,
      a.signer,
      a.signedAt ? { signedAt: a.signedAt } : {},
    );
    bundles.push({ bytes: b.bytes, predicateType: a.hint ?? a.predicateType });
  }
  return pushBundleReferrers(
    s.reg.host,
    image.repo,
    { digest: image.digest, size: image.size },
    bundles,
  );
}
