// Reads findings out of a verified cosign vuln predicate (SARIF, Trivy JSON or Grype JSON result)
// and decides which findings verified OpenVEX statements mark not_affected or fixed.
import { LIMITS } from '../limits.js';
import { parseStrictJson } from '../signatures/strict-json.js';
import type { Severity } from './types.js';

export interface Finding {
  /** Vulnerability ID as the scanner reports it (CVE-..., GHSA-...). */
  id: string;
  severity: Severity;
  package?: string;
  version?: string;
}

export interface VulnScan {
  scanner?: string;
  /** `metadata.scanFinishedOn` as written. */
  finishedOn?: string;
  finishedAt?: Date;
  /** Undefined when the result is in no format we read; `resultProblem` then says why. */
  findings?: Finding[];
  resultFormat?: 'sarif' | 'trivy' | 'grype';
  resultProblem?: string;
}

/** Findings read from one scan; more than this is refused rather than half-checked. */
export const MAX_FINDINGS = LIMITS.vulnFindings;

/** cosign `CosignVulnPredicate`: `{invocation, scanner{uri,version,db,result}, metadata{scanStartedOn,scanFinishedOn}}`. */
export function readVulnScan(predicate: unknown): VulnScan {
  const p = isObject(predicate) ? predicate : {};
  const scanner = isObject(p['scanner']) ? p['scanner'] : {};
  const metadata = isObject(p['metadata']) ? p['metadata'] : {};
  const out: VulnScan = {};
  const uri = str(scanner['uri']);
  const version = str(scanner['version']);
  if (uri) out.scanner = version ? `${uri}@${version}` : uri;
  const finished = str(metadata['scanFinishedOn']);
  if (finished !== undefined) {
    out.finishedOn = finished;
    // RFC 3339 only: Date.parse alone accepts far looser text ("1", "May 5").
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(finished)) {
      const t = Date.parse(finished);
      if (!Number.isNaN(t)) out.finishedAt = new Date(t);
    }
  }
  let result = scanner['result'];
  if (typeof result === 'string') {
    try {
      result = parseStrictJson(result);
    } catch {
      out.resultProblem = 'scanner.result is a string that is not JSON';
      return out;
    }
  }
  try {
    const read = readResult(result);
    if (read) {
      out.findings = read.findings;
      out.resultFormat = read.format;
    } else
      out.resultProblem =
        result === undefined || result === null
          ? 'scanner.result is empty'
          : 'scanner.result is neither SARIF, Trivy JSON nor Grype JSON';
  } catch (e: unknown) {
    out.resultProblem = e instanceof Error ? e.message : String(e);
  }
  return out;
}

function readResult(
  result: unknown,
): { format: 'sarif' | 'trivy' | 'grype'; findings: Finding[] } | undefined {
  if (!isObject(result)) return undefined;
  const sarif = Array.isArray(result['runs']);
  const trivy =
    'Results' in result && (result['Results'] === null || Array.isArray(result['Results']));
  const grype = Array.isArray(result['matches']);
  // A result that reads as two formats has two answers (an empty SARIF run beside a Trivy
  // critical): which one a reader takes decides the verdict, so it is unreadable.
  if (Number(sarif) + Number(trivy) + Number(grype) > 1)
    throw new Error('scanner.result reads as more than one of SARIF, Trivy JSON and Grype JSON');
  if (sarif) return { format: 'sarif', findings: sarifFindings(result) };
  if (trivy) return { format: 'trivy', findings: trivyFindings(result) };
  if (grype) return { format: 'grype', findings: grypeFindings(result) };
  return undefined;
}

/**
 * SARIF 2.1.0 §3.14.23: a run's `results` absent or null means the tool could not determine
 * them, and an empty array that it found none; a log with no run shows no scan at all. Only
 * findings shown count as none.
 */
function sarifFindings(sarif: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  const runs = arr(sarif['runs']);
  if (runs.length === 0) throw new Error('scanner.result is SARIF with no run: no scan is shown');
  for (const [n, run] of runs.entries()) {
    if (!isObject(run)) throw new Error(`scanner.result SARIF runs[${n}] is not an object`);
    if (!Array.isArray(run['results']))
      throw new Error(
        `scanner.result SARIF runs[${n}] has no results array (absent or null: the tool could not determine results)`,
      );
    const tool = isObject(run['tool']) ? run['tool'] : {};
    const driver = isObject(tool['driver']) ? tool['driver'] : {};
    const rules = arr(driver['rules']).filter(isObject);
    const byId = new Map<string, Record<string, unknown>>();
    for (const r of rules) if (typeof r['id'] === 'string') byId.set(r['id'], r);
    for (const res of arr(run['results'])) {
      if (!isObject(res)) continue;
      const ruleRef = isObject(res['rule']) ? res['rule'] : {};
      const id = str(res['ruleId']) ?? str(ruleRef['id']);
      const index =
        typeof res['ruleIndex'] === 'number'
          ? res['ruleIndex']
          : typeof ruleRef['index'] === 'number'
            ? ruleRef['index']
            : undefined;
      const rule =
        (id !== undefined ? byId.get(id) : undefined) ??
        (index !== undefined ? rules[index] : undefined);
      out.push({
        id: id ?? str(rule?.['id']) ?? '(no rule id)',
        severity: sarifSeverity(res, rule),
      });
      capped(out.length);
    }
  }
  return out;
}

/**
 * SARIF has no severity field for vulnerabilities. In order: `security-severity` (a CVSS score, as
 * GitHub code scanning reads it) on the result, then on its rule; a severity word in the rule's
 * tags (Trivy); finally the SARIF level (error→high, warning→medium, note→low), default warning.
 */
function sarifSeverity(
  res: Record<string, unknown>,
  rule: Record<string, unknown> | undefined,
): Severity {
  const props = (o: Record<string, unknown> | undefined): Record<string, unknown> =>
    o && isObject(o['properties']) ? o['properties'] : {};
  for (const p of [props(res), props(rule)]) {
    // A score, or a numeric string as GitHub writes it; null or "" is no score (Number() would
    // read either as 0, severity unknown, hiding the rule's own score or tags).
    const v = p['security-severity'];
    const score =
      typeof v === 'number'
        ? v
        : typeof v === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(v)
          ? Number(v)
          : NaN;
    if (Number.isFinite(score)) return cvssSeverity(score);
  }
  for (const tag of arr(props(rule)['tags'])) {
    const s = typeof tag === 'string' ? wordSeverity(tag) : undefined;
    if (s && s !== 'unknown') return s;
  }
  const dc = rule && isObject(rule['defaultConfiguration']) ? rule['defaultConfiguration'] : {};
  const level = str(res['level']) ?? str(dc['level']) ?? 'warning';
  return level === 'error'
    ? 'high'
    : level === 'warning'
      ? 'medium'
      : level === 'note'
        ? 'low'
        : 'unknown';
}

function cvssSeverity(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'unknown';
}

function wordSeverity(word: string): Severity | undefined {
  switch (word.trim().toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
      return 'high';
    case 'medium':
    case 'moderate':
      return 'medium';
    case 'low':
      return 'low';
    case 'unknown':
    case 'negligible':
    case 'none':
      return 'unknown';
    default:
      return undefined;
  }
}

function trivyFindings(report: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  for (const r of arr(report['Results'])) {
    if (!isObject(r)) continue;
    for (const v of arr(r['Vulnerabilities'])) {
      if (!isObject(v)) continue;
      out.push(
        finding(
          str(v['VulnerabilityID']),
          str(v['Severity']),
          str(v['PkgName']),
          str(v['InstalledVersion']),
        ),
      );
      capped(out.length);
    }
  }
  return out;
}

function grypeFindings(report: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  for (const m of arr(report['matches'])) {
    if (!isObject(m)) continue;
    const v = isObject(m['vulnerability']) ? m['vulnerability'] : {};
    const a = isObject(m['artifact']) ? m['artifact'] : {};
    out.push(finding(str(v['id']), str(v['severity']), str(a['name']), str(a['version'])));
    capped(out.length);
  }
  return out;
}

function finding(id?: string, severity?: string, pkg?: string, version?: string): Finding {
  return {
    id: id ?? '(no id)',
    // An unrecognised severity word is treated as unknown, never dropped.
    severity: (severity !== undefined ? wordSeverity(severity) : undefined) ?? 'unknown',
    ...(pkg !== undefined ? { package: pkg } : {}),
    ...(version !== undefined ? { version } : {}),
  };
}

function capped(n: number): void {
  if (n > MAX_FINDINGS) throw new Error(`scan lists more than ${MAX_FINDINGS} findings`);
}

/** One OpenVEX statement, reduced to what suppression needs. */
export interface VexStatement {
  /** `vulnerability.name` plus its aliases (v0.2), or the bare string (v0.0.x). */
  ids: string[];
  status: string;
  /** Statement timestamp, else the document's; ms since epoch, 0 when absent. */
  time: number;
  /** Order across all documents, to break timestamp ties (later wins). */
  seq: number;
  /** Which verified attestation carried it. */
  doc: number;
  /** That attestation's verified signing time (ms), the latest its timestamps can truly be. */
  bound?: number;
}

/**
 * Statements of one verified OpenVEX document that apply to this image. The attestation's subject
 * already binds the document to the image digest; a statement that lists products carrying digests
 * applies only if one of them is a subject digest of that attestation. `subjects` are
 * `algorithm:hex` digests.
 */
export function readVexStatements(
  predicate: unknown,
  subjects: string[],
  seqStart = 0,
  source: { doc?: number; verifiedAt?: Date | undefined } = {},
): VexStatement[] {
  const doc = source.doc ?? 0;
  const signed = source.verifiedAt?.getTime();
  const bound = signed !== undefined && !Number.isNaN(signed) ? { bound: signed } : {};
  if (!isObject(predicate)) return [];
  const docTime = timeOf(predicate['timestamp']);
  const out: VexStatement[] = [];
  let seq = seqStart;
  for (const s of arr(predicate['statements'])) {
    if (!isObject(s)) continue;
    const status = str(s['status']);
    if (!status) continue;
    const vuln = s['vulnerability'];
    const ids: string[] = [];
    if (typeof vuln === 'string') ids.push(vuln);
    else if (isObject(vuln)) {
      const name = str(vuln['name']);
      if (name) ids.push(name);
      for (const a of arr(vuln['aliases'])) if (typeof a === 'string') ids.push(a);
    }
    if (ids.length === 0 || !productsApply(s['products'], subjects)) continue;
    out.push({ ids, status, time: timeOf(s['timestamp']) || docTime, seq: seq++, doc, ...bound });
  }
  return out;
}

function productsApply(products: unknown, subjects: string[]): boolean {
  const list = arr(products);
  // Products named without any digest (a purl without @sha256, a bare name) cannot be bound
  // more tightly than the attestation subject already is. Anything that looks like one (a run
  // of 64 or more hex digits, a hashes map) binds the statement, even if it is malformed.
  if (!list.some(namesDigest)) return true;
  const named = list.flatMap(productDigests);
  const wanted = subjects.map(parseSubjectDigest);
  return named.some((d) =>
    wanted.some((w) => w !== undefined && w.hex === d.hex && (d.alg === '' || d.alg === w.alg)),
  );
}

interface NamedDigest {
  /** `sha256`, `sha384`, `sha512`, or '' for a bare hex run that names no algorithm. */
  alg: string;
  hex: string;
}

/**
 * The digests one OpenVEX product names, as whole tokens: from its `@id` and `identifiers`
 * (purls spell `@sha256%3A<hex>`, image references `@sha256:<hex>`), its `hashes` map
 * (`sha-256`: hex), or the bare string a v0.0.x product is. A digest is the whole hex run: one
 * that merely contains the subject's hex (a longer run, another algorithm's value) names
 * something else. Subcomponents are the packages inside the product, not the product, so their
 * digests do not bind the statement.
 */
function productDigests(product: unknown): NamedDigest[] {
  const texts: string[] = [];
  const out: NamedDigest[] = [];
  if (typeof product === 'string') texts.push(product);
  else if (isObject(product)) {
    if (typeof product['@id'] === 'string') texts.push(product['@id']);
    const ids = product['identifiers'];
    if (isObject(ids)) for (const v of Object.values(ids)) if (typeof v === 'string') texts.push(v);
    const hashes = product['hashes'];
    if (isObject(hashes))
      for (const [k, v] of Object.entries(hashes)) {
        if (typeof v !== 'string') continue;
        const alg = k.toLowerCase().replace(/^sha-(256|384|512)$/, 'sha$1');
        out.push({
          alg: /^sha(256|384|512)$/.test(alg) ? alg : k.toLowerCase(),
          hex: v.toLowerCase(),
        });
      }
  }
  for (const t of texts)
    for (const m of t.toLowerCase().matchAll(HEX_RUN)) {
      const hex = m[2];
      if (hex.length >= 64) out.push({ alg: m[1] ?? '', hex });
    }
  return out;
}
function namesDigest(product: unknown): boolean {
  if (typeof product === 'string') return LONG_HEX.test(product);
  if (!isObject(product)) return false;
  if (product['hashes'] !== undefined) return true;
  const ids = product['identifiers'];
  const texts = [product['@id'], ...(isObject(ids) ? Object.values(ids) : [])];
  return texts.some((t) => typeof t === 'string' && LONG_HEX.test(t));
}
const LONG_HEX = /[a-f0-9]{64}/i;

/** An optional `sha256:`/`sha256%3a` prefix, then a hex run bounded by non-hex characters. */
const HEX_RUN = /(?<![a-z0-9])(?:(sha256|sha384|sha512)(?::|%3a))?([a-f0-9]+)(?![a-z0-9])/g;

function parseSubjectDigest(s: string): NamedDigest | undefined {
  const m = /^(sha256|sha384|sha512):([a-f0-9]+)$/.exec(s.toLowerCase());
  return m ? { alg: m[1], hex: m[2] } : undefined;
}

/**
 * Which findings are suppressed, with the deciding status. Per vulnerability ID the newest
 * applicable statement decides (OpenVEX: later statements supersede earlier ones), so an
 * `affected` issued after a `not_affected` brings the finding back.
 *
 * A timestamp is the signer's claim, so it counts only up to the verified signing time of the
 * attestation carrying it: an old document cannot supersede a newer one by dating itself ahead.
 * Within one document its own order stands (one signature covers it all). Across documents, a
 * suppressing statement whose attestation has no verified time ranks below every other (it cannot
 * show it is newer), and on equal times a non-suppressing statement wins.
 */
export function vexDecisions(statements: VexStatement[]): Map<string, string> {
  const bounded = (s: VexStatement): number => Math.min(s.time, s.bound ?? Infinity);
  // 1. The last word of each document on each ID.
  const perDoc = new Map<string, VexStatement>();
  for (const s of statements)
    for (const id of s.ids) {
      const key = `${s.doc}\u0000${id.toUpperCase()}`;
      const prev = perDoc.get(key);
      const t = bounded(s);
      if (!prev || t > bounded(prev) || (t === bounded(prev) && s.seq > prev.seq))
        perDoc.set(key, s);
    }
  // 2. The newest of those across documents, by trusted time.
  const rank = (s: VexStatement): number =>
    s.bound !== undefined ? bounded(s) : isSuppressing(s.status) ? -Infinity : s.time;
  const latest = new Map<string, VexStatement>();
  for (const [key, s] of perDoc) {
    const id = key.slice(key.indexOf('\u0000') + 1);
    const prev = latest.get(id);
    if (!prev) {
      latest.set(id, s);
      continue;
    }
    const a = rank(s);
    const b = rank(prev);
    const sOpen = !isSuppressing(s.status);
    const prevOpen = !isSuppressing(prev.status);
    if (a > b || (a === b && (sOpen !== prevOpen ? sOpen : s.seq > prev.seq))) latest.set(id, s);
  }
  const out = new Map<string, string>();
  for (const [id, s] of latest) out.set(id, s.status);
  return out;
}

export function isSuppressing(status: string | undefined): boolean {
  return status === 'not_affected' || status === 'fixed';
}

function timeOf(v: unknown): number {
  if (typeof v !== 'string') return 0;
  const t = Date.parse(v);
  return Number.isNaN(t) ? 0 : t;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
