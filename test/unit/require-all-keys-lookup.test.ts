// require-all-keys with one key beside keyless identities (design item 38): decide() asks every
// key to have signed, so the lookup must not stop at the first valid signature, which may be
// the keyless one. It stopped there for fewer than two keys, and the image failed UNSIGNED with
// the key's signature unread in the next layer.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ImagePolicy } from '../../src/core/policy/types.js';
import { parseReference, type ImageRef } from '../../src/core/reference.js';
import type { ContentStore, FetchedManifest, SignatureEvidence } from '../../src/core/types.js';
import { MEDIA_TYPES } from '../../src/core/types.js';
import type { CandidateVerifier, RuleContext, Stores } from '../../src/core/verify/context.js';
import { verifyImage } from '../../src/core/verify/image.js';

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const manifestBytes = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: sha(Buffer.from('{}')),
      size: 2,
    },
    layers: [],
  }),
);
const DIGEST = sha(manifestBytes);

const parsed = (b: Buffer): FetchedManifest['manifest'] =>
  JSON.parse(b.toString()) as FetchedManifest['manifest'];

function fetched(bytes: Buffer, manifest: FetchedManifest['manifest']): FetchedManifest {
  return { digest: sha(bytes), mediaType: manifest.mediaType ?? '', bytes, manifest };
}

/** A `.sig` tag whose layers are judged by the fake verifier below, in this order. */
function store(signers: string[]): ContentStore {
  const payloads = signers.map((s) => Buffer.from(`payload by ${s}`));
  const sig = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    layers: payloads.map((p, i) => ({
      mediaType: MEDIA_TYPES.simpleSigning,
      digest: sha(p),
      size: p.length,
      annotations: { signer: signers[i] },
    })),
  };
  const sigBytes = Buffer.from(JSON.stringify(sig));
  return {
    name: 'r.example/app',
    getManifest: (reference) => {
      if (reference === DIGEST)
        return Promise.resolve(fetched(manifestBytes, parsed(manifestBytes)));
      if (reference === `${DIGEST.replace(':', '-')}.sig`)
        return Promise.resolve(fetched(sigBytes, parsed(sigBytes)));
      return Promise.resolve(undefined);
    },
    getBlob: (digest) => {
      const p = payloads.find((x) => sha(x) === digest);
      return p ? Promise.resolve(p) : Promise.reject(new Error(`no blob ${digest}`));
    },
    getReferrers: () => Promise.resolve([]),
  };
}

const verifier: CandidateVerifier = {
  verifyLegacy: (layer): SignatureEvidence =>
    layer.annotations.signer === 'keyless'
      ? { kind: 'keyless', format: 'legacy-tag', identity: 'ci@example.com' }
      : { kind: 'key', format: 'legacy-tag', keyRef: 'a.pub', keyID: 'aaaaaaaaaaaaaaaa' },
  verifyBundle: () => {
    throw new Error('no bundles here');
  },
};

const policy = {
  name: 'options',
  match: ['**'],
  signers: {
    keys: [{ keyRef: 'a.pub', keyID: 'aaaaaaaaaaaaaaaa' }],
    identities: [{ subject: { exact: 'ci@example.com' }, issuer: { exact: 'https://oidc' } }],
  },
  requireSignature: true,
  requireAllKeys: true,
  tlog: true,
  sct: true,
} as unknown as ImagePolicy;

describe('require-all-keys with one key and an identity reads every signature', () => {
  it.each([
    ['keyless first, then the key', ['keyless', 'key'], 'verified'],
    ['the key first, then keyless', ['key', 'keyless'], 'verified'],
    ['keyless only', ['keyless'], 'failed'],
  ])('%s', async (_name, signers, outcome) => {
    const s = store(signers);
    const rule: RuleContext = { policy, verifier, attestationVerifier: verifier };
    const stores = { storeFor: () => s } as unknown as Stores;
    const ref = parseReference(`r.example/app@${DIGEST}`) as ImageRef;
    const r = await verifyImage(ref, rule, stores);
    expect(r.outcome, r.reason).toBe(outcome);
  });
});
