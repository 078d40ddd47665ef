import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printableName } from "../../src/build/collect.js";
import { axeViolations, armScriptTrap, injectedCode } from "../../src/gates/browser.js";
import { checkFidelity } from "../../src/gates/fidelity.js";
import { formatGate, type GateResult } from "../../src/gates/gate.js";
import { validateHtml } from "../../src/gates/html.js";
import { checkLinks } from "../../src/gates/links.js";
import { pageUrlOf, sampleNote, samplePages, type PageSample } from "../../src/gates/site-files.js";
import { EXPECTED } from "../adversarial/expected.js";
import { launchChromium } from "../support/browser.js";
import { serveStatic, type Served } from "../support/serve.js";
import { buildAdversarial, type AdversarialBuild } from "./adversarial-build.js";

/**
 * Answer pages checked per transcript by the html and scripts gates: all of them for every transcript but the
 * generated 10,000 questions (whose 10,000 pages differ only in their numbers), so every page that shows
 * hostile text is validated and loaded.
 */
const ANSWER_SAMPLE = 5;

let b: AdversarialBuild;
let sample: PageSample;
beforeAll(async () => {
  b = await buildAdversarial();
  console.log(`adversarial build: ${b.report.transcripts.length} transcripts, ${b.report.failed.length} skipped, ${b.report.pages} pages in ${(b.ms / 1000).toFixed(1)} s`);
  sample = await samplePages(b.site, ANSWER_SAMPLE);
});

function gate(r: GateResult): GateResult {
  console.log(formatGate(r));
  return r;
}

describe("the adversarial corpus builds, and every file gets its expected outcome", () => {
  it("lists an expectation for every file in the input, and a file for every expectation", () => {
    const seen = new Set([...b.report.transcripts.map((t) => t.file), ...b.report.failed.map((f) => f.file)]);
    expect([...seen].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, want] of Object.entries(EXPECTED)) {
    it(`${JSON.stringify(file)}: ${want.outcome}`, () => {
      const shown = printableName(file);
      const diagnostics = b.report.diagnostics.filter((d) => d.file === shown);
      const published = b.report.transcripts.find((t) => t.file === file);
      if (want.outcome === "skipped") {
        expect(published).toBeUndefined();
        const errors = diagnostics.filter((d) => d.severity === "error" && d.code === "unreadable");
        expect(errors).toHaveLength(1);
        expect(errors[0]?.message).toMatch(want.message);
        return;
      }
      expect(published, `${file} is published`).toBeDefined();
      if (!published) return;
      for (const d of want.diagnostics ?? []) {
        expect(diagnostics.filter((x) => x.code === d.code).map((x) => x.message), `${file}: ${d.code}`).toContainEqual(expect.stringMatching(d.message));
      }
      if (want.url) expect(published.url).toMatch(want.url);
      const html = readFileSync(join(b.site, published.url, "index.html"), "utf8");
      for (const s of want.page ?? []) expect(html, `${file}: page contains ${JSON.stringify(s)}`).toContain(s);
    });
  }

  it("reads a transcript past its bad front-matter values: its questions are sections, and the refused source is no link", () => {
    const t = b.report.transcripts.find((x) => x.file === "front-matter-bad-values.txt");
    expect(t?.sections).toBe(2);
    const html = readFileSync(join(b.site, t?.url ?? "/missing/", "index.html"), "utf8");
    expect(html).not.toContain("parse-failed-notice");
    expect(html).not.toContain("class=\"source-link\"");
    expect(html).not.toMatch(/href="javascript:/);
  });

  it("publishes the 10,000 questions as 10,000 sections of one page", () => {
    const t = b.report.transcripts.find((x) => x.file === "ten-thousand-questions.txt");
    expect(t?.sections).toBeGreaterThanOrEqual(10_000);
  });

  it("never writes a page outside the output folder, whatever a title or front-matter says", () => {
    for (const t of b.report.transcripts) expect(t.url).toMatch(/^\/(?:\d{4}\/\d{2}\/\d{2}|undated)\/[^/.][^/]*\/$/u);
  });
});

describe("quality gates on the adversarial build", () => {
  it("has no broken internal links or fragment anchors", async () => {
    const r = gate(await checkLinks(b.site));
    expect(r.count).toBeGreaterThan(20_000);
    expect(r.failures).toEqual([]);
  });

  it("samples every answer page but the generated 10,000 questions, and every other page", () => {
    const huge = b.report.transcripts.find((t) => t.file === "ten-thousand-questions.txt");
    expect(huge).toBeDefined();
    const inHuge = (p: string) => pageUrlOf(p).startsWith(huge?.url ?? "?") && pageUrlOf(p) !== huge?.url;
    expect(sample.pages.filter(inHuge)).toHaveLength(ANSWER_SAMPLE);
    expect(sample.answerPages - sample.sampledAnswerPages).toBe(10_000 - ANSWER_SAMPLE);
    expect(sample.pages).toHaveLength(b.report.pages - sample.answerPages + sample.sampledAnswerPages);
    // First and last question of the 10,000: the pages without a "previous" and without a "next".
    expect(sample.pages.filter(inHuge).map(pageUrlOf)).toEqual(expect.arrayContaining([expect.stringMatching(/number-1-about[^/]*\/$/), expect.stringMatching(/number-10000-about[^/]*\/$/)]));
  });

  it("has no HTML validation errors", async () => {
    const r = gate(await validateHtml(b.site, { answerSample: ANSWER_SAMPLE }));
    expect(r.count).toBe(sample.pages.length);
    expect(r.unit).toContain(sampleNote(sample).replace(/^ \(|\)$/g, ""));
    expect(r.failures).toEqual([]);
  });

  it("shows every source word of every transcript on its page or in the removed lines", async () => {
    const r = gate(await checkFidelity(b.input, b.site, b.report.transcripts));
    expect(r.count).toBeGreaterThan(100_000);
    expect(r.failures).toEqual([]);
  });

  describe("in real Chromium", () => {
    let browser: Browser;
    let served: Served;
    beforeAll(async () => {
      served = await serveStatic(b.site);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await served?.close();
    });

    it("runs no script from transcript text on any page", async () => {
      const failures: string[] = [];
      const pages = sample.pages;
      for (const file of pages) {
        const page = await browser.newPage();
        const trap = await armScriptTrap(page);
        await page.goto(served.url + pageUrlOf(file).slice(1), { waitUntil: "load" });
        for (const f of [...(await injectedCode(page)), ...trap.dialogs]) failures.push(`${pageUrlOf(file)}: ${f}`);
        await page.close();
      }
      gate({ gate: "scripts", unit: `pages loaded with the script trap${sampleNote(sample)}`, count: pages.length, failures });
      expect(failures).toEqual([]);
    });

    it("has no axe-core violations on each page type (home, search, transcripts)", async () => {
      const transcripts = ["html-injection.txt", "right-to-left.txt", "emoji.txt", "front-matter-bad-values.txt", "markdown-and-templates.txt"]
        .map((f) => b.report.transcripts.find((t) => t.file === f)?.url ?? "");
      const urls = ["/", "/search/", ...transcripts];
      const failures: string[] = [];
      for (const url of urls) {
        const page = await browser.newPage();
        await page.goto(served.url + url.slice(1));
        for (const v of await axeViolations(page)) failures.push(`${url}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(" ")}`);
        await page.close();
      }
      gate({ gate: "axe", unit: "pages audited", count: urls.length, failures });
      expect(urls.every((u) => u !== "")).toBe(true);
      expect(failures).toEqual([]);
    });
  });
});

it("keeps the 50 MB file out of the output entirely", () => {
  expect(existsSync(join(b.site, "undated"))).toBe(true);
  expect(JSON.stringify(b.report.transcripts)).not.toContain("huge-50mb");
});
