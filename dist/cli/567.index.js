export const id = 567;
export const ids = [567];
export const modules = {

/***/ 63567:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsIdToken: () => (/* binding */ actionsIdToken),
/* harmony export */   idTokenHook: () => (/* binding */ idTokenHook)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62807);
// The OIDC identity token for keyless summary signing, asked of the GitHub Actions runner the way
// @actions/core getIDToken asks (ACTIONS_ID_TOKEN_REQUEST_URL + `&audience=`, bearer
// ACTIONS_ID_TOKEN_REQUEST_TOKEN, answer `{"value": JWT}`), else taken from SIGSTORE_ID_TOKEN.

const MAX_TOKEN_BYTES = 64 * 1024;
/** `{ idToken }` for runGate's hooks when the environment can give a token, else `{}`. */
function idTokenHook(env) {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (url && bearer)
        return { idToken: (audience) => actionsIdToken(url, bearer, audience) };
    const given = env.SIGSTORE_ID_TOKEN;
    if (given)
        return { idToken: () => Promise.resolve(given.trim()) };
    return {};
}
async function actionsIdToken(requestUrl, bearer, audience) {
    const url = `${requestUrl}&audience=${encodeURIComponent(audience)}`;
    const what = 'sign-summary keyless: the GitHub Actions OIDC token';
    let res;
    try {
        res = await fetch(url, {
            headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
            signal: AbortSignal.timeout(30_000),
        });
    }
    catch (e) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('NETWORK', `${what} could not be fetched: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    const text = (await res.text()).slice(0, MAX_TOKEN_BYTES);
    if (res.status !== 200)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('AUTH_REFUSED', `${what}: the runner answered HTTP ${res.status} (does the job have \`permissions: id-token: write\`?)`);
    let value;
    try {
        value = JSON.parse(text).value;
    }
    catch (e) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('AUTH_REFUSED', `${what}: the answer is not JSON`, { cause: e });
    }
    if (typeof value !== 'string' || !/^[\w-]+\.[\w-]+\.[\w-]*$/.test(value))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue('AUTH_REFUSED', `${what}: the answer holds no JWT in "value"`);
    return value;
}
//# sourceMappingURL=id-token.js.map

/***/ })

};

//# sourceMappingURL=567.index.js.map