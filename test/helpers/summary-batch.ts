// Typed factories for job-summary batches: the nine-image batch of issue 13 (two verified, six
// failed for six reasons, one registry down) and larger ones built from it, in input order.
import { createHash } from 'node:crypto';
import type { ImageResult, PolicySummary, Report } from '../../src/core/report.js';
import { finishReport } from '../../src/core/report-finish.js';

export const digestOf = (s: string): string =>
  `sha256:${createHash('sha256').update(s).digest('hex')}`;

const WORKFLOW = 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1.4.2';
const ISSUER = 'https://token.actions.githubusercontent.com';

export const SUMMARY_POLICY: PolicySummary = {
  keys: [],
  identities: [{ subject: 'https://github.com/acme/*', issuer: ISSUER }],
  requireTlog: true,
  requireSct: true,
  trustRoot: 'public-good via TUF',
  attestations: {
    types: ['https://slsa.dev/provenance/v1'],
    conditions: {},
    signers: 'the image signers',
  },
};

export function verifiedResult(image: string): ImageResult {
  const digest = digestOf(image);
  return {
    image,
    digest,
    pinned: `${image.replace(/:[^:/]+$/, '')}@${digest}`,
    outcome: 'verified',
    verified: true,
    signedAt: '2026-01-02T03:04:05.000Z',
    signatures: [
      {
        kind: 'keyless',
        format: 'bundle-referrer',
        identity: WORKFLOW,
        issuer: ISSUER,
        signedAt: '2026-01-02T03:04:05.000Z',
      },
    ],
    attestations: [
      {
        predicateType: 'https://slsa.dev/provenance/v1',
        format: 'bundle-referrer',
        verified: true,
        where: `referrer ${digestOf(`${image} provenance`)}`,
        signer: WORKFLOW,
        satisfies: ['https://slsa.dev/provenance/v1'],
        checks: [{ condition: 'builder-id', ok: true, message: 'builder id matches' }],
      },
    ],
    durationMs: 120,
  };
}

function notVerified(
  image: string,
  outcome: 'failed' | 'error',
  code: ImageResult['code'],
  reason: string,
  found = true,
): ImageResult {
  return {
    image,
    ...(found ? { digest: digestOf(image) } : {}),
    outcome,
    verified: false,
    code,
    reason,
    signatures: [],
    attestations: [],
    durationMs: 80,
  };
}

/** Six failures for six reasons, the wording the verifier uses; `i` varies the image name. */
export function failedResults(i = 0): ImageResult[] {
  const n = i ? `-${i}` : '';
  const worker = `ghcr.io/acme/worker${n}:1.4.2`;
  return [
    notVerified(
      worker,
      'failed',
      'UNSIGNED',
      `no signatures found (looked in referrers of ${digestOf(worker)}, tag ${digestOf(worker).replace(':', '-')}.sig)`,
    ),
    notVerified(
      `docker.io/library/nginx${n}:1.27.3`,
      'failed',
      'UNTRUSTED_SIGNER',
      `signed by https://github.com/someone-else/nginx/.github/workflows/release.yml@refs/heads/main (issuer ${ISSUER}), not by an identity the policy trusts: https://github.com/acme/* (issuer ${ISSUER})`,
    ),
    notVerified(
      `ghcr.io/acme/batch-processor-with-a-long-name${n}:2026.01.15-rc.3`,
      'failed',
      'TLOG_MISSING',
      'the signature has no Rekor entry and the transparency log is required (set insecure-ignore-tlog only for a private Sigstore)',
    ),
    notVerified(
      `quay.io/acme/legacy${n}:0.9`,
      'failed',
      'SIGNATURE_INVALID',
      `the signature does not verify: ECDSA P-256 check failed over the payload for ${digestOf(`quay.io/acme/legacy${n}:0.9`)}`,
    ),
    notVerified(
      `ghcr.io/acme/search${n}:3.1.0`,
      'failed',
      'ATTESTATION_MISSING',
      'no verified SLSA provenance v1 attestation (https://slsa.dev/provenance/v1): looked in the referrers API and the sha256-….att tag; see https://docs.example.com/attest',
    ),
    notVerified(
      `ghcr.io/acme/payments${n}:5.0.1`,
      'failed',
      'POLICY_VIOLATION',
      'SBOM contains banned package log4j-core@2.14.1 (condition banned-packages: log4j-core@<2.17.1); owner security@acme.example',
    ),
  ];
}

export function errorResult(i = 0): ImageResult {
  const host = 'registry.internal.example:5000';
  return notVerified(
    `${host}/platform/gateway${i ? `-${i}` : ''}:7.2.0`,
    'error',
    'NETWORK',
    `connection to registry ${host} refused (ECONNREFUSED)`,
    false,
  );
}

function report(results: ImageResult[], policy: PolicySummary = SUMMARY_POLICY): Report {
  return finishReport({ startedAt: '2026-01-02T03:00:00.000Z', policy, results });
}

/** Issue 13's batch, in input order: failures sit among passes. */
export function nineImageReport(policy?: PolicySummary): Report {
  const [a, b, c, d, e, f] = failedResults();
  return report(
    [
      verifiedResult('ghcr.io/acme/api:1.4.2'),
      a!,
      b!,
      errorResult(),
      c!,
      verifiedResult('ghcr.io/acme/web:1.4.2'),
      d!,
      e!,
      f!,
    ],
    policy,
  );
}

/**
 * `total` images: `failedSets` times the six failures and `errors` errors, spread through the
 * input, the rest verified.
 */
export function batchReport(total: number, failedSets: number, errors: number): Report {
  const bad = [
    ...Array.from({ length: failedSets }, (_, i) => failedResults(i + 1)).flat(),
    ...Array.from({ length: errors }, (_, i) => errorResult(i + 1)),
  ];
  const results: ImageResult[] = [];
  const every = Math.max(1, Math.floor(total / Math.max(1, bad.length)));
  for (let i = 0; results.length < total; i++) {
    if (i % every === every - 1 && bad.length) results.push(bad.shift()!);
    else results.push(verifiedResult(`ghcr.io/acme/service-${i}:1.4.2`));
  }
  return report(results);
}
