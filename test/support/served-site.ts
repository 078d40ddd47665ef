import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.js";
import { buildSite, type BuiltSite } from "./build-site.js";
import { serveStatic, type Served } from "./serve.js";

export interface ServedSite {
  site: BuiltSite;
  served: Served;
  browser: Browser;
}

/**
 * For one describe block: a real build, served on 127.0.0.1 (under `prefix`, if given), and real Chromium;
 * both are closed afterwards. The fields are filled in by the time the tests run.
 */
export function useServedSite(options: Parameters<typeof buildSite>[0] = {}, prefix = "/"): ServedSite {
  const ctx = {} as ServedSite;
  beforeAll(async () => {
    ctx.site = await buildSite(options);
    ctx.served = await serveStatic(ctx.site.dir, prefix);
    ctx.browser = await launchChromium();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.served?.close();
  });
  return ctx;
}
