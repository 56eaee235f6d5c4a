// RunSettings: how a run goes about its work, apart from what it requires (the RunPolicy, as
// sigstore-go keeps VerifierConfig apart from PolicyConfig): concurrency, deadline, registries,
// credentials, trust material and where evidence sources are reached.
import type { GateOptions, RegistryCredential } from './options.js';

export interface RunSettings {
  images: string[];
  concurrency: number;
  failFast: boolean;
  /** Overall deadline for the batch, in ms. */
  timeoutMs: number;
  insecureRegistries: string[];
  registryCredentials: RegistryCredential[];
  githubToken?: string;
  /** The GitHub API host (GITHUB_API_URL for GitHub Enterprise). */
  githubApiUrl: string;
  trust: {
    offline: boolean;
    trustedRoot?: string;
    /** Where TUF metadata is cached (online mode). */
    tufCacheDir?: string;
    /** Another TUF repository than the public-good one, and its initial root.json. */
    tufMirror?: string;
    tufRoot?: string;
  };
}

export function runSettings(o: GateOptions, env: NodeJS.ProcessEnv): RunSettings {
  return {
    images: o.images,
    concurrency: o.concurrency,
    failFast: o.failFast,
    timeoutMs: o.timeoutMs,
    insecureRegistries: o.insecureRegistries,
    registryCredentials: o.registryCredentials,
    ...(o.githubToken ? { githubToken: o.githubToken } : {}),
    githubApiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    trust: {
      offline: o.offline,
      ...(o.trustedRoot ? { trustedRoot: o.trustedRoot } : {}),
      ...(o.tufCacheDir ? { tufCacheDir: o.tufCacheDir } : {}),
      ...(o.tufMirror ? { tufMirror: o.tufMirror } : {}),
      ...(o.tufRoot ? { tufRoot: o.tufRoot } : {}),
    },
  };
}
