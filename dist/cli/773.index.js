export const id = 773;
export const ids = [773];
export const modules = {

/***/ 65773:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getOctokit: () => (/* binding */ getOctokit)
/* harmony export */ });
/**
 * Octokit's own logger writes to the console, past the sinks' sanitisers: its deprecation
 * warning quotes the server's `Sunset` and `Link` headers raw (`##[` reaches the Actions log as
 * a command). What the core needs from an answer it reports itself.
 */
const SILENT = { debug() { }, info() { }, warn() { }, error() { } };
const getOctokit = (token, options) => {
    const client = __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 92413)).then((m) => m.getOctokit(token, { ...options, log: SILENT, request: { log: SILENT } }));
    return {
        request: async (route, params) => (await client).request(route, params),
    };
};
//# sourceMappingURL=octokit.js.map

/***/ })

};

//# sourceMappingURL=773.index.js.map