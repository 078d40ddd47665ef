import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { MOSCOW, SOCHI } from "../support/paths.js";
import { buildCorpus, COMMITTED_LEDGER, makeCorpus } from "../ids/corpus.js";

async function files(dir: string, ext: RegExp): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name);
    if (e.isFile() && ext.test(e.name)) out.set(relative(dir, path), await readFile(path));
  }
  return out;
}

describe("deterministic output", () => {
  it("building twice gives byte-identical Markdown, HTML and ledger", async () => {
    const seeds = { "a.txt": await readFile(SOCHI, "utf8"), "b.txt": await readFile(MOSCOW, "utf8") };
    const corpus = await makeCorpus(seeds, COMMITTED_LEDGER);
    const first = await buildCorpus(corpus);
    const ledgerAfterFirst = await readFile(corpus.ledgerFile, "utf8");
    // The second build reads the ledger the first one wrote, exactly as a real rebuild does.
    const second = await buildCorpus(corpus);
    const [md1, md2] = [await files(join(dirname(first.dir), "pages"), /\.md$/), await files(join(dirname(second.dir), "pages"), /\.md$/)];
    const [html1, html2] = [await files(first.dir, /\.html$/), await files(second.dir, /\.html$/)];
    // One Markdown page per transcript (answer pages are rendered from data, not files)...
    expect([...md1.keys()].map((k) => k.split("\\").join("/")).filter((k) => /^shard-\d+\/transcripts\//.test(k))).toHaveLength(2);
    expect(md1.size).toBe(2);
    // ...and an HTML page per transcript plus one per answer (4 + 13), besides the list pages.
    expect(html1.size).toBeGreaterThanOrEqual(2 + 4 + 13);
    expect([...md2.keys()]).toEqual([...md1.keys()]);
    expect([...html2.keys()].sort()).toEqual([...html1.keys()].sort());
    for (const [k, v] of md1) expect(md2.get(k)?.equals(v), k).toBe(true);
    for (const [k, v] of html1) expect(html2.get(k)?.equals(v), k).toBe(true);
    expect(await readFile(corpus.ledgerFile, "utf8")).toBe(ledgerAfterFirst);
  });
});
