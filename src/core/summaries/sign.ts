// Signing verification summaries into Sigstore bundles v0.3 (DSSE, in-toto payload): keyless with
// Fulcio (the OIDC token comes from the front end) or with a key (a file, AWS KMS or Vault
// transit: trust/signing-key.ts), logged in Rekor either way.
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { bundleToJSON } from '@sigstore/bundle';
import { SigningConfig, type Service } from '@sigstore/protobuf-specs';
import {
  DSSEBundleBuilder,
  FulcioSigner,
  RekorWitness,
  TSAWitness,
  type Signer,
  type Witness,
} from '@sigstore/sign';
import { GateError } from '../errors.js';
import type { InTotoStatement } from '../signatures/statement.js';
import { IN_TOTO_PAYLOAD_TYPE } from '../signatures/statement.js';
import { loadSigner, type SigningKey } from '../trust/signing-key.js';

/** How summaries are signed: `keyless` (Fulcio) or with a key (file, awskms://, hashivault://). */
export type SummarySigning = { kind: 'keyless' } | { kind: 'key'; keyRef: string };

/** An OIDC identity token for `audience` (the Action reads it from the runner; see edge/id-token.ts). */
export type IdTokenProvider = (audience: string) => Promise<string>;

export interface SummarySigner {
  /** The bundle (protobuf-specs JSON) of the statement, signed and logged. */
  sign(statement: InTotoStatement): Promise<unknown>;
  /** Who signs: the key's reference, or `keyless`. */
  readonly signer: string;
}

export interface SignerDeps {
  env: NodeJS.ProcessEnv;
  idToken?: IdTokenProvider;
  /** A signing_config.json (or client trust config) naming Fulcio, Rekor and TSAs. */
  signingConfig?: string;
  timeoutMs?: number;
}

/** Public-good Sigstore's services, for runs that name no signing config. */
export const PUBLIC_GOOD_SIGNING_CONFIG = {
  mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
  caUrls: [
    {
      url: 'https://fulcio.sigstore.dev',
      majorApiVersion: 1,
      validFor: { start: '2023-04-14T21:38:40Z' },
    },
  ],
  oidcUrls: [],
  rekorTlogUrls: [
    {
      url: 'https://rekor.sigstore.dev',
      majorApiVersion: 1,
      validFor: { start: '2021-01-12T11:53:27Z' },
    },
  ],
  rekorTlogConfig: { selector: 'ANY' },
  tsaUrls: [],
};

const SIGNING_CONFIG_TYPES = /^application\/vnd\.dev\.sigstore\.signingconfig\.v0\.[12]\+json$/;
const CLIENT_TRUST_CONFIG = /^application\/vnd\.dev\.sigstore\.clienttrustconfig\.v0\.1\+json$/;

export async function createSummarySigner(
  how: SummarySigning,
  deps: SignerDeps,
): Promise<SummarySigner> {
  const config = await readSigningConfig(deps.signingConfig);
  const timeout = deps.timeoutMs ?? 30_000;
  const witnesses = witnessesOf(config, timeout);
  let signer: Signer;
  if (how.kind === 'keyless') {
    const idToken = deps.idToken;
    if (!idToken)
      throw new GateError(
        'USAGE',
        'sign-summary: keyless needs an OIDC token: in GitHub Actions grant `permissions: id-token: write`; elsewhere set SIGSTORE_ID_TOKEN',
      );
    signer = new FulcioSigner({
      fulcioBaseURL: newest(config.caUrls, 1, 'Fulcio (caUrls)').url,
      identityProvider: { getToken: () => idToken('sigstore') },
      timeout,
      retry: { retries: 2 },
    });
  } else {
    signer = keySigner(await loadSigner(how.keyRef, { env: deps.env }));
  }
  const builder = new DSSEBundleBuilder({ signer, witnesses });
  return {
    signer: how.kind === 'keyless' ? 'keyless' : how.keyRef,
    async sign(statement) {
      try {
        const bundle = await builder.create({
          data: Buffer.from(JSON.stringify(statement)),
          type: IN_TOTO_PAYLOAD_TYPE,
        });
        return bundleToJSON(bundle);
      } catch (e: unknown) {
        if (e instanceof GateError) throw e;
        throw new GateError('NETWORK', `sign-summary: signing failed: ${reasonOf(e)}`, {
          cause: e,
        });
      }
    },
  };
}

/** A signing key as @sigstore/sign's Signer: the DSSE PAE signed as cosign signs it. */
function keySigner(key: SigningKey): Signer {
  // cosign's hint: base64 SHA-256 of the DER public key (a verifier still tries its own keys).
  const hint = createHash('sha256').update(key.key.spki).digest('base64');
  return {
    sign: async (data) => ({
      signature: await key.sign(data),
      key: { $case: 'publicKey', publicKey: key.key.pem, hint },
    }),
  };
}

async function readSigningConfig(file: string | undefined): Promise<SigningConfig> {
  if (file === undefined) return SigningConfig.fromJSON(PUBLIC_GOOD_SIGNING_CONFIG);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e: unknown) {
    throw new GateError('USAGE', `signing-config: cannot read ${file}: ${reasonOf(e)}`, {
      cause: e,
    });
  }
  const o = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const mediaType = typeof o.mediaType === 'string' ? o.mediaType : '';
  if (CLIENT_TRUST_CONFIG.test(mediaType) && typeof o.signingConfig === 'object')
    return SigningConfig.fromJSON(o.signingConfig);
  if (!SIGNING_CONFIG_TYPES.test(mediaType))
    throw new GateError(
      'USAGE',
      `signing-config: ${file} has mediaType ${JSON.stringify(mediaType)} (expected application/vnd.dev.sigstore.signingconfig.v0.2+json or a client trust config)`,
    );
  return SigningConfig.fromJSON(json);
}

/**
 * Rekor from the signing config, and a TSA when it names one. A Rekor v1 log gets an `intoto`
 * entry (the body Rekor stores is the envelope itself, which every verifier can check against the
 * bundle); a v2 log takes DSSE entries only.
 */
function witnessesOf(config: SigningConfig, timeout: number): Witness[] {
  const tlog = newest(config.rekorTlogUrls, 2, 'Rekor (rekorTlogUrls)');
  const witnesses: Witness[] = [
    new RekorWitness({
      rekorBaseURL: tlog.url,
      majorApiVersion: tlog.majorApiVersion,
      ...(tlog.majorApiVersion === 1 ? { entryType: 'intoto' as const } : {}),
      timeout,
      retry: { retries: 2 },
    }),
  ];
  const tsa = config.tsaUrls.length ? newest(config.tsaUrls, 1, 'TSA (tsaUrls)') : undefined;
  if (tsa) witnesses.push(new TSAWitness({ tsaBaseURL: tsa.url, timeout, retry: { retries: 2 } }));
  return witnesses;
}

/** The most recently started service still valid, of an API version we speak. */
function newest(services: Service[], maxVersion: number, what: string): Service {
  const now = Date.now();
  const usable = services
    .filter((s) => s.majorApiVersion >= 1 && s.majorApiVersion <= maxVersion)
    .filter((s) => !s.validFor?.end || s.validFor.end.getTime() >= now)
    .sort((a, b) => (b.validFor?.start?.getTime() ?? 0) - (a.validFor?.start?.getTime() ?? 0));
  const s = usable[0];
  if (!s) throw new GateError('USAGE', `signing-config: names no usable ${what} service`);
  return s;
}

function reasonOf(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
  return msg + cause;
}
