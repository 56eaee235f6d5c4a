// The statement a shard report is signed under, and the checks merge makes of a verified one:
// exactly one subject whose sha256 is the report's bytes, our predicate type, an in-toto v1
// Statement. The signer options of merge (--shard-key | --shard-identity + issuer), checked.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { finishReport } from '../../src/core/report-finish.js';
import type { InTotoStatement } from '../../src/core/signatures/statement.js';
import {
  REPORT_PREDICATE_TYPE,
  reportBundlePath,
  reportStatement,
  reportStatementProblem,
} from '../../src/core/summaries/report-signature.js';
import { shardSignerOf } from '../../src/core/summaries/shard-signer.js';

const report = finishReport({
  startedAt: '2026-01-01T00:00:00Z',
  policy: { keys: [], identities: [], requireTlog: true, requireSct: true, trustRoot: 'x' },
  results: [],
});
const bytes = Buffer.from(`${JSON.stringify(report, null, 2)}\n`);
const hex = createHash('sha256').update(bytes).digest('hex');
const good = (): InTotoStatement => reportStatement(bytes, 'report.json', report);

describe('reportStatement', () => {
  it('names the report file by its sha256 under our predicate type, with run and policy', () => {
    expect(good()).toEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'report.json', digest: { sha256: hex } }],
      predicateType: 'https://github.com/acme/image-gate/report/v1',
      predicate: {
        runId: report.runId,
        policyDigest: report.policyDigest,
        outcome: report.outcome,
      },
    });
    expect(REPORT_PREDICATE_TYPE).toBe('https://github.com/acme/image-gate/report/v1');
    expect(reportBundlePath('out/r.json')).toBe('out/r.json.sigstore.json');
  });

  it('carries the shard a sharded report was cut as', () => {
    const shard = { index: 2, count: 3, totalImages: 7, setDigest: `sha256:${'a'.repeat(64)}` };
    const s = reportStatement(bytes, 'r.json', { ...report, shard });
    expect((s.predicate as { shard: unknown }).shard).toEqual(shard);
  });
});

describe('reportStatementProblem', () => {
  it('accepts the statement of these exact bytes, under any subject name', () => {
    expect(reportStatementProblem(good(), bytes)).toBeUndefined();
    const renamed = {
      ...good(),
      subject: [{ name: 'shard-2/report.json', digest: { sha256: hex } }],
    };
    expect(reportStatementProblem(renamed, bytes)).toBeUndefined();
  });

  const flipped = Buffer.from(bytes);
  flipped[10] ^= 1;
  it.each<[string, InTotoStatement | undefined, Uint8Array, RegExp]>([
    [
      'bytes changed by one bit',
      good(),
      flipped,
      /was edited after signing: its bytes have sha256:/,
    ],
    [
      'one byte appended',
      good(),
      Buffer.concat([bytes, Buffer.from(' ')]),
      /was edited after signing/,
    ],
    [
      'a message signature (no statement)',
      undefined,
      bytes,
      /message signature, not a signed statement/,
    ],
    [
      'a VSA',
      { ...good(), predicateType: 'https://slsa.dev/verification_summary/v1' },
      bytes,
      /predicate type "https:\/\/slsa.dev\/verification_summary\/v1", not https:\/\/github.com\/acme\/image-gate\/report\/v1/,
    ],
    [
      'in-toto v0.1',
      { ...good(), _type: 'https://in-toto.io/Statement/v0.1' },
      bytes,
      /of type "https:\/\/in-toto.io\/Statement\/v0.1"/,
    ],
    [
      'two subjects',
      { ...good(), subject: [...good().subject, { name: 'x', digest: { sha256: hex } }] },
      bytes,
      /names 2 subjects/,
    ],
    ['no subject', { ...good(), subject: [] }, bytes, /names 0 subjects/],
    [
      'a sha512 subject only',
      { ...good(), subject: [{ name: 'r', digest: { sha512: hex } }] },
      bytes,
      /covers sha256:undefined/,
    ],
    [
      'the digest upper-cased',
      { ...good(), subject: [{ name: 'r', digest: { sha256: hex.toUpperCase() } }] },
      bytes,
      /was edited after signing/,
    ],
  ])('refuses %s', (_, statement, b, message) => {
    expect(reportStatementProblem(statement, b)).toMatch(message);
  });
});

describe('shardSignerOf', () => {
  const spell = (n: 'key' | 'identity' | 'issuer') => `--shard-${n}`;
  it.each([
    [{}, undefined],
    [{ key: 'k.pub' }, { keyRef: 'k.pub' }],
    [
      { identity: 'i', issuer: 'o' },
      { identity: 'i', issuer: 'o' },
    ],
  ])('%j -> %j', (given, want) => {
    expect(shardSignerOf(given, spell)).toEqual(want);
  });
  it.each([
    [
      { key: 'k.pub', identity: 'i', issuer: 'o' },
      /--shard-key \('k.pub'\) excludes --shard-identity\/--shard-issuer/,
    ],
    [{ identity: 'i' }, /--shard-identity and --shard-issuer need each other/],
    [{ issuer: 'o' }, /need each other/],
  ])('refuses %j', (given, message) => {
    expect(() => shardSignerOf(given, spell)).toThrow(message);
  });
});
