// Reading the YAML nodes of a policy file into typed values, collecting every problem with its
// line and field (file.ts walks the document; this knows strings, lists, keys, times, matchers,
// identities and conditions).
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { parsePackageRule } from '../attestations/package-rule.js';
import {
  parseSeverity,
  type AttestationConditions,
  type SlsaConditions,
} from '../attestations/types.js';
import { GateError } from '../errors.js';
import { parseDuration } from '../options.js';
import type { KeyValidity } from '../trust/key-types.js';
import type { IdentityRule, Matcher } from '../signatures/signer-policy.js';

export interface PolicyProblem {
  line: number;
  /** `rules[1].attestations[0]`, or '' for the document itself. */
  field: string;
  message: string;
}

const IDENTITY_KEYS = ['subject', 'subjectRegExp', 'issuer', 'issuerRegExp'];
const CONDITION_KEYS = [
  'maxVulnAge',
  'failOnSeverity',
  'denyPackages',
  'builderId',
  'builderIdRegExp',
  'sourceRepository',
  'sourceRepositoryRegExp',
  'sourceRef',
  'sourceRefRegExp',
];

/**
 * Date.parse rolls 2026-02-30 over to March and T24:00 to the next day; a policy time must name a
 * day and a time of day that exist.
 */
function realDay(iso: string): boolean {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const [hh, mm, ss] = iso.slice(11, 19).split(':').map(Number);
  return (
    d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() && hh <= 23 && mm <= 59 && ss <= 59
  );
}

export function itemNode(seq: unknown, i: number): Node | undefined {
  return isSeq(seq) ? (seq.items[i] as Node) : undefined;
}

export class Validator {
  constructor(
    private readonly problems: PolicyProblem[],
    readonly lineOf: (n: { range?: [number, number, number] | null } | null | undefined) => number,
  ) {}

  count(): number {
    return this.problems.length;
  }

  problem(line: number, field: string, message: string): void {
    this.problems.push({ line, field, message });
  }

  get(items: Pair[], key: string): Pair | undefined {
    return items.find((p) => isScalar(p.key) && p.key.value === key);
  }

  unknownKeys(items: Pair[], known: string[], at: string): void {
    for (const p of items) {
      const k = isScalar(p.key) ? String(p.key.value) : '?';
      if (!known.includes(k))
        this.problem(
          this.lineOf(p.key as Node),
          at ? `${at}.${k}` : k,
          `unknown field (expected one of ${known.join(', ')})`,
        );
    }
  }

  string(node: unknown, field: string): string | undefined {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '')
      return node.value.trim();
    this.problem(this.lineOf(node as Node), field, 'must be a non-empty string');
    return undefined;
  }

  /** A list of strings; a single string is taken as a one-item list. */
  stringList(
    node: unknown,
    field: string,
    opts: { required?: boolean; line?: number } = {},
  ): string[] {
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
      if (opts.required)
        this.problem(
          opts.line ?? 1,
          field,
          node === undefined ? 'missing' : 'has no value: list at least one, or leave it out',
        );
      return [];
    }
    if (isScalar(node)) {
      const s = this.string(node, field);
      return s === undefined ? [] : [s];
    }
    if (!isSeq(node)) {
      this.problem(this.lineOf(node), field, 'must be a list of strings');
      return [];
    }
    if (opts.required && node.items.length === 0)
      this.problem(this.lineOf(node), field, 'must not be empty');
    const out: string[] = [];
    node.items.forEach((item, i) => {
      const s = this.string(item, `${field}[${i}]`);
      if (s !== undefined) out.push(s);
    });
    return out;
  }

  /**
   * Keys: a reference, or `{key: <reference>, validFor: {start, end}}` for a key trusted only
   * for signatures made within that window (RFC 3339 times; either bound may be left out).
   */
  keyList(node: unknown, field: string): Array<{ ref: string; validFor?: KeyValidity }> {
    if (!isSeq(node)) return this.stringList(node, field).map((ref) => ({ ref }));
    const out: Array<{ ref: string; validFor?: KeyValidity }> = [];
    const seen = new Set<string>();
    node.items.forEach((item, i) => {
      const at = `${field}[${i}]`;
      let entry: { ref: string; validFor?: KeyValidity } | undefined;
      if (!isMap(item)) {
        const ref = this.string(item, at);
        if (ref !== undefined) entry = { ref };
      } else {
        this.unknownKeys(item.items, ['key', 'validFor'], at);
        const keyPair = this.get(item.items, 'key');
        const ref = keyPair ? this.string(keyPair.value, `${at}.key`) : undefined;
        if (!keyPair) this.problem(this.lineOf(item), at, 'missing key (the key reference)');
        const vf = this.get(item.items, 'validFor');
        const validFor = vf ? this.validity(vf.value, `${at}.validFor`) : undefined;
        if (!vf) this.problem(this.lineOf(item), at, 'a key given as a mapping needs validFor');
        if (ref !== undefined && validFor !== undefined) entry = { ref, validFor };
      }
      if (entry === undefined) return;
      if (seen.has(entry.ref)) {
        this.problem(this.lineOf(item as Node), at, `'${entry.ref}' is listed twice`);
        return;
      }
      seen.add(entry.ref);
      out.push(entry);
    });
    return out;
  }

  validity(node: unknown, field: string): KeyValidity | undefined {
    if (!isMap(node)) {
      this.problem(this.lineOf(node as Node), field, 'must be a mapping with start and/or end');
      return undefined;
    }
    this.unknownKeys(node.items, ['start', 'end'], field);
    const out: KeyValidity = {};
    let ok = true;
    for (const bound of ['start', 'end'] as const) {
      const pair = this.get(node.items, bound);
      if (!pair) continue;
      const t = this.time(pair.value, `${field}.${bound}`);
      if (t === undefined) ok = false;
      else out[bound] = t;
    }
    if (!ok) return undefined;
    if (out.start === undefined && out.end === undefined) {
      this.problem(this.lineOf(node), field, 'needs start, end or both');
      return undefined;
    }
    if (out.start && out.end && out.start.getTime() >= out.end.getTime()) {
      this.problem(
        this.lineOf(node),
        field,
        `start ${out.start.toISOString()} is not before end ${out.end.toISOString()}`,
      );
      return undefined;
    }
    return out;
  }

  /** An RFC 3339 date-time with a time zone, e.g. `2026-01-01T00:00:00Z`. */
  time(node: unknown, field: string): Date | undefined {
    const raw = isScalar(node)
      ? node.value instanceof Date
        ? node.value.toISOString()
        : node.value
      : undefined;
    if (
      typeof raw === 'string' &&
      /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(raw) &&
      !Number.isNaN(Date.parse(raw)) &&
      realDay(raw)
    )
      return new Date(raw);
    this.problem(
      this.lineOf(node as Node),
      field,
      `${JSON.stringify(raw ?? null)} is not an RFC 3339 time with a zone (e.g. 2026-01-01T00:00:00Z)`,
    );
    return undefined;
  }

  matcher(items: Pair[], key: string, field: string): Matcher | undefined {
    const exact = this.get(items, key);
    const re = this.get(items, `${key}RegExp`);
    if (exact && re) {
      this.problem(
        this.lineOf(re.key as Node),
        `${field}.${key}RegExp`,
        `give ${key} or ${key}RegExp, not both`,
      );
      return undefined;
    }
    if (exact) {
      const s = this.string(exact.value, `${field}.${key}`);
      return s === undefined ? undefined : { exact: s };
    }
    if (re) {
      const s = this.string(re.value, `${field}.${key}RegExp`);
      if (s === undefined) return undefined;
      try {
        // The value on its own first: one that only compiles inside the anchoring wrapper (such
        // as `a)|(.*`, which closes the wrapper's group and opens an unanchored alternative, so
        // ^(?:a)|(.*)$ matches every value) is not a regular expression. A value that compiles
        // on its own has balanced groups, so the wrapper anchors all of it.
        new RegExp(s);
        new RegExp(`^(?:${s})$`);
      } catch (e: unknown) {
        this.problem(
          this.lineOf(re.value as Node),
          `${field}.${key}RegExp`,
          `'${s}' is not a regular expression: ${e instanceof Error ? e.message : String(e)}`,
        );
        return undefined;
      }
      return { regexp: s };
    }
    return undefined;
  }

  identities(node: unknown, field: string): IdentityRule[] {
    if (node === undefined) return [];
    if (!isSeq(node)) {
      this.problem(
        this.lineOf(node),
        field,
        'must be a list of {subject|subjectRegExp, issuer|issuerRegExp}',
      );
      return [];
    }
    const out: IdentityRule[] = [];
    node.items.forEach((item, i) => {
      const at = `${field}[${i}]`;
      if (!isMap(item)) {
        this.problem(this.lineOf(item as Node), at, 'must be a mapping with subject and issuer');
        return;
      }
      this.unknownKeys(item.items, IDENTITY_KEYS, at);
      const subject = this.matcher(item.items, 'subject', at);
      const issuer = this.matcher(item.items, 'issuer', at);
      // Keyless without both is "anyone with a certificate": sigstore-js would skip the check.
      if (!this.get(item.items, 'subject') && !this.get(item.items, 'subjectRegExp'))
        this.problem(this.lineOf(item), at, 'needs subject or subjectRegExp');
      if (!this.get(item.items, 'issuer') && !this.get(item.items, 'issuerRegExp'))
        this.problem(this.lineOf(item), at, 'needs issuer or issuerRegExp');
      if (subject && issuer) out.push({ subject, issuer });
    });
    return out;
  }

  conditions(node: unknown, field: string): AttestationConditions {
    const out: AttestationConditions = {};
    if (node === undefined) return out;
    if (!isMap(node)) {
      this.problem(this.lineOf(node), field, 'must be a mapping');
      return out;
    }
    this.unknownKeys(node.items, CONDITION_KEYS, field);
    const age = this.get(node.items, 'maxVulnAge');
    if (age) {
      const raw: unknown = isScalar(age.value) ? age.value.value : undefined;
      const s = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
      try {
        if (s === undefined) throw new GateError('USAGE', 'must be a duration');
        out.maxVulnAgeMs = parseDuration('maxVulnAge', s);
      } catch {
        this.problem(
          this.lineOf(age.value as Node),
          `${field}.maxVulnAge`,
          `'${s ?? ''}' is not a duration (e.g. 48h, 2d, 90m)`,
        );
      }
    }
    const sevPair = this.get(node.items, 'failOnSeverity');
    if (sevPair) {
      // A field written with no value asks for nothing: refused, not read as no condition.
      const list = this.stringList(sevPair.value, `${field}.failOnSeverity`, {
        required: true,
        line: this.lineOf(sevPair.key as Node),
      }).flatMap((s) => s.split(','));
      const sev = list.flatMap((s) => {
        try {
          return [parseSeverity(s)];
        } catch {
          this.problem(
            this.lineOf(sevPair.value as Node),
            `${field}.failOnSeverity`,
            `'${s.trim()}' is not a severity (critical, high, medium, low, unknown)`,
          );
          return [];
        }
      });
      if (sev.length > 0) out.failOnSeverity = sev;
    }
    const denyPair = this.get(node.items, 'denyPackages');
    if (denyPair) {
      const rules = this.stringList(denyPair.value, `${field}.denyPackages`, {
        required: true,
        line: this.lineOf(denyPair.key as Node),
      }).flatMap((raw, i) => {
        try {
          return [parsePackageRule(raw, `${field}.denyPackages[${i}]`)];
        } catch (e: unknown) {
          const why = e instanceof Error ? e.message.replace(/^[^:]*: /, '') : String(e);
          this.problem(
            this.lineOf(itemNode(denyPair.value, i) ?? (denyPair.value as Node)),
            `${field}.denyPackages[${i}]`,
            why,
          );
          return [];
        }
      });
      if (rules.length > 0) out.denyPackages = rules;
    }
    const slsa: SlsaConditions = {};
    for (const k of ['builderId', 'sourceRepository', 'sourceRef'] as const) {
      const m = this.matcher(node.items, k, field);
      if (m) slsa[k] = m;
    }
    if (Object.keys(slsa).length > 0) out.slsa = slsa;
    return out;
  }
}
