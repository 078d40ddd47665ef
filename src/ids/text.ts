import { createHash } from "node:crypto";
import type { Section } from "../model/transcript.js";

/**
 * What the ledger remembers of a section's text: an exact fingerprint (to recognise an unchanged section
 * wherever it moved) and two small similarity sketches, one of the question and one of the answer (or of
 * the remarks), to recognise a section whose wording was corrected.
 */
export interface SectionText {
  kind: Section["kind"];
  /** sha256 of the section's text (words joined by single spaces), first 16 hex digits. */
  fingerprint: string;
  question: string[];
  answer: string[];
  /** Paragraph counts per id letter: q (question), a (answer), p (remarks). */
  paragraphs: { q: number; a: number; p: number };
}

/** How many of the smallest shingle hashes a sketch keeps (bottom-k MinHash). Short texts keep all of theirs. */
export const SKETCH_SIZE = 64;

export function words(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Shingles are the words and the pairs of adjacent words, so both vocabulary and word order count. */
function shingles(ws: string[]): Set<string> {
  const out = new Set<string>(ws);
  for (let i = 1; i < ws.length; i++) out.add(`${ws[i - 1]} ${ws[i]}`);
  return out;
}

const hash8 = (s: string): string => createHash("sha256").update(s).digest("hex").slice(0, 8);

/** The SKETCH_SIZE smallest 32-bit hashes of the text's shingles, sorted: a fixed-size stand-in for the set. */
export function sketch(text: string): string[] {
  return [...new Set([...shingles(words(text))].map(hash8))].sort().slice(0, SKETCH_SIZE);
}

/**
 * Estimated Jaccard similarity of two texts from their sketches: among the k smallest hashes of the union,
 * the share present in both. Exact when both texts have fewer than SKETCH_SIZE shingles.
 */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Both sketches are sorted: merge them, stopping after SKETCH_SIZE distinct hashes.
  let i = 0, j = 0, seen = 0, both = 0;
  while (seen < SKETCH_SIZE && (i < a.length || j < b.length)) {
    const x = a[i], y = b[j];
    if (x !== undefined && y !== undefined && x === y) { both++; i++; j++; }
    else if (y === undefined || (x !== undefined && x < y)) i++;
    else j++;
    seen++;
  }
  return both / seen;
}

const paragraphText = (turns: { paragraphs: { text: string }[] }[]): string => turns.flatMap((t) => t.paragraphs.map((p) => p.text)).join("\n");

export function sectionText(s: Section): SectionText {
  const question = s.kind === "qa" ? paragraphText(s.question) : "";
  const answer = s.kind === "qa" ? paragraphText(s.answer) : paragraphText(s.turns);
  const count = (turns: { paragraphs: unknown[] }[]): number => turns.reduce((n, t) => n + t.paragraphs.length, 0);
  return {
    kind: s.kind,
    fingerprint: createHash("sha256").update(`${s.kind}\n${words(question).join(" ")}\n${words(answer).join(" ")}`).digest("hex").slice(0, 16),
    question: sketch(question),
    answer: sketch(answer),
    paragraphs: s.kind === "qa" ? { q: count(s.question), a: count(s.answer), p: 0 } : { q: 0, a: 0, p: count(s.turns) },
  };
}

/**
 * How alike two sections are, 0..1: the mean of question and answer similarity (parts empty on both sides
 * are left out). Sections of different kinds never match; an identical fingerprint is 1.
 */
export function sectionScore(a: Pick<SectionText, "kind" | "fingerprint" | "question" | "answer">, b: Pick<SectionText, "kind" | "fingerprint" | "question" | "answer">): number {
  if (a.kind !== b.kind) return 0;
  if (a.fingerprint === b.fingerprint) return 1;
  const parts: number[] = [];
  if (a.question.length || b.question.length) parts.push(similarity(a.question, b.question));
  if (a.answer.length || b.answer.length) parts.push(similarity(a.answer, b.answer));
  return parts.length ? parts.reduce((x, y) => x + y, 0) / parts.length : 0;
}
