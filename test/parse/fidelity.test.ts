import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/decode.js";
import { checkFidelity, describeFidelity, keptPieces, tokens } from "../../src/parse/fidelity.js";
import { parseTranscript } from "../../src/parse/parse.js";
import { MOSCOW, ROOT, SOCHI } from "../support/paths.js";

const FIXTURES_DIR = join(ROOT, "test/fixtures/transcripts");
const FILES = [SOCHI, MOSCOW, ...readdirSync(FIXTURES_DIR).filter((f) => f.endsWith(".txt")).sort().map((f) => join(FIXTURES_DIR, f))];

function read(path: string): string {
  const d = decode(readFileSync(path));
  if (!d.ok) throw new Error(`${path}: ${d.reason}`);
  return d.text;
}

describe("fidelity: every word of the source is kept, in order", () => {
  for (const path of FILES) {
    it(path.slice(ROOT.length), () => {
      const text = read(path);
      const r = checkFidelity(text, parseTranscript(text));
      expect(r.ok, describeFidelity(r)).toBe(true);
      expect(r.sourceTokens).toBeGreaterThan(20);
    });
  }

  it("also with a front-matter block, whose lines are accounted for as removed", () => {
    const text = `---\ntitle: Press conference\ndate: 2020-12-14\n---\n${read(SOCHI)}`;
    const t = parseTranscript(text);
    expect(t.title).toBe("Press conference");
    expect(checkFidelity(text, t).ok).toBe(true);
  });
});

describe("checkFidelity notices what is lost or invented", () => {
  const text = read(SOCHI);
  const t = parseTranscript(text);

  it("reports a dropped paragraph with where the streams part", () => {
    const qa = t.sections.find((s) => s.kind === "qa");
    if (qa?.kind !== "qa") throw new Error("no qa section");
    const dropped = { ...t, sections: t.sections.map((s) => (s === qa ? { ...qa, answer: qa.answer.map((a) => ({ ...a, paragraphs: a.paragraphs.slice(1) })) } : s)) };
    const r = checkFidelity(text, dropped);
    expect(r.ok).toBe(false);
    expect(r.keptTokens).toBeLessThan(r.sourceTokens);
    expect(r.firstDifference?.source).toBe("I");
  });

  it("reports a removed line that is not listed", () => {
    const r = checkFidelity(text, { ...t, removed: t.removed.slice(1) });
    expect(r.ok).toBe(false);
    expect(describeFidelity(r)).toMatch(/source has "_"/);
  });

  it("reports an invented word and a dropped dash", () => {
    const header = t.header.map((h, i) => (i === 0 ? { ...h, text: `${h.text} extra` } : h));
    expect(checkFidelity(text, { ...t, header }).ok).toBe(false);
    expect(checkFidelity("Question: Why – now?", parseTranscript("Question: Why now?")).ok).toBe(false);
  });

  it("counts words and punctuation as tokens, whitespace as nothing", () => {
    expect(tokens("Sergey Lavrov:  It’s a cinch.\n")).toEqual(["Sergey", "Lavrov", ":", "It", "’", "s", "a", "cinch", "."]);
    expect(keptPieces(t)[0]).toMatchObject({ line: 1, text: t.title });
  });
});
