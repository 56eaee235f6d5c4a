// A `deny-packages` rule as the user writes it (name, group:name or purl, with an optional
// version range), parsed into a PackageRule; anything else is a usage error naming the value.
import { GateError } from '../errors.js';
import { parsePurl, PurlError, type Purl } from './purl.js';
import type { PackageRule } from './types.js';
import { parseVersionRange } from './version-range.js';

const RULE_FORMS = 'name[@range], group:name[@range] or pkg:type/namespace/name[@range]';

/**
 * `log4j-core`, `log4j-core@<2.17.0`, `org.apache.logging.log4j:log4j-core@<2.17.0`,
 * `@scope/pkg@>=1 <2`, `github.com/foo/bar@<1.2.3`, `pkg:maven/org.apache.logging.log4j/log4j-core@<2.17.0`,
 * `pkg:npm/%40scope/pkg@<1`. Anything else is a usage error naming the value.
 */
export function parsePackageRule(raw: string, input = 'deny-packages'): PackageRule {
  const s = raw.trim();
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f-\u009f]/g;
  // The value is named in the message, with control characters spelled out rather than sent.
  const shown = raw.replace(control, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const bad = (why: string): GateError => new GateError('USAGE', `${input}: '${shown}' ${why}`);
  if (s === '') throw bad(`is empty (expected ${RULE_FORMS})`);
  if (s.search(control) >= 0) throw bad('contains a control character');
  let name: string;
  let namespace: string | undefined;
  let type: string | undefined;
  let range: string | undefined;
  if (/^pkg:/i.test(s)) {
    let p: Purl;
    try {
      p = parsePurl(s);
    } catch (e: unknown) {
      if (e instanceof PurlError) throw bad(`is not a package URL: ${e.message}`);
      throw e;
    }
    ({ name, namespace, type, version: range } = p);
    if (/\s/.test(name) || (namespace !== undefined && /\s/.test(namespace)))
      throw bad('has white space in its namespace or name');
  } else {
    // A leading '@' belongs to an npm scope, not to a version.
    const at = s.indexOf('@', 1);
    const spec = at < 0 ? s : s.slice(0, at);
    range = at < 0 ? undefined : s.slice(at + 1);
    if (spec === '' || /\s/.test(spec)) throw bad(`is not ${RULE_FORMS}`);
    const parts = spec.split(':');
    if (parts.length > 2)
      throw bad(
        `has more than one ':' (write Maven coordinates as group:artifact@version, e.g. org.apache.logging.log4j:log4j-core@2.14.1)`,
      );
    const slash = spec.lastIndexOf('/');
    if (parts.length === 2) {
      // Maven coordinates: neither groupId nor artifactId holds a '/'.
      if (spec.includes('/')) throw bad(`is not ${RULE_FORMS}`);
      [namespace, name] = parts as [string, string];
    } else if (slash >= 0) [namespace, name] = [spec.slice(0, slash), spec.slice(slash + 1)];
    else name = spec;
    if (name === '' || (namespace !== undefined && namespace.split('/').some((x) => x === '')))
      throw bad(`is not ${RULE_FORMS}`);
  }
  if (range !== undefined) {
    range = range.trim();
    if (range === '') throw bad(`has an empty version range after '@'`);
    parseVersionRange(range, `${input}: '${raw}'`);
  }
  return {
    raw: s,
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(type !== undefined ? { type } : {}),
    ...(range !== undefined ? { range } : {}),
  };
}
