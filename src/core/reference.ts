// Parses the image references users write into one typed form: registry references with
// Docker Hub normalisation, oci-layout:// directories, and s3lo's s3:// and local:// stores.
import { GateError } from './errors.js';
import { parseS3loReference, type S3loRef } from './s3lo/reference.js';

export type ImageRef = RegistryRef | LayoutRef | S3loImageRef;

export interface RegistryRef {
  kind: 'registry';
  /** Exactly what the user wrote. */
  original: string;
  /** Registry host[:port], normalised (`index.docker.io` for Docker Hub). */
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export interface LayoutRef {
  kind: 'oci-layout';
  original: string;
  dir: string;
  tag?: string;
  digest?: string;
}

export interface S3loImageRef {
  kind: 's3lo';
  original: string;
  /** Parsed by the s3lo module, which owns s3lo's exact grammar. */
  s3lo: S3loRef;
}

export const DOCKER_HUB = 'index.docker.io';
const DIGEST_RE = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const TAG_RE = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST_RE =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]{1,5})?$/;

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
  if (isS3loReference(input))
    return { kind: 's3lo', original: input, s3lo: parseS3loReference(input) };
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
    if (
      first.includes('.') ||
      first.includes(':') ||
      first === 'localhost' ||
      first.startsWith('[')
    ) {
      if (!HOST_RE.test(first)) throw invalid(input, `registry host '${first}' is not valid`);
      registry = first;
      repository = name.slice(slash + 1);
    }
  }
  if (registry === 'docker.io' || registry === 'registry-1.docker.io') registry = DOCKER_HUB;
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
  const ref: RegistryRef = { kind: 'registry', original: input, registry, repository };
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
  } else {
    const colon = dir.lastIndexOf(':');
    if (colon > dir.lastIndexOf('/')) {
      tag = dir.slice(colon + 1);
      dir = dir.slice(0, colon);
      if (!TAG_RE.test(tag)) throw invalid(input, `tag '${tag}' is not valid`);
    }
  }
  if (dir === '') throw invalid(input, 'no directory given after oci-layout://');
  const ref: LayoutRef = { kind: 'oci-layout', original: input, dir };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** `registry/repository` (or the layout dir): the part a digest is pinned to. */
export function repositoryName(ref: ImageRef): string {
  switch (ref.kind) {
    case 'registry':
      return `${ref.registry}/${ref.repository}`;
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
