// Size, count and time bounds of the registry client (SECURITY.md section 5). Everything a
// registry sends is read against one of these before it is buffered, parsed or looped over.

export const MiB = 1024 * 1024;

/** Manifests and indexes, including referrers pages (containers/image iolimits). */
export const MAX_MANIFEST_BYTES = 4 * MiB;
/** Token service responses. */
export const MAX_TOKEN_BYTES = 1 * MiB;
/** Error bodies are only read for a message; the rest is discarded. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;
/** Referrers considered per subject, across all pages. */
export const MAX_REFERRERS = 1000;
/** Pages followed through `Link: <…>; rel="next"`. */
export const MAX_REFERRER_PAGES = 20;
/** Redirect hops per request. */
export const MAX_REDIRECTS = 10;
/** The longest `Retry-After` we are willing to sleep; a longer one ends the retries at once. */
export const MAX_RETRY_AFTER_MS = 10_000;
/** First backoff step; doubles per attempt, with jitter. */
export const RETRY_BASE_MS = 100;
/** docker-credential helpers: wall time and output size. */
export const CRED_HELPER_TIMEOUT_MS = 15_000;
export const MAX_CRED_HELPER_OUTPUT = 64 * 1024;
/** Docker config file. */
export const MAX_DOCKER_CONFIG_BYTES = 4 * MiB;

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRIES = 2;
export const DEFAULT_MAX_CONNECTIONS_PER_ORIGIN = 8;
