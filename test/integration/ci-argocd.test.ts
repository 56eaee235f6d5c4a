// Issue 12 item 5, Argo CD: examples/argocd/presync-job.yaml, shown byte for byte in
// docs/ci/argocd.md. Every document is validated against the Kubernetes schemas for its kind
// (kubernetes-models; an unknown kind fails), the hook annotations and order are checked, the
// container is the release image run as the Dockerfile's user, and the Job's args are run by
// dist/cli.js (the image's entrypoint) on the files its ConfigMaps mount, against a real registry:
// all images signed exit 0, one unsigned exit 1 naming it.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { generateKeyPair, type TestKeyPair } from '../helpers/cosign-keys.js';
import { snippet, writeSnippets } from '../helpers/doc-snippets.js';
import { signedImage, startSigningRegistry, type SigningRegistry } from '../helpers/images.js';
import { registryAvailable } from '../helpers/registry-process.js';
import { runCli } from '../helpers/run-dist.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EXAMPLE = 'examples/argocd/presync-job.yaml';

interface Meta {
  name: string;
  annotations?: Record<string, string>;
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  args: string[];
  securityContext: Record<string, unknown>;
  volumeMounts: Array<{ name: string; mountPath: string; readOnly?: boolean }>;
}
interface PodSpec {
  restartPolicy: string;
  automountServiceAccountToken?: boolean;
  securityContext: Record<string, unknown>;
  containers: Container[];
  volumes: Array<{ name: string; configMap?: { name: string }; emptyDir?: object }>;
}
interface JobDoc {
  kind: 'Job';
  metadata: Meta;
  spec: { backoffLimit: number; template: { spec: PodSpec } };
}
interface ConfigMapDoc {
  kind: 'ConfigMap';
  metadata: Meta;
  data: Record<string, string>;
}

/** The class validating each kind the example may hold; any other kind fails the test. */
const MODELS: Record<string, (o: unknown) => { validate(): void }> = {
  'batch/v1/Job': (o) => new Job(o as ConstructorParameters<typeof Job>[0]),
  'v1/ConfigMap': (o) => new ConfigMap(o as ConstructorParameters<typeof ConfigMap>[0]),
};

function documents(text: string): Array<JobDoc | ConfigMapDoc> {
  return parseAllDocuments(text).map((d) => {
    if (d.errors.length > 0) throw d.errors[0]!;
    return d.toJS() as JobDoc | ConfigMapDoc;
  });
}

function validate(doc: unknown): void {
  const { apiVersion, kind } = doc as { apiVersion: string; kind: string };
  const model = MODELS[`${apiVersion}/${kind}`];
  if (!model) throw new Error(`no schema for ${apiVersion} ${kind}`);
  model(doc).validate();
}

let text: string;
let docs: Array<JobDoc | ConfigMapDoc>;
let job: JobDoc;
let maps: ConfigMapDoc[];

beforeAll(async () => {
  text = await readFile(path.join(ROOT, EXAMPLE), 'utf8');
  docs = documents(text);
  job = docs.find((d): d is JobDoc => d.kind === 'Job')!;
  maps = docs.filter((d): d is ConfigMapDoc => d.kind === 'ConfigMap');
});

describe('examples/argocd/presync-job.yaml', () => {
  it('is what docs/ci/argocd.md shows, byte for byte', async () => {
    expect((await snippet('docs/ci/argocd.md', EXAMPLE)).text).toBe(text);
    const dir = await mkdtemp(path.join(tmpdir(), 'ci-argocd-doc-'));
    const all = await writeSnippets('docs/ci/argocd.md', dir);
    expect(all.map((s) => s.file)).toEqual([EXAMPLE]);
    expect(await readFile(path.join(dir, EXAMPLE), 'utf8')).toBe(text);
  });

  it('holds valid Kubernetes objects of known kinds, and the schemas can refuse', () => {
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'ConfigMap/image-gate-images',
      'ConfigMap/image-gate-key',
      'Job/image-gate',
    ]);
    for (const d of docs) validate(d);
    const bad = structuredClone(job) as unknown as { spec: { backoffLimit: unknown } };
    bad.spec.backoffLimit = '0';
    expect(() => validate(bad)).toThrow(/backoffLimit must be integer/);
    const noContainers = structuredClone(job);
    delete (noContainers.spec.template.spec as Partial<PodSpec>).containers;
    expect(() => validate(noContainers)).toThrow(/containers/);
    expect(() => validate({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } })).toThrow(
      'no schema for v1 Pod',
    );
  });

  it('is a PreSync hook Job, deleted when it succeeds, never retried; its ConfigMaps come first', () => {
    const a = job.metadata.annotations!;
    expect(a['argocd.argoproj.io/hook']).toBe('PreSync');
    expect(a['argocd.argoproj.io/hook-delete-policy']!.split(',')).toContain('HookSucceeded');
    expect(job.spec.backoffLimit).toBe(0);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    const jobWave = Number(a['argocd.argoproj.io/sync-wave'] ?? '0');
    for (const m of maps) {
      const ma = m.metadata.annotations!;
      // Hooks are applied in their phase; a plain resource would come after the Job.
      expect(ma['argocd.argoproj.io/hook'], m.metadata.name).toBe('PreSync');
      expect(Number(ma['argocd.argoproj.io/sync-wave']), m.metadata.name).toBeLessThan(jobWave);
      expect(ma['argocd.argoproj.io/hook-delete-policy']).toBe('BeforeHookCreation');
    }
    // Every ConfigMap a volume names is in the file, and every mount has its volume.
    const pod = job.spec.template.spec;
    for (const v of pod.volumes)
      if (v.configMap) expect(maps.map((m) => m.metadata.name)).toContain(v.configMap.name);
    for (const m of pod.containers[0]!.volumeMounts)
      expect(pod.volumes.map((v) => v.name)).toContain(m.name);
  });

  it("runs the release image as the Dockerfile's user, its entrypoint, read-only, without a token", async () => {
    const pod = job.spec.template.spec;
    const [c] = pod.containers;
    const version = (
      JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    // The release workflow pushes ghcr.io/<owner>/<repo>:<package.json version>; the README's
    // `docker run` line names it with the docs' owner.
    const release = await readFile(path.join(ROOT, '.github/workflows/release.yml'), 'utf8');
    expect(release).toContain('echo "image=ghcr.io/${REPOSITORY,,}"');
    expect(release).toContain(
      'tags: ${{ steps.name.outputs.image }}:${{ steps.name.outputs.version }}',
    );
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`docker run --rm -v "$PWD:/work" ghcr.io/acme/image-gate:${version} `);
    expect(c!.image).toBe(`ghcr.io/acme/image-gate:${version}`);
    expect(c!.command).toBeUndefined(); // the image's ENTRYPOINT ["image-gate"] runs the args
    const dockerfile = await readFile(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ENTRYPOINT \["image-gate"\]$/m);
    const [, uid, gid] = /^USER (\d+):(\d+)$/m.exec(dockerfile)!;
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: Number(uid),
      runAsGroup: Number(gid),
    });
    expect(c!.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod.automountServiceAccountToken).toBe(false);
    // The one directory image-gate writes (the TUF cache) is on a writable emptyDir.
    const cache = c!.args[c!.args.indexOf('--tuf-cache') + 1]!;
    const mount = c!.volumeMounts.find((m) => cache.startsWith(`${m.mountPath}/`));
    expect(mount?.readOnly).toBeUndefined();
    expect(pod.volumes.find((v) => v.name === mount?.name)?.emptyDir).toBeDefined();
  });
});

let s: SigningRegistry;
let kp: TestKeyPair;

/**
 * The pod's filesystem in a temp dir: each ConfigMap's data written where its volume is mounted
 * (`rewrite` fills in the doc's registry and key), each emptyDir made; returns the args with the
 * mount paths moved under it.
 */
async function materialise(ns: string): Promise<{ args: string[]; cwd: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'ci-argocd-pod-'));
  const pod = job.spec.template.spec;
  const [c] = pod.containers;
  const rewrite = (v: string) =>
    v
      .split('ghcr.io/acme/')
      .join(`${s.reg.host}/${ns}/acme/`)
      .replace(/-----BEGIN PUBLIC KEY-----[\s\S]*-----END PUBLIC KEY-----\n/, kp.publicPem);
  for (const m of c!.volumeMounts) {
    const vol = pod.volumes.find((v) => v.name === m.name)!;
    const dir = path.join(root, m.mountPath);
    await mkdir(dir, { recursive: true });
    if (vol.configMap) {
      const map = maps.find((x) => x.metadata.name === vol.configMap!.name)!;
      for (const [k, v] of Object.entries(map.data)) await writeFile(path.join(dir, k), rewrite(v));
    }
  }
  const mounts = c!.volumeMounts.map((m) => m.mountPath);
  const args = c!.args.map((a) =>
    mounts.some((m) => a === m || a.startsWith(`${m}/`)) ? path.join(root, a) : a,
  );
  const cwd = path.join(root, 'work'); // the image's WORKDIR
  await mkdir(cwd);
  return { args, cwd };
}

describe.skipIf(!registryAvailable)(
  "the Job's args, run by dist/cli.js on its mounted files",
  () => {
    beforeAll(async () => {
      s = await startSigningRegistry('ci-argocd-');
      kp = generateKeyPair();
      for (const ns of ['signed', 'mixed'])
        for (const name of ['api', 'api-migrations', 'web'])
          await signedImage(
            s,
            `${ns}/acme/${name}`,
            '1.4.2',
            ns === 'signed' || name !== 'web' ? { key: kp } : undefined,
          );
    }, 120_000);

    afterAll(async () => {
      await s?.reg.stop();
    });

    // The test Sigstore's trusted root stands in for the public-good one the Job fetches with TUF.
    const trust = () => ['--trusted-root', s.root];

    it('every listed image signed by the key: exit 0, the sync may go on', async () => {
      const { args, cwd } = await materialise('signed');
      const r = await runCli([...args, ...trust()], {}, cwd);
      expect(r.stdout).toContain('3 image(s): 3 verified, 0 failed');
      expect(r.code, r.stdout + r.stderr).toBe(0);
    });

    it('one listed image unsigned: exit 1 naming it and its line, the Job fails and the sync stops', async () => {
      const { args, cwd } = await materialise('mixed');
      const r = await runCli([...args, ...trust()], {}, cwd);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        new RegExp(
          `images\\.txt:3: ✗ Verification FAILED for ${s.reg.host.replace(/\./g, '\\.')}/mixed/acme/web:1\\.4\\.2`,
        ),
      );
    });

    it('a key that did not sign them: exit 1', async () => {
      const { args, cwd } = await materialise('signed');
      await writeFile(args[args.indexOf('--key') + 1]!, generateKeyPair().publicPem);
      const r = await runCli([...args, ...trust()], {}, cwd);
      expect(r.code).toBe(1);
    });
  },
);
