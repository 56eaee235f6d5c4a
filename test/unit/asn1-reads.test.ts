// The ASN.1 read patches (src/core/signatures/asn1-reads.ts) give sigstore-js' own answers and
// errors: checked against the unpatched methods' logic on real certificates and edge inputs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { X509Certificate as NodeX509 } from 'node:crypto';
import { ASN1Obj, ByteStream, X509Certificate } from '@sigstore/core';
import { describe, expect, it } from 'vitest';
import '../../src/core/signatures/asn1-reads.js';
import { createTestSigstore } from '../helpers/test-sigstore.js';

/** The OID as the spec writes it: first byte = 40 * a + b, then base-128 arcs. */
function oidFromBytes(b: Buffer): string {
  const arcs = [Math.floor(b[0]! / 40), b[0]! % 40];
  let v = 0n;
  for (const x of b.subarray(1)) {
    v = (v << 7n) | BigInt(x & 0x7f);
    if ((x & 0x80) === 0) {
      arcs.push(Number(v) <= Number.MAX_SAFE_INTEGER ? Number(v) : (v as unknown as number));
      v = 0n;
    }
  }
  return arcs.join('.');
}

function walk(o: ASN1Obj, visit: (o: ASN1Obj) => void): void {
  visit(o);
  for (const s of o.subs) walk(s, visit);
}

describe('ByteStream reads', () => {
  it('getUint8 and getUint16 read in order and move the position, as getBlock would', () => {
    const s = new ByteStream(Buffer.from([0x01, 0xfe, 0x12, 0x34, 0xff]));
    expect(s.getUint8()).toBe(0x01);
    expect(s.getUint8()).toBe(0xfe);
    expect(s.getUint16()).toBe(0x1234);
    expect(s.position).toBe(4);
    expect(s.getUint8()).toBe(0xff);
    expect(s.position).toBe(5);
  });

  it('refuses to read past the end, leaving the position where it was', () => {
    const one = new ByteStream(Buffer.from([0x07]));
    expect(one.getUint8()).toBe(7);
    expect(() => one.getUint8()).toThrow('request past end of buffer');
    expect(one.position).toBe(1);
    const odd = new ByteStream(Buffer.from([0x01, 0x02, 0x03]));
    odd.getUint16();
    expect(() => odd.getUint16()).toThrow('request past end of buffer');
    expect(odd.position).toBe(2);
    expect(() => new ByteStream(Buffer.alloc(0)).getUint8()).toThrow('request past end of buffer');
  });

  it('a truncated certificate still fails to parse', () => {
    const der = Buffer.from([0x30, 0x82, 0x01]); // SEQUENCE with a long length cut short
    expect(() => ASN1Obj.parseBuffer(der)).toThrow();
    expect(() => ASN1Obj.parseBuffer(Buffer.from([0x30]))).toThrow();
  });
});

describe('toOID, remembered per node', () => {
  it('answers every OID node of real certificates as the encoding says, twice alike', async () => {
    // Real Fulcio, TSA and CA certificates: every rawBytes in these fixtures that parses as X.509.
    const files = [
      'trusted-roots/public-good.trusted_root.json',
      'cli-cli-attestation/sigstore-js-2.1.0-bundle-v0.1.json',
      'cli-cli-attestation/custom-issuer.sigstore.json',
      'cli-cli-attestation/reusable-workflow-attestation.sigstore.json',
      'cosign-oci-attestation/oci-attestation.sigstore.json',
    ];
    const ders: Array<Buffer<ArrayBuffer>> = [];
    for (const f of files) {
      const text = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', f), 'utf8');
      for (const m of text.matchAll(/"rawBytes"\s*:\s*"([A-Za-z0-9+/=]+)"/g)) {
        const der = Buffer.from(m[1]!, 'base64') as Buffer<ArrayBuffer>;
        try {
          new NodeX509(der);
        } catch {
          continue; // a log's public key, not a certificate
        }
        ders.push(der);
      }
    }
    // And a leaf from the test Sigstore, with its SCT extension.
    const ss = await createTestSigstore();
    const sig = ss.signLegacyKeyless({
      imageDigest: `sha256:${'a'.repeat(64)}`,
      dockerReference: 'registry.example/app',
      identity: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
      issuer: 'https://token.actions.githubusercontent.com',
    });
    ders.push(Buffer.from(new NodeX509(sig.certificatePem!).raw) as Buffer<ArrayBuffer>);
    expect(ders.length).toBeGreaterThan(8);
    let oids = 0;
    for (const der of ders) {
      const cert = X509Certificate.parse(der);
      walk(cert.root, (o) => {
        if (!o.tag.isOID()) return;
        oids++;
        const want = oidFromBytes(o.value);
        expect(o.toOID()).toBe(want);
        expect(o.toOID()).toBe(want);
      });
      // Extension lookups (built on toOID) agree with Node's parse of the same certificate.
      const node = new NodeX509(der);
      expect(cert.subjectAltName === undefined).toBe(node.subjectAltName === undefined);
      expect(cert.isCA).toBe(node.ca);
    }
    expect(oids).toBeGreaterThan(100);
  });

  it('two nodes with different bytes never share an answer, and a non-OID node still throws', () => {
    const a = ASN1Obj.parseBuffer(Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x11])); // 2.5.29.17
    const b = ASN1Obj.parseBuffer(Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x13])); // 2.5.29.19
    expect(a.toOID()).toBe('2.5.29.17');
    expect(b.toOID()).toBe('2.5.29.19');
    expect(a.toOID()).toBe('2.5.29.17');
    const int = ASN1Obj.parseBuffer(Buffer.from([0x02, 0x01, 0x05]));
    expect(() => int.toOID()).toThrow('not an OID');
    expect(() => int.toOID()).toThrow('not an OID');
  });
});
