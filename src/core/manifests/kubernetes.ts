// Kubernetes YAML or JSON (multi-document, `kind: List`, helm template output): every pod spec
// wherever it sits, found structurally (a mapping whose `containers` is a list of mappings with
// `image`), so Deployments, CronJobs and custom resources such as Argo Rollouts need no table;
// its containers' images and the images it mounts as volumes. In a Kubernetes object (a document
// with `apiVersion` and `kind`), every other `image` key with a string value is an image too:
// custom resources pull images from fields that are not pod specs (Tekton `steps[].image`, Argo
// Workflows `script.image`, KubeVirt `containerDisk.image`), and a controller pulls what they say.
// Every value is looked up as kubectl decodes it (yaml.v2: `<<` merges apply in document order).
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { manifestError, type ImageOccurrence } from './types.js';
import {
  BINARY_TAG,
  deref,
  isPlainScalar,
  mapGetInOrder,
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
  for (const doc of parsed.docs) {
    // A document that is one scalar is no object kubectl could apply (it refuses it), and is
    // what a Dockerfile or a shell script under another name parses as: refused, never read as
    // a file that names no image.
    const top = deref(doc, doc.contents);
    if (isScalar(top) && top.value !== null && top.value !== '')
      throw manifestError(
        file,
        parsed.line(top),
        'is a YAML scalar, not a Kubernetes object, a List or a Compose file (a Dockerfile? name it Dockerfile, Dockerfile.NAME or NAME.Dockerfile)',
      );
    walk(doc, doc.contents, new Set(), (node) => {
      for (const list of CONTAINER_LISTS) {
        const seq = mapGetInOrder(doc, node, list);
        if (!isSeq(seq)) continue;
        for (const item of seq.items) {
          const c = deref(doc, item);
          if (!isMap(c)) continue;
          const img = mapGetInOrder(doc, c, 'image');
          if (img === undefined) continue;
          const line = parsed.line(img);
          if (isScalar(img) && !isPlainScalar(img))
            throw manifestError(file, line, notTextError(`${list}[].image`, img));
          const image = scalarString(img)?.trim();
          if (!image) throw manifestError(file, line, `${list}[].image is not a string`);
          const span = parsed.span(img);
          found.push({ image, file, line, kind: 'kubernetes', ...(span ? { span } : {}) });
        }
      }
      // Image volumes (KEP-4639): the kubelet pulls `volumes[].image.reference` and mounts it.
      const volumes = mapGetInOrder(doc, node, 'volumes');
      if (!isSeq(volumes)) return;
      for (const item of volumes.items) {
        const v = deref(doc, item);
        const source = isMap(v) ? mapGetInOrder(doc, v, 'image') : undefined;
        if (!isMap(source)) continue;
        const ref = mapGetInOrder(doc, source, 'reference');
        if (ref === undefined) continue;
        const line = parsed.line(ref);
        if (isScalar(ref) && !isPlainScalar(ref))
          throw manifestError(file, line, notTextError('volumes[].image.reference', ref));
        const image = scalarString(ref)?.trim();
        if (!image) throw manifestError(file, line, 'volumes[].image.reference is not a string');
        const span = parsed.span(ref);
        found.push({ image, file, line, kind: 'kubernetes', ...(span ? { span } : {}) });
      }
    });
    // anyImage refuses a kustomization, the document's own or one inside a List.
    const root = deref(doc, doc.contents);
    if (isMap(root) && isObject(doc, root)) anyImage(file, parsed, doc, root, found);
  }
  return found.sort((a, b) => a.line - b.line);
}

/**
 * A kustomization is not what is applied: `kustomize build` (or `kubectl apply -k`) renders its
 * resources, bases and components, then rewrites their images (`images:` newName/newTag/digest),
 * so the images in the files beside it are not the ones deployed. Refused, with how to gate it.
 */
export function kustomizationError(file: string, line?: number) {
  return manifestError(
    file,
    line,
    'a kustomization: its images: overrides, bases and components change what is deployed, so the files are not what is applied; render it (kustomize build DIR > rendered.yaml) and verify --from rendered.yaml',
  );
}

function notTextError(what: string, v: import('yaml').Scalar): string {
  const tag = v.tag === BINARY_TAG ? '!!binary' : (v.tag ?? 'a non-text');
  return `${what} is a ${tag} value: kubectl sends the text it decodes to, which this reader cannot check as written; write the reference as a string`;
}

/** Has string `apiVersion` and `kind`: what the API server reads as one object. */
function isObject(doc: Document.Parsed, map: YAMLMap): boolean {
  const str = (k: string) => {
    const v = mapGetInOrder(doc, map, k);
    return isScalar(v) && typeof v.value === 'string' && v.value !== '';
  };
  return str('apiVersion') && str('kind');
}

const CONFIG_KINDS = new Set(['ConfigMap', 'Secret']);
const CONFIG_DATA = new Set(['data', 'stringData', 'binaryData']);

/**
 * Every `image: <string>` under an object, beyond the pod specs' (each value node once). Not read:
 * `metadata` (labels and annotations are text, not pulled), an object's `status` (what ran, not
 * what is applied) and a ConfigMap's or Secret's data (a key there is a file name). An empty
 * string is an error, not skipped: the field names an image and says none.
 */
function anyImage(
  file: string,
  parsed: ParsedYaml,
  doc: Document.Parsed,
  root: YAMLMap,
  found: ImageOccurrence[],
): void {
  const taken = new Set<number>(found.map((o) => o.span?.start ?? -1));
  const seen = new Set<unknown>();
  const visit = (raw: unknown): void => {
    const node = deref(doc, raw);
    if (node === undefined || seen.has(node)) return;
    seen.add(node);
    if (isSeq(node)) for (const i of node.items) visit(i);
    if (!isMap(node)) return;
    const object = isObject(doc, node);
    const api = object ? String(mapGetInOrder(doc, node, 'apiVersion')?.toJSON()) : '';
    // A kustomization inside a List is still one (kubectl would reject it; kustomize reads it).
    if (api.startsWith('kustomize.config.k8s.io/'))
      throw kustomizationError(file, parsed.line(node));
    // The core ConfigMap and Secret only: another group's kind of that name is its own schema.
    const config =
      api === 'v1' && CONFIG_KINDS.has(String(mapGetInOrder(doc, node, 'kind')?.toJSON()));
    for (const k of mapKeys(doc, node)) {
      if (k === 'metadata' || (object && k === 'status') || (config && CONFIG_DATA.has(k)))
        continue;
      const v = mapGetInOrder(doc, node, k);
      // A scalar that is not text: numbers, booleans and null reach the API server as JSON
      // numbers, booleans and null (YAMLToJSON has no schema to coerce them by), which a string
      // field refuses and no controller pulls, so they are not images. Any other scalar (a
      // `!!binary` value, which yaml.v2 decodes to the text it encodes) is sent as a string and
      // may be an image this reader cannot read as written: an error, not skipped.
      if (k === 'image' && isScalar(v) && !isPlainScalar(v))
        throw manifestError(file, parsed.line(v), notTextError('image', v));
      if (k === 'image' && isScalar(v) && typeof v.value === 'string') {
        const line = parsed.line(v);
        const span = parsed.span(v);
        if (span && taken.has(span.start)) continue;
        const image = v.value.trim();
        if (!image) throw manifestError(file, line, 'image is an empty string');
        if (span) taken.add(span.start);
        found.push({ image, file, line, kind: 'kubernetes', ...(span ? { span } : {}) });
        continue;
      }
      visit(v);
    }
  };
  visit(root);
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
  const containers = mapGetInOrder(doc, node, 'containers');
  if (
    isSeq(containers) &&
    containers.items.some((i) => {
      const c = deref(doc, i);
      return isMap(c) && mapGetInOrder(doc, c, 'image') !== undefined;
    })
  ) {
    onPodSpec(node);
    return;
  }
  for (const k of mapKeys(doc, node)) walk(doc, mapGetInOrder(doc, node, k), seen, onPodSpec);
}
