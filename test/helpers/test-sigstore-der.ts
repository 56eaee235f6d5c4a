// Minimal DER encoder for the test Sigstore: just enough ASN.1 to build X.509 certificates,
// SCT extensions and RFC 3161 timestamps byte-for-byte, with no dependency beyond node:crypto.

const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One TLV with the given tag byte and content. */
export function tlv(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export const seq = (...items: Uint8Array[]): Buffer => tlv(TAG.SEQUENCE, Buffer.concat(items));

/** DER SET OF: elements sorted by their encodings, as X.690 11.6 requires. */
export const setOf = (...items: Buffer[]): Buffer =>
  tlv(TAG.SET, Buffer.concat([...items].sort((a, b) => Buffer.compare(a, b))));

export const bool = (value: boolean): Buffer =>
  tlv(TAG.BOOLEAN, Buffer.from([value ? 0xff : 0x00]));
export const nullValue = (): Buffer => tlv(TAG.NULL, Buffer.alloc(0));
export const octetString = (content: Uint8Array): Buffer => tlv(TAG.OCTET_STRING, content);
export const utf8String = (value: string): Buffer =>
  tlv(TAG.UTF8_STRING, Buffer.from(value, 'utf8'));
export const printableString = (value: string): Buffer =>
  tlv(TAG.PRINTABLE_STRING, Buffer.from(value, 'ascii'));

/** BIT STRING with whole bytes (0 unused bits): keys and signatures. */
export const bitString = (content: Uint8Array, unusedBits = 0): Buffer =>
  tlv(TAG.BIT_STRING, Buffer.concat([Buffer.from([unusedBits]), content]));

/** Non-negative INTEGER from big-endian magnitude bytes or a small number. */
export function integer(value: number | Uint8Array): Buffer {
  let bytes: Buffer;
  if (typeof value === 'number') {
    const hex = value.toString(16);
    bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  } else {
    bytes = Buffer.from(value);
  }
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0 && (bytes[start + 1] & 0x80) === 0) start++;
  bytes = bytes.subarray(start);
  if (bytes.length === 0) bytes = Buffer.from([0]);
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(TAG.INTEGER, bytes);
}

export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map((arc) => BigInt(arc));
  if (arcs.length < 2) throw new Error(`oid: '${dotted}' needs at least two arcs`);
  const out: number[] = [];
  const push = (arc: bigint): void => {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let rest = arc >> 7n; rest > 0n; rest >>= 7n)
      chunk.unshift(Number((rest & 0x7fn) | 0x80n));
    out.push(...chunk);
  };
  push(arcs[0] * 40n + arcs[1]);
  arcs.slice(2).forEach(push);
  return tlv(TAG.OID, Buffer.from(out));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** X.509 Time: UTCTime through 2049, GeneralizedTime after (RFC 5280 4.1.2.5). */
export function time(date: Date): Buffer {
  const year = date.getUTCFullYear();
  const rest =
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds()) +
    'Z';
  if (year < 2050) return tlv(TAG.UTC_TIME, Buffer.from(pad(year % 100) + rest, 'ascii'));
  return tlv(TAG.GENERALIZED_TIME, Buffer.from(pad(year, 4) + rest, 'ascii'));
}

export function generalizedTime(date: Date): Buffer {
  const text =
    pad(date.getUTCFullYear(), 4) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds()) +
    'Z';
  return tlv(TAG.GENERALIZED_TIME, Buffer.from(text, 'ascii'));
}

/** Context-specific constructed tag [n] (EXPLICIT wrapping, or IMPLICIT for constructed types). */
export const explicit = (n: number, ...content: Uint8Array[]): Buffer =>
  tlv(0xa0 | n, Buffer.concat(content));

/** Context-specific primitive tag [n] IMPLICIT (e.g. GeneralName rfc822Name [1], URI [6]). */
export const implicitPrimitive = (n: number, content: Uint8Array): Buffer => tlv(0x80 | n, content);

/** Replace the outer tag of an encoded TLV (IMPLICIT tagging of an already-encoded value). */
export function retag(encoded: Buffer, tag: number): Buffer {
  const out = Buffer.from(encoded);
  out[0] = tag;
  return out;
}

export function toPem(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
