import { HtmlBasePlugin } from "@11ty/eleventy";
import { fileURLToPath } from "node:url";
import { loadSiteConfig, type SiteConfig } from "../config/site-config.js";
import { transcriptItems } from "./collections.js";
import { renderHome } from "./templates/home.js";
import { redirectsOf, renderRedirect, type Redirect } from "./templates/redirect.js";
import { renderSearch } from "./templates/search.js";
import { renderTranscript } from "./templates/transcript.js";

/** Where the emit stage writes the Markdown pages Eleventy renders. */
export const PAGES_DIR = ".verbatim/pages";
const ASSETS_DIR = fileURLToPath(new URL("./assets/", import.meta.url));

/** Folders of one build, relative to the project root. */
export interface BuildFolders {
  pages: string;
  output: string;
}

type Data = Record<string, unknown> & { site: SiteConfig; content: string; collections: { all: { url: string; data: Record<string, unknown> }[] } };

/**
 * Eleventy configuration. Templates are TypeScript functions registered as virtual templates, so the
 * input folder holds nothing but the emitted transcript pages. The site settings come in as global data.
 */
export default function verbatimEleventy(eleventyConfig: any): object {
  // A build (src/build/build.ts) passes its settings and folders as global data; run bare, Eleventy gets the defaults.
  const site: SiteConfig = (eleventyConfig.globalData?.site as SiteConfig | undefined) ?? loadSiteConfig();
  const folders: BuildFolders = (eleventyConfig.globalData?.verbatimFolders as BuildFolders | undefined) ?? { pages: PAGES_DIR, output: site.output };
  eleventyConfig.addGlobalData("site", site);
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPassthroughCopy({ [ASSETS_DIR]: "assets" });
  eleventyConfig.setQuietMode(true);
  // The emitted pages live in a git-ignored build folder; Eleventy must not skip them for that.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.addTemplate("_includes/transcript.11ty.js", { render: (data: Data) => renderTranscript(data) });
  eleventyConfig.addTemplate("index.11ty.js", {
    data: { permalink: "/", eleventyExcludeFromCollections: true },
    render: (data: Data) => renderHome({ site: data.site, transcripts: transcriptItems(data.collections.all) }),
  });
  eleventyConfig.addTemplate("search.11ty.js", {
    data: { permalink: "/search/", eleventyExcludeFromCollections: true },
    render: (data: Data) => renderSearch({ site: data.site }),
  });
  // Old ids' per-answer URLs and former page URLs (src/ids/reconcile.ts) get static redirect pages.
  eleventyConfig.addTemplate("redirects.11ty.js", {
    data: {
      pagination: { data: "collections.all", size: 1, alias: "redirect", before: (all: { data: Record<string, unknown> }[]) => redirectsOf(all) },
      permalink: (data: { redirect: Redirect }) => data.redirect.from,
      eleventyExcludeFromCollections: true,
    },
    render: (data: Data & { redirect: Redirect }) => renderRedirect(data.redirect, data.site),
  });
  return {
    dir: { input: folders.pages, output: folders.output, includes: "_includes" },
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
    templateFormats: ["md", "11ty.js"],
  };
}
