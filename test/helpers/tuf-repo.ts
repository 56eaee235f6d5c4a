// A real TUF repository served over HTTP on loopback: root, timestamp, snapshot and targets
// metadata signed with test ed25519 keys (consistent snapshots, as the public-good repository
// has), trusted_root.json as its one target. It counts the requests it answers, can be taken
// down (connections refused) and brought back on the same port, and can sign extra metadata
// (an expired timestamp, a root of other keys) for the refusal tests.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/** OLPC canonical JSON, as TUF signs it: sorted keys, no whitespace (our data has no floats). */
export function canonical(v: unknown): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return JSON.stringify(v);
  if (typeof v === 'string') return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${canonical(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

interface TestKey {
  id: string;
  publicJson: { keytype: 'ed25519'; scheme: 'ed25519'; keyval: { public: string } };
  privateKey: KeyObject;
}

function newKey(): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const publicJson = {
    keytype: 'ed25519' as const,
    scheme: 'ed25519' as const,
    keyval: { public: raw.toString('hex') },
  };
  const id = createHash('sha256').update(canonical(publicJson)).digest('hex');
  return { id, publicJson, privateKey };
}

function signed(signedPart: Record<string, unknown>, key: TestKey): Buffer {
  const sig = sign(null, Buffer.from(canonical(signedPart)), key.privateKey).toString('hex');
  return Buffer.from(JSON.stringify({ signed: signedPart, signatures: [{ keyid: key.id, sig }] }));
}

const ROLES = ['root', 'timestamp', 'snapshot', 'targets'] as const;
type Role = (typeof ROLES)[number];

export interface TufRepo {
  url: string;
  /** The repository's version 1 root.json: the initial root a client is given (tuf-root). */
  rootJson: Buffer;
  /** Requests answered since the last `resetCount`, by path. */
  requests: string[];
  resetCount(): void;
  /** Refuse connections (the port stays ours) until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  /** A timestamp.json for the current snapshot, signed by the timestamp key, expiring then. */
  timestampExpiring(expires: Date, version?: number): Buffer;
  /** Serve a new timestamp.json of this version (as a repository does every few days). */
  publishTimestamp(version: number): void;
  /** A root.json like the initial one but expiring then (same keys, same version). */
  rootExpiring(expires: Date): Buffer;
  close(): Promise<void>;
}

const DAY = 24 * 60 * 60 * 1000;

export async function startTufRepo(trustedRoot: Buffer): Promise<TufRepo> {
  const keys = Object.fromEntries(ROLES.map((r) => [r, newKey()])) as Record<Role, TestKey>;
  const expires = new Date(Date.now() + 30 * DAY).toISOString().replace(/\.\d+Z$/, 'Z');
  const rootSigned = (exp: string): Record<string, unknown> => ({
    _type: 'root',
    spec_version: '1.0',
    version: 1,
    expires: exp,
    consistent_snapshot: true,
    keys: Object.fromEntries(ROLES.map((r) => [keys[r].id, keys[r].publicJson])),
    roles: Object.fromEntries(ROLES.map((r) => [r, { keyids: [keys[r].id], threshold: 1 }])),
  });
  const rootJson = signed(rootSigned(expires), keys.root);
  const targetHash = createHash('sha256').update(trustedRoot).digest('hex');
  const targetsJson = signed(
    {
      _type: 'targets',
      spec_version: '1.0',
      version: 1,
      expires,
      targets: {
        'trusted_root.json': { length: trustedRoot.length, hashes: { sha256: targetHash } },
      },
    },
    keys.targets,
  );
  const snapshotJson = signed(
    {
      _type: 'snapshot',
      spec_version: '1.0',
      version: 1,
      expires,
      meta: { 'targets.json': { version: 1 } },
    },
    keys.snapshot,
  );
  const timestampOf = (exp: string, version: number): Buffer =>
    signed(
      {
        _type: 'timestamp',
        spec_version: '1.0',
        version,
        expires: exp,
        meta: { 'snapshot.json': { version: 1 } },
      },
      keys.timestamp,
    );
  const files = new Map<string, Buffer>([
    ['/1.root.json', rootJson],
    ['/timestamp.json', timestampOf(expires, 1)],
    ['/1.snapshot.json', snapshotJson],
    ['/1.targets.json', targetsJson],
    [`/targets/${targetHash}.trusted_root.json`, trustedRoot],
  ]);

  const requests: string[] = [];
  let server: Server | undefined;
  let port = 0;
  const listen = async (): Promise<void> => {
    const s = createServer((req, res) => {
      const p = new URL(req.url ?? '/', 'http://x').pathname;
      requests.push(p);
      const body = files.get(p);
      if (body === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((r) => s.listen(port, '127.0.0.1', r));
    port = (s.address() as { port: number }).port;
    server = s;
  };
  const stop = async (): Promise<void> => {
    const s = server;
    server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  };
  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    rootJson,
    requests,
    resetCount: () => requests.splice(0),
    down: stop,
    up: listen,
    publishTimestamp: (version) => {
      files.set('/timestamp.json', timestampOf(expires, version));
    },
    timestampExpiring: (exp, version = 2) =>
      timestampOf(exp.toISOString().replace(/\.\d+Z$/, 'Z'), version),
    rootExpiring: (exp) => signed(rootSigned(exp.toISOString().replace(/\.\d+Z$/, 'Z')), keys.root),
    close: stop,
  };
}
