// The job-summary markdown, as a pure function of the Report: a headline with the counts, the
// policy and its weak settings, then failures before errors before passes, within GitHub's 1 MiB.
import type { AttestationEvidence, ImageResult, PolicySummary, Report } from '../core/report.js';
import { markdownAttribute, markdownText } from '../edge/sanitize.js';

/** GitHub refuses a step summary over 1 MiB (the whole upload, not a part of it). */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** More verified images than this are folded into a `<details>`. */
export const FOLD_VERIFIED_OVER = 20;

export interface SummaryOptions {
  /** The most UTF-8 bytes to write; rows are left out past it (verified ones first), with a note. */
  maxBytes?: number;
}

/** Below the limit by a margin, for a runner that counts differently or appends a newline. */
const DEFAULT_MAX_BYTES = SUMMARY_LIMIT_BYTES - 32 * 1024;

/** The verdict cell: the emoji and the word kept on one line. */
const ICON: Record<string, string> = {
  verified: '✅&nbsp;verified',
  failed: '❌&nbsp;failed',
  // An audit-mode (`mode: warn`) failure: reported, not enforced.
  warned: '⚠️&nbsp;warned',
  error: '❗&nbsp;error',
  skipped: '⏭️&nbsp;skipped',
  allowed: '➖&nbsp;allowed unverified',
};

/** Order of the rows: what needs acting on first. An outcome we do not know sits after errors. */
const RANK: Record<string, number> = {
  failed: 0,
  warned: 1,
  error: 2,
  skipped: 4,
  allowed: 5,
  verified: 6,
};
const rank = (o: string): number => (Object.hasOwn(RANK, o) ? RANK[o] : 3);

/**
 * Escape for a markdown table cell rendered as GitHub-flavoured HTML: the summary sink's
 * sanitiser (edge/sanitize.ts), applied to every value that is not our own literal text.
 */
export function escapeCell(s: string): string {
  return markdownText(s);
}

/**
 * A table cell's value that may be one long token (a reference, an identity URL, a digest in a
 * reason): escaped, then `<wbr>` after each `/` and every 24 characters without a space, so a table cell
 * can wrap it instead of pushing the columns after it off the 1012 px pane (a table is sized by
its cells' longest unbreakable runs; paragraphs and lists wrap long words by GitHub's CSS). Entities are kept
 * whole; the only tag added is `<wbr>`.
 */
export function breakable(s: string): string {
  let out = '';
  let run = 0;
  for (const [u] of escapeCell(s).matchAll(/<wbr>|&#?[0-9a-z]+;|[\s\S]/giu)) {
    out += u;
    if (u === '<wbr>' || u === '-' || /^\s$/u.test(u)) run = 0;
    else if (u === '/' || ++run >= 24) {
      out += '<wbr>';
      run = 0;
    }
  }
  // `https://` breaks once, not between its slashes.
  return out.replace(/\/<wbr>(?=\/)/g, '/');
}

/** The outcome's emoji alone, where the word is said next to it. */
function mark(outcome: string): string {
  return Object.hasOwn(ICON, outcome) ? ICON[outcome].split('&nbsp;')[0] : '❔';
}

/** A merged report is read from files: an outcome we do not know is shown as escaped text. */
function icon(outcome: string): string {
  return Object.hasOwn(ICON, outcome) ? ICON[outcome] : `❔&nbsp;${escapeCell(outcome)}`;
}

/**
 * `sha256:0bfc18e5…` with the whole digest in the title (and in the JSON report); a value that is
 * not an `alg:hex` digest (a hand-edited shard report) is shown whole.
 */
export function shortDigest(digest: string | undefined): string {
  if (!digest) return '';
  const m = /^([a-z0-9]+):([0-9a-f]{12,})$/.exec(digest);
  if (!m) return breakable(digest);
  return `<code title="${markdownAttribute(digest)}">${escapeCell(`${m[1]}:${m[2].slice(0, 8)}`)}…</code>`;
}

function signer(r: ImageResult): string {
  const s = r.signatures[0];
  if (!s) return '';
  if (s.kind === 'key') return `key ${s.keyRef ?? ''}${s.keyID ? ` (${s.keyID})` : ''}`;
  return `${s.identity ?? ''}${s.issuer ? ` (${s.issuer})` : ''}`;
}

/** RFC 3339 as `2026-01-02 03:04:05Z` (it can wrap at the space); anything else as given. */
function when(t: string | undefined): string {
  if (!t) return '';
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d+)?Z$/.exec(t);
  return m ? `${m[1]} ${m[2]}Z` : breakable(t);
}

/** The reason in full, always visible; the deciding policy-file rule under it. */
function reasonCell(r: { reason?: string; rule?: string }): string {
  const reason = r.reason ? breakable(r.reason) : '';
  return r.rule !== undefined ? `${reason}<br><sub>rule ${breakable(r.rule)}</sub>` : reason;
}

const count = (report: Report, o: string): number =>
  report.results.filter((r) => r.outcome === o).length;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ---- headline -------------------------------------------------------------------------------

const VERDICT: Record<string, string> = {
  verified: '✅ Verified',
  failed: '❌ Failed',
  error: '❗ Error',
  warned: '⚠️ Warned (audit mode)',
};

/** `**❌ Failed:** 6 failed · 1 error · 2 verified · 0 skipped, of 9 images · ⚠️ …` */
function headline(report: Report): string {
  const o = String(report.outcome);
  const verdict = Object.hasOwn(VERDICT, o) ? VERDICT[o] : `❔ ${escapeCell(o)}`;
  const parts = [
    `${count(report, 'failed')} failed`,
    plural(count(report, 'error'), 'error'),
    `${count(report, 'verified')} verified`,
    `${count(report, 'skipped')} skipped`,
  ];
  const warned = count(report, 'warned');
  if (warned) parts.splice(1, 0, `${warned} warned`);
  const allowed = count(report, 'allowed');
  if (allowed) parts.push(`${allowed} allowed unverified (no policy rule)`);
  const other = report.results.filter((r) => rank(r.outcome) === 3).length;
  if (other) parts.push(`${other} with an unknown outcome`);
  const weak = weakSettings(report).map((w) => ` · ⚠️ ${w}`);
  return `**${verdict}:** ${parts.join(' · ')}, of ${plural(report.results.length, 'image')}${weak.join('')}`;
}

/**
 * Audit mode (issue 13, `mode: warn` and `enforce-after`), read defensively: the report's types
 * gain these fields with that work, and a merged report is read from files. Undefined when every
 * rule is enforced.
 */
export function auditMode(report: Report): string | undefined {
  const p = report.policy as PolicySummary & { mode?: unknown; enforceAfter?: unknown };
  const until = typeof p.enforceAfter === 'string' ? ` until ${escapeCell(p.enforceAfter)}` : '';
  if (p.mode === 'warn') return `audit mode (mode: warn${until}): failures do not fail the step`;
  const rules = (p.policyFile?.rules ?? []).filter(
    (r) => (r as { mode?: unknown }).mode === 'warn',
  );
  if (rules.length)
    return `audit mode (mode: warn) for ${plural(rules.length, 'rule')}: ${escapeCell(rules.map((r) => r.name).join(', '))}`;
  if (
    String(report.outcome) === 'warned' ||
    report.results.some((r) => String(r.outcome) === 'warned')
  )
    return 'audit mode: failures reported as warnings';
  return undefined;
}

/** The settings that weaken the gate, each worded as the input or policy key that set it. */
export function weakSettings(report: Report): string[] {
  const p = report.policy;
  const weak: string[] = [];
  if (!p.requireTlog) weak.push('insecure-ignore-tlog');
  if (!p.requireSct) weak.push('insecure-ignore-sct');
  if (p.policyFile?.unmatched === 'allow') weak.push('unmatched: allow');
  const optional = (p.policyFile?.rules ?? []).filter((r) => !r.requireSignature);
  if (p.requireSignature === false) weak.push('require-signature=false');
  else if (optional.length)
    weak.push(
      `require-signature=false in ${plural(optional.length, 'rule')} (${escapeCell(optional.map((r) => r.name).join(', '))})`,
    );
  const audit = auditMode(report);
  if (audit) weak.push(audit);
  return weak;
}

/** A list in one line: the first few, then how many more. */
function few(items: string[], max = 3): string {
  const shown = items.slice(0, max).map(escapeCell).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** What the policy asks, in one line; the whole of it is in the Policy details below. */
function policyLine(p: PolicySummary): string {
  const parts: string[] = [];
  if (p.policyFile)
    parts.push(
      `policy file ${escapeCell(p.policyFile.source)} (${plural(p.policyFile.rules.length, 'rule')}; unmatched images ${p.policyFile.unmatched === 'allow' ? 'allowed' : 'fail'})`,
    );
  if (p.keys.length)
    parts.push(
      `${p.keys.length === 1 ? 'key' : `${p.keys.length} keys`} ${few(p.keys.map((k) => k.keyRef))}`,
    );
  if (p.identities.length)
    parts.push(
      `${p.identities.length === 1 ? 'identity' : `${p.identities.length} identities`} ${few(
        p.identities.map((i) => `${i.subject} (${i.issuer})`),
        1,
      )}`,
    );
  if (p.requireSignature === false) parts.push('signature optional');
  if (p.requireAllKeys) parts.push('every key must sign');
  if (p.attestations?.types.length) parts.push(`attestations ${few(p.attestations.types)}`);
  if (p.platforms) parts.push(`platforms ${escapeCell(p.platforms)}`);
  parts.push(p.requireTlog ? 'Rekor entry required' : 'Rekor entry not required');
  if (!p.requireSct) parts.push('SCT not required');
  parts.push(`trust root ${escapeCell(p.trustRoot)}`);
  return `**Policy:** ${parts.join(' · ')}`;
}

function policyDetails(p: PolicySummary): string[] {
  const lines: string[] = [];
  for (const k of p.keys) lines.push(`- key ${escapeCell(k.keyRef)} (${escapeCell(k.keyID)})`);
  for (const i of p.identities) {
    const ext = Object.entries(i.extensions ?? {})
      .map(([oid, v]) => `${oid}=${v}`)
      .join(', ');
    lines.push(
      `- identity ${escapeCell(i.subject)}, issuer ${escapeCell(i.issuer)}${ext ? `, extensions ${escapeCell(ext)}` : ''}`,
    );
  }
  if (p.platforms) lines.push(`- platform manifests required: ${escapeCell(p.platforms)}`);
  if (p.attestations) {
    const conds = Object.entries(p.attestations.conditions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(
      `- attestations required: ${escapeCell(p.attestations.types.join(', ') || 'none')}${conds ? `; conditions: ${escapeCell(conds)}` : ''}; signed by ${escapeCell(p.attestations.signers)}`,
    );
  }
  if (p.policyFile) {
    lines.push(
      `- policy file ${escapeCell(p.policyFile.source)}: ${plural(p.policyFile.rules.length, 'rule')}; unmatched images: ${escapeCell(p.policyFile.unmatched)}`,
    );
    for (const r of p.policyFile.rules)
      lines.push(
        `  - rule ${escapeCell(r.name)}: ${escapeCell(r.images.join(', '))}${r.requireSignature ? '' : ' (signature optional)'}`,
      );
  }
  lines.push(
    `- transparency log ${p.requireTlog ? 'required' : 'not required'}; SCT ${p.requireSct ? 'required' : 'not required'}; trust root: ${escapeCell(p.trustRoot)}`,
  );
  return lines;
}

// ---- rows -----------------------------------------------------------------------------------

const PROBLEM_HEAD = ['| Verdict | Image | Reason | Digest |', '| --- | --- | --- | --- |'];
const VERIFIED_HEAD = [
  '| Verdict | Image | Digest | Signer | Signed at |',
  '| --- | --- | --- | --- | --- |',
];
const PLATFORM_HEAD = [
  '| Verdict | Image | Platform | Reason | Digest |',
  '| --- | --- | --- | --- | --- |',
];

function problemRow(r: ImageResult): string {
  return `| ${icon(r.outcome)} | ${breakable(r.image)} | ${reasonCell(r)} | ${shortDigest(r.digest)} |`;
}

function verifiedRow(r: ImageResult): string {
  return `| ${icon(r.outcome)} | ${breakable(r.image)} | ${shortDigest(r.digest)} | ${breakable(signer(r))} | ${when(r.signedAt ?? r.signatures[0]?.signedAt)} |`;
}

function platformRows(r: ImageResult): string[] {
  return [...(r.platforms ?? [])]
    .sort((a, b) => rank(a.outcome) - rank(b.outcome))
    .map(
      (pl) =>
        `| ${icon(pl.outcome)} | ${breakable(r.image)} | ${breakable(pl.platform)} | ${reasonCell(pl)} | ${shortDigest(pl.digest)} |`,
    );
}

function attestationItem(a: AttestationEvidence): string {
  const parts = [`${a.verified ? '✅' : '❌'} ${escapeCell(a.predicateType)}`];
  parts.push(`found in ${escapeCell(a.where ?? a.format)}`);
  if (a.signer) parts.push(`signed by ${escapeCell(a.signer)}`);
  if (a.satisfies?.length) parts.push(`satisfies ${escapeCell(a.satisfies.join(', '))}`);
  if (a.reason) parts.push(escapeCell(a.reason));
  const checks = (a.checks ?? []).map(
    (c) => `${c.ok ? '✅' : '❌'} ${escapeCell(c.condition)}: ${escapeCell(c.message)}`,
  );
  if (checks.length) parts.push(`checks: ${checks.join('; ')}`);
  return `- ${parts.join(' · ')}`;
}

/** One image's attestations, folded in its own `<details>` inside the Attestations one. */
function attestationBlock(r: ImageResult): string[] {
  const ok = r.attestations.filter((a) => a.verified).length;
  return [
    `<details><summary>${mark(r.outcome)} ${escapeCell(r.image)}: ${ok} of ${plural(r.attestations.length, 'attestation')} verified</summary>`,
    '',
    ...r.attestations.map(attestationItem),
    '',
    '</details>',
    '',
  ];
}

// ---- the 1 MiB budget -----------------------------------------------------------------------

/** Items of one kind, in the order shown; the budget keeps a prefix of them. */
interface Group {
  items: string[][];
  keep: number;
}

const lineBytes = (lines: readonly string[]): number =>
  lines.reduce((n, l) => n + Buffer.byteLength(l, 'utf8') + 1, 0);

function group(items: string[][]): Group {
  return { items, keep: items.length };
}

/**
 * Keep as many items as fit in `budget` bytes, dropping from the end of each group in turn (the
 * first group loses its items first, and the next is touched only once the first is empty).
 */
function fit(groups: Group[], budget: number): void {
  const sizes = groups.map((g) => g.items.map(lineBytes));
  let total = sizes.flat().reduce((a, b) => a + b, 0);
  for (const [gi, g] of groups.entries()) {
    if (total <= budget) return;
    const s = sizes[gi];
    while (g.keep > 0 && total > budget) total -= s[--g.keep];
  }
}

function notShown(g: Group, what: string): string[] {
  const n = g.items.length - g.keep;
  return n > 0
    ? [
        '',
        `_${n} more ${what} not shown: the job summary is limited to 1 MiB; the JSON report has every result._`,
      ]
    : [];
}

// ---- the summary ----------------------------------------------------------------------------

export function renderSummary(report: Report, options: SummaryOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // Stable sort: within an outcome, the input order. The verified images are made into their
  // rows as they are read, not held (a batch's results are packed: packed-results.ts).
  const problems = report.results
    .filter((r) => r.outcome !== 'verified')
    .sort((a, b) => rank(a.outcome) - rank(b.outcome));
  const verified = { rows: [] as string[][], platforms: [] as string[][] };
  const attOfVerified: string[][] = [];
  for (const r of report.results) {
    if (r.outcome !== 'verified') continue;
    verified.rows.push([verifiedRow(r)]);
    for (const l of platformRows(r)) verified.platforms.push([l]);
    if (r.attestations.length) attOfVerified.push(attestationBlock(r));
  }

  const head = [
    '## image-gate',
    '',
    headline(report),
    '',
    policyLine(report.policy),
    '',
    ...(report.error
      ? [
          `> ❗ The run could not start: ${escapeCell(report.error.code)}: ${escapeCell(report.error.message)}`,
          '',
        ]
      : []),
    ...(report.warnings ?? []).flatMap((w) => [`> ⚠️ ${escapeCell(w)}`, '']),
  ];

  const rows = {
    problems: group(problems.map((r) => [problemRow(r)])),
    verified: group(verified.rows),
    platformsOfProblems: group(problems.flatMap((r) => platformRows(r).map((l) => [l]))),
    platformsOfVerified: group(verified.platforms),
    attOfProblems: group(problems.filter((r) => r.attestations.length).map(attestationBlock)),
    attOfVerified: group(attOfVerified),
    policy: group(policyDetails(report.policy).map((l) => [l])),
  };
  // Headings, table heads, folds and notes: a bound on everything that is not an item.
  const reserve = 4096;
  fit(
    [
      rows.attOfVerified,
      rows.platformsOfVerified,
      rows.verified,
      rows.policy,
      rows.attOfProblems,
      rows.platformsOfProblems,
      rows.problems,
    ],
    maxBytes - lineBytes(head) - reserve,
  );
  const kept = (g: Group): string[] => g.items.slice(0, g.keep).flat();

  const lines = [...head];
  if (problems.length)
    lines.push(
      `### Not verified (${problems.length})`,
      '',
      ...(rows.problems.keep ? [...PROBLEM_HEAD, ...kept(rows.problems)] : []),
      ...notShown(rows.problems, 'image(s) not verified'),
      '',
    );
  if (verified.rows.length) {
    const table = [
      ...(rows.verified.keep ? [...VERIFIED_HEAD, ...kept(rows.verified)] : []),
      ...notShown(rows.verified, 'verified image(s)'),
    ];
    if (verified.rows.length > FOLD_VERIFIED_OVER)
      lines.push(
        `<details><summary><b>✅ Verified (${verified.rows.length})</b></summary>`,
        '',
        ...table,
        '',
        '</details>',
        '',
      );
    else lines.push(`### Verified (${verified.rows.length})`, '', ...table, '');
  }
  const platformTotal =
    rows.platformsOfProblems.items.length + rows.platformsOfVerified.items.length;
  if (platformTotal) {
    const anyBad = report.results.some((r) => r.platforms?.some((p) => p.outcome !== 'verified'));
    const shown = [...kept(rows.platformsOfProblems), ...kept(rows.platformsOfVerified)];
    lines.push(
      `<details${anyBad ? ' open' : ''}><summary>Platform manifests (${platformTotal})</summary>`,
      '',
      ...(shown.length ? [...PLATFORM_HEAD, ...shown] : []),
      ...notShown(rows.platformsOfProblems, 'platform row(s) of images not verified'),
      ...notShown(rows.platformsOfVerified, 'platform row(s) of verified images'),
      '',
      '</details>',
      '',
    );
  }
  const attTotal = rows.attOfProblems.items.length + rows.attOfVerified.items.length;
  if (attTotal) {
    lines.push(
      `<details><summary>Attestations (${plural(attTotal, 'image')})</summary>`,
      '',
      ...kept(rows.attOfProblems),
      ...kept(rows.attOfVerified),
      ...notShown(rows.attOfProblems, "unverified image(s)' attestations"),
      ...notShown(rows.attOfVerified, "verified image(s)' attestations"),
      ...(rows.attOfProblems.keep + rows.attOfVerified.keep < attTotal ? [''] : []),
      '</details>',
      '',
    );
  }
  lines.push(
    '<details><summary>Policy</summary>',
    '',
    ...kept(rows.policy),
    ...notShown(rows.policy, 'policy line(s)'),
    '',
    '</details>',
    '',
  );
  return lines.join('\n');
}

/** The step-failure message: the first supply-chain failure and the count. */
export function failureMessage(report: Report): string | undefined {
  // A warned run (audit mode) reports its failures but does not fail the step.
  if (report.outcome === 'verified' || report.outcome === 'warned') return undefined;
  if (report.error) return `image-gate: ${report.error.message}`;
  const failed = report.results.filter((r) => r.outcome === 'failed');
  if (failed.length > 0) {
    const first = failed[0];
    return `image-gate: ${failed.length} of ${report.results.length} image(s) failed verification; first: ${first.image}: ${first.reason ?? ''}`;
  }
  const errored = report.results.filter((r) => r.outcome !== 'verified' && r.outcome !== 'warned');
  const first = errored[0];
  return `image-gate: ${errored.length} of ${report.results.length} image(s) could not be verified; first: ${first?.image ?? ''}: ${first?.reason ?? ''}`;
}
