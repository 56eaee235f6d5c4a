// The CLI's help texts: one per command (`image-gate COMMAND --help`, `image-gate help COMMAND`)
// and the overview. The verify options come from the shared option table (src/edge/options.ts).
import { verifyHelp } from '../edge/options.js';
import { IMAGES_HELP } from './images.js';
import { PIN_HELP } from './pin-args.js';
import { REVOKE_HELP } from './revoke-args.js';

export const CLI_RUN_HELP: Array<[string, string]> = [
  [
    '--output FORMAT[=PATH]',
    'text, json, junit or markdown on stdout (default text);\nFORMAT=PATH writes a file too; repeatable',
  ],
  ['--report FILE', 'also write the JSON report to FILE (its directory is created)'],
  [
    '--files',
    'the arguments are files to read images from (as --from each), not image\nreferences; files that name no image pass (for pre-commit hooks)',
  ],
  ['-q, --quiet', 'print only the images that failed or errored (and run errors)'],
  ['--verbose', 'also print the HTTP trace (the lines the Action writes to its debug log)'],
  ['--registry HOST', 'the registry host the --registry-* credentials below are for'],
  ['--registry-username U', 'username for --registry (with --registry-password-stdin or -token)'],
  ['--registry-password-stdin', 'read the password for --registry from stdin'],
  [
    '--registry-token T',
    'a token for --registry, sent as the password (user: --registry-username,\nelse "token"); the Docker config is used for every other registry',
  ],
];

const EXIT_CODES = `Exit codes: 0 every image verified; 1 supply-chain failure (unsigned, wrong signer, bad signature,
missing tlog entry, image not found); 2 infrastructure or usage error.`;

export const HELP: Record<string, string> = {
  main: `image-gate: verify container image signatures, transparency-log entries and attestations

Usage:
  image-gate verify [options] <image>...
  image-gate verify-bundle --bundle FILE (--certificate-identity I --certificate-oidc-issuer U | --key K) [--trusted-root F] <file|sha256:digest>
  image-gate merge [--output FORMAT[=PATH]]... [--report FILE] <report.json|dir>...
                                     merge shard reports of a job matrix into one verdict
  image-gate images [--output text|json] [--images-file FILE|-] <file|dir>...
                                     list the image references in Compose, Kubernetes,
                                     Dockerfile and list files (verify them: verify --from)
  image-gate pin [options] <file|dir>...
                                     verify the images the files name, then rewrite each
                                     reference to NAME:TAG@DIGEST (--check: list unpinned ones)
  image-gate revoke --list FILE --kind KIND ... --reason TEXT --key KEY
                                     add an entry to a revocation list and sign it
  image-gate --version

Images: registry references (ghcr.io/org/app:1.2, nginx@sha256:...), oci-layout://DIR[:tag|@digest],
s3://bucket/image:tag, local://root/image:tag.

${EXIT_CODES}

Run 'image-gate COMMAND --help' for a command's options (verify, verify-bundle, merge, images, pin, revoke).`,
  verify: `Usage: image-gate verify [options] <image>...

${verifyHelp(CLI_RUN_HELP)}

Colour: on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on (FORCE_COLOR=0 off).
${EXIT_CODES}`,
  'verify-bundle': `Usage: image-gate verify-bundle --bundle FILE (--certificate-identity I --certificate-oidc-issuer U | --key K) [options] <file|sha256:digest>

Verifies a standalone Sigstore bundle (cosign sign-blob --bundle, actions/attest) for a file or
a sha256 digest.

  --bundle FILE                      the Sigstore bundle (JSON), required
  --certificate-identity S           keyless: certificate SAN, exact match
  --certificate-oidc-issuer S        keyless: OIDC issuer, exact match
  --key REF                          a public key instead of an identity
  --trusted-root FILE                use this trusted_root.json (private Sigstore deployments)
  --offline                          use the trusted root built into image-gate
  --insecure-ignore-tlog             do not require a Rekor entry (a key-signed revocation list)

${EXIT_CODES}`,
  merge: `Usage: image-gate merge [options] <report.json|dir>...

Merges the JSON reports of a job matrix's shards (files, or directories of *.json) into one
report and verdict; a shard missing, repeated or from another policy is an error, and so,
for verify --shard I/N runs, is an index 1..N missing or given twice, or a shard of another list.

  --output FORMAT[=PATH]             text, json, junit or markdown on stdout (default text);
                                     FORMAT=PATH writes a file too; repeatable
  --report FILE                      also write the merged JSON report to FILE
  -q, --quiet                        print only the images that failed or errored
  --shard-key KEY                    refuse any report not signed by KEY (its FILE.sigstore.json,
                                     from verify --summary-key --report FILE); without --shard-*
                                     the files are trusted as given
  --shard-identity S                 ... or signed keyless by the certificate SAN S (exact)
  --shard-oidc-issuer S              the OIDC issuer of --shard-identity (exact)
  --trusted-root FILE                the trusted_root.json the shard bundles verify against
  --offline                          use the trusted root built into image-gate (default: TUF)

${EXIT_CODES}`,
  images: IMAGES_HELP,
  pin: PIN_HELP,
  revoke: REVOKE_HELP,
};

/**
 * The text `image-gate help TOPIC` prints: the topic's own entry only (never one inherited from
 * Object.prototype, such as `__proto__` or `constructor`), else the main help.
 */
export function helpText(topic: string | undefined): string {
  return topic !== undefined && Object.hasOwn(HELP, topic) ? HELP[topic] : HELP.main;
}
