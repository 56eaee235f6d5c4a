// CPU per signature verification, in process (`tsx scripts/bench-verify-cpu.ts --src DIR
// [--src DIR2 …] [--n 300] [--reps 5]`): signs N key-signed legacy, keyless legacy and keyless
// bundle signatures with the test Sigstore, then verifies each list REPS times through each
// DIR/core/signatures/verifier.ts (this tree's src, or another checkout's), the trees' passes
// alternating, and prints user+system CPU ms per verification for each kind and tree (median
// over reps, after one warm-up pass) and each later tree's median ratio to the first. No network
// and no process start: the signature layer alone.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createTestSigstore } from '../test/helpers/test-sigstore.js';

const { values: argv } = parseArgs({
  options: {
    src: { type: 'string', multiple: true, default: [path.join(import.meta.dirname, '..', 'src')] },
    n: { type: 'string', default: '300' },
    reps: { type: 'string', default: '5' },
    kinds: { type: 'string', default: 'key,keyless,bundle' },
  },
});
const N = Number(argv.n);
const REPS = Number(argv.reps);
type VerifierModule = typeof import('../src/core/signatures/verifier.js');
// Every tree in one process, its passes alternating with the others': load on a shared machine
// drifts over seconds, so trees measured side by side see the same machine.
const trees = await Promise.all(
  argv.src!.map(async (dir) => ({
    dir,
    mod: (await import(path.resolve(dir, 'core/signatures/verifier.ts'))) as VerifierModule,
  })),
);

const ISSUER = 'https://token.actions.githubusercontent.com';
const SAN = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const ss = await createTestSigstore();
const key = ss.generateKeyPair();
const digest = (i: number) => `sha256:${i.toString(16).padStart(64, '0')}`;
const REF = '127.0.0.1:5000/bench/app';
const keySigs = Array.from({ length: N }, (_, i) =>
  ss.signLegacyKey({
    imageDigest: digest(i),
    dockerReference: REF,
    privateKey: key.privateKey,
    publicKey: key.publicKey,
  }),
);
const keylessSigs = Array.from({ length: N }, (_, i) =>
  ss.signLegacyKeyless({
    imageDigest: digest(i),
    dockerReference: REF,
    identity: SAN,
    issuer: ISSUER,
  }),
);
const bundles = Array.from(
  { length: N },
  (_, i) =>
    JSON.parse(
      ss
        .signBundle({ imageDigest: digest(i), signer: { identity: SAN, issuer: ISSUER } })
        .bytes.toString(),
    ) as unknown,
);
const base = { requireTlog: true, requireSct: true };
const verificationKey = {
  keyRef: 'k',
  keyID: 'k',
  publicKey: key.publicKey,
  spki: key.publicKey.export({ type: 'spki', format: 'der' }),
  pem: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  algorithm: 'ecdsa-p256',
};
const runs = trees.map(({ mod }) => {
  const keyV = mod.createSignatureVerifier(ss.trustedRoot, {
    ...base,
    keys: [verificationKey],
    identities: [],
  });
  const keylessV = mod.createSignatureVerifier(ss.trustedRoot, {
    ...base,
    keys: [],
    identities: [{ subject: { exact: SAN }, issuer: { exact: ISSUER } }] as never,
  });
  return {
    key: () =>
      keySigs.forEach((s, i) =>
        keyV.verifyLegacy({ payload: s.payload, annotations: s.annotations }, digest(i)),
      ),
    keyless: () =>
      keylessSigs.forEach((s, i) =>
        keylessV.verifyLegacy({ payload: s.payload, annotations: s.annotations }, digest(i)),
      ),
    bundle: () =>
      bundles.forEach((b, i) => keylessV.verifyBundle(b, { digest: digest(i) }, 'bundle-referrer')),
  };
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const out: Record<string, Record<string, number>> = {};
for (const k of argv.kinds!.split(',') as Array<'key' | 'keyless' | 'bundle'>) {
  const xs: number[][] = trees.map(() => []);
  for (let r = -1; r < REPS; r++) {
    runs.forEach((run, t) => {
      const before = process.cpuUsage();
      run[k]();
      const u = process.cpuUsage(before);
      if (r >= 0) xs[t]!.push((u.user + u.system) / 1000 / N);
    });
  }
  trees.forEach(({ dir }, t) => ((out[dir] ??= {})[k] = +median(xs[t]!).toFixed(3)));
  for (let t = 1; t < trees.length; t++)
    (out[`${trees[t]!.dir} / ${trees[0]!.dir}`] ??= {})[k] = +median(
      xs[t]!.map((x, i) => x / xs[0]![i]!),
    ).toFixed(3);
}
process.stdout.write(`${JSON.stringify({ n: N, reps: REPS, cpuMsPerVerification: out })}\n`);
