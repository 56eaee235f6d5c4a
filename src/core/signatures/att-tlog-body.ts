// Binds a Rekor entry to the exact `.att` envelope it is attached to. sigstore-js compares only
// signature and payload hash (intoto 0.0.2, dsse 0.0.1) and cannot read intoto 0.0.1 at all.
import { createHash } from 'node:crypto';
import { GateError } from '../errors.js';
import { parseStrictJsonBytes } from './strict-json.js';

/** The log entry kinds cosign (v1, v2) logs attestations as. */
export const ATTESTATION_ENTRY_KINDS: readonly string[] = [
  'intoto/0.0.1',
  'intoto/0.0.2',
  'dsse/0.0.1',
];

export interface AttEntry {
  kindVersion?: { kind: string; version: string };
  canonicalizedBody: Buffer;
  logIndex: string;
}

export interface AttEnvelope {
  /** The layer blob exactly as stored: what cosign uploaded and hashed. */
  bytes: Uint8Array;
  payloadType: string;
  payload: Buffer;
  /** The raw (decoded) DSSE signature. */
  signature: Buffer;
}

/**
 * TLOG_INVALID unless the entry's body records this envelope: its sha256 (cosign compares the
 * same), its payload's sha256, and, where the kind keeps them, its payloadType and its only
 * signature. The signer's key or certificate is bound separately (checkTlogSigner).
 */
export function checkAttestationBody(entry: AttEntry, env: AttEnvelope, what: string): void {
  const fail = (why: string): GateError =>
    new GateError('TLOG_INVALID', `${what}: tlog entry (logIndex ${entry.logIndex}) ${why}`);
  const kv = `${entry.kindVersion?.kind ?? '?'}/${entry.kindVersion?.version ?? '?'}`;
  if (!ATTESTATION_ENTRY_KINDS.includes(kv)) {
    throw fail(
      `is a ${kv} entry; attestations are logged as ${ATTESTATION_ENTRY_KINDS.join(', ')}`,
    );
  }
  let body: unknown;
  try {
    body = parseStrictJsonBytes(entry.canonicalizedBody);
  } catch (e: unknown) {
    throw new GateError('TLOG_INVALID', `${what}: tlog entry body is not strict JSON`, {
      cause: e,
    });
  }
  if (
    get(body, 'kind') !== entry.kindVersion?.kind ||
    get(body, 'apiVersion') !== entry.kindVersion?.version
  ) {
    throw fail(`body is not the ${kv} entry it claims to be`);
  }
  const spec = get(body, 'spec');
  const envelopeHash = sha256(env.bytes);
  const payloadHash = sha256(env.payload);
  const sigB64 = env.signature.toString('base64');

  const wantHash = (h: unknown, name: string, want: string, of: string): void => {
    if (get(h, 'algorithm') !== 'sha256' || typeof get(h, 'value') !== 'string') {
      throw fail(`has no sha256 ${name}`);
    }
    if ((get(h, 'value') as string).toLowerCase() !== want) {
      throw fail(`records ${name} ${String(get(h, 'value'))}, not the sha256 of ${of} (${want})`);
    }
  };
  const oneSignature = (sigs: unknown): unknown => {
    if (!Array.isArray(sigs) || sigs.length !== 1) {
      throw fail(
        `records ${Array.isArray(sigs) ? sigs.length : 'no'} signatures (exactly 1 expected)`,
      );
    }
    return sigs[0];
  };

  switch (kv) {
    case 'intoto/0.0.1':
      wantHash(get(spec, 'content', 'hash'), 'envelope hash', envelopeHash, 'this envelope');
      wantHash(get(spec, 'content', 'payloadHash'), 'payload hash', payloadHash, 'this payload');
      if (typeof get(spec, 'publicKey') !== 'string') throw fail('records no public key');
      return;
    case 'intoto/0.0.2': {
      wantHash(get(spec, 'content', 'hash'), 'envelope hash', envelopeHash, 'this envelope');
      wantHash(get(spec, 'content', 'payloadHash'), 'payload hash', payloadHash, 'this payload');
      const recorded = get(spec, 'content', 'envelope', 'payloadType');
      if (recorded !== env.payloadType) {
        throw fail(
          `records payloadType ${JSON.stringify(recorded ?? null)}, not ${JSON.stringify(env.payloadType)}`,
        );
      }
      const s = oneSignature(get(spec, 'content', 'envelope', 'signatures'));
      // Rekor keeps the envelope's base64 signature string, base64-encoded once more.
      const sig = get(s, 'sig');
      if (typeof sig !== 'string' || Buffer.from(sig, 'base64').toString('utf8') !== sigB64) {
        throw fail('records a different signature');
      }
      if (typeof get(s, 'publicKey') !== 'string') throw fail('records no public key');
      return;
    }
    default: {
      // dsse/0.0.1
      wantHash(get(spec, 'envelopeHash'), 'envelope hash', envelopeHash, 'this envelope');
      wantHash(get(spec, 'payloadHash'), 'payload hash', payloadHash, 'this payload');
      const s = oneSignature(get(spec, 'signatures'));
      if (get(s, 'signature') !== sigB64) throw fail('records a different signature');
      if (typeof get(s, 'verifier') !== 'string') throw fail('records no verifier');
    }
  }
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function get(o: unknown, ...path: string[]): unknown {
  let cur = o;
  for (const k of path) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
