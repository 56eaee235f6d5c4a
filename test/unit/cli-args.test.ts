import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { VERIFY_OPTIONS } from '../../src/edge/options.js';

const D = 'sha256:' + 'c'.repeat(64);

describe('CLI arguments', () => {
  it('maps verify flags to the same options the Action builds', () => {
    const cmd = parseCommand(
      [
        'verify',
        '--key',
        'a.pub',
        '--key',
        'hashivault://release',
        '--certificate-identity-regexp',
        '^https://github.com/acme/.*',
        '--certificate-oidc-issuer',
        'https://token.actions.githubusercontent.com',
        '--signer-repository',
        'acme/app',
        '--source-ref',
        'refs/heads/main',
        '--deny-self-hosted-runners',
        '--platforms',
        'linux/amd64,linux/arm64',
        '--insecure-ignore-tlog',
        '--trusted-root',
        'root.json',
        '--output',
        'json',
        '--report',
        'out.json',
        '--concurrency',
        '4',
        '--fail-fast',
        '--insecure-registry',
        'reg.lan:5000',
        '--timeout',
        '2m',
        'ghcr.io/a/b:1',
        `ghcr.io/a/c@${D}`,
      ],
      { GITHUB_TOKEN: 'ghs_x' },
    );
    expect(cmd).toEqual({
      command: 'verify',
      output: 'json',
      outputFiles: [],
      reportPath: 'out.json',
      quiet: false,
      verbose: false,
      options: {
        images: ['ghcr.io/a/b:1', `ghcr.io/a/c@${D}`],
        keys: ['a.pub', 'hashivault://release'],
        certificateIdentityRegexp: '^https://github.com/acme/.*',
        certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
        signerRepository: 'acme/app',
        sourceRef: 'refs/heads/main',
        denySelfHostedRunners: true,
        platforms: [
          { os: 'linux', architecture: 'amd64' },
          { os: 'linux', architecture: 'arm64' },
        ],
        insecureIgnoreTlog: true,
        insecureIgnoreSct: false,
        offline: false,
        trustedRoot: 'root.json',
        concurrency: 4,
        failFast: true,
        insecureRegistries: ['reg.lan:5000'],
        registryCredentials: [],
        githubToken: 'ghs_x',
        timeoutMs: 120_000,
        requireAllKeys: false,
      },
    });
  });

  it.each([
    [['verify'], /no image references/],
    [
      ['verify', '--output', 'yaml', 'x'],
      /--output: 'yaml' is not a format \(expected text, json, junit, markdown, or FORMAT=PATH\)/,
    ],
    [['verify', '--concurrency', '0', 'x'], /--concurrency: '0'/],
    [['verify', '--bogus', 'x'], /bogus/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [
      ['verify', '--platforms', '', 'x'],
      /verify: --platforms: '' is empty; give a value or leave the flag out/,
    ],
    [
      ['verify', '--platforms', 'linux/amd64/v8/x', 'x'],
      /--platforms: 'linux\/amd64\/v8\/x' is not a platform/,
    ],
    [['verify', '--deny-self-hosted-runners=yes', 'x'], /deny-self-hosted-runners/],
    [['verify-bundle', 'a.txt'], /--bundle FILE is required/],
    [['verify-bundle', '--bundle', 'b.json', 'a.txt'], /give --key, or both/],
    [
      ['verify-bundle', '--bundle', 'b', '--key', 'k', '--certificate-identity', 'i', 'a'],
      /excludes/,
    ],
  ])('rejects %j as a usage error', (argv, msg) => {
    expect(() => parseCommand(argv)).toThrow(msg);
  });

  it('maps --signer-workflow and --platforms all', () => {
    const cmd = parseCommand([
      'verify',
      '--signer-workflow',
      'acme/app/.github/workflows/release.yml',
      '--platforms',
      'all',
      'x',
    ]);
    expect(cmd).toMatchObject({
      options: { signerWorkflow: 'acme/app/.github/workflows/release.yml', platforms: 'all' },
    });
  });

  it('parses the sigstore-conformance verify-bundle protocol', () => {
    expect(
      parseCommand([
        'verify-bundle',
        '--bundle',
        'b.json',
        '--certificate-identity',
        'id',
        '--certificate-oidc-issuer',
        'iss',
        '--trusted-root',
        'tr.json',
        D,
      ]),
    ).toEqual({
      command: 'verify-bundle',
      bundle: 'b.json',
      artifact: D,
      identity: 'id',
      issuer: 'iss',
      trustedRoot: 'tr.json',
      offline: false,
    });
  });
});

describe('CLI flags given an empty value', () => {
  // `--builder-id "$UNSET"`: an empty value read as "not given" drops the check the flag names,
  // and `--require-signature ''` read as false would switch signatures off. Every flag that takes
  // a value refuses an empty or blank one, naming it; the Action reads an empty input as not given.
  const valued = VERIFY_OPTIONS.filter((o) => o.flag !== null && o.kind !== 'switch').map(
    (o) => o.flag!,
  );
  it('covers the rule flags', () => {
    for (const f of [
      'builder-id',
      'provenance-source-repository',
      'source-ref',
      'policy',
      'require-signature',
    ])
      expect(valued).toContain(f);
  });
  it.each(
    valued.flatMap((f) => [
      [f, ''],
      [f, '  '],
    ]),
  )('verify --%s %j is refused', (flag, value) => {
    expect(() => parseCommand(['verify', `--${flag}`, value, 'ghcr.io/a/b:1'])).toThrow(
      `verify: --${flag}: '${value}' is empty; give a value or leave the flag out`,
    );
    expect(() => parseCommand(['verify', `--${flag}=${value}`, 'ghcr.io/a/b:1'])).toThrow(
      `--${flag}: '${value}' is empty`,
    );
  });
  it.each([
    [['verify', '--output', '', 'x'], "verify: --output: '' is empty"],
    [['verify', '--report', ' ', 'x'], "verify: --report: ' ' is empty"],
    [['verify', '--registry-token', ' ', 'x'], "verify: --registry-token: '' is empty"],
    [['merge', '--shard-identity', '', 'a.json'], "merge: --shard-identity: '' is empty"],
    [['verify-bundle', '--bundle', '', 'f'], "verify-bundle: --bundle: '' is empty"],
    [['revoke', '--reason', ''], "revoke: --reason: '' is empty"],
    [['pin', '--key', '', 'compose.yaml'], "pin: --key: '' is empty"],
    [['verify', '--timeout', '30d', 'x'], "--timeout: '30d' is longer than the longest deadline"],
  ])('%j is refused', (argv, msg) => {
    expect(() => parseCommand(argv)).toThrow(msg);
  });
  it('names the flag and not the value of a secret', () => {
    expect(() => parseCommand(['verify', '--registry-token', '\t', 'x'])).toThrow(
      /--registry-token: '' is empty/,
    );
  });
  it('still takes a real value after the refusal is checked', () => {
    const cmd = parseCommand([
      'verify',
      '--require-signature',
      'false',
      '--attestation',
      'slsaprovenance',
      '--key',
      'k.pub',
      'x',
    ]);
    expect(cmd.command === 'verify' && cmd.options.requireSignature).toBe(false);
  });
});
