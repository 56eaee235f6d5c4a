// A run's verification summaries: one statement per judged image (statement.ts), signed once each
// (sign.ts), written as a bundle file into the summaries directory and, when asked, attached to
// the image as a referrer (push.ts). Any failure here is the run's error (exit 2), said once.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GateError, toGateError } from '../errors.js';
import { parseReference } from '../reference.js';
import type { RegistryClient } from '../registry/client.js';
import type { ImageResult, SummaryRecord } from '../report.js';
import type { IdTokenProvider, SummarySigning } from './sign.js';
import { summaryStatement, VSA_PREDICATE_TYPE, type SummaryRun } from './statement.js';

export interface SummaryOptions {
  signing: SummarySigning;
  /** Directory the bundles are written to (created when missing). */
  dir: string;
  /** Attach each bundle to its image as an OCI 1.1 referrer. */
  push: boolean;
  /** signing_config.json naming Fulcio, Rekor, TSAs (default: public-good Sigstore's). */
  signingConfig?: string;
  /** `verifier.id` (default: image-gate's URI). */
  verifierId?: string;
}

export interface SummaryDeps {
  env: NodeJS.ProcessEnv;
  idToken?: IdTokenProvider;
  client: Pick<RegistryClient, 'writer'>;
  timeoutMs?: number;
}

/** Summaries of every judged image, in result order; throws a GateError (the run's error). */
export async function produceSummaries(
  results: ImageResult[],
  run: SummaryRun,
  o: SummaryOptions,
  deps: SummaryDeps,
): Promise<SummaryRecord[]> {
  const statements = results.flatMap((r) => {
    const s = summaryStatement(r, run);
    return s ? [{ result: r, statement: s }] : [];
  });
  if (statements.length === 0) return [];
  // Loaded on demand: @sigstore/sign and its HTTP client are for runs that sign summaries.
  const { createSummarySigner } = await import('./sign.js');
  const signer = await createSummarySigner(o.signing, {
    env: deps.env,
    ...(deps.idToken ? { idToken: deps.idToken } : {}),
    ...(o.signingConfig ? { signingConfig: o.signingConfig } : {}),
    ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
  });
  try {
    await mkdir(o.dir, { recursive: true });
  } catch (e: unknown) {
    throw new GateError('USAGE', `summaries-path: cannot create ${o.dir}: ${message(e)}`, {
      cause: e,
    });
  }
  const records: SummaryRecord[] = [];
  for (const [i, { result, statement }] of statements.entries()) {
    const digest = result.digest ?? '';
    const bundle = Buffer.from(`${JSON.stringify(await signer.sign(statement))}\n`);
    const file = path.join(o.dir, `${i + 1}-${digest.replace(':', '-')}.sigstore.json`);
    try {
      await writeFile(file, bundle);
    } catch (e: unknown) {
      throw new GateError('USAGE', `summaries-path: cannot write ${file}: ${message(e)}`, {
        cause: e,
      });
    }
    const record: SummaryRecord = {
      image: result.image,
      digest,
      verificationResult: result.outcome === 'verified' ? 'PASSED' : 'FAILED',
      file,
    };
    if (o.push) record.referrer = await push(result, bundle, run.timeVerified, deps);
    records.push(record);
  }
  return records;
}

async function push(
  r: ImageResult,
  bundle: Buffer,
  created: string,
  deps: SummaryDeps,
): Promise<SummaryRecord['referrer']> {
  const ref = parseReference(r.image);
  if (ref.kind !== 'registry')
    throw new GateError(
      'USAGE',
      `push-summary: ${r.image} is not in a registry; a summary can only be attached to a registry image`,
    );
  try {
    const { pushSummary } = await import('./push.js');
    const writer = deps.client.writer(ref.registry, ref.repository);
    return await pushSummary(writer, r.digest ?? '', bundle, VSA_PREDICATE_TYPE, created);
  } catch (e: unknown) {
    const err = toGateError(e);
    throw new GateError(err.code, `push-summary: ${r.image}: ${err.message}`, { cause: e });
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
