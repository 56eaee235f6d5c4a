// A YAML policy file end to end, through the CLI bundle and the Action bundle against a real
// docker-registry: three rules (key-signed vendor images; keyless production images with an SBOM
// from another workflow; provenance-only tools), first match wins, unmatched images fail or pass
// as the file says, and a file that does not validate stops the run naming each line.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREDICATE } from '../../src/core/attestations/types.js';
import type { Report } from '../../src/core/report.js';
import { pushLegacyAttestations } from '../helpers/cosign-push.js';
import { attachBundles, signedImage, startSigningRegistry } from '../helpers/images.js';
import { pushManifest } from '../helpers/oci-push.js';
import { cyclonedx, slsaV1 } from '../helpers/predicates.js';
import type { StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli } from '../helpers/run-dist.js';
import type { KeySigner, TestSigstore } from '../helpers/test-sigstore.js';

const ISSUER = 'https://token.actions.githubusercontent.com';
const BUILDER = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const SCANNER = 'https://github.com/acme/security/.github/workflows/scan.yml@refs/heads/main';

let reg: StartedRegistry;
let ss: TestSigstore;
let key: KeySigner;
let dir: string;
let root: string;
/** Short name -> full reference (`127.0.0.1:PORT/repo:tag`) and digest. */
const img: Record<string, { ref: string; digest: string }> = {};
let dupDigest: string;

const signers = {
  key: () => ({ key }),
  keyless: () => ({ keyless: { identity: BUILDER, issuer: ISSUER } }),
  none: () => undefined,
};

/** Pushes `repo:tag` and signs it as asked; returns its digest and manifest size. */
async function image(
  name: string,
  repo: string,
  tag: string,
  sign: 'key' | 'keyless' | 'none',
): Promise<{ digest: string; size: number }> {
  const p = await signedImage({ reg, ss }, repo, tag, signers[sign]());
  img[name] = { ref: p.ref, digest: p.digest };
  return p;
}

/** A production image: keyless signature and, optionally, a CycloneDX SBOM referrer. */
async function prodImage(
  tag: string,
  sbom?: { components: Array<[string, string]>; signer: string },
): Promise<void> {
  const { digest, size } = await image(`prod-${tag}`, 'prod/app', tag, 'keyless');
  if (!sbom) return;
  await attachBundles(
    { reg, ss },
    { repo: 'prod/app', digest, size },
    {
      attestations: [
        {
          predicateType: PREDICATE.cyclonedx,
          predicate: cyclonedx(sbom.components),
          signer: { identity: sbom.signer, issuer: ISSUER },
        },
      ],
    },
  );
}

/** A tools image with no signature and, optionally, SLSA v1 provenance in its legacy `.att` tag. */
async function toolsImage(name: string, repo: string, tag: string, provenance: boolean) {
  const { digest } = await image(name, repo, tag, 'none');
  if (!provenance) return;
  const att = ss.signLegacyAttestation({
    imageDigest: digest,
    signer: { identity: BUILDER, issuer: ISSUER },
    predicateType: PREDICATE.slsaV1,
    predicate: slsaV1('https://github.com/actions/runner/github-hosted'),
    subjectName: `${reg.host}/${repo}`,
  });
  await pushLegacyAttestations(reg.host, repo, digest, [
    { envelope: att.envelope, annotations: att.annotations },
  ]);
}

const RULES = {
  vendored: (host: string) => `
  - name: vendored
    images: ['${host}/vendor/**']
    keys: [keys/vendor.pub]`,
  production: (host: string) => `
  - name: production
    images:
      - ${host}/prod/*
    identities:
      - subject: ${BUILDER}
        issuer: ${ISSUER}
    attestations: [cyclonedx]
    attestationIdentities:
      - subjectRegExp: https://github\\.com/acme/security/\\.github/workflows/scan\\.yml@refs/heads/main
        issuer: ${ISSUER}
    conditions:
      denyPackages: ['log4j-core@<2.17.0']`,
  tools: (host: string) => `
  - name: tools
    images: ['${host}/tools/**', '${host}/vendor/tools-*']
    identities:
      - subject: ${BUILDER}
        issuer: ${ISSUER}
    requireSignature: false
    attestations: [slsaprovenance1]`,
};

/** Writes a policy file with the rules in the given order; returns its path. */
async function policyFile(
  name: string,
  order: Array<keyof typeof RULES>,
  unmatched: 'fail' | 'allow',
): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(
    file,
    `# yaml-language-server: $schema=../schema/policy.schema.json\nversion: 1\nunmatched: ${unmatched}\nrules:${order.map((r) => RULES[r](reg.host)).join('')}\n`,
  );
  return file;
}

beforeAll(async () => {
  ({ reg, ss, dir, root } = await startSigningRegistry('policy-e2e-'));
  key = ss.generateKeyPair();
  await mkdir(path.join(dir, 'keys'));
  await writeFile(
    path.join(dir, 'keys', 'vendor.pub'),
    key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );

  await image('vendor-base', 'vendor/base', '1.0', 'key');
  await image('vendor-unsigned', 'vendor/unsigned', '1.0', 'none');
  // Signed, but keyless: the vendored rule trusts only its key.
  await image('vendor-keyless', 'vendor/keyless', '1.0', 'keyless');
  // Matches `vendored` and `tools`: key-signed, no provenance.
  await image('vendor-tools', 'vendor/tools-x', '1.0', 'key');

  await prodImage('clean', { components: [['log4j-core', '2.17.1']], signer: SCANNER });
  await prodImage('log4shell', { components: [['log4j-core', '2.14.1']], signer: SCANNER });
  // The SBOM is signed by the builder, not the scanner the rule names for attestations.
  await prodImage('builder-sbom', { components: [], signer: BUILDER });
  await prodImage('nosbom');

  await toolsImage('tools-cli', 'tools/cli', '2.0', true);
  await toolsImage('tools-bare', 'tools/bare', '2.0', false);

  await image('other', 'other/thing', '1', 'none');

  // One digest under two tags, for rules that tell tags apart.
  const dup = await signedImage({ reg, ss }, 'dup/app', 'v1', { key });
  await pushManifest(reg.host, 'dup/app', 'latest', dup.pushed.manifestBytes);
  dupDigest = dup.digest;
}, 60_000);

afterAll(async () => {
  await reg?.stop();
});

async function cli(args: string[]): Promise<{ code: number | null; report: Report }> {
  const r = await runCli(['verify', '--output', 'json', '--trusted-root', root, ...args]);
  try {
    return { code: r.code, report: JSON.parse(r.stdout) as Report };
  } catch {
    throw new Error(`no JSON report (exit ${r.code}): ${r.stderr}`);
  }
}

const outcomes = (report: Report): Record<string, [string, string | undefined]> =>
  Object.fromEntries(
    report.results.map((r) => [
      Object.entries(img).find(([, v]) => v.ref === r.image)?.[0] ?? r.image,
      [r.outcome, r.code],
    ]),
  );

describe('policy file through the CLI', () => {
  it('decides each image by the first rule it matches; unmatched: fail fails the rest', async () => {
    const file = await policyFile('policy.yaml', ['vendored', 'production', 'tools'], 'fail');
    const { code, report } = await cli(['--policy', file, ...Object.values(img).map((i) => i.ref)]);
    expect(outcomes(report)).toEqual({
      'vendor-base': ['verified', undefined],
      'vendor-unsigned': ['failed', 'UNSIGNED'],
      'vendor-keyless': ['failed', 'UNTRUSTED_SIGNER'],
      // `vendored` comes first: its key signature suffices, the tools rule is never consulted.
      'vendor-tools': ['verified', undefined],
      'prod-clean': ['verified', undefined],
      'prod-log4shell': ['failed', 'POLICY_VIOLATION'],
      'prod-builder-sbom': ['failed', 'ATTESTATION_MISSING'],
      'prod-nosbom': ['failed', 'ATTESTATION_MISSING'],
      'tools-cli': ['verified', undefined],
      'tools-bare': ['failed', 'ATTESTATION_MISSING'],
      other: ['failed', 'POLICY_VIOLATION'],
    });
    expect(code).toBe(1);

    const by = (name: string) => report.results.find((r) => r.image === img[name].ref)!;
    expect(by('vendor-base')).toMatchObject({
      keyRef: path.join(dir, 'keys', 'vendor.pub'),
      digest: img['vendor-base'].digest,
    });
    expect(by('prod-log4shell').reason).toMatch(/SBOM contains banned package log4j-core@2\.14\.1/);
    expect(by('prod-builder-sbom').rejected).toEqual([
      expect.objectContaining({ code: 'UNTRUSTED_SIGNER' }),
    ]);
    expect(by('prod-clean').attestations).toEqual([
      expect.objectContaining({
        predicateType: PREDICATE.cyclonedx,
        signer: SCANNER,
        satisfies: [PREDICATE.cyclonedx],
        checks: [expect.objectContaining({ condition: 'deny-packages', ok: true })],
      }),
    ]);
    // Attestations alone: no signature of its own, SLSA v1 from the legacy .att tag.
    expect(by('tools-cli')).toMatchObject({
      signatures: [],
      attestations: [{ predicateType: PREDICATE.slsaV1, format: 'legacy-att', signer: BUILDER }],
    });
    expect(by('other')).toMatchObject({ verified: false, attestations: [], signatures: [] });
    expect(by('other').reason).toBe(`no rule in policy.yaml matches ${reg.host}/other/thing:1`);
    expect(by('other').digest).toBeUndefined();

    expect(report.policy.policyFile).toEqual({
      source: 'policy.yaml',
      unmatched: 'fail',
      rules: [
        {
          name: 'vendored',
          images: [`${reg.host}/vendor/**`],
          keys: [
            {
              keyRef: path.join(dir, 'keys', 'vendor.pub'),
              keyID: expect.stringMatching(/^[0-9a-f]{16}$/),
            },
          ],
          attestations: [],
          requireSignature: true,
        },
        {
          name: 'production',
          images: [`${reg.host}/prod/*`],
          keys: [],
          // Its attestations come from the scanner's identity, with no key.
          attestationKeys: [],
          identities: [{ subject: BUILDER, issuer: ISSUER }],
          attestationIdentities: [
            {
              subject:
                '/https://github\\.com/acme/security/\\.github/workflows/scan\\.yml@refs/heads/main/',
              issuer: ISSUER,
            },
          ],
          attestations: [PREDICATE.cyclonedx],
          conditions: { 'deny-packages': 'log4j-core@<2.17.0' },
          requireSignature: true,
        },
        {
          name: 'tools',
          images: [`${reg.host}/tools/**`, `${reg.host}/vendor/tools-*`],
          keys: [],
          identities: [{ subject: BUILDER, issuer: ISSUER }],
          attestations: [PREDICATE.slsaV1],
          requireSignature: false,
        },
      ],
    });
    // Every rule's signers are on record, with no secrets: the key by path and ID, the identities.
    expect(report.policy.keys).toEqual([
      {
        keyRef: path.join(dir, 'keys', 'vendor.pub'),
        keyID: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);
    expect(report.policy.identities.map((i) => i.subject)).toEqual([BUILDER, BUILDER]);
  });

  it('lets the first matching rule win: with tools first, the same image needs provenance', async () => {
    const file = await policyFile('tools-first.yaml', ['tools', 'vendored', 'production'], 'fail');
    const { code, report } = await cli([
      '--policy',
      file,
      img['vendor-tools'].ref,
      img['vendor-base'].ref,
    ]);
    expect(outcomes(report)).toEqual({
      'vendor-tools': ['failed', 'ATTESTATION_MISSING'],
      'vendor-base': ['verified', undefined],
    });
    expect(report.results[0].reason).toMatch(/no verified SLSA provenance v1/);
    expect(code).toBe(1);
  });

  it('judges two tags of one digest each by its own rule (no deduplication across rules)', async () => {
    const file = path.join(dir, 'tags.yaml');
    await writeFile(
      file,
      [
        'version: 1',
        'rules:',
        '  - name: releases',
        `    images: ['${reg.host}/dup/app:v*']`,
        '    keys: [keys/vendor.pub]',
        '  - name: anything else',
        `    images: ['${reg.host}/dup/app']`,
        '    identities:',
        `      - subject: ${BUILDER}`,
        `        issuer: ${ISSUER}`,
        '',
      ].join('\n'),
    );
    const refs = [
      `${reg.host}/dup/app:v1`,
      `${reg.host}/dup/app:latest`,
      // A digest reference has no tag: only the tagless glob can match it.
      `${reg.host}/dup/app@${dupDigest}`,
      `${reg.host}/dup/app:v1`,
    ];
    const { code, report } = await cli(['--policy', file, ...refs]);
    expect(code).toBe(1);
    expect(report.results.map((r) => [r.image, r.outcome, r.code, r.digest])).toEqual([
      [refs[0], 'verified', undefined, dupDigest],
      [refs[1], 'failed', 'UNTRUSTED_SIGNER', dupDigest],
      [refs[2], 'failed', 'UNTRUSTED_SIGNER', dupDigest],
      [refs[3], 'verified', undefined, dupDigest],
    ]);
  });

  it('passes an unmatched image without verifying it when the file says unmatched: allow', async () => {
    const file = await policyFile('allow.yaml', ['vendored', 'production', 'tools'], 'allow');
    const { code, report } = await cli([
      '--policy',
      file,
      img.other.ref,
      img['vendor-base'].ref,
      img['tools-cli'].ref,
    ]);
    expect(code).toBe(0);
    expect(outcomes(report)).toEqual({
      other: ['allowed', undefined],
      'vendor-base': ['verified', undefined],
      'tools-cli': ['verified', undefined],
    });
    expect(report.results[0].reason).toBe(
      `no rule in allow.yaml matches ${reg.host}/other/thing:1 (unmatched: allow); passed without verification`,
    );
    expect(report.results[0].digest).toBeUndefined();
    // Allowed is not verified: the image is absent from the digests/pinned outputs' source.
    expect(report.results[0].verified).toBe(false);
    expect(report.outcome).toBe('verified');
    expect(report.policy.policyFile?.unmatched).toBe('allow');
  });

  it('trusts a key only for signatures logged within its validFor window', async () => {
    const file = (name: string, validFor: string) =>
      writeFile(
        path.join(dir, name),
        `version: 1\nrules:\n  - images: ['${reg.host}/vendor/**']\n    keys:\n      - key: keys/vendor.pub\n        validFor: ${validFor}\n`,
      ).then(() => path.join(dir, name));
    // vendor-base was signed (and logged) when this suite started.
    const retired = await cli([
      '--policy',
      await file('retired.yaml', '{ end: 2020-01-01T00:00:00Z }'),
      img['vendor-base'].ref,
    ]);
    expect(retired.code).toBe(1);
    expect(outcomes(retired.report)).toEqual({ 'vendor-base': ['failed', 'UNTRUSTED_SIGNER'] });
    expect(retired.report.results[0].reason).toMatch(
      /signed at \S+, when key \S+vendor\.pub is not trusted \(the policy trusts it from any time to 2020-01-01T00:00:00\.000Z\)/,
    );
    expect(retired.report.policy.keys[0]?.validFor).toEqual({ end: '2020-01-01T00:00:00.000Z' });
    expect(retired.report.policy.policyFile?.rules[0]?.keys[0]?.validFor).toEqual({
      end: '2020-01-01T00:00:00.000Z',
    });
    const current = await cli([
      '--policy',
      await file('current.yaml', '{ start: 2020-01-01T00:00:00Z }'),
      img['vendor-base'].ref,
    ]);
    expect(current.code).toBe(0);
    expect(outcomes(current.report)).toEqual({ 'vendor-base': ['verified', undefined] });
  });

  it('stops a file that does not validate before any image, naming each line (exit 2)', async () => {
    const file = path.join(dir, 'bad.yaml');
    await writeFile(
      file,
      [
        'version: 1',
        'rules:',
        '  - name: a',
        "    images: ['x/*']",
        '    key: [k.pub]',
        '  - name: b',
        "    images: ['y/*']",
        '    keys: [k.pub]',
        '    attestations: [sbom]',
        '    conditions:',
        '      maxVulnAge: soon',
        '',
      ].join('\n'),
    );
    const { code, report } = await cli(['--policy', file, img['vendor-base'].ref]);
    expect(code).toBe(2);
    expect(report.error?.code).toBe('USAGE');
    expect(report.error?.message.split('\n').sort()).toEqual(
      [
        'bad.yaml line 5: rules[0].key: unknown field (expected one of name, images, keys, identities, attestationKeys, attestationIdentities, attestations, conditions, requireSignature, mode, enforceAfter)',
        'bad.yaml line 3: rules[0]: names no signer: give keys or identities',
        "bad.yaml line 9: rules[1].attestations[0]: 'sbom' is not a known predicate type",
        "bad.yaml line 11: rules[1].conditions.maxVulnAge: 'soon' is not a duration (e.g. 48h, 2d, 90m)",
      ].sort(),
    );
    expect(report.results).toEqual([
      expect.objectContaining({ outcome: 'error', code: 'USAGE', image: img['vendor-base'].ref }),
    ]);
  });

  it.each([
    [
      'a duplicate key',
      "version: 1\nrules:\n  - images: ['a/*']\n    keys: [k.pub]\n    images: ['b/*']\n",
      /^dup\.yaml line 5: .*[Uu]nique/,
    ],
    ['a missing file', undefined, /^policy: cannot read .*missing\.yaml/],
    [
      'requireSignature: false with nothing to check',
      "version: 1\nrules:\n  - images: ['a/*']\n    keys: [k.pub]\n    requireSignature: false\n",
      /^nocheck\.yaml line 3: rules\[0\]: requireSignature: false needs attestations or conditions/,
    ],
  ])('refuses %s (exit 2)', async (name, text, message) => {
    const file = path.join(
      dir,
      name === 'a duplicate key'
        ? 'dup.yaml'
        : text === undefined
          ? 'missing.yaml'
          : 'nocheck.yaml',
    );
    if (text !== undefined) await writeFile(file, text);
    const { code, report } = await cli(['--policy', file, img['vendor-base'].ref]);
    expect(code).toBe(2);
    expect(report.error?.message).toMatch(message);
  });

  // An empty signer list is valid YAML but trusts nobody: like a rule naming no signer, it is a
  // problem of the file, and the message should say which file, line and field.
  it.each(['attestationKeys: []', 'attestationIdentities: []'])(
    'refuses a rule with %s at its line (exit 2)',
    async (field) => {
      const file = path.join(dir, 'empty-signers.yaml');
      await writeFile(
        file,
        [
          'version: 1',
          'rules:',
          `  - images: ['${reg.host}/vendor/**']`,
          '    keys: [keys/vendor.pub]',
          '    attestations: [cyclonedx]',
          `    ${field}`,
          '',
        ].join('\n'),
      );
      const { code, report } = await cli(['--policy', file, img['vendor-base'].ref]);
      expect(code).toBe(2);
      expect(report.error?.message).toMatch(
        new RegExp(`^empty-signers\\.yaml line 6: rules\\[0\\]\\.${field.split(':')[0]}: `),
      );
    },
  );

  it.each([
    [['--key', 'x.pub'], /remove key \/ certificate-\* \/ signer-\*/],
    [
      ['--certificate-identity', BUILDER, '--certificate-oidc-issuer', ISSUER],
      /remove key \/ certificate-\*/,
    ],
    [['--attestation', 'cyclonedx'], /remove attestations/],
    [['--attestation-key', 'x.pub'], /remove attestation-key \/ attestation-certificate-\*/],
  ])('refuses --policy with %j as a usage error (exit 2)', async (extra, message) => {
    const file = await policyFile('policy.yaml', ['vendored', 'production', 'tools'], 'fail');
    const { code, report } = await cli(['--policy', file, ...extra, img['vendor-base'].ref]);
    expect(code).toBe(2);
    expect(report.error?.code).toBe('USAGE');
    expect(report.error?.message).toMatch(
      /^policy: .*policy\.yaml states the signers and attestations per image; remove /,
    );
    expect(report.error?.message).toMatch(message);
  });
  // The file states each rule's conditions; a condition flag beside it must not be silently
  // dropped, or `--deny-package log4j-core` would let an image with log4j-core through.
  it.each([
    [['--deny-package', 'log4j-core'], /deny-package/],
    [['--max-vuln-age', '1h'], /max-vuln-age/],
    [['--fail-on-severity', 'critical'], /fail-on-severity/],
    [['--builder-id', 'https://evil.example/builder'], /builder-id/],
    [
      ['--provenance-source-repository', 'https://github.com/evil/app'],
      /provenance-source-repository/,
    ],
    [['--provenance-source-ref', 'refs/heads/evil'], /provenance-source-ref/],
    [['--require-signature=false'], /require-signature/],
  ])(
    'refuses --policy with the condition flag %j instead of ignoring it (exit 2)',
    async (extra, message) => {
      const file = await policyFile('policy.yaml', ['vendored', 'production', 'tools'], 'fail');
      // prod-clean carries log4j-core 2.17.1, which `--deny-package log4j-core` bans.
      const { code, report } = await cli(['--policy', file, ...extra, img['prod-clean'].ref]);
      expect(report.error?.code).toBe('USAGE');
      expect(report.error?.message).toMatch(message);
      expect(code).toBe(2);
    },
  );
});

describe('policy file through the Action', () => {
  it('gives the same verdicts, outputs only verified digests, and names the file in the summary', async () => {
    const file = await policyFile('action.yaml', ['vendored', 'production', 'tools'], 'fail');
    const names = ['vendor-base', 'prod-clean', 'tools-cli', 'prod-log4shell', 'other'];
    const run = await runAction({
      images: names.map((n) => img[n].ref).join('\n'),
      policy: file,
      'trusted-root': root,
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(await readFile(run.outputs['report-path'], 'utf8')) as Report;
    expect(outcomes(report)).toEqual({
      'vendor-base': ['verified', undefined],
      'prod-clean': ['verified', undefined],
      'tools-cli': ['verified', undefined],
      'prod-log4shell': ['failed', 'POLICY_VIOLATION'],
      other: ['failed', 'POLICY_VIOLATION'],
    });
    expect(run.outputs.verified).toBe('false');
    expect(JSON.parse(run.outputs.digests)).toEqual({
      [img['vendor-base'].ref]: img['vendor-base'].digest,
      [img['prod-clean'].ref]: img['prod-clean'].digest,
      [img['tools-cli'].ref]: img['tools-cli'].digest,
    });
    expect(run.summary).toContain(
      '- policy file action.yaml: 3 rules; unmatched images: fail\n  - rule vendored: ',
    );
    expect(run.stdout).toMatch(/::error::.*(log4j-core@2\.14\.1|no rule in action\.yaml)/);
  });

  it('fails the step on a bad policy file before verifying anything', async () => {
    const file = path.join(dir, 'action-bad.yaml');
    await writeFile(file, "version: 2\nrules:\n  - images: ['a/*']\n    keys: [k.pub]\n");
    const run = await runAction({
      images: img['vendor-base'].ref,
      policy: file,
      'trusted-root': root,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*action-bad\.yaml line 1: version: must be 1/);
    expect(run.outputs.verified).toBe('false');
  });
});
