import { z } from "zod";
import { TurnSchema, type QaSection, type Transcript } from "../model/transcript.js";
import { pageUrl } from "./page-url.js";
import { sectionSummary } from "./summary.js";

/**
 * Every question/answer section also gets a page of its own at the transcript URL plus the section id
 * (README, "Anchor and URL contract"), so a shared link can preview the question itself. No file is emitted
 * for it: one paginated Eleventy template renders every answer page of a shard from this data
 * (src/site/eleventy-config.ts), and its layout (src/site/templates/answer.ts) escapes every word, so nothing
 * in a transcript ever becomes markup.
 */
const Neighbour = z.object({ id: z.string(), number: z.number().int().positive(), summary: z.string() }).nullable();

export const AnswerPageDataSchema = z.object({
  permalink: z.string().regex(/^\/[^\s{}%]*\/$/u),
  id: z.string(),
  /** 1-based number of this question in its transcript (the "Question 3" of the transcript page). */
  number: z.number().int().positive(),
  total: z.number().int().positive(),
  summary: z.string(),
  asker: z.string().nullable(),
  /** Named people who answer, in order. */
  answerers: z.array(z.string()),
  question: z.array(TurnSchema),
  answer: z.array(TurnSchema),
  prev: Neighbour,
  next: Neighbour,
  transcript: z.object({
    url: z.string(),
    title: z.string(),
    eventDate: z.string().nullable(),
    place: z.string().nullable(),
    speakers: z.array(z.string()),
    publisher: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    published: z.string().nullable(),
    language: z.string(),
  }),
});
export type AnswerPageData = z.infer<typeof AnswerPageDataSchema>;

export function answerUrl(transcriptUrl: string, sectionId: string): string {
  return `${transcriptUrl}${sectionId}/`;
}

/** What the speaker pages need of each answer page, without its text. */
export type AnswerSummary = Pick<AnswerPageData, "permalink" | "number" | "summary" | "asker" | "answerers"> & { transcript: { url: string } };

export function answerSummaries(t: Transcript): AnswerSummary[] {
  const url = pageUrl(t);
  return t.sections
    .filter((s): s is QaSection => s.kind === "qa")
    .map((s, i) => ({
      permalink: answerUrl(url, s.id),
      number: i + 1,
      summary: sectionSummary(s),
      asker: s.question.find((q) => q.speaker)?.speaker ?? null,
      answerers: [...new Set(s.answer.map((a) => a.speaker).filter((n): n is string => n !== null))],
      transcript: { url },
    }));
}

export function answerPages(t: Transcript): AnswerPageData[] {
  const url = pageUrl(t);
  const qa = t.sections.filter((s): s is QaSection => s.kind === "qa");
  const summaries = answerSummaries(t);
  const neighbour = (i: number) => {
    const s = qa[i];
    const x = summaries[i];
    return s && x ? { id: s.id, number: x.number, summary: x.summary } : null;
  };
  return qa.map((s, i) => {
    const x = summaries[i]!;
    return AnswerPageDataSchema.parse({
      permalink: x.permalink,
      id: s.id,
      number: x.number,
      total: qa.length,
      summary: x.summary,
      asker: x.asker,
      answerers: x.answerers,
      question: s.question,
      answer: s.answer,
      prev: neighbour(i - 1),
      next: neighbour(i + 1),
      transcript: {
        url,
        title: t.title,
        eventDate: t.date,
        place: t.place,
        speakers: t.speakers,
        publisher: t.source.publisher ?? null,
        sourceUrl: t.source.url ?? null,
        published: t.source.published ?? null,
        language: t.language,
      },
    });
  });
}

/** Answer pages of one Eleventy run's transcripts: their URLs up front, their data only when a page is rendered. */
export interface AnswerSource {
  permalinks: string[];
  page(i: number): AnswerPageData;
}

/**
 * The answer pages of some transcripts for one Eleventy run: every URL up front (Eleventy lays out all its
 * pages before rendering any), each page's data built only when it is rendered, one transcript at a time,
 * so a shard never holds a second copy of its transcripts' text.
 */
export function answerSource(transcripts: Transcript[]): AnswerSource {
  const where: { t: number; n: number }[] = [];
  const permalinks: string[] = [];
  transcripts.forEach((t, ti) => answerSummaries(t).forEach((a, n) => (where.push({ t: ti, n }), permalinks.push(a.permalink))));
  let last: { t: number; pages: AnswerPageData[] } | null = null;
  return {
    permalinks,
    page(i) {
      const at = where[i];
      if (!at) throw new Error(`no answer page ${i}`);
      if (last?.t !== at.t) last = { t: at.t, pages: answerPages(transcripts[at.t]!) };
      return last.pages[at.n]!;
    },
  };
}
