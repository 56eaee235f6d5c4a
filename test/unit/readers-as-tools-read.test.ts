// What the file readers must not miss (session 15 review): flags BuildKit reads through quotes and
// escapes, Dockerfile names outside the usual ones, a YAML file named like a Dockerfile, and a
// `.env` beside a Compose file that is not default-named. Each either lists the image the real
// tool pulls or refuses the file (exit 2): never a file that names nothing.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDockerfile } from '../../src/core/manifests/dockerfile.js';
import { findImages } from '../../src/core/manifests/files.js';

const EVIL = 'evil.example/x:1';
const images = (text: string): string[] => readDockerfile('Dockerfile', text).map((o) => o.image);
const REFUSED = /has a quote, an escape character or a non-ASCII byte/;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'readers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
async function found(paths: string[]): Promise<{ images: string[]; empty: string[] }> {
  const r = await findImages({ paths, lists: [], env: {} });
  return { images: r.occurrences.map((o) => o.image), empty: r.empty };
}

// BuildKit's extractBuilderFlags (frontend/dockerfile/parser/split_command.go) removes quotes
// and applies the escape character inside an instruction's leading `--` words, and splits at
// each byte Go's unicode.IsSpace takes (0x85 and 0xA0 among them): read at blanks, such a flag
// would hide a later --from=, a mount's from=, or a FROM's image.
describe('Dockerfile flags BuildKit reads through quotes and escapes', () => {
  it.each([
    ['an escape in the flag name', `FROM alpine\nCOPY --fr\\om=${EVIL} /a /b\n`],
    [
      'an escape in a mount field',
      `FROM alpine\nRUN --mount=type=bind,fr\\om=${EVIL},target=/t true\n`,
    ],
    [
      'a quoted blank before a mount',
      `FROM alpine\nRUN --mount="type=cache,target=/my dir" --mount=type=bind,from=${EVIL},target=/t true\n`,
    ],
    [
      'an escaped blank before a mount',
      `FROM alpine\nRUN --mount=type=cache,target=/a\\ b --mount=type=bind,from=${EVIL},target=/t true\n`,
    ],
    [
      'a quoted blank before --from',
      `FROM alpine\nCOPY --chmod=644 --exclude="a b" --from=${EVIL} /a /b\n`,
    ],
    ['single quotes', `FROM alpine\nCOPY --exclude='a b' --from=${EVIL} /a /b\n`],
    ['the backtick escape', `# escape=\`\nFROM alpine\nCOPY --fr\`om=${EVIL} /a /b\n`],
    ['an escaped blank in FROM --platform', `FROM --platform=linux\\ signed.example/b:1 ${EVIL}\n`],
    ['a byte Go reads as a space', `FROM alpine\nCOPY --chmod=644\u00a0--from=${EVIL} /a /b\n`],
    ['any other non-ASCII byte', `FROM alpine\nCOPY --chown=ü --from=${EVIL} /a /b\n`],
  ])('%s: refused', (_what, text) => {
    expect(() => images(text)).toThrow(REFUSED);
  });

  it('still reads plain flags, as before', () => {
    expect(
      images(
        `FROM --platform=linux/amd64 alpine AS base\nCOPY --chmod=644 --from=${EVIL} /a /b\nRUN --mount=type=bind,from=other.example/y:2,target=/t true\nCOPY --from=base /a /b\n`,
      ),
    ).toEqual(['alpine', EVIL, 'other.example/y:2']);
  });

  it('reads quotes after the flags (the command) as before', () => {
    expect(images(`FROM alpine\nRUN --network=none echo "a b" 'c'\n`)).toEqual(['alpine']);
  });
});

describe('file names', () => {
  it.each([
    'Dockerfile-prod',
    'Dockerfile_dev',
    'dockerfile.prod',
    'api.Dockerfile',
    'api-dockerfile',
  ])('%s given with --from is read as a Dockerfile', async (name) => {
    const f = path.join(dir, name);
    await writeFile(f, `FROM ${EVIL}\nRUN true\n`);
    expect((await found([f])).images).toEqual([EVIL]);
  });

  it('a directory walk reads Dockerfile-prod too', async () => {
    const d = path.join(dir, 'walk');
    await mkdir(d);
    await writeFile(path.join(d, 'Dockerfile-prod'), `FROM ${EVIL}\n`);
    expect((await found([d])).images).toEqual([EVIL]);
  });

  it('a Pod in dockerfile.yaml is read as YAML (kubectl applies it by its extension)', async () => {
    const d = path.join(dir, 'deploy');
    await mkdir(d);
    await writeFile(
      path.join(d, 'dockerfile.yaml'),
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: ${EVIL}\n`,
    );
    expect((await found([d])).images).toEqual([EVIL]);
  });

  it('a YAML file that is one scalar (a Dockerfile under another name) is refused', async () => {
    const f = path.join(dir, 'build.yaml');
    await writeFile(f, `FROM ${EVIL}\nWORKDIR /app\nRUN npm ci\n`);
    await expect(found([f])).rejects.toThrow(/is a YAML scalar, not a Kubernetes object/);
  });

  it('an empty YAML file or document still names nothing', async () => {
    const f = path.join(dir, 'empty.yaml');
    await writeFile(f, `---\n# nothing\n---\n`);
    expect(await found([f])).toEqual({ images: [], empty: [f] });
  });
});

describe('a .env given alone', () => {
  it('stands for every Compose-named file beside it, default-named or not', async () => {
    const d = path.join(dir, 'env');
    await mkdir(d);
    await writeFile(path.join(d, '.env'), 'APP=web\n');
    await writeFile(
      path.join(d, 'docker-compose.prod.yml'),
      'services:\n  a:\n    image: ghcr.io/acme/${APP}:1\n',
    );
    await writeFile(
      path.join(d, 'compose.staging.yaml'),
      'services:\n  b:\n    image: ghcr.io/acme/${APP}-b:1\n',
    );
    await writeFile(path.join(d, 'other.yaml'), 'kind: ConfigMap\n');
    const got = await found([path.join(d, '.env')]);
    expect(got.images.sort()).toEqual(['ghcr.io/acme/web-b:1', 'ghcr.io/acme/web:1']);
  });
});
