import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, armScriptTrap, injectedCode } from "../../src/gates/browser.js";
import { checkFidelity } from "../../src/gates/fidelity.js";
import { formatGate, type GateResult } from "../../src/gates/gate.js";
import { validateHtml } from "../../src/gates/html.js";
import { checkLinks } from "../../src/gates/links.js";
import { htmlPages, pageUrlOf } from "../../src/gates/site-files.js";
import { launchChromium } from "../support/browser.js";
import { buildSite, type BuiltSite } from "../support/build-site.js";
import { SEEDS_DIR } from "../support/paths.js";
import { serveStatic, type Served } from "../support/serve.js";

function gate(r: GateResult): GateResult {
  console.log(formatGate(r));
  return r;
}

describe("quality gates on the sample site", () => {
  let site: BuiltSite;
  let served: Served;
  let browser: Browser;
  beforeAll(async () => {
    site = await buildSite();
    served = await serveStatic(site.dir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("has no broken internal links or fragment anchors", async () => {
    const r = gate(await checkLinks(site.dir));
    expect(r.count).toBeGreaterThan(100);
    expect(r.failures).toEqual([]);
  });

  it("has no HTML validation errors on any page", async () => {
    const r = gate(await validateHtml(site.dir));
    expect(r.count).toBe(site.report.pages);
    expect(r.failures).toEqual([]);
  });

  it("shows every word of both transcripts on their pages or in the removed lines", async () => {
    const r = gate(await checkFidelity(SEEDS_DIR, site.dir, site.report.transcripts));
    expect(r.count).toBeGreaterThan(5000);
    expect(r.failures).toEqual([]);
  });

  it("has no axe-core violations on any page (home, search, transcripts)", async () => {
    const pages = await htmlPages(site.dir);
    const failures: string[] = [];
    for (const file of pages) {
      const page = await browser.newPage();
      await page.goto(served.url + pageUrlOf(file).slice(1));
      for (const v of await axeViolations(page)) failures.push(`${pageUrlOf(file)}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(" ")}`);
      await page.close();
    }
    gate({ gate: "axe", unit: "pages audited", count: pages.length, failures });
    expect(pages.map(pageUrlOf)).toEqual(expect.arrayContaining(["/", "/search/"]));
    expect(failures).toEqual([]);
  });

  it("runs only the site's own scripts", async () => {
    const pages = await htmlPages(site.dir);
    const failures: string[] = [];
    for (const file of pages) {
      const page = await browser.newPage();
      const trap = await armScriptTrap(page);
      await page.goto(served.url + pageUrlOf(file).slice(1));
      for (const f of [...(await injectedCode(page)), ...trap.dialogs]) failures.push(`${pageUrlOf(file)}: ${f}`);
      await page.close();
    }
    gate({ gate: "scripts", unit: "pages loaded with the script trap", count: pages.length, failures });
    expect(failures).toEqual([]);
  });
});

