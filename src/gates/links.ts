import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { LinkChecker } from "linkinator";
import type { GateResult } from "./gate.js";
import { htmlPages } from "./site-files.js";

/**
 * Broken internal links and fragment anchors, found by linkinator crawling the built folder from its own
 * local server, with fragment checking on. Links leaving the site (a transcript's source) are not
 * fetched: CI has no network, and a dead ministry page is not a broken build.
 * The count is every internal href/src in every page (each one is resolved by the crawl).
 */
export async function checkLinks(siteDir: string): Promise<GateResult> {
  const checker = new LinkChecker();
  const result = await checker.check({
    path: siteDir,
    recurse: true,
    checkFragments: true,
    concurrency: 8,
    linksToSkip: async (link) => !/^https?:\/\/(?:localhost|127\.0\.0\.1)[:/]/.test(link),
  });
  let count = 0;
  for (const page of await htmlPages(siteDir)) {
    const html = await readFile(join(siteDir, page), "utf8");
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) if (!/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(m[1] ?? "")) count++;
  }
  const failures = result.links
    .filter((l) => l.state === "BROKEN")
    .map((l) => {
      const detail = String((l.failureDetails?.[0] as Error | undefined)?.message ?? "").slice(0, 120);
      return `${l.url.replace(siteDir, "")} (${l.status ?? "no status"}${detail ? `: ${detail}` : ""}) linked from ${l.parent?.replace(siteDir, "") || "/"}`;
    });
  return { gate: "links", unit: "internal links and fragment anchors checked", count, failures };
}
