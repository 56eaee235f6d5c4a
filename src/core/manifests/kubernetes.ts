// Kubernetes YAML or JSON (multi-document, `kind: List`, helm template output): every pod spec
// wherever it sits, found structurally (a mapping whose `containers` is a list of mappings with
// `image`), so Deployments, CronJobs and custom resources such as Argo Rollouts need no table;
// its containers' images and the images it mounts as volumes.
import { isMap, isSeq, type Document, type Node } from 'yaml';
import { manifestError, type ImageOccurrence } from './types.js';
import {
  deref,
  mapGet,
  mapKeys,
  parseYamlStream,
  scalarString,
  type ParsedYaml,
} from './yaml-nodes.js';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];

export function readKubernetes(file: string, text: string): ImageOccurrence[] {
  return kubernetesImages(file, parseYamlStream(file, text));
}

export function kubernetesImages(file: string, parsed: ParsedYaml): ImageOccurrence[] {
  const found: ImageOccurrence[] = [];
  for (const doc of parsed.docs)
    walk(doc, doc.contents, new Set(), (node) => {
      for (const list of CONTAINER_LISTS) {
        const seq = mapGet(doc, node, list);
        if (!isSeq(seq)) continue;
        for (const item of seq.items) {
          const c = deref(doc, item);
          if (!isMap(c)) continue;
          const img = mapGet(doc, c, 'image');
          if (img === undefined) continue;
          const line = parsed.line(img);
          const image = scalarString(img)?.trim();
          if (!image) throw manifestError(file, line, `${list}[].image is not a string`);
          const span = parsed.span(img);
          found.push({ image, file, line, kind: 'kubernetes', ...(span ? { span } : {}) });
        }
      }
      // Image volumes (KEP-4639): the kubelet pulls `volumes[].image.reference` and mounts it.
      const volumes = mapGet(doc, node, 'volumes');
      if (!isSeq(volumes)) return;
      for (const item of volumes.items) {
        const v = deref(doc, item);
        const source = isMap(v) ? mapGet(doc, v, 'image') : undefined;
        if (!isMap(source)) continue;
        const ref = mapGet(doc, source, 'reference');
        if (ref === undefined) continue;
        const line = parsed.line(ref);
        const image = scalarString(ref)?.trim();
        if (!image) throw manifestError(file, line, 'volumes[].image.reference is not a string');
        const span = parsed.span(ref);
        found.push({ image, file, line, kind: 'kubernetes', ...(span ? { span } : {}) });
      }
    });
  return found.sort((a, b) => a.line - b.line);
}

/** Calls `onPodSpec` for every mapping with a `containers` list of mappings having `image`. */
function walk(
  doc: Document.Parsed,
  raw: unknown,
  seen: Set<unknown>,
  onPodSpec: (node: import('yaml').YAMLMap) => void,
): void {
  const node: Node | undefined = deref(doc, raw);
  if (node === undefined || seen.has(node)) return;
  seen.add(node);
  if (isSeq(node)) for (const i of node.items) walk(doc, i, seen, onPodSpec);
  if (!isMap(node)) return;
  const containers = mapGet(doc, node, 'containers');
  if (
    isSeq(containers) &&
    containers.items.some((i) => {
      const c = deref(doc, i);
      return isMap(c) && mapGet(doc, c, 'image') !== undefined;
    })
  ) {
    onPodSpec(node);
    return;
  }
  for (const k of mapKeys(doc, node)) walk(doc, mapGet(doc, node, k), seen, onPodSpec);
}
