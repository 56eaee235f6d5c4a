// Issue 13 item 1: the job summary as a reader sees it. The markdown is converted the way GitHub
// does (its parser cmark-gfm, Debian's `cmark-gfm`; and marked, a GFM renderer in JavaScript),
// styled with GitHub's markdown CSS in a 1012 px pane of headless Chromium (Debian's `chromium`):
// the verdict and reason of every failed image must be in view without scrolling sideways, and
// nothing may become a link. Screenshots go to test-artifacts/ (gitignored).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { renderSummary } from '../../src/render/summary.js';
import { batchReport, nineImageReport } from '../helpers/summary-batch.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CMARK_GFM = '/usr/bin/cmark-gfm';
const PANE = 1012;
const INSTALL = 'apt-get install -y chromium cmark-gfm fonts-noto-color-emoji';

const CSS = readFileSync(
  path.join(ROOT, 'node_modules/github-markdown-css/github-markdown-light.css'),
  'utf8',
);

/** GitHub's own parser, with the extensions it enables for a job summary. */
function cmarkGfm(md: string): string {
  return execFileSync(
    CMARK_GFM,
    ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tasklist'],
    { input: md, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}

const RENDERERS = {
  'cmark-gfm': cmarkGfm,
  marked: (md: string) => marked.parse(md, { gfm: true, async: false }),
};

function page(html: string): string {
  // The summary pane: markdown-body at the pane's width, as GitHub lays it out.
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}
body { margin: 0; }
.markdown-body { box-sizing: border-box; width: ${PANE}px; padding: 16px; }
</style></head><body><article class="markdown-body">${html}</article></body></html>`;
}

interface Cell {
  text: string;
  left: number;
  right: number;
  width: number;
  overflows: boolean;
}

interface Measured {
  scrollWidth: number;
  tables: Array<{ scrollWidth: number; clientWidth: number; visible: boolean }>;
  failed: Array<{ image: string; verdict: Cell; reason: Cell }>;
  links: string[];
  text: string;
}

/**
 * Run in the page (the project's types have no DOM): the document's width, each table's, and
 * the verdict (first) and reason (third) cells of every row whose verdict says failed.
 */
const MEASURE = `(() => {
  const cell = (el) => {
    const r = el.getBoundingClientRect();
    return {
      text: el.innerText,
      left: r.left,
      right: r.right,
      width: r.width,
      overflows: el.scrollWidth > el.clientWidth + 1,
    };
  };
  const rows = [...document.querySelectorAll('tr')].filter((tr) =>
    (tr.cells[0]?.textContent ?? '').includes('failed'),
  );
  return {
    scrollWidth: document.documentElement.scrollWidth,
    tables: [...document.querySelectorAll('table')].map((t) => ({
      scrollWidth: t.scrollWidth,
      clientWidth: t.clientWidth,
      visible: t.getClientRects().length > 0,
    })),
    failed: rows.map((tr) => ({
      image: tr.cells[1].textContent,
      verdict: cell(tr.cells[0]),
      reason: cell(tr.cells[2]),
    })),
    links: [...document.querySelectorAll('a')].map((a) => a.outerHTML),
    text: document.body.innerText,
  };
})()`;

let browser: Browser | undefined;
/** Why the browser could not start: each test fails with it (a failure, never a skip). */
let missing: string | undefined;

beforeAll(async () => {
  for (const [tool, file] of [
    ['chromium', CHROMIUM],
    ['cmark-gfm', CMARK_GFM],
  ] as const)
    if (!existsSync(file)) {
      missing = `${tool} is needed for the job-summary browser test and there is no ${file}: install it with \`${INSTALL}\` (scripts/test.sh does this as root)`;
      return;
    }
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium refuses to run as root with its sandbox.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
});

function needBrowser(): Browser {
  if (missing !== undefined || !browser) throw new Error(missing ?? 'chromium did not start');
  return browser;
}

afterAll(async () => {
  await browser?.close();
});

const BATCHES: Array<[string, () => Report, number]> = [
  ['9 images (2 verified, 6 failed for 6 reasons, 1 error)', () => nineImageReport(), 6],
  ['200 images (12 failed, 3 errors)', () => batchReport(200, 2, 3), 12],
];

describe.each(Object.entries(RENDERERS))('job summary rendered by %s', (name, toHtml) => {
  it.each(BATCHES)(
    '%s: every failed image shows its verdict and reason in the 1012 px pane',
    async (label, make, failed) => {
      const report = make();
      expect(report.results.filter((r) => r.outcome === 'failed')).toHaveLength(failed);
      const html = toHtml(renderSummary(report));
      const tab = await needBrowser().newPage();
      try {
        await tab.setViewport({ width: PANE, height: 900 });
        await tab.setContent(page(html), { waitUntil: 'load' });
        const shown = (await tab.evaluate(MEASURE)) as Measured;
        await tab.screenshot({
          path: path.join(
            ARTIFACTS,
            `summary-${name}-${report.results.length}.png`,
          ) as `${string}.png`,
          fullPage: true,
        });

        expect(shown.links, 'nothing in the summary is a link').toEqual([]);
        expect(shown.scrollWidth).toBeLessThanOrEqual(PANE);
        for (const t of shown.tables.filter((x) => x.visible))
          expect(t.scrollWidth, 'a table scrolls sideways').toBeLessThanOrEqual(t.clientWidth);
        // Every failed image has its row, once, in view.
        const want = report.results.filter((r) => r.outcome === 'failed');
        expect(shown.failed.map((f) => f.image).sort()).toEqual(want.map((r) => r.image).sort());
        for (const f of shown.failed) {
          const cells: Cell[] = [f.verdict, f.reason];
          for (const c of cells) {
            expect(c.width, `${label}: ${f.image}`).toBeGreaterThan(0);
            expect(c.left).toBeGreaterThanOrEqual(0);
            expect(c.right, `${f.image}: ${c.text}`).toBeLessThanOrEqual(PANE);
            expect(c.overflows, `${f.image}: cell content overflows`).toBe(false);
          }
          expect(f.verdict.text).toContain('failed');
          // The reason in full, as the report has it (wrapped, never cut).
          const r = want.find((x) => x.image === f.image)!;
          expect(f.reason.text.replace(/\s+/g, ' ').trim()).toBe(r.reason);
        }
        expect(shown.text).toContain('log4j-core@2.14.1');
      } finally {
        await tab.close();
      }
    },
  );
});
