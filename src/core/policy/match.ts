// Which policy-file rule governs an image: rule globs normalised like image references, and the
// first rule whose globs match the image's name. No YAML here: a run without a policy file never
// loads the parser (file.ts).
import { GateError } from '../errors.js';
import {
  canonicalLocalRoot,
  canonicalRegistry,
  cleanLayoutPath,
  DOCKER_HUB,
  isHostComponent,
  layoutIdentityPath,
  type ImageRef,
} from '../reference.js';
import { localRootPrefix } from '../s3lo/reference.js';
import type { ImagePolicy, PolicyFile, RuleSpec, RunPolicy } from './types.js';

const WILDCARD = /[*?]/;

function badGlob(glob: string, why: string): never {
  throw new GateError('USAGE', `'${glob}' ${why}`);
}

/**
 * A rule glob in the form image identities take (src/core/reference.ts), so that a rule written
 * the way people write images matches every spelling of them: `nginx` →
 * `index.docker.io/library/nginx`, `GHCR.IO:443/acme/*` → `ghcr.io/acme/*`, `127.000.000.001:5000/x`
 * → `127.0.0.1:5000/x`, `oci-layout://./build//app/` → `oci-layout://build/app`,
 * `local://./store/**` → `local://store/**`. A host, layout directory or local root written with
 * wildcards is only lower-cased (hosts) or cleaned (paths). Throws USAGE for a glob that is not one.
 */
export function normaliseGlob(glob: string): string {
  if (glob.startsWith('oci-layout://')) {
    const p = glob.slice('oci-layout://'.length);
    if (p === '') badGlob(glob, 'names no directory');
    const clean = cleanLayoutPath(p, (why) => badGlob(glob, why));
    return `oci-layout://${WILDCARD.test(clean.split('/')[0]) ? clean : layoutIdentityPath(clean)}`;
  }
  if (glob.startsWith('local://')) return normaliseLocalGlob(glob);
  if (glob.startsWith('s3://')) return glob;
  const slash = glob.indexOf('/');
  const first = slash < 0 ? glob : glob.slice(0, slash);
  // `nginx*`, `nginx:1.*`: one component is a Docker Hub library name, wildcards or not; only a
  // leading `**` (every image, `**:prod`) spans registries.
  if (WILDCARD.test(first) && slash < 0 && !glob.startsWith('**'))
    return `${DOCKER_HUB}/library/${glob}`;
  // `acme-*/app`: a Docker Hub namespace (docker.io/acme-team/app) or a registry host
  // (acme-evil.example/app)? Read either way, the other would be governed by the wrong rule or
  // by none: refused. Past two components the first is a host (Docker Hub nests no deeper), and
  // a bare `*` or `**` spans registries, as before.
  if (
    slash >= 0 &&
    WILDCARD.test(first) &&
    !isHostComponent(first) &&
    !/^\*{1,2}$/.test(first) &&
    glob.indexOf('/', slash + 1) < 0
  )
    badGlob(
      glob,
      `is ambiguous: '${first}' may be a registry host or a Docker Hub namespace; write ${DOCKER_HUB}/${glob} for Docker Hub, or the host with a '.' or ':' (e.g. ${first}.example/...)`,
    );
  if (WILDCARD.test(first)) return slash >= 0 && isHostComponent(first) ? lowerHost(glob) : glob;
  if (slash < 0 || !isHostComponent(first))
    return slash < 0 ? `${DOCKER_HUB}/library/${glob}` : `${DOCKER_HUB}/${glob}`;
  // Hosts are canonical as in parseReference, the same normalisation the registry client uses.
  const host =
    canonicalRegistry(first) ?? badGlob(glob, `has a registry host '${first}' that is not valid`);
  const rest = glob.slice(slash + 1);
  if (host === DOCKER_HUB)
    return rest.includes('/') || rest.includes('**')
      ? `${DOCKER_HUB}/${rest}`
      : `${DOCKER_HUB}/library/${rest}`;
  return `${host}/${rest}`;
}

/** `*.ACME.example:443/x` → `*.acme.example/x`: no wildcard host can mean a case or port 443. */
function lowerHost(glob: string): string {
  const slash = glob.indexOf('/');
  return `${glob
    .slice(0, slash)
    .toLowerCase()
    .replace(/:0*443$/, '')}${glob.slice(slash)}`;
}

/** local:// roots are one path component (s3lo's grammar), spelt as canonicalLocalRoot does. */
function normaliseLocalGlob(glob: string): string {
  const rest = glob.slice('local://'.length);
  const i = rest.indexOf('/', localRootPrefix(rest));
  if (i < 0) return glob;
  const root = rest.slice(0, i);
  if (WILDCARD.test(root)) return glob;
  return `local://${canonicalLocalRoot(root)}/${rest.slice(i + 1)}`;
}

/**
 * Why a glob (as written) could never match any image identity, or undefined. Rules that never
 * match are refused: under `unmatched: allow` they would let the images they meant through.
 */
export function globNeverMatches(glob: string): string | undefined {
  if (glob.startsWith('oci-layout://')) return undefined;
  const scheme = /^(s3|local):\/\//.exec(glob);
  const rest = scheme ? glob.slice(scheme[0].length) : glob;
  const segments = rest.split('/');
  // s3lo: bucket/root, then the image path; registry: host (or not), then the repository.
  const path = scheme
    ? segments.slice(1)
    : isHostComponent(segments[0]) && segments.length > 1
      ? segments.slice(1)
      : segments;
  if (scheme && scheme[1] === 'local' && /^\.{0,2}$/.test(segments[0]) && segments.length > 1)
    path.shift();
  if (path.some((p) => p === '' || p === '.' || p === '..'))
    return 'has an empty, . or .. path component, which no image name has';
  if (!scheme) {
    const last = path[path.length - 1];
    const repo = [...path.slice(0, -1), last.split(':')[0]];
    if (repo.some((p) => /[A-Z]/.test(p)))
      return 'has upper-case letters in the repository, which image references never have';
  }
  return undefined;
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

/**
 * The name rules match against: the image's identity (`registry/repository`, `oci-layout://dir`,
 * `s3://bucket/image`, `local://root/image`, normalised in src/core/reference.ts) and `:tag`.
 */
export function policyImageName(ref: ImageRef): string {
  const tag = ref.kind === 's3lo' ? ref.s3lo.tag : ref.tag;
  return `${ref.identity}${tag !== undefined ? `:${tag}` : ''}`;
}

export type RuleMatch<R = RuleSpec> =
  { rule: R } | { rule: undefined; allowed: boolean; reason: string };

/** The first rule whose images match; else the file's `unmatched` decision, with a reason. */
export function matchPolicyRule(policy: PolicyFile, imageName: string): RuleMatch {
  const rule = firstMatch(policy.rules, (r) => r.images, imageName);
  return rule ? { rule } : unmatched(policy.source, policy.unmatched, imageName);
}

/** The ImagePolicy that governs an image, or why none does (and whether it may pass anyway). */
export function selectRule(run: RunPolicy, ref: ImageRef): RuleMatch<ImagePolicy> {
  const name = policyImageName(ref);
  const rule = firstMatch(run.rules, (r) => r.match, name);
  return rule ? { rule } : unmatched(run.file?.source ?? 'the policy', run.unmatched, name);
}

function firstMatch<R>(rules: R[], globsOf: (r: R) => string[], imageName: string): R | undefined {
  const tagAt = imageName.lastIndexOf(':');
  const slashAt = imageName.lastIndexOf('/');
  const repoOnly = tagAt > slashAt ? imageName.slice(0, tagAt) : imageName;
  for (const rule of rules) {
    for (const glob of globsOf(rule)) {
      const target = globHasTag(glob) ? imageName : repoOnly;
      if (compiledGlob(glob).test(target)) return rule;
    }
  }
  return undefined;
}

function unmatched(
  source: string,
  decision: 'fail' | 'allow',
  imageName: string,
): { rule: undefined; allowed: boolean; reason: string } {
  return {
    rule: undefined,
    allowed: decision === 'allow',
    reason: `no rule in ${source} matches ${imageName}${decision === 'allow' ? ' (unmatched: allow)' : ''}`,
  };
}
