import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTranscript } from "../../src/parse/parse.js";
import type { Transcript } from "../../src/model/transcript.js";

const texts = (t: Transcript) => t.sections.flatMap((s) => (s.kind === "qa" ? [...s.question, ...s.answer] : s.turns)).map((turn) => turn.paragraphs.map((p) => p.text));

describe("paragraphs from line breaks", () => {
  it("joins the lines of text hard-wrapped at a fixed width", () => {
    const t = parseTranscript(readFileSync(join(import.meta.dirname, "../fixtures/transcripts/hard-wrapped-briefing.txt"), "utf8"));
    expect(texts(t)[0]).toEqual([
      "Good morning. I want to make a short statement about the deployment that was announced yesterday, and then I will take questions.",
      "The deployment will consist of two ships and around four hundred personnel. They will leave on Monday.",
    ]);
  });

  it("keeps each line a paragraph of its own in a short text pasted line by line, with no blank lines", () => {
    // As a statement is often copied from a messenger or a PDF: one paragraph per line, nothing between.
    const t = parseTranscript([
      "Statement by the Foreign Ministry Spokesperson",
      "Moscow, 3 March 2021",
      "Maria Zakharova: Good afternoon.",
      "We have seen the reports from Minsk this morning.",
      "Our position has not changed.",
      "Question: Will the minister travel there?",
      "Maria Zakharova: Not this week.",
      "The schedule will be published on Monday.",
    ].join("\n"));
    expect(texts(t)).toEqual([
      ["Good afternoon.", "We have seen the reports from Minsk this morning.", "Our position has not changed."],
      ["Will the minister travel there?"],
      ["Not this week.", "The schedule will be published on Monday."],
    ]);
  });
});
