// Signing a digest the caller already computed, as KMS (MessageType DIGEST) and Vault transit
// (prehashed) do: node:crypto only hashes-then-signs, so ECDSA is done here from the curve, and
// RSA through the raw private-key operation over the PKCS#1 v1.5 or PSS encoding.
import { constants, createHash, privateEncrypt, randomBytes, type KeyObject } from 'node:crypto';

type Point = { x: bigint; y: bigint } | null;
interface Curve {
  p: bigint;
  n: bigint;
  a: bigint;
  g: { x: bigint; y: bigint };
  bits: number;
}

const CURVES: Record<string, Curve> = {
  prime256v1: {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
    g: {
      x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
      y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
    },
    bits: 256,
  },
  secp384r1: {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffcn,
    g: {
      x: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
      y: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
    },
    bits: 384,
  },
};

const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;

function inv(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}

function add(c: Curve, p1: Point, p2: Point): Point {
  if (p1 === null) return p2;
  if (p2 === null) return p1;
  let l: bigint;
  if (p1.x === p2.x) {
    if (mod(p1.y + p2.y, c.p) === 0n) return null;
    l = mod((3n * p1.x * p1.x + c.a) * inv(2n * p1.y, c.p), c.p);
  } else {
    l = mod((p2.y - p1.y) * inv(p2.x - p1.x, c.p), c.p);
  }
  const x = mod(l * l - p1.x - p2.x, c.p);
  return { x, y: mod(l * (p1.x - x) - p1.y, c.p) };
}

function mul(c: Curve, k: bigint, pt: Point): Point {
  let result: Point = null;
  let addend = pt;
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = add(c, result, addend);
    addend = add(c, addend, addend);
  }
  return result;
}

const big = (b: Uint8Array): bigint => BigInt('0x' + (Buffer.from(b).toString('hex') || '0'));

function derInt(v: bigint): Buffer {
  let hex = v.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let b = Buffer.from(hex, 'hex');
  if ((b[0] ?? 0) & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return Buffer.concat([Buffer.from([0x02, b.length]), b]);
}

function derLength(n: number): Buffer {
  return n < 0x80 ? Buffer.from([n]) : Buffer.from([0x81, n]);
}

/** ECDSA over `digest` (FIPS 186-4: its leftmost bits(n) bits), DER-encoded as KMS returns it. */
function ecdsaSignDigest(key: KeyObject, digest: Uint8Array): Buffer {
  const curve = CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
  if (!curve) throw new Error(`no prehash ECDSA for ${key.asymmetricKeyDetails?.namedCurve}`);
  const d = big(Buffer.from(key.export({ format: 'jwk' }).d ?? '', 'base64url'));
  let e = big(digest);
  const excess = digest.length * 8 - curve.bits;
  if (excess > 0) e >>= BigInt(excess);
  for (;;) {
    const k = mod(big(randomBytes(curve.bits / 8 + 8)), curve.n - 1n) + 1n;
    const pt = mul(curve, k, curve.g);
    if (pt === null) continue;
    const r = mod(pt.x, curve.n);
    const s = mod(inv(k, curve.n) * (e + r * d), curve.n);
    if (r === 0n || s === 0n) continue;
    const body = Buffer.concat([derInt(r), derInt(s)]);
    return Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]);
  }
}

const DIGEST_INFO: Record<string, string> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

function mgf1(hash: string, seed: Buffer, length: number): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; Buffer.concat(out).length < length; i++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(i);
    out.push(createHash(hash).update(seed).update(c).digest());
  }
  return Buffer.concat(out).subarray(0, length);
}

/** RFC 8017 EMSA-PSS-ENCODE with salt length = hash length (what KMS uses), then RSASP1. */
function rsaPssSignDigest(key: KeyObject, hash: string, digest: Buffer): Buffer {
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 2048;
  const emBits = bits - 1;
  const emLen = Math.ceil(emBits / 8);
  const hLen = digest.length;
  const salt = randomBytes(hLen);
  const h = createHash(hash)
    .update(Buffer.concat([Buffer.alloc(8), digest, salt]))
    .digest();
  const db = Buffer.concat([Buffer.alloc(emLen - 2 * hLen - 2), Buffer.from([1]), salt]);
  const masked = Buffer.from(mgf1(hash, h, db.length).map((b, i) => b ^ (db[i] ?? 0)));
  masked[0] = (masked[0] ?? 0) & (0xff >> (8 * emLen - emBits));
  const em = Buffer.concat([masked, h, Buffer.from([0xbc])]);
  const padded = Buffer.concat([Buffer.alloc(bits / 8 - em.length), em]);
  return privateEncrypt({ key, padding: constants.RSA_NO_PADDING }, padded);
}

/**
 * A signature over `digest` (computed with `hash`) by `key`: ECDSA (DER), or RSA with `pss`
 * false (PKCS#1 v1.5) or true (PSS, salt = hash length).
 */
export function signDigest(
  key: KeyObject,
  hash: 'sha256' | 'sha384' | 'sha512',
  digest: Uint8Array,
  pss = false,
): Buffer {
  if (key.asymmetricKeyType === 'ec') return ecdsaSignDigest(key, digest);
  if (key.asymmetricKeyType === 'rsa') {
    const d = Buffer.from(digest);
    if (pss) return rsaPssSignDigest(key, hash, d);
    return privateEncrypt(
      { key, padding: constants.RSA_PKCS1_PADDING },
      Buffer.concat([Buffer.from(DIGEST_INFO[hash] ?? '', 'hex'), d]),
    );
  }
  throw new Error(`no prehash signing for ${key.asymmetricKeyType ?? '?'} keys`);
}
