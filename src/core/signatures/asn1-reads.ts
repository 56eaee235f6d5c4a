// sigstore-js' ASN.1 reading, with the same answers and less allocation: a keyless image
// allocated 335 KB in a batch (sampling heap profile, docs/benchmarks.md "Session 11"), and in a
// batch every scavenge copies the in-flight images' live objects, so allocation costs twice.
// Loaded for its effect by cert-cache.ts, before any certificate is parsed. Each patch keeps the
// method's checks and errors; none remembers anything across certificates.
import { ASN1Obj, ByteStream } from '@sigstore/core';

type Method<T, R> = (this: T) => R;
const original = <T, R>(proto: object, name: string): Method<T, R> =>
  Object.getOwnPropertyDescriptor(proto, name)!.value as Method<T, R>;

/**
 * sigstore-js finds a certificate's extension by decoding the OID of every extension in turn
 * (`findExtension`, a BigInt per byte), and asks for a dozen extensions per verification: each
 * parsed OID node decodes once here. A node's tag and value are set only by its constructor
 * (neither sigstore-js nor this code reassigns them; a clone gets new nodes), so its OID cannot
 * change after it is read. Remembered per node object (weakly), never by its bytes; a node that
 * is not an OID still throws as before.
 */
const oidOf = new WeakMap<ASN1Obj, string>();
const decodeOid = original<ASN1Obj, string>(ASN1Obj.prototype, 'toOID');
ASN1Obj.prototype.toOID = function toOID(this: ASN1Obj): string {
  let oid = oidOf.get(this);
  if (oid === undefined) {
    oid = decodeOid.call(this);
    oidOf.set(this, oid);
  }
  return oid;
};

/** The stream's private state, as stream.js declares it. */
interface StreamState {
  view: Buffer;
  start: number;
}

/**
 * ByteStream reads a byte as `getBlock(1)[0]`: a Buffer view made for every tag and length byte
 * of every node the parser reads. The same bounds check and error, without the view.
 */
ByteStream.prototype.getUint8 = function getUint8(this: ByteStream): number {
  const s = this as unknown as StreamState;
  if (s.start + 1 > s.view.length) throw new Error('request past end of buffer');
  return s.view[s.start++];
};

ByteStream.prototype.getUint16 = function getUint16(this: ByteStream): number {
  const s = this as unknown as StreamState;
  if (s.start + 2 > s.view.length) throw new Error('request past end of buffer');
  const v = (s.view[s.start] << 8) | s.view[s.start + 1];
  s.start += 2;
  return v;
};
