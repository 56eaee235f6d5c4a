// Snappy block-format decompression, for bundles GitHub serves at `bundle_url` (gh CLI decodes
// them with golang/snappy `Decode`). Bounded: the declared length is checked before allocating.
import { GateError } from '../errors.js';

/**
 * Decode one Snappy block: a varint uncompressed length, then literal and copy elements.
 * Throws MALFORMED on any inconsistency and LIMIT_EXCEEDED when the output would pass `maxBytes`.
 */
export function snappyDecode(
  input: Uint8Array,
  maxBytes: number,
  what = 'snappy data',
): Uint8Array {
  let pos = 0;
  const bad = (why: string): never => {
    throw new GateError('MALFORMED', `${what}: not valid snappy (${why} at byte ${pos})`);
  };
  // Uncompressed length: little-endian base-128 varint, at most 32 bits.
  let length = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= input.length || shift > 28) bad('bad length header');
    const b = input[pos++];
    length += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) break;
  }
  if (length > maxBytes)
    throw new GateError(
      'LIMIT_EXCEEDED',
      `${what}: decompresses to ${length} bytes, limit ${maxBytes}`,
    );
  const out = new Uint8Array(length);
  let o = 0;
  while (pos < input.length) {
    const tag = input[pos++];
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >>> 2;
      if (len >= 60) {
        const extra = len - 59;
        if (pos + extra > input.length) bad('truncated literal length');
        len = 0;
        for (let i = 0; i < extra; i++) len += input[pos++] * 2 ** (8 * i);
      }
      len += 1;
      if (pos + len > input.length) bad('truncated literal');
      if (o + len > length) bad('literal past declared length');
      out.set(input.subarray(pos, pos + len), o);
      pos += len;
      o += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      if (pos + 1 > input.length) bad('truncated copy');
      len = 4 + ((tag >>> 2) & 7);
      offset = ((tag >>> 5) << 8) | input[pos++];
    } else if (kind === 2) {
      if (pos + 2 > input.length) bad('truncated copy');
      len = 1 + (tag >>> 2);
      offset = input[pos] | (input[pos + 1] << 8);
      pos += 2;
    } else {
      if (pos + 4 > input.length) bad('truncated copy');
      len = 1 + (tag >>> 2);
      offset =
        (input[pos] | (input[pos + 1] << 8) | (input[pos + 2] << 16)) + input[pos + 3] * 2 ** 24;
      pos += 4;
    }
    if (offset === 0 || offset > o) bad('copy offset outside the output');
    if (o + len > length) bad('copy past declared length');
    // Byte by byte: a copy may overlap its own output (offset < len), which repeats a pattern.
    for (let i = 0; i < len; i++, o++) out[o] = out[o - offset]!;
  }
  if (o !== length) bad(`output is ${o} bytes, header said ${length}`);
  return out;
}
