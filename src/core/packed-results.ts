// Finished results kept as JSON text, not object graphs (issue 15, flat memory): a batch holds
// every result until the report is written, and at 10 000 images their objects were most of the
// heap that grew with N. A result's JSON is its report form (the report is JSON), so packing loses
// nothing the report keeps; each read parses one result, which the reader lets go when it moves
// on. The list reads as an ordinary array (index, length, iteration, the Array methods,
// JSON.stringify, Array.isArray), but it cannot be written: a change to a result read from it
// would be a change to a copy, so assigning throws instead of being lost.
import type { ImageResult } from './report.js';
import { ResultTexts } from './result-spool.js';

type ImageOutcome = ImageResult['outcome'];

const PACKED = Symbol('packed results');

/** What a view reads its texts from: a ResultTexts (in memory, or spooled to a file). */
interface Texts {
  readonly length: number;
  get(i: number): string | undefined;
  has(i: number): boolean;
}

interface Packed {
  texts: Texts;
  /** Each slot's outcome as it was set, beside its text: a batch's verdict reads these alone. */
  outcomes: Array<ImageOutcome | undefined>;
  /** Applied to each result as it is read (sources, redaction), innermost first. */
  read: (r: ImageResult) => ImageResult;
}

/** One result as text: what a packed list or a deduplication entry holds. */
export function packResult(r: ImageResult): string {
  return JSON.stringify(r);
}

export function unpackResult(text: string): ImageResult {
  return JSON.parse(text) as ImageResult;
}

/** A list of `length` slots, each set once with `set`, read through `results`. */
export class PackedResults {
  private readonly texts: ResultTexts;
  private readonly outcomes: Array<ImageOutcome | undefined>;
  /** `memoryChars`: result text kept in memory before verified ones are spooled (result-spool.ts). */
  constructor(length: number, memoryChars?: number) {
    this.texts = new ResultTexts(length, memoryChars);
    this.outcomes = new Array<ImageOutcome | undefined>(length);
  }
  set(i: number, r: ImageResult): void {
    // Only a verified result may go to the spool file: another can quote a registry's error
    // text, whose echoed secrets are redacted when it is read, so it stays in memory.
    this.texts.set(i, packResult(r), r.outcome === 'verified');
    this.outcomes[i] = r.outcome;
  }
  /** How many results are in the spool file. */
  get spooled(): number {
    return this.texts.spooled;
  }
  /** Slot `i` parsed (a fresh copy), as it was set. */
  get(i: number): ImageResult {
    const t = this.texts.get(i);
    if (t === undefined) throw new RangeError(`packed result ${i} is not set`);
    return unpackResult(t);
  }
  /** The results as a read-only array (a slot never set reads as undefined). */
  get results(): ImageResult[] {
    return view({ texts: this.texts, outcomes: this.outcomes, read: (r) => r });
  }
}

/**
 * The outcome of each result of a packed list, as the batch decided it, without parsing any
 * result (a batch's verdict is computed several times: report, exit code, summary); undefined
 * for any other array. The functions a packed view applies as results are read (sources,
 * redaction) leave the verdict as decided.
 */
export function packedOutcomes(list: unknown): ReadonlyArray<ImageOutcome | undefined> | undefined {
  return typeof list === 'object' && list !== null ? packedOf(list)?.outcomes : undefined;
}

/** Whether `list` is a packed list's view. */
export function isPacked(list: unknown): boolean {
  return typeof list === 'object' && list !== null && packedOf(list) !== undefined;
}

/**
 * `list.map(f)` without holding the results: for a packed list, a packed view that applies `f`
 * to each result as it is read (so `f` must be pure: it may run once per read); for any other
 * array, `list.map(f)`.
 */
export function mapResults(list: ImageResult[], f: (r: ImageResult) => ImageResult): ImageResult[] {
  const p = packedOf(list);
  if (!p) return list.map((r) => f(r));
  const read = p.read;
  return view({ texts: p.texts, outcomes: p.outcomes, read: (r) => f(read(r)) });
}

function packedOf(list: object): Packed | undefined {
  return (list as { [PACKED]?: Packed })[PACKED];
}

function index(p: string | symbol, length: number): number | undefined {
  if (typeof p !== 'string') return undefined;
  const n = Number(p);
  return Number.isInteger(n) && n >= 0 && n < length && String(n) === p ? n : undefined;
}

function view(packed: Packed): ImageResult[] {
  const { texts, read } = packed;
  const at = (i: number): ImageResult | undefined => {
    const t = texts.get(i);
    return t === undefined ? undefined : read(unpackResult(t));
  };
  const readOnly = (): never => {
    throw new TypeError('a finished batch result list is read-only');
  };
  // The target is an empty array (so Array.isArray holds) whose length the traps report.
  return new Proxy([] as ImageResult[], {
    get(target, p, receiver) {
      if (p === PACKED) return packed;
      if (p === 'length') return texts.length;
      const i = index(p, texts.length);
      if (i !== undefined) return at(i);
      return Reflect.get(target, p, receiver) as unknown;
    },
    has(target, p) {
      if (p === PACKED) return true;
      const i = index(p, texts.length);
      return i !== undefined ? texts.has(i) : Reflect.has(target, p);
    },
    ownKeys() {
      const keys: string[] = [];
      for (let i = 0; i < texts.length; i++) if (texts.has(i)) keys.push(String(i));
      keys.push('length');
      return keys;
    },
    getOwnPropertyDescriptor(target, p) {
      if (p === 'length')
        return { ...Reflect.getOwnPropertyDescriptor(target, p), value: texts.length };
      const i = index(p, texts.length);
      if (i === undefined || !texts.has(i)) return undefined;
      return { value: at(i), writable: false, enumerable: true, configurable: true };
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}
