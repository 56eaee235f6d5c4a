import { describe, expect, it } from 'vitest';
import {
  parseBoolean,
  parseConcurrency,
  parseDuration,
  parseList,
  parsePlatforms,
  parseRegistryHost,
} from '../../src/core/options.js';

describe('option parsing', () => {
  it('reads one image per line, ignoring blanks and comments', () => {
    expect(parseList('a:1\n\n  # comment\nb:2 # trailing\n c:3 \n')).toEqual(['a:1', 'b:2', 'c:3']);
  });
  it.each([
    ['90s', 90_000],
    ['5m', 300_000],
    ['48h', 172_800_000],
    ['2d', 172_800_000],
    ['250ms', 250],
  ])('parses duration %s', (v, ms) => expect(parseDuration('timeout', v)).toBe(ms));
  it.each(['', 'soon', '-5m', '0s', '5', '48', '1.5', ' 30 '])(
    'rejects duration %j naming the input',
    (v) => expect(() => parseDuration('timeout', v)).toThrow(/^timeout: /),
  );
  it.each(['5', '48', '0.5'])('refuses %j without a unit, saying so', (v) =>
    expect(() => parseDuration('max-vuln-age', v)).toThrow(
      `max-vuln-age: '${v}' has no unit (write ${v}s, ${v}m or ${v}h`,
    ),
  );
  it.each(['registry.lan:5000', 'localhost', '127.0.0.1:5000', '[::1]:5000', 'ghcr.io'])(
    'takes the registry host %j',
    (v) => expect(parseRegistryHost('--insecure-registry', v)).toBe(v),
  );
  it.each([
    'http://host:5000',
    'https://host',
    'host:5000/path',
    'host:99999',
    'host:0',
    'user@host',
    'host:',
    '-host',
    '',
  ])('refuses the registry host %j naming the form expected', (v) =>
    expect(() => parseRegistryHost('--insecure-registry', v)).toThrow(
      `--insecure-registry: '${v}' is not a registry host (expected host or host:port`,
    ),
  );
  it.each(['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7', 'windows/amd64', 'linux/riscv64'])(
    'takes the platform %j',
    (v) => expect(parsePlatforms('--platforms', v)).toHaveLength(1),
  );
  it.each([
    ['linux/amd65', "'amd65' is not an OCI/Go architecture"],
    ['linuks/amd64', "'linuks' is not an OCI/Go operating system"],
    ['Linux/amd64', 'is not a platform'],
    ['linux/x86_64', "'x86_64' is not an OCI/Go architecture"],
    ['unknown/unknown', "'unknown' is not an OCI/Go operating system"],
    ['linux/arm/v7/x', 'is not a platform'],
  ])('refuses the platform %j', (v, msg) =>
    expect(() => parsePlatforms('--platforms', v)).toThrow(msg),
  );
  it.each(['0', '65', 'x', '1.5'])('rejects concurrency %j', (v) =>
    expect(() => parseConcurrency('concurrency', v)).toThrow(`concurrency: '${v}'`),
  );
  it('rejects a boolean that is neither', () =>
    expect(() => parseBoolean('offline', 'maybe')).toThrow(
      "offline: 'maybe' is not true or false",
    ));
  // Empty read as false would switch off what defaults to on (require-signature).
  it.each(['', '  ', '\n'])('rejects the empty boolean %j', (v) =>
    expect(() => parseBoolean('require-signature', v)).toThrow(
      `require-signature: '${v}' is not true or false`,
    ),
  );
});
