// `image-gate pin`: verify the images the files name, then, only when every one verified, rewrite
// each reference in place to NAME:TAG@DIGEST; `--check` lists references not pinned by digest.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GateError, toGateError } from '../core/errors.js';
import { runGate } from '../core/gate.js';
import { groupSources, readFiles, type ReadFile } from '../core/manifests/files.js';
import {
  applyEdits,
  checkReadBack,
  pinnedDigest,
  planPins,
  referenceKey,
  unpinnable,
  type PinEdit,
  type PinProblem,
} from '../core/manifests/pin.js';
import type { ImageOccurrence } from '../core/manifests/types.js';
import { TOOL, type Report } from '../core/report.js';
import { exitCode } from '../core/report-outcome.js';
import { getOctokit } from '../edge/octokit.js';
import { escapeControls as line } from '../edge/sanitize.js';
import { reportJson } from '../render/json.js';
import { renderReportText } from '../render/text.js';
import { writeOutputFiles } from './outputs.js';

import type { PinCommand } from './pin-args.js';

type Io = {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  readStdin?: () => Promise<string>;
};

export async function runPin(cmd: PinCommand, io: Io): Promise<number> {
  const usageError = (err: GateError, problems: PinProblem[] = []): number => {
    if (cmd.output === 'json')
      io.stdout(
        json({
          error: { code: err.code, message: err.message },
          ...(problems.length > 0 ? { problems } : {}),
          tool: TOOL,
        }),
      );
    for (const p of problems)
      io.stderr(`image-gate: ${line(p.file)}:${p.line}: ${line(p.message)}\n`);
    io.stderr(`image-gate: ${line(err.message)}\n`);
    return 2;
  };
  let files: ReadFile[];
  try {
    files = await readFiles({
      paths: cmd.paths,
      lists: cmd.imagesFile !== undefined ? [cmd.imagesFile] : [],
      env: io.env,
      ...(cmd.composeEnv ? { composeEnv: cmd.composeEnv } : {}),
      ...(io.readStdin ? { readStdin: io.readStdin } : {}),
    });
    files = await distinctFiles(files);
    // Every reference must parse: one that does not is neither pinned nor unpinned.
    for (const o of files.flatMap((f) => f.occurrences)) {
      try {
        pinnedDigest(o.image);
      } catch (e: unknown) {
        throw new GateError('USAGE', `${o.file}:${o.line}: ${toGateError(e).message}`, {
          cause: e,
        });
      }
    }
  } catch (e: unknown) {
    return usageError(toGateError(e));
  }
  for (const f of files)
    if (f.occurrences.length === 0)
      io.stderr(`image-gate: ${line(f.file)}: no image references found\n`);
  const all = files.flatMap((f) => f.occurrences);
  if (cmd.check) return check(all, cmd.output, io);

  if (all.length === 0)
    return usageError(new GateError('USAGE', 'pin: the files given name no image references'));
  const refused = files.flatMap(unpinnable);
  if (refused.length > 0)
    return usageError(
      new GateError(
        'USAGE',
        `pin: ${refused.length} reference${refused.length === 1 ? '' : 's'} cannot be pinned in place; nothing verified or written`,
      ),
      refused,
    );
  // The bytes each file to rewrite had when read: a rewrite keeps every other byte, so a file
  // that does not survive a UTF-8 round trip cannot be rewritten as text.
  const original = new Map<ReadFile, Buffer>();
  try {
    for (const f of files) {
      if (f.occurrences.every((o) => pinnedDigest(o.image) !== undefined)) continue;
      const bytes = await readFile(f.path as string);
      if (!Buffer.from(f.text, 'utf8').equals(bytes))
        throw new GateError('USAGE', `${f.file}: not UTF-8 text; cannot rewrite it in place`);
      original.set(f, bytes);
    }
  } catch (e: unknown) {
    return usageError(toGateError(e));
  }

  if (cmd.passwordStdin) {
    const password = ((await io.readStdin?.()) ?? '').replace(/\r?\n$/, '');
    if (password === '')
      return usageError(new GateError('USAGE', 'pin: --registry-password-stdin: stdin is empty'));
    cmd.options.registryCredentials.push({ ...cmd.passwordStdin, password });
  }
  const { images, sources } = groupSources(all, referenceKey);
  const gated = await runGate(
    { ...cmd.options, images },
    {
      env: io.env,
      getOctokit,
      ...(cmd.verbose ? { log: (m: string) => io.stderr(`debug: ${line(m)}\n`) } : {}),
    },
  );
  const report: Report = {
    ...gated,
    results: gated.results.map((r) => {
      const s = sources.get(r.image);
      return s ? { ...r, sources: s } : r;
    }),
  };
  try {
    if (cmd.reportPath) await writeReport(cmd.reportPath, report);
    await writeOutputFiles(report, cmd.outputFiles);
  } catch (e: unknown) {
    return usageError(toGateError(e));
  }

  const notVerified = report.results.filter((r) => r.outcome !== 'verified' || !r.digest);
  if (report.error || notVerified.length > 0 || report.results.length === 0) {
    // As verify says it, then why nothing was written. A green verdict that is not `verified`
    // (warn mode, an allowed image) pins nothing either: pin writes only what was verified.
    const code = exitCode(report.outcome) || 1;
    const why = report.error
      ? report.error.message
      : `${notVerified.length} of ${report.results.length} image${report.results.length === 1 ? '' : 's'} not verified (${notVerified.map((r) => `${r.image}: ${r.outcome}`).join(', ')})`;
    if (cmd.output === 'json')
      io.stdout(json({ written: false, rewrites: [], unchanged: [], report: reportDoc(report) }));
    else io.stdout(renderReportText(report, { quiet: cmd.quiet }));
    io.stderr(`image-gate: pin: nothing written: ${line(why)}\n`);
    return code;
  }

  const digests = new Map(report.results.map((r) => [referenceKey(r.image), r.digest]));
  const verified = (image: string) => digests.get(referenceKey(image));
  const plans = files.map((f) => ({ f, ...planPins(f, verified) }));
  const problems = plans.flatMap((p) => p.problems);
  if (problems.length > 0) {
    if (cmd.output === 'json')
      io.stdout(
        json({ written: false, rewrites: [], unchanged: [], problems, report: reportDoc(report) }),
      );
    for (const p of problems)
      io.stderr(`image-gate: ${line(p.file)}:${p.line}: ${line(p.message)}\n`);
    io.stderr('image-gate: pin: nothing written\n');
    return 1;
  }
  let written: Array<{ f: ReadFile; text: string }>;
  try {
    written = plans
      .filter((p) => p.edits.length > 0)
      .map(({ f, edits }) => {
        const text = applyEdits(f.text, edits);
        checkReadBack(f, text, edits);
        return { f, text };
      });
    await replaceAll(written, original);
  } catch (e: unknown) {
    return usageError(toGateError(e));
  }

  const edits: PinEdit[] = plans.flatMap((p) => p.edits);
  const unchanged = plans.flatMap((p) => p.unchanged);
  if (cmd.output === 'json')
    io.stdout(
      json({
        written: written.length > 0,
        rewrites: edits.map(({ file, line: at, kind, from, to, digest }) => ({
          file,
          line: at,
          kind,
          from,
          to,
          digest,
        })),
        unchanged: unchanged.map(({ image, file, line: at, kind }) => ({
          image,
          file,
          line: at,
          kind,
        })),
        report: reportDoc(report),
      }),
    );
  else {
    for (const e of edits)
      io.stdout(`${line(e.file)}:${e.line}: ${line(e.from)} -> ${line(e.to)}\n`);
    const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
    io.stdout(
      edits.length === 0
        ? `pin: every reference is already pinned (${n(unchanged.length, 'reference')}); nothing written\n`
        : `pin: ${n(edits.length, 'reference')} pinned in ${n(written.length, 'file')}${unchanged.length > 0 ? ` (${unchanged.length} already pinned)` : ''}; ${n(report.results.length, 'image')} verified\n`,
    );
  }
  return 0;
}

/** `pin --check`: every reference not pinned by digest; exit 1 if any. */
function check(all: ImageOccurrence[], output: 'text' | 'json', io: Io): number {
  const unpinned = all.filter((o) => pinnedDigest(o.image) === undefined);
  if (output === 'json')
    io.stdout(
      json({
        references: all.length,
        unpinned: unpinned.map(({ image, file, line: at, kind }) => ({
          image,
          file,
          line: at,
          kind,
        })),
      }),
    );
  else
    for (const o of unpinned)
      io.stdout(`${line(o.file)}:${o.line}: ${line(o.image)} is not pinned by digest\n`);
  if (unpinned.length === 0) return 0;
  io.stderr(
    `image-gate: pin --check: ${unpinned.length} of ${all.length} references not pinned by digest (image-gate pin pins them to verified digests)\n`,
  );
  return 1;
}

/** One entry per file on disk: `a.yaml` and `./a.yaml` (or a link to it) are one file to rewrite. */
async function distinctFiles(files: ReadFile[]): Promise<ReadFile[]> {
  const seen = new Set<string>();
  const out: ReadFile[] = [];
  for (const f of files) {
    const key = f.path === undefined ? f.file : await realpath(f.path);
    if (!seen.has(key)) out.push(f);
    seen.add(key);
  }
  return out;
}

/**
 * Each file replaced by its pinned text: every new text is first written beside its file (same
 * mode), and only when all are written and no file changed since it was read are they renamed
 * over the files, so a failure leaves every file as it was. A symbolic link keeps pointing at
 * its (rewritten) target.
 */
async function replaceAll(
  written: Array<{ f: ReadFile; text: string }>,
  original: Map<ReadFile, Buffer>,
): Promise<void> {
  const staged: Array<{ tmp: string; target: string }> = [];
  try {
    for (const { f, text } of written) {
      const target = await realpath(f.path as string);
      const now = await readFile(target);
      if (!now.equals(original.get(f) as Buffer))
        throw new GateError('USAGE', `${f.file}: changed while pinning; nothing written`);
      const mode = (await stat(target)).mode & 0o7777;
      const tmp = path.join(
        path.dirname(target),
        `.${path.basename(target)}.image-gate-pin-${randomBytes(6).toString('hex')}`,
      );
      const h = await open(tmp, 'wx', mode);
      staged.push({ tmp, target });
      try {
        await h.writeFile(text, 'utf8');
        // The umask may have narrowed the mode open() was given.
        await h.chmod(mode);
        await h.sync();
      } finally {
        await h.close();
      }
    }
    for (const s of staged) await rename(s.tmp, s.target);
  } catch (e: unknown) {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
    if (e instanceof GateError) throw e;
    throw new GateError('USAGE', `pin: cannot write: ${toGateError(e).message}`, { cause: e });
  }
}

async function writeReport(file: string, report: Report): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, reportJson(report));
  } catch (e: unknown) {
    throw new GateError('USAGE', `--report: cannot write ${file}: ${toGateError(e).message}`, {
      cause: e,
    });
  }
}

function reportDoc(report: Report): unknown {
  return JSON.parse(reportJson(report));
}

function json(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
