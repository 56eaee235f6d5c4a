// The GitHub API client both front ends hand to the core: @actions/github's Octokit, loaded on
// first use. The core only sees the OctokitFactory shape, never @actions/*.
import type { OctokitFactory } from '../core/attestations/github-api.js';

export const getOctokit: OctokitFactory = (token, options) => {
  const client = import('@actions/github').then((m) => m.getOctokit(token, options));
  return {
    request: async (route, params) => (await client).request(route, params),
  };
};
