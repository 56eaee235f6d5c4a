// `verify --files`: the arguments are files to read images from (as --from each), for pre-commit
// hooks, which append the staged files to the hook's entry. Without it they stay image references.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { helpText } from '../../src/cli/help.js';

const verify = (...argv: string[]) => {
  const c = parseCommand(['verify', ...argv]);
  if (c.command !== 'verify') throw new Error(`not verify: ${c.command}`);
  return c;
};

describe('verify --files', () => {
  it.each<[string, string[], string[], string[]]>([
    ['files before the flags', ['--files', 'compose.yaml', '--key', 'k.pub'], [], ['compose.yaml']],
    [
      'the flag first, trailing files as pre-commit appends them',
      ['--files', '--key', 'k.pub', 'compose.yaml', 'k8s/app.yaml', 'Dockerfile'],
      [],
      ['compose.yaml', 'k8s/app.yaml', 'Dockerfile'],
    ],
    [
      'after --from',
      ['--from', 'a.yaml', '--files', '--key', 'k.pub', 'b.yaml'],
      [],
      ['a.yaml', 'b.yaml'],
    ],
    ['no --files: images', ['--key', 'k.pub', 'compose.yaml'], ['compose.yaml'], []],
  ])('%s', (_what, argv, images, manifests) => {
    const c = verify(...argv);
    expect(c.options.images).toEqual(images);
    expect(c.options.manifests ?? []).toEqual(manifests);
    expect(c.files).toBe(argv.includes('--files') ? true : undefined);
  });

  it('with no file given it is the usual usage error', () => {
    expect(() => verify('--files', '--key', 'k.pub')).toThrow(
      'verify: no image references given (arguments, --from or --images-file)',
    );
  });

  it('takes no value', () => {
    expect(() => verify('--files=a.yaml', '--key', 'k.pub')).toThrow(
      /--files is a switch and takes no value/,
    );
  });

  it('is in verify --help', () => {
    expect(helpText('verify')).toMatch(
      /^ {2}--files {4,}the arguments are files to read images from/m,
    );
  });
});
