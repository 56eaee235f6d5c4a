// Where a batch's packed results live (issue 15, flat memory): the first SPOOL_AFTER_BYTES of
// result text in memory, and past that each verified result's text in a temporary file, read back
// when the report is written. A 10 000-image run held about 13 MB of result text on the heap,
// which old space had to grow around for the whole run; on disk it costs one write per 64 KB and,
// read back in order, one read per 64 KB.
//
// Only verified results go to the file. A result that failed or errored can quote a registry's
// error text, in which a secret it echoed may wait to be redacted when the result is read
// (SecretRegistry.redactDeep): that text stays in memory. The file is private (a 0700 directory
// made for it, the file 0600), unlinked as soon as it is open where the system allows it (else at
// exit), and closed when the list is collected. If it cannot be made or written, the texts stay
// in memory, as they did before: the spool saves memory, it never fails a run.
import {
  closeSync,
  mkdtempSync,
  openSync,
  readSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Result text kept in memory before verified results go to the spool file (UTF-16 code units). */
export const SPOOL_AFTER_CHARS = 2 * 2 ** 20;
/** Bytes written to, and read back from, the spool file at a time. */
const BLOCK_BYTES = 64 * 1024;

interface SpoolFile {
  fd: number;
  /** Set where the file could not be unlinked while open: removed at exit. */
  path?: string;
  dir?: string;
}

const closer = new FinalizationRegistry<SpoolFile>((f) => closeSpool(f));
const atExit = new Set<SpoolFile>();
let exitHooked = false;

function closeSpool(f: SpoolFile): void {
  try {
    closeSync(f.fd);
  } catch {
    // already closed
  }
  if (f.path !== undefined) {
    try {
      unlinkSync(f.path);
      if (f.dir !== undefined) rmdirSync(f.dir);
    } catch {
      // gone already
    }
  }
  atExit.delete(f);
}

function openSpool(): SpoolFile | undefined {
  let dir: string | undefined;
  try {
    dir = mkdtempSync(path.join(tmpdir(), 'image-gate-results-'));
    const file = path.join(dir, 'results');
    const fd = openSync(file, 'wx+', 0o600);
    try {
      unlinkSync(file);
      rmdirSync(dir);
      return { fd };
    } catch {
      // Windows keeps an open file's name: remove it at exit instead.
      const f: SpoolFile = { fd, path: file, dir };
      atExit.add(f);
      if (!exitHooked) {
        exitHooked = true;
        process.once('exit', () => {
          for (const x of [...atExit]) closeSpool(x);
        });
      }
      return f;
    }
  } catch {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

/**
 * `length` slots of result text, each set once. `set(i, text, spoolable)` keeps the text in
 * memory until SPOOL_AFTER_CHARS (or `memoryChars`) have been kept, and past that writes a
 * spoolable one to the spool file; `get(i)` returns the text as it was set.
 */
export class ResultTexts {
  private readonly inMemory: Array<string | undefined>;
  /** Per slot: the text's byte offset in the file, or -1. */
  private readonly offsets: Float64Array;
  private readonly sizes: Uint32Array;
  private memoryChars = 0;
  private file: SpoolFile | undefined;
  /** False once the file could not be made or written: everything stays in memory. */
  private spooling = true;
  /** Bytes in the file, and the texts not written yet (they follow at `written`). */
  private written = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The last block read back, and the file offset it starts at. */
  private block: Buffer | undefined;
  private blockAt = 0;

  constructor(
    readonly length: number,
    private readonly memoryLimit = SPOOL_AFTER_CHARS,
  ) {
    this.inMemory = new Array<string | undefined>(length);
    this.offsets = new Float64Array(length).fill(-1);
    this.sizes = new Uint32Array(length);
  }

  set(i: number, text: string, spoolable: boolean): void {
    if (
      !spoolable ||
      !this.spooling ||
      this.memoryChars + text.length <= this.memoryLimit ||
      !this.ensureFile()
    ) {
      this.inMemory[i] = text;
      this.memoryChars += text.length;
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    this.offsets[i] = this.written + this.pendingBytes;
    this.sizes[i] = bytes.length;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= BLOCK_BYTES) this.flush();
  }

  has(i: number): boolean {
    return this.inMemory[i] !== undefined || this.offsets[i] >= 0;
  }

  get(i: number): string | undefined {
    const t = this.inMemory[i];
    if (t !== undefined) return t;
    const at = this.offsets[i];
    if (at < 0) return undefined;
    const size = this.sizes[i];
    if (at + size > this.written) {
      this.flush();
      // A failed write put the pending texts back in memory.
      const back = this.inMemory[i];
      if (back !== undefined) return back;
    }
    if (
      this.block === undefined ||
      at < this.blockAt ||
      at + size > this.blockAt + this.block.length
    ) {
      const want = Math.max(size, BLOCK_BYTES);
      const buf = Buffer.allocUnsafe(Math.min(want, this.written - at));
      let got = 0;
      while (got < buf.length) {
        const n = readSync(this.file!.fd, buf, got, buf.length - got, at + got);
        if (n === 0) throw new Error(`result spool: read ${got} of ${buf.length} bytes at ${at}`);
        got += n;
      }
      this.block = buf;
      this.blockAt = at;
    }
    const from = at - this.blockAt;
    return this.block.toString('utf8', from, from + size);
  }

  /** How many texts are in the file (for tests and the report's stats). */
  get spooled(): number {
    let n = 0;
    for (const o of this.offsets) if (o >= 0) n++;
    return n;
  }

  private ensureFile(): boolean {
    if (this.file !== undefined) return true;
    this.file = openSpool();
    if (this.file === undefined) {
      this.spooling = false;
      return false;
    }
    closer.register(this, this.file);
    return true;
  }

  /** Writes the pending texts; a failed write keeps them (and every later one) in memory. */
  private flush(): void {
    if (this.pendingBytes === 0) return;
    const data = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    let done = 0;
    try {
      while (done < data.length)
        done += writeSync(this.file!.fd, data, done, data.length - done, this.written + done);
    } catch {
      this.unspoolPending();
      this.spooling = false;
      return;
    }
    this.written += data.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The pending texts back into memory, after a write failed. */
  private unspoolPending(): void {
    for (let i = 0; i < this.length; i++) {
      const at = this.offsets[i];
      if (at < this.written) continue;
      let rel = at - this.written;
      for (const b of this.pending) {
        if (rel < b.length) {
          this.inMemory[i] = b.toString('utf8');
          break;
        }
        rel -= b.length;
      }
      this.offsets[i] = -1;
    }
    this.pending = [];
    this.pendingBytes = 0;
  }
}
