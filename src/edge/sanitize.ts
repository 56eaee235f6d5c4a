// One sanitiser per place text leaves the program: terminal, Actions log, Markdown job summary,
// GITHUB_OUTPUT. Registry, file and signature strings are data and must never act as commands.

/**
 * Characters that move the cursor, start escape sequences, reorder or hide text: C0 and C1
 * controls and DEL (ESC/CSI/OSC live here), format characters (bidi overrides and isolates,
 * zero-width characters, BOM), line and paragraph separators, and lone surrogates.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/**
 * The visible escape of one such character: `\n`, `\r`, `\t`, else `\uXXXX` per UTF-16 unit
 * (JSON-compatible; tag characters such as U+E0041 become a surrogate pair of escapes).
 */
function escapeChar(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * One value for one line: every control, format and separator character shown as an escape, so
 * a value can neither break a line nor hide or restyle what follows. Renderers apply it to each
 * interpolated field; the sinks below apply it to each line of whole messages.
 */
export function escapeControls(s: string): string {
  return s.replace(INVISIBLE, escapeChar);
}

/**
 * Whatever the terminal and log sinks change: a control other than LF, a format, separator or
 * surrogate character (escapeControls), `##[`, or a line whose first non-blank is `:`
 * (noCommands; its `\s` is, after escapeControls, only the space separators \p{Zs}). Text with
 * none of these leaves both sinks as it came, so it is not split into lines at all: a JSON report
 * of 10 000 results is one such string.
 */
const SINK_CHANGES = /[^\P{Cc}\n]|[\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|##\[|(?:^|\n)\p{Zs}*:/u;

/** Each line of `s` escaped; the line breaks themselves kept. */
function byLine(s: string, line: (l: string) => string): string {
  if (!SINK_CHANGES.test(s)) return s;
  return s.split('\n').map(line).join('\n');
}

// ---- terminal (CLI stdout and stderr) ----------------------------------------------------------

/**
 * Text for a terminal: line breaks kept, everything else a terminal would interpret (ESC/CSI/OSC,
 * lone CR, C1, bidi) escaped. One leading CR is kept: the progress counter's own overwrite.
 * The CLI also runs in workflow steps, whose output the runner reads for commands: no line can
 * be one (as for logText). JSON stays valid and equal: its strings never hold a raw control, the
 * escapes used are JSON escapes, and `[` or `:` escaped only ever sit inside a string.
 */
export function terminalText(s: string): string {
  const line = (l: string) => noCommands(escapeControls(l));
  if (s.startsWith('\r')) return `\r${byLine(s.slice(1), line)}`;
  return byLine(s, line);
}

/**
 * One escaped line that the runner cannot take as a workflow command: it does when the line
 * starts with `::` after leading blanks (`::add-mask::`, `::stop-commands::`, `::warning::`) and
 * when `##[` (the older syntax) appears anywhere.
 */
function noCommands(line: string): string {
  return line.replace(/##\[/g, '##\\u005b').replace(/^(\s*):/, '$1\\u003a');
}

// ---- GitHub Actions log (core.info, debug, warning, error, setFailed, group titles) -----------

/**
 * Text for the Actions log: as for a terminal, and no line can be a workflow command. The runner
 * takes a line as a command when it starts with `::` after leading blanks (`::add-mask::`,
 * `::stop-commands::`, `::warning::`) and recognises `##[` (the older syntax) anywhere.
 */
export function logText(s: string): string {
  return byLine(s, (line) => noCommands(escapeControls(line)));
}

/**
 * An annotation's message or property (`::error title=…,file=…::MESSAGE`): one line, every
 * control escaped, and no command syntax of its own. The toolkit then percent-encodes what the
 * command format needs (`%`, and `:` `,` in properties).
 */
export function annotationText(s: string): string {
  return noCommands(escapeControls(s));
}

// ---- Markdown/HTML job summary ------------------------------------------------------------------

/**
 * Ends the text node after the character that would start or join an autolink. GitHub's
 * cmark-gfm finds email autolinks after parsing, in text nodes merged with their decoded
 * entities (`cmark_consolidate_text_nodes`), so `log4j-core&#64;2.14.1` still became a mailto
 * link; and @mentions are found in the HTML's text. `<wbr>` is an inline HTML node (it splits the
 * text there, and GitHub's sanitiser keeps it), shows nothing and is not copied.
 */
const AUTOLINK_BREAK = '<wbr>';

const MARKDOWN_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '`': '&#96;',
  '[': '&#91;',
  ']': '&#93;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  '\\': '&#92;',
  $: '&#36;',
  // Email autolinks and @mentions: an entity alone is not enough (see AUTOLINK_BREAK).
  '@': `&#64;${AUTOLINK_BREAK}`,
};

/**
 * One value inside a Markdown table cell or an HTML element of the job summary: HTML and the
 * Markdown-active characters as entities (no tags, links, images, code spans, emphasis, strike,
 * math, mentions, backslash escapes, pipes that end a cell); GFM autolinks broken (the `@`, the
 * `:` of `scheme://`, `mailto:`, `xmpp:`, the `.` of `www.`, each as an entity followed by
 * `<wbr>`); controls escaped visibly. Characters that only act at a line start (`#`, `-`, `>`)
 * need nothing: a value never starts a line. `<wbr>` is the only tag it ever writes.
 */
export function markdownText(s: string): string {
  return escapeControls(s)
    .replace(/[&<>|`[\]*_~\\$@]/g, (c) => MARKDOWN_ENTITIES[c])
    .replace(/:(?=\/\/)|(?<=\b(?:mailto|xmpp)):/gi, `&#58;${AUTOLINK_BREAK}`)
    .replace(/(?<=\bwww)\./gi, `&#46;${AUTOLINK_BREAK}`);
}

/**
 * One value inside a double-quoted HTML attribute of the job summary (a `title`): controls
 * escaped visibly, then every character but letters, digits, space and `,-/+=` as a numeric
 * entity, so it can end neither the attribute, the tag, nor the table cell (`|`).
 */
export function markdownAttribute(s: string): string {
  return escapeControls(s).replace(/[^A-Za-z0-9 ,\-/+=]/gu, (c) => `&#${c.codePointAt(0)!};`);
}

// ---- XML (JUnit) -------------------------------------------------------------------------------

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * One value in XML text or a quoted attribute: the five markup characters as entities, and every
 * character XML 1.0 forbids (C0 but TAB/LF/CR, lone surrogates, U+FFFE, U+FFFF) or a report
 * viewer would act on (C1, bidi, separators, and TAB/LF/CR too, which attributes would normalise
 * away) shown as a visible escape, so the document parses and the text reads as it was.
 */
export function xmlText(s: string): string {
  return escapeControls(s)
    .replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

// ---- GITHUB_OUTPUT ----------------------------------------------------------------------------

/**
 * A step output value: one line (no break, no CR, no control) so it can neither end the runner's
 * heredoc early nor add a line a consumer reads as another value.
 */
export function outputLine(s: string): string {
  return escapeControls(s);
}

/**
 * Any step output as it is handed to the runner: its lines kept, each line escaped. The last
 * guard at the toolkit binding; values are built with the three functions around it.
 */
export function outputText(s: string): string {
  return byLine(s, escapeControls);
}

/** An output that is a list, one item a line: each item an `outputLine`. */
export function outputLines(items: readonly string[]): string {
  return items.map(outputLine).join('\n');
}

/**
 * A JSON output: JSON.stringify already escapes C0; C1, format characters and U+2028/2029 are
 * escaped too, so the text is one line of ASCII-safe JSON with the same value.
 */
export function outputJson(v: unknown): string {
  return escapeControls(JSON.stringify(v));
}
