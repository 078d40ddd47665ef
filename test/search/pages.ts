import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** The HTML pages of a built site (not its search bundle), as the indexer receives them. */
export function builtPages(dir: string): { path: string; content: string }[] {
  const out: { path: string; content: string }[] = [];
  (function walk(d: string) {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory() && e.name !== "pagefind") walk(p);
      else if (e.name.endsWith(".html")) out.push({ path: relative(dir, p), content: readFileSync(p, "utf8") });
    }
  })(dir);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
