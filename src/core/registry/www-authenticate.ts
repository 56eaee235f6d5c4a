// Parser for `WWW-Authenticate` challenges (RFC 7235): scheme plus auth-params, quoted strings
// with escapes, several challenges in one header. Unknown schemes are returned, not guessed at.

export interface Challenge {
  /** Lower case: `bearer`, `basic`, ... */
  scheme: string;
  /** Parameter names in lower case; values unquoted. */
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/** All challenges in `header`; malformed tails are dropped rather than half-parsed. */
export function parseWwwAuthenticate(header: string): Challenge[] {
  const out: Challenge[] = [];
  let s = header;
  let current: Challenge | undefined;
  const skip = (re: RegExp): void => {
    s = s.replace(re, '');
  };
  skip(/^[\s,]+/);
  while (s.length > 0) {
    const tok = TOKEN.exec(s);
    if (!tok) break;
    const name = tok[0];
    const rest = s.slice(name.length);
    const eq = /^\s*=\s*/.exec(rest);
    // `name=` starts a parameter of the current challenge; a bare token starts a new challenge.
    // token68 values (`Basic dXNlcg==`) end in `=` followed by end/comma; treat them as a scheme.
    if (current && eq && !/^\s*=+\s*(,|$)/.test(rest)) {
      s = rest.slice(eq[0].length);
      let value: string;
      if (s.startsWith('"')) {
        let i = 1;
        value = '';
        for (; i < s.length && s[i] !== '"'; i++) {
          if (s[i] === '\\' && i + 1 < s.length) i++;
          value += s[i];
        }
        if (i >= s.length) break; // unterminated quote
        s = s.slice(i + 1);
      } else {
        value = (/^[^,\s]*/.exec(s) ?? [''])[0];
        s = s.slice(value.length);
      }
      const key = name.toLowerCase();
      if (!(key in current.params)) current.params[key] = value;
    } else {
      current = { scheme: name.toLowerCase(), params: {} };
      out.push(current);
      s = rest;
      skip(/^\s*[A-Za-z0-9\-._~+/]+=*\s*(?=,|$)/); // token68, unused by registries
    }
    skip(/^[\s,]+/);
  }
  return out;
}
