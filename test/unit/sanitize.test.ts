// The four output sinks' sanitisers (edge/sanitize.ts), each against the same catalogue of
// hostile registry/file/signature strings, plus the properties each sink must keep.
import { describe, expect, it } from 'vitest';
import {
  annotationText,
  escapeControls,
  logText,
  markdownAttribute,
  markdownText,
  outputJson,
  outputLine,
  outputLines,
  outputText,
  terminalText,
  xmlText,
} from '../../src/edge/sanitize.js';

/** [name, hostile value]: what a registry, manifest, annotation or certificate can carry. */
const HOSTILE: Array<[string, string]> = [
  ['LF then a workflow command', 'linux\n::warning::pwned'],
  ['CRLF then a command', 'amd64\r\n::notice::fake'],
  ['lone CR overwriting the line', 'evil\r✓ Verified ghcr.io/acme/app'],
  ['CSI clear screen', '\u001b[2J\u001b[Hx'],
  ['CSI colour', '\u001b[32m✓ Verified\u001b[0m'],
  ['OSC window title (BEL)', '\u001b]0;owned\u0007'],
  ['OSC 8 hyperlink (ST)', '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\'],
  ['C1 CSI', 'a\u009b31mred'],
  ['C1 OSC and NEL', '\u009d0;t\u009c\u0085::error::x'],
  ['NUL, BEL, BS, DEL', 'a\u0000b\u0007c\u0008d\u007f'],
  ['tab', 'a\tb'],
  ['RLO bidi override', 'sha256:\u202e4321'],
  ['bidi isolates and marks', '\u2066x\u2069\u200e\u200f\u061c'],
  ['zero-width and BOM', 'a\u200bb\u200dc\ufeffd'],
  ['line separator then command', 'x\u2028::add-mask::y'],
  ['paragraph separator', 'x\u2029y'],
  ['lone surrogate', 'x\udc00y'],
  ['tag characters (hidden text)', 'ok\u{e0041}\u{e0042}'],
  ['leading blank and command', '  ::stop-commands::tok'],
  ['old ##[ syntax mid-line', 'see ##[error]fake'],
];

/** Anything that a terminal or the Actions log would interpret rather than print. */
const RAW_CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

describe('escapeControls (one value, one line)', () => {
  it.each(HOSTILE)('%s: no control, format or separator character survives', (_n, v) => {
    const out = escapeControls(v);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out.split('\n')).toHaveLength(1);
  });

  it.each([
    ['\n', '\\n'],
    ['\r', '\\r'],
    ['\t', '\\t'],
    ['\u001b[2J', '\\u001b[2J'],
    ['\u009b', '\\u009b'],
    ['\u202e', '\\u202e'],
    ['\u{e0041}', '\\udb40\\udc41'],
    ['\udc00', '\\udc00'],
  ])('shows %j as %s', (v, want) => {
    expect(escapeControls(v)).toBe(want);
  });

  it.each(['ghcr.io/acme/app:1', 'linux/arm64/v8', 'é ✓ ✗ 日本 ⚠️ 🚀'])(
    'leaves plain text alone: %s',
    (v) => expect(escapeControls(v)).toBe(v),
  );
});

describe('terminal sink', () => {
  it.each(HOSTILE)('%s: escaped, adds no line', (_n, v) => {
    const out = terminalText(`x ${escapeControls(v)} y\n`);
    expect(out.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
    expect(out.split('\n')).toHaveLength(2);
  });

  it.each(HOSTILE)('%s: a whole message keeps only its line breaks', (_n, v) => {
    const out = terminalText(v);
    expect(out.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
  });

  it('keeps the progress counter’s own leading CR, and only that', () => {
    expect(terminalText('\r[1/2] 0 failed')).toBe('\r[1/2] 0 failed');
    expect(terminalText('\r[1/2] a\rb\n')).toBe('\r[1/2] a\\rb\n');
  });

  it.each([
    ['##[ anywhere', 'x ##[error]forged ##[add-mask]y'],
    ['a line starting with ::', 'first\n  ::warning::forged'],
    ['a line that starts with :: after the progress CR', '\r::error::forged'],
  ])('no line is a workflow command (the CLI runs in workflow steps): %s', (_n, v) => {
    for (const line of terminalText(v).replace(/^\r/, '').split('\n')) {
      expect(line).not.toContain('##[');
      expect(line.trimStart()).not.toMatch(/^::/);
    }
  });

  it('keeps JSON with ##[ and :: valid and equal', () => {
    const v = { '##[k': ['::error::x', 'a ##[error]b'] };
    expect(JSON.parse(terminalText(JSON.stringify(v, null, 2)))).toEqual(v);
  });

  it('keeps JSON valid and equal', () => {
    const v = { s: HOSTILE.map(([, h]) => h).join('|') };
    const out = terminalText(JSON.stringify(v, null, 2));
    expect(out.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(out)).toEqual(v);
  });
});

describe('Actions log sink', () => {
  const commandLine = /^\s*::/;
  it.each(HOSTILE)('%s: no line is a workflow command or a raw control', (_n, v) => {
    for (const msg of [v, `  Reason: ${v}`, `${v}\n${v}`]) {
      const out = logText(msg);
      for (const line of out.split('\n')) {
        expect(line).not.toMatch(commandLine);
        expect(line).not.toMatch(RAW_CONTROL);
        expect(line).not.toContain('##[');
      }
    }
  });

  it.each([
    ['::warning::pwned', '\\u003a:warning::pwned'],
    ['  ::add-mask::x', '  \\u003a:add-mask::x'],
    ['\u00a0::stop-commands::t', '\u00a0\\u003a:stop-commands::t'],
    ['\t::error::x', '\\t::error::x'],
    ['a ##[group]b', 'a ##\\u005bgroup]b'],
    ['ok :: mid-line', 'ok :: mid-line'],
    ['a\n::endgroup::', 'a\n\\u003a:endgroup::'],
  ])('%j -> %j', (v, want) => expect(logText(v)).toBe(want));
});

describe('Markdown/HTML summary sink', () => {
  const MARKDOWN: Array<[string, string]> = [
    ['script tag', '<script>alert(1)</script>'],
    ['details breaking out', '</details><details open><summary>ok</summary>'],
    ['img tag', '<img src=x onerror=alert(1)>'],
    ['markdown image', '![x](https://evil.example/p.png)'],
    ['markdown link', '[click here](https://evil.example)'],
    ['autolink', 'see https://evil.example/fix'],
    ['www autolink', 'go to WWW.evil.example'],
    ['email autolink', 'mail root@evil.example'],
    ['mailto autolink', 'MAILTO:root'],
    ['pipe ends the cell', 'a | b | c'],
    ['escaped pipe', 'a\\|b'],
    ['code span', '`rm -rf /`'],
    ['emphasis and strike', '**bold** _it_ ~~gone~~'],
    ['math', '$x^2$'],
    ['mention and emoji', '@octocat :rocket:'],
    ['HTML comment', '<!-- hidden -->'],
    ['entity', '&lt;b&gt;'],
    ['heading marker', '# title'],
    ['newline then table row', 'x\n| a | b |'],
    ['CR then row', 'x\r| a |'],
    ...HOSTILE,
  ];

  it.each(MARKDOWN)('%s: nothing Markdown or HTML would act on', (_n, v) => {
    const out = markdownText(v);
    // Only entities remain where specials were (every & starts one), and `<wbr>` after those
    // that could start or join an autolink: the one tag it writes.
    const text = out.replace(/&(#\d+|amp|lt|gt|quot);/g, ' ').replace(/<wbr>/g, ' ');
    expect(text).not.toMatch(/[&<>|`[\]*_~\\$@]/);
    expect(out).not.toMatch(/:\/\/|\bwww\.|mailto:/i);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).not.toContain('\n');
  });

  it.each([
    ['<b>', '&lt;b&gt;'],
    ['a|b', 'a&#124;b'],
    ['https://x', 'https&#58;<wbr>//x'],
    ['www.x', 'www&#46;<wbr>x'],
    ['l1\nl2', 'l1&#92;nl2'],
    ['ghcr.io/acme/app:1 (sha256:ab)', 'ghcr.io/acme/app:1 (sha256:ab)'],
    ['mailto:x', 'mailto&#58;<wbr>x'],
    ['a@b', 'a&#64;<wbr>b'],
    // cmark-gfm decodes `&#64;` and then links the email it finds in the merged text.
    [
      'log4j-core@2.14.1 security@acme.example',
      'log4j-core&#64;<wbr>2.14.1 security&#64;<wbr>acme.example',
    ],
  ])('%j -> %j', (v, want) => expect(markdownText(v)).toBe(want));

  it.each([
    ['sha256:0bfc', 'sha256&#58;0bfc'],
    ['a"b\'c<d>|e', 'a&#34;b&#39;c&#60;d&#62;&#124;e'],
    ['x\ny', 'x&#92;ny'],
    ['https://www.x@y', 'https&#58;//www&#46;x&#64;y'],
  ])('attribute %j -> %j', (v, want) => expect(markdownAttribute(v)).toBe(want));
});

describe('GITHUB_OUTPUT sink', () => {
  it.each(HOSTILE)('%s: a value stays one line with no CR or control', (_n, v) => {
    const out = outputLine(v);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out.split(/\r|\n/)).toHaveLength(1);
  });

  it('a list keeps one line per item, whatever an item holds', () => {
    const items = HOSTILE.map(([, v]) => v);
    const out = outputLines(items);
    expect(out.split('\n')).toHaveLength(items.length);
    expect(out.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
  });

  it('a heredoc delimiter line cannot be smuggled in', () => {
    const v = 'x\nghadelimiter_00000000-0000-0000-0000-000000000000\ninjected=1';
    expect(outputLine(v).split('\n')).toHaveLength(1);
    expect(outputText(outputLines([v])).split('\n')).toHaveLength(1);
  });

  it('JSON stays one line of the same value', () => {
    const v = Object.fromEntries(HOSTILE.map(([n, h]) => [h, n]));
    const out = outputJson(v);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out.split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toEqual(v);
  });

  it('the final guard keeps lines and escapes each', () => {
    expect(outputText('a\nb\rc\u001b')).toBe('a\nb\\rc\\u001b');
  });
});

describe('annotation sink', () => {
  it.each(HOSTILE)('%s: one line, no raw control, no command of its own', (_n, v) => {
    const out = annotationText(`img: ${v}`);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out.split('\n')).toHaveLength(1);
    expect(out).not.toContain('##[');
    expect(annotationText(v)).not.toMatch(/^\s*::/);
  });
});

describe('XML (JUnit) sink', () => {
  /** Characters XML 1.0 forbids anywhere in a document (the control characters are the point). */
  // eslint-disable-next-line no-control-regex
  const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u;

  it.each([
    ...HOSTILE,
    ['noncharacters U+FFFE, U+FFFF', 'a\ufffeb\uffffc'],
    ['markup', `<x a="1" b='2'>&amp;]]></x>`],
  ])('%s: no forbidden character, no markup, nothing a viewer acts on', (_n, v) => {
    const out = xmlText(v);
    expect(out).not.toMatch(XML_FORBIDDEN);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|apos);)/);
  });

  it.each([
    ['<&>"\'', '&lt;&amp;&gt;&quot;&apos;'],
    ['\u0000', '\\u0000'],
    ['\ufffe\uffff', '\\ufffe\\uffff'],
    ['a\nb', 'a\\nb'],
    ['é ✓ 日本 🚀', 'é ✓ 日本 🚀'],
  ])('shows %j as %s', (v, want) => expect(xmlText(v)).toBe(want));
});
