import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/decode.js";
import { LEDGER_VERSION, LedgerSchema, readLedger, serializeLedger, type Ledger } from "../../src/ids/ledger-file.js";
import { reconcile } from "../../src/ids/reconcile.js";
import { legacySketches, sectionText } from "../../src/ids/text.js";
import type { Transcript } from "../../src/model/transcript.js";
import { parseTranscript } from "../../src/parse/parse.js";
import { MOSCOW, SOCHI } from "../support/paths.js";

/**
 * A version-1 ledger (sketches hashed with sha256): the seed ledger as committed before version 2. Published
 * links recorded in it must keep working, for unchanged sections (by fingerprint) and edited ones (by similarity).
 */
const V1_LEDGER = join(import.meta.dirname, "fixtures/ledger-v1.json");

async function parseFile(path: string, edit?: (text: string) => string): Promise<Transcript> {
  const d = decode(await readFile(path));
  if (!d.ok) throw new Error(d.reason);
  const edited = edit ? edit(d.text) : d.text;
  if (edit && edited === d.text) throw new Error("the edit changed nothing");
  return parseTranscript(edited);
}

const ids = (t: Transcript | undefined): string[] => (t?.sections ?? []).map((s) => s.id);
const records = (ledger: Ledger, url: string) => ledger.transcripts.find((e) => e.url === url)?.ids ?? [];

/** A few words of the long answer to "We are witnessing the US administration..." */
const editLongAnswer = (t: string): string => t.replace("As I mentioned earlier, the current international relations system is collapsing", "As I said before, the present system of international relations is collapsing");
/** A few words of the short answer to "When we discuss relaxing the border..." */
const editShortAnswer = (t: string): string => t.replace("Of course, their comfort is important. We will make sure", "Of course, their well-being matters. We will try");

describe("a version-1 ledger", () => {
  it("is read with every record marked as sketched with sha256, and its sketches are what legacySketches gives", async () => {
    const ledger = await readLedger(V1_LEDGER);
    expect(JSON.parse(await readFile(V1_LEDGER, "utf8")).version).toBe(1);
    expect(ledger.version).toBe(LEDGER_VERSION);
    const all = ledger.transcripts.flatMap((e) => e.ids);
    expect(all.length).toBeGreaterThan(10);
    expect(all.every((r) => r.sketch === "sha256")).toBe(true);
    // The legacy sketch reproduces version 1 exactly, so comparisons with these records are exact.
    for (const file of [SOCHI, MOSCOW]) {
      const t = await parseFile(file);
      const entry = ledger.transcripts.find((e) => e.ids[0]?.id === t.sections[0]?.id && e.ids.length === t.sections.length);
      expect(entry).toBeDefined();
      t.sections.forEach((s, i) => {
        const r = entry!.ids[i]!;
        const legacy = legacySketches(s);
        expect(legacy.question.join(" ")).toBe(r.question);
        expect(legacy.answer.join(" ")).toBe(r.answer);
        expect(sectionText(s).fingerprint).toBe(r.fingerprint);
        // ...and the new sketch is a different hash altogether.
        if (r.answer) expect(sectionText(s).answer.join(" ")).not.toBe(r.answer);
      });
    }
  });

  it("keeps every id of unchanged transcripts, and is rewritten as version 2 with the new sketches", async () => {
    const v1 = await readLedger(V1_LEDGER);
    const r = reconcile(v1, [await parseFile(SOCHI), await parseFile(MOSCOW)]);
    for (const [i, t] of r.transcripts.entries()) expect(ids(t)).toEqual(records(v1, r.ledger.transcripts[i]!.url).map((x) => x.id));
    const text = serializeLedger(r.ledger);
    expect(JSON.parse(text).version).toBe(2);
    expect(text).not.toContain('"sketch"');
    expect(serializeLedger(LedgerSchema.parse(JSON.parse(text)))).toBe(text);
  });

  for (const [name, edit, id] of [
    ["a long answer", editLongAnswer, "we-are-witnessing-the-us-administration"],
    ["a short answer", editShortAnswer, "when-we-discuss-relaxing-the-border"],
  ] as const) {
    it(`keeps the id of a section when a few words of ${name} were edited (compared through the sha256 sketch)`, async () => {
      const v1 = await readLedger(V1_LEDGER);
      const before = await parseFile(MOSCOW);
      const after = await parseFile(MOSCOW, edit);
      const si = after.sections.findIndex((s) => s.id === id);
      // The edit changed this section's text (a new fingerprint), and only this section's.
      expect(sectionText(after.sections[si]!).fingerprint).not.toBe(sectionText(before.sections[si]!).fingerprint);
      expect(after.sections.filter((s, i) => sectionText(s).fingerprint !== sectionText(before.sections[i]!).fingerprint)).toHaveLength(1);

      const r = reconcile(v1, [after]);
      const old = records(v1, r.ledger.transcripts[0]!.url).map((x) => x.id);
      expect(ids(r.transcripts[0])).toEqual(old);
      expect(r.ledger.transcripts[0]!.ids.filter((x) => x.alias !== null)).toEqual([]);
      expect(r.links[0]?.redirects).toEqual([]);
      // The edited section's record now carries its new text, sketched the new way.
      const rec = r.ledger.transcripts[0]!.ids.find((x) => x.id === id)!;
      expect(rec.sketch).toBeUndefined();
      expect(rec.answer).toBe(sectionText(after.sections[si]!).answer.join(" "));

      // The control: compared with the new sketch, the same version-1 records would lose this id.
      const unmarked: Ledger = { ...v1, transcripts: v1.transcripts.map((e) => ({ ...e, ids: e.ids.map(({ sketch: _, ...x }) => x) })) };
      expect(ids(reconcile(unmarked, [after]).transcripts[0])).not.toEqual(old);
    });
  }

  it("keeps a version-1 record that became an alias marked, so a later edited restore still gets its id back", async () => {
    const v1 = await readLedger(V1_LEDGER);
    const deleted = "when-we-discuss-relaxing-the-border";
    const chunks = (text: string): string[] => text.split(/(?=^Question:\s)/m);
    const without = await parseFile(MOSCOW, (t) => chunks(t).filter((c) => !/^Question:\s+When we discuss relaxing/.test(c)).join(""));
    const r2 = reconcile(v1, [without]);
    expect(ids(r2.transcripts[0])).not.toContain(deleted);
    const text = serializeLedger(r2.ledger);
    const v2 = LedgerSchema.parse(JSON.parse(text));
    const url = r2.ledger.transcripts[0]!.url;
    const alias = records(v2, url).find((x) => x.id === deleted)!;
    expect(alias.alias).not.toBeNull();
    expect(alias.sketch).toBe("sha256");
    expect(records(v2, url).filter((x) => x.sketch)).toEqual([alias]);
    expect(text).toContain(`"id":"${deleted}"`);
    expect(text).toMatch(/"answer":"[0-9a-f ]*","sketch":"sha256","paragraphs"/);

    // Restored with its answer reworded: no fingerprint match, only the sha256 sketch can recognise it.
    const restored = await parseFile(MOSCOW, editShortAnswer);
    const r3 = reconcile(v2, [restored]);
    expect(ids(r3.transcripts[0])).toEqual(records(v1, r3.ledger.transcripts[0]!.url).map((x) => x.id));
    expect(r3.ledger.transcripts[0]!.ids.every((x) => x.alias === null && x.sketch === undefined)).toBe(true);
  });
});
