import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Verbatim's own folder (where its package.json and .eleventy.js are), wherever the CLI is run from. */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The Eleventy configuration a build of `root` uses: the project's own .eleventy.js if it has one, else
 * Verbatim's. A project is normally just a folder of transcripts (and maybe verbatim.config.json) in which
 * `npx verbatim build` is run; it needs no Eleventy file of its own.
 */
export function eleventyConfigFile(root: string): string {
  const own = join(root, ".eleventy.js");
  return existsSync(own) ? own : join(PACKAGE_ROOT, ".eleventy.js");
}
