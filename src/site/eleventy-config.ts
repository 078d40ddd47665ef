import { HtmlBasePlugin } from "@11ty/eleventy";
import { fileURLToPath } from "node:url";
import { loadSiteConfig, type SiteConfig } from "../config/site-config.js";
import type { AnswerSource } from "../emit/answer-pages.js";
import { speakerItems, transcriptItems, yearGroups, type SpeakerItem, type YearGroup } from "./collections.js";
import type { SiteIndex } from "./site-index.js";
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

/**
 * What one Eleventy run renders (src/build/render.ts). A build renders the transcripts in shards ("pages":
 * transcript pages, their answer pages and redirect pages) and then the pages that list them ("lists": home,
 * years, speakers, search, 404, and the assets), so no run holds the whole archive. Without a plan (Eleventy
 * run bare over an emitted folder) one run renders everything and the lists come from its own pages.
 */
export interface RenderPlan {
  mode: "all" | "pages" | "lists";
  /** The whole archive's transcripts and speakers (src/site/site-index.ts). */
  index?: SiteIndex;
  answers?: AnswerSource;
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
  const plan: RenderPlan = (eleventyConfig.globalData?.verbatimRender as RenderPlan | undefined) ?? { mode: "all" };
  const pages = plan.mode !== "lists";
  const lists = plan.mode !== "pages";
  eleventyConfig.addGlobalData("site", site);
  eleventyConfig.addPlugin(HtmlBasePlugin);
  if (lists) eleventyConfig.addPassthroughCopy({ [ASSETS_DIR]: "assets" });
  eleventyConfig.setQuietMode(true);
  // The emitted pages live in a git-ignored build folder; Eleventy must not skip them for that.
  eleventyConfig.setUseGitIgnore(false);
  // The archive's lists: from the build's site index, or (bare) from this run's emitted pages' front-matter.
  const transcripts = (api: CollectionApi) => plan.index?.transcripts ?? transcriptItems(api.getAll());
  eleventyConfig.addCollection("transcripts", transcripts);
  eleventyConfig.addCollection("years", (api: CollectionApi) => yearGroups(transcripts(api)));
  eleventyConfig.addCollection("speakers", (api: CollectionApi) => plan.index?.speakers ?? speakerItems(transcripts(api), []));
  if (pages) addPageTemplates(eleventyConfig, plan.answers);
  if (lists) addListTemplates(eleventyConfig);
  return {
    dir: { input: folders.pages, output: folders.output, includes: "_includes" },
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
    templateFormats: ["md", "11ty.js"],
  };
}

/** Transcript pages (the layout of the emitted Markdown), one page per answer, and redirects from old URLs. */
function addPageTemplates(eleventyConfig: any, answers: AnswerSource | undefined): void {
  eleventyConfig.addTemplate("_includes/transcript.11ty.js", { render: (data: Data) => renderTranscript(data) });
  // One paginated template for every answer page: no file to write, read and parse per answer, and Eleventy
  // keeps one template instead of ten per transcript.
  eleventyConfig.addTemplate("answers.11ty.js", {
    data: {
      verbatimAnswers: answers?.permalinks ?? [],
      pagination: { data: "verbatimAnswers", size: 1, alias: "answerPermalink", addAllPagesToCollections: false },
      permalink: (data: { answerPermalink: string }) => data.answerPermalink,
      eleventyExcludeFromCollections: true,
    },
    render: (data: Data & { pagination: { pageNumber: number } }) => renderAnswer({ ...answers!.page(data.pagination.pageNumber), site: data.site }),
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
}

/** The pages that list transcripts, and the fixed pages. */
function addListTemplates(eleventyConfig: any): void {
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
    render: (data: Data) => renderSearch({ site: data.site, transcripts: data.collections.transcripts }),
  });
}
