import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slugify } from "../../src/parse/ids.js";
import { parseTranscript } from "../../src/parse/parse.js";

/** The definition slugify must keep: ids are permanent, so a faster slugify may never give another slug. */
const reference = (text: string, maxWords = 6) =>
  (text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/['’`]/gu, "").match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, maxWords).join("-");

describe("slugify", () => {
  it("gives the same slug as the full-text definition for long and adversarial text", () => {
    const pieces = fc.constantFrom("word", " ", "  ", "\n", "\u00A0", "’", "'", "-", "ΣΑΣ", "Σ", "Лавров", "İstanbul", "ﬁ", "½", "e\u0301", "\u0301", "東京", "𝐀", "...", "—", "a".repeat(500), " ".repeat(300), "-".repeat(400));
    fc.assert(fc.property(fc.array(pieces, { maxLength: 60 }).map((xs) => xs.join("")), fc.integer({ min: 1, max: 12 }), (text, n) => {
      expect(slugify(text, n)).toBe(reference(text, n));
    }), { numRuns: 3000 });
  });

  it("keeps a seed question's id", () => {
    const q = "You have mentioned our relations with the European Union. " + "More words follow here. ".repeat(200);
    expect(slugify(q)).toBe("you-have-mentioned-our-relations-with");
    expect(slugify(q)).toBe(reference(q));
  });
});

describe("page slugs from titles", () => {
  const slugOf = (title: string) => parseTranscript(`${title}\n\nQuestion: Why?\n\nMaria Zakharova: Because.\n`).slug;

  it("leave out the place and the date that end a title, in every way titles write the date", () => {
    expect(slugOf("An extra briefing, Minsk, June 3, 2021")).toBe("extra-briefing");
    expect(slugOf("An extra briefing, Minsk, Thursday, June 3, 2021")).toBe("extra-briefing");
    expect(slugOf("An extra briefing, Minsk, 3 June 2021")).toBe("extra-briefing");
    expect(slugOf("An extra briefing, Minsk, 2021-06-03")).toBe("extra-briefing");
    expect(slugOf("An extra briefing, June 3, 2021")).toBe("extra-briefing");
  });

  it("keep a date that is part of the title's words", () => {
    // No comma before it: the date is how the title names the event.
    expect(slugOf("Briefing of June 3, 2021 on grain exports")).toBe("briefing-june-3-2021-grain-exports");
    expect(slugOf("Press briefing 12 May 2022")).toBe("press-briefing-12-may-2022");
  });
});
