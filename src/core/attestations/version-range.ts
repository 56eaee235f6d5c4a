// A small, lenient semver-style version comparer and range matcher for SBOM deny rules:
// enough for `<2.17.0`, `>=2.0.0 <2.17.0`, `2.14.1` and `a || b` over real-world version strings.
import { GateError } from '../errors.js';

type Reading = Pick<ParsedVersion, 'release' | 'pre'>;
type Op = '<' | '<=' | '>' | '>=' | '=';
interface Comparator {
  op: Op;
  version: ParsedVersion;
}
interface ParsedVersion {
  /** Dot-separated release parts; numbers compare numerically, words lexically. */
  release: Array<number | string>;
  /** Pre-release identifiers (after `-`); a pre-release sorts before its release. */
  pre: Array<number | string>;
  /** The other reading of letters in the release (`1.1.1k` after 1.1.1), when there are any. */
  suffixed?: { release: Array<number | string>; pre: Array<number | string> };
  /**
   * A distro package's revision (`5.6.0-0.2`, `5.6.1-1`, `5.6.0-1.fc40`: `-` then a digit) read
   * as the release it packages (5.6.0, 5.6.1), besides the pre-release reading.
   */
  revision?: { release: Array<number | string>; pre: Array<number | string> };
}

/** A parsed range: OR of AND-ed comparators. */
export interface VersionRange {
  raw: string;
  alternatives: Comparator[][];
}

const COMPARATOR_RE = /^(<=|>=|<|>|=)?\s*v?(\S+)$/;

export function parseVersionRange(raw: string, input = 'version range'): VersionRange {
  const alternatives = raw.split('||').map((alt) => {
    const parts = alt.trim().split(/\s+/).filter(Boolean);
    if (parts.length === 0)
      throw new GateError('USAGE', `${input}: '${raw}' has an empty alternative`);
    return mergeOperators(parts).map((p) => {
      const m = COMPARATOR_RE.exec(p);
      const version = m ? parseVersion(m[2]) : undefined;
      // Caret, tilde and x-ranges are npm shorthands we do not expand: refuse rather than guess.
      const wild = (r: number | string): boolean => r === 'x' || r === '*';
      if (!m || !version || [version, version.suffixed].some((v) => v?.release.some(wild)))
        throw new GateError(
          'USAGE',
          `${input}: '${p}'${p === raw.trim() ? '' : ` in '${raw}'`} is not a comparator (use <, <=, >, >=, = or a bare version)`,
        );
      return { op: (m[1] ?? '=') as Op, version };
    });
  });
  return { raw, alternatives };
}

/** `>= 2.0.0` written with a space: glue a lone operator to the version after it. */
function mergeOperators(parts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (/^(<=|>=|<|>|=)$/.test(p) && i + 1 < parts.length) out.push(p + parts[++i]);
    else out.push(p);
  }
  return out;
}

/**
 * Parse `1.2.3`, `2.14`, `1.2.3-rc.1+build`, `2.17.0.Final` (= 2.17.0), `2.17.0-rc1`,
 * `1:2.3-4` (Debian epoch dropped), `2.3~rc1`. Anything after `-` or `~` is a pre-release and
 * sorts before the release, so `<2.17.0` also catches `2.17.0-rc1`, `2.17.0-SNAPSHOT` and a
 * Debian `2.17.0-1`. Letters inside the release (`3.1rc1`, `1.1.1k`) are read two ways, kept in
 * `suffixed`: a pre-release (PEP 440 `3.1rc1` < 3.1) and a suffix after the number (OpenSSL
 * `1.1.1k` > 1.1.1); a deny rule matches if either reading is in its range. A `-` followed by a
 * digit is also read as a distro package's revision of the release before it (Debian's
 * `5.6.0-0.2` and Fedora's `5.6.0-1.fc40` package xz 5.6.0), a third reading: so
 * `>=5.6.0 <=5.6.1` and `5.6.1` ban the distros' builds of those releases too.
 * Returns undefined when the string does not start with a number or holds anything but digits,
 * letters and `. _ - ~` (`2 .14.1`, `2.14,1`): such versions cannot be ordered.
 */
export function parseVersion(raw: string): ParsedVersion | undefined {
  // Fullwidth digits and invisible format characters must not make a version unequal to itself.
  let s = raw
    .normalize('NFKC')
    .replace(/[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
    .trim()
    .replace(/^v/i, '');
  s = s.replace(/^\d+:/, '').replace(/\+.*$/, '');
  if (!/^\d/.test(s)) return undefined;
  const cut = s.search(/[-~]/);
  const main = cut < 0 ? s : s.slice(0, cut);
  const pre = cut < 0 ? '' : s.slice(cut + 1);
  // A word compares above every number, so junk read as a word would lift a version out of `<`.
  if (!/^[0-9a-z]+(?:[._][0-9a-z]+)*$/i.test(main) || !/^[0-9a-z._~-]*$/i.test(pre))
    return undefined;
  const ident = (x: string): number | string => (/^\d+$/.test(x) ? Number(x) : x.toLowerCase());
  // `rc1`, `rc.1`, `rc-1` are one pre-release, and `rc10` sorts after `rc9`; `1k` is 1 then k.
  const runs = (x: string, sep: RegExp): Array<number | string> =>
    x
      .split(sep)
      .flatMap((y) => y.match(/\d+|[^\d]+/g) ?? [])
      .map(ident);
  const release = runs(main, /[._]/);
  // Maven (and Spring, JBoss) spell the release itself `2.17.0.Final`, `2.17.0.RELEASE`, `-GA`.
  while (release.length > 1 && isReleaseWord(release[release.length - 1])) release.pop();
  const preParts = runs(pre, /[.~_-]/);
  const preRelease = preParts.length === 1 && isReleaseWord(preParts[0]) ? [] : preParts;
  const revision = s[cut] === '-' && /^\d/.test(pre) ? { release, pre: [] } : undefined;
  const word = release.findIndex((x) => typeof x === 'string');
  if (word < 0) return { release, pre: preRelease, ...(revision ? { revision } : {}) };
  return {
    release: release.slice(0, word),
    pre: [...release.slice(word), ...preRelease],
    suffixed: { release, pre: preRelease },
    ...(revision ? { revision } : {}),
  };
}

function isReleaseWord(x: number | string | undefined): boolean {
  return x === 'final' || x === 'ga' || x === 'release';
}

function compareIdent(a: number | string | undefined, b: number | string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return typeof b === 'number' && b === 0 ? 0 : -1;
  if (b === undefined) return typeof a === 'number' && a === 0 ? 0 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : 1;
  // Numbers sort before words, as in semver pre-release precedence.
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : 1;
}

export function compareVersions(a: Reading, b: Reading): number {
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) {
    const c = compareIdent(a.release[i], b.release[i]);
    if (c !== 0) return c;
  }
  if (a.pre.length === 0 && b.pre.length === 0) return 0;
  if (a.pre.length === 0) return 1;
  if (b.pre.length === 0) return -1;
  const m = Math.max(a.pre.length, b.pre.length);
  for (let i = 0; i < m; i++) {
    if (a.pre[i] === undefined) return -1;
    if (b.pre[i] === undefined) return 1;
    const c = compareIdent(a.pre[i], b.pre[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Does `version` fall in `range`? An unorderable version (`latest`, `git-abc123`) is reported as
 * `undefined` so the caller can decide; deny lists treat it as a match (fail closed).
 */
export function versionInRange(version: string, range: VersionRange): boolean | undefined {
  const v = parseVersion(version);
  if (!v) return undefined;
  type Mode = 'plain' | 'suffixed' | 'revision';
  const as = (p: ParsedVersion, mode: Mode): Reading =>
    mode === 'suffixed' ? (p.suffixed ?? p) : mode === 'revision' ? (p.revision ?? p) : p;
  // Both sides in one reading; in range if any reading puts it there (deny lists fail closed).
  return (['plain', 'suffixed', 'revision'] as const).some((mode) =>
    range.alternatives.some((all) =>
      all.every(({ op, version: bound }) => {
        const c = compareVersions(as(v, mode), as(bound, mode));
        switch (op) {
          case '<':
            return c < 0;
          case '<=':
            return c <= 0;
          case '>':
            return c > 0;
          case '>=':
            return c >= 0;
          case '=':
            return c === 0;
        }
      }),
    ),
  );
}
