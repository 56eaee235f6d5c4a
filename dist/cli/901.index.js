export const id = 901;
export const ids = [901];
export const modules = {

/***/ 89901:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pushSummary: () => (/* binding */ pushSummary)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62807);
/* harmony import */ var _registry_http_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24576);
/* harmony import */ var _registry_limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(11858);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(50559);
/* harmony import */ var _verify_discovery_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(96192);
// Attaching a signed summary to its image as an OCI 1.1 referrer, the way cosign v3 and
// actions/attest store bundles: an image manifest with `subject`, artifactType and one layer of
// the bundle media type, the empty config; listed in the `sha256-<hex>` tag index too when the
// registry does not take `subject` itself (no OCI-Subject header: no referrers API).






const EMPTY = Buffer.from('{}');
const PREDICATE_ANNOTATION = 'dev.sigstore.bundle.predicateType';
const CONTENT_ANNOTATION = 'dev.sigstore.bundle.content';
async function pushSummary(repo, subjectDigest, bundle, predicateType, created) {
    const subject = await subjectDescriptor(repo, subjectDigest);
    await putBlob(repo, EMPTY);
    const layer = await putBlob(repo, bundle);
    const annotations = {
        [CONTENT_ANNOTATION]: 'dsse-envelope',
        [PREDICATE_ANNOTATION]: predicateType,
        'org.opencontainers.image.created': created,
    };
    const manifest = Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MEDIA_TYPES */ .Z.ociManifest,
        artifactType: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MEDIA_TYPES */ .Z.bundleV03,
        config: { mediaType: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MEDIA_TYPES */ .Z.ociEmpty, digest: sha256(EMPTY), size: EMPTY.length },
        layers: [{ mediaType: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MEDIA_TYPES */ .Z.bundleV03, digest: layer, size: bundle.length }],
        subject,
        annotations,
    }));
    const digest = sha256(manifest);
    const res = await putManifest(repo, digest, manifest, _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MEDIA_TYPES */ .Z.ociManifest);
    // A registry with the referrers API says it indexed the subject (distribution-spec 1.1).
    if (res.headers.get('oci-subject') === subjectDigest)
        return { digest, via: 'referrers API' };
    const tag = (0,_verify_discovery_js__WEBPACK_IMPORTED_MODULE_5__/* .referrersTag */ .LN)(subjectDigest);
    await addToTagIndex(repo, tag, {
        mediaType: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MEDIA_TYPES */ .Z.ociManifest,
        digest,
        size: manifest.length,
        artifactType: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MEDIA_TYPES */ .Z.bundleV03,
        annotations,
    });
    return { digest, via: `tag index ${tag}` };
}
/** The image manifest as a descriptor (media type and size of the bytes the registry serves). */
async function subjectDescriptor(repo, digest) {
    const what = `manifest ${repo.name}@${digest}`;
    const res = await repo.send({
        method: 'GET',
        pathAndQuery: `/v2/${repo.repository}/manifests/${digest}`,
        headers: { accept: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_ACCEPT */ .d.join(', ') },
        maxBytes: _registry_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_MANIFEST_BYTES */ .ZJ,
        what,
    });
    expect(res.status, [200], what, res);
    if (sha256(res.body) !== digest)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('DIGEST_MISMATCH', `${what}: registry returned other bytes`);
    let mediaType = res.headers.get('content-type')?.split(';')[0]?.trim();
    try {
        const m = JSON.parse(Buffer.from(res.body).toString('utf8'));
        if (typeof m.mediaType === 'string')
            mediaType = m.mediaType;
    }
    catch {
        // The digest matched what was verified; its media type then comes from the header.
    }
    return { mediaType: mediaType ?? _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MEDIA_TYPES */ .Z.ociManifest, digest, size: res.body.length };
}
async function putBlob(repo, bytes) {
    const digest = sha256(bytes);
    const what = `blob ${repo.name}@${digest}`;
    const head = await repo.send({
        method: 'HEAD',
        pathAndQuery: `/v2/${repo.repository}/blobs/${digest}`,
        headers: {},
        maxBytes: 0,
        what,
    });
    if (head.status === 200)
        return digest;
    const start = await repo.send({
        method: 'POST',
        pathAndQuery: `/v2/${repo.repository}/blobs/uploads/`,
        headers: { 'content-length': '0' },
        body: new Uint8Array(0),
        maxBytes: 4096,
        what: `upload to ${repo.name}`,
    });
    expect(start.status, [202], `upload to ${repo.name}`, start);
    const location = start.headers.get('location');
    if (!location)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('REGISTRY_ERROR', `upload to ${repo.name}: the registry gave no Location`);
    const url = new URL(location, repo.origin);
    url.searchParams.set('digest', digest);
    const put = await repo.send({
        method: 'PUT',
        pathAndQuery: url.href,
        headers: {
            'content-type': 'application/octet-stream',
            'content-length': String(bytes.length),
        },
        body: bytes,
        maxBytes: 4096,
        what,
    });
    expect(put.status, [201], what, put);
    return digest;
}
async function putManifest(repo, reference, bytes, mediaType) {
    const what = `manifest ${repo.name}${reference.includes(':') ? '@' : ':'}${reference}`;
    const res = await repo.send({
        method: 'PUT',
        pathAndQuery: `/v2/${repo.repository}/manifests/${reference}`,
        headers: { 'content-type': mediaType, 'content-length': String(bytes.length) },
        body: bytes,
        maxBytes: 4096,
        what,
    });
    expect(res.status, [201], what, res);
    return res;
}
/** The fallback tag's index with the referrer added (an absent or non-index tag starts anew). */
async function addToTagIndex(repo, tag, entry) {
    const what = `manifest ${repo.name}:${tag}`;
    const res = await repo.send({
        method: 'GET',
        pathAndQuery: `/v2/${repo.repository}/manifests/${tag}`,
        headers: { accept: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MEDIA_TYPES */ .Z.ociIndex },
        maxBytes: _registry_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_MANIFEST_BYTES */ .ZJ,
        what,
    });
    let manifests = [];
    if (res.status === 200) {
        try {
            const index = JSON.parse(Buffer.from(res.body).toString('utf8'));
            if (index.mediaType === _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MEDIA_TYPES */ .Z.ociIndex && Array.isArray(index.manifests))
                manifests = index.manifests;
        }
        catch {
            // Per the distribution spec, a fallback tag that is not a valid index is replaced.
        }
    }
    else
        expect(res.status, [404], what, res);
    if (manifests.some((m) => m.digest === entry.digest))
        return;
    const index = Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MEDIA_TYPES */ .Z.ociIndex,
        manifests: [...manifests, entry],
    }));
    await putManifest(repo, tag, index, _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MEDIA_TYPES */ .Z.ociIndex);
}
function expect(status, ok, what, res) {
    if (!ok.includes(status))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('REGISTRY_ERROR', `${what}: registry answered HTTP ${status}${(0,_registry_http_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorDetail */ .m2)(res)}`);
}
function sha256(bytes) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}
//# sourceMappingURL=push.js.map

/***/ })

};

//# sourceMappingURL=901.index.js.map