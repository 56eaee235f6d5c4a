// Issue 10 item 5: registry content (an index's platform os/architecture/variant, OCI error
// text) carrying line breaks, escape sequences, bidi and workflow commands, through dist/cli.js
// and dist/index.js: it must reach stdout, the Actions log, the summary and GITHUB_OUTPUT
// escaped, never as a line, a command, a sequence, a tag or a link of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { generateKeyPair, writePublicKey } from '../helpers/cosign-keys.js';
import { pushLegacySignatures } from '../helpers/cosign-push.js';
import { startFake, type FakeRegistry } from '../helpers/fake-registry.js';
import {
  descriptor,
  pushIndex,
  randomImage,
  signLegacy,
  startSigningRegistry,
} from '../helpers/images.js';
import { pushImage } from '../helpers/oci-push.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli } from '../helpers/run-dist.js';

const REPO = 'acme/hostile';

/** Platform fields as a hostile index sets them (the real registry stores them as given). */
const PLATFORMS = [
  {
    os: 'linux\n::warning::pwned\r✓ Verified ghcr.io/acme/app',
    architecture: 'amd64\u001b]0;owned\u0007\u001b[2J',
    variant: '\u202ev8 <script>alert(1)</script> | x',
  },
  {
    os: 'linux\r\n::add-mask::mask-me',
    architecture: '\u009b31m\n  ::stop-commands::stoptoken',
    variant: '[x](https://evil.example) ##[error]fake\u2028::error::y',
  },
];

/** OCI error text a registry answers with. */
const ERROR_TEXT =
  '\u202eexe.fdp <script>x</script> | [fix](https://evil.example) ::warning::w ##[error]e \u2066`x`\u2069';

/** Anything a terminal or the log viewer would interpret: everything but LF. */
const RAW = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** A log line the runner would take as a workflow command we did not write. */
const FOREIGN_COMMAND =
  /^\s*(::(?!((group|endgroup|error|debug|add-mask)::|(error|warning) title=image-gate::))|.*##\[)/;

let reg: StartedRegistry;
let fake: FakeRegistry;
let root: string;
let pub: string;
let ref: string;
let annotatedRef: string;

/** Annotation text (JSON.stringify in a message escapes C0, not C1 or bidi). */
const ANNOTATION_TEXT =
  '\u202e\u009b31m </details><script>x</script> | [a](https://evil.example) ::warning::ann';

beforeAll(async () => {
  const s = await startSigningRegistry('injection-');
  ({ reg, root } = s);
  const { ss, dir } = s;
  const kp = generateKeyPair();
  pub = writePublicKey(dir, kp, 'cosign.pub');
  const manifests = [];
  for (const [i, platform] of PLATFORMS.entries())
    manifests.push(descriptor(await randomImage(reg, REPO, `p${i}`), platform));
  const index = await pushIndex(reg, REPO, 'v1', manifests);
  await signLegacy(s, index, { key: kp });
  ref = index.ref;
  // A .sig layer whose cosign bundle annotation carries hostile text in a field we quote.
  const annotated = await pushImage(reg.host, REPO, 'annotated');
  const layer = ss.signLegacyKey({
    imageDigest: annotated.digest,
    dockerReference: `${reg.host}/${REPO}`,
    ...kp,
  });
  await pushLegacySignatures(reg.host, REPO, annotated.digest, [
    {
      payload: layer.payload,
      annotations: {
        ...layer.annotations,
        'dev.sigstore.cosign/bundle': JSON.stringify({
          SignedEntryTimestamp: 'AAAA',
          Payload: { body: 'e30=', integratedTime: ANNOTATION_TEXT, logIndex: 1, logID: 'ab' },
        }),
      },
    },
  ]);
  annotatedRef = `${reg.host}/${REPO}:annotated`;
  fake = await startFake((_req, res) => {
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ code: 'DENIED', message: ERROR_TEXT }] }));
  });
}, 120_000);

afterAll(async () => {
  await reg?.stop();
  await fake?.close();
});

function expectCleanText(text: string): void {
  expect(text).not.toMatch(RAW);
  for (const line of text.split('\n')) {
    expect(line.trimStart()).not.toMatch(/^::/);
    expect(line).not.toMatch(/^\s*✓ Verified/);
  }
}

function expectCleanLog(stdout: string): void {
  expect(stdout).not.toMatch(RAW);
  for (const line of stdout.split('\n')) expect(line).not.toMatch(FOREIGN_COMMAND);
  expect(stdout).not.toMatch(/^::add-mask::mask-me/m);
  expect(stdout).not.toMatch(/^\s*::stop-commands::/m);
}

function expectCleanSummary(md: string): void {
  expect(md).not.toMatch(RAW);
  expect(md).not.toMatch(/<script|\]\(|:\/\/evil|\| forged/);
  // Every row has the cells of its table's header: no value ended a cell or began a row.
  let cells = 0;
  for (const line of md.split('\n')) {
    const n = (line.match(/\|/g) ?? []).length;
    if (/^\| (Image|Verdict) \|/.test(line)) cells = n;
    else if (line.startsWith('|')) expect(n).toBe(cells);
  }
}

describe('hostile platform fields (real registry)', () => {
  it('CLI text: every platform is shown escaped on its own line, nothing interpreted', async () => {
    const run = await runCli([
      'verify',
      '--trusted-root',
      root,
      '--key',
      pub,
      '--platforms',
      'all',
      ref,
    ]);
    expect(run.code).toBe(1);
    expectCleanText(run.stdout);
    expectCleanText(run.stderr);
    expect(run.stdout).toContain('linux\\n::warning::pwned\\r✓ Verified');
    expect(run.stdout).toContain('\\u001b]0;owned\\u0007');
    expect(run.stdout).toContain('\\u202ev8');
    // One line per platform, as for any index.
    expect(run.stdout.split('\n').filter((l) => l.startsWith('  Platform '))).toHaveLength(2);
  });

  it('CLI JSON: valid, equal to what the registry holds, with no raw control on stdout', async () => {
    const run = await runCli([
      'verify',
      '--output',
      'json',
      '--trusted-root',
      root,
      '--key',
      pub,
      '--platforms',
      'all',
      ref,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(RAW);
    const r = (JSON.parse(run.stdout) as Report).results[0];
    expect(r.platforms!.map((p) => p.platform)).toEqual(
      PLATFORMS.map((p) => `${p.os}/${p.architecture}/${p.variant}`),
    );
  });

  it('Action: log, summary and outputs carry the platforms escaped', async () => {
    const run = await runAction({ images: ref, key: pub, 'trusted-root': root, platforms: 'all' });
    expect(run.code).toBe(1);
    expectCleanLog(run.stdout);
    expectCleanSummary(run.summary);
    expect(run.summary).toContain('&lt;script&gt;');
    expect(run.stdout).toContain('\\u003a:warning::pwned');
    expect(run.outputs.verified).toBe('false');
    expect(Object.keys(run.outputs).sort()).toEqual([
      'digests',
      'error-count',
      'failed',
      'failed-count',
      'outcome',
      'pinned',
      'report-path',
      'skipped-count',
      'verified',
      'verified-count',
    ]);
  });
});

describe('hostile signature annotation (real registry)', () => {
  it('CLI and Action show the rejected candidate escaped', async () => {
    const cli = await runCli(['verify', '--trusted-root', root, '--key', pub, annotatedRef]);
    const json = await runCli([
      'verify',
      '--output',
      'json',
      '--trusted-root',
      root,
      '--key',
      pub,
      annotatedRef,
    ]);
    expect(cli.code).toBe(1);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\u202e');
    expect(json.stdout).not.toMatch(RAW);
    expectCleanText(cli.stdout);
    expectCleanText(cli.stderr);
    const run = await runAction({ images: annotatedRef, key: pub, 'trusted-root': root });
    expect(run.code).toBe(1);
    expectCleanLog(run.stdout);
    expectCleanSummary(run.summary);
  });
});

describe('hostile OCI error text (fake registry)', () => {
  it('CLI: the quoted error is escaped on stdout and stderr', async () => {
    const run = await runCli([
      'verify',
      '--trusted-root',
      root,
      '--key',
      pub,
      `${fake.host}/acme/app:1`,
    ]);
    expect(run.code).toBe(2);
    expectCleanText(run.stdout);
    expectCleanText(run.stderr);
    expect(run.stdout).toContain('DENIED: \\u202eexe.fdp');
  });

  it('Action: the quoted error is escaped in the log, the failure and the summary', async () => {
    const run = await runAction({
      images: `${fake.host}/acme/app:1`,
      key: pub,
      'trusted-root': root,
    });
    expect(run.code).toBe(1);
    expectCleanLog(run.stdout);
    expectCleanSummary(run.summary);
    expect(run.summary).toContain('&lt;script&gt;');
    expect(run.stdout).toMatch(/^::error::image-gate: .*\\u202eexe\.fdp/m);
    // The image's own annotation quotes it the same way.
    expect(run.stdout).toMatch(/^::error title=image-gate::.*\\u202eexe\.fdp/m);
  });
});
