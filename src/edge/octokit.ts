// The GitHub API client both front ends hand to the core: @actions/github's Octokit, loaded on
// first use. The core only sees the OctokitFactory shape, never @actions/*.
import type { OctokitFactory } from '../core/sources/github-attestations.js';

/**
 * Octokit's own logger writes to the console, past the sinks' sanitisers: its deprecation
 * warning quotes the server's `Sunset` and `Link` headers raw (`##[` reaches the Actions log as
 * a command). What the core needs from an answer it reports itself.
 */
const SILENT = { debug() {}, info() {}, warn() {}, error() {} };

export const getOctokit: OctokitFactory = (token, options) => {
  const client = import('@actions/github').then((m) =>
    m.getOctokit(token, { ...options, log: SILENT, request: { log: SILENT } }),
  );
  return {
    request: async (route, params) => (await client).request(route, params),
  };
};
