export const id = 780;
export const ids = [780,399,40,123];
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

//# sourceMappingURL=780.index.js.map