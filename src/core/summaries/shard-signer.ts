// Who must have signed the shard reports a merge reads (merge --shard-key | --shard-identity):
// kept apart from report-signature.ts so the CLI's argument parser loads only this.
import { GateError } from '../errors.js';

/** A key, or an identity with its issuer. */
export interface ShardSigner {
  keyRef?: string;
  identity?: string;
  issuer?: string;
}

/**
 * The shard signer as given, checked (`spell` names the flag or input): a key, or an identity
 * with its issuer; undefined when none is given (merge then trusts the files).
 */
export function shardSignerOf(
  given: { key?: string; identity?: string; issuer?: string },
  spell: (name: 'key' | 'identity' | 'issuer') => string,
): ShardSigner | undefined {
  const { key, identity, issuer } = given;
  const keyless = identity !== undefined || issuer !== undefined;
  if (key !== undefined && keyless)
    throw new GateError(
      'USAGE',
      `${spell('key')} ('${key}') excludes ${spell('identity')}/${spell('issuer')}: give one shard signer`,
    );
  if (keyless && (identity === undefined || issuer === undefined))
    throw new GateError('USAGE', `${spell('identity')} and ${spell('issuer')} need each other`);
  if (key !== undefined) return { keyRef: key };
  if (identity !== undefined && issuer !== undefined) return { identity, issuer };
  return undefined;
}
