// Test fixtures for s3lo stores: key pairs, images and signature records written in s3lo's exact
// layout and bytes (what `s3lo push` + `s3lo sign` leave behind), into a directory or an S3 bucket.
import { createHash, generateKeyPairSync, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { signEd25519ph } from '../../src/core/s3lo/ed25519ph.js';
import { s3loAlgorithmLabel, s3loKeyID, type S3loRecord } from '../../src/core/s3lo/record.js';
import {
  manifestKey,
  s3loSigningPayload,
  signatureKey,
  type S3loRef,
} from '../../src/core/s3lo/reference.js';
import type { VerificationKey } from '../../src/core/trust/key-types.js';

export type TestKeyType =
  'ecdsa-p256' | 'ecdsa-p384' | 'ecdsa-p521' | 'rsa-2048' | 'rsa-3072' | 'ed25519';

export interface TestKey {
  type: TestKeyType;
  privateKey: KeyObject;
  /** What the verifier gets, built directly (loadKey is tested elsewhere). */
  key: VerificationKey;
}

export function makeTestKey(type: TestKeyType, keyRef = `${type}.pub`): TestKey {
  const pair =
    type === 'ed25519'
      ? generateKeyPairSync('ed25519')
      : type.startsWith('rsa-')
        ? generateKeyPairSync('rsa', { modulusLength: Number(type.slice(4)) })
        : generateKeyPairSync('ec', { namedCurve: `P-${type.slice('ecdsa-p'.length)}` });
  const spki = pair.publicKey.export({ type: 'spki', format: 'der' });
  return {
    type,
    privateKey: pair.privateKey,
    key: {
      keyRef,
      keyID: s3loKeyID(pair.publicKey),
      publicKey: pair.publicKey,
      spki,
      pem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      algorithm: type.startsWith('rsa-') ? 'rsa' : type,
    },
  };
}

/**
 * The raw signature `s3lo sign` makes with a cosign key of this type: sigstore's default signer
 * hashes ECDSA by curve (SHA-256/384/512, DER), RSA with PKCS#1 v1.5 SHA-256, Ed25519 as Ed25519ph.
 */
export function s3loRawSignature(
  signer: TestKey,
  payload: Uint8Array,
  opts: { pureEd25519?: boolean } = {},
): Buffer {
  switch (signer.type) {
    case 'ecdsa-p256':
      return cryptoSign('sha256', payload, { key: signer.privateKey, dsaEncoding: 'der' });
    case 'ecdsa-p384':
      return cryptoSign('sha384', payload, { key: signer.privateKey, dsaEncoding: 'der' });
    case 'ecdsa-p521':
      return cryptoSign('sha512', payload, { key: signer.privateKey, dsaEncoding: 'der' });
    case 'rsa-2048':
    case 'rsa-3072':
      return cryptoSign('sha256', payload, signer.privateKey);
    case 'ed25519': {
      if (opts.pureEd25519 === true) return cryptoSign(null, payload, signer.privateKey);
      const seed = Buffer.from(signer.privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
      return signEd25519ph(seed, payload);
    }
  }
}

/** Go's json.Marshal string escaping: HTML-safe (<, >, &) and U+2028/U+2029 escaped. */
function goJSONString(s: string): string {
  return JSON.stringify(s).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Bytes of a record exactly as Go marshals s3lo's SignatureRecord (field order, no spaces). */
export function encodeS3loRecord(rec: S3loRecord): Buffer {
  const fields: [keyof S3loRecord, string][] = [
    ['schemaVersion', String(rec.schemaVersion)],
    ['digest', goJSONString(rec.digest)],
    ['keyRef', goJSONString(rec.keyRef)],
    ['keyID', goJSONString(rec.keyID)],
    ['algorithm', goJSONString(rec.algorithm)],
    ['signature', goJSONString(rec.signature)],
    ['signedAt', goJSONString(rec.signedAt)],
  ];
  return Buffer.from(`{${fields.map(([k, v]) => `"${k}":${v}`).join(',')}}`, 'utf8');
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** `time.Now().UTC().Truncate(time.Second).Format(time.RFC3339)` */
export function goRFC3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface SignOptions {
  /** As the signer wrote it on the command line; s3lo stores it verbatim. */
  keyRef?: string;
  signedAt?: Date;
  pureEd25519?: boolean;
}

/** What `s3lo sign <ref> --key <signer>` computes for these manifest bytes: record key and bytes. */
export function s3loSignRecord(
  ref: S3loRef,
  manifest: Uint8Array,
  signer: TestKey,
  opts: SignOptions = {},
): { objectKey: string; bytes: Buffer; record: S3loRecord } {
  const digest = sha256Digest(manifest);
  const payload = s3loSigningPayload(ref, digest);
  const keyID = s3loKeyID(signer.key.publicKey);
  const record: S3loRecord = {
    schemaVersion: 2,
    digest,
    keyRef: opts.keyRef ?? signer.key.keyRef.replace(/\.pub$/, '.key'),
    keyID,
    algorithm: s3loAlgorithmLabel(signer.key.publicKey),
    signature: s3loRawSignature(signer, payload, opts).toString('base64'),
    signedAt: goRFC3339(opts.signedAt ?? new Date()),
  };
  return { objectKey: signatureKey(ref, keyID), bytes: encodeS3loRecord(record), record };
}

/** Where fixture objects go: a local:// root directory or an S3 bucket. */
export interface ObjectSink {
  put(key: string, bytes: Uint8Array | string): Promise<void>;
}

export function localSink(rootDir: string): ObjectSink {
  return {
    async put(key, bytes) {
      const file = path.join(rootDir, ...key.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    },
  };
}

export function s3Sink(client: S3Client, bucket: string): ObjectSink {
  return {
    async put(key, bytes) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes }));
    },
  };
}

/** A small OCI manifest; `seed` makes distinct images (and so distinct digests). */
export function sampleManifest(seed: string): Buffer {
  const layer = createHash('sha256').update(`layer:${seed}`).digest('hex');
  const config = createHash('sha256').update(`config:${seed}`).digest('hex');
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: `sha256:${config}`,
        size: 100,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: `sha256:${layer}`,
          size: 1000,
        },
      ],
    }),
  );
}

/** `s3lo push`, as far as verification sees it: the tag's manifest.json. Returns its digest. */
export async function pushS3loImage(
  sink: ObjectSink,
  ref: S3loRef,
  manifest: Uint8Array,
): Promise<string> {
  await sink.put(manifestKey(ref), manifest);
  return sha256Digest(manifest);
}

/** `s3lo sign`: reads nothing from the sink, so the caller passes the manifest bytes it pushed. */
export async function signS3loImage(
  sink: ObjectSink,
  ref: S3loRef,
  manifest: Uint8Array,
  signer: TestKey,
  opts: SignOptions = {},
): Promise<{ objectKey: string; bytes: Buffer; record: S3loRecord }> {
  const out = s3loSignRecord(ref, manifest, signer, opts);
  await sink.put(out.objectKey, out.bytes);
  return out;
}
