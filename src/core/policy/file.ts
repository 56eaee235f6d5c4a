// The YAML policy file: per-image rules (signers, required attestations, conditions), validated
// with errors that name the line and field; the first rule whose image globs match decides.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { PREDICATE, resolvePredicateType } from '../attestations/types.js';
import { GateError } from '../errors.js';
import type { KeyValidity } from '../trust/key-types.js';
import { itemNode, Validator, type PolicyProblem } from './file-validator.js';
import { globNeverMatches, normaliseGlob } from './match.js';
import { enforceAfterDate, type Mode } from './mode.js';
import { FILE_WORDS, ruleProblems, vulnAgeLimit } from './rule.js';
import type { PolicyFile, RuleSpec } from './types.js';

export const POLICY_FILE_VERSION = 1;
/** A policy is a page of YAML, not a data set. */
export const MAX_POLICY_FILE_BYTES = 1024 * 1024;
export const MAX_RULES = 1000;

/** A policy file that does not validate: USAGE (exit 2), with every problem found. */
export class PolicyFileError extends GateError {
  readonly problems: PolicyProblem[];
  constructor(source: string, problems: PolicyProblem[]) {
    super(
      'USAGE',
      problems
        .map((p) => `${source} line ${p.line}: ${p.field ? `${p.field}: ` : ''}${p.message}`)
        .join('\n'),
    );
    this.name = 'PolicyFileError';
    this.problems = problems;
  }
}

/** Run-level revocation fields (docs/revocation.md): the list, and who must have signed it. */
const REVOCATION_KEYS = [
  'revocations',
  'revocationsKey',
  'revocationsIdentity',
  'revocationsIssuer',
];
const TOP_KEYS = ['version', 'rules', 'unmatched', ...REVOCATION_KEYS];
const RULE_KEYS = [
  'name',
  'images',
  'keys',
  'identities',
  'attestationKeys',
  'attestationIdentities',
  'attestations',
  'conditions',
  'requireSignature',
  'mode',
  'enforceAfter',
];

/** Read and validate a policy file; key paths in it are relative to its directory. */
export async function loadPolicyFile(file: string): Promise<PolicyFile> {
  let text: string;
  try {
    const st = await stat(file);
    if (st.size > MAX_POLICY_FILE_BYTES)
      throw new GateError(
        'USAGE',
        `policy: ${file} is ${st.size} bytes, limit ${MAX_POLICY_FILE_BYTES}`,
      );
    text = await readFile(file, 'utf8');
  } catch (e: unknown) {
    if (e instanceof GateError) throw e;
    throw new GateError(
      'USAGE',
      `policy: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`,
      {
        cause: e,
      },
    );
  }
  return parsePolicyFile(text, path.basename(file), path.dirname(path.resolve(file)));
}

/** Validate policy YAML. `baseDir` resolves relative key paths; without it they stay as written. */
export function parsePolicyFile(
  text: string,
  source = 'policy.yaml',
  baseDir?: string,
): PolicyFile {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const lineOf = (n: { range?: [number, number, number] | null } | null | undefined): number =>
    n?.range ? lc.linePos(n.range[0]).line : 1;
  if (doc.errors.length > 0)
    throw new PolicyFileError(
      source,
      doc.errors.map((e) => ({
        line: e.linePos?.[0].line ?? lc.linePos(e.pos[0]).line,
        field: '',
        message: e.message.split('\n')[0],
      })),
    );
  const problems: PolicyProblem[] = [];
  const v = new Validator(problems, lineOf);
  const root = doc.contents;
  if (!isMap(root)) {
    throw new PolicyFileError(source, [
      {
        line: lineOf(root),
        field: '',
        message: 'expected a mapping with version and rules',
      },
    ]);
  }
  v.unknownKeys(root.items, TOP_KEYS, '');
  const version = v.get(root.items, 'version');
  if (!version) v.problem(1, 'version', `missing; write 'version: ${POLICY_FILE_VERSION}'`);
  else if (!isScalar(version.value) || version.value.value !== POLICY_FILE_VERSION)
    v.problem(lineOf(version.value as Node), 'version', `must be ${POLICY_FILE_VERSION}`);

  let unmatched: PolicyFile['unmatched'] = 'fail';
  const um = v.get(root.items, 'unmatched');
  if (um) {
    const s = v.string(um.value, 'unmatched');
    if (s === 'fail' || s === 'allow') unmatched = s;
    else if (s !== undefined)
      v.problem(lineOf(um.value as Node), 'unmatched', `'${s}' is not fail or allow`);
  }

  const revocations = parseRevocations(v, root.items, baseDir);

  const rules: RuleSpec[] = [];
  const rulesPair = v.get(root.items, 'rules');
  if (!rulesPair) v.problem(1, 'rules', 'missing; a policy needs at least one rule');
  else if (!isSeq(rulesPair.value) || rulesPair.value.items.length === 0)
    v.problem(lineOf(rulesPair.value as Node), 'rules', 'must be a non-empty list');
  else if (rulesPair.value.items.length > MAX_RULES)
    v.problem(
      lineOf(rulesPair.value),
      'rules',
      `${rulesPair.value.items.length} rules, limit ${MAX_RULES}`,
    );
  else
    rulesPair.value.items.forEach((item, i) => {
      const rule = parseRule(v, item as Node, `rules[${i}]`, baseDir);
      if (rule) rules.push(rule);
    });

  if (problems.length > 0) throw new PolicyFileError(source, problems);
  return { source, version: 1, unmatched, rules, ...(revocations ? { revocations } : {}) };
}

/** The top-level revocation fields; a relative list path or key follows the policy file. */
function parseRevocations(
  v: Validator,
  items: Pair[],
  baseDir: string | undefined,
): PolicyFile['revocations'] {
  const str = (k: string): string | undefined => {
    const pair = v.get(items, k);
    return pair ? v.string(pair.value, k) : undefined;
  };
  const list = str('revocations');
  const key = str('revocationsKey');
  const identity = str('revocationsIdentity');
  const issuer = str('revocationsIssuer');
  if (list === undefined) {
    const stray = REVOCATION_KEYS.slice(1).find((k) => v.get(items, k));
    if (stray)
      v.problem(
        v.lineOf(v.get(items, stray)!.key as Node),
        stray,
        'names the signer of a revocation list, but no revocations list is given',
      );
    return undefined;
  }
  const line = v.lineOf(v.get(items, 'revocations')!.key as Node);
  return {
    source: list.includes('://') ? list : resolveKeyRef(list, baseDir),
    ...(key !== undefined ? { key: resolveKeyRef(key, baseDir) } : {}),
    ...(identity !== undefined ? { identity } : {}),
    ...(issuer !== undefined ? { issuer } : {}),
    line,
  };
}

function parseRule(
  v: Validator,
  node: Node,
  at: string,
  baseDir: string | undefined,
): RuleSpec | undefined {
  const line = v.lineOf(node);
  if (!isMap(node)) {
    v.problem(line, at, 'must be a mapping (images, keys or identities, ...)');
    return undefined;
  }
  const before = v.count();
  // One list per run: a rule cannot have its own (it would read as revoking only for some images).
  for (const p of node.items) {
    const k = isScalar(p.key) ? String(p.key.value) : '';
    if (REVOCATION_KEYS.includes(k))
      v.problem(
        v.lineOf(p.key as Node),
        `${at}.${k}`,
        'the revocation list is run-level: move it to the top of the policy file, beside rules',
      );
  }
  v.unknownKeys(
    node.items.filter((p) => !REVOCATION_KEYS.includes(isScalar(p.key) ? String(p.key.value) : '')),
    RULE_KEYS,
    at,
  );
  const field = (k: string): Pair | undefined => v.get(node.items, k);
  const name = field('name') ? v.string(field('name')!.value, `${at}.name`) : undefined;
  const images = v.stringList(field('images')?.value, `${at}.images`, { required: true, line });
  const normalisedImages: string[] = [];
  images.forEach((g, i) => {
    // A lone `*` stays within one path segment, and no normalised name has only one.
    const neverMatches = !g.includes('/') && /^[*?]+$/.test(g) && g !== '**';
    let why =
      !/^[A-Za-z0-9*?[\]._:/-]+$/.test(g) || g.includes('***')
        ? 'is not an image glob (rules match registry/repository[:tag]; digests cannot be matched)'
        : neverMatches
          ? 'can never match a normalised image name (write ** for every image)'
          : globNeverMatches(g);
    if (!why) {
      try {
        normalisedImages.push(normaliseGlob(g));
      } catch (e: unknown) {
        why = e instanceof Error ? e.message.replace(/^'[^']*' /, '') : String(e);
      }
    }
    if (why)
      v.problem(
        v.lineOf(itemNode(field('images')!.value, i)),
        `${at}.images[${i}]`,
        `'${g}' ${why}`,
      );
  });
  const keyValidity: Record<string, KeyValidity> = {};
  const attestationKeyValidity: Record<string, KeyValidity> = {};
  const keyList = (node: unknown, f: string, windows: Record<string, KeyValidity>): string[] =>
    v.keyList(node, f).map(({ ref, validFor }) => {
      const resolved = resolveKeyRef(ref, baseDir);
      if (validFor) windows[resolved] = validFor;
      return resolved;
    });
  const keys = keyList(field('keys')?.value, `${at}.keys`, keyValidity);
  const identities = v.identities(field('identities')?.value, `${at}.identities`);
  const attKeysPair = field('attestationKeys');
  const attIdsPair = field('attestationIdentities');
  const attestationKeys = attKeysPair
    ? keyList(attKeysPair.value, `${at}.attestationKeys`, attestationKeyValidity)
    : undefined;
  const attestationIdentities = attIdsPair
    ? v.identities(attIdsPair.value, `${at}.attestationIdentities`)
    : undefined;
  const attestations: string[] = [];
  const attPair = field('attestations');
  const attNode = attPair?.value;
  // `attestations:` with no value or `[]` asks for nothing: refused, not read as no requirement.
  const attOpts = attPair ? { required: true, line: v.lineOf(attPair.key as Node) } : {};
  v.stringList(attNode, `${at}.attestations`, attOpts).forEach((t, i) => {
    try {
      attestations.push(resolvePredicateType(t));
    } catch {
      v.problem(
        v.lineOf(itemNode(attNode, i)),
        `${at}.attestations[${i}]`,
        `'${t}' is not a known predicate type`,
      );
    }
  });
  const conditions = v.conditions(field('conditions')?.value, `${at}.conditions`);
  const ageLimit = vulnAgeLimit(
    conditions.maxVulnAgeMs,
    attestations,
    conditions.failOnSeverity,
    PREDICATE.cosignVuln,
  );
  if (ageLimit !== undefined) conditions.maxVulnAgeMs = ageLimit;
  let requireSignature = true;
  const rs = field('requireSignature');
  if (rs) {
    if (isScalar(rs.value) && typeof rs.value.value === 'boolean')
      requireSignature = rs.value.value;
    else v.problem(v.lineOf(rs.value as Node), `${at}.requireSignature`, 'must be true or false');
  }
  const modePair = field('mode');
  let mode: Mode | undefined;
  if (modePair) {
    const raw: unknown = isScalar(modePair.value) ? modePair.value.value : undefined;
    if (raw === 'enforce' || raw === 'warn') mode = raw;
    else
      v.problem(
        v.lineOf(modePair.value as Node),
        `${at}.mode`,
        `${JSON.stringify(raw ?? null)} is not enforce or warn`,
      );
  }
  const eaPair = field('enforceAfter');
  let enforceAfter: Date | undefined;
  if (eaPair) {
    const raw: unknown = isScalar(eaPair.value) ? eaPair.value.value : undefined;
    enforceAfter = typeof raw === 'string' ? enforceAfterDate(raw) : undefined;
    if (enforceAfter === undefined)
      v.problem(
        v.lineOf(eaPair.value as Node),
        `${at}.enforceAfter`,
        `${JSON.stringify(raw instanceof Date ? raw.toISOString() : (raw ?? null))} is not a date YYYY-MM-DD (UTC; the rule warns before it and enforces from it)`,
      );
  }
  const spec: RuleSpec = {
    name: name ?? at,
    line,
    images: normalisedImages,
    keys,
    ...(Object.keys(keyValidity).length ? { keyValidity } : {}),
    identities,
    ...(attestationKeys ? { attestationKeys } : {}),
    ...(Object.keys(attestationKeyValidity).length ? { attestationKeyValidity } : {}),
    ...(attestationIdentities ? { attestationIdentities } : {}),
    attestations: [...new Set(attestations)],
    conditions,
    requireSignature,
    ...(mode !== undefined ? { mode } : {}),
    ...(enforceAfter !== undefined ? { enforceAfter } : {}),
  };
  // The checks every rule passes, whatever its source (rule.ts).
  for (const p of ruleProblems(spec, FILE_WORDS)) {
    const attPair = attKeysPair ?? attIdsPair;
    if (p.field === 'mode' && modePair)
      v.problem(v.lineOf(modePair.key as Node), `${at}.mode`, p.message);
    else if (p.field === 'attestationSigners' && attPair)
      v.problem(
        v.lineOf(attPair.key as Node),
        `${at}.${attKeysPair ? 'attestationKeys' : 'attestationIdentities'}`,
        p.message,
      );
    else v.problem(line, at, p.message);
  }
  return v.count() > before ? undefined : spec;
}

/** Plain relative paths follow the policy file; `scheme://` references and absolute paths do not. */
function resolveKeyRef(ref: string, baseDir: string | undefined): string {
  if (baseDir === undefined || ref.includes('://') || path.isAbsolute(ref)) return ref;
  return path.join(baseDir, ref);
}
