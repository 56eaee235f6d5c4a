// A local:// s3lo store: objects are files under one root directory. Symlinks are followed only
// while they stay inside the root, so planted links cannot make the verifier read other files.
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { GateError } from '../errors.js';
import { assertSafeKey, type S3loStore } from './object-store.js';

export class LocalS3loStore implements S3loStore {
  readonly name: string;
  private readonly root: string;

  /** `root` as written in the reference (`./store`, `/store`, `store`), resolved against `cwd`. */
  constructor(root: string, opts: { cwd: string }) {
    this.name = `local://${root}`;
    this.root = path.resolve(opts.cwd, root);
  }

  async getObject(key: string, maxBytes: number): Promise<Uint8Array | undefined> {
    assertSafeKey(key);
    const realRoot = await this.resolve(this.root, key);
    if (realRoot === undefined) return undefined;
    const real = await this.resolve(path.join(this.root, ...key.split('/')), key);
    if (real === undefined) return undefined;
    const rel = path.relative(realRoot, real);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new GateError(
        'MALFORMED',
        `${this.name}: ${key} resolves outside the store root (to ${real})`,
      );
    }
    return this.readBounded(real, key, maxBytes);
  }

  private async resolve(p: string, key: string): Promise<string | undefined> {
    try {
      return await realpath(p);
    } catch (e: unknown) {
      return this.mapError(e, key);
    }
  }

  private async readBounded(
    file: string,
    key: string,
    maxBytes: number,
  ): Promise<Uint8Array | undefined> {
    let handle;
    try {
      // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, so one planted in the
      // store would hang the run (it is refused below as not a regular file; regular files read
      // as before). O_NOFOLLOW: `file` is a realpath, so a symlink here was swapped in since.
      handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    } catch (e: unknown) {
      return this.mapError(e, key);
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) {
        throw new GateError('MALFORMED', `${this.name}: ${key} is not a regular file`);
      }
      // Read one byte past the limit rather than trusting the size: the file may be growing.
      const buf = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
      let total = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buf, total, buf.length - total, total);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > maxBytes) {
          throw new GateError(
            'LIMIT_EXCEEDED',
            `${this.name}: ${key} is larger than ${maxBytes} bytes`,
          );
        }
        if (total === buf.length) break;
      }
      return new Uint8Array(buf.subarray(0, total));
    } catch (e: unknown) {
      if (e instanceof GateError) throw e;
      return this.mapError(e, key);
    } finally {
      await handle.close();
    }
  }

  private mapError(e: unknown, key: string): undefined {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new GateError('AUTH_REFUSED', `${this.name}: permission denied reading ${key}`, {
        cause: e,
      });
    }
    if (code === 'ELOOP') {
      throw new GateError('MALFORMED', `${this.name}: ${key} is a symlink loop`, { cause: e });
    }
    if (code === 'EISDIR') {
      throw new GateError('MALFORMED', `${this.name}: ${key} is not a regular file`, { cause: e });
    }
    const message = e instanceof Error ? e.message : String(e);
    throw new GateError('REGISTRY_ERROR', `${this.name}: cannot read ${key}: ${message}`, {
      cause: e,
    });
  }
}
