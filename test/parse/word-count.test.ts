import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wordCount } from "../../src/parse/lines.js";

/** The definition wordCount must keep (it used to be this one line). */
const reference = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

describe("wordCount", () => {
  it("counts exactly what the regular expression counts, in any script and with astral and lone surrogates", () => {
    const pieces = fc.constantFrom("word", "zone", "AZaz09", "@[`{/:", " ", "’", "-", "Лавров", "東京", "𝐀𝐁", "👍", "\uD835", "\uDC00", "é", "e\u0301", "٣", "½", "\t", "Ⅻ", ".", "ǅ", "x");
    fc.assert(fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: "binary" })), { maxLength: 30 }).map((xs) => xs.join("")), (text) => {
      expect(wordCount(text)).toBe(reference(text));
    }), { numRuns: 3000 });
  });

  it("counts a real paragraph", () => {
    const text = "Sergey Lavrov: As far as I can see, the way you used this German saying (smart people giving way in a dispute) — 25 percent of it.";
    expect(wordCount(text)).toBe(reference(text));
    expect(wordCount(text)).toBe(26);
  });
});
