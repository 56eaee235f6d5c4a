// GitHub workflow pinning inputs -> one anchored IdentityRule, and that rule against the
// identities Fulcio writes (matched by the same matchIdentity the verifier uses).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from '@sigstore/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityRules as buildIdentityRules } from '../../src/core/policy/from-options.js';
import type { GateOptions } from '../../src/core/options.js';
import {
  matchIdentity,
  readCertIdentity,
  type CertIdentity,
} from '../../src/core/signatures/identity.js';
import { createSignatureVerifier } from '../../src/core/signatures/verifier.js';
import {
  FULCIO_OIDS,
  GITHUB_ACTIONS_ISSUER,
  workflowIdentityRule,
  workflowMatcher,
} from '../../src/core/policy/workflow-identity.js';
import { failure } from '../helpers/expect-failure.js';
import { implicitPrimitive, seq } from '../helpers/test-sigstore-der.js';
import {
  createCertificate,
  extension,
  fulcioExtensionValue,
  generateKeyPair,
  OID,
} from '../helpers/test-sigstore-pki.js';
import {
  createTestSigstore,
  type KeylessSigner,
  type TestSigstore,
} from '../helpers/test-sigstore.js';

const WF = 'acme/app/.github/workflows/release.yml';
const SAN = `https://github.com/${WF}@refs/heads/main`;

function cert(
  o: Partial<{ san: string; issuer: string; ext: Record<string, string> }> = {},
): CertIdentity {
  return {
    san: o.san ?? SAN,
    issuer: o.issuer ?? GITHUB_ACTIONS_ISSUER,
    extensions: new Map(
      Object.entries(
        o.ext ?? {
          [FULCIO_OIDS.buildSignerUri]: o.san ?? SAN,
          [FULCIO_OIDS.sourceRepositoryUri]: 'https://github.com/acme/app',
          [FULCIO_OIDS.sourceRepositoryRef]: 'refs/heads/main',
          [FULCIO_OIDS.runnerEnvironment]: 'github-hosted',
        },
      ),
    ),
  };
}

const BUILD_SIGNER_CHECK = {
  name: 'build signer URI',
  carriers: [{ oid: FULCIO_OIDS.buildSignerUri, value: 'san' }],
  optional: true,
};

const base: GateOptions = {
  images: ['x'],
  keys: [],
  insecureIgnoreTlog: false,
  insecureIgnoreSct: false,
  offline: true,
  concurrency: 1,
  failFast: false,
  insecureRegistries: [],
  registryCredentials: [],
  timeoutMs: 1000,
  requireAllKeys: false,
};

describe('workflowMatcher', () => {
  it('pins an exact workflow@ref', () => {
    expect(workflowMatcher(`${WF}@refs/tags/v1`)).toEqual({
      exact: `https://github.com/${WF}@refs/tags/v1`,
    });
  });

  it('without @ref, matches any ref of exactly that workflow (escaped, anchored)', () => {
    const rule = workflowIdentityRule({ signerWorkflow: WF }, {});
    const ok = (san: string) => {
      try {
        matchIdentity([rule], cert({ san }));
        return true;
      } catch {
        return false;
      }
    };
    expect(ok(SAN)).toBe(true);
    expect(ok(`https://github.com/${WF}@refs/tags/v9`)).toBe(true);
    expect(ok(`https://github.com/acme/app/.github/workflowsXrelease.yml@refs/heads/main`)).toBe(
      false,
    );
    expect(
      ok(`https://github.com/acme/app/.github/workflows/release.yml.evil@refs/heads/main`),
    ).toBe(false);
    expect(ok(`https://evil.example/https://github.com/${WF}@refs/heads/main`)).toBe(false);
    expect(ok(`https://github.com/${WF}`)).toBe(false);
  });

  it.each([
    'acme/app/release.yml',
    'acme/app/.github/workflows/release.txt',
    `https://github.com/${WF}`,
    `${WF}@`,
    `${WF}@refs/heads/main extra`,
    'acme/.github/workflows/release.yml',
  ])('rejects %j as a usage error naming the input', (value) => {
    expect(() => workflowMatcher(value)).toThrow(/^signer-workflow: '/);
  });
});

describe('buildIdentityRules with GitHub pinning', () => {
  it('derives SAN, issuer and the extension checks (legacy OIDs as alternatives)', () => {
    expect(
      buildIdentityRules({
        ...base,
        signerWorkflow: `${WF}@refs/heads/main`,
        signerRepository: 'acme/app',
        sourceRef: 'refs/heads/main',
        denySelfHostedRunners: true,
      }),
    ).toEqual([
      {
        subject: { exact: SAN },
        issuer: { exact: GITHUB_ACTIONS_ISSUER },
        extensions: [
          BUILD_SIGNER_CHECK,
          {
            name: 'source repository',
            carriers: [
              {
                oid: FULCIO_OIDS.sourceRepositoryUri,
                value: { exact: 'https://github.com/acme/app' },
              },
              { oid: FULCIO_OIDS.legacyWorkflowRepository, value: { exact: 'acme/app' } },
            ],
          },
          {
            name: 'source ref',
            carriers: [
              { oid: FULCIO_OIDS.sourceRepositoryRef, value: { exact: 'refs/heads/main' } },
              { oid: FULCIO_OIDS.legacyWorkflowRef, value: { exact: 'refs/heads/main' } },
            ],
          },
          {
            name: 'runner environment',
            carriers: [{ oid: FULCIO_OIDS.runnerEnvironment, value: { exact: 'github-hosted' } }],
          },
        ],
      },
    ]);
  });

  it('refuses a flag regexp that only compiles inside the anchors (a)|(.*), naming flag and value', () => {
    expect(() =>
      buildIdentityRules({
        ...base,
        certificateIdentityRegexp: 'a)|(.*',
        certificateOidcIssuer: GITHUB_ACTIONS_ISSUER,
      }),
    ).toThrow("certificate-identity-regexp: 'a)|(.*' is not a valid regular expression");
    expect(() =>
      buildIdentityRules({
        ...base,
        certificateIdentity: SAN,
        certificateOidcIssuerRegexp: 'x)|(.*',
      }),
    ).toThrow("certificate-oidc-issuer-regexp: 'x)|(.*' is not a valid regular expression");
  });

  it('keeps an explicit issuer (GitHub Enterprise) instead of the default', () => {
    const [rule] = buildIdentityRules({
      ...base,
      signerWorkflow: WF,
      certificateOidcIssuer: 'https://token.actions.ghe.example/acme',
    });
    expect(rule.issuer).toEqual({ exact: 'https://token.actions.ghe.example/acme' });
  });

  it('adds extension checks to an explicit identity', () => {
    const [rule] = buildIdentityRules({
      ...base,
      certificateIdentityRegexp: 'https://github\\.com/acme/.+',
      certificateOidcIssuer: GITHUB_ACTIONS_ISSUER,
      sourceRef: 'refs/heads/main',
    });
    expect(rule).toEqual({
      subject: { regexp: 'https://github\\.com/acme/.+' },
      issuer: { exact: GITHUB_ACTIONS_ISSUER },
      extensions: [
        BUILD_SIGNER_CHECK,
        {
          name: 'source ref',
          carriers: [
            { oid: FULCIO_OIDS.sourceRepositoryRef, value: { exact: 'refs/heads/main' } },
            { oid: FULCIO_OIDS.legacyWorkflowRef, value: { exact: 'refs/heads/main' } },
          ],
        },
      ],
    });
  });

  it.each<[Partial<GateOptions>, RegExp]>([
    [
      { signerWorkflow: WF, certificateIdentity: SAN },
      /signer-workflow excludes certificate-identity/,
    ],
    [{ signerWorkflow: WF, certificateIdentityRegexp: '.*' }, /signer-workflow excludes/],
    [
      { sourceRef: 'refs/heads/main' },
      /give signer-workflow, signer-repository or certificate-identity/,
    ],
    [{ denySelfHostedRunners: true }, /give signer-workflow/],
    [{ signerRepository: 'acme' }, /signer-repository: 'acme' is not owner\/repo/],
    [
      { signerRepository: 'https://github.com/acme/app' },
      /signer-repository: .* is not owner\/repo/,
    ],
    [{ signerWorkflow: WF, sourceRef: 'main' }, /source-ref: 'main' is not a full git ref/],
  ])('refuses %j (USAGE)', (o, msg) => {
    let err: unknown;
    try {
      buildIdentityRules({ ...base, ...o });
    } catch (e: unknown) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'USAGE', message: expect.stringMatching(msg) });
  });

  it('leaves rules unchanged when no pinning input is set (deny false counts as unset)', () => {
    expect(buildIdentityRules({ ...base, denySelfHostedRunners: false })).toEqual([]);
  });
});

describe('the derived rule against certificates', () => {
  const rule = workflowIdentityRule(
    {
      signerWorkflow: `${WF}@refs/heads/main`,
      signerRepository: 'acme/app',
      sourceRef: 'refs/heads/main',
      denySelfHostedRunners: true,
    },
    {},
  );
  const ext = cert().extensions;
  const without = (oid: string) => {
    const e = Object.fromEntries(ext);
    delete e[oid];
    return e;
  };

  it('accepts the certificate GitHub Actions would get', () => {
    expect(matchIdentity([rule], cert())).toBe(rule);
  });

  it.each<[string, Parameters<typeof cert>[0], RegExp]>([
    [
      'main-evil ref in the SAN',
      { san: `${SAN}-evil` },
      /expected identity .*@refs\/heads\/main, got identity ".*main-evil"/,
    ],
    ['an issuer with a suffix', { issuer: `${GITHUB_ACTIONS_ISSUER}.evil` }, /expected issuer/],
    [
      'another source repository',
      {
        ext: {
          ...Object.fromEntries(ext),
          [FULCIO_OIDS.sourceRepositoryUri]: 'https://github.com/acme/app-fork',
        },
      },
      /expected source repository extension 1\.3\.6\.1\.4\.1\.57264\.1\.12=https:\/\/github\.com\/acme\/app, got "https:\/\/github\.com\/acme\/app-fork"/,
    ],
    [
      'another source ref',
      { ext: { ...Object.fromEntries(ext), [FULCIO_OIDS.sourceRepositoryRef]: 'refs/heads/dev' } },
      /1\.14=refs\/heads\/main, got "refs\/heads\/dev"/,
    ],
    [
      'a self-hosted runner',
      { ext: { ...Object.fromEntries(ext), [FULCIO_OIDS.runnerEnvironment]: 'self-hosted' } },
      /1\.11=github-hosted, got "self-hosted"/,
    ],
    [
      'no runner environment',
      { ext: without(FULCIO_OIDS.runnerEnvironment) },
      /runner environment extension 1\.3\.6\.1\.4\.1\.57264\.1\.11=github-hosted, but the certificate has none/,
    ],
  ])('rejects %s, saying expected vs actual', (_what, c, msg) => {
    expect(() => matchIdentity([rule], cert(c))).toThrow(msg);
  });
});

// Issue 10 item 12: the SAN pins the workflow; the build signer URI (.1.9) and the other
// provider-generic extensions arrived in early 2023, so a certificate without them is judged by
// the deprecated GitHub extensions it does carry, and any extension it holds must agree.
describe('certificates issued before and after the 2023 Fulcio extensions', () => {
  const NEW = {
    [FULCIO_OIDS.buildSignerUri]: SAN,
    [FULCIO_OIDS.sourceRepositoryUri]: 'https://github.com/acme/app',
    [FULCIO_OIDS.sourceRepositoryRef]: 'refs/heads/main',
    [FULCIO_OIDS.runnerEnvironment]: 'github-hosted',
  };
  const LEGACY = {
    [FULCIO_OIDS.legacyWorkflowRepository]: 'acme/app',
    [FULCIO_OIDS.legacyWorkflowRef]: 'refs/heads/main',
  };
  const pinning = {
    exactRef: { signerWorkflow: `${WF}@refs/heads/main` },
    anyRef: { signerWorkflow: WF },
    repository: { signerRepository: 'acme/app' },
    repoAndRef: { signerWorkflow: WF, signerRepository: 'acme/app', sourceRef: 'refs/heads/main' },
    hosted: { signerWorkflow: WF, denySelfHostedRunners: true },
  } as const;
  const check = (p: keyof typeof pinning, c: Parameters<typeof cert>[0]) => {
    const rule = workflowIdentityRule(pinning[p], {});
    return () => matchIdentity([rule], cert(c));
  };

  it.each<[string, keyof typeof pinning, Parameters<typeof cert>[0]]>([
    ['pre-2023 (legacy extensions only), exact ref', 'exactRef', { ext: LEGACY }],
    ['pre-2023, any ref', 'anyRef', { ext: LEGACY }],
    ['pre-2023, no Fulcio extensions at all', 'exactRef', { ext: {} }],
    ['pre-2023, repository from the legacy .1.5', 'repository', { ext: LEGACY }],
    ['pre-2023, repository and ref from .1.5 / .1.6', 'repoAndRef', { ext: LEGACY }],
    ['post-2023 only', 'repoAndRef', { ext: NEW }],
    ['both generations, agreeing', 'repoAndRef', { ext: { ...NEW, ...LEGACY } }],
    ['hosted runner, post-2023', 'hosted', { ext: NEW }],
  ])('accepts %s', (_what, p, c) => {
    expect(check(p, c)).not.toThrow();
  });

  it.each<[string, keyof typeof pinning, Parameters<typeof cert>[0], RegExp]>([
    [
      'a build signer URI naming another workflow than the SAN',
      'exactRef',
      {
        ext: {
          ...NEW,
          [FULCIO_OIDS.buildSignerUri]:
            'https://github.com/acme/app/.github/workflows/x.yml@refs/heads/main',
        },
      },
      /expected build signer URI extension 1\.3\.6\.1\.4\.1\.57264\.1\.9=the SAN, got ".*x\.yml@refs\/heads\/main"/,
    ],
    [
      'a build signer URI at another ref than the SAN (any-ref pinning)',
      'anyRef',
      { ext: { ...NEW, [FULCIO_OIDS.buildSignerUri]: `https://github.com/${WF}@refs/heads/dev` } },
      /build signer URI .*=the SAN, got ".*@refs\/heads\/dev"/,
    ],
    [
      'the SAN at another ref than pinned, even without .1.9',
      'exactRef',
      { san: `https://github.com/${WF}@refs/heads/dev`, ext: LEGACY },
      /expected identity https:\/\/github\.com\/acme\/app\/\.github\/workflows\/release\.yml@refs\/heads\/main/,
    ],
    [
      'a SAN that only contains the workflow',
      'exactRef',
      { san: `${SAN}/x`, ext: {} },
      /expected identity/,
    ],
    [
      'pre-2023 with another legacy repository',
      'repository',
      { ext: { ...LEGACY, [FULCIO_OIDS.legacyWorkflowRepository]: 'acme/app-fork' } },
      /source repository extension 1\.3\.6\.1\.4\.1\.57264\.1\.5=acme\/app, got "acme\/app-fork"/,
    ],
    [
      'post-2023 whose legacy repository disagrees with .1.12',
      'repository',
      { ext: { ...NEW, [FULCIO_OIDS.legacyWorkflowRepository]: 'evil/app' } },
      /1\.5=acme\/app, got "evil\/app"/,
    ],
    [
      'pre-2023 with another legacy ref',
      'repoAndRef',
      { ext: { ...LEGACY, [FULCIO_OIDS.legacyWorkflowRef]: 'refs/heads/dev' } },
      /source ref extension 1\.3\.6\.1\.4\.1\.57264\.1\.6=refs\/heads\/main, got "refs\/heads\/dev"/,
    ],
    [
      'no repository extension of either generation',
      'repository',
      { ext: { [FULCIO_OIDS.legacyWorkflowRef]: 'refs/heads/main' } },
      /source repository extension 1\.3\.6\.1\.4\.1\.57264\.1\.12 or 1\.3\.6\.1\.4\.1\.57264\.1\.5=.*but the certificate has none/,
    ],
    [
      'deny-self-hosted-runners on a pre-2023 certificate (no runner extension exists)',
      'hosted',
      { ext: LEGACY },
      /runner environment .*but the certificate has none/,
    ],
  ])('rejects %s', (_what, p, c, msg) => {
    expect(check(p, c)).toThrow(msg);
  });

  it('rejects a build signer URI that is present but not a string (never read as absent)', () => {
    const rule = workflowIdentityRule(pinning.exactRef, {});
    const id: CertIdentity = {
      ...cert({ ext: LEGACY }),
      present: new Set([...Object.keys(LEGACY), FULCIO_OIDS.buildSignerUri]),
    };
    expect(() => matchIdentity([rule], id)).toThrow(
      /build signer URI extension 1\.3\.6\.1\.4\.1\.57264\.1\.9 is present but not a string/,
    );
  });
});

describe('real GitHub Actions certificates', () => {
  const FIX = join(import.meta.dirname, '../fixtures');
  const leaf = (file: string): CertIdentity => {
    const b = JSON.parse(readFileSync(join(FIX, file), 'utf8')) as {
      verificationMaterial: {
        certificate?: { rawBytes: string };
        x509CertificateChain?: { certificates: Array<{ rawBytes: string }> };
      };
    };
    const vm = b.verificationMaterial;
    const raw = vm.certificate?.rawBytes ?? vm.x509CertificateChain!.certificates[0].rawBytes;
    return readCertIdentity(X509Certificate.parse(Buffer.from(raw, 'base64')));
  };
  const distroless = (): CertIdentity => {
    const a = JSON.parse(
      readFileSync(join(FIX, 'cosign-legacy-att-distroless/annotations.json'), 'utf8'),
    ) as Record<string, string>;
    return readCertIdentity(X509Certificate.parse(a['dev.sigstore.cosign/certificate']));
  };
  const REUSABLE =
    'github/artifact-attestations-workflows/.github/workflows/attest.yml@09b495c3f12c7881b3cc17209a327792065c1a1d';
  const rule = (o: Partial<GateOptions>) => buildIdentityRules({ ...base, ...o });

  it('reads the 2022 distroless certificate: legacy issuer .1.1 only, no .1.8, no .1.9', () => {
    const id = distroless();
    expect(id.issuer).toBe(GITHUB_ACTIONS_ISSUER);
    expect(id.present?.has('1.3.6.1.4.1.57264.1.8')).toBe(false);
    expect(id.present?.has(FULCIO_OIDS.buildSignerUri)).toBe(false);
  });

  it.each<[string, () => CertIdentity, Partial<GateOptions>]>([
    [
      'distroless 2022: signer-workflow at its ref',
      distroless,
      { signerWorkflow: 'distroless/static/.github/workflows/release.yaml@refs/heads/main' },
    ],
    [
      'distroless 2022: signer-workflow, repository and ref (legacy .1.5 / .1.6)',
      distroless,
      {
        signerWorkflow: 'distroless/static/.github/workflows/release.yaml',
        signerRepository: 'distroless/static',
        sourceRef: 'refs/heads/main',
      },
    ],
    [
      'cli/cli reusable workflow: SAN and .1.9 name the reusable workflow, .1.12 the caller',
      () => leaf('cli-cli-attestation/reusable-workflow-attestation.sigstore.json'),
      {
        signerWorkflow: REUSABLE,
        signerRepository: 'malancas/attest-demo',
        denySelfHostedRunners: true,
      },
    ],
    [
      'cli/cli custom issuer (GitHub Enterprise style), both issuer extensions',
      () => leaf('cli-cli-attestation/custom-issuer.sigstore.json'),
      {
        signerWorkflow: 'too-legit/attest/.github/workflows/integration.yml@refs/heads/main',
        certificateOidcIssuer: 'https://token.actions.githubusercontent.com/hammer-time',
        sourceRef: 'refs/heads/main',
      },
    ],
    [
      'sigstore-js 2023 npm provenance',
      () => leaf('cli-cli-attestation/sigstore-js-2.1.0-bundle.json'),
      {
        signerWorkflow: 'sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main',
        signerRepository: 'sigstore/sigstore-js',
      },
    ],
  ])('accepts %s', (_what, id, o) => {
    expect(() => matchIdentity(rule(o), id())).not.toThrow();
  });

  it.each<[string, () => CertIdentity, Partial<GateOptions>, RegExp]>([
    [
      'distroless 2022 at another ref',
      distroless,
      { signerWorkflow: 'distroless/static/.github/workflows/release.yaml@refs/heads/dev' },
      /expected identity .*@refs\/heads\/dev/,
    ],
    [
      'distroless 2022 from another repository (legacy .1.5)',
      distroless,
      {
        signerWorkflow: 'distroless/static/.github/workflows/release.yaml',
        signerRepository: 'distroless/base',
      },
      /1\.5=distroless\/base, got "distroless\/static"/,
    ],
    [
      'distroless 2022 with deny-self-hosted-runners (it cannot show a hosted runner)',
      distroless,
      {
        signerWorkflow: 'distroless/static/.github/workflows/release.yaml',
        denySelfHostedRunners: true,
      },
      /runner environment .*has none/,
    ],
    [
      'distroless 2022 under another issuer',
      distroless,
      {
        signerWorkflow: 'distroless/static/.github/workflows/release.yaml',
        certificateOidcIssuer: 'https://token.actions.githubusercontent.com/hammer-time',
      },
      /expected issuer/,
    ],
    [
      'the reusable workflow pinned as the caller workflow',
      () => leaf('cli-cli-attestation/reusable-workflow-attestation.sigstore.json'),
      { signerWorkflow: 'malancas/attest-demo/.github/workflows/shared.yml@refs/heads/main' },
      /expected identity/,
    ],
    [
      'the custom-issuer certificate under the default issuer',
      () => leaf('cli-cli-attestation/custom-issuer.sigstore.json'),
      { signerWorkflow: 'too-legit/attest/.github/workflows/integration.yml' },
      /expected issuer https:\/\/token\.actions\.githubusercontent\.com, got .*hammer-time/,
    ],
  ])('rejects %s', (_what, id, o, msg) => {
    expect(() => matchIdentity(rule(o), id())).toThrow(msg);
  });
});

describe('generated certificates, with and without the extensions', () => {
  let ts: TestSigstore;
  beforeAll(async () => {
    ts = await createTestSigstore();
  });
  const DIGEST = `sha256:${'ab'.repeat(32)}`;
  const verify = (signer: KeylessSigner, o: Partial<GateOptions>) => {
    const signed = ts.signBundle({ imageDigest: DIGEST, signer });
    const v = createSignatureVerifier(ts.trustedRoot, {
      keys: [],
      identities: buildIdentityRules({ ...base, ...o }),
      requireTlog: true,
      requireSct: true,
    });
    return () => v.verifyBundle(signed.bundle, { digest: DIGEST }, 'bundle-referrer');
  };
  const pin = { signerWorkflow: `${WF}@refs/heads/main`, signerRepository: 'acme/app' };
  const legacy = { [FULCIO_OIDS.legacyWorkflowRepository]: 'acme/app' };
  const current = {
    [FULCIO_OIDS.buildSignerUri]: SAN,
    [FULCIO_OIDS.sourceRepositoryUri]: 'https://github.com/acme/app',
  };

  it.each<[string, KeylessSigner]>([
    [
      'a pre-2023 leaf: legacy issuer .1.1 only, legacy repository',
      {
        identity: SAN,
        issuer: GITHUB_ACTIONS_ISSUER,
        issuerExtensions: 'legacy',
        extensions: legacy,
      },
    ],
    [
      'a post-2023 leaf: .1.8 and the generic extensions',
      { identity: SAN, issuer: GITHUB_ACTIONS_ISSUER, extensions: current },
    ],
    [
      'a leaf with both generations',
      { identity: SAN, issuer: GITHUB_ACTIONS_ISSUER, extensions: { ...legacy, ...current } },
    ],
  ])('verifies %s', (_what, signer) => {
    expect(verify(signer, pin)().identity).toBe(SAN);
  });

  it.each<[string, KeylessSigner, RegExp]>([
    [
      'a legacy-only leaf under another issuer',
      {
        identity: SAN,
        issuer: 'https://token.actions.example',
        issuerExtensions: 'legacy',
        extensions: legacy,
      },
      /expected issuer https:\/\/token\.actions\.githubusercontent\.com, got .*token\.actions\.example/,
    ],
    [
      'a leaf whose build signer URI disagrees with its SAN',
      {
        identity: SAN,
        issuer: GITHUB_ACTIONS_ISSUER,
        extensions: {
          ...current,
          [FULCIO_OIDS.buildSignerUri]:
            'https://github.com/evil/x/.github/workflows/a.yml@refs/heads/main',
        },
      },
      /build signer URI .*=the SAN, got ".*evil/,
    ],
    [
      'a leaf with neither repository extension',
      {
        identity: SAN,
        issuer: GITHUB_ACTIONS_ISSUER,
        extensions: { [FULCIO_OIDS.buildSignerUri]: SAN },
      },
      /source repository .*has none/,
    ],
    [
      'a leaf whose legacy issuer .1.1 disagrees with .1.8',
      {
        identity: SAN,
        issuer: GITHUB_ACTIONS_ISSUER,
        extensions: { ...current, '1.3.6.1.4.1.57264.1.1': 'https://evil.example' },
      },
      /issuer extensions disagree/,
    ],
  ])('rejects %s (UNTRUSTED_SIGNER)', (_what, signer, msg) => {
    const g = failure(verify(signer, pin));
    expect(g.code).toBe('UNTRUSTED_SIGNER');
    expect(g.message).toMatch(msg);
  });

  // Raw extension bytes the factory would never write: built with the DER helpers directly.
  const leafWith = (exts: Buffer[]): CertIdentity => {
    const keys = generateKeyPair();
    const der = createCertificate({
      subject: seq(),
      publicKey: keys.publicKey,
      issuer: ts.fulcio.intermediate,
      notBefore: new Date(Date.now() - 1000),
      notAfter: new Date(Date.now() + 600_000),
      extensions: [
        extension(OID.subjectAltName, true, seq(implicitPrimitive(6, Buffer.from(SAN)))),
        ...exts,
      ],
    });
    return readCertIdentity(X509Certificate.parse(Buffer.from(der)));
  };
  const fulcio = (oid: string, v: string) => extension(oid, false, fulcioExtensionValue(oid, v));

  it('reads the issuer from .1.1 alone', () => {
    expect(leafWith([fulcio(OID.fulcioIssuerV1, GITHUB_ACTIONS_ISSUER)]).issuer).toBe(
      GITHUB_ACTIONS_ISSUER,
    );
  });

  it.each<[string, Buffer[], RegExp]>([
    [
      'a .1.8 issuer that is a raw string, not DER (next to a good .1.1)',
      [
        fulcio(OID.fulcioIssuerV1, GITHUB_ACTIONS_ISSUER),
        extension(OID.fulcioIssuerV2, false, Buffer.from(GITHUB_ACTIONS_ISSUER)),
      ],
      /issuer extension 1\.3\.6\.1\.4\.1\.57264\.1\.8 is not a DER string/,
    ],
    [
      'the build signer URI twice',
      [
        fulcio(OID.fulcioIssuerV2, GITHUB_ACTIONS_ISSUER),
        fulcio(FULCIO_OIDS.buildSignerUri, SAN),
        fulcio(FULCIO_OIDS.buildSignerUri, 'https://github.com/evil/x/.github/workflows/a.yml@v1'),
      ],
      /holds extension 1\.3\.6\.1\.4\.1\.57264\.1\.9 twice/,
    ],
    [
      'the issuer twice',
      [
        fulcio(OID.fulcioIssuerV1, 'https://evil.example'),
        fulcio(OID.fulcioIssuerV1, GITHUB_ACTIONS_ISSUER),
      ],
      /holds extension 1\.3\.6\.1\.4\.1\.57264\.1\.1 twice/,
    ],
  ])('refuses a leaf with %s', (_what, exts, msg) => {
    const g = failure(() => leafWith(exts));
    expect(g.code).toBe('UNTRUSTED_SIGNER');
    expect(g.message).toMatch(msg);
  });

  it('rejects a build signer URI that is not a DER string, on a real parse', () => {
    const id = leafWith([
      fulcio(OID.fulcioIssuerV2, GITHUB_ACTIONS_ISSUER),
      extension(FULCIO_OIDS.buildSignerUri, false, Buffer.from(SAN)),
    ]);
    expect(() => matchIdentity(buildIdentityRules({ ...base, ...pin }), id)).toThrow(
      /1\.9 is present but not a string/,
    );
  });
});

// Red-team round (issue 15): a public workflow with `on: workflow_call` can be called from any
// repository; the certificate then names the called workflow as SAN and build signer URI, and
// the caller as source repository. signer-workflow alone pinned only the SAN, so a run in
// evil/app that called acme/app's release.yml (checking out and building evil/app's code)
// verified as acme/app's release.
describe('signer-workflow alone pins the run to the workflow repository', () => {
  const caller = (repo: string) =>
    cert({
      ext: {
        [FULCIO_OIDS.buildSignerUri]: SAN,
        [FULCIO_OIDS.sourceRepositoryUri]: `https://github.com/${repo}`,
        [FULCIO_OIDS.sourceRepositoryRef]: 'refs/heads/main',
        [FULCIO_OIDS.runnerEnvironment]: 'github-hosted',
      },
    });

  it.each([`${WF}@refs/heads/main`, WF])(
    'rejects %s called as a reusable workflow from another repository',
    (signerWorkflow) => {
      const rule = workflowIdentityRule({ signerWorkflow }, {});
      expect(() => matchIdentity([rule], caller('evil/app'))).toThrow(
        /expected source repository extension 1\.3\.6\.1\.4\.1\.57264\.1\.12=https:\/\/github\.com\/acme\/app, got "https:\/\/github\.com\/evil\/app"/,
      );
      // The deprecated .1.5 (pre-2023 certificates) names the caller as well.
      expect(() =>
        matchIdentity(
          [rule],
          cert({ ext: { [FULCIO_OIDS.legacyWorkflowRepository]: 'evil/app' } }),
        ),
      ).toThrow(/1\.5=acme\/app, got "evil\/app"/);
      expect(matchIdentity([rule], caller('acme/app'))).toBe(rule);
    },
  );

  it('a shared builder called from other repositories names them with signer-repository', () => {
    const rule = workflowIdentityRule(
      { signerWorkflow: `${WF}@refs/heads/main`, signerRepository: 'evil/app' },
      {},
    );
    expect(matchIdentity([rule], caller('evil/app'))).toBe(rule);
    expect(() => matchIdentity([rule], caller('acme/app'))).toThrow(
      /got "https:\/\/github\.com\/acme\/app"/,
    );
  });
});
