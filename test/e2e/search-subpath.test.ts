import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.js";
import { buildSite, type BuiltSite } from "../support/build-site.js";
import { serveStatic, type Served } from "../support/serve.js";

describe("search under a sub-path (/archive/), in real Chromium", () => {
  let site: BuiltSite;
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    site = await buildSite({ pathPrefix: "/archive/" });
    // The server answers only under /archive/: anything that escapes the prefix gets a 404.
    served = await serveStatic(site.dir, "/archive/");
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("searches from the header box, and a hit opens the answer under /archive/", async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    const errors: string[] = [];
    page.on("response", (r) => {
      if (!new URL(r.url()).pathname.startsWith("/archive/")) outside.push(r.url());
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.locator("#site_q").fill("breakdancing");
    await page.locator("#site_q").press("Enter");
    await page.waitForURL(/\/archive\/search\/\?q=breakdancing$/);
    const hit = page.locator("a.hit").first();
    await hit.waitFor();
    await hit.click();
    await page.waitForURL(/#/);
    const url = new URL(page.url());
    expect(url.pathname).toMatch(/^\/archive\/2020\/10\/05\/[^/]+\/$/);
    const id = decodeURIComponent(url.hash.slice(1));
    expect(id).toMatch(/^we-have-noticed-these-concerns-regarding--a\d+$/);
    await expect.poll(() => page.locator(`[id="${id}"] mark`).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
