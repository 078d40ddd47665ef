import type { SiteConfig } from "../config/site-config.js";
import { TranscriptSchema } from "../model/transcript.js";
import type { Published } from "./published.js";
import { publicUrl } from "./urls.js";

type Site = Pick<SiteConfig, "title" | "description" | "language" | "baseUrl" | "pathPrefix">;

function links(site: Site, p: Published) {
  return { url: publicUrl(site, p.path), json: publicUrl(site, `${p.path}index.json`), markdown: publicUrl(site, `${p.path}index.md`) };
}

/** index.json next to a transcript page: its links, its questions' pages, and the parsed transcript (validated). */
export function transcriptJson(site: Site, p: Published): string {
  const doc = {
    ...links(site, p),
    wordCount: p.wordCount,
    questions: p.questions.map((q) => ({ id: q.id, number: q.number, summary: q.summary, asker: q.asker, url: publicUrl(site, q.path), anchor: `${publicUrl(site, p.path)}#${q.id}` })),
    transcript: TranscriptSchema.parse(p.t),
  };
  return JSON.stringify(doc, null, 2) + "\n";
}

/** /transcripts.json: every transcript, newest first, with where to find its page, JSON and Markdown. */
export function indexJson(site: Site, all: Published[]): string {
  const doc = {
    title: site.title,
    description: site.description,
    language: site.language,
    ...(site.baseUrl ? { baseUrl: site.baseUrl } : {}),
    count: all.length,
    transcripts: all.map((p) => ({
      title: p.t.title,
      date: p.t.date,
      place: p.t.place,
      speakers: p.t.speakers,
      publisher: p.t.source.publisher ?? null,
      source: p.t.source.url ?? null,
      language: p.t.language,
      questions: p.questions.length,
      wordCount: p.wordCount,
      ...links(site, p),
    })),
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
