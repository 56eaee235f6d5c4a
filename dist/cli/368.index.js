export const id = 368;
export const ids = [368];
export const modules = {

/***/ 91933:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ LeafCertificate),
  z7: () => (/* binding */ nodeX509),
  Kd: () => (/* binding */ withTimestampDer),
  q2: () => (/* binding */ withTrustedCertificates),
  G5: () => (/* binding */ withoutStacks)
});

// UNUSED EXPORTS: TrustedCertificate

// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var dist = __webpack_require__(83917);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./build/core/signatures/asn1-reads.js
// sigstore-js' ASN.1 reading, with the same answers and less allocation: a keyless image
// allocated 335 KB in a batch (sampling heap profile, docs/benchmarks.md "Session 11"), and in a
// batch every scavenge copies the in-flight images' live objects, so allocation costs twice.
// Loaded for its effect by cert-cache.ts, before any certificate is parsed. Each patch keeps the
// method's checks and errors; none remembers anything across certificates.

const original = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).value;
/**
 * sigstore-js finds a certificate's extension by decoding the OID of every extension in turn
 * (`findExtension`, a BigInt per byte), and asks for a dozen extensions per verification: each
 * parsed OID node decodes once here. A node's tag and value are set only by its constructor
 * (neither sigstore-js nor this code reassigns them; a clone gets new nodes), so its OID cannot
 * change after it is read. Remembered per node object (weakly), never by its bytes; a node that
 * is not an OID still throws as before.
 */
const oidOf = new WeakMap();
const decodeOid = original(dist.ASN1Obj.prototype, 'toOID');
dist.ASN1Obj.prototype.toOID = function toOID() {
    let oid = oidOf.get(this);
    if (oid === undefined) {
        oid = decodeOid.call(this);
        oidOf.set(this, oid);
    }
    return oid;
};
/**
 * ByteStream reads a byte as `getBlock(1)[0]`: a Buffer view made for every tag and length byte
 * of every node the parser reads. The same bounds check and error, without the view.
 */
dist.ByteStream.prototype.getUint8 = function getUint8() {
    const s = this;
    if (s.start + 1 > s.view.length)
        throw new Error('request past end of buffer');
    return s.view[s.start++];
};
dist.ByteStream.prototype.getUint16 = function getUint16() {
    const s = this;
    if (s.start + 2 > s.view.length)
        throw new Error('request past end of buffer');
    const v = (s.view[s.start] << 8) | s.view[s.start + 1];
    s.start += 2;
    return v;
};
//# sourceMappingURL=asn1-reads.js.map
;// CONCATENATED MODULE: ./build/core/signatures/der.js
/** Exactly `obj.toDER()`: tag byte, minimal definite length, then the value or the children. */
function encodeDer(obj) {
    // Content sizes in pre-order (the order `write` visits the nodes in): one array per encoding,
    // not a Map entry per node (a certificate has a hundred nodes or more, encoded several times).
    const sizes = [];
    const out = Buffer.allocUnsafe(measure(obj, sizes));
    const cursor = { node: 0 };
    const end = write(obj, out, 0, sizes, cursor);
    if (end !== out.length || cursor.node !== sizes.length)
        throw new Error(`DER encoder wrote ${end} of ${out.length} bytes`);
    return out;
}
/** Records the content size of `o` and of each node below it, in pre-order; returns o's encoded size. */
function measure(o, sizes) {
    const at = sizes.length;
    sizes.push(0);
    let n = 0;
    if (o.subs.length > 0)
        for (const s of o.subs)
            n += measure(s, sizes);
    else
        n = o.value.length;
    sizes[at] = n;
    return 1 + lengthSize(n) + n;
}
function lengthSize(n) {
    if (n < 128)
        return 1;
    let bytes = 0;
    for (let v = n; v > 0; v = Math.floor(v / 256))
        bytes++;
    return 1 + bytes;
}
function write(o, out, at, sizes, cursor) {
    let pos = at;
    out[pos++] = o.tag.toDER();
    const n = sizes[cursor.node++];
    if (n < 128) {
        out[pos++] = n;
    }
    else {
        const len = lengthSize(n) - 1;
        out[pos++] = 0x80 | len;
        for (let i = len - 1; i >= 0; i--)
            out[pos++] = Math.floor(n / 256 ** i) % 256;
    }
    if (o.subs.length > 0)
        for (const s of o.subs)
            pos = write(s, out, pos, sizes, cursor);
    else
        pos += o.value.copy(out, pos);
    return pos;
}
//# sourceMappingURL=der.js.map
;// CONCATENATED MODULE: ./build/core/signatures/cert-cache.js
// Certificates that remember what they already computed: trust-root CA/TSA certificates keep
// their DER, key and the verdict of one trust-root certificate signing another for the whole run;
// a bundle's leaf keeps its own encodings for the one verification it belongs to.




/**
 * sigstore-js re-encodes a certificate to DER on every `equals`, `publicKey` and `verify`, and
 * re-checks the trust root's own chain (intermediate by root, root by itself) for every image and
 * every timestamp. These results depend only on trust-root bytes, fixed for the run, so they are
 * computed once. Nothing that depends on a bundle's leaf, or on a time, is remembered across
 * verifications: validity dates are checked by sigstore-js on every call, and a leaf is never
 * a TrustedCertificate.
 */
class TrustedCertificate extends dist.X509Certificate {
    der;
    spki;
    key;
    /** Signature verdicts keyed by the issuing trusted certificate (`this` for self-signed). */
    verdicts = new Map();
    constructor(cert) {
        super(cert.root);
        this.der = encodeDer(cert.root);
        this.spki = super.publicKey;
        trustedKeys.set(this.spki.toString('latin1'), this);
    }
    get publicKey() {
        // A copy: callers get their own bytes, as they would from a fresh encoding.
        return Buffer.from(this.spki);
    }
    /** The KeyObject for this certificate's SPKI, created once. */
    keyObject() {
        return (this.key ??= createPublicKey(this.spki));
    }
    equals(other) {
        return this.der.equals(derOf(other));
    }
    clone() {
        return cloneOf(this.der);
    }
    verify(issuer) {
        const by = issuer ?? this;
        // Only a trust-root issuer is remembered; anything else (a bundle's certificate posing as
        // the issuer of a root certificate) is checked afresh every time.
        if (!(by instanceof TrustedCertificate))
            return super.verify(issuer);
        let ok = this.verdicts.get(by);
        if (ok === undefined) {
            ok = dist.crypto.verify(encodeDer(this.tbsCertificate), by.keyObject(), this.signatureValue, this.signatureAlgorithm);
            this.verdicts.set(by, ok);
        }
        return ok;
    }
}
/**
 * Trust-root certificates by their SPKI (the whole DER, one character per byte: latin1 is one-to-one and cheaper than base64), for sigCrypto.createPublicKey
 * below. Only TrustedCertificates are put here, never a bundle's certificate.
 */
const trustedKeys = new Map();
const createPublicKey = dist.crypto.createPublicKey;
/**
 * sigstore-js' RFC 3161 check (verify/dist/timestamp/tsa.js) builds the TSA's KeyObject from
 * `leaf.publicKey` for every timestamp it checks; for a trust-root certificate's exact SPKI bytes
 * (the whole DER is the lookup key) this returns the KeyObject that certificate made once. Any
 * other key, including every bundle's, is created afresh as before.
 */
const createPublicKeyOnce = (key, type) => {
    if (Buffer.isBuffer(key) && (type === undefined || type === 'spki') && trustedKeys.size > 0) {
        const known = trustedKeys.get(key.toString('latin1'));
        if (known)
            return known.keyObject();
    }
    return createPublicKey(key, type);
};
dist.crypto.createPublicKey = createPublicKeyOnce;
/**
 * A bundle's leaf certificate for one verification: its DER, TBS bytes and the verdict of each
 * issuer it was checked against are kept on this object only, which lives as long as the one
 * bundle being verified (sigstore-js checks the chain once per timestamp).
 */
class LeafCertificate extends dist.X509Certificate {
    der;
    tbs;
    spki;
    verdicts = new Map();
    constructor(cert) {
        super(cert.root);
        this.der = encodeDer(cert.root);
    }
    get publicKey() {
        return Buffer.from((this.spki ??= spkiOf(this)));
    }
    equals(other) {
        return this.der.equals(derOf(other));
    }
    /**
     * The SCT check's copy, from this certificate's parsed tree rather than a second parse of its
     * DER. sigstore-js edits a clone in one place, the extension list (it splices the SCT
     * extension out): the nodes from the root down to that list, and the list itself, are the
     * copy's own, so the edit leaves this certificate as it was; every other node is shared, and
     * nothing reassigns a node's tag, value or children (asn1-reads.ts relies on that too).
     */
    clone() {
        const c = new dist.X509Certificate(copyToExtensions(this.root));
        const tbs = c.tbsCertificate;
        tbs.toDER = () => encodeDer(tbs);
        return c;
    }
    verify(issuer) {
        const by = issuer ?? this;
        let ok = this.verdicts.get(by);
        if (ok === undefined) {
            const key = by instanceof TrustedCertificate
                ? by.keyObject()
                : dist.crypto.createPublicKey(by === this ? this.publicKey : by.publicKey);
            ok = dist.crypto.verify((this.tbs ??= encodeDer(this.tbsCertificate)), key, this.signatureValue, this.signatureAlgorithm);
            this.verdicts.set(by, ok);
        }
        return ok;
    }
}
/**
 * A plain, independent copy (sigstore-js edits a clone's extensions to rebuild the precertificate
 * for SCTs); its TBS is encoded by encodeDer, from the tree as it is when asked.
 */
function cloneOf(der) {
    const c = dist.X509Certificate.parse(Buffer.from(der));
    const tbs = c.tbsCertificate;
    tbs.toDER = () => encodeDer(tbs);
    return c;
}
/**
 * The DER of a certificate's SubjectPublicKeyInfo: sigstore-js' `publicKey` is that node's
 * ASN1Obj.toDER(), encoded here by encodeDer (the same bytes; where the tree has no such node,
 * both fail alike).
 */
function spkiOf(c) {
    return encodeDer(c.subjectPublicKeyInfoObj);
}
/**
 * A copy of a certificate tree whose path to the extension list is new (root, TBSCertificate,
 * each `[3]` extensions field and the SEQUENCE inside it, with a new children array each) and
 * whose other nodes are the original's.
 */
function copyToExtensions(root) {
    const own = (o, subs) => new dist.ASN1Obj(o.tag, o.value, subs);
    const [tbs, ...rest] = root.subs;
    if (tbs === undefined)
        return own(root, []);
    const tbsSubs = tbs.subs.map((f) => f.tag.isContextSpecific(0x03)
        ? own(f, f.subs.map((seq) => own(seq, [...seq.subs])))
        : f);
    return own(root, [own(tbs, tbsSubs), ...rest]);
}
function derOf(c) {
    return c instanceof TrustedCertificate || c instanceof LeafCertificate ? c.der : c.root.toDER();
}
/** The same CAs and TSAs, their certificates as TrustedCertificates. */
function withTrustedCertificates(m) {
    const wrap = (ca) => ({
        ...ca,
        certChain: ca.certChain.map((c) => new TrustedCertificate(c)),
    });
    return {
        ...m,
        certificateAuthorities: m.certificateAuthorities.map(wrap),
        timestampAuthorities: m.timestampAuthorities.map(wrap),
    };
}
/**
 * sigstore-js re-encodes a timestamp's signed attributes and its TSTInfo through ASN1Obj.toDER
 * (growing buffers at every level) each time it checks them; encodeDer gives the same bytes in
 * one allocation. The tree is the timestamp's own, parsed once from the bundle and not changed
 * after, and each call still encodes afresh (the caller edits the first byte of the result).
 * A timestamp whose structure lacks these parts is left as it is, for sigstore-js to reject.
 */
function withTimestampDer(ts) {
    const parts = ts;
    let nodes;
    try {
        nodes = [parts.signedAttrsObj, parts.eContentObj?.subs[0]?.subs[0]];
    }
    catch {
        return ts;
    }
    for (const n of nodes)
        if (n)
            n.toDER = () => encodeDer(n);
    return ts;
}
/**
 * Runs synchronous sigstore-js parsing or verification with no stack traces on the errors made
 * inside: its ASN.1 parser throws and catches an ASN1ParseError for every OCTET STRING it probes
 * for nested DER, and capturing a stack is most of what such an error costs. Only the messages of
 * sigstore-js' errors are reported (toVerifyGateError), never their stacks. The limit is put back
 * before returning, and no other code runs in between (`fn` is synchronous).
 */
function withoutStacks(fn) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return fn();
    }
    finally {
        Error.stackTraceLimit = limit;
    }
}
/** How many of the newest leaf certificates nodeX509 keeps (about one per image in flight). */
const NODE_X509_KEPT = 64;
const nodeX509s = new Map();
/**
 * Node's X509Certificate for these DER bytes, parsed once while the image is being verified: a
 * cosign `.sig` layer's certificate is parsed by Node when it is read (legacy.ts, to fail early on
 * a bad one) and again for the facts a revocation list names it by (verify-signer.ts). Keyed by
 * the whole DER, and only a parse is kept (Node's object is immutable), never a verdict.
 */
function nodeX509(der) {
    const key = der.toString('latin1');
    let c = nodeX509s.get(key);
    if (c === undefined) {
        c = new external_node_crypto_.X509Certificate(der);
        nodeX509s.set(key, c);
        if (nodeX509s.size > NODE_X509_KEPT)
            nodeX509s.delete(nodeX509s.keys().next().value);
    }
    return c;
}
//# sourceMappingURL=cert-cache.js.map

/***/ }),

/***/ 59956:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K4: () => (/* binding */ describeExtensionChecks),
/* harmony export */   lQ: () => (/* binding */ readCertIdentity),
/* harmony export */   oD: () => (/* binding */ matchIdentity)
/* harmony export */ });
/* unused harmony exports OID_ISSUER_V1, OID_ISSUER_V2 */
/* harmony import */ var _sigstore_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83917);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62807);
/* harmony import */ var _signer_policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23303);
// Keyless signer identity: reads the SAN and Fulcio extensions from a signing certificate
// ourselves and matches them against the policy with anchored matchers (never sigstore-js').



const OID_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
const OID_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const OID_OTHERNAME_SAN = '1.3.6.1.4.1.57264.1.7';
// Fulcio's first extensions (.1.1 - .1.6) hold the raw string as the extension value; every
// later one (.1.8 onwards) holds a DER UTF8String, per Fulcio's docs/oid-info.md.
const RAW_VALUE_OIDS = new Set([1, 2, 3, 4, 5, 6].map((n) => `1.3.6.1.4.1.57264.1.${n}`));
/**
 * Decode the identity from a leaf certificate. Rejects (UNTRUSTED_SIGNER) a certificate that
 * holds an extension twice (RFC 5280 4.2; Go's x509, as cosign reads it, refuses it too), whose
 * v2 issuer is not a string, or whose v1 and v2 issuer extensions disagree: a CA that says two
 * things must not be believed once.
 */
function readCertIdentity(cert) {
    const extensions = new Map();
    const present = new Set();
    for (const ext of cert.extensions) {
        const oid = ext.subs[0]?.toOID();
        const valueObj = ext.subs[ext.subs.length - 1];
        if (oid === undefined || valueObj === undefined)
            continue;
        if (present.has(oid))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', `certificate holds extension ${oid} twice`);
        present.add(oid);
        if (oid === OID_SAN)
            refuseNonAsciiNames(valueObj.value);
        if (oid === OID_EKU)
            refuseOtherUsage(valueObj.value);
        const value = decodeExtensionValue(oid, valueObj.value);
        if (value !== undefined)
            extensions.set(oid, value);
    }
    const v1 = extensions.get(OID_ISSUER_V1);
    const v2 = extensions.get(OID_ISSUER_V2);
    if (present.has(OID_ISSUER_V2) && v2 === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', `certificate issuer extension ${OID_ISSUER_V2} is not a DER string`);
    if (v1 !== undefined && v2 !== undefined && v1 !== v2) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', `certificate issuer extensions disagree: ${OID_ISSUER_V2}=${JSON.stringify(v2)} but ${OID_ISSUER_V1}=${JSON.stringify(v1)}`);
    }
    const sanExt = cert.extSubjectAltName;
    const san = sanExt?.uri ?? sanExt?.rfc822Name ?? sanExt?.otherName(OID_OTHERNAME_SAN);
    return { san, issuer: v2 ?? v1, extensions, present };
}
/**
 * sigstore-js reads the SAN's names with Node's `ascii` decoding, which clears each byte's top
 * bit: `github\xaecom` would read as `github.com` and match a policy naming it. IA5String (email,
 * URI) holds ASCII only, and Fulcio writes its otherName username as ASCII too: a name with a
 * byte from 0x80 is refused rather than read as another name. (Fulcio does not issue such names;
 * a CA of a custom trusted root might.)
 */
function refuseNonAsciiNames(raw) {
    let names;
    try {
        names = _sigstore_core__WEBPACK_IMPORTED_MODULE_0__.ASN1Obj.parseBuffer(Buffer.from(raw)).subs;
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', 'certificate subject alternative name is not DER');
    }
    for (const n of names) {
        // otherName [0], rfc822Name [1], dNSName [2], URI [6]: the names read as text.
        if (![0x00, 0x01, 0x02, 0x06].some((t) => n.tag.isContextSpecific(t)))
            continue;
        const values = n.tag.isContextSpecific(0x00)
            ? (n.subs[1]?.subs ?? []).map((v) => v.value)
            : [n.value];
        for (const v of values)
            if (v.some((b) => b >= 0x80))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', 'certificate subject alternative name holds a byte outside ASCII, which is read as another name');
    }
}
const OID_SAN = '2.5.29.17';
/**
 * A leaf whose extended key usage does not allow code signing (a TLS server certificate from the
 * same CA) signs nothing here. sigstore-js never checks it; cosign and sigstore-go verify the
 * chain for ExtKeyUsageCodeSigning, as Go's x509 reads it: no extension at all, or
 * anyExtendedKeyUsage, allows it. Only a CA of a custom trusted root issues such leaves.
 */
function refuseOtherUsage(raw) {
    let usages;
    try {
        usages = _sigstore_core__WEBPACK_IMPORTED_MODULE_0__.ASN1Obj.parseBuffer(Buffer.from(raw)).subs.map((o) => o.toOID());
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', 'certificate extended key usage is not DER');
    }
    if (!usages.includes(OID_CODE_SIGNING) && !usages.includes(OID_ANY_USAGE))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', `certificate is not for code signing: its extended key usage is ${usages.join(', ') || 'empty'}, without ${OID_CODE_SIGNING}`);
}
const OID_EKU = '2.5.29.37';
const OID_CODE_SIGNING = '1.3.6.1.5.5.7.3.3';
const OID_ANY_USAGE = '2.5.29.37.0';
/** DER tag bytes of the string types an extension value may be: UTF8String, PrintableString, IA5String. */
const STRING_TAGS = new Set([0x0c, 0x13, 0x16]);
function decodeExtensionValue(oid, raw) {
    if (RAW_VALUE_OIDS.has(oid))
        return raw.toString('utf8');
    // Anything else (key usage, SCT list, \u2026) is not text; parsing it only to learn that costs a
    // thrown error per extension per certificate.
    if (raw.length === 0 || !STRING_TAGS.has(raw[0]))
        return undefined;
    try {
        const obj = _sigstore_core__WEBPACK_IMPORTED_MODULE_0__.ASN1Obj.parseBuffer(Buffer.from(raw));
        // UTF8String (12), PrintableString (19), IA5String (22)
        if (!obj.tag.constructed && obj.tag.class === 0 && [12, 19, 22].includes(obj.tag.number)) {
            return obj.value.toString('utf8');
        }
    }
    catch {
        // Not a DER string: an extension we cannot express as text; it can only fail a policy.
    }
    return undefined;
}
/**
 * The first rule the identity satisfies; otherwise UNTRUSTED_SIGNER saying what was expected
 * and what the certificate holds.
 */
function matchIdentity(rules, id) {
    for (const rule of rules) {
        if (!(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .matches */ .cK)(rule.subject, id.san))
            continue;
        if (!(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .matches */ .cK)(rule.issuer, id.issuer))
            continue;
        if ((rule.extensions ?? []).every((c) => checkExtension(c, id) === undefined))
            return rule;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('UNTRUSTED_SIGNER', `certificate identity not trusted: ${mismatch(rules, id)}`);
}
/** Why the certificate fails the check, or undefined when it passes. */
function checkExtension(check, id) {
    let seen = false;
    for (const { oid, value } of check.carriers) {
        const got = id.extensions.get(oid);
        if (got === undefined) {
            if (id.present?.has(oid))
                return `${check.name} extension ${oid} is present but not a string`;
            continue;
        }
        seen = true;
        const ok = value === 'san' ? id.san !== undefined && got === id.san : (0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .matches */ .cK)(value, got);
        if (!ok)
            return `expected ${check.name} extension ${oid}=${describeCarrier(value)}, got ${JSON.stringify(got)}`;
    }
    if (seen || check.optional === true)
        return undefined;
    const oids = check.carriers.map((c) => c.oid).join(' or ');
    return `expected ${check.name} extension ${oids}=${check.carriers.map((c) => describeCarrier(c.value)).join(' / ')}, but the certificate has none`;
}
function describeCarrier(value) {
    return value === 'san' ? 'the SAN' : (0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .describeMatcher */ .OT)(value);
}
function mismatch(rules, id) {
    const got = `got identity ${JSON.stringify(id.san ?? null)} issuer ${JSON.stringify(id.issuer ?? null)}`;
    if (rules.length !== 1) {
        const wanted = rules.map((r) => `${(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .describeMatcher */ .OT)(r.subject)} (${(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .describeMatcher */ .OT)(r.issuer)})`);
        return `${got}; expected one of ${wanted.join(', ')}`;
    }
    const rule = rules[0];
    if (!(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .matches */ .cK)(rule.subject, id.san)) {
        return `expected identity ${(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .describeMatcher */ .OT)(rule.subject)}, ${got}`;
    }
    if (!(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .matches */ .cK)(rule.issuer, id.issuer)) {
        return `expected issuer ${(0,_signer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .describeMatcher */ .OT)(rule.issuer)}, ${got}`;
    }
    for (const c of rule.extensions ?? []) {
        const why = checkExtension(c, id);
        if (why !== undefined)
            return why;
    }
    return got;
}
/**
 * The report's wording of the checks: OID -> required value. Every carrier present must match;
 * a deprecated one is enough alone where the current one is absent; optional ones only bind
 * where present.
 */
function describeExtensionChecks(checks) {
    const out = {};
    for (const c of checks) {
        const [first] = c.carriers;
        for (const carrier of c.carriers) {
            const note = c.optional === true
                ? ' (where present)'
                : carrier === first
                    ? ''
                    : ` (deprecated OID; enough alone where ${first.oid} is absent)`;
            out[carrier.oid] = `${describeCarrier(carrier.value)}${note}`;
        }
    }
    return out;
}
//# sourceMappingURL=identity.js.map

/***/ }),

/***/ 8429:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IY: () => (/* binding */ checkSimpleSigningPayload),
/* harmony export */   a2: () => (/* binding */ legacyVerificationMaterial),
/* harmony export */   g2: () => (/* binding */ legacyLayerToBundle),
/* harmony export */   vK: () => (/* binding */ cosignSimpleSigningPayload)
/* harmony export */ });
/* unused harmony exports ANNOTATION_SIGNATURE, ANNOTATION_CERTIFICATE, ANNOTATION_CHAIN, ANNOTATION_BUNDLE, ANNOTATION_TIMESTAMP, SIMPLE_SIGNING_TYPE */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62807);
/* harmony import */ var _cert_cache_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91933);
/* harmony import */ var _strict_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56086);
// Cosign legacy `.sig` layers: checks the simple-signing payload against the image digest and
// rewrites the layer's annotations as a Sigstore v0.1 bundle, so one verifier handles both forms.




const ANNOTATION_SIGNATURE = 'dev.cosignproject.cosign/signature';
const ANNOTATION_CERTIFICATE = 'dev.sigstore.cosign/certificate';
const ANNOTATION_CHAIN = 'dev.sigstore.cosign/chain';
const ANNOTATION_BUNDLE = 'dev.sigstore.cosign/bundle';
const ANNOTATION_TIMESTAMP = 'dev.sigstore.cosign/rfc3161timestamp';
const SIMPLE_SIGNING_TYPE = 'cosign container image signature';
/**
 * Strictly parse the simple-signing payload and require that it is a cosign image signature
 * for exactly `imageDigest` (PAYLOAD_MISMATCH otherwise, MALFORMED if it does not parse).
 */
function checkSimpleSigningPayload(payload, imageDigest) {
    let json;
    try {
        json = (0,_strict_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseStrictJsonBytes */ .ml)(payload);
    }
    catch (e) {
        const why = e instanceof _strict_json_js__WEBPACK_IMPORTED_MODULE_3__/* .StrictJsonError */ .U7 ? e.message : String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `simple-signing payload is not strict JSON: ${why}`, {
            cause: e,
        });
    }
    const critical = field(json, 'critical');
    const type = field(critical, 'type');
    if (type !== SIMPLE_SIGNING_TYPE) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('PAYLOAD_MISMATCH', `simple-signing payload critical.type is ${JSON.stringify(type ?? null)}, expected ${JSON.stringify(SIMPLE_SIGNING_TYPE)}`);
    }
    const digest = field(field(critical, 'image'), 'docker-manifest-digest');
    if (digest !== imageDigest) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('PAYLOAD_MISMATCH', `simple-signing payload signs ${JSON.stringify(digest ?? null)}, not the image digest ${imageDigest}`);
    }
}
/**
 * The payload `cosign sign` writes for `dockerReference@imageDigest` when given no `-a`
 * annotations, byte for byte: Go's encoding/json of cosign's struct (fields in declaration
 * order, no spaces, no trailing newline). The names in a reference need none of the escapes where
 * Go and JSON.stringify differ (`<`, `>`, `&`, U+2028/9).
 */
function cosignSimpleSigningPayload(dockerReference, imageDigest) {
    return Buffer.from(JSON.stringify({
        critical: {
            identity: { 'docker-reference': dockerReference },
            image: { 'docker-manifest-digest': imageDigest },
            type: SIMPLE_SIGNING_TYPE,
        },
        optional: null,
    }), 'utf8');
}
/** The layer as a Sigstore bundle v0.1 (JSON form), messageSignature over the payload. */
function legacyLayerToBundle(layer) {
    const a = layer.annotations;
    const sig = a[ANNOTATION_SIGNATURE];
    if (sig === undefined || sig === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(sig)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `.sig layer annotation ${ANNOTATION_SIGNATURE} is missing or not base64`);
    }
    return {
        mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
        verificationMaterial: legacyVerificationMaterial(a, '.sig layer'),
        messageSignature: {
            messageDigest: {
                algorithm: 'SHA2_256',
                digest: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(layer.payload).digest('base64'),
            },
            signature: sig,
        },
    };
}
/**
 * A cosign layer's certificate, SET bundle and RFC 3161 annotations as bundle
 * `verificationMaterial` (JSON form); `what` names the layer kind in messages.
 */
function legacyVerificationMaterial(a, what) {
    const verificationMaterial = {};
    const certPem = a[ANNOTATION_CERTIFICATE];
    if (certPem !== undefined && certPem !== '') {
        // Only the leaf: the chain annotation is unauthenticated, and the CA chain comes from the
        // trusted root. (A chain that carried its own root would only invite confusion.)
        verificationMaterial['x509CertificateChain'] = {
            certificates: [{ rawBytes: pemCertToDer(certPem, what).toString('base64') }],
        };
    }
    else {
        // The hint is not used to pick a key: the verifier tries the policy's keys.
        verificationMaterial['publicKey'] = { hint: '' };
    }
    verificationMaterial['tlogEntries'] =
        a[ANNOTATION_BUNDLE] !== undefined ? [setToTlogEntry(a[ANNOTATION_BUNDLE], what)] : [];
    const ts = a[ANNOTATION_TIMESTAMP];
    if (ts !== undefined) {
        const signed = field(strictAnnotation(ts, ANNOTATION_TIMESTAMP, what), 'SignedRFC3161Timestamp');
        if (typeof signed !== 'string') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `${what} annotation ${ANNOTATION_TIMESTAMP} has no SignedRFC3161Timestamp`);
        }
        verificationMaterial['timestampVerificationData'] = {
            rfc3161Timestamps: [{ signedTimestamp: signed }],
        };
    }
    return verificationMaterial;
}
/** cosign's `{SignedEntryTimestamp, Payload: {body, integratedTime, logIndex, logID}}` as a tlog entry. */
function setToTlogEntry(text, what) {
    const json = strictAnnotation(text, ANNOTATION_BUNDLE, what);
    const set = field(json, 'SignedEntryTimestamp');
    const payload = field(json, 'Payload');
    const body = field(payload, 'body');
    const integratedTime = field(payload, 'integratedTime');
    const logIndex = field(payload, 'logIndex');
    const logID = field(payload, 'logID');
    const bad = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `${what} annotation ${ANNOTATION_BUNDLE}: ${why}`);
    if (typeof set !== 'string' || set === '')
        throw bad('no SignedEntryTimestamp');
    if (typeof body !== 'string')
        throw bad('no Payload.body');
    if (!isNonNegativeInt(integratedTime))
        throw bad(`Payload.integratedTime ${JSON.stringify(integratedTime ?? null)} is not a non-negative integer`);
    if (!isNonNegativeInt(logIndex))
        throw bad(`Payload.logIndex ${JSON.stringify(logIndex ?? null)} is not a non-negative integer`);
    if (typeof logID !== 'string' || !/^[a-f0-9]{64}$/.test(logID))
        throw bad('Payload.logID is not 64 hex characters');
    // kind/version come from the body itself; sigstore-js then checks they agree.
    const decoded = Buffer.from(body, 'base64');
    let kind;
    let version;
    try {
        const b = (0,_strict_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseStrictJsonBytes */ .ml)(decoded);
        kind = field(b, 'kind');
        version = field(b, 'apiVersion');
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `${what} annotation ${ANNOTATION_BUNDLE}: Payload.body is not base64 JSON`, { cause: e });
    }
    if (typeof kind !== 'string' || typeof version !== 'string')
        throw bad('Payload.body has no kind/apiVersion');
    return {
        logIndex: String(logIndex),
        logId: { keyId: Buffer.from(logID, 'hex').toString('base64') },
        kindVersion: { kind, version },
        integratedTime: String(integratedTime),
        inclusionPromise: { signedEntryTimestamp: set },
        canonicalizedBody: body,
    };
}
function strictAnnotation(text, name, what) {
    try {
        return (0,_strict_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseStrictJsonBytes */ .ml)(Buffer.from(text, 'utf8'));
    }
    catch (e) {
        const why = e instanceof _strict_json_js__WEBPACK_IMPORTED_MODULE_3__/* .StrictJsonError */ .U7 ? e.message : String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `${what} annotation ${name} is not strict JSON: ${why}`, {
            cause: e,
        });
    }
}
function pemCertToDer(pem, what) {
    const m = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem);
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `${what} annotation ${ANNOTATION_CERTIFICATE} is not a PEM certificate`);
    const der = Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
    try {
        (0,_cert_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeX509 */ .z7)(der);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('MALFORMED', `${what} annotation ${ANNOTATION_CERTIFICATE} does not parse as X.509`, { cause: e });
    }
    return der;
}
function isNonNegativeInt(v) {
    return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
function field(o, k) {
    return typeof o === 'object' && o !== null && !Array.isArray(o)
        ? o[k]
        : undefined;
}
//# sourceMappingURL=legacy.js.map

/***/ }),

/***/ 23303:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nt: () => (/* binding */ escapeRegExp),
/* harmony export */   OT: () => (/* binding */ describeMatcher),
/* harmony export */   cK: () => (/* binding */ matches)
/* harmony export */ });
/* unused harmony export matcherToRegExp */
/** Compile a matcher into an anchored RegExp: exact strings are escaped, regexps wrapped. */
function matcherToRegExp(m) {
    if ('exact' in m)
        return new RegExp(`^${escapeRegExp(m.exact)}$`);
    return new RegExp(`^(?:${m.regexp})$`);
}
function matches(m, value) {
    if (value === undefined)
        return false;
    return 'exact' in m ? value === m.exact : matcherToRegExp(m).test(value);
}
function describeMatcher(m) {
    return 'exact' in m ? m.exact : `/${m.regexp}/`;
}
/** Escape every RegExp metacharacter, so a literal can sit inside an anchored pattern. */
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
//# sourceMappingURL=signer-policy.js.map

/***/ }),

/***/ 31893:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   By: () => (/* binding */ parseStatement),
/* harmony export */   Ky: () => (/* binding */ parseSubjectDigest),
/* harmony export */   T4: () => (/* binding */ IN_TOTO_PAYLOAD_TYPE),
/* harmony export */   jj: () => (/* binding */ checkSubject)
/* harmony export */ });
/* unused harmony exports STATEMENT_TYPES, MAX_SUBJECTS, MAX_DIGESTS_PER_SUBJECT */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40332);
/* harmony import */ var _strict_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56086);
// In-toto statements inside DSSE envelopes: the parts sigstore-js leaves to callers (payload
// type, strict statement parsing, size bounds, and binding the subject to the image digest).



const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const STATEMENT_TYPES = [
    'https://in-toto.io/Statement/v0.1',
    'https://in-toto.io/Statement/v1',
];
const MAX_SUBJECTS = _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .LIMITS */ .b1.subjectsPerStatement;
const MAX_DIGESTS_PER_SUBJECT = _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .LIMITS */ .b1.digestsPerSubject;
function parseSubjectDigest(digest) {
    const m = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/.exec(digest);
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('USAGE', `subject digest ${JSON.stringify(digest)} is not sha256:<64 hex> or sha512:<128 hex>`);
    const [algorithm, hex] = digest.split(':');
    return { algorithm, hex };
}
/** Strictly parse and shape-check a DSSE payload as an in-toto statement (before any crypto). */
function parseStatement(payloadType, payload) {
    if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('PAYLOAD_MISMATCH', `DSSE payloadType ${JSON.stringify(payloadType)} is not ${IN_TOTO_PAYLOAD_TYPE}`);
    }
    let json;
    try {
        json = (0,_strict_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseStrictJsonBytes */ .ml)(payload);
    }
    catch (e) {
        const why = e instanceof _strict_json_js__WEBPACK_IMPORTED_MODULE_2__/* .StrictJsonError */ .U7 ? e.message : String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', `in-toto statement is not strict JSON: ${why}`, { cause: e });
    }
    if (!isObject(json))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', 'in-toto statement is not a JSON object');
    const type = json['_type'];
    if (typeof type !== 'string' || !STATEMENT_TYPES.includes(type)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('PAYLOAD_MISMATCH', `in-toto statement _type ${JSON.stringify(type ?? null)} is not Statement v0.1 or v1`);
    }
    const predicateType = json['predicateType'];
    if (typeof predicateType !== 'string' || predicateType === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', 'in-toto statement has no predicateType');
    }
    const subject = json['subject'];
    if (!Array.isArray(subject) || subject.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', 'in-toto statement has no subject list');
    }
    if (subject.length > MAX_SUBJECTS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', `in-toto statement has ${subject.length} subjects (limit ${MAX_SUBJECTS})`);
    }
    subject.forEach((s, i) => {
        if (!isObject(s) || !isObject(s['digest'])) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', `in-toto statement subject ${i} has no digest object`);
        }
        const digests = Object.entries(s['digest']);
        if (digests.length > MAX_DIGESTS_PER_SUBJECT) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', `in-toto statement subject ${i} has ${digests.length} digests (limit ${MAX_DIGESTS_PER_SUBJECT})`);
        }
        for (const [alg, v] of digests) {
            if (typeof v !== 'string')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', `in-toto statement subject ${i} digest ${alg} is not a string`);
        }
        if (s['name'] !== undefined && typeof s['name'] !== 'string') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('MALFORMED', `in-toto statement subject ${i} name is not a string`);
        }
    });
    return json;
}
/** PAYLOAD_MISMATCH unless some subject carries exactly this digest. */
function checkSubject(statement, want) {
    const hit = statement.subject.some((s) => s.digest[want.algorithm]?.toLowerCase() === want.hex);
    if (!hit) {
        const names = statement.subject
            .slice(0, 3)
            .map((s) => Object.entries(s.digest)
            .map(([a, v]) => `${a}:${v}`)
            .join('/'))
            .join(', ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('PAYLOAD_MISMATCH', `in-toto statement subjects (${names}${statement.subject.length > 3 ? ', ...' : ''}) do not include ${want.algorithm}:${want.hex}`);
    }
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
//# sourceMappingURL=statement.js.map

/***/ }),

/***/ 77368:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createSignatureVerifier: () => (/* binding */ createSignatureVerifier)
});

// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(62807);
// EXTERNAL MODULE: ./build/core/limits.js
var limits = __webpack_require__(40332);
// EXTERNAL MODULE: ./build/core/signatures/legacy.js
var legacy = __webpack_require__(8429);
// EXTERNAL MODULE: ./build/core/signatures/strict-json.js
var strict_json = __webpack_require__(56086);
;// CONCATENATED MODULE: ./build/core/signatures/legacy-att.js
// Cosign legacy `.att` layers: strictly parses the DSSE envelope blob and rewrites it, with the
// layer's certificate / SET / timestamp annotations, as a Sigstore v0.1 DSSE bundle.




const ATT_LAYER = '.att layer';
/** Unauthenticated: cosign's hint of the statement's type; only the verified statement counts. */
const ANNOTATION_PREDICATE_TYPE = 'predicateType';
function legacyAttestationToBundle(layer) {
    if (layer.envelope.length > limits/* LIMITS */.b1.payloadBytes) {
        throw new errors/* GateError */.ue('LIMIT_EXCEEDED', `${ATT_LAYER} envelope is ${layer.envelope.length} bytes, limit ${limits/* LIMITS */.b1.payloadBytes}`);
    }
    let json;
    try {
        json = (0,strict_json/* parseStrictJsonBytes */.ml)(layer.envelope);
    }
    catch (e) {
        const why = e instanceof strict_json/* StrictJsonError */.U7 ? e.message : String(e);
        throw malformed(`DSSE envelope is not strict JSON: ${why}`, e);
    }
    if (!isObject(json))
        throw malformed('DSSE envelope is not a JSON object');
    const { payloadType, payload, signatures } = json;
    if (typeof payloadType !== 'string')
        throw malformed('DSSE envelope has no payloadType string');
    if (typeof payload !== 'string' || !isCanonicalBase64(payload)) {
        throw malformed('DSSE envelope payload is not canonical base64');
    }
    // sigstore-js checks signatures[0] only: any other count would leave a signature unexamined.
    if (!Array.isArray(signatures) || signatures.length !== 1) {
        throw malformed(`DSSE envelope carries ${Array.isArray(signatures) ? signatures.length : 'no list of'} signatures (exactly 1 required)`);
    }
    const s = signatures[0];
    const sig = isObject(s) ? s['sig'] : undefined;
    const keyid = isObject(s) ? (s['keyid'] ?? '') : undefined;
    if (typeof sig !== 'string' || sig === '' || !isCanonicalBase64(sig)) {
        throw malformed('DSSE signature is missing or not canonical base64');
    }
    if (typeof keyid !== 'string')
        throw malformed('DSSE signature keyid is not a string');
    return {
        bundle: {
            mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
            verificationMaterial: (0,legacy/* legacyVerificationMaterial */.a2)(layer.annotations, ATT_LAYER),
            dsseEnvelope: { payload, payloadType, signatures: [{ sig, keyid }] },
        },
        payloadType,
        payload: Buffer.from(payload, 'base64'),
        signature: Buffer.from(sig, 'base64'),
    };
}
/** Standard alphabet, padded, and re-encoding gives the same text (one reading only). */
function isCanonicalBase64(s) {
    return (/^[A-Za-z0-9+/]*={0,2}$/.test(s) &&
        s.length % 4 === 0 &&
        Buffer.from(s, 'base64').toString('base64') === s);
}
function malformed(why, cause) {
    return new errors/* GateError */.ue('MALFORMED', `${ATT_LAYER} ${why}`, cause === undefined ? undefined : { cause });
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
//# sourceMappingURL=legacy-att.js.map
// EXTERNAL MODULE: ./build/core/signatures/statement.js
var signatures_statement = __webpack_require__(31893);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var dist = __webpack_require__(19654);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(54187);
// EXTERNAL MODULE: ./build/core/trust/key-types.js
var key_types = __webpack_require__(62236);
// EXTERNAL MODULE: ./build/core/signatures/cert-cache.js + 2 modules
var cert_cache = __webpack_require__(91933);
;// CONCATENATED MODULE: ./build/core/signatures/verifier-set.js
// The sigstore-js Verifiers one run uses, built once from the trusted root and the policy: the
// trust material (entries without a start of validity dropped), a verifier per key, one keyless.





const EMPTY_TRUST = {
    certificateAuthorities: [],
    timestampAuthorities: [],
    tlogs: [],
    ctlogs: [],
};
// tlogThreshold: every entry handed to sigstore-js is verified or throws; the threshold only
// matters when an entry was taken out of its hands (intoto 0.0.1, checked here instead), and
// the presence of an entry is required up front either way.
function makeVerifiers(base, policy, tlogThreshold) {
    // A key without a validity window needs no signing time: a required log entry is proved by
    // its inclusion proof or its SET (tlogThreshold), not by the time it vouches for.
    const keyOpts = { tlogThreshold, ctlogThreshold: 0, timestampThreshold: 0 };
    const keylessOpts = {
        tlogThreshold,
        ctlogThreshold: policy.requireSct ? 1 : 0,
        // A certificate is only meaningful at a vouched-for time (SET or TSA), never "now".
        timestampThreshold: 1,
    };
    return {
        keys: policy.keys.map((key) => ({
            key,
            // The user's key is the only candidate whatever the bundle's hint says. sigstore-js checks
            // its window against every verified time, and passes when there is none, so a key with a
            // window needs one (verifyWithKeys says so before sigstore-js is asked).
            verifier: new verify_dist/* Verifier */.BL({
                ...base,
                publicKey: () => ({
                    publicKey: key.publicKey,
                    validFor: (t) => (0,key_types/* withinValidity */.W)(key.validFor, t),
                }),
            }, key.validFor ? { ...keyOpts, timestampThreshold: 1 } : keyOpts),
        })),
        keyless: new verify_dist/* Verifier */.BL({
            ...base,
            publicKey: () => {
                throw new errors/* GateError */.ue('UNTRUSTED_SIGNER', 'bundle names a public key but the policy trusts only keyless identities');
            },
        }, keylessOpts),
    };
}
function baseTrust(root) {
    try {
        const tr = dist.TrustedRoot.fromJSON(root);
        // A key or CA without a start of validity is malformed; sigstore-js would read it as
        // "valid since the beginning of time". Drop it so nothing can verify against it.
        tr.tlogs = tr.tlogs.filter((t) => t.publicKey?.validFor?.start !== undefined);
        tr.ctlogs = tr.ctlogs.filter((t) => t.publicKey?.validFor?.start !== undefined);
        tr.certificateAuthorities = tr.certificateAuthorities.filter((c) => c.validFor?.start !== undefined);
        tr.timestampAuthorities = tr.timestampAuthorities.filter((c) => c.validFor?.start !== undefined);
        const m = (0,cert_cache/* withTrustedCertificates */.q2)((0,verify_dist/* toTrustMaterial */.jO)(tr));
        return {
            certificateAuthorities: m.certificateAuthorities,
            timestampAuthorities: m.timestampAuthorities,
            tlogs: m.tlogs,
            ctlogs: m.ctlogs,
        };
    }
    catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new errors/* GateError */.ue('TRUST_ROOT', `trusted-root: cannot build trust material: ${why}`, {
            cause: e,
        });
    }
}
//# sourceMappingURL=verifier-set.js.map
// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(83917);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./build/core/signatures/att-tlog-body.js
// Binds a Rekor entry to the exact `.att` envelope it is attached to. sigstore-js compares only
// signature and payload hash (intoto 0.0.2, dsse 0.0.1) and cannot read intoto 0.0.1 at all.



/** The log entry kinds cosign (v1, v2) logs attestations as. */
const ATTESTATION_ENTRY_KINDS = [
    'intoto/0.0.1',
    'intoto/0.0.2',
    'dsse/0.0.1',
];
/**
 * TLOG_INVALID unless the entry's body records this envelope: its sha256 (cosign compares the
 * same), its payload's sha256, and, where the kind keeps them, its payloadType and its only
 * signature. The signer's key or certificate is bound separately (checkTlogSigner).
 */
function checkAttestationBody(entry, env, what) {
    const fail = (why) => new errors/* GateError */.ue('TLOG_INVALID', `${what}: tlog entry (logIndex ${entry.logIndex}) ${why}`);
    const kv = `${entry.kindVersion?.kind ?? '?'}/${entry.kindVersion?.version ?? '?'}`;
    if (!ATTESTATION_ENTRY_KINDS.includes(kv)) {
        throw fail(`is a ${kv} entry; attestations are logged as ${ATTESTATION_ENTRY_KINDS.join(', ')}`);
    }
    let body;
    try {
        body = (0,strict_json/* parseStrictJsonBytes */.ml)(entry.canonicalizedBody);
    }
    catch (e) {
        throw new errors/* GateError */.ue('TLOG_INVALID', `${what}: tlog entry body is not strict JSON`, {
            cause: e,
        });
    }
    if (get(body, 'kind') !== entry.kindVersion?.kind ||
        get(body, 'apiVersion') !== entry.kindVersion?.version) {
        throw fail(`body is not the ${kv} entry it claims to be`);
    }
    const spec = get(body, 'spec');
    const envelopeHash = sha256(env.bytes);
    const payloadHash = sha256(env.payload);
    const sigB64 = env.signature.toString('base64');
    const wantHash = (h, name, want, of) => {
        if (get(h, 'algorithm') !== 'sha256' || typeof get(h, 'value') !== 'string') {
            throw fail(`has no sha256 ${name}`);
        }
        if (get(h, 'value').toLowerCase() !== want) {
            throw fail(`records ${name} ${String(get(h, 'value'))}, not the sha256 of ${of} (${want})`);
        }
    };
    const oneSignature = (sigs) => {
        if (!Array.isArray(sigs) || sigs.length !== 1) {
            throw fail(`records ${Array.isArray(sigs) ? sigs.length : 'no'} signatures (exactly 1 expected)`);
        }
        return sigs[0];
    };
    switch (kv) {
        case 'intoto/0.0.1':
            wantHash(get(spec, 'content', 'hash'), 'envelope hash', envelopeHash, 'this envelope');
            wantHash(get(spec, 'content', 'payloadHash'), 'payload hash', payloadHash, 'this payload');
            if (typeof get(spec, 'publicKey') !== 'string')
                throw fail('records no public key');
            return;
        case 'intoto/0.0.2': {
            wantHash(get(spec, 'content', 'hash'), 'envelope hash', envelopeHash, 'this envelope');
            wantHash(get(spec, 'content', 'payloadHash'), 'payload hash', payloadHash, 'this payload');
            const recorded = get(spec, 'content', 'envelope', 'payloadType');
            if (recorded !== env.payloadType) {
                throw fail(`records payloadType ${JSON.stringify(recorded ?? null)}, not ${JSON.stringify(env.payloadType)}`);
            }
            const s = oneSignature(get(spec, 'content', 'envelope', 'signatures'));
            // Rekor keeps the envelope's base64 signature string, base64-encoded once more.
            const sig = get(s, 'sig');
            if (typeof sig !== 'string' || Buffer.from(sig, 'base64').toString('utf8') !== sigB64) {
                throw fail('records a different signature');
            }
            if (typeof get(s, 'publicKey') !== 'string')
                throw fail('records no public key');
            return;
        }
        default: {
            // dsse/0.0.1
            wantHash(get(spec, 'envelopeHash'), 'envelope hash', envelopeHash, 'this envelope');
            wantHash(get(spec, 'payloadHash'), 'payload hash', payloadHash, 'this payload');
            const s = oneSignature(get(spec, 'signatures'));
            if (get(s, 'signature') !== sigB64)
                throw fail('records a different signature');
            if (typeof get(s, 'verifier') !== 'string')
                throw fail('records no verifier');
        }
    }
}
function sha256(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
function get(o, ...path) {
    let cur = o;
    for (const k of path) {
        if (typeof cur !== 'object' || cur === null || Array.isArray(cur))
            return undefined;
        cur = cur[k];
    }
    return cur;
}
//# sourceMappingURL=att-tlog-body.js.map
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var bundle_dist = __webpack_require__(61040);
;// CONCATENATED MODULE: ./build/core/signatures/verify-errors.js
// Translates @sigstore/verify and @sigstore/bundle exceptions into our codes, so the report's
// outcome comes from a code and every rejection of attacker-made evidence is a failure (exit 1).



// Why each sigstore code lands where it does:
// - CERTIFICATE_ERROR (no path to a trusted Fulcio CA, expired at the vouched time, missing or
//   untrusted SCT) and PUBLIC_KEY_ERROR mean the signer is not vouched for: UNTRUSTED_SIGNER.
// - TIMESTAMP_ERROR (an RFC 3161 timestamp that does not verify, duplicate timestamps) means the
//   evidence around the signature is forged or broken: SIGNATURE_INVALID. "Too few timestamps"
//   is caught earlier by the caller and reported as TLOG_MISSING.
// - Every TLOG_* code means log evidence is present but does not verify or bind: TLOG_INVALID.
const CODE_MAP = {
    SIGNATURE_ERROR: 'SIGNATURE_INVALID',
    TIMESTAMP_ERROR: 'SIGNATURE_INVALID',
    CERTIFICATE_ERROR: 'UNTRUSTED_SIGNER',
    PUBLIC_KEY_ERROR: 'UNTRUSTED_SIGNER',
    UNTRUSTED_SIGNER_ERROR: 'UNTRUSTED_SIGNER',
    TLOG_ERROR: 'TLOG_INVALID',
    TLOG_BODY_ERROR: 'TLOG_INVALID',
    TLOG_MISSING_INCLUSION_ERROR: 'TLOG_INVALID',
    TLOG_INCLUSION_PROOF_ERROR: 'TLOG_INVALID',
    TLOG_INCLUSION_PROMISE_ERROR: 'TLOG_INVALID',
};
/** `what` names the evidence, e.g. `bundle (bundle-referrer)` or `.sig layer 1`. */
function toVerifyGateError(e, what) {
    if (e instanceof errors/* GateError */.ue)
        return e;
    if (e instanceof verify_dist/* VerificationError */.mk || e instanceof verify_dist/* PolicyError */.pn) {
        const code = CODE_MAP[e.code] ?? 'SIGNATURE_INVALID';
        return new errors/* GateError */.ue(code, `${what}: ${e.message} (${e.code})`, { cause: e });
    }
    if (e instanceof bundle_dist.ValidationError) {
        const fields = e.fields.length ? ` (${e.fields.join(', ')})` : '';
        return new errors/* GateError */.ue('MALFORMED', `${what}: ${e.message}${fields}`, { cause: e });
    }
    // @sigstore/core does not export its error classes; their names are stable API in practice.
    const name = e instanceof Error ? e.constructor.name : '';
    if (/^ASN1/.test(name) || e instanceof SyntaxError) {
        return new errors/* GateError */.ue('MALFORMED', `${what}: does not parse: ${e.message}`, {
            cause: e,
        });
    }
    if (/^RFC3161/.test(name)) {
        return new errors/* GateError */.ue('SIGNATURE_INVALID', `${what}: RFC 3161 timestamp: ${e.message}`, { cause: e });
    }
    // Verification is pure computation over the candidate: whatever else sigstore-js throws on it
    // (e.g. a TypeError on a shape it did not expect) is that candidate failing, never an outage.
    const message = e instanceof Error ? e.message : String(e);
    return new errors/* GateError */.ue('MALFORMED', `${what}: cannot be verified: ${message}`, { cause: e });
}
//# sourceMappingURL=verify-errors.js.map
;// CONCATENATED MODULE: ./build/core/signatures/bundle-shape.js
// Structural checks on an untrusted Sigstore bundle before any cryptography: known media type,
// known fields only, each protobuf oneof set exactly once, bounded lists (sigstore-go's limits),
// exactly one DSSE signature, no root CA in the chain. The signer kind is read from the parsed
// form the verifier goes on to use (@sigstore/bundle), never from our own reading of the JSON.





const MAX_TLOG_ENTRIES = limits/* LIMITS */.b1.tlogEntriesPerBundle;
const MAX_TIMESTAMPS = limits/* LIMITS */.b1.timestampsPerBundle;
const MEDIA_TYPES = new Map([
    ['application/vnd.dev.sigstore.bundle+json;version=0.1', '0.1'],
    ['application/vnd.dev.sigstore.bundle+json;version=0.2', '0.2'],
    ['application/vnd.dev.sigstore.bundle+json;version=0.3', '0.3'],
    ['application/vnd.dev.sigstore.bundle.v0.3+json', '0.3'],
]);
// The protobuf-specs JSON names of each message that holds a oneof, and of the oneof members.
// Any other key (a typo, the proto snake_case spelling sigstore-go would also accept, a field of
// a later schema) is refused: sigstore-js would ignore it and another verifier might not.
const BUNDLE_FIELDS = ['mediaType', 'verificationMaterial', 'messageSignature', 'dsseEnvelope'];
const BUNDLE_CONTENT = ['messageSignature', 'dsseEnvelope'];
const MATERIAL_FIELDS = [
    'publicKey',
    'x509CertificateChain',
    'certificate',
    'tlogEntries',
    'timestampVerificationData',
];
const MATERIAL_CONTENT = ['publicKey', 'x509CertificateChain', 'certificate'];
const MEMBER_FIELDS = {
    publicKey: ['hint'],
    x509CertificateChain: ['certificates'],
    certificate: ['rawBytes'],
    messageSignature: ['messageDigest', 'signature'],
    dsseEnvelope: ['payload', 'payloadType', 'signatures'],
};
function checkBundleShape(json) {
    if (!bundle_shape_isObject(json))
        throw bundle_shape_malformed('is not a JSON object');
    const mediaType = json['mediaType'];
    const version = typeof mediaType === 'string' ? MEDIA_TYPES.get(mediaType) : undefined;
    if (version === undefined)
        throw bundle_shape_malformed(`has unsupported mediaType ${typeof mediaType === 'string' ? JSON.stringify(mediaType.slice(0, 200)) : Array.isArray(mediaType) ? 'list' : typeof mediaType}`);
    const vm = json['verificationMaterial'];
    if (!bundle_shape_isObject(vm))
        throw bundle_shape_malformed('has no verificationMaterial');
    const tlogs = vm['tlogEntries'] ?? [];
    if (!Array.isArray(tlogs))
        throw bundle_shape_malformed('verificationMaterial.tlogEntries is not a list');
    if (tlogs.length > MAX_TLOG_ENTRIES) {
        throw bundle_shape_malformed(`has ${tlogs.length} tlog entries (limit ${MAX_TLOG_ENTRIES})`);
    }
    const tsv = vm['timestampVerificationData'];
    // null is allowed here (sigstore-js 2.x wrote it): not a oneof, so it reads one way only.
    if (tsv !== undefined && tsv !== null && !bundle_shape_isObject(tsv))
        throw bundle_shape_malformed('verificationMaterial.timestampVerificationData is not an object');
    const stamps = bundle_shape_isObject(tsv) ? (tsv['rfc3161Timestamps'] ?? []) : [];
    if (!Array.isArray(stamps))
        throw bundle_shape_malformed('rfc3161Timestamps is not a list');
    if (stamps.length > MAX_TIMESTAMPS)
        throw bundle_shape_malformed(`has ${stamps.length} RFC 3161 timestamps (limit ${MAX_TIMESTAMPS})`);
    if (!tlogs.every(bundle_shape_isObject) || !stamps.every(bundle_shape_isObject))
        throw bundle_shape_malformed('has a tlog entry or RFC 3161 timestamp that is not an object');
    checkFields(json, BUNDLE_FIELDS, 'bundle');
    checkFields(vm, MATERIAL_FIELDS, 'verificationMaterial');
    const material = oneof(vm, MATERIAL_CONTENT, 'verificationMaterial');
    if (material === 'x509CertificateChain')
        checkChain(vm['x509CertificateChain']);
    const content = oneof(json, BUNDLE_CONTENT, 'bundle');
    let dsse;
    if (content === 'dsseEnvelope') {
        const env = json['dsseEnvelope'];
        const sigs = env['signatures'];
        // sigstore-js verifies signatures[0] only; anything but exactly one would leave the rest unchecked.
        if (!Array.isArray(sigs) || sigs.length !== 1) {
            throw bundle_shape_malformed(`DSSE envelope carries ${Array.isArray(sigs) ? sigs.length : 'no list of'} signatures (exactly 1 required)`);
        }
        const payloadType = env['payloadType'];
        const payload = env['payload'];
        if (typeof payloadType !== 'string' || typeof payload !== 'string' || !isBase64(payload)) {
            throw bundle_shape_malformed('DSSE envelope lacks a payloadType or a base64 payload');
        }
        dsse = { payloadType, payload: Buffer.from(payload, 'base64') };
    }
    // The kind comes from the parsed form sigstore-js verifies; the checks above make it the
    // only reading there is, and this one makes sure the two never part.
    let bundle;
    try {
        bundle = (0,bundle_dist.bundleFromJSON)(json);
    }
    catch (e) {
        const g = toVerifyGateError(e, 'bundle');
        throw g.code === 'MALFORMED' ? g : bundle_shape_malformed(`does not parse: ${g.message}`);
    }
    const parsed = bundle.verificationMaterial.content;
    const signer = parsed?.$case === 'publicKey'
        ? 'key'
        : parsed?.$case === 'certificate' || parsed?.$case === 'x509CertificateChain'
            ? 'certificate'
            : undefined;
    if (signer === undefined || parsed?.$case !== material || bundle.content.$case !== content) {
        throw bundle_shape_malformed(`verification material reads as ${parsed?.$case ?? 'nothing'}, not ${material}: refusing an ambiguous bundle`);
    }
    return {
        version,
        content,
        signer,
        tlogCount: tlogs.length,
        ...(dsse ? { dsse } : {}),
        bundle,
    };
}
/** Only `known` keys; a oneof member's own object is held to its fields too. */
function checkFields(o, known, where) {
    for (const k of Object.keys(o)) {
        if (!known.includes(k))
            throw bundle_shape_malformed(`${where} has unknown field ${JSON.stringify(k)} (known: ${known.join(', ')})`);
    }
}
/**
 * The one member of a protobuf oneof that is set. Present with any value counts as set, so
 * `null` next to another member, two members, or none are each refused: protobuf-specs skips
 * `null` and takes the first member it knows, sigstore-go refuses two, and we read neither way.
 */
function oneof(o, members, where) {
    const present = members.filter((m) => Object.prototype.hasOwnProperty.call(o, m));
    if (present.length !== 1) {
        throw bundle_shape_malformed(`${where} must set exactly one of ${members.join(', ')} (found ${present.length ? present.join(', ') : 'none'})`);
    }
    const m = present[0];
    const v = o[m];
    if (!bundle_shape_isObject(v)) {
        throw bundle_shape_malformed(`${where}.${m} is ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v}, not an object`);
    }
    checkFields(v, MEMBER_FIELDS[m] ?? [], `${where}.${m}`);
    return m;
}
/** A chain that ships its own self-signed root would let the bundle bring its own trust. */
function checkChain(chain) {
    const certs = bundle_shape_isObject(chain) ? chain['certificates'] : undefined;
    if (!Array.isArray(certs) || certs.length === 0)
        throw bundle_shape_malformed('has an empty certificate chain');
    for (const [i, c] of certs.entries()) {
        const raw = bundle_shape_isObject(c) ? c['rawBytes'] : undefined;
        if (typeof raw !== 'string' || !isBase64(raw))
            throw bundle_shape_malformed(`certificate ${i} is not base64 DER`);
        if (i > 0 && isSelfSigned(Buffer.from(raw, 'base64'))) {
            throw new errors/* GateError */.ue('UNTRUSTED_SIGNER', `bundle certificate chain includes a root certificate (entry ${i}); trust comes only from the trusted root`);
        }
    }
}
function isSelfSigned(der) {
    try {
        const cert = new external_node_crypto_.X509Certificate(der);
        return cert.issuer === cert.subject && cert.verify(cert.publicKey);
    }
    catch {
        return false;
    }
}
function isBase64(s) {
    // Padding is optional in the protobuf JSON mapping; stray characters are not.
    return /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 !== 1;
}
function bundle_shape_malformed(why) {
    return new errors/* GateError */.ue('MALFORMED', `bundle ${why}`);
}
function bundle_shape_isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
//# sourceMappingURL=bundle-shape.js.map
;// CONCATENATED MODULE: ./build/core/signatures/prehash.js
// Signature verification when only the artifact's digest is known (a bundle checked against
// `sha256:<hex>`): node:crypto can only hash-then-verify, so ECDSA is checked here from the curve.

const P256 = {
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
const P384 = {
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
const P521 = {
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
const CURVES = { prime256v1: P256, secp384r1: P384, secp521r1: P521 };
/**
 * The hashes a signature by `key` over whole data may have been made with, the key's own first.
 * sigstore-go, cosign and KMS (AWS `ECC_NIST_P384` signs `ECDSA_SHA_384`) hash by the curve:
 * SHA-384 for P-384, SHA-512 for P-521; sigstore-js signs and verifies SHA-256 whatever the
 * curve, so both are signatures over the same bytes by the same key. `null`: the key type fixes
 * its own hash (Ed25519).
 */
function signatureHashes(key) {
    if (key.asymmetricKeyType === 'ec') {
        const curve = key.asymmetricKeyDetails?.namedCurve;
        if (curve === 'secp384r1')
            return ['sha384', 'sha256'];
        if (curve === 'secp521r1')
            return ['sha512', 'sha256'];
        return ['sha256'];
    }
    if (key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448')
        return [null];
    // PKCS#1 v1.5 names its hash inside the signature, so trying each SHA-2 is unambiguous (KMS
    // RSA keys sign RSASSA_PKCS1_V1_5_SHA_256/384/512).
    if (key.asymmetricKeyType === 'rsa')
        return ['sha256', 'sha384', 'sha512'];
    return ['sha256'];
}
/** The SHA-2 hash whose output has `length` bytes (a Rekor digest carries no algorithm of its own). */
function hashForDigestLength(length) {
    return length === 32 ? 'sha256' : length === 48 ? 'sha384' : length === 64 ? 'sha512' : undefined;
}
const DIGEST_INFO_PREFIX = {
    32: '3031300d060960864801650304020105000420',
    48: '3041300d060960864801650304020205000430',
    64: '3051300d060960864801650304020305000440',
};
/**
 * Verify `signature` over a message whose hash is `digest` (sha256/384/512 bytes).
 * Supports ECDSA P-256/P-384/P-521 (DER signatures) and RSA PKCS#1 v1.5; anything else is `false`
 * together with a reason, so the caller can say why rather than report a bad signature.
 */
function verifyPrehashed(key, digest, signature) {
    if (key.asymmetricKeyType === 'ec') {
        const curveName = key.asymmetricKeyDetails?.namedCurve;
        const curve = curveName === undefined ? undefined : CURVES[curveName];
        if (!curve)
            return { ok: false, unsupported: `ECDSA curve ${curveName ?? '?'}` };
        const jwk = key.export({ format: 'jwk' });
        if (!jwk.x || !jwk.y)
            return { ok: false, unsupported: 'EC key without coordinates' };
        const q = { x: b64uToBig(jwk.x), y: b64uToBig(jwk.y) };
        const rs = parseDerSignature(signature);
        if (!rs)
            return { ok: false };
        return { ok: ecdsaVerify(curve, q, digest, rs.r, rs.s) };
    }
    if (key.asymmetricKeyType === 'rsa') {
        const prefix = DIGEST_INFO_PREFIX[digest.length];
        if (!prefix)
            return { ok: false, unsupported: `digest of ${digest.length} bytes` };
        let decoded;
        try {
            decoded = (0,external_node_crypto_.publicDecrypt)({ key, padding: external_node_crypto_.constants.RSA_PKCS1_PADDING }, signature);
        }
        catch {
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
function b64uToBig(s) {
    return BigInt('0x' + (Buffer.from(s, 'base64url').toString('hex') || '0'));
}
/** DER `SEQUENCE { INTEGER r, INTEGER s }`, canonical lengths only. */
function parseDerSignature(sig) {
    const b = Buffer.from(sig);
    if (b.length < 8 || b[0] !== 0x30)
        return undefined;
    let pos = 1;
    const seqLen = readLen();
    if (seqLen === undefined || pos + seqLen !== b.length)
        return undefined;
    const r = readInt();
    const s = readInt();
    if (r === undefined || s === undefined || pos !== b.length)
        return undefined;
    return { r, s };
    function readLen() {
        const first = b[pos++];
        if (first === undefined)
            return undefined;
        if (first < 0x80)
            return first;
        if (first === 0x81) {
            const l = b[pos++];
            return l !== undefined && l >= 0x80 ? l : undefined;
        }
        return undefined;
    }
    function readInt() {
        if (b[pos++] !== 0x02)
            return undefined;
        const len = readLen();
        if (len === undefined || len === 0 || pos + len > b.length)
            return undefined;
        const bytes = b.subarray(pos, pos + len);
        pos += len;
        if ((bytes[0] & 0x80) !== 0)
            return undefined; // negative
        if (len > 1 && bytes[0] === 0 && (bytes[1] & 0x80) === 0)
            return undefined; // non-minimal
        return BigInt('0x' + bytes.toString('hex'));
    }
}
function mod(a, m) {
    const r = a % m;
    return r < 0n ? r + m : r;
}
function inv(a, m) {
    let [oldR, r] = [mod(a, m), m];
    let [oldS, s] = [1n, 0n];
    while (r !== 0n) {
        const q = oldR / r;
        [oldR, r] = [r, oldR - q * r];
        [oldS, s] = [s, oldS - q * s];
    }
    return mod(oldS, m);
}
function onCurve(c, pt) {
    if (pt.x < 0n || pt.x >= c.p || pt.y < 0n || pt.y >= c.p)
        return false;
    return mod(pt.y * pt.y - (pt.x * pt.x * pt.x + c.a * pt.x + c.b), c.p) === 0n;
}
function add(c, p1, p2) {
    if (p1 === null)
        return p2;
    if (p2 === null)
        return p1;
    let lambda;
    if (p1.x === p2.x) {
        if (mod(p1.y + p2.y, c.p) === 0n)
            return null;
        lambda = mod((3n * p1.x * p1.x + c.a) * inv(2n * p1.y, c.p), c.p);
    }
    else {
        lambda = mod((p2.y - p1.y) * inv(p2.x - p1.x, c.p), c.p);
    }
    const x = mod(lambda * lambda - p1.x - p2.x, c.p);
    const y = mod(lambda * (p1.x - x) - p1.y, c.p);
    return { x, y };
}
function mul(c, k, pt) {
    let result = null;
    let addend = pt;
    while (k > 0n) {
        if (k & 1n)
            result = add(c, result, addend);
        addend = add(c, addend, addend);
        k >>= 1n;
    }
    return result;
}
function ecdsaVerify(c, q, digest, r, s) {
    if (!onCurve(c, q))
        return false;
    if (r < 1n || r >= c.n || s < 1n || s >= c.n)
        return false;
    // FIPS 186-4: use the leftmost bits(n) bits of the hash.
    let e = BigInt('0x' + (Buffer.from(digest).toString('hex') || '0'));
    const excess = digest.length * 8 - c.bits;
    if (excess > 0)
        e >>= BigInt(excess);
    const w = inv(s, c.n);
    const u1 = mod(e * w, c.n);
    const u2 = mod(r * w, c.n);
    const x = add(c, mul(c, u1, c.g), mul(c, u2, q));
    if (x === null)
        return false;
    return mod(x.x, c.n) === r;
}
//# sourceMappingURL=prehash.js.map
;// CONCATENATED MODULE: ./build/core/signatures/signature-content.js
// The signature sigstore-js checks, re-pointed where cosign differs from its defaults: the hash
// the key signs with, a signature over a bare digest, RFC 3161 timestamps over other bytes.



/** The same signature, but RFC 3161 timestamps are checked over `signed` instead. */
function timestampedOver(content, signed) {
    return {
        signature: signed,
        compareSignature: (s) => content.compareSignature(s),
        compareDigest: (d) => content.compareDigest(d),
        compareSignedDigest: (d) => content.compareSignedDigest(d),
        verifySignature: (key) => content.verifySignature(key),
    };
}
/**
 * `content` with the signature checked over `signed` under the hash the key signs with (SHA-384
 * for P-384, SHA-512 for P-521; SHA-256 too, which sigstore-js signs with), and a logged digest
 * of the signed bytes (Rekor v2 hashedrekord over the DSSE PAE) compared under the hash its
 * length names: Rekor records the digest the key signed, not a SHA-256.
 */
function keyHashedContent(content, signed, signature, 
/** A DSSE payload, whose logged hash (dsse entries) also follows the digest's length. */
payload) {
    const byLength = (data, d) => {
        const alg = hashForDigestLength(d.length);
        return alg !== undefined && sha(alg, data).equals(d);
    };
    return {
        signature: content.signature,
        compareSignature: (s) => content.compareSignature(s),
        compareDigest: (d) => (payload ? byLength(payload, d) : content.compareDigest(d)),
        compareSignedDigest: (d) => byLength(signed, d),
        verifySignature: (key) => signatureHashes(key).some((alg) => {
            try {
                return (0,external_node_crypto_.verify)(alg, signed, key, signature);
            }
            catch {
                return false;
            }
        }),
    };
}
function digestOnlyContent(signature, digest, what) {
    return {
        signature,
        compareSignature: (s) => s.equals(signature),
        compareDigest: (d) => d.equals(digest),
        compareSignedDigest: (d) => d.equals(digest),
        verifySignature: (key) => {
            const r = verifyPrehashed(key, digest, signature);
            if (r.unsupported) {
                throw new errors/* GateError */.ue('SIGNATURE_INVALID', `${what}: cannot verify from a digest alone: ${r.unsupported}`);
            }
            return r.ok;
        },
    };
}
function sha(alg, data) {
    return (0,external_node_crypto_.createHash)(alg).update(data).digest();
}
//# sourceMappingURL=signature-content.js.map
;// CONCATENATED MODULE: ./build/core/signatures/stale-hints.js

const STALE_HINT = 'the trusted root may be stale (refresh it via TUF, or pass a current --trusted-root)';
/**
 * A timestamp that fails and names a signer (serial and issuer) that no TSA in the root has as
 * its leaf: the root may lack a new TSA, so say so next to the failure.
 */
function tsaStaleHint(g, entity, tsas) {
    if (!/timestamp could not be verified/.test(g.message))
        return g;
    const unknown = entity.timestamps.some((t) => {
        if (t.$case !== 'timestamp-authority')
            return false;
        try {
            const serial = t.timestamp.signerSerialNumber;
            const issuer = t.timestamp.signerIssuer;
            return !tsas.some((ca) => {
                const leaf = ca.certChain[0];
                return leaf !== undefined && leaf.serialNumber.equals(serial) && leaf.issuer.equals(issuer);
            });
        }
        catch {
            return false;
        }
    });
    if (!unknown)
        return g;
    return new errors/* GateError */.ue(g.code, `${g.message}: its signer is not a timestamp authority the trusted root knows: ${STALE_HINT}`, { cause: g });
}
/** The CT log IDs of a certificate's SCTs; none when the extension does not parse. */
function sctLogIds(cert) {
    try {
        return (cert.extSCT?.signedCertificateTimestamps ?? []).map((t) => t.logID);
    }
    catch {
        return [];
    }
}
//# sourceMappingURL=stale-hints.js.map
;// CONCATENATED MODULE: ./build/core/signatures/tlog-checks.js


/**
 * Entries from a log the trusted root does not list cannot be checked at all. Required: a
 * failure saying the root may be stale (a new log shard, a rotated key). Not required: they are
 * left out with the time they claim, and the returned text says so for a later failure.
 */
function dropUnknownLogs(entity, tlogs, required, what) {
    const unknown = entity.tlogEntries.filter((e) => !tlogs.some((t) => t.logID.equals(e.logId.keyId)));
    if (unknown.length === 0)
        return '';
    const ids = [...new Set(unknown.map((e) => e.logId.keyId.toString('hex')))].join(', ');
    const text = `tlog entry (logIndex ${unknown[0].logIndex}) is from log ${ids}, which the trusted root does not know: ${STALE_HINT}`;
    if (required)
        throw new errors/* GateError */.ue('TLOG_INVALID', `${what}: ${text}`);
    entity.tlogEntries = entity.tlogEntries.filter((e) => !unknown.includes(e));
    entity.timestamps = entity.timestamps.filter((t) => t.$case !== 'transparency-log' || !unknown.includes(t.tlogEntry));
    return ` (left out: ${text})`;
}
/**
 * sigstore-js proves inclusion against the checkpoint's size and root and never reads the
 * proof's own `treeSize` and `rootHash`: evidence that contradicts itself is refused here.
 */
function checkProofAgainstCheckpoint(entry, what) {
    const proof = entry.inclusionProof;
    if (!proof?.checkpoint)
        return;
    const note = proof.checkpoint.envelope.split('\n\n')[0] ?? '';
    const [, size, root] = note.split('\n');
    const fail = (field) => new errors/* GateError */.ue('TLOG_INVALID', `${what}: tlog entry (logIndex ${entry.logIndex}) inclusion proof ${field} differs from its checkpoint's`);
    if (size !== undefined && size !== proof.treeSize)
        throw fail(`tree size ${proof.treeSize}`);
    if (root !== undefined && !Buffer.from(root, 'base64').equals(proof.rootHash))
        throw fail('root hash');
}
/**
 * sigstore-js checks a log key's `validFor` only for a SET (at its integrated time), never for
 * the checkpoint that proves an entry without one. That checkpoint was signed once the entry was
 * in the log, so not before the signature was timestamped: a log key whose validity ended before
 * the earliest RFC 3161 time cannot have signed it while trusted. With no such time there is
 * nothing to hold the window to (as in sigstore-go), and no time is reported either.
 */
function checkProofLogsValid(entity, tlogs, what) {
    const times = entity.timestamps.flatMap((t) => t.$case === 'timestamp-authority' ? [t.timestamp.signingTime.getTime()] : []);
    if (times.length === 0)
        return;
    const earliest = Math.min(...times);
    for (const e of entity.tlogEntries) {
        if (e.inclusionPromise !== undefined || e.inclusionProof === undefined)
            continue;
        const logs = tlogs.filter((t) => t.logID.equals(e.logId.keyId));
        // An end that does not parse (NaN) vouches for nothing.
        if (logs.length === 0 || logs.some((t) => t.validFor.end.getTime() >= earliest))
            continue;
        const end = new Date(Math.max(...logs.map((t) => t.validFor.end.getTime())));
        throw new errors/* GateError */.ue('TLOG_INVALID', `${what}: tlog entry (logIndex ${e.logIndex}) is proved by a checkpoint of log ${e.logId.keyId.toString('hex')}, whose key the trusted root trusts only until ${end.toISOString()}, before the signature's timestamp ${new Date(earliest).toISOString()}`);
    }
}
function countTimestampCandidates(entity) {
    return entity.timestamps.filter((t) => t.$case === 'timestamp-authority' || t.tlogEntry.inclusionPromise !== undefined).length;
}
//# sourceMappingURL=tlog-checks.js.map
;// CONCATENATED MODULE: ./build/core/signatures/tlog-set.js
// Offline check of a Rekor v1 signed entry timestamp (SET) for entries sigstore-js cannot take
// (intoto 0.0.1): the trusted log key that was valid at the integrated time signed this entry.


/**
 * TLOG_INVALID unless a log in `tlogs` with this entry's log ID, valid at its integrated time,
 * signed Rekor's canonical `{body, integratedTime, logID, logIndex}` with the entry's SET.
 */
function verifyInclusionPromise(entry, tlogs, what) {
    const set = entry.inclusionPromise?.signedEntryTimestamp;
    if (set === undefined || set.length === 0) {
        throw new errors/* GateError */.ue('TLOG_INVALID', `${what}: tlog entry (logIndex ${entry.logIndex}) has no signed entry timestamp`);
    }
    const at = new Date(Number(entry.integratedTime) * 1000);
    const payload = {
        body: entry.canonicalizedBody.toString('base64'),
        integratedTime: Number(entry.integratedTime),
        logIndex: Number(entry.logIndex),
        logID: entry.logId.keyId.toString('hex'),
    };
    const data = Buffer.from(core_dist.json.canonicalize(payload), 'utf8');
    const ok = tlogs.some((t) => t.logID.equals(entry.logId.keyId) &&
        t.validFor.start <= at &&
        at <= t.validFor.end &&
        core_dist.crypto.verify(data, t.publicKey, set));
    if (!ok) {
        throw new errors/* GateError */.ue('TLOG_INVALID', `${what}: signed entry timestamp of tlog entry (logIndex ${entry.logIndex}, log ${payload.logID}) does not verify with any trusted log key valid at ${at.toISOString()}`);
    }
}
//# sourceMappingURL=tlog-set.js.map
// EXTERNAL MODULE: ./build/core/signatures/identity.js
var signatures_identity = __webpack_require__(59956);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/rekor/v2/index.js
var v2 = __webpack_require__(13835);
;// CONCATENATED MODULE: ./build/core/signatures/tlog-binding.js
// Binds each transparency-log entry to the signer we accepted: the key or certificate recorded
// in the Rekor body must be ours. sigstore-js compares signature and digest only, not the key
// (for Rekor v2 hashedrekord 0.0.2 and dsse 0.0.2 entries either).



/**
 * Throws TLOG_INVALID unless every entry's body names `signer` as its verifier. The verifier is
 * read from the place sigstore-js reads that kind and version from (the Rekor v2 protobuf form
 * through the same parser), and every verifier there must be the signer: a body naming none,
 * or another key in a field this kind does not have, binds nothing.
 */
function checkTlogSigner(entries, signer) {
    entries.forEach((entry, i) => {
        const { kind, verifiers } = bodyVerifiers(entry.canonicalizedBody, i);
        const ok = verifiers.length > 0 &&
            verifiers.every((v) => signer.kind === 'certificate'
                ? (v.cert !== undefined && v.cert.equals(signer.der)) ||
                    (v.cert === undefined && sameKey(v, signer.spki))
                : sameKey(v, signer.spki));
        if (!ok) {
            const what = signer.kind === 'key' ? 'public key' : 'certificate';
            throw new errors/* GateError */.ue('TLOG_INVALID', verifiers.length === 0
                ? `tlog entry ${i} (logIndex ${entry.logIndex ?? '?'}, ${kind}) records no verifier to compare with the ${what} that signed`
                : `tlog entry ${i} (logIndex ${entry.logIndex ?? '?'}, ${kind}) records a different ${what} than the one that signed`);
        }
    });
}
/** Byte-equal SPKI first; otherwise the key as node:crypto normalises it (other encodings). */
function sameKey(v, spki) {
    if (v.rawSpki?.equals(spki) === true)
        return true;
    return v.spki?.()?.equals(spki) === true;
}
function bodyVerifiers(body, i) {
    let json;
    try {
        json = JSON.parse(body.toString('utf8'));
    }
    catch (e) {
        throw new errors/* GateError */.ue('TLOG_INVALID', `tlog entry ${i}: canonicalized body is not JSON`, {
            cause: e,
        });
    }
    const kind = tlog_binding_get(json, 'kind');
    const version = tlog_binding_get(json, 'apiVersion');
    const kv = `${typeof kind === 'string' ? kind : '?'}/${typeof version === 'string' ? version : '?'}`;
    const spec = tlog_binding_get(json, 'spec');
    const pems = [];
    switch (kv) {
        // Rekor v1 kinds hold base64 PEM strings (sigstore-js: verifyTLogBody, version 0.0.1 checks).
        case 'hashedrekord/0.0.1':
            pems.push(tlog_binding_get(spec, 'signature', 'publicKey', 'content'));
            break;
        case 'dsse/0.0.1':
            for (const s of arr(tlog_binding_get(spec, 'signatures')))
                pems.push(tlog_binding_get(s, 'verifier'));
            break;
        case 'intoto/0.0.1':
            pems.push(tlog_binding_get(spec, 'publicKey'));
            break;
        case 'intoto/0.0.2':
            for (const s of arr(tlog_binding_get(spec, 'content', 'envelope', 'signatures')))
                pems.push(tlog_binding_get(s, 'publicKey'));
            break;
        default:
            // sigstore-js reads every other hashedrekord/dsse version as a Rekor v2 Entry.
            if (kind === 'hashedrekord' || kind === 'dsse')
                return { kind: kv, verifiers: v2Verifiers(json, kind, kv, i) };
            return { kind: kv, verifiers: [] };
    }
    return {
        kind: kv,
        verifiers: pems.map((v) => (typeof v === 'string' ? fromBase64Pem(v) : {})),
    };
}
/** Rekor v2 hashedRekordV002 / dsseV002: protobuf Verifier objects with raw DER. */
function v2Verifiers(json, kind, kv, i) {
    let entry;
    try {
        entry = v2.Entry.fromJSON(json);
    }
    catch (e) {
        throw new errors/* GateError */.ue('TLOG_INVALID', `tlog entry ${i}: ${kv} body does not parse`, {
            cause: e,
        });
    }
    const spec = entry.spec?.spec;
    const found = [];
    if (kind === 'hashedrekord' && spec?.$case === 'hashedRekordV002')
        found.push(spec.hashedRekordV002.signature?.verifier);
    if (kind === 'dsse' && spec?.$case === 'dsseV002')
        for (const s of spec.dsseV002.signatures)
            found.push(s.verifier);
    return found.map((v) => {
        const m = v?.verifier;
        if (m?.$case === 'x509Certificate')
            return fromCertDer(m.x509Certificate.rawBytes);
        if (m?.$case === 'publicKey') {
            const raw = m.publicKey.rawBytes;
            let spki = null;
            return { rawSpki: raw, spki: () => (spki === null ? (spki = normaliseSpki(raw)) : spki) };
        }
        return {};
    });
}
/**
 * A Rekor v1 verifier: base64 of PEM. Rekor keeps the first PEM block (Go's pem.Decode) and
 * ignores what follows, so only that block is read, and only when it is a well-formed
 * certificate or public key with canonical base64 right at the start: a certificate after
 * another key (logged under that key) or a block Go would skip never names the signer. A
 * certificate may be followed by its chain.
 */
function fromBase64Pem(b64) {
    const pem = Buffer.from(b64, 'base64').toString('utf8');
    const m = /^\s*-----BEGIN (CERTIFICATE|PUBLIC KEY)-----([A-Za-z0-9+/=\s]*)-----END \1-----/.exec(pem);
    if (!m)
        return {};
    const text = m[2].replace(/\s+/g, '');
    const der = Buffer.from(text, 'base64');
    if (der.length === 0 || der.toString('base64') !== text)
        return {};
    if (m[1] === 'CERTIFICATE')
        return fromCertDer(der);
    if (pem.slice(m[0].length).trim() !== '')
        return {};
    let spki = null;
    return {
        rawSpki: der,
        spki: () => (spki === null ? (spki = normaliseSpki(der)) : spki),
    };
}
/**
 * A keyless signer is matched on the certificate bytes alone, so the certificate is parsed only
 * when a key signer asks for its SPKI; a certificate that does not parse names no key.
 */
function fromCertDer(der) {
    let spki = null;
    return {
        cert: der,
        spki: () => {
            if (spki === null) {
                try {
                    spki = new external_node_crypto_.X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
                }
                catch {
                    spki = undefined;
                }
            }
            return spki;
        },
    };
}
function normaliseSpki(der) {
    try {
        return (0,external_node_crypto_.createPublicKey)({ key: der, format: 'der', type: 'spki' }).export({
            type: 'spki',
            format: 'der',
        });
    }
    catch {
        return undefined;
    }
}
function tlog_binding_get(o, ...path) {
    let cur = o;
    for (const k of path) {
        if (typeof cur !== 'object' || cur === null || Array.isArray(cur))
            return undefined;
        cur = cur[k];
    }
    return cur;
}
function arr(v) {
    return Array.isArray(v) ? v : [];
}
//# sourceMappingURL=tlog-binding.js.map
;// CONCATENATED MODULE: ./build/core/signatures/verify-signer.js
// The cryptography-and-policy step: sigstore-js verifies the entity with each trusted key, or
// keyless against the CAs, then the signer is matched to the policy and bound to its log entries.









function verifyWithKeys(ctx, entity, set, bound, format, what) {
    const { base } = ctx;
    // Never a certificate here: sigstore-js would check it against the CAs and call it our key.
    if (entity.key.$case !== 'public-key')
        throw new errors/* GateError */.ue('UNTRUSTED_SIGNER', `${what} is signed by a certificate, not a key`);
    let firstOther;
    const timed = countTimestampCandidates(entity) > 0;
    for (const { key, verifier } of set.keys) {
        // sigstore-js checks a key's window before its signature: a window is only worth reporting
        // for a key that made this signature, so a windowed key that did not is skipped first.
        if (key.validFor && !madeBy(entity, key))
            continue;
        if (key.validFor && !timed) {
            firstOther ??= new errors/* GateError */.ue('TLOG_MISSING', `${what}: key ${key.keyRef} is trusted only ${(0,key_types/* describeValidity */.A)(key.validFor)}, and the signature has no verified signing time (no Rekor SET, no RFC 3161 timestamp) to check that against`);
            continue;
        }
        try {
            (0,cert_cache/* withoutStacks */.G5)(() => verifier.verify(entity));
        }
        catch (e) {
            const g = tsaStaleHint(toVerifyGateError(e, what), entity, base.timestampAuthorities);
            // A bad timestamp maps to SIGNATURE_INVALID too: when this key did make the signature,
            // that error is the reason, not "no trusted key".
            if (g.code !== 'SIGNATURE_INVALID' || madeBy(entity, key))
                firstOther ??= windowError(g, key, what);
            continue;
        }
        checkTlogSigner(bound, { kind: 'key', spki: key.spki });
        return {
            kind: 'key',
            format,
            keyRef: key.keyRef,
            keyID: key.keyID,
            keySha256: sha256Hex(key.spki),
            ...timeEvidence(entity, bound),
        };
    }
    if (firstOther)
        throw firstOther;
    const ids = set.keys.map((k) => `${k.key.keyRef} (${k.key.keyID})`).join(', ');
    throw new errors/* GateError */.ue('SIGNATURE_INVALID', `${what}: signature does not verify with any trusted key: ${ids}`);
}
function verifyKeyless(ctx, entity, set, bound, format, what) {
    const { policy, base } = ctx;
    if (entity.key.$case !== 'certificate')
        throw new errors/* GateError */.ue('INTERNAL', `${what}: expected a certificate`);
    const cert = entity.key.certificate;
    try {
        (0,cert_cache/* withoutStacks */.G5)(() => set.keyless.verify(entity));
    }
    catch (e) {
        const g = tsaStaleHint(toVerifyGateError(e, what), entity, base.timestampAuthorities);
        const unknownCt = /SCT verification failed/.test(g.message)
            ? sctLogIds(cert).find((id) => !base.ctlogs.some((l) => l.logID.equals(id)))
            : undefined;
        if (unknownCt)
            throw new errors/* GateError */.ue(g.code, `${g.message}: the certificate's SCT is from CT log ${unknownCt.toString('hex')}, which the trusted root does not know: ${STALE_HINT}`, { cause: g });
        throw g;
    }
    const identity = (0,signatures_identity/* readCertIdentity */.lQ)(cert);
    try {
        (0,signatures_identity/* matchIdentity */.oD)(policy.identities, identity);
    }
    catch (e) {
        if (e instanceof errors/* GateError */.ue)
            throw new errors/* GateError */.ue(e.code, `${what}: ${e.message}`, { cause: e });
        throw e;
    }
    const der = cert instanceof cert_cache/* LeafCertificate */.q ? cert.der : cert.root.toDER();
    checkTlogSigner(bound, { kind: 'certificate', der, spki: cert.publicKey });
    return {
        kind: 'keyless',
        format,
        ...(identity.san !== undefined ? { identity: shared(identity.san) } : {}),
        ...(identity.issuer !== undefined ? { issuer: shared(identity.issuer) } : {}),
        keySha256: sha256Hex(cert.publicKey),
        certificate: certificateFacts(der),
        ...timeEvidence(entity, bound),
    };
}
/** Whether `key` made the signature; a check that throws is left to sigstore-js to report. */
function madeBy(entity, key) {
    try {
        return entity.signature.verifySignature(key.publicKey);
    }
    catch {
        return true;
    }
}
/** sigstore-js' "not valid for timestamp" names the time, not why: name the key's window too. */
function windowError(g, key, what) {
    const at = /not valid for timestamp: (\S+?)(?:\s|$)/i.exec(g.message)?.[1];
    if (!key.validFor || g.code !== 'UNTRUSTED_SIGNER' || at === undefined)
        return g;
    return new errors/* GateError */.ue('UNTRUSTED_SIGNER', `${what}: signed at ${at}, when key ${key.keyRef} is not trusted (the policy trusts it ${(0,key_types/* describeValidity */.A)(key.validFor)})`, { cause: g });
}
function sha256Hex(b) {
    return (0,external_node_crypto_.createHash)('sha256').update(b).digest('hex');
}
/** What a revocation list can name a leaf by: serial (hex), issuer DN as Node writes it, SHA-256. */
function certificateFacts(der) {
    const c = (0,cert_cache/* nodeX509 */.z7)(Buffer.from(der.buffer, der.byteOffset, der.byteLength));
    return {
        serial: c.serialNumber.toLowerCase().replace(/^0+(?=.)/, ''),
        issuer: shared(c.issuer.split('\n').join(', ')),
        sha256: sha256Hex(der),
    };
}
/** signedAt = the earliest verified time; tlog = the first entry (tlogEntries the others). */
function timeEvidence(entity, entries) {
    const times = [];
    for (const t of entity.timestamps) {
        if (t.$case === 'timestamp-authority')
            times.push(t.timestamp.signingTime);
        else if (t.tlogEntry.inclusionPromise)
            times.push(new Date(Number(t.tlogEntry.integratedTime) * 1000));
    }
    times.sort((a, b) => a.getTime() - b.getTime());
    const out = {};
    if (times[0])
        out.signedAt = times[0].toISOString();
    const e = entries[0];
    if (e)
        out.tlog = { ...entryFacts(e), integratedTime: e.integratedTime };
    if (entries.length > 1)
        out.tlogEntries = entries.slice(1).map(entryFacts);
    return out;
}
/** What a revocation list can name a bound entry by, each as its evidence authenticates it. */
function entryFacts(e) {
    const index = verifiedLogIndex(e);
    const out = {
        logIndex: index.logIndex,
        logID: e.logId.keyId.toString('hex'),
        uuid: leafHash(e.canonicalizedBody),
    };
    if (index.inShard)
        out.indexInShard = true;
    return out;
}
/**
 * Rekor's entry UUID: the RFC 6962 leaf hash of the canonicalized body, which both the SET and
 * the inclusion proof authenticate, and the same whichever shard holds the entry.
 */
function leafHash(body) {
    return (0,external_node_crypto_.createHash)('sha256').update(LEAF_PREFIX).update(body).digest('hex');
}
const LEAF_PREFIX = new Uint8Array([0]);
/**
 * The index a bound entry is known by, as its evidence authenticates it, in one spelling: a
 * SET signs Number(logIndex) (so `"0123"` and `"123.0"` verify as 123), and an entry proved by
 * its inclusion proof alone has only the proof's index authenticated (the top-level one is the
 * bundle's word). Rekor v1 is sharded: a proof's index counts from the start of the shard's tree,
 * not of the log (the public log's entries differ by more than 100 million), so a v1 entry with
 * no SET is known only by its index in a shard (`inShard`). Rekor v2 bodies (hashedrekord and
 * dsse 0.0.2, which sigstore-js has checked the body against) come from logs whose every shard
 * is a log of its own, so there the proof's index is the log's. Revocation lists match on this,
 * so no respelling or rewrite of the bundle's field, and no SET left out, can unrevoke an entry.
 */
function verifiedLogIndex(e) {
    const fail = () => {
        throw new errors/* GateError */.ue('TLOG_INVALID', `tlog entry logIndex ${JSON.stringify(e.logIndex)} is not a log index`);
    };
    if (e.inclusionPromise !== undefined) {
        const n = Number(e.logIndex);
        return Number.isSafeInteger(n) && n >= 0 ? { logIndex: String(n), inShard: false } : fail();
    }
    if (e.inclusionProof !== undefined) {
        let n;
        try {
            n = BigInt(e.inclusionProof.logIndex);
        }
        catch {
            return fail();
        }
        if (n < 0n)
            return fail();
        const kv = e.kindVersion;
        const v2 = kv?.version === '0.0.2' && (kv.kind === 'hashedrekord' || kv.kind === 'dsse');
        return { logIndex: n.toString(), inShard: !v2 };
    }
    return fail();
}
/**
 * One copy of a signer's identity, issuer and CA name for every result that names it: a batch
 * keeps each result until the report is written, and 10 000 keyless images from one workflow
 * would otherwise hold 10 000 copies of each (issue 15, flat memory). At most SHARED_MAX distinct
 * strings are kept; others are returned as they are.
 */
const SHARED_MAX = 256;
const sharedStrings = new Map();
function shared(s) {
    const known = sharedStrings.get(s);
    if (known !== undefined)
        return known;
    if (sharedStrings.size < SHARED_MAX)
        sharedStrings.set(s, s);
    return s;
}
//# sourceMappingURL=verify-signer.js.map
;// CONCATENATED MODULE: ./build/core/signatures/verify-bundle.js













const HASH_NAMES = {
    [dist.HashAlgorithm.HASH_ALGORITHM_UNSPECIFIED]: 'sha256',
    [dist.HashAlgorithm.SHA2_256]: 'sha256',
    [dist.HashAlgorithm.SHA2_384]: 'sha384',
    [dist.HashAlgorithm.SHA2_512]: 'sha512',
};
function verifyBundleJson(ctx, bundleJson, subject, format, what, att, legacySig = false) {
    const { policy, base, ignoreTlog, verifiers, attVerifiers } = ctx;
    // 1. Structure and bounds, before any cryptography.
    const shape = checkBundleShape(bundleJson);
    let statement;
    if (shape.dsse) {
        statement = (0,signatures_statement/* parseStatement */.By)(shape.dsse.payloadType, shape.dsse.payload);
        const want = 'digest' in subject
            ? subject.digest
            : { algorithm: 'sha256', hex: sha('sha256', subject.artifact).toString('hex') };
        (0,signatures_statement/* checkSubject */.jj)(statement, want);
    }
    if (shape.signer === 'certificate' && policy.identities.length === 0) {
        throw new errors/* GateError */.ue('UNTRUSTED_SIGNER', `${what} is signed by a certificate (keyless) but the policy trusts only keys`);
    }
    if (shape.signer === 'key' && policy.keys.length === 0) {
        throw new errors/* GateError */.ue('UNTRUSTED_SIGNER', `${what} is signed by a public key but the policy trusts only keyless identities`);
    }
    if (policy.requireTlog && shape.tlogCount === 0) {
        throw new errors/* GateError */.ue('TLOG_MISSING', `${what} has no transparency-log entry and the policy requires one`);
    }
    // 2. Parse into sigstore-js' model.
    let bundle;
    let entity;
    try {
        bundle = shape.bundle;
        entity = (0,cert_cache/* withoutStacks */.G5)(() => (0,verify_dist/* toSignedEntity */.DC)(bundle, 'artifact' in subject ? Buffer.from(subject.artifact) : undefined));
    }
    catch (e) {
        throw asMalformed(e, what);
    }
    for (const t of entity.timestamps)
        if (t.$case === 'timestamp-authority')
            (0,cert_cache/* withTimestampDer */.Kd)(t.timestamp);
    if (entity.key.$case === 'certificate')
        entity.key = {
            $case: 'certificate',
            certificate: new cert_cache/* LeafCertificate */.q(entity.key.certificate),
        };
    // Where the bundle names no hash for the signature (DSSE, a cosign `.sig` layer), it is the
    // one the key signs with, as sigstore-go has it; sigstore-js would assume SHA-256.
    if (bundle.content.$case === 'dsseEnvelope') {
        const env = bundle.content.dsseEnvelope;
        entity.signature = keyHashedContent(entity.signature, core_dist.dsse.preAuthEncoding(env.payloadType, env.payload), env.signatures[0]?.sig ?? Buffer.alloc(0), env.payload);
    }
    else if (legacySig && 'artifact' in subject) {
        entity.signature = keyHashedContent(entity.signature, Buffer.from(subject.artifact), bundle.content.messageSignature.signature);
    }
    else if ('artifact' in subject) {
        // sigstore-js checks a message signature under its messageDigest's hash, which an Ed25519
        // key (it signs the message itself) never verifies under: the key's own hash is tried too.
        const own = entity.signature;
        const keyed = keyHashedContent(own, Buffer.from(subject.artifact), bundle.content.messageSignature.signature);
        entity.signature = {
            signature: own.signature,
            compareSignature: (s) => own.compareSignature(s),
            compareDigest: (d) => own.compareDigest(d),
            compareSignedDigest: (d) => own.compareSignedDigest(d),
            verifySignature: (key) => own.verifySignature(key) || keyed.verifySignature(key),
        };
    }
    if (bundle.content.$case === 'messageSignature') {
        const md = bundle.content.messageSignature.messageDigest;
        if ('artifact' in subject) {
            const alg = HASH_NAMES[md.algorithm];
            if (alg === undefined) {
                throw new errors/* GateError */.ue('MALFORMED', `${what}: unsupported messageDigest algorithm ${dist.HashAlgorithm[md.algorithm] ?? md.algorithm}`);
            }
            if (!sha(alg, subject.artifact).equals(md.digest)) {
                throw new errors/* GateError */.ue('DIGEST_MISMATCH', `${what}: messageDigest does not match the ${alg} of the artifact`);
            }
        }
        else {
            const want = subject.digest;
            if (HASH_NAMES[md.algorithm] !== want.algorithm || md.digest.toString('hex') !== want.hex) {
                throw new errors/* GateError */.ue('DIGEST_MISMATCH', `${what}: messageDigest ${md.digest.toString('hex')} does not match ${want.algorithm}:${want.hex}`);
            }
            entity.signature = digestOnlyContent(bundle.content.messageSignature.signature, md.digest, what);
        }
    }
    if (ignoreTlog) {
        // No root: nothing here can be checked, and the policy needs no time (else a root would be
        // required), so log entries and RFC 3161 timestamps are left out rather than failed.
        entity.tlogEntries = [];
        entity.timestamps = [];
    }
    const stale = dropUnknownLogs(entity, base.tlogs, policy.requireTlog, what);
    for (const e of entity.tlogEntries)
        checkProofAgainstCheckpoint(e, what);
    checkProofLogsValid(entity, base.tlogs, what);
    // Only a certificate needs a time to be valid at; a key's window is checked in verifyWithKeys.
    if (shape.signer === 'certificate' && countTimestampCandidates(entity) < 1) {
        throw new errors/* GateError */.ue('TLOG_MISSING', `${what} has no trusted signing time (no Rekor inclusion promise and no RFC 3161 timestamp)${stale}`);
    }
    const bound = entity.tlogEntries;
    let set = verifiers;
    if (att) {
        set = attVerifiers;
        prepareAttestation(ctx, entity, att, what);
    }
    // 3. Cryptography and policy.
    const evidence = shape.signer === 'key'
        ? verifyWithKeys(ctx, entity, set, bound, format, what)
        : verifyKeyless(ctx, entity, set, bound, format, what);
    return statement ? { ...evidence, statement } : evidence;
}
/**
 * The `.att` specifics: bind every log entry to this envelope, check the SETs sigstore-js
 * cannot read (intoto 0.0.1) and take those entries out of its list, and point RFC 3161
 * verification at the envelope bytes, which is what cosign v2 timestamps for attestations.
 */
function prepareAttestation(ctx, entity, att, what) {
    const { base } = ctx;
    const env = {
        bytes: att.envelope,
        payloadType: att.parsed.payloadType,
        payload: att.parsed.payload,
        signature: att.parsed.signature,
    };
    for (const e of entity.tlogEntries)
        checkAttestationBody(e, env, what);
    const own = entity.tlogEntries.filter((e) => e.kindVersion?.kind === 'intoto' && e.kindVersion.version === '0.0.1');
    for (const e of own)
        verifyInclusionPromise(e, base.tlogs, what);
    // Still in entity.timestamps: its integrated time is vouched for by the SET just checked.
    entity.tlogEntries = entity.tlogEntries.filter((e) => !own.includes(e));
    entity.signature = timestampedOver(entity.signature, Buffer.from(att.envelope));
}
function asMalformed(e, what) {
    const g = toVerifyGateError(e, what);
    return g.code === 'INTERNAL'
        ? new errors/* GateError */.ue('MALFORMED', `${what} does not parse: ${e.message}`, { cause: e })
        : g;
}
//# sourceMappingURL=verify-bundle.js.map
;// CONCATENATED MODULE: ./build/core/signatures/verifier.js
// The signature verifier: built once per run from the policy and trusted root (refusing a policy
// nothing could satisfy), with one entry point per signature form; pure and synchronous, no I/O.







function createSignatureVerifier(trustedRoot, policy) {
    if (policy.keys.length === 0 && policy.identities.length === 0) {
        throw new errors/* GateError */.ue('USAGE', 'policy trusts no key and no keyless identity: nothing could ever verify');
    }
    if (trustedRoot === undefined && (policy.identities.length > 0 || policy.requireTlog)) {
        throw new errors/* GateError */.ue('USAGE', 'a Sigstore trusted root is required for keyless identities or a required transparency log');
    }
    const windowed = policy.keys.find((k) => k.validFor);
    if (trustedRoot === undefined && windowed) {
        throw new errors/* GateError */.ue('USAGE', `key ${windowed.keyRef} has a validity window, which is checked against a verified signing time: a Sigstore trusted root is required`);
    }
    const base = trustedRoot === undefined ? EMPTY_TRUST : baseTrust(trustedRoot);
    // Without a root, log entries cannot be checked at all; the policy said they are optional.
    const ignoreTlog = trustedRoot === undefined;
    const ctx = {
        policy,
        base,
        ignoreTlog,
        verifiers: makeVerifiers(base, policy, policy.requireTlog ? 1 : 0),
        attVerifiers: makeVerifiers(base, policy, 0),
    };
    // Each entry point runs on attacker-made content only: whatever it throws that is not already
    // ours (a RangeError from a deeply nested value, a TypeError on an unexpected shape) is that
    // evidence failing (MALFORMED), for every caller alike, never an INTERNAL outage.
    const rejecting = (what, run) => (...a) => {
        try {
            return run(...a);
        }
        catch (e) {
            throw toVerifyGateError(e, what);
        }
    };
    return {
        verifyLegacy: rejecting('.sig layer', (layer, imageDigest) => {
            (0,legacy/* checkSimpleSigningPayload */.IY)(layer.payload, imageDigest);
            const bundle = (0,legacy/* legacyLayerToBundle */.g2)(layer);
            const evidence = verifyBundleJson(ctx, bundle, { artifact: layer.payload }, 'legacy-tag', '.sig layer', undefined, true);
            delete evidence.statement;
            return evidence;
        }),
        verifyBundle: rejecting('bundle', (bundleJson, subject, format) => {
            const s = 'digest' in subject ? { digest: (0,signatures_statement/* parseSubjectDigest */.Ky)(subject.digest) } : subject;
            return verifyBundleJson(ctx, bundleJson, s, format, `bundle (${format})`);
        }),
        verifyLegacyAttestation: rejecting(ATT_LAYER, (layer, imageDigest) => {
            const digest = (0,signatures_statement/* parseSubjectDigest */.Ky)(imageDigest);
            const parsed = legacyAttestationToBundle(layer);
            const { statement, ...evidence } = verifyBundleJson(ctx, parsed.bundle, { digest }, 'legacy-tag', ATT_LAYER, { envelope: layer.envelope, parsed });
            if (statement === undefined)
                throw new errors/* GateError */.ue('INTERNAL', `${ATT_LAYER}: verified without a statement`);
            return { ...evidence, statement };
        }),
    };
}
//# sourceMappingURL=verifier.js.map

/***/ }),

/***/ 62236:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ describeValidity),
/* harmony export */   W: () => (/* binding */ withinValidity)
/* harmony export */ });
function withinValidity(v, t) {
    if (v === undefined)
        return true;
    const ms = t.getTime();
    return ((v.start === undefined || ms >= v.start.getTime()) &&
        (v.end === undefined || ms <= v.end.getTime()));
}
function describeValidity(v) {
    const start = v.start ? v.start.toISOString() : 'any time';
    const end = v.end ? v.end.toISOString() : 'any time';
    return `from ${start} to ${end}`;
}
//# sourceMappingURL=key-types.js.map

/***/ })

};

//# sourceMappingURL=368.index.js.map