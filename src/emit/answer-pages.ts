import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import yaml from "js-yaml";
import { z } from "zod";
import { TurnSchema, type QaSection, type Transcript } from "../model/transcript.js";
import { pageUrl } from "./page-url.js";
import { sectionSummary } from "./summary.js";

/**
 * Every question/answer section also gets a page of its own at the transcript URL plus the section id
 * (README, "Anchor and URL contract"), so a shared link can preview the question itself. The page is a
 * Markdown file with front-matter only: the layout (src/site/templates/answer.ts) renders the turns from
 * this data, escaping every word, so nothing in a transcript ever becomes markup.
 */
const Neighbour = z.object({ id: z.string(), number: z.number().int().positive(), summary: z.string() }).nullable();

export const AnswerPageDataSchema = z.object({
  layout: z.literal("answer.11ty.js"),
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

export function answerPages(t: Transcript): AnswerPageData[] {
  const url = pageUrl(t);
  const qa = t.sections.filter((s): s is QaSection => s.kind === "qa");
  const neighbour = (i: number) => {
    const s = qa[i];
    return s ? { id: s.id, number: i + 1, summary: sectionSummary(s) } : null;
  };
  return qa.map((s, i) =>
    AnswerPageDataSchema.parse({
      layout: "answer.11ty.js",
      permalink: answerUrl(url, s.id),
      id: s.id,
      number: i + 1,
      total: qa.length,
      summary: sectionSummary(s),
      asker: s.question.find((q) => q.speaker)?.speaker ?? null,
      answerers: [...new Set(s.answer.map((a) => a.speaker).filter((n): n is string => n !== null))],
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
    }),
  );
}

/** Writes one front-matter-only Markdown page per answer into `dir`/answers/, named by transcript order. */
export async function writeAnswerPages(dir: string, parsed: { t: Transcript }[]): Promise<number> {
  let n = 0;
  for (const [i, { t }] of parsed.entries()) {
    const pages = answerPages(t);
    if (!pages.length) continue;
    const sub = join(dir, "answers", String(i).padStart(5, "0"));
    await mkdir(sub, { recursive: true });
    for (const p of pages) {
      await writeFile(join(sub, `${String(p.number).padStart(4, "0")}.md`), `---\n${yaml.dump(p, { lineWidth: -1, noRefs: true, sortKeys: false, quotingType: '"' })}---\n`);
      n++;
    }
  }
  return n;
}
