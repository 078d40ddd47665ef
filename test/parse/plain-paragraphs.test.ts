import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderTranscriptFiles } from "../../src/build/render-one.js";
import { loadSiteConfig } from "../../src/config/site-config.js";
import { decode } from "../../src/ingest/decode.js";
import { TranscriptSchema } from "../../src/model/transcript.js";
import { checkFidelity, describeFidelity } from "../../src/parse/fidelity.js";
import { plainParagraphs } from "../../src/parse/parse.js";
import { ROOT, SOCHI } from "../support/paths.js";

/**
 * No known input makes the parser throw any more, so the last resort is tested on its own: given a real
 * transcript and the error a parser bug would raise, what it returns must still be a publishable transcript.
 */
describe("the last resort when the parser fails", () => {
  const d = decode(readFileSync(SOCHI));
  if (!d.ok) throw new Error(d.reason);
  const text = d.text;
  const t = plainParagraphs(text, new RangeError("Maximum call stack size exceeded"));

  it("is a valid transcript that keeps every word, one paragraph per line, and says why", () => {
    expect(TranscriptSchema.safeParse(t).success).toBe(true);
    const r = checkFidelity(text, t);
    expect(r.ok, describeFidelity(r)).toBe(true);
    const lines = text.split(/\r\n?|\n/).filter((l) => l.trim() !== "");
    expect(t.sections).toHaveLength(1);
    expect(t.sections[0]?.kind === "remarks" && t.sections[0].turns.flatMap((x) => x.paragraphs).length).toBe(lines.length);
    expect(t.warnings).toEqual([{ line: 0, code: "parse-failed", severity: "error", message: "the parser failed (Maximum call stack size exceeded); published as plain paragraphs" }]);
  });

  it("is published with a notice that the text could not be read into questions and answers", () => {
    const [page] = renderTranscriptFiles(t, "sochi.txt", undefined, loadSiteConfig(ROOT), []);
    expect(page?.text).toContain('class="parse-failed-notice"');
    expect(page?.text).toContain("the parser failed (Maximum call stack size exceeded); published as plain paragraphs");
    expect(page?.text).toContain("I will be talking about the diplomatic profession, of course.");
  });
});
