// Signature verification when only the artifact's digest is known (a bundle checked against
// `sha256:<hex>`): node:crypto can only hash-then-verify, so ECDSA is checked here from the curve.
import { constants, publicDecrypt, type KeyObject } from 'node:crypto';

interface Curve {
  p: bigint;
  n: bigint;
  a: bigint;
  b: bigint;
  g: Point;
  bits: number;
}
type Point = { x: bigint; y: bigint } | null;

const P256: Curve = {
  p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
  n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
  b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  g: {
    x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
  },
  bits: 256,
};

const P384: Curve = {
  p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
  n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffcn,
  b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  g: {
    x: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    y: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
  },
  bits: 384,
};

const P521: Curve = {
  p: (1n << 521n) - 1n,
  n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
  a: (1n << 521n) - 4n,
  b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
  g: {
    x: 0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
    y: 0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
  },
  bits: 521,
};

const CURVES: Record<string, Curve> = { prime256v1: P256, secp384r1: P384, secp521r1: P521 };

export type SignatureHash = 'sha256' | 'sha384' | 'sha512';

/**
 * The hashes a signature by `key` over whole data may have been made with, the key's own first.
 * sigstore-go, cosign and KMS (AWS `ECC_NIST_P384` signs `ECDSA_SHA_384`) hash by the curve:
 * SHA-384 for P-384, SHA-512 for P-521; sigstore-js signs and verifies SHA-256 whatever the
 * curve, so both are signatures over the same bytes by the same key. `null`: the key type fixes
 * its own hash (Ed25519).
 */
export function signatureHashes(key: KeyObject): Array<SignatureHash | null> {
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'secp384r1') return ['sha384', 'sha256'];
    if (curve === 'secp521r1') return ['sha512', 'sha256'];
    return ['sha256'];
  }
  if (key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448') return [null];
  // PKCS#1 v1.5 names its hash inside the signature, so trying each SHA-2 is unambiguous (KMS
  // RSA keys sign RSASSA_PKCS1_V1_5_SHA_256/384/512).
  if (key.asymmetricKeyType === 'rsa') return ['sha256', 'sha384', 'sha512'];
  return ['sha256'];
}

/** The SHA-2 hash whose output has `length` bytes (a Rekor digest carries no algorithm of its own). */
export function hashForDigestLength(length: number): SignatureHash | undefined {
  return length === 32 ? 'sha256' : length === 48 ? 'sha384' : length === 64 ? 'sha512' : undefined;
}

const DIGEST_INFO_PREFIX: Record<number, string> = {
  32: '3031300d060960864801650304020105000420',
  48: '3041300d060960864801650304020205000430',
  64: '3051300d060960864801650304020305000440',
};

/**
 * Verify `signature` over a message whose hash is `digest` (sha256/384/512 bytes).
 * Supports ECDSA P-256/P-384/P-521 (DER signatures) and RSA PKCS#1 v1.5; anything else is `false`
 * together with a reason, so the caller can say why rather than report a bad signature.
 */
export function verifyPrehashed(
  key: KeyObject,
  digest: Uint8Array,
  signature: Uint8Array,
): { ok: boolean; unsupported?: string } {
  if (key.asymmetricKeyType === 'ec') {
    const curveName = key.asymmetricKeyDetails?.namedCurve;
    const curve = curveName === undefined ? undefined : CURVES[curveName];
    if (!curve) return { ok: false, unsupported: `ECDSA curve ${curveName ?? '?'}` };
    const jwk = key.export({ format: 'jwk' });
    if (!jwk.x || !jwk.y) return { ok: false, unsupported: 'EC key without coordinates' };
    const q = { x: b64uToBig(jwk.x), y: b64uToBig(jwk.y) };
    const rs = parseDerSignature(signature);
    if (!rs) return { ok: false };
    return { ok: ecdsaVerify(curve, q, digest, rs.r, rs.s) };
  }
  if (key.asymmetricKeyType === 'rsa') {
    const prefix = DIGEST_INFO_PREFIX[digest.length];
    if (!prefix) return { ok: false, unsupported: `digest of ${digest.length} bytes` };
    let decoded: Buffer;
    try {
      decoded = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
    } catch {
      return { ok: false };
    }
    const expected = Buffer.concat([Buffer.from(prefix, 'hex'), digest]);
    return { ok: decoded.equals(expected) };
  }
  return {
    ok: false,
    unsupported: `${key.asymmetricKeyType ?? 'unknown'} keys cannot verify a bare digest`,
  };
}

function b64uToBig(s: string): bigint {
  return BigInt('0x' + (Buffer.from(s, 'base64url').toString('hex') || '0'));
}

/** DER `SEQUENCE { INTEGER r, INTEGER s }`, canonical lengths only. */
function parseDerSignature(sig: Uint8Array): { r: bigint; s: bigint } | undefined {
  const b = Buffer.from(sig);
  if (b.length < 8 || b[0] !== 0x30) return undefined;
  let pos = 1;
  const seqLen = readLen();
  if (seqLen === undefined || pos + seqLen !== b.length) return undefined;
  const r = readInt();
  const s = readInt();
  if (r === undefined || s === undefined || pos !== b.length) return undefined;
  return { r, s };

  function readLen(): number | undefined {
    const first = b[pos++];
    if (first === undefined) return undefined;
    if (first < 0x80) return first;
    if (first === 0x81) {
      const l = b[pos++];
      return l !== undefined && l >= 0x80 ? l : undefined;
    }
    return undefined;
  }
  function readInt(): bigint | undefined {
    if (b[pos++] !== 0x02) return undefined;
    const len = readLen();
    if (len === undefined || len === 0 || pos + len > b.length) return undefined;
    const bytes = b.subarray(pos, pos + len);
    pos += len;
    if ((bytes[0] & 0x80) !== 0) return undefined; // negative
    if (len > 1 && bytes[0] === 0 && (bytes[1] & 0x80) === 0) return undefined; // non-minimal
    return BigInt('0x' + bytes.toString('hex'));
  }
}

function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

function inv(a: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(a, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return mod(oldS, m);
}

function onCurve(c: Curve, pt: { x: bigint; y: bigint }): boolean {
  if (pt.x < 0n || pt.x >= c.p || pt.y < 0n || pt.y >= c.p) return false;
  return mod(pt.y * pt.y - (pt.x * pt.x * pt.x + c.a * pt.x + c.b), c.p) === 0n;
}

function add(c: Curve, p1: Point, p2: Point): Point {
  if (p1 === null) return p2;
  if (p2 === null) return p1;
  let lambda: bigint;
  if (p1.x === p2.x) {
    if (mod(p1.y + p2.y, c.p) === 0n) return null;
    lambda = mod((3n * p1.x * p1.x + c.a) * inv(2n * p1.y, c.p), c.p);
  } else {
    lambda = mod((p2.y - p1.y) * inv(p2.x - p1.x, c.p), c.p);
  }
  const x = mod(lambda * lambda - p1.x - p2.x, c.p);
  const y = mod(lambda * (p1.x - x) - p1.y, c.p);
  return { x, y };
}

function mul(c: Curve, k: bigint, pt: Point): Point {
  let result: Point = null;
  let addend = pt;
  while (k > 0n) {
    if (k & 1n) result = add(c, result, addend);
    addend = add(c, addend, addend);
    k >>= 1n;
  }
  return result;
}

function ecdsaVerify(
  c: Curve,
  q: { x: bigint; y: bigint },
  digest: Uint8Array,
  r: bigint,
  s: bigint,
): boolean {
  if (!onCurve(c, q)) return false;
  if (r < 1n || r >= c.n || s < 1n || s >= c.n) return false;
  // FIPS 186-4: use the leftmost bits(n) bits of the hash.
  let e = BigInt('0x' + (Buffer.from(digest).toString('hex') || '0'));
  const excess = digest.length * 8 - c.bits;
  if (excess > 0) e >>= BigInt(excess);
  const w = inv(s, c.n);
  const u1 = mod(e * w, c.n);
  const u2 = mod(r * w, c.n);
  const x = add(c, mul(c, u1, c.g), mul(c, u2, q));
  if (x === null) return false;
  return mod(x.x, c.n) === r;
}
