// Issue 10 item 4: every spelling of one image has one identity, the one the client fetches from,
// and policy rules, deduplication and the registry client's host, scheme and credential rules all
// use that identity. Tables of spellings, several per name, and spellings that must stay apart.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { parsePolicyFile } from '../../src/core/policy/file.js';
import {
  globNeverMatches,
  matchPolicyRule,
  normaliseGlob,
  policyImageName,
} from '../../src/core/policy/match.js';
import {
  canonicalLocalRoot,
  isHostComponent,
  parseReference,
  pinnedReference,
  referenceIdentity,
  type ImageRef,
} from '../../src/core/reference.js';
import { RegistryClient } from '../../src/core/registry/client.js';
import { registryStore } from '../../src/core/sources/registry.js';
import { CredentialResolver, registryKeyMatches } from '../../src/core/registry/credentials.js';
import { isPlainHttpAllowed } from '../../src/core/net/addresses.js';
import { apiHostFor, normalizeHost } from '../../src/core/registry/hosts.js';

const D = 'sha256:' + 'b'.repeat(64);
const cwd = process.cwd();

/** Spellings that reach the same content, by the identity they must all have. */
const SAME_REGISTRY_IMAGE: Array<[string, string[]]> = [
  [
    'ghcr.io/acme/app',
    [
      'ghcr.io/acme/app',
      'ghcr.io:443/acme/app',
      'GHCR.IO/acme/app',
      'Ghcr.Io:0443/acme/app',
      'ghcr.io:00443/acme/app',
    ],
  ],
  [
    'index.docker.io/library/nginx',
    [
      'nginx',
      'library/nginx',
      'docker.io/nginx',
      'DOCKER.IO/library/nginx',
      'Docker.Io/nginx',
      'index.docker.io/nginx',
      'index.docker.io:443/nginx',
      'INDEX.DOCKER.IO:443/library/nginx',
      'registry-1.docker.io/library/nginx',
      'registry-1.docker.io:443/nginx',
    ],
  ],
  [
    'index.docker.io/acme/tool',
    ['acme/tool', 'docker.io/acme/tool', 'index.docker.io:443/acme/tool'],
  ],
  [
    '127.0.0.1:5000/team/app',
    [
      '127.0.0.1:5000/team/app',
      '127.000.000.001:5000/team/app',
      '0x7f.0.0.1:5000/team/app',
      '0177.0.0.1:5000/team/app',
      '127.1:5000/team/app',
      '2130706433:5000/team/app',
      '[::ffff:127.0.0.1]:5000/team/app',
      '[::FFFF:7f00:1]:5000/team/app',
    ],
  ],
  [
    '[::1]:5000/team/app',
    ['[::1]:5000/team/app', '[0:0:0:0:0:0:0:1]:5000/team/app', '[0000::0001]:5000/team/app'],
  ],
  // Loopback registries are spoken to over http, whose default port is 80.
  ['localhost/team/app', ['localhost/team/app', 'localhost:80/team/app', 'LOCALHOST:80/team/app']],
  ['localhost:443/team/app', ['localhost:443/team/app', 'localhost:0443/team/app']],
  [
    'registry.acme.example:8443/x',
    ['registry.acme.example:8443/x', 'REGISTRY.acme.EXAMPLE:8443/x'],
  ],
];

/** Names that reach other content and must keep identities of their own. */
const DISTINCT: string[][] = [
  ['ghcr.io/acme/app', 'ghcr.io:8443/acme/app', 'ghcr.io:80/acme/app'],
  ['nginx', 'docker.io:5000/nginx', 'docker.io:5000/library/nginx', 'ghcr.io/nginx'],
  ['localhost/x', 'localhost:443/x', '127.0.0.1/x', 'localhost:5000/x'],
  ['127.0.0.1:5000/x', '127.0.0.2:5000/x', '127.0.0.1:5001/x'],
];

function registryRef(s: string): Extract<ImageRef, { kind: 'registry' }> {
  const r = parseReference(s);
  if (r.kind !== 'registry') throw new Error(`${s} is not a registry reference`);
  return r;
}

describe('one identity per registry image, whatever the spelling', () => {
  const rows = SAME_REGISTRY_IMAGE.flatMap(([id, spellings]) =>
    spellings.map((s) => [s, id] as const),
  );

  it.each(rows)('%s is %s', (spelling, id) => {
    const ref = registryRef(spelling);
    expect(ref.identity).toBe(id);
    expect(`${ref.registry}/${ref.repository}`).toBe(id);
    expect(ref.original).toBe(spelling);
    expect(referenceIdentity(registryRef(`${spelling}:v1`))).toBe(`${id}:v1`);
    expect(referenceIdentity(registryRef(`${spelling}@${D}`))).toBe(`${id}@${D}`);
    expect(pinnedReference(ref, D)).toBe(`${id}@${D}`);
  });

  it.each(rows)('the registry client connects %s as %s, and so do its credentials', (s, id) => {
    const ref = registryRef(s);
    // The client normalises again: it must land on the identity, not on another host.
    expect(normalizeHost(ref.registry)).toBe(ref.registry);
    const store = registryStore(new RegistryClient({ env: {} }), ref.registry, ref.repository);
    expect(store.name).toBe(id);
    // A credential stored under the canonical host is the one this spelling gets, and vice versa.
    expect(registryKeyMatches(id.slice(0, id.indexOf('/')), ref.registry)).toBe(true);
    const first = s.slice(0, s.indexOf('/'));
    expect(registryKeyMatches(isHostComponent(first) ? first : 'docker.io', ref.registry)).toBe(
      true,
    );
  });

  it.each(DISTINCT)('%s and the other names stay apart', (...names) => {
    const ids = names.map((n) => registryRef(n).identity);
    expect(new Set(ids).size).toBe(names.length);
  });

  it.each([
    ['localhost:443', 'http', 'localhost:443'],
    ['localhost:80', 'http', 'localhost'],
    ['[::1]:443', 'http', '[::1]:443'],
    ['127.000.000.001:443', 'http', '127.0.0.1:443'],
    ['ghcr.io:443', 'https', 'ghcr.io'],
    ['docker.io:443', 'https', 'registry-1.docker.io'],
  ])('%s is fetched from %s://%s (default ports follow the scheme)', (host, scheme, apiHost) => {
    const h = normalizeHost(host)!;
    expect(apiHostFor(h)).toBe(apiHost);
    expect(isPlainHttpAllowed(h, new Set()) ? 'http' : 'https').toBe(scheme);
  });

  it.each([
    ['ghcr.io:443', true],
    ['GHCR.IO', true],
    ['ghcr.io:8443', false],
    ['ghcr.io.evil.example', false],
    ['evil.example', false],
  ])('the GitHub token goes to %s: %s', async (host, sent) => {
    const resolver = new CredentialResolver({
      githubToken: 'ghs_secret',
      env: { DOCKER_CONFIG: path.join(cwd, 'no-such-docker-config-dir') },
    });
    const c = await resolver.resolve(registryRef(`${host}/acme/app`).registry);
    expect(c?.password === 'ghs_secret').toBe(sent);
  });

  it.each([
    ['ghcr..io/acme/app', /registry host 'ghcr\.\.io'/],
    ['256.0.0.1:5000/x', /registry host '256\.0\.0\.1:5000'/],
    ['1.2.3.4.5:5000/x', /registry host/],
    ['[::1:5000/x', /registry host/],
    ['ghcr.io:99999/x', /registry host/],
    ['ghcr.io:/x', /registry host/],
    ['user@ghcr.io/x', /./],
  ])('refuses %s, naming the host', (input, why) => {
    expect(() => parseReference(input)).toThrow(GateError);
    expect(() => parseReference(input)).toThrow(why);
  });
});

describe('one identity per oci-layout directory', () => {
  it.each([
    'oci-layout://layouts/app',
    'oci-layout://layouts/./app',
    'oci-layout://layouts//app',
    'oci-layout://layouts/app/',
    'oci-layout://layouts/app//',
    'oci-layout://./layouts/app',
    'oci-layout://.//layouts/./app/.',
    `oci-layout://${cwd}/layouts/app`,
    `oci-layout://${cwd}//layouts/app/`,
  ])('%s is oci-layout://layouts/app', (spelling) => {
    const ref = parseReference(`${spelling}:v1`);
    expect(ref.identity).toBe('oci-layout://layouts/app');
    expect(ref.kind === 'oci-layout' && ref.dir).not.toMatch(/\/\/|\/\.\/|\/$/);
    expect(policyImageName(ref)).toBe('oci-layout://layouts/app:v1');
  });

  it.each([
    ['oci-layout:///srv/layouts/app', 'oci-layout:///srv/layouts/app'],
    ['oci-layout:////srv//layouts/app/', 'oci-layout:///srv/layouts/app'],
    ['oci-layout://../up/app', `oci-layout://${path.resolve(cwd, '..', 'up/app')}`],
    [
      `oci-layout://${path.dirname(cwd)}/up/app`,
      `oci-layout://${path.resolve(cwd, '..', 'up/app')}`,
    ],
  ])('%s is %s', (spelling, id) => expect(parseReference(spelling).identity).toBe(id));

  it.each([
    [`oci-layout://layouts/app:v1@${D}`, 'oci-layout://layouts/app:v1@' + D, 'layouts/app'],
    [`oci-layout://layouts/app@${D}`, 'oci-layout://layouts/app@' + D, 'layouts/app'],
    ['oci-layout://a:b/app:v1', 'oci-layout://a:b/app:v1', 'a:b/app'],
  ])('%s is %s, read from %s', (spelling, id, dir) => {
    const ref = parseReference(spelling);
    expect(referenceIdentity(ref)).toBe(id);
    expect(ref.kind === 'oci-layout' && ref.dir).toBe(dir);
  });

  it.each([
    'oci-layout://layouts/app:v1/',
    'oci-layout://layouts/app:v1/.',
    `oci-layout://x/a:b/@${D}`,
  ])('refuses %s: the directory name would read as a tag', (s) =>
    expect(() => parseReference(s)).toThrow(/reads as a tag/),
  );

  it.each(['oci-layout://a/../b', 'oci-layout://./a/b/../c:v1', 'oci-layout:///x/y/..'])(
    'refuses %s: a .. after a directory name is resolved past symlinks by the OS',
    (s) => expect(() => parseReference(s)).toThrow(/'\.\.' after a directory name/),
  );
});

describe('one identity per s3lo image', () => {
  it.each([
    ['local://store/app:v1', 'local://store/app'],
    ['local://./store/app:v1', 'local://store/app'],
    ['local://./store/team/app:v1', 'local://store/team/app'],
    ['local:///srv/team/app:v1', 'local:///srv/team/app'],
    ['s3://bucket/team/app:v1', 's3://bucket/team/app'],
  ])('%s is %s', (spelling, id) => {
    const ref = parseReference(spelling);
    expect(ref.identity).toBe(id);
    // The signed payload names the bucket as written: the pinned form keeps it.
    expect(pinnedReference(ref, D)).toBe(`${spelling}@${D}`);
  });

  it.each([
    ['x', '/w', '/w', 'x'],
    ['./x', '/w', '/w', 'x'],
    ['../x', '/w/y', '/w/y', '../x'],
    ['../x', '/w', '/w', '/x'],
    ['/x', '/w', '/w', '/x'],
    ['x', '/', '/', '/x'],
    ['/w', '/w/y', '/w/y', '/w'],
    ['../y', '/w/y', '/w/y', '../y'],
  ])('local root %s under %s is one root: %s → %s', (root, dir, _d, want) =>
    expect(canonicalLocalRoot(root, dir)).toBe(want),
  );
});

describe('policy rules are chosen by identity, not spelling', () => {
  // The strict rules come first; the lax catch-all must never get a spelling of a strict image.
  const policy = parsePolicyFile(
    `version: 1
unmatched: allow
rules:
  - name: ghcr
    images: ['GHCR.IO:443/acme/**']
    keys: [k.pub]
  - name: hub
    images: [nginx, 'docker.io/acme/*']
    keys: [k.pub]
  - name: local-registry
    images: ['127.000.000.001:5000/team/**', '[0:0::1]:5000/team/**']
    keys: [k.pub]
  - name: layout
    images: ['oci-layout://./layouts//app/']
    keys: [k.pub]
  - name: store
    images: ['local://./store/**']
    keys: [k.pub]
  - name: lax
    images: ['**']
    keys: [other.pub]
`,
    'policy.yaml',
  );
  const ruleOf = (image: string): string | undefined =>
    matchPolicyRule(policy, policyImageName(parseReference(image))).rule?.name;

  it.each([
    ['ghcr', SAME_REGISTRY_IMAGE[0][1].flatMap((s) => [s, `${s}:v1`, `${s}@${D}`])],
    ['hub', [...SAME_REGISTRY_IMAGE[1][1], ...SAME_REGISTRY_IMAGE[2][1].map((s) => `${s}:1`)]],
    ['local-registry', [...SAME_REGISTRY_IMAGE[3][1], ...SAME_REGISTRY_IMAGE[4][1]]],
    [
      'layout',
      [
        'oci-layout://layouts/app:v1',
        'oci-layout://layouts/./app',
        'oci-layout://layouts//app/',
        `oci-layout://${cwd}/layouts/app@${D}`,
      ],
    ],
    ['store', ['local://store/app:v1', 'local://./store/app:v1', 'local://./store/a/b:t']],
  ])('rule %s governs every spelling of its images', (rule, images) => {
    for (const image of images) expect([image, ruleOf(image)]).toEqual([image, rule]);
  });

  it.each([
    ['ghcr.io:8443/acme/app', 'lax'],
    ['ghcr.io/other/app', 'lax'],
    ['docker.io:5000/nginx', 'lax'],
    ['127.0.0.1:5001/team/app', 'lax'],
    ['oci-layout://layouts/app2', 'lax'],
    ['local://../store/app:v1', 'lax'],
  ])('%s is another image (rule %s)', (image, rule) => expect(ruleOf(image)).toBe(rule));

  it.each([
    ['nginx', 'index.docker.io/library/nginx'],
    ['DOCKER.IO/nginx', 'index.docker.io/library/nginx'],
    ['registry-1.docker.io:443/acme/*', 'index.docker.io/acme/*'],
    ['GHCR.IO:443/acme/**', 'ghcr.io/acme/**'],
    ['127.000.000.001:5000/x', '127.0.0.1:5000/x'],
    ['[::ffff:127.0.0.1]:5000/x', '127.0.0.1:5000/x'],
    ['localhost:80/x', 'localhost/x'],
    ['*.ACME.example:443/**', '*.acme.example/**'],
    ['oci-layout://./a//b/', 'oci-layout://a/b'],
    [`oci-layout://${cwd}/a/*`, 'oci-layout://a/*'],
    ['oci-layout://**', 'oci-layout://**'],
    ['local://./store/**', 'local://store/**'],
    ['local://**', 'local://**'],
    ['s3://bucket/**', 's3://bucket/**'],
  ])('glob %s is %s', (glob, want) => expect(normaliseGlob(glob)).toBe(want));

  it.each([
    ['ghcr.io/Acme/**', /upper-case/],
    ['ACME/app', /upper-case/],
    ['ghcr.io/acme//app', /empty, \. or \.\. path component/],
    ['ghcr.io/acme/app/', /empty, \. or \.\. path component/],
    ['ghcr.io/acme/./app', /empty, \. or \.\. path component/],
    ['local://store//app', /empty, \. or \.\. path component/],
  ])('glob %s can never match and is refused', (glob, why) => {
    expect(globNeverMatches(glob)).toMatch(why);
    expect(() =>
      parsePolicyFile(`version: 1\nrules:\n  - images: ['${glob}']\n    keys: [k.pub]\n`),
    ).toThrow(why);
  });

  it.each([
    ['ghcr..io/x', /registry host 'ghcr\.\.io' that is not valid/],
    ['300.1.1.1:5000/x', /registry host/],
    ['oci-layout://a/../b', /'\.\.' after a directory name/],
  ])('glob %s is refused naming the problem', (glob, why) => {
    expect(() =>
      parsePolicyFile(`version: 1\nrules:\n  - images: ['${glob}']\n    keys: [k.pub]\n`),
    ).toThrow(why);
  });

  it('keeps tags case-sensitive in globs and images', () => {
    const p = parsePolicyFile(
      `version: 1\nrules:\n  - name: upper\n    images: ['ghcr.io/acme/app:V1']\n    keys: [k.pub]\n`,
    );
    expect(
      matchPolicyRule(p, policyImageName(parseReference('GHCR.IO:443/acme/app:V1'))).rule?.name,
    ).toBe('upper');
    expect(
      matchPolicyRule(p, policyImageName(parseReference('ghcr.io/acme/app:v1'))).rule,
    ).toBeUndefined();
  });
});
