// The run's stores and evidence sources: one registry client, OCI layout directories and s3lo
// stores opened once each, and the GitHub attestations API bound to the run's owner and token.
import type { OctokitFactory } from './sources/github-attestations.js';
import { GateError } from './errors.js';
import type { RunPolicy } from './policy/types.js';
import type { ImageRef, S3loImageRef } from './reference.js';
import type { RegistryClient } from './registry/client.js';
import { createS3loStore, type S3loStore } from './s3lo/store.js';
import type { RunSettings } from './settings.js';
import { OciLayoutStore } from './sources/oci-layout.js';
import { registryStore } from './sources/registry.js';
import type { ContentStore } from './types.js';
import { FormatOrder } from './verify/discovery.js';
import type { GitHubAttestationSource, Stores } from './verify/context.js';

export function runStores(registry: RegistryClient, env: NodeJS.ProcessEnv): Stores {
  const layouts = new Map<string, ContentStore>();
  const s3loStores = new Map<string, S3loStore>();
  return {
    storeFor(ref: Exclude<ImageRef, { kind: 's3lo' }>): ContentStore {
      if (ref.kind === 'registry') return registryStore(registry, ref.registry, ref.repository);
      let s = layouts.get(ref.dir);
      if (!s) layouts.set(ref.dir, (s = new OciLayoutStore(ref.dir)));
      return s;
    },
    s3lo(ref: S3loImageRef): S3loStore {
      const id = `${ref.s3lo.scheme}://${ref.s3lo.bucket}`;
      let store = s3loStores.get(id);
      if (!store) s3loStores.set(id, (store = createS3loStore(ref.s3lo, { s3: { env } })));
      return store;
    },
    formatOrder: new FormatOrder(),
  };
}

/** The GitHub attestations API for the run's owner (and repository), with the run's token. */
export function githubAttestationSource(
  github: NonNullable<RunPolicy['github']>,
  settings: RunSettings,
  signal: AbortSignal,
  getOctokit: OctokitFactory | undefined,
): GitHubAttestationSource {
  const token = settings.githubToken;
  // Checked once per run, not per image (checkRunPolicy also refuses a missing token before I/O).
  if (!getOctokit)
    throw new GateError('USAGE', 'github-owner: this front end has no GitHub API client');
  if (!token)
    throw new GateError('USAGE', 'github-owner: the GitHub attestations API needs github-token');
  const name = github.repository ? `${github.owner}/${github.repository}` : github.owner;
  return async (digest) => {
    // Loaded on first use: most runs never ask GitHub, and Octokit is a large module.
    const { BundleFault, fetchGitHubAttestations } =
      await import('./sources/github-attestations.js');
    const bundles = await fetchGitHubAttestations({
      owner: github.owner,
      ...(github.repository ? { repository: github.repository } : {}),
      digest,
      token,
      baseUrl: settings.githubApiUrl,
      signal,
      getOctokit,
    });
    return bundles.map((bundle, i) => {
      const where = `GitHub API ${name} #${i}`;
      return bundle instanceof BundleFault ? { error: bundle.error, where } : { bundle, where };
    });
  };
}
