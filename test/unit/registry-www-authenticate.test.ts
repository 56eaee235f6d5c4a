// WWW-Authenticate parsing: the inputs registries really send, and the odd ones.
import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from '../../src/core/registry/www-authenticate.js';

describe('parseWwwAuthenticate', () => {
  it.each([
    [
      'Docker Hub style bearer',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/nginx:pull',
          },
        },
      ],
    ],
    [
      'basic with realm',
      'Basic realm="Registry Realm"',
      [{ scheme: 'basic', params: { realm: 'Registry Realm' } }],
    ],
    [
      'spaces around = and commas',
      'bearer  realm = "r" ,  service="s"',
      [{ scheme: 'bearer', params: { realm: 'r', service: 's' } }],
    ],
    [
      'unquoted values with slashes',
      'Bearer realm=https://x.example/token,service=x',
      [{ scheme: 'bearer', params: { realm: 'https://x.example/token', service: 'x' } }],
    ],
    [
      'escaped quotes and commas inside quotes',
      'Bearer realm="a\\"b,c",scope="repository:a:pull,push"',
      [{ scheme: 'bearer', params: { realm: 'a"b,c', scope: 'repository:a:pull,push' } }],
    ],
    [
      'two challenges in one header',
      'Basic realm="b", Bearer realm="https://t", service="s"',
      [
        { scheme: 'basic', params: { realm: 'b' } },
        { scheme: 'bearer', params: { realm: 'https://t', service: 's' } },
      ],
    ],
    [
      'a token68 challenge followed by a bearer one',
      'Negotiate abc==, Bearer realm="r"',
      [
        { scheme: 'negotiate', params: {} },
        { scheme: 'bearer', params: { realm: 'r' } },
      ],
    ],
    [
      'the first of duplicate parameters wins',
      'Bearer realm="first",realm="second"',
      [{ scheme: 'bearer', params: { realm: 'first' } }],
    ],
    [
      'an unterminated quote drops the broken parameter',
      'Bearer service="s",realm="https://x',
      [{ scheme: 'bearer', params: { service: 's' } }],
    ],
    ['an empty header', '', []],
  ])('parses %s', (_name, header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected);
  });
});
