import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/decode.js";
import type { Transcript } from "../../src/model/transcript.js";
import { checkFidelity, describeFidelity } from "../../src/parse/fidelity.js";
import { parseTranscript } from "../../src/parse/parse.js";
import { ROOT, SOCHI } from "../support/paths.js";

function read(path: string): string {
  const d = decode(readFileSync(path));
  if (!d.ok) throw new Error(`${path}: ${d.reason}`);
  return d.text;
}

const sochi = read(SOCHI);
const plain = parseTranscript(sochi);

/** Sections as ids and kinds with their text: what must not change when only the front-matter does. */
const outline = (t: Transcript) => t.sections.map((s) => ({ id: s.id, kind: s.kind, text: JSON.stringify(s.kind === "qa" ? [s.question, s.answer].map((x) => x.map((turn) => turn.paragraphs.map((p) => p.text))) : s.turns.map((turn) => turn.paragraphs.map((p) => p.text))) }));
const fieldWarnings = (t: Transcript) => t.warnings.filter((w) => w.code === "front-matter-field").map((w) => [w.line, w.message]);

describe("front-matter fields with values that cannot be used", () => {
  // Mistakes people make when they type a block by hand, one per field, above the real Sochi transcript.
  const block = [
    "---",
    "title: Press conference after talks with Mevlut Cavusoglu",
    "date: 7 February 2018",
    "place: [Sochi]",
    "speakers: Sergey Lavrov",
    "source:",
    "  url: www.mid.ru/en/press_service/minister_speeches",
    "  publisher: Ministry of Foreign Affairs of the Russian Federation",
    "  published: 8th of February",
    "tags: [press conference, 2018]",
    "slug: Lavrov in Sochi",
    "language: english",
    'aliases: { "S.Lavrov": 42 }',
    'subtitle: ""',
    "editor: Anna",
    "---",
  ];
  const text = `${block.join("\n")}\n${sochi}`;
  const t = parseTranscript(text);

  it("are each ignored with a warning at their own line that says what was wrong and what was done", () => {
    expect(fieldWarnings(t)).toEqual([
      [3, 'front-matter field "date" ignored: "7 February 2018" is not a date written as YYYY-MM-DD; the date found in the text, if any, is used'],
      [4, 'front-matter field "place" ignored: a list is not text; the place found in the text, if any, is used'],
      [5, 'front-matter field "speakers" ignored: "Sergey Lavrov" is not a list (write it as speakers: [Sergey Lavrov]); the speakers found in the text are listed'],
      [7, 'front-matter field "source.url" ignored: "www.mid.ru/en/press_service/minister_speeches" is not a web address starting with http:// or https://; the source link found in the text, if any, is used'],
      [9, 'front-matter field "source.published" ignored: "8th of February" is not a date written as YYYY-MM-DD; the publication date found in the text, if any, is used'],
      [11, 'front-matter field "slug" ignored: "Lavrov in Sochi" is not lower-case words joined by single hyphens; the slug is made from the title'],
      [12, 'front-matter field "language" ignored: "english" is not a language code such as en, ru or pt-BR; the language detected from the text is used'],
      [13, 'front-matter field "aliases" ignored: the name for "S.Lavrov" is 42, not text; speaker names are read without these aliases'],
      [14, 'front-matter field "subtitle" ignored: it is empty; the subtitle found in the text, if any, is used'],
      [15, 'front-matter field "editor" ignored: not a field Verbatim knows; the fields are title, subtitle, date, place, speakers, publisher, published, tags, slug, language, aliases, source'],
    ]);
    expect(t.warnings.every((w) => w.severity === "warning")).toBe(true);
  });

  it("leave the rest of the transcript parsed as without them, and the usable fields applied", () => {
    expect(t.warnings.map((w) => w.code)).not.toContain("parse-failed");
    expect(outline(t)).toEqual(outline(plain));
    expect(t.sections.length).toBeGreaterThan(1);
    expect(t).toMatchObject({
      title: "Press conference after talks with Mevlut Cavusoglu",
      date: plain.date,
      place: plain.place,
      speakers: plain.speakers,
      language: "en",
      tags: ["press conference", "2018"],
      slug: "press-conference-after-talks-mevlut-cavusoglu",
      source: { url: plain.source.url, publisher: "Ministry of Foreign Affairs of the Russian Federation" },
    });
    expect(plain.date).toBe("2018-02-07");
    const r = checkFidelity(text, t);
    expect(r.ok, describeFidelity(r)).toBe(true);
  });

  it("include a date that is shaped right but is no day of the calendar", () => {
    const leap = parseTranscript(`---\ndate: 2020-02-29\n---\n${sochi}`);
    expect(leap.date).toBe("2020-02-29");
    expect(fieldWarnings(leap)).toEqual([]);
    const none = parseTranscript(`---\ndate: 2018-02-29\n---\n${sochi}`);
    expect(none.date).toBe("2018-02-07");
    expect(fieldWarnings(none)).toEqual([[2, 'front-matter field "date" ignored: "2018-02-29" is not a day of the calendar; the date found in the text, if any, is used']]);
  });

  it("include the adversarial corpus's publication date of \"yesterday\", which once made the whole parse fail", () => {
    const file = read(join(ROOT, "test/adversarial/corpus/front-matter-bad-values.txt"));
    const bad = parseTranscript(file);
    expect(bad.warnings.map((w) => w.code)).not.toContain("parse-failed");
    expect(bad.sections.map((s) => [s.kind, s.id])).toEqual([["qa", "what-happens-to-a-front-matter"], ["qa", "and-a-source-link-that-would"]]);
    expect(bad).toMatchObject({ date: "2021-03-03", place: "Moscow", source: {}, speakers: ["Maria Zakharova"], language: "en", tags: ["briefing", "2021"] });
    expect(fieldWarnings(bad).map(([line]) => line)).toEqual([2, 3, 4, 5, 6]);
  });

  it("point at the parent's line when written in flow style, and keep a source's usable parts", () => {
    const flow = parseTranscript(`---\ntitle: Sochi talks\nsource: { url: "https://www.mid.ru/en/foreign_policy/news/-/asset_publisher/cKNonkJE02Bw/content/id/3057223", published: yesterday, publisher: MFA }\n---\n${sochi}`);
    expect(fieldWarnings(flow)).toEqual([[3, 'front-matter field "source.published" ignored: "yesterday" is not a date written as YYYY-MM-DD; the publication date found in the text, if any, is used']]);
    expect(flow.source).toMatchObject({ url: "https://www.mid.ru/en/foreign_policy/news/-/asset_publisher/cKNonkJE02Bw/content/id/3057223", publisher: "MFA" });
  });

  it("refuse a source link that is not a web page, so the page never links to a script", () => {
    for (const url of ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "/2018/02/07/other/"]) {
      const t = parseTranscript(`---\nsource: ${JSON.stringify(url)}\n---\n${sochi}`);
      expect(t.source.url, url).toBe(plain.source.url);
      expect(fieldWarnings(t), url).toEqual([[2, expect.stringMatching(/^front-matter field "source" ignored: .* is not a web address starting with http:\/\/ or https:\/\//)]]);
    }
  });
});

describe("a front-matter block of any length", () => {
  it("is accounted for line by line, even at 130,000 lines (its lines once overflowed the call stack)", () => {
    const text = `---\n${"# imported from the archive\n".repeat(130_000)}---\n${sochi}`;
    const t = parseTranscript(text);
    expect(t.warnings.map((w) => w.code)).not.toContain("parse-failed");
    expect(t.removed.filter((r) => r.rule === "front-matter")).toHaveLength(130_002);
    expect(outline(t)).toEqual(outline(plain));
  });
});
