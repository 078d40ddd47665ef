import { z } from "zod";

/**
 * The one model of a transcript. Every stage after parse works on this type; it is validated with zod
 * wherever it crosses a boundary (parse output, JSON written to disk, data read back by the site).
 */

export const ParagraphSchema = z.object({
  /** Permanent anchor id (see README, "Anchor and URL contract"). */
  id: z.string().min(1),
  text: z.string(),
  /** 1-based line in the source text (after any front-matter block, counted in the original file). */
  line: z.number().int().positive(),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const TurnRoleSchema = z.enum(["remarks", "question", "answer"]);
export type TurnRole = z.infer<typeof TurnRoleSchema>;

export const TurnSchema = z.object({
  role: TurnRoleSchema,
  /** The label exactly as written in the source ("Question (via interpreter):"), or null if unlabelled. */
  label: z.string().nullable(),
  /** Normalised name of a person, or null for an anonymous questioner / unknown speaker. */
  speaker: z.string().nullable(),
  /** Affiliation or note given with the label, e.g. "Reuters" in "John Smith (Reuters):". */
  affiliation: z.string().nullable(),
  line: z.number().int().positive(),
  paragraphs: z.array(ParagraphSchema),
});
export type Turn = z.infer<typeof TurnSchema>;

export const RemarksSectionSchema = z.object({
  kind: z.literal("remarks"),
  id: z.string().min(1),
  turns: z.array(TurnSchema),
});
export const QaSectionSchema = z.object({
  kind: z.literal("qa"),
  id: z.string().min(1),
  question: z.array(TurnSchema),
  answer: z.array(TurnSchema),
});
export const SectionSchema = z.discriminatedUnion("kind", [RemarksSectionSchema, QaSectionSchema]);
export type RemarksSection = z.infer<typeof RemarksSectionSchema>;
export type QaSection = z.infer<typeof QaSectionSchema>;
export type Section = z.infer<typeof SectionSchema>;

export const SourceLineSchema = z.object({ line: z.number().int().positive(), text: z.string() });

export const RemovedLineSchema = SourceLineSchema.extend({
  /** Name of the boilerplate rule that removed it (see src/parse/boilerplate-rules.ts). */
  rule: z.string(),
});
export type RemovedLine = z.infer<typeof RemovedLineSchema>;

export const HeaderLineSchema = SourceLineSchema.extend({
  /** What the line was read as: title, date, place-date, publisher, source, subtitle, ... */
  role: z.string(),
});
export type HeaderLine = z.infer<typeof HeaderLineSchema>;

export const DiagnosticSchema = z.object({
  line: z.number().int().nonnegative(),
  code: z.string(),
  message: z.string(),
  severity: z.enum(["warning", "error"]),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const SourceSchema = z.object({
  url: z.string().optional(),
  publisher: z.string().optional(),
  published: IsoDate.optional(),
});

export const TranscriptSchema = z.object({
  title: z.string(),
  subtitle: z.string().nullable(),
  /** Date of the event, ISO YYYY-MM-DD, or null when none could be found. */
  date: IsoDate.nullable(),
  place: z.string().nullable(),
  language: z.string(),
  /** Named people who speak, in order of first appearance (no "Question"/"Q"). */
  speakers: z.array(z.string()),
  source: SourceSchema,
  tags: z.array(z.string()),
  /** URL slug (without date); from front-matter or derived from the title. */
  slug: z.string().min(1),
  /** Lines read as metadata; shown on the page as the original header so no word is lost. */
  header: z.array(HeaderLineSchema),
  sections: z.array(SectionSchema),
  removed: z.array(RemovedLineSchema),
  warnings: z.array(DiagnosticSchema),
});
export type Transcript = z.infer<typeof TranscriptSchema>;
