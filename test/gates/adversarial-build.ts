import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type BuildReport } from "../../src/build/build.js";
import { generateLargeCorpus } from "../adversarial/generate.js";
import { ROOT } from "../support/paths.js";

export const CORPUS = join(ROOT, "test/adversarial/corpus");

export interface AdversarialBuild {
  input: string;
  site: string;
  report: BuildReport;
  ms: number;
}

/** The committed corpus, the generated large files, and the links, pipe and odd names only a test can make. */
export async function makeAdversarialInput(): Promise<{ tmp: string; input: string }> {
  const tmp = await mkdtemp(join(tmpdir(), "verbatim-adversarial-"));
  const input = join(tmp, "transcripts");
  await cp(CORPUS, input, { recursive: true });
  await generateLargeCorpus(input);
  const outside = join(tmp, "secret.txt");
  await writeFile(outside, "Private notes, Moscow, May 1, 2020\n\nQuestion: Should this be published?\n\nNobody: Never.\n");
  await symlink(outside, join(input, "link-outside.txt"));
  await symlink(join(tmp, "does-not-exist.txt"), join(input, "link-broken.txt"));
  await mkdir(join(tmp, "folder"));
  await symlink(join(input), join(input, "link-to-folder"));
  execFileSync("mkfifo", [join(input, "named-pipe.txt")]);
  await writeFile(join(input, "\u202Etxt.exe"), "Briefing under a deceptive file name, Minsk, June 3, 2021\n\nQuestion: Is the name shown safely?\n\nMaria Zakharova: It is escaped in every message.\n");
  await writeFile(join(input, "cafe\u0301 decomposed.txt"), "Remarks at a café about accents, Paris, June 4, 2021\n\nQuestion: Does a decomposed file name matter?\n\nSergey Lavrov: Only the title decides the address.\n");
  return { tmp, input };
}

export async function buildAdversarial(): Promise<AdversarialBuild> {
  const { tmp, input } = await makeAdversarialInput();
  const started = Date.now();
  const report = await build({ root: ROOT, input, output: join(tmp, "site"), workDir: join(tmp, "pages"), reportFile: join(tmp, "report.json") });
  return { input, site: join(tmp, "site"), report, ms: Date.now() - started };
}
