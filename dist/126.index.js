export const id = 126;
export const ids = [126];
export const modules = {

/***/ 72126:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsKmsSignDigest: () => (/* binding */ awsKmsSignDigest),
/* harmony export */   fetchAwsKmsKey: () => (/* binding */ fetchAwsKmsKey),
/* harmony export */   fetchAwsKmsPublicKey: () => (/* binding */ fetchAwsKmsPublicKey)
/* harmony export */ });
/* unused harmony export parseAwsKmsRef */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92632);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62807);
/* harmony import */ var _net_addresses_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45166);
// AWS KMS signing keys named by cosign's `awskms://` reference grammar, through the AWS SDK's
// standard credential chain: the public half (GetPublicKey), and Sign over a digest for the
// summaries, shard reports and revocation lists image-gate signs (trust/signing-key.ts).




// The grammar of sigstore's pkg/signature/kms/aws (key ID, key ARN, alias name, alias ARN, each
// with an optional endpoint); alias names restricted to the characters AWS allows.
const UUID = '(?:mrk-)?[A-Fa-f0-9]{8}-?[A-Fa-f0-9]{4}-?[A-Fa-f0-9]{4}-?[A-Fa-f0-9]{4}-?[A-Fa-f0-9]{12}';
const ARN = 'arn:aws(?:-[a-z]+)*:kms:([a-z0-9-]+):\\d{12}:';
const ALIAS = 'alias/[A-Za-z0-9/_-]+';
const KMS_REF = new RegExp(`^awskms://([^/]*)/((?:${ARN})?(?:key/${UUID}|${ALIAS})|${UUID}|${ALIAS})$`);
const DEFAULT_MAX_ATTEMPTS = 3;
const CONNECT_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 30_000;
function unreadable(ref, why, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('KEY_UNREADABLE', `key ${ref}: ${why}`, cause === undefined ? undefined : { cause });
}
function parseAwsKmsRef(ref) {
    const m = KMS_REF.exec(ref);
    if (!m) {
        throw unreadable(ref, 'not an AWS KMS reference (expected awskms:///<key-id|alias/NAME|key or alias ARN>, or awskms://HOST:PORT/...)');
    }
    const [, endpoint = '', keyId = '', region] = m;
    // A key ID with a stray `key/` prefix (no ARN) is not a KMS identifier.
    if (keyId.startsWith('key/'))
        throw unreadable(ref, `"${keyId}" is neither a key ID, an alias nor an ARN`);
    const parsed = { keyId };
    if (endpoint !== '')
        parsed.endpoint = endpoint;
    if (region !== undefined)
        parsed.region = region;
    return parsed;
}
/** The endpoint URL for a reference's `host:port`: plain HTTP only to loopback emulators. */
function endpointFromRef(ref, hostPort) {
    let url;
    try {
        url = new URL(`https://${hostPort}`);
    }
    catch (e) {
        throw unreadable(ref, `endpoint "${hostPort}" is not host[:port]`, e);
    }
    if (url.host !== hostPort.toLowerCase() || url.username !== '' || url.password !== '') {
        throw unreadable(ref, `endpoint "${hostPort}" is not host[:port]`);
    }
    // cosign always dials https://; local emulators (LocalStack, moto, tests) also speak plain
    // HTTP, and on loopback there is no network to protect.
    return (0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopbackHost */ .cW)(url.hostname) ? `http://${url.host}` : `https://${url.host}`;
}
/** AWS_ENDPOINT_URL_KMS / AWS_ENDPOINT_URL, refused when they would send requests in clear. */
function endpointFromEnv(ref, env) {
    if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true')
        return undefined;
    const name = env.AWS_ENDPOINT_URL_KMS
        ? 'AWS_ENDPOINT_URL_KMS'
        : env.AWS_ENDPOINT_URL
            ? 'AWS_ENDPOINT_URL'
            : '';
    if (name === '')
        return undefined;
    const value = env[name] ?? '';
    let url;
    try {
        url = new URL(value);
    }
    catch (e) {
        throw unreadable(ref, `${name} "${value}" is not a URL`, e);
    }
    if (url.protocol === 'http:' && !(0,_net_addresses_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopbackHost */ .cW)(url.hostname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('INSECURE', `key ${ref}: ${name} ${value} is plain HTTP to a non-loopback host; a forged answer would replace the key (use https)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw unreadable(ref, `${name} "${value}" is not an http(s) URL`);
    }
    return value;
}
function maxAttemptsFrom(env) {
    const n = Number(env.AWS_MAX_ATTEMPTS);
    return Number.isInteger(n) && n >= 1 && n <= 10 ? n : DEFAULT_MAX_ATTEMPTS;
}
/** AWS error code or the network error code, for a one-line reason. */
function awsErrorCode(e) {
    if (typeof e !== 'object' || e === null)
        return String(e);
    const err = e;
    for (const c of [err.Code, err.code, err.name]) {
        if (typeof c === 'string' && c !== '' && c !== 'Error')
            return c;
    }
    return 'Error';
}
/** A KMS client for `ref`, configured as cosign's (endpoint, region, credentials from `env`). */
function kmsClientFor(ref, env) {
    const parsed = parseAwsKmsRef(ref);
    const config = {
        maxAttempts: maxAttemptsFrom(env),
        requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
    };
    const endpoint = parsed.endpoint
        ? endpointFromRef(ref, parsed.endpoint)
        : endpointFromEnv(ref, env);
    if (endpoint)
        config.endpoint = endpoint;
    const region = parsed.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    if (region)
        config.region = region;
    if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
        config.credentials = {
            accessKeyId: env.AWS_ACCESS_KEY_ID,
            secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
            ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
        };
    }
    else if (env.AWS_PROFILE) {
        config.profile = env.AWS_PROFILE;
    }
    return { client: new _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_3__/* .KMSClient */ .pgq(config), keyId: parsed.keyId };
}
/** One KMS call on a fresh client; every SDK failure becomes KEY_UNREADABLE naming `ref`. */
async function withKms(ref, opts, operation, call) {
    const { env, signal } = opts;
    const { client, keyId } = kmsClientFor(ref, env);
    try {
        return await call(client, keyId, signal ? { abortSignal: signal } : {});
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue)
            throw e;
        if (signal?.aborted) {
            if (signal.reason instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue)
                throw signal.reason;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateError */ .ue('TIMEOUT', `key ${ref}: AWS KMS request was cancelled`, {
                cause: signal.reason,
            });
        }
        const message = e instanceof Error ? e.message : String(e);
        if (/region is missing/i.test(message)) {
            throw unreadable(ref, 'no AWS region: use a key ARN, or set AWS_REGION (or a region in the AWS profile)', e);
        }
        throw unreadable(ref, `AWS KMS ${operation} failed: ${awsErrorCode(e)}: ${message}`, e);
    }
    finally {
        client.destroy();
    }
}
async function fetchAwsKmsKey(ref, opts) {
    return withKms(ref, opts, 'GetPublicKey', async (client, keyId, abort) => {
        const out = await client.send(new _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_3__/* .GetPublicKeyCommand */ .QSA({ KeyId: keyId }), abort);
        if (out.KeyUsage !== undefined && out.KeyUsage !== 'SIGN_VERIFY') {
            throw unreadable(ref, `AWS KMS key ${out.KeyId ?? keyId} is not a signing key (KeyUsage ${out.KeyUsage})`);
        }
        if (!(out.PublicKey instanceof Uint8Array) || out.PublicKey.length === 0) {
            throw unreadable(ref, 'AWS KMS returned no public key');
        }
        let publicKey;
        try {
            publicKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({ key: Buffer.from(out.PublicKey), format: 'der', type: 'spki' });
        }
        catch (e) {
            throw unreadable(ref, `AWS KMS returned a public key that does not parse (KeySpec ${out.KeySpec ?? '?'})`, e);
        }
        return {
            publicKey,
            keyArn: out.KeyId ?? keyId,
            keySpec: out.KeySpec ?? '?',
            signingAlgorithms: [...(out.SigningAlgorithms ?? [])],
        };
    });
}
async function fetchAwsKmsPublicKey(ref, opts) {
    return (await fetchAwsKmsKey(ref, opts)).publicKey;
}
/**
 * KMS `Sign` over a digest the caller computed (MessageType DIGEST, as cosign signs), with
 * `algorithm` (one the key lists). Returns the signature as KMS gives it, unchecked.
 */
async function awsKmsSignDigest(ref, opts, digest, algorithm) {
    return withKms(ref, opts, 'Sign', async (client, keyId, abort) => {
        const out = await client.send(new _aws_sdk_client_kms__WEBPACK_IMPORTED_MODULE_3__/* .SignCommand */ .fJE({
            KeyId: keyId,
            Message: digest,
            MessageType: 'DIGEST',
            SigningAlgorithm: algorithm,
        }), abort);
        if (!(out.Signature instanceof Uint8Array) || out.Signature.length === 0)
            throw unreadable(ref, 'AWS KMS Sign returned no signature');
        if (out.SigningAlgorithm !== undefined && out.SigningAlgorithm !== algorithm)
            throw unreadable(ref, `AWS KMS Sign answered with algorithm ${out.SigningAlgorithm}, not the ${algorithm} asked for`);
        return Buffer.from(out.Signature);
    });
}
//# sourceMappingURL=kms.js.map

/***/ })

};

//# sourceMappingURL=126.index.js.map