// Validates XML with libxml2's xmllint (Debian's libxml2-utils; scripts/test.sh installs it):
// well-formedness always, and a schema when given. The JUnit tests check against
// test/fixtures/junit/junit.xsd, the shape Jenkins and GitLab read.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const XMLLINT = '/usr/bin/xmllint';
export const xmllintAvailable = existsSync(XMLLINT);
export const JUNIT_XSD = path.resolve(import.meta.dirname, '..', 'fixtures', 'junit', 'junit.xsd');

/** xmllint's verdict on `xml` (text) against `schema`: ok, and its messages when not. */
export function xmllint(
  xml: string,
  schema: string | undefined = JUNIT_XSD,
): { ok: boolean; messages: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'xmllint-')), 'doc.xml');
  writeFileSync(file, xml);
  const run = spawnSync(XMLLINT, ['--noout', ...(schema ? ['--schema', schema] : []), file], {
    encoding: 'utf8',
  });
  return { ok: run.status === 0, messages: `${run.stdout}${run.stderr}` };
}

/** One XPath query's string result (`string(...)`, `count(...)`) over `xml`. */
export function xpath(xml: string, expr: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'xpath-')), 'doc.xml');
  writeFileSync(file, xml);
  const run = spawnSync(XMLLINT, ['--xpath', expr, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`xmllint --xpath ${expr}: ${run.stderr}`);
  return run.stdout.replace(/\n$/, '');
}
