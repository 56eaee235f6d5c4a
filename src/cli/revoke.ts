// `image-gate revoke`: add one entry to a revocation list file and sign it (core/revocation/sign.ts).
import { createHash } from 'node:crypto';
import { toGateError } from '../core/errors.js';
import { describeEntry } from '../core/revocation/list.js';
import { revoke } from '../core/revocation/sign.js';
import { loadKey } from '../core/trust/keys.js';
import { escapeControls as line } from '../edge/sanitize.js';

import type { RevokeCommand } from './revoke-args.js';

export async function runRevoke(
  cmd: RevokeCommand,
  io: { stdout: (s: string) => void; stderr: (s: string) => void; env: NodeJS.ProcessEnv },
): Promise<number> {
  try {
    const entry = { ...cmd.entry };
    if (cmd.publicKey !== undefined) {
      const k = await loadKey(cmd.publicKey, { env: io.env });
      entry.key = `sha256:${createHash('sha256').update(k.spki).digest('hex')}`;
    }
    const r = await revoke({
      list: cmd.list,
      entry,
      key: cmd.key,
      env: io.env,
      ...(cmd.expires ? { expires: cmd.expires } : {}),
    });
    io.stdout(
      `✓ ${line(r.list)} version ${r.version}: revoked ${line(describeEntry(r.entry))}; signed with key ${r.keyID} into ${line(r.bundle)} (${r.sha256})\n`,
    );
    return 0;
  } catch (e: unknown) {
    io.stderr(`image-gate: ${line(toGateError(e).message)}\n`);
    return 2;
  }
}
