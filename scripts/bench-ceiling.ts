// The ceiling (issue 15): the least a verifier of these images can do per image, in node:crypto
// and a few lines of DER and JSON reading, so that the gate's rate can be read against what this
// machine allows. It does every check the gate does for the three kinds the bench seeds, and
// nothing more: no retries, no timeouts, no policy language, no report, no sanitising.
//
// What the gate checks, and so this does (src/core/signatures/*, @sigstore/verify):
// - every kind: the tag's manifest (its digest is the subject); the signature over the payload
//   (simple-signing) or the DSSE pre-authentication encoding (bundle); one Rekor entry from a log
//   in the trusted root, whose SET (Rekor's key valid at the integrated time, over the canonical
//   JSON of body, integratedTime, logID, logIndex) verifies, and whose body (hashedrekord 0.0.1
//   or dsse 0.0.1) names this signature, this payload's hash and this signer (key SPKI or leaf
//   certificate bytes, tlog-binding.ts).
// - legacy `.sig`: the `.sig` manifest; the payload rebuilt as cosign writes it for
//   `host/repo@digest` and matched to the layer digest, else the layer blob fetched and matched;
//   the payload's critical.type and docker-manifest-digest.
// - keyless: the leaf names the trusted root's Fulcio intermediate as issuer, is signed by it, and
//   it, the intermediate, the root and the CA's validFor hold at every verified time (SET, TSA);
//   at least one SCT (the gate requires one by default), each by a CT log of the root valid at
//   the SCT's time, over the precertificate TBS (the leaf's TBS without the SCT extension);
//   no extension twice; SAN (URI, else email) and the OIDC issuer (.1.8, else .1.1; the two
//   agreeing) equal the policy's.
// - bundle: the `sha256-<hex>` tag index (distribution 2.8 has no referrers API), the referrer
//   manifest naming the image as subject, the bundle blob matching its digest, an in-toto
//   statement naming the digest; the inclusion proof's Merkle path to the checkpoint's root,
//   the checkpoint signed by the log, its size and root equal the proof's; the RFC 3161 timestamp
//   (message imprint over the signature, signed attributes' message digest over the TSTInfo, the
//   signature by a TSA leaf of the root whose serial and issuer the token names, valid then).
// Cached per run, as a careful implementation would: trust-root keys, the parsed intermediate
// and its key hash, the trust root's own chains (verified once), the simple-signing prefix.
import { createHash, createPublicKey, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { Agent } from 'undici';

export type CeilingKind = 'key' | 'keyless' | 'bundle';

/** Every check the ceiling makes; a test can switch one off to show it is the one that catches. */
export type Check =
  | 'payload-digest'
  | 'payload-type'
  | 'payload-subject'
  | 'signature'
  | 'tlog-present'
  | 'tlog-log'
  | 'set'
  | 'tlog-body-kind'
  | 'tlog-body-signature'
  | 'tlog-body-digest'
  | 'tlog-body-signer'
  | 'cert-issuer-name'
  | 'cert-signature'
  | 'cert-validity'
  | 'ca-validity'
  | 'sct-present'
  | 'sct-log'
  | 'sct-signature'
  | 'ext-duplicate'
  | 'identity-san'
  | 'identity-issuer'
  | 'issuer-agree'
  | 'referrer-subject'
  | 'blob-digest'
  | 'statement-type'
  | 'statement-subject'
  | 'checkpoint-signature'
  | 'checkpoint-match'
  | 'inclusion-proof'
  | 'tsa-authority'
  | 'tsa-imprint'
  | 'tsa-digest'
  | 'tsa-signature'
  | 'tsa-validity'
  | 'time-present';

export class CeilingError extends Error {
  constructor(
    readonly check: Check,
    message: string,
  ) {
    super(`${check}: ${message}`);
  }
}

export interface CeilingTrust {
  /** trusted_root.json as parsed JSON. */
  trustedRoot: TrustedRootJson;
  /** The key for key-signed images (PEM or KeyObject). */
  publicKey?: KeyObject | string | Buffer;
  identity: string;
  issuer: string;
  /** Checks left out (tests only: each tampered input must pass with its own check off). */
  skip?: ReadonlySet<Check>;
}

interface ValidFor {
  start: string;
  end?: string;
}
/** The parts of trusted_root.json (protobuf-specs JSON) the ceiling reads. */
export interface TrustedRootJson {
  tlogs: Array<{
    baseUrl: string;
    publicKey: { rawBytes: string; validFor: ValidFor };
    logId: { keyId: string };
  }>;
  ctlogs: Array<{ publicKey: { rawBytes: string; validFor: ValidFor }; logId: { keyId: string } }>;
  certificateAuthorities: Array<{
    certChain: { certificates: Array<{ rawBytes: string }> };
    validFor: ValidFor;
  }>;
  timestampAuthorities: Array<{
    certChain: { certificates: Array<{ rawBytes: string }> };
    validFor: ValidFor;
  }>;
}

/** What fetching an image needs: GET a path on the registry, the body or a thrown error. */
export type Get = (path: string) => Promise<Buffer>;

export interface CeilingImage {
  kind: CeilingKind;
  /** Repository path, e.g. `bench/key`. */
  repo: string;
  tag: string;
}

// ---------------------------------------------------------------------------------------------
// DER: a TLV reader, enough for certificates, SCT lists and RFC 3161 tokens.

interface Tlv {
  tag: number;
  /** Offset of the tag byte. */
  off: number;
  /** Header length (tag + length bytes). */
  hl: number;
  len: number;
}

function tlv(b: Buffer, off: number): Tlv {
  const tag = b[off]!;
  let len = b[off + 1]!;
  let hl = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 4) throw new Error(`DER: length of ${n} bytes at ${off}`);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[off + 2 + i]!;
    hl = 2 + n;
  }
  if (off + hl + len > b.length) throw new Error(`DER: element at ${off} runs past the end`);
  return { tag, off, hl, len };
}

const start = (t: Tlv): number => t.off + t.hl;
const end = (t: Tlv): number => t.off + t.hl + t.len;
const value = (b: Buffer, t: Tlv): Buffer => b.subarray(start(t), end(t));
const whole = (b: Buffer, t: Tlv): Buffer => b.subarray(t.off, end(t));

function kids(b: Buffer, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let o = start(t); o < end(t);) {
    const k = tlv(b, o);
    out.push(k);
    o = end(k);
  }
  return out;
}

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 256)) bytes.unshift(x & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function der(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

/** DER bytes of an OBJECT IDENTIFIER's value, for comparing with what a certificate holds. */
function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [a! * 40 + b!];
  for (const n of rest) {
    const enc = [n & 0x7f];
    for (let x = Math.floor(n / 128); x > 0; x = Math.floor(x / 128))
      enc.unshift((x & 0x7f) | 0x80);
    out.push(...enc);
  }
  return Buffer.from(out);
}

const OID_SCT = oid('1.3.6.1.4.1.11129.2.4.2');
const OID_SAN = oid('2.5.29.17');
const OID_ISSUER_V1 = oid('1.3.6.1.4.1.57264.1.1');
const OID_ISSUER_V2 = oid('1.3.6.1.4.1.57264.1.8');
const OID_MESSAGE_DIGEST = oid('1.2.840.113549.1.9.4');
const OID_SIGNED_DATA = oid('1.2.840.113549.1.7.2');
const OID_TSTINFO = oid('1.2.840.113549.1.9.16.1.4');
const HASH_BY_OID: Record<string, string> = {
  [oid('2.16.840.1.101.3.4.2.1').toString('hex')]: 'sha256',
  [oid('2.16.840.1.101.3.4.2.2').toString('hex')]: 'sha384',
  [oid('2.16.840.1.101.3.4.2.3').toString('hex')]: 'sha512',
  [oid('1.2.840.10045.4.3.2').toString('hex')]: 'sha256',
  [oid('1.2.840.10045.4.3.3').toString('hex')]: 'sha384',
  [oid('1.2.840.10045.4.3.4').toString('hex')]: 'sha512',
};

/** The TBS of a certificate and the elements the ceiling reads from it. */
interface LeafParts {
  tbs: Tlv;
  /** The [3] wrapper and the SEQUENCE of extensions in it. */
  extsWrap: Tlv;
  exts: Tlv;
  /** Each extension: its element, OID value bytes, and extnValue contents. */
  list: Array<{ ext: Tlv; oid: Buffer; value: Buffer }>;
}

function leafParts(d: Buffer): LeafParts {
  const cert = tlv(d, 0);
  const tbs = tlv(d, start(cert));
  const fields = kids(d, tbs);
  const extsWrap = fields[fields.length - 1]!;
  if (extsWrap.tag !== 0xa3) throw new Error('certificate has no extensions');
  const exts = tlv(d, start(extsWrap));
  const list = kids(d, exts).map((ext) => {
    const parts = kids(d, ext);
    return { ext, oid: value(d, parts[0]!), value: value(d, parts[parts.length - 1]!) };
  });
  return { tbs, extsWrap, exts, list };
}

/** The precertificate TBS (RFC 6962 3.2): the leaf's TBS with the SCT extension taken out. */
function precertTbs(d: Buffer, p: LeafParts, sct: Tlv): Buffer {
  const exts = der(
    0x30,
    Buffer.concat([d.subarray(start(p.exts), sct.off), d.subarray(end(sct), end(p.exts))]),
  );
  const wrap = der(0xa3, exts);
  return der(0x30, Buffer.concat([d.subarray(start(p.tbs), p.extsWrap.off), wrap]));
}

// ---------------------------------------------------------------------------------------------

interface Log {
  id: Buffer;
  key: KeyObject;
  start: number;
  end: number;
  baseUrl: string;
}

interface Ca {
  start: number;
  end: number;
  intermediate: X509Certificate;
  intermediateKey: KeyObject;
  intermediateSubject: string;
  /** sha256 of the intermediate's SPKI: the SCT's issuer_key_hash. */
  issuerKeyHash: Buffer;
  /** notBefore/notAfter of every certificate in the chain (ms). */
  chainValidity: Array<[number, number]>;
}

interface Tsa {
  start: number;
  end: number;
  key: KeyObject;
  serial: Buffer;
  issuer: Buffer;
  chainValidity: Array<[number, number]>;
}

const sha256 = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();
const validFor = (v: ValidFor): [number, number] => [
  Date.parse(v.start),
  v.end === undefined ? Infinity : Date.parse(v.end),
];
const within = (t: number, [a, b]: [number, number]): boolean => a <= t && t <= b;

function certValidity(c: X509Certificate): [number, number] {
  return [c.validFromDate.getTime(), c.validToDate.getTime()];
}

/** A trust-root chain [leaf-most, …, root]: each certificate signed by the next, the root by itself. */
function trustedChain(rawBytes: string[], what: string): X509Certificate[] {
  const certs = rawBytes.map((r) => new X509Certificate(Buffer.from(r, 'base64')));
  certs.forEach((c, i) => {
    const by = certs[i + 1] ?? c;
    if (!c.verify(by.publicKey) || c.issuer !== by.subject)
      throw new Error(`trusted root: ${what} certificate ${i} is not issued by the next`);
    if (i > 0 && !c.ca) throw new Error(`trusted root: ${what} certificate ${i} is not a CA`);
  });
  return certs;
}

export interface Ceiling {
  verify(img: CeilingImage, get: Get, host: string): Promise<void>;
}

export function createCeiling(t: CeilingTrust): Ceiling {
  const skip = t.skip ?? new Set<Check>();
  const need = (c: Check, ok: boolean, why: string): void => {
    if (!ok && !skip.has(c)) throw new CeilingError(c, why);
  };
  const root = t.trustedRoot;
  const logs = (list: Array<TrustedRootJson['ctlogs'][number] & { baseUrl?: string }>): Log[] =>
    list.map((l) => {
      const [s, e] = validFor(l.publicKey.validFor);
      return {
        id: Buffer.from(l.logId.keyId, 'base64'),
        key: createPublicKey({
          key: Buffer.from(l.publicKey.rawBytes, 'base64'),
          format: 'der',
          type: 'spki',
        }),
        start: s,
        end: e,
        baseUrl: l.baseUrl ?? '',
      };
    });
  const tlogs = logs(root.tlogs);
  const ctlogs = logs(root.ctlogs);
  const cas: Ca[] = root.certificateAuthorities.map((a) => {
    const chain = trustedChain(
      a.certChain.certificates.map((c) => c.rawBytes),
      'CA',
    );
    const intermediate = chain[0]!;
    const [s, e] = validFor(a.validFor);
    return {
      start: s,
      end: e,
      intermediate,
      intermediateKey: intermediate.publicKey,
      intermediateSubject: intermediate.subject,
      issuerKeyHash: sha256(intermediate.publicKey.export({ type: 'spki', format: 'der' })),
      chainValidity: chain.map(certValidity),
    };
  });
  const tsas: Tsa[] = root.timestampAuthorities.map((a) => {
    const chain = trustedChain(
      a.certChain.certificates.map((c) => c.rawBytes),
      'TSA',
    );
    const leaf = chain[0]!;
    const d = leaf.raw;
    const tbs = tlv(d, start(tlv(d, 0)));
    const f = kids(d, tbs);
    const o = f[0]!.tag === 0xa0 ? 1 : 0;
    const [s, e] = validFor(a.validFor);
    return {
      start: s,
      end: e,
      key: leaf.publicKey,
      serial: value(d, f[o]!),
      issuer: whole(d, f[o + 2]!),
      chainValidity: chain.map(certValidity),
    };
  });
  const key =
    t.publicKey === undefined
      ? undefined
      : typeof t.publicKey === 'object' && 'asymmetricKeyType' in t.publicKey
        ? t.publicKey
        : createPublicKey(t.publicKey);
  const keySpki = key?.export({ type: 'spki', format: 'der' });

  /** SET: a log of the root with this ID, valid at the integrated time, signed the entry. */
  const checkSet = (
    e: { body: string; integratedTime: number; logIndex: number; logID: string },
    set: Buffer,
  ): void => {
    const id = Buffer.from(e.logID, 'hex');
    const log = tlogs.find((l) => l.id.equals(id));
    const at = e.integratedTime * 1000;
    need(
      'tlog-log',
      log !== undefined && log.start <= at && at <= log.end,
      `log ${e.logID} is not in the trusted root or not valid at ${new Date(at).toISOString()}`,
    );
    const data = Buffer.from(
      `{"body":${JSON.stringify(e.body)},"integratedTime":${e.integratedTime},"logID":"${e.logID}","logIndex":${e.logIndex}}`,
    );
    need(
      'set',
      log === undefined || verify('sha256', data, log.key, set),
      'signed entry timestamp does not verify',
    );
  };

  /** The certificate's chain at every time, its SCT, its identity; returns its public key. */
  const checkLeaf = (leafDer: Buffer, times: number[]): KeyObject => {
    const leaf = new X509Certificate(leafDer);
    const ca = cas.find((c) => leaf.issuer === c.intermediateSubject);
    need('cert-issuer-name', ca !== undefined, 'leaf names no trusted intermediate as issuer');
    const c = ca ?? cas[0]!;
    need('cert-signature', leaf.verify(c.intermediateKey), 'leaf not signed by the intermediate');
    const lv = certValidity(leaf);
    for (const at of times) {
      need('cert-validity', within(at, lv), `leaf not valid at ${new Date(at).toISOString()}`);
      need(
        'ca-validity',
        within(at, [c.start, c.end]) && c.chainValidity.every((v) => within(at, v)),
        `CA not valid at ${new Date(at).toISOString()}`,
      );
    }
    const p = leafParts(leafDer);
    const seen = new Set<string>();
    let sct: (typeof p.list)[number] | undefined;
    let san: string | undefined;
    let v1: string | undefined;
    let v2: string | undefined;
    for (const x of p.list) {
      const id = x.oid.toString('hex');
      need('ext-duplicate', !seen.has(id), `extension ${id} twice`);
      seen.add(id);
      if (x.oid.equals(OID_SCT)) sct = x;
      else if (x.oid.equals(OID_SAN)) {
        const names = kids(x.value, tlv(x.value, 0));
        const uri = names.find((n) => n.tag === 0x86) ?? names.find((n) => n.tag === 0x81);
        san = uri && value(x.value, uri).toString('utf8');
      } else if (x.oid.equals(OID_ISSUER_V1)) v1 = x.value.toString('utf8');
      else if (x.oid.equals(OID_ISSUER_V2)) v2 = value(x.value, tlv(x.value, 0)).toString('utf8');
    }
    need('issuer-agree', v1 === undefined || v2 === undefined || v1 === v2, 'issuers disagree');
    need('identity-san', san === t.identity, `SAN ${san} is not ${t.identity}`);
    need('identity-issuer', (v2 ?? v1) === t.issuer, `issuer ${v2 ?? v1} is not ${t.issuer}`);
    need('sct-present', sct !== undefined, 'leaf has no SCT');
    if (sct) {
      const tbs = precertTbs(leafDer, p, sct.ext);
      const list = value(sct.value, tlv(sct.value, 0));
      const n = list.readUInt16BE(0);
      let verified = 0;
      for (let o = 2; o < 2 + n;) {
        const len = list.readUInt16BE(o);
        const s = list.subarray(o + 2, o + 2 + len);
        o += 2 + len;
        const logId = s.subarray(1, 33);
        const ts = s.subarray(33, 41);
        const extLen = s.readUInt16BE(41);
        const ext = s.subarray(43, 43 + extLen);
        const sigLen = s.readUInt16BE(45 + extLen);
        const sig = s.subarray(47 + extLen, 47 + extLen + sigLen);
        const at = Number(ts.readBigUInt64BE(0));
        const log = ctlogs.find((l) => l.id.equals(logId));
        need(
          'sct-log',
          log !== undefined && log.start <= at && at <= log.end,
          'SCT from no CT log of the root',
        );
        const head = Buffer.alloc(12);
        head[0] = s[0]!;
        head[1] = 0;
        ts.copy(head, 2);
        head.writeUInt16BE(1, 10);
        const len24 = Buffer.from([tbs.length >> 16, (tbs.length >> 8) & 0xff, tbs.length & 0xff]);
        const extHead = Buffer.from([extLen >> 8, extLen & 0xff]);
        const data = Buffer.concat([head, c.issuerKeyHash, len24, tbs, extHead, ext]);
        const ok = log === undefined || verify('sha256', data, log.key, sig);
        need('sct-signature', ok, 'SCT signature does not verify');
        verified++;
      }
      need('sct-present', verified > 0, 'leaf has an empty SCT list');
    }
    return leaf.publicKey;
  };

  /** A Rekor v1 body: the kind, and that it names this signature, digest and signer. */
  const checkBody = (
    bodyB64: string,
    kind: 'hashedrekord' | 'dsse',
    sig: Buffer,
    digestHex: string,
    signer: Buffer,
  ): void => {
    const b = JSON.parse(Buffer.from(bodyB64, 'base64').toString('utf8')) as {
      kind?: string;
      apiVersion?: string;
      spec?: {
        data?: { hash?: { value?: string } };
        signature?: { content?: string; publicKey?: { content?: string } };
        signatures?: Array<{ signature?: string; verifier?: string }>;
        payloadHash?: { value?: string };
      };
    };
    need('tlog-body-kind', b.kind === kind && b.apiVersion === '0.0.1', `body is ${b.kind}`);
    const s = b.spec;
    const one = kind === 'dsse' ? s?.signatures : undefined;
    need('tlog-body-signature', kind === 'hashedrekord' || one?.length === 1, 'signature count');
    const logged = kind === 'hashedrekord' ? s?.signature?.content : one?.[0]?.signature;
    need(
      'tlog-body-signature',
      Buffer.from(logged ?? '', 'base64').equals(sig),
      'body names another signature',
    );
    const hash = kind === 'hashedrekord' ? s?.data?.hash?.value : s?.payloadHash?.value;
    need('tlog-body-digest', hash === digestHex, 'body names another digest');
    const pem = Buffer.from(
      (kind === 'hashedrekord' ? s?.signature?.publicKey?.content : one?.[0]?.verifier) ?? '',
      'base64',
    ).toString('utf8');
    const m = /^\s*-----BEGIN (?:CERTIFICATE|PUBLIC KEY)-----([A-Za-z0-9+/=\s]*)-----END/.exec(pem);
    const logDer = Buffer.from(m?.[1]?.replace(/\s+/g, '') ?? '', 'base64');
    need('tlog-body-signer', logDer.equals(signer), 'body names another signer');
  };

  interface Proof {
    logIndex: string;
    rootHash: string;
    treeSize: string;
    hashes: string[];
    checkpoint: { envelope: string };
  }

  interface Manifest {
    layers?: Array<{ digest: string; size?: number; annotations?: Record<string, string> }>;
    manifests?: Array<{ digest: string; artifactType?: string }>;
    subject?: { digest: string };
  }

  const legacy = async (img: CeilingImage, get: Get, host: string, digest: string) => {
    const tag = digest.replace(':', '-');
    const sigm = JSON.parse(
      (await get(`/v2/${img.repo}/manifests/${tag}.sig`)).toString(),
    ) as Manifest;
    const layer = sigm.layers?.[0];
    if (!layer) throw new CeilingError('payload-digest', '.sig manifest has no layer');
    const a = layer.annotations ?? {};
    let payload: Buffer = Buffer.from(
      `{"critical":{"identity":{"docker-reference":${JSON.stringify(`${host}/${img.repo}`)}},"image":{"docker-manifest-digest":${JSON.stringify(digest)}},"type":"cosign container image signature"},"optional":null}`,
    );
    let payloadHash = sha256(payload);
    if (`sha256:${payloadHash.toString('hex')}` !== layer.digest) {
      payload = await get(`/v2/${img.repo}/blobs/${layer.digest}`);
      payloadHash = sha256(payload);
      need(
        'payload-digest',
        `sha256:${payloadHash.toString('hex')}` === layer.digest,
        'payload blob does not match its layer digest',
      );
    }
    const ss = JSON.parse(payload.toString('utf8')) as {
      critical?: { type?: string; image?: { 'docker-manifest-digest'?: string } };
    };
    need(
      'payload-type',
      ss.critical?.type === 'cosign container image signature',
      'not a cosign image signature',
    );
    need(
      'payload-subject',
      ss.critical?.image?.['docker-manifest-digest'] === digest,
      'payload signs another digest',
    );
    const sig = Buffer.from(a['dev.cosignproject.cosign/signature'] ?? '', 'base64');
    const bundleText = a['dev.sigstore.cosign/bundle'];
    need('tlog-present', bundleText !== undefined, 'no Rekor bundle annotation');
    if (bundleText === undefined) return;
    const rb = JSON.parse(bundleText) as {
      SignedEntryTimestamp: string;
      Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
    };
    const body = Buffer.from(rb.Payload.body, 'base64').toString('base64');
    checkSet({ ...rb.Payload, body }, Buffer.from(rb.SignedEntryTimestamp, 'base64'));
    let signerKey: KeyObject;
    let signerDer: Buffer;
    if (img.kind === 'key') {
      if (!key || !keySpki) throw new CeilingError('signature', 'no public key');
      signerKey = key;
      signerDer = keySpki;
    } else {
      const pem = a['dev.sigstore.cosign/certificate'] ?? '';
      const m = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem);
      signerDer = Buffer.from(m?.[1]?.replace(/\s+/g, '') ?? '', 'base64');
      signerKey = checkLeaf(signerDer, [rb.Payload.integratedTime * 1000]);
    }
    checkBody(body, 'hashedrekord', sig, payloadHash.toString('hex'), signerDer);
    need('signature', verify('sha256', payload, signerKey, sig), 'signature does not verify');
  };

  /** RFC 3161: over `sig`, by a TSA of the root; returns the time it vouches for (ms). */
  const checkTimestamp = (token: Buffer): ((sig: Buffer) => number) => {
    const resp = tlv(token, 0);
    const contentInfo = kids(token, resp)[1]!;
    const [ct, explicit] = kids(token, contentInfo);
    if (!value(token, ct!).equals(OID_SIGNED_DATA)) throw new Error('RFC 3161: not SignedData');
    const sd = kids(token, tlv(token, start(explicit!)));
    const encap = kids(token, sd[2]!);
    if (!value(token, encap[0]!).equals(OID_TSTINFO)) throw new Error('RFC 3161: not TSTInfo');
    const tstOctets = tlv(token, start(encap[1]!));
    const tst = value(token, tstOctets);
    const signerInfos = sd[sd.length - 1]!;
    const si = kids(token, kids(token, signerInfos)[0]!);
    const [sidIssuer, sidSerial] = kids(token, si[1]!);
    const digestAlg = HASH_BY_OID[value(token, kids(token, si[2]!)[0]!).toString('hex')];
    const signedAttrs = si[3]!;
    const sigAlg = HASH_BY_OID[value(token, kids(token, si[4]!)[0]!).toString('hex')];
    const signature = value(token, si[5]!);
    const info = kids(tst, tlv(tst, 0));
    const imprint = kids(tst, info[2]!);
    const imprintAlg = HASH_BY_OID[value(tst, kids(tst, imprint[0]!)[0]!).toString('hex')];
    const hashed = value(tst, imprint[1]!);
    const gen = value(tst, info[4]!).toString('ascii');
    const at = Date.UTC(
      +gen.slice(0, 4),
      +gen.slice(4, 6) - 1,
      +gen.slice(6, 8),
      +gen.slice(8, 10),
      +gen.slice(10, 12),
      +gen.slice(12, 14),
      gen[14] === '.' ? Math.round(Number(`0${gen.slice(14, gen.length - 1)}`) * 1000) : 0,
    );
    return (sig: Buffer) => {
      need(
        'tsa-imprint',
        imprintAlg !== undefined && createHash(imprintAlg).update(sig).digest().equals(hashed),
        'timestamp is over another signature',
      );
      let md: Buffer | undefined;
      for (const attr of kids(token, signedAttrs)) {
        const [type, values] = kids(token, attr);
        if (value(token, type!).equals(OID_MESSAGE_DIGEST))
          md = value(token, kids(token, values!)[0]!);
      }
      need(
        'tsa-digest',
        digestAlg !== undefined &&
          md !== undefined &&
          createHash(digestAlg).update(tst).digest().equals(md),
        'signed attributes digest another TSTInfo',
      );
      const serial = value(token, sidSerial!);
      const issuer = whole(token, sidIssuer!);
      const tsa = tsas.find(
        (x) => within(at, [x.start, x.end]) && x.serial.equals(serial) && x.issuer.equals(issuer),
      );
      need('tsa-authority', tsa !== undefined, 'timestamp names no TSA of the root');
      const attrs = Buffer.from(whole(token, signedAttrs));
      attrs[0] = 0x31;
      need(
        'tsa-signature',
        tsa === undefined || (sigAlg !== undefined && verify(sigAlg, attrs, tsa.key, signature)),
        'timestamp signature does not verify',
      );
      need(
        'tsa-validity',
        tsa === undefined || tsa.chainValidity.every((v) => within(at, v)),
        'TSA certificate not valid then',
      );
      return at;
    };
  };

  const bundle = async (img: CeilingImage, get: Get, digest: string) => {
    const index = JSON.parse(
      (await get(`/v2/${img.repo}/manifests/${digest.replace(':', '-')}`)).toString(),
    ) as Manifest;
    const desc = index.manifests?.find(
      (m) => m.artifactType === 'application/vnd.dev.sigstore.bundle.v0.3+json',
    );
    if (!desc) throw new CeilingError('referrer-subject', 'no bundle referrer');
    const m = JSON.parse(
      (await get(`/v2/${img.repo}/manifests/${desc.digest}`)).toString(),
    ) as Manifest;
    need('referrer-subject', m.subject?.digest === digest, 'referrer names another subject');
    const layerDigest = m.layers?.[0]?.digest ?? '';
    const blob = await get(`/v2/${img.repo}/blobs/${layerDigest}`);
    need('blob-digest', `sha256:${sha256(blob).toString('hex')}` === layerDigest, 'blob digest');
    const b = JSON.parse(blob.toString('utf8')) as {
      verificationMaterial: {
        certificate?: { rawBytes: string };
        tlogEntries: Array<{
          logIndex: string;
          logId: { keyId: string };
          kindVersion?: { kind?: string; version?: string };
          integratedTime: string;
          inclusionPromise?: { signedEntryTimestamp: string };
          inclusionProof?: Proof;
          canonicalizedBody: string;
        }>;
        timestampVerificationData?: { rfc3161Timestamps?: Array<{ signedTimestamp: string }> };
      };
      dsseEnvelope: { payload: string; payloadType: string; signatures: Array<{ sig: string }> };
    };
    const env = b.dsseEnvelope;
    const payload = Buffer.from(env.payload, 'base64');
    const statement = JSON.parse(payload.toString('utf8')) as {
      _type?: string;
      predicateType?: string;
      subject?: Array<{ digest?: { sha256?: string } }>;
    };
    need(
      'statement-type',
      (statement._type === 'https://in-toto.io/Statement/v1' ||
        statement._type === 'https://in-toto.io/Statement/v0.1') &&
        typeof statement.predicateType === 'string' &&
        statement.predicateType !== '',
      `statement _type ${statement._type} or its predicateType is not in-toto's`,
    );
    const hex = digest.slice('sha256:'.length);
    need(
      'statement-subject',
      env.payloadType === 'application/vnd.in-toto+json' &&
        (statement.subject ?? []).some((s) => s.digest?.sha256 === hex),
      'statement names another digest',
    );
    const sig = Buffer.from(env.signatures[0]?.sig ?? '', 'base64');
    const times: number[] = [];
    const entry = b.verificationMaterial.tlogEntries[0];
    need('tlog-present', entry !== undefined, 'no tlog entry');
    if (entry) {
      const body = Buffer.from(entry.canonicalizedBody, 'base64');
      const bodyB64 = body.toString('base64');
      const logID = Buffer.from(entry.logId.keyId, 'base64').toString('hex');
      if (entry.inclusionPromise) {
        checkSet(
          {
            body: bodyB64,
            integratedTime: Number(entry.integratedTime),
            logIndex: Number(entry.logIndex),
            logID,
          },
          Buffer.from(entry.inclusionPromise.signedEntryTimestamp, 'base64'),
        );
        times.push(Number(entry.integratedTime) * 1000);
      }
      const proof = entry.inclusionProof;
      if (proof) checkProof(body, logID, proof);
    }
    for (const ts of b.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? [])
      times.push(checkTimestamp(Buffer.from(ts.signedTimestamp, 'base64'))(sig));
    need('time-present', times.length > 0, 'no verified signing time');
    const certDer = Buffer.from(b.verificationMaterial.certificate?.rawBytes ?? '', 'base64');
    const leafKey = checkLeaf(certDer, times);
    if (entry) {
      need(
        'tlog-body-kind',
        entry.kindVersion?.kind === 'dsse' && entry.kindVersion.version === '0.0.1',
        `entry says ${entry.kindVersion?.kind}/${entry.kindVersion?.version}`,
      );
      checkBody(entry.canonicalizedBody, 'dsse', sig, sha256(payload).toString('hex'), certDer);
    }
    const type = Buffer.from(env.payloadType);
    const pae = Buffer.concat([
      Buffer.from(`DSSEv1 ${type.length} `),
      type,
      Buffer.from(` ${payload.length} `),
      payload,
    ]);
    need('signature', verify('sha256', pae, leafKey, sig), 'DSSE signature does not verify');
  };

  /** Inclusion proof: the checkpoint signed by the log, equal to the proof, the path to its root. */
  const checkProof = (body: Buffer, logID: string, proof: Proof): void => {
    const envText = proof.checkpoint.envelope;
    const split = envText.indexOf('\n\n');
    const note = envText.slice(0, split + 1);
    const [, size, rootB64] = note.split('\n');
    const id = Buffer.from(logID, 'hex');
    let signed = false;
    for (const m of envText.slice(split + 2).matchAll(/\u2014 (\S+) (\S+)\n/g)) {
      const raw = Buffer.from(m[2]!, 'base64');
      const log = tlogs.find(
        (l) =>
          l.id.equals(id) &&
          l.id.subarray(0, 4).equals(raw.subarray(0, 4)) &&
          l.baseUrl.includes(m[1]!),
      );
      if (log && verify('sha256', Buffer.from(note), log.key, raw.subarray(4))) signed = true;
    }
    need('checkpoint-signature', signed, 'checkpoint not signed by the log');
    const root = Buffer.from(rootB64 ?? '', 'base64');
    need(
      'checkpoint-match',
      size === proof.treeSize && root.equals(Buffer.from(proof.rootHash, 'base64')),
      'proof differs from its checkpoint',
    );
    const index = BigInt(proof.logIndex);
    const treeSize = BigInt(size ?? '0');
    const hashes = proof.hashes.map((h) => Buffer.from(h, 'base64'));
    let ok = index >= 0n && index < treeSize;
    if (ok) {
      const x = index ^ (treeSize - 1n);
      const inner = x === 0n ? 0 : x.toString(2).length;
      const border = (index >> BigInt(inner)).toString(2).split('1').length - 1;
      ok = hashes.length === inner + border;
      if (ok) {
        const node = (l: Buffer, r: Buffer) =>
          createHash('sha256')
            .update(Buffer.from([1]))
            .update(l)
            .update(r)
            .digest();
        let h = createHash('sha256')
          .update(Buffer.from([0]))
          .update(body)
          .digest();
        for (let i = 0; i < inner; i++)
          h = (index >> BigInt(i)) & 1n ? node(hashes[i]!, h) : node(h, hashes[i]!);
        for (let i = inner; i < hashes.length; i++) h = node(hashes[i]!, h);
        ok = h.equals(root);
      }
    }
    need('inclusion-proof', ok, 'Merkle path does not lead to the checkpoint root');
  };

  return {
    async verify(img: CeilingImage, get: Get, host: string): Promise<void> {
      const manifest = await get(`/v2/${img.repo}/manifests/${img.tag}`);
      const digest = `sha256:${sha256(manifest).toString('hex')}`;
      if (img.kind === 'bundle') await bundle(img, get, digest);
      else await legacy(img, get, host, digest);
    },
  };
}

const ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

/** GET over `agent`; anything but 200 throws, naming the path. */
export function agentGet(agent: Agent, origin: string): Get {
  return async (path) => {
    const r = await agent.request({ origin, path, method: 'GET', headers: { accept: ACCEPT } });
    const body = Buffer.from(await r.body.arrayBuffer());
    if (r.statusCode !== 200) throw new Error(`ceiling: GET ${path}: HTTP ${r.statusCode}`);
    return body;
  };
}

export interface CeilingRun {
  /** Images per second per kind. */
  rate: Partial<Record<CeilingKind, number>>;
  /** This process's CPU (user + system) per image per kind, ms. */
  cpuMsPerImage: Partial<Record<CeilingKind, number>>;
}

/**
 * Each kind's images verified by the ceiling, `concurrency` at a time over one undici Agent with
 * as many connections, after a warm-up over its first 30.
 */
export async function measureCeiling(
  images: CeilingImage[],
  o: { url: string; trust: CeilingTrust; concurrency: number },
): Promise<CeilingRun> {
  const ceiling = createCeiling(o.trust);
  const agent = new Agent({ connections: Math.max(o.concurrency, 2) });
  const get = agentGet(agent, o.url);
  const host = new URL(o.url).host;
  const run = async (list: CeilingImage[]): Promise<number> => {
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(o.concurrency, list.length) }, async () => {
        while (next < list.length) await ceiling.verify(list[next++]!, get, host);
      }),
    );
    return performance.now() - started;
  };
  const out: CeilingRun = { rate: {}, cpuMsPerImage: {} };
  try {
    for (const kind of ['key', 'keyless', 'bundle'] as const) {
      const list = images.filter((i) => i.kind === kind);
      if (list.length === 0) continue;
      await run(list.slice(0, 30));
      const cpu = process.cpuUsage();
      const ms = await run(list);
      const used = process.cpuUsage(cpu);
      out.rate[kind] = (list.length * 1000) / ms;
      out.cpuMsPerImage[kind] = (used.user + used.system) / 1000 / list.length;
    }
  } finally {
    await agent.close();
  }
  return out;
}
