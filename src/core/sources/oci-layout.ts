// A ContentStore over an OCI image layout directory (index.json + blobs/<alg>/<hex>). Tags are the
// `org.opencontainers.image.ref.name` annotations; every blob read is hashed against its digest.
// Signatures are found as tools write them: `sha256-<hex>.sig` tags, `cosign save`'s `kind`
// entries (oci-layout-index.ts), and OCI 1.1 referrers listed untagged with a `subject` (oras).
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { GateError } from '../errors.js';
import { isDigest } from '../reference.js';
import { parseIndex, parseManifest } from '../registry/manifest.js';
import { chargeRead, LIMITS } from '../limits.js';
import type { ContentStore, Descriptor, FetchedManifest } from '../types.js';
import {
  cosignSavedEntry,
  entryName,
  MANIFEST_ENTRY_TYPES,
  referrerDescriptor,
  type LayoutEntry,
} from './oci-layout-index.js';

const REF_NAME = 'org.opencontainers.image.ref.name';

export class OciLayoutStore implements ContentStore {
  readonly name: string;
  private index?: Promise<Descriptor[]>;
  /** Referrers by subject digest, from the manifests index.json lists; read once per store. */
  private referrers?: Promise<Map<string, Descriptor[]>>;

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
    const entries = await this.loadIndex();
    if (isDigest(reference)) {
      const bytes = await this.readBlob(reference, LIMITS.manifestBytes);
      if (!bytes) return undefined;
      return this.parse('', reference, bytes, `${this.name}@${reference}`);
    }
    const matching = entries
      .map((desc, i) => ({ desc, where: entryName(desc, i) }))
      .filter((e) => e.desc.annotations?.[REF_NAME] === reference);
    if (matching.length > 1)
      throw new GateError('MALFORMED', `${this.name}: tag '${reference}' names several manifests`);
    const entry = matching[0] ?? cosignSavedEntry(entries, reference, this.name);
    if (!entry) return undefined;
    const found = await this.readEntry(entry);
    if (matching.length === 0 && found.manifest.layers === undefined)
      throw new GateError(
        'MALFORMED',
        `${this.name}: ${entry.where} is an index, not a signature manifest`,
      );
    return found;
  }

  /**
   * OCI 1.1 referrers of `digest`: the manifests index.json lists whose `subject` names it, as
   * `oras copy -r` to a layout leaves them (untagged; oras writes no referrers index). Undefined
   * when none is of `artifactType`, so that discovery then looks for the `sha256-<hex>` tag index.
   */
  async getReferrers(digest: string, artifactType?: string): Promise<Descriptor[] | undefined> {
    this.referrers ??= this.scanReferrers().catch((e: unknown) => {
      // A scan cut short (by an image's byte budget, say) is not the layout's answer: retry later.
      this.referrers = undefined;
      throw e;
    });
    const all = (await this.referrers).get(digest) ?? [];
    const matching = all.filter(
      (d) => artifactType === undefined || d.artifactType === artifactType,
    );
    return matching.length > 0 ? matching : undefined;
  }

  private async scanReferrers(): Promise<Map<string, Descriptor[]>> {
    const bySubject = new Map<string, Descriptor[]>();
    for (const [i, desc] of (await this.loadIndex()).entries()) {
      // Only manifests name a subject; other entries (deprecated artifact manifests, blobs) are skipped.
      if (!MANIFEST_ENTRY_TYPES.has(desc.mediaType)) continue;
      // Every entry is read: any unreadable one could be a referrer, so it is an error, not skipped.
      const found = await this.readEntry({ desc, where: entryName(desc, i) });
      const subject = found.manifest.subject?.digest;
      if (subject === undefined) continue;
      const d = referrerDescriptor(
        found.manifest,
        found.mediaType,
        found.digest,
        found.bytes.length,
      );
      bySubject.set(subject, [...(bySubject.get(subject) ?? []), d]);
    }
    return bySubject;
  }

  /** The manifest an index.json entry names; every fault names the layout and the entry. */
  private async readEntry(entry: LayoutEntry): Promise<FetchedManifest> {
    const { desc, where } = entry;
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.readBlob(desc.digest, LIMITS.manifestBytes);
    } catch (e: unknown) {
      if (!(e instanceof GateError)) throw e;
      const rest = e.message.startsWith(`${this.name}: `)
        ? e.message.slice(this.name.length + 2)
        : e.message;
      throw new GateError(e.code, `${this.name}: ${where}: ${rest}`, { cause: e });
    }
    const [alg, hex] = desc.digest.split(':') as [string, string];
    if (!bytes)
      throw new GateError(
        'MALFORMED',
        `${this.name}: ${where}: its manifest blobs/${alg}/${hex} is missing`,
      );
    if (bytes.length !== desc.size)
      throw new GateError(
        'MALFORMED',
        `${this.name}: ${where}: declares ${desc.size} bytes, its manifest has ${bytes.length}`,
      );
    return this.parse(desc.mediaType, desc.digest, bytes, `${this.name}: ${where}`);
  }

  /** `claimed`: the media type index.json gives, which the document must not contradict. */
  private parse(claimed: string, digest: string, bytes: Uint8Array, what: string): FetchedManifest {
    const { manifest, mediaType } = parseManifest(bytes, claimed || undefined, what);
    return { digest, mediaType, bytes, manifest };
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
