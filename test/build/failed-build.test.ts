import { existsSync, readdirSync } from "node:fs";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.js";
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
});
