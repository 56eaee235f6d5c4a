// A loopback AWS KMS that speaks the real JSON 1.1 wire protocol for GetPublicKey and Sign and
// checks SigV4 signatures for real, so the real @aws-sdk/client-kms can be tested against it.
// Sign checks MessageType, SigningAlgorithm and digest length as KMS does, with its error types.
import {
  createHash,
  createHmac,
  createPublicKey,
  randomUUID,
  sign as cryptoSign,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signDigest } from './prehash-sign.js';

export interface FakeKmsOptions {
  region?: string;
  accountId?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export interface FakeKmsKey {
  keyId: string;
  arn: string;
}

export interface FakeKmsRequest {
  target: string | undefined;
  keyId: string | undefined;
  status: number;
  errorType?: string;
  /** Sign only: what was asked for. */
  messageType?: string;
  signingAlgorithm?: string;
  /** Sign only: the Message's length in bytes. */
  messageBytes?: number;
}

export interface FakeKmsKeyOptions {
  aliases?: string[];
  keyId?: string;
  keyUsage?: 'SIGN_VERIFY' | 'ENCRYPT_DECRYPT';
  /**
   * What Sign signs with; default the private key `addKey` was given. Another key's private
   * key makes a KMS that answers with signatures the public key does not verify.
   */
  privateKey?: KeyObject;
  /** Applied to every signature before it is returned (a KMS answering garbage). */
  tamper?: (signature: Buffer) => Buffer;
  /** Replaces the signing algorithms GetPublicKey lists and Sign accepts. */
  signingAlgorithms?: string[];
}

export interface FakeKms {
  /** http://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT, for awskms://HOST:PORT/... references. */
  hostPort: string;
  region: string;
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Environment for the AWS SDK pointing at this fake (credentials and region, no endpoint). */
  env: Record<string, string>;
  /** A public key (GetPublicKey only) or a private key (Sign too). */
  addKey(key: KeyObject, opts?: FakeKmsKeyOptions): FakeKmsKey;
  /** While true, every authenticated request gets AccessDeniedException. */
  setDeny(deny: boolean): void;
  requests: FakeKmsRequest[];
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;
/** KMS takes at most 4096 bytes of Message, RAW or DIGEST. */
const MAX_MESSAGE = 4096;

const SIGNING_ALGORITHMS = [
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
  'ECDSA_SHA_256',
  'ECDSA_SHA_384',
  'ECDSA_SHA_512',
  'SM2DSA',
  'ML_DSA_SHAKE_256',
  'ED25519_SHA_512',
  'ED25519_PH_SHA_512',
];
const MESSAGE_TYPES = ['RAW', 'DIGEST', 'EXTERNAL_MU'];

function hashOf(algorithm: string): 'sha256' | 'sha384' | 'sha512' | undefined {
  const m = /_SHA_(256|384|512)$/.exec(algorithm);
  return m ? (`sha${m[1]}` as 'sha256' | 'sha384' | 'sha512') : undefined;
}

function keySpecOf(key: KeyObject): { keySpec: string; signingAlgorithms: string[] } {
  const d = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'ec':
      if (d.namedCurve === 'prime256v1')
        return { keySpec: 'ECC_NIST_P256', signingAlgorithms: ['ECDSA_SHA_256'] };
      if (d.namedCurve === 'secp384r1')
        return { keySpec: 'ECC_NIST_P384', signingAlgorithms: ['ECDSA_SHA_384'] };
      if (d.namedCurve === 'secp521r1')
        return { keySpec: 'ECC_NIST_P521', signingAlgorithms: ['ECDSA_SHA_512'] };
      return { keySpec: 'ECC_SECG_P256K1', signingAlgorithms: ['ECDSA_SHA_256'] };
    case 'rsa': {
      const sizes = ['SHA_256', 'SHA_384', 'SHA_512'];
      return {
        keySpec: `RSA_${d.modulusLength ?? 2048}`,
        signingAlgorithms: [
          ...sizes.map((s) => `RSASSA_PKCS1_V1_5_${s}`),
          ...sizes.map((s) => `RSASSA_PSS_${s}`),
        ],
      };
    }
    case 'ed25519':
      return {
        keySpec: 'ECC_NIST_EDWARDS25519',
        signingAlgorithms: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'],
      };
    default:
      return { keySpec: 'UNKNOWN', signingAlgorithms: [] };
  }
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** RFC 3986 encoding as SigV4 canonicalisation wants it. */
function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

interface AuthFailure {
  type: string;
  message: string;
}

/** Recomputes the SigV4 signature the SDK sent; undefined when it matches. */
function checkSigV4(
  req: IncomingMessage,
  body: Buffer,
  creds: { accessKeyId: string; secretAccessKey: string; region: string },
): AuthFailure | undefined {
  const auth = req.headers.authorization ?? '';
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m)
    return { type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
  const [, credential = '', signedHeaderList = '', signature = ''] = m;
  const [akid, date, region, service, terminator] = credential.split('/');
  if (akid !== creds.accessKeyId) {
    return {
      type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    };
  }
  if (service !== 'kms' || terminator !== 'aws4_request' || region !== creds.region) {
    return {
      type: 'InvalidSignatureException',
      message: `Credential should be scoped to a valid region and service kms`,
    };
  }
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const dm = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!dm || amzDate.slice(0, 8) !== date) {
    return {
      type: 'IncompleteSignatureException',
      message: 'X-Amz-Date is missing or does not match the credential scope',
    };
  }
  const [y, mo, d, h, mi, sec] = dm.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const when = Date.UTC(y, mo - 1, d, h, mi, sec);
  if (Math.abs(Date.now() - when) > 15 * 60 * 1000) {
    return { type: 'InvalidSignatureException', message: 'Signature expired' };
  }
  const signedHeaders = signedHeaderList.split(';');
  if (
    !signedHeaders.includes('host') ||
    signedHeaders.join(';') !== [...signedHeaders].sort().join(';')
  ) {
    return {
      type: 'InvalidSignatureException',
      message: 'SignedHeaders must be sorted and include host',
    };
  }
  const canonicalHeaders = signedHeaders
    .map((h) => {
      const v = req.headers[h];
      const value = Array.isArray(v) ? v.join(',') : (v ?? '');
      return `${h}:${value.trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const url = new URL(req.url ?? '/', 'http://x');
  const canonicalQuery = [...url.searchParams]
    .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
    .sort()
    .join('&');
  const canonicalRequest = [
    req.method ?? 'POST',
    url.pathname
      .split('/')
      .map((s) => uriEncode(decodeURIComponent(s)))
      .join('/'),
    canonicalQuery,
    canonicalHeaders,
    signedHeaderList,
    sha256Hex(body),
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${creds.secretAccessKey}`, date ?? '');
  for (const part of [region ?? '', service ?? '', 'aws4_request']) key = hmac(key, part);
  const expected = hmac(key, stringToSign);
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      type: 'InvalidSignatureException',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  }
  return undefined;
}

export async function startFakeKms(opts: FakeKmsOptions = {}): Promise<FakeKms> {
  const region = opts.region ?? 'us-east-1';
  const accountId = opts.accountId ?? '111122223333';
  const accessKeyId = opts.accessKeyId ?? 'AKIAFAKEKMSTEST00001';
  const secretAccessKey = opts.secretAccessKey ?? 'fake/kms/secret/key/for/tests/only/000000';
  interface Held {
    publicKey: KeyObject;
    privateKey?: KeyObject;
    arn: string;
    keyUsage: string;
    signingAlgorithms: string[];
    keySpec: string;
    tamper?: (signature: Buffer) => Buffer;
  }
  const keys = new Map<string, Held>();
  const aliases = new Map<string, string>();
  const requests: FakeKmsRequest[] = [];
  let deny = false;

  const resolve = (id: string): string | undefined => {
    const arnPrefix = `arn:aws:kms:${region}:${accountId}:`;
    let rest = id;
    if (id.startsWith('arn:')) {
      if (!id.startsWith(arnPrefix)) return undefined;
      rest = id.slice(arnPrefix.length);
      if (rest.startsWith('key/')) rest = rest.slice(4);
      else if (!rest.startsWith('alias/')) return undefined;
    }
    if (rest.startsWith('alias/')) return aliases.get(rest);
    return keys.has(rest) ? rest : undefined;
  };

  const send = (
    res: ServerResponse,
    status: number,
    payload: unknown,
    errorType?: string,
  ): void => {
    const headers: Record<string, string> = {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': randomUUID(),
    };
    if (errorType) headers['x-amzn-errortype'] = errorType;
    res.writeHead(status, headers).end(JSON.stringify(payload));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const target = req.headers['x-amz-target'] as string | undefined;
      // Filled in once the body names a key, so failures before that record no key.
      const seen: { keyId?: string } = {};
      const fail = (status: number, type: string, message: string): void => {
        requests.push({ target, keyId: seen.keyId, status, errorType: type });
        send(res, status, { __type: type, message }, type);
      };
      if (req.method !== 'POST' || size > MAX_BODY)
        return fail(400, 'SerializationException', 'bad request');
      const authFailure = checkSigV4(req, body, { accessKeyId, secretAccessKey, region });
      if (authFailure)
        return fail(
          authFailure.type === 'MissingAuthenticationTokenException' ? 403 : 400,
          authFailure.type,
          authFailure.message,
        );
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1')) {
        return fail(
          400,
          'SerializationException',
          'Content-Type must be application/x-amz-json-1.1',
        );
      }
      if (target !== 'TrentService.GetPublicKey' && target !== 'TrentService.Sign') {
        return fail(
          400,
          'UnknownOperationException',
          `operation ${target ?? '(none)'} is not supported by the fake`,
        );
      }
      let input: Record<string, unknown>;
      try {
        const parsed = JSON.parse(body.toString('utf8')) as unknown;
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not an object');
        input = parsed as Record<string, unknown>;
      } catch {
        return fail(400, 'SerializationException', 'body is not JSON');
      }
      if (typeof input.KeyId !== 'string' || input.KeyId === '') {
        return fail(
          400,
          'ValidationException',
          "1 validation error detected: Value null at 'keyId' failed to satisfy constraint",
        );
      }
      const keyId = input.KeyId;
      seen.keyId = keyId;
      const operation = target === 'TrentService.Sign' ? 'Sign' : 'GetPublicKey';
      if (deny) {
        return fail(
          400,
          'AccessDeniedException',
          `User: arn:aws:iam::${accountId}:user/test is not authorized to perform: kms:${operation} on resource: ${keyId}`,
        );
      }
      const resolved = resolve(keyId);
      const key = resolved ? keys.get(resolved) : undefined;
      if (!key) {
        return fail(
          400,
          'NotFoundException',
          keyId.includes('alias/')
            ? `Alias ${keyId} is not found.`
            : `Key '${keyId}' does not exist`,
        );
      }
      if (operation === 'Sign') return signWith(res, key, input, keyId, fail);
      requests.push({ target, keyId, status: 200 });
      send(res, 200, {
        KeyId: key.arn,
        PublicKey: key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
        KeySpec: key.keySpec,
        CustomerMasterKeySpec: key.keySpec,
        KeyUsage: key.keyUsage,
        SigningAlgorithms: key.keyUsage === 'SIGN_VERIFY' ? key.signingAlgorithms : undefined,
        EncryptionAlgorithms:
          key.keyUsage === 'ENCRYPT_DECRYPT' ? ['RSAES_OAEP_SHA_256'] : undefined,
      });
    });
  });

  /** KMS Sign: the checks in the order KMS makes them, then a signature by the held key. */
  function signWith(
    res: ServerResponse,
    key: Held,
    input: Record<string, unknown>,
    keyId: string,
    fail: (status: number, type: string, message: string) => void,
  ): void {
    const algorithm = input.SigningAlgorithm;
    const messageType = input.MessageType ?? 'RAW';
    const target = 'TrentService.Sign';
    const invalid = (field: string, value: unknown, constraint: string): void =>
      fail(
        400,
        'ValidationException',
        `1 validation error detected: Value ${value === undefined ? 'null' : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`} at '${field}' failed to satisfy constraint: ${constraint}`,
      );
    if (algorithm === undefined)
      return invalid('signingAlgorithm', undefined, 'Member must not be null');
    if (typeof algorithm !== 'string' || !SIGNING_ALGORITHMS.includes(algorithm))
      return invalid(
        'signingAlgorithm',
        algorithm,
        `Member must satisfy enum value set: [${SIGNING_ALGORITHMS.join(', ')}]`,
      );
    if (typeof messageType !== 'string' || !MESSAGE_TYPES.includes(messageType))
      return invalid(
        'messageType',
        messageType,
        `Member must satisfy enum value set: [${MESSAGE_TYPES.join(', ')}]`,
      );
    if (typeof input.Message !== 'string')
      return invalid('message', undefined, 'Member must not be null');
    const message = Buffer.from(input.Message, 'base64');
    const record = (status: number, errorType?: string): void => {
      requests.push({
        target,
        keyId,
        status,
        ...(errorType ? { errorType } : {}),
        messageType,
        signingAlgorithm: algorithm,
        messageBytes: message.length,
      });
    };
    const refuse = (type: string, why: string): void => {
      record(400, type);
      send(res, 400, { __type: type, message: why }, type);
    };
    if (message.length === 0 || message.length > MAX_MESSAGE)
      return refuse(
        'ValidationException',
        `1 validation error detected: Value at 'message' failed to satisfy constraint: Member must have length between 1 and ${MAX_MESSAGE}`,
      );
    if (key.keyUsage !== 'SIGN_VERIFY')
      return refuse(
        'InvalidKeyUsageException',
        `${key.arn} key usage is ${key.keyUsage} which is not valid for Sign.`,
      );
    if (!key.signingAlgorithms.includes(algorithm))
      return refuse(
        'InvalidKeyUsageException',
        `Algorithm ${algorithm} is incompatible with key spec ${key.keySpec}.`,
      );
    const hash = hashOf(algorithm);
    const ed25519 = algorithm.startsWith('ED25519');
    if (messageType === 'EXTERNAL_MU' || (algorithm === 'ED25519_SHA_512' && messageType !== 'RAW'))
      return refuse(
        'ValidationException',
        `MessageType ${messageType} is not supported with signing algorithm ${algorithm}.`,
      );
    if (algorithm === 'ED25519_PH_SHA_512' && messageType !== 'DIGEST')
      return refuse('ValidationException', `ED25519_PH_SHA_512 requires MessageType DIGEST.`);
    if (messageType === 'DIGEST' && hash && createHash(hash).digest().length !== message.length)
      return refuse('ValidationException', `Digest is invalid length for algorithm ${algorithm}.`);
    const signer = key.privateKey;
    if (!signer) {
      record(500, 'KMSInternalException');
      return send(
        res,
        500,
        { __type: 'KMSInternalException', message: 'the fake holds no private key for this key' },
        'KMSInternalException',
      );
    }
    let signature: Buffer;
    if (ed25519) {
      if (algorithm === 'ED25519_PH_SHA_512')
        return refuse('ValidationException', 'the fake does not sign ED25519_PH_SHA_512');
      signature = cryptoSign(null, message, signer);
    } else if (hash) {
      const digest = messageType === 'DIGEST' ? message : createHash(hash).update(message).digest();
      signature = signDigest(signer, hash, digest, algorithm.startsWith('RSASSA_PSS'));
    } else {
      return refuse('ValidationException', `the fake does not sign ${algorithm}`);
    }
    if (key.tamper) signature = key.tamper(signature);
    record(200);
    send(res, 200, {
      KeyId: key.arn,
      Signature: signature.toString('base64'),
      SigningAlgorithm: algorithm,
    });
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    region,
    accountId,
    accessKeyId,
    secretAccessKey,
    env: {
      AWS_ACCESS_KEY_ID: accessKeyId,
      AWS_SECRET_ACCESS_KEY: secretAccessKey,
      AWS_REGION: region,
    },
    addKey(given, o = {}) {
      const keyId = o.keyId ?? randomUUID();
      const arn = `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
      const publicKey = given.type === 'private' ? createPublicKey(given) : given;
      const privateKey = o.privateKey ?? (given.type === 'private' ? given : undefined);
      const spec = keySpecOf(publicKey);
      keys.set(keyId, {
        publicKey,
        ...(privateKey ? { privateKey } : {}),
        arn,
        keyUsage: o.keyUsage ?? 'SIGN_VERIFY',
        signingAlgorithms: o.signingAlgorithms ?? spec.signingAlgorithms,
        keySpec: spec.keySpec,
        ...(o.tamper ? { tamper: o.tamper } : {}),
      });
      for (const alias of o.aliases ?? [])
        aliases.set(alias.startsWith('alias/') ? alias : `alias/${alias}`, keyId);
      return { keyId, arn };
    },
    setDeny(d) {
      deny = d;
    },
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
