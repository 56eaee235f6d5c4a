export const id = 749;
export const ids = [749,40];
export const modules = {

/***/ 18456:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.toMessageSignatureBundle = toMessageSignatureBundle;
exports.toDSSEBundle = toDSSEBundle;
/*
Copyright 2023 The Sigstore Authors.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/
const protobuf_specs_1 = __webpack_require__(19654);
const bundle_1 = __webpack_require__(37742);
// Message signature bundle - $case: 'messageSignature'
function toMessageSignatureBundle(options) {
    return {
        mediaType: options.certificateChain
            ? bundle_1.BUNDLE_V02_MEDIA_TYPE
            : bundle_1.BUNDLE_V03_MEDIA_TYPE,
        content: {
            $case: 'messageSignature',
            messageSignature: {
                messageDigest: {
                    algorithm: protobuf_specs_1.HashAlgorithm.SHA2_256,
                    digest: options.digest,
                },
                signature: options.signature,
            },
        },
        verificationMaterial: toVerificationMaterial(options),
    };
}
// DSSE envelope bundle - $case: 'dsseEnvelope'
function toDSSEBundle(options) {
    return {
        mediaType: options.certificateChain
            ? bundle_1.BUNDLE_V02_MEDIA_TYPE
            : bundle_1.BUNDLE_V03_MEDIA_TYPE,
        content: {
            $case: 'dsseEnvelope',
            dsseEnvelope: toEnvelope(options),
        },
        verificationMaterial: toVerificationMaterial(options),
    };
}
function toEnvelope(options) {
    return {
        payloadType: options.artifactType,
        payload: options.artifact,
        signatures: [toSignature(options)],
    };
}
function toSignature(options) {
    return {
        keyid: options.keyHint || '',
        sig: options.signature,
    };
}
// Verification material
function toVerificationMaterial(options) {
    return {
        content: toKeyContent(options),
        tlogEntries: [],
        timestampVerificationData: { rfc3161Timestamps: [] },
    };
}
function toKeyContent(options) {
    if (options.certificate) {
        if (options.certificateChain) {
            return {
                $case: 'x509CertificateChain',
                x509CertificateChain: {
                    certificates: [{ rawBytes: options.certificate }],
                },
            };
        }
        else {
            return {
                $case: 'certificate',
                certificate: { rawBytes: options.certificate },
            };
        }
    }
    else {
        return {
            $case: 'publicKey',
            publicKey: {
                hint: options.keyHint || '',
            },
        };
    }
}


/***/ }),

/***/ 37742:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BUNDLE_V03_MEDIA_TYPE = exports.BUNDLE_V03_LEGACY_MEDIA_TYPE = exports.BUNDLE_V02_MEDIA_TYPE = exports.BUNDLE_V01_MEDIA_TYPE = void 0;
exports.isBundleWithCertificateChain = isBundleWithCertificateChain;
exports.isBundleWithPublicKey = isBundleWithPublicKey;
exports.isBundleWithMessageSignature = isBundleWithMessageSignature;
exports.isBundleWithDsseEnvelope = isBundleWithDsseEnvelope;
exports.BUNDLE_V01_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle+json;version=0.1';
exports.BUNDLE_V02_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle+json;version=0.2';
exports.BUNDLE_V03_LEGACY_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle+json;version=0.3';
exports.BUNDLE_V03_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
// Type guards for bundle variants.
function isBundleWithCertificateChain(b) {
    return b.verificationMaterial.content.$case === 'x509CertificateChain';
}
function isBundleWithPublicKey(b) {
    return b.verificationMaterial.content.$case === 'publicKey';
}
function isBundleWithMessageSignature(b) {
    return b.content.$case === 'messageSignature';
}
function isBundleWithDsseEnvelope(b) {
    return b.content.$case === 'dsseEnvelope';
}


/***/ }),

/***/ 47714:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ValidationError = void 0;
/*
Copyright 2023 The Sigstore Authors.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/
class ValidationError extends Error {
    fields;
    constructor(message, fields) {
        super(message);
        this.fields = fields;
    }
}
exports.ValidationError = ValidationError;


/***/ }),

/***/ 61040:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isBundleV01 = exports.assertBundleV02 = exports.assertBundleV01 = exports.assertBundleLatest = exports.assertBundle = exports.envelopeToJSON = exports.envelopeFromJSON = exports.bundleToJSON = exports.bundleFromJSON = exports.ValidationError = exports.isBundleWithPublicKey = exports.isBundleWithMessageSignature = exports.isBundleWithDsseEnvelope = exports.isBundleWithCertificateChain = exports.BUNDLE_V03_MEDIA_TYPE = exports.BUNDLE_V03_LEGACY_MEDIA_TYPE = exports.BUNDLE_V02_MEDIA_TYPE = exports.BUNDLE_V01_MEDIA_TYPE = exports.toMessageSignatureBundle = exports.toDSSEBundle = void 0;
/*
Copyright 2023 The Sigstore Authors.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/
var build_1 = __webpack_require__(18456);
Object.defineProperty(exports, "toDSSEBundle", ({ enumerable: true, get: function () { return build_1.toDSSEBundle; } }));
Object.defineProperty(exports, "toMessageSignatureBundle", ({ enumerable: true, get: function () { return build_1.toMessageSignatureBundle; } }));
var bundle_1 = __webpack_require__(37742);
Object.defineProperty(exports, "BUNDLE_V01_MEDIA_TYPE", ({ enumerable: true, get: function () { return bundle_1.BUNDLE_V01_MEDIA_TYPE; } }));
Object.defineProperty(exports, "BUNDLE_V02_MEDIA_TYPE", ({ enumerable: true, get: function () { return bundle_1.BUNDLE_V02_MEDIA_TYPE; } }));
Object.defineProperty(exports, "BUNDLE_V03_LEGACY_MEDIA_TYPE", ({ enumerable: true, get: function () { return bundle_1.BUNDLE_V03_LEGACY_MEDIA_TYPE; } }));
Object.defineProperty(exports, "BUNDLE_V03_MEDIA_TYPE", ({ enumerable: true, get: function () { return bundle_1.BUNDLE_V03_MEDIA_TYPE; } }));
Object.defineProperty(exports, "isBundleWithCertificateChain", ({ enumerable: true, get: function () { return bundle_1.isBundleWithCertificateChain; } }));
Object.defineProperty(exports, "isBundleWithDsseEnvelope", ({ enumerable: true, get: function () { return bundle_1.isBundleWithDsseEnvelope; } }));
Object.defineProperty(exports, "isBundleWithMessageSignature", ({ enumerable: true, get: function () { return bundle_1.isBundleWithMessageSignature; } }));
Object.defineProperty(exports, "isBundleWithPublicKey", ({ enumerable: true, get: function () { return bundle_1.isBundleWithPublicKey; } }));
var error_1 = __webpack_require__(47714);
Object.defineProperty(exports, "ValidationError", ({ enumerable: true, get: function () { return error_1.ValidationError; } }));
var serialized_1 = __webpack_require__(23404);
Object.defineProperty(exports, "bundleFromJSON", ({ enumerable: true, get: function () { return serialized_1.bundleFromJSON; } }));
Object.defineProperty(exports, "bundleToJSON", ({ enumerable: true, get: function () { return serialized_1.bundleToJSON; } }));
Object.defineProperty(exports, "envelopeFromJSON", ({ enumerable: true, get: function () { return serialized_1.envelopeFromJSON; } }));
Object.defineProperty(exports, "envelopeToJSON", ({ enumerable: true, get: function () { return serialized_1.envelopeToJSON; } }));
var validate_1 = __webpack_require__(9352);
Object.defineProperty(exports, "assertBundle", ({ enumerable: true, get: function () { return validate_1.assertBundle; } }));
Object.defineProperty(exports, "assertBundleLatest", ({ enumerable: true, get: function () { return validate_1.assertBundleLatest; } }));
Object.defineProperty(exports, "assertBundleV01", ({ enumerable: true, get: function () { return validate_1.assertBundleV01; } }));
Object.defineProperty(exports, "assertBundleV02", ({ enumerable: true, get: function () { return validate_1.assertBundleV02; } }));
Object.defineProperty(exports, "isBundleV01", ({ enumerable: true, get: function () { return validate_1.isBundleV01; } }));


/***/ }),

/***/ 23404:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.envelopeToJSON = exports.envelopeFromJSON = exports.bundleToJSON = exports.bundleFromJSON = void 0;
/*
Copyright 2023 The Sigstore Authors.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/
const protobuf_specs_1 = __webpack_require__(19654);
const bundle_1 = __webpack_require__(37742);
const validate_1 = __webpack_require__(9352);
const bundleFromJSON = (obj) => {
    const bundle = protobuf_specs_1.Bundle.fromJSON(obj);
    switch (bundle.mediaType) {
        case bundle_1.BUNDLE_V01_MEDIA_TYPE:
            (0, validate_1.assertBundleV01)(bundle);
            break;
        case bundle_1.BUNDLE_V02_MEDIA_TYPE:
            (0, validate_1.assertBundleV02)(bundle);
            break;
        default:
            (0, validate_1.assertBundleLatest)(bundle);
            break;
    }
    return bundle;
};
exports.bundleFromJSON = bundleFromJSON;
const bundleToJSON = (bundle) => {
    return protobuf_specs_1.Bundle.toJSON(bundle);
};
exports.bundleToJSON = bundleToJSON;
const envelopeFromJSON = (obj) => {
    return protobuf_specs_1.Envelope.fromJSON(obj);
};
exports.envelopeFromJSON = envelopeFromJSON;
const envelopeToJSON = (envelope) => {
    return protobuf_specs_1.Envelope.toJSON(envelope);
};
exports.envelopeToJSON = envelopeToJSON;


/***/ }),

/***/ 9352:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.assertBundle = assertBundle;
exports.assertBundleV01 = assertBundleV01;
exports.isBundleV01 = isBundleV01;
exports.assertBundleV02 = assertBundleV02;
exports.assertBundleLatest = assertBundleLatest;
/*
Copyright 2023 The Sigstore Authors.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/
const error_1 = __webpack_require__(47714);
// Performs basic validation of a Sigstore bundle to ensure that all required
// fields are populated. This is not a complete validation of the bundle, but
// rather a check that the bundle is in a valid state to be processed by the
// rest of the code.
function assertBundle(b) {
    const invalidValues = validateBundleBase(b);
    if (invalidValues.length > 0) {
        throw new error_1.ValidationError('invalid bundle', invalidValues);
    }
}
// Asserts that the given bundle conforms to the v0.1 bundle format.
function assertBundleV01(b) {
    const invalidValues = [];
    invalidValues.push(...validateBundleBase(b));
    invalidValues.push(...validateInclusionPromise(b));
    if (invalidValues.length > 0) {
        throw new error_1.ValidationError('invalid v0.1 bundle', invalidValues);
    }
}
// Type guard to determine if Bundle is a v0.1 bundle.
function isBundleV01(b) {
    try {
        assertBundleV01(b);
        return true;
    }
    catch (e) {
        return false;
    }
}
// Asserts that the given bundle conforms to the v0.2 bundle format.
function assertBundleV02(b) {
    const invalidValues = [];
    invalidValues.push(...validateBundleBase(b));
    invalidValues.push(...validateInclusionProof(b));
    if (invalidValues.length > 0) {
        throw new error_1.ValidationError('invalid v0.2 bundle', invalidValues);
    }
}
// Asserts that the given bundle conforms to the newest (0.3) bundle format.
function assertBundleLatest(b) {
    const invalidValues = [];
    invalidValues.push(...validateBundleBase(b));
    invalidValues.push(...validateInclusionProof(b));
    invalidValues.push(...validateNoCertificateChain(b));
    if (invalidValues.length > 0) {
        throw new error_1.ValidationError('invalid bundle', invalidValues);
    }
}
function validateBundleBase(b) {
    const invalidValues = [];
    // Media type validation
    if (b.mediaType === undefined ||
        (!b.mediaType.match(/^application\/vnd\.dev\.sigstore\.bundle\+json;version=\d\.\d/) &&
            !b.mediaType.match(/^application\/vnd\.dev\.sigstore\.bundle\.v\d\.\d\+json/))) {
        invalidValues.push('mediaType');
    }
    // Content-related validation
    if (b.content === undefined) {
        invalidValues.push('content');
    }
    else {
        switch (b.content.$case) {
            case 'messageSignature':
                if (b.content.messageSignature.messageDigest === undefined) {
                    invalidValues.push('content.messageSignature.messageDigest');
                }
                else {
                    if (b.content.messageSignature.messageDigest.digest.length === 0) {
                        invalidValues.push('content.messageSignature.messageDigest.digest');
                    }
                }
                if (b.content.messageSignature.signature.length === 0) {
                    invalidValues.push('content.messageSignature.signature');
                }
                break;
            case 'dsseEnvelope':
                if (b.content.dsseEnvelope.payload.length === 0) {
                    invalidValues.push('content.dsseEnvelope.payload');
                }
                if (b.content.dsseEnvelope.signatures.length !== 1) {
                    invalidValues.push('content.dsseEnvelope.signatures');
                }
                else {
                    if (b.content.dsseEnvelope.signatures[0].sig.length === 0) {
                        invalidValues.push('content.dsseEnvelope.signatures[0].sig');
                    }
                }
                break;
        }
    }
    // Verification material-related validation
    if (b.verificationMaterial === undefined) {
        invalidValues.push('verificationMaterial');
    }
    else {
        if (b.verificationMaterial.content === undefined) {
            invalidValues.push('verificationMaterial.content');
        }
        else {
            switch (b.verificationMaterial.content.$case) {
                case 'x509CertificateChain':
                    if (b.verificationMaterial.content.x509CertificateChain.certificates
                        .length === 0) {
                        invalidValues.push('verificationMaterial.content.x509CertificateChain.certificates');
                    }
                    b.verificationMaterial.content.x509CertificateChain.certificates.forEach((cert, i) => {
                        if (cert.rawBytes.length === 0) {
                            invalidValues.push(`verificationMaterial.content.x509CertificateChain.certificates[${i}].rawBytes`);
                        }
                    });
                    break;
                case 'certificate':
                    if (b.verificationMaterial.content.certificate.rawBytes.length === 0) {
                        invalidValues.push('verificationMaterial.content.certificate.rawBytes');
                    }
                    break;
            }
        }
        if (b.verificationMaterial.tlogEntries === undefined) {
            invalidValues.push('verificationMaterial.tlogEntries');
        }
        else {
            if (b.verificationMaterial.tlogEntries.length > 0) {
                b.verificationMaterial.tlogEntries.forEach((entry, i) => {
                    if (entry.logId === undefined) {
                        invalidValues.push(`verificationMaterial.tlogEntries[${i}].logId`);
                    }
                    if (entry.kindVersion === undefined) {
                        invalidValues.push(`verificationMaterial.tlogEntries[${i}].kindVersion`);
                    }
                });
            }
        }
    }
    return invalidValues;
}
// Necessary for V01 bundles
function validateInclusionPromise(b) {
    const invalidValues = [];
    if (b.verificationMaterial &&
        b.verificationMaterial.tlogEntries?.length > 0) {
        b.verificationMaterial.tlogEntries.forEach((entry, i) => {
            if (entry.inclusionPromise === undefined) {
                invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionPromise`);
            }
        });
    }
    return invalidValues;
}
// Necessary for V02 and later bundles
function validateInclusionProof(b) {
    const invalidValues = [];
    if (b.verificationMaterial &&
        b.verificationMaterial.tlogEntries?.length > 0) {
        b.verificationMaterial.tlogEntries.forEach((entry, i) => {
            if (entry.inclusionProof === undefined) {
                invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionProof`);
            }
            else {
                if (entry.inclusionProof.checkpoint === undefined) {
                    invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionProof.checkpoint`);
                }
            }
        });
    }
    return invalidValues;
}
// Necessary for V03 and later bundles
function validateNoCertificateChain(b) {
    const invalidValues = [];
    /* istanbul ignore next */
    if (b.verificationMaterial?.content?.$case === 'x509CertificateChain') {
        invalidValues.push('verificationMaterial.content.$case');
    }
    return invalidValues;
}


/***/ }),

/***/ 16454:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRevoke: () => (/* binding */ runRevoke)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./build/core/errors.js
var errors = __webpack_require__(62807);
// EXTERNAL MODULE: ./build/core/revocation/list.js
var revocation_list = __webpack_require__(67639);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./build/core/types.js
var types = __webpack_require__(50559);
// EXTERNAL MODULE: ./build/core/trust/signing-key.js
var signing_key = __webpack_require__(54830);
// EXTERNAL MODULE: ./build/core/signatures/verifier.js + 13 modules
var signatures_verifier = __webpack_require__(77368);
// EXTERNAL MODULE: ./build/core/signatures/strict-json.js
var strict_json = __webpack_require__(56086);
// EXTERNAL MODULE: ./build/core/revocation/load.js
var load = __webpack_require__(52795);
;// CONCATENATED MODULE: ./build/core/revocation/sign.js
// `image-gate revoke`: one entry added to a list file (version bumped, `issued` now, `expires`
// kept or replaced), the file written atomically, and FILE.sigstore.json beside it: a Sigstore
// bundle v0.3 with a message signature over the file's bytes, signed with a key (a cosign.key, a
// PEM PKCS#8/SEC1/PKCS#1 key, awskms:// or hashivault://: trust/signing-key.ts). A key-signed
// list needs no log entry (docs/revocation.md).









async function revoke(req) {
    const env = req.env ?? process.env;
    const now = req.now ?? new Date();
    const signer = await (0,signing_key/* loadSigner */.v)(req.key, { env });
    const verificationKey = signer.key;
    const current = await readCurrent(req.list, verificationKey);
    const entry = (0,revocation_list/* parseEntry */.ER)(req.entry, req.list, 'the new entry');
    const expires = req.expires ?? current?.expires;
    if (expires === undefined)
        throw new errors/* GateError */.ue('USAGE', `revoke: ${req.list} does not exist yet; give --expires for the new list`);
    if (expires.getTime() <= now.getTime())
        throw new errors/* GateError */.ue('USAGE', `revoke: the list would expire at ${expires.toISOString()}, which is past; give a later --expires`);
    const next = {
        version: (current?.version ?? 0) + 1,
        issued: now,
        expires,
        entries: [...(current?.entries ?? []), entry],
    };
    const text = (0,revocation_list/* listJson */.n4)(next);
    const bytes = Buffer.from(text, 'utf8');
    // The result must read back as a list: an entry given twice is refused here, naming it.
    (0,revocation_list/* parseRevocationList */.gZ)(bytes, req.list);
    const bundle = messageSignatureBundle(bytes, await signer.sign(bytes), verificationKey.spki, signer.hash ?? 'sha256');
    const bundlePath = `${req.list}${load/* BUNDLE_SUFFIX */.Zf}`;
    await writeAtomically(req.list, bytes, bundlePath, Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`));
    return {
        list: req.list,
        bundle: bundlePath,
        version: next.version,
        entry,
        sha256: `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`,
        keyID: verificationKey.keyID,
    };
}
/** The bundle cosign sign-blob --bundle writes for a key file, without a log entry. */
function signedBundle(bytes, key, spki) {
    const alg = key.asymmetricKeyType === 'ed25519' ? null : 'sha256';
    return messageSignatureBundle(bytes, sign(alg, bytes, key), spki, 'sha256');
}
/**
 * A message-signature bundle over `bytes` whose digest is `hash` (the hash the key signed under;
 * SHA-384 for a KMS P-384 key, as cosign records it). No log entry.
 */
function messageSignatureBundle(bytes, signature, spki, hash) {
    const digest = (0,external_node_crypto_.createHash)(hash).update(bytes).digest();
    return {
        mediaType: types/* MEDIA_TYPES */.Z.bundleV03,
        verificationMaterial: {
            publicKey: { hint: (0,external_node_crypto_.createHash)('sha256').update(spki).digest('base64') },
            tlogEntries: [],
            timestampVerificationData: { rfc3161Timestamps: [] },
        },
        messageSignature: {
            messageDigest: {
                algorithm: hash === 'sha384' ? 'SHA2_384' : 'SHA2_256',
                digest: digest.toString('base64'),
            },
            signature: Buffer.from(signature).toString('base64'),
        },
    };
}
/**
 * The list as it is now, or undefined when the file does not exist. When its bundle exists it
 * must verify with the signing key: a list changed since it was signed is not signed again.
 */
async function readCurrent(list, key) {
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(list);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw new errors/* GateError */.ue('USAGE', `revoke: cannot read ${list}: ${e.message}`, {
            cause: e,
        });
    }
    const parsed = (0,revocation_list/* parseRevocationList */.gZ)(bytes, list);
    const bundlePath = `${list}${load/* BUNDLE_SUFFIX */.Zf}`;
    let bundleBytes;
    try {
        bundleBytes = await (0,promises_.readFile)(bundlePath);
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            throw new errors/* GateError */.ue('USAGE', `revoke: cannot read ${bundlePath}: ${e.message}`, {
                cause: e,
            });
    }
    if (bundleBytes !== undefined) {
        try {
            const verifier = (0,signatures_verifier.createSignatureVerifier)(undefined, {
                keys: [key],
                identities: [],
                requireTlog: false,
                requireSct: false,
            });
            verifier.verifyBundle((0,strict_json/* parseStrictJsonBytes */.ml)(bundleBytes), { artifact: bytes }, 'bundle-tag');
        }
        catch (e) {
            throw new errors/* GateError */.ue('REVOCATION_LIST', `revoke: ${list} does not verify against ${bundlePath} with this key (${(0,errors/* toGateError */.Vl)(e).message}): it was changed since it was signed, or signed by another key; not signing it again`, { cause: e });
        }
    }
    return parsed;
}
/** Both files written beside themselves and renamed into place, the list first. */
async function writeAtomically(list, bytes, bundlePath, bundle) {
    const tag = `.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
    const mode = await (0,promises_.stat)(list).then((s) => s.mode & 0o777, () => 0o644);
    await (0,promises_.writeFile)(`${list}${tag}`, bytes, { mode, flag: 'wx' });
    await (0,promises_.writeFile)(`${bundlePath}${tag}`, bundle, { mode, flag: 'wx' });
    await (0,promises_.rename)(`${list}${tag}`, list);
    await (0,promises_.rename)(`${bundlePath}${tag}`, bundlePath);
}
//# sourceMappingURL=sign.js.map
// EXTERNAL MODULE: ./build/core/trust/keys.js + 1 modules
var keys = __webpack_require__(36123);
// EXTERNAL MODULE: ./build/edge/sanitize.js
var sanitize = __webpack_require__(3217);
;// CONCATENATED MODULE: ./build/cli/revoke.js
// `image-gate revoke`: add one entry to a revocation list file and sign it (core/revocation/sign.ts).






async function runRevoke(cmd, io) {
    try {
        const entry = { ...cmd.entry };
        if (cmd.publicKey !== undefined) {
            const k = await (0,keys.loadKey)(cmd.publicKey, { env: io.env });
            entry.key = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(k.spki).digest('hex')}`;
        }
        const r = await revoke({
            list: cmd.list,
            entry,
            key: cmd.key,
            env: io.env,
            ...(cmd.expires ? { expires: cmd.expires } : {}),
        });
        io.stdout(`\u2713 ${(0,sanitize/* escapeControls */.UN)(r.list)} version ${r.version}: revoked ${(0,sanitize/* escapeControls */.UN)((0,revocation_list/* describeEntry */.OY)(r.entry))}; signed with key ${r.keyID} into ${(0,sanitize/* escapeControls */.UN)(r.bundle)} (${r.sha256})\n`);
        return 0;
    }
    catch (e) {
        io.stderr(`image-gate: ${(0,sanitize/* escapeControls */.UN)((0,errors/* toGateError */.Vl)(e).message)}\n`);
        return 2;
    }
}
//# sourceMappingURL=revoke.js.map

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

//# sourceMappingURL=749.index.js.map