// DER encoding of a parsed @sigstore/core ASN.1 tree in one allocation: the same bytes as
// ASN1Obj.toDER(), which re-encodes through growing buffers at every level of the tree.
import type { ASN1Obj } from '@sigstore/core';

/** Exactly `obj.toDER()`: tag byte, minimal definite length, then the value or the children. */
export function encodeDer(obj: ASN1Obj): Buffer {
  // Content sizes in pre-order (the order `write` visits the nodes in): one array per encoding,
  // not a Map entry per node (a certificate has a hundred nodes or more, encoded several times).
  const sizes: number[] = [];
  const out = Buffer.allocUnsafe(measure(obj, sizes));
  const cursor = { node: 0 };
  const end = write(obj, out, 0, sizes, cursor);
  if (end !== out.length || cursor.node !== sizes.length)
    throw new Error(`DER encoder wrote ${end} of ${out.length} bytes`);
  return out;
}

/** Records the content size of `o` and of each node below it, in pre-order; returns o's encoded size. */
function measure(o: ASN1Obj, sizes: number[]): number {
  const at = sizes.length;
  sizes.push(0);
  let n = 0;
  if (o.subs.length > 0) for (const s of o.subs) n += measure(s, sizes);
  else n = o.value.length;
  sizes[at] = n;
  return 1 + lengthSize(n) + n;
}

function lengthSize(n: number): number {
  if (n < 128) return 1;
  let bytes = 0;
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes++;
  return 1 + bytes;
}

function write(
  o: ASN1Obj,
  out: Buffer,
  at: number,
  sizes: number[],
  cursor: { node: number },
): number {
  let pos = at;
  out[pos++] = o.tag.toDER();
  const n = sizes[cursor.node++];
  if (n < 128) {
    out[pos++] = n;
  } else {
    const len = lengthSize(n) - 1;
    out[pos++] = 0x80 | len;
    for (let i = len - 1; i >= 0; i--) out[pos++] = Math.floor(n / 256 ** i) % 256;
  }
  if (o.subs.length > 0) for (const s of o.subs) pos = write(s, out, pos, sizes, cursor);
  else pos += o.value.copy(out, pos);
  return pos;
}
