// accept-summary on its own (summaries/accept.ts findAcceptedSummary) over an in-memory store and
// a verifier that vouches for whatever statement the bundle holds: what a verified summary may
// and may not stand in for.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ImagePolicy, RunPolicy } from '../../src/core/policy/types.js';
import { parseReference } from '../../src/core/reference.js';
import { findAcceptedSummary } from '../../src/core/summaries/accept.js';
import { VSA_PREDICATE_TYPE } from '../../src/core/summaries/statement.js';
import { MEDIA_TYPES, type ContentStore, type FetchedManifest } from '../../src/core/types.js';

const HOUR = 3_600_000;
const NOW = new Date('2026-12-02T12:00:00Z');
const IMAGE = `sha256:${'a'.repeat(64)}`;
const POLICY = `sha256:${'c'.repeat(64)}`;
const REPO = 'registry.example/acme/app';

const sha = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

function rule(o: Partial<ImagePolicy> = {}): ImagePolicy {
  return {
    name: 'options',
    match: ['**'],
    signers: { keys: [], identities: [] } as unknown as ImagePolicy['signers'],
    requireSignature: true,
    requireAllKeys: false,
    tlog: true,
    sct: true,
    ...o,
  };
}

/** A store whose one referrer of IMAGE is a summary bundle holding `statement`. */
function storeWith(statement: unknown): ContentStore {
  const bundle = Buffer.from(JSON.stringify({ statement }));
  const layer = { mediaType: MEDIA_TYPES.bundleV03, digest: sha(bundle), size: bundle.length };
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    artifactType: MEDIA_TYPES.bundleV03,
    config: { mediaType: MEDIA_TYPES.ociEmpty, digest: sha(Buffer.from('{}')), size: 2 },
    layers: [layer],
    subject: { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: IMAGE, size: 1 },
    annotations: { 'dev.sigstore.bundle.predicateType': VSA_PREDICATE_TYPE },
  };
  const bytes = Buffer.from(JSON.stringify(manifest));
  const digest = sha(bytes);
  return {
    name: REPO,
    getManifest: (ref: string) =>
      Promise.resolve(
        ref === digest
          ? ({
              digest,
              mediaType: manifest.mediaType,
              bytes,
              manifest,
            } as unknown as FetchedManifest)
          : undefined,
      ),
    getBlob: () => Promise.resolve(bundle),
    getReferrers: () =>
      Promise.resolve([
        {
          mediaType: manifest.mediaType,
          digest,
          size: bytes.length,
          artifactType: MEDIA_TYPES.bundleV03,
          annotations: manifest.annotations,
        },
      ]),
  };
}

/** The summary the gate signed `hoursAgo` for IMAGE under POLICY. */
function summary(hoursAgo: number): unknown {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: REPO, digest: { sha256: IMAGE.slice(7) } }],
    predicateType: VSA_PREDICATE_TYPE,
    predicate: {
      timeVerified: new Date(NOW.getTime() - hoursAgo * HOUR).toISOString(),
      resourceUri: `${REPO}:v1`,
      policy: { uri: 'urn:image-gate:policy:options', digest: { sha256: POLICY.slice(7) } },
      verificationResult: 'PASSED',
    },
  };
}

async function accept(r: ImagePolicy, hoursAgo: number) {
  const policy: RunPolicy = { rules: [r], unmatched: 'fail' };
  return findAcceptedSummary(
    storeWith(summary(hoursAgo)),
    { ref: parseReference(`${REPO}:v1`), digest: IMAGE, rule: r },
    {
      verifier: {
        verifyBundle: (b: unknown) => {
          const statement = (b as { statement: never }).statement;
          return {
            kind: 'key',
            format: 'bundle-referrer',
            signedAt: (statement as { predicate: { timeVerified: string } }).predicate.timeVerified,
            statement,
          } as never;
        },
      },
      policyDigest: POLICY,
      policy,
      maxAgeMs: 24 * HOUR,
      now: () => NOW,
    },
  );
}

describe('findAcceptedSummary', () => {
  it('admits a PASSED summary of this digest, repository, rule and policy within the age', async () => {
    const found = await accept(rule(), 23);
    expect(found.accepted).toBeDefined();
  });

  it('refuses one older than summary-max-age', async () => {
    const found = await accept(rule(), 25);
    expect(found.accepted).toBeUndefined();
  });

  // Red-team round (issue 15): a summary is a verdict frozen at timeVerified. A rule whose
  // verdict depends on the clock (max-vuln-age: the newest vuln scan at most that old *now*)
  // passed on a 23 h old summary of an image whose scan was then 47 h old (70 h now, limit 48 h).
  it('never stands in for a rule with max-vuln-age: the scan ages after the summary', async () => {
    const r = rule({
      attestations: {
        types: ['https://cosign.sigstore.dev/attestation/vuln/v1'],
        conditions: { maxVulnAgeMs: 48 * HOUR },
      },
    });
    const found = await accept(r, 23);
    expect(found.accepted).toBeUndefined();
    expect(found.rejected.map((x) => x.reason).join('\n')).toMatch(/max-vuln-age/);
  });
});
