import { describe, expect, it } from "vitest";
import { similarity, sketch, SKETCH_SIZE, words } from "../../src/ids/text.js";
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

describe("text sketches", () => {
  const q1 = "There is a saying in my native German language that smart people give way in a dispute.";
  const q2 = "In my native German language there is a saying that clever people give way in an argument.";

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

describe("redirect hrefs", () => {
  it("are relative to the old folder, so they hold under any path prefix", () => {
    expect(relativeHref("/2020/10/05/slug/old-id/", "/2020/10/05/slug/new-id/")).toBe("../new-id/");
    expect(relativeHref("/2020/10/05/slug/old-id/", "/2020/10/05/slug/#remarks")).toBe("../#remarks");
    expect(relativeHref("/2020/10/05/old-slug/", "/2020/10/06/new-slug/")).toBe("../../06/new-slug/");
    expect(relativeHref("/undated/a/x/", "/undated/a/x/")).toBe("./");
  });
});
