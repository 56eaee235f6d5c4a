// Issue 13 item 5: the CLI as people expect one. Usage errors name the nearest known flag or
// command and the command's help (never parseArgs's hint), and are JSON with --output json; a
// run-level error is said once; --quiet, --verbose, colour, the progress line, the recap, the
// registry credential flags and --report's directory. Runs main() over the committed examples.
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { main } from '../../src/cli/main.js';
import { nearest } from '../../src/cli/suggest.js';
import { colourText, renderReportText, useColour } from '../../src/render/text.js';
import type { ImageResult, Report } from '../../src/core/report.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EX = path.join(ROOT, 'examples');
const signed = `oci-layout://${path.join(EX, 'layout')}:signed`;
const unsigned = `oci-layout://${path.join(EX, 'layout')}:unsigned`;
const TRUST = ['--trusted-root', path.join(EX, 'trusted_root.json')];
const KEY = [...TRUST, '--key', path.join(EX, 'cosign.pub')];

async function run(
  args: string[],
  o: { env?: NodeJS.ProcessEnv; isTTY?: boolean; stdoutTTY?: boolean; stdin?: string } = {},
) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: o.env ?? {},
    isTTY: o.isTTY ?? false,
    ...(o.stdoutTTY !== undefined ? { stdoutTTY: o.stdoutTTY } : {}),
    ...(o.stdin !== undefined ? { readStdin: () => Promise.resolve(o.stdin!) } : {}),
  });
  return { code, stdout, stderr };
}

describe('usage errors name the nearest known flag or command', () => {
  it.each([
    [
      ['verify', '--certificate-identiy', 'x', 'a'],
      '--certificate-identiy (did you mean --certificate-identity?)',
      'verify --help',
    ],
    [
      ['verify', '--identity', 'x', 'a'],
      '--identity (did you mean --certificate-identity?)',
      'verify --help',
    ],
    [
      ['verify', '--insecure-registries', 'h', 'a'],
      'did you mean --insecure-registry?',
      'verify --help',
    ],
    [['verify', '--polcy', 'p.yaml', 'a'], 'did you mean --policy?', 'verify --help'],
    [['merge', '--reprot', 'r.json', 'x'], 'did you mean --report?', 'merge --help'],
    [
      ['verify-bundle', '--bundel', 'b.json', 'f'],
      'did you mean --bundle?',
      'verify-bundle --help',
    ],
    [['verfy', 'a'], "unknown command 'verfy' (did you mean verify?)", 'image-gate --help'],
    [['marge', 'a'], 'did you mean merge?', 'image-gate --help'],
    [['images', '--images-fle', 'x'], 'did you mean --images-file?', 'images --help'],
    [['revoke', '--list', 'l.json', '--kidn', 'digest'], 'did you mean --kind?', 'revoke --help'],
    [['revoke', '--reasn', 'x'], '--reasn (did you mean --reason?)', 'revoke --help'],
    [['revoke', 'stray'], "unexpected argument 'stray'", 'revoke --help'],
  ])('%j', async (argv, said, help) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(said);
    expect(r.stderr).toContain(help);
    expect(r.stderr).not.toMatch(/positional argument|place it at the end/);
  });

  it('suggests nothing when nothing is close', async () => {
    const r = await run(['verify', '--zzzzzz', 'a']);
    expect(r.stderr).toBe(
      'image-gate: verify: unknown flag --zzzzzz; see image-gate verify --help\n',
    );
    expect(nearest('qqqq', ['verify', 'merge'])).toBeUndefined();
  });

  it('of several names containing the word, names the plainest (fewest parts), then the first', () => {
    const known = ['revocations-certificate-identity', 'certificate-identity', 'summary-identity'];
    expect(nearest('identity', known)).toBe('certificate-identity');
    expect(nearest('identity', ['summary-identity', 'revocations-certificate-identity'])).toBe(
      'summary-identity',
    );
    expect(
      nearest('oidc', ['revocations-certificate-oidc-issuer', 'certificate-oidc-issuer']),
    ).toBe('certificate-oidc-issuer');
  });

  it.each([
    [['verify', '--offline=yes', 'a'], '--offline is a switch and takes no value'],
    [['verify', 'a', '--key'], '--key needs a value'],
    [['merge', '--quiet=1', 'x'], '--quiet is a switch and takes no value'],
  ])('rewords parseArgs value errors: %j', async (argv, said) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(said);
  });
});

describe('--output json usage errors are a JSON document', () => {
  it.each([
    [['verify', '--output', 'json', '--foo', 'a'], '--foo'],
    [['verify', '-o', 'json', '--timeout', '5', 'a'], "--timeout: '5' has no unit"],
    [['verify', '--output=json', '--platforms', 'linux/amd65', 'a'], 'amd65'],
    [['merge', '-o', 'json'], 'merge: no report'],
    [['merge', '-o', 'json', '/nonexistent/r.json'], '/nonexistent/r.json'],
  ])('%j', async (argv, said) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as {
      error: { code: string; message: string };
      tool: { name: string };
    };
    expect(doc.error.code).toBe('USAGE');
    expect(doc.error.message).toContain(said);
    expect(doc.tool.name).toBe('image-gate');
  });
});

describe('per-command help', () => {
  it.each([
    [['verify', '--help'], 'Usage: image-gate verify '],
    [['verify-bundle', '--help'], 'Usage: image-gate verify-bundle '],
    [['merge', '--help'], 'Usage: image-gate merge '],
    [['merge', '-h'], 'Usage: image-gate merge '],
    [['help', 'merge'], 'Usage: image-gate merge '],
  ])('%j', async (argv, head) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(head)).toBe(true);
  });
});

describe('run output', () => {
  it('says a run-level error once, not under every image', async () => {
    const r = await run([
      'verify',
      ...TRUST,
      '--key',
      '/nonexistent/k.pub',
      signed,
      unsigned,
      signed,
    ]);
    expect(r.code).toBe(2);
    const all = r.stdout + r.stderr;
    expect(all.split('/nonexistent/k.pub').length - 1).toBe(1);
    expect(r.stdout).toContain('3 image(s): 0 verified, 0 failed, 3 error(s)');
  });

  it('--quiet prints only failures, and nothing when all verify', async () => {
    const bad = await run(['verify', '-q', ...KEY, signed, unsigned]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`FAILED for ${unsigned}`);
    expect(bad.stdout).not.toContain(`Verified ${signed}`);
    expect(bad.stderr).toBe('');
    const good = await run(['verify', '--quiet', ...KEY, signed, signed]);
    expect(good.code).toBe(0);
    expect(good.stdout + good.stderr).toBe('');
  });

  it('--verbose prints the HTTP trace on stderr, stdout stays the result', async () => {
    // A real HTTP server on loopback that has no images: every request is traced.
    const server = createServer((req, res) => {
      res.writeHead(req.url === '/v2/' ? 200 : 404, { 'content-type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    try {
      const image = `127.0.0.1:${port}/app:1`;
      const r = await run(['verify', '--verbose', '--output', 'json', ...KEY, image]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(`^debug: GET http://127\\.0\\.0\\.1:${port}/v2/\\S* → \\d{3}`, 'm'),
      );
      expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'failed' });
      const plain = await run(['verify', '--output', 'json', ...KEY, image]);
      expect(plain.stderr).not.toMatch(/^debug: /m);
    } finally {
      server.close();
    }
  });

  it('clears the progress count before the final lines on a terminal', async () => {
    const r = await run(['verify', ...KEY, signed, unsigned], { isTTY: true });
    expect(r.stderr.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('colours headlines on a terminal, honouring NO_COLOR and FORCE_COLOR', async () => {
    const tty = await run(['verify', ...KEY, signed], { stdoutTTY: true });
    expect(tty.stdout).toContain('\x1b[32m✓ Verified');
    expect(
      (await run(['verify', ...KEY, signed], { stdoutTTY: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toContain('\x1b[');
    expect((await run(['verify', ...KEY, signed], { stdoutTTY: false })).stdout).not.toContain(
      '\x1b[',
    );
    expect(
      (await run(['verify', ...KEY, unsigned], { stdoutTTY: false, env: { FORCE_COLOR: '1' } }))
        .stdout,
    ).toContain('\x1b[31m✗ Verification FAILED');
    expect(useColour({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(useColour({ NO_COLOR: '' }, true)).toBe(true);
    expect(useColour({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
  });

  it('colour never lets a value carry an escape sequence', () => {
    // Values were escaped before colouring: only the renderer's own codes appear.
    expect(colourText('✓ Verified a\\u001b[31mb')).toBe('\x1b[32m✓ Verified a\\u001b[31mb\x1b[0m');
  });

  it('--report creates its directory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cli-report-'));
    const file = path.join(dir, 'a', 'b', 'report.json');
    const r = await run(['verify', ...KEY, '--report', file, signed]);
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ outcome: 'verified' });
  });

  it('a verify-bundle usage error says ERROR, not FAILED', async () => {
    const r = await run([
      'verify-bundle',
      '--bundle',
      '/nonexistent/b.json',
      '--key',
      path.join(EX, 'cosign.pub'),
      'sha256:' + '0'.repeat(64),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('✗ Verification ERROR');
    expect(r.stderr).not.toContain('FAILED');
  });
});

describe('the failure recap after a long batch', () => {
  const result = (i: number, outcome: ImageResult['outcome']): ImageResult =>
    ({
      image: `reg/app:${i}`,
      outcome,
      signatures: [],
      attestations: [],
      ...(outcome === 'verified' ? {} : { reason: `reason ${i}` }),
    }) as unknown as ImageResult;
  const report = (n: number, bad: number[]): Report =>
    ({
      results: Array.from({ length: n }, (_, i) =>
        result(i, bad.includes(i) ? 'failed' : 'verified'),
      ),
    }) as unknown as Report;

  it('lists the failures again at the end after more than 20 images', () => {
    const text = renderReportText(report(25, [3, 17]));
    const recap = text.slice(text.indexOf('Failed or errored (2 of 25):'));
    expect(recap).toContain('  ✗ reg/app:3: reason 3\n  ✗ reg/app:17: reason 17\n25 image(s)');
  });
  it.each([[20], [5]])('has no recap for %i images', (n) => {
    expect(renderReportText(report(n, [1]))).not.toContain('Failed or errored');
  });
});

describe('registry credentials by flag', () => {
  it('--registry-token adds an explicit credential for that host only', () => {
    const c = parseCommand(['verify', '--registry', 'reg.lan:5000', '--registry-token', 'tk', 'a']);
    expect(c).toMatchObject({
      options: {
        registryCredentials: [{ registry: 'reg.lan:5000', username: 'token', password: 'tk' }],
      },
    });
  });
  it('--registry-password-stdin reads the password from stdin', async () => {
    const c = parseCommand([
      'verify',
      '--registry',
      'r:1',
      '--registry-username',
      'u',
      '--registry-password-stdin',
      'a',
    ]);
    expect(c).toMatchObject({ passwordStdin: { registry: 'r:1', username: 'u' } });
    const empty = await run(
      [
        'verify',
        ...KEY,
        '--registry',
        'r:1',
        '--registry-username',
        'u',
        '--registry-password-stdin',
        signed,
      ],
      { stdin: '\n' },
    );
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--registry-password-stdin: stdin is empty');
    const ok = await run(
      [
        'verify',
        ...KEY,
        '--registry',
        'r:1',
        '--registry-username',
        'u',
        '--registry-password-stdin',
        signed,
      ],
      { stdin: 'pw\n' },
    );
    expect(ok.code).toBe(0);
  });
  it.each([
    [['--registry-token', 't'], '--registry-token needs --registry HOST'],
    [['--registry', 'r:1'], '--registry needs --registry-password-stdin or --registry-token'],
    [['--registry', 'r:1', '--registry-token', 't', '--registry-password-stdin'], 'excludes'],
    [
      ['--registry', 'https://r', '--registry-token', 't'],
      "--registry: 'https://r' is not a registry host",
    ],
    [['--registry', 'r:1', '--registry-password-stdin'], 'needs --registry-username'],
  ])('refuses %j', (flags, said) => {
    expect(() => parseCommand(['verify', ...flags, 'a'])).toThrow(said);
  });
});
