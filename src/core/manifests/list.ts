// A plain list of references (`--images-file`, `images-file`): one per line, blank lines and
// `#` comments (whole-line, or after whitespace) ignored.
import type { ImageOccurrence } from './types.js';

export function readList(file: string, text: string): ImageOccurrence[] {
  const found: ImageOccurrence[] = [];
  let offset = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const body = raw.replace(/(^|\s)#.*$/, '');
    const image = body.trim();
    const start = offset + body.length - body.trimStart().length;
    if (image !== '')
      found.push({
        image,
        file,
        line: i + 1,
        kind: 'list',
        span: { start, end: start + image.length },
      });
    // The next line starts after this one and its `\n` (or `\r\n`).
    offset += raw.length + (text[offset + raw.length] === '\r' ? 2 : 1);
  });
  return found;
}
