import { PageDataSchema } from "../emit/front-matter.js";

export interface TranscriptItem {
  url: string;
  title: string;
  eventDate: string | null;
  place: string | null;
  speakers: string[];
  answers: number;
}

interface EleventyItem {
  url: string;
  data: Record<string, unknown>;
}

/** Transcript pages, newest first; ties broken by title and URL so the order never depends on file system order. */
export function transcriptItems(all: EleventyItem[]): TranscriptItem[] {
  return all
    .filter((item) => item.data.layout === "transcript.11ty.js")
    .map((item) => {
      const d = PageDataSchema.pick({ title: true, eventDate: true, place: true, speakers: true, toc: true }).parse(item.data);
      return { url: item.url, title: d.title, eventDate: d.eventDate, place: d.place, speakers: d.speakers, answers: d.toc.filter((s) => s.kind === "qa").length };
    })
    .sort((a, b) => (b.eventDate ?? "").localeCompare(a.eventDate ?? "") || a.title.localeCompare(b.title) || a.url.localeCompare(b.url));
}
