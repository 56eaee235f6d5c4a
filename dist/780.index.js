export const id = 780;
export const ids = [780];
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
/* harmony import */ var _trust_keys_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(36123);
// Signing verification summaries into Sigstore bundles v0.3 (DSSE, in-toto payload): keyless with
// Fulcio (the OIDC token comes from the front end) or with a cosign key, logged in Rekor either way.








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
        signer = keySigner(await (0,_trust_keys_js__WEBPACK_IMPORTED_MODULE_7__.loadSigningKey)(how.keyRef, { env: deps.env }));
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
/** A cosign key as @sigstore/sign's Signer: the DSSE PAE signed as cosign signs it. */
function keySigner(privateKey) {
    const pub = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createPublicKey)(privateKey);
    const publicKey = pub.export({ type: 'spki', format: 'pem' }).toString();
    // cosign's hint: base64 SHA-256 of the DER public key (a verifier still tries its own keys).
    const hint = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256')
        .update(pub.export({ type: 'spki', format: 'der' }))
        .digest('base64');
    // Ed25519 signs the message itself; ECDSA and RSA sign its SHA-256 (cosign's defaults).
    const hash = privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256';
    return {
        sign: (data) => Promise.resolve({
            signature: (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.sign)(hash, data, privateKey),
            key: { $case: 'publicKey', publicKey, hint },
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

/***/ })

};

//# sourceMappingURL=780.index.js.map