// Plain-JS signer for the built-in example and the e2e seed: signs images the way cosign's
// legacy `.sig` format does (simple-signing payload, ECDSA P-256) and vouches for each signature
// with a local "example Rekor" log key, listed in a trusted_root.json written next to it.
// It is not a Sigstore instance: it only lets the example exercise the real tlog check.
import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';

const sha256 = (b) => createHash('sha256').update(b).digest();

/** JSON with sorted keys and no spaces: the form Rekor signs its entry timestamps over. */
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

export function createExampleLog(start = new Date('2020-01-01T00:00:00Z')) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const logID = sha256(der);
  let logIndex = 0;
  return {
    trustedRoot: {
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [
        {
          baseUrl: 'https://rekor.example.invalid',
          hashAlgorithm: 'SHA2_256',
          publicKey: {
            rawBytes: der.toString('base64'),
            keyDetails: 'PKIX_ECDSA_P256_SHA_256',
            validFor: { start: start.toISOString() },
          },
          logId: { keyId: logID.toString('base64') },
        },
      ],
      certificateAuthorities: [],
      ctlogs: [],
      timestampAuthorities: [],
    },
    /** A Rekor hashedrekord 0.0.1 entry and its SignedEntryTimestamp, as cosign stores it. */
    entryFor(payload, signature, signerPublicKey, integratedTime = Math.floor(Date.now() / 1000)) {
      const pem = signerPublicKey.export({ type: 'spki', format: 'pem' });
      const body = Buffer.from(
        JSON.stringify({
          apiVersion: '0.0.1',
          kind: 'hashedrekord',
          spec: {
            data: { hash: { algorithm: 'sha256', value: sha256(payload).toString('hex') } },
            signature: {
              content: signature.toString('base64'),
              publicKey: { content: Buffer.from(pem).toString('base64') },
            },
          },
        }),
      ).toString('base64');
      const entry = { body, integratedTime, logIndex: logIndex++, logID: logID.toString('hex') };
      const set = sign('sha256', Buffer.from(canonical(entry)), privateKey);
      return JSON.stringify({ SignedEntryTimestamp: set.toString('base64'), Payload: entry });
    },
  };
}

export function generateSigningKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, publicKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }) };
}

/** The payload and annotations of one legacy cosign signature layer for `digest`. */
export function signLegacy({ digest, dockerReference, key, log }) {
  const payload = Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': dockerReference },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature',
      },
      optional: null,
    }),
  );
  const signature = sign('sha256', payload, key.privateKey);
  const annotations = { 'dev.cosignproject.cosign/signature': signature.toString('base64') };
  if (log)
    annotations['dev.sigstore.cosign/bundle'] = log.entryFor(
      payload,
      signature,
      createPublicKey(key.publicPem),
    );
  return { payload, annotations };
}
