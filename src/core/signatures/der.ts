// DER encoding of a parsed @sigstore/core ASN.1 tree in one allocation: the same bytes as
// ASN1Obj.toDER(), which re-encodes through growing buffers at every level of the tree.
import type { ASN1Obj } from '@sigstore/core';

/** Exactly `obj.toDER()`: tag byte, minimal definite length, then the value or the children. */
export function encodeDer(obj: ASN1Obj): Buffer {
  const sizes = new Map<ASN1Obj, number>();
  const out = Buffer.allocUnsafe(encodedSize(obj, sizes));
  const end = write(obj, out, 0, sizes);
  if (end !== out.length) throw new Error(`DER encoder wrote ${end} of ${out.length} bytes`);
  return out;
}

function contentSize(o: ASN1Obj, sizes: Map<ASN1Obj, number>): number {
  let n = sizes.get(o);
  if (n === undefined) {
    n = 0;
    if (o.subs.length > 0) for (const s of o.subs) n += encodedSize(s, sizes);
    else n = o.value.length;
    sizes.set(o, n);
  }
  return n;
}

function encodedSize(o: ASN1Obj, sizes: Map<ASN1Obj, number>): number {
  const n = contentSize(o, sizes);
  return 1 + lengthSize(n) + n;
}

function lengthSize(n: number): number {
  if (n < 128) return 1;
  let bytes = 0;
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes++;
  return 1 + bytes;
}

function write(o: ASN1Obj, out: Buffer, at: number, sizes: Map<ASN1Obj, number>): number {
  let pos = at;
  out[pos++] = o.tag.toDER();
  const n = contentSize(o, sizes);
  if (n < 128) {
    out[pos++] = n;
  } else {
    const len = lengthSize(n) - 1;
    out[pos++] = 0x80 | len;
    for (let i = len - 1; i >= 0; i--) out[pos++] = Math.floor(n / 256 ** i) % 256;
  }
  if (o.subs.length > 0) for (const s of o.subs) pos = write(s, out, pos, sizes);
  else pos += o.value.copy(out, pos);
  return pos;
}
