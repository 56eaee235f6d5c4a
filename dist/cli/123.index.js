export const id = 123;
export const ids = [123];
export const modules = {

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

/***/ }),

/***/ 36123:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  keyIdOf: () => (/* binding */ keyIdOf),
  loadKey: () => (/* binding */ loadKey),
  loadKeys: () => (/* binding */ loadKeys),
  loadPrivateKeyFile: () => (/* binding */ loadPrivateKeyFile),
  toVerificationKey: () => (/* binding */ toVerificationKey)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(62807);
// EXTERNAL MODULE: ./build/core/limits.js
var limits = __webpack_require__(40332);
;// CONCATENATED MODULE: ./build/core/trust/cosign-key.js
// Decrypts cosign's password-protected private key format (go-securesystemslib `encrypted`:
// scrypt-derived key, NaCl secretbox) so a cosign.key file can serve as a verification key.


/** PEM types cosign writes: SIGSTORE since cosign 1.x, COSIGN for keys made before that. */
const COSIGN_PEM_TYPES = [
    'ENCRYPTED SIGSTORE PRIVATE KEY',
    'ENCRYPTED COSIGN PRIVATE KEY',
];
/**
 * The only scrypt parameters go-securesystemslib's `CheckParams` accepts (legacy 2^15, standard
 * 2^16, OWASP 2^17; r=8, p=1). Anything else is refused before any work: an attacker-edited
 * key file must not make us allocate gigabytes or spin for minutes.
 */
const COSIGN_SCRYPT_PARAMS = [
    { N: 32768, r: 8, p: 1 },
    { N: 65536, r: 8, p: 1 },
    { N: 131072, r: 8, p: 1 },
];
const KEY_BYTES = 32;
const NONCE_BYTES = 24;
function unreadable(ref, why, cause) {
    return new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: ${why}`, cause === undefined ? undefined : { cause });
}
function field(obj, name) {
    return typeof obj === 'object' && obj !== null && !Array.isArray(obj)
        ? obj[name]
        : undefined;
}
/** Go encodes []byte in JSON as standard, padded base64. */
function base64Field(ref, value, name) {
    if (typeof value !== 'string' ||
        value.length % 4 !== 0 ||
        !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
        throw unreadable(ref, `cosign key field ${name} is not base64`);
    }
    return Buffer.from(value, 'base64');
}
function scryptAsync(password, salt, params) {
    // scrypt needs 128\u00b7N\u00b7r bytes; node refuses above `maxmem`, so allow exactly what the
    // accepted parameters need (128 MiB at most) with headroom.
    const maxmem = 2 * 128 * params.N * params.r;
    return new Promise((resolve, reject) => {
        (0,external_node_crypto_.scrypt)(password, salt, KEY_BYTES, { ...params, maxmem }, (err, key) => err ? reject(err) : resolve(key));
    });
}
/**
 * Decrypts the body of a cosign encrypted-key PEM block into its PKCS#8 private key.
 * `password` is COSIGN_PASSWORD as found (undefined when unset; "" is a valid password).
 * `ref` names the key in messages.
 */
async function decryptCosignPrivateKey(body, password, ref) {
    let doc;
    try {
        doc = JSON.parse(Buffer.from(body).toString('utf8'));
    }
    catch (e) {
        throw unreadable(ref, 'cosign key body is not JSON', e);
    }
    const kdf = field(doc, 'kdf');
    const cipher = field(doc, 'cipher');
    if (field(kdf, 'name') !== 'scrypt') {
        throw unreadable(ref, `cosign key uses unknown KDF ${JSON.stringify(field(kdf, 'name'))} (expected "scrypt")`);
    }
    if (field(cipher, 'name') !== 'nacl/secretbox') {
        throw unreadable(ref, `cosign key uses unknown cipher ${JSON.stringify(field(cipher, 'name'))} (expected "nacl/secretbox")`);
    }
    const rawParams = field(kdf, 'params');
    const params = { N: field(rawParams, 'N'), r: field(rawParams, 'r'), p: field(rawParams, 'p') };
    const accepted = COSIGN_SCRYPT_PARAMS.find((c) => c.N === params.N && c.r === params.r && c.p === params.p);
    if (!accepted) {
        throw unreadable(ref, `cosign key has unsupported scrypt parameters N=${String(params.N)} r=${String(params.r)} p=${String(params.p)} ` +
            `(accepted: N=${COSIGN_SCRYPT_PARAMS.map((c) => c.N).join('/')}, r=8, p=1)`);
    }
    const salt = base64Field(ref, field(kdf, 'salt'), 'kdf.salt');
    const nonce = base64Field(ref, field(cipher, 'nonce'), 'cipher.nonce');
    const ciphertext = base64Field(ref, field(doc, 'ciphertext'), 'ciphertext');
    if (nonce.length !== NONCE_BYTES) {
        throw unreadable(ref, `cosign key nonce is ${nonce.length} bytes (expected ${NONCE_BYTES})`);
    }
    if (password === undefined) {
        throw unreadable(ref, 'wrong or missing COSIGN_PASSWORD (COSIGN_PASSWORD is not set)');
    }
    const key = await scryptAsync(Buffer.from(password, 'utf8'), salt, accepted);
    // Loaded here, not at the top: only an encrypted cosign.key needs it, and every key-signed
    // verify would otherwise load its 62 KB chunk before its first request.
    const { default: nacl } = await __webpack_require__.e(/* import() */ 668).then(__webpack_require__.t.bind(__webpack_require__, 80668, 19));
    const plaintext = nacl.secretbox.open(ciphertext, nonce, key);
    if (plaintext === null) {
        throw unreadable(ref, 'wrong or missing COSIGN_PASSWORD (decryption failed; or the key file is corrupt)');
    }
    try {
        return (0,external_node_crypto_.createPrivateKey)({ key: Buffer.from(plaintext), format: 'der', type: 'pkcs8' });
    }
    catch (e) {
        throw unreadable(ref, 'decrypted cosign key is not a PKCS#8 private key', e);
    }
    finally {
        plaintext.fill(0);
        key.fill(0);
    }
}
//# sourceMappingURL=cosign-key.js.map
// EXTERNAL MODULE: ./build/core/trust/key-types.js
var key_types = __webpack_require__(62236);
;// CONCATENATED MODULE: ./build/core/trust/keys.js
// Loads verification keys from wherever users keep them (PEM public keys, cosign's encrypted
// private keys, AWS KMS, HashiCorp Vault transit) into one checked VerificationKey each.







/** A key file is a few hundred bytes; anything far larger is not a key and is not read whole. */
const MAX_KEY_FILE_BYTES = limits/* LIMITS */.b1.keyFileBytes;
/** RSA below 2048 bits is breakable; far above 16384 it only makes every verification slow. */
const MIN_RSA_BITS = 2048;
const MAX_RSA_BITS = 16384;
const SUPPORTED = 'a PEM public key file, a cosign.key file, awskms:// or hashivault://';
/** s3lo's key ID: the first 16 hex characters of sha256 over the DER SubjectPublicKeyInfo. */
function keyIdOf(spki) {
    return (0,external_node_crypto_.createHash)('sha256').update(spki).digest('hex').slice(0, 16);
}
/**
 * Checks that `publicKey` is an algorithm cosign verifies with (ECDSA P-256/P-384, RSA \u2265 2048,
 * Ed25519) and wraps it. `source` names where it came from, for messages.
 */
function toVerificationKey(keyRef, publicKey, source) {
    if (publicKey.type !== 'public') {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${keyRef}: ${source} is not a public key`);
    }
    const algorithm = algorithmOf(keyRef, publicKey, source);
    // Go's x509.MarshalPKIXPublicKey (s3lo's key ID input) always writes uncompressed EC points;
    // a JWK round trip makes OpenSSL do the same for a key that arrived compressed.
    const canonical = publicKey.asymmetricKeyType === 'ec'
        ? (0,external_node_crypto_.createPublicKey)({ key: publicKey.export({ format: 'jwk' }), format: 'jwk' })
        : publicKey;
    const spki = canonical.export({ type: 'spki', format: 'der' });
    const pem = canonical.export({ type: 'spki', format: 'pem' }).toString();
    return { keyRef, keyID: keyIdOf(spki), publicKey: canonical, spki, pem, algorithm };
}
function algorithmOf(keyRef, key, source) {
    const details = key.asymmetricKeyDetails ?? {};
    switch (key.asymmetricKeyType) {
        case 'ec':
            if (details.namedCurve === 'prime256v1')
                return 'ecdsa-p256';
            if (details.namedCurve === 'secp384r1')
                return 'ecdsa-p384';
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${keyRef}: ${source} is an EC key on curve ${details.namedCurve ?? 'unknown'}; ` +
                'supported are P-256 and P-384');
        case 'rsa': {
            const bits = details.modulusLength ?? 0;
            if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
                throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${keyRef}: ${source} is a ${bits}-bit RSA key; supported are ${MIN_RSA_BITS} to ${MAX_RSA_BITS} bits`);
            }
            return 'rsa';
        }
        case 'ed25519':
            return 'ed25519';
        default:
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${keyRef}: ${source} is a ${key.asymmetricKeyType ?? 'unknown'} key; ` +
                'supported are ECDSA P-256/P-384, RSA and Ed25519');
    }
}
/**
 * Loads one verification key. `ref` is a file path (PEM public key or cosign encrypted private
 * key, password from COSIGN_PASSWORD), `awskms://[host:port]/<key id|alias/name|arn>` or
 * `hashivault://<name>`. Every failure is a GateError `KEY_UNREADABLE` (or `INSECURE` for a
 * plain-HTTP remote, `TIMEOUT` when `signal` aborts): a key we cannot read is an outage, never
 * a verdict.
 */
async function loadKey(ref, opts = {}) {
    const env = opts.env ?? process.env;
    const { signal } = opts;
    if (ref.trim() === '') {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key: empty key reference (expected ${SUPPORTED})`);
    }
    try {
        signal?.throwIfAborted();
        if (ref.startsWith('awskms://')) {
            // Loaded on demand: the AWS SDK is large and most runs use no KMS key.
            const { fetchAwsKmsPublicKey } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(632), __webpack_require__.e(126)]).then(__webpack_require__.bind(__webpack_require__, 72126));
            const kmsOpts = signal ? { env, signal } : { env };
            return toVerificationKey(ref, await fetchAwsKmsPublicKey(ref, kmsOpts), 'the AWS KMS key');
        }
        if (ref.startsWith('hashivault://')) {
            const { fetchVaultPublicKey } = await __webpack_require__.e(/* import() */ 211).then(__webpack_require__.bind(__webpack_require__, 91211));
            const vaultOpts = signal ? { env, signal } : { env };
            return toVerificationKey(ref, await fetchVaultPublicKey(ref, vaultOpts), 'the Vault transit key');
        }
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
            const scheme = ref.slice(0, ref.indexOf('://') + 3);
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: unsupported key source ${scheme} (expected ${SUPPORTED})`);
        }
        return await loadKeyFile(ref, external_node_path_.resolve(opts.cwd ?? process.cwd(), ref), env);
    }
    catch (e) {
        if (e instanceof errors/* GateError */.ue)
            throw e;
        if (signal?.aborted) {
            if (signal.reason instanceof errors/* GateError */.ue)
                throw signal.reason;
            throw new errors/* GateError */.ue('TIMEOUT', `key ${ref}: loading was cancelled`, { cause: signal.reason });
        }
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
}
/**
 * Loads every distinct reference once, in parallel. Two references naming the same key (a .pub
 * and its cosign.key, an alias and its ARN) yield it once, under the first reference given.
 * When several fail, the error of the first failing reference in input order is thrown.
 * `validity` (policy files) gives some references a window; one key given two different windows
 * (or a window under one reference and none under another) is refused rather than one dropped.
 */
async function loadKeys(refs, opts = {}) {
    const distinct = [...new Set(refs)];
    const settled = await Promise.allSettled(distinct.map((ref) => loadKey(ref, opts)));
    const keys = [];
    const seen = new Map();
    for (const outcome of settled) {
        if (outcome.status === 'rejected')
            throw outcome.reason;
        // Own entries only: a reference named `constructor` or `__proto__` has no inherited window.
        const window = opts.validity && Object.hasOwn(opts.validity, outcome.value.keyRef)
            ? opts.validity[outcome.value.keyRef]
            : undefined;
        const key = window ? { ...outcome.value, validFor: window } : outcome.value;
        const first = seen.get(key.keyID);
        if (first) {
            if (!sameValidity(first.validFor, key.validFor))
                throw new errors/* GateError */.ue('USAGE', `keys: ${first.keyRef} and ${key.keyRef} are the same key (${key.keyID}) with different validFor windows (${first.validFor ? (0,key_types/* describeValidity */.A)(first.validFor) : 'none'}; ${key.validFor ? (0,key_types/* describeValidity */.A)(key.validFor) : 'none'})`);
            continue;
        }
        seen.set(key.keyID, key);
        keys.push(key);
    }
    return keys;
}
function sameValidity(a, b) {
    return a?.start?.getTime() === b?.start?.getTime() && a?.end?.getTime() === b?.end?.getTime();
}
/**
 * The private half of a signing key held in a file: a cosign encrypted key (COSIGN_PASSWORD) or
 * an unencrypted PEM private key (PKCS#8, SEC1 or PKCS#1). Remote keys (awskms://, hashivault://)
 * sign through trust/signing-key.ts, which calls this for files.
 */
async function loadPrivateKeyFile(ref, opts = {}) {
    const bytes = await readKeyFile(ref, external_node_path_.resolve(opts.cwd ?? process.cwd(), ref));
    const block = singlePemBlock(ref, bytes.toString('latin1'));
    if (block.type === COSIGN_PEM_TYPES[0] || block.type === COSIGN_PEM_TYPES[1])
        return decryptCosignPrivateKey(block.der, (opts.env ?? process.env).COSIGN_PASSWORD, ref);
    const der = Object.hasOwn(PRIVATE_KEY_DER, block.type) ? PRIVATE_KEY_DER[block.type] : undefined;
    if (der) {
        try {
            return (0,external_node_crypto_.createPrivateKey)({ key: block.der, format: 'der', ...der });
        }
        catch (e) {
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: the ${block.type} block does not parse`, {
                cause: e,
            });
        }
    }
    throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: holds a ${block.type}, not a private key to sign with (expected ${COSIGN_PEM_TYPES[0]} or PRIVATE KEY)`);
}
const PRIVATE_KEY_DER = {
    'PRIVATE KEY': { type: 'pkcs8' },
    'EC PRIVATE KEY': { type: 'sec1' },
    'RSA PRIVATE KEY': { type: 'pkcs1' },
};
async function loadKeyFile(ref, file, env) {
    const bytes = await readKeyFile(ref, file);
    const block = singlePemBlock(ref, bytes.toString('latin1'));
    switch (block.type) {
        case 'PUBLIC KEY':
        case 'RSA PUBLIC KEY': {
            let publicKey;
            try {
                const type = block.type === 'PUBLIC KEY' ? 'spki' : 'pkcs1';
                publicKey = (0,external_node_crypto_.createPublicKey)({ key: block.der, format: 'der', type });
            }
            catch (e) {
                throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: the ${block.type} block does not parse as a key`, {
                    cause: e,
                });
            }
            return toVerificationKey(ref, publicKey, 'the public key');
        }
        case COSIGN_PEM_TYPES[0]:
        case COSIGN_PEM_TYPES[1]: {
            const privateKey = await decryptCosignPrivateKey(block.der, env.COSIGN_PASSWORD, ref);
            return toVerificationKey(ref, (0,external_node_crypto_.createPublicKey)(privateKey), 'the cosign private key');
        }
        case 'PRIVATE KEY':
        case 'EC PRIVATE KEY':
        case 'RSA PRIVATE KEY':
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: holds an unencrypted ${block.type}; give its public key instead ` +
                '(e.g. `cosign public-key --key <file>`) or a cosign encrypted key');
        default:
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: unsupported PEM block "${block.type}" (expected PUBLIC KEY or ${COSIGN_PEM_TYPES.join(' / ')})`);
    }
}
async function readKeyFile(ref, file) {
    let handle;
    try {
        handle = await (0,promises_.open)(file, 'r');
        const stat = await handle.stat();
        if (stat.isDirectory())
            throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        if (stat.size > MAX_KEY_FILE_BYTES) {
            throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: file is ${stat.size} bytes, larger than any key file (limit ${MAX_KEY_FILE_BYTES})`);
        }
        // Read at most limit+1 so a file that grows after stat (or a FIFO) cannot exhaust memory.
        const buffer = Buffer.alloc(MAX_KEY_FILE_BYTES + 1);
        let length = 0;
        for (;;) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
            if (bytesRead === 0)
                break;
            length += bytesRead;
            if (length > MAX_KEY_FILE_BYTES) {
                throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: file is larger than any key file (limit ${MAX_KEY_FILE_BYTES})`);
            }
        }
        return buffer.subarray(0, length);
    }
    catch (e) {
        if (e instanceof errors/* GateError */.ue)
            throw e;
        const code = e.code;
        const why = code === 'ENOENT' || code === 'ENOTDIR'
            ? `key: no file at ${ref}`
            : code === 'EACCES' || code === 'EPERM'
                ? `key: cannot read ${ref} (permission denied)`
                : code === 'EISDIR'
                    ? `key: ${ref} is a directory, not a key file`
                    : `key: cannot read ${ref} (${code ?? (e instanceof Error ? e.message : String(e))})`;
        throw new errors/* GateError */.ue('KEY_UNREADABLE', why, { cause: e });
    }
    finally {
        await handle?.close();
    }
}
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;
/** Exactly one PEM block: a second key in the same file would otherwise be silently ignored. */
function singlePemBlock(ref, text) {
    const blocks = [...text.matchAll(PEM_BLOCK)];
    if (blocks.length === 0) {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: no PEM block found (expected PUBLIC KEY or ${COSIGN_PEM_TYPES.join(' / ')})`);
    }
    if (blocks.length > 1) {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: holds ${blocks.length} PEM blocks; give one key per file (repeat --key for several keys)`);
    }
    const [, type = '', body = '', endType = ''] = blocks[0] ?? [];
    if (type !== endType) {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: PEM block BEGIN ${type} ends with END ${endType}`);
    }
    const compact = body.replace(/\s+/g, '');
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact) ||
        compact === '') {
        throw new errors/* GateError */.ue('KEY_UNREADABLE', `key ${ref}: the ${type} block is not valid base64`);
    }
    return { type, der: Buffer.from(compact, 'base64') };
}
//# sourceMappingURL=keys.js.map

/***/ })

};

//# sourceMappingURL=123.index.js.map