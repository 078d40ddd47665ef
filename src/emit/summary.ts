import type { Section } from "../model/transcript.js";

const SUMMARY_WORDS = 14;

/** A short line for tables of contents and headings: the question's opening words. */
export function sectionSummary(section: Section): string {
  const paragraphs = section.kind === "qa" ? [...section.question, ...section.answer] : section.turns;
  const text = paragraphs.flatMap((t) => t.paragraphs).map((p) => p.text).find((t) => t.trim() !== "") ?? "";
  const words = text.trim().split(/\s+/u);
  return words.length > SUMMARY_WORDS ? `${words.slice(0, SUMMARY_WORDS).join(" ")}…` : words.join(" ");
}

export function sectionTitle(section: Section, index: number): string {
  return section.kind === "remarks" ? (index === 0 ? "Opening remarks" : "Remarks") : `Question ${index}`;
}
