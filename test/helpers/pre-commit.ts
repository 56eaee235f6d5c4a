// Runs Debian's pre-commit the way a user has it: a hooks repository (this worktree's
// .pre-commit-hooks.yaml, committed and tagged in a temporary git repository, as pre-commit
// clones it), `image-gate` on PATH as `npm install --global` leaves it (dist/cli.js run by the
// Node 24 first on PATH), and a user repository where `git commit` runs the hooks.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export const PRE_COMMIT = '/usr/bin/pre-commit';
export const preCommitAvailable = existsSync(PRE_COMMIT) && existsSync('/usr/bin/git');

export interface Ran {
  code: number | null;
  out: string;
}

export interface PreCommitWorld {
  /** The hooks repository (a path pre-commit clones), tagged `tag`. */
  hooksRepo: string;
  /** The user's repository, with `pre-commit install` done. */
  repo: string;
  env: NodeJS.ProcessEnv;
  git(...args: string[]): Ran;
  /** `git add -A && git commit -m MSG`: the hooks run on the staged files. */
  commit(msg: string): Ran;
  /** Commits on HEAD. */
  commits(): number;
  /** `pre-commit install` in the user's repository, once its config is written. */
  install(): void;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Ran {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/**
 * Makes the hooks repository (tagged `tag`) and an empty user repository; the test writes the
 * user's files (its .pre-commit-config.yaml from the doc) and calls `install()`.
 */
export async function preCommitWorld(tag: string): Promise<PreCommitWorld> {
  const base = await mkdtemp(path.join(tmpdir(), 'pre-commit-'));
  const bin = path.join(base, 'bin');
  await mkdir(bin);
  // What `npm install --global image-gate` puts on PATH: the package's bin, run by `node`.
  await writeFile(
    path.join(bin, 'image-gate'),
    `#!/bin/sh\nexec node ${JSON.stringify(path.join(ROOT, 'dist', 'cli.js'))} "$@"\n`,
  );
  await chmod(path.join(bin, 'image-gate'), 0o755);
  const env: NodeJS.ProcessEnv = {
    PATH: [bin, path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: path.join(base, 'home'),
    PRE_COMMIT_HOME: path.join(base, 'pre-commit-home'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Tester',
    GIT_AUTHOR_EMAIL: 'tester@example.com',
    GIT_COMMITTER_NAME: 'Tester',
    GIT_COMMITTER_EMAIL: 'tester@example.com',
    LANG: 'C.UTF-8',
  };
  await mkdir(env.HOME!);
  const hooksRepo = path.join(base, 'image-gate');
  const repo = path.join(base, 'app');
  await mkdir(hooksRepo);
  await mkdir(repo);
  const inHooks = (...a: string[]) => must(run('git', a, hooksRepo, env), `git ${a.join(' ')}`);
  inHooks('init', '-q', '-b', 'main');
  await copyFile(
    path.join(ROOT, '.pre-commit-hooks.yaml'),
    path.join(hooksRepo, '.pre-commit-hooks.yaml'),
  );
  inHooks('add', '.pre-commit-hooks.yaml');
  inHooks('commit', '-q', '-m', 'hooks');
  inHooks('tag', tag);
  const git = (...a: string[]) => run('git', a, repo, env);
  must(git('init', '-q', '-b', 'main'), 'git init');
  return {
    hooksRepo,
    repo,
    env,
    git,
    install() {
      must(run(PRE_COMMIT, ['install'], repo, env), 'pre-commit install');
    },
    commit(msg) {
      must(git('add', '-A'), 'git add');
      return git('commit', '-q', '-m', msg);
    },
    commits() {
      const r = git('rev-list', '--count', 'HEAD');
      return r.code === 0 ? Number(r.out.trim()) : 0;
    },
  };
}

function must(r: Ran, what: string): Ran {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}: ${r.out}`);
  return r;
}
