// Ed25519ph (RFC 8032 §5.1, pre-hashed with SHA-512, empty context) over edwards25519 in BigInt.
// cosign keys sign Ed25519 as Ed25519ph and node:crypto has no ph mode, so s3lo records need this.
import { createHash } from 'node:crypto';

const P = 2n ** 255n - 19n;
/** Order of the prime-order subgroup. */
export const ED25519_L = 2n ** 252n + 27742317777372353535851937790883648493n;
// RFC 8032 §5.1's constants as literals: computing them (two 255-bit modular powers) cost 1.5 ms
// of every process's start, s3lo or not. The RFC's test vectors (s3lo-record.test.ts) use both.
/** d = -121665 / 121666 mod p. */
const D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n;
/** sqrt(-1) mod p = 2^((p-1)/4) mod p. */
const SQRT_M1 = 19681161376707505956807079304988542015446066515923890162744021073123829784752n;

/** Extended coordinates: x = X/Z, y = Y/Z, xy = T/Z. */
interface Point {
  X: bigint;
  Y: bigint;
  Z: bigint;
  T: bigint;
}

const BASE: Point = extended(
  15112221349535400772501151409588531511454012693041857206046113283949847762202n,
  46316835694926478169428394003475163141307993866256225615783033603165251855960n,
);
const IDENTITY: Point = { X: 0n, Y: 1n, Z: 1n, T: 0n };

/** dom2(phflag = 1, context = ""): the prefix that separates Ed25519ph from pure Ed25519. */
const DOM2_PH = Buffer.concat([
  Buffer.from('SigEd25519 no Ed25519 collisions', 'latin1'),
  Buffer.from([1, 0]),
]);

function mod(a: bigint, m: bigint = P): bigint {
  const r = a % m;
  return r >= 0n ? r : r + m;
}

function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  let result = 1n;
  let b = mod(base, m);
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return result;
}

function inverse(a: bigint): bigint {
  return modPow(a, P - 2n, P);
}

function extended(x: bigint, y: bigint): Point {
  return { X: x, Y: y, Z: 1n, T: mod(x * y) };
}

// The RFC 8032 addition law for a = -1 is complete, so it also serves for doubling.
function add(p: Point, q: Point): Point {
  const a = mod((p.Y - p.X) * (q.Y - q.X));
  const b = mod((p.Y + p.X) * (q.Y + q.X));
  const c = mod(p.T * 2n * D * q.T);
  const d = mod(p.Z * 2n * q.Z);
  const e = b - a;
  const f = d - c;
  const g = d + c;
  const h = b + a;
  return { X: mod(e * f), Y: mod(g * h), Z: mod(f * g), T: mod(e * h) };
}

function negate(p: Point): Point {
  return { X: mod(-p.X), Y: p.Y, Z: p.Z, T: mod(-p.T) };
}

/** Variable-time: only ever used on public values (verification) or in tests. */
function multiply(p: Point, scalar: bigint): Point {
  let result = IDENTITY;
  let addend = p;
  let k = scalar;
  while (k > 0n) {
    if (k & 1n) result = add(result, addend);
    addend = add(addend, addend);
    k >>= 1n;
  }
  return result;
}

function littleEndian(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
  return n;
}

function toLittleEndian32(n: bigint): Buffer {
  const out = Buffer.alloc(32);
  let v = n;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

export function encodePoint(p: Point): Buffer {
  const zInv = inverse(p.Z);
  const x = mod(p.X * zInv);
  const y = mod(p.Y * zInv);
  const out = toLittleEndian32(y);
  out[31] = out[31] | (Number(x & 1n) << 7);
  return out;
}

/** RFC 8032 §5.1.3; undefined for encodings that are not a curve point or not canonical in y. */
function decodePoint(bytes: Uint8Array): Point | undefined {
  if (bytes.length !== 32) return undefined;
  const copy = Buffer.from(bytes);
  const xSign = (copy[31] >> 7) & 1;
  copy[31] = copy[31] & 0x7f;
  const y = littleEndian(copy);
  if (y >= P) return undefined;
  const y2 = mod(y * y);
  const u = mod(y2 - 1n);
  const v = mod(D * y2 + 1n);
  let x = mod(u * modPow(v, 3n, P) * modPow(u * modPow(v, 7n, P), (P - 5n) / 8n, P));
  const vx2 = mod(v * x * x);
  if (vx2 === u) {
    // x is a square root already
  } else if (vx2 === mod(-u)) {
    x = mod(x * SQRT_M1);
  } else {
    return undefined;
  }
  if (x === 0n && xSign === 1) return undefined;
  if (Number(x & 1n) !== xSign) x = mod(-x);
  return extended(x, y);
}

function hashToScalar(...parts: Uint8Array[]): bigint {
  const h = createHash('sha512');
  for (const part of parts) h.update(part);
  return mod(littleEndian(h.digest()), ED25519_L);
}

/** Ed25519ph: pure Ed25519 over SHA-512(message), with the dom2 prefix in both hashes. */
export function verifyEd25519ph(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (signature.length !== 64) return false;
  const a = decodePoint(publicKey);
  if (a === undefined) return false;
  const rBytes = signature.subarray(0, 32);
  const s = littleEndian(signature.subarray(32, 64));
  if (s >= ED25519_L) return false; // malleability: RFC 8032 requires S < L
  const prehash = createHash('sha512').update(message).digest();
  const k = hashToScalar(DOM2_PH, rBytes, publicKey, prehash);
  // [S]B - [k]A must encode to exactly R (cofactorless, as Go's crypto/ed25519 checks).
  const check = add(multiply(BASE, s), multiply(negate(a), k));
  return encodePoint(check).equals(Buffer.from(rBytes));
}

/**
 * Ed25519ph signing from a 32-byte seed. The verifier never signs; this exists so tests can
 * produce records exactly as `s3lo sign` with a cosign Ed25519 key does.
 */
export function signEd25519ph(seed: Uint8Array, message: Uint8Array): Buffer {
  if (seed.length !== 32) throw new Error(`Ed25519 seed must be 32 bytes, got ${seed.length}`);
  const h = createHash('sha512').update(seed).digest();
  const clamped = Buffer.from(h.subarray(0, 32));
  clamped[0] = clamped[0] & 248;
  clamped[31] = (clamped[31] & 127) | 64;
  const scalar = littleEndian(clamped);
  const publicKey = encodePoint(multiply(BASE, scalar));
  const prehash = createHash('sha512').update(message).digest();
  const r = hashToScalar(DOM2_PH, h.subarray(32), prehash);
  const rBytes = encodePoint(multiply(BASE, r));
  const k = hashToScalar(DOM2_PH, rBytes, publicKey, prehash);
  const s = mod(r + k * scalar, ED25519_L);
  return Buffer.concat([rBytes, toLittleEndian32(s)]);
}
