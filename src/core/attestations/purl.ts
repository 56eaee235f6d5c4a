// Package URLs (github.com/package-url/purl-spec), parsed the way the spec's "how to parse" reads
// them: for SBOM identities and for `pkg:` deny rules, so both sides reduce to the same parts.

export interface Purl {
  /** Lower-cased: `maven`, `npm`, `pypi`, `golang`, … */
  type: string;
  /** Decoded segments joined with '/': Maven groupId, npm scope (`@scope`), Go module path. */
  namespace?: string;
  name: string;
  /** Decoded; in a deny rule this part holds the version range. */
  version?: string;
  qualifiers: Record<string, string>;
  subpath?: string;
}

export class PurlError extends Error {}

const TYPE_RE = /^[a-z.+-][a-z0-9.+-]*$/;
const QUALIFIER_KEY_RE = /^[a-z.\-_][a-z0-9.\-_]*$/;

/**
 * Parse `pkg:type/namespace/name@version?qualifiers#subpath`. Throws PurlError naming the
 * problem: a scheme other than `pkg`, a bad type, no name, or broken percent-encoding.
 * The `@` that starts the version is the last one whose tail has no '/', so an unencoded npm
 * scope (`pkg:npm/@angular/core`) still reads as a namespace.
 */
export function parsePurl(text: string): Purl {
  let rest = text.trim();
  let subpath: string | undefined;
  const hash = rest.lastIndexOf('#');
  if (hash >= 0) {
    const segs = rest
      .slice(hash + 1)
      .split('/')
      .filter((s) => s !== '' && s !== '.' && s !== '..')
      .map((s) => decode(s, 'subpath'));
    if (segs.length > 0) subpath = segs.join('/');
    rest = rest.slice(0, hash);
  }
  const qualifiers: Record<string, string> = {};
  const q = rest.lastIndexOf('?');
  if (q >= 0) {
    for (const pair of rest.slice(q + 1).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const key = (eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
      const value = eq < 0 ? '' : decode(pair.slice(eq + 1), `qualifier ${key}`);
      if (!QUALIFIER_KEY_RE.test(key)) throw new PurlError(`qualifier key '${key}' is not valid`);
      // A key without a value is the same as no key (spec).
      if (value !== '') qualifiers[key] = value;
    }
    rest = rest.slice(0, q);
  }
  const colon = rest.indexOf(':');
  if (colon < 0 || rest.slice(0, colon).toLowerCase() !== 'pkg')
    throw new PurlError(`scheme is not 'pkg:'`);
  // `pkg://type/...` and `pkg:/type/...` mean `pkg:type/...`; a trailing '/' means nothing.
  rest = rest
    .slice(colon + 1)
    .replace(/^\/+/, '')
    .replace(/\/+$/, '');
  const slash = rest.indexOf('/');
  if (slash < 0) throw new PurlError(rest === '' ? 'no type' : 'no name after the type');
  const type = rest.slice(0, slash).toLowerCase();
  if (!TYPE_RE.test(type)) throw new PurlError(`type '${type}' is not valid`);
  rest = rest.slice(slash + 1);
  let version: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0 && !rest.slice(at + 1).includes('/')) {
    version = decode(rest.slice(at + 1), 'version');
    rest = rest.slice(0, at);
  }
  const segments = rest.split('/');
  const name = decode(segments.pop() ?? '', 'name');
  if (name === '') throw new PurlError('no name');
  const ns = segments.filter((s) => s !== '').map((s) => decode(s, 'namespace'));
  return {
    type,
    ...(ns.length > 0 ? { namespace: ns.join('/') } : {}),
    name,
    ...(version !== undefined ? { version } : {}),
    qualifiers,
    ...(subpath !== undefined ? { subpath } : {}),
  };
}

/** `pkg:type/namespace/name@version`, for messages (qualifiers and subpath left out). */
export function formatPurl(p: Purl): string {
  const enc = (s: string): string => encodeURIComponent(s).replace(/%3A/gi, ':');
  const ns = p.namespace ? `${p.namespace.split('/').map(enc).join('/')}/` : '';
  return `pkg:${p.type}/${ns}${enc(p.name)}${p.version !== undefined ? `@${p.version}` : ''}`;
}

function decode(s: string, part: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new PurlError(`${part} '${s}' has broken percent-encoding`);
  }
}
