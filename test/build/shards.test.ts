import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { MOSCOW, SOCHI } from "../support/paths.js";
import { buildSite } from "../support/build-site.js";
import { COMMITTED_LEDGER, makeCorpus } from "../ids/corpus.js";

async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name);
    // The search bundle's filter files are not byte-stable in Pagefind itself (README, "Rebuilds").
    if (e.isFile() && !relative(dir, path).startsWith("pagefind")) out.set(relative(dir, path), await readFile(path));
  }
  return out;
}

describe("rendering in shards", () => {
  it("one Eleventy run per transcript on worker threads writes the same site, byte for byte, as one run on this thread", async () => {
    // A third transcript with the same speaker, so newer/older links and the speaker page cross shards.
    const sochi = await readFile(SOCHI, "utf8");
    const files = { "a.txt": sochi, "b.txt": await readFile(MOSCOW, "utf8"), "c.txt": sochi.replace(/Sochi, February 7, 2018/g, "Sochi, February 9, 2018") };
    const corpus = await makeCorpus(files, COMMITTED_LEDGER);
    const one = await buildSite({ input: corpus.input, ledgerFile: corpus.ledgerFile, searchIndex: false, updateLedger: false });
    const sharded = await buildSite({ input: corpus.input, ledgerFile: corpus.ledgerFile, searchIndex: false, updateLedger: false, shardSize: 1, renderWorkers: 2 });
    expect(sharded.report.pages).toBe(one.report.pages);
    const [a, b] = [await tree(one.dir), await tree(sharded.dir)];
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differ = [...a].filter(([k, v]) => !b.get(k)?.equals(v)).map(([k]) => k);
    expect(differ).toEqual([]);
    // The check has teeth: the pages link across shards (newer/older) and the lists hold every transcript.
    const home = (await readFile(join(sharded.dir, "index.html"), "utf8")).match(/href="\/20\d\d\/\d\d\/\d\d\/[^"]*\/"/g) ?? [];
    expect(new Set(home).size).toBeGreaterThanOrEqual(3);
    const pagers = [...a.keys()].filter((k) => /^20\d\d[\\/]\d\d[\\/]\d\d[\\/][^\\/]+[\\/]index\.html$/.test(k)).map((k) => a.get(k)!.toString("utf8")).filter((h) => h.includes('class="pager"'));
    expect(pagers.length).toBe(3);
  }, 120_000);
});
