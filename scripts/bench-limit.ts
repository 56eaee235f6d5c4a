// The limit (issue 15): images/s this machine allows per kind, measured in the benchmark's own
// run against the same registry, by a bare client: undici's Agent with as many connections as
// the gate's concurrency and the minimum requests per image (key-signed and keyless legacy: the
// tag's manifest, then the `.sig` manifest, the payload rebuilt as cosign writes it and matched
// to the layer digest; bundle: the tag's manifest, the `sha256-<hex>` tag index, the referrer
// manifest, the bundle blob). No retries, no timeouts, no policy, no report.
//
// `limit` is the ceiling (scripts/bench-ceiling.ts): every check the gate makes for that kind,
// in node:crypto and a few lines of DER and JSON reading, with what a careful implementation
// caches per run (trust-root keys, the parsed intermediate, the trust root's own chains).
// test/unit/bench-ceiling.test.ts holds it to the gate's verdicts, check by check.
//
// `limitSigstoreJs` (`--limit-sigstore-js`) is the previous limit: stock sigstore-js'
// Verifier per image (@sigstore/verify: signature, SET or inclusion proof, timestamps, chain,
// SCT, identity). Measured (docs/benchmarks.md, issue 15), it re-checks the trust root's chain
// and re-encodes certificates per image, which the gate does once per run
// (signatures/cert-cache.ts), so it runs BELOW the gate for keyless and bundles (fraction 3-5):
// a floor there, kept only to compare with.
import { readFile } from 'node:fs/promises';
import { createHash, createPublicKey } from 'node:crypto';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { Agent } from 'undici';
import { cosignSimpleSigningPayload, legacyLayerToBundle } from '../src/core/signatures/legacy.js';
import { measureCeiling, type TrustedRootJson } from './bench-ceiling.js';

export type LimitKind = 'key' | 'keyless' | 'bundle';

export interface LimitImage {
  kind: LimitKind;
  /** Repository path on the registry, e.g. `bench/key`. */
  repo: string;
  tag: string;
}

export interface LimitOptions {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  trustedRootFile: string;
  publicKeyFile: string;
  identity: string;
  issuer: string;
  concurrency: number;
}

const ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

interface Descriptor {
  digest: string;
  annotations?: Record<string, string>;
}
interface Manifest {
  layers?: Descriptor[];
  manifests?: Descriptor[];
}

export interface Limit {
  /** The ceiling's images/s per kind. */
  limit: Partial<Record<LimitKind, number>>;
  /** The ceiling process's CPU per image per kind, ms. */
  cpuMsPerImage: Partial<Record<LimitKind, number>>;
  /** Stock sigstore-js' Verifier per image, images/s (only when asked). */
  limitSigstoreJs?: Partial<Record<LimitKind, number>>;
}

/** The ceiling over `images`, and with `sigstoreJs` the old sigstore-js loop after it. */
export async function measureLimit(
  images: LimitImage[],
  o: LimitOptions & { sigstoreJs?: boolean },
): Promise<Limit> {
  const ceiling = await measureCeiling(images, {
    url: o.url,
    concurrency: o.concurrency,
    trust: {
      trustedRoot: JSON.parse(await readFile(o.trustedRootFile, 'utf8')) as TrustedRootJson,
      publicKey: await readFile(o.publicKeyFile),
      identity: o.identity,
      issuer: o.issuer,
    },
  });
  return {
    limit: ceiling.rate,
    cpuMsPerImage: ceiling.cpuMsPerImage,
    ...(o.sigstoreJs ? { limitSigstoreJs: await measureSigstoreJsLimit(images, o) } : {}),
  };
}

/**
 * Images per second for each kind present in `images` with stock sigstore-js, each kind's list
 * verified once (after a warm-up over its first 30 images), `concurrency` at a time.
 */
export async function measureSigstoreJsLimit(
  images: LimitImage[],
  o: LimitOptions,
): Promise<Partial<Record<LimitKind, number>>> {
  const root = TrustedRoot.fromJSON(JSON.parse(await readFile(o.trustedRootFile, 'utf8')));
  const key = createPublicKey(await readFile(o.publicKeyFile));
  const keyVerifier = new Verifier(
    toTrustMaterial(root, () => ({ publicKey: key, validFor: () => true })),
    { tlogThreshold: 1, ctlogThreshold: 0, timestampThreshold: 1 },
  );
  const keylessVerifier = new Verifier(toTrustMaterial(root), {
    tlogThreshold: 1,
    ctlogThreshold: 1,
    timestampThreshold: 1,
  });
  const policy = { subjectAlternativeName: o.identity, extensions: { issuer: o.issuer } };
  const agent = new Agent({ connections: Math.max(o.concurrency, 2) });
  const host = new URL(o.url).host;
  const get = async (path: string): Promise<Buffer> => {
    const r = await agent.request({
      origin: o.url,
      path,
      method: 'GET',
      headers: { accept: ACCEPT },
    });
    const body = Buffer.from(await r.body.arrayBuffer());
    if (r.statusCode !== 200) throw new Error(`bare client: GET ${path}: HTTP ${r.statusCode}`);
    return body;
  };
  const sha256 = (b: Uint8Array): string =>
    `sha256:${createHash('sha256').update(b).digest('hex')}`;

  const verifyOne = async (img: LimitImage): Promise<void> => {
    const manifest = await get(`/v2/${img.repo}/manifests/${img.tag}`);
    const digest = sha256(manifest);
    const tag = digest.replace(':', '-');
    if (img.kind === 'bundle') {
      const index = JSON.parse(
        (await get(`/v2/${img.repo}/manifests/${tag}`)).toString(),
      ) as Manifest;
      const referrer = index.manifests?.[0]?.digest;
      if (!referrer) throw new Error(`bare client: ${img.repo}:${img.tag}: no referrer`);
      const m = JSON.parse(
        (await get(`/v2/${img.repo}/manifests/${referrer}`)).toString(),
      ) as Manifest;
      const blob = await get(`/v2/${img.repo}/blobs/${m.layers![0]!.digest}`);
      const bundle = bundleFromJSON(JSON.parse(blob.toString()));
      keylessVerifier.verify(toSignedEntity(bundle), policy);
      if (bundle.content.$case !== 'dsseEnvelope') throw new Error('bare client: not DSSE');
      const statement = JSON.parse(bundle.content.dsseEnvelope.payload.toString()) as {
        subject: Array<{ digest: { sha256: string } }>;
      };
      if (`sha256:${statement.subject[0]?.digest.sha256}` !== digest)
        throw new Error(`bare client: ${img.repo}:${img.tag}: statement names another digest`);
      return;
    }
    const sig = JSON.parse(
      (await get(`/v2/${img.repo}/manifests/${tag}.sig`)).toString(),
    ) as Manifest;
    const layer = sig.layers![0]!;
    const payload = cosignSimpleSigningPayload(`${host}/${img.repo}`, digest);
    if (sha256(payload) !== layer.digest)
      throw new Error(`bare client: ${img.repo}:${img.tag}: payload digest differs`);
    const bundle = bundleFromJSON(
      legacyLayerToBundle({ payload, annotations: layer.annotations ?? {} }),
    );
    const entity = toSignedEntity(bundle, payload);
    if (img.kind === 'key') keyVerifier.verify(entity);
    else keylessVerifier.verify(entity, policy);
  };

  const run = async (list: LimitImage[]): Promise<number> => {
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(o.concurrency, list.length) }, async () => {
        while (next < list.length) await verifyOne(list[next++]!);
      }),
    );
    return performance.now() - started;
  };

  const out: Partial<Record<LimitKind, number>> = {};
  try {
    for (const kind of ['key', 'keyless', 'bundle'] as const) {
      const list = images.filter((i) => i.kind === kind);
      if (list.length === 0) continue;
      await run(list.slice(0, 30));
      out[kind] = (list.length * 1000) / (await run(list));
    }
  } finally {
    await agent.close();
  }
  return out;
}
