// The option table is the one source of both front ends: for every option that both have, the
// same value given as an Action input and as a CLI flag must give the same GateOptions, a bad
// value must fail in both naming what the user wrote, and action.yml and the help must list it.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { HELP, parseCommand } from '../../src/cli/args.js';
import { VERIFY_OPTIONS, type VerifyOption } from '../../src/edge/options.js';

/** A valid sample value per option, as an Action input and as CLI arguments. */
function sample(o: VerifyOption): { input: string; argv: string[] } {
  const flag = `--${o.flag}`;
  if (o.kind === 'switch') return { input: 'true', argv: [flag] };
  const values: Record<string, string[]> = {
    platforms: ['linux/amd64,linux/arm64/v8'],
    concurrency: ['3'],
    timeout: ['90s'],
    'require-signature': ['false'],
    key: ['a.pub', 'hashivault://release'],
    'attestation-key': ['att.pub', 'awskms:///alias/att'],
    attestations: ['slsaprovenance1', 'vuln'],
    'deny-packages': ['log4j-core@<2.17.0', 'pkg:npm/left-pad@>=1.0 <2.0'],
    'max-vuln-age': ['24h'],
    'fail-on-severity': ['critical,high'],
    'insecure-registries': ['reg.lan:5000', 'other.lan'],
    'tuf-mirror': ['https://tuf.example/repo'],
    mode: ['warn'],
    'enforce-after': ['2027-03-01'],
    shard: ['2/3'],
    'compose-env': ['TAG,REGISTRY', 'APP_VERSION'],
    'sign-summary': ['keyless'],
    'summary-max-age': ['1h'],
  };
  const v = values[o.input ?? ''] ?? [`value-of-${o.input}`];
  if (o.kind === 'text') return { input: v[0]!, argv: [flag, v[0]!] };
  return { input: v.join('\n'), argv: v.flatMap((x) => [flag, x]) };
}

const shared = VERIFY_OPTIONS.filter((o) => o.input !== null && o.flag !== null);

/** Options that only mean something with others (a summary needs a signer and a directory). */
const companions: Record<string, Record<string, string>> = {
  'sign-summary': { 'summaries-path': 'vsa' },
  'summary-key': { 'summaries-path': 'vsa' },
  'summaries-path': { 'sign-summary': 'keyless' },
  'push-summary': { 'sign-summary': 'keyless', 'summaries-path': 'vsa' },
  'signing-config': { 'sign-summary': 'keyless', 'summaries-path': 'vsa' },
  'accept-summary': {
    'summary-identity': 'gate@example.com',
    'summary-oidc-issuer': 'https://iss',
  },
  'summary-identity': { 'accept-summary': 'true', 'summary-oidc-issuer': 'https://iss' },
  'summary-oidc-issuer': { 'accept-summary': 'true', 'summary-identity': 'gate@example.com' },
  'summary-max-age': { 'accept-summary': 'true', 'summary-key': 'gate.pub' },
};
const companionArgv = (name: string): string[] =>
  Object.entries(companions[name] ?? {}).flatMap(([k, v]) =>
    v === 'true' ? [`--${k}`] : [`--${k}`, v],
  );

function actionOptions(inputs: Record<string, string>) {
  return readInputs((name) => (name === 'images' ? 'x' : (inputs[name] ?? '')), {}).options;
}
function cliOptions(argv: string[]) {
  const cmd = parseCommand(['verify', ...argv, 'x']);
  if (cmd.command !== 'verify') throw new Error('not verify');
  return cmd.options;
}

describe('the option table', () => {
  it('has unique input and flag names', () => {
    const inputs = VERIFY_OPTIONS.map((o) => o.input).filter((n) => n !== null);
    const flags = VERIFY_OPTIONS.map((o) => o.flag).filter((n) => n !== null);
    expect(new Set(inputs).size).toBe(inputs.length);
    expect(new Set(flags).size).toBe(flags.length);
  });

  it.each(shared.map((o) => [o.input!, o] as const))(
    '%s: the Action input and the CLI flag give the same options',
    (_name, o) => {
      const { input, argv } = sample(o);
      const fromAction = actionOptions({ ...companions[o.input!], [o.input!]: input });
      const fromCli = cliOptions([...companionArgv(o.input!), ...argv]);
      // tufCacheDir is the Action's own default (RUNNER_TEMP); it is not an input.
      delete fromAction.tufCacheDir;
      expect(fromCli).toEqual(fromAction);
      // And the option did something: the result differs from giving nothing.
      expect(fromCli).not.toEqual(cliOptions([]));
    },
  );

  it.each([
    ['concurrency', '0', /^concurrency: '0'/, /^--concurrency: '0'/],
    ['timeout', 'soon', /^timeout: 'soon'/, /^--timeout: 'soon'/],
    ['platforms', 'linux', /^platforms: 'linux' is not a platform/, /^--platforms: 'linux'/],
    ['require-signature', 'maybe', /^require-signature: 'maybe'/, /^--require-signature: 'maybe'/],
    ['mode', 'audit', /^mode: 'audit' is not enforce or warn/, /^--mode: 'audit'/],
    [
      'compose-env',
      'TAG,$TOKEN',
      /^compose-env: '\$TOKEN' is not an environment variable name/,
      /^--compose-env: '\$TOKEN' is not/,
    ],
    [
      'enforce-after',
      '2027-02-30',
      /^enforce-after: '2027-02-30' is not a date/,
      /^--enforce-after: '2027-02-30'/,
    ],
    ['shard', '4/3', /^shard: '4\/3' names shard 4 of only 3/, /^--shard: '4\/3'/],
    ['shard', 'a/b', /^shard: 'a\/b' is not a shard/, /^--shard: 'a\/b' is not a shard/],
  ])('%s=%s fails in both front ends, naming what the user wrote', (name, value, inMsg, cliMsg) => {
    expect(() => actionOptions({ [name]: value })).toThrow(inMsg);
    expect(() => cliOptions([`--${name}`, value])).toThrow(cliMsg);
  });

  // Values the core once parsed itself: the front end parses them now, naming its own spelling.
  it.each([
    ['attestations', 'attestation', 'sbom-ish', /is not a known predicate type/],
    ['max-vuln-age', 'max-vuln-age', 'soon', /is not a duration/],
    ['fail-on-severity', 'fail-on-severity', 'critical,severe', /'severe' is not a severity/],
    ['deny-packages', 'deny-package', 'log4j-core@>>2', /is not a comparator/],
  ])('%s: a bad value fails in both front ends before any run', (input, flag, value, why) => {
    expect(() => actionOptions({ [input]: value })).toThrow(new RegExp(`^${input}: `));
    expect(() => actionOptions({ [input]: value })).toThrow(why);
    expect(() => cliOptions([`--${flag}`, value])).toThrow(new RegExp(`^--${flag}: `));
    expect(() => cliOptions([`--${flag}`, value])).toThrow(why);
  });

  it('a switch input that is not true or false is refused', () => {
    for (const o of shared.filter((x) => x.kind === 'switch'))
      expect(() => actionOptions({ [o.input!]: 'perhaps' }), o.input!).toThrow(
        new RegExp(`^${o.input}: 'perhaps' is not true or false`),
      );
  });

  it('action.yml declares every input of the table, with a description', () => {
    const doc = parse(readFileSync('action.yml', 'utf8')) as {
      inputs: Record<string, { description?: string }>;
    };
    for (const o of VERIFY_OPTIONS.filter((x) => x.input !== null))
      expect(doc.inputs[o.input!]?.description, o.input!).toBeTruthy();
  });

  it('verify --help lists every flag of the table', () => {
    for (const o of VERIFY_OPTIONS.filter((x) => x.flag !== null))
      expect(HELP.verify, o.flag!).toMatch(new RegExp(`^  --${o.flag}\\b`, 'm'));
  });
});
