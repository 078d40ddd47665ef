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
  // Only the first words count, so a long paragraph is cut at whitespace past them first. Exact: every step
  // below works within a run of non-space characters (decomposition, mark removal, lower-casing, where a
  // following space and the end of the text are the same context), so a cut at whitespace changes no word
  // before it. If the cut holds too few words, the loop widens it, up to the whole text.
  for (let end = 16 * maxWords; ; end *= 4) {
    const cut = end >= text.length ? text.length : text.slice(end).search(/\s/u);
    const prefix = cut === -1 || end >= text.length ? text : text.slice(0, end + cut);
    const words = slugWords(prefix);
    if (words.length >= maxWords || prefix.length === text.length) return words.slice(0, maxWords).join("-");
  }
}

function slugWords(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/['’`]/gu, "")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
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
