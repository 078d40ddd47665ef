import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.js";
import { buildSite, type BuiltSite } from "../support/build-site.js";
import { MOSCOW } from "../support/paths.js";
import { serveStatic } from "../support/serve.js";
import { buildCorpus, makeCorpus, readPage, withDom, type Corpus } from "./corpus.js";

/** What a built transcript page says about its ids: every id, and for each the section it is in. */
interface PageIds {
  /** id -> data-section of the section holding it (section ids, paragraph ids and alias anchors alike). */
  sectionOf: Record<string, string>;
  /** live section id -> the text of its last paragraph, which identifies the answer in these edits. */
  lastParagraph: Record<string, string>;
  duplicates: string[];
}

const readIds = (browser: Browser, html: string): Promise<PageIds> =>
  withDom(browser, html, (page) => page.evaluate(() => {
    const all = [...document.querySelectorAll(".sections [id]")];
    const sectionOf: Record<string, string> = {};
    for (const e of all) sectionOf[e.id] = (e.closest("section.section") as HTMLElement | null)?.dataset.section ?? "";
    const lastParagraph: Record<string, string> = {};
    for (const s of document.querySelectorAll<HTMLElement>("section.section")) {
      const p = [...s.querySelectorAll(".turn p[id]")].at(-1)?.cloneNode(true) as HTMLElement | undefined;
      p?.querySelector(".plink")?.remove();
      lastParagraph[s.dataset.section ?? ""] = p?.textContent ?? "";
    }
    const ids = all.map((e) => e.id);
    return { sectionOf, lastParagraph, duplicates: ids.filter((id, i) => ids.indexOf(id) !== i) };
  }));

// The source has a no-break space after "Question:", as published; \s matches it.
/** The source text cut at its "Question:" lines: [opening, q1, q2, ...]; the last one carries the footer. */
const chunks = (text: string): string[] => text.split(/(?=^Question:\s)/m);

const NEW_QA = "Question: Could you tell us how the pandemic has changed the daily work of Russian diplomats abroad?\n\nSergey Lavrov: We switched to video conferences, but nothing replaces talking face to face with partners.\n\n";

/** The edits a correction or re-import makes, each applied to the pristine Moscow transcript. */
const EDITS: Record<string, (text: string) => string> = {
  "insert a question at the start": (text) => text.replace(/^Question:\s+There is a saying/m, (m) => `${NEW_QA}${m}`),
  "edit an answer's wording": (text) => text.replace("As I mentioned earlier, the current international relations system is collapsing", "As I said before, the present system of international relations is collapsing"),
  "delete a section": (text) => chunks(text).filter((c) => !/^Question:\s+When we discuss relaxing/.test(c)).join(""),
  "reorder two sections": (text) => {
    const c = chunks(text);
    const a = c.findIndex((x) => /^Question:\s+As you may be aware/.test(x));
    const b = c.findIndex((x) => /^Question:\s+More than a year ago/.test(x));
    [c[a], c[b]] = [c[b] as string, c[a] as string];
    return c.join("");
  },
  "edit a question's wording": (text) => text.replace("There is a saying in my native German language that smart people give way in a dispute.", "In my native German language there is a saying that clever people give way in an argument."),
};

const DELETED = "when-we-discuss-relaxing-the-border";
/** No section resembles the deleted one enough, so its links lead to the section that followed it, where its text stood. */
const SUCCESSOR = "we-are-witnessing-the-us-administration";

describe("previously issued links survive corrections and re-imports", () => {
  let browser: Browser;
  let original: string;
  let v1: { corpus: Corpus; site: BuiltSite; url: string; ids: PageIds };

  beforeAll(async () => {
    browser = await launchChromium();
    original = await readFile(MOSCOW, "utf8");
    const corpus = await makeCorpus({ "moscow.txt": original });
    const site = await buildCorpus(corpus);
    const url = site.report.transcripts[0]?.url ?? "";
    v1 = { corpus, site, url, ids: await readIds(browser, await readPage(site, url)) };
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Rebuilds the edited text with the ledger of the first build; returns the new page's ids. */
  async function rebuild(edit: (t: string) => string, pathPrefix?: string): Promise<{ site: BuiltSite; ids: PageIds; edited: string }> {
    const edited = edit(original);
    expect(edited).not.toBe(original);
    const corpus = await makeCorpus({ "moscow-corrected.txt": edited }, v1.corpus.ledgerFile);
    const site = await buildSite({ input: corpus.input, ledgerFile: corpus.ledgerFile, pathPrefix });
    expect(site.report.transcripts[0]?.url).toBe(v1.url);
    return { site, ids: await readIds(browser, await readPage(site, v1.url)), edited };
  }

  for (const [name, edit] of Object.entries(EDITS)) {
    it(`${name}: every old section and paragraph id still leads to its answer`, async () => {
      const v2 = await rebuild(edit);
      expect(v2.ids.duplicates).toEqual([]);
      const liveBefore = Object.keys(v1.ids.lastParagraph);
      const liveNow = Object.keys(v2.ids.lastParagraph);
      for (const [oldId, oldSection] of Object.entries(v1.ids.sectionOf)) {
        const now = v2.ids.sectionOf[oldId];
        expect(now, `#${oldId} is gone`).toBeDefined();
        if (oldSection === DELETED && name === "delete a section") continue;
        // The section now holding the old id has the same answer (its last paragraph is never edited here).
        expect(v2.ids.lastParagraph[now as string], `#${oldId}`).toBe(v1.ids.lastParagraph[oldSection]);
      }
      // Ids issued before stay ids of the same sections; new sections never take an old id.
      for (const id of liveNow.filter((id) => !liveBefore.includes(id))) expect(v1.ids.sectionOf[id]).toBeUndefined();
      for (const id of liveBefore.filter((id) => !liveNow.includes(id))) {
        // An id that no longer names a section has an alias anchor and a static redirect for its per-answer URL.
        const target = v2.ids.sectionOf[id] as string;
        const redirect = await readFile(join(v2.site.dir, v1.url, id, "index.html"), "utf8");
        expect(redirect).toContain(`<meta http-equiv="refresh" content="0; url=../${target}/">`);
        expect(redirect).toContain(`<link rel="canonical" href="../${target}/">`);
        expect(redirect).toContain(`<a href="../${target}/">`);
        // The redirect lands on a real per-answer page.
        expect(await readFile(join(v2.site.dir, v1.url, target, "index.html"), "utf8")).not.toContain('http-equiv="refresh"');
      }
      if (name === "insert a question at the start") expect(liveNow.filter((id) => !liveBefore.includes(id))).toEqual(["could-you-tell-us-how-the"]);
      if (name === "delete a section") {
        expect(liveBefore.filter((id) => !liveNow.includes(id))).toEqual([DELETED]);
        expect(v2.ids.sectionOf[DELETED]).toBe(SUCCESSOR);
        expect(v2.ids.sectionOf[`${DELETED}--a1`]).toBe(SUCCESSOR);
      } else {
        expect(liveBefore.filter((id) => !liveNow.includes(id))).toEqual([]);
        // Every live question/answer id keeps its own per-answer page (remarks have none); no redirect shadows it.
        for (const id of liveBefore) {
          const answerPage = join(v2.site.dir, v1.url, id, "index.html");
          if (!existsSync(answerPage)) {
            expect(id, `${id} has no per-answer page`).toMatch(/^remarks(?:-\d+)?$/);
            continue;
          }
          expect(await readFile(answerPage, "utf8"), `no redirect may shadow ${id}`).not.toContain('http-equiv="refresh"');
        }
      }
      if (name === "edit a question's wording") expect(liveNow).not.toContain("in-my-native-german-language-there");
    });
  }

  it("an old fragment of a deleted answer lands on the surviving section in real Chromium, without page errors", async () => {
    const v2 = await rebuild(EDITS["delete a section"] as (t: string) => string);
    const served = await serveStatic(v2.site.dir);
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    try {
      for (const fragment of [DELETED, `${DELETED}--q1`, `${DELETED}--a1`]) {
        await page.goto(`${served.url}${v1.url.slice(1)}#${fragment}`);
        const seen = await page.evaluate(() => {
          const target = document.querySelector(":target");
          const section = target?.closest("section.section") as HTMLElement | null;
          const heading = section?.querySelector("h2")?.getBoundingClientRect();
          return { id: target?.id, section: section?.dataset.section, headingTop: heading?.top, scrolled: window.scrollY, highlighted: section ? getComputedStyle(section).backgroundColor : "" };
        });
        expect(seen.id).toBe(fragment);
        expect(seen.section).toBe(SUCCESSOR);
        expect(seen.scrolled).toBeGreaterThan(0);
        expect(seen.headingTop).toBeGreaterThanOrEqual(-1);
        expect(seen.headingTop).toBeLessThan(700);
        expect(seen.highlighted).not.toBe("rgba(0, 0, 0, 0)");
      }
      // The old per-answer URL redirects, without JavaScript, to the surviving section's page.
      const context = await browser.newContext({ javaScriptEnabled: false });
      const noJs = await context.newPage();
      const requested: string[] = [];
      noJs.on("request", (r) => requested.push(new URL(r.url()).pathname));
      await noJs.goto(`${served.url}${v1.url.slice(1)}${DELETED}/`).catch(() => undefined);
      await noJs.waitForURL((u) => u.pathname === `${v1.url}${SUCCESSOR}/`);
      expect(requested).toContain(`${v1.url}${SUCCESSOR}/`);
      await context.close();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await served.close();
    }
  });

  it("old per-answer URLs and fragments also resolve on a site under a path prefix", async () => {
    const v2 = await rebuild(EDITS["delete a section"] as (t: string) => string, "/archive/");
    const served = await serveStatic(v2.site.dir, "/archive/");
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${served.url}${v1.url.slice(1)}${DELETED}/`).catch(() => undefined);
      await page.waitForURL((u) => u.pathname === `/archive${v1.url}${SUCCESSOR}/`);
      await page.goto(`${served.url}${v1.url.slice(1)}#${DELETED}--a1`);
      expect(await page.locator(":target").evaluate((e) => (e.closest("section.section") as HTMLElement).dataset.section)).toBe(SUCCESSOR);
    } finally {
      await context.close();
      await served.close();
    }
  });
});
