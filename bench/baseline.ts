import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The baseline's input: every raw transcript as a Markdown page, text unchanged, with front-matter naming a
 * title (the file name) and the bare layout of baseline/eleventy.config.mjs.
 */
export async function writeBaselineInput(corpusDir: string, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const f of (await readdir(corpusDir)).sort()) {
    if (!f.endsWith(".txt")) continue;
    const text = await readFile(join(corpusDir, f), "utf8");
    await writeFile(join(dir, f.replace(/\.txt$/, ".md")), `---\ntitle: ${f}\nlayout: base.11ty.js\n---\n${text}`);
  }
}
