// A requirement written with no value (`attestations:`, `denyPackages: []`, `failOnSeverity:`)
// was read as "no requirement": the rule then passed images on their signature alone, with
// nothing saying the field was ignored. A field that names a requirement must name at least
// one thing, or be left out; otherwise the file is refused naming the field and line.
import { describe, expect, it } from 'vitest';
import { parsePolicyFile, PolicyFileError } from '../../src/core/policy/file.js';

const rule = (extra: string): string => `version: 1
rules:
  - images: ['ghcr.io/acme/**']
    identities:
      - subject: https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main
        issuer: https://token.actions.githubusercontent.com
${extra}`;

function problems(text: string): string {
  try {
    parsePolicyFile(text, 'policy.yaml');
  } catch (e: unknown) {
    if (e instanceof PolicyFileError) return e.message;
    throw e;
  }
  return '';
}

describe('an empty requirement is refused, never read as none', () => {
  it.each([
    ['attestations with no value', '    attestations:\n', /rules\[0\]\.attestations/],
    ['attestations: []', '    attestations: []\n', /rules\[0\]\.attestations/],
    [
      'denyPackages with no value',
      '    attestations: [cyclonedx]\n    conditions:\n      denyPackages:\n',
      /rules\[0\]\.conditions\.denyPackages/,
    ],
    [
      'denyPackages: []',
      '    attestations: [cyclonedx]\n    conditions:\n      denyPackages: []\n',
      /rules\[0\]\.conditions\.denyPackages/,
    ],
    [
      'failOnSeverity with no value',
      '    attestations: [vuln]\n    conditions:\n      failOnSeverity:\n',
      /rules\[0\]\.conditions\.failOnSeverity/,
    ],
    [
      'failOnSeverity: []',
      '    attestations: [vuln]\n    conditions:\n      failOnSeverity: []\n',
      /rules\[0\]\.conditions\.failOnSeverity/,
    ],
  ])('%s', (_name, extra, field) => {
    expect(problems(rule(extra))).toMatch(field);
  });

  it('the same fields with values, or left out, still parse', () => {
    expect(problems(rule(''))).toBe('');
    expect(
      problems(
        rule(
          '    attestations: [vuln, cyclonedx]\n    conditions:\n      failOnSeverity: [critical]\n      denyPackages: [log4j-core]\n',
        ),
      ),
    ).toBe('');
  });
});
