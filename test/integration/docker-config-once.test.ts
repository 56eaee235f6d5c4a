// Issue 13 item 5, the Docker config: one that cannot be read or that `docker` would refuse is the
// run's error (the report's `error`, exit 2), said once and naming the file, not once per image.
// A batch of three images on the real docker-registry behind htpasswd (so every image asks for
// credentials), through dist/cli.js and dist/index.js, for each way a config can be bad.
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { startRegistry, type StartedRegistry } from '../helpers/registry-process.js';
import { runAction, runCli } from '../helpers/run-dist.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EX = path.join(ROOT, 'examples');
const TRUST = ['--trusted-root', path.join(EX, 'trusted_root.json')];
const KEY = path.join(EX, 'cosign.pub');

let reg: StartedRegistry;
let work: string;
let images: string[];

beforeAll(async () => {
  reg = await startRegistry({ auth: 'htpasswd' });
  work = await mkdtemp(path.join(tmpdir(), 'docker-config-once-'));
  images = ['api', 'web', 'worker'].map((r) => `${reg.host}/acme/${r}:1`);
});
afterAll(async () => {
  await reg.stop();
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

/**
 * Each case makes DOCKER_CONFIG and says which file the message must name and what it says.
 * The registry host is known only once it runs, so the configs are made inside the tests.
 */
const CASES: Array<{
  name: string;
  root?: boolean;
  make: (dir: string) => Promise<{ dockerConfig: string; file: string; said: string }>;
}> = [
  { name: 'config.json not JSON', make: (d) => configJson(d, '{"auths": {', 'not JSON') },
  { name: 'config.json a JSON list', make: (d) => configJson(d, '[]', 'not a JSON object') },
  {
    name: 'auths not an object',
    make: (d) => configJson(d, '{"auths": "ghcr.io"}', 'auths is not an object'),
  },
  {
    name: "the registry's auth not base64",
    make: (d) =>
      configJson(
        d,
        JSON.stringify({ auths: { [reg.host]: { auth: '%%%not-base64' } } }),
        `auths["${reg.host}"].auth is not base64 of user:password`,
      ),
  },
  {
    name: "the registry's auth base64 without user:password",
    make: (d) =>
      configJson(
        d,
        JSON.stringify({ auths: { [reg.host]: { auth: b64(reg.password ?? 'pw') } } }),
        `auths["${reg.host}"].auth is not base64 of user:password`,
      ),
  },
  {
    name: 'a credHelpers value that is not a helper name',
    make: (d) =>
      configJson(
        d,
        JSON.stringify({ credHelpers: { [reg.host]: '../../bin/sh' } }),
        `credHelpers["${reg.host}"] is not a credential helper name`,
      ),
  },
  {
    name: 'config.json a directory',
    make: async (d) => {
      await mkdir(path.join(d, 'config.json'), { recursive: true });
      return { dockerConfig: d, file: path.join(d, 'config.json'), said: 'cannot read' };
    },
  },
  {
    name: 'DOCKER_CONFIG a file',
    make: async (d) => {
      const file = path.join(d, 'not-a-dir');
      await writeFile(file, '{}');
      return { dockerConfig: file, file: path.join(file, 'config.json'), said: 'cannot read' };
    },
  },
  {
    name: 'config.json unreadable',
    root: false,
    make: async (d) => {
      const r = await configJson(d, '{}', 'cannot read');
      await chmod(r.file, 0o000);
      return r;
    },
  },
];

async function configJson(dir: string, text: string, said: string) {
  const file = path.join(dir, 'config.json');
  await writeFile(file, text);
  return { dockerConfig: dir, file, said };
}

/** How many times `needle` occurs in `hay`. */
function count(hay: string, needle: string): number {
  return hay.split(needle).length - 1;
}

const isRoot = process.getuid?.() === 0;

describe.each(CASES)('a Docker config with $name', (c) => {
  it.skipIf(c.root === false && isRoot)(
    'CLI: exit 2, said once on stderr naming the file; the JSON report has it as its error',
    async () => {
      const { dockerConfig, file, said } = await c.make(await mkdtemp(path.join(work, 'c-')));
      const text = await runCli(['verify', ...TRUST, '--key', KEY, ...images], {
        DOCKER_CONFIG: dockerConfig,
      });
      expect(text.code, text.stderr).toBe(2);
      expect(text.stderr).toMatch(
        new RegExp(`^image-gate: docker config ${esc(file)}: ${esc(said)}`, 'm'),
      );
      expect(count(text.stdout + text.stderr, `docker config ${file}`)).toBe(1);
      expect(text.stdout).toContain('3 image(s): 0 verified, 0 failed, 3 error(s)');

      const json = await runCli(['verify', ...TRUST, '--key', KEY, '-o', 'json', ...images], {
        DOCKER_CONFIG: dockerConfig,
      });
      expect(json.code).toBe(2);
      const report = JSON.parse(json.stdout) as Report;
      expect(report.outcome).toBe('error');
      expect(report.error?.code).toBe('USAGE');
      expect(report.error?.message.startsWith(`docker config ${file}: ${said}`)).toBe(true);
      expect(report.results.map((r) => r.outcome)).toEqual(['error', 'error', 'error']);
    },
  );

  it.skipIf(c.root === false && isRoot)(
    'Action: the step fails with one ::error naming the file; outcome error, 3 errors',
    async () => {
      const { dockerConfig, file, said } = await c.make(await mkdtemp(path.join(work, 'a-')));
      const ran = await runAction(
        {
          images: images.join('\n'),
          key: KEY,
          'trusted-root': path.join(EX, 'trusted_root.json'),
        },
        { DOCKER_CONFIG: dockerConfig },
      );
      expect(ran.code).not.toBe(0);
      // As for a missing key: one annotation for the run, the step's failure message, and no
      // annotation per image.
      const errors = ran.stdout.split('\n').filter((l) => l.startsWith('::error'));
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatch(
        new RegExp(
          `^::error title=image-gate::3 image\\(s\\) not verified: docker config ${esc(file)}: ${esc(said)}`,
        ),
      );
      expect(errors[1]).toMatch(
        new RegExp(`^::error::image-gate: docker config ${esc(file)}: ${esc(said)}`),
      );
      expect(ran.outputs.outcome).toBe('error');
      expect(ran.outputs['error-count']).toBe('3');
      expect(count(ran.summary, `The run could not start: USAGE: docker config ${file}`)).toBe(1);
    },
  );
});

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
