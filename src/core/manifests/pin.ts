// `pin`: rewriting each reference a file spells literally to `NAME:TAG@DIGEST`, in place, the
// rest of the text byte for byte as it was. Pure: texts, occurrences and verified digests in, edits out.
import { GateError } from '../errors.js';
import { parseReference, referenceIdentity } from '../reference.js';
import type { ImageKind, ImageOccurrence, TextSpan } from './types.js';

/** A file as `pin` needs it: where it came from, its text, and its reader for another text. */
export interface PinFile {
  file: string;
  text: string;
  occurrences: ImageOccurrence[];
  read(text: string): ImageOccurrence[];
}

export interface PinEdit {
  file: string;
  line: number;
  kind: ImageKind;
  span: TextSpan;
  from: string;
  to: string;
  digest: string;
}

/** One reference `pin` refuses, with the place: `FILE:LINE: ...`. */
export interface PinProblem {
  file: string;
  line: number;
  message: string;
}

/**
 * The digest a reference is pinned to, or undefined when it names only a tag. A reference that
 * does not parse is an error naming it (REF_INVALID), never "unpinned" or "pinned".
 */
export function pinnedDigest(image: string): string | undefined {
  const ref = parseReference(image);
  return ref.kind === 's3lo' ? ref.s3lo.digest : ref.digest;
}

/** The key two spellings of one reference share (`nginx:1`, `docker.io/library/nginx:1`). */
export function referenceKey(image: string): string {
  try {
    return referenceIdentity(parseReference(image));
  } catch {
    return image;
  }
}

/**
 * References that need a digest but are not written out literally: interpolated (`${TAG}`),
 * substituted (`FROM $BASE`), escaped or folded. Rewriting the text would pin something other
 * than what was read, and skipping them would leave them unpinned, so `pin` refuses them.
 */
export function unpinnable(f: PinFile): PinProblem[] {
  const out: PinProblem[] = [];
  for (const o of f.occurrences) {
    if (pinnedDigest(o.image) !== undefined) continue;
    const written = o.span ? f.text.slice(o.span.start, o.span.end) : undefined;
    if (written === o.image) continue;
    const why =
      written === undefined
        ? 'its text could not be placed in the file'
        : /\$/.test(written)
          ? `it is interpolated (reads as '${o.image}'); write the reference out, or pin the value where it is set`
          : `the file spells it differently (escapes or folded lines: reads as '${o.image}')`;
    out.push({
      file: o.file,
      line: o.line,
      message: `'${written ?? o.image}' cannot be pinned in place: ${why}`,
    });
  }
  return out;
}

/**
 * The edits that pin a file's references to the digests verified for them (`verified` by
 * reference, as `referenceKey` spells it): `image` -> `image@digest`. A reference already pinned
 * is verified by its digest (a tag beside it is not resolved), so it is left; one whose digest is
 * not the verified one is a problem. Each span is edited once (every alias of an anchor shares it).
 */
export function planPins(
  f: PinFile,
  verified: (image: string) => string | undefined,
): { edits: PinEdit[]; unchanged: ImageOccurrence[]; problems: PinProblem[] } {
  const edits: PinEdit[] = [];
  const unchanged: ImageOccurrence[] = [];
  const problems: PinProblem[] = [];
  const spans = new Set<number>();
  for (const o of f.occurrences) {
    const digest = verified(o.image);
    const at = { file: o.file, line: o.line };
    if (digest === undefined) {
      problems.push({ ...at, message: `'${o.image}' has no verified digest` });
      continue;
    }
    const pinned = pinnedDigest(o.image);
    if (pinned !== undefined) {
      if (pinned === digest) unchanged.push(o);
      else
        problems.push({
          ...at,
          message: `'${o.image}' is pinned to ${pinned}, but ${digest} was verified for it`,
        });
      continue;
    }
    if (!o.span || f.text.slice(o.span.start, o.span.end) !== o.image) {
      problems.push({ ...at, message: `'${o.image}' cannot be pinned in place` });
      continue;
    }
    if (spans.has(o.span.start)) continue;
    spans.add(o.span.start);
    edits.push({
      file: o.file,
      // Where the text changes: a block scalar's content line, an ARG default's line.
      line: lineAt(f.text, o.span.start),
      kind: o.kind,
      span: o.span,
      from: o.image,
      to: `${o.image}@${digest}`,
      digest,
    });
  }
  // In the order of the text (`FROM $ARG` is edited at the ARG line above it).
  edits.sort((a, b) => a.span.start - b.span.start);
  return { edits, unchanged, problems };
}

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The text with each edit's span replaced (spans are disjoint; applied from the end). */
export function applyEdits(text: string, edits: readonly PinEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start))
    out = out.slice(0, e.span.start) + e.to + out.slice(e.span.end);
  return out;
}

/**
 * The rewritten text read back with the file's own reader must name the same references in the
 * same places, each edited one as its pin and every one pinned; else nothing is written (a
 * rewrite that changed the document's structure, or left a reference unpinned, is a bug).
 */
export function checkReadBack(f: PinFile, text: string, edits: readonly PinEdit[]): void {
  const fail = (why: string): never => {
    throw new GateError('USAGE', `${f.file}: the pinned text would not read back: ${why}`);
  };
  let again: ImageOccurrence[];
  try {
    again = f.read(text);
  } catch (e: unknown) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  const to = new Map(edits.map((e) => [e.span.start, e.to]));
  if (again.length !== f.occurrences.length)
    fail(`${again.length} references instead of ${f.occurrences.length}`);
  f.occurrences.forEach((o, i) => {
    const want = (o.span && to.get(o.span.start)) ?? o.image;
    const got = again[i];
    if (got.image !== want || got.line !== o.line)
      fail(`line ${got.line} reads '${got.image}', expected '${want}' on line ${o.line}`);
    if (pinnedDigest(got.image) === undefined) fail(`line ${got.line}: '${got.image}' is unpinned`);
  });
}
