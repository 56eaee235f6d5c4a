// Reads builder and source facts out of a verified SLSA provenance predicate, v0.2 or v1, into
// one shape so the same builder-id / source-repository / source-ref rules apply to both layouts.
import { PREDICATE } from './types.js';

export interface ProvenanceFacts {
  builderId?: string;
  /** `https://github.com/owner/repo`: no `git+` prefix, no `@ref`, no `.git`. */
  sourceRepository?: string;
  sourceRef?: string;
  sourceDigest?: string;
  /** Workflow file or entry point, for the report. */
  entryPoint?: string;
}

/**
 * v0.2: `builder.id`; source from `invocation.configSource` (`uri` = `git+https://…@refs/…`,
 * `digest.sha1`, `entryPoint`), else the first material. v1: `runDetails.builder.id`; source from
 * `buildDefinition.externalParameters.workflow` (GitHub Actions build type:
 * `{repository, ref, path}`), else the first `resolvedDependencies` entry with a git URI.
 */
export function provenanceFacts(predicateType: string, predicate: unknown): ProvenanceFacts {
  const p = obj(predicate);
  if (predicateType === PREDICATE.slsaV02) {
    const facts: ProvenanceFacts = {};
    const builderId = str(obj(p['builder'])['id']);
    if (builderId) facts.builderId = builderId;
    const config = obj(obj(p['invocation'])['configSource']);
    const materials = arr(p['materials']).map(obj);
    const fromConfig = str(config['uri']);
    const source = fromConfig
      ? { uri: fromConfig, digest: obj(config['digest']) }
      : materials.length > 0
        ? { uri: str(materials[0]['uri']), digest: obj(materials[0]['digest']) }
        : undefined;
    if (source?.uri) Object.assign(facts, splitGitUri(source.uri));
    const digest = source
      ? (str(source.digest['sha1']) ?? str(source.digest['gitCommit']))
      : undefined;
    if (digest) facts.sourceDigest = digest;
    const entry = str(config['entryPoint']);
    if (entry) facts.entryPoint = entry;
    return facts;
  }
  if (predicateType === PREDICATE.slsaV1) {
    const facts: ProvenanceFacts = {};
    const builderId = str(obj(obj(p['runDetails'])['builder'])['id']);
    if (builderId) facts.builderId = builderId;
    const def = obj(p['buildDefinition']);
    const workflow = obj(obj(def['externalParameters'])['workflow']);
    const deps = arr(def['resolvedDependencies']).map(obj);
    const gitDep = deps.find((d) => (str(d['uri']) ?? '').startsWith('git+'));
    const repo = str(workflow['repository']);
    if (repo) {
      facts.sourceRepository = normaliseRepo(repo);
      const ref = str(workflow['ref']);
      if (ref) facts.sourceRef = ref;
      const path = str(workflow['path']);
      if (path) facts.entryPoint = path;
    } else if (gitDep) Object.assign(facts, splitGitUri(str(gitDep['uri'])!));
    const digest = gitDep
      ? (str(obj(gitDep['digest'])['gitCommit']) ?? str(obj(gitDep['digest'])['sha1']))
      : undefined;
    if (digest) facts.sourceDigest = digest;
    return facts;
  }
  return {};
}

/** `git+https://github.com/o/r@refs/heads/main` → repository and ref. */
function splitGitUri(uri: string): { sourceRepository: string; sourceRef?: string } {
  const noScheme = uri.replace(/^git\+/, '');
  // The ref follows the last '@' after the host part (user@host URIs keep theirs).
  const hostStart = noScheme.indexOf('://') + 3;
  const at = noScheme.lastIndexOf('@');
  if (at > hostStart && noScheme.indexOf('/', hostStart) < at) {
    return {
      sourceRepository: normaliseRepo(noScheme.slice(0, at)),
      sourceRef: noScheme.slice(at + 1),
    };
  }
  return { sourceRepository: normaliseRepo(noScheme) };
}

function normaliseRepo(uri: string): string {
  return uri
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
