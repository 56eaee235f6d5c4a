// The image readers on the corpus in test/fixtures/manifests: the exact (image, line, kind) each
// file names, the errors for files that cannot be read, and the collector's directory search.
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImages, groupSources } from '../../src/core/manifests/files.js';
import {
  interpolate,
  InterpolationError,
  parseDotEnv,
} from '../../src/core/manifests/interpolate.js';
import { readCompose } from '../../src/core/manifests/compose.js';
import { readDockerfile } from '../../src/core/manifests/dockerfile.js';
import { readKubernetes } from '../../src/core/manifests/kubernetes.js';
import { readList } from '../../src/core/manifests/list.js';
import { parseCommand } from '../../src/cli/args.js';
import { readInputs } from '../../src/action/inputs.js';

const OK = 'test/fixtures/manifests/ok';
const BAD = 'test/fixtures/manifests/bad';
const D1 = '0'.repeat(64);

async function found(
  file: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Array<[string, number, string]>> {
  // The variables given are the ones the test's user names in compose-env.
  const r = await findImages({ paths: [file], lists: [], env, composeEnv: Object.keys(env) });
  for (const o of r.occurrences) expect(o.file).toBe(file);
  return r.occurrences.map((o) => [o.image, o.line, o.kind]);
}

describe('Compose', () => {
  it('follows anchors, aliases and merge keys, interpolates, and skips build-only services', async () => {
    expect(
      await found(`${OK}/docker-compose.anchors.yml`, { API_TAG: '3', PG_MAJOR: '16' }),
    ).toEqual([
      ['registry.example/base:1.0', 3, 'compose'], // web: <<: *base, default from :-
      ['registry.example/api:3', 15, 'compose'], // own key wins over the merged one
      ['registry.example/built:latest', 20, 'compose'], // build + image: the image; - default
      ['registry.example/price:$literal', 22, 'compose'], // $$
      ['postgres:16', 24, 'compose'], // folded scalar, :? satisfied
      [`redis:7@sha256:${D1}`, 27, 'compose'], // cache and its alias cache2: one place written
    ]);
  });

  it('reads variables from the environment over the .env beside the file', async () => {
    expect(await found(`${OK}/compose-env/compose.yaml`)).toEqual([
      ['registry.example/app:2.0', 3, 'compose'],
      ['registry.example/side:2.0-side', 5, 'compose'],
    ]);
    expect(await found(`${OK}/compose-env/compose.yaml`, { APP_TAG: '9' })).toEqual([
      ['registry.example/app:9', 3, 'compose'],
      ['registry.example/side:9-side', 5, 'compose'],
    ]);
  });

  it.each([
    [
      `${BAD}/compose-unset.yaml`,
      {},
      /compose-unset\.yaml:5: service broken: image 'nginx:\$\{NGINX_TAG\}': variable NGINX_TAG is not set/,
    ],
    [
      `${BAD}/compose-required.yaml`,
      {},
      /compose-required\.yaml:3: .*required variable PG_MAJOR is unset: PG_MAJOR must be set/,
    ],
    [
      `${BAD}/compose-required.yaml`,
      { PG_MAJOR: '' },
      /compose-required\.yaml:3: .*PG_MAJOR is empty/,
    ],
  ])('refuses %s when a reference cannot be interpolated (%j)', async (file, env, msg) => {
    await expect(
      findImages({ paths: [file], lists: [], env, composeEnv: Object.keys(env) }),
    ).rejects.toThrow(msg);
  });

  it('reads a services mapping in a YAML file of any name, and no Kubernetes object as Compose', () => {
    expect(readCompose('stack.yml', 'services:\n  a:\n    image: x:1\n', () => undefined)).toEqual([
      { image: 'x:1', file: 'stack.yml', line: 3, kind: 'compose', span: { start: 26, end: 29 } },
    ]);
  });
});

describe('Compose image volumes', () => {
  it('finds the images services mount as volumes (type: image), interpolated', () => {
    // Red team: Compose pulls an image volume's source and mounts its files into the service.
    const text = [
      'services:',
      '  web:',
      '    image: good:1',
      '    volumes:',
      '      - ./data:/data',
      '      - type: image',
      '        source: evil/artifact:${TAG}',
      '        target: /tools',
      '      - type: bind',
      '        source: ./x',
      '        target: /x',
      '',
    ].join('\n');
    expect(
      readCompose('compose.yaml', text, (n) => (n === 'TAG' ? '1' : undefined)).map((o) => [
        o.image,
        o.line,
      ]),
    ).toEqual([
      ['good:1', 3],
      ['evil/artifact:1', 7],
    ]);
  });
});

describe('Compose builds', () => {
  // Red team: a build's dockerfile_inline FROM and an additional context docker-image://REF
  // are images BuildKit pulls, and no file beside the Compose file names them.
  it('reads dockerfile_inline as a Dockerfile and docker-image:// contexts (mapping and list form)', () => {
    const text = [
      'services:',
      '  app:',
      '    build:',
      '      context: .',
      '      dockerfile_inline: |',
      '        FROM base:1 AS b',
      '        FROM b',
      '        COPY --from=tool:1 / /',
      '      additional_contexts:',
      '        ctx: docker-image://ctx:1',
      '        local: ../src',
      '  other:',
      '    build:',
      '      additional_contexts: ["x=docker-image://${TAGGED}", "y=https://example.com/a.git"]',
      '',
    ].join('\n');
    expect(
      readCompose('compose.yaml', text, (n) => (n === 'TAGGED' ? 'list:2' : undefined)).map((o) => [
        o.image,
        o.line,
        o.span,
      ]),
    ).toEqual([
      ['base:1', 5, undefined],
      ['tool:1', 5, undefined],
      ['ctx:1', 10, undefined],
      ['list:2', 14, undefined],
    ]);
  });
  it.each([
    ['mapping', 'args: {BASE: evil.example/base:1}'],
    ['list', 'args: ["BASE=evil.example/base:1"]'],
    ['list, name only', 'args: [BASE]'],
  ])(
    'refuses build args (%s) that a dockerfile_inline reads: they decide its images',
    (_, args) => {
      // Review: Compose passes build.args to BuildKit, whose FROM $BASE then pulls the arg's
      // value, not the ARG default the inline text names.
      const text = [
        'services:',
        '  app:',
        '    build:',
        '      dockerfile_inline: |',
        '        ARG BASE=registry.example/good:1',
        '        FROM $${BASE}',
        `      ${args}`,
        '',
      ].join('\n');
      expect(() => readCompose('compose.yaml', text, () => undefined)).toThrow(
        /^compose\.yaml:4: service app: build\.dockerfile_inline uses build arg BASE, which its args: set/,
      );
    },
  );
  it('reads a dockerfile_inline whose build args it does not use', () => {
    const text =
      'services:\n  a:\n    build:\n      dockerfile_inline: "FROM base:1\\nRUN echo $$V"\n      args: {W: 1, BASEX: 2}\n';
    expect(readCompose('compose.yaml', text, () => undefined).map((o) => o.image)).toEqual([
      'base:1',
    ]);
  });
  it('refuses a dockerfile_inline it cannot read, naming the key', () => {
    expect(() =>
      readCompose(
        'compose.yaml',
        'services:\n  a:\n    build:\n      dockerfile_inline: "FROM $$NOPE"\n',
        () => undefined,
      ),
    ).toThrow(/^compose\.yaml:4: service a: build\.dockerfile_inline: .*NOPE/);
    expect(() =>
      readCompose(
        'compose.yaml',
        'services:\n  a:\n    build:\n      additional_contexts: {c: "docker-image://"}\n',
        () => undefined,
      ),
    ).toThrow(
      /^compose\.yaml:4: service a: build\.additional_contexts: docker-image:\/\/ names no image/,
    );
  });
});

describe('Compose files loading others', () => {
  // Red team: include: and extends.file load other Compose files, whose images compose pulls;
  // they were not read. Local ones are read now (relative to the file that loads them, each
  // once); remote ones, and includes that change the variables, are refused.
  const tree = async (files: Record<string, string>): Promise<string> => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ig-include-'));
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    return dir;
  };
  const images = async (dir: string, given: string) =>
    (await findImages({ paths: [path.join(dir, given)], lists: [], env: {} })).occurrences.map(
      (o) => [path.relative(dir, o.file), o.line, o.image],
    );
  it('reads included files (short and long syntax, nested, a cycle once), named as joined', async () => {
    const dir = await tree({
      'app/compose.yaml':
        'include:\n  - ../common/db.yaml\n  - path: [../common/cache.yml]\nservices:\n  a: {image: app:1}\n',
      'common/db.yaml': 'include: [nested/queue.yaml]\nservices:\n  db: {image: db:1}\n',
      'common/nested/queue.yaml': 'include: [../db.yaml]\nservices:\n  q: {image: queue:1}\n',
      // Only include: and no services, under a name that is not Compose's: still Compose.
      'common/cache.yml': 'include: [../common/more.yaml]\n',
      'common/more.yaml': 'services:\n  c: {image: cache:1}\n',
    });
    expect(await images(dir, 'app/compose.yaml')).toEqual([
      ['app/compose.yaml', 5, 'app:1'],
      ['common/db.yaml', 3, 'db:1'],
      ['common/nested/queue.yaml', 3, 'queue:1'],
      ['common/more.yaml', 2, 'cache:1'],
    ]);
  });
  it('reads the file a service extends, with its other services (a superset)', async () => {
    const dir = await tree({
      'compose.yaml':
        'services:\n  a:\n    extends:\n      file: base/common.yaml\n      service: web\n',
      'base/common.yaml': 'services:\n  web: {image: web:1}\n  other: {image: other:1}\n',
    });
    expect(await images(dir, 'compose.yaml')).toEqual([
      ['base/common.yaml', 2, 'web:1'],
      ['base/common.yaml', 3, 'other:1'],
    ]);
  });
  it('interpolates include paths, and fails on a missing included file', async () => {
    const dir = await tree({
      'compose.yaml': 'include:\n  - ${PART:-parts/x.yaml}\nservices: {}\n',
      'parts/x.yaml': 'services:\n  x: {image: x:1}\n',
    });
    expect(await images(dir, 'compose.yaml')).toEqual([['parts/x.yaml', 2, 'x:1']]);
    const missing = await tree({ 'compose.yaml': 'include: [gone.yaml]\nservices: {}\n' });
    await expect(images(missing, 'compose.yaml')).rejects.toThrow(/gone\.yaml: cannot read/);
  });
  it.each([
    [
      'include (remote OCI)',
      'include: [oci://registry.example/compose:1]\nservices: {}\n',
      1,
      /include 'oci:\/\/registry\.example\/compose:1' is remote/,
    ],
    [
      'include (git)',
      'include:\n  - path: https://github.com/acme/stack.git#main\nservices: {}\n',
      2,
      /include\.path 'https:\/\/github\.com\/acme\/stack\.git#main' is remote/,
    ],
    [
      'include with env_file',
      'include:\n  - path: x.yaml\n    env_file: other.env\nservices: {}\n',
      2,
      /include: env_file changes the variables/,
    ],
    [
      'extends.file (remote)',
      'services:\n  a:\n    extends:\n      file: git@github.com:acme/base.git\n      service: web\n',
      4,
      /service a: extends\.file 'git@github\.com:acme\/base\.git' is remote/,
    ],
  ])('refuses %s, naming the line', async (_, text, line, msg) => {
    const dir = await tree({ 'compose.yaml': text });
    await expect(images(dir, 'compose.yaml')).rejects.toThrow(
      new RegExp(`compose\\.yaml:${line}: ${msg.source}`),
    );
  });
  it('reads extends within the file (no file:) as before', () => {
    const text =
      'services:\n  base: {image: b:1}\n  a:\n    extends: {service: base}\n    image: a:1\n';
    expect(readCompose('compose.yaml', text, () => undefined).map((o) => o.image)).toEqual([
      'b:1',
      'a:1',
    ]);
  });
});

describe('Compose interpolation', () => {
  const env: Record<string, string> = { SET: 'v', EMPTY: '' };
  const look = (n: string): string | undefined => env[n];
  it.each([
    ['${SET}', 'v'],
    ['$SET-x', 'v-x'],
    ['${UNSET:-d}', 'd'],
    ['${EMPTY:-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${UNSET-d}', 'd'],
    ['${SET:+alt}', 'alt'],
    ['${UNSET:+alt}', ''],
    ['${UNSET:-${SET}x}', 'vx'],
    ['a$$b', 'a$b'],
    ['$${SET}', '${SET}'],
  ])('%s -> %s', (text, want) => {
    expect(interpolate(text, look)).toBe(want);
  });
  it.each([
    ['${UNSET}', /UNSET is not set/],
    ['$UNSET', /UNSET is not set/],
    ['${UNSET:?boom}', /required variable UNSET is unset: boom/],
    ['${EMPTY:?}', /EMPTY is empty/],
    ['${SET', /unterminated/],
    ['a$', /lone '\$'/],
    ['${SET/x/y}', /invalid interpolation format/],
  ])('%s is an error', (text, msg) => {
    expect(() => interpolate(text, look)).toThrow(InterpolationError);
    expect(() => interpolate(text, look)).toThrow(msg);
  });
  it('parses .env quoting, comments and export', () => {
    const vars = parseDotEnv(
      ['# c', 'A=1 # c', 'B=x#y', "export C='$A lit'", 'D="q # in ${A}\\t"', 'E=${A}2', ''].join(
        '\n',
      ),
      () => undefined,
    );
    expect(Object.fromEntries(vars)).toEqual({
      A: '1',
      B: 'x#y',
      C: '$A lit',
      D: 'q # in 1\t',
      E: '12',
    });
    expect(() => parseDotEnv('not an assignment', () => undefined)).toThrow(/\.env line 1/);
  });
});

describe('Kubernetes', () => {
  it('finds init, regular and ephemeral containers in Deployments, CronJobs, Pods and PodTemplates', async () => {
    expect(await found(`${OK}/k8s-workloads.yaml`)).toEqual([
      ['registry.example/migrate:1.0', 10, 'kubernetes'],
      ['registry.example/web:1.0', 13, 'kubernetes'],
      [`registry.example/sidecar@sha256:${'1'.repeat(64)}`, 15, 'kubernetes'],
      ['registry.example/nightly:2.0', 29, 'kubernetes'], // jobTemplate.spec.template
      ['busybox:1.36', 41, 'kubernetes'],
      ['registry.example/debug:0.1', 44, 'kubernetes'],
      ['registry.example/template:3', 62, 'kubernetes'],
    ]);
  });
  it('reads kind: List in JSON and in YAML (flow mappings too)', async () => {
    expect(await found(`${OK}/k8s-list.json`)).toEqual([
      ['registry.example/db:5', 12, 'kubernetes'],
      ['registry.example/agent-init:5', 24, 'kubernetes'],
      ['registry.example/agent:5', 25, 'kubernetes'],
    ]);
    expect(await found(`${OK}/k8s-list.yaml`)).toEqual([
      ['registry.example/rs:1', 10, 'kubernetes'],
      ['registry.example/job:1', 19, 'kubernetes'],
    ]);
  });
  it('reads helm template output and custom resources (an Argo Rollout), not env values named image', async () => {
    expect(await found(`${OK}/helm-output.yaml`)).toEqual([
      ['nginx:1.16.0', 20, 'kubernetes'],
      ['busybox', 33, 'kubernetes'],
    ]);
    expect(await found(`${OK}/argo-rollout.yaml`)).toEqual([
      ['registry.example/canary:blue', 15, 'kubernetes'],
    ]);
  });
  it('finds the OCI images a pod mounts as image volumes (volumes[].image.reference)', () => {
    // Red team: the kubelet pulls these (KEP-4639, ImageVolume) and mounts their files into the
    // containers, so an unverified one is as good as an unverified container image.
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - image: good:1',
      '      volumeMounts: [{name: tools, mountPath: /tools}]',
      '  volumes:',
      '    - name: tools',
      '      image:',
      '        reference: evil/artifact:1',
      '        pullPolicy: IfNotPresent',
      '    - name: data',
      '      emptyDir: {}',
      '',
    ].join('\n');
    expect(readKubernetes('pod.yaml', text).map((o) => [o.image, o.line])).toEqual([
      ['good:1', 5],
      ['evil/artifact:1', 10],
    ]);
  });
  it('finds every image key of a custom resource, not metadata, status or ConfigMap data', async () => {
    // Red team: Tekton, Argo Workflows and KubeVirt pull images from fields that are not pod
    // specs; with only pod specs read, such a manifest passed with its images unverified.
    expect(await found(`${OK}/custom-resources.yaml`)).toEqual([
      ['registry.example/tekton-template:1', 10, 'kubernetes'],
      ['registry.example/tekton-step:1', 13, 'kubernetes'],
      ['registry.example/tekton-sidecar:1', 19, 'kubernetes'],
      ['registry.example/argo-container:1', 30, 'kubernetes'],
      ['registry.example/argo-script:1', 36, 'kubernetes'],
      ['registry.example/argo-set:1', 42, 'kubernetes'],
      ['registry.example/kubevirt-disk:1', 54, 'kubernetes'],
      ['registry.example/pod:1', 70, 'kubernetes'],
    ]);
  });
  it('reads image keys anywhere in an object (a List, flow style, an alias), each value once', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - {apiVersion: x.example/v1, kind: Thing, spec: {deep: {image: a:1}}}',
      '  - apiVersion: x.example/v1',
      '    kind: Thing',
      '    spec:',
      '      one: &img {image: b:1}',
      '      two: *img',
      '      n: {image: 5, other: {image: null}, list: [{image: c:1}]}',
      '  - apiVersion: v1',
      '    kind: Secret',
      '    stringData: {image: not-read}',
      '    type: Opaque',
      '',
    ].join('\n');
    expect(readKubernetes('list.yaml', text).map((o) => [o.image, o.line])).toEqual([
      ['a:1', 4],
      ['b:1', 8],
      ['c:1', 10],
    ]);
  });
  it('reads no image key outside a Kubernetes object (a CI file), nor in a Compose file', async () => {
    expect(await found(`${OK}/not-kubernetes.yml`)).toEqual([]);
  });
  it('refuses an empty image in a custom resource, naming the file and line', async () => {
    await expect(
      findImages({ paths: [`${BAD}/empty-image.yaml`], lists: [], env: {} }),
    ).rejects.toThrow(/empty-image\.yaml:8: image is an empty string/);
  });
  it.each([
    ['kustomization.yaml', 'resources: [deploy.yaml]\nimages:\n  - name: app\n    newTag: evil\n'],
    ['kustomization.yml', 'resources: [deploy.yaml]\n'],
    ['Kustomization', 'resources: [deploy.yaml]\n'],
    [
      'overlay.yaml',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages: [{name: app, newTag: x}]\n',
    ],
    ['component.yaml', 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n'],
  ])(
    'refuses a kustomization (%s), given or found in a directory, saying how to gate it',
    async (name, text) => {
      // Red team: `kubectl apply -k` deploys what kustomize renders, whose images: overrides rewrite
      // the resources' tags; the resources beside it verified while other images deployed.
      const dir = await mkdtemp(path.join(tmpdir(), 'gate-kust-'));
      await writeFile(path.join(dir, name), text);
      await writeFile(
        path.join(dir, 'deploy.yaml'),
        'apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a, image: app:1}]\n',
      );
      const msg = new RegExp(
        `${name}(:1)?: a kustomization: .*kustomize build DIR > rendered\\.yaml.*--from rendered\\.yaml`,
      );
      await expect(
        findImages({ paths: [path.join(dir, name)], lists: [], env: {} }),
      ).rejects.toThrow(msg);
      await expect(findImages({ paths: [dir], lists: [], env: {} })).rejects.toThrow(msg);
    },
  );
  it('refuses a kustomization inside a List, and reads data of a ConfigMap of another group', () => {
    const list =
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: kustomize.config.k8s.io/v1beta1\n    kind: Kustomization\n    images: [{name: a, newTag: x}]\n';
    expect(() => readKubernetes('list.yaml', list)).toThrow(/^list\.yaml:4: a kustomization/);
    const other =
      'apiVersion: example.com/v1\nkind: ConfigMap\ndata:\n  image: registry.example/read:1\n';
    expect(readKubernetes('cm.yaml', other).map((o) => o.image)).toEqual([
      'registry.example/read:1',
    ]);
  });
  it("reads Flux's Kustomization (another API group) as the object it is", () => {
    const text =
      'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nspec:\n  path: ./deploy\n';
    expect(readKubernetes('flux.yaml', text)).toEqual([]);
  });
  it('follows an aliased pod template', () => {
    const text = 'a: &t\n  containers:\n    - image: x:1\nb:\n  template: *t\n';
    expect(readKubernetes('f.yaml', text)).toEqual([
      { image: 'x:1', file: 'f.yaml', line: 3, kind: 'kubernetes', span: { start: 33, end: 36 } },
    ]);
  });
  it.each([
    [`${BAD}/broken.yaml`, /broken\.yaml:4: not valid YAML or JSON/],
    [`${BAD}/broken.json`, /broken\.json:1: not valid YAML or JSON/],
  ])('refuses %s, naming it', async (file, msg) => {
    await expect(findImages({ paths: [file], lists: [], env: {} })).rejects.toThrow(msg);
  });
  it('says so for a file with no images', async () => {
    const r = await findImages({ paths: [`${OK}/no-images.yaml`], lists: [], env: {} });
    expect(r).toEqual({ occurrences: [], empty: [`${OK}/no-images.yaml`] });
  });
});

describe('keys and values kubectl and Compose decode to text', () => {
  // Red team: `*k : evil:1` (with `&k image`) and `!!binary aW1hZ2U= : evil:1` are the key
  // `image` to sigs.k8s.io/yaml (yaml.v2) and compose-go, and the later pair wins over one
  // written out; the readers matched keys by their written value and skipped them.
  const pod = (container: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {k: &k image, c: &c containers}\nspec:\n${container}`;
  it.each([
    [
      'an alias key in a container',
      pod('  containers:\n  - name: a\n    image: good:1\n    *k : evil:1\n'),
      9,
      /mapping key \*k is an alias/,
    ],
    [
      'an alias key naming containers',
      pod('  *c :\n  - {name: a, image: evil:1}\n'),
      6,
      /mapping key \*c is an alias/,
    ],
    [
      'an alias key in flow style',
      pod('  containers: [{name: a, *k : evil:1}]\n'),
      6,
      /mapping key \*k is an alias/,
    ],
    [
      'a !!merge tag on a key that is not <<',
      pod(
        '  containers:\n  - name: a\n    image: good:1\n  - name: b\n    !!merge image: evil:1\n',
      ),
      10,
      /mapping key !!merge "image": kubectl and Compose merge only <</,
    ],
    [
      'a !!binary key',
      pod('  containers:\n  - name: a\n    !!binary aW1hZ2U= : evil:1\n'),
      8,
      /mapping key !!binary is not plain text/,
    ],
    [
      'a list as a key',
      pod('  containers:\n  - name: a\n    ? [image]\n    : evil:1\n'),
      8,
      /a mapping or list as a mapping key/,
    ],
    [
      'an alias key in a custom resource',
      'apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {labels: {k: &k image}}\nspec:\n  steps:\n  - {name: s, *k : evil:1}\n',
      6,
      /mapping key \*k is an alias/,
    ],
  ])('refuses %s in Kubernetes, naming the line', (_, text, line, msg) => {
    expect(() => readKubernetes('k.yaml', text)).toThrow(
      new RegExp(`^k\\.yaml:${line}: ${msg.source}`),
    );
  });
  it.each([
    [
      'an alias key in a service',
      'x-k: &k image\nservices:\n  app:\n    image: good:1\n    *k : evil:1\n',
      5,
      /mapping key \*k is an alias/,
    ],
    [
      'an alias key naming services',
      'x-s: &s services\n*s :\n  app: {image: evil:1}\n',
      2,
      /mapping key \*s is an alias/,
    ],
    [
      'a !!merge tag on a key that is not <<',
      pod(
        '  containers:\n  - name: a\n    image: good:1\n  - name: b\n    !!merge image: evil:1\n',
      ),
      10,
      /mapping key !!merge "image": kubectl and Compose merge only <</,
    ],
    [
      'a !!binary key',
      'services:\n  app:\n    image: good:1\n    !!binary aW1hZ2U= : evil:1\n',
      4,
      /mapping key !!binary is not plain text/,
    ],
    [
      'a !!binary image',
      'services:\n  app:\n    image: !!binary ZXZpbDox\n',
      3,
      /service app: image is not a string/,
    ],
  ])('refuses %s in Compose, naming the line', (_, text, line, msg) => {
    expect(() => readCompose('compose.yaml', text, () => undefined)).toThrow(
      new RegExp(`^compose\\.yaml:${line}: ${msg.source}`),
    );
  });
  it.each([
    [
      'a container image',
      pod('  containers:\n  - {name: a, image: !!binary ZXZpbDox}\n'),
      7,
      /containers\[\]\.image is a !!binary value/,
    ],
    [
      'an image volume',
      pod(
        '  containers: [{name: a, image: a:1}]\n  volumes:\n  - {name: v, image: {reference: !!binary ZXZpbDox}}\n',
      ),
      8,
      /volumes\[\]\.image\.reference is a !!binary value/,
    ],
    [
      'a custom resource image',
      'apiVersion: tekton.dev/v1\nkind: Task\nspec:\n  steps:\n  - {name: s, image: !!binary ZXZpbDox}\n  - {name: t, image: !!str good:1}\n',
      5,
      /image is a !!binary value/,
    ],
  ])('refuses a !!binary value as %s (kubectl sends the text it encodes)', (_, text, line, msg) => {
    expect(() => readKubernetes('k.yaml', text)).toThrow(
      new RegExp(`^k\\.yaml:${line}: ${msg.source}`),
    );
  });
  it('reads tagged text keys and values as the text (!!str, a local tag), and skips numbers in custom resources', () => {
    const text =
      'apiVersion: tekton.dev/v1\nkind: Task\nspec:\n  steps:\n  - {name: s, !!str image: !!str a:1}\n  - {name: t, !foo image: b:1}\n  - {name: u, image: 5}\n';
    expect(readKubernetes('k.yaml', text).map((o) => [o.image, o.line])).toEqual([
      ['a:1', 5],
      ['b:1', 6],
    ]);
  });
});

describe('merge keys as each tool applies them', () => {
  // Red team: kubectl (sigs.k8s.io/yaml, yaml.v2) applies pairs in document order, so a `<<`
  // after `image: good` sets evil; the reader let the written key win, as Compose does.
  const pod = (container: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n${container}`;
  it.each([
    [
      'a merge after the key wins',
      pod('    image: good:1\n    <<: {image: evil:1}\n'),
      [['evil:1', 8]],
    ],
    [
      'the key after a merge wins',
      pod('    <<: {image: evil:1}\n    image: good:1\n'),
      [['good:1', 8]],
    ],
    [
      'of a merge list, the first source wins',
      pod('    <<: [{image: first:1}, {image: second:1}]\n'),
      [['first:1', 7]],
    ],
    [
      'a nested merge, in its own order',
      pod('    <<: {image: inner-good:1, <<: {image: inner-evil:1}}\n'),
      [['inner-evil:1', 7]],
    ],
    [
      'a quoted "<<" is a key, not a merge',
      pod('    image: good:1\n    "<<": {image: evil:1}\n'),
      [['good:1', 7]],
    ],
    [
      'a !!merge-tagged key merges',
      pod('    image: good:1\n    !!merge <<: {image: evil:1}\n'),
      [['evil:1', 8]],
    ],
  ])('Kubernetes: %s', (_, text, want) => {
    expect(readKubernetes('k.yaml', text).map((o) => [o.image, o.line])).toEqual(want);
  });
  it('Kubernetes: in a Deployment and a custom resource too', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - {name: a, image: good:1, <<: {image: evil:1}}',
      '---',
      'apiVersion: tekton.dev/v1',
      'kind: Task',
      'spec:',
      '  steps:',
      '  - name: s',
      '    image: good:2',
      '    <<: {image: evil:2}',
      '',
    ].join('\n');
    expect(readKubernetes('k.yaml', text).map((o) => [o.image, o.line])).toEqual([
      ['evil:1', 7],
      ['evil:2', 15],
    ]);
  });
  it('Compose: the written key wins wherever the merge is (compose-go, yaml v3)', () => {
    const text =
      'x-base: &base {image: base:1}\nservices:\n  a:\n    image: own-a:1\n    <<: *base\n  b:\n    <<: *base\n    image: own-b:1\n  c:\n    <<: [{image: first:1}, {image: second:1}]\n  d:\n    !!merge <<: *base\n';
    expect(
      readCompose('compose.yaml', text, () => undefined).map((o) => [o.image, o.line]),
    ).toEqual([
      ['base:1', 1], // d: a !!merge-tagged key merges too
      ['own-a:1', 4],
      ['own-b:1', 8],
      ['first:1', 10],
    ]);
  });
});

describe('document separators as kubectl splits them', () => {
  // Red team: kubectl's YAMLReader cuts at a line `---#` (and at `---` with any Go white space
  // after it) before parsing, while YAML does not, so a block scalar swallowed a whole Pod.
  const pod = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: c, image: evil:1}]\n';
  it.each([
    ['---#', `a: 1\n---\n|\n---#\n${pod}`, 4],
    ['---# with a comment', `!!null |\n---# x\n${pod}`, 2],
    ['--- and a no-break space', `|\n---\u00a0\n${pod}`, 2],
    ['--- and a vertical tab', `a: |\n  text\n---\n|\n---\v\n${pod}`, 5],
  ])('refuses %s that YAML reads as text, naming the line', (_, text, line) => {
    expect(() => readKubernetes('k.yaml', text)).toThrow(
      new RegExp(`^k\\.yaml:${line}: kubectl starts a new document at this line`),
    );
    expect(() =>
      readCompose('compose.yaml', `services: {}\n---\n${text}`, () => undefined),
    ).toThrow(new RegExp(`^compose\\.yaml:${line + 2}: kubectl starts a new document`));
  });
  it('reads separators both split at, with comments, blanks and CRLF, keeping lines and spans', () => {
    const text = `---\n${pod}--- # next\n${pod.replace('evil:1', 'b:1')}---\t\r\n${pod.replace('evil:1', 'c:1')}---\n`;
    const got = readKubernetes('k.yaml', text);
    expect(got.map((o) => [o.image, o.line])).toEqual([
      ['evil:1', 5],
      ['b:1', 10],
      ['c:1', 15],
    ]);
    for (const o of got) expect(text.slice(o.span?.start, o.span?.end)).toBe(o.image);
  });
});

describe('Dockerfile', () => {
  it('substitutes global ARG defaults, drops --platform, skips stages and scratch, joins continuations', async () => {
    expect(await found(`${OK}/Dockerfile`)).toEqual([
      ['golang:1.22-alpine', 5, 'dockerfile'], // the stage's own ARG does not reach FROM
      ['registry.example/base:nonroot', 14, 'dockerfile'], // continued over 3 lines, :- default
      ['registry.example/base/extra:1', 19, 'dockerfile'], // lower-case from, bare $BASE
      [`registry.example/tool@sha256:${'2'.repeat(64)}`, 20, 'dockerfile'],
    ]);
  });
  it('honours the escape directive and stage names case-insensitively', () => {
    const text = '# escape=`\nFROM alpine:3 AS Base\nFROM `\n  base\nFROM node:24 `\n  AS x\n';
    expect(readDockerfile('Dockerfile', text)).toEqual([
      {
        image: 'alpine:3',
        file: 'Dockerfile',
        line: 2,
        kind: 'dockerfile',
        span: { start: 16, end: 24 },
      },
      {
        image: 'node:24',
        file: 'Dockerfile',
        line: 5,
        kind: 'dockerfile',
        span: { start: 52, end: 59 },
      },
    ]);
  });
  it.each([
    [
      `${BAD}/Dockerfile.noarg`,
      /Dockerfile\.noarg:2: FROM alpine:\$\{TAG\}: ARG TAG has no default/,
    ],
    [`${BAD}/Dockerfile.empty-from`, /Dockerfile\.empty-from:1: FROM names no image/],
  ])('refuses %s', async (file, msg) => {
    await expect(findImages({ paths: [file], lists: [], env: {} })).rejects.toThrow(msg);
  });
  it('refuses an ARG used in FROM but never declared', () => {
    expect(() => readDockerfile('D', 'FROM x:${NOPE}\n')).toThrow(
      /D:1: .*ARG NOPE is not declared/,
    );
  });
});

// Red team: the lines BuildKit reads as a new instruction must be new instructions here too, or a
// FROM hidden in what this reader took for a continued line is pulled and never verified.
// (BuildKit frontend/dockerfile/parser: parser.go Parse, directives.go DirectiveParser.)
describe('Dockerfile lines as BuildKit splits them', () => {
  const images = (text: string) => readDockerfile('Dockerfile', text).map((o) => o.image);
  it.each([
    ['an escaped escape at the end of a line', 'FROM good:1\nRUN echo done \\\\\nFROM evil:1\n'],
    ['a vertical tab after the escape', 'FROM good:1\nRUN echo hi \\\v\nFROM evil:1\n'],
    ['a form feed after the escape', 'FROM good:1\nRUN echo hi \\\f\nFROM evil:1\n'],
    ['a no-break space after the escape', 'FROM good:1\nRUN echo hi \\\u00a0\nFROM evil:1\n'],
    [
      'an escape directive after an unknown one (BuildKit stops at the unknown one)',
      '# foo=bar\n# escape=`\nFROM good:1\nRUN echo hi `\nFROM evil:1\n',
    ],
    [
      'a directive key BuildKit does not read as one (_ is not in [a-zA-Z0-9])',
      '# es_cape=x\n# escape=`\nFROM good:1\nRUN echo hi `\nFROM evil:1\n',
    ],
    [
      'an escape directive behind a byte order mark (BuildKit drops the mark)',
      '\ufeff# escape=`\nFROM good:1\nRUN echo hi \\\nFROM evil:1\n',
    ],
    [
      'an escape directive indented (BuildKit trims leading white space)',
      '  # escape=`\nFROM good:1\nRUN echo hi \\\nFROM evil:1\n',
    ],
    ['a FROM behind U+0085, which Go counts as white space', 'FROM good:1\n\u0085FROM evil:1\n'],
  ])('finds the FROM after %s', (_name, text) => {
    expect(images(text)).toEqual(['good:1', 'evil:1']);
  });

  it('skips empty lines inside a continued instruction, as BuildKit does', () => {
    expect(images('FROM good:1 \\\n\n   AS base\nFROM base\nFROM other:2\n')).toEqual([
      'good:1',
      'other:2',
    ]);
  });

  it('refuses what BuildKit refuses: a second escape directive, an escape other than \\ or `', () => {
    expect(() => readDockerfile('D', '# escape=`\n# escape=\\\nFROM a\n')).toThrow(
      /D:2: .*only one escape parser directive/,
    );
    expect(() => readDockerfile('D', '# escape=x\nFROM a\n')).toThrow(
      /D:1: .*escape token 'x' is not ` or \\/,
    );
  });

  it('finds the images COPY --from and RUN --mount from= pull, not the stages they name', () => {
    const text = [
      'ARG TOOLS=registry.example/tools:2',
      'FROM good:1 AS build',
      'COPY --from=evil/copied:1 /bin/x /bin/x',
      'COPY --chown=1:1 --from=build /out /out',
      'COPY --from=0 /a /a',
      'RUN --mount=type=bind,from=evil/mounted:1,source=/s,target=/t make',
      'RUN --mount=type=cache,target=/c --mount=from=$TOOLS,target=/tools true',
      'RUN --mount=type=bind,from=BUILD,target=/b true',
      'COPY --from=later /x /x',
      'FROM scratch AS later',
      '',
    ].join('\n');
    const found = readDockerfile('Dockerfile', text);
    expect(found.map((o) => [o.image, o.line])).toEqual([
      ['good:1', 2],
      ['evil/copied:1', 3],
      ['evil/mounted:1', 6],
      ['registry.example/tools:2', 7],
    ]);
    // Each is pinned where its reference is written (the ARG default for $TOOLS).
    expect(found.map((o) => text.slice(o.span!.start, o.span!.end))).toEqual([
      'good:1',
      'evil/copied:1',
      'evil/mounted:1',
      'registry.example/tools:2',
    ]);
  });

  it('reads long runs of blanks in linear time', () => {
    const n = 200_000;
    const text = `# syntax=a${' '.repeat(n)}b\n# x=y\nFROM good:1\nRUN a${'\r'.repeat(n)}b\n`;
    const started = performance.now();
    expect(images(text)).toEqual(['good:1']);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('keeps spans right after a byte order mark', () => {
    const text = '\ufeffFROM alpine:3\n';
    const [o] = readDockerfile('D', text);
    expect(text.slice(o.span!.start, o.span!.end)).toBe('alpine:3');
  });
});

describe('lists and the collector', () => {
  it('reads a list file, and stdin for -', async () => {
    const r = await findImages({ paths: [], lists: [`${OK}/images.txt`], env: {} });
    expect(r.occurrences.map((o) => [o.image, o.line, o.kind])).toEqual([
      ['registry.example/one:1', 2, 'list'],
      ['registry.example/two:2', 4, 'list'],
      [`registry.example/three@sha256:${'3'.repeat(64)}`, 5, 'list'],
    ]);
    const s = await findImages({
      paths: [],
      lists: ['-'],
      env: {},
      readStdin: () => Promise.resolve('# c\n\na:1\n'),
    });
    expect(s.occurrences).toEqual([
      { image: 'a:1', file: '(stdin)', line: 3, kind: 'list', span: { start: 5, end: 8 } },
    ]);
    expect(readList('l', '')).toEqual([]);
  });

  it('searches a directory (node_modules and .git skipped), naming files joined to it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ig-manifests-'));
    await mkdir(path.join(dir, 'node_modules/x'), { recursive: true });
    await mkdir(path.join(dir, '.git'), { recursive: true });
    await mkdir(path.join(dir, 'k8s'), { recursive: true });
    await writeFile(
      path.join(dir, 'node_modules/x/compose.yaml'),
      'services: {a: {image: no:1}}\n',
    );
    await writeFile(path.join(dir, '.git/compose.yaml'), 'services: {a: {image: no:2}}\n');
    await writeFile(path.join(dir, 'compose.yaml'), 'services:\n  a:\n    image: c:1\n');
    await writeFile(path.join(dir, 'k8s/pod.json'), '{"spec": {"containers": [{"image": "k:1"}]}}');
    await writeFile(path.join(dir, 'Containerfile'), 'FROM d:1\n');
    await writeFile(path.join(dir, 'notes.txt'), 'FROM nothing\n');
    const r = await findImages({ paths: [dir], lists: [], env: {} });
    expect(r.occurrences.map((o) => [o.file, o.line, o.image, o.kind])).toEqual([
      [path.join(dir, 'Containerfile'), 1, 'd:1', 'dockerfile'],
      [path.join(dir, 'compose.yaml'), 3, 'c:1', 'compose'],
      [path.join(dir, 'k8s/pod.json'), 1, 'k:1', 'kubernetes'],
    ]);
    const g = await findImages({ paths: [`${dir}/**/*.yaml`], lists: [], env: {} });
    expect(g.occurrences.map((o) => o.image)).toEqual(['c:1']);
    await expect(findImages({ paths: [`${dir}/*.nope`], lists: [], env: {} })).rejects.toThrow(
      /matches no file/,
    );
    await expect(
      findImages({ paths: [`${dir}/missing.yaml`], lists: [], env: {} }),
    ).rejects.toThrow(/missing\.yaml: no such file/);
  });

  it('matches dotfiles in globs as Go filepath.Glob (kubectl -f) does, and walks them in directories', async () => {
    // Red team: node:fs/promises glob skips `.hidden.yaml` for `deploy/*.yaml`; kubectl's
    // filepath.Glob and `kubectl apply -f deploy/` read it.
    const dir = await mkdtemp(path.join(tmpdir(), 'ig-dot-'));
    await mkdir(path.join(dir, 'deploy/.sub'), { recursive: true });
    await mkdir(path.join(dir, 'deploy/node_modules'), { recursive: true });
    await mkdir(path.join(dir, 'deploy/.git'), { recursive: true });
    const pod = (i: string) =>
      `apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: c, image: ${i}}]\n`;
    await writeFile(path.join(dir, 'deploy/app.yaml'), pod('app:1'));
    await writeFile(path.join(dir, 'deploy/.hidden.yaml'), pod('hidden:1'));
    await writeFile(path.join(dir, 'deploy/.sub/deep.yaml'), pod('deep:1'));
    await writeFile(path.join(dir, 'deploy/node_modules/x.yaml'), pod('no:1'));
    await writeFile(path.join(dir, 'deploy/.git/x.yaml'), pod('no:2'));
    const images = async (p: string) =>
      (await findImages({ paths: [p], lists: [], env: {} })).occurrences.map((o) => o.image);
    expect(await images(`${dir}/deploy/*.yaml`)).toEqual(['hidden:1', 'app:1']);
    expect(await images(`${dir}/deploy/**/*.yaml`)).toEqual(['hidden:1', 'deep:1', 'app:1']);
    expect(await images(`${dir}/*/?hidden.y[a]ml`)).toEqual(['hidden:1']);
    expect(await images(`${dir}/deploy/{app,.hidden}.yaml`)).toEqual(['hidden:1', 'app:1']);
    expect(await images(`${dir}/deploy/[!a]*`)).toEqual(['hidden:1', 'deep:1']);
    expect(await images(`${path.relative(process.cwd(), dir)}/deploy/*.yaml`)).toEqual([
      'hidden:1',
      'app:1',
    ]);
    expect(await images(`${dir}/deploy`)).toEqual(['hidden:1', 'deep:1', 'app:1']);
    await expect(images(`${dir}/*/*/x.yaml`)).rejects.toThrow(/matches no file/);
  });
  it.each([
    'compose.override.yml',
    'compose.override.yaml',
    'docker-compose.override.yml',
    'docker-compose.override.yaml',
  ])(
    'reads %s beside a default-named Compose file, as docker compose up does',
    async (override) => {
      // Red team: `docker compose up` loads the override beside compose.yaml, whose image:
      // replaces the base file's; only the file given was read.
      const dir = await mkdtemp(path.join(tmpdir(), 'ig-override-'));
      await writeFile(path.join(dir, 'compose.yaml'), 'services:\n  a:\n    image: good:1\n');
      await writeFile(path.join(dir, 'other.yaml'), 'services:\n  a:\n    image: other:1\n');
      await writeFile(path.join(dir, override), 'services:\n  a:\n    image: evil:1\n');
      const read = async (p: string) =>
        (await findImages({ paths: [p], lists: [], env: {} })).occurrences.map((o) => [
          path.basename(o.file),
          o.image,
        ]);
      const both = [
        ['compose.yaml', 'good:1'],
        [override, 'evil:1'],
      ];
      expect(await read(path.join(dir, 'compose.yaml'))).toEqual(both);
      expect((await read(`${dir}/compose.*`)).sort()).toEqual([...both].sort());
      expect(await read(path.join(dir, 'other.yaml'))).toEqual([['other.yaml', 'other:1']]);
      expect((await read(dir)).length).toBe(3);
    },
  );
  it.each([
    'COMPOSE_FILE=compose.yaml:evil.yaml',
    'export COMPOSE_FILE = evil.yaml',
    '  COMPOSE_FILE="a;b"',
    // compose-go's dotenv parser: `export` needs no space after it, and a quoted value may be
    // followed by the next assignment on the same line.
    'exportCOMPOSE_FILE=evil.yaml',
    'B="x" COMPOSE_FILE=evil.yaml',
  ])('refuses a .env beside a Compose file that sets COMPOSE_FILE (%s)', async (line) => {
    // Red team: compose-go loads .env before it reads COMPOSE_FILE, so `docker compose up`
    // in that directory deploys the files it names, unread here.
    const dir = await mkdtemp(path.join(tmpdir(), 'ig-compose-file-'));
    await writeFile(path.join(dir, 'compose.yaml'), 'services:\n  a:\n    image: good:1\n');
    await writeFile(path.join(dir, '.env'), `A=1\n${line}\n`);
    await expect(
      findImages({ paths: [path.join(dir, 'compose.yaml')], lists: [], env: {} }),
    ).rejects.toThrow(/\.env:2: sets COMPOSE_FILE: .*give those files to --from/);
  });
  it('reads a manifest a directory holds as a symlink, as kubectl apply -f DIR does', async () => {
    // Red team: kubectl's directory walk opens symlinked files (it filters by name only), so a
    // deploy/ entry linked to a file elsewhere in the repository is applied; skipping it passed
    // its images unverified. A link to a directory is not descended into (nor by kubectl).
    const dir = await mkdtemp(path.join(tmpdir(), 'ig-manifests-'));
    await mkdir(path.join(dir, 'deploy'));
    await mkdir(path.join(dir, 'elsewhere'));
    await writeFile(
      path.join(dir, 'deploy/web.yaml'),
      'spec:\n  containers:\n    - image: good:1\n',
    );
    await writeFile(
      path.join(dir, 'elsewhere/example.yaml'),
      'spec:\n  containers:\n    - image: evil:1\n',
    );
    await symlink('../elsewhere/example.yaml', path.join(dir, 'deploy/linked.yaml'));
    await symlink('../elsewhere', path.join(dir, 'deploy/subdir'));
    const r = await findImages({ paths: [path.join(dir, 'deploy')], lists: [], env: {} });
    expect(r.occurrences.map((o) => [o.file, o.image])).toEqual([
      [path.join(dir, 'deploy/linked.yaml'), 'evil:1'],
      [path.join(dir, 'deploy/web.yaml'), 'good:1'],
    ]);
    // A link that leads nowhere is a file that cannot be read (kubectl fails on it too).
    await symlink('../nowhere.yaml', path.join(dir, 'deploy/dangling.yaml'));
    await expect(
      findImages({ paths: [path.join(dir, 'deploy')], lists: [], env: {} }),
    ).rejects.toThrow(/dangling\.yaml/);
  });

  it('reads the Kubernetes objects of a stream that also holds a Compose-like document', async () => {
    // Red team: one document with `services:` made the whole file Compose, so a Deployment after
    // it went unread, and `kubectl apply -f` applies it (the other document is only an error).
    const dir = await mkdtemp(path.join(tmpdir(), 'ig-manifests-'));
    const file = path.join(dir, 'app.yaml');
    await writeFile(
      file,
      [
        'services:',
        '  web:',
        '    image: good:1',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - image: evil:1',
        '',
      ].join('\n'),
    );
    const r = await findImages({ paths: [file], lists: [], env: {} });
    expect(r.occurrences.map((o) => [o.image, o.line, o.kind])).toEqual([
      ['good:1', 3, 'compose'],
      ['evil:1', 11, 'kubernetes'],
    ]);
  });

  it('groups occurrences: each reference once, with every place it is written', () => {
    const g = groupSources([
      { image: 'a:1', file: 'x', line: 1, kind: 'list' },
      { image: 'b:1', file: 'x', line: 2, kind: 'list' },
      { image: 'a:1', file: 'y', line: 7, kind: 'compose' },
    ]);
    expect(g.images).toEqual(['a:1', 'b:1']);
    // Spellings of one reference are one entry, under the argument's spelling when one is given.
    const lower = (i: string): string => i.toLowerCase();
    const h = groupSources(
      [
        { image: 'A:1', file: 'x', line: 1, kind: 'list' },
        { image: 'c:1', file: 'x', line: 2, kind: 'list' },
        { image: 'C:1', file: 'y', line: 3, kind: 'list' },
      ],
      lower,
      ['a:1'],
    );
    expect(h.images).toEqual(['a:1', 'c:1']);
    expect(Object.fromEntries(h.sources)).toEqual({
      'a:1': [{ file: 'x', line: 1 }],
      'c:1': [
        { file: 'x', line: 2 },
        { file: 'y', line: 3 },
      ],
    });
    expect(g.sources.get('a:1')).toEqual([
      { file: 'x', line: 1 },
      { file: 'y', line: 7 },
    ]);
  });
});

describe('front ends', () => {
  it('the CLI takes --from (repeatable) and --images-file without image arguments', () => {
    const c = parseCommand([
      'verify',
      '--key',
      'k.pub',
      '--from',
      'a.yaml',
      '--from',
      'dir',
      '--images-file',
      '-',
    ]);
    expect(
      c.command === 'verify' && [c.options.images, c.options.manifests, c.options.imagesFile],
    ).toEqual([[], ['a.yaml', 'dir'], '-']);
    expect(() => parseCommand(['verify', '--key', 'k.pub'])).toThrow(
      /no image references given \(arguments, --from or --images-file\)/,
    );
    expect(parseCommand(['images', '-o', 'json', 'x.yaml'])).toEqual({
      command: 'images',
      paths: ['x.yaml'],
      output: 'json',
    });
    expect(() => parseCommand(['images'])).toThrow(/no files, directories or --images-file/);
    expect(() => parseCommand(['images', '--output', 'yaml', 'x'])).toThrow(/--output: 'yaml'/);
  });

  it('the Action takes manifests (one per line) and images-file in place of images, never with merge-reports', () => {
    const get =
      (inputs: Record<string, string>) =>
      (n: string): string =>
        inputs[n] ?? '';
    const a = readInputs(get({ manifests: 'compose.yaml\nk8s/**/*.yaml\n', key: 'k.pub' }), {});
    expect([a.options.images, a.options.manifests]).toEqual([
      [],
      ['compose.yaml', 'k8s/**/*.yaml'],
    ]);
    const b = readInputs(get({ 'images-file': 'images.txt', key: 'k.pub' }), {});
    expect(b.options.imagesFile).toBe('images.txt');
    expect(() => readInputs(get({ manifests: 'a.yaml', 'merge-reports': 'r/' }), {})).toThrow(
      /exclude each other/,
    );
    expect(() => readInputs(get({}), {})).toThrow(/no manifests or images-file/);
  });
});
