// Issue 13 item 6 and the closing note: every bad input below is run through the shipped bundles
// (dist/cli.js, dist/index.js). Each must be refused, never passed: the CLI with exit 2 and the
// Action by failing the step, with a message naming the input and the value. The table in
// docs/bad-inputs.md is made from these same runs (UPDATE_BAD_INPUTS=1 rewrites it; otherwise a
// difference fails), so it cannot drift from what the tool prints.
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, runNode, type Ran } from '../helpers/run-dist.js';
import {
  registryAvailable,
  startRegistry,
  type StartedRegistry,
} from '../helpers/registry-process.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EX = path.join(ROOT, 'examples');
const DOC = path.join(ROOT, 'docs', 'bad-inputs.md');

type Group =
  | 'flags'
  | 'references'
  | 'keys'
  | 'trust'
  | 'registry'
  | 'policy file'
  | 'merge'
  | 'verify-bundle'
  | 'Action inputs';

interface Case {
  group: Group;
  /** What the user gave, as the table shows it. */
  input: string;
  cli?: string[];
  action?: Record<string, string>;
  env?: Record<string, string>;
  /** Text the message must contain: the input's name and the value. */
  names: string[];
  /** Exit code: 2 for the CLI (usage/infrastructure); the Action fails its step with 1. */
  code?: number;
  /** `--output json`: stdout must be the JSON error document. */
  json?: boolean;
}

// The committed trusted root: no case waits on the public-good TUF CDN.
const KEY = ['--key', 'cosign.pub', '--trusted-root', 'trusted_root.json'];
const KEY_ONLY = ['--key', 'cosign.pub'];
const IMG = 'oci-layout://layout:signed';
const REG = 'REGISTRY';

const CASES: Case[] = [
  // Flags
  {
    group: 'flags',
    input: 'verify --certificate-identiy S',
    cli: ['verify', '--certificate-identiy', 'x', IMG],
    names: ['--certificate-identiy', 'did you mean --certificate-identity?', 'verify --help'],
  },
  {
    group: 'flags',
    input: 'verify --identity S',
    cli: ['verify', '--identity', 'x', IMG],
    names: ['--identity', 'did you mean --certificate-identity?'],
  },
  {
    group: 'flags',
    input: 'verfy IMAGE',
    cli: ['verfy', IMG],
    names: ["'verfy'", 'did you mean verify?', '--help'],
  },
  {
    group: 'flags',
    input: 'verify --offline=true',
    cli: ['verify', '--offline=true', IMG],
    names: ['--offline', 'takes no value'],
  },
  {
    group: 'flags',
    input: 'verify --key (no value)',
    cli: ['verify', IMG, '--key'],
    names: ['--key', 'needs a value'],
  },
  {
    group: 'flags',
    input: 'verify (no image)',
    cli: ['verify', ...KEY],
    names: ['verify', 'no image'],
  },
  {
    group: 'flags',
    input: 'verify --timeout 5',
    cli: ['verify', ...KEY, '--timeout', '5', IMG],
    names: ['--timeout', "'5'", 'no unit'],
  },
  {
    group: 'flags',
    input: 'verify --timeout soon',
    cli: ['verify', ...KEY, '--timeout', 'soon', IMG],
    names: ['--timeout', "'soon'"],
  },
  {
    group: 'flags',
    input: 'verify --timeout 0s',
    cli: ['verify', ...KEY, '--timeout', '0s', IMG],
    names: ['--timeout', "'0s'"],
  },
  {
    group: 'flags',
    input: 'verify --timeout 30d',
    cli: ['verify', ...KEY, '--timeout', '30d', IMG],
    names: ['--timeout', "'30d'", 'longest deadline'],
  },
  {
    group: 'flags',
    input: 'verify --builder-id ""',
    cli: ['verify', ...KEY, '--attestation', 'slsaprovenance', '--builder-id', '', IMG],
    names: ['--builder-id', "''", 'is empty'],
  },
  {
    group: 'flags',
    input: 'verify --require-signature ""',
    cli: ['verify', ...KEY, '--attestation', 'slsaprovenance', '--require-signature', '', IMG],
    names: ['--require-signature', "''", 'is empty'],
  },
  {
    group: 'flags',
    input: 'verify --max-vuln-age 48',
    cli: ['verify', ...KEY, '--attestation', 'vuln', '--max-vuln-age', '48', IMG],
    names: ['--max-vuln-age', "'48'", 'no unit'],
  },
  {
    group: 'flags',
    input: 'verify --concurrency 0',
    cli: ['verify', ...KEY, '--concurrency', '0', IMG],
    names: ['--concurrency', "'0'"],
  },
  {
    group: 'flags',
    input: 'verify --concurrency 65',
    cli: ['verify', ...KEY, '--concurrency', '65', IMG],
    names: ['--concurrency', "'65'"],
  },
  {
    group: 'flags',
    input: 'verify --output yaml',
    cli: ['verify', ...KEY, '--output', 'yaml', IMG],
    names: ['--output', "'yaml'"],
  },
  {
    group: 'flags',
    input: 'verify -o json --foo',
    cli: ['verify', '-o', 'json', '--foo', IMG],
    names: ['--foo'],
    json: true,
  },
  {
    group: 'flags',
    input: 'verify --platforms linux/amd65',
    cli: ['verify', ...KEY, '--platforms', 'linux/amd65', IMG],
    names: ['--platforms', 'linux/amd65', "'amd65'"],
  },
  {
    group: 'flags',
    input: 'verify --platforms linuks/amd64',
    cli: ['verify', ...KEY, '--platforms', 'linuks/amd64', IMG],
    names: ['--platforms', "'linuks'"],
  },
  {
    group: 'flags',
    input: 'verify --platforms linux',
    cli: ['verify', ...KEY, '--platforms', 'linux', IMG],
    names: ['--platforms', "'linux'"],
  },
  {
    group: 'flags',
    input: 'verify --platforms all,linux/amd64',
    cli: ['verify', ...KEY, '--platforms', 'all,linux/amd64', IMG],
    names: ['--platforms', "'all'"],
  },
  {
    group: 'flags',
    input: 'verify --require-signature maybe',
    cli: ['verify', ...KEY, '--require-signature', 'maybe', IMG],
    names: ['--require-signature', "'maybe'"],
  },
  {
    group: 'flags',
    input: 'verify --fail-on-severity urgent',
    cli: ['verify', ...KEY, '--attestation', 'vuln', '--fail-on-severity', 'urgent', IMG],
    names: ['--fail-on-severity', 'urgent'],
  },
  {
    group: 'flags',
    input: 'verify --attestation sbomz',
    cli: ['verify', ...KEY, '--attestation', 'sbomz', IMG],
    names: ['--attestation', 'sbomz'],
  },
  {
    group: 'flags',
    input: 'verify --deny-package "log4j-core@<<2"',
    cli: ['verify', ...KEY, '--attestation', 'spdxjson', '--deny-package', 'log4j-core@<<2', IMG],
    names: ['--deny-package', 'log4j-core@<<2'],
  },
  {
    group: 'flags',
    input: 'verify --tuf-mirror ftp://mirror',
    cli: ['verify', ...KEY, '--tuf-mirror', 'ftp://mirror', IMG],
    names: ['--tuf-mirror', 'ftp://mirror'],
  },
  {
    group: 'flags',
    input: 'pin --chek PATH',
    cli: ['pin', '--chek', 'pin-interp.yaml'],
    names: ['--chek', 'did you mean --check?', 'pin --help'],
  },
  {
    group: 'flags',
    input: 'pin --check --key K PATH',
    cli: ['pin', '--check', '--key', 'cosign.pub', 'pin-interp.yaml'],
    names: ['pin --check', '--key'],
  },
  {
    group: 'flags',
    input: 'pin --images-file -',
    cli: ['pin', ...KEY, '--images-file', '-'],
    names: ['--images-file -', 'stdin'],
  },
  // Trust
  {
    group: 'trust',
    input: 'verify --offline --trusted-root F',
    cli: ['verify', ...KEY, '--offline', '--trusted-root', 'trusted_root.json', IMG],
    names: ['--offline', '--trusted-root', 'trusted_root.json'],
  },
  {
    group: 'trust',
    input: 'verify --offline --tuf-mirror URL',
    cli: ['verify', ...KEY_ONLY, '--offline', '--tuf-mirror', 'https://tuf.example', IMG],
    names: ['--offline', '--tuf-mirror', 'https://tuf.example'],
  },
  {
    group: 'trust',
    input: 'verify --trusted-root missing.json',
    cli: ['verify', ...KEY_ONLY, '--trusted-root', 'missing.json', IMG],
    names: ['missing.json'],
  },
  {
    group: 'trust',
    input: 'verify --trusted-root not-json.json',
    cli: ['verify', ...KEY_ONLY, '--trusted-root', 'not-json.json', IMG],
    names: ['not-json.json'],
  },
  {
    group: 'trust',
    input: 'verify --certificate-identity S (no issuer)',
    cli: [
      'verify',
      '--trusted-root',
      'trusted_root.json',
      '--certificate-identity',
      'me@example.com',
      IMG,
    ],
    names: ['issuer'],
  },
  {
    group: 'trust',
    input: "verify --certificate-identity-regexp '('",
    cli: [
      'verify',
      '--certificate-identity-regexp',
      '(',
      '--certificate-oidc-issuer',
      'https://x',
      IMG,
    ],
    names: ['certificate-identity-regexp', "'('"],
  },
  {
    group: 'trust',
    input: 'verify --signer-workflow not-a-workflow',
    cli: [
      'verify',
      '--trusted-root',
      'trusted_root.json',
      '--signer-workflow',
      'not-a-workflow',
      IMG,
    ],
    names: ['signer-workflow', 'not-a-workflow'],
  },
  // Keys
  {
    group: 'keys',
    input: 'verify --key missing.pub',
    cli: [
      'verify',
      '--trusted-root',
      'trusted_root.json',
      '--key',
      'missing.pub',
      IMG,
      IMG.replace('signed', 'unsigned'),
    ],
    names: ['missing.pub'],
  },
  {
    group: 'keys',
    input: 'verify --key garbage.pub',
    cli: ['verify', '--trusted-root', 'trusted_root.json', '--key', 'garbage.pub', IMG],
    names: ['garbage.pub'],
  },
  {
    group: 'keys',
    input: 'verify --key awskms://',
    cli: ['verify', '--trusted-root', 'trusted_root.json', '--key', 'awskms://', IMG],
    names: ['awskms://'],
  },
  // References
  {
    group: 'references',
    input: 'verify Upper/Case:1',
    cli: ['verify', ...KEY, 'Upper/Case:1'],
    names: ['Upper/Case:1'],
  },
  {
    group: 'references',
    input: "verify 'nginx:bad tag!'",
    cli: ['verify', ...KEY, 'nginx:bad tag!'],
    names: ['nginx:bad tag!'],
  },
  {
    group: 'references',
    input: 'verify oci-layout://missing-dir:tag',
    cli: ['verify', ...KEY, 'oci-layout://missing-dir:tag'],
    names: ['missing-dir'],
    // An image that is not there is a supply-chain failure (exit 1), as for a registry's 404.
    code: 1,
  },
  {
    group: 'references',
    input: 'verify nginx@sha256:abc',
    cli: ['verify', ...KEY, 'nginx@sha256:abc'],
    names: ['sha256:abc'],
  },
  {
    group: 'references',
    input: 'pin FILE with image: app:${TAG:-1}',
    cli: ['pin', ...KEY, 'pin-interp.yaml'],
    names: ['pin-interp.yaml:3', "'app:${TAG:-1}'", 'cannot be pinned in place'],
  },
  {
    group: 'references',
    input: 'pin --check FILE with image: Not_Valid:1',
    cli: ['pin', '--check', 'pin-bad-ref.yaml'],
    names: ['pin-bad-ref.yaml:3', "'Not_Valid:1'"],
  },
  // Registry
  {
    group: 'registry',
    input: 'verify --insecure-registry http://host:5000',
    cli: ['verify', ...KEY, '--insecure-registry', 'http://host:5000', IMG],
    names: ['--insecure-registry', 'http://host:5000', 'host:port'],
  },
  {
    group: 'registry',
    input: 'verify --insecure-registry host:99999',
    cli: ['verify', ...KEY, '--insecure-registry', 'host:99999', IMG],
    names: ['--insecure-registry', 'host:99999'],
  },
  {
    group: 'registry',
    input: 'verify --registry-token T (no --registry)',
    cli: ['verify', ...KEY, '--registry-token', 't0ken', IMG],
    names: ['--registry-token', '--registry HOST'],
  },
  {
    group: 'registry',
    input: 'verify --registry https://h --registry-token T',
    cli: ['verify', ...KEY, '--registry', 'https://h', '--registry-token', 't0ken', IMG],
    names: ['--registry', 'https://h'],
  },
  {
    group: 'registry',
    input: 'verify --registry-username U (no password)',
    cli: ['verify', ...KEY, '--registry', 'h:5000', '--registry-username', 'u', IMG],
    names: ['--registry-username', '--registry-password-stdin'],
  },
  {
    group: 'registry',
    input: 'verify --registry-password-stdin (empty stdin)',
    cli: [
      'verify',
      ...KEY,
      '--registry',
      'h:5000',
      '--registry-username',
      'u',
      '--registry-password-stdin',
      IMG,
    ],
    names: ['--registry-password-stdin', 'empty'],
  },
  {
    group: 'registry',
    input: 'DOCKER_CONFIG with a config.json that is not JSON',
    cli: ['verify', ...KEY, `${REG}/app:1`],
    env: { DOCKER_CONFIG: 'broken-docker' },
    names: ['broken-docker/config.json', 'not JSON'],
  },
  {
    group: 'registry',
    input: 'verify 127.0.0.1:1/app:1 (registry down)',
    cli: ['verify', ...KEY, '127.0.0.1:1/app:1'],
    names: ['127.0.0.1:1'],
  },
  // Policy file
  {
    group: 'policy file',
    input: 'verify --policy missing.yaml',
    cli: ['verify', '--trusted-root', 'trusted_root.json', '--policy', 'missing.yaml', IMG],
    names: ['missing.yaml'],
  },
  {
    group: 'policy file',
    input: 'policy maxVulnAge: 48',
    cli: ['verify', '--trusted-root', 'trusted_root.json', '--policy', 'age-no-unit.yaml', IMG],
    names: ['maxVulnAge', "'48'"],
  },
  {
    group: 'policy file',
    input: 'policy with an unknown key',
    cli: ['verify', '--trusted-root', 'trusted_root.json', '--policy', 'unknown-key.yaml', IMG],
    names: ['colour'],
  },
  {
    group: 'policy file',
    input: 'verify --policy F --certificate-identity S',
    cli: [
      'verify',
      '--trusted-root',
      'trusted_root.json',
      '--policy',
      'age-no-unit.yaml',
      '--certificate-identity',
      'x',
      IMG,
    ],
    names: ['policy: age-no-unit.yaml', 'certificate-*'],
  },
  // Merge
  {
    group: 'merge',
    input: 'merge missing.json',
    cli: ['merge', 'missing.json'],
    names: ['missing.json'],
  },
  {
    group: 'merge',
    input: 'merge not-a-report.json',
    cli: ['merge', 'not-a-report.json'],
    names: ['not-a-report.json'],
  },
  { group: 'merge', input: 'merge (no reports)', cli: ['merge'], names: ['merge', 'no report'] },
  {
    group: 'merge',
    input: 'merge --output yaml R',
    cli: ['merge', '--output', 'yaml', 'x.json'],
    names: ['--output', "'yaml'"],
  },
  {
    group: 'merge',
    input: 'merge -o json missing.json',
    cli: ['merge', '-o', 'json', 'missing.json'],
    names: ['missing.json'],
    json: true,
  },
  // verify-bundle
  {
    group: 'verify-bundle',
    input: 'verify-bundle --bundle missing.json --key K FILE',
    cli: ['verify-bundle', '--bundle', 'missing.json', ...KEY, 'cosign.pub'],
    names: ['ERROR', 'missing.json'],
  },
  {
    group: 'verify-bundle',
    input: 'verify-bundle --key K --certificate-identity S',
    cli: ['verify-bundle', '--bundle', 'b.json', ...KEY, '--certificate-identity', 'x', 'f'],
    names: ['--key', '--certificate-identity'],
  },
  {
    group: 'verify-bundle',
    input: 'verify-bundle --bundle',
    cli: ['verify-bundle', '--bundle'],
    names: ['--bundle', 'needs a value'],
  },
  // Action inputs
  {
    group: 'Action inputs',
    input: 'images: (empty)',
    action: { images: '' },
    names: ['images'],
    code: 1,
  },
  {
    group: 'Action inputs',
    input: 'images + merge-reports',
    action: { images: 'a:1', 'merge-reports': 'r.json' },
    names: ['images', 'merge-reports'],
    code: 1,
  },
  {
    group: 'Action inputs',
    input: 'timeout: 5',
    action: { images: IMG, key: 'cosign.pub', timeout: '5' },
    names: ['timeout', "'5'", 'no unit'],
    code: 1,
  },
  {
    group: 'Action inputs',
    input: 'registry: not a host!!',
    action: {
      images: IMG,
      key: 'cosign.pub',
      registry: 'not a host!!',
      'registry-username': 'u',
      'registry-password': 'p',
    },
    names: ['registry', "'not a host!!'", 'is not a registry host'],
    code: 1,
  },
  {
    group: 'Action inputs',
    input: 'concurrency: lots',
    action: { images: IMG, key: 'cosign.pub', concurrency: 'lots' },
    names: ['concurrency', "'lots'"],
    code: 1,
  },
  {
    group: 'Action inputs',
    input: 'insecure-registries: http://host:5000',
    action: { images: IMG, key: 'cosign.pub', 'insecure-registries': 'http://host:5000' },
    names: ['insecure-registries', 'http://host:5000'],
    code: 1,
  },
  {
    group: 'Action inputs',
    input: 'offline: true + trusted-root',
    action: {
      images: IMG,
      key: 'cosign.pub',
      offline: 'true',
      'trusted-root': 'trusted_root.json',
    },
    names: ['offline', 'trusted-root', 'trusted_root.json'],
    code: 1,
  },
  {
    group: 'Action inputs',
    input: 'platforms: linux/amd65',
    action: { images: IMG, key: 'cosign.pub', platforms: 'linux/amd65' },
    names: ['platforms', "'amd65'"],
    code: 1,
  },
  {
    group: 'Action inputs',
    input: 'require-signature: maybe',
    action: { images: IMG, key: 'cosign.pub', 'require-signature': 'maybe' },
    names: ['require-signature', "'maybe'"],
    code: 1,
  },
  {
    group: 'Action inputs',
    input: 'registry-username without registry-password',
    action: { images: IMG, key: 'cosign.pub', registry: 'h:5000', 'registry-username': 'u' },
    names: ['registry-username', 'registry-password'],
    code: 1,
  },
  {
    group: 'Action inputs',
    input: 'max-vuln-age: 48',
    action: { images: IMG, key: 'cosign.pub', attestations: 'vuln', 'max-vuln-age': '48' },
    names: ['max-vuln-age', "'48'"],
    code: 1,
  },
];

let dir: string;
let registry: StartedRegistry | undefined;
const ran = new Map<Case, Ran>();

/** The message as the table shows it: first line of the error, temp paths and ports neutral. */
function message(r: Ran): string {
  const out = `${r.stderr}\n${r.stdout}`;
  const lines = out.split('\n').map((l) => l.trim());
  const hit =
    lines.find((l) => /^::error::/.test(l)) ??
    lines.find((l) => /^(image-gate: |✗ Verification ERROR)/.test(l)) ??
    lines.find((l) => l !== '') ??
    '';
  let m = hit.replace(/^::error::/, '');
  // An image's error: its headline and its reason.
  const reason = lines.find((l) => l.startsWith('Reason: '));
  if (m.startsWith('✗ Verification ERROR for ') && reason) m = `${m}: ${reason.slice(8)}`;
  if (registry) m = m.split(registry.host).join('127.0.0.1:PORT');
  return m.split(dir).join('.').split(ROOT).join('.');
}

function runCase(c: Case): Promise<Ran> {
  const sub = (a: string) => (registry ? a.replace(REG, registry.host) : a);
  if (c.action) {
    const inputs = Object.fromEntries(Object.entries(c.action).map(([k, v]) => [k, sub(v)]));
    // The Action resolves relative paths against its working directory: give absolute ones.
    for (const k of ['key', 'trusted-root'])
      if (inputs[k] !== undefined) inputs[k] = path.join(dir, inputs[k]);
    if (inputs.images?.startsWith('oci-layout://'))
      inputs.images = `oci-layout://${path.join(dir, 'layout')}:signed`;
    return runAction(inputs, c.env);
  }
  return runNode([path.join(ROOT, 'dist', 'cli.js'), ...c.cli!.map(sub)], c.env ?? {}, dir);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bad-inputs-'));
  await cp(path.join(EX, 'layout'), path.join(dir, 'layout'), { recursive: true });
  await cp(path.join(EX, 'cosign.pub'), path.join(dir, 'cosign.pub'));
  await cp(path.join(EX, 'trusted_root.json'), path.join(dir, 'trusted_root.json'));
  await writeFile(path.join(dir, 'garbage.pub'), 'not a key\n');
  await writeFile(path.join(dir, 'not-json.json'), '{ nope');
  await writeFile(path.join(dir, 'not-a-report.json'), '{"hello": 1}\n');
  await writeFile(path.join(dir, 'pin-interp.yaml'), 'services:\n  a:\n    image: app:${TAG:-1}\n');
  await writeFile(path.join(dir, 'pin-bad-ref.yaml'), 'services:\n  a:\n    image: Not_Valid:1\n');
  await mkdir(path.join(dir, 'broken-docker'));
  await writeFile(path.join(dir, 'broken-docker', 'config.json'), '{ "auths": ');
  const rule = (conditions: string) =>
    `version: 1\nrules:\n  - images: ["**"]\n    keys: [cosign.pub]\n${conditions}`;
  await writeFile(
    path.join(dir, 'age-no-unit.yaml'),
    rule('    attestations: [vuln]\n    conditions:\n      maxVulnAge: 48\n'),
  );
  await writeFile(path.join(dir, 'unknown-key.yaml'), rule('    colour: blue\n'));
  if (registryAvailable) registry = await startRegistry({ auth: 'htpasswd' });
  // A few at a time: each is a node process, and the machine is shared.
  const queue = [...CASES];
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) ran.set(c, await runCase(c));
    }),
  );
}, 600_000);

afterAll(async () => {
  await registry?.stop();
});

describe('bad inputs are refused, naming the input and the value', () => {
  it('tries at least 40, across every kind of input', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.group)).size).toBe(9);
  });

  it.each(CASES.map((c) => [`${c.group}: ${c.input}`, c] as const))('%s', (_, c) => {
    const r = ran.get(c)!;
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(c.code ?? 2);
    const m = message(r);
    for (const n of c.names) expect(m, `${r.stdout}\n${r.stderr}`).toContain(n);
    // Never parseArgs's own hint text.
    expect(r.stderr).not.toMatch(/To specify a positional argument/);
    if (c.json) {
      const doc = JSON.parse(r.stdout) as { error: { code: string; message: string } };
      expect(doc.error.code).toBe('USAGE');
      expect(doc.error.message).toContain(c.names[0]);
    }
    // A verify-bundle usage or infrastructure error is an ERROR, never a FAILED verdict.
    if (c.group === 'verify-bundle') expect(r.stderr).not.toContain('FAILED');
  });

  it('docs/bad-inputs.md is this table', async () => {
    const rows = CASES.map((c) => {
      const r = ran.get(c)!;
      const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/`/g, "'");
      return `| ${c.group} | \`${cell(c.input)}\` | ${cell(message(r))} | ${r.code} |`;
    });
    const doc = [
      '# Bad inputs and what image-gate says',
      '',
      'Generated by `test/integration/bad-inputs.test.ts` from real runs of `dist/cli.js` and',
      '`dist/index.js` (rewrite with `UPDATE_BAD_INPUTS=1`). The CLI exits 2 on every one; the',
      'Action fails its step (exit 1, the runner has no other failure code) with the same message.',
      '',
      `${CASES.length} inputs.`,
      '',
      '| Kind | Input | Message | Exit |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n');
    if (process.env.UPDATE_BAD_INPUTS) await writeFile(DOC, doc);
    expect(await readFile(DOC, 'utf8').catch(() => '')).toBe(doc);
  });
});
