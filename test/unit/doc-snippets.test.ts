// Every code block in docs/ci/ names the file it stands for, and every doc there is run by a
// test that writes all its snippets (writeSnippets) or picks them by name (snippet): a doc that
// no test reads would drift from what the gate does.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snippetsOf } from '../helpers/doc-snippets.js';

const ROOT = resolve(import.meta.dirname, '../..');

async function testSources(): Promise<string> {
  const texts: string[] = [];
  for (const tier of ['unit', 'integration']) {
    for (const f of await readdir(join(ROOT, 'test', tier)))
      if (f.endsWith('.ts')) texts.push(await readFile(join(ROOT, 'test', tier, f), 'utf8'));
  }
  return texts.join('\n');
}

const docs = (await readdir(join(ROOT, 'docs/ci')).catch(() => [] as string[]))
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/ci/${f}`);

describe.runIf(docs.length > 0)('docs/ci snippets', () => {
  it.each(docs)('%s: every code block names its file, and a test reads the doc', async (doc) => {
    const blocks = await snippetsOf(doc);
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(b.file, `${doc}:${b.line} has no file=`).toBeTruthy();
    const sources = await testSources();
    expect(sources, `no test calls writeSnippets/snippet on ${doc}`).toMatch(
      new RegExp(`(writeSnippets|snippet)\\(\\s*'${doc.replace(/[.]/g, '\\.')}'`),
    );
  });
});

describe('snippetsOf', () => {
  it('reads the fence, the language, the file= attribute and the line', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'snip-'));
    const md = join(dir, 'x.md');
    await writeFile(
      md,
      'text\n\n```yaml file=.gitlab-ci.yml\na: 1\n```\n\n````sh file="run me.sh"\necho ```\n````\n',
    );
    const got = await snippetsOf(md);
    expect(got).toEqual([
      { lang: 'yaml', file: '.gitlab-ci.yml', text: 'a: 1\n', line: 3 },
      { lang: 'sh', file: 'run me.sh', text: 'echo ```\n', line: 7 },
    ]);
  });
});
