// Docker Compose: `services.*.image` and image volumes' sources, with anchors, aliases and `<<` merge keys followed and
// Compose interpolation applied; a service with only `build:` names no image to verify.
import { isMap, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { readDockerfile } from './dockerfile.js';
import { EnvNotAllowedError, interpolate, InterpolationError } from './interpolate.js';
import { manifestError, type ImageOccurrence } from './types.js';
import {
  deref,
  mapGet,
  mapKeys,
  parseYamlStream,
  scalarString,
  type ParsedYaml,
} from './yaml-nodes.js';

export type Lookup = (name: string) => string | undefined;

/** The `services` mapping of a document, when it has one and is not a Kubernetes object. */
export function composeServices(doc: Document.Parsed): YAMLMap | undefined {
  const root = deref(doc, doc.contents);
  if (!isMap(root) || mapGet(doc, root, 'apiVersion') !== undefined) return undefined;
  const services = mapGet(doc, root, 'services');
  return isMap(services) ? services : undefined;
}

/** A Compose document: a `services` mapping, or an `include:` (a file may only include). */
export function isComposeDocument(doc: Document.Parsed): boolean {
  if (composeServices(doc)) return true;
  const root = deref(doc, doc.contents);
  return (
    isMap(root) &&
    mapGet(doc, root, 'apiVersion') === undefined &&
    mapGet(doc, root, 'include') !== undefined
  );
}

/**
 * The text `what` writes at `node`, Compose-interpolated and trimmed, with its line; an error
 * naming the line for anything else (not text, a refused or unset variable, nothing left).
 */
function interpolated(
  file: string,
  parsed: ParsedYaml,
  node: Node,
  what: string,
  env: Lookup,
): { value: string; line: number } {
  const line = parsed.line(node);
  const raw = scalarString(node);
  if (raw === undefined || raw.trim() === '')
    throw manifestError(file, line, `${what} is not a string`);
  let value: string;
  try {
    value = interpolate(raw, env).trim();
  } catch (e: unknown) {
    if (!(e instanceof InterpolationError)) throw e;
    if (e instanceof EnvNotAllowedError)
      throw manifestError(file, line, `${what} '${raw}' ${e.message}`);
    throw manifestError(file, line, `${what} '${raw}': ${e.message}`);
  }
  if (value === '') throw manifestError(file, line, `${what} '${raw}' interpolates to nothing`);
  return { value, line };
}

/** Another Compose file a document loads, as written (relative to the file's directory). */
export interface ComposeLoad {
  path: string;
  line: number;
  /** `include` reads the loaded file's own `.env` under the loader's variables; `extends` none. */
  kind: 'include' | 'extends';
}

/**
 * The local Compose files a stream loads, interpolated like the rest of the file: `include:`
 * entries (compose-spec include: a path, or `{path: one or a list}`) and services'
 * `extends: {file: …}`. compose-go (loader/include.go, loader/extends.go) loads their services
 * into the project, so their images are deployed. Refused, naming the line: a remote source
 * (`oci://`, git and HTTP URLs: what is there is not in the repository), and an include with
 * `env_file` or `project_directory` (its variables would not be the ones read here).
 */
export function composeLoads(file: string, parsed: ParsedYaml, env: Lookup): ComposeLoad[] {
  const out: ComposeLoad[] = [];
  const text = (node: Node, what: string, kind: ComposeLoad['kind'] = 'include'): ComposeLoad => {
    const { value, line } = interpolated(file, parsed, node, what, env);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^git@/.test(value))
      throw manifestError(
        file,
        line,
        `${what} '${value}' is remote: what it loads is not in the repository and is not read here; verify --from the output of docker compose config`,
      );
    return { path: value, line, kind };
  };
  for (const doc of parsed.docs) {
    if (!isComposeDocument(doc)) continue;
    const root = deref(doc, doc.contents);
    if (!isMap(root)) continue;
    const include = deref(doc, mapGet(doc, root, 'include'));
    if (include !== undefined && include !== null) {
      if (!isSeq(include))
        throw manifestError(file, parsed.line(include), 'include: is not a list');
      for (const item of include.items) {
        const entry = deref(doc, item);
        if (!isMap(entry)) {
          if (entry) out.push(text(entry, 'include'));
          continue;
        }
        for (const k of ['env_file', 'project_directory'])
          if (mapGet(doc, entry, k) !== undefined)
            throw manifestError(
              file,
              parsed.line(entry),
              `include: ${k} changes the variables the included file is read with, which is not followed here; verify --from the output of docker compose config`,
            );
        const p = deref(doc, mapGet(doc, entry, 'path'));
        if (p === undefined || p === null)
          throw manifestError(file, parsed.line(entry), 'include: an entry names no path');
        for (const i of isSeq(p) ? p.items : [p]) {
          const n = deref(doc, i);
          if (n) out.push(text(n, 'include.path'));
        }
      }
    }
    const services = composeServices(doc);
    if (!services) continue;
    for (const name of mapKeys(doc, services)) {
      const service = mapGet(doc, services, name);
      if (!isMap(service)) continue;
      const ext = deref(doc, mapGet(doc, service, 'extends'));
      const extFile = isMap(ext) ? mapGet(doc, ext, 'file') : undefined;
      if (extFile !== undefined && extFile !== null)
        out.push(text(extFile, `service ${name}: extends.file`, 'extends'));
    }
  }
  return out;
}

export function readCompose(file: string, text: string, env: Lookup): ImageOccurrence[] {
  return composeImages(file, parseYamlStream(file, text), env);
}

export function composeImages(file: string, parsed: ParsedYaml, env: Lookup): ImageOccurrence[] {
  const found: ImageOccurrence[] = [];
  /** A reference `what` writes at `node`, interpolated. */
  const occurrence = (node: Node, what: string): ImageOccurrence => {
    const { value: image, line } = interpolated(file, parsed, node, what, env);
    const span = parsed.span(node);
    return { image, file, line, kind: 'compose', ...(span ? { span } : {}) };
  };
  /**
   * What a service's build pulls that no file beside it says. `dockerfile_inline` is the
   * Dockerfile's text (compose-go types.BuildConfig DockerfileInline, passed to BuildKit as the
   * dockerfile): its FROMs and COPY --from images, at the key's line (no span: `pin` rewrites
   * only a reference written whole). `additional_contexts` values `docker-image://REF` are images
   * BuildKit pulls as a named context, which also replace a stage or image of that name.
   */
  const buildImages = (doc: Document.Parsed, build: YAMLMap, what: string): ImageOccurrence[] => {
    const out: ImageOccurrence[] = [];
    const inline = mapGet(doc, build, 'dockerfile_inline');
    if (inline !== undefined) {
      const o = occurrence(inline, `${what}.dockerfile_inline`);
      let got: ImageOccurrence[];
      try {
        got = readDockerfile(file, o.image);
      } catch (e: unknown) {
        const msg = e instanceof Error ? e.message.replace(/^[^\n]*?:\d+: /, '') : String(e);
        throw manifestError(file, o.line, `${what}.dockerfile_inline: ${msg}`);
      }
      for (const g of got) out.push({ image: g.image, file, line: o.line, kind: 'compose' });
      // `build.args` are the build's ARG values (compose-go BuildConfig.Args, passed to BuildKit as
      // build arguments): one the text uses may change a FROM from its default, so the images
      // read above would not be the ones pulled. Refused, not guessed.
      const args = deref(doc, mapGet(doc, build, 'args'));
      const names = isMap(args)
        ? mapKeys(doc, args)
        : isSeq(args)
          ? args.items.map(
              (i) =>
                String(scalarString(deref(doc, i)) ?? '')
                  .split('=')[0]
                  ?.trim() ?? '',
            )
          : [];
      const used = names.find(
        (n) =>
          n !== '' && new RegExp(`\\$\\{?${n.replace(/[^A-Za-z0-9_]/g, '\\$&')}\\b`).test(o.image),
      );
      if (used !== undefined)
        throw manifestError(
          file,
          o.line,
          `${what}.dockerfile_inline uses build arg ${used}, which its args: set: the build's images then depend on it; write the image into the Dockerfile or gate the built image`,
        );
    }
    const contexts = deref(doc, mapGet(doc, build, 'additional_contexts'));
    const values: Node[] = [];
    if (isMap(contexts))
      for (const k of mapKeys(doc, contexts)) {
        const v = mapGet(doc, contexts, k);
        if (v) values.push(v);
      }
    else if (isSeq(contexts))
      for (const i of contexts.items) {
        const v = deref(doc, i);
        if (v) values.push(v);
      }
    for (const v of values) {
      const o = occurrence(v, `${what}.additional_contexts`);
      // The list form is NAME=VALUE; the mapping form is the value alone.
      const value = isSeq(contexts) ? o.image.slice(o.image.indexOf('=') + 1).trim() : o.image;
      const m = /^docker-image:\/\/(.*)$/i.exec(value);
      if (!m) continue;
      const ref = (m[1] ?? '').trim();
      if (ref === '')
        throw manifestError(
          file,
          o.line,
          `${what}.additional_contexts: docker-image:// names no image`,
        );
      out.push({ image: ref, file, line: o.line, kind: 'compose' });
    }
    return out;
  };
  for (const doc of parsed.docs) {
    const services = composeServices(doc);
    if (!services) continue;
    // Files this one loads (`include:`, `extends.file`) are read by files.ts (composeLoads).
    for (const name of mapKeys(doc, services)) {
      const service = mapGet(doc, services, name);
      if (!isMap(service)) continue;
      const node = mapGet(doc, service, 'image');
      if (node !== undefined) found.push(occurrence(node, `service ${name}: image`));
      const build = mapGet(doc, service, 'build');
      if (isMap(build)) found.push(...buildImages(doc, build, `service ${name}: build`));
      // Image volumes (`type: image`, `source: IMAGE`): Compose pulls the image and mounts it.
      const volumes = mapGet(doc, service, 'volumes');
      for (const item of isSeq(volumes) ? volumes.items : []) {
        const v = deref(doc, item);
        const type = isMap(v) ? mapGet(doc, v, 'type') : undefined;
        if (
          !isMap(v) ||
          type === undefined ||
          occurrence(type, `service ${name}: volume type`).image !== 'image'
        )
          continue;
        const source = mapGet(doc, v, 'source');
        if (source === undefined)
          throw manifestError(
            file,
            parsed.line(v),
            `service ${name}: an image volume names no source`,
          );
        found.push(occurrence(source, `service ${name}: image volume source`));
      }
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
