import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/decode.js";
import type { Transcript } from "../../src/model/transcript.js";
import { parseTranscript } from "../../src/parse/parse.js";
import { SOCHI } from "../support/paths.js";

function read(path: string): string {
  const d = decode(readFileSync(path));
  if (!d.ok) throw new Error(`${path}: ${d.reason}`);
  return d.text;
}

const sochi = read(SOCHI);
const plain = parseTranscript(sochi);

/** Sections as ids and kinds with their text: what must not change when only the front-matter does. */
const outline = (t: Transcript) => t.sections.map((s) => ({ id: s.id, kind: s.kind, text: JSON.stringify(s.kind === "qa" ? [s.question, s.answer].map((x) => x.map((turn) => turn.paragraphs.map((p) => p.text))) : s.turns.map((turn) => turn.paragraphs.map((p) => p.text))) }));

describe("a front-matter block of any length", () => {
  it("is accounted for line by line, even at 130,000 lines (its lines once overflowed the call stack)", () => {
    const text = `---\n${"# imported from the archive\n".repeat(130_000)}---\n${sochi}`;
    const t = parseTranscript(text);
    expect(t.warnings.map((w) => w.code)).not.toContain("parse-failed");
    expect(t.removed.filter((r) => r.rule === "front-matter")).toHaveLength(130_002);
    expect(outline(t)).toEqual(outline(plain));
  });
});
