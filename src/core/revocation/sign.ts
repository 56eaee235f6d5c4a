// `image-gate revoke`: one entry added to a list file (version bumped, `issued` now, `expires`
// kept or replaced), the file written atomically, and FILE.sigstore.json beside it: a Sigstore
// bundle v0.3 with a message signature over the file's bytes, signed with a key (a cosign.key, a
// PEM PKCS#8/SEC1/PKCS#1 key, awskms:// or hashivault://: trust/signing-key.ts). A key-signed
// list needs no log entry (docs/revocation.md).
import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import { readFile, rename, writeFile, stat } from 'node:fs/promises';
import { GateError, toGateError } from '../errors.js';
import { MEDIA_TYPES } from '../types.js';
import type { VerificationKey } from '../trust/key-types.js';
import { loadSigner } from '../trust/signing-key.js';
import { createSignatureVerifier } from '../signatures/verifier.js';
import { parseStrictJsonBytes } from '../signatures/strict-json.js';
import {
  listJson,
  parseEntry,
  parseRevocationList,
  type RevocationEntry,
  type RevocationList,
} from './list.js';
import { BUNDLE_SUFFIX } from './load.js';

export interface RevokeRequest {
  /** The list file; created when it does not exist (then `expires` is required). */
  list: string;
  /** The entry as JSON fields (kind, reason, and the kind's own), validated as a list's are. */
  entry: Record<string, unknown>;
  /** The signing key: cosign.key (COSIGN_PASSWORD), a PEM private key, awskms:// or hashivault://. */
  key: string;
  expires?: Date;
  env?: NodeJS.ProcessEnv;
  now?: Date;
}

export interface RevokeResult {
  list: string;
  bundle: string;
  version: number;
  entry: RevocationEntry;
  /** `sha256:` of the written list. */
  sha256: string;
  keyID: string;
}

export async function revoke(req: RevokeRequest): Promise<RevokeResult> {
  const env = req.env ?? process.env;
  const now = req.now ?? new Date();
  const signer = await loadSigner(req.key, { env });
  const verificationKey = signer.key;
  const current = await readCurrent(req.list, verificationKey);
  const entry = parseEntry(req.entry, req.list, 'the new entry');
  const expires = req.expires ?? current?.expires;
  if (expires === undefined)
    throw new GateError(
      'USAGE',
      `revoke: ${req.list} does not exist yet; give --expires for the new list`,
    );
  if (expires.getTime() <= now.getTime())
    throw new GateError(
      'USAGE',
      `revoke: the list would expire at ${expires.toISOString()}, which is past; give a later --expires`,
    );
  const next = {
    version: (current?.version ?? 0) + 1,
    issued: now,
    expires,
    entries: [...(current?.entries ?? []), entry],
  };
  const text = listJson(next);
  const bytes = Buffer.from(text, 'utf8');
  // The result must read back as a list: an entry given twice is refused here, naming it.
  parseRevocationList(bytes, req.list);
  const bundle = messageSignatureBundle(
    bytes,
    await signer.sign(bytes),
    verificationKey.spki,
    signer.hash ?? 'sha256',
  );
  const bundlePath = `${req.list}${BUNDLE_SUFFIX}`;
  await writeAtomically(
    req.list,
    bytes,
    bundlePath,
    Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`),
  );
  return {
    list: req.list,
    bundle: bundlePath,
    version: next.version,
    entry,
    sha256: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    keyID: verificationKey.keyID,
  };
}

/** The bundle cosign sign-blob --bundle writes for a key file, without a log entry. */
export function signedBundle(bytes: Uint8Array, key: KeyObject, spki: Uint8Array): object {
  const alg = key.asymmetricKeyType === 'ed25519' ? null : 'sha256';
  return messageSignatureBundle(bytes, sign(alg, bytes, key), spki, 'sha256');
}

/**
 * A message-signature bundle over `bytes` whose digest is `hash` (the hash the key signed under;
 * SHA-384 for a KMS P-384 key, as cosign records it). No log entry.
 */
function messageSignatureBundle(
  bytes: Uint8Array,
  signature: Uint8Array,
  spki: Uint8Array,
  hash: 'sha256' | 'sha384',
): object {
  const digest = createHash(hash).update(bytes).digest();
  return {
    mediaType: MEDIA_TYPES.bundleV03,
    verificationMaterial: {
      publicKey: { hint: createHash('sha256').update(spki).digest('base64') },
      tlogEntries: [],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    messageSignature: {
      messageDigest: {
        algorithm: hash === 'sha384' ? 'SHA2_384' : 'SHA2_256',
        digest: digest.toString('base64'),
      },
      signature: Buffer.from(signature).toString('base64'),
    },
  };
}

/**
 * The list as it is now, or undefined when the file does not exist. When its bundle exists it
 * must verify with the signing key: a list changed since it was signed is not signed again.
 */
async function readCurrent(
  list: string,
  key: VerificationKey,
): Promise<RevocationList | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(list);
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new GateError('USAGE', `revoke: cannot read ${list}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const parsed = parseRevocationList(bytes, list);
  const bundlePath = `${list}${BUNDLE_SUFFIX}`;
  let bundleBytes: Buffer | undefined;
  try {
    bundleBytes = await readFile(bundlePath);
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new GateError('USAGE', `revoke: cannot read ${bundlePath}: ${(e as Error).message}`, {
        cause: e,
      });
  }
  if (bundleBytes !== undefined) {
    try {
      const verifier = createSignatureVerifier(undefined, {
        keys: [key],
        identities: [],
        requireTlog: false,
        requireSct: false,
      });
      verifier.verifyBundle(parseStrictJsonBytes(bundleBytes), { artifact: bytes }, 'bundle-tag');
    } catch (e: unknown) {
      throw new GateError(
        'REVOCATION_LIST',
        `revoke: ${list} does not verify against ${bundlePath} with this key (${toGateError(e).message}): it was changed since it was signed, or signed by another key; not signing it again`,
        { cause: e },
      );
    }
  }
  return parsed;
}

/** Both files written beside themselves and renamed into place, the list first. */
async function writeAtomically(
  list: string,
  bytes: Uint8Array,
  bundlePath: string,
  bundle: Uint8Array,
): Promise<void> {
  const tag = `.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const mode = await stat(list).then(
    (s) => s.mode & 0o777,
    () => 0o644,
  );
  await writeFile(`${list}${tag}`, bytes, { mode, flag: 'wx' });
  await writeFile(`${bundlePath}${tag}`, bundle, { mode, flag: 'wx' });
  await rename(`${list}${tag}`, list);
  await rename(`${bundlePath}${tag}`, bundlePath);
}
