// e2e seed: pushes a signed and an unsigned image to the registry at argv[2] and prints
// GITHUB_OUTPUT lines (signed=, unsigned=, key=, trusted-root=) for the workflow's later steps.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createExampleLog, generateSigningKey, signLegacy } from './lib/example-signer.mjs';
import { makeImage, makeSignatureManifest, push, signatureTag } from './lib/oci.mjs';

const host = process.argv[2] ?? 'localhost:5000';
const dir = mkdtempSync(path.join(process.env.RUNNER_TEMP ?? tmpdir(), 'seed-'));
const log = createExampleLog();
const key = generateSigningKey();
const signed = makeImage(`signed ${Date.now()}`);
const unsigned = makeImage(`unsigned ${Date.now()}`);
await push(host, 'e2e/app', 'signed', signed);
await push(host, 'e2e/app', 'unsigned', unsigned);
const sig = signLegacy({ digest: signed.digest, dockerReference: `${host}/e2e/app`, key, log });
await push(host, 'e2e/app', signatureTag(signed.digest), makeSignatureManifest([sig]));
writeFileSync(path.join(dir, 'cosign.pub'), key.publicPem);
writeFileSync(path.join(dir, 'trusted_root.json'), JSON.stringify(log.trustedRoot));
console.log(`signed=${host}/e2e/app:signed`);
console.log(`unsigned=${host}/e2e/app:unsigned`);
console.log(`key=${path.join(dir, 'cosign.pub')}`);
console.log(`trusted-root=${path.join(dir, 'trusted_root.json')}`);
