import Eleventy, { type TemplateResult } from "@11ty/eleventy";
import { relative, resolve } from "node:path";
import type { SiteConfig } from "../config/site-config.js";
import type { BuildFolders, RenderPlan } from "../site/eleventy-config.js";
import { eleventyConfigFile } from "./config-file.js";

export interface RenderedFile {
  /** Absolute path of the written file. */
  outputPath: string;
  url: string | false;
  /** Whether the page opts in to search (data-pagefind-body): the index reads only those back from disk. */
  searchable: boolean;
}

/**
 * Runs Eleventy over the emitted pages in `pagesDir`, writing into `outDir`; returns what it wrote. The plan
 * says which pages this run renders (src/site/eleventy-config.ts); without one, it renders everything.
 */
export async function renderSite(root: string, site: SiteConfig, pagesDir: string, outDir: string, plan?: RenderPlan): Promise<RenderedFile[]> {
  // Eleventy resolves its folders, and reports what it wrote, relative to the current folder, which need not
  // be the project root (build({ root }) from elsewhere).
  const cwd = process.cwd();
  const folders: BuildFolders = { pages: relative(cwd, pagesDir) || ".", output: relative(cwd, outDir) };
  const elev = new Eleventy(folders.pages, folders.output, {
    configPath: eleventyConfigFile(root),
    pathPrefix: site.pathPrefix,
    quietMode: true,
    config(c) {
      c.addGlobalData("site", site);
      // Eleventy otherwise keeps every page's source in a process-wide cache keyed by path: a second build in
      // the same process (dev mode's rebuilds) would render stale pages, and 10,000 pages stay in memory.
      c.setUseTemplateCache(false);
      c.addGlobalData("verbatimFolders", folders);
      // Frozen, so Eleventy's data merge hands every page this very object instead of copying the archive's lists.
      if (plan) c.addGlobalData("verbatimRender", Object.freeze({ ...plan }));
    },
  });
  // Eleventy prints a "Wrote N files" line for every run, even in quiet mode; a build of many shards reports
  // its own totals instead. Warnings and errors still reach the console.
  (elev as unknown as { logger: { overrideLogger(l: object): void } }).logger.overrideLogger({ log() {}, info() {}, warn: (...a: unknown[]) => console.warn(...a), error: (...a: unknown[]) => console.error(...a) });
  const [, templates] = await elev.write();
  return templates
    .filter((r): r is TemplateResult & { outputPath: string } => typeof r.outputPath === "string")
    .map((r) => ({ outputPath: resolve(cwd, r.outputPath), url: r.url, searchable: typeof r.content === "string" && r.content.includes("data-pagefind-body") }));
}
