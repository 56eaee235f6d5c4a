// The registry client's bounds under the names its modules use: a view of the one table in
// src/core/limits.ts (LIMITS), plus the client's defaults for run settings.
import { LIMITS } from '../limits.js';

/** Manifests and indexes, including referrers pages (containers/image iolimits). */
export const MAX_MANIFEST_BYTES = LIMITS.manifestBytes;
export const MAX_TOKEN_BYTES = LIMITS.tokenBytes;
export const MAX_ERROR_BODY_BYTES = LIMITS.errorBodyBytes;
export const MAX_REFERRERS = LIMITS.referrers;
export const MAX_REFERRER_PAGES = LIMITS.referrerPages;
export const MAX_REDIRECTS = LIMITS.registryRedirects;
export const MAX_RETRY_AFTER_MS = LIMITS.retryAfterMs;
export const RETRY_BASE_MS = LIMITS.retryBaseMs;
export const CRED_HELPER_TIMEOUT_MS = LIMITS.credHelperTimeoutMs;
export const MAX_CRED_HELPER_OUTPUT = LIMITS.credHelperOutputBytes;
export const MAX_DOCKER_CONFIG_BYTES = LIMITS.dockerConfigBytes;

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRIES = 2;
export const DEFAULT_MAX_CONNECTIONS_PER_ORIGIN = 32;
