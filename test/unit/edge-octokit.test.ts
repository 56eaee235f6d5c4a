// Issue 10 item 5: the front ends' Octokit must not write server text to the console past the
// sinks' sanitisers. A GitHub API that marks its answer deprecated gets its Sunset and Link
// headers quoted by Octokit's logger; none of it may reach stdout or stderr.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchGitHubAttestations } from '../../src/core/sources/github-attestations.js';
import { getOctokit } from '../../src/edge/octokit.js';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      deprecation: 'true',
      sunset: '##[add-mask]verified ::warning::spoofed',
      link: '<https://x.example/##[error]spoof>; rel="deprecation"',
    });
    res.end(JSON.stringify({ attestations: [] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('getOctokit (src/edge/octokit.ts)', () => {
  it('writes nothing of a deprecated answer to the console, stdout or stderr', async () => {
    const written: string[] = [];
    const capture = (...a: unknown[]) => void written.push(a.map(String).join(' '));
    for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, m).mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (capture(s), true));
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (capture(s), true));
    // As the core asks it: its own per-request options beside Octokit's defaults.
    const res = await getOctokit('tok_0123456789', { baseUrl: base }).request(
      'GET /orgs/{org}/attestations/{subject_digest}',
      {
        org: 'acme',
        subject_digest: `sha256:${'a'.repeat(64)}`,
        request: { parseSuccessResponseBody: false },
      },
    );
    const bundles = await fetchGitHubAttestations({
      owner: 'acme',
      digest: `sha256:${'b'.repeat(64)}`,
      token: 'tok_0123456789',
      baseUrl: base,
      getOctokit,
    });
    expect(bundles).toEqual([]);
    vi.restoreAllMocks();
    expect(res.status).toBe(200);
    expect(written.join('\n')).not.toContain('##[');
    expect(written.join('\n')).not.toContain('spoof');
  });
});
