// Parses the image references users write into one typed form: registry references with
// Docker Hub normalisation, oci-layout:// directories, and s3lo's s3:// and local:// stores.
// Each is normalised once, here, to the identity it is fetched from: rules, dedupe and reports use it.
import path from 'node:path';
import { GateError } from './errors.js';
import { normalizeHost } from './registry/hosts.js';
import { parseS3loReference, type S3loRef } from './s3lo/reference.js';

export type ImageRef = RegistryRef | LayoutRef | S3loImageRef;

export interface RegistryRef {
  kind: 'registry';
  /** Exactly what the user wrote. */
  original: string;
  /** `registry/repository`: what policy rules match and batches deduplicate on (no tag). */
  identity: string;
  /**
   * Registry host[:port] as the client connects to it: lower case, default port dropped, IPs in
   * one spelling, `index.docker.io` for every Docker Hub alias (src/core/registry/hosts.ts).
   */
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export interface LayoutRef {
  kind: 'oci-layout';
  original: string;
  /** `oci-layout://<dir>`, the directory relative to the working directory when inside it, else absolute. */
  identity: string;
  /** The directory, lexically clean (`./a//b/` → `a/b`). */
  dir: string;
  tag?: string;
  digest?: string;
}

export interface S3loImageRef {
  kind: 's3lo';
  original: string;
  /**
   * `s3://bucket/image` or `local://<root>/image` with the root in one spelling (`./x` → `x`,
   * `../x` → `/x` when the working directory's parent is `/`). Only for matching rules: the
   * signed payload names the bucket as written, so verification and dedupe keep `original`.
   */
  identity: string;
  /** Parsed by the s3lo module, which owns s3lo's exact grammar. */
  s3lo: S3loRef;
}

export const DOCKER_HUB = 'index.docker.io';
const DIGEST_RE = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const TAG_RE = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST_RE =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;
const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'docker.io', 'registry-1.docker.io']);

function invalid(input: string, why: string): GateError {
  return new GateError('REF_INVALID', `image '${input}': ${why}`);
}

function checkDigest(input: string, digest: string): string {
  if (DIGEST_RE.test(digest)) return digest;
  const m = /^([a-z0-9]+):(.*)$/.exec(digest);
  if (!m) return throwInvalid(input, `'${digest}' is not a digest (expected sha256:<64 hex>)`);
  const [, alg, hex] = m as unknown as [string, string, string];
  if (alg !== 'sha256' && alg !== 'sha512')
    return throwInvalid(input, `digest algorithm '${alg}' is not supported (sha256 or sha512)`);
  const want = alg === 'sha256' ? 64 : 128;
  if (!/^[a-f0-9]*$/.test(hex))
    return throwInvalid(input, `'${digest}' is not a digest (lower-case hex expected)`);
  return throwInvalid(
    input,
    `'${digest}' is not a digest (expected ${want} hex characters, got ${hex.length})`,
  );
}

function throwInvalid(input: string, why: string): never {
  throw invalid(input, why);
}

/** Split `name[:tag][@digest]`, where `name` may itself contain `:` only before its last `/`. */
function splitTagDigest(
  input: string,
  rest: string,
): { name: string; tag?: string; digest?: string } {
  let name = rest;
  let digest: string | undefined;
  const at = name.indexOf('@');
  if (at >= 0) {
    digest = checkDigest(input, name.slice(at + 1));
    name = name.slice(0, at);
  }
  let tag: string | undefined;
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
    if (!TAG_RE.test(tag)) throwInvalid(input, `tag '${tag}' is not valid`);
  }
  return { name, ...(tag !== undefined ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** Whether a reference names an s3lo store (`s3://`, `local://`), before it is parsed. */
export function isS3loReference(raw: string): boolean {
  const input = raw.trim();
  return input.startsWith('s3://') || input.startsWith('local://');
}

export function parseReference(raw: string): ImageRef {
  const input = raw.trim();
  if (input === '') throw invalid(raw, 'empty reference');
  if (/\s/.test(input)) throw invalid(input, 'contains white space');
  if (input.startsWith('oci-layout://')) return parseLayout(input);
  if (isS3loReference(input)) {
    const s3lo = parseS3loReference(input);
    return { kind: 's3lo', original: input, identity: s3loIdentity(s3lo), s3lo };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input))
    throw invalid(
      input,
      'unsupported scheme (use a registry reference, oci-layout://, s3:// or local://)',
    );
  return parseRegistryRef(input);
}

function parseRegistryRef(input: string): RegistryRef {
  const { name, tag, digest } = splitTagDigest(input, input);
  const slash = name.indexOf('/');
  let registry = DOCKER_HUB;
  let repository = name;
  if (slash >= 0) {
    const first = name.slice(0, slash);
    if (isHostComponent(first)) {
      registry =
        canonicalRegistry(first) ?? throwInvalid(input, `registry host '${first}' is not valid`);
      repository = name.slice(slash + 1);
    }
  }
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  if (repository === '') throw invalid(input, 'repository name is empty');
  for (const part of repository.split('/')) {
    if (!PATH_COMPONENT_RE.test(part))
      throw invalid(
        input,
        `repository component '${part}' is not valid (lower-case letters, digits and . _ - separators)`,
      );
  }
  if (repository.length > 255)
    throw invalid(input, 'repository name is longer than 255 characters');
  const ref: RegistryRef = {
    kind: 'registry',
    original: input,
    identity: `${registry}/${repository}`,
    registry,
    repository,
  };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  if (tag === undefined && digest === undefined) ref.tag = 'latest';
  return ref;
}

function parseLayout(input: string): LayoutRef {
  const rest = input.slice('oci-layout://'.length);
  if (rest === '') throw invalid(input, 'no directory given after oci-layout://');
  let dir = rest;
  let tag: string | undefined;
  let digest: string | undefined;
  const at = dir.lastIndexOf('@');
  if (at >= 0 && /^[a-z0-9]+:/.test(dir.slice(at + 1))) {
    digest = checkDigest(input, dir.slice(at + 1));
    dir = dir.slice(0, at);
  }
  // `dir:tag@digest` as for registry references: the digest is fetched, the tag names the rule.
  const colon = dir.lastIndexOf(':');
  if (colon > dir.lastIndexOf('/')) {
    tag = dir.slice(colon + 1);
    dir = dir.slice(0, colon);
    if (!TAG_RE.test(tag)) throw invalid(input, `tag '${tag}' is not valid`);
  }
  if (dir === '') throw invalid(input, 'no directory given after oci-layout://');
  const clean = cleanLayoutPath(dir, (why) => throwInvalid(input, why));
  // `oci-layout://a/b:c/` would read `a/b:c`, whose name rules would take as `a/b` tagged `c`.
  if (clean.slice(clean.lastIndexOf('/') + 1).includes(':'))
    throw invalid(input, `directory '${clean}' ends in a name with ':', which reads as a tag`);
  const ref: LayoutRef = {
    kind: 'oci-layout',
    original: input,
    identity: `oci-layout://${layoutIdentityPath(clean)}`,
    dir: clean,
  };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** Whether the first path component of a name is a registry host, as Docker decides it. */
export function isHostComponent(first: string): boolean {
  return (
    first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')
  );
}

/**
 * `host[:port]` as the registry client connects to it (the same normalizeHost), with every Docker
 * Hub alias as `index.docker.io`; undefined when it is not a host.
 */
export function canonicalRegistry(host: string): string | undefined {
  if (!HOST_RE.test(host)) return undefined;
  const h = normalizeHost(host);
  if (h === undefined || h.includes('/')) return undefined;
  return DOCKER_HUB_ALIASES.has(h) ? DOCKER_HUB : h;
}

/**
 * `a/./b//c/` → `a/b/c`. A `..` after a directory name is refused: the OS resolves it after any
 * symlink, so the lexical name would not be the directory read.
 */
export function cleanLayoutPath(dir: string, fail: (why: string) => never): string {
  const parts = dir.split('/');
  let named = false;
  for (const p of parts) {
    if (p === '..' && named)
      fail(`'..' after a directory name in '${dir}' (write the path without it)`);
    if (p !== '' && p !== '.' && p !== '..') named = true;
  }
  const clean = path.posix.normalize(dir).replace(/(.)\/+$/, '$1');
  return clean === '' ? '.' : clean;
}

/** The directory relative to the working directory when inside it, else absolute. */
export function layoutIdentityPath(dir: string, cwd = process.cwd()): string {
  const abs = path.resolve(cwd, dir);
  const rel = path.relative(cwd, abs);
  if (rel === '') return '.';
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}

/**
 * A local:// root (one path component, as s3lo reads it) in one spelling for the directory it
 * names: `/x` when its parent is `/`, `x` when the working directory, else `../x`.
 */
export function canonicalLocalRoot(root: string, cwd = process.cwd()): string {
  const abs = path.resolve(cwd, root);
  const parent = path.dirname(abs);
  const name = path.basename(abs);
  if (parent === abs) return '/';
  if (parent === '/') return `/${name}`;
  if (parent === cwd) return name;
  if (parent === path.dirname(cwd)) return `../${name}`;
  return abs;
}

function s3loIdentity(r: S3loRef): string {
  const root = r.scheme === 'local' ? canonicalLocalRoot(r.bucket) : r.bucket;
  return `${r.scheme}://${root}/${r.image}`;
}

/** The normalised reference: identity, then the tag and digest as given. */
export function referenceIdentity(ref: ImageRef): string {
  if (ref.kind === 's3lo')
    return `${ref.identity}:${ref.s3lo.tag}${ref.s3lo.digest ? `@${ref.s3lo.digest}` : ''}`;
  return `${ref.identity}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** `registry/repository` (or the layout dir): the part a digest is pinned to. */
export function repositoryName(ref: ImageRef): string {
  switch (ref.kind) {
    case 'registry':
      return ref.identity;
    case 'oci-layout':
      return `oci-layout://${ref.dir}`;
    case 's3lo':
      return `${ref.s3lo.scheme}://${ref.s3lo.bucket}/${ref.s3lo.image}`;
  }
}

/** The reference pinned to the verified digest, for deploying exactly what was verified. */
export function pinnedReference(ref: ImageRef, digest: string): string {
  // s3lo signs tags, so its pinned form keeps the tag: image:tag@digest (checked on read).
  if (ref.kind === 's3lo') return `${repositoryName(ref)}:${ref.s3lo.tag}@${digest}`;
  return `${repositoryName(ref)}@${digest}`;
}

export function isDigest(s: string): boolean {
  return DIGEST_RE.test(s);
}
