// What a content store needs from the registry client for one repository: an authenticated,
// repository-scoped GET, and what the run has learnt about the registry's referrers API. Its own
// file so that sources/registry.ts and client.ts do not import each other.
import type { HttpResponse } from './http.js';

/** A repository-scoped, authenticated GET, as the content store needs it. */
export interface RepositoryGetter {
  /** `registry/repository` as the user would write it. */
  readonly name: string;
  readonly repository: string;
  /** Origin of the registry API, e.g. `https://ghcr.io`. */
  readonly origin: string;
  /** GET `pathAndQuery` on the registry origin; returns 2xx and 404 (others are thrown or returned as-is). */
  get(
    pathAndQuery: string,
    opts: {
      accept: string;
      maxBytes: number;
      what: string;
      /** Default GET. */
      method?: 'GET' | 'HEAD';
      /** See HttpRequest.offOrigin429. */
      offOrigin429?: 'return';
    },
  ): Promise<HttpResponse>;
  /**
   * Whether the registry counts manifest GETs against a pull limit (Docker Hub, or one that
   * advertised `ratelimit-remaining` in this run): tags are then resolved with HEAD.
   */
  countsPulls?(): boolean;
  /** What this run has learnt about the registry's referrers API; shared by its repositories. */
  readonly referrersApi?: ReferrersApiState;
}

/**
 * Whether a registry serves the OCI 1.1 referrers API, learnt from the first answer. A registry
 * with the API never answers 404 (distribution-spec), so one 404 settles it for the run and each
 * later image saves that request; forgetting signatures this way can only fail closed.
 */
export interface ReferrersApiState {
  known?: 'present' | 'absent';
  /**
   * Whether the registry's `?artifactType=` filter can be trusted to leave nothing out: Harbor
   * before 2.11 filters by the config media type and says `OCI-Filters-Applied: artifactType`
   * (goharbor/harbor src/server/registry/referrers.go at v2.10.0), so an empty filtered list is
   * asked again unfiltered; one that hid entries is not used again for the registry, one that
   * found some needs no second look.
   */
  filter?: 'reliable' | 'unreliable';
  /** The first request still in flight: others wait for it instead of each paying a 404. */
  probe?: Promise<void>;
}

/** One repository's authenticated requests of any method (a push: blob uploads, manifest PUTs). */
export interface RepositoryWriter {
  readonly name: string;
  readonly repository: string;
  readonly origin: string;
  /** Returns every answer but 401/403 (AUTH_REFUSED); a POST or PUT is sent once. */
  send(o: {
    method: 'GET' | 'HEAD' | 'POST' | 'PUT';
    /** A path and query on the origin, or an absolute URL on it (an upload's Location). */
    pathAndQuery: string;
    headers: Record<string, string>;
    body?: Uint8Array;
    maxBytes: number;
    what: string;
    /** See HttpRequest.offOrigin429. */
    offOrigin429?: 'return';
  }): Promise<HttpResponse>;
}
