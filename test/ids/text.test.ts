import { describe, expect, it } from "vitest";
import { legacySketch, pairHash, similarity, sketch, SKETCH_SIZE, wordHash, words } from "../../src/ids/text.js";
import { relativeHref } from "../../src/site/templates/redirect.js";

const shingles = (t: string): Set<string> => {
  const w = words(t);
  return new Set([...w, ...w.slice(1).map((x, i) => `${w[i]} ${x}`)]);
};
const jaccard = (a: string, b: string): number => {
  const A = shingles(a), B = shingles(b);
  const both = [...A].filter((x) => B.has(x)).length;
  return both / (A.size + B.size - both);
};

const q1 = "There is a saying in my native German language that smart people give way in a dispute.";
const q2 = "In my native German language there is a saying that clever people give way in an argument.";

describe("text sketches", () => {
  it("give the exact Jaccard similarity of short texts", () => {
    expect(similarity(sketch(q1), sketch(q2))).toBeCloseTo(jaccard(q1, q2), 10);
    expect(similarity(sketch(q1), sketch(q1.toUpperCase().replace(/\./g, "!")))).toBe(1);
    expect(similarity(sketch(q1), sketch("Thank you."))).toBe(0);
    expect(similarity(sketch(""), sketch(""))).toBe(0);
  });

  it("estimate the similarity of long texts from a fixed number of hashes", () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${i} common${i % 7}`).join(" ");
    const edited = long.replace("word10 ", "changed ").replace("word200 ", "other ");
    expect(sketch(long)).toHaveLength(SKETCH_SIZE);
    const estimate = similarity(sketch(long), sketch(edited));
    expect(Math.abs(estimate - jaccard(long, edited))).toBeLessThan(0.15);
    expect(similarity(sketch(long), sketch(Array.from({ length: 400 }, (_, i) => `other${i}`).join(" ")))).toBeLessThan(0.1);
  });
});

describe("the sketch hash", () => {
  it("is pinned: ledgers (version 2) hold these values, so a change here loses every edited section's id", () => {
    expect(sketch("Smart people give way")).toEqual(["037bb5a0", "3c4cf430", "5a9e8441", "77613ae1", "8172041f", "a5c04e1c", "cca58e1b"]);
    expect(wordHash("a")).toBe(0x1a80b1b3);
    expect(pairHash(wordHash("a"), wordHash("b"))).toBe(0x18ecb84d);
  });

  it("hashes a word pair in order, and keeps sorted 8-digit hashes, fewest first, without repeats", () => {
    expect(pairHash(wordHash("a"), wordHash("b"))).not.toBe(pairHash(wordHash("b"), wordHash("a")));
    expect(similarity(sketch("give way"), sketch("way give"))).toBeCloseTo(2 / 4, 10);
    const long = Array.from({ length: 3000 }, (_, i) => `w${i % 1500}`).join(" ");
    const s = sketch(long);
    expect(s).toHaveLength(SKETCH_SIZE);
    expect(s.every((h) => /^[0-9a-f]{8}$/.test(h))).toBe(true);
    expect(new Set(s).size).toBe(s.length);
    expect([...s].sort()).toEqual(s);
    expect(s.map((h) => parseInt(h, 16))).toEqual(s.map((h) => parseInt(h, 16)).sort((a, b) => a - b));
    // Bottom-k of all shingle hashes: no other shingle of the text hashes below the largest kept one.
    const w = words(long);
    const all = new Set([...w.map(wordHash), ...w.slice(1).map((x, i) => pairHash(wordHash(w[i] as string), wordHash(x)))]);
    expect([...all].sort((a, b) => a - b).slice(0, SKETCH_SIZE).map((h) => h.toString(16).padStart(8, "0"))).toEqual(s);
  });

  it("leaves version 1's sha256 sketch as it was, for ledgers written with it", () => {
    expect(legacySketch("Thank you.")).toEqual(["844347e5", "bb0347a4", "e67fd73a"]); // sha256 of "thank you", "you", "thank"
    expect(similarity(legacySketch(q1), legacySketch(q2))).toBeCloseTo(jaccard(q1, q2), 10);
  });
});

describe("redirect hrefs", () => {
  it("are relative to the old folder, so they hold under any path prefix", () => {
    expect(relativeHref("/2020/10/05/slug/old-id/", "/2020/10/05/slug/new-id/")).toBe("../new-id/");
    expect(relativeHref("/2020/10/05/slug/old-id/", "/2020/10/05/slug/#remarks")).toBe("../#remarks");
    expect(relativeHref("/2020/10/05/old-slug/", "/2020/10/06/new-slug/")).toBe("../../06/new-slug/");
    expect(relativeHref("/undated/a/x/", "/undated/a/x/")).toBe("./");
  });
});

describe("words", () => {
  /** The definition words must keep: fingerprints and sketches in every ledger depend on it. */
  const reference = (text: string) => text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  it("splits exactly as NFKC + lower case + Unicode letters and digits, on its fast path and off it", async () => {
    const fc = (await import("fast-check")).default;
    const pieces = fc.constantFrom("Word", "AZaz09", "don’t", "‘quoted’", "“Quoted”", "1–2", "a—b", "…", "ﬁne", "Ⅻ", "Лавров", "É", "e\u0301", "½", "𝐀", "\uD835", "İ", "ß", "ǅ", " ", "\n", "-", "_", "’s");
    fc.assert(fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: "binary" })), { maxLength: 30 }).map((xs) => xs.join("")), (text) => {
      expect(words(text)).toEqual(reference(text));
    }), { numRuns: 3000 });
  });
});
