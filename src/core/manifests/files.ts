// Paths, globs and lists -> image occurrences: which reader reads which file (by name, then by
// content), directories searched (node_modules and .git skipped), `.env` beside a Compose file,
// and `-` for stdin. The readers beside this file are pure; this is their only I/O.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { GateError, toGateError } from '../errors.js';
import {
  composeImages,
  composeLoads,
  isComposeDocument,
  type ComposeLoad,
  type Lookup,
} from './compose.js';
import { readDockerfile } from './dockerfile.js';
import { EnvNotAllowedError, parseDotEnv, InterpolationError } from './interpolate.js';
import { kubernetesImages, kustomizationError } from './kubernetes.js';
import { readList } from './list.js';
import { manifestError, type ImageOccurrence, type ImageSource } from './types.js';
import { parseYamlStream } from './yaml-nodes.js';

export interface FileInputs {
  /** Files, directories or globs (`--from`, the Action's `manifests`). */
  paths: string[];
  /** Plain lists of references; `-` is stdin. */
  lists: string[];
  env: NodeJS.ProcessEnv;
  /**
   * The environment variables Compose interpolation may read (`compose-env`): a file chooses
   * which variable it reads, so any other variable set in `env` is refused, not read.
   */
  composeEnv?: readonly string[];
  readStdin?: () => Promise<string>;
}

export interface FoundImages {
  occurrences: ImageOccurrence[];
  /** Files read that name no image, as given. */
  empty: string[];
}

const SKIP_DIRS = new Set(['node_modules', '.git']);
// `docker build -f` takes any name; these are the names people give Dockerfiles (Dockerfile,
// Dockerfile.prod, Dockerfile-prod, Dockerfile_dev, api.Dockerfile, api-dockerfile). A YAML or
// JSON name (`dockerfile.yaml`) is read as YAML: kubectl applies it by its extension.
const DOCKERFILE = /^(?:(?:docker|container)file(?:[._-].+)?|.+[._-](?:docker|container)file)$/i;
const COMPOSE = /^(?:compose|docker-compose.*)\.ya?ml$/i;
const YAML_OR_JSON = /\.(?:ya?ml|json)$/i;
/** The names kustomize reads as a kustomization (it needs no apiVersion or kind inside). */
const KUSTOMIZATION = /^(?:kustomization\.ya?ml|Kustomization)$/;

export async function findImages(inputs: FileInputs): Promise<FoundImages> {
  const found: FoundImages = { occurrences: [], empty: [] };
  for (const f of await readFiles(inputs)) {
    if (f.occurrences.length === 0) found.empty.push(f.file);
    found.occurrences.push(...f.occurrences);
  }
  return found;
}

/** One file read: its text, what it names, and the same reader for another text of it. */
export interface ReadFile {
  /** As given (`(stdin)` for `-`). */
  file: string;
  /** Undefined for stdin: there is no file to write back to. */
  path?: string;
  text: string;
  occurrences: ImageOccurrence[];
  /** The occurrences this file's reader finds in `text` (the environment and `.env` as read). */
  read(text: string): ImageOccurrence[];
}

/** Every file the inputs name, read once, each with its occurrences (one per place written). */
export async function readFiles(inputs: FileInputs): Promise<ReadFile[]> {
  const out: ReadFile[] = [];
  const add = (file: string, read: (t: string) => ImageOccurrence[], text: string, p?: string) =>
    out.push({
      file,
      text,
      read,
      occurrences: read(text),
      ...(p !== undefined ? { path: p } : {}),
    });
  // Compose files another one loads (`include:`, `extends.file`) are read after the files given,
  // each once (by real path, so a cycle ends), named as the loading file's directory joins them.
  const queue: Array<{ file: string; compose: boolean; loader?: Loader }> = (
    await expandPaths(inputs.paths)
  ).map((file) => ({ file, compose: false }));
  const seen = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    const { file, compose, loader } = queue[i];
    const real = await realPath(file);
    if (seen.has(real)) continue;
    seen.add(real);
    if (seen.size > MAX_FILES)
      throw new GateError(
        'USAGE',
        `${file}: more than ${MAX_FILES} files to read (include: loops?)`,
      );
    const text = await readText(file, file);
    const reader = await manifestReader(file, text, composeEnvLookup(inputs), compose, loader);
    add(file, reader.read, text, file);
    for (const l of reader.loads)
      queue.push({
        file: path.isAbsolute(l.path) ? l.path : path.join(path.dirname(file), l.path),
        compose: true,
        loader: { kind: l.kind, lookup: reader.lookup },
      });
  }
  for (const list of inputs.lists) {
    const name = list === '-' ? '(stdin)' : list;
    let text: string;
    try {
      text =
        list === '-'
          ? await (inputs.readStdin ?? readStdin)()
          : decodeText(await readFile(list), list);
    } catch (e: unknown) {
      if (e instanceof GateError) throw e;
      throw new GateError('USAGE', `${list}: cannot read: ${toGateError(e).message}`, { cause: e });
    }
    add(name, (t) => distinct(readList(name, t)), text, list === '-' ? undefined : list);
  }
  return out;
}

/**
 * One per place written: two services aliasing one anchored mapping are one occurrence (one
 * span), while two references written on one line (flow style, minified JSON) stay two.
 */
function distinct(got: ImageOccurrence[]): ImageOccurrence[] {
  const seen = new Set<string>();
  return got.filter((o) => {
    const key = `${o.line} ${o.span?.start ?? ''} ${o.image}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Occurrences -> the distinct references in first-seen order, and where each is written. Two
 * spellings of one reference (`nginx:1`, `docker.io/library/nginx:1`) are one entry under the
 * first spelling seen (`given` first: the references given as arguments), so one image has one
 * result, as `merge` requires of a shard; `keyOf` says which spellings are one.
 */
export function groupSources(
  occurrences: ImageOccurrence[],
  keyOf: (image: string) => string = (i) => i,
  given: string[] = [],
): { images: string[]; sources: Map<string, ImageSource[]> } {
  const spelling = new Map<string, string>();
  for (const g of given) if (!spelling.has(keyOf(g))) spelling.set(keyOf(g), g);
  const images: string[] = [...given];
  const sources = new Map<string, ImageSource[]>();
  for (const o of occurrences) {
    const key = keyOf(o.image);
    let image = spelling.get(key);
    if (image === undefined) {
      spelling.set(key, (image = o.image));
      images.push(image);
    }
    const list = sources.get(image) ?? [];
    if (!list.some((s) => s.file === o.file && s.line === o.line))
      list.push({ file: o.file, line: o.line });
    sources.set(image, list);
  }
  return { images: [...new Set(images)], sources };
}

/** Each path as given (a file), the manifests under it (a directory), or what it matches (a glob). */
async function expandPaths(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    if (/[*?[{]/.test(p)) {
      const matched = [...new Set(await globPaths(p))];
      if (matched.length === 0) throw new GateError('USAGE', `${p}: matches no file`);
      for (const m of matched.sort()) files.push(...(await underPath(m, true)));
    } else files.push(...(await underPath(p, false)));
  }
  return withOverrides([...new Set(await dotEnvsAsCompose(files))]);
}

/**
 * A `.env` named as a file stands for the Compose files beside it: their images are what its
 * variables change (a pre-commit hook is given the staged `.env` alone when only a `TAG=` line
 * changed). compose-go reads the project directory's `.env` whatever the `-f` file is called,
 * so every Compose-named file there counts (`compose.yaml`, `docker-compose.prod.yml`,
 * `compose.staging.yaml`), override files aside: those are read with their base file. None
 * beside it: it names nothing.
 */
async function dotEnvsAsCompose(files: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    if (path.basename(f) !== '.env') {
      out.push(f);
      continue;
    }
    const dir = path.dirname(f);
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (!ENV_COMPOSE.test(name) || OVERRIDE_NAMES.includes(name.toLowerCase())) continue;
      const c = path.join(dir, name);
      if ((await statOf(c))?.isFile()) out.push(c);
    }
  }
  return out;
}

/** The Compose files a directory's `.env` is read with: compose or docker-compose names. */
const ENV_COMPOSE = /^(?:compose|docker-compose)(?:[._-].*)?\.ya?ml$/i;

/** compose-go's DefaultFileNames and DefaultOverrideFileNames (cli/options.go). */
const DEFAULT_COMPOSE = new Set([
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
]);
const OVERRIDE_NAMES = [
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
];

/**
 * Each default-named Compose file followed by the override files beside it. `docker compose up`
 * with no -f loads the first of DefaultFileNames in the directory and then the first of
 * DefaultOverrideFileNames beside it (compose-go cli/options.go, WithDefaultConfigPath), whose
 * `image:` replaces the base file's: the override's images are what is pulled. Every override
 * name that exists is read (a superset of compose's first one), as is each with `-f` given.
 */
async function withOverrides(files: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    out.push(f);
    if (!DEFAULT_COMPOSE.has(path.basename(f))) continue;
    for (const name of OVERRIDE_NAMES) {
      const o = path.join(path.dirname(f), name);
      if (!files.includes(o) && !out.includes(o) && (await statOf(o))?.isFile()) out.push(o);
    }
  }
  return out;
}

/** The path's stat, or undefined where there is nothing to stat. */
async function statOf(p: string): Promise<Stats | undefined> {
  try {
    return await stat(p);
  } catch {
    return undefined;
  }
}

/**
 * What a glob matches, dotfiles included. kubectl expands a `-f` pattern with Go's
 * filepath.Glob, whose `*`, `?` and `[...]` match a leading `.` like any character (path/filepath
 * match.go: `*` matches any sequence of non-separator characters), and `kubectl apply -f DIR`
 * reads hidden files; node:fs/promises `glob` has no option to match dotfiles, so a hidden
 * manifest went unread. Here `*`, `?`, `[...]` (`[!...]`, `[^...]`), `{a,b}` and `\\` escapes
 * are one path segment's, and `**` (a segment of its own) any number of segments, as before; a
 * directory named node_modules or .git is neither matched nor searched.
 */
async function globPaths(pattern: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of expandBraces(pattern)) {
    const absolute = p.startsWith('/');
    const segs = p.split('/').filter((x) => x !== '');
    let i = 0;
    while (i < segs.length && !/[*?[\\]/.test(segs[i] ?? '')) i++;
    const base = (absolute ? '/' : '') + segs.slice(0, i).join('/');
    const rest = segs.slice(i);
    if (rest.length === 0) {
      if (await statOf(base)) out.push(base);
      continue;
    }
    const re = new RegExp(`^${globRegex(rest)}$`);
    const deep = rest.includes('**');
    const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir === '' ? '.' : dir, { withFileTypes: true });
      } catch {
        return; // not a directory, or unreadable: matches nothing, as Go's Glob
      }
      for (const e of entries) {
        if (SKIP_DIRS.has(e.name)) continue;
        const r = rel === '' ? e.name : `${rel}/${e.name}`;
        const full = dir === '' ? e.name : path.join(dir, e.name);
        if (re.test(r)) out.push(full);
        // Into directories (and, but for `**`, links to them) while the pattern can go deeper.
        const into = e.isDirectory() || (!deep && e.isSymbolicLink());
        if (into && (deep || depth + 1 < rest.length)) await walk(full, r, depth + 1);
      }
    };
    await walk(base, '', 0);
  }
  return out;
}

/** `{a,b}` alternatives expanded (nested too); an unmatched brace stays literal. */
function expandBraces(p: string): string[] {
  let depth = 0;
  let open = -1;
  const commas: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '{' && depth++ === 0) open = i;
    else if (c === ',' && depth === 1) commas.push(i);
    else if (c === '}' && depth > 0 && --depth === 0) {
      if (commas.length === 0) {
        commas.length = 0;
        continue;
      }
      const parts: string[] = [];
      let from = open + 1;
      for (const at of [...commas, i]) {
        parts.push(p.slice(from, at));
        from = at + 1;
      }
      const head = p.slice(0, open);
      const tail = p.slice(i + 1);
      return parts.flatMap((part) => expandBraces(head + part + tail));
    }
  }
  return [p];
}

/** Segments (braces expanded) -> a regular expression over `/`-joined relative paths. */
function globRegex(segs: string[]): string {
  let re = '';
  segs.forEach((seg, n) => {
    const last = n === segs.length - 1;
    if (seg === '**') {
      re += last ? '.*' : '(?:[^/]+/)*';
      return;
    }
    for (let i = 0; i < seg.length; i++) {
      const c = seg[i] ?? '';
      if (c === '\\' && i + 1 < seg.length) re += escapeRe(seg[++i] ?? '');
      else if (c === '*') re += '[^/]*';
      else if (c === '?') re += '[^/]';
      else if (c === '[') {
        const end = seg.indexOf(']', i + 2);
        if (end < 0) re += '\\[';
        else {
          let body = seg.slice(i + 1, end);
          const negate = body.startsWith('!') || body.startsWith('^');
          if (negate) body = body.slice(1);
          re += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, (x) => `\\${x}`)}]`;
          i = end;
        }
      } else re += escapeRe(c);
    }
    if (!last) re += '/';
  });
  return re;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

async function underPath(p: string, fromGlob: boolean): Promise<string[]> {
  let st;
  try {
    st = await stat(p);
  } catch (e: unknown) {
    throw new GateError('USAGE', `${p}: no such file or directory`, { cause: e });
  }
  if (!st.isDirectory()) return [p];
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const e of entries) {
      const full = path.join(dir, e.name);
      const named =
        DOCKERFILE.test(e.name) || YAML_OR_JSON.test(e.name) || KUSTOMIZATION.test(e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await walk(full);
      } else if (e.isFile() && named) out.push(full);
      else if (e.isSymbolicLink() && named && (await linksToFile(full))) out.push(full);
    }
  };
  await walk(p);
  if (out.length === 0 && !fromGlob)
    throw new GateError(
      'USAGE',
      `${p}: no Compose, Kubernetes or Dockerfile files in this directory`,
    );
  return out;
}

/**
 * A symlinked manifest is read like any other: `kubectl apply -f DIR` filters a directory's
 * entries by name and opens each, following links (a link to a directory is not descended into,
 * by kubectl's walk nor here). A link that leads nowhere cannot be read, which kubectl fails on.
 */
async function linksToFile(file: string): Promise<boolean> {
  let st;
  try {
    st = await stat(file);
  } catch (e: unknown) {
    throw new GateError('USAGE', `${file}: a symlink to nothing: ${toGateError(e).message}`, {
      cause: e,
    });
  }
  return st.isFile();
}

async function readText(file: string, name: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e: unknown) {
    throw new GateError('USAGE', `${name}: cannot read: ${toGateError(e).message}`, { cause: e });
  }
  return decodeText(bytes, name);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A file's text, UTF-8 only. kubectl (cli-runtime's BOMOverride) and go-yaml v4 (compose-go)
 * decode UTF-16 by its byte order mark, which a UTF-8 reading turns into no images at all (a
 * PowerShell `kubectl get -o yaml > x.yaml` writes one); invalid UTF-8 would be read with
 * replacement characters. Both are refused, naming the file, as is a NUL (UTF-16 without a mark).
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  const refuse = (why: string): never => {
    throw new GateError(
      'USAGE',
      `${name}: ${why}; image-gate reads manifests as UTF-8 only: convert it (iconv -f UTF-16 -t UTF-8)`,
    );
  };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) refuse('is UTF-16 (little-endian byte order mark)');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) refuse('is UTF-16 (big-endian byte order mark)');
  let text = '';
  try {
    text = UTF8.decode(bytes);
  } catch {
    refuse('is not valid UTF-8');
  }
  if (text.includes('\0')) refuse('holds a NUL character (UTF-16 or binary, not UTF-8 text)');
  return text;
}

/**
 * What Compose interpolation (and a `.env`'s own) reads from the environment: a variable named in
 * `composeEnv`, or none. A variable set but not named is refused (EnvNotAllowedError), not
 * treated as unset: Compose would read it, so a default or the `.env` value would verify another
 * image than the one deployed. An unset variable is undefined, as before.
 */
function composeEnvLookup(inputs: FileInputs): (name: string) => string | undefined {
  const allowed = new Set(inputs.composeEnv ?? []);
  const env = inputs.env;
  return (n) => {
    const v = Object.hasOwn(env, n) ? env[n] : undefined;
    if (v === undefined) return undefined;
    if (!allowed.has(n)) throw new EnvNotAllowedError(n);
    return v;
  };
}

/** The file that loads a Compose file, and how: what its variables are read from. */
interface Loader {
  kind: ComposeLoad['kind'];
  lookup?: Lookup;
}

/** How many files one run reads at most, those `include:` loads counted. */
const MAX_FILES = 10_000;

async function realPath(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    return path.resolve(file); // readText says why it cannot be read
  }
}

/**
 * The reader for this file (by name, then by content; `compose` when another Compose file loads
 * it), with its `.env` read once, and the Compose files it loads.
 */
async function manifestReader(
  file: string,
  text: string,
  env: (name: string) => string | undefined,
  loaded = false,
  loader?: Loader,
): Promise<{
  read: (text: string) => ImageOccurrence[];
  loads: ComposeLoad[];
  lookup?: Lookup;
}> {
  const name = path.basename(file);
  if (!loaded && DOCKERFILE.test(name) && !YAML_OR_JSON.test(name))
    return { read: (t) => distinct(readDockerfile(file, t)), loads: [] };
  if (!loaded && KUSTOMIZATION.test(name)) throw kustomizationError(file);
  const parsed = parseYamlStream(file, text);
  const compose = loaded || COMPOSE.test(name) || parsed.docs.some((d) => isComposeDocument(d));
  if (!compose)
    return {
      read: (t) => distinct(kubernetesImages(file, t === text ? parsed : parseYamlStream(file, t))),
      loads: [],
    };
  // The variables a file is interpolated with, as compose-go gives them: a file given, the
  // environment then its own `.env`; a file another one `include:`s, the includer's variables
  // (environment and `.env` chain), then its own directory's `.env` for the names still unset
  // (loader/include.go: environment.Clone().Merge(envFromFile), and Merge keeps what is set);
  // an `extends.file`, the extending file's variables alone (loader/extends.go: opts.clone()).
  const outer = loader?.lookup ?? env;
  const refused = new Map<string, EnvNotAllowedError>();
  const dotEnv =
    loader?.kind === 'extends' ? new Map<string, string>() : await readDotEnv(file, outer, refused);
  const lookup = (n: string): string | undefined => {
    const v = outer(n);
    if (v !== undefined) return v;
    const r = refused.get(n);
    if (r) throw r;
    return dotEnv.get(n);
  };
  const read = (t: string): ImageOccurrence[] => {
    const p = t === text ? parsed : parseYamlStream(file, t);
    // The stream's other documents are read as Kubernetes: `kubectl apply -f` applies each object
    // in a stream whatever else it holds, so one Compose-like document must not hide the rest.
    const others = { ...p, docs: p.docs.filter((d) => !isComposeDocument(d)) };
    return distinct(
      [...composeImages(file, p, lookup), ...kubernetesImages(file, others)].sort(
        (a, b) => a.line - b.line,
      ),
    );
  };
  return { read, loads: composeLoads(file, parsed, lookup), lookup };
}

/**
 * The `.env` beside a Compose file (none: no variables from it); the environment wins over it. A
 * key whose value reads a refused variable goes to `refused`, an error only when a reference
 * reads that key.
 */
async function readDotEnv(
  file: string,
  env: (name: string) => string | undefined,
  refused: Map<string, EnvNotAllowedError>,
): Promise<Map<string, string>> {
  const envFile = path.join(path.dirname(file), '.env');
  let bytes: Buffer;
  try {
    bytes = await readFile(envFile);
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new GateError('USAGE', `${envFile}: cannot read: ${toGateError(e).message}`, {
      cause: e,
    });
  }
  const text = decodeText(bytes, envFile);
  // compose-go reads COMPOSE_FILE (split at COMPOSE_PATH_SEPARATOR) from the .env too: cli.WithDotEnv
  // loads it into the environment before WithConfigFileEnv picks the files, so `docker compose up`
  // here loads the files it names, not (only) this one. Which those are is the deploy's to say.
  const lines = text.split(/\r?\n/);
  // Anywhere on a line: compose-go's dotenv parser also reads `exportCOMPOSE_FILE=` and a second
  // assignment after a quoted value on one line (`A="x" COMPOSE_FILE=…`); a mention in a comment
  // is refused too, which only costs rewording it.
  const at = lines.findIndex((l) => /COMPOSE_FILE\s*[=:]/.test(l));
  if (at >= 0)
    throw manifestError(
      envFile,
      at + 1,
      'sets COMPOSE_FILE: docker compose run in this directory loads the files it names instead of the one given; give those files to --from and set COMPOSE_FILE in the deploy step, not in .env',
    );
  try {
    return parseDotEnv(text, env, { file: envFile, errors: refused });
  } catch (e: unknown) {
    if (e instanceof InterpolationError) throw manifestError(envFile, undefined, e.message);
    throw e;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
