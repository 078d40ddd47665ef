import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/paths.js";
import { useServedSite } from "../support/served-site.js";

const MOSCOW = "2020/10/05/foreign-minister-sergey-lavrovs-remarks-answers-questions-meeting-members-association-european-businesses/";
const SECTION = "we-have-noticed-these-concerns-regarding";
/** Screenshots are written here for people to look at; the assertions below check what they show. */
const SHOTS = join(ROOT, ".verbatim/screenshots");

/** WCAG relative luminance and contrast ratio of two computed CSS colours ("rgb(r, g, b)"). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

async function colours(page: Page): Promise<{ bg: string; pairs: [string, string, string][] }> {
  return page.evaluate(() => {
    const bg = getComputedStyle(document.body).backgroundColor !== "rgba(0, 0, 0, 0)" ? getComputedStyle(document.body).backgroundColor : getComputedStyle(document.documentElement).backgroundColor;
    const pick = (sel: string): [string, string, string] | null => {
      const el = document.querySelector(sel);
      if (!el) return null;
      let back = "rgba(0, 0, 0, 0)";
      for (let e: Element | null = el; e && back === "rgba(0, 0, 0, 0)"; e = e.parentElement) back = getComputedStyle(e).backgroundColor;
      if (back === "rgba(0, 0, 0, 0)") back = bg;
      return [sel, getComputedStyle(el).color, back];
    };
    const sels = ["h1", ".turn.answer p:not(.speaker)", ".turn.question p:not(.speaker)", ".meta dt", ".toc-summary", ".plink", ".section-tools a", "a.source-link", ".site-nav a", ".site-header button"];
    return { bg, pairs: sels.map(pick).filter((x): x is [string, string, string] => x !== null) };
  });
}

describe("a transcript page in real Chromium: light, dark, 320 px and print", () => {
  const ctx = useServedSite();
  const external: string[] = [];
  beforeAll(() => {
      mkdirSync(SHOTS, { recursive: true });
  });

  async function open(path: string, options: { width?: number; colorScheme?: "light" | "dark"; javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await ctx.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.colorScheme ?? "light", javaScriptEnabled: options.javaScriptEnabled ?? true });
    const page = await context.newPage();
    page.on("request", (r) => {
      if (!r.url().startsWith(ctx.served.url) && !r.url().startsWith("data:")) external.push(r.url());
    });
    await page.goto(`${ctx.served.url}${path}`);
    await page.waitForLoadState("load");
    return page;
  }

  for (const scheme of ["light", "dark"] as const) {
    it(`is readable in ${scheme} mode with sufficient contrast`, async () => {
      const page = await open(MOSCOW, { colorScheme: scheme });
      await page.screenshot({ path: join(SHOTS, `transcript-${scheme}.png`) });
      const { bg, pairs } = await colours(page);
      if (scheme === "light") expect(luminance(bg)).toBeGreaterThan(0.8);
      else expect(luminance(bg)).toBeLessThan(0.05);
      for (const [sel, fg, back] of pairs) expect(contrast(fg, back), `${sel}: ${fg} on ${back}`).toBeGreaterThanOrEqual(4.5);
      await page.context().close();
    });
  }

  it("has no horizontal scroll at 320 px (transcript, answer page, home, speakers)", async () => {
    for (const path of [MOSCOW, `${MOSCOW}${SECTION}/`, "", "speakers/sergey-lavrov/", "2020/"]) {
      const page = await open(path, { width: 320 });
      if (path === MOSCOW) await page.screenshot({ path: join(SHOTS, "transcript-320.png") });
      if (path === `${MOSCOW}${SECTION}/`) await page.screenshot({ path: join(SHOTS, "answer-320.png"), fullPage: true });
      const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scrollWidth, path).toBeLessThanOrEqual(clientWidth);
      expect(clientWidth).toBe(320);
      await page.context().close();
    }
  });

  it("brings the targeted answer into view, highlighted, at 320 px in dark mode", async () => {
    const page = await open(`${MOSCOW}#${SECTION}--a1`, { width: 320, colorScheme: "dark" });
    await page.screenshot({ path: join(SHOTS, "target-320-dark.png") });
    const state = await page.evaluate((id) => {
      const p = document.getElementById(`${id}--a1`) as HTMLElement;
      const r = p.getBoundingClientRect();
      const section = p.closest("section") as HTMLElement;
      const other = document.querySelector(`section.qa:not([data-section="${id}"])`) as HTMLElement;
      return {
        target: document.querySelector(":target")?.id,
        top: r.top, bottom: r.bottom, height: innerHeight,
        highlighted: getComputedStyle(section).backgroundColor,
        plain: getComputedStyle(other).backgroundColor,
        outline: getComputedStyle(p).outlineStyle,
      };
    }, SECTION);
    expect(state.target).toBe(`${SECTION}--a1`);
    expect(state.top).toBeGreaterThanOrEqual(0);
    expect(state.top).toBeLessThan(state.height);
    expect(state.highlighted).not.toBe(state.plain);
    expect(state.highlighted).not.toBe("rgba(0, 0, 0, 0)");
    expect(state.outline).toBe("solid");
    await page.context().close();
  });

  it("prints without navigation, with the URLs of links shown", async () => {
    const page = await open(MOSCOW);
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: join(SHOTS, "transcript-print.png") });
    const state = await page.evaluate(() => {
      const shown = (sel: string) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0);
      const source = document.querySelector(".meta a[href]");
      return {
        header: shown(".site-header"), nav: shown("nav"), footer: shown(".site-footer"), tools: shown(".section-tools"), plinks: shown(".plink"),
        main: shown("main"), answers: shown(".turn.answer"),
        after: source ? getComputedStyle(source, "::after").content : "",
        href: source?.getAttribute("href"),
        bg: getComputedStyle(document.documentElement).backgroundColor,
      };
    });
    expect(state).toMatchObject({ header: false, nav: false, footer: false, tools: false, plinks: false, main: true, answers: true });
    expect(state.after).toContain(state.href);
    expect(luminance(state.bg)).toBeGreaterThan(0.95);
    await page.context().close();
  });

  it("has landmarks, a working skip link, one h1, ordered headings and visible focus", async () => {
    for (const path of [MOSCOW, `${MOSCOW}${SECTION}/`, "", "speakers/", "2018/", "no/such/page/"]) {
      const page = await open(path);
      const a11y = await page.evaluate(() => {
        const levels = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => Number(h.tagName[1]));
        return {
          h1: levels.filter((l) => l === 1).length,
          first: levels[0],
          skips: levels.filter((l, i) => i > 0 && l > (levels[i - 1] as number) + 1).length,
          landmarks: ["body > header", "main", "body > footer", "nav"].map((s) => document.querySelectorAll(s).length > 0),
          ids: (() => {
            const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
            return ids.length - new Set(ids).size;
          })(),
        };
      });
      expect(a11y, path).toMatchObject({ h1: 1, first: 1, skips: 0, landmarks: [true, true, true, true], ids: 0 });
      await page.keyboard.press("Tab");
      const skip = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const r = el.getBoundingClientRect();
        return { cls: el.className, left: r.left, outline: getComputedStyle(el).outlineWidth };
      });
      expect(skip.cls).toBe("skip-link");
      expect(skip.left).toBeGreaterThanOrEqual(0);
      expect(parseFloat(skip.outline)).toBeGreaterThan(0);
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("site_main");
      await page.context().close();
    }
  });

  it("copies links to a paragraph, a section and a selected quote (text fragment with the paragraph as fallback)", async () => {
    const page = await open(MOSCOW);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(ctx.served.url).origin });
    const clip = () => page.evaluate(() => navigator.clipboard.readText());
    const plink = page.locator(`[id="${SECTION}--a1"] a.plink`);
    await plink.focus();
    await page.keyboard.press("Enter");
    await expect.poll(clip).toBe(`${ctx.served.url}${MOSCOW}#${SECTION}--a1`);
    expect(page.url()).toBe(`${ctx.served.url}${MOSCOW}`);
    await expect.poll(() => page.locator("#copy_status").textContent()).toMatch(/copied/);

    await page.locator(`section[data-section="${SECTION}"] a.copy-link`).click();
    await expect.poll(clip).toBe(`${ctx.served.url}${MOSCOW}${SECTION}/`);

    await page.evaluate((id) => {
      const p = document.getElementById(`${id}--a1`) as HTMLElement;
      const text = p.firstChild as Text;
      const start = (text.textContent ?? "").indexOf("breakdancing");
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + "breakdancing".length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }, SECTION);
    const quote = page.locator("button.quote-link");
    await quote.waitFor({ state: "visible" });
    await page.screenshot({ path: join(SHOTS, "quote-link.png"), clip: { ...(await quote.boundingBox())!, x: 0, y: Math.max(0, (await quote.boundingBox())!.y - 200), width: 1280, height: 260 } });
    await quote.click();
    const url = `${ctx.served.url}${MOSCOW}#${SECTION}--a1:~:text=breakdancing`;
    await expect.poll(clip).toBe(url);

    const arrived = await open(`${MOSCOW}#${SECTION}--a1:~:text=breakdancing`);
    const where = await arrived.evaluate((id) => {
      const r = (document.getElementById(`${id}--a1`) as HTMLElement).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight };
    }, SECTION);
    expect(where.bottom).toBeGreaterThan(0);
    expect(where.top).toBeLessThan(where.height);
    await arrived.context().close();
    await page.context().close();
  });

  it("reads without JavaScript: every copy control is a plain link, the quote button never appears", async () => {
    const page = await open(MOSCOW, { javaScriptEnabled: false });
    const state = await page.evaluate(() => ({
      plinks: [...document.querySelectorAll("a.plink")].every((a) => a.getAttribute("href")?.startsWith("#")),
      sections: document.querySelectorAll("section.section").length,
      tools: document.querySelectorAll(".section-tools a.copy-link[href]").length,
      quote: document.querySelectorAll(".quote-link").length,
      words: document.querySelector(".sections")?.textContent?.includes("breakdancing"),
    }));
    expect(state).toEqual({ plinks: true, sections: 14, tools: 14, quote: 0, words: true });
    await page.context().close();
  });

  it("made no request outside the site", () => {
    expect(external).toEqual([]);
  });
});
