// Binds the GitHub attestations API client to the run's options: which owner/repository to
// ask, with which token, against which API host (GITHUB_API_URL for GitHub Enterprise).
import type { GitHubAttestationSource } from './attestation-flow.js';
import type { OctokitFactory } from './sources/github-attestations.js';
import { GateError } from './errors.js';
import type { GateOptions } from './options.js';

export function githubAttestationSource(
  o: GateOptions,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
  getOctokit: OctokitFactory | undefined,
): GitHubAttestationSource {
  const owner = o.githubOwner!;
  const token = o.githubToken;
  // Checked once per run, not per image (gate.ts also refuses a missing token before any I/O).
  if (!getOctokit)
    throw new GateError('USAGE', 'github-owner: this front end has no GitHub API client');
  if (!token)
    throw new GateError('USAGE', 'github-owner: the GitHub attestations API needs github-token');
  return async (digest) => {
    // Loaded on first use: most runs never ask GitHub, and Octokit is a large module.
    const { fetchGitHubAttestations } = await import('./sources/github-attestations.js');
    const bundles = await fetchGitHubAttestations({
      owner,
      ...(o.githubRepository ? { repository: o.githubRepository } : {}),
      digest,
      token,
      baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
      signal,
      getOctokit,
    });
    const { BundleFault } = await import('./sources/github-attestations.js');
    return bundles.map((bundle, i) => {
      const where = `GitHub API ${o.githubRepository ? `${owner}/${o.githubRepository}` : owner} #${i}`;
      return bundle instanceof BundleFault ? { error: bundle.error, where } : { bundle, where };
    });
  };
}
