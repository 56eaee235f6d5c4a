// `image-gate revoke`'s arguments and help, apart from its run so `--help` and argument errors
// load no signing or key code.
import { parseStrict } from './strict-args.js';
import { GateError } from '../core/errors.js';

export interface RevokeCommand {
  command: 'revoke';
  list: string;
  key: string;
  /** The entry's fields; `publicKey` (a file) becomes `key: sha256:...` when run. */
  entry: Record<string, unknown>;
  publicKey?: string;
  expires?: Date;
}

export const REVOKE_HELP = `Usage: image-gate revoke --list FILE --kind KIND [entry options] --reason TEXT --key KEY [--expires TIME]

Adds one entry to the revocation list FILE (created when missing; then --expires is required),
bumps its version, sets issued to now, keeps expires unless --expires is given, writes FILE
atomically and signs it into FILE.sigstore.json (a Sigstore bundle v0.3, message signature,
no log entry). An existing FILE.sigstore.json must verify with KEY first. See docs/revocation.md.

  --kind digest        --digest sha256:HEX
  --kind key           --key-id sha256:HEX | KEYID16 | --public-key FILE   [--since TIME]
  --kind identity      --identity SAN --issuer URL                        [--since TIME]
  --kind certificate   --serial HEX --issuer DN | --fingerprint sha256:HEX
  --kind tlog          --log-id HEX --log-index N | --uuid HEX (Rekor's entry UUID)
  --reason TEXT        why (required; shown in every failure it causes)
  --key KEY            the list's signer: cosign.key (COSIGN_PASSWORD), a PEM private key,
                       awskms://[HOST:PORT]/alias/NAME (AWS_*) or hashivault://NAME (VAULT_*)
  --expires TIME       RFC 3339, e.g. 2027-01-01T00:00:00Z
Exit codes: 0 written and signed; 2 usage error, unreadable key or list, or a list that does
not verify with KEY.`;

const OPTIONS = {
  list: { type: 'string' },
  kind: { type: 'string' },
  digest: { type: 'string' },
  'key-id': { type: 'string' },
  'public-key': { type: 'string' },
  identity: { type: 'string' },
  issuer: { type: 'string' },
  serial: { type: 'string' },
  fingerprint: { type: 'string' },
  'log-id': { type: 'string' },
  'log-index': { type: 'string' },
  uuid: { type: 'string' },
  since: { type: 'string' },
  reason: { type: 'string' },
  key: { type: 'string' },
  expires: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Which flags each kind takes (and which entry field they fill). */
const KIND_FLAGS: Record<string, Array<[flag: string, field: string]>> = {
  digest: [['digest', 'digest']],
  key: [
    ['key-id', 'key'],
    ['public-key', 'key'],
    ['since', 'since'],
  ],
  identity: [
    ['identity', 'identity'],
    ['issuer', 'issuer'],
    ['since', 'since'],
  ],
  certificate: [
    ['serial', 'serial'],
    ['issuer', 'issuer'],
    ['fingerprint', 'fingerprint'],
  ],
  tlog: [
    ['log-id', 'logID'],
    ['log-index', 'logIndex'],
    ['uuid', 'uuid'],
  ],
};

export function parseRevoke(args: string[]): RevokeCommand | { command: 'help'; topic: string } {
  const parsed = parseStrict('revoke', args, OPTIONS, false);
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return { command: 'help', topic: 'revoke' };
  const need = (f: string): string => {
    const x = v[f];
    if (typeof x !== 'string' || x === '')
      throw new GateError('USAGE', `revoke: --${f} is required`);
    return x;
  };
  const list = need('list');
  const key = need('key');
  const kind = need('kind');
  const flags = KIND_FLAGS[kind];
  if (!flags)
    throw new GateError(
      'USAGE',
      `revoke: --kind '${kind}' is not one of ${Object.keys(KIND_FLAGS).join(', ')}`,
    );
  const known = new Set(flags.map(([f]) => f));
  const stray = Object.keys(KIND_FLAGS)
    .flatMap((k) => KIND_FLAGS[k] ?? [])
    .map(([f]) => f)
    .find((f) => v[f] !== undefined && !known.has(f));
  if (stray) throw new GateError('USAGE', `revoke: --${stray} does not apply to --kind ${kind}`);
  if (v['key-id'] !== undefined && v['public-key'] !== undefined)
    throw new GateError('USAGE', 'revoke: give --key-id or --public-key, not both');
  const entry: Record<string, unknown> = { kind, reason: need('reason') };
  for (const [flag, field] of flags)
    if (flag !== 'public-key' && typeof v[flag] === 'string') entry[field] = v[flag];
  let expires: Date | undefined;
  if (typeof v.expires === 'string') {
    expires = new Date(v.expires);
    if (
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v.expires) ||
      Number.isNaN(expires.getTime())
    )
      throw new GateError(
        'USAGE',
        `revoke: --expires '${v.expires}' is not an RFC 3339 time (2027-01-01T00:00:00Z)`,
      );
  }
  return {
    command: 'revoke',
    list,
    key,
    entry,
    ...(typeof v['public-key'] === 'string' ? { publicKey: v['public-key'] } : {}),
    ...(expires ? { expires } : {}),
  };
}
