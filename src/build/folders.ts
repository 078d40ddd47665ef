import { existsSync } from "node:fs";
import { readdir, realpath } from "node:fs/promises";
import { join } from "node:path";
import { isAbsolute, relative, resolve } from "node:path";

/**
 * The build deletes and replaces its output folder. Refuse an output folder that is, or contains, the
 * input folder or the project itself, or that already holds files but is not a site Verbatim built, so that a
 * mistyped --out can never delete transcripts, sources or anything else.
 */
export async function assertSafeFolders(root: string, input: string, output: string): Promise<void> {
  const [realRoot, realInput] = await Promise.all([real(root), real(input)]);
  const out = resolve(output);
  const inside = (parent: string, child: string) => {
    const rel = relative(parent, child);
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  };
  if (inside(out, realInput) || inside(out, input)) throw new Error(`refusing to build into ${output}: it is or contains the input folder ${input}, which the build would delete`);
  if (inside(out, realRoot)) throw new Error(`refusing to build into ${output}: it is or contains the project folder ${root}`);
  if (inside(input, out) || inside(realInput, out)) throw new Error(`refusing to build into ${output}: it is inside the input folder ${input}, so the site would be read as transcripts`);
  if (!(await isReplaceable(out))) throw new Error(`refusing to build into ${output}: it already holds files and is not a site Verbatim built (no ${SITE_MARKERS.join(" and ")}), and the build would delete them; choose a new or empty folder`);
}

/** Files every Verbatim build writes at the top of its output: their presence marks a folder as a site it built. */
export const SITE_MARKERS = ["transcripts.json", "index.html"];

/** A folder the build may replace: missing, empty, or a site an earlier build wrote. */
async function isReplaceable(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return true;
  const entries = await readdir(dir).catch(() => null);
  if (entries === null) return false;
  return entries.length === 0 || SITE_MARKERS.every((m) => existsSync(join(dir, m)));
}

async function real(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    throw new Error(`input folder ${p} does not exist or cannot be read`);
  }
}
