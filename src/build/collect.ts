import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** Transcript files under `dir` (recursively), sorted so that builds never depend on directory order. */
export async function listTranscriptFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string): Promise<void> {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() || e.isSymbolicLink()) out.push(relative(dir, p).split(sep).join("/"));
    }
  }
  await walk(dir);
  return out.sort();
}
