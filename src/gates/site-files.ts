import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** Every HTML page of a built site (relative paths, sorted), skipping the search bundle. */
export async function htmlPages(siteDir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string): Promise<void> {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== "pagefind") await walk(p);
      } else if (e.name.endsWith(".html")) out.push(relative(siteDir, p).split(sep).join("/"));
    }
  }
  await walk(siteDir);
  return out.sort();
}

/** "2018/02/07/slug/index.html" -> "/2018/02/07/slug/" */
export function pageUrlOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}
