// `--output FORMAT` and `--output FORMAT=PATH` (cli/outputs.ts): what goes to stdout, which files
// are written, and the refusals, each naming what the user wrote.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { parseOutputs } from '../../src/cli/outputs.js';

describe('--output', () => {
  it.each<[string[], ReturnType<typeof parseOutputs>]>([
    [[], { stdout: 'text', files: [] }],
    [['json'], { stdout: 'json', files: [] }],
    [['junit'], { stdout: 'junit', files: [] }],
    [['markdown'], { stdout: 'markdown', files: [] }],
    [['junit=out/r.xml'], { stdout: 'text', files: [{ format: 'junit', path: 'out/r.xml' }] }],
    [
      ['json', 'junit=r.xml', 'markdown=s.md', 'text=log.txt'],
      {
        stdout: 'json',
        files: [
          { format: 'junit', path: 'r.xml' },
          { format: 'markdown', path: 's.md' },
          { format: 'text', path: 'log.txt' },
        ],
      },
    ],
    [['json=a=b.json'], { stdout: 'text', files: [{ format: 'json', path: 'a=b.json' }] }],
    [
      ['json=a.json', 'json=b.json'],
      {
        stdout: 'text',
        files: [
          { format: 'json', path: 'a.json' },
          { format: 'json', path: 'b.json' },
        ],
      },
    ],
  ])('%j', (values, want) => expect(parseOutputs(values)).toEqual(want));

  it.each([
    [
      ['yaml'],
      /--output: 'yaml' is not a format \(expected text, json, junit, markdown, or FORMAT=PATH\)/,
    ],
    [['JSON'], /--output: 'JSON' is not a format/],
    [['xml=r.xml'], /--output: 'xml=r\.xml' is not a format/],
    [[''], /--output: '' is not a format/],
    [['junit='], /--output: 'junit=' names no file \(expected junit=PATH\)/],
    [['json', 'text'], /--output: 'json' and 'text' both go to stdout/],
    [['json', 'json'], /both go to stdout/],
    [
      ['junit=r.xml', 'json=./r.xml'],
      /--output: 'junit=r\.xml' and 'json=\.\/r\.xml' write the same file/,
    ],
  ])('refuses %j', (values, msg) => expect(() => parseOutputs(values)).toThrow(msg));

  it('verify and merge take it repeatably, -o too', () => {
    const v = parseCommand([
      'verify',
      '--key',
      'k.pub',
      '-o',
      'json',
      '--output',
      'junit=r.xml',
      'img',
    ]);
    expect(v).toMatchObject({ output: 'json', outputFiles: [{ format: 'junit', path: 'r.xml' }] });
    const m = parseCommand(['merge', '--output', 'markdown=s.md', 'reports/']);
    expect(m).toMatchObject({
      output: 'text',
      outputFiles: [{ format: 'markdown', path: 's.md' }],
    });
    expect(() => parseCommand(['merge', '--output', 'yaml', 'r/'])).toThrow(
      /'yaml' is not a format/,
    );
  });
});
