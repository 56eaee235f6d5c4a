// `image-gate pin`'s command shape and help, apart from its run so `--help` loads no core.
import type { GateOptions } from '../core/options.js';
import type { OutputFile } from './outputs.js';

interface PinPaths {
  command: 'pin';
  paths: string[];
  imagesFile?: string;
  /** `--compose-env`: the environment variables the files' Compose interpolation may read. */
  composeEnv?: string[];
  output: 'text' | 'json';
}

export type PinCommand =
  | (PinPaths & { check: true })
  | (PinPaths & {
      check: false;
      options: GateOptions;
      outputFiles: OutputFile[];
      reportPath?: string;
      quiet: boolean;
      verbose: boolean;
      passwordStdin?: { registry: string; username: string };
    });

export const PIN_HELP = `Usage: image-gate pin [verify options] PATH...
       image-gate pin --check [--output text|json] [--images-file FILE|-] PATH...

Verifies every image the files name (Compose, Kubernetes, Dockerfile; --images-file lists), as
'verify --from PATH' does, with the same options (image-gate verify --help). Only when every
image verified, rewrites each reference in place to NAME:TAG@sha256:DIGEST, the digest verified
(an index's own digest for a multi-arch image), the reference spelled as written. Nothing else in
the file changes: quotes, comments, anchors, line endings and the file mode are kept, and each
file is replaced atomically. A reference already pinned is verified by its digest and left as it
is. If any image is not verified, no file is written (exit 1, or 2 for an error).

A Dockerfile FROM $BASE (or \${BASE}) is pinned where it is written: at its ARG BASE=
default. A reference that is not written out literally (Compose \${VAR} interpolation, a FROM
that builds the name from ARGs such as \${REG}/app:1, YAML escapes) cannot be pinned in place:
pin refuses the run naming FILE:LINE and the text, before verifying or writing anything
(exit 2). Pin the value where it is set.

Prints FILE:LINE: OLD -> NEW per rewrite and a summary; --output json prints
{"written","rewrites":[{"file","line","kind","from","to","digest"}],"unchanged","report"}.
FORMAT=PATH and --report write the verify report.

  --check                            no verification, keys or network: print FILE:LINE: REF is
                                     not pinned by digest for every such reference; exit 1 if
                                     any, 0 if none (the pre-commit hook image-gate-pinned)

Exit codes: 0 pinned (or, with --check, every reference pinned); 1 an image not verified, or
with --check a reference not pinned; 2 a usage error, or a file that cannot be read, parsed or
pinned in place.`;
