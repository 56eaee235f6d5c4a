// Issue 14 item 4: image-gate names itself from one place (report.ts TOOL and TOOL_URI). A
// verification summary's `verifier` and a signed report's predicate type are taken from there,
// and there is held to package.json (name, version; homepage or repository when it names one)
// and to the repository the README tells users to take the Action from.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOL, TOOL_URI, type ImageResult } from '../../src/core/report.js';
import { REPORT_PREDICATE_TYPE } from '../../src/core/summaries/report-signature.js';
import { summaryStatement, type VsaPredicate } from '../../src/core/summaries/statement.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
};
const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');

/** `git+https://github.com/o/r.git`, `github:o/r`, `https://github.com/o/r#readme` -> URL. */
function repositoryUrl(v: string): string {
  const short = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(v);
  if (short) return `https://github.com/${short[1]}`;
  return v
    .replace(/^git\+/, '')
    .replace(/#.*$/, '')
    .replace(/\.git$/, '');
}

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const verified: ImageResult = {
  image: 'ghcr.io/acme/app:v1',
  digest: DIGEST,
  pinned: `ghcr.io/acme/app@${DIGEST}`,
  outcome: 'verified',
  verified: true,
  signatures: [],
  attestations: [],
  durationMs: 1,
};

describe("image-gate's name, version and URI", () => {
  it("are package.json's name and version", () => {
    expect(TOOL).toEqual({ name: pkg.name, version: pkg.version });
  });

  it("the URI is package.json's homepage and repository, where it names them", () => {
    for (const v of [
      pkg.homepage,
      typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url,
    ])
      if (v !== undefined) expect(repositoryUrl(v)).toBe(TOOL_URI);
    expect(repositoryUrl('git+https://github.com/acme/image-gate.git')).toBe(TOOL_URI);
    expect(repositoryUrl('github:acme/image-gate')).toBe(TOOL_URI);
  });

  it('the URI is the repository every README workflow takes the Action from', () => {
    const uses = [...readme.matchAll(/uses: ([\w.-]+\/image-gate)@/g)].map((m) => m[1]);
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(`https://github.com/${u}`).toBe(TOOL_URI);
  });

  it('a verification summary names it as its verifier, with the version', () => {
    const st = summaryStatement(verified, {
      policyDigest: DIGEST,
      timeVerified: '2026-01-01T00:00:00Z',
    });
    const p = st?.predicate as VsaPredicate;
    expect(p.verifier).toEqual({
      id: 'https://github.com/acme/image-gate',
      version: { 'image-gate': pkg.version },
    });
    expect(p.verifier.id).toBe(TOOL_URI);
  });

  it("a signed report's predicate type is under it", () => {
    expect(REPORT_PREDICATE_TYPE).toBe(`${TOOL_URI}/report/v1`);
  });
});
