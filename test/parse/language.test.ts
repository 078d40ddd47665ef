import fc from "fast-check";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { countLetters, detectLanguage } from "../../src/parse/language.js";
import { MOSCOW, SOCHI } from "../support/paths.js";

/** The definitions countLetters must keep (detectLanguage used to count with these two regular expressions). */
const reference = (text: string) => ({ letters: text.match(/\p{L}/gu)?.length ?? 0, cyrillic: text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0 });

describe("countLetters", () => {
  it("counts exactly what the regular expressions count, in any script and with astral and lone surrogates", () => {
    const pieces = fc.constantFrom("word", "AZaz09", "@[`{", " ", "Лавров", "Київ", "ґ", "\u0483", "\u1D2B", "東京", "𝐀𝐁", "👍", "\uD835", "\uDC00", "é", "e\u0301", "Ⅻ", "ǅ", "\u0400", "\u04FF", "\u0530");
    fc.assert(fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: "binary" })), { maxLength: 30 }).map((xs) => xs.join("")), (text) => {
      expect(countLetters(text)).toEqual(reference(text));
    }), { numRuns: 3000 });
  });

  it("counts the seed transcripts as the regular expressions do", async () => {
    for (const file of [SOCHI, MOSCOW]) {
      const text = await readFile(file, "utf8");
      expect(countLetters(text)).toEqual(reference(text));
    }
  });
});

describe("detectLanguage", () => {
  it("tells Russian and Ukrainian from the script, and keeps the default otherwise", () => {
    expect(detectLanguage("Сергей Лавров: Добрый день, уважаемые коллеги.")).toBe("ru");
    expect(detectLanguage("Дмитро Кулеба: Добрий день, шановні колеги, ґанок і їжа.")).toBe("uk");
    expect(detectLanguage("Sergey Lavrov: Good afternoon (Добрый день).")).toBe("en");
    expect(detectLanguage("1234 — 5678", "fr")).toBe("fr");
  });
});
