// The snippets of a doc, so the tests run what the docs show. A snippet is a fenced code block
// whose info string names the file it stands for:
//
//   ```yaml file=.gitlab-ci.yml
//
// Blocks without `file=` are prose examples and are refused in docs/ci/ (see
// test/unit/doc-snippets.test.ts): every block there is extracted and run by a test.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export interface Snippet {
  /** The info string's first word (`yaml`, `sh`). */
  lang: string;
  /** The `file=` attribute: the path the snippet is written to, relative to a project root. */
  file: string | undefined;
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Every fenced block of the Markdown file (path relative to the repository root). */
export async function snippetsOf(doc: string): Promise<Snippet[]> {
  const lines = (await readFile(resolve(ROOT, doc), 'utf8')).split('\n');
  const out: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*(\S*)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const attrs = open[3] ?? '';
    const file = /(?:^|\s)file=("([^"]+)"|\S+)/.exec(attrs);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j]!.startsWith(fence); j++) body.push(lines[j]!);
    if (j >= lines.length) throw new Error(`${doc}:${i + 1}: code block is not closed`);
    out.push({
      lang: open[2] ?? '',
      file: file ? (file[2] ?? file[1]) : undefined,
      text: body.join('\n') + '\n',
      line: i + 1,
    });
    i = j;
  }
  return out;
}

/** The one snippet of `doc` written for `file`; throws when there is none or more than one. */
export async function snippet(doc: string, file: string): Promise<Snippet> {
  const found = (await snippetsOf(doc)).filter((s) => s.file === file);
  if (found.length !== 1)
    throw new Error(`${doc}: expected one snippet with file=${file}, found ${found.length}`);
  return found[0]!;
}

/**
 * Writes every snippet of `doc` that names a file under `dir` and returns them, so a test runs
 * the whole doc rather than the blocks it remembers to pick. `replace` rewrites placeholders
 * (a registry host, a version) the way a reader would fill them in.
 */
export async function writeSnippets(
  doc: string,
  dir: string,
  replace: Record<string, string> = {},
): Promise<Snippet[]> {
  const all = await snippetsOf(doc);
  for (const s of all) {
    if (!s.file) throw new Error(`${doc}:${s.line}: code block has no file= attribute`);
    let text = s.text;
    for (const [from, to] of Object.entries(replace)) text = text.split(from).join(to);
    const path = join(dir, s.file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  return all;
}
