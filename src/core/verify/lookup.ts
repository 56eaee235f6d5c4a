// The signatures of one manifest digest in one store, as evidence: candidates discovered in each
// format, each verified or rejected. The order formats are looked in, and when looking stops, is
// decided here; what the evidence means is decided in decide.ts.
import { toGateError, type GateError } from '../errors.js';
import type { ContentStore, SignatureEvidence } from '../types.js';
import type { CandidateVerifier } from './context.js';
import {
  checkCount,
  discover,
  eachCandidate,
  emptyDiscovery,
  mergeDiscoveries,
  storageFormat,
  type Discovery,
  type FormatOrder,
  type StorageFormat,
} from './discovery.js';
import type { DigestEvidence } from './evidence.js';
import { judge, rejectionsOf, unreadableLimit, type Judged, type Rejection } from './judge.js';

export interface DigestLookup {
  /** Look up `.att` tags too: the attestation flow judges what they hold. */
  withAttestations?: boolean;
  /** Every signature counts (require-all-keys): never stop at the first format that verifies. */
  complete?: boolean;
  formatOrder?: FormatOrder;
}

/**
 * Discover and verify the signatures of one manifest digest in one store.
 *
 * With attestations or require-all-keys every candidate counts, so every format is looked up and
 * any failure to read one is an error. Otherwise one valid signature verifies the digest:
 * candidates are fetched and judged one at a time, format after format, and the first that
 * verifies decides; nothing after it is fetched (so a flood behind a valid signature costs
 * nothing, and one in front of it stops at the byte budget). A format that yields a valid
 * signature decides even when the other could not be read (a registry error, a flood over the
 * limits), as cosign, which looks in one format, would. The `.sig` tag is looked in first (one
 * request for a key-signed image); once an image of a repository verified in one format, later
 * images look in that format first. Without a valid signature the error, if any, is thrown: the
 * evidence could not be obtained.
 */
export async function gatherDigest(
  store: ContentStore,
  digest: string,
  verifier: CandidateVerifier,
  lookup: DigestLookup = {},
): Promise<DigestEvidence> {
  const order = lookup.formatOrder;
  if (lookup.withAttestations || lookup.complete) {
    const found = await discover(store, digest, {
      legacySuffixes: lookup.withAttestations ? ['.sig', '.att'] : ['.sig'],
    });
    const ev = evidence(digest, found, judge(found, digest, verifier));
    remember(order, store, ev.signatures);
    return ev;
  }
  const first = order?.first(store.name) ?? 'legacy';
  const looked: Looked[] = [];
  let failure: GateError | undefined;
  for (const format of [first, first === 'legacy' ? 'bundle' : 'legacy'] as const) {
    const l = await lookFirstValid(store, digest, verifier, format).catch((e: unknown) => {
      failure ??= toGateError(e);
      return undefined;
    });
    if (l) looked.push(l);
    if (l && l.judged.signatures.length > 0) break;
  }
  const signatures = looked.flatMap((l) => l.judged.signatures);
  // Without a valid signature, the first failure (in lookup order) is the error.
  if (signatures.length === 0 && failure !== undefined) throw failure;
  const found = looked.map((l) => l.found).reduce(mergeDiscoveries, emptyDiscovery());
  // Each format was within the limit on its own; together they may not be, which only matters
  // when no signature decided.
  if (signatures.length === 0)
    checkCount(
      store,
      digest,
      found,
      looked.reduce((n, l) => n + l.read, 0),
    );
  const ev = evidence(digest, found, {
    signatures,
    rejected: looked.flatMap((l) => l.judged.rejected),
  });
  remember(order, store, ev.signatures);
  return ev;
}

function evidence(digest: string, found: Discovery, judged: Judged): DigestEvidence {
  const unreadable = unreadableLimit(found);
  return { digest, found, ...judged, ...(unreadable ? { unreadable } : {}) };
}

/**
 * One format's candidates, each fetched, judged and dropped in turn, until one verifies. Only
 * what was judged is kept (evidence and rejections), never the candidates themselves.
 */
async function lookFirstValid(
  store: ContentStore,
  digest: string,
  verifier: CandidateVerifier,
  format: StorageFormat,
): Promise<Looked> {
  const found = emptyDiscovery();
  const signatures: SignatureEvidence[] = [];
  const rejected: Rejection[] = [];
  let read = 0;
  // A candidate whose check could not finish (not a failure: e.g. a limit) is kept aside, so a
  // later candidate that verifies still decides; it is the error only if none does.
  let deferred: GateError | undefined;
  for await (const c of eachCandidate(store, digest, { formats: [format] }, found)) {
    read++;
    try {
      const j = judge({ ...emptyDiscovery(), candidates: [c] }, digest, verifier);
      signatures.push(...j.signatures);
      rejected.push(...j.rejected);
    } catch (e: unknown) {
      deferred ??= toGateError(e);
    }
    if (signatures.length > 0) break;
  }
  if (signatures.length === 0 && deferred !== undefined) throw toGateError(deferred);
  // With no candidates kept, judging `found` yields just what discovery itself rejected (and
  // throws what it set aside, which only matters when nothing verified).
  const unreadable =
    signatures.length > 0 ? rejectionsOf(found) : judge(found, digest, verifier).rejected;
  return { found, judged: { signatures, rejected: [...unreadable, ...rejected] }, read };
}

interface Looked {
  found: Discovery;
  judged: Judged;
  /** Candidates judged (they are not kept in `found`). */
  read: number;
}

/** The cheaper format wins when both verified: a legacy lookup costs one request less. */
function remember(
  order: FormatOrder | undefined,
  store: ContentStore,
  signatures: SignatureEvidence[],
): void {
  const formats = new Set(signatures.map((s) => storageFormat(s.format)));
  if (formats.has('legacy')) order?.record(store.name, 'legacy');
  else if (formats.has('bundle')) order?.record(store.name, 'bundle');
}
