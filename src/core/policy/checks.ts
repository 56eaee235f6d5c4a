// Checks on the compiled policy as a whole, against the images and settings of the run, before
// any I/O: what could never take effect, or would be silently skipped, is refused (exit 2).
import { predicateLabel } from '../attestations/types.js';
import { GateError } from '../errors.js';
import { parseReference } from '../reference.js';
import { selectRule } from './match.js';
import type { ImagePolicy, RunPolicy } from './types.js';

export function checkRunPolicy(
  images: string[],
  policy: RunPolicy,
  settings: { githubToken?: string; githubRepository?: string | undefined },
): void {
  // Stores that cannot hold what a rule asks for are refused first, naming their images.
  checkS3loRules(images, policy);
  // Both are checks on signatures; where a rule lets attestations alone decide, they would be
  // silently skipped for an image whose signature is simply removed.
  const optional = policy.rules.find((r) => !r.requireSignature);
  if (optional && (optional.platforms !== undefined || optional.requireAllKeys))
    throw new GateError(
      'USAGE',
      `${optional.platforms !== undefined ? 'platforms' : 'require-all-keys'} checks signatures, so it cannot be combined with require-signature=false`,
    );
  // Checked here, once the policy compiled, so the refused run's report still states it.
  if (settings.githubRepository && !policy.github)
    throw new GateError('USAGE', "github-repository needs github-owner (the repository's owner)");
  if (!policy.github) return;
  if (!policy.rules.some((r) => r.attestations))
    throw new GateError(
      'USAGE',
      'github-owner: no attestations are required, so the GitHub attestations API would never be asked',
    );
  if (!settings.githubToken)
    throw new GateError('USAGE', 'github-owner: the GitHub attestations API needs github-token');
}

/**
 * s3lo stores hold a tag's manifest and key-signature records, nothing else: no attestations, no
 * Sigstore bundles, no signatures on platform manifests. An s3lo image under a rule that asks for
 * more would pass on its record alone, so the run is refused before any I/O, naming the images and
 * what they cannot meet.
 */
export function checkS3loRules(images: string[], policy: RunPolicy): void {
  const unmet = new Map<string, string[]>();
  const add = (what: string, image: string): void => {
    const list = unmet.get(what) ?? [];
    if (!list.includes(image)) list.push(image);
    unmet.set(what, list);
  };
  for (const image of images) {
    let ref;
    try {
      ref = parseReference(image);
    } catch {
      continue; // the batch reports it as REF_INVALID
    }
    if (ref.kind !== 's3lo') continue;
    const m = selectRule(policy, ref);
    if (!m.rule) continue; // unmatched: the policy file's own decision, nothing to skip
    const rule = m.rule;
    const under = policy.file ? ` (rule '${rule.name}')` : '';
    if (rule.platforms !== undefined)
      add("platforms (s3lo signs the tag's manifest only, never platform manifests)", image);
    for (const what of requirementsOf(rule)) add(`${what}${under}`, image);
    if (!rule.requireSignature)
      add(
        `require-signature=false${under} (s3lo images are verified by their signature records alone)`,
        image,
      );
    if (rule.signers.keys.length === 0)
      add(
        `a key${under}: it names only keyless identities, and s3lo records are signed with keys`,
        image,
      );
  }
  if (unmet.size === 0) return;
  const lines = [...unmet].map(([what, list]) => `${what}: ${list.join(', ')}`);
  throw new GateError(
    'USAGE',
    `s3lo images cannot meet this policy; an s3lo store holds no attestations, only signature records. Unmet: ${lines.join('; ')}`,
  );
}

function requirementsOf(rule: ImagePolicy): string[] {
  const r = rule.attestations;
  if (!r) return [];
  const out: string[] = [];
  if (r.types.length) out.push(`attestations ${r.types.map(predicateLabel).join(', ')}`);
  const c = r.conditions;
  const names = [
    c.maxVulnAgeMs !== undefined && 'max-vuln-age',
    c.failOnSeverity?.length && 'fail-on-severity',
    c.denyPackages?.length && 'deny-packages',
    c.slsa?.builderId && 'builder-id',
    c.slsa?.sourceRepository && 'provenance-source-repository',
    c.slsa?.sourceRef && 'provenance-source-ref',
  ].filter((n): n is string => typeof n === 'string');
  if (names.length) out.push(`attestation conditions ${names.join(', ')}`);
  return out;
}
