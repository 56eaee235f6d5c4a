// Scheme and target rules: plain HTTP only for loopback/insecure hosts, token realms and redirect
// targets never on loopback, link-local or metadata addresses unless the registry itself is local.
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, redactUrl } from '../../src/core/net/addresses.js';
import { apiHostFor, assertRealmAllowed, normalizeHost } from '../../src/core/registry/hosts.js';

const none = new Set<string>();

describe('registry hosts', () => {
  it.each([
    ['docker.io', 'registry-1.docker.io'],
    ['index.docker.io', 'registry-1.docker.io'],
    ['ghcr.io', 'ghcr.io'],
    ['127.0.0.1:5000', '127.0.0.1:5000'],
  ])('serves %s from %s', (name, api) => expect(apiHostFor(normalizeHost(name)!)).toBe(api));

  it.each([
    'localhost:5000',
    '127.0.0.1',
    '127.8.9.10:1',
    '[::1]:5000',
    'LOCALHOST',
    'x.localhost:80',
  ])('%s is loopback', (h) => expect(isLoopbackHost(normalizeHost(h)!)).toBe(true));
  it.each(['10.0.0.1:5000', 'ghcr.io', '169.254.169.254', 'localhost.evil.com', '128.0.0.1'])(
    '%s is not loopback',
    (h) => expect(isLoopbackHost(normalizeHost(h)!)).toBe(false),
  );
});

describe('assertRealmAllowed', () => {
  it.each([
    ['an https realm elsewhere', 'https://auth.example.com/token', 'registry.example.com'],
    ['a plain-http realm of a loopback registry', 'http://127.0.0.1:9999/token', '127.0.0.1:5000'],
    ['a loopback realm of a loopback registry', 'http://localhost:9999/token', 'localhost:5000'],
  ])('accepts %s', (_n, realm, registry) => {
    expect(assertRealmAllowed(realm, registry, none).href).toBe(new URL(realm).href);
  });

  it.each([
    [
      'the cloud metadata address',
      'https://169.254.169.254/latest/meta-data',
      'registry.example.com',
      none,
    ],
    [
      'the metadata address written as a decimal integer',
      'https://2852039166/token',
      'registry.example.com',
      none,
    ],
    [
      'an IPv4-mapped IPv6 metadata address',
      'https://[::ffff:169.254.169.254]/token',
      'registry.example.com',
      none,
    ],
    ['AWS IPv6 IMDS', 'https://[fd00:ec2::254]/token', 'registry.example.com', none],
    ['loopback', 'https://127.0.0.1/token', 'registry.example.com', none],
    ['localhost by name', 'https://localhost/token', 'registry.example.com', none],
    ['IPv6 loopback', 'https://[::1]/token', 'registry.example.com', none],
    ['the unspecified address', 'https://0.0.0.0/token', 'registry.example.com', none],
    ['IPv6 link-local', 'https://[fe80::1]/token', 'registry.example.com', none],
    [
      'plain http for an https registry',
      'http://auth.example.com/token',
      'registry.example.com',
      none,
    ],
    [
      'metadata for an insecure (http) but non-loopback registry',
      'http://169.254.169.254/token',
      'registry.test:5000',
      new Set(['registry.test:5000']),
    ],
    [
      'plain http to a host not listed as insecure',
      'http://auth.test/token',
      'registry.test:5000',
      new Set(['registry.test:5000']),
    ],
    ['a non-http scheme', 'file:///etc/passwd', 'registry.example.com', none],
    ['credentials in the URL', 'https://u:p@auth.example.com/token', 'registry.example.com', none],
    ['not a URL', '::nonsense', 'registry.example.com', none],
  ])('refuses %s with INSECURE', (_n, realm, registry, insecure) => {
    expect(() => assertRealmAllowed(realm, registry, insecure)).toThrow(
      expect.objectContaining({ code: 'INSECURE' }),
    );
  });
});

describe('redactUrl', () => {
  it('hides query values that can be credentials but keeps harmless ones', () => {
    const u = new URL(
      'https://s3.example/b?X-Amz-Signature=abc&X-Amz-Credential=key&artifactType=a%2Fb',
    );
    expect(redactUrl(u)).toBe(
      'https://s3.example/b?X-Amz-Signature=***&X-Amz-Credential=***&artifactType=a/b',
    );
  });
});
