import { copyFile, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.js";
import { build, type BuildOptions } from "../../src/build/build.js";
import { MOSCOW, ROOT, SOCHI } from "../support/paths.js";

/** Every file of a built site with its bytes, except the Pagefind bundle (its file names vary from run to run). */
async function siteFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(d: string): Promise<void> {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (relative(dir, p) !== "pagefind") await walk(p);
      } else out.set(relative(dir, p), (await readFile(p)).toString("base64"));
    }
  }
  await walk(dir);
  return out;
}

async function run(tmp: string, name: string, input: string, extra: Partial<BuildOptions>) {
  const out = join(tmp, name);
  let load: Record<string, unknown> = {};
  const report = await build({ root: ROOT, input, output: out, workDir: join(tmp, `${name}-pages`), reportFile: join(tmp, `${name}.json`), onStage: (s, _ms, d) => { if (s === "load") load = d as Record<string, unknown>; }, ...extra });
  return { files: await siteFiles(out), report, cached: load.cached as number, workers: load.workers as number, reportJson: await readFile(join(tmp, `${name}.json`), "utf8") };
}

describe("content-hash cache", () => {
  it("gives byte-identical pages and report to a cold build, before and after one transcript changes", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "verbatim-cache-"));
    const input = join(tmp, "in");
    await writeCorpus(input, 8, { words: 900, questions: 4, seed: 7 });
    await copyFile(SOCHI, join(input, "sochi.txt"));
    await copyFile(MOSCOW, join(input, "moscow.txt"));
    // Same title and date as sochi.txt: the later file name publishes at "-2" (re-emitted after the cache).
    await copyFile(SOCHI, join(input, "sochi-repost.txt"));
    await writeFile(join(input, "broken.txt"), Buffer.from([0x00, 0x01, 0x02, 0x00, 0xff]));
    const cacheDir = join(tmp, "cache");

    const cold = await run(tmp, "cold", input, { cacheDir: false, workers: 0 });
    const fill = await run(tmp, "fill", input, { cacheDir, workers: 2 });
    const warm = await run(tmp, "warm", input, { cacheDir, workers: 2 });
    expect(fill.workers).toBe(2);
    expect(fill.cached).toBe(0);
    expect(warm.cached).toBe(11);
    expect(cold.report.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(["unreadable", "duplicate-url"]));
    expect([...cold.files.keys()].some((f) => f.endsWith("-2/index.html"))).toBe(true);
    for (const other of [fill, warm]) {
      expect(other.files).toEqual(cold.files);
      expect(other.reportJson).toBe(cold.reportJson);
    }

    const moscow = await readFile(join(input, "moscow.txt"), "utf8");
    await writeFile(join(input, "moscow.txt"), moscow.replace("Sergey Lavrov:", "Sergey Lavrov: Edited {{ not a template }} words."));
    const coldEdited = await run(tmp, "cold-edited", input, { cacheDir: false });
    const warmEdited = await run(tmp, "warm-edited", input, { cacheDir, workers: 2 });
    expect(warmEdited.cached).toBe(10);
    expect(warmEdited.files).toEqual(coldEdited.files);
    expect(warmEdited.reportJson).toBe(coldEdited.reportJson);
    expect(warmEdited.files).not.toEqual(cold.files);
    // The edited transcript's old entry is pruned: one entry (summary + page) per readable transcript.
    const [version] = await readdir(cacheDir);
    expect((await readdir(join(cacheDir, version!))).length).toBe(11);
  });
});
