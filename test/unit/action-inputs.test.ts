import * as core from '@actions/core';
import { afterEach, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
  Object.assign(process.env, saved);
});

function setInputs(inputs: Record<string, string>): void {
  // The runner sets INPUT_<NAME upper-cased, dashes kept> for every input, defaults included.
  for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v;
}

describe('Action inputs', () => {
  it('maps every INPUT_* to the typed options the core takes', () => {
    setInputs({
      images: 'ghcr.io/a/b:1\n\n# staging\nghcr.io/a/c@sha256:' + 'b'.repeat(64) + '\n',
      key: 'cosign.pub\nawskms:///alias/release',
      'certificate-identity': '',
      'certificate-identity-regexp': '^https://github.com/acme/',
      'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com',
      'certificate-oidc-issuer-regexp': '',
      'signer-workflow': '',
      'signer-repository': 'acme/app',
      'source-ref': 'refs/heads/main',
      'deny-self-hosted-runners': 'true',
      platforms: 'linux/amd64\nlinux/arm64/v8',
      'insecure-ignore-tlog': 'false',
      'insecure-ignore-sct': 'true',
      offline: 'false',
      'trusted-root': 'root.json',
      'report-path': '',
      'junit-path': 'out/image-gate.xml',
      'fail-fast': 'true',
      concurrency: '3',
      timeout: '90s',
      summary: 'false',
      'github-token': 'ghs_secret',
      registry: 'registry.example.com',
      'registry-username': 'bot',
      'registry-password': 'pw',
      'insecure-registries': 'registry.lan:5000',
      'require-all-keys': 'false',
    });
    const got = readInputs(core.getInput, { RUNNER_TEMP: '/runner/tmp' });
    expect(got).toEqual({
      options: {
        images: ['ghcr.io/a/b:1', 'ghcr.io/a/c@sha256:' + 'b'.repeat(64)],
        keys: ['cosign.pub', 'awskms:///alias/release'],
        certificateIdentityRegexp: '^https://github.com/acme/',
        certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
        signerRepository: 'acme/app',
        sourceRef: 'refs/heads/main',
        denySelfHostedRunners: true,
        platforms: [
          { os: 'linux', architecture: 'amd64' },
          { os: 'linux', architecture: 'arm64', variant: 'v8' },
        ],
        insecureIgnoreTlog: false,
        insecureIgnoreSct: true,
        offline: false,
        trustedRoot: 'root.json',
        tufCacheDir: '/runner/tmp/image-gate/tuf',
        concurrency: 3,
        failFast: true,
        insecureRegistries: ['registry.lan:5000'],
        registryCredentials: [
          { registry: 'registry.example.com', username: 'bot', password: 'pw' },
        ],
        githubToken: 'ghs_secret',
        timeoutMs: 90_000,
        requireAllKeys: false,
      },
      reportPath: '/runner/tmp/image-gate-report.json',
      junitPath: 'out/image-gate.xml',
      summary: false,
      mergeReports: [],
    });
  });

  it('reads merge-reports as merge mode, excluding images', () => {
    setInputs({ images: '', 'merge-reports': 'reports\nextra/shard 1.json\n' });
    expect(readInputs(core.getInput, {}).mergeReports).toEqual(['reports', 'extra/shard 1.json']);
    setInputs({ images: 'nginx', 'merge-reports': 'reports' });
    expect(() => readInputs(core.getInput, {})).toThrow(/exclude each other/);
  });

  it('reads shard as I/N, and refuses it with merge-reports (the final job merges them all)', () => {
    setInputs({ images: 'nginx', shard: '2/3' });
    expect(readInputs(core.getInput, {}).options.shard).toEqual({ index: 2, count: 3 });
    setInputs({ images: '', shard: '1/3', 'merge-reports': 'reports' });
    expect(() => readInputs(core.getInput, {})).toThrow(
      /^shard and merge-reports exclude each other/,
    );
    setInputs({ images: 'nginx', shard: '0/3', 'merge-reports': '' });
    expect(() => readInputs(core.getInput, {})).toThrow(/^shard: '0\/3' is not a shard/);
  });

  it('reads compose-env as variable names, one per line or comma, and refuses a non-name', () => {
    setInputs({
      manifests: 'deploy/compose.yaml',
      'compose-env': 'TAG, REGISTRY\n# the tag\nAPP_V\n',
    });
    expect(readInputs(core.getInput, {}).options.composeEnv).toEqual(['TAG', 'REGISTRY', 'APP_V']);
    setInputs({ 'compose-env': '' });
    expect(readInputs(core.getInput, {}).options.composeEnv).toBeUndefined();
    setInputs({ 'compose-env': 'TAG\n${NPM_TOKEN}' });
    expect(() => readInputs(core.getInput, {})).toThrow(
      /^compose-env: '\$\{NPM_TOKEN\}' is not an environment variable name/,
    );
  });

  it('reads signer-workflow and platforms: all', () => {
    setInputs({
      images: 'nginx',
      'signer-workflow': 'acme/app/.github/workflows/release.yml@refs/tags/v1',
      platforms: 'all',
    });
    expect(readInputs(core.getInput, {}).options).toMatchObject({
      signerWorkflow: 'acme/app/.github/workflows/release.yml@refs/tags/v1',
      platforms: 'all',
    });
  });

  it('uses the documented defaults when only images is set', () => {
    setInputs({ images: 'nginx' });
    const got = readInputs(core.getInput, { RUNNER_TEMP: '/t' });
    expect(got.options).toMatchObject({
      concurrency: 32,
      failFast: false,
      offline: false,
      timeoutMs: 300_000,
    });
    expect(got.summary).toBe(true);
  });

  it.each([
    [{ images: '' }, /^images: no image references/],
    [{ images: 'a', concurrency: 'many' }, /^concurrency: 'many'/],
    [{ images: 'a', offline: 'perhaps' }, /^offline: 'perhaps'/],
    [{ images: 'a', 'registry-username': 'u' }, /registry-username and registry-password/],
    [{ images: 'a', platforms: 'all, linux/amd64' }, /^platforms: 'all' cannot be combined/],
    [{ images: 'a', platforms: 'linux' }, /^platforms: 'linux' is not a platform/],
    [{ images: 'a', platforms: 'linux/amd65' }, /^platforms: 'linux\/amd65': 'amd65' is not/],
    [{ images: 'a', timeout: '5' }, /^timeout: '5' has no unit/],
    // Past what a Node timer holds, the deadline would fire at once and skip every image.
    [{ images: 'a', timeout: '25d' }, /^timeout: '25d' is longer than the longest deadline/],
    // A registry that is no host would match no registry: its credentials never sent.
    [
      { images: 'a', registry: 'not a host!!', 'registry-username': 'u', 'registry-password': 'p' },
      /^registry: 'not a host!!' is not a registry host/,
    ],
    [
      {
        images: 'a',
        registry: 'https://ghcr.io',
        'registry-username': 'u',
        'registry-password': 'p',
      },
      /^registry: 'https:\/\/ghcr\.io' is not a registry host/,
    ],
    [
      { images: 'a', registry: 'ghcr.io/acme', 'registry-username': 'u', 'registry-password': 'p' },
      /^registry: 'ghcr\.io\/acme' is not a registry host/,
    ],
    [
      {
        images: 'a',
        registry: 'reg.lan:70000',
        'registry-username': 'u',
        'registry-password': 'p',
      },
      /^registry: 'reg\.lan:70000' is not a registry host/,
    ],
    [{ images: 'a', 'insecure-registries': 'http://h:5000' }, /^insecure-registries: 'http/],
    [
      { images: 'a', offline: 'true', 'trusted-root': 'r.json' },
      /^offline uses the trusted root built into image-gate; it excludes trusted-root \('r\.json'\)/,
    ],
    [
      { images: 'a', 'deny-self-hosted-runners': 'sometimes' },
      /^deny-self-hosted-runners: 'sometimes'/,
    ],
  ])('rejects bad input %j with a message naming it', (inputs, msg) => {
    setInputs(inputs);
    expect(() => readInputs(core.getInput, {})).toThrow(msg);
  });
});

describe('action.yml', () => {
  it('declares exactly the inputs the Action reads', async () => {
    const { readFile } = await import('node:fs/promises');
    const { parse } = await import('yaml');
    const doc = parse(await readFile('action.yml', 'utf8')) as {
      inputs: Record<string, unknown>;
      runs: { using: string; main: string };
    };
    const read = new Set<string>();
    readInputs((name) => {
      read.add(name);
      return name === 'images' ? 'nginx' : '';
    }, {});
    expect([...read].sort()).toEqual(Object.keys(doc.inputs).sort());
    expect(doc.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});

describe('README', () => {
  it('documents every input and output of action.yml', async () => {
    const { readFile } = await import('node:fs/promises');
    const { parse } = await import('yaml');
    const doc = parse(await readFile('action.yml', 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    const readme = await readFile('README.md', 'utf8');
    for (const name of [...Object.keys(doc.inputs), ...Object.keys(doc.outputs)])
      expect(readme, `README row for ${name}`).toContain(`| \`${name}\` |`);
  });
});
