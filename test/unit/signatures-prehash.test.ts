import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyPrehashed } from '../../src/core/signatures/prehash.js';

const message = Buffer.from('hello, digest-only verification');

describe('verifyPrehashed', () => {
  it.each([
    ['P-256 / sha256', { namedCurve: 'P-256' }, 'sha256'],
    ['P-384 / sha384', { namedCurve: 'P-384' }, 'sha384'],
    ['P-256 / sha512 (hash truncated to the curve size)', { namedCurve: 'P-256' }, 'sha512'],
  ] as const)('accepts an ECDSA %s signature made by node:crypto', (_n, opts, hash) => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', opts);
    const sig = sign(hash, message, privateKey);
    const digest = createHash(hash).update(message).digest();
    expect(verifyPrehashed(publicKey, digest, sig)).toEqual({ ok: true });
    const other = createHash(hash).update('another message').digest();
    expect(verifyPrehashed(publicKey, other, sig).ok).toBe(false);
    const otherKey = generateKeyPairSync('ec', opts).publicKey;
    expect(verifyPrehashed(otherKey, digest, sig).ok).toBe(false);
  });

  it('accepts an RSA PKCS#1 v1.5 signature and rejects a different digest', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const sig = sign('sha256', message, privateKey);
    const digest = createHash('sha256').update(message).digest();
    expect(verifyPrehashed(publicKey, digest, sig).ok).toBe(true);
    expect(verifyPrehashed(publicKey, createHash('sha256').update('x').digest(), sig).ok).toBe(
      false,
    );
  });

  it.each([
    ['r = 0', Buffer.from('3006020100020101', 'hex')],
    ['non-minimal integer', Buffer.from('300802020001020201ff', 'hex')],
    ['trailing bytes', Buffer.from('30060201010201010000', 'hex')],
    ['not a sequence', Buffer.from('31060201010201 01'.replace(' ', ''), 'hex')],
  ])('rejects a malformed ECDSA signature (%s)', (_n, sig) => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(verifyPrehashed(publicKey, Buffer.alloc(32, 1), sig).ok).toBe(false);
  });

  it('says ed25519 cannot verify a bare digest', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const r = verifyPrehashed(publicKey, Buffer.alloc(32), Buffer.alloc(64));
    expect(r.ok).toBe(false);
    expect(r.unsupported).toMatch(/ed25519/);
  });
});
