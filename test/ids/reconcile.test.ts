import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/decode.js";
import { emptyLedger, LedgerSchema, readLedger, serializeLedger, type Ledger } from "../../src/ids/ledger-file.js";
import { reconcile } from "../../src/ids/reconcile.js";
import type { Transcript } from "../../src/model/transcript.js";
import { parseTranscript } from "../../src/parse/parse.js";
import { MOSCOW, SOCHI } from "../support/paths.js";

type Qa = [question: string, answer: string];

const QAS: Record<string, Qa> = {
  syria: ["What about Syria? Will the talks in Geneva resume before the end of the year?", "The Constitutional Committee should meet again, and we support the work of the UN envoy without outside interference."],
  visas: ["When will visa rules for business travellers be relaxed again after the pandemic restrictions?", "That is for the health authorities to decide; the Foreign Ministry will support every reasonable request."],
  energy: ["How do you see energy cooperation with Europe developing over the next decade?", "Gas will stay important for a long time, and hydrogen projects with Germany and Italy look promising."],
  arctic: ["What role will the Arctic Council play during Russia's chairmanship?", "We will focus on sustainable development, the indigenous peoples of the North and scientific cooperation."],
};

function text(qas: Qa[], opts: { title?: string; source?: string } = {}): string {
  const head = [opts.title ?? "Press conference on current affairs, Moscow, March 4, 2021", ""];
  const body = ["Dear colleagues, thank you for coming to this meeting today.", "", ...qas.flatMap(([q, a]) => [`Question: ${q}`, "", `Sergey Lavrov: ${a}`, ""])];
  return [...head, ...body, ...(opts.source ? [`Source: ${opts.source}`, ""] : [])].join("\n");
}

const parse = (t: string): Transcript => parseTranscript(t);
const sectionIds = (t: Transcript): string[] => t.sections.map((s) => s.id);

/** One build: reconcile against the ledger, return the new ledger and what the page gets. */
function step(ledger: Ledger, ...texts: string[]) {
  const r = reconcile(ledger, texts.map(parse));
  // Every ledger a build writes is valid and serialises to the same bytes after a round trip.
  const serialized = serializeLedger(r.ledger);
  expect(serializeLedger(LedgerSchema.parse(JSON.parse(serialized)))).toBe(serialized);
  return r;
}

describe("reconcile (the id ledger)", () => {
  it("issues exactly the parser's ids when the ledger is empty", async () => {
    for (const file of [SOCHI, MOSCOW]) {
      const d = decode(await readFile(file));
      if (!d.ok) throw new Error(d.reason);
      const t = parseTranscript(d.text);
      expect(reconcile(emptyLedger(), [t]).transcripts[0]).toEqual(t);
    }
  });

  it("never reuses an id for different content, and gives a restored section its old id back", () => {
    const v1 = step(emptyLedger(), text([QAS.syria!, QAS.visas!, QAS.energy!]));
    const [, syriaId, visasId] = sectionIds(v1.transcripts[0]!);
    expect(syriaId).toBe("what-about-syria-will-the-talks");

    const v2 = step(v1.ledger, text([QAS.visas!, QAS.energy!]));
    expect(sectionIds(v2.transcripts[0]!)).toEqual(["remarks", visasId, "how-do-you-see-energy-cooperation"]);
    expect(v2.links[0]?.aliasAnchors[visasId!]).toContain(syriaId);

    // A different answer to a question with the same opening words is new content: a new id.
    const other: Qa = [QAS.syria![0], "Nobody in Washington wants to talk about it, and the sanctions only make life harder for ordinary Syrians."];
    const v3 = step(v2.ledger, text([other, QAS.visas!, QAS.energy!]));
    expect(sectionIds(v3.transcripts[0]!)[1]).toBe("what-about-syria-will-the-talks-2");

    // The original answer comes back: it takes its own id again, and the other one keeps "-2".
    const v4 = step(v3.ledger, text([QAS.syria!, other, QAS.visas!, QAS.energy!]));
    expect(sectionIds(v4.transcripts[0]!)).toEqual(["remarks", syriaId, "what-about-syria-will-the-talks-2", visasId, "how-do-you-see-energy-cooperation"]);
    expect(v4.ledger.transcripts[0]?.ids.filter((r) => r.alias !== null)).toEqual([]);
  });

  it("follows aliases of aliases to a live section", () => {
    const v1 = step(emptyLedger(), text([QAS.syria!, QAS.visas!, QAS.energy!, QAS.arctic!]));
    const [, syria, visas, energy] = sectionIds(v1.transcripts[0]!);
    const v2 = step(v1.ledger, text([QAS.visas!, QAS.energy!, QAS.arctic!]));
    expect(v2.ledger.transcripts[0]?.ids.find((r) => r.id === syria)?.alias).toBe(visas);
    const v3 = step(v2.ledger, text([QAS.energy!, QAS.arctic!]));
    const aliases = Object.fromEntries((v3.ledger.transcripts[0]?.ids ?? []).filter((r) => r.alias).map((r) => [r.id, r.alias]));
    expect(aliases).toEqual({ [syria!]: energy, [visas!]: energy });
    expect(v3.links[0]?.aliasAnchors[energy!]).toEqual([syria, `${syria}--q1`, `${syria}--a1`, visas, `${visas}--q1`, `${visas}--a1`]);
    const url = v3.ledger.transcripts[0]?.url ?? "";
    expect(url).toMatch(/^\/2021\/03\/04\/press-conference-current-affairs/);
    expect(v3.links[0]?.redirects).toEqual([
      { from: `${url}${syria}/`, to: `${url}${energy}/` },
      { from: `${url}${visas}/`, to: `${url}${energy}/` },
    ]);
  });

  it("keeps anchors for paragraphs an answer no longer has", () => {
    const long: Qa = [QAS.energy![0], `${QAS.energy![1]}\n\nSecond paragraph about nuclear power plants.\n\nThird paragraph about the Nord Stream pipeline.`];
    const v1 = step(emptyLedger(), text([long]));
    const id = sectionIds(v1.transcripts[0]!)[1]!;
    const v2 = step(v1.ledger, text([QAS.energy!]));
    expect(sectionIds(v2.transcripts[0]!)[1]).toBe(id);
    expect(v2.links[0]?.formerParagraphs[id]).toEqual([`${id}--a2`, `${id}--a3`]);
    // ...and forever after, even once the answer grows again past the old count.
    const v3 = step(v2.ledger, text([QAS.energy!]));
    expect(v3.links[0]?.formerParagraphs[id]).toEqual([`${id}--a2`, `${id}--a3`]);
  });

  it("recognises a re-imported transcript by its source URL even when its title (and URL) changed", () => {
    const source = "https://www.mid.ru/en/foreign_policy/news/-/asset_publisher/cKNonkJE02Bw/content/id/4371436";
    const v1 = step(emptyLedger(), text([QAS.syria!, QAS.visas!], { source }));
    const oldUrl = v1.ledger.transcripts[0]!.url;
    const v2 = step(v1.ledger, text([QAS.syria!, QAS.visas!], { source: source.replace("https://www.", "http://"), title: "Press conference on foreign policy, Moscow, March 4, 2021" }));
    const entry = v2.ledger.transcripts[0]!;
    expect(v2.ledger.transcripts).toHaveLength(1);
    expect(entry.url).not.toBe(oldUrl);
    expect(entry.formerUrls).toEqual([oldUrl]);
    expect(sectionIds(v2.transcripts[0]!)).toEqual(sectionIds(v1.transcripts[0]!));
    expect(v2.links[0]?.redirects).toEqual([
      { from: oldUrl, to: entry.url },
      { from: `${oldUrl}what-about-syria-will-the-talks/`, to: `${entry.url}what-about-syria-will-the-talks/` },
      { from: `${oldUrl}when-will-visa-rules-for-business/`, to: `${entry.url}when-will-visa-rules-for-business/` },
    ]);
  });

  it("recognises a transcript without a source by its URL, else by its content, never by its file", () => {
    const a = text([QAS.syria!, QAS.visas!]);
    const b = text([QAS.energy!, QAS.arctic!], { title: "Interview on energy, Moscow, March 4, 2021" });
    const v1 = step(emptyLedger(), a, b);
    // Corrected title of the first one (new URL, no source): found by its sections.
    const a2 = text([QAS.syria!, [QAS.visas![0], `${QAS.visas![1]} We hope for progress soon.`]], { title: "Press conference on the world, Moscow, March 4, 2021" });
    const v2 = step(v1.ledger, b, a2);
    expect(sectionIds(v2.transcripts[1]!)).toEqual(sectionIds(v1.transcripts[0]!));
    expect(sectionIds(v2.transcripts[0]!)).toEqual(sectionIds(v1.transcripts[1]!));
    expect(v2.ledger.transcripts.map((e) => e.formerUrls.length).sort()).toEqual([0, 1]);
  });

  it("finds a transcript whose URL changed and whose text did not by its text, before any closer-scored entry", () => {
    // Two entries that both share every section with the renamed transcript: one an earlier, edited version
    // (the first in ledger order), one with exactly its text. The exact one continues it.
    const exact = text([QAS.syria!, QAS.visas!, QAS.energy!], { title: "Press conference on current affairs, Moscow, March 4, 2021" });
    const edited = text([[QAS.syria![0], `${QAS.syria![1]} Really.`], QAS.visas!, QAS.energy!], { title: "Briefing on current affairs, Moscow, March 4, 2021" });
    const v1 = step(emptyLedger(), edited, exact);
    const [editedUrl, exactUrl] = v1.ledger.transcripts.map((e) => e.url);
    const renamed = exact.replace("Press conference on current affairs", "News conference on current affairs");
    const v2 = step(v1.ledger, renamed);
    expect(v2.ledger.transcripts[0]!.formerUrls).toEqual([exactUrl]);
    expect(v2.links[0]!.redirects.map((r) => r.from)).toContain(exactUrl);
    expect(v2.ledger.transcripts.slice(1).map((e) => e.url)).toEqual([editedUrl]);
  });

  it("keeps the ids of a transcript missing from one build for when it returns", () => {
    const v1 = step(emptyLedger(), text([QAS.syria!]), text([QAS.arctic!], { title: "Interview on the Arctic, Moscow, March 4, 2021" }));
    const v2 = step(v1.ledger, text([QAS.syria!]));
    expect(v2.ledger.transcripts).toHaveLength(2);
    expect(v2.ledger.transcripts).toContainEqual(v1.ledger.transcripts.find((e) => e.url.includes("arctic")));
  });

  it("records as preview the opening twelve words of a section's paragraphs, however they are spaced", () => {
    // The definition (README: "preview: opening words"): all paragraphs joined by a space, split at whitespace.
    const reference = (texts: string[]): string => {
      const ws = texts.join(" ").trim().split(/\s+/u);
      return ws.length > 12 ? `${ws.slice(0, 12).join(" ")}…` : ws.join(" ");
    };
    let seed = 7;
    const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const spaces = [" ", "  ", "\n", "\t", "\u00a0", "\u2003", " ".repeat(300)];
    const paragraph = (): string => {
      const n = [0, 1, 3, 11, 12, 13, 40, 2000][Math.floor(random() * 8)] as number;
      let out = random() < 0.3 ? (spaces[Math.floor(random() * spaces.length)] as string) : "";
      // Words of 1 to 40 letters (and a few of 400), so the twelfth and thirteenth fall anywhere around the first few hundred characters.
      for (let i = 0; i < n; i++) out += `${random() < 0.05 ? "x".repeat(400) : `w${i}`.padEnd(1 + Math.floor(random() * 40), "abc")}${spaces[Math.floor(random() * spaces.length)]}`;
      return random() < 0.5 ? out.trimEnd() : out;
    };
    const t = parse(text([QAS.syria!]));
    for (let round = 0; round < 500; round++) {
      const texts = Array.from({ length: 1 + Math.floor(random() * 4) }, paragraph);
      const sections = t.sections.map((s) => (s.kind === "qa" ? { ...s, question: [], answer: [{ ...s.answer[0]!, paragraphs: texts.map((x, i) => ({ id: `p${i}`, text: x, line: 1 })) }] } : s));
      const record = reconcile(emptyLedger(), [{ ...t, sections }]).ledger.transcripts[0]!.ids[1]!;
      expect(record.preview).toBe(reference(texts));
    }
  });

  it("refuses a damaged ledger with a message naming the file, instead of starting afresh", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verbatim-ledger-"));
    await writeFile(join(dir, "bad.json"), "{ not json");
    await expect(readLedger(join(dir, "bad.json"))).rejects.toThrow(/bad\.json: the id ledger is not valid JSON/);
    await writeFile(join(dir, "wrong.json"), JSON.stringify({ version: 1, transcripts: [{ url: "/x/", ids: "no" }] }));
    await expect(readLedger(join(dir, "wrong.json"))).rejects.toThrow(/wrong\.json: the id ledger is damaged at transcripts\.0\./);
    await writeFile(join(dir, "newer.json"), JSON.stringify({ version: 3, transcripts: [] }));
    await expect(readLedger(join(dir, "newer.json"))).rejects.toThrow(/newer\.json: the id ledger is version 3, written by a newer verbatim/);
    expect(await readLedger(join(dir, "missing.json"))).toEqual(emptyLedger());
  });
});
