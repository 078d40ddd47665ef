import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/decode.js";
import type { QaSection } from "../../src/model/transcript.js";
import { parseTranscript } from "../../src/parse/parse.js";
import { MOSCOW, SOCHI } from "../support/paths.js";

function parseFile(path: string) {
  const d = decode(readFileSync(path));
  if (!d.ok) throw new Error(d.reason);
  return parseTranscript(d.text);
}

describe("the Sochi 2018 seed", () => {
  const t = parseFile(SOCHI);

  it("reads date, place, speaker and source", () => {
    expect(t.title).toMatch(/^Foreign Minister Sergey Lavrov’s remarks and answers to questions at a meeting with the finalists/);
    expect(t.date).toBe("2018-02-07");
    expect(t.place).toBe("Sochi");
    expect(t.speakers).toEqual(["Sergey Lavrov"]);
    expect(t.source.url).toMatch(/^http:\/\/www\.mid\.ru\/ru\/press_service\/minister_speeches\//);
  });

  it("has opening remarks and 4 question/answer sections", () => {
    expect(t.sections.map((s) => s.kind)).toEqual(["remarks", "qa", "qa", "qa", "qa"]);
    const qa = t.sections.filter((s): s is QaSection => s.kind === "qa");
    for (const s of qa) {
      expect(s.question.map((q) => q.label)).toEqual(["Question:"]);
      expect(s.answer.map((a) => a.speaker)).toEqual(["Sergey Lavrov"]);
    }
    expect(qa[3]?.question[0]?.paragraphs[0]?.text).toMatch(/^Our country is always deceived by everyone/);
    expect(qa[3]?.answer[0]?.paragraphs.at(-1)?.text).toBe("Thank you very much.");
  });

  it("removes the separators but keeps the source credit as a header line", () => {
    expect(t.removed.map((r) => [r.line, r.rule])).toEqual([[3, "separator"], [74, "separator"]]);
    expect(t.header.map((h) => h.role)).toEqual(["title", "place-date", "source"]);
  });
});

describe("the Moscow 2020 seed (a blog repost)", () => {
  const t = parseFile(MOSCOW);

  it("reads the event date from the title and the publication date from its own line", () => {
    expect(t.date).toBe("2020-10-05");
    expect(t.place).toBe("Moscow");
    expect(t.source.publisher).toBe("The Ministry of Foreign Affairs of the Russian Federation");
    expect(t.source.published).toBe("2020-10-08");
    expect(t.speakers).toEqual(["Sergey Lavrov"]);
  });

  it("has opening remarks and 13 question/answer sections", () => {
    expect(t.sections.filter((s) => s.kind === "qa")).toHaveLength(13);
    expect(t.sections[0]?.kind).toBe("remarks");
    const remarks = t.sections[0];
    expect(remarks?.kind === "remarks" && remarks.turns[0]?.paragraphs.slice(0, 3).map((p) => p.text)).toEqual(["Mr Vanderplaetse,", "Ladies and Gentlemen,", "Colleagues,"]);
  });

  it("puts the repeated title and the blog footer in the removed list", () => {
    const removed = t.removed.map((r) => r.text);
    expect(removed).toContain("River to Sea Uprooted Palestinian");
    expect(removed).toContain("The views expressed in this article are the sole responsibility of the author and do not necessarily reflect those of the Blog!");
    expect(removed).toContain("No comments:");
    expect(t.removed.find((r) => r.line === 5)?.rule).toBe("repeated-title");
  });
});
