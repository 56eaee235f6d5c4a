export const id = 399;
export const ids = [399];
export const modules = {

/***/ 56780:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createSummarySigner: () => (/* binding */ createSummarySigner)
/* harmony export */ });
/* unused harmony export PUBLIC_GOOD_SIGNING_CONFIG */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var _sigstore_bundle__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61040);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(19654);
/* harmony import */ var _sigstore_sign__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15179);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(62807);
/* harmony import */ var _signatures_statement_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(31893);
/* harmony import */ var _trust_signing_key_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(54830);
// Signing verification summaries into Sigstore bundles v0.3 (DSSE, in-toto payload): keyless with
// Fulcio (the OIDC token comes from the front end) or with a key (a file, AWS KMS or Vault
// transit: trust/signing-key.ts), logged in Rekor either way.








/** Public-good Sigstore's services, for runs that name no signing config. */
const PUBLIC_GOOD_SIGNING_CONFIG = {
    mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
    caUrls: [
        {
            url: 'https://fulcio.sigstore.dev',
            majorApiVersion: 1,
            validFor: { start: '2023-04-14T21:38:40Z' },
        },
    ],
    oidcUrls: [],
    rekorTlogUrls: [
        {
            url: 'https://rekor.sigstore.dev',
            majorApiVersion: 1,
            validFor: { start: '2021-01-12T11:53:27Z' },
        },
    ],
    rekorTlogConfig: { selector: 'ANY' },
    tsaUrls: [],
};
const SIGNING_CONFIG_TYPES = /^application\/vnd\.dev\.sigstore\.signingconfig\.v0\.[12]\+json$/;
const CLIENT_TRUST_CONFIG = /^application\/vnd\.dev\.sigstore\.clienttrustconfig\.v0\.1\+json$/;
async function createSummarySigner(how, deps) {
    const config = await readSigningConfig(deps.signingConfig);
    const timeout = deps.timeoutMs ?? 30_000;
    const witnesses = witnessesOf(config, timeout);
    let signer;
    if (how.kind === 'keyless') {
        const idToken = deps.idToken;
        if (!idToken)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .GateError */ .ue('USAGE', 'sign-summary: keyless needs an OIDC token: in GitHub Actions grant `permissions: id-token: write`; elsewhere set SIGSTORE_ID_TOKEN');
        signer = new _sigstore_sign__WEBPACK_IMPORTED_MODULE_4__/* .FulcioSigner */ .$o({
            fulcioBaseURL: newest(config.caUrls, 1, 'Fulcio (caUrls)').url,
            identityProvider: { getToken: () => idToken('sigstore') },
            timeout,
            retry: { retries: 2 },
        });
    }
    else {
        signer = keySigner(await (0,_trust_signing_key_js__WEBPACK_IMPORTED_MODULE_7__/* .loadSigner */ .v)(how.keyRef, { env: deps.env }));
    }
    const builder = new _sigstore_sign__WEBPACK_IMPORTED_MODULE_4__/* .DSSEBundleBuilder */ .VV({ signer, witnesses });
    return {
        signer: how.kind === 'keyless' ? 'keyless' : how.keyRef,
        async sign(statement) {
            try {
                const bundle = await builder.create({
                    data: Buffer.from(JSON.stringify(statement)),
                    type: _signatures_statement_js__WEBPACK_IMPORTED_MODULE_6__/* .IN_TOTO_PAYLOAD_TYPE */ .T4,
                });
                return (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_2__.bundleToJSON)(bundle);
            }
            catch (e) {
                if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .GateError */ .ue)
                    throw e;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .GateError */ .ue('NETWORK', `sign-summary: signing failed: ${reasonOf(e)}`, {
                    cause: e,
                });
            }
        },
    };
}
/** A signing key as @sigstore/sign's Signer: the DSSE PAE signed as cosign signs it. */
function keySigner(key) {
    // cosign's hint: base64 SHA-256 of the DER public key (a verifier still tries its own keys).
    const hint = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(key.key.spki).digest('base64');
    return {
        sign: async (data) => ({
            signature: await key.sign(data),
            key: { $case: 'publicKey', publicKey: key.key.pem, hint },
        }),
    };
}
async function readSigningConfig(file) {
    if (file === undefined)
        return _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_3__.SigningConfig.fromJSON(PUBLIC_GOOD_SIGNING_CONFIG);
    let json;
    try {
        json = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'));
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .GateError */ .ue('USAGE', `signing-config: cannot read ${file}: ${reasonOf(e)}`, {
            cause: e,
        });
    }
    const o = (typeof json === 'object' && json !== null ? json : {});
    const mediaType = typeof o.mediaType === 'string' ? o.mediaType : '';
    if (CLIENT_TRUST_CONFIG.test(mediaType) && typeof o.signingConfig === 'object')
        return _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_3__.SigningConfig.fromJSON(o.signingConfig);
    if (!SIGNING_CONFIG_TYPES.test(mediaType))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .GateError */ .ue('USAGE', `signing-config: ${file} has mediaType ${JSON.stringify(mediaType)} (expected application/vnd.dev.sigstore.signingconfig.v0.2+json or a client trust config)`);
    return _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_3__.SigningConfig.fromJSON(json);
}
/**
 * Rekor from the signing config, and a TSA when it names one. A Rekor v1 log gets an `intoto`
 * entry (the body Rekor stores is the envelope itself, which every verifier can check against the
 * bundle); a v2 log takes DSSE entries only.
 */
function witnessesOf(config, timeout) {
    const tlog = newest(config.rekorTlogUrls, 2, 'Rekor (rekorTlogUrls)');
    const witnesses = [
        new _sigstore_sign__WEBPACK_IMPORTED_MODULE_4__/* .RekorWitness */ .fU({
            rekorBaseURL: tlog.url,
            majorApiVersion: tlog.majorApiVersion,
            ...(tlog.majorApiVersion === 1 ? { entryType: 'intoto' } : {}),
            timeout,
            retry: { retries: 2 },
        }),
    ];
    const tsa = config.tsaUrls.length ? newest(config.tsaUrls, 1, 'TSA (tsaUrls)') : undefined;
    if (tsa)
        witnesses.push(new _sigstore_sign__WEBPACK_IMPORTED_MODULE_4__/* .TSAWitness */ .gs({ tsaBaseURL: tsa.url, timeout, retry: { retries: 2 } }));
    return witnesses;
}
/** The most recently started service still valid, of an API version we speak. */
function newest(services, maxVersion, what) {
    const now = Date.now();
    const usable = services
        .filter((s) => s.majorApiVersion >= 1 && s.majorApiVersion <= maxVersion)
        .filter((s) => !s.validFor?.end || s.validFor.end.getTime() >= now)
        .sort((a, b) => (b.validFor?.start?.getTime() ?? 0) - (a.validFor?.start?.getTime() ?? 0));
    const s = usable[0];
    if (!s)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .GateError */ .ue('USAGE', `signing-config: names no usable ${what} service`);
    return s;
}
function reasonOf(e) {
    const msg = e instanceof Error ? e.message : String(e);
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    return msg + cause;
}
//# sourceMappingURL=sign.js.map

/***/ }),

/***/ 54830:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ loadSigner)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62807);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(36123);
// The keys image-gate signs with (verification summaries, shard reports, revocation lists): a
// key file, an AWS KMS key or a Vault transit key, behind one SigningKey that knows its public
// half and signs bytes. Every signature is checked against that public half before it is handed
// out: a remote signer answering with another key's (or no valid) signature is an outage naming
// the key, never a bundle that does not verify.



const SUPPORTED = 'a cosign.key or PEM private key file, awskms:// or hashivault://';
/** What KMS is asked to sign with, per key algorithm: what cosign and every verifier check. */
const KMS_ALGORITHMS = {
    'ecdsa-p256': { algorithm: 'ECDSA_SHA_256', hash: 'sha256' },
    // KMS signs P-384 keys with SHA-384 only; image-gate, cosign and sigstore-go verify it.
    'ecdsa-p384': { algorithm: 'ECDSA_SHA_384', hash: 'sha384' },
    // PKCS#1 v1.5: what cosign's RSA verifiers (and sigstore-js) check; PSS would not verify there.
    rsa: { algorithm: 'RSASSA_PKCS1_V1_5_SHA_256', hash: 'sha256' },
};
/**
 * Loads the signing key `ref`: a key file (cosign.key with COSIGN_PASSWORD, or PEM PKCS#8 / SEC1
 * / PKCS#1), `awskms://[host:port]/<key id|alias/NAME|ARN>` (GetPublicKey, then Sign over the
 * digest) or `hashivault://NAME` (the latest version's public key, then transit/sign). Failures
 * are GateErrors naming `ref` (KEY_UNREADABLE; INSECURE for plain HTTP to a remote host).
 */
async function loadSigner(ref, opts = {}) {
    const env = opts.env ?? process.env;
    const remote = opts.signal ? { env, signal: opts.signal } : { env };
    if (ref.trim() === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('KEY_UNREADABLE', `key: empty signing key reference (expected ${SUPPORTED})`);
    if (ref.startsWith('awskms://')) {
        const { awsKmsSignDigest, fetchAwsKmsKey } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(632), __webpack_require__.e(126)]).then(__webpack_require__.bind(__webpack_require__, 72126));
        const kms = await fetchAwsKmsKey(ref, remote);
        const key = (0,_keys_js__WEBPACK_IMPORTED_MODULE_2__.toVerificationKey)(ref, kms.publicKey, 'the AWS KMS key');
        const how = Object.hasOwn(KMS_ALGORITHMS, key.algorithm)
            ? KMS_ALGORITHMS[key.algorithm]
            : undefined;
        if (!how)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('KEY_UNREADABLE', `key ${ref}: AWS KMS key ${kms.keyArn} (KeySpec ${kms.keySpec}) cannot sign here: KMS signs ${key.algorithm} keys only over raw messages of at most 4096 bytes; use an ECC_NIST_P256, ECC_NIST_P384 or RSA key`);
        if (kms.signingAlgorithms.length > 0 && !kms.signingAlgorithms.includes(how.algorithm))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('KEY_UNREADABLE', `key ${ref}: AWS KMS key ${kms.keyArn} (KeySpec ${kms.keySpec}) lists signing algorithms ${kms.signingAlgorithms.join(', ')}, not ${how.algorithm}, which verifiers check`);
        const hash = how.hash;
        return checked(ref, 'awskms', key, hash, 'AWS KMS', (m) => awsKmsSignDigest(ref, remote, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(hash).update(m).digest(), how.algorithm));
    }
    if (ref.startsWith('hashivault://')) {
        const { fetchVaultKey, vaultSign } = await __webpack_require__.e(/* import() */ 211).then(__webpack_require__.bind(__webpack_require__, 91211));
        const transit = await fetchVaultKey(ref, remote);
        const key = (0,_keys_js__WEBPACK_IMPORTED_MODULE_2__.toVerificationKey)(ref, transit.publicKey, 'the Vault transit key');
        // cosign's defaults: SHA-256 prehashed for ECDSA and RSA (PKCS#1 v1.5), Ed25519 over the
        // message itself.
        const ed25519 = key.algorithm === 'ed25519';
        return checked(ref, 'hashivault', key, ed25519 ? null : 'sha256', 'Vault', (m) => vaultSign(ref, remote, {
            input: ed25519 ? m : (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(m).digest(),
            prehashed: !ed25519,
            version: transit.version,
        }));
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
        const scheme = ref.slice(0, ref.indexOf('://') + 3);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('KEY_UNREADABLE', `key ${ref}: unsupported signing key source ${scheme} (expected ${SUPPORTED})`);
    }
    const privateKey = await (0,_keys_js__WEBPACK_IMPORTED_MODULE_2__.loadPrivateKeyFile)(ref, { env, ...(opts.cwd ? { cwd: opts.cwd } : {}) });
    const key = (0,_keys_js__WEBPACK_IMPORTED_MODULE_2__.toVerificationKey)(ref, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(privateKey), 'the private key');
    // Ed25519 signs the message itself; ECDSA and RSA sign its SHA-256 (cosign's defaults).
    const hash = key.algorithm === 'ed25519' ? null : 'sha256';
    return checked(ref, 'file', key, hash, 'the key file', (m) => Promise.resolve((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)(hash, m, privateKey)));
}
function checked(keyRef, kind, key, hash, signer, raw) {
    return {
        keyRef,
        kind,
        key,
        hash,
        async sign(message) {
            let signature;
            try {
                signature = await raw(message);
            }
            catch (e) {
                if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue)
                    throw e;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('KEY_UNREADABLE', `key ${keyRef}: signing failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
            }
            let ok;
            try {
                ok = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)(hash, message, key.publicKey, signature);
            }
            catch {
                ok = false;
            }
            if (!ok)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('KEY_UNREADABLE', `key ${keyRef}: ${signer} returned a signature that does not verify with the key's public key (key ID ${key.keyID}); it signed with another key or answered garbage, and nothing was signed`);
            return signature;
        },
    };
}
//# sourceMappingURL=signing-key.js.map

/***/ })

};

//# sourceMappingURL=399.index.js.map