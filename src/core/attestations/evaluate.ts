// Decides whether an image's VERIFIED attestations meet the policy: every required predicate type
// present (exact type, verified statement only), and every condition true of its attestations.
import type { FailureCode } from '../errors.js';
import type { InTotoStatement } from '../signatures/statement.js';
import type { EvidenceInput, SignatureEvidence } from '../types.js';
import { checkDeniedPackages } from './package-conditions.js';
import { checkSlsa } from './slsa-conditions.js';
import {
  checkVulnAge,
  checkVulnSeverity,
  scanPostdatesSignature,
  trustedScanTime,
} from './vuln-conditions.js';
import {
  PREDICATE,
  predicateLabel,
  type AttestationRequirement,
  type AttestationReportEntry,
  type ConditionResult,
} from './types.js';
import { sbomFormat } from './sbom.js';
import { readVexStatements, readVulnScan, vexDecisions, type VexStatement } from './vuln.js';

/** One attestation whose signature, payload type, statement and subject were already verified. */
export interface VerifiedAttestation {
  statement: InTotoStatement;
  evidence: SignatureEvidence;
  /** Where it was found: `referrer sha256:…`, `tag sha256-….att layer 0`, `GitHub API owner/repo #2`. */
  where: string;
  format: string;
  /** Where it lives and the digest of its bytes, for a verification summary's inputAttestations. */
  input?: EvidenceInput;
}

export interface AttestationVerdict {
  ok: boolean;
  /** Every failure, missing types first, joined with '; '. */
  reason?: string;
  code?: Extract<FailureCode, 'ATTESTATION_MISSING' | 'POLICY_VIOLATION'>;
  attestations: AttestationReportEntry[];
}

const SBOM_TYPES: readonly string[] = [PREDICATE.spdx, PREDICATE.cyclonedx];
const SLSA_TYPES: readonly string[] = [PREDICATE.slsaV02, PREDICATE.slsaV1];

/** cosign writes `https://openvex.dev/ns`; vexctl and others write the versioned context URI. */
export function isOpenVexType(t: string): boolean {
  return t === PREDICATE.openvex || t.startsWith(`${PREDICATE.openvex}/`);
}

/**
 * Pure: the same inputs give the same verdict. Freshness is judged on the NEWEST vuln scan by
 * trusted time, its claim bounded by its verified signing time (a pipeline re-scans and appends;
 * older scans are superseded, not wrong, but one that postdates its signature is), while severity and every
 * other condition must hold for EVERY verified attestation of its type (an old scan's critical
 * finding still describes these exact bytes unless OpenVEX says otherwise).
 */
export function evaluateAttestations(
  verified: VerifiedAttestation[],
  requirements: AttestationRequirement,
  now: Date,
  /** The image's digest: a VEX product must name THIS image, not any subject of the statement. */
  imageDigest?: string,
): AttestationVerdict {
  const entries: AttestationReportEntry[] = verified.map((a) => entryFor(a, requirements.types));
  const missing: string[] = [];
  const violations: string[] = [];
  const present = [...new Set(verified.map((a) => a.statement.predicateType))];

  for (const type of requirements.types) {
    if (verified.some((a) => a.statement.predicateType === type)) continue;
    const seen =
      present.length > 0 ? `verified: ${present.map(predicateLabel).join(', ')}` : 'none verified';
    missing.push(`no verified ${labelFor(type)} attestation (${seen})`);
  }

  const c = requirements.conditions;
  const indexOf = (types: readonly string[]): number[] =>
    verified.flatMap((a, i) => (types.includes(a.statement.predicateType) ? [i] : []));
  const record = (i: number, condition: string, r: ConditionResult): ConditionResult => {
    (entries[i].checks ??= []).push({ condition, ok: r.ok, message: r.ok ? r.detail : r.reason });
    return r;
  };
  const needEvidence = (label: string, uris: readonly string[], conditions: string): void => {
    missing.push(`no verified ${label} (${uris.join(' or ')}) to check ${conditions} against`);
  };

  const wantsAge = c.maxVulnAgeMs !== undefined;
  const wantsSeverity = (c.failOnSeverity?.length ?? 0) > 0;
  if (wantsAge || wantsSeverity) {
    const scans = indexOf([PREDICATE.cosignVuln]);
    const names = [wantsAge && 'max-vuln-age', wantsSeverity && 'fail-on-severity']
      .filter(Boolean)
      .join(' and ');
    if (scans.length === 0) needEvidence('vuln scan', [PREDICATE.cosignVuln], names);
    if (scans.length > 0 && wantsAge) {
      const results = scans.map((i) =>
        record(
          i,
          'max-vuln-age',
          checkVulnAge(verified[i].statement, c.maxVulnAgeMs!, now, verifiedAt(verified[i])),
        ),
      );
      const newest = newestScan(scans.map((i) => verified[i]));
      const decisive = results[newest];
      const where = (k: number): string =>
        scans.length > 1 ? ` (${verified[scans[k]].where})` : '';
      if (!decisive.ok) violations.push(decisive.reason + where(newest));
      // A scan that claims to postdate its own signature is wrong, not merely superseded.
      scans.forEach((i, k) => {
        const r = results[k];
        if (
          k !== newest &&
          !r.ok &&
          scanPostdatesSignature(verified[i].statement, verifiedAt(verified[i]))
        )
          violations.push(r.reason + where(k));
      });
    }
    if (scans.length > 0 && wantsSeverity) {
      const vex = vexDecisions(vexStatements(verified, imageDigest));
      for (const i of scans) {
        const r = record(
          i,
          'fail-on-severity',
          checkVulnSeverity(verified[i].statement, c.failOnSeverity!, vex),
        );
        if (!r.ok)
          violations.push(scans.length > 1 ? `${r.reason} (${verified[i].where})` : r.reason);
      }
    }
  }

  if ((c.denyPackages?.length ?? 0) > 0) {
    // Every verified SBOM counts, under a versioned type too (`https://spdx.dev/Document/v2.3`).
    const sboms = verified.flatMap((a, i) => (sbomFormat(a.statement.predicateType) ? [i] : []));
    if (sboms.length === 0) needEvidence('SBOM', SBOM_TYPES, 'deny-packages');
    for (const i of sboms) {
      const r = record(
        i,
        'deny-packages',
        checkDeniedPackages(verified[i].statement, c.denyPackages!),
      );
      if (!r.ok)
        violations.push(sboms.length > 1 ? `${r.reason} (${verified[i].where})` : r.reason);
    }
  }

  const slsa = c.slsa;
  if (slsa && (slsa.builderId || slsa.sourceRepository || slsa.sourceRef)) {
    const provs = indexOf(SLSA_TYPES);
    const names = [
      slsa.builderId && 'builder-id',
      slsa.sourceRepository && 'source-repository',
      slsa.sourceRef && 'source-ref',
    ]
      .filter(Boolean)
      .join(', ');
    if (provs.length === 0) needEvidence('SLSA provenance', SLSA_TYPES, names);
    for (const i of provs) {
      const r = record(i, 'slsa', checkSlsa(verified[i].statement, slsa));
      if (!r.ok)
        violations.push(provs.length > 1 ? `${r.reason} (${verified[i].where})` : r.reason);
    }
  }

  if (missing.length === 0 && violations.length === 0) return { ok: true, attestations: entries };
  return {
    ok: false,
    reason: [...missing, ...violations].join('; '),
    code: missing.length > 0 ? 'ATTESTATION_MISSING' : 'POLICY_VIOLATION',
    attestations: entries,
  };
}

function entryFor(a: VerifiedAttestation, required: string[]): AttestationReportEntry {
  const ev = a.evidence;
  const signer = ev.identity ?? ev.keyRef ?? (ev.keyID ? `key ${ev.keyID}` : undefined);
  const satisfies = required.filter((t) => t === a.statement.predicateType);
  return {
    predicateType: a.statement.predicateType,
    format: a.format,
    verified: true,
    ...(signer ? { signer } : {}),
    where: a.where,
    ...(ev.issuer ? { issuer: ev.issuer } : {}),
    ...(ev.signedAt ? { signedAt: ev.signedAt } : {}),
    ...(satisfies.length > 0 ? { satisfies } : {}),
  };
}

function labelFor(type: string): string {
  const label = predicateLabel(type);
  return label === type ? type : `${label} (${type})`;
}

/**
 * Index of the scan that decides freshness: the latest TRUSTED time (its claim, bounded by its
 * verified signing time), so a stale statement cannot make itself the newest by claiming a later
 * `scanFinishedOn`. With no trusted time anywhere, the latest claim, whose check then fails.
 */
function newestScan(scans: VerifiedAttestation[]): number {
  let best = -1;
  let bestTime = -Infinity;
  scans.forEach((a, i) => {
    const t = trustedScanTime(a.statement, verifiedAt(a));
    if (t !== undefined && t > bestTime) {
      best = i;
      bestTime = t;
    }
  });
  if (best >= 0) return best;
  best = 0;
  scans.forEach((a, i) => {
    const t = readVulnScan(a.statement.predicate).finishedAt?.getTime();
    if (t !== undefined && t > bestTime) {
      best = i;
      bestTime = t;
    }
  });
  return best;
}

/** The attestation's verified signing time (earliest Rekor SET or RFC 3161 time), if it has one. */
function verifiedAt(a: VerifiedAttestation): Date | undefined {
  if (a.evidence.signedAt === undefined) return undefined;
  const t = new Date(a.evidence.signedAt);
  return Number.isNaN(t.getTime()) ? undefined : t;
}

function vexStatements(verified: VerifiedAttestation[], imageDigest?: string): VexStatement[] {
  const out: VexStatement[] = [];
  for (const [i, a] of verified.entries()) {
    if (!isOpenVexType(a.statement.predicateType)) continue;
    // A VEX document may speak of several images; only what it says of this one counts.
    const digests =
      imageDigest !== undefined
        ? [imageDigest]
        : a.statement.subject.flatMap((s) =>
            Object.entries(s.digest ?? {}).map(([alg, hex]) => `${alg}:${hex}`),
          );
    out.push(
      ...readVexStatements(a.statement.predicate, digests, out.length, {
        doc: i,
        verifiedAt: verifiedAt(a),
      }),
    );
  }
  return out;
}
