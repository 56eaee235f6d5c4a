// The JUnit renderer (render/junit.ts): one testsuite per run, one testcase per image, counts
// that match, hostile text escaped, and every document valid against the schema Jenkins and
// GitLab read (test/fixtures/junit/junit.xsd, checked with xmllint).
import { describe, expect, it } from 'vitest';
import type { ImageResult, Report } from '../../src/core/report.js';
import { finishReport } from '../../src/core/report-finish.js';
import { renderJunit, repositoryOf } from '../../src/render/junit.js';
import { xmllint, xmllintAvailable, xpath } from '../helpers/xmllint.js';

const D = 'sha256:' + 'a'.repeat(64);

function result(over: Partial<ImageResult>): ImageResult {
  return {
    image: 'x',
    outcome: 'verified',
    verified: true,
    signatures: [],
    attestations: [],
    durationMs: 12,
    ...over,
  };
}

const policy = {
  keys: [{ keyRef: 'cosign.pub', keyID: '0123456789abcdef' }],
  identities: [],
  requireTlog: true,
  requireSct: true,
  trustRoot: 'embedded public-good',
};

function report(results: ImageResult[], more: Partial<Report> = {}): Report {
  return { ...finishReport({ startedAt: '2026-01-01T00:00:00.000Z', policy, results }), ...more };
}

const BATCH: ImageResult[] = [
  result({ image: 'ghcr.io/acme/app:1', digest: D }),
  result({
    image: 'ghcr.io/acme/unsigned:1',
    outcome: 'failed',
    verified: false,
    code: 'UNSIGNED',
    reason: 'no signature found',
    digest: D,
    rejected: [{ where: 'sha256-aaa.sig', code: 'SIGNATURE_INVALID', reason: 'bad sig' }],
  }),
  result({
    image: 'registry.lan:5000/a/b@' + D,
    outcome: 'error',
    verified: false,
    code: 'NETWORK',
    reason: 'connection refused',
  }),
  result({
    image: 'ghcr.io/acme/late:1',
    outcome: 'skipped',
    verified: false,
    reason: 'fail-fast',
  }),
  result({
    image: 'docker.io/library/nginx:1',
    outcome: 'allowed',
    verified: false,
    reason: 'no policy rule matches',
  }),
];

const count = (xml: string, expr: string): number => Number(xpath(xml, `count(${expr})`));
const str = (xml: string, expr: string): string => xpath(xml, `string(${expr})`);

describe.skipIf(!xmllintAvailable)('JUnit XML', () => {
  it('one testsuite, one testcase per image, counts by outcome, valid against the schema', () => {
    const xml = renderJunit(report(BATCH));
    expect(xmllint(xml)).toEqual({ ok: true, messages: expect.any(String) as string });
    expect(count(xml, '/testsuites/testsuite')).toBe(1);
    expect(count(xml, '//testcase')).toBe(5);
    for (const el of ['/testsuites', '/testsuites/testsuite']) {
      expect(str(xml, `${el}/@tests`)).toBe('5');
      expect(str(xml, `${el}/@failures`)).toBe('1');
      expect(str(xml, `${el}/@errors`)).toBe('1');
      expect(str(xml, `${el}/@skipped`)).toBe('2');
    }
    expect(count(xml, '//testcase/failure')).toBe(1);
    expect(count(xml, '//testcase/error')).toBe(1);
    expect(count(xml, '//testcase/skipped')).toBe(2);
    expect(str(xml, '/testsuites/testsuite/@timestamp')).toBe('2026-01-01T00:00:00');
  });

  it('names each testcase by image and classname by registry/repository', () => {
    const xml = renderJunit(report(BATCH));
    const names = BATCH.map((_r, i) => str(xml, `//testcase[${i + 1}]/@name`));
    expect(names).toEqual(BATCH.map((r) => r.image));
    expect(str(xml, '//testcase[3]/@classname')).toBe('registry.lan:5000/a/b');
    expect(str(xml, '//testcase[1]/@time')).toBe('0.012');
  });

  it('failure: message is the reason, type the code, the body the evidence', () => {
    const xml = renderJunit(report(BATCH));
    expect(str(xml, '//testcase[2]/failure/@message')).toBe('no signature found');
    expect(str(xml, '//testcase[2]/failure/@type')).toBe('UNSIGNED');
    const body = str(xml, '//testcase[2]/failure');
    expect(body).toContain(`digest: ${D}`);
    expect(body).toContain('rejected sha256-aaa.sig: SIGNATURE_INVALID bad sig');
    expect(str(xml, '//testcase[3]/error/@type')).toBe('NETWORK');
    expect(str(xml, '//testcase[3]/error/@message')).toBe('connection refused');
    expect(str(xml, '//testcase[4]/skipped/@message')).toBe('fail-fast');
    expect(str(xml, '//testcase[5]/skipped/@message')).toMatch(/^allowed without verification: /);
  });

  it.each([
    ['markup in an image name', '<evil a="1">&amp;</evil>', 'reason'],
    ['CDATA end in a reason', 'a', 'x ]]> y'],
    ['quotes both kinds', `a"b'c`, `"'`],
    ['C0 controls XML forbids', 'a\u0000b\u0001c', 'esc \u001b[2J bel \u0007'],
    ['noncharacters U+FFFE/U+FFFF', 'a\ufffe', 'b\uffff'],
    ['a lone surrogate', 'a\ud800', '\udc00b'],
    ['bidi override', 'sha256:\u202e4321', '\u2066x\u2069'],
    ['line breaks and tabs', 'a\nb', 'line1\r\nline2\tend'],
  ])('%s: the document stays valid and shows the text escaped', (_n, image, reason) => {
    const xml = renderJunit(
      report([result({ image, outcome: 'failed', verified: false, code: 'UNSIGNED', reason })]),
    );
    const lint = xmllint(xml);
    expect(lint.messages).not.toMatch(/error/i);
    expect(lint.ok).toBe(true);
    expect(count(xml, '//testcase')).toBe(1);
    expect(count(xml, '//evil')).toBe(0);
    const shownReason = str(xml, '//failure/@message');
    expect(shownReason).not.toMatch(/[\p{Cc}\u202e\u2066\u2069]/u);
    expect(shownReason.replace(/\\u[0-9a-f]{4}|\\[nrt]/g, '')).toBe(
      reason.replace(/[\p{Cc}\p{Cs}\u202e\u2066\u2069\ufffe\uffff]/gu, ''),
    );
  });

  it('an outcome a merged file holds that we do not know is an error, never a pass', () => {
    const odd = result({ image: 'a', outcome: 'bogus' as ImageResult['outcome'], verified: false });
    const xml = renderJunit(report([odd]));
    expect(xmllint(xml).ok).toBe(true);
    expect(str(xml, '/testsuites/@errors')).toBe('1');
    expect(count(xml, '//testcase/error')).toBe(1);
  });

  it('a run that could not start: every image an error, the reason in system-err', () => {
    const err = { code: 'KEY_UNREADABLE' as const, message: 'key: no file at ./cosign.pub' };
    const results = ['a:1', 'b:1'].map((image) =>
      result({ image, outcome: 'error', verified: false, code: err.code, reason: err.message }),
    );
    const xml = renderJunit(report(results, { error: err }));
    expect(xmllint(xml).ok).toBe(true);
    expect(str(xml, '/testsuites/@errors')).toBe('2');
    expect(str(xml, '//testsuite/system-err')).toBe('KEY_UNREADABLE: key: no file at ./cosign.pub');
  });

  it('report warnings go to the suite system-out; an empty batch is still a valid suite', () => {
    const xml = renderJunit(
      report([result({ image: 'a' })], { warnings: ['root expires <soon>'] }),
    );
    expect(xmllint(xml).ok).toBe(true);
    expect(str(xml, '//testsuite/system-out')).toBe('warning: root expires <soon>');
    const empty = renderJunit(report([]));
    expect(xmllint(empty).ok).toBe(true);
    expect(str(empty, '/testsuites/@tests')).toBe('0');
  });

  it('the schema is not lax: it refuses a document the readers would misread', () => {
    const good = renderJunit(report(BATCH));
    expect(xmllint(good.replace('tests="5"', 'tests="five"')).ok).toBe(false);
    expect(xmllint(good.replace(/ type="UNSIGNED"/, '')).ok).toBe(false);
    expect(
      xmllint(good.replace('<testsuite ', '<suite ').replace('</testsuite>', '</suite>')).ok,
    ).toBe(false);
  });
});

describe('repositoryOf', () => {
  it.each([
    ['ghcr.io/acme/app:v1', 'ghcr.io/acme/app'],
    [`ghcr.io/acme/app:v1@${D}`, 'ghcr.io/acme/app'],
    [`ghcr.io/acme/app@${D}`, 'ghcr.io/acme/app'],
    ['localhost:5000/a/b', 'localhost:5000/a/b'],
    ['localhost:5000/a/b:2', 'localhost:5000/a/b'],
    ['oci-layout://examples/layout:unsigned', 'oci-layout://examples/layout'],
    ['oci-layout://dir', 'oci-layout://dir'],
    ['s3://bucket/image:tag', 's3://bucket/image'],
    ['nginx', 'nginx'],
  ])('%s -> %s', (image, want) => expect(repositoryOf({ image })).toBe(want));

  it('uses the normalised identity when the result has one', () => {
    expect(
      repositoryOf({ image: 'GHCR.IO:443/acme/app:v1', identity: 'ghcr.io/acme/app:v1' }),
    ).toBe('ghcr.io/acme/app');
  });
});
