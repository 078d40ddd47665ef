import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.js";
import { openCache } from "../../src/build/cache.js";
import { loadTranscripts, type Loaded } from "../../src/build/load.js";
import { readLedger } from "../../src/ids/ledger-file.js";
import { reconcile } from "../../src/ids/reconcile.js";
import { sectionText } from "../../src/ids/text.js";
import { MOSCOW, SOCHI } from "../support/paths.js";

const V1_LEDGER = join(import.meta.dirname, "../ids/fixtures/ledger-v1.json");

/** Every transcript's worker-made texts are what sectionText gives for its sections, in order. */
function expectTextsOfSections(loaded: Loaded): void {
  expect(loaded.parsed.length).toBeGreaterThan(0);
  for (const p of loaded.parsed) expect(p.texts).toEqual(p.t.sections.map(sectionText));
}

describe("section texts for the id ledger", () => {
  it("are made on the parse workers and kept in the cache, equal to sectionText of each section", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "verbatim-texts-"));
    const input = join(tmp, "in");
    await writeCorpus(input, 6, { words: 600, questions: 3, seed: 11 });
    await copyFile(SOCHI, join(input, "sochi.txt"));
    await copyFile(MOSCOW, join(input, "moscow.txt"));
    const cacheDir = await openCache(join(tmp, "cache"));

    const here = await loadTranscripts(input, { workers: 0 });
    const fill = await loadTranscripts(input, { workers: 2, cacheDir });
    const warm = await loadTranscripts(input, { workers: 2, cacheDir });
    expect(fill.workers).toBe(2);
    expect(warm.cached).toBe(8);
    for (const loaded of [here, fill, warm]) {
      expectTextsOfSections(loaded);
      expect(loaded.parsed.map((p) => p.texts)).toEqual(here.parsed.map((p) => p.texts));
    }
  });

  it("hold after the ledger renames sections: they depend on kinds and paragraph texts only, never on ids", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "verbatim-texts-"));
    const input = join(tmp, "in");
    // A reworded question: its section keeps the old id, which is no longer its natural id.
    const moscow = (await readFile(MOSCOW, "utf8")).replace("There is a saying in my native German language that smart people give way in a dispute.", "In my native German language there is a saying that clever people give way in an argument.");
    await mkdir(input, { recursive: true });
    await writeFile(join(input, "moscow.txt"), moscow);
    const loaded = await loadTranscripts(input, { workers: 0 });
    const [p] = loaded.parsed;
    const r = reconcile(await readLedger(V1_LEDGER), [p!.t], () => p!.texts);
    const renamed = r.transcripts[0]!.sections;
    expect(renamed.map((s) => s.id)).not.toEqual(p!.t.sections.map((s) => s.id));
    expect(renamed.map(sectionText)).toEqual(p!.texts);
  });

  it("are refused from a cache entry that lacks them or does not fit its transcript, which is then parsed again", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "verbatim-texts-"));
    const input = join(tmp, "in");
    await mkdir(input, { recursive: true });
    await copyFile(SOCHI, join(input, "sochi.txt"));
    const cacheDir = await openCache(join(tmp, "cache"));
    const first = await loadTranscripts(input, { workers: 0, cacheDir });
    const [key] = first.keys;
    const entryFile = join(cacheDir, `${key}.entry`);
    const entry = JSON.parse(await readFile(entryFile, "utf8")) as { texts?: unknown[] };
    for (const damaged of [{ ...entry, texts: undefined }, { ...entry, texts: entry.texts?.slice(1) }]) {
      await writeFile(entryFile, JSON.stringify(damaged));
      const again = await loadTranscripts(input, { workers: 0, cacheDir });
      expect(again.cached).toBe(0);
      expectTextsOfSections(again);
    }
  });
});
