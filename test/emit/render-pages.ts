import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderSite } from "../../src/build/render.js";
import { loadSiteConfig } from "../../src/config/site-config.js";
import { emitMarkdown } from "../../src/emit/markdown.js";
import type { Transcript } from "../../src/model/transcript.js";
import { ROOT } from "../support/paths.js";

/** Emits the transcripts as Markdown pages and renders them with the project's real Eleventy configuration. */
export async function renderTranscripts(transcripts: Transcript[]): Promise<{ out: string; pages: string[] }> {
  const tmp = await mkdtemp(join(tmpdir(), "verbatim-emit-"));
  const pagesDir = join(tmp, "pages");
  await mkdir(join(pagesDir, "transcripts"), { recursive: true });
  const pages = transcripts.map((t, i) => emitMarkdown(t, `hostile-${i}.txt`));
  for (const [i, md] of pages.entries()) await writeFile(join(pagesDir, "transcripts", `${i}.md`), md);
  const out = join(tmp, "site");
  await renderSite(ROOT, loadSiteConfig(ROOT), pagesDir, out);
  return { out, pages };
}

/** A valid transcript around the given sections; callers override what they test. */
export function transcript(over: Partial<Transcript>): Transcript {
  return {
    title: "Hostile text", subtitle: null, date: "2021-03-04", place: null, language: "en", speakers: [], source: {}, tags: [],
    slug: "hostile-text", header: [], sections: [], removed: [], warnings: [],
    ...over,
  };
}
