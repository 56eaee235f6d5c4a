// ContentStore over one registry repository: manifests, blobs and OCI 1.1 referrers, each
// checked against the digest asked for or computed here, under streaming size and count caps.
import { GateError } from '../errors.js';
import type { RegistryClient } from '../registry/client.js';
import type { RepositoryGetter } from '../registry/repository.js';
import {
  assertDigest,
  computeDigest,
  digestMatches,
  isTag,
  parseDigest,
  quote,
} from '../registry/digest.js';
import type { HttpResponse } from '../registry/http.js';
import { errorDetail, ociErrors } from '../registry/http-errors.js';
import { MAX_MANIFEST_BYTES, MAX_REFERRER_PAGES, MAX_REFERRERS } from '../registry/limits.js';
import { baseMediaType, parseIndex, parseManifest } from '../registry/manifest.js';
import {
  MANIFEST_ACCEPT,
  MEDIA_TYPES,
  type ContentStore,
  type Descriptor,
  type FetchedManifest,
} from '../types.js';

export { MAX_REFERRERS } from '../registry/limits.js';

/** The content store of one repository; `registry` is host[:port] as written in the image ref. */
export function registryStore(
  client: Pick<RegistryClient, 'repository'>,
  registry: string,
  repository: string,
): RegistryStore {
  return new RegistryStore(client.repository(registry, repository));
}

export class RegistryStore implements ContentStore {
  readonly name: string;

  constructor(private readonly repo: RepositoryGetter) {
    this.name = repo.name;
  }

  async getManifest(reference: string): Promise<FetchedManifest | undefined> {
    const byDigest = reference.includes(':');
    const expected = byDigest
      ? assertDigest(reference, 'input', `manifest reference for ${this.name}`)
      : undefined;
    if (!byDigest && !isTag(reference)) {
      throw new GateError(
        'USAGE',
        `manifest reference for ${this.name}: ${quote(reference)} is neither a tag nor a digest`,
      );
    }
    const what = `manifest ${this.name}${byDigest ? '@' : ':'}${reference}`;
    const res = await this.repo.get(`/v2/${this.repo.repository}/manifests/${reference}`, {
      accept: MANIFEST_ACCEPT.join(', '),
      maxBytes: MAX_MANIFEST_BYTES,
      what,
    });
    if (res.status === 404) return undefined;
    this.expectOk(res, what);
    const bytes = res.body;
    let digest: string;
    if (expected) {
      if (!digestMatches(bytes, expected)) {
        throw new GateError(
          'DIGEST_MISMATCH',
          `${what}: registry returned bytes that hash to ${computeDigest(bytes, expected.algorithm)}`,
        );
      }
      digest = reference;
    } else {
      digest = computeDigest(bytes);
    }
    const header = res.headers.get('docker-content-digest');
    if (header !== null) {
      const claimed = parseDigest(header.trim());
      // The digest just computed or checked answers a claim in its own algorithm (the usual
      // case): the bytes are hashed once, not again for the header.
      const agrees =
        claimed !== undefined &&
        (digest.startsWith(`${claimed.algorithm}:`)
          ? digest === `${claimed.algorithm}:${claimed.hex}`
          : digestMatches(bytes, claimed));
      if (!agrees) {
        throw new GateError(
          'DIGEST_MISMATCH',
          `${what}: Docker-Content-Digest ${quote(header)} does not match the received bytes (${digest})`,
        );
      }
    }
    const { manifest, mediaType } = parseManifest(
      bytes,
      res.headers.get('content-type') ?? undefined,
      what,
    );
    return { digest, mediaType, bytes, manifest };
  }

  /** Whether the registry counts manifest GETs as pulls (then batch.ts resolves tags by HEAD). */
  countsPulls(): boolean {
    return this.repo.countsPulls?.() ?? false;
  }

  /**
   * A tag's digest by HEAD (`Docker-Content-Digest`), which Docker Hub does not count as a pull;
   * undefined when the registry says the tag does not exist. The manifest itself is then fetched
   * by that digest and checked against it (getManifest), once per digest in the run. A HEAD
   * without a well-formed digest header falls back to GET, which hashes what it receives.
   */
  async resolve(tag: string): Promise<{ digest: string; fetched?: FetchedManifest } | undefined> {
    if (!isTag(tag))
      throw new GateError(
        'USAGE',
        `manifest reference for ${this.name}: ${quote(tag)} is not a tag`,
      );
    const what = `manifest ${this.name}:${tag}`;
    const res = await this.repo.get(`/v2/${this.repo.repository}/manifests/${tag}`, {
      accept: MANIFEST_ACCEPT.join(', '),
      maxBytes: MAX_MANIFEST_BYTES,
      what,
      method: 'HEAD',
    });
    if (res.status === 404) return undefined;
    this.expectOk(res, what);
    const header = res.headers.get('docker-content-digest')?.trim();
    if (header !== undefined && parseDigest(header)) return { digest: header };
    const fetched = await this.getManifest(tag);
    return fetched ? { digest: fetched.digest, fetched } : undefined;
  }

  async getBlob(digest: string, maxBytes: number): Promise<Uint8Array> {
    const expected = assertDigest(digest, 'content', `blob digest in ${this.name}`);
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0)
      throw new GateError('INTERNAL', `blob size cap ${maxBytes} is not a byte count`);
    const what = `blob ${this.name}@${digest}`;
    const res = await this.repo.get(`/v2/${this.repo.repository}/blobs/${digest}`, {
      accept: '*/*',
      maxBytes,
      what,
    });
    if (res.status === 404) throw new GateError('NOT_FOUND', `${what}: not found`);
    this.expectOk(res, what);
    if (!digestMatches(res.body, expected)) {
      throw new GateError(
        'DIGEST_MISMATCH',
        `${what}: registry returned bytes that hash to ${computeDigest(res.body, expected.algorithm)}`,
      );
    }
    return res.body;
  }

  async getReferrers(digest: string, artifactType?: string): Promise<Descriptor[] | undefined> {
    assertDigest(digest, 'input', `referrers subject in ${this.name}`);
    const api = this.repo.referrersApi;
    if (!api) return this.listReferrers(digest, artifactType);
    while (api.known === undefined && api.probe) await api.probe;
    if (api.known === 'absent') return undefined;
    if (api.known === 'present') return this.listReferrers(digest, artifactType);
    // This call is the probe; an error leaves the question open for the next image.
    let settle = (): void => undefined;
    api.probe = new Promise<void>((r) => (settle = r));
    try {
      return await this.listReferrers(digest, artifactType);
    } finally {
      api.probe = undefined;
      settle();
    }
  }

  /**
   * The referrers of `digest` of `artifactType` (filtered here whatever the registry did), or
   * undefined for "use the tag schema". Records in referrersApi what the answer showed.
   */
  private async listReferrers(
    digest: string,
    artifactType?: string,
  ): Promise<Descriptor[] | undefined> {
    const api = this.repo.referrersApi;
    const ask =
      artifactType !== undefined && api?.filter !== 'unreliable' ? artifactType : undefined;
    const got = await this.fetchReferrers(digest, ask);
    // A redirect into a rate-limited API settles it for the run; a registry that has shown the
    // API is not taken for one without it by a later odd answer (which still falls back).
    if (got === 'no-api' || got === 'elsewhere') {
      if (api && (got === 'elsewhere' || api.known === undefined)) api.known = 'absent';
      return undefined;
    }
    // The API exists but does not know this repository or subject (yet): this image falls back
    // to the tag schema, and the registry is not taken for one without the API.
    if (got === 'not-known') return undefined;
    if (api) api.known = 'present';
    let list = keepReferrers(got.entries, artifactType);
    // A filter the registry says it applied, with nothing left: it may have matched another
    // field (Harbor before 2.11 compares the config media type, which for a cosign bundle is the
    // empty type). Ask once more without it; a filter that hid entries is not used again.
    if (ask !== undefined && got.filtered && list.length === 0 && api?.filter !== 'reliable') {
      const all = await this.fetchReferrers(digest, undefined);
      if (typeof all !== 'string') {
        list = keepReferrers(all.entries, artifactType);
        if (list.length > 0 && api) api.filter = 'unreliable';
      }
    } else if (ask !== undefined && got.filtered && list.length > 0 && api) {
      api.filter ??= 'reliable';
    }
    return list;
  }

  private async fetchReferrers(
    digest: string,
    artifactType?: string,
  ): Promise<'no-api' | 'elsewhere' | 'not-known' | { entries: Descriptor[]; filtered: boolean }> {
    const what = `referrers of ${this.name}@${digest}`;
    const first = `/v2/${this.repo.repository}/referrers/${digest}`;
    let path =
      artifactType !== undefined
        ? `${first}?artifactType=${encodeURIComponent(artifactType)}`
        : first;
    const all: Descriptor[] = [];
    let filtered = true;
    for (let page = 1; ; page++) {
      const res = await this.repo.get(path, {
        accept: MEDIA_TYPES.ociIndex,
        maxBytes: MAX_MANIFEST_BYTES,
        what,
        offOrigin429: 'return',
      });
      // 404 means "no referrers API" (spec: supporting registries never 404); the caller falls back.
      // Registries without it also answer 400, 405 or 406, or 200 with something that is not an
      // index (a web page): go-containerregistry, which cosign uses, falls back on all of them
      // (pkg/v1/remote/referrers.go; google/go-containerregistry#1962 for the 406).
      // A 404 or 400 whose OCI error names the repository or the subject comes from the API
      // itself (oras-go registry/remote/repository.go reads 404 NAME_UNKNOWN so; Quay answers an
      // unknown subject with 400 MANIFEST_INVALID, endpoints/v2/referrers.py).
      if (page === 1 && NO_REFERRERS_API.has(res.status))
        return ociErrorCodes(res).some((c) => API_ERROR_CODES.has(c)) ? 'not-known' : 'no-api';
      if (page === 1 && res.status === 200 && !isIndexContentType(res)) return 'no-api';
      // GHCR answers 303 into github.com's packages API, which is heavily rate-limited (429) and
      // is not the registry (artifacthub/hub#4785): the tag schema serves the same referrers, so
      // it is used for this registry for the rest of the run.
      if (res.status === 429 && res.url.origin !== this.repo.origin) return 'elsewhere';
      this.expectOk(res, what);
      // Harbor before 2.11 answers `{}` for a subject it does not know (referrers.go at v2.10.0):
      // no entries, which can only leave signatures out.
      const entries = isEmptyObject(res.body)
        ? []
        : parseIndex(res.body, what, MAX_REFERRERS - all.length);
      all.push(...entries);
      if (!appliedFilters(res).includes('artifactType')) filtered = false;
      const next = nextLink(res.headers.get('link'));
      if (next === undefined) break;
      if (page >= MAX_REFERRER_PAGES) {
        throw new GateError('LIMIT_EXCEEDED', `${what}: more than ${MAX_REFERRER_PAGES} pages`);
      }
      path = this.sameRepositoryPath(next, first, what);
    }
    return { entries: all, filtered: artifactType !== undefined && filtered };
  }

  private expectOk(res: HttpResponse, what: string): void {
    if (res.status === 200) return;
    throw new GateError(
      'REGISTRY_ERROR',
      `${what}: unexpected HTTP ${res.status}${errorDetail(res)}`,
    );
  }

  /** A `Link` next page must stay on the registry and on this subject's referrers path. */
  private sameRepositoryPath(link: string, first: string, what: string): string {
    let u: URL;
    try {
      u = new URL(link, this.repo.origin + first);
    } catch (e: unknown) {
      throw new GateError('REGISTRY_ERROR', `${what}: next-page link ${quote(link)} is not a URL`, {
        cause: e,
      });
    }
    if (u.origin !== this.repo.origin || u.pathname !== first) {
      throw new GateError(
        'REGISTRY_ERROR',
        `${what}: next-page link ${quote(link)} leaves ${this.repo.origin}${first}`,
      );
    }
    return `${u.pathname}${u.search}`;
  }
}

/** Answers to the referrers endpoint that mean "no referrers API here" (see fetchReferrers). */
const NO_REFERRERS_API = new Set([400, 404, 405, 406]);
/** OCI error codes by which the referrers API itself says it does not know the name or subject. */
const API_ERROR_CODES = new Set(['NAME_UNKNOWN', 'MANIFEST_UNKNOWN', 'MANIFEST_INVALID']);

/**
 * Filter here even when the registry claims it did (OCI-Filters-Applied): the list is
 * unauthenticated. An entry listing the OCI empty config type is kept too: Harbor lists the
 * config media type in place of artifactType (goharbor/harbor#19867), as did cosign's own
 * fallback indexes (sigstore/cosign#4422), and a manifest written with artifactType has the
 * empty config; the caller reads the manifest's own artifactType.
 */
function keepReferrers(all: Descriptor[], artifactType: string | undefined): Descriptor[] {
  return artifactType === undefined
    ? all
    : all.filter((d) => d.artifactType === artifactType || d.artifactType === MEDIA_TYPES.ociEmpty);
}

/** The `code`s of an OCI error body (`{"errors":[{"code":…}]}`); none if it is not one. */
function ociErrorCodes(res: HttpResponse): string[] {
  if (res.body.length > 64 * 1024) return [];
  return ociErrors(res.body).flatMap((e) => (typeof e.code === 'string' ? [e.code] : []));
}

/** `OCI-Filters-Applied`, a comma-separated list (distribution-spec "Listing Referrers"). */
function appliedFilters(res: HttpResponse): string[] {
  const h = res.headers.get('oci-filters-applied');
  return h === null ? [] : h.split(',').map((f) => f.trim());
}

/** A body that is exactly a JSON object with no members (`{}`, whitespace allowed). */
function isEmptyObject(body: Uint8Array): boolean {
  if (body.length > 64) return false;
  return /^\s*\{\s*\}\s*$/.test(new TextDecoder().decode(body));
}

function isIndexContentType(res: HttpResponse): boolean {
  const ct = res.headers.get('content-type');
  return ct === null || baseMediaType(ct) === MEDIA_TYPES.ociIndex;
}

/** Target of `rel="next"` in a Link header (RFC 8288), if any. */
export function nextLink(header: string | null): string | undefined {
  if (header === null) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*(.*)$/.exec(part);
    if (!m) continue;
    if (/(^|;)\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(m[2])) return m[1];
  }
  return undefined;
}
