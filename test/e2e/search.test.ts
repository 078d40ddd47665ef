import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useServedSite } from "../support/served-site.js";

describe("the sample site in real Chromium", () => {
  const ctx = useServedSite();

  it("builds a home page, two transcript pages and a search bundle", () => {
    expect(existsSync(join(ctx.site.dir, "index.html"))).toBe(true);
    expect(existsSync(join(ctx.site.dir, "2018/02/07"))).toBe(true);
    expect(existsSync(join(ctx.site.dir, "2020/10/05"))).toBe(true);
    expect(readdirSync(join(ctx.site.dir, "pagefind"))).toContain("pagefind.js");
    expect(ctx.site.report.transcripts).toHaveLength(2);
  });

  it("finds “breakdancing” and opens the answer that says it, highlighted", async () => {
    const page = await ctx.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${ctx.served.url}search/?q=breakdancing`);
    const hit = page.locator("a.hit").first();
    await hit.waitFor();
    await hit.click();
    await page.waitForURL(/#/);
    const url = new URL(page.url());
    expect(url.pathname).toMatch(/^\/2020\/10\/05\//);
    const id = decodeURIComponent(url.hash.slice(1));
    expect(id).toMatch(/^we-have-noticed-these-concerns-regarding--a\d+$/);
    const target = page.locator(`[id="${id}"]`);
    await expect.poll(() => target.textContent(), { timeout: 20_000 }).toContain("breakdancing");
    await expect.poll(() => target.locator("mark").count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await target.evaluate((el) => el.closest("section")?.querySelector("h2")?.id)).toBe("we-have-noticed-these-concerns-regarding");
    expect(errors).toEqual([]);
    await page.close();
  });
});
