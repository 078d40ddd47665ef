import type { AnswerSummary } from "../emit/answer-pages.js";
import { PageDataSchema } from "../emit/front-matter.js";
import { slugify } from "../parse/ids.js";

export interface TranscriptItem {
  url: string;
  title: string;
  eventDate: string | null;
  place: string | null;
  speakers: string[];
  answers: number;
  wordCount: number;
  publisher: string | null;
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
      const d = PageDataSchema.pick({ title: true, eventDate: true, place: true, speakers: true, toc: true, wordCount: true, source: true }).parse(item.data);
      return {
        url: item.url,
        title: d.title,
        eventDate: d.eventDate,
        place: d.place,
        speakers: d.speakers,
        answers: d.toc.filter((s) => s.kind === "qa").length,
        wordCount: d.wordCount,
        publisher: d.source.publisher ?? null,
      };
    })
    .sort(newestFirst);
}

export function newestFirst(a: Pick<TranscriptItem, "eventDate" | "title" | "url">, b: Pick<TranscriptItem, "eventDate" | "title" | "url">): number {
  return (b.eventDate ?? "").localeCompare(a.eventDate ?? "") || a.title.localeCompare(b.title) || a.url.localeCompare(b.url);
}

export interface YearGroup {
  /** "2020", or "undated". */
  year: string;
  label: string;
  transcripts: TranscriptItem[];
}

/** Transcripts by year, newest year first, undated last; the year pages live at /2020/ and /undated/. */
export function yearGroups(transcripts: TranscriptItem[]): YearGroup[] {
  const byYear = new Map<string, TranscriptItem[]>();
  for (const t of transcripts) {
    const year = t.eventDate?.slice(0, 4) ?? "undated";
    byYear.set(year, [...(byYear.get(year) ?? []), t]);
  }
  return [...byYear]
    .sort(([a], [b]) => (a === "undated" ? 1 : b === "undated" ? -1 : b.localeCompare(a)))
    .map(([year, items]) => ({ year, label: year === "undated" ? "Undated" : year, transcripts: items }));
}

export interface SpeakerTranscript {
  transcript: TranscriptItem;
  answers: number;
  questions: number;
  /** The questions this speaker answered there, in order, with their answer pages. */
  answered: { number: number; summary: string; url: string }[];
}

export interface SpeakerItem {
  name: string;
  slug: string;
  url: string;
  answers: number;
  questions: number;
  transcripts: SpeakerTranscript[];
}

/**
 * One entry per named speaker: the transcripts they speak in (newest first), with how many questions they
 * answered and asked there. Slugs are unique: a second name with the same slug gets "-2" (names sorted first,
 * so the suffix never depends on input order).
 */
export function speakerItems(transcripts: TranscriptItem[], answers: AnswerSummary[]): SpeakerItem[] {
  const names = [...new Set(transcripts.flatMap((t) => t.speakers))].sort((a, b) => a.localeCompare(b));
  const counts = new Map<string, { answers: number; questions: number; answered: SpeakerTranscript["answered"] }>();
  const key = (name: string, url: string) => `${name}\u0000${url}`;
  const entry = (name: string, url: string) => {
    const c = counts.get(key(name, url)) ?? { answers: 0, questions: 0, answered: [] };
    counts.set(key(name, url), c);
    return c;
  };
  for (const a of answers) {
    for (const name of a.answerers) {
      const c = entry(name, a.transcript.url);
      c.answers++;
      c.answered.push({ number: a.number, summary: a.summary, url: a.permalink });
    }
    if (a.asker) entry(a.asker, a.transcript.url).questions++;
  }
  const used = new Set<string>();
  return names.map((name) => {
    const base = slugify(name, 12) || "speaker";
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    const list = transcripts
      .filter((t) => t.speakers.includes(name))
      .map((t) => ({ transcript: t, ...(counts.get(key(name, t.url)) ?? { answers: 0, questions: 0, answered: [] }) }));
    return {
      name,
      slug,
      url: `/speakers/${slug}/`,
      answers: list.reduce((n, s) => n + s.answers, 0),
      questions: list.reduce((n, s) => n + s.questions, 0),
      transcripts: list,
    };
  });
}
