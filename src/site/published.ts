import { pageData } from "../emit/front-matter.js";
import { answerUrl } from "../emit/answer-pages.js";
import { pageUrl } from "../emit/page-url.js";
import type { Transcript } from "../model/transcript.js";

/** What the data files (feeds, JSON, Markdown, sitemap) know about one published transcript. */
export interface Published {
  t: Transcript;
  file: string;
  /** Root-relative page URL without the path prefix, e.g. "/2020/10/05/slug/". */
  path: string;
  wordCount: number;
  questions: { id: string; number: number; summary: string; asker: string | null; path: string }[];
}

export function published(parsed: { file: string; t: Transcript }[]): Published[] {
  return parsed
    .map(({ file, t }) => {
      const d = pageData(t, file);
      const path = pageUrl(t);
      const qa = d.toc.filter((s) => s.kind === "qa");
      return {
        t,
        file,
        path,
        wordCount: d.wordCount,
        questions: qa.map((s, i) => ({ id: s.id, number: i + 1, summary: s.summary, asker: s.asker, path: answerUrl(path, s.id) })),
      };
    })
    .sort((a, b) => (b.t.date ?? "").localeCompare(a.t.date ?? "") || a.t.title.localeCompare(b.t.title) || a.path.localeCompare(b.path));
}
