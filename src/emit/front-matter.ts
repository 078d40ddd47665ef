import yaml from "js-yaml";
import { z } from "zod";
import type { Transcript } from "../model/transcript.js";
import { wordCount } from "../parse/lines.js";
import { pageUrl } from "./page-url.js";
import { sectionSummary, sectionTitle } from "./summary.js";

/** What a transcript page's front-matter holds; the site's layouts read exactly this (validated on both sides). */
export const PageDataSchema = z.object({
  layout: z.literal("transcript.11ty.js"),
  permalink: z.string().regex(/^\/[^\s{}%]*\/$/u),
  title: z.string(),
  subtitle: z.string().nullable(),
  eventDate: z.string().nullable(),
  place: z.string().nullable(),
  speakers: z.array(z.string()),
  source: z.object({ url: z.string().optional(), publisher: z.string().optional(), published: z.string().optional() }),
  tags: z.array(z.string()),
  language: z.string(),
  file: z.string(),
  wordCount: z.number().int().nonnegative(),
  header: z.array(z.object({ line: z.number(), text: z.string(), role: z.string() })),
  toc: z.array(z.object({ id: z.string(), kind: z.enum(["remarks", "qa"]), title: z.string(), summary: z.string(), asker: z.string().nullable() })),
  warnings: z.array(z.object({ line: z.number(), code: z.string(), message: z.string(), severity: z.string() })),
  /** Old URLs of this transcript (per-answer pages of aliased ids, former page URLs) and where they lead now. */
  redirects: z.array(z.object({ from: z.string().regex(/^\/[^\s{}%#?]*\/$/u), to: z.string().regex(/^\/[^\s{}%?]*$/u) })).default([]),
});
export type PageData = z.infer<typeof PageDataSchema>;

export function pageData(t: Transcript, file: string, redirects: PageData["redirects"] = []): PageData {
  let qa = 0;
  const words = t.sections
    .flatMap((s) => (s.kind === "qa" ? [...s.question, ...s.answer] : s.turns))
    .flatMap((turn) => turn.paragraphs)
    .reduce((n, p) => n + wordCount(p.text), 0);
  return PageDataSchema.parse({
    layout: "transcript.11ty.js",
    permalink: pageUrl(t),
    title: t.title,
    subtitle: t.subtitle,
    eventDate: t.date,
    place: t.place,
    speakers: t.speakers,
    source: t.source,
    tags: t.tags,
    language: t.language,
    file,
    wordCount: words,
    header: t.header,
    toc: t.sections.map((s, i) => ({
      id: s.id,
      kind: s.kind,
      title: s.kind === "qa" ? sectionTitle(s, ++qa) : sectionTitle(s, i),
      summary: sectionSummary(s),
      asker: s.kind === "qa" ? (s.question.find((q) => q.speaker)?.speaker ?? null) : null,
    })),
    warnings: t.warnings,
    redirects,
  });
}

/**
 * js-yaml 4 writes and Eleventy reads with js-yaml 4. Every string is double-quoted (forceQuotes), so titles
 * with colons, "yes", "2020-10-05", "---", "#" or line breaks read back as the very same string, whatever the
 * YAML rules for plain scalars. lineWidth -1: no folding, so output never depends on width rules.
 * test/emit/front-matter.test.ts checks the round trip through a real Eleventy build.
 */
export function frontMatter(data: PageData): string {
  return `---\n${yaml.dump(data, { lineWidth: -1, noRefs: true, sortKeys: false, quotingType: '"', forceQuotes: true })}---\n`;
}
