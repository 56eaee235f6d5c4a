// Cold start to the first request, A/B: `node scripts/bench-cold.mjs RUNS DIST...` (Node 24) runs
// each DIST's dist/cli.js verify and dist/index.js (the Action, with INPUT_* as the runner sets
// them) against a loopback server that records when its first request arrives, RUNS times with
// the variants interleaved, and prints the medians beside a bare node doing one http.get. The
// bench's own cold-start field (scripts/bench.ts) measures the same thing from inside a process
// that has just run a large batch, which makes it noisier.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const [runsArg = '21', ...dists] = process.argv.slice(2);
const runs = Number(runsArg);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`RUNS: '${runsArg}' is not a count`);
if (dists.length === 0) dists.push(path.join(root, 'dist'));

let first;
const server = createServer((_req, res) => {
  first ??= performance.now();
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const host = `127.0.0.1:${server.address().port}`;
const ref = `${host}/cold/app:1`;
const key = path.join(root, 'examples/cosign.pub');
const trustedRoot = path.join(root, 'examples/trusted_root.json');
const runnerTemp = mkdtempSync(path.join(tmpdir(), 'bench-cold-'));
for (const f of ['out', 'summary']) writeFileSync(path.join(runnerTemp, f), '');
const actionEnv = {
  INPUT_IMAGES: ref,
  INPUT_KEY: key,
  'INPUT_TRUSTED-ROOT': trustedRoot,
  INPUT_SUMMARY: 'false',
  GITHUB_OUTPUT: path.join(runnerTemp, 'out'),
  GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary'),
  RUNNER_TEMP: runnerTemp,
};

const variants = [
  [
    'bare node + http.get',
    [`-e`, `require('http').get('http://${host}/v2/', (r) => r.resume())`],
    {},
  ],
];
for (const d of dists) {
  variants.push([
    `${d}/cli.js`,
    [path.join(d, 'cli.js'), 'verify', '--trusted-root', trustedRoot, '--key', key, ref],
    {},
  ]);
  variants.push([`${d}/index.js`, [path.join(d, 'index.js')], actionEnv]);
}
const times = new Map(variants.map(([name]) => [name, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, args, env] of variants) {
    first = undefined;
    const started = performance.now();
    await new Promise((resolve, reject) =>
      spawn(process.execPath, args, { stdio: 'ignore', env: { ...process.env, ...env } })
        .on('error', reject)
        .on('close', resolve),
    );
    if (first === undefined) throw new Error(`${name} sent no request`);
    times.get(name).push(first - started);
  }
}
server.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, xs] of times)
  console.log(`${name}: ${median(xs).toFixed(0)} ms to the first request (median of ${runs})`);
