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
}

/** Where one reference is written, as the report's `sources` carry it. */
export interface ImageSource {
  file: string;
  line: number;
}

export function manifestError(file: string, line: number | undefined, msg: string): GateError {
  return new GateError('USAGE', `${file}${line !== undefined ? `:${line}` : ''}: ${msg}`);
}
