// Size and count limits applied to everything read from a store (SECURITY.md section 5):
// enforced while reading, before parsing, so hostile content cannot exhaust memory or time.
export const LIMITS = {
  manifestBytes: 4 * 1024 * 1024,
  payloadBytes: 4 * 1024 * 1024,
  bundleBytes: 10 * 1024 * 1024,
  /** Signatures or attestations considered per image. */
  signaturesPerImage: 100,
  /** Layers accepted in one signature manifest. */
  layersPerManifest: 1000,
} as const;
