// GitHub workflow pinning inputs -> one anchored IdentityRule, and that rule against the
// identities Fulcio writes (matched by the same matchIdentity the verifier uses).
import { describe, expect, it } from 'vitest';
import { buildIdentityRules } from '../../src/core/gate.js';
import type { GateOptions } from '../../src/core/options.js';
import { matchIdentity, type CertIdentity } from '../../src/core/signatures/identity.js';
import {
  FULCIO_OIDS,
  GITHUB_ACTIONS_ISSUER,
  workflowIdentityRule,
  workflowMatcher,
} from '../../src/core/workflow-identity.js';

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
  it('derives SAN, issuer and the four extensions', () => {
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
        extensions: {
          [FULCIO_OIDS.buildSignerUri]: { exact: SAN },
          [FULCIO_OIDS.sourceRepositoryUri]: { exact: 'https://github.com/acme/app' },
          [FULCIO_OIDS.sourceRepositoryRef]: { exact: 'refs/heads/main' },
          [FULCIO_OIDS.runnerEnvironment]: { exact: 'github-hosted' },
        },
      },
    ]);
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
      extensions: { [FULCIO_OIDS.sourceRepositoryRef]: { exact: 'refs/heads/main' } },
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
      /expected extension 1\.3\.6\.1\.4\.1\.57264\.1\.12=https:\/\/github\.com\/acme\/app, got "https:\/\/github\.com\/acme\/app-fork"/,
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
    ['no build signer URI', { ext: without(FULCIO_OIDS.buildSignerUri) }, /1\.9=.*, got null/],
    [
      'no runner environment',
      { ext: without(FULCIO_OIDS.runnerEnvironment) },
      /1\.11=github-hosted, got null/,
    ],
  ])('rejects %s, saying expected vs actual', (_what, c, msg) => {
    expect(() => matchIdentity([rule], cert(c))).toThrow(msg);
  });
});
