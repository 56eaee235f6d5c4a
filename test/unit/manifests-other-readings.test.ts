// Text kubectl and docker compose read differently from this reader, each of which hid a
// deployed image (review round, edges): UTF-16 files (cli-runtime's BOMOverride, go-yaml v4),
// libyaml's YAML 1.1 line breaks ending a `#` comment (lone CR, NEL, LS, PS), a byte order mark
// opening a later document, the variables compose-go interpolates included and extended files
// with, and a second assignment after a quoted .env value. Each is read as they read it or
// refused naming the file and line; never "no images".
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GateError } from '../../src/core/errors.js';
import { findImages } from '../../src/core/manifests/files.js';
import { runCli } from '../helpers/run-dist.js';

const EVIL = 'evil.example/x:1';
const POD = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: ${EVIL}\n`;

async function dir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'ig-readings-'));
}
async function images(file: string): Promise<string[]> {
  return (await findImages({ paths: [file], lists: [], env: {} })).occurrences.map((o) => o.image);
}
async function refusal(file: string): Promise<string> {
  try {
    await findImages({ paths: [file], lists: [], env: {} });
  } catch (e: unknown) {
    expect(e).toBeInstanceOf(GateError);
    expect((e as GateError).code).toBe('USAGE');
    return (e as GateError).message;
  }
  throw new Error('expected a refusal');
}
async function file(name: string, body: string | Buffer): Promise<string> {
  const f = path.join(await dir(), name);
  await writeFile(f, body);
  return f;
}

describe('encodings: UTF-8 only, anything else refused', () => {
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POD, 'utf16le')]);
  const utf16be = Buffer.from([0xfe, 0xff, ...Buffer.from(POD, 'utf16le').swap16()]);
  it.each([
    ['UTF-16 LE with its mark', utf16le, /is UTF-16 \(little-endian byte order mark\)/],
    ['UTF-16 BE with its mark', utf16be, /is UTF-16 \(big-endian byte order mark\)/],
    ['UTF-16 LE without a mark', Buffer.from(POD, 'utf16le'), /holds a NUL character/],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from(POD), Buffer.from([0xc3, 0x28])]),
      /not valid UTF-8/,
    ],
  ])('%s, as a manifest and as a compose.yaml', async (_name, bytes, why) => {
    for (const name of ['pod.yaml', 'compose.yaml']) {
      const f = await file(name, bytes);
      const msg = await refusal(f);
      expect(msg.startsWith(`${f}: `), msg).toBe(true);
      expect(msg).toMatch(why);
    }
  });
  it('a UTF-8 byte order mark at the start is read (kubectl and Compose skip it)', async () => {
    expect(await images(await file('pod.yaml', `\ufeff${POD}`))).toEqual([EVIL]);
  });
  it('a UTF-16 .env beside a Compose file is refused too', async () => {
    const d = await dir();
    await writeFile(
      path.join(d, '.env'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('TAG=1\n', 'utf16le')]),
    );
    await writeFile(
      path.join(d, 'compose.yaml'),
      'services:\n  a:\n    image: r.example/a:${TAG}\n',
    );
    expect(await refusal(path.join(d, 'compose.yaml'))).toMatch(/\.env: is UTF-16/);
  });
  it('verify --from a UTF-16 manifest exits 2 (it passed with the image unverified)', async () => {
    const f = await file('pod.yaml', utf16le);
    const r = await runCli([
      'verify',
      '--trusted-root',
      'examples/trusted_root.json',
      '--key',
      'examples/cosign.pub',
      'oci-layout://examples/layout:signed',
      '--from',
      f,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is UTF-16');
  });
});

describe('line breaks libyaml honours and YAML 1.2 does not: refused, naming the line', () => {
  const hidden = (sep: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n# note${sep}spec:${sep}  containers:${sep}  - name: a${sep}    image: ${EVIL}\n`;
  it.each([
    ['a lone CR', '\r', /:5: a carriage return not followed by a line feed/],
    ['NEL', '\u0085', /:5: U\+0085 \(a line break to kubectl and Compose/],
    ['LS', '\u2028', /:5: U\+2028/],
    ['PS', '\u2029', /:5: U\+2029/],
  ])('%s in a Kubernetes comment', async (_name, sep, why) => {
    expect(await refusal(await file('pod.yaml', hidden(sep)))).toMatch(why);
  });
  it('LS in a Compose comment (go-yaml v4 starts a service there)', async () => {
    const f = await file(
      'compose.yaml',
      `services:\n  web:\n    image: good.example/x:1\n# note\u2028  evil:\u2028    image: ${EVIL}\n`,
    );
    expect(await refusal(f)).toMatch(/compose\.yaml:4: U\+2028/);
  });
  it('CRLF line ends are read as they are everywhere', async () => {
    expect(await images(await file('pod.yaml', POD.replace(/\n/g, '\r\n')))).toEqual([EVIL]);
  });
  it('a byte order mark opening a later document (yaml.v2 drops it; its apiVersion was lost)', async () => {
    const f = await file(
      'task.yaml',
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n\ufeffapiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: t}\nspec:\n  steps:\n  - name: s\n    image: ${EVIL}\n`,
    );
    expect(await refusal(f)).toMatch(/task\.yaml:5: a byte order mark \(U\+FEFF\) after the start/);
  });
});

describe('Compose variables for files another one loads, as compose-go gives them', () => {
  it("include: the includer's variables first, the included directory's .env for the rest", async () => {
    const d = await dir();
    await mkdir(path.join(d, 'sub'));
    await writeFile(path.join(d, '.env'), 'TAG=evil\n');
    await writeFile(path.join(d, 'sub', '.env'), 'TAG=1.0\nOTHER=2\n');
    await writeFile(path.join(d, 'compose.yaml'), 'include:\n  - sub/compose.yaml\n');
    await writeFile(
      path.join(d, 'sub', 'compose.yaml'),
      'services:\n  app:\n    image: reg.example/app:${TAG:-1.0}\n  b:\n    image: reg.example/b:${OTHER}\n',
    );
    expect((await images(path.join(d, 'compose.yaml'))).sort()).toEqual([
      'reg.example/app:evil',
      'reg.example/b:2',
    ]);
  });
  it("extends.file: the extending file's variables, never the extended file's .env", async () => {
    const d = await dir();
    await mkdir(path.join(d, 'sub'));
    await writeFile(path.join(d, '.env'), 'TAG=evil\n');
    await writeFile(path.join(d, 'sub', '.env'), 'TAG=1.0\nONLY=sub\n');
    await writeFile(
      path.join(d, 'compose.yaml'),
      'services:\n  web:\n    extends:\n      file: sub/base.yaml\n      service: app\n',
    );
    await writeFile(
      path.join(d, 'sub', 'base.yaml'),
      'services:\n  app:\n    image: reg.example/app:${TAG}-${ONLY:-none}\n',
    );
    expect(await images(path.join(d, 'compose.yaml'))).toEqual(['reg.example/app:evil-none']);
  });
});

describe('.env: one assignment per line', () => {
  it('the refusal names the line, never the values on it (a .env may hold secrets)', async () => {
    for (const env of ['TAG="1.0" TOKEN=hunter2secret\n', 'TOKEN="hunter2secret\n']) {
      const d = await dir();
      await writeFile(path.join(d, '.env'), env);
      await writeFile(
        path.join(d, 'compose.yaml'),
        'services:\n  app:\n    image: reg.example/app:${TAG}\n',
      );
      const msg = await refusal(path.join(d, 'compose.yaml'));
      expect(msg).toMatch(/\.env line 1: /);
      expect(msg).not.toContain('hunter2secret');
    }
  });

  it.each([
    ['TAG="1.0" TAG=evil\n', true],
    ["TAG='1.0' X=1\n", true],
    ['TAG="1.0" # a comment\n', false],
    ['TAG="1.0"   \n', false],
  ])('%j', async (env, refused) => {
    const d = await dir();
    await writeFile(path.join(d, '.env'), env);
    await writeFile(
      path.join(d, 'compose.yaml'),
      'services:\n  app:\n    image: reg.example/app:${TAG}\n',
    );
    if (refused)
      expect(await refusal(path.join(d, 'compose.yaml'))).toMatch(
        /\.env line 1: text after the closing quote/,
      );
    else expect(await images(path.join(d, 'compose.yaml'))).toEqual(['reg.example/app:1.0']);
  });
});
