// Regenerates examples/: an OCI image layout with a signed and an unsigned image, the public
// key that signed, and a trusted_root.json naming the example log that vouches for the signature.
// Run: node scripts/make-example.mjs   (the output is committed; keys are new on every run)
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createExampleLog, generateSigningKey, signLegacy } from './lib/example-signer.mjs';
import { makeImage, makeSignatureManifest, signatureTag, writeLayout } from './lib/oci.mjs';

const out = path.resolve(import.meta.dirname, '..', 'examples');
rmSync(path.join(out, 'layout'), { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const log = createExampleLog();
const key = generateSigningKey();
const signed = makeImage('image-gate example: signed');
const unsigned = makeImage('image-gate example: unsigned');
const sig = signLegacy({ digest: signed.digest, dockerReference: 'example/app', key, log });

writeLayout(path.join(out, 'layout'), [
  { tag: 'signed', content: signed },
  { tag: 'unsigned', content: unsigned },
  { tag: signatureTag(signed.digest), content: makeSignatureManifest([sig]) },
]);
writeFileSync(path.join(out, 'cosign.pub'), key.publicPem);
writeFileSync(path.join(out, 'trusted_root.json'), JSON.stringify(log.trustedRoot, null, 2) + '\n');
console.log(`examples/layout: signed ${signed.digest}, unsigned ${unsigned.digest}`);
