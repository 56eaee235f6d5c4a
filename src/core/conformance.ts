// sigstore-conformance `verify-bundle`: one bundle against one artifact (a file, or a bare
// `sha256:` digest) with an exact identity+issuer or a public key, through our one verifier.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { GateError } from './errors.js';
import { LIMITS, readFileCapped } from './limits.js';
import type { SignerPolicy } from './signatures/signer-policy.js';
import { createSignatureVerifier } from './signatures/verifier.js';
import { loadKey } from './trust/keys.js';
import { loadTrustedRoot } from './trust/root.js';
import type { SignatureEvidence } from './types.js';

export interface VerifyBundleArtifactOptions {
  bundlePath: string;
  /** A file path, or `sha256:<64 hex>` that is not an existing path (then a digest). */
  artifact: string;
  /** Exact certificate SAN (keyless). */
  identity?: string;
  /** Exact OIDC issuer (keyless). */
  issuer?: string;
  /** Public key file (key mode); excludes identity/issuer. */
  keyPath?: string;
  trustedRootPath?: string;
  offline?: boolean;
  /** Default true; false accepts a bundle without a log entry (key mode only makes sense). */
  requireTlog?: boolean;
}

const MAX_BUNDLE_BYTES = LIMITS.bundleBytes;

export async function verifyBundleArtifact(
  opts: VerifyBundleArtifactOptions,
): Promise<SignatureEvidence> {
  const policy = await policyFor(opts);
  const subject = await readSubject(opts.artifact);
  const bundleJson = await readBundle(opts.bundlePath);
  const root = await loadTrustedRoot({
    ...(opts.trustedRootPath !== undefined ? { trustedRootPath: opts.trustedRootPath } : {}),
    ...(opts.offline !== undefined ? { offline: opts.offline } : {}),
  });
  const verifier = createSignatureVerifier(root, policy);
  const evidence = verifier.verifyBundle(bundleJson, subject, 'bundle-tag');
  delete evidence.statement;
  return evidence;
}

async function policyFor(opts: VerifyBundleArtifactOptions): Promise<SignerPolicy> {
  const base = { requireTlog: opts.requireTlog ?? true, requireSct: true };
  if (opts.keyPath !== undefined) {
    if (opts.identity !== undefined || opts.issuer !== undefined) {
      throw new GateError(
        'USAGE',
        'verify-bundle: --key excludes --certificate-identity/--certificate-oidc-issuer',
      );
    }
    return { ...base, keys: [await loadKey(opts.keyPath)], identities: [] };
  }
  if (!opts.identity || !opts.issuer) {
    throw new GateError(
      'USAGE',
      'verify-bundle: keyless verification needs both --certificate-identity and --certificate-oidc-issuer (or --key)',
    );
  }
  return {
    ...base,
    keys: [],
    identities: [{ subject: { exact: opts.identity }, issuer: { exact: opts.issuer } }],
  };
}

async function readSubject(
  artifact: string,
): Promise<{ digest: string } | { artifact: Uint8Array }> {
  // The conformance rule: a digest-shaped argument is a digest unless a file by that name exists.
  if (/^sha256:[a-f0-9]{64}$/.test(artifact) && !existsSync(artifact)) return { digest: artifact };
  try {
    return { artifact: await readFile(artifact) };
  } catch (e: unknown) {
    const why = e instanceof Error ? e.message : String(e);
    throw new GateError('USAGE', `verify-bundle: cannot read artifact ${artifact}: ${why}`, {
      cause: e,
    });
  }
}

async function readBundle(path: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    const read = await readFileCapped(path, MAX_BUNDLE_BYTES);
    if (read.over)
      throw new GateError(
        'LIMIT_EXCEEDED',
        `verify-bundle: bundle ${path} is larger than ${MAX_BUNDLE_BYTES} bytes (limit ${MAX_BUNDLE_BYTES})`,
      );
    bytes = read.bytes;
  } catch (e: unknown) {
    if (e instanceof GateError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new GateError('USAGE', `verify-bundle: cannot read bundle ${path}: ${why}`, { cause: e });
  }
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (e: unknown) {
    // The bundle is evidence an attacker can write: not parsing is a verdict, not an outage.
    throw new GateError('MALFORMED', `verify-bundle: bundle ${path} is not JSON`, { cause: e });
  }
}
