// Merging shard reports from a job matrix into one verdict: reads report files (or folders of
// them, as download-artifact leaves them), checks each is an image-gate report, then merges.
import { mergeRegistryStats, type RegistryStats } from './registry/governor.js';
import { randomUUID } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { GateError } from './errors.js';
import {
  REPORT_SCHEMA_VERSION,
  TOOL,
  type Report,
  type RevocationListSummary,
  type ShardRecord,
  type SummaryRecord,
} from './report.js';
import type { ShardSigner } from './summaries/shard-signer.js';
import type { LoadTrustedRootOptions } from './trust/root.js';
import type { ShardInfo } from './shard.js';
import { canonicalJson, policyDigest } from './report-finish.js';
import { overallOutcome, reportOutcome } from './report-outcome.js';
import { emptyShardWarning, MAX_SHARDS } from './shard.js';
import { REPORT_BUNDLE_SUFFIX } from './summaries/report-signature.js';

const MAX_REPORT_BYTES = 64 * 1024 * 1024;

export interface LoadedReport {
  file: string;
  report: Report;
  /** The file's bytes, as read (what a shard signature covers). */
  bytes: Buffer;
}

/**
 * `merge --shard-key | --shard-identity`: every report must carry a bundle (FILE.sigstore.json)
 * by this signer over its exact bytes; without it, merge trusts the files as given.
 */
export interface ShardVerification {
  signer: ShardSigner;
  /** Where the Sigstore trusted root comes from (Rekor keys, Fulcio CAs). */
  root: Omit<LoadTrustedRootOptions, 'warnings'>;
  env: NodeJS.ProcessEnv;
}

/** Report files named directly, and every `*.json` in a named directory (sorted, not recursive). */
export async function loadReports(paths: string[]): Promise<LoadedReport[]> {
  return (await readReportFiles(paths)).map(parseLoaded);
}

const parseLoaded = (f: { file: string; bytes: Buffer }): LoadedReport => ({
  ...f,
  report: parseReport(f.file, f.bytes),
});

/** The report files' bytes, unparsed (a signature is checked before a report is read). */
async function readReportFiles(paths: string[]): Promise<Array<{ file: string; bytes: Buffer }>> {
  if (paths.length === 0) throw new GateError('USAGE', 'merge: no report files given');
  const files: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch (e: unknown) {
      throw new GateError('USAGE', `merge: no file or directory at ${p}`, { cause: e });
    }
    if (st.isDirectory()) {
      // A shard's signature bundle (report.json.sigstore.json) sits beside it; it is no report.
      const names = (await readdir(p))
        .filter((n) => n.endsWith('.json') && !n.endsWith(REPORT_BUNDLE_SUFFIX))
        .sort();
      if (names.length === 0) throw new GateError('USAGE', `merge: ${p} holds no .json reports`);
      files.push(...names.map((n) => path.join(p, n)));
    } else files.push(p);
  }
  return Promise.all(files.map(readReportBytes));
}

const OUTCOMES = ['verified', 'failed', 'error', 'warned'];
const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;

async function readReportBytes(file: string): Promise<{ file: string; bytes: Buffer }> {
  const st = await stat(file);
  if (st.size > MAX_REPORT_BYTES)
    throw new GateError('USAGE', `merge: ${file} is ${st.size} bytes, over ${MAX_REPORT_BYTES}`);
  return { file, bytes: await readFile(file) };
}

function parseReport(file: string, bytes: Buffer): Report {
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch (e: unknown) {
    throw new GateError('USAGE', `merge: ${file} is not JSON`, { cause: e });
  }
  const r = doc as Partial<Report>;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !('schemaVersion' in r))
    throw new GateError(
      'USAGE',
      `merge: ${file} is not an image-gate report (no schemaVersion; expected ${REPORT_SCHEMA_VERSION})`,
    );
  // An older report has no runId or policyDigest: merging it could double-count or mix policies.
  if (r.schemaVersion !== REPORT_SCHEMA_VERSION)
    throw new GateError(
      'USAGE',
      `merge: ${file} is report schema ${JSON.stringify(r.schemaVersion)}, this image-gate reads and writes ${REPORT_SCHEMA_VERSION} (with runId and policyDigest); re-run that shard with this version`,
    );
  const bad = (what: string): GateError =>
    new GateError('USAGE', `merge: ${file} is not a valid image-gate report: ${what}`);
  if (!Array.isArray(r.results)) throw bad('results is not a list');
  if (typeof r.startedAt !== 'string' || typeof r.finishedAt !== 'string')
    throw bad('startedAt/finishedAt missing');
  if (typeof r.runId !== 'string' || r.runId === '') throw bad('runId missing');
  if (typeof r.policyDigest !== 'string' || !DIGEST_RE.test(r.policyDigest))
    throw bad(`policyDigest ${JSON.stringify(r.policyDigest ?? null)} is not sha256:<64 hex>`);
  if (typeof r.policy !== 'object' || r.policy === null || Array.isArray(r.policy))
    throw bad('policy missing');
  if (!OUTCOMES.includes(r.outcome as string) || typeof r.verified !== 'boolean')
    throw bad('outcome/verified missing');
  if (
    r.error !== undefined &&
    (typeof r.error !== 'object' ||
      r.error === null ||
      typeof r.error.code !== 'string' ||
      typeof r.error.message !== 'string')
  )
    throw bad('error is not {code, message}');
  if (
    r.mergedRunIds !== undefined &&
    (!Array.isArray(r.mergedRunIds) ||
      r.mergedRunIds.length === 0 ||
      !r.mergedRunIds.every((id) => typeof id === 'string' && id !== ''))
  )
    throw bad('mergedRunIds is not a list of run ids');
  if (r.revocations !== undefined && !validRevocations(r.revocations))
    throw bad('revocations is not {source, version, issued, expires, entries, signer, sha256}');
  if (
    r.summaries !== undefined &&
    (!Array.isArray(r.summaries) || !r.summaries.every(validSummaryRecord))
  )
    throw bad('summaries is not a list of {image, digest, verificationResult, file}');
  if (r.shard !== undefined && !validShard(r.shard))
    throw bad('shard is not {index, count, totalImages, setDigest} with 1 ≤ index ≤ count');
  for (const [i, res] of r.results.entries()) {
    if (
      typeof res !== 'object' ||
      res === null ||
      typeof res.image !== 'string' ||
      !['verified', 'failed', 'error', 'skipped', 'allowed', 'warned'].includes(res.outcome) ||
      typeof res.verified !== 'boolean' ||
      res.verified !== (res.outcome === 'verified')
    )
      throw new GateError('USAGE', `merge: ${file} results[${i}] is not a valid image result`);
  }
  return doc as Report;
}

function validRevocations(v: unknown): v is RevocationListSummary {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const l = v as Record<string, unknown>;
  return (
    ['source', 'issued', 'expires', 'signer', 'sha256'].every((k) => typeof l[k] === 'string') &&
    Number.isSafeInteger(l.version) &&
    Number.isSafeInteger(l.entries) &&
    DIGEST_RE.test(l.sha256 as string)
  );
}

function validSummaryRecord(v: unknown): v is SummaryRecord {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const s = v as Record<string, unknown>;
  const ref = s.referrer as Record<string, unknown> | undefined;
  return (
    typeof s.image === 'string' &&
    typeof s.digest === 'string' &&
    DIGEST_RE.test(s.digest) &&
    (s.verificationResult === 'PASSED' || s.verificationResult === 'FAILED') &&
    typeof s.file === 'string' &&
    (ref === undefined ||
      (typeof ref === 'object' &&
        ref !== null &&
        typeof ref.digest === 'string' &&
        typeof ref.via === 'string'))
  );
}

function validShard(s: unknown): boolean {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return false;
  const { index, count, totalImages, setDigest } = s as Record<string, unknown>;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);
  return (
    whole(index) &&
    whole(count) &&
    whole(totalImages) &&
    index >= 1 &&
    index <= count &&
    count <= MAX_SHARDS &&
    totalImages >= 1 &&
    typeof setDigest === 'string' &&
    DIGEST_RE.test(setDigest)
  );
}

/**
 * Loads and merges; the merged report is a pure function of the files' contents (and a fresh
 * run id). Refusals name the files (see mergeReports).
 */
export async function mergeReportFiles(
  paths: string[],
  verify?: ShardVerification,
): Promise<Report> {
  const files = await readReportFiles(paths);
  // Signatures first: an edited shard is said to be edited, whatever its edit broke.
  const shards = verify ? await verifyShards(files, verify) : undefined;
  const loaded = files.map(parseLoaded);
  const merged = mergeReports(
    loaded.map((l) => l.report),
    loaded.map((l) => l.file),
  );
  return shards ? withShards(merged, shards) : merged;
}

/** `shards` placed before `results`, so the list stays at the end of the document. */
function withShards(r: Report, shards: ShardRecord[]): Report {
  const { results, ...rest } = r;
  return { ...rest, shards, results };
}

/** Every shard's signature, verified under the one signer before anything is merged. */
async function verifyShards(
  loaded: Array<{ file: string; bytes: Buffer }>,
  v: ShardVerification,
): Promise<ShardRecord[]> {
  const [{ verifyReportSignature, shardSignerPolicy }, { createSignatureVerifier }, keys, root] =
    await Promise.all([
      import('./summaries/report-signature.js'),
      import('./signatures/verifier.js'),
      import('./trust/keys.js'),
      import('./trust/root.js'),
    ]);
  const key = v.signer.keyRef ? await keys.loadKey(v.signer.keyRef, { env: v.env }) : undefined;
  const trusted = await root.loadTrustedRoot(v.root);
  const verifier = createSignatureVerifier(trusted, shardSignerPolicy(v.signer, key));
  const records: ShardRecord[] = [];
  for (const l of loaded) records.push(await verifyReportSignature(l.file, l.bytes, verifier));
  return records;
}

/**
 * Merge shard reports (one per matrix job) into one verdict; a pure function of its inputs.
 * Refuses (USAGE, naming the shards by `names`) shards verified under another policy, of
 * another schema, copies of one run, and an image verified in two shards. The outcome is
 * recomputed from the results; a shard whose stored outcome disagrees with them is refused.
 */
export function mergeReports(
  reports: Report[],
  names: string[] = reports.map((_, i) => `report ${i + 1}`),
): Report {
  if (reports.length === 0) throw new GateError('USAGE', 'merge: no reports to merge');
  checkShardSet(reports, names);
  checkShards(reports, names);
  const githubRun = checkGithubRun(reports, names);
  const revocations = mergeRevocations(reports, names);
  const summaries = mergeSummaries(reports);
  const results = reports.flatMap((r) => r.results);
  const error = reports.find((r) => r.error)?.error;
  const outcome = results.some((r) => r.outcome === 'failed')
    ? 'failed'
    : error
      ? 'error'
      : overallOutcome(results);
  // An empty shard's own warning says to merge; the merged report is that merge.
  const warnings = [
    ...new Set(
      reports.flatMap((r) =>
        (r.warnings ?? []).filter((w) => !(r.shard && w === emptyShardWarning(r.shard))),
      ),
    ),
  ];
  const startedAt = reports.map((r) => r.startedAt).sort()[0];
  const finishedAt = reports
    .map((r) => r.finishedAt)
    .sort()
    .at(-1)!;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: TOOL,
    runId: randomUUID(),
    policyDigest: reports[0].policyDigest,
    mergedRunIds: reports.flatMap(runIdsOf),
    ...(githubRun !== undefined ? { github: { runId: githubRun } } : {}),
    startedAt,
    finishedAt,
    policy: reports[0].policy,
    verified: outcome === 'verified',
    outcome,
    ...(error ? { error } : {}),
    ...(warnings.length ? { warnings } : {}),
    ...(reports.some((r) => r.stats)
      ? {
          stats: {
            registryRequests: reports.reduce((n, r) => n + (r.stats?.registryRequests ?? 0), 0),
            ...registriesOf(reports),
          },
        }
      : {}),
    ...(revocations ? { revocations } : {}),
    ...(summaries ? { summaries } : {}),
    results,
  };
}

/**
 * The one revocation list every shard checked (a merged verdict says its images were checked
 * against it). Refused, naming both files: shards that checked lists of other versions or bytes,
 * and shards of which some checked a list and others none.
 */
function mergeRevocations(reports: Report[], names: string[]): RevocationListSummary | undefined {
  const i = reports.findIndex((r) => r.revocations);
  if (i < 0) return undefined;
  const first = reports[i].revocations!;
  const listOf = (l: RevocationListSummary): string =>
    `revocation list ${l.source} version ${l.version} (${l.sha256}, signed by ${l.signer})`;
  reports.forEach((r, j) => {
    const l = r.revocations;
    if (!l)
      throw new GateError(
        'USAGE',
        `merge: ${names[i]} checked ${listOf(first)} but ${names[j]} checked no revocation list; every shard must check the same list`,
      );
    if (l.version !== first.version)
      throw new GateError(
        'USAGE',
        `merge: ${names[i]} checked ${listOf(first)} but ${names[j]} checked version ${l.version} (${l.sha256}); re-run the shards against one list`,
      );
    if (l.sha256 !== first.sha256 || l.source !== first.source || l.signer !== first.signer)
      throw new GateError(
        'USAGE',
        `merge: ${names[i]} checked ${listOf(first)} but ${names[j]} checked another list of the same version: ${listOf(l)}; re-run the shards against one list`,
      );
  });
  return first;
}

/** Every shard's summaries, in shard order (each image is in one shard; copies appear once). */
function mergeSummaries(reports: Report[]): SummaryRecord[] | undefined {
  if (!reports.some((r) => r.summaries)) return undefined;
  const seen = new Set<string>();
  return reports
    .flatMap((r) => r.summaries ?? [])
    .filter((s) => {
      const key = canonicalJson(s);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The shards' per-registry counters, summed (registry/governor.ts). */
function registriesOf(reports: Report[]): { registries?: Record<string, RegistryStats> } {
  const registries = mergeRegistryStats(reports.map((r) => r.stats?.registries));
  return registries ? { registries } : {};
}

/** The runs a report stands for: its own, or every shard's when it is itself a merge. */
const runIdsOf = (r: Report): string[] => r.mergedRunIds ?? [r.runId];

function checkShards(reports: Report[], names: string[]): void {
  const byRun = new Map<string, number>();
  const byImage = new Map<string, string>();
  reports.forEach((r, i) => {
    const name = names[i];
    if (r.schemaVersion !== REPORT_SCHEMA_VERSION)
      throw new GateError(
        'USAGE',
        `merge: ${name} is report schema ${JSON.stringify(r.schemaVersion)}, this image-gate reads and writes ${REPORT_SCHEMA_VERSION}; re-run that shard with this version`,
      );
    const digest = policyDigest(r.policy);
    if (r.policyDigest !== digest)
      throw new GateError(
        'USAGE',
        `merge: ${name} was edited: its policyDigest ${r.policyDigest} is not the digest of its policy section (${digest})`,
      );
    if (r.policyDigest !== reports[0].policyDigest) {
      const notStarted = [reports[0], r].flatMap((x, j) =>
        x.error ? [`${j === 0 ? names[0] : name} did not start: ${x.error.message}`] : [],
      );
      throw new GateError(
        'USAGE',
        `merge: ${name} was verified under another policy than ${names[0]} (policyDigest ${r.policyDigest} vs ${reports[0].policyDigest})${notStarted.length ? `; ${notStarted.join('; ')}` : ''}; merge only shards of one run of one policy`,
      );
    }
    // A shard that verified nothing would add nothing to the verdict, where its own run failed;
    // a `shard: I/N` the list gave no image is complete as it is (checkShardSet counts them all).
    if (r.results.length === 0 && !r.shard)
      throw new GateError(
        'USAGE',
        `merge: ${name} holds no image results${r.error ? ` (it did not start: ${r.error.message})` : ''}; every shard must have verified images`,
      );
    const stated = reportOutcome(r);
    if (r.outcome !== stated || r.verified !== (stated === 'verified'))
      throw new GateError(
        'USAGE',
        `merge: ${name} was edited: it says outcome ${JSON.stringify(r.outcome)} (verified ${String(r.verified)}) but its results give ${stated}`,
      );
    for (const id of runIdsOf(r)) {
      const first = byRun.get(id);
      if (first !== undefined)
        throw new GateError(
          'USAGE',
          first === i
            ? `merge: ${name} holds run ${id} twice`
            : names[first] === name
              ? `merge: ${name} is given twice`
              : `merge: ${names[first]} and ${name} are the same run (runId ${id}); give each shard once`,
        );
      byRun.set(id, i);
    }
    for (const res of r.results) {
      // By the identity that was fetched, so two spellings of one image are one image.
      const key = res.identity ?? res.image;
      const first = byImage.get(key);
      if (first !== undefined)
        throw new GateError(
          'USAGE',
          first === name
            ? `merge: ${name} holds a result for ${JSON.stringify(key)} twice`
            : `merge: ${first} and ${name} both hold a result for ${JSON.stringify(key)}; each image must be verified in one shard only`,
        );
      byImage.set(key, name);
    }
  });
}

/**
 * Every shard ran in one GitHub Actions workflow run (`github.runId`, which a signed shard's
 * signature covers), or none ran in Actions. A signed shard is otherwise as good next week as
 * today: a passing shard report of an earlier run of the same policy and image list, put in place
 * of today's failing one, merged into a pass (the tags it verified may have moved since). Jobs
 * re-run in a later attempt keep the run id, so attempts may mix.
 */
function checkGithubRun(reports: Report[], names: string[]): string | undefined {
  const first = reports[0].github?.runId;
  const ran = (id: string | undefined) =>
    id === undefined ? 'ran outside GitHub Actions' : `ran in workflow run ${id}`;
  reports.forEach((r, i) => {
    const id = r.github?.runId;
    if (id !== first)
      throw new GateError(
        'USAGE',
        `merge: ${names[0]} ${ran(first)} but ${names[i]} ${ran(id)}; merge only the shards of one run`,
      );
  });
  return first;
}

/**
 * Shards cut by `shard: I/N` (src/core/shard.ts) must all be cut from one list: the same count
 * N, set digest and number of images; each index 1..N exactly once; and their results together
 * one per image of the list. Sharded and unsharded reports are not merged together (the
 * unsharded one's images are outside the list's accounting). Refusals name the files.
 */
function checkShardSet(reports: Report[], names: string[]): void {
  const sharded = reports.flatMap((r, i) =>
    r.shard ? [{ shard: r.shard, name: names[i], r }] : [],
  );
  if (sharded.length === 0) return;
  if (sharded.length < reports.length) {
    const plain = names.filter((_, i) => !reports[i].shard);
    throw new GateError(
      'USAGE',
      `merge: ${sharded.map((s) => `${s.name} (shard ${s.shard.index}/${s.shard.count})`).join(', ')} ${sharded.length === 1 ? 'is a shard' : 'are shards'} of a list but ${plain.join(', ')} ${plain.length === 1 ? 'is' : 'are'} not; merge the shards of one list, or only unsharded reports`,
    );
  }
  const first = sharded[0];
  const listOf = (s: ShardInfo): string =>
    `${s.totalImages} images in ${s.count} shards, set ${s.setDigest}`;
  for (const s of sharded) {
    const a = first.shard;
    const b = s.shard;
    if (a.count !== b.count || a.setDigest !== b.setDigest || a.totalImages !== b.totalImages)
      throw new GateError(
        'USAGE',
        `merge: ${s.name} is a shard of another list than ${first.name} (${listOf(b)} vs ${listOf(a)}); give every job the same images and the same N`,
      );
  }
  const byIndex = new Map<number, string>();
  for (const s of sharded) {
    const seen = byIndex.get(s.shard.index);
    if (seen !== undefined)
      throw new GateError(
        'USAGE',
        seen === s.name
          ? `merge: ${s.name} is given twice`
          : `merge: ${seen} and ${s.name} are both shard ${s.shard.index}/${s.shard.count}; give each shard once`,
      );
    byIndex.set(s.shard.index, s.name);
  }
  const count = first.shard.count;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    throw new GateError(
      'USAGE',
      `merge: shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing (given: ${sharded.map((s) => `${s.name} = ${s.shard.index}/${count}`).join(', ')}); every shard of the list must be merged`,
    );
  const results = sharded.reduce((n, s) => n + s.r.results.length, 0);
  if (results !== first.shard.totalImages)
    throw new GateError(
      'USAGE',
      `merge: the shards hold ${results} image results but their list has ${first.shard.totalImages} images (${sharded.map((s) => `${s.name}: ${s.r.results.length}`).join(', ')}); a shard was edited or cut by another version`,
    );
}
