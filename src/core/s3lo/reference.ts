// s3lo image references (`s3://bucket/image:tag`, `local://root/image:tag`), parsed the way
// s3lo's pkg/ref does, plus the object keys and the v2 signing payload derived from them.
import { GateError } from '../errors.js';

export interface S3loRef {
  scheme: 's3' | 'local';
  /** S3 bucket, or the local storage root exactly as written (`./store`, `/store`, `store`). */
  bucket: string;
  /** May contain `/` (`org/app`); never `.`/`..` components. */
  image: string;
  tag: string;
  /** `sha256:<64 hex>` when the reference pins the manifest the tag must point to. */
  digest?: string;
  /** The input, for messages and reports. */
  raw: string;
}

const PIN_DIGEST = /^sha256:[0-9a-f]{64}$/;
// s3lo's own digest grammar; anything it accepts but we cannot compare gets a precise message.
const S3LO_DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,128}$/;
// Control characters and whitespace would change the line structure of the signed payload.
const UNSAFE_CHARS = /[\s\p{Cc}]/u;

/**
 * Parse as s3lo's `ref.Parse` does, with the rules its `verify` command adds: a tag is required
 * (s3lo's `requireTag`). One extension: `image:tag@sha256:<hex>` pins the tag to a manifest digest
 * (s3lo itself would read `image:tag` as an image name there); a bare `image@sha256:` is refused,
 * because s3lo signatures are made for tags.
 */
export function parseS3loReference(input: string): S3loRef {
  const fail = (what: string): never => {
    throw new GateError('REF_INVALID', `${input}: ${what}`);
  };
  let scheme: S3loRef['scheme'];
  let rest: string;
  if (input.startsWith('s3://')) {
    scheme = 's3';
    rest = input.slice('s3://'.length);
  } else if (input.startsWith('local://')) {
    scheme = 'local';
    rest = input.slice('local://'.length);
  } else if (input.startsWith('gs://') || input.startsWith('az://')) {
    return fail(`${input.slice(0, 5)} s3lo stores are not supported (only s3:// and local://)`);
  } else {
    return fail('not an s3lo reference (must start with s3:// or local://)');
  }
  if (UNSAFE_CHARS.test(input)) fail('contains whitespace or control characters');

  const [bucket, imageAndTag] = splitBucketPath(scheme, rest, fail);
  if (bucket === '') fail('empty bucket');
  if (imageAndTag === '' || imageAndTag === '/') fail('missing image name');

  let namePart = imageAndTag;
  let digest: string | undefined;
  const at = imageAndTag.indexOf('@');
  if (at >= 0) {
    namePart = imageAndTag.slice(0, at);
    digest = imageAndTag.slice(at + 1);
    if (!S3LO_DIGEST.test(digest)) {
      fail(`malformed digest '${digest}' (want sha256:<64 hex chars>)`);
    }
    if (!PIN_DIGEST.test(digest)) {
      fail(`digest '${digest}' cannot be checked (only lower-case sha256:<64 hex chars>)`);
    }
  }

  const colon = namePart.lastIndexOf(':');
  if (colon < 0) {
    fail(
      digest === undefined
        ? `missing tag (e.g. ${input}:latest)`
        : `a tag is required: s3lo signs tags, so write image:tag@${digest}`,
    );
  }
  const image = namePart.slice(0, colon);
  const tag = namePart.slice(colon + 1);
  if (tag === '') fail("empty tag after ':'");
  validateImage(image, fail);
  if (!safeSegment(tag)) {
    fail(`illegal tag '${tag}' (a tag must be a single path segment and cannot be "." or "..")`);
  }
  const ref: S3loRef = { scheme, bucket, image, tag, raw: input };
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

function safeSegment(s: string): boolean {
  return s !== '' && s !== '.' && s !== '..' && !s.includes('/') && !s.includes('\\');
}

function validateImage(image: string, fail: (what: string) => never): void {
  if (image === '') fail('empty image name');
  for (const part of image.split('/')) {
    if (!safeSegment(part)) {
      fail(`illegal image name '${image}': component '${part}' is not a valid path segment`);
    }
  }
}

/** Length of the `./`, `../` or `/` a local:// storage root starts with (0 for none). */
export function localRootPrefix(rest: string): number {
  if (rest.startsWith('./')) return 2;
  if (rest.startsWith('../')) return 3;
  return rest.startsWith('/') ? 1 : 0;
}

// For local:// the storage root is ONE component; a leading ./, ../ or / is kept with it, so
// local:///var/lib/x/app:t means root "/var" and image "lib/x/app" (s3lo's documented limit).
function splitBucketPath(
  scheme: S3loRef['scheme'],
  rest: string,
  fail: (what: string) => never,
): [string, string] {
  if (scheme === 'local') {
    const prefixLen = localRootPrefix(rest);
    if (prefixLen > 0) {
      const i = rest.indexOf('/', prefixLen);
      if (i < 0) fail(`missing image path after storage root '${rest}'`);
      return [rest.slice(0, i), rest.slice(i + 1)];
    }
  }
  const i = rest.indexOf('/');
  if (i < 0) fail('missing image path');
  return [rest.slice(0, i), rest.slice(i + 1)];
}

/** `manifests/<image>/<tag>/`: where s3lo keeps a tag's manifest and signature records. */
export function manifestsPrefix(ref: S3loRef): string {
  return `manifests/${ref.image}/${ref.tag}/`;
}

export function manifestKey(ref: S3loRef): string {
  return `${manifestsPrefix(ref)}manifest.json`;
}

export function signatureKey(ref: S3loRef, keyID: string): string {
  return `${manifestsPrefix(ref)}signatures/${keyID}.json`;
}

/** The reference without any digest pin, as s3lo prints it: `s3://bucket/image:tag`. */
export function formatS3loRef(ref: S3loRef): string {
  return `${ref.scheme}://${ref.bucket}/${ref.image}:${ref.tag}`;
}

/**
 * The bytes an s3lo v2 signature covers. Always built from the reference being verified and the
 * digest of the manifest just read, never from a stored record, so a signature cannot move to
 * another bucket, image or tag, nor survive the tag being pointed at another manifest.
 */
export function s3loSigningPayload(ref: S3loRef, digest: string): Buffer {
  return Buffer.from(
    `s3lo-signature-v2\n${ref.bucket}/${ref.image}:${ref.tag}\n${digest}\n`,
    'utf8',
  );
}
