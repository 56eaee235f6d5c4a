// Every size, count and time bound on what the gate reads (SECURITY.md section 5), in one table,
// and the byte budgets: enforced while reading, before parsing, so hostile content cannot exhaust
// memory or time. registry/limits.ts and s3lo's S3LO_LIMITS are named views of this table.
import { AsyncLocalStorage } from 'node:async_hooks';
import { open } from 'node:fs/promises';
import { GateError } from './errors.js';

const MiB = 1024 * 1024;
const KiB = 1024;

/**
 * Every limit on attacker-controlled input, with its default:
 *
 * | limit                 | default | applies to                                               |
 * | --------------------- | ------- | -------------------------------------------------------- |
 * | manifestBytes         | 4 MiB   | one manifest, index or referrers page (registry, layout, s3lo) |
 * | payloadBytes          | 4 MiB   | one `.sig` payload or `.att` envelope layer              |
 * | bundleBytes           | 10 MiB  | one Sigstore bundle (referrer layer, GitHub bundle_url)  |
 * | signaturesPerImage    | 100     | candidates judged per digest, across formats             |
 * | layersPerManifest     | 1000    | layers of one signature manifest                         |
 * | imageBytes            | 64 MiB  | all bytes read for one image (see ByteBudget)            |
 * | runBytes              | 1 GiB   | all bytes read for all images of one run                 |
 * | trustedRootBytes      | 4 MiB   | a trusted_root.json file (`--trusted-root`)              |
 * | sbomPackages          | 200000  | components read from one SBOM predicate                  |
 * | vulnFindings          | 100000  | findings read from one vulnerability scan predicate      |
 * | jsonDepth             | 64      | nesting of any strictly parsed JSON (payloads, statements) |
 * | tlogEntriesPerBundle  | 32      | transparency log entries in one bundle (sigstore-go)     |
 * | timestampsPerBundle   | 32      | RFC 3161 timestamps in one bundle (sigstore-go)          |
 * | subjectsPerStatement  | 1024    | subjects of one in-toto statement                        |
 * | digestsPerSubject     | 32      | digests of one in-toto subject                           |
 * | keyFileBytes          | 64 KiB  | a public key file (`--key`)                              |
 * | tokenBytes            | 1 MiB   | a registry token service answer                          |
 * | errorBodyBytes        | 64 KiB  | any error answer (read for its message, the rest cut)    |
 * | referrers             | 1000    | referrers considered per subject, across pages           |
 * | referrerPages         | 20      | referrers pages followed (`Link: rel="next"`)            |
 * | registryRedirects     | 10      | redirect hops per registry request                       |
 * | fetchRedirects        | 5       | redirect hops per net/fetch.ts request (bundle_url, Vault) |
 * | retryAfterMs          | 10 s    | the longest `Retry-After` the registry client sleeps      |
 * | githubPages           | 20      | GitHub attestations API pages followed                   |
 * | githubPageBytes       | 16 MiB  | one GitHub attestations API page (up to 100 bundles)     |
 * | vaultResponseBytes    | 1 MiB   | one Vault transit key answer                             |
 * | s3loRecordBytes       | 1 MiB   | one s3lo signature record                                |
 * | dockerConfigBytes     | 4 MiB   | the Docker config file                                   |
 * | credHelperOutputBytes | 64 KiB  | a docker-credential helper's output                      |
 * | credHelperTimeoutMs   | 15 s    | a docker-credential helper's wall time                   |
 *
 * Per-read caps bound one response; the budgets bound their sum, so that 100 candidates each
 * just under its cap cannot cost 100 times the cap. User files that are not evidence (a policy
 * file, reports given to `merge`) keep their caps beside their parsers.
 */
export const LIMITS = {
  manifestBytes: 4 * MiB,
  payloadBytes: 4 * MiB,
  bundleBytes: 10 * MiB,
  /** Signatures or attestations considered per image. */
  signaturesPerImage: 100,
  /** Layers accepted in one signature manifest. */
  layersPerManifest: 1000,
  /**
   * Bytes read for one image: manifests, indexes, referrers lists, signature layers, bundles,
   * attestation blobs, GitHub attestations API pages and bundle_url bodies, s3lo objects, token
   * and error bodies. Six bundles at the 10 MiB cap, or thousands of ordinary signatures.
   */
  imageBytes: 64 * MiB,
  /** Bytes read across all images of one run (tag resolution included). */
  runBytes: 1024 * MiB,
  /** A trusted root names a few dozen keys and certificates: public-good's is under 10 KiB. */
  trustedRootBytes: 4 * MiB,
  /** Components read from one SBOM; more is refused rather than half-checked. */
  sbomPackages: 200_000,
  /** Findings read from one scan; more is refused rather than half-checked. */
  vulnFindings: 100_000,
  jsonDepth: 64,
  tlogEntriesPerBundle: 32,
  timestampsPerBundle: 32,
  subjectsPerStatement: 1024,
  digestsPerSubject: 32,
  keyFileBytes: 64 * KiB,

  // The network (registry client and net/fetch.ts).
  tokenBytes: 1 * MiB,
  /** Error bodies are only read for a message; the rest is discarded. */
  errorBodyBytes: 64 * KiB,
  referrers: 1000,
  referrerPages: 20,
  registryRedirects: 10,
  /** Storage services and Vault standbys use one or two. */
  fetchRedirects: 5,
  /** A longer `Retry-After` ends the retries at once. */
  retryAfterMs: 10_000,
  /** First backoff step; doubles per attempt, with jitter. */
  retryBaseMs: 100,
  /** A server that links page after empty page must not loop us. */
  githubPages: 20,
  githubPageBytes: 16 * MiB,
  vaultResponseBytes: 1 * MiB,
  s3loRecordBytes: 1 * MiB,

  // Local credential sources.
  dockerConfigBytes: 4 * MiB,
  credHelperOutputBytes: 64 * KiB,
  credHelperTimeoutMs: 15_000,
} as const;

/**
 * A byte budget: the bytes read while it is in scope are charged to it and to every budget it
 * is nested in (an image's budget within the run's). Charging past the limit throws
 * LIMIT_EXCEEDED (exit 2): the evidence could not be obtained within bounds.
 */
export class ByteBudget {
  private usedBytes = 0;

  constructor(
    /** For messages: `image registry/app@sha256:…`, `run`. */
    readonly what: string,
    readonly limit: number,
    readonly parent?: ByteBudget,
  ) {
    if (!Number.isSafeInteger(limit) || limit < 0)
      throw new GateError('INTERNAL', `byte budget ${limit} is not a byte count`);
  }

  get used(): number {
    return this.usedBytes;
  }

  get remaining(): number {
    return Math.max(0, this.limit - this.usedBytes);
  }

  /** Whether this budget, or one it is nested in, has been overspent. */
  get exhausted(): boolean {
    return this.usedBytes > this.limit || this.parent?.exhausted === true;
  }

  /** Counts `n` more bytes read for `reading`; throws once the sum passes a limit. */
  charge(n: number, reading: string): void {
    // The parent first: a run that is out of budget says so, whichever image asked.
    this.parent?.charge(n, reading);
    this.usedBytes += n;
    if (this.usedBytes > this.limit)
      throw new GateError(
        'LIMIT_EXCEEDED',
        `${reading}: byte budget exhausted: ${this.what} read more than ${describeBytes(this.limit)} in all`,
      );
  }
}

export function describeBytes(n: number): string {
  if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

// Like the run's deadline, the budget follows the work rather than the call signatures: every
// capped reader (registry transport, GitHub API, OCI layout, s3lo stores) charges the budget of
// the image whose verification caused the read, however many layers of stores lie in between.
const scope = new AsyncLocalStorage<ByteBudget>();

/** Runs `work` with `budget` charged for every read inside it (nested in the current one). */
export function withByteBudget<T>(budget: ByteBudget, work: () => Promise<T>): Promise<T> {
  return scope.run(budget, work);
}

/** A budget nested in the one currently in scope (if any). */
export function nestedBudget(what: string, limit: number): ByteBudget {
  return new ByteBudget(what, limit, scope.getStore());
}

/**
 * Whether the budget in scope is spent. A LIMIT_EXCEEDED while it is not came from one read's
 * own cap (a response or a layer over its size limit): about that one candidate, not the image.
 */
export function budgetExhausted(): boolean {
  return scope.getStore()?.exhausted === true;
}

/** Charges `n` bytes just read to the budgets in scope; a no-op outside any. */
export function chargeRead(n: number, reading: string): void {
  scope.getStore()?.charge(n, reading);
}

/**
 * A file's first `maxBytes` bytes, read into a buffer of that size plus one: a file that is
 * larger, grows while read, or never ends (a FIFO, /dev/zero) costs no more. fs errors propagate.
 */
export async function readFileCapped(
  file: string,
  maxBytes: number,
): Promise<{ bytes: Buffer; over: boolean }> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: buffer.subarray(0, Math.min(length, maxBytes)), over: length > maxBytes };
  } finally {
    await handle.close();
  }
}
