// `image-gate images`: every image reference the given Compose, Kubernetes, Dockerfile and list
// files name, one line (or JSON entry) per occurrence, as `verify --from` would verify them.
import { parseStrict } from './strict-args.js';
import { GateError, toGateError } from '../core/errors.js';
import { parseComposeEnv } from '../core/options.js';
import { escapeControls as line } from '../edge/sanitize.js';

export interface ImagesCommand {
  command: 'images';
  paths: string[];
  imagesFile?: string;
  /** `--compose-env`: the environment variables Compose interpolation may read. */
  composeEnv?: string[];
  output: 'text' | 'json';
}

export const IMAGES_HELP = `Usage: image-gate images [--output text|json] [--images-file FILE|-]
                         [--compose-env NAME[,NAME]] PATH...

Lists every image reference in the files: Docker Compose (services.*.image, with \${VAR}
interpolation from a .env beside the file and the environment variables --compose-env names;
a reference reading any other variable set in the environment is exit 2), Kubernetes YAML or JSON (every
pod spec's containers, initContainers and ephemeralContainers; helm template output), Dockerfiles
(FROM, ARG defaults substituted) and plain lists (--images-file). A directory is searched
(node_modules and .git skipped). Text: FILE:LINE: REF per occurrence; JSON:
{"images":[{"image","file","line","kind"}]}. Exit 2 for a file that cannot be read or parsed.`;

export function parseImages(args: string[]): ImagesCommand | { command: 'help'; topic: string } {
  const parsed = parseStrict(
    'images',
    args,
    {
      output: { type: 'string', short: 'o' },
      'images-file': { type: 'string' },
      'compose-env': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  const { values: v, positionals } = parsed;
  if (v.help) return { command: 'help', topic: 'images' };
  const output = v.output ?? 'text';
  if (output !== 'text' && output !== 'json')
    throw new GateError('USAGE', `--output: '${output}' is not text or json`);
  if (positionals.length === 0 && v['images-file'] === undefined)
    throw new GateError('USAGE', 'images: no files, directories or --images-file given');
  const composeEnv =
    v['compose-env'] !== undefined ? parseComposeEnv('--compose-env', v['compose-env']) : [];
  return {
    command: 'images',
    paths: positionals,
    ...(v['images-file'] !== undefined ? { imagesFile: v['images-file'] } : {}),
    ...(composeEnv.length > 0 ? { composeEnv } : {}),
    output,
  };
}

export async function runImages(
  cmd: ImagesCommand,
  io: { stdout: (s: string) => void; stderr: (s: string) => void; env: NodeJS.ProcessEnv },
): Promise<number> {
  let found;
  try {
    // The readers (and the YAML parser) load only when files are read.
    const { findImages } = await import('../core/manifests/files.js');
    found = await findImages({
      paths: cmd.paths,
      lists: cmd.imagesFile !== undefined ? [cmd.imagesFile] : [],
      env: io.env,
      ...(cmd.composeEnv ? { composeEnv: cmd.composeEnv } : {}),
    });
  } catch (e: unknown) {
    io.stderr(`image-gate: ${line(toGateError(e).message)}\n`);
    return 2;
  }
  for (const f of found.empty) io.stderr(`image-gate: ${line(f)}: no image references found\n`);
  if (cmd.output === 'json')
    io.stdout(
      `${JSON.stringify({ images: found.occurrences.map(({ image, file, line, kind }) => ({ image, file, line, kind })) }, null, 2)}\n`,
    );
  else
    for (const o of found.occurrences) io.stdout(`${line(o.file)}:${o.line}: ${line(o.image)}\n`);
  return 0;
}
