import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type BuildOptions, type BuildReport } from "../../src/build/build.js";
import { ROOT } from "./paths.js";

export interface BuiltSite {
  dir: string;
  report: BuildReport;
  reportFile: string;
}

/** A real build of the project (Eleventy + Pagefind) into a fresh temporary folder. */
export async function buildSite(options: Omit<BuildOptions, "root" | "output" | "workDir"> = {}): Promise<BuiltSite> {
  const tmp = await mkdtemp(join(tmpdir(), "verbatim-test-"));
  const dir = join(tmp, "site");
  const reportFile = join(tmp, "report.json");
  const report = await build({ ...options, root: ROOT, output: dir, workDir: join(tmp, "pages"), reportFile });
  return { dir, report, reportFile };
}
