// Replaces the bundle's `node:http2` external with a stand-in that loads node:http2 on first use.
// Why: undici's client-h2.js requires node:http2 when it is loaded and destructures ten of its
// `constants` at once, so every process paid for node:http2 (and node:tls with it) before its
// first request, although only a TLS connection that negotiates h2 ever calls `http2.connect`.
// Measured on this project's cold start: docs/benchmarks.md, session 15.
//
// The stand-in answers `constants.<name>` for the names listed here from a table made at build
// time from node:http2 itself, so the destructuring loads nothing. Any other constant, and any
// other member (`connect`, …), loads the real module and is read from it, so a later undici that
// reads more still gets node's values, only sooner. The table holds protocol constants (header
// names, nghttp2 error codes), the same in every Node version; a test compares it with node's.
// The stand-in is one line, so the bundle's source map (by line) stays valid.
import http2 from 'node:http2';

/** The line ncc writes for the external; the build fails if it is not there exactly once. */
export const HTTP2_EXTERNAL =
  'module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");';

/** The constants undici's client-h2.js destructures when it is loaded. */
export const EAGER_CONSTANTS = [
  'HTTP2_HEADER_AUTHORITY',
  'HTTP2_HEADER_METHOD',
  'HTTP2_HEADER_PATH',
  'HTTP2_HEADER_SCHEME',
  'HTTP2_HEADER_CONTENT_LENGTH',
  'HTTP2_HEADER_EXPECT',
  'HTTP2_HEADER_STATUS',
  'HTTP2_HEADER_PROTOCOL',
  'NGHTTP2_NO_ERROR',
  'NGHTTP2_REFUSED_STREAM',
];

/** The stand-in's one line of JavaScript (a webpack module body: `module` in scope). */
export function lazyHttp2Module() {
  const table = {};
  for (const name of EAGER_CONSTANTS) {
    if (!(name in http2.constants)) throw new Error(`node:http2 has no constant ${name}`);
    table[name] = http2.constants[name];
  }
  return [
    'let real;',
    'const load = () => (real ??= __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2"));',
    `const known = ${JSON.stringify(table)};`,
    'const constants = new Proxy({}, { get: (_, k) => (Object.hasOwn(known, k) ? known[k] : load().constants[k]) });',
    'module.exports = new Proxy({}, { get: (_, k) => (k === "constants" ? constants : load()[k]) });',
  ].join(' ');
}

/** `code` with its node:http2 external replaced by the stand-in; throws unless it is there once. */
export function lazyHttp2(code, name) {
  const parts = code.split(HTTP2_EXTERNAL);
  if (parts.length !== 2)
    throw new Error(
      `${name}: expected the node:http2 external once, found it ${parts.length - 1} times: scripts/lazy-http2.mjs needs updating`,
    );
  return parts.join(lazyHttp2Module());
}
