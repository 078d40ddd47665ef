import { realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";

/**
 * The build deletes and replaces its output folder. Refuse an output folder that is, or contains, the
 * input folder or the project itself, so that a mistyped --out can never delete transcripts or sources.
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
}

async function real(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    throw new Error(`input folder ${p} does not exist or cannot be read`);
  }
}
