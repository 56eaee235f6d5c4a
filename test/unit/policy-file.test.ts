// The YAML policy file: a full valid policy, every validation error with its line and field,
// glob matching with first-match-wins and the unmatched decision, and the JSON Schema kept in step.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREDICATE } from '../../src/core/attestations/types.js';
import { loadPolicyFile, parsePolicyFile, PolicyFileError } from '../../src/core/policy/file.js';
import {
  globToRegExp,
  matchPolicyRule,
  normaliseGlob,
  policyImageName,
} from '../../src/core/policy/match.js';
import { parseReference } from '../../src/core/reference.js';

const GOOD = `# production images need provenance and a fresh clean scan
version: 1
unmatched: fail
rules:
  - name: production
    images:
      - ghcr.io/acme/prod/**
      - registry.acme.example/app:v*
    identities:
      - subject: https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main
        issuer: https://token.actions.githubusercontent.com
      - subjectRegExp: https://github\\.com/acme/.*/\\.github/workflows/release\\.yml@refs/tags/v.*
        issuerRegExp: https://token\\.actions\\.githubusercontent\\.com
    attestations: [slsaprovenance1, vuln, cyclonedx]
    attestationIdentities:
      - subject: https://github.com/acme/scanner/.github/workflows/scan.yml@refs/heads/main
        issuer: https://token.actions.githubusercontent.com
    conditions:
      maxVulnAge: 24h
      failOnSeverity: [critical, high]
      denyPackages:
        - log4j-core@<2.17.0
        - xz-utils@>=5.6.0 <=5.6.1
      builderId: https://github.com/actions/runner/github-hosted
      sourceRepositoryRegExp: https://github\\.com/acme/.*
      sourceRef: refs/heads/main
  - images: [nginx, "acme/*"]
    keys: [keys/cosign.pub, awskms:///alias/signer, /etc/keys/other.pub]
    requireSignature: true
  - name: provenance only
    images: ["**"]
    identities:
      - subject: https://github.com/acme/app/.github/workflows/build.yml@refs/heads/main
        issuer: https://token.actions.githubusercontent.com
    requireSignature: false
    attestations: [vuln]
`;

describe('parsePolicyFile', () => {
  it('reads a complete policy into typed rules', () => {
    const p = parsePolicyFile(GOOD, 'policy.yaml', '/repo/policies');
    expect(p).toMatchObject({ source: 'policy.yaml', version: 1, unmatched: 'fail' });
    expect(p.rules).toHaveLength(3);
    const [prod, hub, any] = p.rules;
    expect(prod).toEqual({
      name: 'production',
      line: 5,
      images: ['ghcr.io/acme/prod/**', 'registry.acme.example/app:v*'],
      keys: [],
      identities: [
        {
          subject: {
            exact: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
          },
          issuer: { exact: 'https://token.actions.githubusercontent.com' },
        },
        {
          subject: {
            regexp: 'https://github\\.com/acme/.*/\\.github/workflows/release\\.yml@refs/tags/v.*',
          },
          issuer: { regexp: 'https://token\\.actions\\.githubusercontent\\.com' },
        },
      ],
      attestationIdentities: [
        {
          subject: {
            exact: 'https://github.com/acme/scanner/.github/workflows/scan.yml@refs/heads/main',
          },
          issuer: { exact: 'https://token.actions.githubusercontent.com' },
        },
      ],
      attestations: [PREDICATE.slsaV1, PREDICATE.cosignVuln, PREDICATE.cyclonedx],
      conditions: {
        maxVulnAgeMs: 24 * 3600_000,
        failOnSeverity: ['critical', 'high'],
        denyPackages: [
          { raw: 'log4j-core@<2.17.0', name: 'log4j-core', range: '<2.17.0' },
          { raw: 'xz-utils@>=5.6.0 <=5.6.1', name: 'xz-utils', range: '>=5.6.0 <=5.6.1' },
        ],
        slsa: {
          builderId: { exact: 'https://github.com/actions/runner/github-hosted' },
          sourceRepository: { regexp: 'https://github\\.com/acme/.*' },
          sourceRef: { exact: 'refs/heads/main' },
        },
      },
      requireSignature: true,
    });
    expect(hub).toMatchObject({
      name: 'rules[1]',
      line: 27,
      images: ['index.docker.io/library/nginx', 'index.docker.io/acme/*'],
      keys: ['/repo/policies/keys/cosign.pub', 'awskms:///alias/signer', '/etc/keys/other.pub'],
      attestations: [],
      conditions: {},
    });
    // A required vuln scan gets the default freshness limit, as the action input does.
    expect(any).toMatchObject({
      requireSignature: false,
      conditions: { maxVulnAgeMs: 48 * 3600_000 },
    });
  });

  it('accepts a comma-separated severity string and a single image string', () => {
    const p = parsePolicyFile(
      'version: 1\nrules:\n  - images: ghcr.io/acme/app\n    keys: [k.pub]\n    conditions:\n      failOnSeverity: critical,high\n',
    );
    expect(p.rules[0].conditions.failOnSeverity).toEqual(['critical', 'high']);
    expect(p.rules[0].images).toEqual(['ghcr.io/acme/app']);
    expect(p.rules[0].keys).toEqual(['k.pub']);
  });

  const bad: Array<[name: string, yaml: string, errors: string[]]> = [
    [
      'an unknown predicate short name',
      `version: 1
rules:
  - images: [a.example/x]
    keys: [k.pub]
  - images: [b.example/y]
    keys: [k.pub]
    attestations:
      - sbom
`,
      ["policy.yaml line 8: rules[1].attestations[0]: 'sbom' is not a known predicate type"],
    ],
    [
      'no version',
      'rules:\n  - images: [x]\n    keys: [k]\n',
      ["policy.yaml line 1: version: missing; write 'version: 1'"],
    ],
    [
      'version 2',
      'version: 2\nrules:\n  - images: [x]\n    keys: [k]\n',
      ['policy.yaml line 1: version: must be 1'],
    ],
    [
      'no rules',
      'version: 1\n',
      ['policy.yaml line 1: rules: missing; a policy needs at least one rule'],
    ],
    [
      'empty rules',
      'version: 1\nrules: []\n',
      ['policy.yaml line 2: rules: must be a non-empty list'],
    ],
    [
      'a misspelt top-level field',
      'version: 1\nunmached: allow\nrules:\n  - images: [x]\n    keys: [k]\n',
      [
        'policy.yaml line 2: unmached: unknown field (expected one of version, rules, unmatched, revocations, revocationsKey, revocationsIdentity, revocationsIssuer)',
      ],
    ],
    [
      'unmatched: maybe',
      'version: 1\nunmatched: maybe\nrules:\n  - images: [x]\n    keys: [k]\n',
      ["policy.yaml line 2: unmatched: 'maybe' is not fail or allow"],
    ],
    [
      'a rule that is a string',
      'version: 1\nrules:\n  - ghcr.io/x\n',
      ['policy.yaml line 3: rules[0]: must be a mapping (images, keys or identities, ...)'],
    ],
    [
      'a rule without images or signer',
      'version: 1\nrules:\n  - name: r\n',
      [
        'policy.yaml line 3: rules[0].images: missing',
        'policy.yaml line 3: rules[0]: names no signer: give keys or identities',
      ],
    ],
    [
      'a misspelt rule field',
      'version: 1\nrules:\n  - images: [x]\n    key: [k]\n',
      [
        'policy.yaml line 4: rules[0].key: unknown field (expected one of name, images, keys, identities, attestationKeys, attestationIdentities, attestations, conditions, requireSignature, mode, enforceAfter)',
        'policy.yaml line 3: rules[0]: names no signer: give keys or identities',
      ],
    ],
    [
      'an identity without issuer',
      'version: 1\nrules:\n  - images: [x]\n    identities:\n      - subject: me@example.com\n',
      [
        'policy.yaml line 5: rules[0].identities[0]: needs issuer or issuerRegExp',
        'policy.yaml line 3: rules[0]: names no signer: give keys or identities',
      ],
    ],
    [
      'subject and subjectRegExp together',
      'version: 1\nrules:\n  - images: [x]\n    identities:\n      - subject: a\n        subjectRegExp: b\n        issuer: c\n',
      [
        'policy.yaml line 6: rules[0].identities[0].subjectRegExp: give subject or subjectRegExp, not both',
        'policy.yaml line 3: rules[0]: names no signer: give keys or identities',
      ],
    ],
    [
      'a broken regular expression',
      'version: 1\nrules:\n  - images: [x]\n    identities:\n      - subjectRegExp: "a("\n        issuer: c\n',
      [
        "policy.yaml line 5: rules[0].identities[0].subjectRegExp: 'a(' is not a regular expression: Invalid regular expression: /a(/: Unterminated group",
        'policy.yaml line 3: rules[0]: names no signer: give keys or identities',
      ],
    ],
    [
      // Red team: valid only inside the wrapper ^(?:…)$, where it closes the wrapper's group and
      // opens an unanchored alternative: ^(?:a)|(.*)$ matches every identity.
      'a regular expression that breaks out of its anchors',
      'version: 1\nrules:\n  - images: [x]\n    identities:\n      - subjectRegExp: "a)|(.*"\n        issuer: c\n',
      [
        "policy.yaml line 5: rules[0].identities[0].subjectRegExp: 'a)|(.*' is not a regular expression: Invalid regular expression: /a)|(.*/: Unmatched ')'",
        'policy.yaml line 3: rules[0]: names no signer: give keys or identities',
      ],
    ],
    [
      'a condition regular expression that breaks out of its anchors',
      'version: 1\nrules:\n  - images: [x]\n    keys: [k]\n    conditions:\n      sourceRepositoryRegExp: "https://github\\\\.com/acme/app)|(.*"\n',
      [
        "policy.yaml line 6: rules[0].conditions.sourceRepositoryRegExp: 'https://github\\.com/acme/app)|(.*' is not a regular expression: Invalid regular expression: /https://github\\.com/acme/app)|(.*/: Unmatched ')'",
      ],
    ],
    [
      'a bad duration',
      'version: 1\nrules:\n  - images: [x]\n    keys: [k]\n    conditions:\n      maxVulnAge: soon\n',
      [
        "policy.yaml line 6: rules[0].conditions.maxVulnAge: 'soon' is not a duration (e.g. 48h, 2d, 90m)",
      ],
    ],
    [
      'a bad severity',
      'version: 1\nrules:\n  - images: [x]\n    keys: [k]\n    conditions:\n      failOnSeverity: [critical, severe]\n',
      [
        "policy.yaml line 6: rules[0].conditions.failOnSeverity: 'severe' is not a severity (critical, high, medium, low, unknown)",
      ],
    ],
    [
      'a bad package rule',
      'version: 1\nrules:\n  - images: [x]\n    keys: [k]\n    conditions:\n      denyPackages:\n        - ok-pkg\n        - "log4j-core@^2.0.0"\n',
      [
        "policy.yaml line 8: rules[0].conditions.denyPackages[1]: 'log4j-core@^2.0.0': '^2.0.0' is not a comparator (use <, <=, >, >=, = or a bare version)",
      ],
    ],
    [
      'an unknown condition',
      'version: 1\nrules:\n  - images: [x]\n    keys: [k]\n    conditions:\n      maxAge: 1h\n',
      [
        'policy.yaml line 6: rules[0].conditions.maxAge: unknown field (expected one of maxVulnAge, failOnSeverity, denyPackages, builderId, builderIdRegExp, sourceRepository, sourceRepositoryRegExp, sourceRef, sourceRefRegExp)',
      ],
    ],
    [
      'a key window that ends before it starts',
      'version: 1\nrules:\n  - images: [x]\n    keys:\n      - key: k\n        validFor: {start: 2026-06-01T00:00:00Z, end: 2026-01-01T00:00:00Z}\n',
      [
        'policy.yaml line 6: rules[0].keys[0].validFor: start 2026-06-01T00:00:00.000Z is not before end 2026-01-01T00:00:00.000Z',
        'policy.yaml line 3: rules[0]: names no signer: give keys or identities',
      ],
    ],
    [
      'a key window time without a zone, and a day that does not exist',
      'version: 1\nrules:\n  - images: [x]\n    keys:\n      - key: k\n        validFor:\n          start: 2026-01-01T00:00:00\n          end: 2026-02-30T00:00:00Z\n',
      [
        'policy.yaml line 7: rules[0].keys[0].validFor.start: "2026-01-01T00:00:00" is not an RFC 3339 time with a zone (e.g. 2026-01-01T00:00:00Z)',
        'policy.yaml line 8: rules[0].keys[0].validFor.end: "2026-02-30T00:00:00Z" is not an RFC 3339 time with a zone (e.g. 2026-01-01T00:00:00Z)',
        'policy.yaml line 3: rules[0]: names no signer: give keys or identities',
      ],
    ],
    [
      'a key mapping without validFor, one with an unknown field, and a key listed twice',
      'version: 1\nrules:\n  - images: [x]\n    keys:\n      - key: k\n      - {key: j, validFor: {end: 2027-01-01T00:00:00Z}, until: 2027}\n      - k2\n      - k2\n',
      [
        'policy.yaml line 5: rules[0].keys[0]: a key given as a mapping needs validFor',
        'policy.yaml line 6: rules[0].keys[1].until: unknown field (expected one of key, validFor)',
        "policy.yaml line 8: rules[0].keys[3]: 'k2' is listed twice",
      ],
    ],
    [
      'requireSignature as a string',
      'version: 1\nrules:\n  - images: [x]\n    keys: [k]\n    requireSignature: "no"\n',
      ['policy.yaml line 5: rules[0].requireSignature: must be true or false'],
    ],
    [
      'requireSignature false with nothing else',
      'version: 1\nrules:\n  - images: [x]\n    keys: [k]\n    requireSignature: false\n',
      [
        'policy.yaml line 3: rules[0]: requireSignature: false needs attestations or conditions to check instead',
      ],
    ],
    [
      'an image glob with spaces',
      'version: 1\nrules:\n  - images: ["ghcr.io/a b"]\n    keys: [k]\n',
      ["policy.yaml line 3: rules[0].images[0]: 'ghcr.io/a b' is not an image glob"],
    ],
    [
      'a YAML syntax error',
      'version: 1\nrules:\n  - images: [x\n    keys: [k]\n',
      ['policy.yaml line 4:'],
    ],
    [
      'a duplicate key',
      'version: 1\nversion: 1\nrules:\n  - images: [x]\n    keys: [k]\n',
      ['policy.yaml line 2: Map keys must be unique'],
    ],
    [
      'a document that is a list',
      '- a\n- b\n',
      ['policy.yaml line 1: expected a mapping with version and rules'],
    ],
  ];
  it.each(bad)('names the line and field for %s', (_name, yaml, errors) => {
    try {
      parsePolicyFile(yaml, 'policy.yaml');
      expect.unreachable();
    } catch (e: unknown) {
      expect(e).toBeInstanceOf(PolicyFileError);
      const err = e as PolicyFileError;
      expect(err.code).toBe('USAGE');
      const lines = err.message.split('\n');
      expect(lines).toHaveLength(errors.length);
      errors.forEach((want, i) => expect(lines[i].startsWith(want)).toBe(true));
    }
  });

  it('never expands YAML aliases (no billion-laughs): an alias is refused where a list is due', () => {
    const lines = ['version: 1', 'x0: &x0 [a, a, a, a, a, a, a, a, a, a]'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `x${i}: &x${i} [${Array(10)
          .fill(`*x${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('rules:', '  - images: *x9', '    keys: [k]');
    const started = performance.now();
    expect(() => parsePolicyFile(lines.join('\n'))).toThrow(
      /line 13: rules\[0\]\.images: must be a list of strings/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('loadPolicyFile', () => {
  it('reads a file and resolves key paths against its directory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-'));
    const file = path.join(dir, 'gate.yaml');
    writeFileSync(file, 'version: 1\nrules:\n  - images: [x]\n    keys: [cosign.pub]\n');
    const p = await loadPolicyFile(file);
    expect(p.source).toBe('gate.yaml');
    expect(p.rules[0].keys).toEqual([path.join(dir, 'cosign.pub')]);
  });

  it('says which file it could not read', async () => {
    await expect(loadPolicyFile('/nonexistent/policy.yaml')).rejects.toThrow(
      /policy: cannot read \/nonexistent\/policy\.yaml/,
    );
  });
});

describe('globs and rule matching', () => {
  it.each([
    ['ghcr.io/acme/*', 'ghcr.io/acme/app', true],
    ['ghcr.io/acme/*', 'ghcr.io/acme/team/app', false],
    ['ghcr.io/acme/**', 'ghcr.io/acme/team/app', true],
    ['ghcr.io/**/app', 'ghcr.io/app', true],
    ['ghcr.io/**/app', 'ghcr.io/a/b/app', true],
    ['ghcr.io/acme/app?', 'ghcr.io/acme/app1', true],
    ['ghcr.io/acme/app?', 'ghcr.io/acme/app/', false],
    ['ghcr.io/acme.app', 'ghcr.io/acmeXapp', false],
    ['*.example.com/**', 'registry.example.com/a/b', true],
    ['*.example.com/**', 'evil.com/registry.example.com/a', false],
  ])('%s vs %s: %s', (glob, name, want) => {
    expect(globToRegExp(glob).test(name)).toBe(want);
  });

  it.each([
    ['nginx', 'index.docker.io/library/nginx'],
    ['acme/app', 'index.docker.io/acme/app'],
    ['docker.io/acme/app', 'index.docker.io/acme/app'],
    ['localhost:5000/app', 'localhost:5000/app'],
    ['localhost/app', 'localhost/app'],
    ['ghcr.io/acme/app', 'ghcr.io/acme/app'],
    ['*/acme/app', '*/acme/app'],
    // Every Docker Hub alias is one registry, and one-component Hub names are library/ images.
    ['docker.io/nginx', 'index.docker.io/library/nginx'],
    ['index.docker.io/nginx:1.*', 'index.docker.io/library/nginx:1.*'],
    ['registry-1.docker.io/library/nginx', 'index.docker.io/library/nginx'],
    ['docker.io/**', 'index.docker.io/**'],
    ['GHCR.io/Acme-team/app', 'ghcr.io/Acme-team/app'],
    // One component with wildcards is still a Docker Hub library name (review r1).
    ['nginx*', 'index.docker.io/library/nginx*'],
    ['nginx:1.*', 'index.docker.io/library/nginx:1.*'],
    ['ngin?', 'index.docker.io/library/ngin?'],
    ['**', '**'],
    ['**:prod', '**:prod'],
    // Two components with a wildcard first: only a host-like one (or a bare * / **) is a host.
    ['*/app', '*/app'],
    ['**/app', '**/app'],
    ['acme-*.example/app', 'acme-*.example/app'],
    ['reg-?:5000/app', 'reg-?:5000/app'],
    ['index.docker.io/acme-*/app', 'index.docker.io/acme-*/app'],
    ['acme-*/app/x', 'acme-*/app/x'],
  ])('normalises the glob %s to %s', (glob, want) => {
    expect(normaliseGlob(glob)).toBe(want);
  });

  // `acme-*/app`: a Docker Hub namespace (docker.io/acme-team/app) or a registry host
  // (acme-evil.example/app)? Either reading governs the other's images wrongly (session 15 review).
  it.each(['acme-*/app', 'acme-?/app:1', '*acme/app', 'a*/b*'])(
    'refuses the ambiguous glob %s, naming both readings',
    (glob) => {
      expect(() => normaliseGlob(glob)).toThrow(
        /is ambiguous: '.*' may be a registry host or a Docker Hub namespace; write index\.docker\.io\//,
      );
    },
  );

  it.each([
    ['docker.io/nginx', 'nginx:1.25'],
    ['index.docker.io/nginx', 'docker.io/library/nginx:1.25'],
    ['registry-1.docker.io/library/nginx', 'nginx'],
    ['ghcr.io/acme/app', 'GHCR.IO/acme/app:v1'],
    ['nginx*', 'nginx:1.25'],
    ['nginx:1.*', 'docker.io/library/nginx:1.25'],
    ['ngin?', 'index.docker.io:443/library/nginx'],
    ['nginx:*', 'nginx'],
  ])('a rule for %s catches the image %s', (glob, image) => {
    const file = parsePolicyFile(
      `version: 1\nrules:\n  - images: ['${glob}']\n    keys: [k.pub]\n`,
      'p.yaml',
    );
    expect(matchPolicyRule(file, policyImageName(parseReference(image))).rule).toBeDefined();
  });

  it.each([
    ['ghcr.io/acme/app@sha256:' + 'a'.repeat(64), /digests cannot be matched/],
    ['*', /can never match/],
  ])('refuses the glob %s at its line', (glob, msg) => {
    expect(() =>
      parsePolicyFile(`version: 1\nrules:\n  - images: ['${glob}']\n    keys: [k.pub]\n`, 'p.yaml'),
    ).toThrow(msg);
  });

  const policy = parsePolicyFile(GOOD);
  it.each([
    ['ghcr.io/acme/prod/api:1.2.3', 'production'],
    ['ghcr.io/acme/prod/team/api@sha256:' + 'a'.repeat(64), 'production'],
    ['registry.acme.example/app:v1.0', 'production'],
    ['registry.acme.example/app:latest', 'provenance only'],
    ['nginx:1.25', 'rules[1]'],
    ['docker.io/library/nginx', 'rules[1]'],
    ['acme/web:dev', 'rules[1]'],
    ['ghcr.io/other/app:1', 'provenance only'],
  ])('%s is governed by rule %j (first match wins)', (image, rule) => {
    const m = matchPolicyRule(policy, policyImageName(parseReference(image)));
    expect(m.rule?.name).toBe(rule);
  });

  it.each([
    ['fail', false],
    ['allow', true],
  ])('an image no rule matches, unmatched: %s', (unmatched, allowed) => {
    const p = parsePolicyFile(
      `version: 1\nunmatched: ${unmatched}\nrules:\n  - images: [ghcr.io/acme/**]\n    keys: [k]\n`,
      'gate.yaml',
    );
    const m = matchPolicyRule(p, policyImageName(parseReference('quay.io/other/app:1')));
    expect(m).toEqual({
      rule: undefined,
      allowed,
      reason: `no rule in gate.yaml matches quay.io/other/app:1${allowed ? ' (unmatched: allow)' : ''}`,
    });
  });

  it('matches a registry with a port', () => {
    const p = parsePolicyFile(
      'version: 1\nrules:\n  - images: ["127.0.0.1:5000/**"]\n    keys: [k]\n',
    );
    expect(
      matchPolicyRule(p, policyImageName(parseReference('127.0.0.1:5000/team/app:1'))).rule,
    ).toBeDefined();
    expect(
      matchPolicyRule(p, policyImageName(parseReference('127.0.0.1:5001/team/app:1'))).rule,
    ).toBeUndefined();
  });
});

describe('key validity windows', () => {
  it('reads a key with a window next to plain keys, for image and attestation signers', () => {
    const p = parsePolicyFile(
      `version: 1
rules:
  - images: [ghcr.io/acme/*]
    keys:
      - keys/current.pub
      - key: keys/retired.pub
        validFor: { end: 2026-01-01T00:00:00Z }
    attestationKeys:
      - key: awskms:///alias/sbom
        validFor: { start: 2025-06-01T12:00:00+02:00, end: 2027-01-01T00:00:00Z }
`,
      'policy.yaml',
      '/repo',
    );
    const r = p.rules[0];
    expect(r.keys).toEqual(['/repo/keys/current.pub', '/repo/keys/retired.pub']);
    expect(r.attestationKeys).toEqual(['awskms:///alias/sbom']);
    expect(r.keyValidity).toEqual({
      '/repo/keys/retired.pub': { end: new Date('2026-01-01T00:00:00Z') },
    });
    expect(r.attestationKeyValidity).toEqual({
      'awskms:///alias/sbom': {
        start: new Date('2025-06-01T10:00:00Z'),
        end: new Date('2027-01-01T00:00:00Z'),
      },
    });
  });

  it('keeps the windows of keys and attestationKeys apart, even for the same key', () => {
    const p = parsePolicyFile(
      `version: 1
rules:
  - images: [x]
    keys:
      - key: k.pub
        validFor: { end: 2020-01-01T00:00:00Z }
    attestationKeys:
      - key: k.pub
        validFor: { end: 2099-01-01T00:00:00Z }
`,
    );
    expect(p.rules[0].keyValidity).toEqual({ 'k.pub': { end: new Date('2020-01-01T00:00:00Z') } });
    expect(p.rules[0].attestationKeyValidity).toEqual({
      'k.pub': { end: new Date('2099-01-01T00:00:00Z') },
    });
  });

  it('refuses a time of day that does not exist', () => {
    expect(() =>
      parsePolicyFile(
        'version: 1\nrules:\n  - images: [x]\n    keys:\n      - {key: k, validFor: {end: 2026-01-01T24:00:00Z}}\n',
        'policy.yaml',
      ),
    ).toThrow(
      /rules\[0\]\.keys\[0\]\.validFor\.end: "2026-01-01T24:00:00Z" is not an RFC 3339 time/,
    );
  });

  it('leaves keyValidity out when no key has a window', () => {
    const p = parsePolicyFile('version: 1\nrules:\n  - images: [x]\n    keys: [k]\n');
    expect(p.rules[0].keyValidity).toBeUndefined();
  });
});

describe('schema/policy.schema.json', () => {
  const schema = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../schema/policy.schema.json'), 'utf8'),
  ) as {
    properties: Record<string, unknown>;
    $defs: Record<string, { properties: Record<string, unknown> }>;
  };
  it('documents exactly the fields the parser accepts', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([
      'revocations',
      'revocationsIdentity',
      'revocationsIssuer',
      'revocationsKey',
      'rules',
      'unmatched',
      'version',
    ]);
    expect(Object.keys(schema.$defs['rule'].properties).sort()).toEqual([
      'attestationIdentities',
      'attestationKeys',
      'attestations',
      'conditions',
      'enforceAfter',
      'identities',
      'images',
      'keys',
      'mode',
      'name',
      'requireSignature',
    ]);
    expect(Object.keys(schema.$defs['identity'].properties).sort()).toEqual([
      'issuer',
      'issuerRegExp',
      'subject',
      'subjectRegExp',
    ]);
    expect(Object.keys(schema.$defs['conditions'].properties).sort()).toEqual([
      'builderId',
      'builderIdRegExp',
      'denyPackages',
      'failOnSeverity',
      'maxVulnAge',
      'sourceRef',
      'sourceRefRegExp',
      'sourceRepository',
      'sourceRepositoryRegExp',
    ]);
  });
});
