// A plain list of references (`--images-file`, `images-file`): one per line, blank lines and
// `#` comments (whole-line, or after whitespace) ignored.
import type { ImageOccurrence } from './types.js';

export function readList(file: string, text: string): ImageOccurrence[] {
  const found: ImageOccurrence[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const image = raw.replace(/(^|\s)#.*$/, '').trim();
    if (image !== '') found.push({ image, file, line: i + 1, kind: 'list' });
  });
  return found;
}
