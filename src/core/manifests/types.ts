// What a reader finds: one image reference per occurrence, with where it is written, and the
// error a reader throws for a file it cannot read (USAGE, naming the file and the line).
import { GateError } from '../errors.js';

export type ImageKind = 'compose' | 'kubernetes' | 'dockerfile' | 'list';

export interface ImageOccurrence {
  image: string;
  /** The file as given (or joined to the directory given). */
  file: string;
  /** 1-based line of the reference's text (for an alias: where the anchored value is written). */
  line: number;
  kind: ImageKind;
  /**
   * The characters of the file text that spell the reference as written (quotes, block-scalar
   * headers and surrounding blanks excluded), as UTF-16 offsets into the text read. `pin`
   * rewrites only these, and only when they are `image` itself: an interpolated, substituted or
   * escaped reference spans text that differs from `image`. Not part of `images --output json`.
   */
  span?: TextSpan;
}

/** `[start, end)` offsets into a file's text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Where one reference is written, as the report's `sources` carry it. */
export interface ImageSource {
  file: string;
  line: number;
}

export function manifestError(file: string, line: number | undefined, msg: string): GateError {
  return new GateError('USAGE', `${file}${line !== undefined ? `:${line}` : ''}: ${msg}`);
}
