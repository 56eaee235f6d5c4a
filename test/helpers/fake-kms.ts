// A loopback AWS KMS that speaks the real JSON 1.1 wire protocol for GetPublicKey and checks
// SigV4 signatures for real, so the real @aws-sdk/client-kms can be tested against it.
import { createHash, createHmac, randomUUID, timingSafeEqual, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  addKey(
    publicKey: KeyObject,
    opts?: { aliases?: string[]; keyId?: string; keyUsage?: 'SIGN_VERIFY' | 'ENCRYPT_DECRYPT' },
  ): FakeKmsKey;
  /** While true, every authenticated request gets AccessDeniedException. */
  setDeny(deny: boolean): void;
  requests: FakeKmsRequest[];
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

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
          ...sizes.map((s) => `RSASSA_PSS_${s}`),
          ...sizes.map((s) => `RSASSA_PKCS1_V1_5_${s}`),
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
  const keys = new Map<string, { publicKey: KeyObject; arn: string; keyUsage: string }>();
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
      if (target !== 'TrentService.GetPublicKey') {
        return fail(
          400,
          'UnknownOperationException',
          `operation ${target ?? '(none)'} is not supported by the fake`,
        );
      }
      let input: { KeyId?: unknown };
      try {
        input = JSON.parse(body.toString('utf8')) as { KeyId?: unknown };
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
      if (deny) {
        return fail(
          400,
          'AccessDeniedException',
          `User: arn:aws:iam::${accountId}:user/test is not authorized to perform: kms:GetPublicKey on resource: ${keyId}`,
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
      const spec = keySpecOf(key.publicKey);
      requests.push({ target, keyId, status: 200 });
      send(res, 200, {
        KeyId: key.arn,
        PublicKey: key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
        KeySpec: spec.keySpec,
        CustomerMasterKeySpec: spec.keySpec,
        KeyUsage: key.keyUsage,
        SigningAlgorithms: key.keyUsage === 'SIGN_VERIFY' ? spec.signingAlgorithms : undefined,
        EncryptionAlgorithms:
          key.keyUsage === 'ENCRYPT_DECRYPT' ? ['RSAES_OAEP_SHA_256'] : undefined,
      });
    });
  });
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
    addKey(publicKey, o = {}) {
      const keyId = o.keyId ?? randomUUID();
      const arn = `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
      keys.set(keyId, { publicKey, arn, keyUsage: o.keyUsage ?? 'SIGN_VERIFY' });
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
