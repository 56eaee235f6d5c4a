// The revocation list: its JSON format, read strictly (every problem names the file and the entry
// index), and the pure matching of digests and verified signatures against its entries.
import { GateError } from '../errors.js';
import { parseStrictJsonBytes, StrictJsonError } from '../signatures/strict-json.js';
import type { SignatureEvidence, TlogEvidence } from '../types.js';

export type RevocationKind = 'digest' | 'key' | 'identity' | 'certificate' | 'tlog';

export const REVOCATION_KINDS: readonly RevocationKind[] = [
  'digest',
  'key',
  'identity',
  'certificate',
  'tlog',
];

export type RevocationEntry =
  | { kind: 'digest'; digest: string; reason: string }
  /** `key`: `sha256:<64 hex>` (SHA-256 of the DER SubjectPublicKeyInfo) or a 16-hex key ID. */
  | { kind: 'key'; key: string; since?: Date; reason: string }
  | { kind: 'identity'; identity: string; issuer: string; since?: Date; reason: string }
  /** By serial (lower-case hex, no leading zeros) and issuer DN, or by `sha256:` fingerprint. */
  | { kind: 'certificate'; serial: string; issuer: string; reason: string }
  | { kind: 'certificate'; fingerprint: string; reason: string }
  /** `logID`: lower-case hex of the log's key ID; `logIndex`: a decimal string. */
  | { kind: 'tlog'; logID: string; logIndex: string; reason: string }
  /** Rekor's entry UUID: 64 lower-case hex (the leaf hash), any 16-hex tree ID prefix dropped. */
  | { kind: 'tlog'; uuid: string; reason: string };

export interface RevocationList {
  /** Where it was read from (a path or URL), for messages. */
  source: string;
  version: number;
  issued: Date;
  expires: Date;
  entries: RevocationEntry[];
}

/** One entry that revokes something, and where it is in the list. */
export interface RevocationMatch {
  entry: RevocationEntry;
  index: number;
  /**
   * Set when the entry could not be ruled out rather than matched: a Rekor v1 log entry with no
   * SET is known only by its index in a shard, never by the log-wide index the entry names.
   */
  undecided?: string;
}

/** A list is a page of JSON, not a data set. */
export const MAX_REVOCATION_LIST_BYTES = 1024 * 1024;
export const MAX_REVOCATION_ENTRIES = 10_000;

const TOP_FIELDS = ['version', 'issued', 'expires', 'entries'];
const FIELDS: Record<RevocationKind, { required: string[]; optional: string[] }> = {
  digest: { required: ['digest'], optional: [] },
  key: { required: ['key'], optional: ['since'] },
  identity: { required: ['identity', 'issuer'], optional: ['since'] },
  certificate: { required: [], optional: ['serial', 'issuer', 'fingerprint'] },
  tlog: { required: [], optional: ['logID', 'logIndex', 'uuid'] },
};

/** RFC 3339 with a zone, as the policy file's times. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function problem(source: string, where: string, message: string): GateError {
  return new GateError(
    'REVOCATION_LIST',
    `revocations ${source}: ${where ? `${where}: ` : ''}${message}`,
  );
}

/**
 * Reads a list strictly: duplicate JSON keys, unknown kinds and fields, malformed digests, keys,
 * serials and dates, `issued` after `expires` and an entry given twice are all refused (exit 2),
 * naming the file and the entry. Expiry against the clock is the loader's check.
 */
export function parseRevocationList(bytes: Uint8Array, source: string): RevocationList {
  if (bytes.length > MAX_REVOCATION_LIST_BYTES)
    throw problem(
      source,
      '',
      `is ${bytes.length} bytes, more than the limit of ${MAX_REVOCATION_LIST_BYTES}`,
    );
  let doc: unknown;
  try {
    doc = parseStrictJsonBytes(bytes);
  } catch (e: unknown) {
    const why = e instanceof StrictJsonError || e instanceof Error ? e.message : String(e);
    throw problem(source, '', `not valid JSON (${why})`);
  }
  if (!isObject(doc))
    throw problem(source, '', 'expected a JSON object {version, issued, expires, entries}');
  unknownFields(doc, TOP_FIELDS, source, '');
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
    throw problem(source, 'version', `${show(version)} is not a whole number from 1`);
  const issued = date(doc.issued, source, 'issued');
  const expires = date(doc.expires, source, 'expires');
  if (issued.getTime() > expires.getTime())
    throw problem(source, 'issued', `${show(doc.issued)} is after expires ${show(doc.expires)}`);
  if (!Array.isArray(doc.entries)) throw problem(source, 'entries', 'expected a list');
  if (doc.entries.length > MAX_REVOCATION_ENTRIES)
    throw problem(
      source,
      'entries',
      `${doc.entries.length} entries, more than the limit of ${MAX_REVOCATION_ENTRIES}`,
    );
  const entries: RevocationEntry[] = [];
  const seen = new Map<string, number>();
  doc.entries.forEach((raw: unknown, i: number) => {
    const e = parseEntry(raw, source, `entries[${i}]`);
    const key = entryKey(e);
    const first = seen.get(key);
    if (first !== undefined)
      throw problem(
        source,
        `entries[${i}]`,
        `revokes ${describeEntry(e)} again (as entries[${first}] does)`,
      );
    seen.set(key, i);
    entries.push(e);
  });
  return { source, version, issued, expires, entries };
}

/** One entry, validated; `where` is `entries[i]`. */
export function parseEntry(raw: unknown, source: string, where: string): RevocationEntry {
  if (!isObject(raw)) throw problem(source, where, 'expected an object with kind and reason');
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(REVOCATION_KINDS as readonly string[]).includes(kind))
    throw problem(
      source,
      `${where}.kind`,
      `${show(kind)} is not one of ${REVOCATION_KINDS.join(', ')}`,
    );
  const k = kind as RevocationKind;
  const spec = FIELDS[k];
  unknownFields(raw, ['kind', 'reason', ...spec.required, ...spec.optional], source, where);
  for (const f of spec.required)
    if (raw[f] === undefined) throw problem(source, where, `a ${k} entry needs ${f}`);
  const reason = raw.reason;
  if (typeof reason !== 'string' || reason.trim() === '')
    throw problem(source, `${where}.reason`, 'needs a non-empty text saying why it is revoked');
  const at = (f: string) => `${where}.${f}`;
  const str = (f: string): string => {
    const v = raw[f];
    if (typeof v !== 'string' || v === '')
      throw problem(source, at(f), `${show(v)} is not a non-empty string`);
    return v;
  };
  const since = raw.since === undefined ? {} : { since: date(raw.since, source, at('since')) };
  switch (k) {
    case 'digest': {
      const digest = str('digest');
      if (!/^sha256:[0-9a-f]{64}$/.test(digest))
        throw problem(source, at('digest'), `${show(digest)} is not sha256:<64 lower-case hex>`);
      return { kind: k, digest, reason };
    }
    case 'key': {
      const key = str('key');
      if (!/^sha256:[0-9a-f]{64}$/.test(key) && !/^[0-9a-f]{16}$/.test(key))
        throw problem(
          source,
          at('key'),
          `${show(key)} is neither sha256:<64 hex> (SHA-256 of the public key's DER SubjectPublicKeyInfo) nor a 16-hex key ID`,
        );
      return { kind: k, key, ...since, reason };
    }
    case 'identity':
      return { kind: k, identity: str('identity'), issuer: str('issuer'), ...since, reason };
    case 'certificate': {
      if (raw.fingerprint !== undefined) {
        if (raw.serial !== undefined || raw.issuer !== undefined)
          throw problem(source, where, 'give a fingerprint, or a serial and an issuer, not both');
        const fingerprint = str('fingerprint');
        if (!/^sha256:[0-9a-f]{64}$/.test(fingerprint))
          throw problem(
            source,
            at('fingerprint'),
            `${show(fingerprint)} is not sha256:<64 hex> (SHA-256 of the certificate's DER)`,
          );
        return { kind: k, fingerprint, reason };
      }
      if (raw.serial === undefined || raw.issuer === undefined)
        throw problem(
          source,
          where,
          'a certificate entry needs a serial and an issuer, or a fingerprint',
        );
      const serial = str('serial');
      if (!/^(?:[0-9a-fA-F]{2}:)*[0-9a-fA-F]+$/.test(serial))
        throw problem(source, at('serial'), `${show(serial)} is not a hexadecimal serial number`);
      return {
        kind: k,
        serial: normaliseSerial(serial),
        issuer: normaliseDn(str('issuer')),
        reason,
      };
    }
    case 'tlog': {
      if (raw.uuid !== undefined) {
        if (raw.logID !== undefined || raw.logIndex !== undefined)
          throw problem(
            source,
            where,
            'a tlog entry names a uuid, or a logID and logIndex, not both',
          );
        const uuid = str('uuid');
        if (!/^(?:[0-9a-fA-F]{16})?[0-9a-fA-F]{64}$/.test(uuid))
          throw problem(
            source,
            at('uuid'),
            `${show(uuid)} is not a Rekor entry UUID (64 hex, or 80 with the tree ID first)`,
          );
        return { kind: k, uuid: uuid.slice(-64).toLowerCase(), reason };
      }
      if (raw.logID === undefined || raw.logIndex === undefined)
        throw problem(source, where, 'a tlog entry needs a uuid, or a logID and a logIndex');
      const logID = str('logID');
      if (!/^[0-9a-f]{64}$/.test(logID))
        throw problem(
          source,
          at('logID'),
          `${show(logID)} is not 64 lower-case hex (the log's key ID)`,
        );
      const idx = raw.logIndex;
      const logIndex =
        typeof idx === 'number' && Number.isSafeInteger(idx) && idx >= 0
          ? String(idx)
          : typeof idx === 'string' && /^(0|[1-9]\d{0,19})$/.test(idx)
            ? idx
            : undefined;
      if (logIndex === undefined)
        throw problem(source, at('logIndex'), `${show(idx)} is not a log index (a whole number)`);
      return { kind: k, logID, logIndex, reason };
    }
  }
}

/** The JSON an entry is written as (the `revoke` command's output). */
export function entryJson(e: RevocationEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { ...e };
  if ('since' in e && e.since) out.since = e.since.toISOString();
  return out;
}

/** The list as the `revoke` command writes it. */
export function listJson(l: Omit<RevocationList, 'source'>): string {
  return `${JSON.stringify(
    {
      version: l.version,
      issued: l.issued.toISOString(),
      expires: l.expires.toISOString(),
      entries: l.entries.map(entryJson),
    },
    null,
    2,
  )}\n`;
}

/** What an entry revokes, for reasons: `key sha256:…`, `identity X (issuer Y)`. */
export function describeEntry(e: RevocationEntry): string {
  switch (e.kind) {
    case 'digest':
      return `digest ${e.digest}`;
    case 'key':
      return `key ${e.key}${e.since ? ` since ${e.since.toISOString()}` : ''}`;
    case 'identity':
      return `identity ${e.identity} (issuer ${e.issuer})${e.since ? ` since ${e.since.toISOString()}` : ''}`;
    case 'certificate':
      return 'fingerprint' in e
        ? `certificate ${e.fingerprint}`
        : `certificate serial ${e.serial} (issuer ${e.issuer})`;
    case 'tlog':
      return 'uuid' in e ? `tlog entry ${e.uuid}` : `tlog entry ${e.logIndex} of log ${e.logID}`;
  }
}

/** The reason an image fails with: the entry, the list's version and the reason it gives. */
export function revokedReason(list: RevocationList, m: RevocationMatch): string {
  if (m.undecided !== undefined)
    return `cannot be told apart from entries[${m.index}] of revocation list ${list.source} version ${list.version} (${describeEntry(m.entry)}): ${m.undecided}`;
  return `revoked by entries[${m.index}] of revocation list ${list.source} version ${list.version} (${describeEntry(m.entry)}): ${m.entry.reason}`;
}

/** The entry revoking this image or platform digest, if any. */
export function matchDigest(list: RevocationList, digest: string): RevocationMatch | undefined {
  const index = list.entries.findIndex((e) => e.kind === 'digest' && e.digest === digest);
  return index < 0 ? undefined : { entry: list.entries[index], index };
}

/**
 * The first entry revoking this verified signature. A key or identity entry with `since` revokes
 * signatures whose trusted time (`signedAt`: a Rekor SET's integrated time or an RFC 3161
 * timestamp) is at or after it; without a trusted time there is no "before": revoked.
 */
export function matchSignature(
  list: RevocationList,
  ev: SignatureEvidence,
): RevocationMatch | undefined {
  const index = list.entries.findIndex((e) => revokes(e, ev));
  if (index >= 0) return { entry: list.entries[index], index };
  // Nothing revokes it outright; a log-wide index the evidence cannot speak to fails closed.
  for (const [i, e] of list.entries.entries()) {
    if (e.kind !== 'tlog' || 'uuid' in e) continue;
    const t = boundEntries(ev).find((b) => b.indexInShard && b.logID.toLowerCase() === e.logID);
    if (t)
      return {
        entry: e,
        index: i,
        undecided: `its entry in that log (uuid ${t.uuid}) has no SET, so only its index in a shard of the log (${t.logIndex}) is authenticated, not its index in the log; revoke log entries by uuid`,
      };
  }
  return undefined;
}

function boundEntries(ev: SignatureEvidence): TlogEvidence[] {
  return [...(ev.tlog ? [ev.tlog] : []), ...(ev.tlogEntries ?? [])];
}

function revokes(e: RevocationEntry, ev: SignatureEvidence): boolean {
  switch (e.kind) {
    case 'digest':
      return false;
    case 'key':
      return keyMatches(e.key, ev) && afterSince(e.since, ev);
    case 'identity':
      return ev.identity === e.identity && ev.issuer === e.issuer && afterSince(e.since, ev);
    case 'certificate': {
      const c = ev.certificate;
      if (!c) return false;
      if ('fingerprint' in e) return c.sha256 === e.fingerprint.slice('sha256:'.length);
      return normaliseSerial(c.serial) === e.serial && dnKey(c.issuer) === dnKey(e.issuer);
    }
    case 'tlog':
      if ('uuid' in e) return boundEntries(ev).some((t) => t.uuid === e.uuid);
      return boundEntries(ev).some(
        (t) => !t.indexInShard && t.logID.toLowerCase() === e.logID && t.logIndex === e.logIndex,
      );
  }
}

function keyMatches(key: string, ev: SignatureEvidence): boolean {
  if (key.startsWith('sha256:')) return ev.keySha256 === key.slice('sha256:'.length);
  return ev.keyID === key || (ev.keySha256?.startsWith(key) ?? false);
}

function afterSince(since: Date | undefined, ev: SignatureEvidence): boolean {
  if (since === undefined || ev.signedAt === undefined) return true;
  return new Date(ev.signedAt).getTime() >= since.getTime();
}

/** A match key: two entries revoking the same thing are one entry given twice. */
function entryKey(e: RevocationEntry): string {
  const { reason: _reason, ...rest } = e;
  void _reason;
  const what: Record<string, unknown> = { ...rest };
  delete what.since;
  // An issuer written in the other RDN order is the same name (dnKey), so the same entry.
  if (e.kind === 'certificate' && typeof what.issuer === 'string') what.issuer = dnKey(what.issuer);
  return JSON.stringify(what);
}

/** Lower-case hex without separators or leading zeros (`00:A1:02` is `a102`). */
export function normaliseSerial(s: string): string {
  return s
    .replace(/:/g, '')
    .toLowerCase()
    .replace(/^0+(?=.)/, '');
}

/**
 * A name's attributes as a set, for comparing: Node prints an issuer most significant first
 * (`O=sigstore.dev\nCN=sigstore-intermediate`), RFC 4514 (Go's pkix.Name.String, `openssl
 * -nameopt RFC2253`) least significant first, and a revocation entry may be written either way.
 * Split at unescaped `,`, `+` and line breaks; each `TYPE=value` normalised as normaliseDn does.
 */
export function dnKey(dn: string): string {
  return dn
    .split(/(?<!\\)[,+\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(normaliseAttribute)
    .sort()
    .join('\n');
}

/** `CN = x,O=y` and `CN=x, O=y` are one name; attribute names compare case-insensitively. */
export function normaliseDn(dn: string): string {
  return dn
    .split(/\s*[,\n]\s*/)
    .filter((p) => p !== '')
    .map(normaliseAttribute)
    .join(', ');
}

/** `cn = x` is `CN=x`: the type upper-cased, blanks around `=` and at the ends dropped. */
function normaliseAttribute(p: string): string {
  const eq = p.indexOf('=');
  return eq < 0 ? p.trim() : `${p.slice(0, eq).trim().toUpperCase()}=${p.slice(eq + 1).trim()}`;
}

function date(v: unknown, source: string, where: string): Date {
  if (typeof v !== 'string' || !RFC3339.test(v))
    throw problem(
      source,
      where,
      `${show(v)} is not an RFC 3339 time with a zone (2026-01-31T00:00:00Z)`,
    );
  const d = new Date(v);
  const [, mo, dd] = /^\d{4}-(\d{2})-(\d{2})/.exec(v) ?? [];
  // Date() rolls 2026-02-30 over to March: a day that does not exist is refused.
  if (Number.isNaN(d.getTime()) || Number(mo) > 12 || Number(dd) > daysIn(v))
    throw problem(source, where, `${show(v)} is not a real time`);
  return d;
}

function daysIn(v: string): number {
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function unknownFields(
  o: Record<string, unknown>,
  allowed: string[],
  source: string,
  where: string,
): void {
  const extra = Object.keys(o).filter((k) => !allowed.includes(k));
  if (extra.length)
    throw problem(
      source,
      where,
      `unknown field${extra.length > 1 ? 's' : ''} ${extra.map((x) => JSON.stringify(x)).join(', ')} (expected ${allowed.join(', ')})`,
    );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = JSON.stringify(v) ?? typeof v;
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
