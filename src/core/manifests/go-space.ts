// Go's white space (unicode.IsSpace), which BuildKit and kubectl trim with: JavaScript's `trim`
// differs (it trims U+FEFF and keeps U+0085), and a line one reader trims and the other does not
// is read two ways. One definition for the Dockerfile and YAML readers.
const CLASS =
  '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const ONE = new RegExp(`^[${CLASS}]$`);

/** A run of Go white space at the start of a string. */
export const GO_LEADING_SPACE = new RegExp(`^[${CLASS}]+`);

export const isGoSpace = (ch: string | undefined): boolean => ch !== undefined && ONE.test(ch);

/** Go's strings.TrimSpace, in linear time (a regular expression backtracks on long blank runs). */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s[start])) start++;
  while (end > start && isGoSpace(s[end - 1])) end--;
  return s.slice(start, end);
}
