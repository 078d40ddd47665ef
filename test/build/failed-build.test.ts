import { existsSync, readdirSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, PublishedError } from "../../src/build/build.js";
import type { Progress } from "../../src/build/progress.js";
import { ROOT, SEEDS_DIR } from "../support/paths.js";

describe("a build that fails", () => {
  it("mid-way, after Eleventy has rendered, leaves the previous site exactly as it was and no partial folder", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "verbatim-fail-"));
    const out = join(tmp, "site");
    const opts = { root: ROOT, input: SEEDS_DIR, output: out, workDir: join(tmp, "pages"), reportFile: join(tmp, "report.json") };
    const first = await build(opts);
    const home = await readFile(join(out, "index.html"), "utf8");
    const files = readdirSync(out, { recursive: true }).sort();

    // Second build, from a different input, aborted right after rendering into <out>.partial.
    const input2 = join(tmp, "input2");
    await cp(SEEDS_DIR, input2, { recursive: true });
    await writeFile(join(input2, "extra.txt"), "An extra briefing, Minsk, June 3, 2021\n\nQuestion: Will this appear?\n\nMaria Zakharova: Not if the build fails.\n");
    const ledger = await readFile(join(input2, ".ledger.json"), "utf8");
    const controller = new AbortController();
    let partialSeen = false;
    const progress: Progress = {
      stage() {}, tick() {}, end() {},
      note(line) {
        if (/^rendered \d+ page/.test(line)) {
          partialSeen = existsSync(join(`${out}.partial`, "index.html"));
          controller.abort(new Error("interrupted mid-way"));
        }
      },
    };
    await expect(build({ ...opts, input: input2, progress, signal: controller.signal })).rejects.toThrow("interrupted mid-way");
    expect(partialSeen).toBe(true);
    expect(existsSync(`${out}.partial`)).toBe(false);
    expect(await readFile(join(out, "index.html"), "utf8")).toBe(home);
    expect(readdirSync(out, { recursive: true }).sort()).toEqual(files);
    expect(home).not.toContain("An extra briefing");
    expect(first.transcripts).toHaveLength(2);
    // The new ledger was staged before rendering; the failed build leaves the old one and no staged file.
    expect(await readFile(join(input2, ".ledger.json"), "utf8")).toBe(ledger);
    expect(readdirSync(input2).sort()).toEqual([...readdirSync(SEEDS_DIR), "extra.txt"].sort());
    // Built to the end, the same input records the new transcript's ids.
    await build({ ...opts, input: input2 });
    expect(await readFile(join(input2, ".ledger.json"), "utf8")).toContain("\"url\": \"/2021/06/03/extra-briefing");
    expect(readdirSync(input2).sort()).toEqual([...readdirSync(SEEDS_DIR), "extra.txt"].sort());
  });

  it("after the new site is live, says so, and keeps the ids it published recorded", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "verbatim-fail-late-"));
    const input = join(tmp, "input");
    await cp(SEEDS_DIR, input, { recursive: true });
    await writeFile(join(input, "extra.txt"), "An extra briefing, Minsk, June 3, 2021\n\nQuestion: Will this appear?\n\nMaria Zakharova: Yes, the site is published first.\n");
    // The report is written last; a file where its folder should be makes that step fail.
    await writeFile(join(tmp, "not-a-folder"), "");
    const late = build({ root: ROOT, input, output: join(tmp, "site"), workDir: join(tmp, "pages"), reportFile: join(tmp, "not-a-folder", "report.json"), searchIndex: false });
    await expect(late).rejects.toThrow(PublishedError);
    await expect(late).rejects.toThrow(/^the site was published, but /);
    expect(await readFile(join(tmp, "site", "index.html"), "utf8")).toContain("An extra briefing");
    expect(await readFile(join(input, ".ledger.json"), "utf8")).toContain('"url": "/2021/06/03/extra-briefing/"');
    expect(readdirSync(input).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses an output folder that is, or contains, the input folder or the project", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "verbatim-folders-"));
    const input = join(tmp, "in");
    await cp(SEEDS_DIR, input, { recursive: true });
    const base = { root: ROOT, input, workDir: join(tmp, "pages"), reportFile: join(tmp, "r.json") };
    await expect(build({ ...base, output: input })).rejects.toThrow(/is or contains the input folder/);
    await expect(build({ ...base, output: tmp })).rejects.toThrow(/is or contains the input folder/);
    await expect(build({ ...base, output: join(input, "..", "in", "site") })).rejects.toThrow(/inside the input folder/);
    // The project folder itself (its parent would also hold the input when the checkout sits in the temp folder).
    await expect(build({ ...base, output: ROOT })).rejects.toThrow(/is or contains the project folder/);
    await expect(build({ ...base, input: join(tmp, "missing"), output: join(tmp, "site") })).rejects.toThrow(/input folder .*missing does not exist/);
    expect(readdirSync(input).sort()).toEqual(readdirSync(SEEDS_DIR).sort());
  });

  it("refuses to replace a folder that holds files but is not a site it built, and replaces one that is", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "verbatim-folders-"));
    const base = { root: ROOT, input: SEEDS_DIR, workDir: join(tmp, "pages"), reportFile: join(tmp, "r.json"), ledgerFile: join(tmp, "ledger.json"), searchIndex: false };
    // A mistyped --out pointing at someone's documents, or at the sources of another project.
    const documents = join(tmp, "documents");
    await mkdir(documents);
    await writeFile(join(documents, "thesis.docx"), "four years of work");
    await expect(build({ ...base, output: documents })).rejects.toThrow(/refusing to build into .*documents: it already holds files and is not a site Verbatim built/);
    const sources = join(tmp, "other-project", "src");
    await cp(join(ROOT, "src", "build"), join(sources, "build"), { recursive: true });
    await expect(build({ ...base, output: sources })).rejects.toThrow(/it already holds files and is not a site Verbatim built/);
    expect(readdirSync(documents)).toEqual(["thesis.docx"]);
    expect(existsSync(join(sources, "build", "build.ts"))).toBe(true);
    // A new folder, an empty one, and then the site built there are all fine to (re)build into.
    await mkdir(join(tmp, "empty"));
    await build({ ...base, output: join(tmp, "empty") });
    await build({ ...base, output: join(tmp, "empty") });
    expect(existsSync(join(tmp, "empty", "transcripts.json"))).toBe(true);
  });
});
