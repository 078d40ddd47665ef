import { existsSync } from "node:fs";
import { copyFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build, LEDGER_FILE, type BuildOptions, type BuildReport } from "../../src/build/build.js";
import { ROOT } from "./paths.js";

export interface BuiltSite {
  dir: string;
  report: BuildReport;
  reportFile: string;
  ledgerFile: string;
}

/**
 * A real build of the project (Eleventy + Pagefind) into a fresh temporary folder. Unless a test names its
 * own ledger, the build works on a temporary copy of the input's ledger: tests never rewrite committed files.
 */
export async function buildSite(options: Omit<BuildOptions, "root" | "output" | "workDir"> = {}): Promise<BuiltSite> {
  const tmp = await mkdtemp(join(tmpdir(), "verbatim-test-"));
  const dir = join(tmp, "site");
  const reportFile = join(tmp, "report.json");
  let ledgerFile = options.ledgerFile;
  if (!ledgerFile) {
    ledgerFile = join(tmp, "ledger.json");
    const committed = resolve(ROOT, options.input ?? "content/transcripts", LEDGER_FILE);
    if (existsSync(committed)) await copyFile(committed, ledgerFile);
  }
  const report = await build({ ...options, ledgerFile, root: ROOT, output: dir, workDir: join(tmp, "pages"), reportFile });
  return { dir, report, reportFile, ledgerFile };
}
