// YAML documents as nodes with line numbers: every multi-document stream (Compose, Kubernetes,
// helm template output, JSON) is parsed once here, and aliases and `<<` merge keys are followed
// on the node tree so each value keeps the line where its text is written.
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  Parser,
  visit,
  type Document,
  type Node,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { goTrimSpace } from './go-space.js';
import { manifestError, type TextSpan } from './types.js';

export interface ParsedYaml {
  docs: Document.Parsed[];
  line(node: Node): number;
  /** Where a scalar's value is written (see `scalarSpan`); undefined for other nodes. */
  span(node: Node): TextSpan | undefined;
}

export function parseYamlStream(file: string, text: string): ParsedYaml {
  refuseOtherBreaks(file, text);
  const lineCounter = new LineCounter();
  // Kubernetes and Compose are YAML 1.2 (JSON is a subset); `<<` is followed below by hand.
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  if (!Array.isArray(docs)) return { docs: [], line: () => 1, span: () => undefined };
  for (const d of docs) {
    const err = d.errors[0];
    if (err) {
      const at = lineCounter.linePos(err.pos[0]).line;
      throw manifestError(file, at, `not valid YAML or JSON: ${err.message.split('\n')[0]}`);
    }
  }
  refuseHiddenSeparators(file, docs, text);
  const line = (node: Node) => (node.range ? lineCounter.linePos(node.range[0]).line : 1);
  for (const d of docs) refuseHiddenKeys(file, d, line);
  return { docs, line, span: (node) => scalarSpan(text, node) };
}

/**
 * Refuses the characters kubectl's and Compose's YAML readers break lines at and this one does
 * not. yaml.v2 (kubectl, through sigs.k8s.io/yaml) and go-yaml v4 (compose-go) keep libyaml's
 * YAML 1.1 line breaks: a lone CR, NEL (U+0085), LS (U+2028) and PS (U+2029) end a line, so one
 * inside a `#` comment starts a line of YAML there, at column 0, which YAML 1.2 reads as comment
 * text: a pod spec or a service hidden from this reader. And a byte order mark after the start
 * (yaml.v2 drops one at each document's start) turned `apiVersion` into another key. None is
 * needed in a manifest (CRLF is read as LF by all of them): refused, naming the line.
 */
function refuseOtherBreaks(file: string, text: string): void {
  // A byte order mark at the very start is the one every reader skips.
  OTHER_BREAKS.lastIndex = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const at = OTHER_BREAKS.exec(text);
  if (!at) return;
  const line = text.slice(0, at.index).split('\n').length;
  const c = at[0].charCodeAt(0);
  const what =
    c === 0x0d
      ? 'a carriage return not followed by a line feed'
      : c === 0xfeff
        ? 'a byte order mark (U+FEFF) after the start of the file'
        : `U+${c.toString(16).toUpperCase().padStart(4, '0')} (a line break to kubectl and Compose, not to YAML 1.2)`;
  throw manifestError(
    file,
    line,
    `${what}: kubectl and docker compose would read the text around it differently from image-gate; remove it (line ends must be LF or CRLF)`,
  );
}
const OTHER_BREAKS = /\r(?!\n)|[\u0085\u2028\u2029\ufeff]/g;

/**
 * Refuses a line kubectl splits documents at that the YAML parser does not. kubectl reads a stream
 * with apimachinery's YAMLReader (k8s.io/apimachinery/pkg/util/yaml/decoder.go, `YAMLReader.Read`),
 * which cuts at every line starting with `---` whose rest, strings.TrimSpace'd, is empty or starts
 * with `#`, before any YAML is parsed; YAML starts a document only at `---` followed by a blank or
 * the line's end. So `---#` (or `---` and a no-break space) inside a block scalar is text to this
 * reader while kubectl applies what follows as its own documents, unread here. (A `---` line YAML
 * splits at and kubectl does not, such as `--- |`, only makes more documents here, or is an
 * "invalid Yaml document separator" error to kubectl.) Lines end at `\n`, as its LineReader's do.
 */
function refuseHiddenSeparators(file: string, docs: Document.Parsed[], text: string): void {
  if (!/^---/m.test(text)) return;
  // Where each document's `---` is: a document's range starts there; the token stream (a second
  // parse) only when a line is not one of those, which a well-formed stream never has.
  const quick = new Set(docs.filter((d) => d.directives.docStart).map((d) => d.range[0]));
  let exact: Set<number> | undefined;
  const isStart = (offset: number): boolean => {
    if (quick.has(offset)) return true;
    if (!exact) {
      exact = new Set();
      for (const tok of new Parser().parse(text))
        if (tok.type === 'document')
          for (const t of tok.start) if (t.type === 'doc-start') exact.add(t.offset);
    }
    return exact.has(offset);
  };
  let offset = 0;
  let line = 1;
  for (const raw of text.split('\n')) {
    if (raw.startsWith('---') && !isStart(offset)) {
      const rest = goTrimSpace(raw.slice(3));
      if (rest === '' || rest.startsWith('#'))
        throw manifestError(
          file,
          line,
          `kubectl starts a new document at this line (${JSON.stringify(raw.trimEnd())}), YAML does not: what follows would be applied unread; write the separator as "---" alone on its line, or indent the text`,
        );
    }
    offset += raw.length + 1;
    line += 1;
  }
}

export const BINARY_TAG = 'tag:yaml.org,2002:binary';
const MERGE_TAG = 'tag:yaml.org,2002:merge';

/** A `<<` key, written plain or quoted, or tagged `!!merge` (whose value here is a symbol). */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === '<<' || key.tag === MERGE_TAG);
}

/**
 * Refuses a mapping key the readers would not see as the text kubectl and Compose see. Both
 * decode keys to strings (sigs.k8s.io/yaml YAMLToJSON over gopkg.in/yaml.v2; compose-go over
 * yaml v3/v4): an alias key (`*k :` where `&k image`) is the anchored text and a `!!binary` key
 * the text it encodes, so either spells `image`, `containers` or `services`, and the later pair
 * wins over one written out. The readers match keys by their written value, so such a key is an
 * error naming its line, not a pair skipped. A mapping or list as a key is refused too: neither
 * tool takes one (yaml.v2 fails "invalid map key"), and no reader could say what it names.
 */
function refuseHiddenKeys(file: string, doc: Document.Parsed, line: (n: Node) => number): void {
  visit(doc, {
    Pair(_, pair) {
      const k = pair.key as Node | null;
      if (k === null || k === undefined) return;
      if (isAlias(k))
        throw manifestError(
          file,
          line(k),
          `mapping key *${k.source} is an alias: kubectl and Compose read it as the text it names, which may be image, containers or services; write the key out`,
        );
      if (isMap(k) || isSeq(k))
        throw manifestError(file, line(k), 'a mapping or list as a mapping key');
      if (!isScalar(k)) return;
      // `!!merge` makes the `yaml` package merge whatever the key says; kubectl and Compose merge
      // only `<<` and read any other tagged key as its text (`!!merge image:` is `image`).
      if (k.tag === MERGE_TAG) {
        if (k.source === '<<') return;
        throw manifestError(
          file,
          line(k),
          `mapping key !!merge ${JSON.stringify(k.source)}: kubectl and Compose merge only <<, and read this key as its text, which may be image, containers or services; write the key out without the tag`,
        );
      }
      if (!isPlainScalar(k))
        throw manifestError(
          file,
          line(k),
          `mapping key ${k.tag === BINARY_TAG ? '!!binary ' : ''}is not plain text: kubectl and Compose decode it to the text it encodes, which may be image, containers or services; write the key out`,
        );
    },
  });
}

/**
 * The characters of a scalar's value in the source, blanks trimmed: inside the quotes of a quoted
 * scalar, after the header line of a block scalar (`|`, `>-`), the whole of a plain one. An alias
 * resolves to the anchored scalar, so every alias of it has this one span (after `&anchor`).
 */
export function scalarSpan(text: string, node: Node): TextSpan | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  let [start, end] = node.range;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    start += 1;
    end -= 1;
  } else if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const nl = text.indexOf('\n', start);
    start = nl < 0 || nl >= end ? end : nl + 1;
  }
  if (end < start) return undefined;
  const body = text.slice(start, end);
  const lead = body.length - body.trimStart().length;
  return { start: start + lead, end: start + lead + body.trim().length };
}

/** The node an alias names (aliases of aliases too); any other node as it is. */
export function deref(doc: Document.Parsed, node: unknown): Node | undefined {
  let n = node;
  for (let i = 0; isAlias(n) && i < 64; i++) n = n.resolve(doc);
  return isAlias(n) ? undefined : (n as Node | undefined);
}

/**
 * The mapping's value for `key` as Compose reads it: its own pair first, then each `<<` merge
 * source in order. compose-go decodes with yaml v3/v4, whose `merge` records the mapping's own
 * keys first so no merged value replaces them, and whose `<<` list applies in order with earlier
 * sources winning (go.yaml.in/yaml decode.go `merge`, `mergedFields`). Kubernetes reads merges
 * in document order instead: see `mapGetInOrder`.
 */
export function mapGet(
  doc: Document.Parsed,
  map: YAMLMap,
  key: string,
  seen = new Set<unknown>(),
): Node | undefined {
  if (seen.has(map)) return undefined;
  seen.add(map);
  for (const p of map.items)
    if (isScalar(p.key) && p.key.value === key && key !== '<<') return deref(doc, p.value);
  for (const p of map.items) {
    if (!isMergeKey(p.key)) continue;
    const v = deref(doc, p.value);
    const sources = isSeq(v) ? v.items.map((i) => deref(doc, i)) : [v];
    for (const s of sources) {
      if (!isMap(s)) continue;
      const got = mapGet(doc, s, key, seen);
      if (got !== undefined) return got;
    }
  }
  return undefined;
}

/**
 * The mapping's value for `key` as kubectl reads it. sigs.k8s.io/yaml decodes with yaml.v2, whose
 * `mapping` applies the pairs in document order and whose `merge` unmarshals a `<<` source into
 * the same map (gopkg.in/yaml.v2 decode.go, `mapping` and `merge`): whatever sets `key` last wins,
 * written or merged, so `image: good` then `<<: {image: evil}` is evil. Of a `<<` list the
 * earlier sources win (`merge` steps backwards, "earlier nodes take precedence"). Only a plain
 * (or `!!merge`-tagged) `<<` merges (`isMerge`: implicit or the merge tag): a quoted `"<<"` is a
 * key of that name, which the API server drops. Compose reads merges otherwise (see `mapGet`).
 */
export function mapGetInOrder(doc: Document.Parsed, map: YAMLMap, key: string): Node | undefined {
  if (key === '<<') return undefined;
  // Each mapping's answer once (a cycle reads as absent): a source merged by many is not re-read.
  const memo = new Map<YAMLMap, Node | undefined>();
  const get = (m: YAMLMap): Node | undefined => {
    if (memo.has(m)) return memo.get(m);
    memo.set(m, undefined);
    let got: Node | undefined;
    for (const p of m.items) {
      if (isV2Merge(p.key)) {
        const v = deref(doc, p.value);
        const sources = isSeq(v) ? v.items.map((i) => deref(doc, i)) : [v];
        for (const s of sources.reverse()) {
          const g = isMap(s) ? get(s) : undefined;
          if (g !== undefined) got = g;
        }
      } else if (isScalar(p.key) && p.key.value === key) got = deref(doc, p.value);
    }
    memo.set(m, got);
    return got;
  };
  return get(map);
}

/** A key yaml.v2 merges: `<<` written plain, or tagged `!!merge` (or the non-specific `!`). */
function isV2Merge(key: unknown): boolean {
  if (!isMergeKey(key) || !isScalar(key)) return false;
  if (key.tag === undefined) return key.type === 'PLAIN';
  return key.tag === MERGE_TAG || key.tag === '!';
}

/** Every key of a mapping, merge sources included (own keys first). */
export function mapKeys(doc: Document.Parsed, map: YAMLMap, seen = new Set<unknown>()): string[] {
  if (seen.has(map)) return [];
  seen.add(map);
  const keys: string[] = [];
  for (const p of map.items) {
    if (!isScalar(p.key)) continue;
    if (!isMergeKey(p.key)) keys.push(String(p.key.value));
    else {
      const v = deref(doc, p.value);
      for (const s of isSeq(v) ? v.items.map((i) => deref(doc, i)) : [v])
        if (isMap(s)) keys.push(...mapKeys(doc, s, seen));
    }
  }
  return [...new Set(keys)];
}

/**
 * A scalar whose value is text, a number, a boolean or null, and not tagged `!!binary`: what both
 * tools and this reader read alike. A `!!binary` scalar (a Buffer here) is the text its base64
 * encodes to yaml.v2 and yaml v3, not the base64 written.
 */
export function isPlainScalar(node: Scalar): boolean {
  const v = node.value;
  return (
    node.tag !== BINARY_TAG &&
    (v === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof v))
  );
}

/** A scalar's string value, or undefined for anything else (mappings, lists, null). */
export function scalarString(node: Node | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  // Numbers and booleans (`image: 1` is still text a user wrote); nothing else is a scalar here.
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint'
    ? String(v)
    : undefined;
}
