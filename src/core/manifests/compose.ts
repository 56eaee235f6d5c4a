// Docker Compose: `services.*.image` and image volumes' sources, with anchors, aliases and `<<` merge keys followed and
// Compose interpolation applied; a service with only `build:` names no image to verify.
import { isMap, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
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

export function readCompose(file: string, text: string, env: Lookup): ImageOccurrence[] {
  return composeImages(file, parseYamlStream(file, text), env);
}

export function composeImages(file: string, parsed: ParsedYaml, env: Lookup): ImageOccurrence[] {
  const found: ImageOccurrence[] = [];
  /** A reference `what` writes at `node`, interpolated. */
  const occurrence = (node: Node, what: string): ImageOccurrence => {
    const line = parsed.line(node);
    const raw = scalarString(node);
    if (raw === undefined || raw.trim() === '')
      throw manifestError(file, line, `${what} is not a string`);
    let image: string;
    try {
      image = interpolate(raw, env).trim();
    } catch (e: unknown) {
      if (!(e instanceof InterpolationError)) throw e;
      if (e instanceof EnvNotAllowedError)
        throw manifestError(file, line, `${what} '${raw}' ${e.message}`);
      throw manifestError(file, line, `${what} '${raw}': ${e.message}`);
    }
    if (image === '') throw manifestError(file, line, `${what} '${raw}' interpolates to nothing`);
    const span = parsed.span(node);
    return { image, file, line, kind: 'compose', ...(span ? { span } : {}) };
  };
  for (const doc of parsed.docs) {
    const services = composeServices(doc);
    if (!services) continue;
    for (const name of mapKeys(doc, services)) {
      const service = mapGet(doc, services, name);
      if (!isMap(service)) continue;
      const node = mapGet(doc, service, 'image');
      if (node !== undefined) found.push(occurrence(node, `service ${name}: image`));
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
