// A rendering written over the JSON report's own file: the report is written first, so the
// JUnit, Markdown or text file silently replaced it (and a signed report's bundle then covered
// bytes that were gone). Refused in both front ends, as two renderings into one file are.
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { parseCommand } from '../../src/cli/args.js';

describe('--report and --output FORMAT=PATH naming one file', () => {
  it.each(['junit', 'markdown', 'text'])('verify: %s over the report is refused', (format) => {
    expect(() =>
      parseCommand([
        'verify',
        '--key',
        'k.pub',
        '--report',
        'out/r.json',
        '-o',
        `${format}=./out/r.json`,
        'nginx:1',
      ]),
    ).toThrow(
      new RegExp(
        `^--output: '${format}=\\./out/r\\.json' and --report out/r\\.json write the same file`,
      ),
    );
  });
  it('merge too', () => {
    expect(() => parseCommand(['merge', '--report', 'm.json', '-o', 'junit=m.json', 'r/'])).toThrow(
      /write the same file/,
    );
  });
  it('json=FILE is the report itself, and other paths are fine', () => {
    expect(() =>
      parseCommand(['verify', '--key', 'k', '--report', 'r.json', '-o', 'json=r.json', 'nginx:1']),
    ).not.toThrow();
    expect(() =>
      parseCommand(['verify', '--key', 'k', '--report', 'r.json', '-o', 'junit=r.xml', 'nginx:1']),
    ).not.toThrow();
  });
});

describe('junit-path and report-path naming one file', () => {
  const get = (i: Record<string, string>) => (n: string) => i[n] ?? '';
  it('is refused, the default report path too', () => {
    expect(() =>
      readInputs(get({ images: 'nginx:1', 'report-path': 'r.json', 'junit-path': './r.json' }), {}),
    ).toThrow(/^junit-path and report-path name one file/);
    expect(() =>
      readInputs(get({ images: 'nginx:1', 'junit-path': '/rt/image-gate-report.json' }), {
        RUNNER_TEMP: '/rt',
      }),
    ).toThrow(/^junit-path and report-path name one file/);
  });
  it('two paths are fine', () => {
    expect(() =>
      readInputs(get({ images: 'nginx:1', 'report-path': 'r.json', 'junit-path': 'r.xml' }), {}),
    ).not.toThrow();
  });
});
