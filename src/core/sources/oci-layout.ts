// A ContentStore over an OCI image layout directory (index.json + blobs/<alg>/<hex>). Tags are the
// `org.opencontainers.image.ref.name` annotations; every blob read is hashed against its digest.
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { GateError } from '../errors.js';
import { isDigest } from '../reference.js';
import { parseIndex, parseManifest } from '../registry/manifest.js';
import { chargeRead, LIMITS } from '../limits.js';
import type { ContentStore, Descriptor, FetchedManifest } from '../types.js';

const REF_NAME = 'org.opencontainers.image.ref.name';

export class OciLayoutStore implements ContentStore {
  readonly name: string;
  private index?: Promise<Descriptor[]>;

  constructor(private readonly dir: string) {
    this.name = `oci-layout://${dir}`;
  }

  private async readFileCapped(rel: string, maxBytes: number): Promise<Uint8Array | undefined> {
    const file = path.join(this.dir, rel);
    let fh;
    try {
      // Only regular files: opening a FIFO planted in the layout would block past any deadline.
      if (!(await stat(file)).isFile())
        throw new GateError('MALFORMED', `${this.name}: ${rel} is not a regular file`);
      fh = await open(file, 'r');
    } catch (e: unknown) {
      if (e instanceof GateError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      throw new GateError('REGISTRY_ERROR', `${this.name}: cannot read ${rel}: ${String(code)}`, {
        cause: e,
      });
    }
    try {
      const st = await fh.stat();
      if (st.size > maxBytes)
        throw new GateError(
          'LIMIT_EXCEEDED',
          `${this.name}: ${rel} is ${st.size} bytes, limit ${maxBytes}`,
        );
      const buf = Buffer.alloc(st.size);
      const { bytesRead } = await fh.read(buf, 0, st.size, 0);
      chargeRead(bytesRead, `${this.name}: ${rel}`);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  }

  private loadIndex(): Promise<Descriptor[]> {
    this.index ??= (async () => {
      const bytes = await this.readFileCapped('index.json', LIMITS.manifestBytes);
      if (!bytes)
        throw new GateError('NOT_FOUND', `${this.name}: no index.json (not an OCI image layout)`);
      return parseIndex(bytes, `${this.name}/index.json`, LIMITS.layersPerManifest);
    })();
    return this.index;
  }

  async getManifest(reference: string): Promise<FetchedManifest | undefined> {
    let desc: Descriptor | undefined;
    const entries = await this.loadIndex();
    if (isDigest(reference)) {
      desc = { mediaType: '', digest: reference, size: -1 };
    } else {
      const matching = entries.filter((d) => d.annotations?.[REF_NAME] === reference);
      if (matching.length > 1)
        throw new GateError(
          'MALFORMED',
          `${this.name}: tag '${reference}' names several manifests`,
        );
      desc = matching[0];
      if (!desc) return undefined;
    }
    const bytes = await this.readBlob(desc.digest, LIMITS.manifestBytes);
    if (!bytes) return undefined;
    const { manifest, mediaType } = parseManifest(
      bytes,
      desc.mediaType || undefined,
      `${this.name}@${desc.digest}`,
    );
    return { digest: desc.digest, mediaType, bytes, manifest };
  }

  async getBlob(digest: string, maxBytes: number): Promise<Uint8Array> {
    const bytes = await this.readBlob(digest, maxBytes);
    if (!bytes) throw new GateError('NOT_FOUND', `${this.name}: blob ${digest} not found`);
    return bytes;
  }

  private async readBlob(digest: string, maxBytes: number): Promise<Uint8Array | undefined> {
    // Digest syntax is checked before it becomes a path: no traversal through a descriptor.
    if (!isDigest(digest))
      throw new GateError('MALFORMED', `${this.name}: '${digest}' is not a valid digest`);
    const [alg, hex] = digest.split(':') as [string, string];
    const bytes = await this.readFileCapped(path.join('blobs', alg, hex), maxBytes);
    if (!bytes) return undefined;
    const got = `${alg}:${createHash(alg).update(bytes).digest('hex')}`;
    if (got !== digest)
      throw new GateError(
        'DIGEST_MISMATCH',
        `${this.name}: blob ${digest} holds bytes hashing to ${got}`,
      );
    return bytes;
  }
}
