// The parts of undici the registry client uses, without undici's index: the index also builds
// fetch, WebSocket, EventSource, the cache stores and the mock agents, which cost ~20 ms of
// process start and most of the bundle. What the index does for these parts is done here: the
// request API is mixed into Dispatcher.prototype. Versions are pinned by package-lock.json, and
// the registry test suites exercise every part. Types: undici-internals.d.ts.
import api from 'undici/lib/api/index.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';

Object.assign(Dispatcher.prototype, api);

export { default as Agent } from 'undici/lib/dispatcher/agent.js';
export { default as EnvHttpProxyAgent } from 'undici/lib/dispatcher/env-http-proxy-agent.js';
