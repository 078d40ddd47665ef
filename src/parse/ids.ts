import type { Section, Turn } from "../model/transcript.js";

/**
 * The anchor id contract (README, "Anchor and URL contract"):
 * - a question/answer section: the first six words of its question, slugified ("you-have-mentioned-our-relations-with");
 *   a second section with the same words gets "-2", a third "-3", in document order;
 * - opening remarks: "remarks" (then "remarks-2", ...);
 * - paragraphs: section id + "--q1", "--a3" (question / answer paragraphs, counted across turns) or "--p2" (remarks).
 * Slugs never contain "--", so paragraph ids cannot collide with section ids.
 * Ids depend on a section's own question only, so inserting, deleting or editing other sections leaves them alone.
 * These are natural ids; across builds the id ledger (src/ids/reconcile.ts) keeps the ids already published.
 */

const SLUG_WORDS = 6;

export function slugify(text: string, maxWords = SLUG_WORDS): string {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`]/gu, "")
    .match(/[\p{L}\p{N}]+/gu);
  return (words ?? []).slice(0, maxWords).join("-");
}

export function baseSectionId(section: Pick<Section, "kind"> & { question?: Turn[]; answer?: Turn[] }): string {
  if (section.kind === "remarks") return "remarks";
  const firstText = [...(section.question ?? []), ...(section.answer ?? [])]
    .flatMap((t) => t.paragraphs)
    .map((p) => p.text)
    .find((t) => slugify(t) !== "");
  const slug = firstText ? slugify(firstText) : "";
  return slug === "" ? "question" : slug;
}

/** Gives every section and paragraph its id, in place of whatever ids they carried. */
export function assignIds(sections: Section[]): Section[] {
  const issued = new Set<string>();
  return sections.map((section) => {
    const base = baseSectionId(section);
    let id = base;
    for (let n = 2; issued.has(id); n++) id = `${base}-${n}`;
    issued.add(id);
    return withParagraphIds({ ...section, id });
  });
}

export function withParagraphIds(section: Section): Section {
  const number = (turns: Turn[], letter: string): Turn[] => {
    let i = 0;
    return turns.map((t) => ({ ...t, paragraphs: t.paragraphs.map((p) => ({ ...p, id: `${section.id}--${letter}${++i}` })) }));
  };
  if (section.kind === "remarks") return { ...section, turns: number(section.turns, "p") };
  return { ...section, question: number(section.question, "q"), answer: number(section.answer, "a") };
}
