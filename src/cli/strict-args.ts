// parseArgs in strict mode for every subcommand, its errors reworded: the flag as written, the
// nearest known flag for an unknown one, and where the command's help is. parseArgs's own text
// (with its hint about `--` and positionals) never reaches the user.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { GateError } from '../core/errors.js';
import { nearest } from './suggest.js';

/** Flags whose values are secrets: never quoted. */
const SECRET_FLAGS = new Set(['registry-token']);

export function parseStrict<T extends ParseArgsOptionsConfig>(
  command: string,
  args: string[],
  options: T,
  allowPositionals: boolean,
) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals, strict: true, tokens: true });
  } catch (e: unknown) {
    throw new GateError(
      'USAGE',
      `${command}: ${flagProblem(e, options)}; see image-gate ${command} --help`,
      { cause: e },
    );
  }
  // A flag of one value given again with another: parseArgs keeps the last and drops the first
  // without a word (`--mode enforce ... --mode warn`). Refused, naming both values.
  const seen = new Map<string, string>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option' || t.value === undefined) continue;
    // An empty value (`--builder-id ""`, an unset `$VAR`) is never "not given": the check the
    // flag names would silently not be made, or a switch-like text read as false. Refused; the
    // Action reads an empty input as not given because the runner sets every input it declares.
    if (t.value.trim() === '')
      throw new GateError(
        'USAGE',
        `${command}: --${t.name}: '${SECRET_FLAGS.has(t.name) ? '' : t.value}' is empty; give a value or leave the flag out; see image-gate ${command} --help`,
      );
    const spec = options[t.name];
    if (spec?.type !== 'string' || spec.multiple === true) continue;
    const first = seen.get(t.name);
    if (first !== undefined && first !== t.value)
      throw new GateError(
        'USAGE',
        `${command}: --${t.name} is given twice${SECRET_FLAGS.has(t.name) ? '' : ` ('${first}', '${t.value}')`} and takes one value; give it once; see image-gate ${command} --help`,
      );
    seen.set(t.name, t.value);
  }
  const { values, positionals } = parsed;
  return { values, positionals };
}

function flagProblem(e: unknown, options: ParseArgsOptionsConfig): string {
  const msg = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  // The quoted option, e.g. 'Unknown option '--foo'' or 'Option '-q, --quiet' does not ...'.
  const quoted = /'(-[^']*)'/.exec(msg)?.[1] ?? '';
  const names = quoted.match(/--?[A-Za-z0-9][\w-]*/g) ?? ['?'];
  const flag = names.find((n) => n.startsWith('--')) ?? names[0];
  const long = flag.startsWith('--') ? flag.slice(2) : undefined;
  const spec = long !== undefined ? options[long] : undefined;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = nearest(flag.replace(/^-+/, ''), Object.keys(options));
    return `unknown flag ${flag}${near ? ` (did you mean --${near}?)` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (spec?.type === 'boolean') return `${flag} is a switch and takes no value`;
    return `${flag} needs a value`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const arg = /'([^']*)'/.exec(msg)?.[1];
    return `unexpected argument${arg !== undefined ? ` '${arg}'` : ''} (this command takes flags only)`;
  }
  return msg;
}
