import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { MOSCOW, ROOT, SOCHI } from "../support/paths.js";


/**
 * Every file of Verbatim's own folder with its size and modification time. Not node_modules or .git; not
 * .verbatim/cache either, which builds in other test files (root: ROOT) write while this one runs; not the
 * bench's work folder (bench/out, git-ignored), which after a bench at 10,000 holds hundreds of thousands of
 * files that only `npm run bench` writes.
 */
async function packageFiles(dir = ROOT, out = new Map<string, string>()): Promise<Map<string, string>> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    const rel = relative(ROOT, path);
    if (rel === "node_modules" || rel === ".git" || rel === join(".verbatim", "cache") || rel === join("bench", "out")) continue;
    if (e.isDirectory()) await packageFiles(path, out);
    else {
      const s = await stat(path);
      out.set(rel, `${s.size}:${s.mtimeMs}`);
    }
  }
  return out;
}

describe("verbatim run in a folder of one's own", () => {
  it("builds a project that has only transcripts, with Verbatim's own Eleventy config, and writes nothing into Verbatim's folder", async () => {
    const project = await mkdtemp(join(tmpdir(), "verbatim-project-"));
    await mkdir(join(project, "transcripts"));
    for (const f of [SOCHI, MOSCOW]) await copyFile(f, join(project, "transcripts", f.split("/").pop()!));
    const before = await packageFiles();

    const r = spawnSync(process.execPath, [join(ROOT, "bin/verbatim.js"), "build", "--input", "transcripts", "--out", "site"], {
      cwd: project, encoding: "utf8", env: { ...process.env, CI: "true" }, timeout: 120_000,
    });
    expect(r.stderr).not.toMatch(/failed|error/i);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^built 2 transcripts, \d+ sections, \d+ pages; 0 files skipped, 0 errors/m);

    const site = join(project, "site");
    // The build report, which the project gets too, says where each transcript was published.
    const report = JSON.parse(await readFile(join(project, ".verbatim", "build-report.json"), "utf8")) as { transcripts: { file: string; url: string }[] };
    expect(report.transcripts.map((t) => t.file).sort()).toEqual([SOCHI, MOSCOW].map((f) => f.split("/").pop()).sort());
    for (const { url } of report.transcripts) expect(existsSync(join(site, url, "index.html")), url).toBe(true);
    expect(existsSync(join(site, "assets", "search.js"))).toBe(true);
    expect(existsSync(join(site, "pagefind", "parts.json"))).toBe(true);
    expect(existsSync(join(site, "pagefind", "pagefind.js"))).toBe(true);
    // The build's scratch and caches live in the project too.
    expect(existsSync(join(project, ".verbatim", "cache"))).toBe(true);
    expect(existsSync(join(project, ".eleventy.js"))).toBe(false);
    expect(await packageFiles()).toEqual(before);
  });
});
