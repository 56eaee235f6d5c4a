// A ContentStore over an OCI image layout directory (index.json + blobs/<alg>/<hex>). Tags are the
// `org.opencontainers.image.ref.name` annotations; every blob read is hashed against its digest.
// Signatures are found as tools write them: `sha256-<hex>.sig` tags, `cosign save`'s `kind`
// entries (oci-layout-index.ts), and OCI 1.1 referrers listed untagged with a `subject` (oras).
import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { GateError } from '../errors.js';
import { isDigest } from '../reference.js';
import { parseIndex, parseManifest } from '../registry/manifest.js';
import { chargeRead, LIMITS } from '../limits.js';
import type { ContentStore, Descriptor, FetchedManifest } from '../types.js';
import {
  cosignSavedEntry,
  entryName,
  isCosignImageEntry,
  MANIFEST_ENTRY_TYPES,
  referrerDescriptor,
  type LayoutEntry,
} from './oci-layout-index.js';

const REF_NAME = 'org.opencontainers.image.ref.name';
/** Files of blobs/sha256 looked through for unlisted referrers (a saved image has dozens). */
const UNLISTED_SCAN_FILES = 10_000;

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
   * `oras copy -r` to a layout leaves them (untagged; oras writes no referrers index), and those
   * `cosign save` leaves unlisted (see unlistedReferrers). Undefined
   * when none is of `artifactType`, so that discovery then looks for the `sha256-<hex>` tag index.
   */
  async getReferrers(digest: string, artifactType?: string): Promise<Descriptor[] | undefined> {
    this.referrers ??= this.scanReferrers().catch((e: unknown) => {
      // A scan cut short (by an image's byte budget, say) is not the layout's answer: retry later.
      this.referrers = undefined;
      throw e;
    });
    const listed = (await this.referrers).get(digest) ?? [];
    const all = [...listed, ...(await this.unlistedReferrers(digest))];
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

  /**
   * `cosign save` of an image cosign v3 signed: its bundle referrers are written to blobs/ but not
   * listed, each write starting from an empty index.json again (cosign's `verify --local-image`
   * scans blobs/sha256 for them). So for the digest of the layout's cosign image entry, and only
   * there, the unlisted blobs that may be manifests (JSON, no larger than a manifest may be) are
   * read, and those whose `subject` is `digest` are its referrers, once their bytes hash to their
   * file name. Other blobs (layers, configs) are passed over.
   */
  private async unlistedReferrers(digest: string): Promise<Descriptor[]> {
    const entries = await this.loadIndex();
    if (!entries.some((d) => isCosignImageEntry(d) && d.digest === digest)) return [];
    const names = await this.blobNames();
    if (names.length > UNLISTED_SCAN_FILES)
      throw new GateError(
        'LIMIT_EXCEEDED',
        `${this.name}: blobs/sha256 holds ${names.length} files, limit ${UNLISTED_SCAN_FILES} looked through for unlisted referrers`,
      );
    const listed = new Set(entries.map((d) => d.digest));
    const found: Descriptor[] = [];
    for (const hex of names.filter((n) => /^[a-f0-9]{64}$/.test(n)).sort()) {
      if (listed.has(`sha256:${hex}`)) continue;
      const rel = path.join('blobs', 'sha256', hex);
      if (!(await this.mayBeManifest(rel))) continue;
      const bytes = await this.readFileCapped(rel, LIMITS.manifestBytes);
      if (!bytes) continue;
      let parsed;
      try {
        parsed = parseManifest(bytes, undefined, `${this.name}: ${rel}`);
      } catch (e: unknown) {
        if (e instanceof GateError && e.code === 'MALFORMED') continue; // a config, not a manifest
        throw e;
      }
      if (parsed.manifest.subject?.digest !== digest) continue;
      const got = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
      if (got !== `sha256:${hex}`)
        throw new GateError(
          'DIGEST_MISMATCH',
          `${this.name}: unlisted ${rel} names ${digest} as its subject but holds bytes hashing to ${got}`,
        );
      found.push(referrerDescriptor(parsed.manifest, parsed.mediaType, got, bytes.length));
    }
    return found;
  }

  private async blobNames(): Promise<string[]> {
    try {
      return await readdir(path.join(this.dir, 'blobs', 'sha256'));
    } catch (e: unknown) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return [];
      throw new GateError('REGISTRY_ERROR', `${this.name}: cannot list blobs/sha256: ${code}`, {
        cause: e,
      });
    }
  }

  /** A regular file no larger than LIMITS.manifestBytes whose first byte opens a JSON object. */
  private async mayBeManifest(rel: string): Promise<boolean> {
    const file = path.join(this.dir, rel);
    const st = await stat(file).catch(() => undefined);
    if (!st?.isFile() || st.size > LIMITS.manifestBytes || st.size === 0) return false;
    const fh = await open(file, 'r').catch(() => undefined);
    if (!fh) return false;
    try {
      const first = Buffer.alloc(1);
      const { bytesRead } = await fh.read(first, 0, 1, 0);
      chargeRead(bytesRead, `${this.name}: ${rel}`);
      return first[0] === 0x7b; // '{': cosign writes its manifests as compact JSON
    } finally {
      await fh.close();
    }
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
