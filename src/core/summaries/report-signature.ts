// A shard's report, signed: an in-toto Statement whose one subject is the report file's exact
// bytes (sha256), predicate type REPORT_PREDICATE_TYPE, DSSE-signed by the summaries' signer into
// FILE.sigstore.json beside it. `merge --shard-key | --shard-identity` verifies each shard's
// bundle under that signer and refuses an unsigned, foreign or edited report, naming the file.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GateError, toGateError } from '../errors.js';
import { LIMITS } from '../limits.js';
import type { Report, ShardRecord } from '../report.js';
import type { SignerPolicy } from '../signatures/signer-policy.js';
import type { InTotoStatement } from '../signatures/statement.js';
import { parseStrictJsonBytes } from '../signatures/strict-json.js';
import type { SignatureVerifier } from '../signatures/verifier.js';
import type { ShardSigner } from './shard-signer.js';
import type { SignerDeps, SummarySigning } from './sign.js';
import { IN_TOTO_STATEMENT_V1, VERIFIER_ID } from './statement.js';

/** Our own predicate type: "this file is an image-gate report, as the run wrote it". */
export const REPORT_PREDICATE_TYPE = `${VERIFIER_ID}/report/v1`;
/** The bundle of `report.json` is `report.json.sigstore.json`, as for a revocation list. */
export const REPORT_BUNDLE_SUFFIX = '.sigstore.json';

export const reportBundlePath = (file: string): string => `${file}${REPORT_BUNDLE_SUFFIX}`;

export interface ReportPredicate {
  runId: string;
  policyDigest: string;
  outcome: Report['outcome'];
  shard?: Report['shard'];
}

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The statement over a report file's bytes (pure). */
export function reportStatement(bytes: Uint8Array, name: string, report: Report): InTotoStatement {
  const predicate: ReportPredicate = {
    runId: report.runId,
    policyDigest: report.policyDigest,
    outcome: report.outcome,
    ...(report.shard ? { shard: report.shard } : {}),
  };
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: [{ name, digest: { sha256: sha256Hex(bytes) } }],
    predicateType: REPORT_PREDICATE_TYPE,
    predicate,
  };
}

/**
 * What makes `statement` no signature of exactly these report bytes, or undefined (pure). The
 * subject name is not compared: download-artifact may leave the shards under other names.
 */
export function reportStatementProblem(
  statement: InTotoStatement | undefined,
  bytes: Uint8Array,
): string | undefined {
  if (statement === undefined) return 'its bundle is a message signature, not a signed statement';
  if (statement._type !== IN_TOTO_STATEMENT_V1)
    return `its signed statement is of type ${JSON.stringify(statement._type)}, not ${IN_TOTO_STATEMENT_V1}`;
  if (statement.predicateType !== REPORT_PREDICATE_TYPE)
    return `its signed statement has predicate type ${JSON.stringify(statement.predicateType)}, not ${REPORT_PREDICATE_TYPE} (it signs something else than a report)`;
  const subjects = Array.isArray(statement.subject) ? statement.subject : [];
  if (subjects.length !== 1)
    return `its signed statement names ${subjects.length} subjects; a report signature names the report alone`;
  const signed = (subjects[0]?.digest as Record<string, unknown> | undefined)?.sha256;
  const actual = sha256Hex(bytes);
  if (signed !== actual)
    return `was edited after signing: its bytes have sha256:${actual} but the signature covers sha256:${String(signed)}`;
  return undefined;
}

/**
 * Signs the report file as written (its bytes read back, so the signature covers exactly what is
 * on disk) with the summaries' signer; returns the bundle's path. Failures are USAGE or NETWORK.
 */
export async function signReportFile(
  file: string,
  report: Report,
  signing: SummarySigning,
  deps: SignerDeps,
): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e: unknown) {
    throw new GateError('USAGE', `sign-summary: cannot read the report ${file} back to sign it`, {
      cause: e,
    });
  }
  const { createSummarySigner } = await import('./sign.js');
  const signer = await createSummarySigner(signing, deps);
  const bundle = await signer.sign(reportStatement(bytes, path.basename(file), report));
  const out = reportBundlePath(file);
  try {
    await writeFile(out, `${JSON.stringify(bundle)}\n`);
  } catch (e: unknown) {
    throw new GateError('USAGE', `sign-summary: cannot write ${out}: ${toGateError(e).message}`, {
      cause: e,
    });
  }
  return out;
}

/** The verifier policy for shard reports: the one signer, its Rekor entry always required. */
export function shardSignerPolicy(
  s: ShardSigner,
  key: SignerPolicy['keys'][number] | undefined,
): SignerPolicy {
  return {
    keys: key ? [key] : [],
    identities:
      s.identity !== undefined && s.issuer !== undefined
        ? [{ subject: { exact: s.identity }, issuer: { exact: s.issuer } }]
        : [],
    requireTlog: true,
    requireSct: true,
  };
}

/**
 * Verifies `file`'s bundle over `bytes` under `verifier`: exit-2 refusals (USAGE) naming the file
 * for a missing or unreadable bundle, another signer, a bad log entry, another predicate type and
 * bytes changed after signing. Returns the record the merged report lists.
 */
export async function verifyReportSignature(
  file: string,
  bytes: Uint8Array,
  verifier: Pick<SignatureVerifier, 'verifyBundle'>,
): Promise<ShardRecord> {
  const refuse = (why: string, cause?: unknown): GateError =>
    new GateError('USAGE', `merge: ${file} ${why}`, cause === undefined ? undefined : { cause });
  const bundleFile = reportBundlePath(file);
  let raw: Buffer;
  try {
    raw = await readFile(bundleFile);
  } catch (e: unknown) {
    throw refuse(
      `is not signed: no signature bundle ${bundleFile} (sign shard reports with sign-summary or summary-key)`,
      e,
    );
  }
  if (raw.length > LIMITS.bundleBytes)
    throw refuse(`has a signature bundle ${bundleFile} over ${LIMITS.bundleBytes} bytes`);
  let json: unknown;
  try {
    json = parseStrictJsonBytes(raw);
  } catch (e: unknown) {
    throw refuse(`has a signature bundle ${bundleFile} that is not JSON`, e);
  }
  // The claimed statement first, only to say plainly what is wrong (an edit, another predicate);
  // the verified one below is what counts.
  const claimed = unverifiedStatement(json);
  const early = claimed ? reportStatementProblem(claimed, bytes) : undefined;
  if (early) throw refuse(early);
  let ev;
  try {
    ev = verifier.verifyBundle(json, { digest: `sha256:${sha256Hex(bytes)}` }, 'bundle-tag');
  } catch (e: unknown) {
    throw refuse(
      `is not signed by the shard signer: ${bundleFile} does not verify: ${toGateError(e).message}`,
      e,
    );
  }
  const problem = reportStatementProblem(ev.statement, bytes);
  if (problem) throw refuse(problem);
  return {
    file,
    digest: `sha256:${sha256Hex(bytes)}`,
    signer:
      ev.kind === 'key'
        ? `key ${ev.keyRef ?? ''} (${ev.keyID ?? ''})`
        : `${ev.identity ?? ''} (${ev.issuer ?? ''})`,
  };
}

/** The DSSE payload of a bundle as JSON, unverified; undefined when it has none or is not JSON. */
function unverifiedStatement(bundle: unknown): InTotoStatement | undefined {
  const env = (bundle as { dsseEnvelope?: { payload?: unknown } } | null)?.dsseEnvelope;
  if (typeof env?.payload !== 'string') return undefined;
  try {
    const s = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as unknown;
    return typeof s === 'object' && s !== null ? (s as InTotoStatement) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The report signer of a run, when it signs summaries: both front ends call it on the report file
 * they wrote. A run that could not start (report.error) has nothing a merge could use; unsigned.
 */
export function reportSigner(
  summaries: { signing: SummarySigning; signingConfig?: string } | undefined,
  deps: Omit<SignerDeps, 'signingConfig'>,
): ((file: string, report: Report) => Promise<string | undefined>) | undefined {
  if (!summaries) return undefined;
  return (file, report) =>
    report.error
      ? Promise.resolve(undefined)
      : signReportFile(file, report, summaries.signing, {
          ...deps,
          ...(summaries.signingConfig ? { signingConfig: summaries.signingConfig } : {}),
        });
}
