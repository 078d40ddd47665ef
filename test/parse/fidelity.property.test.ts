import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TranscriptSchema } from "../../src/model/transcript.js";
import { checkFidelity, describeFidelity } from "../../src/parse/fidelity.js";
import { parseTranscript } from "../../src/parse/parse.js";

/** Lines that look like the parts of real transcripts, so random documents exercise every branch. */
const LINE_PIECES = [
  "Question:", "Question (via interpreter):", "Q", "Q:", "Q.", "A:", "QUESTION:", "MR KIRBY:", "MS. PSAKI:", "THE PRESIDENT:",
  "SG:", "CARLETON:", "Vladimir Putin:", "John Smith (Reuters):", "[00:01:02] Host:", "Jane Doe (00:01):", "(As interpreted.)",
  "Sochi, February 7, 2018", "Friday 9 October 2020", "15 May 201921:30", "October 08, 2020", "2020-13-45", "31.02.2019",
  "CHECK AGAINST DELIVERY", "Direct link: http://example.org/a", "English | Русский | Français", "No comments:",
  "* * *", "____", "---", "...", "title: x", "date: 2020-01-01", "aliases: {a: b}", "Dear friends, colleagues,",
  "Zdroj: http://www.mid.ru/x", "The views expressed in this article are mine.", ":", "::", "(", ")", "?", "\u200B", "\uFEFF",
];

const line = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...LINE_PIECES) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...LINE_PIECES), fc.string({ unit: "grapheme", maxLength: 40 })).map(([a, b]) => `${a} ${b}`) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constant("") },
);
const document = fc.array(line, { maxLength: 40 }).chain((lines) =>
  fc.constantFrom("\n", "\r\n", "\r").map((eol) => lines.join(eol)),
);
const withFrontMatter = fc.tuple(fc.array(line, { maxLength: 5 }), document).map(([fm, body]) => `---\n${fm.join("\n")}\n---\n${body}`);

function holds(text: string): void {
  const t = parseTranscript(text);
  expect(TranscriptSchema.safeParse(t).success).toBe(true);
  // The last-resort fallback keeps words too, so also insist the parser proper handled the input.
  expect(t.warnings.filter((w) => w.code === "parse-failed")).toEqual([]);
  const r = checkFidelity(text, t);
  expect(r.ok, describeFidelity(r)).toBe(true);
}

describe("parse on arbitrary input", () => {
  it("never throws and keeps every word of arbitrary unicode and control characters", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), holds), { numRuns: 400 });
  });

  it("never throws and keeps every word of label-like, date-like and furniture-like documents", () => {
    fc.assert(fc.property(document, holds), { numRuns: 600 });
  });

  it("never throws and keeps every word when a front-matter-like block comes first", () => {
    fc.assert(fc.property(withFrontMatter, holds), { numRuns: 300 });
  });
});
