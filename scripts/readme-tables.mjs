// The README's Inputs and Outputs tables, made from action.yml, which stays the one source: each
// input and output description ends with `Type: T. Example: `E`.` (action.yml has no type field;
// the sentence also shows in GitHub's editor and the Marketplace). Rewrites README.md between
// <!-- inputs:start -->/<!-- inputs:end --> and <!-- outputs:start -->/<!-- outputs:end -->.
//
//   node scripts/readme-tables.mjs            rewrite README.md (npm run readme)
//   node scripts/readme-tables.mjs --check    exit 1 if README.md's tables differ from action.yml
//   ... [README [ACTION_YML]]                 other files (tests)
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

/** The types a trailer may name. */
export const TYPES = [
  'boolean',
  'integer',
  'duration',
  'date',
  'string',
  'regexp',
  'url',
  'path',
  'list',
  'lines',
  'json',
];

const TRAILER = /\s*Type: ([a-z]+)\. Example: `([^`]+)`\.$/;

/** One input's or output's row: prose, type and example from its description. */
export function describe(name, entry, where) {
  const description = String(entry?.description ?? '');
  const m = TRAILER.exec(description);
  if (!m)
    throw new Error(
      `action.yml ${where}.${name}: the description must end with "Type: T. Example: \`E\`."`,
    );
  if (!TYPES.includes(m[1]))
    throw new Error(`action.yml ${where}.${name}: type ${m[1]} is not one of ${TYPES.join(', ')}`);
  return {
    name,
    type: m[1],
    example: m[2],
    description: description.slice(0, m.index).trim(),
    ...(entry.default !== undefined ? { default: String(entry.default) } : {}),
  };
}

/** The rows of action.yml's inputs and outputs, in its order. */
export function rows(actionYml) {
  const doc = parse(actionYml);
  return {
    inputs: Object.entries(doc.inputs ?? {}).map(([n, e]) => describe(n, e, 'inputs')),
    outputs: Object.entries(doc.outputs ?? {}).map(([n, e]) => describe(n, e, 'outputs')),
  };
}

function cell(text) {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function code(text) {
  return text === '' ? '' : `\`${cell(text)}\``;
}

/** The two Markdown tables. Outputs have no default. */
export function tables(actionYml) {
  const r = rows(actionYml);
  const inputs = [
    '| name | type | default | example | description |',
    '| --- | --- | --- | --- | --- |',
    ...r.inputs.map(
      (i) =>
        `| \`${i.name}\` | ${i.type} | ${code(i.default ?? '')} | ${code(i.example)} | ${cell(i.description)} |`,
    ),
  ].join('\n');
  const outputs = [
    '| name | type | example | description |',
    '| --- | --- | --- | --- |',
    ...r.outputs.map(
      (o) => `| \`${o.name}\` | ${o.type} | ${code(o.example)} | ${cell(o.description)} |`,
    ),
  ].join('\n');
  return { inputs, outputs };
}

/** `readme` with the text between each pair of markers replaced by its table. */
export function withTables(readme, actionYml) {
  const t = tables(actionYml);
  let out = readme;
  for (const which of ['inputs', 'outputs']) {
    const start = `<!-- ${which}:start -->`;
    const end = `<!-- ${which}:end -->`;
    const a = out.indexOf(start);
    const b = out.indexOf(end);
    if (a < 0 || b < a || out.indexOf(start, a + 1) >= 0)
      throw new Error(`README: needs exactly one ${start} ... ${end}`);
    out = `${out.slice(0, a + start.length)}\n${t[which]}\n${out.slice(b)}`;
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const check = args[0] === '--check';
  const [readmePath = 'README.md', actionPath = 'action.yml'] = check ? args.slice(1) : args;
  const readme = readFileSync(readmePath, 'utf8');
  const next = withTables(readme, readFileSync(actionPath, 'utf8'));
  if (check) {
    if (next !== readme) {
      process.stderr.write(
        `${readmePath}: the Inputs/Outputs tables differ from ${actionPath}; run npm run readme\n`,
      );
      process.exit(1);
    }
  } else if (next !== readme) writeFileSync(readmePath, next);
}
