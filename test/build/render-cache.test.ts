import { copyFile, mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.js";
import { build, type BuildOptions } from "../../src/build/build.js";
import { MOSCOW, ROOT, SOCHI } from "../support/paths.js";

/** Every file of a built site with its bytes (the Pagefind bundle aside: its file names vary from run to run). */
async function siteFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name);
    if (e.isFile() && !relative(dir, path).startsWith("pagefind")) out.set(relative(dir, path), (await readFile(path)).toString("base64"));
  }
  return out;
}

/**
 * The same project built again and again into one output folder (the way `verbatim build` is used), and each
 * time compared with a cold build of the same input in a folder of its own, with no cache at all.
 */
async function project() {
  const tmp = await mkdtemp(join(tmpdir(), "verbatim-render-cache-"));
  const input = join(tmp, "in");
  await writeCorpus(input, 6, { words: 700, questions: 3, seed: 11 });
  await copyFile(SOCHI, join(input, "sochi.txt"));
  await copyFile(MOSCOW, join(input, "moscow.txt"));
  const common = { root: ROOT, input, ledgerFile: join(tmp, "ledger.json"), updateLedger: false, searchIndex: false } satisfies BuildOptions;
  let runs = 0;
  const rebuild = async (extra: Partial<BuildOptions> = {}) => {
    let reused = -1;
    const report = await build({ ...common, output: join(tmp, "site"), workDir: join(tmp, "work", "pages"), cacheDir: join(tmp, "work", "cache"), reportFile: join(tmp, "report.json"), onStage: (s, _ms, d) => { if (s === "render") reused = (d as { reused: number }).reused; }, ...extra });
    return { report, reused, files: await siteFiles(join(tmp, "site")) };
  };
  const cold = async (extra: Partial<BuildOptions> = {}) => {
    const name = `cold-${++runs}`;
    await build({ ...common, output: join(tmp, name), workDir: join(tmp, `${name}-work`, "pages"), cacheDir: false, reportFile: join(tmp, `${name}.json`), ...extra });
    return siteFiles(join(tmp, name));
  };
  return { tmp, input, site: join(tmp, "site"), rebuild, cold };
}

describe("render cache", () => {
  it("keeps unchanged transcripts' pages, re-renders what an edit touches, and always writes the bytes of a cold build", async () => {
    const p = await project();
    const first = await p.rebuild();
    expect(first.reused).toBe(0);
    expect(first.files).toEqual(await p.cold());

    // Nothing changed: every transcript's files come from the previous build, as hard links of the same bytes.
    const page = [...first.files.keys()].find((f) => /^20\d\d[\\/]\d\d[\\/]\d\d[\\/][^\\/]+[\\/]index\.html$/.test(f))!;
    const before = await stat(join(p.site, page));
    const again = await p.rebuild();
    expect(again.reused).toBe(8);
    expect(again.files).toEqual(first.files);
    expect((await stat(join(p.site, page))).ino).toBe(before.ino);
    expect(again.report.pages).toBe(first.report.pages);

    // An answer edited in the middle of a transcript: only that transcript is rendered again.
    const moscow = await readFile(join(p.input, "moscow.txt"), "utf8");
    await writeFile(join(p.input, "moscow.txt"), moscow.replace("Sergey Lavrov:", "Sergey Lavrov: An edited {{ answer }} with <b>markup</b> as text."));
    const edited = await p.rebuild();
    expect(edited.reused).toBe(7);
    expect(edited.files).toEqual(await p.cold());
    expect(edited.files).not.toEqual(again.files);

    // A new title changes the newer/older links of the neighbours too: they are rendered again with it.
    const sochi = await readFile(join(p.input, "sochi.txt"), "utf8");
    await writeFile(join(p.input, "sochi.txt"), sochi.replace("Russian Diplomatic Leadership in Today’s World", "Diplomacy as a Profession"));
    const retitled = await p.rebuild();
    expect(retitled.reused).toBeLessThanOrEqual(5);
    expect(retitled.reused).toBeGreaterThanOrEqual(4);
    expect(retitled.files).toEqual(await p.cold());
  }, 180_000);

  it("never reuses a page that was changed in the live site, and renders everything when the site settings change", async () => {
    const p = await project();
    const first = await p.rebuild();
    // What `verbatim dev` does to an edited page: rewritten in place in the live site.
    const page = [...first.files.keys()].find((f) => f.endsWith("index.html") && /^20\d\d[\\/]\d\d[\\/]\d\d[\\/][^\\/]+[\\/]index\.html$/.test(f))!;
    await writeFile(join(p.site, page), "<!doctype html><title>stale draft</title>");
    const after = await p.rebuild();
    expect(after.reused).toBe(7);
    expect(after.files).toEqual(first.files);

    const retitled = await p.rebuild({ title: "Another archive" });
    expect(retitled.reused).toBe(0);
    expect(retitled.files).toEqual(await p.cold({ title: "Another archive" }));

    // Shards on worker threads reuse the same way.
    const sharded = await p.rebuild({ title: "Another archive", shardSize: 3, renderWorkers: 2 });
    expect(sharded.reused).toBe(8);
    expect(sharded.files).toEqual(retitled.files);
  }, 180_000);

  it("indexes reused pages for search like rendered ones", async () => {
    const p = await project();
    const first = await p.rebuild({ searchIndex: true });
    const again = await p.rebuild({ searchIndex: true });
    expect(again.reused).toBe(8);
    expect(again.report.indexed).toBe(first.report.indexed);
    expect(again.report.indexed).toBeGreaterThan(0);
  }, 180_000);
});
