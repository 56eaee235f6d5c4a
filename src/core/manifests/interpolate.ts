// Compose interpolation (compose-spec interpolation.md): `$VAR`, `${VAR}`, `${VAR:-default}`,
// `${VAR-default}`, `${VAR:?err}`, `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}`, defaults that
// nest further expressions, and `$$` for a literal `$`. Compose substitutes an unset variable
// with "" and a warning; a gate must not verify `app:` instead of `app:1.2`, so here an unset
// variable without a default is an error, as are `?` and malformed expressions.

export class InterpolationError extends Error {}

/**
 * A reference reads `name`, which is set in the environment but not named in `compose-env`. A
 * file is untrusted input that chooses which variable it reads (`${NPM_TOKEN}` would send the
 * token to the registry the file names), so only the variables the user names are read. The
 * message names the variable, never its value. `via`: the `.env` line whose value read it.
 */
export class EnvNotAllowedError extends InterpolationError {
  constructor(
    readonly variable: string,
    readonly via?: { file: string; line: number; key: string; text: string },
  ) {
    super(
      `${via ? `reads ${via.key} from ${via.file}:${via.line} ('${via.text}'), which ` : ''}reads ${variable} from the environment, which compose-env does not allow; name it in compose-env (--compose-env ${variable}) if the deploy sets it`,
    );
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function interpolate(text: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '{') {
      const end = closingBrace(text, i + 2);
      if (end < 0) throw new InterpolationError(`unterminated '\${' in '${text}'`);
      out += braced(text.slice(i + 2, end), lookup);
      i = end + 1;
    } else {
      const m = NAME.exec(text.slice(i + 1));
      if (!m)
        throw new InterpolationError(
          `invalid interpolation format in '${text}' (a lone '$'; write '$$')`,
        );
      out += required(m[0], lookup);
      i += 1 + m[0].length;
    }
  }
  return out;
}

/** The index of the `}` closing a `${` whose body starts at `from` (nested `${...}` skipped). */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let j = from; j < text.length; j++) {
    if (text[j] === '$' && text[j + 1] === '$') j++;
    else if (text[j] === '$' && text[j + 1] === '{') {
      depth++;
      j++;
    } else if (text[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

function braced(body: string, lookup: (name: string) => string | undefined): string {
  const m = NAME.exec(body);
  if (!m) throw new InterpolationError(`invalid interpolation format '\${${body}}'`);
  const name = m[0];
  const rest = body.slice(name.length);
  if (rest === '') return required(name, lookup);
  const op = /^(:?[-?+])/.exec(rest)?.[1];
  if (op === undefined) throw new InterpolationError(`invalid interpolation format '\${${body}}'`);
  const arg = rest.slice(op.length);
  const value = lookup(name);
  const unset = op.startsWith(':') ? value === undefined || value === '' : value === undefined;
  switch (op.replace(':', '')) {
    case '-':
      return unset ? interpolate(arg, lookup) : (value as string);
    case '+':
      return unset ? '' : interpolate(arg, lookup);
    default:
      if (unset)
        throw new InterpolationError(
          `required variable ${name} is ${value === undefined ? 'unset' : 'empty'}${arg ? `: ${interpolate(arg, lookup)}` : ''}`,
        );
      return value as string;
  }
}

function required(name: string, lookup: (name: string) => string | undefined): string {
  const v = lookup(name);
  if (v === undefined)
    throw new InterpolationError(`variable ${name} is not set and has no default`);
  return v;
}

/**
 * A `.env` file (Compose's env-file syntax): `KEY=VALUE` lines, `export ` allowed, `#` comments
 * (inline ones after a space, or after a closing quote), single quotes literal, double quotes with
 * `\n \t \\ \"` escapes; unquoted and double-quoted values interpolated from what is known so far.
 * With `refused`, a line whose value reads a variable the environment may not give
 * (EnvNotAllowedError) is not an error until something reads its key: the key maps to the
 * refusal (naming `file` and the line), so an unused line does not stop the run.
 */
export function parseDotEnv(
  text: string,
  outer: (name: string) => string | undefined,
  refused?: { file: string; errors: Map<string, EnvNotAllowedError> },
): Map<string, string> {
  const vars = new Map<string, string>();
  const lookup = (n: string): string | undefined => {
    const v = outer(n);
    if (v !== undefined) return v;
    const r = refused?.errors.get(n);
    if (r) throw r;
    return vars.get(n);
  };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n].trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(raw);
    if (!m) throw new InterpolationError(`.env line ${n + 1}: expected KEY=VALUE`);
    const [, key, rest] = m;
    let value: string;
    try {
      value = dotEnvValue(rest, lookup);
    } catch (e: unknown) {
      if (e instanceof InterpolationError && !(e instanceof EnvNotAllowedError))
        throw new InterpolationError(`.env line ${n + 1}: ${e.message}`);
      if (!(e instanceof EnvNotAllowedError) || !refused) throw e;
      // The first refusal in a chain is the one to name: the variable the environment gives.
      refused.errors.set(
        key,
        e.via
          ? e
          : new EnvNotAllowedError(e.variable, { file: refused.file, line: n + 1, key, text: raw }),
      );
      vars.delete(key);
      continue;
    }
    refused?.errors.delete(key);
    vars.set(key, value);
  }
  return vars;
}

function dotEnvValue(rest: string, lookup: (name: string) => string | undefined): string {
  if (rest.startsWith("'")) {
    const end = closingQuote(rest, "'");
    nothingAfterQuote(rest, end);
    return rest.slice(1, end).replace(/\\'/g, "'");
  }
  if (rest.startsWith('"')) {
    const end = closingQuote(rest, '"');
    nothingAfterQuote(rest, end);
    const body = rest
      .slice(1, end)
      .replace(/\\(["\\nrt$])/g, (_, e: string) =>
        e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e === '$' ? '$$' : e,
      );
    return interpolate(body, lookup);
  }
  return interpolate(rest.replace(/\s+#.*$/, '').trim(), lookup);
}

/**
 * compose-go's dotenv parser goes on reading after a closing quote (dotenv/parser.go
 * `extractVarValue` returns the rest, and `parse` loops on it), so `TAG="1.0" TAG=evil` sets TAG
 * to `evil` there; anything but blanks and a comment after the quote is refused here.
 */
function nothingAfterQuote(rest: string, end: number): void {
  const after = rest.slice(end + 1);
  if (!/^\s*(?:#.*)?$/.test(after))
    throw new InterpolationError(
      'text after the closing quote: docker compose reads it as more assignments; write one KEY=VALUE per line',
    );
}

function closingQuote(s: string, q: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === q) return i;
  }
  // The line is named by the caller; a .env value may be a secret, so it is never quoted.
  throw new InterpolationError(`unterminated ${q} quote`);
}
