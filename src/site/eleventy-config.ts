import { HtmlBasePlugin } from "@11ty/eleventy";
import { fileURLToPath } from "node:url";
import { loadSiteConfig, type SiteConfig } from "../config/site-config.js";
import { answerItems, speakerItems, transcriptItems, yearGroups, type SpeakerItem, type YearGroup } from "./collections.js";
import { renderAnswer } from "./templates/answer.js";
import { renderHome } from "./templates/home.js";
import { renderNotFound } from "./templates/not-found.js";
import { redirectsOf, renderRedirect, type Redirect } from "./templates/redirect.js";
import { renderSearch } from "./templates/search.js";
import { renderSpeaker, renderSpeakers } from "./templates/speakers.js";
import { renderTranscript } from "./templates/transcript.js";
import { renderYear } from "./templates/year.js";

/** Where the emit stage writes the Markdown pages Eleventy renders. */
export const PAGES_DIR = ".verbatim/pages";
const ASSETS_DIR = fileURLToPath(new URL("./assets/", import.meta.url));

/** Folders of one build, relative to the project root. */
export interface BuildFolders {
  pages: string;
  output: string;
}

type Item = { url: string; data: Record<string, unknown> };
type Data = Record<string, unknown> & {
  site: SiteConfig;
  content: string;
  collections: { all: Item[]; transcripts: ReturnType<typeof transcriptItems>; years: YearGroup[]; speakers: SpeakerItem[] };
};
type CollectionApi = { getAll(): Item[] };

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
  // Derived lists, computed once per build from the emitted pages' front-matter.
  eleventyConfig.addCollection("transcripts", (api: CollectionApi) => transcriptItems(api.getAll()));
  eleventyConfig.addCollection("years", (api: CollectionApi) => yearGroups(transcriptItems(api.getAll())));
  eleventyConfig.addCollection("speakers", (api: CollectionApi) => speakerItems(transcriptItems(api.getAll()), answerItems(api.getAll())));
  eleventyConfig.addTemplate("_includes/transcript.11ty.js", { render: (data: Data) => renderTranscript(data) });
  eleventyConfig.addTemplate("_includes/answer.11ty.js", { render: (data: Data) => renderAnswer(data) });
  eleventyConfig.addTemplate("index.11ty.js", {
    data: { permalink: "/", eleventyExcludeFromCollections: true },
    render: (data: Data) => renderHome({ site: data.site, transcripts: data.collections.transcripts }),
  });
  eleventyConfig.addTemplate("year.11ty.js", {
    data: {
      pagination: { data: "collections.years", size: 1, alias: "group", addAllPagesToCollections: false },
      permalink: (data: { group: YearGroup }) => `/${data.group.year}/`,
      eleventyExcludeFromCollections: true,
    },
    render: (data: Data & { group: YearGroup }) => renderYear({ site: data.site, group: data.group, years: data.collections.years }),
  });
  eleventyConfig.addTemplate("speakers.11ty.js", {
    data: { permalink: "/speakers/", eleventyExcludeFromCollections: true },
    render: (data: Data) => renderSpeakers({ site: data.site, speakers: data.collections.speakers }),
  });
  eleventyConfig.addTemplate("speaker.11ty.js", {
    data: {
      pagination: { data: "collections.speakers", size: 1, alias: "speaker" },
      permalink: (data: { speaker: SpeakerItem }) => data.speaker.url,
      eleventyExcludeFromCollections: true,
    },
    render: (data: Data & { speaker: SpeakerItem }) => renderSpeaker({ site: data.site, speaker: data.speaker }),
  });
  eleventyConfig.addTemplate("404.11ty.js", {
    data: { permalink: "/404.html", eleventyExcludeFromCollections: true },
    render: (data: Data) => renderNotFound({ site: data.site }),
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
