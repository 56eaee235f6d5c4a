// Which policy-file rule governs an image: rule globs normalised like image references, and the
// first rule whose globs match the image's name. No YAML here: a run without a policy file never
// loads the parser (src/core/policy-file.ts).
import type { PolicyFile, PolicyFileRule } from './policy-file.js';
import { DOCKER_HUB, type ImageRef } from './reference.js';

/**
 * `nginx` → `index.docker.io/library/nginx`, `acme/app:*` → `index.docker.io/acme/app:*`, as image
 * references are normalised, so a rule written the way people write images matches them.
 */
export function normaliseGlob(glob: string): string {
  const slash = glob.indexOf('/');
  const first = slash < 0 ? glob : glob.slice(0, slash);
  if (first.includes('*') || first.includes('?')) return glob;
  const isHost =
    slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!isHost) return slash < 0 ? `${DOCKER_HUB}/library/${glob}` : `${DOCKER_HUB}/${glob}`;
  // Hosts compare case-insensitively, and every Docker Hub alias is one registry, as in
  // parseReference: a rule for docker.io/nginx must catch index.docker.io/library/nginx.
  const host = first.toLowerCase();
  const rest = glob.slice(slash + 1);
  if (host === 'docker.io' || host === 'index.docker.io' || host === 'registry-1.docker.io')
    return rest.includes('/') || rest.includes('**')
      ? `${DOCKER_HUB}/${rest}`
      : `${DOCKER_HUB}/library/${rest}`;
  return `${host}/${rest}`;
}

/**
 * `*` and `?` stay within one path segment, `**` crosses segments. A glob with no `:tag` in its
 * last segment matches the repository whatever the tag; with one, it matches `repository:tag`.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `a/**/b` also matches `a/b`.
      if (glob[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

// Rules are matched once per image; each glob is compiled once per run.
const GLOB_CACHE = new Map<string, RegExp>();
function compiledGlob(glob: string): RegExp {
  let re = GLOB_CACHE.get(glob);
  if (!re) GLOB_CACHE.set(glob, (re = globToRegExp(glob)));
  return re;
}

function globHasTag(glob: string): boolean {
  return glob.slice(glob.lastIndexOf('/') + 1).includes(':');
}

/** The name rules match against: `registry/repository[:tag]`, `oci-layout://dir[:tag]`, or as given. */
export function policyImageName(ref: ImageRef): string {
  if (ref.kind === 'registry')
    return `${ref.registry.toLowerCase()}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}`;
  if (ref.kind === 'oci-layout') return `oci-layout://${ref.dir}${ref.tag ? `:${ref.tag}` : ''}`;
  return ref.original;
}

export type RuleMatch =
  { rule: PolicyFileRule } | { rule: undefined; allowed: boolean; reason: string };

/** The first rule whose images match; else the file's `unmatched` decision, with a reason. */
export function matchPolicyRule(policy: PolicyFile, imageName: string): RuleMatch {
  const tagAt = imageName.lastIndexOf(':');
  const slashAt = imageName.lastIndexOf('/');
  const repoOnly = tagAt > slashAt ? imageName.slice(0, tagAt) : imageName;
  for (const rule of policy.rules) {
    for (const glob of rule.images) {
      const target = globHasTag(glob) ? imageName : repoOnly;
      if (compiledGlob(glob).test(target)) return { rule };
    }
  }
  return {
    rule: undefined,
    allowed: policy.unmatched === 'allow',
    reason: `no rule in ${policy.source} matches ${imageName}${policy.unmatched === 'allow' ? ' (unmatched: allow)' : ''}`,
  };
}
